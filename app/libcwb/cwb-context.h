/* cwb-context.h — the host services a plugin receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

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
