/* cwb-page-area.h — a CwbArea described by data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-area.h"

G_BEGIN_DECLS

/**
 * CwbPageAreaInfo:
 * @id: the area's id, e.g. "composition"
 * @title: its title in English, marked with N_() and translated in
 *   @translation_domain when shown
 * @translation_domain: (nullable): the gettext domain of @title; %NULL for
 *   the application's
 * @icon_name: a symbolic icon's name
 * @priority: where the area stands among the pages, lower first
 * @scope: whether it is a page of the current consortium or of the workspace
 * @new_page: makes the page for a context (a floating or new widget)
 *
 * What a plugin's area is; a static constant in the plugin.
 */
typedef struct
{
  const char    *id;
  const char    *title;
  const char    *translation_domain;
  const char    *icon_name;
  int            priority;
  CwbAreaScope   scope;
  GtkWidget   *(*new_page) (CwbContext *context);
} CwbPageAreaInfo;

#define CWB_TYPE_PAGE_AREA (cwb_page_area_get_type ())

G_DECLARE_DERIVABLE_TYPE (CwbPageArea, cwb_page_area, CWB, PAGE_AREA, GObject)

struct _CwbPageAreaClass
{
  GObjectClass parent_class;

  /*< private >*/
  const CwbPageAreaInfo *info;
  gpointer padding[4];
};

void cwb_page_area_class_set_info (CwbPageAreaClass      *klass,
                                   const CwbPageAreaInfo *info);

G_END_DECLS
