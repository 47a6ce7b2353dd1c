/* cwb-agreement-matrix.c — the signature matrix: one row per signatory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-matrix"

#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "cwb-agreement-matrix.h"

void
cwb_agreement_matrix_row_free (CwbAgreementMatrixRow *row)
{
  if (row == NULL)
    return;

  g_free (row->uscc);
  g_free (row->name);
  g_free (row->legal_rep);
  g_free (row->signed_date);
  g_free (row->sealed_date);
  g_free (row->scan_name);
  g_free (row->scan_sha256);
  g_free (row);
}

static void
fill_from_signature (CwbAgreementMatrixRow       *row,
                     const CwbAgreementSignature *signature)
{
  row->has_record = signature != NULL;
  if (signature == NULL)
    return;

  row->legal_rep = g_strdup (signature->legal_rep);
  row->legal_rep_signed = signature->legal_rep_signed;
  if (signature->legal_rep_signed)
    row->signed_date = g_strdup (signature->date);
  row->sealed = signature->sealed;
  if (signature->sealed)
    row->sealed_date = g_strdup (cwb_agreement_signature_get_seal_date (signature));
  if (signature->scan != NULL)
    {
      row->scan_name = g_strdup (signature->scan->name);
      row->scan_sha256 = g_strdup (signature->scan->sha256);
    }
}

/**
 * cwb_agreement_matrix_build_rows:
 * @agreement: the agreement
 * @consortium: the consortium whose members are the parties
 *
 * Returns: (transfer full) (element-type CwbAgreementMatrixRow): the rows
 */
GPtrArray *
cwb_agreement_matrix_build_rows (CwbAgreement  *agreement,
                                 CwbConsortium *consortium)
{
  GPtrArray *rows;
  g_auto(GStrv) extra = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_agreement_matrix_row_free);

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (consortium, i);
      CwbAgreementMatrixRow *row = g_new0 (CwbAgreementMatrixRow, 1);
      const char *uscc = cwb_member_get_uscc (member);

      row->uscc = g_strdup (uscc);
      row->name = g_strdup (cwb_member_get_name (member));
      row->is_member = TRUE;
      fill_from_signature (row, uscc != NULL ? cwb_agreement_lookup_signature (agreement, uscc) : NULL);
      g_ptr_array_add (rows, row);
    }

  extra = cwb_agreement_list_extra_signatories (agreement, consortium);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    {
      CwbAgreementMatrixRow *row = g_new0 (CwbAgreementMatrixRow, 1);

      row->uscc = g_strdup (extra[i]);
      row->name = g_strdup (extra[i]);
      row->is_member = FALSE;
      fill_from_signature (row, cwb_agreement_lookup_signature (agreement, extra[i]));
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/* What the row still lacks, as one phrase; NULL when it is complete. */
static char *
describe_row_state (const CwbAgreementMatrixRow *row)
{
  if (!row->is_member)
    return g_strdup (_("No longer a member; the signature does not count"));
  if (!row->has_record)
    return g_strdup (_("Joined after the text was frozen: not signed, not sealed"));
  if (!row->legal_rep_signed && !row->sealed)
    return g_strdup (_("Not signed, not sealed"));
  if (!row->legal_rep_signed)
    return g_strdup (_("Not signed"));
  if (!row->sealed)
    return g_strdup (_("Not sealed"));
  return NULL;
}

/**
 * cwb_agreement_matrix_write_xlsx:
 * @agreement: the agreement
 * @consortium: the consortium whose members are the parties
 * @path: the file to write (replaced if it exists)
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the workbook was written
 */
gboolean
cwb_agreement_matrix_write_xlsx (CwbAgreement   *agreement,
                                 CwbConsortium  *consortium,
                                 const char     *path,
                                 GError        **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  /* constant memory: rows are written in order and strings inline, so each
   * name is in the sheet's own XML */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  g_autoptr(CwbAtomicFile) file = NULL;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header, *missing, *extra;
  lxw_error err;
  const char *headings[] = {
    N_("Member"), N_("Unified social credit code"), N_("Legal representative"),
    N_("Signed"), N_("Sealed"), N_("Scan"), N_("Scan SHA-256"), N_("Still missing"),
  };

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rows = cwb_agreement_matrix_build_rows (agreement, consortium);

  /* written beside @path and renamed over it only once complete */
  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  if ((workbook = workbook_new_opt (cwb_atomic_file_get_temp_path (file), &options)) == NULL)
    return cwb_atomic_file_fail (file, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED), error);

  /* Translators: the worksheet's name (at most 31 characters) */
  sheet = workbook_add_worksheet (workbook, C_("worksheet name", "Signatures"));
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bg_color (header, 0xDEDDDA);
  missing = workbook_add_format (workbook);
  format_set_font_color (missing, 0xC01C28);
  extra = workbook_add_format (workbook);
  format_set_font_color (extra, 0x9A6700);

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    worksheet_write_string (sheet, 0, c, _(headings[c]), header);
  worksheet_set_column (sheet, 0, 0, 32, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  worksheet_set_column (sheet, 2, 5, 14, NULL);
  worksheet_set_column (sheet, 6, 6, 66, NULL);
  worksheet_set_column (sheet, 7, 7, 30, NULL);
  worksheet_freeze_panes (sheet, 1, 1);

  for (guint i = 0; i < rows->len; i++)
    {
      CwbAgreementMatrixRow *row = g_ptr_array_index (rows, i);
      lxw_row_t r = i + 1;
      g_autofree char *state = describe_row_state (row);
      lxw_format *look = !row->is_member ? extra : NULL;

      worksheet_write_string (sheet, r, 0, row->name ? row->name : "", look);
      worksheet_write_string (sheet, r, 1, row->uscc ? row->uscc : "", look);
      worksheet_write_string (sheet, r, 2, row->legal_rep ? row->legal_rep : "", look);
      if (row->legal_rep_signed)
        worksheet_write_string (sheet, r, 3, row->signed_date ? row->signed_date : _("Yes"), look);
      else
        worksheet_write_string (sheet, r, 3, _("Not signed"), look ? look : missing);
      if (row->sealed)
        worksheet_write_string (sheet, r, 4, row->sealed_date ? row->sealed_date : _("Yes"), look);
      else
        worksheet_write_string (sheet, r, 4, _("Not sealed"), look ? look : missing);
      worksheet_write_string (sheet, r, 5, row->scan_name ? row->scan_name : "", look);
      worksheet_write_string (sheet, r, 6, row->scan_sha256 ? row->scan_sha256 : "", look);
      if (state != NULL)
        worksheet_write_string (sheet, r, 7, state, look ? look : missing);
    }

  /* the workbook is only written out here: its error says whether it is whole */
  if ((err = workbook_close (workbook)) != LXW_NO_ERROR)
    return cwb_atomic_file_fail (file, lxw_strerror (err), error);

  return cwb_atomic_file_commit (file, error);
}
