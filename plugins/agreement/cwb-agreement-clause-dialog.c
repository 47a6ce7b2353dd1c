/* cwb-agreement-clause-dialog.c — saving an item's text as my clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-clause-dialog"

#include "config.h"

#include "cwb-agreement-clause-dialog.h"

struct _CwbAgreementClauseDialog
{
  AdwMessageDialog  parent_instance;

  CwbAgreementItem  item;

  /* template children */
  GtkEditable      *title_entry;
  GtkEditable      *note_entry;
};

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementClauseDialog, cwb_agreement_clause_dialog,
                                ADW_TYPE_MESSAGE_DIALOG, G_TYPE_FLAG_FINAL, {})

static void
cwb_agreement_clause_dialog_class_init (CwbAgreementClauseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/agreement/ui/cwb-agreement-clause-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementClauseDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementClauseDialog, note_entry);
}

static void
cwb_agreement_clause_dialog_class_finalize (CwbAgreementClauseDialogClass *klass)
{
}

static void
cwb_agreement_clause_dialog_init (CwbAgreementClauseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* for tests: the page's dialogs say what they are for */
  g_object_set_data (G_OBJECT (self), "cwb-purpose", (gpointer) "save-clause");
}

/* Called by _cwb_agreement_page_register_type(). */
void
_cwb_agreement_clause_dialog_register_type (GTypeModule *module)
{
  cwb_agreement_clause_dialog_register_type (module);
}

/**
 * cwb_agreement_clause_dialog_new:
 * @parent: (nullable): the window it is transient for
 * @item: the item whose text is saved
 *
 * Returns: (transfer full): the dialog, to present
 */
GtkWidget *
cwb_agreement_clause_dialog_new (GtkWindow        *parent,
                                 CwbAgreementItem  item)
{
  CwbAgreementClauseDialog *self;

  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);

  self = g_object_new (CWB_TYPE_AGREEMENT_CLAUSE_DIALOG, "transient-for", parent, NULL);
  self->item = item;

  return GTK_WIDGET (self);
}

/**
 * cwb_agreement_clause_dialog_get_item:
 * @self: a dialog
 *
 * Returns: the item whose text is saved
 */
CwbAgreementItem
cwb_agreement_clause_dialog_get_item (CwbAgreementClauseDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_CLAUSE_DIALOG (self), 0);

  return self->item;
}

/**
 * cwb_agreement_clause_dialog_get_clause_title:
 * @self: a dialog
 *
 * Returns: (transfer none): the clause's title as typed
 */
const char *
cwb_agreement_clause_dialog_get_clause_title (CwbAgreementClauseDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_CLAUSE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->title_entry);
}

/**
 * cwb_agreement_clause_dialog_get_note:
 * @self: a dialog
 *
 * Returns: (transfer none): when to choose the clause, as typed
 */
const char *
cwb_agreement_clause_dialog_get_note (CwbAgreementClauseDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_CLAUSE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->note_entry);
}
