/* cwb-agreement-area.h — the formation agreement's page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb-ui.h>

G_BEGIN_DECLS

#define CWB_TYPE_AGREEMENT_AREA (cwb_agreement_area_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementArea, cwb_agreement_area, CWB, AGREEMENT_AREA, CwbPageArea)

/* Registers CwbAgreementArea and the page widgets it creates with @module;
 * called from peas_register_types(). */
void cwb_agreement_area_register_type (GTypeModule *module);

G_END_DECLS
