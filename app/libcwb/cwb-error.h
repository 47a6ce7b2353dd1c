/* cwb-error.h — the error domain of libcwb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CWB_ERROR (cwb_error_quark ())

/**
 * CwbError:
 * @CWB_ERROR_INVALID: the input is invalid; the message names the key path and is fit to show
 * @CWB_ERROR_NOT_FOUND: no such record
 * @CWB_ERROR_EXISTS: a record with that name or key exists already
 * @CWB_ERROR_NEWER_SCHEMA: the database was written by a newer version; left untouched
 * @CWB_ERROR_STORE: the database failed (disk full, locked, corrupt)
 * @CWB_ERROR_PLUGIN: a plugin failed
 * @CWB_ERROR_BUSY: the database is in the middle of another change (one
 *   that runs the main loop, such as a long import); try again after it
 * @CWB_ERROR_READ_ONLY: the database was opened read-only
 *   (cwb_store_open_read_only()): it is never written
 *
 * Errors a user can cause; every message is translated and fit to show.
 */
typedef enum {
  CWB_ERROR_INVALID,
  CWB_ERROR_NOT_FOUND,
  CWB_ERROR_EXISTS,
  CWB_ERROR_NEWER_SCHEMA,
  CWB_ERROR_STORE,
  CWB_ERROR_PLUGIN,
  CWB_ERROR_BUSY,
  CWB_ERROR_READ_ONLY,
} CwbError;

GQuark cwb_error_quark (void);

G_END_DECLS
