/* cwb-window-sidebar.c — the window's consortia list: search, industry filter, selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-window-private.h"

void
_cwb_window_sync_selection (CwbWindow *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->current_id != 0)
    position = cwb_consortium_list_find (self->consortia, self->current_id);

  if (gtk_single_selection_get_selected (self->selection) == position)
    return;

  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static void
update_consortia_stack (CwbWindow *self)
{
  gboolean none = self->consortia_filled
                  && cwb_consortium_list_get_n_total (self->consortia) > 0
                  && g_list_model_get_n_items (G_LIST_MODEL (self->consortia)) == 0;

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
consortia_total_changed_cb (CwbWindow  *self,
                            GParamSpec *pspec,
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

  /* The first query of the store: after the window was shown. Only the
   * ids in name order, then the rows the view shows. */
  self->consortia_filled = TRUE;
  g_signal_connect_object (self->consortia, "notify::n-total",
                           G_CALLBACK (consortia_total_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->consortia));

  _cwb_window_sync_selection (self);
  update_consortia_stack (self);
  _cwb_window_update_view (self);

  return G_SOURCE_REMOVE;
}

void
_cwb_window_ensure_consortia (CwbWindow *self)
{
  if (self->consortia_filled)
    return;

  g_clear_handle_id (&self->fill_source, g_source_remove);
  fill_consortia_cb (self);
}

static void
window_mapped_cb (CwbWindow *self)
{
  if (!self->consortia_filled && self->fill_source == 0)
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
  g_autoptr(CwbConsortium) item = g_list_model_get_item (G_LIST_MODEL (self->consortia), position);

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
  cwb_text_tooltip_attach (name);
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

  cwb_consortium_list_set_search (self->consortia, text);
}

static void
stop_search_cb (CwbWindow      *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
industry_selected_cb (CwbWindow   *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  GtkStringObject *selected = gtk_drop_down_get_selected_item (dropdown);

  /* the first is “All Industries” */
  if (self->consortia == NULL)
    return;

  if (selected == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    cwb_consortium_list_set_industry (self->consortia, NULL);
  else
    cwb_consortium_list_set_industry (self->consortia, gtk_string_object_get_string (selected));
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

  /* the store's list (searched and filtered in SQL) is set after map */
  self->selection = gtk_single_selection_new (NULL);
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

/* Once the window has its store (cwb_window_setup()): the list reads
 * nothing until the view is given it, after the map. */
void
_cwb_window_sidebar_setup (CwbWindow *self)
{
  self->consortia = cwb_consortium_list_new (self->store);
}
