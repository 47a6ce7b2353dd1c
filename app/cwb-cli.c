/* cwb-cli.c — the command-line verbs: check, import, export and the plugins'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include <cwb.h>

#include "cwb-cli.h"

#define PROGRAM_NAME "consortium-workbench"

/* stdout is written in blocks of this size by `check`, and flushed after
 * each file's report */
#define OUTPUT_BUFFER_SIZE (256 * 1024)

typedef int (*CwbCliCommand) (int argc, char **argv);

typedef struct
{
  const char    *name;
  CwbCliCommand  run;
} CwbCliVerb;

/* One run of `check`: everything that is made once for all the files. */
typedef struct
{
  CwbRuleSet    *rules;      /* owned */
  CwbEngine     *engine;     /* owned */
  CwbStore      *store;      /* owned, nullable: only with --db */
  CwbContext    *context;    /* owned */
  GString       *output;     /* owned: the text of one file's report */
  GByteArray    *input;      /* owned: the bytes of the file being checked */
  gboolean       json;
} CwbChecker;

static int cmd_check  (int argc, char **argv);
static int cmd_import (int argc, char **argv);
static int cmd_export (int argc, char **argv);

static const CwbCliVerb verbs[] = {
  { "check",  cmd_check },
  { "import", cmd_import },
  { "export", cmd_export },
};

/* rank of an exit status: 66 > 65 > 1 > 2 > 0 (see cwb-cli.h) */
static int
exit_rank (int status)
{
  switch (status)
    {
    case CWB_CLI_EXIT_OK:         return 0;
    case CWB_CLI_EXIT_WARN:       return 1;
    case CWB_CLI_EXIT_FAIL:       return 2;
    case CWB_CLI_EXIT_SOFTWARE:   return 3;
    case CWB_CLI_EXIT_INVALID:    return 4;
    case CWB_CLI_EXIT_CANT_WRITE: return 5;
    case CWB_CLI_EXIT_NO_INPUT:   return 6;
    case CWB_CLI_EXIT_USAGE:      return 7;
    default:                      return 2;
    }
}

static const char *
exit_status_help (void)
{
  return _("Exit status:\n"
           "  0   success (check: every file passes)\n"
           "  1   check: a file fails a hard rule; import: a consortium of that name exists\n"
           "      already (use --replace); export: no consortium of that name; or the\n"
           "      database cannot be used (e.g. written by a newer version)\n"
           "  2   check: a file passes with warnings\n"
           "  64  usage error\n"
           "  65  a file is not a valid consortium file (the message names the key path)\n"
           "  66  a file cannot be read\n"
           "  70  check: a plugin’s check failed, so the check of a file is incomplete\n"
           "  73  export: the output file cannot be written\n"
           "With several files the worst status is returned, in this order:\n"
           "66, then 65, then 70, then 1, then 2, then 0.");
}

static void print_plugin_commands (void);

static void
print_top_help (void)
{
  g_print (_("Usage:\n"
             "  %s [--db PATH]              open the window\n"
             "  %s COMMAND [OPTION…]        run a command without a window\n"
             "\n"
             "Commands:\n"
             "  check [--json] [--db PATH] FILE…       check consortium files against the policy’s rules\n"
             "  import [--db PATH] [--replace] FILE…   import consortium files into the database\n"
             "  export [--db PATH] NAME -o FILE        write a consortium of the database to a file\n"
             "\n"
             "Options:\n"
             "  --db PATH     the database (default: $CWB_DATA_DIR/workbench.db, else\n"
             "                $XDG_DATA_HOME/consortium-workbench/workbench.db);\n"
             "                check uses a database only when --db is given (rule C7)\n"
             "  --version     print the version\n"
             "  -h, --help    print this help; “%s COMMAND --help” describes a command\n"
             "\n"),
           PROGRAM_NAME, PROGRAM_NAME, PROGRAM_NAME);
  print_plugin_commands ();
  g_print ("%s\n", exit_status_help ());
}

static int
usage_error (const char *verb,
             const char *message)
{
  fflush (stdout);
  if (verb != NULL)
    {
      g_printerr ("%s %s: %s\n", PROGRAM_NAME, verb, message);
      g_printerr (_("Try “%s %s --help” for more information.\n"), PROGRAM_NAME, verb);
    }
  else
    {
      g_printerr ("%s: %s\n", PROGRAM_NAME, message);
      g_printerr (_("Try “%s --help” for more information.\n"), PROGRAM_NAME);
    }

  return CWB_CLI_EXIT_USAGE;
}

/* Parses a verb's options; on a usage error prints it and returns FALSE.
 * --help prints the verb's help and exits with status 0. */
static gboolean
parse_options (const char         *verb,
               const char         *parameter_string,
               const char         *summary,
               const GOptionEntry *entries,
               int                *argc,
               char             ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM_NAME, verb);

  g_set_prgname (prgname);

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, exit_status_help ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      usage_error (verb, error->message);
      return FALSE;
    }

  return TRUE;
}

static int
load_error_status (const GError *error)
{
  if (error->domain == CWB_ERROR)
    return CWB_CLI_EXIT_INVALID;

  /* G_IO_ERROR, G_FILE_ERROR: the file cannot be read */
  return CWB_CLI_EXIT_NO_INPUT;
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* The message of a load error, without the file's name: the key path and
 * what is wrong for a bad file, why it cannot be read otherwise. */
static const char *
load_error_message (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return _("no such file");
        case G_IO_ERROR_IS_DIRECTORY:
          return _("this is a folder, not a file");
        case G_IO_ERROR_PERMISSION_DENIED:
          return _("permission denied: the file cannot be read");
        default:
          break;
        }
    }
  else if (error->domain == G_FILE_ERROR)
    {
      switch (error->code)
        {
        case G_FILE_ERROR_NOENT:
          return _("no such file");
        case G_FILE_ERROR_ISDIR:
          return _("this is a folder, not a file");
        case G_FILE_ERROR_ACCES:
        case G_FILE_ERROR_PERM:
          return _("permission denied: the file cannot be read");
        default:
          break;
        }
    }

  return error->message;
}

/* @read_only: for a verb that only reads, which then never writes the
 * database (nor migrates it) and works where it cannot be written */
static CwbStore *
open_store (const char  *db,
            gboolean     read_only,
            int         *status)
{
  g_autofree char *path = db != NULL ? g_strdup (db) : cwb_store_dup_default_path ();
  g_autoptr(GError) error = NULL;
  CwbStore *store;

  if (read_only)
    store = cwb_store_open_read_only (path, &error);
  else
    store = cwb_store_open (path, &error);

  if (store == NULL)
    {
      g_autofree char *name = display_name (path);

      fflush (stdout);
      g_printerr ("%s: %s\n", name, error->message);
      *status = CWB_CLI_EXIT_FAIL;
    }

  return store;
}

/* check */


/* Loads the enabled plugins into @engine. A plugin that a process died in
 * the last time (cwb_engine_dup_crashed_plugins()) is not loaded: it is
 * added to the disabled plugins, so the window keeps it off as well, and
 * the user is told on stderr. */
static void
load_plugins (CwbEngine *engine)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(GStrv) crashed = cwb_engine_dup_crashed_plugins (engine);
  g_auto(GStrv) disabled = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "disabled-plugins"))
    {
      settings = g_settings_new_full (schema, NULL, NULL);
      disabled = g_settings_get_strv (settings, "disabled-plugins");
    }

  for (guint i = 0; crashed[i] != NULL; i++)
    {
      g_autofree char *message = cwb_engine_describe_crash (engine, crashed[i]);

      fflush (stdout);
      g_printerr ("%s\n", message);

      if (settings != NULL && !g_strv_contains ((const char * const *) disabled, crashed[i]))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          g_strv_builder_addv (builder, (const char **) disabled);
          g_strv_builder_add (builder, crashed[i]);
          g_strfreev (disabled);
          disabled = g_strv_builder_end (builder);
          g_settings_set_strv (settings, "disabled-plugins", (const char * const *) disabled);
        }
    }

  if (settings != NULL)
    g_settings_sync ();

  cwb_engine_load_plugins (engine, (const char * const *) disabled);
}

static const char *
status_mark (CwbStatus status)
{
  switch (status)
    {
    case CWB_STATUS_PASS:
    case CWB_STATUS_RELAXED:
    case CWB_STATUS_EXCEPTED:
    case CWB_STATUS_DECLARED:
      return "✓";
    case CWB_STATUS_FAIL:
      return "✗";
    case CWB_STATUS_WARN:
    case CWB_STATUS_MISSING_DECLARATION:
      return "!";
    case CWB_STATUS_UNKNOWN:
      return "?";
    case CWB_STATUS_INFO:
      return "i";
    case CWB_STATUS_ERROR:
      return "‼";
    default:
      return " ";
    }
}

static const char *
status_word (CwbStatus status)
{
  switch (status)
    {
    case CWB_STATUS_PASS:                return C_("cli status", "pass");
    case CWB_STATUS_FAIL:                return C_("cli status", "fail");
    case CWB_STATUS_WARN:                return C_("cli status", "warning");
    case CWB_STATUS_UNKNOWN:             return C_("cli status", "unknown");
    case CWB_STATUS_RELAXED:             return C_("cli status", "relaxed");
    case CWB_STATUS_EXCEPTED:            return C_("cli status", "excepted");
    case CWB_STATUS_DECLARED:            return C_("cli status", "declared");
    case CWB_STATUS_MISSING_DECLARATION: return C_("cli status", "not declared");
    case CWB_STATUS_INFO:                return C_("cli status", "information");
    case CWB_STATUS_ERROR:               return C_("cli status", "error");
    default:                             return "";
    }
}

static const char *
verdict_words (CwbVerdict verdict)
{
  switch (verdict)
    {
    case CWB_VERDICT_PASS: return C_("cli verdict", "pass");
    case CWB_VERDICT_WARN: return C_("cli verdict", "pass with warnings");
    case CWB_VERDICT_FAIL: return C_("cli verdict", "fail");
    case CWB_VERDICT_ERROR: return C_("cli verdict", "incomplete: a plugin’s check failed");
    default:               return "";
    }
}

static int
verdict_status (CwbVerdict verdict)
{
  switch (verdict)
    {
    case CWB_VERDICT_PASS: return CWB_CLI_EXIT_OK;
    case CWB_VERDICT_WARN: return CWB_CLI_EXIT_WARN;
    case CWB_VERDICT_ERROR: return CWB_CLI_EXIT_SOFTWARE;
    case CWB_VERDICT_FAIL:
    default:               return CWB_CLI_EXIT_FAIL;
    }
}

static void
append_readable_report (GString        *out,
                        const char     *file,
                        CwbCheckReport *report)
{
  CwbConsortium *consortium = cwb_check_report_get_consortium (report);
  CwbVerdict verdict = cwb_check_report_get_verdict (report);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (report));

  g_string_append_printf (out, _("File: %s\n"), file);
  g_string_append_printf (out, _("Consortium: %s\n"), cwb_consortium_get_name (consortium));
  g_string_append_printf (out, _("Verdict: %s\n"), verdict_words (verdict));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CwbCheckResult) result = g_list_model_get_item (G_LIST_MODEL (report), i);
      CwbStatus status = cwb_check_result_get_status (result);
      const char *message = cwb_check_result_get_message (result);
      const char *remedy = cwb_check_result_get_remedy (result);

      /* TRANSLATORS: one result of the check: mark, rule id, clause id, status, message */
      g_string_append_printf (out, _("  %s %s %s [%s] %s"),
                              status_mark (status),
                              cwb_check_result_get_rule (result),
                              cwb_check_result_get_clause (result) != NULL
                              ? cwb_check_result_get_clause (result) : "—",
                              status_word (status),
                              message != NULL ? message : "");
      if (remedy != NULL && *remedy != '\0')
        /* TRANSLATORS: follows a result's message: what would make it pass */
        g_string_append_printf (out, _(" — to do: %s"), remedy);
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
}

/* With several files and processors, `import` runs as a pipeline: this
 * thread reads the files (LOADER_AHEAD ahead), a loader thread parses them
 * into consortia, and this thread imports them, in order. A
 * consortium goes back to the loader to be freed: freed on the thread that
 * made it, GSlice's per-thread caches stay warm. The jobs go to the loader
 * LOADER_BATCH at a time, as one item of its queue, and the consortia come
 * back the same way (or as many as are done when the loader runs out of
 * jobs): either thread would otherwise sleep and be woken up for every
 * file, which costs more CPU time than parsing a small file. */
#define LOADER_AHEAD 32
#define LOADER_BATCH 16
G_STATIC_ASSERT (LOADER_BATCH < LOADER_AHEAD);

typedef struct _CwbLoaderJob
{
  char          *data;        /* owned: the file's bytes, NULL if not read */
  gsize          length;
  GError        *error;       /* owned: why it could not be read */
  CwbConsortium *trash;       /* owned, nullable: a consortium to free */
  gboolean       has_file;    /* FALSE: only trash to free, or the end */
  gboolean       stop;
  struct _CwbLoaderJob *next; /* owned, nullable: the next job of the batch */
} CwbLoaderJob;

typedef struct _CwbLoaded
{
  CwbConsortium *consortium;  /* owned, nullable */
  GError        *error;       /* owned, nullable */
  struct _CwbLoaded *next;    /* the next file's, in a batch */
} CwbLoaded;

typedef struct
{
  char        **files;   /* not owned */
  CwbRuleSet   *rules;   /* not owned: the figures the files are read under */
  guint         n_read;  /* files sent to the loader so far */
  GAsyncQueue  *jobs;    /* owned: CwbLoaderJob, in file order */
  GAsyncQueue  *loaded;  /* owned: CwbLoaded batches, in file order */
  GThread      *thread;  /* owned */
  CwbLoaderJob *batch;   /* owned, nullable: jobs not sent yet, the last first */
  guint         n_batch;
  CwbLoaded    *received; /* owned, nullable: loaded, not yet taken, in order */
} CwbLoader;

/* What the loader thread has loaded and not sent yet */
typedef struct
{
  CwbLoaded  *first;
  CwbLoaded **tail;
  guint       n;
} CwbLoadedBatch;

static void
loaded_batch_send (CwbLoadedBatch *batch,
                   GAsyncQueue    *queue)
{
  if (batch->first != NULL)
    g_async_queue_push (queue, batch->first);
  batch->first = NULL;
  batch->tail = &batch->first;
  batch->n = 0;
}

static gpointer
loader_thread (gpointer data)
{
  CwbLoader *self = data;

  CwbLoadedBatch batch = { NULL, NULL, 0 };

  batch.tail = &batch.first;
  for (;;)
    {
      CwbLoaderJob *job = g_async_queue_try_pop (self->jobs);
      gboolean stop = FALSE;

      /* nothing to do: what is done goes before waiting for more */
      if (job == NULL)
        {
          loaded_batch_send (&batch, self->loaded);
          job = g_async_queue_pop (self->jobs);
        }

      while (job != NULL)
        {
          CwbLoaderJob *next = job->next;

          stop = stop || job->stop;
          g_clear_object (&job->trash);
          if (job->has_file)
            {
              CwbLoaded *loaded = g_new0 (CwbLoaded, 1);

              if (job->error != NULL)
                loaded->error = g_steal_pointer (&job->error);
              else
                loaded->consortium = cwb_consortium_file_load_data_with_rules (job->data, (gssize) job->length,
                                                                               self->rules, &loaded->error);
              *batch.tail = loaded;
              batch.tail = &loaded->next;
              if (++batch.n == LOADER_BATCH)
                loaded_batch_send (&batch, self->loaded);
            }
          g_free (job->data);
          g_clear_error (&job->error);
          g_free (job);
          job = next;
        }

      if (stop)
        {
          loaded_batch_send (&batch, self->loaded);
          return NULL;
        }
    }
}

/* The jobs of the batch, in order, as one item of the loader's queue */
static void
cwb_loader_flush (CwbLoader *self)
{
  CwbLoaderJob *first = NULL;

  /* the batch is kept the last first: turned around */
  while (self->batch != NULL)
    {
      CwbLoaderJob *job = self->batch;

      self->batch = job->next;
      job->next = first;
      first = job;
    }
  self->n_batch = 0;

  if (first != NULL)
    g_async_queue_push (self->jobs, first);
}

/* reads the next file, if any is left, and hands it to the loader with @trash */
static void
cwb_loader_send (CwbLoader     *self,
                 CwbConsortium *trash)
{
  CwbLoaderJob *job = g_new0 (CwbLoaderJob, 1);

  job->trash = trash;
  if (self->files[self->n_read] != NULL)
    {
      job->has_file = TRUE;
      if (!g_file_get_contents (self->files[self->n_read], &job->data, &job->length, &job->error))
        g_clear_pointer (&job->data, g_free);
      self->n_read++;
    }

  job->next = self->batch;
  self->batch = job;
  if (++self->n_batch == LOADER_BATCH)
    cwb_loader_flush (self);
}

static void
cwb_loader_start (CwbLoader   *self,
                  char       **files,
                  CwbRuleSet  *rules)
{
  self->files = files;
  self->rules = rules;
  self->jobs = g_async_queue_new ();
  self->loaded = g_async_queue_new ();
  self->thread = g_thread_new ("cwb-loader", loader_thread, self);
  for (guint i = 0; i < LOADER_AHEAD; i++)
    cwb_loader_send (self, NULL);
  cwb_loader_flush (self);
}

/* the next file's consortium, or NULL and its error; blocks until it is loaded */
static CwbConsortium *
cwb_loader_next (CwbLoader  *self,
                 GError    **error)
{
  CwbLoaded *loaded;
  CwbConsortium *consortium;

  /* nothing loaded: the jobs kept back go before waiting */
  if (self->received == NULL && (self->received = g_async_queue_try_pop (self->loaded)) == NULL)
    {
      cwb_loader_flush (self);
      self->received = g_async_queue_pop (self->loaded);
    }
  loaded = self->received;
  self->received = loaded->next;
  consortium = loaded->consortium;

  if (loaded->error != NULL)
    g_propagate_error (error, loaded->error);
  g_free (loaded);

  return consortium;
}

/* @consortium (nullable, transfer full): the one just checked */
static void
cwb_loader_done (CwbLoader     *self,
                 CwbConsortium *consortium)
{
  cwb_loader_send (self, consortium);
}

static void
cwb_loader_finish (CwbLoader *self)
{
  CwbLoaderJob *stop = g_new0 (CwbLoaderJob, 1);

  /* the consortia still to free go with the stop */
  stop->stop = TRUE;
  stop->next = self->batch;
  self->batch = stop;
  cwb_loader_flush (self);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->jobs, g_async_queue_unref);
  g_clear_pointer (&self->loaded, g_async_queue_unref);
}

/* cwb_consortium_file_load() without GIO's stream machinery: one read(),
 * which matters when `check` is given thousands of files. A file that
 * cannot be read fails with G_FILE_ERROR, bad content with CWB_ERROR. */
static CwbConsortium *
load_consortium_file (const char  *path,
                      CwbRuleSet  *rules,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return cwb_consortium_file_load_data_with_rules (data, (gssize) length, rules, error);
}

/* --rules FILE: a rule pack with other figures; without it the shipped
 * rule set. Prints why it cannot be used. */
static CwbRuleSet *
load_rules (const char *path)
{
  g_autoptr(GError) error = NULL;
  CwbRuleSet *rules;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      rules = cwb_rule_set_new_from_file (file, &error);
      if (rules == NULL)
        {
          g_autofree char *name = display_name (path);

          /* TRANSLATORS: the rule set's file name, then why it cannot be used */
          g_printerr (_("%s: not a usable rule set: %s\n"), name, error->message);
        }
      return rules;
    }

  if ((rules = cwb_rule_set_new_default (&error)) == NULL)
    g_printerr ("%s\n", error->message);
  return rules;
}

/* Reads the regular file @path into @buffer, kept for all the files (a new
 * one per file made malloc consolidate its free lists each time). FALSE
 * for anything else: g_file_get_contents() reads it, or says why not. */
static gboolean
read_into (const char *path,
           GByteArray *buffer)
{
  struct stat st;
  gsize done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size < 0 ||
      (guint64) st.st_size >= G_MAXUINT - 1)
    {
      close (fd);
      return FALSE;
    }

  /* a file that grows while it is read is read again the usual way */
  g_byte_array_set_size (buffer, (guint) st.st_size + 1);
  while (done < buffer->len)
    {
      gssize n = read (fd, buffer->data + done, buffer->len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (gsize) n;
    }
  close (fd);

  if (done != (gsize) st.st_size)
    return FALSE;

  /* nul-terminated, as g_file_get_contents() leaves it */
  buffer->data[done] = '\0';
  g_byte_array_set_size (buffer, (guint) done);
  return TRUE;
}

/* load_consortium_file() through @self's buffer */
static CwbConsortium *
checker_load (CwbChecker  *self,
              const char  *path,
              GError     **error)
{
  if (!read_into (path, self->input))
    return load_consortium_file (path, self->rules, error);

  return cwb_consortium_file_load_data_with_rules ((const char *) self->input->data,
                                                   (gssize) self->input->len, self->rules, error);
}

static int
check_file (CwbChecker    *self,
            const char    *path,
            CwbConsortium *consortium,
            const GError  *error)
{
  g_autoptr(CwbCheckReport) report = NULL;
  g_autofree char *name = display_name (path);

  if (consortium == NULL)
    {
      fflush (stdout);
      g_printerr ("%s: %s\n", name, load_error_message (error));
      return load_error_status (error);
    }

  report = cwb_context_check (self->context, consortium);

  if (self->json)
    {
      g_string_truncate (self->output, 0);
      cwb_check_report_append_json (report, name, self->output);
      g_string_append_c (self->output, '\n');
      fwrite (self->output->str, 1, self->output->len, stdout);
    }
  else
    {
      g_string_truncate (self->output, 0);
      append_readable_report (self->output, name, report);
      g_print ("%s", self->output->str);
    }

  /* each file's report is out before the next file is read: a run that is
   * stopped (or a plugin that crashes) keeps what was printed */
  fflush (stdout);

  return verdict_status (cwb_check_report_get_verdict (report));
}

static void
cwb_checker_clear (CwbChecker *self)
{
  g_clear_object (&self->context);
  g_clear_object (&self->engine);
  g_clear_object (&self->store);
  g_clear_object (&self->rules);
  if (self->output != NULL)
    g_string_free (g_steal_pointer (&self->output), TRUE);
  g_clear_pointer (&self->input, g_byte_array_unref);
}

static int
cmd_check (int    argc,
           char **argv)
{
  static char stdout_buffer[OUTPUT_BUFFER_SIZE];
  gboolean json = FALSE;
  g_autofree char *db = NULL;
  g_autofree char *rules_path = NULL;
  g_auto(GStrv) files = NULL;
  CwbChecker checker = { 0 };
  int status = CWB_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object per file, one per line"), NULL },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Also check against the consortia of the database at PATH (rule C7)"), N_("PATH") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Check against the rule set in FILE instead of the shipped one"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("check", _("FILE…"),
                      _("Checks each consortium file against the policy’s rules and prints "
                        "its verdict: pass, pass with warnings or fail."),
                      entries, &argc, &argv))
    return CWB_CLI_EXIT_USAGE;

  if (files == NULL || files[0] == NULL)
    return usage_error ("check", _("No FILE given."));

  /* Everything below is made once for all the files. */
  setvbuf (stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);

  if ((checker.rules = load_rules (rules_path)) == NULL)
    return CWB_CLI_EXIT_FAIL;

  if (db != NULL)
    {
      /* check reads the database and never creates one */
      if (!g_file_test (db, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *db_name = display_name (db);

          g_printerr (_("%s: there is no database here.\n"), db_name);
          cwb_checker_clear (&checker);
          return CWB_CLI_EXIT_NO_INPUT;
        }
      if ((checker.store = open_store (db, TRUE, &status)) == NULL)
        {
          cwb_checker_clear (&checker);
          return status;
        }
    }

  checker.engine = cwb_engine_new ();
  load_plugins (checker.engine);
  checker.context = cwb_context_new (checker.rules, checker.store, NULL, checker.engine);
  checker.json = json;
  checker.output = g_string_sized_new (4096);
  checker.input = g_byte_array_new ();

  /* one file after the other: parsing the next ones on the loader thread
   * (as import does) saved little time and cost much more CPU time */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(GError) load_error = NULL;

      consortium = checker_load (&checker, files[i], &load_error);
      status = cwb_cli_worst_exit (status, check_file (&checker, files[i], consortium, load_error));
    }

  fflush (stdout);
  cwb_checker_clear (&checker);

  return status;
}

/* import */

/* Progress on stderr: on a terminal one line redrawn in place at most
 * every PROGRESS_TTY_MS, otherwise (--progress) a line every
 * PROGRESS_LOG_MS. */
#define PROGRESS_TTY_MS 100
#define PROGRESS_LOG_MS 1000

/* One run of `import` */
typedef struct
{
  CwbImporter *importer;        /* owned */
  int          status;
  gboolean     show_progress;
  gboolean     tty;             /* stderr is a terminal: redraw in place */
  gboolean     progress_drawn;  /* a progress line is on the terminal */
  gint64       progress_time;   /* when it was last drawn, monotonic µs */
} CwbImport;

static void
import_clear_progress (CwbImport *self)
{
  if (!self->progress_drawn)
    return;

  fputs ("\r\033[K", stderr);
  fflush (stderr);
  self->progress_drawn = FALSE;
}

/* @force: draw even if one was drawn just now (the last) */
static void
import_show_progress (CwbImport *self,
                      gboolean   force)
{
  g_autofree char *text = NULL;
  gint64 now = g_get_monotonic_time ();
  gint64 interval = (self->tty ? PROGRESS_TTY_MS : PROGRESS_LOG_MS) * (gint64) 1000;

  if (!self->show_progress || (!force && now - self->progress_time < interval))
    return;

  self->progress_time = now;
  text = cwb_importer_dup_progress_text (self->importer);
  fflush (stdout);
  if (self->tty)
    {
      g_printerr ("\r%s\033[K", text);
      self->progress_drawn = TRUE;
    }
  else
    g_printerr ("%s\n", text);
  fflush (stderr);
}

/* The result of one file (@item_data: its path), when its batch was
 * committed */
static void
import_result_cb (CwbImporter   *importer,
                  CwbConsortium *consortium,
                  gboolean       replaced,
                  const GError  *error,
                  gpointer       item_data,
                  gpointer       user_data)
{
  CwbImport *self = user_data;
  g_autofree char *file_name = display_name (item_data);
  const char *name = consortium != NULL ? cwb_consortium_get_name (consortium) : NULL;

  import_clear_progress (self);

  if (error == NULL)
    {
      if (replaced)
        g_print (_("%s: replaced “%s”\n"), file_name, name);
      else
        g_print (_("%s: imported “%s”\n"), file_name, name);
      return;
    }

  fflush (stdout);
  if (consortium == NULL)
    {
      /* the file could not be read or loaded */
      g_printerr (_("%s: not imported: %s\n"), file_name, load_error_message (error));
      self->status = cwb_cli_worst_exit (self->status, load_error_status (error));
      return;
    }

  if (g_error_matches (error, CWB_ERROR, CWB_ERROR_EXISTS))
    g_printerr (_("%s: not imported: a consortium named “%s” exists already; "
                  "use --replace to replace it\n"), file_name, name);
  else
    g_printerr (_("%s: not imported: %s\n"), file_name, error->message);
  self->status = cwb_cli_worst_exit (self->status, CWB_CLI_EXIT_FAIL);
}

/* @consortium (nullable): @path loaded, or NULL and why not */
static void
import_file (CwbImport     *self,
             const char    *path,
             CwbConsortium *consortium,
             const GError  *error,
             gboolean       replace)
{
  if (consortium == NULL)
    cwb_importer_add_failed (self->importer, error, g_strdup (path), g_free);
  else
    cwb_importer_add (self->importer, consortium, replace, g_strdup (path), g_free);

  import_show_progress (self, FALSE);
}

static int
cmd_import (int    argc,
            char **argv)
{
  gboolean replace = FALSE;
  gboolean progress = FALSE;
  int batch_size = -1;
  g_autofree char *db = NULL;
  g_autofree char *rules_path = NULL;
  g_autoptr(CwbRuleSet) rules = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(CwbStore) store = NULL;
  CwbImport run = { NULL, CWB_CLI_EXIT_OK, };
  CwbLoader loader = { 0 };
  gboolean use_loader;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database at PATH"), N_("PATH") },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace a consortium of the same name"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &progress,
      N_("Show the progress on stderr even when it is not a terminal"), NULL },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &batch_size,
      N_("Save every N files together (default: every 500 files or quarter second)"), N_("N") },
    { "rules", 0, 0, G_OPTION_ARG_FILENAME, &rules_path,
      N_("Read the files under the rule set in FILE instead of the shipped one"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("import", _("FILE…"),
                      _("Imports each consortium file into the database, whole or not at all."),
                      entries, &argc, &argv))
    return CWB_CLI_EXIT_USAGE;

  if (files == NULL || files[0] == NULL)
    return usage_error ("import", _("No FILE given."));

  if (batch_size == 0 || batch_size < -1)
    return usage_error ("import", _("--batch-size must be at least 1."));

  if ((rules = load_rules (rules_path)) == NULL)
    return CWB_CLI_EXIT_FAIL;

  if ((store = open_store (db, FALSE, &run.status)) == NULL)
    return run.status;
  /* the lifecycle's steps are recorded under the same rules */
  cwb_store_set_rules (store, rules);

  run.importer = cwb_importer_new (store);
  cwb_importer_set_n_total (run.importer, g_strv_length (files));
  cwb_importer_set_result_func (run.importer, import_result_cb, &run, NULL);
  if (batch_size > 0)
    cwb_importer_set_batch_limits (run.importer, (guint) batch_size, 0);
  run.tty = isatty (fileno (stderr));
  run.show_progress = progress || run.tty;
  run.progress_time = g_get_monotonic_time ();

  /* the files are parsed on a loader thread while this one
   * writes the database */
  use_loader = files[1] != NULL && g_get_num_processors () > 1;
  if (use_loader)
    cwb_loader_start (&loader, files, rules);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(CwbConsortium) consortium = NULL;
      g_autoptr(GError) load_error = NULL;

      if (use_loader)
        consortium = cwb_loader_next (&loader, &load_error);
      else
        consortium = load_consortium_file (files[i], rules, &load_error);

      import_file (&run, files[i], consortium, load_error, replace);

      /* the importer keeps its own reference until the batch lands */
      if (use_loader)
        cwb_loader_done (&loader, NULL);
    }

  if (use_loader)
    cwb_loader_finish (&loader);

  /* a failed commit is reported file by file */
  cwb_importer_commit (run.importer, NULL);

  import_show_progress (&run, TRUE);
  import_clear_progress (&run);
  g_clear_object (&run.importer);

  return run.status;
}

/* export */

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *output = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *db_name = NULL;
  g_autofree char *output_name = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbConsortium) reloaded = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int status = CWB_CLI_EXIT_OK;
  gint64 id;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database at PATH"), N_("PATH") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the consortium file to FILE (required)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &names, NULL, NULL },
    { NULL }
  };

  if (!parse_options ("export", _("NAME -o FILE"),
                      _("Writes the consortium called NAME as a consortium/1 file."),
                      entries, &argc, &argv))
    return CWB_CLI_EXIT_USAGE;

  if (names == NULL || names[0] == NULL)
    return usage_error ("export", _("No NAME given."));
  if (names[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."), names[1]);
      return usage_error ("export", message);
    }
  if (output == NULL || *output == '\0')
    return usage_error ("export", _("No output file given: use -o FILE."));

  name = g_strdup (names[0]);
  db_path = db != NULL ? g_strdup (db) : cwb_store_dup_default_path ();
  db_name = display_name (db_path);
  output_name = display_name (output);

  /* exporting never creates a database */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("No consortium named “%s”: there is no database at %s.\n"), name, db_name);
      return CWB_CLI_EXIT_FAIL;
    }

  if ((store = open_store (db_path, TRUE, &status)) == NULL)
    return status;

  if ((id = cwb_store_lookup_consortium (store, name)) == 0)
    {
      g_printerr (_("No consortium named “%s” in %s.\n"), name, db_name);
      return CWB_CLI_EXIT_FAIL;
    }

  if ((consortium = cwb_store_load_consortium (store, id, &error)) == NULL)
    {
      g_printerr ("%s: %s\n", db_name, error->message);
      return CWB_CLI_EXIT_FAIL;
    }

  /* Only a consortium that loads back as a valid file is written. */
  node = cwb_consortium_to_json (consortium);
  if ((reloaded = cwb_consortium_from_json (node, &error)) == NULL)
    {
      g_printerr (_("“%s” is not exported, it would not be a valid consortium file: %s\n"),
                  name, error->message);
      return CWB_CLI_EXIT_INVALID;
    }

  /* the message names the file and why; the old file is left as it was */
  file = g_file_new_for_path (output);
  if (!cwb_consortium_file_save (consortium, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return CWB_CLI_EXIT_CANT_WRITE;
    }

  g_print (_("Exported “%s” to %s\n"), name, output_name);

  return CWB_CLI_EXIT_OK;
}

/* plugin commands: CwbCommand extensions of the loaded plugins */

typedef struct
{
  CwbEngine        *engine;    /* owned */
  PeasExtensionSet *commands;  /* owned: CwbCommand; cleared before the engine */
} CwbPluginCommands;

typedef struct
{
  const char *name;
  CwbCommand *found;           /* not owned */
  const char *module;          /* the plugin of found */
} FindData;

static gboolean
is_builtin_verb (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (strcmp (name, verbs[i].name) == 0)
      return TRUE;

  return FALSE;
}

/* one engine with the enabled plugins loaded, as for `check` */
static void
cwb_plugin_commands_load (CwbPluginCommands *self)
{
  self->engine = cwb_engine_new ();
  load_plugins (self->engine);
  self->commands = peas_extension_set_new (cwb_engine_get_peas (self->engine),
                                           CWB_TYPE_COMMAND, NULL);
}

static void
cwb_plugin_commands_clear (CwbPluginCommands *self)
{
  /* the extensions go before the plugins that provide them */
  g_clear_object (&self->commands);
  g_clear_object (&self->engine);
}

static void
find_command_cb (PeasExtensionSet *set,
                 PeasPluginInfo   *info,
                 PeasExtension    *extension,
                 gpointer          user_data)
{
  FindData *data = user_data;
  CwbCommand *command = CWB_COMMAND (extension);
  const char *name = cwb_command_get_name (command);

  if (name == NULL || g_strcmp0 (name, data->name) != 0)
    return;

  if (data->found == NULL)
    {
      data->found = command;
      data->module = peas_plugin_info_get_module_name (info);
    }
  else
    g_debug ("The command “%s” of the plugin “%s” is hidden by another plugin's",
             name, peas_plugin_info_get_module_name (info));
}

/* @module: (out) (optional): the plugin that provides it */
static CwbCommand *
cwb_plugin_commands_find (CwbPluginCommands  *self,
                          const char         *name,
                          const char        **module)
{
  FindData data = { name, NULL, NULL };

  peas_extension_set_foreach (self->commands, find_command_cb, &data);
  if (module != NULL)
    *module = data.module;

  return data.found;
}

static int
compare_commands (gconstpointer a,
                  gconstpointer b)
{
  CwbCommand *command_a = *(CwbCommand * const *) a;
  CwbCommand *command_b = *(CwbCommand * const *) b;

  return g_strcmp0 (cwb_command_get_name (command_a), cwb_command_get_name (command_b));
}

static void
collect_command_cb (PeasExtensionSet *set,
                    PeasPluginInfo   *info,
                    PeasExtension    *extension,
                    gpointer          user_data)
{
  GPtrArray *commands = user_data;
  CwbCommand *command = CWB_COMMAND (extension);
  const char *name = cwb_command_get_name (command);

  if (name == NULL || *name == '\0' || name[0] == '-' || is_builtin_verb (name))
    return;

  for (guint i = 0; i < commands->len; i++)
    if (g_strcmp0 (cwb_command_get_name (commands->pdata[i]), name) == 0)
      return;

  g_ptr_array_add (commands, command);
}

/* the plugins' verbs, under their own heading, for the program's --help */
static void
print_plugin_commands (void)
{
  CwbPluginCommands plugins = { 0 };
  g_autoptr(GPtrArray) commands = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  cwb_plugin_commands_load (&plugins);
  peas_extension_set_foreach (plugins.commands, collect_command_cb, commands);
  g_ptr_array_sort (commands, compare_commands);

  if (commands->len > 0)
    {
      g_string_append (text, _("Commands of plugins:\n"));
      for (guint i = 0; i < commands->len; i++)
        {
          CwbCommand *command = commands->pdata[i];
          const char *usage = cwb_command_get_usage (command);
          const char *summary = cwb_command_get_summary (command);

          if (usage == NULL || *usage == '\0')
            usage = cwb_command_get_name (command);
          g_string_append_printf (text, "  %s\n", usage);
          if (summary != NULL && *summary != '\0')
            g_string_append_printf (text, "      %s\n", summary);
        }
      g_string_append_c (text, '\n');
      g_print ("%s", text->str);
    }

  g_ptr_array_set_size (commands, 0);
  cwb_plugin_commands_clear (&plugins);
}

/* Takes --db PATH / --db=PATH out of a plugin verb's arguments (@argv[2…],
 * up to a "--"); returns the new vector, with "consortium-workbench VERB"
 * first, or NULL after printing a usage error. */
static char **
plugin_arguments (const char  *verb,
                  int          argc,
                  char       **argv,
                  char       **db)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  gboolean options = TRUE;

  g_ptr_array_add (args, g_strdup_printf ("%s %s", PROGRAM_NAME, verb));

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];

      if (options && strcmp (arg, "--") == 0)
        options = FALSE;

      if (options && strcmp (arg, "--db") == 0)
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              usage_error (verb, _("The option --db needs a PATH."));
              return NULL;
            }
          g_free (*db);
          *db = g_strdup (argv[++i]);
        }
      else if (options && g_str_has_prefix (arg, "--db="))
        {
          if (arg[5] == '\0')
            {
              usage_error (verb, _("The option --db needs a PATH."));
              return NULL;
            }
          g_free (*db);
          *db = g_strdup (arg + 5);
        }
      else
        g_ptr_array_add (args, g_strdup (arg));
    }

  g_ptr_array_add (args, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&args), FALSE);
}

static int
run_plugin_command (int    argc,
                    char **argv)
{
  const char *verb = argv[1];
  CwbPluginCommands plugins = { 0 };
  CwbCommand *command;
  const char *module = NULL;
  g_autoptr(CwbRuleSet) rules = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *db = NULL;
  int status = CWB_CLI_EXIT_OK;

  cwb_plugin_commands_load (&plugins);

  if ((command = cwb_plugin_commands_find (&plugins, verb, &module)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), verb);

      cwb_plugin_commands_clear (&plugins);
      return usage_error (NULL, message);
    }

  if ((args = plugin_arguments (verb, argc, argv, &db)) == NULL)
    {
      cwb_plugin_commands_clear (&plugins);
      return CWB_CLI_EXIT_USAGE;
    }

  if (db != NULL && !cwb_command_needs_store (command))
    {
      g_autofree char *message = g_strdup_printf (_("The command “%s” uses no database: "
                                                    "--db is not an option of it."), verb);

      cwb_plugin_commands_clear (&plugins);
      return usage_error (verb, message);
    }

  if ((rules = cwb_rule_set_new_default (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      cwb_plugin_commands_clear (&plugins);
      return CWB_CLI_EXIT_FAIL;
    }

  if (cwb_command_needs_store (command) && (store = open_store (db, FALSE, &status)) == NULL)
    {
      cwb_plugin_commands_clear (&plugins);
      return status;
    }

  context = cwb_context_new (rules, store, NULL, plugins.engine);

  g_set_prgname (args[0]);
  cwb_engine_enter_plugin (plugins.engine, module, CWB_PLUGIN_ACTIVITY_COMMAND);
  status = cwb_command_run (command, context, (int) g_strv_length (args), args);
  fflush (stdout);
  cwb_engine_leave_plugin (plugins.engine);

  g_clear_object (&context);
  cwb_plugin_commands_clear (&plugins);

  return status;
}

/* public */

int
cwb_cli_worst_exit (int a,
                    int b)
{
  return exit_rank (b) > exit_rank (a) ? b : a;
}

gboolean
cwb_cli_is_command (const char *arg)
{
  g_return_val_if_fail (arg != NULL, FALSE);

  if (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0)
    return TRUE;

  /* the window opens no files: any word is a verb, built in or a plugin's
   * (cwb_cli_run() says if it is unknown) */
  return arg[0] != '\0' && arg[0] != '-';
}

int
cwb_cli_run (int    argc,
             char **argv)
{
  const char *verb;

  g_return_val_if_fail (argv != NULL, CWB_CLI_EXIT_USAGE);

  if (argc < 2)
    return usage_error (NULL, _("No command given."));

  verb = argv[1];

  if (strcmp (verb, "--help") == 0 || strcmp (verb, "-h") == 0)
    {
      print_top_help ();
      return CWB_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (strcmp (verb, verbs[i].name) == 0)
        {
          /* the verb's parser sees the verb as its program name */
          g_autofree char **args = g_new0 (char *, argc);

          args[0] = argv[0];
          for (int j = 2; j < argc; j++)
            args[j - 1] = argv[j];

          return verbs[i].run (argc - 1, args);
        }
    }

  if (verb[0] == '-' || verb[0] == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), verb);
      return usage_error (NULL, message);
    }

  return run_plugin_command (argc, argv);
}
