/* cwb-test-utils.c — helpers every test program links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-test-utils"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gstdio.h>

#ifdef CWB_TEST_WITH_GTK
#include <adwaita.h>
#endif

#include "cwb-test-utils.h"

#define DRAIN_MAX_ITERATIONS 1000
#define WAIT_TICK_MSEC 10

/* ------------------------------------------------------------------ */
/* examples                                                            */

const char *
cwb_test_examples_dir (void)
{
  const char *dir = g_getenv ("CWB_EXAMPLES_DIR");

  g_assert_nonnull (dir);

  return dir;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GStrv
cwb_test_list_examples (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (cwb_test_examples_dir (), 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".consortium.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

char *
cwb_test_example_path (const char *name)
{
  return g_build_filename (cwb_test_examples_dir (), name, NULL);
}

GFile *
cwb_test_example_file (const char *name)
{
  return g_file_new_build_filename (cwb_test_examples_dir (), name, NULL);
}

static CwbConsortium *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  CwbConsortium *consortium;

  consortium = cwb_consortium_file_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (CWB_IS_CONSORTIUM (consortium));

  return consortium;
}

CwbConsortium *
cwb_test_load_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return load (file);
}

CwbConsortium *
cwb_test_load_example (const char *name)
{
  g_autoptr(GFile) file = cwb_test_example_file (name);

  return load (file);
}

/* ------------------------------------------------------------------ */
/* temporary folders                                                   */

static gsize
guarded_span (gsize  length,
              gsize *page)
{
  *page = (gsize) sysconf (_SC_PAGESIZE);

  /* the pages that hold the copy, then the guard page */
  return (length + *page - 1) / *page * *page + *page;
}

char *
cwb_test_guarded_copy (const char *data,
                       gsize       length)
{
  gsize page;
  gsize span = guarded_span (length, &page);
  char *base;

  base = mmap (NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  g_assert_true (base != MAP_FAILED);
  g_assert_cmpint (mprotect (base + span - page, page, PROT_NONE), ==, 0);

  memcpy (base + span - page - length, data, length);

  return base + span - page - length;
}

void
cwb_test_guarded_free (char  *copy,
                       gsize  length)
{
  gsize page;
  gsize span = guarded_span (length, &page);

  munmap (copy + length + page - span, span);
}

void
cwb_test_remove_tree (const char *path)
{
  g_return_if_fail (path != NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          cwb_test_remove_tree (child);
        }
    }

  g_remove (path);
}

/* ------------------------------------------------------------------ */
/* the main loop                                                       */

void
cwb_test_drain (void)
{
  for (guint i = 0; i < DRAIN_MAX_ITERATIONS && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;

  return G_SOURCE_REMOVE;
}

void
cwb_test_spin_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

guint
cwb_test_timeout_multiplier (void)
{
  const char *value = g_getenv ("CWB_TEST_TIMEOUT_MULTIPLIER");
  guint64 multiplier = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint) CLAMP (multiplier, 1, 20);
}

void
cwb_test_wait_begin (CwbTestWait *wait)
{
  wait->tick_id = g_timeout_add (WAIT_TICK_MSEC, tick_cb, NULL);
  wait->deadline = g_get_monotonic_time () +
                   CWB_TEST_TIMEOUT_SECONDS * cwb_test_timeout_multiplier () * G_USEC_PER_SEC;
}

gboolean
cwb_test_wait_iterate (CwbTestWait *wait)
{
  g_main_context_iteration (NULL, TRUE);

  return g_get_monotonic_time () < wait->deadline;
}

void
cwb_test_wait_end (CwbTestWait *wait)
{
  g_clear_handle_id (&wait->tick_id, g_source_remove);
}

/* ------------------------------------------------------------------ */
/* GUI tests                                                           */

#ifdef CWB_TEST_WITH_GTK
void
cwb_test_init_gui (int    *argc,
                   char ***argv)
{
  /* read before g_test_init() points XDG_DATA_DIRS at an empty folder */
  g_auto(GStrv) system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_autoptr(GStrvBuilder) mime_dirs = g_strv_builder_new ();
  g_auto(GStrv) mime_dirv = NULL;
  GtkIconTheme *icon_theme;

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();

  icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *icons = g_build_filename (system_dirs[i], "icons", NULL);
      g_autofree char *mime = g_build_filename (system_dirs[i], "mime", NULL);

      gtk_icon_theme_add_search_path (icon_theme, icons);
      g_strv_builder_add (mime_dirs, mime);
    }
  mime_dirv = g_strv_builder_end (mime_dirs);
  /* copied by GIO */
  g_content_type_set_mime_dirs ((const char * const *) mime_dirv);
}
#endif

void
cwb_test_load_only (CwbEngine  *engine,
                    const char *module)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) disabled = NULL;
  PeasPluginInfo *info;

  for (const GList *l = peas_engine_get_plugin_list (cwb_engine_get_peas (engine)); l != NULL; l = l->next)
    if (g_strcmp0 (peas_plugin_info_get_module_name (l->data), module) != 0)
      g_strv_builder_add (builder, peas_plugin_info_get_module_name (l->data));

  disabled = g_strv_builder_end (builder);
  cwb_engine_load_plugins (engine, (const char * const *) disabled);

  info = peas_engine_get_plugin_info (cwb_engine_get_peas (engine), module);
  g_assert_nonnull (info);
  g_assert_true (peas_plugin_info_is_loaded (info));
}

#ifdef CWB_TEST_WITH_GTK
typedef struct {
  const char *id;
  CwbArea    *found;
} FindArea;

static void
find_area_cb (PeasExtensionSet *set,
              PeasPluginInfo   *info,
              PeasExtension    *extension,
              gpointer          user_data)
{
  FindArea *find = user_data;

  if (find->found == NULL && g_strcmp0 (cwb_area_get_id (CWB_AREA (extension)), find->id) == 0)
    find->found = g_object_ref (CWB_AREA (extension));
}

CwbArea *
cwb_test_find_area (CwbEngine  *engine,
                    const char *id)
{
  g_autoptr(PeasExtensionSet) set = NULL;
  FindArea find = { id, NULL };

  set = peas_extension_set_new (cwb_engine_get_peas (engine), CWB_TYPE_AREA, NULL);
  peas_extension_set_foreach (set, find_area_cb, &find);
  if (find.found == NULL)
    g_error ("No loaded plugin provides the area “%s”", id);

  return find.found;
}

void
cwb_test_page_set_up (CwbTestPage *t,
                      GDateTime   *now)
{
  cwb_test_page_set_up_with_rules (t, NULL, now);
}

void
cwb_test_page_set_up_with_rules (CwbTestPage *t,
                                 CwbRuleSet  *rules,
                                 GDateTime   *now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "workbench.db", NULL);

  memset (t, 0, sizeof *t);
  t->rules = rules != NULL ? g_object_ref (rules) : cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  t->store = cwb_store_open (db, &error);
  g_assert_no_error (error);
  t->engine = cwb_engine_new ();
  cwb_engine_load_plugins (t->engine, NULL);
  t->context = cwb_context_new (t->rules, t->store, NULL, t->engine);
  if (now != NULL)
    cwb_context_set_now (t->context, now);
}

void
cwb_test_page_show (CwbTestPage *t,
                    const char  *area_id,
                    int          width,
                    int          height)
{
  g_autoptr(CwbArea) area = cwb_test_find_area (t->engine, area_id);

  g_assert_null (t->window);
  t->page = cwb_area_create_page (area, t->context);
  g_assert_true (GTK_IS_WIDGET (t->page));
  g_assert_false (g_object_is_floating (t->page));

  t->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (t->window), width, height);
  gtk_window_set_child (GTK_WINDOW (t->window), t->page);
  g_object_unref (t->page);   /* the window's child now */
  gtk_window_present (GTK_WINDOW (t->window));
}

guint
cwb_test_count_list_rows (GtkListBox *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

void
cwb_test_page_close (CwbTestPage *t)
{
  if (t->window == NULL)
    return;

  g_object_add_weak_pointer (G_OBJECT (t->page), (gpointer *) &t->page);
  gtk_window_destroy (GTK_WINDOW (t->window));
  t->window = NULL;
  g_assert_null (t->page);
}

void
cwb_test_page_tear_down (CwbTestPage *t)
{
  cwb_test_close_windows_except (GTK_WINDOW (t->window));
  cwb_test_page_close (t);
  cwb_test_drain ();
  g_assert_finalize_object (t->context);
  t->context = NULL;
  g_clear_object (&t->engine);
  g_clear_object (&t->store);
  g_clear_object (&t->rules);
}

gpointer
cwb_test_find_toplevel (GType    type,
                        gboolean visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (!visible_only || gtk_widget_get_visible (window)))
        return window;
    }

  return NULL;
}

GtkWidget *
cwb_test_find_toplevel_by_name (const char *type_name)
{
  GType type = g_type_from_name (type_name);

  return type != G_TYPE_INVALID ? cwb_test_find_toplevel (type, TRUE) : NULL;
}

void
cwb_test_close_windows_except (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
}

AdwMessageDialog *
cwb_test_find_dialog (const char *purpose)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          (purpose == NULL ||
           g_strcmp0 (g_object_get_data (G_OBJECT (window), "cwb-purpose"), purpose) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

void
cwb_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cwb_test_drain ();
}

/* ------------------------------------------------------------------ */
/* the application                                                     */

void
cwb_test_reset_settings (void)
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

void
cwb_test_app_set_up (CwbTestApp *t)
{
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("cwb-test-app-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("CWB_DATA_DIR", t->dir, TRUE);
  cwb_test_reset_settings ();

  t->app = cwb_application_new ();
  g_application_set_flags (G_APPLICATION (t->app), G_APPLICATION_NON_UNIQUE);
}

void
cwb_test_app_tear_down (CwbTestApp *t)
{
  g_autofree char *db = NULL;

  g_assert_finalize_object (t->app);
  t->app = NULL;

  db = g_build_filename (t->dir, "workbench.db", NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  cwb_test_remove_tree (t->dir);
  g_clear_pointer (&t->dir, g_free);
  g_unsetenv ("CWB_DATA_DIR");
}

typedef struct
{
  CwbTestApp     *t;
  CwbTestAppBody  body;
  gpointer        fixture;
} AppRun;

static void
app_activated_cb (GApplication *app,
                  AppRun       *run)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  CwbTestApp *t = run->t;

  /* The application opened its window in its own activate handler. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CWB_IS_WINDOW (l->data))
      t->window = l->data;
  g_assert_nonnull (t->window);
  g_assert_nonnull (cwb_application_get_context (t->app));
  CWB_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (t->window)));

  run->body (run->fixture);

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  t->window = NULL;
  g_application_quit (app);
}

void
cwb_test_app_run_with_args (CwbTestApp         *t,
                            const char * const *args,
                            CwbTestAppBody      body,
                            gpointer            fixture)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  AppRun run = { t, body, fixture };
  gulong handler;
  int status;

  g_ptr_array_add (argv, (char *) "consortium-workbench");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  handler = g_signal_connect_after (t->app, "activate", G_CALLBACK (app_activated_cb), &run);
  status = g_application_run (G_APPLICATION (t->app), argv->len - 1, (char **) argv->pdata);
  g_clear_signal_handler (&handler, t->app);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (t->window);
}

void
cwb_test_app_run (CwbTestApp     *t,
                  CwbTestAppBody  body,
                  gpointer        fixture)
{
  cwb_test_app_run_with_args (t, NULL, body, fixture);
}

CwbStore *
cwb_test_app_get_store (CwbTestApp *t)
{
  return cwb_context_get_store (cwb_application_get_context (t->app));
}

guint
cwb_test_app_count_consortia (CwbTestApp *t)
{
  g_autoptr(GError) error = NULL;
  guint n = cwb_store_count_consortia (cwb_test_app_get_store (t), &error);

  g_assert_no_error (error);

  return n;
}

const char *
cwb_test_app_get_current_name (CwbTestApp *t)
{
  CwbConsortium *c = cwb_context_get_consortium (cwb_application_get_context (t->app));

  return c != NULL ? cwb_consortium_get_name (c) : NULL;
}
#endif

void
cwb_test_record_items_changed (GListModel          *model,
                               guint                position,
                               guint                removed,
                               guint                added,
                               CwbTestItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->n_emissions++;
}

void
cwb_test_keep_result_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}
