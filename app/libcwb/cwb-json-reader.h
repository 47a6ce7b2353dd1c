/* cwb-json-reader.h — reading a parsed JSON tree with key paths in errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * SECTION:cwb-json-reader
 * @title: CwbJsonReader
 * @short_description: typed getters that name the key path of what is wrong
 *
 * One reader for every JSON libcwb and its plugins read: the consortium
 * file, the rule set, and each plugin's file section. A #CwbJsonReader
 * walks a #JsonNode tree that json-glib has parsed, keeping the key path
 * of where it is (`members[2].uscc`) as a small stack of borrowed
 * segments; it only becomes text, with the words translated (zh_CN) in one
 * place, when a getter refuses a value. Every error is
 * %CWB_ERROR_INVALID with a message that starts with the key path:
 *
 * |[
 * members[2].uscc: required key is missing
 * members[2].kind: unknown value “firm”; expected one of: enterprise, university, …
 * agreement.signatures[0].date: “2026-02-30” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01
 * ]|
 *
 * The reader lives on the stack and owns nothing; keys pushed on it are
 * borrowed and must outlive their push (the tree's own keys and string
 * literals do). Nothing is allocated and no message is translated unless
 * a getter fails, so a reader costs nothing on files that are valid.
 * After an error the reader's path is left where the error was: drop it.
 *
 * The member getters (cwb_json_reader_read_*()) look @key up in an object
 * at the current path; the node getters (cwb_json_reader_get_*()) check a
 * node that is at the current path already (an array's element after
 * cwb_json_reader_push_index()). An absent key is an error only with
 * %CWB_JSON_REQUIRED; an optional getter leaves *@out untouched when the
 * key is absent, so give it the default first.
 *
 * A plugin reads its section of the consortium file like this (its errors
 * then look like the host's, e.g. `agreement.frozen: expected a boolean,
 * found a string`):
 *
 * |[<!-- language="C" -->
 * CwbJsonReader reader;
 * JsonObject *section, *item;
 * JsonArray *items;
 * gboolean frozen = FALSE;
 *
 * cwb_json_reader_init (&reader, "agreement");
 * if (!cwb_json_reader_get_object (&reader, node, &section, error) ||
 *     !cwb_json_reader_read_boolean (&reader, section, "frozen", CWB_JSON_OPTIONAL, &frozen, error) ||
 *     !cwb_json_reader_read_array (&reader, section, "items", CWB_JSON_REQUIRED, &items, error))
 *   return FALSE;
 *
 * cwb_json_reader_push_key (&reader, "items");
 * for (guint i = 0; i < json_array_get_length (items); i++)
 *   {
 *     const char *title = NULL;
 *
 *     cwb_json_reader_push_index (&reader, i);
 *     if (!cwb_json_reader_get_object (&reader, json_array_get_element (items, i), &item, error) ||
 *         !cwb_json_reader_read_string (&reader, item, "title", CWB_JSON_REQUIRED | CWB_JSON_NOT_EMPTY, &title, error))
 *       return FALSE;
 *     cwb_json_reader_pop (&reader);
 *   }
 * cwb_json_reader_pop (&reader);
 * ]|
 *
 * A check of the plugin's own (a credit code, a figure that must grow)
 * reports with cwb_json_reader_fail(), which puts the same key path
 * first.
 */

/**
 * CwbJsonType:
 * @CWB_JSON_STRING: a string
 * @CWB_JSON_BOOLEAN: true or false
 * @CWB_JSON_INTEGER: an integer (a decimal number that is whole, such as
 *   2.0 or 1e3, is taken as one)
 * @CWB_JSON_NUMBER: any number
 * @CWB_JSON_OBJECT: an object
 * @CWB_JSON_ARRAY: an array
 *
 * What a getter expects, for cwb_json_reader_expect().
 */
typedef enum {
  CWB_JSON_STRING,
  CWB_JSON_BOOLEAN,
  CWB_JSON_INTEGER,
  CWB_JSON_NUMBER,
  CWB_JSON_OBJECT,
  CWB_JSON_ARRAY,
} CwbJsonType;

/**
 * CwbJsonFlags:
 * @CWB_JSON_OPTIONAL: the key may be absent (the default)
 * @CWB_JSON_REQUIRED: an absent key is an error, “required key is missing”
 * @CWB_JSON_NULLABLE: null reads as if the key were absent (the
 *   consortium file's rule for its optional keys); without it null is a
 *   value of the wrong type
 * @CWB_JSON_NOT_EMPTY: a string or an array must not be empty
 * @CWB_JSON_NOT_BLANK: a string must hold more than white space (implies
 *   %CWB_JSON_NOT_EMPTY)
 *
 * How a getter treats an absent key, null and empty values.
 */
typedef enum {
  CWB_JSON_OPTIONAL  = 0,
  CWB_JSON_REQUIRED  = 1 << 0,
  CWB_JSON_NULLABLE  = 1 << 1,
  CWB_JSON_NOT_EMPTY = 1 << 2,
  CWB_JSON_NOT_BLANK = 1 << 3,
} CwbJsonFlags;

/* One deeper than the deepest text libcwb parses (CWB_JSON_MAX_DEPTH),
 * with room for a section's name in front. */
#define CWB_JSON_READER_MAX_DEPTH 72

/**
 * CwbJsonReader:
 *
 * A key path and the getters that use it; see the section's description.
 * Initialize one on the stack with cwb_json_reader_init().
 */
typedef struct {
  /*< private >*/
  guint depth;
  struct {
    const char *key;    /* NULL for an array index */
    guint       index;
  } segs[CWB_JSON_READER_MAX_DEPTH];
} CwbJsonReader;

void      cwb_json_reader_init         (CwbJsonReader  *reader,
                                        const char     *root);
void      cwb_json_reader_push_key     (CwbJsonReader  *reader,
                                        const char     *key);
void      cwb_json_reader_push_index   (CwbJsonReader  *reader,
                                        guint           index);
void      cwb_json_reader_pop          (CwbJsonReader  *reader);
guint     cwb_json_reader_get_depth    (const CwbJsonReader *reader);
char     *cwb_json_reader_dup_path     (const CwbJsonReader *reader,
                                        const char     *key);

gboolean  cwb_json_reader_fail         (const CwbJsonReader *reader,
                                        const char     *key,
                                        GError        **error,
                                        const char     *format,
                                        ...) G_GNUC_PRINTF (4, 5);

/* nodes at the current path */
gboolean  cwb_json_reader_expect       (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        CwbJsonType     type,
                                        GError        **error);
gboolean  cwb_json_reader_get_object   (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        JsonObject    **out,
                                        GError        **error);
gboolean  cwb_json_reader_get_array    (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        CwbJsonFlags    flags,
                                        JsonArray     **out,
                                        GError        **error);
gboolean  cwb_json_reader_get_string   (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        CwbJsonFlags    flags,
                                        const char    **out,
                                        GError        **error);
gboolean  cwb_json_reader_get_integer  (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        gint64          min,
                                        gint64          max,
                                        gint64         *out,
                                        GError        **error);
gboolean  cwb_json_reader_get_date     (CwbJsonReader  *reader,
                                        JsonNode       *node,
                                        const char    **out,
                                        GError        **error);
gboolean  cwb_json_reader_get_string_list (CwbJsonReader  *reader,
                                           JsonNode       *node,
                                           CwbJsonFlags    flags,
                                           const char   ***out,
                                           GError        **error);

/* members of an object at the current path */
gboolean  cwb_json_reader_lookup       (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonType     type,
                                        CwbJsonFlags    flags,
                                        JsonNode      **out,
                                        GError        **error);
gboolean  cwb_json_reader_read_object  (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        JsonObject    **out,
                                        GError        **error);
gboolean  cwb_json_reader_read_array   (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        JsonArray     **out,
                                        GError        **error);
gboolean  cwb_json_reader_read_string  (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        const char    **out,
                                        GError        **error);
gboolean  cwb_json_reader_read_boolean (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        gboolean       *out,
                                        GError        **error);
gboolean  cwb_json_reader_read_integer (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        gint64          min,
                                        gint64          max,
                                        gint64         *out,
                                        GError        **error);
gboolean  cwb_json_reader_read_number  (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        double         *out,
                                        GError        **error);
gboolean  cwb_json_reader_read_date    (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        const char    **out,
                                        GError        **error);
gboolean  cwb_json_reader_read_enum    (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        GType           enum_type,
                                        int            *out,
                                        GError        **error);
gboolean  cwb_json_reader_read_choice  (CwbJsonReader  *reader,
                                        JsonObject     *object,
                                        const char     *key,
                                        CwbJsonFlags    flags,
                                        const char * const *choices,
                                        guint          *out,
                                        GError        **error);
gboolean  cwb_json_reader_read_string_list (CwbJsonReader  *reader,
                                            JsonObject     *object,
                                            const char     *key,
                                            CwbJsonFlags    flags,
                                            const char   ***out,
                                            GError        **error);

/**
 * CwbJsonReadObject:
 * @reader: the reader, at the element's path (`members[2]`)
 * @object: the element
 * @index: its index in the array
 * @user_data: what was given to cwb_json_reader_foreach_object()
 * @error: return location for an error
 *
 * Reads one object of an array.
 *
 * Returns: %FALSE with @error set to stop
 */
typedef gboolean (*CwbJsonReadObject) (CwbJsonReader  *reader,
                                       JsonObject     *object,
                                       guint           index,
                                       gpointer        user_data,
                                       GError        **error);

gboolean  cwb_json_reader_foreach_object (CwbJsonReader     *reader,
                                          JsonArray         *array,
                                          CwbJsonReadObject  func,
                                          gpointer           user_data,
                                          GError           **error);

/* words for messages of a caller's own */
const char *cwb_json_describe_node     (JsonNode       *node);

G_END_DECLS
