/* test-window.c — the application and its main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <sqlite3.h>
#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-application.h"
#include "cwb-application-private.h"
#include "cwb-preferences-window-private.h"
#include "cwb-test-utils.h"
#include "cwb-window-private.h"
#include "cwb-window.h"

#define DEEP_SEA "海南省深海装备创新联合体"
#define SEED "海南省热带种业创新联合体"

typedef struct
{
  char           *dir;
  CwbApplication *app;
  CwbWindow      *window;
} Fixture;

static CwbStore *
get_store (Fixture *fixture)
{
  return cwb_context_get_store (cwb_application_get_context (fixture->app));
}

static guint
n_stored (Fixture *fixture)
{
  return cwb_store_count_consortia (get_store (fixture), NULL);
}

static const char *
current_name (Fixture *fixture)
{
  CwbConsortium *c = cwb_context_get_consortium (cwb_application_get_context (fixture->app));

  return c != NULL ? cwb_consortium_get_name (c) : NULL;
}

static void
import_and_wait (Fixture    *fixture,
                 const char *file_name,
                 const char *name)
{
  g_autoptr(GFile) file = cwb_test_example_file (file_name);

  cwb_window_import_file (fixture->window, file);
  CWB_TEST_WAIT_FOR (g_strcmp0 (current_name (fixture), name) == 0);
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  /* The memory backend lives as long as the process. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("CWB_DATA_DIR", fixture->dir, TRUE);
  reset_settings ();

  fixture->app = cwb_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = NULL;

  g_assert_finalize_object (fixture->app);

  db = g_build_filename (fixture->dir, "workbench.db", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  cwb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_unsetenv ("CWB_DATA_DIR");
}

typedef void (*TestBody) (Fixture *fixture);

static void
app_activated_cb (GApplication *app,
                  Fixture      *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  TestBody body = g_object_get_data (G_OBJECT (app), "test-body");

  /* The application opened its window in its own activate handler. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CWB_IS_WINDOW (l->data))
      fixture->window = l->data;
  g_assert_nonnull (fixture->window);
  g_assert_nonnull (cwb_application_get_context (fixture->app));
  CWB_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));

  body (fixture);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  fixture->window = NULL;
  g_application_quit (app);
}

/* Runs @body inside g_application_run(), once the window is shown; the
 * application starts up and shuts down as it does for a user. */
static void
run_in_app (Fixture  *fixture,
            TestBody  body)
{
  char *argv[] = { (char *) "consortium-workbench", NULL };
  int status;

  g_object_set_data (G_OBJECT (fixture->app), "test-body", body);
  g_signal_connect_after (fixture->app, "activate", G_CALLBACK (app_activated_cb), fixture);
  status = g_application_run (G_APPLICATION (fixture->app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (fixture->window);
}

static void
test_startup_empty (Fixture *fixture)
{
  CwbContext *context = cwb_application_get_context (fixture->app);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (cwb_application_get_engine (fixture->app));
  g_assert_true (cwb_context_get_engine (context) == cwb_application_get_engine (fixture->app));
  g_assert_null (cwb_context_get_consortium (context));

  /* The list is filled after the window is shown; then the empty state. */
  CWB_TEST_WAIT_FOR (g_strcmp0 (_cwb_window_get_visible_content (fixture->window), "empty") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (_cwb_window_get_consortia_model (fixture->window)), ==, 0);

  /* The editor is about one consortium: not available, and not built. */
  g_assert_true (_cwb_window_has_page (fixture->window, "consortium"));
  g_assert_false (_cwb_window_is_page_sensitive (fixture->window, "consortium"));

  /* The role follows the setting. */
  g_assert_cmpint (cwb_context_get_role (context), ==, CWB_ROLE_LEAD);
  g_settings_set_string (cwb_application_get_settings (fixture->app), "role", "authority");
  g_assert_cmpint (cwb_context_get_role (context), ==, CWB_ROLE_AUTHORITY);
}

static void
test_import_selects (Fixture *fixture)
{
  CwbStore *store = get_store (fixture);
  CwbConsortium *current;
  GListModel *model;
  g_autoptr(CwbConsortium) item = NULL;

  CWB_TEST_WAIT_FOR (g_strcmp0 (_cwb_window_get_visible_content (fixture->window), "empty") == 0);

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);

  current = cwb_context_get_consortium (cwb_application_get_context (fixture->app));
  g_assert_cmpint (cwb_consortium_get_id (current), ==, cwb_store_lookup_consortium (store, DEEP_SEA));
  g_assert_cmpuint (cwb_consortium_get_n_members (current), >, 0);
  g_assert_nonnull (cwb_consortium_get_lead (current));
  g_assert_cmpuint (n_stored (fixture), ==, 1);

  /* The list shows it, selected; the editor page is shown. */
  model = _cwb_window_get_consortia_model (fixture->window);
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cwb_consortium_get_name (item), ==, DEEP_SEA);
  g_assert_cmpstr (cwb_consortium_get_industry (item), ==, "深海科技");
  g_assert_true (_cwb_window_is_page_sensitive (fixture->window, "consortium"));
  g_assert_cmpstr (_cwb_window_get_visible_content (fixture->window), ==, "page:consortium");
  g_assert_true (GTK_IS_WIDGET (cwb_window_get_page (fixture->window, "consortium")));
  g_assert_null (cwb_test_find_dialog (NULL));

  /* Deleting asks first; “Cancel” keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-consortium", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  cwb_test_respond (cwb_test_find_dialog (NULL), "cancel");
  g_assert_cmpuint (n_stored (fixture), ==, 1);
  g_assert_cmpstr (current_name (fixture), ==, DEEP_SEA);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-consortium", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  cwb_test_respond (cwb_test_find_dialog (NULL), "delete");
  CWB_TEST_WAIT_FOR (n_stored (fixture) == 0);
  CWB_TEST_WAIT_FOR (current_name (fixture) == NULL);
  g_assert_cmpint (cwb_store_lookup_consortium (store, DEEP_SEA), ==, 0);
  CWB_TEST_WAIT_FOR (g_strcmp0 (_cwb_window_get_visible_content (fixture->window), "empty") == 0);
}

/* A mapped label under @widget whose text contains @text */
static GtkLabel *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The sidebar shows where each consortium stands, and follows a step
 * recorded or taken back without losing the current consortium. */
static void
test_sidebar_stage (Fixture *fixture)
{
  CwbStore *store = get_store (fixture);
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2026-01-05", NULL, NULL);
  g_autoptr(GError) error = NULL;
  const char *label = cwb_stage_get_label (CWB_STAGE_SUBMITTED);
  gint64 id;

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);
  id = cwb_store_lookup_consortium (store, DEEP_SEA);
  CWB_TEST_WAIT_FOR (find_label_containing (GTK_WIDGET (fixture->window), "深海科技") != NULL);
  g_assert_null (find_label_containing (GTK_WIDGET (fixture->window), label));

  g_assert_true (cwb_store_append_stage_event (store, id, event, NULL, &error));
  g_assert_no_error (error);
  CWB_TEST_WAIT_FOR (find_label_containing (GTK_WIDGET (fixture->window), label) != NULL);
  cwb_test_spin_for (100);
  g_assert_cmpstr (current_name (fixture), ==, DEEP_SEA);

  g_assert_true (cwb_store_remove_last_stage_event (store, id, NULL, &error));
  g_assert_no_error (error);
  CWB_TEST_WAIT_FOR (find_label_containing (GTK_WIDGET (fixture->window), label) == NULL);
  g_assert_cmpstr (current_name (fixture), ==, DEEP_SEA);
}

static void
test_import_bad_file (Fixture *fixture)
{
  g_autoptr(GFile) file = cwb_test_example_file ("broken-uscc.consortium.json");
  AdwMessageDialog *dialog;

  CWB_TEST_WAIT_FOR (g_strcmp0 (_cwb_window_get_visible_content (fixture->window), "empty") == 0);

  cwb_window_import_file (fixture->window, file);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);

  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "members[2].uscc"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken-uscc.consortium.json"));
  cwb_test_respond (dialog, "close");

  /* Nothing changed. */
  g_assert_cmpuint (n_stored (fixture), ==, 0);
  g_assert_null (current_name (fixture));
  g_assert_cmpstr (_cwb_window_get_visible_content (fixture->window), ==, "empty");
}

static void
test_import_replace (Fixture *fixture)
{
  CwbStore *store = get_store (fixture);
  g_autoptr(GFile) file = cwb_test_example_file ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) edited = NULL;
  g_autoptr(CwbConsortium) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);
  id = cwb_store_lookup_consortium (store, DEEP_SEA);

  /* An edit that replacing would undo. */
  edited = cwb_store_load_consortium (store, id, &error);
  g_assert_no_error (error);
  cwb_consortium_set_industry (edited, "现代种业");
  cwb_store_update_consortium (store, edited, &error);
  g_assert_no_error (error);

  /* The same name asks first; “Cancel” changes nothing. */
  cwb_window_import_file (fixture->window, file);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), DEEP_SEA));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "replace"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  cwb_test_respond (dialog, "cancel");

  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, DEEP_SEA), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (stored), ==, "现代种业");
  g_clear_object (&stored);
  g_assert_cmpuint (n_stored (fixture), ==, 1);

  /* “Replace” puts the file's content back. */
  cwb_window_import_file (fixture->window, file);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  cwb_test_respond (cwb_test_find_dialog (NULL), "replace");

  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, DEEP_SEA), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (stored), ==, "深海科技");
  g_assert_cmpuint (n_stored (fixture), ==, 1);

  /* …and the context follows. */
  CWB_TEST_WAIT_FOR (g_strcmp0 (cwb_consortium_get_industry (cwb_context_get_consortium (
                         cwb_application_get_context (fixture->app))), "深海科技") == 0);
}

static void
test_pages (Fixture *fixture)
{
  GtkWidget *page;

  /* The built plugins (CWB_PLUGIN_PATH) load once the window is on
   * screen; their pages appear then. */
  g_assert_true (_cwb_window_has_page (fixture->window, "consortium"));
  CWB_TEST_WAIT_FOR (_cwb_window_has_page (fixture->window, "composition"));
  g_assert_false (_cwb_window_has_page (fixture->window, "no-such-page"));
  g_assert_null (cwb_window_get_page (fixture->window, "no-such-page"));

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);
  g_assert_true (_cwb_window_is_page_sensitive (fixture->window, "composition"));

  cwb_window_show_page (fixture->window, "composition");
  g_assert_cmpstr (_cwb_window_get_visible_content (fixture->window), ==, "page:composition");
  page = cwb_window_get_page (fixture->window, "composition");
  g_assert_true (GTK_IS_WIDGET (page));
  /* built once */
  g_assert_true (cwb_window_get_page (fixture->window, "composition") == page);

  /* No consortium: a page about one shows what to do. */
  cwb_window_select_consortium (fixture->window, 0);
  g_assert_null (current_name (fixture));
  g_assert_cmpstr (_cwb_window_get_visible_content (fixture->window), ==, "unselected");
  g_assert_false (_cwb_window_is_page_sensitive (fixture->window, "composition"));
}

static void
test_preferences_plugins (Fixture *fixture)
{
  PeasEngine *peas = cwb_engine_get_peas (cwb_application_get_engine (fixture->app));
  PeasPluginInfo *info = peas_engine_get_plugin_info (peas, "composition");
  GSettings *settings = cwb_application_get_settings (fixture->app);
  CwbPreferencesWindow *prefs;
  GtkSwitch *toggle;
  GtkWidget *page;
  g_auto(GStrv) disabled = NULL;

  g_assert_nonnull (info);
  CWB_TEST_WAIT_FOR (peas_plugin_info_is_loaded (info));

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);
  page = cwb_window_get_page (fixture->window, "composition");
  g_assert_nonnull (page);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  cwb_window_show_page (fixture->window, "composition");

  prefs = cwb_preferences_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (prefs));
  toggle = _cwb_preferences_window_get_plugin_switch (prefs, "composition");
  g_assert_nonnull (toggle);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_null (_cwb_preferences_window_get_plugin_switch (prefs, "no-such-plugin"));

  /* Off: unloaded at once, its page destroyed, the choice saved. */
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (peas_plugin_info_is_loaded (info));
  CWB_TEST_WAIT_FOR (!_cwb_window_has_page (fixture->window, "composition"));
  g_assert_null (page);
  g_assert_cmpstr (_cwb_window_get_visible_content (fixture->window), ==, "page:consortium");
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_true (g_strv_contains ((const char * const *) disabled, "composition"));
  g_clear_pointer (&disabled, g_strfreev);

  /* On again: the page is back. */
  gtk_switch_set_active (toggle, TRUE);
  g_assert_true (peas_plugin_info_is_loaded (info));
  CWB_TEST_WAIT_FOR (_cwb_window_has_page (fixture->window, "composition"));
  g_assert_true (GTK_IS_WIDGET (cwb_window_get_page (fixture->window, "composition")));
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_false (g_strv_contains ((const char * const *) disabled, "composition"));

  /* The role row writes the setting. */
  g_settings_set_string (settings, "role", "authority");
  g_assert_cmpint (cwb_context_get_role (cwb_application_get_context (fixture->app)), ==,
                   CWB_ROLE_AUTHORITY);

  gtk_window_destroy (GTK_WINDOW (prefs));
}

static GtkWidget *
new_dialog_part (AdwMessageDialog *dialog,
                 gboolean          message)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);

  /* a boxed list (name, industry) above the message label */
  if (message)
    return gtk_widget_get_last_child (box);
  return gtk_widget_get_first_child (gtk_widget_get_first_child (box));
}

static void
test_new_and_export (Fixture *fixture)
{
  const char *name = "海南省测试创新联合体";
  CwbStore *store = get_store (fixture);
  g_autoptr(GFile) out = g_file_new_build_filename (fixture->dir, "out.consortium.json", NULL);
  g_autoptr(CwbConsortium) exported = NULL;
  g_autoptr(CwbConsortium) stored = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *name_row;
  GtkWidget *message;
  CwbRuleSet *rules = cwb_context_get_rules (cwb_application_get_context (fixture->app));

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);

  /* New: an empty or existing name is refused with a message. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-consortium", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  dialog = cwb_test_find_dialog (NULL);
  name_row = GTK_EDITABLE (new_dialog_part (dialog, FALSE));
  message = new_dialog_part (dialog, TRUE);
  g_assert_true (ADW_IS_ENTRY_ROW (name_row));
  g_assert_true (GTK_IS_LABEL (message));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));

  gtk_editable_set_text (name_row, DEEP_SEA);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), DEEP_SEA));

  gtk_editable_set_text (name_row, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_true (gtk_widget_get_visible (message));

  gtk_editable_set_text (name_row, name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  g_assert_false (gtk_widget_get_visible (message));
  cwb_test_respond (dialog, "create");

  CWB_TEST_WAIT_FOR (g_strcmp0 (current_name (fixture), name) == 0);
  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, name), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (stored), ==, cwb_rule_set_get_industries (rules)[0]);
  g_assert_cmpuint (cwb_consortium_get_members (stored)->len, ==, 0);
  g_assert_cmpuint (n_stored (fixture), ==, 2);

  /* Export: a consortium with no members is not a consortium file yet. */
  g_assert_false (_cwb_window_export_to_file (fixture->window, out, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (out, NULL));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL);
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog (NULL) != NULL);
  dialog = cwb_test_find_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), name));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a valid consortium file"));
  cwb_test_respond (dialog, "close");

  /* A complete one is written, and loads back equal. */
  cwb_window_select_consortium (fixture->window, cwb_store_lookup_consortium (store, DEEP_SEA));
  g_assert_cmpstr (current_name (fixture), ==, DEEP_SEA);
  g_assert_true (_cwb_window_export_to_file (fixture->window, out, &error));
  g_assert_no_error (error);
  exported = cwb_consortium_file_load (out, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, DEEP_SEA), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_name (exported), ==, DEEP_SEA);
  g_assert_cmpuint (cwb_consortium_get_members (exported)->len, ==,
                    cwb_consortium_get_members (stored)->len);

  g_file_delete (out, NULL, &error);
  g_assert_no_error (error);
}

static void
check_plugin_error (Fixture *fixture)
{
  CwbPreferencesWindow *prefs;
  GtkLabel *error;

  /* The application keeps running, the good plugin's page is there… */
  CWB_TEST_WAIT_FOR (_cwb_window_has_page (fixture->window, "composition"));

  /* …and the plugin manager says why the other one failed, in error style. */
  prefs = cwb_preferences_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_nonnull (_cwb_preferences_window_get_plugin_switch (prefs, "broken"));
  error = _cwb_preferences_window_get_plugin_error (prefs, "broken");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (error), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (error), "broken"));

  error = _cwb_preferences_window_get_plugin_error (prefs, "composition");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
}

static void
test_plugin_error (Fixture *fixture)
{
  g_autofree char *saved = g_strdup (g_getenv ("CWB_PLUGIN_PATH"));
  g_autofree char *path = NULL;

  g_assert_nonnull (g_getenv ("CWB_TEST_PLUGINS_DIR"));
  path = g_strjoin (G_SEARCHPATH_SEPARATOR_S, saved, g_getenv ("CWB_TEST_PLUGINS_DIR"), NULL);
  g_setenv ("CWB_PLUGIN_PATH", path, TRUE);

  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "*peas_register_types*broken*");
  g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "*Error loading plugin*broken*");
  run_in_app (fixture, check_plugin_error);
  g_test_assert_expected_messages ();

  g_setenv ("CWB_PLUGIN_PATH", saved, TRUE);
}

static void
check_disabled_at_startup (Fixture *fixture)
{
  PeasEngine *peas = cwb_engine_get_peas (cwb_application_get_engine (fixture->app));

  /* once the other plugins have loaded, this one is still off */
  CWB_TEST_WAIT_FOR (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (peas, "agreement")));
  g_assert_false (_cwb_window_has_page (fixture->window, "composition"));
  g_assert_false (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (peas, "composition")));
}

static void
test_disabled_at_startup (Fixture *fixture)
{
  const char *disabled[] = { "composition", NULL };

  /* A plugin turned off stays off at the next start. */
  g_settings_set_strv (cwb_application_get_settings (fixture->app), "disabled-plugins", disabled);
  run_in_app (fixture, check_disabled_at_startup);
}

static void
check_crashed_plugin (Fixture *fixture)
{
  PeasEngine *peas = cwb_engine_get_peas (cwb_application_get_engine (fixture->app));
  GSettings *settings = cwb_application_get_settings (fixture->app);
  g_auto(GStrv) disabled = NULL;
  AdwMessageDialog *dialog;
  CwbPreferencesWindow *prefs = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* The dialog says which plugin and what it was doing… */
  CWB_TEST_WAIT_FOR (_cwb_application_get_crash_dialog (CWB_APPLICATION (fixture->app)) != NULL);
  dialog = ADW_MESSAGE_DIALOG (_cwb_application_get_crash_dialog (CWB_APPLICATION (fixture->app)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "A Plugin Was Turned Off");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "The plugin “Composition checker” stopped the application while it was "
                            "making its page"));

  /* …it stays off, at this start and the next ones… */
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_true (g_strv_contains ((const char * const *) disabled, "composition"));
  CWB_TEST_WAIT_FOR (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (peas, "agreement")));
  g_assert_false (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (peas, "composition")));
  g_assert_false (_cwb_window_has_page (fixture->window, "composition"));

  /* …and the dialog leads to the plugin manager, where it can go on again */
  cwb_test_respond (dialog, "plugins");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CWB_IS_PREFERENCES_WINDOW (window))
        prefs = CWB_PREFERENCES_WINDOW (window);
    }
  g_assert_nonnull (prefs);
  g_assert_false (gtk_switch_get_active (_cwb_preferences_window_get_plugin_switch (prefs, "composition")));
  gtk_switch_set_active (_cwb_preferences_window_get_plugin_switch (prefs, "composition"), TRUE);
  CWB_TEST_WAIT_FOR (peas_plugin_info_is_loaded (peas_engine_get_plugin_info (peas, "composition")));
  g_clear_pointer (&disabled, g_strfreev);
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_false (g_strv_contains ((const char * const *) disabled, "composition"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* A run that died while the composition plugin was making its page left
 * its marker behind (unlocked: its process is gone) */
static void
test_crashed_plugin (Fixture *fixture)
{
  g_autofree char *dir = g_build_filename (g_get_user_state_dir (), "consortium-workbench",
                                           "plugin-guard", NULL);
  g_autofree char *marker = g_build_filename (dir, "4242-0", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (marker, "agreement\tload\ncomposition\tpage\n", -1, NULL));

  run_in_app (fixture, check_crashed_plugin);

  /* read once, then gone */
  g_assert_false (g_file_test (marker, G_FILE_TEST_EXISTS));
}

static void
test_search (Fixture *fixture)
{
  GListModel *model = _cwb_window_get_consortia_model (fixture->window);
  GtkEditable *search = _cwb_window_get_search_entry (fixture->window);
  GtkDropDown *industry = _cwb_window_get_industry_dropdown (fixture->window);
  GListModel *industries = gtk_drop_down_get_model (industry);
  g_autoptr(CwbConsortium) item = NULL;
  guint seed_industry = GTK_INVALID_LIST_POSITION;

  import_and_wait (fixture, "deep-sea.consortium.json", DEEP_SEA);
  import_and_wait (fixture, "seed-industry-small.consortium.json", SEED);
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 2);

  /* By name */
  gtk_editable_set_text (search, "深海");
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cwb_consortium_get_name (item), ==, DEEP_SEA);
  g_clear_object (&item);

  gtk_editable_set_text (search, "no such consortium");
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 0);
  /* hiding the current one does not unselect it */
  g_assert_cmpstr (current_name (fixture), ==, SEED);

  gtk_editable_set_text (search, "");
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 2);

  /* By industry: “all” then the sixteen clusters */
  g_assert_cmpuint (g_list_model_get_n_items (industries), ==, 17);
  for (guint i = 0; i < g_list_model_get_n_items (industries); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (industries, i);

      if (g_strcmp0 (gtk_string_object_get_string (s), "现代种业") == 0)
        seed_industry = i;
    }
  g_assert_cmpuint (seed_industry, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (industry, seed_industry);
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cwb_consortium_get_name (item), ==, SEED);
  g_clear_object (&item);

  /* both filters together */
  gtk_editable_set_text (search, "深海");
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 0);

  gtk_drop_down_set_selected (industry, 0);
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) == 1);
}

static gboolean
answer_dialog_cb (gpointer user_data)
{
  char **body = user_data;
  AdwMessageDialog *dialog = cwb_test_find_dialog (NULL);

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;

  *body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  adw_message_dialog_response (dialog, "quit");
  gtk_window_destroy (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static gboolean
run_timeout_cb (gpointer user_data)
{
  g_error ("The application did not show its message and quit");
  return G_SOURCE_REMOVE;
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbApplication) app = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cwb-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "workbench.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *body = NULL;
  gsize before_len, after_len;
  char *argv[] = { (char *) "consortium-workbench", (char *) "--db", path, NULL };
  guint answer, timeout;
  sqlite3 *db;
  int status;

  /* A database written by a later version. */
  {
    g_autoptr(CwbStore) store = cwb_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 9999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (path, &before, &before_len, &error);
  g_assert_no_error (error);

  /* --db picks it; the application shows why and quits. */
  reset_settings ();
  app = cwb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  answer = g_timeout_add (20, answer_dialog_cb, &body);
  timeout = g_timeout_add_seconds (20, run_timeout_cb, NULL);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_source_remove (timeout);
  (void) answer;

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (body);
  g_assert_cmpstr (body, !=, "");
  g_assert_null (cwb_application_get_context (app));
  g_assert_null (cwb_application_get_engine (app));

  /* untouched, byte for byte */
  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, before_len, after, after_len);

  cwb_test_remove_tree (dir);
}

/* The shortcuts window is built when first asked for (Ctrl+?), once. */
static void
test_shortcuts (Fixture *fixture)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                "app.shortcuts");
  GtkShortcutsWindow *overlay;

  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_null (gtk_application_window_get_help_overlay (window));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "shortcuts", NULL);
  overlay = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (overlay);
  CWB_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  gtk_window_close (GTK_WINDOW (overlay));
  CWB_TEST_WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "shortcuts", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (window) == overlay);
  CWB_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
}

/* g_test_add() wrappers */
#define APP_TEST(func)                                  \
  static void                                           \
  func##_run (Fixture       *fixture,                   \
              gconstpointer  data)                      \
  {                                                     \
    run_in_app (fixture, func);                         \
  }
APP_TEST (test_startup_empty)
APP_TEST (test_import_selects)
APP_TEST (test_import_bad_file)
APP_TEST (test_sidebar_stage)
APP_TEST (test_import_replace)
APP_TEST (test_pages)
APP_TEST (test_preferences_plugins)
APP_TEST (test_search)
APP_TEST (test_new_and_export)
APP_TEST (test_shortcuts)
#undef APP_TEST

static void
test_plugin_error_run (Fixture       *fixture,
                       gconstpointer  data)
{
  test_plugin_error (fixture);
}

static void
test_disabled_at_startup_run (Fixture       *fixture,
                              gconstpointer  data)
{
  test_disabled_at_startup (fixture);
}

static void
test_crashed_plugin_run (Fixture       *fixture,
                         gconstpointer  data)
{
  test_crashed_plugin (fixture);
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func##_run, fixture_tear_down)
  ADD ("/window/startup/empty", test_startup_empty);
  ADD ("/window/import/selects", test_import_selects);
  ADD ("/window/import/bad-file", test_import_bad_file);
  ADD ("/window/sidebar/stage", test_sidebar_stage);
  ADD ("/window/import/replace", test_import_replace);
  ADD ("/window/pages/composition", test_pages);
  ADD ("/window/preferences/plugins", test_preferences_plugins);
  ADD ("/window/search", test_search);
  ADD ("/window/new-and-export", test_new_and_export);
  ADD ("/window/shortcuts", test_shortcuts);
#undef ADD
  g_test_add ("/window/preferences/disabled-at-startup", Fixture, NULL,
              fixture_set_up, test_disabled_at_startup_run, fixture_tear_down);
  g_test_add ("/window/preferences/crashed-plugin", Fixture, NULL,
              fixture_set_up, test_crashed_plugin_run, fixture_tear_down);
  g_test_add ("/window/preferences/plugin-error", Fixture, NULL,
              fixture_set_up, test_plugin_error_run, fixture_tear_down);
  g_test_add_func ("/window/startup/newer-schema-refused", test_newer_schema_refused);

  return g_test_run ();
}
