/* cwb-gui.c — the window's entry point, in a module of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The executable links no GTK, so the command line and `check` never load
 * it (nor, through cwb_plugin_register_ui(), a plugin's pages). main()
 * opens this module only to show the window. It is opened with global
 * symbols, so plugins see that GTK is there (cwb_plugin_host_shows_pages()).
 */
#define G_LOG_DOMAIN "cwb-gui"

#include "config.h"

#include <gmodule.h>

#include "cwb-application.h"
#include "cwb-gui.h"

/**
 * cwb_gui_main:
 * @argc: the arguments' count
 * @argv: the arguments: only `--db PATH`, already checked by main()
 *
 * Runs the application with its window until it quits.
 *
 * Returns: the process's exit status
 */
G_MODULE_EXPORT int
cwb_gui_main (int    argc,
              char **argv)
{
  g_autoptr(CwbApplication) app = cwb_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
