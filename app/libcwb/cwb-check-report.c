/* cwb-check-report.c — every check result for one consortium, and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-check-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cwb-check-report.h"
#include "cwb-enums.h"
#include "cwb-format.h"
#include "cwb-json-private.h"

struct _CwbCheckReport
{
  GObject        parent_instance;

  /* owned */
  CwbRuleSet    *rules;
  CwbConsortium *consortium;
  GPtrArray     *results;    /* CwbCheckResult *, in the rule set's order */
  GArray        *indices;    /* int: each result's rule's place in the rule set */
};

enum {
  PROP_0,
  PROP_RULES,
  PROP_CONSORTIUM,
  PROP_VERDICT,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwbCheckReport, cwb_check_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];
static guint items_changed_id;

static GType
cwb_check_report_get_item_type (GListModel *model)
{
  return CWB_TYPE_CHECK_RESULT;
}

static guint
cwb_check_report_get_n_items (GListModel *model)
{
  CwbCheckReport *self = CWB_CHECK_REPORT (model);

  return self->results->len;
}

static gpointer
cwb_check_report_get_item (GListModel *model,
                           guint       position)
{
  CwbCheckReport *self = CWB_CHECK_REPORT (model);

  if (position >= self->results->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->results, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cwb_check_report_get_item_type;
  iface->get_n_items = cwb_check_report_get_n_items;
  iface->get_item = cwb_check_report_get_item;
}

/* A JSON number: an integer when the figure is whole (money, counts). */
static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* The compact writer of cwb_check_report_to_json_string(): UTF-8 kept as
 * is, and each number in the fewest digits that read back as the same
 * double (0.6, not json-glib's 0.59999999999999998). */

#define APPEND_LITERAL(out, literal) g_string_append_len ((out), (literal), sizeof (literal) - 1)

/* a string member, or null when @text is NULL */
static void
append_json_string_or_null (GString    *out,
                            const char *text)
{
  if (text != NULL)
    _cwb_json_append_string (out, text);
  else
    APPEND_LITERAL (out, "null");
}

static void
append_json_int (GString *out,
                 gint64   value)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';

  g_string_append_len (out, p, buffer + sizeof buffer - p);
}

static void
append_json_double (GString *out,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      APPEND_LITERAL (out, "null");
      return;
    }

  _cwb_json_format_double (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
}

/* add_number() as text: an integer when the figure is whole */
static void
append_json_number (GString *out,
                    double   value)
{
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    append_json_int (out, (gint64) value);
  else
    append_json_double (out, value);
}

static void
cwb_check_report_dispose (GObject *object)
{
  CwbCheckReport *self = (CwbCheckReport *)object;

  g_clear_object (&self->rules);
  g_clear_object (&self->consortium);
  if (self->results != NULL)
    g_ptr_array_set_size (self->results, 0);
  if (self->indices != NULL)
    g_array_set_size (self->indices, 0);

  G_OBJECT_CLASS (cwb_check_report_parent_class)->dispose (object);
}

static void
cwb_check_report_finalize (GObject *object)
{
  CwbCheckReport *self = (CwbCheckReport *)object;

  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->indices, g_array_unref);

  G_OBJECT_CLASS (cwb_check_report_parent_class)->finalize (object);
}

static void
cwb_check_report_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CwbCheckReport *self = CWB_CHECK_REPORT (object);

  switch (prop_id)
    {
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;

    case PROP_CONSORTIUM:
      g_value_set_object (value, self->consortium);
      break;

    case PROP_VERDICT:
      g_value_set_enum (value, cwb_check_report_get_verdict (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_check_report_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CwbCheckReport *self = CWB_CHECK_REPORT (object);

  switch (prop_id)
    {
    case PROP_RULES:
      self->rules = g_value_dup_object (value);
      break;

    case PROP_CONSORTIUM:
      self->consortium = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_check_report_class_init (CwbCheckReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_check_report_dispose;
  object_class->finalize = cwb_check_report_finalize;
  object_class->get_property = cwb_check_report_get_property;
  object_class->set_property = cwb_check_report_set_property;

  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL,
                         CWB_TYPE_RULE_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONSORTIUM] =
    g_param_spec_object ("consortium", NULL, NULL,
                         CWB_TYPE_CONSORTIUM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* notified whenever a result is added */
  properties[PROP_VERDICT] =
    g_param_spec_enum ("verdict", NULL, NULL,
                       CWB_TYPE_VERDICT, CWB_VERDICT_PASS,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_check_report_init (CwbCheckReport *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
  self->indices = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * cwb_check_report_new:
 * @rules: the rule set the results refer to
 * @consortium: (nullable): the consortium checked; its exceptions turn
 *   failed rules into "excepted"
 *
 * Returns: (transfer full): an empty report
 */
CwbCheckReport *
cwb_check_report_new (CwbRuleSet    *rules,
                      CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (consortium == NULL || CWB_IS_CONSORTIUM (consortium), NULL);

  return g_object_new (CWB_TYPE_CHECK_REPORT,
                       "rules", rules,
                       "consortium", consortium,
                       NULL);
}

/**
 * cwb_check_report_get_rules:
 * @self: a report
 *
 * Returns: (transfer none): the rule set that orders the results
 */
CwbRuleSet *
cwb_check_report_get_rules (CwbCheckReport *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), NULL);

  return self->rules;
}

/**
 * cwb_check_report_get_consortium:
 * @self: a report
 *
 * Returns: (transfer none) (nullable): the consortium checked, if the
 *   report was made for one
 */
CwbConsortium *
cwb_check_report_get_consortium (CwbCheckReport *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), NULL);

  return self->consortium;
}

/* Where a result goes: by its rule's place in the rule set, and the error
 * of a provider that failed before them all, as what matters first */
static int
result_order (CwbCheckResult *result,
              int             rule_index)
{
  if (cwb_check_result_get_status (result) == CWB_STATUS_ERROR)
    return -1;

  return rule_index;
}

/* What one result's status makes of the verdict (formats/consortium-v1.md) */
static CwbVerdict
status_verdict (CwbStatus status)
{
  switch (status)
    {
    case CWB_STATUS_ERROR:
      return CWB_VERDICT_ERROR;

    case CWB_STATUS_FAIL:
      return CWB_VERDICT_FAIL;

    case CWB_STATUS_WARN:
    case CWB_STATUS_UNKNOWN:
    case CWB_STATUS_MISSING_DECLARATION:
      return CWB_VERDICT_WARN;

    case CWB_STATUS_PASS:
    case CWB_STATUS_RELAXED:
    case CWB_STATUS_EXCEPTED:
    case CWB_STATUS_DECLARED:
    case CWB_STATUS_INFO:
    default:
      return CWB_VERDICT_PASS;
    }
}

/**
 * cwb_check_report_add:
 * @self: a report
 * @result: a result; the report takes a reference
 *
 * Adds @result after every result of a rule that comes before or with it in
 * the rule set's order (rules unknown to the rule set go last, in the order
 * they were added; the error result of a provider that failed goes first).
 * A fail or warn that a 一事一议 exception of the
 * consortium accepts (rule X1) becomes "excepted" and its message names the
 * decision's document number and date; its remedy is dropped.
 */
void
cwb_check_report_add (CwbCheckReport *self,
                      CwbCheckResult *result)
{
  const CwbException *exception = NULL;
  CwbStatus status;
  CwbVerdict before;
  int rule_index;
  int index;
  guint position;

  g_return_if_fail (CWB_IS_CHECK_REPORT (self));
  g_return_if_fail (CWB_IS_CHECK_RESULT (result));

  before = cwb_check_report_get_verdict (self);
  status = cwb_check_result_get_status (result);

  if (self->consortium != NULL
      && (status == CWB_STATUS_FAIL || status == CWB_STATUS_WARN))
    exception = cwb_consortium_find_exception (self->consortium,
                                               cwb_check_result_get_rule (result));

  if (exception != NULL)
    {
      const char *message = cwb_check_result_get_message (result);
      g_autofree char *date = exception->date != NULL ? cwb_format_date (exception->date) : g_strdup ("");
      g_autofree char *excepted = NULL;

      if (message != NULL && *message != '\0')
        /* TRANSLATORS: the first %s is the result's own message, then the
         * 一事一议 decision's document number (e.g. 琼科〔2024〕12号) and date */
        excepted = g_strdup_printf (_("%s Accepted by the case-by-case decision %s of %s."),
                                    message, exception->document, date);
      else
        /* TRANSLATORS: the 一事一议 decision's document number and date */
        excepted = g_strdup_printf (_("Accepted by the case-by-case decision %s of %s."),
                                    exception->document, date);

      cwb_check_result_set_status (result, CWB_STATUS_EXCEPTED);
      cwb_check_result_set_message (result, excepted);
      cwb_check_result_set_remedy (result, NULL);
    }

  /* a result's rule, and so its place in the rule set, never changes: it
   * is looked up once; its status (an error goes first) is read each time */
  rule_index = cwb_rule_set_get_rule_index (self->rules, cwb_check_result_get_rule (result));
  index = result_order (result, rule_index);
  for (position = self->results->len; position > 0; position--)
    {
      CwbCheckResult *previous = g_ptr_array_index (self->results, position - 1);

      if (result_order (previous, g_array_index (self->indices, int, position - 1)) <= index)
        break;
    }

  g_ptr_array_insert (self->results, position, g_object_ref (result));
  g_array_insert_val (self->indices, position, rule_index);
  /* a check adds each result to a report nobody watches yet: an emission
   * without a handler would do nothing, at the cost of one */
  if (items_changed_id == 0)
    items_changed_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  if (g_signal_has_handler_pending (self, items_changed_id, 0, TRUE))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  /* the verdict is the worst of the results' */
  if (MAX (before, status_verdict (cwb_check_result_get_status (result))) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT]);
}

/**
 * cwb_check_report_lookup:
 * @self: a report
 * @rule: a rule id
 *
 * Returns: (transfer none) (nullable): the first result of @rule
 */
CwbCheckResult *
cwb_check_report_lookup (CwbCheckReport *self,
                         const char     *rule)
{
  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      CwbCheckResult *result = g_ptr_array_index (self->results, i);

      if (g_strcmp0 (cwb_check_result_get_rule (result), rule) == 0)
        return result;
    }

  return NULL;
}

/* formats/consortium-v1.md: error if a provider failed; otherwise fail if
 * any result is fail; otherwise warn if any is warn, unknown or
 * missing_declaration; otherwise pass. */
CwbVerdict
cwb_check_report_get_verdict (CwbCheckReport *self)
{
  CwbVerdict verdict = CWB_VERDICT_PASS;

  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), CWB_VERDICT_FAIL);

  for (guint i = 0; i < self->results->len && verdict != CWB_VERDICT_ERROR; i++)
    verdict = MAX (verdict, status_verdict (cwb_check_result_get_status (g_ptr_array_index (self->results, i))));

  return verdict;
}

/**
 * cwb_check_report_to_json:
 * @self: a report
 * @file: (nullable): the file checked, as the user named it
 *
 * The `--json` object of formats/consortium-v1.md:
 * `{"file", "consortium", "ruleset", "verdict", "results": [{"rule",
 * "clause", "strength", "status", "value", "threshold", "plugin", "message",
 * "remedy"}]}`; "plugin" only in the error result of a provider that failed. "file" is null without @file and "consortium" null without
 * a consortium. "value" and "threshold" are left out of a result that has
 * none (see #CwbCheckResult:has-value); whole figures (money in 元, counts)
 * are JSON integers, ratios are fractions. "remedy" appears only when set.
 *
 * Returns: (transfer full): the JSON object
 */
JsonNode *
cwb_check_report_to_json (CwbCheckReport *self,
                          const char     *file)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    json_builder_add_string_value (builder, file);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "consortium");
  if (self->consortium != NULL && cwb_consortium_get_name (self->consortium) != NULL)
    json_builder_add_string_value (builder, cwb_consortium_get_name (self->consortium));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "ruleset");
  json_builder_add_string_value (builder, cwb_rule_set_get_id (self->rules));

  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, cwb_verdict_to_nick (cwb_check_report_get_verdict (self)));

  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);

  for (guint i = 0; i < self->results->len; i++)
    {
      CwbCheckResult *result = g_ptr_array_index (self->results, i);
      const char *clause = cwb_check_result_get_clause (result);
      const char *message = cwb_check_result_get_message (result);
      const char *remedy = cwb_check_result_get_remedy (result);

      json_builder_begin_object (builder);

      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, cwb_check_result_get_rule (result));

      json_builder_set_member_name (builder, "clause");
      if (clause != NULL)
        json_builder_add_string_value (builder, clause);
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "strength");
      json_builder_add_string_value (builder,
                                     cwb_strength_to_nick (cwb_check_result_get_strength (result)));

      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     cwb_status_to_nick (cwb_check_result_get_status (result)));

      if (cwb_check_result_get_has_value (result))
        {
          json_builder_set_member_name (builder, "value");
          add_number (builder, cwb_check_result_get_value (result));
        }

      if (cwb_check_result_get_has_threshold (result))
        {
          json_builder_set_member_name (builder, "threshold");
          add_number (builder, cwb_check_result_get_threshold (result));
        }

      if (cwb_check_result_get_plugin (result) != NULL)
        {
          json_builder_set_member_name (builder, "plugin");
          json_builder_add_string_value (builder, cwb_check_result_get_plugin (result));
        }

      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message != NULL ? message : "");

      if (remedy != NULL)
        {
          json_builder_set_member_name (builder, "remedy");
          json_builder_add_string_value (builder, remedy);
        }

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cwb_check_report_append_json:
 * @self: a report
 * @file: (nullable): the file's name, as cwb_check_report_to_json_string()
 * @out: where to append it
 *
 * Appends what cwb_check_report_to_json_string() returns to @out: one
 * who writes many reports keeps one buffer.
 */
void
cwb_check_report_append_json (CwbCheckReport *self,
                              const char     *file,
                              GString        *out)
{
  g_return_if_fail (CWB_IS_CHECK_REPORT (self));
  g_return_if_fail (out != NULL);

  APPEND_LITERAL (out, "{\"file\":");
  append_json_string_or_null (out, file);

  APPEND_LITERAL (out, ",\"consortium\":");
  append_json_string_or_null (out, self->consortium != NULL ? cwb_consortium_get_name (self->consortium) : NULL);

  APPEND_LITERAL (out, ",\"ruleset\":");
  _cwb_json_append_string (out, cwb_rule_set_get_id (self->rules));

  APPEND_LITERAL (out, ",\"verdict\":");
  _cwb_json_append_string (out, cwb_verdict_to_nick (cwb_check_report_get_verdict (self)));

  APPEND_LITERAL (out, ",\"results\":[");

  for (guint i = 0; i < self->results->len; i++)
    {
      CwbCheckResult *result = g_ptr_array_index (self->results, i);
      const char *message = cwb_check_result_get_message (result);
      const char *remedy = cwb_check_result_get_remedy (result);

      if (i > 0)
        g_string_append_c (out, ',');

      APPEND_LITERAL (out, "{\"rule\":");
      _cwb_json_append_string (out, cwb_check_result_get_rule (result));

      APPEND_LITERAL (out, ",\"clause\":");
      append_json_string_or_null (out, cwb_check_result_get_clause (result));

      APPEND_LITERAL (out, ",\"strength\":");
      _cwb_json_append_string (out, cwb_strength_to_nick (cwb_check_result_get_strength (result)));

      APPEND_LITERAL (out, ",\"status\":");
      _cwb_json_append_string (out, cwb_status_to_nick (cwb_check_result_get_status (result)));

      if (cwb_check_result_get_has_value (result))
        {
          APPEND_LITERAL (out, ",\"value\":");
          append_json_number (out, cwb_check_result_get_value (result));
        }

      if (cwb_check_result_get_has_threshold (result))
        {
          APPEND_LITERAL (out, ",\"threshold\":");
          append_json_number (out, cwb_check_result_get_threshold (result));
        }

      if (cwb_check_result_get_plugin (result) != NULL)
        {
          APPEND_LITERAL (out, ",\"plugin\":");
          _cwb_json_append_string (out, cwb_check_result_get_plugin (result));
        }

      APPEND_LITERAL (out, ",\"message\":");
      _cwb_json_append_string (out, message != NULL ? message : "");

      if (remedy != NULL)
        {
          APPEND_LITERAL (out, ",\"remedy\":");
          _cwb_json_append_string (out, remedy);
        }

      g_string_append_c (out, '}');
    }

  APPEND_LITERAL (out, "]}");
}

/**
 * cwb_check_report_to_json_string:
 * @self: a report
 * @file: (nullable): the file checked, as the user named it
 *
 * The object of cwb_check_report_to_json() as compact JSON text on one
 * line (no newline at the end), written directly without building a tree:
 * members in the same order, UTF-8 kept as is (only `"`, `\\` and control
 * characters escaped), whole figures as integers and every other number in
 * the fewest digits that read back as the same double; a number that is
 * not finite is written null.
 *
 * Returns: (transfer full): the text
 */
char *
cwb_check_report_to_json_string (CwbCheckReport *self,
                                 const char     *file)
{
  GString *out;

  g_return_val_if_fail (CWB_IS_CHECK_REPORT (self), NULL);

  out = g_string_sized_new (256 + 320 * self->results->len);
  cwb_check_report_append_json (self, file, out);

  return g_string_free (out, FALSE);
}
