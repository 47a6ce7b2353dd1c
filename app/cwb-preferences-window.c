/* cwb-preferences-window.c — preferences: role and the plugin manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-preferences-window-private.h"
#include "cwb-preferences-window.h"

struct _CwbPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template children */
  AdwComboRow          *role_row;
  GtkListBox           *plugins_list;

  /* owned */
  CwbEngine            *engine;
  GSettings            *settings;
  GHashTable           *rows;       /* module name → PluginRow (owned by the list) */

  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (CwbPreferencesWindow, cwb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  CwbPreferencesWindow *self;  /* unowned: the row is inside it */
  PeasPluginInfo *info;     /* owned by the engine */
  GtkWidget      *row;
  GtkSwitch      *toggle;
  GtkLabel       *error;
} PluginRow;

static gboolean
role_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_strcmp0 (nick, "authority") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
role_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "authority" : "lead");
}

static void
sync_plugin_row (CwbPreferencesWindow *self,
                 PluginRow            *prow)
{
  const GError *error = cwb_engine_get_plugin_error (self->engine, prow->info);
  gboolean loaded = peas_plugin_info_is_loaded (prow->info);
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  gboolean wanted = !g_strv_contains ((const char * const *) disabled,
                                      peas_plugin_info_get_module_name (prow->info));

  self->syncing = TRUE;
  /* A plugin that failed stays “on” if the user wants it: the error says why
   * it is not working. */
  gtk_switch_set_active (prow->toggle, loaded || (wanted && error != NULL));
  self->syncing = FALSE;

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not load: %s"), error->message);

      gtk_label_set_label (prow->error, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (prow->error), error != NULL);
}

static void
sync_all_rows (CwbPreferencesWindow *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sync_plugin_row (self, value);
}

static void
save_enabled (CwbPreferencesWindow *self,
              const char           *module,
              gboolean              enabled)
{
  g_auto(GStrv) disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;

  for (guint i = 0; disabled[i] != NULL; i++)
    if (g_strcmp0 (disabled[i], module) != 0)
      g_strv_builder_add (builder, disabled[i]);

  if (!enabled)
    g_strv_builder_add (builder, module);

  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "disabled-plugins", (const char * const *) result);
}

static void
switch_active_cb (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  PluginRow  *prow)
{
  CwbPreferencesWindow *self = prow->self;
  PeasEngine *peas;
  gboolean active = gtk_switch_get_active (toggle);

  if (self->syncing)
    return;

  peas = cwb_engine_get_peas (self->engine);
  save_enabled (self, peas_plugin_info_get_module_name (prow->info), active);

  /* At once: the window's pages follow the engine. */
  if (active)
    peas_engine_load_plugin (peas, prow->info);
  else
    peas_engine_unload_plugin (peas, prow->info);

  sync_all_rows (self);
}

static void
loaded_plugins_changed_cb (CwbPreferencesWindow *self)
{
  sync_all_rows (self);
}

static GtkWidget *
create_plugin_row (CwbPreferencesWindow *self,
                   PeasPluginInfo       *info,
                   PluginRow           **out)
{
  PluginRow *prow;
  GtkWidget *row, *box, *texts, *label, *image, *toggle;
  const char *description = peas_plugin_info_get_description (info);
  const char *icon_name = peas_plugin_info_get_icon_name (info);

  prow = g_new0 (PluginRow, 1);
  prow->self = self;
  prow->info = info;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "cwb-plugin-row");

  /* libpeas' default, a full-colour "libpeas-plugin", would clash */
  if (icon_name == NULL || !g_str_has_suffix (icon_name, "-symbolic"))
    icon_name = "application-x-addon-symbolic";
  image = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  label = gtk_label_new (peas_plugin_info_get_name (info));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "cwb-plugin-name");
  gtk_box_append (GTK_BOX (texts), label);

  if (description != NULL && description[0] != '\0')
    {
      label = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
    }

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (texts), label);
  prow->error = GTK_LABEL (label);

  toggle = gtk_switch_new ();
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (toggle, !peas_plugin_info_is_builtin (info));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, peas_plugin_info_get_name (info),
                                  -1);
  gtk_box_append (GTK_BOX (box), toggle);
  prow->toggle = GTK_SWITCH (toggle);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  prow->row = row;
  g_object_set_data_full (G_OBJECT (row), "cwb-plugin-row", prow, g_free);

  *out = prow;
  return row;
}

static void
populate_plugins (CwbPreferencesWindow *self)
{
  PeasEngine *peas = cwb_engine_get_peas (self->engine);
  const GList *plugins = peas_engine_get_plugin_list (peas);
  guint shown = 0;

  for (const GList *l = plugins; l; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      PluginRow *prow;
      GtkWidget *row;

      if (peas_plugin_info_is_hidden (info))
        continue;

      row = create_plugin_row (self, info, &prow);
      gtk_list_box_append (self->plugins_list, row);
      g_hash_table_insert (self->rows, g_strdup (peas_plugin_info_get_module_name (info)), prow);
      sync_plugin_row (self, prow);
      g_signal_connect (prow->toggle, "notify::active", G_CALLBACK (switch_active_cb), prow);
      shown++;
    }

  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No plugins found"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Plugins are looked for in $CWB_PLUGIN_PATH, in the "
                                     "user’s data folder and where the workbench is installed."));
      gtk_list_box_append (self->plugins_list, row);
    }

  g_signal_connect_object (peas, "notify::loaded-plugins",
                           G_CALLBACK (loaded_plugins_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
cwb_preferences_window_dispose (GObject *object)
{
  CwbPreferencesWindow *self = CWB_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cwb_preferences_window_parent_class)->dispose (object);
}

static void
cwb_preferences_window_class_init (CwbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwb_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, CwbPreferencesWindow, plugins_list);
}

static void
cwb_preferences_window_init (CwbPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cwb_preferences_window_new:
 * @app: the application, started up
 *
 * Returns: (transfer none): the preferences window
 */
CwbPreferencesWindow *
cwb_preferences_window_new (CwbApplication *app)
{
  CwbPreferencesWindow *self;

  g_return_val_if_fail (CWB_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (cwb_application_get_engine (app) != NULL, NULL);

  self = g_object_new (CWB_TYPE_PREFERENCES_WINDOW, NULL);
  self->engine = g_object_ref (cwb_application_get_engine (app));
  self->settings = g_object_ref (cwb_application_get_settings (app));

  g_settings_bind_with_mapping (self->settings, "role", self->role_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                role_get_mapping, role_set_mapping, NULL, NULL);
  populate_plugins (self);

  return self;
}

/* For tests (cwb-preferences-window-private.h) */

GtkSwitch *
_cwb_preferences_window_get_plugin_switch (CwbPreferencesWindow *self,
                                           const char           *module_name)
{
  PluginRow *prow;

  g_return_val_if_fail (CWB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  prow = g_hash_table_lookup (self->rows, module_name);
  return prow != NULL ? prow->toggle : NULL;
}

GtkLabel *
_cwb_preferences_window_get_plugin_error (CwbPreferencesWindow *self,
                                          const char           *module_name)
{
  PluginRow *prow;

  g_return_val_if_fail (CWB_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (module_name != NULL, NULL);

  prow = g_hash_table_lookup (self->rows, module_name);
  return prow != NULL ? prow->error : NULL;
}
