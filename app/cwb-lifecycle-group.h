/* cwb-lifecycle-group.h — a consortium's review, approval and term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_LIFECYCLE_GROUP (cwb_lifecycle_group_get_type ())

G_DECLARE_FINAL_TYPE (CwbLifecycleGroup, cwb_lifecycle_group, CWB, LIFECYCLE_GROUP, AdwPreferencesGroup)

/*
 * The editor's group for the steps of policy 五(二)/(三) and 六(二)/(三)
 * (cwb-lifecycle.h): the stage reached and the current term, with the
 * steps recorded so far. In the 主管部门 role it records the next step
 * (CwbStageDialog, with an undo toast) and takes back the last one (after
 * a confirmation, with an undo toast). It follows the store's changes.
 */
void  cwb_lifecycle_group_set_context       (CwbLifecycleGroup *self,
                                             CwbContext        *context);
/* 0 shows nothing */
void  cwb_lifecycle_group_set_consortium_id (CwbLifecycleGroup *self,
                                             gint64             consortium_id);

G_END_DECLS
