/* cwb-consortium-file.h — the consortium file, format consortium/1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cwb-consortium.h"

G_BEGIN_DECLS

#define CWB_CONSORTIUM_FORMAT "consortium/1"

/*
 * Loading validates everything formats/consortium-v1.md requires. A file
 * that cannot be read fails with a G_IO_ERROR / G_FILE_ERROR; bad content
 * (not JSON, bad UTF-8, wrong format, missing or mistyped keys, bad or
 * duplicate USCC, no lead or two leads, unknown kind…) fails with
 * CWB_ERROR_INVALID and a translated message that starts with the key path,
 * e.g. "members[3].uscc: …".
 */
CwbConsortium *cwb_consortium_file_load      (GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);
CwbConsortium *cwb_consortium_file_load_data (const char     *data,
                                              gssize          length,
                                              GError        **error);
CwbConsortium *cwb_consortium_from_json      (JsonNode       *root,
                                              GError        **error);

/* The same under a rule set (@rules nullable: the shipped one), whose
 * figures bound the file: at most L6's "years" fiscal years per member,
 * the lifecycle's stages and which may follow which. */
CwbConsortium *cwb_consortium_file_load_with_rules      (GFile          *file,
                                                         CwbRuleSet     *rules,
                                                         GCancellable   *cancellable,
                                                         GError        **error);
CwbConsortium *cwb_consortium_file_load_data_with_rules (const char     *data,
                                                         gssize          length,
                                                         CwbRuleSet     *rules,
                                                         GError        **error);
CwbConsortium *cwb_consortium_from_json_with_rules      (JsonNode       *root,
                                                         CwbRuleSet     *rules,
                                                         GError        **error);

/* (transfer full): the file's JSON; loading it back gives an equal consortium */
JsonNode      *cwb_consortium_to_json        (CwbConsortium  *self);
/* (transfer full): pretty-printed UTF-8 */
char          *cwb_consortium_to_data        (CwbConsortium  *self,
                                              gsize          *length);
/* Writes atomically (a temp file renamed over the target). */
gboolean       cwb_consortium_file_save      (CwbConsortium  *self,
                                              GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);

G_END_DECLS
