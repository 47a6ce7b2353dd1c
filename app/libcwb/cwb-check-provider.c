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
 * @error: return location for a #GError
 *
 * Runs the provider's checks over @consortium. A rule that fails is a
 * result, not an error: %FALSE means the provider could not check at all
 * (its rules are then missing from @report, or only some are there).
 * Python providers get the same contract through the `gi.overrides.Cwb`
 * module: an exception raised in `do_check` becomes @error, and a
 * `do_check` that returns nothing has succeeded.
 *
 * Returns: %TRUE when the provider checked @consortium; %FALSE, usually
 *   with @error set, when it could not
 */
gboolean
cwb_check_provider_check (CwbCheckProvider  *self,
                          CwbContext        *context,
                          CwbConsortium     *consortium,
                          CwbCheckReport    *report,
                          GError           **error)
{
  CwbCheckProviderInterface *iface;

  g_return_val_if_fail (CWB_IS_CHECK_PROVIDER (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (CWB_IS_CHECK_REPORT (report), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  iface = CWB_CHECK_PROVIDER_GET_IFACE (self);
  if (iface->check == NULL)
    return TRUE;

  return iface->check (self, context, consortium, report, error);
}
