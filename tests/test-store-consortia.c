/* test-store-consortia.c — tests of CwbStore on real SQLite files: the
 * consortia list, updates, change signals, members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"
#include "test-store-fixture.h"

/* ------------------------------------------------------------------ */
/* helpers                                                             */

/* the member names of a stored consortium, in order, joined by "," */
static char *
member_names (CwbStore *store,
              gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) loaded = cwb_store_load_consortium (store, id, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  const GPtrArray *members;

  g_assert_no_error (error);
  members = cwb_consortium_get_members (loaded);
  for (guint i = 0; i < members->len; i++)
    g_strv_builder_add (builder, cwb_member_get_name (g_ptr_array_index (members, i)));
  names = g_strv_builder_end (builder);

  return g_strjoinv (",", names);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_emissions)
{
  (*n_emissions)++;
}

/* the names of a consortia list, joined by "," */
static char *
consortia_names (GListModel *consortia)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (consortia); i++)
    {
      g_autoptr(CwbConsortium) item = g_list_model_get_item (consortia, i);

      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", cwb_consortium_get_name (item));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_consortia_model (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) b = make_consortium ("B 联合体", "91460000MA00000001", 1);
  g_autoptr(CwbConsortium) a = make_consortium ("A 联合体", "91460000MA00000002", 1);
  g_autoptr(CwbConsortium) c = make_consortium ("C 联合体", "91460000MA00000003", 1);
  g_autoptr(CwbConsortium) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autoptr(CwbConsortiumList) list = NULL;
  GListModel *consortia;
  guint n_emissions = 0;

  open_store (fixture);
  import (fixture, b);
  import (fixture, c);

  list = cwb_consortium_list_new (fixture->store);
  consortia = G_LIST_MODEL (list);
  g_assert_true (g_list_model_get_item_type (consortia) == CWB_TYPE_CONSORTIUM);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体");
  first = g_list_model_get_item (consortia, 0);
  g_assert_cmpint (cwb_consortium_get_id (first), ==, cwb_consortium_get_id (b));
  g_assert_cmpstr (cwb_consortium_get_industry (first), ==, "现代种业");

  g_signal_connect (consortia, "items-changed", G_CALLBACK (items_changed_cb), &n_emissions);

  import (fixture, a);
  g_assert_cmpuint (n_emissions, ==, 1);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "A 联合体,B 联合体,C 联合体");

  /* a rename moves it */
  cwb_consortium_set_name (a, "D 联合体");
  g_assert_true (cwb_store_update_consortium (fixture->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, >=, 2);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体,D 联合体");

  /* a rename onto another's name is refused */
  cwb_consortium_set_name (a, "B 联合体");
  g_assert_false (cwb_store_update_consortium (fixture->store, a, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "B 联合体"));
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,C 联合体,D 联合体");

  g_assert_true (cwb_store_delete_consortium (fixture->store, cwb_consortium_get_id (c), &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = consortia_names (consortia);
  g_assert_cmpstr (names, ==, "B 联合体,D 联合体");

  g_assert_false (cwb_store_delete_consortium (fixture->store, cwb_consortium_get_id (c), &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);

  g_signal_handlers_disconnect_by_func (consortia, items_changed_cb, &n_emissions);
}

static void
test_update_consortium (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *technologies[] = { "关键技术", NULL };
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);

  cwb_consortium_set_industry (consortium, "深海");
  cwb_consortium_set_key_technologies (consortium, technologies);
  cwb_consortium_set_has_fund_management (consortium, TRUE);
  cwb_consortium_set_fund_system (consortium, TRUE);
  cwb_consortium_add_exception (consortium, cwb_exception_new ("C4", "琼科〔2024〕13号", "2024-05-01", "理由"));
  /* members are not written by an update */
  cwb_consortium_remove_member (consortium, 1);

  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);

  loaded = cwb_store_load_consortium (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_consortium_get_industry (loaded), ==, "深海");
  g_assert_cmpstr (cwb_consortium_get_key_technologies (loaded)[0], ==, "关键技术");
  g_assert_true (cwb_consortium_get_fund_system (loaded));
  g_assert_false (cwb_consortium_get_fund_internal_supervision (loaded));
  g_assert_nonnull (cwb_consortium_find_exception (loaded, "C4"));
  g_assert_cmpuint (cwb_consortium_get_members (loaded)->len, ==, 2);

  /* one that is not stored */
  {
    g_autoptr(CwbConsortium) stranger = make_consortium ("陌生联合体", "91460000MA00000009", 1);

    g_assert_false (cwb_store_update_consortium (fixture->store, stranger, &error));
    g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  }
}

static void
test_changes (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbConsortium) replacement = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 2);
  g_autoptr(CwbMember) member = make_member ("91460000MA00000077", "新成员", FALSE);
  g_autoptr(CwbMember) duplicate = make_member ("91460000MA00000077", "重复", FALSE);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(JsonNode) section = json_from_string ("{\"a\": 1}", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 new_id;
  guint position;

  open_store (fixture);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), changes);

  id = import (fixture, consortium);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  cwb_consortium_set_name (consortium, "海南省改名创新联合体");
  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  cwb_consortium_add_exception (consortium, cwb_exception_new ("C3", "琼科〔2024〕12号", "2024-04-02", "理由"));
  g_assert_true (cwb_store_update_consortium (fixture->store, consortium, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id }, { CWB_CHANGE_SECTION, id } }, 2);

  g_assert_true (cwb_store_insert_member (fixture->store, id, G_MAXUINT, member, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  cwb_member_set_name (member, "改名成员");
  g_assert_true (cwb_store_update_member (fixture->store, member, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  /* a failed write says nothing */
  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, duplicate, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  assert_changes (changes, NULL, 0);

  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (member), &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 2);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_MEMBERS, id } }, 1);

  g_assert_true (cwb_store_set_section (fixture->store, id, "agreement", section, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_SECTION, id } }, 1);

  /* the name was changed above, so this is a plain import */
  g_assert_true (cwb_store_import_consortium (fixture->store, replacement, TRUE, &error));
  g_assert_no_error (error);
  new_id = cwb_consortium_get_id (replacement);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, new_id } }, 1);

  /* replacing is one change of the same consortium */
  g_clear_object (&replacement);
  replacement = make_consortium ("海南省改名创新联合体", "91460000MA00000001", 1);
  g_assert_true (cwb_store_import_consortium (fixture->store, replacement, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (replacement), ==, id);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, id } }, 1);

  g_assert_true (cwb_store_delete_consortium (fixture->store, new_id, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { CWB_CHANGE_CONSORTIUM, new_id } }, 1);

  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, changes);
}

/* ------------------------------------------------------------------ */
/* members                                                             */

static void
test_members_order (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(CwbMember) a = make_member ("91460000MA0000000A", "A", TRUE);
  g_autoptr(CwbMember) b = make_member ("91460000MA0000000B", "B", FALSE);
  g_autoptr(CwbMember) c = make_member ("91460000MA0000000C", "C", FALSE);
  g_autoptr(CwbMember) d = make_member ("91460000MA0000000D", "D", FALSE);
  g_autoptr(CwbMember) e = make_member ("91460000MA0000000E", "E", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  gint64 id;
  gint64 b_id;
  guint position = G_MAXUINT;

  cwb_consortium_set_name (consortium, "顺序联合体");
  cwb_consortium_add_member (consortium, a);
  cwb_consortium_add_member (consortium, b);
  cwb_consortium_add_member (consortium, c);

  open_store (fixture);
  id = import (fixture, consortium);
  b_id = cwb_member_get_id (b);

  g_assert_true (cwb_store_insert_member (fixture->store, id, 1, d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_member_get_id (d), >, 0);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C");

  g_assert_true (cwb_store_remove_member (fixture->store, b_id, &position, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 2);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,C");

  /* undo: the same object at the same place */
  g_assert_true (cwb_store_insert_member (fixture->store, id, position, b, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C");

  /* G_MAXUINT (or anything past the end) appends */
  g_assert_true (cwb_store_insert_member (fixture->store, id, G_MAXUINT, e, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "A,D,B,C,E");

  /* remove the first: positions stay 0 .. n-1 */
  g_assert_true (cwb_store_remove_member (fixture->store, cwb_member_get_id (a), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT min(position) FROM member"), ==, 0);
  g_assert_cmpint (query_int (fixture->path, "SELECT max(position) FROM member"), ==, 3);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(DISTINCT position) FROM member"), ==, 4);

  /* an update keeps the place */
  cwb_member_set_name (c, "C2");
  cwb_member_set_revenue (c, 123);
  g_assert_true (cwb_store_update_member (fixture->store, c, &error));
  g_assert_no_error (error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, "D,B,C2,E");

  g_assert_false (cwb_store_remove_member (fixture->store, cwb_member_get_id (a), NULL, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (cwb_store_insert_member (fixture->store, id + 1000, 0, a, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
}

static void
test_members_duplicate_uscc (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) consortium = make_consortium ("海南省测试创新联合体", "91460000MA00000001", 3);
  g_autoptr(CwbConsortium) other = make_consortium ("海南省另一创新联合体", "91460000MA00000002", 1);
  g_autoptr(CwbMember) twin = make_member ("91460000MA00000001", "重复单位", FALSE);
  g_autoptr(CwbMember) elsewhere = make_member ("91460000MA00000001", "别处单位", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  CwbMember *second;
  gint64 id;

  open_store (fixture);
  id = import (fixture, consortium);
  import (fixture, other);
  before = member_names (fixture->store, id);

  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, twin, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "91460000MA00000001"));
  g_clear_error (&error);
  g_assert_cmpint (cwb_member_get_id (twin), ==, 0);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, before);

  /* the same code in another consortium is fine */
  g_assert_true (cwb_store_insert_member (fixture->store, cwb_consortium_get_id (other), 0, elsewhere, &error));
  g_assert_no_error (error);

  /* an update onto a code already there is refused */
  second = g_ptr_array_index (cwb_consortium_get_members (consortium), 1);
  cwb_member_set_uscc (second, "91460000MA00000001");
  g_assert_false (cwb_store_update_member (fixture->store, second, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&names, g_free);
  names = member_names (fixture->store, id);
  g_assert_cmpstr (names, ==, before);

  /* no code at all */
  cwb_member_set_uscc (twin, NULL);
  g_assert_false (cwb_store_insert_member (fixture->store, id, 0, twin, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
}

static void
test_led_by (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(CwbConsortium) one = make_consortium ("一号联合体", "91460000MA0000LEAD", 2);
  g_autoptr(CwbConsortium) two = make_consortium ("二号联合体", "91460000MA0000LEAD", 2);
  g_autoptr(CwbConsortium) three = make_consortium ("三号联合体", "91460000MA00OTHER", 2);
  g_autoptr(CwbMember) plain = make_member ("91460000MA0000LEAD", "普通成员", FALSE);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) others = NULL;
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) none = NULL;

  open_store (fixture);
  import (fixture, one);
  import (fixture, two);
  import (fixture, three);
  /* a plain member with the code does not lead */
  g_assert_true (cwb_store_insert_member (fixture->store, cwb_consortium_get_id (three), 1, plain, &error));
  g_assert_no_error (error);

  others = cwb_store_find_consortia_led_by (fixture->store, "91460000MA0000LEAD", cwb_consortium_get_id (one));
  g_assert_cmpstrv (others, ((const char *[]) { "二号联合体", NULL }));

  all = cwb_store_find_consortia_led_by (fixture->store, "91460000MA0000LEAD", 0);
  g_assert_cmpuint (g_strv_length (all), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) all, "一号联合体"));
  g_assert_true (g_strv_contains ((const char * const *) all, "二号联合体"));

  none = cwb_store_find_consortia_led_by (fixture->store, "91460000MA00NOBODY", 0);
  g_assert_nonnull (none);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  store_test_add ("/store/consortia/model", test_consortia_model);
  store_test_add ("/store/consortia/update", test_update_consortium);
  store_test_add ("/store/changes", test_changes);
  store_test_add ("/store/members/order", test_members_order);
  store_test_add ("/store/members/duplicate-uscc", test_members_duplicate_uscc);
  store_test_add ("/store/led-by", test_led_by);

  return g_test_run ();
}
