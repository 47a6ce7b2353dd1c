/* cwb-agreement-scan.c — the scans of the signed and sealed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement.h"
#include "cwb-agreement-private.h"

/* Scans */

static const struct
{
  const char *media_type;
  const guint8 magic[8];
  gsize length;
} scan_kinds[] = {
  { "application/pdf", { '%', 'P', 'D', 'F', '-' }, 5 },
  { "image/png", { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 8 },
  { "image/jpeg", { 0xff, 0xd8, 0xff }, 3 },
};

gboolean
cwb_agreement_validate_scan (GBytes      *bytes,
                             const char **media_type,
                             GError     **error)
{
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);

  if (size > CWB_AGREEMENT_SCAN_MAX_SIZE)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The scan is too large (%.1f MB); a scan may have at most %d MB."),
                   size / (1024.0 * 1024.0), CWB_AGREEMENT_SCAN_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scan_kinds); i++)
    if (size > scan_kinds[i].length && memcmp (data, scan_kinds[i].magic, scan_kinds[i].length) == 0)
      {
        if (media_type != NULL)
          *media_type = scan_kinds[i].media_type;
        return TRUE;
      }

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                       size == 0 ? _("The scan is empty.")
                                 : _("The scan is neither a PDF nor a PNG or JPEG image; "
                                     "scan the signed and sealed page to one of these."));

  return FALSE;
}

char *
cwb_agreement_compute_sha256 (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

CwbAgreementScan *
cwb_agreement_store_scan (CwbStore    *store,
                          gint64       consortium_id,
                          const char  *uscc,
                          const char  *name,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autoptr(CwbAgreementScan) scan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  const char *media_type = NULL;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cwb_agreement_validate_scan (bytes, &media_type, error))
    return NULL;

  base = g_path_get_basename (name);
  if (cwb_text_is_blank (base) || g_str_equal (base, ".") || g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("The scan needs a file name."));
      return NULL;
    }

  scan = g_new0 (CwbAgreementScan, 1);
  scan->name = g_steal_pointer (&base);
  scan->media_type = g_strdup (media_type);
  scan->size = (gint64) g_bytes_get_size (bytes);
  scan->sha256 = cwb_agreement_compute_sha256 (bytes);

  if (!_cwb_agreement_store_put_scan (store, consortium_id, uscc, scan->name, scan->media_type,
                                      scan->sha256, bytes, &local_error))
    {
      if (g_error_matches (local_error, CWB_ERROR, CWB_ERROR_NOT_FOUND))
        g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                     _("There is no consortium %lld in the workspace database."),
                     (long long) consortium_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&scan);
}

GBytes *
cwb_agreement_load_scan (CwbStore    *store,
                         gint64       consortium_id,
                         const char  *uscc,
                         const char  *expected_sha256,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stored_sha256 = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cwb_agreement_store_get_scan (store, consortium_id, uscc, &bytes, &stored_sha256, error))
    return NULL;

  if (bytes == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("No scan is stored for the member %s."), uscc);
      return NULL;
    }

  actual = cwb_agreement_compute_sha256 (bytes);
  if (g_strcmp0 (actual, stored_sha256) != 0 ||
      (expected_sha256 != NULL && g_ascii_strcasecmp (actual, expected_sha256) != 0))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The scan of the member %s was replaced or is damaged: its SHA-256 is %s, "
                     "the record says %s."),
                   uscc, actual,
                   expected_sha256 != NULL && g_strcmp0 (actual, stored_sha256) == 0 ? expected_sha256
                                                                                     : stored_sha256);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

gboolean
cwb_agreement_delete_scan (CwbStore    *store,
                           gint64       consortium_id,
                           const char  *uscc,
                           GError     **error)
{
  gboolean deleted = FALSE;

  g_return_val_if_fail (CWB_IS_STORE (store), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cwb_agreement_store_delete_scan (store, consortium_id, uscc, &deleted, error))
    return FALSE;

  return deleted;
}
