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

/*
 * One result per rule: C1–C7, L1–L7, R1 (only for a field that may lower the
 * lead's conditions), I1, U1, M1, M2, O1, F1 and P1. Every figure comes from
 * the rule set (cwb_context_get_rules()); none is written here. A rule the
 * rule set does not hold is not checked. Exceptions (X1) are applied by the
 * report.
 */

struct _CwbCompositionProvider
{
  GObject parent_instance;
};

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
} Check;

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
static gboolean
at_least (double value,
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
  return n > 0 && at_least ((double) h, t * (double) n);
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

static const char *
member_label (CwbMember *member)
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
static char *
join_list (GPtrArray *items)
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

/* (transfer full): two whole sentences in a row */
static char *
join_sentences (const char *first,
                const char *second)
{
  /* TRANSLATORS: two sentences in a row; zh_CN "%s%s" (no space) */
  return g_strdup_printf (_("%s %s"), first, second);
}

static char *
format_count_money (double yuan)
{
  return cwb_format_money ((gint64) llround (yuan));
}

static const char *
platform_level_label (CwbPlatformLevel level)
{
  switch (level)
    {
    case CWB_PLATFORM_LEVEL_NATIONAL:
      return C_("platform level", "national");
    case CWB_PLATFORM_LEVEL_MINISTERIAL:
      return C_("platform level", "ministerial");
    case CWB_PLATFORM_LEVEL_PROVINCIAL:
      return C_("platform level", "provincial");
    case CWB_PLATFORM_LEVEL_MUNICIPAL:
      return C_("platform level", "municipal");
    case CWB_PLATFORM_LEVEL_OTHER:
    default:
      return C_("platform level", "other");
    }
}

static gboolean
nick_listed (const char * const *nicks,
             GType               enum_type,
             int                 value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);
  gboolean listed;

  listed = enum_value != NULL && nicks != NULL && g_strv_contains (nicks, enum_value->value_nick);
  g_type_class_unref (klass);

  return listed;
}

/* Results */

/* (transfer full) (nullable): a result for @rule, NULL when the rule set
 * does not hold the rule */
static CwbCheckResult *
result_new (Check      *c,
            const char *rule,
            CwbStatus   status,
            const char *message)
{
  CwbCheckResult *result;

  if (!cwb_rule_set_has_rule (c->rules, rule))
    return NULL;

  result = cwb_check_result_new_for_rule (c->rules, rule, status);
  cwb_check_result_set_message (result, message);

  return result;
}

static void
result_add (Check          *c,
            CwbCheckResult *result)
{
  g_assert (CWB_IS_CHECK_RESULT (result));

  cwb_check_report_add (c->report, result);
  g_object_unref (result);
}

static void
add_simple (Check      *c,
            const char *rule,
            CwbStatus   status,
            const char *message,
            const char *remedy)
{
  CwbCheckResult *result = result_new (c, rule, status, message);

  if (result == NULL)
    return;

  cwb_check_result_set_remedy (result, remedy);
  result_add (c, result);
}

/* A figure the rule needs from the rule set; when it is missing the rule is
 * "unknown" and FALSE is returned. */
static gboolean
need_number (Check      *c,
             const char *rule,
             const char *param,
             double     *value)
{
  g_autofree char *message = NULL;

  if (cwb_rule_set_lookup_number (c->rules, rule, param, value))
    return TRUE;

  message = g_strdup_printf (_("The rule set gives no “%s” figure for this rule, so it cannot be checked."),
                             param);
  add_simple (c, rule, CWB_STATUS_UNKNOWN, message, NULL);
  return FALSE;
}

static void
add_no_lead (Check      *c,
             const char *rule,
             CwbStatus   status)
{
  add_simple (c, rule, status,
              _("The consortium names no lead unit."),
              _("Mark one member unit as the lead unit."));
}

/* C1 四(一): the three lists exist and are not empty */
static void
check_lists (Check *c)
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
      add_simple (c, "C1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  names = join_list (empty);
  message = g_strdup_printf (_("These lists are empty: %s."), names);
  add_simple (c, "C1", CWB_STATUS_FAIL, message, _("Add at least one item to each empty list."));
}

/* C2 四(二): every member is an independent legal person */
static void
check_legal_persons (Check *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);

      if (!cwb_member_get_independent_legal_person (member))
        g_ptr_array_add (missing, (gpointer) member_label (member));
    }

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("All %u member units are independent legal persons."), c->members->len);
      add_simple (c, "C2", CWB_STATUS_PASS, message, NULL);
      return;
    }

  names = join_list (missing);
  message = g_strdup_printf (_("These member units are not independent legal persons: %s."), names);
  add_simple (c, "C2", CWB_STATUS_FAIL, message,
              _("Replace these units by independent legal persons, or remove them."));
}

/* C3 四(二): at least min_members members, the lead counts */
static void
check_member_count (Check *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  guint n = c->members->len;
  double min;
  guint needed;

  if (!cwb_rule_set_has_rule (c->rules, "C3") || !need_number (c, "C3", "min_members", &min))
    return;

  message = g_strdup_printf (_("The consortium has %u member units, the lead unit included; at least %g are required in principle."),
                             n, min);
  result = result_new (c, "C3", at_least (n, min) ? CWB_STATUS_PASS : CWB_STATUS_WARN, message);
  cwb_check_result_set_unit (result, CWB_UNIT_COUNT);
  cwb_check_result_set_value (result, n);
  cwb_check_result_set_threshold (result, min);

  if (!at_least (n, min))
    {
      g_autofree char *remedy = NULL;

      needed = (guint) ceil (min - n - 1e-9);
      remedy = g_strdup_printf (ngettext ("%u more member unit is needed.",
                                          "%u more member units are needed.", needed),
                                needed);
      cwb_check_result_set_remedy (result, remedy);
    }

  result_add (c, g_steal_pointer (&result));
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
check_share (Check       *c,
             const char  *rule,
             guint        h,
             const char  *message_format)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  g_autofree char *share = NULL;
  g_autofree char *required = NULL;
  guint n = c->members->len;
  gboolean met;
  double t;

  if (!cwb_rule_set_has_rule (c->rules, rule) || !need_number (c, rule, "min_ratio", &t))
    return;

  met = ratio_met (h, n, t);
  share = cwb_format_percent (n > 0 ? (double) h / n : 0.0);
  required = cwb_format_percent (t);

  message = g_strdup_printf (message_format, h, n, share, required);
  result = result_new (c, rule, met ? CWB_STATUS_PASS : CWB_STATUS_FAIL, message);
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

  result_add (c, g_steal_pointer (&result));
}

static void
check_in_hainan (Check *c)
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
count_enterprises (Check *c)
{
  guint e = 0;

  for (guint i = 0; i < c->members->len; i++)
    if (cwb_member_get_kind (g_ptr_array_index (c->members, i)) == CWB_MEMBER_KIND_ENTERPRISE)
      e++;

  return e;
}

static void
check_enterprises (Check *c)
{
  check_share (c, "C5", count_enterprises (c),
               _("%u of %u member units (%s) are enterprises; at least %s is required."));
}

/* C6 四(二): above-size or high-tech enterprises; the denominator is a
 * reading of the rule set ("members" or "enterprises"). Both figures show. */
static void
check_strong_enterprises (Check *c)
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

  if (!cwb_rule_set_has_rule (c->rules, "C6") || !need_number (c, "C6", "min_ratio", &t))
    return;

  cwb_rule_set_lookup_string (c->rules, "C6", "denominator", &denominator);
  if (g_strcmp0 (denominator, "members") != 0 && g_strcmp0 (denominator, "enterprises") != 0)
    {
      message = g_strdup_printf (_("The rule set names an unknown denominator “%s” for this rule, so it cannot be checked."),
                                 denominator);
      add_simple (c, "C6", CWB_STATUS_UNKNOWN, message, NULL);
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

  result = result_new (c, "C6", met ? CWB_STATUS_PASS : CWB_STATUS_WARN, message);
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

  result_add (c, g_steal_pointer (&result));
}

/* C7 四(二): one lead unit leads one consortium; needs the store */
static void
check_one_consortium (Check *c)
{
  CwbStore *store = cwb_context_get_store (c->context);
  g_auto(GStrv) others = NULL;
  g_autofree char *message = NULL;
  gint64 self_id;

  if (store == NULL || !cwb_rule_set_has_rule (c->rules, "C7"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "C7", CWB_STATUS_UNKNOWN);
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
                                 member_label (c->lead));
      add_simple (c, "C7", CWB_STATUS_PASS, message, NULL);
      return;
    }

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autofree char *list = NULL;

    for (guint i = 0; others[i] != NULL; i++)
      g_ptr_array_add (names, others[i]);
    list = join_list (names);

    message = g_strdup_printf (_("The lead unit %s also leads: %s. In principle a lead unit leads only one consortium."),
                               member_label (c->lead), list);
    add_simple (c, "C7", CWB_STATUS_WARN, message,
                _("Choose another lead unit, or ask for a case-by-case decision."));
  }
}

/* L1 四(三): the lead is an enterprise, an independent legal person, registered in Hainan */
static void
check_lead_identity (Check *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *parts = NULL;

  if (!cwb_rule_set_has_rule (c->rules, "L1"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "L1", CWB_STATUS_FAIL);
      return;
    }

  if (cwb_member_get_kind (c->lead) != CWB_MEMBER_KIND_ENTERPRISE)
    g_ptr_array_add (missing, (gpointer) _("it is not an enterprise"));
  if (!cwb_member_get_independent_legal_person (c->lead))
    g_ptr_array_add (missing, (gpointer) _("it is not an independent legal person"));
  if (!cwb_member_get_registered_in_hainan (c->lead))
    g_ptr_array_add (missing, (gpointer) _("it is not registered in Hainan"));

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("The lead unit %s is an enterprise and an independent legal person registered in Hainan."),
                                 member_label (c->lead));
      add_simple (c, "L1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  parts = join_list (missing);
  message = g_strdup_printf (_("The lead unit %s does not qualify: %s."), member_label (c->lead), parts);
  add_simple (c, "L1", CWB_STATUS_FAIL, message,
              _("The lead unit must be an enterprise and an independent legal person registered in Hainan."));
}

/* L2 and L4 四(三)1–2: a figure of the lead at least a minimum, relaxable by R1 */
typedef struct
{
  const char *rule;
  const char *param;
  gboolean    money;
  const char *unknown_message;  /* no directive */
  const char *unknown_remedy;
  const char *pass_format;      /* value, minimum */
  const char *relaxed_format;   /* value, minimum, lowered, industry */
  const char *warn_format;      /* value, minimum */
  const char *warn_lowered_format; /* value, minimum, lowered, industry */
  const char *remedy_format;    /* shortfall (money); NULL for L4's count */
} LeadFigure;

static CwbUnit
figure_unit (const LeadFigure *figure)
{
  return figure->money ? CWB_UNIT_YUAN : CWB_UNIT_COUNT;
}

static char *
format_figure (const LeadFigure *figure,
               double            value)
{
  if (figure->money)
    return format_count_money (value);

  return g_strdup_printf ("%.0f", value);
}

static void
check_lead_figure (Check            *c,
                   const LeadFigure *figure,
                   gint64            found)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  g_autofree char *value_text = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *low_text = NULL;
  gboolean relaxable;
  double value = (double) found;
  double min;
  double low = 0.0;
  double target;

  if (!cwb_rule_set_has_rule (c->rules, figure->rule))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, figure->rule, CWB_STATUS_UNKNOWN);
      return;
    }

  if (!need_number (c, figure->rule, figure->param, &min))
    return;

  if (found < 0)
    {
      result = result_new (c, figure->rule, CWB_STATUS_UNKNOWN, _(figure->unknown_message));
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_threshold (result, min);
      cwb_check_result_set_remedy (result, _(figure->unknown_remedy));
      result_add (c, g_steal_pointer (&result));
      return;
    }

  relaxable = cwb_rule_set_lookup_relaxed_number (c->rules, figure->rule, figure->param,
                                                  c->industry, &low);
  value_text = format_figure (figure, value);
  min_text = format_figure (figure, min);
  low_text = relaxable ? format_figure (figure, low) : NULL;

  if (at_least (value, min))
    {
      message = g_strdup_printf (_(figure->pass_format), value_text, min_text);
      result = result_new (c, figure->rule, CWB_STATUS_PASS, message);
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_value (result, value);
      cwb_check_result_set_threshold (result, min);
      result_add (c, g_steal_pointer (&result));
      return;
    }

  if (relaxable && at_least (value, low))
    {
      message = g_strdup_printf (_(figure->relaxed_format), value_text, min_text, low_text, c->industry);
      result = result_new (c, figure->rule, CWB_STATUS_RELAXED, message);
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_value (result, value);
      cwb_check_result_set_threshold (result, low);
      result_add (c, g_steal_pointer (&result));
      return;
    }

  if (relaxable)
    message = g_strdup_printf (_(figure->warn_lowered_format), value_text, min_text, low_text, c->industry);
  else
    message = g_strdup_printf (_(figure->warn_format), value_text, min_text);

  result = result_new (c, figure->rule, CWB_STATUS_WARN, message);
  cwb_check_result_set_unit (result, figure_unit (figure));
  cwb_check_result_set_value (result, value);
  cwb_check_result_set_threshold (result, min);

  /* what would make it pass: the lowered figure counts as a pass */
  target = relaxable ? MIN (low, min) : min;
  if (figure->money)
    {
      g_autofree char *shortfall = format_count_money (ceil (target - value));
      g_autofree char *remedy = g_strdup_printf (_(figure->remedy_format), shortfall);
      cwb_check_result_set_remedy (result, remedy);
    }
  else
    {
      guint shortfall = (guint) ceil (target - value - 1e-9);
      g_autofree char *remedy = g_strdup_printf (ngettext ("%u more full-time R&D staff member is needed.",
                                                           "%u more full-time R&D staff members are needed.",
                                                           shortfall),
                                                 shortfall);
      cwb_check_result_set_remedy (result, remedy);
    }

  result_add (c, g_steal_pointer (&result));
}

static const LeadFigure revenue_figure = {
  "L2", "min_revenue", TRUE,
  N_("The lead unit's annual main-business revenue is not given."),
  N_("Give the lead unit's main-business revenue of the last fiscal year."),
  N_("The lead unit's annual main-business revenue is %s; at least %s is required in principle."),
  N_("The lead unit's annual main-business revenue is %s: below %s, but at least the lowered figure of %s that this rule set allows for %s (R1)."),
  N_("The lead unit's annual main-business revenue is %s, below the %s required in principle."),
  N_("The lead unit's annual main-business revenue is %s, below %s and below the lowered figure of %s that this rule set allows for %s (R1)."),
  N_("The annual main-business revenue is short by %s."),
};

static const LeadFigure rd_staff_figure = {
  "L4", "min_rd_staff", FALSE,
  N_("The lead unit's number of full-time R&D staff is not given."),
  N_("Give the lead unit's number of full-time R&D staff."),
  N_("The lead unit has %s full-time R&D staff; at least %s are required in principle."),
  N_("The lead unit has %s full-time R&D staff: fewer than %s, but at least the lowered figure of %s that this rule set allows for %s (R1)."),
  N_("The lead unit has %s full-time R&D staff, fewer than the %s required in principle."),
  N_("The lead unit has %s full-time R&D staff, fewer than %s and fewer than the lowered figure of %s that this rule set allows for %s (R1)."),
  NULL,
};

/* L3 四(三)1: a high-tech lead is preferred */
static void
check_lead_high_tech (Check *c)
{
  g_autofree char *message = NULL;

  if (!cwb_rule_set_has_rule (c->rules, "L3"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "L3", CWB_STATUS_INFO);
      return;
    }

  if (cwb_member_get_high_tech (c->lead))
    {
      message = g_strdup_printf (_("The lead unit %s is a high-tech enterprise."), member_label (c->lead));
      add_simple (c, "L3", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The lead unit %s is not a high-tech enterprise; the policy prefers one, but does not require it."),
                                 member_label (c->lead));
      add_simple (c, "L3", CWB_STATUS_INFO, message, NULL);
    }
}

/* L5 四(三)2: a platform of a counted level and kind */
static void
check_lead_platform (Check *c)
{
  const char * const *levels;
  const char * const *kinds;
  g_autoptr(GPtrArray) level_names = g_ptr_array_new ();
  g_autofree char *level_list = NULL;
  g_autofree char *message = NULL;
  g_autofree char *remedy = NULL;
  GPtrArray *platforms;

  if (!cwb_rule_set_has_rule (c->rules, "L5"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "L5", CWB_STATUS_UNKNOWN);
      return;
    }

  levels = cwb_rule_set_lookup_strv (c->rules, "L5", "levels");
  kinds = cwb_rule_set_lookup_strv (c->rules, "L5", "kinds");
  if (levels == NULL || kinds == NULL)
    {
      message = g_strdup_printf (_("The rule set gives no “%s” figure for this rule, so it cannot be checked."),
                                 levels == NULL ? "levels" : "kinds");
      add_simple (c, "L5", CWB_STATUS_UNKNOWN, message, NULL);
      return;
    }

  for (CwbPlatformLevel level = CWB_PLATFORM_LEVEL_NATIONAL; level <= CWB_PLATFORM_LEVEL_OTHER; level++)
    if (nick_listed (levels, CWB_TYPE_PLATFORM_LEVEL, level))
      g_ptr_array_add (level_names, (gpointer) platform_level_label (level));
  level_list = join_list (level_names);

  if (!cwb_member_get_has_platforms (c->lead))
    {
      add_simple (c, "L5", CWB_STATUS_UNKNOWN,
                  _("The lead unit's innovation platforms are not given."),
                  _("List the lead unit's innovation platforms with their levels."));
      return;
    }

  platforms = cwb_member_get_platforms (c->lead);
  for (guint i = 0; i < platforms->len; i++)
    {
      const CwbPlatform *platform = g_ptr_array_index (platforms, i);

      if (nick_listed (levels, CWB_TYPE_PLATFORM_LEVEL, platform->level)
          && nick_listed (kinds, CWB_TYPE_PLATFORM_KIND, platform->kind))
        {
          message = g_strdup_printf (_("The lead unit has the %s platform “%s”."),
                                     platform_level_label (platform->level),
                                     platform->name != NULL ? platform->name : "");
          add_simple (c, "L5", CWB_STATUS_PASS, message, NULL);
          return;
        }
    }

  message = g_strdup_printf (ngettext ("The lead unit lists %u platform, but none of these levels: %s.",
                                       "The lead unit lists %u platforms, but none of these levels: %s.",
                                       platforms->len),
                             platforms->len, level_list);
  remedy = g_strdup_printf (_("The lead unit needs an innovation platform of one of these levels: %s."),
                            level_list);
  add_simple (c, "L5", CWB_STATUS_FAIL, message, remedy);
}

/* L6 四(三)3: R&D expense over the last fiscal years, by total or by ratio */

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  const CwbFiscalYear *ya = *(const CwbFiscalYear * const *) a;
  const CwbFiscalYear *yb = *(const CwbFiscalYear * const *) b;

  return (ya->year < yb->year) - (ya->year > yb->year);
}

/* TRUE when the lead was established less than @years years before the clock */
static gboolean
is_younger_than (Check    *c,
                 int       years,
                 gboolean *known)
{
  const char *established = cwb_member_get_established (c->lead);
  g_autoptr(GDateTime) now = cwb_context_dup_now (c->context);
  GDate since;
  GDate today;
  int y, m, d;

  *known = FALSE;
  if (established == NULL || sscanf (established, "%4d-%2d-%2d", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;

  *known = TRUE;
  g_date_clear (&since, 1);
  g_date_set_dmy (&since, d, m, y);
  g_date_add_years (&since, years);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  return g_date_compare (&since, &today) > 0;
}

static char *
format_year_span (int first,
                  int last)
{
  if (first == last)
    return g_strdup_printf ("%d", first);

  /* TRANSLATORS: a span of fiscal years, e.g. "2023–2025" */
  return g_strdup_printf (_("%d–%d"), first, last);
}

static void
check_lead_rd (Check *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(GPtrArray) recent = g_ptr_array_new ();
  g_autoptr(GArray) rd_amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) sales_amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *message = NULL;
  g_autofree char *span = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *ratio_text = NULL;
  g_autofree char *min_total_text = NULL;
  g_autofree char *min_ratio_text = NULL;
  GPtrArray *entries;
  double min_total, min_ratio, years_param;
  double low_total = 0.0, low_ratio = 0.0;
  gboolean has_low_total, has_low_ratio;
  gboolean prorate = FALSE;
  gboolean sales_known = TRUE;
  gboolean young = FALSE;
  double total_rd = 0.0, total_sales = 0.0;
  double factor = 1.0;
  double required_total, low_required_total = 0.0;
  int years, latest;
  CwbStatus status;

  if (!cwb_rule_set_has_rule (c->rules, "L6"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "L6", CWB_STATUS_UNKNOWN);
      return;
    }

  if (!need_number (c, "L6", "min_rd_total", &min_total)
      || !need_number (c, "L6", "min_rd_ratio", &min_ratio)
      || !need_number (c, "L6", "years", &years_param))
    return;
  cwb_rule_set_lookup_boolean (c->rules, "L6", "prorate_amount", &prorate);
  years = MAX (1, (int) years_param);

  entries = cwb_member_get_fiscal_years (c->lead);
  if (!cwb_member_get_has_fiscal_years (c->lead) || entries->len == 0)
    {
      add_simple (c, "L6", CWB_STATUS_UNKNOWN,
                  _("The lead unit's R&D expense and sales of the last fiscal years are not given."),
                  _("Give the lead unit's R&D expense and sales of its last fiscal years."));
      return;
    }

  /* the most recent `years` fiscal years, counted back from the latest given */
  {
    /* borrowed pointers: g_ptr_array_copy() would keep the free function */
    g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (entries->len);

    for (guint i = 0; i < entries->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (entries, i));
    g_ptr_array_sort (sorted, compare_years_descending);
    latest = ((CwbFiscalYear *) g_ptr_array_index (sorted, 0))->year;
    for (guint i = 0; i < sorted->len; i++)
      {
        CwbFiscalYear *fy = g_ptr_array_index (sorted, i);

        if (fy->year > latest - years
            && (recent->len == 0 || ((CwbFiscalYear *) g_ptr_array_index (recent, recent->len - 1))->year != fy->year))
          g_ptr_array_add (recent, fy);
      }
  }

  if ((int) recent->len < years)
    {
      gboolean known;

      young = is_younger_than (c, years, &known);
      if (!young)
        {
          g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *missing_list = NULL;

          for (int y = latest; y > latest - years; y--)
            {
              gboolean given = FALSE;

              for (guint i = 0; i < recent->len; i++)
                if (((CwbFiscalYear *) g_ptr_array_index (recent, i))->year == y)
                  given = TRUE;
              if (!given)
                g_ptr_array_insert (missing, 0, g_strdup_printf ("%d", y));
            }
          missing_list = join_list (missing);

          if (known)
            message = g_strdup_printf (ngettext ("The fiscal year %s is missing; only a company in business for less than %d years may give fewer years.",
                                                 "The fiscal years %s are missing; only a company in business for less than %d years may give fewer years.",
                                                 missing->len),
                                       missing_list, years);
          else
            message = g_strdup_printf (ngettext ("The fiscal year %s is missing, and the lead unit's date of establishment is not given to show it is younger than %d years.",
                                                 "The fiscal years %s are missing, and the lead unit's date of establishment is not given to show it is younger than %d years.",
                                                 missing->len),
                                       missing_list, years);

          add_simple (c, "L6", CWB_STATUS_UNKNOWN, message,
                      _("Give the missing fiscal years, or the date of establishment of a younger company."));
          return;
        }

      if (prorate)
        factor = (double) recent->len / years;
    }

  {
    g_autoptr(GPtrArray) unknown_rd = g_ptr_array_new_with_free_func (g_free);

    /* the verdict and the ratio compare doubles; the totals shown are the
     * exact sums of the figures (three near G_MAXINT64 exceed a gint64) */
    for (guint i = 0; i < recent->len; i++)
      {
        CwbFiscalYear *fy = g_ptr_array_index (recent, i);

        if (fy->rd_expense < 0)
          g_ptr_array_insert (unknown_rd, 0, g_strdup_printf ("%d", fy->year));
        else
          {
            total_rd += (double) fy->rd_expense;
            g_array_append_val (rd_amounts, fy->rd_expense);
          }

        if (fy->sales < 0)
          sales_known = FALSE;
        else
          {
            total_sales += (double) fy->sales;
            g_array_append_val (sales_amounts, fy->sales);
          }
      }

    if (unknown_rd->len > 0)
      {
        g_autofree char *list = join_list (unknown_rd);

        message = g_strdup_printf (_("The lead unit's R&D expense of %s is not given."), list);
        add_simple (c, "L6", CWB_STATUS_UNKNOWN, message,
                    _("Give the lead unit's R&D expense of every fiscal year."));
        return;
      }
  }

  if (total_sales <= 0.0)
    sales_known = FALSE;

  has_low_total = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_total", c->industry, &low_total);
  has_low_ratio = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_ratio", c->industry, &low_ratio);

  required_total = min_total * factor;
  low_required_total = low_total * factor;

  if (at_least (total_rd, required_total)
      || (sales_known && at_least (total_rd, min_ratio * total_sales)))
    status = CWB_STATUS_PASS;
  else if ((has_low_total && at_least (total_rd, low_required_total))
           || (has_low_ratio && sales_known && at_least (total_rd, low_ratio * total_sales)))
    status = CWB_STATUS_RELAXED;
  else
    status = CWB_STATUS_WARN;

  span = format_year_span (((CwbFiscalYear *) g_ptr_array_index (recent, recent->len - 1))->year,
                           ((CwbFiscalYear *) g_ptr_array_index (recent, 0))->year);
  total_text = cwb_format_money_sum ((const gint64 *) rd_amounts->data, rd_amounts->len);
  min_total_text = format_count_money (required_total);
  min_ratio_text = cwb_format_percent (min_ratio);

  if (sales_known)
    {
      g_autofree char *sales_text = cwb_format_money_sum ((const gint64 *) sales_amounts->data,
                                                          sales_amounts->len);

      ratio_text = cwb_format_percent (total_rd / total_sales);
      message = g_strdup_printf (_("R&D expense of the fiscal years %s totals %s, %s of sales of %s; at least %s in total or %s of sales is required."),
                                 span, total_text, ratio_text, sales_text, min_total_text, min_ratio_text);
    }
  else
    {
      message = g_strdup_printf (_("R&D expense of the fiscal years %s totals %s (sales not given); at least %s in total is required."),
                                 span, total_text, min_total_text);
    }

  if (young)
    {
      g_autofree char *young_text = NULL;
      g_autofree char *joined = NULL;

      if (prorate)
        young_text = g_strdup_printf (_("The lead unit has been in business for less than %d years, so its actual years are used and the amount is prorated."),
                                      years);
      else
        young_text = g_strdup_printf (_("The lead unit has been in business for less than %d years, so its actual years are used; the amount is not prorated."),
                                      years);
      joined = join_sentences (message, young_text);
      g_free (message);
      message = g_steal_pointer (&joined);
    }

  if (status == CWB_STATUS_RELAXED || (status == CWB_STATUS_WARN && (has_low_total || has_low_ratio)))
    {
      g_autofree char *low_total_text = format_count_money (low_required_total);
      g_autofree char *low_ratio_text = cwb_format_percent (low_ratio);
      g_autofree char *lowered = NULL;
      g_autofree char *joined = NULL;

      if (has_low_total && has_low_ratio)
        lowered = g_strdup_printf (_("The lowered figures this rule set allows for %s (R1) are %s in total or %s of sales."),
                                   c->industry, low_total_text, low_ratio_text);
      else if (has_low_total)
        lowered = g_strdup_printf (_("The lowered figure this rule set allows for %s (R1) is %s in total."),
                                   c->industry, low_total_text);
      else
        lowered = g_strdup_printf (_("The lowered figure this rule set allows for %s (R1) is %s of sales."),
                                   c->industry, low_ratio_text);

      joined = join_sentences (message, lowered);
      g_free (message);
      message = g_steal_pointer (&joined);
    }

  /* the value is the total in 元; the ratio is in the message */
  result = result_new (c, "L6", status, message);
  cwb_check_result_set_unit (result, CWB_UNIT_YUAN);
  cwb_check_result_set_value (result, total_rd);
  cwb_check_result_set_threshold (result, status == CWB_STATUS_RELAXED && has_low_total
                                          ? low_required_total : required_total);

  if (status == CWB_STATUS_WARN)
    {
      /* the smallest extra R&D expense over these years that would pass
       * (the lowered figures count as a pass) */
      double need = required_total - total_rd;
      g_autofree char *shortfall = NULL;
      g_autofree char *remedy = NULL;

      if (sales_known)
        need = MIN (need, min_ratio * total_sales - total_rd);
      if (has_low_total)
        need = MIN (need, low_required_total - total_rd);
      if (has_low_ratio && sales_known)
        need = MIN (need, low_ratio * total_sales - total_rd);

      shortfall = format_count_money (ceil (need));
      remedy = g_strdup_printf (_("R&D expense over these years is short by %s."), shortfall);
      cwb_check_result_set_remedy (result, remedy);
    }

  result_add (c, g_steal_pointer (&result));
}

/* L7 四(三)3–4: the lead declares its capability */
static void
check_lead_capability (Check *c)
{
  if (!cwb_rule_set_has_rule (c->rules, "L7"))
    return;

  if (c->lead == NULL)
    {
      add_no_lead (c, "L7", CWB_STATUS_MISSING_DECLARATION);
      return;
    }

  if (cwb_member_get_capability (c->lead))
    add_simple (c, "L7", CWB_STATUS_DECLARED,
                _("The lead unit declares its innovation and transformation capability."), NULL);
  else
    add_simple (c, "L7", CWB_STATUS_MISSING_DECLARATION,
                _("The lead unit has not declared its innovation and transformation capability."),
                _("Have the lead unit declare its innovation and transformation capability."));
}

/* R1 四(三) last paragraph: only for a field that may lower the conditions */
static void
check_relaxation (Check *c)
{
  const char * const *industries = cwb_rule_set_lookup_strv (c->rules, "R1", "industries");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;
  double figure;

  if (c->industry == NULL || industries == NULL || !g_strv_contains (industries, c->industry))
    return;

  if (cwb_rule_set_lookup_relaxed_number (c->rules, "L2", "min_revenue", c->industry, &figure))
    {
      g_autofree char *money = format_count_money (figure);
      g_ptr_array_add (parts, g_strdup_printf (_("annual main-business revenue of at least %s (L2)"), money));
    }
  if (cwb_rule_set_lookup_relaxed_number (c->rules, "L4", "min_rd_staff", c->industry, &figure))
    g_ptr_array_add (parts, g_strdup_printf (_("at least %.0f full-time R&D staff (L4)"), figure));
  {
    double total = 0.0, ratio = 0.0;
    gboolean has_total = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_total", c->industry, &total);
    gboolean has_ratio = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_ratio", c->industry, &ratio);
    g_autofree char *money = format_count_money (total);
    g_autofree char *percent = cwb_format_percent (ratio);

    if (has_total && has_ratio)
      g_ptr_array_add (parts, g_strdup_printf (_("R&D expense over the last fiscal years of at least %s in total or %s of sales (L6)"),
                                               money, percent));
    else if (has_total)
      g_ptr_array_add (parts, g_strdup_printf (_("R&D expense over the last fiscal years of at least %s in total (L6)"), money));
    else if (has_ratio)
      g_ptr_array_add (parts, g_strdup_printf (_("R&D expense over the last fiscal years of at least %s of sales (L6)"), percent));
  }

  if (parts->len == 0)
    {
      message = g_strdup_printf (_("%s may lower the lead unit's conditions; this rule set gives no lowered figures."),
                                 c->industry);
    }
  else
    {
      list = join_list (parts);
      message = g_strdup_printf (_("%s may lower the lead unit's conditions; this software's reading, editable in the rule set, lowers them to: %s."),
                                 c->industry, list);
    }

  add_simple (c, "R1", CWB_STATUS_PASS, message, NULL);
}

/* I1 二: the industry is one of the clusters */
static void
check_industry (Check *c)
{
  guint n = g_strv_length ((GStrv) cwb_rule_set_get_industries (c->rules));
  g_autofree char *message = NULL;

  if (c->industry == NULL || cwb_text_is_blank (c->industry))
    {
      add_simple (c, "I1", CWB_STATUS_WARN, _("The consortium's industry is not given."),
                  _("Choose one of the industry clusters of section 2 of the policy."));
      return;
    }

  if (cwb_rule_set_has_industry (c->rules, c->industry))
    {
      message = g_strdup_printf (_("The industry “%s” is one of the %u industry clusters."), c->industry, n);
      add_simple (c, "I1", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The industry “%s” is not one of the %u industry clusters."), c->industry, n);
      add_simple (c, "I1", CWB_STATUS_WARN, message,
                  _("Choose one of the industry clusters of section 2 of the policy."));
    }
}

/* U1: a unit registered in Hainan has a Hainan credit code */
static void
check_hainan_codes (Check *c)
{
  g_autoptr(GPtrArray) mismatched = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *names = NULL;

  for (guint i = 0; i < c->members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (c->members, i);
      const char *uscc = cwb_member_get_uscc (member);

      if (cwb_member_get_registered_in_hainan (member) && (uscc == NULL || !cwb_uscc_is_hainan (uscc)))
        g_ptr_array_add (mismatched, (gpointer) member_label (member));
    }

  if (mismatched->len == 0)
    {
      add_simple (c, "U1", CWB_STATUS_PASS,
                  _("Every unit registered in Hainan has a unified social credit code of Hainan."), NULL);
      return;
    }

  names = join_list (mismatched);
  message = g_strdup_printf (_("These units are marked as registered in Hainan, but their unified social credit code is not of Hainan: %s."),
                             names);
  add_simple (c, "U1", CWB_STATUS_WARN, message,
              _("Check where these units are registered and their unified social credit codes."));
}

/* M1 and M2 四(四): declarations of the members */
static void
check_declarations (Check      *c,
                    const char *rule,
                    gboolean    skip_lead,
                    gboolean  (*declared) (CwbMember *member),
                    const char *declared_message,
                    const char *missing_format,
                    const char *remedy)
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
        g_ptr_array_add (missing, (gpointer) member_label (member));
    }

  if (missing->len == 0)
    {
      add_simple (c, rule, CWB_STATUS_DECLARED, declared_message, NULL);
      return;
    }

  names = join_list (missing);
  message = g_strdup_printf (missing_format, names);
  add_simple (c, rule, CWB_STATUS_MISSING_DECLARATION, message, remedy);
}

/* O1 四(五): decision, advisory and permanent executive bodies */
static void
check_organization (Check *c)
{
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *message = NULL;
  g_autofree char *list = NULL;
  g_autofree char *remedy = NULL;
  const char *executive;
  double min_staff;
  int staff;

  if (!cwb_rule_set_has_rule (c->rules, "O1") || !need_number (c, "O1", "min_fulltime_staff", &min_staff))
    return;

  if (!cwb_consortium_get_has_organization (c->consortium))
    {
      add_simple (c, "O1", CWB_STATUS_FAIL,
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
  if (!at_least (MAX (staff, 0), min_staff))
    g_ptr_array_add (missing, g_strdup_printf (_("at least %.0f full-time staff in the executive body (it has %d)"),
                                               min_staff, MAX (staff, 0)));

  if (missing->len == 0)
    {
      message = g_strdup_printf (_("Decision body “%s”, advisory body “%s” and permanent executive body “%s” with %d full-time staff."),
                                 cwb_consortium_get_decision_body (c->consortium),
                                 cwb_consortium_get_advisory_body (c->consortium),
                                 executive, staff);
      result = result_new (c, "O1", CWB_STATUS_PASS, message);
    }
  else
    {
      list = join_list (missing);
      message = g_strdup_printf (_("The organization lacks: %s."), list);
      remedy = g_strdup_printf (_("Set up %s."), list);
      result = result_new (c, "O1", CWB_STATUS_FAIL, message);
      cwb_check_result_set_remedy (result, remedy);
    }

  cwb_check_result_set_unit (result, CWB_UNIT_COUNT);
  if (staff >= 0)
    cwb_check_result_set_value (result, staff);
  cwb_check_result_set_threshold (result, min_staff);
  result_add (c, g_steal_pointer (&result));
}

/* F1 四(六): fund management with internal supervision */
static void
check_fund_management (Check *c)
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
      add_simple (c, "F1", CWB_STATUS_DECLARED,
                  _("A fund-management system with internal supervision of fund use is declared."), NULL);
      return;
    }

  list = join_list (missing);
  message = g_strdup_printf (_("Not declared: %s."), list);
  add_simple (c, "F1", CWB_STATUS_MISSING_DECLARATION, message,
              _("Declare the fund-management system and its internal supervision."));
}

/* P1 五(一)4: the plan names landmark results and standards */
static void
check_plan (Check *c)
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
      add_simple (c, "P1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  list = join_list (missing);
  message = g_strdup_printf (_("The plan does not name: %s."), list);
  add_simple (c, "P1", CWB_STATUS_WARN, message, _("Add them to the implementation plan."));
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
  Check c = {
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

  check_lead_identity (&c);
  check_lead_figure (&c, &revenue_figure, c.lead != NULL ? cwb_member_get_revenue (c.lead) : -1);
  check_lead_high_tech (&c);
  check_lead_figure (&c, &rd_staff_figure, c.lead != NULL ? cwb_member_get_rd_staff_fulltime (c.lead) : -1);
  check_lead_platform (&c);
  check_lead_rd (&c);
  check_lead_capability (&c);
  check_relaxation (&c);

  check_industry (&c);
  check_hainan_codes (&c);
  check_declarations (&c, "M1", TRUE, member_cooperation_basis,
                      _("Every member unit declares a basis of cooperation with the lead unit."),
                      _("These member units have not declared a basis of cooperation with the lead unit: %s."),
                      _("Each member unit declares its basis of cooperation with the lead unit."));
  check_declarations (&c, "M2", FALSE, member_capability,
                      _("Every member unit declares the capability its kind requires."),
                      _("These member units have not declared the capability their kind requires: %s."),
                      _("Each member unit declares its R&D capability, research conditions or professional service capability."));
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
