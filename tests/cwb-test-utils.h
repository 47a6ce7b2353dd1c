/* cwb-test-utils.h — helpers every test program links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/meson.build compiles cwb-test-utils.c into each test program; the
 * programs that link the app library (GTK) get CWB_TEST_WITH_GTK defined
 * and with it cwb_test_init_gui(). Every helper fails the test (an
 * assertion or g_error) instead of returning an error.
 */
#pragma once

#include <cwb.h>
#ifdef CWB_TEST_WITH_GTK
#include <cwb-ui.h>
#endif

G_BEGIN_DECLS

/* How long CWB_TEST_WAIT_FOR() waits before it fails the test, times
 * cwb_test_timeout_multiplier(): $CWB_TEST_TIMEOUT_MULTIPLIER (1 to 20,
 * default 1), which the sanitizer suite sets, its programs being slower. */
#define CWB_TEST_TIMEOUT_SECONDS 20
guint          cwb_test_timeout_multiplier (void);

/* ------------------------------------------------------------------ */
/* the example consortium files (data/examples, CWB_EXAMPLES_DIR)      */

/* The folder of the examples; fails the test when meson did not set it. */
const char    *cwb_test_examples_dir   (void);
/* (transfer full): the names of the consortium files (*.consortium.json)
 * among the examples, sorted; fails the test when the folder cannot be
 * read */
GStrv          cwb_test_list_examples  (void);
/* (transfer full): CWB_EXAMPLES_DIR/@name as a path and as a file */
char          *cwb_test_example_path   (const char *name);
GFile         *cwb_test_example_file   (const char *name);
/* (transfer full): the consortium file at @path or the example @name,
 * loaded; fails the test when it does not load */
CwbConsortium *cwb_test_load_file      (const char *path);
CwbConsortium *cwb_test_load_example   (const char *name);

/* ------------------------------------------------------------------ */
/* temporary folders                                                   */

/* Removes @path and, if it is a folder, everything in it (a symbolic link
 * is removed, never followed). What cannot be removed is left quietly: a
 * test's teardown must not fail because of a leftover. */
void           cwb_test_remove_tree    (const char *path);

/* ------------------------------------------------------------------ */
/* memory                                                              */

/* A copy of @length bytes of @data that ends where a page that cannot be
 * read begins: reading one byte past the end kills the test at once, with
 * or without a sanitizer. Free it with cwb_test_guarded_free(). */
char          *cwb_test_guarded_copy   (const char *data,
                                        gsize       length);
void           cwb_test_guarded_free   (char       *copy,
                                        gsize       length);

/* Loads only the plugin whose module is @module (every other plugin found is
 * disabled), so a test of one plugin's rules does not see another's. */
void           cwb_test_load_only      (CwbEngine  *engine,
                                        const char *module);

/* ------------------------------------------------------------------ */
/* the main loop                                                       */

/* Dispatches what is ready now, without blocking: pending idles and
 * signal emissions (at most a thousand iterations, so that a source that
 * is always ready cannot hang the test). */
void           cwb_test_drain          (void);
/* Runs the main loop for @msec milliseconds: what is due in that time
 * runs too, e.g. a frame's layout. */
void           cwb_test_spin_for       (guint       msec);

/* One wait of CWB_TEST_WAIT_FOR(): a 10 ms tick so that the condition is
 * checked again even when nothing else happens, and a deadline. */
typedef struct
{
  guint  tick_id;
  gint64 deadline;
} CwbTestWait;

void           cwb_test_wait_begin     (CwbTestWait *wait);
/* Runs one iteration of the main loop (blocking at most until the next
 * tick). Returns FALSE once the deadline has passed. */
gboolean       cwb_test_wait_iterate   (CwbTestWait *wait);
void           cwb_test_wait_end       (CwbTestWait *wait);

/* Spins the main loop until @cond holds; fails the test, naming @cond,
 * after CWB_TEST_TIMEOUT_SECONDS. @cond is evaluated again after every
 * iteration, so it may be any expression. */
#define CWB_TEST_WAIT_FOR(cond)                                           \
  G_STMT_START {                                                          \
    CwbTestWait wait_;                                                    \
    cwb_test_wait_begin (&wait_);                                         \
    while (!(cond) && cwb_test_wait_iterate (&wait_))                     \
      ;                                                                   \
    cwb_test_wait_end (&wait_);                                           \
    if (!(cond))                                                          \
      g_error ("Timed out waiting for %s", #cond);                        \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* GUI tests                                                           */

#ifdef CWB_TEST_WITH_GTK
/* In place of g_test_init(): g_test_init() with G_TEST_OPTION_ISOLATE_DIRS,
 * gtk_init() and adw_init(), then gives back what the isolated XDG folders
 * hide and a desktop session has: the system's icon themes (so that
 * symbolic icons resolve) and MIME database (GdkPixbuf needs it to load an
 * SVG icon). Without them, loading an icon warns, and warnings are fatal
 * in the tests. */
void           cwb_test_init_gui       (int        *argc,
                                        char     ***argv);

/* (transfer full): the CwbArea with id @id among @engine's loaded
 * plugins; fails the test if there is none. */
CwbArea       *cwb_test_find_area      (CwbEngine  *engine,
                                        const char *id);
#endif

G_END_DECLS
