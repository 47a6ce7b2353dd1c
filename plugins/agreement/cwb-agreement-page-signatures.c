/* cwb-agreement-page-signatures.c — the agreement page: the signature matrix, a member's signature, scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-page"

#include "config.h"

#include "cwb-agreement-matrix.h"
#include "cwb-agreement-page-private.h"
#include "cwb-agreement-signature-dialog.h"

/* ------------------------------------------------------- matrix row items */

/* One row of the signature matrix, an item of the column view's model. */
#define CWB_TYPE_AGREEMENT_SIGNATORY (cwb_agreement_signatory_get_type ())
G_DECLARE_FINAL_TYPE (CwbAgreementSignatory, cwb_agreement_signatory, CWB, AGREEMENT_SIGNATORY, GObject)

struct _CwbAgreementSignatory
{
  GObject                parent_instance;
  CwbAgreementMatrixRow *row;   /* owned */
};

G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementSignatory, cwb_agreement_signatory, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL, {})

static void
cwb_agreement_signatory_finalize (GObject *object)
{
  CwbAgreementSignatory *self = CWB_AGREEMENT_SIGNATORY (object);

  g_clear_pointer (&self->row, cwb_agreement_matrix_row_free);

  G_OBJECT_CLASS (cwb_agreement_signatory_parent_class)->finalize (object);
}

static void
cwb_agreement_signatory_class_init (CwbAgreementSignatoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cwb_agreement_signatory_finalize;
}

static void
cwb_agreement_signatory_class_finalize (CwbAgreementSignatoryClass *klass)
{
}

static void
cwb_agreement_signatory_init (CwbAgreementSignatory *self)
{
}

static CwbAgreementSignatory *
cwb_agreement_signatory_new (CwbAgreementMatrixRow *row)
{
  CwbAgreementSignatory *self = g_object_new (CWB_TYPE_AGREEMENT_SIGNATORY, NULL);

  self->row = row;
  return self;
}

/* ---------------------------------------------------------------- matrix */

void
_cwb_agreement_page_update_matrix (CwbAgreementPage *self)
{
  g_autoptr(GPtrArray) rows = cwb_agreement_matrix_build_rows (self->agreement, self->consortium);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_complete = 0, n_members = 0;
  g_autofree char *summary = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      CwbAgreementMatrixRow *row = g_ptr_array_index (rows, i);

      if (row->is_member)
        {
          n_members++;
          if (row->legal_rep_signed && row->sealed)
            n_complete++;
        }
      g_ptr_array_add (items, cwb_agreement_signatory_new (row));
      rows->pdata[i] = NULL;
    }
  g_ptr_array_set_free_func (rows, NULL);

  g_list_store_splice (self->matrix_rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matrix_rows)),
                       items->pdata, items->len);

  if (!cwb_agreement_get_frozen (self->agreement))
    summary = g_strdup (_("The text is a draft: signatures and seals are recorded once it is frozen. The legal representatives’ names can be entered now."));
  else
    /* Translators: e.g. "8 of 11 members have signed and sealed" */
    summary = g_strdup_printf (ngettext ("%u of %u member has signed and sealed.",
                                         "%u of %u members have signed and sealed.", n_members),
                               n_complete, n_members);
  gtk_label_set_label (self->signatories_label, summary);
  gtk_column_view_column_set_visible (self->edit_column, _cwb_agreement_page_can_edit (self));
}

typedef enum {
  COLUMN_NAME,
  COLUMN_LEGAL_REP,
  COLUMN_SIGNED,
  COLUMN_SEALED,
  COLUMN_SCAN,
  COLUMN_EDIT,
} MatrixColumn;

static void
matrix_cell_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  MatrixColumn column = GPOINTER_TO_INT (user_data);

  if (column == COLUMN_EDIT)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Edit the signature record"));
      /* the target is the row's USCC, set when bound */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.edit-signature");
      gtk_list_item_set_child (item, button);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_list_item_set_child (item, label);
    }
}

static void
set_cell (GtkWidget  *label,
          const char *text,
          const char *css_class,
          const char *tooltip)
{
  static const char *classes[] = { "error", "warning", "dim-label", "success" };

  gtk_label_set_label (GTK_LABEL (label), text);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
matrix_cell_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  MatrixColumn column = GPOINTER_TO_INT (user_data);
  CwbAgreementSignatory *signatory = gtk_list_item_get_item (item);
  const CwbAgreementMatrixRow *row = signatory->row;
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (column)
    {
    case COLUMN_NAME:
      if (!row->is_member)
        {
          /* Translators: a signature of a unit that has left, by its credit code */
          g_autofree char *text = g_strdup_printf (_("%s (no longer a member)"), row->uscc);
          set_cell (child, text, "warning", _("This unit left the consortium after the text was frozen; its signature does not count."));
        }
      else if (!row->has_record)
        {
          g_autofree char *text = g_strdup_printf (_("%s (joined after freezing)"), row->name);
          set_cell (child, text, "warning", _("This member joined after the text was frozen and has no signature record yet."));
        }
      else
        set_cell (child, row->name, NULL, row->uscc);
      break;

    case COLUMN_LEGAL_REP:
      if (row->legal_rep != NULL && *row->legal_rep != '\0')
        set_cell (child, row->legal_rep, NULL, NULL);
      else
        set_cell (child, _("Not entered"), "dim-label", NULL);
      break;

    case COLUMN_SIGNED:
      if (row->legal_rep_signed)
        set_cell (child, row->signed_date ? row->signed_date : _("Yes"), NULL, NULL);
      else
        set_cell (child, _("Not signed"), row->is_member ? "error" : "dim-label", NULL);
      break;

    case COLUMN_SEALED:
      if (row->sealed)
        set_cell (child, row->sealed_date ? row->sealed_date : _("Yes"), NULL, NULL);
      else
        set_cell (child, _("Not sealed"), row->is_member ? "error" : "dim-label", NULL);
      break;

    case COLUMN_SCAN:
      if (row->scan_sha256 != NULL)
        {
          g_autofree char *shortened = g_strndup (row->scan_sha256, 12);
          /* Translators: a scan's SHA-256 shortened, e.g. "SHA-256 3f2a9c01b7d4…" */
          g_autofree char *text = g_strdup_printf (_("SHA-256 %s…"), shortened);
          /* Translators: the tooltip: the scan's file name and its full SHA-256 */
          g_autofree char *tooltip = g_strdup_printf (_("%s\nSHA-256: %s"), row->scan_name ? row->scan_name : "", row->scan_sha256);
          set_cell (child, text, NULL, tooltip);
        }
      else
        set_cell (child, _("No scan"), "dim-label", NULL);
      break;

    case COLUMN_EDIT:
      gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", row->uscc);
      gtk_widget_set_sensitive (child, row->is_member);
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_strings (const char *a,
                 const char *b)
{
  /* the empty ones (missing) first */
  if ((a == NULL || *a == '\0') != (b == NULL || *b == '\0'))
    return (a == NULL || *a == '\0') ? -1 : 1;
  return g_utf8_collate (a ? a : "", b ? b : "");
}

static int
matrix_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const CwbAgreementMatrixRow *ra = ((CwbAgreementSignatory *) a)->row;
  const CwbAgreementMatrixRow *rb = ((CwbAgreementSignatory *) b)->row;
  int result = 0;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      result = g_utf8_collate (ra->name, rb->name);
      break;
    case COLUMN_LEGAL_REP:
      result = compare_strings (ra->legal_rep, rb->legal_rep);
      break;
    case COLUMN_SIGNED:
      result = compare_strings (ra->signed_date, rb->signed_date);
      break;
    case COLUMN_SEALED:
      result = compare_strings (ra->sealed_date, rb->sealed_date);
      break;
    case COLUMN_SCAN:
      result = compare_strings (ra->scan_sha256, rb->scan_sha256);
      break;
    default:
      g_assert_not_reached ();
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkColumnViewColumn *
add_matrix_column (CwbAgreementPage *self,
                   const char       *title,
                   MatrixColumn      column,
                   gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (matrix_cell_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (matrix_cell_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (column != COLUMN_EDIT)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (matrix_compare_cb, GINT_TO_POINTER (column), NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (self->matrix_view, view_column);
  g_object_unref (view_column);

  return view_column;
}

void
_cwb_agreement_page_build_matrix (CwbAgreementPage *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  self->matrix_rows = g_list_store_new (CWB_TYPE_AGREEMENT_SIGNATORY);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->matrix_rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->matrix_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->matrix_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  add_matrix_column (self, _("Member"), COLUMN_NAME, TRUE);
  add_matrix_column (self, _("Legal representative"), COLUMN_LEGAL_REP, FALSE);
  add_matrix_column (self, _("Signed"), COLUMN_SIGNED, FALSE);
  add_matrix_column (self, _("Sealed"), COLUMN_SEALED, FALSE);
  add_matrix_column (self, _("Scan"), COLUMN_SCAN, FALSE);
  self->edit_column = add_matrix_column (self, "", COLUMN_EDIT, FALSE);
}

/* ------------------------------------------------------------ signatures */

typedef struct
{
  const char *uscc;
  const char *legal_rep;
  gboolean    is_signed;
  const char *date;
  gboolean    sealed;
  const char *sealed_date;
} SignatureEdit;

static gboolean
signature_change (CwbAgreement *agreement,
                  gpointer      data,
                  GError      **error)
{
  SignatureEdit *edit = data;
  const char *legal_rep = edit->legal_rep;
  g_autofree char *trimmed = legal_rep ? g_strstrip (g_strdup (legal_rep)) : NULL;

  return cwb_agreement_set_legal_rep (agreement, edit->uscc, trimmed && *trimmed ? trimmed : NULL, error) &&
         cwb_agreement_set_signed (agreement, edit->uscc, edit->is_signed,
                                   edit->is_signed ? edit->date : NULL, error) &&
         cwb_agreement_set_sealed (agreement, edit->uscc, edit->sealed,
                                   edit->sealed ? edit->sealed_date : NULL, error);
}

static void
set_signature_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  SignatureEdit edit;

  g_variant_get (parameter, "(&s&sb&sb&s)", &edit.uscc, &edit.legal_rep, &edit.is_signed,
                 &edit.date, &edit.sealed, &edit.sealed_date);
  _cwb_agreement_page_apply_change (self, signature_change, &edit);
}

static void
signature_dialog_response_cb (CwbAgreementSignatureDialog *dialog,
                              const char                  *response,
                              CwbAgreementPage            *self)
{
  const char *uscc = cwb_agreement_signature_dialog_get_uscc (dialog);
  g_autofree char *signed_date = NULL;
  g_autofree char *sealed_date = NULL;

  if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "scan") != 0)
    return;

  signed_date = cwb_agreement_signature_dialog_dup_signed_date (dialog);
  sealed_date = cwb_agreement_signature_dialog_dup_sealed_date (dialog);
  gtk_widget_activate_action (GTK_WIDGET (self), "agreement.set-signature", "(ssbsbs)",
                              uscc, cwb_agreement_signature_dialog_get_legal_rep (dialog),
                              cwb_agreement_signature_dialog_get_signed (dialog), signed_date,
                              cwb_agreement_signature_dialog_get_sealed (dialog), sealed_date);

  if (g_strcmp0 (response, "scan") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "agreement.attach-scan", "s", uscc);
}

static void
edit_signature_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  const char *uscc = g_variant_get_string (parameter, NULL);
  g_autofree char *today = NULL;
  GtkWidget *dialog;

  if (!_cwb_agreement_page_can_edit (self))
    return;

  today = _cwb_agreement_page_dup_today (self);
  dialog = cwb_agreement_signature_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                               _cwb_agreement_page_member_name (self, uscc), uscc,
                                               cwb_agreement_lookup_signature (self->agreement, uscc),
                                               cwb_agreement_get_frozen (self->agreement), today);
  g_signal_connect_object (dialog, "response", G_CALLBACK (signature_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Scans: read in a thread-free async load, checked and stored by the model. */

typedef struct
{
  GWeakRef  page;
  char     *uscc;
  gint64    consortium_id;
  char     *name;
} ScanLoad;

static void
scan_load_free (ScanLoad *load)
{
  g_weak_ref_clear (&load->page);
  g_free (load->uscc);
  g_free (load->name);
  g_free (load);
}

typedef struct
{
  const char       *uscc;
  CwbAgreementScan *scan;
} ScanEdit;

static gboolean
scan_change (CwbAgreement *agreement,
             gpointer      data,
             GError      **error)
{
  ScanEdit *edit = data;

  cwb_agreement_set_scan (agreement, edit->uscc, edit->scan);
  return TRUE;
}

static void
scan_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScanLoad *load = user_data;
  g_autoptr(CwbAgreementPage) self = g_weak_ref_get (&load->page);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreementScan) scan = NULL;
  ScanEdit edit;

  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  if (self == NULL || self->consortium_id != load->consortium_id || !_cwb_agreement_page_can_edit (self))
    {
      scan_load_free (load);
      return;
    }

  if (bytes == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      scan_load_free (load);
      return;
    }

  scan = cwb_agreement_store_scan (_cwb_agreement_page_get_store (self), load->consortium_id, load->uscc,
                                   load->name, bytes, &error);
  if (scan == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      scan_load_free (load);
      return;
    }

  edit.uscc = load->uscc;
  edit.scan = scan;
  if (_cwb_agreement_page_apply_change (self, scan_change, &edit))
    {
      g_autofree char *shortened = g_strndup (scan->sha256, 12);
      /* Translators: a member's name, then the scan's shortened SHA-256 */
      g_autofree char *message = g_strdup_printf (_("Scan attached for %s (SHA-256 %s…)."),
                                                  _cwb_agreement_page_member_name (self, load->uscc), shortened);
      _cwb_agreement_page_show_message (self, message);
    }
  scan_load_free (load);
}

/* Reads @file and attaches it as @uscc's scan; too large a file is refused
 * before it is read. */
static void
attach_scan_file (CwbAgreementPage *self,
                  const char       *uscc,
                  GFile            *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  ScanLoad *load;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      _cwb_agreement_page_show_message (self, error->message);
      return;
    }
  if (g_file_info_get_size (info) > CWB_AGREEMENT_SCAN_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      /* Translators: a file name and its size */
      g_autofree char *message = g_strdup_printf (_("“%s” is %s; a scan may be at most 20 MB. Scan the page at a lower resolution."),
                                                  name, size);
      _cwb_agreement_page_show_message (self, message);
      return;
    }

  load = g_new0 (ScanLoad, 1);
  g_weak_ref_init (&load->page, self);
  load->uscc = g_strdup (uscc);
  load->consortium_id = self->consortium_id;
  load->name = g_steal_pointer (&name);
  g_file_load_bytes_async (file, NULL, scan_loaded_cb, load);
}

static void
scan_chooser_response_cb (GtkNativeDialog  *chooser,
                          int               response,
                          CwbAgreementPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *uscc = g_object_get_data (G_OBJECT (chooser), "cwb-uscc");

      if (file != NULL)
        attach_scan_file (self, uscc, file);
    }
  g_object_unref (chooser);
}

static void
attach_scan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbAgreementPage *self = CWB_AGREEMENT_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!_cwb_agreement_page_can_edit (self))
    return;

  gtk_file_filter_set_name (filter, _("PDF or image"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");

  chooser = gtk_file_chooser_native_new (_("Attach the Signed and Sealed Page"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "cwb-uscc", g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (scan_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --------------------------------------------------------------- set-up */

/* Called by _cwb_agreement_page_register_type(). */
void
_cwb_agreement_signatory_register_type (GTypeModule *module)
{
  cwb_agreement_signatory_register_type (module);
}

void
_cwb_agreement_page_class_init_signatures (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "agreement.edit-signature", "s", edit_signature_action);
  gtk_widget_class_install_action (widget_class, "agreement.set-signature", "(ssbsbs)", set_signature_action);
  gtk_widget_class_install_action (widget_class, "agreement.attach-scan", "s", attach_scan_action);
}
