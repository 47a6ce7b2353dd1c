/* test-cli-read-only.c — check --db and export only read the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-test-cli-read-only"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include <cwb.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"

typedef struct
{
  char *tmpdir;  /* owned: the commands' working directory */
  char *db;      /* owned: tmpdir/ws/workbench.db */
  char *copy;    /* owned: deep-sea renamed, led by the same unit (C7) */
} Fixture;

static const char * const suffixes[] = { "", "-wal", "-shm" };

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *ws = NULL;

  f->tmpdir = g_dir_make_tmp ("cwb-test-cli-ro-XXXXXX", &error);
  g_assert_no_error (error);
  ws = g_build_filename (f->tmpdir, "ws", NULL);
  f->db = g_build_filename (ws, "workbench.db", NULL);
  f->copy = g_build_filename (f->tmpdir, "copy.consortium.json", NULL);

  json_parser_load_from_file (parser, deep, &error);
  g_assert_no_error (error);
  json_object_set_string_member (json_node_get_object (json_parser_get_root (parser)),
                                 "name", "海南省另一个深海创新联合体");
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, json_parser_get_root (parser));
    json_generator_to_file (generator, f->copy, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cwb_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
  g_free (f->db);
  g_free (f->copy);
}

/* The workspace: deep-sea imported, with or without the experts plugin's
 * tables, closed cleanly (no -wal, no -shm). */
static void
make_workspace (Fixture  *f,
                gboolean  with_experts)
{
  g_autoptr(CwbConsortium) deep = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GError) error = NULL;
  CwbStore *store = cwb_store_open (f->db, &error);

  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (store, deep, FALSE, &error));
  g_assert_no_error (error);
  if (with_experts)
    {
      g_assert_nonnull (cwb_expert_registry_get_for_store (store, &error));
      g_assert_no_error (error);
    }
  g_assert_finalize_object (store);
}

/* "sha256 of db | of -wal | of -shm", "absent" for a missing file */
static char *
dup_files_state (const char *db)
{
  g_autoptr(GString) state = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      gsize length;

      if (g_file_get_contents (path, &contents, &length, NULL))
        sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_string_append_printf (state, "%s%s", i > 0 ? " | " : "", sum != NULL ? sum : "absent");
    }

  return g_string_free (g_steal_pointer (&state), FALSE);
}

/* Runs @argv (NULL-terminated) in the fixture's folder with its own
 * CWB_DATA_DIR and no display; returns the exit status. */
static int
run (Fixture            *f,
     const char * const *argv,
     char              **out)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_dir = g_build_filename (f->tmpdir, "data", NULL);
  g_autofree char *command = g_strjoinv (" ", (char **) argv);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  envp = g_environ_setenv (envp, "CWB_DATA_DIR", data_dir, TRUE);
  envp = g_environ_setenv (envp, "DISPLAY", ":4242", TRUE);
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (f->tmpdir, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("$ %s\n→ %d\n--- stdout\n%s--- stderr\n%s", command, wait_status,
                  *out, err);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

/* The status of rule C7 in the one report of check --json. */
static char *
dup_c7_status (const char *out)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *results;

  node = json_from_string (out, &error);
  g_assert_no_error (error);
  results = json_object_get_array_member (json_node_get_object (node), "results");
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_strcmp0 (json_object_get_string_member (result, "rule"), "C7") == 0)
        return g_strdup (json_object_get_string_member (result, "status"));
    }

  return NULL;
}

/* check --db warns of C7 and export writes the file; @prefix runs the
 * binary through another command (NULL: directly). */
static void
assert_check_and_export (Fixture            *f,
                         const char * const *prefix)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *c7 = NULL;
  g_autofree char *exported = g_build_filename (f->tmpdir, "exported.consortium.json", NULL);
  g_autoptr(CwbConsortium) deep = cwb_test_load_example ("deep-sea.consortium.json");
  const char *binary = g_getenv ("CWB_BINARY");
  guint n_prefix;

  g_assert_nonnull (binary);
  for (guint i = 0; prefix != NULL && prefix[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) prefix[i]);
  g_ptr_array_add (argv, (gpointer) binary);
  n_prefix = argv->len;

  g_ptr_array_add (argv, "check");
  g_ptr_array_add (argv, "--json");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, f->copy);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run (f, (const char * const *) argv->pdata, &out), ==, 2);
  c7 = dup_c7_status (out);
  g_assert_cmpstr (c7, ==, "warn");
  g_clear_pointer (&out, g_free);

  g_ptr_array_set_size (argv, n_prefix);
  g_ptr_array_add (argv, "export");
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) cwb_consortium_get_name (deep));
  g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, exported);
  g_ptr_array_add (argv, NULL);
  g_assert_cmpint (run (f, (const char * const *) argv->pdata, &out), ==, 0);
  g_assert_true (g_file_test (exported, G_FILE_TEST_IS_REGULAR));
  g_remove (exported);
}

/* Issue 8 item 8: check --db opened the workspace read-write, and the
 * experts plugin created its tables in it. */
static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  const char *kind = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_workspace (f, g_str_equal (kind, "experts"));
  if (g_str_equal (kind, "older"))
    {
      sqlite3 *db = NULL;

      /* schema 1: without what 002-lifecycle.sql and 003 added */
      g_assert_cmpint (sqlite3_open_v2 (f->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DROP TABLE lifecycle_event; DROP INDEX consortium_industry_name; "
                                     "PRAGMA user_version = 1",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    }

  before = dup_files_state (f->db);
  g_assert_true (g_str_has_suffix (before, " | absent | absent"));

  assert_check_and_export (f, NULL);

  after = dup_files_state (f->db);
  g_assert_cmpstr (after, ==, before);
}

/* Issue 8 item 9b: the workspace's folder on a read-only mount (root
 * would pass any permission check, not this one), in a mount namespace of
 * its own so that nothing outside sees it. */
static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *ws = g_path_get_dirname (f->db);
  const char *script = "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && "
                       "shift && exec \"$@\"";
  const char * const prefix[] = { "unshare", "--mount", "--propagation", "private",
                                  "sh", "-c", script, "sh", ws, NULL };
  g_autofree char *probe_out = NULL;
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_workspace (f, FALSE);

  /* can this test make a read-only mount at all? */
  {
    const char * const probe[] = { "unshare", "--mount", "--propagation", "private",
                                   "sh", "-c", script, "sh", ws, "sh", "-c",
                                   "! touch \"$0\"/probe 2>/dev/null", ws, NULL };
    g_autofree char *probe_path = g_build_filename (ws, "probe", NULL);

    if (unshare == NULL ||
        run (f, probe, &probe_out) != 0 || g_file_test (probe_path, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("Cannot make a read-only mount here (needs root or user namespaces)");
        return;
      }
  }

  before = dup_files_state (f->db);
  assert_check_and_export (f, prefix);
  after = dup_files_state (f->db);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/read-only/unchanged/plain", "plain", test_unchanged);
  ADD ("/cli/read-only/unchanged/experts", "experts", test_unchanged);
  ADD ("/cli/read-only/unchanged/older", "older", test_unchanged);
  ADD ("/cli/read-only/folder", NULL, test_read_only_folder);
#undef ADD

  return g_test_run ();
}
