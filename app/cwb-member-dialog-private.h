/* cwb-member-dialog-private.h — what the tests reach inside the member dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-member-dialog.h"

G_BEGIN_DECLS

/* A template child (a widget, or a model) by its id in cwb-member-dialog.ui ("name_row",
 * "uscc_row", "uscc_message", "save_button" …). (transfer none) */
gpointer   _cwb_member_dialog_get_child (CwbMemberDialog *self,
                                         const char      *id);

G_END_DECLS
