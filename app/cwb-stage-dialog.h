/* cwb-stage-dialog.h — records the next step of a consortium's review or term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

#include "cwb-form-dialog.h"

G_BEGIN_DECLS

#define CWB_TYPE_STAGE_DIALOG (cwb_stage_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbStageDialog, cwb_stage_dialog, CWB, STAGE_DIALOG, CwbFormDialog)

/*
 * A modal window that records the next step (cwb-lifecycle.h) of the
 * consortium @consortium_id: the steps that may follow the current one,
 * the date (today by default, never later than the context's clock), the
 * document number (required for the provincial office's decisions) and a
 * note. The caller makes it transient for its root and presents it.
 *
 * Signal "recorded" (CwbStageEvent *event): emitted after the step was
 * written, before the window closes.
 */
CwbStageDialog *cwb_stage_dialog_new  (CwbContext      *context,
                                       gint64           consortium_id);
/* What the Record button does: checks, writes, closes on success. On
 * failure the message is also shown in the dialog and nothing changed. */
gboolean        cwb_stage_dialog_save (CwbStageDialog  *self,
                                       GError         **error);

G_END_DECLS
