/* test-format.c — money, amounts in 万元, dates and percentages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests run under C.UTF-8, so the expected strings are the English msgids.
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "cwb-error.h"
#include "cwb-format.h"

typedef struct {
  gint64      yuan;
  const char *text;
} Money;

static void
test_money (void)
{
  static const Money cases[] = {
    { 0, "0 yuan" },
    { 1, "1 yuan" },
    { 5000, "5,000 yuan" },
    { 9999, "9,999 yuan" },
    { 10000, "1 ten thousand yuan" },
    { 125000, "12.5 ten thousand yuan" },
    { 123456, "12.34 ten thousand yuan" },
    { 20000000, "2,000 ten thousand yuan" },
    { 99999999, "9,999.99 ten thousand yuan" },
    { 100000000, "1 hundred million yuan" },
    { 250000000, "2.5 hundred million yuan" },
    { 499999999, "4.99 hundred million yuan" },
    { 500000000, "5 hundred million yuan" },
    { 620000000, "6.2 hundred million yuan" },
    { 123456789012, "1,234.56 hundred million yuan" },
    { -5000, "-5,000 yuan" },
    { -20000000, "-2,000 ten thousand yuan" },
    { -620000000, "-6.2 hundred million yuan" },
    { G_MAXINT64, "92,233,720,368.54 hundred million yuan" },
    { G_MININT64, "-92,233,720,368.54 hundred million yuan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cwb_format_money (cases[i].yuan);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* sums past G_MAXINT64 are exact; below it, as cwb_format_money() */
static void
test_money_sum (void)
{
  static const gint64 none[] = { 0 };
  static const gint64 small[] = { 6666666, 6666666, 6666668 };
  static const gint64 up_to_max[] = { G_MAXINT64 - 1, 1 };
  static const gint64 past_max[] = { G_MAXINT64, 1 };
  static const gint64 three_max[] = { G_MAXINT64, G_MAXINT64, G_MAXINT64 };
  static const gint64 carry[] = { 99999999, 99999999, G_MAXINT64 };
  const struct {
    const gint64 *amounts;
    gsize         n_amounts;
    const char   *text;
  } cases[] = {
    { none, 0, "0 yuan" },
    { small, G_N_ELEMENTS (small), "2,000 ten thousand yuan" },
    { up_to_max, G_N_ELEMENTS (up_to_max), "92,233,720,368.54 hundred million yuan" },
    { past_max, G_N_ELEMENTS (past_max), "92,233,720,368.54 hundred million yuan" },
    /* 27,670,116,110,564,327,421 元 */
    { three_max, G_N_ELEMENTS (three_max), "276,701,161,105.64 hundred million yuan" },
    /* 9,223,372,037,054,775,805 元: the 元 below one 亿 carry over */
    { carry, G_N_ELEMENTS (carry), "92,233,720,370.54 hundred million yuan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cwb_format_money_sum (cases[i].amounts, cases[i].n_amounts);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_wan (void)
{
  static const Money cases[] = {
    { 0, "0" },
    { 1, "0.0001" },
    { 5000, "0.5" },
    { 125000, "12.5" },
    { 620000000, "62000" },
    { 123456789, "12345.6789" },
    { -125000, "-12.5" },
    { G_MAXINT64, "922337203685477.5807" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cwb_format_wan (cases[i].yuan);
      g_autoptr(GError) error = NULL;
      gint64 yuan = -1;

      g_assert_cmpstr (text, ==, cases[i].text);

      /* what cwb_format_wan() writes, cwb_parse_wan() reads back */
      if (cases[i].yuan >= 0)
        {
          g_assert_true (cwb_parse_wan (text, &yuan, &error));
          g_assert_no_error (error);
          g_assert_cmpint (yuan, ==, cases[i].yuan);
        }
    }
}

typedef struct {
  const char *text;
  gint64      yuan;
} Parse;

static void
test_parse_wan (void)
{
  static const Parse cases[] = {
    { "2000", 20000000 },
    { "2,000", 20000000 },
    { "2,000.5", 20005000 },
    { " 12 ", 120000 },
    { "\t12.5\n", 125000 },
    { "1，200", 12000000 },
    { "1,234,567", 12345670000 },
    { "\xe3\x80\x80" "12" "\xe3\x80\x80", 120000 },
    { "0", 0 },
    { "0.0001", 1 },
    { "12345.6789", 123456789 },
    { "62000", 620000000 },
    { "922337203685477.5807", G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 yuan = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_true (cwb_parse_wan (cases[i].text, &yuan, &error));
      g_assert_no_error (error);
      g_assert_cmpint (yuan, ==, cases[i].yuan);
    }
}

typedef struct {
  const char *text;
  const char *message;
} Bad;

static void
test_parse_wan_invalid (void)
{
  static const char separators[] =
    "thousands separators must split the digits before the decimal point into groups of three, as in 12,000";
  static const Bad cases[] = {
    { "", "enter an amount in ten thousand yuan, such as 2,000 or 12.5" },
    { "   ", "enter an amount in ten thousand yuan, such as 2,000 or 12.5" },
    { "-5", "the amount cannot be negative" },
    { " -0.5", "the amount cannot be negative" },
    { "12a", "“a” is not allowed in an amount: use digits, commas and a decimal point, such as 2,000 or 12.5" },
    { "十二", "“十” is not allowed in an amount: use digits, commas and a decimal point, such as 2,000 or 12.5" },
    { "1 000", "“ ” is not allowed in an amount: use digits, commas and a decimal point, such as 2,000 or 12.5" },
    { "+5", "“+” is not allowed in an amount: use digits, commas and a decimal point, such as 2,000 or 12.5" },
    { "1.23456", "an amount in ten thousand yuan has at most four decimals (one yuan)" },
    { "1,23", separators },
    { "12,34,567", separators },
    { "1234,567", separators },
    { ",123", separators },
    { "123,", separators },
    { "1,000.5,5", separators },
    { "1..2", "the amount has more than one decimal point" },
    { "1.2.3", "the amount has more than one decimal point" },
    { ".5", "the amount must start with a digit" },
    { "5.", "the decimal point must be followed by digits" },
    { "922337203685477.5808", "the amount is too large" },
    { "922337203685478", "the amount is too large" },
    { "99999999999999999999999", "the amount is too large" },
    { "12\xff", "the amount is not valid UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 yuan = 42;

      g_test_message ("“%s”", cases[i].text);
      g_assert_false (cwb_parse_wan (cases[i].text, &yuan, &error));
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (yuan, ==, 42);
    }
}

static void
test_date_valid (void)
{
  static const char * const valid[] = {
    "2024-03-01", "2024-02-29", "2000-02-29", "1999-12-31", "2008-05-12", "0001-01-01",
  };
  static const char * const invalid[] = {
    "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00",
    "2024-3-1", "2024-03-1", "2024/03/01", "20240301", "2024-03-01 ", " 2024-03-01",
    "2024-03-01T00:00", "0000-01-01", "", "yyyy-mm-dd", "２０２４-03-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (cwb_date_is_valid (valid[i]));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (cwb_date_is_valid (invalid[i]));
    }

  g_assert_false (cwb_date_is_valid (NULL));
}

static void
test_format_date (void)
{
  g_autofree char *date = cwb_format_date ("2024-03-01");
  g_autofree char *leap = cwb_format_date ("2024-02-29");
  g_autofree char *bad = cwb_format_date ("2024-02-30");
  g_autofree char *garbage = cwb_format_date ("soon");

  /* the English msgid "%d-%02d-%02d"; zh_CN makes it "2024年3月1日" */
  g_assert_cmpstr (date, ==, "2024-03-01");
  g_assert_cmpstr (leap, ==, "2024-02-29");
  /* not a date: shown as it is */
  g_assert_cmpstr (bad, ==, "2024-02-30");
  g_assert_cmpstr (garbage, ==, "soon");
}

typedef struct {
  double      fraction;
  const char *text;
} Percent;

static void
test_percent (void)
{
  static const Percent cases[] = {
    { 0.6, "60%" },
    { 0.125, "12.5%" },
    { 0.5, "50%" },
    { 0.0, "0%" },
    { 1.0, "100%" },
    { 1.0 / 3.0, "33.33%" },
    { 2.0 / 3.0, "66.67%" },
    { 0.0001, "0.01%" },
    { 0.00001, "0%" },
    { 1.5, "150%" },
    { -0.25, "-25%" },
    { 0.07, "7%" },
    { 0.285, "28.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cwb_format_percent (cases[i].fraction);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *nan_text = cwb_format_percent (NAN);
    g_autofree char *inf_text = cwb_format_percent (INFINITY);

    g_assert_cmpstr (nan_text, ==, "–");
    g_assert_cmpstr (inf_text, ==, "–");
  }
}

static void
test_text_dup_stripped (void)
{
  const struct { const char *in, *out; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "  琼科〔2024〕12号 ", "琼科〔2024〕12号" },
    /* what g_strstrip() leaves: the ideographic space of a Chinese input method */
    { "\u3000琼科〔2024〕12号\u3000\u3000", "琼科〔2024〕12号" },
    { "\u3000\u3000", "" },
    { "海 南", "海 南" },
    { "\t海\u3000南\n", "海\u3000南" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = cwb_text_dup_stripped (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_text_is_blank (void)
{
  g_assert_true (cwb_text_is_blank (NULL));
  g_assert_true (cwb_text_is_blank (""));
  g_assert_true (cwb_text_is_blank (" \t\n"));
  /* the ideographic space, as a Chinese input method types it */
  g_assert_true (cwb_text_is_blank ("\u3000\u3000"));
  g_assert_false (cwb_text_is_blank ("a"));
  g_assert_false (cwb_text_is_blank (" 海 "));
  g_assert_false (cwb_text_is_blank ("\u3000x"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/text-is-blank", test_text_is_blank);
  g_test_add_func ("/format/text-dup-stripped", test_text_dup_stripped);
  g_test_add_func ("/format/money", test_money);
  g_test_add_func ("/format/money-sum", test_money_sum);
  g_test_add_func ("/format/wan", test_wan);
  g_test_add_func ("/format/parse-wan/valid", test_parse_wan);
  g_test_add_func ("/format/parse-wan/invalid", test_parse_wan_invalid);
  g_test_add_func ("/format/date/valid", test_date_valid);
  g_test_add_func ("/format/date/format", test_format_date);
  g_test_add_func ("/format/percent", test_percent);

  return g_test_run ();
}
