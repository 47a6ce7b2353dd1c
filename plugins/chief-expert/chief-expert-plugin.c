/* chief-expert-plugin.c — registers the chief-expert plugin's extensions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libpeas 1.x gives each plugin one extension per interface, so the
 * consortium's chief-expert page is a plugin of its own beside the
 * registry's page, in its own folder; it links libcwb-experts and the
 * expert dialog of libcwb-experts-ui.
 */
#define G_LOG_DOMAIN "chief-expert-plugin"

#include "config.h"

#include <libpeas/peas.h>
#include <cwb-ui.h>

#include "cwb-chief-expert-area.h"

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  cwb_chief_expert_area_register_type (G_TYPE_MODULE (module));

  peas_object_module_register_extension_type (module,
                                              CWB_TYPE_AREA,
                                              CWB_TYPE_CHIEF_EXPERT_AREA);
}
