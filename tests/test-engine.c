/* test-engine.c — the plugin engine, with the real plugins of the build tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include <cwb.h>

#include "cwb-test-utils.h"

typedef struct
{
  char          *plugin_path;  /* the build's plugins/ (CWB_PLUGIN_PATH as meson sets it) */
  CwbRuleSet    *rules;
  CwbConsortium *consortium;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->plugin_path = g_strdup (g_getenv ("CWB_PLUGIN_PATH"));
  g_assert_nonnull (fixture->plugin_path);

  fixture->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  fixture->consortium = cwb_test_load_example ("deep-sea.consortium.json");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_setenv ("CWB_PLUGIN_PATH", fixture->plugin_path, TRUE);
  g_clear_pointer (&fixture->plugin_path, g_free);
  g_clear_object (&fixture->consortium);
  g_clear_object (&fixture->rules);
}

static PeasPluginInfo *
find_plugin (CwbEngine  *engine,
             const char *module)
{
  return peas_engine_get_plugin_info (cwb_engine_get_peas (engine), module);
}

/* the engine, its PeasEngine and everything they hold are really freed */
static void
assert_engine_freed (CwbEngine *engine)
{
  PeasEngine *peas = cwb_engine_get_peas (engine);

  g_object_add_weak_pointer (G_OBJECT (peas), (gpointer *) &peas);
  g_assert_finalize_object (engine);
  g_assert_null (peas);
}

static guint
count_results (CwbEngine     *engine,
               CwbRuleSet    *rules,
               CwbConsortium *consortium)
{
  g_autoptr(CwbContext) context = cwb_context_new (rules, NULL, NULL, engine);
  g_autoptr(CwbCheckReport) report = cwb_context_check (context, consortium);

  return g_list_model_get_n_items (G_LIST_MODEL (report));
}

static gboolean
has_result (CwbEngine     *engine,
            CwbRuleSet    *rules,
            CwbConsortium *consortium,
            const char    *rule)
{
  g_autoptr(CwbContext) context = cwb_context_new (rules, NULL, NULL, engine);
  g_autoptr(CwbCheckReport) report = cwb_context_check (context, consortium);

  return cwb_check_report_lookup (report, rule) != NULL;
}

static void
test_load_build_tree (Fixture       *fixture,
                      gconstpointer  data)
{
  CwbEngine *engine = cwb_engine_new ();
  PeasPluginInfo *info;
  g_autoptr(CwbContext) context = NULL;
  g_autoptr(CwbCheckReport) report = NULL;

  info = find_plugin (engine, "composition");
  g_assert_nonnull (info);
  g_assert_false (peas_plugin_info_is_loaded (info));
  /* found in the build tree, the first directory of CWB_PLUGIN_PATH */
  g_assert_true (g_str_has_prefix (peas_plugin_info_get_module_dir (info), fixture->plugin_path));

  cwb_engine_load_plugins (engine, NULL);
  g_assert_true (peas_plugin_info_is_loaded (info));
  g_assert_null (cwb_engine_get_plugin_error (engine, info));

  context = cwb_context_new (fixture->rules, NULL, NULL, engine);
  g_assert_true (cwb_context_get_engine (context) == engine);
  report = cwb_context_check (context, fixture->consortium);
  g_assert_nonnull (cwb_check_report_lookup (report, "C4"));
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);

  g_clear_object (&report);
  g_clear_object (&context);
  assert_engine_freed (engine);
}

static void
test_broken_plugin (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, fixture->plugin_path,
                                     g_getenv ("CWB_TEST_PLUGINS_DIR"), NULL);
  CwbEngine *engine;
  PeasPluginInfo *broken;
  PeasPluginInfo *composition;
  const GError *error;

  g_setenv ("CWB_PLUGIN_PATH", path, TRUE);
  engine = cwb_engine_new ();

  broken = find_plugin (engine, "broken");
  composition = find_plugin (engine, "composition");
  g_assert_nonnull (broken);
  g_assert_nonnull (composition);

  /* libpeas warns twice about a module without peas_register_types() */
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "*peas_register_types*broken*");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "*Error loading plugin*broken*");
  cwb_engine_load_plugins (engine, NULL);
  g_test_assert_expected_messages ();

  g_assert_false (peas_plugin_info_is_loaded (broken));
  error = cwb_engine_get_plugin_error (engine, broken);
  g_assert_nonnull (error);
  g_assert_error ((GError *) error, CWB_ERROR, CWB_ERROR_PLUGIN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "broken"));

  /* the others still load and check */
  g_assert_true (peas_plugin_info_is_loaded (composition));
  g_assert_null (cwb_engine_get_plugin_error (engine, composition));
  g_assert_cmpuint (count_results (engine, fixture->rules, fixture->consortium), >, 0);

  /* loading again does not try it again, nor lose the error */
  cwb_engine_load_plugins (engine, NULL);
  g_assert_nonnull (cwb_engine_get_plugin_error (engine, broken));

  assert_engine_freed (engine);
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  const char * const disabled[] = { "composition", "agreement", "experts", NULL };
  CwbEngine *engine = cwb_engine_new ();
  PeasPluginInfo *info = find_plugin (engine, "composition");
  guint with_others;

  /* with every plugin that checks disabled, nothing is checked */
  cwb_engine_load_plugins (engine, disabled);
  g_assert_false (peas_plugin_info_is_loaded (info));
  g_assert_null (cwb_engine_get_plugin_error (engine, info));
  g_assert_cmpuint (count_results (engine, fixture->rules, fixture->consortium), ==, 0);

  /* the checks follow plugins loaded and unloaded later */
  cwb_engine_load_plugins (engine, NULL);
  g_assert_true (peas_plugin_info_is_loaded (info));
  with_others = count_results (engine, fixture->rules, fixture->consortium);
  g_assert_cmpuint (with_others, >, 0);

  g_assert_true (peas_engine_unload_plugin (cwb_engine_get_peas (engine), info));
  g_assert_cmpuint (count_results (engine, fixture->rules, fixture->consortium), <, with_others);
  g_assert_false (has_result (engine, fixture->rules, fixture->consortium, "C4"));

  assert_engine_freed (engine);
}

static void
write_plugin_info (const char *dir,
                   const char *name)
{
  g_autofree char *plugin_dir = g_build_filename (dir, "composition", NULL);
  g_autofree char *path = g_build_filename (plugin_dir, "composition.plugin", NULL);
  g_autofree char *contents = g_strdup_printf ("[Plugin]\nModule=composition\nName=%s\n", name);

  g_assert_cmpint (g_mkdir_with_parents (plugin_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_search_order (Fixture       *fixture,
                   gconstpointer  data)
{
  /* a plugin of the same module in the user's data dir (a temp dir here) */
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "consortium-workbench",
                                                "plugins", NULL);
  CwbEngine *engine;
  PeasPluginInfo *info;

  write_plugin_info (user_dir, "User copy");

  /* CWB_PLUGIN_PATH comes first */
  engine = cwb_engine_new ();
  info = find_plugin (engine, "composition");
  g_assert_true (g_str_has_prefix (peas_plugin_info_get_module_dir (info), fixture->plugin_path));
  g_assert_cmpstr (peas_plugin_info_get_name (info), !=, "User copy");
  assert_engine_freed (engine);

  /* then the user's data dir */
  g_unsetenv ("CWB_PLUGIN_PATH");
  engine = cwb_engine_new ();
  info = find_plugin (engine, "composition");
  g_assert_nonnull (info);
  g_assert_cmpstr (peas_plugin_info_get_name (info), ==, "User copy");
  g_assert_true (g_str_has_prefix (peas_plugin_info_get_module_dir (info), user_dir));
  assert_engine_freed (engine);
}

static void
test_context_without_engine (Fixture       *fixture,
                             gconstpointer  data)
{
  CwbContext *context = cwb_context_new (fixture->rules, NULL, NULL, NULL);
  g_autoptr(CwbCheckReport) report = cwb_context_check (context, fixture->consortium);

  g_assert_null (cwb_context_get_engine (context));
  g_assert_null (cwb_context_get_store (context));
  g_assert_null (cwb_context_get_secrets (context));
  g_assert_true (cwb_context_get_rules (context) == fixture->rules);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 0);
  g_assert_true (cwb_check_report_get_consortium (report) == fixture->consortium);
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);

  g_clear_object (&report);
  g_assert_finalize_object (context);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_context_properties (Fixture       *fixture,
                         gconstpointer  data)
{
  CwbContext *context = cwb_context_new (fixture->rules, NULL, NULL, NULL);
  g_autoptr(GDateTime) fixed = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) now = NULL;
  guint consortium_notified = 0;
  guint role_notified = 0;

  /* the real clock */
  now = cwb_context_dup_now (context);
  g_assert_cmpint (g_date_time_compare (now, before), >=, 0);
  g_clear_pointer (&now, g_date_time_unref);

  /* a fixed clock, and back */
  cwb_context_set_now (context, fixed);
  now = cwb_context_dup_now (context);
  g_assert_true (g_date_time_equal (now, fixed));
  g_clear_pointer (&now, g_date_time_unref);
  cwb_context_set_now (context, NULL);
  now = cwb_context_dup_now (context);
  g_assert_cmpint (g_date_time_get_year (now), >=, g_date_time_get_year (before));
  g_assert_false (g_date_time_equal (now, fixed));

  g_signal_connect (context, "notify::consortium", G_CALLBACK (notify_count_cb), &consortium_notified);
  g_signal_connect (context, "notify::role", G_CALLBACK (notify_count_cb), &role_notified);

  g_assert_null (cwb_context_get_consortium (context));
  cwb_context_set_consortium (context, fixture->consortium);
  cwb_context_set_consortium (context, fixture->consortium);
  g_assert_true (cwb_context_get_consortium (context) == fixture->consortium);
  g_assert_cmpuint (consortium_notified, ==, 1);
  cwb_context_set_consortium (context, NULL);
  g_assert_cmpuint (consortium_notified, ==, 2);

  g_assert_cmpint (cwb_context_get_role (context), ==, CWB_ROLE_LEAD);
  cwb_context_set_role (context, CWB_ROLE_AUTHORITY);
  cwb_context_set_role (context, CWB_ROLE_AUTHORITY);
  g_assert_cmpint (cwb_context_get_role (context), ==, CWB_ROLE_AUTHORITY);
  g_assert_cmpuint (role_notified, ==, 1);

  g_assert_finalize_object (context);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/engine/load/build-tree", Fixture, NULL,
              fixture_set_up, test_load_build_tree, fixture_tear_down);
  g_test_add ("/engine/load/broken-plugin", Fixture, NULL,
              fixture_set_up, test_broken_plugin, fixture_tear_down);
  g_test_add ("/engine/load/disabled", Fixture, NULL,
              fixture_set_up, test_disabled, fixture_tear_down);
  g_test_add ("/engine/search-order", Fixture, NULL,
              fixture_set_up, test_search_order, fixture_tear_down);
  g_test_add ("/engine/context/without-engine", Fixture, NULL,
              fixture_set_up, test_context_without_engine, fixture_tear_down);
  g_test_add ("/engine/context/properties", Fixture, NULL,
              fixture_set_up, test_context_properties, fixture_tear_down);

  return g_test_run ();
}
