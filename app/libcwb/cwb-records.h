/* cwb-records.h — small boxed records of the consortium model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-types.h"

G_BEGIN_DECLS

/**
 * CwbPlatform:
 * @name: the platform's name
 * @level: its level
 * @kind: its kind
 *
 * An innovation platform of the lead unit (rule L5).
 */
typedef struct {
  char             *name;
  CwbPlatformLevel  level;
  CwbPlatformKind   kind;
} CwbPlatform;

/**
 * CwbFiscalYear:
 * @year: the fiscal year
 * @rd_expense: R&D expense in 元, or -1 if not given
 * @sales: sales revenue in 元, or -1 if not given
 *
 * One of the lead's last fiscal years (rule L6 counts the rule set's "years", three shipped).
 */
typedef struct {
  int    year;
  gint64 rd_expense;
  gint64 sales;
} CwbFiscalYear;

/**
 * CwbStandard:
 * @kind: technical, product or industry standard
 * @title: its title
 *
 * A standard the consortium plans to set (rule P1).
 */
typedef struct {
  CwbStandardKind  kind;
  char            *title;
} CwbStandard;

/**
 * CwbException:
 * @rule: the rule id it accepts (e.g. "C3")
 * @document: the decision's document number (e.g. 琼科〔2024〕12号)
 * @date: the decision's date, YYYY-MM-DD
 * @reason: why it was granted
 *
 * A 一事一议 decision by staff (rule X1) that accepts one failed rule.
 */
typedef struct {
  char *rule;
  char *document;
  char *date;
  char *reason;
} CwbException;

/**
 * CwbStageEvent:
 * @stage: the step reached (never %CWB_STAGE_DRAFT)
 * @date: when, YYYY-MM-DD
 * @document: (nullable): the decision's document number (文号)
 * @note: (nullable): staff's note, such as the reason for a return
 *
 * One recorded step of a consortium's review and term (cwb-lifecycle.h).
 */
typedef struct {
  CwbStage  stage;
  char     *date;
  char     *document;
  char     *note;
} CwbStageEvent;

#define CWB_TYPE_PLATFORM    (cwb_platform_get_type ())
#define CWB_TYPE_FISCAL_YEAR (cwb_fiscal_year_get_type ())
#define CWB_TYPE_STANDARD    (cwb_standard_get_type ())
#define CWB_TYPE_EXCEPTION   (cwb_exception_get_type ())
#define CWB_TYPE_STAGE_EVENT (cwb_stage_event_get_type ())

GType          cwb_platform_get_type    (void) G_GNUC_CONST;
CwbPlatform   *cwb_platform_new         (const char       *name,
                                         CwbPlatformLevel  level,
                                         CwbPlatformKind   kind);
CwbPlatform   *cwb_platform_copy        (const CwbPlatform *self);
void           cwb_platform_free        (CwbPlatform       *self);

GType          cwb_fiscal_year_get_type (void) G_GNUC_CONST;
CwbFiscalYear *cwb_fiscal_year_new      (int                  year,
                                         gint64               rd_expense,
                                         gint64               sales);
CwbFiscalYear *cwb_fiscal_year_copy     (const CwbFiscalYear *self);
void           cwb_fiscal_year_free     (CwbFiscalYear       *self);

GType          cwb_standard_get_type    (void) G_GNUC_CONST;
CwbStandard   *cwb_standard_new         (CwbStandardKind    kind,
                                         const char        *title);
CwbStandard   *cwb_standard_copy        (const CwbStandard *self);
void           cwb_standard_free        (CwbStandard       *self);

GType          cwb_exception_get_type   (void) G_GNUC_CONST;
CwbException  *cwb_exception_new        (const char         *rule,
                                         const char         *document,
                                         const char         *date,
                                         const char         *reason);
CwbException  *cwb_exception_copy       (const CwbException *self);
void           cwb_exception_free       (CwbException       *self);

GType          cwb_stage_event_get_type (void) G_GNUC_CONST;
CwbStageEvent *cwb_stage_event_new      (CwbStage             stage,
                                         const char          *date,
                                         const char          *document,
                                         const char          *note);
CwbStageEvent *cwb_stage_event_copy     (const CwbStageEvent *self);
void           cwb_stage_event_free     (CwbStageEvent       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbPlatform, cwb_platform_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbFiscalYear, cwb_fiscal_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbStandard, cwb_standard_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbException, cwb_exception_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbStageEvent, cwb_stage_event_free)

G_END_DECLS
