/* cwb-member-dialog.h — adds or edits one member unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

#include "cwb-form-dialog.h"

G_BEGIN_DECLS

#define CWB_TYPE_MEMBER_DIALOG (cwb_member_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbMemberDialog, cwb_member_dialog, CWB, MEMBER_DIALOG, CwbFormDialog)

/*
 * A modal window; the caller makes it transient for its root and presents
 * it. @member: (nullable): the member to edit (it is copied, never changed),
 * or NULL to add one at the end of the consortium. Save writes through the
 * context's store and closes the window; Cancel or Escape closes it and
 * changes nothing. Making the member the lead turns the current lead into an
 * ordinary member in the same save (the file format allows one lead).
 */
CwbMemberDialog *cwb_member_dialog_new  (CwbContext      *context,
                                         gint64           consortium_id,
                                         CwbMember       *member);
/* What the Save button does: validates, writes, closes on success. On
 * failure the message is also shown in the dialog and nothing changed. */
gboolean         cwb_member_dialog_save (CwbMemberDialog *self,
                                         GError         **error);

G_END_DECLS
