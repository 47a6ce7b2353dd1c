/* bench-members.c — a 100 000-member consortium is listed without loading every row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-members [N-MEMBERS]
 *
 * 1. A child process imports a consortium of N members (default 100 000)
 *    into a store in a temp dir (so its memory is not counted below).
 * 2. This process opens the store and times: cwb_store_list_members() and
 *    n_items, g_list_model_get_item() at 200 random positions, and a
 *    sequential scroll of 1 000 rows from the middle. It prints the rows the
 *    list read from SQLite and its peak RSS.
 * 3. For contrast, a child loads the whole consortium
 *    (cwb_store_load_consortium) and prints its peak RSS.
 */
#define G_LOG_DOMAIN "bench-members"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <cwb.h>

#include "bench-common.h"
#include "cwb-store-private.h"

#define N_RANDOM 200
#define N_SCROLL 1000

static int
load_all (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  long rss_before;
  gint64 start;

  if ((store = cwb_store_open (db, &error)) == NULL)
    {
      g_printerr ("bench-members: %s\n", error->message);
      return 1;
    }
  rss_before = bench_proc_status_kib ("VmRSS:");
  start = g_get_monotonic_time ();
  consortium = cwb_store_load_consortium (store, cwb_store_lookup_consortium (store, BENCH_CONSORTIUM_NAME),
                                          &error);
  if (consortium == NULL)
    {
      g_printerr ("bench-members: %s\n", error->message);
      return 1;
    }
  g_print ("contrast, loading every member:     %8.1f ms, %u members, RSS %ld -> %ld KiB (peak %ld KiB)\n",
           (g_get_monotonic_time () - start) / 1000.0,
           cwb_consortium_get_members (consortium)->len,
           rss_before, bench_proc_status_kib ("VmRSS:"), bench_proc_status_kib ("VmHWM:"));

  return 0;
}

static int
run_self (const char *self,
          const char *mode,
          const char *db,
          const char *n)
{
  const char *argv[] = { self, mode, db, n, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error))
    {
      g_printerr ("bench-members: %s\n", error->message);
      return 1;
    }
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbMemberList) list = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *self = NULL;
  guint n_members = 100000, n_items, middle;
  guint64 rows_after_count, rows_after_random;
  long rss_start, rss_open;
  gint64 start, id;
  double t_open, t_random, t_scroll;
  int status;

  if ((status = bench_populate_main (argc, argv)) >= 0)
    return status;
  if (argc == 4 && strcmp (argv[1], "--load-all") == 0)
    return load_all (argv[2]);
  if (argc > 1)
    n_members = (guint) atoi (argv[1]);
  if (n_members < 2 * N_SCROLL)
    {
      g_printerr ("usage: bench-members [N-MEMBERS >= %u]\n", 2 * N_SCROLL);
      return 64;
    }

  if ((tmpdir = g_dir_make_tmp ("cwb-bench-members-XXXXXX", &error)) == NULL)
    {
      g_printerr ("bench-members: %s\n", error->message);
      return 1;
    }
  db = g_build_filename (tmpdir, "workbench.db", NULL);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  if (!bench_populate (argv[0], db, n_members))
    return 1;

  rss_start = bench_proc_status_kib ("VmRSS:");
  if ((store = cwb_store_open (db, &error)) == NULL)
    {
      g_printerr ("bench-members: %s\n", error->message);
      return 1;
    }
  id = cwb_store_lookup_consortium (store, BENCH_CONSORTIUM_NAME);
  g_assert (id != 0);

  /* open the list and count */
  start = g_get_monotonic_time ();
  list = cwb_store_list_members (store, id);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  t_open = (g_get_monotonic_time () - start) / 1000.0;
  rows_after_count = _cwb_member_list_get_rows_read (list);
  rss_open = bench_proc_status_kib ("VmRSS:");
  if (n_items != n_members)
    {
      g_printerr ("bench-members: the list has %u items, expected %u\n", n_items, n_members);
      return 1;
    }

  /* 200 random positions */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_RANDOM; i++)
    {
      guint position = (guint) g_rand_int_range (rand, 0, (gint32) n_items);
      g_autoptr(CwbMember) member = g_list_model_get_item (G_LIST_MODEL (list), position);

      if (member == NULL || cwb_member_get_uscc (member) == NULL)
        {
          g_printerr ("bench-members: no member at %u\n", position);
          return 1;
        }
    }
  t_random = (g_get_monotonic_time () - start) / 1000.0;
  rows_after_random = _cwb_member_list_get_rows_read (list);

  /* a sequential scroll of 1 000 rows from the middle */
  middle = n_items / 2;
  start = g_get_monotonic_time ();
  for (guint position = middle; position < middle + N_SCROLL; position++)
    {
      g_autoptr(CwbMember) member = g_list_model_get_item (G_LIST_MODEL (list), position);

      if (member == NULL)
        {
          g_printerr ("bench-members: no member at %u\n", position);
          return 1;
        }
    }
  t_scroll = (g_get_monotonic_time () - start) / 1000.0;

  g_print ("members in the consortium:         %8u\n", n_items);
  g_print ("list_members + n_items:            %8.1f ms, rows read %" G_GUINT64_FORMAT "\n",
           t_open, rows_after_count);
  g_print ("get_item at %u random positions:   %8.1f ms, rows read %" G_GUINT64_FORMAT "\n",
           N_RANDOM, t_random, rows_after_random - rows_after_count);
  g_print ("sequential scroll of %u rows:     %8.1f ms, rows read %" G_GUINT64_FORMAT "\n",
           N_SCROLL, t_scroll, _cwb_member_list_get_rows_read (list) - rows_after_random);
  g_print ("rows read from SQLite in all:      %8" G_GUINT64_FORMAT " of %u (%.1f%%)\n",
           _cwb_member_list_get_rows_read (list), n_items,
           100.0 * _cwb_member_list_get_rows_read (list) / n_items);
  g_print ("RSS: start %ld KiB, after opening the list %ld KiB, now %ld KiB, peak %ld KiB\n",
           rss_start, rss_open, bench_proc_status_kib ("VmRSS:"), bench_proc_status_kib ("VmHWM:"));

  g_clear_object (&list);
  g_clear_object (&store);

  if (run_self (self, "--load-all", db, "0") != 0)
    return 1;

  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db);
    g_rmdir (tmpdir);
  }

  return 0;
}
