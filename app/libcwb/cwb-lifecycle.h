/* cwb-lifecycle.h — a consortium's review, approval and term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-records.h"
#include "cwb-types.h"

G_BEGIN_DECLS

/*
 * The steps of policy 五(二)/(三) and 六(二)/(三) as a list of recorded
 * CwbStageEvents, oldest first (policy/RULES.md, "Lifecycle"):
 *
 *   draft → submitted → verifying → recommended | returned → approving →
 *   approved (a term starts) | rejected; at the term's end continued
 *   (a new term) | not continued; delisted (rectification after a yearly
 *   assessment not done), cancelled (negative list) or dissolved.
 *
 * Which stages may follow which, which need a document number and how
 * long a term lasts (五(三): "有效期为三年") come from the rule set's
 * "lifecycle" (docs/rule-set.md); @rules NULL means the shipped one.
 *
 * These functions are pure: the store records the steps
 * (cwb_store_append_stage_event) and the consortium file carries them
 * ("lifecycle").
 */

/* The translated label of @stage, e.g. "已通过审定" */
const char     *cwb_stage_get_label              (CwbStage       stage);
/* TRUE for the provincial office's decisions, which must give their
 * document number (文号) */
gboolean        cwb_stage_needs_document         (CwbRuleSet    *rules,
                                                  CwbStage       stage);

/* The steps that may follow @stage, in the order a form offers them;
 * (array length=n_stages) (transfer none), empty for a final stage */
const CwbStage *cwb_stage_get_next               (CwbRuleSet    *rules,
                                                  CwbStage       stage,
                                                  guint         *n_stages);
gboolean        cwb_stage_can_follow             (CwbRuleSet    *rules,
                                                  CwbStage       stage,
                                                  CwbStage       previous);

/* @events: (element-type CwbStageEvent) (nullable), oldest first:
 * the stage reached, %CWB_STAGE_DRAFT when nothing was recorded */
CwbStage        cwb_lifecycle_get_stage          (const GPtrArray *events);

/* Whether @event may be recorded after @events: its stage must follow the
 * current one, its date must be a valid date no earlier than the last
 * step's and (when @today is given) not after @today, and a decision must
 * give its document number. CWB_ERROR_INVALID with a message fit to show. */
gboolean        cwb_lifecycle_check_next         (CwbRuleSet          *rules,
                                                  const GPtrArray     *events,
                                                  const CwbStageEvent *event,
                                                  const char          *today,
                                                  GError             **error);

/* (transfer none) (nullable): the date of the first approval, NULL if the
 * consortium was never approved */
const char     *cwb_lifecycle_get_approval_date  (const GPtrArray *events);

/* The current term, from the last approval or continuation: @start and
 * @end (the last valid day) as YYYY-MM-DD. As the Civil Code counts
 * periods, a term's start day is not counted and its last day is the same
 * date the rule set's term_years later. A continuation's term starts on the previous
 * term's last day (so the terms follow without a gap), or on its own date
 * if that is later. FALSE (and NULLs) if the consortium was never approved.
 * @start: (out) (optional) (transfer full)
 * @end: (out) (optional) (transfer full) */
gboolean        cwb_lifecycle_get_term           (CwbRuleSet       *rules,
                                                  const GPtrArray  *events,
                                                  char            **start,
                                                  char            **end);

/* TRUE if the consortium is approved or continued and @today is after the
 * current term's last day: the final evaluation (六(二)) is due */
gboolean        cwb_lifecycle_is_expired         (CwbRuleSet      *rules,
                                                  const GPtrArray *events,
                                                  const char      *today);

G_END_DECLS
