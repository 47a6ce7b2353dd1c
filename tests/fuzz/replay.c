/* replay.c — runs a fuzz harness over saved inputs, without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * replay FILE-OR-FOLDER… calls LLVMFuzzerInitialize() once, then
 * LLVMFuzzerTestOneInput() once for each file given and for each file in
 * each folder given (not recursive, in name order). The normal build links
 * the harnesses with it, so `make test` (suite "fuzz") replays the corpora
 * with gcc, and the sanitizer build under ASan and UBSan. Each input is run
 * from a copy of exactly its size, so a read past the end is caught there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_file (const char *path,
             guint      *count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  uint8_t *copy;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "replay: %s\n", error->message);
      exit (2);
    }

  /* exactly @length bytes, no NUL after them */
  copy = g_malloc (length > 0 ? length : 1);
  memcpy (copy, contents, length);
  fprintf (stderr, "replay: %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (copy, length);
  g_free (copy);
  (*count)++;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-FOLDER…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          replay_file (argv[i], &count);
          continue;
        }

      dir = g_dir_open (argv[i], 0, NULL);
      if (dir == NULL)
        {
          fprintf (stderr, "replay: cannot read the folder %s\n", argv[i]);
          return 2;
        }
      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        if (g_file_test (g_ptr_array_index (names, j), G_FILE_TEST_IS_REGULAR))
          replay_file (g_ptr_array_index (names, j), &count);
    }

  printf ("replay: %u inputs, no crash\n", count);
  return 0;
}
