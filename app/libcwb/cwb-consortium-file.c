/* cwb-consortium-file.c — the consortium file, format consortium/1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-atomic-file.h"
#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-json-private.h"
#include "cwb-json-reader.h"
#include "cwb-lifecycle.h"
#include "cwb-uscc.h"

#define MAX_FISCAL_YEARS 3

/*
 * Loading walks the parsed tree once with a CwbJsonReader and builds the
 * model directly from the nodes; the key path is only turned into text
 * when an error is reported.
 */

/* Sets a CWB_ERROR_INVALID whose format's first directive is the key path
 * (the reader's path, then @key), and returns FALSE from the caller. */
#define FAIL(reader, key, ...)                                           \
  G_STMT_START {                                                         \
    g_autofree char *where_ = cwb_json_reader_dup_path ((reader), (key)); \
    g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, __VA_ARGS__);      \
    return FALSE;                                                        \
  } G_STMT_END
#define WHERE where_

/* the consortium file's optional keys may hold null for "absent" */
#define OPTIONAL CWB_JSON_NULLABLE
#define REQUIRED CWB_JSON_REQUIRED

/* The array of objects @node, the member @key at the reader's path, each
 * element read by @read into @records */
static gboolean
object_array (CwbJsonReader      *reader,
              JsonNode           *node,
              const char         *key,
              CwbJsonReadObject   read,
              GPtrArray          *records,
              GError            **error)
{
  JsonArray *array;

  cwb_json_reader_push_key (reader, key);
  if (!cwb_json_reader_get_array (reader, node, 0, &array, error) ||
      !cwb_json_reader_foreach_object (reader, array, read, records, error))
    return FALSE;
  cwb_json_reader_pop (reader);

  return TRUE;
}

/* The member @key of @object, an optional array of objects */
static gboolean
read_object_array (CwbJsonReader      *reader,
                   JsonObject         *object,
                   const char         *key,
                   CwbJsonReadObject   read,
                   GPtrArray          *records,
                   gboolean           *present,
                   GError            **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_ARRAY, OPTIONAL, &node, error))
    return FALSE;

  if (present != NULL)
    *present = node != NULL;

  return node == NULL || object_array (reader, node, key, read, records, error);
}

static gboolean
standard_value (CwbJsonReader  *reader,
                JsonObject     *object,
                guint           index,
                gpointer        standards,
                GError        **error)
{
  const char *title = NULL;
  int kind = 0;

  if (!cwb_json_reader_read_enum (reader, object, "kind", REQUIRED, CWB_TYPE_STANDARD_KIND, &kind, error) ||
      !cwb_json_reader_read_string (reader, object, "title", REQUIRED | CWB_JSON_NOT_EMPTY, &title, error))
    return FALSE;

  g_ptr_array_add (standards, cwb_standard_new (kind, title));

  return TRUE;
}

static gboolean
platform_value (CwbJsonReader  *reader,
                JsonObject     *object,
                guint           index,
                gpointer        platforms,
                GError        **error)
{
  const char *name = NULL;
  int level = 0;
  int kind = 0;

  if (!cwb_json_reader_read_string (reader, object, "name", REQUIRED | CWB_JSON_NOT_EMPTY, &name, error) ||
      !cwb_json_reader_read_enum (reader, object, "level", REQUIRED, CWB_TYPE_PLATFORM_LEVEL, &level, error) ||
      !cwb_json_reader_read_enum (reader, object, "kind", REQUIRED, CWB_TYPE_PLATFORM_KIND, &kind, error))
    return FALSE;

  g_ptr_array_add (platforms, cwb_platform_new (name, level, kind));

  return TRUE;
}

/* No year twice: the @index years this array gave before are the last
 * ones of @years. */
static gboolean
fiscal_year_value (CwbJsonReader  *reader,
                   JsonObject     *object,
                   guint           index,
                   gpointer        user_data,
                   GError        **error)
{
  GPtrArray *years = user_data;
  guint first = years->len - index;
  gint64 year = 0;
  gint64 rd_expense = CWB_UNKNOWN;
  gint64 sales = CWB_UNKNOWN;

  if (!cwb_json_reader_read_integer (reader, object, "year", REQUIRED, 1, 9999, &year, error) ||
      !cwb_json_reader_read_integer (reader, object, "rd_expense", OPTIONAL, 0, G_MAXINT64, &rd_expense, error) ||
      !cwb_json_reader_read_integer (reader, object, "sales", OPTIONAL, 0, G_MAXINT64, &sales, error))
    return FALSE;

  for (guint j = 0; j < index; j++)
    {
      const CwbFiscalYear *other = g_ptr_array_index (years, first + j);

      if (other->year == year)
        FAIL (reader, "year", _("%s: year %d is given twice, also in fiscal_years[%u]"),
              WHERE, (int) year, j);
    }

  g_ptr_array_add (years, cwb_fiscal_year_new ((int) year, rd_expense, sales));

  return TRUE;
}

/* A member's fiscal years: at most MAX_FISCAL_YEARS of them */
static gboolean
fiscal_years_value (CwbJsonReader  *reader,
                    JsonNode       *node,
                    GPtrArray      *years,
                    GError        **error)
{
  guint n = JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;

  if (n > MAX_FISCAL_YEARS)
    FAIL (reader, "fiscal_years", _("%s: at most %d fiscal years (the last three) may be given, found %u"),
          WHERE, MAX_FISCAL_YEARS, n);

  return object_array (reader, node, "fiscal_years", fiscal_year_value, years, error);
}

static gboolean
exception_value (CwbJsonReader  *reader,
                 JsonObject     *object,
                 guint           index,
                 gpointer        exceptions,
                 GError        **error)
{
  const CwbJsonFlags text = REQUIRED | CWB_JSON_NOT_EMPTY;
  const char *rule = NULL;
  const char *document = NULL;
  const char *date = NULL;
  const char *reason = NULL;

  if (!cwb_json_reader_read_string (reader, object, "rule", text, &rule, error) ||
      !cwb_json_reader_read_string (reader, object, "document", text, &document, error) ||
      !cwb_json_reader_read_date (reader, object, "date", REQUIRED, &date, error) ||
      !cwb_json_reader_read_string (reader, object, "reason", REQUIRED, &reason, error))
    return FALSE;

  g_ptr_array_add (exceptions, cwb_exception_new (rule, document, date, reason));

  return TRUE;
}

/* One step of "lifecycle": it must follow the steps before it, in date
 * order, and a decision gives its document number (cwb-lifecycle.h). The
 * file is not checked against today: that is the recording desktop's
 * business, and a file may come from another clock. */
static gboolean
stage_event_value (CwbJsonReader  *reader,
                   JsonObject     *object,
                   guint           index,
                   gpointer        user_data,
                   GError        **error)
{
  GPtrArray *events = user_data;
  g_autoptr(CwbStageEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *date = NULL;
  const char *document = NULL;
  const char *note = NULL;
  int stage;

  if (!cwb_json_reader_read_enum (reader, object, "stage", REQUIRED, CWB_TYPE_STAGE, &stage, error) ||
      !cwb_json_reader_read_date (reader, object, "date", REQUIRED, &date, error) ||
      !cwb_json_reader_read_string (reader, object, "document", OPTIONAL, &document, error) ||
      !cwb_json_reader_read_string (reader, object, "note", OPTIONAL, &note, error))
    return FALSE;

  event = cwb_stage_event_new (stage, date, document, note);

  if (!cwb_lifecycle_check_next (events, event, NULL, &local_error))
    {
      const char *key = "document";

      if (stage == CWB_STAGE_DRAFT || !cwb_stage_can_follow (stage, cwb_lifecycle_get_stage (events)))
        key = "stage";
      else if (events->len > 0 &&
               strcmp (date, ((CwbStageEvent *) g_ptr_array_index (events, events->len - 1))->date) < 0)
        key = "date";

      FAIL (reader, key, "%s: %s", WHERE, local_error->message);
    }

  g_ptr_array_add (events, g_steal_pointer (&event));

  return TRUE;
}

/*
 * The readers the workspace database shares (cwb-consortium-file-private.h):
 * the same checks, with a key path that starts at the record's key.
 */
gboolean
_cwb_strv_from_json (JsonNode     *node,
                     const char   *key,
                     const char ***out,
                     GError      **error)
{
  CwbJsonReader reader;

  cwb_json_reader_init (&reader, key);
  return cwb_json_reader_get_string_list (&reader, node, 0, out, error);
}

gboolean
_cwb_standards_from_json (JsonNode   *node,
                          GPtrArray  *standards,
                          GError    **error)
{
  CwbJsonReader reader;

  cwb_json_reader_init (&reader, NULL);
  return object_array (&reader, node, "standards", standard_value, standards, error);
}

gboolean
_cwb_platforms_from_json (JsonNode   *node,
                          GPtrArray  *platforms,
                          GError    **error)
{
  CwbJsonReader reader;

  cwb_json_reader_init (&reader, NULL);
  return object_array (&reader, node, "platforms", platform_value, platforms, error);
}

gboolean
_cwb_fiscal_years_from_json (JsonNode   *node,
                             GPtrArray  *years,
                             GError    **error)
{
  CwbJsonReader reader;

  cwb_json_reader_init (&reader, NULL);
  return fiscal_years_value (&reader, node, years, error);
}

static gboolean
load_lists (CwbConsortium  *self,
            JsonObject     *root,
            CwbJsonReader  *reader,
            GError        **error)
{
  static const struct {
    const char *key;
    gboolean    required;
    void      (*set) (CwbConsortium *, const char * const *);
  } lists[] = {
    { "scientific_problems", TRUE, cwb_consortium_set_scientific_problems },
    { "key_technologies", TRUE, cwb_consortium_set_key_technologies },
    { "transformation_results", TRUE, cwb_consortium_set_transformation_results },
    { "landmark_results", FALSE, cwb_consortium_set_landmark_results },
  };
  JsonObject *object = NULL;

  if (!cwb_json_reader_read_object (reader, root, "lists", REQUIRED, &object, error))
    return FALSE;

  cwb_json_reader_push_key (reader, "lists");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree const char **items = NULL;

      if (!cwb_json_reader_read_string_list (reader, object, lists[i].key,
                                             lists[i].required ? REQUIRED : OPTIONAL, &items, error))
        return FALSE;

      if (items != NULL)
        lists[i].set (self, items);
    }

  if (!read_object_array (reader, object, "standards", standard_value,
                          cwb_consortium_get_standards (self), NULL, error))
    return FALSE;

  cwb_json_reader_pop (reader);

  return TRUE;
}

static gboolean
load_executive_body (CwbConsortium  *self,
                     JsonObject     *executive,
                     CwbJsonReader  *reader,
                     GError        **error)
{
  const char *name = NULL;
  gboolean permanent = FALSE;
  gint64 staff = CWB_UNKNOWN;

  cwb_json_reader_push_key (reader, "executive_body");
  if (!cwb_json_reader_read_string (reader, executive, "name", REQUIRED, &name, error) ||
      !cwb_json_reader_read_boolean (reader, executive, "permanent", OPTIONAL, &permanent, error) ||
      !cwb_json_reader_read_integer (reader, executive, "fulltime_staff", OPTIONAL, 0, G_MAXINT, &staff, error))
    return FALSE;
  cwb_json_reader_pop (reader);

  cwb_consortium_set_executive_body (self, name);
  cwb_consortium_set_executive_permanent (self, permanent);
  cwb_consortium_set_executive_fulltime_staff (self, (int) staff);

  return TRUE;
}

static gboolean
load_organization (CwbConsortium  *self,
                   JsonObject     *root,
                   CwbJsonReader  *reader,
                   GError        **error)
{
  JsonObject *object = NULL;
  JsonObject *executive = NULL;
  const char *decision_body = NULL;
  const char *advisory_body = NULL;

  if (!cwb_json_reader_read_object (reader, root, "organization", OPTIONAL, &object, error))
    return FALSE;

  if (object == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "organization");

  if (!cwb_json_reader_read_string (reader, object, "decision_body", OPTIONAL, &decision_body, error) ||
      !cwb_json_reader_read_string (reader, object, "advisory_body", OPTIONAL, &advisory_body, error) ||
      !cwb_json_reader_read_object (reader, object, "executive_body", OPTIONAL, &executive, error))
    return FALSE;

  cwb_consortium_set_has_organization (self, TRUE);
  cwb_consortium_set_decision_body (self, decision_body);
  cwb_consortium_set_advisory_body (self, advisory_body);

  if (executive != NULL && !load_executive_body (self, executive, reader, error))
    return FALSE;

  cwb_json_reader_pop (reader);

  return TRUE;
}

static gboolean
load_fund_management (CwbConsortium  *self,
                      JsonObject     *root,
                      CwbJsonReader  *reader,
                      GError        **error)
{
  JsonObject *object = NULL;
  gboolean system = FALSE;
  gboolean supervision = FALSE;

  if (!cwb_json_reader_read_object (reader, root, "fund_management", OPTIONAL, &object, error))
    return FALSE;

  if (object == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "fund_management");
  if (!cwb_json_reader_read_boolean (reader, object, "system", OPTIONAL, &system, error) ||
      !cwb_json_reader_read_boolean (reader, object, "internal_supervision", OPTIONAL, &supervision, error))
    return FALSE;
  cwb_json_reader_pop (reader);

  cwb_consortium_set_has_fund_management (self, TRUE);
  cwb_consortium_set_fund_system (self, system);
  cwb_consortium_set_fund_internal_supervision (self, supervision);

  return TRUE;
}

static gboolean
load_fiscal_years (CwbMember      *member,
                   JsonObject     *object,
                   CwbJsonReader  *reader,
                   GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, "fiscal_years", CWB_JSON_ARRAY, OPTIONAL, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (!fiscal_years_value (reader, node, cwb_member_get_fiscal_years (member), error))
    return FALSE;

  cwb_member_set_has_fiscal_years (member, TRUE);

  return TRUE;
}

/* The member's flags and declarations */
static gboolean
load_member_flags (CwbMember      *member,
                   JsonObject     *object,
                   CwbJsonReader  *reader,
                   GError        **error)
{
  JsonObject *declarations = NULL;
  gboolean lead = FALSE;
  gboolean independent = FALSE;
  gboolean registered = FALSE;
  gboolean stationed = FALSE;
  gboolean above_size = FALSE;
  gboolean high_tech = FALSE;
  gboolean cooperation_basis = FALSE;
  gboolean capability = FALSE;

  if (!cwb_json_reader_read_boolean (reader, object, "lead", OPTIONAL, &lead, error) ||
      !cwb_json_reader_read_boolean (reader, object, "independent_legal_person", REQUIRED, &independent, error) ||
      !cwb_json_reader_read_boolean (reader, object, "registered_in_hainan", REQUIRED, &registered, error) ||
      !cwb_json_reader_read_boolean (reader, object, "stationed_in_hainan", OPTIONAL, &stationed, error) ||
      !cwb_json_reader_read_boolean (reader, object, "above_designated_size", OPTIONAL, &above_size, error) ||
      !cwb_json_reader_read_boolean (reader, object, "high_tech", OPTIONAL, &high_tech, error) ||
      !cwb_json_reader_read_object (reader, object, "declarations", OPTIONAL, &declarations, error))
    return FALSE;

  if (declarations != NULL)
    {
      cwb_json_reader_push_key (reader, "declarations");
      if (!cwb_json_reader_read_boolean (reader, declarations, "cooperation_basis", OPTIONAL, &cooperation_basis, error) ||
          !cwb_json_reader_read_boolean (reader, declarations, "capability", OPTIONAL, &capability, error))
        return FALSE;
      cwb_json_reader_pop (reader);
    }

  cwb_member_set_lead (member, lead);
  cwb_member_set_independent_legal_person (member, independent);
  cwb_member_set_registered_in_hainan (member, registered);
  cwb_member_set_stationed_in_hainan (member, stationed);
  cwb_member_set_above_designated_size (member, above_size);
  cwb_member_set_high_tech (member, high_tech);
  cwb_member_set_cooperation_basis (member, cooperation_basis);
  cwb_member_set_capability (member, capability);

  return TRUE;
}

static gboolean
load_member (CwbMember      *member,
             JsonObject     *object,
             CwbJsonReader  *reader,
             GError        **error)
{
  g_autoptr(GError) uscc_error = NULL;
  const char *uscc = NULL;
  const char *name = NULL;
  const char *established = NULL;
  int kind = 0;
  gint64 revenue = CWB_UNKNOWN;
  gint64 rd_staff = CWB_UNKNOWN;
  gboolean has_platforms = FALSE;

  if (!cwb_json_reader_read_string (reader, object, "uscc", REQUIRED, &uscc, error))
    return FALSE;

  if (!cwb_uscc_validate (uscc, &uscc_error))
    /* TRANSLATORS: a key path, then what is wrong with the value there */
    FAIL (reader, "uscc", _("%s: %s"), WHERE, uscc_error->message);

  if (!cwb_json_reader_read_string (reader, object, "name", REQUIRED | CWB_JSON_NOT_EMPTY, &name, error) ||
      !cwb_json_reader_read_enum (reader, object, "kind", REQUIRED, CWB_TYPE_MEMBER_KIND, &kind, error) ||
      !load_member_flags (member, object, reader, error) ||
      !cwb_json_reader_read_date (reader, object, "established", OPTIONAL, &established, error) ||
      !cwb_json_reader_read_integer (reader, object, "revenue", OPTIONAL, 0, G_MAXINT64, &revenue, error) ||
      !cwb_json_reader_read_integer (reader, object, "rd_staff_fulltime", OPTIONAL, 0, G_MAXINT, &rd_staff, error) ||
      !read_object_array (reader, object, "platforms", platform_value,
                          cwb_member_get_platforms (member), &has_platforms, error) ||
      !load_fiscal_years (member, object, reader, error))
    return FALSE;

  cwb_member_set_has_platforms (member, has_platforms);
  cwb_member_set_uscc (member, uscc);
  cwb_member_set_name (member, name);
  cwb_member_set_kind (member, kind);
  cwb_member_set_established (member, established);
  cwb_member_set_revenue (member, revenue);
  cwb_member_set_rd_staff_fulltime (member, (int) rd_staff);

  return TRUE;
}

typedef struct {
  CwbConsortium *self;
  GHashTable    *usccs;       /* credit code → index */
  int            lead_index;
} MembersRead;

static gboolean
member_value (CwbJsonReader  *reader,
              JsonObject     *object,
              guint           index,
              gpointer        user_data,
              GError        **error)
{
  MembersRead *read = user_data;
  g_autoptr(CwbMember) member = cwb_member_new ();
  gpointer other;

  if (!load_member (member, object, reader, error))
    return FALSE;

  if (g_hash_table_lookup_extended (read->usccs, cwb_member_get_uscc (member), NULL, &other))
    FAIL (reader, "uscc", _("%s: credit code %s is already used by members[%u]"),
          WHERE, cwb_member_get_uscc (member), GPOINTER_TO_UINT (other));
  g_hash_table_insert (read->usccs, (gpointer) cwb_member_get_uscc (member), GUINT_TO_POINTER (index));

  if (cwb_member_get_lead (member))
    {
      if (read->lead_index >= 0)
        FAIL (reader, "lead", _("%s: members[%d] is the lead already; only one member may have “lead”: true"),
              WHERE, read->lead_index);
      read->lead_index = (int) index;
    }

  cwb_consortium_add_member (read->self, member);

  return TRUE;
}

static gboolean
load_members (CwbConsortium  *self,
              JsonObject     *root,
              CwbJsonReader  *reader,
              GError        **error)
{
  g_autoptr(GHashTable) usccs = g_hash_table_new (g_str_hash, g_str_equal);
  MembersRead read = { self, usccs, -1 };
  JsonArray *array = NULL;

  if (!cwb_json_reader_read_array (reader, root, "members", REQUIRED, &array, error))
    return FALSE;

  if (json_array_get_length (array) == 0)
    FAIL (reader, "members", _("%s: a consortium needs at least one member"), WHERE);

  cwb_json_reader_push_key (reader, "members");
  if (!cwb_json_reader_foreach_object (reader, array, member_value, &read, error))
    return FALSE;
  cwb_json_reader_pop (reader);

  if (read.lead_index < 0)
    FAIL (reader, "members", _("%s: no member has “lead”: true"), WHERE);

  return TRUE;
}

/* Keys the host reads itself; every other key holding an object or an
 * array is a section. */
static gboolean
is_known_key (const char *key)
{
  static const char * const known[] = {
    "format", "name", "industry", "lists", "organization", "fund_management",
    "members", "exceptions", "lifecycle", NULL
  };

  return g_strv_contains (known, key);
}

static void
load_sections (CwbConsortium *self,
               JsonObject    *root)
{
  g_autoptr(GList) keys = json_object_get_members (root);

  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node;

      /* an empty key ("" or one that began with an escaped NUL) cannot
       * name a section: like any other unknown key, it is ignored */
      if (is_known_key (key) || *key == '\0')
        continue;

      node = json_object_get_member (root, key);
      if (!JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node))
        continue;

      /* sealed in place and shared: the parser's tree is dropped right after */
      json_node_set_parent (node, NULL);
      json_node_seal (node);
      cwb_consortium_set_section (self, key, node);
    }
}

/**
 * cwb_consortium_from_json:
 * @root: the parsed file
 * @error: return location for a #GError
 *
 * Builds a consortium from the JSON of a consortium file, validating it
 * as formats/consortium-v1.md requires. Section nodes of @root are sealed
 * and shared with the result.
 *
 * Returns: (transfer full) (nullable): the consortium, or %NULL with
 *   %CWB_ERROR_INVALID and a message that starts with the key path
 */
CwbConsortium *
cwb_consortium_from_json (JsonNode  *root,
                          GError   **error)
{
  g_autoptr(CwbConsortium) self = NULL;
  CwbJsonReader reader;
  JsonObject *object;
  const char *format = NULL;
  const char *name = NULL;
  const char *industry = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("the file must hold a JSON object, found %s"), cwb_json_describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);

  if (!_cwb_json_check_values (root, error))
    return NULL;

  cwb_json_reader_init (&reader, NULL);
  if (!cwb_json_reader_read_string (&reader, object, "format", REQUIRED, &format, error))
    return NULL;

  if (g_strcmp0 (format, CWB_CONSORTIUM_FORMAT) != 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("%s: expected “%s”, found “%s”; this file is not a consortium file or needs a newer version"),
                   "format", CWB_CONSORTIUM_FORMAT, format);
      return NULL;
    }

  if (!cwb_json_reader_read_string (&reader, object, "name", REQUIRED | CWB_JSON_NOT_EMPTY, &name, error) ||
      !cwb_json_reader_read_string (&reader, object, "industry", REQUIRED | CWB_JSON_NOT_EMPTY, &industry, error))
    return NULL;

  self = cwb_consortium_new ();
  cwb_consortium_set_name (self, name);
  cwb_consortium_set_industry (self, industry);

  if (!load_lists (self, object, &reader, error) ||
      !load_organization (self, object, &reader, error) ||
      !load_fund_management (self, object, &reader, error) ||
      !load_members (self, object, &reader, error) ||
      !read_object_array (&reader, object, "exceptions", exception_value,
                          cwb_consortium_get_exceptions (self), NULL, error) ||
      !read_object_array (&reader, object, "lifecycle", stage_event_value,
                          cwb_consortium_get_lifecycle (self), NULL, error))
    return NULL;

  g_assert (cwb_json_reader_get_depth (&reader) == 0);

  load_sections (self, object);

  return g_steal_pointer (&self);
}

/*
 * Before parsing: what json-glib does not tell. One pass over the text
 * outside strings finds integers out of the range of gint64 (which
 * json-glib wraps around silently) and whether the text ends inside a
 * string or an open object/array with all brackets matched so far (a
 * truncated file).
 */
typedef struct {
  const char *bad_number;       /* the first integer out of range, or NULL */
  gsize       bad_number_len;
  gboolean    truncated;
} Scan;

static gboolean
integer_out_of_range (const char *start,
                      gsize       len)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  const char *limit = max_positive;
  gsize n_digits;

  if (*start == '-')
    {
      start++;
      len--;
      limit = max_negative;
    }

  while (len > 1 && *start == '0')
    {
      start++;
      len--;
    }

  n_digits = len;

  if (n_digits != sizeof max_positive - 1)
    return n_digits > sizeof max_positive - 1;

  return memcmp (start, limit, n_digits) > 0;
}

static void
scan_text (const char *data,
           gsize       length,
           Scan       *scan)
{
  const char *p = data;
  const char *end = data + length;
  char stack[256];
  guint depth = 0;
  gboolean overflowed = FALSE;
  gboolean mismatched = FALSE;

  memset (scan, 0, sizeof *scan);

  while (p < end)
    {
      char c = *p;

      switch (c)
        {
        case '"':
          {
            const char *quote = _cwb_json_find_closing_quote (p + 1, end);

            if (quote == NULL)
              {
                scan->truncated = !mismatched;
                return;
              }
            p = quote + 1;
          }
          break;

        case '{':
        case '[':
          if (depth < sizeof stack)
            stack[depth] = c == '{' ? '}' : ']';
          else
            overflowed = TRUE;
          depth++;
          p++;
          break;

        case '}':
        case ']':
          if (depth == 0 || (depth <= sizeof stack && stack[depth - 1] != c))
            mismatched = TRUE;
          if (depth > 0)
            depth--;
          p++;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            const char *start = p;
            gboolean integer = TRUE;

            p++;
            while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' ||
                               *p == 'E' || *p == '+' || *p == '-'))
              {
                if (!g_ascii_isdigit (*p))
                  integer = FALSE;
                p++;
              }

            if (integer && scan->bad_number == NULL &&
                integer_out_of_range (start, (gsize) (p - start)))
              {
                scan->bad_number = start;
                scan->bad_number_len = (gsize) (p - start);
              }
          }
          break;

        default:
          p++;
          break;
        }
    }

  scan->truncated = depth > 0 && !mismatched && !overflowed;
}

/* Whether @data holds a run of at least 19 ASCII digits: the shortest
 * integer that may be out of the range of gint64 (9223372036854775807 has
 * 19 digits). Without one, scan_text() cannot find a bad number, so a file
 * that parsed needs no scan. Looks at every 19th byte until one is a digit,
 * then only at that digit's neighbours. */
#define MIN_OUT_OF_RANGE_DIGITS 19

static gboolean
has_long_digit_run (const char *data,
                    gsize       length)
{
  const char *end = data + length;
  const char *p = data;   /* the earliest place such a run may start */

  while ((gsize) (end - p) >= MIN_OUT_OF_RANGE_DIGITS)
    {
      const char *probe = p + MIN_OUT_OF_RANGE_DIGITS - 1;
      const char *start;
      const char *q;

      /* a run from p to probe would hold probe */
      if (!g_ascii_isdigit (*probe))
        {
          p = probe + 1;
          continue;
        }

      for (start = probe; start > p && g_ascii_isdigit (start[-1]); start--)
        ;
      for (q = probe + 1; q < end && g_ascii_isdigit (*q); q++)
        if (q - start + 1 >= MIN_OUT_OF_RANGE_DIGITS)
          return TRUE;
      if (q - start >= MIN_OUT_OF_RANGE_DIGITS)
        return TRUE;

      /* the run ends the text: nothing is left to look at (q + 1 would be
       * past the end, and the loop's test would wrap) */
      if (q >= end)
        break;
      p = q + 1;
    }

  return FALSE;
}

static void
skip_space (const char **p,
            const char  *end)
{
  while (*p < end && (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r'))
    (*p)++;
}

static void
skip_string (const char **p,
             const char  *end)
{
  (*p)++;
  while (*p < end && **p != '"')
    {
      if (**p == '\\')
        (*p)++;
      (*p)++;
    }
  (*p)++;
}

/* Walks valid JSON text until @target, the start of a value, appending the
 * key path that leads there to @out. Returns TRUE once @target is found. */
static gboolean
find_path (const char **p,
           const char  *end,
           const char  *target,
           GString     *out)
{
  skip_space (p, end);

  if (*p == target)
    return TRUE;

  if (*p >= end)
    return FALSE;

  if (**p == '{' || **p == '[')
    {
      gboolean is_object = **p == '{';
      char close = is_object ? '}' : ']';
      guint index = 0;

      (*p)++;
      for (;;)
        {
          gsize mark = out->len;

          skip_space (p, end);
          if (*p >= end)
            return FALSE;
          if (**p == close)
            {
              (*p)++;
              return FALSE;
            }
          if (**p == ',')
            {
              (*p)++;
              skip_space (p, end);
            }

          if (is_object)
            {
              const char *key = *p + 1;

              skip_string (p, end);
              if (out->len > 0)
                g_string_append_c (out, '.');
              g_string_append_len (out, key, MAX (*p - key - 1, 0));
              skip_space (p, end);
              if (*p < end && **p == ':')
                (*p)++;
            }
          else
            g_string_append_printf (out, "[%u]", index++);

          if (find_path (p, end, target, out))
            return TRUE;

          g_string_truncate (out, mark);
        }
    }

  if (**p == '"')
    skip_string (p, end);
  else
    while (*p < end && strchr (",}] \t\r\n", **p) == NULL)
      (*p)++;

  return FALSE;
}

/* 1-based line and column (in characters) of @at in @data */
static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

static void
set_parse_error (GError     **error,
                 const char  *data,
                 gsize        length,
                 const Scan  *scan,
                 GError      *json_error)
{
  guint line = 0;
  guint column = 0;
  int consumed = 0;
  const char *detail;

  if (scan->truncated)
    {
      const char *last = data + length;

      while (last > data && g_ascii_isspace (last[-1]))
        last--;
      locate (data, last, &line, &column);
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("invalid JSON: the file ends at line %u, column %u before its objects and arrays are closed; it is probably cut off"),
                   line, column);
      return;
    }

  /* json-glib says "<data>:LINE:COLUMN: Parse error: DETAIL", with
   * "Parse error" and the colons translated into json-glib's language */
  if (sscanf (json_error->message, "<data>:%u:%u%n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      const char *rest = json_error->message + consumed;
      const char *ascii;
      const char *wide;
      const char *colon;
      gsize colon_len;

      /* skip the colon after the position, then the one after "Parse error" */
      for (int i = 0; i < 2; i++)
        {
          ascii = strstr (rest, ":");
          wide = strstr (rest, "\xef\xbc\x9a");   /* U+FF1A FULLWIDTH COLON */
          if (ascii != NULL && (wide == NULL || ascii < wide))
            colon = ascii, colon_len = 1;
          else if (wide != NULL)
            colon = wide, colon_len = 3;
          else
            break;
          rest = colon + colon_len;
          while (*rest == ' ')
            rest++;
        }

      detail = rest;
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("invalid JSON at line %u, column %u: %s"), line, column, detail);
      return;
    }

  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("invalid JSON: %s"), json_error->message);
}

/**
 * cwb_consortium_file_load_data:
 * @data: the file's contents
 * @length: the length of @data, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the consortium, or %NULL with
 *   %CWB_ERROR_INVALID
 */
CwbConsortium *
cwb_consortium_file_load_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  const char *invalid = NULL;
  gsize len;
  JsonNode *root;
  Scan scan;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;

  /* json-glib parses recursively: text nested deep enough would overflow
   * the stack before it could say anything */
  if (!_cwb_json_check_depth (data, (gssize) len, CWB_JSON_MAX_DEPTH, error))
    return NULL;

  /* json-glib refuses text that is not UTF-8 (without saying where), so
   * the text is only validated again to find the place when parsing fails */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &json_error))
    {
      if (!g_utf8_validate_len (data, len, &invalid))
        {
          guint line, column;

          locate (data, invalid, &line, &column);
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("the file is not valid UTF-8 text: byte %lu (line %u) is not part of a UTF-8 character"),
                       (unsigned long) (invalid - data), line);
          return NULL;
        }

      scan_text (data, len, &scan);
      set_parse_error (error, data, len, &scan, json_error);
      return NULL;
    }

  /* only an integer out of range is left to find: most files have none */
  if (has_long_digit_run (data, len))
    scan_text (data, len, &scan);
  else
    memset (&scan, 0, sizeof scan);

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the file is empty"));
      return NULL;
    }

  /* a number out of range inside the object; a root that is not an
   * object is refused by cwb_consortium_from_json() */
  if (scan.bad_number != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autoptr(GString) where = g_string_new (NULL);
      g_autofree char *number = g_strndup (scan.bad_number, scan.bad_number_len);
      const char *p = data;

      find_path (&p, data + len, scan.bad_number, where);
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("%s: %s is out of range for an integer"),
                   where->str, number);
      return NULL;
    }

  return cwb_consortium_from_json (root, error);
}

/**
 * cwb_consortium_file_load:
 * @file: a consortium file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the consortium; %NULL with a
 *   %G_IO_ERROR when @file cannot be read, %CWB_ERROR_INVALID when its
 *   content is not a valid consortium file
 */
CwbConsortium *
cwb_consortium_file_load (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* a local file is mapped rather than copied: checking thousands of files
   * costs little more than parsing them */
  path = g_file_peek_path (file);
  if (path != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped != NULL && g_mapped_file_get_contents (mapped) != NULL)
        return cwb_consortium_file_load_data (g_mapped_file_get_contents (mapped),
                                              (gssize) g_mapped_file_get_length (mapped),
                                              error);
      /* not mappable (empty, a directory, missing, unreadable): read it
       * the usual way, which also gives the right G_IO_ERROR */
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return cwb_consortium_file_load_data (data, (gssize) length, error);
}

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
objects_node (GPtrArray    *records,
              WriteElement  write)
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
_cwb_standards_to_json (GPtrArray *standards)
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
  GPtrArray *members;
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

  members = cwb_consortium_get_members (self);
  members_array = json_array_sized_new (members->len);
  for (guint i = 0; i < members->len; i++)
    json_array_add_object_element (members_array, member_object (g_ptr_array_index (members, i)));
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
