/* cwb-agreement-store.c — the agreement plugin's tables and all its SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-store"

#include "config.h"

#include "cwb-agreement-private.h"

#define PLUGIN_ID "agreement"

/* The plugin's tables: version 1 holds the scans and the user's clauses. */
static const char * const schema_steps[] = {
  "CREATE TABLE agreement_scan ("
  "  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,"
  "  uscc          TEXT    NOT NULL,"
  "  name          TEXT    NOT NULL,"
  "  media_type    TEXT    NOT NULL,"
  "  size          INTEGER NOT NULL,"
  "  sha256        TEXT    NOT NULL,"
  "  data          BLOB    NOT NULL,"
  "  PRIMARY KEY (consortium_id, uscc)"
  ") WITHOUT ROWID;"
  "CREATE TABLE agreement_clause ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  item          TEXT    NOT NULL,"
  "  title         TEXT    NOT NULL,"
  "  note          TEXT,"
  "  text          TEXT    NOT NULL"
  ");"
  "CREATE INDEX agreement_clause_item ON agreement_clause (item, id);",
  NULL
};

#define MIGRATED_KEY "cwb-agreement-migrated"

/* @sql on @store's connection, the plugin's tables migrated first (once
 * per store). (transfer none) */
static CwbStatement *
prepare (CwbStore    *store,
         const char  *sql,
         GError     **error)
{
  if (g_object_get_data (G_OBJECT (store), MIGRATED_KEY) == NULL)
    {
      if (!cwb_store_migrate_plugin (store, PLUGIN_ID, schema_steps, error))
        return NULL;
      g_object_set_data (G_OBJECT (store), MIGRATED_KEY, GINT_TO_POINTER (TRUE));
    }

  return cwb_store_prepare (store, PLUGIN_ID, sql, error);
}

/* @sql, a read: on a store open read-only whose plugin tables are missing
 * or older there is nothing to read, which is no error: TRUE with *stmt
 * NULL. */
static gboolean
prepare_read (CwbStore      *store,
              const char    *sql,
              CwbStatement **stmt,
              GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if ((*stmt = prepare (store, sql, &local_error)) != NULL ||
      g_error_matches (local_error, CWB_ERROR, CWB_ERROR_READ_ONLY))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Runs a statement that returns no rows. */
static gboolean
run (CwbStatement  *stmt,
     GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  while (cwb_statement_step (stmt, &local_error))
    ;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cwb_agreement_store_put_scan (CwbStore    *store,
                               gint64       consortium_id,
                               const char  *uscc,
                               const char  *name,
                               const char  *media_type,
                               const char  *sha256,
                               GBytes      *data,
                               GError     **error)
{
  CwbStatement *stmt;

  stmt = prepare (store,
                  "INSERT INTO agreement_scan (consortium_id, uscc, name, media_type, size, sha256, data) "
                  "VALUES (:consortium_id, :uscc, :name, :media_type, :size, :sha256, :data) "
                  "ON CONFLICT (consortium_id, uscc) DO UPDATE SET name = excluded.name, "
                  "media_type = excluded.media_type, size = excluded.size, "
                  "sha256 = excluded.sha256, data = excluded.data",
                  error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":consortium_id", consortium_id);
  cwb_statement_bind_text (stmt, ":uscc", uscc);
  cwb_statement_bind_text (stmt, ":name", name);
  cwb_statement_bind_text (stmt, ":media_type", media_type);
  cwb_statement_bind_int64 (stmt, ":size", (gint64) g_bytes_get_size (data));
  cwb_statement_bind_text (stmt, ":sha256", sha256);
  cwb_statement_bind_blob (stmt, ":data", data);

  return run (stmt, error);
}

gboolean
_cwb_agreement_store_get_scan (CwbStore    *store,
                               gint64       consortium_id,
                               const char  *uscc,
                               GBytes     **data,
                               char       **sha256,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  CwbStatement *stmt;

  *data = NULL;
  *sha256 = NULL;

  if (!prepare_read (store,
                     "SELECT data, sha256 FROM agreement_scan "
                     "WHERE consortium_id = :consortium_id AND uscc = :uscc",
                     &stmt, error))
    return FALSE;
  if (stmt == NULL)
    return TRUE;

  cwb_statement_bind_int64 (stmt, ":consortium_id", consortium_id);
  cwb_statement_bind_text (stmt, ":uscc", uscc);

  if (cwb_statement_step (stmt, &local_error))
    {
      *data = cwb_statement_dup_bytes (stmt, 0);
      *sha256 = g_strdup (cwb_statement_get_text (stmt, 1));
      cwb_statement_reset (stmt);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cwb_agreement_store_delete_scan (CwbStore    *store,
                                  gint64       consortium_id,
                                  const char  *uscc,
                                  gboolean    *deleted,
                                  GError     **error)
{
  CwbStatement *stmt;

  *deleted = FALSE;

  stmt = prepare (store,
                  "DELETE FROM agreement_scan WHERE consortium_id = :consortium_id AND uscc = :uscc",
                  error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":consortium_id", consortium_id);
  cwb_statement_bind_text (stmt, ":uscc", uscc);
  if (!run (stmt, error))
    return FALSE;

  *deleted = cwb_statement_get_changes (stmt) > 0;

  return TRUE;
}

gboolean
_cwb_agreement_store_list_clauses (CwbStore                *store,
                                   const char              *item_key,
                                   CwbAgreementClauseRowFunc func,
                                   gpointer                 user_data,
                                   GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  CwbStatement *stmt;

  if (!prepare_read (store,
                     "SELECT id, title, note, text FROM agreement_clause WHERE item = :item ORDER BY id",
                     &stmt, error))
    return FALSE;
  if (stmt == NULL)
    return TRUE;

  cwb_statement_bind_text (stmt, ":item", item_key);
  while (cwb_statement_step (stmt, &local_error))
    func (cwb_statement_get_int64 (stmt, 0),
          cwb_statement_get_text (stmt, 1),
          cwb_statement_get_text (stmt, 2),
          cwb_statement_get_text (stmt, 3),
          user_data);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
_cwb_agreement_store_insert_clause (CwbStore    *store,
                                    const char  *item_key,
                                    const char  *title,
                                    const char  *note,
                                    const char  *text,
                                    gint64      *id,
                                    GError     **error)
{
  CwbStatement *stmt;

  *id = 0;

  stmt = prepare (store,
                  "INSERT INTO agreement_clause (item, title, note, text) "
                  "VALUES (:item, :title, :note, :text)",
                  error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_text (stmt, ":item", item_key);
  cwb_statement_bind_text (stmt, ":title", title);
  cwb_statement_bind_text (stmt, ":note", note);
  cwb_statement_bind_text (stmt, ":text", text);
  if (!run (stmt, error))
    return FALSE;

  *id = cwb_statement_get_last_insert_id (stmt);

  return TRUE;
}

gboolean
_cwb_agreement_store_delete_clause (CwbStore    *store,
                                    gint64       id,
                                    gboolean    *deleted,
                                    GError     **error)
{
  CwbStatement *stmt;

  *deleted = FALSE;

  stmt = prepare (store, "DELETE FROM agreement_clause WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":id", id);
  if (!run (stmt, error))
    return FALSE;

  *deleted = cwb_statement_get_changes (stmt) > 0;

  return TRUE;
}
