/* chief-expert-plugin.c — registers the chief-expert plugin's extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpeas 1.x gives each plugin one extension per interface, so the
 * consortium's chief-expert page is a plugin of its own beside the
 * registry's page. The chief expert's model and the E1–E3 check are the
 * experts plugin's (libcwb-experts); this plugin has no headless extension,
 * so its core module only loads the UI module (chief-expert-ui-plugin.c) in
 * a host that shows pages.
 */
#define G_LOG_DOMAIN "chief-expert-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb.h>

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  cwb_plugin_register_ui (module, "chief-expert-ui");
}
