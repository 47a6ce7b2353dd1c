/* cwb-chief-expert-area.c — the chief expert’s page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-chief-expert-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-chief-expert-area.h"
#include "cwb-chief-expert-page.h"

struct _CwbChiefExpertArea
{
  CwbPageArea parent_instance;
};

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_chief_expert_area_register_type(); the public one below wraps it.
 * The page is this plugin's own. */
#define cwb_chief_expert_area_register_type chief_expert_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbChiefExpertArea, cwb_chief_expert_area, CWB_TYPE_PAGE_AREA, G_TYPE_FLAG_FINAL, {})
#undef cwb_chief_expert_area_register_type

static const CwbPageAreaInfo area_info = {
  .id = "chief-expert",
  .title = N_("Chief Expert"),
  .translation_domain = GETTEXT_PACKAGE,
  .icon_name = "avatar-default-symbolic",
  .priority = 25,
  .scope = CWB_AREA_SCOPE_CONSORTIUM,
  .new_page = cwb_chief_expert_page_new,
};

static void
cwb_chief_expert_area_class_init (CwbChiefExpertAreaClass *klass)
{
  cwb_page_area_class_set_info (CWB_PAGE_AREA_CLASS (klass), &area_info);
}

static void
cwb_chief_expert_area_class_finalize (CwbChiefExpertAreaClass *klass)
{
}

static void
cwb_chief_expert_area_init (CwbChiefExpertArea *self)
{
}

/**
 * cwb_chief_expert_area_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbChiefExpertArea with @module.
 */
void
cwb_chief_expert_area_register_type (GTypeModule *module)
{
  g_return_if_fail (G_IS_TYPE_MODULE (module));

  chief_expert_area_register_type_generated (module);
}
