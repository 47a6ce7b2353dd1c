/* test-composition-page.c — the composition plugin's page, with real plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-composition-page"

#include "config.h"

#include <adwaita.h>
#include <cwb.h>
#include <cwb-ui.h>

#include "cwb-application.h"
#include "cwb-test-utils.h"
#include "cwb-window.h"

#define PASS_TEXT "Meets the composition conditions"
#define FAIL_TEXT "Does not meet the composition conditions"

typedef struct
{
  CwbTestPage t;
  guint       report_notifies;
} Fixture;

static void
report_notify_cb (GObject    *page,
                  GParamSpec *pspec,
                  Fixture    *fixture)
{
  fixture->report_notifies++;
}

static void
create_page (Fixture *fixture)
{
  fixture->report_notifies = 0;
  cwb_test_page_show (&fixture->t, "composition", 720, 480);
  g_signal_connect (fixture->t.page, "notify::report", G_CALLBACK (report_notify_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cwb_test_page_set_up (&fixture->t, NULL);
  create_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cwb_test_page_tear_down (&fixture->t);
}

static CwbCheckReport *
page_dup_report (Fixture *fixture)
{
  CwbCheckReport *report = NULL;

  g_object_get (fixture->t.page, "report", &report, NULL);
  return report;
}

static char *
page_dup_verdict_text (Fixture *fixture)
{
  char *text = NULL;

  g_object_get (fixture->t.page, "verdict-text", &text, NULL);
  return text;
}

static const char *
page_visible_child_name (Fixture *fixture)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (fixture->t.page));

  g_assert_true (GTK_IS_STACK (stack));
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkAdjustment *
page_vadjustment (Fixture *fixture)
{
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (fixture->t.page));
  GtkWidget *scroller = gtk_stack_get_child_by_name (GTK_STACK (stack), "report");

  g_assert_true (GTK_IS_SCROLLED_WINDOW (scroller));
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static CwbStatus
report_status (CwbCheckReport *report,
               const char     *rule)
{
  CwbCheckResult *result = cwb_check_report_lookup (report, rule);

  g_assert_nonnull (result);
  return cwb_check_result_get_status (result);
}

/* Sets @consortium on the context and waits for the page to check it. */
static CwbCheckReport *
show_consortium (Fixture       *fixture,
                 CwbConsortium *consortium)
{
  guint before = fixture->report_notifies;

  cwb_context_set_consortium (fixture->t.context, consortium);
  CWB_TEST_WAIT_FOR (fixture->report_notifies >= before + 1);

  return page_dup_report (fixture);
}

static void
test_area (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwbArea) area = cwb_test_find_area (fixture->t.engine, "composition");
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_cmpstr (cwb_area_get_id (area), ==, "composition");
  g_assert_cmpstr (cwb_area_get_title (area), ==, "Composition");
  g_assert_true (g_str_has_suffix (cwb_area_get_icon_name (area), "-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (theme, cwb_area_get_icon_name (area)));
  g_assert_cmpint (cwb_area_get_priority (area), ==, 10);
  g_assert_cmpint (cwb_area_get_scope (area), ==, CWB_AREA_SCOPE_CONSORTIUM);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwbCheckReport) report = page_dup_report (fixture);
  g_autofree char *verdict = page_dup_verdict_text (fixture);
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");

  g_assert_null (report);
  g_assert_null (verdict);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "empty");

  /* and back to empty when the selection goes away */
  g_clear_object (&report);
  report = show_consortium (fixture, consortium);
  g_assert_nonnull (report);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "report");

  g_clear_object (&report);
  report = show_consortium (fixture, NULL);
  g_assert_null (report);
  g_clear_pointer (&verdict, g_free);
  verdict = page_dup_verdict_text (fixture);
  g_assert_null (verdict);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "empty");
}

/* A plugin whose check fails: the page says the check is incomplete and
 * which plugin failed, above the results of the others */
static void
test_plugin_failed (Fixture       *fixture,
                    gconstpointer  data)
{
  PeasEngine *peas = cwb_engine_get_peas (fixture->t.engine);
  g_autofree char *dir = g_build_filename (g_getenv ("CWB_TEST_PLUGINS_DIR"), "faulty", NULL);
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) report = NULL;
  g_autofree char *verdict = NULL;
  PeasPluginInfo *faulty;

  peas_engine_add_search_path (peas, dir, NULL);
  faulty = peas_engine_get_plugin_info (peas, "faulty");
  g_assert_nonnull (faulty);
  g_assert_true (peas_engine_load_plugin (peas, faulty));

  cwb_consortium_set_name (consortium, "深海 FAIL-CHECK");
  report = show_consortium (fixture, consortium);
  verdict = page_dup_verdict_text (fixture);

  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_ERROR);
  g_assert_cmpint (report_status (report, "faulty"), ==, CWB_STATUS_ERROR);
  g_assert_cmpint (report_status (report, "C4"), ==, CWB_STATUS_PASS);
  g_assert_cmpstr (verdict, ==, "The check is incomplete: the plugin “Faulty test checker” failed");
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "report");

  g_assert_true (peas_engine_unload_plugin (peas, faulty));
}

static void
test_deep_sea_passes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) report = show_consortium (fixture, consortium);
  g_autofree char *verdict = page_dup_verdict_text (fixture);

  g_assert_nonnull (report);
  g_assert_true (cwb_check_report_get_consortium (report) == consortium);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), >, 0);
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
  g_assert_cmpint (report_status (report, "C4"), ==, CWB_STATUS_PASS);
  g_assert_cmpstr (verdict, ==, PASS_TEXT);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "report");
}

static void
test_new_energy_vehicle_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbCheckReport) report = show_consortium (fixture, consortium);
  g_autofree char *verdict = page_dup_verdict_text (fixture);
  CwbCheckResult *c4;

  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_FAIL);
  c4 = cwb_check_report_lookup (report, "C4");
  g_assert_nonnull (c4);
  g_assert_cmpstr (cwb_status_to_nick (cwb_check_result_get_status (c4)), ==, "fail");
  g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (c4), 0.4, 1e-9);
  g_assert_cmpstr (verdict, ==, FAIL_TEXT);
}

static void
test_seed_industry_warns (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("seed-industry-small.consortium.json");
  g_autoptr(CwbCheckReport) report = show_consortium (fixture, consortium);
  g_autofree char *verdict = page_dup_verdict_text (fixture);

  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_WARN);
  g_assert_cmpint (report_status (report, "C3"), ==, CWB_STATUS_WARN);
  g_assert_cmpint (report_status (report, "L2"), ==, CWB_STATUS_RELAXED);
  g_assert_cmpstr (verdict, ==, "Largely meets the conditions; some items need explaining");
}

/* Members of @consortium that are neither registered nor stationed in Hainan
 * become registered there, through the store, until half are in Hainan. */
static void
register_half_in_hainan (CwbStore      *store,
                         CwbConsortium *consortium)
{
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  guint in_hainan = 0;

  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);

      if (cwb_member_get_registered_in_hainan (member) || cwb_member_get_stationed_in_hainan (member))
        in_hainan++;
    }

  for (guint i = 0; i < members->len && in_hainan * 2 < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);
      g_autoptr(CwbMember) edited = NULL;
      g_autoptr(GError) error = NULL;

      if (cwb_member_get_registered_in_hainan (member) || cwb_member_get_stationed_in_hainan (member))
        continue;

      edited = cwb_member_copy (member);
      cwb_member_set_registered_in_hainan (edited, TRUE);
      g_assert_true (cwb_store_update_member (store, edited, &error));
      g_assert_no_error (error);
      in_hainan++;
    }

  g_assert_cmpuint (in_hainan * 2, >=, members->len);
}

static void
test_edit_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwbConsortium) file = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(CwbConsortium) reloaded = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;
  double scrolled_to;
  guint before;

  g_assert_true (cwb_store_import_consortium (fixture->t.store, file, FALSE, &error));
  g_assert_no_error (error);
  loaded = cwb_store_load_consortium (fixture->t.store, cwb_consortium_get_id (file), &error);
  g_assert_no_error (error);

  report = show_consortium (fixture, loaded);
  g_assert_cmpint (report_status (report, "C4"), ==, CWB_STATUS_FAIL);

  /* Scroll down the list of results; an edit must not move it. */
  vadjustment = page_vadjustment (fixture);
  CWB_TEST_WAIT_FOR (gtk_adjustment_get_page_size (vadjustment) > 0 &&
            gtk_adjustment_get_upper (vadjustment) >
            gtk_adjustment_get_page_size (vadjustment) + 100);
  gtk_adjustment_set_value (vadjustment, 100);
  scrolled_to = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (scrolled_to, ==, 100);

  register_half_in_hainan (fixture->t.store, loaded);
  reloaded = cwb_store_load_consortium (fixture->t.store, cwb_consortium_get_id (loaded), &error);
  g_assert_no_error (error);

  /* The host sets the consortium again after each edit: several sets in a
   * row are checked once, and until then the old report stays. */
  before = fixture->report_notifies;
  cwb_context_set_consortium (fixture->t.context, NULL);
  cwb_context_set_consortium (fixture->t.context, reloaded);
  g_assert_cmpuint (fixture->report_notifies, ==, before);
  CWB_TEST_WAIT_FOR (fixture->report_notifies >= before + 1);
  cwb_test_spin_for (50);
  g_assert_cmpuint (fixture->report_notifies, ==, before + 1);

  g_clear_object (&report);
  report = page_dup_report (fixture);
  g_assert_true (cwb_check_report_get_consortium (report) == reloaded);
  g_assert_cmpint (report_status (report, "C4"), ==, CWB_STATUS_PASS);
  g_assert_cmpfloat (gtk_adjustment_get_value (page_vadjustment (fixture)), ==, scrolled_to);
}

/* Imports an example into the fixture's store; returns its summary, as
 * the window selects it (the members are read in the check's worker) */
static CwbConsortium *
import_summary (Fixture    *fixture,
                const char *example)
{
  g_autoptr(CwbConsortium) file = cwb_test_load_example (example);
  g_autoptr(GError) error = NULL;
  CwbConsortium *summary;

  g_assert_true (cwb_store_import_consortium (fixture->t.store, file, FALSE, &error));
  g_assert_no_error (error);
  summary = cwb_store_load_consortium_summary (fixture->t.store, cwb_consortium_get_id (file), &error);
  g_assert_no_error (error);

  return summary;
}

/* A summary is checked in a worker: the page says it is checking, then
 * shows the report of the whole consortium read there */
static void
test_summary_checked_async (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CwbConsortium) summary = import_summary (fixture, "deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) report = NULL;
  guint before = fixture->report_notifies;

  cwb_context_set_consortium (fixture->t.context, summary);
  CWB_TEST_WAIT_FOR (g_strcmp0 (page_visible_child_name (fixture), "checking") == 0 ||
                     fixture->report_notifies > before);
  CWB_TEST_WAIT_FOR (fixture->report_notifies > before);

  report = page_dup_report (fixture);
  g_assert_nonnull (report);
  g_assert_cmpint (cwb_consortium_get_id (cwb_check_report_get_consortium (report)), ==,
                   cwb_consortium_get_id (summary));
  /* the worker's copy is whole */
  g_assert_cmpuint (cwb_consortium_get_n_members (cwb_check_report_get_consortium (report)), ==,
                    cwb_consortium_get_n_members (summary));
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "report");
}

/* A, then B before A's check is done: the page ends on B's report, and
 * A's result, stale, is never shown */
static void
test_stale_result_dropped (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CwbConsortium) a = import_summary (fixture, "deep-sea.consortium.json");
  g_autoptr(CwbConsortium) b = import_summary (fixture, "new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbCheckReport) report = NULL;
  guint before = fixture->report_notifies;

  /* A's check starts (the page's idle runs) … */
  cwb_context_set_consortium (fixture->t.context, a);
  CWB_TEST_WAIT_FOR (g_strcmp0 (page_visible_child_name (fixture), "checking") == 0);
  g_assert_cmpuint (fixture->report_notifies, ==, before);

  /* … and B is selected before its result can have arrived: it comes
   * through the main loop, which has not run since */
  cwb_context_set_consortium (fixture->t.context, b);
  CWB_TEST_WAIT_FOR (fixture->report_notifies > before);
  cwb_test_spin_for (200);
  g_assert_cmpuint (fixture->report_notifies, ==, before + 1);

  report = page_dup_report (fixture);
  g_assert_cmpint (cwb_consortium_get_id (cwb_check_report_get_consortium (report)), ==,
                   cwb_consortium_get_id (b));
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_FAIL);
  g_assert_cmpstr (page_visible_child_name (fixture), ==, "report");
}

/* The library's contract: a cancelled check finishes with
 * G_IO_ERROR_CANCELLED even if its worker got to the end; one not
 * cancelled gives what cwb_context_check() gives */
static void
test_check_async_cancelled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CwbConsortium) summary = import_summary (fixture, "new-energy-vehicle-fails.consortium.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(CwbCheckReport) sync = NULL;
  g_autoptr(GError) error = NULL;

  cwb_context_check_async (fixture->t.context, summary, cancellable, cwb_test_keep_result_cb, &cancelled);
  cwb_context_check_async (fixture->t.context, summary, NULL, cwb_test_keep_result_cb, &done);
  /* checks run in order: once the second is done, the first's worker is */
  CWB_TEST_WAIT_FOR (done != NULL);
  g_cancellable_cancel (cancellable);
  CWB_TEST_WAIT_FOR (cancelled != NULL);

  report = cwb_context_check_finish (fixture->t.context, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);

  report = cwb_context_check_finish (fixture->t.context, done, &error);
  g_assert_no_error (error);
  sync = cwb_context_check (fixture->t.context, summary);
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, cwb_check_report_get_verdict (sync));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (sync)));
  g_assert_cmpint (report_status (report, "C4"), ==, report_status (sync, "C4"));
}

static PeasPluginInfo *
find_composition_info (PeasEngine *peas)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (peas, "composition");

  g_assert_nonnull (info);
  return info;
}

/* Turning the plugin off and on again gives a working page again (the
 * plugin's types are dynamic and outlive the unload). */
static void
test_plugin_reload (Fixture       *fixture,
                    gconstpointer  data)
{
  PeasEngine *peas = cwb_engine_get_peas (fixture->t.engine);
  PeasPluginInfo *info = find_composition_info (peas);
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) report = NULL;
  g_autofree char *verdict = NULL;

  g_assert_true (peas_plugin_info_is_loaded (info));

  for (guint round = 0; round < 2; round++)
    {
      cwb_test_page_close (&fixture->t);
      g_assert_true (peas_engine_unload_plugin (peas, info));
      g_assert_false (peas_plugin_info_is_loaded (info));
      cwb_test_spin_for (50);

      g_assert_true (peas_engine_load_plugin (peas, info));
      g_assert_true (peas_plugin_info_is_loaded (info));
      create_page (fixture);

      g_clear_object (&report);
      report = show_consortium (fixture, consortium);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
      g_clear_pointer (&verdict, g_free);
      verdict = page_dup_verdict_text (fixture);
      g_assert_cmpstr (verdict, ==, PASS_TEXT);

      cwb_context_set_consortium (fixture->t.context, NULL);
      CWB_TEST_WAIT_FOR (fixture->report_notifies >= 2);
    }
}

/* End to end: the application's own window, store, engine and context. */

static char *
page_verdict_text (GtkWidget *page)
{
  char *text = NULL;

  g_object_get (page, "verdict-text", &text, NULL);
  return text;
}

static gboolean
page_verdict_is (GtkWidget  *page,
                 const char *expected)
{
  g_autofree char *text = page_verdict_text (page);

  return g_strcmp0 (text, expected) == 0;
}

static CwbStatus
page_status (GtkWidget  *page,
             const char *rule)
{
  g_autoptr(CwbCheckReport) report = NULL;

  g_object_get (page, "report", &report, NULL);
  g_assert_nonnull (report);
  return report_status (report, rule);
}

static gboolean
current_is (CwbContext *context,
            const char *name)
{
  CwbConsortium *consortium = cwb_context_get_consortium (context);

  return consortium != NULL && g_strcmp0 (cwb_consortium_get_name (consortium), name) == 0;
}

static void
window_end_to_end_body (CwbTestApp *t)
{
  CwbContext *context = cwb_application_get_context (t->app);
  CwbStore *store = cwb_context_get_store (context);
  g_autoptr(GFile) file = cwb_test_example_file ("deep-sea.consortium.json");
  g_autoptr(CwbMember) edited = NULL;
  g_autoptr(GError) error = NULL;
  CwbWindow *window = t->window;
  CwbConsortium *consortium;
  GtkWidget *page;

  cwb_window_import_file (window, file);
  CWB_TEST_WAIT_FOR (current_is (context, "海南省深海装备创新联合体"));

  /* the plugins load after the window is on screen */
  CWB_TEST_WAIT_FOR ((page = cwb_window_get_page (window, "composition")) != NULL);
  cwb_window_show_page (window, "composition");
  CWB_TEST_WAIT_FOR (page_verdict_is (page, PASS_TEXT));
  g_assert_cmpint (page_status (page, "C2"), ==, CWB_STATUS_PASS);

  /* An edit through the store: one member is no longer an independent
   * legal person. The window reloads the consortium; the page follows. */
  consortium = cwb_context_get_consortium (context);
  g_assert_cmpuint (cwb_consortium_get_n_members (consortium), >, 1);
  edited = cwb_member_copy (cwb_consortium_get_member (consortium,
                                                       cwb_consortium_get_n_members (consortium) - 1));
  g_assert_false (cwb_member_get_lead (edited));
  cwb_member_set_independent_legal_person (edited, FALSE);
  g_assert_true (cwb_store_update_member (store, edited, &error));
  g_assert_no_error (error);

  CWB_TEST_WAIT_FOR (page_verdict_is (page, FAIL_TEXT));
  g_assert_cmpint (page_status (page, "C2"), ==, CWB_STATUS_FAIL);
  g_assert_true (cwb_context_get_consortium (context) != consortium);
}

static void
test_window_end_to_end (void)
{
  CwbTestApp t = { NULL };

  cwb_test_app_set_up (&t);
  cwb_test_app_run (&t, (CwbTestAppBody) window_end_to_end_body, &t);
  cwb_test_app_tear_down (&t);
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/composition-page/area", test_area);
  ADD ("/composition-page/empty", test_empty);
  ADD ("/composition-page/deep-sea-passes", test_deep_sea_passes);
  ADD ("/composition-page/new-energy-vehicle-fails", test_new_energy_vehicle_fails);
  ADD ("/composition-page/seed-industry-warns", test_seed_industry_warns);
  ADD ("/composition-page/edit-updates", test_edit_updates);
  ADD ("/composition-page/plugin-reload", test_plugin_reload);
  ADD ("/composition-page/plugin-failed", test_plugin_failed);
  ADD ("/composition-page/summary-checked-async", test_summary_checked_async);
  ADD ("/composition-page/stale-result-dropped", test_stale_result_dropped);
  ADD ("/composition-page/check-async-cancelled", test_check_async_cancelled);

#undef ADD
  g_test_add_func ("/composition-page/window/end-to-end", test_window_end_to_end);

  return g_test_run ();
}
