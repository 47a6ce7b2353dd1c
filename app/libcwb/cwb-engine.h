/* cwb-engine.h — the plugin engine (libpeas 1.x)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpeas/peas.h>

#include "cwb-check-report.h"
#include "cwb-context.h"
#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_ENGINE (cwb_engine_get_type ())

G_DECLARE_FINAL_TYPE (CwbEngine, cwb_engine, CWB, ENGINE, GObject)

/* A private PeasEngine with the python3 loader enabled, searching in order:
 * each directory of $CWB_PLUGIN_PATH, $XDG_DATA_HOME/consortium-workbench/plugins,
 * then the installed plugin directory. */
CwbEngine      *cwb_engine_new              (void);
PeasEngine     *cwb_engine_get_peas         (CwbEngine          *self);

/* Loads every plugin found except those in @disabled (module names). */
void            cwb_engine_load_plugins     (CwbEngine          *self,
                                             const char * const *disabled);
/* (nullable) (transfer none): why @info failed to load, NULL if it did not */
const GError   *cwb_engine_get_plugin_error (CwbEngine          *self,
                                             PeasPluginInfo     *info);

/* Runs every loaded CwbCheckProvider over @consortium; a provider that
 * fails leaves an error result in its place. (transfer full) */
CwbCheckReport *cwb_engine_check            (CwbEngine          *self,
                                             CwbContext         *context,
                                             CwbConsortium      *consortium);


/* The crash guard: the host is in @module's code until the matching leave.
 * A process that dies in between leaves a mark the next engine finds. */
void            cwb_engine_enter_plugin     (CwbEngine          *self,
                                             const char         *module,
                                             CwbPluginActivity   activity);
void            cwb_engine_leave_plugin     (CwbEngine          *self);
/* (transfer full): the plugins a process died in since the last engine
 * looked; cwb_engine_load_plugins() skips them */
char          **cwb_engine_dup_crashed_plugins (CwbEngine       *self);
/* (transfer none): @module's name as the plugin manager shows it */
const char     *cwb_engine_get_plugin_name  (CwbEngine          *self,
                                             const char         *module);
/* (transfer full): the sentence that tells the user about one of them */
char           *cwb_engine_describe_crash   (CwbEngine          *self,
                                             const char         *module);

G_END_DECLS
