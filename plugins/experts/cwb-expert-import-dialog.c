/* cwb-expert-import-dialog.c — the preview of an import of experts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-expert-import-dialog.h"

struct _CwbExpertImportDialog
{
  AdwWindow        parent_instance;

  /* owned */
  CwbContext      *context;
  char            *path;
  GCancellable    *cancellable;
  GListModel      *rows;          /* CwbExpertImportRow, NULL while reading */
  char            *error;
  guint            count_source;
  gboolean         applying;

  /* template children */
  GtkStack        *stack;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkLabel        *summary_label;
  GtkColumnView   *column_view;
  AdwStatusPage   *error_page;
};

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PATH,
  PROP_ROWS,
  PROP_ERROR,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (CwbExpertImportDialog, cwb_expert_import_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------- progress */

/* What the reading thread knows of the dialog: its file, and a weak
 * reference that only the main thread resolves. The thread never holds the
 * dialog itself, so the dialog's last reference is never dropped there (a
 * widget must be finalized on the main thread). Shared with the progress
 * idles, which may outlive the task. */
typedef struct
{
  char         *path;
  GWeakRef      dialog;
  GMainContext *main_context;
} ReadJob;

static void
read_job_clear (ReadJob *job)
{
  g_free (job->path);
  g_weak_ref_clear (&job->dialog);
  g_main_context_unref (job->main_context);
}

static ReadJob *
read_job_new (CwbExpertImportDialog *self)
{
  ReadJob *job = g_atomic_rc_box_new0 (ReadJob);

  job->path = g_strdup (self->path);
  g_weak_ref_init (&job->dialog, self);
  job->main_context = g_main_context_ref_thread_default ();

  return job;
}

static ReadJob *
read_job_ref (ReadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
read_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) read_job_clear);
}

typedef struct
{
  ReadJob *job;
  guint    done;
  guint    total;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  read_job_unref (progress->job);
  g_free (progress);
}

static void
show_progress (CwbExpertImportDialog *self,
               guint                  done,
               guint                  total)
{
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / total));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

/* On the main thread */
static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  g_autoptr(CwbExpertImportDialog) self = g_weak_ref_get (&progress->job->dialog);

  if (self != NULL)
    show_progress (self, progress->done, progress->total);
  return G_SOURCE_REMOVE;
}

/* From the reading thread: no GTK call here, only an idle source on the
 * dialog's main context, so that show_progress() runs on the main thread.
 * Not g_main_context_invoke(): that runs the function right here, in the
 * reading thread, whenever it can acquire the context, i.e. whenever the main
 * thread is not iterating it at that moment. Then the progress bar's CSS
 * classes change from this thread while the main thread validates the
 * dialog's styles, and GTK aborts in gtk_counting_bloom_filter_remove(). */
static void
read_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  ReadJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  progress->job = read_job_ref (job);
  progress->done = done;
  progress->total = total;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_idle_cb, progress, progress_free);
  g_source_set_static_name (source, "[cwb] import progress");
  g_source_attach (source, job->main_context);
}

/* From the import on the main thread: the bar is redrawn between rows. */
static void
apply_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  CwbExpertImportDialog *self = user_data;

  show_progress (self, done, total);
  for (guint i = 0; i < 5 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* -------------------------------------------------------------- summary */

static gboolean
update_summary (gpointer data)
{
  CwbExpertImportDialog *self = data;
  guint n, n_problems = 0, n_accepted = 0;
  g_autofree char *rows_text = NULL;
  g_autofree char *text = NULL;

  self->count_source = 0;
  if (self->rows == NULL)
    return G_SOURCE_REMOVE;

  n = g_list_model_get_n_items (self->rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (self->rows, i);
      const char * const *problems = cwb_expert_import_row_get_problems (row);

      if (problems != NULL && problems[0] != NULL)
        n_problems++;
      if (cwb_expert_import_row_get_accepted (row))
        n_accepted++;
    }

  /* Translators: the first part of the import preview's summary */
  rows_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n);
  /* Translators: the import preview's summary: "N rows", then the rows
   * with problems and the rows that will be imported */
  text = g_strdup_printf (_("%s in the file, %u with problems; %u will be imported."),
                          rows_text, n_problems, n_accepted);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n_accepted > 0 && !self->applying);

  return G_SOURCE_REMOVE;
}

static void
queue_summary (CwbExpertImportDialog *self)
{
  if (self->count_source == 0)
    self->count_source = g_idle_add (update_summary, self);
}

/* -------------------------------------------------------------- columns */

typedef enum {
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_AFFILIATION,
  COLUMN_PROBLEMS,
} Column;

static void
check_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CwbExpertImportDialog    *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_tooltip_text (check, _("Import this row"));
  g_signal_connect_object (check, "toggled", G_CALLBACK (queue_summary), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, check);
}

static void
check_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CwbExpertImportDialog    *self)
{
  GBinding *binding = g_object_bind_property (gtk_list_item_get_item (item), "accepted",
                                              gtk_list_item_get_child (item), "active",
                                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_object_set_data (G_OBJECT (item), "cwb-binding", binding);
}

static void
check_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CwbExpertImportDialog    *self)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (item), "cwb-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == COLUMN_PROBLEMS);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (GPOINTER_TO_INT (user_data) == COLUMN_PROBLEMS)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CwbExpertImportRow *row = gtk_list_item_get_item (item);
  CwbExpert *expert = cwb_expert_import_row_get_expert (row);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_LINE:
      text = g_strdup_printf ("%u", cwb_expert_import_row_get_line (row));
      break;

    case COLUMN_NAME:
      text = g_strdup (cwb_expert_get_name (expert));
      break;

    case COLUMN_AFFILIATION:
      text = g_strdup (cwb_expert_get_affiliation_name (expert));
      break;

    case COLUMN_PROBLEMS:
    default:
      {
        const char * const *problems = cwb_expert_import_row_get_problems (row);

        text = problems ? g_strjoinv ("\n", (char **) problems) : g_strdup ("");
      }
      break;
    }

  gtk_label_set_text (label, text);
}

static void
add_column (CwbExpertImportDialog *self,
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
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/* the columns' factories need C callbacks and data */
static void
add_columns (CwbExpertImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (check_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (check_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (check_unbind_cb), self);
  column = gtk_column_view_column_new (_("Import"), factory);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  add_column (self, _("Row"), COLUMN_LINE, FALSE);
  add_column (self, C_("expert", "Name"), COLUMN_NAME, FALSE);
  add_column (self, _("Affiliation"), COLUMN_AFFILIATION, TRUE);
  add_column (self, _("Problems"), COLUMN_PROBLEMS, TRUE);
}

/* -------------------------------------------------------------- reading */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  GListModel *rows = cwb_expert_registry_read_file (job->path, read_progress_cb, job, cancellable, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, g_object_unref);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(CwbExpertImportDialog) self = g_weak_ref_get (&job->dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = g_task_propagate_pointer (G_TASK (result), &error);
  CwbStore *store;
  CwbExpertRegistry *experts;
  GtkNoSelection *selection;

  /* closed while the file was read */
  if (self == NULL)
    return;

  store = cwb_context_get_store (self->context);

  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  experts = store ? cwb_expert_registry_get_for_store (store, &error) : NULL;
  if (experts == NULL)
    {
      self->error = g_strdup (error ? error->message : _("There is no workspace database to write to."));
      adw_status_page_set_description (self->error_page, self->error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }

  /* the duplicates of stored experts; rows with problems start unchecked */
  cwb_expert_registry_check_rows (experts, rows);

  self->rows = g_steal_pointer (&rows);
  selection = gtk_no_selection_new (g_object_ref (self->rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS]);
}

/* -------------------------------------------------------------- actions */

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (widget);
  CwbStore *store = cwb_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  CwbExpertRegistry *experts;
  guint n_added = 0;
  gboolean ok;

  if (self->rows == NULL || self->applying)
    return;

  experts = store ? cwb_expert_registry_get_for_store (store, &error) : NULL;
  if (experts == NULL)
    return;

  self->applying = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  gtk_label_set_text (self->progress_label, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  g_object_ref (self);
  ok = cwb_expert_registry_apply_import (experts, self->rows, apply_progress_cb, self,
                                         self->cancellable, &n_added, &error);
  self->applying = FALSE;

  if (ok)
    {
      g_signal_emit (self, signals[IMPORTED], 0, n_added);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* nothing was written: back to the preview with the reason */
      gtk_stack_set_visible_child_name (self->stack, "preview");
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", TRUE);
    }
  g_object_unref (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (widget);

  /* a read stops, an import rolls back: nothing is written */
  g_cancellable_cancel (self->cancellable);
  if (!self->applying)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (CwbExpertImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  return self->applying;   /* closed once the import rolled back */
}

/* --------------------------------------------------------------- object */

static void
cwb_expert_import_dialog_constructed (GObject *object)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (object);
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (cwb_expert_import_dialog_parent_class)->constructed (object);

  /* no source object: the thread must not hold the dialog (ReadJob) */
  task = g_task_new (NULL, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, cwb_expert_import_dialog_constructed);
  g_task_set_task_data (task, read_job_new (self), read_job_unref);
  g_task_run_in_thread (task, read_thread);
}

static void
cwb_expert_import_dialog_dispose (GObject *object)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->count_source, g_source_remove);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (cwb_expert_import_dialog_parent_class)->dispose (object);
}

static void
cwb_expert_import_dialog_finalize (GObject *object)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (cwb_expert_import_dialog_parent_class)->finalize (object);
}

static void
cwb_expert_import_dialog_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ROWS:
      g_value_set_object (value, self->rows);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_import_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CwbExpertImportDialog *self = CWB_EXPERT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_import_dialog_class_init (CwbExpertImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_expert_import_dialog_constructed;
  object_class->dispose = cwb_expert_import_dialog_dispose;
  object_class->finalize = cwb_expert_import_dialog_finalize;
  object_class->get_property = cwb_expert_import_dialog_get_property;
  object_class->set_property = cwb_expert_import_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS] =
    g_param_spec_object ("rows", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/plugins/experts/ui/cwb-expert-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, CwbExpertImportDialog, error_page);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
cwb_expert_import_dialog_init (CwbExpertImportDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  add_columns (self);
  /* the button follows its action: off until there are rows to import */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

/**
 * cwb_expert_import_dialog_new:
 * @context: the host's services
 * @path: a CSV or XLSX file
 *
 * Returns: (transfer none): a new dialog that starts reading @path
 */
CwbExpertImportDialog *
cwb_expert_import_dialog_new (CwbContext *context,
                              const char *path)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (CWB_TYPE_EXPERT_IMPORT_DIALOG, "context", context, "path", path, NULL);
}
