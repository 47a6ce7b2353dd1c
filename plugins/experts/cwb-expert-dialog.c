/* cwb-expert-dialog.c — adds or edits one expert of the registry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-expert-dialog.h"

struct _CwbExpertDialog
{
  AdwWindow       parent_instance;

  /* owned */
  CwbContext     *context;
  CwbExpert      *expert;     /* the stored expert being edited, or NULL */

  /* template children */
  GtkLabel       *store_message;
  AdwEntryRow    *name_row;
  GtkWidget      *name_message_row;
  GtkLabel       *name_message;
  AdwEntryRow    *title_row;
  AdwComboRow    *level_row;
  GtkStringList  *level_model;
  AdwEntryRow    *honours_row;
  AdwEntryRow    *fields_row;
  AdwEntryRow    *affiliation_row;
  GtkWidget      *affiliation_message_row;
  GtkLabel       *affiliation_message;
  AdwEntryRow    *uscc_row;
  GtkWidget      *uscc_message_row;
  GtkLabel       *uscc_message;
  AdwEntryRow    *phone_row;
  GtkWidget      *phone_message_row;
  GtkLabel       *phone_message;
  AdwEntryRow    *email_row;
  GtkWidget      *email_message_row;
  GtkLabel       *email_message;
  AdwEntryRow    *resume_row;
  AdwEntryRow    *note_row;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_EXPERT,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CwbExpertDialog, cwb_expert_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_message (GtkWidget   *entry,
             GtkWidget   *message_row,
             GtkLabel    *label,
             const char  *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (message_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
}

static void
clear_messages (CwbExpertDialog *self)
{
  set_message (GTK_WIDGET (self->name_row), self->name_message_row, self->name_message, NULL);
  set_message (GTK_WIDGET (self->affiliation_row), self->affiliation_message_row, self->affiliation_message, NULL);
  set_message (GTK_WIDGET (self->uscc_row), self->uscc_message_row, self->uscc_message, NULL);
  set_message (GTK_WIDGET (self->phone_row), self->phone_message_row, self->phone_message, NULL);
  set_message (GTK_WIDGET (self->email_row), self->email_message_row, self->email_message, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->store_message), FALSE);
}

static void
field_changed_cb (CwbExpertDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->store_message), FALSE);
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text));
}

/* The expert as the form shows it (with the stored id when editing). */
static CwbExpert *
expert_from_form (CwbExpertDialog *self)
{
  CwbExpert *expert = self->expert ? cwb_expert_copy (self->expert) : cwb_expert_new ();
  g_auto(GStrv) honours = cwb_expert_split_list (entry_text (self->honours_row));
  g_auto(GStrv) fields = cwb_expert_split_list (entry_text (self->fields_row));
  g_autofree char *name = strip_dup (entry_text (self->name_row));
  g_autofree char *title = strip_dup (entry_text (self->title_row));
  g_autofree char *affiliation = strip_dup (entry_text (self->affiliation_row));
  g_autofree char *uscc = strip_dup (entry_text (self->uscc_row));
  g_autofree char *phone = strip_dup (entry_text (self->phone_row));
  g_autofree char *email = strip_dup (entry_text (self->email_row));
  g_autofree char *resume = strip_dup (entry_text (self->resume_row));
  g_autofree char *note = strip_dup (entry_text (self->note_row));
  guint level = adw_combo_row_get_selected (self->level_row);

  cwb_expert_set_name (expert, name);
  cwb_expert_set_title (expert, title);
  cwb_expert_set_level (expert, level < CWB_EXPERT_N_LEVELS ? level : CWB_EXPERT_LEVEL_OTHER);
  cwb_expert_set_honours (expert, (const char * const *) honours);
  cwb_expert_set_fields (expert, (const char * const *) fields);
  cwb_expert_set_affiliation_name (expert, affiliation);
  cwb_expert_set_affiliation_uscc (expert, uscc);
  cwb_expert_set_phone (expert, phone);
  cwb_expert_set_email (expert, email);
  cwb_expert_set_resume (expert, resume);
  cwb_expert_set_note (expert, note);

  return expert;
}

/* Shows each field's problem beside it; FALSE if there is one. */
static gboolean
validate_form (CwbExpertDialog *self,
               CwbExpert       *expert)
{
  g_autoptr(GError) uscc_error = NULL;
  g_autoptr(GError) phone_error = NULL;
  g_autoptr(GError) email_error = NULL;
  gboolean valid = TRUE;
  GtkWidget *first_bad = NULL;

  if (*cwb_expert_get_name (expert) == '\0')
    {
      set_message (GTK_WIDGET (self->name_row), self->name_message_row, self->name_message,
                   _("Enter the expert’s name."));
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->name_row);
      valid = FALSE;
    }
  if (*cwb_expert_get_affiliation_name (expert) == '\0')
    {
      set_message (GTK_WIDGET (self->affiliation_row), self->affiliation_message_row, self->affiliation_message,
                   _("Enter the unit the expert works for."));
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->affiliation_row);
      valid = FALSE;
    }
  if (!cwb_expert_validate_uscc (cwb_expert_get_affiliation_uscc (expert), &uscc_error))
    {
      set_message (GTK_WIDGET (self->uscc_row), self->uscc_message_row, self->uscc_message, uscc_error->message);
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->uscc_row);
      valid = FALSE;
    }
  if (!cwb_expert_validate_phone (cwb_expert_get_phone (expert), &phone_error))
    {
      set_message (GTK_WIDGET (self->phone_row), self->phone_message_row, self->phone_message, phone_error->message);
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->phone_row);
      valid = FALSE;
    }
  if (!cwb_expert_validate_email (cwb_expert_get_email (expert), &email_error))
    {
      set_message (GTK_WIDGET (self->email_row), self->email_message_row, self->email_message, email_error->message);
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->email_row);
      valid = FALSE;
    }

  if (first_bad != NULL)
    gtk_widget_grab_focus (first_bad);

  return valid;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwbExpertDialog *self = CWB_EXPERT_DIALOG (widget);
  CwbStore *store = cwb_context_get_store (self->context);
  g_autoptr(CwbExpert) expert = expert_from_form (self);
  g_autoptr(GError) error = NULL;
  CwbExpertRegistry *experts;
  gboolean ok;

  clear_messages (self);
  if (!validate_form (self, expert))
    return;

  experts = store ? cwb_expert_registry_get_for_store (store, &error) : NULL;
  if (experts == NULL)
    {
      gtk_label_set_text (self->store_message,
                          error ? error->message : _("There is no workspace database to write to."));
      gtk_widget_set_visible (GTK_WIDGET (self->store_message), TRUE);
      return;
    }

  if (self->expert != NULL)
    ok = cwb_expert_registry_update (experts, expert, &error);
  else
    ok = cwb_expert_registry_add (experts, expert, &error);

  if (!ok)
    {
      gtk_label_set_text (self->store_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->store_message), TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, cwb_expert_get_id (expert));
  gtk_window_close (GTK_WINDOW (self));
}

static void
fill_form (CwbExpertDialog *self)
{
  CwbExpert *expert = self->expert;
  g_autofree char *honours = NULL;
  g_autofree char *fields = NULL;

  if (expert == NULL)
    {
      adw_combo_row_set_selected (self->level_row, CWB_EXPERT_LEVEL_SENIOR);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit the Expert"));
  honours = cwb_expert_dup_honours_text (expert);
  fields = cwb_expert_dup_fields_text (expert);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cwb_expert_get_name (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), cwb_expert_get_title (expert));
  adw_combo_row_set_selected (self->level_row, cwb_expert_get_level (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->honours_row), honours);
  gtk_editable_set_text (GTK_EDITABLE (self->fields_row), fields);
  gtk_editable_set_text (GTK_EDITABLE (self->affiliation_row), cwb_expert_get_affiliation_name (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->uscc_row), cwb_expert_get_affiliation_uscc (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), cwb_expert_get_phone (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), cwb_expert_get_email (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->resume_row), cwb_expert_get_resume (expert));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), cwb_expert_get_note (expert));
  gtk_widget_set_visible (GTK_WIDGET (self->store_message), FALSE);
}

static void
cwb_expert_dialog_constructed (GObject *object)
{
  CwbExpertDialog *self = CWB_EXPERT_DIALOG (object);

  G_OBJECT_CLASS (cwb_expert_dialog_parent_class)->constructed (object);

  fill_form (self);
}

static void
cwb_expert_dialog_dispose (GObject *object)
{

  G_OBJECT_CLASS (cwb_expert_dialog_parent_class)->dispose (object);
}

static void
cwb_expert_dialog_finalize (GObject *object)
{
  CwbExpertDialog *self = CWB_EXPERT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->expert);

  G_OBJECT_CLASS (cwb_expert_dialog_parent_class)->finalize (object);
}

static void
cwb_expert_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwbExpertDialog *self = CWB_EXPERT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_EXPERT:
      g_value_set_object (value, self->expert);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwbExpertDialog *self = CWB_EXPERT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_EXPERT:
      {
        CwbExpert *expert = g_value_get_object (value);

        self->expert = expert ? cwb_expert_copy (expert) : NULL;
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_dialog_class_init (CwbExpertDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_expert_dialog_constructed;
  object_class->dispose = cwb_expert_dialog_dispose;
  object_class->finalize = cwb_expert_dialog_finalize;
  object_class->get_property = cwb_expert_dialog_get_property;
  object_class->set_property = cwb_expert_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPERT] =
    g_param_spec_object ("expert", NULL, NULL,
                         CWB_TYPE_EXPERT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/experts/ui/cwb-expert-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, store_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, level_model);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, honours_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, fields_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, affiliation_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, affiliation_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, uscc_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, uscc_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, uscc_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, phone_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, email_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, email_message);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, resume_row);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertDialog, note_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "expert.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cwb_expert_dialog_init (CwbExpertDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < CWB_EXPERT_N_LEVELS; i++)
    gtk_string_list_append (self->level_model, cwb_expert_level_to_label (i));
}

/**
 * cwb_expert_dialog_new:
 * @context: the host's services
 * @expert: (nullable): a stored expert to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
CwbExpertDialog *
cwb_expert_dialog_new (CwbContext *context,
                       CwbExpert  *expert)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (expert == NULL || CWB_IS_EXPERT (expert), NULL);

  return g_object_new (CWB_TYPE_EXPERT_DIALOG, "context", context, "expert", expert, NULL);
}
