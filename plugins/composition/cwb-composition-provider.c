/* cwb-composition-provider.c — the composition check (sections 二 and 四 of the policy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-composition-provider"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cwb-composition-provider.h"
#include "cwb-composition-provider-private.h"

/*
 * One result per rule: C1–C7, L1–L7, R1 (only for a field that may lower the
 * lead's conditions), I1, U1, M1, M2, O1, F1 and P1. Every figure comes from
 * the rule set (cwb_context_get_rules()); none is written here. A rule the
 * rule set does not hold is not checked. Exceptions (X1) are applied by the
 * report. The lead unit's rules (L1–L7, R1) are in
 * cwb-composition-provider-lead.c; the helpers below that both files use are
 * declared in cwb-composition-provider-private.h.
 */

struct _CwbCompositionProvider
{
  GObject parent_instance;
};

static void check_provider_iface_init (CwbCheckProviderInterface *iface);

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static* register function; the
 * public one below wraps it, for peas_register_types() in composition-plugin.c. */
#define cwb_composition_provider_register_type composition_provider_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbCompositionProvider, cwb_composition_provider, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_CHECK_PROVIDER,
                                                               check_provider_iface_init))
#undef cwb_composition_provider_register_type

/* Helpers */

/* value ≥ threshold, forgiving the rounding of a product such as 0.2 × 10 */
gboolean
_cwb_composition_at_least (double value,
                           double threshold)
{
  return value >= threshold - 1e-9 * MAX (1.0, fabs (threshold));
}

/* h of n meet a ratio of at least t (exactly at t passes) */
static gboolean
ratio_met (guint  h,
           guint  n,
           double t)
{
  return n > 0 && _cwb_composition_at_least ((double) h, t * (double) n);
}

/* The smallest k of qualifying units to add so that (h + k) / (n + k) ≥ t;
 * G_MAXUINT when no number will do (t > 1, or t = 1 with some unit not
 * qualifying). */
static guint
units_needed (guint  h,
              guint  n,
              double t)
{
  double k;
  guint needed;

  if (ratio_met (h, n, t))
    return 0;

  if (t >= 1.0 - 1e-12)
    return n == h ? 1 : G_MAXUINT;

  k = ceil ((t * n - h) / (1.0 - t) - 1e-9);
  needed = (guint) MAX (k, 0.0);
  while (!ratio_met (h + needed, n + needed, t))
    needed++;

  return needed;
}

const char *
_cwb_composition_member_label (CwbMember *member)
{
  const char *name = cwb_member_get_name (member);

  return name != NULL && *name != '\0' ? name : cwb_member_get_uscc (member);
}

static guint
count_items (const char * const *items)
{
  guint n = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!cwb_text_is_blank (items[i]))
      n++;

  return n;
}

/* (transfer full): the items joined into one list, e.g. "A、B、C" */
char *
_cwb_composition_join_list (GPtrArray *items)
{
  /* TRANSLATORS: separates the items of a list, e.g. of member names; zh_CN "、" */
  const char *separator = C_("list separator", ", ");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (items, i));
    }

  return g_string_free (out, FALSE);
}

/* Results */

/* (transfer full) (nullable): a result for @rule, NULL when the rule set
 * does not hold the rule */
CwbCheckResult *
_cwb_composition_result_new (CwbCompositionCheck *c,
                             const char          *rule,
                             CwbStatus            status,
                             const char          *message)
{
  CwbCheckResult *result;

  if (!cwb_rule_set_has_rule (c->rules, rule))
    return NULL;

  result = cwb_check_result_new_for_rule (c->rules, rule, status);
  cwb_check_result_set_message (result, message);

  return result;
}

void
_cwb_composition_result_add (CwbCompositionCheck *c,
                             CwbCheckResult      *result)
{
  g_assert (CWB_IS_CHECK_RESULT (result));

  cwb_check_report_add (c->report, result);
  g_object_unref (result);
}

void
_cwb_composition_add_simple (CwbCompositionCheck *c,
                             const char          *rule,
                             CwbStatus            status,
                             const char          *message,
                             const char          *remedy)
{
  CwbCheckResult *result = _cwb_composition_result_new (c, rule, status, message);

  if (result == NULL)
    return;

  cwb_check_result_set_remedy (result, remedy);
  _cwb_composition_result_add (c, result);
}

/* A figure the rule needs from the rule set; when it is missing the rule is
 * "unknown" and FALSE is returned. */
gboolean
_cwb_composition_need_number (CwbCompositionCheck *c,
                              const char          *rule,
                              const char          *param,
                              double              *value)
{
  g_autofree char *message = NULL;

  if (cwb_rule_set_lookup_number (c->rules, rule, param, value))
    return TRUE;

  message = g_strdup_printf (_("The rule set gives no “%s” figure for this rule, so it cannot be checked."),
                             param);
  _cwb_composition_add_simple (c, rule, CWB_STATUS_UNKNOWN, message, NULL);
  return FALSE;
}

void
_cwb_composition_add_no_lead (CwbCompositionCheck *c,
                              const char          *rule,
                              CwbStatus            status)
{
  _cwb_composition_add_simple (c, rule, status,
                               _("The consortium names no lead unit."),
                               _("Mark one member unit as the lead unit."));
}

/* C1 四(一): the three lists exist and are not empty */
static void
check_lists (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  guint problems = count_items (cwb_consortium_get_scientific_problems (c->consortium));
  guint technologies = count_items (cwb_consortium_get_key_technologies (c->consortium));
  guint results = count_items (cwb_consortium_get_transformation_results (c->consortium));
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  if (problems == 0)
    g_ptr_array_add (empty, (gpointer) _("the list of major scientific problems"));
  if (technologies == 0)
    g_ptr_array_add (empty, (gpointer) _("the list of key common technologies"));
  if (results == 0)
    g_ptr_array_add (empty, (gpointer) _("the list of results to transform"));

  if (empty->len == 0)
    {
      message = g_strdup_printf (_("The lists are given: major scientific problems (%u), key common technologies (%u), results to transform (%u)."),
                                 problems, technologies, results);
      _cwb_composition_add_simple (c, "C1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  names = _cwb_composition_join_list (empty);
  message = g_strdup_printf (_("These lists are empty: %s."), names);
  _cwb_composition_add_simple (c, "C1", CWB_STATUS_FAIL, message, _("Add at least one item to each empty list."));
}

/* C2 四(二): every member is an independent legal person */
static void
check_legal_persons (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);

      if (!cwb_member_get_independent_legal_person (member))
        g_ptr_array_add (missing, (gpointer) _cwb_composition_member_label (member));
    }

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("All %u member units are independent legal persons."), c->members->len);
      _cwb_composition_add_simple (c, "C2", CWB_STATUS_PASS, message, NULL);
      return;
    }

  names = _cwb_composition_join_list (missing);
  message = g_strdup_printf (_("These member units are not independent legal persons: %s."), names);
  _cwb_composition_add_simple (c, "C2", CWB_STATUS_FAIL, message,
                               _("Replace these units by independent legal persons, or remove them."));
}

/* C3 四(二): at least min_members members, the lead counts */
static void
check_member_count (CwbCompositionCheck *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  guint n = c->members->len;
  double min;
  guint needed;

  if (!cwb_rule_set_has_rule (c->rules, "C3") || !_cwb_composition_need_number (c, "C3", "min_members", &min))
    return;

  message = g_strdup_printf (_("The consortium has %u member units, the lead unit included; at least %g are required in principle."),
                             n, min);
  result = _cwb_composition_result_new (c, "C3", _cwb_composition_at_least (n, min) ? CWB_STATUS_PASS : CWB_STATUS_WARN, message);
  cwb_check_result_set_unit (result, CWB_UNIT_COUNT);
  cwb_check_result_set_value (result, n);
  cwb_check_result_set_threshold (result, min);

  if (!_cwb_composition_at_least (n, min))
    {
      g_autofree char *remedy = NULL;

      needed = (guint) ceil (min - n - 1e-9);
      remedy = g_strdup_printf (ngettext ("%u more member unit is needed.",
                                          "%u more member units are needed.", needed),
                                needed);
      cwb_check_result_set_remedy (result, remedy);
    }

  _cwb_composition_result_add (c, g_steal_pointer (&result));
}

/* C4 and C5 四(二): a share of the members */
static char *
share_remedy (const char *rule,
              guint       k)
{
  if (g_str_equal (rule, "C4"))
    return g_strdup_printf (ngettext ("%u more unit registered or stationed in Hainan is needed.",
                                      "%u more units registered or stationed in Hainan are needed.", k),
                            k);

  return g_strdup_printf (ngettext ("%u more enterprise member unit is needed.",
                                    "%u more enterprise member units are needed.", k),
                          k);
}

static void
check_share (CwbCompositionCheck *c,
             const char          *rule,
             guint                h,
             const char          *message_format)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  g_autofree char *share = NULL;
  g_autofree char *required = NULL;
  guint n = c->members->len;
  gboolean met;
  double t;

  if (!cwb_rule_set_has_rule (c->rules, rule) || !_cwb_composition_need_number (c, rule, "min_ratio", &t))
    return;

  met = ratio_met (h, n, t);
  share = cwb_format_percent (n > 0 ? (double) h / n : 0.0);
  required = cwb_format_percent (t);

  message = g_strdup_printf (message_format, h, n, share, required);
  result = _cwb_composition_result_new (c, rule, met ? CWB_STATUS_PASS : CWB_STATUS_FAIL, message);
  cwb_check_result_set_unit (result, CWB_UNIT_RATIO);
  if (n > 0)
    cwb_check_result_set_value (result, (double) h / n);
  cwb_check_result_set_threshold (result, t);

  if (!met)
    {
      guint k = units_needed (h, n, t);

      if (k != G_MAXUINT)
        {
          g_autofree char *remedy = share_remedy (rule, k);
          cwb_check_result_set_remedy (result, remedy);
        }
    }

  _cwb_composition_result_add (c, g_steal_pointer (&result));
}

static void
check_in_hainan (CwbCompositionCheck *c)
{
  guint h = 0;

  /* a unit both registered and stationed in Hainan counts once */
  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);

      if (cwb_member_get_registered_in_hainan (member) || cwb_member_get_stationed_in_hainan (member))
        h++;
    }

  check_share (c, "C4", h,
               _("%u of %u member units (%s) are registered or stationed in Hainan; at least %s is required."));
}

static guint
count_enterprises (CwbCompositionCheck *c)
{
  guint e = 0;

  for (guint i = 0; i < c->members->len; i++)
    if (cwb_member_get_kind (g_ptr_array_index (c->members, i)) == CWB_MEMBER_KIND_ENTERPRISE)
      e++;

  return e;
}

static void
check_enterprises (CwbCompositionCheck *c)
{
  check_share (c, "C5", count_enterprises (c),
               _("%u of %u member units (%s) are enterprises; at least %s is required."));
}

/* C6 四(二): above-size or high-tech enterprises; the denominator is a
 * reading of the rule set ("members" or "enterprises"). Both figures show. */
static void
check_strong_enterprises (CwbCompositionCheck *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  g_autofree char *of_members = NULL;
  g_autofree char *of_enterprises = NULL;
  g_autofree char *required = NULL;
  const char *denominator = "members";
  guint n = c->members->len;
  guint e = count_enterprises (c);
  guint q = 0;
  guint base;
  gboolean by_enterprises;
  gboolean met;
  double t;

  if (!cwb_rule_set_has_rule (c->rules, "C6") || !_cwb_composition_need_number (c, "C6", "min_ratio", &t))
    return;

  cwb_rule_set_lookup_string (c->rules, "C6", "denominator", &denominator);
  if (g_strcmp0 (denominator, "members") != 0 && g_strcmp0 (denominator, "enterprises") != 0)
    {
      message = g_strdup_printf (_("The rule set names an unknown denominator “%s” for this rule, so it cannot be checked."),
                                 denominator);
      _cwb_composition_add_simple (c, "C6", CWB_STATUS_UNKNOWN, message, NULL);
      return;
    }
  by_enterprises = g_strcmp0 (denominator, "enterprises") == 0;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);

      if (cwb_member_get_kind (member) == CWB_MEMBER_KIND_ENTERPRISE
          && (cwb_member_get_above_designated_size (member) || cwb_member_get_high_tech (member)))
        q++;
    }

  base = by_enterprises ? e : n;
  met = ratio_met (q, base, t);
  of_members = cwb_format_percent (n > 0 ? (double) q / n : 0.0);
  of_enterprises = cwb_format_percent (e > 0 ? (double) q / e : 0.0);
  required = cwb_format_percent (t);

  if (by_enterprises)
    message = g_strdup_printf (_("%u above-size or high-tech enterprises: %s of the %u enterprises and %s of all %u member units; at least %s of the enterprises is required in principle."),
                               q, of_enterprises, e, of_members, n, required);
  else
    message = g_strdup_printf (_("%u above-size or high-tech enterprises: %s of all %u member units and %s of the %u enterprises; at least %s of all member units is required in principle."),
                               q, of_members, n, of_enterprises, e, required);

  result = _cwb_composition_result_new (c, "C6", met ? CWB_STATUS_PASS : CWB_STATUS_WARN, message);
  cwb_check_result_set_unit (result, CWB_UNIT_RATIO);
  if (base > 0)
    cwb_check_result_set_value (result, (double) q / base);
  cwb_check_result_set_threshold (result, t);

  if (!met)
    {
      guint k = units_needed (q, base, t);

      if (k != G_MAXUINT)
        {
          g_autofree char *remedy =
            g_strdup_printf (ngettext ("%u more above-size or high-tech enterprise is needed.",
                                       "%u more above-size or high-tech enterprises are needed.", k),
                             k);
          cwb_check_result_set_remedy (result, remedy);
        }
    }

  _cwb_composition_result_add (c, g_steal_pointer (&result));
}

/* C7 四(二): one lead unit leads one consortium; needs the store */
static void
check_one_consortium (CwbCompositionCheck *c)
{
  CwbStore *store = cwb_context_get_store (c->context);
  g_auto(GStrv) others = NULL;
  g_autofree char *message = NULL;
  gint64 self_id;

  if (store == NULL || !cwb_rule_set_has_rule (c->rules, "C7"))
    return;

  if (c->lead == NULL)
    {
      _cwb_composition_add_no_lead (c, "C7", CWB_STATUS_UNKNOWN);
      return;
    }

  /* A consortium read from a file has no id; the one of the same name in
   * the workspace is the same consortium (importing it would replace it),
   * not another one led by the same unit. */
  self_id = cwb_consortium_get_id (c->consortium);
  if (self_id == 0 && cwb_consortium_get_name (c->consortium) != NULL)
    self_id = cwb_store_lookup_consortium (store, cwb_consortium_get_name (c->consortium));

  others = cwb_store_find_consortia_led_by (store, cwb_member_get_uscc (c->lead), self_id);

  if (others == NULL || others[0] == NULL)
    {
      message = g_strdup_printf (_("The lead unit %s leads no other consortium in the workspace."),
                                 _cwb_composition_member_label (c->lead));
      _cwb_composition_add_simple (c, "C7", CWB_STATUS_PASS, message, NULL);
      return;
    }

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autofree char *list = NULL;

    for (guint i = 0; others[i] != NULL; i++)
      g_ptr_array_add (names, others[i]);
    list = _cwb_composition_join_list (names);

    message = g_strdup_printf (_("The lead unit %s also leads: %s. In principle a lead unit leads only one consortium."),
                               _cwb_composition_member_label (c->lead), list);
    _cwb_composition_add_simple (c, "C7", CWB_STATUS_WARN, message,
                                 _("Choose another lead unit, or ask for a case-by-case decision."));
  }
}

/* I1 二: the industry is one of the clusters */
static void
check_industry (CwbCompositionCheck *c)
{
  guint n = g_strv_length ((GStrv) cwb_rule_set_get_industries (c->rules));
  g_autofree char *message = NULL;

  if (c->industry == NULL || cwb_text_is_blank (c->industry))
    {
      _cwb_composition_add_simple (c, "I1", CWB_STATUS_WARN, _("The consortium's industry is not given."),
                                   _("Choose one of the industry clusters of section 2 of the policy."));
      return;
    }

  if (cwb_rule_set_has_industry (c->rules, c->industry))
    {
      message = g_strdup_printf (_("The industry “%s” is one of the %u industry clusters."), c->industry, n);
      _cwb_composition_add_simple (c, "I1", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The industry “%s” is not one of the %u industry clusters."), c->industry, n);
      _cwb_composition_add_simple (c, "I1", CWB_STATUS_WARN, message,
                                   _("Choose one of the industry clusters of section 2 of the policy."));
    }
}

/* U1: a unit registered in Hainan has a Hainan credit code */
static void
check_hainan_codes (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) mismatched = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);
      const char *uscc = cwb_member_get_uscc (member);

      if (cwb_member_get_registered_in_hainan (member) && (uscc == NULL || !cwb_uscc_is_hainan (uscc)))
        g_ptr_array_add (mismatched, (gpointer) _cwb_composition_member_label (member));
    }

  if (mismatched->len == 0)
    {
      _cwb_composition_add_simple (c, "U1", CWB_STATUS_PASS,
                                   _("Every unit registered in Hainan has a unified social credit code of Hainan."), NULL);
      return;
    }

  names = _cwb_composition_join_list (mismatched);
  message = g_strdup_printf (_("These units are marked as registered in Hainan, but their unified social credit code is not of Hainan: %s."),
                             names);
  _cwb_composition_add_simple (c, "U1", CWB_STATUS_WARN, message,
                               _("Check where these units are registered and their unified social credit codes."));
}

/* M1 and M2 四(四): declarations of the members; the three texts are
 * untranslated (N_()): only the one the result needs is translated */
static void
check_declarations (CwbCompositionCheck  *c,
                    const char           *rule,
                    gboolean              skip_lead,
                    gboolean            (*declared) (CwbMember *member),
                    const char           *declared_message,
                    const char           *missing_format,
                    const char           *remedy)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);

      if (skip_lead && cwb_member_get_lead (member))
        continue;
      if (!declared (member))
        g_ptr_array_add (missing, (gpointer) _cwb_composition_member_label (member));
    }

  if (missing->len == 0)
    {
      _cwb_composition_add_simple (c, rule, CWB_STATUS_DECLARED, _(declared_message), NULL);
      return;
    }

  names = _cwb_composition_join_list (missing);
  message = g_strdup_printf (_(missing_format), names);
  _cwb_composition_add_simple (c, rule, CWB_STATUS_MISSING_DECLARATION, message, _(remedy));
}

/* O1 四(五): decision, advisory and permanent executive bodies */
static void
check_organization (CwbCompositionCheck *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *list = NULL;
  g_autofree char *remedy = NULL;
  const char *executive;
  double min_staff;
  int staff;

  if (!cwb_rule_set_has_rule (c->rules, "O1") || !_cwb_composition_need_number (c, "O1", "min_fulltime_staff", &min_staff))
    return;

  if (!cwb_consortium_get_has_organization (c->consortium))
    {
      _cwb_composition_add_simple (c, "O1", CWB_STATUS_FAIL,
                                   _("The consortium has no organization: no decision, advisory or executive body is named."),
                                   _("Set up a decision body, an advisory body and a permanent executive body with full-time staff."));
      return;
    }

  executive = cwb_consortium_get_executive_body (c->consortium);
  staff = cwb_consortium_get_executive_fulltime_staff (c->consortium);

  if (cwb_text_is_blank (cwb_consortium_get_decision_body (c->consortium)))
    g_ptr_array_add (missing, g_strdup (_("a decision body")));
  if (cwb_text_is_blank (cwb_consortium_get_advisory_body (c->consortium)))
    g_ptr_array_add (missing, g_strdup (_("an advisory body")));
  if (cwb_text_is_blank (executive))
    g_ptr_array_add (missing, g_strdup (_("an executive body")));
  else if (!cwb_consortium_get_executive_permanent (c->consortium))
    g_ptr_array_add (missing, g_strdup (_("a permanent executive body (the executive body is not permanent)")));
  if (!_cwb_composition_at_least (MAX (staff, 0), min_staff))
    g_ptr_array_add (missing, g_strdup_printf (_("at least %.0f full-time staff in the executive body (it has %d)"),
                                               min_staff, MAX (staff, 0)));

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("Decision body “%s”, advisory body “%s” and permanent executive body “%s” with %d full-time staff."),
                                 cwb_consortium_get_decision_body (c->consortium),
                                 cwb_consortium_get_advisory_body (c->consortium),
                                 executive, staff);
      result = _cwb_composition_result_new (c, "O1", CWB_STATUS_PASS, message);
    }
  else
    {
      list = _cwb_composition_join_list (missing);
      message = g_strdup_printf (_("The organization lacks: %s."), list);
      remedy = g_strdup_printf (_("Set up %s."), list);
      result = _cwb_composition_result_new (c, "O1", CWB_STATUS_FAIL, message);
      cwb_check_result_set_remedy (result, remedy);
    }

  cwb_check_result_set_unit (result, CWB_UNIT_COUNT);
  if (staff >= 0)
    cwb_check_result_set_value (result, staff);
  cwb_check_result_set_threshold (result, min_staff);
  _cwb_composition_result_add (c, g_steal_pointer (&result));
}

/* F1 四(六): fund management with internal supervision */
static void
check_fund_management (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *list = NULL;
  gboolean has = cwb_consortium_get_has_fund_management (c->consortium);

  if (!has || !cwb_consortium_get_fund_system (c->consortium))
    g_ptr_array_add (missing, (gpointer) _("a fund-management system"));
  if (!has || !cwb_consortium_get_fund_internal_supervision (c->consortium))
    g_ptr_array_add (missing, (gpointer) _("internal supervision of fund use"));

  if (missing->len == 0)
    {
      _cwb_composition_add_simple (c, "F1", CWB_STATUS_DECLARED,
                                   _("A fund-management system with internal supervision of fund use is declared."), NULL);
      return;
    }

  list = _cwb_composition_join_list (missing);
  message = g_strdup_printf (_("Not declared: %s."), list);
  _cwb_composition_add_simple (c, "F1", CWB_STATUS_MISSING_DECLARATION, message,
                               _("Declare the fund-management system and its internal supervision."));
}

/* P1 五(一)4: the plan names landmark results and standards */
static void
check_plan (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *list = NULL;
  guint landmarks = count_items (cwb_consortium_get_landmark_results (c->consortium));
  guint standards = cwb_consortium_get_standards (c->consortium)->len;

  if (landmarks == 0)
    g_ptr_array_add (missing, (gpointer) _("landmark results or strategic products"));
  if (standards == 0)
    g_ptr_array_add (missing, (gpointer) _("standards to be set"));

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("The plan names landmark results or strategic products (%u) and standards to be set (%u)."),
                                 landmarks, standards);
      _cwb_composition_add_simple (c, "P1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  list = _cwb_composition_join_list (missing);
  message = g_strdup_printf (_("The plan does not name: %s."), list);
  _cwb_composition_add_simple (c, "P1", CWB_STATUS_WARN, message, _("Add them to the implementation plan."));
}

static gboolean
member_cooperation_basis (CwbMember *member)
{
  return cwb_member_get_cooperation_basis (member);
}

static gboolean
member_capability (CwbMember *member)
{
  return cwb_member_get_capability (member);
}

static gboolean
cwb_composition_provider_check (CwbCheckProvider  *provider,
                                CwbContext        *context,
                                CwbConsortium     *consortium,
                                CwbCheckReport    *report,
                                GError           **error)
{
  CwbCompositionCheck c = {
    .context = context,
    .rules = cwb_context_get_rules (context),
    .consortium = consortium,
    .report = report,
    .members = cwb_consortium_get_members (consortium),
    .lead = cwb_consortium_get_lead (consortium),
    .industry = cwb_consortium_get_industry (consortium),
  };

  check_lists (&c);
  check_legal_persons (&c);
  check_member_count (&c);
  check_in_hainan (&c);
  check_enterprises (&c);
  check_strong_enterprises (&c);
  check_one_consortium (&c);

  _cwb_composition_check_lead (&c);

  check_industry (&c);
  check_hainan_codes (&c);
  check_declarations (&c, "M1", TRUE, member_cooperation_basis,
                      N_("Every member unit declares a basis of cooperation with the lead unit."),
                      N_("These member units have not declared a basis of cooperation with the lead unit: %s."),
                      N_("Each member unit declares its basis of cooperation with the lead unit."));
  check_declarations (&c, "M2", FALSE, member_capability,
                      N_("Every member unit declares the capability its kind requires."),
                      N_("These member units have not declared the capability their kind requires: %s."),
                      N_("Each member unit declares its R&D capability, research conditions or professional service capability."));
  check_organization (&c);
  check_fund_management (&c);
  check_plan (&c);

  return TRUE;
}

static void
check_provider_iface_init (CwbCheckProviderInterface *iface)
{
  iface->check = cwb_composition_provider_check;
}

static void
cwb_composition_provider_class_init (CwbCompositionProviderClass *klass)
{
}

static void
cwb_composition_provider_class_finalize (CwbCompositionProviderClass *klass)
{
}

static void
cwb_composition_provider_init (CwbCompositionProvider *self)
{
}

/**
 * cwb_composition_provider_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbCompositionProvider with @module.
 */
void
cwb_composition_provider_register_type (GTypeModule *module)
{
  composition_provider_register_type_generated (module);
}
