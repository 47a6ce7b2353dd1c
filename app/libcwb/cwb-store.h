/* cwb-store.h — the workspace database (one SQLite file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cwb-consortium.h"
#include "cwb-member-list.h"
#include "cwb-records.h"
#include "cwb-statement.h"
#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_STORE (cwb_store_get_type ())

G_DECLARE_FINAL_TYPE (CwbStore, cwb_store, CWB, STORE, GObject)

/*
 * One SQLite file: WAL, foreign keys on, a busy timeout; the host's schema is
 * migrated by PRAGMA user_version, each plugin's tables by its own row in the
 * plugin_schema table. Every write is one transaction: it lands whole or not
 * at all. All SQL lives in cwb-store*.c.
 *
 * Signal "changed" (CwbChange kind, gint64 consortium_id): emitted after a
 * write committed, synchronously, before the writing call returns (the
 * store is used only from the thread that opened it). A failed write emits
 * nothing. Import: CONSORTIUM with the id (with @replace, the kept id);
 * update_consortium: CONSORTIUM, plus
 * SECTION when the exceptions changed; delete: CONSORTIUM; member writes:
 * MEMBERS; set_section: SECTION; lifecycle steps: LIFECYCLE. Inside cwb_store_run_in_transaction() the
 * signals wait for the outermost commit (and are dropped on rollback).
 *
 * Signal "committed" (CwbStoreChange *change): the same announcements, each
 * emitted right after its "changed", saying precisely what changed (see
 * CwbStoreChange), for views that update only that part.
 */

/* What one committed write changed. @kind and @consortium_id as in
 * "changed". For CWB_CHANGE_MEMBERS, the members at @position: @n_removed
 * went, @n_added came (1 and 1: the member there was updated). For
 * CWB_CHANGE_CONSORTIUM: 0 and 0 when only the consortium's own fields
 * changed (cwb_store_update_consortium()); CWB_STORE_CHANGE_ALL in
 * @n_removed when it was imported, replaced or deleted (its members are
 * all new or gone: count them again). For CWB_CHANGE_SECTION: @section is
 * the key (cwb_store_set_section()), "exceptions" for the exceptions, NULL
 * when a plugin wrote its own tables (cwb_store_notify_section_changed()). */
typedef struct
{
  CwbChange  kind;
  gint64     consortium_id;
  guint      position;
  guint      n_removed;
  guint      n_added;
  char      *section;
} CwbStoreChange;

#define CWB_STORE_CHANGE_ALL G_MAXUINT

#define CWB_TYPE_STORE_CHANGE (cwb_store_change_get_type ())

GType           cwb_store_change_get_type (void) G_GNUC_CONST;
CwbStoreChange *cwb_store_change_copy     (const CwbStoreChange *self);
void            cwb_store_change_free     (CwbStoreChange       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbStoreChange, cwb_store_change_free)

/* $CWB_DATA_DIR/workbench.db, else $XDG_DATA_HOME/consortium-workbench/workbench.db */
char          *cwb_store_dup_default_path        (void);
/* Creates the directory (0700) and file (0600) if needed and migrates it;
 * an existing file (-wal, -shm) open to others is made 0600, the folder
 * 0700 when it is the application's own. A database of a newer schema
 * fails with CWB_ERROR_NEWER_SCHEMA and is left byte-for-byte untouched,
 * its -wal and -shm too. */
CwbStore      *cwb_store_open                    (const char     *path,
                                                  GError        **error);
/* For what only reads (check --db, export): never writes or creates a
 * file, so a read-only folder or medium works; every write fails with
 * CWB_ERROR_READ_ONLY. An older schema is copied into memory and migrated
 * there; a newer one fails with CWB_ERROR_NEWER_SCHEMA; no file:
 * CWB_ERROR_NOT_FOUND. */
CwbStore      *cwb_store_open_read_only          (const char     *path,
                                                  GError        **error);
gboolean       cwb_store_is_read_only            (CwbStore       *self);
const char    *cwb_store_get_path                (CwbStore       *self);

/* Consortia. The list a view shows is a CwbConsortiumList
 * (cwb-consortium-list.h), lazy and following the writes; */
/* 0 if there is none of that name */
gint64         cwb_store_lookup_consortium       (CwbStore       *self,
                                                  const char     *name);
/* (transfer full): everything, members included */
CwbConsortium *cwb_store_load_consortium         (CwbStore       *self,
                                                  gint64          id,
                                                  GError        **error);
/* (transfer full): everything but the members, which are read from the
 * store as they are asked for (a few queries, whatever the size) */
CwbConsortium *cwb_store_load_consortium_summary (CwbStore       *self,
                                                  gint64          id,
                                                  GError        **error);
/* Adds @consortium with its members, exceptions, lifecycle steps and
 * sections in one transaction. A name that exists fails with
 * CWB_ERROR_EXISTS unless @replace: then the stored consortium takes
 * @consortium's fields, members, exceptions and sections in place and
 * keeps its id, so the rows plugins keep of it stay; its lifecycle steps
 * stay too when @consortium carries none (they are then copied into
 * @consortium). Sets the ids. To import many consortia, CwbImporter
 * (cwb-importer.h) does this in batches: one commit per few hundred. */
gboolean       cwb_store_import_consortium       (CwbStore       *self,
                                                  CwbConsortium  *consortium,
                                                  gboolean        replace,
                                                  GError        **error);
/* Writes the consortium's own fields (name, industry, lists, standards,
 * organization, fund management, exceptions) — not members, not sections. */
gboolean       cwb_store_update_consortium       (CwbStore       *self,
                                                  CwbConsortium  *consortium,
                                                  GError        **error);
gboolean       cwb_store_delete_consortium       (CwbStore       *self,
                                                  gint64          id,
                                                  GError        **error);

/* Members. (transfer full): a lazy list model over one consortium's members */
CwbMemberList *cwb_store_list_members            (CwbStore       *self,
                                                  gint64          consortium_id);
/* Inserts @member at @position (G_MAXUINT: at the end); sets its id.
 * A USCC already in the consortium fails with CWB_ERROR_EXISTS. */
gboolean       cwb_store_insert_member           (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  guint           position,
                                                  CwbMember      *member,
                                                  GError        **error);
gboolean       cwb_store_update_member           (CwbStore       *self,
                                                  CwbMember      *member,
                                                  GError        **error);
/* @position: (out) (optional): where it was, for an undo */
gboolean       cwb_store_remove_member           (CwbStore       *self,
                                                  gint64          member_id,
                                                  guint          *position,
                                                  GError        **error);

/* @member: (out) (transfer full) (nullable): the consortium's member with
 * that credit code, NULL if none; FALSE only when the store failed */
gboolean       cwb_store_find_member             (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  const char     *uscc,
                                                  CwbMember     **member,
                                                  GError        **error);

/* Plugin-owned sections of a consortium (see CwbConsortium). */
JsonNode      *cwb_store_get_section             (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  const char     *key,
                                                  GError        **error);
gboolean       cwb_store_set_section             (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  const char     *key,
                                                  JsonNode       *node,
                                                  GError        **error);

/* The steps of a consortium's review and term (cwb-lifecycle.h), oldest
 * first; empty for a consortium without steps or without a row.
 * (transfer full) (element-type CwbStageEvent) */
GPtrArray     *cwb_store_get_lifecycle           (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  GError        **error);
/* The rule set whose lifecycle the store enforces; NULL (the default)
 * for the shipped one. A CwbContext sets its own on its store. */
void           cwb_store_set_rules               (CwbStore       *self,
                                                  CwbRuleSet     *rules);
/* (transfer none) (nullable) */
CwbRuleSet    *cwb_store_get_rules               (CwbStore       *self);

/* Records the next step after cwb_lifecycle_check_next() under the store's
 * rule set against the recorded ones and @today (nullable);
 * CWB_CHANGE_LIFECYCLE */
gboolean       cwb_store_append_stage_event      (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  const CwbStageEvent *event,
                                                  const char     *today,
                                                  GError        **error);
/* Takes back the last step; @removed: (out) (optional) for an undo.
 * CWB_ERROR_NOT_FOUND if none; CWB_CHANGE_LIFECYCLE */
gboolean       cwb_store_remove_last_stage_event (CwbStore       *self,
                                                  gint64          consortium_id,
                                                  CwbStageEvent **removed,
                                                  GError        **error);

/* Rule C7: names of the other consortia whose lead has @uscc. (transfer full) */
char         **cwb_store_find_consortia_led_by   (CwbStore       *self,
                                                  const char     *uscc,
                                                  gint64          except_id);

/* A plugin's own tables: @steps[i] is the SQL that brings the plugin's
 * schema from version i to i + 1; pending steps run in one transaction
 * (a failing step leaves tables and version as they were). A recorded
 * version above the number of steps fails with CWB_ERROR_NEWER_SCHEMA.
 * On a read-only store nothing is written: missing or older tables fail
 * with CWB_ERROR_READ_ONLY, and the plugin reads as having no rows.
 * get_plugin_version: 0 while the plugin has no tables. */
gboolean       cwb_store_migrate_plugin          (CwbStore       *self,
                                                  const char     *plugin_id,
                                                  const char * const *steps,
                                                  GError        **error);
int            cwb_store_get_plugin_version      (CwbStore       *self,
                                                  const char     *plugin_id);

/* A plugin's own SQL, on the store's connection (no second connection: one
 * busy timeout, one transaction at a time, one change signal). @sql is one
 * statement that may read any table but write only the plugin's own
 * tables, those its migration steps created, named "<plugin_id>_…"; schema
 * changes, transactions, PRAGMA and ATTACH are refused (CWB_ERROR_PLUGIN).
 * Prepared once per (@plugin_id, @sql) and kept by the store: (transfer
 * none), handed out reset. See cwb-statement.h for binding and stepping. */
CwbStatement  *cwb_store_prepare                 (CwbStore       *self,
                                                  const char     *plugin_id,
                                                  const char     *sql,
                                                  GError        **error);

/* Returns TRUE to commit, FALSE with @error set to roll back. */
typedef gboolean (*CwbStoreTransactionFunc)      (CwbStore       *store,
                                                  gpointer        user_data,
                                                  GError        **error);
/* Runs @func in one write transaction: its statements and the store's own
 * writes it calls land together or not at all; nested calls are
 * savepoints; "changed" is emitted after the outermost commit. */
gboolean       cwb_store_run_in_transaction      (CwbStore       *self,
                                                  CwbStoreTransactionFunc func,
                                                  gpointer        user_data,
                                                  GError        **error);
/* After a plugin wrote its own tables: "changed" with CWB_CHANGE_SECTION
 * for @consortium_id (inside a transaction: when the outermost commits). */
void           cwb_store_notify_section_changed  (CwbStore       *self,
                                                  gint64          consortium_id);

/* The consortia list's queries (cwb-store-summary.c), what CwbConsortiumList
 * reads: (transfer full) (element-type gint64) the ids matching @search
 * (nullable: names containing it, ASCII letters in any case) and @industry
 * (nullable), by name then id; */
GArray        *cwb_store_list_consortium_ids     (CwbStore       *self,
                                                  const char     *search,
                                                  const char     *industry,
                                                  GError        **error);
/* how many consortia the workspace has; */
guint          cwb_store_count_consortia         (CwbStore       *self,
                                                  GError        **error);
/* (transfer full) (element-type CwbConsortium): id, name and industry of
 * each of @ids that exists, in that order. */
GPtrArray     *cwb_store_read_consortium_summaries (CwbStore     *self,
                                                  const gint64   *ids,
                                                  guint           n_ids,
                                                  GError        **error);

G_END_DECLS
