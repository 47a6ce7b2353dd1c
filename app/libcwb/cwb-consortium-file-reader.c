/* cwb-consortium-file-reader.c — the consortium file's JSON tree read into a consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-consortium-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-json-private.h"
#include "cwb-json-reader.h"
#include "cwb-lifecycle.h"
#include "cwb-rule-set-private.h"
#include "cwb-uscc.h"

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

/* A member's fiscal years: at most @max of them (the rule set's L6
 * "years"), none twice; @max 0 for no limit */
static gboolean
fiscal_years_value (CwbJsonReader  *reader,
                    JsonNode       *node,
                    guint           max,
                    GPtrArray      *years,
                    GError        **error)
{
  guint n = JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;

  if (max > 0 && n > max)
    /* TRANSLATORS: the key path, the rule set's count of fiscal years (L6), the count given */
    FAIL (reader, "fiscal_years", _("%s: at most %u fiscal years (the most recent) may be given, found %u"),
          WHERE, max, n);

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
typedef struct {
  GPtrArray  *events;
  CwbRuleSet *rules;    /* the stages and which may follow which */
} LifecycleRead;

static gboolean
stage_event_value (CwbJsonReader  *reader,
                   JsonObject     *object,
                   guint           index,
                   gpointer        user_data,
                   GError        **error)
{
  LifecycleRead *read = user_data;
  GPtrArray *events = read->events;
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

  if (!cwb_lifecycle_check_next (read->rules, events, event, NULL, &local_error))
    {
      const char *key = "document";

      if (stage == CWB_STAGE_DRAFT ||
          !cwb_stage_can_follow (read->rules, stage, cwb_lifecycle_get_stage (events)))
        key = "stage";
      else if (events->len > 0 &&
               strcmp (date, ((CwbStageEvent *) g_ptr_array_index (events, events->len - 1))->date) < 0)
        key = "date";

      FAIL (reader, key, "%s: %s", WHERE, local_error->message);
    }

  g_ptr_array_add (events, g_steal_pointer (&event));

  return TRUE;
}

static gboolean
load_lifecycle (CwbConsortium  *self,
                JsonObject     *root,
                CwbJsonReader  *reader,
                CwbRuleSet     *rules,
                GError        **error)
{
  LifecycleRead read = { _cwb_consortium_get_lifecycle_mut (self), rules };
  JsonArray *array = NULL;

  if (!cwb_json_reader_read_array (reader, root, "lifecycle", OPTIONAL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "lifecycle");
  if (!cwb_json_reader_foreach_object (reader, array, stage_event_value, &read, error))
    return FALSE;
  cwb_json_reader_pop (reader);

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

  /* the workspace's own rows were checked when they were written */
  cwb_json_reader_init (&reader, NULL);
  return fiscal_years_value (&reader, node, 0, years, error);
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
                          _cwb_consortium_get_standards_mut (self), NULL, error))
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
                   CwbRuleSet     *rules,
                   GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, "fiscal_years", CWB_JSON_ARRAY, OPTIONAL, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (!fiscal_years_value (reader, node, cwb_rule_set_get_fiscal_years (rules),
                           cwb_member_get_fiscal_years (member), error))
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
             CwbRuleSet     *rules,
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
      !load_fiscal_years (member, object, reader, rules, error))
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
  CwbRuleSet    *rules;
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

  if (!load_member (member, object, reader, read->rules, error))
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
              CwbRuleSet     *rules,
              GError        **error)
{
  g_autoptr(GHashTable) usccs = g_hash_table_new (g_str_hash, g_str_equal);
  MembersRead read = { self, rules, usccs, -1 };
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
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _cwb_consortium_from_json (root, NULL, TRUE, error);
}

/**
 * cwb_consortium_from_json_with_rules:
 * @root: the file's JSON
 * @rules: (nullable): the rule set whose figures bound the file (the
 *   fiscal years a member may give, the lifecycle's stages); %NULL for the
 *   shipped one
 * @error: return location for a #GError
 *
 * cwb_consortium_from_json() under @rules.
 *
 * Returns: (transfer full) (nullable): the consortium, or %NULL with
 *   %CWB_ERROR_INVALID and a message that starts with the key path
 */
CwbConsortium *
cwb_consortium_from_json_with_rules (JsonNode    *root,
                                     CwbRuleSet  *rules,
                                     GError     **error)
{
  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _cwb_consortium_from_json (root, rules, TRUE, error);
}

CwbConsortium *
_cwb_consortium_from_json (JsonNode    *root,
                           CwbRuleSet  *rules,
                           gboolean     check_values,
                           GError     **error)
{
  g_autoptr(CwbConsortium) self = NULL;
  CwbJsonReader reader;
  JsonObject *object;
  const char *format = NULL;
  const char *name = NULL;
  const char *industry = NULL;

  g_return_val_if_fail (root != NULL, NULL);
  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rules = _cwb_rule_set_or_shipped (rules);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("the file must hold a JSON object, found %s"), cwb_json_describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);

  if (check_values && !_cwb_json_check_values (root, error))
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
      !load_members (self, object, &reader, rules, error) ||
      !read_object_array (&reader, object, "exceptions", exception_value,
                          _cwb_consortium_get_exceptions_mut (self), NULL, error) ||
      !load_lifecycle (self, object, &reader, rules, error))
    return NULL;

  g_assert (cwb_json_reader_get_depth (&reader) == 0);

  load_sections (self, object);

  return g_steal_pointer (&self);
}
