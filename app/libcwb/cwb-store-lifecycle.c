/* cwb-store-lifecycle.c — the recorded steps of a consortium's review and
 * term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-lifecycle.h"
#include "cwb-rule-set.h"
#include "cwb-store-private.h"

/* (transfer full) (element-type CwbStageEvent) */
GPtrArray *
store_read_lifecycle (CwbStore  *self,
                      gint64     consortium_id,
                      GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_stage_event_free);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT stage, date, document, note FROM lifecycle_event "
                        "WHERE consortium_id = :consortium_id ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;

  store_bind_int64 (stmt, ":consortium_id", consortium_id);

  while (store_step_row (self, stmt, &has_row, error))
    {
      int stage;

      if (!has_row)
        return g_steal_pointer (&events);

      /* a nick this version does not know: the database is damaged */
      stage = store_enum_from_nick (CWB_TYPE_STAGE, store_column_text (stmt, 0), -1);
      if (stage < 0)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("The workspace database “%s” is damaged: unknown lifecycle stage “%s”"),
                       self->path, store_column_text (stmt, 0));
          return NULL;
        }

      g_ptr_array_add (events, cwb_stage_event_new (stage, store_column_text (stmt, 1),
                                                    store_column_text (stmt, 2), store_column_text (stmt, 3)));
    }

  return NULL;
}

static gboolean
insert_stage_event_row (CwbStore             *self,
                        gint64                consortium_id,
                        guint                 position,
                        const CwbStageEvent  *event,
                        GError              **error)
{
  g_autoptr(StoreStatement) insert = NULL;

  insert = store_prepare (self,
                          "INSERT INTO lifecycle_event (consortium_id, position, stage, date, document, note) "
                          "VALUES (:consortium_id, :position, :stage, :date, :document, :note)",
                          error);
  if (insert == NULL)
    return FALSE;

  store_bind_int64 (insert, ":consortium_id", consortium_id);
  store_bind_int64 (insert, ":position", position);
  store_bind_text (insert, ":stage", store_enum_to_nick (CWB_TYPE_STAGE, event->stage));
  store_bind_text (insert, ":date", event->date);
  store_bind_text (insert, ":document", event->document);
  store_bind_text (insert, ":note", event->note);

  return store_step_done (self, insert, error);
}

/* A new consortium's steps, checked as a file's are */
gboolean
store_write_lifecycle (CwbStore         *self,
                       gint64            consortium_id,
                       const GPtrArray  *events,
                       GError          **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    {
      const CwbStageEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GError) local_error = NULL;

      if (!cwb_lifecycle_check_next (self->rules, before, event, NULL, &local_error))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, "lifecycle[%u]: %s", i, local_error->message);
          return FALSE;
        }

      if (!insert_stage_event_row (self, consortium_id, i, event, error))
        return FALSE;

      g_ptr_array_add (before, (gpointer) event);
    }

  return TRUE;
}

/**
 * cwb_store_get_lifecycle:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CwbStageEvent): the recorded steps
 *   of its review and term, oldest first; %NULL on error
 */
GPtrArray *
cwb_store_get_lifecycle (CwbStore    *self,
                         gint64       consortium_id,
                         GError     **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store_read_lifecycle (self, consortium_id, error);
}

/**
 * cwb_store_append_stage_event:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @event: the step to record
 * @today: (nullable): today's date, which @event's date must not pass
 * @error: return location for a #GError
 *
 * Records the next step of a consortium's review or term, after checking
 * it with cwb_lifecycle_check_next() under the store's rule set
 * (cwb_store_set_rules()) against the recorded steps
 * (%CWB_ERROR_INVALID with a message fit to show). Emits "changed" with
 * %CWB_CHANGE_LIFECYCLE.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
cwb_store_append_stage_event (CwbStore             *self,
                              gint64                consortium_id,
                              const CwbStageEvent  *event,
                              const char           *today,
                              GError              **error)
{
  PendingChange change = { CWB_CHANGE_LIFECYCLE, consortium_id };
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!store_consortium_exists (self, consortium_id, error) ||
      (events = store_read_lifecycle (self, consortium_id, error)) == NULL ||
      !cwb_lifecycle_check_next (self->rules, events, event, today, error) ||
      !insert_stage_event_row (self, consortium_id, events->len, event, error) ||
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
 * cwb_store_remove_last_stage_event:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @removed: (out) (optional) (transfer full): the step taken back, for an undo
 * @error: return location for a #GError
 *
 * Takes back the last recorded step (a step recorded by mistake);
 * %CWB_ERROR_NOT_FOUND when none was recorded. Emits "changed" with
 * %CWB_CHANGE_LIFECYCLE.
 *
 * Returns: %TRUE if a step was taken back
 */
gboolean
cwb_store_remove_last_stage_event (CwbStore       *self,
                                   gint64          consortium_id,
                                   CwbStageEvent **removed,
                                   GError        **error)
{
  PendingChange change = { CWB_CHANGE_LIFECYCLE, consortium_id };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(StoreStatement) delete = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (removed != NULL)
    *removed = NULL;

  if (!store_begin (self, error))
    return FALSE;

  if (!store_consortium_exists (self, consortium_id, error) ||
      (events = store_read_lifecycle (self, consortium_id, error)) == NULL)
    goto failed;

  if (events->len == 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("No step of the review or term has been recorded"));
      goto failed;
    }

  delete = store_prepare (self,
                          "DELETE FROM lifecycle_event "
                          "WHERE consortium_id = :consortium_id AND position = :position",
                          error);
  if (delete == NULL)
    goto failed;

  store_bind_int64 (delete, ":consortium_id", consortium_id);
  store_bind_int64 (delete, ":position", events->len - 1);

  if (!store_step_done (self, delete, error) ||
      !store_touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  if (removed != NULL)
    *removed = g_ptr_array_steal_index (events, events->len - 1);

  store_emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_set_rules:
 * @self: a #CwbStore
 * @rules: (nullable): the rule set whose lifecycle the store enforces;
 *   %NULL for the shipped one
 *
 * The rule set a step must follow to be recorded
 * (cwb_store_append_stage_event(), an imported consortium's steps). A
 * #CwbContext made with a store sets its own rule set here.
 */
void
cwb_store_set_rules (CwbStore   *self,
                     CwbRuleSet *rules)
{
  g_return_if_fail (CWB_IS_STORE (self));
  g_return_if_fail (rules == NULL || CWB_IS_RULE_SET (rules));

  g_set_object (&self->rules, rules);
}

/**
 * cwb_store_get_rules:
 * @self: a #CwbStore
 *
 * Returns: (transfer none) (nullable): the rule set given to
 *   cwb_store_set_rules(), %NULL for the shipped one
 */
CwbRuleSet *
cwb_store_get_rules (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return self->rules;
}
