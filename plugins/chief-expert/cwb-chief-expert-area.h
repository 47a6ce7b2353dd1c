/* cwb-chief-expert-area.h — the chief expert's page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb-ui.h>

G_BEGIN_DECLS

#define CWB_TYPE_CHIEF_EXPERT_AREA (cwb_chief_expert_area_get_type ())

G_DECLARE_FINAL_TYPE (CwbChiefExpertArea, cwb_chief_expert_area, CWB, CHIEF_EXPERT_AREA, CwbPageArea)

/* Registers CwbChiefExpertArea with @module; called from the
 * chief-expert plugin's peas_register_types(). */
void cwb_chief_expert_area_register_type (GTypeModule *module);

G_END_DECLS
