/* test-experts-fixture.c — what the expert registry's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cwb-test-utils.h"
#include "test-experts-fixture.h"

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("cwb-experts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "workbench.db", NULL);
  f->store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  f->experts = cwb_expert_registry_get_for_store (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->experts);
  g_assert_true (cwb_expert_registry_get_for_store (f->store, NULL) == f->experts);
  f->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  f->engine = cwb_engine_new ();
  cwb_test_load_only (f->engine, "experts");
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  f->experts = NULL;
  g_assert_finalize_object (g_steal_pointer (&f->store));
  cwb_test_remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_object (&f->rules);
  g_clear_object (&f->engine);
}

CwbExpert *
make_expert (const char *name,
             const char *field,
             const char *affiliation,
             const char *resume)
{
  CwbExpert *expert = cwb_expert_new ();
  g_auto(GStrv) fields = cwb_expert_split_list (field);

  cwb_expert_set_name (expert, name);
  cwb_expert_set_title (expert, "研究员");
  cwb_expert_set_level (expert, CWB_EXPERT_LEVEL_SENIOR);
  cwb_expert_set_fields (expert, (const char * const *) fields);
  cwb_expert_set_affiliation_name (expert, affiliation);
  cwb_expert_set_resume (expert, resume);

  return expert;
}

gint64
add (Fixture    *f,
     const char *name,
     const char *field,
     const char *affiliation,
     const char *resume)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) expert = make_expert (name, field, affiliation, resume);

  g_assert_true (cwb_expert_registry_add (f->experts, expert, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_expert_get_id (expert), >, 0);

  return cwb_expert_get_id (expert);
}

/* the names a search finds, in order, joined with "," */
char *
search_names (Fixture    *f,
              const char *query)
{
  g_autoptr(CwbExpertList) list = cwb_expert_registry_search (f->experts, query);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (expert);
      g_string_append_printf (names, "%s%s", i > 0 ? "," : "", cwb_expert_get_name (expert));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

void
add_sample (Fixture *f)
{
  add (f, "王海洋", "深海科技；海洋工程", "海南大学", "长期从事深海装备研究");
  add (f, "李数据", "数字经济", "海南数据研究院", "研究5G与AI应用");
  add (f, "张电池", "新能源汽车；动力电池", "海口电池公司", "主持国家重点研发计划项目");
  add (f, "陈海", "现代种业", "三亚南繁研究院", "从事水稻育种");
}

gint64
import_example (Fixture    *f,
                const char *name,
                const char *rename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (name);

  if (rename != NULL)
    cwb_consortium_set_name (consortium, rename);
  g_assert_true (cwb_store_import_consortium (f->store, consortium, FALSE, &error));
  g_assert_no_error (error);

  return cwb_consortium_get_id (consortium);
}
