/* cwb-consortium-file-private.h — the JSON forms of a consortium's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "cwb-types.h"

#include "cwb-consortium.h"

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
JsonNode *_cwb_standards_to_json      (const GPtrArray     *standards);
gboolean  _cwb_standards_from_json    (JsonNode            *node,
                                       GPtrArray           *standards,
                                       GError             **error);

/* (element-type CwbPlatform) */
JsonNode *_cwb_platforms_to_json      (GPtrArray           *platforms);
gboolean  _cwb_platforms_from_json    (JsonNode            *node,
                                       GPtrArray           *platforms,
                                       GError             **error);

/* (element-type CwbFiscalYear): none twice (the workspace's rows are not bounded again; a file is bounded by L6's "years"); a figure
 * that is CWB_UNKNOWN is left out */
JsonNode *_cwb_fiscal_years_to_json   (GPtrArray           *years);
gboolean  _cwb_fiscal_years_from_json (JsonNode            *node,
                                       GPtrArray           *years,
                                       GError             **error);

/*
 * The raw text (cwb-consortium-file-scan.c): what json-glib does not tell.
 */

/* Sets CWB_ERROR_INVALID saying why json-glib refused @data (@json_error):
 * not UTF-8 (at which byte), cut off (where it ends), or json-glib's own
 * words with the line and column. */
void      _cwb_consortium_text_explain        (const char  *data,
                                               gsize        length,
                                               GError      *json_error,
                                               GError     **error);
/* @data parsed into the tree json-glib would build, when it is plain
 * JSON with an object at the root (cwb-consortium-file-parse.c tells what
 * that is); NULL for json-glib to parse (and say what is wrong). At most
 * @max_depth arrays and objects deep. (transfer full) */
JsonNode *_cwb_consortium_text_parse          (const char  *data,
                                               gsize        length,
                                               guint        max_depth);

/* What one walk over the text before parsing found outside its strings */
typedef struct
{
  gboolean long_digit_run;  /* a run of 19 digits or more */
  gboolean exponent;        /* a number's digits followed by 'e' or 'E' */
} CwbConsortiumTextScan;

/* _cwb_json_check_depth() and, in the same walk, @text_scan: what
 * _cwb_consortium_text_check_integers() and
 * _cwb_consortium_text_may_hold_bad_values() would otherwise look for in
 * walks of their own. */
gboolean  _cwb_consortium_text_scan           (const char             *data,
                                               gsize                   length,
                                               guint                   max_depth,
                                               CwbConsortiumTextScan  *text_scan,
                                               GError                **error);
/* Fails with "KEY.PATH: N is out of range for an integer" for the first
 * integer of @data (valid JSON) beyond gint64, which json-glib wraps
 * around silently. Cheap for text without a run of 19 digits (as
 * @text_scan, from _cwb_consortium_text_scan(), found). */
gboolean  _cwb_consortium_text_check_integers (const char                  *data,
                                               gsize                        length,
                                               const CwbConsortiumTextScan *text_scan,
                                               GError                     **error);
/* FALSE when @data (valid JSON, parsed) cannot hold what
 * _cwb_json_check_values() refuses: no escape (\u…), no exponent after a
 * digit, no long run of digits (as @text_scan found). Then
 * the tree need not be walked. */
gboolean  _cwb_consortium_text_may_hold_bad_values (const char                  *data,
                                                    gsize                        length,
                                                    const CwbConsortiumTextScan *text_scan);

/* cwb_consortium_from_json_with_rules(), without walking the tree for
 * values it cannot keep unless @check_values (cwb-consortium-file-reader.c) */
CwbConsortium *_cwb_consortium_from_json (JsonNode    *root,
                                          CwbRuleSet  *rules,
                                          gboolean     check_values,
                                          GError     **error);

G_END_DECLS
