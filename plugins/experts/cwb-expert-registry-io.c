/* cwb-expert-registry-io.c — importing experts from CSV and XLSX, exporting them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-registry-io"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <csv.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"

/* The columns, in export order: the Chinese header, the English one. */
enum {
  COL_NAME,
  COL_TITLE,
  COL_LEVEL,
  COL_HONOURS,
  COL_FIELDS,
  COL_USCC,
  COL_AFFILIATION,
  COL_PHONE,
  COL_EMAIL,
  COL_RESUME,
  COL_NOTE,
  N_COLUMNS
};

static const char * const headers_zh[N_COLUMNS] = {
  "姓名", "职称", "职称级别", "荣誉称号", "研究领域", "统一社会信用代码",
  "工作单位", "电话", "电子邮箱", "简历", "备注",
};

static const char * const headers_en[N_COLUMNS] = {
  "name", "title", "level", "honours", "fields", "affiliation_uscc",
  "affiliation_name", "phone", "email", "resume", "note",
};

/* ------------------------------------------------------------------ */
/* CwbExpertImportRow                                                  */

struct _CwbExpertImportRow
{
  GObject    parent_instance;

  guint      line;
  CwbExpert *expert;
  char     **problems;
  gint64     duplicate_of;
  gboolean   accepted;
};

enum {
  PROP_0,
  PROP_LINE,
  PROP_EXPERT,
  PROP_PROBLEMS,
  PROP_DUPLICATE_OF,
  PROP_ACCEPTED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbExpertImportRow, cwb_expert_import_row, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
cwb_expert_import_row_finalize (GObject *object)
{
  CwbExpertImportRow *self = (CwbExpertImportRow *) object;

  g_clear_object (&self->expert);
  g_strfreev (self->problems);

  G_OBJECT_CLASS (cwb_expert_import_row_parent_class)->finalize (object);
}

static void
cwb_expert_import_row_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwbExpertImportRow *self = CWB_EXPERT_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_EXPERT:
      g_value_set_object (value, self->expert);
      break;
    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;
    case PROP_DUPLICATE_OF:
      g_value_set_int64 (value, self->duplicate_of);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_import_row_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwbExpertImportRow *self = CWB_EXPERT_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      cwb_expert_import_row_set_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_import_row_class_init (CwbExpertImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cwb_expert_import_row_finalize;
  object_class->get_property = cwb_expert_import_row_get_property;
  object_class->set_property = cwb_expert_import_row_set_property;

  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_EXPERT] = g_param_spec_object ("expert", NULL, NULL, CWB_TYPE_EXPERT, ro);
  properties[PROP_PROBLEMS] = g_param_spec_boxed ("problems", NULL, NULL, G_TYPE_STRV, ro);
  properties[PROP_DUPLICATE_OF] = g_param_spec_int64 ("duplicate-of", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ACCEPTED] = g_param_spec_boolean ("accepted", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_expert_import_row_init (CwbExpertImportRow *self)
{
  self->problems = g_new0 (char *, 1);
}

guint
cwb_expert_import_row_get_line (CwbExpertImportRow *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self), 0);

  return self->line;
}

CwbExpert *
cwb_expert_import_row_get_expert (CwbExpertImportRow *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self), NULL);

  return self->expert;
}

const char * const *
cwb_expert_import_row_get_problems (CwbExpertImportRow *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self), NULL);

  return (const char * const *) self->problems;
}

gint64
cwb_expert_import_row_get_duplicate_of (CwbExpertImportRow *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self), 0);

  return self->duplicate_of;
}

gboolean
cwb_expert_import_row_get_accepted (CwbExpertImportRow *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self), FALSE);

  return self->accepted;
}

void
cwb_expert_import_row_set_accepted (CwbExpertImportRow *self,
                                    gboolean            accepted)
{
  g_return_if_fail (CWB_IS_EXPERT_IMPORT_ROW (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;

  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
}

static void
row_add_problem (CwbExpertImportRow *self,
                 const char         *problem)
{
  guint n = g_strv_length (self->problems);

  self->problems = g_renew (char *, self->problems, n + 2);
  self->problems[n] = g_strdup (problem);
  self->problems[n + 1] = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

/* ------------------------------------------------------------------ */
/* formats                                                             */

gboolean
cwb_expert_file_format_from_path (const char          *path,
                                  CwbExpertFileFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  g_return_val_if_fail (format != NULL, FALSE);

  if (g_str_has_suffix (lower, ".csv"))
    *format = CWB_EXPERT_FILE_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = CWB_EXPERT_FILE_XLSX;
  else
    return FALSE;

  return TRUE;
}

static gboolean
format_for_path (const char           *path,
                 CwbExpertFileFormat *format,
                 GError              **error)
{
  if (cwb_expert_file_format_from_path (path, format))
    return TRUE;

  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("“%s” is neither a CSV (.csv) nor an Excel (.xlsx) file."), path);
  return FALSE;
}

/* a table: GPtrArray of rows, each a GPtrArray of strings */
typedef GPtrArray Table;

static GPtrArray *
new_cells (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* ---- CSV, through libcsv ---- */

typedef struct {
  Table     *table;
  GPtrArray *row;
} CsvState;

static void
csv_field_cb (void   *data,
              size_t  length,
              void   *user_data)
{
  CsvState *state = user_data;

  if (state->row == NULL)
    state->row = new_cells ();
  g_ptr_array_add (state->row, g_strndup (data != NULL ? data : "", length));
}

static void
csv_row_cb (int   c,
            void *user_data)
{
  CsvState *state = user_data;

  g_ptr_array_add (state->table, state->row != NULL ? state->row : new_cells ());
  state->row = NULL;
}

static Table *
read_csv (const char    *path,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  CsvState state = { table, NULL };
  struct csv_parser parser;
  const char *data;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  data = contents;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not UTF-8 text; save the CSV file as UTF-8."), path);
      return NULL;
    }

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("The CSV parser could not start."));
      return NULL;
    }

  if (csv_parse (&parser, data, length, csv_field_cb, csv_row_cb, &state) != length ||
      csv_fini (&parser, csv_field_cb, csv_row_cb, &state) != 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid CSV file: %s"), path, csv_strerror (csv_error (&parser)));
      csv_free (&parser);
      g_clear_pointer (&state.row, g_ptr_array_unref);
      return NULL;
    }
  csv_free (&parser);
  g_clear_pointer (&state.row, g_ptr_array_unref);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&table);
}

/* ---- XLSX, through libzip and libxml2 ---- */

/* The most one part of a workbook may hold once inflated. A registry of
 * thousands of experts is a few MiB; the size a zip entry declares is not
 * trusted (a few bytes can claim gigabytes), the part is read in chunks. */
#define XLSX_PART_MAX_MIB 64

typedef enum {
  PART_READ,
  PART_MISSING,
  PART_DAMAGED,
  PART_TOO_LARGE,
} PartResult;

static PartResult
zip_read (zip_t       *archive,
          const char  *name,
          GBytes     **bytes)
{
  g_autoptr(GByteArray) buffer = NULL;
  zip_file_t *file;
  zip_int64_t n;
  guint8 chunk[16384];

  if (zip_name_locate (archive, name, 0) < 0)
    return PART_MISSING;

  file = zip_fopen (archive, name, 0);
  if (file == NULL)
    return PART_DAMAGED;

  buffer = g_byte_array_new ();
  while ((n = zip_fread (file, chunk, sizeof chunk)) > 0)
    {
      if ((guint64) buffer->len + (guint64) n > (guint64) XLSX_PART_MAX_MIB * 1024 * 1024)
        {
          zip_fclose (file);
          return PART_TOO_LARGE;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  zip_fclose (file);
  if (n < 0)
    return PART_DAMAGED;

  *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return PART_READ;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* the text of every <t> below @node */
static void
collect_text (xmlNode *node,
              GString *text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "t"))
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_string_append (text, (const char *) content);
          xmlFree (content);
        }
      else if (child->type == XML_ELEMENT_NODE && !is_element (child, "rPh"))
        collect_text (child, text);
    }
}

static xmlDoc *
parse_xml (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return xmlReadMemory (data, size, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The limits of a worksheet: Excel's own (1048576 rows, columns A to XFD),
 * and the most cells a sheet read for import may have, counting the empty
 * ones before a cell: a registry of thousands of experts has well under a
 * million. A row or column number comes from the file and is not trusted:
 * one cell at XFD1048576 would otherwise fill billions. */
#define XLSX_MAX_ROWS 1048576
#define XLSX_MAX_COLUMNS 16384
#define XLSX_MAX_CELLS 4000000

/* "AB12" → column 27 (from 0); -1 without letters; FALSE past XFD */
static gboolean
column_of_reference (const char *ref,
                     int        *column)
{
  int n = 0;

  for (const char *p = ref; *p >= 'A' && *p <= 'Z'; p++)
    {
      n = n * 26 + (*p - 'A' + 1);
      if (n > XLSX_MAX_COLUMNS)
        return FALSE;
    }

  *column = n - 1;
  return TRUE;
}

static Table *
read_xlsx (const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GBytes) shared = NULL;
  g_autoptr(GBytes) sheet = NULL;
  PartResult shared_result;
  PartResult sheet_result;
  gboolean damaged = FALSE;
  gboolean too_many = FALSE;
  guint64 n_cells = 0;
  xmlDoc *doc;
  xmlNode *root;
  zip_t *archive;
  int zip_error = 0;

  archive = zip_open (path, ZIP_RDONLY, &zip_error);
  if (archive == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” cannot be opened as an Excel (.xlsx) workbook."), path);
      return NULL;
    }

  shared_result = zip_read (archive, "xl/sharedStrings.xml", &shared);
  sheet_result = zip_read (archive, "xl/worksheets/sheet1.xml", &sheet);
  zip_close (archive);

  if (sheet_result == PART_TOO_LARGE || shared_result == PART_TOO_LARGE)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is too large: a part of the workbook holds more than %u MiB."),
                   path, (guint) XLSX_PART_MAX_MIB);
      return NULL;
    }

  if (sheet_result == PART_MISSING)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” has no first worksheet (xl/worksheets/sheet1.xml)."), path);
      return NULL;
    }

  if (sheet_result == PART_DAMAGED)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("The first worksheet of “%s” is damaged."), path);
      return NULL;
    }

  if (shared_result == PART_DAMAGED)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The shared strings of “%s” are damaged."), path);
      return NULL;
    }

  if (shared != NULL)
    {
      doc = parse_xml (shared);
      if (doc == NULL)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("The shared strings of “%s” are damaged."), path);
          return NULL;
        }
      root = xmlDocGetRootElement (doc);
      for (xmlNode *si = root != NULL ? root->children : NULL; si != NULL; si = si->next)
        if (is_element (si, "si"))
          {
            GString *text = g_string_new (NULL);

            collect_text (si, text);
            g_ptr_array_add (strings, g_string_free (text, FALSE));
          }
      xmlFreeDoc (doc);
    }

  doc = parse_xml (sheet);
  if (doc == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("The first worksheet of “%s” is damaged."), path);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  for (xmlNode *data = root != NULL ? root->children : NULL; data != NULL && !damaged; data = data->next)
    {
      if (!is_element (data, "sheetData"))
        continue;

      for (xmlNode *row = data->children; row != NULL && !damaged; row = row->next)
        {
          GPtrArray *cells;
          xmlChar *r;
          guint64 number;

          if (!is_element (row, "row"))
            continue;

          /* rows may skip numbers: keep the file's numbering (the rows
           * skipped share one empty row) */
          r = xmlGetProp (row, (const xmlChar *) "r");
          number = r != NULL ? g_ascii_strtoull ((const char *) r, NULL, 10) : table->len + 1;
          xmlFree (r);
          if (number > XLSX_MAX_ROWS)
            {
              damaged = TRUE;
              break;
            }
          if (table->len + 1 < number)
            {
              g_autoptr(GPtrArray) empty = new_cells ();

              while (table->len + 1 < number)
                g_ptr_array_add (table, g_ptr_array_ref (empty));
            }

          cells = new_cells ();
          g_ptr_array_add (table, cells);
          for (xmlNode *c = row->children; c != NULL; c = c->next)
            {
              xmlChar *ref;
              xmlChar *type;
              g_autoptr(GString) text = g_string_new (NULL);
              int column = (int) cells->len;

              if (!is_element (c, "c"))
                continue;

              ref = xmlGetProp (c, (const xmlChar *) "r");
              if (ref != NULL && !column_of_reference ((const char *) ref, &column))
                {
                  xmlFree (ref);
                  damaged = TRUE;
                  break;
                }
              if (column >= 0 && (guint) column >= cells->len && n_cells + (column - cells->len) >= XLSX_MAX_CELLS)
                {
                  xmlFree (ref);
                  too_many = damaged = TRUE;
                  break;
                }
              type = xmlGetProp (c, (const xmlChar *) "t");

              if (type != NULL && strcmp ((const char *) type, "inlineStr") == 0)
                {
                  for (xmlNode *is = c->children; is != NULL; is = is->next)
                    if (is_element (is, "is"))
                      collect_text (is, text);
                }
              else
                {
                  for (xmlNode *v = c->children; v != NULL; v = v->next)
                    if (is_element (v, "v"))
                      {
                        xmlChar *content = xmlNodeGetContent (v);

                        if (type != NULL && strcmp ((const char *) type, "s") == 0)
                          {
                            guint64 index = g_ascii_strtoull ((const char *) content, NULL, 10);

                            if (index < strings->len)
                              g_string_append (text, g_ptr_array_index (strings, index));
                          }
                        else
                          g_string_append (text, (const char *) content);
                        xmlFree (content);
                      }
                }

              while ((int) cells->len < column)
                {
                  g_ptr_array_add (cells, g_strdup (""));
                  n_cells++;
                }
              if ((int) cells->len == column)
                {
                  g_ptr_array_add (cells, g_strdup (text->str));
                  n_cells++;
                }

              xmlFree (ref);
              xmlFree (type);
            }
        }
    }
  xmlFreeDoc (doc);

  if (too_many)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is too large: its first worksheet holds more than %u cells."),
                   path, (guint) XLSX_MAX_CELLS);
      return NULL;
    }

  if (damaged)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("The first worksheet of “%s” is damaged."), path);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&table);
}

/* ------------------------------------------------------------------ */
/* import                                                              */

static const char *
cell (GPtrArray *cells,
      int        index)
{
  if (index < 0 || (guint) index >= cells->len)
    return "";

  return g_ptr_array_index (cells, index);
}

/* the key of the duplicate check inside a file */
static char *
duplicate_key (CwbExpert *expert)
{
  const char *uscc = cwb_expert_get_affiliation_uscc (expert);

  return g_strdup_printf ("%s\n%s", cwb_expert_get_name (expert),
                          *uscc != '\0' ? uscc : cwb_expert_get_affiliation_name (expert));
}

GListModel *
cwb_expert_registry_read_file (const char             *path,
                               CwbExpertRegistryProgressFunc progress,
                               gpointer                user_data,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;
  CwbExpertFileFormat format;
  int columns[N_COLUMNS];
  GPtrArray *header;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!format_for_path (path, &format, error))
    return NULL;

  table = format == CWB_EXPERT_FILE_CSV ? read_csv (path, cancellable, error)
                                         : read_xlsx (path, cancellable, error);
  if (table == NULL)
    return NULL;

  if (table->len == 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("“%s” is empty."), path);
      return NULL;
    }

  header = g_ptr_array_index (table, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      columns[c] = -1;
      for (guint i = 0; i < header->len; i++)
        {
          g_autofree char *title = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

          if (strcmp (title, headers_zh[c]) == 0 || g_ascii_strcasecmp (title, headers_en[c]) == 0)
            {
              columns[c] = i;
              break;
            }
        }
    }

  if (columns[COL_NAME] < 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The first row of “%s” has no column “姓名” (name); it must hold the column headers."),
                   path);
      return NULL;
    }

  rows = g_list_store_new (CWB_TYPE_EXPERT_IMPORT_ROW);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint r = 1; r < table->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (table, r);
      g_autoptr(CwbExpertImportRow) row = NULL;
      g_autoptr(CwbExpert) expert = NULL;
      g_auto(GStrv) honours = NULL;
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) problems = NULL;
      g_autofree char *key = NULL;
      gboolean blank = TRUE;
      CwbExpertLevel level;
      gpointer earlier;

      for (guint i = 0; i < cells->len; i++)
        if (*g_strstrip ((char *) g_ptr_array_index (cells, i)) != '\0')
          blank = FALSE;
      if (blank)
        continue;

      if (r % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress (r, table->len - 1, user_data);
        }

      expert = cwb_expert_new ();
      cwb_expert_set_name (expert, cell (cells, columns[COL_NAME]));
      cwb_expert_set_title (expert, cell (cells, columns[COL_TITLE]));
      honours = cwb_expert_split_list (cell (cells, columns[COL_HONOURS]));
      cwb_expert_set_honours (expert, (const char * const *) honours);
      fields = cwb_expert_split_list (cell (cells, columns[COL_FIELDS]));
      cwb_expert_set_fields (expert, (const char * const *) fields);
      cwb_expert_set_affiliation_uscc (expert, cell (cells, columns[COL_USCC]));
      cwb_expert_set_affiliation_name (expert, cell (cells, columns[COL_AFFILIATION]));
      cwb_expert_set_phone (expert, cell (cells, columns[COL_PHONE]));
      cwb_expert_set_email (expert, cell (cells, columns[COL_EMAIL]));
      cwb_expert_set_resume (expert, cell (cells, columns[COL_RESUME]));
      cwb_expert_set_note (expert, cell (cells, columns[COL_NOTE]));

      row = g_object_new (CWB_TYPE_EXPERT_IMPORT_ROW, NULL);
      row->line = r + 1;
      row->expert = g_object_ref (expert);

      if (cwb_expert_level_from_label (cell (cells, columns[COL_LEVEL]), &level))
        cwb_expert_set_level (expert, level);
      else
        {
          g_autofree char *problem =
            g_strdup_printf (_("The title level “%s” is not one of 正高级, 副高级, 中级, 其他."),
                             cell (cells, columns[COL_LEVEL]));

          row_add_problem (row, problem);
        }

      problems = cwb_expert_list_problems (expert);
      for (guint i = 0; problems[i] != NULL; i++)
        row_add_problem (row, problems[i]);

      key = duplicate_key (expert);
      if (g_hash_table_lookup_extended (seen, key, NULL, &earlier))
        {
          g_autofree char *problem =
            g_strdup_printf (_("The same expert as row %u of the file."), GPOINTER_TO_UINT (earlier));

          row_add_problem (row, problem);
        }
      else if (*cwb_expert_get_name (expert) != '\0')
        g_hash_table_insert (seen, g_steal_pointer (&key), GUINT_TO_POINTER (row->line));

      row->accepted = row->problems[0] == NULL;
      g_list_store_append (rows, row);
    }

  if (progress != NULL)
    progress (table->len - 1, table->len - 1, user_data);

  return G_LIST_MODEL (g_steal_pointer (&rows));
}

void
cwb_expert_registry_check_rows (CwbExpertRegistry *self,
                                GListModel        *rows)
{
  guint n;

  g_return_if_fail (CWB_IS_EXPERT_REGISTRY (self));
  g_return_if_fail (G_IS_LIST_MODEL (rows));

  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, i);
      g_autoptr(CwbExpert) existing = NULL;
      gint64 duplicate;

      if (*cwb_expert_get_name (row->expert) == '\0' || row->duplicate_of != 0)
        continue;

      duplicate = cwb_expert_registry_find_duplicate (self, row->expert);
      if (duplicate == 0)
        continue;

      existing = cwb_expert_registry_get (self, duplicate, NULL);
      row->duplicate_of = duplicate;
      g_object_notify_by_pspec (G_OBJECT (row), properties[PROP_DUPLICATE_OF]);
      {
        g_autofree char *problem =
          g_strdup_printf (_("The registry already has %s of %s."),
                           existing != NULL ? cwb_expert_get_name (existing) : cwb_expert_get_name (row->expert),
                           existing != NULL ? cwb_expert_get_affiliation_name (existing) : "");

        row_add_problem (row, problem);
      }
      cwb_expert_import_row_set_accepted (row, FALSE);
    }
}

GListModel *
cwb_expert_registry_preview_import (CwbExpertRegistry      *self,
                                    const char             *path,
                                    CwbExpertRegistryProgressFunc progress,
                                    gpointer                user_data,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  GListModel *rows;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);

  rows = cwb_expert_registry_read_file (path, progress, user_data, cancellable, error);
  if (rows != NULL)
    cwb_expert_registry_check_rows (self, rows);

  return rows;
}

typedef struct {
  CwbExpertRegistry             *self;
  GListModel                    *rows;
  CwbExpertRegistryProgressFunc  progress;
  gpointer                       user_data;
  GCancellable                  *cancellable;
  guint                          n_added;
} ApplyArgs;

static gboolean
apply_in_transaction (CwbStore  *store,
                      gpointer   user_data,
                      GError   **error)
{
  ApplyArgs *args = user_data;
  guint n = g_list_model_get_n_items (args->rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (args->rows, i);
      g_autoptr(CwbExpert) expert = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (args->cancellable, error))
        return FALSE;

      if (args->progress != NULL && (i % 100 == 0 || i + 1 == n))
        args->progress (i + 1, n, args->user_data);

      if (!row->accepted)
        continue;

      expert = cwb_expert_copy (row->expert);
      cwb_expert_set_id (expert, 0);
      if (!cwb_expert_validate (expert, &local_error))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("Row %u: %s"), row->line, local_error->message);
          return FALSE;
        }
      if (cwb_expert_registry_find_duplicate (args->self, expert) != 0)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
                       _("Row %u: the registry already has %s of %s."), row->line,
                       cwb_expert_get_name (expert), cwb_expert_get_affiliation_name (expert));
          return FALSE;
        }
      if (!_cwb_expert_registry_insert (args->self, expert, error))
        return FALSE;
      args->n_added++;
    }

  return TRUE;
}

gboolean
cwb_expert_registry_apply_import (CwbExpertRegistry      *self,
                                  GListModel             *rows,
                                  CwbExpertRegistryProgressFunc progress,
                                  gpointer                user_data,
                                  GCancellable           *cancellable,
                                  guint                  *n_added,
                                  GError                **error)
{
  ApplyArgs args = { self, rows, progress, user_data, cancellable, 0 };

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (rows), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  if (!cwb_store_run_in_transaction (cwb_expert_registry_get_store (self), apply_in_transaction, &args, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = args.n_added;
  if (args.n_added > 0)
    _cwb_expert_registry_emit_changed (self);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* export                                                              */

static char *
expert_cell (CwbExpert *expert,
             guint      column)
{
  switch (column)
    {
    case COL_NAME: return g_strdup (cwb_expert_get_name (expert));
    case COL_TITLE: return g_strdup (cwb_expert_get_title (expert));
    case COL_LEVEL: return g_strdup (cwb_expert_level_to_label (cwb_expert_get_level (expert)));
    case COL_HONOURS: return cwb_expert_dup_honours_text (expert);
    case COL_FIELDS: return cwb_expert_dup_fields_text (expert);
    case COL_USCC: return g_strdup (cwb_expert_get_affiliation_uscc (expert));
    case COL_AFFILIATION: return g_strdup (cwb_expert_get_affiliation_name (expert));
    case COL_PHONE: return g_strdup (cwb_expert_get_phone (expert));
    case COL_EMAIL: return g_strdup (cwb_expert_get_email (expert));
    case COL_RESUME: return g_strdup (cwb_expert_get_resume (expert));
    case COL_NOTE: return g_strdup (cwb_expert_get_note (expert));
    default: g_assert_not_reached ();
    }
}

gboolean
cwb_expert_registry_export (CwbExpertRegistry      *self,
                            const char             *path,
                            CwbExpertRegistryProgressFunc progress,
                            gpointer                user_data,
                            GError                **error)
{
  g_autoptr(GPtrArray) experts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CwbAtomicFile) file = NULL;
  CwbExpertFileFormat format;
  CwbStatement *stmt;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!format_for_path (path, &format, error))
    return FALSE;

  stmt = _cwb_expert_registry_prepare (self, "SELECT " CWB_EXPERT_COLUMNS " FROM experts_expert e ORDER BY e.id", error);
  if (stmt == NULL)
    return FALSE;
  while (cwb_statement_step (stmt, &local_error))
    g_ptr_array_add (experts, _cwb_expert_registry_read_row (stmt, 0));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* written beside @path and renamed over it only once complete */
  if ((file = cwb_atomic_file_begin (path, error)) == NULL)
    return FALSE;

  if (format == CWB_EXPERT_FILE_CSV)
    {
      FILE *out = g_fopen (cwb_atomic_file_get_temp_path (file), "wb");
      int saved_errno = 0;

      if (out == NULL)
        return cwb_atomic_file_fail (file, g_strerror (errno), error);

      /* a BOM, so spreadsheet programs read UTF-8 */
      fputs ("\xef\xbb\xbf", out);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (c > 0)
            fputc (',', out);
          csv_fwrite (out, headers_zh[c], strlen (headers_zh[c]));
        }
      fputs ("\r\n", out);

      for (guint i = 0; i < experts->len; i++)
        {
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              g_autofree char *text = expert_cell (g_ptr_array_index (experts, i), c);

              if (c > 0)
                fputc (',', out);
              csv_fwrite (out, text, strlen (text));
            }
          fputs ("\r\n", out);
          if (progress != NULL && (i % 1000 == 0 || i + 1 == experts->len))
            progress (i + 1, experts->len, user_data);
        }

      /* a write that failed before left the error indicator set */
      if (fflush (out) != 0)
        saved_errno = errno;
      else if (ferror (out))
        saved_errno = EIO;
      if (fclose (out) != 0 && saved_errno == 0)
        saved_errno = errno;
      if (saved_errno != 0)
        return cwb_atomic_file_fail (file, g_strerror (saved_errno), error);
    }
  else
    {
      lxw_workbook *workbook = workbook_new (cwb_atomic_file_get_temp_path (file));
      lxw_worksheet *sheet;
      lxw_error status;

      if (workbook == NULL)
        return cwb_atomic_file_fail (file, NULL, error);

      sheet = workbook_add_worksheet (workbook, NULL);
      for (guint c = 0; c < N_COLUMNS; c++)
        worksheet_write_string (sheet, 0, c, headers_zh[c], NULL);
      for (guint i = 0; i < experts->len; i++)
        {
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              g_autofree char *text = expert_cell (g_ptr_array_index (experts, i), c);

              if (*text != '\0')
                worksheet_write_string (sheet, i + 1, c, text, NULL);
            }
          if (progress != NULL && (i % 1000 == 0 || i + 1 == experts->len))
            progress (i + 1, experts->len, user_data);
        }

      /* the workbook is only written out here */
      if ((status = workbook_close (workbook)) != LXW_NO_ERROR)
        return cwb_atomic_file_fail (file, lxw_strerror (status), error);
    }

  return cwb_atomic_file_commit (file, error);
}
