/* cwb-store-open.c — opening the workspace database: its file and folder
 * modes, the version probe, read-only opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb-error.h"
#include "cwb-store-private.h"

#define BUSY_TIMEOUT_MS 5000

/* ------------------------------------------------------------------ */
/* public API                                                          */

/**
 * cwb_store_dup_default_path:
 *
 * Returns: (transfer full): `$CWB_DATA_DIR/workbench.db` when CWB_DATA_DIR
 *   is set, else `$XDG_DATA_HOME/consortium-workbench/workbench.db`
 */
char *
cwb_store_dup_default_path (void)
{
  const char *data_dir = g_getenv ("CWB_DATA_DIR");

  if (data_dir != NULL && data_dir[0] != '\0')
    return g_build_filename (data_dir, "workbench.db", NULL);

  return g_build_filename (g_get_user_data_dir (), "consortium-workbench", "workbench.db", NULL);
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not create the workspace database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* the umask may have taken bits away, never added any */
  g_close (fd, NULL);

  return TRUE;
}

/* Takes the group's and others' access away from @path when it is a file
 * (or, with @folder, a folder) that has any: a database written by an
 * older version, or copied in with loose modes. A symbolic link is left
 * alone (never follow it to change something else), and so is a folder
 * with the sticky bit, which is shared (/tmp). Best effort: a file of
 * another user is opened as it is. */
static void
tighten_mode (const char *path,
              gboolean    folder)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 ||
      !(folder ? S_ISDIR (st.st_mode) : S_ISREG (st.st_mode)) ||
      (st.st_mode & 077) == 0 ||
      (st.st_mode & S_ISVTX) != 0)
    return;

  if (g_chmod (path, st.st_mode & 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not make %s private: %s", path, g_strerror (saved_errno));
    }
}

/* Whether @dir is the application's own data folder (that of
 * cwb_store_dup_default_path()), whose mode is ours to set; a folder a
 * database was merely put in (--db /tmp/x.db) is not. */
static gboolean
is_own_data_folder (const char *dir)
{
  g_autofree char *default_path = cwb_store_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *own = g_canonicalize_filename (default_dir, NULL);
  g_autofree char *given = g_canonicalize_filename (dir, NULL);

  return g_str_equal (own, given);
}

/* Makes the database, its -wal and -shm 0600 at most, and its folder 0700
 * when it is the application's own. */
static void
tighten_modes (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  if (is_own_data_folder (dir))
    tighten_mode (dir, TRUE);
  tighten_mode (path, FALSE);
  tighten_mode (wal, FALSE);
  tighten_mode (shm, FALSE);
}

/*
 * How to read @path without writing a byte, for the version probe and
 * cwb_store_open_read_only(). A read-only connection to a WAL database
 * would still create the -wal and -shm files and leave them behind, and
 * would rebuild a -shm no other connection has open. So:
 *  - no -wal (and no rollback journal): everything is in the file, which
 *    "immutable" reads without creating either file (this also works in a
 *    folder that cannot be written, where SQLite could not create them);
 *  - a -wal and its -shm: the -wal may hold commits the file does not yet
 *    have; "readonly_shm" reads them, through SQLite's locks when another
 *    connection is live, else from a private copy of the index, and never
 *    writes the -shm;
 *  - otherwise (a -wal without -shm, a hot journal): a plain read-only
 *    connection, which may have to create the -shm.
 */
static char *
dup_read_only_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  const char *query;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_test (journal, G_FILE_TEST_EXISTS))
    query = "immutable=1";
  else if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_test (shm, G_FILE_TEST_EXISTS))
    query = "mode=ro&readonly_shm=1";
  else
    query = "mode=ro";

  return g_strdup_printf ("file://%s?%s", escaped, query);
}

static void
set_open_error (const char  *path,
                sqlite3     *db,
                int          rc,
                GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("Could not open the workspace database “%s”: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

/* The connection settings every connection of a store has; @no_checkpoint:
 * closing it never checkpoints (which would write the file) */
/* 1 GiB of the file mapped at most */
#define MMAP_SIZE 1073741824

static void
configure_connection (sqlite3  *db,
                      gboolean  no_checkpoint)
{
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, no_checkpoint ? 1 : 0, NULL);
  /* Pages read through a mapping, not a pread() and a copy each: the
   * lists page through large tables (a million members). Writes still go
   * through the WAL. Only an address range, not memory: what is not read
   * is not loaded. */
  sqlite3_exec (db, "PRAGMA mmap_size = " G_STRINGIFY (MMAP_SIZE), NULL, NULL, NULL);
}

/* (transfer full): a connection that only reads @path (dup_read_only_uri()) */
static sqlite3 *
open_reader (const char  *path,
             GError     **error)
{
  g_autofree char *uri = dup_read_only_uri (path);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  configure_connection (db, TRUE);

  return db;
}

/* PRAGMA user_version of @db, an open connection to @path, with a message
 * fit to show when it is no database; then refuses a newer schema. */
static gboolean
read_known_version (sqlite3     *db,
                    const char  *path,
                    int         *version,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int ours = _cwb_store_get_schema_version ();
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if (sqlite3_errcode (db) == SQLITE_NOTADB)
        g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                     _("“%s” is not a workspace database (%s)"),
                     path, sqlite3_errmsg (db));
      else
        g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                     _("Could not read the workspace database “%s”: %s"),
                     path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (*version > ours)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA,
                   _("The workspace database “%s” was written by a newer version of this "
                     "application (schema %d; this version knows schema %d). It was left unchanged."),
                   path, *version, ours);
      return FALSE;
    }

  return TRUE;
}

/* The schema version of @path, read without writing anything. */
static gboolean
probe_version (const char  *path,
               int         *version,
               GError     **error)
{
  sqlite3 *db = open_reader (path, error);
  gboolean known;

  if (db == NULL)
    return FALSE;

  known = read_known_version (db, path, version, error);
  sqlite3_close (db);

  return known;
}

/**
 * cwb_store_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens (creating it and its folder if needed) and migrates the workspace
 * database. The folder is created 0700 and the file 0600; SQLite gives its
 * -wal and -shm files the mode of the database. An existing file, -wal or
 * -shm readable by others is made 0600, and the folder 0700 when it is the
 * application's own (that of cwb_store_dup_default_path(); never one a
 * database was put in by its path). Nothing is written before the schema
 * version is known, and it is read without a writable connection: a
 * database of a newer schema fails with %CWB_ERROR_NEWER_SCHEMA and is left
 * byte-for-byte untouched, its -wal and -shm too.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CwbStore *
cwb_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CwbStore) self = NULL;
  g_autofree char *dir = NULL;
  int version;
  int ours = _cwb_store_get_schema_version ();
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!create_private_file (path, error))
    return NULL;

  /* A writable connection that closes checkpoints a pending -wal into the
   * file (and removes the -wal): the version is known before there is one. */
  if (!probe_version (path, &version, error))
    return NULL;

  tighten_modes (path);

  self = g_object_new (CWB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, error);
      return NULL;
    }

  /* Only reads until the version is known again (another process may have
   * upgraded the file since the probe), and closes without a checkpoint
   * until then: journal_mode=WAL alone would rewrite the header of a file
   * we must not touch. */
  configure_connection (self->db, TRUE);
  if (!read_known_version (self->db, path, &version, error))
    return NULL;
  configure_connection (self->db, FALSE);

  if (!store_exec_cached (self, "PRAGMA journal_mode = WAL", error) ||
      !store_exec_cached (self, "PRAGMA foreign_keys = ON", error) ||
      !store_exec_cached (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (version < ours && !store_apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* (transfer full): a database in memory with what @reader reads; one read
 * transaction, so a consistent copy even while another process writes */
static sqlite3 *
copy_into_memory (const char  *path,
                  sqlite3     *reader,
                  GError     **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", reader, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (memory);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not read the workspace database “%s”: %s"),
                   path, sqlite3_errstr (rc));
      sqlite3_close (memory);
      return NULL;
    }

  configure_connection (memory, TRUE);

  return memory;
}

/**
 * cwb_store_open_read_only:
 * @path: an existing database file
 * @error: return location for a #GError
 *
 * Opens a workspace database only to read it, for what never changes it
 * (`check --db`, `export`). Nothing is written or created — not the file,
 * not its -wal or -shm, not its folder — so this also works when the file
 * or its folder cannot be written; commits still in the -wal are read.
 * Every write fails with %CWB_ERROR_READ_ONLY: the store's own, a
 * plugin's statements and cwb_store_run_in_transaction(). On a database of
 * this version's schema, cwb_store_migrate_plugin() writes nothing either:
 * it succeeds when the plugin's tables are current and fails with
 * %CWB_ERROR_READ_ONLY when they are missing or older (the plugin then
 * has nothing to read).
 *
 * A database of an older schema is not refused: it is copied into memory
 * (SQLite's backup, one consistent read) and migrated there, plugins'
 * tables included, so it reads as the migrated file would; the file stays
 * as it is. A database of a newer schema fails with
 * %CWB_ERROR_NEWER_SCHEMA, no file with %CWB_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CwbStore *
cwb_store_open_read_only (const char  *path,
                          GError     **error)
{
  g_autoptr(CwbStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no workspace database “%s”"), path);
      return NULL;
    }

  self = g_object_new (CWB_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;

  if ((self->db = open_reader (path, error)) == NULL ||
      !read_known_version (self->db, path, &version, error))
    return NULL;

  if (version < _cwb_store_get_schema_version ())
    {
      sqlite3 *memory = copy_into_memory (path, self->db, error);
      gboolean migrated;

      if (memory == NULL)
        return NULL;

      /* no statement of the store was prepared on the reader yet */
      sqlite3_close (self->db);
      self->db = memory;
      self->in_memory = TRUE;

      if (!store_exec_cached (self, "PRAGMA foreign_keys = ON", error))
        return NULL;

      self->migrating = TRUE;
      migrated = store_apply_migrations (self, error);
      self->migrating = FALSE;
      if (!migrated)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cwb_store_is_read_only:
 * @self: a #CwbStore
 *
 * Returns: whether @self was opened with cwb_store_open_read_only()
 */
gboolean
cwb_store_is_read_only (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);

  return self->read_only;
}

const char *
cwb_store_get_path (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return self->path;
}
