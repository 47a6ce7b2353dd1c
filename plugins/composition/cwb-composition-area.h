/* cwb-composition-area.h — the composition check's page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb-ui.h>

G_BEGIN_DECLS

#define CWB_TYPE_COMPOSITION_AREA (cwb_composition_area_get_type ())

G_DECLARE_FINAL_TYPE (CwbCompositionArea, cwb_composition_area, CWB, COMPOSITION_AREA, CwbPageArea)

/* Registers CwbCompositionArea and the page widget it creates with @module;
 * called from peas_register_types(). */
void cwb_composition_area_register_type (GTypeModule *module);

G_END_DECLS
