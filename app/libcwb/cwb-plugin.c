/* cwb-plugin.c — a plugin's two modules: a headless core and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-plugin"

#include "config.h"

#include <gmodule.h>

#include "cwb-plugin.h"

/**
 * SECTION:cwb-plugin
 * @title: A plugin's modules
 *
 * Every plugin has the same shape: a headless core (its check provider,
 * model and commands, linking libcwb but never GTK) and a UI module for its
 * pages. The core is the module the `.plugin` file names, so the command
 * line and `check` load only the core. Its `peas_register_types()`
 * registers the headless extensions, then calls cwb_plugin_register_ui()
 * with the UI module's name; in a host that shows pages, that loads the UI
 * module from the same folder and lets it register the #CwbArea and what
 * the pages need, into the same #PeasObjectModule:
 *
 * |[<!-- language="C" -->
 * G_MODULE_EXPORT void
 * peas_register_types (PeasObjectModule *module)
 * {
 *   cwb_composition_provider_register_type (G_TYPE_MODULE (module));
 *   peas_object_module_register_extension_type (module,
 *                                               CWB_TYPE_CHECK_PROVIDER,
 *                                               CWB_TYPE_COMPOSITION_PROVIDER);
 *   cwb_plugin_register_ui (module, "composition-ui");
 * }
 * ]|
 *
 * and the UI module (`composition-ui-plugin.c`):
 *
 * |[<!-- language="C" -->
 * G_MODULE_EXPORT void
 * cwb_plugin_ui_register_types (PeasObjectModule *module)
 * {
 *   cwb_composition_area_register_type (G_TYPE_MODULE (module));
 *   peas_object_module_register_extension_type (module,
 *                                               CWB_TYPE_AREA,
 *                                               CWB_TYPE_COMPOSITION_AREA);
 * }
 * ]|
 */

/**
 * cwb_plugin_host_shows_pages:
 *
 * Whether this process shows pages: it has GTK 4 loaded and initialised
 * (the window, the GUI tests). The command line and `check` never
 * initialise GTK, so their plugins load no UI module.
 *
 * Returns: %TRUE if plugins should register their pages
 */
gboolean
cwb_plugin_host_shows_pages (void)
{
  GModule *self = g_module_open (NULL, G_MODULE_BIND_LAZY);
  gboolean (*is_initialized) (void) = NULL;
  gboolean shows;

  /* looked up, not linked: libcwb never links GTK */
  shows = self != NULL
          && g_module_symbol (self, "gtk_is_initialized", (gpointer *) &is_initialized)
          && is_initialized != NULL
          && is_initialized ();

  if (self != NULL)
    g_module_close (self);

  return shows;
}

/**
 * cwb_plugin_register_ui:
 * @module: the plugin's core module, as given to `peas_register_types()`
 * @name: the UI module's name, e.g. "composition-ui" for
 *   `libcomposition-ui.so` in the same folder as the core module
 *
 * In a host that shows pages (cwb_plugin_host_shows_pages()), loads the UI
 * module @name from @module's folder, keeps it loaded for the life of the
 * process (it registers types) and calls its #CWB_PLUGIN_UI_SYMBOL with
 * @module. Elsewhere, does nothing.
 *
 * Returns: %FALSE, with a warning, if the host shows pages and the UI
 *   module cannot be loaded or lacks #CWB_PLUGIN_UI_SYMBOL; the plugin's
 *   headless extensions still work
 */
gboolean
cwb_plugin_register_ui (PeasObjectModule *module,
                        const char       *name)
{
  g_autofree char *path = NULL;
  CwbPluginUiRegisterFunc register_types = NULL;
  GModule *ui;

  g_return_val_if_fail (PEAS_IS_OBJECT_MODULE (module), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!cwb_plugin_host_shows_pages ())
    return TRUE;

  path = g_module_build_path (peas_object_module_get_path (module), name);
  ui = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (ui == NULL)
    {
      g_warning ("The pages of a plugin could not be loaded: %s", g_module_error ());
      return FALSE;
    }

  if (!g_module_symbol (ui, CWB_PLUGIN_UI_SYMBOL, (gpointer *) &register_types)
      || register_types == NULL)
    {
      g_warning ("%s has no %s()", path, CWB_PLUGIN_UI_SYMBOL);
      g_module_close (ui);
      return FALSE;
    }

  g_module_make_resident (ui);
  register_types (module);

  return TRUE;
}
