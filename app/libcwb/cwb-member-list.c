/* cwb-member-list.c — a lazy GListModel over one consortium's members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-member-list"

#include "config.h"

#include "cwb-enums.h"
#include "cwb-member.h"
#include "cwb-member-list.h"
#include "cwb-statement.h"
#include "cwb-store.h"
#include "cwb-store-private.h"

struct _CwbMemberList
{
  CwbPagedList parent_instance;

  /* owned */
  CwbStore *store;
  gint64    consortium_id;
  gulong    changed_handler;
};

G_DEFINE_FINAL_TYPE (CwbMemberList, cwb_member_list, CWB_TYPE_PAGED_LIST)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CONSORTIUM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Positions are contiguous (0 .. n-1), so a page is a range of them and
 * the count is the last position + 1: one step down the member_position
 * index, where count(*) would walk all of it (a million entries, tens of
 * milliseconds on the main loop each time a consortium is selected). */
static gboolean
cwb_member_list_count (CwbPagedList  *list,
                       guint         *n_rows,
                       GError       **error)
{
  CwbMemberList *self = CWB_MEMBER_LIST (list);
  CwbStatement *stmt;
  GError *local_error = NULL;

  stmt = cwb_store_prepare (self->store, "cwb",
                            "SELECT position FROM member WHERE consortium_id = :consortium_id"
                            " ORDER BY position DESC LIMIT 1",
                            &local_error);
  if (stmt != NULL)
    {
      cwb_statement_bind_int64 (stmt, ":consortium_id", self->consortium_id);
      *n_rows = 0;
      if (cwb_statement_step (stmt, &local_error))
        {
          *n_rows = (guint) cwb_statement_get_int64 (stmt, 0) + 1;
          cwb_statement_reset (stmt);
        }
    }

  if (local_error == NULL)
    return TRUE;

  g_propagate_prefixed_error (error, local_error, "Could not count the members of consortium %lld: ",
                              (long long) self->consortium_id);
  return FALSE;
}

static GPtrArray *
cwb_member_list_read_range (CwbPagedList  *list,
                            guint          start,
                            guint          n_rows,
                            GError       **error)
{
  CwbMemberList *self = CWB_MEMBER_LIST (list);
  GPtrArray *members;

  members = _cwb_store_read_members (self->store, self->consortium_id, start, n_rows, error);
  if (members == NULL)
    g_prefix_error (error, "Could not read the members of consortium %lld: ",
                    (long long) self->consortium_id);

  return members;
}

static void
store_committed_cb (CwbMemberList        *self,
                    const CwbStoreChange *change,
                    CwbStore             *store)
{
  g_assert (CWB_IS_MEMBER_LIST (self));

  if (change->consortium_id != self->consortium_id)
    return;

  if (change->kind != CWB_CHANGE_MEMBERS && change->kind != CWB_CHANGE_CONSORTIUM)
    return;

  /* the consortium's own fields (rename, industry): the members stay */
  if (change->n_removed == 0 && change->n_added == 0)
    return;

  /* imported again, replaced or removed: every member may be new */
  if (change->n_removed == CWB_STORE_CHANGE_ALL)
    cwb_paged_list_reset (CWB_PAGED_LIST (self));
  else
    cwb_paged_list_splice (CWB_PAGED_LIST (self), change->position,
                           change->n_removed, change->n_added);
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
  CwbPagedListClass *list_class = CWB_PAGED_LIST_CLASS (klass);

  object_class->constructed = cwb_member_list_constructed;
  object_class->dispose = cwb_member_list_dispose;
  object_class->get_property = cwb_member_list_get_property;
  object_class->set_property = cwb_member_list_set_property;

  list_class->count = cwb_member_list_count;
  list_class->read_range = cwb_member_list_read_range;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         CWB_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CONSORTIUM_ID] =
    g_param_spec_int64 ("consortium-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_member_list_init (CwbMemberList *self)
{
}

CwbMemberList *
_cwb_member_list_new (CwbStore *store,
                      gint64    consortium_id)
{
  g_return_val_if_fail (CWB_IS_STORE (store), NULL);

  return g_object_new (CWB_TYPE_MEMBER_LIST,
                       "item-type", CWB_TYPE_MEMBER,
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

  return cwb_paged_list_get_rows_read (CWB_PAGED_LIST (self));
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
