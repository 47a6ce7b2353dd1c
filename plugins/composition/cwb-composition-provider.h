/* cwb-composition-provider.h — the composition check (sections 二 and 四 of the policy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_COMPOSITION_PROVIDER (cwb_composition_provider_get_type ())

G_DECLARE_FINAL_TYPE (CwbCompositionProvider, cwb_composition_provider, CWB, COMPOSITION_PROVIDER, GObject)

/* Registers CwbCompositionProvider with @module; called from
 * peas_register_types(). */
void cwb_composition_provider_register_type (GTypeModule *module);

G_END_DECLS
