/* bench-parse.c — the yardstick of the check benchmark: parses JSON files, nothing more
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-parse FILE…
 *
 * Maps and parses each file with json-glib, as cwb_consortium_file_load()
 * must at the least, and walks nothing. `consortium-workbench check --json`
 * over the same files is compared against it (check-vs-parse.sh).
 */
#define G_LOG_DOMAIN "bench-parse"

#include "config.h"

#include <json-glib/json-glib.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint parsed = 0;
  int status = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_mapped_file (parser, argv[i], &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          status = 66;
          continue;
        }
      if (json_parser_get_root (parser) != NULL)
        parsed++;
    }

  g_print ("%u\n", parsed);

  return status;
}
