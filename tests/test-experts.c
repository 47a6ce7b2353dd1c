/* test-experts.c — the expert registry: records, search, duplicates, validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <cwb.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"
#include "test-experts-fixture.h"

static void
test_search_chinese (Fixture       *f,
                     gconstpointer  data)
{
  add_sample (f);

  /* one character: names first, then fields, affiliation, résumé */
  assert_search (f, "海", "王海洋,陈海,李数据,张电池");
  assert_search (f, "洋", "王海洋");
  /* two characters */
  assert_search (f, "数据", "李数据");
  assert_search (f, "海洋", "王海洋");
  assert_search (f, "研究", "李数据,陈海,王海洋");
  /* three and more: the trigram index */
  assert_search (f, "动力电", "张电池");
  assert_search (f, "深海装备", "王海洋");
  assert_search (f, "南繁研究院", "陈海");
  /* across a separator: no match */
  assert_search (f, "工程深", "");
  /* Latin letters and digits, any case */
  assert_search (f, "5g", "李数据");
  assert_search (f, "AI", "李数据");
  assert_search (f, "5G与AI", "李数据");
  assert_search (f, "g", "李数据");
  /* several parts: each must occur */
  assert_search (f, "海 研究", "王海洋,陈海,李数据");
  assert_search (f, "海南 深海", "王海洋");
  assert_search (f, "不存在的词", "");
  /* characters whose UTF-8 holds a byte of U+3000's (技: E6 8A 80), and
   * U+3000 itself between parts */
  assert_search (f, "科技", "王海洋");
  assert_search (f, "深海科技", "王海洋");
  assert_search (f, "海南\u3000深海", "王海洋");
  /* empty: everyone, by name */
  {
    g_autoptr(CwbExpertList) list = cwb_expert_registry_search (f->experts, "");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  }

  /* two characters are one pair token: Latin, digits and Chinese mixed,
   * never a pair across a separator */
  add (f, "周程序", "人工智能", "海南AI研究院", "精通C语言与5G协议");
  assert_search (f, "C语", "周程序");
  assert_search (f, "c语", "周程序");
  assert_search (f, "I研", "周程序");
  assert_search (f, "ai", "周程序,李数据");
  assert_search (f, "5G", "李数据,周程序");
  assert_search (f, "技海", "");
  assert_search (f, "C 语", "周程序");
  assert_search (f, "通c语", "周程序");
  assert_search (f, "语 5g", "周程序");
}

/* The store reopened: a new SQLite connection, whose first statements on
 * the search indexes connect the FTS5 tables while the store authorizes
 * the plugin's SQL. */
static void
test_search_after_reopen (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "workbench.db", NULL);

  add_sample (f);
  f->experts = NULL;
  g_assert_finalize_object (g_steal_pointer (&f->store));

  f->store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  f->experts = cwb_expert_registry_get_for_store (f->store, &error);
  g_assert_no_error (error);

  assert_search (f, "海", "王海洋,陈海,李数据,张电池");
  assert_search (f, "研究", "李数据,陈海,王海洋");
  assert_search (f, "深海装备", "王海洋");
  /* by name (code point order) */
  assert_search (f, "", "张电池,李数据,王海洋,陈海");
}

/* ------------------------------------------------------------------ */
/* schema 1: the single-character index without pairs                  */

/* the registry's tables as schema 1 created them */
static const char * const v1_steps[] = {
  "CREATE TABLE experts_expert ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  level INTEGER NOT NULL DEFAULT 3,"
  "  honours TEXT NOT NULL DEFAULT '',"
  "  fields TEXT NOT NULL DEFAULT '',"
  "  affiliation_uscc TEXT NOT NULL DEFAULT '',"
  "  affiliation_name TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  resume TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX experts_expert_name ON experts_expert (name, affiliation_uscc);"
  "CREATE VIRTUAL TABLE experts_fts USING fts5 ("
  "  name, fields, affiliation_name, resume,"
  "  content='experts_expert', content_rowid='id', tokenize='trigram');"
  "CREATE VIRTUAL TABLE experts_chars USING fts5 ("
  "  name, fields, affiliation_name, resume, content='', tokenize='unicode61');"
  "CREATE TRIGGER experts_expert_ai AFTER INSERT ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (rowid, name, fields, affiliation_name, resume)"
  "    VALUES (new.id, new.name, new.fields, new.affiliation_name, new.resume);"
  "END;"
  "CREATE TRIGGER experts_expert_ad AFTER DELETE ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (experts_fts, rowid, name, fields, affiliation_name, resume)"
  "    VALUES ('delete', old.id, old.name, old.fields, old.affiliation_name, old.resume);"
  "END;"
  "CREATE TRIGGER experts_expert_au AFTER UPDATE ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (experts_fts, rowid, name, fields, affiliation_name, resume)"
  "    VALUES ('delete', old.id, old.name, old.fields, old.affiliation_name, old.resume);"
  "  INSERT INTO experts_fts (rowid, name, fields, affiliation_name, resume)"
  "    VALUES (new.id, new.name, new.fields, new.affiliation_name, new.resume);"
  "END;"
  "CREATE TABLE experts_chief ("
  "  id INTEGER PRIMARY KEY,"
  "  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,"
  "  expert_id INTEGER NOT NULL REFERENCES experts_expert (id),"
  "  from_date TEXT NOT NULL,"
  "  to_date TEXT,"
  "  reason TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX experts_chief_consortium ON experts_chief (consortium_id, to_date);"
  "CREATE INDEX experts_chief_expert ON experts_chief (expert_id, to_date);"
  "CREATE TABLE experts_reviewer ("
  "  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,"
  "  expert_id INTEGER NOT NULL REFERENCES experts_expert (id),"
  "  position INTEGER NOT NULL,"
  "  opinion TEXT NOT NULL DEFAULT '',"
  "  date TEXT,"
  "  PRIMARY KEY (consortium_id, expert_id)"
  ");"
  "CREATE INDEX experts_reviewer_expert ON experts_reviewer (expert_id);",
  NULL
};

/* one row as schema 1 wrote it: the row, and its characters separated by
 * spaces with "qzbrk" for each run of other characters */
static void
v1_insert (CwbStore   *store,
           const char *name,
           const char *fields,
           const char *affiliation,
           const char *resume,
           const char *spaced[4])
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt;
  gint64 id;

  stmt = cwb_store_prepare (store, "experts",
                            "INSERT INTO experts_expert (name, title, level, fields, affiliation_name, resume) "
                            "VALUES (:name, '研究员', 2, :fields, :affiliation, :resume)",
                            &error);
  g_assert_no_error (error);
  cwb_statement_bind_text (stmt, ":name", name);
  cwb_statement_bind_text (stmt, ":fields", fields);
  cwb_statement_bind_text (stmt, ":affiliation", affiliation);
  cwb_statement_bind_text (stmt, ":resume", resume);
  g_assert_false (cwb_statement_step (stmt, &error));
  g_assert_no_error (error);
  id = cwb_statement_get_last_insert_id (stmt);

  stmt = cwb_store_prepare (store, "experts",
                            "INSERT INTO experts_chars (rowid, name, fields, affiliation_name, resume) "
                            "VALUES (:id, :name, :fields, :affiliation, :resume)",
                            &error);
  g_assert_no_error (error);
  cwb_statement_bind_int64 (stmt, ":id", id);
  cwb_statement_bind_text (stmt, ":name", spaced[0]);
  cwb_statement_bind_text (stmt, ":fields", spaced[1]);
  cwb_statement_bind_text (stmt, ":affiliation", spaced[2]);
  cwb_statement_bind_text (stmt, ":resume", spaced[3]);
  g_assert_false (cwb_statement_step (stmt, &error));
  g_assert_no_error (error);
}

static void
reopen (Fixture    *f,
        const char *path)
{
  g_autoptr(GError) error = NULL;

  f->experts = NULL;
  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  f->experts = cwb_expert_registry_get_for_store (f->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->experts);
}

/* A registry of schema 1 opens as schema 2, its index refilled with the
 * pairs; a refill that did not land is done again on the next open. */
static void
test_search_upgrade_v1 (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v1.db", NULL);
  CwbStatement *stmt;

  f->experts = NULL;
  g_assert_finalize_object (g_steal_pointer (&f->store));
  f->store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_migrate_plugin (f->store, "experts", (const char **) v1_steps, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_store_get_plugin_version (f->store, "experts"), ==, 1);

  v1_insert (f->store, "王海洋", "深海科技\n海洋工程", "海南大学", "长期从事深海装备研究",
             (const char *[]) { "王 海 洋", "深 海 科 技 qzbrk 海 洋 工 程", "海 南 大 学",
                                "长 期 从 事 深 海 装 备 研 究" });
  v1_insert (f->store, "李数据", "数字经济", "海南数据研究院", "研究5G与AI应用",
             (const char *[]) { "李 数 据", "数 字 经 济", "海 南 数 据 研 究 院",
                                "研 究 5 G 与 A I 应 用" });
  v1_insert (f->store, "陈海", "现代种业", "三亚南繁研究院", "从事水稻育种。",
             (const char *[]) { "陈 海", "现 代 种 业", "三 亚 南 繁 研 究 院",
                                "从 事 水 稻 育 种 qzbrk" });

  reopen (f, path);
  g_assert_cmpint (cwb_store_get_plugin_version (f->store, "experts"), ==, 2);

  assert_search (f, "海", "王海洋,陈海,李数据");
  assert_search (f, "海南", "王海洋,李数据");
  assert_search (f, "研究", "李数据,陈海,王海洋");
  assert_search (f, "5g", "李数据");
  assert_search (f, "G与", "李数据");
  assert_search (f, "技海", "");
  assert_search (f, "种。", "陈海");
  assert_search (f, "海 研究", "王海洋,陈海,李数据");
  assert_search (f, "海南 深海装", "王海洋");
  assert_search (f, "深海装备", "王海洋");

  /* both indexes follow edits made after the upgrade, also of the rows
   * schema 1 indexed */
  add (f, "赵南海", "海上风电", "海南电网", "从事海上风电并网研究");
  assert_search (f, "南海", "赵南海");
  assert_search (f, "海南", "王海洋,李数据,赵南海");
  assert_search (f, "海上风电", "赵南海");
  {
    g_autoptr(CwbExpert) expert = cwb_expert_registry_get (f->experts, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (cwb_expert_get_name (expert), ==, "王海洋");
    cwb_expert_set_resume (expert, "从事高原生态研究");
    g_assert_true (cwb_expert_registry_update (f->experts, expert, &error));
    g_assert_no_error (error);
  }
  assert_search (f, "深海装备", "");
  assert_search (f, "装备", "");
  assert_search (f, "高原生态", "王海洋");
  assert_search (f, "原生", "王海洋");
  g_assert_true (cwb_expert_registry_remove (f->experts, 3, &error));
  g_assert_no_error (error);
  assert_search (f, "南繁研究", "");
  assert_search (f, "南繁", "");
  assert_search (f, "海", "王海洋,赵南海,李数据");

  /* a pending refill (as left by a migration whose refill did not land)
   * runs again and leaves no entry twice */
  stmt = cwb_store_prepare (f->store, "experts", "INSERT INTO experts_reindex (pending) VALUES (1)", &error);
  g_assert_no_error (error);
  g_assert_false (cwb_statement_step (stmt, &error));
  g_assert_no_error (error);
  reopen (f, path);
  assert_search (f, "海南", "王海洋,李数据,赵南海");
  assert_search (f, "海", "王海洋,赵南海,李数据");
  assert_search (f, "原生", "王海洋");
  assert_search (f, "高原生态", "王海洋");
  stmt = cwb_store_prepare (f->store, "experts", "SELECT count(*) FROM experts_reindex", &error);
  g_assert_no_error (error);
  g_assert_true (cwb_statement_step (stmt, &error));
  g_assert_cmpint (cwb_statement_get_int64 (stmt, 0), ==, 0);
  cwb_statement_reset (stmt);
}

/* ------------------------------------------------------------------ */
/* scale: 5 000 experts against a naive scan                           */

#define SCALE_N 5000

typedef struct {
  gint64  id;
  char   *columns[4];  /* name, fields (joined with "\n"), affiliation, résumé; lower case */
} ScaleRow;

static void
scale_row_clear (gpointer data)
{
  ScaleRow *row = data;

  for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
    g_free (row->columns[i]);
}

static void
csv_append (GString    *out,
            const char *text,
            gboolean    last)
{
  g_assert_null (strchr (text, '"'));
  g_string_append_printf (out, "\"%s\"%s", text, last ? "\n" : ",");
}

/* writes SCALE_N distinct experts to a CSV file in @dir */
static char *
write_scale_csv (const char *dir)
{
  static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "林", "符", "欧阳" };
  static const char * const given[] = { "伟", "芳", "海", "洋", "南", "强", "静", "研", "明", "华",
                                        "宁", "波", "军", "红", "东", "科", "学", "文", "涛", "杰" };
  static const char * const clusters[] = { "深海科技", "数字经济", "现代种业", "新能源汽车", "海上风电",
                                           "生物医药", "医疗康养", "智能制造" };
  static const char * const keywords[] = { "海洋工程", "5G通信", "水稻育种", "动力电池", "风电机组",
                                           "疫苗研发", "康复医学", "3D打印" };
  static const char * const units[] = { "海南大学", "海南师范大学", "三亚深海科技研究院", "海口数据研究院",
                                        "儋州南繁育种中心", "文昌航天科技有限公司", "琼海康养医院",
                                        "洋浦新材料股份有限公司" };
  static const char * const works[] = { "主持国家重点研发计划项目%u项，", "发表SCI论文%u篇，",
                                        "获授权发明专利%u件，", "承担省级专项%u项，" };
  static const char * const ends[] = { "获海南省科学技术进步奖。", "入选领军人才。", "带领团队完成成果转化。" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = g_string_new ("姓名,研究领域,统一社会信用代码,工作单位,简历\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "scale.csv", NULL);
  char usccs[G_N_ELEMENTS (units)][CWB_USCC_LENGTH + 1];

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_snprintf (usccs[u], sizeof usccs[u], "91460100%09u0", 300000000 + u);
      usccs[u][17] = cwb_uscc_compute_check_char (usccs[u]);
      g_assert_true (cwb_uscc_validate (usccs[u], NULL));
    }

  for (guint i = 0; i < SCALE_N; )
    {
      guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (clusters));
      guint u = g_rand_int_range (rand, 0, G_N_ELEMENTS (units));
      g_autofree char *name = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                           given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))],
                                           g_rand_boolean (rand) ? given[g_rand_int_range (rand, 0, G_N_ELEMENTS (given))] : "",
                                           NULL);
      g_autofree char *key = g_strdup_printf ("%s\n%u", name, u);
      g_autofree char *fields = NULL;
      g_autofree char *resume = NULL;
      g_autofree char *work = NULL;

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      fields = g_rand_boolean (rand)
               ? g_strdup_printf ("%s；%s", clusters[c], keywords[c])
               : g_strdup_printf ("%s；%s；%s", clusters[c], keywords[c],
                                  clusters[(c + 3) % G_N_ELEMENTS (clusters)]);
      work = g_strdup_printf (works[g_rand_int_range (rand, 0, G_N_ELEMENTS (works))],
                              (guint) g_rand_int_range (rand, 1, 20));
      resume = g_strdup_printf ("长期从事%s研究，%s%s", keywords[(c + i) % G_N_ELEMENTS (keywords)], work,
                                ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (ends))]);

      csv_append (out, name, FALSE);
      csv_append (out, fields, FALSE);
      csv_append (out, usccs[u], FALSE);
      csv_append (out, units[u], FALSE);
      csv_append (out, resume, TRUE);
      i++;
    }

  g_assert_true (g_file_set_contents (path, out->str, out->len, &error));
  g_assert_no_error (error);

  return path;
}

/* the tier of @row for the query's parts (lower case): the first column
 * holding the first part; -1 if a part occurs nowhere */
static int
naive_tier (ScaleRow   *row,
            GStrv       parts)
{
  int tier = -1;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int found = -1;

      for (guint c = 0; c < G_N_ELEMENTS (row->columns) && found < 0; c++)
        if (strstr (row->columns[c], parts[i]) != NULL)
          found = c;
      if (found < 0)
        return -1;
      if (i == 0)
        tier = found;
    }

  return tier;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const gint64 *x = a, *y = b;

  /* (tier, id) pairs */
  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : x[1] > y[1];
}

static void
test_search_scale (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const queries[] = {
    /* one character */
    "海", "王", "研", "南", "5", "g", "喵",
    /* two */
    "海南", "研究", "5G", "5g", "王海", "育种", "三亚", "欧阳", "量子",
    /* three */
    "研究院", "深海科", "SCI", "sci", "海南大", "3D打",
    /* more, several parts */
    "海南大学", "深海科技", "海 研究", "研究 电池", "5G 海南", "海南 深海科",
    /* two characters: Latin and digits with Chinese, across a separator */
    "3d", "D打", "sc", "技海", "程长", "欧", "阳 海南",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(CwbExpertList) all = NULL;
  g_autoptr(GArray) table = g_array_new (FALSE, TRUE, sizeof (ScaleRow));
  g_autofree char *csv = write_scale_csv (f->dir);
  guint n_added = 0;

  g_array_set_clear_func (table, scale_row_clear);

  rows = cwb_expert_registry_preview_import (f->experts, csv, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_expert_registry_apply_import (f->experts, rows, NULL, NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, SCALE_N);

  /* the records as stored, for the naive scan */
  all = cwb_expert_registry_search (f->experts, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, SCALE_N);
  for (guint i = 0; i < SCALE_N; i++)
    {
      g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autofree char *fields = g_strjoinv ("\n", (char **) cwb_expert_get_fields (expert));
      ScaleRow row = {
        cwb_expert_get_id (expert),
        {
          g_ascii_strdown (cwb_expert_get_name (expert), -1),
          g_ascii_strdown (fields, -1),
          g_ascii_strdown (cwb_expert_get_affiliation_name (expert), -1),
          g_ascii_strdown (cwb_expert_get_resume (expert), -1),
        },
      };

      g_array_append_val (table, row);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(CwbExpertList) list = cwb_expert_registry_search (f->experts, queries[q]);
      g_autofree char *lower = g_ascii_strdown (queries[q], -1);
      g_auto(GStrv) parts = g_strsplit (lower, " ", -1);
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));
      guint n, n_pages;

      for (guint i = 0; i < table->len; i++)
        {
          ScaleRow *row = &g_array_index (table, ScaleRow, i);
          int tier = naive_tier (row, parts);
          gint64 pair[2] = { tier, row->id };

          if (tier >= 0)
            g_array_append_val (expected, pair);
        }
      g_array_sort (expected, compare_ranked);

      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_test_message ("“%s”: %u found, %u expected", queries[q], n, expected->len);
      g_assert_cmpuint (n, ==, expected->len);

      /* every position holds the expert the ranking puts there: name
       * matches first, then fields, affiliation, résumé, by id within
       * each; half the queries are read from the last page backwards, so
       * the list must place positions beyond tiers it has not read */
      n_pages = (n + 99) / 100;
      for (guint p = 0; p < n_pages; p++)
        {
          guint page = q % 2 == 0 ? p : n_pages - 1 - p;

          for (guint i = page * 100; i < MIN (n, page * 100 + 100); i++)
            {
              g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (list), i);

              g_assert_nonnull (expert);
              if (cwb_expert_get_id (expert) != ((gint64 *) expected->data)[2 * i + 1])
                g_error ("“%s”, position %u: expert %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                         queries[q], i, cwb_expert_get_id (expert), ((gint64 *) expected->data)[2 * i + 1]);
            }
        }
      g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));
    }
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(CwbExpertList) list = NULL;
  g_autoptr(CwbExpert) expert = NULL;
  g_autoptr(GError) error = NULL;

  add_sample (f);
  expert = cwb_expert_registry_get (f->experts, 2, &error);
  g_assert_no_error (error);
  cwb_expert_set_level (expert, CWB_EXPERT_LEVEL_ASSOCIATE);
  g_assert_true (cwb_expert_registry_update (f->experts, expert, &error));
  g_assert_no_error (error);

  list = cwb_expert_registry_search (f->experts, "");
  cwb_expert_list_set_level (list, CWB_EXPERT_LEVEL_ASSOCIATE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  cwb_expert_list_set_level (list, -1);
  cwb_expert_list_set_field (list, "动力电池");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  /* a field is matched whole */
  cwb_expert_list_set_field (list, "动力");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  cwb_expert_list_set_field (list, NULL);
  cwb_expert_list_set_query (list, "海");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  cwb_expert_list_set_level (list, CWB_EXPERT_LEVEL_SENIOR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  cwb_expert_list_set_chief_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_edit_keeps_index (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) expert = NULL;
  g_autoptr(CwbExpertList) list = NULL;
  gint64 id;
  guint changes = 0;

  id = add (f, "王海洋", "深海科技", "海南大学", "深海装备");
  list = cwb_expert_registry_search (f->experts, "海洋");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  expert = cwb_expert_registry_get (f->experts, id, &error);
  g_assert_no_error (error);
  cwb_expert_set_name (expert, "王山川");
  cwb_expert_set_resume (expert, "高原生态");
  g_assert_true (cwb_expert_registry_update (f->experts, expert, &error));
  g_assert_no_error (error);

  /* the list followed; the old text is gone from both indexes */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  assert_search (f, "洋", "");
  assert_search (f, "深海装备", "");
  assert_search (f, "山", "王山川");
  assert_search (f, "高原生态", "王山川");
  assert_search (f, "深海科技", "王山川");

  g_assert_true (cwb_expert_registry_remove (f->experts, id, &error));
  g_assert_no_error (error);
  assert_search (f, "山", "");
  assert_search (f, "高原生态", "");
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 0);
  g_assert_null (cwb_expert_registry_get (f->experts, id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND);
}

static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) twin = make_expert ("王海洋", "深海科技", "海南大学", "");
  g_autoptr(CwbExpert) other_unit = make_expert ("王海洋", "深海科技", "三亚学院", "");
  g_autoptr(CwbExpert) bad = make_expert ("李", "x", "单位", "");

  add (f, "王海洋", "深海科技", "海南大学", "");
  g_assert_false (cwb_expert_registry_add (f->experts, twin, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "王海洋"));
  g_clear_error (&error);
  g_assert_cmpint (cwb_expert_get_id (twin), ==, 0);

  g_assert_true (cwb_expert_registry_add (f->experts, other_unit, &error));
  g_assert_no_error (error);

  /* the same credit code is the same unit whatever its name */
  cwb_expert_set_affiliation_uscc (other_unit, GOOD_USCC);
  g_assert_true (cwb_expert_registry_update (f->experts, other_unit, &error));
  g_assert_no_error (error);
  cwb_expert_set_affiliation_uscc (twin, GOOD_USCC);
  cwb_expert_set_affiliation_name (twin, "另一个名字");
  g_assert_cmpint (cwb_expert_registry_find_duplicate (f->experts, twin), ==, cwb_expert_get_id (other_unit));

  /* validation */
  cwb_expert_set_affiliation_uscc (bad, "91460100000000119X");
  g_assert_false (cwb_expert_registry_add (f->experts, bad, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  cwb_expert_set_affiliation_uscc (bad, "");
  cwb_expert_set_email (bad, "a@b");
  g_assert_false (cwb_expert_registry_add (f->experts, bad, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  cwb_expert_set_email (bad, "li@example.cn");
  cwb_expert_set_phone (bad, "12345678901");
  g_assert_false (cwb_expert_registry_add (f->experts, bad, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  cwb_expert_set_phone (bad, "0898-65123456");
  g_assert_true (cwb_expert_registry_add (f->experts, bad, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 3);
}

static void
test_validation (void)
{
  static const struct { const char *text; gboolean ok; } phones[] = {
    { "", TRUE }, { "13912345678", TRUE }, { "+86 139 1234 5678", TRUE }, { "19912345678", TRUE },
    { "0898-65123456", TRUE }, { "010-12345678", TRUE }, { "089865123456", TRUE },
    { "0898-65123456-123", TRUE }, { "0898-65123456转88", TRUE },
    { "12912345678", FALSE }, { "1391234567", FALSE }, { "65123456", FALSE }, { "电话", FALSE },
    { "0898-123", FALSE },
  };
  static const struct { const char *text; gboolean ok; } emails[] = {
    { "", TRUE }, { "wang@hainu.edu.cn", TRUE }, { "a.b+c@x-y.com", TRUE },
    { "a@b", FALSE }, { "@b.cn", FALSE }, { "a@@b.cn", FALSE }, { "a b@c.cn", FALSE },
    { "a@-b.cn", FALSE }, { "a@b..cn", FALSE }, { ".a@b.cn", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = cwb_expert_validate_phone (phones[i].text, &error);

      if (ok != phones[i].ok)
        g_error ("phone “%s”: expected %d", phones[i].text, phones[i].ok);
      if (!ok)
        g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
    }

  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      gboolean ok = cwb_expert_validate_email (emails[i].text, NULL);

      if (ok != emails[i].ok)
        g_error ("email “%s”: expected %d", emails[i].text, emails[i].ok);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  EXPERTS_TEST_ADD ("/experts/search/chinese", test_search_chinese);
  EXPERTS_TEST_ADD ("/experts/search/filters", test_search_filters);
  EXPERTS_TEST_ADD ("/experts/search/follows-edits", test_edit_keeps_index);
  EXPERTS_TEST_ADD ("/experts/search/after-reopen", test_search_after_reopen);
  EXPERTS_TEST_ADD ("/experts/search/scale", test_search_scale);
  EXPERTS_TEST_ADD ("/experts/search/upgrade-v1", test_search_upgrade_v1);
  EXPERTS_TEST_ADD ("/experts/duplicates", test_duplicates);
  g_test_add_func ("/experts/validation", test_validation);

  return g_test_run ();
}
