/* cwb-window.h — the main window: consortia, pages, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cwb-application.h"

G_BEGIN_DECLS

#define CWB_TYPE_WINDOW (cwb_window_get_type ())

G_DECLARE_FINAL_TYPE (CwbWindow, cwb_window, CWB, WINDOW, AdwApplicationWindow)

CwbWindow *cwb_window_new                (CwbApplication *app);
/* Loads @file (off the main thread) and adds it to the store, asking before
 * replacing a consortium of the same name; a bad file changes nothing and
 * its message is shown. The same path as the file chooser and drag-and-drop. */
void       cwb_window_import_file        (CwbWindow      *self,
                                          GFile          *file);
/* Imports @files (a GListModel of GFile) as the file chooser and a drop do:
 * through a CwbImporter, with the progress and a Cancel button shown when
 * there is more than one; files given during an import join it. */
void       cwb_window_import_files       (CwbWindow      *self,
                                          GListModel     *files);
/* Makes the consortium of @id the current one (0: none). */
void       cwb_window_select_consortium  (CwbWindow      *self,
                                          gint64          id);
/* "consortium" for the built-in editor, otherwise a CwbArea id. */
void       cwb_window_show_page          (CwbWindow      *self,
                                          const char     *page_id);
/* (transfer none) (nullable): the page's widget, built if it was not yet;
 * NULL if no page has that id. For tests. */
GtkWidget *cwb_window_get_page           (CwbWindow      *self,
                                          const char     *page_id);

G_END_DECLS
