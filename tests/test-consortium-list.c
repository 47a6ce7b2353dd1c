/* test-consortium-list.c — the sidebar's lazy list of consortia over a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cwb.h"
#include "cwb-test-utils.h"

typedef struct
{
  char     *dir;
  CwbStore *store;
} Fixture;


static gint64
add (Fixture    *fixture,
     const char *name,
     const char *industry)
{
  g_autoptr(CwbConsortium) consortium = cwb_consortium_new ();
  g_autoptr(GError) error = NULL;

  cwb_consortium_set_name (consortium, name);
  cwb_consortium_set_industry (consortium, industry);
  g_assert_true (cwb_store_import_consortium (fixture->store, consortium, FALSE, &error));
  g_assert_no_error (error);

  return cwb_consortium_get_id (consortium);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-consortium-list-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "workbench.db", NULL);
  fixture->store = cwb_store_open (path, &error);
  g_assert_no_error (error);

  /* not in name order */
  add (fixture, "C 深海联合体", "深海科技");
  add (fixture, "A 种业联合体", "现代种业");
  add (fixture, "E 深海装备联合体", "深海科技");
  add (fixture, "B Seed Alliance", "现代种业");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  cwb_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
add_many_cb (CwbStore  *store,
             gpointer   user_data,
             GError   **error)
{
  Fixture *fixture = user_data;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("M %03u 联合体", i);

      add (fixture, name, i % 2 == 0 ? "数字经济" : "航天产业");
    }

  return TRUE;
}

static char *
names (GListModel *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CwbConsortium) c = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%c", cwb_consortium_get_name (c), i + 1 < g_list_model_get_n_items (model) ? '|' : '\0');
    }

  return g_string_free (s, FALSE);
}

static void
test_order_and_filters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CwbConsortiumList) list = cwb_consortium_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autofree char *all = NULL;
  g_autofree char *deep_sea = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *both = NULL;
  g_autofree char *latin = NULL;

  g_assert_true (g_list_model_get_item_type (model) == CWB_TYPE_CONSORTIUM);
  all = names (model);
  g_assert_cmpstr (all, ==, "A 种业联合体|B Seed Alliance|C 深海联合体|E 深海装备联合体");
  g_assert_cmpuint (cwb_consortium_list_get_n_total (list), ==, 4);

  cwb_consortium_list_set_search (list, "深海");
  deep_sea = names (model);
  g_assert_cmpstr (deep_sea, ==, "C 深海联合体|E 深海装备联合体");
  g_assert_cmpuint (cwb_consortium_list_get_n_total (list), ==, 4);

  /* ASCII letters in any case */
  cwb_consortium_list_set_search (list, "sEEd");
  latin = names (model);
  g_assert_cmpstr (latin, ==, "B Seed Alliance");

  cwb_consortium_list_set_search (list, "");
  cwb_consortium_list_set_industry (list, "现代种业");
  seed = names (model);
  g_assert_cmpstr (seed, ==, "A 种业联合体|B Seed Alliance");

  cwb_consortium_list_set_search (list, "深海");
  both = names (model);
  g_assert_cmpstr (both, ==, "");

  cwb_consortium_list_set_industry (list, NULL);
  cwb_consortium_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

/* A change announces the positions that differ, not the whole list. */
static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CwbConsortiumList) list = cwb_consortium_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2026-01-05", NULL, NULL);
  g_autoptr(GError) error = NULL;
  CwbTestItemsChanged changed = { 0 };
  gint64 d_id, c_id;

  g_signal_connect (list, "items-changed", G_CALLBACK (cwb_test_record_items_changed), &changed);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* inserted between B and C */
  d_id = add (fixture, "D 新联合体", "数字经济");
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 3);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 1);
  g_assert_cmpuint (cwb_consortium_list_find (list, d_id), ==, 3);
  g_assert_cmpuint (cwb_consortium_list_get_n_total (list), ==, 5);

  /* removed */
  changed = (CwbTestItemsChanged) { 0 };
  g_assert_true (cwb_store_delete_consortium (fixture->store, d_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 3);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 0);
  g_assert_cmpuint (cwb_consortium_list_find (list, d_id), ==, G_MAXUINT);

  /* a step recorded: that row again, in place */
  c_id = cwb_store_lookup_consortium (fixture->store, "C 深海联合体");
  changed = (CwbTestItemsChanged) { 0 };
  g_assert_true (cwb_store_append_stage_event (fixture->store, c_id, event, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* a search that keeps the first: removal then addition, after it */
  changed = (CwbTestItemsChanged) { 0 };
  cwb_consortium_list_set_search (list, "A");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);   /* A …, B … Alliance */
  cwb_consortium_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpuint (changed.position, ==, 2);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, 2);
}

/* Every "items-changed", and the length the list had at each */
typedef struct
{
  guint position, removed, added, n_items;
} Emission;

static void
record_emission_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    GArray     *emissions)
{
  Emission e = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_val (emissions, e);
}

/* Frozen, the list announces nothing; the thaw reads the ids once and
 * announces each run of new ones where it is, then the rows touched in
 * place, the list holding at each announcement what it said. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CwbConsortiumList) list = cwb_consortium_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (CWB_STAGE_SUBMITTED, "2026-01-05", NULL, NULL);
  g_autoptr(GArray) emissions = g_array_new (FALSE, FALSE, sizeof (Emission));
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  const Emission expected[] = {
    { 0, 0, 1, 5 }, { 4, 0, 1, 6 }, { 6, 0, 1, 7 },   /* 0 …, D …, F … */
    { 1, 1, 1, 7 },                                   /* A …: a step recorded */
  };
  gint64 d_id;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_emission_cb), emissions);

  cwb_consortium_list_freeze_changes (list);
  cwb_consortium_list_freeze_changes (list);
  add (fixture, "F 新联合体", "数字经济");
  d_id = add (fixture, "D 新联合体", "数字经济");
  add (fixture, "0 新联合体", "数字经济");
  g_assert_true (cwb_store_append_stage_event (fixture->store,
                                               cwb_store_lookup_consortium (fixture->store, "A 种业联合体"),
                                               event, NULL, &error));
  g_assert_no_error (error);
  cwb_consortium_list_thaw_changes (list);
  g_assert_cmpuint (emissions->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  cwb_consortium_list_thaw_changes (list);
  g_assert_cmpuint (emissions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Emission *e = &g_array_index (emissions, Emission, i);

      g_assert_cmpuint (e->position, ==, expected[i].position);
      g_assert_cmpuint (e->removed, ==, expected[i].removed);
      g_assert_cmpuint (e->added, ==, expected[i].added);
      g_assert_cmpuint (e->n_items, ==, expected[i].n_items);
    }
  all = names (model);
  g_assert_cmpstr (all, ==, "0 新联合体|A 种业联合体|B Seed Alliance|C 深海联合体|D 新联合体|"
                            "E 深海装备联合体|F 新联合体");
  g_assert_cmpuint (cwb_consortium_list_get_n_total (list), ==, 7);

  /* one gone and one new: the run between them, as without a freeze */
  g_array_set_size (emissions, 0);
  cwb_consortium_list_freeze_changes (list);
  g_assert_true (cwb_store_delete_consortium (fixture->store, d_id, &error));
  g_assert_no_error (error);
  add (fixture, "B2 新联合体", "数字经济");
  cwb_consortium_list_thaw_changes (list);
  g_clear_pointer (&all, g_free);
  all = names (model);
  g_assert_cmpstr (all, ==, "0 新联合体|A 种业联合体|B Seed Alliance|B2 新联合体|C 深海联合体|"
                            "E 深海装备联合体|F 新联合体");
  g_assert_cmpuint (emissions->len, ==, 2);
  g_assert_cmpuint (g_array_index (emissions, Emission, 0).position, ==, 3);
  g_assert_cmpuint (g_array_index (emissions, Emission, 0).removed, ==, 2);
  g_assert_cmpuint (g_array_index (emissions, Emission, 1).added, ==, 2);

  g_signal_handlers_disconnect_by_data (list, emissions);
}

/* Back from one industry to all, whose consortia come between those of
 * the industry in many runs: one change for the span, not one per run
 * (each of which costs a view a pass over its rows). */
static void
test_many_runs (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CwbConsortiumList) list = cwb_consortium_list_new (fixture->store);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GArray) emissions = g_array_new (FALSE, FALSE, sizeof (Emission));
  guint n_all;

  /* 200 more, every other one of a third industry: 100 runs */
  g_assert_true (cwb_store_run_in_transaction (fixture->store, add_many_cb, fixture, NULL));
  cwb_consortium_list_set_industry (list, "数字经济");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);

  g_signal_connect (list, "items-changed", G_CALLBACK (record_emission_cb), emissions);
  cwb_consortium_list_set_industry (list, NULL);
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, ==, 204);
  g_assert_cmpuint (emissions->len, >=, 1);
  g_assert_cmpuint (emissions->len, <=, 2);
  g_assert_cmpuint (g_array_index (emissions, Emission, emissions->len - 1).n_items, ==, n_all);

  for (guint i = 1; i < n_all; i++)
    {
      g_autoptr(CwbConsortium) a = g_list_model_get_item (model, i - 1);
      g_autoptr(CwbConsortium) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_strcmp0 (cwb_consortium_get_name (a), cwb_consortium_get_name (b)), <, 0);
    }

  g_signal_handlers_disconnect_by_data (list, emissions);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/consortium-list/order-and-filters", Fixture, NULL, fixture_set_up,
              test_order_and_filters, fixture_tear_down);
  g_test_add ("/consortium-list/changes", Fixture, NULL, fixture_set_up,
              test_changes, fixture_tear_down);
  g_test_add ("/consortium-list/frozen", Fixture, NULL, fixture_set_up,
              test_frozen, fixture_tear_down);
  g_test_add ("/consortium-list/many-runs", Fixture, NULL, fixture_set_up,
              test_many_runs, fixture_tear_down);

  return g_test_run ();
}
