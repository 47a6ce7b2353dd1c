/* cwb-consortium-editor-private.h — what the tests reach inside the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-consortium-editor.h"

G_BEGIN_DECLS

/* A template child (a widget, or a model) by its id in cwb-consortium-editor.ui ("members_view",
 * "exceptions_group", "name_row", "scientific_problems_add_row" …). (transfer none) */
gpointer   _cwb_consortium_editor_get_child      (CwbConsortiumEditor *self,
                                                  const char          *id);
/* The last toast the editor showed, or NULL. (transfer none) */
AdwToast  *_cwb_consortium_editor_get_last_toast (CwbConsortiumEditor *self);

G_END_DECLS
