/* cwb-uscc.c — unified social credit codes (统一社会信用代码, GB 32100-2015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-uscc"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cwb-error.h"
#include "cwb-uscc.h"

/* GB 32100-2015: the code's 31 characters, in the order of their values */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* 3^(i) mod 31 for positions 1–17 */
static const guint8 weights[CWB_USCC_LENGTH - 1] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

/* Registration authority codes (character 1) of GB 32100-2015 and its
 * amendments: 1–9, A (central military commission), N (agriculture),
 * Y (other). */
static const char authorities[] = "123456789ANY";

/* A character's value + 1 in the alphabet, 0 for a character not in it:
 * a table rather than strchr(), since every member of every file checked
 * passes here */
static const guint8 values[128] = {
  ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
  ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
  ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
  ['G'] = 17, ['H'] = 18, ['J'] = 19, ['K'] = 20, ['L'] = 21, ['M'] = 22,
  ['N'] = 23, ['P'] = 24, ['Q'] = 25, ['R'] = 26, ['T'] = 27, ['U'] = 28,
  ['W'] = 29, ['X'] = 30, ['Y'] = 31,
};

static int
char_value (char c)
{
  guchar u = (guchar) c;

  return u < G_N_ELEMENTS (values) ? (int) values[u] - 1 : -1;
}

/* Whether @code is 18 characters of the alphabet: then the slow checks
 * that say what is wrong with a character are not needed */
static gboolean
is_in_alphabet (const char *code)
{
  for (guint i = 0; i < CWB_USCC_LENGTH; i++)
    if (char_value (code[i]) < 0)
      return FALSE;

  return code[CWB_USCC_LENGTH] == '\0';
}

char
cwb_uscc_compute_check_char (const char *code)
{
  guint sum = 0;

  g_return_val_if_fail (code != NULL, '\0');

  for (guint i = 0; i < CWB_USCC_LENGTH - 1; i++)
    {
      int value = char_value (code[i]);

      if (value < 0)
        return '\0';

      sum += (guint) value * weights[i];
    }

  return alphabet[(31 - sum % 31) % 31];
}

/* Fails saying what is wrong with @code's characters, if anything is */
static gboolean
explain_characters (const char  *code,
                    GError     **error)
{
  glong n_chars;
  const char *p;

  if (!g_utf8_validate (code, -1, NULL))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("the credit code is not valid UTF-8 text"));
      return FALSE;
    }

  n_chars = g_utf8_strlen (code, -1);
  if (n_chars != CWB_USCC_LENGTH)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("a credit code has 18 characters, this one has %ld"),
                   n_chars);
      return FALSE;
    }

  p = code;
  for (int position = 1; *p != '\0'; position++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[8] = { 0 };

      if (c < 0x80 && char_value ((char) c) >= 0)
        continue;

      g_unichar_to_utf8 (c, utf8);

      if (c < 0x80 && g_ascii_islower ((char) c) &&
          char_value (g_ascii_toupper ((char) c)) >= 0)
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                     _("character %d (“%s”) is a lowercase letter; credit codes use uppercase letters"),
                     position, utf8);
      else if (c == 'I' || c == 'O' || c == 'S' || c == 'V' || c == 'Z')
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                     _("character %d (“%s”) is not allowed: credit codes never use I, O, S, V or Z"),
                     position, utf8);
      else
        g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                     _("character %d (“%s”) is not allowed in a credit code (digits and uppercase letters only)"),
                     position, utf8);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_uscc_validate:
 * @code: a credit code
 * @error: return location for a #GError
 *
 * Checks @code against GB 32100-2015. The error (%CWB_ERROR_INVALID) names
 * the offending character by its position, counted from 1; it has no key
 * path, the caller adds one.
 *
 * Returns: %TRUE if @code is a valid credit code
 */
gboolean
cwb_uscc_validate (const char  *code,
                   GError     **error)
{
  char expected;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* a valid code is 18 characters of the alphabet; only another needs
   * the checks that say which character is wrong */
  if (!is_in_alphabet (code) && !explain_characters (code, error))
    return FALSE;

  if (strchr (authorities, code[0]) == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("character 1 (“%c”) is not a registration authority code"),
                   code[0]);
      return FALSE;
    }

  if (code[1] == '0' || !g_ascii_isdigit (code[1]))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("character 2 (“%c”) is not an organization kind code (a digit from 1 to 9)"),
                   code[1]);
      return FALSE;
    }

  for (int i = 2; i < 8; i++)
    {
      if (!g_ascii_isdigit (code[i]))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("characters 3–8 (“%.6s”) must be six digits, the administrative division code"),
                       code + 2);
          return FALSE;
        }
    }

  expected = cwb_uscc_compute_check_char (code);
  g_assert (expected != '\0');

  if (code[17] != expected)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("check character is “%c”, expected “%c”"),
                   code[17], expected);
      return FALSE;
    }

  return TRUE;
}

/**
 * cwb_uscc_is_hainan:
 * @code: a credit code
 *
 * Returns: %TRUE if the administrative division code (characters 3–8)
 *   is in Hainan province (46xxxx)
 */
gboolean
cwb_uscc_is_hainan (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return code[0] != '\0' && code[1] != '\0' && code[2] == '4' && code[3] == '6';
}
