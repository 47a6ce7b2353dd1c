/* cwb-consortium-file-scan.c — what json-glib does not tell about a consortium file's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-consortium-file-private.h"
#include "cwb-error.h"
#include "cwb-json-private.h"

/*
 * Before parsing: what json-glib does not tell. One pass over the text
 * outside strings finds integers out of the range of gint64 (which
 * json-glib wraps around silently) and whether the text ends inside a
 * string or an open object/array with all brackets matched so far (a
 * truncated file).
 */
typedef struct {
  const char *bad_number;       /* the first integer out of range, or NULL */
  gsize       bad_number_len;
  gboolean    truncated;
} Scan;

static gboolean
integer_out_of_range (const char *start,
                      gsize       len)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  const char *limit = max_positive;
  gsize n_digits;

  if (*start == '-')
    {
      start++;
      len--;
      limit = max_negative;
    }

  while (len > 1 && *start == '0')
    {
      start++;
      len--;
    }

  n_digits = len;

  if (n_digits != sizeof max_positive - 1)
    return n_digits > sizeof max_positive - 1;

  return memcmp (start, limit, n_digits) > 0;
}

static void
scan_text (const char *data,
           gsize       length,
           Scan       *scan)
{
  const char *p = data;
  const char *end = data + length;
  char stack[256];
  guint depth = 0;
  gboolean overflowed = FALSE;
  gboolean mismatched = FALSE;

  memset (scan, 0, sizeof *scan);

  while (p < end)
    {
      char c = *p;

      switch (c)
        {
        case '"':
          {
            const char *quote = _cwb_json_find_closing_quote (p + 1, end);

            if (quote == NULL)
              {
                scan->truncated = !mismatched;
                return;
              }
            p = quote + 1;
          }
          break;

        case '{':
        case '[':
          if (depth < sizeof stack)
            stack[depth] = c == '{' ? '}' : ']';
          else
            overflowed = TRUE;
          depth++;
          p++;
          break;

        case '}':
        case ']':
          if (depth == 0 || (depth <= sizeof stack && stack[depth - 1] != c))
            mismatched = TRUE;
          if (depth > 0)
            depth--;
          p++;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          {
            const char *start = p;
            gboolean integer = TRUE;

            p++;
            while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == 'e' ||
                               *p == 'E' || *p == '+' || *p == '-'))
              {
                if (!g_ascii_isdigit (*p))
                  integer = FALSE;
                p++;
              }

            if (integer && scan->bad_number == NULL &&
                integer_out_of_range (start, (gsize) (p - start)))
              {
                scan->bad_number = start;
                scan->bad_number_len = (gsize) (p - start);
              }
          }
          break;

        default:
          p++;
          break;
        }
    }

  scan->truncated = depth > 0 && !mismatched && !overflowed;
}

/* The shortest integer that may be out of the range of gint64
 * (9223372036854775807 has 19 digits): without such a run of digits
 * (_cwb_consortium_text_scan()), scan_text() cannot find a bad number, so a
 * file that parsed needs no scan. */
#define MIN_OUT_OF_RANGE_DIGITS 19

static void
skip_space (const char **p,
            const char  *end)
{
  while (*p < end && (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r'))
    (*p)++;
}

static void
skip_string (const char **p,
             const char  *end)
{
  (*p)++;
  while (*p < end && **p != '"')
    {
      if (**p == '\\')
        (*p)++;
      (*p)++;
    }
  (*p)++;
}

/* Walks valid JSON text until @target, the start of a value, appending the
 * key path that leads there to @out. Returns TRUE once @target is found. */
static gboolean
find_path (const char **p,
           const char  *end,
           const char  *target,
           GString     *out)
{
  skip_space (p, end);

  if (*p == target)
    return TRUE;

  if (*p >= end)
    return FALSE;

  if (**p == '{' || **p == '[')
    {
      gboolean is_object = **p == '{';
      char close = is_object ? '}' : ']';
      guint index = 0;

      (*p)++;
      for (;;)
        {
          gsize mark = out->len;

          skip_space (p, end);
          if (*p >= end)
            return FALSE;
          if (**p == close)
            {
              (*p)++;
              return FALSE;
            }
          if (**p == ',')
            {
              (*p)++;
              skip_space (p, end);
            }

          if (is_object)
            {
              const char *key = *p + 1;

              skip_string (p, end);
              if (out->len > 0)
                g_string_append_c (out, '.');
              g_string_append_len (out, key, MAX (*p - key - 1, 0));
              skip_space (p, end);
              if (*p < end && **p == ':')
                (*p)++;
            }
          else
            g_string_append_printf (out, "[%u]", index++);

          if (find_path (p, end, target, out))
            return TRUE;

          g_string_truncate (out, mark);
        }
    }

  if (**p == '"')
    skip_string (p, end);
  else
    while (*p < end && strchr (",}] \t\r\n", **p) == NULL)
      (*p)++;

  return FALSE;
}

/* 1-based line and column (in characters) of @at in @data */
static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

static void
set_parse_error (GError     **error,
                 const char  *data,
                 gsize        length,
                 const Scan  *scan,
                 GError      *json_error)
{
  guint line = 0;
  guint column = 0;
  int consumed = 0;
  const char *detail;

  if (scan->truncated)
    {
      const char *last = data + length;

      while (last > data && g_ascii_isspace (last[-1]))
        last--;
      locate (data, last, &line, &column);
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("invalid JSON: the file ends at line %u, column %u before its objects and arrays are closed; it is probably cut off"),
                   line, column);
      return;
    }

  /* json-glib says "<data>:LINE:COLUMN: Parse error: DETAIL", with
   * "Parse error" and the colons translated into json-glib's language */
  if (sscanf (json_error->message, "<data>:%u:%u%n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      const char *rest = json_error->message + consumed;
      const char *ascii;
      const char *wide;
      const char *colon;
      gsize colon_len;

      /* skip the colon after the position, then the one after "Parse error" */
      for (int i = 0; i < 2; i++)
        {
          ascii = strstr (rest, ":");
          wide = strstr (rest, "\xef\xbc\x9a");   /* U+FF1A FULLWIDTH COLON */
          if (ascii != NULL && (wide == NULL || ascii < wide))
            colon = ascii, colon_len = 1;
          else if (wide != NULL)
            colon = wide, colon_len = 3;
          else
            break;
          rest = colon + colon_len;
          while (*rest == ' ')
            rest++;
        }

      detail = rest;
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("invalid JSON at line %u, column %u: %s"), line, column, detail);
      return;
    }

  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("invalid JSON: %s"), json_error->message);
}

void
_cwb_consortium_text_explain (const char  *data,
                              gsize        length,
                              GError      *json_error,
                              GError     **error)
{
  const char *invalid = NULL;
  Scan scan;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      locate (data, invalid, &line, &column);
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("the file is not valid UTF-8 text: byte %lu (line %u) is not part of a UTF-8 character"),
                   (unsigned long) (invalid - data), line);
      return;
    }

  scan_text (data, length, &scan);
  set_parse_error (error, data, length, &scan, json_error);
}

gboolean
_cwb_consortium_text_check_integers (const char                *data,
                                     gsize                      length,
                                     const CwbConsortiumTextScan *text_scan,
                                     GError                   **error)
{
  g_autoptr(GString) where = NULL;
  g_autofree char *number = NULL;
  const char *p = data;
  Scan scan;

  /* most files have no run of digits long enough to need the scan */
  if (!text_scan->long_digit_run)
    return TRUE;

  scan_text (data, length, &scan);
  if (scan.bad_number == NULL)
    return TRUE;

  where = g_string_new (NULL);
  number = g_strndup (scan.bad_number, scan.bad_number_len);
  find_path (&p, data + length, scan.bad_number, where);
  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("%s: %s is out of range for an integer"),
               where->str, number);
  return FALSE;
}

/* Whether @data has an escape "\u" */
static gboolean
has_unicode_escape (const char *data,
                    gsize       length)
{
  const char *end = data + length;
  const char *p = data;

  while ((p = memchr (p, '\\', (gsize) (end - p))) != NULL)
    {
      if (p + 1 < end && p[1] == 'u')
        return TRUE;
      p++;
    }

  return FALSE;
}

gboolean
_cwb_consortium_text_may_hold_bad_values (const char                *data,
                                          gsize                      length,
                                          const CwbConsortiumTextScan *text_scan)
{
  /* json-glib has checked that the text is UTF-8: only an escape can make
   * a string that is not */
  if (has_unicode_escape (data, length))
    return TRUE;

  /* a double beyond range needs an exponent (1e400) or more digits than
   * any integer has */
  return text_scan->exponent || text_scan->long_digit_run;
}

/* The bytes _cwb_consortium_text_scan() stops at outside strings: what
 * opens, closes or separates (as _cwb_json_check_depth() walks the text),
 * and the digits of numbers */
static const guint8 scan_significant[256] = {
  ['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1,
  ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
  ['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
};

gboolean
_cwb_consortium_text_scan (const char             *data,
                           gsize                   length,
                           guint                   max_depth,
                           CwbConsortiumTextScan  *text_scan,
                           GError                **error)
{
  const char *p = data;
  const char *end = data + length;
  guint depth = 0;

  memset (text_scan, 0, sizeof *text_scan);

  while (p < end)
    {
      /* spaces, keys' colons, commas and true/false/null: skipped */
      while (p < end && !scan_significant[(guchar) *p])
        p++;
      if (p == end)
        break;

      switch (*p)
        {
        case '"':
          {
            const char *quote = _cwb_json_find_closing_quote (p + 1, end);

            p = quote != NULL ? quote + 1 : end;
          }
          continue;

        case '{':
        case '[':
          /* too deep: _cwb_json_check_depth() walks the text the same way,
           * and says where */
          if (depth == max_depth)
            return _cwb_json_check_depth (data, (gssize) length, max_depth, error);
          depth++;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        default:
          {
            /* the digits of a number, with its fraction: a run of
             * MIN_OUT_OF_RANGE_DIGITS, or an exponent after them, is what
             * _cwb_consortium_text_check_integers() and
             * _cwb_json_check_values() look for */
            const char *run = p;

            while (p < end && (g_ascii_isdigit (*p) || *p == '.'))
              {
                if (*p == '.')
                  run = p + 1;
                else if (p - run + 1 >= MIN_OUT_OF_RANGE_DIGITS)
                  text_scan->long_digit_run = TRUE;
                p++;
              }
            if (p < end && (*p == 'e' || *p == 'E'))
              text_scan->exponent = TRUE;
          }
          continue;
        }
      p++;
    }

  return TRUE;
}
