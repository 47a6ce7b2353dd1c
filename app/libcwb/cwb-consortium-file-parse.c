/* cwb-consortium-file-parse.c — the common consortium file parsed without json-glib's scanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-file"

#include "config.h"

#include <string.h>

#include "cwb-consortium-file-private.h"

/*
 * json-glib reads text through a general scanner, which costs more than the
 * rest of checking a file. A consortium file as the workbench writes it is
 * plain JSON: an object of objects, arrays, strings with few escapes,
 * integers, true, false and null. That text is parsed here into the same
 * tree json-glib would build (the same node types, members in the same
 * order, the same parents, unsealed).
 *
 * So the tree holds no double, no integer beyond 18 digits, and only
 * strings that are UTF-8, and is no deeper than max_depth: none of what the
 * loader must otherwise look for in the text (cwb-consortium-file-scan.c)
 * or the tree (_cwb_json_check_values()).
 *
 * Anything else gives up at once, and the caller parses the text with
 * json-glib, which then accepts it or says what is wrong in its own words:
 * text that is not UTF-8, a character other than space, tab, CR or LF
 * between tokens, a comment, a number with a fraction or an exponent, 19
 * digits or more, a leading zero (json-glib's scanner reads "010" as octal
 * and "0x10" as hexadecimal), an escape other than \" \\ \n \r \t, a
 * control character in a string, an empty or repeated key, a trailing
 * comma, text after the root, a root that is not an object.
 */

/* the longest string copied on the stack rather than the heap */
#define STACK_STRING 512

/* integers of up to 18 digits fit a gint64 whatever they are */
#define MAX_DIGITS 18

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
} Parse;

static JsonNode *parse_value (Parse    *ps,
                              JsonNode *parent);

static inline void
skip_space (Parse *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r'))
    ps->p++;
}

/* what may end a number or true, false, null */
static inline gboolean
at_delimiter (const Parse *ps)
{
  if (ps->p == ps->end)
    return TRUE;

  switch (*ps->p)
    {
    case ',': case '}': case ']':
    case ' ': case '\n': case '\t': case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

/* The string at ps->p (its opening quote) passed to @take, which copies it;
 * FALSE for what json-glib is left to read. */
static gboolean
parse_string (Parse       *ps,
              void       (*take) (gpointer, const char *),
              gpointer     data)
{
  const char *start = ps->p + 1;
  const char *q = start;
  g_autoptr(GString) unescaped = NULL;
  char stack[STACK_STRING];

  while (q < ps->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
    q++;
  if (q == ps->end || (guchar) *q < 0x20)
    return FALSE;

  if (*q == '"')
    {
      gsize len = (gsize) (q - start);

      ps->p = q + 1;
      if (len < sizeof stack)
        {
          memcpy (stack, start, len);
          stack[len] = '\0';
          take (data, stack);
        }
      else
        {
          g_autofree char *copy = g_strndup (start, len);

          take (data, copy);
        }
      return TRUE;
    }

  /* escapes */
  unescaped = g_string_new_len (start, q - start);
  while (q < ps->end)
    {
      const char *run = q;

      if (*q == '"')
        {
          ps->p = q + 1;
          take (data, unescaped->str);
          return TRUE;
        }

      if (*q == '\\')
        {
          if (q + 1 == ps->end)
            return FALSE;
          switch (q[1])
            {
            case '"':  g_string_append_c (unescaped, '"'); break;
            case '\\': g_string_append_c (unescaped, '\\'); break;
            case 'n':  g_string_append_c (unescaped, '\n'); break;
            case 'r':  g_string_append_c (unescaped, '\r'); break;
            case 't':  g_string_append_c (unescaped, '\t'); break;
            default:   return FALSE;
            }
          q += 2;
          continue;
        }

      while (q < ps->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      if (q == ps->end || (guchar) *q < 0x20)
        return FALSE;
      g_string_append_len (unescaped, run, q - run);
    }

  return FALSE;
}

static void
take_string_value (gpointer    out,
                   const char *text)
{
  *(JsonNode **) out = json_node_init_string (json_node_alloc (), text);
}

/* A key: on the stack when it is short (it is copied into its object) */
typedef struct
{
  char  buffer[128];
  char *heap;          /* owned, nullable */
  char *key;           /* buffer or heap */
} KeyRead;

static void
take_key (gpointer    data,
          const char *text)
{
  KeyRead *read = data;
  gsize len = strlen (text);

  if (len < sizeof read->buffer)
    {
      memcpy (read->buffer, text, len + 1);
      read->key = read->buffer;
    }
  else
    read->key = read->heap = g_strdup (text);
}

/* An integer of at most MAX_DIGITS digits, no leading zero */
static JsonNode *
parse_integer (Parse    *ps,
               JsonNode *parent)
{
  const char *digits;
  gboolean negative = FALSE;
  guint64 value = 0;
  JsonNode *node;

  if (*ps->p == '-')
    {
      negative = TRUE;
      ps->p++;
    }

  digits = ps->p;
  while (ps->p < ps->end && g_ascii_isdigit (*ps->p))
    {
      if (ps->p - digits == MAX_DIGITS)
        return NULL;
      value = value * 10 + (guint64) (*ps->p - '0');
      ps->p++;
    }

  if (ps->p == digits || (*digits == '0' && ps->p - digits > 1) || !at_delimiter (ps))
    return NULL;

  node = json_node_init_int (json_node_alloc (), negative ? -(gint64) value : (gint64) value);
  json_node_set_parent (node, parent);

  return node;
}

static JsonNode *
parse_word (Parse      *ps,
            JsonNode   *parent,
            const char *word,
            gsize       len)
{
  JsonNode *node;

  if ((gsize) (ps->end - ps->p) < len || memcmp (ps->p, word, len) != 0)
    return NULL;
  ps->p += len;
  if (!at_delimiter (ps))
    return NULL;

  node = json_node_alloc ();
  if (*word == 'n')
    json_node_init_null (node);
  else
    json_node_init_boolean (node, *word == 't');
  json_node_set_parent (node, parent);

  return node;
}

static JsonNode *
parse_array (Parse    *ps,
             JsonNode *parent)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  json_node_set_parent (node, parent);

  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == ']')
    {
      ps->p++;
      return node;
    }

  for (;;)
    {
      JsonNode *element = parse_value (ps, node);

      if (element == NULL)
        break;
      json_array_add_element (array, element);

      skip_space (ps);
      if (ps->p == ps->end)
        break;
      if (*ps->p == ']')
        {
          ps->p++;
          return node;
        }
      if (*ps->p != ',')
        break;
      ps->p++;
      skip_space (ps);
    }

  json_node_unref (node);
  return NULL;
}

static JsonNode *
parse_object (Parse    *ps,
              JsonNode *parent)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  json_node_set_parent (node, parent);

  ps->p++;
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == '}')
    {
      ps->p++;
      return node;
    }

  for (;;)
    {
      KeyRead read;
      JsonNode *member;
      guint size;

      read.heap = NULL;
      if (ps->p == ps->end || *ps->p != '"' || !parse_string (ps, take_key, &read))
        break;
      if (*read.key == '\0')
        {
          g_free (read.heap);
          break;
        }

      skip_space (ps);
      if (ps->p == ps->end || *ps->p != ':')
        {
          g_free (read.heap);
          break;
        }
      ps->p++;
      skip_space (ps);

      member = parse_value (ps, node);
      if (member == NULL)
        {
          g_free (read.heap);
          break;
        }

      /* a key given twice: json-glib's business */
      size = json_object_get_size (object);
      json_object_set_member (object, read.key, member);
      g_free (read.heap);
      if (json_object_get_size (object) == size)
        break;

      skip_space (ps);
      if (ps->p == ps->end)
        break;
      if (*ps->p == '}')
        {
          ps->p++;
          return node;
        }
      if (*ps->p != ',')
        break;
      ps->p++;
      skip_space (ps);
    }

  json_node_unref (node);
  return NULL;
}

static JsonNode *
parse_value (Parse    *ps,
             JsonNode *parent)
{
  JsonNode *node = NULL;

  if (ps->p == ps->end)
    return NULL;

  switch (*ps->p)
    {
    case '{':
    case '[':
      if (ps->depth == ps->max_depth)
        return NULL;
      ps->depth++;
      node = *ps->p == '{' ? parse_object (ps, parent) : parse_array (ps, parent);
      ps->depth--;
      return node;

    case '"':
      if (!parse_string (ps, take_string_value, &node))
        return NULL;
      json_node_set_parent (node, parent);
      return node;

    case 't':
      return parse_word (ps, parent, "true", 4);
    case 'f':
      return parse_word (ps, parent, "false", 5);
    case 'n':
      return parse_word (ps, parent, "null", 4);

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_integer (ps, parent);

    default:
      return NULL;
    }
}

JsonNode *
_cwb_consortium_text_parse (const char *data,
                            gsize       length,
                            guint       max_depth)
{
  Parse ps = { data, data + length, 0, max_depth };
  JsonNode *root;

  /* json-glib says where the text is not UTF-8 */
  if (!g_utf8_validate_len (data, length, NULL))
    return NULL;

  skip_space (&ps);
  if (ps.p == ps.end || *ps.p != '{')
    return NULL;

  root = parse_value (&ps, NULL);
  if (root == NULL)
    return NULL;

  skip_space (&ps);
  if (ps.p != ps.end)
    {
      json_node_unref (root);
      return NULL;
    }

  return root;
}
