/* test-crash-import.c — an import killed at any moment leaves a whole database,
 * with whole batches of whole consortia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-test-crash-import"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <cwb.h>

#include "cwb-test-utils.h"

#define N_FILES  400
#define N_TRIALS 20
/* files per transaction (import --batch-size): a kill loses at most the
 * open batch, so what is stored is a whole number of batches */
#define BATCH    20

typedef struct
{
  char      *tmpdir;   /* owned */
  GPtrArray *paths;    /* owned: of char *, the generated files */
  GPtrArray *sources;  /* owned: of CwbConsortium, each file loaded */
} Fixture;

/* A valid code: "91" (enterprise), division 460000, a nine-digit serial
 * @n, and its check character. */
static char *
make_uscc (guint n)
{
  char code[CWB_USCC_LENGTH + 1];

  g_snprintf (code, sizeof code, "91460000%09u", n);
  code[17] = cwb_uscc_compute_check_char (code);
  code[18] = '\0';
  g_assert_true (cwb_uscc_validate (code, NULL));

  return g_strdup (code);
}

/* N_FILES variations of the deep-sea example: another name, and other
 * codes for all its members, written as consortium files. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint serial = 1;

  f->tmpdir = g_dir_make_tmp ("cwb-test-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f->paths = g_ptr_array_new_with_free_func (g_free);
  f->sources = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *name = g_strdup_printf ("海南省第%03u深海装备创新联合体", i);
      g_autofree char *file = g_strdup_printf ("%03u.consortium.json", i);
      const GPtrArray *members = cwb_consortium_get_members (consortium);
      char *path = g_build_filename (f->tmpdir, file, NULL);

      cwb_consortium_set_name (consortium, name);
      for (guint m = 0; m < members->len; m++)
        {
          g_autofree char *uscc = make_uscc (serial++);

          cwb_member_set_uscc (g_ptr_array_index (members, m), uscc);
        }

      node = cwb_consortium_to_json (consortium);
      json_generator_set_root (generator, node);
      json_generator_to_file (generator, path, &error);
      g_assert_no_error (error);

      g_ptr_array_add (f->paths, path);
      g_ptr_array_add (f->sources, cwb_test_load_file (path));
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cwb_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_ptr_array_unref (f->paths);
  g_ptr_array_unref (f->sources);
}

/* `import --db @db` of the files of @f not stored yet (@stored: by index,
 * NULL for all), started; (transfer full) */
static GSubprocess *
start_import (Fixture    *f,
              const char *db,
              gboolean   *stored)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (f->tmpdir, "data", NULL);
  const char *binary = g_getenv ("CWB_BINARY");
  GSubprocess *process;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, "import");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, "--batch-size");
  g_ptr_array_add (argv, G_STRINGIFY (BATCH));
  for (guint i = 0; i < f->paths->len; i++)
    if (stored == NULL || !stored[i])
      g_ptr_array_add (argv, f->paths->pdata[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "CWB_DATA_DIR", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", ":4242", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

/* Runs an import to its end; it must succeed. */
static void
run_import (Fixture    *f,
            const char *db,
            gboolean   *stored)
{
  g_autoptr(GSubprocess) process = start_import (f, db, stored);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("import failed: %s", err);
}

static void
assert_integrity (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* a writable connection: it recovers the -wal the killed process left */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* @loaded has the members, in order, and the sections of @source. */
static void
assert_whole (CwbConsortium *loaded,
              CwbConsortium *source)
{
  const GPtrArray *members = cwb_consortium_get_members (loaded);
  const GPtrArray *expected = cwb_consortium_get_members (source);
  g_autoptr(GList) sections = cwb_consortium_list_sections (loaded);
  g_autoptr(GList) expected_sections = cwb_consortium_list_sections (source);

  g_assert_cmpstr (cwb_consortium_get_name (loaded), ==, cwb_consortium_get_name (source));
  g_assert_cmpuint (members->len, ==, expected->len);
  for (guint i = 0; i < members->len; i++)
    g_assert_cmpstr (cwb_member_get_uscc (members->pdata[i]), ==,
                     cwb_member_get_uscc (expected->pdata[i]));

  g_assert_cmpuint (g_list_length (sections), ==, g_list_length (expected_sections));
  for (GList *l = sections, *e = expected_sections; l != NULL; l = l->next, e = e->next)
    {
      g_assert_cmpstr (l->data, ==, e->data);
      g_assert_true (json_node_equal (cwb_consortium_get_section (loaded, l->data),
                                      cwb_consortium_get_section (source, e->data)));
    }
}

/* Fills @stored (by file index) from the database and checks each stored
 * consortium is whole; returns how many are stored. */
static guint
check_stored (Fixture    *f,
              const char *db,
              gboolean   *stored)
{
  g_autoptr(GError) error = NULL;
  CwbStore *store;
  guint n = 0;

  assert_integrity (db);

  store = cwb_store_open_read_only (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < f->sources->len; i++)
    {
      CwbConsortium *source = f->sources->pdata[i];
      gint64 id = cwb_store_lookup_consortium (store, cwb_consortium_get_name (source));
      g_autoptr(CwbConsortium) loaded = NULL;

      stored[i] = id != 0;
      if (id == 0)
        continue;

      loaded = cwb_store_load_consortium (store, id, &error);
      g_assert_no_error (error);
      assert_whole (loaded, source);
      n++;
    }
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, n);
  g_assert_finalize_object (store);

  return n;
}

static void
test_kill_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree gboolean *stored = g_new0 (gboolean, N_FILES);
  g_autofree char *reference = g_build_filename (f->tmpdir, "reference.db", NULL);
  const char *seed_text = g_getenv ("CWB_CRASH_SEED");
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10) : (guint32) g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  gint64 start, duration;
  guint n_partial = 0;

  g_test_message ("seed %u: CWB_CRASH_SEED=%u repeats these delays", seed, seed);

  /* how long a whole import takes here */
  start = g_get_monotonic_time ();
  run_import (f, reference, NULL);
  duration = g_get_monotonic_time () - start;
  g_assert_cmpuint (check_stored (f, reference, stored), ==, N_FILES);
  g_test_message ("a whole import of %u files takes %" G_GINT64_FORMAT " ms", N_FILES, duration / 1000);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autofree char *db = g_strdup_printf ("%s/trial-%02u.db", f->tmpdir, trial);
      g_autoptr(GSubprocess) process = start_import (f, db, NULL);
      g_autoptr(GError) error = NULL;
      gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (duration, G_MAXINT32));
      guint n;

      g_usleep (delay);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);

      /* the database may not exist yet if it died that early */
      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        n = 0, memset (stored, 0, sizeof (gboolean) * N_FILES);
      else
        n = check_stored (f, db, stored);
      g_test_message ("trial %u: killed after %" G_GINT64_FORMAT " ms: %u of %u imported",
                      trial, delay / 1000, n, N_FILES);
      if (n > 0 && n < N_FILES)
        n_partial++;

      /* the batches land in order, each whole: the first n files */
      g_assert_cmpuint (n % BATCH, ==, 0);
      for (guint i = 0; i < N_FILES; i++)
        g_assert_cmpint (stored[i], ==, i < n);

      /* the rest imports, and then everything is there */
      if (n < N_FILES)
        run_import (f, db, stored);
      g_assert_cmpuint (check_stored (f, db, stored), ==, N_FILES);
    }

  /* the kills really fell in the middle of imports */
  g_assert_cmpuint (n_partial, >=, N_TRIALS / 4);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/crash/import/kill", Fixture, NULL, fixture_set_up, test_kill_import, fixture_tear_down);

  return g_test_run ();
}
