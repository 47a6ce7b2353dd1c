/* test-store-plugins.c — tests of CwbStore on real SQLite files: the
 * plugins' schemas, statements and transactions
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
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;

  open_store (fixture);
  data.consortium_id = import (fixture, consortium);
  g_assert_true (cwb_store_migrate_plugin (fixture->store, "test", test_item_steps, &error));
  g_assert_no_error (error);
  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
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

  store_test_add ("/store/plugin/migrate", test_plugin_migrate);
  store_test_add ("/store/plugin/statements", test_plugin_statements);
  store_test_add ("/store/plugin/statement-errors", test_plugin_statement_errors);
  store_test_add ("/store/plugin/transaction", test_plugin_transaction);
  store_test_add ("/store/plugin/transaction-refuses-nested-writes", test_transaction_refuses_nested_writes);
  store_test_add ("/store/plugin/fts-reopened", test_plugin_fts_reopened);

  return g_test_run ();
}
