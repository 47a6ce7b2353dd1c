/* cwb-page-area.c — a CwbArea described by data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every plugin's area answered the same six questions with six functions
 * of its own; a subclass of CwbPageArea gives the answers as one
 * CwbPageAreaInfo in its class_init instead:
 *
 *   static const CwbPageAreaInfo info = {
 *     "composition", N_("Composition"), GETTEXT_PACKAGE,
 *     "system-users-symbolic", 10, CWB_AREA_SCOPE_CONSORTIUM,
 *     cwb_composition_page_new,
 *   };
 *
 *   static void
 *   cwb_composition_area_class_init (CwbCompositionAreaClass *klass)
 *   {
 *     cwb_page_area_class_set_info (CWB_PAGE_AREA_CLASS (klass), &info);
 *   }
 */
#define G_LOG_DOMAIN "cwb-page-area"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cwb-page-area.h"

static void cwb_page_area_iface_init (CwbAreaInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (CwbPageArea, cwb_page_area, G_TYPE_OBJECT,
                                  G_IMPLEMENT_INTERFACE (CWB_TYPE_AREA, cwb_page_area_iface_init))

static const CwbPageAreaInfo *
get_info (CwbArea *area)
{
  const CwbPageAreaInfo *info = CWB_PAGE_AREA_GET_CLASS (area)->info;

  if (info == NULL)
    g_error ("%s did not call cwb_page_area_class_set_info() in its class_init",
             G_OBJECT_TYPE_NAME (area));

  return info;
}

static const char *
cwb_page_area_get_id (CwbArea *area)
{
  return get_info (area)->id;
}

static const char *
cwb_page_area_get_title (CwbArea *area)
{
  const CwbPageAreaInfo *info = get_info (area);

  return g_dgettext (info->translation_domain != NULL ? info->translation_domain : GETTEXT_PACKAGE,
                     info->title);
}

static const char *
cwb_page_area_get_icon_name (CwbArea *area)
{
  return get_info (area)->icon_name;
}

static int
cwb_page_area_get_priority (CwbArea *area)
{
  return get_info (area)->priority;
}

static CwbAreaScope
cwb_page_area_get_scope (CwbArea *area)
{
  return get_info (area)->scope;
}

static GtkWidget *
cwb_page_area_create_page (CwbArea    *area,
                           CwbContext *context)
{
  return g_object_ref_sink (get_info (area)->new_page (context));
}

static void
cwb_page_area_iface_init (CwbAreaInterface *iface)
{
  iface->get_id = cwb_page_area_get_id;
  iface->get_title = cwb_page_area_get_title;
  iface->get_icon_name = cwb_page_area_get_icon_name;
  iface->get_priority = cwb_page_area_get_priority;
  iface->get_scope = cwb_page_area_get_scope;
  iface->create_page = cwb_page_area_create_page;
}

static void
cwb_page_area_class_init (CwbPageAreaClass *klass)
{
}

static void
cwb_page_area_init (CwbPageArea *self)
{
}

/**
 * cwb_page_area_class_set_info:
 * @klass: a subclass's class, in its class_init
 * @info: (transfer none): what the area is; must stay valid as long as the
 *   type (a static constant)
 *
 * Sets the answers the subclass's instances give as a #CwbArea.
 */
void
cwb_page_area_class_set_info (CwbPageAreaClass      *klass,
                              const CwbPageAreaInfo *info)
{
  g_return_if_fail (CWB_IS_PAGE_AREA_CLASS (klass));
  g_return_if_fail (info != NULL && info->id != NULL && info->title != NULL && info->new_page != NULL);

  klass->info = info;
}
