/* cwb-command.h — extension point: plugins that add command-line verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-context.h"

G_BEGIN_DECLS

#define CWB_TYPE_COMMAND (cwb_command_get_type ())

G_DECLARE_INTERFACE (CwbCommand, cwb_command, CWB, COMMAND, GObject)

/**
 * CwbCommandInterface:
 * @get_name: the verb, e.g. "agreement": lower-case ASCII letters, digits
 *   and '-', not starting with '-'
 * @get_summary: one translated line for the program's `--help`
 * @get_usage: the translated usage of the verb without the program's name,
 *   e.g. "agreement FILE -o OUTPUT.pdf"
 * @needs_store: whether run() needs the workspace database (default: no)
 * @run: runs the verb and returns the process's exit status
 *
 * A verb of `consortium-workbench VERB …`, run headless. The host promises:
 *
 * - A verb the host does not know itself ("check", "import", "export") is
 *   looked up among the loaded plugins' commands by get_name(); the first
 *   one found wins. An unknown verb is a usage error (status 64).
 * - `consortium-workbench --help` lists every plugin verb under its own
 *   heading with get_usage() and get_summary().
 * - The host takes `--db PATH` / `--db=PATH` out of the verb's arguments
 *   (before a `--`). If needs_store() returns %TRUE, @context's store is the
 *   database at PATH, or the default one (`$CWB_DATA_DIR/workbench.db`,
 *   else `$XDG_DATA_HOME/consortium-workbench/workbench.db`), opened (and
 *   created if missing) before run() is called; if it cannot be opened the
 *   host prints why and exits 1 without calling run(). If needs_store()
 *   returns %FALSE, @context has no store and `--db` is a usage error.
 * - @context gives the default rule set, the engine with the enabled
 *   plugins loaded (plugins disabled in GSettings are not loaded) and the
 *   clock; it has no keyring and no current consortium.
 * - run() is called once, on the main thread, with GTK not initialised and
 *   no display opened: a command must not touch GTK. @argv[0] is
 *   "consortium-workbench VERB" (also set as g_get_prgname(), so a
 *   #GOptionContext prints the right usage), followed by the verb's own
 *   arguments; run() may parse it with #GOptionContext, which may modify
 *   it.
 * - run() prints its own messages (errors on stderr, in the user's
 *   language) and returns the exit status; by convention 0 success,
 *   1 the command could not be done, 2 done with a warning, 64 usage
 *   error, 65 invalid input (the message names the key path), 66 an
 *   input file cannot be read, 73 an output file cannot be written.
 */
struct _CwbCommandInterface
{
  GTypeInterface parent_iface;

  const char * (*get_name)    (CwbCommand  *self);
  const char * (*get_summary) (CwbCommand  *self);
  const char * (*get_usage)   (CwbCommand  *self);
  gboolean     (*needs_store) (CwbCommand  *self);
  int          (*run)         (CwbCommand  *self,
                               CwbContext  *context,
                               int          argc,
                               char       **argv);
};

const char *cwb_command_get_name    (CwbCommand  *self);
const char *cwb_command_get_summary (CwbCommand  *self);
const char *cwb_command_get_usage   (CwbCommand  *self);
gboolean    cwb_command_needs_store (CwbCommand  *self);
int         cwb_command_run         (CwbCommand  *self,
                                     CwbContext  *context,
                                     int          argc,
                                     char       **argv);

G_END_DECLS
