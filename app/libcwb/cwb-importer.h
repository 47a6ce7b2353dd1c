/* cwb-importer.h — importing many consortium files: batched commits, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cwb-consortium.h"
#include "cwb-store.h"

G_BEGIN_DECLS

#define CWB_TYPE_IMPORTER (cwb_importer_get_type ())

G_DECLARE_FINAL_TYPE (CwbImporter, cwb_importer, CWB, IMPORTER, GObject)

/*
 * A CwbImporter imports consortia into a store one by one, as
 * cwb_store_import_consortium() does, but commits them in batches: each
 * consortium is written inside a savepoint (a consortium that fails, say
 * a duplicate name or a member without a credit code, leaves nothing
 * behind and the others of its batch are kept), and the savepoints of a
 * batch are committed together, in one transaction, when the batch is
 * full (cwb_importer_set_batch_limits(): by default 500 consortia or a
 * quarter of a second, whichever comes first) or when the caller calls
 * cwb_importer_commit(). One commit per batch instead of one per file is
 * what makes an import of thousands of files fast and keeps the -wal
 * small; a crash (or a kill) loses at most the open batch, never part of
 * a consortium, and the batches land in the order of the calls.
 *
 * Results. Whether a consortium landed is known only when its batch is
 * committed, so results are reported then, through the result function
 * (cwb_importer_set_result_func()), once per cwb_importer_add() or
 * cwb_importer_add_failed(), in the order of those calls: with a %NULL
 * error when the consortium was committed (and whether it replaced one
 * of the same name), else with why not. A consortium whose savepoint
 * succeeded but whose batch then failed to commit (the disk is full) or
 * was cancelled (cwb_importer_cancel()) is reported failed, with that
 * error, and its id is reset to 0. The "changed" signals of the store
 * come when a batch commits, all the batch's together.
 *
 * Progress. cwb_importer_set_n_total() says how many items the caller
 * will add; cwb_importer_get_n_done() counts those added so far (the
 * "n-done" property is notified after each), and
 * cwb_importer_estimate_remaining() and cwb_importer_dup_progress_text()
 * ("1 200 of 10 000 files, about 40 s left") estimate the rest from the
 * pace so far.
 *
 * Main loop. Between the first cwb_importer_add() of a batch and its
 * commit the store has a write transaction open. A write dispatched from
 * a nested main loop is then refused (CWB_ERROR_BUSY), and a write the
 * caller itself makes joins the batch. So a caller that runs in the main
 * loop (the window) imports a slice in an idle or a worker's callback and
 * calls cwb_importer_commit() before returning to the main loop; the
 * command line adds everything and commits once at the end.
 *
 * A CwbImporter is used from the thread of its store. Disposing of one
 * with a batch open cancels that batch (reporting its items).
 */

/**
 * CwbImporterResultFunc:
 * @importer: the importer
 * @consortium: (nullable): the consortium given to cwb_importer_add(), or
 *   %NULL for an item of cwb_importer_add_failed()
 * @replaced: whether it replaced a stored consortium of the same name
 *   (only with @replace and a %NULL @error)
 * @error: (nullable): %NULL when it was committed, else why not: the
 *   error cwb_importer_add_failed() was given, the store's
 *   (%CWB_ERROR_EXISTS: a consortium of that name exists and @replace was
 *   not given; %CWB_ERROR_INVALID …), the failed commit's, or
 *   %G_IO_ERROR_CANCELLED after cwb_importer_cancel()
 * @item_data: the @item_data given with the item
 * @user_data: the data given to cwb_importer_set_result_func()
 *
 * The outcome of one item; called once per item, in the order they were
 * added, when their batch was committed (or at once for an item of
 * cwb_importer_add_failed() when no batch is open).
 */
typedef void (*CwbImporterResultFunc) (CwbImporter   *importer,
                                       CwbConsortium *consortium,
                                       gboolean       replaced,
                                       const GError  *error,
                                       gpointer       item_data,
                                       gpointer       user_data);

CwbImporter   *cwb_importer_new                (CwbStore              *store);
CwbStore      *cwb_importer_get_store          (CwbImporter           *self);

void           cwb_importer_set_result_func    (CwbImporter           *self,
                                                CwbImporterResultFunc  func,
                                                gpointer               user_data,
                                                GDestroyNotify         destroy);
/* A batch is committed once it holds @max_items items (0: no limit) or
 * has been open @max_msec milliseconds (0: no limit); with both 0 only
 * cwb_importer_commit() commits. Default 500 and 250. */
void           cwb_importer_set_batch_limits   (CwbImporter           *self,
                                                guint                  max_items,
                                                guint                  max_msec);

/* Imports @consortium inside the open batch (opening one if none is),
 * in a savepoint of its own: it lands whole with its batch or not at all.
 * @replace as in cwb_store_import_consortium(). Commits the batch when it
 * is full. @item_data (owned by the importer, freed with @item_destroy
 * after its result was reported) comes back in the result function.
 * Returns whether the consortium was written into the batch (its result
 * may still be a failure if the batch fails to commit). */
gboolean       cwb_importer_add                (CwbImporter           *self,
                                                CwbConsortium         *consortium,
                                                gboolean               replace,
                                                gpointer               item_data,
                                                GDestroyNotify         item_destroy);
/* An item that failed before it could be imported (the file could not
 * be read or parsed): counted, and its result (@error) reported in order
 * with the others. */
void           cwb_importer_add_failed         (CwbImporter           *self,
                                                const GError          *error,
                                                gpointer               item_data,
                                                GDestroyNotify         item_destroy);
/* Commits the open batch, if any, and reports its results. On failure
 * the batch is rolled back, its items are reported failed with the error,
 * which is also returned here. */
gboolean       cwb_importer_commit             (CwbImporter           *self,
                                                GError               **error);
/* Rolls back the open batch, if any; its items are reported failed
 * (G_IO_ERROR_CANCELLED). What was committed stays. */
void           cwb_importer_cancel             (CwbImporter           *self);
/* Whether a batch (a write transaction) is open */
gboolean       cwb_importer_is_batch_open      (CwbImporter           *self);

/* Progress */
void           cwb_importer_set_n_total        (CwbImporter           *self,
                                                guint                  n_total);
guint          cwb_importer_get_n_total        (CwbImporter           *self);
/* items added so far (cwb_importer_add() and cwb_importer_add_failed()) */
guint          cwb_importer_get_n_done         (CwbImporter           *self);
/* items reported so far: committed, and failed */
guint          cwb_importer_get_n_imported     (CwbImporter           *self);
guint          cwb_importer_get_n_failed       (CwbImporter           *self);
/* Microseconds until the last of n-total items is added, at the pace so
 * far; -1 when it cannot be told yet (no total, nothing done) */
gint64         cwb_importer_estimate_remaining (CwbImporter           *self);
/* (transfer full): "@n_done of @n_total files, about 40 s left", or
 * without the estimate when there is none, translated */
char          *cwb_importer_dup_progress_text  (CwbImporter           *self);

G_END_DECLS
