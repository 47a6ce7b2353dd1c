/* cwb-agreement-private.h — what the agreement plugin's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

/* The plugin's tables (cwb-agreement-store.c, which holds all its SQL):
 * on the store's own connection, migrated by cwb_store_migrate_plugin()
 * "agreement" before the first statement. Each writing call is one
 * statement (autocommit) unless it runs inside
 * cwb_store_run_in_transaction(). Errors as cwb_statement_step(): a
 * missing consortium is CWB_ERROR_NOT_FOUND. */
gboolean _cwb_agreement_store_put_scan      (CwbStore    *store,
                                             gint64       consortium_id,
                                             const char  *uscc,
                                             const char  *name,
                                             const char  *media_type,
                                             const char  *sha256,
                                             GBytes      *data,
                                             GError     **error);
/* *@data NULL when no scan is stored (not an error) */
gboolean _cwb_agreement_store_get_scan      (CwbStore    *store,
                                             gint64       consortium_id,
                                             const char  *uscc,
                                             GBytes     **data,
                                             char       **sha256,
                                             GError     **error);
gboolean _cwb_agreement_store_delete_scan   (CwbStore    *store,
                                             gint64       consortium_id,
                                             const char  *uscc,
                                             gboolean    *deleted,
                                             GError     **error);

/* One saved clause; the strings are valid during the call only. */
typedef void (*CwbAgreementClauseRowFunc)   (gint64       id,
                                             const char  *title,
                                             const char  *note,
                                             const char  *text,
                                             gpointer     user_data);
/* The user's clauses of one item (its key), in the order saved */
gboolean _cwb_agreement_store_list_clauses  (CwbStore    *store,
                                             const char  *item_key,
                                             CwbAgreementClauseRowFunc func,
                                             gpointer     user_data,
                                             GError     **error);
/* @note may be NULL; *@id: the new clause's id */
gboolean _cwb_agreement_store_insert_clause (CwbStore    *store,
                                             const char  *item_key,
                                             const char  *title,
                                             const char  *note,
                                             const char  *text,
                                             gint64      *id,
                                             GError     **error);
gboolean _cwb_agreement_store_delete_clause (CwbStore    *store,
                                             gint64       id,
                                             gboolean    *deleted,
                                             GError     **error);

/* The headings of @items (element-type CwbAgreementItem), quoted and
 * joined with the list separator. (transfer full) */
char    *_cwb_agreement_join_headings (GArray *items);

/* The model (cwb-agreement.c), shared with the files that read and write
 * its section (cwb-agreement-section.c) */
struct _CwbAgreement
{
  GObject     parent_instance;

  char       *texts[CWB_AGREEMENT_N_ITEMS];
  gboolean    has_clauses;     /* the section had "clauses" */
  JsonObject *clauses_extra;   /* keys of "clauses" this plugin does not know */

  GPtrArray  *signatures;      /* CwbAgreementSignature */
  gboolean    has_signatures;

  int         frozen;          /* -1: no "frozen" key, else 0 or 1 */

  GPtrArray  *versions;        /* CwbAgreementVersion, oldest first */
  gboolean    has_versions;

  JsonObject *extra;           /* top-level keys this plugin does not know */
};

/* cwb_agreement_list_missing_signatories(), _unsigned(), _unsealed() and
 * _extra_signatories() at once, with one index of the records (the
 * check's A2). (out) (transfer full) each */
void _cwb_agreement_list_signatories (CwbAgreement    *self,
                                      CwbConsortium   *consortium,
                                      char          ***missing,
                                      char          ***unsigned_,
                                      char          ***unsealed,
                                      char          ***extra);

/* A signature record of @uscc, nothing signed or sealed yet */
CwbAgreementSignature *_cwb_agreement_signature_new (const char *uscc);

G_END_DECLS
