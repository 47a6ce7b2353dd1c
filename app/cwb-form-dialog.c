/* cwb-form-dialog.c — the base of the host's modal forms about one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-form-dialog"

#include "config.h"

#include "cwb-form-dialog.h"

typedef struct
{
  CwbContext *context;        /* owned */
  gint64      consortium_id;
} CwbFormDialogPrivate;

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CONSORTIUM_ID,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (CwbFormDialog, cwb_form_dialog, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
cwb_form_dialog_dispose (GObject *object)
{
  CwbFormDialogPrivate *priv = cwb_form_dialog_get_instance_private (CWB_FORM_DIALOG (object));

  g_clear_object (&priv->context);

  G_OBJECT_CLASS (cwb_form_dialog_parent_class)->dispose (object);
}

static void
cwb_form_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CwbFormDialogPrivate *priv = cwb_form_dialog_get_instance_private (CWB_FORM_DIALOG (object));

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_CONSORTIUM_ID:
      g_value_set_int64 (value, priv->consortium_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_form_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CwbFormDialogPrivate *priv = cwb_form_dialog_get_instance_private (CWB_FORM_DIALOG (object));

  switch (prop_id)
    {
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      break;
    case PROP_CONSORTIUM_ID:
      priv->consortium_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_form_dialog_class_init (CwbFormDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cwb_form_dialog_dispose;
  object_class->get_property = cwb_form_dialog_get_property;
  object_class->set_property = cwb_form_dialog_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CWB_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSORTIUM_ID] =
    g_param_spec_int64 ("consortium-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cwb_form_dialog_init (CwbFormDialog *self)
{
}

/* (transfer none) */
CwbContext *
cwb_form_dialog_get_context (CwbFormDialog *self)
{
  CwbFormDialogPrivate *priv = cwb_form_dialog_get_instance_private (self);

  g_return_val_if_fail (CWB_IS_FORM_DIALOG (self), NULL);

  return priv->context;
}

gint64
cwb_form_dialog_get_consortium_id (CwbFormDialog *self)
{
  CwbFormDialogPrivate *priv = cwb_form_dialog_get_instance_private (self);

  g_return_val_if_fail (CWB_IS_FORM_DIALOG (self), 0);

  return priv->consortium_id;
}
