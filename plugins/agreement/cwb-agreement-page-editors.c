/* cwb-agreement-page-editors.c — the agreement page: the nine item editors, typing written through, model clauses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include "cwb-agreement-clause-dialog.h"
#include "cwb-agreement-library.h"
#include "cwb-agreement-page-private.h"

/* How long typing may pause before the text is written. */
#define SAVE_DELAY_MS 600

static gboolean save_timeout_cb (gpointer user_data);

/* Puts the texts typed since the last write into the agreement and writes
 * it. Safe to call at any time; does nothing when nothing was typed. */
void
_cwb_agreement_page_flush_edits (CwbAgreementPage *self)
{
  gboolean changed = FALSE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->agreement == NULL)
    return;

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      ItemEditor *ed = &self->items[i];
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!ed->dirty)
        continue;

      text = _cwb_agreement_page_dup_buffer_text (ed->buffer);
      if (g_strcmp0 (text, cwb_agreement_get_text (self->agreement, ed->item) ?: "") == 0)
        {
          ed->dirty = FALSE;
          continue;
        }

      if (!cwb_agreement_set_text (self->agreement, ed->item, text, &error))
        {
          _cwb_agreement_page_show_message (self, error->message);
          continue;
        }

      ed->dirty = FALSE;
      changed = TRUE;
    }

  /* a write that failed (the database busy with an import, say) is
   * tried again on the next flush, and soon */
  if (changed || self->unsaved)
    {
      self->unsaved = !_cwb_agreement_page_save_agreement (self->agreement, self);
      if (self->unsaved && _cwb_agreement_page_can_write (self))
        self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwbAgreementPage *self = user_data;

  self->save_source = 0;
  _cwb_agreement_page_flush_edits (self);
  _cwb_agreement_page_update_view (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   ItemEditor    *ed)
{
  CwbAgreementPage *self = g_object_get_data (G_OBJECT (buffer), "cwb-page");

  if (self->updating > 0)
    return;

  ed->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
editor_focus_left_cb (GtkEventControllerFocus *controller,
                      CwbAgreementPage        *self)
{
  if (self->save_source != 0)
    {
      _cwb_agreement_page_flush_edits (self);
      _cwb_agreement_page_update_view (self);
    }
}

/* --------------------------------------------------------------- preview */

/* The filled text as markup, each unfilled ${name} highlighted with a
 * tooltip. (transfer full) */
static char *
preview_markup (CwbAgreementPage *self,
                const char       *text)
{
  g_auto(GStrv) unfilled = NULL;
  g_autofree char *filled = cwb_agreement_fill (text, self->variables, &unfilled);
  GString *markup = g_string_new (NULL);
  const char *p = filled;

  while (*p != '\0')
    {
      const char *start = strstr (p, "${");
      const char *end = start ? strchr (start, '}') : NULL;
      g_autofree char *name = NULL;

      if (start == NULL || end == NULL)
        break;

      name = g_strndup (start + 2, end - start - 2);
      if (!g_strv_contains ((const char * const *) unfilled, name))
        {
          g_autofree char *plain = g_markup_escape_text (p, end + 1 - p);

          g_string_append (markup, plain);
          p = end + 1;
          continue;
        }

      {
        g_autofree char *before = g_markup_escape_text (p, start - p);
        const char *label = cwb_agreement_variable_get_label (name);
        g_autofree char *tooltip = NULL;
        g_autofree char *piece = NULL;

        if (label != NULL)
          /* Translators: a variable's tooltip in the preview; %s describes it, e.g. "首席专家" */
          tooltip = g_strdup_printf (_("No value yet: %s. Fill it in the consortium’s records or replace it in the text."), label);
        else
          tooltip = g_strdup (_("Unknown variable: it has no value and will show as a gap in the document."));

        piece = g_markup_printf_escaped ("<a href=\"var:%s\" title=\"%s\"><span background=\"#f8e45c\" foreground=\"#1e1e1e\">${%s}</span></a>",
                                         name, tooltip, name);
        g_string_append (markup, before);
        g_string_append (markup, piece);
        p = end + 1;
      }
    }

  {
    g_autofree char *rest = g_markup_escape_text (p, -1);
    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}

static gboolean
preview_link_activated_cb (GtkLabel   *label,
                           const char *uri,
                           gpointer    user_data)
{
  /* The marks are for the tooltip only. */
  return TRUE;
}

/* ---------------------------------------------------------- model clauses */

static void
clause_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         ItemEditor    *ed)
{
  const char *id = g_object_get_data (G_OBJECT (row), "cwb-clause-id");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (ed->clauses_button));

  gtk_popover_popdown (popover);
  gtk_widget_activate_action (GTK_WIDGET (list), "agreement.insert-clause", "(ss)",
                              cwb_agreement_item_to_key (ed->item), id);
}

/* Fills the popover's list with the library's texts for the item. */
static void
clauses_popover_shown_cb (GtkPopover *popover,
                          ItemEditor *ed)
{
  CwbAgreementPage *self = g_object_get_data (G_OBJECT (popover), "cwb-page");
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (ed->clauses_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (ed->clauses_list), child);

  clauses = cwb_agreement_library_list (_cwb_agreement_page_get_store (self), ed->item, &error);
  if (clauses == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      return;
    }

  for (guint i = 0; i < clauses->len; i++)
    {
      CwbAgreementClause *clause = g_ptr_array_index (clauses, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (clause->title);
      GtkWidget *note;
      g_autofree char *kind = NULL;

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (box), title);

      kind = clause->user_id != 0 ? g_strdup_printf ("%s%s%s", _("My clause"),
                                                     clause->note ? _(" · ") : "",
                                                     clause->note ? clause->note : "")
                                  : g_strdup (clause->note ? clause->note : "");
      if (*kind != '\0')
        {
          note = gtk_label_new (kind);
          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_label_set_wrap (GTK_LABEL (note), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
          gtk_widget_add_css_class (note, "dim-label");
          gtk_widget_add_css_class (note, "caption");
          gtk_box_append (GTK_BOX (box), note);
        }

      gtk_widget_set_tooltip_text (row, clause->text);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "cwb-clause-id", g_strdup (clause->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (ed->clauses_list), row);
    }
}

/* ----------------------------------------------------------- item editors */

/* the widgets from cwb-agreement-item-editor.ui, in the page's items box */
static void
item_editor_build (CwbAgreementPage *self,
                   ItemEditor       *ed,
                   CwbAgreementItem  item)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/cwb/plugins/agreement/ui/cwb-agreement-item-editor.ui");
  GtkEventController *focus;
  GObject *popover;
  g_autofree char *heading_text = NULL;

  ed->item = item;
  ed->box = GTK_WIDGET (gtk_builder_get_object (builder, "box"));
  ed->state_label = GTK_WIDGET (gtk_builder_get_object (builder, "state_label"));
  ed->clauses_button = GTK_WIDGET (gtk_builder_get_object (builder, "clauses_button"));
  ed->clauses_list = GTK_WIDGET (gtk_builder_get_object (builder, "clauses_list"));
  ed->save_clause_button = GTK_WIDGET (gtk_builder_get_object (builder, "save_clause_button"));
  ed->text_view = GTK_WIDGET (gtk_builder_get_object (builder, "text_view"));
  ed->preview_label = GTK_WIDGET (gtk_builder_get_object (builder, "preview_label"));
  ed->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->text_view));
  popover = gtk_builder_get_object (builder, "clauses_popover");

  /* Translators: an item's number and its heading, e.g. "1. 技术创新目标" */
  heading_text = g_strdup_printf (_("%u. %s"), (guint) item + 1, cwb_agreement_item_get_heading (item));
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "heading_label")), heading_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ed->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading_text,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (ed->save_clause_button), "s",
                                    cwb_agreement_item_to_key (item));

  g_signal_connect (ed->clauses_list, "row-activated", G_CALLBACK (clause_row_activated_cb), ed);
  g_object_set_data (popover, "cwb-page", self);
  g_signal_connect (popover, "show", G_CALLBACK (clauses_popover_shown_cb), ed);
  g_object_set_data (G_OBJECT (ed->buffer), "cwb-page", self);
  g_signal_connect (ed->buffer, "changed", G_CALLBACK (buffer_changed_cb), ed);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (editor_focus_left_cb), self);
  gtk_widget_add_controller (ed->text_view, focus);
  g_signal_connect (ed->preview_label, "activate-link", G_CALLBACK (preview_link_activated_cb), NULL);

  gtk_box_append (self->items_box, ed->box);
}

static void
item_editor_update (CwbAgreementPage *self,
                    ItemEditor       *ed,
                    gboolean          editable,
                    gboolean          drafting)
{
  const char *text = cwb_agreement_get_text (self->agreement, ed->item);
  g_autofree char *shown = _cwb_agreement_page_dup_buffer_text (ed->buffer);
  g_autofree char *markup = NULL;
  g_auto(GStrv) unfilled = NULL;
  g_autofree char *filled = NULL;
  const char *status;
  const char *status_class;

  /* What the user typed and has not been written yet stays. */
  if (!ed->dirty && g_strcmp0 (shown, text ? text : "") != 0)
    {
      self->updating++;
      gtk_text_buffer_set_text (ed->buffer, text ? text : "", -1);
      self->updating--;
      g_free (shown);
      shown = g_strdup (text ? text : "");
    }

  gtk_text_view_set_editable (GTK_TEXT_VIEW (ed->text_view), editable && drafting);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (ed->text_view), editable && drafting);
  gtk_widget_set_visible (ed->clauses_button, editable && drafting);
  gtk_widget_set_visible (ed->save_clause_button, editable);

  filled = cwb_agreement_fill (shown, self->variables, &unfilled);
  if (cwb_text_is_blank (shown))
    {
      status = _("Not written");
      status_class = "error";
      markup = g_markup_printf_escaped ("<i>%s</i>", _("This item is required by the policy and is still empty."));
    }
  else
    {
      if (unfilled != NULL && unfilled[0] != NULL)
        {
          status = _("Variables without a value");
          status_class = "warning";
        }
      else
        {
          status = _("Written");
          status_class = "success";
        }
      markup = preview_markup (self, shown);
    }

  gtk_label_set_label (GTK_LABEL (ed->state_label), status);
  gtk_widget_remove_css_class (ed->state_label, "error");
  gtk_widget_remove_css_class (ed->state_label, "warning");
  gtk_widget_remove_css_class (ed->state_label, "success");
  gtk_widget_add_css_class (ed->state_label, status_class);
  gtk_label_set_markup (GTK_LABEL (ed->preview_label), markup);
}

static ItemEditor *
lookup_item (CwbAgreementPage *self,
             const char       *key)
{
  CwbAgreementItem item;

  if (!cwb_agreement_item_from_key (key, &item))
    return NULL;
  return &self->items[item];
}

static void
insert_clause_text (CwbAgreementPage *self,
                    ItemEditor       *ed,
                    const char       *text)
{
  self->updating++;
  gtk_text_buffer_set_text (ed->buffer, text, -1);
  self->updating--;
  ed->dirty = TRUE;
  _cwb_agreement_page_flush_edits (self);
  _cwb_agreement_page_update_view (self);
}

static void
insert_clause_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CwbAgreementPage *self)
{
  ItemEditor *ed = g_object_get_data (G_OBJECT (dialog), "cwb-item");

  if (g_strcmp0 (response, "replace") == 0 && _cwb_agreement_page_can_edit (self))
    insert_clause_text (self, ed, g_object_get_data (G_OBJECT (dialog), "cwb-text"));
}

static void
insert_clause_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  const char *key, *id;
  ItemEditor *ed;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  const CwbAgreementClause *chosen = NULL;

  g_variant_get (parameter, "(&s&s)", &key, &id);
  ed = lookup_item (self, key);
  if (ed == NULL || !_cwb_agreement_page_can_edit (self))
    return;

  clauses = cwb_agreement_library_list (_cwb_agreement_page_get_store (self), ed->item, &error);
  if (clauses == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < clauses->len && chosen == NULL; i++)
    if (g_strcmp0 (((CwbAgreementClause *) g_ptr_array_index (clauses, i))->id, id) == 0)
      chosen = g_ptr_array_index (clauses, i);
  if (chosen == NULL)
    {
      _cwb_agreement_page_show_message (self, _("That model clause is no longer in the library."));
      return;
    }

  current = _cwb_agreement_page_dup_buffer_text (ed->buffer);
  if (!cwb_text_is_blank (current) && g_strcmp0 (current, chosen->text) != 0)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      /* Translators: %s is the model clause's title, then the item's heading */
      body = g_strdup_printf (_("“%s” replaces the text you have written for “%s”."),
                              chosen->title, cwb_agreement_item_get_heading (ed->item));
      dialog = _cwb_agreement_page_load_dialog (self, "cwb-agreement-replace-dialog.ui");
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
      g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "replace");
      g_object_set_data (G_OBJECT (dialog), "cwb-item", ed);
      g_object_set_data_full (G_OBJECT (dialog), "cwb-text", g_strdup (chosen->text), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (insert_clause_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  insert_clause_text (self, ed, chosen->text);
}

static void
save_clause_response_cb (CwbAgreementClauseDialog *dialog,
                         const char               *response,
                         CwbAgreementPage         *self)
{
  ItemEditor *ed = &self->items[cwb_agreement_clause_dialog_get_item (dialog)];
  g_autoptr(CwbAgreementClause) clause = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;

  if (g_strcmp0 (response, "save") != 0 || _cwb_agreement_page_get_store (self) == NULL)
    return;

  text = _cwb_agreement_page_dup_buffer_text (ed->buffer);
  clause = cwb_agreement_library_save (_cwb_agreement_page_get_store (self), ed->item,
                                       cwb_agreement_clause_dialog_get_clause_title (dialog),
                                       cwb_agreement_clause_dialog_get_note (dialog),
                                       text, &error);
  if (clause == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      return;
    }

  /* Translators: %s is the clause's title */
  saved = g_strdup_printf (_("Saved “%s” to your clauses; it is offered in every consortium."), clause->title);
  _cwb_agreement_page_show_message (self, saved);
}

static void
save_clause_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  ItemEditor *ed = lookup_item (self, g_variant_get_string (parameter, NULL));
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  if (ed == NULL || _cwb_agreement_page_get_store (self) == NULL)
    return;

  text = _cwb_agreement_page_dup_buffer_text (ed->buffer);
  if (cwb_text_is_blank (text))
    {
      _cwb_agreement_page_show_message (self, _("The item has no text to save as a clause."));
      return;
    }

  dialog = cwb_agreement_clause_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), ed->item);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_clause_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --------------------------------------------------------------- set-up */

void
_cwb_agreement_page_build_editors (CwbAgreementPage *self)
{
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    item_editor_build (self, &self->items[i], i);
}

void
_cwb_agreement_page_update_editors (CwbAgreementPage *self,
                                    gboolean          editable,
                                    gboolean          drafting)
{
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    item_editor_update (self, &self->items[i], editable, drafting);
}

void
_cwb_agreement_page_class_init_editors (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agreement.insert-clause", "(ss)", insert_clause_action);
  gtk_widget_class_install_action (widget_class, "agreement.save-clause", "s", save_clause_action);
}
