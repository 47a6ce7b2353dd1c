/* test-store.c — tests of CwbStore on real SQLite files: opening, migrating,
 * importing, the JSON columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"
#include "test-store-fixture.h"

/* ------------------------------------------------------------------ */
/* helpers                                                             */

/* One text value (static storage, for assertions) from a raw connection. */
static const char *
query_text (const char *path,
            const char *sql)
{
  static char value[256];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_strlcpy (value, (const char *) sqlite3_column_text (stmt, 0), sizeof value);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return buf.st_mode & 0777;
}

/* ------------------------------------------------------------------ */
/* opening and migrating                                               */

static void
test_open_creates_private (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  open_store (fixture);
  g_assert_cmpstr (cwb_store_get_path (fixture->store), ==, fixture->path);

  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);

  /* a write makes sure the WAL and its index exist */
  import (fixture, consortium);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);
  g_assert_cmpuint (file_mode (shm), ==, 0600);

  g_assert_cmpstr (query_text (fixture->path, "PRAGMA journal_mode"), ==, "wal");
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 3);
}

static void
assert_schema (const char *path)
{
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, _cwb_store_get_schema_version ());
  g_assert_cmpint (_cwb_store_get_schema_version (), >=, 1);
  g_assert_cmpint (query_int (path,
                              "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                              "('consortium', 'member', 'exception', 'section', 'plugin_schema')"),
                   ==, 5);
}

static void
test_migrate_empty_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 0);

  open_store (fixture);
  assert_schema (fixture->path);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 0);
  g_assert_cmpstr (query_text (fixture->path, "PRAGMA journal_mode"), ==, "wal");
}

static void
test_migrate_reopen (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test",
                                           (const char *[]) { "CREATE TABLE test_t (x)", NULL },
                                           &error));
  g_assert_no_error (error);
  close_store (fixture);

  /* opening again changes nothing and keeps everything */
  open_store (fixture);
  assert_schema (fixture->path);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, "海南省测试创新联合体"), ==, id);
  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, consortium));
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 1);
  close_store (fixture);

  open_store (fixture);
  assert_schema (fixture->path);
}

static void
test_migrate_newer_refused (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  CwbStore *store;

  /* a real workspace (WAL mode), then "upgraded" by a newer version */
  open_store (fixture);
  import (fixture, consortium);
  close_store (fixture);
  exec_raw (fixture->path, "PRAGMA user_version = 9999");
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 9999);

  before = read_bytes (fixture->path);

  store = cwb_store_open (fixture->path, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, "9999"));
  version = g_strdup_printf ("%d", _cwb_store_get_schema_version ());
  g_assert_nonnull (strstr (error->message, version));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 9999);
}

static void
test_migrate_newer_rollback_journal (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  CwbStore *store;

  /* a file in the default (rollback) journal mode: journal_mode=WAL would
   * rewrite its header */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 9999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = read_bytes (fixture->path);
  store = cwb_store_open (fixture->path, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_assert_null (store);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_not_a_database (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  CwbStore *store;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "这不是数据库 line %u\n", i);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, text->str, text->len, &error);
  g_assert_no_error (error);
  before = read_bytes (fixture->path);

  store = cwb_store_open (fixture->path, &error);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_STORE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_default_path (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;
  g_autofree char *with_env = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("CWB_DATA_DIR"));

  g_setenv ("CWB_DATA_DIR", fixture->dir, TRUE);
  with_env = cwb_store_dup_default_path ();
  expected = g_build_filename (fixture->dir, "workbench.db", NULL);
  g_assert_cmpstr (with_env, ==, expected);

  g_unsetenv ("CWB_DATA_DIR");
  path = cwb_store_dup_default_path ();
  g_clear_pointer (&expected, g_free);
  expected = g_build_filename (g_get_user_data_dir (), "consortium-workbench", "workbench.db", NULL);
  g_assert_cmpstr (path, ==, expected);

  if (saved != NULL)
    g_setenv ("CWB_DATA_DIR", saved, TRUE);
}

/* ------------------------------------------------------------------ */
/* consortia                                                           */

static void
test_import_examples (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(GStrv) names = cwb_test_list_examples ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;
  guint n_imported = 0;

  open_store (fixture);

  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autoptr(GFile) file = cwb_test_example_file (names[k]);
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(CwbConsortium) loaded = NULL;
      g_autoptr(GError) local_error = NULL;
      const GPtrArray *members;

      consortium = cwb_consortium_file_load (file, NULL, &local_error);
      if (consortium == NULL)
        {
          /* broken-uscc is broken on purpose */
          g_assert_error (local_error, CWB_ERROR, CWB_ERROR_INVALID);
          continue;
        }

      import (fixture, consortium);
      members = cwb_consortium_get_members (consortium);
      for (guint i = 0; i < members->len; i++)
        g_assert_cmpint (cwb_member_get_id (g_ptr_array_index (members, i)), >, 0);

      loaded = cwb_store_load_consortium (fixture->store, cwb_consortium_get_id (consortium), &error);
      g_assert_no_error (error);
      g_assert_cmpint (cwb_consortium_get_id (loaded), ==, cwb_consortium_get_id (consortium));
      g_assert_cmpuint (cwb_consortium_get_members (loaded)->len, ==, members->len);
      g_assert_true (cwb_consortium_equal (loaded, consortium));

      /* and the same once more after closing and opening */
      close_store (fixture);
      open_store (fixture);
      g_clear_object (&loaded);
      loaded = cwb_store_load_consortium (fixture->store, cwb_consortium_get_id (consortium), &error);
      g_assert_no_error (error);
      g_assert_true (cwb_consortium_equal (loaded, consortium));

      n_imported++;
    }

  g_assert_cmpuint (n_imported, >=, 3);

  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, n_imported);
  for (guint i = 1; i < n_imported; i++)
    {
      g_autoptr(CwbConsortium) a = g_list_model_get_item (consortia, i - 1);
      g_autoptr(CwbConsortium) b = g_list_model_get_item (consortia, i);

      g_assert_cmpint (strcmp (cwb_consortium_get_name (a), cwb_consortium_get_name (b)), <, 0);
      g_assert_cmpuint (cwb_consortium_get_members (a)->len, ==, 0);
    }
}

static void
test_import_sections_exceptions (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(JsonNode) section = json_from_string ("{\"name\": \"张三\", \"title\": \"研究员\"}", NULL);
  g_autoptr(JsonNode) got = NULL;
  g_autoptr(GError) error = NULL;
  CwbMember *lead;
  gint64 id;

  lead = cwb_consortium_get_lead (consortium);
  cwb_member_set_revenue (lead, 620000000);
  cwb_member_set_established (lead, "2008-05-12");
  cwb_member_set_has_platforms (lead, TRUE);
  g_ptr_array_add (cwb_member_get_platforms (lead),
                   cwb_platform_new ("海南省工程技术研究中心", CWB_PLATFORM_LEVEL_PROVINCIAL,
                                     CWB_PLATFORM_KIND_ENGINEERING_CENTER));
  cwb_member_set_has_fiscal_years (lead, TRUE);
  g_ptr_array_add (cwb_member_get_fiscal_years (lead), cwb_fiscal_year_new (2024, 9000000, CWB_UNKNOWN));
  cwb_consortium_add_standard (consortium, cwb_standard_new (CWB_STANDARD_KIND_PRODUCT, "热带种子标准"));
  cwb_consortium_add_exception (consortium, cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "特殊情况"));
  cwb_consortium_set_section (consortium, "chief_expert", section);
  cwb_consortium_set_has_organization (consortium, TRUE);
  cwb_consortium_set_executive_body (consortium, "联合体办公室");
  cwb_consortium_set_executive_fulltime_staff (consortium, 3);

  open_store (fixture);
  id = import (fixture, consortium);

  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, consortium));
  g_assert_cmpint (cwb_member_get_revenue (cwb_consortium_get_lead (loaded)), ==, 620000000);
  g_assert_cmpuint (cwb_consortium_get_exceptions (loaded)->len, ==, 1);
  g_assert_nonnull (cwb_consortium_find_exception (loaded, "C3"));

  got = cwb_store_get_section (fixture->store, id, "chief_expert", &error);
  g_assert_no_error (error);
  g_assert_true (json_node_equal (got, section));

  /* the other direction: a section set in the store shows up on load */
  {
    g_autoptr(JsonNode) agreement = json_from_string ("{\"clauses\": {\"goals\": \"目标\"}}", NULL);
    g_autoptr(JsonNode) none = NULL;
    g_autoptr(CwbConsortium) reloaded = NULL;

    g_assert_true (cwb_store_set_section (fixture->store, id, "agreement", agreement, &error));
    g_assert_no_error (error);
    reloaded = cwb_store_load_consortium (fixture->store, id, &error);
    g_assert_no_error (error);
    g_assert_true (json_node_equal (cwb_consortium_get_section (reloaded, "agreement"), agreement));

    g_assert_true (cwb_store_set_section (fixture->store, id, "agreement", NULL, &error));
    g_assert_no_error (error);
    none = cwb_store_get_section (fixture->store, id, "agreement", &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  /* a section of a consortium that does not exist */
  g_assert_false (cwb_store_set_section (fixture->store, id + 100, "agreement", section, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
}

/* The JSON columns hold the records in the consortium file's keys, as the
 * store has always written them: a database written before keeps loading. */
static void
test_json_columns (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CwbMember *lead = cwb_consortium_get_lead (consortium);
  const char *landmarks[] = { "标志性成果", NULL };
  CwbMember *loaded_lead;
  CwbFiscalYear *year;
  CwbPlatform *platform;
  gint64 id;

  cwb_member_set_has_platforms (lead, TRUE);
  g_ptr_array_add (cwb_member_get_platforms (lead),
                   cwb_platform_new ("海南省工程技术研究中心", CWB_PLATFORM_LEVEL_PROVINCIAL,
                                     CWB_PLATFORM_KIND_ENGINEERING_CENTER));
  cwb_member_set_has_fiscal_years (lead, TRUE);
  g_ptr_array_add (cwb_member_get_fiscal_years (lead), cwb_fiscal_year_new (2023, CWB_UNKNOWN, 50000000));
  g_ptr_array_add (cwb_member_get_fiscal_years (lead), cwb_fiscal_year_new (2024, 9000000, CWB_UNKNOWN));
  cwb_consortium_add_standard (consortium, cwb_standard_new (CWB_STANDARD_KIND_PRODUCT, "热带种子标准"));
  cwb_consortium_set_landmark_results (consortium, landmarks);

  open_store (fixture);
  id = import (fixture, consortium);

  g_assert_cmpstr (query_text (fixture->path, "SELECT platforms FROM member WHERE lead"), ==,
                   "[{\"name\":\"海南省工程技术研究中心\",\"level\":\"provincial\","
                   "\"kind\":\"engineering_center\"}]");
  g_assert_cmpstr (query_text (fixture->path, "SELECT fiscal_years FROM member WHERE lead"), ==,
                   "[{\"year\":2023,\"sales\":50000000},{\"year\":2024,\"rd_expense\":9000000}]");
  g_assert_cmpstr (query_text (fixture->path, "SELECT standards FROM consortium"), ==,
                   "[{\"kind\":\"product\",\"title\":\"热带种子标准\"}]");
  g_assert_cmpstr (query_text (fixture->path, "SELECT scientific_problems FROM consortium"), ==,
                   "[\"问题一\",\"问题二\"]");
  g_assert_cmpstr (query_text (fixture->path, "SELECT key_technologies FROM consortium"), ==, "[]");
  g_assert_cmpstr (query_text (fixture->path, "SELECT landmark_results FROM consortium"), ==,
                   "[\"标志性成果\"]");
  /* not given is NULL, given and empty would be [] */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member "
                              "WHERE NOT lead AND platforms IS NULL AND fiscal_years IS NULL"), ==, 1);

  /* rows written by hand read back the same */
  close_store (fixture);
  exec_raw (fixture->path,
            "UPDATE member SET platforms = '[]', "
            "fiscal_years = '[{\"sales\":7,\"year\":2022}]' WHERE NOT lead");
  open_store (fixture);
  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);

  loaded_lead = cwb_consortium_get_lead (loaded);
  g_assert_true (cwb_member_get_has_platforms (loaded_lead));
  g_assert_cmpuint (cwb_member_get_platforms (loaded_lead)->len, ==, 1);
  platform = g_ptr_array_index (cwb_member_get_platforms (loaded_lead), 0);
  g_assert_cmpstr (platform->name, ==, "海南省工程技术研究中心");
  g_assert_cmpint (platform->level, ==, CWB_PLATFORM_LEVEL_PROVINCIAL);
  g_assert_cmpint (platform->kind, ==, CWB_PLATFORM_KIND_ENGINEERING_CENTER);
  g_assert_cmpuint (cwb_member_get_fiscal_years (loaded_lead)->len, ==, 2);
  year = g_ptr_array_index (cwb_member_get_fiscal_years (loaded_lead), 0);
  g_assert_cmpint (year->year, ==, 2023);
  g_assert_cmpint (year->rd_expense, ==, CWB_UNKNOWN);
  g_assert_cmpint (year->sales, ==, 50000000);
  g_assert_cmpstr (cwb_consortium_get_landmark_results (loaded)[0], ==, "标志性成果");
  g_assert_cmpuint (cwb_consortium_get_standards (loaded)->len, ==, 1);

  {
    CwbMember *other = g_ptr_array_index (cwb_consortium_get_members (loaded), 1);

    g_assert_true (cwb_member_get_has_platforms (other));
    g_assert_cmpuint (cwb_member_get_platforms (other)->len, ==, 0);
    g_assert_true (cwb_member_get_has_fiscal_years (other));
    year = g_ptr_array_index (cwb_member_get_fiscal_years (other), 0);
    g_assert_cmpint (year->year, ==, 2022);
    g_assert_cmpint (year->sales, ==, 7);
    g_assert_cmpint (year->rd_expense, ==, CWB_UNKNOWN);
  }
}

/* A JSON column the file format would refuse fails the load with the
 * column's key path, instead of loading something else. */
static void
test_json_damaged (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const struct {
    const char *sql;
    const char *message;
  } cases[] = {
    { "UPDATE member SET platforms = '[{\"name\":\"平台\",\"level\":\"galactic\",\"kind\":\"other\"}]' WHERE lead",
      "platforms[0].level: unknown value “galactic”" },
    { "UPDATE member SET fiscal_years = '[{\"year\":2024},{\"year\":2024}]' WHERE lead",
      "fiscal_years[1].year: year 2024 is given twice" },
    { "UPDATE member SET platforms = 'not json' WHERE lead",
      NULL },
    { "UPDATE consortium SET standards = '{}'",
      "standards: expected an array, found an object" },
    { "UPDATE consortium SET key_technologies = '[1]'",
      "key_technologies[0]: expected a string, found an integer" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("海南省测试创新联合体%u", i);
      g_autoptr(CwbConsortium) consortium = make_consortium (name, "91460000MA00000001", 2);
      g_autoptr(CwbConsortium) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *where = NULL;
      gint64 id;

      g_test_message ("%s", cases[i].sql);
      open_store (fixture);
      id = import (fixture, consortium);
      close_store (fixture);

      exec_raw (fixture->path, cases[i].sql);
      open_store (fixture);
      loaded = cwb_store_load_consortium (fixture->store, id, &error);
      g_assert_null (loaded);
      g_assert_error (error, CWB_ERROR, CWB_ERROR_STORE);
      where = g_strdup_printf ("The workspace database “%s” is damaged: ", fixture->path);
      g_assert_true (g_str_has_prefix (error->message, where));
      if (cases[i].message != NULL &&
          strstr (error->message, cases[i].message) == NULL)
        g_error ("expected “%s” in “%s”", cases[i].message, error->message);
      close_store (fixture);
    }
}

static void
test_import_exists (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) first = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);
  g_autoptr(CwbConsortium) second = make_consortium ("海南省测试创新联合体", "91460000MA00000002", 5);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(CwbConsortium) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;
  gint64 first_id;
  gint64 second_id;

  open_store (fixture);
  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
  first_id = import (fixture, first);

  g_assert_false (cwb_store_import_consortium (fixture->store, second, FALSE, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "海南省测试创新联合体"));
  g_clear_error (&error);
  g_assert_cmpint (cwb_consortium_get_id (second), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 3);

  /* a plugin's own row about the consortium (a scan, a reviewer's opinion) */
  {
    static const char * const steps[] = {
      "CREATE TABLE test_note (consortium_id INTEGER NOT NULL REFERENCES consortium (id) "
      "ON DELETE CASCADE, text TEXT NOT NULL)",
      NULL
    };
    CwbStatement *insert;

    g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", steps, &error));
    g_assert_no_error (error);
    insert = cwb_store_prepare (fixture->store, "test",
                                "INSERT INTO test_note (consortium_id, text) VALUES (:id, '评审意见')", &error);
    g_assert_no_error (error);
    cwb_statement_bind_int64 (insert, ":id", first_id);
    g_assert_false (cwb_statement_step (insert, &error));
    g_assert_no_error (error);
  }

  g_assert_true (cwb_store_import_consortium (fixture->store, second, TRUE, &error));
  g_assert_no_error (error);
  second_id = cwb_consortium_get_id (second);

  /* replaced in place: the file's fields and members, the same id, and
   * the plugin's row kept */
  g_assert_cmpint (second_id, ==, first_id);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 5);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_note"), ==, 1);
  loaded = cwb_store_load_consortium (fixture->store, second_id, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, second));

  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  item = g_list_model_get_item (consortia, 0);
  g_assert_cmpint (cwb_consortium_get_id (item), ==, second_id);
}

static void
test_import_atomic (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) good = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);
  g_autoptr(CwbConsortium) bad = make_consortium ("海南省另一创新联合体", "91460000MA00000002", 4);
  g_autoptr(CwbConsortium) bad_replacement = make_consortium ("海南省测试创新联合体", "91460000MA00000003", 4);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(CwbMember) twin = make_member ("91460000MA00000002", "重复单位", FALSE);
  g_autoptr(CwbMember) twin2 = make_member ("91460000MA00000003", "重复单位", FALSE);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;
  gint64 good_id;

  /* the last member repeats the lead's code: the import fails at the end */
  cwb_consortium_add_member (bad, twin);
  cwb_consortium_add_member (bad_replacement, twin2);

  open_store (fixture);
  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
  good_id = import (fixture, good);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), changes);

  g_assert_false (cwb_store_import_consortium (fixture->store, bad, FALSE, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "91460000MA00000002"));
  g_clear_error (&error);

  g_assert_cmpint (cwb_consortium_get_id (bad), ==, 0);
  g_assert_cmpint (cwb_member_get_id (g_ptr_array_index (cwb_consortium_get_members (bad), 0)), ==, 0);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, "海南省另一创新联合体"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 3);

  /* a replacement that fails leaves the old consortium as it was */
  g_assert_false (cwb_store_import_consortium (fixture->store, bad_replacement, TRUE, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, "海南省测试创新联合体"), ==, good_id);
  loaded = cwb_store_load_consortium (fixture->store, good_id, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_consortium_equal (loaded, good));
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  g_assert_cmpuint (changes->len, ==, 0);

  /* the store still works after the rollbacks */
  g_assert_true (cwb_store_delete_consortium (fixture->store, good_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM member"), ==, 0);
}

/* cwb_store_find_member(): the member of that consortium, with all its
 * fields; none for a code it does not have or one of another consortium */
static void
test_find_member (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) first = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);
  g_autoptr(CwbConsortium) second = make_consortium ("海南省另一创新联合体", "91460000MA00000002", 5);
  g_autoptr(CwbMember) member = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;
  gint64 second_id;

  open_store (fixture);
  first_id = import (fixture, first);
  second_id = import (fixture, second);

  g_assert_true (cwb_store_find_member (fixture->store, second_id, "91460000MB00000004", &member, &error));
  g_assert_no_error (error);
  g_assert_nonnull (member);
  g_assert_true (cwb_member_equal (member, cwb_consortium_get_member (second, 4)));
  g_clear_object (&member);

  /* the first consortium has only three members */
  g_assert_true (cwb_store_find_member (fixture->store, first_id, "91460000MB00000004", &member, &error));
  g_assert_no_error (error);
  g_assert_null (member);

  g_assert_true (cwb_store_find_member (fixture->store, first_id, "91460000MA00000002", &member, &error));
  g_assert_null (member);
  g_assert_true (cwb_store_find_member (fixture->store, first_id, "91460000MA00000001", &member, &error));
  g_assert_nonnull (member);
  g_assert_true (cwb_member_get_lead (member));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  store_test_add ("/store/open/creates-private", test_open_creates_private);
  store_test_add ("/store/open/not-a-database", test_open_not_a_database);
  store_test_add ("/store/open/default-path", test_default_path);
  store_test_add ("/store/migrate/empty-file", test_migrate_empty_file);
  store_test_add ("/store/migrate/reopen", test_migrate_reopen);
  store_test_add ("/store/migrate/newer-refused", test_migrate_newer_refused);
  store_test_add ("/store/migrate/newer-refused-rollback-journal", test_migrate_newer_rollback_journal);
  store_test_add ("/store/import/examples", test_import_examples);
  store_test_add ("/store/import/sections-exceptions", test_import_sections_exceptions);
  store_test_add ("/store/import/exists", test_import_exists);
  store_test_add ("/store/json/columns", test_json_columns);
  store_test_add ("/store/json/damaged", test_json_damaged);
  store_test_add ("/store/import/atomic", test_import_atomic);
  store_test_add ("/store/members/find", test_find_member);

  return g_test_run ();
}
