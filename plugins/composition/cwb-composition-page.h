/* cwb-composition-page.h — the composition check of the current consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

G_BEGIN_DECLS

#define CWB_TYPE_COMPOSITION_PAGE (cwb_composition_page_get_type ())

G_DECLARE_FINAL_TYPE (CwbCompositionPage, cwb_composition_page, CWB, COMPOSITION_PAGE, AdwBin)

/*
 * Shows cwb_context_check() of CwbContext:consortium: the verdict with its
 * counts, then one row per result. Follows the context's notify::consortium
 * (coalesced in an idle). Read-only properties for tests: "context",
 * "report" (the CwbCheckReport shown, NULL when there is no consortium) and
 * "verdict-text" (the verdict line as shown, NULL with no consortium).
 */

GtkWidget      *cwb_composition_page_new              (CwbContext         *context);
CwbContext     *cwb_composition_page_get_context      (CwbCompositionPage *self);
/* (nullable) (transfer none) */
CwbCheckReport *cwb_composition_page_get_report       (CwbCompositionPage *self);
/* (nullable) */
const char     *cwb_composition_page_get_verdict_text (CwbCompositionPage *self);

/* The type is dynamic (it lives in the plugin's module): registered by
 * cwb_composition_area_register_type(). */
void            _cwb_composition_page_register_type   (GTypeModule        *module);

G_END_DECLS
