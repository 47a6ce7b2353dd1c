/* bench-agreement-pdf.c — the formation agreement of a 200-member consortium as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-agreement-pdf [N-MEMBERS=200] [RUNS=5]
 *
 * Builds a consortium of N members (the first the lead; names of the usual
 * length, some long enough to wrap in a signature block) whose nine articles
 * hold clause texts of a realistic length with variables to fill, then
 * writes its agreement to a PDF in a temp dir RUNS times and prints each
 * run's time, the median, the page count and the file's size. A run is the
 * whole of cwb_agreement_document_write_pdf(): filling the variables,
 * laying out, paginating, drawing, embedding the CJK font subsets, writing
 * and renaming the file.
 */
#define G_LOG_DOMAIN "bench-agreement-pdf"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include <cwb.h>

#include "cwb-agreement-document.h"
#include "cwb-agreement.h"

#define CONSORTIUM_NAME "海南省深海装备基准创新联合体"

/* about 400 characters an article, with variables to fill */
static const char *clause =
  "各方同意共同组建${consortium_name}，由${lead_name}牵头，${member_count}家成员单位参加。"
  "联合体以市场需求为导向，围绕产业链的重大科学问题和产业共性关键技术开展联合攻关，"
  "在有效期${term}内力争突破一批关键核心技术，形成一批具有自主知识产权的标志性成果和战略性产品，"
  "牵头或参与制定相关技术标准、产品标准或行业标准，推动科技成果在海南转化落地。\n"
  "各成员单位应当按照实施方案确定的任务分工，按期完成所承担的攻关任务，按约定投入研发经费、"
  "人员和设施，对在合作中知悉的其他成员单位的商业秘密和技术秘密负有保密义务；"
  "未按约定履行义务的，应当在决策机构规定的期限内改正，并赔偿由此给其他成员单位造成的直接经济损失。"
  "具体攻关方向、阶段目标和考核指标以联合体实施方案为准，实施方案是本协议的组成部分。";

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static CwbConsortium *
make_consortium (guint n_members)
{
  static const char *cities[] = { "海口", "三亚", "儋州", "琼海", "文昌", "洋浦" };
  static const char *trades[] = { "深海装备制造", "海洋工程技术研究", "智能感知", "新材料",
                                  "水下机器人与无人系统集成应用" };
  CwbConsortium *consortium = cwb_consortium_new ();
  g_autoptr(CwbAgreement) agreement = cwb_agreement_new ();
  g_autoptr(GError) error = NULL;

  cwb_consortium_set_name (consortium, CONSORTIUM_NAME);
  for (guint i = 0; i < n_members; i++)
    {
      g_autoptr(CwbMember) member = cwb_member_new ();
      g_autofree char *name = g_strdup_printf ("%s%s%u有限公司", cities[i % G_N_ELEMENTS (cities)],
                                               trades[i % G_N_ELEMENTS (trades)], i + 1);
      char code[CWB_USCC_LENGTH + 1];

      g_snprintf (code, sizeof code, "91460100%09u", i + 1);
      code[17] = cwb_uscc_compute_check_char (code);
      code[18] = '\0';
      cwb_member_set_uscc (member, code);
      cwb_member_set_name (member, name);
      cwb_member_set_lead (member, i == 0);
      cwb_consortium_add_member (consortium, member);
    }

  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    if (!cwb_agreement_set_text (agreement, i, clause, &error))
      g_error ("%s", error->message);
  cwb_agreement_apply_to_consortium (agreement, consortium);

  return consortium;
}

int
main (int    argc,
      char **argv)
{
  guint n_members = argc > 1 ? (guint) atoi (argv[1]) : 200;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autoptr(CwbConsortium) consortium = NULL;
  g_autoptr(CwbAgreement) agreement = NULL;
  g_autoptr(CwbDocumentLayout) layout = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  if (n_members < 1 || runs < 1)
    {
      g_printerr ("usage: bench-agreement-pdf [N-MEMBERS=200] [RUNS=5]\n");
      return 64;
    }

  dir = g_dir_make_tmp ("bench-agreement-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "agreement.pdf", NULL);

  consortium = make_consortium (n_members);
  agreement = cwb_agreement_new_for_consortium (consortium, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!cwb_agreement_document_write_pdf (agreement, consortium, NULL, path, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
      g_print ("run %u: %.1f ms\n", i + 1, ms);
    }

  g_array_sort (times, compare_doubles);
  layout = cwb_agreement_layout_new (agreement, consortium, NULL,
                                     CWB_AGREEMENT_PAGE_WIDTH, CWB_AGREEMENT_PAGE_HEIGHT);
  g_stat (path, &st);

  g_print ("agreement of %u members to PDF: median %.1f ms over %u runs "
           "(min %.1f, max %.1f); %d pages, %.0f KiB\n",
           n_members, g_array_index (times, double, runs / 2), runs,
           g_array_index (times, double, 0), g_array_index (times, double, runs - 1),
           cwb_document_layout_get_n_pages (layout), st.st_size / 1024.0);

  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
