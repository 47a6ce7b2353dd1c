/* cwb-text-tooltip.h — a list cell whose tooltip is its own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void cwb_text_tooltip_attach (GtkWidget *widget);

G_END_DECLS
