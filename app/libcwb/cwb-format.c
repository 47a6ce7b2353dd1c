/* cwb-format.c — money and dates the Chinese way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-format.h"

#define YUAN_PER_WAN G_GINT64_CONSTANT (10000)
#define YUAN_PER_YI  G_GINT64_CONSTANT (100000000)

/* Appends @whole with thousands separators, then @frac (of @digits digits)
 * without its trailing zeros. */
static void
append_number (GString *out,
               guint64  whole,
               guint64  frac,
               guint    digits,
               gboolean grouping)
{
  char buf[32];
  gsize len;

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, whole);
  len = strlen (buf);

  for (gsize i = 0; i < len; i++)
    {
      if (grouping && i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, buf[i]);
    }

  if (frac != 0 && digits > 0)
    {
      g_snprintf (buf, sizeof buf, "%0*" G_GUINT64_FORMAT, (int) digits, frac);
      len = strlen (buf);
      while (len > 0 && buf[len - 1] == '0')
        len--;
      g_string_append_c (out, '.');
      g_string_append_len (out, buf, len);
    }
}

/* |@value| / @unit, truncated to @digits decimals, as "1,234.5" with a
 * leading '-' when negative. Truncation never rounds a figure up past a
 * policy threshold (4.999 亿 shows as 4.99, not 5). */
static char *
format_in_unit (gint64 value,
                gint64 unit,
                guint  digits,
                gboolean grouping)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude;
  guint64 scale = 1;
  guint64 whole;
  guint64 frac;

  for (guint i = 0; i < digits; i++)
    scale *= 10;

  magnitude = value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
  whole = magnitude / (guint64) unit;
  frac = (magnitude % (guint64) unit) / ((guint64) unit / scale);

  if (value < 0 && (whole != 0 || frac != 0))
    g_string_append_c (out, '-');

  append_number (out, whole, frac, digits, grouping);

  return g_string_free (out, FALSE);
}

/**
 * cwb_format_money:
 * @yuan: an amount in 元
 *
 * Formats @yuan the way Chinese documents state money: in 亿元 with up to
 * two decimals at or above one 亿 ("6.2 亿元"), in 万元 with up to two
 * decimals at or above one 万 ("2,000 万元", "12.5 万元"), in 元 below
 * ("5,000 元", "0 元"). Decimals are truncated, never rounded up.
 *
 * Returns: (transfer full): the translated text
 */
char *
cwb_format_money (gint64 yuan)
{
  g_autofree char *number = NULL;
  guint64 magnitude = yuan < 0 ? (guint64) -(yuan + 1) + 1 : (guint64) yuan;

  if (magnitude >= (guint64) YUAN_PER_YI)
    {
      number = format_in_unit (yuan, YUAN_PER_YI, 2, TRUE);
      /* TRANSLATORS: %s is a number of 亿元 (10⁸ yuan), e.g. "6.2" */
      return g_strdup_printf (_("%s hundred million yuan"), number);
    }

  if (magnitude >= (guint64) YUAN_PER_WAN)
    {
      number = format_in_unit (yuan, YUAN_PER_WAN, 2, TRUE);
      /* TRANSLATORS: %s is a number of 万元 (10⁴ yuan), e.g. "2,000" */
      return g_strdup_printf (_("%s ten thousand yuan"), number);
    }

  number = format_in_unit (yuan, 1, 0, TRUE);
  /* TRANSLATORS: %s is a number of yuan (元), e.g. "5,000" */
  return g_strdup_printf (_("%s yuan"), number);
}

/**
 * cwb_format_money_sum:
 * @amounts: (array length=n_amounts): amounts in 元, none negative
 * @n_amounts: the number of @amounts
 *
 * Formats the sum of @amounts as cwb_format_money() would, exactly, also
 * where the sum does not fit in a #gint64 (a total over several years of
 * figures near %G_MAXINT64): "276,701,161,105.64 亿元".
 *
 * Returns: (transfer full): the translated text
 */
char *
cwb_format_money_sum (const gint64 *amounts,
                      gsize         n_amounts)
{
  g_autoptr(GString) number = g_string_new (NULL);
  guint64 yi = 0;
  guint64 rest = 0;

  g_return_val_if_fail (amounts != NULL || n_amounts == 0, NULL);

  /* in whole 亿 and the 元 below: neither part can overflow */
  for (gsize i = 0; i < n_amounts; i++)
    {
      g_return_val_if_fail (amounts[i] >= 0, NULL);

      yi += (guint64) (amounts[i] / YUAN_PER_YI);
      rest += (guint64) (amounts[i] % YUAN_PER_YI);
      if (rest >= (guint64) YUAN_PER_YI)
        {
          yi++;
          rest -= (guint64) YUAN_PER_YI;
        }
    }

  if (yi < (guint64) (G_MAXINT64 / YUAN_PER_YI))
    return cwb_format_money ((gint64) yi * YUAN_PER_YI + (gint64) rest);

  /* beyond a gint64 it is in 亿元, two decimals truncated */
  append_number (number, yi, rest / (guint64) (YUAN_PER_YI / 100), 2, TRUE);
  return g_strdup_printf (_("%s hundred million yuan"), number->str);
}

/**
 * cwb_format_wan:
 * @yuan: an amount in 元
 *
 * Returns: (transfer full): @yuan in 万元, exact, as typed into an entry:
 *   "62000", "12.5", "0.0001"; no thousands separators
 */
char *
cwb_format_wan (gint64 yuan)
{
  return format_in_unit (yuan, YUAN_PER_WAN, 4, FALSE);
}

static gboolean
is_space (const char *p,
          gsize      *len)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    {
      *len = 1;
      return TRUE;
    }

  /* U+3000 IDEOGRAPHIC SPACE, typed by Chinese input methods */
  if (strncmp (p, "\xe3\x80\x80", 3) == 0)
    {
      *len = 3;
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_comma (const char *p,
          gsize      *len)
{
  if (*p == ',')
    {
      *len = 1;
      return TRUE;
    }

  /* U+FF0C FULLWIDTH COMMA */
  if (strncmp (p, "\xef\xbc\x8c", 3) == 0)
    {
      *len = 3;
      return TRUE;
    }

  return FALSE;
}

/* Where an amount's text starts and ends once the spaces around it,
 * ASCII or ideographic, are left out */
static const char *
wan_trim (const char  *text,
          const char **end_out)
{
  const char *p = text;
  const char *end;
  gsize len;

  while (*p != '\0' && is_space (p, &len))
    p += len;

  end = p + strlen (p);
  for (;;)
    {
      gsize n = 0;

      /* step back over one trailing space, ASCII or ideographic */
      if (end > p && strchr (" \t\n\r", end[-1]) != NULL && end[-1] != '\0')
        n = 1;
      else if (end - p >= 3 && strncmp (end - 3, "\xe3\x80\x80", 3) == 0)
        n = 3;

      if (n == 0)
        break;
      end -= n;
    }

  *end_out = end;
  return p;
}

/* The digits read so far of an amount in 万元 */
typedef struct
{
  guint64  whole;
  guint64  frac;
  guint    n_int_digits;
  guint    n_frac_digits;
  guint    group_digits;
  gboolean grouped;
  gboolean seen_point;
} WanScan;

static gboolean
wan_too_large (GError **error)
{
  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("the amount is too large"));
  return FALSE;
}

static gboolean
wan_misplaced_comma (GError **error)
{
  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("thousands separators must split the digits before the decimal point into groups of three, as in 12,000"));
  return FALSE;
}

static gboolean
wan_scan_digit (WanScan  *scan,
                guint     digit,
                GError  **error)
{
  if (scan->seen_point)
    {
      if (scan->n_frac_digits == 4)
        {
          g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                               _("an amount in ten thousand yuan has at most four decimals (one yuan)"));
          return FALSE;
        }
      scan->frac = scan->frac * 10 + digit;
      scan->n_frac_digits++;
      return TRUE;
    }

  if (scan->whole > (G_MAXUINT64 - digit) / 10)
    return wan_too_large (error);
  scan->whole = scan->whole * 10 + digit;
  scan->n_int_digits++;
  scan->group_digits++;
  if (scan->grouped && scan->group_digits > 3)
    return wan_misplaced_comma (error);

  return TRUE;
}

static gboolean
wan_scan_point (WanScan  *scan,
                GError  **error)
{
  if (scan->seen_point)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the amount has more than one decimal point"));
      return FALSE;
    }
  if (scan->n_int_digits == 0)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the amount must start with a digit"));
      return FALSE;
    }
  if (scan->grouped && scan->group_digits != 3)
    return wan_misplaced_comma (error);
  scan->seen_point = TRUE;

  return TRUE;
}

/* Reads one character (a digit, a comma or the decimal point) at *@p and
 * steps past it */
static gboolean
wan_scan_char (WanScan     *scan,
               const char **p,
               GError     **error)
{
  gsize len;

  if (g_ascii_isdigit (**p))
    {
      guint digit = (guint) (**p - '0');

      *p += 1;
      return wan_scan_digit (scan, digit, error);
    }

  if (is_comma (*p, &len))
    {
      if (scan->seen_point || scan->n_int_digits == 0 ||
          (scan->grouped ? scan->group_digits != 3 : scan->group_digits > 3))
        return wan_misplaced_comma (error);
      scan->grouped = TRUE;
      scan->group_digits = 0;
      *p += len;
      return TRUE;
    }

  if (**p == '.')
    {
      *p += 1;
      return wan_scan_point (scan, error);
    }

  {
    char utf8[8] = { 0 };

    g_unichar_to_utf8 (g_utf8_get_char (*p), utf8);
    g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                 _("“%s” is not allowed in an amount: use digits, commas and a decimal point, such as 2,000 or 12.5"),
                 utf8);
    return FALSE;
  }
}

/**
 * cwb_parse_wan:
 * @text: an amount in 万元 as typed: "2000", "2,000.5", " 12 ", "1，200"
 * @yuan: (out): the amount in 元
 * @error: return location for a #GError
 *
 * Parses a non-negative amount in 万元 with optional thousands separators
 * (ASCII or full-width commas, in groups of three) and up to four
 * decimals, which makes it exact to the 元.
 *
 * Returns: %TRUE on success; on failure (%CWB_ERROR_INVALID) @yuan is
 *   left untouched
 */
gboolean
cwb_parse_wan (const char  *text,
               gint64      *yuan,
               GError     **error)
{
  WanScan scan = { 0 };
  const char *p;
  const char *end;
  guint64 frac;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (yuan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the amount is not valid UTF-8 text"));
      return FALSE;
    }

  p = wan_trim (text, &end);
  if (p == end)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("enter an amount in ten thousand yuan, such as 2,000 or 12.5"));
      return FALSE;
    }

  if (*p == '-' || strncmp (p, "\xef\xbc\x8d", 3) == 0 || strncmp (p, "\xe2\x88\x92", 3) == 0)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the amount cannot be negative"));
      return FALSE;
    }

  while (p < end)
    if (!wan_scan_char (&scan, &p, error))
      return FALSE;

  if (scan.n_int_digits == 0 || (scan.grouped && !scan.seen_point && scan.group_digits != 3))
    return wan_misplaced_comma (error);

  if (scan.seen_point && scan.n_frac_digits == 0)
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the decimal point must be followed by digits"));
      return FALSE;
    }

  frac = scan.frac;
  for (guint i = scan.n_frac_digits; i < 4; i++)
    frac *= 10;

  if (scan.whole > ((guint64) G_MAXINT64 - frac) / (guint64) YUAN_PER_WAN)
    return wan_too_large (error);

  *yuan = (gint64) (scan.whole * (guint64) YUAN_PER_WAN + frac);

  return TRUE;
}

static gboolean
parse_iso (const char *iso,
           int        *year,
           int        *month,
           int        *day)
{
  static const char pattern[] = "dddd-dd-dd";

  if (iso == NULL || strlen (iso) != sizeof pattern - 1)
    return FALSE;

  for (guint i = 0; i < sizeof pattern - 1; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (iso[i]) : iso[i] != pattern[i])
        return FALSE;
    }

  *year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  *month = (iso[5] - '0') * 10 + (iso[6] - '0');
  *day = (iso[8] - '0') * 10 + (iso[9] - '0');

  return g_date_valid_dmy (*day, *month, *year);
}

/**
 * cwb_text_is_blank:
 * @text: (nullable): a text
 *
 * Returns: %TRUE if @text is %NULL, empty or only white space, the
 *   ideographic space U+3000 included
 */
gboolean
cwb_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * cwb_text_dup_stripped:
 * @text: (nullable): a text
 *
 * What a form keeps of a typed field: g_strstrip() removes only ASCII
 * white space, and a Chinese input method types the ideographic space
 * U+3000.
 *
 * Returns: (transfer full): @text without Unicode white space at either
 *   end; "" for %NULL
 */
char *
cwb_text_dup_stripped (const char *text)
{
  const char *start = text != NULL ? text : "";
  const char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/**
 * cwb_date_is_valid:
 * @iso: (nullable): a date
 *
 * Returns: %TRUE if @iso is a real calendar date written exactly as
 *   YYYY-MM-DD
 */
gboolean
cwb_date_is_valid (const char *iso)
{
  int year, month, day;

  return parse_iso (iso, &year, &month, &day);
}

/**
 * cwb_format_date:
 * @iso: a YYYY-MM-DD date
 *
 * Returns: (transfer full): the date for display, "2024年3月1日" in Chinese;
 *   a copy of @iso when it is not a valid date
 */
char *
cwb_format_date (const char *iso)
{
  int year, month, day;

  g_return_val_if_fail (iso != NULL, NULL);

  if (!parse_iso (iso, &year, &month, &day))
    return g_strdup (iso);

  /* TRANSLATORS: a date: year, month, day; zh_CN: "%d年%d月%d日" */
  return g_strdup_printf (_("%d-%02d-%02d"), year, month, day);
}

/**
 * cwb_format_percent:
 * @fraction: a ratio, 0.6 for 60%
 *
 * Returns: (transfer full): the percentage with up to two decimals and no
 *   trailing zeros: "60%", "12.5%", "33.33%"
 */
char *
cwb_format_percent (double fraction)
{
  GString *out;
  double hundredths;
  guint64 magnitude;

  if (!isfinite (fraction))
    return g_strdup ("–");

  hundredths = round (fraction * 10000.0);
  if (fabs (hundredths) > 1e18)
    return g_strdup ("–");

  out = g_string_new (NULL);
  if (hundredths < 0)
    g_string_append_c (out, '-');

  magnitude = (guint64) fabs (hundredths);
  append_number (out, magnitude / 100, magnitude % 100, 2, FALSE);
  g_string_append_c (out, '%');

  return g_string_free (out, FALSE);
}
