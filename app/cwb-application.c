/* cwb-application.c — the application: settings, store, plugin engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <girepository.h>

#include "cwb-application.h"
#include "cwb-application-private.h"
#include "cwb-preferences-window.h"
#include "cwb-window.h"

struct _CwbApplication
{
  AdwApplication  parent_instance;

  /* owned */
  char           *db_path;        /* --db, NULL for the default */
  char           *rules_path;     /* --rules, NULL for the shipped rule set */
  GSettings      *settings;
  CwbRuleSet     *rules;
  CwbStore       *store;
  CwbSecrets     *secrets;
  CwbEngine      *engine;
  CwbContext     *context;
  GError         *startup_error;  /* why the workspace could not be opened */
  guint           plugins_source; /* loads the plugins after the first frame */
  guint           plugins_loaded : 1;

  /* unowned */
  GtkWindow      *error_dialog;
  GtkWindow      *crash_dialog;   /* says which plugins were turned off */
};

G_DEFINE_FINAL_TYPE (CwbApplication, cwb_application, ADW_TYPE_APPLICATION)

static void load_plugins (CwbApplication *self);

static GtkWindow *
get_main_window (CwbApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CWB_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CwbApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing the windows lets them save their size. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  CwbApplication *self = user_data;
  CwbPreferencesWindow *prefs;

  if (self->engine == NULL)
    return;

  /* the plugin manager shows what loaded and what failed */
  load_plugins (self);
  prefs = cwb_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), get_main_window (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CwbApplication *self = user_data;
  const char *developer = _("Consortium Workbench developers");
  const char *developers[] = { developer, NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_main_window (self),
                        "application-name", _("Consortium Workbench"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", developer,
                        "developers", developers,
                        "copyright", _("© 2026 Consortium Workbench developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Prepare and keep the records of Hainan innovation "
                                      "consortia: members, the composition check against the "
                                      "policy, and consortium files to exchange."),
                        "website", "https://github.com/cwb/consortium-workbench",
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CwbApplication *self = user_data;
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    return;

  /* Built when first asked for: GtkApplication would build
   * gtk/help-overlay.ui for every window at start-up. Setting it gives the
   * window win.show-help-overlay. */
  if (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/cwb/ConsortiumWorkbench/cwb-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (window),
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
  { "shortcuts", shortcuts_activated_cb },
};

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  CwbApplication *self = user_data;

  self->error_dialog = NULL;
  g_application_quit (G_APPLICATION (self));
}

static void
show_startup_error (CwbApplication *self)
{
  GtkWidget *dialog;

  g_assert (self->startup_error != NULL);

  if (self->error_dialog != NULL)
    {
      gtk_window_present (self->error_dialog);
      return;
    }

  dialog = adw_message_dialog_new (NULL, _("Cannot Open the Workspace"),
                                   self->startup_error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (error_dialog_response_cb), self, 0);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  self->error_dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_workspace (CwbApplication  *self,
                GError         **error)
{
  g_autofree char *default_path = NULL;
  const char *path;

  if (self->rules_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->rules_path);

      self->rules = cwb_rule_set_new_from_file (file, error);
    }
  else
    self->rules = cwb_rule_set_new_default (error);
  if (self->rules == NULL)
    return FALSE;

  if (self->db_path != NULL)
    path = self->db_path;
  else
    path = default_path = cwb_store_dup_default_path ();

  /* A database of a newer schema is refused and left untouched. */
  self->store = cwb_store_open (path, error);
  if (self->store == NULL)
    return FALSE;

  self->secrets = cwb_secrets_new ();
  self->engine = cwb_engine_new ();
  self->context = cwb_context_new (self->rules, self->store, self->secrets, self->engine);
  g_settings_bind (self->settings, "role", self->context, "role", G_SETTINGS_BIND_DEFAULT);

  return TRUE;
}

static void
crash_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          CwbApplication   *self)
{
  if (g_strcmp0 (response, "plugins") == 0)
    g_action_group_activate_action (G_ACTION_GROUP (self), "preferences", NULL);
}

/* A plugin that the last run died in is not loaded (the engine skips it):
 * it goes into the disabled plugins, so it stays off until the user turns
 * it on again in the plugin manager, and a dialog says so. */
static void
disable_crashed_plugins (CwbApplication *self)
{
  g_auto(GStrv) crashed = cwb_engine_dup_crashed_plugins (self->engine);
  g_auto(GStrv) disabled = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GString) body = NULL;
  guint n_crashed = g_strv_length (crashed);
  GtkWidget *dialog;

  if (n_crashed == 0)
    return;

  disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) disabled);
  body = g_string_new (NULL);

  for (guint i = 0; i < n_crashed; i++)
    {
      g_autofree char *message = cwb_engine_describe_crash (self->engine, crashed[i]);

      g_printerr ("%s\n", message);
      if (!g_strv_contains ((const char * const *) disabled, crashed[i]))
        g_strv_builder_add (builder, crashed[i]);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, message);
    }

  g_strfreev (disabled);
  disabled = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "disabled-plugins", (const char * const *) disabled);

  dialog = adw_message_dialog_new (get_main_window (self),
                                   g_dngettext (NULL, "A Plugin Was Turned Off",
                                                "Plugins Were Turned Off", n_crashed),
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "plugins", _("_Plugins…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (crash_dialog_response_cb), self, 0);

  self->crash_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->crash_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The plugins' pages are added to the window as their plugins load, so
 * loading them waits until the window is on screen: the first frame needs
 * none of them. */
static void
load_plugins (CwbApplication *self)
{
  g_auto(GStrv) disabled = NULL;
  g_autoptr(GError) gi_error = NULL;

  g_clear_handle_id (&self->plugins_source, g_source_remove);
  if (self->plugins_loaded || self->engine == NULL)
    return;
  self->plugins_loaded = TRUE;

  /* A Python plugin that asks for GTK 3 would deadlock us; with Gtk 4.0
   * required first it fails cleanly instead (PLATFORM.md). */
  if (!g_irepository_require (NULL, "Gtk", "4.0", 0, &gi_error))
    g_message ("Gtk 4.0 is not available from introspection: %s", gi_error->message);

  disable_crashed_plugins (self);
  disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  cwb_engine_load_plugins (self->engine, (const char * const *) disabled);
}

/* For tests: the dialog that says which plugins were turned off, if shown */
GtkWindow *
_cwb_application_get_crash_dialog (CwbApplication *self)
{
  g_return_val_if_fail (CWB_IS_APPLICATION (self), NULL);

  return self->crash_dialog;
}

static gboolean
load_plugins_cb (gpointer user_data)
{
  CwbApplication *self = user_data;

  self->plugins_source = 0;
  load_plugins (self);

  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (CwbApplication *self)
{
  if (!self->plugins_loaded && self->plugins_source == 0)
    self->plugins_source = g_idle_add_full (G_PRIORITY_LOW, load_plugins_cb, self, NULL);
}

static void
set_accels (CwbApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control>s", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.new-consortium", { "<Control>n", NULL } },
    /* app.shortcuts opens the help overlay with the same key */
    { "win.show-help-overlay", { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static int
cwb_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  CwbApplication *self = CWB_APPLICATION (app);
  const char *db = NULL;
  const char *rules = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  if (g_variant_dict_lookup (options, "rules", "^&ay", &rules) && rules[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (rules);

      g_free (self->rules_path);
      self->rules_path = g_file_get_path (file);
    }

  return G_APPLICATION_CLASS (cwb_application_parent_class)->handle_local_options (app, options);
}

static void
cwb_application_startup (GApplication *app)
{
  CwbApplication *self = CWB_APPLICATION (app);

  /* AdwApplication loads style.css from the resource base path
   * (/io/github/cwb/ConsortiumWorkbench/). */
  G_APPLICATION_CLASS (cwb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  set_accels (self);

  if (!open_workspace (self, &self->startup_error))
    {
      g_clear_object (&self->context);
      g_clear_object (&self->engine);
      g_clear_object (&self->secrets);
      g_clear_object (&self->store);
      show_startup_error (self);
    }
}

static void
cwb_application_activate (GApplication *app)
{
  CwbApplication *self = CWB_APPLICATION (app);
  GtkWindow *window;

  if (self->startup_error != NULL)
    {
      show_startup_error (self);
      return;
    }

  window = get_main_window (self);
  if (window == NULL)
    {
      window = GTK_WINDOW (cwb_window_new (self));
      g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_window_present (window);
}

static void
cwb_application_shutdown (GApplication *app)
{
  CwbApplication *self = CWB_APPLICATION (app);

  G_APPLICATION_CLASS (cwb_application_parent_class)->shutdown (app);

  g_clear_handle_id (&self->plugins_source, g_source_remove);
  /* Pages go with their windows; then the plugins can go. */
  g_clear_object (&self->context);
  g_clear_object (&self->engine);
}

static void
cwb_application_dispose (GObject *object)
{
  CwbApplication *self = CWB_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->engine);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->rules);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cwb_application_parent_class)->dispose (object);
}

static void
cwb_application_finalize (GObject *object)
{
  CwbApplication *self = CWB_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->rules_path, g_free);
  g_clear_error (&self->startup_error);

  G_OBJECT_CLASS (cwb_application_parent_class)->finalize (object);
}

static void
cwb_application_class_init (CwbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cwb_application_dispose;
  object_class->finalize = cwb_application_finalize;

  app_class->handle_local_options = cwb_application_handle_local_options;
  app_class->startup = cwb_application_startup;
  app_class->activate = cwb_application_activate;
  app_class->shutdown = cwb_application_shutdown;
}

static void
cwb_application_init (CwbApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use the workspace database at PATH"), _("PATH"));
  g_application_add_main_option (G_APPLICATION (self), "rules", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Use the rule set in FILE instead of the shipped one"), _("FILE"));
  self->settings = g_settings_new (APP_ID);
}

/**
 * cwb_application_new:
 *
 * Returns: (transfer full): the application
 */
CwbApplication *
cwb_application_new (void)
{
  return g_object_new (CWB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * cwb_application_get_context:
 * @self: a #CwbApplication
 *
 * Returns: (transfer none) (nullable): the host services, NULL before
 *   startup or when the workspace could not be opened
 */
CwbContext *
cwb_application_get_context (CwbApplication *self)
{
  g_return_val_if_fail (CWB_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * cwb_application_get_engine:
 * @self: a #CwbApplication
 *
 * Returns: (transfer none) (nullable): the plugin engine
 */
CwbEngine *
cwb_application_get_engine (CwbApplication *self)
{
  g_return_val_if_fail (CWB_IS_APPLICATION (self), NULL);

  return self->engine;
}

/**
 * cwb_application_get_settings:
 * @self: a #CwbApplication
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
cwb_application_get_settings (CwbApplication *self)
{
  g_return_val_if_fail (CWB_IS_APPLICATION (self), NULL);

  return self->settings;
}
