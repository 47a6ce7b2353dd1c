/* cwb-window-import.c — the window's import (chooser, drag and drop) and export of consortium files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-window-private.h"

/* Import
 *
 * Files are imported through a CwbImporter (cwb-importer.h). A worker
 * thread parses the next files, a chunk at a time (load_chunk_thread());
 * the main loop adds the parsed ones to the importer in slices of at most
 * SLICE_MSEC and commits each slice before it returns (import_slice_cb()),
 * so no write transaction is open while the main loop runs and no slice
 * stalls it for long. Parsing the next chunk overlaps importing this one.
 *
 * More than one file shows the progress row at the bottom of the sidebar
 * (cwb-import-progress.ui), with a Cancel button, and one toast sums the
 * import up at the end. One file alone behaves as a single import always
 * did: a dialog for a bad file, a toast naming the consortium imported. A
 * consortium whose name is stored already is asked about once the import
 * is over, one dialog at a time per consortium, and replaced on “Replace”.
 */

#define CHUNK_MAX_FILES 64     /* files one parsing task takes at most */
#define CHUNK_MSEC      100    /* …or as many as it parses in this time */
#define MAX_QUEUED      256    /* parsed files waiting: the worker waits too */
#define SLICE_MSEC      30     /* a slice adds and commits for about this long */

/* One file: its name, then what parsing it gave */
typedef struct
{
  GFile         *file;
  char          *display_name;
  CwbConsortium *consortium;   /* nullable */
  GError        *error;        /* nullable */
} ImportItem;

static void
import_item_free (ImportItem *item)
{
  g_clear_object (&item->file);
  g_free (item->display_name);
  g_clear_object (&item->consortium);
  g_clear_error (&item->error);
  g_free (item);
}

/* One import, from the first file given until the last one was added and
 * committed, or until it was cancelled. A g_rc_box: a parsing task keeps
 * it alive after the window let it go. Used from the main thread only. */
typedef struct
{
  CwbWindow    *window;          /* unowned; NULL once the run is over */
  CwbImporter  *importer;        /* owned; NULL once the run is over */
  GCancellable *cancellable;     /* the parsing */
  CwbRuleSet   *rules;
  GPtrArray    *files;           /* of GFile: every file given */
  guint         n_sent;          /* files[0..n_sent) went to a parsing task */
  gboolean      parsing;         /* a parsing task is under way */
  GQueue        parsed;          /* of ImportItem: parsed, for the importer */
  guint         slice_source;
  double        commit_usec;     /* what committing took a file, lately */
  gboolean      cancelled;

  guint         n_imported;
  guint         n_failed;
  guint         n_cancelled;
  gint64        last_id;         /* the last consortium imported */
  char         *last_name;
  /* the first failure: the file, why, and the dialog's heading */
  char         *failed_file;
  char         *failed_message;
  char         *failed_heading;
} ImportRun;

struct _CwbWindowImport
{
  ImportRun      *run;           /* the import under way, or NULL */
  GQueue          questions;     /* of CwbConsortium: stored names to ask about */
  gboolean        asking;        /* a replace dialog is shown */
  guint           slice_limit;   /* for tests: items per slice at most; 0: none */
  AdwToast       *last_toast;    /* owned, for tests */

  /* the progress row, in the sidebar */
  GtkRevealer    *revealer;
  GtkProgressBar *bar;
  GtkLabel       *text;
};

static void
import_run_clear (ImportRun *run)
{
  g_assert (run->importer == NULL);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->rules);
  g_clear_pointer (&run->files, g_ptr_array_unref);
  g_queue_clear_full (&run->parsed, (GDestroyNotify) import_item_free);
  g_free (run->last_name);
  g_free (run->failed_file);
  g_free (run->failed_message);
  g_free (run->failed_heading);
}

static void
import_run_unref (ImportRun *run)
{
  g_rc_box_release_full (run, (GDestroyNotify) import_run_clear);
}

static void
show_import_toast (CwbWindow  *self,
                   const char *title,
                   guint       timeout)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, timeout);
  g_set_object (&self->import->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

/* Replacing a consortium of the same name */

static void ask_next_question (CwbWindow *self);

static void
replace_consortium (CwbWindow     *self,
                    CwbConsortium *consortium)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  /* between slices: no batch of an import under way is open */
  if (!cwb_store_import_consortium (self->store, consortium, TRUE, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"),
                                                  cwb_consortium_get_name (consortium));

      _cwb_window_show_message (self, heading, error->message);
      return;
    }

  cwb_window_select_consortium (self, cwb_consortium_get_id (consortium));

  title = g_strdup_printf (_("Replaced “%s”"), cwb_consortium_get_name (consortium));
  show_import_toast (self, title, 5);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  CwbWindow *self = user_data;
  CwbConsortium *consortium = g_object_get_data (G_OBJECT (dialog), "cwb-consortium");

  /* the window's dispose came first */
  if (self->import == NULL)
    return;

  self->import->asking = FALSE;

  if (g_strcmp0 (response, "replace") == 0)
    replace_consortium (self, consortium);

  ask_next_question (self);
}

static void
ask_replace (CwbWindow     *self,
             CwbConsortium *consortium)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Replace “%s”?"),
                                     cwb_consortium_get_name (consortium));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The workspace already has a consortium of this name. "
                                 "Replacing it puts the file’s information, members and "
                                 "exceptions in place of those kept now; this cannot be undone. "
                                 "What was recorded here beyond the file stays: the steps of its "
                                 "review, the history of its chief experts, its reviewers and "
                                 "the signature scans."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cwb-consortium",
                          g_object_ref (consortium), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One question at a time, once no import is under way */
static void
ask_next_question (CwbWindow *self)
{
  g_autoptr(CwbConsortium) consortium = NULL;

  if (self->import->asking || self->import->run != NULL)
    return;

  consortium = g_queue_pop_head (&self->import->questions);
  if (consortium == NULL)
    return;

  self->import->asking = TRUE;
  ask_replace (self, consortium);
}

/* The progress row */

static void import_cancel_clicked_cb (CwbWindow *self);

/* The progress row at the bottom of the sidebar, built the first time
 * several files are imported: the first frame needs none of it. */
static void
ensure_progress_row (CwbWindow *self)
{
  CwbWindowImport *import = self->import;
  g_autoptr(GtkBuilder) builder = NULL;

  if (import->revealer != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/cwb/ConsortiumWorkbench/cwb-import-progress.ui");
  import->revealer = GTK_REVEALER (gtk_builder_get_object (builder, "import_revealer"));
  import->bar = GTK_PROGRESS_BAR (gtk_builder_get_object (builder, "import_bar"));
  import->text = GTK_LABEL (gtk_builder_get_object (builder, "import_text"));
  g_signal_connect_swapped (gtk_builder_get_object (builder, "import_cancel"), "clicked",
                            G_CALLBACK (import_cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->sidebar), GTK_WIDGET (import->revealer));
}

static void
update_progress (CwbWindow *self)
{
  CwbWindowImport *import = self->import;
  CwbImporter *importer = import->run->importer;
  guint n_total = cwb_importer_get_n_total (importer);
  g_autofree char *text = NULL;

  if (n_total < 2)
    return;

  ensure_progress_row (self);
  text = cwb_importer_dup_progress_text (importer);
  gtk_label_set_label (import->text, text);
  gtk_progress_bar_set_fraction (import->bar,
                                 (double) cwb_importer_get_n_done (importer) / n_total);
  gtk_revealer_set_reveal_child (import->revealer, TRUE);
}

static void
hide_progress (CwbWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *revealer = GTK_WIDGET (self->import->revealer);

  /* the Cancel button goes: the focus goes to the list */
  if (focus != NULL && (focus == revealer || gtk_widget_is_ancestor (focus, revealer)))
    gtk_widget_grab_focus (GTK_WIDGET (self->consortia_view));

  gtk_revealer_set_reveal_child (self->import->revealer, FALSE);
}

/* The end of a run */

static void
report_one_file (CwbWindow *self,
                 ImportRun *run)
{
  g_autofree char *title = NULL;

  if (run->n_imported == 1)
    {
      cwb_window_select_consortium (self, run->last_id);
      title = g_strdup_printf (_("Imported “%s”"), run->last_name);
      show_import_toast (self, title, 5);
    }
  else if (run->failed_heading != NULL)
    {
      _cwb_window_show_message (self, run->failed_heading, run->failed_message);
    }
  /* else a question follows */
}

/* (transfer full): "12 consortia imported; “a.json” was not imported: …" */
static char *
dup_summary (ImportRun *run)
{
  g_autofree char *summary = NULL;
  g_autofree char *failed = NULL;

  summary = g_strdup_printf (g_dngettext (NULL, "%u consortium imported", "%u consortia imported",
                                          run->n_imported),
                             run->n_imported);

  if (run->n_cancelled > 0)
    {
      g_autofree char *rest = NULL;
      g_autofree char *joined = NULL;

      rest = g_strdup_printf (g_dngettext (NULL, "the other %u file was cancelled",
                                           "the other %u files were cancelled", run->n_cancelled),
                              run->n_cancelled);
      /* Translators: joins the parts of the import's summary */
      joined = g_strdup_printf (_("%s; %s"), summary, rest);
      g_free (summary);
      summary = g_strdup_printf (_("Import cancelled: %s"), joined);
    }

  if (run->n_failed == 0)
    return g_steal_pointer (&summary);

  if (run->n_failed == 1)
    failed = g_strdup_printf (_("“%s” was not imported: %s"), run->failed_file, run->failed_message);
  else
    failed = g_strdup_printf (g_dngettext (NULL, "%u file was not imported, the first “%s”: %s",
                                           "%u files were not imported, the first “%s”: %s",
                                           run->n_failed),
                              run->n_failed, run->failed_file, run->failed_message);

  return g_strdup_printf (_("%s; %s"), summary, failed);
}

static void
report_run (CwbWindow *self,
            ImportRun *run)
{
  g_autofree char *summary = NULL;

  if (run->files->len == 1 && !run->cancelled)
    {
      report_one_file (self, run);
      return;
    }

  if (run->n_imported > 0)
    cwb_window_select_consortium (self, run->last_id);

  /* all were questions: they follow */
  if (run->n_imported == 0 && run->n_failed == 0 && run->n_cancelled == 0)
    return;

  summary = dup_summary (run);
  show_import_toast (self, summary, run->n_failed > 0 ? 0 : 5);
}

/* Ends the run: rolls back its open batch (there is none between slices)
 * and forgets what was not imported when @cancelled, else commits. */
static void
finish_run (CwbWindow *self,
            gboolean   cancelled)
{
  ImportRun *run = g_steal_pointer (&self->import->run);

  g_clear_handle_id (&run->slice_source, g_source_remove);
  g_cancellable_cancel (run->cancellable);

  run->cancelled = cancelled;
  if (cancelled)
    {
      cwb_importer_cancel (run->importer);
      run->n_cancelled += run->files->len - cwb_importer_get_n_done (run->importer);
    }
  else
    {
      cwb_importer_commit (run->importer, NULL);
    }
  g_queue_clear_full (&run->parsed, (GDestroyNotify) import_item_free);
  g_clear_object (&run->importer);

  if (self->import->revealer != NULL)
    hide_progress (self);

  run->window = NULL;
  report_run (self, run);
  import_run_unref (run);

  ask_next_question (self);
}

static void
import_result_cb (CwbImporter   *importer,
                  CwbConsortium *consortium,
                  gboolean       replaced,
                  const GError  *error,
                  gpointer       item_data,
                  gpointer       user_data)
{
  ImportRun *run = user_data;
  ImportItem *item = item_data;

  if (error == NULL)
    {
      run->n_imported++;
      run->last_id = cwb_consortium_get_id (consortium);
      g_free (run->last_name);
      run->last_name = g_strdup (cwb_consortium_get_name (consortium));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      run->n_cancelled++;
      return;
    }

  if (consortium != NULL && g_error_matches (error, CWB_ERROR, CWB_ERROR_EXISTS))
    {
      if (run->window != NULL)
        g_queue_push_tail (&run->window->import->questions, g_object_ref (consortium));
      return;
    }

  run->n_failed++;
  if (run->failed_file != NULL)
    return;

  run->failed_file = g_strdup (item->display_name);
  run->failed_message = g_strdup (error->message);
  /* a file that did not load is named by its file, one the store refused by its name */
  run->failed_heading = g_strdup_printf (_("Cannot Import “%s”"),
                                         consortium != NULL ? cwb_consortium_get_name (consortium)
                                                            : item->display_name);
}

/* Parsing, in a worker thread */

typedef struct
{
  GPtrArray  *files;   /* of GFile: those the task may take */
  CwbRuleSet *rules;
  GPtrArray  *items;   /* of ImportItem: those it parsed, in order */
} ImportChunk;

static void
import_chunk_free (ImportChunk *chunk)
{
  g_ptr_array_unref (chunk->files);
  g_object_unref (chunk->rules);
  g_ptr_array_unref (chunk->items);
  g_free (chunk);
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

/* Parses files of the chunk, in order, for CHUNK_MSEC at most (and one
 * file at least) */
static void
load_chunk_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImportChunk *chunk = task_data;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < chunk->files->len; i++)
    {
      GFile *file = g_ptr_array_index (chunk->files, i);
      ImportItem *item;

      if (g_cancellable_is_cancelled (cancellable) ||
          (i > 0 && g_get_monotonic_time () - start >= CHUNK_MSEC * 1000))
        break;

      item = g_new0 (ImportItem, 1);
      item->file = g_object_ref (file);
      item->display_name = file_display_name (file);
      /* the rule set is immutable: reading it from this thread is safe */
      item->consortium = cwb_consortium_file_load_with_rules (file, chunk->rules, cancellable,
                                                              &item->error);
      g_ptr_array_add (chunk->items, item);
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean import_slice_cb (gpointer user_data);

static void
schedule_slice (ImportRun *run)
{
  if (run->slice_source == 0 && !g_queue_is_empty (&run->parsed))
    {
      /* below the redraw's priority: the progress is drawn between slices */
      run->slice_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, import_slice_cb, run, NULL);
      g_source_set_name_by_id (run->slice_source, "[cwb] import slice");
    }
}

static void load_chunk_done_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data);

/* Starts parsing the next files, unless a task is under way, all were
 * sent or enough wait */
static void
parse_next (ImportRun *run)
{
  g_autoptr(GTask) task = NULL;
  ImportChunk *chunk;
  guint n;

  if (run->parsing || run->window == NULL || run->n_sent >= run->files->len ||
      g_queue_get_length (&run->parsed) >= MAX_QUEUED)
    return;

  n = MIN (run->files->len - run->n_sent, CHUNK_MAX_FILES);
  chunk = g_new0 (ImportChunk, 1);
  chunk->files = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (chunk->files, g_object_ref (g_ptr_array_index (run->files, run->n_sent + i)));
  chunk->rules = g_object_ref (run->rules);
  chunk->items = g_ptr_array_new_with_free_func ((GDestroyNotify) import_item_free);

  task = g_task_new (NULL, run->cancellable, load_chunk_done_cb, g_rc_box_acquire (run));
  g_task_set_source_tag (task, parse_next);
  g_task_set_task_data (task, chunk, (GDestroyNotify) import_chunk_free);
  g_task_run_in_thread (task, load_chunk_thread);
  run->parsing = TRUE;
}

static void
load_chunk_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ImportRun *run = user_data;
  ImportChunk *chunk = g_task_get_task_data (G_TASK (result));

  run->parsing = FALSE;

  /* not cancelled or over */
  if (run->window != NULL)
    {
      gsize n_items = 0;
      g_autofree gpointer *items = g_ptr_array_steal (chunk->items, &n_items);

      run->n_sent += n_items;
      for (gsize i = 0; i < n_items; i++)
        g_queue_push_tail (&run->parsed, items[i]);
      parse_next (run);
      schedule_slice (run);
    }

  import_run_unref (run);
}

/* Importing, in the main loop */

/* Adds parsed files to the importer and commits them before the main
 * loop goes on: as many as fit in SLICE_MSEC with their commit, which
 * costs more as the store grows (the sidebar reads the new rows). */
static gboolean
import_slice_cb (gpointer user_data)
{
  ImportRun *run = user_data;
  CwbWindow *self = run->window;
  gint64 start = g_get_monotonic_time ();
  gint64 added, committed;
  guint limit = self->import->slice_limit;
  guint n = 0;
  ImportItem *item;

  while ((item = g_queue_pop_head (&run->parsed)) != NULL)
    {
      /* the importer owns the item from here on, and reports it */
      if (item->consortium != NULL)
        cwb_importer_add (run->importer, item->consortium, FALSE,
                          item, (GDestroyNotify) import_item_free);
      else
        cwb_importer_add_failed (run->importer, item->error,
                                 item, (GDestroyNotify) import_item_free);

      if (++n == limit ||
          g_get_monotonic_time () - start + n * run->commit_usec >= SLICE_MSEC * 1000)
        break;
    }

  /* a failed commit reports its items failed, with why; the sidebar reads
   * the consortia once for the whole slice, not once a consortium */
  added = g_get_monotonic_time ();
  cwb_consortium_list_freeze_changes (self->consortia);
  cwb_importer_commit (run->importer, NULL);
  cwb_consortium_list_thaw_changes (self->consortia);
  committed = g_get_monotonic_time ();

  if (n > 0)
    run->commit_usec = (run->commit_usec + (double) (committed - added) / n) / 2;
  g_debug ("import slice: %u files, %.1f ms adding, %.1f ms committing, %u parsed waiting",
           n, (added - start) / 1000.0, (committed - added) / 1000.0,
           g_queue_get_length (&run->parsed));

  update_progress (self);
  parse_next (run);

  if (!g_queue_is_empty (&run->parsed))
    return G_SOURCE_CONTINUE;

  run->slice_source = 0;
  if (!run->parsing && run->n_sent == run->files->len)
    finish_run (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
import_files (CwbWindow *self,
              GPtrArray *files)
{
  ImportRun *run = self->import->run;

  if (files->len == 0)
    return;

  /* files given while an import is under way join it */
  if (run == NULL)
    {
      run = g_rc_box_new0 (ImportRun);
      run->window = self;
      run->importer = cwb_importer_new (self->store);
      /* committed by the slices, each before it returns */
      cwb_importer_set_batch_limits (run->importer, 0, 0);
      cwb_importer_set_result_func (run->importer, import_result_cb, run, NULL);
      run->cancellable = g_cancellable_new ();
      run->rules = g_object_ref (cwb_context_get_rules (self->context));
      run->files = g_ptr_array_new_with_free_func (g_object_unref);
      g_queue_init (&run->parsed);
      self->import->run = run;
    }

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (run->files, g_object_ref (g_ptr_array_index (files, i)));
  cwb_importer_set_n_total (run->importer, run->files->len);

  update_progress (self);
  parse_next (run);
}

static void
import_cancel_clicked_cb (CwbWindow *self)
{
  if (self->import->run != NULL)
    finish_run (self, TRUE);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  CwbWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      cwb_window_import_files (self, files);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static GtkFileFilter *
consortium_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Consortium Files"));
  gtk_file_filter_add_pattern (filter, "*.consortium.json");
  gtk_file_filter_add_pattern (filter, "*.json");

  return filter;
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = consortium_file_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Consortium File"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CwbWindow *self = user_data;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);
  import_files (self, files);

  return files->len > 0;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  CwbWindow *self = user_data;

  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               gpointer       user_data)
{
  CwbWindow *self = user_data;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");
}

/* Export */

static gboolean
export_consortium (const char  *path,
                   guint        filter_index,
                   gpointer     user_data,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cwb_consortium_file_save (CWB_CONSORTIUM (user_data), file, NULL, error);
}

/* The current consortium as it is stored, if it makes a valid file: only
 * what loads back is written, so one without a lead or without members is
 * refused with the loader's reason. */
static CwbConsortium *
load_exportable (CwbWindow  *self,
                 GError    **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) check = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  consortium = cwb_store_load_consortium (self->store, self->current_id, error);
  if (consortium == NULL)
    return NULL;

  root = cwb_consortium_to_json (consortium);
  check = cwb_consortium_from_json_with_rules (root, cwb_context_get_rules (self->context), &local_error);
  if (check == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("It is not a valid consortium file yet: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&consortium);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbConsortium *current = cwb_context_get_consortium (self->context);
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  const char *suffixes[] = { "json", NULL };
  const char *descriptions[] = { _("Consortium Files"), NULL };

  if (self->current_id == 0 || current == NULL)
    return;

  consortium = load_exportable (self, &error);
  if (consortium == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Export “%s”"),
                                                  cwb_consortium_get_name (current));

      _cwb_window_show_message (self, heading, error->message);
      return;
    }

  file_name = g_strdup_printf ("%s.consortium.json", cwb_consortium_get_name (consortium));
  cwb_save_chooser_save (widget, self->toast_overlay, _("Export Consortium File"), file_name,
                         suffixes, descriptions, export_consortium,
                         g_steal_pointer (&consortium), g_object_unref);
}

/* Construction (from cwb-window.c) */

void
_cwb_window_class_import_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
}

void
_cwb_window_import_init (CwbWindow *self)
{
  GtkDropTarget *drop;

  self->import = g_new0 (CwbWindowImport, 1);
  g_queue_init (&self->import->questions);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

}

/* Called first thing in the window's dispose: an import under way stops
 * (what it committed stays), unanswered questions are dropped. */
void
_cwb_window_import_dispose (CwbWindow *self)
{
  CwbWindowImport *import = self->import;
  ImportRun *run;

  if (import == NULL)
    return;

  run = g_steal_pointer (&import->run);
  if (run != NULL)
    {
      g_clear_handle_id (&run->slice_source, g_source_remove);
      g_cancellable_cancel (run->cancellable);
      run->window = NULL;
      g_clear_object (&run->importer);
      import_run_unref (run);
    }

  g_queue_clear_full (&import->questions, g_object_unref);
  g_clear_object (&import->last_toast);
  g_clear_pointer (&self->import, g_free);
}

/**
 * cwb_window_import_file:
 * @self: a #CwbWindow
 * @file: a consortium file
 *
 * Loads @file off the main thread and adds it to the store, asking before it
 * replaces a consortium of the same name; selects it on success. A bad file
 * changes nothing: its message, naming the key path, is shown. During an
 * import of other files, @file joins it.
 */
void
cwb_window_import_file (CwbWindow *self,
                        GFile     *file)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  g_return_if_fail (CWB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_ptr_array_add (files, file);
  import_files (self, files);
}

/**
 * cwb_window_import_files:
 * @self: a #CwbWindow
 * @files: a #GListModel of #GFile
 *
 * Imports @files as the file chooser and a drop do: parsed off the main
 * thread, committed in batches through a #CwbImporter, with the progress
 * shown and a Cancel button when there is more than one; one toast sums
 * it up. A consortium whose name is stored already is asked about
 * afterwards. Files given during an import join it.
 */
void
cwb_window_import_files (CwbWindow  *self,
                         GListModel *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (CWB_IS_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  n = g_list_model_get_n_items (files);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  import_files (self, array);
}

/* For tests (cwb-window-private.h) */

gboolean
_cwb_window_export_to_file (CwbWindow  *self,
                            GFile      *file,
                            GError    **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;

  g_return_val_if_fail (CWB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current_id != 0, FALSE);

  consortium = load_exportable (self, error);
  if (consortium == NULL)
    return FALSE;

  return cwb_consortium_file_save (consortium, file, NULL, error);
}

GtkWidget *
_cwb_window_get_import_progress (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  ensure_progress_row (self);

  return GTK_WIDGET (self->import->revealer);
}

gboolean
_cwb_window_is_importing (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), FALSE);

  return self->import->run != NULL;
}

void
_cwb_window_set_import_slice_limit (CwbWindow *self,
                                    guint      max_items)
{
  g_return_if_fail (CWB_IS_WINDOW (self));

  self->import->slice_limit = max_items;
}

AdwToast *
_cwb_window_get_last_import_toast (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  return self->import->last_toast;
}
