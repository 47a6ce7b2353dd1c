/* cwb-store-sandbox.c — the plugins' own SQL: prepared under an authorizer
 * that lets a plugin write only its own tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-error.h"
#include "cwb-statement-private.h"
#include "cwb-store-private.h"

/* ------------------------------------------------------------------ */
/* plugins' own SQL                                                    */

/* Whether @table is one of @plugin_id's: "<plugin_id>_…", any case */
static gboolean
is_plugin_table (const char *plugin_id,
                 const char *table)
{
  gsize length = strlen (plugin_id);

  return table != NULL &&
         g_ascii_strncasecmp (table, plugin_id, length) == 0 &&
         table[length] == '_' && table[length + 1] != '\0';
}

/* The authorizer while a plugin's statement is prepared: it may read (also
 * the host's tables, which its foreign keys need), call functions and
 * write its own tables; no schema changes (cwb_store_migrate_plugin()),
 * transactions (cwb_store_run_in_transaction()), PRAGMA or ATTACH. */
static int
plugin_authorizer (void       *user_data,
                   int         action,
                   const char *arg1,
                   const char *arg2,
                   const char *database,
                   const char *trigger)
{
  CwbStore *self = user_data;
  const char *plugin_id = self->auth_plugin_id;

  switch (action)
    {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;

    case SQLITE_PRAGMA:
      /* read-only, and what FTS5 asks when it connects a table */
      if (g_strcmp0 (arg1, "data_version") == 0 && arg2 == NULL)
        return SQLITE_OK;
      break;

    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      if (is_plugin_table (plugin_id, arg1) && g_strcmp0 (database, "main") == 0)
        return SQLITE_OK;
      /* SQLite's own bookkeeping (e.g. when a virtual table is first
       * connected); a schema change is refused by its own action code
       * (CREATE, DROP, ALTER) below, so this lets nothing more through */
      if (arg1 != NULL && g_ascii_strncasecmp (arg1, "sqlite_", strlen ("sqlite_")) == 0)
        return SQLITE_OK;
      if (self->auth_refusal == NULL)
        self->auth_refusal = g_strdup_printf (_("the plugin “%s” may write only its own tables, "
                                                "whose names begin with “%s_”, not “%s”"),
                                              plugin_id, plugin_id, arg1);
      return SQLITE_DENY;

    default:
      break;
    }

  if (self->auth_refusal == NULL)
    self->auth_refusal = g_strdup_printf (_("the plugin “%s” may not change the schema, open "
                                            "transactions or run PRAGMA or ATTACH in its SQL; "
                                            "its tables come from its migration steps"),
                                          plugin_id);
  return SQLITE_DENY;
}

/**
 * cwb_store_prepare:
 * @self: a #CwbStore
 * @plugin_id: the plugin's module name, as in cwb_store_migrate_plugin()
 * @sql: one SQL statement with named parameters
 * @error: return location for a #GError
 *
 * Prepares a plugin's own SQL on the store's connection, once: a second
 * call with the same @plugin_id and @sql returns the same statement, reset
 * with nothing bound. The SQL may read any table but write only the
 * plugin's own, created by its cwb_store_migrate_plugin() steps with names
 * beginning with "@plugin_id_"; statements that change the schema, open or
 * end transactions, or run PRAGMA or ATTACH are refused
 * (%CWB_ERROR_PLUGIN), as is text with more than one statement. The host's
 * tables are not part of the API: read them only for foreign keys to
 * `consortium (id)`. SQL SQLite cannot prepare (a syntax error, a table
 * that does not exist) fails with %CWB_ERROR_STORE naming the reason.
 *
 * Returns: (transfer none): the statement, owned by the store and valid as
 *   long as it, or %NULL with @error set
 */
CwbStatement *
cwb_store_prepare (CwbStore     *self,
                   const char   *plugin_id,
                   const char   *sql,
                   GError      **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt = NULL;
  CwbStatement *statement;
  const char *tail = NULL;
  int rc;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (plugin_id != NULL && *plugin_id != '\0', NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = g_strconcat (plugin_id, "\n", sql, NULL);
  statement = g_hash_table_lookup (self->plugin_statements, key);
  if (statement != NULL)
    {
      cwb_statement_reset (statement);
      return statement;
    }

  g_clear_pointer (&self->auth_refusal, g_free);
  self->auth_plugin_id = plugin_id;
  sqlite3_set_authorizer (self->db, plugin_authorizer, self);
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  sqlite3_set_authorizer (self->db, NULL, NULL);
  self->auth_plugin_id = NULL;

  if (rc != SQLITE_OK && self->auth_refusal != NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                   _("The workspace database refused the SQL of the plugin “%s”: %s"),
                   plugin_id, self->auth_refusal);
      g_clear_pointer (&self->auth_refusal, g_free);
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("The workspace database “%s” could not prepare the SQL of the plugin “%s”: %s"),
                   self->path, plugin_id, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;

  if (stmt == NULL || (tail != NULL && *tail != '\0'))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                   _("The workspace database refused the SQL of the plugin “%s”: "
                     "it must be exactly one statement"),
                   plugin_id);
      sqlite3_finalize (stmt);
      return NULL;
    }

  statement = _cwb_statement_new (stmt, self, plugin_id);
  g_hash_table_insert (self->plugin_statements, g_steal_pointer (&key), statement);

  return statement;
}
