/* cwb-consortium-editor.c — the built-in page that edits one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-consortium-editor.h"
#include "cwb-consortium-editor-private.h"
#include "cwb-exception-dialog.h"

static const struct {
  const char          *list_id;
  const char          *add_row_id;
  const char          *add_button_id;
  const char * const *(*get) (CwbConsortium *self);
  void                (*set) (CwbConsortium *self, const char * const *items);
} lists[N_LISTS] = {
  { "scientific_problems_list", "scientific_problems_add_row", "scientific_problems_add_button",
    cwb_consortium_get_scientific_problems, cwb_consortium_set_scientific_problems },
  { "key_technologies_list", "key_technologies_add_row", "key_technologies_add_button",
    cwb_consortium_get_key_technologies, cwb_consortium_set_key_technologies },
  { "transformation_results_list", "transformation_results_add_row", "transformation_results_add_button",
    cwb_consortium_get_transformation_results, cwb_consortium_set_transformation_results },
  { "landmark_results_list", "landmark_results_add_row", "landmark_results_add_button",
    cwb_consortium_get_landmark_results, cwb_consortium_set_landmark_results },
  { "standards_list", "standards_add_row", "standards_add_button", NULL, NULL },
};


enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbConsortiumEditor, cwb_consortium_editor, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static const char *
standard_kind_label (CwbStandardKind kind)
{
  switch (kind)
    {
    case CWB_STANDARD_KIND_TECHNICAL: return _("Technical standard");
    case CWB_STANDARD_KIND_PRODUCT:   return _("Product standard");
    case CWB_STANDARD_KIND_INDUSTRY:
    default:                          return _("Industry standard");
    }
}

/* The field's text without white space at either end (U+3000 too) */
static char *
dup_trimmed_text (gpointer editable)
{
  return cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static gboolean
has_focus_within (gpointer widget)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (widget)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

/* Sets an entry's text from the store unless the user is typing in it. */
static void
sync_entry (gpointer    editable,
            const char *value)
{
  if (has_focus_within (editable))
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (editable)), value ? value : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (editable), value ? value : "");
}

static void
sync_switch (GtkSwitch *widget,
             gboolean   value)
{
  if (gtk_switch_get_active (widget) != value)
    gtk_switch_set_active (widget, value);
}

void
_cwb_editor_show_toast (CwbConsortiumEditor *self,
                        AdwToast            *toast)
{
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_cwb_editor_show_error (CwbConsortiumEditor *self,
                        const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  _cwb_editor_show_toast (self, toast);
}

CwbStore *
_cwb_editor_get_store (CwbConsortiumEditor *self)
{
  return cwb_context_get_store (self->context);
}

/* A consortium with the own fields of the one shown (no members, no sections):
 * what cwb_store_update_consortium() writes. (transfer full) */
static CwbConsortium *
dup_own_fields (CwbConsortiumEditor *self)
{
  CwbConsortium *source = self->last_written ? self->last_written : self->consortium;
  CwbConsortium *copy;
  const GPtrArray *array;

  g_assert (source != NULL);

  copy = cwb_consortium_new ();
  cwb_consortium_set_id (copy, cwb_consortium_get_id (source));
  cwb_consortium_set_name (copy, cwb_consortium_get_name (source));
  cwb_consortium_set_industry (copy, cwb_consortium_get_industry (source));
  for (guint i = 0; i < N_STRING_LISTS; i++)
    lists[i].set (copy, lists[i].get (source));

  array = cwb_consortium_get_standards (source);
  for (guint i = 0; i < array->len; i++)
    cwb_consortium_add_standard (copy, cwb_standard_copy (g_ptr_array_index (array, i)));

  cwb_consortium_set_has_organization (copy, cwb_consortium_get_has_organization (source));
  cwb_consortium_set_decision_body (copy, cwb_consortium_get_decision_body (source));
  cwb_consortium_set_advisory_body (copy, cwb_consortium_get_advisory_body (source));
  cwb_consortium_set_executive_body (copy, cwb_consortium_get_executive_body (source));
  cwb_consortium_set_executive_permanent (copy, cwb_consortium_get_executive_permanent (source));
  cwb_consortium_set_executive_fulltime_staff (copy, cwb_consortium_get_executive_fulltime_staff (source));

  cwb_consortium_set_has_fund_management (copy, cwb_consortium_get_has_fund_management (source));
  cwb_consortium_set_fund_system (copy, cwb_consortium_get_fund_system (source));
  cwb_consortium_set_fund_internal_supervision (copy, cwb_consortium_get_fund_internal_supervision (source));

  array = cwb_consortium_get_exceptions (source);
  for (guint i = 0; i < array->len; i++)
    cwb_consortium_add_exception (copy, cwb_exception_copy (g_ptr_array_index (array, i)));

  return copy;
}

/* Writes the own fields of @consortium; the host then reloads it and sets
 * CwbContext:consortium, which refreshes the form. */
static gboolean
write_consortium (CwbConsortiumEditor *self,
                  CwbConsortium       *consortium)
{
  g_autoptr(GError) error = NULL;
  CwbStore *store = _cwb_editor_get_store (self);
  CwbConsortium *shown = self->consortium;

  if (store == NULL)
    {
      _cwb_editor_show_error (self, _("There is no workspace database to write to."));
      return FALSE;
    }

  if (!cwb_store_update_consortium (store, consortium, &error))
    {
      _cwb_editor_show_error (self, error->message);
      return FALSE;
    }

  /* If the host has not handed back the reloaded consortium yet, the next
   * edit starts from what was just written, not from the stale one. */
  if (self->consortium == shown && shown != NULL &&
      cwb_consortium_get_id (shown) == cwb_consortium_get_id (consortium))
    g_set_object (&self->last_written, consortium);

  return TRUE;
}

gboolean
_cwb_editor_can_edit (CwbConsortiumEditor *self)
{
  return self->consortium != NULL && _cwb_editor_get_store (self) != NULL;
}

/* ---------------------------------------------------------------- lists */

/* The items of list @id of @consortium as strings that compare equal when
 * the rows would look the same. (transfer full) */
static GStrv
dup_list_items (CwbConsortium *consortium,
                ListId         id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (id < N_STRING_LISTS)
    return g_strdupv ((char **) lists[id].get (consortium));

  for (guint i = 0; i < cwb_consortium_get_standards (consortium)->len; i++)
    {
      CwbStandard *standard = g_ptr_array_index (cwb_consortium_get_standards (consortium), i);
      g_autofree char *key = g_strdup_printf ("%d\x1f%s", standard->kind, standard->title);

      g_strv_builder_add (builder, key);
    }

  return g_strv_builder_end (builder);
}

static GtkWidget *
create_remove_button (const char *tooltip,
                      const char *action,
                      GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static void
remove_rows_but (GtkListBox *box,
                 GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep && GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (box, child);
      child = next;
    }
}

/* An item's row was edited and applied: its new text replaces the item */
static void
list_item_apply_cb (CwbConsortiumEditor *self,
                    AdwEntryRow         *row)
{
  ListId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cwb-list-id"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "cwb-list-index"));
  g_autofree char *text = dup_trimmed_text (row);
  g_autoptr(CwbConsortium) copy = NULL;

  if (!_cwb_editor_can_edit (self))
    return;

  copy = dup_own_fields (self);

  if (id == LIST_STANDARDS)
    {
      const GPtrArray *standards = cwb_consortium_get_standards (copy);
      const CwbStandard *standard;

      if (index >= standards->len)
        return;
      standard = g_ptr_array_index (standards, index);
      if (*text == '\0')
        {
          _cwb_editor_show_error (self, _("An item cannot be empty: remove it instead."));
          gtk_editable_set_text (GTK_EDITABLE (row), standard->title);
          return;
        }
      cwb_consortium_replace_standard (copy, index, cwb_standard_new (standard->kind, text));
    }
  else
    {
      g_auto(GStrv) items = g_strdupv ((char **) lists[id].get (copy));

      if (index >= g_strv_length (items))
        return;
      if (*text == '\0')
        {
          _cwb_editor_show_error (self, _("An item cannot be empty: remove it instead."));
          gtk_editable_set_text (GTK_EDITABLE (row), items[index]);
          return;
        }
      g_free (items[index]);
      items[index] = g_steal_pointer (&text);
      lists[id].set (copy, (const char * const *) items);
    }

  write_consortium (self, copy);
}

static void
refresh_list (CwbConsortiumEditor *self,
              ListId               id)
{
  g_auto(GStrv) items = dup_list_items (self->consortium, id);

  if (self->shown[id] != NULL && g_strv_equal ((const char * const *) self->shown[id],
                                               (const char * const *) items))
    return;

  remove_rows_but (self->list_boxes[id], GTK_WIDGET (self->add_rows[id]));

  /* each item is edited in place: changed text is written on Enter or
   * with the row's apply button */
  for (guint i = 0; items[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *button;
      g_autofree char *title = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);

      if (id == LIST_STANDARDS)
        {
          CwbStandard *standard = g_ptr_array_index (cwb_consortium_get_standards (self->consortium), i);

          /* TRANSLATORS: the title of a planned standard's row: its position and kind */
          title = g_strdup_printf (_("%u. %s"), i + 1, standard_kind_label (standard->kind));
          gtk_editable_set_text (GTK_EDITABLE (row), standard->title);
        }
      else
        {
          /* TRANSLATORS: the title of a list item's row: its position */
          title = g_strdup_printf (_("Item %u"), i + 1);
          gtk_editable_set_text (GTK_EDITABLE (row), items[i]);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data (G_OBJECT (row), "cwb-list-id", GUINT_TO_POINTER (id));
      g_object_set_data (G_OBJECT (row), "cwb-list-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "apply", G_CALLBACK (list_item_apply_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_set_sensitive (row, _cwb_editor_can_edit (self));

      button = create_remove_button (_("Remove"), "editor.remove-list-item",
                                     g_variant_new ("(uu)", (guint32) id, (guint32) i));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);

      gtk_list_box_insert (self->list_boxes[id], row, (int) i);
    }

  g_strfreev (self->shown[id]);
  self->shown[id] = g_steal_pointer (&items);
}

static ListId
find_list (CwbConsortiumEditor *self,
           gpointer             widget)
{
  for (guint i = 0; i < N_LISTS; i++)
    if (widget == (gpointer) self->add_rows[i] || widget == (gpointer) self->add_buttons[i])
      return i;

  g_assert_not_reached ();
}

static void
add_list_item (CwbConsortiumEditor *self,
               ListId               id)
{
  g_autoptr(CwbConsortium) copy = NULL;
  g_autofree char *text = dup_trimmed_text (self->add_rows[id]);

  if (!_cwb_editor_can_edit (self))
    return;

  if (*text == '\0')
    {
      _cwb_editor_show_error (self, _("Type the item to add first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->add_rows[id]));
      return;
    }

  copy = dup_own_fields (self);

  if (id == LIST_STANDARDS)
    {
      guint kind = gtk_drop_down_get_selected (self->standards_kind_dropdown);

      if (kind > CWB_STANDARD_KIND_INDUSTRY)
        kind = CWB_STANDARD_KIND_TECHNICAL;
      cwb_consortium_add_standard (copy, cwb_standard_new (kind, text));
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) items = NULL;

      g_strv_builder_addv (builder, (const char **) lists[id].get (copy));
      g_strv_builder_add (builder, text);
      items = g_strv_builder_end (builder);
      lists[id].set (copy, (const char * const *) items);
    }

  if (write_consortium (self, copy))
    gtk_editable_set_text (GTK_EDITABLE (self->add_rows[id]), "");
}

static void
list_add_cb (CwbConsortiumEditor *self,
             AdwEntryRow         *row)
{
  add_list_item (self, find_list (self, row));
}

static void
list_add_button_cb (CwbConsortiumEditor *self,
                    GtkButton           *button)
{
  add_list_item (self, find_list (self, button));
}

static void
remove_list_item_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  g_autoptr(CwbConsortium) copy = NULL;
  guint32 id, index;

  g_variant_get (parameter, "(uu)", &id, &index);

  if (!_cwb_editor_can_edit (self) || id >= N_LISTS)
    return;

  copy = dup_own_fields (self);

  if (id == LIST_STANDARDS)
    {
      if (index >= cwb_consortium_get_standards (copy)->len)
        return;
      cwb_consortium_remove_standard (copy, index);
    }
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      const char * const *items = lists[id].get (copy);
      g_auto(GStrv) remaining = NULL;

      if (index >= g_strv_length ((char **) items))
        return;

      for (guint i = 0; items[i] != NULL; i++)
        if (i != index)
          g_strv_builder_add (builder, items[i]);
      remaining = g_strv_builder_end (builder);
      lists[id].set (copy, (const char * const *) remaining);
    }

  if (write_consortium (self, copy))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_rows[id]));
}

/* ------------------------------------------------------- basic information */

static void
set_name_message (CwbConsortiumEditor *self,
                  const char          *message)
{
  gtk_label_set_text (self->name_message, message ? message : "");
  gtk_widget_set_visible (self->name_message_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
name_changed_cb (CwbConsortiumEditor *self)
{
  if (self->updating == 0)
    set_name_message (self, NULL);
}

static void
name_apply_cb (CwbConsortiumEditor *self)
{
  g_autoptr(CwbConsortium) copy = NULL;
  g_autofree char *name = dup_trimmed_text (self->name_row);
  gint64 existing;

  if (!_cwb_editor_can_edit (self))
    return;

  if (*name == '\0')
    {
      set_name_message (self, _("The consortium’s name cannot be empty."));
      return;
    }

  if (g_strcmp0 (name, cwb_consortium_get_name (self->consortium)) == 0)
    {
      set_name_message (self, NULL);
      return;
    }

  existing = cwb_store_lookup_consortium (_cwb_editor_get_store (self), name);
  if (existing != 0 && existing != cwb_consortium_get_id (self->consortium))
    {
      g_autofree char *message =
        g_strdup_printf (_("There is already a consortium named “%s”; choose another name."), name);
      set_name_message (self, message);
      return;
    }

  copy = dup_own_fields (self);
  cwb_consortium_set_name (copy, name);
  if (write_consortium (self, copy))
    set_name_message (self, NULL);
}

static gboolean
is_listed_industry (CwbConsortiumEditor *self,
                    const char          *industry,
                    guint               *position)
{
  for (guint i = 0; i < self->n_industries; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->industry_model, i), industry) == 0)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

static void
refresh_industry (CwbConsortiumEditor *self)
{
  const char *industry = cwb_consortium_get_industry (self->consortium);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_extra = self->extra_industry != NULL ? 1 : 0;

  if (industry == NULL || *industry == '\0' || is_listed_industry (self, industry, &position))
    {
      if (n_extra > 0)
        {
          gtk_string_list_splice (self->industry_model, self->n_industries, n_extra, NULL);
          g_clear_pointer (&self->extra_industry, g_free);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->industry_warning_row), FALSE);
    }
  else
    {
      g_autofree char *warning = NULL;

      if (g_strcmp0 (self->extra_industry, industry) != 0)
        {
          const char *items[] = { industry, NULL };

          gtk_string_list_splice (self->industry_model, self->n_industries, n_extra, items);
          g_free (self->extra_industry);
          self->extra_industry = g_strdup (industry);
        }
      position = self->n_industries;

      warning = g_strdup_printf (_("“%s” is not one of the industry clusters the policy lists (rule I1); it is kept as imported."),
                                 industry);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->industry_warning_row), warning);
      gtk_widget_set_visible (GTK_WIDGET (self->industry_warning_row), TRUE);
    }

  if (adw_combo_row_get_selected (self->industry_row) != position)
    adw_combo_row_set_selected (self->industry_row, position);
}

static void
industry_selected_cb (CwbConsortiumEditor *self)
{
  g_autoptr(CwbConsortium) copy = NULL;
  guint position;
  const char *industry;

  if (self->updating > 0 || !_cwb_editor_can_edit (self))
    return;

  position = adw_combo_row_get_selected (self->industry_row);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  industry = gtk_string_list_get_string (self->industry_model, position);
  if (industry == NULL || g_strcmp0 (industry, cwb_consortium_get_industry (self->consortium)) == 0)
    return;

  copy = dup_own_fields (self);
  cwb_consortium_set_industry (copy, industry);
  write_consortium (self, copy);
}

/* -------------------------------------------- organization, fund management */

static void
refresh_organization (CwbConsortiumEditor *self)
{
  CwbConsortium *consortium = self->consortium;
  int staff = cwb_consortium_get_executive_fulltime_staff (consortium);

  sync_entry (self->decision_body_row, cwb_consortium_get_decision_body (consortium));
  sync_entry (self->advisory_body_row, cwb_consortium_get_advisory_body (consortium));
  sync_entry (self->executive_body_row, cwb_consortium_get_executive_body (consortium));
  sync_switch (self->permanent_switch, cwb_consortium_get_executive_permanent (consortium));

  if (!has_focus_within (self->staff_spin))
    {
      double value = staff == CWB_UNKNOWN ? 0 : staff;

      if (gtk_spin_button_get_value (self->staff_spin) != value)
        gtk_spin_button_set_value (self->staff_spin, value);
    }
  adw_action_row_set_subtitle (self->staff_row, staff == CWB_UNKNOWN ? _("Not given") : "");

  sync_switch (self->fund_system_switch, cwb_consortium_get_fund_system (consortium));
  sync_switch (self->fund_supervision_switch, cwb_consortium_get_fund_internal_supervision (consortium));
}

static void
organization_apply_cb (CwbConsortiumEditor *self,
                       AdwEntryRow         *row)
{
  g_autoptr(CwbConsortium) copy = NULL;
  g_autofree char *text = dup_trimmed_text (row);
  const char *value = *text != '\0' ? text : NULL;

  if (!_cwb_editor_can_edit (self))
    return;

  copy = dup_own_fields (self);
  cwb_consortium_set_has_organization (copy, TRUE);

  if (row == self->decision_body_row)
    cwb_consortium_set_decision_body (copy, value);
  else if (row == self->advisory_body_row)
    cwb_consortium_set_advisory_body (copy, value);
  else if (row == self->executive_body_row)
    cwb_consortium_set_executive_body (copy, value);
  else
    g_assert_not_reached ();

  write_consortium (self, copy);
}

static void
organization_switch_cb (CwbConsortiumEditor *self)
{
  g_autoptr(CwbConsortium) copy = NULL;

  if (self->updating > 0 || !_cwb_editor_can_edit (self))
    return;

  copy = dup_own_fields (self);
  cwb_consortium_set_has_organization (copy, TRUE);
  cwb_consortium_set_executive_permanent (copy, gtk_switch_get_active (self->permanent_switch));
  write_consortium (self, copy);
}

static void
staff_changed_cb (CwbConsortiumEditor *self)
{
  g_autoptr(CwbConsortium) copy = NULL;
  int staff;

  if (self->updating > 0 || !_cwb_editor_can_edit (self))
    return;

  staff = gtk_spin_button_get_value_as_int (self->staff_spin);
  if (staff == cwb_consortium_get_executive_fulltime_staff (self->consortium))
    return;

  copy = dup_own_fields (self);
  cwb_consortium_set_has_organization (copy, TRUE);
  cwb_consortium_set_executive_fulltime_staff (copy, staff);
  write_consortium (self, copy);
}

static void
fund_switch_cb (CwbConsortiumEditor *self)
{
  g_autoptr(CwbConsortium) copy = NULL;

  if (self->updating > 0 || !_cwb_editor_can_edit (self))
    return;

  copy = dup_own_fields (self);
  cwb_consortium_set_has_fund_management (copy, TRUE);
  cwb_consortium_set_fund_system (copy, gtk_switch_get_active (self->fund_system_switch));
  cwb_consortium_set_fund_internal_supervision (copy, gtk_switch_get_active (self->fund_supervision_switch));
  write_consortium (self, copy);
}

void
_cwb_editor_present_dialog (CwbConsortiumEditor *self,
                            GtkWindow           *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);
}

/* -------------------------------------------------------------- exceptions */

static GStrv
dup_exception_keys (CwbConsortium *consortium)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const GPtrArray *exceptions = cwb_consortium_get_exceptions (consortium);

  for (guint i = 0; i < exceptions->len; i++)
    {
      CwbException *exception = g_ptr_array_index (exceptions, i);
      g_autofree char *key = g_strjoin ("\x1f", exception->rule ?: "", exception->document ?: "",
                                        exception->date ?: "", exception->reason ?: "", NULL);

      g_strv_builder_add (builder, key);
    }

  return g_strv_builder_end (builder);
}

static void
refresh_exceptions (CwbConsortiumEditor *self)
{
  g_auto(GStrv) keys = dup_exception_keys (self->consortium);
  const GPtrArray *exceptions = cwb_consortium_get_exceptions (self->consortium);
  CwbRuleSet *rules = cwb_context_get_rules (self->context);

  if (self->shown_exceptions != NULL &&
      g_strv_equal ((const char * const *) self->shown_exceptions, (const char * const *) keys))
    return;

  remove_rows_but (self->exceptions_list, NULL);

  for (guint i = 0; i < exceptions->len; i++)
    {
      CwbException *exception = g_ptr_array_index (exceptions, i);
      const char *rule_title = rules ? cwb_rule_set_get_rule_title (rules, exception->rule) : NULL;
      g_autofree char *date = cwb_format_date (exception->date);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;

      /* TRANSLATORS: a rule's id and its one-line title */
      title = g_strdup_printf (_("%s — %s"), exception->rule, rule_title ? rule_title : "");
      /* TRANSLATORS: an exception's document number, date and reason */
      subtitle = g_strdup_printf (_("%s · %s · %s"), exception->document ?: "",
                                  date ? date : (exception->date ?: ""), exception->reason ?: "");

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = create_remove_button (_("Remove Exception"), "editor.remove-exception",
                                     g_variant_new_string (exception->rule));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->exceptions_list, row);
    }

  g_strfreev (self->shown_exceptions);
  self->shown_exceptions = g_steal_pointer (&keys);
}

static void
refresh_role (CwbConsortiumEditor *self)
{
  gboolean authority = cwb_context_get_role (self->context) == CWB_ROLE_AUTHORITY;

  gtk_widget_set_visible (GTK_WIDGET (self->exceptions_group), authority);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-exception",
                                 authority && _cwb_editor_can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.remove-exception",
                                 authority && _cwb_editor_can_edit (self));
}

static void
add_exception_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  CwbExceptionDialog *dialog;

  if (!_cwb_editor_can_edit (self))
    return;

  dialog = cwb_exception_dialog_new (self->context, cwb_consortium_get_id (self->consortium));
  _cwb_editor_present_dialog (self, GTK_WINDOW (dialog));
}

static void
remove_exception_response_cb (AdwMessageDialog    *dialog,
                              const char          *response,
                              CwbConsortiumEditor *self)
{
  const char *rule = g_object_get_data (G_OBJECT (dialog), "rule");
  const gint64 *id = g_object_get_data (G_OBJECT (dialog), "consortium-id");
  g_autoptr(CwbConsortium) copy = NULL;

  if (g_strcmp0 (response, "remove") != 0 || !_cwb_editor_can_edit (self) ||
      id == NULL || cwb_consortium_get_id (self->consortium) != *id)
    return;

  copy = dup_own_fields (self);
  if (cwb_consortium_remove_exception (copy, rule))
    write_consortium (self, copy);
}

static void
remove_exception_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);
  const char *rule = g_variant_get_string (parameter, NULL);
  const CwbException *exception;
  GtkRoot *root;
  GtkWidget *dialog;
  gint64 id;

  if (!_cwb_editor_can_edit (self))
    return;

  exception = cwb_consortium_find_exception (self->consortium, rule);
  if (exception == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove the Exception?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The case-by-case exception for rule %s (%s) will be removed; the rule is then checked as usual."),
                                  rule, exception->document ? exception->document : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rule", g_strdup (rule), g_free);
  id = cwb_consortium_get_id (self->consortium);
  g_object_set_data_full (G_OBJECT (dialog), "consortium-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_exception_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ refresh */

static gboolean
restore_scroll_cb (gpointer user_data)
{
  CwbConsortiumEditor *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  self->scroll_source = 0;
  gtk_adjustment_set_value (adjustment, self->scroll_value);

  return G_SOURCE_REMOVE;
}

/* The form's first showing. Laying out all its groups at once (their
 * Chinese titles and descriptions shaped at several widths) held the
 * window for about 100 ms, however small the consortium: the groups after
 * the first two now come one a frame, top first, as the member table
 * fills. Later consortia reuse what was measured. */
#define N_GROUPS_AT_ONCE 2

static gboolean
unveil_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (widget);

  if (self->held->len > 0)
    {
      GtkWidget *group = g_ptr_array_steal_index (self->held, 0);

      /* the exceptions group shows only for the role that decides them */
      if (group == GTK_WIDGET (self->exceptions_group))
        refresh_role (self);
      else
        gtk_widget_set_visible (group, TRUE);
    }

  if (self->held->len > 0)
    return G_SOURCE_CONTINUE;

  self->unveil_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
unveil_form (CwbConsortiumEditor *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->lifecycle_group));
  guint n = 0;

  if (self->unveiled)
    return;
  self->unveiled = TRUE;

  self->held = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (n++ < N_GROUPS_AT_ONCE || !gtk_widget_get_visible (child))
        continue;
      gtk_widget_set_visible (child, FALSE);
      g_ptr_array_add (self->held, child);
    }

  if (self->held->len > 0)
    self->unveil_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), unveil_tick_cb, NULL, NULL);
}

static void
refresh (CwbConsortiumEditor *self)
{
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gboolean same = FALSE;
  double scroll = gtk_adjustment_get_value (adjustment);

  if (self->consortium != NULL && consortium != NULL)
    same = cwb_consortium_get_id (self->consortium) == cwb_consortium_get_id (consortium);

  g_set_object (&self->consortium, consortium);
  g_clear_object (&self->last_written);

  cwb_lifecycle_group_set_consortium_id (self->lifecycle_group,
                                         consortium != NULL ? cwb_consortium_get_id (consortium) : 0);

  if (consortium == NULL)
    {
      /* while the view is still shown: its rows then go frame by frame */
      _cwb_editor_set_members (self, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      refresh_role (self);
      return;
    }

  self->updating++;

  if (!same)
    {
      /* another consortium: forget what belonged to the previous one */
      g_hash_table_remove_all (self->removed);
      for (guint i = 0; i < N_LISTS; i++)
        {
          g_clear_pointer (&self->shown[i], g_strfreev);
          gtk_editable_set_text (GTK_EDITABLE (self->add_rows[i]), "");
        }
      g_clear_pointer (&self->shown_exceptions, g_strfreev);
      set_name_message (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), cwb_consortium_get_name (consortium) ?: "");
    }
  else if (!has_focus_within (self->name_row) &&
           g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                      cwb_consortium_get_name (consortium) ?: "") != 0)
    {
      set_name_message (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), cwb_consortium_get_name (consortium) ?: "");
    }

  refresh_industry (self);
  for (guint i = 0; i < N_LISTS; i++)
    refresh_list (self, i);
  refresh_organization (self);
  refresh_exceptions (self);
  _cwb_editor_set_members (self, cwb_consortium_get_id (consortium));
  refresh_role (self);

  self->updating--;

  unveil_form (self);
  gtk_stack_set_visible_child_name (self->stack, "form");

  if (same)
    {
      /* rows rebuilt above may have moved the view: put it back */
      gtk_adjustment_set_value (adjustment, scroll);
      self->scroll_value = scroll;
      if (self->scroll_source == 0)
        self->scroll_source = g_idle_add (restore_scroll_cb, self);
    }
  else
    gtk_adjustment_set_value (adjustment, 0);
}

static void
consortium_changed_cb (CwbConsortiumEditor *self)
{
  refresh (self);
}

static void
role_changed_cb (CwbConsortiumEditor *self)
{
  refresh_role (self);
}

static void
populate_industries (CwbConsortiumEditor *self)
{
  CwbRuleSet *rules = cwb_context_get_rules (self->context);
  const char * const *industries = rules ? cwb_rule_set_get_industries (rules) : NULL;

  self->updating++;
  for (guint i = 0; industries != NULL && industries[i] != NULL; i++)
    gtk_string_list_append (self->industry_model, industries[i]);
  self->n_industries = industries ? g_strv_length ((char **) industries) : 0;
  adw_combo_row_set_selected (self->industry_row, GTK_INVALID_LIST_POSITION);
  self->updating--;
}

static void
cwb_consortium_editor_constructed (GObject *object)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (object);

  G_OBJECT_CLASS (cwb_consortium_editor_parent_class)->constructed (object);

  g_assert (CWB_IS_CONTEXT (self->context));

  populate_industries (self);
  cwb_lifecycle_group_set_context (self->lifecycle_group, self->context);

  g_signal_connect_object (self->context, "notify::consortium",
                           G_CALLBACK (consortium_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role",
                           G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

static void
cwb_consortium_editor_dispose (GObject *object)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (object);

  g_clear_handle_id (&self->scroll_source, g_source_remove);
  if (self->unveil_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->unveil_tick);
  self->unveil_tick = 0;
  g_clear_pointer (&self->held, g_ptr_array_unref);

  _cwb_editor_dispose_members (self);

  /* AdwBin unparents its child (the toast overlay) itself; the template's
   * references go with the instance. */

  g_clear_object (&self->last_toast);
  g_clear_object (&self->last_written);
  g_clear_object (&self->consortium);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cwb_consortium_editor_parent_class)->dispose (object);
}

static void
cwb_consortium_editor_finalize (GObject *object)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (object);

  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->shown[i], g_strfreev);
  g_clear_pointer (&self->shown_exceptions, g_strfreev);
  g_clear_pointer (&self->extra_industry, g_free);
  g_clear_pointer (&self->removed, g_hash_table_unref);

  G_OBJECT_CLASS (cwb_consortium_editor_parent_class)->finalize (object);
}

static void
cwb_consortium_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_consortium_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwbConsortiumEditor *self = CWB_CONSORTIUM_EDITOR (object);

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
cwb_consortium_editor_class_init (CwbConsortiumEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CWB_TYPE_LIFECYCLE_GROUP);

  object_class->constructed = cwb_consortium_editor_constructed;
  object_class->dispose = cwb_consortium_editor_dispose;
  object_class->finalize = cwb_consortium_editor_finalize;
  object_class->get_property = cwb_consortium_editor_get_property;
  object_class->set_property = cwb_consortium_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-consortium-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, industry_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, industry_model);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, industry_warning_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, standards_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, decision_body_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, advisory_body_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, executive_body_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, permanent_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, staff_spin);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, fund_system_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, fund_supervision_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, members_view);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, members_selection);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, lifecycle_group);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, exceptions_group);
  gtk_widget_class_bind_template_child (widget_class, CwbConsortiumEditor, exceptions_list);

  for (guint i = 0; i < N_LISTS; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, lists[i].list_id, FALSE,
                                                 G_STRUCT_OFFSET (CwbConsortiumEditor, list_boxes) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, lists[i].add_row_id, FALSE,
                                                 G_STRUCT_OFFSET (CwbConsortiumEditor, add_rows) +
                                                 i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, lists[i].add_button_id, FALSE,
                                                 G_STRUCT_OFFSET (CwbConsortiumEditor, add_buttons) +
                                                 i * sizeof (gpointer));
    }

  gtk_widget_class_bind_template_callback (widget_class, name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, industry_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_add_button_cb);
  gtk_widget_class_bind_template_callback (widget_class, organization_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, organization_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, staff_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fund_switch_cb);

  _cwb_editor_class_init_members (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.remove-list-item", "(uu)", remove_list_item_action);
  gtk_widget_class_install_action (widget_class, "editor.add-exception", NULL, add_exception_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-exception", "s", remove_exception_action);

}

static void
cwb_consortium_editor_init (CwbConsortiumEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _cwb_editor_init_members (self);
}

/**
 * cwb_consortium_editor_new:
 * @context: the host's context
 *
 * Returns: (transfer floating): the page "联合体信息"
 */
GtkWidget *
cwb_consortium_editor_new (CwbContext *context)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  return g_object_new (CWB_TYPE_CONSORTIUM_EDITOR, "context", context, NULL);
}

/* (transfer none) */
gpointer
_cwb_consortium_editor_get_child (CwbConsortiumEditor *self,
                                  const char          *id)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_EDITOR (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), CWB_TYPE_CONSORTIUM_EDITOR, id);
}

/* (transfer none) (nullable) */
AdwToast *
_cwb_consortium_editor_get_last_toast (CwbConsortiumEditor *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_EDITOR (self), NULL);

  return self->last_toast;
}
