/* test-cli-plugins.c — the command line with plugins: their failures, the crash guard, their verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-test-cli"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <cwb.h>

#include "cwb-test-utils.h"
#include "test-cli-fixture.h"

static GStrv
faulty_env (Fixture    *f,
            const char *extra,
            ...)
{
  g_autoptr(GStrvBuilder) env = g_strv_builder_new ();
  g_autoptr(GString) path = g_string_new (g_getenv ("CWB_PLUGIN_PATH"));
  g_autofree char *config = g_build_filename (f->tmpdir, "config", NULL);
  g_autofree char *state = g_build_filename (f->tmpdir, "state", NULL);
  g_autofree char *path_env = NULL;
  g_autofree char *config_env = NULL;
  g_autofree char *state_env = NULL;
  const char *module;
  va_list ap;

  va_start (ap, extra);
  while ((module = va_arg (ap, const char *)) != NULL)
    {
      g_autofree char *dir = g_build_filename (g_getenv ("CWB_TEST_PLUGINS_DIR"), module, NULL);

      g_string_append_printf (path, "%s%s", G_SEARCHPATH_SEPARATOR_S, dir);
    }
  va_end (ap);

  path_env = g_strconcat ("CWB_PLUGIN_PATH=", path->str, NULL);
  config_env = g_strconcat ("XDG_CONFIG_HOME=", config, NULL);
  state_env = g_strconcat ("XDG_STATE_HOME=", state, NULL);
  g_strv_builder_add_many (env, path_env, "GSETTINGS_BACKEND=keyfile", config_env, state_env, NULL);
  if (extra != NULL)
    g_strv_builder_add (env, extra);

  return g_strv_builder_end (env);
}

static gboolean
pyraise_built (void)
{
  g_autofree char *plugin = g_build_filename (g_getenv ("CWB_TEST_PLUGINS_DIR"), "pyraise",
                                              "pyraise.plugin", NULL);

  return file_exists (plugin);
}

/* A provider that fails, in C (an error through the interface) or in
 * Python (an exception), never lets a file pass: an error result names the
 * plugin and the error, the verdict is error, the exit status 70, and the
 * other providers' results are all there. */
static void
test_check_plugin_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *deep_sea = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *failing = NULL;
  g_autofree char *raising = NULL;
  g_autofree char *fails_rules = NULL;
  g_autofree char *broken = cwb_test_example_path ("broken-uscc.consortium.json");
  g_autofree char *nev = cwb_test_example_path ("new-energy-vehicle-fails.consortium.json");
  g_auto(GStrv) env = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  JsonObject *error_result;
  Run run = { 0 };

  if (!pyraise_built ())
    {
      g_test_skip ("the Python test plugins are built only with introspection");
      return;
    }

  env = faulty_env (f, NULL, "faulty", "pyraise", NULL);
  failing = write_renamed_copy (f, deep_sea, "深海 FAIL-CHECK", "failing.json");
  raising = write_renamed_copy (f, deep_sea, "深海 RAISE", "raising.json");
  fails_rules = write_renamed_copy (f, nev, "新能源 FAIL-CHECK", "fails-rules.json");

  /* the same file without the failure passes */
  run_cli_env (f, (const char * const *) env, &run, "check", deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli_env (f, (const char * const *) env, &run, "check", "--json", failing, raising, NULL);
  g_assert_cmpint (run.status, ==, 70);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      JsonNode *report = g_ptr_array_index (reports, i);
      const char *plugin = i == 0 ? "faulty" : "pyraise";
      /* the message names the plugin as the plugin manager does */
      const char *name = i == 0 ? "“Faulty test checker”" : "“Python test checker that raises”";
      const char *expected = i == 0 ? "faulty cannot read 深海 FAIL-CHECK"
                                    : "ValueError: pyraise cannot read 深海 RAISE";

      g_assert_cmpstr (report_verdict (report), ==, "error");
      error_result = find_result (report, plugin);
      g_assert_nonnull (error_result);
      g_assert_cmpstr (json_object_get_string_member (error_result, "status"), ==, "error");
      g_assert_cmpstr (json_object_get_string_member (error_result, "plugin"), ==, plugin);
      g_assert_nonnull (strstr (json_object_get_string_member (error_result, "message"), name));
      g_assert_nonnull (strstr (json_object_get_string_member (error_result, "message"), expected));
      /* the others' results are still given */
      g_assert_cmpstr (result_status (report, "C4"), ==, "pass");
      g_assert_cmpstr (result_status (report, "A1"), !=, NULL);
    }
  /* the Python traceback is on stderr, the error in the result */
  g_assert_nonnull (strstr (run.err, "ValueError"));

  /* 70 outranks a fail, and a fail that hides behind it is still there */
  run_cli_env (f, (const char * const *) env, &run, "check", "--json", nev, fails_rules, NULL);
  g_assert_cmpint (run.status, ==, 70);
  g_clear_pointer (&reports, g_ptr_array_unref);
  reports = parse_json_lines (run.out);
  g_assert_cmpstr (report_verdict (g_ptr_array_index (reports, 0)), ==, "fail");
  g_assert_cmpstr (report_verdict (g_ptr_array_index (reports, 1)), ==, "error");
  g_assert_cmpstr (result_status (g_ptr_array_index (reports, 1), "C4"), ==, "fail");

  /* 65 outranks 70 */
  run_cli_env (f, (const char * const *) env, &run, "check", failing, broken, NULL);
  g_assert_cmpint (run.status, ==, 65);

  /* the readable report, in Chinese */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) zh = NULL;

    g_strv_builder_addv (builder, (const char **) env);
    g_strv_builder_add_many (builder, "LC_ALL=zh_CN.UTF-8", "LANGUAGE=zh_CN", NULL);
    zh = g_strv_builder_end (builder);
    run_cli_env (f, (const char * const *) zh, &run, "check", failing, NULL);
    g_assert_cmpint (run.status, ==, 70);
    g_assert_nonnull (strstr (run.out, "检查未完成"));
    g_assert_nonnull (strstr (run.out, "Faulty test checker"));
  }
  run_clear (&run);
}

/* A plugin that crashes the process: what was printed before stays (each
 * file's report is flushed before the next file is read), the next run
 * says which plugin it was and runs without it, and it stays off (in the
 * disabled plugins) until the user turns it on again. */
static void
test_plugin_crash_guard (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *deep_sea = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *seed = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *crashing = write_renamed_copy (f, deep_sea, "深海 CRASH-CHECK", "crashing.json");
  g_autofree char *guard_dir = g_build_filename (f->tmpdir, "state", "consortium-workbench",
                                                "plugin-guard", NULL);
  g_autofree char *keyfile = g_build_filename (f->tmpdir, "config", "glib-2.0", "settings",
                                               "keyfile", NULL);
  g_autofree char *settings = NULL;
  g_auto(GStrv) env = faulty_env (f, NULL, "faulty", NULL);
  g_auto(GStrv) env_load = faulty_env (f, "CWB_TEST_CRASH_ON_LOAD=faulty", "faulty", NULL);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GDir) dir = NULL;
  Run run = { 0 };

  /* the first two files are reported, then the third kills the process */
  run_cli_env (f, (const char * const *) env, &run, "check", "--json", deep_sea, seed, crashing,
               deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 128 + SIGSEGV);
  g_assert_nonnull (strstr (run.out, "faulty: checked 海南省深海装备创新联合体"));
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_true (g_file_test (guard_dir, G_FILE_TEST_IS_DIR));

  /* the next run: told, and checked without the plugin */
  run_cli_env (f, (const char * const *) env, &run, "check", "--json", crashing, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "The plugin “Faulty test checker” stopped the application "
                                     "while it was checking a consortium"));
  g_assert_null (strstr (run.out, "faulty:"));
  g_file_get_contents (keyfile, &settings, NULL, NULL);
  g_assert_nonnull (settings);
  g_assert_nonnull (strstr (settings, "disabled-plugins=['faulty']"));

  /* it stays off, and nothing more is said; the markers are gone */
  run_cli_env (f, (const char * const *) env, &run, "check", crashing, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  dir = g_dir_open (guard_dir, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));

  /* a plugin that ends the process the ordinary way (GOption's --help
   * calls exit()) has not crashed */
  run_cli_env (f, (const char * const *) env, &run, "agreement", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli_env (f, (const char * const *) env, &run, "check", deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* turned on again (Preferences → Plugins writes the same key), it crashes
   * while it is loaded: that is said too */
  g_assert_true (g_file_set_contents (keyfile, "[io/github/cwb/ConsortiumWorkbench]\n"
                                      "disabled-plugins=@as []\n", -1, NULL));
  run_cli_env (f, (const char * const *) env_load, &run, "check", deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 128 + SIGSEGV);
  run_cli_env (f, (const char * const *) env_load, &run, "check", deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "while it was being loaded"));
  run_clear (&run);
}

static gboolean
in_tmpdir_exists (Fixture    *f,
                  const char *name)
{
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);

  return file_exists (path);
}

/* the Python test command of tests/plugins/pycommand, with the real plugins;
 * NULL (and the test skipped) when it was not built (no introspection) */
static char *
pycommand_plugin_path (void)
{
  const char *test_plugins = g_getenv ("CWB_TEST_PLUGINS_DIR");
  g_autofree char *dir = NULL;
  g_autofree char *plugin = NULL;

  g_assert_nonnull (test_plugins);
  dir = g_build_filename (test_plugins, "pycommand", NULL);
  plugin = g_build_filename (dir, "pycommand.plugin", NULL);
  if (!file_exists (plugin))
    {
      g_test_skip ("the Python test command is built only with introspection");
      return NULL;
    }

  return g_strdup_printf ("CWB_PLUGIN_PATH=%s%s%s", dir, G_SEARCHPATH_SEPARATOR_S,
                          g_getenv ("CWB_PLUGIN_PATH"));
}

static void
test_plugin_unknown (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  Run run = { 0 };

  /* not a built-in verb, not a plugin's: still a usage error, with the
   * plugins loaded, and nothing written */
  run_cli (f, &run, "frobnicate", "--help", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "--db", "x.db", "frobnicate", path, NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "frobnicate"));

  run_cli (f, &run, "--db=x.db", "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 64);

  g_assert_false (file_exists (f->data_dir));
  g_assert_false (in_tmpdir_exists (f, "x.db"));
  run_clear (&run);
}

static void
test_plugin_help (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *env_path = pycommand_plugin_path ();
  const char *heading;
  const char *exit_status;
  Run run = { 0 };

  run_cli (f, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  /* the agreement plugin's verb, under its own heading, with its summary */
  heading = strstr (run.out, "Commands of plugins:\n");
  g_assert_nonnull (heading);
  g_assert_nonnull (strstr (heading, "\n  agreement FILE -o "));
  g_assert_nonnull (strstr (heading, "formation agreement"));
  exit_status = strstr (run.out, "Exit status:");
  g_assert_nonnull (exit_status);
  g_assert_true (heading < exit_status);
  /* a built-in verb is not listed again among the plugins' */
  g_assert_null (strstr (heading, "\n  check"));

  if (env_path == NULL)
    {
      run_clear (&run);
      return;
    }

  {
    const char *env[] = { env_path, NULL };

    run_cli_env (f, env, &run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    heading = strstr (run.out, "Commands of plugins:\n");
    g_assert_nonnull (heading);
    /* sorted by name: agreement, then py-store */
    g_assert_nonnull (strstr (heading, "\n  agreement FILE"));
    g_assert_nonnull (strstr (heading, "\n  py-store [--db PATH] [ARG…]\n"
                                       "      print the database and the arguments"));
    g_assert_true (strstr (heading, "\n  agreement") < strstr (heading, "\n  py-store"));
  }

  g_assert_false (file_exists (f->data_dir));
  run_clear (&run);
}

/* a command that needs the store gets --db PATH or the default database,
 * its own arguments without --db, and its exit status is the process's */
static void
test_plugin_store (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *env_path = pycommand_plugin_path ();
  g_autofree char *db = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *expected = NULL;
  Run run = { 0 };

  if (env_path == NULL)
    return;

  {
    const char *env[] = { env_path, NULL };

    db = g_build_filename (f->tmpdir, "given.db", NULL);
    run_cli_env (f, env, &run, "py-store", "a", "--db", db, "b c", "--", "--db", "x", NULL);
    g_assert_cmpint (run.status, ==, 3);
    expected = g_strdup_printf ("prgname: consortium-workbench py-store\n"
                                "argv0: consortium-workbench py-store\n"
                                "store: %s\n"
                                "args: a|b c|--|--db|x\n"
                                "rules: hainan-2022\n", db);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_true (file_exists (db));
    g_assert_false (file_exists (f->data_dir));
    g_clear_pointer (&expected, g_free);

    /* --db before the verb, as for the built-in verbs */
    run_cli_env (f, env, &run, "--db", db, "py-store", NULL);
    g_assert_cmpint (run.status, ==, 3);
    expected = g_strdup_printf ("store: %s\nargs: \n", db);
    g_assert_nonnull (strstr (run.out, expected));
    g_clear_pointer (&expected, g_free);

    /* without --db: the default database, created */
    default_path = default_db (f);
    run_cli_env (f, env, &run, "py-store", "z", NULL);
    g_assert_cmpint (run.status, ==, 3);
    expected = g_strdup_printf ("store: %s\nargs: z\n", default_path);
    g_assert_nonnull (strstr (run.out, expected));
    g_assert_true (file_exists (default_path));

    /* --db without a PATH: a usage error, run() is not called */
    run_cli_env (f, env, &run, "py-store", "--db", NULL);
    g_assert_cmpint (run.status, ==, 64);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "--db"));
    run_cli_env (f, env, &run, "py-store", "--db=", NULL);
    g_assert_cmpint (run.status, ==, 64);
    g_assert_cmpstr (run.out, ==, "");
  }

  run_clear (&run);
}

/* a command that uses no store refuses --db, and opens nothing */
static void
test_plugin_no_store (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  Run run = { 0 };

  run_cli (f, &run, "agreement", path, "-o", "out.pdf", "--db", "x.db", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "--db"));
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "--db=x.db", "agreement", path, "-o", "out.pdf", NULL);
  g_assert_cmpint (run.status, ==, 64);

  g_assert_false (file_exists (f->data_dir));
  g_assert_false (in_tmpdir_exists (f, "x.db"));
  g_assert_false (in_tmpdir_exists (f, "out.pdf"));
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  CLI_TEST_ADD ("/cli/check/plugin-error", test_check_plugin_error);
  CLI_TEST_ADD ("/cli/check/plugin-crash-guard", test_plugin_crash_guard);
  CLI_TEST_ADD ("/cli/plugin/unknown", test_plugin_unknown);
  CLI_TEST_ADD ("/cli/plugin/help", test_plugin_help);
  CLI_TEST_ADD ("/cli/plugin/store", test_plugin_store);
  CLI_TEST_ADD ("/cli/plugin/no-store", test_plugin_no_store);

  return g_test_run ();
}
