/* cwb-document-docx.c — a document as Office Open XML (.docx)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-document-docx"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <zip.h>

#include "cwb-atomic-file.h"
#include "cwb-document-private.h"

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
#define TWIPS_INDENT   480   /* two characters of the body */

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
xml_attr_int (Part       *part,
              const char *name,
              int         value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  xml_attr (part, name, buffer);
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

/* a run: a mark in red, bold and highlighted; a newline is a <w:br/> */
static void
docx_run (Part       *part,
          const char *value,
          gboolean    bold,
          gboolean    mark)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

  xml_start (part, "w:r");
  if (bold || mark)
    {
      xml_start (part, "w:rPr");
      empty_val (part, "w:b", NULL);
      if (mark)
        {
          empty_val (part, "w:color", CWB_DOCUMENT_MARK_RGB_HEX);
          empty_val (part, "w:highlight", "yellow");
        }
      xml_end (part);
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        empty_val (part, "w:br", NULL);
      if (*lines[i] == '\0')
        continue;
      xml_start (part, "w:t");
      xml_attr (part, "xml:space", "preserve");
      xml_text (part, lines[i]);
      xml_end (part);
    }
  xml_end (part);
}

static void
docx_paragraph (Part                 *part,
                CwbDocumentParagraph *paragraph)
{
  static const char *styles[] = {
    [CWB_DOCUMENT_KIND_TITLE] = "Title",
    [CWB_DOCUMENT_KIND_HEADING] = "Heading",
    [CWB_DOCUMENT_KIND_BODY] = "BodyText",
    [CWB_DOCUMENT_KIND_CELL] = "TableText",
  };
  static const char *justifications[] = {
    [CWB_DOCUMENT_ALIGN_JUSTIFY] = "both",
    [CWB_DOCUMENT_ALIGN_LEFT] = "left",
    [CWB_DOCUMENT_ALIGN_CENTER] = "center",
  };

  xml_start (part, "w:p");
  xml_start (part, "w:pPr");
  empty_val (part, "w:pStyle", styles[paragraph->kind]);
  if (paragraph->keep_with_next)
    empty_val (part, "w:keepNext", NULL);
  if (paragraph->keep_together)
    empty_val (part, "w:keepLines", NULL);
  if (paragraph->page_break_before)
    empty_val (part, "w:pageBreakBefore", NULL);
  xml_start (part, "w:spacing");
  xml_attr_int (part, "w:before", (int) (paragraph->space_before * 20 + 0.5));
  xml_attr_int (part, "w:line", (int) (paragraph->line_spacing * 240 + 0.5));
  xml_attr (part, "w:lineRule", "auto");
  xml_end (part);
  xml_start (part, "w:ind");
  switch (paragraph->indent)
    {
    case CWB_DOCUMENT_INDENT_FIRST_LINE:
      xml_attr (part, "w:firstLineChars", "200");
      xml_attr_int (part, "w:firstLine", TWIPS_INDENT);
      break;
    case CWB_DOCUMENT_INDENT_HANGING:
      xml_attr_int (part, "w:left", TWIPS_INDENT);
      xml_attr_int (part, "w:hanging", TWIPS_INDENT);
      break;
    case CWB_DOCUMENT_INDENT_NONE:
    default:
      xml_attr (part, "w:firstLine", "0");
      break;
    }
  xml_end (part);
  empty_val (part, "w:jc", justifications[paragraph->alignment]);
  xml_end (part);

  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      CwbDocumentRun *run = g_ptr_array_index (paragraph->runs, i);

      docx_run (part, run->text, paragraph->bold, run->mark);
    }
  xml_end (part);
}

static void
docx_table_properties (Part             *part,
                       CwbDocumentTable *table,
                       const int        *widths)
{
  static const char *sides[] = { "w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV" };
  gboolean borders = (table->flags & CWB_DOCUMENT_TABLE_BORDERS) != 0;

  xml_start (part, "w:tblPr");
  xml_start (part, "w:tblW");
  xml_attr_int (part, "w:w", TWIPS_TEXT_W);
  xml_attr (part, "w:type", "dxa");
  xml_end (part);
  xml_start (part, "w:tblBorders");
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      xml_start (part, sides[i]);
      xml_attr (part, "w:val", borders ? "single" : "nil");
      if (borders)
        {
          xml_attr (part, "w:sz", "4");
          xml_attr (part, "w:space", "0");
          xml_attr (part, "w:color", "000000");
        }
      xml_end (part);
    }
  xml_end (part);
  xml_start (part, "w:tblLayout");
  xml_attr (part, "w:type", "fixed");
  xml_end (part);
  xml_end (part);

  xml_start (part, "w:tblGrid");
  for (guint i = 0; i < table->n_columns; i++)
    {
      xml_start (part, "w:gridCol");
      xml_attr_int (part, "w:w", widths[i]);
      xml_end (part);
    }
  xml_end (part);
}

static void
docx_table (Part             *part,
            CwbDocumentTable *table)
{
  g_autofree int *widths = g_new0 (int, table->n_columns);

  for (guint i = 0; i < table->n_columns; i++)
    widths[i] = (int) (table->widths[i] * TWIPS_TEXT_W + 0.5);

  xml_start (part, "w:tbl");
  docx_table_properties (part, table, widths);

  for (guint r = 0; r < table->rows->len; r++)
    {
      CwbDocumentRow *row = g_ptr_array_index (table->rows, r);

      /* a row is never split; the header row repeats on every page */
      xml_start (part, "w:tr");
      xml_start (part, "w:trPr");
      if ((table->flags & CWB_DOCUMENT_TABLE_HEADER) != 0 && r == 0)
        empty_val (part, "w:tblHeader", NULL);
      empty_val (part, "w:cantSplit", NULL);
      if (table->row_height > 0 && !((table->flags & CWB_DOCUMENT_TABLE_HEADER) != 0 && r == 0))
        {
          xml_start (part, "w:trHeight");
          xml_attr_int (part, "w:val", (int) (table->row_height * 20 + 0.5));
          xml_attr (part, "w:hRule", "atLeast");
          xml_end (part);
        }
      xml_end (part);

      for (guint c = 0; c < table->n_columns; c++)
        {
          GPtrArray *cell = g_ptr_array_index (row->cells, c);

          xml_start (part, "w:tc");
          xml_start (part, "w:tcPr");
          xml_start (part, "w:tcW");
          xml_attr_int (part, "w:w", widths[c]);
          xml_attr (part, "w:type", "dxa");
          xml_end (part);
          empty_val (part, "w:vAlign", "center");
          xml_end (part);
          /* a cell holds at least one paragraph */
          if (cell->len == 0)
            {
              xml_start (part, "w:p");
              xml_end (part);
            }
          for (guint k = 0; k < cell->len; k++)
            docx_paragraph (part, g_ptr_array_index (cell, k));
          xml_end (part);
        }
      xml_end (part);
    }

  xml_end (part);
}

static void
write_document_xml (Part        *part,
                    CwbDocument *document)
{
  xml_start (part, "w:document");
  xml_attr (part, "xmlns:w", NS_W);
  xml_attr (part, "xmlns:r", NS_R);
  xml_start (part, "w:body");

  for (guint i = 0; i < document->blocks->len; i++)
    {
      CwbDocumentBlock *block = &g_array_index (document->blocks, CwbDocumentBlock, i);

      if (block->paragraph != NULL)
        docx_paragraph (part, block->paragraph);
      else
        {
          docx_table (part, block->table);
          /* Word wants a paragraph between a table and what follows */
          if (i + 1 == document->blocks->len ||
              g_array_index (document->blocks, CwbDocumentBlock, i + 1).table != NULL)
            {
              xml_start (part, "w:p");
              xml_end (part);
            }
        }
    }

  /* the section: A4 portrait, 25 mm margins, the page-number footer */
  xml_start (part, "w:sectPr");
  xml_start (part, "w:footerReference");
  xml_attr (part, "w:type", "default");
  xml_attr (part, "r:id", "rIdFooter");
  xml_end (part);
  xml_start (part, "w:pgSz");
  xml_attr_int (part, "w:w", TWIPS_PAGE_W);
  xml_attr_int (part, "w:h", TWIPS_PAGE_H);
  xml_end (part);
  xml_start (part, "w:pgMar");
  xml_attr_int (part, "w:top", TWIPS_MARGIN);
  xml_attr_int (part, "w:right", TWIPS_MARGIN);
  xml_attr_int (part, "w:bottom", TWIPS_MARGIN);
  xml_attr_int (part, "w:left", TWIPS_MARGIN);
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
            const char *space_after,
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

  if (space_after != NULL)
    {
      xml_start (part, "w:pPr");
      xml_start (part, "w:spacing");
      xml_attr (part, "w:after", space_after);
      xml_end (part);
      xml_end (part);
    }

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
write_styles_xml (Part        *part,
                  CwbDocument *document)
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

  /*                id           name          default after  bold   size  font */
  docx_style (part, "Normal",    "Normal",     TRUE,   NULL,  FALSE, NULL, NULL);
  docx_style (part, "Title",     "Title",      FALSE,  "360", TRUE,  "40", DOCX_FONT_TITLE);
  docx_style (part, "Heading",   "Heading",    FALSE,  "80",  TRUE,  NULL, DOCX_FONT_TITLE);
  docx_style (part, "BodyText",  "Body Text",  FALSE,  NULL,  FALSE, NULL, NULL);
  docx_style (part, "TableText", "Table Text", FALSE,  "0",   FALSE, NULL, NULL);
  docx_style (part, "Footer",    "footer",     FALSE,  "0",   FALSE, "21", NULL);

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
write_footer_xml (Part        *part,
                  CwbDocument *document)
{
  const char *format = _cwb_document_page_number_format ();
  const char *first = strstr (format, "%d");
  const char *second = first != NULL ? strstr (first + 2, "%d") : NULL;

  xml_start (part, "w:ftr");
  xml_attr (part, "xmlns:w", NS_W);
  xml_attr (part, "xmlns:r", NS_R);
  xml_start (part, "w:p");
  xml_start (part, "w:pPr");
  empty_val (part, "w:pStyle", "Footer");
  empty_val (part, "w:jc", "center");
  xml_end (part);
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
write_package_rels (Part        *part,
                    CwbDocument *document)
{
  xml_start (part, "Relationships");
  xml_attr (part, "xmlns", NS_REL);
  relationship (part, "rId1", REL_DOC, "word/document.xml");
  relationship (part, "rId2", REL_CORE, "docProps/core.xml");
  relationship (part, "rId3", REL_APP, "docProps/app.xml");
  xml_end (part);
}

static void
write_document_rels (Part        *part,
                     CwbDocument *document)
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
write_content_types (Part        *part,
                     CwbDocument *document)
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
write_core_xml (Part        *part,
                CwbDocument *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (document->date != NULL ? document->date : now);
  g_autofree char *created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  xml_start (part, "cp:coreProperties");
  xml_attr (part, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xml_attr (part, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  xml_attr (part, "xmlns:dcterms", "http://purl.org/dc/terms/");
  xml_attr (part, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  xml_start (part, "dc:title");
  xml_text (part, document->title);
  xml_end (part);
  if (document->author != NULL)
    {
      xml_start (part, "dc:creator");
      xml_text (part, document->author);
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
write_app_xml (Part        *part,
               CwbDocument *document)
{
  xml_start (part, "Properties");
  xml_attr (part, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  xml_start (part, "Application");
  xml_text (part, "Consortium Workbench");
  xml_end (part);
  xml_end (part);
}

static const struct
{
  const char *name;
  void      (*write) (Part *part, CwbDocument *document);
} docx_parts[] = {
  { "[Content_Types].xml",          write_content_types },
  { "_rels/.rels",                  write_package_rels },
  { "word/document.xml",            write_document_xml },
  { "word/_rels/document.xml.rels", write_document_rels },
  { "word/styles.xml",              write_styles_xml },
  { "word/footer1.xml",             write_footer_xml },
  { "docProps/core.xml",            write_core_xml },
  { "docProps/app.xml",             write_app_xml },
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

/* every part into @archive; NULL, or why not */
static char *
add_parts (zip_t       *archive,
           CwbDocument *self)
{
  char *reason = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (docx_parts) && reason == NULL; i++)
    {
      Part part = { 0 };

      part_begin (&part);
      docx_parts[i].write (&part, self);
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

  return reason;
}

/**
 * cwb_document_write_docx:
 * @self: a filled document
 * @path: the .docx file to write
 * @error: the file cannot be written (G_FILE_ERROR, G_IO_ERROR)
 *
 * Writes the document as Office Open XML: A4, 25 mm margins, 宋体 and 黑体
 * for the Chinese text, the page number in the footer, tables whose rows
 * do not split. Written to a temporary file beside @path and renamed: on
 * failure @path is left as it was.
 *
 * Returns: %TRUE if @path was written
 */
gboolean
cwb_document_write_docx (CwbDocument  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(CwbAtomicFile) file = NULL;
  g_autofree char *reason = NULL;
  zip_t *archive;
  int zip_status = 0;

  g_return_val_if_fail (CWB_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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

  if ((reason = add_parts (archive, self)) != NULL)
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
