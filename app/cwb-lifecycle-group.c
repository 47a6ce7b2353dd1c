/* cwb-lifecycle-group.c — a consortium's review, approval and term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-lifecycle-group"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-lifecycle-group.h"
#include "cwb-lifecycle-group-private.h"
#include "cwb-stage-dialog.h"

struct _CwbLifecycleGroup
{
  AdwPreferencesGroup  parent_instance;

  CwbContext          *context;        /* owned */
  CwbStore            *store;          /* owned, the one "changed" is connected on */
  gint64               consortium_id;
  GPtrArray           *events;         /* owned, element-type CwbStageEvent */
  AdwToast            *last_toast;     /* owned, for the tests */

  /* template children */
  GtkButton           *record_button;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  GtkLabel            *expired_label;
  GtkListBox          *events_list;
};

G_DEFINE_FINAL_TYPE (CwbLifecycleGroup, cwb_lifecycle_group, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_authority (CwbLifecycleGroup *self)
{
  return self->context != NULL && cwb_context_get_role (self->context) == CWB_ROLE_AUTHORITY;
}

static void
show_toast (CwbLifecycleGroup *self,
            AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_set_object (&self->last_toast, toast);

  /* the overlay takes the toast's reference */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_error (CwbLifecycleGroup *self,
            const char        *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 10);
  show_toast (self, toast);
}

/* "2024年3月1日 · 琼科〔2024〕12号 · note" */
static char *
event_subtitle (const CwbStageEvent *event)
{
  g_autofree char *date = cwb_format_date (event->date);
  GString *out = g_string_new (date);

  if (event->document != NULL)
    g_string_append_printf (out, " · %s", event->document);
  if (event->note != NULL)
    g_string_append_printf (out, " · %s", event->note);

  return g_string_free (out, FALSE);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

/* (nullable): the context's rule set, NULL (the shipped one) without a context */
static CwbRuleSet *
get_rules (CwbLifecycleGroup *self)
{
  return self->context != NULL ? cwb_context_get_rules (self->context) : NULL;
}

static void
refresh_status (CwbLifecycleGroup *self)
{
  CwbStage stage = cwb_lifecycle_get_stage (self->events);
  CwbRuleSet *rules = get_rules (self);
  g_autofree char *today = self->context != NULL ? cwb_context_dup_today (self->context) : NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *subtitle = NULL;
  gboolean expired = today != NULL && cwb_lifecycle_is_expired (rules, self->events, today);
  const char *icon;

  if (cwb_lifecycle_get_term (rules, self->events, &start, &end))
    {
      g_autofree char *start_text = cwb_format_date (start);
      g_autofree char *end_text = cwb_format_date (end);

      /* TRANSLATORS: the consortium's current term, e.g. 2024年3月1日 至 2027年3月1日 */
      subtitle = g_strdup_printf (_("Term: %s to %s"), start_text, end_text);
    }
  else if (stage == CWB_STAGE_DRAFT)
    subtitle = g_strdup (_("Not yet submitted through the provincial system"));

  switch (stage)
    {
    case CWB_STAGE_APPROVED:
    case CWB_STAGE_CONTINUED:
      icon = "emblem-ok-symbolic";
      break;
    case CWB_STAGE_REJECTED:
    case CWB_STAGE_NOT_CONTINUED:
    case CWB_STAGE_DELISTED:
    case CWB_STAGE_CANCELLED:
    case CWB_STAGE_DISSOLVED:
      icon = "action-unavailable-symbolic";
      break;
    case CWB_STAGE_DRAFT:
      icon = "document-edit-symbolic";
      break;
    default:
      icon = "content-loading-symbolic";
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), cwb_stage_get_label (stage));
  adw_action_row_set_subtitle (self->status_row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->expired_label), expired);
}

static void
refresh_events (CwbLifecycleGroup *self)
{
  gboolean authority = is_authority (self);

  remove_rows (self->events_list);

  for (guint i = 0; self->events != NULL && i < self->events->len; i++)
    {
      const CwbStageEvent *event = g_ptr_array_index (self->events, i);
      g_autofree char *subtitle = event_subtitle (event);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cwb_stage_get_label (event->stage));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      if (authority && i == self->events->len - 1)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _("Take Back the Last Step"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Take Back the Last Step"), -1);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_name (button, "take-back-button");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lifecycle.take-back");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }

      gtk_list_box_append (self->events_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->events_list), self->events != NULL && self->events->len > 0);
}

static void
refresh_actions (CwbLifecycleGroup *self)
{
  gboolean authority = is_authority (self);
  guint n_next = 0;

  cwb_stage_get_next (get_rules (self), cwb_lifecycle_get_stage (self->events), &n_next);

  gtk_widget_set_visible (GTK_WIDGET (self->record_button), authority && n_next > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lifecycle.record",
                                 authority && self->consortium_id > 0 && n_next > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lifecycle.take-back",
                                 authority && self->events != NULL && self->events->len > 0);
}

static void
refresh (CwbLifecycleGroup *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->events, g_ptr_array_unref);

  if (self->store != NULL && self->consortium_id > 0)
    self->events = cwb_store_get_lifecycle (self->store, self->consortium_id, &error);

  refresh_status (self);
  refresh_events (self);
  refresh_actions (self);

  /* the steps could not be read (a damaged database): say so where they
   * would be, and offer nothing to record over them */
  if (error != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                     _("The review steps cannot be read"));
      adw_action_row_set_subtitle (self->status_row, error->message);
      gtk_image_set_from_icon_name (self->status_icon, "dialog-error-symbolic");
      gtk_widget_set_visible (GTK_WIDGET (self->record_button), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "lifecycle.record", FALSE);
    }
}

static void
store_changed_cb (CwbLifecycleGroup *self,
                  CwbChange          kind,
                  gint64             consortium_id)
{
  if (consortium_id != self->consortium_id)
    return;
  if (kind == CWB_CHANGE_LIFECYCLE || kind == CWB_CHANGE_CONSORTIUM)
    refresh (self);
}

static void
role_changed_cb (CwbLifecycleGroup *self)
{
  refresh_events (self);
  refresh_actions (self);
}

static void
set_store (CwbLifecycleGroup *self,
           CwbStore          *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
context_store_changed_cb (CwbLifecycleGroup *self)
{
  set_store (self, cwb_context_get_store (self->context));
  refresh (self);
}

/* ---------------------------------------------------------------- actions */

static void
undo_record_cb (CwbLifecycleGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (!cwb_store_remove_last_stage_event (self->store, self->consortium_id, NULL, &error))
    show_error (self, error->message);
}

static void
recorded_cb (CwbLifecycleGroup   *self,
             const CwbStageEvent *event)
{
  AdwToast *toast;

  /* TRANSLATORS: a toast after recording a step, e.g. 已记录：已通过审定 */
  toast = adw_toast_new_format (_("Recorded: %s"), cwb_stage_get_label (event->stage));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_record_cb), self, G_CONNECT_SWAPPED);
  show_toast (self, toast);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbLifecycleGroup *self = CWB_LIFECYCLE_GROUP (widget);
  CwbStageDialog *dialog;
  GtkRoot *root;

  if (!is_authority (self) || self->consortium_id <= 0)
    return;

  dialog = cwb_stage_dialog_new (self->context, self->consortium_id);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (recorded_cb), self, G_CONNECT_SWAPPED);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the undo toast of a take-back puts back; lives as long as the toast */
typedef struct
{
  GWeakRef       self;
  gint64         consortium_id;
  CwbStageEvent *event;
} TakenBack;

static void
taken_back_free (gpointer data,
                 GClosure *closure)
{
  TakenBack *taken = data;

  g_weak_ref_clear (&taken->self);
  cwb_stage_event_free (taken->event);
  g_free (taken);
}

static void
undo_take_back_cb (AdwToast  *toast,
                   TakenBack *taken)
{
  g_autoptr(CwbLifecycleGroup) self = g_weak_ref_get (&taken->self);
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;

  /* the step was valid when it was recorded: no check against today */
  if (!cwb_store_append_stage_event (self->store, taken->consortium_id, taken->event, NULL, &error))
    show_error (self, error->message);
}

static void
take_back_response_cb (AdwMessageDialog  *dialog,
                       const char        *response,
                       CwbLifecycleGroup *self)
{
  g_autoptr(CwbStageEvent) removed = NULL;
  g_autoptr(GError) error = NULL;
  TakenBack *taken;
  AdwToast *toast;
  gint64 *consortium_id = g_object_get_data (G_OBJECT (dialog), "consortium-id");

  if (g_strcmp0 (response, "take-back") != 0 || self->store == NULL)
    return;

  if (!cwb_store_remove_last_stage_event (self->store, *consortium_id, &removed, &error))
    {
      show_error (self, error->message);
      return;
    }

  taken = g_new0 (TakenBack, 1);
  g_weak_ref_init (&taken->self, self);
  taken->consortium_id = *consortium_id;
  taken->event = g_steal_pointer (&removed);

  /* TRANSLATORS: a toast after taking back a step, e.g. 已撤回：已通过审定 */
  toast = adw_toast_new_format (_("Taken back: %s"), cwb_stage_get_label (taken->event->stage));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_take_back_cb), taken,
                         taken_back_free, 0);
  show_toast (self, toast);
}

static void
take_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwbLifecycleGroup *self = CWB_LIFECYCLE_GROUP (widget);
  const CwbStageEvent *last;
  g_autofree char *date = NULL;
  GtkWidget *dialog;
  GtkRoot *root;

  if (!is_authority (self) || self->events == NULL || self->events->len == 0)
    return;

  last = g_ptr_array_index (self->events, self->events->len - 1);
  date = cwb_format_date (last->date);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Take Back the Last Step?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” of %s will be removed from the consortium’s history, as if it had not been recorded. Do this only for a step recorded by mistake."),
                                  cwb_stage_get_label (last->stage), date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "take-back", _("_Take Back"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "take-back",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* the step of the consortium shown when asked, whatever is shown later */
  g_object_set_data_full (G_OBJECT (dialog), "consortium-id",
                          g_memdup2 (&self->consortium_id, sizeof self->consortium_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (take_back_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ class */

static void
cwb_lifecycle_group_dispose (GObject *object)
{
  CwbLifecycleGroup *self = CWB_LIFECYCLE_GROUP (object);

  set_store (self, NULL);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->last_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_LIFECYCLE_GROUP);

  G_OBJECT_CLASS (cwb_lifecycle_group_parent_class)->dispose (object);
}

static void
cwb_lifecycle_group_class_init (CwbLifecycleGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwb_lifecycle_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-lifecycle-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbLifecycleGroup, record_button);
  gtk_widget_class_bind_template_child (widget_class, CwbLifecycleGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, CwbLifecycleGroup, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CwbLifecycleGroup, expired_label);
  gtk_widget_class_bind_template_child (widget_class, CwbLifecycleGroup, events_list);

  gtk_widget_class_install_action (widget_class, "lifecycle.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "lifecycle.take-back", NULL, take_back_action);
}

static void
cwb_lifecycle_group_init (CwbLifecycleGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

void
cwb_lifecycle_group_set_context (CwbLifecycleGroup *self,
                                 CwbContext        *context)
{
  g_return_if_fail (CWB_IS_LIFECYCLE_GROUP (self));
  g_return_if_fail (context == NULL || CWB_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);

  if (context != NULL)
    {
      g_signal_connect_object (context, "notify::role", G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (context, "notify::store", G_CALLBACK (context_store_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  set_store (self, context != NULL ? cwb_context_get_store (context) : NULL);
  refresh (self);
}

void
cwb_lifecycle_group_set_consortium_id (CwbLifecycleGroup *self,
                                       gint64             consortium_id)
{
  g_return_if_fail (CWB_IS_LIFECYCLE_GROUP (self));

  if (self->consortium_id == consortium_id)
    return;

  self->consortium_id = consortium_id;
  refresh (self);
}

/* (transfer none) */
gpointer
_cwb_lifecycle_group_get_child (CwbLifecycleGroup *self,
                                const char        *id)
{
  g_return_val_if_fail (CWB_IS_LIFECYCLE_GROUP (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), CWB_TYPE_LIFECYCLE_GROUP, id);
}

AdwToast *
_cwb_lifecycle_group_get_last_toast (CwbLifecycleGroup *self)
{
  g_return_val_if_fail (CWB_IS_LIFECYCLE_GROUP (self), NULL);

  return self->last_toast;
}
