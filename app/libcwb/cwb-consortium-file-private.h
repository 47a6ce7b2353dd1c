/* cwb-consortium-file-private.h — the JSON forms of a consortium's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * One place owns how a list, a standard, a platform and a fiscal year look
 * in JSON: the consortium file (formats/consortium-v1.md) and the workspace
 * database (its JSON columns) write and read them with these functions, so
 * both use the same keys and the same checks.
 *
 * The writers return a new array node (transfer full); a NULL @items or
 * array gives an empty array.
 *
 * The readers check @node as the file format requires and append what it
 * holds to the array they are given (a list's reader sets @out); on
 * failure they set CWB_ERROR_INVALID with a translated message that starts
 * with the key path from the record's key, e.g. "platforms[0].name: must
 * not be empty", and may have appended the elements before the bad one.
 */

JsonNode *_cwb_strv_to_json           (const char * const  *items);
/* @out: (transfer container): the strings of @node, borrowed from it and
 * NULL-terminated; @key names the list in error messages */
gboolean  _cwb_strv_from_json         (JsonNode            *node,
                                       const char          *key,
                                       const char        ***out,
                                       GError             **error);

/* (element-type CwbStandard) */
JsonNode *_cwb_standards_to_json      (GPtrArray           *standards);
gboolean  _cwb_standards_from_json    (JsonNode            *node,
                                       GPtrArray           *standards,
                                       GError             **error);

/* (element-type CwbPlatform) */
JsonNode *_cwb_platforms_to_json      (GPtrArray           *platforms);
gboolean  _cwb_platforms_from_json    (JsonNode            *node,
                                       GPtrArray           *platforms,
                                       GError             **error);

/* (element-type CwbFiscalYear): at most three years, none twice; a figure
 * that is CWB_UNKNOWN is left out */
JsonNode *_cwb_fiscal_years_to_json   (GPtrArray           *years);
gboolean  _cwb_fiscal_years_from_json (JsonNode            *node,
                                       GPtrArray           *years,
                                       GError             **error);

G_END_DECLS
