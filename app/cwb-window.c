/* cwb-window.c — the main window: consortia, pages, import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <cwb-ui.h>

#include "cwb-application.h"
#include "cwb-consortium-editor.h"
#include "cwb-window-private.h"
#include "cwb-window.h"

#define EDITOR_PAGE_ID "consortium"

/* One entry of the pages list: the built-in editor or a CwbArea. */
typedef struct
{
  char         *id;
  char         *title;
  char         *icon_name;
  int           priority;
  CwbAreaScope  scope;
  CwbArea      *area;    /* owned; NULL for the built-in editor */
  char         *module;  /* owned: the plugin of area, NULL for the editor */
  GtkWidget    *row;     /* in pages_list */
  GtkWidget    *widget;  /* in content_stack once built, else NULL */
} CwbPage;

struct _CwbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content_box;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *industry_dropdown;
  GtkStack             *consortia_stack;
  GtkListView          *consortia_view;
  GtkListBox           *pages_list;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *consortium_menu_button;
  GtkStack             *content_stack;

  /* owned */
  CwbContext           *context;
  CwbStore             *store;
  GSettings            *settings;
  GtkStringFilter      *name_filter;
  GtkCustomFilter      *industry_filter;
  GtkFilterListModel   *filter_model;
  GtkSingleSelection   *selection;
  GListModel           *consortia;      /* the store's, once filled */
  PeasExtensionSet     *areas;
  GHashTable           *pages;          /* id → CwbPage */
  char                 *page_id;        /* the page the user chose */
  GCancellable         *cancellable;

  gint64                current_id;     /* 0: none */
  guint                 fill_source;
  guint                 reload_source;
  guint                 sync_source;
  gboolean              syncing_selection;
  gboolean              syncing_pages;
};

G_DEFINE_FINAL_TYPE (CwbWindow, cwb_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  GFile    *file;
  gboolean  quiet;   /* errors as toasts: one of several dropped files */
} ImportData;

static void update_view (CwbWindow *self);

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
cwb_page_free (CwbPage *page)
{
  g_clear_pointer (&page->id, g_free);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->icon_name, g_free);
  g_clear_object (&page->area);
  g_clear_pointer (&page->module, g_free);
  g_free (page);
}

static CwbPage *
get_current_page (CwbWindow *self)
{
  CwbPage *page = g_hash_table_lookup (self->pages, self->page_id);

  if (page == NULL)
    page = g_hash_table_lookup (self->pages, EDITOR_PAGE_ID);

  g_assert (page != NULL);
  return page;
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

static void
show_toast (CwbWindow  *self,
            const char *title,
            guint       timeout)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_message (CwbWindow  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The current consortium */

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

static void
sync_selection (CwbWindow *self)
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
update_actions (CwbWindow *self)
{
  gboolean selected = self->current_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-consortium", selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consortium_menu_button), selected);
}

static void
set_current (CwbWindow     *self,
             CwbConsortium *consortium)
{
  self->current_id = consortium != NULL ? cwb_consortium_get_id (consortium) : 0;
  cwb_context_set_consortium (self->context, consortium);

  update_actions (self);
  sync_selection (self);
  update_view (self);
}

static gboolean
reload_current_cb (gpointer user_data)
{
  CwbWindow *self = user_data;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;

  self->reload_source = 0;

  if (self->current_id == 0)
    return G_SOURCE_REMOVE;

  consortium = cwb_store_load_consortium (self->store, self->current_id, &error);
  if (consortium == NULL)
    {
      /* Deleted (by us, a plugin or the command line): nothing is selected. */
      if (!g_error_matches (error, CWB_ERROR, CWB_ERROR_NOT_FOUND))
        show_toast (self, error->message, 0);
      set_current (self, NULL);
      return G_SOURCE_REMOVE;
    }

  set_current (self, consortium);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CwbWindow *self,
                  int        kind,
                  gint64     consortium_id,
                  CwbStore  *store)
{
  if (self->current_id == 0)
    return;

  if (consortium_id != 0 && consortium_id != self->current_id)
    return;

  /* Several writes of one edit come as several signals: reload once. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_DEFAULT, reload_current_cb, self, NULL);
}

/* The consortia list */

/* Status pages are built when first shown: the first frame needs none. */
static GtkWidget *
status_page_new (const char *icon_name,
                 const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);

  return page;
}

static GtkWidget *
pill_button_new (const char *label,
                 const char *action_name,
                 gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

static void
show_status (CwbWindow  *self,
             GtkStack   *stack,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, name);

  if (page == NULL)
    {
      if (g_strcmp0 (name, "empty") == 0)
        {
          GtkWidget *box;

          page = status_page_new ("folder-documents-symbolic",
                                  _("No Innovation Consortium Yet"),
                                  _("Create a consortium and enter its member units, or "
                                    "import a consortium file (.consortium.json). You can "
                                    "also drop consortium files onto this window."));
          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
          gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), pill_button_new (_("_Create Consortium"),
                                                          "win.new-consortium", TRUE));
          gtk_box_append (GTK_BOX (box), pill_button_new (_("_Import Consortium File…"),
                                                          "win.import", FALSE));
          adw_status_page_set_child (ADW_STATUS_PAGE (page), box);
        }
      else if (g_strcmp0 (name, "unselected") == 0)
        {
          page = status_page_new ("view-list-symbolic",
                                  _("No Consortium Selected"),
                                  _("Choose a consortium in the list to see its information, "
                                    "members and checks, or create a new one."));
        }
      else if (g_strcmp0 (name, "no-match") == 0)
        {
          page = status_page_new ("system-search-symbolic",
                                  _("No Matching Consortium"),
                                  _("Try another name or industry."));
          gtk_widget_add_css_class (page, "compact");
        }
      else
        g_assert_not_reached ();

      gtk_stack_add_named (stack, page, name);
    }

  gtk_stack_set_visible_child (stack, page);
}

static void
update_consortia_stack (CwbWindow *self)
{
  gboolean none = self->consortia != NULL
                  && g_list_model_get_n_items (self->consortia) > 0
                  && g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  if (none)
    show_status (self, self->consortia_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->consortia_stack, "list");
}

static gboolean
sync_selection_cb (gpointer user_data)
{
  CwbWindow *self = user_data;

  self->sync_source = 0;
  sync_selection (self);

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
  update_view (self);
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

  sync_selection (self);
  update_consortia_stack (self);
  update_view (self);

  return G_SOURCE_REMOVE;
}

static void
ensure_consortia (CwbWindow *self)
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

/* Pages */

static int
page_row_sort_func (GtkListBoxRow *row1,
                    GtkListBoxRow *row2,
                    gpointer       user_data)
{
  CwbPage *p1 = g_object_get_data (G_OBJECT (row1), "cwb-page");
  CwbPage *p2 = g_object_get_data (G_OBJECT (row2), "cwb-page");

  if (p1->priority != p2->priority)
    return p1->priority < p2->priority ? -1 : 1;

  return g_utf8_collate (p1->title, p2->title);
}

static GtkWidget *
create_page_row (CwbPage *page)
{
  GtkWidget *row, *box, *image, *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (page->icon_name);
  gtk_box_append (GTK_BOX (box), image);
  label = gtk_label_new (page->title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, page->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, page->title,
                                  -1);
  g_object_set_data (G_OBJECT (row), "cwb-page", page);

  return row;
}

static void
add_page (CwbWindow    *self,
          const char   *id,
          const char   *title,
          const char   *icon_name,
          int           priority,
          CwbAreaScope  scope,
          CwbArea      *area,
          const char   *module)
{
  CwbPage *page;

  page = g_new0 (CwbPage, 1);
  page->id = g_strdup (id);
  page->title = g_strdup (title);
  page->icon_name = g_strdup (icon_name);
  page->priority = priority;
  page->scope = scope;
  page->area = area != NULL ? g_object_ref (area) : NULL;
  page->module = g_strdup (module);
  page->row = create_page_row (page);

  g_hash_table_insert (self->pages, page->id, page);
  gtk_list_box_append (self->pages_list, page->row);
}

static GtkWidget *
ensure_page_widget (CwbWindow *self,
                    CwbPage   *page)
{
  g_autofree char *name = NULL;
  GtkWidget *widget;

  if (page->widget != NULL)
    return page->widget;

  name = g_strconcat ("page:", page->id, NULL);

  if (page->area != NULL)
    {
      CwbEngine *engine = cwb_context_get_engine (self->context);

      /* (transfer full): the stack takes its own reference; a plugin that
       * crashes here is turned off at the next start */
      if (engine != NULL)
        cwb_engine_enter_plugin (engine, page->module, CWB_PLUGIN_ACTIVITY_PAGE);
      widget = cwb_area_create_page (page->area, self->context);
      if (engine != NULL)
        cwb_engine_leave_plugin (engine);
      if (widget == NULL)
        return NULL;
      gtk_stack_add_named (self->content_stack, widget, name);
      g_object_unref (widget);
    }
  else
    {
      widget = cwb_consortium_editor_new (self->context);
      gtk_stack_add_named (self->content_stack, widget, name);
    }

  page->widget = widget;
  return widget;
}

static void
remove_page (CwbWindow *self,
             CwbPage   *page)
{
  gboolean current = g_strcmp0 (self->page_id, page->id) == 0;

  /* The page goes before its plugin does. */
  if (page->widget != NULL)
    {
      gtk_stack_remove (self->content_stack, page->widget);
      page->widget = NULL;
    }
  gtk_list_box_remove (self->pages_list, page->row);
  page->row = NULL;
  g_hash_table_remove (self->pages, page->id);

  if (current)
    cwb_window_show_page (self, EDITOR_PAGE_ID);
}

static void
update_view (CwbWindow *self)
{
  CwbPage *page = get_current_page (self);
  GHashTableIter iter;
  gpointer value;
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);

  if (page->scope == CWB_AREA_SCOPE_CONSORTIUM && self->current_id == 0)
    {
      const char *name;

      if (self->consortia == NULL)
        name = "loading";
      else if (g_list_model_get_n_items (self->consortia) == 0)
        name = "empty";
      else
        name = "unselected";

      if (g_strcmp0 (name, "loading") == 0)
        gtk_stack_set_visible_child_name (self->content_stack, name);
      else
        show_status (self, self->content_stack, name);
    }
  else
    {
      GtkWidget *widget = ensure_page_widget (self, page);

      if (widget != NULL)
        gtk_stack_set_visible_child (self->content_stack, widget);
    }

  if (consortium != NULL)
    adw_window_title_set_title (self->window_title, cwb_consortium_get_name (consortium));
  else
    adw_window_title_set_title (self->window_title, _("Consortium Workbench"));
  adw_window_title_set_subtitle (self->window_title, page->title);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CwbPage *p = value;

      gtk_widget_set_sensitive (p->row, p->scope == CWB_AREA_SCOPE_WORKSPACE
                                        || self->current_id != 0);
    }
}

static void
page_row_activated_cb (CwbWindow     *self,
                       GtkListBoxRow *row,
                       GtkListBox    *list)
{
  CwbPage *page = g_object_get_data (G_OBJECT (row), "cwb-page");

  if (self->syncing_pages)
    return;

  cwb_window_show_page (self, page->id);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
area_added_cb (PeasExtensionSet *set,
               PeasPluginInfo   *info,
               PeasExtension    *extension,
               gpointer          user_data)
{
  CwbWindow *self = user_data;
  CwbArea *area = CWB_AREA (extension);
  const char *id = cwb_area_get_id (area);

  if (id == NULL || g_hash_table_contains (self->pages, id))
    {
      g_message ("Plugin %s: a page with the id “%s” exists already; not shown",
                 peas_plugin_info_get_module_name (info), id ? id : "(null)");
      return;
    }

  add_page (self, id,
            cwb_area_get_title (area),
            cwb_area_get_icon_name (area),
            cwb_area_get_priority (area),
            cwb_area_get_scope (area),
            area,
            peas_plugin_info_get_module_name (info));
  update_view (self);
}

static void
area_removed_cb (PeasExtensionSet *set,
                 PeasPluginInfo   *info,
                 PeasExtension    *extension,
                 gpointer          user_data)
{
  CwbWindow *self = user_data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CwbPage *page = value;

      if (page->area == (CwbArea *) extension)
        {
          remove_page (self, page);
          break;
        }
    }
}

static void
back_clicked_cb (CwbWindow *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Import */

static void import_next (CwbWindow     *self,
                         CwbConsortium *consortium,
                         gboolean       replace,
                         gboolean       quiet);

static void
import_failed (CwbWindow  *self,
               GFile      *file,
               const char *message,
               gboolean    quiet)
{
  g_autofree char *name = file_display_name (file);

  if (quiet)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” was not imported: %s"), name, message);

      show_toast (self, title, 0);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), name);

      show_message (self, heading, message);
    }
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  CwbWindow *self = user_data;
  CwbConsortium *consortium = g_object_get_data (G_OBJECT (dialog), "cwb-consortium");

  if (g_strcmp0 (response, "replace") == 0)
    import_next (self, consortium, TRUE, FALSE);
}

static void
ask_replace (CwbWindow     *self,
             CwbConsortium *consortium)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Replace “%s”?"),
                                     cwb_consortium_get_name (consortium));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The workspace already has a consortium of this name. "
                                 "Replacing it puts the file’s information, members and "
                                 "exceptions in place of those kept now; this cannot be undone. "
                                 "What was recorded here beyond the file stays: the steps of its "
                                 "review, the history of its chief experts, its reviewers and "
                                 "the signature scans."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cwb-consortium",
                          g_object_ref (consortium), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_next (CwbWindow     *self,
             CwbConsortium *consortium,
             gboolean       replace,
             gboolean       quiet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!replace && cwb_store_lookup_consortium (self->store, cwb_consortium_get_name (consortium)) != 0)
    {
      ask_replace (self, consortium);
      return;
    }

  if (!cwb_store_import_consortium (self->store, consortium, replace, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"),
                                                  cwb_consortium_get_name (consortium));

      if (quiet)
        show_toast (self, error->message, 0);
      else
        show_message (self, heading, error->message);
      return;
    }

  cwb_window_select_consortium (self, cwb_consortium_get_id (consortium));

  title = g_strdup_printf (replace ? _("Replaced “%s”") : _("Imported “%s”"),
                           cwb_consortium_get_name (consortium));
  show_toast (self, title, 5);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  CwbWindow *self = source_object;
  CwbConsortium *consortium;
  GError *error = NULL;

  /* the rule set is immutable: reading it from this thread is safe */
  consortium = cwb_consortium_file_load_with_rules (data->file, cwb_context_get_rules (self->context),
                                                    cancellable, &error);
  if (consortium == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, consortium, g_object_unref);
}

static void
load_file_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CwbWindow *self = CWB_WINDOW (object);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;

  consortium = g_task_propagate_pointer (G_TASK (result), &error);
  if (consortium == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        import_failed (self, data->file, error->message, data->quiet);
      return;
    }

  import_next (self, consortium, FALSE, data->quiet);
}

static void
import_file_full (CwbWindow *self,
                  GFile     *file,
                  gboolean   quiet)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->quiet = quiet;

  task = g_task_new (self, self->cancellable, load_file_done_cb, NULL);
  g_task_set_source_tag (task, import_file_full);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  CwbWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          import_file_full (self, file, n > 1);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static GtkFileFilter *
consortium_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Consortium Files"));
  gtk_file_filter_add_pattern (filter, "*.consortium.json");
  gtk_file_filter_add_pattern (filter, "*.json");

  return filter;
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = consortium_file_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Consortium File"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CwbWindow *self = user_data;
  GSList *files;
  guint n;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  n = g_slist_length (files);
  for (GSList *l = files; l; l = l->next)
    import_file_full (self, l->data, n > 1);
  g_slist_free (files);

  return n > 0;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  CwbWindow *self = user_data;

  gtk_widget_add_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               gpointer       user_data)
{
  CwbWindow *self = user_data;

  gtk_widget_remove_css_class (GTK_WIDGET (self->toast_overlay), "cwb-drop-target");
}

/* Export */

static gboolean
export_consortium (const char  *path,
                   guint        filter_index,
                   gpointer     user_data,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cwb_consortium_file_save (CWB_CONSORTIUM (user_data), file, NULL, error);
}

/* The current consortium as it is stored, if it makes a valid file: only
 * what loads back is written, so one without a lead or without members is
 * refused with the loader's reason. */
static CwbConsortium *
load_exportable (CwbWindow  *self,
                 GError    **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) check = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  consortium = cwb_store_load_consortium (self->store, self->current_id, error);
  if (consortium == NULL)
    return NULL;

  root = cwb_consortium_to_json (consortium);
  check = cwb_consortium_from_json_with_rules (root, cwb_context_get_rules (self->context), &local_error);
  if (check == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("It is not a valid consortium file yet: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&consortium);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbConsortium *current = cwb_context_get_consortium (self->context);
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  const char *suffixes[] = { "json", NULL };
  const char *descriptions[] = { _("Consortium Files"), NULL };

  if (self->current_id == 0 || current == NULL)
    return;

  consortium = load_exportable (self, &error);
  if (consortium == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("Cannot Export “%s”"),
                                                  cwb_consortium_get_name (current));

      show_message (self, heading, error->message);
      return;
    }

  file_name = g_strdup_printf ("%s.consortium.json", cwb_consortium_get_name (consortium));
  cwb_save_chooser_save (widget, self->toast_overlay, _("Export Consortium File"), file_name,
                         suffixes, descriptions, export_consortium,
                         g_steal_pointer (&consortium), g_object_unref);
}

/* New and delete */

typedef struct
{
  CwbWindow  *self;       /* unowned: the dialog is transient for it */
  GtkWidget  *dialog;
  AdwEntryRow *name_row;
  AdwComboRow *industry_row;
  GtkLabel   *message;
  gboolean    touched;
} NewDialog;

/* Returns the stripped name if it can be created, else NULL with @why set. */
static char *
validate_new_name (NewDialog   *nd,
                   const char **why,
                   char       **why_owned)
{
  g_autofree char *name = cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (nd->name_row)));

  *why = NULL;
  *why_owned = NULL;

  if (name[0] == '\0')
    {
      *why = _("Enter the consortium’s name.");
      return NULL;
    }

  if (cwb_store_lookup_consortium (nd->self->store, name) != 0)
    {
      *why_owned = g_strdup_printf (_("The workspace already has a consortium named “%s”."), name);
      *why = *why_owned;
      return NULL;
    }

  return g_steal_pointer (&name);
}

static void
new_name_changed_cb (NewDialog *nd)
{
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  const char *why;

  if (gtk_editable_get_text (GTK_EDITABLE (nd->name_row))[0] != '\0')
    nd->touched = TRUE;

  name = validate_new_name (nd, &why, &owned);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (nd->dialog), "create", name != NULL);
  gtk_label_set_label (nd->message, why != NULL ? why : "");
  gtk_widget_set_visible (GTK_WIDGET (nd->message), why != NULL && nd->touched);
}

static void
create_consortium (NewDialog *nd)
{
  CwbWindow *self = nd->self;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  g_autofree char *title = NULL;
  GtkStringObject *industry;
  const char *why;

  name = validate_new_name (nd, &why, &owned);
  if (name == NULL)
    {
      show_message (self, _("Cannot Create the Consortium"), why);
      return;
    }

  industry = adw_combo_row_get_selected_item (nd->industry_row);

  consortium = cwb_consortium_new ();
  cwb_consortium_set_name (consortium, name);
  if (industry != NULL)
    cwb_consortium_set_industry (consortium, gtk_string_object_get_string (industry));

  if (!cwb_store_import_consortium (self->store, consortium, FALSE, &error))
    {
      show_message (self, _("Cannot Create the Consortium"), error->message);
      return;
    }

  cwb_window_select_consortium (self, cwb_consortium_get_id (consortium));
  cwb_window_show_page (self, EDITOR_PAGE_ID);

  title = g_strdup_printf (_("Created “%s”"), name);
  show_toast (self, title, 5);
}

static void
new_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 NewDialog        *nd)
{
  if (g_strcmp0 (response, "create") == 0)
    create_consortium (nd);
}

static void
new_entry_activated_cb (NewDialog *nd)
{
  g_autofree char *name = NULL;
  g_autofree char *owned = NULL;
  const char *why;

  name = validate_new_name (nd, &why, &owned);
  if (name == NULL)
    {
      nd->touched = TRUE;
      new_name_changed_cb (nd);
      return;
    }

  /* as the button would; destroying does not emit the close response */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (nd->dialog), "create");
  gtk_window_destroy (GTK_WINDOW (nd->dialog));
}

static void
new_consortium_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbRuleSet *rules = cwb_context_get_rules (self->context);
  NewDialog *nd;
  GtkWidget *box, *list, *label;

  nd = g_new0 (NewDialog, 1);
  nd->self = self;

  nd->dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Consortium"),
                                       _("Give the consortium’s name as the application "
                                         "will state it, and the industry cluster it serves."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  nd->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (nd->name_row), _("Name"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (nd->name_row));

  nd->industry_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (nd->industry_row), _("Industry"));
  adw_combo_row_set_model (nd->industry_row,
                           G_LIST_MODEL (gtk_string_list_new (cwb_rule_set_get_industries (rules))));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (nd->industry_row));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  nd->message = GTK_LABEL (label);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (nd->dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (nd->dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (nd->dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (nd->dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (nd->dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (nd->dialog), "cancel");

  g_signal_connect_swapped (nd->name_row, "changed", G_CALLBACK (new_name_changed_cb), nd);
  g_signal_connect_swapped (nd->name_row, "entry-activated", G_CALLBACK (new_entry_activated_cb), nd);
  g_signal_connect_data (nd->dialog, "response", G_CALLBACK (new_response_cb), nd,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (nd->dialog), TRUE);

  gtk_window_present (GTK_WINDOW (nd->dialog));
  gtk_widget_grab_focus (GTK_WIDGET (nd->name_row));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  CwbWindow *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cwb-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "cwb-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!cwb_store_delete_consortium (self->store, id, &error))
    {
      show_message (self, _("Cannot Delete the Consortium"), error->message);
      return;
    }

  if (id == self->current_id)
    set_current (self, NULL);

  title = g_strdup_printf (_("Deleted “%s”"), name);
  show_toast (self, title, 5);
}

static void
delete_consortium_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CwbWindow *self = CWB_WINDOW (widget);
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  GtkWidget *dialog;

  if (consortium == NULL || self->current_id == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     cwb_consortium_get_name (consortium));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The consortium, its members, exceptions and every record "
                                 "the plugins keep for it are deleted from the workspace. "
                                 "This cannot be undone; export it first to keep a copy."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cwb-id", GSIZE_TO_POINTER ((gsize) self->current_id));
  g_object_set_data_full (G_OBJECT (dialog), "cwb-name",
                          g_strdup (cwb_consortium_get_name (consortium)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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

/* Window */

static gboolean
cwb_window_close_request (GtkWindow *window)
{
  CwbWindow *self = CWB_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (cwb_window_parent_class)->close_request (window);
}

/* GtkWindow:application is set after constructed(): the rest of the
 * construction happens here, from cwb_window_new(). */
static void
cwb_window_setup (CwbWindow      *self,
                  CwbApplication *app)
{
  CwbConsortium *consortium;
  CwbEngine *engine;
  g_autoptr(GtkStringList) industries = NULL;

  g_assert (CWB_IS_APPLICATION (app));
  g_assert (cwb_application_get_context (app) != NULL);

  self->context = g_object_ref (cwb_application_get_context (app));
  self->store = g_object_ref (cwb_context_get_store (self->context));
  self->settings = g_object_ref (cwb_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The industry filter: all, then the policy's sixteen clusters. */
  industries = gtk_string_list_new (NULL);
  gtk_string_list_append (industries, _("All Industries"));
  for (const char * const *i = cwb_rule_set_get_industries (cwb_context_get_rules (self->context));
       i != NULL && *i != NULL; i++)
    gtk_string_list_append (industries, *i);
  gtk_drop_down_set_model (self->industry_dropdown, G_LIST_MODEL (industries));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Pages: the built-in editor, then one per CwbArea of a loaded plugin. */
  add_page (self, EDITOR_PAGE_ID, _("Consortium Information"), "document-edit-symbolic",
            G_MININT, CWB_AREA_SCOPE_CONSORTIUM, NULL, NULL);

  engine = cwb_application_get_engine (app);
  self->areas = peas_extension_set_new (cwb_engine_get_peas (engine), CWB_TYPE_AREA, NULL);
  g_signal_connect (self->areas, "extension-added", G_CALLBACK (area_added_cb), self);
  g_signal_connect (self->areas, "extension-removed", G_CALLBACK (area_removed_cb), self);
  peas_extension_set_foreach (self->areas, area_added_cb, self);

  /* A window opened again keeps the consortium of the one before. */
  consortium = cwb_context_get_consortium (self->context);
  self->current_id = consortium != NULL ? cwb_consortium_get_id (consortium) : 0;
  update_actions (self);
  cwb_window_show_page (self, EDITOR_PAGE_ID);
}

static void
cwb_window_dispose (GObject *object)
{
  CwbWindow *self = CWB_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->sync_source, g_source_remove);

  /* Pages go before the extension set lets their plugins go. */
  if (self->areas != NULL)
    g_signal_handlers_disconnect_by_data (self->areas, self);
  if (self->pages != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          CwbPage *page = value;

          if (page->widget != NULL)
            {
              gtk_stack_remove (self->content_stack, page->widget);
              page->widget = NULL;
            }
        }
      g_clear_pointer (&self->pages, g_hash_table_unref);
    }
  g_clear_object (&self->areas);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->name_filter);
  g_clear_object (&self->industry_filter);
  g_clear_object (&self->consortia);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (cwb_window_parent_class)->dispose (object);
}

static void
cwb_window_finalize (GObject *object)
{
  CwbWindow *self = CWB_WINDOW (object);

  g_clear_pointer (&self->page_id, g_free);

  G_OBJECT_CLASS (cwb_window_parent_class)->finalize (object);
}

static void
cwb_window_class_init (CwbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cwb_window_dispose;
  object_class->finalize = cwb_window_finalize;

  window_class->close_request = cwb_window_close_request;

  g_type_ensure (CWB_TYPE_CONSORTIUM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, industry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, consortia_stack);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, consortia_view);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, pages_list);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, consortium_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CwbWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, industry_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, consortium_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-consortium", NULL,
                                   new_consortium_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-consortium", NULL,
                                   delete_consortium_action_cb);
}

static void
cwb_window_init (CwbWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEveryFilter *filter;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) cwb_page_free);
  self->page_id = g_strdup (EDITOR_PAGE_ID);

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

  gtk_list_box_set_sort_func (self->pages_list, page_row_sort_func, NULL, NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  g_signal_connect (drop, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (drop_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
}

/**
 * cwb_window_new:
 * @app: the application, started up
 *
 * Returns: (transfer none): a new main window, owned by @app
 */
CwbWindow *
cwb_window_new (CwbApplication *app)
{
  CwbWindow *self;

  g_return_val_if_fail (CWB_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (cwb_application_get_context (app) != NULL, NULL);

  self = g_object_new (CWB_TYPE_WINDOW, "application", app, NULL);
  cwb_window_setup (self, app);

  return self;
}

/**
 * cwb_window_import_file:
 * @self: a #CwbWindow
 * @file: a consortium file
 *
 * Loads @file off the main thread and adds it to the store, asking before it
 * replaces a consortium of the same name; selects it on success. A bad file
 * changes nothing: its message, naming the key path, is shown.
 */
void
cwb_window_import_file (CwbWindow *self,
                        GFile     *file)
{
  g_return_if_fail (CWB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_file_full (self, file, FALSE);
}

/**
 * cwb_window_select_consortium:
 * @self: a #CwbWindow
 * @id: a consortium id, 0 for none
 *
 * Loads the consortium and makes it CwbContext:consortium.
 */
void
cwb_window_select_consortium (CwbWindow *self,
                              gint64     id)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CWB_IS_WINDOW (self));

  if (id == 0)
    {
      set_current (self, NULL);
      return;
    }

  consortium = cwb_store_load_consortium (self->store, id, &error);
  if (consortium == NULL)
    {
      show_toast (self, error->message, 0);
      sync_selection (self);
      return;
    }

  /* The list must exist for the row to be selected. */
  ensure_consortia (self);
  set_current (self, consortium);
}

/**
 * cwb_window_show_page:
 * @self: a #CwbWindow
 * @page_id: "consortium" or a CwbArea id
 *
 * Shows the page, building it the first time; a page about one consortium
 * shows what to do while none is selected.
 */
void
cwb_window_show_page (CwbWindow  *self,
                      const char *page_id)
{
  CwbPage *page;

  g_return_if_fail (CWB_IS_WINDOW (self));
  g_return_if_fail (page_id != NULL);

  page = g_hash_table_lookup (self->pages, page_id);
  if (page == NULL)
    {
      g_debug ("No page “%s”", page_id);
      return;
    }

  if (g_strcmp0 (self->page_id, page_id) != 0)
    {
      g_free (self->page_id);
      self->page_id = g_strdup (page_id);
    }

  self->syncing_pages = TRUE;
  gtk_list_box_select_row (self->pages_list, GTK_LIST_BOX_ROW (page->row));
  self->syncing_pages = FALSE;

  update_view (self);
}

/**
 * cwb_window_get_page:
 * @self: a #CwbWindow
 * @page_id: "consortium" or a CwbArea id
 *
 * Returns: (transfer none) (nullable): the page's widget, built if needed
 */
GtkWidget *
cwb_window_get_page (CwbWindow  *self,
                     const char *page_id)
{
  CwbPage *page;

  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page_id != NULL, NULL);

  page = g_hash_table_lookup (self->pages, page_id);
  if (page == NULL)
    return NULL;

  return ensure_page_widget (self, page);
}

/* For tests (cwb-window-private.h) */

GListModel *
_cwb_window_get_consortia_model (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

GtkEditable *
_cwb_window_get_search_entry (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_cwb_window_get_industry_dropdown (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  return self->industry_dropdown;
}

gboolean
_cwb_window_has_page (CwbWindow  *self,
                      const char *page_id)
{
  CwbPage *page;

  g_return_val_if_fail (CWB_IS_WINDOW (self), FALSE);

  page = g_hash_table_lookup (self->pages, page_id);
  return page != NULL && gtk_widget_get_parent (page->row) == GTK_WIDGET (self->pages_list);
}

gboolean
_cwb_window_is_page_sensitive (CwbWindow  *self,
                               const char *page_id)
{
  CwbPage *page;

  g_return_val_if_fail (CWB_IS_WINDOW (self), FALSE);

  page = g_hash_table_lookup (self->pages, page_id);
  return page != NULL && gtk_widget_get_sensitive (page->row);
}

const char *
_cwb_window_get_visible_content (CwbWindow *self)
{
  g_return_val_if_fail (CWB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

gboolean
_cwb_window_export_to_file (CwbWindow  *self,
                            GFile      *file,
                            GError    **error)
{
  g_autoptr(CwbConsortium) consortium = NULL;

  g_return_val_if_fail (CWB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->current_id != 0, FALSE);

  consortium = load_exportable (self, error);
  if (consortium == NULL)
    return FALSE;

  return cwb_consortium_file_save (consortium, file, NULL, error);
}
