/* test-member-list.c — tests of the lazy member list over a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cwb.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"

#define N_MEMBERS 100000

typedef struct
{
  char     *dir;
  CwbStore *store;
  gint64    big_id;    /* N_MEMBERS members "成员单位 0" … */
  gint64    small_id;  /* 3 members */
} Fixture;


static CwbMember *
make_member (guint i)
{
  CwbMember *member = cwb_member_new ();
  g_autofree char *uscc = g_strdup_printf ("91460000MA%08u", i);
  g_autofree char *name = g_strdup_printf ("成员单位 %u", i);

  cwb_member_set_uscc (member, uscc);
  cwb_member_set_name (member, name);
  cwb_member_set_kind (member, i % 2 == 0 ? CWB_MEMBER_KIND_ENTERPRISE : CWB_MEMBER_KIND_UNIVERSITY);
  cwb_member_set_lead (member, i == 0);
  cwb_member_set_independent_legal_person (member, TRUE);
  cwb_member_set_registered_in_hainan (member, i % 3 != 0);

  return member;
}

static CwbConsortium *
make_consortium (const char *name,
                 guint       n_members)
{
  CwbConsortium *consortium = cwb_consortium_new ();

  cwb_consortium_set_name (consortium, name);
  cwb_consortium_set_industry (consortium, "现代种业");
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(CwbMember) member = make_member (i);

      cwb_consortium_add_member (consortium, member);
    }

  return consortium;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwbConsortium) big = NULL;
  g_autoptr(CwbConsortium) small = NULL;
  gint64 start;

  fixture->dir = g_dir_make_tmp ("cwb-member-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workbench.db", NULL);

  fixture->store = cwb_store_open (path, &error);
  g_assert_no_error (error);

  big = make_consortium ("海南省大型创新联合体", N_MEMBERS);
  small = make_consortium ("海南省小型创新联合体", 3);

  start = g_get_monotonic_time ();
  cwb_store_import_consortium (fixture->store, big, FALSE, &error);
  g_assert_no_error (error);
  g_test_message ("imported %u members in %.2f s", N_MEMBERS,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  /* one transaction and reused statements: seconds, not minutes */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);

  cwb_store_import_consortium (fixture->store, small, FALSE, &error);
  g_assert_no_error (error);

  fixture->big_id = cwb_consortium_get_id (big);
  fixture->small_id = cwb_consortium_get_id (small);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_member (GListModel *model,
               guint       position,
               guint       expected)
{
  g_autoptr(CwbMember) member = g_list_model_get_item (model, position);
  g_autofree char *name = g_strdup_printf ("成员单位 %u", expected);
  g_autofree char *uscc = g_strdup_printf ("91460000MA%08u", expected);

  g_assert_nonnull (member);
  g_assert_true (CWB_IS_MEMBER (member));
  g_assert_cmpstr (cwb_member_get_name (member), ==, name);
  g_assert_cmpstr (cwb_member_get_uscc (member), ==, uscc);
  g_assert_cmpint (cwb_member_get_id (member), >, 0);
  g_assert_true (cwb_member_get_lead (member) == (expected == 0));
  g_assert_true (cwb_member_get_registered_in_hainan (member) == (expected % 3 != 0));
}

static void
test_lazy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(CwbMemberList) list = cwb_store_list_members (fixture->store, fixture->big_id);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwbMember) first = NULL;
  g_autoptr(CwbMember) again = NULL;
  g_autoptr(CwbMember) beyond = NULL;

  g_assert_cmpint (cwb_member_list_get_consortium_id (list), ==, fixture->big_id);
  g_assert_true (g_list_model_get_item_type (model) == CWB_TYPE_MEMBER);
  g_assert_cmpuint (_cwb_member_list_get_rows_read (list), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MEMBERS);
  /* counting reads no rows */
  g_assert_cmpuint (_cwb_member_list_get_rows_read (list), ==, 0);

  assert_member (model, 0, 0);
  assert_member (model, 50000, 50000);
  assert_member (model, 99999, 99999);
  assert_member (model, 50001, 50001);
  assert_member (model, 49999, 49999);

  beyond = g_list_model_get_item (model, N_MEMBERS);
  g_assert_null (beyond);

  /* a few pages, not the whole consortium */
  g_test_message ("rows read: %" G_GUINT64_FORMAT, _cwb_member_list_get_rows_read (list));
  g_assert_cmpuint (_cwb_member_list_get_rows_read (list), <=, 500);
  g_assert_cmpuint (_cwb_member_list_get_rows_read (list), >=, 3);

  /* the same object for the same row while its page is kept */
  first = g_list_model_get_item (model, 50000);
  again = g_list_model_get_item (model, 50000);
  g_assert_true (first == again);
}

static void
test_scroll (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CwbMemberList) list = cwb_store_list_members (fixture->store, fixture->big_id);
  GListModel *model = G_LIST_MODEL (list);
  guint64 rows_read;

  /* scrolling through a window of 1000 rows reads about 1000 rows */
  for (guint i = 20000; i < 21000; i++)
    {
      g_autoptr(CwbMember) member = g_list_model_get_item (model, i);
      g_autofree char *name = g_strdup_printf ("成员单位 %u", i);

      g_assert_cmpstr (cwb_member_get_name (member), ==, name);
    }

  rows_read = _cwb_member_list_get_rows_read (list);
  g_assert_cmpuint (rows_read, >=, 1000);
  g_assert_cmpuint (rows_read, <=, 1100);

  /* going back over recent rows is served from the kept pages */
  for (guint i = 20990; i > 20800; i--)
    {
      g_autoptr(CwbMember) member = g_list_model_get_item (model, i);

      g_assert_nonnull (member);
    }
  g_assert_cmpuint (_cwb_member_list_get_rows_read (list), ==, rows_read);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CwbMemberList) list = cwb_store_list_members (fixture->store, fixture->big_id);
  g_autoptr(CwbMemberList) small = cwb_store_list_members (fixture->store, fixture->small_id);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwbMember) victim = NULL;
  g_autoptr(GError) error = NULL;
  CwbTestItemsChanged changed = { 0 };
  CwbTestItemsChanged small_changed = { 0 };
  guint position = G_MAXUINT;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MEMBERS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, 3);
  g_signal_connect (model, "items-changed", G_CALLBACK (cwb_test_record_items_changed), &changed);
  g_signal_connect (small, "items-changed", G_CALLBACK (cwb_test_record_items_changed), &small_changed);

  victim = g_list_model_get_item (model, 50000);
  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (victim), &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 50000);

  /* exactly that position */
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 50000);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MEMBERS - 1);
  /* another consortium's list is not disturbed */
  g_assert_cmpuint (small_changed.n_emissions, ==, 0);

  assert_member (model, 49999, 49999);
  assert_member (model, 50000, 50001);
  assert_member (model, N_MEMBERS - 2, N_MEMBERS - 1);

  /* undo puts it back where it was */
  g_assert_true (cwb_store_insert_member (fixture->store, fixture->big_id, position, victim, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_emissions, ==, 2);
  g_assert_cmpuint (changed.position, ==, 50000);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  assert_member (model, 50000, 50000);
  assert_member (model, 50001, 50001);

  /* an update is one item changed in place; only its page is read again */
  {
    g_autoptr(CwbMember) member = g_list_model_get_item (model, 70000);
    g_autoptr(CwbMember) edited = cwb_member_copy (member);
    g_autoptr(CwbMember) shown = NULL;
    guint64 rows_before;

    assert_member (model, 10, 10);
    cwb_member_set_name (edited, "成员单位 改名");
    g_assert_true (cwb_store_update_member (fixture->store, edited, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (changed.n_emissions, ==, 3);
    g_assert_cmpuint (changed.position, ==, 70000);
    g_assert_cmpuint (changed.removed, ==, 1);
    g_assert_cmpuint (changed.added, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MEMBERS);

    rows_before = _cwb_member_list_get_rows_read (list);
    assert_member (model, 10, 10);
    g_assert_cmpuint (_cwb_member_list_get_rows_read (list), ==, rows_before);
    shown = g_list_model_get_item (model, 70000);
    g_assert_cmpstr (cwb_member_get_name (shown), ==, "成员单位 改名");
    g_assert_cmpuint (_cwb_member_list_get_rows_read (list), >, rows_before);
  }

  /* a rename of the consortium leaves the members alone */
  {
    g_autoptr(CwbConsortium) consortium = cwb_store_load_consortium (fixture->store, fixture->small_id, &error);

    g_assert_no_error (error);
    cwb_consortium_set_name (consortium, "海南省改名创新联合体");
    g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (small_changed.n_emissions, ==, 0);
  }

  /* deleting the consortium empties its list */
  g_assert_true (cwb_store_delete_consortium (fixture->store, fixture->small_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (small_changed.n_emissions, ==, 1);
  g_assert_cmpuint (small_changed.removed, ==, 3);
  g_assert_cmpuint (small_changed.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, 0);

  g_signal_handlers_disconnect_by_func (model, cwb_test_record_items_changed, &changed);
  g_signal_handlers_disconnect_by_func (small, cwb_test_record_items_changed, &small_changed);
}

/* A summary: everything but the members, which come from the store as asked for */
static void
test_summary (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) summary = cwb_store_load_consortium_summary (fixture->store, fixture->small_id,
                                                                         &error);
  g_autoptr(CwbConsortium) whole = cwb_store_load_consortium (fixture->store, fixture->small_id, &error);
  g_autoptr(CwbConsortium) copy = NULL;
  g_autoptr(CwbMember) edited = NULL;
  CwbMember *lead;

  g_assert_no_error (error);
  g_assert_cmpuint (cwb_consortium_get_members (summary)->len, ==, 0);
  g_assert_cmpuint (cwb_consortium_get_n_members (summary), ==, 3);
  g_assert_cmpuint (cwb_consortium_get_n_members (whole), ==, 3);
  g_assert_true (cwb_consortium_equal (summary, whole));
  lead = cwb_consortium_get_lead (summary);
  g_assert_nonnull (lead);
  g_assert_cmpstr (cwb_member_get_uscc (lead), ==, cwb_member_get_uscc (cwb_consortium_get_lead (whole)));
  g_assert_true (cwb_consortium_get_member (summary, 1) == cwb_consortium_get_member (summary, 1));
  g_assert_null (cwb_consortium_get_member (summary, 3));

  /* a copy holds its members */
  copy = cwb_consortium_copy (summary);
  g_assert_cmpuint (cwb_consortium_get_members (copy)->len, ==, 3);

  /* it follows the store */
  edited = cwb_member_copy (cwb_consortium_get_member (summary, 2));
  cwb_member_set_name (edited, "改了名的成员单位");
  g_assert_true (cwb_store_update_member (fixture->store, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_member_get_name (cwb_consortium_get_member (summary, 2)), ==, "改了名的成员单位");
  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (edited), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_consortium_get_n_members (summary), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/member-list/lazy", Fixture, NULL, fixture_set_up, test_lazy, fixture_tear_down);
  g_test_add ("/member-list/scroll", Fixture, NULL, fixture_set_up, test_scroll, fixture_tear_down);
  g_test_add ("/member-list/remove", Fixture, NULL, fixture_set_up, test_remove, fixture_tear_down);
  g_test_add ("/member-list/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);

  return g_test_run ();
}
