/* cwb-command.c — extension point: plugins that add command-line verbs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-command"

#include "config.h"

#include "cwb-command.h"

G_DEFINE_INTERFACE (CwbCommand, cwb_command, G_TYPE_OBJECT)

static gboolean
cwb_command_real_needs_store (CwbCommand *self)
{
  return FALSE;
}

static void
cwb_command_default_init (CwbCommandInterface *iface)
{
  iface->needs_store = cwb_command_real_needs_store;
}

/**
 * cwb_command_get_name:
 * @self: a command
 *
 * Returns: (transfer none): the verb, e.g. "agreement"
 */
const char *
cwb_command_get_name (CwbCommand *self)
{
  CwbCommandInterface *iface;

  g_return_val_if_fail (CWB_IS_COMMAND (self), NULL);

  iface = CWB_COMMAND_GET_IFACE (self);
  g_return_val_if_fail (iface->get_name != NULL, NULL);

  return iface->get_name (self);
}

/**
 * cwb_command_get_summary:
 * @self: a command
 *
 * Returns: (transfer none) (nullable): one translated line for `--help`
 */
const char *
cwb_command_get_summary (CwbCommand *self)
{
  CwbCommandInterface *iface;

  g_return_val_if_fail (CWB_IS_COMMAND (self), NULL);

  iface = CWB_COMMAND_GET_IFACE (self);
  if (iface->get_summary == NULL)
    return NULL;

  return iface->get_summary (self);
}

/**
 * cwb_command_get_usage:
 * @self: a command
 *
 * Returns: (transfer none) (nullable): the translated usage without the
 *   program's name, e.g. "agreement FILE -o OUTPUT.pdf"
 */
const char *
cwb_command_get_usage (CwbCommand *self)
{
  CwbCommandInterface *iface;

  g_return_val_if_fail (CWB_IS_COMMAND (self), NULL);

  iface = CWB_COMMAND_GET_IFACE (self);
  if (iface->get_usage == NULL)
    return NULL;

  return iface->get_usage (self);
}

/**
 * cwb_command_needs_store:
 * @self: a command
 *
 * Returns: %TRUE if run() needs the workspace database in its context;
 *   then the host opens `--db PATH` or the default database first
 */
gboolean
cwb_command_needs_store (CwbCommand *self)
{
  CwbCommandInterface *iface;

  g_return_val_if_fail (CWB_IS_COMMAND (self), FALSE);

  iface = CWB_COMMAND_GET_IFACE (self);
  if (iface->needs_store == NULL)
    return FALSE;

  return iface->needs_store (self);
}

/**
 * cwb_command_run:
 * @self: a command
 * @context: the host's services: rule set, engine, clock and, if
 *   cwb_command_needs_store() said so, the store
 * @argc: the number of strings in @argv
 * @argv: (array length=argc) (element-type filename): "consortium-workbench
 *   VERB" then the verb's arguments, without `--db PATH`
 *
 * Runs the verb headless (see #CwbCommandInterface for what the host
 * promises).
 *
 * Returns: the process's exit status
 */
int
cwb_command_run (CwbCommand  *self,
                 CwbContext  *context,
                 int          argc,
                 char       **argv)
{
  CwbCommandInterface *iface;

  g_return_val_if_fail (CWB_IS_COMMAND (self), 64);
  g_return_val_if_fail (CWB_IS_CONTEXT (context), 64);
  g_return_val_if_fail (argc >= 1 && argv != NULL, 64);

  iface = CWB_COMMAND_GET_IFACE (self);
  g_return_val_if_fail (iface->run != NULL, 64);

  return iface->run (self, context, argc, argv);
}
