/* cwb-area.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-area"

#include "config.h"

#include "cwb-area.h"

G_DEFINE_INTERFACE (CwbArea, cwb_area, G_TYPE_OBJECT)

static int
cwb_area_real_get_priority (CwbArea *self)
{
  return 100;
}

static CwbAreaScope
cwb_area_real_get_scope (CwbArea *self)
{
  return CWB_AREA_SCOPE_CONSORTIUM;
}

static const char *
cwb_area_real_get_icon_name (CwbArea *self)
{
  return "application-x-addon-symbolic";
}

static void
cwb_area_default_init (CwbAreaInterface *iface)
{
  iface->get_priority = cwb_area_real_get_priority;
  iface->get_scope = cwb_area_real_get_scope;
  iface->get_icon_name = cwb_area_real_get_icon_name;
}

/**
 * cwb_area_get_id:
 * @self: a #CwbArea
 *
 * Returns: the page's stable id
 */
const char *
cwb_area_get_id (CwbArea *self)
{
  g_return_val_if_fail (CWB_IS_AREA (self), NULL);

  return CWB_AREA_GET_IFACE (self)->get_id (self);
}

/**
 * cwb_area_get_title:
 * @self: a #CwbArea
 *
 * Returns: the page's translated title
 */
const char *
cwb_area_get_title (CwbArea *self)
{
  g_return_val_if_fail (CWB_IS_AREA (self), NULL);

  return CWB_AREA_GET_IFACE (self)->get_title (self);
}

/**
 * cwb_area_get_icon_name:
 * @self: a #CwbArea
 *
 * Returns: a symbolic icon name
 */
const char *
cwb_area_get_icon_name (CwbArea *self)
{
  g_return_val_if_fail (CWB_IS_AREA (self), NULL);

  return CWB_AREA_GET_IFACE (self)->get_icon_name (self);
}

/**
 * cwb_area_get_priority:
 * @self: a #CwbArea
 *
 * Returns: the sort key of the page in the sidebar (lower first)
 */
int
cwb_area_get_priority (CwbArea *self)
{
  g_return_val_if_fail (CWB_IS_AREA (self), 0);

  return CWB_AREA_GET_IFACE (self)->get_priority (self);
}

/**
 * cwb_area_get_scope:
 * @self: a #CwbArea
 *
 * Returns: whether the page follows the current consortium
 */
CwbAreaScope
cwb_area_get_scope (CwbArea *self)
{
  g_return_val_if_fail (CWB_IS_AREA (self), CWB_AREA_SCOPE_CONSORTIUM);

  return CWB_AREA_GET_IFACE (self)->get_scope (self);
}

/**
 * cwb_area_create_page:
 * @self: a #CwbArea
 * @context: the host's services
 *
 * Returns: (transfer full): the page's widget
 */
GtkWidget *
cwb_area_create_page (CwbArea    *self,
                      CwbContext *context)
{
  GtkWidget *page;

  g_return_val_if_fail (CWB_IS_AREA (self), NULL);
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  page = CWB_AREA_GET_IFACE (self)->create_page (self, context);
  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  return page;
}
