/* cwb-check-provider.h — extension point: plugins that check consortia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-check-report.h"
#include "cwb-consortium.h"
#include "cwb-context.h"

G_BEGIN_DECLS

#define CWB_TYPE_CHECK_PROVIDER (cwb_check_provider_get_type ())

G_DECLARE_INTERFACE (CwbCheckProvider, cwb_check_provider, CWB, CHECK_PROVIDER, GObject)

/**
 * CwbCheckProviderInterface:
 * @check: adds one #CwbCheckResult per rule it owns to @report; returns
 *   %FALSE with @error set when it could not check (a damaged record, a
 *   bug): the host then puts an error result in the provider's place
 *
 * A headless check of a consortium. The host promises: @consortium is fully
 * loaded (every member); @context gives the rule set, the clock and, when
 * there is one, the store (cwb_context_get_store() may return NULL, e.g. for
 * `check` of a file without --db); check() runs on the thread that called
 * cwb_engine_check() and must not create widgets. A provider must not keep
 * @consortium or @report after returning.
 */
struct _CwbCheckProviderInterface
{
  GTypeInterface parent_iface;

  gboolean (*check) (CwbCheckProvider  *self,
                     CwbContext        *context,
                     CwbConsortium     *consortium,
                     CwbCheckReport    *report,
                     GError           **error);
};

gboolean cwb_check_provider_check (CwbCheckProvider  *self,
                                   CwbContext        *context,
                                   CwbConsortium     *consortium,
                                   CwbCheckReport    *report,
                                   GError           **error);

G_END_DECLS
