/* cwb-chief-expert-page.h — the chief expert of the current consortium, and its reviewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb-ui.h>

#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define CWB_TYPE_CHIEF_EXPERT_PAGE (cwb_chief_expert_page_get_type ())

G_DECLARE_FINAL_TYPE (CwbChiefExpertPage, cwb_chief_expert_page, CWB, CHIEF_EXPERT_PAGE, AdwBin)

/*
 * The chief expert (首席专家) of CwbContext:consortium: the current one, a
 * search of the registry to choose another (or a new expert added in
 * place), and the history with dates and reasons; a change asks for its
 * reason. In the 主管部门 role also the reviewers: suggestions whose fields
 * name the consortium's industry, the excluded ones with the reason, the
 * chosen reviewers with their opinions, and an XLSX export.
 *
 * Widget names for tests: "chooser-search", "history" (a GtkListBox, one
 * AdwActionRow per assignment, newest first), "reviewers" (the group),
 * "suggestions" and "chosen" (GtkListBoxes of AdwActionRows named
 * "expert-<id>"; an excluded suggestion keeps its reason as the row's
 * data "cwb-reason" and shows it in the subtitle).
 *
 * Actions (group "chief"): choose (x: expert id; asks for the reason when
 * there is a chief expert already), set (xs: expert id, reason), add-new.
 * Group "reviewers": add (x), remove (x), set-opinion ((xs)), export,
 * export-to (s).
 */

GtkWidget *cwb_chief_expert_page_new (CwbContext *context);


G_END_DECLS
