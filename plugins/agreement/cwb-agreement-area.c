/* cwb-agreement-area.c — the formation agreement’s page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-area"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-agreement-area.h"
#include "cwb-agreement-page.h"

struct _CwbAgreementArea
{
  GObject parent_instance;
};

static void cwb_agreement_area_iface_init (CwbAreaInterface *iface);

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_agreement_area_register_type(); peas_register_types() lives in
 * agreement-plugin.c, so the generated function is renamed here and the
 * public one below wraps it (registering the page's type too). */
#define cwb_agreement_area_register_type agreement_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementArea, cwb_agreement_area, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_AREA,
                                                               cwb_agreement_area_iface_init))
#undef cwb_agreement_area_register_type

static const char *
cwb_agreement_area_get_id (CwbArea *area)
{
  return "agreement";
}

static const char *
cwb_agreement_area_get_title (CwbArea *area)
{
  return _("Formation Agreement");
}

static const char *
cwb_agreement_area_get_icon_name (CwbArea *area)
{
  return "x-office-document-symbolic";
}

static int
cwb_agreement_area_get_priority (CwbArea *area)
{
  return 20;
}

static CwbAreaScope
cwb_agreement_area_get_scope (CwbArea *area)
{
  return CWB_AREA_SCOPE_CONSORTIUM;
}

static GtkWidget *
cwb_agreement_area_create_page (CwbArea    *area,
                                  CwbContext *context)
{
  return g_object_ref_sink (cwb_agreement_page_new (context));
}

static void
cwb_agreement_area_iface_init (CwbAreaInterface *iface)
{
  iface->get_id = cwb_agreement_area_get_id;
  iface->get_title = cwb_agreement_area_get_title;
  iface->get_icon_name = cwb_agreement_area_get_icon_name;
  iface->get_priority = cwb_agreement_area_get_priority;
  iface->get_scope = cwb_agreement_area_get_scope;
  iface->create_page = cwb_agreement_area_create_page;
}

static void
cwb_agreement_area_class_init (CwbAgreementAreaClass *klass)
{
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
