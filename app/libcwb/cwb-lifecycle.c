/* cwb-lifecycle.c — a consortium's review, approval and term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-lifecycle.h"
#include "cwb-rule-set-private.h"

/**
 * cwb_stage_get_label:
 * @stage: a #CwbStage
 *
 * Returns: (transfer none): the stage's translated label
 */
const char *
cwb_stage_get_label (CwbStage stage)
{
  switch (stage)
    {
    case CWB_STAGE_DRAFT:
      return _("Draft");
    case CWB_STAGE_SUBMITTED:
      return _("Submitted");
    case CWB_STAGE_VERIFYING:
      return _("Being verified by the city/county office");
    case CWB_STAGE_RECOMMENDED:
      return _("Recommended by the city/county office");
    case CWB_STAGE_RETURNED:
      return _("Returned by the city/county office");
    case CWB_STAGE_APPROVING:
      return _("Under provincial review");
    case CWB_STAGE_APPROVED:
      return _("Approved");
    case CWB_STAGE_REJECTED:
      return _("Not approved");
    case CWB_STAGE_CONTINUED:
      return _("Continued for a new term");
    case CWB_STAGE_NOT_CONTINUED:
      return _("Not continued at the term's end");
    case CWB_STAGE_DELISTED:
      return _("Delisted (rectification not done)");
    case CWB_STAGE_CANCELLED:
      return _("Cancelled (negative list)");
    case CWB_STAGE_DISSOLVED:
      return _("Dissolved");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cwb_stage_needs_document:
 * @rules: (nullable): the rule set; %NULL for the shipped one
 * @stage: a #CwbStage
 *
 * Returns: %TRUE for the stages the rule set marks as decisions (the
 *   provincial office's, in the shipped one), which must give a document
 *   number
 */
gboolean
cwb_stage_needs_document (CwbRuleSet *rules,
                          CwbStage    stage)
{
  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), FALSE);

  return cwb_rule_set_stage_needs_document (_cwb_rule_set_or_shipped (rules), stage);
}

/**
 * cwb_stage_get_next:
 * @rules: (nullable): the rule set; %NULL for the shipped one
 * @stage: the current stage
 * @n_stages: (out): how many
 *
 * The rule set's "lifecycle.stages" say which stages may follow which.
 * The shipped rule set's readings, where policy/RULES.md is silent: a
 * draft may be recorded as approved at once (a consortium approved before
 * its records were kept here); the province may decide on a recommended
 * consortium without a separate "under provincial review" step; a returned
 * or rejected application may be submitted again; delisting and
 * cancellation apply to an approved consortium; dissolution may end any
 * consortium that has not ended.
 *
 * Returns: (array length=n_stages) (transfer none) (nullable): the stages
 *   that may follow @stage
 */
const CwbStage *
cwb_stage_get_next (CwbRuleSet *rules,
                    CwbStage    stage,
                    guint      *n_stages)
{
  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (n_stages != NULL, NULL);

  return cwb_rule_set_get_next_stages (_cwb_rule_set_or_shipped (rules), stage, n_stages);
}

/**
 * cwb_stage_can_follow:
 * @rules: (nullable): the rule set; %NULL for the shipped one
 * @stage: a stage to record
 * @previous: the current stage
 *
 * Returns: %TRUE if @stage may be recorded after @previous
 */
gboolean
cwb_stage_can_follow (CwbRuleSet *rules,
                      CwbStage    stage,
                      CwbStage    previous)
{
  const CwbStage *next;
  guint n;

  next = cwb_stage_get_next (rules, previous, &n);
  for (guint i = 0; i < n; i++)
    if (next[i] == stage)
      return TRUE;

  return FALSE;
}

/**
 * cwb_lifecycle_get_stage:
 * @events: (element-type CwbStageEvent) (nullable): the recorded steps
 *
 * Returns: the stage reached
 */
CwbStage
cwb_lifecycle_get_stage (const GPtrArray *events)
{
  const CwbStageEvent *last;

  if (events == NULL || events->len == 0)
    return CWB_STAGE_DRAFT;

  last = g_ptr_array_index (events, events->len - 1);

  return last->stage;
}

/* The labels of the stages that may follow @stage: "a、b、c" */
static char *
next_labels (CwbRuleSet *rules,
             CwbStage    stage)
{
  GString *out = g_string_new (NULL);
  const CwbStage *next;
  guint n;

  next = cwb_stage_get_next (rules, stage, &n);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the items of a list; zh_CN: "、" */
        g_string_append (out, _(", "));
      g_string_append_printf (out, "“%s”", cwb_stage_get_label (next[i]));
    }

  return g_string_free (out, FALSE);
}

/**
 * cwb_lifecycle_check_next:
 * @rules: (nullable): the rule set; %NULL for the shipped one
 * @events: (element-type CwbStageEvent) (nullable): the recorded steps
 * @event: the step to record next
 * @today: (nullable): today's date, YYYY-MM-DD; %NULL to allow any date
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @event may be recorded after @events
 */
gboolean
cwb_lifecycle_check_next (CwbRuleSet          *rules,
                          const GPtrArray     *events,
                          const CwbStageEvent *event,
                          const char          *today,
                          GError             **error)
{
  CwbStage current = cwb_lifecycle_get_stage (events);

  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  if (event->stage == CWB_STAGE_DRAFT || !cwb_stage_can_follow (rules, event->stage, current))
    {
      g_autofree char *next = next_labels (rules, current);

      if (next[0] == '\0')
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                     _("“%s” cannot be recorded: the consortium has ended (“%s”)"),
                     cwb_stage_get_label (event->stage), cwb_stage_get_label (current));
      else
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                     _("“%s” cannot follow “%s”; the next step may be %s"),
                     cwb_stage_get_label (event->stage), cwb_stage_get_label (current), next);
      return FALSE;
    }

  if (!cwb_date_is_valid (event->date))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01"),
                   event->date != NULL ? event->date : "");
      return FALSE;
    }

  if (events != NULL && events->len > 0)
    {
      const CwbStageEvent *last = g_ptr_array_index (events, events->len - 1);

      if (strcmp (event->date, last->date) < 0)
        {
          g_autofree char *date = cwb_format_date (event->date);
          g_autofree char *last_date = cwb_format_date (last->date);

          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("the date %s is before the previous step (“%s”, %s)"),
                       date, cwb_stage_get_label (last->stage), last_date);
          return FALSE;
        }
    }

  if (today != NULL && strcmp (event->date, today) > 0)
    {
      g_autofree char *date = cwb_format_date (event->date);
      g_autofree char *today_text = cwb_format_date (today);

      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("the date %s is in the future (today is %s)"), date, today_text);
      return FALSE;
    }

  if (cwb_stage_needs_document (rules, event->stage) &&
      cwb_text_is_blank (event->document))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is a decision of the provincial office: give its document number, such as 琼科〔2024〕12号"),
                   cwb_stage_get_label (event->stage));
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_lifecycle_get_approval_date:
 * @events: (element-type CwbStageEvent) (nullable): the recorded steps
 *
 * Returns: (transfer none) (nullable): the first approval's date
 */
const char *
cwb_lifecycle_get_approval_date (const GPtrArray *events)
{
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const CwbStageEvent *event = g_ptr_array_index (events, i);

      if (event->stage == CWB_STAGE_APPROVED)
        return event->date;
    }

  return NULL;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  int year, month, day;

  if (!cwb_date_is_valid (iso) || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);

  return TRUE;
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/*
 * A term of the rule set's "term_years" counted as the Civil Code counts
 * periods (民法典 第二百零一条、第二百零二条): the day of the decision is
 * not counted, and the term's last day is the same day of the month that
 * many years later, or that month's last day when it has no such day (a
 * three-year term from 2024-02-29 ends on 2027-02-28). GDate clamps the
 * same way.
 */
static void
term_end (guint        years,
          const GDate *anchor,
          GDate       *end)
{
  *end = *anchor;
  g_date_add_years (end, years);
}

/**
 * cwb_lifecycle_get_term:
 * @rules: (nullable): the rule set whose "term_years" counts; %NULL for
 *   the shipped one
 * @events: (element-type CwbStageEvent) (nullable): the recorded steps
 * @start: (out) (optional) (transfer full): the term's start date
 * @end: (out) (optional) (transfer full): the term's last day
 *
 * Returns: %TRUE if the consortium was ever approved
 */
gboolean
cwb_lifecycle_get_term (CwbRuleSet       *rules,
                        const GPtrArray  *events,
                        char            **start,
                        char            **end)
{
  gboolean found = FALSE;
  GDate term_start, term_last;
  guint years;

  g_return_val_if_fail (rules == NULL || CWB_IS_RULE_SET (rules), FALSE);

  years = cwb_rule_set_get_term_years (_cwb_rule_set_or_shipped (rules));

  if (start != NULL)
    *start = NULL;
  if (end != NULL)
    *end = NULL;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const CwbStageEvent *event = g_ptr_array_index (events, i);
      GDate date;

      if (event->stage != CWB_STAGE_APPROVED && event->stage != CWB_STAGE_CONTINUED)
        continue;
      if (!parse_date (event->date, &date))
        continue;

      /* a continuation decided before the old term ended starts the new
       * term where the old one ends */
      if (event->stage == CWB_STAGE_CONTINUED && found && g_date_compare (&term_last, &date) > 0)
        term_start = term_last;
      else
        term_start = date;
      term_end (years, &term_start, &term_last);
      found = TRUE;
    }

  if (!found)
    return FALSE;

  if (start != NULL)
    *start = date_to_iso (&term_start);
  if (end != NULL)
    *end = date_to_iso (&term_last);

  return TRUE;
}

/**
 * cwb_lifecycle_is_expired:
 * @rules: (nullable): the rule set; %NULL for the shipped one
 * @events: (element-type CwbStageEvent) (nullable): the recorded steps
 * @today: today's date, YYYY-MM-DD
 *
 * Returns: %TRUE if the current term is over and no final evaluation was
 *   recorded
 */
gboolean
cwb_lifecycle_is_expired (CwbRuleSet      *rules,
                          const GPtrArray *events,
                          const char      *today)
{
  CwbStage stage = cwb_lifecycle_get_stage (events);
  g_autofree char *end = NULL;

  g_return_val_if_fail (today != NULL, FALSE);

  if (stage != CWB_STAGE_APPROVED && stage != CWB_STAGE_CONTINUED)
    return FALSE;
  if (!cwb_lifecycle_get_term (rules, events, NULL, &end))
    return FALSE;

  return strcmp (today, end) > 0;
}
