/* cwb-consortium-editor.h — the built-in page that edits one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_CONSORTIUM_EDITOR (cwb_consortium_editor_get_type ())

G_DECLARE_FINAL_TYPE (CwbConsortiumEditor, cwb_consortium_editor, CWB, CONSORTIUM_EDITOR, AdwBin)

/*
 * The page "联合体信息". It follows CwbContext:consortium by itself: when the
 * host sets a new consortium (another one, or the same one reloaded after a
 * store write) the form refreshes without touching a field that has the
 * keyboard focus and keeps its scroll position. Every change goes through
 * the context's CwbStore.
 */
GtkWidget *cwb_consortium_editor_new (CwbContext *context);

G_END_DECLS
