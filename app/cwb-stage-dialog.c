/* cwb-stage-dialog.c — records the next step of a consortium's review or term
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-stage-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-stage-dialog.h"
#include "cwb-stage-dialog-private.h"

struct _CwbStageDialog
{
  CwbFormDialog      parent_instance;

  /* owned */
  GArray        *stages;          /* CwbStage, in the order of stage_model */

  /* template children */
  AdwPreferencesGroup *form_group;
  AdwComboRow   *stage_row;
  GtkStringList *stage_model;
  AdwEntryRow   *date_row;
  AdwEntryRow   *document_row;
  AdwEntryRow   *note_row;
  GtkLabel      *message;
  GtkButton     *save_button;
};

enum {
  RECORDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CwbStageDialog, cwb_stage_dialog, CWB_TYPE_FORM_DIALOG)

static CwbContext *
get_context (CwbStageDialog *self)
{
  return cwb_form_dialog_get_context (CWB_FORM_DIALOG (self));
}

static gint64
get_consortium_id (CwbStageDialog *self)
{
  return cwb_form_dialog_get_consortium_id (CWB_FORM_DIALOG (self));
}

static guint signals[N_SIGNALS];

/* The field's text without white space at either end (U+3000 too) */
static char *
dup_trimmed_text (gpointer editable)
{
  return cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

static void
show_message (CwbStageDialog *self,
              const char     *text)
{
  gtk_label_set_text (self->message, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), text != NULL && *text != '\0');
}

static gboolean
get_selected_stage (CwbStageDialog *self,
                    CwbStage       *stage)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->stages->len)
    return FALSE;

  *stage = g_array_index (self->stages, CwbStage, selected);

  return TRUE;
}

static void
field_changed_cb (CwbStageDialog *self)
{
  /* a message about the previous attempt no longer applies */
  show_message (self, NULL);
}

static void
stage_changed_cb (CwbStageDialog *self)
{
  CwbStage stage;
  gboolean needs_document = get_selected_stage (self, &stage) &&
                            cwb_stage_needs_document (cwb_context_get_rules (get_context (self)), stage);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->document_row),
                                 needs_document
                                 ? _("Document number (required), e.g. 琼科〔2024〕12号")
                                 : _("Document number (if any), e.g. 琼科〔2024〕12号"));
  show_message (self, NULL);
}

static void
save_clicked_cb (CwbStageDialog *self)
{
  g_autoptr(GError) error = NULL;

  cwb_stage_dialog_save (self, &error);
}

/* The steps that may follow the recorded ones */
static void
populate_stages (CwbStageDialog *self)
{
  CwbStore *store = cwb_context_get_store (get_context (self));
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const CwbStage *next;
  CwbStage current;
  guint n = 0;

  if (store != NULL)
    events = cwb_store_get_lifecycle (store, get_consortium_id (self), &error);
  if (events == NULL)
    {
      show_message (self, error != NULL ? error->message : _("There is no workspace database to write to."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
      return;
    }

  current = cwb_lifecycle_get_stage (events);
  next = cwb_stage_get_next (cwb_context_get_rules (get_context (self)), current, &n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (self->stage_model, cwb_stage_get_label (next[i]));
      g_array_append_val (self->stages, next[i]);
    }

  {
    g_autofree char *description = NULL;

    /* TRANSLATORS: %s is the consortium's current stage, e.g. 已申报 */
    description = g_strdup_printf (_("Now: %s. The step and its date are recorded in the consortium’s history; the last step recorded can be taken back."),
                                   cwb_stage_get_label (current));
    adw_preferences_group_set_description (self->form_group, description);
  }

  adw_combo_row_set_selected (self->stage_row, n > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), n > 0);
  stage_changed_cb (self);
}

static void
cwb_stage_dialog_constructed (GObject *object)
{
  CwbStageDialog *self = CWB_STAGE_DIALOG (object);
  g_autofree char *today = NULL;

  G_OBJECT_CLASS (cwb_stage_dialog_parent_class)->constructed (object);

  today = cwb_context_dup_today (get_context (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  show_message (self, NULL);
  populate_stages (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->stage_row));
}

static void
cwb_stage_dialog_dispose (GObject *object)
{
  CwbStageDialog *self = CWB_STAGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_STAGE_DIALOG);

  G_OBJECT_CLASS (cwb_stage_dialog_parent_class)->dispose (object);
}

static void
cwb_stage_dialog_finalize (GObject *object)
{
  CwbStageDialog *self = CWB_STAGE_DIALOG (object);

  g_clear_pointer (&self->stages, g_array_unref);

  G_OBJECT_CLASS (cwb_stage_dialog_parent_class)->finalize (object);
}

static void
cwb_stage_dialog_class_init (CwbStageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_stage_dialog_constructed;
  object_class->dispose = cwb_stage_dialog_dispose;
  object_class->finalize = cwb_stage_dialog_finalize;

  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CWB_TYPE_STAGE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-stage-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, stage_model);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, message);
  gtk_widget_class_bind_template_child (widget_class, CwbStageDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_changed_cb);
}

static void
cwb_stage_dialog_init (CwbStageDialog *self)
{
  self->stages = g_array_new (FALSE, FALSE, sizeof (CwbStage));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cwb_stage_dialog_new:
 * @context: the host's context
 * @consortium_id: the consortium whose step is recorded
 *
 * Returns: (transfer floating): a new dialog, not yet shown
 */
CwbStageDialog *
cwb_stage_dialog_new (CwbContext *context,
                      gint64      consortium_id)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (consortium_id > 0, NULL);

  return g_object_new (CWB_TYPE_STAGE_DIALOG,
                       "context", context,
                       "consortium-id", consortium_id,
                       NULL);
}

/**
 * cwb_stage_dialog_save:
 * @self: a #CwbStageDialog
 * @error: return location for a #GError
 *
 * Checks the fields, records the step and closes the dialog. On failure
 * the message is shown in the dialog too, and nothing was written.
 *
 * Returns: %TRUE if the step was recorded
 */
gboolean
cwb_stage_dialog_save (CwbStageDialog  *self,
                       GError         **error)
{
  g_autoptr(CwbStageEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *document = NULL;
  g_autofree char *note = NULL;
  g_autofree char *today = NULL;
  CwbStore *store;
  CwbStage stage;

  g_return_val_if_fail (CWB_IS_STAGE_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = cwb_context_get_store (get_context (self));
  date = dup_trimmed_text (self->date_row);
  document = dup_trimmed_text (self->document_row);
  note = dup_trimmed_text (self->note_row);
  today = cwb_context_dup_today (get_context (self));

  if (!get_selected_stage (self, &stage))
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Choose the step to record."));
      goto failed;
    }

  if (*date == '\0')
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Enter the date of the step as YYYY-MM-DD, e.g. 2024-03-01."));
      goto failed;
    }

  if (store == NULL)
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_STORE,
                           _("There is no workspace database to write to."));
      goto failed;
    }

  event = cwb_stage_event_new (stage, date, document, note);
  if (!cwb_store_append_stage_event (store, get_consortium_id (self), event, today, &local_error))
    goto failed;

  show_message (self, NULL);
  g_signal_emit (self, signals[RECORDED], 0, event);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;

failed:
  show_message (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* (transfer none) */
gpointer
_cwb_stage_dialog_get_child (CwbStageDialog *self,
                             const char     *id)
{
  g_return_val_if_fail (CWB_IS_STAGE_DIALOG (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), CWB_TYPE_STAGE_DIALOG, id);
}

gboolean
_cwb_stage_dialog_set_stage (CwbStageDialog *self,
                             CwbStage        stage)
{
  g_return_val_if_fail (CWB_IS_STAGE_DIALOG (self), FALSE);

  for (guint i = 0; i < self->stages->len; i++)
    if (g_array_index (self->stages, CwbStage, i) == stage)
      {
        adw_combo_row_set_selected (self->stage_row, i);
        return TRUE;
      }

  return FALSE;
}
