/* test-json-reader.c — the JSON reader every file section is read with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cwb-enums.h"
#include "cwb-types.h"
#include "cwb-error.h"
#include "cwb-json-reader.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

#define assert_message(error, expected)                              \
  G_STMT_START {                                                     \
    g_assert_error ((error), CWB_ERROR, CWB_ERROR_INVALID);          \
    g_assert_cmpstr ((error)->message, ==, (expected));              \
    g_clear_error (&(error));                                        \
  } G_STMT_END

static void
test_paths (void)
{
  CwbJsonReader reader;
  g_autofree char *empty = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *with_key = NULL;

  cwb_json_reader_init (&reader, NULL);
  empty = cwb_json_reader_dup_path (&reader, NULL);
  g_assert_cmpstr (empty, ==, "");

  cwb_json_reader_push_key (&reader, "members");
  cwb_json_reader_push_index (&reader, 2);
  cwb_json_reader_push_key (&reader, "fiscal_years");
  cwb_json_reader_push_index (&reader, 0);
  deep = cwb_json_reader_dup_path (&reader, NULL);
  g_assert_cmpstr (deep, ==, "members[2].fiscal_years[0]");
  g_assert_cmpuint (cwb_json_reader_get_depth (&reader), ==, 4);

  cwb_json_reader_pop (&reader);
  cwb_json_reader_pop (&reader);
  with_key = cwb_json_reader_dup_path (&reader, "uscc");
  g_assert_cmpstr (with_key, ==, "members[2].uscc");
}

static void
test_getters (void)
{
  g_autoptr(JsonNode) root = parse ("{\"s\": \"text\", \"b\": true, \"i\": 7, \"whole\": 2.0,"
                                    " \"d\": \"2024-03-01\", \"kind\": \"university\","
                                    " \"media\": \"image/png\", \"list\": [\"a\", \"b\"],"
                                    " \"o\": {}, \"a\": [], \"n\": null, \"x\": 0.5}");
  static const char * const media[] = { "application/pdf", "image/png", NULL };
  JsonObject *object = json_node_get_object (root);
  g_autofree const char **list = NULL;
  g_autoptr(GError) error = NULL;
  CwbJsonReader reader;
  const char *s = NULL, *d = NULL, *absent = "default";
  gboolean b = FALSE;
  gint64 i = 0, whole = 0;
  double x = 0;
  int kind = -1;
  guint choice = 99;
  JsonObject *o = NULL;
  JsonArray *a = NULL;

  cwb_json_reader_init (&reader, NULL);
  g_assert_true (cwb_json_reader_read_string (&reader, object, "s", CWB_JSON_REQUIRED, &s, &error));
  g_assert_true (cwb_json_reader_read_boolean (&reader, object, "b", CWB_JSON_REQUIRED, &b, &error));
  g_assert_true (cwb_json_reader_read_integer (&reader, object, "i", CWB_JSON_REQUIRED, 0, 10, &i, &error));
  g_assert_true (cwb_json_reader_read_integer (&reader, object, "whole", 0, 0, 10, &whole, &error));
  g_assert_true (cwb_json_reader_read_number (&reader, object, "x", 0, &x, &error));
  g_assert_true (cwb_json_reader_read_date (&reader, object, "d", 0, &d, &error));
  g_assert_true (cwb_json_reader_read_enum (&reader, object, "kind", 0, CWB_TYPE_MEMBER_KIND, &kind, &error));
  g_assert_true (cwb_json_reader_read_choice (&reader, object, "media", 0, media, &choice, &error));
  g_assert_true (cwb_json_reader_read_string_list (&reader, object, "list", 0, &list, &error));
  g_assert_true (cwb_json_reader_read_object (&reader, object, "o", 0, &o, &error));
  g_assert_true (cwb_json_reader_read_array (&reader, object, "a", 0, &a, &error));
  g_assert_true (cwb_json_reader_read_string (&reader, object, "missing", 0, &absent, &error));
  g_assert_true (cwb_json_reader_read_string (&reader, object, "n", CWB_JSON_NULLABLE, &absent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_json_reader_get_depth (&reader), ==, 0);

  g_assert_cmpstr (s, ==, "text");
  g_assert_true (b);
  g_assert_cmpint (i, ==, 7);
  g_assert_cmpint (whole, ==, 2);
  g_assert_cmpfloat (x, ==, 0.5);
  g_assert_cmpstr (d, ==, "2024-03-01");
  g_assert_cmpint (kind, ==, CWB_MEMBER_KIND_UNIVERSITY);
  g_assert_cmpuint (choice, ==, 1);
  g_assert_cmpstrv (list, ((const char *[]) { "a", "b", NULL }));
  g_assert_nonnull (o);
  g_assert_nonnull (a);
  g_assert_cmpstr (absent, ==, "default");
}

/* The words every section's errors share */
static void
test_errors (void)
{
  g_autoptr(JsonNode) root = parse ("{\"m\": [{\"s\": 3, \"e\": \"\", \"blank\": \"  \", \"n\": null,"
                                    " \"i\": 1.5, \"neg\": -1, \"big\": 11, \"d\": \"2024-02-30\","
                                    " \"kind\": \"firm\", \"list\": [\"a\", 2], \"a\": []}]}");
  static const char * const media[] = { "application/pdf", "image/png", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree const char **list = NULL;
  CwbJsonReader reader;
  JsonObject *object;
  JsonArray *members = NULL;
  const char *s = NULL;
  gint64 i = 0;
  int kind;
  guint choice;
  JsonArray *a;

  cwb_json_reader_init (&reader, "section");
  g_assert_true (cwb_json_reader_read_array (&reader, json_node_get_object (root), "m", 0, &members, &error));
  cwb_json_reader_push_key (&reader, "m");
  cwb_json_reader_push_index (&reader, 0);
  g_assert_true (cwb_json_reader_get_object (&reader, json_array_get_element (members, 0), &object, &error));
  g_assert_false (cwb_json_reader_get_array (&reader, json_array_get_element (members, 0), 0, &a, &error));
  assert_message (error, "section.m[0]: expected an array, found an object");

  g_assert_false (cwb_json_reader_read_string (&reader, object, "s", 0, &s, &error));
  assert_message (error, "section.m[0].s: expected a string, found an integer");
  g_assert_false (cwb_json_reader_read_string (&reader, object, "missing", CWB_JSON_REQUIRED, &s, &error));
  assert_message (error, "section.m[0].missing: required key is missing");
  g_assert_false (cwb_json_reader_read_string (&reader, object, "n", CWB_JSON_REQUIRED | CWB_JSON_NULLABLE, &s, &error));
  assert_message (error, "section.m[0].n: required key is missing");
  g_assert_false (cwb_json_reader_read_string (&reader, object, "n", 0, &s, &error));
  assert_message (error, "section.m[0].n: expected a string, found null");
  g_assert_false (cwb_json_reader_read_string (&reader, object, "e", CWB_JSON_NOT_EMPTY, &s, &error));
  assert_message (error, "section.m[0].e: must not be empty");
  g_assert_true (cwb_json_reader_read_string (&reader, object, "blank", CWB_JSON_NOT_EMPTY, &s, &error));
  g_assert_false (cwb_json_reader_read_string (&reader, object, "blank", CWB_JSON_NOT_BLANK, &s, &error));
  assert_message (error, "section.m[0].blank: must not be empty");
  g_assert_false (cwb_json_reader_read_integer (&reader, object, "i", 0, 0, 10, &i, &error));
  assert_message (error, "section.m[0].i: expected an integer, found 1.5");
  g_assert_false (cwb_json_reader_read_integer (&reader, object, "neg", 0, 0, 10, &i, &error));
  assert_message (error, "section.m[0].neg: must not be negative, found -1");
  g_assert_false (cwb_json_reader_read_integer (&reader, object, "big", 0, 1, 10, &i, &error));
  assert_message (error, "section.m[0].big: 11 is out of range (1 to 10)");
  g_assert_false (cwb_json_reader_read_date (&reader, object, "d", 0, &s, &error));
  assert_message (error, "section.m[0].d: “2024-02-30” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01");
  g_assert_false (cwb_json_reader_read_enum (&reader, object, "kind", 0, CWB_TYPE_STANDARD_KIND, &kind, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "section.m[0].kind: unknown value “firm”; expected one of: "));
  g_clear_error (&error);
  g_assert_false (cwb_json_reader_read_choice (&reader, object, "kind", 0, media, &choice, &error));
  assert_message (error, "section.m[0].kind: unknown value “firm”; expected one of: application/pdf, image/png");
  g_assert_false (cwb_json_reader_read_array (&reader, object, "a", CWB_JSON_NOT_EMPTY, &a, &error));
  assert_message (error, "section.m[0].a: must not be empty");
  g_assert_false (cwb_json_reader_read_string_list (&reader, object, "list", 0, &list, &error));
  assert_message (error, "section.m[0].list[1]: expected a string, found an integer");
  g_assert_null (list);

  cwb_json_reader_init (&reader, "section");
  g_assert_false (cwb_json_reader_fail (&reader, "x", &error, "%s and %s", "this", "that"));
  assert_message (error, "section.x: this and that");

  /* no error wanted: nothing is formatted */
  g_assert_false (cwb_json_reader_read_string (&reader, object, "s", 0, &s, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/paths", test_paths);
  g_test_add_func ("/json-reader/getters", test_getters);
  g_test_add_func ("/json-reader/errors", test_errors);

  return g_test_run ();
}
