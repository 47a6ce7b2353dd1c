/* cwb-statement.c — one SQL statement of a plugin, on the store's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-statement-private.h"
#include "cwb-store-private.h"

struct _CwbStatement
{
  GObject       parent_instance;

  /* owned; NULL once the store closed */
  sqlite3_stmt *stmt;
  /* not owned: valid while stmt is (the store detaches its statements) */
  CwbStore     *store;
  char         *path;
  char         *plugin_id;

  /* of the last step that finished a write */
  gint64        changes;
  gint64        last_insert_id;
};

G_DEFINE_FINAL_TYPE (CwbStatement, cwb_statement, G_TYPE_OBJECT)

static int
param_index (CwbStatement *self,
             const char   *name)
{
  int index = sqlite3_bind_parameter_index (self->stmt, name);

  if (index == 0)
    g_critical ("The plugin “%s” bound %s, which “%s” does not have",
                self->plugin_id, name, sqlite3_sql (self->stmt));

  return index;
}

static gboolean
column_ok (CwbStatement *self,
           int           column)
{
  return column >= 0 && column < sqlite3_column_count (self->stmt);
}

static void
cwb_statement_finalize (GObject *object)
{
  CwbStatement *self = (CwbStatement *) object;

  _cwb_statement_detach (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->plugin_id, g_free);

  G_OBJECT_CLASS (cwb_statement_parent_class)->finalize (object);
}

static void
cwb_statement_class_init (CwbStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_statement_finalize;
}

static void
cwb_statement_init (CwbStatement *self)
{
}

CwbStatement *
_cwb_statement_new (sqlite3_stmt *stmt,
                    CwbStore     *store,
                    const char   *plugin_id)
{
  CwbStatement *self = g_object_new (CWB_TYPE_STATEMENT, NULL);

  self->stmt = stmt;
  self->store = store;
  self->path = g_strdup (cwb_store_get_path (store));
  self->plugin_id = g_strdup (plugin_id);

  return self;
}

void
_cwb_statement_detach (CwbStatement *self)
{
  g_assert (CWB_IS_STATEMENT (self));

  g_clear_pointer (&self->stmt, sqlite3_finalize);
  self->store = NULL;
}

/**
 * cwb_statement_bind_text:
 * @self: a #CwbStatement
 * @name: a parameter of the SQL, e.g. ":name"
 * @value: (nullable): the text (copied), or %NULL for SQL NULL
 */
void
cwb_statement_bind_text (CwbStatement *self,
                         const char   *name,
                         const char   *value)
{
  int index;

  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);
  g_return_if_fail (name != NULL);

  if ((index = param_index (self, name)) == 0)
    return;

  if (value == NULL)
    sqlite3_bind_null (self->stmt, index);
  else
    sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

/**
 * cwb_statement_bind_int64:
 * @self: a #CwbStatement
 * @name: a parameter of the SQL
 * @value: the number
 */
void
cwb_statement_bind_int64 (CwbStatement *self,
                          const char   *name,
                          gint64        value)
{
  int index;

  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);
  g_return_if_fail (name != NULL);

  if ((index = param_index (self, name)) != 0)
    sqlite3_bind_int64 (self->stmt, index, value);
}

/**
 * cwb_statement_bind_double:
 * @self: a #CwbStatement
 * @name: a parameter of the SQL
 * @value: the number
 */
void
cwb_statement_bind_double (CwbStatement *self,
                           const char   *name,
                           double        value)
{
  int index;

  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);
  g_return_if_fail (name != NULL);

  if ((index = param_index (self, name)) != 0)
    sqlite3_bind_double (self->stmt, index, value);
}

/**
 * cwb_statement_bind_blob:
 * @self: a #CwbStatement
 * @name: a parameter of the SQL
 * @value: (nullable): the bytes (copied), or %NULL for SQL NULL
 */
void
cwb_statement_bind_blob (CwbStatement *self,
                         const char   *name,
                         GBytes       *value)
{
  const void *data;
  gsize size;
  int index;

  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);
  g_return_if_fail (name != NULL);

  if ((index = param_index (self, name)) == 0)
    return;

  if (value == NULL)
    {
      sqlite3_bind_null (self->stmt, index);
      return;
    }

  data = g_bytes_get_data (value, &size);
  /* an empty blob is a blob, not NULL */
  if (size == 0)
    sqlite3_bind_zeroblob (self->stmt, index, 0);
  else
    sqlite3_bind_blob64 (self->stmt, index, data, size, SQLITE_TRANSIENT);
}

/**
 * cwb_statement_bind_null:
 * @self: a #CwbStatement
 * @name: a parameter of the SQL
 */
void
cwb_statement_bind_null (CwbStatement *self,
                         const char   *name)
{
  int index;

  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);
  g_return_if_fail (name != NULL);

  if ((index = param_index (self, name)) != 0)
    sqlite3_bind_null (self->stmt, index);
}

/**
 * cwb_statement_step:
 * @self: a #CwbStatement
 * @error: return location for a #GError
 *
 * Runs the statement to its next row.
 *
 * Returns: %TRUE when there is a row to read; %FALSE when the statement is
 *   done (@error not set) or failed (@error set)
 */
gboolean
cwb_statement_step (CwbStatement  *self,
                    GError       **error)
{
  sqlite3 *db;
  int rc;
  int code;

  g_return_val_if_fail (CWB_IS_STATEMENT (self), FALSE);
  g_return_val_if_fail (self->stmt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* a write from a source the main loop dispatched inside another
   * change's transaction would join it (cwb-store.c) */
  if (!sqlite3_stmt_readonly (self->stmt) && !sqlite3_stmt_busy (self->stmt) &&
      !_cwb_store_check_writer (self->store, error))
    return FALSE;

  db = sqlite3_db_handle (self->stmt);
  rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    {
      if (!sqlite3_stmt_readonly (self->stmt))
        {
          self->changes = sqlite3_changes64 (db);
          self->last_insert_id = self->changes > 0 ? sqlite3_last_insert_rowid (db) : 0;
        }
      sqlite3_reset (self->stmt);
      return FALSE;
    }

  switch (sqlite3_extended_errcode (db))
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = CWB_ERROR_EXISTS;
      break;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      code = CWB_ERROR_NOT_FOUND;
      break;

    default:
      code = CWB_ERROR_STORE;
      break;
    }

  g_set_error (error, CWB_ERROR, code,
               _("The plugin “%s” failed in the workspace database “%s”: %s"),
               self->plugin_id, self->path, sqlite3_errmsg (db));
  sqlite3_reset (self->stmt);

  return FALSE;
}

/**
 * cwb_statement_reset:
 * @self: a #CwbStatement
 *
 * Back to before the first step, with no values bound.
 */
void
cwb_statement_reset (CwbStatement *self)
{
  g_return_if_fail (CWB_IS_STATEMENT (self));
  g_return_if_fail (self->stmt != NULL);

  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
}

/**
 * cwb_statement_get_n_columns:
 * @self: a #CwbStatement
 *
 * Returns: the number of columns of its rows (0 for a statement without)
 */
int
cwb_statement_get_n_columns (CwbStatement *self)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), 0);
  g_return_val_if_fail (self->stmt != NULL, 0);

  return sqlite3_column_count (self->stmt);
}

/**
 * cwb_statement_get_is_null:
 * @self: a #CwbStatement with a row
 * @column: the column, from 0
 *
 * Returns: whether the column of the current row is NULL
 */
gboolean
cwb_statement_get_is_null (CwbStatement *self,
                           int           column)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), TRUE);
  g_return_val_if_fail (self->stmt != NULL, TRUE);
  g_return_val_if_fail (column_ok (self, column), TRUE);

  return sqlite3_column_type (self->stmt, column) == SQLITE_NULL;
}

/**
 * cwb_statement_get_text:
 * @self: a #CwbStatement with a row
 * @column: the column, from 0
 *
 * Returns: (nullable) (transfer none): the column as UTF-8 text, valid until
 *   the next step or reset; %NULL when it is NULL
 */
const char *
cwb_statement_get_text (CwbStatement *self,
                        int           column)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (self->stmt != NULL, NULL);
  g_return_val_if_fail (column_ok (self, column), NULL);

  return (const char *) sqlite3_column_text (self->stmt, column);
}

/**
 * cwb_statement_get_int64:
 * @self: a #CwbStatement with a row
 * @column: the column, from 0
 *
 * Returns: the column as an integer (0 when NULL)
 */
gint64
cwb_statement_get_int64 (CwbStatement *self,
                         int           column)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), 0);
  g_return_val_if_fail (self->stmt != NULL, 0);
  g_return_val_if_fail (column_ok (self, column), 0);

  return sqlite3_column_int64 (self->stmt, column);
}

/**
 * cwb_statement_get_double:
 * @self: a #CwbStatement with a row
 * @column: the column, from 0
 *
 * Returns: the column as a floating-point number (0.0 when NULL)
 */
double
cwb_statement_get_double (CwbStatement *self,
                          int           column)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), 0.0);
  g_return_val_if_fail (self->stmt != NULL, 0.0);
  g_return_val_if_fail (column_ok (self, column), 0.0);

  return sqlite3_column_double (self->stmt, column);
}

/**
 * cwb_statement_dup_bytes:
 * @self: a #CwbStatement with a row
 * @column: the column, from 0
 *
 * Returns: (nullable) (transfer full): a copy of the column as bytes;
 *   %NULL when it is NULL
 */
GBytes *
cwb_statement_dup_bytes (CwbStatement *self,
                         int           column)
{
  const void *data;
  int size;

  g_return_val_if_fail (CWB_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (self->stmt != NULL, NULL);
  g_return_val_if_fail (column_ok (self, column), NULL);

  if (sqlite3_column_type (self->stmt, column) == SQLITE_NULL)
    return NULL;

  /* blob first, then its size (SQLite's rule for conversions) */
  data = sqlite3_column_blob (self->stmt, column);
  size = sqlite3_column_bytes (self->stmt, column);

  return g_bytes_new (data, size);
}

/**
 * cwb_statement_get_changes:
 * @self: a #CwbStatement
 *
 * Returns: how many rows the last finished run of this INSERT, UPDATE or
 *   DELETE changed (0 before any finished)
 */
gint64
cwb_statement_get_changes (CwbStatement *self)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), 0);

  return self->changes;
}

/**
 * cwb_statement_get_last_insert_id:
 * @self: a #CwbStatement
 *
 * Returns: after an INSERT that finished, the rowid of the last row it
 *   inserted; 0 when it inserted none
 */
gint64
cwb_statement_get_last_insert_id (CwbStatement *self)
{
  g_return_val_if_fail (CWB_IS_STATEMENT (self), 0);

  return self->last_insert_id;
}
