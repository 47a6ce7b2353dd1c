/* cwb-agreement-document.h — the formation agreement as a document: PDF, print, DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

/*
 * The printable agreement: the title "海南省XXX创新联合体组建协议", the
 * parties (name and unified social credit code, the lead marked 牵头单位),
 * the nine articles 第一条 … 第九条 with their headings and their text with
 * the variables filled, and a signature block per member (单位名称,
 * 法定代表人（签字）, 单位（盖章）, 日期).
 *
 * A gap — an absent or blank item, or a variable without a value — is not
 * left out: it is written visibly, as 【待填写：…】 (in red on screen and in
 * colour prints), so it shows on paper. cwb_agreement_list_incomplete_items()
 * names the same items.
 *
 * Everything here is headless (libcwb's CwbDocument: cairo, pango, libzip,
 * libxml2; no GTK) and may run in a worker thread; the objects passed are
 * only read.
 */

/* The A4 page, in points, and the margin of the documents (25 mm). */
#define CWB_AGREEMENT_PAGE_WIDTH  CWB_DOCUMENT_PAGE_WIDTH
#define CWB_AGREEMENT_PAGE_HEIGHT CWB_DOCUMENT_PAGE_HEIGHT
#define CWB_AGREEMENT_MARGIN      CWB_DOCUMENT_MARGIN

/* The title: "海南省…创新联合体" (from the consortium's name: a name that
 * already starts with 海南 and names the 创新联合体 is kept as it is) then
 * "组建协议" (translated). (transfer full) */
char               *cwb_agreement_document_dup_title (CwbConsortium  *consortium);

/* "第一条" … "第九条" (translated) */
const char         *cwb_agreement_document_get_article_number (CwbAgreementItem item);

/* Where the members sign: two blocks a row with room for the seal (the
 * PDF, print), or a ruled table with a row a member (the DOCX, which is
 * filled in by hand or in Word). */
typedef enum
{
  CWB_AGREEMENT_SIGNATURE_BLOCKS,
  CWB_AGREEMENT_SIGNATURE_TABLE,
} CwbAgreementSignatureLayout;

/* The agreement as a CwbDocument (libcwb), to write or lay out: the
 * title, the parties, the preamble, the nine articles with the variables
 * filled, the closing sentence and, on a page of its own, the signatures.
 * @context: (nullable): gives the clock and rule set for the variables
 * (the real clock without one). (transfer full) */
CwbDocument        *cwb_agreement_document_new       (CwbAgreement                *agreement,
                                                      CwbConsortium               *consortium,
                                                      CwbContext                  *context,
                                                      CwbAgreementSignatureLayout  signatures);

/* The agreement with signature blocks laid out on pages of @width ×
 * @height points (A4: CWB_AGREEMENT_PAGE_WIDTH × CWB_AGREEMENT_PAGE_HEIGHT),
 * for printing: see cwb_document_layout_new(). (transfer full) */
CwbDocumentLayout  *cwb_agreement_layout_new         (CwbAgreement       *agreement,
                                                      CwbConsortium      *consortium,
                                                      CwbContext         *context,
                                                      double              width,
                                                      double              height);

/* Writes the agreement as an A4 PDF to @path. Written to a temporary file
 * beside @path and renamed: on failure @path is left as it was. Errors are
 * G_FILE_ERROR / G_IO_ERROR for a file that cannot be written.
 * @context: (nullable) */
gboolean cwb_agreement_document_write_pdf  (CwbAgreement   *agreement,
                                            CwbConsortium  *consortium,
                                            CwbContext     *context,
                                            const char     *path,
                                            GError        **error);

/* Writes the agreement as an Office Open XML document (.docx) to @path:
 * the same title, parties and articles, and a signature table with one row
 * per member. Written to a temporary file and renamed, as above.
 * @context: (nullable) */
gboolean cwb_agreement_document_write_docx (CwbAgreement   *agreement,
                                            CwbConsortium  *consortium,
                                            CwbContext     *context,
                                            const char     *path,
                                            GError        **error);

G_END_DECLS
