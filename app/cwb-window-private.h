/* cwb-window-private.h — what the window's tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-window.h"

G_BEGIN_DECLS

/* (transfer none): the consortia list as shown, after search and industry */
GListModel  *_cwb_window_get_consortia_model   (CwbWindow  *self);
/* (transfer none) */
GtkEditable *_cwb_window_get_search_entry      (CwbWindow  *self);
/* (transfer none) */
GtkDropDown *_cwb_window_get_industry_dropdown (CwbWindow  *self);
/* whether the sidebar lists a page of that id */
gboolean     _cwb_window_has_page              (CwbWindow  *self,
                                                const char *page_id);
gboolean     _cwb_window_is_page_sensitive     (CwbWindow  *self,
                                                const char *page_id);
/* the name of the content stack's visible child: "loading", "empty",
 * "unselected" or "page:ID" */
const char  *_cwb_window_get_visible_content   (CwbWindow  *self);

/* What win.export writes once the user chose @file; fails, writing nothing,
 * when the current consortium would not be a valid consortium file. */
gboolean     _cwb_window_export_to_file        (CwbWindow  *self,
                                                GFile      *file,
                                                GError    **error);

G_END_DECLS
