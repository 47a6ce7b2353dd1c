/* cwb-agreement-command.c — `consortium-workbench agreement FILE -o OUT`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-command"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement-command.h"
#include "cwb-agreement-document.h"
#include "cwb-agreement.h"

#define VERB "agreement"

/* exit statuses, as the host's command line documents them */
enum {
  EXIT_OK         = 0,
  EXIT_INCOMPLETE = 2,
  EXIT_USAGE      = 64,
  EXIT_INVALID    = 65,
  EXIT_NO_INPUT   = 66,
  EXIT_CANT_WRITE = 73,
};

typedef enum {
  FORMAT_PDF,
  FORMAT_DOCX,
} Format;

struct _CwbAgreementCommand
{
  GObject parent_instance;
};

static void command_iface_init (CwbCommandInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwbAgreementCommand, cwb_agreement_command, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CWB_TYPE_COMMAND, command_iface_init))

static int
usage_error (const char *message)
{
  fflush (stdout);
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());

  return EXIT_USAGE;
}

static gboolean
format_for_path (const char *path,
                 Format     *format)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);

  if (g_str_has_suffix (lower, ".pdf") && strlen (lower) > strlen (".pdf"))
    *format = FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".docx") && strlen (lower) > strlen (".docx"))
    *format = FORMAT_DOCX;
  else
    return FALSE;

  return TRUE;
}

/* the file's consortium, or NULL with the exit status and the message printed */
static CwbConsortium *
load_consortium (const char *path,
                 int        *status)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  CwbConsortium *consortium;
  gsize length = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_printerr (_("%s: this is a folder, not a file\n"), name);
      *status = EXIT_NO_INPUT;
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      *status = EXIT_NO_INPUT;
      return NULL;
    }

  if ((consortium = cwb_consortium_file_load_data (data, (gssize) length, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      *status = error->domain == CWB_ERROR ? EXIT_INVALID : EXIT_NO_INPUT;
      return NULL;
    }

  return consortium;
}

/* what is missing in @item: blank, or the variables without a value */
static char *
describe_gap (CwbAgreement     *agreement,
              CwbAgreementItem  item,
              GHashTable       *values)
{
  const char *text = cwb_agreement_get_text (agreement, item);
  g_autofree char *filled = NULL;
  g_auto(GStrv) unfilled = NULL;
  g_autoptr(GString) names = NULL;

  if (cwb_text_is_blank (text))
    return g_strdup (_("no text"));

  filled = cwb_agreement_fill (text, values, &unfilled);
  names = g_string_new (NULL);
  for (guint i = 0; unfilled != NULL && unfilled[i] != NULL; i++)
    {
      const char *label = cwb_agreement_variable_get_label (unfilled[i]);

      if (names->len > 0)
        /* TRANSLATORS: separates the names of a list: 、 */
        g_string_append (names, _(", "));
      g_string_append (names, label != NULL ? label : unfilled[i]);
    }

  /* TRANSLATORS: a gap of the agreement: the variables that have no value */
  return g_strdup_printf (_("no value for: %s"), names->str);
}

static void
report_incomplete (CwbAgreement *agreement,
                   GArray       *items,
                   GHashTable   *values,
                   const char   *output_name)
{
  fflush (stdout);
  g_printerr (g_dngettext (NULL,
                           "%s: written, but the agreement is incomplete (rule A1): %u article "
                           "has a gap, marked in the document:\n",
                           "%s: written, but the agreement is incomplete (rule A1): %u articles "
                           "have gaps, marked in the document:\n",
                           items->len),
              output_name, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      CwbAgreementItem item = g_array_index (items, CwbAgreementItem, i);
      g_autofree char *gap = describe_gap (agreement, item, values);

      /* TRANSLATORS: one incomplete article: 第三条, its heading, what is missing */
      g_printerr (_("  %s %s: %s\n"),
                  cwb_agreement_document_get_article_number (item),
                  cwb_agreement_item_get_heading (item),
                  gap);
    }
}

static const char *
cwb_agreement_command_get_name (CwbCommand *command)
{
  return VERB;
}

static const char *
cwb_agreement_command_get_summary (CwbCommand *command)
{
  return _("Write the formation agreement of a consortium file as PDF or DOCX, ready "
           "for signing; gaps are marked, and the status is then 2");
}

static const char *
cwb_agreement_command_get_usage (CwbCommand *command)
{
  return _("agreement FILE -o OUTPUT.pdf|OUTPUT.docx");
}

static int
cwb_agreement_command_run (CwbCommand  *command,
                           CwbContext  *context,
                           int          argc,
                           char       **argv)
{
  g_autofree char *output = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  cwb_agreement_use_rules (cwb_context_get_rules (context));
  g_autoptr(CwbAgreement) agreement = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GArray) incomplete = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  Format format;
  int status = EXIT_OK;
  gboolean written;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the agreement to FILE: .pdf or .docx (required)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  options = g_option_context_new (_("FILE -o OUTPUT"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_summary (options,
                                _("Writes the formation agreement of the consortium "
                                  "file FILE to OUTPUT, as PDF or DOCX by its extension: the "
                                  "title, the parties, the nine articles and a signature block "
                                  "per member. A gap in the agreement is marked in the document."));
  g_option_context_set_description (options,
                                    _("Exit status:\n"
                                      "  0   written\n"
                                      "  2   written, but the agreement is incomplete (rule A1);\n"
                                      "      the gaps are marked and named on stderr\n"
                                      "  64  usage error\n"
                                      "  65  FILE is not a valid consortium file (the message\n"
                                      "      names the key path)\n"
                                      "  66  FILE cannot be read\n"
                                      "  73  OUTPUT cannot be written"));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);

  /* parsed on a copy (of @argc strings: @argv need not end in NULL), freed
   * whole: g_option_context_parse() would drop the strings it consumes from
   * the host's @argv without freeing them */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (options, &args, &error))
    return usage_error (error->message);

  if (files == NULL || files[0] == NULL)
    return usage_error (_("No FILE given."));
  if (files[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), files[1]);
      return usage_error (message);
    }
  if (output == NULL || *output == '\0')
    return usage_error (_("No output file given: use -o OUTPUT.pdf or -o OUTPUT.docx."));

  output_name = g_filename_display_name (output);
  if (!format_for_path (output, &format))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is neither a .pdf nor a .docx file: "
                                                    "the format follows the extension."),
                                                  output_name);
      return usage_error (message);
    }

  if ((consortium = load_consortium (files[0], &status)) == NULL)
    return status;

  input_name = g_filename_display_name (files[0]);
  if ((agreement = cwb_agreement_new_for_consortium (consortium, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", input_name, error->message);
      return EXIT_INVALID;
    }

  if (format == FORMAT_PDF)
    written = cwb_agreement_document_write_pdf (agreement, consortium, context, output, &error);
  else
    written = cwb_agreement_document_write_docx (agreement, consortium, context, output, &error);

  if (!written)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_CANT_WRITE;
    }

  values = cwb_agreement_collect_variables (context, consortium);
  incomplete = cwb_agreement_list_incomplete_items (agreement, values);
  if (incomplete->len > 0)
    {
      report_incomplete (agreement, incomplete, values, output_name);
      return EXIT_INCOMPLETE;
    }

  g_print (_("Wrote the formation agreement of “%s” to %s\n"),
           cwb_consortium_get_name (consortium), output_name);

  return EXIT_OK;
}

static void
command_iface_init (CwbCommandInterface *iface)
{
  iface->get_name = cwb_agreement_command_get_name;
  iface->get_summary = cwb_agreement_command_get_summary;
  iface->get_usage = cwb_agreement_command_get_usage;
  iface->run = cwb_agreement_command_run;
}

static void
cwb_agreement_command_class_init (CwbAgreementCommandClass *klass)
{
}

static void
cwb_agreement_command_init (CwbAgreementCommand *self)
{
}
