/* cwb-store-members.c — a consortium's members: their rows, and inserting,
 * updating and removing one
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
#include "cwb-member.h"
#include "cwb-store-private.h"

static void
set_duplicate_uscc_error (const char  *uscc,
                          GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
               _("This consortium already has a member with the unified social credit code %s"),
               uscc);
}

/* ------------------------------------------------------------------ */
/* rows                                                                */

#define MEMBER_COLUMNS \
  "id, uscc, name, kind, lead, independent_legal_person, registered_in_hainan, " \
  "stationed_in_hainan, above_designated_size, high_tech, cooperation_basis, capability, " \
  "established, revenue, rd_staff_fulltime, platforms, fiscal_years"

enum {
  MEMBER_ID,
  MEMBER_USCC,
  MEMBER_NAME,
  MEMBER_KIND,
  MEMBER_LEAD,
  MEMBER_INDEPENDENT_LEGAL_PERSON,
  MEMBER_REGISTERED_IN_HAINAN,
  MEMBER_STATIONED_IN_HAINAN,
  MEMBER_ABOVE_DESIGNATED_SIZE,
  MEMBER_HIGH_TECH,
  MEMBER_COOPERATION_BASIS,
  MEMBER_CAPABILITY,
  MEMBER_ESTABLISHED,
  MEMBER_REVENUE,
  MEMBER_RD_STAFF_FULLTIME,
  MEMBER_PLATFORMS,
  MEMBER_FISCAL_YEARS,
};

static CwbMember *
member_from_row (CwbStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(CwbMember) member = cwb_member_new ();
  gboolean has_platforms;
  gboolean has_fiscal_years;

  cwb_member_set_id (member, sqlite3_column_int64 (stmt, MEMBER_ID));
  cwb_member_set_uscc (member, store_column_text (stmt, MEMBER_USCC));
  cwb_member_set_name (member, store_column_text (stmt, MEMBER_NAME));
  cwb_member_set_kind (member, store_enum_from_nick (CWB_TYPE_MEMBER_KIND,
                                                     store_column_text (stmt, MEMBER_KIND),
                                                     CWB_MEMBER_KIND_OTHER));
  cwb_member_set_lead (member, sqlite3_column_int (stmt, MEMBER_LEAD) != 0);
  cwb_member_set_independent_legal_person (member, sqlite3_column_int (stmt, MEMBER_INDEPENDENT_LEGAL_PERSON) != 0);
  cwb_member_set_registered_in_hainan (member, sqlite3_column_int (stmt, MEMBER_REGISTERED_IN_HAINAN) != 0);
  cwb_member_set_stationed_in_hainan (member, sqlite3_column_int (stmt, MEMBER_STATIONED_IN_HAINAN) != 0);
  cwb_member_set_above_designated_size (member, sqlite3_column_int (stmt, MEMBER_ABOVE_DESIGNATED_SIZE) != 0);
  cwb_member_set_high_tech (member, sqlite3_column_int (stmt, MEMBER_HIGH_TECH) != 0);
  cwb_member_set_cooperation_basis (member, sqlite3_column_int (stmt, MEMBER_COOPERATION_BASIS) != 0);
  cwb_member_set_capability (member, sqlite3_column_int (stmt, MEMBER_CAPABILITY) != 0);
  cwb_member_set_established (member, store_column_text (stmt, MEMBER_ESTABLISHED));
  cwb_member_set_revenue (member, store_column_figure (stmt, MEMBER_REVENUE));
  cwb_member_set_rd_staff_fulltime (member, (int) store_column_figure (stmt, MEMBER_RD_STAFF_FULLTIME));
  if (!store_column_records (self, stmt, MEMBER_PLATFORMS, _cwb_platforms_from_json,
                             cwb_member_get_platforms (member), &has_platforms, error) ||
      !store_column_records (self, stmt, MEMBER_FISCAL_YEARS, _cwb_fiscal_years_from_json,
                             cwb_member_get_fiscal_years (member), &has_fiscal_years, error))
    return NULL;
  cwb_member_set_has_platforms (member, has_platforms);
  cwb_member_set_has_fiscal_years (member, has_fiscal_years);

  return g_steal_pointer (&member);
}

static gboolean
check_member (CwbMember  *member,
              GError    **error)
{
  const char *uscc = cwb_member_get_uscc (member);

  if (uscc == NULL || uscc[0] == '\0')
    {
      const char *name = cwb_member_get_name (member);

      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The member “%s” has no unified social credit code"),
                   name != NULL ? name : "");
      return FALSE;
    }

  return TRUE;
}

/* the columns a member's insert and update share */
static void
bind_member (sqlite3_stmt *stmt,
             CwbMember    *member)
{
  g_autofree char *platforms = NULL;
  g_autofree char *fiscal_years = NULL;

  /* NULL: not given, as opposed to given and empty */
  if (cwb_member_get_has_platforms (member))
    platforms = store_json_column_text (_cwb_platforms_to_json (cwb_member_get_platforms (member)));
  if (cwb_member_get_has_fiscal_years (member))
    fiscal_years = store_json_column_text (_cwb_fiscal_years_to_json (cwb_member_get_fiscal_years (member)));

  store_bind_text (stmt, ":uscc", cwb_member_get_uscc (member));
  store_bind_text (stmt, ":name", cwb_member_get_name (member));
  store_bind_text (stmt, ":kind", store_enum_to_nick (CWB_TYPE_MEMBER_KIND, cwb_member_get_kind (member)));
  store_bind_int64 (stmt, ":lead", cwb_member_get_lead (member));
  store_bind_int64 (stmt, ":independent_legal_person", cwb_member_get_independent_legal_person (member));
  store_bind_int64 (stmt, ":registered_in_hainan", cwb_member_get_registered_in_hainan (member));
  store_bind_int64 (stmt, ":stationed_in_hainan", cwb_member_get_stationed_in_hainan (member));
  store_bind_int64 (stmt, ":above_designated_size", cwb_member_get_above_designated_size (member));
  store_bind_int64 (stmt, ":high_tech", cwb_member_get_high_tech (member));
  store_bind_int64 (stmt, ":cooperation_basis", cwb_member_get_cooperation_basis (member));
  store_bind_int64 (stmt, ":capability", cwb_member_get_capability (member));
  store_bind_text (stmt, ":established", cwb_member_get_established (member));
  store_bind_figure (stmt, ":revenue", cwb_member_get_revenue (member));
  store_bind_figure (stmt, ":rd_staff_fulltime", cwb_member_get_rd_staff_fulltime (member));
  store_bind_text (stmt, ":platforms", platforms);
  store_bind_text (stmt, ":fiscal_years", fiscal_years);
}

gboolean
store_insert_member_row (CwbStore   *self,
                         gint64      consortium_id,
                         guint       position,
                         CwbMember  *member,
                         gint64     *member_id,
                         GError    **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  if (!check_member (member, error))
    return FALSE;

  stmt = store_prepare (self,
                        "INSERT INTO member (consortium_id, position, uscc, name, kind, lead, "
                        "independent_legal_person, registered_in_hainan, stationed_in_hainan, "
                        "above_designated_size, high_tech, cooperation_basis, capability, "
                        "established, revenue, rd_staff_fulltime, platforms, fiscal_years) "
                        "VALUES (:consortium_id, :position, :uscc, :name, :kind, :lead, "
                        ":independent_legal_person, :registered_in_hainan, :stationed_in_hainan, "
                        ":above_designated_size, :high_tech, :cooperation_basis, :capability, "
                        ":established, :revenue, :rd_staff_fulltime, :platforms, :fiscal_years)",
                        error);
  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  store_bind_int64 (stmt, ":position", position);
  bind_member (stmt, member);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (store_is_unique_violation (self))
        set_duplicate_uscc_error (cwb_member_get_uscc (member), error);
      else
        store_set_error (self, error);
      return FALSE;
    }

  *member_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean
count_members (CwbStore  *self,
               gint64     consortium_id,
               guint     *n_members,
               GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT count(*) FROM member WHERE consortium_id = :consortium_id", error);
  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *n_members = has_row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

GPtrArray *
store_read_members (CwbStore  *self,
                    gint64     consortium_id,
                    guint      first_position,
                    guint      limit,
                    GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT " MEMBER_COLUMNS " FROM member "
                        "WHERE consortium_id = :consortium_id AND position >= :first "
                        "ORDER BY position LIMIT :limit",
                        error);
  if (stmt == NULL)
    return NULL;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  store_bind_int64 (stmt, ":first", first_position);
  store_bind_int64 (stmt, ":limit", limit);

  while (store_step_row (self, stmt, &has_row, error))
    {
      CwbMember *member;

      if (!has_row)
        return g_steal_pointer (&members);

      member = member_from_row (self, stmt, error);
      if (member == NULL)
        return NULL;
      g_ptr_array_add (members, member);
    }

  return NULL;
}

/**
 * cwb_store_list_members:
 * @self: a #CwbStore
 * @consortium_id: the consortium
 *
 * Returns: (transfer full): a lazy #GListModel of the consortium's
 *   #CwbMember in position order
 */
CwbMemberList *
cwb_store_list_members (CwbStore *self,
                        gint64    consortium_id)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return _cwb_member_list_new (self, consortium_id);
}

gboolean
cwb_store_insert_member (CwbStore   *self,
                         gint64      consortium_id,
                         guint       position,
                         CwbMember  *member,
                         GError    **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, consortium_id };
  gint64 member_id;
  guint n_members;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_member (member, error))
    return FALSE;

  if (!store_begin (self, error))
    return FALSE;

  if (!store_consortium_exists (self, consortium_id, error) ||
      !count_members (self, consortium_id, &n_members, error))
    goto failed;

  position = MIN (position, n_members);

  if (position < n_members)
    {
      g_autoptr(StoreStatement) stmt = NULL;

      stmt = store_prepare (self,
                            "UPDATE member SET position = position + 1 "
                            "WHERE consortium_id = :consortium_id AND position >= :position",
                            error);
      if (stmt == NULL)
        goto failed;

      store_bind_int64 (stmt, ":consortium_id", consortium_id);
      store_bind_int64 (stmt, ":position", position);
      if (!store_step_done (self, stmt, error))
        goto failed;
    }

  if (!store_insert_member_row (self, consortium_id, position, member, &member_id, error) ||
      !store_touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  cwb_member_set_id (member, member_id);
  change.position = position;
  change.n_added = 1;
  store_emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

static gboolean
locate_member (CwbStore  *self,
               gint64     member_id,
               gint64    *consortium_id,
               guint     *position,
               GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT consortium_id, position FROM member WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":id", member_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no member with id %lld in the workspace"), (long long) member_id);
      return FALSE;
    }

  *consortium_id = sqlite3_column_int64 (stmt, 0);
  *position = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

gboolean
cwb_store_update_member (CwbStore   *self,
                         CwbMember  *member,
                         GError    **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, 0 };
  guint position;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_member (member, error))
    return FALSE;

  if (!store_begin (self, error))
    return FALSE;

  if (!locate_member (self, cwb_member_get_id (member), &change.consortium_id, &position, error))
    goto failed;

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "UPDATE member SET uscc = :uscc, name = :name, kind = :kind, lead = :lead, "
                          "independent_legal_person = :independent_legal_person, "
                          "registered_in_hainan = :registered_in_hainan, "
                          "stationed_in_hainan = :stationed_in_hainan, "
                          "above_designated_size = :above_designated_size, high_tech = :high_tech, "
                          "cooperation_basis = :cooperation_basis, capability = :capability, "
                          "established = :established, revenue = :revenue, "
                          "rd_staff_fulltime = :rd_staff_fulltime, platforms = :platforms, "
                          "fiscal_years = :fiscal_years "
                          "WHERE id = :id",
                          error);
    if (stmt == NULL)
      goto failed;

    bind_member (stmt, member);
    store_bind_int64 (stmt, ":id", cwb_member_get_id (member));

    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        if (store_is_unique_violation (self))
          set_duplicate_uscc_error (cwb_member_get_uscc (member), error);
        else
          store_set_error (self, error);
        goto failed;
      }
  }

  if (!store_touch_consortium (self, change.consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  change.position = position;
  change.n_removed = 1;
  change.n_added = 1;
  store_emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_remove_member:
 * @self: a store
 * @member_id: the id of the member to remove
 * @position: (out) (optional): where it was in its consortium, for an undo
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the member was removed
 */
gboolean
cwb_store_remove_member (CwbStore  *self,
                         gint64     member_id,
                         guint     *position,
                         GError   **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, 0 };
  guint old_position;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!locate_member (self, member_id, &change.consortium_id, &old_position, error))
    goto failed;

  {
    g_autoptr(StoreStatement) stmt = store_prepare (self, "DELETE FROM member WHERE id = :id", error);

    if (stmt == NULL)
      goto failed;

    store_bind_int64 (stmt, ":id", member_id);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "UPDATE member SET position = position - 1 "
                          "WHERE consortium_id = :consortium_id AND position > :position",
                          error);
    if (stmt == NULL)
      goto failed;

    store_bind_int64 (stmt, ":consortium_id", change.consortium_id);
    store_bind_int64 (stmt, ":position", old_position);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  if (!store_touch_consortium (self, change.consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  if (position != NULL)
    *position = old_position;

  change.position = old_position;
  change.n_removed = 1;
  store_emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_find_member:
 * @self: a #CwbStore
 * @consortium_id: the consortium
 * @uscc: a unified social credit code
 * @member: (out) (transfer full) (nullable): the member of that consortium
 *   with that code, or %NULL when it has none
 * @error: return location for a #GError
 *
 * One indexed query, whatever the consortium's size.
 *
 * Returns: %FALSE when the store could not be read
 */
gboolean
cwb_store_find_member (CwbStore    *self,
                       gint64       consortium_id,
                       const char  *uscc,
                       CwbMember  **member,
                       GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  *member = NULL;

  stmt = store_prepare (self,
                        "SELECT " MEMBER_COLUMNS " FROM member "
                        "WHERE consortium_id = :consortium_id AND uscc = :uscc",
                        error);
  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  store_bind_text (stmt, ":uscc", uscc);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (has_row)
    {
      *member = member_from_row (self, stmt, error);
      if (*member == NULL)
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* private API                                                         */

gboolean
_cwb_store_count_members (CwbStore  *self,
                          gint64     consortium_id,
                          guint     *n_members,
                          GError   **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_members != NULL, FALSE);

  return count_members (self, consortium_id, n_members, error);
}

GPtrArray *
_cwb_store_read_members (CwbStore  *self,
                         gint64     consortium_id,
                         guint      first_position,
                         guint      limit,
                         GError   **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return store_read_members (self, consortium_id, first_position, limit, error);
}

gboolean
_cwb_store_find_lead (CwbStore  *self,
                      gint64     consortium_id,
                      guint     *position,
                      GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  stmt = store_prepare (self,
                        "SELECT position FROM member WHERE consortium_id = :consortium_id "
                        "AND lead ORDER BY position LIMIT 1",
                        error);
  if (stmt == NULL)
    return FALSE;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *position = has_row ? (guint) sqlite3_column_int64 (stmt, 0) : G_MAXUINT;

  return TRUE;
}
