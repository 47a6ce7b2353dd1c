/* cwb-expert-registry-page.c — the registry of experts (专家库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-registry-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-expert-dialog.h"
#include "cwb-expert-import-dialog.h"
#include "cwb-expert-registry-page.h"

struct _CwbExpertRegistryPage
{
  AdwBin              parent_instance;

  /* owned */
  CwbContext         *context;
  CwbExpertRegistry  *experts;      /* NULL without a store */
  CwbExpertList      *list;
  GtkNoSelection     *selection;
  gulong              changed_handler;

  /* template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *field_dropdown;
  GtkStringList      *field_model;
  GtkDropDown        *level_dropdown;
  GtkStringList      *level_model;
  GtkCheckButton     *chief_check;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *unavailable_page;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LIST,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbExpertRegistryPage, cwb_expert_registry_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
show_toast (CwbExpertRegistryPage *self,
            const char            *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A message the user must read whole (a refusal that names where an expert
 * is used): a dialog, not a toast. */
static void
show_message_dialog (CwbExpertRegistryPage *self,
                     const char            *heading,
                     const char            *body,
                     const char            *purpose)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) purpose);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_view (CwbExpertRegistryPage *self)
{
  guint n;
  g_autofree char *count = NULL;

  if (self->list == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "unavailable");
      gtk_label_set_text (self->count_label, "");
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (cwb_expert_registry_count (self->experts) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-results");

  /* Translators: the number of experts listed on the registry page */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expert", "%u experts", n), n);
  gtk_label_set_text (self->count_label, count);
}

static void
list_items_changed_cb (CwbExpertRegistryPage *self)
{
  update_view (self);
}

static void
search_changed_cb (CwbExpertRegistryPage *self)
{
  if (self->list != NULL)
    cwb_expert_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
filter_changed_cb (CwbExpertRegistryPage *self)
{
  guint field;
  guint level;

  if (self->list == NULL)
    return;

  field = gtk_drop_down_get_selected (self->field_dropdown);
  level = gtk_drop_down_get_selected (self->level_dropdown);

  cwb_expert_list_set_field (self->list,
                             field == 0 || field == GTK_INVALID_LIST_POSITION ? NULL
                             : gtk_string_list_get_string (self->field_model, field));
  cwb_expert_list_set_level (self->list,
                             level == 0 || level == GTK_INVALID_LIST_POSITION ? -1 : (int) level - 1);
  cwb_expert_list_set_chief_only (self->list, gtk_check_button_get_active (self->chief_check));
}

/* ------------------------------------------------------------ the columns */

typedef enum {
  COLUMN_NAME,
  COLUMN_TITLE,
  COLUMN_AFFILIATION,
  COLUMN_FIELDS,
} Column;

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CwbExpert *expert = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      if (cwb_expert_get_is_chief (expert))
        /* Translators: an expert's name in the registry's list, marked as a chief expert now */
        text = g_strdup_printf (_("%s (chief expert)"), cwb_expert_get_name (expert));
      else
        text = g_strdup (cwb_expert_get_name (expert));
      break;

    case COLUMN_TITLE:
      if (*cwb_expert_get_title (expert) != '\0')
        /* Translators: a professional title and its level, e.g. 研究员（正高级） */
        text = g_strdup_printf (_("%s (%s)"), cwb_expert_get_title (expert),
                                cwb_expert_level_to_label (cwb_expert_get_level (expert)));
      else
        text = g_strdup (cwb_expert_level_to_label (cwb_expert_get_level (expert)));
      break;

    case COLUMN_AFFILIATION:
      text = g_strdup (cwb_expert_get_affiliation_name (expert));
      break;

    case COLUMN_FIELDS:
    default:
      text = cwb_expert_dup_fields_text (expert);
      break;
    }

  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
buttons_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_tooltip_text (edit, _("Edit this expert"));
  gtk_widget_set_tooltip_text (remove, _("Remove this expert from the registry"));
  /* a target of the action's type before the name: bound to a row later */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_int64 (0));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "experts.edit");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "experts.remove");
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  gtk_box_append (GTK_BOX (box), edit);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_item_set_child (item, box);
}

static void
buttons_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CwbExpert *expert = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GVariant *target = g_variant_new_int64 (cwb_expert_get_id (expert));

  g_variant_ref_sink (target);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child), target);
  g_variant_unref (target);
}

static void
add_column (CwbExpertRegistryPage *self,
            const char            *title,
            Column                 column,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (label_bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
build_columns (CwbExpertRegistryPage *self)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;

  add_column (self, C_("expert", "Name"), COLUMN_NAME, FALSE);
  add_column (self, _("Title"), COLUMN_TITLE, FALSE);
  add_column (self, _("Affiliation"), COLUMN_AFFILIATION, TRUE);
  add_column (self, _("Fields"), COLUMN_FIELDS, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (buttons_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (buttons_bind_cb), NULL);
  column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

static void
row_activated_cb (CwbExpertRegistryPage *self,
                  guint                  position)
{
  g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (expert != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "experts.edit", "x", cwb_expert_get_id (expert));
}

/* ------------------------------------------------------------- actions */

static void
expert_saved_cb (CwbExpertDialog       *dialog,
                 gint64                 expert_id,
                 CwbExpertRegistryPage *self)
{
  show_toast (self, _("The expert was saved."));
}

static void
open_dialog (CwbExpertRegistryPage *self,
             CwbExpert             *expert)
{
  CwbExpertDialog *dialog = cwb_expert_dialog_new (self->context, expert);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (expert_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);

  if (self->experts != NULL)
    open_dialog (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);
  g_autoptr(CwbExpert) expert = NULL;
  g_autoptr(GError) error = NULL;

  if (self->experts == NULL)
    return;

  expert = cwb_expert_registry_get (self->experts, g_variant_get_int64 (parameter), &error);
  if (expert == NULL)
    show_toast (self, error->message);
  else
    open_dialog (self, expert);
}

static void
remove_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    CwbExpertRegistryPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cwb-expert-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->experts == NULL)
    return;

  if (!cwb_expert_registry_remove (self->experts, id, &error))
    show_message_dialog (self, _("The Expert Cannot Be Removed"), error->message, "remove-refused");
  else
    show_toast (self, _("The expert was removed."));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);
  g_autoptr(CwbExpert) expert = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->experts == NULL)
    return;

  expert = cwb_expert_registry_get (self->experts, g_variant_get_int64 (parameter), &error);
  if (expert == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: %s is an expert's name, then the affiliation's */
  body = g_strdup_printf (_("%s of %s will be removed from the registry. This cannot be undone."),
                          cwb_expert_get_name (expert), cwb_expert_get_affiliation_name (expert));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Remove the Expert?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "remove");
  g_object_set_data (G_OBJECT (dialog), "cwb-expert-id", GSIZE_TO_POINTER (cwb_expert_get_id (expert)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (CwbExpertImportDialog *dialog,
             guint                  n_added,
             CwbExpertRegistryPage *self)
{
  g_autofree char *message = NULL;

  /* Translators: after an import into the registry */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expert was imported.",
                                          "%u experts were imported.", n_added), n_added);
  show_toast (self, message);
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);
  CwbExpertImportDialog *dialog;

  if (self->experts == NULL)
    return;

  dialog = cwb_expert_import_dialog_new (self->context, g_variant_get_string (parameter, NULL));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *pattern2)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (pattern2 != NULL)
    gtk_file_filter_add_pattern (filter, pattern2);
  return filter;
}

static void
import_chooser_response_cb (GtkNativeDialog       *chooser,
                            int                    response,
                            CwbExpertRegistryPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "experts.import-file", "s", path);
      else if (file != NULL)
        show_toast (self, _("Choose a local file."));
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) both = new_filter (_("CSV or Excel files"), "*.[cC][sS][vV]", "*.[xX][lL][sS][xX]");

  if (self->experts == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Experts"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), both);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
export_experts (const char  *path,
                guint        filter_index,
                gpointer     user_data,
                GError     **error)
{
  CwbExpertRegistryPage *self = user_data;

  return cwb_expert_registry_export (self->experts, path, NULL, NULL, error);
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);

  if (self->experts != NULL)
    cwb_save_chooser_save_to (self->toast_overlay, g_variant_get_string (parameter, NULL), export_experts, self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (widget);
  const char *suffixes[] = { "xlsx", "csv", NULL };
  const char *descriptions[] = { _("Excel workbook"), _("CSV file"), NULL };

  if (self->experts == NULL)
    return;

  /* Translators: the suggested file name of an export of the registry */
  cwb_save_chooser_save (widget, self->toast_overlay, _("Export Experts"), _("experts.xlsx"),
                         suffixes, descriptions, export_experts, self, NULL);
}

/* --------------------------------------------------------------- object */

static void
cwb_expert_registry_page_constructed (GObject *object)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (object);
  CwbStore *store = cwb_context_get_store (self->context);
  const char * const *industries = cwb_rule_set_get_industries (cwb_context_get_rules (self->context));
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cwb_expert_registry_page_parent_class)->constructed (object);

  gtk_string_list_append (self->field_model, _("All fields"));
  for (guint i = 0; industries != NULL && industries[i] != NULL; i++)
    gtk_string_list_append (self->field_model, industries[i]);

  if (store == NULL)
    {
      adw_status_page_set_description (self->unavailable_page,
                                       _("There is no workspace database."));
    }
  else if ((self->experts = cwb_expert_registry_get_for_store (store, &error)) == NULL)
    {
      adw_status_page_set_description (self->unavailable_page, error->message);
    }
  else
    {
      g_autoptr(GDateTime) now = cwb_context_dup_now (self->context);

      g_object_ref (self->experts);
      /* imports made while no registry was listening (the command line) */
      if (!cwb_expert_registry_sync_all (self->experts, now, &error))
        g_message ("Chief experts were not matched to the registry: %s", error->message);
      self->list = cwb_expert_registry_search (self->experts, "");
      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
      self->changed_handler = g_signal_connect_object (self->list, "items-changed",
                                                       G_CALLBACK (list_items_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), self->list != NULL);
  update_view (self);
}

static void
cwb_expert_registry_page_dispose (GObject *object)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->list != NULL)
    g_clear_signal_handler (&self->changed_handler, self->list);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->experts);


  G_OBJECT_CLASS (cwb_expert_registry_page_parent_class)->dispose (object);
}

static void
cwb_expert_registry_page_finalize (GObject *object)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cwb_expert_registry_page_parent_class)->finalize (object);
}

static void
cwb_expert_registry_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_registry_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CwbExpertRegistryPage *self = CWB_EXPERT_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_registry_page_class_init (CwbExpertRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_expert_registry_page_constructed;
  object_class->dispose = cwb_expert_registry_page_dispose;
  object_class->finalize = cwb_expert_registry_page_finalize;
  object_class->get_property = cwb_expert_registry_page_get_property;
  object_class->set_property = cwb_expert_registry_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL,
                         CWB_TYPE_EXPERT_LIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/experts/ui/cwb-expert-registry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, field_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, field_model);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, level_model);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, chief_check);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertRegistryPage, unavailable_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "experts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "experts.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "experts.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "experts.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "experts.import-file", "s", import_file_action);
  gtk_widget_class_install_action (widget_class, "experts.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "experts.export-to", "s", export_to_action);
}

static void
cwb_expert_registry_page_init (CwbExpertRegistryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->level_model, _("All title levels"));
  for (guint i = 0; i < CWB_EXPERT_N_LEVELS; i++)
    gtk_string_list_append (self->level_model, cwb_expert_level_to_label (i));

  build_columns (self);
}

/**
 * cwb_expert_registry_page_new:
 * @context: the host's services
 *
 * Returns: (transfer floating): a new #CwbExpertRegistryPage
 */
GtkWidget *
cwb_expert_registry_page_new (CwbContext *context)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  return g_object_new (CWB_TYPE_EXPERT_REGISTRY_PAGE, "context", context, NULL);
}
