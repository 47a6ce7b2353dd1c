/* cwb-window-sidebar.c — the window's consortia list: search, industry filter, selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-window-private.h"

static guint
find_position (GListModel *model,
               gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbConsortium) c = g_list_model_get_item (model, i);

      if (cwb_consortium_get_id (c) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_cwb_window_sync_selection (CwbWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->current_id != 0)
    position = find_position (G_LIST_MODEL (self->filter_model), self->current_id);

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static void
update_consortia_stack (CwbWindow *self)
{
  gboolean none = self->consortia != NULL
                  && g_list_model_get_n_items (self->consortia) > 0
                  && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  if (none)
    _cwb_window_show_status (self, self->consortia_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->consortia_stack, "list");
}

static gboolean
sync_selection_cb (gpointer user_data)
{
  CwbWindow *self = user_data;

  self->sync_source = 0;
  _cwb_window_sync_selection (self);

  return G_SOURCE_REMOVE;
}

static void
filtered_items_changed_cb (CwbWindow  *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  /* Not while the list view has not seen the change yet. */
  if (self->sync_source == 0)
    self->sync_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_selection_cb, self, NULL);

  update_consortia_stack (self);
}

static void
consortia_items_changed_cb (CwbWindow  *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *model)
{
  _cwb_window_update_view (self);
  update_consortia_stack (self);
}

static gboolean
fill_consortia_cb (gpointer user_data)
{
  CwbWindow *self = user_data;

  self->fill_source = 0;

  /* The first query of the store: after the window was shown. */
  self->consortia = g_object_ref (cwb_store_get_consortia (self->store));
  g_signal_connect_object (self->consortia, "items-changed",
                           G_CALLBACK (consortia_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, self->consortia);

  _cwb_window_sync_selection (self);
  update_consortia_stack (self);
  _cwb_window_update_view (self);

  return G_SOURCE_REMOVE;
}

void
_cwb_window_ensure_consortia (CwbWindow *self)
{
  if (self->consortia != NULL)
    return;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  fill_consortia_cb (self);
}

static void
window_mapped_cb (CwbWindow *self)
{
  if (self->consortia == NULL && self->fill_source == 0)
    self->fill_source = g_idle_add (fill_consortia_cb, self);
}

static void
selection_changed_cb (CwbWindow          *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  CwbConsortium *item;

  if (self->syncing_selection)
    return;

  /* NULL when a filter hid the current one: it stays current. */
  item = gtk_single_selection_get_selected_item (selection);
  if (item == NULL)
    return;

  if (cwb_consortium_get_id (item) != self->current_id)
    cwb_window_select_consortium (self, cwb_consortium_get_id (item));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
consortium_activated_cb (CwbWindow   *self,
                         guint        position,
                         GtkListView *view)
{
  g_autoptr(CwbConsortium) item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (item != NULL && cwb_consortium_get_id (item) != self->current_id)
    cwb_window_select_consortium (self, cwb_consortium_get_id (item));

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
consortium_row_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *box, *name, *industry;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (box, "cwb-consortium-row");

  name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);

  industry = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (industry), 0);
  gtk_label_set_ellipsize (GTK_LABEL (industry), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (industry, "caption");
  gtk_widget_add_css_class (industry, "dim-label");
  gtk_box_append (GTK_BOX (box), industry);

  gtk_list_item_set_child (item, box);
}

static void
consortium_row_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        CwbWindow                *self)
{
  CwbConsortium *consortium = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *industry = gtk_widget_get_next_sibling (name);
  const char *industry_name = cwb_consortium_get_industry (consortium);

  gtk_label_set_label (GTK_LABEL (name), cwb_consortium_get_name (consortium));
  gtk_widget_set_tooltip_text (name, cwb_consortium_get_name (consortium));
  gtk_label_set_label (GTK_LABEL (industry), industry_name != NULL ? industry_name : "");

  /* staff keep many consortia: where each stands, after its industry */
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) events = cwb_store_get_lifecycle (self->store, cwb_consortium_get_id (consortium), NULL);
      CwbStage stage = cwb_lifecycle_get_stage (events);

      if (stage != CWB_STAGE_DRAFT)
        {
          g_autofree char *text = NULL;

          /* TRANSLATORS: a consortium's industry and stage in the sidebar, e.g. 深海科技 · 已通过审定 */
          text = g_strdup_printf (_("%s · %s"), industry_name != NULL ? industry_name : "",
                                  cwb_stage_get_label (stage));
          gtk_label_set_label (GTK_LABEL (industry), text);
        }
    }
}

static void
search_changed_cb (CwbWindow      *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_string_filter_set_search (self->name_filter, text[0] != '\0' ? text : NULL);
}

static void
stop_search_cb (CwbWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static gboolean
industry_filter_func (gpointer item,
                      gpointer user_data)
{
  CwbWindow *self = user_data;
  GtkStringObject *selected;

  selected = gtk_drop_down_get_selected_item (self->industry_dropdown);
  if (selected == NULL || gtk_drop_down_get_selected (self->industry_dropdown) == 0)
    return TRUE;

  return g_strcmp0 (cwb_consortium_get_industry (item),
                    gtk_string_object_get_string (selected)) == 0;
}

static void
industry_selected_cb (CwbWindow   *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  if (self->industry_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->industry_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Construction (from cwb-window.c) */

void
_cwb_window_class_sidebar_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, industry_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, consortium_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
}

void
_cwb_window_sidebar_init (CwbWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEveryFilter *filter;

  /* Search by name, filter by industry; the store's list is set after map. */
  self->name_filter = gtk_string_filter_new (gtk_property_expression_new (CWB_TYPE_CONSORTIUM,
                                                                          NULL, "name"));
  gtk_string_filter_set_match_mode (self->name_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->name_filter, TRUE);
  self->industry_filter = gtk_custom_filter_new (industry_filter_func, self, NULL);

  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->name_filter)));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->industry_filter)));
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* on the selection, which has seen the change by then */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (filtered_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (consortium_row_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (consortium_row_bind_cb), self, 0);
  gtk_list_view_set_factory (self->consortia_view, factory);
  gtk_list_view_set_model (self->consortia_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
}
