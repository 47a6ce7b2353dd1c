/* cwb-secrets.c — credentials in the Secret Service (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-secrets"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "cwb-secrets.h"

/*
 * Each secret is one item of the schema below with the attributes "plugin"
 * and "account". The secret itself only ever passes through libsecret: it
 * is never logged, never put in an error message, never stored elsewhere.
 */

struct _CwbSecrets
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (CwbSecrets, cwb_secrets, G_TYPE_OBJECT)

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.cwb.ConsortiumWorkbench.Secret",
    SECRET_SCHEMA_NONE,
    {
      { "plugin", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static void
cwb_secrets_class_init (CwbSecretsClass *klass)
{
}

static void
cwb_secrets_init (CwbSecrets *self)
{
}

CwbSecrets *
cwb_secrets_new (void)
{
  return g_object_new (CWB_TYPE_SECRETS, NULL);
}

/**
 * cwb_secrets_store_sync:
 * @self: a #CwbSecrets
 * @plugin_id: the plugin the secret belongs to
 * @account: the account it opens
 * @label: (nullable): what the keyring shows; a default naming the plugin
 *   and account when %NULL
 * @secret: the password or token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves @secret in the default keyring collection, replacing the one of
 * the same plugin and account. Blocks: call it from a thread or at a
 * moment the user waits for.
 *
 * Returns: %TRUE on success
 */
gboolean
cwb_secrets_store_sync (CwbSecrets    *self,
                        const char    *plugin_id,
                        const char    *account,
                        const char    *label,
                        const char    *secret,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *default_label = NULL;

  g_return_val_if_fail (CWB_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (plugin_id != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (label == NULL)
    {
      /* Translators: the label of a keyring item; %s are a plugin id and an account name */
      default_label = g_strdup_printf (_("Consortium Workbench: %s (%s)"), plugin_id, account);
      label = default_label;
    }

  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, error,
                                   "plugin", plugin_id,
                                   "account", account,
                                   NULL))
    {
      g_prefix_error (error, _("Could not save the password of the account “%s” (%s) in the keyring: "),
                      account, plugin_id);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_secrets_lookup_sync:
 * @self: a #CwbSecrets
 * @plugin_id: the plugin the secret belongs to
 * @account: the account it opens
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the secret, or %NULL without an
 *   error when there is none; free it with g_free()
 */
char *
cwb_secrets_lookup_sync (CwbSecrets    *self,
                         const char    *plugin_id,
                         const char    *account,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (CWB_IS_SECRETS (self), NULL);
  g_return_val_if_fail (plugin_id != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  secret = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                        "plugin", plugin_id,
                                        "account", account,
                                        NULL);
  if (local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read the password of the account “%s” (%s) from the keyring: "),
                                  account, plugin_id);
      return NULL;
    }

  if (secret == NULL)
    return NULL;

  /* libsecret's copy is wiped when freed; ours is the caller's */
  copy = g_strdup (secret);
  secret_password_free (secret);

  return copy;
}

/**
 * cwb_secrets_clear_sync:
 * @self: a #CwbSecrets
 * @plugin_id: the plugin the secret belongs to
 * @account: the account it opens
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes the secret of @plugin_id and @account; removing one that is not
 * there succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
cwb_secrets_clear_sync (CwbSecrets    *self,
                        const char    *plugin_id,
                        const char    *account,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CWB_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (plugin_id != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* FALSE without an error means there was nothing to remove */
  if (!secret_password_clear_sync (get_schema (), cancellable, &local_error,
                                   "plugin", plugin_id,
                                   "account", account,
                                   NULL) &&
      local_error != NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not remove the password of the account “%s” (%s) from the keyring: "),
                                  account, plugin_id);
      return FALSE;
    }

  return TRUE;
}
