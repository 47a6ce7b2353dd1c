/* agreement-shipped-items.h — the agreement items of the shipped rule set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* The positions of A1's "clauses" in data/rules/hainan-2022.json (五(一)2,
 * items (a)–(i)): what the tests that run under the shipped rule set
 * expect. The plugin itself takes its items from the rule set. */
enum {
  SHIPPED_ITEM_GOALS,
  SHIPPED_ITEM_TASK_DIVISION,
  SHIPPED_ITEM_RIGHTS_OBLIGATIONS,
  SHIPPED_ITEM_IP_OWNERSHIP,
  SHIPPED_ITEM_COST_SHARING,
  SHIPPED_ITEM_INCOME_DISTRIBUTION,
  SHIPPED_ITEM_BREACH_LIABILITY,
  SHIPPED_ITEM_DISPUTE_RESOLUTION,
  SHIPPED_ITEM_DISSOLUTION,
  SHIPPED_N_ITEMS
};
