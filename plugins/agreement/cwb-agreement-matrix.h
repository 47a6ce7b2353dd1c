/* cwb-agreement-matrix.h — the signature matrix: one row per signatory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

/**
 * CwbAgreementMatrixRow:
 * @uscc: the signatory's credit code
 * @name: the member's name; for an extra signatory (no longer a member),
 *   the credit code
 * @is_member: FALSE for a signature record whose member has left
 * @has_record: whether the agreement has a signature record for @uscc
 *   (FALSE for a member added after freezing)
 * @legal_rep: (nullable): the legal representative's name
 * @signed_date: (nullable): the signing date when signed, else NULL
 * @sealed_date: (nullable): the sealing date when sealed, else NULL
 * @legal_rep_signed: signed
 * @sealed: sealed
 * @scan_name: (nullable): the scan's file name
 * @scan_sha256: (nullable): the scan's SHA-256, lower-case hex
 *
 * One line of the signature matrix, as the page and the XLSX show it.
 */
typedef struct {
  char     *uscc;
  char     *name;
  gboolean  is_member;
  gboolean  has_record;
  char     *legal_rep;
  gboolean  legal_rep_signed;
  char     *signed_date;
  gboolean  sealed;
  char     *sealed_date;
  char     *scan_name;
  char     *scan_sha256;
} CwbAgreementMatrixRow;

void cwb_agreement_matrix_row_free (CwbAgreementMatrixRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAgreementMatrixRow, cwb_agreement_matrix_row_free)

/* The rows of @agreement against @consortium's current members: the
 * members in member order, then the extra signatories in signature order.
 * (transfer full) (element-type CwbAgreementMatrixRow) */
GPtrArray *cwb_agreement_matrix_build_rows  (CwbAgreement   *agreement,
                                             CwbConsortium  *consortium);

/* Writes the matrix to an XLSX workbook at @path (one sheet, a header row
 * and one row per signatory, with the state of each). Errors: CWB_ERROR_STORE
 * with libxlsxwriter's reason when the file cannot be written. */
gboolean   cwb_agreement_matrix_write_xlsx  (CwbAgreement   *agreement,
                                             CwbConsortium  *consortium,
                                             const char     *path,
                                             GError        **error);

G_END_DECLS
