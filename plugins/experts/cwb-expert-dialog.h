/* cwb-expert-dialog.h — adds or edits one expert of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define CWB_TYPE_EXPERT_DIALOG (cwb_expert_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpertDialog, cwb_expert_dialog, CWB, EXPERT_DIALOG, AdwWindow)

/*
 * A form for one expert. Each field's problem (credit code, phone, email,
 * a missing name or affiliation) is shown beside it when "Save" is pressed;
 * a refusal of the registry (a duplicate) above the form. Nothing is
 * written until every field is valid.
 *
 * Signal "saved" (gint64 expert id): after the expert was stored; the
 * dialog closes itself then.
 *
 * The rows carry widget names for tests: "name", "title", "level",
 * "honours", "fields", "uscc", "affiliation", "phone", "email", "resume",
 * "note"; each message label "<name>-message", the registry's
 * "store-message"; the action "expert.save".
 */

/* @expert: (nullable): a stored expert to edit, or NULL to add one */
CwbExpertDialog *cwb_expert_dialog_new (CwbContext *context,
                                        CwbExpert  *expert);


G_END_DECLS
