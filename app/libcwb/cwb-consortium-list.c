/* cwb-consortium-list.c — a lazy GListModel over the workspace's consortia
 *
 * Follows CwbMemberList's pattern (pages read as they are asked for, a few
 * kept), but consortia have no positions of their own: the list holds the
 * ids that match its search, in name order, and a page is a range of them.
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

#define PAGE_SIZE 100
#define MAX_PAGES 4

typedef struct
{
  guint      index;   /* the page holds positions index * PAGE_SIZE … */
  GPtrArray *items;   /* of CwbConsortium, owned */
} Page;

struct _CwbConsortiumList
{
  GObject   parent_instance;

  /* owned */
  CwbStore *store;
  char     *search;
  char     *industry;
  gulong    changed_handler;

  /* the matching ids in order, read on first use; NULL: not yet */
  GArray   *ids;
  guint     n_total;

  /* of Page *, most recently used first, at most MAX_PAGES */
  GQueue    pages;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwbConsortiumList, cwb_consortium_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_INDUSTRY,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
drop_pages (CwbConsortiumList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

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

static Page *
lookup_page (CwbConsortiumList *self,
             guint              index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  guint first = index * PAGE_SIZE;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;

      if (page->index == index)
        {
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }

  items = cwb_store_read_consortium_summaries (self->store,
                                               &g_array_index (self->ids, gint64, first),
                                               MIN (PAGE_SIZE, self->ids->len - first),
                                               &error);
  if (items == NULL)
    {
      g_warning ("Could not read the consortia: %s", error->message);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = items;
  g_queue_push_head (&self->pages, page);

  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

/* Reads the ids again and announces what differs: the run between the
 * common start and the common end. */
static void
reload (CwbConsortiumList *self,
        gint64             touched_id)
{
  g_autoptr(GArray) old_ids = NULL;
  guint old_n, new_n, prefix = 0, suffix = 0;
  guint old_total = self->n_total;
  guint touched;

  if (self->ids == NULL)
    return;   /* nobody has seen an item yet */

  old_ids = g_steal_pointer (&self->ids);
  self->ids = read_ids (self);
  self->n_total = count_total (self);
  drop_pages (self);

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
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, 0);

      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&new_ids);
      drop_pages (self);
    }
  if (prefix + suffix < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, new_n - prefix - suffix);

  /* renamed in place, or a step recorded: the same position, bound again */
  touched = touched_id != 0 ? cwb_consortium_list_find (self, touched_id) : G_MAXUINT;
  if (touched != G_MAXUINT && (touched < prefix || touched >= new_n - suffix))
    g_list_model_items_changed (G_LIST_MODEL (self), touched, 1, 1);

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

  /* the page's item would be handed out again as it was */
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == position / PAGE_SIZE)
        {
          g_queue_delete_link (&self->pages, l);
          page_free (page);
          break;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
store_changed_cb (CwbConsortiumList *self,
                  CwbChange          kind,
                  gint64             consortium_id,
                  CwbStore          *store)
{
  if (kind == CWB_CHANGE_CONSORTIUM)
    reload (self, consortium_id);
  else if (kind == CWB_CHANGE_LIFECYCLE)
    /* views show a consortium's stage next to its name */
    touch (self, consortium_id);
}

static GType
cwb_consortium_list_get_item_type (GListModel *model)
{
  return CWB_TYPE_CONSORTIUM;
}

static guint
cwb_consortium_list_get_n_items (GListModel *model)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (model);

  ensure_ids (self);

  return self->ids->len;
}

static gpointer
cwb_consortium_list_get_item (GListModel *model,
                              guint       position)
{
  CwbConsortiumList *self = CWB_CONSORTIUM_LIST (model);
  Page *page;
  ensure_ids (self);

  if (position >= self->ids->len)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);
  if (page == NULL)
    return NULL;

  /* a row deleted since the ids were read is left out of its page */
  for (guint i = 0; i < page->items->len; i++)
    {
      CwbConsortium *item = g_ptr_array_index (page->items, i);

      if (cwb_consortium_get_id (item) == g_array_index (self->ids, gint64, position))
        return g_object_ref (item);
    }

  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cwb_consortium_list_get_item_type;
  iface->get_n_items = cwb_consortium_list_get_n_items;
  iface->get_item = cwb_consortium_list_get_item;
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
  drop_pages (self);
  g_clear_pointer (&self->ids, g_array_unref);
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
  g_queue_init (&self->pages);
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

  return g_object_new (CWB_TYPE_CONSORTIUM_LIST, "store", store, NULL);
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
      reload (self, 0);
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
      reload (self, 0);
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
