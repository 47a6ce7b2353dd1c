/* cwb-experts-area.c — the registry of experts' page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-experts-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-experts-area.h"
#include "cwb-expert-registry-page.h"

struct _CwbExpertsArea
{
  CwbPageArea parent_instance;
};

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_experts_area_register_type(); the public one below wraps it. The
 * page and its dialogs live in libcwb-experts-ui, shared with the
 * chief-expert plugin. */
#define cwb_experts_area_register_type experts_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbExpertsArea, cwb_experts_area, CWB_TYPE_PAGE_AREA, G_TYPE_FLAG_FINAL, {})
#undef cwb_experts_area_register_type

static const CwbPageAreaInfo area_info = {
  .id = "experts",
  .title = N_("Experts"),
  .translation_domain = GETTEXT_PACKAGE,
  .icon_name = "system-users-symbolic",
  .priority = 30,
  .scope = CWB_AREA_SCOPE_WORKSPACE,
  .new_page = cwb_expert_registry_page_new,
};

static void
cwb_experts_area_class_init (CwbExpertsAreaClass *klass)
{
  cwb_page_area_class_set_info (CWB_PAGE_AREA_CLASS (klass), &area_info);
}

static void
cwb_experts_area_class_finalize (CwbExpertsAreaClass *klass)
{
}

static void
cwb_experts_area_init (CwbExpertsArea *self)
{
}

/**
 * cwb_experts_area_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbExpertsArea with @module.
 */
void
cwb_experts_area_register_type (GTypeModule *module)
{
  g_return_if_fail (G_IS_TYPE_MODULE (module));

  experts_area_register_type_generated (module);
}
