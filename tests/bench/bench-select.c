/* bench-select.c — selecting a consortium of a million members in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-select [N-MEMBERS=1000000] [RUNS=3]   (needs a display:
 *        run it under xvfb-run, with the environment of tests/meson.build)
 *
 * A child writes a consortium of N members into a temp store. The real
 * application starts on that store; once its window is mapped and idle, a
 * G_PRIORITY_HIGH timeout of 1 ms records the gaps between its calls (how
 * long the main loop could not run it), and the window selects the
 * consortium and shows the editor (联合体信息). The loop then runs for
 * 3 s, the gaps still measured; then the window selects nothing and, in the
 * next run, the consortium again. Per run it prints the longest stall, the
 * time until the main loop was first idle again, and the RSS then and at
 * the end against the RSS before the first selection. Target: no stall over
 * 50 ms, RSS within base + 100 MB.
 */
#define G_LOG_DOMAIN "bench-select"

#include "config.h"

#include "bench-window.h"

#define SETTLE_MS 3000

typedef struct
{
  BenchArgs args;   /* first */

  gint64  last_tick;
  gint64  longest_gap;
} Bench;

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0 && now - bench->last_tick > bench->longest_gap)
    bench->longest_gap = now - bench->last_tick;
  bench->last_tick = now;

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  CwbWindow *window;
  gint64     id;
  gint64     selected_at;
  gint64     idle_at;
} Select;

static gboolean
select_cb (gpointer user_data)
{
  Select *select = user_data;

  select->selected_at = g_get_monotonic_time ();
  cwb_window_select_consortium (select->window, select->id);
  cwb_window_show_page (select->window, "consortium");

  return G_SOURCE_REMOVE;
}

static gboolean
idle_again_cb (gpointer user_data)
{
  Select *select = user_data;

  if (select->idle_at == 0)
    select->idle_at = g_get_monotonic_time ();

  return G_SOURCE_REMOVE;
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec, as a user would leave it */
static void
spin_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
select_consortium (CwbApplication *app,
                   CwbWindow      *window,
                   gpointer        user_data)
{
  Bench *bench = user_data;
  CwbStore *store = cwb_context_get_store (cwb_application_get_context (app));
  g_autofree double *stalls = g_new0 (double, bench->args.runs);
  g_autofree double *growth = g_new0 (double, bench->args.runs);
  long base;
  guint tick;
  gint64 id;

  id = cwb_store_lookup_consortium (store, BENCH_CONSORTIUM_NAME);
  g_assert (id != 0);

  spin_for (500);
  base = bench_proc_status_kib ("VmRSS:");
  g_print ("RSS before selecting: %ld KiB\n", base);

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, bench, NULL);

  for (guint run = 0; run < bench->args.runs; run++)
    {
      Select select = { window, id, 0, 0 };
      long rss_idle;

      bench->last_tick = 0;
      bench->longest_gap = 0;
      spin_for (50);

      g_idle_add_full (G_PRIORITY_DEFAULT, select_cb, &select, NULL);
      while (select.selected_at == 0)
        g_main_context_iteration (NULL, TRUE);
      g_idle_add_full (G_PRIORITY_LOW, idle_again_cb, &select, NULL);
      while (select.idle_at == 0)
        g_main_context_iteration (NULL, TRUE);
      rss_idle = bench_proc_status_kib ("VmRSS:");
      spin_for (SETTLE_MS);

      stalls[run] = bench->longest_gap / 1000.0;
      growth[run] = (bench_proc_status_kib ("VmRSS:") - base) / 1024.0;
      g_print ("run %u: longest stall %8.1f ms, idle after %8.1f ms, RSS %+8.1f MB when idle, "
               "%+8.1f MB after %u ms (peak %ld KiB)\n",
               run + 1, stalls[run], (select.idle_at - select.selected_at) / 1000.0,
               (rss_idle - base) / 1024.0, growth[run], SETTLE_MS,
               bench_proc_status_kib ("VmHWM:"));

      if (cwb_context_get_consortium (cwb_application_get_context (app)) == NULL)
        {
          g_printerr ("bench-select: nothing is selected\n");
          bench->args.status = 1;
        }

      cwb_window_select_consortium (window, 0);
      spin_for (200);
    }

  g_source_remove (tick);

  g_print ("median of %u selections of %u members: longest stall %.1f ms, RSS %+.1f MB "
           "(target <= 50 ms, <= +100 MB)\n",
           bench->args.runs, bench->args.n_members, bench_median (stalls, bench->args.runs),
           bench_median (growth, bench->args.runs));
}

int
main (int    argc,
      char **argv)
{
  Bench bench = { { 1000000, 3, 0 }, 0, 0 };

  return bench_window_main (argc, argv, &bench.args, select_consortium);
}
