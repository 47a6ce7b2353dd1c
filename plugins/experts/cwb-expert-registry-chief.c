/* cwb-expert-registry-chief.c — each consortium's chief expert and its history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-registry-chief"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"

CwbChiefAssignment *
cwb_chief_assignment_copy (const CwbChiefAssignment *self)
{
  CwbChiefAssignment *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CwbChiefAssignment, 1);
  copy->expert_id = self->expert_id;
  copy->expert_name = g_strdup (self->expert_name);
  copy->consortium_id = self->consortium_id;
  copy->from_date = g_strdup (self->from_date);
  copy->to_date = g_strdup (self->to_date);
  copy->reason = g_strdup (self->reason);
  copy->after_approval = self->after_approval;

  return copy;
}

void
cwb_chief_assignment_free (CwbChiefAssignment *self)
{
  if (self == NULL)
    return;

  g_free (self->expert_name);
  g_free (self->from_date);
  g_free (self->to_date);
  g_free (self->reason);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (CwbChiefAssignment, cwb_chief_assignment,
                     cwb_chief_assignment_copy, cwb_chief_assignment_free)

typedef struct {
  gint64  row_id;
  gint64  expert_id;
  char   *from_date;
} Current;

/* The current assignment of @consortium_id; FALSE on an error. */
static gboolean
lookup_current (CwbExpertRegistry  *self,
                gint64              consortium_id,
                Current            *current,
                GError            **error)
{
  CwbStatement *stmt;
  g_autoptr(GError) local_error = NULL;

  memset (current, 0, sizeof *current);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT id, expert_id, from_date FROM experts_chief "
                                       "WHERE consortium_id = :consortium AND to_date IS NULL "
                                       "ORDER BY id DESC LIMIT 1",
                                       error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":consortium", consortium_id);
  if (cwb_statement_step (stmt, &local_error))
    {
      current->row_id = cwb_statement_get_int64 (stmt, 0);
      current->expert_id = cwb_statement_get_int64 (stmt, 1);
      current->from_date = g_strdup (cwb_statement_get_text (stmt, 2));
      cwb_statement_reset (stmt);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

typedef struct {
  CwbExpertRegistry *self;
  gint64             consortium_id;
  CwbExpert         *expert;
  Current           *current;
  const char        *date;
  const char        *reason;
} SetArgs;

static gboolean
set_in_transaction (CwbStore  *store,
                    gpointer   user_data,
                    GError   **error)
{
  SetArgs *args = user_data;
  g_autoptr(JsonNode) section = NULL;
  CwbStatement *stmt;

  if (args->current->row_id != 0)
    {
      stmt = _cwb_expert_registry_prepare (args->self,
                                           "UPDATE experts_chief SET to_date = :date WHERE id = :id",
                                           error);
      if (stmt == NULL)
        return FALSE;
      cwb_statement_bind_text (stmt, ":date", args->date);
      cwb_statement_bind_int64 (stmt, ":id", args->current->row_id);
      if (!cwb_statement_step (stmt, error) && error != NULL && *error != NULL)
        return FALSE;
    }

  stmt = _cwb_expert_registry_prepare (args->self,
                                       "INSERT INTO experts_chief (consortium_id, expert_id, from_date, reason) "
                                       "VALUES (:consortium, :expert, :date, :reason)",
                                       error);
  if (stmt == NULL)
    return FALSE;
  cwb_statement_bind_int64 (stmt, ":consortium", args->consortium_id);
  cwb_statement_bind_int64 (stmt, ":expert", cwb_expert_get_id (args->expert));
  cwb_statement_bind_text (stmt, ":date", args->date);
  cwb_statement_bind_text (stmt, ":reason", args->reason != NULL ? args->reason : "");
  if (!cwb_statement_step (stmt, error) && error != NULL && *error != NULL)
    return FALSE;

  section = cwb_expert_to_section (args->expert);

  return cwb_store_set_section (store, args->consortium_id, "chief_expert", section, error);
}

gboolean
cwb_expert_registry_set_chief (CwbExpertRegistry  *self,
                               gint64              consortium_id,
                               gint64              expert_id,
                               const char         *date,
                               const char         *reason,
                               GError            **error)
{
  g_autoptr(CwbExpert) expert = NULL;
  g_autofree char *consortium_name = NULL;
  Current current;
  SetArgs args;
  gboolean ok;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cwb_expert_registry_check_date (date, error))
    return FALSE;

  consortium_name = _cwb_expert_registry_dup_consortium_name (self, consortium_id);
  if (consortium_name == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no consortium with the id %lld."), (long long) consortium_id);
      return FALSE;
    }

  expert = cwb_expert_registry_get (self, expert_id, error);
  if (expert == NULL)
    return FALSE;

  if (!lookup_current (self, consortium_id, &current, error))
    return FALSE;

  if (current.expert_id == expert_id)
    {
      g_free (current.from_date);
      return TRUE;
    }

  if (current.from_date != NULL && strcmp (date, current.from_date) < 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The change on %s is before the current chief expert of “%s” took office (%s)."),
                   date, consortium_name, current.from_date);
      g_free (current.from_date);
      return FALSE;
    }

  args = (SetArgs) { self, consortium_id, expert, &current, date, reason };
  ok = cwb_store_run_in_transaction (cwb_expert_registry_get_store (self), set_in_transaction, &args, error);
  g_free (current.from_date);

  if (ok)
    _cwb_expert_registry_emit_changed (self);

  return ok;
}

gint64
cwb_expert_registry_get_chief (CwbExpertRegistry *self,
                               gint64             consortium_id)
{
  g_autoptr(GError) error = NULL;
  Current current;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), 0);

  if (!lookup_current (self, consortium_id, &current, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }

  g_free (current.from_date);

  return current.expert_id;
}

GPtrArray *
cwb_expert_registry_list_chief_history (CwbExpertRegistry  *self,
                                        gint64              consortium_id,
                                        GError            **error)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_chief_assignment_free);
  g_autoptr(GError) local_error = NULL;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT c.expert_id, e.name, c.from_date, c.to_date, c.reason "
                                       "FROM experts_chief c JOIN experts_expert e ON e.id = c.expert_id "
                                       "WHERE c.consortium_id = :consortium ORDER BY c.from_date, c.id",
                                       error);
  if (stmt == NULL)
    return NULL;

  cwb_statement_bind_int64 (stmt, ":consortium", consortium_id);
  while (cwb_statement_step (stmt, &local_error))
    {
      CwbChiefAssignment *assignment = g_new0 (CwbChiefAssignment, 1);

      assignment->expert_id = cwb_statement_get_int64 (stmt, 0);
      assignment->expert_name = g_strdup (cwb_statement_get_text (stmt, 1));
      assignment->consortium_id = consortium_id;
      assignment->from_date = g_strdup (cwb_statement_get_text (stmt, 2));
      assignment->to_date = g_strdup (cwb_statement_get_text (stmt, 3));
      assignment->reason = g_strdup (cwb_statement_get_text (stmt, 4) ?: "");
      g_ptr_array_add (history, assignment);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (history->len > 1 && cwb_expert_registry_get_store (self) != NULL)
    {
      g_autoptr(GPtrArray) lifecycle = NULL;
      const char *approved;

      lifecycle = cwb_store_get_lifecycle (cwb_expert_registry_get_store (self), consortium_id, error);
      if (lifecycle == NULL)
        return NULL;

      /* the first assignment is the choice, not a change */
      approved = cwb_lifecycle_get_approval_date (lifecycle);
      for (guint i = 1; approved != NULL && i < history->len; i++)
        {
          CwbChiefAssignment *assignment = g_ptr_array_index (history, i);

          assignment->after_approval = g_strcmp0 (assignment->from_date, approved) > 0;
        }
    }

  return g_steal_pointer (&history);
}

gboolean
cwb_expert_registry_chief_changed_after (CwbExpertRegistry *self,
                                         gint64             consortium_id,
                                         const char        *date)
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt;
  gboolean changed = FALSE;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  /* an assignment that began after @date and replaced an earlier one */
  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT 1 FROM experts_chief c WHERE c.consortium_id = :consortium "
                                       "AND c.from_date > :date AND EXISTS (SELECT 1 FROM experts_chief p "
                                       "WHERE p.consortium_id = c.consortium_id AND p.id < c.id) LIMIT 1",
                                       &error);
  if (stmt != NULL)
    {
      cwb_statement_bind_int64 (stmt, ":consortium", consortium_id);
      cwb_statement_bind_text (stmt, ":date", date);
      changed = cwb_statement_step (stmt, &error);
      if (changed)
        cwb_statement_reset (stmt);
    }

  if (error != NULL)
    g_warning ("%s", error->message);

  return changed;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
cwb_expert_registry_list_chief_elsewhere (CwbExpertRegistry *self,
                                          gint64             expert_id,
                                          gint64             except_consortium_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT DISTINCT consortium_id FROM experts_chief "
                                       "WHERE expert_id = :expert AND to_date IS NULL AND consortium_id != :except",
                                       &error);
  if (stmt != NULL)
    {
      cwb_statement_bind_int64 (stmt, ":expert", expert_id);
      cwb_statement_bind_int64 (stmt, ":except", except_consortium_id);
      while (cwb_statement_step (stmt, &error))
        {
          char *name = _cwb_expert_registry_dup_consortium_name (self, cwb_statement_get_int64 (stmt, 0));

          if (name != NULL)
            g_ptr_array_add (names, name);
        }
    }
  if (error != NULL)
    g_warning ("%s", error->message);

  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));

  return g_strv_builder_end (builder);
}

gint64
cwb_expert_registry_match_section (CwbExpertRegistry *self,
                                   JsonNode          *section)
{
  g_autoptr(GError) error = NULL;
  const char *name = _cwb_expert_section_string (section, "name");
  const char *uscc = _cwb_expert_section_string (section, "affiliation_uscc");
  CwbStatement *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), 0);

  if (name == NULL || *name == '\0')
    return 0;

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT id FROM experts_expert WHERE name = :name AND affiliation_uscc = :uscc "
                                       "ORDER BY id LIMIT 1",
                                       &error);
  if (stmt != NULL)
    {
      g_autofree char *trimmed_name = g_strstrip (g_strdup (name));
      g_autofree char *trimmed_uscc = g_strstrip (g_strdup (uscc != NULL ? uscc : ""));

      cwb_statement_bind_text (stmt, ":name", trimmed_name);
      cwb_statement_bind_text (stmt, ":uscc", trimmed_uscc);
      if (cwb_statement_step (stmt, &error))
        {
          id = cwb_statement_get_int64 (stmt, 0);
          cwb_statement_reset (stmt);
        }
    }
  if (error != NULL)
    g_warning ("%s", error->message);

  return id;
}

gboolean
cwb_expert_registry_sync_consortium (CwbExpertRegistry  *self,
                                     gint64              consortium_id,
                                     const char         *date,
                                     gint64             *expert_id,
                                     GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) section = NULL;
  const char *name;
  gint64 id;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (expert_id != NULL)
    *expert_id = 0;

  section = cwb_store_get_section (cwb_expert_registry_get_store (self), consortium_id, "chief_expert", &local_error);
  if (local_error != NULL)
    {
      /* a consortium that was removed has nothing to follow */
      if (g_error_matches (local_error, CWB_ERROR, CWB_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = _cwb_expert_section_string (section, "name");
  if (name == NULL || *name == '\0')
    return TRUE;

  id = cwb_expert_registry_match_section (self, section);
  if (id == 0)
    {
      g_autoptr(CwbExpert) expert = cwb_expert_new_from_section (section);
      g_autoptr(CwbMember) member = NULL;
      const char *uscc = cwb_expert_get_affiliation_uscc (expert);

      /* the unit's name from the member with that credit code */
      cwb_expert_set_affiliation_name (expert, uscc);
      if (uscc != NULL &&
          !cwb_store_find_member (cwb_expert_registry_get_store (self), consortium_id, uscc,
                                  &member, error))
        return FALSE;
      if (member != NULL)
        cwb_expert_set_affiliation_name (expert, cwb_member_get_name (member));

      if (!cwb_expert_registry_add (self, expert, error))
        return FALSE;
      id = cwb_expert_get_id (expert);
    }

  if (cwb_expert_registry_get_chief (self, consortium_id) != id &&
      !cwb_expert_registry_set_chief (self, consortium_id, id, date,
                                      _("Taken from the consortium file"), error))
    return FALSE;

  if (expert_id != NULL)
    *expert_id = id;

  return TRUE;
}

gboolean
cwb_expert_registry_sync_all (CwbExpertRegistry  *self,
                              GDateTime          *now,
                              GError            **error)
{
  g_autofree char *date = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  date = g_date_time_format (now, "%Y-%m-%d");
  ids = cwb_store_list_consortium_ids (cwb_expert_registry_get_store (self), NULL, NULL, error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    if (!cwb_expert_registry_sync_consortium (self, g_array_index (ids, gint64, i), date, NULL, error))
      return FALSE;

  return TRUE;
}
