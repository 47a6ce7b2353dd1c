/* cwb-member-list.h — a lazy GListModel over one consortium's members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cwb-paged-list.h"
#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_MEMBER_LIST (cwb_member_list_get_type ())

/* A CwbPagedList (a GListModel) of CwbMember: it counts rows with one query
 * and reads them in pages as they are asked for, keeping only a few pages,
 * so a 100 000-member consortium scrolls without loading every row. It
 * follows the store's "committed" signal: a member inserted, updated or
 * removed is announced as items-changed at its position, and only the
 * cached pages it touches are read again. */
G_DECLARE_FINAL_TYPE (CwbMemberList, cwb_member_list, CWB, MEMBER_LIST, CwbPagedList)

gint64 cwb_member_list_get_consortium_id (CwbMemberList *self);

G_END_DECLS
