/* cwb-document-layout.c — a document laid out on pages (pango, cairo) and its PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-document-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cwb-atomic-file.h"
#include "cwb-document-private.h"

#define BODY_FONT     "Noto Serif CJK SC,Noto Serif CJK,Noto Sans CJK SC,Serif 12"
#define HEADING_FONT  "Noto Sans CJK SC,Noto Sans CJK,Sans Bold 12"
#define TITLE_FONT    "Noto Sans CJK SC,Noto Sans CJK,Sans Bold 20"
#define FOOTER_FONT   "Noto Serif CJK SC,Noto Serif CJK,Serif 10"
#define INDENT        24.0   /* two characters of the body */
#define COLUMN_GAP    24.0   /* between the columns of a table without borders */
#define CELL_PADDING  4.0    /* inside a ruled cell */
#define PARAGRAPH_GAP 8.0    /* between the paragraphs of a cell */
#define RULE_WIDTH    0.5

typedef struct
{
  double top;       /* of the line's range, in the layout */
  double bottom;
  double baseline;
  double x;
} LineInfo;

/* a layout placed in an element */
typedef struct
{
  PangoLayout *layout;          /* owned */
  GArray      *lines;           /* owned: LineInfo */
  double       x;               /* from the left margin */
  double       dy;              /* from the element's top */
} Box;

/* a ruled cell of a table row */
typedef struct
{
  double x;
  double width;
} Rule;

/* What is placed on the pages as a unit: a paragraph, which may be split
 * between its lines, or a block kept together (a title, a heading, a table
 * row) made of boxes. */
typedef struct
{
  GArray *boxes;                /* Box; a paragraph has one, at (0, 0) */
  GArray *rules;                /* nullable: Rule */
  double  space_before;
  double  min_height;
  int     header;               /* the element repeated above it on a new page, or -1 */
  guint   keep_together : 1;
  guint   keep_with_next : 1;
  guint   page_break_before : 1;
} Element;

typedef struct
{
  guint  element;
  guint  first;  /* lines [first, end) of a paragraph; all of a block's */
  guint  end;
  double y;      /* top of the piece on the page */
} Piece;

struct _CwbDocumentLayout
{
  GObject       parent_instance;

  double        width;
  double        height;
  double        margin;

  /* owned */
  PangoFontMap *font_map;
  PangoContext *pango;
  GPtrArray    *elements;   /* Element */
  GPtrArray    *pages;      /* GArray of Piece */
};

G_DEFINE_FINAL_TYPE (CwbDocumentLayout, cwb_document_layout, G_TYPE_OBJECT)

static void
box_clear (Box *box)
{
  g_clear_object (&box->layout);
  g_clear_pointer (&box->lines, g_array_unref);
}

static void
element_free (Element *element)
{
  g_clear_pointer (&element->boxes, g_array_unref);
  g_clear_pointer (&element->rules, g_array_unref);
  g_free (element);
}

static Element *
element_new (CwbDocumentLayout *self)
{
  Element *element = g_new0 (Element, 1);

  element->boxes = g_array_new (FALSE, TRUE, sizeof (Box));
  g_array_set_clear_func (element->boxes, (GDestroyNotify) box_clear);
  element->header = -1;
  g_ptr_array_add (self->elements, element);

  return element;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      LineInfo info;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      info.top = (double) y0 / PANGO_SCALE;
      info.bottom = (double) y1 / PANGO_SCALE;
      info.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      info.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (lines, info);
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);

  return lines;
}

static double
lines_height (GArray *lines,
              guint   first,
              guint   end)
{
  g_assert (first < end && end <= lines->len);

  return g_array_index (lines, LineInfo, end - 1).bottom - g_array_index (lines, LineInfo, first).top;
}

static double
box_height (const Box *box)
{
  return lines_height (box->lines, 0, box->lines->len);
}

static double
element_height (Element *element)
{
  double height = element->min_height;

  for (guint i = 0; i < element->boxes->len; i++)
    {
      Box *box = &g_array_index (element->boxes, Box, i);

      height = MAX (height, box->dy + box_height (box));
    }

  return height;
}

/* the paragraph's runs as pango markup; a newline breaks the line within
 * the paragraph (U+2028), so an indent applies to the first line only */
static char *
runs_markup (CwbDocumentParagraph *paragraph)
{
  GString *markup = g_string_new (paragraph->bold ? "<b>" : NULL);

  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      CwbDocumentRun *run = g_ptr_array_index (paragraph->runs, i);
      g_auto(GStrv) lines = g_strsplit (run->text, "\n", -1);

      if (run->mark)
        g_string_append (markup, "<span foreground=\"#" CWB_DOCUMENT_MARK_RGB_HEX "\" weight=\"bold\">");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          if (j > 0)
            g_string_append (markup, "\u2028");
          g_string_append (markup, escaped);
        }
      if (run->mark)
        g_string_append (markup, "</span>");
    }

  if (paragraph->bold)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}

static PangoLayout *
make_layout (CwbDocumentLayout    *self,
             CwbDocumentParagraph *paragraph,
             double                width)
{
  static const char *fonts[] = {
    [CWB_DOCUMENT_KIND_TITLE] = TITLE_FONT,
    [CWB_DOCUMENT_KIND_HEADING] = HEADING_FONT,
    [CWB_DOCUMENT_KIND_BODY] = BODY_FONT,
    [CWB_DOCUMENT_KIND_CELL] = BODY_FONT,
  };
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *description = pango_font_description_from_string (fonts[paragraph->kind]);
  g_autofree char *markup = runs_markup (paragraph);
  double indent = 0;

  if (paragraph->indent == CWB_DOCUMENT_INDENT_FIRST_LINE)
    indent = INDENT;
  else if (paragraph->indent == CWB_DOCUMENT_INDENT_HANGING)
    indent = -INDENT;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, paragraph->alignment == CWB_DOCUMENT_ALIGN_CENTER
                                      ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_justify (layout, paragraph->alignment == CWB_DOCUMENT_ALIGN_JUSTIFY);
  pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, (float) paragraph->line_spacing);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);

  return layout;
}

static Box *
add_box (CwbDocumentLayout    *self,
         Element              *element,
         CwbDocumentParagraph *paragraph,
         double                width,
         double                x,
         double                dy)
{
  Box box = { make_layout (self, paragraph, width), NULL, x, dy };

  box.lines = measure_lines (box.layout);
  g_array_append_val (element->boxes, box);

  return &g_array_index (element->boxes, Box, element->boxes->len - 1);
}

static void
add_paragraph (CwbDocumentLayout    *self,
               CwbDocumentParagraph *paragraph)
{
  Element *element = element_new (self);

  add_box (self, element, paragraph, self->width - 2 * self->margin, 0, 0);
  element->space_before = paragraph->space_before;
  element->keep_together = paragraph->keep_together;
  element->keep_with_next = paragraph->keep_with_next;
  element->page_break_before = paragraph->page_break_before;
}

/* one element a row; the n-th paragraphs of the cells start level */
static void
add_table (CwbDocumentLayout *self,
           CwbDocumentTable  *table)
{
  gboolean borders = (table->flags & CWB_DOCUMENT_TABLE_BORDERS) != 0;
  double gap = borders ? 0 : COLUMN_GAP;
  double padding = borders ? CELL_PADDING : 0;
  double width = self->width - 2 * self->margin - gap * (table->n_columns - 1);
  g_autofree double *xs = g_new0 (double, table->n_columns);
  int header = -1;

  for (guint c = 1; c < table->n_columns; c++)
    xs[c] = xs[c - 1] + table->widths[c - 1] * width + gap;

  for (guint r = 0; r < table->rows->len; r++)
    {
      CwbDocumentRow *row = g_ptr_array_index (table->rows, r);
      Element *element = element_new (self);
      guint depth = 0;
      double y = padding;

      for (guint c = 0; c < table->n_columns; c++)
        depth = MAX (depth, ((GPtrArray *) g_ptr_array_index (row->cells, c))->len);

      for (guint k = 0; k < depth; k++)
        {
          double tallest = 0;

          for (guint c = 0; c < table->n_columns; c++)
            {
              GPtrArray *cell = g_ptr_array_index (row->cells, c);
              Box *box;

              if (k >= cell->len)
                continue;
              box = add_box (self, element, g_ptr_array_index (cell, k),
                             table->widths[c] * width - 2 * padding, xs[c] + padding, y);
              tallest = MAX (tallest, box_height (box));
            }
          y += tallest + (k + 1 < depth ? PARAGRAPH_GAP : 0);
        }

      if (borders)
        {
          element->rules = g_array_sized_new (FALSE, FALSE, sizeof (Rule), table->n_columns);
          for (guint c = 0; c < table->n_columns; c++)
            {
              Rule rule = { xs[c], table->widths[c] * width };
              g_array_append_val (element->rules, rule);
            }
        }

      element->min_height = MAX (table->row_height, y + padding);
      element->space_before = table->row_spacing;
      element->keep_together = TRUE;
      if ((table->flags & CWB_DOCUMENT_TABLE_HEADER) != 0 && r == 0)
        {
          element->keep_with_next = TRUE;
          header = (int) self->elements->len - 1;
        }
      else
        element->header = header;
    }
}

static GArray *
new_page (CwbDocumentLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);
  return page;
}

/* the height the next element needs at least on the same page as a heading */
static double
start_height (Element *next)
{
  GArray *lines;

  if (next->keep_together || next->boxes->len == 0)
    return next->space_before + element_height (next);

  lines = g_array_index (next->boxes, Box, 0).lines;
  return next->space_before + lines_height (lines, 0, MIN (2, lines->len));
}

/* a block kept together: on this page, or at the top of the next one
 * (under its table's header row) */
static GArray *
place_block (CwbDocumentLayout *self,
             GArray            *page,
             guint              index,
             double            *y)
{
  Element *element = g_ptr_array_index (self->elements, index);
  double top = self->margin;
  double bottom = self->height - self->margin;
  double height = element_height (element);
  double space = page->len > 0 ? element->space_before : 0;
  double need = height;
  Piece piece = { index, 0, 0, 0 };

  if (element->keep_with_next && index + 1 < self->elements->len)
    need += start_height (g_ptr_array_index (self->elements, index + 1));

  if (page->len > 0 && *y + space + need > bottom)
    {
      page = new_page (self);
      *y = top;
      space = 0;

      if (element->header >= 0)
        {
          Piece header = { (guint) element->header, 0, 0, *y };

          g_array_append_val (page, header);
          *y += element_height (g_ptr_array_index (self->elements, element->header));
          space = element->space_before;
        }
    }

  piece.y = *y + space;
  g_array_append_val (page, piece);
  *y += space + height;

  return page;
}

/* a paragraph: as many lines as fit, the rest on the next pages; never
 * one line alone at the foot or the head of a page */
static GArray *
place_paragraph (CwbDocumentLayout *self,
                 GArray            *page,
                 guint              index,
                 double            *y)
{
  Element *element = g_ptr_array_index (self->elements, index);
  GArray *lines = g_array_index (element->boxes, Box, 0).lines;
  double top = self->margin;
  double bottom = self->height - self->margin;
  guint n = lines->len;
  guint first = 0;

  while (first < n)
    {
      double space = page->len > 0 && first == 0 ? element->space_before : 0;
      double room = bottom - (*y + space);
      guint end = first;
      Piece piece;

      while (end < n && lines_height (lines, first, end + 1) <= room)
        end++;

      if (end < n && end > first && n - end == 1 && end - first > 2)
        end--;  /* keep the last line company */
      if (first == 0 && end == 1 && n > 1)
        end = 0;  /* keep the first line company */

      if (end == first)
        {
          if (page->len > 0)
            {
              page = new_page (self);
              *y = top;
              continue;
            }
          end = first + 1;  /* a line taller than the page */
        }

      piece.element = index;
      piece.first = first;
      piece.end = end;
      piece.y = *y + space;
      g_array_append_val (page, piece);
      *y += space + lines_height (lines, first, end);
      first = end;

      if (first < n)
        {
          page = new_page (self);
          *y = top;
        }
    }

  return page;
}

static void
paginate (CwbDocumentLayout *self)
{
  GArray *page = new_page (self);
  double y = self->margin;

  for (guint i = 0; i < self->elements->len; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);

      if (element->page_break_before && page->len > 0)
        {
          page = new_page (self);
          y = self->margin;
        }

      if (element->keep_together || element->boxes->len != 1)
        page = place_block (self, page, i, &y);
      else
        page = place_paragraph (self, page, i, &y);
    }
}

static void
draw_lines (cairo_t     *cr,
            PangoLayout *layout,
            GArray      *lines,
            guint        first,
            guint        end,
            double       x,
            double       y)
{
  double offset = g_array_index (lines, LineInfo, first).top;

  for (guint i = first; i < end; i++)
    {
      const LineInfo *info = &g_array_index (lines, LineInfo, i);
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, (int) i);

      cairo_move_to (cr, x + info->x, y + info->baseline - offset);
      pango_cairo_show_layout_line (cr, line);
    }
}

static void
draw_rules (CwbDocumentLayout *self,
            cairo_t           *cr,
            Element           *element,
            double             y)
{
  double height = element_height (element);

  cairo_set_line_width (cr, RULE_WIDTH);
  for (guint i = 0; i < element->rules->len; i++)
    {
      const Rule *rule = &g_array_index (element->rules, Rule, i);

      cairo_rectangle (cr, self->margin + rule->x, y, rule->width, height);
    }
  cairo_stroke (cr);
}

static void
draw_footer (CwbDocumentLayout *self,
             cairo_t           *cr,
             int                page)
{
  g_autoptr(PangoLayout) footer = pango_layout_new (self->pango);
  PangoFontDescription *description = pango_font_description_from_string (FOOTER_FONT);
  g_autofree char *number = NULL;
  int footer_width, footer_height;

  number = g_strdup_printf (_cwb_document_page_number_format (), page + 1, (int) self->pages->len);
  pango_layout_set_font_description (footer, description);
  pango_font_description_free (description);
  pango_layout_set_text (footer, number, -1);
  pango_layout_get_size (footer, &footer_width, &footer_height);
  cairo_move_to (cr,
                 (self->width - (double) footer_width / PANGO_SCALE) / 2,
                 self->height - self->margin / 2 - (double) footer_height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, footer);
}

static void
cwb_document_layout_finalize (GObject *object)
{
  CwbDocumentLayout *self = (CwbDocumentLayout *)object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);

  G_OBJECT_CLASS (cwb_document_layout_parent_class)->finalize (object);
}

static void
cwb_document_layout_class_init (CwbDocumentLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_document_layout_finalize;
}

static void
cwb_document_layout_init (CwbDocumentLayout *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) element_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* a font map of our own (the default one is per thread) at 72 dpi, so one
   * unit is one point; unhinted metrics lay out alike on every surface */
  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72.0);
  self->pango = pango_font_map_create_context (self->font_map);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  pango_context_set_language (self->pango, pango_language_from_string ("zh-cn"));
  cairo_font_options_destroy (options);
}

/**
 * cwb_document_layout_new:
 * @document: a filled document
 * @width: the page's width in points (A4: %CWB_DOCUMENT_PAGE_WIDTH)
 * @height: the page's height in points (A4: %CWB_DOCUMENT_PAGE_HEIGHT)
 *
 * Lays @document out on pages of @width × @height points with 25 mm
 * margins, paginated once here. The text is measured with unhinted
 * metrics, so it lays out the same on any cairo surface.
 *
 * For GtkPrintOperation: lay out with the print context's page size in
 * points, set the unit to GTK_UNIT_POINTS and use_full_page to %TRUE,
 * report cwb_document_layout_get_n_pages() in "begin-print" and call
 * cwb_document_layout_draw_page() from "draw-page".
 *
 * Returns: (transfer full): the document on pages
 */
CwbDocumentLayout *
cwb_document_layout_new (CwbDocument *document,
                         double       width,
                         double       height)
{
  CwbDocumentLayout *self;

  g_return_val_if_fail (CWB_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (width > 4 * CWB_DOCUMENT_MARGIN && height > 4 * CWB_DOCUMENT_MARGIN, NULL);

  self = g_object_new (CWB_TYPE_DOCUMENT_LAYOUT, NULL);
  self->width = width;
  self->height = height;
  self->margin = CWB_DOCUMENT_MARGIN;

  for (guint i = 0; i < document->blocks->len; i++)
    {
      CwbDocumentBlock *block = &g_array_index (document->blocks, CwbDocumentBlock, i);

      if (block->paragraph != NULL)
        add_paragraph (self, block->paragraph);
      else
        add_table (self, block->table);
    }
  paginate (self);

  return self;
}

/**
 * cwb_document_layout_get_n_pages:
 * @self: a layout
 *
 * Returns: the number of pages, at least 1
 */
int
cwb_document_layout_get_n_pages (CwbDocumentLayout *self)
{
  g_return_val_if_fail (CWB_IS_DOCUMENT_LAYOUT (self), 0);

  return (int) self->pages->len;
}

/**
 * cwb_document_layout_draw_page:
 * @self: a layout
 * @cr: where to draw, in points, the page's top-left corner at the origin
 * @page: the page, from 0
 *
 * Draws one page and its page number ("Page 2 of 5", translated), centred
 * in the bottom margin. Does not call cairo_show_page().
 */
void
cwb_document_layout_draw_page (CwbDocumentLayout *self,
                               cairo_t           *cr,
                               int                page)
{
  GArray *pieces;

  g_return_if_fail (CWB_IS_DOCUMENT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      Element *element = g_ptr_array_index (self->elements, piece->element);

      for (guint j = 0; j < element->boxes->len; j++)
        {
          Box *box = &g_array_index (element->boxes, Box, j);
          gboolean whole = element->keep_together || element->boxes->len != 1;
          guint first = whole ? 0 : piece->first;
          guint end = whole ? box->lines->len : piece->end;

          draw_lines (cr, box->layout, box->lines, first, end,
                      self->margin + box->x, piece->y + box->dy);
        }
      if (element->rules != NULL)
        draw_rules (self, cr, element, piece->y);
    }

  draw_footer (self, cr, page);

  cairo_restore (cr);
}

/**
 * cwb_document_write_pdf:
 * @self: a filled document
 * @path: the PDF file to write
 * @error: the file cannot be written (G_FILE_ERROR, G_IO_ERROR)
 *
 * Writes the document as an A4 PDF, its CJK fonts embedded. Written to a
 * temporary file beside @path and renamed: on failure @path is left as it
 * was.
 *
 * Returns: %TRUE if @path was written
 */
gboolean
cwb_document_write_pdf (CwbDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autoptr(CwbAtomicFile) file = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (CWB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = cwb_document_layout_new (self, CWB_DOCUMENT_PAGE_WIDTH, CWB_DOCUMENT_PAGE_HEIGHT);

  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (cwb_atomic_file_get_temp_path (file),
                                      CWB_DOCUMENT_PAGE_WIDTH, CWB_DOCUMENT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Consortium Workbench");

  cr = cairo_create (surface);
  for (int i = 0; i < cwb_document_layout_get_n_pages (layout); i++)
    {
      cwb_document_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  /* cairo writes most of the file when the surface is finished, and tells
   * a write error only through the surface's status after that */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    return cwb_atomic_file_fail (file, cairo_status_to_string (status), error);

  return cwb_atomic_file_commit (file, error);
}
