/* cwb-composition-area.c — the composition check's page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-composition-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-composition-area.h"
#include "cwb-composition-page.h"

struct _CwbCompositionArea
{
  CwbPageArea parent_instance;
};

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_composition_area_register_type(); peas_register_types() lives in
 * composition-plugin.c, so the generated function is renamed here and the
 * public one below wraps it (registering the page's type too). */
#define cwb_composition_area_register_type composition_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbCompositionArea, cwb_composition_area, CWB_TYPE_PAGE_AREA, G_TYPE_FLAG_FINAL, {})
#undef cwb_composition_area_register_type

static const CwbPageAreaInfo area_info = {
  .id = "composition",
  .title = N_("Composition"),
  .translation_domain = GETTEXT_PACKAGE,
  .icon_name = "system-users-symbolic",
  .priority = 10,
  .scope = CWB_AREA_SCOPE_CONSORTIUM,
  .new_page = cwb_composition_page_new,
};

static void
cwb_composition_area_class_init (CwbCompositionAreaClass *klass)
{
  cwb_page_area_class_set_info (CWB_PAGE_AREA_CLASS (klass), &area_info);
}

static void
cwb_composition_area_class_finalize (CwbCompositionAreaClass *klass)
{
}

static void
cwb_composition_area_init (CwbCompositionArea *self)
{
}

/**
 * cwb_composition_area_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbCompositionArea and #CwbCompositionPage with @module. The
 * types stay registered when the plugin is unloaded; loading it again
 * re-uses them (g_type_module_register_type() accepts the same type again).
 */
void
cwb_composition_area_register_type (GTypeModule *module)
{
  g_return_if_fail (G_IS_TYPE_MODULE (module));

  composition_area_register_type_generated (module);
  _cwb_composition_page_register_type (module);
}
