/* test-rule-set.c — the policy's rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cwb.h>

#include "cwb-test-utils.h"

#define DEFAULT_RESOURCE "/io/github/cwb/libcwb/rules/hainan-2022.json"

/* Every rule of policy/RULES.md, in the order reports list them. */
static const char * const expected_rules[] = {
  "C1", "C2", "C3", "C4", "C5", "C6", "C7",
  "L1", "L2", "L3", "L4", "L5", "L6", "L7",
  "R1", "I1", "U1", "M1", "M2", "O1", "F1", "X1",
  "A1", "A2", "E1", "E2", "E3", "P1", "S1",
};

static const char * const expected_industries[] = {
  "石化新材料", "数字经济", "生物医药", "核电产业", "海上风电", "现代种业", "深海科技", "航天产业",
  "新能源汽车", "高端食品和农产品加工", "现代渔业", "油气勘探生产服务", "医疗康养", "新型建筑",
  "节能环保", "智能制造",
};

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

static CwbRuleSet *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  CwbRuleSet *rules = cwb_rule_set_new_default (&error);

  g_assert_no_error (error);
  g_assert_true (CWB_IS_RULE_SET (rules));
  return rules;
}

static void
test_default_loads (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  const char * const *industries = cwb_rule_set_get_industries (rules);

  g_assert_cmpstr (cwb_rule_set_get_id (rules), ==, "hainan-2022");
  g_assert_nonnull (cwb_rule_set_get_title (rules));

  g_assert_cmpuint (g_strv_length ((GStrv) industries), ==, 16);
  for (guint i = 0; i < G_N_ELEMENTS (expected_industries); i++)
    {
      g_assert_cmpstr (industries[i], ==, expected_industries[i]);
      g_assert_true (cwb_rule_set_has_industry (rules, expected_industries[i]));
    }
  g_assert_false (cwb_rule_set_has_industry (rules, "房地产"));
  g_assert_false (cwb_rule_set_has_industry (rules, NULL));
}

static void
test_default_shared (void)
{
  CwbRuleSet *first = load_default ();
  CwbRuleSet *second = load_default ();
  CwbRuleSet *third;

  /* parsed once while someone holds it */
  g_assert_true (first == second);
  g_object_unref (second);
  g_assert_finalize_object (first);

  /* and parsed again once everyone let go */
  third = load_default ();
  g_assert_cmpstr (cwb_rule_set_get_id (third), ==, "hainan-2022");
  g_assert_finalize_object (third);
}

static void
test_default_rules (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  const char * const *ids = cwb_rule_set_get_rule_ids (rules);
  g_autoptr(GEnumClass) strengths = g_type_class_ref (CWB_TYPE_STRENGTH);

  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, G_N_ELEMENTS (expected_rules));

  for (guint i = 0; i < G_N_ELEMENTS (expected_rules); i++)
    {
      const char *id = expected_rules[i];
      CwbStrength strength = cwb_rule_set_get_strength (rules, id);

      g_test_message ("rule %s", id);
      g_assert_cmpstr (ids[i], ==, id);
      g_assert_true (cwb_rule_set_has_rule (rules, id));
      g_assert_cmpint (cwb_rule_set_get_rule_index (rules, id), ==, (int) i);
      g_assert_nonnull (cwb_rule_set_get_clause (rules, id));
      g_assert_cmpuint (strlen (cwb_rule_set_get_clause (rules, id)), >, 0);
      g_assert_nonnull (cwb_rule_set_get_clause_text (rules, id));
      /* the policy's own words are Chinese */
      g_assert_true (has_han (cwb_rule_set_get_clause_text (rules, id)));
      g_assert_nonnull (cwb_rule_set_get_rule_title (rules, id));
      g_assert_nonnull (g_enum_get_value (strengths, strength));
    }

  /* a few clause ids and strengths from policy/RULES.md */
  g_assert_cmpstr (cwb_rule_set_get_clause (rules, "C1"), ==, "四(一)");
  g_assert_cmpstr (cwb_rule_set_get_clause (rules, "C4"), ==, "四(二)");
  g_assert_cmpstr (cwb_rule_set_get_clause (rules, "L6"), ==, "四(三)3");
  g_assert_cmpstr (cwb_rule_set_get_clause (rules, "O1"), ==, "四(五)");
  g_assert_cmpstr (cwb_rule_set_get_clause (rules, "I1"), ==, "二");
  g_assert_cmpint (cwb_rule_set_get_strength (rules, "C3"), ==, CWB_STRENGTH_SOFT);
  g_assert_cmpint (cwb_rule_set_get_strength (rules, "C4"), ==, CWB_STRENGTH_HARD);
  g_assert_cmpint (cwb_rule_set_get_strength (rules, "L3"), ==, CWB_STRENGTH_PREFERENCE);
  g_assert_cmpint (cwb_rule_set_get_strength (rules, "M1"), ==, CWB_STRENGTH_DECLARATION);
  g_assert_cmpint (cwb_rule_set_get_strength (rules, "S1"), ==, CWB_STRENGTH_HARD);
  g_assert_nonnull (strstr (cwb_rule_set_get_clause_text (rules, "C4"), "驻琼单位比例不低于50%"));
  g_assert_nonnull (strstr (cwb_rule_set_get_clause_text (rules, "R1"), "现代种业、数字经济"));

  /* the readings the software chose */
  g_assert_nonnull (cwb_rule_set_get_reading (rules, "C4"));
  g_assert_nonnull (cwb_rule_set_get_reading (rules, "C6"));
  g_assert_nonnull (cwb_rule_set_get_reading (rules, "L5"));
  g_assert_nonnull (cwb_rule_set_get_reading (rules, "L6"));
  g_assert_nonnull (cwb_rule_set_get_reading (rules, "R1"));
  g_assert_null (cwb_rule_set_get_reading (rules, "C1"));

  /* unknown rules */
  g_assert_false (cwb_rule_set_has_rule (rules, "Z9"));
  g_assert_cmpint (cwb_rule_set_get_rule_index (rules, "Z9"), ==, G_MAXINT);
  g_assert_null (cwb_rule_set_get_clause (rules, "Z9"));
  g_assert_null (cwb_rule_set_get_rule_title (rules, "Z9"));
}

static void
test_default_params (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  const char * const *strv;
  const char *s = NULL;
  gboolean b = TRUE;
  double v = 0;

  struct { const char *rule, *param; double value; } numbers[] = {
    { "C3", "min_members", 10 },
    { "C4", "min_ratio", 0.5 },
    { "C5", "min_ratio", 0.5 },
    { "C6", "min_ratio", 0.2 },
    { "L2", "min_revenue", 500000000 },
    { "L4", "min_rd_staff", 20 },
    { "L6", "min_rd_total", 20000000 },
    { "L6", "min_rd_ratio", 0.04 },
    { "L6", "years", 3 },
    { "O1", "min_fulltime_staff", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_test_message ("%s.%s", numbers[i].rule, numbers[i].param);
      g_assert_true (cwb_rule_set_lookup_number (rules, numbers[i].rule, numbers[i].param, &v));
      g_assert_cmpfloat (v, ==, numbers[i].value);
    }

  g_assert_true (cwb_rule_set_lookup_string (rules, "C6", "denominator", &s));
  g_assert_cmpstr (s, ==, "members");
  g_assert_true (cwb_rule_set_lookup_boolean (rules, "L6", "prorate_amount", &b));
  g_assert_false (b);

  strv = cwb_rule_set_lookup_strv (rules, "L5", "levels");
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length ((GStrv) strv), ==, 3);
  g_assert_true (g_strv_contains (strv, "national"));
  g_assert_true (g_strv_contains (strv, "ministerial"));
  g_assert_true (g_strv_contains (strv, "provincial"));
  g_assert_false (g_strv_contains (strv, "municipal"));

  /* L5's list ends with 等: every kind counts */
  strv = cwb_rule_set_lookup_strv (rules, "L5", "kinds");
  g_assert_cmpuint (g_strv_length ((GStrv) strv), ==, 6);
  g_assert_true (g_strv_contains (strv, "other"));

  strv = cwb_rule_set_lookup_strv (rules, "R1", "industries");
  g_assert_cmpuint (g_strv_length ((GStrv) strv), ==, 2);
  g_assert_cmpstr (strv[0], ==, "现代种业");
  g_assert_cmpstr (strv[1], ==, "数字经济");

  /* wrong types and missing params */
  g_assert_false (cwb_rule_set_lookup_number (rules, "C6", "denominator", &v));
  g_assert_false (cwb_rule_set_lookup_string (rules, "C4", "min_ratio", &s));
  g_assert_false (cwb_rule_set_lookup_boolean (rules, "C4", "min_ratio", &b));
  g_assert_false (cwb_rule_set_lookup_number (rules, "C4", "no_such_param", &v));
  g_assert_false (cwb_rule_set_lookup_number (rules, "Z9", "min_ratio", &v));
  g_assert_null (cwb_rule_set_lookup_strv (rules, "C4", "min_ratio"));
  g_assert_null (cwb_rule_set_lookup_strv (rules, "L5", "no_such_param"));
}

static void
test_relaxed (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  double v = 0;

  struct { const char *rule, *param, *industry; gboolean found; double value; } cases[] = {
    { "L2", "min_revenue", "现代种业", TRUE, 250000000 },
    { "L2", "min_revenue", "数字经济", TRUE, 250000000 },
    { "L4", "min_rd_staff", "现代种业", TRUE, 10 },
    { "L6", "min_rd_total", "现代种业", TRUE, 10000000 },
    { "L6", "min_rd_ratio", "数字经济", TRUE, 0.02 },
    /* not a field that may lower the conditions */
    { "L2", "min_revenue", "新能源汽车", FALSE, 0 },
    { "L2", "min_revenue", "深海科技", FALSE, 0 },
    /* a rule R1 does not lower, and a param it gives no figure for */
    { "C4", "min_ratio", "现代种业", FALSE, 0 },
    { "L6", "years", "现代种业", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      v = -1;
      g_test_message ("%s.%s for %s", cases[i].rule, cases[i].param, cases[i].industry);
      g_assert_cmpint (cwb_rule_set_lookup_relaxed_number (rules, cases[i].rule, cases[i].param,
                                                           cases[i].industry, &v), ==, cases[i].found);
      if (cases[i].found)
        g_assert_cmpfloat (v, ==, cases[i].value);
      else
        g_assert_cmpfloat (v, ==, -1);
    }

  g_assert_false (cwb_rule_set_lookup_relaxed_number (rules, "L2", "min_revenue", NULL, &v));
}

static void
test_titles_language (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  const char *english;
  const char *chinese;

  g_setenv ("LANGUAGE", "en_US", TRUE);
  english = cwb_rule_set_get_rule_title (rules, "C4");
  g_assert_cmpstr (english, ==, "Units registered in Hainan or stationed in Hainan are at least 50% of the members");
  g_assert_cmpstr (cwb_rule_set_get_title (rules), ==, "Hainan innovation consortium rules (2022)");

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  chinese = cwb_rule_set_get_rule_title (rules, "C4");
  g_assert_cmpstr (chinese, ==, "在琼注册或驻琼单位比例不低于50%");
  g_assert_cmpstr (cwb_rule_set_get_title (rules), ==, "海南省创新联合体建设实施方案（2022）");
  g_assert_nonnull (strstr (cwb_rule_set_get_reading (rules, "C4"), "只计一次"));

  /* a language the rule set does not have falls back to English */
  g_setenv ("LANGUAGE", "fr_FR", TRUE);
  g_assert_cmpstr (cwb_rule_set_get_rule_title (rules, "C4"), ==, english);

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* The figures other code takes from the rule set: the term, the fiscal
 * years, the lifecycle's stages and A1's items with their headings */
static void
test_default_figures (void)
{
  g_autoptr(CwbRuleSet) rules = load_default ();
  const char * const *items;
  const CwbStage *next;
  guint n = 0;

  g_assert_cmpuint (cwb_rule_set_get_term_years (rules), ==, 3);
  g_assert_cmpuint (cwb_rule_set_get_fiscal_years (rules), ==, 3);

  for (int s = CWB_STAGE_DRAFT; s <= CWB_STAGE_DISSOLVED; s++)
    g_assert_true (cwb_rule_set_has_stage (rules, s));
  g_assert_false (cwb_rule_set_has_stage (rules, CWB_STAGE_DISSOLVED + 1));

  next = cwb_rule_set_get_next_stages (rules, CWB_STAGE_DRAFT, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (next[0], ==, CWB_STAGE_SUBMITTED);
  g_assert_cmpint (next[1], ==, CWB_STAGE_APPROVED);
  next = cwb_rule_set_get_next_stages (rules, CWB_STAGE_CONTINUED, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (next[4], ==, CWB_STAGE_DISSOLVED);
  g_assert_null (cwb_rule_set_get_next_stages (rules, CWB_STAGE_CANCELLED, &n));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (cwb_rule_set_stage_needs_document (rules, CWB_STAGE_APPROVED));
  g_assert_true (cwb_rule_set_stage_needs_document (rules, CWB_STAGE_CANCELLED));
  g_assert_false (cwb_rule_set_stage_needs_document (rules, CWB_STAGE_SUBMITTED));
  g_assert_false (cwb_rule_set_stage_needs_document (rules, CWB_STAGE_DISSOLVED));

  items = cwb_rule_set_lookup_strv (rules, "A1", "clauses");
  g_assert_cmpuint (g_strv_length ((GStrv) items), ==, 9);
  for (guint i = 0; items[i] != NULL; i++)
    g_assert_nonnull (cwb_rule_set_lookup_text (rules, "A1", "headings", items[i]));
  g_assert_cmpstr (cwb_rule_set_lookup_text (rules, "A1", "headings", "goals"), ==,
                   "Technological innovation goals");
  g_assert_null (cwb_rule_set_lookup_text (rules, "A1", "headings", "no_such_item"));
  g_assert_null (cwb_rule_set_lookup_text (rules, "A1", "clauses", "goals"));
  g_assert_null (cwb_rule_set_lookup_text (rules, "Z9", "headings", "goals"));
}

/* Malformed rule sets: the default one, changed in one place. */

typedef void (*Mutation) (JsonObject *root);

static JsonObject *
rule_at (JsonObject *root,
         const char *id)
{
  JsonArray *rules = json_object_get_array_member (root, "rules");

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);

      if (g_strcmp0 (json_object_get_string_member (rule, "id"), id) == 0)
        return rule;
    }

  g_assert_not_reached ();
}

static void
mutate_format (JsonObject *root)
{
  json_object_set_string_member (root, "format", "cwb-rule-set/99");
}

static void
mutate_no_industries (JsonObject *root)
{
  json_object_remove_member (root, "industries");
}

static void
mutate_industry_number (JsonObject *root)
{
  json_array_add_int_element (json_object_get_array_member (root, "industries"), 7);
}

static void
mutate_strength (JsonObject *root)
{
  json_object_set_string_member (rule_at (root, "C3"), "strength", "strong");
}

static void
mutate_no_english_title (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (rule_at (root, "C1"), "title"), "en");
}

static void
mutate_param_null (JsonObject *root)
{
  json_object_set_null_member (json_object_get_object_member (rule_at (root, "C4"), "params"), "min_ratio");
}

static void
mutate_duplicate_id (JsonObject *root)
{
  json_object_set_string_member (rule_at (root, "C2"), "id", "C1");
}

static void
mutate_empty_clause_text (JsonObject *root)
{
  json_object_set_string_member (rule_at (root, "C1"), "clause_text", "  ");
}

static void
mutate_no_clause (JsonObject *root)
{
  json_object_remove_member (rule_at (root, "L6"), "clause");
}

static void
mutate_lowered_unknown_rule (JsonObject *root)
{
  JsonObject *params = json_object_get_object_member (rule_at (root, "R1"), "params");
  JsonObject *figures = json_object_new ();

  json_object_set_int_member (figures, "min_ratio", 1);
  json_object_set_object_member (json_object_get_object_member (params, "lowered"), "Z9", figures);
}

static void
mutate_lowered_not_number (JsonObject *root)
{
  JsonObject *params = json_object_get_object_member (rule_at (root, "R1"), "params");
  JsonObject *l2 = json_object_get_object_member (json_object_get_object_member (params, "lowered"), "L2");

  json_object_set_string_member (l2, "min_revenue", "2.5 亿");
}

static void
mutate_relaxed_industry (JsonObject *root)
{
  JsonObject *params = json_object_get_object_member (rule_at (root, "R1"), "params");
  JsonArray *industries = json_array_new ();

  json_array_add_string_element (industries, "房地产");
  json_object_set_array_member (params, "industries", industries);
}

static void
mutate_source_date (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "source"), "date", "2022-13-26");
}

static void
mutate_rules_object (JsonObject *root)
{
  json_object_set_object_member (root, "rules", json_object_new ());
}

static JsonArray *
stages_of (JsonObject *root)
{
  return json_object_get_array_member (json_object_get_object_member (root, "lifecycle"), "stages");
}

static void
mutate_no_lifecycle (JsonObject *root)
{
  json_object_remove_member (root, "lifecycle");
}

static void
mutate_term_years (JsonObject *root)
{
  json_object_set_int_member (json_object_get_object_member (root, "lifecycle"), "term_years", 0);
}

static void
mutate_unknown_stage (JsonObject *root)
{
  json_object_set_string_member (json_array_get_object_element (stages_of (root), 1), "stage", "archived");
}

static void
mutate_stage_twice (JsonObject *root)
{
  json_object_set_string_member (json_array_get_object_element (stages_of (root), 2), "stage", "submitted");
}

static void
mutate_next_unlisted (JsonObject *root)
{
  json_array_remove_element (stages_of (root), 5);  /* approving */
}

static void
mutate_next_draft (JsonObject *root)
{
  JsonArray *next = json_object_get_array_member (json_array_get_object_element (stages_of (root), 7), "next");

  json_array_add_string_element (next, "draft");
}

static void
mutate_no_draft (JsonObject *root)
{
  json_array_remove_element (stages_of (root), 0);
}

static void
mutate_fiscal_years (JsonObject *root)
{
  json_object_set_double_member (json_object_get_object_member (rule_at (root, "L6"), "params"), "years", 2.5);
}

static char *
mutated_default (Mutation mutation)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  mutation (json_node_get_object (root));
  return json_to_string (root, FALSE);
}

static void
test_invalid (void)
{
  struct { const char *name; Mutation mutation; const char *path; } cases[] = {
    { "format", mutate_format, "format: " },
    { "no industries", mutate_no_industries, "industries: " },
    { "industry number", mutate_industry_number, "industries[16]: " },
    { "strength", mutate_strength, "rules[2].strength: " },
    { "no English title", mutate_no_english_title, "rules[0].title.en: " },
    { "param null", mutate_param_null, "rules[3].params.min_ratio: " },
    { "duplicate id", mutate_duplicate_id, "rules[1].id: " },
    { "blank clause text", mutate_empty_clause_text, "rules[0].clause_text: " },
    { "no clause", mutate_no_clause, "rules[12].clause: " },
    { "lowered unknown rule", mutate_lowered_unknown_rule, "rules[14].params.lowered.Z9: " },
    { "lowered not a number", mutate_lowered_not_number, "rules[14].params.lowered.L2.min_revenue: " },
    { "relaxed industry", mutate_relaxed_industry, "rules[14].params.industries[0]: " },
    { "source date", mutate_source_date, "source.date: " },
    { "rules object", mutate_rules_object, "rules: " },
    { "no lifecycle", mutate_no_lifecycle, "lifecycle: " },
    { "term years", mutate_term_years, "lifecycle.term_years: " },
    { "unknown stage", mutate_unknown_stage, "lifecycle.stages[1].stage: " },
    { "stage twice", mutate_stage_twice, "lifecycle.stages[2].stage: " },
    { "next not listed", mutate_next_unlisted, "lifecycle.stages[3].next[0]: " },
    { "next draft", mutate_next_draft, "lifecycle.stages[7].next[1]: " },
    { "no draft", mutate_no_draft, "lifecycle.stages: " },
    { "fiscal years", mutate_fiscal_years, "rules[12].params.years: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = mutated_default (cases[i].mutation);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwbRuleSet) rules = NULL;

      g_test_message ("%s", cases[i].name);
      rules = cwb_rule_set_new_from_data (data, -1, &error);
      g_assert_null (rules);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      g_test_message ("→ %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].path));
    }
}

static void
test_invalid_json (void)
{
  const char * const bad[] = { "", "{", "[1, 2]", "\"rules\"", "{\"format\": \"cwb-rule-set/1\"}" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_from_data (bad[i], -1, &error);

      g_assert_null (rules);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
    }
}

/* The shipped rule set with the first @from replaced by @to */
static char *
edited_default (const char *from,
                const char *to)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, NULL);
  g_autofree char *text = NULL;
  const char *at;

  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  at = strstr (text, from);
  g_assert_nonnull (at);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* json-glib decodes an escaped lone surrogate into bytes that are not
 * UTF-8, and 1e400 into infinity: the rule set must refuse both (found by
 * tests/fuzz/fuzz-rule-set, in rule titles, clause texts and industries). */
static void
test_invalid_values (void)
{
  struct { const char *from; const char *to; const char *path; } cases[] = {
    { "\"id\": \"C1\"", "\"id\": \"C1\\ud800x\"", "rules[0].id: an escaped UTF-16 surrogate" },
    { "\"min_ratio\": 0.5", "\"min_ratio\": 1e400", ".params.min_ratio: the number is out of range" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = edited_default (cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_from_data (data, -1, &error);

      g_assert_null (rules);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].path));
    }
}

/* A rule set nested deeper than json-glib parses safely is refused before
 * it parses, with the place named */
static void
test_deep_nesting (void)
{
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *in_rules = g_strconcat ("{\"format\": \"cwb-rule-set/1\", \"rules\": ", brackets, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbRuleSet) rules = NULL;

  rules = cwb_rule_set_new_from_data (brackets, -1, &error);
  g_assert_null (rules);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "nested more than 64 levels deep"));
  g_clear_error (&error);

  rules = cwb_rule_set_new_from_data (in_rules, -1, &error);
  g_assert_null (rules);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The rule set is not valid JSON: rules[0][0]"));
}

static void
test_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cwb-rule-set-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *bad = mutated_default (mutate_strength);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing_file = g_file_new_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  CwbRuleSet *rules;

  g_assert_true (g_file_set_contents (good_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_set_contents (bad_path, bad, -1, NULL));

  rules = cwb_rule_set_new_from_file (good_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_rule_set_get_id (rules), ==, "hainan-2022");
  g_assert_finalize_object (rules);

  rules = cwb_rule_set_new_from_file (bad_file, &error);
  g_assert_null (rules);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "rules[2].strength: "));
  g_assert_nonnull (strstr (error->message, "strong"));
  g_clear_error (&error);

  rules = cwb_rule_set_new_from_file (missing_file, &error);
  g_assert_null (rules);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  cwb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rule-set/default/loads", test_default_loads);
  g_test_add_func ("/rule-set/default/shared", test_default_shared);
  g_test_add_func ("/rule-set/default/rules", test_default_rules);
  g_test_add_func ("/rule-set/default/params", test_default_params);
  g_test_add_func ("/rule-set/default/figures", test_default_figures);
  g_test_add_func ("/rule-set/relaxed", test_relaxed);
  g_test_add_func ("/rule-set/titles/language", test_titles_language);
  g_test_add_func ("/rule-set/invalid/key-path", test_invalid);
  g_test_add_func ("/rule-set/invalid/json", test_invalid_json);
  g_test_add_func ("/rule-set/invalid/deep-nesting", test_deep_nesting);
  g_test_add_func ("/rule-set/invalid/values", test_invalid_values);
  g_test_add_func ("/rule-set/file", test_file);

  return g_test_run ();
}
