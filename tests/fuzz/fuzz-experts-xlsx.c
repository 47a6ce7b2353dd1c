/* fuzz-experts-xlsx.c — the experts plugin's XLSX reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_expert_registry_read_file() on a .xlsx file of any bytes must return the rows
 * or an error, never crash (fuzz-experts-io.h).
 *
 * An input that starts with "PK" is the workbook itself: the zip layer.
 * Any other input is the XML inside: the first worksheet, then (after a NUL
 * byte, if there is one) the shared strings, zipped here. A mutated zip
 * almost never gets past libzip's CRC check, so without this the fuzzer
 * would hardly reach the worksheet's XML.
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <zip.h>

static void
fuzz_write_workbook (const char    *path,
                     const uint8_t *data,
                     size_t         size)
{
  g_autoptr(GError) error = NULL;
  const uint8_t *nul;
  size_t sheet_size;
  zip_t *archive;
  int zip_error = 0;

  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    {
      if (!g_file_set_contents (path, (const char *) data, (gssize) size, &error))
        g_error ("cannot write %s: %s", path, error->message);
      return;
    }

  nul = memchr (data, '\0', size);
  sheet_size = nul != NULL ? (size_t) (nul - data) : size;

  archive = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  if (archive == NULL)
    g_error ("cannot write %s: libzip error %d", path, zip_error);
  if (zip_file_add (archive, "xl/worksheets/sheet1.xml",
                    zip_source_buffer (archive, data, sheet_size, 0), 0) < 0 ||
      (nul != NULL &&
       zip_file_add (archive, "xl/sharedStrings.xml",
                     zip_source_buffer (archive, nul + 1, size - sheet_size - 1, 0), 0) < 0))
    g_error ("cannot add to %s: %s", path, zip_strerror (archive));
  for (zip_int64_t i = 0; i < zip_get_num_entries (archive, 0); i++)
    zip_set_file_compression (archive, (zip_uint64_t) i, ZIP_CM_STORE, 0);
  if (zip_close (archive) < 0)
    g_error ("cannot write %s: %s", path, zip_strerror (archive));
}

#define FUZZ_EXPERTS_FILE "experts.xlsx"
#define FUZZ_EXPERTS_WRITE fuzz_write_workbook
#include "fuzz-experts-io.h"
