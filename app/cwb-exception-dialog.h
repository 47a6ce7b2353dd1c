/* cwb-exception-dialog.h — records a 一事一议 exception (rule X1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

#include "cwb-form-dialog.h"

G_BEGIN_DECLS

#define CWB_TYPE_EXCEPTION_DIALOG (cwb_exception_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbExceptionDialog, cwb_exception_dialog, CWB, EXCEPTION_DIALOG, CwbFormDialog)

/*
 * A modal window that adds one exception (rule, document number, date,
 * reason — all required) to the consortium @consortium_id; the caller makes
 * it transient for its root and presents it. Save writes the consortium's
 * own fields through cwb_store_update_consortium() and closes the window.
 */
CwbExceptionDialog *cwb_exception_dialog_new  (CwbContext          *context,
                                               gint64               consortium_id);
/* What the Save button does: validates, writes, closes on success. On
 * failure the message is also shown in the dialog and nothing changed. */
gboolean            cwb_exception_dialog_save (CwbExceptionDialog  *self,
                                               GError             **error);

G_END_DECLS
