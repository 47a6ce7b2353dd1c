/* cwb-agreement-provider.h — rules A1 and A2 (policy 五(一)2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_AGREEMENT_PROVIDER (cwb_agreement_provider_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementProvider, cwb_agreement_provider, CWB, AGREEMENT_PROVIDER, GObject)

/* Registers CwbAgreementProvider with @module; called from
 * peas_register_types(). */
void cwb_agreement_provider_register_type (GTypeModule *module);

G_END_DECLS
