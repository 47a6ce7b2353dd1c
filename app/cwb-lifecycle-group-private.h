/* cwb-lifecycle-group-private.h — what the tests reach inside the lifecycle group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-lifecycle-group.h"

G_BEGIN_DECLS

/* A template child by its id in cwb-lifecycle-group.ui ("record_button",
 * "status_row", "expired_label", "events_list"). (transfer none) */
gpointer   _cwb_lifecycle_group_get_child      (CwbLifecycleGroup *self,
                                                const char        *id);
/* (transfer none) (nullable): the last toast the group showed */
AdwToast  *_cwb_lifecycle_group_get_last_toast (CwbLifecycleGroup *self);

G_END_DECLS
