/* bench-experts.c — searching a registry of 100 000 experts as the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-experts [N-EXPERTS] [N-QUERIES]
 *
 * 1. A child process writes N experts (default 100 000) to a CSV file —
 *    Chinese names, titles, one to three of the sixteen industry clusters
 *    plus keywords, affiliations with valid credit codes, résumés of about
 *    forty characters with some Latin letters and digits — and imports them
 *    the way the page does, in one transaction (cwb_expert_registry_preview_import
 *    and cwb_expert_registry_apply_import). The file and the import are timed.
 * 2. This process opens the store and times opening the registry: the
 *    store, the registry, the list of the empty query, its n_items and its
 *    first page of 50 items.
 * 3. It simulates a user typing: words drawn from the data (surnames,
 *    names, clusters, keywords, places, units, résumé phrases, Latin/digit
 *    terms) and words that match nothing, each typed one character at a
 *    time. Every keystroke is one query: a new list from cwb_expert_registry_search,
 *    its n_items and its first 50 items (what the page shows). A word drawn
 *    from the data must find someone, a miss no one. It prints the median,
 *    p95 and maximum per keystroke, overall and by the query's length, and
 *    the peak RSS (getrusage). Target: p95 < 30 ms.
 */
#define G_LOG_DOMAIN "bench-experts"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <cwb.h>

#include "cwb-expert-registry.h"

#define FIRST_PAGE 50
#define TARGET_P95_MS 30.0

static const char * const clusters[] = {
  "石化新材料", "数字经济", "生物医药", "核电产业", "海上风电", "现代种业",
  "深海科技", "航天产业", "新能源汽车", "高端食品和农产品加工", "现代渔业",
  "油气勘探生产服务", "医疗康养", "新型建筑", "节能环保", "智能制造",
};

/* keywords of each cluster, in the order above */
static const char * const keywords[][4] = {
  { "高分子材料", "催化剂", "乙烯裂解", "可降解塑料" },
  { "人工智能", "5G通信", "大数据", "区块链" },
  { "中药现代化", "疫苗研发", "抗体药物", "基因检测" },
  { "核安全", "小型堆", "辐射防护", "核燃料" },
  { "风电机组", "漂浮式基础", "海缆", "并网技术" },
  { "水稻育种", "南繁育制种", "分子标记", "热带果蔬" },
  { "深海装备", "水下机器人", "海洋工程", "深海探测" },
  { "卫星遥感", "火箭发射", "北斗导航", "航天育种" },
  { "动力电池", "氢燃料电池", "智能网联", "充电设施" },
  { "热带水果加工", "冷链物流", "食品安全", "椰子深加工" },
  { "深远海养殖", "水产育种", "渔业资源", "海洋牧场" },
  { "LNG储运", "油气勘探", "钻井工程", "CO2驱油" },
  { "康复医学", "健康管理", "中医养生", "老年医学" },
  { "装配式建筑", "BIM技术", "绿色建材", "抗台风结构" },
  { "污水处理", "碳中和", "固废利用", "生态修复" },
  { "工业机器人", "数字孪生", "数控机床", "3D打印" },
};

/* surnames, the common ones repeated (a rough frequency) */
static const char * const surnames[] = {
  "王", "王", "王", "李", "李", "李", "张", "张", "张", "刘", "刘", "陈", "陈",
  "杨", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何",
  "林", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓",
  "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
  "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "符", "云", "吉",
  "欧阳", "司马", "诸葛",
};

static const char given_chars[] =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红晓东海波宁"
  "辉鹏飞玉兰春梅文斌浩然子涵雨轩思远宇航嘉怡欣怡俊杰梓萱一鸣振华德明立新卫东"
  "建军丽娟永刚凤英少华光明学文";

static const struct {
  const char    *title;
  CwbExpertLevel level;
} titles[] = {
  { "研究员", CWB_EXPERT_LEVEL_SENIOR },
  { "教授", CWB_EXPERT_LEVEL_SENIOR },
  { "正高级工程师", CWB_EXPERT_LEVEL_SENIOR },
  { "主任医师", CWB_EXPERT_LEVEL_SENIOR },
  { "副研究员", CWB_EXPERT_LEVEL_ASSOCIATE },
  { "副教授", CWB_EXPERT_LEVEL_ASSOCIATE },
  { "高级工程师", CWB_EXPERT_LEVEL_ASSOCIATE },
  { "副主任医师", CWB_EXPERT_LEVEL_ASSOCIATE },
  { "助理研究员", CWB_EXPERT_LEVEL_INTERMEDIATE },
  { "讲师", CWB_EXPERT_LEVEL_INTERMEDIATE },
  { "工程师", CWB_EXPERT_LEVEL_INTERMEDIATE },
  { "技术顾问", CWB_EXPERT_LEVEL_OTHER },
};

static const char * const cities[] = {
  "海口", "三亚", "儋州", "琼海", "文昌", "万宁", "东方", "五指山", "澄迈",
  "陵水", "乐东", "定安", "屯昌", "临高", "昌江", "保亭", "琼中", "白沙", "洋浦",
};

static const char * const universities[] = {
  "海南大学", "海南师范大学", "海南医学院", "海南热带海洋学院", "琼台师范学院",
  "三亚学院", "海口经济学院", "海南科技职业大学", "中国热带农业科学院",
  "中国科学院深海科学与工程研究所", "海南省农业科学院", "海南省海洋与渔业科学院",
};

static const char * const brands[] = {
  "蓝海", "椰风", "南繁", "琼州", "鹿城", "椰城", "天涯", "星海", "金棕榈", "绿岛",
  "凤凰", "鸿泰", "华信", "远景", "中汇", "博远", "新华", "泰和", "瑞丰", "海航",
};

static const char * const unit_kinds[] = {
  "科技有限公司", "研究院", "工程技术有限公司", "生物科技有限公司", "新材料股份有限公司",
  "技术研究所", "实业有限公司", "检测中心",
};

static const char * const resume_starts[] = {
  "长期从事%s研究，", "主要研究方向为%s，", "致力于%s技术攻关，", "从事%s领域工作二十年，",
};

static const char * const resume_middles[] = {
  "主持国家重点研发计划项目%u项，", "主持国家自然科学基金项目%u项，",
  "承担省重点研发专项%u项，", "获授权发明专利%u件，", "发表SCI论文%u篇，",
};

static const char * const resume_ends[] = {
  "获海南省科学技术进步奖一等奖。", "入选海南省领军人才。", "牵头制定行业标准两项。",
  "带领团队完成成果转化。", "兼任省级重点实验室主任。", "参与南海深海探测任务。",
};

/* words that occur nowhere in the data */
static const char * const misses[] = {
  "量子纠缠", "区块链金融", "喵星人", "Zeta", "xq9", "H2O2", "火星基地",
  "冰川", "Kubernetes", "7nm芯片", "沙漠治理",
};

/* the credit code of unit @serial (0 …): an enterprise or an institution
 * registered in a Hainan division */
static char *
make_uscc (guint    serial,
           gboolean institution)
{
  static const char * const divisions[] = { "460100", "460200", "460300", "469001", "469005" };
  char code[CWB_USCC_LENGTH + 1];

  g_snprintf (code, sizeof code, "%s%s%09u0", institution ? "12" : "91",
              divisions[serial % G_N_ELEMENTS (divisions)], 100000000 + serial);
  code[17] = cwb_uscc_compute_check_char (code);
  return g_strdup (code);
}

typedef struct {
  char *name;
  char *uscc;
} Unit;

static GArray *
make_units (GRand *rand,
            guint  n_units)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));

  for (guint i = 0; i < G_N_ELEMENTS (universities); i++)
    {
      Unit unit = { g_strdup (universities[i]), make_uscc (units->len, TRUE) };

      g_array_append_val (units, unit);
      g_hash_table_add (names, unit.name);
    }

  while (units->len < n_units)
    {
      Unit unit;
      const char *city = cities[g_rand_int_range (rand, 0, G_N_ELEMENTS (cities))];
      const char *brand = brands[g_rand_int_range (rand, 0, G_N_ELEMENTS (brands))];
      guint kind = g_rand_int_range (rand, 0, G_N_ELEMENTS (unit_kinds));
      guint cluster = g_rand_int_range (rand, 0, G_N_ELEMENTS (clusters));
      g_autofree char *name = g_strdup_printf ("海南%s%s%s%s", city, brand,
                                               g_rand_boolean (rand) ? clusters[cluster] : "",
                                               unit_kinds[kind]);

      if (g_hash_table_contains (names, name))
        continue;
      unit.name = g_steal_pointer (&name);
      unit.uscc = make_uscc (units->len, kind == 1 || kind == 5 || kind == 7);
      g_array_append_val (units, unit);
      g_hash_table_add (names, unit.name);
    }

  return units;
}

static char *
make_name (GRand *rand)
{
  GString *name = g_string_new (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))]);
  glong n_given = g_utf8_strlen (given_chars, -1);
  guint length = g_rand_int_range (rand, 0, 10) < 3 ? 1 : 2;

  for (guint i = 0; i < length; i++)
    {
      const char *c = g_utf8_offset_to_pointer (given_chars, g_rand_int_range (rand, 0, n_given));

      g_string_append_len (name, c, g_utf8_next_char (c) - c);
    }

  return g_string_free (name, FALSE);
}

static char *
make_resume (GRand      *rand,
             const char *keyword)
{
  GString *resume = g_string_new (NULL);
  const char *middle = resume_middles[g_rand_int_range (rand, 0, G_N_ELEMENTS (resume_middles))];
  const char *middle2 = resume_middles[g_rand_int_range (rand, 0, G_N_ELEMENTS (resume_middles))];

  g_string_append_printf (resume, resume_starts[g_rand_int_range (rand, 0, G_N_ELEMENTS (resume_starts))],
                          keyword);
  g_string_append_printf (resume, middle, (guint) g_rand_int_range (rand, 1, 30));
  if (middle2 != middle)
    g_string_append_printf (resume, middle2, (guint) g_rand_int_range (rand, 1, 30));
  g_string_append (resume, resume_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (resume_ends))]);

  return g_string_free (resume, FALSE);
}

static void
csv_cell (GString    *out,
          const char *text,
          gboolean    last)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

/* Writes @n_experts experts, distinct by name and unit, to @path. */
static gboolean
write_csv (const char  *path,
           guint        n_experts,
           GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2022);
  g_autoptr(GArray) units = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF" "姓名,职称,职称级别,研究领域,统一社会信用代码,工作单位,电话,简历\r\n");
  guint n_units = MAX (n_experts / 50, G_N_ELEMENTS (universities) + 10);
  gboolean ok;

  units = make_units (rand, n_units);

  for (guint i = 0; i < n_experts; )
    {
      g_autofree char *name = make_name (rand);
      /* the universities and institutes employ more experts */
      guint u = g_rand_int_range (rand, 0, 3) == 0
                ? (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (universities))
                : (guint) g_rand_int_range (rand, 0, units->len);
      Unit *unit = &g_array_index (units, Unit, u);
      g_autofree char *key = g_strdup_printf ("%s\n%s", name, unit->uscc);
      guint t = g_rand_int_range (rand, 0, G_N_ELEMENTS (titles));
      guint n_fields = g_rand_int_range (rand, 1, 4);
      guint cluster = g_rand_int_range (rand, 0, G_N_ELEMENTS (clusters));
      const char *keyword = keywords[cluster][g_rand_int_range (rand, 0, 4)];
      g_autoptr(GString) fields = g_string_new (clusters[cluster]);
      g_autofree char *resume = NULL;
      g_autofree char *phone = NULL;

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));

      g_string_append_printf (fields, "；%s", keyword);
      for (guint f = 1; f < n_fields; f++)
        g_string_append_printf (fields, "；%s", clusters[(cluster + f * 5) % G_N_ELEMENTS (clusters)]);
      resume = make_resume (rand, keyword);
      phone = g_strdup_printf ("13%09u", (guint) g_rand_int_range (rand, 0, 999999999));

      csv_cell (out, name, FALSE);
      csv_cell (out, titles[t].title, FALSE);
      csv_cell (out, cwb_expert_level_to_label (titles[t].level), FALSE);
      csv_cell (out, fields->str, FALSE);
      csv_cell (out, unit->uscc, FALSE);
      csv_cell (out, unit->name, FALSE);
      csv_cell (out, phone, FALSE);
      csv_cell (out, resume, TRUE);
      i++;
    }

  ok = g_file_set_contents (path, out->str, out->len, error);

  for (guint i = 0; i < units->len; i++)
    {
      g_free (g_array_index (units, Unit, i).name);
      g_free (g_array_index (units, Unit, i).uscc);
    }

  return ok;
}

/* the figures and words as UTF-8 whatever the locale */
static void
print_raw (const char *text)
{
  fputs (text, stdout);
  fflush (stdout);
}

static void
printerr_raw (const char *text)
{
  fputs (text, stderr);
}

static int
populate (const char *db,
          guint       n_experts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autofree char *csv = g_strconcat (db, ".csv", NULL);
  CwbExpertRegistry *experts;
  guint n_added = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  if (!write_csv (csv, n_experts, &error))
    goto fail;
  g_print ("generating the CSV of %u experts:    %8.1f ms\n", n_experts,
           (g_get_monotonic_time () - start) / 1000.0);

  if ((store = cwb_store_open (db, &error)) == NULL ||
      (experts = cwb_expert_registry_get_for_store (store, &error)) == NULL)
    goto fail;

  start = g_get_monotonic_time ();
  rows = cwb_expert_registry_preview_import (experts, csv, NULL, NULL, NULL, &error);
  if (rows == NULL)
    goto fail;
  g_print ("preview (read + check) of the file:   %8.1f ms\n",
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  if (!cwb_expert_registry_apply_import (experts, rows, NULL, NULL, NULL, &n_added, &error))
    goto fail;
  g_print ("import, one transaction:              %8.1f ms, %u experts\n",
           (g_get_monotonic_time () - start) / 1000.0, n_added);
  g_unlink (csv);

  if (n_added != n_experts || cwb_expert_registry_count (experts) != n_experts)
    {
      g_printerr ("bench-experts: %u of %u rows were imported\n", n_added, n_experts);
      return 1;
    }

  return 0;

fail:
  g_printerr ("bench-experts: %s\n", error->message);
  g_unlink (csv);
  return 1;
}

static int
run_self (const char *self,
          const char *db,
          guint       n_experts)
{
  g_autofree char *n = g_strdup_printf ("%u", n_experts);
  const char *argv[] = { self, "--populate", db, n, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error))
    {
      g_printerr ("bench-experts: %s\n", error->message);
      return 1;
    }
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* typing                                                              */

typedef struct {
  char    *text;
  guint    length;  /* characters, without spaces */
  gboolean miss;    /* the word matches no one */
  gboolean hit;     /* the word is in the data: it finds someone */
  double   ms;
  guint    n_items;
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->text);
  g_free (query);
}

/* Every prefix of @word, as typed one character at a time. */
static void
type_word (GPtrArray  *queries,
           const char *word,
           gboolean    miss,
           gboolean    hit)
{
  for (const char *end = g_utf8_next_char (word); ; end = g_utf8_next_char (end))
    {
      Query *query = g_new0 (Query, 1);

      query->text = g_strndup (word, end - word);
      for (const char *p = query->text; *p != '\0'; p = g_utf8_next_char (p))
        if (*p != ' ')
          query->length++;
      /* only the whole word is sure to miss: its prefixes may be found */
      query->miss = miss && *end == '\0';
      query->hit = hit;
      g_ptr_array_add (queries, query);

      if (*end == '\0')
        break;
    }
}

static const char *
pick (GRand              *rand,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (rand, 0, n_words)];
}

#define PICK(rand, array) pick (rand, array, G_N_ELEMENTS (array))

/* The words a user types, drawn from the data, and misses, until there
 * are at least @n_queries keystrokes. */
static GPtrArray *
make_queries (guint n_queries)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GPtrArray *queries = g_ptr_array_new_with_free_func (query_free);
  static const char * const latin[] = { "5G", "5G通信", "LNG", "LNG储运", "CO2", "BIM", "SCI", "3D打印", "5g" };
  static const char * const phrases[] = { "重点研发", "发明专利", "领军人才", "成果转化", "科学技术进步奖", "重点实验室" };
  static const char * const two_words[] = { "海南 深海", "三亚 育种", "研究 电池", "海口 SCI" };
  guint round = 0;

  while (queries->len < n_queries)
    {
      g_autofree char *word = NULL;
      gboolean miss = FALSE;
      gboolean hit = TRUE;

      switch (round++ % 12)
        {
        case 0: case 1:
          word = make_name (rand);  /* a name, mostly in the data */
          hit = FALSE;
          break;
        case 2:
          word = g_strdup (PICK (rand, surnames));
          break;
        case 3:
          word = g_strdup (PICK (rand, clusters));
          break;
        case 4:
          {
            guint c = g_rand_int_range (rand, 0, G_N_ELEMENTS (clusters));
            word = g_strdup (keywords[c][g_rand_int_range (rand, 0, 4)]);
          }
          break;
        case 5:
          word = g_strdup (PICK (rand, cities));
          break;
        case 6:
          word = g_strdup (PICK (rand, universities));
          break;
        case 7:
          word = g_strdup (PICK (rand, phrases));
          break;
        case 8:
          word = g_strdup (PICK (rand, latin));
          break;
        case 9: case 10:
          word = g_strdup (PICK (rand, misses));
          miss = TRUE;
          hit = FALSE;
          break;
        case 11:
          word = g_strdup (PICK (rand, two_words));
          break;
        }

      type_word (queries, word, miss, hit);
    }

  return queries;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0;
  i = (guint) (p * (sorted->len - 1) + 0.5);
  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
print_stats (const char *label,
             GPtrArray  *queries,
             guint       min_length,
             guint       max_length,
             double     *p95)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (query->length >= min_length && query->length <= max_length)
        g_array_append_val (times, query->ms);
    }
  g_array_sort (times, compare_double);

  g_print ("  %-22s %5u queries  median %7.2f ms  p95 %7.2f ms  max %7.2f ms\n",
           label, times->len, percentile (times, 0.5), percentile (times, 0.95),
           times->len > 0 ? g_array_index (times, double, times->len - 1) : 0.0);
  if (p95 != NULL)
    *p95 = percentile (times, 0.95);
}

/* One keystroke: what the page does for it. */
static gboolean
run_query (CwbExpertRegistry *experts,
           Query             *query)
{
  g_autoptr(CwbExpertList) list = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n;

  list = cwb_expert_registry_search (experts, query->text);
  query->n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  n = MIN (query->n_items, FIRST_PAGE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (expert == NULL)
        {
          g_printerr ("bench-experts: “%s” has no item %u of %u\n", query->text, i, query->n_items);
          return FALSE;
        }
    }
  query->ms = (g_get_monotonic_time () - start) / 1000.0;

  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwbStore) store = NULL;
  g_autoptr(CwbExpertList) all = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *self = NULL;
  CwbExpertRegistry *experts;
  guint n_experts = 100000, n_queries = 600, n_all, n_misses = 0;
  struct rusage usage;
  Query *slowest = NULL;
  double t_open, t_page, p95 = 0;
  gint64 start;
  int status = 0;

  g_set_print_handler (print_raw);
  g_set_printerr_handler (printerr_raw);

  if (argc == 4 && strcmp (argv[1], "--populate") == 0)
    return populate (argv[2], (guint) atoi (argv[3]));
  if (argc > 1)
    n_experts = (guint) atoi (argv[1]);
  if (argc > 2)
    n_queries = (guint) atoi (argv[2]);
  if (n_experts < 1000 || n_queries < 10)
    {
      g_printerr ("usage: bench-experts [N-EXPERTS >= 1000] [N-QUERIES >= 10]\n");
      return 64;
    }

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  /* CWB_BENCH_EXPERTS_DB: a database to keep between runs, populated if
   * it does not exist yet */
  if (g_getenv ("CWB_BENCH_EXPERTS_DB") != NULL)
    db = g_strdup (g_getenv ("CWB_BENCH_EXPERTS_DB"));
  else if ((tmpdir = g_dir_make_tmp ("cwb-bench-experts-XXXXXX", &error)) != NULL)
    db = g_build_filename (tmpdir, "workbench.db", NULL);
  else
    {
      g_printerr ("bench-experts: %s\n", error->message);
      return 1;
    }

  if (!g_file_test (db, G_FILE_TEST_EXISTS) && run_self (self, db, n_experts) != 0)
    return 1;

  /* opening the registry: what the page shows first */
  start = g_get_monotonic_time ();
  if ((store = cwb_store_open (db, &error)) == NULL ||
      (experts = cwb_expert_registry_get_for_store (store, &error)) == NULL)
    {
      g_printerr ("bench-experts: %s\n", error->message);
      return 1;
    }
  t_open = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  all = cwb_expert_registry_search (experts, "");
  n_all = g_list_model_get_n_items (G_LIST_MODEL (all));
  for (guint i = 0; i < MIN (n_all, FIRST_PAGE); i++)
    {
      g_autoptr(CwbExpert) expert = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert (expert != NULL);
    }
  t_page = (g_get_monotonic_time () - start) / 1000.0;
  g_clear_object (&all);
  if (n_all != n_experts)
    {
      g_printerr ("bench-experts: the registry lists %u experts, expected %u\n", n_all, n_experts);
      return 1;
    }

  g_print ("experts in the registry:              %8u\n", n_all);
  g_print ("open store + registry:                %8.1f ms\n", t_open);
  g_print ("empty query: list + n_items + %u:     %8.1f ms\n", FIRST_PAGE, t_page);

  /* typing */
  queries = make_queries (n_queries);
  for (guint i = 0; i < queries->len; i++)
    {
      Query *query = g_ptr_array_index (queries, i);

      if (!run_query (experts, query))
        return 1;
      if (slowest == NULL || query->ms > slowest->ms)
        slowest = query;
      if (query->miss)
        {
          n_misses++;
          if (query->n_items != 0)
            {
              g_printerr ("bench-experts: “%s” should find no one, found %u\n", query->text, query->n_items);
              status = 1;
            }
        }
      if (query->hit && query->n_items == 0)
        {
          g_printerr ("bench-experts: “%s” is in the data but found no one\n", query->text);
          status = 1;
        }
    }

  g_print ("keystrokes (list + n_items + first %u items), %u queries, %u of them misses:\n",
           FIRST_PAGE, queries->len, n_misses);
  print_stats ("all", queries, 0, G_MAXUINT, &p95);
  print_stats ("1 character", queries, 1, 1, NULL);
  print_stats ("2 characters", queries, 2, 2, NULL);
  print_stats ("3 characters", queries, 3, 3, NULL);
  print_stats ("4 or more characters", queries, 4, G_MAXUINT, NULL);
  g_print ("  slowest: “%s”, %.2f ms, %u found\n", slowest->text, slowest->ms, slowest->n_items);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS (getrusage):                 %8ld KiB\n", usage.ru_maxrss);
  g_print ("target p95 < %.0f ms per keystroke:     %s (%.2f ms)\n", TARGET_P95_MS,
           p95 < TARGET_P95_MS ? "met" : "MISSED", p95);

  g_clear_object (&store);
  if (tmpdir != NULL)
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (db);
      g_rmdir (tmpdir);
    }

  return status;
}
