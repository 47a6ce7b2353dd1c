/* cwb-consortium-list.h — a lazy GListModel over the workspace's consortia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cwb-paged-list.h"
#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_CONSORTIUM_LIST (cwb_consortium_list_get_type ())

/* Implements GListModel of CwbConsortium (id, name and industry only), in
 * name order, filtered by a search text and an industry in SQL. It holds
 * the matching ids (8 bytes a consortium, read from the name index on first
 * use) and reads the rows in pages as they are asked for (a CwbPagedList),
 * so 100 000 consortia open without building 100 000 objects.
 * It follows the store's "changed" signal, announcing only the positions
 * that changed. */
G_DECLARE_FINAL_TYPE (CwbConsortiumList, cwb_consortium_list, CWB, CONSORTIUM_LIST, CwbPagedList)

CwbConsortiumList *cwb_consortium_list_new          (CwbStore          *store);
void               cwb_consortium_list_set_search   (CwbConsortiumList *self,
                                                     const char        *search);
const char        *cwb_consortium_list_get_search   (CwbConsortiumList *self);
void               cwb_consortium_list_set_industry (CwbConsortiumList *self,
                                                     const char        *industry);
const char        *cwb_consortium_list_get_industry (CwbConsortiumList *self);
guint              cwb_consortium_list_get_n_total  (CwbConsortiumList *self);
guint              cwb_consortium_list_find         (CwbConsortiumList *self,
                                                     gint64             id);
/* Between the two the store's changes are only noted; the last thaw reads
 * the ids once and announces what differs. For a caller that commits many
 * consortia at once (the window's import). Calls nest. */
void               cwb_consortium_list_freeze_changes (CwbConsortiumList *self);
void               cwb_consortium_list_thaw_changes   (CwbConsortiumList *self);

G_END_DECLS
