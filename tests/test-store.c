/* test-store.c — tests of CwbStore on real SQLite files
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

typedef struct
{
  char     *dir;    /* a fresh temporary folder */
  char     *path;   /* dir/data/workbench.db, not created yet */
  CwbStore *store;  /* NULL until a test opens it */
} Fixture;

typedef struct
{
  CwbChange kind;
  gint64    consortium_id;
} Change;

/* ------------------------------------------------------------------ */
/* helpers                                                             */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "workbench.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));

  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
close_store (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

/* One integer from a query on a separate, raw connection. */
static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

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

static CwbMember *
make_member (const char *uscc,
             const char *name,
             gboolean    lead)
{
  CwbMember *member = cwb_member_new ();

  cwb_member_set_uscc (member, uscc);
  cwb_member_set_name (member, name);
  cwb_member_set_kind (member, lead ? CWB_MEMBER_KIND_ENTERPRISE : CWB_MEMBER_KIND_UNIVERSITY);
  cwb_member_set_lead (member, lead);
  cwb_member_set_independent_legal_person (member, TRUE);
  cwb_member_set_registered_in_hainan (member, TRUE);

  return member;
}

/* A consortium of @n_members members "<prefix>-0" …, the first the lead
 * with the code @lead_uscc. */
static CwbConsortium *
make_consortium (const char *name,
                 const char *lead_uscc,
                 guint       n_members)
{
  CwbConsortium *consortium = cwb_consortium_new ();
  const char *problems[] = { "问题一", "问题二", NULL };

  cwb_consortium_set_name (consortium, name);
  cwb_consortium_set_industry (consortium, "现代种业");
  cwb_consortium_set_scientific_problems (consortium, problems);

  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *uscc = i == 0 ? g_strdup (lead_uscc) : g_strdup_printf ("91460000MB%08u", i);
      g_autofree char *member_name = g_strdup_printf ("%s-%u", name, i);
      g_autoptr(CwbMember) member = make_member (uscc, member_name, i == 0);

      cwb_consortium_add_member (consortium, member);
    }

  return consortium;
}

static gint64
import (Fixture       *fixture,
        CwbConsortium *consortium)
{
  g_autoptr(GError) error = NULL;

  cwb_store_import_consortium (fixture->store, consortium, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (consortium), >, 0);

  return cwb_consortium_get_id (consortium);
}

/* the member names of a stored consortium, in order, joined by "," */
static char *
member_names (CwbStore *store,
              gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) loaded = cwb_store_load_consortium (store, id, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GPtrArray *members;

  g_assert_no_error (error);
  members = cwb_consortium_get_members (loaded);
  for (guint i = 0; i < members->len; i++)
    g_strv_builder_add (builder, cwb_member_get_name (g_ptr_array_index (members, i)));
  names = g_strv_builder_end (builder);

  return g_strjoinv (",", names);
}

static void
changed_cb (CwbStore  *store,
            CwbChange  kind,
            gint64     consortium_id,
            GArray    *changes)
{
  Change change = { kind, consortium_id };

  g_array_append_val (changes, change);
}

static void
assert_changes (GArray       *changes,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpint (g_array_index (changes, Change, i).kind, ==, expected[i].kind);
      g_assert_cmpint (g_array_index (changes, Change, i).consortium_id, ==, expected[i].consortium_id);
    }
  g_array_set_size (changes, 0);
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
  GListModel *consortia;
  guint n_imported = 0;

  open_store (fixture);

  for (guint k = 0; names[k] != NULL; k++)
    {
      g_autoptr(GFile) file = cwb_test_example_file (names[k]);
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(CwbConsortium) loaded = NULL;
      g_autoptr(GError) local_error = NULL;
      GPtrArray *members;

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

  consortia = cwb_store_get_consortia (fixture->store);
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
  g_ptr_array_add (cwb_consortium_get_standards (consortium),
                   cwb_standard_new (CWB_STANDARD_KIND_PRODUCT, "热带种子标准"));
  g_ptr_array_add (cwb_consortium_get_exceptions (consortium),
                   cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "特殊情况"));
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
  g_ptr_array_add (cwb_consortium_get_standards (consortium),
                   cwb_standard_new (CWB_STANDARD_KIND_PRODUCT, "热带种子标准"));
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
  GListModel *consortia;
  gint64 first_id;
  gint64 second_id;

  open_store (fixture);
  consortia = cwb_store_get_consortia (fixture->store);
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
  GListModel *consortia;
  gint64 good_id;

  /* the last member repeats the lead's code: the import fails at the end */
  cwb_consortium_add_member (bad, twin);
  cwb_consortium_add_member (bad_replacement, twin2);

  open_store (fixture);
  consortia = cwb_store_get_consortia (fixture->store);
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


static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_emissions)
{
  (*n_emissions)++;
}

/* the names of the consortia model, joined by "," */
static char *
consortia_names (GListModel *consortia)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (consortia); i++)
    {
      g_autoptr(CwbConsortium) item = g_list_model_get_item (consortia, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", cwb_consortium_get_name (item));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_consortia_model (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) b = make_consortium ("B 联合体", "91460000MA00000001", 1);
  g_autoptr(CwbConsortium) a = make_consortium ("A 联合体", "91460000MA00000002", 1);
  g_autoptr(CwbConsortium) c = make_consortium ("C 联合体", "91460000MA00000003", 1);
  g_autoptr(CwbConsortium) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  GListModel *consortia;
  guint n_emissions = 0;

  open_store (fixture);
  import (fixture, b);
  import (fixture, c);

  consortia = cwb_store_get_consortia (fixture->store);
  g_assert_true (consortia == cwb_store_get_consortia (fixture->store));
  g_assert_true (g_list_model_get_item_type (consortia) == CWB_TYPE_CONSORTIUM);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体");
  first = g_list_model_get_item (consortia, 0);
  g_assert_cmpint (cwb_consortium_get_id (first), ==, cwb_consortium_get_id (b));
  g_assert_cmpstr (cwb_consortium_get_industry (first), ==, "现代种业");

  g_signal_connect (consortia, "items-changed", G_CALLBACK (items_changed_cb), &n_emissions);

  import (fixture, a);
  g_assert_cmpuint (n_emissions, ==, 1);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "A 联合体,B 联合体,C 联合体");

  /* a rename moves it */
  cwb_consortium_set_name (a, "D 联合体");
  g_assert_true (cwb_store_update_consortium (fixture->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, >=, 2);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体,D 联合体");

  /* a rename onto another's name is refused */
  cwb_consortium_set_name (a, "B 联合体");
  g_assert_false (cwb_store_update_consortium (fixture->store, a, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "B 联合体"));
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体,D 联合体");

  g_assert_true (cwb_store_delete_consortium (fixture->store, cwb_consortium_get_id (c), &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,D 联合体");

  g_assert_false (cwb_store_delete_consortium (fixture->store, cwb_consortium_get_id (c), &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_func (consortia, items_changed_cb, &n_emissions);
}

static void
test_update_consortium (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *technologies[] = { "关键技术", NULL };
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);

  cwb_consortium_set_industry (consortium, "深海");
  cwb_consortium_set_key_technologies (consortium, technologies);
  cwb_consortium_set_has_fund_management (consortium, TRUE);
  cwb_consortium_set_fund_system (consortium, TRUE);
  g_ptr_array_add (cwb_consortium_get_exceptions (consortium),
                   cwb_exception_new ("C4", "琼科〔2024〕13号", "2024-05-01", "理由"));
  /* members are not written by an update */
  g_ptr_array_remove_index (cwb_consortium_get_members (consortium), 1);

  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);

  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (loaded), ==, "深海");
  g_assert_cmpstr (cwb_consortium_get_key_technologies (loaded)[0], ==, "关键技术");
  g_assert_true (cwb_consortium_get_fund_system (loaded));
  g_assert_false (cwb_consortium_get_fund_internal_supervision (loaded));
  g_assert_nonnull (cwb_consortium_find_exception (loaded, "C4"));
  g_assert_cmpuint (cwb_consortium_get_members (loaded)->len, ==, 2);

  /* one that is not stored */
  {
    g_autoptr(CwbConsortium) stranger = make_consortium ("陌生联合体", "91460000MA00000009", 1);

    g_assert_false (cwb_store_update_consortium (fixture->store, stranger, &error));
    g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  }
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) replacement = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbMember) member = make_member ("91460000MA00000077", "新成员", FALSE);
  g_autoptr(CwbMember) duplicate = make_member ("91460000MA00000077", "重复", FALSE);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(JsonNode) section = json_from_string ("{\"a\": 1}", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 new_id;
  guint position;

  open_store (fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), changes);

  id = import (fixture, consortium);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  cwb_consortium_set_name (consortium, "海南省改名创新联合体");
  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  g_ptr_array_add (cwb_consortium_get_exceptions (consortium),
                   cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "理由"));
  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id }, { CWB_CHANGE_SECTION, id } }, 2);

  g_assert_true (cwb_store_insert_member (fixture->store, id, G_MAXUINT, member, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  cwb_member_set_name (member, "改名成员");
  g_assert_true (cwb_store_update_member (fixture->store, member, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  /* a failed write says nothing */
  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, duplicate, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  assert_changes (changes, NULL, 0);

  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (member), &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 2);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  g_assert_true (cwb_store_set_section (fixture->store, id, "agreement", section, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_SECTION, id } }, 1);

  /* the name was changed above, so this is a plain import */
  g_assert_true (cwb_store_import_consortium (fixture->store, replacement, TRUE, &error));
  g_assert_no_error (error);
  new_id = cwb_consortium_get_id (replacement);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, new_id } }, 1);

  /* replacing is one change of the same consortium */
  g_clear_object (&replacement);
  replacement = make_consortium ("海南省改名创新联合体", "91460000MA00000001", 1);
  g_assert_true (cwb_store_import_consortium (fixture->store, replacement, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (replacement), ==, id);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  g_assert_true (cwb_store_delete_consortium (fixture->store, new_id, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, new_id } }, 1);

  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, changes);
}

/* ------------------------------------------------------------------ */
/* members                                                             */

static void
test_members_order (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(CwbMember) a = make_member ("91460000MA0000000A", "A", TRUE);
  g_autoptr(CwbMember) b = make_member ("91460000MA0000000B", "B", FALSE);
  g_autoptr(CwbMember) c = make_member ("91460000MA0000000C", "C", FALSE);
  g_autoptr(CwbMember) d = make_member ("91460000MA0000000D", "D", FALSE);
  g_autoptr(CwbMember) e = make_member ("91460000MA0000000E", "E", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gint64 id;
  gint64 b_id;
  guint position = G_MAXUINT;

  cwb_consortium_set_name (consortium, "顺序联合体");
  cwb_consortium_add_member (consortium, a);
  cwb_consortium_add_member (consortium, b);
  cwb_consortium_add_member (consortium, c);

  open_store (fixture);
  id = import (fixture, consortium);
  b_id = cwb_member_get_id (b);

  g_assert_true (cwb_store_insert_member (fixture->store, id, 1, d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_member_get_id (d), >, 0);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C");

  g_assert_true (cwb_store_remove_member (fixture->store, b_id, &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 2);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,C");

  /* undo: the same object at the same place */
  g_assert_true (cwb_store_insert_member (fixture->store, id, position, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C");

  /* G_MAXUINT (or anything past the end) appends */
  g_assert_true (cwb_store_insert_member (fixture->store, id, G_MAXUINT, e, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C,E");

  /* remove the first: positions stay 0 .. n-1 */
  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (a), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT min(position) FROM member"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT max(position) FROM member"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(DISTINCT position) FROM member"), ==, 4);

  /* an update keeps the place */
  cwb_member_set_name (c, "C2");
  cwb_member_set_revenue (c, 123);
  g_assert_true (cwb_store_update_member (fixture->store, c, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "D,B,C2,E");

  g_assert_false (cwb_store_remove_member (fixture->store, cwb_member_get_id (a), NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cwb_store_insert_member (fixture->store, id + 1000, 0, a, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
}

static void
test_members_duplicate_uscc (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);
  g_autoptr(CwbConsortium) other = make_consortium ("海南省另一创新联合体", "91460000MA00000002", 1);
  g_autoptr(CwbMember) twin = make_member ("91460000MA00000001", "重复单位", FALSE);
  g_autoptr(CwbMember) elsewhere = make_member ("91460000MA00000001", "别处单位", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  CwbMember *second;
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);
  import (fixture, other);
  before = member_names (fixture->store, id);

  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, twin, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "91460000MA00000001"));
  g_clear_error (&error);
  g_assert_cmpint (cwb_member_get_id (twin), ==, 0);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, before);

  /* the same code in another consortium is fine */
  g_assert_true (cwb_store_insert_member (fixture->store, cwb_consortium_get_id (other), 0, elsewhere, &error));
  g_assert_no_error (error);

  /* an update onto a code already there is refused */
  second = g_ptr_array_index (cwb_consortium_get_members (consortium), 1);
  cwb_member_set_uscc (second, "91460000MA00000001");
  g_assert_false (cwb_store_update_member (fixture->store, second, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, before);

  /* no code at all */
  cwb_member_set_uscc (twin, NULL);
  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, twin, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
}

static void
test_led_by (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) one = make_consortium ("一号联合体", "91460000MA0000LEAD", 2);
  g_autoptr(CwbConsortium) two = make_consortium ("二号联合体", "91460000MA0000LEAD", 2);
  g_autoptr(CwbConsortium) three = make_consortium ("三号联合体", "91460000MA00OTHER", 2);
  g_autoptr(CwbMember) plain = make_member ("91460000MA0000LEAD", "普通成员", FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) others = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) none = NULL;

  open_store (fixture);
  import (fixture, one);
  import (fixture, two);
  import (fixture, three);
  /* a plain member with the code does not lead */
  g_assert_true (cwb_store_insert_member (fixture->store, cwb_consortium_get_id (three), 1, plain, &error));
  g_assert_no_error (error);

  others = cwb_store_find_consortia_led_by (fixture->store, "91460000MA0000LEAD", cwb_consortium_get_id (one));
  g_assert_cmpstrv (others, ((const char *[]) { "二号联合体", NULL }));

  all = cwb_store_find_consortia_led_by (fixture->store, "91460000MA0000LEAD", 0);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) all, "一号联合体"));
  g_assert_true (g_strv_contains ((const char * const *) all, "二号联合体"));

  none = cwb_store_find_consortia_led_by (fixture->store, "91460000MA00NOBODY", 0);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

/* ------------------------------------------------------------------ */
/* plugins                                                             */

static void
test_plugin_migrate (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *steps[] = {
    "CREATE TABLE test_notes (id INTEGER PRIMARY KEY, body TEXT)",
    "ALTER TABLE test_notes ADD COLUMN created TEXT",
    NULL
  };
  const char *more_steps[] = {
    steps[0],
    steps[1],
    "INSERT INTO test_notes (body) VALUES ('first')",
    "CREATE TABLE test_broken (",
    NULL
  };
  const char *shorter[] = { steps[0], NULL };
  g_autoptr(GError) error = NULL;

  open_store (fixture);
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 0);

  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 2);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM pragma_table_info ('test_notes')"), ==, 3);

  /* again: nothing to do (running the steps again would fail) */
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 2);

  /* a failing step takes the steps before it back with it */
  g_assert_false (cwb_store_migrate_plugin (fixture->store, "test", more_steps, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "test"));
  g_clear_error (&error);
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_notes"), ==, 0);

  /* an older plugin on newer tables */
  g_assert_false (cwb_store_migrate_plugin (fixture->store, "test", shorter, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "test"), ==, 2);

  /* plugins are versioned apart; the host's version is untouched */
  g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "other"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, _cwb_store_get_schema_version ());

  /* a step may not end the transaction */
  {
    const char *sneaky[] = { "CREATE TABLE sneaky_t (x); COMMIT", NULL };

    g_assert_false (cwb_store_migrate_plugin (fixture->store, "sneaky", sneaky, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (cwb_store_get_plugin_version (fixture->store, "sneaky"), ==, 0);
  }
}

/* The tables of the plugin "test" for the statement tests. */
static const char * const test_item_steps[] = {
  "CREATE TABLE test_item ("
  "  id            INTEGER PRIMARY KEY,"
  "  consortium_id INTEGER REFERENCES consortium (id) ON DELETE CASCADE,"
  "  name          TEXT NOT NULL UNIQUE,"
  "  weight        REAL,"
  "  data          BLOB"
  ")",
  NULL
};

static gint64
insert_item (CwbStore    *store,
             gint64       consortium_id,
             const char  *name,
             double       weight,
             GBytes      *data,
             GError     **error)
{
  CwbStatement *stmt;

  stmt = cwb_store_prepare (store, "test",
                            "INSERT INTO test_item (consortium_id, name, weight, data) "
                            "VALUES (:consortium_id, :name, :weight, :data)",
                            error);
  if (stmt == NULL)
    return 0;

  if (consortium_id != 0)
    cwb_statement_bind_int64 (stmt, ":consortium_id", consortium_id);
  else
    cwb_statement_bind_null (stmt, ":consortium_id");
  cwb_statement_bind_text (stmt, ":name", name);
  cwb_statement_bind_double (stmt, ":weight", weight);
  cwb_statement_bind_blob (stmt, ":data", data);

  if (cwb_statement_step (stmt, error))
    g_assert_not_reached ();   /* an INSERT has no rows */

  if (error != NULL && *error != NULL)
    return 0;

  g_assert_cmpint (cwb_statement_get_changes (stmt), ==, 1);

  return cwb_statement_get_last_insert_id (stmt);
}

static void
test_plugin_statements (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 1);
  g_autoptr(GBytes) blob = g_bytes_new_static ("\0\1\2\377", 4);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *select_sql = "SELECT id, name, weight, data, consortium_id FROM test_item "
                           "WHERE weight >= :min ORDER BY weight";
  CwbStatement *select;
  CwbStatement *again;
  gint64 id;
  gint64 first;
  gint64 second;

  open_store (fixture);
  id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", test_item_steps, &error));
  g_assert_no_error (error);

  first = insert_item (fixture->store, id, "一号", 2.5, blob, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);
  second = insert_item (fixture->store, 0, "二号", 7.25, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);
  insert_item (fixture->store, id, "三号", 9.0, empty, &error);
  g_assert_no_error (error);

  /* on the store's file, committed (a separate connection sees them) */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 3);

  select = cwb_store_prepare (fixture->store, "test", select_sql, &error);
  g_assert_no_error (error);
  g_assert_nonnull (select);
  g_assert_cmpint (cwb_statement_get_n_columns (select), ==, 5);

  cwb_statement_bind_double (select, ":min", 1.0);
  g_assert_true (cwb_statement_step (select, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_statement_get_int64 (select, 0), ==, first);
  g_assert_cmpstr (cwb_statement_get_text (select, 1), ==, "一号");
  g_assert_cmpfloat (cwb_statement_get_double (select, 2), ==, 2.5);
  read = cwb_statement_dup_bytes (select, 3);
  g_assert_true (g_bytes_equal (read, blob));
  g_clear_pointer (&read, g_bytes_unref);
  g_assert_false (cwb_statement_get_is_null (select, 4));
  g_assert_cmpint (cwb_statement_get_int64 (select, 4), ==, id);

  g_assert_true (cwb_statement_step (select, &error));
  g_assert_cmpstr (cwb_statement_get_text (select, 1), ==, "二号");
  g_assert_true (cwb_statement_get_is_null (select, 3));
  g_assert_null (cwb_statement_dup_bytes (select, 3));
  g_assert_true (cwb_statement_get_is_null (select, 4));
  g_assert_cmpint (cwb_statement_get_int64 (select, 4), ==, 0);

  g_assert_true (cwb_statement_step (select, &error));
  g_assert_cmpstr (cwb_statement_get_text (select, 1), ==, "三号");
  /* an empty blob is not NULL */
  g_assert_false (cwb_statement_get_is_null (select, 3));
  read = cwb_statement_dup_bytes (select, 3);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 0);
  g_clear_pointer (&read, g_bytes_unref);

  g_assert_false (cwb_statement_step (select, &error));
  g_assert_no_error (error);

  /* done: it starts over with the same bindings */
  g_assert_true (cwb_statement_step (select, &error));
  g_assert_cmpstr (cwb_statement_get_text (select, 1), ==, "一号");

  /* reset in the middle clears the bindings: NULL matches nothing */
  cwb_statement_reset (select);
  g_assert_false (cwb_statement_step (select, &error));
  g_assert_no_error (error);

  /* cached: the same object, handed out reset without bindings */
  cwb_statement_bind_double (select, ":min", 8.0);
  g_assert_true (cwb_statement_step (select, &error));
  again = cwb_store_prepare (fixture->store, "test", select_sql, &error);
  g_assert_no_error (error);
  g_assert_true (again == select);
  g_assert_false (cwb_statement_step (again, &error));
  g_assert_no_error (error);
  cwb_statement_bind_double (again, ":min", 8.0);
  g_assert_true (cwb_statement_step (again, &error));
  g_assert_cmpstr (cwb_statement_get_text (again, 1), ==, "三号");
  cwb_statement_reset (again);

  /* …per plugin: the same text for another plugin is another statement */
  {
    g_autofree char *copy = g_strdup (select_sql);

    g_assert_true (cwb_store_prepare (fixture->store, "test", copy, &error) == select);
    g_assert_true (cwb_store_prepare (fixture->store, "test2", copy, &error) != select);
    g_assert_no_error (error);
  }

  /* an UPDATE counts what it changed */
  {
    CwbStatement *update = cwb_store_prepare (fixture->store, "test",
                                              "UPDATE test_item SET weight = weight + 1 "
                                              "WHERE consortium_id = :id",
                                              &error);

    g_assert_no_error (error);
    cwb_statement_bind_int64 (update, ":id", id);
    g_assert_false (cwb_statement_step (update, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cwb_statement_get_changes (update), ==, 2);
  }

  /* the host's delete cascades into the plugin's table */
  g_assert_true (cwb_store_delete_consortium (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 1);
}

static void
test_plugin_statement_errors (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 1);
  const char *other_steps[] = { "CREATE TABLE other_item (x)", NULL };
  const struct {
    const char *sql;
    int         code;
    const char *named;   /* what the message must name */
  } refused[] = {
    { "SELEC name FROM test_item", CWB_ERROR_STORE, "syntax error" },
    { "SELECT name FROM test_missing", CWB_ERROR_STORE, "no such table: test_missing" },
    { "UPDATE consortium SET name = 'x'", CWB_ERROR_PLUGIN, "“consortium”" },
    { "DELETE FROM plugin_schema", CWB_ERROR_PLUGIN, "“plugin_schema”" },
    { "INSERT INTO other_item (x) VALUES (1)", CWB_ERROR_PLUGIN, "“other_item”" },
    { "DROP TABLE test_item", CWB_ERROR_PLUGIN, "schema" },
    { "CREATE TABLE test_more (x)", CWB_ERROR_PLUGIN, "schema" },
    { "BEGIN", CWB_ERROR_PLUGIN, "transactions" },
    { "PRAGMA foreign_keys = OFF", CWB_ERROR_PLUGIN, "PRAGMA" },
    { "ATTACH DATABASE ':memory:' AS x", CWB_ERROR_PLUGIN, "ATTACH" },
    { "DELETE FROM test_item; DELETE FROM consortium", CWB_ERROR_PLUGIN, "one statement" },
  };
  g_autoptr(GError) error = NULL;
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", test_item_steps, &error));
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "other", other_steps, &error));
  g_assert_no_error (error);
  insert_item (fixture->store, id, "一号", 1.0, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_null (cwb_store_prepare (fixture->store, "test", refused[i].sql, &error));
      g_assert_error (error, CWB_ERROR, refused[i].code);
      if (strstr (error->message, refused[i].named) == NULL)
        g_error ("“%s”: the message “%s” does not name “%s”", refused[i].sql, error->message, refused[i].named);
      g_assert_nonnull (strstr (error->message, "test"));
      g_clear_error (&error);
    }

  /* the plugin's own table is open to it, the host's for reading */
  g_assert_nonnull (cwb_store_prepare (fixture->store, "test", "SELECT count(*) FROM consortium", &error));
  g_assert_nonnull (cwb_store_prepare (fixture->store, "other", "DELETE FROM other_item", &error));
  g_assert_no_error (error);

  /* UNIQUE → CWB_ERROR_EXISTS naming the column */
  g_assert_cmpint (insert_item (fixture->store, id, "一号", 2.0, NULL, &error), ==, 0);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "test_item.name"));
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  /* FOREIGN KEY → CWB_ERROR_NOT_FOUND */
  g_assert_cmpint (insert_item (fixture->store, id + 100, "孤儿", 2.0, NULL, &error), ==, 0);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* NOT NULL → CWB_ERROR_STORE */
  g_assert_cmpint (insert_item (fixture->store, id, NULL, 2.0, NULL, &error), ==, 0);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_STORE);
  g_assert_nonnull (strstr (error->message, "NOT NULL"));
  g_clear_error (&error);

  /* nothing changed, and the statement works again after a failure */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM plugin_schema"), ==, 2);
  g_assert_cmpint (insert_item (fixture->store, id, "二号", 2.0, NULL, &error), >, 0);
  g_assert_no_error (error);
}

typedef struct
{
  Fixture  *fixture;
  GArray   *changes;
  gint64    consortium_id;
  gboolean  fail;
  gboolean  fail_inner;
  guint     inner_runs;
} TransactionData;

static gboolean
inner_cb (CwbStore  *store,
          gpointer   user_data,
          GError   **error)
{
  TransactionData *data = user_data;

  data->inner_runs++;
  if (insert_item (store, data->consortium_id, "内层", 3.0, NULL, error) == 0)
    return FALSE;

  if (data->fail_inner)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, "inner failed");
      return FALSE;
    }

  return TRUE;
}

static gboolean
transaction_cb (CwbStore  *store,
                gpointer   user_data,
                GError   **error)
{
  TransactionData *data = user_data;
  g_autoptr(JsonNode) section = json_from_string ("{\"plugin\": true}", NULL);
  g_autoptr(CwbConsortium) another = make_consortium ("海南省另一创新联合体", "91460000MA00000002", 1);
  g_autoptr(GError) inner_error = NULL;

  if (insert_item (store, data->consortium_id, "一号", 1.0, NULL, error) == 0 ||
      insert_item (store, data->consortium_id, "二号", 2.0, NULL, error) == 0)
    return FALSE;

  /* the host's own writes join the transaction */
  if (!cwb_store_set_section (store, data->consortium_id, "test", section, error) ||
      !cwb_store_import_consortium (store, another, FALSE, error))
    return FALSE;
  cwb_store_notify_section_changed (store, data->consortium_id);

  /* a nested one: its failure takes back only its own part */
  if (!cwb_store_run_in_transaction (store, inner_cb, data, &inner_error))
    {
      g_assert_error (inner_error, CWB_ERROR, CWB_ERROR_INVALID);
      g_assert_true (data->fail_inner);
    }
  else
    g_assert_false (data->fail_inner);

  /* nothing is announced before the outermost commit */
  g_assert_cmpuint (data->changes->len, ==, 0);
  /* another connection sees none of it yet */
  g_assert_cmpint (query_int (data->fixture->path, "SELECT count(*) FROM test_item"), ==, 0);

  if (data->fail)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, "the plugin changed its mind");
      return FALSE;
    }

  return TRUE;
}

/* A plugin's full-text index in a database opened again: FTS5 connects an
 * existing table with a PRAGMA data_version of its own, which the plugin
 * authorizer must let through (a fresh table is created without it). */
static const char * const fts_steps[] = {
  "CREATE VIRTUAL TABLE test_fts USING fts5 (body, tokenize='trigram');",
  NULL
};

static gint64
count_matches (CwbStore   *store,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt = cwb_store_prepare (store, "test",
                                          "SELECT count(*) FROM test_fts WHERE test_fts MATCH :q",
                                          &error);
  gint64 n;

  g_assert_no_error (error);
  cwb_statement_bind_text (stmt, ":q", query);
  g_assert_true (cwb_statement_step (stmt, &error));
  g_assert_no_error (error);
  n = cwb_statement_get_int64 (stmt, 0);
  cwb_statement_reset (stmt);

  return n;
}

static void
add_body (CwbStore   *store,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt = cwb_store_prepare (store, "test", "INSERT INTO test_fts (body) VALUES (:body)", &error);

  g_assert_no_error (error);
  cwb_statement_bind_text (stmt, ":body", body);
  g_assert_false (cwb_statement_step (stmt, &error));
  g_assert_no_error (error);
}

static void
test_plugin_fts_reopened (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  open_store (fixture);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", fts_steps, &error));
  g_assert_no_error (error);
  add_body (fixture->store, "深海装备与海洋工程");
  close_store (fixture);

  /* a new connection: the table exists, FTS5 connects it */
  open_store (fixture);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", fts_steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_matches (fixture->store, "海洋工程"), ==, 1);
  add_body (fixture->store, "热带海洋生物资源");
  g_assert_cmpint (count_matches (fixture->store, "海洋"), ==, 0); /* two characters: not a trigram */
  g_assert_cmpint (count_matches (fixture->store, "\"海洋生\""), ==, 1);
}

static void
test_plugin_transaction (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 1);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(JsonNode) section = NULL;
  g_autoptr(GError) error = NULL;
  TransactionData data = { fixture, changes, 0, TRUE, FALSE, 0 };
  GListModel *consortia;

  open_store (fixture);
  data.consortium_id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", test_item_steps, &error));
  g_assert_no_error (error);
  consortia = cwb_store_get_consortia (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), changes);

  /* rolled back: nothing stays, nothing is announced, the model is as it was */
  g_assert_false (cwb_store_run_in_transaction (fixture->store, transaction_cb, &data, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "the plugin changed its mind");
  g_clear_error (&error);
  g_assert_cmpuint (data.inner_runs, ==, 1);
  assert_changes (changes, NULL, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 1);
  section = cwb_store_get_section (fixture->store, data.consortium_id, "test", &error);
  g_assert_no_error (error);
  g_assert_null (section);
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 1);
  g_assert_cmpint (cwb_store_lookup_consortium (fixture->store, "海南省另一创新联合体"), ==, 0);

  /* the store is usable again: a plain write works */
  g_assert_cmpint (insert_item (fixture->store, data.consortium_id, "单独", 0.5, NULL, &error), >, 0);
  g_assert_no_error (error);
  {
    CwbStatement *clear = cwb_store_prepare (fixture->store, "test", "DELETE FROM test_item", &error);

    g_assert_no_error (error);
    g_assert_false (cwb_statement_step (clear, &error));
    g_assert_no_error (error);
  }

  /* committed with a failed inner part: everything but that part */
  data.fail = FALSE;
  data.fail_inner = TRUE;
  g_assert_true (cwb_store_run_in_transaction (fixture->store, transaction_cb, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 2);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM consortium"), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (consortia), ==, 2);
  assert_changes (changes,
                  (Change[]) { { CWB_CHANGE_SECTION, data.consortium_id },
                               { CWB_CHANGE_CONSORTIUM,
                                 cwb_store_lookup_consortium (fixture->store, "海南省另一创新联合体") },
                               { CWB_CHANGE_SECTION, data.consortium_id } },
                  3);
  g_clear_pointer (&section, json_node_unref);
  section = cwb_store_get_section (fixture->store, data.consortium_id, "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (section);

  /* outside a transaction the notice is immediate */
  cwb_store_notify_section_changed (fixture->store, data.consortium_id);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_SECTION, data.consortium_id } }, 1);

  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, changes);
}

/* A transaction whose code runs the main loop (an import redrawing its
 * progress) must not take in the writes of what that loop dispatches:
 * they are refused (CWB_ERROR_BUSY), not made part of it and lost with it. */
typedef struct
{
  Fixture *fixture;
  gint64   consortium_id;
  GError  *section_error;
  GError  *plugin_error;
  gboolean ran;
} NestedWrite;

static gboolean
nested_write_cb (gpointer user_data)
{
  NestedWrite *nested = user_data;
  g_autoptr(JsonNode) node = json_from_string ("{\"note\": \"自动保存\"}", NULL);

  cwb_store_set_section (nested->fixture->store, nested->consortium_id, "test", node,
                         &nested->section_error);
  insert_item (nested->fixture->store, nested->consortium_id, "自动保存", 1.0, NULL,
               &nested->plugin_error);
  nested->ran = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
pumping_transaction_cb (CwbStore  *store,
                        gpointer   user_data,
                        GError   **error)
{
  NestedWrite *nested = user_data;

  /* its own writes are fine */
  if (insert_item (store, nested->consortium_id, "导入", 2.0, NULL, error) <= 0)
    return FALSE;

  g_idle_add (nested_write_cb, nested);
  while (!nested->ran)
    g_main_context_iteration (NULL, TRUE);

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, "cancelled by the user");
  return FALSE;
}

static void
test_transaction_refuses_nested_writes (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 1);
  g_autoptr(JsonNode) section = NULL;
  g_autoptr(GError) error = NULL;
  NestedWrite nested = { fixture, 0, NULL, NULL, FALSE };

  open_store (fixture);
  nested.consortium_id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", test_item_steps, &error));
  g_assert_no_error (error);

  g_assert_false (cwb_store_run_in_transaction (fixture->store, pumping_transaction_cb, &nested, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);

  /* both nested writes were told, so their callers know nothing was saved */
  g_assert_error (nested.section_error, CWB_ERROR, CWB_ERROR_BUSY);
  g_assert_error (nested.plugin_error, CWB_ERROR, CWB_ERROR_BUSY);
  g_clear_error (&nested.section_error);
  g_clear_error (&nested.plugin_error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 0);

  /* once the transaction is over, the same writes work */
  nested.ran = FALSE;
  g_idle_add (nested_write_cb, &nested);
  while (!nested.ran)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (nested.section_error);
  g_assert_no_error (nested.plugin_error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM test_item"), ==, 1);
  section = cwb_store_get_section (fixture->store, nested.consortium_id, "test", &error);
  g_assert_no_error (error);
  g_assert_nonnull (section);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/creates-private", test_open_creates_private);
  ADD ("/store/open/not-a-database", test_open_not_a_database);
  ADD ("/store/open/default-path", test_default_path);
  ADD ("/store/migrate/empty-file", test_migrate_empty_file);
  ADD ("/store/migrate/reopen", test_migrate_reopen);
  ADD ("/store/migrate/newer-refused", test_migrate_newer_refused);
  ADD ("/store/migrate/newer-refused-rollback-journal", test_migrate_newer_rollback_journal);
  ADD ("/store/import/examples", test_import_examples);
  ADD ("/store/import/sections-exceptions", test_import_sections_exceptions);
  ADD ("/store/import/exists", test_import_exists);
  ADD ("/store/json/columns", test_json_columns);
  ADD ("/store/json/damaged", test_json_damaged);
  ADD ("/store/import/atomic", test_import_atomic);
  ADD ("/store/consortia/model", test_consortia_model);
  ADD ("/store/consortia/update", test_update_consortium);
  ADD ("/store/changes", test_changes);
  ADD ("/store/members/order", test_members_order);
  ADD ("/store/members/duplicate-uscc", test_members_duplicate_uscc);
  ADD ("/store/led-by", test_led_by);
  ADD ("/store/plugin/migrate", test_plugin_migrate);
  ADD ("/store/plugin/statements", test_plugin_statements);
  ADD ("/store/plugin/statement-errors", test_plugin_statement_errors);
  ADD ("/store/plugin/transaction", test_plugin_transaction);
  ADD ("/store/plugin/transaction-refuses-nested-writes", test_transaction_refuses_nested_writes);
  ADD ("/store/plugin/fts-reopened", test_plugin_fts_reopened);

#undef ADD

  return g_test_run ();
}
