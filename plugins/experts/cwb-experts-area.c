/* cwb-experts-area.c — the registry of experts' page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-experts-area"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-experts-area.h"
#include "cwb-expert-registry-page.h"

struct _CwbExpertsArea
{
  GObject parent_instance;
};

static void cwb_experts_area_iface_init (CwbAreaInterface *iface);

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_experts_area_register_type(); the public one below wraps it. The
 * page and its dialogs live in libcwb-experts-ui, shared with the
 * chief-expert plugin. */
#define cwb_experts_area_register_type experts_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbExpertsArea, cwb_experts_area, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_AREA,
                                                               cwb_experts_area_iface_init))
#undef cwb_experts_area_register_type

static const char *
cwb_experts_area_get_id (CwbArea *area)
{
  return "experts";
}

static const char *
cwb_experts_area_get_title (CwbArea *area)
{
  return _("Experts");
}

static const char *
cwb_experts_area_get_icon_name (CwbArea *area)
{
  return "system-users-symbolic";
}

static int
cwb_experts_area_get_priority (CwbArea *area)
{
  return 30;
}

static CwbAreaScope
cwb_experts_area_get_scope (CwbArea *area)
{
  return CWB_AREA_SCOPE_WORKSPACE;
}

static GtkWidget *
cwb_experts_area_create_page (CwbArea    *area,
                              CwbContext *context)
{
  return g_object_ref_sink (cwb_expert_registry_page_new (context));
}

static void
cwb_experts_area_iface_init (CwbAreaInterface *iface)
{
  iface->get_id = cwb_experts_area_get_id;
  iface->get_title = cwb_experts_area_get_title;
  iface->get_icon_name = cwb_experts_area_get_icon_name;
  iface->get_priority = cwb_experts_area_get_priority;
  iface->get_scope = cwb_experts_area_get_scope;
  iface->create_page = cwb_experts_area_create_page;
}

static void
cwb_experts_area_class_init (CwbExpertsAreaClass *klass)
{
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
