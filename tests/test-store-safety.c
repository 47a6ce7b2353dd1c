/* test-store-safety.c — what opening a workspace database must never write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"

typedef struct
{
  char *dir;    /* a fresh temporary folder */
  char *path;   /* dir/workbench.db */
} Fixture;

/* The database, its -wal and -shm as they are on disk: a checksum of each,
 * "absent" for a file that is not there. */
typedef struct
{
  char *sums[3];
} Snapshot;

static const char * const suffixes[] = { "", "-wal", "-shm" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-store-safety-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "workbench.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
snapshot_take (Snapshot   *snapshot,
               const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_get_contents (file, &contents, &length, NULL))
        snapshot->sums[i] = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                                         length);
      else
        snapshot->sums[i] = g_strdup ("absent");
    }
}

static void
snapshot_clear (Snapshot *snapshot)
{
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    g_clear_pointer (&snapshot->sums[i], g_free);
}

/* Fails the test naming the file that changed. */
static void
assert_unchanged (const Snapshot *before,
                  const char     *path)
{
  Snapshot after = { { NULL } };

  snapshot_take (&after, path);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_test_message ("%s%s: %s → %s", path, suffixes[i], before->sums[i], after.sums[i]);
      g_assert_cmpstr (after.sums[i], ==, before->sums[i]);
    }
  snapshot_clear (&after);
}

/* A workspace with the deep-sea example, closed cleanly (no -wal left). */
static gint64
make_workspace (const char *path)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GError) error = NULL;
  CwbStore *store = cwb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (store, consortium, FALSE, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  return cwb_consortium_get_id (consortium);
}

/* Runs @sql in a child process that writes in WAL mode without ever
 * checkpointing, and dies without closing: its commits stay in a pending
 * -wal, as after a crash or while another instance has the file open. */
static void
write_pending_wal (const char *path,
                   const char *sql)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  int status;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* really pending: frames in the -wal */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_size, >, 0);
  }
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* ------------------------------------------------------------------ */
/* a newer schema is left as it is                                     */

/* Issue 8 item 7: cwb_store_open() read the version through a writable
 * connection, whose close checkpointed the pending -wal into the file. */
static void
test_newer_pending_wal (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Snapshot before = { { NULL } };
  CwbStore *store;

  make_workspace (fixture->path);
  write_pending_wal (fixture->path,
                     "PRAGMA user_version = 9999; CREATE TABLE future (x); "
                     "INSERT INTO future VALUES ('from a newer version')");
  snapshot_take (&before, fixture->path);

  store = cwb_store_open (fixture->path, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "9999"));
  assert_unchanged (&before, fixture->path);
  g_clear_error (&error);

  store = cwb_store_open_read_only (fixture->path, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  assert_unchanged (&before, fixture->path);

  snapshot_clear (&before);
}

/* ------------------------------------------------------------------ */
/* read-only stores                                                    */

static gboolean
write_nothing_cb (CwbStore  *store,
                  gpointer   user_data,
                  GError   **error)
{
  return TRUE;
}

/* Every kind of write fails with CWB_ERROR_READ_ONLY. */
static void
assert_writes_refused (CwbStore *store,
                       gint64    id)
{
  g_autoptr(CwbConsortium) other = cwb_test_load_example ("seed-industry-small.consortium.json");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), "x");
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt;

  g_assert_false (cwb_store_import_consortium (store, other, FALSE, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  loaded = cwb_store_load_consortium (store, id, &error);
  g_assert_no_error (error);
  g_assert_false (cwb_store_update_consortium (store, loaded, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (cwb_store_delete_consortium (store, id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (cwb_store_set_section (store, id, "test", node, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (cwb_store_run_in_transaction (store, write_nothing_cb, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* a plugin's own write, on tables that exist (the host's, refused by the
   * authorizer anyway: so a write to its own table) */
  stmt = cwb_store_prepare (store, "test", "INSERT INTO test_t (x) VALUES (1)", &error);
  g_assert_no_error (error);
  g_assert_false (cwb_statement_step (stmt, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* and reads still work */
  g_assert_cmpint (cwb_store_lookup_consortium (store, cwb_consortium_get_name (loaded)), ==, id);
  g_assert_cmpuint (cwb_store_count_consortia (store, NULL), ==, 1);
}

static const char * const test_steps[] = { "CREATE TABLE test_t (x)", NULL };
static const char * const other_steps[] = { "CREATE TABLE other_t (x)", NULL };
static const char * const newer_steps[] = { "CREATE TABLE test_t (x)", "CREATE TABLE test_u (y)", NULL };

/* Issue 8 item 8: a current database read-only: nothing written, writes
 * refused cleanly, plugins told whether their tables are current. */
static void
test_read_only_current (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Snapshot before = { { NULL } };
  CwbStore *store;
  gint64 id;

  id = make_workspace (fixture->path);
  store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_migrate_plugin (store, "test", test_steps, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  snapshot_take (&before, fixture->path);
  g_assert_cmpstr (before.sums[1], ==, "absent");

  store = cwb_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_is_read_only (store));

  /* current: fine; missing or older: refused, and nothing created */
  g_assert_true (cwb_store_migrate_plugin (store, "test", test_steps, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_store_migrate_plugin (store, "other", other_steps, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cwb_store_migrate_plugin (store, "test", newer_steps, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cwb_store_migrate_plugin (store, "test", NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_assert_cmpint (cwb_store_get_plugin_version (store, "other"), ==, 0);

  assert_writes_refused (store, id);
  g_assert_finalize_object (store);
  assert_unchanged (&before, fixture->path);

  /* no file: nothing created */
  {
    g_autofree char *none = g_build_filename (fixture->dir, "none", "x.db", NULL);
    g_autofree char *none_dir = g_path_get_dirname (none);

    g_assert_null (cwb_store_open_read_only (none, &error));
    g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (none_dir, G_FILE_TEST_EXISTS));
  }

  snapshot_clear (&before);
}

/* Commits still in a pending -wal are read; the three files stay. */
static void
test_read_only_pending_wal (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  Snapshot before = { { NULL } };
  CwbStore *store;

  make_workspace (fixture->path);
  write_pending_wal (fixture->path, "UPDATE consortium SET name = '海南省待写入创新联合体'");
  snapshot_take (&before, fixture->path);

  store = cwb_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_lookup_consortium (store, "海南省待写入创新联合体"), >, 0);
  g_assert_finalize_object (store);
  assert_unchanged (&before, fixture->path);

  snapshot_clear (&before);
}

/* An older schema: copied into memory and migrated there, the file left. */
static void
test_read_only_older (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) example = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before = { { NULL } };
  CwbStore *store;
  sqlite3 *db = NULL;
  gint64 id;

  /* schema 1: what 002-lifecycle.sql and 003 added taken away again */
  id = make_workspace (fixture->path);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE lifecycle_event; DROP INDEX consortium_industry_name; "
                                 "PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  snapshot_take (&before, fixture->path);

  store = cwb_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_lookup_consortium (store, cwb_consortium_get_name (example)), ==, id);
  loaded = cwb_store_load_consortium (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_consortium_get_members (loaded)->len, ==,
                    cwb_consortium_get_members (example)->len);
  events = cwb_store_get_lifecycle (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);

  /* in the copy, a plugin's tables are created as they would be */
  g_assert_true (cwb_store_migrate_plugin (store, "test", test_steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_get_plugin_version (store, "test"), ==, 1);

  assert_writes_refused (store, id);
  g_assert_finalize_object (store);
  assert_unchanged (&before, fixture->path);

  snapshot_clear (&before);
}

/* ------------------------------------------------------------------ */
/* modes                                                               */

/* Issue 8 item 9a: loose modes of an existing database are tightened; its
 * folder only when it is the application's own. */
static void
test_tighten_modes (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *saved_data_dir = g_strdup (g_getenv ("CWB_DATA_DIR"));
  g_autoptr(GError) error = NULL;
  CwbStore *store;
  CwbStore *second;

  make_workspace (fixture->path);

  /* a folder a database was put in (--db): its mode is not ours */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_unsetenv ("CWB_DATA_DIR");

  store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_cmpuint (file_mode (fixture->dir), ==, 0755);

  /* a -wal and -shm with loose modes (made by another program) too */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  g_assert_cmpint (g_chmod (shm, 0644), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  second = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);
  g_assert_finalize_object (second);
  g_assert_finalize_object (store);

  /* the application's own data folder is made private */
  g_setenv ("CWB_DATA_DIR", fixture->dir, TRUE);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (fixture->dir), ==, 0700);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
  g_assert_finalize_object (store);

  /* a read-only open changes no mode */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  store = cwb_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (store);
  g_assert_cmpuint (file_mode (fixture->dir), ==, 0755);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0644);

  if (saved_data_dir != NULL)
    g_setenv ("CWB_DATA_DIR", saved_data_dir, TRUE);
  else
    g_unsetenv ("CWB_DATA_DIR");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/safety/newer-pending-wal", test_newer_pending_wal);
  ADD ("/store/safety/read-only-current", test_read_only_current);
  ADD ("/store/safety/read-only-pending-wal", test_read_only_pending_wal);
  ADD ("/store/safety/read-only-older", test_read_only_older);
  ADD ("/store/safety/tighten-modes", test_tighten_modes);
#undef ADD

  return g_test_run ();
}
