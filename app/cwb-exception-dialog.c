/* cwb-exception-dialog.c — records a 一事一议 exception (rule X1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-exception-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-exception-dialog.h"
#include "cwb-exception-dialog-private.h"

struct _CwbExceptionDialog
{
  CwbFormDialog      parent_instance;

  /* owned */
  GPtrArray     *rule_ids;        /* char*, in the order of rule_model */

  /* template children */
  AdwComboRow   *rule_row;
  GtkStringList *rule_model;
  AdwEntryRow   *document_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *reason_row;
  GtkLabel      *message;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (CwbExceptionDialog, cwb_exception_dialog, CWB_TYPE_FORM_DIALOG)

static CwbContext *
get_context (CwbExceptionDialog *self)
{
  return cwb_form_dialog_get_context (CWB_FORM_DIALOG (self));
}

static gint64
get_consortium_id (CwbExceptionDialog *self)
{
  return cwb_form_dialog_get_consortium_id (CWB_FORM_DIALOG (self));
}


/* The field's text without white space at either end (U+3000 too) */
static char *
dup_trimmed_text (gpointer editable)
{
  return cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static void
show_message (CwbExceptionDialog *self,
              const char         *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && *text != '\0');
}

/* The consortium's own fields as they are now. (transfer full) */
static CwbConsortium *
load_consortium (CwbExceptionDialog  *self,
                 GError             **error)
{
  CwbConsortium *current = cwb_context_get_consortium (get_context (self));
  CwbStore *store = cwb_context_get_store (get_context (self));

  if (current != NULL && cwb_consortium_get_id (current) == get_consortium_id (self))
    return cwb_consortium_copy (current);

  if (store == NULL)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_STORE,
                           _("There is no workspace database to write to."));
      return NULL;
    }

  return cwb_store_load_consortium (store, get_consortium_id (self), error);
}

static void
field_changed_cb (CwbExceptionDialog *self)
{
  /* a message about the previous attempt no longer applies */
  show_message (self, NULL);
}

static void
save_clicked_cb (CwbExceptionDialog *self)
{
  g_autoptr(GError) error = NULL;

  cwb_exception_dialog_save (self, &error);
}

static void
populate_rules (CwbExceptionDialog *self)
{
  CwbRuleSet *rules = cwb_context_get_rules (get_context (self));
  const char * const *ids;

  if (rules == NULL)
    return;

  ids = cwb_rule_set_get_rule_ids (rules);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const char *title = cwb_rule_set_get_rule_title (rules, ids[i]);
      g_autofree char *label = NULL;

      /* TRANSLATORS: a rule in a drop-down: its id, then its one-line title */
      label = g_strdup_printf (_("%s — %s"), ids[i], title ? title : "");
      gtk_string_list_append (self->rule_model, label);
      g_ptr_array_add (self->rule_ids, g_strdup (ids[i]));
    }

  adw_combo_row_set_selected (self->rule_row, self->rule_ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

static void
cwb_exception_dialog_constructed (GObject *object)
{
  CwbExceptionDialog *self = CWB_EXCEPTION_DIALOG (object);
  g_autofree char *today = NULL;

  G_OBJECT_CLASS (cwb_exception_dialog_parent_class)->constructed (object);

  populate_rules (self);

  today = cwb_context_dup_today (get_context (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  show_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_row));
}

static void
cwb_exception_dialog_dispose (GObject *object)
{
  CwbExceptionDialog *self = CWB_EXCEPTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_EXCEPTION_DIALOG);

  G_OBJECT_CLASS (cwb_exception_dialog_parent_class)->dispose (object);
}

static void
cwb_exception_dialog_finalize (GObject *object)
{
  CwbExceptionDialog *self = CWB_EXCEPTION_DIALOG (object);

  g_clear_pointer (&self->rule_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (cwb_exception_dialog_parent_class)->finalize (object);
}

static void
cwb_exception_dialog_class_init (CwbExceptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_exception_dialog_constructed;
  object_class->dispose = cwb_exception_dialog_dispose;
  object_class->finalize = cwb_exception_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-exception-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, rule_model);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, message);
  gtk_widget_class_bind_template_child (widget_class, CwbExceptionDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
cwb_exception_dialog_init (CwbExceptionDialog *self)
{
  self->rule_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cwb_exception_dialog_new:
 * @context: the host's context
 * @consortium_id: the consortium that receives the exception
 *
 * Returns: (transfer floating): a new dialog, not yet shown
 */
CwbExceptionDialog *
cwb_exception_dialog_new (CwbContext *context,
                          gint64      consortium_id)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (consortium_id > 0, NULL);

  return g_object_new (CWB_TYPE_EXCEPTION_DIALOG,
                       "context", context,
                       "consortium-id", consortium_id,
                       NULL);
}

/**
 * cwb_exception_dialog_save:
 * @self: a #CwbExceptionDialog
 * @error: return location for a #GError
 *
 * Checks every field, adds the exception to the consortium and closes the
 * dialog. On failure the message is shown in the dialog too, and nothing
 * was written.
 *
 * Returns: %TRUE if the exception was stored
 */
gboolean
cwb_exception_dialog_save (CwbExceptionDialog  *self,
                           GError             **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *document = NULL;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  const CwbException *existing;
  CwbStore *store;
  const char *rule;
  guint selected;

  g_return_val_if_fail (CWB_IS_EXCEPTION_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  selected = adw_combo_row_get_selected (self->rule_row);
  document = dup_trimmed_text (self->document_row);
  date = dup_trimmed_text (self->date_row);
  reason = dup_trimmed_text (self->reason_row);
  store = cwb_context_get_store (get_context (self));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->rule_ids->len)
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Choose the rule that the exception accepts."));
      goto failed;
    }
  rule = g_ptr_array_index (self->rule_ids, selected);

  if (*document == '\0')
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Enter the document number of the decision, e.g. 琼科〔2024〕12号."));
      goto failed;
    }

  if (*date == '\0')
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Enter the date of the decision as YYYY-MM-DD, e.g. 2024-04-02."));
      goto failed;
    }

  if (!cwb_date_is_valid (date))
    {
      g_set_error (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid date: write the date of the decision as YYYY-MM-DD, e.g. 2024-04-02."),
                   date);
      goto failed;
    }

  if (*reason == '\0')
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Enter the reason for the exception."));
      goto failed;
    }

  if (store == NULL)
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_STORE,
                           _("There is no workspace database to write to."));
      goto failed;
    }

  consortium = load_consortium (self, &local_error);
  if (consortium == NULL)
    goto failed;

  existing = cwb_consortium_find_exception (consortium, rule);
  if (existing != NULL)
    {
      g_set_error (&local_error, CWB_ERROR, CWB_ERROR_EXISTS,
                   _("Rule %s already has a case-by-case exception (%s); remove it first."),
                   rule, existing->document ? existing->document : "");
      goto failed;
    }

  cwb_consortium_add_exception (consortium, cwb_exception_new (rule, document, date, reason));

  if (!cwb_store_update_consortium (store, consortium, &local_error))
    goto failed;

  show_message (self, NULL);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;

failed:
  show_message (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* (transfer none) */
gpointer
_cwb_exception_dialog_get_child (CwbExceptionDialog *self,
                                 const char         *id)
{
  g_return_val_if_fail (CWB_IS_EXCEPTION_DIALOG (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), CWB_TYPE_EXCEPTION_DIALOG, id);
}
