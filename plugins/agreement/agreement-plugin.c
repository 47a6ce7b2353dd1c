/* agreement-plugin.c — registers the agreement plugin's extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This is the headless core module: the command line and `check` load
 * only it. Its page is in the UI module (agreement-ui-plugin.c), which
 * cwb_plugin_register_ui() loads in a host that shows pages.
 */
#define G_LOG_DOMAIN "agreement-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb.h>

#include "cwb-agreement-command.h"
#include "cwb-agreement-provider.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  cwb_agreement_provider_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_CHECK_PROVIDER,
                                              CWB_TYPE_AGREEMENT_PROVIDER);
  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_COMMAND,
                                              CWB_TYPE_AGREEMENT_COMMAND);

  cwb_plugin_register_ui (module, "agreement-ui");
}
