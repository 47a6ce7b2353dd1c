/* test-rule-set-figures.c — a rule pack with other figures is used everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/rule-packs/other-figures.json is the shipped rule set with other
 * figures: a four-year term, five fiscal years for L6, ten agreement items
 * (a tenth, "confidentiality") and no "under provincial review" stage.
 * tests/rule-packs/five-fiscal-years.consortium.json is a consortium made
 * for it: its lead gives five fiscal years (2021–2025), its agreement
 * states the ten items, it was approved on 2024-03-01. Every place that
 * used a figure of C reads it from the rule set: the lifecycle's term end
 * and stages, the file reader, the store, the L6 and A1 checks through the
 * real plugin engine, the check command's output, the member form's
 * fiscal-year rows, the lifecycle form, the agreement page's items, and the
 * application started with --rules.
 */
#include "config.h"

#include <string.h>

#include <cwb.h>

#include "cwb-lifecycle-group.h"
#include "cwb-lifecycle-group-private.h"
#include "cwb-member-dialog.h"
#include "cwb-member-dialog-private.h"
#include "cwb-stage-dialog.h"
#include "cwb-stage-dialog-private.h"
#include "cwb-application.h"
#include "cwb-window.h"
#include "cwb-test-utils.h"

#define CONSORTIUM_NAME "海南省五年测试创新联合体"

static char *
pack_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "rule-packs", name, NULL);
}

static CwbRuleSet *
load_pack (void)
{
  g_autofree char *path = pack_path ("other-figures.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CwbRuleSet *rules = cwb_rule_set_new_from_file (file, &error);

  g_assert_no_error (error);
  return rules;
}

static char *
consortium_text (gsize *length)
{
  g_autofree char *path = pack_path ("five-fiscal-years.consortium.json");
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* The consortium file under @rules (NULL: shipped), @error set on failure */
static CwbConsortium *
load_consortium (CwbRuleSet  *rules,
                 GError     **error)
{
  gsize length = 0;
  g_autofree char *data = consortium_text (&length);

  return cwb_consortium_file_load_data_with_rules (data, (gssize) length, rules, error);
}

/* The file's text with @from replaced by @to (once) */
static char *
edited_consortium (const char *from,
                   const char *to)
{
  g_autofree char *data = consortium_text (NULL);
  const char *at = strstr (data, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - data), data, to, at + strlen (from));
}

static CwbMember *
lead_of (CwbConsortium *consortium)
{
  const GPtrArray *members = cwb_consortium_get_members (consortium);

  for (guint i = 0; i < members->len; i++)
    if (cwb_member_get_lead (g_ptr_array_index (members, i)))
      return g_ptr_array_index (members, i);

  g_assert_not_reached ();
}

/* The rule set's own figures */

static void
test_rule_set (void)
{
  g_autoptr(CwbRuleSet) pack = load_pack ();
  g_autoptr(CwbRuleSet) shipped = cwb_rule_set_new_default (NULL);

  g_assert_cmpstr (cwb_rule_set_get_id (pack), ==, "other-figures");
  g_assert_cmpuint (cwb_rule_set_get_term_years (pack), ==, 4);
  g_assert_cmpuint (cwb_rule_set_get_fiscal_years (pack), ==, 5);
  g_assert_cmpuint (g_strv_length ((GStrv) cwb_rule_set_lookup_strv (pack, "A1", "clauses")), ==, 10);
  g_assert_false (cwb_rule_set_has_stage (pack, CWB_STAGE_APPROVING));

  g_assert_cmpuint (cwb_rule_set_get_term_years (shipped), ==, 3);
  g_assert_cmpuint (cwb_rule_set_get_fiscal_years (shipped), ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) cwb_rule_set_lookup_strv (shipped, "A1", "clauses")), ==, 9);
  g_assert_true (cwb_rule_set_has_stage (shipped, CWB_STAGE_APPROVING));
}

/* The lifecycle: the term's end and the stages */

static void
test_lifecycle (void)
{
  g_autoptr(CwbRuleSet) pack = load_pack ();
  g_autoptr(CwbConsortium) consortium = load_consortium (pack, NULL);
  const GPtrArray *events = cwb_consortium_get_lifecycle (consortium);
  g_autoptr(CwbStageEvent) approving = cwb_stage_event_new (CWB_STAGE_APPROVING, "2023-11-20", NULL, NULL);
  g_autoptr(GPtrArray) recommended = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *shipped_end = NULL;
  const CwbStage *next;
  guint n = 0;

  g_assert_true (cwb_lifecycle_get_term (pack, events, &start, &end));
  g_assert_cmpstr (start, ==, "2024-03-01");
  g_assert_cmpstr (end, ==, "2028-03-01");
  g_assert_true (cwb_lifecycle_get_term (NULL, events, NULL, &shipped_end));
  g_assert_cmpstr (shipped_end, ==, "2027-03-01");

  g_assert_false (cwb_lifecycle_is_expired (pack, events, "2028-03-01"));
  g_assert_true (cwb_lifecycle_is_expired (pack, events, "2028-03-02"));
  g_assert_true (cwb_lifecycle_is_expired (NULL, events, "2027-03-02"));

  /* no "under provincial review" in the pack */
  next = cwb_stage_get_next (pack, CWB_STAGE_RECOMMENDED, &n);
  g_assert_cmpuint (n, ==, 3);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (next[i], !=, CWB_STAGE_APPROVING);
  cwb_stage_get_next (NULL, CWB_STAGE_RECOMMENDED, &n);
  g_assert_cmpuint (n, ==, 4);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (recommended, g_ptr_array_index (events, i));
  g_assert_false (cwb_lifecycle_check_next (pack, recommended, approving, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cwb_lifecycle_check_next (NULL, recommended, approving, NULL, &error));
  g_assert_no_error (error);
}

/* The file reader: at most L6's years of fiscal years, the pack's stages */

static void
test_file_reader (void)
{
  g_autoptr(CwbRuleSet) pack = load_pack ();
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *six = NULL;
  g_autofree char *approving = NULL;

  consortium = load_consortium (pack, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_member_get_fiscal_years (lead_of (consortium))->len, ==, 5);

  /* the shipped rule set takes three */
  refused = load_consortium (NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "members[0].fiscal_years: at most 3 fiscal years"));
  g_clear_error (&error);

  /* the pack takes five, not six */
  six = edited_consortium ("\"fiscal_years\": [",
                           "\"fiscal_years\": [\n        {\"year\": 2020, \"rd_expense\": 1, \"sales\": 2},");
  refused = cwb_consortium_file_load_data_with_rules (six, -1, pack, &error);
  g_assert_null (refused);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "members[0].fiscal_years: at most 5 fiscal years"));
  g_clear_error (&error);

  /* a step the pack does not have */
  approving = edited_consortium ("\"stage\": \"approved\"", "\"stage\": \"approving\"");
  refused = cwb_consortium_file_load_data_with_rules (approving, -1, pack, &error);
  g_assert_null (refused);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "lifecycle[3].stage: "));
}

/* A context over the pack with a store in the test's own data folder, the
 * real plugin engine and the consortium imported */
typedef struct
{
  CwbTestPage t;
  gint64      id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CwbRuleSet) pack = load_pack ();
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 2, 10, 0, 0);
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;

  cwb_test_page_set_up_with_rules (&fixture->t, GPOINTER_TO_INT (data) ? NULL : pack, now);
  consortium = load_consortium (pack, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (fixture->t.store, consortium, FALSE, &error));
  g_assert_no_error (error);
  fixture->id = cwb_store_lookup_consortium (fixture->t.store, CONSORTIUM_NAME);
  g_assert_cmpint (fixture->id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cwb_test_page_tear_down (&fixture->t);
}

static CwbConsortium *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CwbConsortium *consortium = cwb_store_load_consortium (fixture->t.store, fixture->id, &error);

  g_assert_no_error (error);
  return consortium;
}

/* The store keeps five fiscal years and records steps under the pack */
static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = stored (fixture);
  g_autoptr(CwbStageEvent) approving = cwb_stage_event_new (CWB_STAGE_APPROVING, "2024-01-05", NULL, NULL);
  g_autoptr(CwbStageEvent) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cwb_store_get_rules (fixture->t.store) == fixture->t.rules);
  g_assert_cmpuint (cwb_member_get_fiscal_years (lead_of (consortium))->len, ==, 5);
  g_assert_cmpuint (cwb_consortium_get_lifecycle (consortium)->len, ==, 4);

  /* back to "recommended": the pack has no "under provincial review" */
  g_assert_true (cwb_store_remove_last_stage_event (fixture->t.store, fixture->id, &removed, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_store_append_stage_event (fixture->t.store, fixture->id, approving, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);

  /* the shipped rule set has it */
  cwb_store_set_rules (fixture->t.store, NULL);
  g_assert_true (cwb_store_append_stage_event (fixture->t.store, fixture->id, approving, NULL, &error));
  g_assert_no_error (error);
  cwb_store_set_rules (fixture->t.store, fixture->t.rules);
}

static CwbCheckResult *
lookup (CwbCheckReport *report,
        const char     *rule)
{
  CwbCheckResult *result = cwb_check_report_lookup (report, rule);

  g_assert_nonnull (result);
  return result;
}

/* L6 counts five years and A1 ten items, through the loaded plugins */
static void
test_checks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = stored (fixture);
  g_autoptr(CwbCheckReport) report = cwb_context_check (fixture->t.context, consortium);
  CwbCheckResult *l6 = lookup (report, "L6");
  CwbCheckResult *a1 = lookup (report, "A1");

  g_test_message ("L6: %s", cwb_check_result_get_message (l6));
  g_assert_nonnull (strstr (cwb_check_result_get_message (l6), "2021–2025"));
  g_assert_cmpfloat (cwb_check_result_get_value (l6), ==, 25000000);
  g_assert_cmpint (cwb_check_result_get_status (l6), ==, CWB_STATUS_PASS);

  g_test_message ("A1: %s", cwb_check_result_get_message (a1));
  g_assert_cmpint (cwb_check_result_get_status (a1), ==, CWB_STATUS_PASS);
  g_assert_cmpfloat (cwb_check_result_get_value (a1), ==, 10);
  g_assert_cmpfloat (cwb_check_result_get_threshold (a1), ==, 10);
}

/* The same consortium under the shipped rule set (its fiscal years stored
 * already): L6 counts the last three, A1 asks for nine */
static void
test_checks_shipped (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = stored (fixture);
  g_autoptr(CwbCheckReport) report = cwb_context_check (fixture->t.context, consortium);
  CwbCheckResult *l6 = lookup (report, "L6");

  g_assert_cmpstr (cwb_rule_set_get_id (fixture->t.rules), ==, "hainan-2022");
  g_assert_nonnull (strstr (cwb_check_result_get_message (l6), "2023–2025"));
  g_assert_cmpfloat (cwb_check_result_get_value (l6), ==, 15000000);
  g_assert_cmpfloat (cwb_check_result_get_threshold (lookup (report, "A1")), ==, 9);
}

/* The check command with --rules */
static void
test_check_command (void)
{
  g_autofree char *rules = pack_path ("other-figures.json");
  g_autofree char *file = pack_path ("five-fiscal-years.consortium.json");
  const char *binary = g_getenv ("CWB_BINARY");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonArray *results;
  JsonObject *root;
  guint found = 0;

  g_assert_nonnull (binary);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              binary, "check", "--json", "--rules", rules, file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "ruleset"), ==, "other-figures");
  results = json_object_get_array_member (root, "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *rule = json_object_get_string_member (result, "rule");

      if (g_str_equal (rule, "L6"))
        {
          g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "2021–2025"));
          found++;
        }
      else if (g_str_equal (rule, "A1"))
        {
          g_assert_cmpint (json_object_get_int_member (result, "threshold"), ==, 10);
          g_assert_nonnull (strstr (json_object_get_string_member (result, "message"), "10"));
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);

  /* without --rules the file is refused: five fiscal years are two too many */
  g_clear_object (&process);
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              binary, "check", file, NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 65);
}

/* `import --rules` reads the files and records their steps under the pack */
static void
test_import_command (void)
{
  g_autofree char *rules = pack_path ("other-figures.json");
  g_autofree char *file = pack_path ("five-fiscal-years.consortium.json");
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "imported.db", NULL);
  const char *binary = g_getenv ("CWB_BINARY");
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  const char *flags[] = { NULL, "--rules" };

  g_assert_nonnull (binary);
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GSubprocess) process = NULL;

      if (flags[i] == NULL)
        process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                    &error, binary, "import", "--db", db, file, NULL);
      else
        process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                    binary, "import", "--db", db, flags[i], rules, file, NULL);
      g_assert_no_error (error);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      /* refused under the shipped rule set, imported under the pack */
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, flags[i] == NULL ? 65 : 0);
    }

  store = cwb_store_open (db, &error);
  g_assert_no_error (error);
  consortium = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, CONSORTIUM_NAME), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_member_get_fiscal_years (lead_of (consortium))->len, ==, 5);
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;

  return FALSE;
}

/* The member form offers one row per fiscal year L6 counts, all filled */
static void
check_member_dialog (CwbContext *context,
                     gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = cwb_store_load_consortium (cwb_context_get_store (context), id, &error);
  CwbMemberDialog *dialog;
  GtkWidget *list;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  g_assert_no_error (error);
  dialog = cwb_member_dialog_new (context, id, lead_of (consortium));
  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();

  list = _cwb_member_dialog_get_child (dialog, "fiscal_list");
  g_assert_cmpuint (cwb_test_count_list_rows (GTK_LIST_BOX (list)), ==, 5);
  g_assert_cmpstr (adw_preferences_group_get_title (_cwb_member_dialog_get_child (dialog, "fiscal_group")),
                   ==, "Last 5 Fiscal Years");
  collect (list, GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 15);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 0)), ==, "2021");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (entries, 12)), ==, "2025");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE));
}

static void
test_member_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  check_member_dialog (fixture->t.context, fixture->id);
}

/* The lifecycle group shows the four-year term; the stage form offers the
 * pack's next stages */
static void
test_lifecycle_forms (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStageEvent) removed = NULL;
  CwbLifecycleGroup *group = g_object_ref_sink (g_object_new (CWB_TYPE_LIFECYCLE_GROUP, NULL));
  GtkWidget *window = gtk_window_new ();
  CwbStageDialog *dialog;
  GtkStringList *model;
  const char *subtitle;

  cwb_context_set_role (fixture->t.context, CWB_ROLE_AUTHORITY);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (group));
  cwb_lifecycle_group_set_context (group, fixture->t.context);
  cwb_lifecycle_group_set_consortium_id (group, fixture->id);
  gtk_window_present (GTK_WINDOW (window));
  cwb_test_drain ();

  subtitle = adw_action_row_get_subtitle (_cwb_lifecycle_group_get_child (group, "status_row"));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, "2028"));

  /* back to "recommended": the pack offers approved, rejected, dissolved */
  g_assert_true (cwb_store_remove_last_stage_event (fixture->t.store, fixture->id, &removed, &error));
  g_assert_no_error (error);
  dialog = cwb_stage_dialog_new (fixture->t.context, fixture->id);
  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();
  model = _cwb_stage_dialog_get_child (dialog, "stage_model");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (model, 0), ==, cwb_stage_get_label (CWB_STAGE_APPROVED));
  g_assert_false (_cwb_stage_dialog_set_stage (dialog, CWB_STAGE_APPROVING));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (group);
}

/* The agreement page: ten editors, the tenth headed from the pack */
static void
test_agreement_page (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = stored (fixture);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  cwb_context_set_consortium (fixture->t.context, consortium);
  cwb_test_page_show (&fixture->t, "agreement", 1000, 700);
  cwb_test_drain ();

  collect (fixture->t.page, GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 10 + 1);   /* and the comparison */
  g_assert_true (has_label (fixture->t.page, "10. Confidentiality"));

  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 9));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "各成员单位对合作中知悉的商业秘密负有保密义务。");
}

/* The application started with --rules: the window's context, its store
 * and its forms use the pack */
typedef struct
{
  CwbTestApp t;
  gboolean   ran;
} AppFixture;

static void
test_application_body (AppFixture *fixture)
{
  CwbContext *context = cwb_application_get_context (fixture->t.app);
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  CwbWindow *window = fixture->t.window;
  gint64 id;

  g_assert_cmpstr (cwb_rule_set_get_id (cwb_context_get_rules (context)), ==, "other-figures");
  g_assert_true (cwb_store_get_rules (cwb_context_get_store (context)) == cwb_context_get_rules (context));

  consortium = load_consortium (cwb_context_get_rules (context), &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (cwb_context_get_store (context), consortium, FALSE, &error));
  g_assert_no_error (error);
  id = cwb_store_lookup_consortium (cwb_context_get_store (context), CONSORTIUM_NAME);
  cwb_window_select_consortium (window, id);
  CWB_TEST_WAIT_FOR (cwb_context_get_consortium (context) != NULL);

  check_member_dialog (context, id);
  fixture->ran = TRUE;
}

static void
test_application (void)
{
  g_autofree char *rules = pack_path ("other-figures.json");
  const char * const args[] = { "--rules", rules, NULL };
  AppFixture fixture = { { NULL } };

  cwb_test_app_set_up (&fixture.t);
  cwb_test_app_run_with_args (&fixture.t, args, (CwbTestAppBody) test_application_body, &fixture);
  g_assert_true (fixture.ran);
  cwb_test_app_tear_down (&fixture.t);
}

int
main (int    argc,
      char **argv)
{
  cwb_test_init_gui (&argc, &argv);

  g_test_add_func ("/rule-set-figures/rule-set", test_rule_set);
  g_test_add_func ("/rule-set-figures/lifecycle", test_lifecycle);
  g_test_add_func ("/rule-set-figures/file-reader", test_file_reader);
  g_test_add ("/rule-set-figures/store", Fixture, NULL, fixture_set_up, test_store, fixture_tear_down);
  g_test_add ("/rule-set-figures/checks", Fixture, NULL, fixture_set_up, test_checks, fixture_tear_down);
  g_test_add ("/rule-set-figures/checks-shipped", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_checks_shipped, fixture_tear_down);
  g_test_add_func ("/rule-set-figures/check-command", test_check_command);
  g_test_add_func ("/rule-set-figures/import-command", test_import_command);
  g_test_add ("/rule-set-figures/member-dialog", Fixture, NULL, fixture_set_up, test_member_dialog,
              fixture_tear_down);
  g_test_add ("/rule-set-figures/lifecycle-forms", Fixture, NULL, fixture_set_up, test_lifecycle_forms,
              fixture_tear_down);
  g_test_add ("/rule-set-figures/agreement-page", Fixture, NULL, fixture_set_up, test_agreement_page,
              fixture_tear_down);
  g_test_add_func ("/rule-set-figures/application", test_application);

  return g_test_run ();
}
