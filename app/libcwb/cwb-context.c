/* cwb-context.c — the host services a plugin receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-context"

#include "config.h"

#include "cwb-check-report.h"
#include "cwb-consortium.h"
#include "cwb-context.h"
#include "cwb-engine.h"
#include "cwb-engine-private.h"
#include "cwb-consortium-private.h"
#include "cwb-enums.h"
#include "cwb-rule-set.h"
#include "cwb-secrets.h"
#include "cwb-store.h"

struct _CwbContext
{
  GObject        parent_instance;

  /* owned */
  CwbRuleSet    *rules;
  CwbStore      *store;
  CwbSecrets    *secrets;
  CwbEngine     *engine;
  CwbConsortium *consortium;
  GDateTime     *now;        /* a fixed clock, or NULL for the real one */

  CwbRole        role;
};

enum {
  PROP_0,
  PROP_RULES,
  PROP_STORE,
  PROP_SECRETS,
  PROP_ENGINE,
  PROP_ROLE,
  PROP_CONSORTIUM,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbContext, cwb_context, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
cwb_context_dispose (GObject *object)
{
  CwbContext *self = (CwbContext *)object;

  g_clear_object (&self->consortium);
  g_clear_object (&self->engine);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (cwb_context_parent_class)->dispose (object);
}

static void
cwb_context_finalize (GObject *object)
{
  CwbContext *self = (CwbContext *)object;

  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (cwb_context_parent_class)->finalize (object);
}

static void
cwb_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CwbContext *self = CWB_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;

    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_CONSORTIUM:
      g_value_set_object (value, self->consortium);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CwbContext *self = CWB_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_RULES:
      self->rules = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SECRETS:
      self->secrets = g_value_dup_object (value);
      break;

    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;

    case PROP_ROLE:
      cwb_context_set_role (self, g_value_get_enum (value));
      break;

    case PROP_CONSORTIUM:
      cwb_context_set_consortium (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_context_constructed (GObject *object)
{
  CwbContext *self = (CwbContext *) object;

  G_OBJECT_CLASS (cwb_context_parent_class)->constructed (object);

  /* the store records lifecycle steps under the rules the forms offer */
  if (self->store != NULL && self->rules != NULL)
    cwb_store_set_rules (self->store, self->rules);
}

static void
cwb_context_class_init (CwbContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cwb_context_constructed;
  object_class->dispose = cwb_context_dispose;
  object_class->finalize = cwb_context_finalize;
  object_class->get_property = cwb_context_get_property;
  object_class->set_property = cwb_context_set_property;

  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL,
                         CWB_TYPE_RULE_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CWB_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL,
                         CWB_TYPE_SECRETS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENGINE] =
    g_param_spec_object ("engine", NULL, NULL,
                         CWB_TYPE_ENGINE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       CWB_TYPE_ROLE, CWB_ROLE_LEAD,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the current consortium; notified when the user selects another, or
   * after an edit when the host reloads it */
  properties[PROP_CONSORTIUM] =
    g_param_spec_object ("consortium", NULL, NULL,
                         CWB_TYPE_CONSORTIUM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_context_init (CwbContext *self)
{
  self->role = CWB_ROLE_LEAD;
}

/**
 * cwb_context_new:
 * @rules: the active rule set
 * @store: (nullable): the workspace database; it then records lifecycle
 *   steps under @rules (cwb_store_set_rules())
 * @secrets: (nullable): the keyring
 * @engine: (nullable): the plugin engine
 *
 * Returns: (transfer full): a new context
 */
CwbContext *
cwb_context_new (CwbRuleSet *rules,
                 CwbStore   *store,
                 CwbSecrets *secrets,
                 CwbEngine  *engine)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (store == NULL || CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (secrets == NULL || CWB_IS_SECRETS (secrets), NULL);
  g_return_val_if_fail (engine == NULL || CWB_IS_ENGINE (engine), NULL);

  return g_object_new (CWB_TYPE_CONTEXT,
                       "rules", rules,
                       "store", store,
                       "secrets", secrets,
                       "engine", engine,
                       NULL);
}

/**
 * cwb_context_get_rules:
 * @self: a #CwbContext
 *
 * Returns: (transfer none): the active rule set
 */
CwbRuleSet *
cwb_context_get_rules (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  return self->rules;
}

/**
 * cwb_context_get_engine:
 * @self: a #CwbContext
 *
 * Returns: (transfer none) (nullable): the plugin engine, if the host has one
 */
CwbEngine *
cwb_context_get_engine (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  return self->engine;
}

/**
 * cwb_context_check:
 * @self: a context
 * @consortium: the consortium, fully loaded
 *
 * Runs every loaded check provider of the context's engine; without an
 * engine, a report with no results.
 *
 * Returns: (transfer full): the report
 */
CwbCheckReport *
cwb_context_check (CwbContext    *self,
                   CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  if (self->engine != NULL)
    return cwb_engine_check (self->engine, self, consortium);

  return cwb_check_report_new (self->rules, consortium);
}

/* One check at a time in the workers: a cancelled check still running
 * holds its consortium (a million members, hundreds of MB) until it ends;
 * the next waits for it rather than load a second copy beside it. */
static GMutex check_lock;

typedef struct
{
  CwbRuleSet    *rules;
  CwbEngine     *engine;       /* nullable */
  GPtrArray     *providers;    /* nullable: held on the main thread */
  char          *store_path;   /* nullable: no store, or one in memory */
  CwbConsortium *consortium;   /* whole; NULL to load @id in the worker */
  gint64         id;
  CwbRole        role;
  GDateTime     *now;          /* nullable */
} CheckTask;

static void
check_task_clear (CheckTask *task)
{
  g_clear_object (&task->rules);
  g_clear_object (&task->engine);
  g_clear_pointer (&task->providers, g_ptr_array_unref);
  g_clear_pointer (&task->store_path, g_free);
  g_clear_object (&task->consortium);
  g_clear_pointer (&task->now, g_date_time_unref);
}

static void
check_task_free (CheckTask *task)
{
  check_task_clear (task);
  g_free (task);
}

static CwbCheckReport *
check_in_worker (CheckTask     *task,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(CwbContext) context = NULL;
  CwbConsortium *consortium = task->consortium;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* a connection of this thread's own: the store's is the main thread's */
  if (task->store_path != NULL &&
      (store = cwb_store_open_read_only (task->store_path, error)) == NULL)
    return NULL;

  if (consortium == NULL)
    {
      consortium = loaded = cwb_store_load_consortium (store, task->id, error);
      if (consortium == NULL)
        return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  context = cwb_context_new (task->rules, store, NULL, task->engine);
  context->role = task->role;
  if (task->now != NULL)
    context->now = g_date_time_ref (task->now);

  if (task->engine == NULL)
    return cwb_check_report_new (task->rules, consortium);

  return _cwb_engine_check_with (task->engine, task->providers, context, consortium);
}

static void
check_thread (GTask        *gtask,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckTask *task = task_data;
  CwbCheckReport *report;
  GError *error = NULL;

  g_mutex_lock (&check_lock);
  report = check_in_worker (task, cancellable, &error);
  g_mutex_unlock (&check_lock);

  if (report != NULL)
    g_task_return_pointer (gtask, report, g_object_unref);
  else
    g_task_return_error (gtask, error);
}

/* On the caller's thread once the worker is done: what the check held
 * (the engine, the providers — Python objects among them —, the
 * consortium) is let go here, not in the worker, which may drop the
 * worker task last; then the caller's task returns. */
static void
worker_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  CwbCheckReport *report;
  GError *error = NULL;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  check_task_clear (g_task_get_task_data (G_TASK (result)));

  if (report != NULL)
    g_task_return_pointer (outer, report, g_object_unref);
  else
    g_task_return_error (outer, error);
}

/**
 * cwb_context_check_async:
 * @self: a context
 * @consortium: the consortium: whole, or a summary
 *   (cwb_store_load_consortium_summary()) of the context's store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Runs every loaded check provider, as cwb_context_check() does, in a
 * worker thread, so that the main loop goes on while a consortium of a
 * million members is read and checked. The worker reads the workspace on a
 * read-only connection of its own (cwb_store_open_read_only() on the
 * store's file): a summary is loaded whole there, by its id, and the
 * providers get a context of that connection (same rules, engine, role
 * and clock). A whole @consortium is checked as it is and must not be
 * changed meanwhile (the host sets a new object after an edit). The
 * providers are those loaded when this is called.
 *
 * Checks run one at a time. A caller that starts another check (another
 * consortium was selected, or this one changed) cancels the one before:
 * its result is then %G_IO_ERROR_CANCELLED, whether or not the worker had
 * finished, so a stale report is never delivered.
 */
void
cwb_context_check_async (CwbContext          *self,
                         CwbConsortium       *consortium,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) gtask = NULL;
  CheckTask *task;
  const char *path = self->store != NULL ? cwb_store_get_path (self->store) : NULL;

  g_return_if_fail (CWB_IS_CONTEXT (self));
  g_return_if_fail (CWB_IS_CONSORTIUM (consortium));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cwb_context_check_async);
  /* no source object: the worker may drop this task last */
  gtask = g_task_new (NULL, cancellable, worker_done_cb, g_object_ref (outer));

  task = g_new0 (CheckTask, 1);
  task->rules = g_object_ref (self->rules);
  task->engine = self->engine != NULL ? g_object_ref (self->engine) : NULL;
  if (self->engine != NULL)
    task->providers = _cwb_engine_dup_check_providers (self->engine);
  /* a store in memory has no file a second connection could open */
  if (path != NULL && *path != '\0' && g_strcmp0 (path, ":memory:") != 0)
    task->store_path = g_strdup (path);
  task->id = cwb_consortium_get_id (consortium);
  if (_cwb_consortium_get_member_source (consortium) == NULL)
    task->consortium = g_object_ref (consortium);
  else if (task->store_path == NULL)
    /* nowhere else to read the members from: here, then */
    task->consortium = cwb_consortium_copy (consortium);
  task->role = self->role;
  task->now = self->now != NULL ? g_date_time_ref (self->now) : NULL;
  g_task_set_task_data (gtask, task, (GDestroyNotify) check_task_free);

  g_task_run_in_thread (gtask, check_thread);
}

/**
 * cwb_context_check_finish:
 * @self: a context
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED for a check that was cancelled; the store's
 *   error when the consortium could not be read, e.g. %CWB_ERROR_NOT_FOUND
 *   once it was deleted)
 */
CwbCheckReport *
cwb_context_check_finish (CwbContext    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cwb_context_check_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cwb_context_get_store:
 * @self: a #CwbContext
 *
 * Returns: (transfer none) (nullable): the workspace store; %NULL when checking a file without a database
 */
CwbStore *
cwb_context_get_store (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * cwb_context_get_secrets:
 * @self: a #CwbContext
 *
 * Returns: (transfer none) (nullable): the keyring
 */
CwbSecrets *
cwb_context_get_secrets (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  return self->secrets;
}

CwbRole
cwb_context_get_role (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), CWB_ROLE_LEAD);

  return self->role;
}

void
cwb_context_set_role (CwbContext *self,
                      CwbRole     role)
{
  g_return_if_fail (CWB_IS_CONTEXT (self));

  if (self->role == role)
    return;

  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * cwb_context_get_consortium:
 * @self: a #CwbContext
 *
 * Returns: (transfer none) (nullable): the current consortium
 */
CwbConsortium *
cwb_context_get_consortium (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  return self->consortium;
}

/* After an edit the host reloads the consortium and sets the new object. */
void
cwb_context_set_consortium (CwbContext    *self,
                            CwbConsortium *consortium)
{
  g_return_if_fail (CWB_IS_CONTEXT (self));
  g_return_if_fail (consortium == NULL || CWB_IS_CONSORTIUM (consortium));

  if (g_set_object (&self->consortium, consortium))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSORTIUM]);
}

/**
 * cwb_context_dup_now:
 * @self: a context
 *
 * The clock: the time fixed by cwb_context_set_now(), else the real local
 * time.
 *
 * Returns: (transfer full): the current time
 */
GDateTime *
cwb_context_dup_now (CwbContext *self)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  if (self->now != NULL)
    return g_date_time_ref (self->now);

  return g_date_time_new_now_local ();
}

/**
 * cwb_context_dup_today:
 * @self: a context
 *
 * Today by the context's clock, as dates are written in records and files.
 *
 * Returns: (transfer full): today's date, YYYY-MM-DD
 */
char *
cwb_context_dup_today (CwbContext *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CWB_IS_CONTEXT (self), NULL);

  now = cwb_context_dup_now (self);

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * cwb_context_set_now:
 * @self: a context
 * @now: (nullable): a fixed time, or %NULL to return to the real clock
 */
void
cwb_context_set_now (CwbContext *self,
                     GDateTime  *now)
{
  g_return_if_fail (CWB_IS_CONTEXT (self));

  if (self->now == now)
    return;

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}
