/* cwb-area.h — extension point: a page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_AREA (cwb_area_get_type ())

G_DECLARE_INTERFACE (CwbArea, cwb_area, CWB, AREA, GObject)

/**
 * CwbAreaInterface:
 * @get_id: a stable id, e.g. "composition"
 * @get_title: the page's title, translated
 * @get_icon_name: a symbolic icon name
 * @get_priority: pages are listed by ascending priority
 * @get_scope: whether the page shows the current consortium or the workspace
 * @create_page: builds the page's widget for @context; called once, the first
 *   time the user shows the page. (transfer full) — a C implementation
 *   returns g_object_ref_sink (widget).
 *
 * A page in the window's sidebar. The host promises: @context lives as long
 * as the page; for %CWB_AREA_SCOPE_CONSORTIUM pages the host sets
 * CwbContext:consortium to the selected consortium (reloaded after every
 * edit), and the page follows its notify signal; the page is destroyed
 * before the plugin is unloaded.
 */
struct _CwbAreaInterface
{
  GTypeInterface parent_iface;

  const char   *(*get_id)        (CwbArea    *self);
  const char   *(*get_title)     (CwbArea    *self);
  const char   *(*get_icon_name) (CwbArea    *self);
  int           (*get_priority)  (CwbArea    *self);
  CwbAreaScope  (*get_scope)     (CwbArea    *self);
  GtkWidget    *(*create_page)   (CwbArea    *self,
                                  CwbContext *context);
};

const char   *cwb_area_get_id        (CwbArea    *self);
const char   *cwb_area_get_title     (CwbArea    *self);
const char   *cwb_area_get_icon_name (CwbArea    *self);
int           cwb_area_get_priority  (CwbArea    *self);
CwbAreaScope  cwb_area_get_scope     (CwbArea    *self);
GtkWidget    *cwb_area_create_page   (CwbArea    *self,
                                      CwbContext *context);

G_END_DECLS
