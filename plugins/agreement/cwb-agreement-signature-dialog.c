/* cwb-agreement-signature-dialog.c — recording a member's signature and seal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-signature-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-agreement-signature-dialog.h"

struct _CwbAgreementSignatureDialog
{
  AdwMessageDialog  parent_instance;

  char             *uscc;

  /* template children */
  GtkEditable      *legal_rep_entry;
  GtkCheckButton   *signed_check;
  GtkEditable      *signed_date_entry;
  GtkCheckButton   *sealed_check;
  GtkEditable      *sealed_date_entry;
  GtkLabel         *scan_label;
};

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementSignatureDialog, cwb_agreement_signature_dialog,
                                ADW_TYPE_MESSAGE_DIALOG, G_TYPE_FLAG_FINAL, {})

static void
cwb_agreement_signature_dialog_finalize (GObject *object)
{
  CwbAgreementSignatureDialog *self = CWB_AGREEMENT_SIGNATURE_DIALOG (object);

  g_free (self->uscc);

  G_OBJECT_CLASS (cwb_agreement_signature_dialog_parent_class)->finalize (object);
}

static void
cwb_agreement_signature_dialog_class_init (CwbAgreementSignatureDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cwb_agreement_signature_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/agreement/ui/cwb-agreement-signature-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, legal_rep_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, signed_check);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, signed_date_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, sealed_check);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, sealed_date_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbAgreementSignatureDialog, scan_label);
}

static void
cwb_agreement_signature_dialog_class_finalize (CwbAgreementSignatureDialogClass *klass)
{
}

static void
cwb_agreement_signature_dialog_init (CwbAgreementSignatureDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* for tests: the page's dialogs say what they are for */
  g_object_set_data (G_OBJECT (self), "cwb-purpose", (gpointer) "signature");
}

/* Called by _cwb_agreement_page_register_type(). */
void
_cwb_agreement_signature_dialog_register_type (GTypeModule *module)
{
  cwb_agreement_signature_dialog_register_type (module);
}

/**
 * cwb_agreement_signature_dialog_new:
 * @parent: (nullable): the window it is transient for
 * @member_name: the member, the dialog's heading
 * @uscc: the member's credit code
 * @signature: (nullable): what is recorded so far
 * @frozen: whether the text is frozen (signing and sealing can be recorded)
 * @today: the date the dates default to
 *
 * Returns: (transfer full): the dialog, to present
 */
GtkWidget *
cwb_agreement_signature_dialog_new (GtkWindow                   *parent,
                                    const char                  *member_name,
                                    const char                  *uscc,
                                    const CwbAgreementSignature *signature,
                                    gboolean                     frozen,
                                    const char                  *today)
{
  const char *seal_date = signature != NULL ? cwb_agreement_signature_get_seal_date (signature) : NULL;
  gboolean is_signed = signature != NULL && signature->legal_rep_signed;
  gboolean sealed = signature != NULL && signature->sealed;
  CwbAgreementSignatureDialog *self;

  g_return_val_if_fail (uscc != NULL, NULL);

  self = g_object_new (CWB_TYPE_AGREEMENT_SIGNATURE_DIALOG,
                       "transient-for", parent,
                       "heading", member_name,
                       "body", frozen ? _("Record the legal representative’s signature and the official seal as they are on the signed copy.")
                                      : _("The text is still a draft: the legal representative’s name can be entered now; signing and sealing are recorded after the text is frozen."),
                       NULL);
  self->uscc = g_strdup (uscc);

  gtk_editable_set_text (self->legal_rep_entry,
                         signature != NULL && signature->legal_rep != NULL ? signature->legal_rep : "");
  gtk_check_button_set_active (self->signed_check, is_signed);
  gtk_editable_set_text (self->signed_date_entry, is_signed && signature->date != NULL ? signature->date : today);
  gtk_check_button_set_active (self->sealed_check, sealed);
  gtk_editable_set_text (self->sealed_date_entry, sealed && seal_date != NULL ? seal_date : today);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signed_check), frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->signed_date_entry), frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sealed_check), frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sealed_date_entry), frozen);

  if (signature != NULL && signature->scan != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s\nSHA-256: %s"), signature->scan->name, signature->scan->sha256);

      gtk_label_set_label (self->scan_label, text);
      gtk_label_set_wrap (self->scan_label, TRUE);
      gtk_label_set_wrap_mode (self->scan_label, PANGO_WRAP_CHAR);
      gtk_label_set_selectable (self->scan_label, TRUE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->scan_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->scan_label), "caption");
    }

  return GTK_WIDGET (self);
}

/**
 * cwb_agreement_signature_dialog_get_uscc:
 * @self: a dialog
 *
 * Returns: (transfer none): the member's credit code
 */
const char *
cwb_agreement_signature_dialog_get_uscc (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), NULL);

  return self->uscc;
}

/**
 * cwb_agreement_signature_dialog_get_legal_rep:
 * @self: a dialog
 *
 * Returns: (transfer none): the legal representative's name as typed
 */
const char *
cwb_agreement_signature_dialog_get_legal_rep (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), NULL);

  return gtk_editable_get_text (self->legal_rep_entry);
}

/**
 * cwb_agreement_signature_dialog_get_signed:
 * @self: a dialog
 *
 * Returns: whether the legal representative signed
 */
gboolean
cwb_agreement_signature_dialog_get_signed (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->signed_check);
}

/**
 * cwb_agreement_signature_dialog_get_sealed:
 * @self: a dialog
 *
 * Returns: whether the seal is on
 */
gboolean
cwb_agreement_signature_dialog_get_sealed (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), FALSE);

  return gtk_check_button_get_active (self->sealed_check);
}

/**
 * cwb_agreement_signature_dialog_dup_signed_date:
 * @self: a dialog
 *
 * Returns: (transfer full): the signing date as typed, stripped
 */
char *
cwb_agreement_signature_dialog_dup_signed_date (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), NULL);

  return cwb_text_dup_stripped (gtk_editable_get_text (self->signed_date_entry));
}

/**
 * cwb_agreement_signature_dialog_dup_sealed_date:
 * @self: a dialog
 *
 * Returns: (transfer full): the sealing date as typed, stripped
 */
char *
cwb_agreement_signature_dialog_dup_sealed_date (CwbAgreementSignatureDialog *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_SIGNATURE_DIALOG (self), NULL);

  return cwb_text_dup_stripped (gtk_editable_get_text (self->sealed_date_entry));
}
