/* test-composition.c — the composition plugin's checks, through the real engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <cwb.h>

#include "cwb-test-utils.h"

#define DEFAULT_RESOURCE "/io/github/cwb/libcwb/rules/hainan-2022.json"

typedef struct
{
  CwbEngine  *engine;
  CwbRuleSet *rules;
  CwbContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);

  /* the real engine with CWB_PLUGIN_PATH at the build's plugins/ */
  fixture->engine = cwb_engine_new ();
  cwb_test_load_only (fixture->engine, "composition");

  fixture->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  fixture->context = cwb_context_new (fixture->rules, NULL, NULL, fixture->engine);
  cwb_context_set_now (fixture->context, now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->context));
  g_clear_object (&fixture->rules);
  g_assert_finalize_object (g_steal_pointer (&fixture->engine));
}

/* Helpers: a consortium built through the model API */

static char *
make_uscc (guint    index,
           gboolean hainan)
{
  char code[CWB_USCC_LENGTH + 1];

  g_snprintf (code, sizeof code, "91%s%09u", hainan ? "460100" : "440100", index);
  code[17] = cwb_uscc_compute_check_char (code);
  code[18] = '\0';
  g_assert_true (cwb_uscc_validate (code, NULL));

  return g_strdup (code);
}

static void
set_in_hainan (CwbMember *member,
               guint      index,
               gboolean   registered,
               gboolean   stationed)
{
  g_autofree char *uscc = make_uscc (index, registered);

  cwb_member_set_uscc (member, uscc);
  cwb_member_set_registered_in_hainan (member, registered);
  cwb_member_set_stationed_in_hainan (member, stationed);
}

static void
set_fiscal_years (CwbMember *member,
                  int        first_year,
                  guint      n_years,
                  gint64     rd_expense,
                  gint64     sales)
{
  GPtrArray *years = cwb_member_get_fiscal_years (member);

  g_ptr_array_set_size (years, 0);
  for (guint i = 0; i < n_years; i++)
    g_ptr_array_add (years, cwb_fiscal_year_new (first_year + i, rd_expense, sales));
  cwb_member_set_has_fiscal_years (member, TRUE);
}

/* A consortium that passes every rule: n enterprises registered in Hainan,
 * the first is the lead and the first fifth (rounded up) are above the
 * designated size. */
static CwbConsortium *
make_consortium (const char *industry,
                 guint       n)
{
  const char * const problems[] = { "高温高湿环境下动力电池衰减机理", NULL };
  const char * const technologies[] = { "热带海岛气候整车热管理技术", NULL };
  const char * const results[] = { "耐高温电池包产业化", NULL };
  const char * const landmarks[] = { "热带型新能源整车平台", NULL };
  CwbConsortium *consortium = cwb_consortium_new ();

  cwb_consortium_set_name (consortium, "海南省测试创新联合体");
  cwb_consortium_set_industry (consortium, industry);
  cwb_consortium_set_scientific_problems (consortium, problems);
  cwb_consortium_set_key_technologies (consortium, technologies);
  cwb_consortium_set_transformation_results (consortium, results);
  cwb_consortium_set_landmark_results (consortium, landmarks);
  cwb_consortium_add_standard (consortium, cwb_standard_new (CWB_STANDARD_KIND_INDUSTRY, "热带地区电动汽车热管理技术规范"));

  cwb_consortium_set_has_organization (consortium, TRUE);
  cwb_consortium_set_decision_body (consortium, "理事会");
  cwb_consortium_set_advisory_body (consortium, "专家咨询委员会");
  cwb_consortium_set_executive_body (consortium, "联合体办公室");
  cwb_consortium_set_executive_permanent (consortium, TRUE);
  cwb_consortium_set_executive_fulltime_staff (consortium, 3);

  cwb_consortium_set_has_fund_management (consortium, TRUE);
  cwb_consortium_set_fund_system (consortium, TRUE);
  cwb_consortium_set_fund_internal_supervision (consortium, TRUE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbMember) member = cwb_member_new ();
      g_autofree char *name = g_strdup_printf ("成员单位%02u", i);

      cwb_member_set_name (member, name);
      cwb_member_set_kind (member, CWB_MEMBER_KIND_ENTERPRISE);
      cwb_member_set_independent_legal_person (member, TRUE);
      set_in_hainan (member, i, TRUE, FALSE);
      cwb_member_set_above_designated_size (member, i < (n + 4) / 5);
      cwb_member_set_cooperation_basis (member, TRUE);
      cwb_member_set_capability (member, TRUE);

      if (i == 0)
        {
          cwb_member_set_lead (member, TRUE);
          cwb_member_set_high_tech (member, TRUE);
          cwb_member_set_established (member, "2008-05-12");
          cwb_member_set_revenue (member, 620000000);
          cwb_member_set_rd_staff_fulltime (member, 35);
          g_ptr_array_add (cwb_member_get_platforms (member),
                           cwb_platform_new ("海南省新能源汽车工程技术研究中心",
                                             CWB_PLATFORM_LEVEL_PROVINCIAL,
                                             CWB_PLATFORM_KIND_ENGINEERING_CENTER));
          cwb_member_set_has_platforms (member, TRUE);
          set_fiscal_years (member, 2023, 3, 8000000, 600000000);
        }

      cwb_consortium_add_member (consortium, member);
    }

  return consortium;
}

static CwbMember *
member_at (CwbConsortium *consortium,
           guint          index)
{
  return g_ptr_array_index (cwb_consortium_get_members (consortium), index);
}

static CwbCheckReport *
check_with (Fixture       *fixture,
            CwbRuleSet    *rules,
            CwbConsortium *consortium)
{
  g_autoptr(CwbContext) context = cwb_context_new (rules, NULL, NULL, fixture->engine);
  g_autoptr(GDateTime) now = cwb_context_dup_now (fixture->context);

  cwb_context_set_now (context, now);
  return cwb_context_check (context, consortium);
}

static CwbCheckReport *
check (Fixture       *fixture,
       CwbConsortium *consortium)
{
  return cwb_context_check (fixture->context, consortium);
}

static CwbCheckResult *
expect (CwbCheckReport *report,
        const char     *rule,
        CwbStatus       status)
{
  CwbCheckResult *result = cwb_check_report_lookup (report, rule);

  if (result == NULL)
    g_error ("no result for %s", rule);
  if (cwb_check_result_get_status (result) != status)
    g_error ("%s is %s, expected %s: %s", rule,
             cwb_status_to_nick (cwb_check_result_get_status (result)),
             cwb_status_to_nick (status),
             cwb_check_result_get_message (result));

  g_assert_nonnull (cwb_check_result_get_message (result));
  g_assert_cmpuint (strlen (cwb_check_result_get_message (result)), >, 0);
  return result;
}

static void
expect_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text, part);
}

/* every result not named in @others is pass or declared */
static void
expect_plain_pass_except (CwbCheckReport     *report,
                          const char * const *others)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (report)); i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (G_LIST_MODEL (report), i);
      CwbStatus status = cwb_check_result_get_status (result);

      if (others != NULL && g_strv_contains (others, cwb_check_result_get_rule (result)))
        continue;

      if (status != CWB_STATUS_PASS && status != CWB_STATUS_DECLARED)
        g_error ("%s is %s: %s", cwb_check_result_get_rule (result),
                 cwb_status_to_nick (status), cwb_check_result_get_message (result));
    }
}

/* a rule set that is the default with one param changed */
static CwbRuleSet *
rules_with_param (const char *rule,
                  const char *param,
                  JsonNode   *value)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonArray *rules;
  CwbRuleSet *rule_set;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *object = json_array_get_object_element (rules, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), rule) == 0)
        json_object_set_member (json_object_get_object_member (object, "params"), param, value);
    }

  data = json_to_string (json_parser_get_root (parser), FALSE);
  rule_set = cwb_rule_set_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  return rule_set;
}

/* The example files */

static void
test_examples (Fixture       *fixture,
               gconstpointer  data)
{
  struct {
    const char *file;
    CwbVerdict verdict;
    const char *rules[4];
    CwbStatus statuses[4];
  } cases[] = {
    { "deep-sea.consortium.json", CWB_VERDICT_PASS, { NULL }, { 0 } },
    { "seed-industry-small.consortium.json", CWB_VERDICT_WARN,
      { "C3", "L2", "R1", NULL }, { CWB_STATUS_WARN, CWB_STATUS_RELAXED, CWB_STATUS_PASS } },
    { "new-energy-vehicle-fails.consortium.json", CWB_VERDICT_FAIL,
      { "C4", "L2", NULL }, { CWB_STATUS_FAIL, CWB_STATUS_UNKNOWN } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(CwbCheckReport) report = NULL;
      const char * const expected_ids[] = {
        "C1", "C2", "C3", "C4", "C5", "C6", "L1", "L2", "L3", "L4", "L5", "L6", "L7",
        "I1", "U1", "M1", "M2", "O1", "F1", "P1",
      };

      g_test_message ("%s", cases[i].file);
      consortium = cwb_test_load_example (cases[i].file);

      report = check (fixture, consortium);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==, cases[i].verdict);

      for (guint j = 0; cases[i].rules[j] != NULL; j++)
        expect (report, cases[i].rules[j], cases[i].statuses[j]);
      expect_plain_pass_except (report, cases[i].rules);

      /* one result per rule; no C7 without a store; R1 only for its fields */
      for (guint j = 0; j < G_N_ELEMENTS (expected_ids); j++)
        g_assert_nonnull (cwb_check_report_lookup (report, expected_ids[j]));
      g_assert_null (cwb_check_report_lookup (report, "C7"));
      g_assert_null (cwb_check_report_lookup (report, "X1"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==,
                        G_N_ELEMENTS (expected_ids) + (cwb_check_report_lookup (report, "R1") ? 1 : 0));
      g_assert_cmpint (cwb_check_report_lookup (report, "R1") != NULL, ==, i == 1);
    }
}

static void
test_examples_details (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbCheckReport) report = check (fixture, consortium);
  CwbCheckResult *result;

  /* 4 of 10 units in Hainan; (4 + 2) / (10 + 2) = 50% */
  result = expect (report, "C4", CWB_STATUS_FAIL);
  g_assert_cmpstr (cwb_check_result_get_clause (result), ==, "四(二)");
  g_assert_cmpint (cwb_check_result_get_strength (result), ==, CWB_STRENGTH_HARD);
  g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (result), 0.4, 1e-12);
  g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 0.5);
  g_assert_cmpstr (cwb_check_result_get_remedy (result), ==,
                   "2 more units registered or stationed in Hainan are needed.");
  g_assert_cmpint (cwb_check_result_get_unit (result), ==, CWB_UNIT_RATIO);

  /* every figure says what it measures */
  g_assert_cmpint (cwb_check_result_get_unit (expect (report, "C3", CWB_STATUS_PASS)), ==, CWB_UNIT_COUNT);
  g_assert_cmpint (cwb_check_result_get_unit (expect (report, "L4", CWB_STATUS_PASS)), ==, CWB_UNIT_COUNT);
  g_assert_cmpint (cwb_check_result_get_unit (expect (report, "L6", CWB_STATUS_PASS)), ==, CWB_UNIT_YUAN);
  g_assert_cmpint (cwb_check_result_get_unit (expect (report, "O1", CWB_STATUS_PASS)), ==, CWB_UNIT_COUNT);

  /* exactly 20% above-size or high-tech: a pass, with both figures shown */
  result = expect (report, "C6", CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_unit (result), ==, CWB_UNIT_RATIO);
  g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (result), 0.2, 1e-12);
  expect_contains (cwb_check_result_get_message (result), "20% of all 10 member units");
  expect_contains (cwb_check_result_get_message (result), "28.57% of the 7 enterprises");

  result = expect (report, "L2", CWB_STATUS_UNKNOWN);
  g_assert_false (cwb_check_result_get_has_value (result));
  g_assert_cmpint (cwb_check_result_get_unit (result), ==, CWB_UNIT_YUAN);
  g_assert_nonnull (cwb_check_result_get_remedy (result));
}

/* Boundaries, built through the model API */

static void
test_good (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
  g_autoptr(CwbCheckReport) report = check (fixture, consortium);

  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
  expect_plain_pass_except (report, NULL);
  g_assert_null (cwb_check_report_lookup (report, "R1"));
}

static void
test_member_count (Fixture       *fixture,
                   gconstpointer  data)
{
  struct { guint n; CwbStatus status; const char *remedy; } cases[] = {
    { 11, CWB_STATUS_PASS, NULL },
    { 10, CWB_STATUS_PASS, NULL },
    { 9, CWB_STATUS_WARN, "1 more member unit is needed." },
    { 7, CWB_STATUS_WARN, "3 more member units are needed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", cases[i].n);
      g_autoptr(CwbCheckReport) report = check (fixture, consortium);
      CwbCheckResult *result = expect (report, "C3", cases[i].status);

      g_assert_cmpfloat (cwb_check_result_get_value (result), ==, cases[i].n);
      g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 10);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==,
                       cases[i].status == CWB_STATUS_PASS ? CWB_VERDICT_PASS : CWB_VERDICT_WARN);
    }
}

static void
test_in_hainan (Fixture       *fixture,
                gconstpointer  data)
{
  /* n members: the first `registered` registered in Hainan, the next
   * `stationed` stationed only, `both` of the registered also stationed */
  struct {
    guint n, registered, stationed, both;
    CwbStatus status;
    double value;
    const char *remedy;
  } cases[] = {
    { 10, 5, 0, 0, CWB_STATUS_PASS, 0.5, NULL },
    { 10, 3, 2, 0, CWB_STATUS_PASS, 0.5, NULL },
    { 10, 4, 0, 0, CWB_STATUS_FAIL, 0.4, "2 more units registered or stationed in Hainan are needed." },
    /* a unit both registered and stationed counts once */
    { 10, 4, 0, 4, CWB_STATUS_FAIL, 0.4, "2 more units registered or stationed in Hainan are needed." },
    { 11, 5, 0, 0, CWB_STATUS_FAIL, 5.0 / 11, "1 more unit registered or stationed in Hainan is needed." },
    { 12, 6, 0, 0, CWB_STATUS_PASS, 0.5, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", cases[i].n);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbCheckResult *result;

      g_test_message ("case %u", i);
      for (guint m = 0; m < cases[i].n; m++)
        {
          gboolean registered = m < cases[i].registered;
          gboolean stationed = (m >= cases[i].registered && m < cases[i].registered + cases[i].stationed)
                               || m < cases[i].both;

          set_in_hainan (member_at (consortium, m), m, registered, stationed);
        }

      report = check (fixture, consortium);
      result = expect (report, "C4", cases[i].status);
      g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (result), cases[i].value, 1e-12);
      g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 0.5);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==,
                       cases[i].status == CWB_STATUS_PASS ? CWB_VERDICT_PASS : CWB_VERDICT_FAIL);
    }
}

static void
test_enterprises (Fixture       *fixture,
                  gconstpointer  data)
{
  struct { guint n, enterprises; CwbStatus status; const char *remedy; } cases[] = {
    { 10, 5, CWB_STATUS_PASS, NULL },
    { 10, 4, CWB_STATUS_FAIL, "2 more enterprise member units are needed." },
    { 9, 4, CWB_STATUS_FAIL, "1 more enterprise member unit is needed." },
    { 10, 10, CWB_STATUS_PASS, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", cases[i].n);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbCheckResult *result;

      for (guint m = cases[i].enterprises; m < cases[i].n; m++)
        {
          cwb_member_set_kind (member_at (consortium, m), m % 2 ? CWB_MEMBER_KIND_UNIVERSITY
                                                                : CWB_MEMBER_KIND_RESEARCH_INSTITUTE);
          cwb_member_set_above_designated_size (member_at (consortium, m), FALSE);
        }

      report = check (fixture, consortium);
      result = expect (report, "C5", cases[i].status);
      g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (result),
                                      (double) cases[i].enterprises / cases[i].n, 1e-12);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);
    }
}

static void
test_strong_enterprises (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CwbRuleSet) by_enterprises = rules_with_param ("C6", "denominator",
                                                           json_node_init_string (json_node_alloc (), "enterprises"));
  g_autoptr(CwbRuleSet) bad_denominator = rules_with_param ("C6", "denominator",
                                                            json_node_init_string (json_node_alloc (), "units"));
  /* n members, the first `enterprises` are enterprises, of which the first
   * `above` above the designated size and the next `high_tech` high-tech */
  struct {
    gboolean by_enterprises;
    guint n, enterprises, above, high_tech;
    CwbStatus status;
    double value;
    const char *remedy;
  } cases[] = {
    { FALSE, 10, 10, 2, 0, CWB_STATUS_PASS, 0.2, NULL },
    { FALSE, 10, 10, 1, 1, CWB_STATUS_PASS, 0.2, NULL },
    { FALSE, 10, 10, 0, 2, CWB_STATUS_PASS, 0.2, NULL },
    /* (1 + 2) / (10 + 2) = 25% */
    { FALSE, 10, 10, 1, 0, CWB_STATUS_WARN, 0.1, "2 more above-size or high-tech enterprises are needed." },
    { FALSE, 10, 5, 1, 0, CWB_STATUS_WARN, 0.1, "2 more above-size or high-tech enterprises are needed." },
    /* the same consortium, with the enterprises as the denominator: 1 / 5 */
    { TRUE, 10, 5, 1, 0, CWB_STATUS_PASS, 0.2, NULL },
    { TRUE, 10, 6, 1, 0, CWB_STATUS_WARN, 1.0 / 6, "1 more above-size or high-tech enterprise is needed." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", cases[i].n);
      g_autoptr(CwbCheckReport) report = NULL;
      g_autofree char *of_members = NULL;
      CwbCheckResult *result;

      g_test_message ("case %u", i);
      for (guint m = 0; m < cases[i].n; m++)
        {
          CwbMember *member = member_at (consortium, m);

          cwb_member_set_above_designated_size (member, m < cases[i].above);
          cwb_member_set_high_tech (member, m >= cases[i].above && m < cases[i].above + cases[i].high_tech);
          if (m >= cases[i].enterprises)
            {
              /* a university flagged high-tech does not count */
              cwb_member_set_kind (member, CWB_MEMBER_KIND_UNIVERSITY);
              cwb_member_set_high_tech (member, TRUE);
            }
        }

      report = check_with (fixture, cases[i].by_enterprises ? by_enterprises : fixture->rules, consortium);
      result = expect (report, "C6", cases[i].status);
      g_assert_cmpfloat_with_epsilon (cwb_check_result_get_value (result), cases[i].value, 1e-12);
      g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 0.2);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);

      /* both figures show, whichever the denominator */
      of_members = g_strdup_printf ("of all %u member units", cases[i].n);
      expect_contains (cwb_check_result_get_message (result), of_members);
      expect_contains (cwb_check_result_get_message (result), "enterprises");
    }

  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = check_with (fixture, bad_denominator, consortium);

    expect_contains (cwb_check_result_get_message (expect (report, "C6", CWB_STATUS_UNKNOWN)), "units");
  }
}

static void
test_revenue (Fixture       *fixture,
              gconstpointer  data)
{
  struct {
    const char *industry;
    gint64 revenue;
    CwbStatus status;
    double threshold;
    const char *remedy;
  } cases[] = {
    { "深海科技", 500000000, CWB_STATUS_PASS, 500000000, NULL },
    { "深海科技", 499999999, CWB_STATUS_WARN, 500000000, "The annual main-business revenue is short by 1 yuan." },
    { "深海科技", 300000000, CWB_STATUS_WARN, 500000000, "The annual main-business revenue is short by 2 hundred million yuan." },
    { "现代种业", 500000000, CWB_STATUS_PASS, 500000000, NULL },
    { "现代种业", 250000001, CWB_STATUS_RELAXED, 250000000, NULL },
    { "数字经济", 250000000, CWB_STATUS_RELAXED, 250000000, NULL },
    { "现代种业", 249999999, CWB_STATUS_WARN, 500000000, "The annual main-business revenue is short by 1 yuan." },
    { "深海科技", CWB_UNKNOWN, CWB_STATUS_UNKNOWN, 500000000, "Give the lead unit's main-business revenue of the last fiscal year." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium (cases[i].industry, 10);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbCheckResult *result;

      g_test_message ("case %u", i);
      cwb_member_set_revenue (member_at (consortium, 0), cases[i].revenue);
      report = check (fixture, consortium);
      result = expect (report, "L2", cases[i].status);

      g_assert_cmpint (cwb_check_result_get_has_value (result), ==, cases[i].revenue >= 0);
      if (cases[i].revenue >= 0)
        g_assert_cmpfloat (cwb_check_result_get_value (result), ==, cases[i].revenue);
      g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, cases[i].threshold);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==,
                       cwb_status_is_passing (cases[i].status) ? CWB_VERDICT_PASS : CWB_VERDICT_WARN);
      /* R1 shows for the fields that may lower the conditions */
      g_assert_cmpint (cwb_check_report_lookup (report, "R1") != NULL, ==,
                       g_str_equal (cases[i].industry, "现代种业") || g_str_equal (cases[i].industry, "数字经济"));
    }
}

static void
test_rd_staff (Fixture       *fixture,
               gconstpointer  data)
{
  struct { const char *industry; int staff; CwbStatus status; const char *remedy; } cases[] = {
    { "深海科技", 20, CWB_STATUS_PASS, NULL },
    { "深海科技", 19, CWB_STATUS_WARN, "1 more full-time R&D staff member is needed." },
    { "深海科技", 15, CWB_STATUS_WARN, "5 more full-time R&D staff members are needed." },
    { "现代种业", 10, CWB_STATUS_RELAXED, NULL },
    { "现代种业", 19, CWB_STATUS_RELAXED, NULL },
    { "现代种业", 9, CWB_STATUS_WARN, "1 more full-time R&D staff member is needed." },
    { "深海科技", CWB_UNKNOWN, CWB_STATUS_UNKNOWN, "Give the lead unit's number of full-time R&D staff." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium (cases[i].industry, 10);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbCheckResult *result;

      g_test_message ("case %u", i);
      cwb_member_set_rd_staff_fulltime (member_at (consortium, 0), cases[i].staff);
      report = check (fixture, consortium);
      result = expect (report, "L4", cases[i].status);
      if (cases[i].staff >= 0)
        g_assert_cmpfloat (cwb_check_result_get_value (result), ==, cases[i].staff);
      g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, cases[i].remedy);
    }
}

static void
test_platform (Fixture       *fixture,
               gconstpointer  data)
{
  struct {
    gboolean given;
    CwbPlatformLevel level;  /* G_MAXINT: an empty list */
    CwbPlatformKind kind;
    CwbStatus status;
  } cases[] = {
    { FALSE, 0, 0, CWB_STATUS_UNKNOWN },
    { TRUE, G_MAXINT, 0, CWB_STATUS_FAIL },
    { TRUE, CWB_PLATFORM_LEVEL_MUNICIPAL, CWB_PLATFORM_KIND_KEY_LAB, CWB_STATUS_FAIL },
    { TRUE, CWB_PLATFORM_LEVEL_OTHER, CWB_PLATFORM_KIND_KEY_LAB, CWB_STATUS_FAIL },
    { TRUE, CWB_PLATFORM_LEVEL_PROVINCIAL, CWB_PLATFORM_KIND_OTHER, CWB_STATUS_PASS },
    { TRUE, CWB_PLATFORM_LEVEL_MINISTERIAL, CWB_PLATFORM_KIND_PILOT_BASE, CWB_STATUS_PASS },
    { TRUE, CWB_PLATFORM_LEVEL_NATIONAL, CWB_PLATFORM_KIND_KEY_LAB, CWB_STATUS_PASS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbMember *lead = member_at (consortium, 0);
      CwbCheckResult *result;

      g_test_message ("case %u", i);
      g_ptr_array_set_size (cwb_member_get_platforms (lead), 0);
      cwb_member_set_has_platforms (lead, cases[i].given);
      if (cases[i].given && cases[i].level != (CwbPlatformLevel) G_MAXINT)
        g_ptr_array_add (cwb_member_get_platforms (lead),
                         cwb_platform_new ("某平台", cases[i].level, cases[i].kind));

      report = check (fixture, consortium);
      result = expect (report, "L5", cases[i].status);
      g_assert_cmpint (cwb_check_result_get_remedy (result) != NULL, ==, cases[i].status != CWB_STATUS_PASS);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==,
                       cases[i].status == CWB_STATUS_PASS ? CWB_VERDICT_PASS
                       : cases[i].status == CWB_STATUS_FAIL ? CWB_VERDICT_FAIL : CWB_VERDICT_WARN);
    }
}

static void
test_rd_expense (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwbRuleSet) prorating = rules_with_param ("L6", "prorate_amount",
                                                      json_node_init_boolean (json_node_alloc (), TRUE));
  struct {
    const char *name;
    const char *industry;
    const char *established;   /* NULL: not given */
    int first_year;
    guint n_years;             /* 0: no fiscal years given */
    gint64 rd, sales;          /* per year */
    gint64 extra;              /* added to the first year's expense */
    gboolean prorate;
    CwbStatus status;
    double value;              /* the total, when known */
    const char *message_part;
  } cases[] = {
    { "total exactly", "深海科技", "2008-05-12", 2023, 3, 6666666, 10000000000, 2, FALSE, CWB_STATUS_PASS, 20000000, "2023–2025" },
    { "total just below", "深海科技", "2008-05-12", 2023, 3, 6666666, 10000000000, 1, FALSE, CWB_STATUS_WARN, 19999999, "R&D expense" },
    { "ratio exactly", "深海科技", "2008-05-12", 2023, 3, 4000000, 100000000, 0, FALSE, CWB_STATUS_PASS, 12000000, "4% of sales" },
    { "ratio just below", "深海科技", "2008-05-12", 2023, 3, 3999999, 100000000, 0, FALSE, CWB_STATUS_WARN, 11999997, NULL },
    { "relaxed by total", "现代种业", "2008-05-12", 2023, 3, 3333334, 10000000000, 0, FALSE, CWB_STATUS_RELAXED, 10000002, "R1" },
    { "relaxed by ratio", "现代种业", "2008-05-12", 2023, 3, 2000000, 100000000, 0, FALSE, CWB_STATUS_RELAXED, 6000000, "R1" },
    { "relaxed field below", "现代种业", "2008-05-12", 2023, 3, 1000000, 100000000, 0, FALSE, CWB_STATUS_WARN, 3000000, NULL },
    { "young, actual years", "深海科技", "2024-06-01", 2024, 2, 10000000, 10000000000, 0, FALSE, CWB_STATUS_PASS, 20000000, "less than 3 years" },
    { "young, not prorated", "深海科技", "2024-06-01", 2024, 2, 7000000, 10000000000, 0, FALSE, CWB_STATUS_WARN, 14000000, "not prorated" },
    { "young, prorated", "深海科技", "2024-06-01", 2024, 2, 7000000, 10000000000, 0, TRUE, CWB_STATUS_PASS, 14000000, "prorated" },
    { "young, ratio over its years", "深海科技", "2024-06-01", 2024, 2, 4000000, 100000000, 0, FALSE, CWB_STATUS_PASS, 8000000, NULL },
    { "old company, two years", "深海科技", "2008-05-12", 2024, 2, 10000000, 100000000, 0, FALSE, CWB_STATUS_UNKNOWN, -1, "2023" },
    { "three years to the day", "深海科技", "2023-03-01", 2024, 2, 10000000, 100000000, 0, FALSE, CWB_STATUS_UNKNOWN, -1, "2023" },
    { "no date, two years", "深海科技", NULL, 2024, 2, 10000000, 100000000, 0, FALSE, CWB_STATUS_UNKNOWN, -1, "establishment" },
    { "no fiscal years", "深海科技", "2008-05-12", 2023, 0, 0, 0, 0, FALSE, CWB_STATUS_UNKNOWN, -1, NULL },
    { "expense not given", "深海科技", "2008-05-12", 2023, 3, -1, 100000000, 0, FALSE, CWB_STATUS_UNKNOWN, -1, "2023" },
    { "sales not given", "深海科技", "2008-05-12", 2023, 3, 7000000, -1, 0, FALSE, CWB_STATUS_PASS, 21000000, "sales not given" },
    /* three figures near G_MAXINT64 sum past it: the totals shown are exact */
    { "figures near G_MAXINT64", "深海科技", "2008-05-12", 2023, 3, G_MAXINT64 - 7, G_MAXINT64 - 7, 0, FALSE,
      CWB_STATUS_PASS, 3.0 * (double) (G_MAXINT64 - 7),
      "totals 276,701,161,105.64 hundred million yuan, 100% of sales of 276,701,161,105.64 hundred million yuan;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium (cases[i].industry, 10);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbMember *lead = member_at (consortium, 0);
      CwbCheckResult *result;

      g_test_message ("%s", cases[i].name);
      cwb_member_set_established (lead, cases[i].established);
      g_ptr_array_set_size (cwb_member_get_fiscal_years (lead), 0);
      cwb_member_set_has_fiscal_years (lead, FALSE);
      if (cases[i].n_years > 0)
        {
          set_fiscal_years (lead, cases[i].first_year, cases[i].n_years, cases[i].rd, cases[i].sales);
          ((CwbFiscalYear *) g_ptr_array_index (cwb_member_get_fiscal_years (lead), 0))->rd_expense += cases[i].extra;
        }

      report = check_with (fixture, cases[i].prorate ? prorating : fixture->rules, consortium);
      result = expect (report, "L6", cases[i].status);
      g_test_message ("→ %s", cwb_check_result_get_message (result));

      if (cases[i].value >= 0)
        g_assert_cmpfloat (cwb_check_result_get_value (result), ==, cases[i].value);
      else
        g_assert_false (cwb_check_result_get_has_value (result));
      if (cases[i].message_part != NULL)
        expect_contains (cwb_check_result_get_message (result), cases[i].message_part);
      g_assert_cmpint (cwb_check_result_get_remedy (result) != NULL, ==,
                       !cwb_status_is_passing (cases[i].status));
    }

  /* only the most recent three years count */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;
    GPtrArray *years = cwb_member_get_fiscal_years (member_at (consortium, 0));
    CwbCheckResult *result;

    set_fiscal_years (member_at (consortium, 0), 2023, 3, 1000000, 1000000000);
    g_ptr_array_insert (years, 0, cwb_fiscal_year_new (2022, 90000000, 1000000000));
    report = check (fixture, consortium);
    result = expect (report, "L6", CWB_STATUS_WARN);
    g_assert_cmpfloat (cwb_check_result_get_value (result), ==, 3000000);
    g_assert_cmpstr (cwb_check_result_get_remedy (result), ==,
                     "R&D expense over these years is short by 1,700 ten thousand yuan.");
  }
}

static void
test_organization (Fixture       *fixture,
                   gconstpointer  data)
{
  struct {
    const char *name;
    gboolean has;
    const char *decision, *advisory, *executive;
    gboolean permanent;
    int staff;
    CwbStatus status;
    const char *message_part;
  } cases[] = {
    { "complete", TRUE, "理事会", "专家咨询委员会", "联合体办公室", TRUE, 1, CWB_STATUS_PASS, "联合体办公室" },
    { "none", FALSE, NULL, NULL, NULL, FALSE, 0, CWB_STATUS_FAIL, "no organization" },
    { "no decision body", TRUE, "", "专家咨询委员会", "联合体办公室", TRUE, 3, CWB_STATUS_FAIL, "a decision body" },
    { "no advisory body", TRUE, "理事会", NULL, "联合体办公室", TRUE, 3, CWB_STATUS_FAIL, "an advisory body" },
    { "no executive body", TRUE, "理事会", "专家咨询委员会", NULL, FALSE, 0, CWB_STATUS_FAIL, "an executive body" },
    { "not permanent", TRUE, "理事会", "专家咨询委员会", "联合体办公室", FALSE, 3, CWB_STATUS_FAIL, "not permanent" },
    { "no full-time staff", TRUE, "理事会", "专家咨询委员会", "联合体办公室", TRUE, 0, CWB_STATUS_FAIL, "full-time staff" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
      g_autoptr(CwbCheckReport) report = NULL;
      CwbCheckResult *result;

      g_test_message ("%s", cases[i].name);
      cwb_consortium_set_has_organization (consortium, cases[i].has);
      cwb_consortium_set_decision_body (consortium, cases[i].decision);
      cwb_consortium_set_advisory_body (consortium, cases[i].advisory);
      cwb_consortium_set_executive_body (consortium, cases[i].executive);
      cwb_consortium_set_executive_permanent (consortium, cases[i].permanent);
      cwb_consortium_set_executive_fulltime_staff (consortium, cases[i].staff);

      report = check (fixture, consortium);
      result = expect (report, "O1", cases[i].status);
      expect_contains (cwb_check_result_get_message (result), cases[i].message_part);
      g_assert_cmpint (cwb_check_result_get_remedy (result) != NULL, ==, cases[i].status == CWB_STATUS_FAIL);
      g_assert_cmpint (cwb_check_report_get_verdict (report), ==,
                       cases[i].status == CWB_STATUS_PASS ? CWB_VERDICT_PASS : CWB_VERDICT_FAIL);
    }
}

static void
test_other_rules (Fixture       *fixture,
                  gconstpointer  data)
{
  const char * const blank[] = { "  ", NULL };
  const char * const none[] = { NULL };

  /* C1: an empty and a blank list are named */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;
    CwbCheckResult *result;

    cwb_consortium_set_key_technologies (consortium, blank);
    cwb_consortium_set_transformation_results (consortium, none);
    report = check (fixture, consortium);
    result = expect (report, "C1", CWB_STATUS_FAIL);
    expect_contains (cwb_check_result_get_message (result), "key common technologies");
    expect_contains (cwb_check_result_get_message (result), "results to transform");
    g_assert_null (strstr (cwb_check_result_get_message (result), "scientific problems"));
  }

  /* C2 and L1: not an independent legal person */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;

    cwb_member_set_independent_legal_person (member_at (consortium, 4), FALSE);
    cwb_member_set_kind (member_at (consortium, 0), CWB_MEMBER_KIND_UNIVERSITY);
    report = check (fixture, consortium);
    expect_contains (cwb_check_result_get_message (expect (report, "C2", CWB_STATUS_FAIL)), "成员单位04");
    expect_contains (cwb_check_result_get_message (expect (report, "L1", CWB_STATUS_FAIL)), "not an enterprise");
    g_assert_null (strstr (cwb_check_result_get_message (cwb_check_report_lookup (report, "L1")), "legal person"));
  }

  /* L1: not registered in Hainan; L3: not high-tech is information only */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;

    set_in_hainan (member_at (consortium, 0), 0, FALSE, TRUE);
    cwb_member_set_high_tech (member_at (consortium, 0), FALSE);
    report = check (fixture, consortium);
    expect_contains (cwb_check_result_get_message (expect (report, "L1", CWB_STATUS_FAIL)), "not registered in Hainan");
    expect (report, "L3", CWB_STATUS_INFO);
    expect (report, "C4", CWB_STATUS_PASS);
  }

  /* U1: says it is registered in Hainan, with a code from elsewhere */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;
    g_autofree char *uscc = make_uscc (7, FALSE);

    cwb_member_set_uscc (member_at (consortium, 7), uscc);
    report = check (fixture, consortium);
    expect_contains (cwb_check_result_get_message (expect (report, "U1", CWB_STATUS_WARN)), "成员单位07");
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_WARN);
  }

  /* I1 and P1 */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("房地产", 10);
    g_autoptr(CwbCheckReport) report = NULL;

    while (cwb_consortium_get_standards (consortium)->len > 0)
      cwb_consortium_remove_standard (consortium, 0);
    report = check (fixture, consortium);
    expect_contains (cwb_check_result_get_message (expect (report, "I1", CWB_STATUS_WARN)), "房地产");
    expect_contains (cwb_check_result_get_message (expect (report, "P1", CWB_STATUS_WARN)), "standards");
  }
}

static void
test_declarations (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
  g_autoptr(CwbCheckReport) report = NULL;
  CwbCheckResult *result;

  /* M1 is about the other members: the lead's own basis does not count */
  cwb_member_set_cooperation_basis (member_at (consortium, 0), FALSE);
  report = check (fixture, consortium);
  expect (report, "M1", CWB_STATUS_DECLARED);
  g_clear_object (&report);

  cwb_member_set_cooperation_basis (member_at (consortium, 3), FALSE);
  cwb_member_set_cooperation_basis (member_at (consortium, 5), FALSE);
  cwb_member_set_capability (member_at (consortium, 0), FALSE);
  cwb_consortium_set_has_fund_management (consortium, TRUE);
  cwb_consortium_set_fund_internal_supervision (consortium, FALSE);

  report = check (fixture, consortium);
  result = expect (report, "M1", CWB_STATUS_MISSING_DECLARATION);
  expect_contains (cwb_check_result_get_message (result), "成员单位03");
  expect_contains (cwb_check_result_get_message (result), "成员单位05");
  g_assert_null (strstr (cwb_check_result_get_message (result), "成员单位04"));
  expect_contains (cwb_check_result_get_message (expect (report, "M2", CWB_STATUS_MISSING_DECLARATION)), "成员单位00");
  expect (report, "L7", CWB_STATUS_MISSING_DECLARATION);
  expect_contains (cwb_check_result_get_message (expect (report, "F1", CWB_STATUS_MISSING_DECLARATION)),
                   "internal supervision");
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_WARN);
  g_clear_object (&report);

  cwb_consortium_set_has_fund_management (consortium, FALSE);
  report = check (fixture, consortium);
  expect (report, "F1", CWB_STATUS_MISSING_DECLARATION);
}

static void
test_exceptions (Fixture       *fixture,
                 gconstpointer  data)
{
  /* C3 warns with 9 members; an exception accepts it */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 9);
    g_autoptr(CwbCheckReport) report = NULL;
    CwbCheckResult *result;

    cwb_consortium_add_exception (consortium, cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "产业急需"));
    report = check (fixture, consortium);
    result = expect (report, "C3", CWB_STATUS_EXCEPTED);
    expect_contains (cwb_check_result_get_message (result), "琼科〔2024〕12号");
    expect_contains (cwb_check_result_get_message (result), "2024");
    expect_contains (cwb_check_result_get_message (result), "9 member units");
    g_assert_null (cwb_check_result_get_remedy (result));
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
  }

  /* C4 fails; an exception for another rule does not help, one for C4 does */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;

    for (guint m = 4; m < 10; m++)
      set_in_hainan (member_at (consortium, m), m, FALSE, FALSE);
    cwb_consortium_add_exception (consortium, cwb_exception_new ("C5", "琼科〔2024〕13号", "2024-04-03", "—"));
    report = check (fixture, consortium);
    expect (report, "C4", CWB_STATUS_FAIL);
    expect (report, "C5", CWB_STATUS_PASS);
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_FAIL);
    g_clear_object (&report);

    cwb_consortium_add_exception (consortium, cwb_exception_new ("C4", "琼科〔2024〕14号", "2024-04-04", "省委重点扶持"));
    report = check (fixture, consortium);
    expect_contains (cwb_check_result_get_message (expect (report, "C4", CWB_STATUS_EXCEPTED)), "琼科〔2024〕14号");
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);
  }

  /* an unknown figure is not accepted by an exception */
  {
    g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
    g_autoptr(CwbCheckReport) report = NULL;

    cwb_member_set_revenue (member_at (consortium, 0), CWB_UNKNOWN);
    cwb_consortium_add_exception (consortium, cwb_exception_new ("L2", "琼科〔2024〕15号", "2024-04-05", "—"));
    report = check (fixture, consortium);
    expect (report, "L2", CWB_STATUS_UNKNOWN);
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_WARN);
  }
}

static void
test_one_consortium (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("cwb-composition-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "workbench.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = make_consortium ("深海科技", 10);
  g_autoptr(CwbConsortium) other = make_consortium ("现代种业", 10);
  CwbStore *store;
  CwbContext *context;

  store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  context = cwb_context_new (fixture->rules, store, NULL, fixture->engine);

  /* without a store, no C7 at all */
  {
    g_autoptr(CwbCheckReport) report = check (fixture, consortium);
    g_assert_null (cwb_check_report_lookup (report, "C7"));
  }

  /* a store with no other consortium of this lead */
  {
    g_autoptr(CwbCheckReport) report = cwb_context_check (context, consortium);
    expect (report, "C7", CWB_STATUS_PASS);
  }

  /* another consortium led by the same credit code */
  cwb_consortium_set_name (other, "海南省另一个创新联合体");
  cwb_store_import_consortium (store, other, FALSE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CwbCheckReport) report = cwb_context_check (context, consortium);
    CwbCheckResult *result = expect (report, "C7", CWB_STATUS_WARN);

    expect_contains (cwb_check_result_get_message (result), "海南省另一个创新联合体");
    g_assert_nonnull (cwb_check_result_get_remedy (result));
    g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_WARN);
  }

  /* the stored consortium itself is not counted against itself */
  {
    g_autoptr(CwbCheckReport) report = cwb_context_check (context, other);
    expect (report, "C7", CWB_STATUS_PASS);
  }

  /* nor is a copy of it read from a file (no id): `check --db` of the
   * exported file of a stored consortium */
  {
    g_autoptr(CwbConsortium) from_file = cwb_consortium_copy (other);
    g_autoptr(CwbCheckReport) report = NULL;

    cwb_consortium_set_id (from_file, 0);
    report = cwb_context_check (context, from_file);
    expect (report, "C7", CWB_STATUS_PASS);
  }

  g_assert_finalize_object (context);
  g_assert_finalize_object (store);
  cwb_test_remove_tree (dir);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  g_autoptr(CwbCheckReport) report = check (fixture, consortium);
  g_autoptr(JsonNode) root = cwb_check_report_to_json (report, "new-energy-vehicle-fails.consortium.json");
  g_autoptr(JsonNode) no_file = cwb_check_report_to_json (report, NULL);
  JsonObject *object;
  JsonArray *results;
  g_autoptr(GList) keys = NULL;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  keys = json_object_get_members (object);
  g_assert_cmpuint (g_list_length (keys), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, "new-energy-vehicle-fails.consortium.json");
  g_assert_cmpstr (json_object_get_string_member (object, "consortium"), ==, "海南省新能源汽车创新联合体（示例）");
  g_assert_cmpstr (json_object_get_string_member (object, "ruleset"), ==, "hainan-2022");
  g_assert_cmpstr (json_object_get_string_member (object, "verdict"), ==, "fail");
  g_assert_true (json_object_get_null_member (json_node_get_object (no_file), "file"));

  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), ==, g_list_model_get_n_items (G_LIST_MODEL (report)));

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      g_autoptr(CwbCheckResult) item = g_list_model_get_item (G_LIST_MODEL (report), i);
      const char *rule = json_object_get_string_member (result, "rule");

      /* in the rule set's order, every one with its rule and clause ids */
      g_assert_cmpstr (rule, ==, cwb_check_result_get_rule (item));
      g_assert_cmpstr (json_object_get_string_member (result, "clause"), ==,
                       cwb_rule_set_get_clause (fixture->rules, rule));
      g_assert_cmpstr (json_object_get_string_member (result, "strength"), ==,
                       cwb_strength_to_nick (cwb_rule_set_get_strength (fixture->rules, rule)));
      g_assert_cmpstr (json_object_get_string_member (result, "status"), ==,
                       cwb_status_to_nick (cwb_check_result_get_status (item)));
      g_assert_cmpstr (json_object_get_string_member (result, "message"), ==,
                       cwb_check_result_get_message (item));
      g_assert_cmpint (json_object_has_member (result, "value"), ==, cwb_check_result_get_has_value (item));
      g_assert_cmpint (json_object_has_member (result, "threshold"), ==, cwb_check_result_get_has_threshold (item));
      g_assert_cmpint (json_object_has_member (result, "remedy"), ==, cwb_check_result_get_remedy (item) != NULL);
      if (i > 0)
        g_assert_cmpint (cwb_rule_set_get_rule_index (fixture->rules, rule), >,
                         cwb_rule_set_get_rule_index (fixture->rules,
                                                      json_object_get_string_member (json_array_get_object_element (results, i - 1), "rule")));
    }

  /* C4: ratios are fractions; L2: money an integer of 元, no value when unknown */
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *rule = json_object_get_string_member (result, "rule");

      if (g_str_equal (rule, "C4"))
        {
          g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "fail");
          g_assert_cmpfloat_with_epsilon (json_object_get_double_member (result, "value"), 0.4, 1e-12);
          g_assert_cmpfloat (json_object_get_double_member (result, "threshold"), ==, 0.5);
          g_assert_cmpstr (json_object_get_string_member (result, "remedy"), ==,
                           "2 more units registered or stationed in Hainan are needed.");
        }
      else if (g_str_equal (rule, "L2"))
        {
          g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "unknown");
          g_assert_false (json_object_has_member (result, "value"));
          g_assert_cmpint (json_node_get_value_type (json_object_get_member (result, "threshold")), ==, G_TYPE_INT64);
          g_assert_cmpint (json_object_get_int_member (result, "threshold"), ==, 500000000);
        }
      else if (g_str_equal (rule, "C1"))
        {
          g_assert_false (json_object_has_member (result, "value"));
          g_assert_false (json_object_has_member (result, "remedy"));
        }
    }
}

/* cwb_check_report_to_json_string() writes the very object of
 * cwb_check_report_to_json(): parsed back, the text equals the node
 * (numbers compared by value), with the members in the same order. */

static void
assert_same_member_order (JsonNode *a,
                          JsonNode *b)
{
  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      g_autoptr(GList) keys_a = json_object_get_members (json_node_get_object (a));
      g_autoptr(GList) keys_b = json_object_get_members (json_node_get_object (b));
      const GList *l, *m;

      g_assert_cmpuint (g_list_length (keys_a), ==, g_list_length (keys_b));
      for (l = keys_a, m = keys_b; l != NULL; l = l->next, m = m->next)
        {
          g_assert_cmpstr (l->data, ==, m->data);
          assert_same_member_order (json_object_get_member (json_node_get_object (a), l->data),
                                    json_object_get_member (json_node_get_object (b), m->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *array_a = json_node_get_array (a);
      JsonArray *array_b = json_node_get_array (b);

      g_assert_cmpuint (json_array_get_length (array_a), ==, json_array_get_length (array_b));
      for (guint i = 0; i < json_array_get_length (array_a); i++)
        assert_same_member_order (json_array_get_element (array_a, i),
                                  json_array_get_element (array_b, i));
    }
}

/* Returns the text, for more checks. */
static char *
assert_json_string_is_node (CwbCheckReport *report,
                            const char     *file)
{
  g_autoptr(JsonNode) node = cwb_check_report_to_json (report, file);
  g_autofree char *text = cwb_check_report_to_json_string (report, file);
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (text);
  g_assert_null (strchr (text, '\n'));
  parsed = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);

  if (!json_node_equal (parsed, node))
    {
      g_autofree char *expected = json_to_string (node, FALSE);

      g_error ("the text and the node differ:\n%s\n%s", text, expected);
    }
  assert_same_member_order (parsed, node);

  return g_steal_pointer (&text);
}

static void
test_json_string_examples (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) names = cwb_test_list_examples ();
  guint n_checked = 0;

  for (guint k = 0; names[k] != NULL; k++)
    {
      const char *name = names[k];
      g_autoptr(GFile) file = cwb_test_example_file (name);
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(CwbCheckReport) report = NULL;
      g_autofree char *with_file = NULL;
      g_autofree char *without_file = NULL;

      if ((consortium = cwb_consortium_file_load (file, NULL, NULL)) == NULL)
        continue;   /* a bad file has no report */

      report = check (fixture, consortium);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), >, 0);
      with_file = assert_json_string_is_node (report, name);
      without_file = assert_json_string_is_node (report, NULL);
      g_assert_true (g_str_has_prefix (without_file, "{\"file\":null,\"consortium\":\""));
      n_checked++;
    }

  /* deep-sea, seed-industry-small and new-energy-vehicle-fails at least */
  g_assert_cmpuint (n_checked, >=, 3);
}

static void
add_result (CwbCheckReport *report,
            const char     *rule,
            const char     *clause,
            CwbStatus       status,
            gboolean        has_value,
            double          value,
            gboolean        has_threshold,
            double          threshold,
            const char     *message,
            const char     *remedy)
{
  g_autoptr(CwbCheckResult) result = cwb_check_result_new (rule, clause, CWB_STRENGTH_HARD, status);

  if (has_value)
    cwb_check_result_set_value (result, value);
  if (has_threshold)
    cwb_check_result_set_threshold (result, threshold);
  cwb_check_result_set_message (result, message);
  cwb_check_result_set_remedy (result, remedy);
  cwb_check_report_add (report, result);
}

static void
test_json_string_boundaries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_default (&error);
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(CwbCheckReport) empty = NULL;
  g_autoptr(CwbCheckReport) anonymous = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty_text = NULL;
  g_autofree char *anonymous_text = NULL;

  g_assert_no_error (error);

  /* no consortium, no file, no result */
  empty = cwb_check_report_new (rules, NULL);
  empty_text = assert_json_string_is_node (empty, NULL);
  g_assert_cmpstr (empty_text, ==,
                   "{\"file\":null,\"consortium\":null,\"ruleset\":\"hainan-2022\","
                   "\"verdict\":\"pass\",\"results\":[]}");

  /* a consortium without a name */
  anonymous = cwb_check_report_new (rules, consortium);
  anonymous_text = assert_json_string_is_node (anonymous, "a.json");
  g_assert_true (g_str_has_prefix (anonymous_text, "{\"file\":\"a.json\",\"consortium\":null,"));

  /* text that must be escaped, UTF-8 kept as is, and numbers of every kind */
  cwb_consortium_set_name (consortium, "海南省\"引号\"\\反斜杠\n换行\t制表\r\b\f\x01\x1f\x7f创新联合体");
  report = cwb_check_report_new (rules, consortium);
  add_result (report, "C3", "四(二)", CWB_STATUS_PASS, TRUE, 27, TRUE, 10, "27 家成员单位", NULL);
  add_result (report, "C4", "四(二)", CWB_STATUS_FAIL, TRUE, 2.0 / 5.0, TRUE, 0.5, "40%", "还需 2 家在琼注册或驻琼单位");
  add_result (report, "C5", "四(二)", CWB_STATUS_WARN, TRUE, 1.0 / 3.0, TRUE, 0.1 + 0.2, "", "");
  add_result (report, "C6", "四(二)", CWB_STATUS_PASS, TRUE, -0.0, TRUE, -12.5, "负数", NULL);
  add_result (report, "L2", "四(三)", CWB_STATUS_UNKNOWN, FALSE, 0, TRUE, 500000000, NULL, NULL);
  add_result (report, "L4", "四(三)", CWB_STATUS_PASS, TRUE, 9007199254740991.0, TRUE, 9007199254740992.0,
              "2^53 − 1 and 2^53", NULL);
  add_result (report, "L5", "四(三)", CWB_STATUS_PASS, TRUE, 1e300, TRUE, -1e17, "huge", NULL);
  add_result (report, "L6", "四(三)", CWB_STATUS_PASS, TRUE, 5e-324, TRUE, 123456789.125, "tiny", NULL);
  add_result (report, "O1", "四(四)", CWB_STATUS_INFO, TRUE, -9223372036854775808.0, FALSE, 0,
              "\"quoted\" \\ back\\slash / solidus \u2028", NULL);
  add_result (report, "Z9", NULL, CWB_STATUS_DECLARED, FALSE, 0, FALSE, 0, "no clause", "\t");

  text = assert_json_string_is_node (report, "目录/报告 \"1\".json");
  g_clear_pointer (&text, g_free);
  text = assert_json_string_is_node (report, NULL);
  g_clear_pointer (&text, g_free);
  text = assert_json_string_is_node (report, "x");

  /* compact, the fewest digits that read back equal, escapes as JSON has them */
  g_assert_null (strstr (text, ": "));
  g_assert_null (strstr (text, ", "));
  g_assert_nonnull (strstr (text, "\"value\":27,\"threshold\":10,"));
  g_assert_nonnull (strstr (text, "\"value\":0.4,\"threshold\":0.5,"));
  g_assert_nonnull (strstr (text, "\"value\":0.3333333333333333,\"threshold\":0.30000000000000004,"));
  g_assert_nonnull (strstr (text, "\"value\":0,\"threshold\":-12.5,"));
  g_assert_nonnull (strstr (text, "\"threshold\":500000000,"));
  g_assert_nonnull (strstr (text, "\"value\":9007199254740991,\"threshold\":9007199254740992,"));
  g_assert_nonnull (strstr (text, "\"value\":1e+300,\"threshold\":-1e+17,"));
  g_assert_nonnull (strstr (text, "\"value\":4.94065645841247e-324,\"threshold\":123456789.125,"));
  g_assert_nonnull (strstr (text, "\"consortium\":\"海南省\\\"引号\\\"\\\\反斜杠\\n换行\\t制表"
                                  "\\r\\b\\f\\u0001\\u001f\x7f创新联合体\""));
  g_assert_nonnull (strstr (text, "\"rule\":\"Z9\",\"clause\":null,"));
  g_assert_nonnull (strstr (text, "\"message\":\"no clause\",\"remedy\":\"\\t\"}]}"));
  g_assert_nonnull (strstr (text, "\"status\":\"unknown\",\"threshold\":500000000,\"message\":\"\"}"));
}

/* The report on its own */

static void
test_report_order_and_verdict (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_default (&error);
  g_autoptr(CwbCheckReport) report = cwb_check_report_new (rules, NULL);
  const char * const added[] = { "L2", "C1", "Z1", "C4", "C3", "L2" };
  const char * const sorted[] = { "C1", "C3", "C4", "L2", "L2", "Z1" };
  struct { CwbStatus statuses[3]; CwbVerdict verdict; } verdicts[] = {
    { { CWB_STATUS_PASS, CWB_STATUS_RELAXED, CWB_STATUS_EXCEPTED }, CWB_VERDICT_PASS },
    { { CWB_STATUS_DECLARED, CWB_STATUS_INFO, CWB_STATUS_PASS }, CWB_VERDICT_PASS },
    { { CWB_STATUS_PASS, CWB_STATUS_WARN, CWB_STATUS_PASS }, CWB_VERDICT_WARN },
    { { CWB_STATUS_PASS, CWB_STATUS_UNKNOWN, CWB_STATUS_INFO }, CWB_VERDICT_WARN },
    { { CWB_STATUS_MISSING_DECLARATION, CWB_STATUS_PASS, CWB_STATUS_PASS }, CWB_VERDICT_WARN },
    { { CWB_STATUS_WARN, CWB_STATUS_FAIL, CWB_STATUS_UNKNOWN }, CWB_VERDICT_FAIL },
  };

  g_assert_no_error (error);
  g_assert_cmpint (cwb_check_report_get_verdict (report), ==, CWB_VERDICT_PASS);

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autoptr(CwbCheckResult) result = cwb_check_result_new_for_rule (rules, added[i], CWB_STATUS_PASS);
      cwb_check_report_add (report, result);
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, G_N_ELEMENTS (sorted));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (report)) == CWB_TYPE_CHECK_RESULT);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (G_LIST_MODEL (report), i);
      g_assert_cmpstr (cwb_check_result_get_rule (result), ==, sorted[i]);
    }
  g_assert_cmpstr (cwb_check_result_get_clause (cwb_check_report_lookup (report, "C4")), ==, "四(二)");
  g_assert_null (cwb_check_result_get_clause (cwb_check_report_lookup (report, "Z1")));
  g_assert_null (cwb_check_report_lookup (report, "C2"));

  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    {
      g_autoptr(CwbCheckReport) r = cwb_check_report_new (rules, NULL);

      for (guint j = 0; j < 3; j++)
        {
          g_autoptr(CwbCheckResult) result = cwb_check_result_new ("C1", "四(一)", CWB_STRENGTH_HARD,
                                                                   verdicts[i].statuses[j]);
          cwb_check_report_add (r, result);
        }
      g_assert_cmpint (cwb_check_report_get_verdict (r), ==, verdicts[i].verdict);
    }

  /* the nicks of the --json output */
  g_assert_cmpstr (cwb_status_to_nick (CWB_STATUS_MISSING_DECLARATION), ==, "missing_declaration");
  g_assert_cmpstr (cwb_status_to_nick (CWB_STATUS_EXCEPTED), ==, "excepted");
  g_assert_cmpstr (cwb_strength_to_nick (CWB_STRENGTH_PREFERENCE), ==, "preference");
  g_assert_cmpstr (cwb_verdict_to_nick (CWB_VERDICT_WARN), ==, "warn");
  g_assert_true (cwb_status_is_passing (CWB_STATUS_RELAXED));
  g_assert_false (cwb_status_is_passing (CWB_STATUS_UNKNOWN));
}

static void
test_result_properties (void)
{
  g_autoptr(CwbCheckResult) result = cwb_check_result_new ("C4", "四(二)", CWB_STRENGTH_HARD, CWB_STATUS_FAIL);
  g_autofree char *rule = NULL;
  gboolean has_value = TRUE;

  g_assert_false (cwb_check_result_get_has_value (result));
  g_assert_false (cwb_check_result_get_has_threshold (result));
  g_assert_null (cwb_check_result_get_remedy (result));

  cwb_check_result_set_value (result, 0.0);
  cwb_check_result_set_threshold (result, 0.5);
  g_assert_true (cwb_check_result_get_has_value (result));
  g_assert_true (cwb_check_result_get_has_threshold (result));
  g_assert_cmpfloat (cwb_check_result_get_value (result), ==, 0.0);

  g_object_get (result, "rule", &rule, "has-value", &has_value, NULL);
  g_assert_cmpstr (rule, ==, "C4");
  g_assert_true (has_value);

  cwb_check_result_set_remedy (result, "还需 2 家在琼注册或驻琼单位");
  g_assert_cmpstr (cwb_check_result_get_remedy (result), ==, "还需 2 家在琼注册或驻琼单位");
  cwb_check_result_set_remedy (result, NULL);
  g_assert_null (cwb_check_result_get_remedy (result));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/composition/examples/verdicts", test_examples);
  ADD ("/composition/examples/details", test_examples_details);
  ADD ("/composition/good", test_good);
  ADD ("/composition/C3/member-count", test_member_count);
  ADD ("/composition/C4/in-hainan", test_in_hainan);
  ADD ("/composition/C5/enterprises", test_enterprises);
  ADD ("/composition/C6/above-size-or-high-tech", test_strong_enterprises);
  ADD ("/composition/C7/one-consortium", test_one_consortium);
  ADD ("/composition/L2/revenue", test_revenue);
  ADD ("/composition/L4/rd-staff", test_rd_staff);
  ADD ("/composition/L5/platform", test_platform);
  ADD ("/composition/L6/rd-expense", test_rd_expense);
  ADD ("/composition/O1/organization", test_organization);
  ADD ("/composition/other-rules", test_other_rules);
  ADD ("/composition/declarations", test_declarations);
  ADD ("/composition/exceptions", test_exceptions);
  ADD ("/composition/json", test_json);
  ADD ("/composition/json-string", test_json_string_examples);

#undef ADD

  g_test_add_func ("/report/order-and-verdict", test_report_order_and_verdict);
  g_test_add_func ("/report/result-properties", test_result_properties);
  g_test_add_func ("/report/json-string", test_json_string_boundaries);

  return g_test_run ();
}
