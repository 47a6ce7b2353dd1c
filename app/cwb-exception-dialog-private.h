/* cwb-exception-dialog-private.h — what the tests reach inside the exception dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-exception-dialog.h"

G_BEGIN_DECLS

/* A template child (a widget, or a model) by its id in cwb-exception-dialog.ui ("rule_row",
 * "document_row", "date_row", "reason_row", "message" …). (transfer none) */
gpointer   _cwb_exception_dialog_get_child (CwbExceptionDialog *self,
                                            const char         *id);

G_END_DECLS
