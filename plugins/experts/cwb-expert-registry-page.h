/* cwb-expert-registry-page.h — the registry of experts (专家库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define CWB_TYPE_EXPERT_REGISTRY_PAGE (cwb_expert_registry_page_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpertRegistryPage, cwb_expert_registry_page, CWB, EXPERT_REGISTRY_PAGE, AdwBin)

/*
 * The workspace's experts: a search entry (as typed), filters (field, title
 * level, chief experts now) and the matching experts from the registry's
 * lazy list; add, edit, remove, import (with a preview) and export.
 *
 * Read-only property for tests: "list" (the CwbExpertList shown, NULL
 * without a store).
 *
 * Actions (group "experts"): add, edit (x: expert id), remove (x: expert
 * id, asks first), import (chooses a file), import-file (s: path, opens the
 * preview), export (chooses a file), export-to (s: path; CSV or XLSX by
 * its extension).
 */

GtkWidget *cwb_expert_registry_page_new (CwbContext *context);


G_END_DECLS
