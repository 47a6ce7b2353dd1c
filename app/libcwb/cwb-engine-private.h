/* cwb-engine-private.h — what libcwb itself asks of the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-engine.h"

G_BEGIN_DECLS

/* On the main thread: the check providers loaded now, each with its plugin,
 * for a check that runs elsewhere (cwb_context_check_async()). Holding them
 * keeps the extensions alive even if their plugin is turned off meanwhile.
 * (transfer full) (element-type opaque) */
G_GNUC_INTERNAL GPtrArray      *_cwb_engine_dup_check_providers (CwbEngine     *self);
/* On any thread: runs @providers (from _cwb_engine_dup_check_providers())
 * over @consortium, as cwb_engine_check() runs the loaded ones. */
G_GNUC_INTERNAL CwbCheckReport *_cwb_engine_check_with          (CwbEngine     *self,
                                                                 GPtrArray     *providers,
                                                                 CwbContext    *context,
                                                                 CwbConsortium *consortium);

G_END_DECLS
