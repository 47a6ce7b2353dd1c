/* test-cli-fixture.h — what the command line's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/test-cli.c (check, import, export, usage) and test-cli-plugins.c
 * (the plugins' failures, crash guard and verbs) run the built executable
 * with these helpers.
 */
#pragma once

#include <json-glib/json-glib.h>

#include <cwb.h>

G_BEGIN_DECLS

/* Each case runs the built executable in its own temp dir, with its own
 * $CWB_DATA_DIR and a $DISPLAY that does not exist: a command that touched
 * GTK or the display would fail. */
typedef struct
{
  char *tmpdir;    /* owned: the command's working directory */
  char *data_dir;  /* owned: its $CWB_DATA_DIR */
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
void run_cliv (Fixture            *f,
               const char * const *env,
               const char * const *args,
               Run                *run);
void run_cli_env (Fixture            *f,
                  const char * const *env,
                  Run                *run,
                  ...) G_GNUC_NULL_TERMINATED;
char *bad_files_dir (void);
char *example_name (const char *file_name);
char *json_file_name (const char *path);
GPtrArray *parse_json_lines (const char *out);
JsonObject *find_result (JsonNode   *report,
                         const char *rule);
const char *result_status (JsonNode   *report,
                           const char *rule);
const char *report_verdict (JsonNode *report);
gboolean strv_has (const char **strv,
                   const char  *word);
void assert_report_well_formed (JsonNode   *report,
                                const char *file);
gboolean file_exists (const char *path);
char *default_db (Fixture *f);
CwbStore *open_store (const char *path);
char *write_renamed_copy (Fixture    *f,
                          const char *source,
                          const char *name,
                          const char *file_name);
void fixture_set_up (Fixture       *f,
                     gconstpointer  data);
void fixture_tear_down (Fixture       *f,
                        gconstpointer  data);

#define run_cli(f, run, ...) run_cli_env ((f), NULL, (run), __VA_ARGS__)

#define CLI_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
