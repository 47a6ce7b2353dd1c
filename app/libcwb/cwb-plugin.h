/* cwb-plugin.h — a plugin's two modules: a headless core and its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpeas/peas.h>

G_BEGIN_DECLS

/* The name of the function a plugin's UI module exports. */
#define CWB_PLUGIN_UI_SYMBOL "cwb_plugin_ui_register_types"

/* The signature of CWB_PLUGIN_UI_SYMBOL: registers the UI module's types
 * (areas, pages, dialogs) into @module, the plugin's core module. */
typedef void (*CwbPluginUiRegisterFunc) (PeasObjectModule *module);

gboolean cwb_plugin_host_shows_pages (void);
gboolean cwb_plugin_register_ui      (PeasObjectModule *module,
                                      const char       *name);

G_END_DECLS
