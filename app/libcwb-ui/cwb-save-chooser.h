/* cwb-save-chooser.h — asking the user where to save an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Saving a file the user chooses, the same way on every page:
 *
 * cwb_save_chooser_save() opens a #GtkFileChooserNative transient for the
 * page's window, one filter per kind of file the page writes (a suffix such
 * as "xlsx" and its description), the suggested name preselected; a name
 * typed without one of the offered suffixes gets the chosen filter's. It
 * then calls the page's #CwbSaveFunc with the path, and tells the user in
 * a toast: "Saved “name”." with an Open Folder button (打开文件夹) that
 * shows the folder, or why the file could not be written. A dismissed
 * dialog says nothing; a file that is not local is refused in a toast.
 *
 * cwb_save_chooser_save_to() does the same without the dialog, for an
 * action that takes the path as its parameter (tests, scripts).
 *
 * cwb_save_chooser_choose() is the dialog alone, for a caller that does
 * not write a file there at once.
 */

/**
 * CwbSaveFunc:
 * @path: the local path to write
 * @filter_index: the filter the user chose (an index into the suffixes;
 *   0 when the path was given directly)
 * @user_data: the data passed with the function
 * @error: why the file could not be written, with a message fit to show
 *
 * Writes the file, atomically (#CwbAtomicFile: to a temporary file beside
 * @path, then renamed), so that a failure leaves @path as it was.
 *
 * Returns: %TRUE if @path was written
 */
typedef gboolean (*CwbSaveFunc) (const char  *path,
                                 guint        filter_index,
                                 gpointer     user_data,
                                 GError     **error);

void      cwb_save_chooser_save            (GtkWidget           *parent,
                                            AdwToastOverlay     *toasts,
                                            const char          *title,
                                            const char          *suggested_name,
                                            const char * const  *suffixes,
                                            const char * const  *descriptions,
                                            CwbSaveFunc          save,
                                            gpointer             user_data,
                                            GDestroyNotify       destroy);
gboolean  cwb_save_chooser_save_to         (AdwToastOverlay     *toasts,
                                            const char          *path,
                                            CwbSaveFunc          save,
                                            gpointer             user_data);
AdwToast *cwb_save_chooser_new_saved_toast (const char          *path);

void  cwb_save_chooser_choose        (GtkWidget           *parent,
                                      const char          *title,
                                      const char          *suggested_name,
                                      const char * const  *suffixes,
                                      const char * const  *descriptions,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
char *cwb_save_chooser_choose_finish (GtkWidget           *parent,
                                      GAsyncResult        *result,
                                      guint               *filter_index,
                                      GError             **error);
char *cwb_save_chooser_add_suffix    (const char          *path,
                                      const char * const  *suffixes,
                                      guint                filter_index);

G_END_DECLS
