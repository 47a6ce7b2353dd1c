/* cwb-statement.h — one SQL statement of a plugin, on the store's connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CWB_TYPE_STATEMENT (cwb_statement_get_type ())

G_DECLARE_FINAL_TYPE (CwbStatement, cwb_statement, CWB, STATEMENT, GObject)

/*
 * A statement of a plugin's own SQL, from cwb_store_prepare(): prepared
 * once per plugin and SQL text, kept and owned by the store (transfer none;
 * it stays valid as long as the store), handed out reset with no values
 * bound. Parameters are bound by name (":name", "@name" or "$name", as
 * written in the SQL); a name the SQL does not have is a programming error
 * (a critical). Text and blobs are copied when bound.
 *
 * cwb_statement_step() runs it to the next row: %TRUE with a row to read
 * with the column getters (columns count from 0), %FALSE when done or on
 * an error (then @error is set). When it returns %FALSE the statement is
 * reset (its bindings kept), so it holds no lock; a caller that stops
 * reading rows early calls cwb_statement_reset(). Errors: CWB_ERROR_EXISTS
 * for a UNIQUE or PRIMARY KEY violation, CWB_ERROR_NOT_FOUND for a FOREIGN
 * KEY violation (a row it refers to is missing), CWB_ERROR_STORE for
 * anything else; the message names the database and SQLite's reason.
 *
 * Strings and blobs from the getters are valid until the next step or
 * reset. A NULL column reads as NULL text, 0, 0.0 and NULL bytes.
 */

void          cwb_statement_bind_text        (CwbStatement  *self,
                                              const char    *name,
                                              const char    *value);
void          cwb_statement_bind_int64       (CwbStatement  *self,
                                              const char    *name,
                                              gint64         value);
void          cwb_statement_bind_double      (CwbStatement  *self,
                                              const char    *name,
                                              double         value);
void          cwb_statement_bind_blob        (CwbStatement  *self,
                                              const char    *name,
                                              GBytes        *value);
void          cwb_statement_bind_null        (CwbStatement  *self,
                                              const char    *name);

gboolean      cwb_statement_step             (CwbStatement  *self,
                                              GError       **error);
/* Back to before the first step; clears the bindings. */
void          cwb_statement_reset            (CwbStatement  *self);

int           cwb_statement_get_n_columns    (CwbStatement  *self);
gboolean      cwb_statement_get_is_null      (CwbStatement  *self,
                                              int            column);
const char   *cwb_statement_get_text         (CwbStatement  *self,
                                              int            column);
gint64        cwb_statement_get_int64        (CwbStatement  *self,
                                              int            column);
double        cwb_statement_get_double       (CwbStatement  *self,
                                              int            column);
GBytes       *cwb_statement_dup_bytes        (CwbStatement  *self,
                                              int            column);

/* After the last step that finished an INSERT, UPDATE or DELETE: the rows
 * it changed, and the rowid of the last row it inserted (0 if none). */
gint64        cwb_statement_get_changes          (CwbStatement *self);
gint64        cwb_statement_get_last_insert_id   (CwbStatement *self);

G_END_DECLS
