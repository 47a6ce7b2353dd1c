/* cwb-json-reader.c — reading a parsed JSON tree with key paths in errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-json-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-json-private.h"
#include "cwb-json-reader.h"

/* The largest integer a double holds exactly: a whole decimal number up
 * to this is taken as an integer. */
#define MAX_EXACT_DOUBLE 9007199254740992.0

/**
 * cwb_json_reader_init:
 * @reader: a reader on the stack
 * @root: (nullable): the first key of every path, such as a section's
 *   name ("agreement"), or %NULL for paths from the top of the file
 *
 * Readies @reader at @root.
 */
void
cwb_json_reader_init (CwbJsonReader *reader,
                      const char    *root)
{
  g_return_if_fail (reader != NULL);

  reader->depth = 0;
  if (root != NULL)
    cwb_json_reader_push_key (reader, root);
}

/**
 * cwb_json_reader_push_key:
 * @reader: a reader
 * @key: a key, borrowed until it is popped
 *
 * Goes down into the member @key of the object at the current path.
 */
void
cwb_json_reader_push_key (CwbJsonReader *reader,
                          const char    *key)
{
  g_return_if_fail (key != NULL);

  /* deeper than any text libcwb parses: counted, but not named */
  if (reader->depth < CWB_JSON_READER_MAX_DEPTH)
    {
      reader->segs[reader->depth].key = key;
      reader->segs[reader->depth].index = 0;
    }
  reader->depth++;
}

/**
 * cwb_json_reader_push_index:
 * @reader: a reader
 * @index: an array index
 *
 * Goes down into the element @index of the array at the current path.
 */
void
cwb_json_reader_push_index (CwbJsonReader *reader,
                            guint          index)
{
  if (reader->depth < CWB_JSON_READER_MAX_DEPTH)
    {
      reader->segs[reader->depth].key = NULL;
      reader->segs[reader->depth].index = index;
    }
  reader->depth++;
}

/**
 * cwb_json_reader_pop:
 * @reader: a reader
 *
 * Goes back up one key or index.
 */
void
cwb_json_reader_pop (CwbJsonReader *reader)
{
  g_return_if_fail (reader->depth > 0);

  reader->depth--;
}

/**
 * cwb_json_reader_get_depth:
 * @reader: a reader
 *
 * Returns: how many keys and indices the current path has
 */
guint
cwb_json_reader_get_depth (const CwbJsonReader *reader)
{
  return reader->depth;
}

/**
 * cwb_json_reader_dup_path:
 * @reader: a reader
 * @key: (nullable): a key to append
 *
 * Returns: (transfer full): the current path as text, then @key:
 *   "members[3].uscc"
 */
char *
cwb_json_reader_dup_path (const CwbJsonReader *reader,
                          const char          *key)
{
  GString *out = g_string_new (NULL);
  guint depth = MIN (reader->depth, CWB_JSON_READER_MAX_DEPTH);

  for (guint i = 0; i < depth; i++)
    {
      if (reader->segs[i].key != NULL)
        {
          if (out->len > 0)
            g_string_append_c (out, '.');
          g_string_append (out, reader->segs[i].key);
        }
      else
        g_string_append_printf (out, "[%u]", reader->segs[i].index);
    }

  if (reader->depth > depth)
    g_string_append (out, "…");

  if (key != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, key);
    }

  return g_string_free (out, FALSE);
}

/* Sets CWB_ERROR_INVALID from a format whose first directive is PATH
 * (the current path, then @key), and returns FALSE from the caller, which
 * has `reader` and `error`. Nothing is formatted (or translated) unless
 * the caller wants the error. */
#define FAIL(key, ...)                                                   \
  G_STMT_START {                                                         \
    if (error != NULL)                                                   \
      {                                                                  \
        g_autofree char *path_ = cwb_json_reader_dup_path (reader, (key)); \
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, __VA_ARGS__);  \
      }                                                                  \
    return FALSE;                                                        \
  } G_STMT_END
#define PATH path_

/**
 * cwb_json_reader_fail:
 * @reader: a reader
 * @key: (nullable): a key below the current path, or %NULL
 * @error: return location for the error
 * @format: what is wrong, printf-style, without the path
 * @...: its arguments
 *
 * Sets a %CWB_ERROR_INVALID that says "PATH: WHAT" (PATH being the current
 * path, then @key), for checks of a caller's own. @format should be
 * translated.
 *
 * Returns: %FALSE, to return from the caller
 */
gboolean
cwb_json_reader_fail (const CwbJsonReader  *reader,
                      const char           *key,
                      GError              **error,
                      const char           *format,
                      ...)
{
  g_autofree char *path = NULL;
  g_autofree char *what = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  path = cwb_json_reader_dup_path (reader, key);
  /* TRANSLATORS: a key path such as members[2].uscc, then what is wrong with the value there */
  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("%s: %s"), path, what);

  return FALSE;
}

/**
 * cwb_json_describe_node:
 * @node: a node
 *
 * Returns: (transfer none): what @node is, as a translated noun: "an
 *   object", "a string", "null"…
 */
const char *
cwb_json_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        case G_TYPE_INT64:
          return _("an integer");
        case G_TYPE_DOUBLE:
          return _("a decimal number");
        default:
          return _("an unknown value");
        }
    }
}

static const char *
type_noun (CwbJsonType type)
{
  switch (type)
    {
    case CWB_JSON_STRING:
      return _("a string");
    case CWB_JSON_BOOLEAN:
      return _("a boolean");
    case CWB_JSON_INTEGER:
      return _("an integer");
    case CWB_JSON_NUMBER:
      return _("a number");
    case CWB_JSON_OBJECT:
      return _("an object");
    case CWB_JSON_ARRAY:
    default:
      return _("an array");
    }
}

static gboolean
node_is (JsonNode    *node,
         CwbJsonType  type)
{
  GType value_type;

  switch (type)
    {
    case CWB_JSON_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    case CWB_JSON_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    default:
      break;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  value_type = json_node_get_value_type (node);
  switch (type)
    {
    case CWB_JSON_STRING:
      return value_type == G_TYPE_STRING;
    case CWB_JSON_BOOLEAN:
      return value_type == G_TYPE_BOOLEAN;
    case CWB_JSON_INTEGER:
    case CWB_JSON_NUMBER:
    default:
      return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
    }
}

/* expect() for the member @key (not pushed) of the object at the path */
static gboolean
expect_at (CwbJsonReader  *reader,
           const char     *key,
           JsonNode       *node,
           CwbJsonType     type,
           GError        **error)
{
  if (G_LIKELY (node_is (node, type)))
    return TRUE;

  FAIL (key, _("%s: expected %s, found %s"), PATH,
                  type_noun (type), cwb_json_describe_node (node));
}

/**
 * cwb_json_reader_expect:
 * @reader: a reader
 * @node: the node at the current path
 * @type: what it should be
 * @error: return location for "PATH: expected …, found …"
 *
 * Returns: %TRUE if @node is of @type
 */
gboolean
cwb_json_reader_expect (CwbJsonReader  *reader,
                        JsonNode       *node,
                        CwbJsonType     type,
                        GError        **error)
{
  return expect_at (reader, NULL, node, type, error);
}

/**
 * cwb_json_reader_get_object:
 * @reader: a reader
 * @node: the node at the current path
 * @out: (out) (transfer none): the object
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is an object
 */
gboolean
cwb_json_reader_get_object (CwbJsonReader  *reader,
                            JsonNode       *node,
                            JsonObject    **out,
                            GError        **error)
{
  if (!expect_at (reader, NULL, node, CWB_JSON_OBJECT, error))
    return FALSE;

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
array_value (CwbJsonReader  *reader,
             const char     *key,
             JsonNode       *node,
             CwbJsonFlags    flags,
             JsonArray     **out,
             GError        **error)
{
  JsonArray *array;

  if (!expect_at (reader, key, node, CWB_JSON_ARRAY, error))
    return FALSE;

  array = json_node_get_array (node);
  if ((flags & CWB_JSON_NOT_EMPTY) && json_array_get_length (array) == 0)
    FAIL (key, _("%s: must not be empty"), PATH);

  *out = array;
  return TRUE;
}

/**
 * cwb_json_reader_get_array:
 * @reader: a reader
 * @node: the node at the current path
 * @flags: %CWB_JSON_NOT_EMPTY to refuse an empty array
 * @out: (out) (transfer none): the array
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is an array as @flags require
 */
gboolean
cwb_json_reader_get_array (CwbJsonReader  *reader,
                           JsonNode       *node,
                           CwbJsonFlags    flags,
                           JsonArray     **out,
                           GError        **error)
{
  return array_value (reader, NULL, node, flags, out, error);
}

static gboolean
string_value (CwbJsonReader  *reader,
              const char     *key,
              JsonNode       *node,
              CwbJsonFlags    flags,
              const char    **out,
              GError        **error)
{
  const char *s;

  if (!expect_at (reader, key, node, CWB_JSON_STRING, error))
    return FALSE;

  s = json_node_get_string (node);
  if (((flags & CWB_JSON_NOT_EMPTY) && *s == '\0') ||
      ((flags & CWB_JSON_NOT_BLANK) && cwb_text_is_blank (s)))
    FAIL (key, _("%s: must not be empty"), PATH);

  *out = s;
  return TRUE;
}

/**
 * cwb_json_reader_get_string:
 * @reader: a reader
 * @node: the node at the current path
 * @flags: %CWB_JSON_NOT_EMPTY or %CWB_JSON_NOT_BLANK to refuse empty text
 * @out: (out) (transfer none): the string, owned by @node
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is a string as @flags require
 */
gboolean
cwb_json_reader_get_string (CwbJsonReader  *reader,
                            JsonNode       *node,
                            CwbJsonFlags    flags,
                            const char    **out,
                            GError        **error)
{
  return string_value (reader, NULL, node, flags, out, error);
}

/* An integer in [@min, @max]; a decimal number is taken only when it is
 * whole and a double holds it exactly (1e3, 2.0). */
static gboolean
integer_value (CwbJsonReader  *reader,
               const char     *key,
               JsonNode       *node,
               gint64          min,
               gint64          max,
               gint64         *out,
               GError        **error)
{
  gint64 value;

  if (!expect_at (reader, key, node, CWB_JSON_INTEGER, error))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      if (d != floor (d) || fabs (d) > MAX_EXACT_DOUBLE)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          _cwb_json_format_double (buf, sizeof buf, d);
          FAIL (key, _("%s: expected an integer, found %s"), PATH, buf);
        }
      value = (gint64) d;
    }
  else
    value = json_node_get_int (node);

  if (value < 0 && min >= 0)
    FAIL (key, _("%s: must not be negative, found %lld"), PATH, (long long) value);

  if (value < min || value > max)
    FAIL (key, _("%s: %lld is out of range (%lld to %lld)"), PATH,
                    (long long) value, (long long) min, (long long) max);

  *out = value;
  return TRUE;
}

/**
 * cwb_json_reader_get_integer:
 * @reader: a reader
 * @node: the node at the current path
 * @min: the smallest value allowed
 * @max: the largest value allowed
 * @out: (out): the integer
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is an integer from @min to @max
 */
gboolean
cwb_json_reader_get_integer (CwbJsonReader  *reader,
                             JsonNode       *node,
                             gint64          min,
                             gint64          max,
                             gint64         *out,
                             GError        **error)
{
  return integer_value (reader, NULL, node, min, max, out, error);
}

static gboolean
date_value (CwbJsonReader  *reader,
            const char     *key,
            JsonNode       *node,
            const char    **out,
            GError        **error)
{
  const char *date;

  if (!string_value (reader, key, node, 0, &date, error))
    return FALSE;

  if (!cwb_date_is_valid (date))
    FAIL (key,
                    _("%s: “%s” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01"), PATH,
                    date);

  *out = date;
  return TRUE;
}

/**
 * cwb_json_reader_get_date:
 * @reader: a reader
 * @node: the node at the current path
 * @out: (out) (transfer none): the date, owned by @node
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is a real calendar date written as YYYY-MM-DD
 */
gboolean
cwb_json_reader_get_date (CwbJsonReader  *reader,
                          JsonNode       *node,
                          const char    **out,
                          GError        **error)
{
  return date_value (reader, NULL, node, out, error);
}

/**
 * cwb_json_reader_get_string_list:
 * @reader: a reader
 * @node: the node at the current path
 * @flags: %CWB_JSON_NOT_EMPTY for at least one element,
 *   %CWB_JSON_NOT_BLANK for no blank element
 * @out: (out) (transfer container) (array zero-terminated=1): the
 *   strings, borrowed from @node; free the array with g_free()
 * @error: return location for an error
 *
 * Returns: %TRUE if @node is an array of strings as @flags require
 */
gboolean
cwb_json_reader_get_string_list (CwbJsonReader  *reader,
                                 JsonNode       *node,
                                 CwbJsonFlags    flags,
                                 const char   ***out,
                                 GError        **error)
{
  g_autofree const char **items = NULL;
  JsonArray *array;
  guint n;

  if (!array_value (reader, NULL, node, flags & CWB_JSON_NOT_EMPTY, &array, error))
    return FALSE;

  n = json_array_get_length (array);
  items = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      cwb_json_reader_push_index (reader, i);
      if (!string_value (reader, NULL, json_array_get_element (array, i),
                         flags & CWB_JSON_NOT_BLANK, &items[i], error))
        return FALSE;
      cwb_json_reader_pop (reader);
    }
  items[n] = NULL;

  *out = g_steal_pointer (&items);
  return TRUE;
}

/**
 * cwb_json_reader_lookup:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to look up
 * @type: what it should be
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @out: (out) (transfer none) (nullable): the member, %NULL when it is
 *   absent (or null, with %CWB_JSON_NULLABLE)
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds a @type
 */
gboolean
cwb_json_reader_lookup (CwbJsonReader  *reader,
                        JsonObject     *object,
                        const char     *key,
                        CwbJsonType     type,
                        CwbJsonFlags    flags,
                        JsonNode      **out,
                        GError        **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;

  if (node == NULL || ((flags & CWB_JSON_NULLABLE) && JSON_NODE_HOLDS_NULL (node)))
    {
      if (flags & CWB_JSON_REQUIRED)
        FAIL (key, _("%s: required key is missing"), PATH);
      return TRUE;
    }

  if (!expect_at (reader, key, node, type, error))
    return FALSE;

  *out = node;
  return TRUE;
}

/**
 * cwb_json_reader_read_object:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @out: (out) (transfer none): the member's object; untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds an object
 */
gboolean
cwb_json_reader_read_object (CwbJsonReader  *reader,
                             JsonObject     *object,
                             const char     *key,
                             CwbJsonFlags    flags,
                             JsonObject    **out,
                             GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_OBJECT, flags, &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_object (node);
  return TRUE;
}

/**
 * cwb_json_reader_read_array:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE, %CWB_JSON_NOT_EMPTY
 * @out: (out) (transfer none): the member's array; untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds an array
 */
gboolean
cwb_json_reader_read_array (CwbJsonReader  *reader,
                            JsonObject     *object,
                            const char     *key,
                            CwbJsonFlags    flags,
                            JsonArray     **out,
                            GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_ARRAY, flags, &node, error))
    return FALSE;

  return node == NULL || array_value (reader, key, node, flags, out, error);
}

/**
 * cwb_json_reader_read_string:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE, %CWB_JSON_NOT_EMPTY,
 *   %CWB_JSON_NOT_BLANK
 * @out: (out) (transfer none): the string, owned by @object; untouched
 *   when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds a string as
 *   @flags require
 */
gboolean
cwb_json_reader_read_string (CwbJsonReader  *reader,
                             JsonObject     *object,
                             const char     *key,
                             CwbJsonFlags    flags,
                             const char    **out,
                             GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_STRING, flags, &node, error))
    return FALSE;

  return node == NULL || string_value (reader, key, node, flags, out, error);
}

/**
 * cwb_json_reader_read_boolean:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @out: (out): the boolean; untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds true or false
 */
gboolean
cwb_json_reader_read_boolean (CwbJsonReader  *reader,
                              JsonObject     *object,
                              const char     *key,
                              CwbJsonFlags    flags,
                              gboolean       *out,
                              GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_BOOLEAN, flags, &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

/**
 * cwb_json_reader_read_integer:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @min: the smallest value allowed
 * @max: the largest value allowed
 * @out: (out): the integer; untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds an integer from
 *   @min to @max
 */
gboolean
cwb_json_reader_read_integer (CwbJsonReader  *reader,
                              JsonObject     *object,
                              const char     *key,
                              CwbJsonFlags    flags,
                              gint64          min,
                              gint64          max,
                              gint64         *out,
                              GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_INTEGER, flags, &node, error))
    return FALSE;

  return node == NULL || integer_value (reader, key, node, min, max, out, error);
}

/**
 * cwb_json_reader_read_number:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @out: (out): the number; untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds a number
 */
gboolean
cwb_json_reader_read_number (CwbJsonReader  *reader,
                             JsonObject     *object,
                             const char     *key,
                             CwbJsonFlags    flags,
                             double         *out,
                             GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_NUMBER, flags, &node, error))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                          : json_node_get_double (node);
  return TRUE;
}

/**
 * cwb_json_reader_read_date:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @out: (out) (transfer none): the YYYY-MM-DD date, owned by @object;
 *   untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds a real date
 */
gboolean
cwb_json_reader_read_date (CwbJsonReader  *reader,
                           JsonObject     *object,
                           const char     *key,
                           CwbJsonFlags    flags,
                           const char    **out,
                           GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_STRING, flags, &node, error))
    return FALSE;

  return node == NULL || date_value (reader, key, node, out, error);
}

/* The enumeration's class, referenced once for the life of the process:
 * looking a word up costs no type-system lock. */
GEnumClass *
_cwb_json_enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static gboolean
unknown_word (CwbJsonReader       *reader,
              const char          *key,
              const char          *word,
              GEnumClass          *klass,
              const char * const  *choices,
              GError             **error)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; klass != NULL ? i < klass->n_values : choices[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (words, ", ");
      g_string_append (words, klass != NULL ? klass->values[i].value_nick : choices[i]);
    }

  FAIL (key, _("%s: unknown value “%s”; expected one of: %s"), PATH,
                  word, words->str);
}

/**
 * cwb_json_reader_read_enum:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @enum_type: a #GEnum type, whose nicks are the words allowed
 * @out: (out): the value; untouched when absent
 * @error: return location for an error that lists the words allowed
 *
 * Returns: %TRUE if @key is absent and may be, or holds a nick of
 *   @enum_type
 */
gboolean
cwb_json_reader_read_enum (CwbJsonReader  *reader,
                           JsonObject     *object,
                           const char     *key,
                           CwbJsonFlags    flags,
                           GType           enum_type,
                           int            *out,
                           GError        **error)
{
  const char *word = NULL;
  GEnumClass *klass;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (!cwb_json_reader_read_string (reader, object, key, flags & ~CWB_JSON_NOT_BLANK, &word, error))
    return FALSE;
  if (word == NULL)
    return TRUE;

  klass = _cwb_json_enum_class (enum_type);
  value = g_enum_get_value_by_nick (klass, word);
  if (value == NULL)
    return unknown_word (reader, key, word, klass, NULL, error);

  *out = value->value;
  return TRUE;
}

/**
 * cwb_json_reader_read_choice:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE
 * @choices: (array zero-terminated=1): the words allowed
 * @out: (out): the position of the word in @choices; untouched when absent
 * @error: return location for an error that lists @choices
 *
 * Returns: %TRUE if @key is absent and may be, or holds one of @choices
 */
gboolean
cwb_json_reader_read_choice (CwbJsonReader       *reader,
                             JsonObject          *object,
                             const char          *key,
                             CwbJsonFlags         flags,
                             const char * const  *choices,
                             guint               *out,
                             GError             **error)
{
  const char *word = NULL;

  g_return_val_if_fail (choices != NULL, FALSE);

  if (!cwb_json_reader_read_string (reader, object, key, flags & ~CWB_JSON_NOT_BLANK, &word, error))
    return FALSE;
  if (word == NULL)
    return TRUE;

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], word))
      {
        *out = i;
        return TRUE;
      }

  return unknown_word (reader, key, word, NULL, choices, error);
}

/**
 * cwb_json_reader_read_string_list:
 * @reader: a reader
 * @object: the object at the current path
 * @key: the member to read
 * @flags: %CWB_JSON_REQUIRED, %CWB_JSON_NULLABLE, %CWB_JSON_NOT_EMPTY (at
 *   least one element), %CWB_JSON_NOT_BLANK (no blank element)
 * @out: (out) (transfer container) (array zero-terminated=1): the
 *   strings, borrowed from @object; free the array with g_free();
 *   untouched when absent
 * @error: return location for an error
 *
 * Returns: %TRUE if @key is absent and may be, or holds an array of
 *   strings as @flags require
 */
gboolean
cwb_json_reader_read_string_list (CwbJsonReader   *reader,
                                  JsonObject      *object,
                                  const char      *key,
                                  CwbJsonFlags     flags,
                                  const char    ***out,
                                  GError         **error)
{
  JsonNode *node;
  gboolean ok;

  if (!cwb_json_reader_lookup (reader, object, key, CWB_JSON_ARRAY, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, key);
  ok = cwb_json_reader_get_string_list (reader, node, flags, out, error);
  if (ok)
    cwb_json_reader_pop (reader);

  return ok;
}

/**
 * cwb_json_reader_foreach_object:
 * @reader: a reader at the path of @array
 * @array: an array whose elements must be objects
 * @func: (scope call): reads one element
 * @user_data: for @func
 * @error: return location for an error
 *
 * Calls @func on each element of @array in order, with @reader at the
 * element's path, until one fails; an element that is not an object is
 * an error.
 *
 * Returns: %TRUE if every element was read
 */
gboolean
cwb_json_reader_foreach_object (CwbJsonReader      *reader,
                                JsonArray          *array,
                                CwbJsonReadObject   func,
                                gpointer            user_data,
                                GError            **error)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object;

      cwb_json_reader_push_index (reader, i);
      if (!cwb_json_reader_get_object (reader, json_array_get_element (array, i), &object, error) ||
          !func (reader, object, i, user_data, error))
        return FALSE;
      cwb_json_reader_pop (reader);
    }

  return TRUE;
}
