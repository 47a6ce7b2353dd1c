/* cwb-importer.c — importing many consortium files: batched commits, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "cwb-error.h"
#include "cwb-importer.h"
#include "cwb-store-private.h"

#define DEFAULT_MAX_ITEMS 500
#define DEFAULT_MAX_MSEC  250

/* One item whose result waits for its batch */
typedef struct
{
  CwbConsortium  *consortium;    /* owned, nullable */
  gboolean        replaced;
  GError         *error;         /* owned, nullable: failed already */
  gpointer        data;
  GDestroyNotify  destroy;
} ImportItem;

struct _CwbImporter
{
  GObject                parent_instance;

  CwbStore              *store;           /* owned */
  CwbImporterResultFunc  func;
  gpointer               func_data;
  GDestroyNotify         func_destroy;

  guint                  max_items;
  guint                  max_msec;

  /* of ImportItem, in the order added: the open batch's (or, while no
   * batch is open, none) */
  GArray                *pending;
  gboolean               batch_open;
  gboolean               temp_in_memory;  /* we set temp_store = MEMORY */
  gint64                 batch_started;   /* monotonic µs */

  guint                  n_total;
  guint                  n_done;
  guint                  n_imported;
  guint                  n_failed;
  gint64                 started;         /* monotonic µs of the first item, 0 before */
};

G_DEFINE_FINAL_TYPE (CwbImporter, cwb_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_TOTAL,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
import_item_clear (ImportItem *item)
{
  g_clear_object (&item->consortium);
  g_clear_error (&item->error);
  if (item->destroy != NULL)
    item->destroy (item->data);
}

/* Reports the pending items' results, in order, and forgets them. */
static void
report_pending (CwbImporter *self)
{
  g_autoptr(GArray) pending = NULL;

  if (self->pending->len == 0)
    return;

  /* a result function may add again */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, TRUE, sizeof (ImportItem));
  g_array_set_clear_func (self->pending, (GDestroyNotify) import_item_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      ImportItem *item = &g_array_index (pending, ImportItem, i);

      if (item->error == NULL)
        self->n_imported++;
      else
        self->n_failed++;

      if (self->func != NULL)
        self->func (self, item->consortium, item->replaced, item->error, item->data, self->func_data);
    }
}

/* The open batch is gone (rolled back, by us or by SQLite): its items
 * that were written fail with @error. */
static void
fail_written (CwbImporter  *self,
              const GError *error)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      ImportItem *item = &g_array_index (self->pending, ImportItem, i);

      if (item->error != NULL)
        continue;

      item->error = g_error_copy (error);
      item->replaced = FALSE;
      if (item->consortium != NULL)
        cwb_consortium_set_id (item->consortium, 0);
    }
}

/*
 * Each consortium's savepoint keeps the pages it changes in a statement
 * journal, which SQLite writes to a temporary file once it passes 64 KiB:
 * as many page writes as the commits it saves. With temp_store = MEMORY
 * (only while a batch of ours is the outermost transaction: the setting
 * cannot change inside one) the journal stays in memory, and a batch
 * writes what one transaction of plain INSERTs would.
 */
static void
set_temp_in_memory (CwbImporter *self,
                    gboolean     in_memory)
{
  g_autoptr(GError) error = NULL;

  if (self->temp_in_memory == in_memory || self->store->depth > 0)
    return;

  if (!store_exec_cached (self->store,
                          in_memory ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT",
                          &error))
    g_debug ("%s", error->message);

  self->temp_in_memory = in_memory;
}

static gboolean
begin_batch (CwbImporter  *self,
             GError      **error)
{
  set_temp_in_memory (self, TRUE);

  if (!store_begin (self->store, error))
    {
      set_temp_in_memory (self, FALSE);
      return FALSE;
    }

  self->batch_open = TRUE;
  self->batch_started = g_get_monotonic_time ();

  return TRUE;
}

static void
end_batch (CwbImporter *self)
{
  self->batch_open = FALSE;
  set_temp_in_memory (self, FALSE);
  report_pending (self);
}

/* SQLite itself may roll back a whole transaction (SQLITE_FULL, an I/O
 * error): then the savepoint of the failed item was not all it lost. */
static gboolean
batch_lost (CwbImporter *self)
{
  return self->batch_open && sqlite3_get_autocommit (self->store->db);
}

static void
lose_batch (CwbImporter  *self,
            const GError *error)
{
  /* the store's transaction level, which SQLite no longer has */
  store_rollback (self->store);
  fail_written (self, error);
  end_batch (self);
}

static gboolean
batch_is_full (CwbImporter *self)
{
  if (self->max_items > 0 && self->pending->len >= self->max_items)
    return TRUE;

  return self->max_msec > 0 &&
         g_get_monotonic_time () - self->batch_started >= (gint64) self->max_msec * 1000;
}

static void
item_done (CwbImporter *self)
{
  self->n_done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
push_item (CwbImporter    *self,
           CwbConsortium  *consortium,
           gboolean        replaced,
           GError         *error,
           gpointer        data,
           GDestroyNotify  destroy)
{
  ImportItem item = {
    consortium != NULL ? g_object_ref (consortium) : NULL, replaced, error, data, destroy
  };

  if (self->started == 0)
    self->started = g_get_monotonic_time ();

  g_array_append_val (self->pending, item);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cwb_importer_dispose (GObject *object)
{
  CwbImporter *self = (CwbImporter *) object;

  if (self->store != NULL)
    cwb_importer_cancel (self);

  if (self->func_destroy != NULL)
    self->func_destroy (self->func_data);
  self->func = NULL;
  self->func_data = NULL;
  self->func_destroy = NULL;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (cwb_importer_parent_class)->dispose (object);
}

static void
cwb_importer_finalize (GObject *object)
{
  CwbImporter *self = (CwbImporter *) object;

  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (cwb_importer_parent_class)->finalize (object);
}

static void
cwb_importer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CwbImporter *self = CWB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_importer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CwbImporter *self = CWB_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_N_TOTAL:
      cwb_importer_set_n_total (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_importer_class_init (CwbImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_importer_dispose;
  object_class->finalize = cwb_importer_finalize;
  object_class->get_property = cwb_importer_get_property;
  object_class->set_property = cwb_importer_set_property;

  /**
   * CwbImporter:store:
   *
   * The store the consortia are imported into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CWB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbImporter:n-total:
   *
   * How many items the caller means to add, for the estimate; 0: unknown.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbImporter:n-done:
   *
   * How many items were added so far; notified after each.
   */
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_importer_init (CwbImporter *self)
{
  self->max_items = DEFAULT_MAX_ITEMS;
  self->max_msec = DEFAULT_MAX_MSEC;
  self->pending = g_array_new (FALSE, TRUE, sizeof (ImportItem));
  g_array_set_clear_func (self->pending, (GDestroyNotify) import_item_clear);
}

/* ------------------------------------------------------------------ */
/* public API                                                          */

/**
 * cwb_importer_new:
 * @store: a writable #CwbStore
 *
 * Returns: (transfer full): an importer into @store, with no batch open
 */
CwbImporter *
cwb_importer_new (CwbStore *store)
{
  g_return_val_if_fail (CWB_IS_STORE (store), NULL);

  return g_object_new (CWB_TYPE_IMPORTER, "store", store, NULL);
}

/**
 * cwb_importer_get_store:
 * @self: a #CwbImporter
 *
 * Returns: (transfer none): its store
 */
CwbStore *
cwb_importer_get_store (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), NULL);

  return self->store;
}

/**
 * cwb_importer_set_result_func:
 * @self: a #CwbImporter
 * @func: (nullable) (scope notified) (closure user_data): called with each
 *   item's result, in order
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when @func is replaced or the
 *   importer is disposed of
 */
void
cwb_importer_set_result_func (CwbImporter           *self,
                              CwbImporterResultFunc  func,
                              gpointer               user_data,
                              GDestroyNotify         destroy)
{
  g_return_if_fail (CWB_IS_IMPORTER (self));

  if (self->func_destroy != NULL)
    self->func_destroy (self->func_data);

  self->func = func;
  self->func_data = user_data;
  self->func_destroy = destroy;
}

/**
 * cwb_importer_set_batch_limits:
 * @self: a #CwbImporter
 * @max_items: commit a batch when it holds this many items; 0: no limit
 * @max_msec: commit a batch when it has been open this long; 0: no limit
 *
 * With both 0, only cwb_importer_commit() commits. The limits are checked
 * after each cwb_importer_add() and cwb_importer_add_failed(); the items
 * of cwb_importer_add_failed() count too.
 */
void
cwb_importer_set_batch_limits (CwbImporter *self,
                               guint        max_items,
                               guint        max_msec)
{
  g_return_if_fail (CWB_IS_IMPORTER (self));

  self->max_items = max_items;
  self->max_msec = max_msec;
}

/**
 * cwb_importer_add:
 * @self: a #CwbImporter
 * @consortium: the consortium to import
 * @replace: replace a stored consortium of the same name (see
 *   cwb_store_import_consortium())
 * @item_data: (nullable): comes back with the result
 * @item_destroy: (nullable): frees @item_data after the result
 *
 * Imports @consortium in a savepoint of the open batch (a batch is opened
 * if none is), then commits the batch if it is full. The result comes
 * through the result function when the batch is committed.
 *
 * Returns: whether @consortium was written into the batch
 */
gboolean
cwb_importer_add (CwbImporter    *self,
                  CwbConsortium  *consortium,
                  gboolean        replace,
                  gpointer        item_data,
                  GDestroyNotify  item_destroy)
{
  g_autoptr(GError) error = NULL;
  gboolean replaced = FALSE;
  gboolean written;

  g_return_val_if_fail (CWB_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), FALSE);

  if (!self->batch_open && !begin_batch (self, &error))
    {
      push_item (self, consortium, FALSE, g_steal_pointer (&error), item_data, item_destroy);
      item_done (self);
      report_pending (self);
      return FALSE;
    }

  if (replace && cwb_consortium_get_name (consortium) != NULL)
    replaced = cwb_store_lookup_consortium (self->store, cwb_consortium_get_name (consortium)) != 0;

  written = cwb_store_import_consortium (self->store, consortium, replace, &error);
  push_item (self, consortium, written && replaced, g_steal_pointer (&error), item_data, item_destroy);
  item_done (self);

  if (batch_lost (self))
    {
      const ImportItem *last = &g_array_index (self->pending, ImportItem, self->pending->len - 1);
      g_autoptr(GError) lost = last->error != NULL ? g_error_copy (last->error) : NULL;

      if (lost == NULL)
        store_set_error (self->store, &lost);
      lose_batch (self, lost);
      return FALSE;
    }

  if (batch_is_full (self))
    cwb_importer_commit (self, NULL);

  return written;
}

/**
 * cwb_importer_add_failed:
 * @self: a #CwbImporter
 * @error: why the item could not be imported (its file could not be read)
 * @item_data: (nullable): comes back with the result
 * @item_destroy: (nullable): frees @item_data after the result
 *
 * Counts an item that failed before it could be imported; its result is
 * reported in order with the others (at once when no batch is open).
 */
void
cwb_importer_add_failed (CwbImporter    *self,
                         const GError   *error,
                         gpointer        item_data,
                         GDestroyNotify  item_destroy)
{
  g_return_if_fail (CWB_IS_IMPORTER (self));
  g_return_if_fail (error != NULL);

  push_item (self, NULL, FALSE, g_error_copy (error), item_data, item_destroy);
  item_done (self);

  if (!self->batch_open)
    report_pending (self);
  else if (batch_is_full (self))
    cwb_importer_commit (self, NULL);
}

/**
 * cwb_importer_commit:
 * @self: a #CwbImporter
 * @error: return location for a #GError
 *
 * Commits the open batch, if any, and reports its items' results. If the
 * commit fails, the batch is rolled back and its items that had been
 * written are reported failed with the commit's error.
 *
 * Returns: %TRUE when there was no batch or it was committed
 */
gboolean
cwb_importer_commit (CwbImporter  *self,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CWB_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->batch_open)
    return TRUE;

  if (!store_commit (self->store, &local_error))
    {
      store_rollback (self->store);
      fail_written (self, local_error);
      end_batch (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  end_batch (self);

  return TRUE;
}

/**
 * cwb_importer_cancel:
 * @self: a #CwbImporter
 *
 * Rolls back the open batch, if any; its items are reported failed with
 * %G_IO_ERROR_CANCELLED. The batches committed before stay.
 */
void
cwb_importer_cancel (CwbImporter *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CWB_IS_IMPORTER (self));

  if (!self->batch_open)
    return;

  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("The import was cancelled before this file was saved"));
  store_rollback (self->store);
  fail_written (self, error);
  end_batch (self);
}

/**
 * cwb_importer_is_batch_open:
 * @self: a #CwbImporter
 *
 * Returns: whether a batch is open, and with it a write transaction
 */
gboolean
cwb_importer_is_batch_open (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), FALSE);

  return self->batch_open;
}

/**
 * cwb_importer_set_n_total:
 * @self: a #CwbImporter
 * @n_total: how many items the caller means to add; 0: unknown
 */
void
cwb_importer_set_n_total (CwbImporter *self,
                          guint        n_total)
{
  g_return_if_fail (CWB_IS_IMPORTER (self));

  if (self->n_total == n_total)
    return;

  self->n_total = n_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

guint
cwb_importer_get_n_total (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), 0);

  return self->n_total;
}

guint
cwb_importer_get_n_done (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), 0);

  return self->n_done;
}

guint
cwb_importer_get_n_imported (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), 0);

  return self->n_imported;
}

guint
cwb_importer_get_n_failed (CwbImporter *self)
{
  g_return_val_if_fail (CWB_IS_IMPORTER (self), 0);

  return self->n_failed;
}

/**
 * cwb_importer_estimate_remaining:
 * @self: a #CwbImporter
 *
 * Returns: the microseconds the items not yet added will take at the pace
 *   so far (from the first item on), 0 when all are done, or -1 when
 *   there is no total or nothing was done yet
 */
gint64
cwb_importer_estimate_remaining (CwbImporter *self)
{
  gint64 elapsed;

  g_return_val_if_fail (CWB_IS_IMPORTER (self), -1);

  if (self->n_total == 0 || self->n_done == 0)
    return -1;

  if (self->n_done >= self->n_total)
    return 0;

  elapsed = g_get_monotonic_time () - self->started;

  return (gint64) ((double) elapsed / self->n_done * (self->n_total - self->n_done));
}

/* (transfer full): "about 40 s left" … */
static char *
dup_remaining_text (gint64 usec)
{
  guint64 seconds = (guint64) ((usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (seconds < 60)
    return g_strdup_printf (_("about %u s left"), (guint) seconds);

  if (seconds < 3600)
    return g_strdup_printf (_("about %u min %u s left"), (guint) (seconds / 60), (guint) (seconds % 60));

  return g_strdup_printf (_("about %u h %u min left"),
                          (guint) (seconds / 3600), (guint) (seconds % 3600 / 60));
}

/**
 * cwb_importer_dup_progress_text:
 * @self: a #CwbImporter
 *
 * Returns: (transfer full): the progress in words, translated: "1200 of
 *   10000 files, about 40 s left"; without the estimate while there is
 *   none and once all are done, and "1200 files" without a total
 */
char *
cwb_importer_dup_progress_text (CwbImporter *self)
{
  g_autofree char *remaining = NULL;
  gint64 usec;

  g_return_val_if_fail (CWB_IS_IMPORTER (self), NULL);

  if (self->n_total == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file", "%u files", self->n_done),
                            self->n_done);

  usec = cwb_importer_estimate_remaining (self);
  if (usec <= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file", "%u of %u files",
                                         self->n_total),
                            self->n_done, self->n_total);

  remaining = dup_remaining_text (usec);

  /* Translators: "1200 of 10000 files, about 40 s left" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file, %s", "%u of %u files, %s",
                                       self->n_total),
                          self->n_done, self->n_total, remaining);
}
