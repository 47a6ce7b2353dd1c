/* cwb-consortium-editor-private.h — what the tests reach inside the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-consortium-editor.h"
#include "cwb-lifecycle-group.h"

G_BEGIN_DECLS

/* A template child (a widget, or a model) by its id in cwb-consortium-editor.ui ("members_view",
 * "exceptions_group", "name_row", "scientific_problems_add_row" …). (transfer none) */
gpointer   _cwb_consortium_editor_get_child      (CwbConsortiumEditor *self,
                                                  const char          *id);
/* The last toast the editor showed, or NULL. (transfer none) */
AdwToast  *_cwb_consortium_editor_get_last_toast (CwbConsortiumEditor *self);

/* Inside the editor: its instance, shared by cwb-consortium-editor*.c */

/* The editable lists of rule C1 and plan item P1, in the order of the form. */
typedef enum {
  LIST_SCIENTIFIC_PROBLEMS,
  LIST_KEY_TECHNOLOGIES,
  LIST_TRANSFORMATION_RESULTS,
  LIST_LANDMARK_RESULTS,
  LIST_STANDARDS,
  N_LISTS
} ListId;

#define N_STRING_LISTS LIST_STANDARDS

struct _CwbConsortiumEditor
{
  AdwBin                parent_instance;

  /* owned */
  CwbContext           *context;
  CwbConsortium        *consortium;        /* what the form shows, from the context */
  CwbConsortium        *last_written;      /* own fields as last written, until the host reloads */
  CwbMemberList        *members;
  GtkSliceListModel    *members_shown;     /* the first rows of members, growing frame by frame */
  GtkSliceListModel    *members_retiring;  /* the previous list, still in view, shrinking */
  guint                 reveal_tick;
  guint                 reveal_step;       /* how many more members the next frame shows */
  gint64                row_cost_us;       /* what building a row took so far (µs) */
  GHashTable           *removed;           /* guint64 token → RemovedMember */
  guint64               next_token;
  AdwToast             *last_toast;
  char                 *extra_industry;    /* an industry outside the rule set's, shown last */
  GStrv                 shown[N_LISTS];    /* what each list box shows */
  GStrv                 shown_exceptions;
  guint                 n_industries;
  guint                 updating;
  guint                 scroll_source;
  double                scroll_value;
  gboolean              unveiled;          /* the form was shown once */
  guint                 unveil_tick;
  GPtrArray            *held;              /* groups not shown yet, top first */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkScrolledWindow    *scrolled_window;
  AdwEntryRow          *name_row;
  GtkWidget            *name_message_row;
  GtkLabel             *name_message;
  AdwComboRow          *industry_row;
  GtkStringList        *industry_model;
  AdwActionRow         *industry_warning_row;
  GtkListBox           *list_boxes[N_LISTS];
  AdwEntryRow          *add_rows[N_LISTS];
  GtkButton            *add_buttons[N_LISTS];
  GtkDropDown          *standards_kind_dropdown;
  AdwEntryRow          *decision_body_row;
  AdwEntryRow          *advisory_body_row;
  AdwEntryRow          *executive_body_row;
  GtkSwitch            *permanent_switch;
  AdwActionRow         *staff_row;
  GtkSpinButton        *staff_spin;
  GtkSwitch            *fund_system_switch;
  GtkSwitch            *fund_supervision_switch;
  AdwPreferencesGroup  *members_group;
  GtkWidget            *add_member_button;
  GtkColumnView        *members_view;
  GtkSingleSelection   *members_selection;
  CwbLifecycleGroup    *lifecycle_group;
  AdwPreferencesGroup  *exceptions_group;
  GtkListBox           *exceptions_list;
};

G_GNUC_INTERNAL void      _cwb_editor_show_toast         (CwbConsortiumEditor *self,
                                                          AdwToast            *toast);
G_GNUC_INTERNAL void      _cwb_editor_show_error         (CwbConsortiumEditor *self,
                                                          const char          *message);
/* (transfer none) (nullable) */
G_GNUC_INTERNAL CwbStore *_cwb_editor_get_store          (CwbConsortiumEditor *self);
/* a consortium is shown and there is a store to write to */
G_GNUC_INTERNAL gboolean  _cwb_editor_can_edit           (CwbConsortiumEditor *self);
G_GNUC_INTERNAL void      _cwb_editor_present_dialog     (CwbConsortiumEditor *self,
                                                          GtkWindow           *dialog);

/* cwb-consortium-editor-members.c */
G_GNUC_INTERNAL void      _cwb_editor_class_init_members (GtkWidgetClass      *widget_class);
G_GNUC_INTERNAL void      _cwb_editor_init_members       (CwbConsortiumEditor *self);
G_GNUC_INTERNAL void      _cwb_editor_dispose_members    (CwbConsortiumEditor *self);
/* shows the members of @consortium_id (0: none) */
G_GNUC_INTERNAL void      _cwb_editor_set_members        (CwbConsortiumEditor *self,
                                                          gint64               consortium_id);

G_END_DECLS
