/* cwb-engine.c — the plugin engine (libpeas 1.x)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-engine"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <girepository.h>

#include "cwb-check-provider.h"
#include "cwb-engine.h"
#include "cwb-error.h"

struct _CwbEngine
{
  GObject           parent_instance;

  /* owned */
  PeasEngine       *peas;
  PeasExtensionSet *providers;  /* CwbCheckProvider, created on first check */
  GHashTable       *errors;     /* PeasPluginInfo * → GError *, plugins that failed */
};

G_DEFINE_FINAL_TYPE (CwbEngine, cwb_engine, G_TYPE_OBJECT)

typedef struct
{
  CwbContext     *context;
  CwbConsortium  *consortium;
  CwbCheckReport *report;
} CheckData;

static void
add_search_path (PeasEngine *peas,
                 const char *dir)
{
  if (dir == NULL || *dir == '\0')
    return;

  g_debug ("Searching for plugins in %s", dir);
  peas_engine_add_search_path (peas, dir, NULL);
}

static void
record_error (CwbEngine      *self,
              PeasPluginInfo *info,
              const GError   *peas_error)
{
  const char *module = peas_plugin_info_get_module_name (info);
  GError *error;

  if (peas_error != NULL)
    error = g_error_new (CWB_ERROR, CWB_ERROR_PLUGIN,
                         /* TRANSLATORS: a plugin's module name, then libpeas' reason */
                         _("The plugin “%s” could not be loaded: %s"),
                         module, peas_error->message);
  else
    error = g_error_new (CWB_ERROR, CWB_ERROR_PLUGIN,
                         _("The plugin “%s” could not be loaded."),
                         module);

  g_debug ("%s", error->message);
  g_hash_table_replace (self->errors, info, error);
}

static void
check_provider_cb (PeasExtensionSet *set,
                   PeasPluginInfo   *info,
                   PeasExtension    *extension,
                   gpointer          user_data)
{
  CheckData *data = user_data;

  cwb_check_provider_check (CWB_CHECK_PROVIDER (extension),
                            data->context,
                            data->consortium,
                            data->report);
}

static void
cwb_engine_dispose (GObject *object)
{
  CwbEngine *self = (CwbEngine *)object;

  /* the extensions go before the plugins that provide them */
  g_clear_object (&self->providers);
  g_clear_object (&self->peas);
  if (self->errors != NULL)
    g_hash_table_remove_all (self->errors);

  G_OBJECT_CLASS (cwb_engine_parent_class)->dispose (object);
}

static void
cwb_engine_finalize (GObject *object)
{
  CwbEngine *self = (CwbEngine *)object;

  g_clear_pointer (&self->errors, g_hash_table_unref);

  G_OBJECT_CLASS (cwb_engine_parent_class)->finalize (object);
}

static void
cwb_engine_class_init (CwbEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_engine_dispose;
  object_class->finalize = cwb_engine_finalize;
}

/* Python plugins import Cwb-1.0 (and CwbUi-1.0); an installation outside
 * the system prefix puts the typelibs where introspection does not look.
 * GI_TYPELIB_PATH (set by `meson devenv` for the build tree) wins. */
static void
add_typelib_path (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (g_getenv ("GI_TYPELIB_PATH") == NULL && g_file_test (TYPELIBDIR, G_FILE_TEST_IS_DIR))
        g_irepository_prepend_search_path (TYPELIBDIR);
      g_once_init_leave (&done, 1);
    }
}

static void
cwb_engine_init (CwbEngine *self)
{
  const char *env;
  g_autofree char *user_dir = NULL;

  self->errors = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_error_free);

  /* a private engine: the default one is shared with anything else in the
   * process that uses libpeas */
  add_typelib_path ();

  self->peas = peas_engine_new ();
  peas_engine_enable_loader (self->peas, "python3");

  env = g_getenv ("CWB_PLUGIN_PATH");
  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        add_search_path (self->peas, dirs[i]);
    }

  user_dir = g_build_filename (g_get_user_data_dir (), "consortium-workbench", "plugins", NULL);
  add_search_path (self->peas, user_dir);
  add_search_path (self->peas, PLUGINDIR);
}

/**
 * cwb_engine_new:
 *
 * A private #PeasEngine with the python3 loader, searching in order each
 * directory of `$CWB_PLUGIN_PATH`, `$XDG_DATA_HOME/consortium-workbench/plugins`
 * and the installed plugin directory. A plugin found in more than one of
 * them is taken from the first. The engine pulls in no GTK: a host with
 * pages requires Gtk 4.0 from GObject Introspection before loading plugins.
 *
 * Returns: (transfer full): a new engine with no plugin loaded
 */
CwbEngine *
cwb_engine_new (void)
{
  return g_object_new (CWB_TYPE_ENGINE, NULL);
}

/**
 * cwb_engine_get_peas:
 * @self: an engine
 *
 * Returns: (transfer none): the #PeasEngine, e.g. to list, load or unload
 *   plugins from a plugin manager
 */
PeasEngine *
cwb_engine_get_peas (CwbEngine *self)
{
  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);

  return self->peas;
}

/**
 * cwb_engine_load_plugins:
 * @self: an engine
 * @disabled: (nullable) (array zero-terminated=1): module names not to load
 *
 * Loads every plugin found except those in @disabled. A plugin that fails
 * is kept in the list with its error (cwb_engine_get_plugin_error()) and
 * the others still load; libpeas logs a warning for it.
 */
void
cwb_engine_load_plugins (CwbEngine          *self,
                         const char * const *disabled)
{
  g_return_if_fail (CWB_IS_ENGINE (self));

  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      const char *module = peas_plugin_info_get_module_name (info);
      g_autoptr(GError) error = NULL;

      if (disabled != NULL && g_strv_contains (disabled, module))
        continue;

      if (peas_plugin_info_is_loaded (info))
        continue;

      if (!peas_plugin_info_is_available (info, &error))
        {
          record_error (self, info, error);
          continue;
        }

      if (!peas_engine_load_plugin (self->peas, info))
        {
          /* libpeas keeps the reason in the info; when it gives none, say
           * that loading returned FALSE */
          peas_plugin_info_is_available (info, &error);
          record_error (self, info, error);
          continue;
        }

      g_hash_table_remove (self->errors, info);
      g_debug ("Loaded plugin %s", module);
    }
}

/**
 * cwb_engine_get_plugin_error:
 * @self: an engine
 * @info: a plugin of the engine
 *
 * Returns: (nullable) (transfer none): why @info failed to load, %NULL if
 *   it did not fail; a #CWB_ERROR_PLUGIN whose message names the module and
 *   gives libpeas' reason
 */
const GError *
cwb_engine_get_plugin_error (CwbEngine      *self,
                             PeasPluginInfo *info)
{
  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  return g_hash_table_lookup (self->errors, info);
}

/**
 * cwb_engine_check:
 * @self: an engine
 * @context: the host's services
 * @consortium: the consortium, fully loaded
 *
 * Runs every loaded #CwbCheckProvider over @consortium. The extension set
 * is created on the first check and kept, so it follows plugins loaded or
 * unloaded later.
 *
 * Returns: (transfer full): the report
 */
CwbCheckReport *
cwb_engine_check (CwbEngine     *self,
                  CwbContext    *context,
                  CwbConsortium *consortium)
{
  g_autoptr(CwbCheckReport) report = NULL;
  CheckData data;

  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  if (self->providers == NULL)
    self->providers = peas_extension_set_new (self->peas, CWB_TYPE_CHECK_PROVIDER, NULL);

  report = cwb_check_report_new (cwb_context_get_rules (context), consortium);

  data.context = context;
  data.consortium = consortium;
  data.report = report;
  peas_extension_set_foreach (self->providers, check_provider_cb, &data);

  return g_steal_pointer (&report);
}
