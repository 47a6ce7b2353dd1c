/* bench-window.c — what the window benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <stdlib.h>

#include "bench-window.h"

/* ------------------------------------------------------------- the window */

void
bench_drain (void)
{
  /* twice: what ran may have queued more for the next iteration */
  for (guint round = 0; round < 2; round++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

typedef struct
{
  BenchBody  body;
  gpointer   user_data;
  CwbWindow *window;
} Run;

static gboolean
mapped_idle_cb (gpointer user_data)
{
  GApplication *app = g_application_get_default ();
  Run *run = user_data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (run->window)))
    return G_SOURCE_CONTINUE;

  bench_drain ();
  run->body (CWB_APPLICATION (app), run->window, run->user_data);

  gtk_window_destroy (GTK_WINDOW (run->window));
  g_application_quit (app);

  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *app,
              Run          *run)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CWB_IS_WINDOW (l->data))
      run->window = l->data;
  g_assert (run->window != NULL);

  g_timeout_add (10, mapped_idle_cb, run);
}

int
bench_run_app (const char *data_dir,
               BenchBody   body,
               gpointer    user_data)
{
  char *argv[] = { (char *) "consortium-workbench", NULL };
  g_autoptr(CwbApplication) app = NULL;
  Run run = { body, user_data, NULL };

  g_setenv ("CWB_DATA_DIR", data_dir, TRUE);
  app = cwb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

int
bench_window_main (int          argc,
                   char       **argv,
                   BenchArgs   *args,
                   BenchBody    body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  int status;

  if ((status = bench_populate_main (argc, argv)) >= 0)
    return status;
  if (argc > 1)
    args->n_members = (guint) atoi (argv[1]);
  if (argc > 2)
    args->runs = (guint) atoi (argv[2]);
  if (args->n_members < 10 || args->runs < 1)
    {
      g_printerr ("usage: %s [N-MEMBERS >= 10] [RUNS >= 1]\n", g_get_prgname ());
      return 64;
    }

  if ((dir = g_dir_make_tmp ("cwb-bench-window-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  db = g_build_filename (dir, "workbench.db", NULL);
  if (!bench_populate (argv[0], db, args->n_members))
    return 1;

  status = bench_run_app (dir, body, args);
  bench_remove_tree (dir);

  return status != 0 ? status : args->status;
}
