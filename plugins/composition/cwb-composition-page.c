/* cwb-composition-page.c — the composition check of the current consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-composition-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-composition-page.h"

/* The widgets of one result's row, kept so that a new report updates the
 * rows in place (the list keeps its height and the scroll position stays). */
typedef struct
{
  GtkWidget *row;            /* owned by results_list */
  GtkWidget *icon;
  GtkWidget *id_label;
  GtkWidget *status_label;
  GtkWidget *title_label;
  GtkWidget *value_label;
  GtkWidget *message_label;
  GtkWidget *remedy_label;
  GtkWidget *arrow;
  GtkWidget *revealer;
  GtkWidget *clause_label;
  GtkWidget *reading_box;
  GtkWidget *reading_label;
  char      *rule;
  const char *status_class;  /* the CSS class now on icon and status_label */
} ResultRow;

struct _CwbCompositionPage
{
  AdwBin          parent_instance;

  /* owned */
  CwbContext     *context;
  CwbCheckReport *report;
  char           *verdict_text;
  GPtrArray      *rows;          /* ResultRow, in list order */
  const char     *verdict_class;
  gulong          consortium_handler;
  guint           refresh_source;
  GCancellable   *check_cancellable;  /* of the check running, if any */
  CwbConsortium  *checking;           /* what it checks (not owned: compared only) */

  /* template children */
  GtkStack       *stack;
  GtkLabel       *consortium_label;
  GtkImage       *verdict_icon;
  GtkLabel       *verdict_label;
  GtkLabel       *counts_label;
  GtkLabel       *rules_label;
  GtkListBox     *results_list;
  GtkSpinner     *checking_spinner;
  GtkSpinner     *recheck_spinner;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_REPORT,
  PROP_VERDICT_TEXT,
  N_PROPS
};

static void cwb_composition_page_class_finalize (CwbCompositionPageClass *klass);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbCompositionPage, cwb_composition_page, ADW_TYPE_BIN,
                                G_TYPE_FLAG_FINAL, {})

static GParamSpec *properties[N_PROPS];

/* How each status is shown: icon, CSS class, and its word. */
static const struct {
  CwbStatus   status;
  const char *icon_name;
  const char *css_class;
  const char *label;
} status_looks[] = {
  { CWB_STATUS_PASS, "emblem-ok-symbolic", "success", NC_("check status", "Pass") },
  { CWB_STATUS_FAIL, "dialog-error-symbolic", "error", NC_("check status", "Not met") },
  { CWB_STATUS_WARN, "dialog-warning-symbolic", "warning", NC_("check status", "Warning") },
  { CWB_STATUS_UNKNOWN, "dialog-question-symbolic", "warning", NC_("check status", "Unknown (data missing)") },
  { CWB_STATUS_RELAXED, "emblem-ok-symbolic", "success", NC_("check status", "Passed under the relaxed conditions") },
  { CWB_STATUS_EXCEPTED, "emblem-default-symbolic", "success", NC_("check status", "Accepted case by case") },
  { CWB_STATUS_DECLARED, "checkbox-checked-symbolic", "success", NC_("check status", "Declared") },
  { CWB_STATUS_MISSING_DECLARATION, "emblem-important-symbolic", "warning", NC_("check status", "Not declared") },
  { CWB_STATUS_INFO, "dialog-information-symbolic", "dim-label", NC_("check status", "Note") },
  { CWB_STATUS_ERROR, "computer-fail-symbolic", "error", NC_("check status", "Not checked: the plugin failed") },
};

static guint
status_look_index (CwbStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_looks); i++)
    if (status_looks[i].status == status)
      return i;

  g_assert_not_reached ();
}

static char *
format_figure (double  figure,
               CwbUnit unit)
{
  switch (unit)
    {
    case CWB_UNIT_RATIO:
      return cwb_format_percent (figure);
    case CWB_UNIT_YUAN:
      return cwb_format_money ((gint64) (figure + (figure < 0 ? -0.5 : 0.5)));
    case CWB_UNIT_COUNT:
    case CWB_UNIT_NONE:
    default:
      if (figure == (double) (gint64) figure)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) figure);
      return g_strdup_printf ("%.2f", figure);
    }
}

/* "40% (required: at least 50%)", or NULL when the result has no figures */
static char *
format_value_line (CwbCheckResult *result)
{
  gboolean has_value = cwb_check_result_get_has_value (result);
  gboolean has_threshold = cwb_check_result_get_has_threshold (result);
  double value = cwb_check_result_get_value (result);
  double threshold = cwb_check_result_get_threshold (result);
  g_autofree char *value_text = NULL;
  g_autofree char *threshold_text = NULL;
  CwbUnit unit = cwb_check_result_get_unit (result);

  if (!has_value && !has_threshold)
    return NULL;

  if (has_value)
    value_text = format_figure (value, unit);
  if (has_threshold)
    threshold_text = format_figure (threshold, unit);

  if (has_value && has_threshold)
    /* Translators: a figure found, then the policy's minimum, e.g. "40% (required: at least 50%)" */
    return g_strdup_printf (_("%s (required: at least %s)"), value_text, threshold_text);
  if (has_threshold)
    return g_strdup_printf (_("Required: at least %s"), threshold_text);
  return g_steal_pointer (&value_text);
}

static void
swap_css_class (GtkWidget   *widget,
                const char  *old_class,
                const char  *new_class)
{
  if (old_class != NULL)
    gtk_widget_remove_css_class (widget, old_class);
  if (new_class != NULL)
    gtk_widget_add_css_class (widget, new_class);
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
result_row_free (ResultRow *rr)
{
  g_free (rr->rule);
  g_free (rr);
}

static void
result_row_set_expanded (ResultRow *rr,
                         gboolean   expanded)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (rr->revealer), expanded);
  gtk_image_set_from_icon_name (GTK_IMAGE (rr->arrow),
                                expanded ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (rr->row),
                               GTK_ACCESSIBLE_STATE_EXPANDED, expanded,
                               -1);
}

static gboolean
result_row_get_expanded (ResultRow *rr)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (rr->revealer));
}

static ResultRow *
result_row_new (void)
{
  ResultRow *rr = g_new0 (ResultRow, 1);
  GtkWidget *box, *header, *text, *top, *details, *quote, *heading;

  rr->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rr->row), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (rr->row), box);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), header);

  rr->icon = gtk_image_new ();
  gtk_widget_set_valign (rr->icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (rr->icon, 2);
  gtk_box_append (GTK_BOX (header), rr->icon);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (header), text);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (text), top);

  rr->id_label = wrapped_label ("caption");
  gtk_widget_add_css_class (rr->id_label, "dim-label");
  gtk_widget_set_hexpand (rr->id_label, TRUE);
  gtk_box_append (GTK_BOX (top), rr->id_label);

  rr->status_label = wrapped_label ("caption-heading");
  gtk_label_set_xalign (GTK_LABEL (rr->status_label), 1);
  gtk_widget_set_valign (rr->status_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (top), rr->status_label);

  rr->title_label = wrapped_label ("heading");
  gtk_box_append (GTK_BOX (text), rr->title_label);

  rr->value_label = wrapped_label (NULL);
  gtk_box_append (GTK_BOX (text), rr->value_label);

  rr->message_label = wrapped_label (NULL);
  gtk_box_append (GTK_BOX (text), rr->message_label);

  rr->remedy_label = wrapped_label (NULL);
  gtk_label_set_use_markup (GTK_LABEL (rr->remedy_label), TRUE);
  gtk_box_append (GTK_BOX (text), rr->remedy_label);

  rr->arrow = gtk_image_new_from_icon_name ("pan-end-symbolic");
  gtk_widget_set_valign (rr->arrow, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rr->arrow, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (rr->arrow),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_box_append (GTK_BOX (header), rr->arrow);

  /* Expanded: the clause's own words and this software's reading of them,
   * indented to the text above. */
  rr->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (rr->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_box_append (GTK_BOX (box), rr->revealer);

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (details, 12);
  gtk_widget_set_margin_start (details, 28);
  gtk_widget_set_margin_end (details, 28);
  gtk_revealer_set_child (GTK_REVEALER (rr->revealer), details);

  heading = wrapped_label ("caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_label (GTK_LABEL (heading), _("Policy text"));
  gtk_box_append (GTK_BOX (details), heading);

  quote = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (details), quote);
  gtk_box_append (GTK_BOX (quote), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  rr->clause_label = wrapped_label (NULL);
  gtk_label_set_selectable (GTK_LABEL (rr->clause_label), TRUE);
  gtk_widget_set_hexpand (rr->clause_label, TRUE);
  gtk_box_append (GTK_BOX (quote), rr->clause_label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (rr->clause_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  rr->reading_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (rr->reading_box, 6);
  gtk_box_append (GTK_BOX (details), rr->reading_box);
  heading = wrapped_label ("caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_label (GTK_LABEL (heading), _("This software’s reading"));
  gtk_box_append (GTK_BOX (rr->reading_box), heading);
  rr->reading_label = wrapped_label (NULL);
  gtk_label_set_selectable (GTK_LABEL (rr->reading_label), TRUE);
  gtk_box_append (GTK_BOX (rr->reading_box), rr->reading_label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (rr->reading_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);

  return rr;
}

static void
set_optional_label (GtkWidget  *label,
                    const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_label (GTK_LABEL (label), shown ? text : "");
  gtk_widget_set_visible (label, shown);
}

/* The name the plugin manager shows for @module, else @module */
static const char *
plugin_name (CwbContext *context,
             const char *module)
{
  CwbEngine *engine = context != NULL ? cwb_context_get_engine (context) : NULL;

  return engine != NULL ? cwb_engine_get_plugin_name (engine, module) : module;
}

static void
result_row_update (ResultRow      *rr,
                   CwbContext     *context,
                   CwbRuleSet     *rules,
                   CwbCheckResult *result,
                   gboolean        expanded)
{
  const char *rule = cwb_check_result_get_rule (result);
  const char *clause = cwb_check_result_get_clause (result);
  CwbStatus status = cwb_check_result_get_status (result);
  const char *remedy = cwb_check_result_get_remedy (result);
  const char *plugin = cwb_check_result_get_plugin (result);
  g_autofree char *plugin_title = NULL;
  const char *title = NULL;
  const char *clause_text = NULL;
  const char *reading = NULL;
  const char *status_text;
  guint look = status_look_index (status);
  g_autofree char *id_text = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *remedy_markup = NULL;
  g_autofree char *accessible = NULL;

  if (plugin != NULL)
    {
      /* Translators: the title of the row that stands for a plugin whose check failed */
      plugin_title = g_strdup_printf (_("The checks of the plugin “%s”"), plugin_name (context, plugin));
      title = plugin_title;
    }
  else if (cwb_rule_set_has_rule (rules, rule))
    {
      title = cwb_rule_set_get_rule_title (rules, rule);
      clause_text = cwb_rule_set_get_clause_text (rules, rule);
      reading = cwb_rule_set_get_reading (rules, rule);
    }

  if (g_strcmp0 (rr->rule, rule) != 0)
    {
      g_free (rr->rule);
      rr->rule = g_strdup (rule);
    }

  status_text = g_dpgettext2 (NULL, "check status", status_looks[look].label);
  gtk_image_set_from_icon_name (GTK_IMAGE (rr->icon), status_looks[look].icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rr->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status_text,
                                  -1);
  gtk_label_set_label (GTK_LABEL (rr->status_label), status_text);
  swap_css_class (rr->icon, rr->status_class, status_looks[look].css_class);
  swap_css_class (rr->status_label, rr->status_class, status_looks[look].css_class);
  rr->status_class = status_looks[look].css_class;

  if (clause != NULL && *clause != '\0')
    /* Translators: a rule id and the policy's clause id, e.g. "C4 · 四(二)" */
    id_text = g_strdup_printf (_("%s · %s"), rule, clause);
  else
    id_text = g_strdup (rule);
  gtk_label_set_label (GTK_LABEL (rr->id_label), id_text);

  gtk_label_set_label (GTK_LABEL (rr->title_label), title != NULL ? title : rule);

  value_text = format_value_line (result);
  set_optional_label (rr->value_label, value_text);
  set_optional_label (rr->message_label, cwb_check_result_get_message (result));

  /* What would make it pass matters only while it does not. */
  if (remedy != NULL && *remedy != '\0' && status == CWB_STATUS_ERROR)
    {
      /* what to do about a plugin that failed is not a condition to meet */
      remedy_markup = g_markup_printf_escaped ("<b>%s</b>", remedy);
    }
  else if (remedy != NULL && *remedy != '\0' && !cwb_status_is_passing (status))
    {
      /* Translators: %s is what the consortium still needs, e.g. "还需 2 家在琼注册或驻琼单位" */
      g_autofree char *line = g_strdup_printf (_("To meet it: %s"), remedy);

      remedy_markup = g_markup_printf_escaped ("<b>%s</b>", line);
    }
  set_optional_label (rr->remedy_label, remedy_markup);

  set_optional_label (rr->clause_label, clause_text);
  set_optional_label (rr->reading_label, reading);
  gtk_widget_set_visible (rr->reading_box, reading != NULL && *reading != '\0');

  /* A row expands only when there is a text to show. */
  gtk_widget_set_visible (rr->arrow, clause_text != NULL || reading != NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rr->row),
                                    clause_text != NULL || reading != NULL);
  result_row_set_expanded (rr, expanded && (clause_text != NULL || reading != NULL));

  /* Translators: how a screen reader names a result's row: status, rule id, rule title */
  accessible = g_strdup_printf (_("%s: %s, %s"), status_text, rule,
                                title != NULL ? title : rule);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rr->row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_results (CwbCompositionPage *self)
{
  CwbRuleSet *rules = cwb_check_report_get_rules (self->report);
  GListModel *model = G_LIST_MODEL (self->report);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Rows stay open across reports for the rule they show. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      ResultRow *rr = g_ptr_array_index (self->rows, i);

      if (rr->rule != NULL && result_row_get_expanded (rr))
        g_hash_table_add (expanded, g_strdup (rr->rule));
    }

  while (self->rows->len > n_items)
    {
      ResultRow *rr = g_ptr_array_index (self->rows, self->rows->len - 1);

      gtk_list_box_remove (self->results_list, rr->row);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (model, i);
      ResultRow *rr;

      if (i < self->rows->len)
        {
          rr = g_ptr_array_index (self->rows, i);
        }
      else
        {
          rr = result_row_new ();
          g_object_set_data (G_OBJECT (rr->row), "cwb-result-row", rr);
          gtk_list_box_append (self->results_list, rr->row);
          g_ptr_array_add (self->rows, rr);
        }

      result_row_update (rr, self->context, rules, result,
                         g_hash_table_contains (expanded, cwb_check_result_get_rule (result)));
    }
}

static char *
format_counts (CwbCheckReport *report)
{
  GListModel *model = G_LIST_MODEL (report);
  guint n_items = g_list_model_get_n_items (model);
  guint n_fail = 0, n_warn = 0, n_unknown = 0, n_undeclared = 0, n_passing = 0, n_error = 0;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (model, i);

      switch (cwb_check_result_get_status (result))
        {
        case CWB_STATUS_FAIL:
          n_fail++;
          break;
        case CWB_STATUS_WARN:
          n_warn++;
          break;
        case CWB_STATUS_UNKNOWN:
          n_unknown++;
          break;
        case CWB_STATUS_MISSING_DECLARATION:
          n_undeclared++;
          break;
        case CWB_STATUS_ERROR:
          n_error++;
          break;
        case CWB_STATUS_PASS:
        case CWB_STATUS_RELAXED:
        case CWB_STATUS_EXCEPTED:
        case CWB_STATUS_DECLARED:
        case CWB_STATUS_INFO:
        default:
          n_passing++;
          break;
        }
    }

  if (n_error > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u plugin failed", "%u plugins failed", n_error), n_error));
  if (n_fail > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u not met", "%u not met", n_fail), n_fail));
  if (n_warn > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warn), n_warn));
  if (n_unknown > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u lacks data", "%u lack data", n_unknown), n_unknown));
  if (n_undeclared > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u to declare", "%u to declare", n_undeclared), n_undeclared));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u passed", "%u passed", n_passing), n_passing));
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the counts, e.g. "2 not met, 3 warnings" */
  return g_strjoinv (C_("counts", ", "), (char **) parts->pdata);
}

/* (transfer full): the plugins whose check failed, e.g. “a”, “b” */
static char *
failed_plugins (CwbContext     *context,
                CwbCheckReport *report)
{
  GListModel *model = G_LIST_MODEL (report);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (model, i);
      const char *plugin = cwb_check_result_get_plugin (result);

      if (plugin != NULL)
        /* Translators: a plugin's name in a list of plugins */
        g_ptr_array_add (names, g_strdup_printf (_("“%s”"), plugin_name (context, plugin)));
    }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

static void
set_verdict_text (CwbCompositionPage *self,
                  const char         *text)
{
  if (g_strcmp0 (self->verdict_text, text) == 0)
    return;

  g_free (self->verdict_text);
  self->verdict_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERDICT_TEXT]);
}

static void
show_report (CwbCompositionPage *self)
{
  CwbConsortium *consortium = cwb_check_report_get_consortium (self->report);
  CwbRuleSet *rules = cwb_check_report_get_rules (self->report);
  const char *icon_name;
  const char *css_class;
  const char *verdict;
  g_autofree char *counts = NULL;
  g_autofree char *rules_text = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *error_verdict = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->report)) == 0)
    {
      /* No check provider is loaded: there is no verdict to give. */
      icon_name = "dialog-question-symbolic";
      css_class = "dim-label";
      verdict = _("Nothing was checked");
      counts = g_strdup (_("No check plugin is turned on. Turn one on in the plugin manager."));
    }
  else
    {
      switch (cwb_check_report_get_verdict (self->report))
        {
        case CWB_VERDICT_PASS:
          icon_name = "emblem-ok-symbolic";
          css_class = "success";
          verdict = _("Meets the composition conditions");
          break;
        case CWB_VERDICT_WARN:
          icon_name = "dialog-warning-symbolic";
          css_class = "warning";
          verdict = _("Largely meets the conditions; some items need explaining");
          break;
        case CWB_VERDICT_ERROR:
          icon_name = "computer-fail-symbolic";
          css_class = "error";
          failed = failed_plugins (self->context, self->report);
          /* Translators: %s names the plugins whose check failed, e.g. “pyraise” */
          verdict = error_verdict = g_strdup_printf (_("The check is incomplete: the plugin %s failed"), failed);
          break;
        case CWB_VERDICT_FAIL:
        default:
          icon_name = "dialog-error-symbolic";
          css_class = "error";
          verdict = _("Does not meet the composition conditions");
          break;
        }
      counts = format_counts (self->report);
    }

  gtk_label_set_label (self->consortium_label,
                       consortium != NULL ? cwb_consortium_get_name (consortium) : "");
  gtk_image_set_from_icon_name (self->verdict_icon, icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, verdict,
                                  -1);
  swap_css_class (GTK_WIDGET (self->verdict_icon), self->verdict_class, css_class);
  swap_css_class (GTK_WIDGET (self->verdict_label), self->verdict_class, css_class);
  self->verdict_class = css_class;
  gtk_label_set_label (self->verdict_label, verdict);
  gtk_label_set_label (self->counts_label, counts);

  /* Translators: %s is the rule set's title, e.g. "海南省创新联合体建设实施方案（2022）" */
  rules_text = g_strdup_printf (_("Checked against: %s"), cwb_rule_set_get_title (rules));
  gtk_label_set_label (self->rules_label, rules_text);

  update_results (self);

  gtk_stack_set_visible_child_name (self->stack, "report");
  set_verdict_text (self, verdict);
}

static void
set_checking (CwbCompositionPage *self,
              gboolean            checking)
{
  gtk_spinner_set_spinning (self->checking_spinner, checking);
  gtk_spinner_set_spinning (self->recheck_spinner, checking);
  gtk_widget_set_visible (GTK_WIDGET (self->recheck_spinner), checking);
}

static void
set_report (CwbCompositionPage *self,
            CwbCheckReport     *report)
{
  g_set_object (&self->report, report);

  if (self->report != NULL)
    {
      show_report (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_verdict_text (self, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *page_ref = user_data;
  g_autoptr(CwbCompositionPage) self = g_weak_ref_get (page_ref);
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (page_ref);
  g_free (page_ref);

  report = cwb_context_check_finish (CWB_CONTEXT (object), result, &error);

  /* the page went (its plugin was turned off, the window closed) */
  if (self == NULL)
    return;

  /* stale: another consortium, or a newer version of this one, was set
   * meanwhile and its check cancelled this one */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->context == NULL ||
      self->checking != cwb_context_get_consortium (self->context))
    return;

  g_clear_object (&self->check_cancellable);
  self->checking = NULL;
  set_checking (self, FALSE);

  if (report == NULL)
    {
      /* e.g. deleted meanwhile: the host selects nothing next */
      g_debug ("Could not check: %s", error->message);
      set_report (self, NULL);
      return;
    }

  set_report (self, report);
}

static void
refresh (CwbCompositionPage *self)
{
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  CwbConsortium *shown;
  GWeakRef *page_ref;
  gboolean same;

  if (self->check_cancellable != NULL)
    {
      g_cancellable_cancel (self->check_cancellable);
      g_clear_object (&self->check_cancellable);
    }
  self->checking = NULL;

  if (consortium == NULL)
    {
      set_checking (self, FALSE);
      set_report (self, NULL);
      return;
    }

  /* The members of a large consortium are read and checked in a worker;
   * the page says so meanwhile. The same consortium checked again after an
   * edit keeps its report in view (and its scroll position) until then. */
  shown = self->report != NULL ? cwb_check_report_get_consortium (self->report) : NULL;
  same = shown != NULL && cwb_consortium_get_id (consortium) != 0 &&
         cwb_consortium_get_id (shown) == cwb_consortium_get_id (consortium);
  if (!same)
    gtk_stack_set_visible_child_name (self->stack, "checking");
  set_checking (self, TRUE);

  self->checking = consortium;
  self->check_cancellable = g_cancellable_new ();
  /* a weak reference: a page removed meanwhile goes at once (this code
   * stays: the UI module is resident) */
  page_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (page_ref, self);
  cwb_context_check_async (self->context, consortium, self->check_cancellable,
                           check_done_cb, page_ref);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CwbCompositionPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
consortium_changed_cb (CwbCompositionPage *self,
                       GParamSpec         *pspec,
                       CwbContext         *context)
{
  /* The host re-sets the consortium after every edit; several edits in a
   * row are checked once. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
row_activated_cb (CwbCompositionPage *self,
                  GtkListBoxRow      *row,
                  GtkListBox         *list)
{
  ResultRow *rr = g_object_get_data (G_OBJECT (row), "cwb-result-row");

  if (rr != NULL)
    result_row_set_expanded (rr, !result_row_get_expanded (rr));
}

static void
cwb_composition_page_constructed (GObject *object)
{
  CwbCompositionPage *self = CWB_COMPOSITION_PAGE (object);

  G_OBJECT_CLASS (cwb_composition_page_parent_class)->constructed (object);

  g_assert (CWB_IS_CONTEXT (self->context));

  self->consortium_handler = g_signal_connect_object (self->context, "notify::consortium",
                                                      G_CALLBACK (consortium_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cwb_composition_page_dispose (GObject *object)
{
  CwbCompositionPage *self = CWB_COMPOSITION_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->check_cancellable != NULL)
    g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->checking = NULL;
  if (self->context != NULL)
    g_clear_signal_handler (&self->consortium_handler, self->context);

  /* AdwBin would unparent its child again after the template did */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_COMPOSITION_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  g_clear_object (&self->report);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cwb_composition_page_parent_class)->dispose (object);
}

static void
cwb_composition_page_finalize (GObject *object)
{
  CwbCompositionPage *self = CWB_COMPOSITION_PAGE (object);

  g_free (self->verdict_text);

  G_OBJECT_CLASS (cwb_composition_page_parent_class)->finalize (object);
}

static void
cwb_composition_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CwbCompositionPage *self = CWB_COMPOSITION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;

    case PROP_VERDICT_TEXT:
      g_value_set_string (value, self->verdict_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_composition_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CwbCompositionPage *self = CWB_COMPOSITION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_composition_page_class_init (CwbCompositionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_composition_page_constructed;
  object_class->dispose = cwb_composition_page_dispose;
  object_class->finalize = cwb_composition_page_finalize;
  object_class->get_property = cwb_composition_page_get_property;
  object_class->set_property = cwb_composition_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL,
                         CWB_TYPE_CHECK_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_VERDICT_TEXT] =
    g_param_spec_string ("verdict-text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/composition/cwb-composition-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, consortium_label);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, checking_spinner);
  gtk_widget_class_bind_template_child (widget_class, CwbCompositionPage, recheck_spinner);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cwb_composition_page_class_finalize (CwbCompositionPageClass *klass)
{
}

static void
cwb_composition_page_init (CwbCompositionPage *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) result_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Called by cwb_composition_area_register_type(): the generated
 * registration function is static. */
void
_cwb_composition_page_register_type (GTypeModule *module)
{
  cwb_composition_page_register_type (module);
}

/**
 * cwb_composition_page_new:
 * @context: the host's services; the page shows its current consortium
 *
 * Returns: (transfer floating): a new #CwbCompositionPage
 */
GtkWidget *
cwb_composition_page_new (CwbContext *context)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  return g_object_new (CWB_TYPE_COMPOSITION_PAGE,
                       "context", context,
                       NULL);
}

/**
 * cwb_composition_page_get_context:
 * @self: a #CwbCompositionPage
 *
 * Returns: (transfer none): the context the page follows
 */
CwbContext *
cwb_composition_page_get_context (CwbCompositionPage *self)
{
  g_return_val_if_fail (CWB_IS_COMPOSITION_PAGE (self), NULL);

  return self->context;
}

/**
 * cwb_composition_page_get_report:
 * @self: a #CwbCompositionPage
 *
 * Returns: (transfer none) (nullable): the report shown, %NULL when no
 *   consortium is selected
 */
CwbCheckReport *
cwb_composition_page_get_report (CwbCompositionPage *self)
{
  g_return_val_if_fail (CWB_IS_COMPOSITION_PAGE (self), NULL);

  return self->report;
}

/**
 * cwb_composition_page_get_verdict_text:
 * @self: a #CwbCompositionPage
 *
 * Returns: (nullable): the verdict line as shown, %NULL when no consortium
 *   is selected
 */
const char *
cwb_composition_page_get_verdict_text (CwbCompositionPage *self)
{
  g_return_val_if_fail (CWB_IS_COMPOSITION_PAGE (self), NULL);

  return self->verdict_text;
}
