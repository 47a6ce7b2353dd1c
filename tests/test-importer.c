/* test-importer.c — CwbImporter: batched commits of whole consortia, results
 * in order, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "cwb.h"
#include "cwb-test-utils.h"
#include "test-store-fixture.h"

/* One reported result */
typedef struct
{
  char     *label;      /* the item's data */
  gboolean  replaced;
  GQuark    domain;     /* 0: committed */
  int       code;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->label);
}

static void
result_cb (CwbImporter   *importer,
           CwbConsortium *consortium,
           gboolean       replaced,
           const GError  *error,
           gpointer       item_data,
           gpointer       user_data)
{
  GArray *results = user_data;
  Result result = { g_strdup (item_data), replaced, 0, 0 };

  if (error != NULL)
    {
      result.domain = error->domain;
      result.code = error->code;
    }
  else
    g_assert_cmpint (cwb_consortium_get_id (consortium), >, 0);

  g_array_append_val (results, result);
}

static GArray *
results_new (void)
{
  GArray *results = g_array_new (FALSE, TRUE, sizeof (Result));

  g_array_set_clear_func (results, (GDestroyNotify) result_clear);

  return results;
}

/* The results so far as "label:ok", "label:replaced" or "label:<code>",
 * joined by ","; then forgets them */
static char *
take_results (GArray *results)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const Result *result = &g_array_index (results, Result, i);

      if (text->len > 0)
        g_string_append_c (text, ',');
      if (result->domain == 0)
        g_string_append_printf (text, "%s:%s", result->label, result->replaced ? "replaced" : "ok");
      else
        g_string_append_printf (text, "%s:%s%d", result->label,
                                result->domain == CWB_ERROR ? "cwb" :
                                result->domain == G_IO_ERROR ? "io" : "other",
                                result->code);
    }
  g_array_set_size (results, 0);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static CwbImporter *
importer_new (Fixture *fixture,
              GArray  *results)
{
  CwbImporter *importer = cwb_importer_new (fixture->store);

  cwb_importer_set_result_func (importer, result_cb, results, NULL);
  cwb_importer_set_batch_limits (importer, 0, 0);

  return importer;
}

/* A file that fails in the middle of a batch leaves the others imported and
 * itself absent; the results wait for the commit and come in order. */
static void
test_batch_failure_in_middle (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GArray) results = results_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(CwbImporter) importer = NULL;
  g_autoptr(CwbConsortium) one = make_consortium ("一号联合体", "91460000MA0000ONE1", 4);
  g_autoptr(CwbConsortium) two = make_consortium ("二号联合体", "91460000MA0000TWO2", 3);
  g_autoptr(CwbConsortium) broken = make_consortium ("坏联合体", "91460000MA000BAD3", 5);
  g_autoptr(CwbConsortium) again = make_consortium ("一号联合体", "91460000MA000AGN4", 2);
  g_autoptr(CwbConsortium) three = make_consortium ("三号联合体", "91460000MA0THREE5", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  open_store (fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), changes);
  importer = importer_new (fixture, results);

  /* the fourth member of the broken one has no credit code */
  cwb_member_set_uscc (g_ptr_array_index (cwb_consortium_get_members (broken), 3), NULL);

  g_assert_true (cwb_importer_add (importer, one, FALSE, "one", NULL));
  g_assert_true (cwb_importer_add (importer, two, FALSE, "two", NULL));
  g_assert_false (cwb_importer_add (importer, broken, FALSE, "broken", NULL));
  g_assert_false (cwb_importer_add (importer, again, FALSE, "again", NULL));
  g_assert_true (cwb_importer_add (importer, three, FALSE, "three", NULL));

  /* nothing is reported, announced or on disk before the commit */
  g_assert_true (cwb_importer_is_batch_open (importer));
  g_assert_cmpuint (results->len, ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 0);
  g_assert_cmpuint (cwb_importer_get_n_done (importer), ==, 5);

  g_assert_true (cwb_importer_commit (importer, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_importer_is_batch_open (importer));

  text = take_results (results);
  expected = g_strdup_printf ("one:ok,two:ok,broken:cwb%d,again:cwb%d,three:ok",
                              CWB_ERROR_INVALID, CWB_ERROR_EXISTS);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (cwb_importer_get_n_imported (importer), ==, 3);
  g_assert_cmpuint (cwb_importer_get_n_failed (importer), ==, 2);

  /* the others whole, the broken one not at all, not even its first members */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 4 + 3 + 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member WHERE name LIKE '坏%'"), ==, 0);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, "坏联合体"), ==, 0);
  g_assert_cmpuint (cwb_store_count_consortia (fixture->store, NULL), ==, 3);

  assert_changes (changes, (Change[]) {
                    { CWB_CHANGE_CONSORTIUM, cwb_consortium_get_id (one) },
                    { CWB_CHANGE_CONSORTIUM, cwb_consortium_get_id (two) },
                    { CWB_CHANGE_CONSORTIUM, cwb_consortium_get_id (three) },
                  }, 3);

  /* with replace, the same name replaces the stored one */
  g_assert_true (cwb_importer_add (importer, again, TRUE, "again", NULL));
  g_assert_true (cwb_importer_commit (importer, &error));
  g_clear_pointer (&text, g_free);
  text = take_results (results);
  g_assert_cmpstr (text, ==, "again:replaced");
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 2 + 3 + 2);

  g_signal_handlers_disconnect_by_data (fixture->store, changes);
}

/* A full batch commits by itself; items that failed before the import
 * (unreadable files) keep their place in the order. */
static void
test_batch_limits (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GArray) results = results_new ();
  g_autoptr(CwbImporter) importer = NULL;
  g_autoptr(GError) unreadable = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "gone");
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;

  open_store (fixture);
  importer = importer_new (fixture, results);
  cwb_importer_set_batch_limits (importer, 3, 0);

  /* no batch open: reported at once */
  cwb_importer_add_failed (importer, unreadable, g_strdup ("lost"), g_free);
  text = take_results (results);
  expected = g_strdup_printf ("lost:io%d", G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (text, ==, expected);

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("联合体%u", i);
      g_autofree char *lead = g_strdup_printf ("91460000MA%08u", i + 1);
      g_autoptr(CwbConsortium) consortium = make_consortium (name, lead, 1);

      g_assert_true (cwb_importer_add (importer, consortium, FALSE, g_strdup (name), g_free));
      if (i == 1)
        cwb_importer_add_failed (importer, unreadable, g_strdup ("between"), g_free);

      /* the first batch is full with two consortia and the failed file */
      if (i == 1)
        {
          g_assert_false (cwb_importer_is_batch_open (importer));
          g_clear_pointer (&text, g_free);
          text = take_results (results);
          g_clear_pointer (&expected, g_free);
          expected = g_strdup_printf ("联合体0:ok,联合体1:ok,between:io%d", G_IO_ERROR_NOT_FOUND);
          g_assert_cmpstr (text, ==, expected);
          g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 2);
        }
    }

  /* 联合体2 … 联合体4 committed, 联合体5 and 6 wait */
  g_assert_true (cwb_importer_is_batch_open (importer));
  g_assert_cmpuint (results->len, ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 5);

  g_assert_true (cwb_importer_commit (importer, NULL));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 7);
  g_assert_cmpuint (cwb_importer_get_n_done (importer), ==, 9);
  g_assert_cmpuint (cwb_importer_get_n_imported (importer), ==, 7);
  g_assert_cmpuint (cwb_importer_get_n_failed (importer), ==, 2);
}

/* Cancelling rolls back the open batch only; its items are reported
 * cancelled, their ids taken back; a consortia list was never told of
 * them. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GArray) results = results_new ();
  g_autoptr(CwbImporter) importer = NULL;
  g_autoptr(CwbConsortium) kept = make_consortium ("留下的联合体", "91460000MA000KEPT", 2);
  g_autoptr(CwbConsortium) dropped = make_consortium ("取消的联合体", "91460000MA00DROP1", 2);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;

  open_store (fixture);
  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
  importer = importer_new (fixture, results);

  g_assert_true (cwb_importer_add (importer, kept, FALSE, "kept", NULL));
  g_assert_true (cwb_importer_commit (importer, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  g_assert_true (cwb_importer_add (importer, dropped, FALSE, "dropped", NULL));
  /* in the open batch: seen by the store's own connection, not announced */
  g_assert_cmpuint (cwb_store_count_consortia (fixture->store, NULL), ==, 2);

  cwb_importer_cancel (importer);

  text = take_results (results);
  expected = g_strdup_printf ("kept:ok,dropped:io%d", G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (cwb_consortium_get_id (dropped), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  g_assert_cmpuint (cwb_store_count_consortia (fixture->store, NULL), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);

  /* disposing of an importer with a batch open cancels it too */
  g_assert_true (cwb_importer_add (importer, dropped, FALSE, "disposed", NULL));
  g_assert_finalize_object (g_steal_pointer (&importer));
  g_clear_pointer (&text, g_free);
  text = take_results (results);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("disposed:io%d", G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);
}

static const char * const deferred_steps[] = {
  "CREATE TABLE test_note ("
  "  consortium_id INTEGER REFERENCES consortium (id) DEFERRABLE INITIALLY DEFERRED"
  ")",
  NULL
};

/* A batch whose commit fails (here a deferred foreign key that a write
 * inside the batch broke) is rolled back whole, and every item of it is
 * reported failed. */
static void
test_commit_fails (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GArray) results = results_new ();
  g_autoptr(CwbImporter) importer = NULL;
  g_autoptr(CwbConsortium) first = make_consortium ("第一联合体", "91460000MA00FRST1", 2);
  g_autoptr(CwbConsortium) second = make_consortium ("第二联合体", "91460000MA00SCND2", 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  CwbStatement *stmt;

  open_store (fixture);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", deferred_steps, &error));
  g_assert_no_error (error);
  importer = importer_new (fixture, results);

  g_assert_true (cwb_importer_add (importer, first, FALSE, "first", NULL));

  /* a write of the caller's own joins the batch */
  stmt = cwb_store_prepare (fixture->store, "test",
                            "INSERT INTO test_note (consortium_id) VALUES (424242)", &error);
  g_assert_no_error (error);
  cwb_statement_step (stmt, &error);
  g_assert_no_error (error);

  g_assert_true (cwb_importer_add (importer, second, FALSE, "second", NULL));
  g_assert_false (cwb_importer_commit (importer, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_STORE);

  text = take_results (results);
  expected = g_strdup_printf ("first:cwb%d,second:cwb%d", CWB_ERROR_STORE, CWB_ERROR_STORE);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (cwb_consortium_get_id (first), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 0);
  g_assert_cmpuint (cwb_store_count_consortia (fixture->store, NULL), ==, 0);
  g_assert_false (cwb_importer_is_batch_open (importer));

  /* the store and the importer go on */
  g_assert_true (cwb_importer_add (importer, first, FALSE, "first", NULL));
  g_assert_true (cwb_importer_commit (importer, NULL));
  g_clear_pointer (&text, g_free);
  text = take_results (results);
  g_assert_cmpstr (text, ==, "first:ok");
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *n)
{
  (*n)++;
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GArray) results = results_new ();
  g_autoptr(CwbImporter) importer = NULL;
  g_autofree char *text = NULL;
  guint n_notified = 0;

  open_store (fixture);
  importer = importer_new (fixture, results);
  g_signal_connect (importer, "notify::n-done", G_CALLBACK (count_cb), &n_notified);

  /* no total: a count only */
  text = cwb_importer_dup_progress_text (importer);
  g_assert_cmpstr (text, ==, "0 files");
  g_assert_cmpint (cwb_importer_estimate_remaining (importer), ==, -1);

  cwb_importer_set_n_total (importer, 4);
  g_clear_pointer (&text, g_free);
  text = cwb_importer_dup_progress_text (importer);
  g_assert_cmpstr (text, ==, "0 of 4 files");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("进度联合体%u", i);
      g_autofree char *lead = g_strdup_printf ("91460000MB%08u", i + 1);
      g_autoptr(CwbConsortium) consortium = make_consortium (name, lead, 1);

      cwb_importer_add (importer, consortium, FALSE, NULL, NULL);
    }

  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpint (cwb_importer_estimate_remaining (importer), >=, 0);
  g_clear_pointer (&text, g_free);
  text = cwb_importer_dup_progress_text (importer);
  g_assert_true (g_str_has_prefix (text, "2 of 4 files, about "));
  g_assert_true (g_str_has_suffix (text, " left"));

  g_assert_true (cwb_importer_commit (importer, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  store_test_add ("/importer/batch/failure-in-middle", test_batch_failure_in_middle);
  store_test_add ("/importer/batch/limits", test_batch_limits);
  store_test_add ("/importer/batch/cancel", test_cancel);
  store_test_add ("/importer/batch/commit-fails", test_commit_fails);
  store_test_add ("/importer/progress", test_progress);

  return g_test_run ();
}
