/* cwb-consortium-file.c — loading the consortium file, format consortium/1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-error.h"
#include "cwb-json-private.h"

/**
 * cwb_consortium_file_load_data:
 * @data: the file's contents
 * @length: the length of @data, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the consortium, or %NULL with
 *   %CWB_ERROR_INVALID
 */
CwbConsortium *
cwb_consortium_file_load_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  return cwb_consortium_file_load_data_with_rules (data, length, NULL, error);
}

/**
 * cwb_consortium_file_load_data_with_rules:
 * @data: the file's contents
 * @length: the length of @data, or -1 if nul-terminated
 * @rules: (nullable): the rule set whose figures bound the file (see
 *   cwb_consortium_from_json_with_rules()); %NULL for the shipped one
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the consortium, or %NULL with
 *   %CWB_ERROR_INVALID
 */
CwbConsortium *
cwb_consortium_file_load_data_with_rules (const char  *data,
                                          gssize       length,
                                          CwbRuleSet  *rules,
                                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) json_error = NULL;
  CwbConsortiumTextScan text_scan;
  gsize len;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;

  /* plain JSON (the usual file) is parsed here, into the tree json-glib
   * would build. Such text is no deeper than json-glib may go, and holds
   * no number json-glib would get wrong (an integer beyond gint64, a double
   * beyond range) and no escape that could make a string other than UTF-8:
   * there is nothing the checks below would find. */
  parsed = _cwb_consortium_text_parse (data, len, CWB_JSON_MAX_DEPTH);
  if (parsed != NULL)
    return _cwb_consortium_from_json (parsed, rules, FALSE, error);

  /* Anything else is left to json-glib. It parses recursively: text nested
   * deep enough would overflow the stack before it could say anything. The
   * same walk notes what the checks after parsing look for. */
  if (!_cwb_consortium_text_scan (data, len, CWB_JSON_MAX_DEPTH, &text_scan, error))
    return NULL;

  /* json-glib refuses text that is not UTF-8 (without saying where), so
   * the text is only looked at again to say where when parsing fails */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &json_error))
    {
      _cwb_consortium_text_explain (data, len, json_error, error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the file is empty"));
      return NULL;
    }

  /* json-glib wraps an integer out of range around silently; a root that
   * is not an object is refused by cwb_consortium_from_json() */
  if (JSON_NODE_HOLDS_OBJECT (root) && !_cwb_consortium_text_check_integers (data, len, &text_scan, error))
    return NULL;

  return _cwb_consortium_from_json (root, rules, _cwb_consortium_text_may_hold_bad_values (data, len, &text_scan),
                                    error);
}

/**
 * cwb_consortium_file_load:
 * @file: a consortium file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the consortium; %NULL with a
 *   %G_IO_ERROR when @file cannot be read, %CWB_ERROR_INVALID when its
 *   content is not a valid consortium file
 */
CwbConsortium *
cwb_consortium_file_load (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return cwb_consortium_file_load_with_rules (file, NULL, cancellable, error);
}

/**
 * cwb_consortium_file_load_with_rules:
 * @file: a consortium file
 * @rules: (nullable): the rule set whose figures bound the file; %NULL for
 *   the shipped one
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * cwb_consortium_file_load() under @rules.
 *
 * Returns: (transfer full) (nullable): the consortium
 */
CwbConsortium *
cwb_consortium_file_load_with_rules (GFile         *file,
                                     CwbRuleSet    *rules,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* a local file is mapped rather than copied: checking thousands of files
   * costs little more than parsing them */
  path = g_file_peek_path (file);
  if (path != NULL)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

      if (mapped != NULL && g_mapped_file_get_contents (mapped) != NULL)
        return cwb_consortium_file_load_data_with_rules (g_mapped_file_get_contents (mapped),
                                                         (gssize) g_mapped_file_get_length (mapped),
                                                         rules, error);
      /* not mappable (empty, a directory, missing, unreadable): read it
       * the usual way, which also gives the right G_IO_ERROR */
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  return cwb_consortium_file_load_data_with_rules (data, (gssize) length, rules, error);
}
