/* composition-ui-plugin.c — registers the composition plugin's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI module (GTK): the core module (composition-plugin.c) loads it
 * with cwb_plugin_register_ui() in a host that shows pages.
 */
#define G_LOG_DOMAIN "composition-ui-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb-ui.h>

#include "cwb-composition-area.h"

G_MODULE_EXPORT void cwb_plugin_ui_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
cwb_plugin_ui_register_types (PeasObjectModule *module)
{
  cwb_composition_area_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_AREA,
                                              CWB_TYPE_COMPOSITION_AREA);
}
