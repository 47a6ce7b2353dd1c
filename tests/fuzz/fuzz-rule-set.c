/* fuzz-rule-set.c — the rule-set loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_rule_set_new_from_data() on any bytes must return a rule set or an
 * error, never crash; a rule set that loads answers every look-up of each of
 * its rules.
 */
#include "config.h"

#include "cwb-error.h"
#include "cwb-rule-set.h"
#include "fuzz-common.h"

/* the params the shipped rule set has, and one it has not */
static const char * const params[] = {
  "min_ratio", "min_rd_ratio", "min_rd_staff", "min_rd_total", "min_revenue",
  "min_fulltime_staff", "min_members", "years", "prorate_amount", "denominator",
  "denominator_choices", "levels", "kinds", "clauses", "industries", "lowered",
  "no-such-param",
};

FUZZ_INITIALIZE ((void) 0)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbRuleSet) rules = NULL;
  const char * const *ids;
  const char * const *industries;

  if (size > G_MAXSSIZE)
    return 0;

  rules = cwb_rule_set_new_from_data ((const char *) data, (gssize) size, &error);
  if (rules == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }
  g_assert_no_error (error);

  g_assert_true (g_utf8_validate (cwb_rule_set_get_id (rules), -1, NULL));
  g_assert_true (g_utf8_validate (cwb_rule_set_get_title (rules), -1, NULL));
  industries = cwb_rule_set_get_industries (rules);
  g_assert_nonnull (industries);
  for (guint i = 0; industries[i] != NULL; i++)
    {
      g_assert_true (g_utf8_validate (industries[i], -1, NULL));
      g_assert_true (cwb_rule_set_has_industry (rules, industries[i]));
    }

  ids = cwb_rule_set_get_rule_ids (rules);
  g_assert_nonnull (ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      double number;
      gboolean boolean;
      const char *string;

      g_assert_true (cwb_rule_set_has_rule (rules, ids[i]));
      g_assert_cmpint (cwb_rule_set_get_rule_index (rules, ids[i]), ==, (int) i);
      /* every text of a rule is shown: it must be UTF-8 */
      g_assert_true (g_utf8_validate (ids[i], -1, NULL));
      g_assert_true (g_utf8_validate (cwb_rule_set_get_clause (rules, ids[i]), -1, NULL));
      g_assert_true (g_utf8_validate (cwb_rule_set_get_clause_text (rules, ids[i]), -1, NULL));
      g_assert_true (g_utf8_validate (cwb_rule_set_get_rule_title (rules, ids[i]), -1, NULL));
      (void) cwb_rule_set_get_strength (rules, ids[i]);
      string = cwb_rule_set_get_reading (rules, ids[i]);
      g_assert_true (string == NULL || g_utf8_validate (string, -1, NULL));
      for (guint p = 0; p < G_N_ELEMENTS (params); p++)
        {
          const char * const *strv;

          (void) cwb_rule_set_lookup_number (rules, ids[i], params[p], &number);
          (void) cwb_rule_set_lookup_boolean (rules, ids[i], params[p], &boolean);
          if (cwb_rule_set_lookup_string (rules, ids[i], params[p], &string))
            g_assert_nonnull (string);
          strv = cwb_rule_set_lookup_strv (rules, ids[i], params[p]);
          for (guint k = 0; strv != NULL && strv[k] != NULL; k++)
            g_assert_true (g_utf8_validate (strv[k], -1, NULL));
          for (guint j = 0; industries[j] != NULL; j++)
            (void) cwb_rule_set_lookup_relaxed_number (rules, ids[i], params[p], industries[j], &number);
        }
    }

  return 0;
}
