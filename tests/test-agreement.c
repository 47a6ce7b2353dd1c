/* test-agreement.c — the agreement plugin's model, clause library, scans and A1/A2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include <cwb.h>

#include "agreement-shipped-items.h"
#include "cwb-agreement.h"
#include "cwb-agreement-library.h"
#include "cwb-test-utils.h"

#define DEEP_SEA "deep-sea.consortium.json"
#define TODAY "2026-03-01"

typedef struct
{
  CwbEngine     *engine;
  CwbRuleSet    *rules;
  CwbContext    *context;
  CwbConsortium *consortium;  /* deep-sea, effective */
  char          *dir;
  CwbStore      *store;       /* with deep-sea imported */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autofree char *path = NULL;
  g_autoptr(CwbConsortium) stored = NULL;
  PeasPluginInfo *info;

  /* the real engine with CWB_PLUGIN_PATH at the build's plugins/ */
  fixture->engine = cwb_engine_new ();
  cwb_engine_load_plugins (fixture->engine, NULL);
  info = peas_engine_get_plugin_info (cwb_engine_get_peas (fixture->engine), "agreement");
  g_assert_nonnull (info);
  g_assert_true (peas_plugin_info_is_loaded (info));

  fixture->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("cwb-agreement-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workbench.db", NULL);
  fixture->store = cwb_store_open (path, &error);
  g_assert_no_error (error);

  fixture->context = cwb_context_new (fixture->rules, NULL, NULL, fixture->engine);
  cwb_context_set_now (fixture->context, now);

  fixture->consortium = cwb_test_load_example (DEEP_SEA);
  stored = cwb_consortium_copy (fixture->consortium);
  cwb_store_import_consortium (fixture->store, stored, FALSE, &error);
  g_assert_no_error (error);
  cwb_consortium_set_id (fixture->consortium, cwb_consortium_get_id (stored));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->consortium);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  cwb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_assert_finalize_object (g_steal_pointer (&fixture->context));
  g_clear_object (&fixture->rules);
  g_assert_finalize_object (g_steal_pointer (&fixture->engine));
}

/* Helpers */

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static CwbAgreement *
agreement_of (CwbConsortium *consortium)
{
  g_autoptr(GError) error = NULL;
  CwbAgreement *agreement = cwb_agreement_new_for_consortium (consortium, &error);

  g_assert_no_error (error);
  g_assert_nonnull (agreement);

  return agreement;
}

static CwbCheckResult *
check_rule (Fixture    *fixture,
            const char *rule)
{
  g_autoptr(CwbCheckReport) report = cwb_context_check (fixture->context, fixture->consortium);
  CwbCheckResult *result = cwb_check_report_lookup (report, rule);

  g_assert_nonnull (result);

  return g_object_ref (result);
}

static CwbMember *
member_at (CwbConsortium *consortium,
           guint          index)
{
  return g_ptr_array_index (cwb_consortium_get_members (consortium), index);
}

static void
assert_strv (char       **actual,
             const char  *expected,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  va_list args;

  va_start (args, expected);
  for (const char *s = expected; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);

  strv = g_strv_builder_end (builder);
  g_assert_cmpstrv (actual, strv);
}

static char *
make_uscc (guint index)
{
  char code[CWB_USCC_LENGTH + 1];

  g_snprintf (code, sizeof code, "91460100%09u", 500 + index);
  code[17] = cwb_uscc_compute_check_char (code);
  code[18] = '\0';

  return g_strdup (code);
}

/* Items */

static void
test_items (void)
{
  static const char * const keys[] = {
    "goals", "task_division", "rights_obligations", "ip_ownership", "cost_sharing",
    "income_distribution", "breach_liability", "dispute_resolution", "dissolution",
  };
  g_autoptr(GHashTable) headings = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      CwbAgreementItem item;

      g_assert_cmpstr (cwb_agreement_item_to_key (i), ==, keys[i]);
      g_assert_true (cwb_agreement_item_from_key (keys[i], &item));
      g_assert_cmpint (item, ==, i);
      g_assert_false (cwb_text_is_blank (cwb_agreement_item_get_heading (i)));
      g_hash_table_add (headings, (gpointer) cwb_agreement_item_get_heading (i));
      g_assert_cmpint (cwb_agreement_item_get_letter (i)[0], ==, 'a' + i);
    }
  g_assert_cmpuint (g_hash_table_size (headings), ==, SHIPPED_N_ITEMS);
  g_assert_false (cwb_agreement_item_from_key ("preamble", NULL));

  /* the items are the shipped rule set's, headings from its A1 */
  g_assert_cmpuint (cwb_agreement_get_n_items (), ==, SHIPPED_N_ITEMS);
  g_assert_cmpstr (cwb_agreement_item_get_heading (SHIPPED_ITEM_GOALS), ==, "Technological innovation goals");

  /* the rule set's A1 lists the same nine, in the same order */
  {
    g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_default (NULL);

    g_assert_cmpstrv (cwb_rule_set_lookup_strv (rules, "A1", "clauses"), keys);
  }
}

/* The section round trip */

static void
assert_round_trip (JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new_from_section (node, &error);
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(CwbAgreement) copy = NULL;

  g_assert_no_error (error);
  back = cwb_agreement_to_section (agreement);
  if (!json_node_equal (node, back))
    {
      g_autofree char *a = json_to_string (node, TRUE);
      g_autofree char *b = json_to_string (back, TRUE);

      g_assert_cmpstr (a, ==, b);
    }

  copy = cwb_agreement_copy (agreement);
  g_assert_true (cwb_agreement_equal (agreement, copy));
}

static void
test_round_trip_examples (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (cwb_test_examples_dir (), 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;

      if (!g_str_has_suffix (name, ".consortium.json"))
        continue;

      /* read as JSON: the broken example does not load as a consortium */
      path = g_build_filename (cwb_test_examples_dir (), name, NULL);
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_true (json_object_has_member (root, "agreement"));
      assert_round_trip (json_object_get_member (root, "agreement"));
      n++;
    }

  g_assert_cmpuint (n, >=, 4);
}

static const char rich_section[] =
  "{"
  "  \"clauses\": {\"goals\": \"${consortium_name}的目标\", \"task_division\": \"分工\","
  "               \"rights_obligations\": \"\", \"ip_ownership\": \"  \","
  "               \"cost_sharing\": \"成本\", \"income_distribution\": \"收益\","
  "               \"breach_liability\": \"违约\", \"dispute_resolution\": \"争议\","
  "               \"preamble\": \"a key of a later version\"},"
  "  \"signatures\": ["
  "    {\"uscc\": \"91460100000000118U\", \"legal_rep\": \"张三\", \"legal_rep_signed\": true,"
  "     \"sealed\": true, \"date\": \"2026-02-01\", \"sealed_date\": \"2026-02-03\","
  "     \"scan\": {\"name\": \"p1.pdf\", \"media_type\": \"application/pdf\", \"size\": 1234,"
  "              \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
  "              \"pages\": 2},"
  "     \"witness\": \"李四\"},"
  "    {\"uscc\": \"91460100000000119Y\", \"legal_rep_signed\": false, \"sealed\": false}"
  "  ],"
  "  \"frozen\": true,"
  "  \"versions\": ["
  "    {\"number\": 1, \"date\": \"2026-01-10\", \"clauses\": {\"goals\": \"旧目标\"}},"
  "    {\"number\": 3, \"date\": \"2026-01-20\", \"clauses\": {\"goals\": \"${consortium_name}的目标\", \"x\": 1},"
  "     \"note\": \"kept\"}"
  "  ],"
  "  \"reviewed_by\": {\"office\": \"海口市科技局\"}"
  "}";

static void
test_round_trip_rich (void)
{
  g_autoptr(JsonNode) node = parse (rich_section);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  const CwbAgreementSignature *signature;
  GPtrArray *versions;

  assert_round_trip (node);

  agreement = cwb_agreement_new_from_section (node, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (cwb_agreement_get_text (agreement, SHIPPED_ITEM_TASK_DIVISION), ==, "分工");
  g_assert_cmpstr (cwb_agreement_get_text (agreement, SHIPPED_ITEM_RIGHTS_OBLIGATIONS), ==, "");
  g_assert_null (cwb_agreement_get_text (agreement, SHIPPED_ITEM_DISSOLUTION));
  g_assert_true (cwb_agreement_get_frozen (agreement));

  signature = cwb_agreement_lookup_signature (agreement, "91460100000000118U");
  g_assert_nonnull (signature);
  g_assert_cmpstr (signature->legal_rep, ==, "张三");
  g_assert_true (signature->legal_rep_signed);
  g_assert_cmpstr (signature->date, ==, "2026-02-01");
  g_assert_cmpstr (cwb_agreement_signature_get_seal_date (signature), ==, "2026-02-03");
  g_assert_cmpstr (signature->scan->media_type, ==, "application/pdf");
  g_assert_cmpint (signature->scan->size, ==, 1234);

  signature = cwb_agreement_lookup_signature (agreement, "91460100000000119Y");
  g_assert_false (signature->legal_rep_signed);
  g_assert_null (cwb_agreement_signature_get_seal_date (signature));

  versions = cwb_agreement_get_versions (agreement);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (cwb_agreement_find_version (agreement, 1)->texts[SHIPPED_ITEM_GOALS], ==, "旧目标");
  g_assert_null (cwb_agreement_find_version (agreement, 2));
  g_assert_cmpstr (cwb_agreement_find_version (agreement, 3)->date, ==, "2026-01-20");

  /* an empty section and no section */
  {
    g_autoptr(JsonNode) empty = parse ("{}");
    g_autoptr(CwbAgreement) none = cwb_agreement_new_from_section (NULL, &error);
    g_autoptr(JsonNode) none_node = NULL;

    g_assert_no_error (error);
    assert_round_trip (empty);
    none_node = cwb_agreement_to_section (none);
    g_assert_true (json_node_equal (none_node, empty));
    g_assert_false (cwb_agreement_get_frozen (none));
  }

  /* through a consortium and its file */
  {
    g_autoptr(CwbConsortium) consortium = cwb_test_load_example (DEEP_SEA);
    g_autoptr(CwbConsortium) back = NULL;
    g_autofree char *data = NULL;
    g_autoptr(CwbAgreement) again = NULL;

    cwb_agreement_apply_to_consortium (agreement, consortium);
    data = cwb_consortium_to_data (consortium, NULL);
    back = cwb_consortium_file_load_data (data, -1, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (cwb_consortium_get_section (back, "agreement"), node));
    again = agreement_of (back);
    g_assert_true (cwb_agreement_equal (again, agreement));
  }
}

static void
test_bad_sections (void)
{
  static const struct
  {
    const char *json;
    const char *path;
  } cases[] = {
    { "[]", "agreement: " },
    { "{\"clauses\": []}", "agreement.clauses: " },
    { "{\"clauses\": {\"goals\": 3}}", "agreement.clauses.goals: " },
    { "{\"signatures\": {}}", "agreement.signatures: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true},"
      " {\"uscc\": \"91460100000000119Y\", \"legal_rep_signed\": true, \"sealed\": true},"
      " {\"uscc\": \"9146010000000011A2\", \"legal_rep_signed\": true, \"sealed\": true, \"date\": \"2026-02-30\"}]}",
      "agreement.signatures[2].date: " },
    { "{\"signatures\": [{\"legal_rep_signed\": true, \"sealed\": true}]}", "agreement.signatures[0].uscc: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118X\", \"legal_rep_signed\": true, \"sealed\": true}]}",
      "agreement.signatures[0].uscc: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"sealed\": true}]}",
      "agreement.signatures[0].legal_rep_signed: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": \"yes\"}]}",
      "agreement.signatures[0].sealed: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true},"
      " {\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true}]}",
      "agreement.signatures[1].uscc: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true,"
      " \"sealed_date\": \"1 March\"}]}", "agreement.signatures[0].sealed_date: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true,"
      " \"scan\": {\"name\": \"a.pdf\", \"media_type\": \"application/pdf\", \"size\": 10, \"sha256\": \"abc\"}}]}",
      "agreement.signatures[0].scan.sha256: " },
    { "{\"signatures\": [{\"uscc\": \"91460100000000118U\", \"legal_rep_signed\": true, \"sealed\": true,"
      " \"scan\": {\"name\": \"a.doc\", \"media_type\": \"application/msword\", \"size\": 10,"
      " \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"}}]}",
      "agreement.signatures[0].scan.media_type: " },
    { "{\"frozen\": \"yes\"}", "agreement.frozen: " },
    { "{\"versions\": [{\"number\": 2, \"date\": \"2026-01-01\", \"clauses\": {}},"
      " {\"number\": 2, \"date\": \"2026-01-02\", \"clauses\": {}}]}", "agreement.versions[1].number: " },
    { "{\"versions\": [{\"number\": 1, \"clauses\": {}}]}", "agreement.versions[0].date: " },
    { "{\"versions\": [{\"number\": 1, \"date\": \"2026-01-01\", \"clauses\": {\"dissolution\": null}}]}",
      "agreement.versions[0].clauses.dissolution: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwbAgreement) agreement = cwb_agreement_new_from_section (node, &error);

      g_assert_null (agreement);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].path))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].path);
    }
}

/* A1 */

static void
set_item (CwbConsortium    *consortium,
          CwbAgreementItem  item,
          const char       *text)
{
  g_autoptr(CwbAgreement) agreement = agreement_of (consortium);

  /* the example is effective: editing makes a new draft */
  g_strfreev (cwb_agreement_reopen (agreement, TODAY));
  g_assert_true (cwb_agreement_set_text (agreement, item, text, NULL));
  cwb_agreement_apply_to_consortium (agreement, consortium);
}

static void
assert_a1_fails_naming (Fixture          *fixture,
                        CwbAgreementItem  item,
                        const char       *also)
{
  g_autoptr(CwbCheckResult) result = check_rule (fixture, "A1");
  const char *heading = cwb_agreement_item_get_heading (item);

  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_FAIL);
  g_assert_cmpint (cwb_check_result_get_strength (result), ==, CWB_STRENGTH_HARD);
  g_assert_cmpstr (cwb_check_result_get_clause (result), ==, "五(一)2");
  g_assert_nonnull (strstr (cwb_check_result_get_message (result), heading));
  g_assert_nonnull (strstr (cwb_check_result_get_remedy (result), heading));
  if (also != NULL)
    g_assert_nonnull (strstr (cwb_check_result_get_message (result), also));
  g_assert_cmpfloat (cwb_check_result_get_value (result), ==, 8);
  g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 9);

  /* only that item is named */
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    if (i != item)
      g_assert_null (strstr (cwb_check_result_get_message (result), cwb_agreement_item_get_heading (i)));
}

static void
test_a1_examples_pass (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const names[] = {
    "deep-sea.consortium.json",
    "seed-industry-small.consortium.json",
    "new-energy-vehicle-fails.consortium.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CwbConsortium) consortium = cwb_test_load_example (names[i]);
      g_autoptr(CwbCheckReport) report = cwb_context_check (fixture->context, consortium);
      CwbCheckResult *a1 = cwb_check_report_lookup (report, "A1");
      CwbCheckResult *a2 = cwb_check_report_lookup (report, "A2");

      g_assert_nonnull (a1);
      g_assert_nonnull (a2);
      g_assert_cmpint (cwb_check_result_get_status (a1), ==, CWB_STATUS_PASS);
      g_assert_cmpint (cwb_check_result_get_status (a2), ==, CWB_STATUS_PASS);
      g_assert_cmpfloat (cwb_check_result_get_value (a2), ==,
                         cwb_consortium_get_members (consortium)->len);
    }
}

static void
test_a1_empty_item (Fixture       *fixture,
                    gconstpointer  data)
{
  set_item (fixture->consortium, SHIPPED_ITEM_COST_SHARING, "");
  assert_a1_fails_naming (fixture, SHIPPED_ITEM_COST_SHARING, NULL);

  /* absent is the same */
  set_item (fixture->consortium, SHIPPED_ITEM_COST_SHARING, NULL);
  assert_a1_fails_naming (fixture, SHIPPED_ITEM_COST_SHARING, NULL);

  /* one character is enough to pass */
  set_item (fixture->consortium, SHIPPED_ITEM_COST_SHARING, "各自承担。");
  {
    g_autoptr(CwbCheckResult) result = check_rule (fixture, "A1");

    g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_PASS);
  }
}

static void
test_a1_whitespace_item (Fixture       *fixture,
                         gconstpointer  data)
{
  /* spaces, a tab, a newline and the ideographic space U+3000 */
  set_item (fixture->consortium, SHIPPED_ITEM_DISSOLUTION, " \t\n\u3000 ");
  assert_a1_fails_naming (fixture, SHIPPED_ITEM_DISSOLUTION, NULL);
}

static void
test_a1_unfilled_variable (Fixture       *fixture,
                           gconstpointer  data)
{
  set_item (fixture->consortium, SHIPPED_ITEM_GOALS, "首席专家${chief_expert}领衔攻关。");

  /* filled from the chief_expert section: passes */
  {
    g_autoptr(CwbCheckResult) result = check_rule (fixture, "A1");

    g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_PASS);
  }

  /* without a chief expert the variable has no value */
  cwb_consortium_set_section (fixture->consortium, "chief_expert", NULL);
  assert_a1_fails_naming (fixture, SHIPPED_ITEM_GOALS, "${chief_expert}");

  /* an unknown variable never has one */
  cwb_consortium_set_section (fixture->consortium, "chief_expert", NULL);
  set_item (fixture->consortium, SHIPPED_ITEM_GOALS, "目标见${plan_title}。");
  assert_a1_fails_naming (fixture, SHIPPED_ITEM_GOALS, "${plan_title}");
}

static void
test_no_agreement (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CwbCheckResult) a1 = NULL;
  g_autoptr(CwbCheckResult) a2 = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;

  cwb_consortium_set_section (fixture->consortium, "agreement", NULL);
  a1 = check_rule (fixture, "A1");
  a2 = check_rule (fixture, "A2");

  g_assert_cmpint (cwb_check_result_get_status (a1), ==, CWB_STATUS_FAIL);
  g_assert_cmpfloat (cwb_check_result_get_value (a1), ==, 0);
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    g_assert_nonnull (strstr (cwb_check_result_get_message (a1), cwb_agreement_item_get_heading (i)));
  g_assert_cmpint (cwb_check_result_get_status (a2), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (cwb_check_result_get_remedy (a2));

  agreement = agreement_of (fixture->consortium);
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_DRAFT);
}

static void
test_bad_agreement_section (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) node = parse ("{\"signatures\": [{\"uscc\": \"x\"}]}");
  g_autoptr(CwbCheckResult) a1 = NULL;
  g_autoptr(CwbCheckResult) a2 = NULL;

  cwb_consortium_set_section (fixture->consortium, "agreement", node);
  a1 = check_rule (fixture, "A1");
  a2 = check_rule (fixture, "A2");
  g_assert_cmpint (cwb_check_result_get_status (a1), ==, CWB_STATUS_FAIL);
  g_assert_cmpint (cwb_check_result_get_status (a2), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (strstr (cwb_check_result_get_message (a1), "agreement.signatures[0].uscc"));
}

/* The provider reads a section once, and again when it is replaced */
static void
test_provider_rereads_section (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) bad = parse ("{\"signatures\": [{\"uscc\": \"x\"}]}");
  g_autoptr(CwbCheckResult) first = NULL;
  g_autoptr(CwbCheckResult) again = NULL;
  g_autoptr(CwbCheckResult) after = NULL;

  first = check_rule (fixture, "A1");
  again = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (again), ==, cwb_check_result_get_status (first));
  g_assert_cmpstr (cwb_check_result_get_message (again), ==, cwb_check_result_get_message (first));

  cwb_consortium_set_section (fixture->consortium, "agreement", bad);
  after = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (after), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (strstr (cwb_check_result_get_message (after), "agreement.signatures[0].uscc"));
}

/* The agreement is read again when a member changes in place, even with
 * the section the same: the reading takes a signature whose credit code is
 * the member's at its place as checked by the loader, so a signature that
 * was a member's may need checking once the member's code is another. */
static void
test_provider_rereads_after_member_change (Fixture       *fixture,
                                           gconstpointer  data)
{
  CwbMember *first_member = member_at (fixture->consortium, 0);
  g_autofree char *code = g_strdup (cwb_member_get_uscc (first_member));
  g_autofree char *other = make_uscc (90);
  JsonNode *section = cwb_consortium_get_section (fixture->consortium, "agreement");
  g_autofree char *text = json_to_string (section, FALSE);
  g_autoptr(GString) edited = g_string_new (text);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CwbCheckResult) before = NULL;
  g_autoptr(CwbCheckResult) again = NULL;
  g_autoptr(CwbCheckResult) after = NULL;
  g_autoptr(CwbCheckResult) restored = NULL;
  guint64 serial;

  /* the first member and its signature with a code that is not valid */
  g_assert_cmpuint (g_string_replace (edited, code, "NOT-A-CODE", 0), >, 0);
  node = parse (edited->str);
  cwb_consortium_set_section (fixture->consortium, "agreement", node);
  cwb_member_set_uscc (first_member, "NOT-A-CODE");

  /* read as the member's: checked twice, so that the provider keeps it */
  before = check_rule (fixture, "A1");
  again = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (before), ==, CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_status (again), ==, CWB_STATUS_PASS);

  /* the member's code changes in place: the signature is no member's now */
  serial = cwb_consortium_get_members_serial (fixture->consortium);
  cwb_member_set_uscc (first_member, other);
  g_assert_cmpuint (cwb_consortium_get_members_serial (fixture->consortium), !=, serial);
  after = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (after), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (strstr (cwb_check_result_get_message (after), "agreement.signatures[0].uscc"));

  /* and back */
  cwb_member_set_uscc (first_member, "NOT-A-CODE");
  restored = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (restored), ==, CWB_STATUS_PASS);
}

/* The members' serial changes with every change of the members */
static void
test_members_serial (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(CwbMember) member = cwb_member_new ();
  g_autoptr(CwbMember) second = cwb_member_new ();
  guint64 serial = cwb_consortium_get_members_serial (consortium);

  cwb_consortium_add_member (consortium, member);
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), !=, serial);
  serial = cwb_consortium_get_members_serial (consortium);

  cwb_member_set_name (member, "海南深海科技有限公司");
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), !=, serial);
  serial = cwb_consortium_get_members_serial (consortium);

  /* nothing else changes it */
  cwb_consortium_set_name (consortium, "海南省深海科技创新联合体");
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), ==, serial);

  /* a member added before the serial was first asked for is watched too */
  {
    g_autoptr(CwbConsortium) fresh = cwb_consortium_new ();
    guint64 fresh_serial;

    cwb_consortium_add_member (fresh, second);
    fresh_serial = cwb_consortium_get_members_serial (fresh);
    cwb_member_set_lead (second, TRUE);
    g_assert_cmpuint (cwb_consortium_get_members_serial (fresh), !=, fresh_serial);
  }

  cwb_consortium_add_member (consortium, second);
  serial = cwb_consortium_get_members_serial (consortium);
  cwb_consortium_remove_member (consortium, 0);
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), !=, serial);
  serial = cwb_consortium_get_members_serial (consortium);

  /* a member removed is not watched any more; the one left still is */
  cwb_member_set_name (member, "海南另一家有限公司");
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), ==, serial);
  cwb_member_set_name (second, "海南第二家有限公司");
  g_assert_cmpuint (cwb_consortium_get_members_serial (consortium), !=, serial);
}

/* A2 */

static void
update_agreement (CwbConsortium *consortium,
                  void         (*change) (CwbAgreement *, CwbConsortium *))
{
  g_autoptr(CwbAgreement) agreement = agreement_of (consortium);

  change (agreement, consortium);
  cwb_agreement_apply_to_consortium (agreement, consortium);
}

static void
unsign_fourth (CwbAgreement  *agreement,
               CwbConsortium *consortium)
{
  g_assert_true (cwb_agreement_set_signed (agreement, cwb_member_get_uscc (member_at (consortium, 3)),
                                           FALSE, NULL, NULL));
}

static void
unseal_sixth (CwbAgreement  *agreement,
              CwbConsortium *consortium)
{
  g_assert_true (cwb_agreement_set_sealed (agreement, cwb_member_get_uscc (member_at (consortium, 5)),
                                           FALSE, NULL, NULL));
}

static void
test_a2_unsigned (Fixture       *fixture,
                  gconstpointer  data)
{
  CwbMember *fourth = member_at (fixture->consortium, 3);
  CwbMember *fifth = member_at (fixture->consortium, 4);
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  g_auto(GStrv) unsigned_ = NULL;
  g_auto(GStrv) unsealed = NULL;

  update_agreement (fixture->consortium, unsign_fourth);
  result = check_rule (fixture, "A2");

  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_FAIL);
  g_assert_cmpint (cwb_check_result_get_strength (result), ==, CWB_STRENGTH_HARD);
  g_assert_nonnull (strstr (cwb_check_result_get_message (result), cwb_member_get_name (fourth)));
  g_assert_null (strstr (cwb_check_result_get_message (result), cwb_member_get_name (fifth)));
  g_assert_nonnull (strstr (cwb_check_result_get_remedy (result), cwb_member_get_name (fourth)));
  g_assert_cmpfloat (cwb_check_result_get_value (result), ==, 10);
  g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 11);

  agreement = agreement_of (fixture->consortium);
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_PENDING);
  g_assert_null (cwb_agreement_dup_effective_date (agreement, fixture->consortium));
  unsigned_ = cwb_agreement_list_unsigned (agreement, fixture->consortium);
  assert_strv (unsigned_, cwb_member_get_uscc (fourth), NULL);
  unsealed = cwb_agreement_list_unsealed (agreement, fixture->consortium);
  assert_strv (unsealed, NULL);

  /* A1 is not affected */
  {
    g_autoptr(CwbCheckResult) a1 = check_rule (fixture, "A1");

    g_assert_cmpint (cwb_check_result_get_status (a1), ==, CWB_STATUS_PASS);
  }
}

static void
test_a2_unsealed (Fixture       *fixture,
                  gconstpointer  data)
{
  CwbMember *sixth = member_at (fixture->consortium, 5);
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  g_auto(GStrv) unsealed = NULL;
  g_auto(GStrv) unsigned_ = NULL;

  update_agreement (fixture->consortium, unseal_sixth);
  result = check_rule (fixture, "A2");

  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (strstr (cwb_check_result_get_message (result), cwb_member_get_name (sixth)));
  g_assert_nonnull (strstr (cwb_check_result_get_remedy (result), cwb_member_get_name (sixth)));

  agreement = agreement_of (fixture->consortium);
  unsealed = cwb_agreement_list_unsealed (agreement, fixture->consortium);
  assert_strv (unsealed, cwb_member_get_uscc (sixth), NULL);
  unsigned_ = cwb_agreement_list_unsigned (agreement, fixture->consortium);
  assert_strv (unsigned_, NULL);
}

static void
test_a2_member_added_after_freezing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(CwbMember) added = cwb_member_new ();
  g_autofree char *uscc = make_uscc (1);
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) unsigned_ = NULL;
  g_auto(GStrv) extra = NULL;

  cwb_member_set_uscc (added, uscc);
  cwb_member_set_name (added, "海南新加入科技有限公司");
  cwb_consortium_add_member (fixture->consortium, added);

  result = check_rule (fixture, "A2");
  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_FAIL);
  g_assert_nonnull (strstr (cwb_check_result_get_message (result), "海南新加入科技有限公司"));
  g_assert_cmpfloat (cwb_check_result_get_value (result), ==, 11);
  g_assert_cmpfloat (cwb_check_result_get_threshold (result), ==, 12);

  agreement = agreement_of (fixture->consortium);
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_PENDING);
  missing = cwb_agreement_list_missing_signatories (agreement, fixture->consortium);
  assert_strv (missing, uscc, NULL);
  unsigned_ = cwb_agreement_list_unsigned (agreement, fixture->consortium);
  assert_strv (unsigned_, uscc, NULL);
  extra = cwb_agreement_list_extra_signatories (agreement, fixture->consortium);
  assert_strv (extra, NULL);

  /* the new member signs and seals: in effect again, from the later date */
  g_assert_true (cwb_agreement_set_signed (agreement, uscc, TRUE, "2026-03-05", NULL));
  g_assert_true (cwb_agreement_set_sealed (agreement, uscc, TRUE, "2026-03-06", NULL));
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_EFFECTIVE);
  {
    g_autofree char *date = cwb_agreement_dup_effective_date (agreement, fixture->consortium);

    g_assert_cmpstr (date, ==, "2026-03-06");
  }
}

static void
test_a2_extra_signatory (Fixture       *fixture,
                         gconstpointer  data)
{
  const GPtrArray *members = cwb_consortium_get_members (fixture->consortium);
  g_autoptr(CwbMember) removed = g_object_ref (g_ptr_array_index (members, members->len - 1));
  g_autoptr(CwbCheckResult) result = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  g_auto(GStrv) extra = NULL;
  g_auto(GStrv) missing = NULL;

  cwb_consortium_remove_member (fixture->consortium, members->len - 1);

  agreement = agreement_of (fixture->consortium);
  extra = cwb_agreement_list_extra_signatories (agreement, fixture->consortium);
  assert_strv (extra, cwb_member_get_uscc (removed), NULL);
  missing = cwb_agreement_list_missing_signatories (agreement, fixture->consortium);
  assert_strv (missing, NULL);

  /* every current member signed and sealed: in effect; the extra one is named */
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_EFFECTIVE);
  result = check_rule (fixture, "A2");
  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_PASS);
  g_assert_nonnull (strstr (cwb_check_result_get_message (result), cwb_member_get_uscc (removed)));
}

/* State and versions */

static void
fill_all (CwbAgreement *agreement,
          const char   *prefix)
{
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s%s", prefix, cwb_agreement_item_get_heading (i));
      g_autoptr(GError) error = NULL;

      g_assert_true (cwb_agreement_set_text (agreement, i, text, &error));
      g_assert_no_error (error);
    }
}

static void
on_changed (CwbAgreement *agreement,
            guint        *count)
{
  (*count)++;
}

/* The first text, frozen on 2026-02-01 with 张三 as the first member's
 * legal representative */
static void
freeze_first_text (CwbAgreement  *agreement,
                   const char    *first)
{
  g_autoptr(GError) error = NULL;

  fill_all (agreement, "第一稿：");
  g_assert_true (cwb_agreement_set_legal_rep (agreement, first, " 张三 ", &error));
  g_assert_true (cwb_agreement_freeze (agreement, "2026-02-01", &error));
  g_assert_no_error (error);
}

/* Every member signs on 2026-02-10 and seals on that day, but the last
 * one, who seals on 2026-02-20 if @seal_last */
static void
sign_all (CwbAgreement  *agreement,
          CwbConsortium *consortium,
          gboolean       seal_last)
{
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < members->len; i++)
    {
      const char *uscc = cwb_member_get_uscc (g_ptr_array_index (members, i));

      g_assert_true (cwb_agreement_set_signed (agreement, uscc, TRUE, "2026-02-10", &error));
      if (i + 1 < members->len || seal_last)
        g_assert_true (cwb_agreement_set_sealed (agreement, uscc, TRUE,
                                                 i + 1 < members->len ? "2026-02-10" : "2026-02-20", &error));
      g_assert_no_error (error);
    }
}

/* 草稿: filled in, not signed, not frozen with a blank item */
static void
test_state_draft (Fixture       *fixture,
                  gconstpointer  data)
{
  CwbConsortium *consortium = fixture->consortium;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  const char *first = cwb_member_get_uscc (member_at (consortium, 0));

  g_signal_connect (agreement, "changed", G_CALLBACK (on_changed), &changed);

  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_DRAFT);
  fill_all (agreement, "第一稿：");
  g_assert_cmpuint (changed, ==, 9);
  g_assert_true (cwb_agreement_set_legal_rep (agreement, first, " 张三 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_agreement_lookup_signature (agreement, first)->legal_rep, ==, "张三");
  /* a record made in a draft does not freeze it */
  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_DRAFT);

  /* no signing a draft */
  g_assert_false (cwb_agreement_set_signed (agreement, first, TRUE, "2026-02-02", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_agreement_lookup_signature (agreement, first)->legal_rep_signed);

  /* no freezing with a blank item; the message names it */
  g_assert_true (cwb_agreement_set_text (agreement, SHIPPED_ITEM_DISPUTE_RESOLUTION, " ", NULL));
  g_assert_false (cwb_agreement_freeze (agreement, "2026-02-01", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, cwb_agreement_item_get_heading (SHIPPED_ITEM_DISPUTE_RESOLUTION)));
  g_clear_error (&error);
  g_assert_false (cwb_agreement_get_frozen (agreement));
}

/* 待签署: freezing keeps the text as version 1 and stops edits in place */
static void
test_state_freeze (Fixture       *fixture,
                   gconstpointer  data)
{
  CwbConsortium *consortium = fixture->consortium;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(GError) error = NULL;

  fill_all (agreement, "第一稿：");
  g_assert_false (cwb_agreement_freeze (agreement, "2026-02-30", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cwb_agreement_freeze (agreement, "2026-02-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_PENDING);
  g_assert_cmpuint (cwb_agreement_get_versions (agreement)->len, ==, 1);
  g_assert_cmpint (cwb_agreement_find_version (agreement, 1)->number, ==, 1);
  g_assert_cmpstr (cwb_agreement_find_version (agreement, 1)->date, ==, "2026-02-01");
  g_assert_false (cwb_agreement_freeze (agreement, "2026-02-01", &error));
  g_clear_error (&error);

  /* the frozen text cannot be edited in place */
  g_assert_false (cwb_agreement_set_text (agreement, SHIPPED_ITEM_GOALS, "改", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (cwb_agreement_get_text (agreement, SHIPPED_ITEM_GOALS), !=, "改");
}

/* 已生效 once every member has signed and sealed, from the latest date */
static void
test_state_effective (Fixture       *fixture,
                      gconstpointer  data)
{
  CwbConsortium *consortium = fixture->consortium;
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(CwbAgreement) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *effective = NULL;
  const char *first = cwb_member_get_uscc (member_at (consortium, 0));
  const char *last = cwb_member_get_uscc (member_at (consortium, members->len - 1));

  freeze_first_text (agreement, first);
  sign_all (agreement, consortium, FALSE);
  g_assert_false (cwb_agreement_set_signed (agreement, first, TRUE, "10 Feb", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_PENDING);
  g_assert_true (cwb_agreement_set_sealed (agreement, last, TRUE, "2026-02-20", &error));
  g_assert_no_error (error);

  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_EFFECTIVE);
  effective = cwb_agreement_dup_effective_date (agreement, consortium);
  g_assert_cmpstr (effective, ==, "2026-02-20");
  /* a seal on the signing day keeps the file's single "date" */
  g_assert_null (cwb_agreement_lookup_signature (agreement, first)->sealed_date);
  g_assert_cmpstr (cwb_agreement_lookup_signature (agreement, last)->sealed_date, ==, "2026-02-20");

  /* the model survives the store */
  g_assert_true (cwb_agreement_save (agreement, fixture->store, cwb_consortium_get_id (consortium), &error));
  g_assert_no_error (error);
  loaded = cwb_agreement_load (fixture->store, cwb_consortium_get_id (consortium), &error);
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_equal (loaded, agreement));
}

/* Editing an effective text: a new draft, and the signatures it clears
 * are told first */
static void
test_state_reopen (Fixture       *fixture,
                   gconstpointer  data)
{
  CwbConsortium *consortium = fixture->consortium;
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(CwbAgreement) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) to_clear = NULL;
  g_auto(GStrv) cleared = NULL;
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) again = NULL;
  guint changed = 0;
  const char *first = cwb_member_get_uscc (member_at (consortium, 0));

  freeze_first_text (agreement, first);
  sign_all (agreement, consortium, TRUE);
  g_signal_connect (agreement, "changed", G_CALLBACK (on_changed), &changed);

  to_clear = cwb_agreement_list_signatures_to_clear (agreement);
  g_assert_cmpuint (g_strv_length (to_clear), ==, members->len);
  g_assert_cmpstr (to_clear[0], ==, first);
  cleared = cwb_agreement_reopen (agreement, "2026-03-01");
  g_assert_cmpstrv (cleared, to_clear);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_DRAFT);
  g_assert_cmpuint (cwb_agreement_get_versions (agreement)->len, ==, 1);
  g_assert_false (cwb_agreement_lookup_signature (agreement, first)->legal_rep_signed);
  g_assert_false (cwb_agreement_lookup_signature (agreement, first)->sealed);
  g_assert_null (cwb_agreement_lookup_signature (agreement, first)->date);
  g_assert_cmpstr (cwb_agreement_lookup_signature (agreement, first)->legal_rep, ==, "张三");

  none = cwb_agreement_list_signatures_to_clear (agreement);
  again = cwb_agreement_reopen (agreement, "2026-03-01");
  assert_strv (none, NULL);
  assert_strv (again, NULL);

  /* the draft is saved with an explicit flag: its records do not freeze it */
  node = cwb_agreement_to_section (agreement);
  back = cwb_agreement_new_from_section (node, &error);
  g_assert_no_error (error);
  g_assert_false (cwb_agreement_get_frozen (back));
}

/* A second text frozen as version 2; version 1 restored as a new draft */
static void
test_state_versions (Fixture       *fixture,
                     gconstpointer  data)
{
  CwbConsortium *consortium = fixture->consortium;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cleared = NULL;
  const char *first = cwb_member_get_uscc (member_at (consortium, 0));

  freeze_first_text (agreement, first);
  sign_all (agreement, consortium, TRUE);
  g_strfreev (cwb_agreement_reopen (agreement, "2026-03-01"));

  fill_all (agreement, "第二稿：");
  g_assert_true (cwb_agreement_freeze (agreement, "2026-03-02", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_agreement_get_versions (agreement)->len, ==, 2);
  g_assert_cmpstr (cwb_agreement_find_version (agreement, 2)->date, ==, "2026-03-02");
  g_assert_true (g_str_has_prefix (cwb_agreement_find_version (agreement, 2)->texts[SHIPPED_ITEM_GOALS], "第二稿："));
  g_assert_true (g_str_has_prefix (cwb_agreement_find_version (agreement, 1)->texts[SHIPPED_ITEM_GOALS], "第一稿："));
  g_assert_true (cwb_agreement_set_signed (agreement, first, TRUE, "2026-03-03", NULL));

  g_assert_false (cwb_agreement_restore_version (agreement, 7, "2026-03-04", &cleared, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cwb_agreement_restore_version (agreement, 1, "2026-03-04", &cleared, &error));
  g_assert_no_error (error);
  assert_strv (cleared, first, NULL);
  g_assert_cmpint (cwb_agreement_get_state (agreement, consortium), ==, CWB_AGREEMENT_STATE_DRAFT);
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    g_assert_cmpstr (cwb_agreement_get_text (agreement, i), ==, cwb_agreement_find_version (agreement, 1)->texts[i]);
  /* versions are kept, none added by restoring */
  g_assert_cmpuint (cwb_agreement_get_versions (agreement)->len, ==, 2);
  g_assert_true (cwb_agreement_freeze (agreement, "2026-03-05", &error));
  g_assert_cmpint (cwb_agreement_find_version (agreement, 3)->number, ==, 3);
}

static void
test_example_reopen (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = agreement_of (fixture->consortium);
  g_autofree char *effective = NULL;
  g_auto(GStrv) cleared = NULL;
  const CwbAgreementVersion *version;

  /* no "frozen" key, but signatures: frozen, and all signed: in effect */
  g_assert_true (cwb_agreement_get_frozen (agreement));
  g_assert_cmpint (cwb_agreement_get_state (agreement, fixture->consortium), ==, CWB_AGREEMENT_STATE_EFFECTIVE);
  effective = cwb_agreement_dup_effective_date (agreement, fixture->consortium);
  g_assert_cmpstr (effective, ==, "2026-03-01");
  g_assert_cmpuint (cwb_agreement_get_versions (agreement)->len, ==, 0);

  /* reopening keeps the unrecorded text as version 1, dated by its signatures */
  cleared = cwb_agreement_reopen (agreement, "2026-04-01");
  g_assert_cmpuint (g_strv_length (cleared), ==, 11);
  version = cwb_agreement_find_version (agreement, 1);
  g_assert_nonnull (version);
  g_assert_cmpstr (version->date, ==, "2026-03-01");
  g_assert_cmpstr (version->texts[SHIPPED_ITEM_GOALS], ==, "（条款正文）");
}

static void
test_state_labels (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CWB_TYPE_AGREEMENT_STATE);

  g_assert_cmpstr (g_enum_get_value (klass, CWB_AGREEMENT_STATE_PENDING)->value_nick, ==, "pending");
  g_assert_cmpstr (cwb_agreement_state_get_label (CWB_AGREEMENT_STATE_DRAFT), !=,
                   cwb_agreement_state_get_label (CWB_AGREEMENT_STATE_EFFECTIVE));
}

/* Variables */

static void
test_variables (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GHashTable) values = cwb_agreement_collect_variables (fixture->context, fixture->consortium);
  g_autofree char *today = cwb_format_date (TODAY);
  g_autofree char *filled = NULL;
  g_auto(GStrv) unfilled = NULL;
  g_auto(GStrv) found = NULL;

  g_assert_cmpstr (g_hash_table_lookup (values, "consortium_name"), ==, "海南省深海装备创新联合体");
  g_assert_cmpstr (g_hash_table_lookup (values, "lead_name"), ==, "海南椰岛动力科技有限公司");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (values, "member_list"), "海南椰岛动力科技有限公司、海南大学、中国热带农业科学院、"));
  g_assert_true (g_str_has_suffix (g_hash_table_lookup (values, "member_list"), "、广州汽车零部件有限公司"));
  g_assert_cmpstr (g_hash_table_lookup (values, "member_count"), ==, "11");
  g_assert_cmpstr (g_hash_table_lookup (values, "chief_expert"), ==, "王某某");
  g_assert_cmpstr (g_hash_table_lookup (values, "today"), ==, today);
  g_assert_false (cwb_text_is_blank (g_hash_table_lookup (values, "term")));
  for (const char * const *name = cwb_agreement_get_variable_names (); *name != NULL; name++)
    {
      g_assert_true (g_hash_table_contains (values, *name));
      g_assert_nonnull (cwb_agreement_variable_get_label (*name));
    }

  filled = cwb_agreement_fill ("${lead_name}牵头，共${member_count}家；${x_y}、${lead_name}、${ bad }、$lead_name、${x_y}。",
                               values, &unfilled);
  g_assert_cmpstr (filled, ==, "海南椰岛动力科技有限公司牵头，共11家；${x_y}、海南椰岛动力科技有限公司、${ bad }、$lead_name、${x_y}。");
  assert_strv (unfilled, "x_y", NULL);

  found = cwb_agreement_find_variables ("${today}${lead_name}${today}${ no }${");
  assert_strv (found, "today", "lead_name", NULL);

  /* unfilled: no chief expert, no members, no name */
  {
    g_autoptr(CwbConsortium) bare = cwb_consortium_new ();
    g_autoptr(GHashTable) few = cwb_agreement_collect_variables (NULL, bare);
    g_autofree char *text = NULL;
    g_auto(GStrv) missing = NULL;

    text = cwb_agreement_fill ("${consortium_name}由${lead_name}牵头，首席专家${chief_expert}，有效期${term}。", few, &missing);
    assert_strv (missing, "consortium_name", "lead_name", "chief_expert", NULL);
    g_assert_true (g_str_has_prefix (text, "${consortium_name}由${lead_name}牵头，首席专家${chief_expert}，有效期"));
    g_assert_null (strstr (text, "${term}"));
  }

  /* without the out parameter, and a text without variables */
  {
    g_autofree char *plain = cwb_agreement_fill ("无变量", values, NULL);

    g_assert_cmpstr (plain, ==, "无变量");
  }
}

/* Scans */

static GBytes *
make_bytes (const char *head,
            gsize       head_length,
            gsize       size)
{
  guint8 *data = g_malloc0 (size);

  memcpy (data, head, MIN (head_length, size));
  for (gsize i = head_length; i < size; i++)
    data[i] = (guint8) (i * 31);

  return g_bytes_new_take (data, size);
}

static void
test_scans (Fixture       *fixture,
            gconstpointer  data)
{
  static const char pdf_head[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  static const char png_head[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  gint64 id = cwb_consortium_get_id (fixture->consortium);
  const char *first = cwb_member_get_uscc (member_at (fixture->consortium, 0));
  const char *second = cwb_member_get_uscc (member_at (fixture->consortium, 1));
  g_autoptr(GBytes) pdf = make_bytes (pdf_head, sizeof pdf_head - 1, 40000);
  g_autoptr(GBytes) png = make_bytes (png_head, sizeof png_head - 1, 5000);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(CwbAgreementScan) scan = NULL;
  g_autoptr(CwbAgreementScan) png_scan = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  const char *media_type = NULL;

  /* a PDF */
  scan = cwb_agreement_store_scan (fixture->store, id, first, "/home/u/扫描/签章页.pdf", pdf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scan->name, ==, "签章页.pdf");
  g_assert_cmpstr (scan->media_type, ==, "application/pdf");
  g_assert_cmpint (scan->size, ==, 40000);
  g_assert_cmpstr (scan->sha256, ==, expected);
  g_assert_cmpuint (strlen (scan->sha256), ==, 64);

  back = cwb_agreement_load_scan (fixture->store, id, first, scan->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_clear_pointer (&back, g_bytes_unref);

  /* a PNG */
  png_scan = cwb_agreement_store_scan (fixture->store, id, second, "page.png", png, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (png_scan->media_type, ==, "image/png");
  g_assert_true (cwb_agreement_validate_scan (png, &media_type, NULL));
  g_assert_cmpstr (media_type, ==, "image/png");
  {
    g_autoptr(GBytes) jpeg = make_bytes ("\xff\xd8\xff\xe0", 4, 100);

    g_assert_true (cwb_agreement_validate_scan (jpeg, &media_type, NULL));
    g_assert_cmpstr (media_type, ==, "image/jpeg");
  }

  /* the description goes in the section, round trip exact */
  {
    g_autoptr(CwbAgreement) agreement = agreement_of (fixture->consortium);
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(CwbAgreement) again = NULL;

    cwb_agreement_set_scan (agreement, first, scan);
    g_assert_cmpstr (cwb_agreement_lookup_signature (agreement, first)->scan->sha256, ==, expected);
    node = cwb_agreement_to_section (agreement);
    assert_round_trip (node);
    again = cwb_agreement_new_from_section (node, NULL);
    g_assert_cmpstr (cwb_agreement_lookup_signature (again, first)->scan->name, ==, "签章页.pdf");
  }

  /* a text file is refused, and nothing changes */
  text = g_bytes_new_static ("法定代表人签字页\n", strlen ("法定代表人签字页\n"));
  g_assert_null (cwb_agreement_store_scan (fixture->store, id, first, "page.txt", text, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  back = cwb_agreement_load_scan (fixture->store, id, first, expected, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_clear_pointer (&back, g_bytes_unref);

  /* 21 MB is refused, even as a PDF; 20 MB exactly is not */
  huge = make_bytes (pdf_head, sizeof pdf_head - 1, 21 * 1024 * 1024);
  g_assert_null (cwb_agreement_store_scan (fixture->store, id, first, "big.pdf", huge, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "20"));
  g_clear_error (&error);
  {
    g_autoptr(GBytes) limit = make_bytes (pdf_head, sizeof pdf_head - 1, CWB_AGREEMENT_SCAN_MAX_SIZE);

    g_assert_true (cwb_agreement_validate_scan (limit, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

    g_assert_false (cwb_agreement_validate_scan (empty, NULL, &error));
    g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* a scan for a consortium that does not exist */
  g_assert_null (cwb_agreement_store_scan (fixture->store, id + 100, first, "a.pdf", pdf, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* the record's hash differs (another scan's): detected */
  g_assert_null (cwb_agreement_load_scan (fixture->store, id, first, png_scan->sha256, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);

  /* the blob is replaced behind the plugin's back: detected */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (cwb_store_get_path (fixture->store), &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE agreement_scan SET data = ?1 WHERE uscc = ?2", -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_blob (stmt, 1, g_bytes_get_data (png, NULL), g_bytes_get_size (png), SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, first, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    g_assert_cmpint (sqlite3_changes (db), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  g_assert_null (cwb_agreement_load_scan (fixture->store, id, first, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);
  g_assert_null (cwb_agreement_load_scan (fixture->store, id, first, expected, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);

  /* the untouched one still loads; deleting */
  back = cwb_agreement_load_scan (fixture->store, id, second, png_scan->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, png));
  g_assert_true (cwb_agreement_delete_scan (fixture->store, id, second, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_agreement_delete_scan (fixture->store, id, second, &error));
  g_assert_no_error (error);
  g_assert_null (cwb_agreement_load_scan (fixture->store, id, second, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleting the consortium deletes its scans */
  g_assert_true (cwb_store_delete_consortium (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (cwb_agreement_load_scan (fixture->store, id, first, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
}

/* The clause library */

static void
test_library_shipped (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *known = cwb_agreement_get_variable_names ();

  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autoptr(GPtrArray) clauses = cwb_agreement_library_list_shipped (i);

      g_assert_cmpuint (clauses->len, >=, 2);
      for (guint j = 0; j < clauses->len; j++)
        {
          CwbAgreementClause *clause = g_ptr_array_index (clauses, j);
          g_auto(GStrv) variables = cwb_agreement_find_variables (clause->text);

          g_assert_cmpint (clause->item, ==, i);
          g_assert_cmpint (clause->user_id, ==, 0);
          g_assert_false (g_hash_table_contains (ids, clause->id));
          g_hash_table_add (ids, clause->id);
          g_assert_false (cwb_text_is_blank (clause->title));
          g_assert_false (cwb_text_is_blank (clause->note));
          /* real clauses of several sentences */
          g_assert_cmpint (g_utf8_strlen (clause->text, -1), >=, 100);
          g_assert_nonnull (strstr (clause->text, "。"));
          /* only variables the fill knows */
          for (guint k = 0; variables[k] != NULL; k++)
            if (!g_strv_contains (known, variables[k]))
              g_error ("%s uses an unknown variable ${%s}", clause->id, variables[k]);
        }
    }
}

static void
test_library_user (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreementClause) saved = NULL;
  g_autoptr(CwbAgreementClause) other = NULL;
  g_autoptr(GPtrArray) shipped = cwb_agreement_library_list_shipped (SHIPPED_ITEM_DISPUTE_RESOLUTION);
  g_autoptr(GPtrArray) list = NULL;
  CwbAgreementClause *last;

  saved = cwb_agreement_library_save (fixture->store, SHIPPED_ITEM_DISPUTE_RESOLUTION,
                                      "  三亚仲裁 ", "", "争议提交三亚仲裁委员会仲裁。", &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->user_id, >, 0);
  g_assert_cmpstr (saved->title, ==, "三亚仲裁");
  g_assert_null (saved->note);

  other = cwb_agreement_library_save (fixture->store, SHIPPED_ITEM_GOALS,
                                      "目标", "备注", "${consortium_name}的目标。", &error);
  g_assert_no_error (error);

  /* listed after the shipped ones, under its item only */
  list = cwb_agreement_library_list (fixture->store, SHIPPED_ITEM_DISPUTE_RESOLUTION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, shipped->len + 1);
  last = g_ptr_array_index (list, list->len - 1);
  g_assert_cmpint (last->user_id, ==, saved->user_id);
  g_assert_cmpstr (last->text, ==, "争议提交三亚仲裁委员会仲裁。");
  g_assert_cmpstr (last->id, ==, saved->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* blank title or text refused */
  g_assert_null (cwb_agreement_library_save (fixture->store, SHIPPED_ITEM_GOALS, " ", NULL, "文", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cwb_agreement_library_save (fixture->store, SHIPPED_ITEM_GOALS, "题", NULL, "\u3000", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);

  /* another connection to the same database sees them (shared by every consortium) */
  {
    g_autoptr(CwbStore) again = cwb_store_open (cwb_store_get_path (fixture->store), &error);
    g_autoptr(GPtrArray) goals = NULL;

    g_assert_no_error (error);
    goals = cwb_agreement_library_list (again, SHIPPED_ITEM_GOALS, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((CwbAgreementClause *) g_ptr_array_index (goals, goals->len - 1))->note, ==, "备注");
  }

  /* delete */
  g_assert_true (cwb_agreement_library_delete (fixture->store, saved->user_id, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_agreement_library_delete (fixture->store, saved->user_id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = cwb_agreement_library_list (fixture->store, SHIPPED_ITEM_DISPUTE_RESOLUTION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, shipped->len);

  /* no store: the shipped ones */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cwb_agreement_library_list (NULL, SHIPPED_ITEM_GOALS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, cwb_agreement_library_list_shipped (SHIPPED_ITEM_GOALS)->len);
}

/* A filled model agreement passes A1 */

static void
test_library_drafts_pass_a1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(CwbCheckResult) result = NULL;

  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autoptr(GPtrArray) clauses = cwb_agreement_library_list_shipped (i);

      g_assert_true (cwb_agreement_set_text (agreement, i, ((CwbAgreementClause *) clauses->pdata[0])->text, NULL));
    }
  cwb_agreement_apply_to_consortium (agreement, fixture->consortium);

  result = check_rule (fixture, "A1");
  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_PASS);
  g_clear_object (&result);
  result = check_rule (fixture, "A2");
  g_assert_cmpint (cwb_check_result_get_status (result), ==, CWB_STATUS_FAIL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/agreement/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/agreement/items", test_items);
  g_test_add_func ("/agreement/state-labels", test_state_labels);
  g_test_add_func ("/agreement/section/round-trip-examples", test_round_trip_examples);
  g_test_add_func ("/agreement/section/round-trip-rich", test_round_trip_rich);
  g_test_add_func ("/agreement/section/bad", test_bad_sections);
  ADD ("a1/examples-pass", test_a1_examples_pass);
  ADD ("a1/empty-item", test_a1_empty_item);
  ADD ("a1/whitespace-item", test_a1_whitespace_item);
  ADD ("a1/unfilled-variable", test_a1_unfilled_variable);
  ADD ("a1-a2/no-agreement", test_no_agreement);
  ADD ("a1-a2/bad-section", test_bad_agreement_section);
  ADD ("a2/unsigned", test_a2_unsigned);
  ADD ("a2/unsealed", test_a2_unsealed);
  ADD ("a2/member-added-after-freezing", test_a2_member_added_after_freezing);
  ADD ("a2/extra-signatory", test_a2_extra_signatory);
  ADD ("provider/rereads-section", test_provider_rereads_section);
  ADD ("provider/rereads-after-member-change", test_provider_rereads_after_member_change);
  g_test_add_func ("/agreement/provider/members-serial", test_members_serial);
  ADD ("state/draft", test_state_draft);
  ADD ("state/freeze", test_state_freeze);
  ADD ("state/effective", test_state_effective);
  ADD ("state/reopen", test_state_reopen);
  ADD ("state/versions", test_state_versions);
  ADD ("state/example-reopen", test_example_reopen);
  ADD ("variables", test_variables);
  ADD ("scans", test_scans);
  g_test_add_func ("/agreement/library/shipped", test_library_shipped);
  ADD ("library/user-clauses", test_library_user);
  ADD ("library/drafts-pass-a1", test_library_drafts_pass_a1);

#undef ADD

  return g_test_run ();
}
