/* cwb-store-migrations.c — the store's schema and the plugins' schemas,
 * brought up to date step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-error.h"
#include "cwb-store-private.h"

#define MIGRATIONS_PATH "/io/github/cwb/libcwb/migrations"

/* ------------------------------------------------------------------ */
/* migrations                                                          */

static int
migration_number (const char *name)
{
  char *end = NULL;
  guint64 number;

  if (!g_ascii_isdigit (name[0]) || !g_str_has_suffix (name, ".sql"))
    return -1;

  number = g_ascii_strtoull (name, &end, 10);
  if (end == name || *end != '-' || number == 0 || number > G_MAXINT)
    return -1;

  return (int) number;
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return migration_number (*(const char * const *) a) - migration_number (*(const char * const *) b);
}

/* (transfer full): the migration file names, in order */
static GPtrArray *
list_migrations (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *migrations = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("The migrations are missing from the library's resources: %s", error->message);

  for (guint i = 0; names[i] != NULL; i++)
    if (migration_number (names[i]) > 0)
      g_ptr_array_add (migrations, g_strdup (names[i]));

  g_ptr_array_sort (migrations, compare_migrations);

  return migrations;
}

int
_cwb_store_get_schema_version (void)
{
  static int version = 0;

  if (version == 0)
    {
      g_autoptr(GPtrArray) migrations = list_migrations ();

      g_assert (migrations->len > 0);
      version = migration_number (g_ptr_array_index (migrations, migrations->len - 1));
    }

  return version;
}

static gboolean
read_user_version (CwbStore  *self,
                   int       *version,
                   GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "PRAGMA user_version", error);
  gboolean has_row;

  if (stmt == NULL || !store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *version = has_row ? sqlite3_column_int (stmt, 0) : 0;

  return TRUE;
}

gboolean
store_apply_migrations (CwbStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  g_autofree char *set_version = NULL;
  int target = _cwb_store_get_schema_version ();
  int version;

  if (!store_begin (self, error))
    return FALSE;

  /* another process may have migrated while we were opening */
  if (!read_user_version (self, &version, error))
    goto failed;

  if (version >= target)
    return store_commit (self, error) || (store_rollback (self), FALSE);

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;
      char *message = NULL;

      if (migration_number (name) <= version)
        continue;

      resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);

      /* resource data is always followed by a NUL byte */
      if (sqlite3_exec (self->db, g_bytes_get_data (bytes, NULL), NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("Could not update the workspace database “%s” with step %s: %s"),
                       self->path, name, message);
          sqlite3_free (message);
          goto failed;
        }
    }

  /* PRAGMA takes no parameters */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
  if (sqlite3_exec (self->db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      store_set_error (self, error);
      goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  g_debug ("Migrated %s from schema %d to %d", self->path, version, target);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

static gboolean
read_plugin_version (CwbStore    *self,
                     const char  *plugin_id,
                     int         *version,
                     GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT version FROM plugin_schema WHERE plugin_id = :plugin_id", error);
  if (stmt == NULL)
    return FALSE;

  store_bind_text (stmt, ":plugin_id", plugin_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *version = has_row ? sqlite3_column_int (stmt, 0) : 0;

  return TRUE;
}

static void
set_plugin_newer_error (const char  *plugin_id,
                        int          version,
                        guint        n_steps,
                        GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA,
               _("The tables of the plugin “%s” were written by a newer version of it "
                 "(schema %d; this version knows schema %u)"),
               plugin_id, version, n_steps);
}

/* On a store open read-only on its file: only whether the plugin's
 * tables are current, without a transaction (one that writes nothing). */
static gboolean
check_plugin_current (CwbStore    *self,
                      const char  *plugin_id,
                      guint        n_steps,
                      GError     **error)
{
  int version;

  if (!read_plugin_version (self, plugin_id, &version, error))
    return FALSE;

  if (version > (int) n_steps)
    {
      set_plugin_newer_error (plugin_id, version, n_steps, error);
      return FALSE;
    }

  if (version < (int) n_steps)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY,
                   _("The tables of the plugin “%s” are missing or older (schema %d, not %u), "
                     "and the workspace database “%s” is open only for reading"),
                   plugin_id, version, n_steps, self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_plugin (CwbStore            *self,
                const char          *plugin_id,
                const char * const  *steps,
                guint                n_steps,
                GError             **error)
{
  int version;

  if (!store_begin (self, error))
    return FALSE;

  if (!read_plugin_version (self, plugin_id, &version, error))
    goto failed;

  if (version > (int) n_steps)
    {
      set_plugin_newer_error (plugin_id, version, n_steps, error);
      goto failed;
    }

  if (version == (int) n_steps)
    return store_commit (self, error) || (store_rollback (self), FALSE);

  for (guint i = version; i < n_steps; i++)
    {
      char *message = NULL;

      if (sqlite3_exec (self->db, steps[i], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("Could not update the tables of the plugin “%s” to schema %u: %s"),
                       plugin_id, i + 1, message);
          sqlite3_free (message);
          goto failed;
        }

      /* a step must not end the transaction it runs in */
      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                       _("Step %u of the plugin “%s” ended the transaction it runs in"),
                       i + 1, plugin_id);
          goto failed;
        }
    }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "INSERT INTO plugin_schema (plugin_id, version) VALUES (:plugin_id, :version) "
                          "ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version",
                          error);
    if (stmt == NULL)
      goto failed;

    store_bind_text (stmt, ":plugin_id", plugin_id);
    store_bind_int64 (stmt, ":version", n_steps);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  if (!store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_migrate_plugin:
 * @self: a #CwbStore
 * @plugin_id: the plugin's module name
 * @steps: (array zero-terminated=1): @steps[i] brings the plugin's schema
 *   from version i to i + 1
 * @error: return location for a #GError
 *
 * Runs the steps the database has not seen yet, all in one transaction,
 * and records the plugin's new version; a failing step leaves everything
 * (tables and version) as it was. A database whose version for the plugin
 * is higher than the number of steps fails with %CWB_ERROR_NEWER_SCHEMA.
 *
 * On a store opened with cwb_store_open_read_only(), nothing is written:
 * current tables succeed, missing or older ones fail with
 * %CWB_ERROR_READ_ONLY, and a plugin then reads as if it had no rows.
 * (When the file had an older host schema, the store is a copy in memory,
 * and the steps run there.)
 *
 * Returns: %TRUE when the plugin's schema is current
 */
gboolean
cwb_store_migrate_plugin (CwbStore            *self,
                          const char          *plugin_id,
                          const char * const  *steps,
                          GError             **error)
{
  guint n_steps;
  gboolean migrated;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (plugin_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_steps = steps != NULL ? g_strv_length ((char **) steps) : 0;

  if (self->read_only && !self->in_memory)
    return check_plugin_current (self, plugin_id, n_steps, error);

  self->migrating = self->in_memory;
  migrated = migrate_plugin (self, plugin_id, steps, n_steps, error);
  self->migrating = FALSE;

  return migrated;
}

/* 0 when the plugin has no tables yet */
int
cwb_store_get_plugin_version (CwbStore   *self,
                              const char *plugin_id)
{
  g_autoptr(GError) error = NULL;
  int version = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), 0);
  g_return_val_if_fail (plugin_id != NULL, 0);

  if (!read_plugin_version (self, plugin_id, &version, &error))
    g_warning ("%s", error->message);

  return version;
}
