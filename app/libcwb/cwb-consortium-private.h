/* cwb-consortium-private.h — what libcwb itself reaches in a consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-consortium.h"

G_BEGIN_DECLS

/* A summary's members come from @source (a CwbMemberList), read as asked
 * for; NULL: from the consortium's own array again */
void        _cwb_consortium_set_member_source (CwbConsortium *self,
                                               GListModel    *source);
/* (transfer none) (nullable) */
GListModel *_cwb_consortium_get_member_source (CwbConsortium *self);

/* (transfer none): the arrays themselves, for the file reader and the
 * store, which fill them */
G_GNUC_INTERNAL GPtrArray *_cwb_consortium_get_standards_mut  (CwbConsortium *self);
G_GNUC_INTERNAL GPtrArray *_cwb_consortium_get_exceptions_mut (CwbConsortium *self);
G_GNUC_INTERNAL GPtrArray *_cwb_consortium_get_lifecycle_mut  (CwbConsortium *self);

G_END_DECLS
