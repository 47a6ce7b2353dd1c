/* cwb-agreement-page.c — the formation agreement of the current consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include "cwb-agreement-clause-dialog.h"
#include "cwb-agreement-enums.h"
#include "cwb-agreement-page-private.h"
#include "cwb-agreement-signature-dialog.h"

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_AGREEMENT,
  PROP_STATE,
  PROP_STATE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------- the page */

static void cwb_agreement_page_class_finalize (CwbAgreementPageClass *klass);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementPage, cwb_agreement_page, ADW_TYPE_BIN,
                                G_TYPE_FLAG_FINAL, {})

static void refresh (CwbAgreementPage *self);

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

void
_cwb_agreement_page_show_message (CwbAgreementPage *self,
                                  const char       *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

CwbStore *
_cwb_agreement_page_get_store (CwbAgreementPage *self)
{
  return cwb_context_get_store (self->context);
}

/* The stored consortium can be written; a consortium from a file cannot. */
gboolean
_cwb_agreement_page_can_write (CwbAgreementPage *self)
{
  return self->agreement != NULL && _cwb_agreement_page_get_store (self) != NULL && self->consortium_id > 0;
}

/* Drafting, freezing and signing are the lead unit's; staff only look. */
gboolean
_cwb_agreement_page_can_edit (CwbAgreementPage *self)
{
  return _cwb_agreement_page_can_write (self) && cwb_context_get_role (self->context) == CWB_ROLE_LEAD;
}

char *
_cwb_agreement_page_dup_today (CwbAgreementPage *self)
{
  return cwb_context_dup_today (self->context);
}

char *
_cwb_agreement_page_dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The member's name for a USCC, or the USCC itself. */
const char *
_cwb_agreement_page_member_name (CwbAgreementPage *self,
                                 const char       *uscc)
{

  for (guint i = 0; i < cwb_consortium_get_n_members (self->consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (self->consortium, i);

      if (g_strcmp0 (cwb_member_get_uscc (member), uscc) == 0)
        return cwb_member_get_name (member);
    }

  return uscc;
}

/* "甲、乙、丙" for a list of USCCs (transfer full) */
char *
_cwb_agreement_page_join_member_names (CwbAgreementPage   *self,
                                       const char * const *usccs)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; usccs != NULL && usccs[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: the separator between names in a list */
        g_string_append (text, _(", "));
      g_string_append (text, _cwb_agreement_page_member_name (self, usccs[i]));
    }

  return g_string_free (text, FALSE);
}

/* (transfer none): the AdwMessageDialog "dialog" of the plugin's .ui file
 * @name, transient for the page's window (GTK keeps it until it closes) */
GtkWidget *
_cwb_agreement_page_load_dialog (CwbAgreementPage *self,
                                 const char       *name)
{
  g_autofree char *path = g_strconcat ("/io/github/cwb/plugins/agreement/ui/", name, NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
  GtkWidget *dialog = GTK_WIDGET (gtk_builder_get_object (builder, "dialog"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);

  return dialog;
}

/* ---------------------------------------------------------------- saving */

/* Writes the agreement to the store; the host then reloads the consortium
 * and the page follows. Shows the store's message on failure. */
gboolean
_cwb_agreement_page_save_agreement (CwbAgreement     *agreement,
                                    CwbAgreementPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!_cwb_agreement_page_can_write (self))
    return FALSE;

  if (!cwb_agreement_save (agreement, _cwb_agreement_page_get_store (self), self->consortium_id, &error))
    {
      _cwb_agreement_page_show_message (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
page_unmapped_cb (CwbAgreementPage *self)
{
  _cwb_agreement_page_flush_edits (self);
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
                                          cwb_consortium_get_n_members (self->consortium)),
                                cwb_consortium_get_n_members (self->consortium));
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
            g_autofree char *names = _cwb_agreement_page_join_member_names (self, (const char * const *) unsigned_);
            g_string_append_printf (detail, _("Not signed by the legal representative (%u): %s"),
                                    g_strv_length (unsigned_), names);
          }
        if (unsealed[0] != NULL)
          {
            g_autofree char *names = _cwb_agreement_page_join_member_names (self, (const char * const *) unsealed);
            if (detail->len > 0)
              g_string_append_c (detail, '\n');
            g_string_append_printf (detail, _("Seal not on (%u): %s"), g_strv_length (unsealed), names);
          }
        if (missing[0] != NULL)
          {
            g_autofree char *names = _cwb_agreement_page_join_member_names (self, (const char * const *) missing);
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

/* ----------------------------------------------------------------- view */

static void
update_parties (CwbAgreementPage *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cwb_consortium_get_n_members (self->consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (self->consortium, i);

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
                                                        cwb_consortium_get_n_members (self->consortium)),
                                              cwb_consortium_get_n_members (self->consortium), text->str);
    gtk_label_set_label (self->parties_label, label);
  }
  g_string_free (text, TRUE);
}

void
_cwb_agreement_page_update_view (CwbAgreementPage *self)
{
  gboolean editable, drafting;

  if (self->agreement == NULL)
    return;

  editable = _cwb_agreement_page_can_edit (self);
  drafting = !cwb_agreement_get_frozen (self->agreement);

  update_banner (self);
  update_parties (self);
  _cwb_agreement_page_update_editors (self, editable, drafting);

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

  _cwb_agreement_page_update_matrix (self);
  _cwb_agreement_page_update_versions (self);
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
  _cwb_agreement_page_flush_edits (self);

  /* what could not be written stays as typed, and is written again */
  if (same && self->unsaved)
    return;

  if (!same)
    {
      for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
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
  if (_cwb_agreement_page_get_store (self) != NULL && id > 0)
    agreement = cwb_agreement_load (_cwb_agreement_page_get_store (self), id, &error);
  else
    agreement = cwb_agreement_new_for_consortium (consortium, &error);

  if (agreement == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      agreement = cwb_agreement_new ();
      self->consortium_id = 0;   /* do not overwrite what could not be read */
    }

  g_set_object (&self->agreement, agreement);
  self->variables = cwb_agreement_collect_variables (self->context, consortium);

  _cwb_agreement_page_update_view (self);
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
  _cwb_agreement_page_flush_edits (self);
  _cwb_agreement_page_update_view (self);
}

gboolean
_cwb_agreement_page_apply_change (CwbAgreementPage       *self,
                                  CwbAgreementPageChange  change,
                                  gpointer                data)
{
  g_autoptr(CwbAgreement) copy = NULL;
  g_autoptr(GError) error = NULL;

  _cwb_agreement_page_flush_edits (self);
  if (!_cwb_agreement_page_can_edit (self))
    return FALSE;

  copy = cwb_agreement_copy (self->agreement);
  if (!change (copy, data, &error))
    {
      _cwb_agreement_page_show_message (self, error->message);
      return FALSE;
    }

  if (!_cwb_agreement_page_save_agreement (copy, self))
    return FALSE;

  g_set_object (&self->agreement, copy);
  _cwb_agreement_page_update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT]);
  return TRUE;
}

/* ------------------------------------------------------------- GObject */

static void
cwb_agreement_page_constructed (GObject *object)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (object);

  G_OBJECT_CLASS (cwb_agreement_page_parent_class)->constructed (object);

  g_assert (CWB_IS_CONTEXT (self->context));

  /* one editor per item of the context's rule set */
  _cwb_agreement_page_build_editors (self);

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
    _cwb_agreement_page_flush_edits (self);

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

  _cwb_agreement_page_class_init_editors (widget_class);
  _cwb_agreement_page_class_init_signatures (widget_class);
  _cwb_agreement_page_class_init_versions (widget_class);
  _cwb_agreement_page_class_init_export (widget_class);
}

static void
cwb_agreement_page_class_finalize (CwbAgreementPageClass *klass)
{
}

static void
cwb_agreement_page_init (CwbAgreementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  _cwb_agreement_page_build_matrix (self);
  _cwb_agreement_page_add_document_buttons (self);
  _cwb_agreement_page_init_versions (self);
  g_signal_connect (self, "unmap", G_CALLBACK (page_unmapped_cb), NULL);
}

/* Called by cwb_agreement_area_register_type(): the generated registration
 * functions are static. */
void
_cwb_agreement_page_register_type (GTypeModule *module)
{
  _cwb_agreement_signatory_register_type (module);
  _cwb_agreement_signature_dialog_register_type (module);
  _cwb_agreement_clause_dialog_register_type (module);
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
