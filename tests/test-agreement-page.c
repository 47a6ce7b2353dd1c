/* test-agreement-page.c — the agreement plugin's page, with real plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-agreement-page"

#include "config.h"

#include <adwaita.h>
#include <cwb.h>
#include <cwb-ui.h>
#include <zip.h>

#include "agreement-shipped-items.h"
#include "cwb-agreement.h"
#include "cwb-agreement-diff.h"
#include "cwb-agreement-library.h"
#include "cwb-agreement-matrix.h"
#include "cwb-test-utils.h"

#define DEEP_SEA "海南省深海装备创新联合体"

typedef struct
{
  CwbTestPage    t;
  gint64         id;
  guint          reload_source;
  gulong         changed_handler;
} Fixture;

/* Like the window: after a write to the store, the current consortium is
 * reloaded and set on the context again (in an idle). */
static gboolean
reload_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(CwbConsortium) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  fixture->reload_source = 0;
  if (fixture->id == 0)
    return G_SOURCE_REMOVE;

  reloaded = cwb_store_load_consortium (fixture->t.store, fixture->id, &error);
  g_assert_no_error (error);
  cwb_context_set_consortium (fixture->t.context, reloaded);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CwbStore *store,
                  int       kind,
                  gint64    consortium_id,
                  Fixture  *fixture)
{
  if (fixture->id != 0 && consortium_id == fixture->id && fixture->reload_source == 0)
    fixture->reload_source = g_idle_add (reload_cb, fixture);
}

static void
create_page (Fixture *fixture)
{
  cwb_test_page_show (&fixture->t, "agreement", 1000, 700);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 2, 10, 0, 0);

  cwb_test_page_set_up (&fixture->t, now);
  fixture->changed_handler = g_signal_connect (fixture->t.store, "changed",
                                               G_CALLBACK (store_changed_cb), fixture);

  create_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cwb_test_page_close (&fixture->t);
  cwb_test_drain ();
  g_clear_handle_id (&fixture->reload_source, g_source_remove);
  g_clear_signal_handler (&fixture->changed_handler, fixture->t.store);
  cwb_test_page_tear_down (&fixture->t);
}

static CwbAgreement *
page_agreement (Fixture *fixture)
{
  CwbAgreement *agreement = NULL;

  g_object_get (fixture->t.page, "agreement", &agreement, NULL);
  if (agreement != NULL)
    g_object_unref (agreement);   /* the page keeps it */
  return agreement;
}

static CwbAgreementState
page_state (Fixture *fixture)
{
  int state = -1;

  g_object_get (fixture->t.page, "state", &state, NULL);
  return state;
}

static char *
page_state_text (Fixture *fixture)
{
  char *text = NULL;

  g_object_get (fixture->t.page, "state-text", &text, NULL);
  return text;
}

/* The stored agreement of the fixture's consortium. */
static CwbAgreement *
stored_agreement (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CwbAgreement *agreement = cwb_agreement_load (fixture->t.store, fixture->id, &error);

  g_assert_no_error (error);
  return agreement;
}

/* Imports the example (with @agreement as its section, or the file's when
 * @keep) and shows it. */
static CwbConsortium *
import_and_show (Fixture    *fixture,
                 const char *name,
                 gboolean    keep)
{
  g_autoptr(CwbConsortium) file = cwb_test_load_example (name);
  g_autoptr(GError) error = NULL;
  CwbConsortium *loaded;

  if (!keep)
    cwb_consortium_set_section (file, "agreement", NULL);

  g_assert_true (cwb_store_import_consortium (fixture->t.store, file, FALSE, &error));
  g_assert_no_error (error);
  fixture->id = cwb_consortium_get_id (file);
  loaded = cwb_store_load_consortium (fixture->t.store, fixture->id, &error);
  g_assert_no_error (error);

  cwb_context_set_consortium (fixture->t.context, loaded);
  CWB_TEST_WAIT_FOR (page_agreement (fixture) != NULL);
  cwb_test_drain ();

  return loaded;
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *format,
          ...)
{
  va_list args;
  GVariant *parameter = NULL;

  g_assert_true (gtk_widget_is_sensitive (fixture->t.page));
  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (fixture->t.page, action, parameter));
}

static void
collect_text_views (GtkWidget *widget,
                    GPtrArray *views)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (views, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text_views (child, views);
}

/* The editor of @item (the nine editors come first, in order). */
static GtkTextView *
item_text_view (Fixture          *fixture,
                CwbAgreementItem  item)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect_text_views (fixture->t.page, views);
  g_assert_cmpuint (views->len, ==, SHIPPED_N_ITEMS + 1);   /* and the comparison */
  return g_ptr_array_index (views, item);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static gboolean
stored_text_is (Fixture          *fixture,
                CwbAgreementItem  item,
                const char       *text)
{
  g_autoptr(CwbAgreement) agreement = stored_agreement (fixture);

  return g_strcmp0 (cwb_agreement_get_text (agreement, item), text) == 0;
}

/* Drafts all nine items from the first shipped model clause of each. */
static void
draft_from_model_clauses (Fixture *fixture)
{
  for (guint i = 0; i < SHIPPED_N_ITEMS; i++)
    {
      g_autoptr(GPtrArray) clauses = cwb_agreement_library_list_shipped (i);
      const CwbAgreementClause *clause;
      g_autofree char *shown = NULL;

      g_assert_cmpuint (clauses->len, >=, 2);
      clause = g_ptr_array_index (clauses, 0);
      activate (fixture, "agreement.insert-clause", "(ss)", cwb_agreement_item_to_key (i), clause->id);
      shown = text_view_text (item_text_view (fixture, i));
      g_assert_cmpstr (shown, ==, clause->text);
      /* written through at once */
      g_assert_true (stored_text_is (fixture, i, clause->text));
    }
  cwb_test_drain ();
}

static void
sign_and_seal_all (Fixture       *fixture,
                   CwbConsortium *consortium)
{
  const GPtrArray *members = cwb_consortium_get_members (consortium);

  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);
      g_autofree char *rep = g_strdup_printf ("代表%u", i);

      activate (fixture, "agreement.set-signature", "(ssbsbs)", cwb_member_get_uscc (member),
                rep, TRUE, "2026-04-01", TRUE, i == members->len - 1 ? "2026-04-02" : "2026-04-01");
    }
  cwb_test_drain ();
}

static void
collect_editables (GtkWidget *widget,
                   GType      type,
                   GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      g_ptr_array_add (found, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_editables (child, type, found);
}

/* The widgets of @type in the dialog's extra child, in order. */
static GPtrArray *
dialog_widgets (AdwMessageDialog *dialog,
                GType             type)
{
  GPtrArray *found = g_ptr_array_new ();

  g_assert_nonnull (adw_message_dialog_get_extra_child (dialog));
  collect_editables (adw_message_dialog_get_extra_child (dialog), type, found);
  return found;
}

/* With CWB_TEST_SCREENSHOT_DIR set, a PNG of @window (a dialog, the page's) as shown, to look at
 * (build-aux: compare before and after a change to its layout). */
static void
save_screenshot (gpointer    window,
                 const char *name)
{
  const char *dir = g_getenv ("CWB_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  cwb_test_spin_for (500);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("%s: %d × %d", path, width, height);
}

/* ------------------------------------------------------------------ tests */

static void
test_area (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CwbArea) area = cwb_test_find_area (fixture->t.engine, "agreement");
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

  g_assert_cmpstr (cwb_area_get_id (area), ==, "agreement");
  g_assert_cmpstr (cwb_area_get_title (area), ==, "Formation Agreement");
  g_assert_true (gtk_icon_theme_has_icon (theme, cwb_area_get_icon_name (area)));
  g_assert_cmpint (cwb_area_get_priority (area), ==, 20);
  g_assert_cmpint (cwb_area_get_scope (area), ==, CWB_AREA_SCOPE_CONSORTIUM);

  /* no consortium: nothing shown */
  g_assert_null (page_agreement (fixture));
  g_assert_null (page_state_text (fixture));
}

static void
test_deep_sea_effective (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", TRUE);
  g_autofree char *text = page_state_text (fixture);
  g_autofree char *date = cwb_format_date ("2026-03-01");

  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_EFFECTIVE);
  g_assert_true (g_str_has_prefix (text, cwb_agreement_state_get_label (CWB_AGREEMENT_STATE_EFFECTIVE)));
  g_assert_nonnull (strstr (text, date));

  /* frozen: the text is not editable and there is nothing to freeze */
  g_assert_false (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));
  gtk_widget_activate_action (fixture->t.page, "agreement.freeze", NULL);
  cwb_test_drain ();
  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_EFFECTIVE);

  /* and no selection: empty again */
  cwb_context_set_consortium (fixture->t.context, NULL);
  CWB_TEST_WAIT_FOR (page_agreement (fixture) == NULL);
}

static void
test_draft_freeze_sign (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", FALSE);
  g_autoptr(CwbAgreement) stored = NULL;
  g_autofree char *text = NULL;
  g_autofree char *effective = NULL;

  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_DRAFT);
  g_assert_true (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));

  /* freezing an incomplete draft is refused and changes nothing */
  activate (fixture, "agreement.freeze", NULL);
  cwb_test_drain ();
  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_DRAFT);
  stored = stored_agreement (fixture);
  g_assert_false (cwb_agreement_get_frozen (stored));
  g_clear_object (&stored);

  draft_from_model_clauses (fixture);
  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_DRAFT);

  activate (fixture, "agreement.freeze", NULL);
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_PENDING);
  stored = stored_agreement (fixture);
  g_assert_true (cwb_agreement_get_frozen (stored));
  g_assert_cmpuint (cwb_agreement_get_versions (stored)->len, ==, 1);
  g_assert_cmpstr (((CwbAgreementVersion *) g_ptr_array_index (cwb_agreement_get_versions (stored), 0))->date,
                   ==, "2026-04-02");
  g_clear_object (&stored);
  g_assert_false (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));

  /* a bad date is refused with the model's message and changes nothing */
  activate (fixture, "agreement.set-signature", "(ssbsbs)", "91460100000000118U",
            "张三", TRUE, "2026-02-30", FALSE, "");
  cwb_test_drain ();
  stored = stored_agreement (fixture);
  g_assert_null (cwb_agreement_lookup_signature (stored, "91460100000000118U"));
  g_clear_object (&stored);

  sign_and_seal_all (fixture, consortium);
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_EFFECTIVE);
  text = page_state_text (fixture);
  effective = cwb_format_date ("2026-04-02");
  g_assert_nonnull (strstr (text, effective));

  stored = stored_agreement (fixture);
  g_assert_cmpstr (cwb_agreement_lookup_signature (stored, "91460100000000118U")->legal_rep, ==, "代表0");
}

static void
test_edit_after_freeze (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", FALSE);
  CwbMember *first = g_ptr_array_index (cwb_consortium_get_members (consortium), 0);
  g_autoptr(CwbAgreement) stored = NULL;
  AdwMessageDialog *dialog;
  const CwbAgreementSignature *signature;

  draft_from_model_clauses (fixture);
  activate (fixture, "agreement.freeze", NULL);
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_PENDING);
  sign_and_seal_all (fixture, consortium);
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_EFFECTIVE);

  /* asked first; cancelling changes nothing */
  activate (fixture, "agreement.edit-text", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("reopen") != NULL);
  dialog = cwb_test_find_dialog ("reopen");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), cwb_member_get_name (first)));
  cwb_test_respond (dialog, "cancel");
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("reopen") == NULL);
  cwb_test_drain ();
  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_EFFECTIVE);

  /* confirmed: a new draft, every signature cleared, the text kept as a version */
  activate (fixture, "agreement.edit-text", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("reopen") != NULL);
  cwb_test_respond (cwb_test_find_dialog ("reopen"), "reopen");
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_DRAFT);

  stored = stored_agreement (fixture);
  g_assert_false (cwb_agreement_get_frozen (stored));
  signature = cwb_agreement_lookup_signature (stored, cwb_member_get_uscc (first));
  g_assert_nonnull (signature);
  g_assert_false (signature->legal_rep_signed);
  g_assert_false (signature->sealed);
  g_assert_cmpstr (signature->legal_rep, ==, "代表0");
  g_assert_cmpuint (cwb_agreement_get_versions (stored)->len, ==, 1);
  g_assert_true (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));

  /* replacing a written text with a model clause asks first */
  {
    g_autoptr(GPtrArray) clauses = cwb_agreement_library_list_shipped (SHIPPED_ITEM_GOALS);
    const CwbAgreementClause *second = g_ptr_array_index (clauses, 1);

    activate (fixture, "agreement.insert-clause", "(ss)", "goals", second->id);
    CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("replace") != NULL);
    cwb_test_respond (cwb_test_find_dialog ("replace"), "replace");
    CWB_TEST_WAIT_FOR (stored_text_is (fixture, SHIPPED_ITEM_GOALS, second->text));
  }
}

static void
test_typing_is_saved (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", FALSE);
  GtkTextView *view = item_text_view (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  /* saved after a pause in typing; the host's reload does not undo it */
  gtk_text_buffer_insert_at_cursor (buffer, "争议提交海口仲裁委员会仲裁。", -1);
  g_assert_false (stored_text_is (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION, "争议提交海口仲裁委员会仲裁。"));
  CWB_TEST_WAIT_FOR (stored_text_is (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION, "争议提交海口仲裁委员会仲裁。"));
  cwb_test_spin_for (100);
  {
    g_autofree char *shown = text_view_text (view);
    g_assert_cmpstr (shown, ==, "争议提交海口仲裁委员会仲裁。");
  }

  /* typed and the window closed at once: written, not lost */
  gtk_text_buffer_insert_at_cursor (buffer, "仲裁裁决是终局的。", -1);
  cwb_test_page_close (&fixture->t);
  g_assert_true (stored_text_is (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION,
                                 "争议提交海口仲裁委员会仲裁。仲裁裁决是终局的。"));
}

/* The typing is autosaved while another change holds the database and
 * runs the main loop (an expert import redrawing its progress): the write
 * is refused rather than taken into that change, which is then cancelled;
 * the page keeps the text and writes it once the database is free. */
static gboolean
typing_during_change_cb (CwbStore  *store,
                         gpointer   user_data,
                         GError   **error)
{
  Fixture *fixture = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (item_text_view (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION));

  gtk_text_buffer_insert_at_cursor (buffer, "争议提交海口仲裁委员会仲裁。", -1);
  cwb_test_spin_for (1000);   /* past the autosave delay */

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, "cancelled by the user");
  return FALSE;
}

static void
test_typing_during_other_change (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (cwb_store_run_in_transaction (fixture->t.store, typing_during_change_cb, fixture, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_false (stored_text_is (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION, "争议提交海口仲裁委员会仲裁。"));

  /* written again once the database is free, and still shown */
  CWB_TEST_WAIT_FOR (stored_text_is (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION, "争议提交海口仲裁委员会仲裁。"));
  cwb_test_spin_for (100);
  {
    g_autofree char *shown = text_view_text (item_text_view (fixture, SHIPPED_ITEM_DISPUTE_RESOLUTION));

    g_assert_cmpstr (shown, ==, "争议提交海口仲裁委员会仲裁。");
  }
}

static void
test_authority_reads (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", FALSE);
  g_autoptr(CwbAgreement) stored = NULL;
  g_autoptr(GPtrArray) clauses = cwb_agreement_library_list_shipped (SHIPPED_ITEM_GOALS);

  cwb_context_set_role (fixture->t.context, CWB_ROLE_AUTHORITY);
  cwb_test_drain ();

  g_assert_cmpint (page_state (fixture), ==, CWB_AGREEMENT_STATE_DRAFT);
  g_assert_false (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));
  /* the drafting actions are off */
  gtk_widget_activate_action (fixture->t.page, "agreement.insert-clause", "(ss)", "goals",
                              ((CwbAgreementClause *) g_ptr_array_index (clauses, 0))->id);
  gtk_widget_activate_action (fixture->t.page, "agreement.freeze", NULL);
  cwb_test_drain ();
  stored = stored_agreement (fixture);
  g_assert_null (cwb_agreement_get_text (stored, SHIPPED_ITEM_GOALS));
  g_assert_false (cwb_agreement_get_frozen (stored));

  cwb_context_set_role (fixture->t.context, CWB_ROLE_LEAD);
  cwb_test_drain ();
  g_assert_true (gtk_text_view_get_editable (item_text_view (fixture, SHIPPED_ITEM_GOALS)));
}

/* The names in the sheet's own XML of an XLSX at @path. */
static char *
read_sheet_xml (const char *path)
{
  int err = 0;
  zip_t *archive = zip_open (path, ZIP_RDONLY, &err);
  zip_stat_t stat;
  zip_file_t *file;
  char *xml;

  g_assert_nonnull (archive);
  g_assert_cmpint (zip_stat (archive, "xl/worksheets/sheet1.xml", 0, &stat), ==, 0);
  file = zip_fopen (archive, "xl/worksheets/sheet1.xml", 0);
  g_assert_nonnull (file);
  xml = g_malloc0 (stat.size + 1);
  g_assert_cmpint (zip_fread (file, xml, stat.size), ==, (zip_int64_t) stat.size);
  zip_fclose (file);
  zip_close (archive);

  return xml;
}

static void
test_matrix_xlsx (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", TRUE);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "matrix.xlsx", NULL);
  g_autofree char *xml = NULL;
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (g_get_user_cache_dir (), "no-such-dir", "m.xlsx", NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  activate (fixture, "agreement.export-matrix-to", "s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  xml = read_sheet_xml (path);
  for (guint i = 0; i < members->len; i++)
    g_assert_nonnull (strstr (xml, cwb_member_get_name (g_ptr_array_index (members, i))));
  g_assert_nonnull (strstr (xml, "2026-03-01"));

  /* headless, and a path that cannot be written is an error */
  {
    g_autoptr(CwbAgreement) agreement = stored_agreement (fixture);

    g_assert_false (cwb_agreement_matrix_write_xlsx (agreement, consortium, bad, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  }
}

/* Printing goes through GtkPrintOperation with the documents' page layout;
 * exported instead of sent to a printer, the pages carry the agreement. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", TRUE);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  activate (fixture, "agreement.print-to", "s", path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  /* the title (in the test's C locale the words around the name are
   * English), then every party with its credit code */
  g_assert_nonnull (strstr (text, DEEP_SEA));
  for (guint i = 0; i < cwb_consortium_get_members (consortium)->len; i++)
    {
      CwbMember *member = g_ptr_array_index (cwb_consortium_get_members (consortium), i);

      g_assert_nonnull (strstr (text, cwb_member_get_name (member)));
      g_assert_nonnull (strstr (text, cwb_member_get_uscc (member)));
    }
}

static void
test_matrix_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new_for_consortium (consortium, &error);
  g_autoptr(GPtrArray) rows = NULL;
  const GPtrArray *members = cwb_consortium_get_members (consortium);
  CwbMember *leaving = g_ptr_array_index (members, members->len - 1);
  g_autofree char *leaving_uscc = g_strdup (cwb_member_get_uscc (leaving));
  g_autoptr(CwbMember) joining = cwb_member_copy (g_ptr_array_index (members, 1));
  CwbAgreementMatrixRow *row;

  g_assert_no_error (error);
  /* one member leaves, one joins after freezing */
  cwb_consortium_remove_member (consortium, members->len - 1);
  cwb_member_set_uscc (joining, "91460000000000000X");
  cwb_member_set_name (joining, "新加入有限公司");
  cwb_consortium_add_member (consortium, joining);

  rows = cwb_agreement_matrix_build_rows (agreement, consortium);
  g_assert_cmpuint (rows->len, ==, members->len + 1);
  row = g_ptr_array_index (rows, members->len - 1);
  g_assert_cmpstr (row->name, ==, "新加入有限公司");
  g_assert_true (row->is_member);
  g_assert_false (row->has_record);
  g_assert_false (row->legal_rep_signed);
  row = g_ptr_array_index (rows, members->len);
  g_assert_cmpstr (row->uscc, ==, leaving_uscc);
  g_assert_false (row->is_member);
  g_assert_true (row->has_record);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->signed_date, ==, "2026-03-01");
  g_assert_cmpstr (row->sealed_date, ==, "2026-03-01");
}

typedef struct
{
  GString *same, *removed, *added, *marked;
} DiffCollect;

static void
diff_cb (CwbAgreementDiffOp  op,
         const char         *text,
         gsize               length,
         gpointer            user_data)
{
  DiffCollect *c = user_data;

  switch (op)
    {
    case CWB_AGREEMENT_DIFF_SAME:
      g_string_append_len (c->same, text, length);
      g_string_append_len (c->marked, text, length);
      break;
    case CWB_AGREEMENT_DIFF_REMOVED:
      g_string_append_len (c->removed, text, length);
      g_string_append (c->marked, "[-");
      g_string_append_len (c->marked, text, length);
      g_string_append (c->marked, "]");
      break;
    case CWB_AGREEMENT_DIFF_ADDED:
      g_string_append_len (c->added, text, length);
      g_string_append (c->marked, "[+");
      g_string_append_len (c->marked, text, length);
      g_string_append (c->marked, "]");
      break;
    }
}

static void
test_diff (void)
{
  static const struct {
    const char *old_text, *new_text, *marked;
  } cases[] = {
    { "甲方负责研发。", "甲方负责研发和测试。", "甲方负责研发[+和测试]。" },
    { "甲方负责研发和测试。", "甲方负责研发。", "甲方负责研发[-和测试]。" },
    { "收益按出资比例分配。", "收益按贡献比例分配。", "收益按[-出资][+贡献]比例分配。" },
    { NULL, "新条款", "[+新条款]" },
    { "旧条款", "", "[-旧条款]" },
    { "相同", "相同", "相同" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      DiffCollect c = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };

      cwb_agreement_diff (cases[i].old_text, cases[i].new_text, diff_cb, &c);
      g_assert_cmpstr (c.marked->str, ==, cases[i].marked);
      g_string_free (c.same, TRUE);
      g_string_free (c.removed, TRUE);
      g_string_free (c.added, TRUE);
      g_string_free (c.marked, TRUE);
    }
}

/* The dialogs: the signature of a member, and saving a text as my clause. */
static void
test_dialogs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = import_and_show (fixture, "deep-sea.consortium.json", TRUE);
  const char *lead = cwb_member_get_uscc (cwb_consortium_get_lead (consortium));
  g_autoptr(CwbAgreement) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) clauses = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gboolean found = FALSE;

  save_screenshot (gtk_widget_get_root (fixture->t.page), "page.png");

  /* a member's signature: its legal representative, signed and sealed
   * with their dates, the scan */
  activate (fixture, "agreement.edit-signature", "s", lead);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("signature") != NULL);
  dialog = cwb_test_find_dialog ("signature");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   cwb_member_get_name (cwb_consortium_get_lead (consortium)));
  g_assert_true (adw_message_dialog_has_response (dialog, "scan"));
  entries = dialog_widgets (dialog, GTK_TYPE_ENTRY);
  checks = dialog_widgets (dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpuint (checks->len, ==, 2);
  save_screenshot (dialog, "signature-dialog.png");
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "  李海 ");
  cwb_test_respond (dialog, "save");
  cwb_test_drain ();
  stored = stored_agreement (fixture);
  g_assert_cmpstr (cwb_agreement_lookup_signature (stored, lead)->legal_rep, ==, "李海");
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* the text of an item saved as my clause, with a title and a note */
  activate (fixture, "agreement.save-clause", "s", cwb_agreement_item_to_key (SHIPPED_ITEM_GOALS));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("save-clause") != NULL);
  dialog = cwb_test_find_dialog ("save-clause");
  entries = dialog_widgets (dialog, GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 2);
  save_screenshot (dialog, "save-clause-dialog.png");
  gtk_editable_set_text (g_ptr_array_index (entries, 0), "深海目标");
  gtk_editable_set_text (g_ptr_array_index (entries, 1), "装备类联合体");
  cwb_test_respond (dialog, "save");
  cwb_test_drain ();
  clauses = cwb_agreement_library_list (fixture->t.store, SHIPPED_ITEM_GOALS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clauses->len; i++)
    {
      const CwbAgreementClause *clause = g_ptr_array_index (clauses, i);

      if (g_strcmp0 (clause->title, "深海目标") == 0)
        {
          g_assert_cmpstr (clause->note, ==, "装备类联合体");
          g_assert_cmpstr (clause->text, ==, cwb_agreement_get_text (stored, SHIPPED_ITEM_GOALS));
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* the confirmations: making the frozen text a draft again, replacing a
   * text by a model clause */
  activate (fixture, "agreement.edit-text", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("reopen") != NULL);
  dialog = cwb_test_find_dialog ("reopen");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reopen"), ==, ADW_RESPONSE_DESTRUCTIVE);
  save_screenshot (dialog, "reopen-dialog.png");
  cwb_test_respond (dialog, "reopen");
  CWB_TEST_WAIT_FOR (page_state (fixture) == CWB_AGREEMENT_STATE_DRAFT);
  cwb_test_drain ();
  save_screenshot (gtk_widget_get_root (fixture->t.page), "page-draft.png");

  /* the first item's model clauses: its popover lists the library's */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    g_autoptr(GPtrArray) shipped = cwb_agreement_library_list_shipped (SHIPPED_ITEM_GOALS);
    GtkPopover *popover;
    GtkWidget *list;
    guint n_rows = 0;

    collect_editables (fixture->t.page, GTK_TYPE_MENU_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, >=, SHIPPED_N_ITEMS);
    gtk_menu_button_popup (g_ptr_array_index (buttons, 0));
    popover = gtk_menu_button_get_popover (g_ptr_array_index (buttons, 0));
    CWB_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_popover_get_child (popover)));
    if (GTK_IS_VIEWPORT (list))
      list = gtk_viewport_get_child (GTK_VIEWPORT (list));
    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_assert_cmpuint (n_rows, >=, shipped->len);
    gtk_popover_popdown (popover);
  }

  {
    g_autoptr(GPtrArray) shipped = cwb_agreement_library_list_shipped (SHIPPED_ITEM_GOALS);
    const CwbAgreementClause *other = g_ptr_array_index (shipped, 1);

    activate (fixture, "agreement.insert-clause", "(ss)",
              cwb_agreement_item_to_key (SHIPPED_ITEM_GOALS), other->id);
    CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("replace") != NULL);
    dialog = cwb_test_find_dialog ("replace");
    g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "replace"), ==, ADW_RESPONSE_DESTRUCTIVE);
    save_screenshot (dialog, "replace-dialog.png");
    cwb_test_respond (dialog, "cancel");
    cwb_test_drain ();
    g_assert_true (stored_text_is (fixture, SHIPPED_ITEM_GOALS,
                                   cwb_agreement_get_text (stored, SHIPPED_ITEM_GOALS)));
  }
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/agreement-page/area", test_area);
  ADD ("/agreement-page/deep-sea-effective", test_deep_sea_effective);
  ADD ("/agreement-page/draft-freeze-sign", test_draft_freeze_sign);
  ADD ("/agreement-page/edit-after-freeze", test_edit_after_freeze);
  ADD ("/agreement-page/typing-is-saved", test_typing_is_saved);
  ADD ("/agreement-page/typing-during-other-change", test_typing_during_other_change);
  ADD ("/agreement-page/authority-reads", test_authority_reads);
  ADD ("/agreement-page/matrix-xlsx", test_matrix_xlsx);
  ADD ("/agreement-page/matrix-rows", test_matrix_rows);
  ADD ("/agreement-page/print", test_print);
  ADD ("/agreement-page/dialogs", test_dialogs);
#undef ADD
  g_test_add_func ("/agreement-page/diff", test_diff);

  return g_test_run ();
}
