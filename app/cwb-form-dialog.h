/* cwb-form-dialog.h — the base of the host's modal forms about one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_FORM_DIALOG (cwb_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (CwbFormDialog, cwb_form_dialog, CWB, FORM_DIALOG, AdwWindow)

struct _CwbFormDialogClass
{
  AdwWindowClass parent_class;
};

/*
 * What the member, exception and stage dialogs share: the host's context
 * and the consortium they write to (construct-only properties "context"
 * and "consortium-id"), and Escape to close without writing.
 */
CwbContext *cwb_form_dialog_get_context       (CwbFormDialog *self);
gint64      cwb_form_dialog_get_consortium_id (CwbFormDialog *self);

G_END_DECLS
