/* experts-ui-plugin.c — registers the experts plugin's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The UI module (GTK): the core module (experts-plugin.c) loads it with
 * cwb_plugin_register_ui() in a host that shows pages.
 */
#define G_LOG_DOMAIN "experts-ui-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb-ui.h>

#include "cwb-experts-area.h"

G_MODULE_EXPORT void cwb_plugin_ui_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
cwb_plugin_ui_register_types (PeasObjectModule *module)
{
  cwb_experts_area_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_AREA,
                                              CWB_TYPE_EXPERTS_AREA);
}
