/* cwb-cli.h — the command-line verbs: check, import, export and the plugins'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Exit statuses of the command line (sysexits.h numbers where one fits).
 * With several files the worst one is returned, ranked
 * 66 > 65 > 70 > 1 > 2 > 0: a file that could not be read at all checked
 * nothing, so it outranks a file that was read but is invalid; a check that
 * is incomplete outranks a fail, which it may hide.
 */
typedef enum {
  CWB_CLI_EXIT_OK         = 0,   /* check: pass; import/export: done */
  CWB_CLI_EXIT_FAIL       = 1,   /* check: fail; import: name exists; export: no such
                                    consortium; the database refused (newer schema, error) */
  CWB_CLI_EXIT_WARN       = 2,   /* check: warn */
  CWB_CLI_EXIT_USAGE      = 64,  /* EX_USAGE: bad command line */
  CWB_CLI_EXIT_INVALID    = 65,  /* EX_DATAERR: invalid consortium (message names the key path) */
  CWB_CLI_EXIT_NO_INPUT   = 66,  /* EX_NOINPUT: a file cannot be read (or check --db names none) */
  CWB_CLI_EXIT_SOFTWARE   = 70,  /* EX_SOFTWARE: check: a plugin's check failed, the check is incomplete */
  CWB_CLI_EXIT_CANT_WRITE = 73,  /* EX_CANTCREAT: export cannot write its output file */
} CwbCliExit;

/* TRUE if @arg is a command-line verb — a built-in one ("check", "import",
 * "export"), a plugin's (CwbCommand) or an unknown word, which the window
 * does not take either — or asks for the command line's help ("--help",
 * "-h"). Loads no plugin. */
gboolean cwb_cli_is_command (const char  *arg);

/* Runs the verb in @argv[1] (argv[0] is the program) and returns the exit
 * status: a built-in verb, else a loaded plugin's CwbCommand of that name,
 * else a usage error (64). Never initialises GTK nor opens a display. */
int      cwb_cli_run        (int          argc,
                             char       **argv);

/* The worse of two exit statuses in the order above. */
int      cwb_cli_worst_exit (int          a,
                             int          b);

G_END_DECLS
