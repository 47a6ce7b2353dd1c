/* experts-plugin.c — registers the experts plugin's extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "experts-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb-ui.h>

#include "cwb-experts-area.h"
#include "cwb-experts-provider.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  cwb_experts_provider_register_type (G_TYPE_MODULE (module));
  cwb_experts_area_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_CHECK_PROVIDER,
                                              CWB_TYPE_EXPERTS_PROVIDER);
  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_AREA,
                                              CWB_TYPE_EXPERTS_AREA);
}
