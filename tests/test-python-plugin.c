/* test-python-plugin.c — a check provider written in Python, loaded by the
 * real engine through the python3 loader and the Cwb-1.0 typelib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cwb.h>

#include "cwb-test-utils.h"

/* tests/plugins/pycheck: adds an info result for rule S1, which no C plugin
 * checks, built from what it reads of the consortium through the API */
#define PY_MODULE "pycheck"
#define PY_RULE   "S1"

typedef struct
{
  CwbEngine  *engine;
  CwbRuleSet *rules;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char * const disabled[] = { "broken", "faulty", "pyraise", NULL };

  g_assert_nonnull (g_getenv ("CWB_PLUGIN_PATH"));
  g_assert_nonnull (g_getenv ("CWB_TEST_PLUGINS_DIR"));
  g_assert_nonnull (g_getenv ("GI_TYPELIB_PATH"));

  /* the real plugins, then the test ones */
  path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, g_getenv ("CWB_PLUGIN_PATH"),
                    g_getenv ("CWB_TEST_PLUGINS_DIR"), NULL);
  g_setenv ("CWB_PLUGIN_PATH", path, TRUE);

  fixture->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  fixture->engine = cwb_engine_new ();

  /* the broken C test plugin lives beside pycheck; test-engine covers it
   * (libpeas warns about it, and only the first time in a process) */
  cwb_engine_load_plugins (fixture->engine, disabled);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  PeasEngine *peas = cwb_engine_get_peas (fixture->engine);

  /* the engine and the Python extensions it made are really freed */
  g_object_add_weak_pointer (G_OBJECT (peas), (gpointer *) &peas);
  g_assert_finalize_object (fixture->engine);
  g_assert_null (peas);
  g_clear_object (&fixture->rules);
}

static PeasPluginInfo *
find_plugin (Fixture    *fixture,
             const char *module)
{
  PeasPluginInfo *info = peas_engine_get_plugin_info (cwb_engine_get_peas (fixture->engine), module);

  g_assert_nonnull (info);
  return info;
}

static CwbCheckReport *
check (Fixture       *fixture,
       CwbConsortium *consortium)
{
  g_autoptr(CwbContext) context = cwb_context_new (fixture->rules, NULL, NULL, fixture->engine);

  return cwb_engine_check (fixture->engine, context, consortium);
}

/* what pycheck.py writes, computed here through the C API */
static char *
expected_message (CwbRuleSet    *rules,
                  CwbConsortium *consortium)
{
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  CwbMember *lead = cwb_consortium_get_lead (consortium);

  return g_strdup_printf ("pycheck: %s has %u members, led by %s (rule set %s)",
                          cwb_consortium_get_name (consortium),
                          members->len,
                          lead != NULL ? cwb_member_get_name (lead) : "nobody",
                          cwb_rule_set_get_id (rules));
}

static void
assert_python_result (Fixture        *fixture,
                      CwbCheckReport *report,
                      CwbConsortium  *consortium)
{
  CwbCheckResult *result = cwb_check_report_lookup (report, PY_RULE);
  g_autofree char *message = expected_message (fixture->rules, consortium);

  g_assert_nonnull (result);
  g_test_message ("%s", cwb_check_result_get_message (result));
  g_assert_cmpstr (cwb_check_result_get_rule (result), ==, PY_RULE);
  /* new_for_rule() in Python took clause and strength from the rule set */
  g_assert_cmpstr (cwb_check_result_get_clause (result), ==,
                   cwb_rule_set_get_clause (fixture->rules, PY_RULE));
  g_assert_cmpint (cwb_check_result_get_strength (result), ==,
                   cwb_rule_set_get_strength (fixture->rules, PY_RULE));
  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_INFO);
  g_assert_true (cwb_check_result_get_has_value (result));
  g_assert_cmpfloat (cwb_check_result_get_value (result), ==,
                     cwb_consortium_get_members (consortium)->len);
  g_assert_cmpint (cwb_check_result_get_unit (result), ==, CWB_UNIT_COUNT);
  g_assert_cmpstr (cwb_check_result_get_message (result), ==, message);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  PeasPluginInfo *info = find_plugin (fixture, PY_MODULE);
  const GError *error = cwb_engine_get_plugin_error (fixture->engine, info);

  if (error != NULL)
    g_test_message ("%s", error->message);
  g_assert_null (error);
  g_assert_true (peas_plugin_info_is_loaded (info));
  g_assert_cmpstr (peas_plugin_info_get_name (info), ==, "Python test checker");
  g_assert_true (peas_engine_provides_extension (cwb_engine_get_peas (fixture->engine),
                                                 info, CWB_TYPE_CHECK_PROVIDER));

  /* the C plugins load beside it */
  g_assert_true (peas_plugin_info_is_loaded (find_plugin (fixture, "composition")));
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) report = check (fixture, consortium);
  g_autoptr(CwbCheckReport) again = NULL;

  assert_python_result (fixture, report, consortium);
  g_assert_true (strstr (cwb_check_result_get_message (cwb_check_report_lookup (report, PY_RULE)),
                         "深海") != NULL);

  /* composition's results are all still there, and an info result does not
   * change the verdict */
  g_assert_nonnull (cwb_check_report_lookup (report, "C3"));
  g_assert_nonnull (cwb_check_report_lookup (report, "C4"));
  g_assert_nonnull (cwb_check_report_lookup (report, "L1"));
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);

  /* the result follows the consortium: one member fewer, one in the message */
  cwb_consortium_remove_member (consortium, cwb_consortium_get_n_members (consortium) - 1);
  again = check (fixture, consortium);
  assert_python_result (fixture, again, consortium);
  g_assert_cmpfloat (cwb_check_result_get_value (cwb_check_report_lookup (again, PY_RULE)), ==,
                     cwb_check_result_get_value (cwb_check_report_lookup (report, PY_RULE)) - 1);
}

/* cwb_context_check_async() runs the Python provider in a worker thread:
 * PyGObject takes the GIL there, and the result is the same */
static void
test_check_in_worker (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbContext) context = cwb_context_new (fixture->rules, NULL, NULL, fixture->engine);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(CwbCheckReport) sync = NULL;
  g_autoptr(GError) error = NULL;

  cwb_context_check_async (context, consortium, NULL, cwb_test_keep_result_cb, &result);
  CWB_TEST_WAIT_FOR (result != NULL);
  report = cwb_context_check_finish (context, result, &error);
  g_assert_no_error (error);

  assert_python_result (fixture, report, consortium);
  g_assert_true (cwb_check_report_get_consortium (report) == consortium);
  sync = check (fixture, consortium);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (sync)));
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, cwb_check_report_get_verdict (sync));
}

static void
test_other_consortium (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbCheckReport) report = check (fixture, consortium);

  assert_python_result (fixture, report, consortium);
  /* the Python info result does not hide composition's failures */
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_FAIL);
}

/* A Python provider that raises: through the Cwb overrides its exception is
 * the check's error, so its place in the report is an error result, the
 * verdict is error, and the other providers' results are all there; one
 * whose do_check returns nothing has checked. */
static void
test_raises (Fixture       *fixture,
             gconstpointer  data)
{
  PeasEngine *peas = cwb_engine_get_peas (fixture->engine);
  PeasPluginInfo *info = find_plugin (fixture, "pyraise");
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) passing = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  CwbCheckResult *error;

  g_assert_true (peas_engine_load_plugin (peas, info));

  passing = check (fixture, consortium);
  g_assert_cmpint (cwb_check_report_get_verdict (passing), ==, CWB_VERDICT_PASS);
  g_assert_null (cwb_check_report_lookup (passing, "pyraise"));

  cwb_consortium_set_name (consortium, "深海 RAISE");
  report = check (fixture, consortium);
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_ERROR);
  error = cwb_check_report_lookup (report, "pyraise");
  g_assert_nonnull (error);
  g_assert_cmpint (cwb_check_result_get_status (error), ==, CWB_STATUS_ERROR);
  g_assert_cmpstr (cwb_check_result_get_plugin (error), ==, "pyraise");
  g_test_message ("%s", cwb_check_result_get_message (error));
  g_assert_nonnull (strstr (cwb_check_result_get_message (error),
                            "ValueError: pyraise cannot read 深海 RAISE"));
  /* first in the report, and nothing else is missing */
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (report), 0) == (gpointer) error);
  g_object_unref (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (passing)));
  g_assert_nonnull (cwb_check_report_lookup (report, "C4"));

  g_assert_true (peas_engine_unload_plugin (peas, info));
}

static void
test_unload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbCheckReport) with = check (fixture, consortium);
  g_autoptr(CwbCheckReport) without = NULL;
  PeasPluginInfo *info = find_plugin (fixture, PY_MODULE);
  guint n_with = g_list_model_get_n_items (G_LIST_MODEL (with));

  g_assert_nonnull (cwb_check_report_lookup (with, PY_RULE));

  g_assert_true (peas_engine_unload_plugin (cwb_engine_get_peas (fixture->engine), info));
  g_assert_false (peas_plugin_info_is_loaded (info));
  without = check (fixture, consortium);
  g_assert_null (cwb_check_report_lookup (without, PY_RULE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (without)), ==, n_with - 1);
  g_assert_nonnull (cwb_check_report_lookup (without, "C4"));

  /* and back */
  g_assert_true (peas_engine_load_plugin (cwb_engine_get_peas (fixture->engine), info));
  g_clear_object (&without);
  without = check (fixture, consortium);
  assert_python_result (fixture, without, consortium);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/plugins/python/load", Fixture, NULL,
              fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/plugins/python/check", Fixture, NULL,
              fixture_set_up, test_check, fixture_tear_down);
  g_test_add ("/plugins/python/check-in-worker", Fixture, NULL,
              fixture_set_up, test_check_in_worker, fixture_tear_down);
  g_test_add ("/plugins/python/other-consortium", Fixture, NULL,
              fixture_set_up, test_other_consortium, fixture_tear_down);
  g_test_add ("/plugins/python/raises", Fixture, NULL,
              fixture_set_up, test_raises, fixture_tear_down);
  g_test_add ("/plugins/python/unload", Fixture, NULL,
              fixture_set_up, test_unload, fixture_tear_down);

  return g_test_run ();
}
