/* cwb-agreement-document.c — the formation agreement as a document: PDF, print, DOCX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the agreement says and in which order; pages, fonts, the PDF
 * and the DOCX are libcwb's CwbDocument.
 */
#define G_LOG_DOMAIN "cwb-agreement-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement-document.h"

typedef struct
{
  char     *name;
  char     *uscc;
  char     *legal_rep;   /* nullable: the name printed at the signature line */
  gboolean  lead;
} Party;

#define HAINAN_PROVINCE "海南省"
#define HAINAN          "海南"
#define CONSORTIUM_WORD "创新联合体"

#define PARTY_LINE_SPACING 1.2
#define SEAL_ROOM          84.0   /* room for a seal (about 40 mm across, overlapping the text) */
#define SEAL_ROW           85.0   /* a row of the DOCX's signature table: 30 mm */

static const char *article_numbers[CWB_AGREEMENT_MAX_ITEMS] = {
  N_("Article 1"), N_("Article 2"), N_("Article 3"), N_("Article 4"), N_("Article 5"),
  N_("Article 6"), N_("Article 7"), N_("Article 8"), N_("Article 9"), N_("Article 10"),
  N_("Article 11"), N_("Article 12"), N_("Article 13"), N_("Article 14"), N_("Article 15"),
  N_("Article 16"), N_("Article 17"), N_("Article 18"), N_("Article 19"), N_("Article 20"),
};

static void
party_free (Party *party)
{
  g_free (party->name);
  g_free (party->uscc);
  g_free (party->legal_rep);
  g_free (party);
}

static char *
gap_marker (const char *what)
{
  /* TRANSLATORS: marks a gap in the printed agreement, e.g. an unfilled variable */
  return g_strdup_printf (_("[To be filled in: %s]"), what);
}

/* One line of filled text, with each ${name} left unfilled (@unfilled)
 * turned into a marked gap naming the variable. */
static void
add_line (CwbDocument        *document,
          const char         *line,
          const char * const *unfilled,
          double              space_before)
{
  CwbDocumentParagraph *paragraph = cwb_document_add_paragraph (document, NULL);
  const char *p = line;
  const char *start = line;

  cwb_document_paragraph_set_space_before (paragraph, space_before);
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
          g_autofree char *before = g_strndup (start, p - start);
          g_autofree char *marker = gap_marker (label != NULL ? label : name);

          cwb_document_paragraph_add_text (paragraph, before);
          cwb_document_paragraph_add_mark (paragraph, marker);
          start = end + 1;
        }
      p = end + 1;
    }
  cwb_document_paragraph_add_text (paragraph, start);
}

/* an article: its heading, then its text with the variables filled, one
 * paragraph a line; an empty article is a marked gap */
static void
add_article (CwbDocument      *document,
             CwbAgreement     *agreement,
             CwbAgreementItem  item,
             GHashTable       *values)
{
  const char *text = cwb_agreement_get_text (agreement, item);
  /* TRANSLATORS: an article's heading: 第一条 and the item's heading */
  g_autofree char *heading = g_strdup_printf (_("%s  %s"), cwb_agreement_document_get_article_number (item),
                                              cwb_agreement_item_get_heading (item));
  guint n_lines = 0;

  cwb_document_add_heading (document, heading);

  if (!cwb_text_is_blank (text))
    {
      g_auto(GStrv) unfilled = NULL;
      g_autofree char *filled = cwb_agreement_fill (text, values, &unfilled);
      g_auto(GStrv) lines = g_strsplit (filled, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = g_strstrip (lines[i]);

          if (!cwb_text_is_blank (line))
            add_line (document, line, (const char * const *) unfilled, n_lines++ == 0 ? 4 : 2);
        }
    }

  if (n_lines == 0)
    {
      g_autofree char *marker = gap_marker (_("the text of this article"));

      CwbDocumentParagraph *paragraph = cwb_document_add_paragraph (document, NULL);

      cwb_document_paragraph_set_space_before (paragraph, 4);
      cwb_document_paragraph_add_mark (paragraph, marker);
    }
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

/* the lead unit first, then the members in the file's order, each with
 * the legal representative the agreement records for it */
static GPtrArray *
collect_parties (CwbAgreement  *agreement,
                 CwbConsortium *consortium)
{
  GPtrArray *parties = g_ptr_array_new_with_free_func ((GDestroyNotify) party_free);
  GPtrArray *signatures = cwb_agreement_get_signatures (agreement);
  CwbMember *lead = cwb_consortium_get_lead (consortium);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
      {
        CwbMember *member = cwb_consortium_get_member (consortium, i);
        gboolean is_lead = member == lead;
        const char *name = cwb_member_get_name (member);
        Party *party;

        if ((pass == 0) != is_lead)
          continue;

        party = g_new0 (Party, 1);
        party->name = g_strdup (name != NULL ? name : "");
        party->uscc = g_strdup (cwb_member_get_uscc (member));
        party->lead = is_lead;
        for (guint j = 0; signatures != NULL && j < signatures->len; j++)
          {
            const CwbAgreementSignature *signature = g_ptr_array_index (signatures, j);

            if (g_strcmp0 (signature->uscc, party->uscc) == 0 && !cwb_text_is_blank (signature->legal_rep))
              party->legal_rep = cwb_text_dup_stripped (signature->legal_rep);
          }
        g_ptr_array_add (parties, party);
      }

  return parties;
}

static const char *
date_blank (void)
{
  /* TRANSLATORS: a date left blank to be written by hand: year, month, day */
  return C_("date written by hand", "________ / ____ / ____");
}

/* the parties, each with its credit code under its name */
static void
add_parties (CwbDocument *document,
             GPtrArray   *parties)
{
  /* TRANSLATORS: heading of the list of parties to the agreement */
  cwb_document_paragraph_set_space_before (cwb_document_add_heading (document, _("Parties")), 18);

  for (guint i = 0; i < parties->len; i++)
    {
      Party *party = g_ptr_array_index (parties, i);
      CwbDocumentParagraph *paragraph;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      if (party->lead)
        /* TRANSLATORS: a party of the agreement: number, name, then 牵头单位 */
        first = g_strdup_printf (_("%u. %s (lead unit)"), i + 1, party->name);
      else
        /* TRANSLATORS: a party of the agreement: number, name */
        first = g_strdup_printf (_("%u. %s"), i + 1, party->name);
      /* TRANSLATORS: a party's 统一社会信用代码 */
      second = g_strdup_printf (_("Unified social credit code: %s"), party->uscc != NULL ? party->uscc : "");

      paragraph = cwb_document_add_paragraph (document, first);
      cwb_document_paragraph_add_text (paragraph, "\n");
      cwb_document_paragraph_add_text (paragraph, second);
      cwb_document_paragraph_set_alignment (paragraph, CWB_DOCUMENT_ALIGN_LEFT);
      cwb_document_paragraph_set_indent (paragraph, CWB_DOCUMENT_INDENT_HANGING);
      cwb_document_paragraph_set_line_spacing (paragraph, PARTY_LINE_SPACING);
      cwb_document_paragraph_set_keep_together (paragraph, TRUE);
      cwb_document_paragraph_set_space_before (paragraph, 8);
    }
}

/* two signature blocks a row, for the PDF: the unit's name, then its
 * lines, level with the block beside it, with room for the seal */
static void
add_signature_blocks (CwbDocument *document,
                      GPtrArray   *parties)
{
  CwbDocumentTable *table = cwb_document_add_table (document, 2, NULL, CWB_DOCUMENT_TABLE_NONE);

  cwb_document_table_set_row_height (table, SEAL_ROOM);
  cwb_document_table_set_row_spacing (table, 18);

  for (guint i = 0; i < parties->len; i++)
    {
      Party *party = g_ptr_array_index (parties, i);
      /* TRANSLATORS: the signature block's date line; %s is a blank date */
      g_autofree char *date = g_strdup_printf (_("Date: %s"), date_blank ());
      g_autofree char *legal_rep = party->legal_rep != NULL
        /* TRANSLATORS: under the signature line: the legal representative's name */
        ? g_strdup_printf (_("(%s)"), party->legal_rep) : g_strdup ("");
      g_autofree char *unit = NULL;
      g_autofree char *lines = NULL;

      if (party->lead)
        /* TRANSLATORS: the signature block's first line, for the lead unit (牵头单位) */
        unit = g_strdup_printf (_("Unit: %s (lead unit)"), party->name);
      else
        /* TRANSLATORS: the signature block's first line: 单位名称 */
        unit = g_strdup_printf (_("Unit: %s"), party->name);

      /* the name's line is there, empty, without a name: the lines of two
       * blocks side by side stay level */
      lines = g_strdup_printf ("%s\n%s\n%s\n\n\n%s",
                               /* TRANSLATORS: signature block: 法定代表人（签字） and a blank */
                               _("Legal representative (signature): ______________"),
                               legal_rep,
                               /* TRANSLATORS: signature block: 单位（盖章） */
                               _("Unit (official seal):"),
                               date);

      if (i % 2 == 0)
        cwb_document_table_add_row (table);
      cwb_document_table_add_paragraph (table, i % 2, unit);
      cwb_document_table_add_paragraph (table, i % 2, lines);
    }
}

/* a ruled table, for the DOCX: a header row, then one row a member, tall
 * enough for a seal */
static void
add_signature_table (CwbDocument *document,
                     GPtrArray   *parties)
{
  static const double widths[4] = { 3272, 2200, 2000, 1600 };
  CwbDocumentTable *table = cwb_document_add_table (document, 4, widths,
                                                    CWB_DOCUMENT_TABLE_BORDERS | CWB_DOCUMENT_TABLE_HEADER);

  cwb_document_table_set_row_height (table, SEAL_ROW);
  cwb_document_table_add_row (table);
  /* TRANSLATORS: columns of the signature table: 单位名称 */
  cwb_document_table_add_paragraph (table, 0, C_("signature table", "Unit"));
  /* TRANSLATORS: 法定代表人（签字） */
  cwb_document_table_add_paragraph (table, 1, C_("signature table", "Legal representative (signature)"));
  /* TRANSLATORS: 单位（盖章） */
  cwb_document_table_add_paragraph (table, 2, C_("signature table", "Unit (official seal)"));
  /* TRANSLATORS: 日期 */
  cwb_document_table_add_paragraph (table, 3, C_("signature table", "Date"));

  for (guint i = 0; i < parties->len; i++)
    {
      Party *party = g_ptr_array_index (parties, i);
      g_autofree char *name = party->lead ? g_strdup_printf (_("%s (lead unit)"), party->name)
                                          : g_strdup (party->name);

      cwb_document_table_add_row (table);
      cwb_document_table_add_paragraph (table, 0, name);
      /* the name printed, the signature beside it */
      cwb_document_table_add_paragraph (table, 1, party->legal_rep);
      cwb_document_table_add_paragraph (table, 2, NULL);
      cwb_document_table_add_paragraph (table, 3, date_blank ());
    }
}

/* ── Public ───────────────────────────────────────────────────────────── */

/**
 * cwb_agreement_document_get_article_number:
 * @item: an item
 *
 * Returns: (transfer none): "第一条", "第二条" … (translated)
 */
const char *
cwb_agreement_document_get_article_number (CwbAgreementItem item)
{
  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);

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
 * cwb_agreement_document_new:
 * @agreement: the agreement
 * @consortium: its consortium (the parties and the variables)
 * @context: (nullable): the clock and rule set for the variables
 * @signatures: blocks (PDF, print) or a table (DOCX) to sign in
 *
 * Returns: (transfer full): the agreement as a document
 */
CwbDocument *
cwb_agreement_document_new (CwbAgreement                *agreement,
                            CwbConsortium               *consortium,
                            CwbContext                  *context,
                            CwbAgreementSignatureLayout  signatures)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *preamble = NULL;
  CwbMember *lead;
  CwbDocument *document;
  CwbDocumentParagraph *paragraph;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);
  g_return_val_if_fail (context == NULL || CWB_IS_CONTEXT (context), NULL);

  values = cwb_agreement_collect_variables (context, consortium);
  parties = collect_parties (agreement, consortium);
  title = cwb_agreement_document_dup_title (consortium);
  full_name = dup_full_name (consortium);
  now = context != NULL ? cwb_context_dup_now (context) : g_date_time_new_now_local ();
  lead = cwb_consortium_get_lead (consortium);

  document = cwb_document_new (title);
  cwb_document_set_author (document, lead != NULL ? cwb_member_get_name (lead) : NULL);
  cwb_document_set_date (document, now);

  cwb_document_add_title (document, title);
  add_parties (document, parties);

  /* TRANSLATORS: the agreement's preamble; %s is the consortium, 海南省…创新联合体 */
  preamble = g_strdup_printf (_("Under the Implementation Plan for Building Innovation Consortia of "
                                "Hainan Province, the parties above, after consultation on an equal "
                                "footing, agree to form the %s and conclude this agreement."),
                              full_name);
  cwb_document_paragraph_set_space_before (cwb_document_add_paragraph (document, preamble), 12);

  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    add_article (document, agreement, (CwbAgreementItem) i, values);

  paragraph = cwb_document_add_paragraph (document,
                                          _("This agreement takes effect when the legal representative "
                                            "of every member has signed it and the official seal of "
                                            "every member is on it."));
  cwb_document_paragraph_set_space_before (paragraph, 14);
  /* TRANSLATORS: ends the text before the signature page: （以下无正文） */
  paragraph = cwb_document_add_paragraph (document, _("(The text ends here; the signature page follows.)"));
  cwb_document_paragraph_set_alignment (paragraph, CWB_DOCUMENT_ALIGN_CENTER);
  cwb_document_paragraph_set_indent (paragraph, CWB_DOCUMENT_INDENT_NONE);
  cwb_document_paragraph_set_keep_together (paragraph, TRUE);
  cwb_document_paragraph_set_space_before (paragraph, 14);

  /* TRANSLATORS: heading of the signature page (签署页) */
  paragraph = cwb_document_add_heading (document, _("Signatures"));
  cwb_document_paragraph_set_alignment (paragraph, CWB_DOCUMENT_ALIGN_CENTER);
  cwb_document_paragraph_set_page_break_before (paragraph, TRUE);
  cwb_document_paragraph_set_space_before (paragraph, 0);

  if (signatures == CWB_AGREEMENT_SIGNATURE_TABLE)
    add_signature_table (document, parties);
  else
    add_signature_blocks (document, parties);

  return document;
}

/**
 * cwb_agreement_layout_new:
 * @agreement: the agreement
 * @consortium: its consortium
 * @context: (nullable): the clock and rule set for the variables
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Returns: (transfer full): the agreement, with signature blocks, on pages
 */
CwbDocumentLayout *
cwb_agreement_layout_new (CwbAgreement  *agreement,
                          CwbConsortium *consortium,
                          CwbContext    *context,
                          double         width,
                          double         height)
{
  g_autoptr(CwbDocument) document = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (agreement), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  document = cwb_agreement_document_new (agreement, consortium, context, CWB_AGREEMENT_SIGNATURE_BLOCKS);

  return cwb_document_layout_new (document, width, height);
}

static gboolean
write_document (CwbAgreement                 *agreement,
                CwbConsortium                *consortium,
                CwbContext                   *context,
                CwbAgreementSignatureLayout   signatures,
                const char                   *path,
                GError                      **error)
{
  g_autoptr(CwbDocument) document = cwb_agreement_document_new (agreement, consortium, context, signatures);

  if (signatures == CWB_AGREEMENT_SIGNATURE_TABLE)
    return cwb_document_write_docx (document, path, error);

  return cwb_document_write_pdf (document, path, error);
}

/**
 * cwb_agreement_document_write_pdf:
 * @agreement: the agreement
 * @consortium: its consortium
 * @context: (nullable): the clock and rule set for the variables
 * @path: the PDF file to write
 * @error: the file cannot be written
 *
 * Writes the agreement, with signature blocks, as an A4 PDF (atomically).
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
  return write_document (agreement, consortium, context, CWB_AGREEMENT_SIGNATURE_BLOCKS, path, error);
}

/**
 * cwb_agreement_document_write_docx:
 * @agreement: the agreement
 * @consortium: its consortium
 * @context: (nullable): the clock and rule set for the variables
 * @path: the .docx file to write
 * @error: the file cannot be written
 *
 * Writes the agreement, with a signature table, as a .docx (atomically).
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
  return write_document (agreement, consortium, context, CWB_AGREEMENT_SIGNATURE_TABLE, path, error);
}
