/* test-save-chooser.c — the save dialog the exporting pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-save-chooser"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cwb-ui.h>

#include "cwb-test-utils.h"

typedef struct
{
  char      *dir;
  GtkWindow *window;
  GtkWidget *page;
  char      *cwd;
  gboolean   answered;
  char      *path;
  guint      filter_index;
  GError    *error;
} Fixture;

static const char * const suffixes[] = { "xlsx", "csv", NULL };
static const char * const descriptions[] = { "Excel workbook", "CSV file", NULL };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-save-chooser-XXXXXX", &error);
  g_assert_no_error (error);
  /* a save dialog without a folder starts in the working folder */
  fixture->cwd = g_get_current_dir ();
  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = gtk_label_new ("page");
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  fixture->filter_index = G_MAXUINT;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  cwb_test_drain ();
  g_assert_cmpint (g_chdir (fixture->cwd), ==, 0);
  g_free (fixture->cwd);
  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_error (&fixture->error);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (source == G_OBJECT (fixture->page));
  fixture->path = cwb_save_chooser_choose_finish (GTK_WIDGET (source), result,
                                                  &fixture->filter_index, &fixture->error);
  fixture->answered = TRUE;
}

static GtkFileChooserDialog *
find_chooser_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return GTK_FILE_CHOOSER_DIALOG (window);
    }

  return NULL;
}

/* Opens the dialog and checks what the user sees in it. */
static GtkFileChooserDialog *
open_dialog (Fixture *fixture)
{
  GtkFileChooserDialog *dialog;
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *name = NULL;

  cwb_save_chooser_choose (fixture->page, "Export Things", "things.xlsx", suffixes, descriptions,
                           chosen_cb, fixture);
  CWB_TEST_WAIT_FOR (find_chooser_dialog () != NULL);
  dialog = find_chooser_dialog ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Things");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "things.xlsx");

  filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, descriptions[i]);
    }
  g_assert_false (fixture->answered);
  return dialog;
}

/* Accepts @name in the temporary (working) folder with the filter at @index. */
static void
accept (Fixture              *fixture,
        GtkFileChooserDialog *dialog,
        const char           *name,
        guint                 index)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, index);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* the dialog loads the folder before it accepts a name in it */
  cwb_test_spin_for (300);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  CWB_TEST_WAIT_FOR (fixture->answered);
}

static void
test_add_suffix (void)
{
  static const char * const one[] = { "pdf", NULL };
  struct { const char *path; guint index; const char *expected; } cases[] = {
    { "/tmp/list", 0, "/tmp/list.xlsx" },
    { "/tmp/list", 1, "/tmp/list.csv" },
    { "/tmp/list", 7, "/tmp/list.xlsx" },
    { "/tmp/list.xlsx", 1, "/tmp/list.xlsx" },
    { "/tmp/list.CSV", 0, "/tmp/list.CSV" },
    { "/tmp/list.txt", 1, "/tmp/list.txt.csv" },
    { "/tmp/listxlsx", 0, "/tmp/listxlsx.xlsx" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cwb_save_chooser_add_suffix (cases[i].path, suffixes, cases[i].index);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }

  {
    g_autofree char *path = cwb_save_chooser_add_suffix ("协议.docx", one, 0);

    g_assert_cmpstr (path, ==, "协议.docx.pdf");
  }
}

static void
reset (Fixture *fixture)
{
  fixture->answered = FALSE;
  fixture->filter_index = G_MAXUINT;
  g_clear_pointer (&fixture->path, g_free);
  g_clear_error (&fixture->error);
}

/* a CwbSaveFunc: writes "saved" to @path, or fails when @path is in a
 * folder that is not there */
static gboolean
write_saved (const char  *path,
             guint        filter_index,
             gpointer     user_data,
             GError     **error)
{
  Fixture *fixture = user_data;

  fixture->answered = TRUE;
  fixture->filter_index = filter_index;
  g_free (fixture->path);
  fixture->path = g_strdup (path);

  return cwb_atomic_file_write (path, "saved", strlen ("saved"), error);
}

static void
test_save_to (Fixture       *fixture,
              gconstpointer  data)
{
  AdwToastOverlay *toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  g_autofree char *path = g_build_filename (fixture->dir, "名单.xlsx", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "x.xlsx", NULL);
  g_autofree char *contents = NULL;

  gtk_window_set_child (fixture->window, GTK_WIDGET (toasts));

  g_assert_true (cwb_save_chooser_save_to (toasts, path, write_saved, fixture));
  g_assert_true (fixture->answered);
  g_assert_cmpstr (fixture->path, ==, path);
  g_assert_cmpuint (fixture->filter_index, ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "saved");

  /* a file that cannot be written: FALSE, nothing left behind */
  reset (fixture);
  g_assert_false (cwb_save_chooser_save_to (toasts, missing, write_saved, fixture));
  g_assert_true (fixture->answered);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* without a toast overlay, too */
  g_assert_true (cwb_save_chooser_save_to (NULL, path, write_saved, fixture));
}

static void
test_saved_toast (void)
{
  g_autoptr(AdwToast) toast = g_object_ref_sink (cwb_save_chooser_new_saved_toast ("/tmp/a&b/协议 <1>.pdf"));
  g_autofree char *expected = g_strdup_printf (_("Saved “%s”."), "协议 &lt;1&gt;.pdf");

  g_assert_cmpstr (adw_toast_get_title (toast), ==, expected);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, _("Open Folder"));
}

/* One test for every answer: the dialog's recent files are GTK's single
 * GtkRecentManager, kept in the isolated data folder of the test that
 * first opened a file dialog; in a later test that folder is gone. */
static void
test_dialog (Fixture       *fixture,
             gconstpointer  data)
{
  GtkFileChooserDialog *dialog;
  g_autofree char *added = g_build_filename (fixture->dir, "名单.csv", NULL);
  g_autofree char *typed = g_build_filename (fixture->dir, "list.CSV", NULL);
  g_autofree char *saved = g_build_filename (fixture->dir, "保存.csv", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);

  /* dismissed: cancelled, nothing chosen */
  dialog = open_dialog (fixture);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  CWB_TEST_WAIT_FOR (fixture->answered);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->path);
  g_assert_cmpuint (fixture->filter_index, ==, G_MAXUINT);
  reset (fixture);

  /* a name without a suffix gets the chosen filter's */
  dialog = open_dialog (fixture);
  accept (fixture, dialog, "名单", 1);
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (fixture->path, ==, added);
  g_assert_cmpuint (fixture->filter_index, ==, 1);
  reset (fixture);

  /* a name with one of the offered suffixes keeps it */
  dialog = open_dialog (fixture);
  accept (fixture, dialog, "list.CSV", 0);
  g_assert_no_error (fixture->error);
  g_assert_cmpstr (fixture->path, ==, typed);
  g_assert_cmpuint (fixture->filter_index, ==, 0);
  reset (fixture);

  /* choose, then write: the save function gets the path and the filter */
  cwb_save_chooser_save (fixture->page, NULL, "Export Things", "things.xlsx", suffixes, descriptions,
                         write_saved, fixture, NULL);
  CWB_TEST_WAIT_FOR (find_chooser_dialog () != NULL);
  accept (fixture, find_chooser_dialog (), "保存", 1);
  g_assert_cmpstr (fixture->path, ==, saved);
  g_assert_cmpuint (fixture->filter_index, ==, 1);
  g_assert_true (g_file_get_contents (saved, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "saved");
  reset (fixture);

  /* dismissed: nothing is written */
  cwb_save_chooser_save (fixture->page, NULL, "Export Things", "things.xlsx", suffixes, descriptions,
                         write_saved, fixture, NULL);
  CWB_TEST_WAIT_FOR (find_chooser_dialog () != NULL);
  gtk_dialog_response (GTK_DIALOG (find_chooser_dialog ()), GTK_RESPONSE_CANCEL);
  CWB_TEST_WAIT_FOR (find_chooser_dialog () == NULL);
  cwb_test_drain ();
  g_assert_false (fixture->answered);
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

  g_test_add_func ("/save-chooser/add-suffix", test_add_suffix);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/save-chooser/dialog", test_dialog);
  ADD ("/save-chooser/save-to", test_save_to);
  g_test_add_func ("/save-chooser/saved-toast", test_saved_toast);

#undef ADD

  return g_test_run ();
}
