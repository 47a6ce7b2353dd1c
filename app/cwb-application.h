/* cwb-application.h — the application: settings, store, plugin engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <cwb.h>

G_BEGIN_DECLS

#define CWB_TYPE_APPLICATION (cwb_application_get_type ())

G_DECLARE_FINAL_TYPE (CwbApplication, cwb_application, CWB, APPLICATION, AdwApplication)

/*
 * At startup the application opens the store (--db PATH, else
 * cwb_store_dup_default_path()), creates the secrets, the plugin engine and
 * the context whose "role" follows the "role" setting, then loads every
 * plugin except those in "disabled-plugins". If the store cannot be opened it
 * shows the message and quits without touching the file; the getters below
 * then return NULL.
 */
CwbApplication *cwb_application_new          (void);
/* (transfer none) (nullable) */
CwbContext     *cwb_application_get_context  (CwbApplication *self);
/* (transfer none) (nullable) */
CwbEngine      *cwb_application_get_engine   (CwbApplication *self);
/* (transfer none) */
GSettings      *cwb_application_get_settings (CwbApplication *self);

G_END_DECLS
