/* cwb-window-private.h — what the window's files share, and what its tests reach
 *
 * The window is split by job, the way GNOME Text Editor splits its own:
 * cwb-window.c (construction, the current consortium, pages),
 * cwb-window-sidebar.c (the consortia list), cwb-window-import.c (import,
 * drag and drop, export) and cwb-window-actions.c (new, delete).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb-ui.h>

#include "cwb-window.h"

G_BEGIN_DECLS

#define EDITOR_PAGE_ID "consortium"

/* One entry of the pages list: the built-in editor or a CwbArea. */
typedef struct
{
  char         *id;
  char         *title;
  char         *icon_name;
  int           priority;
  CwbAreaScope  scope;
  CwbArea      *area;    /* owned; NULL for the built-in editor */
  char         *module;  /* owned: the plugin of area, NULL for the editor */
  GtkWidget    *row;     /* in pages_list */
  GtkWidget    *widget;  /* in content_stack once built, else NULL */
} CwbPage;

/* the window's import of files (cwb-window-import.c) */
typedef struct _CwbWindowImport CwbWindowImport;

struct _CwbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *industry_dropdown;
  GtkStack             *consortia_stack;
  GtkListView          *consortia_view;
  GtkListBox           *pages_list;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *consortium_menu_button;
  GtkStack             *content_stack;

  /* owned */
  CwbContext           *context;
  CwbStore             *store;
  GSettings            *settings;
  GtkSingleSelection   *selection;
  CwbConsortiumList    *consortia;      /* searched and filtered in SQL */
  PeasExtensionSet     *areas;
  GHashTable           *pages;          /* id → CwbPage */
  char                 *page_id;        /* the page the user chose */
  GCancellable         *cancellable;
  CwbWindowImport      *import;         /* cwb-window-import.c */

  gint64                current_id;     /* 0: none */
  guint                 fill_source;
  guint                 reload_source;
  guint                 sync_source;
  gboolean              consortia_filled; /* the view has the list */
  gboolean              syncing_selection;
  gboolean              syncing_pages;
};

/* cwb-window.c */
void         _cwb_window_show_toast            (CwbWindow     *self,
                                                const char    *title,
                                                guint          timeout);
void         _cwb_window_show_message          (CwbWindow     *self,
                                                const char    *heading,
                                                const char    *body);
/* makes @consortium (nullable) the current one and updates the view */
void         _cwb_window_set_current           (CwbWindow     *self,
                                                CwbConsortium *consortium);
void         _cwb_window_update_view           (CwbWindow     *self);
/* shows the status page @name ("empty", "unselected", "no-match") of @stack,
 * building it the first time */
void         _cwb_window_show_status           (CwbWindow     *self,
                                                GtkStack      *stack,
                                                const char    *name);

/* cwb-window-sidebar.c */
void         _cwb_window_class_sidebar_init    (GtkWidgetClass *widget_class);
void         _cwb_window_sidebar_init          (CwbWindow     *self);
void         _cwb_window_sidebar_setup         (CwbWindow     *self);
/* selects the current consortium's row, if the filters show it */
void         _cwb_window_sync_selection        (CwbWindow     *self);
/* fills the list now if it was not yet */
void         _cwb_window_ensure_consortia      (CwbWindow     *self);

/* cwb-window-import.c */
void         _cwb_window_class_import_init     (GtkWidgetClass *widget_class);
void         _cwb_window_import_init           (CwbWindow     *self);
/* first thing in the window's dispose: stops an import under way */
void         _cwb_window_import_dispose        (CwbWindow     *self);

/* cwb-window-actions.c */
void         _cwb_window_class_actions_init    (GtkWidgetClass *widget_class);

/* For tests */

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

/* The import's progress row (a GtkRevealer at the bottom of the sidebar,
 * revealed while more than one file is imported; built when first
 * needed, or asked for here) */
GtkWidget   *_cwb_window_get_import_progress   (CwbWindow  *self);
/* whether an import of files is under way */
gboolean     _cwb_window_is_importing          (CwbWindow  *self);
/* At most @max_items files per main-loop slice (0: as many as take a few
 * milliseconds), so that a test can stop an import midway */
void         _cwb_window_set_import_slice_limit (CwbWindow *self,
                                                 guint      max_items);
/* (transfer none) (nullable): the last toast the import showed */
AdwToast    *_cwb_window_get_last_import_toast (CwbWindow  *self);

G_END_DECLS
