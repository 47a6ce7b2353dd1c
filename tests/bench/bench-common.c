/* bench-common.c — what the benchmarks share: a large consortium written by
 * a child, figures (allocations, RSS, medians)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-common"

#include "config.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

/* ------------------------------------------------------------ allocations */

/* glibc's own entry points; defining malloc here interposes it for every
 * library of the process */
extern void *__libc_malloc (size_t size);
extern void *__libc_calloc (size_t n, size_t size);
extern void *__libc_realloc (void *ptr, size_t size);
extern void  __libc_free (void *ptr);

static guint64 alloc_total;

void *malloc (size_t size);
void *calloc (size_t n, size_t size);
void *realloc (void *ptr, size_t size);
void  free (void *ptr);

void *
malloc (size_t size)
{
  __atomic_add_fetch (&alloc_total, size, __ATOMIC_RELAXED);
  return __libc_malloc (size);
}

void *
calloc (size_t n,
        size_t size)
{
  __atomic_add_fetch (&alloc_total, n * size, __ATOMIC_RELAXED);
  return __libc_calloc (n, size);
}

void *
realloc (void   *ptr,
         size_t  size)
{
  __atomic_add_fetch (&alloc_total, size, __ATOMIC_RELAXED);
  return __libc_realloc (ptr, size);
}

void
free (void *ptr)
{
  __libc_free (ptr);
}

void
bench_alloc_reset (void)
{
  __atomic_store_n (&alloc_total, 0, __ATOMIC_RELAXED);
}

guint64
bench_alloc_total (void)
{
  return __atomic_load_n (&alloc_total, __ATOMIC_RELAXED);
}

gint64
bench_alloc_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

long
bench_proc_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if ((line = strstr (status, field)) == NULL)
    return -1;
  return atol (line + strlen (field) + 1);
}

/* -------------------------------------------------------------- populate */

static char *
make_uscc (guint serial)
{
  char code[CWB_USCC_LENGTH + 1];

  g_snprintf (code, sizeof code, "91%s%09u0", serial % 3 == 0 ? "110100" : "460100", serial);
  code[17] = cwb_uscc_compute_check_char (code);
  return g_strdup (code);
}

static int
populate (const char *db,
          guint       n_members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  const char *items[] = { "基准测试", NULL };
  gint64 start = g_get_monotonic_time ();

  cwb_consortium_set_name (consortium, BENCH_CONSORTIUM_NAME);
  cwb_consortium_set_industry (consortium, "数字经济");
  cwb_consortium_set_scientific_problems (consortium, items);
  cwb_consortium_set_key_technologies (consortium, items);
  cwb_consortium_set_transformation_results (consortium, items);

  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(CwbMember) member = cwb_member_new ();
      g_autofree char *uscc = make_uscc (i + 1);
      g_autofree char *name = g_strdup_printf ("海南基准成员单位%07u有限公司", i + 1);

      cwb_member_set_uscc (member, uscc);
      cwb_member_set_name (member, name);
      cwb_member_set_kind (member, i % 4 == 3 ? CWB_MEMBER_KIND_UNIVERSITY
                                              : CWB_MEMBER_KIND_ENTERPRISE);
      cwb_member_set_lead (member, i == 0);
      cwb_member_set_independent_legal_person (member, TRUE);
      cwb_member_set_registered_in_hainan (member, (i + 1) % 3 != 0);
      cwb_member_set_high_tech (member, i % 5 == 0);
      cwb_member_set_cooperation_basis (member, TRUE);
      cwb_member_set_capability (member, TRUE);
      cwb_consortium_add_member (consortium, member);
    }

  if ((store = cwb_store_open (db, &error)) == NULL ||
      !cwb_store_import_consortium (store, consortium, FALSE, &error))
    {
      g_printerr ("populate: %s\n", error->message);
      return 1;
    }
  g_print ("populated %u members in %.1f s\n", n_members,
           (g_get_monotonic_time () - start) / 1e6);

  return 0;
}

int
bench_populate_main (int    argc,
                     char **argv)
{
  if (argc == 4 && strcmp (argv[1], "--populate") == 0)
    return populate (argv[2], (guint) atoi (argv[3]));
  return -1;
}

gboolean
bench_populate (const char *argv0,
                const char *db,
                guint       n_members)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *n = g_strdup_printf ("%u", n_members);
  const char *argv[] = { self ? self : argv0, "--populate", db, n, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error))
    {
      g_printerr ("populate: %s\n", error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (double *values,
              guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
bench_remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", "--", dir, NULL };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, NULL, &error))
    g_printerr ("could not remove %s: %s\n", dir, error->message);
}
