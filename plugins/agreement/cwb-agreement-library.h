/* cwb-agreement-library.h — model clauses for the nine agreement items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-agreement.h"

G_BEGIN_DECLS

/**
 * CwbAgreementClause:
 * @id: the shipped clause's id ("goals-joint-rd"), or for a user clause
 *   "user-" followed by its row id
 * @item: the agreement item it is written for
 * @title: a short title (Chinese)
 * @note: (nullable): when to choose it (Chinese)
 * @text: the clause, with ${variables} unfilled
 * @user_id: 0 for a shipped clause, else the row id in the store
 *
 * One model clause. Shipped clauses are data in the plugin's GResource
 * (/io/github/cwb/plugins/agreement/library/clauses.json); users' clauses
 * are in the plugin's table of the store and are shared by every
 * consortium of the workspace.
 */
typedef struct {
  char             *id;
  CwbAgreementItem  item;
  char             *title;
  char             *note;
  char             *text;
  gint64            user_id;
} CwbAgreementClause;

#define CWB_TYPE_AGREEMENT_CLAUSE (cwb_agreement_clause_get_type ())
GType               cwb_agreement_clause_get_type (void) G_GNUC_CONST;
CwbAgreementClause *cwb_agreement_clause_copy     (const CwbAgreementClause *clause);
void                cwb_agreement_clause_free     (CwbAgreementClause       *clause);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAgreementClause, cwb_agreement_clause_free)

/* (element-type CwbAgreementClause) (transfer container): the shipped
 * clauses for @item, in the library's order. The library is parsed once. */
GPtrArray          *cwb_agreement_library_list_shipped (CwbAgreementItem  item);

/* (element-type CwbAgreementClause) (transfer container): the shipped
 * clauses for @item, then the user's (oldest first). @store: (nullable):
 * without a store, only the shipped ones. */
GPtrArray          *cwb_agreement_library_list        (CwbStore         *store,
                                                       CwbAgreementItem  item,
                                                       GError          **error);
/* Saves a user clause; @title and @text must not be blank
 * (CWB_ERROR_INVALID). @note: (nullable). Returns the new clause.
 * (transfer full) */
CwbAgreementClause *cwb_agreement_library_save        (CwbStore         *store,
                                                       CwbAgreementItem  item,
                                                       const char       *title,
                                                       const char       *note,
                                                       const char       *text,
                                                       GError          **error);
/* Deletes a user clause; CWB_ERROR_NOT_FOUND if there is none. */
gboolean            cwb_agreement_library_delete      (CwbStore         *store,
                                                       gint64            user_id,
                                                       GError          **error);

G_END_DECLS
