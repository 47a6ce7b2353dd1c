/* cwb-engine.c — the plugin engine (libpeas 1.x)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-engine"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <girepository.h>

#include "cwb-check-provider.h"
#include "cwb-check-result.h"
#include "cwb-engine.h"
#include "cwb-engine-private.h"
#include "cwb-consortium-private.h"
#include "cwb-enums.h"
#include "cwb-error.h"

/* The crash guard. A plugin that crashes the process cannot be caught, so
 * while the host is in a plugin's code it says so in a marker file of its
 * own, $XDG_STATE_HOME/consortium-workbench/GUARD_DIR/PID-N (the state
 * folder, so that a verb which writes no data leaves the data folder
 * alone), that it holds locked: the
 * module's name and what the host asked of it, the whole file rewritten at
 * each call and emptied when the call returns. The lock goes with the
 * process, so an engine that finds a marker it can lock and that is not
 * empty knows its process died inside that plugin. */
#define GUARD_DIR "plugin-guard"

/* A marker is this long, mapped shared: writing a call into it is a copy
 * to memory, no system call, and what a dying process wrote stays in the
 * file. The text ends at the first NUL. */
#define MARKER_SIZE 4096

struct _CwbEngine
{
  GObject           parent_instance;

  /* owned */
  PeasEngine       *peas;
  PeasExtensionSet *providers;  /* CwbCheckProvider, created on first check */
  GHashTable       *errors;     /* PeasPluginInfo * → GError *, plugins that failed */
  GHashTable       *crashed;    /* module name → CwbPluginActivity, found at start */

  /* the crash guard, under guard_lock */
  GMutex            guard_lock;
  char             *guard_path; /* owned, nullable until the first call */
  int               guard_fd;   /* -1 without a marker (none yet, or it cannot be written) */
  char             *marker;     /* guard_fd mapped, MARKER_SIZE bytes */
  GArray           *calls;      /* GuardCall, the calls under way, innermost last */
};

typedef struct
{
  char              *module;    /* owned */
  CwbPluginActivity  activity;
  GThread           *thread;    /* that made the call (a check may run in a worker) */
} GuardCall;

G_DEFINE_FINAL_TYPE (CwbEngine, cwb_engine, G_TYPE_OBJECT)

typedef struct
{
  CwbEngine      *engine;
  CwbContext     *context;
  CwbConsortium  *consortium;
  CwbCheckReport *report;
} CheckData;

static void
add_search_path (PeasEngine *peas,
                 const char *dir)
{
  if (dir == NULL || *dir == '\0')
    return;

  g_debug ("Searching for plugins in %s", dir);
  peas_engine_add_search_path (peas, dir, NULL);
}

static void
record_error (CwbEngine      *self,
              PeasPluginInfo *info,
              const GError   *peas_error)
{
  const char *module = peas_plugin_info_get_module_name (info);
  GError *error;

  if (peas_error != NULL)
    error = g_error_new (CWB_ERROR, CWB_ERROR_PLUGIN,
                         /* TRANSLATORS: a plugin's module name, then libpeas' reason */
                         _("The plugin “%s” could not be loaded: %s"),
                         module, peas_error->message);
  else
    error = g_error_new (CWB_ERROR, CWB_ERROR_PLUGIN,
                         _("The plugin “%s” could not be loaded."),
                         module);

  g_debug ("%s", error->message);
  g_hash_table_replace (self->errors, info, error);
}

static char *
dup_guard_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "consortium-workbench", GUARD_DIR, NULL);
}

static GEnumClass *
activity_class (void)
{
  static GEnumClass *klass = NULL;

  /* kept for the life of the process, so the nicks stay valid */
  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (CWB_TYPE_PLUGIN_ACTIVITY));

  return klass;
}

static const char *
activity_nick (CwbPluginActivity activity)
{
  GEnumValue *value = g_enum_get_value (activity_class (), activity);

  return value != NULL ? value->value_nick : "call";
}

static CwbPluginActivity
activity_from_nick (const char *nick)
{
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (activity_class (), nick) : NULL;

  return value != NULL ? value->value : CWB_PLUGIN_ACTIVITY_CALL;
}

/* Reads what a marker of a dead process says: "MODULE\tACTIVITY\n"; the
 * innermost call is the last line. */
static void
read_marker (CwbEngine  *self,
             int         fd,
             const char *path)
{
  char buffer[MARKER_SIZE + 1];
  ssize_t n;
  g_auto(GStrv) lines = NULL;
  guint n_lines;
  char *tab;

  n = pread (fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0)
    return;
  buffer[n] = '\0';   /* and the text ends at its first NUL */

  lines = g_strsplit (g_strchomp (buffer), "\n", -1);
  n_lines = g_strv_length (lines);
  if (n_lines == 0 || *lines[n_lines - 1] == '\0')
    return;

  tab = strchr (lines[n_lines - 1], '\t');
  if (tab != NULL)
    *tab++ = '\0';

  if (!g_utf8_validate (lines[n_lines - 1], -1, NULL))
    return;

  g_debug ("%s: the plugin %s was in use when its process died", path, lines[n_lines - 1]);
  g_hash_table_replace (self->crashed, g_strdup (lines[n_lines - 1]),
                        GINT_TO_POINTER (activity_from_nick (tab)));
}

/* Looks at the markers left by processes that are gone: each is read
 * once, then removed. Markers of processes still running stay locked. */
static void
recover_markers (CwbEngine *self)
{
  g_autofree char *dir_path = dup_guard_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);

      if (fd < 0)
        continue;

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          read_marker (self, fd, path);
          g_unlink (path);
        }
      close (fd);
    }
}

/* The markers of this process's engines, removed by exit(): a plugin that
 * ends the process the ordinary way (GOption's --help does) has not
 * crashed. A signal or _exit() leaves them, as it should. */
G_LOCK_DEFINE_STATIC (exit_markers);
static GPtrArray *exit_markers;

static void
remove_markers_at_exit (void)
{
  G_LOCK (exit_markers);
  for (guint i = 0; exit_markers != NULL && i < exit_markers->len; i++)
    g_unlink (g_ptr_array_index (exit_markers, i));
  G_UNLOCK (exit_markers);
}

static void
add_exit_marker (const char *path)
{
  G_LOCK (exit_markers);
  if (exit_markers == NULL)
    {
      exit_markers = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_markers_at_exit);
    }
  g_ptr_array_add (exit_markers, g_strdup (path));
  G_UNLOCK (exit_markers);
}

static void
remove_exit_marker (const char *path)
{
  G_LOCK (exit_markers);
  for (guint i = 0; exit_markers != NULL && i < exit_markers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (exit_markers, i), path) == 0)
      {
        g_ptr_array_remove_index_fast (exit_markers, i);
        break;
      }
  G_UNLOCK (exit_markers);
}

/* Writes the calls under way to the marker, made on the first call. */
static void
write_marker (CwbEngine *self)
{
  gsize length = 0;

  if (self->guard_fd < 0 && self->guard_path == NULL)
    {
      static gint counter = 0;
      g_autofree char *dir = dup_guard_dir ();
      g_autofree char *name = g_strdup_printf ("%d-%d", (int) getpid (),
                                               g_atomic_int_add (&counter, 1));

      self->guard_path = g_build_filename (dir, name, NULL);
      if (g_mkdir_with_parents (dir, 0700) == 0)
        self->guard_fd = g_open (self->guard_path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
      if (self->guard_fd >= 0 &&
          (flock (self->guard_fd, LOCK_EX | LOCK_NB) != 0 ||
           ftruncate (self->guard_fd, MARKER_SIZE) != 0 ||
           (self->marker = mmap (NULL, MARKER_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED,
                                 self->guard_fd, 0)) == MAP_FAILED))
        {
          self->marker = NULL;
          g_unlink (self->guard_path);
          close (self->guard_fd);
          self->guard_fd = -1;
        }
      if (self->guard_fd < 0)
        g_debug ("No crash guard: %s cannot be written: %s", self->guard_path, g_strerror (errno));
      else
        add_exit_marker (self->guard_path);
    }

  if (self->marker == NULL)
    return;

  /* a crash of the process, not of the system, is what the marker is for:
   * the page cache keeps the mapping's pages without a sync. The innermost
   * call goes last; calls that do not fit are left out from the outside. */
  for (guint i = 0; i < self->calls->len; i++)
    {
      GuardCall *call = &g_array_index (self->calls, GuardCall, i);
      const char *nick = activity_nick (call->activity);
      gsize module_len = strlen (call->module);
      gsize nick_len = strlen (nick);
      gsize line_len = module_len + 1 + nick_len + 1;

      if (line_len >= MARKER_SIZE)
        continue;
      if (length + line_len >= MARKER_SIZE)
        length = 0;
      memcpy (self->marker + length, call->module, module_len);
      self->marker[length + module_len] = '\t';
      memcpy (self->marker + length + module_len + 1, nick, nick_len);
      self->marker[length + line_len - 1] = '\n';
      length += line_len;
    }
  self->marker[length] = '\0';
}

static void
guard_call_clear (gpointer data)
{
  GuardCall *call = data;

  g_free (call->module);
}

/* One provider's check; a failure leaves an error result in its place */
static void
run_provider (CheckData      *data,
              PeasPluginInfo *info,
              GObject        *extension)
{
  const char *module = peas_plugin_info_get_module_name (info);
  g_autoptr(GError) error = NULL;
  gboolean checked;

  cwb_engine_enter_plugin (data->engine, module, CWB_PLUGIN_ACTIVITY_CHECK);
  checked = cwb_check_provider_check (CWB_CHECK_PROVIDER (extension),
                                      data->context,
                                      data->consortium,
                                      data->report,
                                      &error);
  cwb_engine_leave_plugin (data->engine);

  if (!checked)
    {
      g_autoptr(CwbCheckResult) result = NULL;
      g_autofree char *message = NULL;

      if (error != NULL)
        /* TRANSLATORS: a plugin's name, then what went wrong */
        message = g_strdup_printf (_("The plugin “%s” could not check this consortium: %s"),
                                   cwb_engine_get_plugin_name (data->engine, module), error->message);
      else
        message = g_strdup_printf (_("The plugin “%s” could not check this consortium and gave "
                                     "no reason; its messages may be on standard error."),
                                   cwb_engine_get_plugin_name (data->engine, module));

      g_debug ("%s", message);
      result = cwb_check_result_new_error (module, message);
      cwb_check_result_set_remedy (result, _("The check is incomplete. Report the error to the "
                                             "plugin’s authors, or turn the plugin off in "
                                             "Preferences → Plugins."));
      cwb_check_report_add (data->report, result);
    }
}

static void
check_provider_cb (PeasExtensionSet *set,
                   PeasPluginInfo   *info,
                   PeasExtension    *extension,
                   gpointer          user_data)
{
  run_provider (user_data, info, G_OBJECT (extension));
}

/* A provider held for a check elsewhere */
typedef struct
{
  PeasPluginInfo *info;       /* owned (boxed) */
  GObject        *extension;  /* owned */
} HeldProvider;

static void
held_provider_free (HeldProvider *held)
{
  g_clear_object (&held->extension);
  g_boxed_free (PEAS_TYPE_PLUGIN_INFO, held->info);
  g_free (held);
}

static void
hold_provider_cb (PeasExtensionSet *set,
                  PeasPluginInfo   *info,
                  PeasExtension    *extension,
                  gpointer          user_data)
{
  GPtrArray *held = user_data;
  HeldProvider *provider = g_new0 (HeldProvider, 1);

  provider->info = g_boxed_copy (PEAS_TYPE_PLUGIN_INFO, info);
  provider->extension = g_object_ref (G_OBJECT (extension));
  g_ptr_array_add (held, provider);
}

static void
ensure_providers (CwbEngine *self)
{
  if (self->providers == NULL)
    self->providers = peas_extension_set_new (self->peas, CWB_TYPE_CHECK_PROVIDER, NULL);
}

GPtrArray *
_cwb_engine_dup_check_providers (CwbEngine *self)
{
  GPtrArray *held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_provider_free);

  g_return_val_if_fail (CWB_IS_ENGINE (self), held);

  ensure_providers (self);
  peas_extension_set_foreach (self->providers, hold_provider_cb, held);

  return held;
}

CwbCheckReport *
_cwb_engine_check_with (CwbEngine     *self,
                        GPtrArray     *providers,
                        CwbContext    *context,
                        CwbConsortium *consortium)
{
  g_autoptr(CwbCheckReport) report = NULL;
  CheckData data;

  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (providers != NULL, NULL);
  g_return_val_if_fail (_cwb_consortium_get_member_source (consortium) == NULL, NULL);

  report = cwb_check_report_new (cwb_context_get_rules (context), consortium);

  data.engine = self;
  data.context = context;
  data.consortium = consortium;
  data.report = report;
  for (guint i = 0; i < providers->len; i++)
    {
      HeldProvider *held = g_ptr_array_index (providers, i);

      run_provider (&data, held->info, held->extension);
    }

  return g_steal_pointer (&report);
}

static void
cwb_engine_dispose (GObject *object)
{
  CwbEngine *self = (CwbEngine *)object;

  /* the extensions go before the plugins that provide them */
  g_clear_object (&self->providers);
  g_clear_object (&self->peas);
  if (self->errors != NULL)
    g_hash_table_remove_all (self->errors);

  G_OBJECT_CLASS (cwb_engine_parent_class)->dispose (object);
}

static void
cwb_engine_finalize (GObject *object)
{
  CwbEngine *self = (CwbEngine *)object;

  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->crashed, g_hash_table_unref);
  g_clear_pointer (&self->calls, g_array_unref);

  /* a clean end: the marker goes, unlocked */
  if (self->marker != NULL)
    munmap (self->marker, MARKER_SIZE);
  self->marker = NULL;
  if (self->guard_fd >= 0)
    {
      remove_exit_marker (self->guard_path);
      g_unlink (self->guard_path);
      close (self->guard_fd);
      self->guard_fd = -1;
    }
  g_clear_pointer (&self->guard_path, g_free);
  g_mutex_clear (&self->guard_lock);

  G_OBJECT_CLASS (cwb_engine_parent_class)->finalize (object);
}

static void
cwb_engine_class_init (CwbEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_engine_dispose;
  object_class->finalize = cwb_engine_finalize;
}

/* Python plugins import Cwb-1.0 (and CwbUi-1.0); an installation outside
 * the system prefix puts the typelibs where introspection does not look.
 * GI_TYPELIB_PATH (set by `meson devenv` for the build tree) wins. */
static void
add_typelib_path (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (g_getenv ("GI_TYPELIB_PATH") == NULL && g_file_test (TYPELIBDIR, G_FILE_TEST_IS_DIR))
        g_irepository_prepend_search_path (TYPELIBDIR);
      g_once_init_leave (&done, 1);
    }
}

/* The Cwb overrides for Python plugins (gi/overrides/Cwb.py): found on
 * PYTHONPATH, which `meson devenv` and the tests point at the source tree;
 * an installation adds its own folder before Python starts. */
static void
add_python_path (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const char *path = g_getenv ("PYTHONPATH");

      if (g_file_test (PYTHONDIR, G_FILE_TEST_IS_DIR) &&
          (path == NULL || strstr (path, PYTHONDIR) == NULL))
        {
          g_autofree char *joined = path != NULL && *path != '\0'
                                    ? g_strjoin (G_SEARCHPATH_SEPARATOR_S, PYTHONDIR, path, NULL)
                                    : g_strdup (PYTHONDIR);

          g_setenv ("PYTHONPATH", joined, TRUE);
        }
      g_once_init_leave (&done, 1);
    }
}

static void
cwb_engine_init (CwbEngine *self)
{
  const char *env;
  g_autofree char *user_dir = NULL;

  self->errors = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_error_free);
  self->crashed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->calls = g_array_new (FALSE, FALSE, sizeof (GuardCall));
  g_array_set_clear_func (self->calls, guard_call_clear);
  self->guard_fd = -1;
  g_mutex_init (&self->guard_lock);
  recover_markers (self);

  /* a private engine: the default one is shared with anything else in the
   * process that uses libpeas */
  add_typelib_path ();
  add_python_path ();

  self->peas = peas_engine_new ();
  peas_engine_enable_loader (self->peas, "python3");

  env = g_getenv ("CWB_PLUGIN_PATH");
  if (env != NULL)
    {
      g_auto(GStrv) dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        add_search_path (self->peas, dirs[i]);
    }

  user_dir = g_build_filename (g_get_user_data_dir (), "consortium-workbench", "plugins", NULL);
  add_search_path (self->peas, user_dir);
  add_search_path (self->peas, PLUGINDIR);
}

/**
 * cwb_engine_new:
 *
 * A private #PeasEngine with the python3 loader, searching in order each
 * directory of `$CWB_PLUGIN_PATH`, `$XDG_DATA_HOME/consortium-workbench/plugins`
 * and the installed plugin directory. A plugin found in more than one of
 * them is taken from the first. The engine pulls in no GTK: a host with
 * pages requires Gtk 4.0 from GObject Introspection before loading plugins.
 *
 * Returns: (transfer full): a new engine with no plugin loaded
 */
CwbEngine *
cwb_engine_new (void)
{
  return g_object_new (CWB_TYPE_ENGINE, NULL);
}

/**
 * cwb_engine_get_peas:
 * @self: an engine
 *
 * Returns: (transfer none): the #PeasEngine, e.g. to list, load or unload
 *   plugins from a plugin manager
 */
PeasEngine *
cwb_engine_get_peas (CwbEngine *self)
{
  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);

  return self->peas;
}

/**
 * cwb_engine_load_plugins:
 * @self: an engine
 * @disabled: (nullable) (array zero-terminated=1): module names not to load
 *
 * Loads every plugin found except those in @disabled and those that
 * crashed the last time (cwb_engine_dup_crashed_plugins()). A plugin that
 * fails is kept in the list with its error (cwb_engine_get_plugin_error())
 * and the others still load; libpeas logs a warning for it.
 */
void
cwb_engine_load_plugins (CwbEngine          *self,
                         const char * const *disabled)
{
  g_return_if_fail (CWB_IS_ENGINE (self));

  for (const GList *l = peas_engine_get_plugin_list (self->peas); l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      const char *module = peas_plugin_info_get_module_name (info);
      g_autoptr(GError) error = NULL;

      gboolean loaded;

      if (disabled != NULL && g_strv_contains (disabled, module))
        continue;

      if (g_hash_table_contains (self->crashed, module))
        continue;

      if (peas_plugin_info_is_loaded (info))
        continue;

      if (!peas_plugin_info_is_available (info, &error))
        {
          record_error (self, info, error);
          continue;
        }

      cwb_engine_enter_plugin (self, module, CWB_PLUGIN_ACTIVITY_LOAD);
      loaded = peas_engine_load_plugin (self->peas, info);
      cwb_engine_leave_plugin (self);

      if (!loaded)
        {
          /* libpeas keeps the reason in the info; when it gives none, say
           * that loading returned FALSE */
          peas_plugin_info_is_available (info, &error);
          record_error (self, info, error);
          continue;
        }

      g_hash_table_remove (self->errors, info);
      g_debug ("Loaded plugin %s", module);
    }
}

/**
 * cwb_engine_get_plugin_error:
 * @self: an engine
 * @info: a plugin of the engine
 *
 * Returns: (nullable) (transfer none): why @info failed to load, %NULL if
 *   it did not fail; a #CWB_ERROR_PLUGIN whose message names the module and
 *   gives libpeas' reason
 */
const GError *
cwb_engine_get_plugin_error (CwbEngine      *self,
                             PeasPluginInfo *info)
{
  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (info != NULL, NULL);

  return g_hash_table_lookup (self->errors, info);
}

/**
 * cwb_engine_check:
 * @self: an engine
 * @context: the host's services
 * @consortium: the consortium (a summary's members are all read first:
 *   providers see them in cwb_consortium_get_members() too)
 *
 * Runs every loaded #CwbCheckProvider over @consortium. The extension set
 * is created on the first check and kept, so it follows plugins loaded or
 * unloaded later. A provider that fails leaves a result of status
 * %CWB_STATUS_ERROR naming its plugin and the error in its place, and the
 * report's verdict is %CWB_VERDICT_ERROR; the other providers' results
 * are there as usual.
 *
 * Returns: (transfer full): the report
 */
CwbCheckReport *
cwb_engine_check (CwbEngine     *self,
                  CwbContext    *context,
                  CwbConsortium *consortium)
{
  g_autoptr(CwbCheckReport) report = NULL;
  g_autoptr(CwbConsortium) whole = NULL;
  CheckData data;

  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  /* rules walk every member: a summary's are read into a copy */
  if (_cwb_consortium_get_member_source (consortium) != NULL)
    consortium = whole = cwb_consortium_copy (consortium);

  ensure_providers (self);

  report = cwb_check_report_new (cwb_context_get_rules (context), consortium);

  data.engine = self;
  data.context = context;
  data.consortium = consortium;
  data.report = report;
  peas_extension_set_foreach (self->providers, check_provider_cb, &data);

  return g_steal_pointer (&report);
}

/**
 * cwb_engine_enter_plugin:
 * @self: an engine
 * @module: the module name of the plugin about to be called
 * @activity: what it is asked to do
 *
 * Says that the host is about to run the code of @module, until the
 * matching cwb_engine_leave_plugin(). If the process dies before that,
 * the next engine made by this user finds it out and does not load
 * @module (cwb_engine_dup_crashed_plugins()). The engine does this itself
 * for loading and checking; a host does it around the other calls it makes
 * into a plugin (a command, a page). Calls may nest.
 */
void
cwb_engine_enter_plugin (CwbEngine         *self,
                         const char        *module,
                         CwbPluginActivity  activity)
{
  GuardCall call;

  g_return_if_fail (CWB_IS_ENGINE (self));
  g_return_if_fail (module != NULL);

  call.module = g_strdup (module);
  call.activity = activity;
  call.thread = g_thread_self ();

  g_mutex_lock (&self->guard_lock);
  g_array_append_val (self->calls, call);
  write_marker (self);
  g_mutex_unlock (&self->guard_lock);
}

/**
 * cwb_engine_leave_plugin:
 * @self: an engine
 *
 * Ends the innermost cwb_engine_enter_plugin() of the calling thread (a
 * check may run in a worker meanwhile: cwb_context_check_async()).
 */
void
cwb_engine_leave_plugin (CwbEngine *self)
{
  g_return_if_fail (CWB_IS_ENGINE (self));

  g_mutex_lock (&self->guard_lock);
  /* this thread's innermost call: another thread's may have come since */
  for (guint i = self->calls->len; i > 0; i--)
    if (g_array_index (self->calls, GuardCall, i - 1).thread == g_thread_self ())
      {
        g_array_remove_index (self->calls, i - 1);
        write_marker (self);
        g_mutex_unlock (&self->guard_lock);
        return;
      }
  g_critical ("cwb_engine_leave_plugin() without cwb_engine_enter_plugin()");
  write_marker (self);
  g_mutex_unlock (&self->guard_lock);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cwb_engine_dup_crashed_plugins:
 * @self: an engine
 *
 * The plugins that were in use when a process of this user's died since
 * the last engine looked (the application crashed in them, or was killed
 * while in them). cwb_engine_load_plugins() does not load them; the host
 * tells the user (cwb_engine_describe_crash()) and keeps them off, e.g.
 * in its disabled plugins, until the user turns them on again.
 *
 * Returns: (transfer full) (array zero-terminated=1): module names, sorted
 */
char **
cwb_engine_dup_crashed_plugins (CwbEngine *self)
{
  GPtrArray *modules;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);

  modules = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->crashed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (modules, g_strdup (key));
  g_ptr_array_sort (modules, compare_strings);
  g_ptr_array_add (modules, NULL);

  return (char **) g_ptr_array_free (modules, FALSE);
}

/**
 * cwb_engine_describe_crash:
 * @self: an engine
 * @module: a module name from cwb_engine_dup_crashed_plugins()
 *
 * Returns: (transfer full): a sentence for the user: which plugin stopped
 *   the application (by the name the plugin manager shows), while doing
 *   what, that it is off and how to turn it on
 */
char *
cwb_engine_describe_crash (CwbEngine  *self,
                           const char *module)
{
  gpointer value;
  const char *name;

  g_return_val_if_fail (CWB_IS_ENGINE (self), NULL);
  g_return_val_if_fail (module != NULL, NULL);

  name = cwb_engine_get_plugin_name (self, module);

  if (!g_hash_table_lookup_extended (self->crashed, module, NULL, &value))
    value = GINT_TO_POINTER (CWB_PLUGIN_ACTIVITY_CALL);

  switch (GPOINTER_TO_INT (value))
    {
    case CWB_PLUGIN_ACTIVITY_LOAD:
      return g_strdup_printf (_("The plugin “%s” stopped the application while it was being "
                                "loaded, the last time it ran. It has been turned off; turn it "
                                "on again in Preferences → Plugins once it is fixed."), name);
    case CWB_PLUGIN_ACTIVITY_CHECK:
      return g_strdup_printf (_("The plugin “%s” stopped the application while it was checking "
                                "a consortium, the last time it ran. It has been turned off; turn "
                                "it on again in Preferences → Plugins once it is fixed."), name);
    case CWB_PLUGIN_ACTIVITY_COMMAND:
      return g_strdup_printf (_("The plugin “%s” stopped the application while it was running a "
                                "command, the last time it ran. It has been turned off; turn it "
                                "on again in Preferences → Plugins once it is fixed."), name);
    case CWB_PLUGIN_ACTIVITY_PAGE:
      return g_strdup_printf (_("The plugin “%s” stopped the application while it was making its "
                                "page, the last time it ran. It has been turned off; turn it on "
                                "again in Preferences → Plugins once it is fixed."), name);
    default:
      return g_strdup_printf (_("The plugin “%s” stopped the application the last time it ran. "
                                "It has been turned off; turn it on again in Preferences → "
                                "Plugins once it is fixed."), name);
    }
}

/**
 * cwb_engine_get_plugin_name:
 * @self: an engine
 * @module: a plugin's module name
 *
 * Returns: (transfer none): the name the plugin manager shows for @module
 *   (translated, from its .plugin file), or @module when the engine does
 *   not know it or it has none
 */
const char *
cwb_engine_get_plugin_name (CwbEngine  *self,
                            const char *module)
{
  PeasPluginInfo *info;
  const char *name;

  g_return_val_if_fail (CWB_IS_ENGINE (self), module);
  g_return_val_if_fail (module != NULL, NULL);

  info = peas_engine_get_plugin_info (self->peas, module);
  name = info != NULL ? peas_plugin_info_get_name (info) : NULL;

  return name != NULL && *name != '\0' ? name : module;
}
