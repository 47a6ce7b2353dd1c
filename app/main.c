/* main.c — the entry point: the command line or the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-main"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gmodule.h>

#include "cwb-cli.h"
#include "cwb-gui.h"

#define PROGRAM_NAME "consortium-workbench"

static void
bind_text_domain (void)
{
  const char *localedir = g_getenv ("CWB_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
gui_usage_error (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM_NAME, message);
  g_printerr (_("Usage: %s [--db PATH]   opens the window\n"), PROGRAM_NAME);
  g_printerr (_("       %s COMMAND …     runs a command without a window (see “%s --help”)\n"),
              PROGRAM_NAME, PROGRAM_NAME);
  return CWB_CLI_EXIT_USAGE;
}

/* The window accepts only --db PATH / --db=PATH; anything else is refused
 * here, before GTK is initialised, with exit status 64. */
static int
check_gui_arguments (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (strcmp (arg, "--db") == 0)
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            return gui_usage_error (_("The option --db needs a PATH."));
          i++;
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          if (arg[5] == '\0')
            return gui_usage_error (_("The option --db needs a PATH."));
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option “%s”."), arg);
          return gui_usage_error (message);
        }
      else
        {
          /* the window opens no files: a word here is a mistyped command */
          g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), arg);
          return gui_usage_error (message);
        }
    }

  return CWB_CLI_EXIT_OK;
}

/* "--db PATH VERB …" and "--db=PATH VERB …" are read as "VERB --db PATH …",
 * for the built-in verbs and the plugins' alike: returns a new argument
 * vector with the verb first, or NULL. */
static char **
move_verb_first (int    argc,
                 char **argv)
{
  GPtrArray *args;
  int verb = -1;

  if (argc < 3)
    return NULL;

  if (strcmp (argv[1], "--db") == 0 && argc > 3 && cwb_cli_is_command (argv[3]))
    verb = 3;
  else if (g_str_has_prefix (argv[1], "--db=") && cwb_cli_is_command (argv[2]))
    verb = 2;

  if (verb < 0)
    return NULL;

  args = g_ptr_array_new ();
  g_ptr_array_add (args, argv[0]);
  g_ptr_array_add (args, argv[verb]);
  for (int i = 1; i < argc; i++)
    if (i != verb)
      g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  return (char **) g_ptr_array_free (args, FALSE);
}

/* The window's code is a module (cwb-gui.c), so that this executable links
 * no GTK: beside the executable in the build tree, else in the installed
 * library folder. It is opened with global symbols and never closed. */
static int
run_window (int    argc,
            char **argv)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *path = NULL;
  CwbGuiMainFunc gui_main = NULL;
  GModule *module;

  if (dir != NULL && g_strcmp0 (dir, BINDIR) != 0)
    path = g_module_build_path (dir, CWB_GUI_MODULE);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_module_build_path (PKGLIBDIR, CWB_GUI_MODULE);
    }

  module = g_module_open (path, G_MODULE_BIND_LAZY);
  if (module == NULL || !g_module_symbol (module, CWB_GUI_SYMBOL, (gpointer *) &gui_main))
    {
      g_printerr ("%s: %s\n", PROGRAM_NAME, g_module_error ());
      return CWB_CLI_EXIT_SOFTWARE;
    }

  return gui_main (argc, argv);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char **reordered = NULL;
  int status;

  bind_text_domain ();

  /* The command line, the plugins' verbs included: never initialises GTK,
   * never connects to a display. */
  if (argc > 1 && cwb_cli_is_command (argv[1]))
    return cwb_cli_run (argc, argv);

  if ((reordered = move_verb_first (argc, argv)) != NULL)
    return cwb_cli_run (g_strv_length (reordered), reordered);

  if (argc > 1 && strcmp (argv[1], "--version") == 0)
    {
      g_print ("%s %s\n", PROGRAM_NAME, PACKAGE_VERSION);
      return CWB_CLI_EXIT_OK;
    }

  /* The window. */
  if ((status = check_gui_arguments (argc, argv)) != CWB_CLI_EXIT_OK)
    return status;

  return run_window (argc, argv);
}
