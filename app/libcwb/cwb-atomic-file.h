/* cwb-atomic-file.h — replacing a file only with complete, synced content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CWB_TYPE_ATOMIC_FILE (cwb_atomic_file_get_type ())

typedef struct _CwbAtomicFile CwbAtomicFile;

GType          cwb_atomic_file_get_type      (void) G_GNUC_CONST;

gboolean       cwb_atomic_file_write         (const char     *path,
                                              const char     *data,
                                              gsize           length,
                                              GError        **error);

CwbAtomicFile *cwb_atomic_file_begin         (const char     *path,
                                              GError        **error);
const char    *cwb_atomic_file_get_path      (CwbAtomicFile  *self);
const char    *cwb_atomic_file_get_temp_path (CwbAtomicFile  *self);
gboolean       cwb_atomic_file_commit        (CwbAtomicFile  *self,
                                              GError        **error);
void           cwb_atomic_file_abort         (CwbAtomicFile  *self);
gboolean       cwb_atomic_file_fail          (CwbAtomicFile  *self,
                                              const char     *reason,
                                              GError        **error);
CwbAtomicFile *cwb_atomic_file_ref           (CwbAtomicFile  *self);
void           cwb_atomic_file_unref         (CwbAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAtomicFile, cwb_atomic_file_unref)

G_END_DECLS
