/* cwb-agreement-document.c — the formation agreement as a document: PDF, print, DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-document"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <libxml/xmlwriter.h>
#include <pango/pangocairo.h>
#include <zip.h>

#include "cwb-agreement-document.h"

/* ── The content, shared by the PDF and the DOCX ──────────────────────── */

/* A piece of text; a gap is the visible marker of something to fill in. */
typedef struct
{
  char     *text;
  gboolean  gap;
} Run;

typedef struct
{
  char     *name;
  char     *uscc;
  char     *legal_rep;   /* nullable: the name printed at the signature line */
  gboolean  lead;
} Party;

typedef struct
{
  char      *title;
  char      *full_name;                            /* 海南省…创新联合体 */
  char      *lead_name;                            /* nullable */
  GPtrArray *parties;                              /* Party, the lead first */
  GPtrArray *articles[CWB_AGREEMENT_N_ITEMS];      /* paragraphs: GPtrArray of Run */
  GDateTime *now;
} Content;

#define HAINAN_PROVINCE "海南省"
#define HAINAN          "海南"
#define CONSORTIUM_WORD "创新联合体"

/* colour of a gap in the PDF and the DOCX */
#define GAP_RGB_HEX     "C01C28"
#define GAP_R           (0xc0 / 255.0)
#define GAP_G           (0x1c / 255.0)
#define GAP_B           (0x28 / 255.0)

static const char *article_numbers[CWB_AGREEMENT_N_ITEMS] = {
  N_("Article 1"), N_("Article 2"), N_("Article 3"), N_("Article 4"), N_("Article 5"),
  N_("Article 6"), N_("Article 7"), N_("Article 8"), N_("Article 9"),
};

static void
run_free (Run *run)
{
  g_free (run->text);
  g_free (run);
}

static void
party_free (Party *party)
{
  g_free (party->name);
  g_free (party->uscc);
  g_free (party->legal_rep);
  g_free (party);
}

static void
add_run (GPtrArray  *paragraph,
         const char *text,
         gssize      length,
         gboolean    gap)
{
  Run *run;

  if (length == 0 || *text == '\0')
    return;

  run = g_new0 (Run, 1);
  run->text = length < 0 ? g_strdup (text) : g_strndup (text, length);
  run->gap = gap;
  g_ptr_array_add (paragraph, run);
}

static GPtrArray *
paragraph_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
}

static char *
gap_marker (const char *what)
{
  /* TRANSLATORS: marks a gap in the printed agreement, e.g. an unfilled variable */
  return g_strdup_printf (_("[To be filled in: %s]"), what);
}

/* One line of filled text: runs, with each ${name} left unfilled (@unfilled)
 * turned into a gap marker naming the variable. */
static GPtrArray *
paragraph_from_line (const char         *line,
                     const char * const *unfilled)
{
  GPtrArray *paragraph = paragraph_new ();
  const char *p = line;
  const char *start = line;

  while ((p = strstr (p, "${")) != NULL)
    {
      const char *end = strchr (p + 2, '}');
      g_autofree char *name = NULL;

      if (end == NULL)
        break;

      name = g_strndup (p + 2, end - (p + 2));
      if (unfilled != NULL && g_strv_contains (unfilled, name))
        {
          const char *label = cwb_agreement_variable_get_label (name);
          g_autofree char *marker = gap_marker (label != NULL ? label : name);

          add_run (paragraph, start, p - start, FALSE);
          add_run (paragraph, marker, -1, TRUE);
          start = end + 1;
        }
      p = end + 1;
    }
  add_run (paragraph, start, -1, FALSE);

  return paragraph;
}

static GPtrArray *
article_paragraphs (CwbAgreement     *agreement,
                    CwbAgreementItem  item,
                    GHashTable       *values)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *text = cwb_agreement_get_text (agreement, item);
  g_autofree char *filled = NULL;
  g_auto(GStrv) unfilled = NULL;
  g_auto(GStrv) lines = NULL;

  if (!cwb_text_is_blank (text))
    {
      filled = cwb_agreement_fill (text, values, &unfilled);
      lines = g_strsplit (filled, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strstrip (lines[i]);

          if (!cwb_text_is_blank (line))
            g_ptr_array_add (paragraphs, paragraph_from_line (line, (const char * const *) unfilled));
        }
    }

  if (paragraphs->len == 0)
    {
      GPtrArray *paragraph = paragraph_new ();
      g_autofree char *marker = gap_marker (_("the text of this article"));

      add_run (paragraph, marker, -1, TRUE);
      g_ptr_array_add (paragraphs, paragraph);
    }

  return paragraphs;
}

/* 海南省…创新联合体 from the consortium's name */
static char *
dup_full_name (CwbConsortium *consortium)
{
  const char *name = cwb_consortium_get_name (consortium);
  g_autofree char *base = NULL;

  if (name == NULL)
    name = "";

  base = strstr (name, CONSORTIUM_WORD) != NULL ? g_strdup (name)
                                                : g_strconcat (name, CONSORTIUM_WORD, NULL);
  if (!g_str_has_prefix (base, HAINAN))
    return g_strconcat (HAINAN_PROVINCE, base, NULL);

  return g_steal_pointer (&base);
}

static void
content_free (Content *content)
{
  g_free (content->title);
  g_free (content->full_name);
  g_free (content->lead_name);
  g_clear_pointer (&content->parties, g_ptr_array_unref);
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    g_clear_pointer (&content->articles[i], g_ptr_array_unref);
  g_clear_pointer (&content->now, g_date_time_unref);
  g_free (content);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Content, content_free)

static Content *
content_new (CwbAgreement  *agreement,
             CwbConsortium *consortium,
             CwbContext    *context)
{
  Content *content = g_new0 (Content, 1);
  g_autoptr(GHashTable) values = cwb_agreement_collect_variables (context, consortium);
  GPtrArray *members = cwb_consortium_get_members (consortium);
  CwbMember *lead = cwb_consortium_get_lead (consortium);
  GPtrArray *signatures;

  content->full_name = dup_full_name (consortium);
  content->title = cwb_agreement_document_dup_title (consortium);
  content->lead_name = lead != NULL ? g_strdup (cwb_member_get_name (lead)) : NULL;
  content->now = context != NULL ? cwb_context_dup_now (context) : g_date_time_new_now_local ();

  content->parties = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  signatures = cwb_agreement_get_signatures (agreement);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < members->len; i++)
      {
        CwbMember *member = g_ptr_array_index (members, i);
        gboolean is_lead = member == lead;
        Party *party;

        /* the lead unit first, then the members in the file's order */
        if ((pass == 0) != is_lead)
          continue;

        party = g_new0 (Party, 1);
        party->name = g_strdup (cwb_member_get_name (member));
        party->uscc = g_strdup (cwb_member_get_uscc (member));
        party->lead = is_lead;
        for (guint j = 0; signatures != NULL && j < signatures->len; j++)
          {
            const CwbAgreementSignature *signature = g_ptr_array_index (signatures, j);

            if (g_strcmp0 (signature->uscc, party->uscc) == 0 && !cwb_text_is_blank (signature->legal_rep))
              party->legal_rep = cwb_text_dup_stripped (signature->legal_rep);
          }
        g_ptr_array_add (content->parties, party);
      }

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    content->articles[i] = article_paragraphs (agreement, (CwbAgreementItem) i, values);

  return content;
}

static const char *
party_name (const Party *party)
{
  return party->name != NULL && *party->name != '\0' ? party->name : "";
}

static char *
dup_preamble (Content *content)
{
  /* TRANSLATORS: the agreement's preamble; %s is the consortium, 海南省…创新联合体 */
  return g_strdup_printf (_("Under the Implementation Plan for Building Innovation Consortia of "
                            "Hainan Province, the parties above, after consultation on an equal "
                            "footing, agree to form the %s and conclude this agreement."),
                          content->full_name);
}

static const char *
closing_sentence (void)
{
  return _("This agreement takes effect when the legal representative of every member has "
           "signed it and the official seal of every member is on it.");
}

static const char *
date_blank (void)
{
  /* TRANSLATORS: a date left blank to be written by hand: year, month, day */
  return C_("date written by hand", "________ / ____ / ____");
}

/* ── The PDF and print layout ─────────────────────────────────────────── */

#define BODY_FONT     "Noto Serif CJK SC,Noto Serif CJK,Noto Sans CJK SC,Serif 12"
#define HEADING_FONT  "Noto Sans CJK SC,Noto Sans CJK,Sans Bold 12"
#define TITLE_FONT    "Noto Sans CJK SC,Noto Sans CJK,Sans Bold 20"
#define FOOTER_FONT   "Noto Serif CJK SC,Noto Serif CJK,Serif 10"
#define LINE_SPACING  1.5
#define PARTY_LINE_SPACING 1.2
#define NAME_GAP      8.0    /* between a signature block's unit name and its lines */
#define INDENT        24.0   /* two characters of the body */
#define COLUMN_GAP    24.0
#define SEAL_ROOM     84.0   /* room for a seal (about 40 mm across, overlapping the text) */

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

#define MAX_BOXES 4

/* What is placed on the pages as a unit: a paragraph, which may be split
 * between its lines, or a block kept together (a title, a party, a row of
 * signature blocks) made of up to MAX_BOXES boxes. */
typedef struct
{
  Box          boxes[MAX_BOXES];   /* a paragraph has one, at (0, 0) */
  guint        n_boxes;
  double       space_before;
  double       min_height;
  guint        keep_together : 1;
  guint        keep_with_next : 1;
  guint        page_break_before : 1;
} Element;

typedef struct
{
  guint  element;
  guint  first;  /* lines [first, end) of a paragraph; all of a block's */
  guint  end;
  double y;      /* top of the piece on the page */
} Piece;

struct _CwbAgreementLayout
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

G_DEFINE_FINAL_TYPE (CwbAgreementLayout, cwb_agreement_layout, G_TYPE_OBJECT)

static void
element_free (Element *element)
{
  for (guint i = 0; i < element->n_boxes; i++)
    {
      g_clear_object (&element->boxes[i].layout);
      g_clear_pointer (&element->boxes[i].lines, g_array_unref);
    }
  g_free (element);
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
element_height (Element *element)
{
  double height = element->min_height;

  for (guint i = 0; i < element->n_boxes; i++)
    {
      Box *box = &element->boxes[i];

      height = MAX (height, box->dy + lines_height (box->lines, 0, box->lines->len));
    }

  return height;
}

static PangoLayout *
make_layout (CwbAgreementLayout *self,
             const char         *markup,
             const char         *font,
             double              width,
             PangoAlignment      alignment,
             double              indent)
{
  /* body text is justified, like printed Chinese agreements */
  gboolean justify = alignment == PANGO_ALIGN_LEFT && indent > 0;
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_justify (layout, justify);
  pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, LINE_SPACING);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);

  return layout;
}

static Element *
add_element (CwbAgreementLayout *self,
             const char         *markup,
             const char         *font,
             PangoAlignment      alignment,
             double              indent,
             double              space_before)
{
  Element *element = g_new0 (Element, 1);
  double text_width = self->width - 2 * self->margin;

  element->n_boxes = 1;
  element->boxes[0].layout = make_layout (self, markup, font, text_width, alignment, indent);
  element->boxes[0].lines = measure_lines (element->boxes[0].layout);
  element->space_before = space_before;
  g_ptr_array_add (self->elements, element);

  return element;
}

/* a block's own line spacing, tighter than the body's */
static void
set_line_spacing (Element *element,
                  double   factor)
{
  Box *box = &element->boxes[0];

  pango_layout_set_line_spacing (box->layout, factor);
  g_array_unref (box->lines);
  box->lines = measure_lines (box->layout);
}

static char *
runs_markup (GPtrArray *paragraph)
{
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < paragraph->len; i++)
    {
      Run *run = g_ptr_array_index (paragraph, i);
      g_autofree char *escaped = g_markup_escape_text (run->text, -1);

      if (run->gap)
        g_string_append_printf (markup, "<span foreground=\"#" GAP_RGB_HEX "\" weight=\"bold\">%s</span>",
                                escaped);
      else
        g_string_append (markup, escaped);
    }

  return g_string_free (markup, FALSE);
}

/* the first line of a signature block: 单位名称 */
static char *
signature_unit_markup (const Party *party)
{
  g_autofree char *name = g_markup_escape_text (party_name (party), -1);

  if (party->lead)
    /* TRANSLATORS: the signature block's first line, for the lead unit (牵头单位) */
    return g_strdup_printf (_("Unit: %s (lead unit)"), name);

  /* TRANSLATORS: the signature block's first line: 单位名称 */
  return g_strdup_printf (_("Unit: %s"), name);
}

/* the rest of a signature block, with room for the seal; the legal
 * representative's name, when recorded, under the signature line */
static char *
signature_lines_markup (const Party *party)
{
  /* TRANSLATORS: the signature block's date line; %s is a blank date */
  g_autofree char *date = g_strdup_printf (_("Date: %s"), date_blank ());
  g_autofree char *legal_rep = NULL;

  if (party->legal_rep != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (party->legal_rep, -1);

      /* TRANSLATORS: under the signature line: the legal representative's name */
      legal_rep = g_strdup_printf (_("(%s)"), escaped);
    }

  /* the name's line is there, empty, without a name: the lines of two
   * blocks side by side stay level */
  return g_strdup_printf ("%s\n%s\n%s\n\n\n%s",
                          /* TRANSLATORS: signature block: 法定代表人（签字） and a blank */
                          _("Legal representative (signature): ______________"),
                          legal_rep != NULL ? legal_rep : "",
                          /* TRANSLATORS: signature block: 单位（盖章） */
                          _("Unit (official seal):"),
                          date);
}

static void
set_box (Box         *box,
         PangoLayout *layout,
         double       x,
         double       dy)
{
  box->layout = layout;
  box->lines = measure_lines (layout);
  box->x = x;
  box->dy = dy;
}

static void
build_elements (CwbAgreementLayout *self,
                Content            *content)
{
  double text_width = self->width - 2 * self->margin;
  double column_width = (text_width - COLUMN_GAP) / 2;
  g_autofree char *title = g_markup_escape_text (content->title, -1);
  Element *element;

  element = add_element (self, title, TITLE_FONT, PANGO_ALIGN_CENTER, 0, 0);
  element->keep_together = TRUE;
  element->keep_with_next = TRUE;

  /* TRANSLATORS: heading of the list of parties to the agreement */
  element = add_element (self, _("Parties"), HEADING_FONT, PANGO_ALIGN_LEFT, 0, 18);
  element->keep_together = TRUE;
  element->keep_with_next = TRUE;

  for (guint i = 0; i < content->parties->len; i++)
    {
      Party *party = g_ptr_array_index (content->parties, i);
      g_autofree char *name = g_markup_escape_text (party_name (party), -1);
      g_autofree char *uscc = g_markup_escape_text (party->uscc != NULL ? party->uscc : "", -1);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *markup = NULL;

      if (party->lead)
        /* TRANSLATORS: a party of the agreement: number, name, then 牵头单位 */
        first = g_strdup_printf (_("%u. %s (lead unit)"), i + 1, name);
      else
        /* TRANSLATORS: a party of the agreement: number, name */
        first = g_strdup_printf (_("%u. %s"), i + 1, name);
      /* TRANSLATORS: a party's 统一社会信用代码 */
      second = g_strdup_printf (_("Unified social credit code: %s"), uscc);
      /* U+2028: a new line in the same paragraph, under the hanging indent */
      markup = g_strdup_printf ("%s\u2028%s", first, second);

      /* the credit code under the name: a hanging indent */
      element = add_element (self, markup, BODY_FONT, PANGO_ALIGN_LEFT, -INDENT, 8);
      element->keep_together = TRUE;
      set_line_spacing (element, PARTY_LINE_SPACING);
    }

  {
    g_autofree char *preamble = dup_preamble (content);
    g_autofree char *markup = g_markup_escape_text (preamble, -1);

    add_element (self, markup, BODY_FONT, PANGO_ALIGN_LEFT, INDENT, 12);
  }

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      GPtrArray *paragraphs = content->articles[i];
      g_autofree char *heading = g_markup_escape_text (cwb_agreement_item_get_heading (i), -1);
      g_autofree char *markup = NULL;

      /* TRANSLATORS: an article's heading: 第一条 and the item's heading */
      markup = g_strdup_printf (_("%s  %s"), cwb_agreement_document_get_article_number (i), heading);
      element = add_element (self, markup, HEADING_FONT, PANGO_ALIGN_LEFT, 0, 14);
      element->keep_together = TRUE;
      element->keep_with_next = TRUE;

      for (guint j = 0; j < paragraphs->len; j++)
        {
          g_autofree char *text = runs_markup (g_ptr_array_index (paragraphs, j));

          add_element (self, text, BODY_FONT, PANGO_ALIGN_LEFT, INDENT, j == 0 ? 4 : 2);
        }
    }

  {
    g_autofree char *closing = g_markup_escape_text (closing_sentence (), -1);

    add_element (self, closing, BODY_FONT, PANGO_ALIGN_LEFT, INDENT, 14);
    /* TRANSLATORS: ends the text before the signature page: （以下无正文） */
    element = add_element (self, _("(The text ends here; the signature page follows.)"),
                           BODY_FONT, PANGO_ALIGN_CENTER, 0, 14);
    element->keep_together = TRUE;
  }

  /* TRANSLATORS: heading of the signature page (签署页) */
  element = add_element (self, _("Signatures"), HEADING_FONT, PANGO_ALIGN_CENTER, 0, 0);
  element->page_break_before = TRUE;
  element->keep_together = TRUE;
  element->keep_with_next = TRUE;

  /* two signature blocks a row, their lines level with each other even
   * when a unit's name takes two lines; a row never splits */
  for (guint i = 0; i < content->parties->len; i += 2)
    {
      guint n_columns = i + 1 < content->parties->len ? 2 : 1;
      double names_height = 0;

      element = g_new0 (Element, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *unit = signature_unit_markup (g_ptr_array_index (content->parties, i + c));
          Box *box = &element->boxes[element->n_boxes++];

          set_box (box, make_layout (self, unit, BODY_FONT, column_width, PANGO_ALIGN_LEFT, 0),
                   c * (column_width + COLUMN_GAP), 0);
          names_height = MAX (names_height, lines_height (box->lines, 0, box->lines->len));
        }
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *rest = signature_lines_markup (g_ptr_array_index (content->parties, i + c));

          set_box (&element->boxes[element->n_boxes++],
                   make_layout (self, rest, BODY_FONT, column_width, PANGO_ALIGN_LEFT, 0),
                   c * (column_width + COLUMN_GAP), names_height + NAME_GAP);
        }

      element->space_before = 18;
      element->min_height = SEAL_ROOM;
      element->keep_together = TRUE;
      g_ptr_array_add (self->elements, element);
    }
}

static GArray *
new_page (CwbAgreementLayout *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (Piece));

  g_ptr_array_add (self->pages, page);
  return page;
}

/* the height the next element needs at least on the same page as a heading */
static double
start_height (Element *next)
{
  GArray *lines = next->boxes[0].lines;

  if (next->keep_together)
    return next->space_before + element_height (next);

  return next->space_before + lines_height (lines, 0, MIN (2, lines->len));
}

static void
paginate (CwbAgreementLayout *self)
{
  double top = self->margin;
  double bottom = self->height - self->margin;
  GArray *page = new_page (self);
  double y = top;

  for (guint i = 0; i < self->elements->len; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);
      GArray *lines = element->boxes[0].lines;
      guint n = lines->len;
      guint first = 0;

      if (element->page_break_before && page->len > 0)
        {
          page = new_page (self);
          y = top;
        }

      if (element->keep_together)
        {
          double height = element_height (element);
          double space = page->len > 0 ? element->space_before : 0;
          double need = height;
          Piece piece = { i, 0, n, 0 };

          if (element->keep_with_next && i + 1 < self->elements->len)
            need += start_height (g_ptr_array_index (self->elements, i + 1));

          if (page->len > 0 && y + space + need > bottom)
            {
              page = new_page (self);
              y = top;
              space = 0;
            }

          piece.y = y + space;
          g_array_append_val (page, piece);
          y += space + height;
          continue;
        }

      /* a paragraph: as many lines as fit, the rest on the next pages;
       * never one line alone at the foot or the head of a page */
      while (first < n)
        {
          double space = page->len > 0 && first == 0 ? element->space_before : 0;
          double room = bottom - (y + space);
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
                  y = top;
                  continue;
                }
              end = first + 1;  /* a line taller than the page */
            }

          piece.element = i;
          piece.first = first;
          piece.end = end;
          piece.y = y + space;
          g_array_append_val (page, piece);
          y += space + lines_height (lines, first, end);
          first = end;

          if (first < n)
            {
              page = new_page (self);
              y = top;
            }
        }
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
cwb_agreement_layout_finalize (GObject *object)
{
  CwbAgreementLayout *self = (CwbAgreementLayout *)object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);

  G_OBJECT_CLASS (cwb_agreement_layout_parent_class)->finalize (object);
}

static void
cwb_agreement_layout_class_init (CwbAgreementLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_agreement_layout_finalize;
}

static void
cwb_agreement_layout_init (CwbAgreementLayout *self)
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

/* ── DOCX ─────────────────────────────────────────────────────────────── */

#define NS_W    "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL  "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT   "http://schemas.openxmlformats.org/package/2006/content-types"
#define REL_DOC "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define REL_CORE "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
#define REL_APP "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
#define REL_STYLES "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
#define REL_FOOTER "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
#define CT_MAIN "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#define CT_STYLES "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
#define CT_FOOTER "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
#define CT_CORE "application/vnd.openxmlformats-package.core-properties+xml"
#define CT_APP  "application/vnd.openxmlformats-officedocument.extended-properties+xml"
#define CT_RELS "application/vnd.openxmlformats-package.relationships+xml"

/* A4 in twentieths of a point, 25 mm margins, the text's width */
#define TWIPS_PAGE_W   11906
#define TWIPS_PAGE_H   16838
#define TWIPS_MARGIN   1417
#define TWIPS_TEXT_W   (TWIPS_PAGE_W - 2 * TWIPS_MARGIN)

/* the East-Asian fonts of the DOCX: those WPS and Word have on every
 * Chinese system; LibreOffice substitutes through fontconfig */
#define DOCX_FONT_LATIN  "Times New Roman"
#define DOCX_FONT_BODY   "宋体"
#define DOCX_FONT_TITLE  "黑体"

typedef struct
{
  xmlBufferPtr     buffer;
  xmlTextWriterPtr writer;
  int              status;   /* < 0 after a failed call */
} Part;

#define W(part, call) G_STMT_START { if ((part)->status >= 0) { int r_ = (call); if (r_ < 0) (part)->status = r_; } } G_STMT_END

static void
part_begin (Part *part)
{
  part->buffer = xmlBufferCreate ();
  part->writer = xmlNewTextWriterMemory (part->buffer, 0);
  part->status = part->writer != NULL ? 0 : -1;
  if (part->writer != NULL)
    W (part, xmlTextWriterStartDocument (part->writer, "1.0", "UTF-8", "yes"));
}

static void
part_clear (Part *part)
{
  if (part->writer != NULL)
    xmlFreeTextWriter (g_steal_pointer (&part->writer));
  if (part->buffer != NULL)
    xmlBufferFree (g_steal_pointer (&part->buffer));
}

static void
xml_start (Part       *part,
       const char *name)
{
  W (part, xmlTextWriterStartElement (part->writer, BAD_CAST name));
}

static void
xml_end (Part *part)
{
  W (part, xmlTextWriterEndElement (part->writer));
}

static void
xml_attr (Part       *part,
      const char *name,
      const char *value)
{
  W (part, xmlTextWriterWriteAttribute (part->writer, BAD_CAST name, BAD_CAST value));
}

static void
xml_text (Part       *part,
      const char *value)
{
  W (part, xmlTextWriterWriteString (part->writer, BAD_CAST value));
}

/* <name w:val="value"/> */
static void
empty_val (Part       *part,
           const char *name,
           const char *value)
{
  xml_start (part, name);
  if (value != NULL)
    xml_attr (part, "w:val", value);
  xml_end (part);
}

static void
fonts (Part       *part,
       const char *east_asia)
{
  xml_start (part, "w:rFonts");
  xml_attr (part, "w:ascii", DOCX_FONT_LATIN);
  xml_attr (part, "w:hAnsi", DOCX_FONT_LATIN);
  xml_attr (part, "w:cs", DOCX_FONT_LATIN);
  xml_attr (part, "w:eastAsia", east_asia);
  xml_end (part);
}

/* a run: @gap in red, bold and highlighted */
static void
docx_run (Part       *part,
          const char *value,
          gboolean    bold,
          gboolean    gap)
{
  xml_start (part, "w:r");
  if (bold || gap)
    {
      xml_start (part, "w:rPr");
      empty_val (part, "w:b", NULL);
      if (gap)
        {
          empty_val (part, "w:color", GAP_RGB_HEX);
          empty_val (part, "w:highlight", "yellow");
        }
      xml_end (part);
    }
  xml_start (part, "w:t");
  xml_attr (part, "xml:space", "preserve");
  xml_text (part, value);
  xml_end (part);
  xml_end (part);
}

static void
docx_paragraph_start (Part       *part,
                      const char *style,
                      const char *justification)
{
  xml_start (part, "w:p");
  if (style != NULL || justification != NULL)
    {
      xml_start (part, "w:pPr");
      if (style != NULL)
        empty_val (part, "w:pStyle", style);
      if (justification != NULL)
        empty_val (part, "w:jc", justification);
      xml_end (part);
    }
}

static void
docx_paragraph (Part       *part,
                const char *style,
                const char *justification,
                const char *value,
                gboolean    bold)
{
  docx_paragraph_start (part, style, justification);
  docx_run (part, value, bold, FALSE);
  xml_end (part);
}

static void
docx_page_break (Part *part)
{
  xml_start (part, "w:p");
  xml_start (part, "w:r");
  xml_start (part, "w:br");
  xml_attr (part, "w:type", "page");
  xml_end (part);
  xml_end (part);
  xml_end (part);
}

static void
docx_cell (Part       *part,
           int         width,
           const char *value,
           gboolean    bold)
{
  g_autofree char *w = g_strdup_printf ("%d", width);

  xml_start (part, "w:tc");
  xml_start (part, "w:tcPr");
  xml_start (part, "w:tcW");
  xml_attr (part, "w:w", w);
  xml_attr (part, "w:type", "dxa");
  xml_end (part);
  empty_val (part, "w:vAlign", "center");
  xml_end (part);
  docx_paragraph_start (part, "TableText", NULL);
  if (value != NULL && *value != '\0')
    docx_run (part, value, bold, FALSE);
  xml_end (part);
  xml_end (part);
}

static void
docx_signature_table (Part    *part,
                      Content *content)
{
  static const int widths[4] = { 3272, 2200, 2000, 1600 };
  const char *headers[4] = {
    /* TRANSLATORS: columns of the signature table: 单位名称 */
    C_("signature table", "Unit"),
    /* TRANSLATORS: 法定代表人（签字） */
    C_("signature table", "Legal representative (signature)"),
    /* TRANSLATORS: 单位（盖章） */
    C_("signature table", "Unit (official seal)"),
    /* TRANSLATORS: 日期 */
    C_("signature table", "Date"),
  };

  xml_start (part, "w:tbl");
  xml_start (part, "w:tblPr");
  xml_start (part, "w:tblW");
  xml_attr (part, "w:w", G_STRINGIFY (TWIPS_TEXT_W));
  xml_attr (part, "w:type", "dxa");
  xml_end (part);
  xml_start (part, "w:tblBorders");
  for (guint i = 0; i < 6; i++)
    {
      static const char *sides[6] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };

      xml_start (part, sides[i]);
      xml_attr (part, "w:val", "single");
      xml_attr (part, "w:sz", "4");
      xml_attr (part, "w:space", "0");
      xml_attr (part, "w:color", "000000");
      xml_end (part);
    }
  xml_end (part);
  xml_start (part, "w:tblLayout");
  xml_attr (part, "w:type", "fixed");
  xml_end (part);
  xml_end (part);

  xml_start (part, "w:tblGrid");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *w = g_strdup_printf ("%d", widths[i]);

      xml_start (part, "w:gridCol");
      xml_attr (part, "w:w", w);
      xml_end (part);
    }
  xml_end (part);

  /* the header row repeats on every page */
  xml_start (part, "w:tr");
  xml_start (part, "w:trPr");
  empty_val (part, "w:tblHeader", NULL);
  empty_val (part, "w:cantSplit", NULL);
  xml_end (part);
  for (guint i = 0; i < 4; i++)
    docx_cell (part, widths[i], headers[i], TRUE);
  xml_end (part);

  /* one row per member, tall enough for a seal, never split */
  for (guint i = 0; i < content->parties->len; i++)
    {
      Party *party = g_ptr_array_index (content->parties, i);
      g_autofree char *name = NULL;

      if (party->lead)
        name = g_strdup_printf (_("%s (lead unit)"), party_name (party));
      else
        name = g_strdup (party_name (party));

      xml_start (part, "w:tr");
      xml_start (part, "w:trPr");
      empty_val (part, "w:cantSplit", NULL);
      xml_start (part, "w:trHeight");
      xml_attr (part, "w:val", "1701");   /* 30 mm */
      xml_attr (part, "w:hRule", "atLeast");
      xml_end (part);
      xml_end (part);
      docx_cell (part, widths[0], name, FALSE);
      /* the name printed, the signature beside it */
      docx_cell (part, widths[1], party->legal_rep, FALSE);
      docx_cell (part, widths[2], NULL, FALSE);
      docx_cell (part, widths[3], date_blank (), FALSE);
      xml_end (part);
    }

  xml_end (part);
}

static void
write_document_xml (Part    *part,
                    Content *content)
{
  g_autofree char *preamble = dup_preamble (content);

  xml_start (part, "w:document");
  xml_attr (part, "xmlns:w", NS_W);
  xml_attr (part, "xmlns:r", NS_R);
  xml_start (part, "w:body");

  docx_paragraph (part, "Title", NULL, content->title, FALSE);

  docx_paragraph (part, "PartiesHeading", NULL, _("Parties"), FALSE);
  for (guint i = 0; i < content->parties->len; i++)
    {
      Party *party = g_ptr_array_index (content->parties, i);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      if (party->lead)
        first = g_strdup_printf (_("%u. %s (lead unit)"), i + 1, party_name (party));
      else
        first = g_strdup_printf (_("%u. %s"), i + 1, party_name (party));
      second = g_strdup_printf (_("Unified social credit code: %s"),
                                party->uscc != NULL ? party->uscc : "");
      docx_paragraph (part, "Party", NULL, first, FALSE);
      docx_paragraph (part, "PartyCode", NULL, second, FALSE);
    }

  docx_paragraph (part, "BodyText", NULL, preamble, FALSE);

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      GPtrArray *paragraphs = content->articles[i];
      g_autofree char *heading = g_strdup_printf (_("%s  %s"),
                                                  cwb_agreement_document_get_article_number (i),
                                                  cwb_agreement_item_get_heading (i));

      docx_paragraph (part, "ArticleHeading", NULL, heading, FALSE);
      for (guint j = 0; j < paragraphs->len; j++)
        {
          GPtrArray *runs = g_ptr_array_index (paragraphs, j);

          docx_paragraph_start (part, "BodyText", NULL);
          for (guint k = 0; k < runs->len; k++)
            {
              Run *run = g_ptr_array_index (runs, k);
              docx_run (part, run->text, FALSE, run->gap);
            }
          xml_end (part);
        }
    }

  docx_paragraph (part, "BodyText", NULL, closing_sentence (), FALSE);
  docx_paragraph (part, NULL, "center", _("(The text ends here; the signature page follows.)"), FALSE);

  docx_page_break (part);
  docx_paragraph (part, "SignatureHeading", NULL, _("Signatures"), FALSE);
  docx_signature_table (part, content);

  /* the section: A4 portrait, 25 mm margins, the page-number footer */
  xml_start (part, "w:sectPr");
  xml_start (part, "w:footerReference");
  xml_attr (part, "w:type", "default");
  xml_attr (part, "r:id", "rIdFooter");
  xml_end (part);
  xml_start (part, "w:pgSz");
  xml_attr (part, "w:w", G_STRINGIFY (TWIPS_PAGE_W));
  xml_attr (part, "w:h", G_STRINGIFY (TWIPS_PAGE_H));
  xml_end (part);
  xml_start (part, "w:pgMar");
  xml_attr (part, "w:top", G_STRINGIFY (TWIPS_MARGIN));
  xml_attr (part, "w:right", G_STRINGIFY (TWIPS_MARGIN));
  xml_attr (part, "w:bottom", G_STRINGIFY (TWIPS_MARGIN));
  xml_attr (part, "w:left", G_STRINGIFY (TWIPS_MARGIN));
  xml_attr (part, "w:header", "709");
  xml_attr (part, "w:footer", "709");
  xml_attr (part, "w:gutter", "0");
  xml_end (part);
  xml_end (part);

  xml_end (part);  /* w:body */
  xml_end (part);  /* w:document */
}

/* one paragraph style of styles.xml */
static void
docx_style (Part       *part,
            const char *id,
            const char *name,
            gboolean    is_default,
            const char *justification,
            gboolean    keep_next,
            const char *space_before,
            const char *space_after,
            gboolean    first_line_indent,
            gboolean    bold,
            const char *size,
            const char *east_asia)
{
  xml_start (part, "w:style");
  xml_attr (part, "w:type", "paragraph");
  if (is_default)
    xml_attr (part, "w:default", "1");
  xml_attr (part, "w:styleId", id);
  empty_val (part, "w:name", name);
  if (!is_default)
    empty_val (part, "w:basedOn", "Normal");
  empty_val (part, "w:qFormat", NULL);

  xml_start (part, "w:pPr");
  if (keep_next)
    empty_val (part, "w:keepNext", NULL);
  xml_start (part, "w:spacing");
  if (space_before != NULL)
    xml_attr (part, "w:before", space_before);
  if (space_after != NULL)
    xml_attr (part, "w:after", space_after);
  xml_attr (part, "w:line", "360");
  xml_attr (part, "w:lineRule", "auto");
  xml_end (part);
  if (first_line_indent)
    {
      xml_start (part, "w:ind");
      xml_attr (part, "w:firstLineChars", "200");
      xml_attr (part, "w:firstLine", "480");
      xml_end (part);
    }
  if (justification != NULL)
    empty_val (part, "w:jc", justification);
  xml_end (part);

  xml_start (part, "w:rPr");
  if (east_asia != NULL)
    fonts (part, east_asia);
  if (bold)
    empty_val (part, "w:b", NULL);
  if (size != NULL)
    {
      empty_val (part, "w:sz", size);
      empty_val (part, "w:szCs", size);
    }
  xml_end (part);

  xml_end (part);
}

static void
write_styles_xml (Part *part)
{
  xml_start (part, "w:styles");
  xml_attr (part, "xmlns:w", NS_W);

  xml_start (part, "w:docDefaults");
  xml_start (part, "w:rPrDefault");
  xml_start (part, "w:rPr");
  fonts (part, DOCX_FONT_BODY);
  empty_val (part, "w:sz", "24");
  empty_val (part, "w:szCs", "24");
  xml_start (part, "w:lang");
  xml_attr (part, "w:val", "en-US");
  xml_attr (part, "w:eastAsia", "zh-CN");
  xml_end (part);
  xml_end (part);
  xml_end (part);
  xml_start (part, "w:pPrDefault");
  xml_start (part, "w:pPr");
  xml_start (part, "w:spacing");
  xml_attr (part, "w:after", "0");
  xml_attr (part, "w:line", "360");
  xml_attr (part, "w:lineRule", "auto");
  xml_end (part);
  xml_end (part);
  xml_end (part);
  xml_end (part);

  /*                id                  name               default jc        keep   before after  indent bold   size  font */
  docx_style (part, "Normal",           "Normal",           TRUE,  "both",   FALSE, NULL,  NULL,  FALSE, FALSE, NULL, NULL);
  docx_style (part, "Title",            "Title",            FALSE, "center", TRUE,  "0",   "360", FALSE, TRUE,  "40", DOCX_FONT_TITLE);
  docx_style (part, "PartiesHeading",   "Parties Heading",  FALSE, NULL,     TRUE,  "240", "120", FALSE, TRUE,  NULL, DOCX_FONT_TITLE);
  docx_style (part, "Party",            "Party",            FALSE, NULL,     TRUE,  "80",  NULL,  FALSE, FALSE, NULL, NULL);
  docx_style (part, "PartyCode",        "Party Code",       FALSE, NULL,     FALSE, NULL,  NULL,  FALSE, FALSE, NULL, NULL);
  docx_style (part, "ArticleHeading",   "Article Heading",  FALSE, NULL,     TRUE,  "280", "80",  FALSE, TRUE,  NULL, DOCX_FONT_TITLE);
  docx_style (part, "BodyText",         "Body Text",        FALSE, "both",   FALSE, "80",  NULL,  TRUE,  FALSE, NULL, NULL);
  docx_style (part, "SignatureHeading", "Signature Heading", FALSE, "center", TRUE, "0",   "240", FALSE, TRUE,  "28", DOCX_FONT_TITLE);
  docx_style (part, "TableText",        "Table Text",       FALSE, "left",   FALSE, "0",   "0",   FALSE, FALSE, NULL, NULL);
  docx_style (part, "Footer",           "footer",           FALSE, "center", FALSE, "0",   "0",   FALSE, FALSE, "21", NULL);

  xml_end (part);
}

static void
write_field (Part       *part,
             const char *instruction)
{
  xml_start (part, "w:fldSimple");
  xml_attr (part, "w:instr", instruction);
  docx_run (part, "1", FALSE, FALSE);
  xml_end (part);
}

/* "第 {PAGE} 页 共 {NUMPAGES} 页", from the same translated format as the PDF's */
static void
write_footer_xml (Part *part)
{
  /* TRANSLATORS: the page number at the foot of each page of the agreement */
  const char *format = _("Page %d of %d");
  const char *first = strstr (format, "%d");
  const char *second = first != NULL ? strstr (first + 2, "%d") : NULL;

  xml_start (part, "w:ftr");
  xml_attr (part, "xmlns:w", NS_W);
  xml_attr (part, "xmlns:r", NS_R);
  docx_paragraph_start (part, "Footer", NULL);
  if (first != NULL && second != NULL)
    {
      g_autofree char *before = g_strndup (format, first - format);
      g_autofree char *between = g_strndup (first + 2, second - (first + 2));

      if (*before != '\0')
        docx_run (part, before, FALSE, FALSE);
      write_field (part, " PAGE ");
      if (*between != '\0')
        docx_run (part, between, FALSE, FALSE);
      write_field (part, " NUMPAGES ");
      if (second[2] != '\0')
        docx_run (part, second + 2, FALSE, FALSE);
    }
  else
    write_field (part, " PAGE ");
  xml_end (part);
  xml_end (part);
}

static void
relationship (Part       *part,
              const char *id,
              const char *type,
              const char *target)
{
  xml_start (part, "Relationship");
  xml_attr (part, "Id", id);
  xml_attr (part, "Type", type);
  xml_attr (part, "Target", target);
  xml_end (part);
}

static void
write_package_rels (Part *part)
{
  xml_start (part, "Relationships");
  xml_attr (part, "xmlns", NS_REL);
  relationship (part, "rId1", REL_DOC, "word/document.xml");
  relationship (part, "rId2", REL_CORE, "docProps/core.xml");
  relationship (part, "rId3", REL_APP, "docProps/app.xml");
  xml_end (part);
}

static void
write_document_rels (Part *part)
{
  xml_start (part, "Relationships");
  xml_attr (part, "xmlns", NS_REL);
  relationship (part, "rIdStyles", REL_STYLES, "styles.xml");
  relationship (part, "rIdFooter", REL_FOOTER, "footer1.xml");
  xml_end (part);
}

static void
content_type (Part       *part,
              const char *element,
              const char *key,
              const char *value,
              const char *type)
{
  xml_start (part, element);
  xml_attr (part, key, value);
  xml_attr (part, "ContentType", type);
  xml_end (part);
}

static void
write_content_types (Part *part)
{
  xml_start (part, "Types");
  xml_attr (part, "xmlns", NS_CT);
  content_type (part, "Default", "Extension", "rels", CT_RELS);
  content_type (part, "Default", "Extension", "xml", "application/xml");
  content_type (part, "Override", "PartName", "/word/document.xml", CT_MAIN);
  content_type (part, "Override", "PartName", "/word/styles.xml", CT_STYLES);
  content_type (part, "Override", "PartName", "/word/footer1.xml", CT_FOOTER);
  content_type (part, "Override", "PartName", "/docProps/core.xml", CT_CORE);
  content_type (part, "Override", "PartName", "/docProps/app.xml", CT_APP);
  xml_end (part);
}

static void
write_core_xml (Part    *part,
                Content *content)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (content->now);
  g_autofree char *created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  xml_start (part, "cp:coreProperties");
  xml_attr (part, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xml_attr (part, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xml_attr (part, "xmlns:dcterms", "http://purl.org/dc/terms/");
  xml_attr (part, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml_start (part, "dc:title");
  xml_text (part, content->title);
  xml_end (part);
  if (content->lead_name != NULL)
    {
      xml_start (part, "dc:creator");
      xml_text (part, content->lead_name);
      xml_end (part);
    }
  xml_start (part, "dc:language");
  xml_text (part, "zh-CN");
  xml_end (part);
  xml_start (part, "dcterms:created");
  xml_attr (part, "xsi:type", "dcterms:W3CDTF");
  xml_text (part, created);
  xml_end (part);
  xml_end (part);
}

static void
write_app_xml (Part *part)
{
  xml_start (part, "Properties");
  xml_attr (part, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  xml_start (part, "Application");
  xml_text (part, "Consortium Workbench");
  xml_end (part);
  xml_end (part);
}

typedef void (*PartWriter) (Part *part, Content *content);

static void write_content_types_cb (Part *p, Content *c) { write_content_types (p); }
static void write_package_rels_cb  (Part *p, Content *c) { write_package_rels (p); }
static void write_document_rels_cb (Part *p, Content *c) { write_document_rels (p); }
static void write_styles_cb        (Part *p, Content *c) { write_styles_xml (p); }
static void write_footer_cb        (Part *p, Content *c) { write_footer_xml (p); }
static void write_app_cb           (Part *p, Content *c) { write_app_xml (p); }

static const struct
{
  const char *name;
  PartWriter  write;
} docx_parts[] = {
  { "[Content_Types].xml",          write_content_types_cb },
  { "_rels/.rels",                  write_package_rels_cb },
  { "word/document.xml",            write_document_xml },
  { "word/_rels/document.xml.rels", write_document_rels_cb },
  { "word/styles.xml",              write_styles_cb },
  { "word/footer1.xml",             write_footer_cb },
  { "docProps/core.xml",            write_core_xml },
  { "docProps/app.xml",             write_app_cb },
};

/* adds one part, deflated; FALSE with @reason set on failure */
static gboolean
zip_add_part (zip_t       *archive,
              const char  *name,
              Part        *part,
              char       **reason)
{
  const xmlChar *content = xmlBufferContent (part->buffer);
  size_t length = (size_t) xmlBufferLength (part->buffer);
  void *copy = malloc (length > 0 ? length : 1);
  zip_source_t *source;
  zip_int64_t index;

  if (copy == NULL)
    {
      *reason = g_strdup (g_strerror (ENOMEM));
      return FALSE;
    }
  memcpy (copy, content, length);

  /* libzip frees @copy with free() */
  if ((source = zip_source_buffer (archive, copy, length, 1)) == NULL)
    {
      free (copy);
      *reason = g_strdup (zip_error_strerror (zip_get_error (archive)));
      return FALSE;
    }

  if ((index = zip_file_add (archive, name, source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)) < 0)
    {
      zip_source_free (source);
      *reason = g_strdup (zip_error_strerror (zip_get_error (archive)));
      return FALSE;
    }

  if (zip_set_file_compression (archive, (zip_uint64_t) index, ZIP_CM_DEFLATE, 0) < 0)
    {
      *reason = g_strdup (zip_error_strerror (zip_get_error (archive)));
      return FALSE;
    }

  return TRUE;
}

/* ── Public ───────────────────────────────────────────────────────────── */

/**
 * cwb_agreement_document_get_article_number:
 * @item: an item
 *
 * Returns: (transfer none): "第一条" … "第九条" (translated)
 */
const char *
cwb_agreement_document_get_article_number (CwbAgreementItem item)
{
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, NULL);

  return _(article_numbers[item]);
}

/**
 * cwb_agreement_document_dup_title:
 * @consortium: a consortium
 *
 * Returns: (transfer full): "海南省…创新联合体组建协议"
 */
char *
cwb_agreement_document_dup_title (CwbConsortium *consortium)
{
  g_autofree char *full_name = NULL;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  full_name = dup_full_name (consortium);

  /* TRANSLATORS: the document's title; %s is 海南省…创新联合体, then 组建协议 */
  return g_strdup_printf (_("%s Formation Agreement"), full_name);
}

/**
 * cwb_agreement_layout_new:
 * @agreement: the agreement
 * @consortium: its consortium (the parties and the variables)
 * @context: (nullable): the clock and rule set for the variables
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Returns: (transfer full): the agreement laid out on pages
 */
CwbAgreementLayout *
cwb_agreement_layout_new (CwbAgreement  *agreement,
                          CwbConsortium *consortium,
                          CwbContext    *context,
                          double         width,
                          double         height)
{
  g_autoptr(Content) content = NULL;
  CwbAgreementLayout *self;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);
  g_return_val_if_fail (context == NULL || CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 4 * CWB_AGREEMENT_MARGIN && height > 4 * CWB_AGREEMENT_MARGIN, NULL);

  self = g_object_new (CWB_TYPE_AGREEMENT_LAYOUT, NULL);
  self->width = width;
  self->height = height;
  self->margin = CWB_AGREEMENT_MARGIN;

  content = content_new (agreement, consortium, context);
  build_elements (self, content);
  paginate (self);

  return self;
}

/**
 * cwb_agreement_layout_get_n_pages:
 * @self: a layout
 *
 * Returns: the number of pages, at least 1
 */
int
cwb_agreement_layout_get_n_pages (CwbAgreementLayout *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT_LAYOUT (self), 0);

  return (int) self->pages->len;
}

/**
 * cwb_agreement_layout_draw_page:
 * @self: a layout
 * @cr: where to draw, in points, the page's top-left corner at the origin
 * @page: the page, from 0
 *
 * Draws one page and its page number.
 */
void
cwb_agreement_layout_draw_page (CwbAgreementLayout *self,
                                cairo_t            *cr,
                                int                 page)
{
  GArray *pieces;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *number = NULL;
  PangoFontDescription *description;
  int footer_width, footer_height;

  g_return_if_fail (CWB_IS_AGREEMENT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && (guint) page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      Element *element = g_ptr_array_index (self->elements, piece->element);

      for (guint j = 0; j < element->n_boxes; j++)
        {
          Box *box = &element->boxes[j];
          guint first = element->keep_together ? 0 : piece->first;
          guint end = element->keep_together ? box->lines->len : piece->end;

          draw_lines (cr, box->layout, box->lines, first, end,
                      self->margin + box->x, piece->y + box->dy);
        }
    }

  /* the page number, centred in the bottom margin */
  number = g_strdup_printf (_("Page %d of %d"), page + 1, (int) self->pages->len);
  footer = pango_layout_new (self->pango);
  description = pango_font_description_from_string (FOOTER_FONT);
  pango_layout_set_font_description (footer, description);
  pango_font_description_free (description);
  pango_layout_set_text (footer, number, -1);
  pango_layout_get_size (footer, &footer_width, &footer_height);
  cairo_move_to (cr,
                 (self->width - (double) footer_width / PANGO_SCALE) / 2,
                 self->height - self->margin / 2 - (double) footer_height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

/**
 * cwb_agreement_document_write_pdf:
 * @agreement: the agreement
 * @consortium: its consortium
 * @context: (nullable): the clock and rule set for the variables
 * @path: the PDF file to write
 * @error: the file cannot be written
 *
 * Returns: %TRUE if @path was written
 */
gboolean
cwb_agreement_document_write_pdf (CwbAgreement   *agreement,
                                  CwbConsortium  *consortium,
                                  CwbContext     *context,
                                  const char     *path,
                                  GError        **error)
{
  g_autoptr(CwbAgreementLayout) layout = NULL;
  g_autoptr(CwbAtomicFile) file = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (context == NULL || CWB_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = cwb_agreement_layout_new (agreement, consortium, context,
                                     CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);

  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create (cwb_atomic_file_get_temp_path (file),
                                      CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);
  title = cwb_agreement_document_dup_title (consortium);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Consortium Workbench");

  cr = cairo_create (surface);
  for (int i = 0; i < cwb_agreement_layout_get_n_pages (layout); i++)
    {
      cwb_agreement_layout_draw_page (layout, cr, i);
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

/**
 * cwb_agreement_document_write_docx:
 * @agreement: the agreement
 * @consortium: its consortium
 * @context: (nullable): the clock and rule set for the variables
 * @path: the .docx file to write
 * @error: the file cannot be written
 *
 * Returns: %TRUE if @path was written
 */
gboolean
cwb_agreement_document_write_docx (CwbAgreement   *agreement,
                                   CwbConsortium  *consortium,
                                   CwbContext     *context,
                                   const char     *path,
                                   GError        **error)
{
  g_autoptr(Content) content = NULL;
  g_autoptr(CwbAtomicFile) file = NULL;
  g_autofree char *reason = NULL;
  zip_t *archive;
  int zip_status = 0;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (context == NULL || CWB_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  content = content_new (agreement, consortium, context);

  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  if ((archive = zip_open (cwb_atomic_file_get_temp_path (file), ZIP_CREATE | ZIP_TRUNCATE, &zip_status)) == NULL)
    {
      zip_error_t zip_error;

      zip_error_init_with_code (&zip_error, zip_status);
      reason = g_strdup (zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return cwb_atomic_file_fail (file, reason, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (docx_parts) && reason == NULL; i++)
    {
      Part part = { 0 };

      part_begin (&part);
      docx_parts[i].write (&part, content);
      if (part.status >= 0)
        W (&part, xmlTextWriterEndDocument (part.writer));
      /* the writer flushes into the buffer when it is freed */
      if (part.writer != NULL)
        xmlFreeTextWriter (g_steal_pointer (&part.writer));

      if (part.status < 0)
        reason = g_strdup_printf ("%s: XML", docx_parts[i].name);
      else
        zip_add_part (archive, docx_parts[i].name, &part, &reason);
      part_clear (&part);
    }

  if (reason != NULL)
    {
      zip_discard (archive);
      return cwb_atomic_file_fail (file, reason, error);
    }

  if (zip_close (archive) < 0)
    {
      reason = g_strdup (zip_error_strerror (zip_get_error (archive)));
      zip_discard (archive);
      return cwb_atomic_file_fail (file, reason, error);
    }

  return cwb_atomic_file_commit (file, error);
}
