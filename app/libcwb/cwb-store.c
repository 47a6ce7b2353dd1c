/* cwb-store.c — the workspace database (one SQLite file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb-consortium-file-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-json-private.h"
#include "cwb-lifecycle.h"
#include "cwb-member.h"
#include "cwb-statement-private.h"
#include "cwb-store-private.h"

#define MIGRATIONS_PATH "/io/github/cwb/libcwb/migrations"
#define BUSY_TIMEOUT_MS 5000

struct _CwbStore
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  /* const char *sql (a string literal) → sqlite3_stmt *, prepared once */
  GHashTable *statements;
  /* of CwbConsortium (id, name, industry); NULL until first asked for */
  GListStore *consortia;

  /* "plugin_id\nsql" → CwbStatement, the plugins' own statements */
  GHashTable *plugin_statements;
  /* open transactions: the outermost is BEGIN, the others SAVEPOINTs */
  guint       depth;
  /* g_main_depth() when the outermost began (_cwb_store_check_writer) */
  int         main_depth;
  /* of PendingChange: what to announce when the outermost commits */
  GArray     *pending;
  /* while a plugin's statement is prepared: whose, and why it was refused */
  const char *auth_plugin_id;
  char       *auth_refusal;

  /* cwb_store_open_read_only(): every write is refused … */
  gboolean    read_only;
  /* … and the file was copied into memory (an older schema, migrated there) */
  gboolean    in_memory;
  /* while the copy in memory is migrated: its migrations may write */
  gboolean    migrating;
};

G_DEFINE_FINAL_TYPE (CwbStore, cwb_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A cached statement: released (reset, bindings cleared) when it goes out
 * of scope, never finalized before the store is. */
typedef sqlite3_stmt StoreStatement;

static void
statement_release (StoreStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreStatement, statement_release)

static void
statement_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* One change to announce after a commit. */
typedef struct
{
  CwbChange kind;
  gint64    consortium_id;
} PendingChange;

/* ------------------------------------------------------------------ */
/* errors                                                              */

static void
set_store_error (CwbStore  *self,
                 GError   **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("The workspace database “%s” failed: %s"),
               self->path, sqlite3_errmsg (self->db));
}

static gboolean
is_unique_violation (CwbStore *self)
{
  return sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE ||
         sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY;
}

static void
set_duplicate_name_error (const char  *name,
                          GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
               _("A consortium named “%s” already exists"), name);
}

static void
set_duplicate_uscc_error (const char  *uscc,
                          GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
               _("This consortium already has a member with the unified social credit code %s"),
               uscc);
}

static void
set_no_consortium_error (gint64   id,
                         GError **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
               _("There is no consortium with id %lld in the workspace"), (long long) id);
}

/* ------------------------------------------------------------------ */
/* statements                                                          */

static StoreStatement *
store_prepare (CwbStore    *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt;

  g_assert (CWB_IS_STORE (self));

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_store_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);

  return stmt;
}

static int
param_index (sqlite3_stmt *stmt,
             const char   *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index == 0)
    g_error ("No parameter %s in “%s”", name, sqlite3_sql (stmt));

  return index;
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  int index = param_index (stmt, name);

  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  sqlite3_bind_int64 (stmt, param_index (stmt, name), value);
}

/* CWB_UNKNOWN is stored as NULL */
static void
bind_figure (sqlite3_stmt *stmt,
             const char   *name,
             gint64        value)
{
  if (value == CWB_UNKNOWN)
    sqlite3_bind_null (stmt, param_index (stmt, name));
  else
    bind_int64 (stmt, name, value);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gint64
column_figure (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return CWB_UNKNOWN;

  return sqlite3_column_int64 (stmt, column);
}

/* Steps a statement that returns no rows. */
static gboolean
store_step_done (CwbStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_store_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Steps to the next row: TRUE with *has_row set, or FALSE on error. */
static gboolean
store_step_row (CwbStore      *self,
                sqlite3_stmt  *stmt,
                gboolean      *has_row,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }

  *has_row = FALSE;

  if (rc == SQLITE_DONE)
    return TRUE;

  set_store_error (self, error);
  return FALSE;
}

static gboolean
store_exec_cached (CwbStore    *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  return store_step_done (self, stmt, error);
}

/* ------------------------------------------------------------------ */
/* transactions                                                        */

/* Transactions nest: the outermost is a real one (BEGIN IMMEDIATE for a
 * write, BEGIN DEFERRED for a read), an inner one is a SAVEPOINT inside it;
 * so the store's own writes may run inside a plugin's transaction
 * (cwb_store_run_in_transaction()). Changes are announced when the
 * outermost commits (emit_changes()). */

static gboolean
store_begin_as (CwbStore    *self,
                const char  *outermost,
                GError     **error)
{
  g_assert (self->depth > 0 || sqlite3_get_autocommit (self->db));

  if (!store_exec_cached (self, self->depth == 0 ? outermost : "SAVEPOINT cwb_nested", error))
    return FALSE;

  if (self->depth == 0)
    self->main_depth = g_main_depth ();
  self->depth++;

  return TRUE;
}

/*
 * A transaction whose code runs the main loop (an import redrawing its
 * progress bar between rows) dispatches whatever else is due: a page's
 * autosave, say. A write from there would become part of that
 * transaction, reported as saved, and gone if the transaction rolled back
 * (the user cancelled the import). Such writes are refused instead, with
 * a message, and their caller can try again. g_main_depth() tells them
 * apart: the transaction's own writes run at the depth it began at.
 */
gboolean
_cwb_store_check_writer (CwbStore  *self,
                         GError   **error)
{
  if (self->read_only && !self->migrating)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY,
                   _("The workspace database “%s” is open only for reading; nothing was changed."),
                   self->path);
      return FALSE;
    }

  if (self->depth == 0 || g_main_depth () <= self->main_depth)
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_BUSY,
                       _("The workspace database is in the middle of another change; "
                         "try again when it is done."));
  return FALSE;
}

static gboolean
store_begin (CwbStore  *self,
             GError   **error)
{
  return _cwb_store_check_writer (self, error) &&
         store_begin_as (self, "BEGIN IMMEDIATE", error);
}

static gboolean
store_begin_read (CwbStore  *self,
                  GError   **error)
{
  return store_begin_as (self, "BEGIN DEFERRED", error);
}

static void emit_pending (CwbStore *self);
static void drop_pending (CwbStore *self);

/* On failure the transaction is still open: the caller rolls it back. */
static gboolean
store_commit (CwbStore  *self,
              GError   **error)
{
  g_assert (self->depth > 0);

  if (!store_exec_cached (self, self->depth == 1 ? "COMMIT" : "RELEASE cwb_nested", error))
    return FALSE;

  self->depth--;
  if (self->depth == 0)
    emit_pending (self);

  return TRUE;
}

static void
store_rollback (CwbStore *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->depth > 0);

  /* SQLite may have rolled back the whole transaction already (e.g. after
   * SQLITE_FULL); then the outer levels fail to commit and roll back too */
  if (!sqlite3_get_autocommit (self->db))
    {
      if (self->depth == 1)
        store_exec_cached (self, "ROLLBACK", &error);
      else if (store_exec_cached (self, "ROLLBACK TO cwb_nested", &error))
        store_exec_cached (self, "RELEASE cwb_nested", &error);

      if (error != NULL)
        g_warning ("%s", error->message);
    }

  self->depth--;
  if (self->depth == 0)
    drop_pending (self);
}

/* ------------------------------------------------------------------ */
/* enums and JSON                                                      */

static const char *
enum_to_nick (GType type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* nicks are static strings of the generated enum code */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static int
enum_from_nick (GType       type,
                const char *nick,
                int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return enum_value != NULL ? enum_value->value : fallback;
}

/* The JSON columns hold the records in the consortium file's form
 * (cwb-consortium-file-private.h); here only the text around them. */
static char *
json_column_text (JsonNode *node)
{
  g_autoptr(JsonNode) owned = node;

  return json_to_string (owned, FALSE);
}

/* json_from_string() for a column's text: refused, like a file, when it
 * nests too deep for json-glib's recursive parser */
static JsonNode *
json_from_column (const char  *text,
                  GError     **error)
{
  if (!_cwb_json_check_depth (text, -1, CWB_JSON_MAX_DEPTH, error))
    return NULL;

  return json_from_string (text, error);
}

static void
set_damaged_error (CwbStore    *self,
                   const char  *what,
                   GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("The workspace database “%s” is damaged: %s"), self->path, what);
}

/* One of the file module's readers of records */
typedef gboolean (*RecordsReader) (JsonNode   *node,
                                   GPtrArray  *records,
                                   GError    **error);

/* Parses the JSON column @column of the current row and hands it to @read
 * with @records; NULL text reads nothing and gives *@present = FALSE. */
static gboolean
column_records (CwbStore      *self,
                sqlite3_stmt  *stmt,
                int            column,
                RecordsReader  read,
                GPtrArray     *records,
                gboolean      *present,
                GError       **error)
{
  const char *text = column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;

  if (present != NULL)
    *present = text != NULL;

  if (text == NULL)
    return TRUE;

  node = json_from_column (text, &local_error);
  if (node == NULL || !read (node, records, &local_error))
    {
      set_damaged_error (self, local_error->message, error);
      return FALSE;
    }

  return TRUE;
}

/* The same for a list of strings, given to @set */
static gboolean
column_list (CwbStore       *self,
             sqlite3_stmt   *stmt,
             int             column,
             const char     *key,
             CwbConsortium  *consortium,
             void          (*set) (CwbConsortium *, const char * const *),
             GError        **error)
{
  const char *text = column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree const char **items = NULL;

  if (text == NULL)
    return TRUE;

  node = json_from_column (text, &local_error);
  if (node == NULL || !_cwb_strv_from_json (node, key, &items, &local_error))
    {
      set_damaged_error (self, local_error->message, error);
      return FALSE;
    }

  set (consortium, items);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* migrations                                                          */

static int
migration_number (const char *name)
{
  char *end = NULL;
  guint64 number;

  if (!g_ascii_isdigit (name[0]) || !g_str_has_suffix (name, ".sql"))
    return -1;

  number = g_ascii_strtoull (name, &end, 10);
  if (end == name || *end != '-' || number == 0 || number > G_MAXINT)
    return -1;

  return (int) number;
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  return migration_number (*(const char * const *) a) - migration_number (*(const char * const *) b);
}

/* (transfer full): the migration file names, in order */
static GPtrArray *
list_migrations (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *migrations = g_ptr_array_new_with_free_func (g_free);

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (names == NULL)
    g_error ("The migrations are missing from the library's resources: %s", error->message);

  for (guint i = 0; names[i] != NULL; i++)
    if (migration_number (names[i]) > 0)
      g_ptr_array_add (migrations, g_strdup (names[i]));

  g_ptr_array_sort (migrations, compare_migrations);

  return migrations;
}

int
_cwb_store_get_schema_version (void)
{
  static int version = 0;

  if (version == 0)
    {
      g_autoptr(GPtrArray) migrations = list_migrations ();

      g_assert (migrations->len > 0);
      version = migration_number (g_ptr_array_index (migrations, migrations->len - 1));
    }

  return version;
}

static gboolean
read_user_version (CwbStore  *self,
                   int       *version,
                   GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "PRAGMA user_version", error);
  gboolean has_row;

  if (stmt == NULL || !store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *version = has_row ? sqlite3_column_int (stmt, 0) : 0;

  return TRUE;
}

static gboolean
apply_migrations (CwbStore  *self,
                  GError   **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  g_autofree char *set_version = NULL;
  int target = _cwb_store_get_schema_version ();
  int version;

  if (!store_begin (self, error))
    return FALSE;

  /* another process may have migrated while we were opening */
  if (!read_user_version (self, &version, error))
    goto failed;

  if (version >= target)
    return store_commit (self, error) || (store_rollback (self), FALSE);

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;
      char *message = NULL;

      if (migration_number (name) <= version)
        continue;

      resource = g_strconcat (MIGRATIONS_PATH "/", name, NULL);
      bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);

      /* resource data is always followed by a NUL byte */
      if (sqlite3_exec (self->db, g_bytes_get_data (bytes, NULL), NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("Could not update the workspace database “%s” with step %s: %s"),
                       self->path, name, message);
          sqlite3_free (message);
          goto failed;
        }
    }

  /* PRAGMA takes no parameters */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
  if (sqlite3_exec (self->db, set_version, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_store_error (self, error);
      goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  g_debug ("Migrated %s from schema %d to %d", self->path, version, target);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* the consortia model                                                 */

static int
compare_consortia (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CwbConsortium *ca = (CwbConsortium *) a;
  CwbConsortium *cb = (CwbConsortium *) b;
  int cmp = g_strcmp0 (cwb_consortium_get_name (ca), cwb_consortium_get_name (cb));

  if (cmp != 0)
    return cmp;

  return (cwb_consortium_get_id (ca) > cwb_consortium_get_id (cb)) -
         (cwb_consortium_get_id (ca) < cwb_consortium_get_id (cb));
}

static void
consortia_remove (CwbStore *self,
                  gint64    id)
{
  guint n;

  if (self->consortia == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->consortia));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbConsortium) item = g_list_model_get_item (G_LIST_MODEL (self->consortia), i);

      if (cwb_consortium_get_id (item) == id)
        {
          g_list_store_remove (self->consortia, i);
          return;
        }
    }
}

static CwbConsortium *
consortium_summary_new (gint64      id,
                        const char *name,
                        const char *industry)
{
  CwbConsortium *summary = cwb_consortium_new ();

  cwb_consortium_set_id (summary, id);
  cwb_consortium_set_name (summary, name);
  cwb_consortium_set_industry (summary, industry);

  return summary;
}

/* Views of the consortia list show what a row's item stands for beyond
 * its name (such as its stage): put the item back in its place so that
 * they bind it again. */
static void
consortia_touch (CwbStore *self,
                 gint64    id)
{
  guint n;

  if (self->consortia == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->consortia));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbConsortium) item = g_list_model_get_item (G_LIST_MODEL (self->consortia), i);

      if (cwb_consortium_get_id (item) == id)
        {
          g_list_store_splice (self->consortia, i, 1, (gpointer *) &item, 1);
          return;
        }
    }
}

static void
consortia_add (CwbStore      *self,
               CwbConsortium *consortium)
{
  g_autoptr(CwbConsortium) summary = NULL;

  if (self->consortia == NULL)
    return;

  summary = consortium_summary_new (cwb_consortium_get_id (consortium),
                                    cwb_consortium_get_name (consortium),
                                    cwb_consortium_get_industry (consortium));
  g_list_store_insert_sorted (self->consortia, summary, compare_consortia, NULL);
}

/* Announces @changes, or, inside a transaction, when the outermost
 * commits. */
/* Reads the consortia model again from the database, if it was built. */
static void
consortia_reload (CwbStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gboolean has_row;

  if (self->consortia == NULL)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  stmt = store_prepare (self, "SELECT id, name, industry FROM consortium ORDER BY name, id", &error);
  if (stmt != NULL)
    {
      while (store_step_row (self, stmt, &has_row, &error) && has_row)
        g_ptr_array_add (items, consortium_summary_new (sqlite3_column_int64 (stmt, 0),
                                                        column_text (stmt, 1),
                                                        column_text (stmt, 2)));
    }

  if (error != NULL)
    g_warning ("%s", error->message);

  g_list_store_splice (self->consortia, 0, g_list_model_get_n_items (G_LIST_MODEL (self->consortia)),
                       items->pdata, items->len);
}

static void
emit_changes (CwbStore            *self,
              const PendingChange *changes,
              guint                n_changes)
{
  if (self->depth > 0)
    {
      g_array_append_vals (self->pending, changes, n_changes);
      return;
    }

  for (guint i = 0; i < n_changes; i++)
    g_signal_emit (self, signals[CHANGED], 0, changes[i].kind, changes[i].consortium_id);
}

static void
emit_pending (CwbStore *self)
{
  g_autoptr(GArray) pending = NULL;

  g_assert (self->depth == 0);

  if (self->pending->len == 0)
    return;

  /* a handler may write (and queue) again */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  emit_changes (self, (const PendingChange *) (gpointer) pending->data, pending->len);
}

/* The outermost transaction rolled back: what was announced for later
 * never happened, and the consortia model may have followed writes that
 * are gone. */
static void
drop_pending (CwbStore *self)
{
  gboolean consortia_changed = FALSE;

  for (guint i = 0; i < self->pending->len; i++)
    if (g_array_index (self->pending, PendingChange, i).kind == CWB_CHANGE_CONSORTIUM)
      consortia_changed = TRUE;

  g_array_set_size (self->pending, 0);

  if (consortia_changed)
    consortia_reload (self);
}

/* ------------------------------------------------------------------ */
/* rows                                                                */

#define MEMBER_COLUMNS \
  "id, uscc, name, kind, lead, independent_legal_person, registered_in_hainan, " \
  "stationed_in_hainan, above_designated_size, high_tech, cooperation_basis, capability, " \
  "established, revenue, rd_staff_fulltime, platforms, fiscal_years"

enum {
  MEMBER_ID,
  MEMBER_USCC,
  MEMBER_NAME,
  MEMBER_KIND,
  MEMBER_LEAD,
  MEMBER_INDEPENDENT_LEGAL_PERSON,
  MEMBER_REGISTERED_IN_HAINAN,
  MEMBER_STATIONED_IN_HAINAN,
  MEMBER_ABOVE_DESIGNATED_SIZE,
  MEMBER_HIGH_TECH,
  MEMBER_COOPERATION_BASIS,
  MEMBER_CAPABILITY,
  MEMBER_ESTABLISHED,
  MEMBER_REVENUE,
  MEMBER_RD_STAFF_FULLTIME,
  MEMBER_PLATFORMS,
  MEMBER_FISCAL_YEARS,
};

static CwbMember *
member_from_row (CwbStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(CwbMember) member = cwb_member_new ();
  gboolean has_platforms;
  gboolean has_fiscal_years;

  cwb_member_set_id (member, sqlite3_column_int64 (stmt, MEMBER_ID));
  cwb_member_set_uscc (member, column_text (stmt, MEMBER_USCC));
  cwb_member_set_name (member, column_text (stmt, MEMBER_NAME));
  cwb_member_set_kind (member, enum_from_nick (CWB_TYPE_MEMBER_KIND,
                                               column_text (stmt, MEMBER_KIND),
                                               CWB_MEMBER_KIND_OTHER));
  cwb_member_set_lead (member, sqlite3_column_int (stmt, MEMBER_LEAD) != 0);
  cwb_member_set_independent_legal_person (member, sqlite3_column_int (stmt, MEMBER_INDEPENDENT_LEGAL_PERSON) != 0);
  cwb_member_set_registered_in_hainan (member, sqlite3_column_int (stmt, MEMBER_REGISTERED_IN_HAINAN) != 0);
  cwb_member_set_stationed_in_hainan (member, sqlite3_column_int (stmt, MEMBER_STATIONED_IN_HAINAN) != 0);
  cwb_member_set_above_designated_size (member, sqlite3_column_int (stmt, MEMBER_ABOVE_DESIGNATED_SIZE) != 0);
  cwb_member_set_high_tech (member, sqlite3_column_int (stmt, MEMBER_HIGH_TECH) != 0);
  cwb_member_set_cooperation_basis (member, sqlite3_column_int (stmt, MEMBER_COOPERATION_BASIS) != 0);
  cwb_member_set_capability (member, sqlite3_column_int (stmt, MEMBER_CAPABILITY) != 0);
  cwb_member_set_established (member, column_text (stmt, MEMBER_ESTABLISHED));
  cwb_member_set_revenue (member, column_figure (stmt, MEMBER_REVENUE));
  cwb_member_set_rd_staff_fulltime (member, (int) column_figure (stmt, MEMBER_RD_STAFF_FULLTIME));
  if (!column_records (self, stmt, MEMBER_PLATFORMS, _cwb_platforms_from_json,
                       cwb_member_get_platforms (member), &has_platforms, error) ||
      !column_records (self, stmt, MEMBER_FISCAL_YEARS, _cwb_fiscal_years_from_json,
                       cwb_member_get_fiscal_years (member), &has_fiscal_years, error))
    return NULL;
  cwb_member_set_has_platforms (member, has_platforms);
  cwb_member_set_has_fiscal_years (member, has_fiscal_years);

  return g_steal_pointer (&member);
}

static gboolean
check_member (CwbMember  *member,
              GError    **error)
{
  const char *uscc = cwb_member_get_uscc (member);

  if (uscc == NULL || uscc[0] == '\0')
    {
      const char *name = cwb_member_get_name (member);

      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The member “%s” has no unified social credit code"),
                   name != NULL ? name : "");
      return FALSE;
    }

  return TRUE;
}

/* the columns a member's insert and update share */
static void
bind_member (sqlite3_stmt *stmt,
             CwbMember    *member)
{
  g_autofree char *platforms = NULL;
  g_autofree char *fiscal_years = NULL;

  /* NULL: not given, as opposed to given and empty */
  if (cwb_member_get_has_platforms (member))
    platforms = json_column_text (_cwb_platforms_to_json (cwb_member_get_platforms (member)));
  if (cwb_member_get_has_fiscal_years (member))
    fiscal_years = json_column_text (_cwb_fiscal_years_to_json (cwb_member_get_fiscal_years (member)));

  bind_text (stmt, ":uscc", cwb_member_get_uscc (member));
  bind_text (stmt, ":name", cwb_member_get_name (member));
  bind_text (stmt, ":kind", enum_to_nick (CWB_TYPE_MEMBER_KIND, cwb_member_get_kind (member)));
  bind_int64 (stmt, ":lead", cwb_member_get_lead (member));
  bind_int64 (stmt, ":independent_legal_person", cwb_member_get_independent_legal_person (member));
  bind_int64 (stmt, ":registered_in_hainan", cwb_member_get_registered_in_hainan (member));
  bind_int64 (stmt, ":stationed_in_hainan", cwb_member_get_stationed_in_hainan (member));
  bind_int64 (stmt, ":above_designated_size", cwb_member_get_above_designated_size (member));
  bind_int64 (stmt, ":high_tech", cwb_member_get_high_tech (member));
  bind_int64 (stmt, ":cooperation_basis", cwb_member_get_cooperation_basis (member));
  bind_int64 (stmt, ":capability", cwb_member_get_capability (member));
  bind_text (stmt, ":established", cwb_member_get_established (member));
  bind_figure (stmt, ":revenue", cwb_member_get_revenue (member));
  bind_figure (stmt, ":rd_staff_fulltime", cwb_member_get_rd_staff_fulltime (member));
  bind_text (stmt, ":platforms", platforms);
  bind_text (stmt, ":fiscal_years", fiscal_years);
}

static gboolean
insert_member_row (CwbStore   *self,
                   gint64      consortium_id,
                   guint       position,
                   CwbMember  *member,
                   gint64     *member_id,
                   GError    **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  if (!check_member (member, error))
    return FALSE;

  stmt = store_prepare (self,
                        "INSERT INTO member (consortium_id, position, uscc, name, kind, lead, "
                        "independent_legal_person, registered_in_hainan, stationed_in_hainan, "
                        "above_designated_size, high_tech, cooperation_basis, capability, "
                        "established, revenue, rd_staff_fulltime, platforms, fiscal_years) "
                        "VALUES (:consortium_id, :position, :uscc, :name, :kind, :lead, "
                        ":independent_legal_person, :registered_in_hainan, :stationed_in_hainan, "
                        ":above_designated_size, :high_tech, :cooperation_basis, :capability, "
                        ":established, :revenue, :rd_staff_fulltime, :platforms, :fiscal_years)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":consortium_id", consortium_id);
  bind_int64 (stmt, ":position", position);
  bind_member (stmt, member);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (is_unique_violation (self))
        set_duplicate_uscc_error (cwb_member_get_uscc (member), error);
      else
        set_store_error (self, error);
      return FALSE;
    }

  *member_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static void
bind_consortium (sqlite3_stmt  *stmt,
                 CwbConsortium *consortium)
{
  g_autofree char *scientific_problems =
    json_column_text (_cwb_strv_to_json (cwb_consortium_get_scientific_problems (consortium)));
  g_autofree char *key_technologies =
    json_column_text (_cwb_strv_to_json (cwb_consortium_get_key_technologies (consortium)));
  g_autofree char *transformation_results =
    json_column_text (_cwb_strv_to_json (cwb_consortium_get_transformation_results (consortium)));
  g_autofree char *landmark_results =
    json_column_text (_cwb_strv_to_json (cwb_consortium_get_landmark_results (consortium)));
  g_autofree char *standards =
    json_column_text (_cwb_standards_to_json (cwb_consortium_get_standards (consortium)));

  bind_text (stmt, ":name", cwb_consortium_get_name (consortium));
  bind_text (stmt, ":industry", cwb_consortium_get_industry (consortium));
  bind_text (stmt, ":scientific_problems", scientific_problems);
  bind_text (stmt, ":key_technologies", key_technologies);
  bind_text (stmt, ":transformation_results", transformation_results);
  bind_text (stmt, ":landmark_results", landmark_results);
  bind_text (stmt, ":standards", standards);
  bind_int64 (stmt, ":has_organization", cwb_consortium_get_has_organization (consortium));
  bind_text (stmt, ":decision_body", cwb_consortium_get_decision_body (consortium));
  bind_text (stmt, ":advisory_body", cwb_consortium_get_advisory_body (consortium));
  bind_text (stmt, ":executive_body", cwb_consortium_get_executive_body (consortium));
  bind_int64 (stmt, ":executive_permanent", cwb_consortium_get_executive_permanent (consortium));
  bind_figure (stmt, ":executive_fulltime_staff", cwb_consortium_get_executive_fulltime_staff (consortium));
  bind_int64 (stmt, ":has_fund_management", cwb_consortium_get_has_fund_management (consortium));
  bind_int64 (stmt, ":fund_system", cwb_consortium_get_fund_system (consortium));
  bind_int64 (stmt, ":fund_internal_supervision", cwb_consortium_get_fund_internal_supervision (consortium));
}

static gboolean
check_consortium_name (CwbConsortium  *consortium,
                       GError        **error)
{
  const char *name = cwb_consortium_get_name (consortium);

  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("The consortium has no name"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
lookup_consortium (CwbStore    *self,
                   const char  *name,
                   gint64      *id,
                   GError     **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "SELECT id FROM consortium WHERE name = :name", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, ":name", name);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

static gboolean
consortium_exists (CwbStore  *self,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "SELECT 1 FROM consortium WHERE id = :id", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":id", id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    set_no_consortium_error (id, error);

  return has_row;
}

static gboolean
touch_consortium (CwbStore  *self,
                  gint64     id,
                  GError   **error)
{
  g_autoptr(StoreStatement) stmt =
    store_prepare (self,
                   "UPDATE consortium SET modified = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') "
                   "WHERE id = :id",
                   error);

  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":id", id);

  return store_step_done (self, stmt, error);
}

static gboolean
delete_consortium_row (CwbStore  *self,
                       gint64     id,
                       gboolean  *deleted,
                       GError   **error)
{
  g_autoptr(StoreStatement) stmt = store_prepare (self, "DELETE FROM consortium WHERE id = :id", error);

  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":id", id);
  if (!store_step_done (self, stmt, error))
    return FALSE;

  *deleted = sqlite3_changes (self->db) > 0;

  return TRUE;
}

static gboolean
write_exceptions (CwbStore       *self,
                  gint64          consortium_id,
                  CwbConsortium  *consortium,
                  GError        **error)
{
  GPtrArray *exceptions = cwb_consortium_get_exceptions (consortium);
  g_autoptr(StoreStatement) delete = NULL;

  delete = store_prepare (self, "DELETE FROM exception WHERE consortium_id = :consortium_id", error);
  if (delete == NULL)
    return FALSE;

  bind_int64 (delete, ":consortium_id", consortium_id);
  if (!store_step_done (self, delete, error))
    return FALSE;

  for (guint i = 0; exceptions != NULL && i < exceptions->len; i++)
    {
      const CwbException *exception = g_ptr_array_index (exceptions, i);
      g_autoptr(StoreStatement) insert = NULL;

      if (exception->rule == NULL || exception->rule[0] == '\0')
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("exceptions[%u].rule: an exception decision must name the rule it accepts"), i);
          return FALSE;
        }

      insert = store_prepare (self,
                              "INSERT INTO exception (consortium_id, position, rule, document, date, reason) "
                              "VALUES (:consortium_id, :position, :rule, :document, :date, :reason)",
                              error);
      if (insert == NULL)
        return FALSE;

      bind_int64 (insert, ":consortium_id", consortium_id);
      bind_int64 (insert, ":position", i);
      bind_text (insert, ":rule", exception->rule);
      bind_text (insert, ":document", exception->document);
      bind_text (insert, ":date", exception->date);
      bind_text (insert, ":reason", exception->reason);

      if (!store_step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

/* (transfer full) (element-type CwbException) */
static GPtrArray *
read_exceptions (CwbStore  *self,
                 gint64     consortium_id,
                 GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_exception_free);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT rule, document, date, reason FROM exception "
                        "WHERE consortium_id = :consortium_id ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_int64 (stmt, ":consortium_id", consortium_id);

  while (store_step_row (self, stmt, &has_row, error))
    {
      if (!has_row)
        return g_steal_pointer (&exceptions);

      g_ptr_array_add (exceptions, cwb_exception_new (column_text (stmt, 0), column_text (stmt, 1),
                                                      column_text (stmt, 2), column_text (stmt, 3)));
    }

  return NULL;
}

/* (transfer full) (element-type CwbStageEvent) */
static GPtrArray *
read_lifecycle (CwbStore  *self,
                gint64     consortium_id,
                GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_stage_event_free);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT stage, date, document, note FROM lifecycle_event "
                        "WHERE consortium_id = :consortium_id ORDER BY position",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_int64 (stmt, ":consortium_id", consortium_id);

  while (store_step_row (self, stmt, &has_row, error))
    {
      int stage;

      if (!has_row)
        return g_steal_pointer (&events);

      /* a nick this version does not know: the database is damaged */
      stage = enum_from_nick (CWB_TYPE_STAGE, column_text (stmt, 0), -1);
      if (stage < 0)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("The workspace database “%s” is damaged: unknown lifecycle stage “%s”"),
                       self->path, column_text (stmt, 0));
          return NULL;
        }

      g_ptr_array_add (events, cwb_stage_event_new (stage, column_text (stmt, 1),
                                                    column_text (stmt, 2), column_text (stmt, 3)));
    }

  return NULL;
}

static gboolean
insert_stage_event_row (CwbStore             *self,
                        gint64                consortium_id,
                        guint                 position,
                        const CwbStageEvent  *event,
                        GError              **error)
{
  g_autoptr(StoreStatement) insert = NULL;

  insert = store_prepare (self,
                          "INSERT INTO lifecycle_event (consortium_id, position, stage, date, document, note) "
                          "VALUES (:consortium_id, :position, :stage, :date, :document, :note)",
                          error);
  if (insert == NULL)
    return FALSE;

  bind_int64 (insert, ":consortium_id", consortium_id);
  bind_int64 (insert, ":position", position);
  bind_text (insert, ":stage", enum_to_nick (CWB_TYPE_STAGE, event->stage));
  bind_text (insert, ":date", event->date);
  bind_text (insert, ":document", event->document);
  bind_text (insert, ":note", event->note);

  return store_step_done (self, insert, error);
}

/* A new consortium's steps, checked as a file's are */
static gboolean
write_lifecycle (CwbStore   *self,
                 gint64      consortium_id,
                 GPtrArray  *events,
                 GError    **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    {
      const CwbStageEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GError) local_error = NULL;

      if (!cwb_lifecycle_check_next (before, event, NULL, &local_error))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, "lifecycle[%u]: %s", i, local_error->message);
          return FALSE;
        }

      if (!insert_stage_event_row (self, consortium_id, i, event, error))
        return FALSE;

      g_ptr_array_add (before, (gpointer) event);
    }

  return TRUE;
}

static gboolean
exceptions_equal (GPtrArray *a,
                  GPtrArray *b)
{
  guint a_len = a != NULL ? a->len : 0;
  guint b_len = b != NULL ? b->len : 0;

  if (a_len != b_len)
    return FALSE;

  for (guint i = 0; i < a_len; i++)
    {
      const CwbException *ea = g_ptr_array_index (a, i);
      const CwbException *eb = g_ptr_array_index (b, i);

      if (g_strcmp0 (ea->rule, eb->rule) != 0 ||
          g_strcmp0 (ea->document, eb->document) != 0 ||
          g_strcmp0 (ea->date, eb->date) != 0 ||
          g_strcmp0 (ea->reason, eb->reason) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_section (CwbStore    *self,
               gint64       consortium_id,
               const char  *key,
               JsonNode    *node,
               GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autofree char *json = NULL;

  if (node == NULL)
    {
      stmt = store_prepare (self,
                            "DELETE FROM section WHERE consortium_id = :consortium_id AND key = :key",
                            error);
      if (stmt == NULL)
        return FALSE;
    }
  else
    {
      stmt = store_prepare (self,
                            "INSERT INTO section (consortium_id, key, json) "
                            "VALUES (:consortium_id, :key, :json) "
                            "ON CONFLICT (consortium_id, key) DO UPDATE SET json = excluded.json",
                            error);
      if (stmt == NULL)
        return FALSE;

      json = json_to_string (node, FALSE);
      bind_text (stmt, ":json", json);
    }

  bind_int64 (stmt, ":consortium_id", consortium_id);
  bind_text (stmt, ":key", key);

  return store_step_done (self, stmt, error);
}

static gboolean
count_members (CwbStore  *self,
               gint64     consortium_id,
               guint     *n_members,
               GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT count(*) FROM member WHERE consortium_id = :consortium_id", error);
  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":consortium_id", consortium_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *n_members = has_row ? (guint) sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

static GPtrArray *
read_members (CwbStore  *self,
              gint64     consortium_id,
              guint      first_position,
              guint      limit,
              GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  stmt = store_prepare (self,
                        "SELECT " MEMBER_COLUMNS " FROM member "
                        "WHERE consortium_id = :consortium_id AND position >= :first "
                        "ORDER BY position LIMIT :limit",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_int64 (stmt, ":consortium_id", consortium_id);
  bind_int64 (stmt, ":first", first_position);
  bind_int64 (stmt, ":limit", limit);

  while (store_step_row (self, stmt, &has_row, error))
    {
      CwbMember *member;

      if (!has_row)
        return g_steal_pointer (&members);

      member = member_from_row (self, stmt, error);
      if (member == NULL)
        return NULL;
      g_ptr_array_add (members, member);
    }

  return NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cwb_store_dispose (GObject *object)
{
  CwbStore *self = (CwbStore *) object;

  g_clear_object (&self->consortia);

  G_OBJECT_CLASS (cwb_store_parent_class)->dispose (object);
}

static void
cwb_store_finalize (GObject *object)
{
  CwbStore *self = (CwbStore *) object;
  GHashTableIter iter;
  gpointer statement;

  /* a plugin may still hold one of its statements: it dies with the store */
  g_hash_table_iter_init (&iter, self->plugin_statements);
  while (g_hash_table_iter_next (&iter, NULL, &statement))
    _cwb_statement_detach (statement);
  g_clear_pointer (&self->plugin_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->auth_refusal, g_free);

  if (self->db != NULL)
    {
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }

  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (cwb_store_parent_class)->finalize (object);
}

static void
cwb_store_class_init (CwbStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_store_dispose;
  object_class->finalize = cwb_store_finalize;

  /**
   * CwbStore::changed:
   * @self: the store
   * @kind: a #CwbChange: what changed
   * @consortium_id: the consortium it is about
   *
   * Emitted after a write committed, synchronously, before the function
   * that wrote returns.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, CWB_TYPE_CHANGE, G_TYPE_INT64);
}

static void
cwb_store_init (CwbStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, statement_finalize);
  self->plugin_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

/* ------------------------------------------------------------------ */
/* public API                                                          */

/**
 * cwb_store_dup_default_path:
 *
 * Returns: (transfer full): `$CWB_DATA_DIR/workbench.db` when CWB_DATA_DIR
 *   is set, else `$XDG_DATA_HOME/consortium-workbench/workbench.db`
 */
char *
cwb_store_dup_default_path (void)
{
  const char *data_dir = g_getenv ("CWB_DATA_DIR");

  if (data_dir != NULL && data_dir[0] != '\0')
    return g_build_filename (data_dir, "workbench.db", NULL);

  return g_build_filename (g_get_user_data_dir (), "consortium-workbench", "workbench.db", NULL);
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not create the workspace database “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  /* the umask may have taken bits away, never added any */
  g_close (fd, NULL);

  return TRUE;
}

/* Takes the group's and others' access away from @path when it is a file
 * (or, with @folder, a folder) that has any: a database written by an
 * older version, or copied in with loose modes. A symbolic link is left
 * alone (never follow it to change something else), and so is a folder
 * with the sticky bit, which is shared (/tmp). Best effort: a file of
 * another user is opened as it is. */
static void
tighten_mode (const char *path,
              gboolean    folder)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 ||
      !(folder ? S_ISDIR (st.st_mode) : S_ISREG (st.st_mode)) ||
      (st.st_mode & 077) == 0 ||
      (st.st_mode & S_ISVTX) != 0)
    return;

  if (g_chmod (path, st.st_mode & 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("Could not make %s private: %s", path, g_strerror (saved_errno));
    }
}

/* Whether @dir is the application's own data folder (that of
 * cwb_store_dup_default_path()), whose mode is ours to set; a folder a
 * database was merely put in (--db /tmp/x.db) is not. */
static gboolean
is_own_data_folder (const char *dir)
{
  g_autofree char *default_path = cwb_store_dup_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *own = g_canonicalize_filename (default_dir, NULL);
  g_autofree char *given = g_canonicalize_filename (dir, NULL);

  return g_str_equal (own, given);
}

/* Makes the database, its -wal and -shm 0600 at most, and its folder 0700
 * when it is the application's own. */
static void
tighten_modes (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  if (is_own_data_folder (dir))
    tighten_mode (dir, TRUE);
  tighten_mode (path, FALSE);
  tighten_mode (wal, FALSE);
  tighten_mode (shm, FALSE);
}

/*
 * How to read @path without writing a byte, for the version probe and
 * cwb_store_open_read_only(). A read-only connection to a WAL database
 * would still create the -wal and -shm files and leave them behind, and
 * would rebuild a -shm no other connection has open. So:
 *  - no -wal (and no rollback journal): everything is in the file, which
 *    "immutable" reads without creating either file (this also works in a
 *    folder that cannot be written, where SQLite could not create them);
 *  - a -wal and its -shm: the -wal may hold commits the file does not yet
 *    have; "readonly_shm" reads them, through SQLite's locks when another
 *    connection is live, else from a private copy of the index, and never
 *    writes the -shm;
 *  - otherwise (a -wal without -shm, a hot journal): a plain read-only
 *    connection, which may have to create the -shm.
 */
static char *
dup_read_only_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  const char *query;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS) && !g_file_test (journal, G_FILE_TEST_EXISTS))
    query = "immutable=1";
  else if (g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_test (shm, G_FILE_TEST_EXISTS))
    query = "mode=ro&readonly_shm=1";
  else
    query = "mode=ro";

  return g_strdup_printf ("file://%s?%s", escaped, query);
}

static void
set_open_error (const char  *path,
                sqlite3     *db,
                int          rc,
                GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
               _("Could not open the workspace database “%s”: %s"),
               path, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

/* The connection settings every connection of a store has; @no_checkpoint:
 * closing it never checkpoints (which would write the file) */
static void
configure_connection (sqlite3  *db,
                      gboolean  no_checkpoint)
{
  sqlite3_extended_result_codes (db, TRUE);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, no_checkpoint ? 1 : 0, NULL);
}

/* (transfer full): a connection that only reads @path (dup_read_only_uri()) */
static sqlite3 *
open_reader (const char  *path,
             GError     **error)
{
  g_autofree char *uri = dup_read_only_uri (path);
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, db, rc, error);
      sqlite3_close (db);
      return NULL;
    }

  configure_connection (db, TRUE);

  return db;
}

/* PRAGMA user_version of @db, an open connection to @path, with a message
 * fit to show when it is no database; then refuses a newer schema. */
static gboolean
read_known_version (sqlite3     *db,
                    const char  *path,
                    int         *version,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int ours = _cwb_store_get_schema_version ();
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      if (sqlite3_errcode (db) == SQLITE_NOTADB)
        g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                     _("“%s” is not a workspace database (%s)"),
                     path, sqlite3_errmsg (db));
      else
        g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                     _("Could not read the workspace database “%s”: %s"),
                     path, sqlite3_errmsg (db));
      return FALSE;
    }

  if (*version > ours)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA,
                   _("The workspace database “%s” was written by a newer version of this "
                     "application (schema %d; this version knows schema %d). It was left unchanged."),
                   path, *version, ours);
      return FALSE;
    }

  return TRUE;
}

/* The schema version of @path, read without writing anything. */
static gboolean
probe_version (const char  *path,
               int         *version,
               GError     **error)
{
  sqlite3 *db = open_reader (path, error);
  gboolean known;

  if (db == NULL)
    return FALSE;

  known = read_known_version (db, path, version, error);
  sqlite3_close (db);

  return known;
}

/**
 * cwb_store_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens (creating it and its folder if needed) and migrates the workspace
 * database. The folder is created 0700 and the file 0600; SQLite gives its
 * -wal and -shm files the mode of the database. An existing file, -wal or
 * -shm readable by others is made 0600, and the folder 0700 when it is the
 * application's own (that of cwb_store_dup_default_path(); never one a
 * database was put in by its path). Nothing is written before the schema
 * version is known, and it is read without a writable connection: a
 * database of a newer schema fails with %CWB_ERROR_NEWER_SCHEMA and is left
 * byte-for-byte untouched, its -wal and -shm too.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CwbStore *
cwb_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(CwbStore) self = NULL;
  g_autofree char *dir = NULL;
  int version;
  int ours = _cwb_store_get_schema_version ();
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  if (!create_private_file (path, error))
    return NULL;

  /* A writable connection that closes checkpoints a pending -wal into the
   * file (and removes the -wal): the version is known before there is one. */
  if (!probe_version (path, &version, error))
    return NULL;

  tighten_modes (path);

  self = g_object_new (CWB_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_open_error (path, self->db, rc, error);
      return NULL;
    }

  /* Only reads until the version is known again (another process may have
   * upgraded the file since the probe), and closes without a checkpoint
   * until then: journal_mode=WAL alone would rewrite the header of a file
   * we must not touch. */
  configure_connection (self->db, TRUE);
  if (!read_known_version (self->db, path, &version, error))
    return NULL;
  configure_connection (self->db, FALSE);

  if (!store_exec_cached (self, "PRAGMA journal_mode = WAL", error) ||
      !store_exec_cached (self, "PRAGMA foreign_keys = ON", error) ||
      !store_exec_cached (self, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (version < ours && !apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* (transfer full): a database in memory with what @reader reads; one read
 * transaction, so a consistent copy even while another process writes */
static sqlite3 *
copy_into_memory (const char  *path,
                  sqlite3     *reader,
                  GError     **error)
{
  sqlite3 *memory = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (":memory:", &memory,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (memory, "main", reader, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (memory);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("Could not read the workspace database “%s”: %s"),
                   path, sqlite3_errstr (rc));
      sqlite3_close (memory);
      return NULL;
    }

  configure_connection (memory, TRUE);

  return memory;
}

/**
 * cwb_store_open_read_only:
 * @path: an existing database file
 * @error: return location for a #GError
 *
 * Opens a workspace database only to read it, for what never changes it
 * (`check --db`, `export`). Nothing is written or created — not the file,
 * not its -wal or -shm, not its folder — so this also works when the file
 * or its folder cannot be written; commits still in the -wal are read.
 * Every write fails with %CWB_ERROR_READ_ONLY: the store's own, a
 * plugin's statements and cwb_store_run_in_transaction(). On a database of
 * this version's schema, cwb_store_migrate_plugin() writes nothing either:
 * it succeeds when the plugin's tables are current and fails with
 * %CWB_ERROR_READ_ONLY when they are missing or older (the plugin then
 * has nothing to read).
 *
 * A database of an older schema is not refused: it is copied into memory
 * (SQLite's backup, one consistent read) and migrated there, plugins'
 * tables included, so it reads as the migrated file would; the file stays
 * as it is. A database of a newer schema fails with
 * %CWB_ERROR_NEWER_SCHEMA, no file with %CWB_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CwbStore *
cwb_store_open_read_only (const char  *path,
                          GError     **error)
{
  g_autoptr(CwbStore) self = NULL;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no workspace database “%s”"), path);
      return NULL;
    }

  self = g_object_new (CWB_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = TRUE;

  if ((self->db = open_reader (path, error)) == NULL ||
      !read_known_version (self->db, path, &version, error))
    return NULL;

  if (version < _cwb_store_get_schema_version ())
    {
      sqlite3 *memory = copy_into_memory (path, self->db, error);
      gboolean migrated;

      if (memory == NULL)
        return NULL;

      /* no statement of the store was prepared on the reader yet */
      sqlite3_close (self->db);
      self->db = memory;
      self->in_memory = TRUE;

      if (!store_exec_cached (self, "PRAGMA foreign_keys = ON", error))
        return NULL;

      self->migrating = TRUE;
      migrated = apply_migrations (self, error);
      self->migrating = FALSE;
      if (!migrated)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cwb_store_is_read_only:
 * @self: a #CwbStore
 *
 * Returns: whether @self was opened with cwb_store_open_read_only()
 */
gboolean
cwb_store_is_read_only (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);

  return self->read_only;
}

const char *
cwb_store_get_path (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return self->path;
}

/**
 * cwb_store_get_consortia:
 * @self: a #CwbStore
 *
 * Built on the first call, then kept up to date.
 *
 * Returns: (transfer none): a #GListModel of #CwbConsortium (id, name and
 *   industry only) sorted by name
 */
GListModel *
cwb_store_get_consortia (CwbStore *self)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  if (self->consortia == NULL)
    {
      self->consortia = g_list_store_new (CWB_TYPE_CONSORTIUM);
      consortia_reload (self);
    }

  return G_LIST_MODEL (self->consortia);
}

gint64
cwb_store_lookup_consortium (CwbStore   *self,
                             const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!lookup_consortium (self, name, &id, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }

  return id;
}

static CwbConsortium *
load_consortium (CwbStore  *self,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) exceptions = NULL;
  gboolean has_row;

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "SELECT name, industry, scientific_problems, key_technologies, "
                          "transformation_results, landmark_results, standards, has_organization, "
                          "decision_body, advisory_body, executive_body, executive_permanent, "
                          "executive_fulltime_staff, has_fund_management, fund_system, "
                          "fund_internal_supervision FROM consortium WHERE id = :id",
                          error);
    if (stmt == NULL)
      return NULL;

    bind_int64 (stmt, ":id", id);
    if (!store_step_row (self, stmt, &has_row, error))
      return NULL;

    if (!has_row)
      {
        set_no_consortium_error (id, error);
        return NULL;
      }

    consortium = cwb_consortium_new ();
    cwb_consortium_set_id (consortium, id);
    cwb_consortium_set_name (consortium, column_text (stmt, 0));
    cwb_consortium_set_industry (consortium, column_text (stmt, 1));

    if (!column_list (self, stmt, 2, "scientific_problems", consortium,
                      cwb_consortium_set_scientific_problems, error) ||
        !column_list (self, stmt, 3, "key_technologies", consortium,
                      cwb_consortium_set_key_technologies, error) ||
        !column_list (self, stmt, 4, "transformation_results", consortium,
                      cwb_consortium_set_transformation_results, error) ||
        !column_list (self, stmt, 5, "landmark_results", consortium,
                      cwb_consortium_set_landmark_results, error) ||
        !column_records (self, stmt, 6, _cwb_standards_from_json,
                         cwb_consortium_get_standards (consortium), NULL, error))
      return NULL;

    cwb_consortium_set_has_organization (consortium, sqlite3_column_int (stmt, 7) != 0);
    cwb_consortium_set_decision_body (consortium, column_text (stmt, 8));
    cwb_consortium_set_advisory_body (consortium, column_text (stmt, 9));
    cwb_consortium_set_executive_body (consortium, column_text (stmt, 10));
    cwb_consortium_set_executive_permanent (consortium, sqlite3_column_int (stmt, 11) != 0);
    cwb_consortium_set_executive_fulltime_staff (consortium, (int) column_figure (stmt, 12));
    cwb_consortium_set_has_fund_management (consortium, sqlite3_column_int (stmt, 13) != 0);
    cwb_consortium_set_fund_system (consortium, sqlite3_column_int (stmt, 14) != 0);
    cwb_consortium_set_fund_internal_supervision (consortium, sqlite3_column_int (stmt, 15) != 0);
  }

  members = read_members (self, id, 0, G_MAXUINT, error);
  if (members == NULL)
    return NULL;

  for (guint i = 0; i < members->len; i++)
    cwb_consortium_add_member (consortium, g_ptr_array_index (members, i));

  exceptions = read_exceptions (self, id, error);
  if (exceptions == NULL)
    return NULL;

  for (guint i = 0; i < exceptions->len; i++)
    g_ptr_array_add (cwb_consortium_get_exceptions (consortium),
                     cwb_exception_copy (g_ptr_array_index (exceptions, i)));

  {
    g_autoptr(GPtrArray) events = read_lifecycle (self, id, error);

    if (events == NULL)
      return NULL;

    g_ptr_array_extend_and_steal (cwb_consortium_get_lifecycle (consortium), g_steal_pointer (&events));
  }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "SELECT key, json FROM section WHERE consortium_id = :consortium_id ORDER BY key",
                          error);
    if (stmt == NULL)
      return NULL;

    bind_int64 (stmt, ":consortium_id", id);

    while (store_step_row (self, stmt, &has_row, error))
      {
        g_autoptr(JsonNode) node = NULL;
        g_autoptr(GError) parse_error = NULL;

        if (!has_row)
          return g_steal_pointer (&consortium);

        node = json_from_column (column_text (stmt, 1), &parse_error);
        if (node == NULL)
          {
            g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                         _("The section “%s” in the workspace database “%s” is damaged: %s"),
                         column_text (stmt, 0), self->path, parse_error->message);
            return NULL;
          }

        cwb_consortium_set_section (consortium, column_text (stmt, 0), node);
      }
  }

  return NULL;
}

/* A new row with the consortium's own fields; @id: (out) */
static gboolean
insert_consortium_row (CwbStore       *self,
                       CwbConsortium  *consortium,
                       gint64         *id,
                       GError        **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  stmt = store_prepare (self,
                        "INSERT INTO consortium (name, industry, scientific_problems, key_technologies, "
                        "transformation_results, landmark_results, standards, has_organization, "
                        "decision_body, advisory_body, executive_body, executive_permanent, "
                        "executive_fulltime_staff, has_fund_management, fund_system, "
                        "fund_internal_supervision) "
                        "VALUES (:name, :industry, :scientific_problems, :key_technologies, "
                        ":transformation_results, :landmark_results, :standards, :has_organization, "
                        ":decision_body, :advisory_body, :executive_body, :executive_permanent, "
                        ":executive_fulltime_staff, :has_fund_management, :fund_system, "
                        ":fund_internal_supervision)",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_consortium (stmt, consortium);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (is_unique_violation (self))
        set_duplicate_name_error (cwb_consortium_get_name (consortium), error);
      else
        set_store_error (self, error);
      return FALSE;
    }

  *id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

/* The consortium's own fields (not members, exceptions or sections) on
 * the row @id */
static gboolean
update_consortium_row (CwbStore       *self,
                       gint64          id,
                       CwbConsortium  *consortium,
                       GError        **error)
{
  g_autoptr(StoreStatement) stmt = NULL;

  stmt = store_prepare (self,
                        "UPDATE consortium SET name = :name, industry = :industry, "
                        "scientific_problems = :scientific_problems, key_technologies = :key_technologies, "
                        "transformation_results = :transformation_results, "
                        "landmark_results = :landmark_results, standards = :standards, "
                        "has_organization = :has_organization, decision_body = :decision_body, "
                        "advisory_body = :advisory_body, executive_body = :executive_body, "
                        "executive_permanent = :executive_permanent, "
                        "executive_fulltime_staff = :executive_fulltime_staff, "
                        "has_fund_management = :has_fund_management, fund_system = :fund_system, "
                        "fund_internal_supervision = :fund_internal_supervision, "
                        "modified = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') "
                        "WHERE id = :id",
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_consortium (stmt, consortium);
  bind_int64 (stmt, ":id", id);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (is_unique_violation (self))
        set_duplicate_name_error (cwb_consortium_get_name (consortium), error);
      else
        set_store_error (self, error);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      set_no_consortium_error (id, error);
      return FALSE;
    }

  return TRUE;
}

/* Before a replacement is written in place: the members, sections and
 * (when @lifecycle_too) lifecycle steps of @id. Exceptions are rewritten
 * by write_exceptions(). */
static gboolean
clear_for_replace (CwbStore  *self,
                   gint64     id,
                   gboolean   lifecycle_too,
                   GError   **error)
{
  static const char * const sql[] = {
    "DELETE FROM member WHERE consortium_id = :consortium_id",
    "DELETE FROM section WHERE consortium_id = :consortium_id",
    "DELETE FROM lifecycle_event WHERE consortium_id = :consortium_id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(StoreStatement) stmt = NULL;

      if (i == 2 && !lifecycle_too)
        break;

      stmt = store_prepare (self, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      bind_int64 (stmt, ":consortium_id", id);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cwb_store_load_consortium:
 * @self: a #CwbStore
 * @id: the consortium's id
 * @error: return location for a #GError
 *
 * Reads one consortium whole (members in position order, exceptions,
 * sections) from one consistent snapshot.
 *
 * Returns: (transfer full): the consortium, or %NULL with @error set
 *   (%CWB_ERROR_NOT_FOUND when there is none with that id)
 */
CwbConsortium *
cwb_store_load_consortium (CwbStore  *self,
                           gint64     id,
                           GError   **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!store_begin_read (self, error))
    return NULL;

  consortium = load_consortium (self, id, error);

  /* a read transaction: ending it cannot lose anything */
  if (consortium == NULL)
    store_rollback (self);
  else if (!store_commit (self, error))
    {
      store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&consortium);
}

gboolean
cwb_store_import_consortium (CwbStore       *self,
                             CwbConsortium  *consortium,
                             gboolean        replace,
                             GError        **error)
{
  g_autoptr(GArray) member_ids = NULL;
  g_autoptr(GPtrArray) kept_lifecycle = NULL;
  g_autoptr(GList) keys = NULL;
  GPtrArray *members;
  const char *name;
  gint64 old_id = 0;
  gint64 new_id;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_consortium_name (consortium, error))
    return FALSE;

  name = cwb_consortium_get_name (consortium);
  members = cwb_consortium_get_members (consortium);
  member_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), members->len);

  if (!store_begin (self, error))
    return FALSE;

  if (!lookup_consortium (self, name, &old_id, error))
    goto failed;

  if (old_id != 0)
    {
      if (!replace)
        {
          set_duplicate_name_error (name, error);
          goto failed;
        }

      /* a file without steps (a lead's new version of its application)
       * does not take back what staff recorded */
      if (cwb_consortium_get_lifecycle (consortium)->len == 0)
        {
          kept_lifecycle = read_lifecycle (self, old_id, error);
          if (kept_lifecycle == NULL)
            goto failed;
        }

      /* in place: the consortium keeps its id, and with it what the
       * workspace keeps of it beyond the file (the plugins' own rows:
       * signature scans, the chief experts' history, reviewers and their
       * opinions) */
      if (!update_consortium_row (self, old_id, consortium, error) ||
          !clear_for_replace (self, old_id, kept_lifecycle == NULL, error))
        goto failed;
      new_id = old_id;
    }
  else if (!insert_consortium_row (self, consortium, &new_id, error))
    goto failed;

  for (guint i = 0; i < members->len; i++)
    {
      gint64 member_id;

      if (!insert_member_row (self, new_id, i, g_ptr_array_index (members, i), &member_id, error))
        goto failed;

      g_array_append_val (member_ids, member_id);
    }

  if (!write_exceptions (self, new_id, consortium, error) ||
      (kept_lifecycle == NULL && !write_lifecycle (self, new_id, cwb_consortium_get_lifecycle (consortium), error)))
    goto failed;

  keys = cwb_consortium_list_sections (consortium);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!write_section (self, new_id, key, cwb_consortium_get_section (consortium, key), error))
        goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  /* committed: now the objects and the views learn about it */
  cwb_consortium_set_id (consortium, new_id);
  if (kept_lifecycle != NULL)
    g_ptr_array_extend_and_steal (cwb_consortium_get_lifecycle (consortium), g_steal_pointer (&kept_lifecycle));
  for (guint i = 0; i < members->len; i++)
    cwb_member_set_id (g_ptr_array_index (members, i), g_array_index (member_ids, gint64, i));

  if (old_id != 0)
    consortia_remove (self, old_id);
  consortia_add (self, consortium);

  emit_changes (self, &(PendingChange) { CWB_CHANGE_CONSORTIUM, new_id }, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

gboolean
cwb_store_update_consortium (CwbStore       *self,
                             CwbConsortium  *consortium,
                             GError        **error)
{
  g_autoptr(GPtrArray) old_exceptions = NULL;
  gboolean exceptions_changed;
  gint64 id;
  PendingChange changes[2];
  guint n_changes = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_consortium_name (consortium, error))
    return FALSE;

  id = cwb_consortium_get_id (consortium);

  if (!store_begin (self, error))
    return FALSE;

  if (!update_consortium_row (self, id, consortium, error))
    goto failed;

  old_exceptions = read_exceptions (self, id, error);
  if (old_exceptions == NULL)
    goto failed;

  exceptions_changed = !exceptions_equal (old_exceptions, cwb_consortium_get_exceptions (consortium));
  if (exceptions_changed && !write_exceptions (self, id, consortium, error))
    goto failed;

  if (!store_commit (self, error))
    goto failed;

  consortia_remove (self, id);
  consortia_add (self, consortium);

  changes[n_changes++] = (PendingChange) { CWB_CHANGE_CONSORTIUM, id };
  if (exceptions_changed)
    changes[n_changes++] = (PendingChange) { CWB_CHANGE_SECTION, id };

  emit_changes (self, changes, n_changes);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

gboolean
cwb_store_delete_consortium (CwbStore  *self,
                             gint64     id,
                             GError   **error)
{
  gboolean deleted = FALSE;
  PendingChange change = { CWB_CHANGE_CONSORTIUM, id };

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!delete_consortium_row (self, id, &deleted, error))
    goto failed;

  if (!deleted)
    {
      set_no_consortium_error (id, error);
      goto failed;
    }

  if (!store_commit (self, error))
    goto failed;

  consortia_remove (self, id);
  emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_list_members:
 * @self: a #CwbStore
 * @consortium_id: the consortium
 *
 * Returns: (transfer full): a lazy #GListModel of the consortium's
 *   #CwbMember in position order
 */
CwbMemberList *
cwb_store_list_members (CwbStore *self,
                        gint64    consortium_id)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return _cwb_member_list_new (self, consortium_id);
}

gboolean
cwb_store_insert_member (CwbStore   *self,
                         gint64      consortium_id,
                         guint       position,
                         CwbMember  *member,
                         GError    **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, consortium_id };
  gint64 member_id;
  guint n_members;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_member (member, error))
    return FALSE;

  if (!store_begin (self, error))
    return FALSE;

  if (!consortium_exists (self, consortium_id, error) ||
      !count_members (self, consortium_id, &n_members, error))
    goto failed;

  position = MIN (position, n_members);

  if (position < n_members)
    {
      g_autoptr(StoreStatement) stmt = NULL;

      stmt = store_prepare (self,
                            "UPDATE member SET position = position + 1 "
                            "WHERE consortium_id = :consortium_id AND position >= :position",
                            error);
      if (stmt == NULL)
        goto failed;

      bind_int64 (stmt, ":consortium_id", consortium_id);
      bind_int64 (stmt, ":position", position);
      if (!store_step_done (self, stmt, error))
        goto failed;
    }

  if (!insert_member_row (self, consortium_id, position, member, &member_id, error) ||
      !touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  cwb_member_set_id (member, member_id);
  emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

static gboolean
locate_member (CwbStore  *self,
               gint64     member_id,
               gint64    *consortium_id,
               guint     *position,
               GError   **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT consortium_id, position FROM member WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;

  bind_int64 (stmt, ":id", member_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  if (!has_row)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("There is no member with id %lld in the workspace"), (long long) member_id);
      return FALSE;
    }

  *consortium_id = sqlite3_column_int64 (stmt, 0);
  *position = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

gboolean
cwb_store_update_member (CwbStore   *self,
                         CwbMember  *member,
                         GError    **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, 0 };
  guint position;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (CWB_IS_MEMBER (member), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_member (member, error))
    return FALSE;

  if (!store_begin (self, error))
    return FALSE;

  if (!locate_member (self, cwb_member_get_id (member), &change.consortium_id, &position, error))
    goto failed;

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "UPDATE member SET uscc = :uscc, name = :name, kind = :kind, lead = :lead, "
                          "independent_legal_person = :independent_legal_person, "
                          "registered_in_hainan = :registered_in_hainan, "
                          "stationed_in_hainan = :stationed_in_hainan, "
                          "above_designated_size = :above_designated_size, high_tech = :high_tech, "
                          "cooperation_basis = :cooperation_basis, capability = :capability, "
                          "established = :established, revenue = :revenue, "
                          "rd_staff_fulltime = :rd_staff_fulltime, platforms = :platforms, "
                          "fiscal_years = :fiscal_years "
                          "WHERE id = :id",
                          error);
    if (stmt == NULL)
      goto failed;

    bind_member (stmt, member);
    bind_int64 (stmt, ":id", cwb_member_get_id (member));

    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        if (is_unique_violation (self))
          set_duplicate_uscc_error (cwb_member_get_uscc (member), error);
        else
          set_store_error (self, error);
        goto failed;
      }
  }

  if (!touch_consortium (self, change.consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_remove_member:
 * @self: a store
 * @member_id: the id of the member to remove
 * @position: (out) (optional): where it was in its consortium, for an undo
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the member was removed
 */
gboolean
cwb_store_remove_member (CwbStore  *self,
                         gint64     member_id,
                         guint     *position,
                         GError   **error)
{
  PendingChange change = { CWB_CHANGE_MEMBERS, 0 };
  guint old_position;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!locate_member (self, member_id, &change.consortium_id, &old_position, error))
    goto failed;

  {
    g_autoptr(StoreStatement) stmt = store_prepare (self, "DELETE FROM member WHERE id = :id", error);

    if (stmt == NULL)
      goto failed;

    bind_int64 (stmt, ":id", member_id);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "UPDATE member SET position = position - 1 "
                          "WHERE consortium_id = :consortium_id AND position > :position",
                          error);
    if (stmt == NULL)
      goto failed;

    bind_int64 (stmt, ":consortium_id", change.consortium_id);
    bind_int64 (stmt, ":position", old_position);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  if (!touch_consortium (self, change.consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  if (position != NULL)
    *position = old_position;

  emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_get_section:
 * @self: a #CwbStore
 * @consortium_id: the consortium
 * @key: the section's key
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the section, or %NULL (without an
 *   error) when the consortium has none of that key
 */
JsonNode *
cwb_store_get_section (CwbStore    *self,
                       gint64       consortium_id,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *node;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT json FROM section WHERE consortium_id = :consortium_id AND key = :key",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_int64 (stmt, ":consortium_id", consortium_id);
  bind_text (stmt, ":key", key);

  if (!store_step_row (self, stmt, &has_row, error) || !has_row)
    return NULL;

  node = json_from_column (column_text (stmt, 0), &parse_error);
  if (node == NULL)
    g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                 _("The section “%s” in the workspace database “%s” is damaged: %s"),
                 key, self->path, parse_error->message);

  return node;
}

gboolean
cwb_store_set_section (CwbStore    *self,
                       gint64       consortium_id,
                       const char  *key,
                       JsonNode    *node,
                       GError     **error)
{
  PendingChange change = { CWB_CHANGE_SECTION, consortium_id };

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!consortium_exists (self, consortium_id, error) ||
      !write_section (self, consortium_id, key, node, error) ||
      !touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }

  emit_changes (self, &change, 1);

  return TRUE;
}

/**
 * cwb_store_get_lifecycle:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CwbStageEvent): the recorded steps
 *   of its review and term, oldest first; %NULL on error
 */
GPtrArray *
cwb_store_get_lifecycle (CwbStore    *self,
                         gint64       consortium_id,
                         GError     **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_lifecycle (self, consortium_id, error);
}

/**
 * cwb_store_append_stage_event:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @event: the step to record
 * @today: (nullable): today's date, which @event's date must not pass
 * @error: return location for a #GError
 *
 * Records the next step of a consortium's review or term, after checking
 * it with cwb_lifecycle_check_next() against the recorded steps
 * (%CWB_ERROR_INVALID with a message fit to show). Emits "changed" with
 * %CWB_CHANGE_LIFECYCLE.
 *
 * Returns: %TRUE if it was recorded
 */
gboolean
cwb_store_append_stage_event (CwbStore             *self,
                              gint64                consortium_id,
                              const CwbStageEvent  *event,
                              const char           *today,
                              GError              **error)
{
  PendingChange change = { CWB_CHANGE_LIFECYCLE, consortium_id };
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!consortium_exists (self, consortium_id, error) ||
      (events = read_lifecycle (self, consortium_id, error)) == NULL ||
      !cwb_lifecycle_check_next (events, event, today, error) ||
      !insert_stage_event_row (self, consortium_id, events->len, event, error) ||
      !touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }

  consortia_touch (self, consortium_id);
  emit_changes (self, &change, 1);

  return TRUE;
}

/**
 * cwb_store_remove_last_stage_event:
 * @self: a #CwbStore
 * @consortium_id: a consortium
 * @removed: (out) (optional) (transfer full): the step taken back, for an undo
 * @error: return location for a #GError
 *
 * Takes back the last recorded step (a step recorded by mistake);
 * %CWB_ERROR_NOT_FOUND when none was recorded. Emits "changed" with
 * %CWB_CHANGE_LIFECYCLE.
 *
 * Returns: %TRUE if a step was taken back
 */
gboolean
cwb_store_remove_last_stage_event (CwbStore       *self,
                                   gint64          consortium_id,
                                   CwbStageEvent **removed,
                                   GError        **error)
{
  PendingChange change = { CWB_CHANGE_LIFECYCLE, consortium_id };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(StoreStatement) delete = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (removed != NULL)
    *removed = NULL;

  if (!store_begin (self, error))
    return FALSE;

  if (!consortium_exists (self, consortium_id, error) ||
      (events = read_lifecycle (self, consortium_id, error)) == NULL)
    goto failed;

  if (events->len == 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("No step of the review or term has been recorded"));
      goto failed;
    }

  delete = store_prepare (self,
                          "DELETE FROM lifecycle_event "
                          "WHERE consortium_id = :consortium_id AND position = :position",
                          error);
  if (delete == NULL)
    goto failed;

  bind_int64 (delete, ":consortium_id", consortium_id);
  bind_int64 (delete, ":position", events->len - 1);

  if (!store_step_done (self, delete, error) ||
      !touch_consortium (self, consortium_id, error) ||
      !store_commit (self, error))
    goto failed;

  if (removed != NULL)
    *removed = g_ptr_array_steal_index (events, events->len - 1);

  consortia_touch (self, consortium_id);
  emit_changes (self, &change, 1);

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_find_consortia_led_by:
 * @self: a #CwbStore
 * @uscc: a unified social credit code
 * @except_id: a consortium to leave out (the one being checked), or 0
 *
 * Returns: (transfer full): the names, sorted, of the consortia other than
 *   @except_id whose lead member has @uscc; empty when there are none
 */
char **
cwb_store_find_consortia_led_by (CwbStore   *self,
                                 const char *uscc,
                                 gint64      except_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(StoreStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_row;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);

  stmt = store_prepare (self,
                        "SELECT DISTINCT c.name FROM member AS m "
                        "JOIN consortium AS c ON c.id = m.consortium_id "
                        "WHERE m.lead AND m.uscc = :uscc AND c.id != :except_id "
                        "ORDER BY c.name",
                        &error);
  if (stmt != NULL)
    {
      bind_text (stmt, ":uscc", uscc);
      bind_int64 (stmt, ":except_id", except_id);

      while (store_step_row (self, stmt, &has_row, &error) && has_row)
        g_strv_builder_add (builder, column_text (stmt, 0));
    }

  if (error != NULL)
    g_warning ("%s", error->message);

  return g_strv_builder_end (builder);
}

static gboolean
read_plugin_version (CwbStore    *self,
                     const char  *plugin_id,
                     int         *version,
                     GError     **error)
{
  g_autoptr(StoreStatement) stmt = NULL;
  gboolean has_row;

  stmt = store_prepare (self, "SELECT version FROM plugin_schema WHERE plugin_id = :plugin_id", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, ":plugin_id", plugin_id);
  if (!store_step_row (self, stmt, &has_row, error))
    return FALSE;

  *version = has_row ? sqlite3_column_int (stmt, 0) : 0;

  return TRUE;
}

static void
set_plugin_newer_error (const char  *plugin_id,
                        int          version,
                        guint        n_steps,
                        GError     **error)
{
  g_set_error (error, CWB_ERROR, CWB_ERROR_NEWER_SCHEMA,
               _("The tables of the plugin “%s” were written by a newer version of it "
                 "(schema %d; this version knows schema %u)"),
               plugin_id, version, n_steps);
}

/* On a store open read-only on its file: only whether the plugin's
 * tables are current, without a transaction (one that writes nothing). */
static gboolean
check_plugin_current (CwbStore    *self,
                      const char  *plugin_id,
                      guint        n_steps,
                      GError     **error)
{
  int version;

  if (!read_plugin_version (self, plugin_id, &version, error))
    return FALSE;

  if (version > (int) n_steps)
    {
      set_plugin_newer_error (plugin_id, version, n_steps, error);
      return FALSE;
    }

  if (version < (int) n_steps)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_READ_ONLY,
                   _("The tables of the plugin “%s” are missing or older (schema %d, not %u), "
                     "and the workspace database “%s” is open only for reading"),
                   plugin_id, version, n_steps, self->path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate_plugin (CwbStore            *self,
                const char          *plugin_id,
                const char * const  *steps,
                guint                n_steps,
                GError             **error)
{
  int version;

  if (!store_begin (self, error))
    return FALSE;

  if (!read_plugin_version (self, plugin_id, &version, error))
    goto failed;

  if (version > (int) n_steps)
    {
      set_plugin_newer_error (plugin_id, version, n_steps, error);
      goto failed;
    }

  if (version == (int) n_steps)
    return store_commit (self, error) || (store_rollback (self), FALSE);

  for (guint i = version; i < n_steps; i++)
    {
      char *message = NULL;

      if (sqlite3_exec (self->db, steps[i], NULL, NULL, &message) != SQLITE_OK)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                       _("Could not update the tables of the plugin “%s” to schema %u: %s"),
                       plugin_id, i + 1, message);
          sqlite3_free (message);
          goto failed;
        }

      /* a step must not end the transaction it runs in */
      if (sqlite3_get_autocommit (self->db))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                       _("Step %u of the plugin “%s” ended the transaction it runs in"),
                       i + 1, plugin_id);
          goto failed;
        }
    }

  {
    g_autoptr(StoreStatement) stmt = NULL;

    stmt = store_prepare (self,
                          "INSERT INTO plugin_schema (plugin_id, version) VALUES (:plugin_id, :version) "
                          "ON CONFLICT (plugin_id) DO UPDATE SET version = excluded.version",
                          error);
    if (stmt == NULL)
      goto failed;

    bind_text (stmt, ":plugin_id", plugin_id);
    bind_int64 (stmt, ":version", n_steps);
    if (!store_step_done (self, stmt, error))
      goto failed;
  }

  if (!store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  store_rollback (self);
  return FALSE;
}

/**
 * cwb_store_migrate_plugin:
 * @self: a #CwbStore
 * @plugin_id: the plugin's module name
 * @steps: (array zero-terminated=1): @steps[i] brings the plugin's schema
 *   from version i to i + 1
 * @error: return location for a #GError
 *
 * Runs the steps the database has not seen yet, all in one transaction,
 * and records the plugin's new version; a failing step leaves everything
 * (tables and version) as it was. A database whose version for the plugin
 * is higher than the number of steps fails with %CWB_ERROR_NEWER_SCHEMA.
 *
 * On a store opened with cwb_store_open_read_only(), nothing is written:
 * current tables succeed, missing or older ones fail with
 * %CWB_ERROR_READ_ONLY, and a plugin then reads as if it had no rows.
 * (When the file had an older host schema, the store is a copy in memory,
 * and the steps run there.)
 *
 * Returns: %TRUE when the plugin's schema is current
 */
gboolean
cwb_store_migrate_plugin (CwbStore            *self,
                          const char          *plugin_id,
                          const char * const  *steps,
                          GError             **error)
{
  guint n_steps;
  gboolean migrated;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (plugin_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_steps = steps != NULL ? g_strv_length ((char **) steps) : 0;

  if (self->read_only && !self->in_memory)
    return check_plugin_current (self, plugin_id, n_steps, error);

  self->migrating = self->in_memory;
  migrated = migrate_plugin (self, plugin_id, steps, n_steps, error);
  self->migrating = FALSE;

  return migrated;
}

/* ------------------------------------------------------------------ */
/* plugins' own SQL                                                    */

/* Whether @table is one of @plugin_id's: "<plugin_id>_…", any case */
static gboolean
is_plugin_table (const char *plugin_id,
                 const char *table)
{
  gsize length = strlen (plugin_id);

  return table != NULL &&
         g_ascii_strncasecmp (table, plugin_id, length) == 0 &&
         table[length] == '_' && table[length + 1] != '\0';
}

/* The authorizer while a plugin's statement is prepared: it may read (also
 * the host's tables, which its foreign keys need), call functions and
 * write its own tables; no schema changes (cwb_store_migrate_plugin()),
 * transactions (cwb_store_run_in_transaction()), PRAGMA or ATTACH. */
static int
plugin_authorizer (void       *user_data,
                   int         action,
                   const char *arg1,
                   const char *arg2,
                   const char *database,
                   const char *trigger)
{
  CwbStore *self = user_data;
  const char *plugin_id = self->auth_plugin_id;

  switch (action)
    {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;

    case SQLITE_PRAGMA:
      /* read-only, and what FTS5 asks when it connects a table */
      if (g_strcmp0 (arg1, "data_version") == 0 && arg2 == NULL)
        return SQLITE_OK;
      break;

    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      if (is_plugin_table (plugin_id, arg1) && g_strcmp0 (database, "main") == 0)
        return SQLITE_OK;
      /* SQLite's own bookkeeping (e.g. when a virtual table is first
       * connected); a schema change is refused by its own action code
       * (CREATE, DROP, ALTER) below, so this lets nothing more through */
      if (arg1 != NULL && g_ascii_strncasecmp (arg1, "sqlite_", strlen ("sqlite_")) == 0)
        return SQLITE_OK;
      if (self->auth_refusal == NULL)
        self->auth_refusal = g_strdup_printf (_("the plugin “%s” may write only its own tables, "
                                                "whose names begin with “%s_”, not “%s”"),
                                              plugin_id, plugin_id, arg1);
      return SQLITE_DENY;

    default:
      break;
    }

  if (self->auth_refusal == NULL)
    self->auth_refusal = g_strdup_printf (_("the plugin “%s” may not change the schema, open "
                                            "transactions or run PRAGMA or ATTACH in its SQL; "
                                            "its tables come from its migration steps"),
                                          plugin_id);
  return SQLITE_DENY;
}

/**
 * cwb_store_prepare:
 * @self: a #CwbStore
 * @plugin_id: the plugin's module name, as in cwb_store_migrate_plugin()
 * @sql: one SQL statement with named parameters
 * @error: return location for a #GError
 *
 * Prepares a plugin's own SQL on the store's connection, once: a second
 * call with the same @plugin_id and @sql returns the same statement, reset
 * with nothing bound. The SQL may read any table but write only the
 * plugin's own, created by its cwb_store_migrate_plugin() steps with names
 * beginning with "@plugin_id_"; statements that change the schema, open or
 * end transactions, or run PRAGMA or ATTACH are refused
 * (%CWB_ERROR_PLUGIN), as is text with more than one statement. The host's
 * tables are not part of the API: read them only for foreign keys to
 * `consortium (id)`. SQL SQLite cannot prepare (a syntax error, a table
 * that does not exist) fails with %CWB_ERROR_STORE naming the reason.
 *
 * Returns: (transfer none): the statement, owned by the store and valid as
 *   long as it, or %NULL with @error set
 */
CwbStatement *
cwb_store_prepare (CwbStore     *self,
                   const char   *plugin_id,
                   const char   *sql,
                   GError      **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt = NULL;
  CwbStatement *statement;
  const char *tail = NULL;
  int rc;

  g_return_val_if_fail (CWB_IS_STORE (self), NULL);
  g_return_val_if_fail (plugin_id != NULL && *plugin_id != '\0', NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = g_strconcat (plugin_id, "\n", sql, NULL);
  statement = g_hash_table_lookup (self->plugin_statements, key);
  if (statement != NULL)
    {
      cwb_statement_reset (statement);
      return statement;
    }

  g_clear_pointer (&self->auth_refusal, g_free);
  self->auth_plugin_id = plugin_id;
  sqlite3_set_authorizer (self->db, plugin_authorizer, self);
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  sqlite3_set_authorizer (self->db, NULL, NULL);
  self->auth_plugin_id = NULL;

  if (rc != SQLITE_OK && self->auth_refusal != NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                   _("The workspace database refused the SQL of the plugin “%s”: %s"),
                   plugin_id, self->auth_refusal);
      g_clear_pointer (&self->auth_refusal, g_free);
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_STORE,
                   _("The workspace database “%s” could not prepare the SQL of the plugin “%s”: %s"),
                   self->path, plugin_id, sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
      return NULL;
    }

  while (tail != NULL && g_ascii_isspace (*tail))
    tail++;

  if (stmt == NULL || (tail != NULL && *tail != '\0'))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_PLUGIN,
                   _("The workspace database refused the SQL of the plugin “%s”: "
                     "it must be exactly one statement"),
                   plugin_id);
      sqlite3_finalize (stmt);
      return NULL;
    }

  statement = _cwb_statement_new (stmt, self, plugin_id);
  g_hash_table_insert (self->plugin_statements, g_steal_pointer (&key), statement);

  return statement;
}

/**
 * CwbStoreTransactionFunc:
 * @store: the store
 * @user_data: the data given to cwb_store_run_in_transaction()
 * @error: return location for a #GError
 *
 * Returns: %TRUE to commit, %FALSE with @error set to roll back
 */

/**
 * cwb_store_run_in_transaction:
 * @self: a #CwbStore
 * @func: (scope call): what to do inside the transaction
 * @user_data: (closure): data for @func
 * @error: return location for a #GError
 *
 * Runs @func inside one write transaction on the store's connection: all
 * its writes land, or none. Inside, @func may run the plugin's statements
 * and call the store's own writes (cwb_store_set_section() …), which then
 * become part of this transaction, and may call this function again (a
 * savepoint: an inner failure the outer @func handles rolls back only the
 * inner part). The "changed" signals of everything inside are emitted
 * after the outermost transaction committed, and never if it rolled back.
 *
 * Returns: %TRUE when committed; %FALSE with @error set (@func's error)
 *   when it rolled back
 */
gboolean
cwb_store_run_in_transaction (CwbStore                *self,
                              CwbStoreTransactionFunc  func,
                              gpointer                 user_data,
                              GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!store_begin (self, error))
    return FALSE;

  if (!func (self, user_data, &local_error))
    {
      store_rollback (self);
      if (local_error == NULL)
        g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_PLUGIN,
                             _("A plugin cancelled its change to the workspace database "
                               "without saying why"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (local_error != NULL)
    {
      g_critical ("A CwbStoreTransactionFunc returned TRUE and set an error: %s",
                  local_error->message);
      g_clear_error (&local_error);
    }

  if (!store_commit (self, error))
    {
      store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_store_notify_section_changed:
 * @self: a #CwbStore
 * @consortium_id: the consortium whose plugin data changed
 *
 * For a plugin that wrote its own tables: emits "changed" with
 * %CWB_CHANGE_SECTION and @consortium_id, now, or inside
 * cwb_store_run_in_transaction() when the outermost transaction commits.
 */
void
cwb_store_notify_section_changed (CwbStore *self,
                                  gint64    consortium_id)
{
  PendingChange change = { CWB_CHANGE_SECTION, consortium_id };

  g_return_if_fail (CWB_IS_STORE (self));

  emit_changes (self, &change, 1);
}

/* 0 when the plugin has no tables yet */
int
cwb_store_get_plugin_version (CwbStore   *self,
                              const char *plugin_id)
{
  g_autoptr(GError) error = NULL;
  int version = 0;

  g_return_val_if_fail (CWB_IS_STORE (self), 0);
  g_return_val_if_fail (plugin_id != NULL, 0);

  if (!read_plugin_version (self, plugin_id, &version, &error))
    g_warning ("%s", error->message);

  return version;
}

/* ------------------------------------------------------------------ */
/* private API                                                         */

gboolean
_cwb_store_count_members (CwbStore  *self,
                          gint64     consortium_id,
                          guint     *n_members,
                          GError   **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_members != NULL, FALSE);

  return count_members (self, consortium_id, n_members, error);
}

GPtrArray *
_cwb_store_read_members (CwbStore  *self,
                         gint64     consortium_id,
                         guint      first_position,
                         guint      limit,
                         GError   **error)
{
  g_return_val_if_fail (CWB_IS_STORE (self), NULL);

  return read_members (self, consortium_id, first_position, limit, error);
}
