/* cwb-agreement-clause-dialog.h — saving an item's text as my clause
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

#define CWB_TYPE_AGREEMENT_CLAUSE_DIALOG (cwb_agreement_clause_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementClauseDialog, cwb_agreement_clause_dialog,
                      CWB, AGREEMENT_CLAUSE_DIALOG, AdwMessageDialog)

/*
 * Asks for the title and the note of a new clause of the user's library,
 * made from an item's text (template cwb-agreement-clause-dialog.ui).
 * Responses: "cancel", "save".
 */

GtkWidget        *cwb_agreement_clause_dialog_new       (GtkWindow                *parent,
                                                         CwbAgreementItem          item);
CwbAgreementItem  cwb_agreement_clause_dialog_get_item  (CwbAgreementClauseDialog *self);
const char       *cwb_agreement_clause_dialog_get_clause_title (CwbAgreementClauseDialog *self);
const char       *cwb_agreement_clause_dialog_get_note  (CwbAgreementClauseDialog *self);

/* The type is dynamic (it lives in the plugin's module). */
void              _cwb_agreement_clause_dialog_register_type (GTypeModule         *module);

G_END_DECLS
