/* experts-plugin.c — registers the experts plugin's extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the headless core module: the command line and `check` load
 * only it. Its page is in the UI module (experts-ui-plugin.c), which
 * cwb_plugin_register_ui() loads in a host that shows pages.
 */
#define G_LOG_DOMAIN "experts-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb.h>

#include "cwb-experts-provider.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  cwb_experts_provider_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_CHECK_PROVIDER,
                                              CWB_TYPE_EXPERTS_PROVIDER);

  cwb_plugin_register_ui (module, "experts-ui");
}
