/* cwb-format.h — money and dates the Chinese way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 元 → "6.2 亿元" at or above one 亿, "2,000 万元" / "12.5 万元" at or above one
 * 万, else "5,000 元" (translated); up to two decimals, truncated (never
 * rounded up past a threshold), no trailing zeros; negative with "-". */
char     *cwb_format_money      (gint64       yuan);
/* the exact sum of @n_amounts amounts of 元, each ≥ 0, formatted as by
 * cwb_format_money(), also where the sum exceeds G_MAXINT64 */
char     *cwb_format_money_sum  (const gint64 *amounts,
                                 gsize         n_amounts);
/* 元 → "62000" or "12.5": the figure in 万元 as typed into an entry */
char     *cwb_format_wan        (gint64       yuan);
/* "2000", "2,000.5", " 12 " (万元) → 元; CWB_ERROR_INVALID for anything else */
gboolean  cwb_parse_wan         (const char  *text,
                                 gint64      *yuan,
                                 GError     **error);
/* TRUE if @text is NULL, empty or only white space (ASCII or Unicode, such
 * as the ideographic space U+3000): a field left blank */
gboolean  cwb_text_is_blank     (const char  *text);
/* @text without white space (U+3000 included) at either end; NULL gives ""
 * (transfer full) */
char     *cwb_text_dup_stripped (const char  *text);
/* TRUE if @iso is a real YYYY-MM-DD date */
gboolean  cwb_date_is_valid     (const char  *iso);
/* "2024-03-01" → "2024年3月1日" (translated format) */
char     *cwb_format_date       (const char  *iso);
/* 0.6 → "60%", 0.125 → "12.5%" */
char     *cwb_format_percent    (double       fraction);

G_END_DECLS
