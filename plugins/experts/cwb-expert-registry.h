/* cwb-expert-registry.h — the expert registry: experts, chief experts, reviewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-expert.h"
#include "cwb-experts-enums.h"

G_BEGIN_DECLS

/*
 * The registry of experts of one workspace database (policy 五(一)3 chief
 * experts, 五(二) expert review), with no GTK. Its tables live in the store
 * (cwb_store_migrate_plugin (store, "experts", …), all named "experts_*"):
 * the experts, two full-text indexes for search, chief-expert assignments
 * with their history, and reviewers with their opinions. All SQL runs on the
 * store's connection through cwb_store_prepare(); every write is one
 * transaction (cwb_store_run_in_transaction()).
 *
 * One CwbExpertRegistry per store, shared: cwb_expert_registry_get_for_store() creates it
 * on first use (migrating the tables) and keeps it on the store. Use it on
 * the store's thread only.
 *
 * Signal "changed" (no arguments): emitted after a write to the registry
 * committed (an expert added, edited, removed or imported; a chief expert
 * set; a reviewer added, edited or removed). Lists from
 * cwb_expert_registry_search() follow it by themselves.
 *
 * Dates are "YYYY-MM-DD" (the consortium file's date format).
 */

#define CWB_TYPE_EXPERT_REGISTRY (cwb_expert_registry_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpertRegistry, cwb_expert_registry, CWB, EXPERT_REGISTRY, GObject)

/* (transfer none): the registry of @store, created and migrated on first
 * use; NULL with @error if the tables cannot be created (a newer schema:
 * CWB_ERROR_NEWER_SCHEMA). On a store open read-only whose registry tables
 * are missing or older: NULL with CWB_ERROR_READ_ONLY, which callers read
 * as a registry without experts. */
CwbExpertRegistry *cwb_expert_registry_get_for_store (CwbStore          *store,
                                                      GError           **error);
CwbStore          *cwb_expert_registry_get_store     (CwbExpertRegistry *self);

/* ------------------------------------------------------------------ */
/* experts                                                             */

/* Validates @expert (cwb_expert_validate()), refuses a duplicate
 * (CWB_ERROR_EXISTS, the message names the expert already there: same name
 * and same affiliation — the same USCC when both have one, else the same
 * affiliation name), stores it and sets its id. */
gboolean       cwb_expert_registry_add            (CwbExpertRegistry *self,
                                                   CwbExpert         *expert,
                                                   GError           **error);
/* The same checks (a duplicate other than @expert itself); the search
 * indexes follow. CWB_ERROR_NOT_FOUND if its id is not stored. If the
 * expert is a chief expert now, the "chief_expert" section of those
 * consortia is rewritten from the edited record. */
gboolean       cwb_expert_registry_update         (CwbExpertRegistry *self,
                                                   CwbExpert         *expert,
                                                   GError           **error);
/* Refused (CWB_ERROR_EXISTS) while the expert is used; the message says
 * where: "…是“X”的首席专家，是“Y”的评审专家" (chief expert now or in the
 * history of a consortium, reviewer of a consortium). */
gboolean       cwb_expert_registry_remove         (CwbExpertRegistry *self,
                                                   gint64             expert_id,
                                                   GError           **error);
/* (transfer full) (nullable): NULL with CWB_ERROR_NOT_FOUND */
CwbExpert     *cwb_expert_registry_get            (CwbExpertRegistry *self,
                                                   gint64             expert_id,
                                                   GError           **error);
/* The id of a stored expert that @expert would duplicate (same name and
 * affiliation as for cwb_expert_registry_add()), other than @expert's own id;
 * 0 if none. */
gint64         cwb_expert_registry_find_duplicate (CwbExpertRegistry *self,
                                                   CwbExpert         *expert);
/* The number of experts. */
guint          cwb_expert_registry_count          (CwbExpertRegistry *self);

/* ------------------------------------------------------------------ */
/* search                                                              */

#define CWB_TYPE_EXPERT_LIST (cwb_expert_list_get_type ())

/* A lazy GListModel of CwbExpert (each with "is-chief" set): the experts
 * that match the query and filters. It counts once per change and reads
 * rows in pages of 100 as they are asked for, keeping a few pages; it
 * follows the registry's "changed" signal (items-changed over the whole
 * range, "n-items" notified).
 *
 * Properties (read-write, each change re-runs the search and emits
 * items-changed for the whole list):
 *   "query"      text as typed; every part separated by white space must
 *                occur, as a substring, in the name, the fields, the
 *                affiliation's name or the résumé (case-insensitive for
 *                Latin letters). Parts of three or more characters use the
 *                trigram index, shorter ones an index of single characters.
 *                Empty: every expert.
 *   "field"      (nullable) only experts with a field equal to it
 *   "level"      only experts of that title level; -1 (default) any
 *   "chief-only" only experts who are a chief expert now
 *   "n-items"    (read-only)
 * Ranking, bounded: experts whose name matches come first, then those
 * whose fields match, then affiliation, then résumé (each tier from the
 * index's column filter, so nothing is sorted beyond one page); within a
 * tier, by id. With an empty query, by name. */
G_DECLARE_FINAL_TYPE (CwbExpertList, cwb_expert_list, CWB, EXPERT_LIST, GObject)

/* (transfer full): a new list over the registry, query empty, no filters */
CwbExpertList *cwb_expert_registry_search     (CwbExpertRegistry *self,
                                               const char        *query);
const char    *cwb_expert_list_get_query      (CwbExpertList     *self);
void           cwb_expert_list_set_query      (CwbExpertList     *self,
                                               const char        *query);
const char    *cwb_expert_list_get_field      (CwbExpertList     *self);
void           cwb_expert_list_set_field      (CwbExpertList     *self,
                                               const char        *field);
int            cwb_expert_list_get_level      (CwbExpertList     *self);
void           cwb_expert_list_set_level      (CwbExpertList     *self,
                                               int                level);
gboolean       cwb_expert_list_get_chief_only (CwbExpertList     *self);
void           cwb_expert_list_set_chief_only (CwbExpertList *self,
                                              gboolean       chief_only);

/* ------------------------------------------------------------------ */
/* chief experts (五(一)3)                                             */

/* One assignment of a chief expert to a consortium; "to" is NULL while it
 * lasts. Boxed. */
typedef struct {
  gint64  expert_id;
  char   *expert_name;   /* the expert's name now */
  gint64  consortium_id;
  char   *from_date;
  char   *to_date;       /* (nullable) */
  char   *reason;        /* why this assignment began (may be empty) */
  /* a change of chief expert that began after the consortium's first
   * approval (cwb_lifecycle_get_approval_date()): relevant to the negative
   * list, 六(三)(1). Never set on the first assignment. */
  gboolean after_approval;
} CwbChiefAssignment;

#define CWB_TYPE_CHIEF_ASSIGNMENT (cwb_chief_assignment_get_type ())
GType               cwb_chief_assignment_get_type (void) G_GNUC_CONST;
CwbChiefAssignment *cwb_chief_assignment_copy     (const CwbChiefAssignment *self);
void                cwb_chief_assignment_free     (CwbChiefAssignment       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbChiefAssignment, cwb_chief_assignment_free)

/* Makes @expert_id the chief expert of @consortium_id from @date: the
 * current assignment (if any, and another expert) ends on @date, a new one
 * begins with @reason, and the consortium's "chief_expert" section is
 * rewritten from the expert (cwb_store_set_section(), so exports carry it)
 * — all in one transaction. Setting the expert who is chief already
 * changes nothing. A date before the current assignment's start, an
 * unknown expert or consortium fail with a message. */
gboolean       cwb_expert_registry_set_chief (CwbExpertRegistry *self,
                                              gint64             consortium_id,
                                              gint64             expert_id,
                                              const char        *date,
                                              const char        *reason,
                                              GError           **error);
/* The chief expert now, 0 if none. */
gint64         cwb_expert_registry_get_chief (CwbExpertRegistry *self,
                                              gint64             consortium_id);
/* (element-type CwbChiefAssignment) (transfer full): oldest first, each
 * with after_approval set from the host's lifecycle steps */
GPtrArray     *cwb_expert_registry_list_chief_history (CwbExpertRegistry *self,
                                              gint64         consortium_id,
                                              GError       **error);
/* For 六(三)(1): TRUE if the chief expert of @consortium_id was changed
 * (an assignment replacing an earlier one began) after @date, such as the
 * approval date (cwb_lifecycle_get_approval_date()). The first assignment
 * is not a change. */
gboolean       cwb_expert_registry_chief_changed_after (CwbExpertRegistry *self,
                                              gint64         consortium_id,
                                              const char    *date);
/* The consortia (names, sorted) other than @except_consortium_id of which
 * @expert_id is the chief expert now (rule E3). (transfer full) */
char         **cwb_expert_registry_list_chief_elsewhere (CwbExpertRegistry *self,
                                              gint64         expert_id,
                                              gint64         except_consortium_id);

/* The registry expert that a "chief_expert" section means: the same name
 * and affiliation USCC (both given); 0 if none. */
gint64         cwb_expert_registry_match_section   (CwbExpertRegistry *self,
                                                    JsonNode          *section);
/* After a consortium was imported (or its section changed): matches its
 * "chief_expert" section to a registry expert, adding one from the section
 * if none matches (name, title, fields, USCC; the affiliation's name from
 * the consortium's member with that USCC, else the USCC), and records it as
 * chief expert from @date with the reason "imported" unless it is already
 * the current one. A consortium without the section, or with a section
 * that lacks a name, is left alone (returns TRUE, *@expert_id 0).
 * @expert_id: (out) (optional) */
gboolean       cwb_expert_registry_sync_consortium (CwbExpertRegistry *self,
                                                    gint64             consortium_id,
                                                    const char        *date,
                                                    gint64            *expert_id,
                                                    GError           **error);
/* cwb_expert_registry_sync_consortium() for every consortium of the workspace: the
 * registry follows imports made while it was not listening (the command
 * line, another process). The pages call it when they are built. */
gboolean       cwb_expert_registry_sync_all        (CwbExpertRegistry *self,
                                                    GDateTime         *now,
                                                    GError           **error);

/* ------------------------------------------------------------------ */
/* reviewers (五(二))                                                  */

/**
 * CwbReviewerConflict:
 * @CWB_REVIEWER_CONFLICT_NONE: no conflict of interest
 * @CWB_REVIEWER_CONFLICT_MEMBER: affiliated with a member unit (USCC)
 * @CWB_REVIEWER_CONFLICT_CHIEF: the chief expert of this consortium
 */
typedef enum {
  CWB_REVIEWER_CONFLICT_NONE,    /*< nick=none >*/
  CWB_REVIEWER_CONFLICT_MEMBER,  /*< nick=member >*/
  CWB_REVIEWER_CONFLICT_CHIEF,   /*< nick=chief >*/
} CwbReviewerConflict;

/* A suggested or chosen reviewer. Boxed. */
typedef struct {
  CwbExpert           *expert;    /* owned */
  CwbReviewerConflict  conflict;
  char                *reason;    /* (nullable): why excluded, a whole sentence */
  char                *opinion;   /* chosen reviewers: the opinion, may be empty */
  char                *date;      /* chosen reviewers: (nullable) the opinion's date */
} CwbReviewer;

#define CWB_TYPE_REVIEWER (cwb_reviewer_get_type ())
GType          cwb_reviewer_get_type         (void) G_GNUC_CONST;
CwbReviewer   *cwb_reviewer_copy             (const CwbReviewer *self);
void           cwb_reviewer_free             (CwbReviewer       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbReviewer, cwb_reviewer_free)

/* The conflict of @expert with @consortium (loaded, with members):
 * MEMBER if its affiliation USCC is a member's, CHIEF if it is the
 * consortium's chief expert now (for a consortium not stored: the expert
 * its "chief_expert" section names); @reason: (out) (optional)
 * (transfer full) the sentence naming the member unit or the role. */
CwbReviewerConflict cwb_expert_registry_get_conflict      (CwbExpertRegistry *self,
                                                           CwbConsortium     *consortium,
                                                           CwbExpert         *expert,
                                                           char             **reason);
/* Experts whose fields name the consortium's industry, at most @limit
 * (0: 200), those without conflict first; each with its conflict and
 * reason. (element-type CwbReviewer) (transfer full) */
GPtrArray          *cwb_expert_registry_suggest_reviewers (CwbExpertRegistry *self,
                                                           CwbConsortium     *consortium,
                                                           guint              limit,
                                                           GError           **error);
/* Records @expert_id as a reviewer of the stored consortium; refused
 * (CWB_ERROR_INVALID, the conflict's sentence) when conflicted,
 * CWB_ERROR_EXISTS when chosen already. */
gboolean            cwb_expert_registry_add_reviewer      (CwbExpertRegistry *self,
                                                           gint64             consortium_id,
                                                           gint64             expert_id,
                                                           GError           **error);
/* The reviewer's opinion and its date (@date nullable, else YYYY-MM-DD). */
gboolean       cwb_expert_registry_set_reviewer_opinion (CwbExpertRegistry *self,
                                              gint64         consortium_id,
                                              gint64         expert_id,
                                              const char    *opinion,
                                              const char    *date,
                                              GError       **error);
gboolean       cwb_expert_registry_remove_reviewer  (CwbExpertRegistry *self,
                                                     gint64             consortium_id,
                                                     gint64             expert_id,
                                                     GError           **error);
/* (element-type CwbReviewer) (transfer full): in the order chosen */
GPtrArray     *cwb_expert_registry_list_reviewers   (CwbExpertRegistry *self,
                                                     gint64             consortium_id,
                                                     GError           **error);
/* The chosen reviewers of the consortium as an XLSX sheet: a header row in
 * Chinese (姓名, 职称, 职称级别, 工作单位, 统一社会信用代码, 研究领域,
 * 评审意见, 日期). */
gboolean       cwb_expert_registry_export_reviewers (CwbExpertRegistry *self,
                                                     gint64             consortium_id,
                                                     const char        *path,
                                                     GError           **error);

/* ------------------------------------------------------------------ */
/* import and export                                                   */

/**
 * CwbExpertFileFormat:
 * @CWB_EXPERT_FILE_CSV: comma-separated values, UTF-8 (a BOM is allowed)
 * @CWB_EXPERT_FILE_XLSX: an Excel workbook, its first sheet
 *
 * The columns, by header (Chinese or English, any order; unknown ones are
 * ignored): 姓名 name, 职称 title, 职称级别 level, 荣誉称号 honours,
 * 研究领域 fields, 统一社会信用代码 affiliation_uscc, 工作单位
 * affiliation_name, 电话 phone, 电子邮箱 email, 简历 resume, 备注 note.
 * Lists are separated with "；" (also "、", ";", ",").
 */
typedef enum {
  CWB_EXPERT_FILE_CSV,   /*< nick=csv >*/
  CWB_EXPERT_FILE_XLSX,  /*< nick=xlsx >*/
} CwbExpertFileFormat;

/* From the file name's extension (".csv", ".xlsx", any case). */
gboolean       cwb_expert_file_format_from_path  (const char           *path,
                                                  CwbExpertFileFormat  *format);

/* Progress: @done of @total units (rows; for reading, bytes or rows) —
 * called now and then, at least at the end. A UI may iterate its main
 * context from it. */
typedef void (*CwbExpertRegistryProgressFunc) (guint    done,
                                               guint    total,
                                               gpointer user_data);

#define CWB_TYPE_EXPERT_IMPORT_ROW (cwb_expert_import_row_get_type ())

/* One row of a file to import. Properties: "line" (the row number in the
 * file, the header row being 1), "expert" (CwbExpert, parsed), "problems"
 * (GStrv of whole translated sentences: missing name, bad credit code, bad
 * phone, bad email, duplicate of an existing expert, duplicate of an
 * earlier row), "duplicate-of" (gint64: the stored expert it duplicates, 0
 * if none), "accepted" (read-write; initially TRUE exactly when there are
 * no problems). */
G_DECLARE_FINAL_TYPE (CwbExpertImportRow, cwb_expert_import_row, CWB, EXPERT_IMPORT_ROW, GObject)

guint               cwb_expert_import_row_get_line         (CwbExpertImportRow *self);
CwbExpert          *cwb_expert_import_row_get_expert       (CwbExpertImportRow *self);
const char * const *cwb_expert_import_row_get_problems     (CwbExpertImportRow *self);
gint64              cwb_expert_import_row_get_duplicate_of (CwbExpertImportRow *self);
gboolean            cwb_expert_import_row_get_accepted     (CwbExpertImportRow *self);
void                cwb_expert_import_row_set_accepted     (CwbExpertImportRow *self,
                                                            gboolean            accepted);

/* Reads @path (no store: may run in a worker thread) into rows with their
 * own problems (name, credit code, phone, email, duplicates within the
 * file). A file that cannot be read or parsed, or that has no 姓名 column,
 * fails with a message; a cancelled read fails with G_IO_ERROR_CANCELLED.
 * (transfer full) (element-type CwbExpertImportRow) */
GListModel    *cwb_expert_registry_read_file      (const char                   *path,
                                                   CwbExpertRegistryProgressFunc progress,
                                                   gpointer                      user_data,
                                                   GCancellable                 *cancellable,
                                                   GError                      **error);
/* Adds to @rows (from cwb_expert_registry_read_file()) the duplicates of stored
 * experts, and clears "accepted" of rows that have problems. Store thread. */
void           cwb_expert_registry_check_rows     (CwbExpertRegistry            *self,
                                                   GListModel                   *rows);
/* read_file + check_rows: the preview; nothing is written. */
GListModel    *cwb_expert_registry_preview_import (CwbExpertRegistry            *self,
                                                   const char                   *path,
                                                   CwbExpertRegistryProgressFunc progress,
                                                   gpointer                      user_data,
                                                   GCancellable                 *cancellable,
                                                   GError                      **error);
/* Adds the accepted rows in one transaction: all or nothing. A row that is
 * invalid or a duplicate (of a stored expert or of an accepted row before
 * it) fails the whole import with a message naming its line; a cancel
 * (checked between rows) rolls back with G_IO_ERROR_CANCELLED.
 * @n_added: (out) (optional) */
gboolean       cwb_expert_registry_apply_import   (CwbExpertRegistry            *self,
                                                   GListModel                   *rows,
                                                   CwbExpertRegistryProgressFunc progress,
                                                   gpointer                      user_data,
                                                   GCancellable                 *cancellable,
                                                   guint                        *n_added,
                                                   GError                      **error);
/* Writes every expert (by id) to @path with the Chinese header row of the
 * columns above; the format from the extension. */
gboolean       cwb_expert_registry_export         (CwbExpertRegistry            *self,
                                                   const char                   *path,
                                                   CwbExpertRegistryProgressFunc progress,
                                                   gpointer                      user_data,
                                                   GError                      **error);

G_END_DECLS
