/* test-document.c — CwbDocument: pages, tables, page numbers, PDF and DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with pdftotext and pdfinfo (poppler-utils, in
 * build-aux/install-deps.sh), a page at a time; the DOCX with libzip and
 * libxml2.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cwb.h>

#include "cwb-test-utils.h"

typedef struct
{
  char *tmpdir;   /* owned */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = g_dir_make_tmp ("cwb-test-document-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cwb_test_remove_tree (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

/* the output of a poppler-utils tool on @path; @page 0 for all pages */
static char *
poppler_output (const char *tool,
                const char *path,
                int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    g_error ("%s (poppler-utils) is not installed: build-aux/install-deps.sh", tool);

  g_ptr_array_add (argv, (char *) tool);
  if (g_str_equal (tool, "pdftotext"))
    {
      g_ptr_array_add (argv, "-enc");
      g_ptr_array_add (argv, "UTF-8");
      if (page > 0)
        {
          g_ptr_array_add (argv, "-f");
          g_ptr_array_add (argv, number);
          g_ptr_array_add (argv, "-l");
          g_ptr_array_add (argv, number);
        }
    }
  g_ptr_array_add (argv, (char *) path);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static int
pdf_n_pages (const char *path)
{
  g_autofree char *info = poppler_output ("pdfinfo", path, 0);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

/* the page (from 1) whose text holds @needle, 0 if none; the text of each
 * page in @pages */
static int
page_of (GPtrArray  *pages,
         const char *needle)
{
  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), needle) != NULL)
      return (int) i + 1;

  return 0;
}

static GPtrArray *
pdf_pages_text (const char *path)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  int n = pdf_n_pages (path);

  for (int i = 1; i <= n; i++)
    g_ptr_array_add (pages, poppler_output ("pdftotext", path, i));

  return pages;
}

/* a document of @n_rows rows of different heights under a heading, in a
 * ruled table with a header row; every row's first line says BEGIN-n and
 * its last END-n */
static CwbDocument *
table_document (guint                 n_rows,
                CwbDocumentTableFlags flags)
{
  static const double widths[3] = { 2, 1, 1 };
  CwbDocument *document = cwb_document_new ("rows");
  CwbDocumentTable *table;

  cwb_document_add_title (document, "TITLE-表格");
  cwb_document_add_paragraph (document, "正文：下表的每一行都不会跨页。");
  table = cwb_document_add_table (document, 3, widths, flags);
  cwb_document_table_set_row_height (table, 40);
  cwb_document_table_add_row (table);
  cwb_document_table_add_paragraph (table, 0, "HEADER-A");
  cwb_document_table_add_paragraph (table, 1, "HEADER-B");
  cwb_document_table_add_paragraph (table, 2, "HEADER-C");

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GString) lines = g_string_new (NULL);
      g_autofree char *begin = g_strdup_printf ("BEGIN-%u", i);

      for (guint j = 0; j < 1 + i % 7; j++)
        g_string_append_printf (lines, "第%u行\n", j + 1);
      g_string_append_printf (lines, "END-%u", i);

      cwb_document_table_add_row (table);
      cwb_document_table_add_paragraph (table, 0, begin);
      cwb_document_table_add_paragraph (table, 0, "海南省深海装备创新联合体成员单位");
      cwb_document_table_add_paragraph (table, 1, NULL);
      cwb_document_table_add_paragraph (table, 2, lines->str);
    }

  return document;
}

/* ── PDF ──────────────────────────────────────────────────────────────── */

static void
test_pdf_rows (Fixture       *f,
               gconstpointer  data)
{
  CwbDocumentTableFlags flags = GPOINTER_TO_UINT (data);
  g_autoptr(CwbDocument) document = table_document (80, flags);
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "rows.pdf", NULL);
  int n_pages;

  g_assert_true (cwb_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  layout = cwb_document_layout_new (document, CWB_DOCUMENT_PAGE_WIDTH, CWB_DOCUMENT_PAGE_HEIGHT);
  n_pages = cwb_document_layout_get_n_pages (layout);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpint (pdf_n_pages (path), ==, n_pages);

  pages = pdf_pages_text (path);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *begin = g_strdup_printf ("BEGIN-%u\n", i);
      g_autofree char *end = g_strdup_printf ("END-%u\n", i);
      int page = page_of (pages, begin);

      /* the row is on one page, whole */
      g_assert_cmpint (page, >, 0);
      g_assert_cmpint (page_of (pages, end), ==, page);
    }

  /* the header row: above the rows on every page they run on to, or once */
  for (int i = 1; i <= n_pages; i++)
    {
      const char *text = g_ptr_array_index (pages, i - 1);
      int headers = strstr (text, "HEADER-A") != NULL;

      if (flags & CWB_DOCUMENT_TABLE_HEADER)
        g_assert_cmpint (headers, ==, 1);
      else
        g_assert_cmpint (headers, ==, i == 1);
    }
}

static void
test_pdf_page_numbers (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CwbDocument) document = cwb_document_new ("pages");
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "pages.pdf", NULL);
  CwbDocumentParagraph *paragraph;
  int n_pages;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *heading = g_strdup_printf ("HEADING-%u", i);
      g_autofree char *first = g_strdup_printf ("FOLLOW-%u", i);

      cwb_document_add_heading (document, heading);
      paragraph = cwb_document_add_paragraph (document, first);
      for (guint j = 0; j < 20; j++)
        cwb_document_paragraph_add_text (paragraph, "联合体成员单位按照章程约定分工协作，共同完成攻关任务。");
    }
  paragraph = cwb_document_add_paragraph (document, "KEEP-START");
  for (guint j = 0; j < 30; j++)
    cwb_document_paragraph_add_text (paragraph, "不可拆分的段落。");
  cwb_document_paragraph_add_text (paragraph, "KEEP-END");
  cwb_document_paragraph_set_keep_together (paragraph, TRUE);
  paragraph = cwb_document_add_heading (document, "NEW-PAGE");
  cwb_document_paragraph_set_page_break_before (paragraph, TRUE);
  cwb_document_paragraph_add_mark (cwb_document_add_paragraph (document, "before "), "MARKED");

  g_assert_true (cwb_document_write_pdf (document, path, &error));
  g_assert_no_error (error);
  pages = pdf_pages_text (path);
  n_pages = (int) pages->len;
  g_assert_cmpint (n_pages, >=, 4);

  /* every page says which it is, in the bottom margin: its last line */
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf (_("Page %d of %d"), i, n_pages);
      g_autofree char *text = g_strstrip (g_strdup (g_ptr_array_index (pages, i - 1)));

      g_assert_true (g_str_has_suffix (text, number));
    }

  /* a heading stays with the start of its paragraph; a paragraph kept
   * together is on one page; a page break starts a page */
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *heading = g_strdup_printf ("HEADING-%u", i);
      g_autofree char *first = g_strdup_printf ("FOLLOW-%u", i);

      g_assert_cmpint (page_of (pages, heading), ==, page_of (pages, first));
    }
  g_assert_cmpint (page_of (pages, "KEEP-START"), ==, page_of (pages, "KEEP-END"));
  g_assert_cmpint (page_of (pages, "NEW-PAGE"), ==, n_pages);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (pages, n_pages - 1), "NEW-PAGE"));
  g_assert_nonnull (strstr (g_ptr_array_index (pages, n_pages - 1), "before MARKED"));

  /* CJK fonts are embedded */
  {
    g_autofree char *fonts = poppler_output ("pdffonts", path, 0);
    g_assert_nonnull (strstr (fonts, "CJK"));
  }
}

/* a smaller page holds less */
static void
test_layout_page_size (void)
{
  g_autoptr(CwbDocument) document = table_document (30, CWB_DOCUMENT_TABLE_BORDERS);
  g_autoptr(CwbDocumentLayout) a4 = cwb_document_layout_new (document, CWB_DOCUMENT_PAGE_WIDTH,
                                                             CWB_DOCUMENT_PAGE_HEIGHT);
  g_autoptr(CwbDocumentLayout) a5 = cwb_document_layout_new (document, CWB_DOCUMENT_PAGE_HEIGHT / 2,
                                                             CWB_DOCUMENT_PAGE_WIDTH);

  g_assert_cmpint (cwb_document_layout_get_n_pages (a5), >, cwb_document_layout_get_n_pages (a4));
}

/* ── DOCX ─────────────────────────────────────────────────────────────── */

static char *
read_entry (zip_t      *archive,
            const char *name,
            gsize      *length)
{
  zip_stat_t stat;
  zip_file_t *file;
  char *data;

  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  data = g_malloc0 (stat.size + 1);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  *length = stat.size;

  return data;
}

static guint
count_elements (xmlNodePtr  node,
                const char *name)
{
  guint n = 0;

  for (xmlNodePtr n_ = node; n_ != NULL; n_ = n_->next)
    {
      if (n_->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n_->name, name))
        n++;
      n += count_elements (n_->children, name);
    }

  return n;
}

static void
test_docx (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CwbDocument) document = table_document (25, CWB_DOCUMENT_TABLE_BORDERS | CWB_DOCUMENT_TABLE_HEADER);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmpdir, "table.docx", NULL);
  g_autofree char *body = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *core = NULL;
  xmlDocPtr xml;
  xmlChar *text;
  zip_t *archive;
  int zip_status = 0;
  gsize length;

  cwb_document_set_author (document, "海南大学");
  cwb_document_set_date (document, date);
  cwb_document_paragraph_add_mark (cwb_document_add_paragraph (document, "第一行\n第二行"), "待填写");
  g_assert_true (cwb_document_write_docx (document, path, &error));
  g_assert_no_error (error);

  /* a valid zip */
  archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  g_assert_nonnull (archive);
  g_assert_cmpint (zip_get_num_entries (archive, 0), ==, 8);

  /* document.xml holds the text, the table's rows (never split, the
   * header repeated), a line break and the mark */
  body = read_entry (archive, "word/document.xml", &length);
  xml = xmlReadMemory (body, (int) length, "document.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (xml);
  text = xmlNodeGetContent (xmlDocGetRootElement (xml));
  g_assert_nonnull (strstr ((char *) text, "TITLE-表格"));
  g_assert_nonnull (strstr ((char *) text, "正文：下表的每一行都不会跨页。"));
  g_assert_nonnull (strstr ((char *) text, "HEADER-C"));
  g_assert_nonnull (strstr ((char *) text, "BEGIN-24"));
  g_assert_nonnull (strstr ((char *) text, "END-24"));
  g_assert_nonnull (strstr ((char *) text, "待填写"));
  xmlFree (text);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "tr"), ==, 26);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "cantSplit"), ==, 26);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "tblHeader"), ==, 1);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "highlight"), ==, 1);
  g_assert_cmpuint (count_elements (xmlDocGetRootElement (xml), "br"), >=, 25 * 1 + 1);
  xmlFreeDoc (xml);

  /* the page number is a field */
  footer = read_entry (archive, "word/footer1.xml", &length);
  g_assert_nonnull (strstr (footer, "w:instr=\" PAGE \""));
  g_assert_nonnull (strstr (footer, "w:instr=\" NUMPAGES \""));

  core = read_entry (archive, "docProps/core.xml", &length);
  g_assert_nonnull (strstr (core, "<dc:title>rows</dc:title>"));
  g_assert_nonnull (strstr (core, "<dc:creator>海南大学</dc:creator>"));
  g_assert_nonnull (strstr (core, "2026-03-01T09:00:00Z"));
  zip_close (archive);
}

/* ── writing ──────────────────────────────────────────────────────────── */

static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwbDocument) document = table_document (3, CWB_DOCUMENT_TABLE_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->tmpdir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *docx = g_build_filename (f->tmpdir, "no-such-folder", "out.docx", NULL);
  g_autoptr(GDir) dir = NULL;

  g_assert_false (cwb_document_write_pdf (document, pdf, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (cwb_document_write_docx (document, docx, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  dir = g_dir_open (f->tmpdir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (dir));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/document/pdf/rows-not-split", GUINT_TO_POINTER (CWB_DOCUMENT_TABLE_NONE), test_pdf_rows);
  ADD ("/document/pdf/rows-not-split/ruled-with-header",
       GUINT_TO_POINTER (CWB_DOCUMENT_TABLE_BORDERS | CWB_DOCUMENT_TABLE_HEADER), test_pdf_rows);
  ADD ("/document/pdf/page-numbers", NULL, test_pdf_page_numbers);
  ADD ("/document/docx", NULL, test_docx);
  ADD ("/document/write-failure", NULL, test_write_failure);
#undef ADD
  g_test_add_func ("/document/layout/page-size", test_layout_page_size);

  return g_test_run ();
}
