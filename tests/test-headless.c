/* test-headless.c — the command line and `check` load no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every plugin is a headless core module (the one its .plugin names) and a
 * UI module that only a host showing pages loads (cwb_plugin_register_ui()).
 * This program links libcwb only. It loads every plugin of the build tree
 * and checks a consortium in-process, then runs `consortium-workbench check`
 * with the dynamic loader listing what it opens; neither may map GTK or
 * libadwaita, whichever library or module would pull them in.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cwb.h>

#include "cwb-test-utils.h"

/* what a headless process must never map */
static const char * const gui_libraries[] = { "libgtk-4.so", "libadwaita-1.so", "libgdk", NULL };

/* the modules of the build tree's plugins, as the .plugin files name them */
static const char * const core_modules[] = { "agreement", "chief-expert", "composition", "experts", NULL };

static const char *
find_gui_library (const char *text)
{
  for (guint i = 0; gui_libraries[i] != NULL; i++)
    if (strstr (text, gui_libraries[i]) != NULL)
      return gui_libraries[i];

  return NULL;
}

static void
count_cb (PeasExtensionSet *set,
          PeasPluginInfo   *info,
          PeasExtension    *extension,
          gpointer          user_data)
{
  (*(guint *) user_data)++;
}

static void
test_engine_maps_no_gtk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbEngine) engine = cwb_engine_new ();
  g_autoptr(CwbRuleSet) rules = cwb_rule_set_new_default (&error);
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbContext) context = NULL;
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(PeasExtensionSet) commands = NULL;
  g_autofree char *maps = NULL;
  PeasEngine *peas = cwb_engine_get_peas (engine);
  guint n_commands;

  g_assert_no_error (error);
  g_assert_false (cwb_plugin_host_shows_pages ());

  cwb_engine_load_plugins (engine, NULL);
  for (guint i = 0; core_modules[i] != NULL; i++)
    {
      PeasPluginInfo *info = peas_engine_get_plugin_info (peas, core_modules[i]);

      g_assert_nonnull (info);
      g_assert_null (cwb_engine_get_plugin_error (engine, info));
      g_assert_true (peas_plugin_info_is_loaded (info));
    }

  /* what the command line does: the verbs, then a check */
  commands = peas_extension_set_new (peas, CWB_TYPE_COMMAND, NULL);
  n_commands = 0;
  peas_extension_set_foreach (commands, count_cb, &n_commands);
  g_assert_cmpuint (n_commands, >, 0);
  context = cwb_context_new (rules, NULL, NULL, engine);
  report = cwb_context_check (context, consortium);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), >, 0);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, &error));
  g_assert_no_error (error);
  /* the core modules are there, and nothing of GTK */
  g_assert_nonnull (strstr (maps, "libcomposition.so"));
  g_assert_nonnull (strstr (maps, "libexperts.so"));
  g_assert_null (strstr (maps, "libcomposition-ui.so"));
  g_assert_cmpstr (find_gui_library (maps), ==, NULL);
}

/* `consortium-workbench check FILE` with LD_DEBUG=files: the loader names
 * on stderr every object it opens, the executable's own libraries, the
 * plugins' modules and what they need */
static void
test_check_loads_no_gtk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *example = cwb_test_example_path ("deep-sea.consortium.json");
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *binary = g_getenv ("CWB_BINARY");
  guint n_files = 0;

  g_assert_nonnull (binary);
  g_subprocess_launcher_setenv (launcher, "LD_DEBUG", "files", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, binary, "check", example, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 70);

  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *file = strstr (lines[i], "file=");

      if (file == NULL)
        continue;
      n_files++;
      if (find_gui_library (file) != NULL)
        g_error ("`check` loaded %s: %s", find_gui_library (file), lines[i]);
      g_assert_null (strstr (file, "-ui.so"));
      g_assert_null (strstr (file, "consortium-workbench-window"));
    }

  /* the loader did report, and the plugins' core modules were loaded */
  g_assert_cmpuint (n_files, >, 0);
  for (guint i = 0; core_modules[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("/lib%s.so", core_modules[i]);

      g_assert_nonnull (strstr (err, name));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/headless/engine-maps-no-gtk", test_engine_maps_no_gtk);
  g_test_add_func ("/headless/check-loads-no-gtk", test_check_loads_no_gtk);

  return g_test_run ();
}
