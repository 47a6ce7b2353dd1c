/* cwb-check-result.h — the outcome of one rule for one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_CHECK_RESULT (cwb_check_result_get_type ())

G_DECLARE_FINAL_TYPE (CwbCheckResult, cwb_check_result, CWB, CHECK_RESULT, GObject)

/* Properties: "rule", "clause", "strength", "status", "value", "threshold",
 * "has-value", "has-threshold", "unit", "message", "remedy", "plugin". */

CwbCheckResult *cwb_check_result_new           (const char     *rule,
                                                const char     *clause,
                                                CwbStrength     strength,
                                                CwbStatus       status);
/* takes clause and strength from @rules */
CwbCheckResult *cwb_check_result_new_for_rule  (CwbRuleSet     *rules,
                                                const char     *rule,
                                                CwbStatus       status);

/* a check provider that failed: status error, @plugin as the rule */
CwbCheckResult *cwb_check_result_new_error     (const char     *plugin,
                                                const char     *message);

const char     *cwb_check_result_get_rule      (CwbCheckResult *self);
/* (nullable): the plugin of an error result */
const char     *cwb_check_result_get_plugin    (CwbCheckResult *self);
const char     *cwb_check_result_get_clause    (CwbCheckResult *self);
CwbStrength     cwb_check_result_get_strength  (CwbCheckResult *self);
CwbStatus       cwb_check_result_get_status    (CwbCheckResult *self);
void            cwb_check_result_set_status    (CwbCheckResult *self,
                                                CwbStatus       status);
gboolean        cwb_check_result_get_has_value (CwbCheckResult *self);
double          cwb_check_result_get_value     (CwbCheckResult *self);
void            cwb_check_result_set_value     (CwbCheckResult *self,
                                                double          value);
gboolean        cwb_check_result_get_has_threshold (CwbCheckResult *self);
double          cwb_check_result_get_threshold (CwbCheckResult *self);
void            cwb_check_result_set_threshold (CwbCheckResult *self,
                                                double          threshold);
/* what value and threshold measure; CWB_UNIT_NONE until set */
CwbUnit         cwb_check_result_get_unit      (CwbCheckResult *self);
void            cwb_check_result_set_unit      (CwbCheckResult *self,
                                                CwbUnit         unit);
/* what was found, a whole translated sentence */
const char     *cwb_check_result_get_message   (CwbCheckResult *self);
void            cwb_check_result_set_message   (CwbCheckResult *self,
                                                const char     *message);
/* (nullable): what would make it pass, e.g. "还需 2 家在琼注册或驻琼单位" */
const char     *cwb_check_result_get_remedy    (CwbCheckResult *self);
void            cwb_check_result_set_remedy    (CwbCheckResult *self,
                                                const char     *remedy);

/* TRUE for pass, relaxed, excepted, declared and info (not error) */
gboolean        cwb_status_is_passing          (CwbStatus       status);
const char     *cwb_status_to_nick             (CwbStatus       status);
const char     *cwb_strength_to_nick           (CwbStrength     strength);
const char     *cwb_verdict_to_nick            (CwbVerdict      verdict);

G_END_DECLS
