/* cwb-rule-set-private.h — the rule set libcwb falls back to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-rule-set.h"

G_BEGIN_DECLS

/* (transfer none): @rules, or when it is NULL the shipped rule set, parsed
 * once and kept for the process's life (for the functions whose @rules is
 * nullable) */
G_GNUC_INTERNAL
CwbRuleSet *_cwb_rule_set_or_shipped (CwbRuleSet *rules);

G_END_DECLS
