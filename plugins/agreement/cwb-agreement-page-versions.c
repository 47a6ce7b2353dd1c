/* cwb-agreement-page-versions.c — the agreement page: freezing, reopening, versions and their comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include "cwb-agreement-diff.h"
#include "cwb-agreement-page-private.h"

/* -------------------------------------------------------------- versions */

static void
version_label (const CwbAgreementVersion *version,
               char                     **text)
{
  g_autofree char *date = cwb_format_date (version->date);

  /* Translators: a frozen version, e.g. "第 2 版 · 2024年3月1日" */
  *text = g_strdup_printf (_("Version %d · %s"), version->number, date ? date : version->date);
}

static void
append_diff_cb (CwbAgreementDiffOp  op,
                const char         *text,
                gsize               length,
                gpointer            user_data)
{
  CwbAgreementPage *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  switch (op)
    {
    case CWB_AGREEMENT_DIFF_ADDED:
      gtk_text_buffer_insert_with_tags (buffer, &end, text, length, self->added_tag, NULL);
      break;
    case CWB_AGREEMENT_DIFF_REMOVED:
      gtk_text_buffer_insert_with_tags (buffer, &end, text, length, self->removed_tag, NULL);
      break;
    case CWB_AGREEMENT_DIFF_SAME:
    default:
      gtk_text_buffer_insert (buffer, &end, text, length);
      break;
    }
}

/* The texts behind a dropdown position: a version, or the current text at
 * the end. */
static const char *
compared_text (CwbAgreementPage *self,
               guint             position,
               CwbAgreementItem  item)
{
  GPtrArray *versions = cwb_agreement_get_versions (self->agreement);

  if (position < versions->len)
    return ((CwbAgreementVersion *) g_ptr_array_index (versions, position))->texts[item];
  return cwb_agreement_get_text (self->agreement, item);
}

static void
update_diff (CwbAgreementPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (self->agreement == NULL || from == GTK_INVALID_LIST_POSITION || to == GTK_INVALID_LIST_POSITION)
    return;

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      const char *old_text = compared_text (self, from, i);
      const char *new_text = compared_text (self, to, i);
      g_autofree char *heading = g_strdup_printf (_("%u. %s"), i + 1, cwb_agreement_item_get_heading (i));

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (i > 0)
        gtk_text_buffer_insert (buffer, &end, "\n\n", -1);
      gtk_text_buffer_insert_with_tags (buffer, &end, heading, -1, self->heading_tag, NULL);
      if (g_strcmp0 (old_text ? old_text : "", new_text ? new_text : "") == 0)
        {
          gtk_text_buffer_insert (buffer, &end, "  ", -1);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, _("(unchanged)"), -1, "dim", NULL);
        }
      gtk_text_buffer_insert (buffer, &end, "\n", -1);
      cwb_agreement_diff (old_text, new_text, append_diff_cb, self);
    }
}

static void
dropdown_selected_cb (CwbAgreementPage *self)
{
  if (self->updating == 0)
    update_diff (self);
}

void
_cwb_agreement_page_update_versions (CwbAgreementPage *self)
{
  GPtrArray *versions = cwb_agreement_get_versions (self->agreement);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->from_model));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);

  for (guint i = 0; i < versions->len; i++)
    {
      const CwbAgreementVersion *version = g_ptr_array_index (versions, i);
      GtkWidget *row = adw_action_row_new ();
      char *text = NULL;

      version_label (version, &text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      g_ptr_array_add (labels, text);
      if (_cwb_agreement_page_can_edit (self))
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Make this version’s text the current draft"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.restore-version");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", version->number);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (self->versions_list, row);
    }

  if (versions->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No frozen version yet"));
      gtk_list_box_append (self->versions_list, row);
    }

  g_ptr_array_add (labels, g_strdup (_("Current text")));
  g_ptr_array_add (labels, NULL);

  self->updating++;
  gtk_string_list_splice (self->from_model, 0, n_before, (const char * const *) labels->pdata);
  gtk_string_list_splice (self->to_model, 0, n_before, (const char * const *) labels->pdata);
  /* Keep the choice when only the current text changed; else compare the
   * latest version with the current text. */
  if (n_before != versions->len + 1 || from == GTK_INVALID_LIST_POSITION)
    {
      from = versions->len > 0 ? versions->len - 1 : 0;
      to = versions->len;
    }
  gtk_drop_down_set_selected (self->from_dropdown, from);
  gtk_drop_down_set_selected (self->to_dropdown, to);
  self->updating--;

  update_diff (self);
}

/* --------------------------------------------------------------- actions */

static gboolean
freeze_change (CwbAgreement *agreement,
               gpointer      data,
               GError      **error)
{
  return cwb_agreement_freeze (agreement, data, error);
}

static void
freeze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  g_autofree char *today = _cwb_agreement_page_dup_today (self);

  if (_cwb_agreement_page_apply_change (self, freeze_change, today))
    {
      gtk_stack_set_visible_child_name (self->sections, "signatures");
      _cwb_agreement_page_show_message (self, _("The text is frozen as a new version. Collect the signatures and seals now."));
    }
}

static gboolean
reopen_change (CwbAgreement *agreement,
               gpointer      data,
               GError      **error)
{
  g_auto(GStrv) cleared = cwb_agreement_reopen (agreement, data);

  return TRUE;
}

typedef struct
{
  int   number;
  char *date;
} RestoreData;

static gboolean
restore_change (CwbAgreement *agreement,
                gpointer      data,
                GError      **error)
{
  RestoreData *restore = data;
  g_auto(GStrv) cleared = NULL;

  return cwb_agreement_restore_version (agreement, restore->number, restore->date, &cleared, error);
}

/* The confirmation before a frozen text becomes a draft again: it names
 * the signatures and seals that will be cleared. @confirm_label: (nullable):
 * the confirming button's, "Make a New Draft" without one. */
static GtkWidget *
confirm_reopen_dialog (CwbAgreementPage *self,
                       const char       *heading,
                       const char       *confirm_label)
{
  g_auto(GStrv) to_clear = cwb_agreement_list_signatures_to_clear (self->agreement);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (to_clear[0] != NULL)
    {
      g_autofree char *names = _cwb_agreement_page_join_member_names (self, (const char * const *) to_clear);

      body = g_strdup_printf (ngettext ("This makes a new draft of the text. The signature and seal of %u member will be cleared and must be given again: %s.",
                                        "This makes a new draft of the text. The signatures and seals of %u members will be cleared and must be given again: %s.",
                                        g_strv_length (to_clear)),
                              g_strv_length (to_clear), names);
    }
  else
    body = g_strdup (_("This makes a new draft of the text. No member has signed or sealed yet, so no signature is cleared."));

  dialog = _cwb_agreement_page_load_dialog (self, "cwb-agreement-reopen-dialog.ui");
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  if (confirm_label != NULL)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "reopen", confirm_label);
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "reopen");

  return dialog;
}

static void
edit_text_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CwbAgreementPage *self)
{
  g_autofree char *today = NULL;

  if (g_strcmp0 (response, "reopen") != 0)
    return;

  today = _cwb_agreement_page_dup_today (self);
  if (_cwb_agreement_page_apply_change (self, reopen_change, today))
    {
      gtk_stack_set_visible_child_name (self->sections, "draft");
      _cwb_agreement_page_show_message (self, _("The text is a draft again; the earlier text is kept as a version."));
    }
}

static void
edit_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  GtkWidget *dialog;

  if (!_cwb_agreement_page_can_edit (self) || !cwb_agreement_get_frozen (self->agreement))
    return;

  dialog = confirm_reopen_dialog (self, _("Change the Frozen Text?"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_text_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CwbAgreementPage *self)
{
  RestoreData restore = { GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "cwb-version")), NULL };

  if (g_strcmp0 (response, "reopen") != 0)
    return;

  restore.date = _cwb_agreement_page_dup_today (self);
  if (_cwb_agreement_page_apply_change (self, restore_change, &restore))
    {
      for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
        self->items[i].dirty = FALSE;
      _cwb_agreement_page_update_view (self);
      gtk_stack_set_visible_child_name (self->sections, "draft");
    }
  g_free (restore.date);
}

static void
restore_version_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  int number = g_variant_get_int32 (parameter);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (!_cwb_agreement_page_can_edit (self) || cwb_agreement_find_version (self->agreement, number) == NULL)
    return;

  /* Translators: %d is a version's number */
  heading = g_strdup_printf (_("Restore Version %d as the Draft?"), number);
  dialog = confirm_reopen_dialog (self, heading, _("_Restore"));
  if (!cwb_agreement_get_frozen (self->agreement))
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The current draft’s text is replaced by the version’s text. The current text is lost unless it was frozen as a version."));
  g_object_set_data (G_OBJECT (dialog), "cwb-version", GINT_TO_POINTER (number));
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --------------------------------------------------------------- set-up */

void
_cwb_agreement_page_init_versions (CwbAgreementPage *self)
{
  GtkTextBuffer *diff_buffer;

  diff_buffer = gtk_text_view_get_buffer (self->diff_view);
  self->added_tag = gtk_text_buffer_create_tag (diff_buffer, "added",
                                                "background", "#c6f0c2",
                                                "foreground", "#0b4d08",
                                                "underline", PANGO_UNDERLINE_SINGLE,
                                                NULL);
  self->removed_tag = gtk_text_buffer_create_tag (diff_buffer, "removed",
                                                  "background", "#f9d0d0",
                                                  "foreground", "#7a0b0b",
                                                  "strikethrough", TRUE,
                                                  NULL);
  self->heading_tag = gtk_text_buffer_create_tag (diff_buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD,
                                                  "pixels-above-lines", 6,
                                                  NULL);
  gtk_text_buffer_create_tag (diff_buffer, "dim", "foreground", "#77767b", NULL);

  g_signal_connect_swapped (self->from_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
  g_signal_connect_swapped (self->to_dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
}

void
_cwb_agreement_page_class_init_versions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agreement.freeze", NULL, freeze_action);
  gtk_widget_class_install_action (widget_class, "agreement.edit-text", NULL, edit_text_action);
  gtk_widget_class_install_action (widget_class, "agreement.restore-version", "i", restore_version_action);
}
