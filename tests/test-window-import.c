/* test-window-import.c — the window's import of many files: progress, cancel, summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files go through cwb_window_import_files(), the path of the file
 * chooser and of a drop: parsed in a worker, added to a CwbImporter in
 * main-loop slices, each committed before the main loop goes on.
 *
 * With CWB_TEST_SCREENSHOT=FILE.png set, /window-import/cancel also saves
 * the window with its progress row shown (run it through `meson devenv`
 * with LANG=zh_CN.UTF-8 for the Chinese one).
 */
#define G_LOG_DOMAIN "test-window-import"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-application.h"
#include "cwb-test-utils.h"
#include "cwb-window-private.h"
#include "cwb-window.h"

#define DEEP_SEA "海南省深海装备创新联合体"
#define SEED "海南省热带种业创新联合体"
#define N_FILES 50

typedef struct
{
  CwbTestApp  t;
  char       *files_dir;
  GHashTable *n_members;   /* consortium name → members in its file */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cwb_test_app_set_up (&fixture->t);
  fixture->files_dir = g_build_filename (fixture->t.dir, "files", NULL);
  g_assert_cmpint (g_mkdir (fixture->files_dir, 0700), ==, 0);
  fixture->n_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->n_members, g_hash_table_unref);
  g_clear_pointer (&fixture->files_dir, g_free);
  cwb_test_app_tear_down (&fixture->t);
}

typedef void (*TestBody) (Fixture *fixture);

/* Runs @body inside g_application_run(), once the window is shown and
 * says that the workspace is empty. */
static void
run_body (Fixture *fixture)
{
  TestBody body = g_object_get_data (G_OBJECT (fixture->t.app), "test-body");

  CWB_TEST_WAIT_FOR (g_strcmp0 (_cwb_window_get_visible_content (fixture->t.window), "empty") == 0);
  body (fixture);
}

static void
run_in_app (Fixture  *fixture,
            TestBody  body)
{
  g_object_set_data (G_OBJECT (fixture->t.app), "test-body", body);
  cwb_test_app_run (&fixture->t, (CwbTestAppBody) run_body, fixture);
}

/* Files */

/* Writes the example deep-sea file as the consortium @name, without its
 * last @n_dropped members (never the lead), into the fixture's folder. */
static GFile *
write_consortium_file (Fixture    *fixture,
                       const char *name,
                       guint       n_dropped)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  GFile *file;

  for (guint i = 0; i < n_dropped; i++)
    {
      guint last = cwb_consortium_get_n_members (consortium) - 1;

      g_assert_false (cwb_member_get_lead (cwb_consortium_get_member (consortium, last)));
      cwb_consortium_remove_member (consortium, last);
    }
  cwb_consortium_set_name (consortium, name);

  base = g_strdup_printf ("%s.consortium.json", name);
  path = g_build_filename (fixture->files_dir, base, NULL);
  file = g_file_new_for_path (path);
  g_assert_true (cwb_consortium_file_save (consortium, file, NULL, &error));
  g_assert_no_error (error);

  g_hash_table_insert (fixture->n_members, g_strdup (name),
                       GUINT_TO_POINTER (cwb_consortium_get_n_members (consortium)));

  return file;
}

/* the members of the example @name, for assert_whole() */
static void
remember_example (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (name);

  g_hash_table_insert (fixture->n_members, g_strdup (cwb_consortium_get_name (consortium)),
                       GUINT_TO_POINTER (cwb_consortium_get_n_members (consortium)));
}

/* N_FILES consortia of 9 to 11 members */
static GListStore *
write_files (Fixture *fixture)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *name = g_strdup_printf ("海南省测试%02u号创新联合体", i);
      g_autoptr(GFile) file = write_consortium_file (fixture, name, i % 3);

      g_list_store_append (files, file);
    }

  return files;
}

/* Every stored consortium has all the members of its file: none is there
 * in part. Returns how many are stored. */
static guint
assert_whole (Fixture *fixture)
{
  CwbStore *store = cwb_test_app_get_store (&fixture->t);
  g_autoptr(GArray) ids = cwb_store_list_consortium_ids (store, NULL, NULL, NULL);
  guint n = ids->len;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbConsortium) stored = NULL;
      g_autoptr(GError) error = NULL;
      gpointer expected;

      stored = cwb_store_load_consortium (store, g_array_index (ids, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_true (g_hash_table_lookup_extended (fixture->n_members, cwb_consortium_get_name (stored),
                                                   NULL, &expected));
      g_assert_cmpuint (cwb_consortium_get_n_members (stored), ==, GPOINTER_TO_UINT (expected));
    }

  return n;
}

/* What another process sees of the database: only committed rows, and no
 * write transaction held (BEGIN IMMEDIATE would be refused at once). */
static void
assert_committed (Fixture *fixture,
                  guint    n_consortia)
{
  g_autofree char *path = g_build_filename (fixture->t.dir, "workbench.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_members = 0;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 0);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM consortium", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n_consortia);
  sqlite3_finalize (stmt);

  /* the members of the stored ones, and no others */
  g_hash_table_iter_init (&iter, fixture->n_members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (cwb_store_lookup_consortium (cwb_test_app_get_store (&fixture->t), key) != 0)
      n_members += GPOINTER_TO_UINT (value);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM member", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n_members);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The progress row */

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type,
            const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* What the progress row showed while it was revealed */
typedef struct
{
  guint   n_updates;
  double  last_fraction;
  char   *last_text;
} Progress;

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             Progress       *progress)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (bar), GTK_TYPE_REVEALER);
  GtkWidget *text = find_child (row, GTK_TYPE_LABEL, "caption");

  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (row)))
    return;

  /* it only goes forward */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >=, progress->last_fraction);
  progress->n_updates++;
  progress->last_fraction = gtk_progress_bar_get_fraction (bar);
  g_free (progress->last_text);
  progress->last_text = g_strdup (gtk_label_get_label (GTK_LABEL (text)));
}

static GtkProgressBar *
watch_progress (Fixture  *fixture,
                Progress *progress)
{
  GtkWidget *row = _cwb_window_get_import_progress (fixture->t.window);
  GtkWidget *bar = find_child (row, GTK_TYPE_PROGRESS_BAR, NULL);

  g_assert_nonnull (bar);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (fraction_cb), progress);

  return GTK_PROGRESS_BAR (bar);
}

static const char *
last_toast_title (Fixture *fixture)
{
  AdwToast *toast = _cwb_window_get_last_import_toast (fixture->t.window);

  return toast != NULL ? adw_toast_get_title (toast) : NULL;
}

/* (transfer full): "12 consortia imported", as the summary says it */
static char *
imported_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consortium imported",
                                       "%u consortia imported", n),
                          n);
}

/* Saves the window as it looks now, for CWB_TEST_SCREENSHOT */
static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* Tests */

/* Many files and a bad one: all the good ones land whole, the progress
 * is shown on the way, one toast sums up and names the bad file. */
static void
test_many (Fixture *fixture)
{
  g_autoptr(GListStore) files = write_files (fixture);
  g_autoptr(GFile) broken = cwb_test_example_file ("broken-uscc.consortium.json");
  GtkWidget *row = _cwb_window_get_import_progress (fixture->t.window);
  Progress progress = { 0, };
  g_autofree char *expected = NULL;
  GtkProgressBar *bar;

  g_list_store_insert (files, N_FILES / 2, broken);
  bar = watch_progress (fixture, &progress);
  _cwb_window_set_import_slice_limit (fixture->t.window, 7);

  cwb_window_import_files (fixture->t.window, G_LIST_MODEL (files));
  g_assert_true (_cwb_window_is_importing (fixture->t.window));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  CWB_TEST_WAIT_FOR (!_cwb_window_is_importing (fixture->t.window));

  /* shown on the way, up to all files */
  g_assert_cmpuint (progress.n_updates, >=, (N_FILES + 1) / 7);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file", "%u of %u files",
                                           N_FILES + 1),
                              N_FILES + 1, N_FILES + 1);
  g_assert_cmpstr (progress.last_text, ==, expected);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  g_signal_handlers_disconnect_by_data (bar, &progress);
  g_free (progress.last_text);

  g_assert_cmpuint (assert_whole (fixture), ==, N_FILES);
  assert_committed (fixture, N_FILES);

  /* one toast, no dialog */
  g_assert_null (cwb_test_find_dialog (NULL));
  g_assert_cmpstr (last_toast_title (fixture), !=, NULL);
  g_clear_pointer (&expected, g_free);
  expected = imported_text (N_FILES);
  g_assert_nonnull (strstr (last_toast_title (fixture), expected));
  g_assert_nonnull (strstr (last_toast_title (fixture), "broken-uscc.consortium.json"));
  g_assert_nonnull (strstr (last_toast_title (fixture), "members[2].uscc"));

  /* the last one imported is the current one */
  CWB_TEST_WAIT_FOR (g_strcmp0 (cwb_test_app_get_current_name (&fixture->t), "海南省测试49号创新联合体") == 0);
}

/* Cancelling midway keeps what was committed, whole, and nothing else;
 * no transaction stays open. */
static void
test_cancel (Fixture *fixture)
{
  g_autoptr(GListStore) files = write_files (fixture);
  GtkWidget *row = _cwb_window_get_import_progress (fixture->t.window);
  const char *screenshot = g_getenv ("CWB_TEST_SCREENSHOT");
  Progress progress = { 0, };
  GtkWidget *cancel;
  guint n;

  watch_progress (fixture, &progress);
  /* one file per slice: the main loop turns between files */
  _cwb_window_set_import_slice_limit (fixture->t.window, 1);

  cwb_window_import_files (fixture->t.window, G_LIST_MODEL (files));
  CWB_TEST_WAIT_FOR (cwb_test_app_count_consortia (&fixture->t) >= 5);
  g_assert_true (_cwb_window_is_importing (fixture->t.window));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  g_assert_cmpuint (progress.n_updates, >=, 5);
  g_assert_nonnull (strstr (progress.last_text, "50"));

  if (screenshot != NULL)
    {
      CWB_TEST_WAIT_FOR (gtk_revealer_get_child_revealed (GTK_REVEALER (row)));
      cwb_test_spin_for (300);
      save_screenshot (GTK_WIDGET (fixture->t.window), screenshot);
    }

  /* reachable from the keyboard, with a mnemonic; focused, it hands the
   * focus on when it goes */
  cancel = find_child (row, GTK_TYPE_BUTTON, NULL);
  g_assert_true (gtk_widget_get_focusable (cancel));
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (cancel)));
  g_assert_true (gtk_widget_grab_focus (cancel));
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (gtk_widget_has_focus (cancel));

  g_assert_false (_cwb_window_is_importing (fixture->t.window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  g_free (progress.last_text);

  /* the parsing under way is dropped: nothing more lands */
  cwb_test_spin_for (300);
  n = assert_whole (fixture);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (n, <, N_FILES);
  assert_committed (fixture, n);

  {
    g_autofree char *imported = imported_text (n);
    g_autofree char *rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "the other %u file was cancelled",
                                                          "the other %u files were cancelled",
                                                          N_FILES - n),
                                             N_FILES - n);

    g_assert_nonnull (strstr (last_toast_title (fixture), imported));
    g_assert_nonnull (strstr (last_toast_title (fixture), rest));
  }

  /* the store takes writes again */
  {
    g_autoptr(GFile) file = cwb_test_example_file ("seed-industry-small.consortium.json");

    cwb_window_import_file (fixture->t.window, file);
    CWB_TEST_WAIT_FOR (g_strcmp0 (cwb_test_app_get_current_name (&fixture->t), SEED) == 0);
    g_assert_cmpuint (cwb_test_app_count_consortia (&fixture->t), ==, n + 1);
  }
}

/* Names stored already are asked about after the import, one dialog after
 * the other; the others land in the meantime. */
static void
test_duplicates (Fixture *fixture)
{
  CwbStore *store = cwb_test_app_get_store (&fixture->t);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) deep_sea = cwb_test_example_file ("deep-sea.consortium.json");
  g_autoptr(GFile) seed = cwb_test_example_file ("seed-industry-small.consortium.json");
  g_autoptr(GFile) other = write_consortium_file (fixture, "海南省另一个创新联合体", 0);
  g_autoptr(CwbConsortium) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  remember_example (fixture, "deep-sea.consortium.json");
  remember_example (fixture, "seed-industry-small.consortium.json");

  cwb_window_import_file (fixture->t.window, deep_sea);
  CWB_TEST_WAIT_FOR (g_strcmp0 (cwb_test_app_get_current_name (&fixture->t), DEEP_SEA) == 0);
  g_assert_nonnull (strstr (last_toast_title (fixture), DEEP_SEA));
  cwb_window_import_file (fixture->t.window, seed);
  CWB_TEST_WAIT_FOR (g_strcmp0 (cwb_test_app_get_current_name (&fixture->t), SEED) == 0);

  /* an edit that replacing would undo */
  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, SEED), &error);
  g_assert_no_error (error);
  cwb_consortium_set_industry (stored, "深海科技");
  g_assert_true (cwb_store_update_consortium (store, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);

  g_list_store_append (files, deep_sea);
  g_list_store_append (files, other);
  g_list_store_append (files, seed);
  cwb_window_import_files (fixture->t.window, G_LIST_MODEL (files));
  CWB_TEST_WAIT_FOR (!_cwb_window_is_importing (fixture->t.window));
  g_assert_cmpuint (cwb_test_app_count_consortia (&fixture->t), ==, 3);
  {
    g_autofree char *imported = imported_text (1);

    g_assert_cmpstr (last_toast_title (fixture), ==, imported);
  }

  /* the first: kept */
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), DEEP_SEA));
  cwb_test_respond (dialog, "cancel");

  /* the second, only then: replaced */
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), SEED));
  cwb_test_respond (dialog, "replace");
  g_assert_null (cwb_test_find_dialog (NULL));

  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, SEED), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (stored), ==, "现代种业");
  g_assert_nonnull (strstr (last_toast_title (fixture), SEED));
  g_assert_cmpuint (cwb_test_app_count_consortia (&fixture->t), ==, 3);
  assert_committed (fixture, 3);
}

/* One bad file alone keeps its dialog, and shows no progress */
static void
test_one_bad_file (Fixture *fixture)
{
  g_autoptr(GFile) file = cwb_test_example_file ("broken-uscc.consortium.json");
  GtkWidget *row = _cwb_window_get_import_progress (fixture->t.window);
  AdwMessageDialog *dialog;

  cwb_window_import_file (fixture->t.window, file);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  g_assert_false (_cwb_window_is_importing (fixture->t.window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (row)));

  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken-uscc.consortium.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "members[2].uscc"));
  cwb_test_respond (dialog, "close");
  g_assert_cmpuint (cwb_test_app_count_consortia (&fixture->t), ==, 0);
  g_assert_null (last_toast_title (fixture));
}

#define APP_TEST(func)                                  \
  static void                                           \
  func##_run (Fixture       *fixture,                   \
              gconstpointer  data)                      \
  {                                                     \
    run_in_app (fixture, func);                         \
  }
APP_TEST (test_many)
APP_TEST (test_cancel)
APP_TEST (test_duplicates)
APP_TEST (test_one_bad_file)
#undef APP_TEST

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

  /* a translated screenshot, from `meson devenv` */
  if (g_getenv ("CWB_TEST_SCREENSHOT") != NULL && g_getenv ("CWB_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CWB_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func##_run, fixture_tear_down)
  ADD ("/window-import/many", test_many);
  ADD ("/window-import/cancel", test_cancel);
  ADD ("/window-import/duplicates", test_duplicates);
  ADD ("/window-import/one-bad-file", test_one_bad_file);
#undef ADD

  return g_test_run ();
}
