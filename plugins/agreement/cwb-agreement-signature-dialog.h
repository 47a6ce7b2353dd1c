/* cwb-agreement-signature-dialog.h — recording a member's signature and seal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

#define CWB_TYPE_AGREEMENT_SIGNATURE_DIALOG (cwb_agreement_signature_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementSignatureDialog, cwb_agreement_signature_dialog,
                      CWB, AGREEMENT_SIGNATURE_DIALOG, AdwMessageDialog)

/*
 * The dialog of one member's line in the signature matrix (template
 * cwb-agreement-signature-dialog.ui): its legal representative, whether
 * the representative signed and when, whether the seal is on and when, and
 * the scan attached. Responses: "cancel", "save", and "scan" (save, then
 * attach a scan). Signing and sealing can be recorded only once the text
 * is frozen; the dates default to @today.
 */

GtkWidget  *cwb_agreement_signature_dialog_new              (GtkWindow                   *parent,
                                                             const char                  *member_name,
                                                             const char                  *uscc,
                                                             const CwbAgreementSignature *signature,
                                                             gboolean                     frozen,
                                                             const char                  *today);
const char *cwb_agreement_signature_dialog_get_uscc         (CwbAgreementSignatureDialog *self);
const char *cwb_agreement_signature_dialog_get_legal_rep    (CwbAgreementSignatureDialog *self);
gboolean    cwb_agreement_signature_dialog_get_signed       (CwbAgreementSignatureDialog *self);
gboolean    cwb_agreement_signature_dialog_get_sealed       (CwbAgreementSignatureDialog *self);
/* the dates as typed, without the white space around them (transfer full) */
char       *cwb_agreement_signature_dialog_dup_signed_date  (CwbAgreementSignatureDialog *self);
char       *cwb_agreement_signature_dialog_dup_sealed_date  (CwbAgreementSignatureDialog *self);

/* The type is dynamic (it lives in the plugin's module). */
void        _cwb_agreement_signature_dialog_register_type   (GTypeModule                 *module);

G_END_DECLS
