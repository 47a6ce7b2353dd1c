/* cwb-text-tooltip.c — a list cell whose tooltip is its own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-ui"

#include "config.h"

#include "cwb-text-tooltip.h"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = NULL;

  if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));

  if (text == NULL || *text == '\0')
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * cwb_text_tooltip_attach:
 * @widget: a #GtkLabel or #GtkInscription, typically a list item's cell
 *
 * Gives @widget its own text, whatever it is then, as its tooltip (for a
 * name a narrow column cuts short). The text is asked for only when the
 * pointer rests on the widget: gtk_widget_set_tooltip_text() on every bind
 * would query the pointer from the display server for each row bound,
 * and a list binds hundreds as it fills. Call it once, in the factory's
 * setup.
 */
void
cwb_text_tooltip_attach (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget));

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
