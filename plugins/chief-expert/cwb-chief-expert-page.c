/* cwb-chief-expert-page.c — the chief expert of the current consortium, and its reviewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-chief-expert-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-chief-expert-page.h"
#include "cwb-expert-dialog.h"

struct _CwbChiefExpertPage
{
  AdwBin               parent_instance;

  /* owned */
  CwbContext          *context;
  CwbExpertRegistry   *experts;        /* NULL without a store */
  CwbExpertList       *search;
  GtkNoSelection      *search_selection;
  gint64               consortium_id;
  guint                refresh_source;
  gulong               changed_handler;
  CwbStore            *store;          /* owned while "changed" is connected */
  gulong               store_handler;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  AdwActionRow        *current_row;
  GtkSearchEntry      *chooser_search;
  GtkListView         *chooser_view;
  GtkListBox          *history_list;
  GtkWidget           *reviewers_group;
  GtkListBox          *suggestions_list;
  GtkListBox          *chosen_list;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbChiefExpertPage, cwb_chief_expert_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void refresh (CwbChiefExpertPage *self);
static void opinion_save_clicked_cb (GtkButton *button, CwbChiefExpertPage *self);

static void
show_toast (CwbChiefExpertPage *self,
            const char         *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_list_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* "研究员（正高级）· 海南大学 · 深海科技" */
static char *
expert_summary (CwbExpert *expert)
{
  g_autofree char *fields = cwb_expert_dup_fields_text (expert);
  GString *text = g_string_new (NULL);

  if (*cwb_expert_get_title (expert) != '\0')
    /* Translators: a professional title and its level, e.g. 研究员（正高级） */
    g_string_append_printf (text, _("%s (%s)"), cwb_expert_get_title (expert),
                            cwb_expert_level_to_label (cwb_expert_get_level (expert)));
  else
    g_string_append (text, cwb_expert_level_to_label (cwb_expert_get_level (expert)));
  if (*cwb_expert_get_affiliation_name (expert) != '\0')
    g_string_append_printf (text, " · %s", cwb_expert_get_affiliation_name (expert));
  if (*fields != '\0')
    g_string_append_printf (text, " · %s", fields);

  return g_string_free (text, FALSE);
}

static GtkWidget *
action_button (const char *label,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* -------------------------------------------------------------- refresh */

static void
refresh_current (CwbChiefExpertPage *self)
{
  gint64 chief = cwb_expert_registry_get_chief (self->experts, self->consortium_id);
  g_autoptr(CwbExpert) expert = chief ? cwb_expert_registry_get (self->experts, chief, NULL) : NULL;

  if (expert == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), _("No chief expert chosen yet"));
      adw_action_row_set_subtitle (self->current_row,
                                   _("Policy 5 (1) 3: the lead unit selects a chief expert of high academic standing who knows the industry. Choose one from the registry below."));
    }
  else
    {
      g_autofree char *summary = expert_summary (expert);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->current_row), cwb_expert_get_name (expert));
      adw_action_row_set_subtitle (self->current_row, summary);
    }
}

static void
refresh_history (CwbChiefExpertPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = cwb_expert_registry_list_chief_history (self->experts, self->consortium_id, &error);

  clear_list_box (self->history_list);
  if (history == NULL)
    {
      gtk_list_box_append (self->history_list, placeholder_row (error->message));
      return;
    }
  if (history->len == 0)
    {
      gtk_list_box_append (self->history_list, placeholder_row (_("No chief expert has been recorded.")));
      return;
    }

  /* 六(三)(1), for staff: changes after approval, counted above the rows */
  if (cwb_context_get_role (self->context) == CWB_ROLE_AUTHORITY)
    {
      guint n_after = 0;

      for (guint i = 0; i < history->len; i++)
        n_after += ((CwbChiefAssignment *) g_ptr_array_index (history, i))->after_approval ? 1 : 0;

      if (n_after > 0)
        {
          GtkWidget *notice = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          g_autofree char *title = NULL;

          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "The chief expert was changed %u time after approval",
                                                "The chief expert was changed %u times after approval",
                                                n_after),
                                   n_after);
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (notice), icon);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (notice), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notice), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (notice),
                                       _("Negative list 六(三)(1): a change of principal that disrupts the consortium’s normal operation cancels it. Check whether this change did."));
          gtk_widget_set_name (notice, "approval-notice");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (notice), FALSE);
          gtk_list_box_append (self->history_list, notice);
        }
    }

  /* newest first */
  for (guint i = history->len; i > 0; i--)
    {
      CwbChiefAssignment *assignment = g_ptr_array_index (history, i - 1);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *from = cwb_format_date (assignment->from_date);
      g_autofree char *to = assignment->to_date ? cwb_format_date (assignment->to_date) : NULL;
      g_autofree char *period = NULL;
      g_autofree char *subtitle = NULL;

      if (to != NULL)
        /* Translators: the period a chief expert served, two dates */
        period = g_strdup_printf (_("%s to %s"), from, to);
      else
        /* Translators: the period of the current chief expert, a date */
        period = g_strdup_printf (_("since %s (current)"), from);

      if (assignment->reason != NULL && *assignment->reason != '\0')
        /* Translators: a period, then the reason the chief expert was chosen */
        subtitle = g_strdup_printf (_("%s — reason: %s"), period, assignment->reason);
      else
        subtitle = g_strdup (period);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), assignment->expert_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      if (assignment->after_approval && cwb_context_get_role (self->context) == CWB_ROLE_AUTHORITY)
        {
          GtkWidget *flag = gtk_label_new (_("Changed after approval · 六(三)(1)"));

          gtk_widget_set_name (flag, "after-approval");
          gtk_widget_set_valign (flag, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (flag, "warning");
          gtk_widget_set_tooltip_text (flag, _("This change of chief expert began after the consortium was approved."));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
        }
      gtk_list_box_append (self->history_list, row);
    }
}

static void
refresh_reviewers (CwbChiefExpertPage *self,
                   CwbConsortium      *consortium)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GHashTable) chosen_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  clear_list_box (self->suggestions_list);
  clear_list_box (self->chosen_list);

  chosen = cwb_expert_registry_list_reviewers (self->experts, self->consortium_id, &error);
  if (chosen == NULL)
    {
      gtk_list_box_append (self->chosen_list, placeholder_row (error->message));
      g_clear_error (&error);
    }
  else if (chosen->len == 0)
    gtk_list_box_append (self->chosen_list, placeholder_row (_("No reviewer has been chosen.")));
  else
    for (guint i = 0; i < chosen->len; i++)
      {
        CwbReviewer *reviewer = g_ptr_array_index (chosen, i);
        gint64 id = cwb_expert_get_id (reviewer->expert);
        g_autofree char *summary = expert_summary (reviewer->expert);
        g_autofree char *name = g_strdup_printf ("expert-%" G_GINT64_FORMAT, id);
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *entry = gtk_entry_new ();
        GtkWidget *save;

        g_hash_table_add (chosen_ids, g_memdup2 (&id, sizeof id));
        gtk_widget_set_name (row, name);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cwb_expert_get_name (reviewer->expert));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
        gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
        gtk_widget_set_size_request (entry, 260, -1);
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Opinion"));
        gtk_editable_set_text (GTK_EDITABLE (entry), reviewer->opinion ? reviewer->opinion : "");
        gtk_widget_set_name (entry, "opinion");
        save = gtk_button_new_from_icon_name ("document-save-symbolic");
        gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (save, _("Record the opinion"));
        gtk_widget_add_css_class (save, "flat");
        g_object_set_data (G_OBJECT (save), "cwb-entry", entry);
        g_object_set_data (G_OBJECT (save), "cwb-expert-id", GSIZE_TO_POINTER (id));
        g_signal_connect_object (save, "clicked", G_CALLBACK (opinion_save_clicked_cb), self, 0);
        g_signal_connect_swapped (entry, "activate", G_CALLBACK (gtk_widget_activate), save);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), save);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   action_button (_("_Remove"), _("No longer a reviewer of this consortium"),
                                                  "reviewers.remove", g_variant_new_int64 (id)));
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        gtk_list_box_append (self->chosen_list, row);
      }

  suggested = cwb_expert_registry_suggest_reviewers (self->experts, consortium, 0, &error);
  if (suggested == NULL)
    {
      gtk_list_box_append (self->suggestions_list, placeholder_row (error->message));
      return;
    }
  if (suggested->len == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the consortium's industry */
      text = g_strdup_printf (_("No expert of the registry has a field naming “%s”."),
                              cwb_consortium_get_industry (consortium));
      gtk_list_box_append (self->suggestions_list, placeholder_row (text));
      return;
    }

  for (guint i = 0; i < suggested->len; i++)
    {
      CwbReviewer *reviewer = g_ptr_array_index (suggested, i);
      gint64 id = cwb_expert_get_id (reviewer->expert);
      g_autofree char *summary = expert_summary (reviewer->expert);
      g_autofree char *name = g_strdup_printf ("expert-%" G_GINT64_FORMAT, id);
      GtkWidget *row = adw_action_row_new ();

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cwb_expert_get_name (reviewer->expert));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

      if (reviewer->conflict != CWB_REVIEWER_CONFLICT_NONE)
        {
          GtkWidget *label = gtk_label_new (_("Excluded"));
          g_autofree char *subtitle = NULL;

          /* Translators: an excluded reviewer: the expert's summary, then why */
          subtitle = g_strdup_printf (_("%s\nExcluded: %s"), summary, reviewer->reason ? reviewer->reason : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          gtk_widget_add_css_class (label, "error");
          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
          g_object_set_data_full (G_OBJECT (row), "cwb-reason", g_strdup (reviewer->reason), g_free);
        }
      else
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
          if (g_hash_table_contains (chosen_ids, &id))
            {
              GtkWidget *label = gtk_label_new (_("Chosen"));

              gtk_widget_add_css_class (label, "dim-label");
              gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
            }
          else
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       action_button (_("C_hoose"), _("Choose this expert as a reviewer"),
                                                      "reviewers.add", g_variant_new_int64 (id)));
        }
      gtk_list_box_append (self->suggestions_list, row);
    }
}

static void
refresh (CwbChiefExpertPage *self)
{
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  gboolean authority = cwb_context_get_role (self->context) == CWB_ROLE_AUTHORITY;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->experts == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (consortium == NULL || cwb_consortium_get_id (consortium) == 0)
    {
      self->consortium_id = 0;
      adw_status_page_set_title (self->empty_page, _("No Consortium Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Select a consortium in the sidebar to choose its chief expert."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->consortium_id = cwb_consortium_get_id (consortium);
  refresh_current (self);
  refresh_history (self);
  gtk_widget_set_visible (self->reviewers_group, authority);
  if (authority)
    refresh_reviewers (self, consortium);

  gtk_stack_set_visible_child_name (self->stack, "main");
}

static gboolean
refresh_idle_cb (gpointer data)
{
  CwbChiefExpertPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CwbChiefExpertPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
store_changed_cb (CwbChiefExpertPage *self,
                  CwbChange           kind,
                  gint64              consortium_id)
{
  /* a step recorded or taken back may make a change "after approval" */
  if (kind == CWB_CHANGE_LIFECYCLE && consortium_id == self->consortium_id)
    queue_refresh (self);
}

/* -------------------------------------------------------- the chooser */

static void
chooser_search_changed_cb (CwbChiefExpertPage *self)
{
  if (self->search != NULL)
    cwb_expert_list_set_query (self->search, gtk_editable_get_text (GTK_EDITABLE (self->chooser_search)));
}

static void
chooser_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Make Chief _Expert"));

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), summary);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chief.choose");
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
chooser_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CwbExpert *expert = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_last_child (box);
  g_autofree char *summary = expert_summary (expert);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (labels)), cwb_expert_get_name (expert));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (labels)), summary);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (cwb_expert_get_id (expert)));
}

/* -------------------------------------------------------------- actions */

static gboolean
set_chief (CwbChiefExpertPage *self,
           gint64              expert_id,
           const char         *reason)
{
  g_autofree char *date = cwb_context_dup_today (self->context);
  g_autoptr(GError) error = NULL;

  if (!cwb_expert_registry_set_chief (self->experts, self->consortium_id, expert_id, date, reason, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  show_toast (self, _("The chief expert was recorded."));
  queue_refresh (self);
  return TRUE;
}

static void
set_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  gint64 expert_id;
  g_autofree char *reason = NULL;
  gint64 current;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  g_variant_get (parameter, "(xs)", &expert_id, &reason);
  g_strstrip (reason);
  current = cwb_expert_registry_get_chief (self->experts, self->consortium_id);
  if (current != 0 && current != expert_id && *reason == '\0')
    {
      show_toast (self, _("Give the reason for changing the chief expert."));
      return;
    }

  set_chief (self, expert_id, reason);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = cwb_text_dup_stripped (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "change", *text != '\0');
}

static void
reason_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    CwbChiefExpertPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 expert_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cwb-expert-id"));

  if (g_strcmp0 (response, "change") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "chief.set", "(xs)", expert_id,
                                gtk_editable_get_text (entry));
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  gint64 expert_id = g_variant_get_int64 (parameter);
  gint64 current;
  g_autoptr(CwbExpert) old = NULL;
  g_autoptr(CwbExpert) new = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  current = cwb_expert_registry_get_chief (self->experts, self->consortium_id);
  if (current == expert_id)
    {
      show_toast (self, _("This expert is the chief expert already."));
      return;
    }
  if (current == 0)
    {
      set_chief (self, expert_id, "");
      return;
    }

  old = cwb_expert_registry_get (self->experts, current, NULL);
  new = cwb_expert_registry_get (self->experts, expert_id, NULL);
  if (old == NULL || new == NULL)
    return;

  /* Translators: the first %s is the chief expert now, the second the new one */
  body = g_strdup_printf (_("%s will no longer be the chief expert; %s will be from today. A change of the chief expert after approval matters for the negative list, policy 6 (3) (1). Give the reason for the change."),
                          cwb_expert_get_name (old), cwb_expert_get_name (new));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Change the Chief Expert?"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the change"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "change", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_object_set_data (G_OBJECT (dialog), "cwb-purpose", (gpointer) "chief-reason");
  g_object_set_data (G_OBJECT (dialog), "cwb-expert-id", GSIZE_TO_POINTER (expert_id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_expert_saved_cb (CwbExpertDialog    *dialog,
                     gint64              expert_id,
                     CwbChiefExpertPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chief.choose", "x", expert_id);
}

static void
add_new_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  CwbExpertDialog *dialog;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  dialog = cwb_expert_dialog_new (self->context, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (widget)));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (new_expert_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reviewer_add_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  if (!cwb_expert_registry_add_reviewer (self->experts, self->consortium_id, g_variant_get_int64 (parameter), &error))
    show_toast (self, error->message);
  queue_refresh (self);
}

static void
reviewer_remove_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  if (!cwb_expert_registry_remove_reviewer (self->experts, self->consortium_id, g_variant_get_int64 (parameter), &error))
    show_toast (self, error->message);
  queue_refresh (self);
}

static void
reviewer_opinion_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = cwb_context_dup_today (self->context);
  gint64 expert_id;
  const char *opinion;

  if (self->experts == NULL || self->consortium_id == 0)
    return;

  g_variant_get (parameter, "(x&s)", &expert_id, &opinion);
  if (!cwb_expert_registry_set_reviewer_opinion (self->experts, self->consortium_id, expert_id, opinion, date, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("The opinion was recorded."));
}

static void
opinion_save_clicked_cb (GtkButton          *button,
                         CwbChiefExpertPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (button), "cwb-entry");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cwb-expert-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "reviewers.set-opinion", "(xs)", id,
                              gtk_editable_get_text (entry));
}

static gboolean
export_reviewers (const char  *path,
                  guint        filter_index,
                  gpointer     user_data,
                  GError     **error)
{
  CwbChiefExpertPage *self = user_data;

  return cwb_expert_registry_export_reviewers (self->experts, self->consortium_id, path, error);
}

static void
reviewer_export_to_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);

  if (self->experts != NULL && self->consortium_id != 0)
    cwb_save_chooser_save_to (self->toast_overlay, g_variant_get_string (parameter, NULL),
                              export_reviewers, self);
}

static void
reviewer_export_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (widget);
  CwbConsortium *consortium = cwb_context_get_consortium (self->context);
  const char *suffixes[] = { "xlsx", NULL };
  const char *descriptions[] = { _("Excel workbook"), NULL };
  g_autofree char *name = NULL;

  if (self->experts == NULL || consortium == NULL || self->consortium_id == 0)
    return;

  /* Translators: the suggested file name: the consortium's name */
  name = g_strdup_printf (_("%s — reviewers.xlsx"), cwb_consortium_get_name (consortium));
  cwb_save_chooser_save (widget, self->toast_overlay, _("Export the Reviewers"), name,
                         suffixes, descriptions, export_reviewers, self, NULL);
}

static void
cwb_chief_expert_page_constructed (GObject *object)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (object);
  CwbStore *store = cwb_context_get_store (self->context);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (cwb_chief_expert_page_parent_class)->constructed (object);

  if (store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Registry Cannot Be Opened"));
      adw_status_page_set_description (self->empty_page, _("There is no workspace database."));
    }
  else if ((self->experts = cwb_expert_registry_get_for_store (store, &error)) == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Registry Cannot Be Opened"));
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else
    {
      g_autoptr(GDateTime) now = cwb_context_dup_now (self->context);

      g_object_ref (self->experts);
      /* imports made while no registry was listening (the command line) */
      if (!cwb_expert_registry_sync_all (self->experts, now, &error))
        g_message ("Chief experts were not matched to the registry: %s", error->message);
      self->search = cwb_expert_registry_search (self->experts, "");
      self->search_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->search)));
      gtk_list_view_set_model (self->chooser_view, GTK_SELECTION_MODEL (self->search_selection));
      self->changed_handler = g_signal_connect_object (self->experts, "changed",
                                                       G_CALLBACK (queue_refresh), self,
                                                       G_CONNECT_SWAPPED);
      self->store = g_object_ref (store);
      self->store_handler = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->context, "notify::consortium", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::role", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

static void
cwb_chief_expert_page_dispose (GObject *object)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->experts != NULL)
    g_clear_signal_handler (&self->changed_handler, self->experts);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_handler, self->store);
  g_clear_object (&self->store);
  if (self->chooser_view != NULL)
    gtk_list_view_set_model (self->chooser_view, NULL);
  g_clear_object (&self->search_selection);
  g_clear_object (&self->search);
  g_clear_object (&self->experts);

  G_OBJECT_CLASS (cwb_chief_expert_page_parent_class)->dispose (object);
}

static void
cwb_chief_expert_page_finalize (GObject *object)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (cwb_chief_expert_page_parent_class)->finalize (object);
}

static void
cwb_chief_expert_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (object);

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
cwb_chief_expert_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CwbChiefExpertPage *self = CWB_CHIEF_EXPERT_PAGE (object);

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
cwb_chief_expert_page_class_init (CwbChiefExpertPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_chief_expert_page_constructed;
  object_class->dispose = cwb_chief_expert_page_dispose;
  object_class->finalize = cwb_chief_expert_page_finalize;
  object_class->get_property = cwb_chief_expert_page_get_property;
  object_class->set_property = cwb_chief_expert_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/chief-expert/ui/cwb-chief-expert-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, current_row);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, chooser_search);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, chooser_view);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, reviewers_group);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, CwbChiefExpertPage, chosen_list);
  gtk_widget_class_bind_template_callback (widget_class, chooser_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chooser_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, chooser_bind_cb);

  gtk_widget_class_install_action (widget_class, "chief.choose", "x", choose_action);
  gtk_widget_class_install_action (widget_class, "chief.set", "(xs)", set_action);
  gtk_widget_class_install_action (widget_class, "chief.add-new", NULL, add_new_action);
  gtk_widget_class_install_action (widget_class, "reviewers.add", "x", reviewer_add_action);
  gtk_widget_class_install_action (widget_class, "reviewers.remove", "x", reviewer_remove_action);
  gtk_widget_class_install_action (widget_class, "reviewers.set-opinion", "(xs)", reviewer_opinion_action);
  gtk_widget_class_install_action (widget_class, "reviewers.export", NULL, reviewer_export_action);
  gtk_widget_class_install_action (widget_class, "reviewers.export-to", "s", reviewer_export_to_action);
}

static void
cwb_chief_expert_page_init (CwbChiefExpertPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cwb_chief_expert_page_new:
 * @context: the host's services; the page shows its current consortium
 *
 * Returns: (transfer floating): a new #CwbChiefExpertPage
 */
GtkWidget *
cwb_chief_expert_page_new (CwbContext *context)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);

  return g_object_new (CWB_TYPE_CHIEF_EXPERT_PAGE, "context", context, NULL);
}
