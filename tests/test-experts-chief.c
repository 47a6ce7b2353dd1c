/* test-experts-chief.c — chief experts and their history, reviewers, rules E1–E3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cwb.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"
#include "test-experts-fixture.h"

static void
append_step (Fixture    *f,
             gint64      id,
             CwbStage    stage,
             const char *date,
             const char *document)
{
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, NULL);
  g_autoptr(GError) error = NULL;

  cwb_store_append_stage_event (f->store, id, event, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
after_approval (Fixture *f,
                gint64   id,
                guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = cwb_expert_registry_list_chief_history (f->experts, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, history->len);
  return ((CwbChiefAssignment *) g_ptr_array_index (history, index))->after_approval;
}

/* 六(三)(1): a change of chief expert after the consortium's approval (the
 * host's lifecycle) is flagged; the first choice and earlier changes are not */
static void
test_chief_after_approval (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) second = make_expert ("赵新", "深海科技", "海南大学", "");
  g_autoptr(CwbExpert) third = make_expert ("钱进", "深海科技", "三亚学院", "");
  gint64 id = import_example (f, DEEP_SEA, NULL);
  gint64 first = cwb_expert_registry_get_chief (f->experts, id);

  g_assert_cmpint (first, >, 0);
  g_assert_true (cwb_expert_registry_add (f->experts, second, &error));
  g_assert_true (cwb_expert_registry_add (f->experts, third, &error));
  g_assert_no_error (error);

  /* a change before approval: not flagged, not even once approved */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-02-01",
                                                "调整", &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 0));
  g_assert_false (after_approval (f, id, 1));

  append_step (f, id, CWB_STAGE_SUBMITTED, "2099-01-05", NULL);
  append_step (f, id, CWB_STAGE_VERIFYING, "2099-01-12", NULL);
  append_step (f, id, CWB_STAGE_RECOMMENDED, "2099-02-20", NULL);
  append_step (f, id, CWB_STAGE_APPROVED, "2099-04-01", "琼科〔2099〕1号");
  g_assert_false (after_approval (f, id, 1));

  /* a change on the day of approval is the approved state */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (third), "2099-04-01",
                                                "审定前确定", &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 2));

  /* after it: flagged */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-09-01",
                                                "工作调动", &error));
  g_assert_no_error (error);
  g_assert_true (after_approval (f, id, 3));
  g_assert_false (after_approval (f, id, 2));

  /* taking the approval back takes the flag with it */
  g_assert_true (cwb_store_remove_last_stage_event (f->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 3));
}

/* A lead's new version of its file, imported over the stored consortium,
 * does not take away what staff recorded: the chief experts' history, the
 * reviewers and their opinions */
static void
test_replace_keeps_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) second = make_expert ("赵新", "深海科技", "海南大学", "");
  g_autoptr(CwbExpert) reviewer = make_expert ("钱进", "深海科技", "三亚学院", "");
  g_autoptr(CwbConsortium) again = cwb_test_load_example (DEEP_SEA);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  gint64 id = import_example (f, DEEP_SEA, NULL);
  gint64 first = cwb_expert_registry_get_chief (f->experts, id);

  g_assert_true (cwb_expert_registry_add (f->experts, second, &error));
  g_assert_true (cwb_expert_registry_add (f->experts, reviewer, &error));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-02-01",
                                                "工作调动", &error));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, first, "2099-03-01", "回任", &error));
  g_assert_true (cwb_expert_registry_add_reviewer (f->experts, id, cwb_expert_get_id (reviewer), &error));
  g_assert_true (cwb_expert_registry_set_reviewer_opinion (f->experts, id, cwb_expert_get_id (reviewer),
                                                           "同意组建", "2099-03-05", &error));
  g_assert_no_error (error);

  /* the file names the same chief expert as now */
  g_assert_true (cwb_store_import_consortium (f->store, again, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (again), ==, id);

  history = cwb_expert_registry_list_chief_history (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((CwbChiefAssignment *) g_ptr_array_index (history, 1))->reason, ==, "工作调动");
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, first);

  reviewers = cwb_expert_registry_list_reviewers (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviewers->len, ==, 1);
  g_assert_cmpstr (((CwbReviewer *) g_ptr_array_index (reviewers, 0))->opinion, ==, "同意组建");
}

/* A consortium imported while no registry listened (the command line, in
 * another process) is matched when a page calls cwb_expert_registry_sync_all(). */
static void
test_chief_sync_all (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "workbench.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 5, 1, 9, 0, 0);
  g_autoptr(CwbStore) other = NULL;
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (DEEP_SEA);
  gint64 id;

  /* a second store on the same file stands for the other process */
  other = cwb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (other, consortium, FALSE, &error));
  g_assert_no_error (error);
  id = cwb_consortium_get_id (consortium);
  g_clear_object (&other);

  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, 0);
  g_assert_true (cwb_expert_registry_sync_all (f->experts, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), >, 0);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a second pass changes nothing */
  g_assert_true (cwb_expert_registry_sync_all (f->experts, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);
}

static void
test_chief_import_and_history (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonNode) section = NULL;
  g_autoptr(CwbExpert) imported = NULL;
  g_autoptr(CwbExpert) next = make_expert ("赵新", "深海科技", "海南大学", "");
  gint64 id, chief, other;
  CwbChiefAssignment *a;

  /* importing a consortium matches (here: adds) its chief expert */
  id = import_example (f, DEEP_SEA, NULL);
  chief = cwb_expert_registry_get_chief (f->experts, id);
  g_assert_cmpint (chief, >, 0);
  imported = cwb_expert_registry_get (f->experts, chief, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_expert_get_name (imported), ==, "王某某");
  g_assert_cmpstr (cwb_expert_get_affiliation_uscc (imported), ==, GOOD_USCC);
  g_assert_true (cwb_expert_get_is_chief (imported));
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a second consortium with the same chief expert matches the same one */
  other = import_example (f, NEV, NULL);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, other), ==, chief);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* removal is refused, naming both consortia */
  g_assert_false (cwb_expert_registry_remove (f->experts, chief, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "深海"));
  g_clear_error (&error);

  /* a change: history with dates and reason, the section follows */
  g_assert_true (cwb_expert_registry_add (f->experts, next, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "2026-13-01", "x", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "1999-01-01", "x", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_chief_changed_after (f->experts, id, "2000-01-01"));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "2099-05-01",
                                                "工作调动", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, cwb_expert_get_id (next));

  history = cwb_expert_registry_list_chief_history (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  a = g_ptr_array_index (history, 0);
  g_assert_cmpint (a->expert_id, ==, chief);
  g_assert_cmpstr (a->to_date, ==, "2099-05-01");
  a = g_ptr_array_index (history, 1);
  g_assert_cmpstr (a->expert_name, ==, "赵新");
  g_assert_cmpstr (a->from_date, ==, "2099-05-01");
  g_assert_null (a->to_date);
  g_assert_cmpstr (a->reason, ==, "工作调动");
  g_assert_true (cwb_expert_registry_chief_changed_after (f->experts, id, "2099-04-30"));
  g_assert_false (cwb_expert_registry_chief_changed_after (f->experts, id, "2099-05-01"));

  section = cwb_store_get_section (f->store, id, "chief_expert", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (section), "name"), ==, "赵新");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (section), "field"), ==, "深海科技");

  /* the section travels through the consortium file */
  {
    g_autoptr(CwbConsortium) loaded = cwb_store_load_consortium (f->store, id, &error);
    g_autofree char *text = NULL;
    g_autoptr(CwbConsortium) back = NULL;

    g_assert_no_error (error);
    text = cwb_consortium_to_data (loaded, NULL);
    back = cwb_consortium_file_load_data (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cwb_expert_registry_match_section (f->experts, cwb_consortium_get_section (back, "chief_expert")),
                     ==, cwb_expert_get_id (next));
  }

  /* the former chief expert stays chief of the other consortium */
  {
    g_auto(GStrv) elsewhere = cwb_expert_registry_list_chief_elsewhere (f->experts, chief, 0);

    g_assert_cmpuint (g_strv_length (elsewhere), ==, 1);
  }
}

static CwbCheckResult *
find_result (CwbCheckReport *report,
             const char     *rule)
{
  return cwb_check_report_lookup (report, rule);
}

static CwbCheckReport *
check (Fixture       *f,
       CwbConsortium *consortium,
       gboolean       with_store)
{
  g_autoptr(CwbContext) context = cwb_context_new (f->rules, with_store ? f->store : NULL, NULL, f->engine);

  return cwb_context_check (context, consortium);
}

static void
copy_member (JsonObject *from,
             const char *name,
             JsonNode   *node,
             JsonObject *to)
{
  json_object_set_member (to, name, json_node_copy (node));
}

static void
test_e1 (Fixture       *f,
         gconstpointer  data)
{
  static const char * const keys[] = { "name", "title", "field", "affiliation_uscc" };
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (DEEP_SEA);
  g_autoptr(CwbCheckReport) report = check (f, consortium, FALSE);

  g_assert_cmpint (cwb_check_result_get_status (find_result (report, "E1")), ==, CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_strength (find_result (report, "E1")), ==, CWB_STRENGTH_HARD);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(JsonNode) section = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(CwbCheckReport) r = NULL;
      JsonObject *object;

      object = json_object_new ();
      json_object_foreach_member (json_node_get_object (cwb_consortium_get_section (consortium, "chief_expert")),
                                  (JsonObjectForeach) copy_member, object);
      json_node_take_object (section, object);
      json_object_set_string_member (object, keys[i], " ");
      {
        g_autoptr(CwbConsortium) copy = cwb_consortium_copy (consortium);

        cwb_consortium_set_section (copy, "chief_expert", section);
        r = check (f, copy, FALSE);
      }
      g_assert_cmpint (cwb_check_result_get_status (find_result (r, "E1")), ==, CWB_STATUS_FAIL);
      g_assert_nonnull (cwb_check_result_get_remedy (find_result (r, "E1")));
    }

  cwb_consortium_set_section (consortium, "chief_expert", NULL);
  {
    g_autoptr(CwbCheckReport) r = check (f, consortium, FALSE);

    g_assert_cmpint (cwb_check_result_get_status (find_result (r, "E1")), ==, CWB_STATUS_FAIL);
    g_assert_null (find_result (r, "E2"));
    g_assert_null (find_result (r, "E3"));
  }
}

static void
test_e2_e3 (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) deep = cwb_test_load_example (DEEP_SEA);
  g_autoptr(CwbConsortium) nev = cwb_test_load_example (NEV);
  g_autoptr(CwbCheckReport) r1 = check (f, deep, FALSE);
  g_autoptr(CwbCheckReport) r2 = check (f, nev, FALSE);
  g_autoptr(CwbCheckReport) r3 = NULL;
  g_autoptr(CwbCheckReport) r4 = NULL;
  g_autoptr(CwbConsortium) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deep_id;

  g_assert_cmpint (cwb_check_result_get_status (find_result (r1, "E2")), ==, CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r2, "E2")), ==, CWB_STATUS_INFO);
  /* no store: no E3 */
  g_assert_null (find_result (r1, "E3"));

  deep_id = import_example (f, DEEP_SEA, NULL);
  stored = cwb_store_load_consortium (f->store, deep_id, &error);
  g_assert_no_error (error);
  r3 = check (f, stored, TRUE);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r3, "E3")), ==, CWB_STATUS_PASS);

  /* the same chief expert leads another consortium */
  import_example (f, NEV, NULL);
  r4 = check (f, stored, TRUE);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r4, "E3")), ==, CWB_STATUS_INFO);
  g_assert_nonnull (strstr (cwb_check_result_get_message (find_result (r4, "E3")),
                            cwb_consortium_get_name (nev)));
}

static void
test_reviewers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(CwbExpert) member_expert = make_expert ("成员单位专家", "深海科技", "成员单位", "");
  g_autofree char *path = g_build_filename (f->dir, "reviewers.xlsx", NULL);
  const char *member_uscc;
  gint64 id, free_id, chief;
  CwbReviewer *r;

  id = import_example (f, DEEP_SEA, NULL);
  consortium = cwb_store_load_consortium (f->store, id, &error);
  g_assert_no_error (error);
  chief = cwb_expert_registry_get_chief (f->experts, id);
  member_uscc = cwb_member_get_uscc (g_ptr_array_index (cwb_consortium_get_members (consortium), 1));
  cwb_expert_set_affiliation_uscc (member_expert, member_uscc);
  g_assert_true (cwb_expert_registry_add (f->experts, member_expert, &error));
  g_assert_no_error (error);
  free_id = add (f, "独立专家", "深海科技；海洋装备", "三亚深海所", "");
  add (f, "无关专家", "数字经济", "海口某所", "");

  suggested = cwb_expert_registry_suggest_reviewers (f->experts, consortium, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggested->len, ==, 3);
  r = g_ptr_array_index (suggested, 0);
  g_assert_cmpint (cwb_expert_get_id (r->expert), ==, free_id);
  g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_NONE);
  g_assert_null (r->reason);
  for (guint i = 1; i < 3; i++)
    {
      r = g_ptr_array_index (suggested, i);
      if (cwb_expert_get_id (r->expert) == chief)
        g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_CHIEF);
      else
        {
          g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_MEMBER);
          g_assert_nonnull (strstr (r->reason,
                                    cwb_member_get_name (g_ptr_array_index (cwb_consortium_get_members (consortium), 1))));
        }
      g_assert_nonnull (r->reason);
    }

  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, cwb_expert_get_id (member_expert), &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, chief, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cwb_expert_registry_add_reviewer (f->experts, id, free_id, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, free_id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (cwb_expert_registry_set_reviewer_opinion (f->experts, id, free_id, "同意组建", "2026-03-01", &error));
  g_assert_no_error (error);

  chosen = cwb_expert_registry_list_reviewers (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, 1);
  r = g_ptr_array_index (chosen, 0);
  g_assert_cmpstr (r->opinion, ==, "同意组建");
  g_assert_cmpstr (r->date, ==, "2026-03-01");

  /* a reviewer cannot be removed from the registry */
  g_assert_false (cwb_expert_registry_remove (f->experts, free_id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, cwb_consortium_get_name (consortium)));
  g_clear_error (&error);

  g_assert_true (cwb_expert_registry_export_reviewers (f->experts, id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (cwb_expert_registry_remove_reviewer (f->experts, id, free_id, &error));
  g_assert_no_error (error);
  g_assert_true (cwb_expert_registry_remove (f->experts, free_id, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  EXPERTS_TEST_ADD ("/experts/chief/import-and-history", test_chief_import_and_history);
  EXPERTS_TEST_ADD ("/experts/chief/sync-all", test_chief_sync_all);
  EXPERTS_TEST_ADD ("/experts/chief/after-approval", test_chief_after_approval);
  EXPERTS_TEST_ADD ("/experts/chief/replace-keeps-records", test_replace_keeps_records);
  EXPERTS_TEST_ADD ("/experts/reviewers", test_reviewers);
  EXPERTS_TEST_ADD ("/experts/check/e1", test_e1);
  EXPERTS_TEST_ADD ("/experts/check/e2-e3", test_e2_e3);

  return g_test_run ();
}
