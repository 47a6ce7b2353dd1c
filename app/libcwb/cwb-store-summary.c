/* cwb-store-summary.c — the consortia list's queries: ids in name order, names by id
 *
 * What a lazy list of the workspace's consortia reads (CwbConsortiumList):
 * the ids of those that match a search, in the sidebar's order, and a few
 * rows' names and industries at a time. Read-only statements on the
 * store's own connection (cwb_store_prepare(), under the host's name).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include "cwb-consortium.h"
#include "cwb-statement.h"
#include "cwb-store.h"

/* the statements' owner in the store's cache: the host, not a plugin */
#define SUMMARY_OWNER "cwb"

/**
 * cwb_store_list_consortium_ids:
 * @self: a #CwbStore
 * @search: (nullable): only names containing it (ASCII letters in any case)
 * @industry: (nullable): only consortia of this industry
 * @error: return location for a #GError
 *
 * The ids of the consortia that match, in the order of the consortia list:
 * by name (byte order), then id. Reads only the name index.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or %NULL with
 *   @error set
 */
GArray *
cwb_store_list_consortium_ids (CwbStore    *self,
                               const char  *search,
                               const char  *industry,
                               GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  CwbStatement *stmt;
  GError *local_error = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  /* Two statements, so that one industry is read through its index
   * (consortium_industry_name), already in name order */
  if (industry != NULL)
    stmt = cwb_store_prepare (self, SUMMARY_OWNER,
                              "SELECT id FROM consortium"
                              " WHERE industry = :industry"
                              "   AND (:search IS NULL OR instr (lower (name), lower (:search)) > 0)"
                              " ORDER BY industry, name, id",
                              error);
  else
    stmt = cwb_store_prepare (self, SUMMARY_OWNER,
                              "SELECT id FROM consortium"
                              " WHERE (:search IS NULL OR instr (lower (name), lower (:search)) > 0)"
                              " ORDER BY name, id",
                              error);
  if (stmt == NULL)
    return NULL;

  if (search != NULL)
    cwb_statement_bind_text (stmt, ":search", search);
  if (industry != NULL)
    cwb_statement_bind_text (stmt, ":industry", industry);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (cwb_statement_step (stmt, &local_error))
    {
      gint64 id = cwb_statement_get_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * cwb_store_count_consortia:
 * @self: a #CwbStore
 * @error: return location for a #GError
 *
 * Returns: how many consortia the workspace has; 0 with @error set if it
 *   could not be read
 */
guint
cwb_store_count_consortia (CwbStore  *self,
                           GError   **error)
{
  CwbStatement *stmt;
  GError *local_error = NULL;
  guint n = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), 0);

  stmt = cwb_store_prepare (self, SUMMARY_OWNER, "SELECT count(*) FROM consortium", error);
  if (stmt == NULL)
    return 0;

  if (cwb_statement_step (stmt, &local_error))
    {
      n = (guint) cwb_statement_get_int64 (stmt, 0);
      cwb_statement_reset (stmt);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return n;
}

/**
 * cwb_store_read_consortium_summaries:
 * @self: a #CwbStore
 * @ids: (array length=n_ids): consortium ids
 * @n_ids: how many
 * @error: return location for a #GError
 *
 * Reads the id, name and industry of each consortium of @ids, in the order
 * of @ids; one that does not exist (any more) is left out.
 *
 * Returns: (transfer full) (element-type CwbConsortium): #CwbConsortium
 *   objects holding only id, name and industry, or %NULL with @error set
 */
GPtrArray *
cwb_store_read_consortium_summaries (CwbStore      *self,
                                     const gint64  *ids,
                                     guint          n_ids,
                                     GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  stmt = cwb_store_prepare (self, SUMMARY_OWNER,
                            "SELECT name, industry FROM consortium WHERE id = :id", error);
  if (stmt == NULL)
    return NULL;

  items = g_ptr_array_new_full (n_ids, g_object_unref);
  for (guint i = 0; i < n_ids; i++)
    {
      GError *local_error = NULL;

      cwb_statement_bind_int64 (stmt, ":id", ids[i]);
      if (cwb_statement_step (stmt, &local_error))
        {
          CwbConsortium *summary = cwb_consortium_new ();

          cwb_consortium_set_id (summary, ids[i]);
          cwb_consortium_set_name (summary, cwb_statement_get_text (stmt, 0));
          cwb_consortium_set_industry (summary, cwb_statement_get_text (stmt, 1));
          g_ptr_array_add (items, summary);
          cwb_statement_reset (stmt);
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }

  return g_steal_pointer (&items);
}
