/* fuzz-experts-io.h — the experts plugin's file readers, on a temporary file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_expert_registry_read_file() reads a path and picks the reader by the file
 * name's suffix, so the input is written to a file first, once per process
 * in a private folder (on /dev/shm when there is one: no disk writes).
 * A harness defines FUZZ_EXPERTS_FILE, the file's name, and may define
 * FUZZ_EXPERTS_WRITE (path, data, size), how the input becomes that file,
 * then includes this.
 */
#pragma once

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cwb-error.h"
#include "cwb-expert-registry.h"
#include "fuzz-common.h"

static char *fuzz_dir;
static char *fuzz_path;

static void
fuzz_experts_cleanup (void)
{
  if (fuzz_path != NULL)
    g_unlink (fuzz_path);
  if (fuzz_dir != NULL)
    g_rmdir (fuzz_dir);
}

static void
fuzz_experts_init (const char *file_name)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "cwb-fuzz-XXXXXX", NULL);

  fuzz_dir = g_mkdtemp (g_steal_pointer (&template));
  if (fuzz_dir == NULL)
    g_error ("cannot make a temporary folder: %s", g_strerror (errno));
  fuzz_path = g_build_filename (fuzz_dir, file_name, NULL);
  atexit (fuzz_experts_cleanup);
}

static void
fuzz_experts_read (const uint8_t *data,
                   size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;

#ifdef FUZZ_EXPERTS_WRITE
  FUZZ_EXPERTS_WRITE (fuzz_path, data, size);
#else
  if (!g_file_set_contents (fuzz_path, (const char *) data, (gssize) size, &error))
    g_error ("cannot write %s: %s", fuzz_path, error->message);
#endif

  rows = cwb_expert_registry_read_file (fuzz_path, NULL, NULL, NULL, &error);
  if (rows == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return;
    }
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, i);
      CwbExpert *expert = cwb_expert_import_row_get_expert (row);
      const char * const *problems = cwb_expert_import_row_get_problems (row);

      g_assert_cmpuint (cwb_expert_import_row_get_line (row), >=, 2);
      g_assert_nonnull (expert);
      g_assert_true (g_utf8_validate (cwb_expert_get_name (expert), -1, NULL));
      g_assert_nonnull (problems);
      g_assert_true (cwb_expert_import_row_get_accepted (row) == (problems[0] == NULL));
    }
}

FUZZ_INITIALIZE (fuzz_experts_init (FUZZ_EXPERTS_FILE))

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_experts_read (data, size);
  return 0;
}
