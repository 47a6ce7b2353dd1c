/* cwb-preferences-window.h — preferences: role and the plugin manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cwb-application.h"

G_BEGIN_DECLS

#define CWB_TYPE_PREFERENCES_WINDOW (cwb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CwbPreferencesWindow, cwb_preferences_window, CWB, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The "General" page (role) and the "Plugins" page: every plugin found, with
 * a switch that loads or unloads it at once and saves "disabled-plugins",
 * and the error of a plugin that failed to load. */
CwbPreferencesWindow *cwb_preferences_window_new (CwbApplication *app);

G_END_DECLS
