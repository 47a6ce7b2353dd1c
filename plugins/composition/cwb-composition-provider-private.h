/* cwb-composition-provider-private.h — what the composition check's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

/* What one check works on; everything borrowed. */
typedef struct
{
  CwbContext     *context;
  CwbRuleSet     *rules;
  CwbConsortium  *consortium;
  CwbCheckReport *report;
  const GPtrArray *members;  /* CwbMember * */
  CwbMember      *lead;      /* nullable */
  const char     *industry;  /* nullable */
} CwbCompositionCheck;

/* value ≥ threshold, forgiving the rounding of a product such as 0.2 × 10 */
gboolean        _cwb_composition_at_least    (double               value,
                                              double               threshold);
/* the member's name, else its credit code (transfer none) */
const char     *_cwb_composition_member_label (CwbMember          *member);
/* (transfer full): the items joined into one list, e.g. "A、B、C" */
char           *_cwb_composition_join_list   (GPtrArray           *items);
/* (transfer full) (nullable): a result for @rule, NULL when the rule set
 * does not hold the rule */
CwbCheckResult *_cwb_composition_result_new  (CwbCompositionCheck *c,
                                              const char          *rule,
                                              CwbStatus            status,
                                              const char          *message);
/* adds @result (transfer full) to the report */
void            _cwb_composition_result_add  (CwbCompositionCheck *c,
                                              CwbCheckResult      *result);
/* a result with a message and a remedy (nullable) */
void            _cwb_composition_add_simple  (CwbCompositionCheck *c,
                                              const char          *rule,
                                              CwbStatus            status,
                                              const char          *message,
                                              const char          *remedy);
/* A figure the rule needs from the rule set; when it is missing the rule is
 * "unknown" and FALSE is returned. */
gboolean        _cwb_composition_need_number (CwbCompositionCheck *c,
                                              const char          *rule,
                                              const char          *param,
                                              double              *value);
/* the result of @rule for a consortium without a lead unit */
void            _cwb_composition_add_no_lead (CwbCompositionCheck *c,
                                              const char          *rule,
                                              CwbStatus            status);

/* The lead unit's rules, in order: L1–L7, then R1
 * (cwb-composition-provider-lead.c). */
void            _cwb_composition_check_lead  (CwbCompositionCheck *c);

G_END_DECLS
