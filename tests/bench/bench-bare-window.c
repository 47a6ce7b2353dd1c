/* bench-bare-window.c — the yardstick of the start-up benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bare libadwaita application: one window with one label, nothing else.
 * startup.sh compares the time until consortium-workbench's window is mapped
 * with the time until this one's is.
 */
#define G_LOG_DOMAIN "bench-bare-window"

#include "config.h"

#include <adwaita.h>

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Consortium Workbench"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.cwb.BenchBareWindow", G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
