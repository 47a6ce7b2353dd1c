/* cwb-stage-dialog-private.h — what the tests reach inside the stage dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-stage-dialog.h"

G_BEGIN_DECLS

/* A template child by its id in cwb-stage-dialog.ui ("stage_row",
 * "date_row", "document_row", "note_row", "message" …). (transfer none) */
gpointer   _cwb_stage_dialog_get_child  (CwbStageDialog *self,
                                         const char     *id);
/* Selects @stage in the step drop-down; FALSE if it is not offered */
gboolean   _cwb_stage_dialog_set_stage  (CwbStageDialog *self,
                                         CwbStage        stage);

G_END_DECLS
