/* test-agreement-document.c — the agreement as PDF and DOCX, and the `agreement` verb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cwb.h>

#include "agreement-shipped-items.h"
#include "cwb-agreement-document.h"
#include "cwb-agreement.h"
#include "cwb-test-utils.h"

typedef struct
{
  char          *tmpdir;      /* owned */
  CwbRuleSet    *rules;       /* owned */
  CwbContext    *context;     /* owned: no store, a fixed clock */
  CwbConsortium *consortium;  /* owned: deep-sea */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);

  f->tmpdir = g_dir_make_tmp ("cwb-test-agreement-document-XXXXXX", &error);
  g_assert_no_error (error);
  f->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  f->context = cwb_context_new (f->rules, NULL, NULL, NULL);
  cwb_context_set_now (f->context, now);
  f->consortium = cwb_test_load_example ("deep-sea.consortium.json");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->consortium));
  g_assert_finalize_object (g_steal_pointer (&f->context));
  g_clear_object (&f->rules);
  cwb_test_remove_tree (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
}

/* ── helpers ──────────────────────────────────────────────────────────── */

static char *
tmp_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->tmpdir, name, NULL);
}

/* @s without any white space: pdftotext breaks lines where the layout did */
static char *
squeeze (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = squeeze (haystack);
  g_autofree char *n = squeeze (needle);

  if (strstr (h, n) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static int
count_occurrences (const char *haystack,
                   const char *needle)
{
  int n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

static void
run_argv (const char * const *argv,
          Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* no display: a command that touched GTK would fail */
  g_subprocess_launcher_setenv (launcher, "DISPLAY", ":4242", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("%s → %d\n--- stdout\n%s--- stderr\n%s", argv[0], run->status,
                  run->out, run->err);
}

static void G_GNUC_NULL_TERMINATED
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *binary = g_getenv ("CWB_BINARY");
  const char *arg;
  va_list ap;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  run_argv ((const char * const *) argv->pdata, run);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* stdout of a poppler tool */
static char *
poppler (const char *tool,
         const char *first,
         const char *second,
         const char *third)
{
  const char *argv[] = { tool, first, second, third, NULL };
  g_autofree char *program = g_find_program_in_path (tool);
  Run run = { 0 };
  char *out;

  if (program == NULL)
    g_error ("%s (poppler-utils) is not installed", tool);

  run_argv (argv, &run);
  g_assert_cmpint (run.status, ==, 0);
  out = g_steal_pointer (&run.out);
  run_clear (&run);

  return out;
}

static char *
pdf_text_of (const char *path,
             int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };
  Run run = { 0 };
  char *out;

  run_argv (argv, &run);
  g_assert_cmpint (run.status, ==, 0);
  out = g_steal_pointer (&run.out);
  run_clear (&run);

  return out;
}

static char *
pdf_all_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  Run run = { 0 };
  char *out;

  run_argv (argv, &run);
  g_assert_cmpint (run.status, ==, 0);
  out = g_steal_pointer (&run.out);
  run_clear (&run);

  return out;
}

static int
pdf_pages (const char *path)
{
  g_autofree char *info = poppler ("pdfinfo", path, NULL, NULL);
  const char *line = strstr (info, "\nPages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("\nPages:"));
}

static char *
gap_marker (const char *what)
{
  return g_strdup_printf (_("[To be filled in: %s]"), what);
}

/* "Unit: %s" → "Unit:" */
static char *
label_of (const char *format)
{
  const char *end = strstr (format, "%s");

  g_assert_nonnull (end);
  return g_strstrip (g_strndup (format, end - format));
}

static char *
article_heading (CwbAgreementItem item)
{
  return g_strdup_printf ("%s %s", cwb_agreement_document_get_article_number (item),
                          cwb_agreement_item_get_heading (item));
}

/* deep-sea's agreement as a draft with texts that use variables */
static CwbAgreement *
deep_sea_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new_for_consortium (f->consortium, &error);
  g_auto(GStrv) cleared = NULL;

  g_assert_no_error (error);
  cleared = cwb_agreement_reopen (agreement, "2026-03-01");
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("${consortium_name}第%u项约定：成员单位${member_list}"
                                               "共同遵守本条。\n第二段，由${lead_name}牵头。", i + 1);

      cwb_agreement_set_text (agreement, i, text, &error);
      g_assert_no_error (error);
    }

  return g_steal_pointer (&agreement);
}

/* a consortium of @n members (the first the lead) with a complete agreement */
static CwbConsortium *
generated_consortium (guint n)
{
  CwbConsortium *consortium = cwb_consortium_new ();
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(GError) error = NULL;

  cwb_consortium_set_name (consortium, "海南省深海装备创新联合体");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbMember) member = cwb_member_new ();
      g_autofree char *name = g_strdup_printf ("海南第%u深海科技研究与装备制造有限公司", i + 1);
      char code[CWB_USCC_LENGTH + 1];

      g_snprintf (code, sizeof code, "91460100%09u", i + 1);
      code[17] = cwb_uscc_compute_check_char (code);
      code[18] = '\0';
      cwb_member_set_uscc (member, code);
      cwb_member_set_name (member, name);
      cwb_member_set_lead (member, i == 0);
      cwb_consortium_add_member (consortium, member);
    }

  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      cwb_agreement_set_text (agreement, i, "各成员单位按照${consortium_name}章程约定，"
                              "分工协作，共同完成关键核心技术攻关任务，定期报告进展。", &error);
      g_assert_no_error (error);
    }
  cwb_agreement_apply_to_consortium (agreement, consortium);

  return consortium;
}

/* ── title ────────────────────────────────────────────────────────────── */

static void
test_title (void)
{
  static const struct { const char *name; const char *full; } cases[] = {
    { "海南省深海装备创新联合体", "海南省深海装备创新联合体" },
    { "深海装备创新联合体", "海南省深海装备创新联合体" },
    { "深海装备", "海南省深海装备创新联合体" },
    { "海南省新能源汽车创新联合体（示例）", "海南省新能源汽车创新联合体（示例）" },
    { "海南热带种业创新联合体", "海南热带种业创新联合体" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
      g_autofree char *title = NULL;
      g_autofree char *expected = NULL;

      cwb_consortium_set_name (consortium, cases[i].name);
      title = cwb_agreement_document_dup_title (consortium);
      expected = g_strdup_printf (_("%s Formation Agreement"), cases[i].full);
      g_assert_cmpstr (title, ==, expected);
    }
}

/* ── PDF ──────────────────────────────────────────────────────────────── */

static void
test_pdf_deep_sea (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = deep_sea_draft (f);
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (f, "deep-sea.pdf");
  g_autofree char *text = NULL;
  g_autofree char *title = cwb_agreement_document_dup_title (f->consortium);
  g_autofree char *fonts = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *filled = NULL;
  const GPtrArray *members = cwb_consortium_get_members (f->consortium);
  g_autoptr(GDir) dir = NULL;
  int n_pages;

  /* the lead's legal representative is recorded: named at its signature line */
  g_assert_true (cwb_agreement_set_legal_rep (agreement, cwb_member_get_uscc (cwb_consortium_get_lead (f->consortium)),
                                              "张海平", &error));
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_document_write_pdf (agreement, f->consortium, f->context,
                                                   path, &error));
  g_assert_no_error (error);

  text = pdf_all_text (path);
  assert_contains (text, "张海平");
  assert_contains (text, title);
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autofree char *heading = article_heading (i);
      assert_contains (text, heading);
    }
  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);

      assert_contains (text, cwb_member_get_name (member));
      assert_contains (text, cwb_member_get_uscc (member));
    }

  /* the variables are filled, and nothing is marked as a gap */
  filled = g_strdup_printf ("%s第1项约定", cwb_consortium_get_name (f->consortium));
  assert_contains (text, filled);
  assert_contains (text, cwb_member_get_name (cwb_consortium_get_lead (f->consortium)));
  g_assert_null (strstr (text, "${"));
  g_assert_null (strstr (text, "[To be filled in"));

  /* the page count is the layout's, and every page says which it is */
  layout = cwb_agreement_layout_new (agreement, f->consortium, f->context,
                                     CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);
  n_pages = cwb_document_layout_get_n_pages (layout);
  g_assert_cmpint (n_pages, >=, 3);
  g_assert_cmpint (pdf_pages (path), ==, n_pages);
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page_text = pdf_text_of (path, i);
      g_autofree char *number = g_strdup_printf (_("Page %d of %d"), i, n_pages);

      assert_contains (page_text, number);
    }

  /* CJK fonts are embedded */
  fonts = poppler ("pdffonts", path, NULL, NULL);
  g_assert_nonnull (strstr (fonts, "CJK"));

  /* only the PDF is left: the temporary file was renamed */
  dir = g_dir_open (f->tmpdir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "deep-sea.pdf");
  g_assert_null (g_dir_read_name (dir));
}

/* A signature block (Unit … Date) is never split across pages; the
 * signature page starts on a page of its own. */
static void
test_pdf_signature_blocks (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = generated_consortium (37);
  g_autoptr(CwbAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (f, "37.pdf");
  g_autofree char *unit_label = label_of (_("Unit: %s"));
  g_autofree char *date_label = label_of (_("Date: %s"));
  int n_pages, blocks = 0;
  gboolean signatures_started = FALSE;

  agreement = cwb_agreement_new_for_consortium (consortium, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_document_write_pdf (agreement, consortium, f->context, path, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (path);
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page_text = pdf_text_of (path, i);
      int units = count_occurrences (page_text, unit_label);
      int dates = count_occurrences (page_text, date_label);

      g_assert_cmpint (units, ==, dates);
      g_autofree char *squeezed = squeeze (page_text);
      g_autofree char *heading = squeeze (_("Signatures"));

      if (strstr (squeezed, heading) != NULL)
        {
          /* the heading opens a page of its own: nothing above it */
          g_assert_false (signatures_started);
          g_assert_true (g_str_has_prefix (squeezed, heading));
          signatures_started = TRUE;
        }
      if (signatures_started)
        g_assert_cmpint (units, >, 0);
      blocks += units;
    }

  g_assert_true (signatures_started);
  g_assert_cmpint (blocks, ==, 37);
}

/* an empty item and a variable without a value are marked, not left out */
static void
test_pdf_gaps (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = deep_sea_draft (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GArray) incomplete = NULL;
  g_autofree char *path = tmp_path (f, "gaps.pdf");
  g_autofree char *text = NULL;
  g_autofree char *blank = gap_marker (_("the text of this article"));
  g_autofree char *unfilled = gap_marker (cwb_agreement_variable_get_label ("chief_expert"));

  /* no chief expert: ${chief_expert} has no value */
  cwb_consortium_set_section (f->consortium, "chief_expert", NULL);
  cwb_agreement_set_text (agreement, SHIPPED_ITEM_IP_OWNERSHIP, "  \n\t ", &error);
  g_assert_no_error (error);
  cwb_agreement_set_text (agreement, SHIPPED_ITEM_DISPUTE_RESOLUTION,
                          "争议由首席专家${chief_expert}先行调解。", &error);
  g_assert_no_error (error);

  values = cwb_agreement_collect_variables (f->context, f->consortium);
  incomplete = cwb_agreement_list_incomplete_items (agreement, values);
  g_assert_cmpuint (incomplete->len, ==, 2);

  g_assert_true (cwb_agreement_document_write_pdf (agreement, f->consortium, f->context,
                                                   path, &error));
  g_assert_no_error (error);
  text = pdf_all_text (path);

  assert_contains (text, blank);
  assert_contains (text, "争议由首席专家");
  assert_contains (text, unfilled);
  g_assert_null (strstr (text, "${chief_expert}"));
  g_assert_cmpint (count_occurrences (text, "[To be filled in"), ==, 2);
  /* every heading is still there */
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autofree char *heading = article_heading (i);
      assert_contains (text, heading);
    }
}

/* a file that cannot be written: an error, and nothing half-written */
static void
test_write_failure (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = deep_sea_draft (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = tmp_path (f, "no-such-folder/out.pdf");
  g_autofree char *missing_docx = tmp_path (f, "no-such-folder/out.docx");
  g_autofree char *existing = tmp_path (f, "kept.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_false (cwb_agreement_document_write_pdf (agreement, f->consortium, f->context,
                                                    missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (cwb_agreement_document_write_docx (agreement, f->consortium, f->context,
                                                     missing_docx, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* an existing file is replaced whole */
  g_file_set_contents (existing, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_document_write_pdf (agreement, f->consortium, f->context,
                                                   existing, &error));
  g_assert_no_error (error);
  g_file_get_contents (existing, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dir = g_dir_open (f->tmpdir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "kept.pdf");
  g_assert_null (g_dir_read_name (dir));
}

/* ── DOCX ─────────────────────────────────────────────────────────────── */

static const char *docx_parts[] = {
  "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
  "word/styles.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml", NULL
};

static xmlDocPtr
read_part (zip_t      *archive,
           const char *name)
{
  zip_stat_t stat;
  zip_file_t *file;
  g_autofree char *data = NULL;
  xmlDocPtr doc;

  g_assert_cmpint (zip_stat (archive, name, 0, &stat), ==, 0);
  g_assert_cmpint (stat.comp_method, ==, ZIP_CM_DEFLATE);
  data = g_malloc (stat.size + 1);
  file = zip_fopen (archive, name, 0);
  g_assert_nonnull (file);
  g_assert_cmpint (zip_fread (file, data, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);

  /* well-formed, or NULL */
  doc = xmlReadMemory (data, (int) stat.size, name, "UTF-8", XML_PARSE_NONET);
  if (doc == NULL)
    g_error ("%s is not well-formed XML", name);

  return doc;
}

static void
collect_text (xmlNodePtr  node,
              const char *element,
              GString    *out,
              guint      *count)
{
  for (xmlNodePtr n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, element))
        (*count)++;
      if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "t"))
        {
          xmlChar *content = xmlNodeGetContent (n);
          g_string_append (out, (const char *) content);
          xmlFree (content);
        }
      else if (n->type == XML_ELEMENT_NODE && g_str_equal ((const char *) n->name, "p"))
        {
          collect_text (n->children, element, out, count);
          g_string_append_c (out, '\n');
        }
      else
        collect_text (n->children, element, out, count);
    }
}

static void
test_docx_deep_sea (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = deep_sea_draft (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (f, "deep-sea.docx");
  g_autofree char *title = cwb_agreement_document_dup_title (f->consortium);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  const GPtrArray *members = cwb_consortium_get_members (f->consortium);
  xmlDocPtr document;
  zip_t *archive;
  int zip_status = 0;
  guint rows = 0;

  g_assert_true (cwb_agreement_set_legal_rep (agreement, cwb_member_get_uscc (cwb_consortium_get_lead (f->consortium)),
                                              "张海平", &error));
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_document_write_docx (agreement, f->consortium, f->context,
                                                    path, &error));
  g_assert_no_error (error);

  archive = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &zip_status);
  g_assert_nonnull (archive);
  g_assert_cmpint (zip_get_num_entries (archive, 0), ==, g_strv_length ((char **) docx_parts));

  /* every part is there, deflated and well-formed */
  for (guint i = 0; docx_parts[i] != NULL; i++)
    xmlFreeDoc (read_part (archive, docx_parts[i]));

  /* the content types name the main part */
  {
    xmlDocPtr types = read_part (archive, "[Content_Types].xml");
    xmlNodePtr root = xmlDocGetRootElement (types);
    gboolean main_found = FALSE;

    g_assert_cmpstr ((const char *) root->name, ==, "Types");
    for (xmlNodePtr n = root->children; n != NULL; n = n->next)
      {
        xmlChar *part = xmlGetProp (n, BAD_CAST "PartName");
        xmlChar *type = xmlGetProp (n, BAD_CAST "ContentType");

        if (part != NULL && g_str_equal ((char *) part, "/word/document.xml"))
          main_found = g_str_has_suffix ((char *) type, "wordprocessingml.document.main+xml");
        xmlFree (part);
        xmlFree (type);
      }
    g_assert_true (main_found);
    xmlFreeDoc (types);
  }

  /* an East-Asian font by default */
  {
    xmlDocPtr styles = read_part (archive, "word/styles.xml");
    xmlChar *dump = NULL;
    int size = 0;

    xmlDocDumpMemory (styles, &dump, &size);
    g_assert_nonnull (strstr ((char *) dump, "w:eastAsia=\"宋体\""));
    g_assert_nonnull (strstr ((char *) dump, "w:eastAsia=\"zh-CN\""));
    xmlFree (dump);
    xmlFreeDoc (styles);
  }

  document = read_part (archive, "word/document.xml");
  collect_text (xmlDocGetRootElement (document), "tr", text, &rows);
  xmlFreeDoc (document);
  zip_close (archive);

  assert_contains (text->str, title);
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autofree char *heading = article_heading (i);
      assert_contains (text->str, heading);
    }
  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);

      assert_contains (text->str, cwb_member_get_name (member));
      assert_contains (text->str, cwb_member_get_uscc (member));
    }
  assert_contains (text->str, C_("signature table", "Legal representative (signature)"));
  assert_contains (text->str, C_("signature table", "Unit (official seal)"));
  assert_contains (text->str, "张海平");
  g_assert_null (strstr (text->str, "${"));
  /* the signature table: a header row and one row per member */
  g_assert_cmpuint (rows, ==, members->len + 1);

  if (soffice == NULL)
    {
      g_test_message ("LibreOffice (soffice) is not installed: the DOCX was validated "
                      "part by part, not converted");
      return;
    }

  /* LibreOffice opens it and converts it to a PDF with the same text */
  {
    g_autofree char *outdir = tmp_path (f, "soffice");
    g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", f->tmpdir);
    g_autofree char *converted = g_build_filename (outdir, "deep-sea.pdf", NULL);
    g_autofree char *converted_text = NULL;
    const char *argv[] = { soffice, profile, "--headless", "--convert-to", "pdf",
                           "--outdir", outdir, path, NULL };
    Run run = { 0 };

    run_argv (argv, &run);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (converted, G_FILE_TEST_IS_REGULAR));
    converted_text = pdf_all_text (converted);
    assert_contains (converted_text, title);
    run_clear (&run);
  }
}

static void
test_docx_gaps (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CwbAgreement) agreement = deep_sea_draft (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tmp_path (f, "gaps.docx");
  g_autofree char *blank = gap_marker (_("the text of this article"));
  g_autoptr(GString) text = g_string_new (NULL);
  xmlDocPtr document;
  xmlChar *dump = NULL;
  int size = 0;
  zip_t *archive;
  int zip_status = 0;
  guint gaps = 0;

  cwb_agreement_set_text (agreement, SHIPPED_ITEM_COST_SHARING, "", &error);
  g_assert_no_error (error);
  g_assert_true (cwb_agreement_document_write_docx (agreement, f->consortium, f->context,
                                                    path, &error));
  g_assert_no_error (error);

  archive = zip_open (path, ZIP_RDONLY, &zip_status);
  g_assert_nonnull (archive);
  document = read_part (archive, "word/document.xml");
  collect_text (xmlDocGetRootElement (document), "highlight", text, &gaps);
  assert_contains (text->str, blank);
  /* the gap's run is highlighted, and it is the only one */
  g_assert_cmpuint (gaps, ==, 1);
  xmlDocDumpMemory (document, &dump, &size);
  g_assert_nonnull (strstr ((char *) dump, "<w:color w:val=\"C01C28\"/>"));
  xmlFree (dump);
  xmlFreeDoc (document);
  zip_close (archive);
}

/* ── the command ──────────────────────────────────────────────────────── */

/* @source with the "agreement" changed by @edit */
static char *
write_edited_copy (Fixture    *f,
                   const char *source,
                   const char *file_name,
                   void      (*edit) (JsonObject *agreement))
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (f, file_name);
  JsonObject *root;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  edit (json_object_get_object_member (root, "agreement"));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return path;
}

static void
empty_two_clauses (JsonObject *agreement)
{
  JsonObject *clauses = json_object_get_object_member (agreement, "clauses");

  json_object_set_string_member (clauses, "goals", "");
  json_object_set_string_member (clauses, "breach_liability", " \u3000 ");
}

static void
break_a_date (JsonObject *agreement)
{
  JsonArray *signatures = json_object_get_array_member (agreement, "signatures");

  json_object_set_string_member (json_array_get_object_element (signatures, 1), "date", "2026-02-30");
}

static void
test_command (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *deep_sea = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *pdf = tmp_path (f, "out.pdf");
  g_autofree char *docx = tmp_path (f, "OUT.DOCX");
  g_autofree char *txt = tmp_path (f, "out.txt");
  g_autofree char *gaps_pdf = tmp_path (f, "gaps.pdf");
  g_autofree char *incomplete = write_edited_copy (f, deep_sea, "incomplete.json", empty_two_clauses);
  g_autofree char *bad_date = write_edited_copy (f, deep_sea, "bad-date.json", break_a_date);
  g_autofree char *bad_uscc = g_test_build_filename (G_TEST_DIST, "files", "short-uscc.json", NULL);
  g_autofree char *missing = tmp_path (f, "missing.json");
  g_autofree char *unwritable = tmp_path (f, "no-such-folder/out.pdf");
  g_autofree char *text = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *breach = NULL;
  g_autofree char *title = cwb_agreement_document_dup_title (f->consortium);
  Run run = { 0 };

  /* complete: written, status 0 */
  run_cli (&run, "agreement", deep_sea, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  text = pdf_all_text (pdf);
  assert_contains (text, title);
  g_clear_pointer (&text, g_free);

  run_cli (&run, "agreement", "--output", docx, deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (docx, G_FILE_TEST_IS_REGULAR));

  /* incomplete: still written with the gaps marked, the items named, status 2 */
  run_cli (&run, "agreement", incomplete, "-o", gaps_pdf, NULL);
  g_assert_cmpint (run.status, ==, 2);
  goals = article_heading (SHIPPED_ITEM_GOALS);
  breach = article_heading (SHIPPED_ITEM_BREACH_LIABILITY);
  g_assert_nonnull (strstr (run.err, goals));
  g_assert_nonnull (strstr (run.err, breach));
  g_assert_null (strstr (run.err, cwb_agreement_item_get_heading (SHIPPED_ITEM_DISSOLUTION)));
  text = pdf_all_text (gaps_pdf);
  g_assert_cmpint (count_occurrences (text, "[To be filled in"), ==, 2);

  /* usage: the format follows the extension; FILE and -o are required */
  run_cli (&run, "agreement", deep_sea, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "out.txt"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  run_cli (&run, "agreement", deep_sea, NULL);
  g_assert_cmpint (run.status, ==, 64);
  g_assert_nonnull (strstr (run.err, "-o"));
  run_cli (&run, "agreement", "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (&run, "agreement", deep_sea, deep_sea, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 64);
  run_cli (&run, "agreement", "--frobnicate", deep_sea, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 64);

  /* invalid input: 65, the message names the key path */
  run_cli (&run, "agreement", bad_date, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_nonnull (strstr (run.err, "agreement.signatures[1].date"));
  run_cli (&run, "agreement", bad_uscc, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_nonnull (strstr (run.err, "uscc"));

  /* unreadable: 66 */
  run_cli (&run, "agreement", missing, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 66);
  run_cli (&run, "agreement", f->tmpdir, "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 66);

  /* the output cannot be written: 73 */
  run_cli (&run, "agreement", deep_sea, "-o", unwritable, NULL);
  g_assert_cmpint (run.status, ==, 73);
  g_assert_nonnull (strstr (run.err, "out.pdf"));

  /* its help */
  run_cli (&run, "agreement", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "consortium-workbench agreement"));
  g_assert_nonnull (strstr (run.out, "--output"));

  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/agreement-document/title", test_title);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/agreement-document/pdf/deep-sea", test_pdf_deep_sea);
  ADD ("/agreement-document/pdf/signature-blocks", test_pdf_signature_blocks);
  ADD ("/agreement-document/pdf/gaps", test_pdf_gaps);
  ADD ("/agreement-document/write-failure", test_write_failure);
  ADD ("/agreement-document/docx/deep-sea", test_docx_deep_sea);
  ADD ("/agreement-document/docx/gaps", test_docx_gaps);
  ADD ("/agreement-document/command", test_command);
#undef ADD

  return g_test_run ();
}
