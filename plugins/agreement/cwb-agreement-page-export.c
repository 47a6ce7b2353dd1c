/* cwb-agreement-page-export.c — the agreement page: the matrix, PDF and DOCX exports, print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include "cwb-agreement-document.h"
#include "cwb-agreement-matrix.h"
#include "cwb-agreement-page-private.h"

/* ---------------------------------------------------------- export, print */

/* the edits in the fields first; the consortium may have gone meanwhile */
static gboolean
ready_to_export (CwbAgreementPage  *self,
                 GError           **error)
{
  _cwb_agreement_page_flush_edits (self);
  if (self->agreement != NULL)
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_NOT_FOUND, _("There is no agreement to export."));
  return FALSE;
}

/* a CwbSaveFunc: the format follows the suffix, as in the `agreement`
 * command (each dialog offers one): .pdf, .docx, or the signature
 * matrix (.xlsx) */
static gboolean
export_file (const char  *path,
             guint        filter_index,
             gpointer     user_data,
             GError     **error)
{
  CwbAgreementPage *self = user_data;
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!ready_to_export (self, error))
    return FALSE;
  if (g_str_has_suffix (lower, ".pdf"))
    return cwb_agreement_document_write_pdf (self->agreement, self->consortium, self->context, path, error);
  if (g_str_has_suffix (lower, ".docx"))
    return cwb_agreement_document_write_docx (self->agreement, self->consortium, self->context, path, error);

  return cwb_agreement_matrix_write_xlsx (self->agreement, self->consortium, path, error);
}

static void
export_matrix_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);

  if (self->agreement != NULL)
    cwb_save_chooser_save_to (self->toast_overlay, g_variant_get_string (parameter, NULL), export_file, self);
}

/* the three exports a dialog asks for: the action, the dialog's title (a
 * kind of document), the suffix and the filter's name */
static const struct
{
  const char *action;
  const char *title;
  const char *suffix;
  const char *filter_name;
} exports[] = {
  { "agreement.export-matrix", N_("Signature Matrix"), "xlsx", N_("Excel workbook") },
  { "agreement.export-pdf", N_("Formation Agreement"), "pdf", N_("PDF document") },
  { "agreement.export-docx", N_("Formation Agreement"), "docx", N_("Word document") },
};

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);

  if (self->agreement == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_str_equal (action_name, exports[i].action))
      {
        const char *title = _(exports[i].title);
        const char *suffixes[] = { exports[i].suffix, NULL };
        const char *descriptions[] = { _(exports[i].filter_name), NULL };
        /* Translators: the suggested file name: the consortium's name, a kind
         * of document, and a suffix such as "xlsx" */
        g_autofree char *name = g_strdup_printf (_("%s — %s.%s"), cwb_consortium_get_name (self->consortium),
                                                 title, exports[i].suffix);

        cwb_save_chooser_save (widget, self->toast_overlay, title, name, suffixes, descriptions,
                               export_file, self, NULL);
      }
}

static void
print_begin_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                CwbDocumentLayout  *layout)
{
  gtk_print_operation_set_n_pages (operation, cwb_document_layout_get_n_pages (layout));
}

static void
print_draw_page_cb (GtkPrintOperation  *operation,
                    GtkPrintContext    *context,
                    int                 page,
                    CwbDocumentLayout  *layout)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double scale = width / CWB_AGREEMENT_PAGE_WIDTH;

  /* The layout is in points on A4; a printer's page that is not A4 gets
   * the page scaled to its width. */
  cairo_save (cr);
  if (scale > 0 && (scale < 0.999 || scale > 1.001))
    cairo_scale (cr, scale, scale);
  cwb_document_layout_draw_page (layout, cr, page);
  cairo_restore (cr);
}

/* (transfer full) (nullable): the print operation of the agreement, drawn
 * with the documents' page layout; NULL when there is no agreement */
static GtkPrintOperation *
make_print_operation (CwbAgreementPage *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autofree char *title = NULL;

  _cwb_agreement_page_flush_edits (self);
  if (self->agreement == NULL)
    return NULL;

  layout = cwb_agreement_layout_new (self->agreement, self->consortium, self->context,
                                     CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);
  title = cwb_agreement_document_dup_title (self->consortium);

  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (print_begin_cb), layout, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (print_draw_page_cb), layout, 0);
  g_object_set_data_full (G_OBJECT (operation), "cwb-layout", g_object_ref (layout), g_object_unref);

  return operation;
}

static void
run_print_operation (CwbAgreementPage        *self,
                     GtkPrintOperation       *operation,
                     GtkPrintOperationAction  action)
{
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, action,
                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _cwb_agreement_page_show_message (self, error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self);

  if (operation != NULL)
    run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

/* The print operation without its dialog, into a PDF file: what the
 * printer would get (for tests and scripts). */
static void
print_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = make_print_operation (self);

  if (operation == NULL)
    return;

  gtk_print_operation_set_export_filename (operation, g_variant_get_string (parameter, NULL));
  run_print_operation (self, operation, GTK_PRINT_OPERATION_ACTION_EXPORT);
}

/* --------------------------------------------------------------- set-up */

static GtkWidget *
document_button (const char *label,
                 const char *tooltip,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* the documents' buttons in the banner */
void
_cwb_agreement_page_add_document_buttons (CwbAgreementPage *self)
{
  gtk_box_append (self->documents_box,
                  document_button (_("_PDF…"), _("Export the agreement as a PDF document"), "agreement.export-pdf"));
  gtk_box_append (self->documents_box,
                  document_button (_("_Word…"), _("Export the agreement as a .docx document for WPS or Word"), "agreement.export-docx"));
  gtk_box_append (self->documents_box,
                  document_button (_("P_rint…"), _("Print the agreement, with a preview"), "agreement.print"));
}

void
_cwb_agreement_page_class_init_export (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    gtk_widget_class_install_action (widget_class, exports[i].action, NULL, export_action);
  gtk_widget_class_install_action (widget_class, "agreement.export-matrix-to", "s", export_matrix_to_action);
  gtk_widget_class_install_action (widget_class, "agreement.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agreement.print-to", "s", print_to_action);
}
