/* cwb-document.c — a printable document: headings, paragraphs, tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-document-private.h"

/* body text: the space above a paragraph and between its lines */
#define BODY_SPACE_BEFORE   2.0
#define HEADING_SPACE_BEFORE 14.0
#define LINE_SPACING        1.5

G_DEFINE_FINAL_TYPE (CwbDocument, cwb_document, G_TYPE_OBJECT)

static void
run_free (CwbDocumentRun *run)
{
  g_free (run->text);
  g_free (run);
}

static void
paragraph_free (CwbDocumentParagraph *paragraph)
{
  g_ptr_array_unref (paragraph->runs);
  g_free (paragraph);
}

static void
row_free (CwbDocumentRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
table_free (CwbDocumentTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->widths);
  g_free (table);
}

static void
block_clear (CwbDocumentBlock *block)
{
  g_clear_pointer (&block->paragraph, paragraph_free);
  g_clear_pointer (&block->table, table_free);
}

static void
add_run (CwbDocumentParagraph *paragraph,
         const char           *text,
         gboolean              mark)
{
  CwbDocumentRun *run;

  if (text == NULL || *text == '\0')
    return;

  run = g_new0 (CwbDocumentRun, 1);
  run->text = g_strdup (text);
  run->mark = mark;
  g_ptr_array_add (paragraph->runs, run);
}

static CwbDocumentParagraph *
paragraph_new (CwbDocumentKind  kind,
               const char      *text)
{
  CwbDocumentParagraph *paragraph = g_new0 (CwbDocumentParagraph, 1);

  paragraph->kind = kind;
  paragraph->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  paragraph->line_spacing = LINE_SPACING;

  switch (kind)
    {
    case CWB_DOCUMENT_KIND_TITLE:
      paragraph->alignment = CWB_DOCUMENT_ALIGN_CENTER;
      paragraph->keep_together = TRUE;
      paragraph->keep_with_next = TRUE;
      break;
    case CWB_DOCUMENT_KIND_HEADING:
      paragraph->alignment = CWB_DOCUMENT_ALIGN_LEFT;
      paragraph->space_before = HEADING_SPACE_BEFORE;
      paragraph->keep_together = TRUE;
      paragraph->keep_with_next = TRUE;
      break;
    case CWB_DOCUMENT_KIND_BODY:
      paragraph->alignment = CWB_DOCUMENT_ALIGN_JUSTIFY;
      paragraph->indent = CWB_DOCUMENT_INDENT_FIRST_LINE;
      paragraph->space_before = BODY_SPACE_BEFORE;
      break;
    case CWB_DOCUMENT_KIND_CELL:
      paragraph->alignment = CWB_DOCUMENT_ALIGN_LEFT;
      break;
    default:
      g_assert_not_reached ();
    }

  add_run (paragraph, text, FALSE);

  return paragraph;
}

static CwbDocumentParagraph *
add_paragraph (CwbDocument     *self,
               CwbDocumentKind  kind,
               const char      *text)
{
  CwbDocumentBlock block = { paragraph_new (kind, text), NULL };

  g_array_append_val (self->blocks, block);

  return block.paragraph;
}

static void
cwb_document_finalize (GObject *object)
{
  CwbDocument *self = (CwbDocument *)object;

  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (cwb_document_parent_class)->finalize (object);
}

static void
cwb_document_class_init (CwbDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_document_finalize;
}

static void
cwb_document_init (CwbDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (CwbDocumentBlock));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
}

const char *
_cwb_document_page_number_format (void)
{
  /* TRANSLATORS: the page number at the foot of each page of a document */
  return _("Page %d of %d");
}

/**
 * cwb_document_new:
 * @title: the document's title, for its properties (not printed: add it
 *   with cwb_document_add_title())
 *
 * Returns: (transfer full): an empty document
 */
CwbDocument *
cwb_document_new (const char *title)
{
  CwbDocument *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CWB_TYPE_DOCUMENT, NULL);
  self->title = g_strdup (title);

  return self;
}

/**
 * cwb_document_get_title:
 * @self: a document
 *
 * Returns: (transfer none): the title of its properties
 */
const char *
cwb_document_get_title (CwbDocument *self)
{
  g_return_val_if_fail (CWB_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * cwb_document_set_author:
 * @self: a document
 * @author: (nullable): who the document is by, for its properties
 */
void
cwb_document_set_author (CwbDocument *self,
                         const char  *author)
{
  g_return_if_fail (CWB_IS_DOCUMENT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * cwb_document_set_date:
 * @self: a document
 * @date: (nullable): when it was made, for its properties (the time it is
 *   written without one)
 */
void
cwb_document_set_date (CwbDocument *self,
                       GDateTime   *date)
{
  g_return_if_fail (CWB_IS_DOCUMENT (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

/**
 * cwb_document_add_title:
 * @self: a document
 * @text: the title
 *
 * Adds a title: large, bold, centred, kept with what follows.
 *
 * Returns: (transfer none): the title's paragraph
 */
CwbDocumentParagraph *
cwb_document_add_title (CwbDocument *self,
                        const char  *text)
{
  g_return_val_if_fail (CWB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return add_paragraph (self, CWB_DOCUMENT_KIND_TITLE, text);
}

/**
 * cwb_document_add_heading:
 * @self: a document
 * @text: the heading
 *
 * Adds a heading: bold, 14 points below what precedes it, never the last
 * thing on a page (it stays with the start of what follows).
 *
 * Returns: (transfer none): the heading's paragraph
 */
CwbDocumentParagraph *
cwb_document_add_heading (CwbDocument *self,
                          const char  *text)
{
  g_return_val_if_fail (CWB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  return add_paragraph (self, CWB_DOCUMENT_KIND_HEADING, text);
}

/**
 * cwb_document_add_paragraph:
 * @self: a document
 * @text: (nullable): its text, or %NULL to add the runs afterwards
 *
 * Adds a paragraph of body text: justified, its first line indented by two
 * characters, 2 points below what precedes it; it may be split between
 * pages between its lines.
 *
 * Returns: (transfer none): the paragraph
 */
CwbDocumentParagraph *
cwb_document_add_paragraph (CwbDocument *self,
                            const char  *text)
{
  g_return_val_if_fail (CWB_IS_DOCUMENT (self), NULL);

  return add_paragraph (self, CWB_DOCUMENT_KIND_BODY, text);
}

/**
 * cwb_document_paragraph_add_text:
 * @paragraph: a paragraph
 * @text: plain text; a newline breaks the line, within the paragraph
 *
 * Appends @text to the paragraph.
 */
void
cwb_document_paragraph_add_text (CwbDocumentParagraph *paragraph,
                                 const char           *text)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (text != NULL);

  add_run (paragraph, text, FALSE);
}

/**
 * cwb_document_paragraph_add_mark:
 * @paragraph: a paragraph
 * @text: plain text
 *
 * Appends @text marked: bold and red in the PDF, red and highlighted in
 * the DOCX — for what is still to be filled in.
 */
void
cwb_document_paragraph_add_mark (CwbDocumentParagraph *paragraph,
                                 const char           *text)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (text != NULL);

  add_run (paragraph, text, TRUE);
}

/**
 * cwb_document_paragraph_set_alignment:
 * @paragraph: a paragraph
 * @alignment: how its lines are aligned
 */
void
cwb_document_paragraph_set_alignment (CwbDocumentParagraph *paragraph,
                                      CwbDocumentAlignment  alignment)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (alignment <= CWB_DOCUMENT_ALIGN_CENTER);

  paragraph->alignment = alignment;
}

/**
 * cwb_document_paragraph_set_indent:
 * @paragraph: a paragraph
 * @indent: how its lines are indented
 */
void
cwb_document_paragraph_set_indent (CwbDocumentParagraph *paragraph,
                                   CwbDocumentIndent     indent)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (indent <= CWB_DOCUMENT_INDENT_HANGING);

  paragraph->indent = indent;
}

/**
 * cwb_document_paragraph_set_space_before:
 * @paragraph: a paragraph
 * @points: the space above it (none at the top of a page)
 */
void
cwb_document_paragraph_set_space_before (CwbDocumentParagraph *paragraph,
                                         double                points)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (points >= 0);

  paragraph->space_before = points;
}

/**
 * cwb_document_paragraph_set_line_spacing:
 * @paragraph: a paragraph
 * @factor: the distance between its lines as a factor of the font's
 *   height (1.5 by default)
 */
void
cwb_document_paragraph_set_line_spacing (CwbDocumentParagraph *paragraph,
                                         double                factor)
{
  g_return_if_fail (paragraph != NULL);
  g_return_if_fail (factor >= 1.0);

  paragraph->line_spacing = factor;
}

/**
 * cwb_document_paragraph_set_keep_together:
 * @paragraph: a paragraph
 * @keep_together: whether it must not be split between pages
 */
void
cwb_document_paragraph_set_keep_together (CwbDocumentParagraph *paragraph,
                                          gboolean              keep_together)
{
  g_return_if_fail (paragraph != NULL);

  paragraph->keep_together = !!keep_together;
}

/**
 * cwb_document_paragraph_set_page_break_before:
 * @paragraph: a paragraph
 * @page_break: whether it starts a new page
 */
void
cwb_document_paragraph_set_page_break_before (CwbDocumentParagraph *paragraph,
                                              gboolean              page_break)
{
  g_return_if_fail (paragraph != NULL);

  paragraph->page_break_before = !!page_break;
}

/**
 * cwb_document_add_table:
 * @self: a document
 * @n_columns: how many columns, at least 1
 * @widths: (array length=n_columns) (nullable): the columns' relative
 *   widths (any unit: they are scaled to the text's width), or %NULL for
 *   columns of equal width
 * @flags: borders and a header row
 *
 * Adds a table; fill it with cwb_document_table_add_row() and
 * cwb_document_table_add_paragraph(). A row is never split between pages.
 * In a row, the n-th paragraphs of its cells start level with each other,
 * so the lines of blocks side by side line up.
 *
 * Returns: (transfer none): the table
 */
CwbDocumentTable *
cwb_document_add_table (CwbDocument           *self,
                        guint                  n_columns,
                        const double          *widths,
                        CwbDocumentTableFlags  flags)
{
  CwbDocumentBlock block = { NULL, g_new0 (CwbDocumentTable, 1) };
  double sum = 0;

  g_return_val_if_fail (CWB_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  block.table->n_columns = n_columns;
  block.table->flags = flags;
  block.table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  block.table->widths = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    sum += widths != NULL ? MAX (widths[i], 0) : 1;
  for (guint i = 0; i < n_columns; i++)
    block.table->widths[i] = sum > 0 ? (widths != NULL ? MAX (widths[i], 0) : 1) / sum
                                     : 1.0 / n_columns;
  g_array_append_val (self->blocks, block);

  return block.table;
}

/**
 * cwb_document_table_set_row_height:
 * @table: a table
 * @points: the least height of a row (e.g. room for a seal)
 */
void
cwb_document_table_set_row_height (CwbDocumentTable *table,
                                   double            points)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (points >= 0);

  table->row_height = points;
}

/**
 * cwb_document_table_set_row_spacing:
 * @table: a table
 * @points: the space above each row in the PDF (a table without borders);
 *   the DOCX's rows touch
 */
void
cwb_document_table_set_row_spacing (CwbDocumentTable *table,
                                    double            points)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (points >= 0);

  table->row_spacing = points;
}

/**
 * cwb_document_table_add_row:
 * @table: a table
 *
 * Starts a new row, its cells empty.
 */
void
cwb_document_table_add_row (CwbDocumentTable *table)
{
  CwbDocumentRow *row;

  g_return_if_fail (table != NULL);

  row = g_new0 (CwbDocumentRow, 1);
  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (row->cells, g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free));
  g_ptr_array_add (table->rows, row);
}

/**
 * cwb_document_table_add_paragraph:
 * @table: a table with a row
 * @column: the cell's column, from 0
 * @text: (nullable): its text; a newline breaks the line
 *
 * Appends a paragraph (left-aligned, not indented) to a cell of the last
 * row; the header row's are bold.
 *
 * Returns: (transfer none): the paragraph
 */
CwbDocumentParagraph *
cwb_document_table_add_paragraph (CwbDocumentTable *table,
                                  guint             column,
                                  const char       *text)
{
  CwbDocumentParagraph *paragraph;
  CwbDocumentRow *row;

  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (table->rows->len > 0, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  paragraph = paragraph_new (CWB_DOCUMENT_KIND_CELL, text);
  paragraph->bold = (table->flags & CWB_DOCUMENT_TABLE_HEADER) != 0 && table->rows->len == 1;
  g_ptr_array_add (g_ptr_array_index (row->cells, column), paragraph);

  return paragraph;
}
