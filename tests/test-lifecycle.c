/* test-lifecycle.c — a consortium's review, approval and term: the pure
 * functions (cwb-lifecycle.h), the consortium file's "lifecycle" and the
 * store's lifecycle_event table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests run under C.UTF-8, so messages are the English msgids.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb.h"
#include "cwb-consortium-file.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"

#define EXAMPLE "seed-industry-small.consortium.json"

typedef struct
{
  CwbStage    stage;
  const char *date;
  const char *document;
} Step;

/* (transfer full) (element-type CwbStageEvent) */
static GPtrArray *
make_events (const Step *steps,
             guint       n_steps)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_stage_event_free);

  for (guint i = 0; i < n_steps; i++)
    g_ptr_array_add (events, cwb_stage_event_new (steps[i].stage, steps[i].date, steps[i].document, NULL));

  return events;
}

#define MAKE_EVENTS(...) \
  make_events ((const Step[]) { __VA_ARGS__ }, G_N_ELEMENTS (((const Step[]) { __VA_ARGS__ })))

/* submitted → verifying → recommended → approved on @approved */
static GPtrArray *
approved_on (const char *approved)
{
  return MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2023-10-09", NULL },
                      { CWB_STAGE_VERIFYING, "2023-10-20", NULL },
                      { CWB_STAGE_RECOMMENDED, "2023-11-15", NULL },
                      { CWB_STAGE_APPROVED, approved, "琼科〔2024〕12号" });
}

static void
assert_events_equal (const GPtrArray *a,
                     const GPtrArray *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const CwbStageEvent *x = g_ptr_array_index (a, i);
      const CwbStageEvent *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->stage, ==, y->stage);
      g_assert_cmpstr (x->date, ==, y->date);
      g_assert_cmpstr (x->document, ==, y->document);
      g_assert_cmpstr (x->note, ==, y->note);
    }
}

/* ------------------------------------------------------------------ */
/* transitions                                                         */

static void
assert_next (CwbStage        stage,
             const CwbStage *expected,
             guint           n_expected)
{
  const CwbStage *next;
  guint n = G_MAXUINT;

  next = cwb_stage_get_next (NULL, stage, &n);
  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (next[i], ==, expected[i]);

  /* can_follow agrees with get_next for every pair */
  for (CwbStage s = CWB_STAGE_DRAFT; s <= CWB_STAGE_DISSOLVED; s++)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < n_expected; i++)
        listed |= expected[i] == s;
      g_assert_cmpint (cwb_stage_can_follow (NULL, s, stage), ==, listed);
    }
}

#define ASSERT_NEXT(stage, ...) \
  assert_next (stage, (const CwbStage[]) { __VA_ARGS__ }, \
               G_N_ELEMENTS (((const CwbStage[]) { __VA_ARGS__ })))

static void
test_transitions (void)
{
  const CwbStage *next;
  guint n;

  ASSERT_NEXT (CWB_STAGE_DRAFT, CWB_STAGE_SUBMITTED, CWB_STAGE_APPROVED);
  ASSERT_NEXT (CWB_STAGE_SUBMITTED, CWB_STAGE_VERIFYING, CWB_STAGE_RETURNED, CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_VERIFYING, CWB_STAGE_RECOMMENDED, CWB_STAGE_RETURNED, CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_RECOMMENDED, CWB_STAGE_APPROVING, CWB_STAGE_APPROVED, CWB_STAGE_REJECTED,
               CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_RETURNED, CWB_STAGE_SUBMITTED, CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_APPROVING, CWB_STAGE_APPROVED, CWB_STAGE_REJECTED, CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_REJECTED, CWB_STAGE_SUBMITTED);
  ASSERT_NEXT (CWB_STAGE_APPROVED, CWB_STAGE_CONTINUED, CWB_STAGE_NOT_CONTINUED, CWB_STAGE_DELISTED,
               CWB_STAGE_CANCELLED, CWB_STAGE_DISSOLVED);
  ASSERT_NEXT (CWB_STAGE_CONTINUED, CWB_STAGE_CONTINUED, CWB_STAGE_NOT_CONTINUED, CWB_STAGE_DELISTED,
               CWB_STAGE_CANCELLED, CWB_STAGE_DISSOLVED);

  /* the final stages: nothing follows */
  for (CwbStage s = CWB_STAGE_NOT_CONTINUED; s <= CWB_STAGE_DISSOLVED; s++)
    {
      n = G_MAXUINT;
      next = cwb_stage_get_next (NULL, s, &n);
      g_assert_cmpuint (n, ==, 0);
      g_assert_null (next);
      for (CwbStage t = CWB_STAGE_DRAFT; t <= CWB_STAGE_DISSOLVED; t++)
        g_assert_false (cwb_stage_can_follow (NULL, t, s));
    }

  g_assert_true (cwb_stage_can_follow (NULL, CWB_STAGE_APPROVED, CWB_STAGE_DRAFT));
  g_assert_false (cwb_stage_can_follow (NULL, CWB_STAGE_VERIFYING, CWB_STAGE_DRAFT));
  /* nothing ever goes back to a draft */
  for (CwbStage s = CWB_STAGE_DRAFT; s <= CWB_STAGE_DISSOLVED; s++)
    g_assert_false (cwb_stage_can_follow (NULL, CWB_STAGE_DRAFT, s));
}

static void
test_labels (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (cwb_stage_get_label (CWB_STAGE_DRAFT), ==, "Draft");
  g_assert_cmpstr (cwb_stage_get_label (CWB_STAGE_APPROVED), ==, "Approved");
  g_assert_cmpstr (cwb_stage_get_label (CWB_STAGE_DISSOLVED), ==, "Dissolved");

  for (CwbStage s = CWB_STAGE_DRAFT; s <= CWB_STAGE_DISSOLVED; s++)
    {
      const char *label = cwb_stage_get_label (s);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (seen, label));
      g_hash_table_add (seen, (gpointer) label);
    }

  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_APPROVED));
  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_REJECTED));
  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_CONTINUED));
  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_NOT_CONTINUED));
  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_DELISTED));
  g_assert_true (cwb_stage_needs_document (NULL, CWB_STAGE_CANCELLED));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_DRAFT));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_SUBMITTED));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_VERIFYING));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_RECOMMENDED));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_RETURNED));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_APPROVING));
  g_assert_false (cwb_stage_needs_document (NULL, CWB_STAGE_DISSOLVED));
}

static void
test_get_stage (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) events = approved_on ("2024-03-01");

  g_assert_cmpint (cwb_lifecycle_get_stage (NULL), ==, CWB_STAGE_DRAFT);
  g_assert_cmpint (cwb_lifecycle_get_stage (none), ==, CWB_STAGE_DRAFT);
  g_assert_cmpint (cwb_lifecycle_get_stage (events), ==, CWB_STAGE_APPROVED);
}

/* ------------------------------------------------------------------ */
/* check_next                                                          */

static void
assert_refused (GPtrArray           *events,
                const CwbStageEvent *event,
                const char          *today,
                const char          *expected_message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cwb_lifecycle_check_next (NULL, events, event, today, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
assert_accepted (GPtrArray           *events,
                 const CwbStageEvent *event,
                 const char          *today)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cwb_lifecycle_check_next (NULL, events, event, today, &error));
  g_assert_no_error (error);
}

static void
test_check_next (void)
{
  g_autoptr(GPtrArray) submitted = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2024-01-10", NULL });
  g_autoptr(GPtrArray) recommended = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2024-01-10", NULL },
                                                  { CWB_STAGE_VERIFYING, "2024-01-20", NULL },
                                                  { CWB_STAGE_RECOMMENDED, "2024-02-01", NULL });
  g_autoptr(GPtrArray) dissolved = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2024-01-10", NULL },
                                                { CWB_STAGE_DISSOLVED, "2024-01-11", NULL });
  CwbStageEvent event = { 0 };

  /* a stage that cannot follow names both stages and the possible ones */
  event = (CwbStageEvent) { CWB_STAGE_APPROVED, (char *) "2024-02-01", (char *) "琼科〔2024〕12号", NULL };
  assert_refused (submitted, &event, NULL,
                  "“Approved” cannot follow “Submitted”; the next step may be "
                  "“Being verified by the city/county office”, “Returned by the city/county office”, "
                  "“Dissolved”");

  /* with nothing recorded: a draft */
  event = (CwbStageEvent) { CWB_STAGE_VERIFYING, (char *) "2024-02-01", NULL, NULL };
  assert_refused (NULL, &event, NULL,
                  "“Being verified by the city/county office” cannot follow “Draft”; "
                  "the next step may be “Submitted”, “Approved”");

  /* a draft is never recorded */
  event = (CwbStageEvent) { CWB_STAGE_DRAFT, (char *) "2024-02-01", NULL, NULL };
  assert_refused (NULL, &event, NULL,
                  "“Draft” cannot follow “Draft”; the next step may be “Submitted”, “Approved”");

  /* an ended consortium */
  event = (CwbStageEvent) { CWB_STAGE_SUBMITTED, (char *) "2024-02-01", NULL, NULL };
  assert_refused (dissolved, &event, NULL,
                  "“Submitted” cannot be recorded: the consortium has ended (“Dissolved”)");

  /* a date before the previous step's */
  event = (CwbStageEvent) { CWB_STAGE_VERIFYING, (char *) "2024-01-09", NULL, NULL };
  assert_refused (submitted, &event, NULL,
                  "the date 2024-01-09 is before the previous step (“Submitted”, 2024-01-10)");
  /* the same day is fine */
  event.date = (char *) "2024-01-10";
  assert_accepted (submitted, &event, "2024-01-10");

  /* a date after today */
  event.date = (char *) "2024-03-02";
  assert_refused (submitted, &event, "2024-03-01",
                  "the date 2024-03-02 is in the future (today is 2024-03-01)");
  /* without today any date goes */
  assert_accepted (submitted, &event, NULL);
  /* today itself is fine */
  assert_accepted (submitted, &event, "2024-03-02");

  /* bad dates */
  event.date = (char *) "2024-02-30";
  assert_refused (submitted, &event, NULL,
                  "“2024-02-30” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01");
  event.date = (char *) "2024/03/01";
  assert_refused (submitted, &event, NULL,
                  "“2024/03/01” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01");
  event.date = (char *) "2024-3-1";
  assert_refused (submitted, &event, NULL,
                  "“2024-3-1” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01");
  event.date = NULL;
  assert_refused (submitted, &event, NULL,
                  "“” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01");

  /* a decision without its document number: NULL, empty, blank */
  event = (CwbStageEvent) { CWB_STAGE_APPROVED, (char *) "2024-03-01", NULL, NULL };
  assert_refused (recommended, &event, NULL,
                  "“Approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");
  event.document = (char *) "";
  assert_refused (recommended, &event, NULL,
                  "“Approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");
  event.document = (char *) "　";
  assert_refused (recommended, &event, NULL,
                  "“Approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");
  event.document = (char *) " \t";
  assert_refused (recommended, &event, NULL,
                  "“Approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");
  event.stage = CWB_STAGE_REJECTED;
  event.document = NULL;
  assert_refused (recommended, &event, NULL,
                  "“Not approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");

  /* good ones */
  event = (CwbStageEvent) { CWB_STAGE_APPROVED, (char *) "2024-03-01", (char *) "琼科〔2024〕12号", NULL };
  assert_accepted (recommended, &event, "2024-03-01");
  event = (CwbStageEvent) { CWB_STAGE_APPROVED, (char *) "2020-05-06", (char *) "琼科〔2020〕3号", NULL };
  assert_accepted (NULL, &event, "2024-03-01");
  /* a step that is no decision needs no document */
  event = (CwbStageEvent) { CWB_STAGE_APPROVING, (char *) "2024-02-02", NULL, NULL };
  assert_accepted (recommended, &event, "2024-03-01");
}

/* ------------------------------------------------------------------ */
/* term                                                                */

static void
assert_term (GPtrArray  *events,
             const char *expected_start,
             const char *expected_end)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_assert_true (cwb_lifecycle_get_term (NULL, events, &start, &end));
  g_assert_cmpstr (start, ==, expected_start);
  g_assert_cmpstr (end, ==, expected_end);
}

static void
add_step (GPtrArray  *events,
          CwbStage    stage,
          const char *date,
          const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, NULL);

  /* every sequence used here must be one check_next accepts */
  g_assert_true (cwb_lifecycle_check_next (NULL, events, event, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_add (events, g_steal_pointer (&event));
}

static void
test_term (void)
{
  g_autoptr(GPtrArray) events = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) leap = approved_on ("2024-02-29");
  g_autoptr(GPtrArray) early = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) late = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) on_end = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) leap_continued = approved_on ("2024-02-29");
  g_autofree char *end = NULL;

  assert_term (events, "2024-03-01", "2027-03-01");
  /* both out-parameters are optional */
  g_assert_true (cwb_lifecycle_get_term (NULL, events, NULL, NULL));
  g_assert_true (cwb_lifecycle_get_term (NULL, events, NULL, &end));
  g_assert_cmpstr (end, ==, "2027-03-01");

  /* no 29 February in 2027 */
  assert_term (leap, "2024-02-29", "2027-02-28");

  /* continued before the old term's end: the new term follows on */
  add_step (early, CWB_STAGE_CONTINUED, "2027-01-10", "琼科〔2027〕5号");
  assert_term (early, "2027-03-01", "2030-03-01");
  /* and again, twice in a row */
  add_step (early, CWB_STAGE_CONTINUED, "2029-12-01", "琼科〔2029〕9号");
  assert_term (early, "2030-03-01", "2033-03-01");

  /* continued after it: the new term starts on the decision */
  add_step (late, CWB_STAGE_CONTINUED, "2027-05-01", "琼科〔2027〕8号");
  assert_term (late, "2027-05-01", "2030-05-01");

  /* continued on the old term's last day */
  add_step (on_end, CWB_STAGE_CONTINUED, "2027-03-01", "琼科〔2027〕6号");
  assert_term (on_end, "2027-03-01", "2030-03-01");

  /* a leap-day term continued early follows its (clamped) end */
  add_step (leap_continued, CWB_STAGE_CONTINUED, "2027-01-10", "琼科〔2027〕5号");
  assert_term (leap_continued, "2027-02-28", "2030-02-28");
}

static void
test_expired (void)
{
  g_autoptr(GPtrArray) events = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) continued = approved_on ("2024-03-01");
  g_autoptr(GPtrArray) submitted = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2020-01-10", NULL });

  g_assert_false (cwb_lifecycle_is_expired (NULL, events, "2024-03-01"));
  g_assert_false (cwb_lifecycle_is_expired (NULL, events, "2027-02-28"));
  g_assert_false (cwb_lifecycle_is_expired (NULL, events, "2027-03-01"));
  g_assert_true (cwb_lifecycle_is_expired (NULL, events, "2027-03-02"));
  g_assert_true (cwb_lifecycle_is_expired (NULL, events, "2031-01-01"));

  /* the final evaluation recorded: no longer due */
  add_step (events, CWB_STAGE_NOT_CONTINUED, "2027-04-01", "琼科〔2027〕7号");
  g_assert_false (cwb_lifecycle_is_expired (NULL, events, "2027-03-02"));
  g_assert_false (cwb_lifecycle_is_expired (NULL, events, "2031-01-01"));

  /* a continuation: due at the new term's end */
  add_step (continued, CWB_STAGE_CONTINUED, "2027-01-10", "琼科〔2027〕5号");
  g_assert_false (cwb_lifecycle_is_expired (NULL, continued, "2027-03-02"));
  g_assert_false (cwb_lifecycle_is_expired (NULL, continued, "2030-03-01"));
  g_assert_true (cwb_lifecycle_is_expired (NULL, continued, "2030-03-02"));

  /* cancelled: nothing due */
  add_step (continued, CWB_STAGE_CANCELLED, "2028-01-10", "琼科〔2028〕1号");
  g_assert_false (cwb_lifecycle_is_expired (NULL, continued, "2031-01-01"));

  /* never approved */
  g_assert_false (cwb_lifecycle_is_expired (NULL, submitted, "2031-01-01"));
  g_assert_false (cwb_lifecycle_is_expired (NULL, NULL, "2031-01-01"));
}

static void
test_approval_date (void)
{
  g_autoptr(GPtrArray) events = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2022-03-01", NULL },
                                             { CWB_STAGE_VERIFYING, "2022-03-10", NULL },
                                             { CWB_STAGE_RECOMMENDED, "2022-04-01", NULL },
                                             { CWB_STAGE_REJECTED, "2022-05-01", "琼科〔2022〕20号" });
  g_autoptr(GPtrArray) never = MAKE_EVENTS ({ CWB_STAGE_SUBMITTED, "2022-03-01", NULL },
                                            { CWB_STAGE_RETURNED, "2022-03-10", NULL });
  /* sentinels that are not the heap's: the call must set both to NULL */
  char *start = (char *) "not reset";
  char *end = (char *) "not reset";

  g_assert_null (cwb_lifecycle_get_approval_date (events));
  add_step (events, CWB_STAGE_SUBMITTED, "2023-03-01", NULL);
  add_step (events, CWB_STAGE_VERIFYING, "2023-03-10", NULL);
  add_step (events, CWB_STAGE_RECOMMENDED, "2023-04-01", NULL);
  add_step (events, CWB_STAGE_APPROVED, "2023-06-01", "琼科〔2023〕7号");
  add_step (events, CWB_STAGE_CONTINUED, "2026-05-01", "琼科〔2026〕2号");
  g_assert_cmpstr (cwb_lifecycle_get_approval_date (events), ==, "2023-06-01");
  assert_term (events, "2026-06-01", "2029-06-01");

  /* no valid sequence approves twice, but the function is about the first
   * approval whatever the array holds */
  g_ptr_array_add (events, cwb_stage_event_new (CWB_STAGE_APPROVED, "2028-01-01", "琼科〔2028〕1号", NULL));
  g_assert_cmpstr (cwb_lifecycle_get_approval_date (events), ==, "2023-06-01");

  /* never approved */
  g_assert_null (cwb_lifecycle_get_approval_date (never));
  g_assert_null (cwb_lifecycle_get_approval_date (NULL));
  g_assert_false (cwb_lifecycle_get_term (NULL, never, &start, &end));
  g_assert_null (start);
  g_assert_null (end);
  g_assert_false (cwb_lifecycle_get_term (NULL, NULL, NULL, NULL));
}

/* ------------------------------------------------------------------ */
/* the consortium file                                                 */

static void
append_example_lifecycle (CwbConsortium *consortium)
{
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2023-10-09", NULL, "经省系统提交"));
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_VERIFYING, "2023-10-20", NULL, NULL));
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_RECOMMENDED, "2023-11-15", NULL, NULL));
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_APPROVED, "2024-03-01", "琼科〔2024〕12号", NULL));
}

static GBytes *
read_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

static void
test_file_round_trip (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cwb-lifecycle-XXXXXX", &error);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = NULL;
  JsonArray *array;
  JsonObject *step;

  g_assert_no_error (error);
  g_assert_cmpuint (cwb_consortium_get_lifecycle (consortium)->len, ==, 0);
  append_example_lifecycle (consortium);

  first = g_file_new_build_filename (dir, "first.consortium.json", NULL);
  second = g_file_new_build_filename (dir, "second.consortium.json", NULL);

  cwb_consortium_file_save (consortium, first, NULL, &error);
  g_assert_no_error (error);

  loaded = cwb_consortium_file_load (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (cwb_consortium_equal (consortium, loaded));
  assert_events_equal (cwb_consortium_get_lifecycle (consortium), cwb_consortium_get_lifecycle (loaded));

  cwb_consortium_file_save (loaded, second, NULL, &error);
  g_assert_no_error (error);
  first_bytes = read_bytes (first);
  second_bytes = read_bytes (second);
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));

  /* what was written: the file's words, optional keys only when given,
   * "lifecycle" just before "exceptions" */
  root = json_from_string (g_bytes_get_data (first_bytes, NULL), &error);
  g_assert_no_error (error);
  keys = json_object_get_members (json_node_get_object (root));
  g_assert_cmpuint (g_list_length (keys), >=, 2);
  g_assert_cmpstr (g_list_last (keys)->data, ==, "exceptions");
  g_assert_cmpstr (g_list_last (keys)->prev->data, ==, "lifecycle");

  array = json_object_get_array_member (json_node_get_object (root), "lifecycle");
  g_assert_cmpuint (json_array_get_length (array), ==, 4);
  step = json_array_get_object_element (array, 0);
  g_assert_cmpuint (json_object_get_size (step), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (step, "stage"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (step, "date"), ==, "2023-10-09");
  g_assert_cmpstr (json_object_get_string_member (step, "note"), ==, "经省系统提交");
  step = json_array_get_object_element (array, 1);
  g_assert_cmpuint (json_object_get_size (step), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (step, "stage"), ==, "verifying");
  step = json_array_get_object_element (array, 3);
  g_assert_cmpuint (json_object_get_size (step), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (step, "stage"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (step, "date"), ==, "2024-03-01");
  g_assert_cmpstr (json_object_get_string_member (step, "document"), ==, "琼科〔2024〕12号");

  /* the lifecycle counts for equality, and copies carry it */
  {
    g_autoptr(CwbConsortium) copy = cwb_consortium_copy (loaded);
    CwbStageEvent *last;

    g_assert_true (cwb_consortium_equal (copy, loaded));
    assert_events_equal (cwb_consortium_get_lifecycle (copy), cwb_consortium_get_lifecycle (loaded));

    last = g_ptr_array_index (cwb_consortium_get_lifecycle (copy), 3);
    g_free (last->document);
    last->document = g_strdup ("琼科〔2024〕13号");
    g_assert_false (cwb_consortium_equal (copy, loaded));

    cwb_consortium_remove_stage_event (copy, 3);
    g_assert_false (cwb_consortium_equal (copy, loaded));
  }

  cwb_test_remove_tree (dir);
}

static void
test_file_without_lifecycle (void)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  data = cwb_consortium_to_data (consortium, &length);
  g_assert_null (strstr (data, "\"lifecycle\""));
  root = cwb_consortium_to_json (consortium);
  g_assert_false (json_object_has_member (json_node_get_object (root), "lifecycle"));

  loaded = cwb_consortium_file_load_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_consortium_get_lifecycle (loaded)->len, ==, 0);

  /* steps recorded, then all taken back: no key either */
  append_example_lifecycle (consortium);
  g_clear_pointer (&data, g_free);
  data = cwb_consortium_to_data (consortium, &length);
  g_assert_nonnull (strstr (data, "\"lifecycle\""));
  cwb_consortium_clear_lifecycle (consortium);
  g_clear_pointer (&data, g_free);
  data = cwb_consortium_to_data (consortium, &length);
  g_assert_null (strstr (data, "\"lifecycle\""));
}

/* The example's text with "lifecycle" set to @lifecycle_json (removed when
 * NULL), loaded: the error it fails with */
static GError *
load_with_lifecycle (const char *lifecycle_json)
{
  g_autofree char *path = cwb_test_example_path (EXAMPLE);
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  GError *error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);

  json_object_remove_member (json_node_get_object (root), "lifecycle");
  if (lifecycle_json != NULL)
    {
      JsonNode *lifecycle = json_from_string (lifecycle_json, &error);

      g_assert_no_error (error);
      json_object_set_member (json_node_get_object (root), "lifecycle", lifecycle);
    }
  data = json_to_string (root, TRUE);

  consortium = cwb_consortium_file_load_data (data, -1, &error);
  g_assert_true ((consortium == NULL) == (error != NULL));

  return error;
}

static void
assert_bad_lifecycle (const char *lifecycle_json,
                      const char *expected_message)
{
  g_autoptr(GError) error = load_with_lifecycle (lifecycle_json);

  if (error == NULL)
    g_error ("%s loaded; expected “%s”", lifecycle_json, expected_message);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_file_bad_lifecycle (void)
{
  g_autoptr(GError) error = NULL;

  /* the way the bad files are built gives good ones when the steps are */
  error = load_with_lifecycle ("[{\"stage\": \"approved\", \"date\": \"2023-10-09\", \"document\": \"琼科〔2023〕1号\","
                               "  \"note\": \"备注\"}, {\"stage\": \"continued\", \"date\": \"2026-10-09\","
                               "  \"document\": \"琼科〔2026〕1号\"}]");
  g_assert_no_error (error);
  error = load_with_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023-10-09\"},"
                               " {\"stage\": \"verifying\", \"date\": \"2023-10-09\"}]");
  g_assert_no_error (error);
  error = load_with_lifecycle ("[]");
  g_assert_no_error (error);
  error = load_with_lifecycle (NULL);
  g_assert_no_error (error);

  /* an unknown word lists the words */
  assert_bad_lifecycle ("[{\"stage\": \"accepted\", \"date\": \"2024-03-01\"}]",
                        "lifecycle[0].stage: unknown value “accepted”; expected one of: "
                        "draft, submitted, verifying, recommended, returned, approving, approved, "
                        "rejected, continued, not_continued, delisted, cancelled, dissolved");

  /* a draft is never a recorded step */
  assert_bad_lifecycle ("[{\"stage\": \"draft\", \"date\": \"2024-03-01\"}]",
                        "lifecycle[0].stage: “Draft” cannot follow “Draft”; "
                        "the next step may be “Submitted”, “Approved”");

  /* the wrong order */
  assert_bad_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023-10-09\"},"
                        " {\"stage\": \"approved\", \"date\": \"2024-03-01\", \"document\": \"琼科〔2024〕12号\"}]",
                        "lifecycle[1].stage: “Approved” cannot follow “Submitted”; the next step may be "
                        "“Being verified by the city/county office”, “Returned by the city/county office”, "
                        "“Dissolved”");

  /* dates out of order */
  assert_bad_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023-10-09\"},"
                        " {\"stage\": \"verifying\", \"date\": \"2023-10-20\"},"
                        " {\"stage\": \"recommended\", \"date\": \"2023-10-19\"}]",
                        "lifecycle[2].date: the date 2023-10-19 is before the previous step "
                        "(“Being verified by the city/county office”, 2023-10-20)");

  /* a decision without its document number: missing, empty, blank */
  assert_bad_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023-10-09\"},"
                        " {\"stage\": \"verifying\", \"date\": \"2023-10-20\"},"
                        " {\"stage\": \"recommended\", \"date\": \"2023-11-15\"},"
                        " {\"stage\": \"approved\", \"date\": \"2024-03-01\"}]",
                        "lifecycle[3].document: “Approved” is a decision of the provincial office: "
                        "give its document number, such as 琼科〔2024〕12号");
  assert_bad_lifecycle ("[{\"stage\": \"approved\", \"date\": \"2024-03-01\", \"document\": \"\"}]",
                        "lifecycle[0].document: “Approved” is a decision of the provincial office: "
                        "give its document number, such as 琼科〔2024〕12号");
  assert_bad_lifecycle ("[{\"stage\": \"approved\", \"date\": \"2024-03-01\", \"document\": \"琼科〔2024〕12号\"},"
                        " {\"stage\": \"cancelled\", \"date\": \"2025-03-01\", \"document\": \"　\"}]",
                        "lifecycle[1].document: “Cancelled (negative list)” is a decision of the provincial "
                        "office: give its document number, such as 琼科〔2024〕12号");

  /* bad dates */
  assert_bad_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023-02-29\"}]",
                        "lifecycle[0].date: “2023-02-29” is not a valid date; write it as YYYY-MM-DD, "
                        "such as 2024-03-01");
  assert_bad_lifecycle ("[{\"stage\": \"submitted\", \"date\": \"2023年10月9日\"}]",
                        "lifecycle[0].date: “2023年10月9日” is not a valid date; write it as YYYY-MM-DD, "
                        "such as 2024-03-01");

  /* the shape */
  error = load_with_lifecycle ("[{\"stage\": \"submitted\"}]");
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "lifecycle[0].date: "));
  g_clear_error (&error);
  error = load_with_lifecycle ("{\"stage\": \"submitted\", \"date\": \"2023-10-09\"}");
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "lifecycle: "));
  g_clear_error (&error);
}

/* ------------------------------------------------------------------ */
/* the store                                                           */

typedef struct
{
  char     *dir;    /* a fresh temporary folder */
  char     *path;   /* dir/data/workbench.db, not created yet */
  CwbStore *store;  /* NULL until a test opens it */
  GArray   *changes;
} Fixture;

typedef struct
{
  CwbChange kind;
  gint64    consortium_id;
} Change;

static void
changed_cb (CwbStore  *store,
            CwbChange  kind,
            gint64     consortium_id,
            GArray    *changes)
{
  Change change = { kind, consortium_id };

  g_array_append_val (changes, change);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-lifecycle-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "workbench.db", NULL);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
}

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture->changes);
}

static void
close_store (Fixture *fixture)
{
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, fixture->changes);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->store != NULL)
    close_store (fixture);

  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_array_unref (fixture->changes);
}

/* the changes since the last call: exactly one, @kind for @id */
static void
assert_one_change (Fixture   *fixture,
                   CwbChange  kind,
                   gint64     id)
{
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->changes, Change, 0).kind, ==, kind);
  g_assert_cmpint (g_array_index (fixture->changes, Change, 0).consortium_id, ==, id);
  g_array_set_size (fixture->changes, 0);
}

static void
assert_no_change (Fixture *fixture)
{
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static gint64
import_example (Fixture       *fixture,
                CwbConsortium *consortium)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cwb_store_import_consortium (fixture->store, consortium, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (consortium), >, 0);
  g_array_set_size (fixture->changes, 0);

  return cwb_consortium_get_id (consortium);
}

/* (transfer full) */
static GPtrArray *
stored_events (Fixture *fixture,
               gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = cwb_store_get_lifecycle (fixture->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);

  return events;
}

static guint
n_stored (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GPtrArray) events = stored_events (fixture, id);

  return events->len;
}

static void
append_ok (Fixture    *fixture,
           gint64      id,
           CwbStage    stage,
           const char *date,
           const char *document,
           const char *note,
           const char *today)
{
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, note);
  g_autoptr(GError) error = NULL;

  g_assert_true (cwb_store_append_stage_event (fixture->store, id, event, today, &error));
  g_assert_no_error (error);
}

/* A refused append writes nothing and emits nothing */
static void
append_refused (Fixture    *fixture,
                gint64      id,
                CwbStage    stage,
                const char *date,
                const char *document,
                const char *today,
                int         expected_code,
                const char *expected_message)
{
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, NULL);
  g_autoptr(GError) error = NULL;
  guint before = n_stored (fixture, id);

  g_assert_false (cwb_store_append_stage_event (fixture->store, id, event, today, &error));
  g_assert_error (error, CWB_ERROR, expected_code);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
  g_assert_cmpuint (n_stored (fixture, id), ==, before);
  assert_no_change (fixture);
}

static void
test_store_append (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const CwbStageEvent *event;
  gint64 id;

  open_store (fixture);
  id = import_example (fixture, consortium);
  g_assert_cmpuint (n_stored (fixture, id), ==, 0);

  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-10-09", NULL, "经省系统提交", "2024-06-30");
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);

  events = stored_events (fixture, id);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->stage, ==, CWB_STAGE_SUBMITTED);
  g_assert_cmpstr (event->date, ==, "2023-10-09");
  g_assert_null (event->document);
  g_assert_cmpstr (event->note, ==, "经省系统提交");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* refused: a stage that cannot follow */
  append_refused (fixture, id, CWB_STAGE_APPROVED, "2024-03-01", "琼科〔2024〕12号", "2024-06-30",
                  CWB_ERROR_INVALID,
                  "“Approved” cannot follow “Submitted”; the next step may be "
                  "“Being verified by the city/county office”, “Returned by the city/county office”, "
                  "“Dissolved”");
  /* refused: after today */
  append_refused (fixture, id, CWB_STAGE_VERIFYING, "2024-07-01", NULL, "2024-06-30",
                  CWB_ERROR_INVALID, "the date 2024-07-01 is in the future (today is 2024-06-30)");
  /* refused: before the last step */
  append_refused (fixture, id, CWB_STAGE_VERIFYING, "2023-10-08", NULL, "2024-06-30",
                  CWB_ERROR_INVALID,
                  "the date 2023-10-08 is before the previous step (“Submitted”, 2023-10-09)");
  /* refused: a draft */
  append_refused (fixture, id, CWB_STAGE_DRAFT, "2023-10-10", NULL, NULL, CWB_ERROR_INVALID, NULL);

  append_ok (fixture, id, CWB_STAGE_VERIFYING, "2023-10-20", NULL, NULL, "2024-06-30");
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  append_ok (fixture, id, CWB_STAGE_RECOMMENDED, "2023-11-15", NULL, NULL, NULL);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);

  /* refused: a decision without its number */
  append_refused (fixture, id, CWB_STAGE_APPROVED, "2024-03-01", "　", "2024-06-30", CWB_ERROR_INVALID,
                  "“Approved” is a decision of the provincial office: give its document number, "
                  "such as 琼科〔2024〕12号");

  append_ok (fixture, id, CWB_STAGE_APPROVED, "2024-03-01", "琼科〔2024〕12号", NULL, "2024-03-01");
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);

  /* the loaded consortium carries them, in order */
  events = stored_events (fixture, id);
  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  assert_events_equal (cwb_consortium_get_lifecycle (loaded), events);
  g_assert_cmpint (cwb_lifecycle_get_stage (events), ==, CWB_STAGE_APPROVED);
  g_assert_cmpstr (cwb_lifecycle_get_approval_date (events), ==, "2024-03-01");

  /* update_consortium leaves the steps alone */
  cwb_consortium_clear_lifecycle (loaded);
  cwb_consortium_set_industry (loaded, "热带特色高效农业");
  g_assert_true (cwb_store_update_consortium (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  {
    g_autoptr(GPtrArray) after = stored_events (fixture, id);

    assert_events_equal (after, events);
  }
}

static void
test_store_remove_last (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  CwbStageEvent not_reset = { 0 };
  CwbStageEvent *removed = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const CwbStageEvent *event;
  gint64 id;

  open_store (fixture);
  id = import_example (fixture, consortium);

  /* none recorded */
  removed = &not_reset;
  g_assert_false (cwb_store_remove_last_stage_event (fixture->store, id, &removed, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_assert_null (removed);
  g_clear_error (&error);
  assert_no_change (fixture);

  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-10-09", NULL, NULL, NULL);
  append_ok (fixture, id, CWB_STAGE_RETURNED, "2023-10-20", NULL, "材料不全", NULL);
  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-11-01", NULL, NULL, NULL);
  g_array_set_size (fixture->changes, 0);

  g_assert_true (cwb_store_remove_last_stage_event (fixture->store, id, &removed, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_nonnull (removed);
  g_assert_cmpint (removed->stage, ==, CWB_STAGE_SUBMITTED);
  g_assert_cmpstr (removed->date, ==, "2023-11-01");
  g_clear_pointer (&removed, cwb_stage_event_free);

  events = stored_events (fixture, id);
  g_assert_cmpuint (events->len, ==, 2);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->stage, ==, CWB_STAGE_SUBMITTED);
  g_assert_cmpstr (event->date, ==, "2023-10-09");
  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->stage, ==, CWB_STAGE_RETURNED);
  g_assert_cmpstr (event->note, ==, "材料不全");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* a step can be recorded where the removed one was */
  append_ok (fixture, id, CWB_STAGE_DISSOLVED, "2023-12-01", NULL, NULL, NULL);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_cmpuint (n_stored (fixture, id), ==, 3);

  /* @removed is optional */
  g_assert_true (cwb_store_remove_last_stage_event (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_true (cwb_store_remove_last_stage_event (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_true (cwb_store_remove_last_stage_event (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_cmpuint (n_stored (fixture, id), ==, 0);

  g_assert_false (cwb_store_remove_last_stage_event (fixture->store, id, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  assert_no_change (fixture);
}

static void
test_store_unknown_consortium (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2023-10-09", NULL, NULL);
  CwbStageEvent not_reset = { 0 };
  CwbStageEvent *removed = &not_reset;
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_store (fixture);
  id = import_example (fixture, consortium);

  g_assert_false (cwb_store_append_stage_event (fixture->store, id + 100, event, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_no_change (fixture);

  g_assert_false (cwb_store_remove_last_stage_event (fixture->store, id + 100, &removed, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_assert_null (removed);
  g_clear_error (&error);
  assert_no_change (fixture);

  /* a deleted consortium's steps go with it */
  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-10-09", NULL, NULL, NULL);
  g_assert_true (cwb_store_delete_consortium (fixture->store, id, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  g_assert_false (cwb_store_append_stage_event (fixture->store, id, event, NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_no_change (fixture);
  g_assert_cmpuint (n_stored (fixture, id), ==, 0);
}

static void
test_store_import (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  append_example_lifecycle (consortium);

  open_store (fixture);
  id = import_example (fixture, consortium);

  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  assert_events_equal (cwb_consortium_get_lifecycle (loaded), cwb_consortium_get_lifecycle (consortium));
  g_assert_true (cwb_consortium_equal (loaded, consortium));

  /* and the store goes on from there */
  append_ok (fixture, id, CWB_STAGE_CONTINUED, "2027-01-10", "琼科〔2027〕5号", NULL, "2027-01-10");
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);
  g_assert_cmpuint (n_stored (fixture, id), ==, 5);
}

static void
test_store_import_invalid (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(GError) error = NULL;

  /* built in code, not checked by a file: the store checks it */
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2023-10-09", NULL, NULL));
  cwb_consortium_add_stage_event (consortium, cwb_stage_event_new (CWB_STAGE_APPROVED, "2024-03-01", "琼科〔2024〕12号", NULL));

  open_store (fixture);
  g_assert_false (cwb_store_import_consortium (fixture->store, consortium, FALSE, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "lifecycle[1]: "));
  assert_no_change (fixture);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, cwb_consortium_get_name (consortium)), ==, 0);
}

static void
test_store_import_replace (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) without = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) with = cwb_test_load_example (EXAMPLE);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, new_id;

  open_store (fixture);
  id = import_example (fixture, consortium);
  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-10-09", NULL, "经省系统提交", NULL);
  append_ok (fixture, id, CWB_STAGE_VERIFYING, "2023-10-20", NULL, NULL, NULL);
  recorded = stored_events (fixture, id);
  g_assert_cmpuint (recorded->len, ==, 2);

  /* the lead's new version, without steps: the recorded ones stay */
  g_assert_cmpuint (cwb_consortium_get_lifecycle (without)->len, ==, 0);
  cwb_consortium_set_industry (without, "热带特色高效农业");
  g_assert_true (cwb_store_import_consortium (fixture->store, without, TRUE, &error));
  g_assert_no_error (error);
  new_id = cwb_consortium_get_id (without);
  g_assert_cmpint (new_id, >, 0);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, cwb_consortium_get_name (without)), ==, new_id);

  events = stored_events (fixture, new_id);
  assert_events_equal (events, recorded);
  g_clear_pointer (&events, g_ptr_array_unref);
  /* and the object carries them too */
  assert_events_equal (cwb_consortium_get_lifecycle (without), recorded);
  loaded = cwb_store_load_consortium (fixture->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (loaded), ==, "热带特色高效农业");
  g_assert_true (cwb_consortium_equal (loaded, without));
  g_clear_object (&loaded);

  /* the old id's steps are gone with it */
  if (new_id != id)
    g_assert_cmpuint (n_stored (fixture, id), ==, 0);

  /* a version with its own steps: those replace the recorded ones */
  cwb_consortium_add_stage_event (with, cwb_stage_event_new (CWB_STAGE_APPROVED, "2020-05-06", "琼科〔2020〕3号", "建档前已认定"));
  g_assert_true (cwb_store_import_consortium (fixture->store, with, TRUE, &error));
  g_assert_no_error (error);
  new_id = cwb_consortium_get_id (with);

  events = stored_events (fixture, new_id);
  assert_events_equal (events, cwb_consortium_get_lifecycle (with));
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((CwbStageEvent *) g_ptr_array_index (events, 0))->stage, ==, CWB_STAGE_APPROVED);
  loaded = cwb_store_load_consortium (fixture->store, new_id, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, with));
}

static void
test_store_reopen (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (EXAMPLE);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 id;

  open_store (fixture);
  id = import_example (fixture, consortium);
  append_ok (fixture, id, CWB_STAGE_SUBMITTED, "2023-10-09", NULL, "经省系统提交", NULL);
  append_ok (fixture, id, CWB_STAGE_VERIFYING, "2023-10-20", NULL, NULL, NULL);
  append_ok (fixture, id, CWB_STAGE_RECOMMENDED, "2023-11-15", NULL, NULL, NULL);
  append_ok (fixture, id, CWB_STAGE_APPROVED, "2024-03-01", "琼科〔2024〕12号", NULL, NULL);
  before = stored_events (fixture, id);
  close_store (fixture);

  open_store (fixture);
  after = stored_events (fixture, id);
  g_assert_cmpuint (after->len, ==, 4);
  assert_events_equal (after, before);
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_store_migrate_v1 (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "app", "libcwb", "migrations",
                                                        "001-initial.sql", NULL);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *schema = NULL;
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gint64 id;

  g_file_get_contents (schema_path, &schema, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  exec_sql (db, "BEGIN");
  exec_sql (db, schema);
  exec_sql (db, "PRAGMA user_version = 1");
  exec_sql (db, "COMMIT");
  exec_sql (db, "INSERT INTO consortium (name, industry) VALUES ('海南省旧库创新联合体', '现代种业')");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  open_store (fixture);
  g_assert_cmpint (_cwb_store_get_schema_version (), >=, 2);

  id = cwb_store_lookup_consortium (fixture->store, "海南省旧库创新联合体");
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_stored (fixture, id), ==, 0);

  append_ok (fixture, id, CWB_STAGE_APPROVED, "2020-05-06", "琼科〔2020〕3号", NULL, "2024-06-30");
  assert_one_change (fixture, CWB_CHANGE_LIFECYCLE, id);

  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_name (loaded), ==, "海南省旧库创新联合体");
  g_assert_cmpstr (cwb_consortium_get_industry (loaded), ==, "现代种业");
  g_assert_cmpuint (cwb_consortium_get_lifecycle (loaded)->len, ==, 1);
  close_store (fixture);

  /* the version was raised */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, _cwb_store_get_schema_version ());
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);

  /* and the steps are there after reopening */
  open_store (fixture);
  events = stored_events (fixture, id);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((CwbStageEvent *) g_ptr_array_index (events, 0))->document, ==, "琼科〔2020〕3号");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lifecycle/transitions", test_transitions);
  g_test_add_func ("/lifecycle/labels", test_labels);
  g_test_add_func ("/lifecycle/get-stage", test_get_stage);
  g_test_add_func ("/lifecycle/check-next", test_check_next);
  g_test_add_func ("/lifecycle/term", test_term);
  g_test_add_func ("/lifecycle/expired", test_expired);
  g_test_add_func ("/lifecycle/approval-date", test_approval_date);
  g_test_add_func ("/lifecycle/file/round-trip", test_file_round_trip);
  g_test_add_func ("/lifecycle/file/without-lifecycle", test_file_without_lifecycle);
  g_test_add_func ("/lifecycle/file/bad", test_file_bad_lifecycle);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/lifecycle/store/append", test_store_append);
  ADD ("/lifecycle/store/remove-last", test_store_remove_last);
  ADD ("/lifecycle/store/unknown-consortium", test_store_unknown_consortium);
  ADD ("/lifecycle/store/import", test_store_import);
  ADD ("/lifecycle/store/import-invalid", test_store_import_invalid);
  ADD ("/lifecycle/store/import-replace", test_store_import_replace);
  ADD ("/lifecycle/store/reopen", test_store_reopen);
  ADD ("/lifecycle/store/migrate-v1", test_store_migrate_v1);

#undef ADD

  return g_test_run ();
}
