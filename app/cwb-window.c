/* cwb-window.c — the main window: construction, the current consortium, pages
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

G_DEFINE_FINAL_TYPE (CwbWindow, cwb_window, ADW_TYPE_APPLICATION_WINDOW)

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

void
_cwb_window_show_toast (CwbWindow  *self,
            const char *title,
            guint       timeout)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_cwb_window_show_message (CwbWindow  *self,
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

static void
update_actions (CwbWindow *self)
{
  gboolean selected = self->current_id != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-consortium", selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consortium_menu_button), selected);
}

void
_cwb_window_set_current (CwbWindow     *self,
             CwbConsortium *consortium)
{
  self->current_id = consortium != NULL ? cwb_consortium_get_id (consortium) : 0;
  cwb_context_set_consortium (self->context, consortium);

  update_actions (self);
  _cwb_window_sync_selection (self);
  _cwb_window_update_view (self);
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

  /* a summary: its members are read as they are shown */
  consortium = cwb_store_load_consortium_summary (self->store, self->current_id, &error);
  if (consortium == NULL)
    {
      /* Deleted (by us, a plugin or the command line): nothing is selected. */
      if (!g_error_matches (error, CWB_ERROR, CWB_ERROR_NOT_FOUND))
        _cwb_window_show_toast (self, error->message, 0);
      _cwb_window_set_current (self, NULL);
      return G_SOURCE_REMOVE;
    }

  _cwb_window_set_current (self, consortium);

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

/* Status pages */

/* The first content replaces the "loading" placeholder at once: a
 * crossfade from nothing would repaint the window for 200 ms just after
 * start-up. A page (the editor, a plugin's) also comes and goes at once:
 * the content stack is not homogeneous (only the shown child is
 * measured), so on every frame of a crossfade GTK lays out both children
 * again, and laying out the editor of a large consortium takes ~20 ms a
 * frame, on top of the rows its member view is building. Status pages,
 * which are cheap, still fade into each other. */
static void
show_stack_child (GtkStack  *stack,
                  GtkWidget *child)
{
  GtkStackTransitionType transition = gtk_stack_get_transition_type (stack);
  const char *from = gtk_stack_get_visible_child_name (stack);
  const char *to = gtk_stack_page_get_name (gtk_stack_get_page (stack, child));

  if (g_strcmp0 (from, "loading") == 0 ||
      (from != NULL && g_str_has_prefix (from, "page:")) ||
      (to != NULL && g_str_has_prefix (to, "page:")))
    gtk_stack_set_visible_child_full (stack, to, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child (stack, child);

  g_assert (gtk_stack_get_transition_type (stack) == transition);
}

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

void
_cwb_window_show_status (CwbWindow  *self,
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

  show_stack_child (stack, page);
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

void
_cwb_window_update_view (CwbWindow *self)
{
  CwbPage *page = get_current_page (self);
  GHashTableIter iter;
  gpointer value;
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);

  if (page->scope == CWB_AREA_SCOPE_CONSORTIUM && self->current_id == 0)
    {
      const char *name;

      if (!self->consortia_filled)
        name = "loading";
      else if (cwb_consortium_list_get_n_total (self->consortia) == 0)
        name = "empty";
      else
        name = "unselected";

      if (g_strcmp0 (name, "loading") == 0)
        gtk_stack_set_visible_child_name (self->content_stack, name);
      else
        _cwb_window_show_status (self, self->content_stack, name);
    }
  else
    {
      GtkWidget *widget = ensure_page_widget (self, page);

      if (widget != NULL)
        show_stack_child (self->content_stack, widget);
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
  _cwb_window_update_view (self);
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
  _cwb_window_sidebar_setup (self);

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
  _cwb_window_import_dispose (self);
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
  gtk_widget_class_bind_template_callback (widget_class, page_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  _cwb_window_class_sidebar_init (widget_class);
  _cwb_window_class_import_init (widget_class);
  _cwb_window_class_actions_init (widget_class);
}

static void
cwb_window_init (CwbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) cwb_page_free);
  self->page_id = g_strdup (EDITOR_PAGE_ID);

  _cwb_window_sidebar_init (self);

  gtk_list_box_set_sort_func (self->pages_list, page_row_sort_func, NULL, NULL);

  _cwb_window_import_init (self);
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
 * cwb_window_select_consortium:
 * @self: a #CwbWindow
 * @id: a consortium id, 0 for none
 *
 * Loads the consortium's summary (cwb_store_load_consortium_summary():
 * its members are read as they are asked for) and makes it
 * CwbContext:consortium.
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
      _cwb_window_set_current (self, NULL);
      return;
    }

  /* a summary (fields, sections, steps; the members as they are asked
   * for): a consortium of a million members is selected at once */
  consortium = cwb_store_load_consortium_summary (self->store, id, &error);
  if (consortium == NULL)
    {
      _cwb_window_show_toast (self, error->message, 0);
      _cwb_window_sync_selection (self);
      return;
    }

  /* The list must exist for the row to be selected. */
  _cwb_window_ensure_consortia (self);
  _cwb_window_set_current (self, consortium);
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

  _cwb_window_update_view (self);
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

  return G_LIST_MODEL (self->consortia);
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

