/* cwb-save-chooser.h — asking the user where to save an export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * A save dialog shared by the pages that export files: a
 * #GtkFileChooserNative transient for the page's window, one filter per
 * kind of file the page writes (a suffix such as "xlsx" and its
 * description), the suggested name preselected.  When the user types a
 * name without one of the offered suffixes, the suffix of the chosen
 * filter is added; a file that is not local is refused with a message the
 * page can show.  Writing the file, and telling the user it was written,
 * stay with the page.
 */

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
