/* cwb-paged-list.c — the base of the lazy list models: a count, then pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-paged-list"

#include "config.h"

#include "cwb-paged-list.h"

#define DEFAULT_PAGE_SIZE 100
#define DEFAULT_MAX_PAGES 4

typedef struct
{
  guint      index;    /* the page holds rows index * page_size … */
  GPtrArray *items;    /* owned */
} Page;

typedef struct
{
  GType    item_type;
  guint    page_size;
  guint    max_pages;

  /* the number of rows; counted on first use */
  guint    n_items;
  guint    counted : 1;

  /* of Page *, most recently used first, at most max_pages */
  GQueue   pages;

  guint64  rows_read;
} CwbPagedListPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (CwbPagedList, cwb_paged_list, G_TYPE_OBJECT,
                         G_ADD_PRIVATE (CwbPagedList)
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
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
drop_pages (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  g_queue_clear_full (&priv->pages, (GDestroyNotify) page_free);
}

static guint
count_rows (CwbPagedList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!CWB_PAGED_LIST_GET_CLASS (self)->count (self, &n, &error))
    {
      g_warning ("%s", error->message);
      return 0;
    }

  return n;
}

static void
ensure_counted (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  if (!priv->counted)
    {
      /* counted before the count runs: a subclass's count may ask */
      priv->counted = TRUE;
      priv->n_items = count_rows (self);
    }
}

static Page *
lookup_page (CwbPagedList *self,
             guint         index)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  Page *page;

  for (GList *l = priv->pages.head; l != NULL; l = l->next)
    {
      page = l->data;

      if (page->index == index)
        {
          /* most recently used first */
          g_queue_unlink (&priv->pages, l);
          g_queue_push_head_link (&priv->pages, l);
          return page;
        }
    }

  items = CWB_PAGED_LIST_GET_CLASS (self)->read_range (self, index * priv->page_size,
                                                       priv->page_size, &error);
  if (items == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  priv->rows_read += items->len;

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = items;
  g_queue_push_head (&priv->pages, page);

  while (priv->pages.length > priv->max_pages)
    page_free (g_queue_pop_tail (&priv->pages));

  return page;
}

static GType
cwb_paged_list_get_item_type (GListModel *model)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (CWB_PAGED_LIST (model));

  return priv->item_type;
}

static guint
cwb_paged_list_get_n_items (GListModel *model)
{
  CwbPagedList *self = CWB_PAGED_LIST (model);
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  ensure_counted (self);

  return priv->n_items;
}

static gpointer
cwb_paged_list_get_item (GListModel *model,
                         guint       position)
{
  CwbPagedList *self = CWB_PAGED_LIST (model);
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);
  Page *page;
  guint offset;

  ensure_counted (self);

  if (position >= priv->n_items)
    return NULL;

  page = lookup_page (self, position / priv->page_size);
  if (page == NULL)
    return NULL;

  offset = position % priv->page_size;
  if (offset >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cwb_paged_list_get_item_type;
  iface->get_n_items = cwb_paged_list_get_n_items;
  iface->get_item = cwb_paged_list_get_item;
}

static gboolean
cwb_paged_list_real_count (CwbPagedList  *self,
                           guint         *n_rows,
                           GError       **error)
{
  *n_rows = 0;

  return TRUE;
}

static GPtrArray *
cwb_paged_list_real_read_range (CwbPagedList  *self,
                                guint          start,
                                guint          n_rows,
                                GError       **error)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
cwb_paged_list_dispose (GObject *object)
{
  drop_pages (CWB_PAGED_LIST (object));

  G_OBJECT_CLASS (cwb_paged_list_parent_class)->dispose (object);
}

static void
cwb_paged_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwbPagedList *self = CWB_PAGED_LIST (object);
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_paged_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwbPagedList *self = CWB_PAGED_LIST (object);
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_paged_list_class_init (CwbPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_paged_list_dispose;
  object_class->get_property = cwb_paged_list_get_property;
  object_class->set_property = cwb_paged_list_set_property;

  klass->count = cwb_paged_list_real_count;
  klass->read_range = cwb_paged_list_real_read_range;

  /**
   * CwbPagedList:item-type:
   *
   * The #GType of the items (the objects read_range returns).
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CwbPagedList:n-items:
   *
   * The number of items; notified when a reset changes it.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_paged_list_init (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  priv->item_type = G_TYPE_OBJECT;
  priv->page_size = DEFAULT_PAGE_SIZE;
  priv->max_pages = DEFAULT_MAX_PAGES;
  g_queue_init (&priv->pages);
}

/**
 * cwb_paged_list_reset:
 * @self: a #CwbPagedList
 *
 * Says that the rows may have changed: drops the pages and, if the rows
 * had been counted, counts them again and emits "items-changed" over the
 * whole list (and "notify::n-items" when the count changed). While
 * nobody has asked for the size there is nothing to announce.
 */
void
cwb_paged_list_reset (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  g_return_if_fail (CWB_IS_PAGED_LIST (self));

  /* nobody has seen any item yet: nothing to announce */
  if (!priv->counted)
    {
      drop_pages (self);
      return;
    }

  cwb_paged_list_items_changed (self, 0, priv->n_items, count_rows (self));
}

/**
 * cwb_paged_list_items_changed:
 * @self: a #CwbPagedList
 * @position: the first row that changed
 * @removed: how many rows went from there
 * @added: how many rows came in their place
 *
 * Says precisely what changed, for a subclass that knows (one that holds
 * its rows' keys, say): drops the pages and, if the rows had been counted,
 * takes the new size as the old one - @removed + @added and emits
 * "items-changed" (@position, @removed, @added), so views keep their place
 * and selection. count() must return the new size from now on.
 */
void
cwb_paged_list_items_changed (CwbPagedList *self,
                              guint         position,
                              guint         removed,
                              guint         added)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);
  guint old_n;

  g_return_if_fail (CWB_IS_PAGED_LIST (self));

  drop_pages (self);

  if (!priv->counted)
    return;

  old_n = priv->n_items;
  g_return_if_fail (position <= old_n && removed <= old_n - position);

  priv->n_items = old_n - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  if (old_n != priv->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * cwb_paged_list_splice:
 * @self: a #CwbPagedList
 * @position: where the rows changed
 * @n_removed: how many rows went from there
 * @n_added: how many came in their place
 *
 * For a subclass that knows exactly what changed: forgets only the pages
 * that hold those rows (and those after them, when rows moved), and emits
 * #GListModel::items-changed for them alone. Before anybody saw the size,
 * nothing is announced.
 */
void
cwb_paged_list_splice (CwbPagedList *self,
                       guint         position,
                       guint         n_removed,
                       guint         n_added)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);
  gboolean shifted;
  GList *l;

  g_return_if_fail (CWB_IS_PAGED_LIST (self));

  if (!priv->counted)
    {
      drop_pages (self);
      return;
    }

  position = MIN (position, priv->n_items);
  n_removed = MIN (n_removed, priv->n_items - position);
  shifted = n_removed != n_added;

  l = priv->pages.head;
  while (l != NULL)
    {
      GList *next = l->next;
      Page *page = l->data;
      guint first = page->index * priv->page_size;
      guint end = first + priv->page_size;

      if (end > position && (shifted || first < position + MAX (n_removed, n_added)))
        {
          page_free (page);
          g_queue_delete_link (&priv->pages, l);
        }
      l = next;
    }

  priv->n_items = priv->n_items - n_removed + n_added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, n_added);

  if (shifted)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * cwb_paged_list_is_counted:
 * @self: a #CwbPagedList
 *
 * Returns: whether the rows were counted since the list was made or last
 *   reset, that is whether anybody has seen its size
 */
gboolean
cwb_paged_list_is_counted (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  g_return_val_if_fail (CWB_IS_PAGED_LIST (self), FALSE);

  return priv->counted;
}

/**
 * cwb_paged_list_set_page_size:
 * @self: a #CwbPagedList
 * @page_size: rows per read, at least 1
 * @max_pages: how many pages are kept, at least 1
 *
 * Drops the pages read so far.
 */
void
cwb_paged_list_set_page_size (CwbPagedList *self,
                              guint         page_size,
                              guint         max_pages)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  g_return_if_fail (CWB_IS_PAGED_LIST (self));
  g_return_if_fail (page_size > 0 && max_pages > 0);

  drop_pages (self);
  priv->page_size = page_size;
  priv->max_pages = max_pages;
}

/**
 * cwb_paged_list_get_rows_read:
 * @self: a #CwbPagedList
 *
 * Returns: how many rows read_range returned so far
 */
guint64
cwb_paged_list_get_rows_read (CwbPagedList *self)
{
  CwbPagedListPrivate *priv = cwb_paged_list_get_instance_private (self);

  g_return_val_if_fail (CWB_IS_PAGED_LIST (self), 0);

  return priv->rows_read;
}
