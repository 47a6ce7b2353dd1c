/* cwb-json-private.h — the JSON text writers libcwb shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
