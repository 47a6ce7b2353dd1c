/* faulty.c — a test plugin whose check fails or crashes on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a consortium whose name holds "FAIL-CHECK" its check returns FALSE
 * with an error, as a C provider reports that it could not check; for one
 * holding "CRASH-CHECK" it kills the process with SIGSEGV, as a plugin with
 * a bug would. With CWB_TEST_CRASH_ON_LOAD=faulty in the environment it
 * crashes while it is being loaded. Other consortia get one info result.
 */
#define G_LOG_DOMAIN "faulty-plugin"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <libpeas/peas.h>

#include <cwb.h>

#define FAULTY_TYPE_PROVIDER (faulty_provider_get_type ())
G_DECLARE_FINAL_TYPE (FaultyProvider, faulty_provider, FAULTY, PROVIDER, GObject)

struct _FaultyProvider
{
  GObject parent_instance;
};

static void check_provider_iface_init (CwbCheckProviderInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (FaultyProvider, faulty_provider, G_TYPE_OBJECT, G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_CHECK_PROVIDER,
                                                               check_provider_iface_init))

static void
crash (void)
{
  /* what a bug would do, without the core dump */
  signal (SIGSEGV, SIG_DFL);
  raise (SIGSEGV);
}

static gboolean
faulty_provider_check (CwbCheckProvider  *provider,
                       CwbContext        *context,
                       CwbConsortium     *consortium,
                       CwbCheckReport    *report,
                       GError           **error)
{
  const char *name = cwb_consortium_get_name (consortium);
  g_autoptr(CwbCheckResult) result = NULL;
  g_autofree char *message = NULL;

  if (name != NULL && strstr (name, "CRASH-CHECK") != NULL)
    crash ();

  if (name != NULL && strstr (name, "FAIL-CHECK") != NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN, "faulty cannot read %s", name);
      return FALSE;
    }

  result = cwb_check_result_new_for_rule (cwb_context_get_rules (context), "S1", CWB_STATUS_INFO);
  message = g_strdup_printf ("faulty: checked %s", name);
  cwb_check_result_set_message (result, message);
  cwb_check_report_add (report, result);

  return TRUE;
}

static void
check_provider_iface_init (CwbCheckProviderInterface *iface)
{
  iface->check = faulty_provider_check;
}

static void
faulty_provider_class_init (FaultyProviderClass *klass)
{
}

static void
faulty_provider_class_finalize (FaultyProviderClass *klass)
{
}

static void
faulty_provider_init (FaultyProvider *self)
{
}

G_MODULE_EXPORT void peas_register_types (PeasObjectModule *module);

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  if (g_strcmp0 (g_getenv ("CWB_TEST_CRASH_ON_LOAD"), "faulty") == 0)
    crash ();

  faulty_provider_register_type (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, CWB_TYPE_CHECK_PROVIDER,
                                              FAULTY_TYPE_PROVIDER);
}
