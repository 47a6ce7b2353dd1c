/* test-secrets.c — tests of CwbSecrets through a real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/run-tests.sh starts a throwaway, unlocked gnome-keyring-daemon
 * and sets CWB_REQUIRE_KEYRING=1: then a missing Secret Service fails the
 * test; without it the test is skipped.
 */
#include "config.h"

#include <string.h>

#include <libsecret/secret.h>

#include "cwb.h"
#include "cwb-test-utils.h"

#define PLUGIN_ID "test-secrets"

/* Whether a Secret Service answers on the session bus. */
static gboolean
keyring_reachable (char **why)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;

  /* no session bus: do not let GDBus try to autolaunch one */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      *why = g_strdup ("DBUS_SESSION_BUS_ADDRESS is not set");
      return FALSE;
    }

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  if (service == NULL)
    {
      *why = g_strdup (error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
require_keyring (void)
{
  g_autofree char *why = NULL;

  if (keyring_reachable (&why))
    return TRUE;

  if (g_getenv ("CWB_REQUIRE_KEYRING") != NULL)
    g_test_fail_printf ("No Secret Service is reachable, but CWB_REQUIRE_KEYRING is set: %s", why);
  else
    g_test_skip_printf ("No Secret Service is reachable: %s", why);

  return FALSE;
}

static char *
make_secret (void)
{
  /* different on every run, so an old item cannot pass for a new one */
  return g_strdup_printf ("pw-%08x-%08x-секрет-密码", g_random_int (), g_random_int ());
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(CwbSecrets) secrets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = make_secret ();
  g_autofree char *other_secret = make_secret ();
  g_autofree char *replacement = make_secret ();
  g_autofree char *found = NULL;
  g_autofree char *found_other = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *never = NULL;

  if (!require_keyring ())
    return;

  secrets = cwb_secrets_new ();

  never = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "nobody", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (never);

  g_assert_true (cwb_secrets_store_sync (secrets, PLUGIN_ID, "alice", NULL, secret, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cwb_secrets_store_sync (secrets, PLUGIN_ID, "bob", "Bob's token", other_secret, NULL, &error));
  g_assert_no_error (error);

  found = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, secret);

  /* keyed by plugin and account */
  found_other = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "bob", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found_other, ==, other_secret);
  g_clear_pointer (&never, g_free);
  never = cwb_secrets_lookup_sync (secrets, "another-plugin", "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (never);

  /* storing again replaces */
  g_assert_true (cwb_secrets_store_sync (secrets, PLUGIN_ID, "alice", NULL, replacement, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, g_free);
  found = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, replacement);

  g_assert_true (cwb_secrets_clear_sync (secrets, PLUGIN_ID, "alice", NULL, &error));
  g_assert_no_error (error);
  gone = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);

  /* clearing what is not there is fine; bob is untouched */
  g_assert_true (cwb_secrets_clear_sync (secrets, PLUGIN_ID, "alice", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found_other, g_free);
  found_other = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "bob", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found_other, ==, other_secret);

  g_assert_true (cwb_secrets_clear_sync (secrets, PLUGIN_ID, "bob", NULL, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&secrets));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* the file holds NUL bytes: no string functions */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
test_not_in_database (void)
{
  g_autoptr(CwbSecrets) secrets = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbMember) lead = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(JsonNode) section = json_from_string ("{\"name\": \"张三\"}", NULL);
  g_autofree char *secret = make_secret ();
  g_autofree char *found = NULL;
  const char *files[2];

  if (!require_keyring ())
    return;

  dir = g_dir_make_tmp ("cwb-secrets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "workbench.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  secrets = cwb_secrets_new ();

  consortium = cwb_consortium_new ();
  cwb_consortium_set_name (consortium, "海南省密钥测试创新联合体");
  lead = cwb_member_new ();
  cwb_member_set_uscc (lead, "91460000MA00000001");
  cwb_member_set_name (lead, "海南某某科技有限公司");
  cwb_member_set_lead (lead, TRUE);
  cwb_consortium_add_member (consortium, lead);

  /* use both, as a plugin would */
  g_assert_true (cwb_secrets_store_sync (secrets, PLUGIN_ID, "province-system", NULL, secret, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (store, consortium, FALSE, &error));
  g_assert_no_error (error);
  found = cwb_secrets_lookup_sync (secrets, PLUGIN_ID, "province-system", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, secret);
  g_assert_true (cwb_store_set_section (store, cwb_consortium_get_id (consortium), "chief_expert",
                                        section, &error));
  g_assert_no_error (error);

  /* while the store is open its writes are in the WAL, after close in the file */
  files[0] = path;
  files[1] = wal;
  g_assert_true (file_contains (path, "海南省密钥测试创新联合体") ||
                 file_contains (wal, "海南省密钥测试创新联合体"));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (file_contains (files[i], secret));

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_true (file_contains (path, "海南省密钥测试创新联合体"));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_assert_false (file_contains (files[i], secret));

  g_assert_true (cwb_secrets_clear_sync (secrets, PLUGIN_ID, "province-system", NULL, &error));
  g_assert_no_error (error);

  cwb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/secrets/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/secrets/not-in-database", test_not_in_database);

  ret = g_test_run ();

  secret_service_disconnect ();

  return ret;
}
