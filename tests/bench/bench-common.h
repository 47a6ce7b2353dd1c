/* bench-common.h — what the benchmarks share: a large consortium written by
 * a child, figures (allocations, RSS, medians)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

#define BENCH_CONSORTIUM_NAME "海南省大规模成员基准创新联合体"

/* A consortium of @n_members members, the first the lead, written by a
 * child process into @db (so its memory is not counted here). */
gboolean  bench_populate           (const char *argv0,
                                    const char *db,
                                    guint       n_members);
/* The child's side: call first in main(); returns -1 when not the child */
int       bench_populate_main      (int         argc,
                                    char      **argv);

/* VmRSS: / VmHWM: of this process, KiB */
long      bench_proc_status_kib    (const char *field);

/* Bytes malloc() handed out since bench_alloc_reset() (malloc, calloc,
 * realloc of this process, every library included), and in use now */
void      bench_alloc_reset        (void);
guint64   bench_alloc_total        (void);
gint64    bench_alloc_in_use       (void);

/* rm -rf @dir */
void      bench_remove_tree        (const char *dir);

/* a median of @n doubles (sorts them) */
double    bench_median             (double     *values,
                                    guint       n);

G_END_DECLS
