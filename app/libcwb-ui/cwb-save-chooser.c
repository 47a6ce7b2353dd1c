/* cwb-save-chooser.c — choosing where to save, writing there, saying so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-save-chooser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-save-chooser.h"

typedef struct
{
  GtkFileChooserNative *chooser;
  GStrv                 suffixes;
  guint                 filter_index;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->chooser);
  g_strfreev (data->suffixes);
  g_free (data);
}

/**
 * cwb_save_chooser_add_suffix:
 * @path: a file name or path, as the user typed it
 * @suffixes: (array zero-terminated=1): the offered suffixes without their
 *   dot, e.g. "xlsx"
 * @filter_index: the suffix to add, an index into @suffixes
 *
 * Adds "." and the suffix at @filter_index to @path unless @path already
 * ends with one of @suffixes (compared ignoring ASCII case).  An
 * @filter_index beyond @suffixes adds the first.
 *
 * Returns: (transfer full): the path to write
 */
char *
cwb_save_chooser_add_suffix (const char         *path,
                             const char * const *suffixes,
                             guint               filter_index)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (suffixes != NULL && suffixes[0] != NULL, NULL);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autofree char *dotted = g_strconcat (".", suffixes[i], NULL);
      g_autofree char *dotted_lower = g_ascii_strdown (dotted, -1);

      if (g_str_has_suffix (lower, dotted_lower))
        return g_strdup (path);
    }

  if (filter_index >= g_strv_length ((char **) suffixes))
    filter_index = 0;
  return g_strconcat (path, ".", suffixes[filter_index], NULL);
}

static guint
chosen_filter_index (GtkFileChooser *chooser)
{
  GtkFileFilter *chosen = gtk_file_chooser_get_filter (chooser);

  if (chosen == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chosen), "cwb-filter-index"));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GTask           *task)
{
  ChooseData *data = g_task_get_task_data (task);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The save dialog was dismissed");
      g_object_unref (task);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               "%s", _("Choose a local file to save to."));
      g_object_unref (task);
      return;
    }

  data->filter_index = chosen_filter_index (GTK_FILE_CHOOSER (chooser));
  g_task_return_pointer (task,
                         cwb_save_chooser_add_suffix (path, (const char * const *) data->suffixes,
                                                      data->filter_index),
                         g_free);
  g_object_unref (task);
}

/**
 * cwb_save_chooser_choose:
 * @parent: the widget whose window the dialog is transient for
 * @title: the dialog's title, translated
 * @suggested_name: the file name to preselect, with a suffix
 * @suffixes: (array zero-terminated=1): one suffix per filter, without its
 *   dot, e.g. "xlsx"; at least one
 * @descriptions: (array zero-terminated=1): the filters' names, translated,
 *   as many as @suffixes
 * @callback: (scope async): called when the user has answered
 * @user_data: (closure): data for @callback
 *
 * Opens a modal save dialog with one filter per suffix.  @callback is
 * called with @parent as the source object; get the chosen path with
 * cwb_save_chooser_choose_finish().
 */
void
cwb_save_chooser_choose (GtkWidget           *parent,
                         const char          *title,
                         const char          *suggested_name,
                         const char * const  *suffixes,
                         const char * const  *descriptions,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  ChooseData *data;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (title != NULL && suggested_name != NULL);
  g_return_if_fail (suffixes != NULL && suffixes[0] != NULL);
  g_return_if_fail (descriptions != NULL);
  g_return_if_fail (g_strv_length ((char **) suffixes) == g_strv_length ((char **) descriptions));

  task = g_task_new (parent, NULL, callback, user_data);
  g_task_set_source_tag (task, cwb_save_chooser_choose);

  root = gtk_widget_get_root (parent);
  data = g_new0 (ChooseData, 1);
  data->suffixes = g_strdupv ((char **) suffixes);
  data->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  g_task_set_task_data (task, data, (GDestroyNotify) choose_data_free);

  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, descriptions[i]);
      gtk_file_filter_add_suffix (filter, suffixes[i]);
      g_object_set_data (G_OBJECT (filter), "cwb-filter-index", GUINT_TO_POINTER (i));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  g_signal_connect (data->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}

/**
 * cwb_save_chooser_choose_finish:
 * @parent: the widget passed to cwb_save_chooser_choose()
 * @result: the #GAsyncResult given to the callback
 * @filter_index: (out) (optional): the index of the filter the user chose
 * @error: return location for a #GError: %G_IO_ERROR_CANCELLED when the
 *   user dismissed the dialog (say nothing), %G_IO_ERROR_NOT_SUPPORTED with
 *   a message to show when the chosen file is not local
 *
 * Returns: (transfer full) (nullable): the local path to write, with the
 *   chosen filter's suffix when the user typed none of the offered ones;
 *   %NULL on error
 */
char *
cwb_save_chooser_choose_finish (GtkWidget     *parent,
                                GAsyncResult  *result,
                                guint         *filter_index,
                                GError       **error)
{
  GTask *task = G_TASK (result);
  char *path;

  g_return_val_if_fail (g_task_is_valid (result, parent), NULL);
  g_return_val_if_fail (g_task_get_source_tag (task) == cwb_save_chooser_choose, NULL);

  path = g_task_propagate_pointer (task, error);
  if (path != NULL && filter_index != NULL)
    *filter_index = ((ChooseData *) g_task_get_task_data (task))->filter_index;
  return path;
}

/* ── saving ───────────────────────────────────────────────────────────── */

typedef struct
{
  AdwToastOverlay *toasts;      /* owned, nullable */
  CwbSaveFunc      save;
  gpointer         user_data;
  GDestroyNotify   destroy;
} SaveData;

static void
save_data_free (SaveData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_clear_object (&data->toasts);
  g_free (data);
}

/* a toast of @text (plain, or a format with one %s for @argument, both
 * escaped) shown for ten seconds, into @toasts */
static AdwToast *
toast_new (const char *format,
           const char *argument)
{
  g_autofree char *escaped = g_markup_escape_text (argument, -1);
  g_autofree char *title = format != NULL ? g_strdup_printf (format, escaped) : g_steal_pointer (&escaped);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 10);
  return toast;
}

static void
add_toast (AdwToastOverlay *toasts,
           AdwToast        *toast)
{
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
folder_shown_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Cannot show the folder: %s", error->message);
}

static void
open_folder_cb (AdwToast   *toast,
                const char *folder_uri)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gdk_display_get_default ()));
  g_app_info_launch_default_for_uri_async (folder_uri, context, NULL, folder_shown_cb, NULL);
}

/**
 * cwb_save_chooser_new_saved_toast:
 * @path: the file that was written
 *
 * The toast that says a file was saved: "Saved “name”." and an Open Folder
 * button that shows the folder it is in.
 *
 * Returns: (transfer floating): the toast
 */
AdwToast *
cwb_save_chooser_new_saved_toast (const char *path)
{
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  AdwToast *toast;

  g_return_val_if_fail (path != NULL, NULL);

  base = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  file = g_file_new_for_path (folder);

  /* Translators: %s is a file name */
  toast = toast_new (_("Saved “%s”."), base);
  /* Translators: the button of the toast that says a file was saved */
  adw_toast_set_button_label (toast, _("Open Folder"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                         g_file_get_uri (file), (GClosureNotify) (void (*) (void)) g_free, 0);

  return toast;
}

static gboolean
save_and_tell (AdwToastOverlay *toasts,
               const char      *path,
               guint            filter_index,
               CwbSaveFunc      save,
               gpointer         user_data)
{
  g_autoptr(GError) error = NULL;

  if (!save (path, filter_index, user_data, &error))
    {
      add_toast (toasts, toast_new (NULL, error->message));
      return FALSE;
    }

  add_toast (toasts, cwb_save_chooser_new_saved_toast (path));
  return TRUE;
}

/**
 * cwb_save_chooser_save_to:
 * @toasts: (nullable): where to tell the user
 * @path: the local path to write
 * @save: (scope call): writes the file
 * @user_data: (closure): data for @save
 *
 * Writes @path with @save, then shows the saved toast, or why it could not
 * be written, in @toasts.
 *
 * Returns: %TRUE if @path was written
 */
gboolean
cwb_save_chooser_save_to (AdwToastOverlay *toasts,
                          const char      *path,
                          CwbSaveFunc      save,
                          gpointer         user_data)
{
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (save != NULL, FALSE);

  return save_and_tell (toasts, path, 0, save, user_data);
}

static void
save_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint filter_index = 0;

  path = cwb_save_chooser_choose_finish (GTK_WIDGET (source), result, &filter_index, &error);
  if (path != NULL)
    save_and_tell (data->toasts, path, filter_index, data->save, data->user_data);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_toast (data->toasts, toast_new (NULL, error->message));

  save_data_free (data);
}

/**
 * cwb_save_chooser_save:
 * @parent: the widget whose window the dialog is transient for
 * @toasts: (nullable): where to tell the user
 * @title: the dialog's title, translated
 * @suggested_name: the file name to preselect, with a suffix
 * @suffixes: (array zero-terminated=1): one suffix per filter, without its
 *   dot, e.g. "xlsx"; at least one
 * @descriptions: (array zero-terminated=1): the filters' names, translated,
 *   as many as @suffixes
 * @save: (scope notified): writes the chosen file
 * @user_data: (closure): data for @save
 * @destroy: (nullable): frees @user_data once @save is no longer needed
 *
 * Asks where to save (see cwb_save_chooser_choose()), writes the file
 * there with @save and tells the user in @toasts: the saved toast with
 * Open Folder, or why it could not be written. A dismissed dialog says
 * nothing. @parent and @toasts are kept alive until then.
 */
void
cwb_save_chooser_save (GtkWidget           *parent,
                       AdwToastOverlay     *toasts,
                       const char          *title,
                       const char          *suggested_name,
                       const char * const  *suffixes,
                       const char * const  *descriptions,
                       CwbSaveFunc          save,
                       gpointer             user_data,
                       GDestroyNotify       destroy)
{
  SaveData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts));
  g_return_if_fail (save != NULL);

  data = g_new0 (SaveData, 1);
  data->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  data->save = save;
  data->user_data = user_data;
  data->destroy = destroy;

  cwb_save_chooser_choose (parent, title, suggested_name, suffixes, descriptions,
                           save_chosen_cb, data);
}
