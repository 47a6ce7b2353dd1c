/* cwb-consortium-list.c — a lazy GListModel over the workspace's consortia
 *
 * A CwbPagedList like CwbMemberList, but consortia have no positions of
 * their own: the list holds the ids that match its search, in name order,
 * and a page is a range of them.
 * Holding the ids lets a change announce only what moved: the ids are read
 * again and compared from both ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium-list"

#include "config.h"

#include "cwb-consortium.h"
#include "cwb-consortium-list.h"
#include "cwb-enums.h"
#include "cwb-store.h"

struct _CwbConsortiumList
{
  CwbPagedList parent_instance;

  /* owned */
  CwbStore *store;
  char     *search;
  char     *industry;
  gulong    changed_handler;

  /* the matching ids in order, read on first use; NULL: not yet */
  GArray   *ids;
  guint     n_total;

  /* cwb_consortium_list_freeze_changes() */
  guint     freeze_count;
  gboolean  frozen_reload;   /* a consortium changed meanwhile */
  GArray   *frozen_ids;      /* of gint64: the consortia changed meanwhile */
};

G_DEFINE_FINAL_TYPE (CwbConsortiumList, cwb_consortium_list, CWB_TYPE_PAGED_LIST)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_INDUSTRY,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static GArray *
read_ids (CwbConsortiumList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *ids;

  ids = cwb_store_list_consortium_ids (self->store, self->search, self->industry, &error);
  if (ids == NULL)
    {
      g_warning ("Could not read the consortia: %s", error->message);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  return ids;
}

static guint
count_total (CwbConsortiumList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = cwb_store_count_consortia (self->store, &error);

  if (error != NULL)
    g_warning ("Could not count the consortia: %s", error->message);

  return n;
}

static void
ensure_ids (CwbConsortiumList *self)
{
  if (self->ids == NULL)
    {
      self->ids = read_ids (self);
      self->n_total = count_total (self);
    }
}

/* the most runs of new ids announced one by one */
#define MAX_INSERTED_RUNS 64

/* When the list only gained ids (an import's batch: new names all over
 * the list), announces each run of new ones where it is, so that a view
 * reads and binds only the rows it shows, rather than the run from the
 * first new one to the last. @old_ids: the ids before; self->ids: the ids
 * now. Returns FALSE, announcing nothing, when some ids are gone or the
 * new ones come in more than MAX_INSERTED_RUNS runs. */
static gboolean
announce_insertions (CwbConsortiumList *self,
                     GArray            *old_ids,
                     const gint64      *touched_ids,
                     guint              n_touched)
{
  g_autoptr(GArray) new_ids = NULL;
  g_autoptr(GHashTable) inserted = NULL;
  const gint64 *new, *old;
  guint old_n = old_ids->len, new_n = self->ids->len, i = 0;
  guint n_runs = 0;
  gboolean in_run = FALSE;

  if (new_n <= old_n)
    return FALSE;

  /* the old ids, in order, among the new ones, and how many runs of new
   * ones there are between them */
  new = (const gint64 *) (gpointer) self->ids->data;
  old = (const gint64 *) (gpointer) old_ids->data;
  for (guint j = 0; j < new_n; j++)
    {
      if (i < old_n && new[j] == old[i])
        {
          i++;
          in_run = FALSE;
        }
      else if (!in_run)
        {
          n_runs++;
          in_run = TRUE;
        }
    }
  if (i < old_n)
    return FALSE;

  /* Each run costs the view a pass over its rows (and the list a move of
   * its ids): many runs, as when one industry's consortia are joined by
   * all the others again, are one change from the first to the last. */
  if (n_runs > MAX_INSERTED_RUNS)
    return FALSE;

  /* the list grows run by run: at each announcement it holds what it says */
  new_ids = g_steal_pointer (&self->ids);
  self->ids = g_array_copy (old_ids);
  inserted = g_hash_table_new (g_int64_hash, g_int64_equal);
  i = 0;
  for (guint j = 0; j < new_n; i++, j++)
    {
      guint start = j;

      while (j < new_n && (i >= old_n || new[j] != old[i]))
        g_hash_table_add (inserted, (gpointer) &new[j++]);

      if (j > start)
        {
          g_array_insert_vals (self->ids, start, &new[start], j - start);
          cwb_paged_list_items_changed (CWB_PAGED_LIST (self), start, 0, j - start);
        }
    }
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&new_ids);

  /* renamed in place, or a step recorded: the same position, bound again */
  for (guint k = 0; k < n_touched; k++)
    {
      guint touched;

      if (touched_ids[k] == 0 || g_hash_table_contains (inserted, &touched_ids[k]))
        continue;

      touched = cwb_consortium_list_find (self, touched_ids[k]);
      if (touched != G_MAXUINT)
        cwb_paged_list_items_changed (CWB_PAGED_LIST (self), touched, 1, 1);
    }

  return TRUE;
}

/* Reads the ids again and announces what differs: each run of new ids
 * when only some were added, else the run between the common start and
 * the common end. */
static void
reload (CwbConsortiumList *self,
        const gint64      *touched_ids,
        guint              n_touched)
{
  g_autoptr(GArray) old_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;
  guint old_total = self->n_total;

  if (self->ids == NULL)
    return;   /* nobody has seen an item yet */

  old_ids = g_steal_pointer (&self->ids);
  self->ids = read_ids (self);
  self->n_total = count_total (self);
  if (announce_insertions (self, old_ids, touched_ids, n_touched))
    {
      if (old_total != self->n_total)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
      return;
    }

  old_n = old_ids->len;
  new_n = self->ids->len;
  while (prefix < old_n && prefix < new_n &&
         g_array_index (old_ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old_ids, gint64, old_n - 1 - suffix) ==
         g_array_index (self->ids, gint64, new_n - 1 - suffix))
    suffix++;

  /* In two steps, the removal then the addition: a view looks for the
   * removed rows' items among the added ones, reading every added item
   * (all 100 000 when a search is cleared); with nothing removed there is
   * nothing to look for. In between the list holds what both keep. */
  if (prefix + suffix < old_n)
    {
      g_autoptr(GArray) new_ids = g_steal_pointer (&self->ids);

      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), prefix + suffix);
      g_array_append_vals (self->ids, new_ids->data, prefix);
      g_array_append_vals (self->ids, &g_array_index (new_ids, gint64, new_n - suffix), suffix);
      cwb_paged_list_items_changed (CWB_PAGED_LIST (self), prefix, old_n - prefix - suffix, 0);

      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&new_ids);
    }
  if (prefix + suffix < new_n)
    cwb_paged_list_items_changed (CWB_PAGED_LIST (self), prefix, 0, new_n - prefix - suffix);

  /* renamed in place, or a step recorded: the same position, bound again */
  for (guint i = 0; i < n_touched; i++)
    {
      guint touched = touched_ids[i] != 0 ? cwb_consortium_list_find (self, touched_ids[i]) : G_MAXUINT;

      if (touched != G_MAXUINT && (touched < prefix || touched >= new_n - suffix))
        cwb_paged_list_items_changed (CWB_PAGED_LIST (self), touched, 1, 1);
    }

  if (old_total != self->n_total)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static void
touch (CwbConsortiumList *self,
       gint64             id)
{
  guint position;

  if (self->ids == NULL)
    return;

  position = cwb_consortium_list_find (self, id);
  if (position == G_MAXUINT)
    return;

  /* read again, so bound again */
  cwb_paged_list_items_changed (CWB_PAGED_LIST (self), position, 1, 1);
}

static void
store_changed_cb (CwbConsortiumList *self,
                  CwbChange          kind,
                  gint64             consortium_id,
                  CwbStore          *store)
{
  if (self->freeze_count > 0)
    {
      if (kind == CWB_CHANGE_CONSORTIUM || kind == CWB_CHANGE_LIFECYCLE)
        g_array_append_val (self->frozen_ids, consortium_id);
      if (kind == CWB_CHANGE_CONSORTIUM)
        self->frozen_reload = TRUE;
      return;
    }

  if (kind == CWB_CHANGE_CONSORTIUM)
    reload (self, &consortium_id, 1);
  else if (kind == CWB_CHANGE_LIFECYCLE)
    /* views show a consortium's stage next to its name */
    touch (self, consortium_id);
}

static gboolean
cwb_consortium_list_count (CwbPagedList  *list,
                           guint         *n_rows,
                           GError       **error)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (list);

  ensure_ids (self);
  *n_rows = self->ids->len;

  return TRUE;
}

static GPtrArray *
cwb_consortium_list_read_range (CwbPagedList  *list,
                                guint          start,
                                guint          n_rows,
                                GError       **error)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (list);
  const gint64 *ids;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *items;
  guint j = 0;

  ensure_ids (self);
  if (start >= self->ids->len)
    return g_ptr_array_new_with_free_func (g_object_unref);

  n_rows = MIN (n_rows, self->ids->len - start);
  ids = &g_array_index (self->ids, gint64, start);
  found = cwb_store_read_consortium_summaries (self->store, ids, n_rows, error);
  if (found == NULL)
    return NULL;

  /* one item a position: a row deleted since the ids were read (inside a
   * transaction, before its change is announced) keeps only its id */
  items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint i = 0; i < n_rows; i++)
    {
      if (j < found->len && cwb_consortium_get_id (g_ptr_array_index (found, j)) == ids[i])
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (found, j++)));
      else
        {
          CwbConsortium *gone = cwb_consortium_new ();

          cwb_consortium_set_id (gone, ids[i]);
          g_ptr_array_add (items, gone);
        }
    }

  return items;
}

static void
cwb_consortium_list_constructed (GObject *object)
{
  CwbConsortiumList *self = (CwbConsortiumList *) object;

  G_OBJECT_CLASS (cwb_consortium_list_parent_class)->constructed (object);

  g_return_if_fail (CWB_IS_STORE (self->store));

  self->changed_handler = g_signal_connect_object (self->store, "changed",
                                                   G_CALLBACK (store_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
cwb_consortium_list_dispose (GObject *object)
{
  CwbConsortiumList *self = (CwbConsortiumList *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->frozen_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cwb_consortium_list_parent_class)->dispose (object);
}

static void
cwb_consortium_list_finalize (GObject *object)
{
  CwbConsortiumList *self = (CwbConsortiumList *) object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->industry, g_free);

  G_OBJECT_CLASS (cwb_consortium_list_parent_class)->finalize (object);
}

static void
cwb_consortium_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, cwb_consortium_list_get_n_total (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_consortium_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      cwb_consortium_list_set_search (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY:
      cwb_consortium_list_set_industry (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_consortium_list_class_init (CwbConsortiumListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CwbPagedListClass *paged_class = CWB_PAGED_LIST_CLASS (klass);

  paged_class->count = cwb_consortium_list_count;
  paged_class->read_range = cwb_consortium_list_read_range;

  object_class->constructed = cwb_consortium_list_constructed;
  object_class->dispose = cwb_consortium_list_dispose;
  object_class->finalize = cwb_consortium_list_finalize;
  object_class->get_property = cwb_consortium_list_get_property;
  object_class->set_property = cwb_consortium_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CWB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbConsortiumList:search:
   *
   * Only names containing it (ASCII letters in any case); %NULL or "": all.
   */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbConsortiumList:industry:
   *
   * Only consortia of this industry; %NULL: all.
   */
  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbConsortiumList:n-total:
   *
   * How many consortia the workspace has, whatever the search.
   */
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_consortium_list_init (CwbConsortiumList *self)
{
  self->frozen_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * cwb_consortium_list_new:
 * @store: a #CwbStore
 *
 * Reads nothing until it is first asked for its items.
 *
 * Returns: (transfer full): a list of every consortium of @store
 */
CwbConsortiumList *
cwb_consortium_list_new (CwbStore *store)
{
  g_return_val_if_fail (CWB_IS_STORE (store), NULL);

  return g_object_new (CWB_TYPE_CONSORTIUM_LIST,
                       "item-type", CWB_TYPE_CONSORTIUM,
                       "store", store,
                       NULL);
}

/**
 * cwb_consortium_list_set_search:
 * @self: a #CwbConsortiumList
 * @search: (nullable): a part of the names to show; %NULL or "" for all
 *
 * Announces the positions that differ.
 */
void
cwb_consortium_list_set_search (CwbConsortiumList *self,
                                const char        *search)
{
  g_return_if_fail (CWB_IS_CONSORTIUM_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (set_string (&self->search, search))
    {
      reload (self, NULL, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
    }
}

const char *
cwb_consortium_list_get_search (CwbConsortiumList *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_LIST (self), NULL);

  return self->search;
}

/**
 * cwb_consortium_list_set_industry:
 * @self: a #CwbConsortiumList
 * @industry: (nullable): the industry to show; %NULL for all
 *
 * Announces the positions that differ.
 */
void
cwb_consortium_list_set_industry (CwbConsortiumList *self,
                                  const char        *industry)
{
  g_return_if_fail (CWB_IS_CONSORTIUM_LIST (self));

  if (set_string (&self->industry, industry))
    {
      reload (self, NULL, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDUSTRY]);
    }
}

const char *
cwb_consortium_list_get_industry (CwbConsortiumList *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_LIST (self), NULL);

  return self->industry;
}

/**
 * cwb_consortium_list_get_n_total:
 * @self: a #CwbConsortiumList
 *
 * Returns: how many consortia the workspace has, whatever the search
 */
guint
cwb_consortium_list_get_n_total (CwbConsortiumList *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_LIST (self), 0);

  ensure_ids (self);

  return self->n_total;
}

/**
 * cwb_consortium_list_find:
 * @self: a #CwbConsortiumList
 * @id: a consortium id
 *
 * Reads no row: only the ids it holds.
 *
 * Returns: the position of the consortium @id, or %G_MAXUINT if the list
 *   does not show it
 */
guint
cwb_consortium_list_find (CwbConsortiumList *self,
                          gint64             id)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM_LIST (self), G_MAXUINT);

  ensure_ids (self);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

/**
 * cwb_consortium_list_freeze_changes:
 * @self: a #CwbConsortiumList
 *
 * Until the matching cwb_consortium_list_thaw_changes(), the store's
 * changes are only noted: the list neither reads its ids again nor
 * announces anything. For a caller that commits many consortia at once
 * (an import's batch), whose changes come one after the other: the ids
 * are read once, at the thaw, instead of once a consortium. Calls nest.
 */
void
cwb_consortium_list_freeze_changes (CwbConsortiumList *self)
{
  g_return_if_fail (CWB_IS_CONSORTIUM_LIST (self));

  self->freeze_count++;
}

/**
 * cwb_consortium_list_thaw_changes:
 * @self: a #CwbConsortiumList
 *
 * The last thaw reads the ids again if a consortium changed meanwhile and
 * announces what differs, as one change would, and the consortia whose
 * stage changed in place.
 */
void
cwb_consortium_list_thaw_changes (CwbConsortiumList *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (CWB_IS_CONSORTIUM_LIST (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0)
    return;

  /* a handler of the announcements may freeze again */
  ids = g_steal_pointer (&self->frozen_ids);
  self->frozen_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->frozen_reload)
    {
      self->frozen_reload = FALSE;
      reload (self, (const gint64 *) (gpointer) ids->data, ids->len);
    }
  else
    {
      for (guint i = 0; i < ids->len; i++)
        touch (self, g_array_index (ids, gint64, i));
    }
}
