/* cwb-rule-set.h — the policy's rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_RULE_SET (cwb_rule_set_get_type ())

G_DECLARE_FINAL_TYPE (CwbRuleSet, cwb_rule_set, CWB, RULE_SET, GObject)

/*
 * A rule set is a JSON document (data/rules/hainan-2022.json is the shipped
 * one, compiled into libcwb's GResource). It holds every rule's id, clause id,
 * clause text, strength, title, the thresholds ("params"), the fields that
 * R1 relaxes with their lowered figures, and the readings this software chose.
 * No figure of the policy is written in C.
 */

CwbRuleSet         *cwb_rule_set_new_default         (GError      **error);
CwbRuleSet         *cwb_rule_set_new_from_file       (GFile        *file,
                                                      GError      **error);
CwbRuleSet         *cwb_rule_set_new_from_data       (const char   *data,
                                                      gssize        length,
                                                      GError      **error);

const char         *cwb_rule_set_get_id              (CwbRuleSet   *self);
const char         *cwb_rule_set_get_title           (CwbRuleSet   *self);

/* The sixteen industry clusters, in the policy's order. */
const char * const *cwb_rule_set_get_industries      (CwbRuleSet   *self);
gboolean            cwb_rule_set_has_industry        (CwbRuleSet   *self,
                                                      const char   *industry);

/* Rule ids in the order reports list them. */
const char * const *cwb_rule_set_get_rule_ids        (CwbRuleSet   *self);
gboolean            cwb_rule_set_has_rule            (CwbRuleSet   *self,
                                                      const char   *rule);
/* position of @rule in cwb_rule_set_get_rule_ids(), G_MAXINT if unknown */
int                 cwb_rule_set_get_rule_index      (CwbRuleSet   *self,
                                                      const char   *rule);
const char         *cwb_rule_set_get_clause          (CwbRuleSet   *self,
                                                      const char   *rule);
/* the policy's own words for the clause (Chinese, quoted, never translated) */
const char         *cwb_rule_set_get_clause_text     (CwbRuleSet   *self,
                                                      const char   *rule);
/* a one-line statement of the rule in the UI language */
const char         *cwb_rule_set_get_rule_title      (CwbRuleSet   *self,
                                                      const char   *rule);
CwbStrength         cwb_rule_set_get_strength        (CwbRuleSet   *self,
                                                      const char   *rule);
/* (nullable): the reading this software chose where the text is open */
const char         *cwb_rule_set_get_reading         (CwbRuleSet   *self,
                                                      const char   *rule);

/* Thresholds and options of a rule: "params": {"min_ratio": 0.5, …} */
gboolean            cwb_rule_set_lookup_number       (CwbRuleSet   *self,
                                                      const char   *rule,
                                                      const char   *param,
                                                      double       *value);
gboolean            cwb_rule_set_lookup_boolean      (CwbRuleSet   *self,
                                                      const char   *rule,
                                                      const char   *param,
                                                      gboolean     *value);
gboolean            cwb_rule_set_lookup_string       (CwbRuleSet   *self,
                                                      const char   *rule,
                                                      const char   *param,
                                                      const char  **value);
/* (transfer none) (nullable): a string-array param */
const char * const *cwb_rule_set_lookup_strv         (CwbRuleSet   *self,
                                                      const char   *rule,
                                                      const char   *param);

/* R1: TRUE if @industry may lower @rule's conditions and the rule set gives
 * a lowered figure for @param; stores it in @value. */
gboolean            cwb_rule_set_lookup_relaxed_number (CwbRuleSet *self,
                                                        const char *rule,
                                                        const char *param,
                                                        const char *industry,
                                                        double     *value);

/* (transfer none) (nullable): a text of @rule's object param @param in the
 * UI language, e.g. A1's "headings" → "goals" */
const char         *cwb_rule_set_lookup_text         (CwbRuleSet   *self,
                                                      const char   *rule,
                                                      const char   *param,
                                                      const char   *key);

/* The figures other code takes from the rule set (docs/rule-set.md). */

/* "lifecycle.term_years": a term's length (五(三): three years) */
guint               cwb_rule_set_get_term_years      (CwbRuleSet   *self);
/* L6's "years": the fiscal years L6 counts, a file may give and the member
 * form offers; 0 without L6 */
guint               cwb_rule_set_get_fiscal_years    (CwbRuleSet   *self);

/* "lifecycle.stages": the stages a consortium may reach, which need a
 * document number, and which may follow which */
gboolean            cwb_rule_set_has_stage           (CwbRuleSet   *self,
                                                      CwbStage      stage);
gboolean            cwb_rule_set_stage_needs_document (CwbRuleSet  *self,
                                                       CwbStage     stage);
/* (array length=n_stages) (transfer none) (nullable): empty for a final stage */
const CwbStage     *cwb_rule_set_get_next_stages     (CwbRuleSet   *self,
                                                      CwbStage      stage,
                                                      guint        *n_stages);

G_END_DECLS
