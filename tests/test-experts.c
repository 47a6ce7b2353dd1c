/* test-experts.c — the expert registry: search, chief experts, rules E1–E3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <zip.h>

#include <cwb.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"

#define DEEP_SEA "deep-sea.consortium.json"
#define NEV "new-energy-vehicle-fails.consortium.json"
#define GOOD_USCC "91460100000000119Y"

typedef struct {
  char              *dir;
  CwbStore          *store;
  CwbExpertRegistry *experts;
  CwbRuleSet        *rules;
  CwbEngine         *engine;
} Fixture;

static void
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

static void
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

static CwbExpert *
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

static gint64
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
static char *
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

#define assert_search(f, query, expected) \
  G_STMT_START { g_autofree char *got_ = search_names (f, query); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

static void
add_sample (Fixture *f)
{
  add (f, "王海洋", "深海科技；海洋工程", "海南大学", "长期从事深海装备研究");
  add (f, "李数据", "数字经济", "海南数据研究院", "研究5G与AI应用");
  add (f, "张电池", "新能源汽车；动力电池", "海口电池公司", "主持国家重点研发计划项目");
  add (f, "陈海", "现代种业", "三亚南繁研究院", "从事水稻育种");
}

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

static gint64
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

static void
append_step (Fixture    *f,
             gint64      id,
             CwbStage    stage,
             const char *date,
             const char *document)
{
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, NULL);
  g_autoptr(GError) error = NULL;

  cwb_store_append_stage_event (f->store, id, event, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
after_approval (Fixture *f,
                gint64   id,
                guint    index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = cwb_expert_registry_list_chief_history (f->experts, id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, history->len);
  return ((CwbChiefAssignment *) g_ptr_array_index (history, index))->after_approval;
}

/* 六(三)(1): a change of chief expert after the consortium's approval (the
 * host's lifecycle) is flagged; the first choice and earlier changes are not */
static void
test_chief_after_approval (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) second = make_expert ("赵新", "深海科技", "海南大学", "");
  g_autoptr(CwbExpert) third = make_expert ("钱进", "深海科技", "三亚学院", "");
  gint64 id = import_example (f, DEEP_SEA, NULL);
  gint64 first = cwb_expert_registry_get_chief (f->experts, id);

  g_assert_cmpint (first, >, 0);
  g_assert_true (cwb_expert_registry_add (f->experts, second, &error));
  g_assert_true (cwb_expert_registry_add (f->experts, third, &error));
  g_assert_no_error (error);

  /* a change before approval: not flagged, not even once approved */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-02-01",
                                                "调整", &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 0));
  g_assert_false (after_approval (f, id, 1));

  append_step (f, id, CWB_STAGE_SUBMITTED, "2099-01-05", NULL);
  append_step (f, id, CWB_STAGE_VERIFYING, "2099-01-12", NULL);
  append_step (f, id, CWB_STAGE_RECOMMENDED, "2099-02-20", NULL);
  append_step (f, id, CWB_STAGE_APPROVED, "2099-04-01", "琼科〔2099〕1号");
  g_assert_false (after_approval (f, id, 1));

  /* a change on the day of approval is the approved state */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (third), "2099-04-01",
                                                "审定前确定", &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 2));

  /* after it: flagged */
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-09-01",
                                                "工作调动", &error));
  g_assert_no_error (error);
  g_assert_true (after_approval (f, id, 3));
  g_assert_false (after_approval (f, id, 2));

  /* taking the approval back takes the flag with it */
  g_assert_true (cwb_store_remove_last_stage_event (f->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (after_approval (f, id, 3));
}

/* A lead's new version of its file, imported over the stored consortium,
 * does not take away what staff recorded: the chief experts' history, the
 * reviewers and their opinions */
static void
test_replace_keeps_records (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbExpert) second = make_expert ("赵新", "深海科技", "海南大学", "");
  g_autoptr(CwbExpert) reviewer = make_expert ("钱进", "深海科技", "三亚学院", "");
  g_autoptr(CwbConsortium) again = cwb_test_load_example (DEEP_SEA);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  gint64 id = import_example (f, DEEP_SEA, NULL);
  gint64 first = cwb_expert_registry_get_chief (f->experts, id);

  g_assert_true (cwb_expert_registry_add (f->experts, second, &error));
  g_assert_true (cwb_expert_registry_add (f->experts, reviewer, &error));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (second), "2099-02-01",
                                                "工作调动", &error));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, first, "2099-03-01", "回任", &error));
  g_assert_true (cwb_expert_registry_add_reviewer (f->experts, id, cwb_expert_get_id (reviewer), &error));
  g_assert_true (cwb_expert_registry_set_reviewer_opinion (f->experts, id, cwb_expert_get_id (reviewer),
                                                           "同意组建", "2099-03-05", &error));
  g_assert_no_error (error);

  /* the file names the same chief expert as now */
  g_assert_true (cwb_store_import_consortium (f->store, again, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (again), ==, id);

  history = cwb_expert_registry_list_chief_history (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((CwbChiefAssignment *) g_ptr_array_index (history, 1))->reason, ==, "工作调动");
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, first);

  reviewers = cwb_expert_registry_list_reviewers (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviewers->len, ==, 1);
  g_assert_cmpstr (((CwbReviewer *) g_ptr_array_index (reviewers, 0))->opinion, ==, "同意组建");
}

/* A consortium imported while no registry listened (the command line, in
 * another process) is matched when a page calls cwb_expert_registry_sync_all(). */
static void
test_chief_sync_all (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "workbench.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 5, 1, 9, 0, 0);
  g_autoptr(CwbStore) other = NULL;
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (DEEP_SEA);
  gint64 id;

  /* a second store on the same file stands for the other process */
  other = cwb_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_store_import_consortium (other, consortium, FALSE, &error));
  g_assert_no_error (error);
  id = cwb_consortium_get_id (consortium);
  g_clear_object (&other);

  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, 0);
  g_assert_true (cwb_expert_registry_sync_all (f->experts, now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), >, 0);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a second pass changes nothing */
  g_assert_true (cwb_expert_registry_sync_all (f->experts, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);
}

static void
test_chief_import_and_history (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(JsonNode) section = NULL;
  g_autoptr(CwbExpert) imported = NULL;
  g_autoptr(CwbExpert) next = make_expert ("赵新", "深海科技", "海南大学", "");
  gint64 id, chief, other;
  CwbChiefAssignment *a;

  /* importing a consortium matches (here: adds) its chief expert */
  id = import_example (f, DEEP_SEA, NULL);
  chief = cwb_expert_registry_get_chief (f->experts, id);
  g_assert_cmpint (chief, >, 0);
  imported = cwb_expert_registry_get (f->experts, chief, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cwb_expert_get_name (imported), ==, "王某某");
  g_assert_cmpstr (cwb_expert_get_affiliation_uscc (imported), ==, GOOD_USCC);
  g_assert_true (cwb_expert_get_is_chief (imported));
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a second consortium with the same chief expert matches the same one */
  other = import_example (f, NEV, NULL);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, other), ==, chief);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* removal is refused, naming both consortia */
  g_assert_false (cwb_expert_registry_remove (f->experts, chief, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "深海"));
  g_clear_error (&error);

  /* a change: history with dates and reason, the section follows */
  g_assert_true (cwb_expert_registry_add (f->experts, next, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "2026-13-01", "x", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "1999-01-01", "x", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_chief_changed_after (f->experts, id, "2000-01-01"));
  g_assert_true (cwb_expert_registry_set_chief (f->experts, id, cwb_expert_get_id (next), "2099-05-01",
                                                "工作调动", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cwb_expert_registry_get_chief (f->experts, id), ==, cwb_expert_get_id (next));

  history = cwb_expert_registry_list_chief_history (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  a = g_ptr_array_index (history, 0);
  g_assert_cmpint (a->expert_id, ==, chief);
  g_assert_cmpstr (a->to_date, ==, "2099-05-01");
  a = g_ptr_array_index (history, 1);
  g_assert_cmpstr (a->expert_name, ==, "赵新");
  g_assert_cmpstr (a->from_date, ==, "2099-05-01");
  g_assert_null (a->to_date);
  g_assert_cmpstr (a->reason, ==, "工作调动");
  g_assert_true (cwb_expert_registry_chief_changed_after (f->experts, id, "2099-04-30"));
  g_assert_false (cwb_expert_registry_chief_changed_after (f->experts, id, "2099-05-01"));

  section = cwb_store_get_section (f->store, id, "chief_expert", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (section), "name"), ==, "赵新");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (section), "field"), ==, "深海科技");

  /* the section travels through the consortium file */
  {
    g_autoptr(CwbConsortium) loaded = cwb_store_load_consortium (f->store, id, &error);
    g_autofree char *text = NULL;
    g_autoptr(CwbConsortium) back = NULL;

    g_assert_no_error (error);
    text = cwb_consortium_to_data (loaded, NULL);
    back = cwb_consortium_file_load_data (text, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cwb_expert_registry_match_section (f->experts, cwb_consortium_get_section (back, "chief_expert")),
                     ==, cwb_expert_get_id (next));
  }

  /* the former chief expert stays chief of the other consortium */
  {
    g_auto(GStrv) elsewhere = cwb_expert_registry_list_chief_elsewhere (f->experts, chief, 0);

    g_assert_cmpuint (g_strv_length (elsewhere), ==, 1);
  }
}

static CwbCheckResult *
find_result (CwbCheckReport *report,
             const char     *rule)
{
  return cwb_check_report_lookup (report, rule);
}

static CwbCheckReport *
check (Fixture       *f,
       CwbConsortium *consortium,
       gboolean       with_store)
{
  g_autoptr(CwbContext) context = cwb_context_new (f->rules, with_store ? f->store : NULL, NULL, f->engine);

  return cwb_context_check (context, consortium);
}

static void
copy_member (JsonObject *from,
             const char *name,
             JsonNode   *node,
             JsonObject *to)
{
  json_object_set_member (to, name, json_node_copy (node));
}

static void
test_e1 (Fixture       *f,
         gconstpointer  data)
{
  static const char * const keys[] = { "name", "title", "field", "affiliation_uscc" };
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (DEEP_SEA);
  g_autoptr(CwbCheckReport) report = check (f, consortium, FALSE);

  g_assert_cmpint (cwb_check_result_get_status (find_result (report, "E1")), ==, CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_strength (find_result (report, "E1")), ==, CWB_STRENGTH_HARD);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(JsonNode) section = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(CwbCheckReport) r = NULL;
      JsonObject *object;

      object = json_object_new ();
      json_object_foreach_member (json_node_get_object (cwb_consortium_get_section (consortium, "chief_expert")),
                                  (JsonObjectForeach) copy_member, object);
      json_node_take_object (section, object);
      json_object_set_string_member (object, keys[i], " ");
      {
        g_autoptr(CwbConsortium) copy = cwb_consortium_copy (consortium);

        cwb_consortium_set_section (copy, "chief_expert", section);
        r = check (f, copy, FALSE);
      }
      g_assert_cmpint (cwb_check_result_get_status (find_result (r, "E1")), ==, CWB_STATUS_FAIL);
      g_assert_nonnull (cwb_check_result_get_remedy (find_result (r, "E1")));
    }

  cwb_consortium_set_section (consortium, "chief_expert", NULL);
  {
    g_autoptr(CwbCheckReport) r = check (f, consortium, FALSE);

    g_assert_cmpint (cwb_check_result_get_status (find_result (r, "E1")), ==, CWB_STATUS_FAIL);
    g_assert_null (find_result (r, "E2"));
    g_assert_null (find_result (r, "E3"));
  }
}

static void
test_e2_e3 (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) deep = cwb_test_load_example (DEEP_SEA);
  g_autoptr(CwbConsortium) nev = cwb_test_load_example (NEV);
  g_autoptr(CwbCheckReport) r1 = check (f, deep, FALSE);
  g_autoptr(CwbCheckReport) r2 = check (f, nev, FALSE);
  g_autoptr(CwbCheckReport) r3 = NULL;
  g_autoptr(CwbCheckReport) r4 = NULL;
  g_autoptr(CwbConsortium) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deep_id;

  g_assert_cmpint (cwb_check_result_get_status (find_result (r1, "E2")), ==, CWB_STATUS_PASS);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r2, "E2")), ==, CWB_STATUS_INFO);
  /* no store: no E3 */
  g_assert_null (find_result (r1, "E3"));

  deep_id = import_example (f, DEEP_SEA, NULL);
  stored = cwb_store_load_consortium (f->store, deep_id, &error);
  g_assert_no_error (error);
  r3 = check (f, stored, TRUE);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r3, "E3")), ==, CWB_STATUS_PASS);

  /* the same chief expert leads another consortium */
  import_example (f, NEV, NULL);
  r4 = check (f, stored, TRUE);
  g_assert_cmpint (cwb_check_result_get_status (find_result (r4, "E3")), ==, CWB_STATUS_INFO);
  g_assert_nonnull (strstr (cwb_check_result_get_message (find_result (r4, "E3")),
                            cwb_consortium_get_name (nev)));
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A workbook of one stored part, xl/worksheets/sheet1.xml, holding
 * @rows inside <sheetData>. */
static void
write_sheet (const char *path,
             const char *rows)
{
  g_autofree char *xml = g_strdup_printf ("<worksheet><sheetData>%s</sheetData></worksheet>", rows);
  int zip_error = 0;
  zip_t *archive = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zip_error);
  zip_source_t *source;

  g_assert_nonnull (archive);
  source = zip_source_buffer (archive, xml, strlen (xml), 0);
  g_assert_nonnull (source);
  g_assert_cmpint (zip_file_add (archive, "xl/worksheets/sheet1.xml", source, 0), ==, 0);
  g_assert_cmpint (zip_close (archive), ==, 0);
}

/* the CRC-32 of zip files */
static guint32
crc32_of (const char *data,
          gsize       length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= (guint8) data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }

  return ~crc;
}

static void
append_le (GByteArray *out,
           guint64     value,
           guint       size)
{
  for (guint i = 0; i < size; i++)
    {
      guint8 byte = (value >> (8 * i)) & 0xff;

      g_byte_array_append (out, &byte, 1);
    }
}

/* the CRC, both sizes left to the zip64 field, the lengths of the name
 * and of that field */
static void
append_sizes (GByteArray *out,
              guint32     crc,
              gsize       name_len)
{
  append_le (out, crc, 4);
  append_le (out, 0xffffffff, 4);
  append_le (out, 0xffffffff, 4);
  append_le (out, name_len, 2);
  append_le (out, 20, 2);
}

static void
append_name_and_extra (GByteArray *out,
                       const char *name,
                       guint64     claimed,
                       gsize       data_len)
{
  g_byte_array_append (out, (const guint8 *) name, strlen (name));
  append_le (out, 1, 2);                  /* zip64: sizes */
  append_le (out, 16, 2);
  append_le (out, claimed, 8);
  append_le (out, data_len, 8);
}

/* A zip of one stored entry, @name holding @data, whose zip64 sizes claim
 * @claimed bytes once inflated. */
static void
write_claiming_zip (const char *path,
                    const char *name,
                    const char *data,
                    guint64     claimed)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  gsize name_len = strlen (name), data_len = strlen (data);
  guint32 crc = crc32_of (data, data_len);
  guint central, central_size;

  /* local header, zip64 extra field: sizes, then the data */
  append_le (out, 0x04034b50, 4);
  append_le (out, 45, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);                  /* stored */
  append_le (out, 0, 2);
  append_le (out, 0x21, 2);
  append_sizes (out, crc, name_len);
  append_name_and_extra (out, name, claimed, data_len);
  g_byte_array_append (out, (const guint8 *) data, data_len);

  /* central directory */
  central = out->len;
  append_le (out, 0x02014b50, 4);
  append_le (out, 45, 2);
  append_le (out, 45, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0x21, 2);
  append_sizes (out, crc, name_len);
  append_le (out, 0, 2);                  /* comment, disk, attributes */
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 0, 4);
  append_le (out, 0, 4);                  /* the local header's offset */
  append_name_and_extra (out, name, claimed, data_len);

  /* end of central directory */
  central_size = out->len - central;
  append_le (out, 0x06054b50, 4);
  append_le (out, 0, 2);
  append_le (out, 0, 2);
  append_le (out, 1, 2);
  append_le (out, 1, 2);
  append_le (out, central_size, 4);
  append_le (out, central, 4);
  append_le (out, 0, 2);

  g_file_set_contents (path, (const char *) out->data, out->len, &error);
  g_assert_no_error (error);
}

static void
assert_read_fails (const char *path,
                   const char *expected_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, expected_start))
    g_error ("expected a message starting with “%s”, got “%s”", expected_start, error->message);
}

/* The sizes a zip entry claims are not trusted: a few hundred bytes that
 * claimed a terabyte made the reader allocate it first and abort; the
 * fuzzer found claims of 2 to 4 GiB (tests/fuzz/fuzz-experts-xlsx). */
static void
test_import_xlsx_claimed_size (Fixture       *f,
                               gconstpointer  data)
{
  static const char sheet[] =
    "<worksheet><sheetData>"
    "<row r=\"1\"><c t=\"inlineStr\"><is><t>name</t></is></c></row>"
    "<row r=\"2\"><c t=\"inlineStr\"><is><t>王海</t></is></c></row>"
    "</sheetData></worksheet>";
  g_autofree char *path = g_build_filename (f->dir, "claims.xlsx", NULL);

  /* refused as damaged: the data is not what the entry claims */
  write_claiming_zip (path, "xl/worksheets/sheet1.xml", sheet, G_GUINT64_CONSTANT (1) << 40);
  assert_read_fails (path, "The first worksheet of");
  write_claiming_zip (path, "xl/worksheets/sheet1.xml", sheet, G_MAXUINT64);
  assert_read_fails (path, "The first worksheet of");
}

/* Row and column numbers come from the file: r="4294967295" on a row made
 * the reader add four billion empty rows, a column past XFD overflowed an
 * int or added millions of empty cells (found by fuzz-experts-xlsx). */
static void
test_import_xlsx_limits (Fixture       *f,
                         gconstpointer  data)
{
  static const char header[] = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>";
  static const struct {
    const char *row;
    const char *error;   /* NULL: read, the expert is on line @line */
    guint       line;
  } cases[] = {
    { "<row r=\"4294967295\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"18446744073709551617\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"1048576\"><c t=\"inlineStr\"><is><t>A</t></is></c></row>", NULL, 1048576 },
    { "<row r=\"2\"><c r=\"ZZZZZZZZZZZZ2\" t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"2\"><c r=\"XFE2\" t=\"inlineStr\"><is><t>A</t></is></c></row>", "The first worksheet of", 0 },
    { "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A</t></is></c><c r=\"XFD2\"><v>1</v></c></row>", NULL, 2 },
  };
  g_autofree char *path = g_build_filename (f->dir, "limits.xlsx", NULL);
  g_autoptr(GString) many = g_string_new (header);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rows_xml = g_strconcat (header, cases[i].row, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) rows = NULL;
      g_autoptr(CwbExpertImportRow) row = NULL;

      write_sheet (path, rows_xml);
      if (cases[i].error != NULL)
        {
          assert_read_fails (path, cases[i].error);
          continue;
        }
      rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
      row = g_list_model_get_item (rows, 0);
      g_assert_cmpuint (cwb_expert_import_row_get_line (row), ==, cases[i].line);
      g_assert_cmpstr (cwb_expert_get_name (cwb_expert_import_row_get_expert (row)), ==, "A");
    }

  /* 300 rows of 16384 cells each, the last one at XFD */
  for (guint r = 2; r < 302; r++)
    g_string_append_printf (many, "<row r=\"%u\"><c r=\"XFD%u\"><v>1</v></c></row>", r, r);
  write_sheet (path, many->str);
  assert_read_fails (path, "“");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);

    g_assert_nonnull (strstr (error->message, "holds more than 4000000 cells"));
  }
}

static void
cancel_cb (guint    done,
           guint    total,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_import_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *path = g_build_filename (f->dir, "experts.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_added = 0;
  static const guint expected_problems[] = { 0, 1, 1, 1, 1, 1, 1, 0 };

  add (f, "王海洋", "深海科技", "海南大学", "");
  write_file (path,
              "\xef\xbb\xbf姓名,职称,职称级别,研究领域,统一社会信用代码,工作单位,电话,电子邮箱\n"
              "李新,研究员,正高级,数字经济；人工智能,,海南数据研究院,13912345678,li@example.cn\n"
              "张坏码,教授,正高级,深海科技,91460100000000119X,海南大学,,\n"
              "赵邮箱,教授,副高级,深海科技,,海南大学,,zhao@\n"
              ",教授,中级,深海科技,,海南大学,,\n"
              "王海洋,教授,正高级,深海科技,,海南大学,,\n"
              "李新,研究员,正高级,数字经济,,海南数据研究院,,\n"
              "钱电话,教授,正高级,深海科技,,海南大学,12345,\n"
              "\"孙,引号\",研究员,其他,\"现代种业\n水稻\",,三亚南繁研究院,0898-88881234,\n");

  rows = cwb_expert_registry_preview_import (f->experts, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected_problems));
  for (guint i = 0; i < G_N_ELEMENTS (expected_problems); i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpuint (g_strv_length ((char **) cwb_expert_import_row_get_problems (row)), ==,
                        expected_problems[i]);
      g_assert_true (cwb_expert_import_row_get_accepted (row) == (expected_problems[i] == 0));
    }
  {
    g_autoptr(CwbExpertImportRow) dup = g_list_model_get_item (rows, 4);
    g_autoptr(CwbExpertImportRow) last = g_list_model_get_item (rows, 7);

    g_assert_cmpint (cwb_expert_import_row_get_duplicate_of (dup), ==, 1);
    g_assert_cmpuint (cwb_expert_import_row_get_line (last), ==, 9);
    g_assert_cmpstr (cwb_expert_get_name (cwb_expert_import_row_get_expert (last)), ==, "孙,引号");
    g_assert_cmpuint (g_strv_length ((char **) cwb_expert_get_fields (cwb_expert_import_row_get_expert (last))), ==, 2);
  }
  /* the preview wrote nothing */
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);

  /* a cancel writes nothing */
  g_assert_false (cwb_expert_registry_apply_import (f->experts, rows, cancel_cb, cancellable, cancellable,
                                                    &n_added, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 1);
  assert_search (f, "数字经济", "");

  /* only accepted rows */
  g_assert_true (cwb_expert_registry_apply_import (f->experts, rows, NULL, NULL, NULL, &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 2);
  g_assert_cmpuint (cwb_expert_registry_count (f->experts), ==, 3);
  assert_search (f, "人工智能", "李新");
  assert_search (f, "稻", "孙,引号");
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const names[] = { "experts.csv", "experts.xlsx" };

  add_sample (f);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GListModel) rows = NULL;
      g_autoptr(CwbExpert) first = cwb_expert_registry_get (f->experts, 1, NULL);

      cwb_expert_set_email (first, "wang@hainu.edu.cn");
      cwb_expert_set_note (first, "备注,带逗号\"和引号\"");
      g_assert_true (cwb_expert_registry_update (f->experts, first, &error));
      g_assert_no_error (error);

      g_assert_true (cwb_expert_registry_export (f->experts, path, NULL, NULL, &error));
      g_assert_no_error (error);
      rows = cwb_expert_registry_read_file (path, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
      for (guint j = 0; j < 4; j++)
        {
          g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, j);
          g_autoptr(CwbExpert) stored = cwb_expert_registry_get (f->experts, j + 1, NULL);
          g_autoptr(CwbExpert) read = cwb_expert_copy (cwb_expert_import_row_get_expert (row));

          g_assert_cmpint (cwb_expert_get_id (read), ==, 0);
          cwb_expert_set_id (read, j + 1);
          g_assert_true (cwb_expert_equal (read, stored));
        }
      /* all of them are duplicates of the registry now */
      cwb_expert_registry_check_rows (f->experts, rows);
      {
        g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, 0);

        g_assert_false (cwb_expert_import_row_get_accepted (row));
        g_assert_cmpint (cwb_expert_import_row_get_duplicate_of (row), ==, 1);
      }
    }
}

static void
test_reviewers (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(CwbExpert) member_expert = make_expert ("成员单位专家", "深海科技", "成员单位", "");
  g_autofree char *path = g_build_filename (f->dir, "reviewers.xlsx", NULL);
  const char *member_uscc;
  gint64 id, free_id, chief;
  CwbReviewer *r;

  id = import_example (f, DEEP_SEA, NULL);
  consortium = cwb_store_load_consortium (f->store, id, &error);
  g_assert_no_error (error);
  chief = cwb_expert_registry_get_chief (f->experts, id);
  member_uscc = cwb_member_get_uscc (g_ptr_array_index (cwb_consortium_get_members (consortium), 1));
  cwb_expert_set_affiliation_uscc (member_expert, member_uscc);
  g_assert_true (cwb_expert_registry_add (f->experts, member_expert, &error));
  g_assert_no_error (error);
  free_id = add (f, "独立专家", "深海科技；海洋装备", "三亚深海所", "");
  add (f, "无关专家", "数字经济", "海口某所", "");

  suggested = cwb_expert_registry_suggest_reviewers (f->experts, consortium, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggested->len, ==, 3);
  r = g_ptr_array_index (suggested, 0);
  g_assert_cmpint (cwb_expert_get_id (r->expert), ==, free_id);
  g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_NONE);
  g_assert_null (r->reason);
  for (guint i = 1; i < 3; i++)
    {
      r = g_ptr_array_index (suggested, i);
      if (cwb_expert_get_id (r->expert) == chief)
        g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_CHIEF);
      else
        {
          g_assert_cmpint (r->conflict, ==, CWB_REVIEWER_CONFLICT_MEMBER);
          g_assert_nonnull (strstr (r->reason,
                                    cwb_member_get_name (g_ptr_array_index (cwb_consortium_get_members (consortium), 1))));
        }
      g_assert_nonnull (r->reason);
    }

  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, cwb_expert_get_id (member_expert), &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, chief, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cwb_expert_registry_add_reviewer (f->experts, id, free_id, &error));
  g_assert_no_error (error);
  g_assert_false (cwb_expert_registry_add_reviewer (f->experts, id, free_id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (cwb_expert_registry_set_reviewer_opinion (f->experts, id, free_id, "同意组建", "2026-03-01", &error));
  g_assert_no_error (error);

  chosen = cwb_expert_registry_list_reviewers (f->experts, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chosen->len, ==, 1);
  r = g_ptr_array_index (chosen, 0);
  g_assert_cmpstr (r->opinion, ==, "同意组建");
  g_assert_cmpstr (r->date, ==, "2026-03-01");

  /* a reviewer cannot be removed from the registry */
  g_assert_false (cwb_expert_registry_remove (f->experts, free_id, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, cwb_consortium_get_name (consortium)));
  g_clear_error (&error);

  g_assert_true (cwb_expert_registry_export_reviewers (f->experts, id, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (cwb_expert_registry_remove_reviewer (f->experts, id, free_id, &error));
  g_assert_no_error (error);
  g_assert_true (cwb_expert_registry_remove (f->experts, free_id, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/experts/search/chinese", test_search_chinese);
  ADD ("/experts/search/filters", test_search_filters);
  ADD ("/experts/search/follows-edits", test_edit_keeps_index);
  ADD ("/experts/search/after-reopen", test_search_after_reopen);
  ADD ("/experts/search/scale", test_search_scale);
  ADD ("/experts/search/upgrade-v1", test_search_upgrade_v1);
  ADD ("/experts/duplicates", test_duplicates);
  g_test_add_func ("/experts/validation", test_validation);
  ADD ("/experts/chief/import-and-history", test_chief_import_and_history);
  ADD ("/experts/chief/sync-all", test_chief_sync_all);
  ADD ("/experts/chief/after-approval", test_chief_after_approval);
  ADD ("/experts/chief/replace-keeps-records", test_replace_keeps_records);
  ADD ("/experts/import/preview-and-apply", test_import_preview);
  ADD ("/experts/export/round-trip", test_export_round_trip);
  ADD ("/experts/import/xlsx-claimed-size", test_import_xlsx_claimed_size);
  ADD ("/experts/import/xlsx-limits", test_import_xlsx_limits);
  ADD ("/experts/reviewers", test_reviewers);
  ADD ("/experts/check/e1", test_e1);
  ADD ("/experts/check/e2-e3", test_e2_e3);

  return g_test_run ();
}
