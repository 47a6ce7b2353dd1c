/* test-cli-fixture.c — what the command line's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-test-cli"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <cwb.h>

#include "cwb-test-utils.h"
#include "test-cli-fixture.h"

static const char *statuses[] = {
  "pass", "fail", "warn", "unknown", "relaxed", "excepted", "declared",
  "missing_declaration", "info", NULL
};

static const char *strengths[] = { "hard", "soft", "preference", "declaration", NULL };

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = -1;
}

/* @env: NULL or "NAME=VALUE" to set, "NAME" to unset */
void
run_cliv (Fixture            *f,
          const char * const *env,
          const char * const *args,
          Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  const char *binary = g_getenv ("CWB_BINARY");

  g_assert_nonnull (binary);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_cwd (launcher, f->tmpdir);
  g_subprocess_launcher_setenv (launcher, "CWB_DATA_DIR", f->data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", ":4242", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);
          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  command = g_strjoinv (" ", (char **) argv->pdata);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  run_clear (run);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (process))
    run->status = 128 + g_subprocess_get_term_sig (process);
  else
    run->status = g_subprocess_get_exit_status (process);

  g_test_message ("$ %s\n→ %d\n--- stdout\n%s--- stderr\n%s", command, run->status,
                  run->out, run->err);
}

void
run_cli_env (Fixture            *f,
             const char * const *env,
             Run                *run,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cliv (f, env, (const char * const *) args->pdata, run);
}


char *
bad_files_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "files", NULL);
}

char *
example_name (const char *file_name)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (file_name);

  return g_strdup (cwb_consortium_get_name (consortium));
}

/* the "name" of a JSON file that may not be a valid consortium */
char *
json_file_name (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member (object, "name"));
}

/* stdout of check --json: one object per line */
GPtrArray *
parse_json_lines (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      if (lines[i][0] == '\0')
        {
          /* only the end of the output may be empty */
          g_assert_null (lines[i + 1]);
          continue;
        }
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      g_ptr_array_add (nodes, node);
    }

  return nodes;
}

JsonObject *
find_result (JsonNode   *report,
             const char *rule)
{
  JsonArray *results = json_object_get_array_member (json_node_get_object (report), "results");

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_strcmp0 (json_object_get_string_member (result, "rule"), rule) == 0)
        return result;
    }

  return NULL;
}

const char *
result_status (JsonNode   *report,
               const char *rule)
{
  JsonObject *result = find_result (report, rule);

  g_assert_nonnull (result);
  return json_object_get_string_member (result, "status");
}

const char *
report_verdict (JsonNode *report)
{
  return json_object_get_string_member (json_node_get_object (report), "verdict");
}

gboolean
strv_has (const char **strv,
          const char  *word)
{
  return word != NULL && g_strv_contains (strv, word);
}

/* Every key formats/consortium-v1.md documents, and a verdict that follows
 * from the statuses. */
void
assert_report_well_formed (JsonNode   *report,
                           const char *file)
{
  JsonObject *object = json_node_get_object (report);
  JsonArray *results;
  gboolean any_fail = FALSE, any_warn = FALSE;
  const char *verdict;

  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, file);
  g_assert_nonnull (json_object_get_string_member (object, "consortium"));
  g_assert_cmpstr (json_object_get_string_member (object, "ruleset"), ==, "hainan-2022");
  g_assert_true (json_object_has_member (object, "results"));
  results = json_object_get_array_member (object, "results");
  g_assert_cmpuint (json_array_get_length (results), >, 0);

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *status = json_object_get_string_member (result, "status");
      const char *rule = json_object_get_string_member (result, "rule");
      const char *clause = json_object_get_string_member (result, "clause");

      g_assert_nonnull (rule);
      g_assert_cmpstr (rule, !=, "");
      g_assert_nonnull (clause);
      g_assert_cmpstr (clause, !=, "");
      g_assert_true (strv_has (strengths, json_object_get_string_member (result, "strength")));
      g_assert_true (strv_has (statuses, status));
      g_assert_nonnull (json_object_get_string_member (result, "message"));
      if (json_object_has_member (result, "value"))
        g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (result, "value")));
      if (json_object_has_member (result, "threshold"))
        g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (result, "threshold")));

      any_fail |= g_str_equal (status, "fail");
      any_warn |= g_str_equal (status, "warn") || g_str_equal (status, "unknown") ||
                  g_str_equal (status, "missing_declaration");
    }

  verdict = json_object_get_string_member (object, "verdict");
  g_assert_cmpstr (verdict, ==, any_fail ? "fail" : any_warn ? "warn" : "pass");
}

gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

char *
default_db (Fixture *f)
{
  return g_build_filename (f->data_dir, "workbench.db", NULL);
}

CwbStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  CwbStore *store = cwb_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* writes @source with "name" set to @name into the fixture's dir */
char *
write_renamed_copy (Fixture    *f,
                    const char *source,
                    const char *name,
                    const char *file_name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->tmpdir, file_name, NULL);

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)),
                                 "name", name);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);

  return path;
}

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmpdir = g_dir_make_tmp ("cwb-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->data_dir = g_build_filename (f->tmpdir, "data", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cwb_test_remove_tree (f->tmpdir);
  g_clear_pointer (&f->tmpdir, g_free);
  g_clear_pointer (&f->data_dir, g_free);
}
