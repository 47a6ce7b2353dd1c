/* cwb-paged-list.h — the base of the lazy list models: a count, then pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CWB_TYPE_PAGED_LIST (cwb_paged_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (CwbPagedList, cwb_paged_list, CWB, PAGED_LIST, GObject)

/*
 * A GListModel over rows that live in SQLite (or anywhere that can count
 * them and read a range of them): it counts the rows with one query when
 * it is first asked for its size, and reads pages of rows (100 by
 * default) as items are asked for, keeping the few pages last used (4 by
 * default), so a view over 100 000 rows reads only what it shows. A
 * subclass says what the rows are with two functions:
 *
 *   count:      how many rows there are (one query: SELECT count(*) …);
 *   read_range: (transfer full) the objects of rows @start … @start +
 *               @n_rows - 1, in order (SELECT … ORDER BY … LIMIT :n
 *               OFFSET :start, or a seek on an indexed position); fewer
 *               when the rows end.
 *
 * and calls cwb_paged_list_reset() when the rows may have changed (its
 * source's change signal, a new search): the pages are dropped and, if
 * anybody has seen the list's size, the rows are counted again and
 * "items-changed" (0, old size, new size) and "notify::n-items" follow.
 * A failing count or read is a g_warning() and reads as no rows.
 *
 * A list of one consortium's members (CwbMemberList), a registry's search
 * (the experts plugin's CwbExpertList) and any other table (an annual
 * overview, a register) are subclasses of a few dozen lines: see
 * cwb-member-list.c. The "item-type" property (construct-only) is the
 * GType of the objects read_range returns.
 */
struct _CwbPagedListClass
{
  GObjectClass parent_class;

  gboolean   (*count)      (CwbPagedList  *self,
                            guint         *n_rows,
                            GError       **error);
  GPtrArray *(*read_range) (CwbPagedList  *self,
                            guint          start,
                            guint          n_rows,
                            GError       **error);

  /*< private >*/
  gpointer padding[8];
};

/* The rows may have changed: drop the pages, count again and announce */
void           cwb_paged_list_reset         (CwbPagedList *self);
/* The rows changed exactly so: drop the pages and announce only that */
void           cwb_paged_list_items_changed (CwbPagedList *self,
                                             guint         position,
                                             guint         removed,
                                             guint         added);
/* Whether the rows have been counted since the last reset (whether anybody
 * has seen the list's size, and so would need to be told of a change) */
/* exactly rows @position … changed: items-changed for them, their pages dropped */
void           cwb_paged_list_splice        (CwbPagedList *self,
                                             guint         position,
                                             guint         n_removed,
                                             guint         n_added);
gboolean       cwb_paged_list_is_counted    (CwbPagedList *self);
/* Rows per page, and how many pages are kept; set them before the first
 * read (defaults 100 and 4) */
void           cwb_paged_list_set_page_size (CwbPagedList *self,
                                             guint         page_size,
                                             guint         max_pages);
/* How many rows read_range() returned so far (for tests and benchmarks) */
guint64        cwb_paged_list_get_rows_read (CwbPagedList *self);

G_END_DECLS
