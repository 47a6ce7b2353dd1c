/* cwb-store-private.h — what CwbMemberList and the tests need of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-member-list.h"
#include "cwb-store.h"

G_BEGIN_DECLS

/* The schema version (PRAGMA user_version) this code migrates to. */
int            _cwb_store_get_schema_version   (void);

/* The number of members of a consortium (positions are 0 .. n-1). */
gboolean       _cwb_store_count_members        (CwbStore   *self,
                                                gint64      consortium_id,
                                                guint      *n_members,
                                                GError    **error);
/* (transfer full) (element-type CwbMember): up to @limit members from
 * @first_position on, in position order. */
GPtrArray     *_cwb_store_read_members         (CwbStore   *self,
                                                gint64      consortium_id,
                                                guint       first_position,
                                                guint       limit,
                                                GError    **error);

/* Whether a write may start now: CWB_ERROR_BUSY while a transaction that
 * runs the main loop is open and the caller was dispatched by that loop
 * (a write from there would join the transaction, and go if it rolled
 * back). CwbStatement asks before a plugin's write. */
gboolean       _cwb_store_check_writer         (CwbStore   *self,
                                                GError    **error);

CwbMemberList *_cwb_member_list_new            (CwbStore   *store,
                                                gint64      consortium_id);
/* How many rows this list has read from SQLite so far. */
guint64        _cwb_member_list_get_rows_read  (CwbMemberList *self);

G_END_DECLS
