/* cwb-store-sections.c — a consortium's file sections, the plugins' parts of
 * its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-error.h"
#include "cwb-store-private.h"

gboolean
store_write_section (CwbStore    *self,
                     gint64       consortium_id,
                     const char  *key,
                     JsonNode    *node,
                     GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autofree char *json = NULL;

  if (node == NULL)
    {
      stmt = store_prepare (self,
                            "DELETE FROM section WHERE consortium_id = :consortium_id AND key = :key",
                            error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = store_prepare (self,
                            "INSERT INTO section (consortium_id, key, json) "
                            "VALUES (:consortium_id, :key, :json) "
                            "ON CONFLICT (consortium_id, key) DO UPDATE SET json = excluded.json",
                            error);
      if (stmt == NULL)
        return FALSE;

      json = json_to_string (node, FALSE);
      store_bind_text (stmt, ":json", json);
    }

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  store_bind_text (stmt, ":key", key);

  return store_step_done (self, stmt, error);
}

/**
 * cwb_store_get_section:
 * @self: a #CwbStore
 * @consortium_id: the consortium
 * @key: the section's key
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the section, or %NULL (without an
 *   error) when the consortium has none of that key
 */
JsonNode *
cwb_store_get_section (CwbStore    *self,
                       gint64       consortium_id,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT json FROM section WHERE consortium_id = :consortium_id AND key = :key",
                        error);
  if (stmt == NULL)
    return NULL;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  store_bind_text (stmt, ":key", key);

  if (!store_step_row (self, stmt, &has_row, error) || !has_row)
    return NULL;

  node = store_json_from_column (store_column_text (stmt, 0), &parse_error);
  if (node == NULL)
    g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                 _("The section “%s” in the workspace database “%s” is damaged: %s"),
                 key, self->path, parse_error->message);

  return node;
}

gboolean
cwb_store_set_section (CwbStore    *self,
                       gint64       consortium_id,
                       const char  *key,
                       JsonNode    *node,
                       GError     **error)
{
  PendingChange change = { CWB_CHANGE_SECTION, consortium_id, .section = (char *) key };

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!store_consortium_exists (self, consortium_id, error) ||
      !store_write_section (self, consortium_id, key, node, error) ||
      !store_touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }

  store_emit_changes (self, &change, 1);

  return TRUE;
}

/**
 * cwb_store_notify_section_changed:
 * @self: a #CwbStore
 * @consortium_id: the consortium whose plugin data changed
 *
 * For a plugin that wrote its own tables: emits "changed" with
 * %CWB_CHANGE_SECTION and @consortium_id, now, or inside
 * cwb_store_run_in_transaction() when the outermost transaction commits.
 */
void
cwb_store_notify_section_changed (CwbStore *self,
                                  gint64    consortium_id)
{
  PendingChange change = { CWB_CHANGE_SECTION, consortium_id };

  g_return_if_fail (CWB_IS_STORE (self));

  store_emit_changes (self, &change, 1);
}
