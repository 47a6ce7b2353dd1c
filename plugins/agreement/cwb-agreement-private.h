/* cwb-agreement-private.h — what the agreement plugin's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include <cwb.h>

G_BEGIN_DECLS

/* The plugin's own connection to @store's database file, its tables
 * migrated (cwb_store_migrate_plugin() "agreement"); kept with @store and
 * closed with it. (transfer none) */
sqlite3 *_cwb_agreement_db_get   (CwbStore    *store,
                                  GError     **error);
/* Sets @error (CWB_ERROR_STORE) from @db's last error. */
void     _cwb_agreement_db_error (sqlite3     *db,
                                  GError     **error);

/* The headings of @items (element-type CwbAgreementItem), quoted and
 * joined with the list separator. (transfer full) */
char    *_cwb_agreement_join_headings (GArray *items);

G_END_DECLS
