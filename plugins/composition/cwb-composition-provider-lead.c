/* cwb-composition-provider-lead.c — the lead unit's rules of the composition check (section 四(三) of the policy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-composition-provider-lead"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cwb-composition-provider-private.h"

/*
 * L1–L7 and R1 (only for a field that may lower the lead's conditions),
 * called in that order by the provider (cwb-composition-provider.c). Every
 * figure comes from the rule set.
 */

/* Helpers */

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

/* L1 四(三): the lead is an enterprise, an independent legal person, registered in Hainan */
static void
check_lead_identity (CwbCompositionCheck *c)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *message = NULL;
  g_autofree char *parts = NULL;

  if (!cwb_rule_set_has_rule (c->rules, "L1"))
    return;

  if (c->lead == NULL)
    {
      _cwb_composition_add_no_lead (c, "L1", CWB_STATUS_FAIL);
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
                                 _cwb_composition_member_label (c->lead));
      _cwb_composition_add_simple (c, "L1", CWB_STATUS_PASS, message, NULL);
      return;
    }

  parts = _cwb_composition_join_list (missing);
  message = g_strdup_printf (_("The lead unit %s does not qualify: %s."), _cwb_composition_member_label (c->lead), parts);
  _cwb_composition_add_simple (c, "L1", CWB_STATUS_FAIL, message,
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
check_lead_figure (CwbCompositionCheck *c,
                   const LeadFigure    *figure,
                   gint64               found)
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
      _cwb_composition_add_no_lead (c, figure->rule, CWB_STATUS_UNKNOWN);
      return;
    }

  if (!_cwb_composition_need_number (c, figure->rule, figure->param, &min))
    return;

  if (found < 0)
    {
      result = _cwb_composition_result_new (c, figure->rule, CWB_STATUS_UNKNOWN, _(figure->unknown_message));
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_threshold (result, min);
      cwb_check_result_set_remedy (result, _(figure->unknown_remedy));
      _cwb_composition_result_add (c, g_steal_pointer (&result));
      return;
    }

  relaxable = cwb_rule_set_lookup_relaxed_number (c->rules, figure->rule, figure->param,
                                                  c->industry, &low);
  value_text = format_figure (figure, value);
  min_text = format_figure (figure, min);
  low_text = relaxable ? format_figure (figure, low) : NULL;

  if (_cwb_composition_at_least (value, min))
    {
      message = g_strdup_printf (_(figure->pass_format), value_text, min_text);
      result = _cwb_composition_result_new (c, figure->rule, CWB_STATUS_PASS, message);
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_value (result, value);
      cwb_check_result_set_threshold (result, min);
      _cwb_composition_result_add (c, g_steal_pointer (&result));
      return;
    }

  if (relaxable && _cwb_composition_at_least (value, low))
    {
      message = g_strdup_printf (_(figure->relaxed_format), value_text, min_text, low_text, c->industry);
      result = _cwb_composition_result_new (c, figure->rule, CWB_STATUS_RELAXED, message);
      cwb_check_result_set_unit (result, figure_unit (figure));
      cwb_check_result_set_value (result, value);
      cwb_check_result_set_threshold (result, low);
      _cwb_composition_result_add (c, g_steal_pointer (&result));
      return;
    }

  if (relaxable)
    message = g_strdup_printf (_(figure->warn_lowered_format), value_text, min_text, low_text, c->industry);
  else
    message = g_strdup_printf (_(figure->warn_format), value_text, min_text);

  result = _cwb_composition_result_new (c, figure->rule, CWB_STATUS_WARN, message);
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

  _cwb_composition_result_add (c, g_steal_pointer (&result));
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
check_lead_high_tech (CwbCompositionCheck *c)
{
  g_autofree char *message = NULL;

  if (!cwb_rule_set_has_rule (c->rules, "L3"))
    return;

  if (c->lead == NULL)
    {
      _cwb_composition_add_no_lead (c, "L3", CWB_STATUS_INFO);
      return;
    }

  if (cwb_member_get_high_tech (c->lead))
    {
      message = g_strdup_printf (_("The lead unit %s is a high-tech enterprise."), _cwb_composition_member_label (c->lead));
      _cwb_composition_add_simple (c, "L3", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The lead unit %s is not a high-tech enterprise; the policy prefers one, but does not require it."),
                                 _cwb_composition_member_label (c->lead));
      _cwb_composition_add_simple (c, "L3", CWB_STATUS_INFO, message, NULL);
    }
}

/* L5 四(三)2: a platform of a counted level and kind */
static void
check_lead_platform (CwbCompositionCheck *c)
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
      _cwb_composition_add_no_lead (c, "L5", CWB_STATUS_UNKNOWN);
      return;
    }

  levels = cwb_rule_set_lookup_strv (c->rules, "L5", "levels");
  kinds = cwb_rule_set_lookup_strv (c->rules, "L5", "kinds");
  if (levels == NULL || kinds == NULL)
    {
      message = g_strdup_printf (_("The rule set gives no “%s” figure for this rule, so it cannot be checked."),
                                 levels == NULL ? "levels" : "kinds");
      _cwb_composition_add_simple (c, "L5", CWB_STATUS_UNKNOWN, message, NULL);
      return;
    }

  if (!cwb_member_get_has_platforms (c->lead))
    {
      _cwb_composition_add_simple (c, "L5", CWB_STATUS_UNKNOWN,
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
          _cwb_composition_add_simple (c, "L5", CWB_STATUS_PASS, message, NULL);
          return;
        }
    }

  /* the levels' names only for the message that names them */
  for (CwbPlatformLevel level = CWB_PLATFORM_LEVEL_NATIONAL; level <= CWB_PLATFORM_LEVEL_OTHER; level++)
    if (nick_listed (levels, CWB_TYPE_PLATFORM_LEVEL, level))
      g_ptr_array_add (level_names, (gpointer) platform_level_label (level));
  level_list = _cwb_composition_join_list (level_names);

  message = g_strdup_printf (ngettext ("The lead unit lists %u platform, but none of these levels: %s.",
                                       "The lead unit lists %u platforms, but none of these levels: %s.",
                                       platforms->len),
                             platforms->len, level_list);
  remedy = g_strdup_printf (_("The lead unit needs an innovation platform of one of these levels: %s."),
                            level_list);
  _cwb_composition_add_simple (c, "L5", CWB_STATUS_FAIL, message, remedy);
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
is_younger_than (CwbCompositionCheck *c,
                 int                  years,
                 gboolean            *known)
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

/* L6's figures over the fiscal years it counts, filled in step by step */
typedef struct
{
  /* the rule */
  double     min_total;
  double     min_ratio;
  int        years;
  gboolean   prorate;

  /* the fiscal years counted, the latest first (borrowed) */
  GPtrArray *recent;
  int        latest;
  gboolean   young;          /* fewer years, the lead being younger than `years` */
  double     factor;         /* prorating of the amount for a young lead, else 1 */

  /* their sums: the doubles decide, the exact amounts are shown */
  GArray    *rd_amounts;     /* gint64 */
  GArray    *sales_amounts;  /* gint64 */
  double     total_rd;
  double     total_sales;
  gboolean   sales_known;

  /* what is required, and what R1 lowers it to */
  gboolean   has_low_total;
  gboolean   has_low_ratio;
  double     low_total;
  double     low_ratio;
  double     required_total;
  double     low_required_total;
} RdFigures;

static void
rd_figures_clear (RdFigures *f)
{
  g_clear_pointer (&f->recent, g_ptr_array_unref);
  g_clear_pointer (&f->rd_amounts, g_array_unref);
  g_clear_pointer (&f->sales_amounts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RdFigures, rd_figures_clear)

/* The rule's figures; FALSE when the rule is off or a result says why it
 * cannot be checked. */
static gboolean
rd_read_rule (CwbCompositionCheck *c,
              RdFigures           *f)
{
  double years;

  if (!cwb_rule_set_has_rule (c->rules, "L6"))
    return FALSE;

  if (c->lead == NULL)
    {
      _cwb_composition_add_no_lead (c, "L6", CWB_STATUS_UNKNOWN);
      return FALSE;
    }

  if (!_cwb_composition_need_number (c, "L6", "min_rd_total", &f->min_total)
      || !_cwb_composition_need_number (c, "L6", "min_rd_ratio", &f->min_ratio)
      || !_cwb_composition_need_number (c, "L6", "years", &years))
    return FALSE;
  cwb_rule_set_lookup_boolean (c->rules, "L6", "prorate_amount", &f->prorate);
  f->years = MAX (1, (int) years);

  return TRUE;
}

/* The most recent `years` fiscal years, counted back from the latest given;
 * FALSE, with a result, when none is given. */
static gboolean
rd_pick_recent_years (CwbCompositionCheck *c,
                      RdFigures           *f)
{
  GPtrArray *entries = cwb_member_get_fiscal_years (c->lead);
  /* borrowed pointers: g_ptr_array_copy() would keep the free function */
  g_autoptr(GPtrArray) sorted = NULL;

  if (!cwb_member_get_has_fiscal_years (c->lead) || entries->len == 0)
    {
      _cwb_composition_add_simple (c, "L6", CWB_STATUS_UNKNOWN,
                                   _("The lead unit's R&D expense and sales of the last fiscal years are not given."),
                                   _("Give the lead unit's R&D expense and sales of its last fiscal years."));
      return FALSE;
    }

  sorted = g_ptr_array_sized_new (entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (entries, i));
  g_ptr_array_sort (sorted, compare_years_descending);

  f->recent = g_ptr_array_new ();
  f->latest = ((CwbFiscalYear *) g_ptr_array_index (sorted, 0))->year;
  for (guint i = 0; i < sorted->len; i++)
    {
      CwbFiscalYear *fy = g_ptr_array_index (sorted, i);

      if (fy->year > f->latest - f->years
          && (f->recent->len == 0 || ((CwbFiscalYear *) g_ptr_array_index (f->recent, f->recent->len - 1))->year != fy->year))
        g_ptr_array_add (f->recent, fy);
    }

  return TRUE;
}

/* Fewer years than the rule counts are accepted only from a lead younger
 * than that; FALSE, with a result naming the missing years, otherwise. */
static gboolean
rd_accept_missing_years (CwbCompositionCheck *c,
                         RdFigures           *f)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *missing_list = NULL;
  g_autofree char *message = NULL;
  gboolean known;

  f->factor = 1.0;
  if ((int) f->recent->len >= f->years)
    return TRUE;

  f->young = is_younger_than (c, f->years, &known);
  if (f->young)
    {
      if (f->prorate)
        f->factor = (double) f->recent->len / f->years;
      return TRUE;
    }

  missing = g_ptr_array_new_with_free_func (g_free);
  for (int y = f->latest; y > f->latest - f->years; y--)
    {
      gboolean given = FALSE;

      for (guint i = 0; i < f->recent->len; i++)
        if (((CwbFiscalYear *) g_ptr_array_index (f->recent, i))->year == y)
          given = TRUE;
      if (!given)
        g_ptr_array_insert (missing, 0, g_strdup_printf ("%d", y));
    }
  missing_list = _cwb_composition_join_list (missing);

  if (known)
    message = g_strdup_printf (ngettext ("The fiscal year %s is missing; only a company in business for less than %d years may give fewer years.",
                                         "The fiscal years %s are missing; only a company in business for less than %d years may give fewer years.",
                                         missing->len),
                               missing_list, f->years);
  else
    message = g_strdup_printf (ngettext ("The fiscal year %s is missing, and the lead unit's date of establishment is not given to show it is younger than %d years.",
                                         "The fiscal years %s are missing, and the lead unit's date of establishment is not given to show it is younger than %d years.",
                                         missing->len),
                               missing_list, f->years);

  _cwb_composition_add_simple (c, "L6", CWB_STATUS_UNKNOWN, message,
                               _("Give the missing fiscal years, or the date of establishment of a younger company."));
  return FALSE;
}

/* The sums of R&D expense and sales over the years counted; FALSE, with a
 * result, when a year's R&D expense is not given. */
static gboolean
rd_sum_amounts (CwbCompositionCheck *c,
                RdFigures           *f)
{
  g_autoptr(GPtrArray) unknown_rd = g_ptr_array_new_with_free_func (g_free);

  f->rd_amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->sales_amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->sales_known = TRUE;

  /* the verdict and the ratio compare doubles; the totals shown are the
   * exact sums of the figures (three near G_MAXINT64 exceed a gint64) */
  for (guint i = 0; i < f->recent->len; i++)
    {
      CwbFiscalYear *fy = g_ptr_array_index (f->recent, i);

      if (fy->rd_expense < 0)
        g_ptr_array_insert (unknown_rd, 0, g_strdup_printf ("%d", fy->year));
      else
        {
          f->total_rd += (double) fy->rd_expense;
          g_array_append_val (f->rd_amounts, fy->rd_expense);
        }

      if (fy->sales < 0)
        f->sales_known = FALSE;
      else
        {
          f->total_sales += (double) fy->sales;
          g_array_append_val (f->sales_amounts, fy->sales);
        }
    }

  if (unknown_rd->len > 0)
    {
      g_autofree char *list = _cwb_composition_join_list (unknown_rd);
      g_autofree char *message = g_strdup_printf (_("The lead unit's R&D expense of %s is not given."), list);

      _cwb_composition_add_simple (c, "L6", CWB_STATUS_UNKNOWN, message,
                                   _("Give the lead unit's R&D expense of every fiscal year."));
      return FALSE;
    }

  if (f->total_sales <= 0.0)
    f->sales_known = FALSE;

  return TRUE;
}

/* Pass by the total or by the ratio, relaxed by R1's lowered figures, else
 * a warning. */
static CwbStatus
rd_decide (CwbCompositionCheck *c,
           RdFigures           *f)
{
  f->has_low_total = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_total", c->industry, &f->low_total);
  f->has_low_ratio = cwb_rule_set_lookup_relaxed_number (c->rules, "L6", "min_rd_ratio", c->industry, &f->low_ratio);

  f->required_total = f->min_total * f->factor;
  f->low_required_total = f->low_total * f->factor;

  if (_cwb_composition_at_least (f->total_rd, f->required_total)
      || (f->sales_known && _cwb_composition_at_least (f->total_rd, f->min_ratio * f->total_sales)))
    return CWB_STATUS_PASS;

  if ((f->has_low_total && _cwb_composition_at_least (f->total_rd, f->low_required_total))
      || (f->has_low_ratio && f->sales_known && _cwb_composition_at_least (f->total_rd, f->low_ratio * f->total_sales)))
    return CWB_STATUS_RELAXED;

  return CWB_STATUS_WARN;
}

/* @message followed by @sentence (transfer full of both) */
static char *
rd_append (char *message,
           char *sentence)
{
  g_autofree char *first = message;
  g_autofree char *second = sentence;

  return join_sentences (first, second);
}

/* What the figures are and what is required, the young lead's years and
 * R1's lowered figures when they matter. (transfer full) */
static char *
rd_describe (CwbCompositionCheck *c,
             const RdFigures     *f,
             CwbStatus            status)
{
  g_autofree char *span = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *min_total_text = NULL;
  g_autofree char *min_ratio_text = NULL;
  char *message;

  span = format_year_span (((CwbFiscalYear *) g_ptr_array_index (f->recent, f->recent->len - 1))->year,
                           ((CwbFiscalYear *) g_ptr_array_index (f->recent, 0))->year);
  total_text = cwb_format_money_sum ((const gint64 *) f->rd_amounts->data, f->rd_amounts->len);
  min_total_text = format_count_money (f->required_total);
  min_ratio_text = cwb_format_percent (f->min_ratio);

  if (f->sales_known)
    {
      g_autofree char *sales_text = cwb_format_money_sum ((const gint64 *) f->sales_amounts->data,
                                                          f->sales_amounts->len);
      g_autofree char *ratio_text = cwb_format_percent (f->total_rd / f->total_sales);

      message = g_strdup_printf (_("R&D expense of the fiscal years %s totals %s, %s of sales of %s; at least %s in total or %s of sales is required."),
                                 span, total_text, ratio_text, sales_text, min_total_text, min_ratio_text);
    }
  else
    {
      message = g_strdup_printf (_("R&D expense of the fiscal years %s totals %s (sales not given); at least %s in total is required."),
                                 span, total_text, min_total_text);
    }

  if (f->young)
    {
      if (f->prorate)
        message = rd_append (message, g_strdup_printf (_("The lead unit has been in business for less than %d years, so its actual years are used and the amount is prorated."),
                                                       f->years));
      else
        message = rd_append (message, g_strdup_printf (_("The lead unit has been in business for less than %d years, so its actual years are used; the amount is not prorated."),
                                                       f->years));
    }

  if (status == CWB_STATUS_RELAXED || (status == CWB_STATUS_WARN && (f->has_low_total || f->has_low_ratio)))
    {
      g_autofree char *low_total_text = format_count_money (f->low_required_total);
      g_autofree char *low_ratio_text = cwb_format_percent (f->low_ratio);
      char *lowered;

      if (f->has_low_total && f->has_low_ratio)
        lowered = g_strdup_printf (_("The lowered figures this rule set allows for %s (R1) are %s in total or %s of sales."),
                                   c->industry, low_total_text, low_ratio_text);
      else if (f->has_low_total)
        lowered = g_strdup_printf (_("The lowered figure this rule set allows for %s (R1) is %s in total."),
                                   c->industry, low_total_text);
      else
        lowered = g_strdup_printf (_("The lowered figure this rule set allows for %s (R1) is %s of sales."),
                                   c->industry, low_ratio_text);

      message = rd_append (message, lowered);
    }

  return message;
}

/* The smallest extra R&D expense over these years that would pass (the
 * lowered figures count as a pass). (transfer full) */
static char *
rd_shortfall_remedy (const RdFigures *f)
{
  double need = f->required_total - f->total_rd;
  g_autofree char *shortfall = NULL;

  if (f->sales_known)
    need = MIN (need, f->min_ratio * f->total_sales - f->total_rd);
  if (f->has_low_total)
    need = MIN (need, f->low_required_total - f->total_rd);
  if (f->has_low_ratio && f->sales_known)
    need = MIN (need, f->low_ratio * f->total_sales - f->total_rd);

  shortfall = format_count_money (ceil (need));

  return g_strdup_printf (_("R&D expense over these years is short by %s."), shortfall);
}

/* The rule's steps: its figures, the years it counts, their sums, the
 * verdict, then the result with its value in 元 (the ratio is in the
 * message). */
static void
check_lead_rd (CwbCompositionCheck *c)
{
  g_auto(RdFigures) f = { 0 };
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;
  CwbStatus status;

  if (!rd_read_rule (c, &f)
      || !rd_pick_recent_years (c, &f)
      || !rd_accept_missing_years (c, &f)
      || !rd_sum_amounts (c, &f))
    return;

  status = rd_decide (c, &f);
  message = rd_describe (c, &f, status);

  result = _cwb_composition_result_new (c, "L6", status, message);
  cwb_check_result_set_unit (result, CWB_UNIT_YUAN);
  cwb_check_result_set_value (result, f.total_rd);
  cwb_check_result_set_threshold (result, status == CWB_STATUS_RELAXED && f.has_low_total
                                          ? f.low_required_total : f.required_total);

  if (status == CWB_STATUS_WARN)
    {
      g_autofree char *remedy = rd_shortfall_remedy (&f);

      cwb_check_result_set_remedy (result, remedy);
    }

  _cwb_composition_result_add (c, g_steal_pointer (&result));
}

/* L7 四(三)3–4: the lead declares its capability */
static void
check_lead_capability (CwbCompositionCheck *c)
{
  if (!cwb_rule_set_has_rule (c->rules, "L7"))
    return;

  if (c->lead == NULL)
    {
      _cwb_composition_add_no_lead (c, "L7", CWB_STATUS_MISSING_DECLARATION);
      return;
    }

  if (cwb_member_get_capability (c->lead))
    _cwb_composition_add_simple (c, "L7", CWB_STATUS_DECLARED,
                                 _("The lead unit declares its innovation and transformation capability."), NULL);
  else
    _cwb_composition_add_simple (c, "L7", CWB_STATUS_MISSING_DECLARATION,
                                 _("The lead unit has not declared its innovation and transformation capability."),
                                 _("Have the lead unit declare its innovation and transformation capability."));
}

/* R1 四(三) last paragraph: only for a field that may lower the conditions */
static void
check_relaxation (CwbCompositionCheck *c)
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
      list = _cwb_composition_join_list (parts);
      message = g_strdup_printf (_("%s may lower the lead unit's conditions; this software's reading, editable in the rule set, lowers them to: %s."),
                                 c->industry, list);
    }

  _cwb_composition_add_simple (c, "R1", CWB_STATUS_PASS, message, NULL);
}

/**
 * _cwb_composition_check_lead:
 * @c: the check under way
 *
 * Adds the lead unit's results, in order: L1, L2, L3, L4, L5, L6, L7, R1.
 */
void
_cwb_composition_check_lead (CwbCompositionCheck *c)
{
  check_lead_identity (c);
  check_lead_figure (c, &revenue_figure, c->lead != NULL ? cwb_member_get_revenue (c->lead) : -1);
  check_lead_high_tech (c);
  check_lead_figure (c, &rd_staff_figure, c->lead != NULL ? cwb_member_get_rd_staff_fulltime (c->lead) : -1);
  check_lead_platform (c);
  check_lead_rd (c);
  check_lead_capability (c);
  check_relaxation (c);
}
