/* test-paged-list.c — CwbPagedList, with a subclass of a few lines over a
 * real SQLite table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "cwb.h"
#include "cwb-test-utils.h"

/* ------------------------------------------------------------------ */
/* a row, and a list of the rows of table "word"                       */

#define TEST_TYPE_WORD (test_word_get_type ())
G_DECLARE_FINAL_TYPE (TestWord, test_word, TEST, WORD, GObject)

struct _TestWord
{
  GObject  parent_instance;
  char    *text;
};

G_DEFINE_FINAL_TYPE (TestWord, test_word, G_TYPE_OBJECT)

static void
test_word_finalize (GObject *object)
{
  g_free (TEST_WORD (object)->text);
  G_OBJECT_CLASS (test_word_parent_class)->finalize (object);
}

static void
test_word_class_init (TestWordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_word_finalize;
}

static void
test_word_init (TestWord *self)
{
}

#define TEST_TYPE_WORD_LIST (test_word_list_get_type ())
G_DECLARE_FINAL_TYPE (TestWordList, test_word_list, TEST, WORD_LIST, CwbPagedList)

struct _TestWordList
{
  CwbPagedList  parent_instance;
  sqlite3      *db;        /* not owned */
  guint         n_counts;  /* how often count ran */
  guint         n_reads;   /* how often read_range ran */
};

G_DEFINE_FINAL_TYPE (TestWordList, test_word_list, CWB_TYPE_PAGED_LIST)

static gboolean
test_word_list_count (CwbPagedList  *list,
                      guint         *n_rows,
                      GError       **error)
{
  TestWordList *self = TEST_WORD_LIST (list);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM word", -1, &stmt, NULL);

  self->n_counts++;
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    *n_rows = (guint) sqlite3_column_int64 (stmt, 0);
  else
    g_set_error (error, CWB_ERROR, CWB_ERROR_STORE, "count: %s", sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  return error == NULL || *error == NULL;
}

static GPtrArray *
test_word_list_read_range (CwbPagedList  *list,
                           guint          start,
                           guint          n_rows,
                           GError       **error)
{
  TestWordList *self = TEST_WORD_LIST (list);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;

  self->n_reads++;
  g_assert_cmpint (sqlite3_prepare_v2 (self->db, "SELECT text FROM word ORDER BY position "
                                       "LIMIT ?1 OFFSET ?2", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, n_rows);
  sqlite3_bind_int64 (stmt, 2, start);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TestWord *word = g_object_new (TEST_TYPE_WORD, NULL);

      word->text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_ptr_array_add (words, word);
    }
  sqlite3_finalize (stmt);

  return g_steal_pointer (&words);
}

static void
test_word_list_class_init (TestWordListClass *klass)
{
  CWB_PAGED_LIST_CLASS (klass)->count = test_word_list_count;
  CWB_PAGED_LIST_CLASS (klass)->read_range = test_word_list_read_range;
}

static void
test_word_list_init (TestWordList *self)
{
}

/* ------------------------------------------------------------------ */
/* fixture: a database of 1 000 words "w0" … "w999"                    */

typedef struct
{
  char         *dir;
  sqlite3      *db;
  TestWordList *list;
} Fixture;

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cwb-paged-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "words.db", NULL);
  g_assert_cmpint (sqlite3_open (path, &f->db), ==, SQLITE_OK);
  exec (f->db, "CREATE TABLE word (position INTEGER PRIMARY KEY, text TEXT NOT NULL);"
               "WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
               "INSERT INTO word SELECT i, 'w' || i FROM n");

  f->list = g_object_new (TEST_TYPE_WORD_LIST, "item-type", TEST_TYPE_WORD, NULL);
  f->list->db = f->db;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->list));
  sqlite3_close (f->db);
  cwb_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* the text of the item at @position, or NULL past the end */
static char *
word_at (Fixture *f,
         guint    position)
{
  g_autoptr(TestWord) word = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  return word != NULL ? g_strdup (word->text) : NULL;
}

static void
assert_word (Fixture *f,
             guint    position)
{
  g_autofree char *text = word_at (f, position);
  g_autofree char *expected = g_strdup_printf ("w%u", position);

  g_assert_cmpstr (text, ==, expected);
}

/* ------------------------------------------------------------------ */
/* tests                                                               */

/* one count, then a page per read, only the pages asked for */
static void
test_count_and_pages (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  g_autofree char *past_end = NULL;

  g_assert_true (g_list_model_get_item_type (model) == TEST_TYPE_WORD);
  g_assert_false (cwb_paged_list_is_counted (CWB_PAGED_LIST (f->list)));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_cmpuint (f->list->n_counts, ==, 1);
  g_assert_cmpuint (f->list->n_reads, ==, 0);
  g_assert_true (cwb_paged_list_is_counted (CWB_PAGED_LIST (f->list)));

  /* a page of 100 rows serves its positions */
  assert_word (f, 0);
  assert_word (f, 99);
  assert_word (f, 42);
  g_assert_cmpuint (f->list->n_reads, ==, 1);
  g_assert_cmpuint (cwb_paged_list_get_rows_read (CWB_PAGED_LIST (f->list)), ==, 100);

  assert_word (f, 999);
  assert_word (f, 500);
  g_assert_cmpuint (f->list->n_reads, ==, 3);

  /* at most four pages are kept: the least recently used goes */
  assert_word (f, 200);
  assert_word (f, 300);   /* pages 9, 5, 2, 3 kept: 0 went */
  assert_word (f, 999);
  g_assert_cmpuint (f->list->n_reads, ==, 5);
  assert_word (f, 1);
  g_assert_cmpuint (f->list->n_reads, ==, 6);

  past_end = word_at (f, 1000);
  g_assert_null (past_end);
  g_assert_cmpuint (f->list->n_reads, ==, 6);
}

static void
test_page_size (Fixture       *f,
                gconstpointer  data)
{
  cwb_paged_list_set_page_size (CWB_PAGED_LIST (f->list), 10, 2);

  assert_word (f, 5);
  assert_word (f, 15);
  assert_word (f, 9);
  g_assert_cmpuint (f->list->n_reads, ==, 2);
  g_assert_cmpuint (cwb_paged_list_get_rows_read (CWB_PAGED_LIST (f->list)), ==, 20);

  assert_word (f, 25);    /* page 1 was the least recently used … */
  assert_word (f, 0);
  g_assert_cmpuint (f->list->n_reads, ==, 3);
  assert_word (f, 15);    /* … and is read again */
  g_assert_cmpuint (f->list->n_reads, ==, 4);
}

typedef struct
{
  guint n_emissions;
  guint position, removed, added;
  guint n_notified;
} Seen;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Seen       *seen)
{
  seen->n_emissions++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Seen       *seen)
{
  seen->n_notified++;
}

/* a reset drops the pages; once the size was seen, it is counted again
 * and announced */
static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (f->list);
  Seen seen = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &seen);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (notify_cb), &seen);

  /* nobody has seen the size: nothing to say, nothing counted */
  cwb_paged_list_reset (CWB_PAGED_LIST (f->list));
  g_assert_cmpuint (seen.n_emissions, ==, 0);
  g_assert_cmpuint (f->list->n_counts, ==, 0);

  assert_word (f, 10);
  g_assert_cmpuint (f->list->n_counts, ==, 1);

  /* the rows changed under the list */
  exec (f->db, "DELETE FROM word WHERE position >= 900; UPDATE word SET text = 'x' || position");
  cwb_paged_list_reset (CWB_PAGED_LIST (f->list));
  g_assert_cmpuint (seen.n_emissions, ==, 1);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 1000);
  g_assert_cmpuint (seen.added, ==, 900);
  g_assert_cmpuint (seen.n_notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 900);

  /* the page of position 10 was dropped */
  {
    g_autofree char *text = word_at (f, 10);

    g_assert_cmpstr (text, ==, "x10");
  }

  /* the same size: items-changed still (the rows may differ), no notify */
  cwb_paged_list_reset (CWB_PAGED_LIST (f->list));
  g_assert_cmpuint (seen.n_emissions, ==, 2);
  g_assert_cmpuint (seen.removed, ==, 900);
  g_assert_cmpuint (seen.added, ==, 900);
  g_assert_cmpuint (seen.n_notified, ==, 1);

  g_signal_handlers_disconnect_by_data (model, &seen);
}

/* a count that fails warns and reads as empty */
static void
test_count_fails (Fixture       *f,
                  gconstpointer  data)
{
  exec (f->db, "DROP TABLE word");

  g_test_expect_message ("cwb-paged-list", G_LOG_LEVEL_WARNING, "count: no such table: word");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/paged-list/count-and-pages", test_count_and_pages);
  ADD ("/paged-list/page-size", test_page_size);
  ADD ("/paged-list/reset", test_reset);
  ADD ("/paged-list/count-fails", test_count_fails);
#undef ADD

  return g_test_run ();
}
