/* test-uscc.c — unified social credit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "cwb-error.h"
#include "cwb-uscc.h"

/* Every credit code of the example files; their check characters are valid. */
static const char * const valid_codes[] = {
  "91460100000000118U",
  "91460100000000119Y",
  "9146010000000011A2",
  "9146010000000011B5",
  "9146010000000011C8",
  "9146010000000011DB",
  "9146010000000011EE",
  "9146010000000011FH",
  "9146010000000011GL",
  "9144010000000011HF",
  "9144010000000011NY",
  "9131010000000RT7NL",
  "9111010000000RTBX1",
  "9144030000000RTG5N",
  "9142010000000RTLCX",
  "9151010000000RTQKA",
  "9161010000000RTWTT",
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid_codes[i]);
      g_assert_true (cwb_uscc_validate (valid_codes[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (cwb_uscc_compute_check_char (valid_codes[i]), ==, valid_codes[i][17]);
    }
}

static void
test_compute (void)
{
  /* the check character of broken-uscc's members[2] should be 2 */
  g_assert_cmpint (cwb_uscc_compute_check_char ("9146010000000011A"), ==, '2');
  g_assert_cmpint (cwb_uscc_compute_check_char ("9146010000000011A0"), ==, '2');
  /* a check value of 0 maps to '0', not to 31 */
  for (guint i = 0; i < G_N_ELEMENTS (valid_codes); i++)
    g_assert_true (g_ascii_isalnum (cwb_uscc_compute_check_char (valid_codes[i])));

  g_assert_cmpint (cwb_uscc_compute_check_char (""), ==, '\0');
  g_assert_cmpint (cwb_uscc_compute_check_char ("9146010000000011"), ==, '\0');
  g_assert_cmpint (cwb_uscc_compute_check_char ("914601000000001IA"), ==, '\0');
  g_assert_cmpint (cwb_uscc_compute_check_char ("914601000000001aA"), ==, '\0');
}

/* Changing any one character of a valid code breaks its check character. */
static void
test_single_change_detected (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const char *code = "9146010000000011A2";

  for (guint pos = 8; pos < 17; pos++)
    for (const char *c = alphabet; *c != '\0'; c++)
      {
        g_autoptr(GError) error = NULL;
        char changed[19];

        if (*c == code[pos])
          continue;
        memcpy (changed, code, sizeof changed);
        changed[pos] = *c;
        g_assert_false (cwb_uscc_validate (changed, &error));
        g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
        g_assert_true (g_str_has_prefix (error->message, "check character is “2”, expected “"));
      }
}

typedef struct {
  const char *code;
  const char *message;
} Invalid;

static const Invalid invalid_codes[] = {
  { "", "a credit code has 18 characters, this one has 0" },
  { "9146010000000011A", "a credit code has 18 characters, this one has 17" },
  { "9146010000000011A22", "a credit code has 18 characters, this one has 19" },
  { "9146010000000011a2",
    "character 17 (“a”) is a lowercase letter; credit codes use uppercase letters" },
  { "91460100000000119y",
    "character 18 (“y”) is a lowercase letter; credit codes use uppercase letters" },
  { "914601000000001IA2",
    "character 16 (“I”) is not allowed: credit codes never use I, O, S, V or Z" },
  { "9146010000000011O2",
    "character 17 (“O”) is not allowed: credit codes never use I, O, S, V or Z" },
  { "9146010000000011A-",
    "character 18 (“-”) is not allowed in a credit code (digits and uppercase letters only)" },
  { "9146010000000011A中",
    "character 18 (“中”) is not allowed in a credit code (digits and uppercase letters only)" },
  { "9146010000000011A ",
    "character 18 (“ ”) is not allowed in a credit code (digits and uppercase letters only)" },
  { "0146010000000011A2", "character 1 (“0”) is not a registration authority code" },
  { "B146010000000011A2", "character 1 (“B”) is not a registration authority code" },
  { "9046010000000011A2",
    "character 2 (“0”) is not an organization kind code (a digit from 1 to 9)" },
  { "91A60100000000118U",
    "characters 3–8 (“A60100”) must be six digits, the administrative division code" },
  { "9146010X000000118U",
    "characters 3–8 (“46010X”) must be six digits, the administrative division code" },
  { "9146010000000011A0", "check character is “0”, expected “2”" },
  { "91460100000000118Y", "check character is “Y”, expected “U”" },
  { "91460100000000119X", "check character is “X”, expected “Y”" },
};

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_codes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("“%s”", invalid_codes[i].code);
      g_assert_false (cwb_uscc_validate (invalid_codes[i].code, &error));
      g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, invalid_codes[i].message);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (cwb_uscc_validate ("9146010000000011A\xff", &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "the credit code is not valid UTF-8 text");
}

static void
test_hainan (void)
{
  g_assert_true (cwb_uscc_is_hainan ("91460100000000118U"));
  g_assert_true (cwb_uscc_is_hainan ("9146010000000011A2"));
  g_assert_true (cwb_uscc_is_hainan ("12460000MB0000000X"));
  g_assert_false (cwb_uscc_is_hainan ("9144010000000011HF"));
  g_assert_false (cwb_uscc_is_hainan ("9131010000000RT7NL"));
  g_assert_false (cwb_uscc_is_hainan ("9164010000000011HF"));
  g_assert_false (cwb_uscc_is_hainan ("914"));
  g_assert_false (cwb_uscc_is_hainan (""));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/uscc/valid", test_valid);
  g_test_add_func ("/uscc/compute", test_compute);
  g_test_add_func ("/uscc/single-change-detected", test_single_change_detected);
  g_test_add_func ("/uscc/invalid", test_invalid);
  g_test_add_func ("/uscc/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/uscc/hainan", test_hainan);

  return g_test_run ();
}
