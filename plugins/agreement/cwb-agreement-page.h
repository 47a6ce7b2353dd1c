/* cwb-agreement-page.h — the formation agreement of the current consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

#define CWB_TYPE_AGREEMENT_PAGE (cwb_agreement_page_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementPage, cwb_agreement_page, CWB, AGREEMENT_PAGE, AdwBin)

/*
 * The agreement of CwbContext:consortium: a state banner, the nine items
 * with their editors and model clauses, the signature matrix and the
 * versions. Edits are written to the store's "agreement" section as they
 * are made (debounced, and at once when an editor loses focus, the page is
 * unmapped or disposed). In the 主管部门 role the page only shows.
 *
 * Read-only properties for tests: "context", "agreement" (the agreement
 * shown, NULL with no consortium), "state" (a CwbAgreementState) and
 * "state-text" (the banner's state line as shown, NULL with no consortium).
 *
 * Actions (group "agreement"): freeze, edit-text, insert-clause (ss: item
 * key, clause id), save-clause (s: item key), edit-signature (s: USCC),
 * set-signature ((ssbsbs): USCC, legal representative, signed, date,
 * sealed, seal date), attach-scan (s: USCC), export-matrix,
 * export-matrix-to (s: path), restore-version (i), and, with the documents,
 * export-pdf, export-docx, print.
 */

GtkWidget    *cwb_agreement_page_new           (CwbContext       *context);
CwbContext   *cwb_agreement_page_get_context   (CwbAgreementPage *self);
/* (nullable) (transfer none) */
CwbAgreement *cwb_agreement_page_get_agreement (CwbAgreementPage *self);

/* The type is dynamic (it lives in the plugin's module): registered by
 * cwb_agreement_area_register_type(). */
void          _cwb_agreement_page_register_type (GTypeModule     *module);

G_END_DECLS
