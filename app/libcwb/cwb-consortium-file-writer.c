/* cwb-consortium-file-writer.c — a consortium written as a consortium file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-atomic-file.h"
#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-json-private.h"

static const char *
enum_nick (GType type,
           int   value)
{
  GEnumValue *enum_value = g_enum_get_value (_cwb_json_enum_class (type), value);

  return enum_value != NULL ? enum_value->value_nick : "other";
}

/* Writes @record's keys into @entry. */
typedef void (*WriteElement) (JsonObject    *entry,
                              gconstpointer  record);

/* (transfer full): an array of one object per element of @records */
static JsonNode *
objects_node (const GPtrArray *records,
              WriteElement     write)
{
  JsonArray *array = json_array_sized_new (records != NULL ? records->len : 0);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      JsonObject *entry = json_object_new ();

      write (entry, g_ptr_array_index (records, i));
      json_array_add_object_element (array, entry);
    }
  json_node_take_array (node, array);

  return node;
}

static void
standard_object (JsonObject    *entry,
                 gconstpointer  record)
{
  const CwbStandard *standard = record;

  json_object_set_string_member (entry, "kind", enum_nick (CWB_TYPE_STANDARD_KIND, standard->kind));
  json_object_set_string_member (entry, "title", standard->title);
}

static void
platform_object (JsonObject    *entry,
                 gconstpointer  record)
{
  const CwbPlatform *platform = record;

  json_object_set_string_member (entry, "name", platform->name);
  json_object_set_string_member (entry, "level", enum_nick (CWB_TYPE_PLATFORM_LEVEL, platform->level));
  json_object_set_string_member (entry, "kind", enum_nick (CWB_TYPE_PLATFORM_KIND, platform->kind));
}

static void
fiscal_year_object (JsonObject    *entry,
                    gconstpointer  record)
{
  const CwbFiscalYear *year = record;

  json_object_set_int_member (entry, "year", year->year);
  /* a figure that was not given is left out */
  if (year->rd_expense >= 0)
    json_object_set_int_member (entry, "rd_expense", year->rd_expense);
  if (year->sales >= 0)
    json_object_set_int_member (entry, "sales", year->sales);
}

static void
exception_object (JsonObject    *entry,
                  gconstpointer  record)
{
  const CwbException *exception = record;

  json_object_set_string_member (entry, "rule", exception->rule);
  json_object_set_string_member (entry, "document", exception->document);
  json_object_set_string_member (entry, "date", exception->date);
  json_object_set_string_member (entry, "reason", exception->reason);
}

static void
stage_event_object (JsonObject    *entry,
                    gconstpointer  record)
{
  const CwbStageEvent *event = record;
  GEnumValue *value = g_enum_get_value (_cwb_json_enum_class (CWB_TYPE_STAGE), event->stage);

  json_object_set_string_member (entry, "stage", value->value_nick);
  json_object_set_string_member (entry, "date", event->date);
  if (event->document != NULL)
    json_object_set_string_member (entry, "document", event->document);
  if (event->note != NULL)
    json_object_set_string_member (entry, "note", event->note);
}

/*
 * The writers the workspace database shares (cwb-consortium-file-private.h).
 */
JsonNode *
_cwb_strv_to_json (const char * const *items)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    json_array_add_string_element (array, items[i]);
  json_node_take_array (node, array);

  return node;
}

JsonNode *
_cwb_standards_to_json (const GPtrArray *standards)
{
  return objects_node (standards, standard_object);
}

JsonNode *
_cwb_platforms_to_json (GPtrArray *platforms)
{
  return objects_node (platforms, platform_object);
}

JsonNode *
_cwb_fiscal_years_to_json (GPtrArray *years)
{
  return objects_node (years, fiscal_year_object);
}

static JsonObject *
member_object (CwbMember *member)
{
  JsonObject *object = json_object_new ();
  JsonObject *declarations = json_object_new ();

  json_object_set_string_member (object, "uscc", cwb_member_get_uscc (member));
  json_object_set_string_member (object, "name", cwb_member_get_name (member));
  json_object_set_string_member (object, "kind",
                                 enum_nick (CWB_TYPE_MEMBER_KIND, cwb_member_get_kind (member)));
  if (cwb_member_get_lead (member))
    json_object_set_boolean_member (object, "lead", TRUE);
  json_object_set_boolean_member (object, "independent_legal_person",
                                  cwb_member_get_independent_legal_person (member));
  json_object_set_boolean_member (object, "registered_in_hainan",
                                  cwb_member_get_registered_in_hainan (member));
  json_object_set_boolean_member (object, "stationed_in_hainan",
                                  cwb_member_get_stationed_in_hainan (member));
  json_object_set_boolean_member (object, "above_designated_size",
                                  cwb_member_get_above_designated_size (member));
  json_object_set_boolean_member (object, "high_tech", cwb_member_get_high_tech (member));

  json_object_set_boolean_member (declarations, "cooperation_basis",
                                  cwb_member_get_cooperation_basis (member));
  json_object_set_boolean_member (declarations, "capability", cwb_member_get_capability (member));
  json_object_set_object_member (object, "declarations", declarations);

  if (cwb_member_get_established (member) != NULL)
    json_object_set_string_member (object, "established", cwb_member_get_established (member));
  if (cwb_member_get_revenue (member) >= 0)
    json_object_set_int_member (object, "revenue", cwb_member_get_revenue (member));
  if (cwb_member_get_rd_staff_fulltime (member) >= 0)
    json_object_set_int_member (object, "rd_staff_fulltime",
                                cwb_member_get_rd_staff_fulltime (member));

  if (cwb_member_get_has_platforms (member))
    json_object_set_member (object, "platforms",
                            _cwb_platforms_to_json (cwb_member_get_platforms (member)));
  if (cwb_member_get_has_fiscal_years (member))
    json_object_set_member (object, "fiscal_years",
                            _cwb_fiscal_years_to_json (cwb_member_get_fiscal_years (member)));

  return object;
}

/**
 * cwb_consortium_to_json:
 * @self: a #CwbConsortium
 *
 * The file's JSON, keys in the order of formats/consortium-v1.md; optional
 * objects and figures only when given; sections after the members
 * ("chief_expert", "agreement", then the others sorted), then "lifecycle"
 * when a step was recorded, "exceptions" last.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
cwb_consortium_to_json (CwbConsortium *self)
{
  static const char * const known_sections[] = { "chief_expert", "agreement" };
  g_autoptr(GList) sections = NULL;
  JsonObject *root;
  JsonObject *lists;
  JsonArray *members_array;
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  root = json_object_new ();
  json_object_set_string_member (root, "format", CWB_CONSORTIUM_FORMAT);
  json_object_set_string_member (root, "name", cwb_consortium_get_name (self));
  json_object_set_string_member (root, "industry", cwb_consortium_get_industry (self));

  lists = json_object_new ();
  json_object_set_member (lists, "scientific_problems",
                          _cwb_strv_to_json (cwb_consortium_get_scientific_problems (self)));
  json_object_set_member (lists, "key_technologies",
                          _cwb_strv_to_json (cwb_consortium_get_key_technologies (self)));
  json_object_set_member (lists, "transformation_results",
                          _cwb_strv_to_json (cwb_consortium_get_transformation_results (self)));
  json_object_set_member (lists, "landmark_results",
                          _cwb_strv_to_json (cwb_consortium_get_landmark_results (self)));
  json_object_set_member (lists, "standards",
                          _cwb_standards_to_json (cwb_consortium_get_standards (self)));
  json_object_set_object_member (root, "lists", lists);

  if (cwb_consortium_get_has_organization (self))
    {
      JsonObject *organization = json_object_new ();

      if (cwb_consortium_get_decision_body (self) != NULL)
        json_object_set_string_member (organization, "decision_body",
                                       cwb_consortium_get_decision_body (self));
      if (cwb_consortium_get_advisory_body (self) != NULL)
        json_object_set_string_member (organization, "advisory_body",
                                       cwb_consortium_get_advisory_body (self));
      if (cwb_consortium_get_executive_body (self) != NULL)
        {
          JsonObject *executive = json_object_new ();

          json_object_set_string_member (executive, "name",
                                         cwb_consortium_get_executive_body (self));
          json_object_set_boolean_member (executive, "permanent",
                                          cwb_consortium_get_executive_permanent (self));
          if (cwb_consortium_get_executive_fulltime_staff (self) >= 0)
            json_object_set_int_member (executive, "fulltime_staff",
                                        cwb_consortium_get_executive_fulltime_staff (self));
          json_object_set_object_member (organization, "executive_body", executive);
        }
      json_object_set_object_member (root, "organization", organization);
    }

  if (cwb_consortium_get_has_fund_management (self))
    {
      JsonObject *fund = json_object_new ();

      json_object_set_boolean_member (fund, "system", cwb_consortium_get_fund_system (self));
      json_object_set_boolean_member (fund, "internal_supervision",
                                      cwb_consortium_get_fund_internal_supervision (self));
      json_object_set_object_member (root, "fund_management", fund);
    }

  members_array = json_array_sized_new (cwb_consortium_get_n_members (self));
  for (guint i = 0; i < cwb_consortium_get_n_members (self); i++)
    json_array_add_object_element (members_array, member_object (cwb_consortium_get_member (self, i)));
  json_object_set_array_member (root, "members", members_array);

  for (guint i = 0; i < G_N_ELEMENTS (known_sections); i++)
    if ((node = cwb_consortium_get_section (self, known_sections[i])) != NULL)
      json_object_set_member (root, known_sections[i], json_node_copy (node));

  sections = cwb_consortium_list_sections (self);
  for (const GList *l = sections; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_strcmp0 (key, known_sections[0]) == 0 || g_strcmp0 (key, known_sections[1]) == 0)
        continue;
      json_object_set_member (root, key, json_node_copy (cwb_consortium_get_section (self, key)));
    }

  if (cwb_consortium_get_lifecycle (self)->len > 0)
    json_object_set_member (root, "lifecycle",
                            objects_node (cwb_consortium_get_lifecycle (self), stage_event_object));

  json_object_set_member (root, "exceptions",
                          objects_node (cwb_consortium_get_exceptions (self), exception_object));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);

  return node;
}

/*
 * The writer: two-space indentation, "key": value, empty containers as {}
 * and [], UTF-8 as is — the layout of the example files. json-glib's own
 * generator writes empty objects as "{    }" and doubles to 17 digits.
 */
static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  _cwb_json_format_double (buf, sizeof buf, value);
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_indent (GString *out,
              guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) keys = json_object_get_members (object);

        if (keys == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        g_string_append (out, "{\n");
        for (const GList *l = keys; l != NULL; l = l->next)
          {
            write_indent (out, level + 1);
            _cwb_json_append_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (object, l->data), level + 1);
            g_string_append (out, l->next != NULL ? ",\n" : "\n");
          }
        write_indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append (out, "[\n");
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, level + 1);
            write_node (out, json_array_get_element (array, i), level + 1);
            g_string_append (out, i + 1 < n ? ",\n" : "\n");
          }
        write_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          _cwb_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * cwb_consortium_to_data:
 * @self: a #CwbConsortium
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the file's text: pretty-printed UTF-8 JSON
 *   ending with a newline
 */
char *
cwb_consortium_to_data (CwbConsortium *self,
                        gsize         *length)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  root = cwb_consortium_to_json (self);
  out = g_string_sized_new (4096);
  write_node (out, root, 0);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * cwb_consortium_file_save:
 * @self: a #CwbConsortium
 * @file: where to write: a local file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @self atomically with cwb_atomic_file_write(): the text goes to a
 * temporary file beside @file, synced, then renamed over @file, so a
 * failure (a full disk, say) leaves an existing @file byte for byte as it
 * was. A @file with no local path is refused.
 *
 * Returns: %TRUE on success; else %FALSE with @error set in the
 *   %G_IO_ERROR domain (such as %G_IO_ERROR_NO_SPACE), its message naming
 *   the file and the reason, fit to show
 */
gboolean
cwb_consortium_file_save (CwbConsortium  *self,
                          GFile          *file,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” cannot be written: it is not a local file."), name);
      return FALSE;
    }

  data = cwb_consortium_to_data (self, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* errors about a #GFile are in the G_IO_ERROR domain */
  if (!cwb_atomic_file_write (path, data, length, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}
