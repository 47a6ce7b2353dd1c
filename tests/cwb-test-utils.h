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
#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-application.h"
#include "cwb-window.h"
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

/* The last "items-changed" of a GListModel, and how many there were:
 * g_signal_connect (model, "items-changed",
 *                   G_CALLBACK (cwb_test_record_items_changed), &changed); */
typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_emissions;
} CwbTestItemsChanged;
void           cwb_test_record_items_changed (GListModel          *model,
                                              guint                position,
                                              guint                removed,
                                              guint                added,
                                              CwbTestItemsChanged *changed);

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

/* A GAsyncReadyCallback that keeps a reference to the result in
 * *(GAsyncResult **) @user_data, for a test that waits for it to be set */
void           cwb_test_keep_result_cb (GObject      *source,
                                        GAsyncResult *result,
                                        gpointer      user_data);

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

/* A plugin's page as the window shows it: the shipped rule set, a store
 * in the isolated user data folder (workbench.db), every built plugin
 * loaded and a context over them; the page in a window of its own. A
 * test's fixture embeds it and reaches its members directly. */
typedef struct
{
  CwbRuleSet *rules;
  CwbStore   *store;
  CwbEngine  *engine;
  CwbContext *context;
  GtkWidget  *window;
  GtkWidget  *page;     /* owned by window */
} CwbTestPage;

/* Opens the rule set, the store, the engine and the context; @now (may be
 * %NULL for the real clock) is set as the context's clock. */
void           cwb_test_page_set_up    (CwbTestPage *t,
                                        GDateTime   *now);
/* The same under @rules (nullable: the shipped rule set), e.g. a rule pack
 * with other figures */
void           cwb_test_page_set_up_with_rules (CwbTestPage *t,
                                                CwbRuleSet  *rules,
                                                GDateTime   *now);
/* Creates the page of the area @area_id and presents it in a window of
 * @width × @height. */
void           cwb_test_page_show      (CwbTestPage *t,
                                        const char  *area_id,
                                        int          width,
                                        int          height);
/* How many GtkListBoxRow children @box has */
guint          cwb_test_count_list_rows (GtkListBox *box);

/* Destroys the window and checks that the page went with it (nothing
 * kept a reference); does nothing when no page is shown. */
void           cwb_test_page_close     (CwbTestPage *t);
/* Closes every other window a test left open (its dialogs), then the
 * page, and checks that the context is finalized with it. */
void           cwb_test_page_tear_down (CwbTestPage *t);

/* The first toplevel that is a @type, or %NULL; with @visible_only, only
 * one that is shown. */
gpointer       cwb_test_find_toplevel  (GType        type,
                                        gboolean     visible_only);
/* The shown toplevel whose type is called @type_name (a type of a
 * plugin's module, which a test does not link), or %NULL. */
GtkWidget     *cwb_test_find_toplevel_by_name (const char *type_name);
/* Destroys every toplevel but @keep (which may be %NULL). */
void           cwb_test_close_windows_except  (GtkWindow  *keep);

/* The shown AdwMessageDialog made for @purpose (its "cwb-purpose" data,
 * as the pages set it), or any shown one when @purpose is %NULL. */
AdwMessageDialog *cwb_test_find_dialog (const char  *purpose);
/* As a click on the dialog's button: checks that @dialog (which must not
 * be %NULL) has @response, responds, closes it and lets what the
 * response started run. */
void           cwb_test_respond        (AdwMessageDialog *dialog,
                                        const char       *response);

/* The real application and its window, started as a user starts it: a
 * fresh data folder (CWB_DATA_DIR, with workbench.db in it), the
 * settings at their defaults, every built plugin. A test's fixture embeds
 * it and reaches its members directly. */
typedef struct
{
  char           *dir;      /* the data folder */
  CwbApplication *app;
  CwbWindow      *window;   /* while a body runs (cwb_test_app_run()) */
} CwbTestApp;

typedef void (*CwbTestAppBody) (gpointer fixture);

/* Every key of the application's settings back to its default (the
 * memory backend lives as long as the test program) */
void           cwb_test_reset_settings (void);

void           cwb_test_app_set_up     (CwbTestApp     *t);
/* Checks that the application is finalized and that it made its
 * database, then removes the folder. */
void           cwb_test_app_tear_down  (CwbTestApp     *t);
/* Runs @body (@fixture) inside g_application_run(), once the window is
 * mapped; then destroys every window and quits, as a user would. */
void           cwb_test_app_run        (CwbTestApp     *t,
                                        CwbTestAppBody  body,
                                        gpointer        fixture);
/* The same with @args (NULL-terminated) after the program's name on its
 * command line, e.g. { "--rules", path, NULL } */
void           cwb_test_app_run_with_args (CwbTestApp         *t,
                                           const char * const *args,
                                           CwbTestAppBody      body,
                                           gpointer            fixture);
/* (transfer none) */
CwbStore      *cwb_test_app_get_store  (CwbTestApp     *t);
/* how many consortia the application's store has */
guint          cwb_test_app_count_consortia (CwbTestApp *t);
/* (nullable): the name of the window's current consortium */
const char    *cwb_test_app_get_current_name (CwbTestApp *t);
#endif

G_END_DECLS
