/* cwb-context.h — the host services a plugin receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_CONTEXT (cwb_context_get_type ())

G_DECLARE_FINAL_TYPE (CwbContext, cwb_context, CWB, CONTEXT, GObject)

/* Properties: "rules" (construct-only), "store", "secrets" and "engine"
 * (construct-only, nullable), "role", "consortium" (the current consortium,
 * nullable; notified when the user selects another or after an edit, when
 * the host reloads it). */

/* @store, @secrets, @engine: (nullable) */
CwbContext    *cwb_context_new            (CwbRuleSet    *rules,
                                           CwbStore      *store,
                                           CwbSecrets    *secrets,
                                           CwbEngine     *engine);
CwbRuleSet    *cwb_context_get_rules      (CwbContext    *self);
/* (nullable) */
CwbEngine     *cwb_context_get_engine     (CwbContext    *self);
/* Runs every loaded check provider (cwb_engine_check() with this context's
 * engine); with no engine, a report with no results. (transfer full) */
CwbCheckReport *cwb_context_check         (CwbContext    *self,
                                           CwbConsortium *consortium);
/* The same in a worker thread, on a read-only connection of its own: a
 * summary is loaded whole there. See cwb_context_check_async() in
 * cwb-context.c for the details; in short:
 *  - a check cancelled through @cancellable (because another consortium
 *    was selected, or this one changed) finishes with G_IO_ERROR_CANCELLED
 *    even if the worker got to the end: its report is never delivered;
 *  - checks run one at a time, in the order they were started.
 * Thread safety of check providers: check() may run in a worker thread,
 * while the main thread does other things (but no other check started
 * with this function). The C providers are pure functions of their
 * arguments. A Python provider runs under the GIL, which PyGObject takes
 * when a worker calls into Python, so its Python code never runs at the
 * same time as other Python code; it must not touch GTK or objects the
 * main thread changes. A provider that cannot run in a worker can only be
 * run through cwb_context_check() / cwb_engine_check() on the main
 * thread. */
void           cwb_context_check_async    (CwbContext          *self,
                                           CwbConsortium       *consortium,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* (transfer full) */
CwbCheckReport *cwb_context_check_finish  (CwbContext          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* (nullable) */
CwbStore      *cwb_context_get_store      (CwbContext    *self);
/* (nullable) */
CwbSecrets    *cwb_context_get_secrets    (CwbContext    *self);

CwbRole        cwb_context_get_role       (CwbContext    *self);
void           cwb_context_set_role       (CwbContext    *self,
                                           CwbRole        role);
/* (nullable) (transfer none) */
CwbConsortium *cwb_context_get_consortium (CwbContext    *self);
void           cwb_context_set_consortium (CwbContext    *self,
                                           CwbConsortium *consortium);

/* The clock: the real local time unless a test fixed it. (transfer full) */
GDateTime     *cwb_context_dup_now        (CwbContext    *self);
/* Today by that clock, YYYY-MM-DD. (transfer full) */
char          *cwb_context_dup_today      (CwbContext    *self);
/* @now: (nullable): NULL returns to the real clock */
void           cwb_context_set_now        (CwbContext    *self,
                                           GDateTime     *now);

G_END_DECLS
