/* cwb-plugin.h — a plugin's two modules: a headless core and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpeas/peas.h>

G_BEGIN_DECLS

/**
 * CWB_PLUGIN_UI_SYMBOL:
 *
 * The name of the function a plugin's UI module exports, a
 * #CwbPluginUiRegisterFunc: `cwb_plugin_ui_register_types`.
 */
#define CWB_PLUGIN_UI_SYMBOL "cwb_plugin_ui_register_types"

/**
 * CwbPluginUiRegisterFunc:
 * @module: the plugin's core module
 *
 * Registers the UI module's types (its #CwbArea, pages, dialogs) and
 * extensions into @module, as `peas_register_types()` does for the core.
 */
typedef void (*CwbPluginUiRegisterFunc) (PeasObjectModule *module);

gboolean cwb_plugin_host_shows_pages (void);
gboolean cwb_plugin_register_ui      (PeasObjectModule *module,
                                      const char       *name);

G_END_DECLS
