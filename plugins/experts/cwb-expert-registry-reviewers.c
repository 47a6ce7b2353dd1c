/* cwb-expert-registry-reviewers.c — reviewers without conflicts of interest (五(二))
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-registry-reviewers"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <xlsxwriter.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"

CwbReviewer *
cwb_reviewer_copy (const CwbReviewer *self)
{
  CwbReviewer *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CwbReviewer, 1);
  copy->expert = self->expert != NULL ? g_object_ref (self->expert) : NULL;
  copy->conflict = self->conflict;
  copy->reason = g_strdup (self->reason);
  copy->opinion = g_strdup (self->opinion);
  copy->date = g_strdup (self->date);

  return copy;
}

void
cwb_reviewer_free (CwbReviewer *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->expert);
  g_free (self->reason);
  g_free (self->opinion);
  g_free (self->date);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (CwbReviewer, cwb_reviewer, cwb_reviewer_copy, cwb_reviewer_free)

CwbReviewerConflict
cwb_expert_registry_get_conflict (CwbExpertRegistry  *self,
                                  CwbConsortium      *consortium,
                                  CwbExpert          *expert,
                                  char              **reason)
{
  const char *uscc;
  gint64 chief;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), CWB_REVIEWER_CONFLICT_NONE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), CWB_REVIEWER_CONFLICT_NONE);
  g_return_val_if_fail (CWB_IS_EXPERT (expert), CWB_REVIEWER_CONFLICT_NONE);

  if (reason != NULL)
    *reason = NULL;

  chief = cwb_consortium_get_id (consortium) != 0
          ? cwb_expert_registry_get_chief (self, cwb_consortium_get_id (consortium))
          : cwb_expert_registry_match_section (self, cwb_consortium_get_section (consortium, "chief_expert"));
  if (chief != 0 && chief == cwb_expert_get_id (expert))
    {
      if (reason != NULL)
        *reason = g_strdup_printf (_("%s is the chief expert of “%s”."),
                                   cwb_expert_get_name (expert), cwb_consortium_get_name (consortium));
      return CWB_REVIEWER_CONFLICT_CHIEF;
    }

  uscc = cwb_expert_get_affiliation_uscc (expert);
  for (guint i = 0; *uscc != '\0' && i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (consortium, i);

      if (g_strcmp0 (cwb_member_get_uscc (member), uscc) == 0)
        {
          if (reason != NULL)
            *reason = g_strdup_printf (_("%s works at %s, a member unit of “%s”."),
                                       cwb_expert_get_name (expert), cwb_member_get_name (member),
                                       cwb_consortium_get_name (consortium));
          return CWB_REVIEWER_CONFLICT_MEMBER;
        }
    }

  return CWB_REVIEWER_CONFLICT_NONE;
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  const CwbReviewer *ra = *(CwbReviewer * const *) a;
  const CwbReviewer *rb = *(CwbReviewer * const *) b;

  return (ra->conflict != CWB_REVIEWER_CONFLICT_NONE) - (rb->conflict != CWB_REVIEWER_CONFLICT_NONE);
}

GPtrArray *
cwb_expert_registry_suggest_reviewers (CwbExpertRegistry  *self,
                                       CwbConsortium      *consortium,
                                       guint               limit,
                                       GError            **error)
{
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_reviewer_free);
  g_autoptr(GError) local_error = NULL;
  const char *industry;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  industry = cwb_consortium_get_industry (consortium);
  if (industry == NULL || *industry == '\0')
    return g_steal_pointer (&reviewers);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT " CWB_EXPERT_COLUMNS " FROM experts_expert e "
                                       "WHERE instr (e.fields, :industry) > 0 ORDER BY e.name, e.id LIMIT :limit",
                                       error);
  if (stmt == NULL)
    return NULL;

  cwb_statement_bind_text (stmt, ":industry", industry);
  cwb_statement_bind_int64 (stmt, ":limit", limit > 0 ? limit : 200);
  while (cwb_statement_step (stmt, &local_error))
    {
      CwbReviewer *reviewer = g_new0 (CwbReviewer, 1);

      reviewer->expert = _cwb_expert_registry_read_row (stmt, 0);
      g_ptr_array_add (reviewers, reviewer);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (guint i = 0; i < reviewers->len; i++)
    {
      CwbReviewer *reviewer = g_ptr_array_index (reviewers, i);

      /* the fields hold the name as a substring; E2's reading is the same */
      reviewer->conflict = cwb_expert_registry_get_conflict (self, consortium, reviewer->expert, &reviewer->reason);
    }

  /* stable: those without conflict first, each group by name */
  g_ptr_array_sort (reviewers, compare_conflicts);

  return g_steal_pointer (&reviewers);
}

typedef struct {
  CwbExpertRegistry *self;
  gint64             consortium_id;
  gint64             expert_id;
  const char        *opinion;
  const char        *date;
  int                action;  /* 0 add, 1 opinion, 2 remove */
} ReviewerArgs;

static gboolean
reviewer_in_transaction (CwbStore  *store,
                         gpointer   user_data,
                         GError   **error)
{
  ReviewerArgs *args = user_data;
  CwbStatement *stmt;
  static const char * const sql[] = {
    "INSERT INTO experts_reviewer (consortium_id, expert_id, position) VALUES (:consortium, :expert, "
    "(SELECT coalesce (max (position), 0) + 1 FROM experts_reviewer WHERE consortium_id = :consortium))",
    "UPDATE experts_reviewer SET opinion = :opinion, date = :date "
    "WHERE consortium_id = :consortium AND expert_id = :expert",
    "DELETE FROM experts_reviewer WHERE consortium_id = :consortium AND expert_id = :expert",
  };

  stmt = _cwb_expert_registry_prepare (args->self, sql[args->action], error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":consortium", args->consortium_id);
  cwb_statement_bind_int64 (stmt, ":expert", args->expert_id);
  if (args->action == 1)
    {
      cwb_statement_bind_text (stmt, ":opinion", args->opinion != NULL ? args->opinion : "");
      if (args->date != NULL)
        cwb_statement_bind_text (stmt, ":date", args->date);
      else
        cwb_statement_bind_null (stmt, ":date");
    }

  if (cwb_statement_step (stmt, error))
    cwb_statement_reset (stmt);
  else if (error != NULL && *error != NULL)
    return FALSE;

  if (args->action > 0 && cwb_statement_get_changes (stmt) == 0)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                           _("The expert is not a reviewer of this consortium."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_reviewer (ReviewerArgs  *args,
              GError       **error)
{
  if (!cwb_store_run_in_transaction (cwb_expert_registry_get_store (args->self), reviewer_in_transaction, args, error))
    return FALSE;

  _cwb_expert_registry_emit_changed (args->self);

  return TRUE;
}

gboolean
cwb_expert_registry_add_reviewer (CwbExpertRegistry  *self,
                                  gint64              consortium_id,
                                  gint64              expert_id,
                                  GError            **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbExpert) expert = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;
  ReviewerArgs args = { self, consortium_id, expert_id, NULL, NULL, 0 };

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  expert = cwb_expert_registry_get (self, expert_id, error);
  if (expert == NULL)
    return FALSE;
  consortium = cwb_store_load_consortium (cwb_expert_registry_get_store (self), consortium_id, error);
  if (consortium == NULL)
    return FALSE;

  if (cwb_expert_registry_get_conflict (self, consortium, expert, &reason) != CWB_REVIEWER_CONFLICT_NONE)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("%s cannot review “%s”: %s"), cwb_expert_get_name (expert),
                   cwb_consortium_get_name (consortium), reason);
      return FALSE;
    }

  if (!run_reviewer (&args, &local_error))
    {
      if (g_error_matches (local_error, CWB_ERROR, CWB_ERROR_EXISTS))
        g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
                     _("%s is a reviewer of “%s” already."), cwb_expert_get_name (expert),
                     cwb_consortium_get_name (consortium));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
cwb_expert_registry_set_reviewer_opinion (CwbExpertRegistry  *self,
                                          gint64              consortium_id,
                                          gint64              expert_id,
                                          const char         *opinion,
                                          const char         *date,
                                          GError            **error)
{
  ReviewerArgs args = { self, consortium_id, expert_id, opinion, date, 1 };

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date != NULL && !_cwb_expert_registry_check_date (date, error))
    return FALSE;

  return run_reviewer (&args, error);
}

gboolean
cwb_expert_registry_remove_reviewer (CwbExpertRegistry  *self,
                                     gint64              consortium_id,
                                     gint64              expert_id,
                                     GError            **error)
{
  ReviewerArgs args = { self, consortium_id, expert_id, NULL, NULL, 2 };

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_reviewer (&args, error);
}

GPtrArray *
cwb_expert_registry_list_reviewers (CwbExpertRegistry  *self,
                                    gint64              consortium_id,
                                    GError            **error)
{
  g_autoptr(GPtrArray) reviewers = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_reviewer_free);
  g_autoptr(GError) local_error = NULL;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT " CWB_EXPERT_COLUMNS ", r.opinion, r.date FROM experts_reviewer r "
                                       "JOIN experts_expert e ON e.id = r.expert_id "
                                       "WHERE r.consortium_id = :consortium ORDER BY r.position",
                                       error);
  if (stmt == NULL)
    return NULL;

  cwb_statement_bind_int64 (stmt, ":consortium", consortium_id);
  while (cwb_statement_step (stmt, &local_error))
    {
      CwbReviewer *reviewer = g_new0 (CwbReviewer, 1);

      reviewer->expert = _cwb_expert_registry_read_row (stmt, 0);
      reviewer->opinion = g_strdup (cwb_statement_get_text (stmt, 13) ?: "");
      reviewer->date = g_strdup (cwb_statement_get_text (stmt, 14));
      g_ptr_array_add (reviewers, reviewer);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&reviewers);
}

gboolean
cwb_expert_registry_export_reviewers (CwbExpertRegistry  *self,
                                      gint64              consortium_id,
                                      const char         *path,
                                      GError            **error)
{
  static const char * const headers[] = {
    "姓名", "职称", "职称级别", "工作单位", "统一社会信用代码", "研究领域", "评审意见", "日期",
  };
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autoptr(CwbAtomicFile) file = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_error status;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  reviewers = cwb_expert_registry_list_reviewers (self, consortium_id, error);
  if (reviewers == NULL)
    return FALSE;

  /* written beside @path and renamed over it only once complete */
  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  if ((workbook = workbook_new (cwb_atomic_file_get_temp_path (file))) == NULL)
    return cwb_atomic_file_fail (file, NULL, error);

  sheet = workbook_add_worksheet (workbook, NULL);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, c, headers[c], NULL);

  for (guint i = 0; i < reviewers->len; i++)
    {
      CwbReviewer *reviewer = g_ptr_array_index (reviewers, i);
      g_autofree char *fields = cwb_expert_dup_fields_text (reviewer->expert);
      const char *cells[] = {
        cwb_expert_get_name (reviewer->expert),
        cwb_expert_get_title (reviewer->expert),
        cwb_expert_level_to_label (cwb_expert_get_level (reviewer->expert)),
        cwb_expert_get_affiliation_name (reviewer->expert),
        cwb_expert_get_affiliation_uscc (reviewer->expert),
        fields,
        reviewer->opinion,
        reviewer->date != NULL ? reviewer->date : "",
      };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        if (cells[c] != NULL && *cells[c] != '\0')
          worksheet_write_string (sheet, i + 1, c, cells[c], NULL);
    }

  /* the workbook is only written out here */
  if ((status = workbook_close (workbook)) != LXW_NO_ERROR)
    return cwb_atomic_file_fail (file, lxw_strerror (status), error);

  return cwb_atomic_file_commit (file, error);
}
