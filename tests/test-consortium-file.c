/* test-consortium-file.c — the consortium model and the consortium file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests run under C.UTF-8, so error messages are the English msgids.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-error.h"
#include "cwb-test-utils.h"
#include "fuzz/json-tree-compare.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "files", name, NULL);
}

static char *
read_example (const char *name,
              gsize      *length)
{
  g_autofree char *path = cwb_test_example_path (name);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

static void
assert_load_fails (const char *data,
                   gssize      length,
                   const char *expected_prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  consortium = cwb_consortium_file_load_data (data, length, &error);
  g_assert_null (consortium);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected_prefix))
    g_error ("expected a message starting with “%s”, got “%s”", expected_prefix, error->message);
}

/* The model */

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_member_properties (void)
{
  g_autoptr(CwbMember) member = cwb_member_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  CwbMemberKind kind;
  gint64 revenue;

  g_assert_cmpint (cwb_member_get_revenue (member), ==, CWB_UNKNOWN);
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (member), ==, CWB_UNKNOWN);
  g_assert_null (cwb_member_get_established (member));
  g_assert_false (cwb_member_get_has_platforms (member));
  g_assert_cmpuint (cwb_member_get_platforms (member)->len, ==, 0);

  g_signal_connect (member, "notify", G_CALLBACK (notify_cb), names);

  cwb_member_set_name (member, "海南大学");
  cwb_member_set_name (member, "海南大学");
  cwb_member_set_kind (member, CWB_MEMBER_KIND_UNIVERSITY);
  cwb_member_set_registered_in_hainan (member, TRUE);
  cwb_member_set_registered_in_hainan (member, TRUE);
  cwb_member_set_revenue (member, 620000000);
  g_object_set (member, "rd-staff-fulltime", 35, "high-tech", TRUE, NULL);

  g_assert_cmpuint (names->len, ==, 6);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "name");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "kind");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "registered-in-hainan");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "revenue");
  /* g_object_set() queues its notifications; their order is GObject's */
  g_assert_true (g_strv_contains ((const char * const *) (const char *[]) {
                   g_ptr_array_index (names, 4), g_ptr_array_index (names, 5), NULL },
                   "rd-staff-fulltime"));
  g_assert_true (g_strv_contains ((const char * const *) (const char *[]) {
                   g_ptr_array_index (names, 4), g_ptr_array_index (names, 5), NULL },
                   "high-tech"));

  g_object_get (member, "kind", &kind, "revenue", &revenue, NULL);
  g_assert_cmpint (kind, ==, CWB_MEMBER_KIND_UNIVERSITY);
  g_assert_cmpint (revenue, ==, 620000000);
  g_assert_true (cwb_member_get_high_tech (member));
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (member), ==, 35);

  g_signal_handlers_disconnect_by_func (member, notify_cb, names);
}

static void
test_consortium_copy_equal (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) copy = cwb_consortium_copy (consortium);
  g_autoptr(JsonNode) section = NULL;
  CwbMember *lead;
  CwbMember *copy_lead;
  CwbPlatform *platform;
  const char *items[] = { "新问题", NULL };

  g_assert_true (cwb_consortium_equal (consortium, copy));
  g_assert_true (cwb_consortium_equal (copy, consortium));

  /* ids are the store's business, not part of equality */
  cwb_consortium_set_id (copy, 7);
  cwb_member_set_id (g_ptr_array_index (cwb_consortium_get_members (copy), 0), 9);
  g_assert_true (cwb_consortium_equal (consortium, copy));

  /* the copy is deep: members are new objects */
  lead = cwb_consortium_get_lead (consortium);
  copy_lead = cwb_consortium_get_lead (copy);
  g_assert_true (lead != copy_lead);
  g_assert_true (cwb_member_equal (lead, copy_lead));

  platform = g_ptr_array_index (cwb_member_get_platforms (copy_lead), 0);
  platform->level = CWB_PLATFORM_LEVEL_NATIONAL;
  g_assert_false (cwb_consortium_equal (consortium, copy));
  platform->level = CWB_PLATFORM_LEVEL_PROVINCIAL;
  g_assert_true (cwb_consortium_equal (consortium, copy));

  cwb_member_set_revenue (copy_lead, 1);
  g_assert_false (cwb_consortium_equal (consortium, copy));
  cwb_member_set_revenue (copy_lead, cwb_member_get_revenue (lead));
  g_assert_true (cwb_consortium_equal (consortium, copy));

  cwb_consortium_set_scientific_problems (copy, items);
  g_assert_false (cwb_consortium_equal (consortium, copy));
  cwb_consortium_set_scientific_problems (copy, cwb_consortium_get_scientific_problems (consortium));
  g_assert_true (cwb_consortium_equal (consortium, copy));

  cwb_consortium_add_exception (copy, cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "试点"));
  g_assert_false (cwb_consortium_equal (consortium, copy));
  g_assert_nonnull (cwb_consortium_find_exception (copy, "C3"));
  g_assert_null (cwb_consortium_find_exception (copy, "C4"));
  g_assert_true (cwb_consortium_remove_exception (copy, "C3"));
  g_assert_false (cwb_consortium_remove_exception (copy, "C3"));
  g_assert_true (cwb_consortium_equal (consortium, copy));

  section = json_from_string ("{\"name\": \"李某某\"}", NULL);
  cwb_consortium_set_section (copy, "chief_expert", section);
  g_assert_false (cwb_consortium_equal (consortium, copy));
  cwb_consortium_set_section (copy, "chief_expert",
                              cwb_consortium_get_section (consortium, "chief_expert"));
  g_assert_true (cwb_consortium_equal (consortium, copy));

  cwb_consortium_set_executive_fulltime_staff (copy, 4);
  g_assert_false (cwb_consortium_equal (consortium, copy));
}

static void
test_consortium_lists_and_sections (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(JsonNode) node = json_from_string ("{\"a\": [1, 2]}", NULL);
  g_autoptr(GList) keys = NULL;
  const char *items[] = { "甲", "乙", NULL };
  JsonNode *stored;

  /* lists are never NULL */
  g_assert_nonnull (cwb_consortium_get_scientific_problems (consortium));
  g_assert_null (cwb_consortium_get_scientific_problems (consortium)[0]);
  g_assert_null (cwb_consortium_get_landmark_results (consortium)[0]);
  cwb_consortium_set_key_technologies (consortium, items);
  g_assert_cmpstrv (cwb_consortium_get_key_technologies (consortium), items);
  cwb_consortium_set_key_technologies (consortium, NULL);
  g_assert_nonnull (cwb_consortium_get_key_technologies (consortium));
  g_assert_null (cwb_consortium_get_key_technologies (consortium)[0]);
  g_assert_null (cwb_consortium_get_lead (consortium));

  /* a section is copied: the caller's node stays its own and mutable */
  cwb_consortium_set_section (consortium, "zeta", node);
  cwb_consortium_set_section (consortium, "agreement", node);
  stored = cwb_consortium_get_section (consortium, "zeta");
  g_assert_nonnull (stored);
  g_assert_true (stored != node);
  g_assert_true (json_node_equal (stored, node));
  g_assert_true (json_node_is_immutable (stored));
  g_assert_false (json_node_is_immutable (node));
  json_object_set_int_member (json_node_get_object (node), "b", 3);
  g_assert_false (json_node_equal (cwb_consortium_get_section (consortium, "zeta"), node));

  keys = cwb_consortium_list_sections (consortium);
  g_assert_cmpuint (g_list_length (keys), ==, 2);
  g_assert_cmpstr (keys->data, ==, "agreement");
  g_assert_cmpstr (keys->next->data, ==, "zeta");

  cwb_consortium_set_section (consortium, "zeta", NULL);
  g_assert_null (cwb_consortium_get_section (consortium, "zeta"));
}

/* The examples */

static void
test_example_deep_sea (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GList) sections = cwb_consortium_list_sections (consortium);
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  CwbMember *lead = cwb_consortium_get_lead (consortium);
  CwbMember *last;
  const CwbFiscalYear *year;
  const CwbStandard *standard;
  const CwbPlatform *platform;

  g_assert_cmpstr (cwb_consortium_get_name (consortium), ==, "海南省深海装备创新联合体");
  g_assert_cmpstr (cwb_consortium_get_industry (consortium), ==, "深海科技");
  g_assert_cmpuint (g_strv_length ((char **) cwb_consortium_get_scientific_problems (consortium)), ==, 1);
  g_assert_cmpstr (cwb_consortium_get_key_technologies (consortium)[0], ==, "热带海岛气候整车热管理技术");
  g_assert_cmpuint (cwb_consortium_get_standards (consortium)->len, ==, 1);
  standard = g_ptr_array_index (cwb_consortium_get_standards (consortium), 0);
  g_assert_cmpint (standard->kind, ==, CWB_STANDARD_KIND_INDUSTRY);

  g_assert_true (cwb_consortium_get_has_organization (consortium));
  g_assert_cmpstr (cwb_consortium_get_decision_body (consortium), ==, "理事会");
  g_assert_cmpstr (cwb_consortium_get_executive_body (consortium), ==, "联合体办公室");
  g_assert_true (cwb_consortium_get_executive_permanent (consortium));
  g_assert_cmpint (cwb_consortium_get_executive_fulltime_staff (consortium), ==, 3);
  g_assert_true (cwb_consortium_get_has_fund_management (consortium));
  g_assert_true (cwb_consortium_get_fund_system (consortium));
  g_assert_true (cwb_consortium_get_fund_internal_supervision (consortium));

  g_assert_cmpuint (members->len, ==, 11);
  g_assert_true (lead == g_ptr_array_index (members, 0));
  g_assert_cmpstr (cwb_member_get_uscc (lead), ==, "91460100000000118U");
  g_assert_cmpint (cwb_member_get_kind (lead), ==, CWB_MEMBER_KIND_ENTERPRISE);
  g_assert_cmpstr (cwb_member_get_established (lead), ==, "2008-05-12");
  g_assert_cmpint (cwb_member_get_revenue (lead), ==, 620000000);
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (lead), ==, 35);
  g_assert_true (cwb_member_get_above_designated_size (lead));
  g_assert_true (cwb_member_get_cooperation_basis (lead));
  g_assert_true (cwb_member_get_has_platforms (lead));
  g_assert_cmpuint (cwb_member_get_platforms (lead)->len, ==, 1);
  platform = g_ptr_array_index (cwb_member_get_platforms (lead), 0);
  g_assert_cmpint (platform->level, ==, CWB_PLATFORM_LEVEL_PROVINCIAL);
  g_assert_cmpint (platform->kind, ==, CWB_PLATFORM_KIND_ENGINEERING_CENTER);
  g_assert_true (cwb_member_get_has_fiscal_years (lead));
  g_assert_cmpuint (cwb_member_get_fiscal_years (lead)->len, ==, 3);
  year = g_ptr_array_index (cwb_member_get_fiscal_years (lead), 2);
  g_assert_cmpint (year->year, ==, 2025);
  g_assert_cmpint (year->rd_expense, ==, 7000000);
  g_assert_cmpint (year->sales, ==, 620000000);

  last = g_ptr_array_index (members, 10);
  g_assert_cmpstr (cwb_member_get_name (last), ==, "广州汽车零部件有限公司");
  g_assert_false (cwb_member_get_lead (last));
  g_assert_false (cwb_member_get_registered_in_hainan (last));
  g_assert_cmpint (cwb_member_get_revenue (last), ==, CWB_UNKNOWN);
  g_assert_false (cwb_member_get_has_platforms (last));
  g_assert_false (cwb_member_get_has_fiscal_years (last));
  g_assert_cmpint (cwb_member_get_kind (g_ptr_array_index (members, 7)), ==,
                   CWB_MEMBER_KIND_SERVICE_AGENCY);
  g_assert_true (cwb_member_get_stationed_in_hainan (g_ptr_array_index (members, 9)));

  g_assert_cmpuint (cwb_consortium_get_exceptions (consortium)->len, ==, 0);
  g_assert_cmpuint (g_list_length (sections), ==, 2);
  g_assert_cmpstr (sections->data, ==, "agreement");
  g_assert_cmpstr (sections->next->data, ==, "chief_expert");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cwb_consortium_get_section (consortium, "chief_expert")), "name"),
                   ==, "王某某");
}

static void
test_example_others (void)
{
  g_autoptr(CwbConsortium) seed = cwb_test_load_example ("seed-industry-small.consortium.json");
  g_autoptr(CwbConsortium) nev = cwb_test_load_example ("new-energy-vehicle-fails.consortium.json");
  CwbMember *lead;
  CwbMember *fourth;

  g_assert_cmpuint (cwb_consortium_get_members (seed)->len, ==, 9);
  g_assert_nonnull (cwb_consortium_get_lead (seed));
  g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (seed)), >=, 250000000);
  g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (seed)), <, 500000000);

  g_assert_cmpuint (cwb_consortium_get_members (nev)->len, ==, 10);
  lead = cwb_consortium_get_lead (nev);
  g_assert_nonnull (lead);
  /* no revenue given: unknown, not zero */
  g_assert_cmpint (cwb_member_get_revenue (lead), ==, CWB_UNKNOWN);
  /* optional booleans that are left out default to false */
  fourth = g_ptr_array_index (cwb_consortium_get_members (nev), 3);
  g_assert_cmpstr (cwb_member_get_uscc (fourth), ==, "9131010000000RT7NL");
  g_assert_false (cwb_member_get_above_designated_size (fourth));
  g_assert_false (cwb_member_get_high_tech (fourth));
}

static void
test_example_broken_uscc (void)
{
  g_autofree char *path = cwb_test_example_path ("broken-uscc.consortium.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  consortium = cwb_consortium_file_load (file, NULL, &error);
  g_assert_null (consortium);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "members[2].uscc"));
  g_assert_cmpstr (error->message, ==, "members[2].uscc: check character is “0”, expected “2”");
}

static const char * const valid_examples[] = {
  "deep-sea.consortium.json",
  "seed-industry-small.consortium.json",
  "new-energy-vehicle-fails.consortium.json",
};

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_examples); i++)
    {
      g_autoptr(CwbConsortium) first = cwb_test_load_example (valid_examples[i]);
      g_autoptr(CwbConsortium) second = NULL;
      g_autoptr(CwbConsortium) third = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data1 = NULL;
      g_autofree char *data2 = NULL;
      g_autofree char *original = NULL;
      gsize length1 = 0;
      gsize length2 = 0;
      gsize original_length = 0;

      g_test_message ("%s", valid_examples[i]);

      data1 = cwb_consortium_to_data (first, &length1);
      g_assert_cmpuint (length1, ==, strlen (data1));
      g_assert_true (g_utf8_validate (data1, length1, NULL));
      g_assert_true (g_str_has_suffix (data1, "}\n"));
      /* pretty-printed, UTF-8 as is */
      g_assert_true (g_str_has_prefix (data1, "{\n  \"format\": \"consortium/1\",\n  \"name\": \""));
      g_assert_nonnull (strstr (data1, cwb_consortium_get_name (first)));

      second = cwb_consortium_file_load_data (data1, (gssize) length1, &error);
      g_assert_no_error (error);
      g_assert_true (cwb_consortium_equal (first, second));

      data2 = cwb_consortium_to_data (second, &length2);
      g_assert_cmpuint (length1, ==, length2);
      g_assert_cmpstr (data1, ==, data2);

      /* the example files already are in the written layout, but for the
       * place of "lead" in the lead's object */
      original = read_example (valid_examples[i], &original_length);
      third = cwb_consortium_file_load_data (original, (gssize) original_length, &error);
      g_assert_no_error (error);
      g_assert_true (cwb_consortium_equal (third, second));
    }
}

static void
test_save_file (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  guint n_files = 0;
  gsize length = 0;

  tmpdir = g_dir_make_tmp ("cwb-save-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (tmpdir);
  file = g_file_get_child (dir, "saved.consortium.json");

  /* over an existing file, too */
  g_assert_true (g_file_replace_contents (file, "old", 3, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cwb_consortium_file_save (consortium, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  expected = cwb_consortium_to_data (consortium, NULL);
  g_assert_cmpstr (contents, ==, expected);

  loaded = cwb_consortium_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (consortium, loaded));

  /* the temporary file of the atomic write is gone */
  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      g_assert_cmpstr (g_file_info_get_name (info), ==, "saved.consortium.json");
      g_object_unref (info);
      n_files++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 1);

  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rmdir (tmpdir), ==, 0);
}

static void
test_save_fails (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-cwb-dir/x/saved.json");
  g_autoptr(GError) error = NULL;

  g_assert_false (cwb_consortium_file_save (consortium, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Sections and figures that are given or not */

static void
test_sections_survive (void)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GList) sections = NULL;
  g_autofree char *original = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonNode *future;

  original = read_example ("deep-sea.consortium.json", NULL);
  root = json_from_string (original, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  expected = json_from_string ("{\"level\": {\"deep\": [1, 2.5, -3e-7, null, true, \"文\\n\\\"x\\\"\", {}, []]},"
                               " \"empty\": {}}", &error);
  g_assert_no_error (error);
  json_object_set_member (object, "zz_future", json_node_copy (expected));
  json_object_set_member (object, "a_list", json_from_string ("[\"x\", 2]", NULL));
  json_object_set_int_member (object, "scalar_key", 5);
  json_object_set_string_member (object, "comment", "ignored");
  text = json_to_string (root, FALSE);

  consortium = cwb_consortium_file_load_data (text, -1, &error);
  g_assert_no_error (error);

  sections = cwb_consortium_list_sections (consortium);
  g_assert_cmpuint (g_list_length (sections), ==, 4);
  g_assert_cmpstr (g_list_nth_data (sections, 0), ==, "a_list");
  g_assert_cmpstr (g_list_nth_data (sections, 1), ==, "agreement");
  g_assert_cmpstr (g_list_nth_data (sections, 2), ==, "chief_expert");
  g_assert_cmpstr (g_list_nth_data (sections, 3), ==, "zz_future");
  g_assert_null (cwb_consortium_get_section (consortium, "scalar_key"));
  g_assert_null (cwb_consortium_get_section (consortium, "comment"));

  future = cwb_consortium_get_section (consortium, "zz_future");
  g_assert_true (json_node_equal (future, expected));

  data = cwb_consortium_to_data (consortium, NULL);
  g_assert_nonnull (strstr (data, "\"empty\": {}"));
  g_assert_null (strstr (data, "scalar_key"));
  /* known sections first, in the format's order, the others sorted, exceptions last */
  g_assert_true (strstr (data, "\"chief_expert\"") < strstr (data, "\"agreement\""));
  g_assert_true (strstr (data, "\"agreement\"") < strstr (data, "\"a_list\""));
  g_assert_true (strstr (data, "\"a_list\"") < strstr (data, "\"zz_future\""));
  g_assert_true (strstr (data, "\"zz_future\"") < strstr (data, "\"exceptions\""));

  again = cwb_consortium_file_load_data (data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (consortium, again));
  g_assert_true (json_node_equal (cwb_consortium_get_section (again, "zz_future"), expected));
}

static const char minimal[] =
  "{\"format\": \"consortium/1\", \"name\": \"N\", \"industry\": \"I\","
  " \"lists\": {\"scientific_problems\": [], \"key_technologies\": [], \"transformation_results\": []},"
  " \"members\": [{\"uscc\": \"91460100000000118U\", \"name\": \"M\", \"kind\": \"other\","
  " \"lead\": true, \"independent_legal_person\": true, \"registered_in_hainan\": false%s}]%s}";

static CwbConsortium *
load_minimal (const char *member_extra,
              const char *root_extra)
{
  g_autofree char *text = g_strdup_printf (minimal, member_extra, root_extra);
  g_autoptr(GError) error = NULL;
  CwbConsortium *consortium;

  consortium = cwb_consortium_file_load_data (text, -1, &error);
  g_assert_no_error (error);

  return consortium;
}

static void
test_optional_figures (void)
{
  g_autoptr(CwbConsortium) bare = load_minimal ("", "");
  g_autoptr(CwbConsortium) empty_lists = load_minimal (", \"platforms\": [], \"fiscal_years\": []", "");
  g_autoptr(CwbConsortium) nulls = load_minimal (", \"revenue\": null, \"platforms\": null", "");
  g_autoptr(CwbConsortium) integral = load_minimal (", \"revenue\": 6.2e8, \"rd_staff_fulltime\": 35.0", "");
  g_autoptr(CwbConsortium) partial_year = load_minimal (", \"fiscal_years\": [{\"year\": 2024}]", "");
  CwbMember *lead;
  g_autofree char *bare_data = cwb_consortium_to_data (bare, NULL);
  g_autofree char *empty_data = cwb_consortium_to_data (empty_lists, NULL);
  g_autofree char *year_data = cwb_consortium_to_data (partial_year, NULL);
  const CwbFiscalYear *year;

  lead = cwb_consortium_get_lead (bare);
  g_assert_false (cwb_member_get_has_platforms (lead));
  g_assert_false (cwb_member_get_has_fiscal_years (lead));
  g_assert_cmpint (cwb_member_get_revenue (lead), ==, CWB_UNKNOWN);
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (lead), ==, CWB_UNKNOWN);
  g_assert_null (cwb_member_get_established (lead));
  g_assert_false (cwb_consortium_get_has_organization (bare));
  g_assert_false (cwb_consortium_get_has_fund_management (bare));
  g_assert_null (cwb_consortium_get_executive_body (bare));
  g_assert_null (strstr (bare_data, "platforms"));
  g_assert_null (strstr (bare_data, "fiscal_years"));
  g_assert_null (strstr (bare_data, "revenue"));
  g_assert_null (strstr (bare_data, "organization"));
  g_assert_null (strstr (bare_data, "fund_management"));

  lead = cwb_consortium_get_lead (empty_lists);
  g_assert_true (cwb_member_get_has_platforms (lead));
  g_assert_true (cwb_member_get_has_fiscal_years (lead));
  g_assert_cmpuint (cwb_member_get_platforms (lead)->len, ==, 0);
  g_assert_nonnull (strstr (empty_data, "\"platforms\": []"));
  g_assert_nonnull (strstr (empty_data, "\"fiscal_years\": []"));
  g_assert_false (cwb_consortium_equal (bare, empty_lists));

  lead = cwb_consortium_get_lead (nulls);
  g_assert_false (cwb_member_get_has_platforms (lead));
  g_assert_cmpint (cwb_member_get_revenue (lead), ==, CWB_UNKNOWN);
  g_assert_true (cwb_consortium_equal (bare, nulls));

  lead = cwb_consortium_get_lead (integral);
  g_assert_cmpint (cwb_member_get_revenue (lead), ==, 620000000);
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (lead), ==, 35);

  year = g_ptr_array_index (cwb_member_get_fiscal_years (cwb_consortium_get_lead (partial_year)), 0);
  g_assert_cmpint (year->year, ==, 2024);
  g_assert_cmpint (year->rd_expense, ==, CWB_UNKNOWN);
  g_assert_cmpint (year->sales, ==, CWB_UNKNOWN);
  g_assert_nonnull (strstr (year_data, "\"year\": 2024\n"));
}

/* An integer out of range for gint64 is found wherever it lies in the file
 * (the loader looks for it only where 19 or more digits follow each other),
 * and only outside strings; 18 digits, or 19 within range, load. */
static void
test_out_of_range_anywhere (void)
{
  for (guint pad = 0; pad < 40; pad++)
    {
      g_autofree char *spaces = g_strnfill (pad, ' ');
      g_autofree char *extra = g_strdup_printf (",%s\"revenue\": 9223372036854775808", spaces);
      g_autofree char *negative_extra = g_strdup_printf (",%s\"revenue\": -9223372036854775809", spaces);
      g_autofree char *at_end = g_strdup_printf (",%s\"agreement\": 100000000000000000000", spaces);
      g_autofree char *big = g_strdup_printf (minimal, extra, "");
      g_autofree char *negative_big = g_strdup_printf (minimal, negative_extra, "");
      g_autofree char *big_at_end = g_strdup_printf (minimal, "", at_end);
      g_autofree char *max_extra = g_strdup_printf (",%s\"revenue\": 9223372036854775807", spaces);
      g_autofree char *digits_extra = g_strdup_printf (",%s\"name\": \"12345678901234567890123\"", spaces);
      g_autofree char *eighteen_extra = g_strdup_printf (",%s\"revenue\": 999999999999999999", spaces);
      g_autofree char *max = g_strdup_printf (minimal, max_extra, "");
      g_autofree char *digits_in_string = g_strdup_printf (minimal, "", digits_extra);
      g_autofree char *eighteen = g_strdup_printf (minimal, eighteen_extra, "");
      g_autoptr(CwbConsortium) max_loaded = NULL;
      g_autoptr(CwbConsortium) string_loaded = NULL;
      g_autoptr(CwbConsortium) eighteen_loaded = NULL;
      g_autoptr(GError) error = NULL;

      assert_load_fails (big, -1, "members[0].revenue: 9223372036854775808 is out of range for an integer");
      assert_load_fails (negative_big, -1, "members[0].revenue: -9223372036854775809 is out of range for an integer");
      assert_load_fails (big_at_end, -1, "agreement: 100000000000000000000 is out of range for an integer");
      /* the number is the last thing before the closing brackets */
      assert_load_fails (big_at_end, (gssize) strlen (big_at_end),
                         "agreement: 100000000000000000000 is out of range for an integer");

      max_loaded = cwb_consortium_file_load_data (max, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (max_loaded)), ==, G_MAXINT64);

      string_loaded = cwb_consortium_file_load_data (digits_in_string, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (cwb_consortium_get_name (string_loaded), ==, "12345678901234567890123");

      eighteen_loaded = cwb_consortium_file_load_data (eighteen, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (eighteen_loaded)), ==, 999999999999999999);
    }
}

/* A file that is just a number, ending in digits: the scan for integers
 * out of range must stop at the end of the text. The copy ends where an
 * unreadable page begins, so a read past it crashes the test. */
static void
test_number_only (void)
{
  static const char * const numbers[] = {
    "11111111111111111.111",
    "1111111111111111111",
    "12345678901234567890123456789",
    "1.0000000000000000001",
    "-0.000000000000000000001",
    "1e1111111111111111111",
    "[1, 2, 11111111111111111.111]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    for (guint pad = 0; pad < 24; pad++)
      {
        g_autofree char *spaces = g_strnfill (pad, ' ');
        g_autofree char *text = g_strconcat (spaces, numbers[i], NULL);
        gsize length = strlen (text);
        char *guarded = cwb_test_guarded_copy (text, length);
        g_autoptr(GError) error = NULL;
        g_autoptr(CwbConsortium) consortium = NULL;

        consortium = cwb_consortium_file_load_data (guarded, (gssize) length, &error);
        g_assert_null (consortium);
        g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
        g_assert_true (g_str_has_prefix (error->message, "the file must hold a JSON object, found "));
        cwb_test_guarded_free (guarded, length);
      }
}

static char *
nested (const char *before,
        guint       depth,
        const char *after)
{
  g_autofree char *open = g_strnfill (depth, '[');
  g_autofree char *close = g_strnfill (depth, ']');

  return g_strconcat (before, open, close, after, NULL);
}

/* Text nested deeper than json-glib can parse without overflowing the stack
 * is refused before it parses, naming where; 64 levels in all still load. */
static void
test_deep_nesting (void)
{
  g_autofree char *brackets = g_strnfill (100000, '[');
  g_autofree char *braces = NULL;
  g_autofree char *at_root = NULL;
  g_autofree char *in_member = NULL;
  g_autofree char *in_string = NULL;
  g_autofree char *deepest = NULL;
  g_autofree char *too_deep = NULL;
  g_autofree char *deepest_extra = NULL;
  g_autofree char *too_deep_extra = NULL;
  g_autoptr(GString) object_path = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_load_fails (brackets, -1, "[0][0][0][0]");
  loaded = cwb_consortium_file_load_data (brackets, -1, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "]: arrays and objects are nested more than 64 levels deep"));
  g_clear_error (&error);

  /* under a key no reader knows, after some ordinary values */
  at_root = g_strdup_printf (minimal, "", "");
  at_root[strlen (at_root) - 1] = '\0';
  {
    g_autofree char *text = g_strconcat (at_root, ", \"x\": {\"y\": [1, \"[[\", ", brackets, NULL);

    assert_load_fails (text, -1, "x.y[2][0][0]");
  }

  /* inside a member, with an object at each level */
  for (guint i = 0; i < 70; i++)
    g_string_append (objects, "{\"k\": ");
  g_string_prepend (objects, ", \"extra\": [0, ");
  g_string_append (objects, "1");
  for (guint i = 0; i < 70; i++)
    g_string_append_c (objects, '}');
  g_string_append_c (objects, ']');
  in_member = g_strdup_printf (minimal, objects->str, "");
  {
    const char *text = in_member;

    g_string_append (object_path, "members[0].extra[1]");
    for (guint i = 0; i < 64 - 4; i++)
      g_string_append (object_path, ".k");
    g_string_append (object_path, ": arrays and objects are nested more than 64 levels deep");
    assert_load_fails (text, -1, object_path->str);
  }

  /* brackets in strings are text */
  in_string = g_strdup_printf (minimal, "", ", \"note\": \"%s\"");
  {
    g_autofree char *text = g_strdup_printf (in_string, brackets);

    loaded = cwb_consortium_file_load_data (text, -1, &error);
    g_assert_no_error (error);
    g_clear_object (&loaded);
  }

  /* the root object is one level: 63 more load, 64 more do not */
  deepest_extra = nested (", \"deep\": ", 63, "");
  too_deep_extra = nested (", \"deep\": ", 64, "");
  deepest = g_strdup_printf (minimal, "", deepest_extra);
  too_deep = g_strdup_printf (minimal, "", too_deep_extra);
  loaded = cwb_consortium_file_load_data (deepest, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cwb_consortium_get_section (loaded, "deep"));
  assert_load_fails (too_deep, -1, "deep[0][0]");

  braces = g_strnfill (100000, '{');
  /* objects without keys: no path to name */
  assert_load_fails (braces, -1, "arrays and objects are nested more than 64 levels deep");
}

/* A key that is empty, or empty once an escaped NUL ends it, names no
 * section: it is ignored like any unknown key (the fuzzer's find) */
static void
test_empty_section_key (void)
{
  g_autofree char *text = g_strdup_printf (minimal, "", ", \"\": [1], \"\\u0000ions\": [], \"x\": {}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) again = NULL;
  g_autofree char *saved = NULL;

  consortium = cwb_consortium_file_load_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cwb_consortium_get_section (consortium, "x"));
  saved = cwb_consortium_to_data (consortium, NULL);
  g_assert_null (strstr (saved, "\"\""));
  again = cwb_consortium_file_load_data (saved, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cwb_consortium_get_section (again, "x"));
}

/* Bad content given inline, beyond the fixtures */
/* json-glib decodes an escaped UTF-16 surrogate without its pair into bytes
 * that are not UTF-8: such a file loaded, and the file saved from it did not
 * load again (found by tests/fuzz/fuzz-consortium-file). */
static void
test_lone_surrogate (void)
{
  g_autofree char *in_section = g_strdup_printf (minimal, "", ", \"agreement\": {\"clauses\": [\"ok\", \"x\\ud800y\"]}");
  g_autofree char *in_key = g_strdup_printf (minimal, "", ", \"agreement\": {\"\\ud800z\": 1}");
  g_autofree char *top_level = g_strdup_printf (minimal, "", ", \"note\": \"\\udc00abc\"");
  g_autofree char *high_then_text = g_strdup_printf (minimal, "", ", \"agreement\": {\"a\": \"\\ud83dx\"}");
  g_autofree char *paired = g_strdup_printf (minimal, "", ", \"agreement\": {\"smile\": \"\\ud83d\\ude00\"}");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(CwbConsortium) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize length = 0;

  assert_load_fails (in_section, -1, "agreement.clauses[1]: an escaped UTF-16 surrogate");
  assert_load_fails (in_key, -1, "agreement.\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd: an escaped UTF-16 surrogate");
  assert_load_fails (top_level, -1, "note: an escaped UTF-16 surrogate");
  assert_load_fails (high_then_text, -1, "agreement.a: an escaped UTF-16 surrogate");

  /* a pair is one character, U+1F600 */
  loaded = cwb_consortium_file_load_data (paired, -1, &error);
  g_assert_no_error (error);
  saved = cwb_consortium_to_data (loaded, &length);
  g_assert_true (g_utf8_validate_len (saved, length, NULL));
  g_assert_nonnull (strstr (saved, "\xf0\x9f\x98\x80"));
  again = cwb_consortium_file_load_data (saved, (gssize) length, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, again));
}

/* json-glib reads a number beyond the range of a double as infinity, which
 * the file writer can only write as null: such a section did not load
 * again as the same (found by tests/fuzz/fuzz-consortium-file). */
static void
test_infinite_number (void)
{
  g_autofree char *in_section = g_strdup_printf (minimal, "", ", \"agreement\": {\"x\": [1, 1e400]}");
  g_autofree char *negative = g_strdup_printf (minimal, "", ", \"agreement\": {\"y\": -1E+999}");
  g_autofree char *in_member = g_strdup_printf (minimal, ", \"revenue\": 1e400", "");
  g_autofree char *tiny = g_strdup_printf (minimal, "", ", \"agreement\": {\"z\": 1e-400}");
  /* no space before the number: the text is still looked at (a credit
   * code's 'E' after digits is no exponent) */
  g_autofree char *compact = g_strdup_printf (minimal, "", ",\"agreement\":{\"x\":[2,1e400]}");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;

  assert_load_fails (in_section, -1, "agreement.x[1]: the number is out of range");
  assert_load_fails (negative, -1, "agreement.y: the number is out of range");
  assert_load_fails (in_member, -1, "members[0].revenue: the number is out of range");
  assert_load_fails (compact, -1, "agreement.x[1]: the number is out of range");

  /* too small to tell from 0 is 0 */
  loaded = cwb_consortium_file_load_data (tiny, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

static void
test_bad_inline (void)
{
  g_autofree char *in_section = g_strdup_printf (minimal, "", ", \"agreement\": {\"clauses\": [1, 12345678901234567890]}");
  g_autofree char *negative_big = g_strdup_printf (minimal, ", \"revenue\": -9223372036854775809", "");
  g_autofree char *max_ok = g_strdup_printf (minimal, ", \"revenue\": 9223372036854775807", "");
  g_autofree char *staff_big = g_strdup_printf (minimal, ", \"rd_staff_fulltime\": 3000000000", "");
  g_autofree char *huge_double = g_strdup_printf (minimal, ", \"revenue\": 1e300", "");
  g_autofree char *bad_exceptions = g_strdup_printf (minimal, "", ", \"exceptions\": {}");
  g_autofree char *year_zero = g_strdup_printf (minimal, ", \"fiscal_years\": [{\"year\": 0}]", "");
  g_autofree char *bad_section_type = g_strdup_printf (minimal, "", ", \"lists\": []");
  g_autoptr(CwbConsortium) max = NULL;
  g_autoptr(GError) error = NULL;

  assert_load_fails (in_section, -1, "agreement.clauses[1]: 12345678901234567890 is out of range for an integer");
  assert_load_fails (negative_big, -1, "members[0].revenue: -9223372036854775809 is out of range");
  assert_load_fails (staff_big, -1, "members[0].rd_staff_fulltime: 3000000000 is out of range");
  assert_load_fails (huge_double, -1, "members[0].revenue: expected an integer, found 1e+300");
  assert_load_fails (bad_exceptions, -1, "exceptions: expected an array, found an object");
  assert_load_fails (year_zero, -1, "members[0].fiscal_years[0].year: 0 is out of range");
  /* a duplicate key: the last one counts, as in json-glib */
  assert_load_fails (bad_section_type, -1, "lists: expected an object, found an array");
  assert_load_fails ("{\"format\": \"consortium/1\"", -1, "invalid JSON: the file ends at line 1");
  assert_load_fails ("{\"format\": \"consort", -1, "invalid JSON: the file ends at line 1");
  assert_load_fails ("{\"format\": [1, 2}", -1, "invalid JSON at line 1, column");
  assert_load_fails ("{\"format\": null}", -1, "format: expected a string, found null");
  assert_load_fails ("{\"format\": \"consortium/1\", \"name\": \"x\"}", -1, "industry: required key is missing");
  assert_load_fails ("   \n ", -1, "the file is empty");
  /* a nul byte inside the given length is not text */
  assert_load_fails ("{\"format\"\0: 1}", 14, "the file is not valid UTF-8 text: byte 9 (line 1)");

  /* digits and brackets inside strings are text, escaped quotes included */
  {
    g_autofree char *tricky = g_strdup_printf (minimal, "", ", \"note\": [\"a\\\" 99999999999999999999 [{\", \"\\\\\", \"\\\\\\\"}\"]");
    g_autoptr(CwbConsortium) loaded = cwb_consortium_file_load_data (tricky, -1, &error);
    g_autofree char *cut = g_strndup (tricky, strstr (tricky, "99999") - tricky);

    g_assert_no_error (error);
    g_assert_nonnull (loaded);
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (cwb_consortium_get_section (loaded, "note")), 0),
                     ==, "a\" 99999999999999999999 [{");
    /* cut inside a string after an escaped quote */
    assert_load_fails (cut, -1, "invalid JSON: the file ends at line 1");
  }

  max = cwb_consortium_file_load_data (max_ok, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (max)), ==, G_MAXINT64);
}

typedef struct {
  const char *file;
  const char *message;
} BadFile;

/* The same table as files/README */
static const BadFile bad_files[] = {
  { "not-json.json", "invalid JSON at line 1, column 4:" },
  { "empty.json", "the file is empty" },
  { "not-object.json", "the file must hold a JSON object, found an array" },
  { "bad-utf8.json", "the file is not valid UTF-8 text: byte 44 (line 3)" },
  { "truncated.json", "invalid JSON: the file ends at line 54, column 10" },
  { "trailing-garbage.json", "invalid JSON at line 108, column 1:" },
  { "wrong-format.json", "format: expected “consortium/1”, found “consortium/2”" },
  { "missing-format.json", "format: required key is missing" },
  { "missing-name.json", "name: required key is missing" },
  { "empty-name.json", "name: must not be empty" },
  { "industry-not-string.json", "industry: expected a string, found an integer" },
  { "missing-lists.json", "lists: required key is missing" },
  { "missing-key-technologies.json", "lists.key_technologies: required key is missing" },
  { "list-item-not-string.json", "lists.key_technologies[2]: expected a string, found an integer" },
  { "standard-unknown-kind.json", "lists.standards[0].kind: unknown value “national”" },
  { "standard-empty-title.json", "lists.standards[0].title: must not be empty" },
  { "executive-staff-fraction.json", "organization.executive_body.fulltime_staff: expected an integer, found 1.5" },
  { "executive-staff-string.json", "organization.executive_body.fulltime_staff: expected an integer, found a string" },
  { "executive-staff-negative.json", "organization.executive_body.fulltime_staff: must not be negative" },
  { "fund-system-not-boolean.json", "fund_management.system: expected a boolean, found a string" },
  { "missing-members.json", "members: required key is missing" },
  { "no-members.json", "members: a consortium needs at least one member" },
  { "member-not-object.json", "members[2]: expected an object, found a string" },
  { "bad-uscc-check.json", "members[1].uscc: check character is “X”, expected “Y”" },
  { "short-uscc.json", "members[0].uscc: a credit code has 18 characters, this one has 17" },
  { "lowercase-uscc.json", "members[1].uscc: character 18 (“y”) is a lowercase letter" },
  { "duplicate-uscc.json", "members[1].uscc: credit code 91460100000000118U is already used by members[0]" },
  { "no-lead.json", "members: no member has “lead”: true" },
  { "two-leads.json", "members[1].lead: members[0] is the lead already" },
  { "lead-not-boolean.json", "members[0].lead: expected a boolean, found a string" },
  { "unknown-kind.json", "members[1].kind: unknown value “company”; expected one of: enterprise, university, research_institute, service_agency, other" },
  { "missing-registered.json", "members[1].registered_in_hainan: required key is missing" },
  { "empty-member-name.json", "members[1].name: must not be empty" },
  { "declarations-not-object.json", "members[1].declarations: expected an object, found an array" },
  { "bad-established-date.json", "members[0].established: “2023-02-29” is not a valid date" },
  { "negative-revenue.json", "members[0].revenue: must not be negative, found -5" },
  { "revenue-out-of-range.json", "members[0].revenue: 99999999999999999999 is out of range for an integer" },
  { "rd-staff-fraction.json", "members[0].rd_staff_fulltime: expected an integer, found 35.5" },
  { "platform-unknown-level.json", "members[0].platforms[0].level: unknown value “county”" },
  { "four-fiscal-years.json", "members[0].fiscal_years: at most 3 fiscal years" },
  { "duplicate-fiscal-year.json", "members[0].fiscal_years[1].year: year 2023 is given twice" },
  { "fiscal-year-sales-string.json", "members[0].fiscal_years[1].sales: expected an integer, found a string" },
  { "exception-bad-date.json", "exceptions[0].date: “2024-4-2” is not a valid date" },
  { "exception-missing-document.json", "exceptions[0].document: required key is missing" },
};

static void
test_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = fixture_path (bad_files[i].file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(CwbConsortium) consortium = NULL;

      g_test_message ("%s", bad_files[i].file);
      consortium = cwb_consortium_file_load (file, NULL, &error);
      g_assert_null (consortium);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      g_assert_null (strstr (error->message, "<data>"));
      if (!g_str_has_prefix (error->message, bad_files[i].message))
        g_error ("%s: expected a message starting with “%s”, got “%s”",
                 bad_files[i].file, bad_files[i].message, error->message);
    }
}

/* Every fixture is in the table, so none goes untested. */
static void
test_bad_files_listed (void)
{
  g_autofree char *path = fixture_path (".");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint n_json = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_json++;
      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        listed |= g_str_equal (bad_files[i].file, name);
      if (!listed)
        g_error ("files/%s is not in the table of bad files", name);
    }

  g_assert_cmpuint (n_json, ==, G_N_ELEMENTS (bad_files));
}

static void
test_unreadable (void)
{
  g_autofree char *missing_path = fixture_path ("does-not-exist.json");
  g_autofree char *dir_path = fixture_path (".");
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  consortium = cwb_consortium_file_load (missing, NULL, &error);
  g_assert_null (consortium);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  consortium = cwb_consortium_file_load (dir, NULL, &error);
  g_assert_null (consortium);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
}

static void
test_cancelled (void)
{
  g_autofree char *path = cwb_test_example_path ("deep-sea.consortium.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  g_cancellable_cancel (cancellable);
  consortium = cwb_consortium_file_load (file, cancellable, &error);
  g_assert_null (consortium);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The loader's own parser (cwb-consortium-file-parse.c) builds what
 * json-glib builds, or leaves the text to json-glib */

/* NULL when the own parser gives up; else its tree, checked against json-glib's */
static JsonNode *
parse_both (const char *text,
            gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  JsonNode *own = _cwb_consortium_text_parse (text, len, 64);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *difference = NULL;

  if (own == NULL)
    return NULL;

  parser = json_parser_new ();
  json_parser_load_from_data (parser, text, (gssize) len, &error);
  g_assert_no_error (error);
  difference = json_tree_difference (own, json_parser_get_root (parser), NULL, NULL, "");
  if (difference != NULL)
    g_error ("%s: %s", text, difference);

  return own;
}

static void
test_own_parser_examples (void)
{
  static const char * const names[] = {
    "deep-sea.consortium.json",
    "seed-industry-small.consortium.json",
    "new-energy-vehicle-fails.consortium.json",
    "broken-uscc.consortium.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = cwb_test_example_path (names[i]);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      gsize length = 0;

      g_file_get_contents (path, &text, &length, &error);
      g_assert_no_error (error);
      root = parse_both (text, (gssize) length);
      g_assert_nonnull (root);
    }
}

static void
test_own_parser_same_tree (void)
{
  static const char * const texts[] = {
    "{}",
    " \n\t\r{ } \n",
    "{\"a\": []}",
    "{\"a\": {}}",
    "{\"a\": [1, -2, 0, -0, 123456789012345678, -123456789012345678]}",
    "{\"k\": \"a\\\"b\\\\c\\nd\\re\\tf\"}",
    "{\"a\\\"b\": 1, \"c\": \"\"}",
    "{\"a\":null,\"b\":true,\"c\":false,\"d\":[null,true,false]}",
    "{\"名称\": \"海南省深海科技创新联合体\", \"列表\": [\"一\", \"二\"]}",
    "{\"a\": [[[[{\"b\": [{}]}]]]], \"c\": {\"d\": {\"e\": 5}}}",
    "{\"z\": 1, \"a\": 2, \"m\": 3}",
  };
  g_autoptr(GString) long_text = g_string_new ("{\"");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) root = parse_both (texts[i], -1);

      if (root == NULL)
        g_error ("the own parser gave up on %s", texts[i]);
    }

  /* a key and a string longer than what goes on the stack */
  for (guint i = 0; i < 300; i++)
    g_string_append (long_text, "键");
  g_string_append (long_text, "\": \"");
  for (guint i = 0; i < 700; i++)
    g_string_append (long_text, "值");
  g_string_append (long_text, "\", \"b\": \"");
  for (guint i = 0; i < 700; i++)
    g_string_append (long_text, "x\\n");
  g_string_append (long_text, "\"}");
  {
    g_autoptr(JsonNode) root = parse_both (long_text->str, -1);

    g_assert_nonnull (root);
  }
}

/* what json-glib parses differently, or refuses in its own words */
static void
test_own_parser_gives_up (void)
{
  static const char * const texts[] = {
    "", "   ", "[1]", "\"a\"", "1", "null",
    "{\"a\": 1.5}", "{\"a\": 1e3}", "{\"a\": 1E3}", "{\"a\": -1.0}",
    "{\"a\": 010}", "{\"a\": 0x10}", "{\"a\": 00}", "{\"a\": -01}",
    "{\"a\": 1234567890123456789}", "{\"a\": -9223372036854775808}",
    "{\"a\": \"\\u00e9\"}", "{\"a\": \"\\/\"}", "{\"a\": \"\\b\"}", "{\"a\": \"\\f\"}",
    "{\"a\": \"\\x\"}", "{\"a\\u0000\": 1}",
    "{\"a\": \"x\ty\"}", "{\"a\": \"x\ny\"}",
    "{\"a\": 1,}", "{\"a\": [1,]}", "{,}", "{\"a\" 1}", "{\"a\": }", "{\"a\": 1 \"b\": 2}",
    "{\"\": 1}", "{\"a\": 1, \"a\": 2}",
    "/* c */ {}", "{} x", "{}{}", "\xef\xbb\xbf{}", "{\"a\": True}", "{\"a\": nul}",
    "{\"a\": truex}", "{\"a\": - 1}", "{\"a\": -}", "{\"a\":\f1}", "{\"a\": 1\f}",
    "{'a': 1}", "{a: 1}", "{\"a\": \"\xff\"}", "{\"a\": \"unterminated}", "{\"a\": [1, 2",
    "{\"a\": 5a}", "{\"a\": +1}", "{\"a\": .5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) root = _cwb_consortium_text_parse (texts[i], strlen (texts[i]), 64);

      if (root != NULL)
        g_error ("the own parser took %s", texts[i]);
    }

  /* deeper than allowed */
  {
    static const char nested[] = "{\"a\": [[]]}";
    g_autoptr(JsonNode) ok = _cwb_consortium_text_parse (nested, sizeof nested - 1, 3);
    g_autoptr(JsonNode) deep = _cwb_consortium_text_parse (nested, sizeof nested - 1, 2);

    g_assert_nonnull (ok);
    g_assert_null (deep);
  }

  /* a NUL inside */
  {
    static const char with_nul[] = "{\"a\": \"x\0y\"}";
    g_autoptr(JsonNode) root = _cwb_consortium_text_parse (with_nul, sizeof with_nul - 1, 64);

    g_assert_null (root);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/consortium/member/properties", test_member_properties);
  g_test_add_func ("/consortium/copy-equal", test_consortium_copy_equal);
  g_test_add_func ("/consortium/lists-and-sections", test_consortium_lists_and_sections);
  g_test_add_func ("/consortium-file/example/deep-sea", test_example_deep_sea);
  g_test_add_func ("/consortium-file/example/others", test_example_others);
  g_test_add_func ("/consortium-file/example/broken-uscc", test_example_broken_uscc);
  g_test_add_func ("/consortium-file/round-trip", test_round_trip);
  g_test_add_func ("/consortium-file/save", test_save_file);
  g_test_add_func ("/consortium-file/save-fails", test_save_fails);
  g_test_add_func ("/consortium-file/sections-survive", test_sections_survive);
  g_test_add_func ("/consortium-file/optional-figures", test_optional_figures);
  g_test_add_func ("/consortium-file/bad/inline", test_bad_inline);
  g_test_add_func ("/consortium-file/bad/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/consortium-file/bad/infinite-number", test_infinite_number);
  g_test_add_func ("/consortium-file/bad/out-of-range-anywhere", test_out_of_range_anywhere);
  g_test_add_func ("/consortium-file/bad/number-only", test_number_only);
  g_test_add_func ("/consortium-file/bad/deep-nesting", test_deep_nesting);
  g_test_add_func ("/consortium-file/empty-section-key", test_empty_section_key);
  g_test_add_func ("/consortium-file/bad/files", test_bad_files);
  g_test_add_func ("/consortium-file/bad/files-listed", test_bad_files_listed);
  g_test_add_func ("/consortium-file/unreadable", test_unreadable);
  g_test_add_func ("/consortium-file/cancelled", test_cancelled);
  g_test_add_func ("/consortium-file/own-parser/examples", test_own_parser_examples);
  g_test_add_func ("/consortium-file/own-parser/same-tree", test_own_parser_same_tree);
  g_test_add_func ("/consortium-file/own-parser/gives-up", test_own_parser_gives_up);

  return g_test_run ();
}
