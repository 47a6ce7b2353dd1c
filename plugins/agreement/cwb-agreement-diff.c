/* cwb-agreement-diff.c — what changed between two texts, character by character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-diff"

#include "config.h"

#include "cwb-agreement-diff.h"

#define MAX_CELLS 4000000

/* Byte offsets of each character, plus the end. */
static GArray *
char_offsets (const char *text)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = text;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize o = p - text;
      g_array_append_val (offsets, o);
    }
  {
    gsize o = p - text;
    g_array_append_val (offsets, o);
  }

  return offsets;
}

static gboolean
same_char (const char *a, GArray *ao, guint i,
           const char *b, GArray *bo, guint j)
{
  gsize la = g_array_index (ao, gsize, i + 1) - g_array_index (ao, gsize, i);
  gsize lb = g_array_index (bo, gsize, j + 1) - g_array_index (bo, gsize, j);

  return la == lb && memcmp (a + g_array_index (ao, gsize, i), b + g_array_index (bo, gsize, j), la) == 0;
}

typedef struct
{
  CwbAgreementDiffFunc func;
  gpointer             user_data;
  CwbAgreementDiffOp   op;
  const char          *start;
  gsize                length;
} Emitter;

/* Joins consecutive characters of one kind into a run. */
static void
emit (Emitter            *e,
      CwbAgreementDiffOp  op,
      const char         *text,
      gsize               length)
{
  if (length == 0)
    return;

  if (e->length > 0 && e->op == op && e->start + e->length == text)
    {
      e->length += length;
      return;
    }

  if (e->length > 0)
    e->func (e->op, e->start, e->length, e->user_data);
  e->op = op;
  e->start = text;
  e->length = length;
}

static void
emit_flush (Emitter *e)
{
  if (e->length > 0)
    e->func (e->op, e->start, e->length, e->user_data);
  e->length = 0;
}

/**
 * cwb_agreement_diff:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 * @func: (scope call): called for each run, in order
 * @user_data: passed to @func
 */
void
cwb_agreement_diff (const char           *old_text,
                    const char           *new_text,
                    CwbAgreementDiffFunc  func,
                    gpointer              user_data)
{
  const char *a = old_text != NULL ? old_text : "";
  const char *b = new_text != NULL ? new_text : "";
  g_autoptr(GArray) ao = NULL;
  g_autoptr(GArray) bo = NULL;
  Emitter e = { func, user_data, CWB_AGREEMENT_DIFF_SAME, NULL, 0 };
  guint n, m, pre = 0, suf = 0;

  g_return_if_fail (func != NULL);

  ao = char_offsets (a);
  bo = char_offsets (b);
  n = ao->len - 1;
  m = bo->len - 1;

  while (pre < n && pre < m && same_char (a, ao, pre, b, bo, pre))
    pre++;
  while (suf < n - pre && suf < m - pre && same_char (a, ao, n - 1 - suf, b, bo, m - 1 - suf))
    suf++;

#define A_AT(i) (a + g_array_index (ao, gsize, (i)))
#define B_AT(j) (b + g_array_index (bo, gsize, (j)))

  emit (&e, CWB_AGREEMENT_DIFF_SAME, a, g_array_index (ao, gsize, pre));

  {
    guint rn = n - pre - suf;      /* the changed middle */
    guint rm = m - pre - suf;

    if (rn == 0 || rm == 0 || (guint64) (rn + 1) * (rm + 1) > MAX_CELLS)
      {
        emit (&e, CWB_AGREEMENT_DIFF_REMOVED, A_AT (pre), A_AT (pre + rn) - A_AT (pre));
        emit (&e, CWB_AGREEMENT_DIFF_ADDED, B_AT (pre), B_AT (pre + rm) - B_AT (pre));
      }
    else
      {
        /* lcs[i][j]: the longest common subsequence of the middles' tails
         * from i and j */
        guint32 *lcs = g_new0 (guint32, (gsize) (rn + 1) * (rm + 1));
        guint i = 0, j = 0;

#define L(i, j) lcs[(gsize) (i) * (rm + 1) + (j)]
        for (guint ii = rn; ii-- > 0;)
          for (guint jj = rm; jj-- > 0;)
            L (ii, jj) = same_char (a, ao, pre + ii, b, bo, pre + jj)
                         ? L (ii + 1, jj + 1) + 1
                         : MAX (L (ii + 1, jj), L (ii, jj + 1));

        while (i < rn || j < rm)
          {
            if (i < rn && j < rm && same_char (a, ao, pre + i, b, bo, pre + j))
              {
                emit (&e, CWB_AGREEMENT_DIFF_SAME, A_AT (pre + i), A_AT (pre + i + 1) - A_AT (pre + i));
                i++, j++;
              }
            else if (i < rn && (j == rm || L (i + 1, j) >= L (i, j + 1)))
              {
                /* what went comes before what replaced it */
                emit (&e, CWB_AGREEMENT_DIFF_REMOVED, A_AT (pre + i), A_AT (pre + i + 1) - A_AT (pre + i));
                i++;
              }
            else
              {
                emit (&e, CWB_AGREEMENT_DIFF_ADDED, B_AT (pre + j), B_AT (pre + j + 1) - B_AT (pre + j));
                j++;
              }
          }
#undef L
        g_free (lcs);
      }
  }

  emit (&e, CWB_AGREEMENT_DIFF_SAME, A_AT (n - suf), A_AT (n) - A_AT (n - suf));
  emit_flush (&e);

#undef A_AT
#undef B_AT
}
