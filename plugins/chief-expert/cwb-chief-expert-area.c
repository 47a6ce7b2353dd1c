/* cwb-chief-expert-area.c — the chief expert’s page in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-chief-expert-area"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-chief-expert-area.h"
#include "cwb-chief-expert-page.h"

struct _CwbChiefExpertArea
{
  GObject parent_instance;
};

static void cwb_chief_expert_area_iface_init (CwbAreaInterface *iface);

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static*
 * cwb_chief_expert_area_register_type(); the public one below wraps it.
 * The page is this plugin's own. */
#define cwb_chief_expert_area_register_type chief_expert_area_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbChiefExpertArea, cwb_chief_expert_area, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_AREA,
                                                               cwb_chief_expert_area_iface_init))
#undef cwb_chief_expert_area_register_type

static const char *
cwb_chief_expert_area_get_id (CwbArea *area)
{
  return "chief-expert";
}

static const char *
cwb_chief_expert_area_get_title (CwbArea *area)
{
  return _("Chief Expert");
}

static const char *
cwb_chief_expert_area_get_icon_name (CwbArea *area)
{
  return "avatar-default-symbolic";
}

static int
cwb_chief_expert_area_get_priority (CwbArea *area)
{
  return 25;
}

static CwbAreaScope
cwb_chief_expert_area_get_scope (CwbArea *area)
{
  return CWB_AREA_SCOPE_CONSORTIUM;
}

static GtkWidget *
cwb_chief_expert_area_create_page (CwbArea    *area,
                              CwbContext *context)
{
  return g_object_ref_sink (cwb_chief_expert_page_new (context));
}

static void
cwb_chief_expert_area_iface_init (CwbAreaInterface *iface)
{
  iface->get_id = cwb_chief_expert_area_get_id;
  iface->get_title = cwb_chief_expert_area_get_title;
  iface->get_icon_name = cwb_chief_expert_area_get_icon_name;
  iface->get_priority = cwb_chief_expert_area_get_priority;
  iface->get_scope = cwb_chief_expert_area_get_scope;
  iface->create_page = cwb_chief_expert_area_create_page;
}

static void
cwb_chief_expert_area_class_init (CwbChiefExpertAreaClass *klass)
{
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
