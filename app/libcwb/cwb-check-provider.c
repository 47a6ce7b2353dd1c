/* cwb-check-provider.c — extension point: plugins that check consortia
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-check-provider"

#include "config.h"

#include "cwb-check-provider.h"

G_DEFINE_INTERFACE (CwbCheckProvider, cwb_check_provider, G_TYPE_OBJECT)

static void
cwb_check_provider_default_init (CwbCheckProviderInterface *iface)
{
}

/**
 * cwb_check_provider_check:
 * @self: a check provider
 * @context: the host's services: rule set, clock, store (nullable)
 * @consortium: the consortium, fully loaded
 * @report: the report to add one result per rule to
 *
 * Runs the provider's checks over @consortium.
 */
void
cwb_check_provider_check (CwbCheckProvider *self,
                          CwbContext       *context,
                          CwbConsortium    *consortium,
                          CwbCheckReport   *report)
{
  CwbCheckProviderInterface *iface;

  g_return_if_fail (CWB_IS_CHECK_PROVIDER (self));
  g_return_if_fail (CWB_IS_CONTEXT (context));
  g_return_if_fail (CWB_IS_CONSORTIUM (consortium));
  g_return_if_fail (CWB_IS_CHECK_REPORT (report));

  iface = CWB_CHECK_PROVIDER_GET_IFACE (self);
  if (iface->check != NULL)
    iface->check (self, context, consortium, report);
}
