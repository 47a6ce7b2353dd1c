/* cwb-secrets.h — credentials in the Secret Service (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CWB_TYPE_SECRETS (cwb_secrets_get_type ())

/* Passwords and tokens keyed by plugin id and account; never written to the
 * database, logs or exports. */
G_DECLARE_FINAL_TYPE (CwbSecrets, cwb_secrets, CWB, SECRETS, GObject)

CwbSecrets *cwb_secrets_new          (void);
gboolean    cwb_secrets_store_sync   (CwbSecrets    *self,
                                      const char    *plugin_id,
                                      const char    *account,
                                      const char    *label,
                                      const char    *secret,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* (nullable): NULL with no error when there is none */
char       *cwb_secrets_lookup_sync  (CwbSecrets    *self,
                                      const char    *plugin_id,
                                      const char    *account,
                                      GCancellable  *cancellable,
                                      GError       **error);
gboolean    cwb_secrets_clear_sync   (CwbSecrets    *self,
                                      const char    *plugin_id,
                                      const char    *account,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
