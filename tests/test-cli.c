/* test-cli.c — the command line (check, import, export, plugins' verbs), run as a process
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

/* Each case runs the built executable in its own temp dir, with its own
 * $CWB_DATA_DIR and a $DISPLAY that does not exist: a command that touched
 * GTK or the display would fail. */
typedef struct
{
  char *tmpdir;    /* owned: the command's working directory */
  char *data_dir;  /* owned: its $CWB_DATA_DIR */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static const char *statuses[] = {
  "pass", "fail", "warn", "unknown", "relaxed", "excepted", "declared",
  "missing_declaration", "info", NULL
};

static const char *strengths[] = { "hard", "soft", "preference", "declaration", NULL };

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = -1;
}

/* @env: NULL or "NAME=VALUE" to set, "NAME" to unset */
static void
run_cliv (Fixture            *f,
          const char * const *env,
          const char * const *args,
          Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  const char *binary = g_getenv ("CWB_BINARY");

  g_assert_nonnull (binary);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_cwd (launcher, f->tmpdir);
  g_subprocess_launcher_setenv (launcher, "CWB_DATA_DIR", f->data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", ":4242", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);
          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  command = g_strjoinv (" ", (char **) argv->pdata);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  run_clear (run);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (process))
    run->status = 128 + g_subprocess_get_term_sig (process);
  else
    run->status = g_subprocess_get_exit_status (process);

  g_test_message ("$ %s\n→ %d\n--- stdout\n%s--- stderr\n%s", command, run->status,
                  run->out, run->err);
}

static void G_GNUC_NULL_TERMINATED
run_cli_env (Fixture            *f,
             const char * const *env,
             Run                *run,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (f, env, (const char * const *) args->pdata, run);
}

#define run_cli(f, run, ...) run_cli_env ((f), NULL, (run), __VA_ARGS__)

static char *
bad_files_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "files", NULL);
}

static char *
example_name (const char *file_name)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (file_name);

  return g_strdup (cwb_consortium_get_name (consortium));
}

/* the "name" of a JSON file that may not be a valid consortium */
static char *
json_file_name (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member (object, "name"));
}

/* stdout of check --json: one object per line */
static GPtrArray *
parse_json_lines (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      if (lines[i][0] == '\0')
        {
          /* only the end of the output may be empty */
          g_assert_null (lines[i + 1]);
          continue;
        }
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_ptr_array_add (nodes, node);
    }

  return nodes;
}

static JsonObject *
find_result (JsonNode   *report,
             const char *rule)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (report), "results");

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_strcmp0 (json_object_get_string_member (result, "rule"), rule) == 0)
        return result;
    }

  return NULL;
}

static const char *
result_status (JsonNode   *report,
               const char *rule)
{
  JsonObject *result = find_result (report, rule);

  g_assert_nonnull (result);
  return json_object_get_string_member (result, "status");
}

static const char *
report_verdict (JsonNode *report)
{
  return json_object_get_string_member (json_node_get_object (report), "verdict");
}

static gboolean
strv_has (const char **strv,
          const char  *word)
{
  return word != NULL && g_strv_contains (strv, word);
}

/* Every key formats/consortium-v1.md documents, and a verdict that follows
 * from the statuses. */
static void
assert_report_well_formed (JsonNode   *report,
                           const char *file)
{
  JsonObject *object = json_node_get_object (report);
  JsonArray *results;
  gboolean any_fail = FALSE, any_warn = FALSE;
  const char *verdict;

  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, file);
  g_assert_nonnull (json_object_get_string_member (object, "consortium"));
  g_assert_cmpstr (json_object_get_string_member (object, "ruleset"), ==, "hainan-2022");
  g_assert_true (json_object_has_member (object, "results"));
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), >, 0);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");
      const char *rule = json_object_get_string_member (result, "rule");
      const char *clause = json_object_get_string_member (result, "clause");

      g_assert_nonnull (rule);
      g_assert_cmpstr (rule, !=, "");
      g_assert_nonnull (clause);
      g_assert_cmpstr (clause, !=, "");
      g_assert_true (strv_has (strengths, json_object_get_string_member (result, "strength")));
      g_assert_true (strv_has (statuses, status));
      g_assert_nonnull (json_object_get_string_member (result, "message"));
      if (json_object_has_member (result, "value"))
        g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (result, "value")));
      if (json_object_has_member (result, "threshold"))
        g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (result, "threshold")));

      any_fail |= g_str_equal (status, "fail");
      any_warn |= g_str_equal (status, "warn") || g_str_equal (status, "unknown") ||
                  g_str_equal (status, "missing_declaration");
    }

  verdict = json_object_get_string_member (object, "verdict");
  g_assert_cmpstr (verdict, ==, any_fail ? "fail" : any_warn ? "warn" : "pass");
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
default_db (Fixture *f)
{
  return g_build_filename (f->data_dir, "workbench.db", NULL);
}

static CwbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CwbStore *store = cwb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* writes @source with "name" set to @name into the fixture's dir */
static char *
write_renamed_copy (Fixture    *f,
                    const char *source,
                    const char *name,
                    const char *file_name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->tmpdir, file_name, NULL);

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)),
                                 "name", name);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = g_dir_make_tmp ("cwb-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmpdir, "data", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cwb_test_remove_tree (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
  g_clear_pointer (&f->data_dir, g_free);
}

/* check: the four examples */

static void
test_check_deep_sea_pass (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *name = example_name ("deep-sea.consortium.json");
  g_autofree char *db = default_db (f);
  g_autoptr(GPtrArray) reports = NULL;
  Run run = { 0 };

  run_cli (f, &run, "check", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 1);
  g_assert_cmpstr (report_verdict (reports->pdata[0]), ==, "pass");
  assert_report_well_formed (reports->pdata[0], path);
  /* rule C7 needs the store: left out without --db */
  g_assert_null (find_result (reports->pdata[0], "C7"));

  /* the readable report: the file, the consortium, the verdict in words */
  run_cli (f, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, path));
  g_assert_nonnull (strstr (run.out, name));
  g_assert_nonnull (strstr (run.out, "Verdict: pass\n"));
  g_assert_nonnull (strstr (run.out, "C4"));

  /* check writes nothing anywhere: no database appears */
  g_assert_false (file_exists (db));
  run_clear (&run);
}

static void
test_check_seed_warn (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autoptr(GPtrArray) reports = NULL;
  Run run = { 0 };

  run_cli (f, &run, "check", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 1);
  assert_report_well_formed (reports->pdata[0], path);
  g_assert_cmpstr (report_verdict (reports->pdata[0]), ==, "warn");
  g_assert_cmpstr (result_status (reports->pdata[0], "C3"), ==, "warn");
  g_assert_cmpstr (result_status (reports->pdata[0], "L2"), ==, "relaxed");

  run_cli (f, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "Verdict: pass with warnings\n"));
  g_assert_nonnull (strstr (run.out, "! C3 "));
  run_clear (&run);
}

static void
test_check_new_energy_fail (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(GPtrArray) reports = NULL;
  Run run = { 0 };

  run_cli (f, &run, "check", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 1);
  assert_report_well_formed (reports->pdata[0], path);
  g_assert_cmpstr (report_verdict (reports->pdata[0]), ==, "fail");
  g_assert_cmpstr (result_status (reports->pdata[0], "C4"), ==, "fail");
  g_assert_cmpstr (result_status (reports->pdata[0], "L2"), ==, "unknown");
  /* numbers in their shortest form: the rule set's 20%, not 0.20000000000000001 */
  g_assert_nonnull (strstr (run.out, "\"threshold\":0.2,"));
  g_assert_nonnull (strstr (run.out, "\"threshold\":0.5,"));

  run_cli (f, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "Verdict: fail\n"));
  g_assert_nonnull (strstr (run.out, "✗ C4 "));
  run_clear (&run);
}

static void
test_check_broken_uscc (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("broken-uscc.consortium.json");
  Run run = { 0 };

  run_cli (f, &run, "check", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "members[2].uscc"));
  g_assert_true (g_str_has_prefix (run.err, path));

  run_cli (f, &run, "check", path, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "members[2].uscc"));
  run_clear (&run);
}

/* with several files, one report per valid file and the worst status */
static void
test_check_several_worst (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *seed = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *nev = cwb_test_example_path ("new-energy-vehicle-fails.consortium.json");
  g_autofree char *broken = cwb_test_example_path ("broken-uscc.consortium.json");
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.consortium.json", NULL);
  g_autoptr(GPtrArray) reports = NULL;
  Run run = { 0 };

  run_cli (f, &run, "check", "--json", deep, seed, NULL);
  g_assert_cmpint (run.status, ==, 2);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 2);
  assert_report_well_formed (reports->pdata[0], deep);
  assert_report_well_formed (reports->pdata[1], seed);
  g_clear_pointer (&reports, g_ptr_array_unref);

  run_cli (f, &run, "check", "--json", nev, deep, seed, NULL);
  g_assert_cmpint (run.status, ==, 1);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 3);
  g_assert_cmpstr (report_verdict (reports->pdata[0]), ==, "fail");
  g_assert_cmpstr (report_verdict (reports->pdata[1]), ==, "pass");
  g_assert_cmpstr (report_verdict (reports->pdata[2]), ==, "warn");
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* an invalid file outranks a fail; the others are still checked */
  run_cli (f, &run, "check", "--json", deep, broken, nev, NULL);
  g_assert_cmpint (run.status, ==, 65);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 2);
  g_assert_nonnull (strstr (run.err, "members[2].uscc"));
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* an unreadable file outranks an invalid one (66 > 65) */
  run_cli (f, &run, "check", "--json", missing, broken, seed, NULL);
  g_assert_cmpint (run.status, ==, 66);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 1);
  run_cli (f, &run, "check", broken, missing, NULL);
  g_assert_cmpint (run.status, ==, 66);
  run_clear (&run);
}

static void
test_check_unreadable (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.consortium.json", NULL);
  Run run = { 0 };

  run_cli (f, &run, "check", missing, NULL);
  g_assert_cmpint (run.status, ==, 66);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, missing));
  g_assert_nonnull (strstr (run.err, ": no such file"));

  /* a directory is not a file */
  run_cli (f, &run, "check", "--json", f->tmpdir, NULL);
  g_assert_cmpint (run.status, ==, 66);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, f->tmpdir));
  g_assert_nonnull (strstr (run.err, ": this is a folder, not a file"));

  /* import refuses them the same way */
  run_cli (f, &run, "import", missing, NULL);
  g_assert_cmpint (run.status, ==, 66);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "no such file"));
  run_clear (&run);
}

/* Every bad fixture of tests/files/: its README has a table of each file
 * and what its message starts with (the key path, for a content error). */
static void
test_check_bad_fixtures (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *dir_path = bad_files_dir ();
  g_autofree char *readme_path = g_build_filename (dir_path, "README", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  guint n_files = 0;
  Run run = { 0 };

  if (!g_file_test (readme_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("tests/files/README does not exist");
      return;
    }

  g_file_get_contents (readme_path, &readme, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (readme, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *space = strchr (line, ' ');
      g_autofree char *file_name = NULL;

      if (space == NULL)
        continue;
      file_name = g_strndup (line, space - line);
      if (!g_str_has_suffix (file_name, ".json"))
        continue;
      while (*space == ' ')
        space++;
      g_hash_table_insert (expected, g_steal_pointer (&file_name), g_strdup (space));
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *prefix = NULL;
      const char *message;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      message = g_hash_table_lookup (expected, name);
      g_assert_nonnull (message);

      path = g_build_filename (dir_path, name, NULL);
      prefix = g_strdup_printf ("%s: %s", path, message);

      run_cli (f, &run, "check", "--json", path, NULL);
      g_assert_cmpint (run.status, ==, 65);
      g_assert_cmpstr (run.out, ==, "");
      if (!g_str_has_prefix (run.err, prefix))
        g_error ("%s: the message does not start with “%s”: %s", name, message, run.err);

      /* nothing is imported from it either */
      run_cli (f, &run, "import", path, NULL);
      g_assert_cmpint (run.status, ==, 65);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, message));
    }
  g_assert_cmpuint (n_files, ==, g_hash_table_size (expected));

  /* no file was imported */
  {
    g_autofree char *db = default_db (f);
    g_autoptr(CwbStore) store = open_store (db);
    g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 0);
  }
  run_clear (&run);
}

/* the JSON stays valid whatever the file is called */
static void
test_check_json_escaping (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "we\"ird\\name\t深海.json", NULL);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  Run run = { 0 };

  g_file_get_contents (deep, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  run_cli (f, &run, "check", "--json", path, deep, NULL);
  g_assert_cmpint (run.status, ==, 0);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 2);
  assert_report_well_formed (reports->pdata[0], path);
  assert_report_well_formed (reports->pdata[1], deep);
  run_clear (&run);
}

/* check under a Chinese locale speaks Chinese */
static void
test_check_chinese (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *seed = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  const char *env[] = { "LC_ALL", "LC_MESSAGES", "LANG=zh_CN.UTF-8", "LANGUAGE=zh_CN", NULL };
  gboolean have_zh = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;
  Run run = { 0 };

  setlocale (LC_ALL, saved);
  if (!have_zh)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed");
      return;
    }

  run_cli_env (f, env, &run, "check", path, seed, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.out, "结论：通过\n"));
  g_assert_nonnull (strstr (run.out, "结论：通过，但有警告\n"));
  g_assert_null (strstr (run.out, "Verdict"));

  /* a usage error too */
  run_cli_env (f, env, &run, "check", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "未指定文件"));
  run_clear (&run);
}

/* usage */

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  Run run = { 0 };

  run_cli (f, &run, "frobnicate", path, NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "frobnicate"));
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "check", "--frobnicate", path, NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "--frobnicate"));
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "check", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "check", "--json", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "check", path, "--db", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "import", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "import", "--frobnicate", path, NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "export", "Some name", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "-o"));
  run_cli (f, &run, "export", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "export", "A", "B", "-o", "out.json", NULL);
  g_assert_cmpint (run.status, ==, 64);

  /* the window's own options are checked before any display is opened */
  run_cli (f, &run, "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "--frobnicate"));
  run_cli (f, &run, "--db", NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (f, &run, "--db=x.db", "--json", NULL);
  g_assert_cmpint (run.status, ==, 64);

  g_assert_false (file_exists (f->data_dir));
  run_clear (&run);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  Run run = { 0 };

  run_cli (f, &run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "check"));
  g_assert_nonnull (strstr (run.out, "import"));
  g_assert_nonnull (strstr (run.out, "export"));
  g_assert_nonnull (strstr (run.out, "--db"));
  g_assert_nonnull (strstr (run.out, "65"));
  g_assert_nonnull (strstr (run.out, "66"));

  run_cli (f, &run, "-h", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "import"));

  run_cli (f, &run, "check", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "--db"));

  run_cli (f, &run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "consortium-workbench " PACKAGE_VERSION "\n");
  run_clear (&run);
}

/* import and export */

static void
test_import_export_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *name = example_name ("deep-sea.consortium.json");
  g_autofree char *out = g_build_filename (f->tmpdir, "out.consortium.json", NULL);
  g_autoptr(CwbConsortium) original = NULL;
  g_autoptr(CwbConsortium) exported = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "imported"));
  g_assert_nonnull (strstr (run.out, name));

  /* the default database is $CWB_DATA_DIR/workbench.db */
  {
    g_autofree char *db = default_db (f);
    g_assert_true (file_exists (db));
  }

  run_cli (f, &run, "export", name, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (file_exists (out));

  original = cwb_test_load_file (path);
  exported = cwb_test_load_file (out);
  g_assert_true (cwb_consortium_equal (original, exported));

  /* the exported file checks the same */
  run_cli (f, &run, "check", "--json", out, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* --db picks another database */
  {
    g_autofree char *db = g_build_filename (f->tmpdir, "other.db", NULL);
    g_autofree char *out2 = g_build_filename (f->tmpdir, "out2.consortium.json", NULL);

    run_cli (f, &run, "export", "--db", db, name, "-o", out2, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (file_exists (out2));
    run_cli (f, &run, "import", "--db", db, out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    run_cli (f, &run, "--db", db, "export", name, "-o", out2, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_clear_object (&exported);
    exported = cwb_test_load_file (out2);
    g_assert_true (cwb_consortium_equal (original, exported));
  }
  run_clear (&run);
}

static void
test_import_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *name = example_name ("seed-industry-small.consortium.json");
  g_autofree char *db = default_db (f);
  g_autoptr(CwbStore) store = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "import", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, name));
  g_assert_nonnull (strstr (run.err, "--replace"));
  g_assert_null (strstr (run.out, "imported"));

  run_cli (f, &run, "import", "--replace", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "replaced"));
  g_assert_cmpstr (run.err, ==, "");

  store = open_store (db);
  g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 1);
  g_assert_cmpint (cwb_store_lookup_consortium (store, name), !=, 0);
  run_clear (&run);
}

static void
test_import_several_one_bad (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *seed = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *broken = cwb_test_example_path ("broken-uscc.consortium.json");
  g_autofree char *deep_name = example_name ("deep-sea.consortium.json");
  g_autofree char *seed_name = example_name ("seed-industry-small.consortium.json");
  g_autofree char *broken_name = json_file_name (broken);
  g_autofree char *missing = g_build_filename (f->tmpdir, "missing.consortium.json", NULL);
  g_autofree char *db = default_db (f);
  g_autoptr(CwbStore) store = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", deep, broken, seed, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_nonnull (strstr (run.err, "members[2].uscc"));
  g_assert_nonnull (strstr (run.out, deep_name));
  g_assert_nonnull (strstr (run.out, seed_name));

  store = open_store (db);
  g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 2);
  g_assert_cmpint (cwb_store_lookup_consortium (store, deep_name), !=, 0);
  g_assert_cmpint (cwb_store_lookup_consortium (store, seed_name), !=, 0);
  g_assert_cmpint (cwb_store_lookup_consortium (store, broken_name), ==, 0);
  g_clear_object (&store);

  /* 66 > 65 > 1: an unreadable file, an invalid one, a name that exists */
  run_cli (f, &run, "import", deep, NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (f, &run, "import", deep, broken, NULL);
  g_assert_cmpint (run.status, ==, 65);
  run_cli (f, &run, "import", missing, broken, deep, NULL);
  g_assert_cmpint (run.status, ==, 66);

  store = open_store (db);
  g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 2);
  run_clear (&run);
}

/* A batch with a bad file in the middle: the others land, the results
 * come in the files' order; --progress counts the files on stderr and
 * leaves stdout as it is without it. */
static void
test_import_progress (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *seed = cwb_test_example_path ("seed-industry-small.consortium.json");
  g_autofree char *broken = cwb_test_example_path ("broken-uscc.consortium.json");
  g_autofree char *deep_name = example_name ("deep-sea.consortium.json");
  g_autofree char *seed_name = example_name ("seed-industry-small.consortium.json");
  g_autofree char *expected_out = NULL;
  g_autofree char *db = g_build_filename (f->tmpdir, "progress.db", NULL);
  g_autofree char *plain_db = g_build_filename (f->tmpdir, "plain.db", NULL);
  g_autoptr(CwbStore) store = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", "--db", db, "--progress", "--batch-size", "2",
           deep, broken, deep, seed, NULL);
  g_assert_cmpint (run.status, ==, 65);
  expected_out = g_strdup_printf ("%s: imported “%s”\n%s: imported “%s”\n", deep, deep_name, seed, seed_name);
  g_assert_cmpstr (run.out, ==, expected_out);
  g_assert_nonnull (strstr (run.err, "members[2].uscc"));
  g_assert_nonnull (strstr (run.err, "exists already"));
  g_assert_nonnull (strstr (run.err, "4 of 4 files\n"));

  store = open_store (db);
  g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 2);
  g_clear_object (&store);

  /* without --progress (stderr is no terminal here): the same stdout, and
   * no count on stderr */
  run_cli (f, &run, "import", "--db", plain_db, deep, broken, deep, seed, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_cmpstr (run.out, ==, expected_out);
  g_assert_null (strstr (run.err, " files"));

  run_cli (f, &run, "import", "--db", plain_db, "--batch-size", "0", seed, NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_clear (&run);
}

/* Files a fuzzer found: a bare number and brackets nested 100 000 deep
 * crashed check and import; they are invalid input (65) and import keeps
 * the good files around them. */
static void
test_hostile_files (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *deep_sea = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *number = g_build_filename (f->tmpdir, "number.json", NULL);
  g_autofree char *nested = g_build_filename (f->tmpdir, "nested.json", NULL);
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *nested_text = g_strconcat ("{\"format\": \"consortium/1\", \"unknown\": ",
                                              brackets, NULL);
  g_autofree char *db = default_db (f);
  g_autoptr(CwbStore) store = NULL;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (number, "11111111111111111.111", -1, NULL));
  g_assert_true (g_file_set_contents (nested, nested_text, -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? number : nested;
      const char *expected = i == 0 ? "number.json: the file must hold a JSON object, found a decimal number\n"
                                    : "nested.json: unknown[0][0][0]";

      run_cli (f, &run, "check", file, NULL);
      g_assert_cmpint (run.status, ==, 65);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, expected));

      run_cli (f, &run, "check", "--json", deep_sea, file, NULL);
      g_assert_cmpint (run.status, ==, 65);
      g_assert_nonnull (strstr (run.out, "\"verdict\":\"pass\""));
    }

  run_cli (f, &run, "import", number, deep_sea, nested, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_nonnull (strstr (run.err, "number.json: not imported: the file must hold a JSON object"));
  g_assert_nonnull (strstr (run.err, "nested.json: not imported: unknown[0][0]"));
  g_assert_nonnull (strstr (run.err, "nested more than 64 levels deep"));

  store = open_store (db);
  g_assert_cmpuint (g_list_model_get_n_items (cwb_store_get_consortia (store)), ==, 1);
  run_clear (&run);
}

/* CWB_PLUGIN_PATH with the real plugins and the test plugins @modules
 * (folders of CWB_TEST_PLUGINS_DIR), and settings kept in a key file of
 * the fixture's own, so that what one run turns off the next one sees;
 * the crash guard's markers in the fixture's own state folder */
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

static void
test_export_unknown (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *out = g_build_filename (f->tmpdir, "out.consortium.json", NULL);
  g_autofree char *db = default_db (f);
  Run run = { 0 };

  /* no database: none is created */
  run_cli (f, &run, "export", "没有这个联合体", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "没有这个联合体"));
  g_assert_false (file_exists (out));
  g_assert_false (file_exists (db));

  run_cli (f, &run, "import", deep, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (f, &run, "export", "没有这个联合体", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "没有这个联合体"));
  g_assert_false (file_exists (out));
  run_clear (&run);
}

/* a consortium of the store that would not load back (no lead) is not written */
static void
test_export_invalid (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *out = g_build_filename (f->tmpdir, "out.consortium.json", NULL);
  g_autofree char *db = default_db (f);
  g_autoptr(CwbConsortium) consortium = cwb_test_load_file (deep);
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  Run run = { 0 };

  for (guint i = 0; i < members->len; i++)
    cwb_member_set_lead (members->pdata[i], FALSE);
  cwb_consortium_set_name (consortium, "无牵头单位的联合体");

  g_assert_no_errno (g_mkdir_with_parents (f->data_dir, 0700));
  store = open_store (db);
  /* the workspace keeps drafts that are not yet valid files */
  g_assert_true (cwb_store_import_consortium (store, consortium, FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run_cli (f, &run, "export", "无牵头单位的联合体", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_nonnull (strstr (run.err, "无牵头单位的联合体"));
  g_assert_false (file_exists (out));
  run_clear (&run);
}

/* C7: with --db holding another consortium led by the same unit */
static void
test_check_c7_with_db (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *db = g_build_filename (f->tmpdir, "c7.db", NULL);
  g_autofree char *copy = write_renamed_copy (f, deep, "海南省另一个深海创新联合体",
                                              "copy.consortium.json");
  g_autoptr(GPtrArray) reports = NULL;
  Run run = { 0 };

  run_cli (f, &run, "import", "--db", db, deep, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (f, &run, "check", "--json", "--db", db, copy, NULL);
  g_assert_cmpint (run.status, ==, 2);
  reports = parse_json_lines (run.out);
  g_assert_cmpuint (reports->len, ==, 1);
  assert_report_well_formed (reports->pdata[0], copy);
  g_assert_cmpstr (result_status (reports->pdata[0], "C7"), ==, "warn");
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* check never creates a database */
  {
    g_autofree char *none = g_build_filename (f->tmpdir, "none.db", NULL);

    run_cli (f, &run, "check", "--json", "--db", none, copy, NULL);
    g_assert_cmpint (run.status, ==, 66);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, none));
    g_assert_false (file_exists (none));
  }

  /* without --db the copy passes, C7 left out */
  run_cli (f, &run, "check", "--json", copy, NULL);
  g_assert_cmpint (run.status, ==, 0);
  reports = parse_json_lines (run.out);
  g_assert_null (find_result (reports->pdata[0], "C7"));
  run_clear (&run);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *db = g_build_filename (f->tmpdir, "newer.db", NULL);
  g_autofree char *out = g_build_filename (f->tmpdir, "out.consortium.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *handle = NULL;
  Run run = { 0 };

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE t (x); PRAGMA user_version = 9999;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));

  run_cli (f, &run, "import", "--db", db, deep, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, !=, "");
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "check", "--db", db, deep, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  run_cli (f, &run, "export", "--db", db, "x", "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (file_exists (out));

  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  run_clear (&run);
}

/* commands of plugins (CwbCommand) */

/* whether the command's working directory has @name */
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/check/deep-sea-pass", test_check_deep_sea_pass);
  ADD ("/cli/check/seed-industry-warn", test_check_seed_warn);
  ADD ("/cli/check/new-energy-vehicle-fail", test_check_new_energy_fail);
  ADD ("/cli/check/broken-uscc-invalid", test_check_broken_uscc);
  ADD ("/cli/check/several-worst", test_check_several_worst);
  ADD ("/cli/check/unreadable", test_check_unreadable);
  ADD ("/cli/check/json-escaping", test_check_json_escaping);
  ADD ("/cli/check/bad-fixtures", test_check_bad_fixtures);
  ADD ("/cli/check/chinese", test_check_chinese);
  ADD ("/cli/check/plugin-error", test_check_plugin_error);
  ADD ("/cli/check/plugin-crash-guard", test_plugin_crash_guard);
  ADD ("/cli/check/c7-with-db", test_check_c7_with_db);
  ADD ("/cli/usage/errors", test_usage_errors);
  ADD ("/cli/usage/help", test_help);
  ADD ("/cli/import/round-trip", test_import_export_round_trip);
  ADD ("/cli/import/twice", test_import_twice);
  ADD ("/cli/import/several-one-bad", test_import_several_one_bad);
  ADD ("/cli/import/progress", test_import_progress);
  ADD ("/cli/import/hostile-files", test_hostile_files);
  ADD ("/cli/export/unknown", test_export_unknown);
  ADD ("/cli/export/invalid", test_export_invalid);
  ADD ("/cli/store/newer-schema", test_newer_schema);
  ADD ("/cli/plugin/unknown", test_plugin_unknown);
  ADD ("/cli/plugin/help", test_plugin_help);
  ADD ("/cli/plugin/store", test_plugin_store);
  ADD ("/cli/plugin/no-store", test_plugin_no_store);
#undef ADD

  return g_test_run ();
}
