/* cwb-expert-import-dialog.h — the preview of an import of experts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define CWB_TYPE_EXPERT_IMPORT_DIALOG (cwb_expert_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpertImportDialog, cwb_expert_import_dialog, CWB, EXPERT_IMPORT_DIALOG, AdwWindow)

/*
 * Reads a CSV or XLSX file in a worker thread (a progress bar while it
 * reads), then lists every row with its problems and a check box; rows
 * with problems start unchecked. "Import" adds the checked rows in one
 * transaction (progress again); "Cancel" at any time writes nothing.
 *
 * Read-only properties for tests: "rows" (the GListModel of
 * CwbExpertImportRow, NULL while reading), "error" (the reading's message,
 * NULL if none). Signal "imported" (guint number added). Actions (group
 * "import"): apply, cancel.
 */

CwbExpertImportDialog *cwb_expert_import_dialog_new (CwbContext *context,
                                                     const char *path);


G_END_DECLS
