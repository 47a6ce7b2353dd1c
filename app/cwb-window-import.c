/* cwb-window-import.c — the window's import (chooser, drag and drop) and export of consortium files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-window-private.h"

typedef struct
{
  GFile    *file;
  gboolean  quiet;   /* errors as toasts: one of several dropped files */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

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

/* Import */

static void import_next (CwbWindow     *self,
                         CwbConsortium *consortium,
                         gboolean       replace,
                         gboolean       quiet);

static void
import_failed (CwbWindow  *self,
               GFile      *file,
               const char *message,
               gboolean    quiet)
{
  g_autofree char *name = file_display_name (file);

  if (quiet)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” was not imported: %s"), name, message);

      _cwb_window_show_toast (self, title, 0);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), name);

      _cwb_window_show_message (self, heading, message);
    }
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  CwbWindow *self = user_data;
  CwbConsortium *consortium = g_object_get_data (G_OBJECT (dialog), "cwb-consortium");

  if (g_strcmp0 (response, "replace") == 0)
    import_next (self, consortium, TRUE, FALSE);
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

static void
import_next (CwbWindow     *self,
             CwbConsortium *consortium,
             gboolean       replace,
             gboolean       quiet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!replace && cwb_store_lookup_consortium (self->store, cwb_consortium_get_name (consortium)) != 0)
    {
      ask_replace (self, consortium);
      return;
    }

  if (!cwb_store_import_consortium (self->store, consortium, replace, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"),
                                                  cwb_consortium_get_name (consortium));

      if (quiet)
        _cwb_window_show_toast (self, error->message, 0);
      else
        _cwb_window_show_message (self, heading, error->message);
      return;
    }

  cwb_window_select_consortium (self, cwb_consortium_get_id (consortium));

  title = g_strdup_printf (replace ? _("Replaced “%s”") : _("Imported “%s”"),
                           cwb_consortium_get_name (consortium));
  _cwb_window_show_toast (self, title, 5);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  CwbConsortium *consortium;
  GError *error = NULL;

  consortium = cwb_consortium_file_load (data->file, cancellable, &error);
  if (consortium == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, consortium, g_object_unref);
}

static void
load_file_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CwbWindow *self = CWB_WINDOW (object);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;

  consortium = g_task_propagate_pointer (G_TASK (result), &error);
  if (consortium == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        import_failed (self, data->file, error->message, data->quiet);
      return;
    }

  import_next (self, consortium, FALSE, data->quiet);
}

static void
import_file_full (CwbWindow *self,
                  GFile     *file,
                  gboolean   quiet)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->quiet = quiet;

  task = g_task_new (self, self->cancellable, load_file_done_cb, NULL);
  g_task_set_source_tag (task, import_file_full);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, load_file_thread);
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
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          import_file_full (self, file, n > 1);
        }
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
  GSList *files;
  guint n;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  n = g_slist_length (files);
  for (GSList *l = files; l; l = l->next)
    import_file_full (self, l->data, n > 1);
  g_slist_free (files);

  return n > 0;
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
  check = cwb_consortium_from_json (root, &local_error);
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

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/**
 * cwb_window_import_file:
 * @self: a #CwbWindow
 * @file: a consortium file
 *
 * Loads @file off the main thread and adds it to the store, asking before it
 * replaces a consortium of the same name; selects it on success. A bad file
 * changes nothing: its message, naming the key path, is shown.
 */
void
cwb_window_import_file (CwbWindow *self,
                        GFile     *file)
{
  g_return_if_fail (CWB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_file_full (self, file, FALSE);
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
