/* bench-edit-member.c — editing one member of a large consortium in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-edit-member [N-MEMBERS=100000] [RUNS=5]   (needs a display:
 *        run it under xvfb-run, with the environment of tests/meson.build)
 *
 * A child writes a consortium of N members into a temp store. The real
 * application then starts on that store; its window selects the consortium
 * and shows the editor (联合体信息). Each run opens the member dialog on a
 * member at another position, types a new name and saves
 * (cwb_member_dialog_save(), the dialog's own path), then runs the main loop
 * until nothing is pending: the window, the editor and the member list are
 * then up to date, which the run checks (the list shows the new name). It
 * prints per run the time from the save to that point, the bytes malloc()
 * handed out meanwhile (every library of the process counted) and the
 * change of the bytes in use (mallinfo2); then the medians.
 * Target: < 20 ms and < 1 MB allocated.
 */
#define G_LOG_DOMAIN "bench-edit-member"

#include "config.h"

#include "bench-window.h"
#include "cwb-consortium-editor-private.h"
#include "cwb-member-dialog-private.h"


static void
edit_members (CwbApplication *app,
              CwbWindow      *window,
              gpointer        user_data)
{
  BenchArgs *bench = user_data;
  CwbContext *context = cwb_application_get_context (app);
  CwbStore *store = cwb_context_get_store (context);
  g_autofree double *times = g_new0 (double, bench->runs);
  g_autofree double *allocated = g_new0 (double, bench->runs);
  g_autofree double *in_use = g_new0 (double, bench->runs);
  GtkWidget *editor;
  GListModel *members;
  gint64 id, start;

  id = cwb_store_lookup_consortium (store, BENCH_CONSORTIUM_NAME);
  g_assert (id != 0);

  start = g_get_monotonic_time ();
  cwb_window_select_consortium (window, id);
  cwb_window_show_page (window, "consortium");
  bench_drain ();
  g_print ("selecting the consortium and showing the editor: %.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  editor = cwb_window_get_page (window, "consortium");
  members = G_LIST_MODEL (_cwb_consortium_editor_get_child (CWB_CONSORTIUM_EDITOR (editor),
                                                            "members_selection"));

  /* the view gets the members a few rows per frame, then all of them */
  while (g_list_model_get_n_items (members) < bench->n_members)
    g_main_context_iteration (NULL, TRUE);
  g_print ("until the view has every member: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  for (guint run = 0; run < bench->runs; run++)
    {
      guint position = (guint) ((run + 1) * (guint64) bench->n_members / (bench->runs + 1));
      g_autoptr(CwbMember) member = g_list_model_get_item (members, position);
      g_autoptr(CwbMember) shown = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("海南基准成员单位已改名%02u有限公司", run);
      CwbMemberDialog *dialog;
      gint64 in_use_before;

      g_assert (member != NULL);
      dialog = cwb_member_dialog_new (context, id, member);
      gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (dialog));
      gtk_editable_set_text (_cwb_member_dialog_get_child (dialog, "name_row"), name);
      bench_drain ();

      in_use_before = bench_alloc_in_use ();
      bench_alloc_reset ();
      start = g_get_monotonic_time ();

      if (!cwb_member_dialog_save (dialog, &error))
        {
          g_printerr ("bench-edit-member: %s\n", error->message);
          bench->status = 1;
          return;
        }
      bench_drain ();

      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      allocated[run] = bench_alloc_total () / 1048576.0;
      in_use[run] = (bench_alloc_in_use () - in_use_before) / 1048576.0;

      shown = g_list_model_get_item (members, position);
      if (shown == NULL || g_strcmp0 (cwb_member_get_name (shown), name) != 0)
        {
          g_printerr ("bench-edit-member: the list does not show the new name at %u\n", position);
          bench->status = 1;
          return;
        }

      g_print ("run %u, member %7u: %8.1f ms, allocated %8.2f MB, in use %+8.2f MB, RSS %ld KiB\n",
               run + 1, position, times[run], allocated[run], in_use[run],
               bench_proc_status_kib ("VmRSS:"));
    }

  g_print ("median of %u edits at %u members: %.1f ms, allocated %.2f MB, in use %+.2f MB "
           "(target < 20 ms, < 1 MB)\n",
           bench->runs, bench->n_members, bench_median (times, bench->runs),
           bench_median (allocated, bench->runs), bench_median (in_use, bench->runs));
}

int
main (int    argc,
      char **argv)
{
  BenchArgs args = { 100000, 5, 0 };

  return bench_window_main (argc, argv, &args, edit_members);
}
