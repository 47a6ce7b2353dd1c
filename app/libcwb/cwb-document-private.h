/* cwb-document-private.h — the document's content, read by its PDF and DOCX writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-document.h"

G_BEGIN_DECLS

/* the colour of a mark, in the PDF and the DOCX */
#define CWB_DOCUMENT_MARK_RGB_HEX "C01C28"

typedef enum
{
  CWB_DOCUMENT_KIND_TITLE,
  CWB_DOCUMENT_KIND_HEADING,
  CWB_DOCUMENT_KIND_BODY,
  CWB_DOCUMENT_KIND_CELL,
} CwbDocumentKind;

/* a piece of a paragraph's text; a mark stands out (red, bold) */
typedef struct
{
  char     *text;
  gboolean  mark;
} CwbDocumentRun;

struct _CwbDocumentParagraph
{
  CwbDocumentKind       kind;
  GPtrArray            *runs;            /* CwbDocumentRun */
  CwbDocumentAlignment  alignment;
  CwbDocumentIndent     indent;
  double                space_before;    /* points */
  double                line_spacing;    /* a factor of the font's height */
  guint                 keep_together : 1;
  guint                 keep_with_next : 1;
  guint                 page_break_before : 1;
  guint                 bold : 1;
};

/* a row: n_columns cells, each a GPtrArray of CwbDocumentParagraph */
typedef struct
{
  GPtrArray *cells;
} CwbDocumentRow;

struct _CwbDocumentTable
{
  guint                  n_columns;
  double                *widths;        /* fractions of the text's width, summing to 1 */
  CwbDocumentTableFlags  flags;
  double                 row_height;    /* points, at least */
  double                 row_spacing;   /* points before each row (no borders) */
  GPtrArray             *rows;          /* CwbDocumentRow */
};

typedef struct
{
  CwbDocumentParagraph *paragraph;   /* one of the two */
  CwbDocumentTable     *table;
} CwbDocumentBlock;

struct _CwbDocument
{
  GObject    parent_instance;

  char      *title;
  char      *author;   /* nullable */
  GDateTime *date;
  GArray    *blocks;   /* CwbDocumentBlock, owned */
};

/* "Page %d of %d", translated */
const char *_cwb_document_page_number_format (void);

G_END_DECLS
