/* cwb-store.c — the workspace database (one SQLite file)
 *
 * The object, its statements, its transactions and its change
 * announcements; the rest is in the cwb-store-*.c files
 * (cwb-store-private.h lists them)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-consortium-file-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-json-private.h"
#include "cwb-statement-private.h"
#include "cwb-store-private.h"

G_DEFINE_FINAL_TYPE (CwbStore, cwb_store, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CwbStoreChange, cwb_store_change, cwb_store_change_copy, cwb_store_change_free)

enum {
  CHANGED,
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
store_statement_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* ------------------------------------------------------------------ */
/* errors                                                              */

void
store_set_error (CwbStore  *self,
                 GError   **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("The workspace database “%s” failed: %s"),
               self->path, sqlite3_errmsg (self->db));
}

gboolean
store_is_unique_violation (CwbStore *self)
{
  return sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE ||
         sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY;
}

void
store_set_no_consortium_error (gint64   id,
                               GError **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
               _("There is no consortium with id %lld in the workspace"), (long long) id);
}

/* ------------------------------------------------------------------ */
/* statements                                                          */

StoreStatement *
store_prepare (CwbStore    *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (CWB_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      store_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static int
param_index (sqlite3_stmt *stmt,
             const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_error ("No parameter %s in “%s”", name, sqlite3_sql (stmt));

  return index;
}

void
store_bind_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = param_index (stmt, name);

  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
store_bind_int64 (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  sqlite3_bind_int64 (stmt, param_index (stmt, name), value);
}

/* CWB_UNKNOWN is stored as NULL */
void
store_bind_figure (sqlite3_stmt *stmt,
                   const char   *name,
                   gint64        value)
{
  if (value == CWB_UNKNOWN)
    sqlite3_bind_null (stmt, param_index (stmt, name));
  else
    store_bind_int64 (stmt, name, value);
}

const char *
store_column_text (sqlite3_stmt *stmt,
                   int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gint64
store_column_figure (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CWB_UNKNOWN;

  return sqlite3_column_int64 (stmt, column);
}

/* Steps a statement that returns no rows. */
gboolean
store_step_done (CwbStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      store_set_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Steps to the next row: TRUE with *has_row set, or FALSE on error. */
gboolean
store_step_row (CwbStore      *self,
                sqlite3_stmt  *stmt,
                gboolean      *has_row,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }

  *has_row = FALSE;

  if (rc == SQLITE_DONE)
    return TRUE;

  store_set_error (self, error);
  return FALSE;
}

gboolean
store_exec_cached (CwbStore    *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  return store_step_done (self, stmt, error);
}

/* ------------------------------------------------------------------ */
/* transactions                                                        */

/* Transactions nest: the outermost is a real one (BEGIN IMMEDIATE for a
 * write, BEGIN DEFERRED for a read), an inner one is a SAVEPOINT inside it;
 * so the store's own writes may run inside a plugin's transaction
 * (cwb_store_run_in_transaction()). Changes are announced when the
 * outermost commits (store_emit_changes()). */

static gboolean
store_begin_as (CwbStore    *self,
                const char  *outermost,
                GError     **error)
{
  g_assert (self->depth > 0 || sqlite3_get_autocommit (self->db));

  if (!store_exec_cached (self, self->depth == 0 ? outermost : "SAVEPOINT cwb_nested", error))
    return FALSE;

  if (self->depth == 0)
    self->main_depth = g_main_depth ();
  self->depth++;

  return TRUE;
}

/*
 * A transaction whose code runs the main loop (an import redrawing its
 * progress bar between rows) dispatches whatever else is due: a page's
 * autosave, say. A write from there would become part of that
 * transaction, reported as saved, and gone if the transaction rolled back
 * (the user cancelled the import). Such writes are refused instead, with
 * a message, and their caller can try again. g_main_depth() tells them
 * apart: the transaction's own writes run at the depth it began at.
 */
gboolean
_cwb_store_check_writer (CwbStore  *self,
                         GError   **error)
{
  if (self->read_only && !self->migrating)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY,
                   _("The workspace database “%s” is open only for reading; nothing was changed."),
                   self->path);
      return FALSE;
    }

  if (self->depth == 0 || g_main_depth () <= self->main_depth)
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_BUSY,
                       _("The workspace database is in the middle of another change; "
                         "try again when it is done."));
  return FALSE;
}

gboolean
store_begin (CwbStore  *self,
             GError   **error)
{
  return _cwb_store_check_writer (self, error) &&
         store_begin_as (self, "BEGIN IMMEDIATE", error);
}

gboolean
store_begin_read (CwbStore  *self,
                  GError   **error)
{
  return store_begin_as (self, "BEGIN DEFERRED", error);
}

static void emit_pending (CwbStore *self);
static void drop_pending (CwbStore *self);

/* On failure the transaction is still open: the caller rolls it back. */
gboolean
store_commit (CwbStore  *self,
              GError   **error)
{
  g_assert (self->depth > 0);

  if (!store_exec_cached (self, self->depth == 1 ? "COMMIT" : "RELEASE cwb_nested", error))
    return FALSE;

  self->depth--;
  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

void
store_rollback (CwbStore *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->depth > 0);

  /* SQLite may have rolled back the whole transaction already (e.g. after
   * SQLITE_FULL); then the outer levels fail to commit and roll back too */
  if (!sqlite3_get_autocommit (self->db))
    {
      if (self->depth == 1)
        store_exec_cached (self, "ROLLBACK", &error);
      else if (store_exec_cached (self, "ROLLBACK TO cwb_nested", &error))
        store_exec_cached (self, "RELEASE cwb_nested", &error);

      if (error != NULL)
        g_warning ("%s", error->message);
    }

  self->depth--;
  if (self->depth == 0)
    drop_pending (self);
}

/* ------------------------------------------------------------------ */
/* enums and JSON                                                      */

const char *
store_enum_to_nick (GType type,
                    int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* nicks are static strings of the generated enum code */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

int
store_enum_from_nick (GType       type,
                      const char *nick,
                      int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return enum_value != NULL ? enum_value->value : fallback;
}

/* The JSON columns hold the records in the consortium file's form
 * (cwb-consortium-file-private.h); here only the text around them. */
char *
store_json_column_text (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  return json_to_string (owned, FALSE);
}

/* json_from_string() for a column's text: refused, like a file, when it
 * nests too deep for json-glib's recursive parser */
JsonNode *
store_json_from_column (const char  *text,
                        GError     **error)
{
  if (!_cwb_json_check_depth (text, -1, CWB_JSON_MAX_DEPTH, error))
    return NULL;

  return json_from_string (text, error);
}

void
store_set_damaged_error (CwbStore    *self,
                         const char  *what,
                         GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("The workspace database “%s” is damaged: %s"), self->path, what);
}

/* One of the file module's readers of records */
typedef gboolean (*StoreRecordsReader) (JsonNode   *node,
                                   GPtrArray  *records,
                                   GError    **error);

/* Parses the JSON column @column of the current row and hands it to @read
 * with @records; NULL text reads nothing and gives *@present = FALSE. */
gboolean
store_column_records (CwbStore      *self,
                      sqlite3_stmt  *stmt,
                      int            column,
                      StoreRecordsReader  read,
                      GPtrArray     *records,
                      gboolean      *present,
                      GError       **error)
{
  const char *text = store_column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (present != NULL)
    *present = text != NULL;

  if (text == NULL)
    return TRUE;

  node = store_json_from_column (text, &local_error);
  if (node == NULL || !read (node, records, &local_error))
    {
      store_set_damaged_error (self, local_error->message, error);
      return FALSE;
    }

  return TRUE;
}

/* The same for a list of strings, given to @set */
gboolean
store_column_list (CwbStore       *self,
                   sqlite3_stmt   *stmt,
                   int             column,
                   const char     *key,
                   CwbConsortium  *consortium,
                   void          (*set) (CwbConsortium *, const char * const *),
                   GError        **error)
{
  const char *text = store_column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree const char **items = NULL;

  if (text == NULL)
    return TRUE;

  node = store_json_from_column (text, &local_error);
  if (node == NULL || !_cwb_strv_from_json (node, key, &items, &local_error))
    {
      store_set_damaged_error (self, local_error->message, error);
      return FALSE;
    }

  set (consortium, items);

  return TRUE;
}

/* Announces @changes, or, inside a transaction, when the outermost
 * commits. */
void
store_emit_changes (CwbStore            *self,
                    const PendingChange *changes,
                    guint                n_changes)
{
  if (self->depth > 0)
    {
      for (guint i = 0; i < n_changes; i++)
        {
          PendingChange queued = changes[i];

          queued.section = g_strdup (changes[i].section);
          g_array_append_val (self->pending, queued);
        }
      return;
    }

  for (guint i = 0; i < n_changes; i++)
    {
      g_signal_emit (self, signals[CHANGED], 0, changes[i].kind, changes[i].consortium_id);
      g_signal_emit (self, signals[COMMITTED], 0, &changes[i]);
    }
}

static void
clear_pending_change (gpointer data)
{
  PendingChange *change = data;

  g_clear_pointer (&change->section, g_free);
}

static GArray *
new_pending (void)
{
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  g_array_set_clear_func (pending, clear_pending_change);

  return pending;
}

static void
emit_pending (CwbStore *self)
{
  g_autoptr(GArray) pending = NULL;

  g_assert (self->depth == 0);

  if (self->pending->len == 0)
    return;

  /* a handler may write (and queue) again */
  pending = g_steal_pointer (&self->pending);
  self->pending = new_pending ();

  store_emit_changes (self, (const PendingChange *) (gpointer) pending->data, pending->len);
}

/* The outermost transaction rolled back: what was announced for later
 * never happened. */
static void
drop_pending (CwbStore *self)
{
  g_array_set_size (self->pending, 0);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cwb_store_finalize (GObject *object)
{
  CwbStore *self = (CwbStore *) object;
  GHashTableIter iter;
  gpointer statement;

  /* a plugin may still hold one of its statements: it dies with the store */
  g_hash_table_iter_init (&iter, self->plugin_statements);
  while (g_hash_table_iter_next (&iter, NULL, &statement))
    _cwb_statement_detach (statement);
  g_clear_pointer (&self->plugin_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->auth_refusal, g_free);
  g_clear_object (&self->rules);

  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cwb_store_parent_class)->finalize (object);
}

static void
cwb_store_class_init (CwbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_store_finalize;

  /**
   * CwbStore::changed:
   * @self: the store
   * @kind: a #CwbChange: what changed
   * @consortium_id: the consortium it is about
   *
   * Emitted after a write committed, synchronously, before the function
   * that wrote returns.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, CWB_TYPE_CHANGE, G_TYPE_INT64);

  /**
   * CwbStore::committed:
   * @self: the store
   * @change: (transfer none): what changed, precisely
   *
   * Emitted right after each #CwbStore::changed, with the positions of the
   * members, the section's key, and whether a consortium's members were
   * replaced (see #CwbStoreChange).
   */
  signals[COMMITTED] =
    g_signal_new ("committed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, CWB_TYPE_STORE_CHANGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cwb_store_init (CwbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, store_statement_finalize);
  self->plugin_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = new_pending ();
}

/**
 * CwbStoreTransactionFunc:
 * @store: the store
 * @user_data: the data given to cwb_store_run_in_transaction()
 * @error: return location for a #GError
 *
 * Returns: %TRUE to commit, %FALSE with @error set to roll back
 */

/**
 * cwb_store_run_in_transaction:
 * @self: a #CwbStore
 * @func: (scope call): what to do inside the transaction
 * @user_data: (closure): data for @func
 * @error: return location for a #GError
 *
 * Runs @func inside one write transaction on the store's connection: all
 * its writes land, or none. Inside, @func may run the plugin's statements
 * and call the store's own writes (cwb_store_set_section() …), which then
 * become part of this transaction, and may call this function again (a
 * savepoint: an inner failure the outer @func handles rolls back only the
 * inner part). The "changed" signals of everything inside are emitted
 * after the outermost transaction committed, and never if it rolled back.
 *
 * Returns: %TRUE when committed; %FALSE with @error set (@func's error)
 *   when it rolled back
 */
gboolean
cwb_store_run_in_transaction (CwbStore                *self,
                              CwbStoreTransactionFunc  func,
                              gpointer                 user_data,
                              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, &local_error))
    {
      store_rollback (self);
      if (local_error == NULL)
        g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_PLUGIN,
                             _("A plugin cancelled its change to the workspace database "
                               "without saying why"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error != NULL)
    {
      g_critical ("A CwbStoreTransactionFunc returned TRUE and set an error: %s",
                  local_error->message);
      g_clear_error (&local_error);
    }

  if (!store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_store_change_copy:
 * @self: a #CwbStoreChange
 *
 * Returns: (transfer full): a copy
 */
CwbStoreChange *
cwb_store_change_copy (const CwbStoreChange *self)
{
  CwbStoreChange *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->section = g_strdup (self->section);

  return copy;
}

/**
 * cwb_store_change_free:
 * @self: (transfer full): a #CwbStoreChange
 */
void
cwb_store_change_free (CwbStoreChange *self)
{
  if (self == NULL)
    return;

  g_free (self->section);
  g_free (self);
}
