/* cwb-experts-area.h — the registry of experts' page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb-ui.h>

G_BEGIN_DECLS

#define CWB_TYPE_EXPERTS_AREA (cwb_experts_area_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpertsArea, cwb_experts_area, CWB, EXPERTS_AREA, CwbPageArea)

/* Registers CwbExpertsArea with @module; called from
 * peas_register_types(). */
void cwb_experts_area_register_type (GTypeModule *module);

G_END_DECLS
