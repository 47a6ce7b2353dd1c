/* cwb-member-list.c — a lazy GListModel over one consortium's members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-member-list"

#include "config.h"

#include "cwb-enums.h"
#include "cwb-member.h"
#include "cwb-member-list.h"
#include "cwb-store.h"
#include "cwb-store-private.h"

/* Positions are contiguous (0 .. n-1), so a page is an index range. */
#define PAGE_SIZE 100
#define MAX_PAGES 4

typedef struct
{
  guint      index;    /* the page holds positions index * PAGE_SIZE … */
  GPtrArray *members;  /* of CwbMember, owned */
} Page;

struct _CwbMemberList
{
  GObject   parent_instance;

  /* owned */
  CwbStore *store;
  gint64    consortium_id;
  gulong    changed_handler;

  /* the number of members; counted on first use */
  guint     n_items;
  guint     counted : 1;

  /* of Page *, most recently used first, at most MAX_PAGES */
  GQueue    pages;

  guint64   rows_read;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwbMemberList, cwb_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONSORTIUM_ID,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->members);
  g_free (page);
}

static void
drop_pages (CwbMemberList *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static guint
count_items (CwbMemberList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!_cwb_store_count_members (self->store, self->consortium_id, &n, &error))
    g_warning ("Could not count the members of consortium %lld: %s",
               (long long) self->consortium_id, error->message);

  return n;
}

static void
ensure_counted (CwbMemberList *self)
{
  if (!self->counted)
    {
      self->n_items = count_items (self);
      self->counted = TRUE;
    }
}

static Page *
lookup_page (CwbMemberList *self,
             guint          index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;

      if (page->index == index)
        {
          /* most recently used first */
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }

  members = _cwb_store_read_members (self->store, self->consortium_id,
                                     index * PAGE_SIZE, PAGE_SIZE, &error);
  if (members == NULL)
    {
      g_warning ("Could not read the members of consortium %lld: %s",
                 (long long) self->consortium_id, error->message);
      return NULL;
    }

  self->rows_read += members->len;

  page = g_new0 (Page, 1);
  page->index = index;
  page->members = members;
  g_queue_push_head (&self->pages, page);

  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

/* Drops the cached pages that hold positions from @position on (all of
 * them when @shifted, else those of @position … @position + @n - 1). */
static void
drop_pages_from (CwbMemberList *self,
                 guint          position,
                 guint          n,
                 gboolean       shifted)
{
  GList *l = self->pages.head;

  while (l != NULL)
    {
      GList *next = l->next;
      Page *page = l->data;
      guint first = page->index * PAGE_SIZE;
      guint end = first + PAGE_SIZE;

      if (end > position && (shifted || first < position + n))
        {
          page_free (page);
          g_queue_delete_link (&self->pages, l);
        }
      l = next;
    }
}

static void
store_committed_cb (CwbMemberList        *self,
                    const CwbStoreChange *change,
                    CwbStore             *store)
{
  guint old_n;
  guint new_n;

  g_assert (CWB_IS_MEMBER_LIST (self));

  if (change->consortium_id != self->consortium_id)
    return;

  if (change->kind != CWB_CHANGE_MEMBERS && change->kind != CWB_CHANGE_CONSORTIUM)
    return;

  /* nobody has seen any item yet: nothing to announce */
  if (!self->counted)
    return;

  /* the consortium's own fields (rename, industry): the members stay */
  if (change->n_removed == 0 && change->n_added == 0)
    return;

  old_n = self->n_items;

  if (change->n_removed == CWB_STORE_CHANGE_ALL)
    {
      /* imported again, replaced or removed: every member may be new */
      new_n = count_items (self);
      drop_pages (self);
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
    }
  else
    {
      guint position = MIN (change->position, old_n);
      guint n_removed = MIN (change->n_removed, old_n - position);

      new_n = old_n - n_removed + change->n_added;
      drop_pages_from (self, position, MAX (n_removed, change->n_added),
                       n_removed != change->n_added);
      self->n_items = new_n;
      g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, change->n_added);
    }

  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
cwb_member_list_get_item_type (GListModel *model)
{
  return CWB_TYPE_MEMBER;
}

static guint
cwb_member_list_get_n_items (GListModel *model)
{
  CwbMemberList *self = CWB_MEMBER_LIST (model);

  ensure_counted (self);

  return self->n_items;
}

static gpointer
cwb_member_list_get_item (GListModel *model,
                          guint       position)
{
  CwbMemberList *self = CWB_MEMBER_LIST (model);
  Page *page;
  guint offset;

  ensure_counted (self);

  if (position >= self->n_items)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);
  if (page == NULL)
    return NULL;

  offset = position % PAGE_SIZE;
  if (offset >= page->members->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->members, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cwb_member_list_get_item_type;
  iface->get_n_items = cwb_member_list_get_n_items;
  iface->get_item = cwb_member_list_get_item;
}

static void
cwb_member_list_constructed (GObject *object)
{
  CwbMemberList *self = (CwbMemberList *) object;

  G_OBJECT_CLASS (cwb_member_list_parent_class)->constructed (object);

  g_return_if_fail (CWB_IS_STORE (self->store));

  self->changed_handler = g_signal_connect_object (self->store, "committed",
                                                   G_CALLBACK (store_committed_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
cwb_member_list_dispose (GObject *object)
{
  CwbMemberList *self = (CwbMemberList *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  drop_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cwb_member_list_parent_class)->dispose (object);
}

static void
cwb_member_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CwbMemberList *self = CWB_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CONSORTIUM_ID:
      g_value_set_int64 (value, self->consortium_id);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CwbMemberList *self = CWB_MEMBER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CONSORTIUM_ID:
      self->consortium_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_list_class_init (CwbMemberListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cwb_member_list_constructed;
  object_class->dispose = cwb_member_list_dispose;
  object_class->get_property = cwb_member_list_get_property;
  object_class->set_property = cwb_member_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CWB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONSORTIUM_ID] =
    g_param_spec_int64 ("consortium-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_member_list_init (CwbMemberList *self)
{
  g_queue_init (&self->pages);
}

CwbMemberList *
_cwb_member_list_new (CwbStore *store,
                      gint64    consortium_id)
{
  g_return_val_if_fail (CWB_IS_STORE (store), NULL);

  return g_object_new (CWB_TYPE_MEMBER_LIST,
                       "store", store,
                       "consortium-id", consortium_id,
                       NULL);
}

gint64
cwb_member_list_get_consortium_id (CwbMemberList *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER_LIST (self), 0);

  return self->consortium_id;
}

guint64
_cwb_member_list_get_rows_read (CwbMemberList *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER_LIST (self), 0);

  return self->rows_read;
}

guint
_cwb_member_list_find_lead (CwbMemberList *self)
{
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;

  g_return_val_if_fail (CWB_IS_MEMBER_LIST (self), G_MAXUINT);

  if (!_cwb_store_find_lead (self->store, self->consortium_id, &position, &error))
    g_warning ("Could not find the lead of consortium %lld: %s",
               (long long) self->consortium_id, error->message);

  return position;
}
