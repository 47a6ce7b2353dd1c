/* cwb-agreement-area.c — the formation agreement’s page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-agreement-area.h"
#include "cwb-agreement-page.h"

struct _CwbAgreementArea
{
  CwbPageArea parent_instance;
};

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_agreement_area_register_type(); peas_register_types() lives in
 * agreement-plugin.c, so the generated function is renamed here and the
 * public one below wraps it (registering the page's type too). */
#define cwb_agreement_area_register_type agreement_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementArea, cwb_agreement_area, CWB_TYPE_PAGE_AREA, G_TYPE_FLAG_FINAL, {})
#undef cwb_agreement_area_register_type

static const CwbPageAreaInfo area_info = {
  .id = "agreement",
  .title = N_("Formation Agreement"),
  .translation_domain = GETTEXT_PACKAGE,
  .icon_name = "x-office-document-symbolic",
  .priority = 20,
  .scope = CWB_AREA_SCOPE_CONSORTIUM,
  .new_page = cwb_agreement_page_new,
};

static void
cwb_agreement_area_class_init (CwbAgreementAreaClass *klass)
{
  cwb_page_area_class_set_info (CWB_PAGE_AREA_CLASS (klass), &area_info);
}

static void
cwb_agreement_area_class_finalize (CwbAgreementAreaClass *klass)
{
}

static void
cwb_agreement_area_init (CwbAgreementArea *self)
{
}

/**
 * cwb_agreement_area_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbAgreementArea and #CwbAgreementPage with @module. The
 * types stay registered when the plugin is unloaded; loading it again
 * re-uses them (g_type_module_register_type() accepts the same type again).
 */
void
cwb_agreement_area_register_type (GTypeModule *module)
{
  g_return_if_fail (G_IS_TYPE_MODULE (module));

  agreement_area_register_type_generated (module);
  _cwb_agreement_page_register_type (module);
}
