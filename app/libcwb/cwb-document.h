/* cwb-document.h — a printable document: headings, paragraphs, tables; PDF and DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A CwbDocument is filled in block by block — a title, headings, body
 * paragraphs, tables — and written as an A4 PDF (cairo + pango, CJK fonts
 * embedded, a page number at the foot of every page) or as an Office Open
 * XML document (.docx, East-Asian fonts, the same page number as a field).
 * Pages are broken here: a title or a heading stays with the start of what
 * follows, a block asked to stay together is never split, a paragraph never
 * leaves one line alone at the foot or the head of a page, and a table row
 * is never split across pages (a header row is repeated above the rows that
 * go on to a new page).
 *
 * Everything is headless (cairo, pango, libzip, libxml2; no GTK); a filled
 * document is only read when written, so it may be written from a worker
 * thread. Files are written atomically (CwbAtomicFile): on failure the
 * target is left as it was.
 *
 * A letter, say, is a few lines:
 *
 *   g_autoptr(CwbDocument) doc = cwb_document_new (title);
 *   CwbDocumentTable *table;
 *
 *   cwb_document_add_title (doc, title);
 *   cwb_document_add_heading (doc, _("Members"));
 *   cwb_document_add_paragraph (doc, text);
 *   table = cwb_document_add_table (doc, 2, (double[]) { 3, 1 }, CWB_DOCUMENT_TABLE_BORDERS |
 *                                                                  CWB_DOCUMENT_TABLE_HEADER);
 *   cwb_document_table_add_row (table);
 *   cwb_document_table_add_paragraph (table, 0, _("Unit"));
 *   cwb_document_table_add_paragraph (table, 1, _("Code"));
 *   for (…) { cwb_document_table_add_row (table); … }
 *   cwb_document_write_pdf (doc, path, &error);   // or cwb_document_write_docx
 *
 * A gap still to be filled in is a mark: cwb_document_paragraph_add_mark().
 * To print, lay the document out with cwb_document_layout_new() on the
 * printer's page and draw each page from GtkPrintOperation::draw-page.
 */

/* The A4 page, in points, and the margin of the documents (25 mm). */
#define CWB_DOCUMENT_PAGE_WIDTH  (210.0 / 25.4 * 72.0)
#define CWB_DOCUMENT_PAGE_HEIGHT (297.0 / 25.4 * 72.0)
#define CWB_DOCUMENT_MARGIN      (25.0 / 25.4 * 72.0)

/**
 * CwbDocumentAlignment:
 * @CWB_DOCUMENT_ALIGN_JUSTIFY: both edges straight (body text's default)
 * @CWB_DOCUMENT_ALIGN_LEFT: ragged right
 * @CWB_DOCUMENT_ALIGN_CENTER: centred
 */
typedef enum
{
  CWB_DOCUMENT_ALIGN_JUSTIFY,
  CWB_DOCUMENT_ALIGN_LEFT,
  CWB_DOCUMENT_ALIGN_CENTER,
} CwbDocumentAlignment;

/**
 * CwbDocumentIndent:
 * @CWB_DOCUMENT_INDENT_NONE: no indent
 * @CWB_DOCUMENT_INDENT_FIRST_LINE: the first line two characters in (body text's default)
 * @CWB_DOCUMENT_INDENT_HANGING: every line but the first two characters in
 */
typedef enum
{
  CWB_DOCUMENT_INDENT_NONE,
  CWB_DOCUMENT_INDENT_FIRST_LINE,
  CWB_DOCUMENT_INDENT_HANGING,
} CwbDocumentIndent;

/**
 * CwbDocumentTableFlags:
 * @CWB_DOCUMENT_TABLE_NONE: no borders, no header row; the columns two
 *   characters apart
 * @CWB_DOCUMENT_TABLE_BORDERS: ruled cells with a little padding
 * @CWB_DOCUMENT_TABLE_HEADER: the first row is a header: bold, and repeated
 *   on every page the table runs on to
 */
typedef enum
{
  CWB_DOCUMENT_TABLE_NONE    = 0,
  CWB_DOCUMENT_TABLE_BORDERS = 1 << 0,
  CWB_DOCUMENT_TABLE_HEADER  = 1 << 1,
} CwbDocumentTableFlags;

/* A paragraph and a table belong to their document, which frees them. */
typedef struct _CwbDocumentParagraph CwbDocumentParagraph;
typedef struct _CwbDocumentTable     CwbDocumentTable;

#define CWB_TYPE_DOCUMENT (cwb_document_get_type ())

G_DECLARE_FINAL_TYPE (CwbDocument, cwb_document, CWB, DOCUMENT, GObject)

CwbDocument          *cwb_document_new                      (const char            *title);
const char           *cwb_document_get_title                (CwbDocument           *self);
void                  cwb_document_set_author               (CwbDocument           *self,
                                                             const char            *author);
void                  cwb_document_set_date                 (CwbDocument           *self,
                                                             GDateTime             *date);

CwbDocumentParagraph *cwb_document_add_title                (CwbDocument           *self,
                                                             const char            *text);
CwbDocumentParagraph *cwb_document_add_heading              (CwbDocument           *self,
                                                             const char            *text);
CwbDocumentParagraph *cwb_document_add_paragraph            (CwbDocument           *self,
                                                             const char            *text);

void                  cwb_document_paragraph_add_text       (CwbDocumentParagraph  *paragraph,
                                                             const char            *text);
void                  cwb_document_paragraph_add_mark       (CwbDocumentParagraph  *paragraph,
                                                             const char            *text);
void                  cwb_document_paragraph_set_alignment  (CwbDocumentParagraph  *paragraph,
                                                             CwbDocumentAlignment   alignment);
void                  cwb_document_paragraph_set_indent     (CwbDocumentParagraph  *paragraph,
                                                             CwbDocumentIndent      indent);
void                  cwb_document_paragraph_set_space_before (CwbDocumentParagraph *paragraph,
                                                             double                 points);
void                  cwb_document_paragraph_set_line_spacing (CwbDocumentParagraph *paragraph,
                                                             double                 factor);
void                  cwb_document_paragraph_set_keep_together (CwbDocumentParagraph *paragraph,
                                                             gboolean               keep_together);
void                  cwb_document_paragraph_set_page_break_before (CwbDocumentParagraph *paragraph,
                                                             gboolean               page_break);

CwbDocumentTable     *cwb_document_add_table                (CwbDocument           *self,
                                                             guint                  n_columns,
                                                             const double          *widths,
                                                             CwbDocumentTableFlags  flags);
void                  cwb_document_table_set_row_height     (CwbDocumentTable      *table,
                                                             double                 points);
void                  cwb_document_table_set_row_spacing    (CwbDocumentTable      *table,
                                                             double                 points);
void                  cwb_document_table_add_row            (CwbDocumentTable      *table);
CwbDocumentParagraph *cwb_document_table_add_paragraph      (CwbDocumentTable      *table,
                                                             guint                  column,
                                                             const char            *text);

gboolean              cwb_document_write_pdf                (CwbDocument           *self,
                                                             const char            *path,
                                                             GError               **error);
gboolean              cwb_document_write_docx               (CwbDocument           *self,
                                                             const char            *path,
                                                             GError               **error);

#define CWB_TYPE_DOCUMENT_LAYOUT (cwb_document_layout_get_type ())

G_DECLARE_FINAL_TYPE (CwbDocumentLayout, cwb_document_layout, CWB, DOCUMENT_LAYOUT, GObject)

CwbDocumentLayout    *cwb_document_layout_new               (CwbDocument           *document,
                                                             double                 width,
                                                             double                 height);
int                   cwb_document_layout_get_n_pages       (CwbDocumentLayout     *self);
void                  cwb_document_layout_draw_page         (CwbDocumentLayout     *self,
                                                             cairo_t               *cr,
                                                             int                    page);

G_END_DECLS
