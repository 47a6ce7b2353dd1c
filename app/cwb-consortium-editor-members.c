/* cwb-consortium-editor-members.c — the editor's members: the column view,
 * add / edit / remove with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-consortium-editor-private.h"
#include "cwb-member-dialog.h"

/* The columns of the members view. */
typedef enum {
  COLUMN_NAME,
  COLUMN_USCC,
  COLUMN_KIND,
  COLUMN_LEAD,
  COLUMN_REGISTERED,
  COLUMN_STATIONED,
  COLUMN_ABOVE_SIZE,
  COLUMN_HIGH_TECH,
  N_COLUMNS
} Column;

/* A removed member, kept so the toast's Undo can put it back. */
typedef struct
{
  CwbMember *member;
  gint64     consortium_id;
  guint      position;
} RemovedMember;

static void
removed_member_free (RemovedMember *removed)
{
  g_clear_object (&removed->member);
  g_free (removed);
}

static const char *
member_kind_label (CwbMemberKind kind)
{
  switch (kind)
    {
    case CWB_MEMBER_KIND_ENTERPRISE:         return _("Enterprise");
    case CWB_MEMBER_KIND_UNIVERSITY:         return _("University");
    case CWB_MEMBER_KIND_RESEARCH_INSTITUTE: return _("Research institute");
    case CWB_MEMBER_KIND_SERVICE_AGENCY:     return _("Service agency");
    case CWB_MEMBER_KIND_OTHER:
    default:                                 return _("Other");
    }
}

static void
update_member_actions (CwbConsortiumEditor *self)
{
  gboolean selected = gtk_single_selection_get_selected (self->members_selection) != GTK_INVALID_LIST_POSITION;
  gboolean editable = _cwb_editor_can_edit (self) && self->members != NULL;

  selected = selected && self->members_retiring == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-member", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit-member", editable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-member", editable && selected);
}

static void
update_member_count (CwbConsortiumEditor *self)
{
  guint n = self->members ? g_list_model_get_n_items (G_LIST_MODEL (self->members)) : 0;
  g_autofree char *text = g_strdup_printf (ngettext ("%u member unit", "%u member units", n), n);

  adw_preferences_group_set_description (self->members_group, text);
}

static void
members_items_changed_cb (CwbConsortiumEditor *self)
{
  update_member_count (self);
  update_member_actions (self);
}

static void
members_selection_changed_cb (CwbConsortiumEditor *self)
{
  update_member_actions (self);
}

/* GTK 4.8's column view builds up to 200 rows as soon as its model has
 * them, 8 labels each, and measures and draws them all in the next frame:
 * a quarter of a second at once on the main loop. The view therefore sees
 * the first few members, then a few more on every frame until it has
 * built all the rows it will (MAX_BUILT_ROWS), then the whole list. How
 * many per frame follows how long rows took so far (REVEAL_BUDGET_US
 * for building them; their layout and drawing take about as long again),
 * so no frame of filling the view takes long on a slow machine and a
 * fast one fills it sooner. The visible rows come in the first frames. */
#define REVEAL_FIRST      4
#define REVEAL_MAX_STEP   16
#define REVEAL_BUDGET_US  6000
#define MAX_BUILT_ROWS    200

/* Taking those rows down costs about as much: when another consortium is
 * shown, the view first lets go of the previous one's rows RETIRE_STEP per
 * frame, hidden (transparent, deaf to clicks), then takes the new list. */
#define RETIRE_STEP       32

static void
stop_revealing (CwbConsortiumEditor *self)
{
  if (self->reveal_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->members_view), self->reveal_tick);
      self->reveal_tick = 0;
    }
}

/* The previous consortium's rows are gone: the view shows the new list */
static void
finish_retiring (CwbConsortiumEditor *self)
{
  if (self->members_retiring == NULL)
    return;

  gtk_single_selection_set_model (self->members_selection,
                                  self->members_shown != NULL ? G_LIST_MODEL (self->members_shown) : NULL);
  gtk_single_selection_set_selected (self->members_selection, GTK_INVALID_LIST_POSITION);
  g_clear_object (&self->members_retiring);
  gtk_widget_set_opacity (GTK_WIDGET (self->members_view), 1);
  gtk_widget_set_can_target (GTK_WIDGET (self->members_view), TRUE);
  update_member_actions (self);
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  CwbConsortiumEditor *self = user_data;
  gint64 start, spent, pace;
  guint size;

  if (self->members_retiring != NULL)
    {
      guint left = g_list_model_get_n_items (G_LIST_MODEL (self->members_retiring));

      /* the rows past the built ones go at no cost, then a step a frame */
      if (left > RETIRE_STEP)
        {
          gtk_slice_list_model_set_size (self->members_retiring,
                                         MIN (left, MAX_BUILT_ROWS + RETIRE_STEP) - RETIRE_STEP);
          return G_SOURCE_CONTINUE;
        }

      finish_retiring (self);
      if (self->members_shown == NULL ||
          gtk_slice_list_model_get_size (self->members_shown) == G_MAXUINT)
        {
          self->reveal_tick = 0;
          return G_SOURCE_REMOVE;
        }
      return G_SOURCE_CONTINUE;
    }

  size = gtk_slice_list_model_get_size (self->members_shown);
  if (size + self->reveal_step >= MAX_BUILT_ROWS)
    {
      self->reveal_tick = 0;
      gtk_slice_list_model_set_size (self->members_shown, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }

  start = g_get_monotonic_time ();
  gtk_slice_list_model_set_size (self->members_shown, size + self->reveal_step);
  spent = MAX (g_get_monotonic_time () - start, 1);

  /* as many as fit in the budget at the slower of this step's pace and
   * the pace so far: a row's cost varies from step to step */
  pace = spent / self->reveal_step;
  self->row_cost_us = MAX (pace, (self->row_cost_us + pace) / 2);
  self->reveal_step = CLAMP (REVEAL_BUDGET_US / MAX (self->row_cost_us, 1), 1, REVEAL_MAX_STEP);

  return G_SOURCE_CONTINUE;
}

/* Every member in the view at once, e.g. before one is selected by position */
static void
reveal_all_members (CwbConsortiumEditor *self)
{
  stop_revealing (self);
  finish_retiring (self);
  if (self->members_shown != NULL)
    gtk_slice_list_model_set_size (self->members_shown, G_MAXUINT);
}

/* Lets go of the list shown: at once when the view built few rows for
 * it, else frame by frame (members_retiring) */
static void
retire_members (CwbConsortiumEditor *self)
{
  GListModel *shown = G_LIST_MODEL (self->members_shown);

  stop_revealing (self);
  g_signal_handlers_disconnect_by_data (self->members, self);

  if (self->members_retiring == NULL && shown != NULL &&
      g_list_model_get_n_items (shown) > RETIRE_STEP &&
      gtk_widget_get_mapped (GTK_WIDGET (self->members_view)))
    {
      self->members_retiring = g_steal_pointer (&self->members_shown);
      gtk_single_selection_set_selected (self->members_selection, GTK_INVALID_LIST_POSITION);
      gtk_widget_set_opacity (GTK_WIDGET (self->members_view), 0);
      gtk_widget_set_can_target (GTK_WIDGET (self->members_view), FALSE);
    }
  else if (self->members_retiring == NULL)
    gtk_single_selection_set_model (self->members_selection, NULL);

  g_clear_object (&self->members_shown);
  g_clear_object (&self->members);
}

void
_cwb_editor_set_members (CwbConsortiumEditor *self,
                         gint64               consortium_id)
{
  if (self->members != NULL)
    {
      if (consortium_id != 0 && cwb_member_list_get_consortium_id (self->members) == consortium_id)
        return;

      retire_members (self);
    }

  if (consortium_id != 0 && _cwb_editor_get_store (self) != NULL)
    {
      guint n;

      self->members = cwb_store_list_members (_cwb_editor_get_store (self), consortium_id);
      g_signal_connect_object (self->members, "items-changed",
                               G_CALLBACK (members_items_changed_cb), self, G_CONNECT_SWAPPED);
      n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
      self->members_shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->members)), 0,
                                                      n > REVEAL_FIRST ? REVEAL_FIRST : G_MAXUINT);
      self->reveal_step = REVEAL_FIRST;
      self->row_cost_us = 0;
      if (self->members_retiring == NULL)
        {
          gtk_single_selection_set_model (self->members_selection, G_LIST_MODEL (self->members_shown));
          gtk_single_selection_set_selected (self->members_selection, GTK_INVALID_LIST_POSITION);
        }
    }

  /* the previous rows to take down, or the new ones to bring in */
  if (self->reveal_tick == 0 &&
      (self->members_retiring != NULL ||
       (self->members_shown != NULL && gtk_slice_list_model_get_size (self->members_shown) != G_MAXUINT)))
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->members_view),
                                                      reveal_tick_cb, self, NULL);

  update_member_count (self);
  update_member_actions (self);
}

static void
open_member_dialog (CwbConsortiumEditor *self,
                    CwbMember           *member)
{
  CwbMemberDialog *dialog;

  if (!_cwb_editor_can_edit (self))
    return;

  dialog = cwb_member_dialog_new (self->context, cwb_consortium_get_id (self->consortium), member);
  _cwb_editor_present_dialog (self, GTK_WINDOW (dialog));
}

static void
edit_member_at (CwbConsortiumEditor *self,
                guint                position)
{
  g_autoptr(CwbMember) member = NULL;

  /* the rows in view are the previous consortium's, on their way out */
  if (self->members == NULL || self->members_retiring != NULL)
    return;

  member = g_list_model_get_item (G_LIST_MODEL (self->members), position);
  if (member != NULL)
    open_member_dialog (self, member);
}

static void
members_activated_cb (CwbConsortiumEditor *self,
                      guint                position)
{
  edit_member_at (self, position);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_member_dialog (CWB_CONSORTIUM_EDITOR (widget), NULL);
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  guint position = gtk_single_selection_get_selected (self->members_selection);

  if (position != GTK_INVALID_LIST_POSITION)
    edit_member_at (self, position);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  guint selected = gtk_single_selection_get_selected (self->members_selection);
  g_autoptr(CwbMember) member = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  RemovedMember *removed;
  AdwToast *toast;
  guint position = selected;
  guint64 token;

  if (!_cwb_editor_can_edit (self) || self->members == NULL || self->members_retiring != NULL ||
      selected == GTK_INVALID_LIST_POSITION)
    return;

  member = g_list_model_get_item (G_LIST_MODEL (self->members), selected);
  if (member == NULL)
    return;

  removed = g_new0 (RemovedMember, 1);
  removed->member = cwb_member_copy (member);
  removed->consortium_id = cwb_member_list_get_consortium_id (self->members);

  if (!cwb_store_remove_member (_cwb_editor_get_store (self), cwb_member_get_id (member), &position, &error))
    {
      removed_member_free (removed);
      _cwb_editor_show_error (self, error->message);
      return;
    }

  removed->position = position;
  token = ++self->next_token;
  g_hash_table_insert (self->removed, g_memdup2 (&token, sizeof token), removed);

  escaped = g_markup_escape_text (cwb_member_get_name (member), -1);
  toast = adw_toast_new_format (_("Removed “%s”"), escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "editor.undo-remove");
  adw_toast_set_action_target_value (toast, g_variant_new_uint64 (token));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _cwb_editor_show_toast (self, toast);
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  guint64 token = g_variant_get_uint64 (parameter);
  g_autoptr(GError) error = NULL;
  RemovedMember *removed;
  CwbStore *store = _cwb_editor_get_store (self);

  removed = g_hash_table_lookup (self->removed, &token);
  if (removed == NULL || store == NULL)
    return;

  if (!cwb_store_insert_member (store, removed->consortium_id, removed->position,
                                removed->member, &error))
    {
      _cwb_editor_show_error (self, error->message);
      return;
    }

  if (self->members != NULL &&
      cwb_member_list_get_consortium_id (self->members) == removed->consortium_id)
    {
      reveal_all_members (self);
      gtk_single_selection_set_selected (self->members_selection, removed->position);
    }

  g_hash_table_remove (self->removed, &token);
}

static const char *
yes_mark (gboolean value)
{
  /* a check mark in the boolean columns */
  return value ? "✓" : "";
}

/* Cells are GtkInscriptions, GTK's text widget for lists: unlike a label
 * it has no key bindings or selection to set up, and its size does not
 * depend on its text, so a row is cheap to build and to lay out. */
static void
column_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 1);
  if (column <= COLUMN_KIND)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  else
    {
      /* the check marks, under the middle of their heading */
      gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0.5);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 1);
    }
  if (column == COLUMN_USCC)
    gtk_widget_add_css_class (cell, "monospace");
  if (column == COLUMN_NAME)
    cwb_text_tooltip_attach (cell);

  gtk_list_item_set_child (item, cell);
}

static void
column_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  CwbMember *member = gtk_list_item_get_item (item);
  GtkInscription *cell = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  const char *text = "";

  if (member == NULL)
    {
      gtk_inscription_set_text (cell, "");
      return;
    }

  switch (column)
    {
    case COLUMN_NAME:       text = cwb_member_get_name (member); break;
    case COLUMN_USCC:       text = cwb_member_get_uscc (member); break;
    case COLUMN_KIND:       text = member_kind_label (cwb_member_get_kind (member)); break;
    case COLUMN_LEAD:       text = yes_mark (cwb_member_get_lead (member)); break;
    case COLUMN_REGISTERED: text = yes_mark (cwb_member_get_registered_in_hainan (member)); break;
    case COLUMN_STATIONED:  text = yes_mark (cwb_member_get_stationed_in_hainan (member)); break;
    case COLUMN_ABOVE_SIZE: text = yes_mark (cwb_member_get_above_designated_size (member)); break;
    case COLUMN_HIGH_TECH:  text = yes_mark (cwb_member_get_high_tech (member)); break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (cell, text ? text : "");
}

static void
build_member_columns (CwbConsortiumEditor *self)
{
  const struct {
    const char *title;
    gboolean    expand;
    int         width;
  } columns[N_COLUMNS] = {
    [COLUMN_NAME]       = { NC_("members column", "Name"), TRUE, 220 },
    [COLUMN_USCC]       = { NC_("members column", "Unified social credit code"), FALSE, 190 },
    [COLUMN_KIND]       = { NC_("members column", "Kind"), FALSE, 90 },
    [COLUMN_LEAD]       = { NC_("members column", "Lead unit"), FALSE, -1 },
    [COLUMN_REGISTERED] = { NC_("members column", "Registered in Hainan"), FALSE, -1 },
    [COLUMN_STATIONED]  = { NC_("members column", "Stationed in Hainan"), FALSE, -1 },
    [COLUMN_ABOVE_SIZE] = { NC_("members column", "Above designated size"), FALSE, -1 },
    [COLUMN_HIGH_TECH]  = { NC_("members column", "High-tech"), FALSE, -1 },
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (column_setup_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (column_bind_cb), GUINT_TO_POINTER (i));

      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "members column", columns[i].title),
                                           factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (columns[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->members_view, column);
    }
}

void
_cwb_editor_class_init_members (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, members_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, members_selection_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-member", NULL, edit_member_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-member", NULL, remove_member_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-remove", "t", undo_remove_action);
}

/* After the template: the columns, and Delete to remove the selected member */
void
_cwb_editor_init_members (CwbConsortiumEditor *self)
{
  GtkEventController *controller;

  self->removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) removed_member_free);

  build_member_columns (self);

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("editor.remove-member")));
  gtk_widget_add_controller (GTK_WIDGET (self->members_view), controller);
}

void
_cwb_editor_dispose_members (CwbConsortiumEditor *self)
{
  if (self->members_view != NULL)
    stop_revealing (self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  if (self->members_selection != NULL)
    gtk_single_selection_set_model (self->members_selection, NULL);
  g_clear_object (&self->members_retiring);
  g_clear_object (&self->members_shown);
  g_clear_object (&self->members);
  if (self->removed != NULL)
    g_hash_table_remove_all (self->removed);
}
