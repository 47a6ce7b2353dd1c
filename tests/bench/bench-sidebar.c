/* bench-sidebar.c — opening the window on a workspace of many consortia
 *
 * Writes N consortia (default 100 000) into a temp workspace with SQLite
 * directly (the schema from cwb_store_open()), then starts the real
 * application on it. From launch on, a 1 ms timeout measures the gaps of
 * the main loop; the benchmark prints when the window mapped, when the
 * sidebar first showed a row, the longest stall after the map and the
 * number of stalls over 50 ms, then the time the sidebar takes to filter by
 * a name and by an industry, and to scroll to its end.
 *
 * Needs a display: ./build-aux/run-tests.sh _build --benchmark --verbose sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <cwb.h>

#include "cwb-application.h"
#include "cwb-window-private.h"

#define NAME_PREFIX "海南基准"

static const char *industries[] = {
  "石化新材料", "数字经济", "生物医药", "核电产业", "海上风电", "现代种业", "深海科技",
  "航天产业", "新能源汽车", "高端食品和农产品加工", "现代渔业", "油气勘探生产服务",
  "医疗康养", "新型建筑", "节能环保", "智能制造",
};

typedef struct
{
  gint64     start;
  gint64     last_tick;
  gint64     mapped;       /* µs since start, 0: not yet */
  gint64     first_rows;
  gint64     max_gap;      /* after the map */
  guint      n_stalls;     /* gaps over 50 ms after the map */
  gint64     quiet_since;
  CwbWindow *window;
} Bench;

static gboolean
populate (const char *db_path,
          guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = cwb_store_open (db_path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (store == NULL)
    {
      g_printerr ("populate: %s\n", error->message);
      return FALSE;
    }
  g_clear_object (&store);

  if (sqlite3_open (db_path, &db) != SQLITE_OK ||
      sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO consortium (name, industry) VALUES (?, ?)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("populate: %s\n", sqlite3_errmsg (db));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      /* not in insertion order, so the name order is not the id order */
      g_autofree char *name = g_strdup_printf (NAME_PREFIX "%06u创新联合体",
                                               (guint) ((i * 7919ull) % 1000003));

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, industries[i % G_N_ELEMENTS (industries)], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_printerr ("populate: %s\n", sqlite3_errmsg (db));
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return TRUE;
}

static gboolean
has_row_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), NAME_PREFIX))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_row_label (child))
      return TRUE;

  return FALSE;
}

static void
search_name (Bench *bench)
{
  GtkEditable *entry = _cwb_window_get_search_entry (bench->window);

  gtk_editable_set_text (entry, "1234");
  /* now, not after the entry's delay */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
search_clear (Bench *bench)
{
  GtkEditable *entry = _cwb_window_get_search_entry (bench->window);

  gtk_editable_set_text (entry, "");
  /* now, not after the entry's delay */
  g_signal_emit_by_name (entry, "search-changed");
}

static void
filter_industry (Bench *bench)
{
  gtk_drop_down_set_selected (_cwb_window_get_industry_dropdown (bench->window), 3);
}

static void
filter_all (Bench *bench)
{
  gtk_drop_down_set_selected (_cwb_window_get_industry_dropdown (bench->window), 0);
}

static void
scroll_end (Bench *bench)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench->window->consortia_view));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* runs @func, then the main loop until what it queued ran; prints the time */
static void
timed (const char *what,
       void      (*func) (Bench *),
       Bench      *bench)
{
  GListModel *model = _cwb_window_get_consortia_model (bench->window);
  gint64 t0 = g_get_monotonic_time ();

  func (bench);
  for (guint i = 0; i < 3; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_print ("%-22s%8.1f ms, %u items\n", what, (g_get_monotonic_time () - t0) / 1000.0,
           g_list_model_get_n_items (model));
}

static void
report (Bench *bench)
{
  GListModel *model = _cwb_window_get_consortia_model (bench->window);
  struct rusage usage;

  g_print ("window mapped         %8.1f ms after launch\n", bench->mapped / 1000.0);
  g_print ("first sidebar rows    %8.1f ms after launch\n", bench->first_rows / 1000.0);
  g_print ("longest main-loop stall after the map: %.1f ms (%u over 50 ms)\n",
           bench->max_gap / 1000.0, bench->n_stalls);
  g_print ("sidebar items         %8u\n", g_list_model_get_n_items (model));
  timed ("search “1234”", search_name, bench);
  timed ("clear the search", search_clear, bench);
  timed ("filter one industry", filter_industry, bench);
  timed ("all industries", filter_all, bench);
  timed ("scroll to the end", scroll_end, bench);
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS              %8ld MiB\n", usage.ru_maxrss / 1024);
}

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - bench->last_tick;

  bench->last_tick = now;

  if (bench->mapped == 0)
    {
      /* gaps count from the first tick after the map */
      if (bench->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (bench->window)))
        bench->mapped = now - bench->start;
    }
  else
    {
      bench->max_gap = MAX (bench->max_gap, gap);
      if (gap > 50000)
        bench->n_stalls++;
      if (gap > 5000)
        bench->quiet_since = now;
    }

  if (bench->mapped != 0 && bench->first_rows == 0 &&
      has_row_label (GTK_WIDGET (bench->window->consortia_view)))
    bench->first_rows = now - bench->start;

  /* one second without a gap over 5 ms once the rows are there */
  if (bench->first_rows != 0 && now - bench->quiet_since > G_USEC_PER_SEC)
    {
      report (bench);
      gtk_window_destroy (GTK_WINDOW (bench->window));
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
activated_cb (GApplication *app,
              Bench        *bench)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CWB_IS_WINDOW (l->data))
      bench->window = l->data;
  g_assert (bench->window != NULL);
}

int
main (int    argc,
      char **argv)
{
  char *app_argv[] = { (char *) "consortium-workbench", NULL };
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("cwb-bench-sidebar-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "workbench.db", NULL);
  g_autofree char *cmd = NULL;
  g_autoptr(CwbApplication) app = NULL;
  Bench bench = { 0 };
  gint64 t0 = g_get_monotonic_time ();
  int status;

  if (!populate (db_path, n))
    return 1;
  g_print ("populated %u consortia in %.1f s\n", n, (g_get_monotonic_time () - t0) / 1e6);

  g_setenv ("CWB_DATA_DIR", dir, TRUE);
  app = cwb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &bench);

  bench.start = bench.last_tick = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &bench, NULL);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);
  if (status != 0 || bench.first_rows == 0)
    {
      g_printerr ("the sidebar showed no row\n");
      return 1;
    }

  cmd = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", dir);

  return 0;
}
