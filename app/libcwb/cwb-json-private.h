/* cwb-json-private.h — the JSON text helpers libcwb shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Appends @text as a JSON string: UTF-8 kept as is, quotes, backslashes
 * and control characters escaped. */
void _cwb_json_append_string (GString    *out,
                              const char *text);

/* Writes the shortest text that reads back as the same double ("0.6",
 * "1e+300"); @size is at least G_ASCII_DTOSTR_BUF_SIZE. */
void _cwb_json_format_double (char       *buf,
                              gsize       size,
                              double      value);

/* The closing quote of the string whose text starts at @start: the next '"'
 * before @end not escaped by an odd run of backslashes; NULL if none. */
const char *_cwb_json_find_closing_quote (const char *start,
                                          const char *end);

/* The deepest nesting of arrays and objects a JSON text read by libcwb may
 * have: json-glib parses recursively, so deeper text would overflow the
 * stack. Real files nest a handful of levels. */
#define CWB_JSON_MAX_DEPTH 64

/* Fails with %CWB_ERROR_INVALID, naming the key path, when @data (@length
 * bytes, or nul-terminated when -1) opens more than @max_depth arrays and
 * objects inside one another. Looks only at brackets outside strings, so
 * it may be given text that is not valid JSON. */
gboolean _cwb_json_check_depth (const char  *data,
                                gssize       length,
                                guint        max_depth,
                                GError     **error);

/* What json-glib lets through but libcwb cannot keep: json-glib decodes an
 * escaped UTF-16 surrogate without its pair ("\ud800x") into bytes that
 * are not UTF-8 (though the text is), and a number beyond the range of a
 * double (1e400) into infinity; neither could be shown or saved as read.
 * Fails with %CWB_ERROR_INVALID and a message that starts with the key
 * path of the first such key or value in @root. */
gboolean _cwb_json_check_values (JsonNode  *root,
                                 GError   **error);

/* The class of the enumeration @type, referenced once for the life of the
 * process: looking a nick up then takes no type-system lock. */
GEnumClass *_cwb_json_enum_class (GType type);

G_END_DECLS
