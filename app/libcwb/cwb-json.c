/* cwb-json.c — the JSON text writers libcwb shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-json"

#include "config.h"

#include "cwb-json-private.h"

#define APPEND_LITERAL(out, literal) g_string_append_len ((out), (literal), sizeof (literal) - 1)

void
_cwb_json_append_string (GString    *out,
                         const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (G_LIKELY (c >= 0x20 && c != '"' && c != '\\'))
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  APPEND_LITERAL (out, "\\\""); break;
        case '\\': APPEND_LITERAL (out, "\\\\"); break;
        case '\n': APPEND_LITERAL (out, "\\n"); break;
        case '\r': APPEND_LITERAL (out, "\\r"); break;
        case '\t': APPEND_LITERAL (out, "\\t"); break;
        case '\b': APPEND_LITERAL (out, "\\b"); break;
        case '\f': APPEND_LITERAL (out, "\\f"); break;
        default:   g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
_cwb_json_format_double (char   *buf,
                         gsize   size,
                         double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  g_assert (size >= G_ASCII_DTOSTR_BUF_SIZE);

  /* 17 significant digits always read back the same double */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, (int) size, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}
