/* cwb-gui.h — the window's entry point, in a module of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The module's name (g_module_build_path()) and its entry point. */
#define CWB_GUI_MODULE "consortium-workbench-window"
#define CWB_GUI_SYMBOL "cwb_gui_main"

typedef int (*CwbGuiMainFunc) (int    argc,
                               char **argv);

int cwb_gui_main (int    argc,
                  char **argv);

G_END_DECLS
