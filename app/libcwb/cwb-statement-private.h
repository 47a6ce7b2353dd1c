/* cwb-statement-private.h — what the store needs of CwbStatement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "cwb-statement.h"
#include "cwb-types.h"

G_BEGIN_DECLS

/* Takes @stmt; @store (not owned: it owns the statement and detaches it
 * when it closes) is asked before each write and names the database in
 * error messages. */
CwbStatement *_cwb_statement_new     (sqlite3_stmt *stmt,
                                      CwbStore     *store,
                                      const char   *plugin_id);
/* Finalizes the SQLite statement (the store is closing); the object is
 * dead from then on. */
void          _cwb_statement_detach  (CwbStatement *self);

G_END_DECLS
