/* cwb-preferences-window-private.h — what the preferences' tests reach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-preferences-window.h"

G_BEGIN_DECLS

/* (transfer none) (nullable): the on/off switch of the plugin whose module
 * name is @module_name, NULL if it is not listed */
GtkSwitch *_cwb_preferences_window_get_plugin_switch (CwbPreferencesWindow *self,
                                                      const char           *module_name);
/* (transfer none) (nullable): the label that shows why it failed to load;
 * visible only then */
GtkLabel  *_cwb_preferences_window_get_plugin_error  (CwbPreferencesWindow *self,
                                                      const char           *module_name);

G_END_DECLS
