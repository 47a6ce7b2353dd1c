/* cwb-json.c — the JSON text helpers libcwb shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-json-private.h"
#include "cwb-json-reader.h"

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

const char *
_cwb_json_find_closing_quote (const char *start,
                              const char *end)
{
  const char *p = start;

  /* memchr is much faster than a loop of our own */
  for (;;)
    {
      const char *quote = memchr (p, '"', (gsize) (end - p));
      const char *q;

      if (quote == NULL)
        return NULL;

      for (q = quote; q > start && q[-1] == '\\'; q--)
        ;
      if ((quote - q) % 2 == 0)
        return quote;
      p = quote + 1;
    }
}

/* One open array or object while _cwb_json_check_depth() walks the text. */
typedef struct
{
  const char *key;        /* object: the current member's key (escaped), or NULL */
  gsize       key_len;
  guint       index;      /* array: the current element */
  guint       is_object : 1;
  guint       want_key : 1;  /* object: the next string is a key */
} DepthFrame;

static char *
depth_path (const DepthFrame *frames,
            guint             n_frames)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < n_frames; i++)
    {
      if (!frames[i].is_object)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, frames[i].key, (gssize) frames[i].key_len);
        }
    }

  return g_string_free (path, FALSE);
}

/* The bytes _cwb_json_check_depth() looks at; it skips all others */
static const guint8 depth_significant[256] = {
  ['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1, [','] = 1,
};

gboolean
_cwb_json_check_depth (const char  *data,
                       gssize       length,
                       guint        max_depth,
                       GError     **error)
{
  /* on the stack for the usual limit: a 2 KiB calloc() per file made
   * malloc consolidate its free lists, costing more than the scan */
  DepthFrame stack_frames[CWB_JSON_MAX_DEPTH];
  g_autofree DepthFrame *heap_frames = NULL;
  DepthFrame *frames = stack_frames;
  const char *p = data;
  const char *end;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);

  end = data + (length < 0 ? strlen (data) : (gsize) length);

  if (max_depth > G_N_ELEMENTS (stack_frames))
    frames = heap_frames = g_new (DepthFrame, max_depth);

  while (p < end)
    {
      /* most bytes are spaces, names and figures: skipped in a tight loop */
      while (p < end && !depth_significant[(guchar) *p])
        p++;
      if (p == end)
        break;

      switch (*p)
        {
        case '"':
          {
            const char *start = ++p;
            const char *quote = _cwb_json_find_closing_quote (start, end);

            p = quote != NULL ? quote : end;
            if (depth > 0 && frames[depth - 1].is_object && frames[depth - 1].want_key)
              {
                frames[depth - 1].key = start;
                frames[depth - 1].key_len = (gsize) (MIN (p, end) - start);
                frames[depth - 1].want_key = FALSE;
              }
            p++;
          }
          continue;

        case '{':
        case '[':
          if (depth == max_depth)
            {
              g_autofree char *path = depth_path (frames, depth);

              if (*path == '\0')
                g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                             _("arrays and objects are nested more than %u levels deep"),
                             max_depth);
              else
                g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                             /* TRANSLATORS: a key path such as lists.standards[0], then a number */
                             _("%s: arrays and objects are nested more than %u levels deep"),
                             path, max_depth);
              return FALSE;
            }
          frames[depth] = (DepthFrame) {
            .is_object = *p == '{',
            .want_key = *p == '{',
          };
          depth++;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        case ',':
          if (depth > 0)
            {
              if (frames[depth - 1].is_object)
                frames[depth - 1].want_key = TRUE;
              else
                frames[depth - 1].index++;
            }
          break;

        default:
          break;
        }
      p++;
    }

  return TRUE;
}

typedef enum {
  VALUE_OK,
  VALUE_NOT_UTF8,
  VALUE_INFINITE,
} ValueProblem;

/* What json-glib lets through but a consortium cannot keep: it decodes an
 * escaped UTF-16 surrogate without its pair ("\ud800x") into bytes that
 * are not UTF-8, though the text itself is, and a number beyond the range
 * of a double (1e400) into infinity. Such a value could not be saved (the
 * file written would not load again, or hold null instead). Finds the first
 * key or value of either kind, leaving @path at it. Every value of every
 * file passes here: nothing is allocated on the way. */
static ValueProblem
find_bad_value (JsonNode      *node,
                CwbJsonReader *path)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            ValueProblem problem;

            cwb_json_reader_push_key (path, key);
            if (!g_utf8_validate (key, -1, NULL))
              return VALUE_NOT_UTF8;
            if ((problem = find_bad_value (member, path)) != VALUE_OK)
              return problem;
            cwb_json_reader_pop (path);
          }
        return VALUE_OK;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        for (guint i = 0; i < n; i++)
          {
            ValueProblem problem;

            cwb_json_reader_push_index (path, i);
            if ((problem = find_bad_value (json_array_get_element (array, i), path)) != VALUE_OK)
              return problem;
            cwb_json_reader_pop (path);
          }
        return VALUE_OK;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return g_utf8_validate (json_node_get_string (node), -1, NULL) ? VALUE_OK : VALUE_NOT_UTF8;
        case G_TYPE_DOUBLE:
          return isfinite (json_node_get_double (node)) ? VALUE_OK : VALUE_INFINITE;
        default:
          return VALUE_OK;
        }

    case JSON_NODE_NULL:
    default:
      return VALUE_OK;
    }
}

gboolean
_cwb_json_check_values (JsonNode  *root,
                        GError   **error)
{
  CwbJsonReader path;
  ValueProblem problem;
  g_autofree char *raw = NULL;
  g_autofree char *where = NULL;

  cwb_json_reader_init (&path, NULL);
  problem = find_bad_value (root, &path);
  if (problem == VALUE_OK)
    return TRUE;

  /* a key that is not UTF-8 is shown with U+FFFD where it is not */
  raw = cwb_json_reader_dup_path (&path, NULL);
  where = g_utf8_make_valid (raw, -1);

  switch (problem)
    {
    case VALUE_NOT_UTF8:
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("%s: an escaped UTF-16 surrogate (\\uD800 to \\uDFFF) without its pair is not a character"),
                   where);
      break;
    case VALUE_INFINITE:
    case VALUE_OK:
    default:
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("%s: the number is out of range (at most about 1.8e308)"), where);
      break;
    }

  return FALSE;
}
