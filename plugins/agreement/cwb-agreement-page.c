/* cwb-agreement-page.c — the formation agreement of the current consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-agreement-diff.h"
#include "cwb-agreement-document.h"
#include "cwb-agreement-enums.h"
#include "cwb-agreement-library.h"
#include "cwb-agreement-matrix.h"
#include "cwb-agreement-page.h"

/* How long typing may pause before the text is written. */
#define SAVE_DELAY_MS 600

/* The widgets of one of the nine items. */
typedef struct
{
  CwbAgreementItem  item;
  GtkWidget        *box;
  GtkWidget        *text_view;
  GtkTextBuffer    *buffer;
  GtkWidget        *clauses_button;
  GtkWidget        *clauses_list;
  GtkWidget        *save_clause_button;
  GtkWidget        *preview_label;
  GtkWidget        *state_label;
  gboolean          dirty;       /* typed since the last write */
} ItemEditor;

struct _CwbAgreementPage
{
  AdwBin             parent_instance;

  /* owned */
  CwbContext        *context;
  CwbConsortium     *consortium;
  CwbAgreement      *agreement;
  GHashTable        *variables;       /* name → value */
  char              *state_text;
  CwbAgreementState  state;
  gint64             consortium_id;
  guint              save_source;
  gboolean           unsaved;         /* the last write failed: retry */
  guint              refresh_source;
  guint              updating;
  const char        *state_class;
  ItemEditor         items[CWB_AGREEMENT_N_ITEMS];
  GListStore        *matrix_rows;     /* CwbAgreementSignatory */
  GtkColumnViewColumn *edit_column;
  GtkTextTag        *added_tag;
  GtkTextTag        *removed_tag;
  GtkTextTag        *heading_tag;

  /* template children */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkImage          *state_icon;
  GtkLabel          *consortium_label;
  GtkLabel          *state_label;
  GtkLabel          *detail_label;
  GtkWidget         *actions_box;
  GtkWidget         *freeze_button;
  GtkWidget         *edit_button;
  GtkBox            *documents_box;
  GtkStack          *sections;
  GtkBox            *items_box;
  GtkLabel          *parties_label;
  GtkLabel          *signatories_label;
  GtkColumnView     *matrix_view;
  GtkListBox        *versions_list;
  GtkDropDown       *from_dropdown;
  GtkDropDown       *to_dropdown;
  GtkStringList     *from_model;
  GtkStringList     *to_model;
  GtkTextView       *diff_view;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_AGREEMENT,
  PROP_STATE,
  PROP_STATE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------- matrix row items */

/* One row of the signature matrix, an item of the column view's model. */
#define CWB_TYPE_AGREEMENT_SIGNATORY (cwb_agreement_signatory_get_type ())
G_DECLARE_FINAL_TYPE (CwbAgreementSignatory, cwb_agreement_signatory, CWB, AGREEMENT_SIGNATORY, GObject)

struct _CwbAgreementSignatory
{
  GObject                parent_instance;
  CwbAgreementMatrixRow *row;   /* owned */
};

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementSignatory, cwb_agreement_signatory, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL, {})

static void
cwb_agreement_signatory_finalize (GObject *object)
{
  CwbAgreementSignatory *self = CWB_AGREEMENT_SIGNATORY (object);

  g_clear_pointer (&self->row, cwb_agreement_matrix_row_free);

  G_OBJECT_CLASS (cwb_agreement_signatory_parent_class)->finalize (object);
}

static void
cwb_agreement_signatory_class_init (CwbAgreementSignatoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwb_agreement_signatory_finalize;
}

static void
cwb_agreement_signatory_class_finalize (CwbAgreementSignatoryClass *klass)
{
}

static void
cwb_agreement_signatory_init (CwbAgreementSignatory *self)
{
}

static CwbAgreementSignatory *
cwb_agreement_signatory_new (CwbAgreementMatrixRow *row)
{
  CwbAgreementSignatory *self = g_object_new (CWB_TYPE_AGREEMENT_SIGNATORY, NULL);

  self->row = row;
  return self;
}

/* ------------------------------------------------------------- the page */

static void cwb_agreement_page_class_finalize (CwbAgreementPageClass *klass);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementPage, cwb_agreement_page, ADW_TYPE_BIN,
                                G_TYPE_FLAG_FINAL, {})

static void refresh (CwbAgreementPage *self);
static void update_view (CwbAgreementPage *self);

static void
swap_css_class (GtkWidget  *widget,
                const char *old_class,
                const char *new_class)
{
  if (old_class != NULL)
    gtk_widget_remove_css_class (widget, old_class);
  if (new_class != NULL)
    gtk_widget_add_css_class (widget, new_class);
}

static void
show_message (CwbAgreementPage *self,
              const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static CwbStore *
get_store (CwbAgreementPage *self)
{
  return cwb_context_get_store (self->context);
}

/* The stored consortium can be written; a consortium from a file cannot. */
static gboolean
can_write (CwbAgreementPage *self)
{
  return self->agreement != NULL && get_store (self) != NULL && self->consortium_id > 0;
}

/* Drafting, freezing and signing are the lead unit's; staff only look. */
static gboolean
can_edit (CwbAgreementPage *self)
{
  return can_write (self) && cwb_context_get_role (self->context) == CWB_ROLE_LEAD;
}

static char *
dup_today (CwbAgreementPage *self)
{
  return cwb_context_dup_today (self->context);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The member's name for a USCC, or the USCC itself. */
static const char *
member_name (CwbAgreementPage *self,
             const char       *uscc)
{
  GPtrArray *members = cwb_consortium_get_members (self->consortium);

  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);

      if (g_strcmp0 (cwb_member_get_uscc (member), uscc) == 0)
        return cwb_member_get_name (member);
    }

  return uscc;
}

/* "甲、乙、丙" for a list of USCCs (transfer full) */
static char *
join_member_names (CwbAgreementPage   *self,
                   const char * const *usccs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; usccs != NULL && usccs[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: the separator between names in a list */
        g_string_append (text, _(", "));
      g_string_append (text, member_name (self, usccs[i]));
    }

  return g_string_free (text, FALSE);
}

/* ---------------------------------------------------------------- saving */

/* Writes the agreement to the store; the host then reloads the consortium
 * and the page follows. Shows the store's message on failure. */
static gboolean
save_agreement (CwbAgreement     *agreement,
                CwbAgreementPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_write (self))
    return FALSE;

  if (!cwb_agreement_save (agreement, get_store (self), self->consortium_id, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean save_timeout_cb (gpointer user_data);

/* Puts the texts typed since the last write into the agreement and writes
 * it. Safe to call at any time; does nothing when nothing was typed. */
static void
flush_edits (CwbAgreementPage *self)
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

      text = dup_buffer_text (ed->buffer);
      if (g_strcmp0 (text, cwb_agreement_get_text (self->agreement, ed->item) ?: "") == 0)
        {
          ed->dirty = FALSE;
          continue;
        }

      if (!cwb_agreement_set_text (self->agreement, ed->item, text, &error))
        {
          show_message (self, error->message);
          continue;
        }

      ed->dirty = FALSE;
      changed = TRUE;
    }

  /* a write that failed (the database busy with an import, say) is
   * tried again on the next flush, and soon */
  if (changed || self->unsaved)
    {
      self->unsaved = !save_agreement (self->agreement, self);
      if (self->unsaved && can_write (self))
        self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwbAgreementPage *self = user_data;

  self->save_source = 0;
  flush_edits (self);
  update_view (self);

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
      flush_edits (self);
      update_view (self);
    }
}

static void
page_unmapped_cb (CwbAgreementPage *self)
{
  flush_edits (self);
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

  clauses = cwb_agreement_library_list (get_store (self), ed->item, &error);
  if (clauses == NULL)
    {
      show_message (self, error->message);
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

static void
item_editor_build (CwbAgreementPage *self,
                   ItemEditor       *ed,
                   CwbAgreementItem  item)
{
  GtkWidget *header, *heading, *frame, *popover, *scroller, *caption;
  GtkEventController *focus;
  g_autofree char *heading_text = NULL;

  ed->item = item;
  ed->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (ed->box), header);

  /* Translators: an item's number and its heading, e.g. "1. 技术创新目标" */
  heading_text = g_strdup_printf (_("%u. %s"), (guint) item + 1, cwb_agreement_item_get_heading (item));
  heading = gtk_label_new (heading_text);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_box_append (GTK_BOX (header), heading);

  ed->state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (ed->state_label, "caption-heading");
  gtk_box_append (GTK_BOX (header), ed->state_label);

  ed->clauses_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (ed->clauses_button), _("Model Clauses"));
  gtk_widget_set_tooltip_text (ed->clauses_button, _("Choose a model clause for this item"));
  popover = gtk_popover_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_widget_set_size_request (scroller, 380, -1);
  ed->clauses_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (ed->clauses_list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (ed->clauses_list), TRUE);
  g_signal_connect (ed->clauses_list, "row-activated", G_CALLBACK (clause_row_activated_cb), ed);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), ed->clauses_list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_object_set_data (G_OBJECT (popover), "cwb-page", self);
  g_signal_connect (popover, "show", G_CALLBACK (clauses_popover_shown_cb), ed);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (ed->clauses_button), popover);
  gtk_box_append (GTK_BOX (header), ed->clauses_button);

  ed->save_clause_button = gtk_button_new_with_label (_("Save as My Clause"));
  gtk_widget_set_tooltip_text (ed->save_clause_button, _("Save this text as my clause"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ed->save_clause_button), "agreement.save-clause");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (ed->save_clause_button), "s",
                                    cwb_agreement_item_to_key (item));
  gtk_box_append (GTK_BOX (header), ed->save_clause_button);

  frame = gtk_frame_new (NULL);
  ed->text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (ed->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (ed->text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (ed->text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (ed->text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (ed->text_view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (ed->text_view), FALSE);
  gtk_widget_set_size_request (ed->text_view, -1, 96);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ed->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading_text,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), ed->text_view);
  gtk_box_append (GTK_BOX (ed->box), frame);

  ed->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ed->text_view));
  g_object_set_data (G_OBJECT (ed->buffer), "cwb-page", self);
  g_signal_connect (ed->buffer, "changed", G_CALLBACK (buffer_changed_cb), ed);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (editor_focus_left_cb), self);
  gtk_widget_add_controller (ed->text_view, focus);

  caption = gtk_label_new (_("Preview with the records filled in"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (ed->box), caption);

  ed->preview_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (ed->preview_label), 0);
  gtk_label_set_wrap (GTK_LABEL (ed->preview_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (ed->preview_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (ed->preview_label), TRUE);
  g_signal_connect (ed->preview_label, "activate-link", G_CALLBACK (preview_link_activated_cb), NULL);
  gtk_box_append (GTK_BOX (ed->box), ed->preview_label);

  gtk_box_append (self->items_box, ed->box);
}

static void
item_editor_update (CwbAgreementPage *self,
                    ItemEditor       *ed,
                    gboolean          editable,
                    gboolean          drafting)
{
  const char *text = cwb_agreement_get_text (self->agreement, ed->item);
  g_autofree char *shown = dup_buffer_text (ed->buffer);
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

/* ---------------------------------------------------------------- banner */

static void
set_state_text (CwbAgreementPage *self,
                const char       *text)
{
  if (g_strcmp0 (self->state_text, text) == 0)
    return;

  g_free (self->state_text);
  self->state_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_TEXT]);
}

static void
update_banner (CwbAgreementPage *self)
{
  CwbAgreementState state = cwb_agreement_get_state (self->agreement, self->consortium);
  const char *label = cwb_agreement_state_get_label (state);
  GString *detail = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *icon_name, *css_class;

  switch (state)
    {
    case CWB_AGREEMENT_STATE_EFFECTIVE:
      {
        g_autofree char *date = cwb_agreement_dup_effective_date (self->agreement, self->consortium);
        g_autofree char *shown = cwb_format_date (date);

        icon_name = "emblem-ok-symbolic";
        css_class = "success";
        /* Translators: the state 已生效, then the date it took effect */
        title = g_strdup_printf (_("%s (since %s)"), label, shown ? shown : date);
        g_string_append_printf (detail,
                                ngettext ("The legal representative of the %u member signed it and its seal is on.",
                                          "The legal representatives of all %u members signed it and every member’s seal is on.",
                                          cwb_consortium_get_members (self->consortium)->len),
                                cwb_consortium_get_members (self->consortium)->len);
        break;
      }

    case CWB_AGREEMENT_STATE_PENDING:
      {
        g_auto(GStrv) missing = cwb_agreement_list_missing_signatories (self->agreement, self->consortium);
        g_auto(GStrv) unsigned_ = cwb_agreement_list_unsigned (self->agreement, self->consortium);
        g_auto(GStrv) unsealed = cwb_agreement_list_unsealed (self->agreement, self->consortium);
        g_auto(GStrv) extra = cwb_agreement_list_extra_signatories (self->agreement, self->consortium);

        icon_name = "document-edit-symbolic";
        css_class = "warning";
        title = g_strdup (label);
        if (unsigned_[0] != NULL)
          {
            g_autofree char *names = join_member_names (self, (const char * const *) unsigned_);
            g_string_append_printf (detail, _("Not signed by the legal representative (%u): %s"),
                                    g_strv_length (unsigned_), names);
          }
        if (unsealed[0] != NULL)
          {
            g_autofree char *names = join_member_names (self, (const char * const *) unsealed);
            if (detail->len > 0)
              g_string_append_c (detail, '\n');
            g_string_append_printf (detail, _("Seal not on (%u): %s"), g_strv_length (unsealed), names);
          }
        if (missing[0] != NULL)
          {
            g_autofree char *names = join_member_names (self, (const char * const *) missing);
            if (detail->len > 0)
              g_string_append_c (detail, '\n');
            g_string_append_printf (detail, _("Joined after the text was frozen, no signature record yet: %s"), names);
          }
        if (extra[0] != NULL)
          {
            g_autofree char *names = g_strjoinv (_(", "), extra);
            if (detail->len > 0)
              g_string_append_c (detail, '\n');
            g_string_append_printf (detail, _("Signatures of units that are no longer members: %s"), names);
          }
        if (detail->len == 0)
          g_string_append (detail, _("The consortium has no members to sign."));
        break;
      }

    case CWB_AGREEMENT_STATE_DRAFT:
    default:
      {
        g_autoptr(GArray) incomplete = cwb_agreement_list_incomplete_items (self->agreement, self->variables);

        icon_name = "document-edit-symbolic";
        css_class = "dim-label";
        title = g_strdup (label);
        if (incomplete->len == 0)
          g_string_append (detail, _("All nine items are written. Freeze the text to start collecting signatures and seals."));
        else
          {
            GString *names = g_string_new (NULL);

            for (guint i = 0; i < incomplete->len; i++)
              {
                if (i > 0)
                  g_string_append (names, _(", "));
                g_string_append (names, cwb_agreement_item_get_heading (g_array_index (incomplete, CwbAgreementItem, i)));
              }
            g_string_append_printf (detail,
                                    ngettext ("%u item still missing or with variables without a value: %s",
                                              "%u items still missing or with variables without a value: %s",
                                              incomplete->len),
                                    incomplete->len, names->str);
            g_string_free (names, TRUE);
          }
        break;
      }
    }

  gtk_label_set_label (self->consortium_label, cwb_consortium_get_name (self->consortium) ?: "");
  gtk_image_set_from_icon_name (self->state_icon, icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  swap_css_class (GTK_WIDGET (self->state_icon), self->state_class, css_class);
  swap_css_class (GTK_WIDGET (self->state_label), self->state_class, css_class);
  self->state_class = css_class;
  gtk_label_set_label (self->state_label, title);
  gtk_label_set_label (self->detail_label, detail->str);
  g_string_free (detail, TRUE);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  set_state_text (self, title);
}

/* ---------------------------------------------------------------- matrix */

static void
update_matrix (CwbAgreementPage *self)
{
  g_autoptr(GPtrArray) rows = cwb_agreement_matrix_build_rows (self->agreement, self->consortium);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_complete = 0, n_members = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      CwbAgreementMatrixRow *row = g_ptr_array_index (rows, i);

      if (row->is_member)
        {
          n_members++;
          if (row->legal_rep_signed && row->sealed)
            n_complete++;
        }
      g_ptr_array_add (items, cwb_agreement_signatory_new (row));
      rows->pdata[i] = NULL;
    }
  g_ptr_array_set_free_func (rows, NULL);

  g_list_store_splice (self->matrix_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matrix_rows)),
                       items->pdata, items->len);

  if (!cwb_agreement_get_frozen (self->agreement))
    summary = g_strdup (_("The text is a draft: signatures and seals are recorded once it is frozen. The legal representatives’ names can be entered now."));
  else
    /* Translators: e.g. "8 of 11 members have signed and sealed" */
    summary = g_strdup_printf (ngettext ("%u of %u member has signed and sealed.",
                                         "%u of %u members have signed and sealed.", n_members),
                               n_complete, n_members);
  gtk_label_set_label (self->signatories_label, summary);
  gtk_column_view_column_set_visible (self->edit_column, can_edit (self));
}

typedef enum {
  COLUMN_NAME,
  COLUMN_LEGAL_REP,
  COLUMN_SIGNED,
  COLUMN_SEALED,
  COLUMN_SCAN,
  COLUMN_EDIT,
} MatrixColumn;

static void
matrix_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  MatrixColumn column = GPOINTER_TO_INT (user_data);

  if (column == COLUMN_EDIT)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Edit the signature record"));
      /* the target is the row's USCC, set when bound */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.edit-signature");
      gtk_list_item_set_child (item, button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_item_set_child (item, label);
    }
}

static void
set_cell (GtkWidget  *label,
          const char *text,
          const char *css_class,
          const char *tooltip)
{
  static const char *classes[] = { "error", "warning", "dim-label", "success" };

  gtk_label_set_label (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
matrix_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  MatrixColumn column = GPOINTER_TO_INT (user_data);
  CwbAgreementSignatory *signatory = gtk_list_item_get_item (item);
  const CwbAgreementMatrixRow *row = signatory->row;
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (column)
    {
    case COLUMN_NAME:
      if (!row->is_member)
        {
          /* Translators: a signature of a unit that has left, by its credit code */
          g_autofree char *text = g_strdup_printf (_("%s (no longer a member)"), row->uscc);
          set_cell (child, text, "warning", _("This unit left the consortium after the text was frozen; its signature does not count."));
        }
      else if (!row->has_record)
        {
          g_autofree char *text = g_strdup_printf (_("%s (joined after freezing)"), row->name);
          set_cell (child, text, "warning", _("This member joined after the text was frozen and has no signature record yet."));
        }
      else
        set_cell (child, row->name, NULL, row->uscc);
      break;

    case COLUMN_LEGAL_REP:
      if (row->legal_rep != NULL && *row->legal_rep != '\0')
        set_cell (child, row->legal_rep, NULL, NULL);
      else
        set_cell (child, _("Not entered"), "dim-label", NULL);
      break;

    case COLUMN_SIGNED:
      if (row->legal_rep_signed)
        set_cell (child, row->signed_date ? row->signed_date : _("Yes"), NULL, NULL);
      else
        set_cell (child, _("Not signed"), row->is_member ? "error" : "dim-label", NULL);
      break;

    case COLUMN_SEALED:
      if (row->sealed)
        set_cell (child, row->sealed_date ? row->sealed_date : _("Yes"), NULL, NULL);
      else
        set_cell (child, _("Not sealed"), row->is_member ? "error" : "dim-label", NULL);
      break;

    case COLUMN_SCAN:
      if (row->scan_sha256 != NULL)
        {
          g_autofree char *shortened = g_strndup (row->scan_sha256, 12);
          /* Translators: a scan's SHA-256 shortened, e.g. "SHA-256 3f2a9c01b7d4…" */
          g_autofree char *text = g_strdup_printf (_("SHA-256 %s…"), shortened);
          /* Translators: the tooltip: the scan's file name and its full SHA-256 */
          g_autofree char *tooltip = g_strdup_printf (_("%s\nSHA-256: %s"), row->scan_name ? row->scan_name : "", row->scan_sha256);
          set_cell (child, text, NULL, tooltip);
        }
      else
        set_cell (child, _("No scan"), "dim-label", NULL);
      break;

    case COLUMN_EDIT:
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", row->uscc);
      gtk_widget_set_sensitive (child, row->is_member);
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_strings (const char *a,
                 const char *b)
{
  /* the empty ones (missing) first */
  if ((a == NULL || *a == '\0') != (b == NULL || *b == '\0'))
    return (a == NULL || *a == '\0') ? -1 : 1;
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
matrix_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CwbAgreementMatrixRow *ra = ((CwbAgreementSignatory *) a)->row;
  const CwbAgreementMatrixRow *rb = ((CwbAgreementSignatory *) b)->row;
  int result = 0;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      result = g_utf8_collate (ra->name, rb->name);
      break;
    case COLUMN_LEGAL_REP:
      result = compare_strings (ra->legal_rep, rb->legal_rep);
      break;
    case COLUMN_SIGNED:
      result = compare_strings (ra->signed_date, rb->signed_date);
      break;
    case COLUMN_SEALED:
      result = compare_strings (ra->sealed_date, rb->sealed_date);
      break;
    case COLUMN_SCAN:
      result = compare_strings (ra->scan_sha256, rb->scan_sha256);
      break;
    default:
      g_assert_not_reached ();
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_matrix_column (CwbAgreementPage *self,
                   const char       *title,
                   MatrixColumn      column,
                   gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (matrix_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (matrix_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column != COLUMN_EDIT)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (matrix_compare_cb, GINT_TO_POINTER (column), NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->matrix_view, view_column);
  g_object_unref (view_column);

  return view_column;
}

static void
build_matrix (CwbAgreementPage *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  self->matrix_rows = g_list_store_new (CWB_TYPE_AGREEMENT_SIGNATORY);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->matrix_rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->matrix_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->matrix_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  add_matrix_column (self, _("Member"), COLUMN_NAME, TRUE);
  add_matrix_column (self, _("Legal representative"), COLUMN_LEGAL_REP, FALSE);
  add_matrix_column (self, _("Signed"), COLUMN_SIGNED, FALSE);
  add_matrix_column (self, _("Sealed"), COLUMN_SEALED, FALSE);
  add_matrix_column (self, _("Scan"), COLUMN_SCAN, FALSE);
  self->edit_column = add_matrix_column (self, "", COLUMN_EDIT, FALSE);
}

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

static void
update_versions (CwbAgreementPage *self)
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
      if (can_edit (self))
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

/* ----------------------------------------------------------------- view */

static void
update_parties (CwbAgreementPage *self)
{
  GPtrArray *members = cwb_consortium_get_members (self->consortium);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);

      if (i > 0)
        g_string_append (text, _(", "));
      if (cwb_member_get_lead (member))
        /* Translators: the lead unit in the list of parties */
        g_string_append_printf (text, _("%s (lead unit)"), cwb_member_get_name (member));
      else
        g_string_append (text, cwb_member_get_name (member));
    }

  {
    /* Translators: the parties of the agreement: the members' names */
    g_autofree char *label = g_strdup_printf (ngettext ("Party (%u member, from the member list): %s",
                                                        "Parties (%u members, from the member list): %s",
                                                        members->len),
                                              members->len, text->str);
    gtk_label_set_label (self->parties_label, label);
  }
  g_string_free (text, TRUE);
}

static void
update_view (CwbAgreementPage *self)
{
  gboolean editable, drafting;

  if (self->agreement == NULL)
    return;

  editable = can_edit (self);
  drafting = !cwb_agreement_get_frozen (self->agreement);

  update_banner (self);
  update_parties (self);
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    item_editor_update (self, &self->items[i], editable, drafting);

  gtk_widget_set_visible (self->freeze_button, editable && drafting);
  gtk_widget_set_visible (self->edit_button, editable && !drafting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.freeze", editable && drafting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.edit-text", editable && !drafting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.insert-clause", editable && drafting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.save-clause", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.edit-signature", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.set-signature", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.attach-scan", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.restore-version", editable);

  update_matrix (self);
  update_versions (self);
}

/* (Re)loads the agreement of the context's consortium. */
static void
refresh (CwbAgreementPage *self)
{
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  g_autoptr(CwbAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = consortium != NULL ? cwb_consortium_get_id (consortium) : 0;
  gboolean same = consortium != NULL && self->consortium != NULL && id == self->consortium_id;

  /* Whatever was typed for the consortium shown so far is written first. */
  flush_edits (self);

  /* what could not be written stays as typed, and is written again */
  if (same && self->unsaved)
    return;

  if (!same)
    {
      for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
        self->items[i].dirty = FALSE;
      self->unsaved = FALSE;
    }

  g_set_object (&self->consortium, consortium);
  self->consortium_id = id;
  g_clear_pointer (&self->variables, g_hash_table_unref);

  if (consortium == NULL)
    {
      g_clear_object (&self->agreement);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_state_text (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
      return;
    }

  /* The store has what was written last even when the host has not handed
   * the reloaded consortium over yet. */
  if (get_store (self) != NULL && id > 0)
    agreement = cwb_agreement_load (get_store (self), id, &error);
  else
    agreement = cwb_agreement_new_for_consortium (consortium, &error);

  if (agreement == NULL)
    {
      show_message (self, error->message);
      agreement = cwb_agreement_new ();
      self->consortium_id = 0;   /* do not overwrite what could not be read */
    }

  g_set_object (&self->agreement, agreement);
  self->variables = cwb_agreement_collect_variables (self->context, consortium);

  update_view (self);
  gtk_stack_set_visible_child_name (self->stack, "agreement");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  CwbAgreementPage *self = user_data;

  self->refresh_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
consortium_changed_cb (CwbAgreementPage *self)
{
  /* The host sets the consortium again after every write; several in a row
   * are loaded once. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
role_changed_cb (CwbAgreementPage *self)
{
  flush_edits (self);
  update_view (self);
}

/* Applies @change to a copy of the agreement; when it succeeds the copy is
 * written and shown, else the message is shown and nothing changes. */
typedef gboolean (*AgreementChange) (CwbAgreement *agreement,
                                     gpointer      data,
                                     GError      **error);

static gboolean
apply_change (CwbAgreementPage *self,
              AgreementChange   change,
              gpointer          data)
{
  g_autoptr(CwbAgreement) copy = NULL;
  g_autoptr(GError) error = NULL;

  flush_edits (self);
  if (!can_edit (self))
    return FALSE;

  copy = cwb_agreement_copy (self->agreement);
  if (!change (copy, data, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  if (!save_agreement (copy, self))
    return FALSE;

  g_set_object (&self->agreement, copy);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
  return TRUE;
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
  g_autofree char *today = dup_today (self);

  if (apply_change (self, freeze_change, today))
    {
      gtk_stack_set_visible_child_name (self->sections, "signatures");
      show_message (self, _("The text is frozen as a new version. Collect the signatures and seals now."));
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
 * the signatures and seals that will be cleared. */
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
      g_autofree char *names = join_member_names (self, (const char * const *) to_clear);

      body = g_strdup_printf (ngettext ("This makes a new draft of the text. The signature and seal of %u member will be cleared and must be given again: %s.",
                                        "This makes a new draft of the text. The signatures and seals of %u members will be cleared and must be given again: %s.",
                                        g_strv_length (to_clear)),
                              g_strv_length (to_clear), names);
    }
  else
    body = g_strdup (_("This makes a new draft of the text. No member has signed or sealed yet, so no signature is cleared."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reopen", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reopen", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
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

  today = dup_today (self);
  if (apply_change (self, reopen_change, today))
    {
      gtk_stack_set_visible_child_name (self->sections, "draft");
      show_message (self, _("The text is a draft again; the earlier text is kept as a version."));
    }
}

static void
edit_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  GtkWidget *dialog;

  if (!can_edit (self) || !cwb_agreement_get_frozen (self->agreement))
    return;

  dialog = confirm_reopen_dialog (self, _("Change the Frozen Text?"), _("_Make a New Draft"));
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

  restore.date = dup_today (self);
  if (apply_change (self, restore_change, &restore))
    {
      for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
        self->items[i].dirty = FALSE;
      update_view (self);
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

  if (!can_edit (self) || cwb_agreement_find_version (self->agreement, number) == NULL)
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
  flush_edits (self);
  update_view (self);
}

static void
insert_clause_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           CwbAgreementPage *self)
{
  ItemEditor *ed = g_object_get_data (G_OBJECT (dialog), "cwb-item");

  if (g_strcmp0 (response, "replace") == 0 && can_edit (self))
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
  if (ed == NULL || !can_edit (self))
    return;

  clauses = cwb_agreement_library_list (get_store (self), ed->item, &error);
  if (clauses == NULL)
    {
      show_message (self, error->message);
      return;
    }
  for (guint i = 0; i < clauses->len && chosen == NULL; i++)
    if (g_strcmp0 (((CwbAgreementClause *) g_ptr_array_index (clauses, i))->id, id) == 0)
      chosen = g_ptr_array_index (clauses, i);
  if (chosen == NULL)
    {
      show_message (self, _("That model clause is no longer in the library."));
      return;
    }

  current = dup_buffer_text (ed->buffer);
  if (!cwb_text_is_blank (current) && g_strcmp0 (current, chosen->text) != 0)
    {
      GtkWidget *dialog;
      g_autofree char *body = NULL;

      /* Translators: %s is the model clause's title, then the item's heading */
      body = g_strdup_printf (_("“%s” replaces the text you have written for “%s”."),
                              chosen->title, cwb_agreement_item_get_heading (ed->item));
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                       _("Replace the Text?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
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
save_clause_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CwbAgreementPage *self)
{
  ItemEditor *ed = g_object_get_data (G_OBJECT (dialog), "cwb-item");
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "cwb-title");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "cwb-note");
  g_autoptr(CwbAgreementClause) clause = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;

  if (g_strcmp0 (response, "save") != 0 || get_store (self) == NULL)
    return;

  text = dup_buffer_text (ed->buffer);
  clause = cwb_agreement_library_save (get_store (self), ed->item,
                                       gtk_editable_get_text (title),
                                       gtk_editable_get_text (note),
                                       text, &error);
  if (clause == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* Translators: %s is the clause's title */
  saved = g_strdup_printf (_("Saved “%s” to your clauses; it is offered in every consortium."), clause->title);
  show_message (self, saved);
}

static void
save_clause_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  ItemEditor *ed = lookup_item (self, g_variant_get_string (parameter, NULL));
  g_autofree char *text = NULL;
  GtkWidget *dialog, *box, *title, *note;

  if (ed == NULL || get_store (self) == NULL)
    return;

  text = dup_buffer_text (ed->buffer);
  if (cwb_text_is_blank (text))
    {
      show_message (self, _("The item has no text to save as a clause."));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Save as My Clause"),
                                   _("The text is saved to your clause library and offered for this item in every consortium."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title, e.g. “按出资比例分担”"));
  gtk_entry_set_activates_default (GTK_ENTRY (title), TRUE);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("When to choose it (optional)"));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), note);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "save-clause");
  g_object_set_data (G_OBJECT (dialog), "cwb-item", ed);
  g_object_set_data (G_OBJECT (dialog), "cwb-title", title);
  g_object_set_data (G_OBJECT (dialog), "cwb-note", note);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_clause_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ signatures */

typedef struct
{
  const char *uscc;
  const char *legal_rep;
  gboolean    is_signed;
  const char *date;
  gboolean    sealed;
  const char *sealed_date;
} SignatureEdit;

static gboolean
signature_change (CwbAgreement *agreement,
                  gpointer      data,
                  GError      **error)
{
  SignatureEdit *edit = data;
  const char *legal_rep = edit->legal_rep;
  g_autofree char *trimmed = legal_rep ? g_strstrip (g_strdup (legal_rep)) : NULL;

  return cwb_agreement_set_legal_rep (agreement, edit->uscc, trimmed && *trimmed ? trimmed : NULL, error) &&
         cwb_agreement_set_signed (agreement, edit->uscc, edit->is_signed,
                                   edit->is_signed ? edit->date : NULL, error) &&
         cwb_agreement_set_sealed (agreement, edit->uscc, edit->sealed,
                                   edit->sealed ? edit->sealed_date : NULL, error);
}

static void
set_signature_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  SignatureEdit edit;

  g_variant_get (parameter, "(&s&sb&sb&s)", &edit.uscc, &edit.legal_rep, &edit.is_signed,
                 &edit.date, &edit.sealed, &edit.sealed_date);
  apply_change (self, signature_change, &edit);
}

static void
signature_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              CwbAgreementPage *self)
{
  GtkEditable *rep = g_object_get_data (G_OBJECT (dialog), "cwb-rep");
  GtkCheckButton *signed_check = g_object_get_data (G_OBJECT (dialog), "cwb-signed");
  GtkEditable *signed_date = g_object_get_data (G_OBJECT (dialog), "cwb-signed-date");
  GtkCheckButton *sealed_check = g_object_get_data (G_OBJECT (dialog), "cwb-sealed");
  GtkEditable *sealed_date = g_object_get_data (G_OBJECT (dialog), "cwb-sealed-date");
  const char *uscc = g_object_get_data (G_OBJECT (dialog), "cwb-uscc");
  g_autofree char *d1 = NULL, *d2 = NULL;

  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "scan") != 0)
    return;

  d1 = cwb_text_dup_stripped (gtk_editable_get_text (signed_date));
  d2 = cwb_text_dup_stripped (gtk_editable_get_text (sealed_date));
  gtk_widget_activate_action (GTK_WIDGET (self), "agreement.set-signature", "(ssbsbs)",
                              uscc, gtk_editable_get_text (rep),
                              gtk_check_button_get_active (signed_check), d1,
                              gtk_check_button_get_active (sealed_check), d2);

  if (g_strcmp0 (response, "scan") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "agreement.attach-scan", "s", uscc);
}

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  gtk_widget_set_hexpand (widget, TRUE);

  return widget;
}

static void
edit_signature_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  const char *uscc = g_variant_get_string (parameter, NULL);
  const CwbAgreementSignature *signature = cwb_agreement_lookup_signature (self->agreement, uscc);
  g_autofree char *today = dup_today (self);
  gboolean frozen = cwb_agreement_get_frozen (self->agreement);
  GtkWidget *dialog, *grid, *rep, *signed_check, *signed_date, *sealed_check, *sealed_date, *scan;
  const char *seal_date = signature ? cwb_agreement_signature_get_seal_date (signature) : NULL;

  if (!can_edit (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   member_name (self, uscc),
                                   frozen ? _("Record the legal representative’s signature and the official seal as they are on the signed copy.")
                                          : _("The text is still a draft: the legal representative’s name can be entered now; signing and sealing are recorded after the text is frozen."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  rep = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (rep), signature && signature->legal_rep ? signature->legal_rep : "");
  labelled (grid, 0, _("_Legal representative"), rep);

  signed_check = gtk_check_button_new_with_mnemonic (_("S_igned"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (signed_check), signature && signature->legal_rep_signed);
  gtk_widget_set_sensitive (signed_check, frozen);
  gtk_grid_attach (GTK_GRID (grid), signed_check, 0, 1, 1, 1);
  signed_date = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (signed_date), "YYYY-MM-DD");
  gtk_editable_set_text (GTK_EDITABLE (signed_date),
                         signature && signature->legal_rep_signed && signature->date ? signature->date : today);
  gtk_widget_set_sensitive (signed_date, frozen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (signed_date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signing date"), -1);
  gtk_grid_attach (GTK_GRID (grid), signed_date, 1, 1, 1, 1);

  sealed_check = gtk_check_button_new_with_mnemonic (_("Seal_ed"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sealed_check), signature && signature->sealed);
  gtk_widget_set_sensitive (sealed_check, frozen);
  gtk_grid_attach (GTK_GRID (grid), sealed_check, 0, 2, 1, 1);
  sealed_date = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (sealed_date), "YYYY-MM-DD");
  gtk_editable_set_text (GTK_EDITABLE (sealed_date), signature && signature->sealed && seal_date ? seal_date : today);
  gtk_widget_set_sensitive (sealed_date, frozen);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sealed_date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sealing date"), -1);
  gtk_grid_attach (GTK_GRID (grid), sealed_date, 1, 2, 1, 1);

  if (signature != NULL && signature->scan != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s\nSHA-256: %s"), signature->scan->name, signature->scan->sha256);

      scan = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (scan), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (scan), PANGO_WRAP_CHAR);
      gtk_label_set_selectable (GTK_LABEL (scan), TRUE);
      gtk_label_set_xalign (GTK_LABEL (scan), 0);
      gtk_widget_add_css_class (scan, "caption");
    }
  else
    {
      scan = gtk_label_new (_("No scan attached"));
      gtk_label_set_xalign (GTK_LABEL (scan), 0);
      gtk_widget_add_css_class (scan, "dim-label");
    }
  labelled (grid, 3, _("Scan"), scan);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "scan", _("Save and _Attach Scan…"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "signature");
  g_object_set_data_full (G_OBJECT (dialog), "cwb-uscc", g_strdup (uscc), g_free);
  g_object_set_data (G_OBJECT (dialog), "cwb-rep", rep);
  g_object_set_data (G_OBJECT (dialog), "cwb-signed", signed_check);
  g_object_set_data (G_OBJECT (dialog), "cwb-signed-date", signed_date);
  g_object_set_data (G_OBJECT (dialog), "cwb-sealed", sealed_check);
  g_object_set_data (G_OBJECT (dialog), "cwb-sealed-date", sealed_date);
  g_signal_connect_object (dialog, "response", G_CALLBACK (signature_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Scans: read in a thread-free async load, checked and stored by the model. */

typedef struct
{
  GWeakRef  page;
  char     *uscc;
  gint64    consortium_id;
  char     *name;
} ScanLoad;

static void
scan_load_free (ScanLoad *load)
{
  g_weak_ref_clear (&load->page);
  g_free (load->uscc);
  g_free (load->name);
  g_free (load);
}

typedef struct
{
  const char       *uscc;
  CwbAgreementScan *scan;
} ScanEdit;

static gboolean
scan_change (CwbAgreement *agreement,
             gpointer      data,
             GError      **error)
{
  ScanEdit *edit = data;

  cwb_agreement_set_scan (agreement, edit->uscc, edit->scan);
  return TRUE;
}

static void
scan_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScanLoad *load = user_data;
  g_autoptr(CwbAgreementPage) self = g_weak_ref_get (&load->page);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreementScan) scan = NULL;
  ScanEdit edit;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (self == NULL || self->consortium_id != load->consortium_id || !can_edit (self))
    {
      scan_load_free (load);
      return;
    }

  if (bytes == NULL)
    {
      show_message (self, error->message);
      scan_load_free (load);
      return;
    }

  scan = cwb_agreement_store_scan (get_store (self), load->consortium_id, load->uscc,
                                   load->name, bytes, &error);
  if (scan == NULL)
    {
      show_message (self, error->message);
      scan_load_free (load);
      return;
    }

  edit.uscc = load->uscc;
  edit.scan = scan;
  if (apply_change (self, scan_change, &edit))
    {
      g_autofree char *shortened = g_strndup (scan->sha256, 12);
      /* Translators: a member's name, then the scan's shortened SHA-256 */
      g_autofree char *message = g_strdup_printf (_("Scan attached for %s (SHA-256 %s…)."),
                                                  member_name (self, load->uscc), shortened);
      show_message (self, message);
    }
  scan_load_free (load);
}

/* Reads @file and attaches it as @uscc's scan; too large a file is refused
 * before it is read. */
static void
attach_scan_file (CwbAgreementPage *self,
                  const char       *uscc,
                  GFile            *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  ScanLoad *load;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (g_file_info_get_size (info) > CWB_AGREEMENT_SCAN_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      /* Translators: a file name and its size */
      g_autofree char *message = g_strdup_printf (_("“%s” is %s; a scan may be at most 20 MB. Scan the page at a lower resolution."),
                                                  name, size);
      show_message (self, message);
      return;
    }

  load = g_new0 (ScanLoad, 1);
  g_weak_ref_init (&load->page, self);
  load->uscc = g_strdup (uscc);
  load->consortium_id = self->consortium_id;
  load->name = g_steal_pointer (&name);
  g_file_load_bytes_async (file, NULL, scan_loaded_cb, load);
}

static void
scan_chooser_response_cb (GtkNativeDialog  *chooser,
                          int               response,
                          CwbAgreementPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *uscc = g_object_get_data (G_OBJECT (chooser), "cwb-uscc");

      if (file != NULL)
        attach_scan_file (self, uscc, file);
    }
  g_object_unref (chooser);
}

static void
attach_scan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!can_edit (self))
    return;

  gtk_file_filter_set_name (filter, _("PDF or image"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");

  chooser = gtk_file_chooser_native_new (_("Attach the Signed and Sealed Page"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "cwb-uscc", g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (scan_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------- export, print */

/* the edits in the fields first; the consortium may have gone meanwhile */
static gboolean
ready_to_export (CwbAgreementPage  *self,
                 GError           **error)
{
  flush_edits (self);
  if (self->agreement != NULL)
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_NOT_FOUND, _("There is no agreement to export."));
  return FALSE;
}

/* a CwbSaveFunc: the format follows the suffix, as in the `agreement`
 * command (each dialog offers one): .pdf, .docx, or the signature
 * matrix (.xlsx) */
static gboolean
export_file (const char  *path,
             guint        filter_index,
             gpointer     user_data,
             GError     **error)
{
  CwbAgreementPage *self = user_data;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!ready_to_export (self, error))
    return FALSE;
  if (g_str_has_suffix (lower, ".pdf"))
    return cwb_agreement_document_write_pdf (self->agreement, self->consortium, self->context, path, error);
  if (g_str_has_suffix (lower, ".docx"))
    return cwb_agreement_document_write_docx (self->agreement, self->consortium, self->context, path, error);

  return cwb_agreement_matrix_write_xlsx (self->agreement, self->consortium, path, error);
}

static void
export_matrix_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);

  if (self->agreement != NULL)
    cwb_save_chooser_save_to (self->toast_overlay, g_variant_get_string (parameter, NULL), export_file, self);
}

static void
choose_export_file (CwbAgreementPage *self,
                    const char       *title,
                    const char       *suffix,
                    const char       *filter_name)
{
  const char *suffixes[] = { suffix, NULL };
  const char *descriptions[] = { filter_name, NULL };
  g_autofree char *name = NULL;

  if (self->agreement == NULL)
    return;

  /* Translators: the suggested file name: the consortium's name, a kind
   * of document, and a suffix such as "xlsx" */
  name = g_strdup_printf (_("%s — %s.%s"), cwb_consortium_get_name (self->consortium), title, suffix);
  cwb_save_chooser_save (GTK_WIDGET (self), self->toast_overlay, title, name, suffixes, descriptions,
                         export_file, self, NULL);
}

static void
export_matrix_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_export_file (CWB_AGREEMENT_PAGE (widget), _("Signature Matrix"), "xlsx",
                      _("Excel workbook"));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_export_file (CWB_AGREEMENT_PAGE (widget), _("Formation Agreement"), "pdf",
                      _("PDF document"));
}

static void
export_docx_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_export_file (CWB_AGREEMENT_PAGE (widget), _("Formation Agreement"), "docx",
                      _("Word document"));
}

static void
print_begin_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                CwbDocumentLayout  *layout)
{
  gtk_print_operation_set_n_pages (operation, cwb_document_layout_get_n_pages (layout));
}

static void
print_draw_page_cb (GtkPrintOperation  *operation,
                    GtkPrintContext    *context,
                    int                 page,
                    CwbDocumentLayout  *layout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double scale = width / CWB_AGREEMENT_PAGE_WIDTH;

  /* The layout is in points on A4; a printer's page that is not A4 gets
   * the page scaled to its width. */
  cairo_save (cr);
  if (scale > 0 && (scale < 0.999 || scale > 1.001))
    cairo_scale (cr, scale, scale);
  cwb_document_layout_draw_page (layout, cr, page);
  cairo_restore (cr);
}

/* (transfer full) (nullable): the print operation of the agreement, drawn
 * with the documents' page layout; NULL when there is no agreement */
static GtkPrintOperation *
make_print_operation (CwbAgreementPage *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autofree char *title = NULL;

  flush_edits (self);
  if (self->agreement == NULL)
    return NULL;

  layout = cwb_agreement_layout_new (self->agreement, self->consortium, self->context,
                                     CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);
  title = cwb_agreement_document_dup_title (self->consortium);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (print_begin_cb), layout, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (print_draw_page_cb), layout, 0);
  g_object_set_data_full (G_OBJECT (operation), "cwb-layout", g_object_ref (layout), g_object_unref);

  return operation;
}

static void
run_print_operation (CwbAgreementPage        *self,
                     GtkPrintOperation       *operation,
                     GtkPrintOperationAction  action)
{
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, action,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (self, error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self);

  if (operation != NULL)
    run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* The print operation without its dialog, into a PDF file: what the
 * printer would get (for tests and scripts). */
static void
print_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self);

  if (operation == NULL)
    return;

  gtk_print_operation_set_export_filename (operation, g_variant_get_string (parameter, NULL));
  run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_EXPORT);
}

/* ------------------------------------------------------------- GObject */

static void
cwb_agreement_page_constructed (GObject *object)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  G_OBJECT_CLASS (cwb_agreement_page_parent_class)->constructed (object);

  g_assert (CWB_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::consortium",
                           G_CALLBACK (consortium_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cwb_agreement_page_dispose (GObject *object)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  /* Text typed just before the window closes is written, not dropped. */
  if (self->context != NULL)
    flush_edits (self);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->matrix_view != NULL)
    gtk_column_view_set_model (self->matrix_view, NULL);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_AGREEMENT_PAGE);

  g_clear_object (&self->matrix_rows);
  g_clear_object (&self->agreement);
  g_clear_object (&self->consortium);
  g_clear_object (&self->context);
  g_clear_pointer (&self->variables, g_hash_table_unref);

  G_OBJECT_CLASS (cwb_agreement_page_parent_class)->dispose (object);
}

static void
cwb_agreement_page_finalize (GObject *object)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  g_free (self->state_text);

  G_OBJECT_CLASS (cwb_agreement_page_parent_class)->finalize (object);
}

static void
cwb_agreement_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_AGREEMENT:
      g_value_set_object (value, self->agreement);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_STATE_TEXT:
      g_value_set_string (value, self->state_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_agreement_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_agreement_page_class_init (CwbAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_agreement_page_constructed;
  object_class->dispose = cwb_agreement_page_dispose;
  object_class->finalize = cwb_agreement_page_finalize;
  object_class->get_property = cwb_agreement_page_get_property;
  object_class->set_property = cwb_agreement_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGREEMENT] =
    g_param_spec_object ("agreement", NULL, NULL,
                         CWB_TYPE_AGREEMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       CWB_TYPE_AGREEMENT_STATE, CWB_AGREEMENT_STATE_DRAFT,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_TEXT] =
    g_param_spec_string ("state-text", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/agreement/ui/cwb-agreement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, consortium_label);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, detail_label);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, freeze_button);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, documents_box);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, sections);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, items_box);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, parties_label);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, signatories_label);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, matrix_view);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, versions_list);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, from_model);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, to_model);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementPage, diff_view);

  gtk_widget_class_install_action (widget_class, "agreement.freeze", NULL, freeze_action);
  gtk_widget_class_install_action (widget_class, "agreement.edit-text", NULL, edit_text_action);
  gtk_widget_class_install_action (widget_class, "agreement.insert-clause", "(ss)", insert_clause_action);
  gtk_widget_class_install_action (widget_class, "agreement.save-clause", "s", save_clause_action);
  gtk_widget_class_install_action (widget_class, "agreement.edit-signature", "s", edit_signature_action);
  gtk_widget_class_install_action (widget_class, "agreement.set-signature", "(ssbsbs)", set_signature_action);
  gtk_widget_class_install_action (widget_class, "agreement.attach-scan", "s", attach_scan_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-matrix", NULL, export_matrix_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-matrix-to", "s", export_matrix_to_action);
  gtk_widget_class_install_action (widget_class, "agreement.restore-version", "i", restore_version_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-docx", NULL, export_docx_action);
  gtk_widget_class_install_action (widget_class, "agreement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agreement.print-to", "s", print_to_action);
}

static void
cwb_agreement_page_class_finalize (CwbAgreementPageClass *klass)
{
}

static GtkWidget *
document_button (const char *label,
                 const char *tooltip,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
cwb_agreement_page_init (CwbAgreementPage *self)
{
  GtkTextBuffer *diff_buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    item_editor_build (self, &self->items[i], i);

  build_matrix (self);

  gtk_box_append (self->documents_box,
                  document_button (_("_PDF…"), _("Export the agreement as a PDF document"), "agreement.export-pdf"));
  gtk_box_append (self->documents_box,
                  document_button (_("_Word…"), _("Export the agreement as a .docx document for WPS or Word"), "agreement.export-docx"));
  gtk_box_append (self->documents_box,
                  document_button (_("P_rint…"), _("Print the agreement, with a preview"), "agreement.print"));

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
  g_signal_connect (self, "unmap", G_CALLBACK (page_unmapped_cb), NULL);
}

/* Called by cwb_agreement_area_register_type(): the generated registration
 * functions are static. */
void
_cwb_agreement_page_register_type (GTypeModule *module)
{
  cwb_agreement_signatory_register_type (module);
  cwb_agreement_page_register_type (module);
}

/**
 * cwb_agreement_page_new:
 * @context: the host's services; the page shows its current consortium
 *
 * Returns: (transfer floating): a new #CwbAgreementPage
 */
GtkWidget *
cwb_agreement_page_new (CwbContext *context)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  return g_object_new (CWB_TYPE_AGREEMENT_PAGE,
                       "context", context,
                       NULL);
}

/**
 * cwb_agreement_page_get_context:
 * @self: a #CwbAgreementPage
 *
 * Returns: (transfer none): the context the page follows
 */
CwbContext *
cwb_agreement_page_get_context (CwbAgreementPage *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_PAGE (self), NULL);

  return self->context;
}

/**
 * cwb_agreement_page_get_agreement:
 * @self: a #CwbAgreementPage
 *
 * Returns: (transfer none) (nullable): the agreement shown
 */
CwbAgreement *
cwb_agreement_page_get_agreement (CwbAgreementPage *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_PAGE (self), NULL);

  return self->agreement;
}
