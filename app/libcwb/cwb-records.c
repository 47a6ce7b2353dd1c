/* cwb-records.c — small boxed records of the consortium model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-records"

#include "config.h"

#include "cwb-records.h"

G_DEFINE_BOXED_TYPE (CwbPlatform, cwb_platform, cwb_platform_copy, cwb_platform_free)
G_DEFINE_BOXED_TYPE (CwbFiscalYear, cwb_fiscal_year, cwb_fiscal_year_copy, cwb_fiscal_year_free)
G_DEFINE_BOXED_TYPE (CwbStandard, cwb_standard, cwb_standard_copy, cwb_standard_free)
G_DEFINE_BOXED_TYPE (CwbException, cwb_exception, cwb_exception_copy, cwb_exception_free)
G_DEFINE_BOXED_TYPE (CwbStageEvent, cwb_stage_event, cwb_stage_event_copy, cwb_stage_event_free)

/**
 * cwb_platform_new:
 * @name: (nullable): the platform's name
 * @level: its level
 * @kind: its kind
 *
 * Returns: (transfer full): a new #CwbPlatform
 */
CwbPlatform *
cwb_platform_new (const char       *name,
                  CwbPlatformLevel  level,
                  CwbPlatformKind   kind)
{
  CwbPlatform *self = g_new0 (CwbPlatform, 1);

  self->name = g_strdup (name);
  self->level = level;
  self->kind = kind;

  return self;
}

CwbPlatform *
cwb_platform_copy (const CwbPlatform *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cwb_platform_new (self->name, self->level, self->kind);
}

void
cwb_platform_free (CwbPlatform *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

/**
 * cwb_fiscal_year_new:
 * @year: the fiscal year
 * @rd_expense: R&D expense in 元, or -1
 * @sales: sales revenue in 元, or -1
 *
 * Returns: (transfer full): a new #CwbFiscalYear
 */
CwbFiscalYear *
cwb_fiscal_year_new (int    year,
                     gint64 rd_expense,
                     gint64 sales)
{
  CwbFiscalYear *self = g_new0 (CwbFiscalYear, 1);

  self->year = year;
  self->rd_expense = rd_expense;
  self->sales = sales;

  return self;
}

CwbFiscalYear *
cwb_fiscal_year_copy (const CwbFiscalYear *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cwb_fiscal_year_new (self->year, self->rd_expense, self->sales);
}

void
cwb_fiscal_year_free (CwbFiscalYear *self)
{
  g_free (self);
}

/**
 * cwb_standard_new:
 * @kind: the kind of standard
 * @title: (nullable): its title
 *
 * Returns: (transfer full): a new #CwbStandard
 */
CwbStandard *
cwb_standard_new (CwbStandardKind  kind,
                  const char      *title)
{
  CwbStandard *self = g_new0 (CwbStandard, 1);

  self->kind = kind;
  self->title = g_strdup (title);

  return self;
}

CwbStandard *
cwb_standard_copy (const CwbStandard *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cwb_standard_new (self->kind, self->title);
}

void
cwb_standard_free (CwbStandard *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self);
}

/**
 * cwb_exception_new:
 * @rule: (nullable): the rule id it accepts
 * @document: (nullable): the decision's document number
 * @date: (nullable): the decision's date, YYYY-MM-DD
 * @reason: (nullable): why it was granted
 *
 * Returns: (transfer full): a new #CwbException
 */
CwbException *
cwb_exception_new (const char *rule,
                   const char *document,
                   const char *date,
                   const char *reason)
{
  CwbException *self = g_new0 (CwbException, 1);

  self->rule = g_strdup (rule);
  self->document = g_strdup (document);
  self->date = g_strdup (date);
  self->reason = g_strdup (reason);

  return self;
}

CwbException *
cwb_exception_copy (const CwbException *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cwb_exception_new (self->rule, self->document, self->date, self->reason);
}

void
cwb_exception_free (CwbException *self)
{
  if (self == NULL)
    return;

  g_free (self->rule);
  g_free (self->document);
  g_free (self->date);
  g_free (self->reason);
  g_free (self);
}

/**
 * cwb_stage_event_new:
 * @stage: the step reached
 * @date: (nullable): when, YYYY-MM-DD
 * @document: (nullable): the decision's document number
 * @note: (nullable): a note
 *
 * Empty strings are kept as %NULL.
 *
 * Returns: (transfer full): a new #CwbStageEvent
 */
CwbStageEvent *
cwb_stage_event_new (CwbStage    stage,
                     const char *date,
                     const char *document,
                     const char *note)
{
  CwbStageEvent *self = g_new0 (CwbStageEvent, 1);

  self->stage = stage;
  self->date = g_strdup (date);
  self->document = document != NULL && document[0] != '\0' ? g_strdup (document) : NULL;
  self->note = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;

  return self;
}

CwbStageEvent *
cwb_stage_event_copy (const CwbStageEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cwb_stage_event_new (self->stage, self->date, self->document, self->note);
}

void
cwb_stage_event_free (CwbStageEvent *self)
{
  if (self == NULL)
    return;

  g_free (self->date);
  g_free (self->document);
  g_free (self->note);
  g_free (self);
}
