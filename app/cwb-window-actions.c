/* cwb-window-actions.c — the window's actions: new and delete consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-window-private.h"

/* New and delete */

typedef struct
{
  CwbWindow  *self;       /* unowned: the dialog is transient for it */
  GtkWidget  *dialog;
  AdwEntryRow *name_row;
  AdwComboRow *industry_row;
  GtkLabel   *message;
  gboolean    touched;
} NewDialog;

/* Returns the stripped name if it can be created, else NULL with @why set. */
static char *
validate_new_name (NewDialog   *nd,
                   const char **why,
                   char       **why_owned)
{
  g_autofree char *name = cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (nd->name_row)));

  *why = NULL;
  *why_owned = NULL;

  if (name[0] == '\0')
    {
      *why = _("Enter the consortium’s name.");
      return NULL;
    }

  if (cwb_store_lookup_consortium (nd->self->store, name) != 0)
    {
      *why_owned = g_strdup_printf (_("The workspace already has a consortium named “%s”."), name);
      *why = *why_owned;
      return NULL;
    }

  return g_steal_pointer (&name);
}

static void
new_name_changed_cb (NewDialog *nd)
{
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  const char *why;

  if (gtk_editable_get_text (GTK_EDITABLE (nd->name_row))[0] != '\0')
    nd->touched = TRUE;

  name = validate_new_name (nd, &why, &owned);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (nd->dialog), "create", name != NULL);
  gtk_label_set_label (nd->message, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (nd->message), why != NULL && nd->touched);
}

static void
create_consortium (NewDialog *nd)
{
  CwbWindow *self = nd->self;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *title = NULL;
  GtkStringObject *industry;
  const char *why;

  name = validate_new_name (nd, &why, &owned);
  if (name == NULL)
    {
      _cwb_window_show_message (self, _("Cannot Create the Consortium"), why);
      return;
    }

  industry = adw_combo_row_get_selected_item (nd->industry_row);

  consortium = cwb_consortium_new ();
  cwb_consortium_set_name (consortium, name);
  if (industry != NULL)
    cwb_consortium_set_industry (consortium, gtk_string_object_get_string (industry));

  if (!cwb_store_import_consortium (self->store, consortium, FALSE, &error))
    {
      _cwb_window_show_message (self, _("Cannot Create the Consortium"), error->message);
      return;
    }

  cwb_window_select_consortium (self, cwb_consortium_get_id (consortium));
  cwb_window_show_page (self, EDITOR_PAGE_ID);

  title = g_strdup_printf (_("Created “%s”"), name);
  _cwb_window_show_toast (self, title, 5);
}

static void
new_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 NewDialog        *nd)
{
  if (g_strcmp0 (response, "create") == 0)
    create_consortium (nd);
}

static void
new_entry_activated_cb (NewDialog *nd)
{
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  const char *why;

  name = validate_new_name (nd, &why, &owned);
  if (name == NULL)
    {
      nd->touched = TRUE;
      new_name_changed_cb (nd);
      return;
    }

  /* as the button would; destroying does not emit the close response */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (nd->dialog), "create");
  gtk_window_destroy (GTK_WINDOW (nd->dialog));
}

static void
new_consortium_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbRuleSet *rules = cwb_context_get_rules (self->context);
  NewDialog *nd;
  GtkWidget *box, *list, *label;

  nd = g_new0 (NewDialog, 1);
  nd->self = self;

  nd->dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Consortium"),
                                       _("Give the consortium’s name as the application "
                                         "will state it, and the industry cluster it serves."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  nd->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (nd->name_row), _("Name"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (nd->name_row));

  nd->industry_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (nd->industry_row), _("Industry"));
  adw_combo_row_set_model (nd->industry_row,
                           G_LIST_MODEL (gtk_string_list_new (cwb_rule_set_get_industries (rules))));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (nd->industry_row));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  nd->message = GTK_LABEL (label);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (nd->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (nd->dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (nd->dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (nd->dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (nd->dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (nd->dialog), "cancel");

  g_signal_connect_swapped (nd->name_row, "changed", G_CALLBACK (new_name_changed_cb), nd);
  g_signal_connect_swapped (nd->name_row, "entry-activated", G_CALLBACK (new_entry_activated_cb), nd);
  g_signal_connect_data (nd->dialog, "response", G_CALLBACK (new_response_cb), nd,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (nd->dialog), TRUE);

  gtk_window_present (GTK_WINDOW (nd->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (nd->name_row));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  CwbWindow *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cwb-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "cwb-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!cwb_store_delete_consortium (self->store, id, &error))
    {
      _cwb_window_show_message (self, _("Cannot Delete the Consortium"), error->message);
      return;
    }

  if (id == self->current_id)
    _cwb_window_set_current (self, NULL);

  title = g_strdup_printf (_("Deleted “%s”"), name);
  _cwb_window_show_toast (self, title, 5);
}

static void
delete_consortium_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  GtkWidget *dialog;

  if (consortium == NULL || self->current_id == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     cwb_consortium_get_name (consortium));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The consortium, its members, exceptions and every record "
                                 "the plugins keep for it are deleted from the workspace. "
                                 "This cannot be undone; export it first to keep a copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cwb-id", GSIZE_TO_POINTER ((gsize) self->current_id));
  g_object_set_data_full (G_OBJECT (dialog), "cwb-name",
                          g_strdup (cwb_consortium_get_name (consortium)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cwb_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-consortium", NULL,
                                   new_consortium_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-consortium", NULL,
                                   delete_consortium_action_cb);
}
