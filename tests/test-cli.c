/* test-cli.c — the command line (check, import, export, usage), run as a process
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
    g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 0);
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
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 1);
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
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 2);
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
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 2);
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
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 2);
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
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 1);
  run_clear (&run);
}

/* CWB_PLUGIN_PATH with the real plugins and the test plugins @modules
 * (folders of CWB_TEST_PLUGINS_DIR), and settings kept in a key file of
 * the fixture's own, so that what one run turns off the next one sees;
 * the crash guard's markers in the fixture's own state folder */
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

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  CLI_TEST_ADD ("/cli/check/deep-sea-pass", test_check_deep_sea_pass);
  CLI_TEST_ADD ("/cli/check/seed-industry-warn", test_check_seed_warn);
  CLI_TEST_ADD ("/cli/check/new-energy-vehicle-fail", test_check_new_energy_fail);
  CLI_TEST_ADD ("/cli/check/broken-uscc-invalid", test_check_broken_uscc);
  CLI_TEST_ADD ("/cli/check/several-worst", test_check_several_worst);
  CLI_TEST_ADD ("/cli/check/unreadable", test_check_unreadable);
  CLI_TEST_ADD ("/cli/check/json-escaping", test_check_json_escaping);
  CLI_TEST_ADD ("/cli/check/bad-fixtures", test_check_bad_fixtures);
  CLI_TEST_ADD ("/cli/check/chinese", test_check_chinese);
  CLI_TEST_ADD ("/cli/check/c7-with-db", test_check_c7_with_db);
  CLI_TEST_ADD ("/cli/usage/errors", test_usage_errors);
  CLI_TEST_ADD ("/cli/usage/help", test_help);
  CLI_TEST_ADD ("/cli/import/round-trip", test_import_export_round_trip);
  CLI_TEST_ADD ("/cli/import/twice", test_import_twice);
  CLI_TEST_ADD ("/cli/import/several-one-bad", test_import_several_one_bad);
  CLI_TEST_ADD ("/cli/import/progress", test_import_progress);
  CLI_TEST_ADD ("/cli/import/hostile-files", test_hostile_files);
  CLI_TEST_ADD ("/cli/export/unknown", test_export_unknown);
  CLI_TEST_ADD ("/cli/export/invalid", test_export_invalid);
  CLI_TEST_ADD ("/cli/store/newer-schema", test_newer_schema);

  return g_test_run ();
}
