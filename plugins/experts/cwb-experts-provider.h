/* cwb-experts-provider.h — rules E1, E2 and E3 (policy 五(一)3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_EXPERTS_PROVIDER (cwb_experts_provider_get_type ())

/* E1 (hard): the consortium's "chief_expert" section names a chief expert
 * with name, title, field and affiliation (USCC). E2 (preference): the
 * chief expert's field names the consortium's industry; info when not.
 * E3 (preference, needs the store): the chief expert (the registry expert
 * matching the section) is not the chief expert of another consortium now;
 * info when it is; no E3 result without a store. */
G_DECLARE_FINAL_TYPE (CwbExpertsProvider, cwb_experts_provider, CWB, EXPERTS_PROVIDER, GObject)

/* Registers CwbExpertsProvider with @module; called from
 * peas_register_types(). */
void cwb_experts_provider_register_type (GTypeModule *module);

G_END_DECLS
