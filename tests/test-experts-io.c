/* test-experts-io.c — the expert registry's import and export (CSV, XLSX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <zip.h>

#include <cwb.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"
#include "test-experts-fixture.h"

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A workbook of one stored part, xl/worksheets/sheet1.xml, holding
 * @rows inside <sheetData>. */
static void
write_sheet (const char *path,
             const char *rows)
{
  g_autofree char *xml = g_strdup_printf ("<worksheet><sheetData>%s</sheetData></worksheet>", rows);
  int zip_error = 0;
  zip_t *archive = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  zip_source_t *source;

  g_assert_nonnull (archive);
  source = zip_source_buffer (archive, xml, strlen (xml), 0);
  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (archive, "xl/worksheets/sheet1.xml", source, 0), ==, 0);
  g_assert_cmpint (zip_close (archive), ==, 0);
}

/* the CRC-32 of zip files */
static guint32
crc32_of (const char *data,
          gsize       length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= (guint8) data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return ~crc;
}

static void
append_le (GByteArray *out,
           guint64     value,
           guint       size)
{
  for (guint i = 0; i < size; i++)
    {
      guint8 byte = (value >> (8 * i)) & 0xff;

      g_byte_array_append (out, &byte, 1);
    }
}

/* the CRC, both sizes left to the zip64 field, the lengths of the name
 * and of that field */
static void
append_sizes (GByteArray *out,
              guint32     crc,
              gsize       name_len)
{
  append_le (out, crc, 4);
  append_le (out, 0xffffffff, 4);
  append_le (out, 0xffffffff, 4);
  append_le (out, name_len, 2);
  append_le (out, 20, 2);
}

static void
append_name_and_extra (GByteArray *out,
                       const char *name,
                       guint64     claimed,
                       gsize       data_len)
{
  g_byte_array_append (out, (const guint8 *) name, strlen (name));
  append_le (out, 1, 2);                  /* zip64: sizes */
  append_le (out, 16, 2);
  append_le (out, claimed, 8);
  append_le (out, data_len, 8);
}

/* A zip of one stored entry, @name holding @data, whose zip64 sizes claim
 * @claimed bytes once inflated. */
static void
write_claiming_zip (const char *path,
                    const char *name,
                    const char *data,
                    guint64     claimed)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize name_len = strlen (name), data_len = strlen (data);
  guint32 crc = crc32_of (data, data_len);
  guint central, central_size;

  /* local header, zip64 extra field: sizes, then the data */
  append_le (out, 0x04034b50, 4);
  append_le (out, 45, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);                  /* stored */
  append_le (out, 0, 2);
  append_le (out, 0x21, 2);
  append_sizes (out, crc, name_len);
  append_name_and_extra (out, name, claimed, data_len);
  g_byte_array_append (out, (const guint8 *) data, data_len);

  /* central directory */
  central = out->len;
  append_le (out, 0x02014b50, 4);
  append_le (out, 45, 2);
  append_le (out, 45, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0x21, 2);
  append_sizes (out, crc, name_len);
  append_le (out, 0, 2);                  /* comment, disk, attributes */
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 4);
  append_le (out, 0, 4);                  /* the local header's offset */
  append_name_and_extra (out, name, claimed, data_len);

  /* end of central directory */
  central_size = out->len - central;
  append_le (out, 0x06054b50, 4);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 1, 2);
  append_le (out, 1, 2);
  append_le (out, central_size, 4);
  append_le (out, central, 4);
  append_le (out, 0, 2);

  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

static void
assert_read_fails (const char *path,
                   const char *expected_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected_start))
    g_error ("expected a message starting with “%s”, got “%s”", expected_start, error->message);
}

/* The sizes a zip entry claims are not trusted: a few hundred bytes that
 * claimed a terabyte made the reader allocate it first and abort; the
 * fuzzer found claims of 2 to 4 GiB (tests/fuzz/fuzz-experts-xlsx). */
static void
test_import_xlsx_claimed_size (Fixture       *f,
                               gconstpointer  data)
{
  static const char sheet[] =
    "<worksheet><sheetData>"
    "<row r=\"1\"><c t=\"inlineStr\"><is><t>name</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>王海</t></is></c></row>"
    "</sheetData></worksheet>";
  g_autofree char *path = g_build_filename (f->dir, "claims.xlsx", NULL);

  /* refused as damaged: the data is not what the entry claims */
  write_claiming_zip (path, "xl/worksheets/sheet1.xml", sheet, G_GUINT64_CONSTANT (1) << 40);
  assert_read_fails (path, "The first worksheet of");
  write_claiming_zip (path, "xl/worksheets/sheet1.xml", sheet, G_MAXUINT64);
  assert_read_fails (path, "The first worksheet of");
}

/* Row and column numbers come from the file: r="4294967295" on a row made
 * the reader add four billion empty rows, a column past XFD overflowed an
 * int or added millions of empty cells (found by fuzz-experts-xlsx). */
static void
test_import_xlsx_limits (Fixture       *f,
                         gconstpointer  data)
{
  static const char header[] = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>";
  static const struct {
    const char *row;
    const char *error;   /* NULL: read, the expert is on line @line */
    guint       line;
  } cases[] = {
    { "<row r=\"4294967295\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"18446744073709551617\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"1048576\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", NULL, 1048576 },
    { "<row r=\"2\"><c r=\"ZZZZZZZZZZZZ2\" t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"2\"><c r=\"XFE2\" t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"XFD2\"><v>1</v></c></row>", NULL, 2 },
  };
  g_autofree char *path = g_build_filename (f->dir, "limits.xlsx", NULL);
  g_autoptr(GString) many = g_string_new (header);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows_xml = g_strconcat (header, cases[i].row, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) rows = NULL;
      g_autoptr(CwbExpertImportRow) row = NULL;

      write_sheet (path, rows_xml);
      if (cases[i].error != NULL)
        {
          assert_read_fails (path, cases[i].error);
          continue;
        }
      rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
      row = g_list_model_get_item (rows, 0);
      g_assert_cmpuint (cwb_expert_import_row_get_line (row), ==, cases[i].line);
      g_assert_cmpstr (cwb_expert_get_name (cwb_expert_import_row_get_expert (row)), ==, "A");
    }

  /* 300 rows of 16384 cells each, the last one at XFD */
  for (guint r = 2; r < 302; r++)
    g_string_append_printf (many, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
  write_sheet (path, many->str);
  assert_read_fails (path, "“");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);

    g_assert_nonnull (strstr (error->message, "holds more than 4000000 cells"));
  }
}

static void
cancel_cb (guint    done,
           guint    total,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_import_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *path = g_build_filename (f->dir, "experts.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_added = 0;
  static const guint expected_problems[] = { 0, 1, 1, 1, 1, 1, 1, 0 };

  add (f, "王海洋", "深海科技", "海南大学", "");
  write_file (path,
              "\xef\xbb\xbf姓名,职称,职称级别,研究领域,统一社会信用代码,工作单位,电话,电子邮箱\n"
              "李新,研究员,正高级,数字经济；人工智能,,海南数据研究院,13912345678,li@example.cn\n"
              "张坏码,教授,正高级,深海科技,91460100000000119X,海南大学,,\n"
              "赵邮箱,教授,副高级,深海科技,,海南大学,,zhao@\n"
              ",教授,中级,深海科技,,海南大学,,\n"
              "王海洋,教授,正高级,深海科技,,海南大学,,\n"
              "李新,研究员,正高级,数字经济,,海南数据研究院,,\n"
              "钱电话,教授,正高级,深海科技,,海南大学,12345,\n"
              "\"孙,引号\",研究员,其他,\"现代种业\n水稻\",,三亚南繁研究院,0898-88881234,\n");

  rows = cwb_expert_registry_preview_import (f->experts, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected_problems));
  for (guint i = 0; i < G_N_ELEMENTS (expected_problems); i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpuint (g_strv_length ((char **) cwb_expert_import_row_get_problems (row)), ==,
                        expected_problems[i]);
      g_assert_true (cwb_expert_import_row_get_accepted (row) == (expected_problems[i] == 0));
    }
  {
    g_autoptr(CwbExpertImportRow) dup = g_list_model_get_item (rows, 4);
    g_autoptr(CwbExpertImportRow) last = g_list_model_get_item (rows, 7);

    g_assert_cmpint (cwb_expert_import_row_get_duplicate_of (dup), ==, 1);
    g_assert_cmpuint (cwb_expert_import_row_get_line (last), ==, 9);
    g_assert_cmpstr (cwb_expert_get_name (cwb_expert_import_row_get_expert (last)), ==, "孙,引号");
    g_assert_cmpuint (g_strv_length ((char **) cwb_expert_get_fields (cwb_expert_import_row_get_expert (last))), ==, 2);
  }
  /* the preview wrote nothing */
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a cancel writes nothing */
  g_assert_false (cwb_expert_registry_apply_import (f->experts, rows, cancel_cb, cancellable, cancellable,
                                                    &n_added, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);
  assert_search (f, "数字经济", "");

  /* only accepted rows */
  g_assert_true (cwb_expert_registry_apply_import (f->experts, rows, NULL, NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 3);
  assert_search (f, "人工智能", "李新");
  assert_search (f, "稻", "孙,引号");
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const names[] = { "experts.csv", "experts.xlsx" };

  add_sample (f);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GListModel) rows = NULL;
      g_autoptr(CwbExpert) first = cwb_expert_registry_get (f->experts, 1, NULL);

      cwb_expert_set_email (first, "wang@hainu.edu.cn");
      cwb_expert_set_note (first, "备注,带逗号\"和引号\"");
      g_assert_true (cwb_expert_registry_update (f->experts, first, &error));
      g_assert_no_error (error);

      g_assert_true (cwb_expert_registry_export (f->experts, path, NULL, NULL, &error));
      g_assert_no_error (error);
      rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
      for (guint j = 0; j < 4; j++)
        {
          g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, j);
          g_autoptr(CwbExpert) stored = cwb_expert_registry_get (f->experts, j + 1, NULL);
          g_autoptr(CwbExpert) read = cwb_expert_copy (cwb_expert_import_row_get_expert (row));

          g_assert_cmpint (cwb_expert_get_id (read), ==, 0);
          cwb_expert_set_id (read, j + 1);
          g_assert_true (cwb_expert_equal (read, stored));
        }
      /* all of them are duplicates of the registry now */
      cwb_expert_registry_check_rows (f->experts, rows);
      {
        g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, 0);

        g_assert_false (cwb_expert_import_row_get_accepted (row));
        g_assert_cmpint (cwb_expert_import_row_get_duplicate_of (row), ==, 1);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  EXPERTS_TEST_ADD ("/experts/import/preview-and-apply", test_import_preview);
  EXPERTS_TEST_ADD ("/experts/export/round-trip", test_export_round_trip);
  EXPERTS_TEST_ADD ("/experts/import/xlsx-claimed-size", test_import_xlsx_claimed_size);
  EXPERTS_TEST_ADD ("/experts/import/xlsx-limits", test_import_xlsx_limits);

  return g_test_run ();
}
