/* bench-window.h — what the window benchmarks share: a large consortium in a
 * temp store, the real application, figures (time, allocations, RSS)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "bench-common.h"

#include "cwb-application.h"
#include "cwb-window.h"

G_BEGIN_DECLS

/* Runs the main loop until nothing is pending */
void      bench_drain              (void);

typedef void (*BenchBody) (CwbApplication *app,
                           CwbWindow      *window,
                           gpointer        user_data);

/* Starts the application on $CWB_DATA_DIR = @data_dir and calls @body once
 * its window is mapped; returns the exit status. */
int       bench_run_app            (const char *data_dir,
                                    BenchBody   body,
                                    gpointer    user_data);

/* The arguments [N-MEMBERS] [RUNS] and the exit status */
typedef struct
{
  guint n_members;
  guint runs;
  int   status;
} BenchArgs;

/* The main() of a window benchmark: the populating child's, else parses
 * the arguments into @args (its defaults), writes the consortium into a
 * temp store, runs the application with @body (@args as user data) and
 * removes the store. */
int       bench_window_main        (int         argc,
                                    char      **argv,
                                    BenchArgs  *args,
                                    BenchBody   body);

G_END_DECLS
