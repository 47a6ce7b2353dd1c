/* cwb-store-consortia.c — the consortia: their rows, loading, importing,
 * updating and deleting one (the lists views show are CwbConsortiumList,
 * over cwb-store-summary.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-consortium-file-private.h"
#include "cwb-error.h"
#include "cwb-member.h"
#include "cwb-consortium-private.h"
#include "cwb-store-private.h"

static void
set_duplicate_name_error (const char  *name,
                          GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
               _("A consortium named “%s” already exists"), name);
}

/* ------------------------------------------------------------------ */
/* rows                                                                */

static void
bind_consortium (sqlite3_stmt  *stmt,
                 CwbConsortium *consortium)
{
  g_autofree char *scientific_problems =
    store_json_column_text (_cwb_strv_to_json (cwb_consortium_get_scientific_problems (consortium)));
  g_autofree char *key_technologies =
    store_json_column_text (_cwb_strv_to_json (cwb_consortium_get_key_technologies (consortium)));
  g_autofree char *transformation_results =
    store_json_column_text (_cwb_strv_to_json (cwb_consortium_get_transformation_results (consortium)));
  g_autofree char *landmark_results =
    store_json_column_text (_cwb_strv_to_json (cwb_consortium_get_landmark_results (consortium)));
  g_autofree char *standards =
    store_json_column_text (_cwb_standards_to_json (cwb_consortium_get_standards (consortium)));

  store_bind_text (stmt, ":name", cwb_consortium_get_name (consortium));
  store_bind_text (stmt, ":industry", cwb_consortium_get_industry (consortium));
  store_bind_text (stmt, ":scientific_problems", scientific_problems);
  store_bind_text (stmt, ":key_technologies", key_technologies);
  store_bind_text (stmt, ":transformation_results", transformation_results);
  store_bind_text (stmt, ":landmark_results", landmark_results);
  store_bind_text (stmt, ":standards", standards);
  store_bind_int64 (stmt, ":has_organization", cwb_consortium_get_has_organization (consortium));
  store_bind_text (stmt, ":decision_body", cwb_consortium_get_decision_body (consortium));
  store_bind_text (stmt, ":advisory_body", cwb_consortium_get_advisory_body (consortium));
  store_bind_text (stmt, ":executive_body", cwb_consortium_get_executive_body (consortium));
  store_bind_int64 (stmt, ":executive_permanent", cwb_consortium_get_executive_permanent (consortium));
  store_bind_figure (stmt, ":executive_fulltime_staff", cwb_consortium_get_executive_fulltime_staff (consortium));
  store_bind_int64 (stmt, ":has_fund_management", cwb_consortium_get_has_fund_management (consortium));
  store_bind_int64 (stmt, ":fund_system", cwb_consortium_get_fund_system (consortium));
  store_bind_int64 (stmt, ":fund_internal_supervision", cwb_consortium_get_fund_internal_supervision (consortium));
}

static gboolean
check_consortium_name (CwbConsortium  *consortium,
                       GError        **error)
{
  const char *name = cwb_consortium_get_name (consortium);

  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("The consortium has no name"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
lookup_consortium (CwbStore    *self,
                   const char  *name,
                   gint64      *id,
                   GError     **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "SELECT id FROM consortium WHERE name = :name", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  store_bind_text (stmt, ":name", name);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

gboolean
store_consortium_exists (CwbStore  *self,
                         gint64     id,
                         GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "SELECT 1 FROM consortium WHERE id = :id", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":id", id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    store_set_no_consortium_error (id, error);

  return has_row;
}

gboolean
store_touch_consortium (CwbStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(StoreStatement) stmt =
    store_prepare (self,
                   "UPDATE consortium SET modified = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') "
                   "WHERE id = :id",
                   error);

  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":id", id);

  return store_step_done (self, stmt, error);
}

static gboolean
delete_consortium_row (CwbStore  *self,
                       gint64     id,
                       gboolean  *deleted,
                       GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "DELETE FROM consortium WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":id", id);
  if (!store_step_done (self, stmt, error))
    return FALSE;

  *deleted = sqlite3_changes (self->db) > 0;

  return TRUE;
}

static gboolean
write_exceptions (CwbStore       *self,
                  gint64          consortium_id,
                  CwbConsortium  *consortium,
                  GError        **error)
{
  const GPtrArray *exceptions = cwb_consortium_get_exceptions (consortium);
  g_autoptr(StoreStatement) delete = NULL;

  delete = store_prepare (self, "DELETE FROM exception WHERE consortium_id = :consortium_id", error);
  if (delete == NULL)
    return FALSE;

  store_bind_int64 (delete, ":consortium_id", consortium_id);
  if (!store_step_done (self, delete, error))
    return FALSE;

  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      const CwbException *exception = g_ptr_array_index (exceptions, i);
      g_autoptr(StoreStatement) insert = NULL;

      if (exception->rule == NULL || exception->rule[0] == '\0')
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("exceptions[%u].rule: an exception decision must name the rule it accepts"), i);
          return FALSE;
        }

      insert = store_prepare (self,
                              "INSERT INTO exception (consortium_id, position, rule, document, date, reason) "
                              "VALUES (:consortium_id, :position, :rule, :document, :date, :reason)",
                              error);
      if (insert == NULL)
        return FALSE;

      store_bind_int64 (insert, ":consortium_id", consortium_id);
      store_bind_int64 (insert, ":position", i);
      store_bind_text (insert, ":rule", exception->rule);
      store_bind_text (insert, ":document", exception->document);
      store_bind_text (insert, ":date", exception->date);
      store_bind_text (insert, ":reason", exception->reason);

      if (!store_step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* (transfer full) (element-type CwbException) */
static GPtrArray *
read_exceptions (CwbStore  *self,
                 gint64     consortium_id,
                 GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_exception_free);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT rule, document, date, reason FROM exception "
                        "WHERE consortium_id = :consortium_id ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);

  while (store_step_row (self, stmt, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&exceptions);

      g_ptr_array_add (exceptions, cwb_exception_new (store_column_text (stmt, 0), store_column_text (stmt, 1),
                                                      store_column_text (stmt, 2), store_column_text (stmt, 3)));
    }

  return NULL;
}

static gboolean
exceptions_equal (const GPtrArray *a,
                  const GPtrArray *b)
{
  guint a_len = a != NULL ? a->len : 0;
  guint b_len = b != NULL ? b->len : 0;

  if (a_len != b_len)
    return FALSE;

  for (guint i = 0; i < a_len; i++)
    {
      const CwbException *ea = g_ptr_array_index (a, i);
      const CwbException *eb = g_ptr_array_index (b, i);

      if (g_strcmp0 (ea->rule, eb->rule) != 0 ||
          g_strcmp0 (ea->document, eb->document) != 0 ||
          g_strcmp0 (ea->date, eb->date) != 0 ||
          g_strcmp0 (ea->reason, eb->reason) != 0)
        return FALSE;
    }

  return TRUE;
}

gint64
cwb_store_lookup_consortium (CwbStore   *self,
                             const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!lookup_consortium (self, name, &id, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }

  return id;
}

static CwbConsortium *
load_consortium (CwbStore  *self,
                 gint64     id,
                 gboolean   with_members,
                 GError   **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  gboolean has_row;

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "SELECT name, industry, scientific_problems, key_technologies, "
                          "transformation_results, landmark_results, standards, has_organization, "
                          "decision_body, advisory_body, executive_body, executive_permanent, "
                          "executive_fulltime_staff, has_fund_management, fund_system, "
                          "fund_internal_supervision FROM consortium WHERE id = :id",
                          error);
    if (stmt == NULL)
      return NULL;

    store_bind_int64 (stmt, ":id", id);
    if (!store_step_row (self, stmt, &has_row, error))
      return NULL;

    if (!has_row)
      {
        store_set_no_consortium_error (id, error);
        return NULL;
      }

    consortium = cwb_consortium_new ();
    cwb_consortium_set_id (consortium, id);
    cwb_consortium_set_name (consortium, store_column_text (stmt, 0));
    cwb_consortium_set_industry (consortium, store_column_text (stmt, 1));

    if (!store_column_list (self, stmt, 2, "scientific_problems", consortium,
                            cwb_consortium_set_scientific_problems, error) ||
        !store_column_list (self, stmt, 3, "key_technologies", consortium,
                            cwb_consortium_set_key_technologies, error) ||
        !store_column_list (self, stmt, 4, "transformation_results", consortium,
                            cwb_consortium_set_transformation_results, error) ||
        !store_column_list (self, stmt, 5, "landmark_results", consortium,
                            cwb_consortium_set_landmark_results, error) ||
        !store_column_records (self, stmt, 6, _cwb_standards_from_json,
                               _cwb_consortium_get_standards_mut (consortium), NULL, error))
      return NULL;

    cwb_consortium_set_has_organization (consortium, sqlite3_column_int (stmt, 7) != 0);
    cwb_consortium_set_decision_body (consortium, store_column_text (stmt, 8));
    cwb_consortium_set_advisory_body (consortium, store_column_text (stmt, 9));
    cwb_consortium_set_executive_body (consortium, store_column_text (stmt, 10));
    cwb_consortium_set_executive_permanent (consortium, sqlite3_column_int (stmt, 11) != 0);
    cwb_consortium_set_executive_fulltime_staff (consortium, (int) store_column_figure (stmt, 12));
    cwb_consortium_set_has_fund_management (consortium, sqlite3_column_int (stmt, 13) != 0);
    cwb_consortium_set_fund_system (consortium, sqlite3_column_int (stmt, 14) != 0);
    cwb_consortium_set_fund_internal_supervision (consortium, sqlite3_column_int (stmt, 15) != 0);
  }

  if (with_members)
    {
      members = store_read_members (self, id, 0, G_MAXUINT, error);
      if (members == NULL)
        return NULL;

      for (guint i = 0; i < members->len; i++)
        cwb_consortium_add_member (consortium, g_ptr_array_index (members, i));
    }
  else
    {
      g_autoptr(CwbMemberList) list = _cwb_member_list_new (self, id);

      _cwb_consortium_set_member_source (consortium, G_LIST_MODEL (list));
    }

  exceptions = read_exceptions (self, id, error);
  if (exceptions == NULL)
    return NULL;

  for (guint i = 0; i < exceptions->len; i++)
    cwb_consortium_add_exception (consortium, cwb_exception_copy (g_ptr_array_index (exceptions, i)));

  {
    g_autoptr(GPtrArray) events = store_read_lifecycle (self, id, error);

    if (events == NULL)
      return NULL;

    g_ptr_array_extend_and_steal (_cwb_consortium_get_lifecycle_mut (consortium), g_steal_pointer (&events));
  }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "SELECT key, json FROM section WHERE consortium_id = :consortium_id ORDER BY key",
                          error);
    if (stmt == NULL)
      return NULL;

    store_bind_int64 (stmt, ":consortium_id", id);

    while (store_step_row (self, stmt, &has_row, error))
      {
        g_autoptr(JsonNode) node = NULL;
        g_autoptr(GError) parse_error = NULL;

        if (!has_row)
          return g_steal_pointer (&consortium);

        node = store_json_from_column (store_column_text (stmt, 1), &parse_error);
        if (node == NULL)
          {
            g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                         _("The section “%s” in the workspace database “%s” is damaged: %s"),
                         store_column_text (stmt, 0), self->path, parse_error->message);
            return NULL;
          }

        cwb_consortium_set_section (consortium, store_column_text (stmt, 0), node);
      }
  }

  return NULL;
}

/* A new row with the consortium's own fields; @id: (out) */
static gboolean
insert_consortium_row (CwbStore       *self,
                       CwbConsortium  *consortium,
                       gint64         *id,
                       GError        **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  stmt = store_prepare (self,
                        "INSERT INTO consortium (name, industry, scientific_problems, key_technologies, "
                        "transformation_results, landmark_results, standards, has_organization, "
                        "decision_body, advisory_body, executive_body, executive_permanent, "
                        "executive_fulltime_staff, has_fund_management, fund_system, "
                        "fund_internal_supervision) "
                        "VALUES (:name, :industry, :scientific_problems, :key_technologies, "
                        ":transformation_results, :landmark_results, :standards, :has_organization, "
                        ":decision_body, :advisory_body, :executive_body, :executive_permanent, "
                        ":executive_fulltime_staff, :has_fund_management, :fund_system, "
                        ":fund_internal_supervision)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_consortium (stmt, consortium);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (store_is_unique_violation (self))
        set_duplicate_name_error (cwb_consortium_get_name (consortium), error);
      else
        store_set_error (self, error);
      return FALSE;
    }

  *id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

/* The consortium's own fields (not members, exceptions or sections) on
 * the row @id */
static gboolean
update_consortium_row (CwbStore       *self,
                       gint64          id,
                       CwbConsortium  *consortium,
                       GError        **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  stmt = store_prepare (self,
                        "UPDATE consortium SET name = :name, industry = :industry, "
                        "scientific_problems = :scientific_problems, key_technologies = :key_technologies, "
                        "transformation_results = :transformation_results, "
                        "landmark_results = :landmark_results, standards = :standards, "
                        "has_organization = :has_organization, decision_body = :decision_body, "
                        "advisory_body = :advisory_body, executive_body = :executive_body, "
                        "executive_permanent = :executive_permanent, "
                        "executive_fulltime_staff = :executive_fulltime_staff, "
                        "has_fund_management = :has_fund_management, fund_system = :fund_system, "
                        "fund_internal_supervision = :fund_internal_supervision, "
                        "modified = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') "
                        "WHERE id = :id",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_consortium (stmt, consortium);
  store_bind_int64 (stmt, ":id", id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (store_is_unique_violation (self))
        set_duplicate_name_error (cwb_consortium_get_name (consortium), error);
      else
        store_set_error (self, error);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      store_set_no_consortium_error (id, error);
      return FALSE;
    }

  return TRUE;
}

/* Before a replacement is written in place: the members, sections and
 * (when @lifecycle_too) lifecycle steps of @id. Exceptions are rewritten
 * by write_exceptions(). */
static gboolean
clear_for_replace (CwbStore  *self,
                   gint64     id,
                   gboolean   lifecycle_too,
                   GError   **error)
{
  static const char * const sql[] = {
    "DELETE FROM member WHERE consortium_id = :consortium_id",
    "DELETE FROM section WHERE consortium_id = :consortium_id",
    "DELETE FROM lifecycle_event WHERE consortium_id = :consortium_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(StoreStatement) stmt = NULL;

      if (i == 2 && !lifecycle_too)
        break;

      stmt = store_prepare (self, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      store_bind_int64 (stmt, ":consortium_id", id);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static CwbConsortium *
load_in_read_transaction (CwbStore  *self,
                          gint64     id,
                          gboolean   with_members,
                          GError   **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!store_begin_read (self, error))
    return NULL;

  consortium = load_consortium (self, id, with_members, error);

  /* a read transaction: ending it cannot lose anything */
  if (consortium == NULL)
    store_rollback (self);
  else if (!store_commit (self, error))
    {
      store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&consortium);
}

/**
 * cwb_store_load_consortium:
 * @self: a #CwbStore
 * @id: the consortium's id
 * @error: return location for a #GError
 *
 * Reads one consortium whole (members in position order, exceptions,
 * sections) from one consistent snapshot.
 *
 * Returns: (transfer full): the consortium, or %NULL with @error set
 *   (%CWB_ERROR_NOT_FOUND when there is none with that id)
 */
CwbConsortium *
cwb_store_load_consortium (CwbStore  *self,
                           gint64     id,
                           GError   **error)
{
  return load_in_read_transaction (self, id, TRUE, error);
}

/**
 * cwb_store_load_consortium_summary:
 * @self: a store
 * @id: the consortium's id
 * @error: return location for a #GError
 *
 * Everything of the consortium but its members, which it reads from the
 * store as they are asked for (cwb_consortium_get_member(), through a
 * #CwbMemberList, so it follows the store's changes): a consortium of a
 * million members is loaded in a few queries.
 *
 * Returns: (transfer full): the consortium, or %NULL with @error set
 *   (%CWB_ERROR_NOT_FOUND when there is none with that id)
 */
CwbConsortium *
cwb_store_load_consortium_summary (CwbStore  *self,
                                   gint64     id,
                                   GError   **error)
{
  return load_in_read_transaction (self, id, FALSE, error);
}

gboolean
cwb_store_import_consortium (CwbStore       *self,
                             CwbConsortium  *consortium,
                             gboolean        replace,
                             GError        **error)
{
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(GPtrArray) kept_lifecycle = NULL;
  g_autoptr(GList) keys = NULL;
  const GPtrArray *members;
  const char *name;
  gint64 old_id = 0;
  gint64 new_id;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_consortium_name (consortium, error))
    return FALSE;

  name = cwb_consortium_get_name (consortium);
  members = cwb_consortium_get_members (consortium);
  member_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), members->len);

  if (!store_begin (self, error))
    return FALSE;

  if (!lookup_consortium (self, name, &old_id, error))
    goto failed;

  if (old_id != 0)
    {
      if (!replace)
        {
          set_duplicate_name_error (name, error);
          goto failed;
        }

      /* a file without steps (a lead's new version of its application)
       * does not take back what staff recorded */
      if (cwb_consortium_get_lifecycle (consortium)->len == 0)
        {
          kept_lifecycle = store_read_lifecycle (self, old_id, error);
          if (kept_lifecycle == NULL)
            goto failed;
        }

      /* in place: the consortium keeps its id, and with it what the
       * workspace keeps of it beyond the file (the plugins' own rows:
       * signature scans, the chief experts' history, reviewers and their
       * opinions) */
      if (!update_consortium_row (self, old_id, consortium, error) ||
          !clear_for_replace (self, old_id, kept_lifecycle == NULL, error))
        goto failed;
      new_id = old_id;
    }
  else if (!insert_consortium_row (self, consortium, &new_id, error))
    goto failed;

  for (guint i = 0; i < members->len; i++)
    {
      gint64 member_id;

      if (!store_insert_member_row (self, new_id, i, g_ptr_array_index (members, i), &member_id, error))
        goto failed;

      g_array_append_val (member_ids, member_id);
    }

  if (!write_exceptions (self, new_id, consortium, error) ||
      (kept_lifecycle == NULL && !store_write_lifecycle (self, new_id, cwb_consortium_get_lifecycle (consortium), error)))
    goto failed;

  keys = cwb_consortium_list_sections (consortium);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!store_write_section (self, new_id, key, cwb_consortium_get_section (consortium, key), error))
        goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  /* committed: now the objects and the views learn about it */
  cwb_consortium_set_id (consortium, new_id);
  if (kept_lifecycle != NULL)
    g_ptr_array_extend_and_steal (_cwb_consortium_get_lifecycle_mut (consortium), g_steal_pointer (&kept_lifecycle));
  for (guint i = 0; i < members->len; i++)
    cwb_member_set_id (g_ptr_array_index (members, i), g_array_index (member_ids, gint64, i));

  store_emit_changes (self, &(PendingChange) { CWB_CHANGE_CONSORTIUM, new_id, 0, CWB_STORE_CHANGE_ALL },
                      1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

gboolean
cwb_store_update_consortium (CwbStore       *self,
                             CwbConsortium  *consortium,
                             GError        **error)
{
  g_autoptr(GPtrArray) old_exceptions = NULL;
  gboolean exceptions_changed;
  gint64 id;
  PendingChange changes[2];
  guint n_changes = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_consortium_name (consortium, error))
    return FALSE;

  id = cwb_consortium_get_id (consortium);

  if (!store_begin (self, error))
    return FALSE;

  if (!update_consortium_row (self, id, consortium, error))
    goto failed;

  old_exceptions = read_exceptions (self, id, error);
  if (old_exceptions == NULL)
    goto failed;

  exceptions_changed = !exceptions_equal (old_exceptions, cwb_consortium_get_exceptions (consortium));
  if (exceptions_changed && !write_exceptions (self, id, consortium, error))
    goto failed;

  if (!store_commit (self, error))
    goto failed;

  changes[n_changes++] = (PendingChange) { CWB_CHANGE_CONSORTIUM, id };
  if (exceptions_changed)
    changes[n_changes++] = (PendingChange) { CWB_CHANGE_SECTION, id, .section = (char *) "exceptions" };

  store_emit_changes (self, changes, n_changes);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

gboolean
cwb_store_delete_consortium (CwbStore  *self,
                             gint64     id,
                             GError   **error)
{
  gboolean deleted = FALSE;
  PendingChange change = { CWB_CHANGE_CONSORTIUM, id, 0, CWB_STORE_CHANGE_ALL };

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!delete_consortium_row (self, id, &deleted, error))
    goto failed;

  if (!deleted)
    {
      store_set_no_consortium_error (id, error);
      goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  store_emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_find_consortia_led_by:
 * @self: a #CwbStore
 * @uscc: a unified social credit code
 * @except_id: a consortium to leave out (the one being checked), or 0
 *
 * Returns: (transfer full): the names, sorted, of the consortia other than
 *   @except_id whose lead member has @uscc; empty when there are none
 */
char **
cwb_store_find_consortia_led_by (CwbStore   *self,
                                 const char *uscc,
                                 gint64      except_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT DISTINCT c.name FROM member AS m "
                        "JOIN consortium AS c ON c.id = m.consortium_id "
                        "WHERE m.lead AND m.uscc = :uscc AND c.id != :except_id "
                        "ORDER BY c.name",
                        &error);
  if (stmt != NULL)
    {
      store_bind_text (stmt, ":uscc", uscc);
      store_bind_int64 (stmt, ":except_id", except_id);

      while (store_step_row (self, stmt, &has_row, &error) && has_row)
        g_strv_builder_add (builder, store_column_text (stmt, 0));
    }

  if (error != NULL)
    g_warning ("%s", error->message);

  return g_strv_builder_end (builder);
}
