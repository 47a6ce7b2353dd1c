/* fuzz-consortium-file.c — the consortium file loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_consortium_file_load_data() on any bytes must return a consortium or
 * an error, never crash. A consortium that loads must survive a round trip:
 * saved, loaded again, it is equal, and saving that gives the same bytes.
 */
#include "config.h"

#include <string.h>

#include "cwb-consortium-file.h"
#include "cwb-consortium-file-private.h"
#include "cwb-error.h"
#include "fuzz-common.h"
#include "json-tree-compare.h"

FUZZ_INITIALIZE ((void) 0)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length = 0;
  gsize saved_again_length = 0;

  if (size > G_MAXSSIZE)
    return 0;

  /* what the loader's own parser takes, json-glib parses into the same tree */
  {
    g_autoptr(JsonNode) own = _cwb_consortium_text_parse ((const char *) data, size, 64);

    if (own != NULL)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GError) json_error = NULL;
        g_autofree char *difference = NULL;

        if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, &json_error))
          g_error ("parsed, but json-glib refuses it: %s", json_error->message);
        difference = json_tree_difference (own, json_parser_get_root (parser), NULL, NULL, "");
        if (difference != NULL)
          g_error ("parsed differently from json-glib: %s", difference);
      }
  }

  consortium = cwb_consortium_file_load_data ((const char *) data, (gssize) size, &error);
  if (consortium == NULL)
    {
      /* a refused file is refused with a message */
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }
  g_assert_no_error (error);

  saved = cwb_consortium_to_data (consortium, &saved_length);
  g_assert_nonnull (saved);
  g_assert_cmpuint (strlen (saved), ==, saved_length);

  again = cwb_consortium_file_load_data (saved, (gssize) saved_length, &error);
  if (again == NULL)
    g_error ("a saved consortium does not load again: %s\n%s", error->message, saved);
  if (!cwb_consortium_equal (consortium, again))
    g_error ("a saved consortium loads as a different one:\n%s", saved);

  saved_again = cwb_consortium_to_data (again, &saved_again_length);
  if (saved_length != saved_again_length || memcmp (saved, saved_again, saved_length) != 0)
    g_error ("saving twice gives different bytes:\n%s\n----\n%s", saved, saved_again);

  return 0;
}
