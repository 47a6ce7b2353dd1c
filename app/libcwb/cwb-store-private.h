/* cwb-store-private.h — what CwbMemberList and the tests need of the store,
 * and what the store's own files (cwb-store*.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "cwb-consortium.h"
#include "cwb-member-list.h"
#include "cwb-member.h"
#include "cwb-store.h"

G_BEGIN_DECLS

/* The schema version (PRAGMA user_version) this code migrates to. */
int            _cwb_store_get_schema_version   (void);

/* The number of members of a consortium (positions are 0 .. n-1). */
gboolean       _cwb_store_count_members        (CwbStore   *self,
                                                gint64      consortium_id,
                                                guint      *n_members,
                                                GError    **error);
/* (transfer full) (element-type CwbMember): up to @limit members from
 * @first_position on, in position order. */
GPtrArray     *_cwb_store_read_members         (CwbStore   *self,
                                                gint64      consortium_id,
                                                guint       first_position,
                                                guint       limit,
                                                GError    **error);

/* Whether a write may start now: CWB_ERROR_BUSY while a transaction that
 * runs the main loop is open and the caller was dispatched by that loop
 * (a write from there would join the transaction, and go if it rolled
 * back). CwbStatement asks before a plugin's write. */
gboolean       _cwb_store_check_writer         (CwbStore   *self,
                                                GError    **error);

CwbMemberList *_cwb_member_list_new            (CwbStore   *store,
                                                gint64      consortium_id);
/* How many rows this list has read from SQLite so far. */
guint64        _cwb_member_list_get_rows_read  (CwbMemberList *self);
/* The position of the first lead member, G_MAXUINT if none (one query) */
guint          _cwb_member_list_find_lead      (CwbMemberList *self);
/* The same in the store; @position: G_MAXUINT when there is no lead */
gboolean       _cwb_store_find_lead            (CwbStore   *self,
                                                gint64      consortium_id,
                                                guint      *position,
                                                GError    **error);

/* ------------------------------------------------------------------ */
/* shared by the store's own files                                     */
/*
 * cwb-store.c             the object, statements, transactions, changes
 * cwb-store-open.c        opening a file (modes, version probe, read-only)
 * cwb-store-migrations.c  the host's schema and the plugins' schemas
 * cwb-store-consortia.c   consortia: rows, import, update, delete
 * cwb-store-members.c     a consortium's members
 * cwb-store-lifecycle.c   the recorded steps of the review and term
 * cwb-store-sections.c    the file sections (the plugins' parts of a file)
 * cwb-store-sandbox.c     the plugins' own SQL, under an authorizer
 *
 * Nothing below is exported from the library (G_GNUC_INTERNAL).
 */

struct _CwbStore
{
  GObject     parent_instance;

  /* owned */
  char       *path;
  sqlite3    *db;
  /* const char *sql (a string literal) → sqlite3_stmt *, prepared once */
  GHashTable *statements;

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

  /* nullable (the shipped one): the lifecycle's stages and transitions */
  CwbRuleSet *rules;
};

/* A cached statement: released (reset, bindings cleared) when it goes out
 * of scope, never finalized before the store is. */
typedef sqlite3_stmt StoreStatement;

static inline void
store_statement_release (StoreStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoreStatement, store_statement_release)

/* One change to announce after a commit; its section is borrowed until
 * store_emit_changes() queues (copies) it. */
typedef CwbStoreChange PendingChange;

/* One of the file module's readers of records */
typedef gboolean (*StoreRecordsReader) (JsonNode   *node,
                                        GPtrArray  *records,
                                        GError    **error);

/* errors (cwb-store.c) */
G_GNUC_INTERNAL void      store_set_error               (CwbStore       *self,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_is_unique_violation     (CwbStore       *self);
G_GNUC_INTERNAL void      store_set_no_consortium_error (gint64          id,
                                                         GError        **error);
G_GNUC_INTERNAL void      store_set_damaged_error       (CwbStore       *self,
                                                         const char     *what,
                                                         GError        **error);

/* statements (cwb-store.c): prepared once per SQL text (a literal) */
G_GNUC_INTERNAL StoreStatement *store_prepare           (CwbStore       *self,
                                                         const char     *sql,
                                                         GError        **error);
G_GNUC_INTERNAL void      store_bind_text               (sqlite3_stmt   *stmt,
                                                         const char     *name,
                                                         const char     *value);
G_GNUC_INTERNAL void      store_bind_int64              (sqlite3_stmt   *stmt,
                                                         const char     *name,
                                                         gint64          value);
/* CWB_UNKNOWN is stored as NULL */
G_GNUC_INTERNAL void      store_bind_figure             (sqlite3_stmt   *stmt,
                                                         const char     *name,
                                                         gint64          value);
G_GNUC_INTERNAL const char *store_column_text           (sqlite3_stmt   *stmt,
                                                         int             column);
G_GNUC_INTERNAL gint64    store_column_figure           (sqlite3_stmt   *stmt,
                                                         int             column);
/* Steps a statement that returns no rows. */
G_GNUC_INTERNAL gboolean  store_step_done               (CwbStore       *self,
                                                         sqlite3_stmt   *stmt,
                                                         GError        **error);
/* Steps to the next row: TRUE with *has_row set, or FALSE on error. */
G_GNUC_INTERNAL gboolean  store_step_row                (CwbStore       *self,
                                                         sqlite3_stmt   *stmt,
                                                         gboolean       *has_row,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_exec_cached             (CwbStore       *self,
                                                         const char     *sql,
                                                         GError        **error);

/* transactions (cwb-store.c): they nest, the inner ones are savepoints;
 * on a failed commit the transaction is still open: roll it back */
G_GNUC_INTERNAL gboolean  store_begin                   (CwbStore       *self,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_begin_read              (CwbStore       *self,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_commit                  (CwbStore       *self,
                                                         GError        **error);
G_GNUC_INTERNAL void      store_rollback                (CwbStore       *self);
/* Announces @changes now, or inside a transaction when the outermost
 * commits. */
G_GNUC_INTERNAL void      store_emit_changes            (CwbStore            *self,
                                                         const PendingChange *changes,
                                                         guint                n_changes);

/* enums and JSON columns (cwb-store.c) */
G_GNUC_INTERNAL const char *store_enum_to_nick          (GType           type,
                                                         int             value);
G_GNUC_INTERNAL int       store_enum_from_nick          (GType           type,
                                                         const char     *nick,
                                                         int             fallback);
/* (transfer full): @node's text; takes @node */
G_GNUC_INTERNAL char     *store_json_column_text        (JsonNode       *node);
G_GNUC_INTERNAL JsonNode *store_json_from_column        (const char     *text,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_column_records          (CwbStore           *self,
                                                         sqlite3_stmt       *stmt,
                                                         int                 column,
                                                         StoreRecordsReader  read,
                                                         GPtrArray          *records,
                                                         gboolean           *present,
                                                         GError            **error);
G_GNUC_INTERNAL gboolean  store_column_list             (CwbStore       *self,
                                                         sqlite3_stmt   *stmt,
                                                         int             column,
                                                         const char     *key,
                                                         CwbConsortium  *consortium,
                                                         void          (*set) (CwbConsortium *, const char * const *),
                                                         GError        **error);

/* cwb-store-migrations.c */
G_GNUC_INTERNAL gboolean  store_apply_migrations        (CwbStore       *self,
                                                         GError        **error);

/* cwb-store-consortia.c */
G_GNUC_INTERNAL gboolean  store_consortium_exists       (CwbStore       *self,
                                                         gint64          id,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_touch_consortium        (CwbStore       *self,
                                                         gint64          id,
                                                         GError        **error);

/* cwb-store-members.c */
G_GNUC_INTERNAL gboolean  store_insert_member_row       (CwbStore       *self,
                                                         gint64          consortium_id,
                                                         guint           position,
                                                         CwbMember      *member,
                                                         gint64         *member_id,
                                                         GError        **error);
G_GNUC_INTERNAL GPtrArray *store_read_members           (CwbStore       *self,
                                                         gint64          consortium_id,
                                                         guint           first_position,
                                                         guint           limit,
                                                         GError        **error);

/* cwb-store-lifecycle.c */
/* (transfer full) (element-type CwbStageEvent) */
G_GNUC_INTERNAL GPtrArray *store_read_lifecycle         (CwbStore       *self,
                                                         gint64          consortium_id,
                                                         GError        **error);
G_GNUC_INTERNAL gboolean  store_write_lifecycle         (CwbStore       *self,
                                                         gint64          consortium_id,
                                                         const GPtrArray *events,
                                                         GError        **error);

/* cwb-store-sections.c */
G_GNUC_INTERNAL gboolean  store_write_section           (CwbStore       *self,
                                                         gint64          consortium_id,
                                                         const char     *key,
                                                         JsonNode       *node,
                                                         GError        **error);

G_END_DECLS
