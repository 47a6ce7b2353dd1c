/* cwb-uscc.h — unified social credit codes (统一社会信用代码, GB 32100-2015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CWB_USCC_LENGTH 18

/* The check character for the first 17 characters of @code, or '\0' if any
 * of them is not in the code's alphabet (0-9, A-Z without I O Z S V). */
char     cwb_uscc_compute_check_char (const char  *code);
/* Validates length, alphabet, registration authority/kind, division code
 * (six digits) and check character; CWB_ERROR_INVALID says which character
 * is wrong and what was expected, without a key path. */
gboolean cwb_uscc_validate           (const char  *code,
                                      GError     **error);
/* TRUE if the division code (characters 3–8) is in Hainan (46xxxx). */
gboolean cwb_uscc_is_hainan          (const char  *code);

G_END_DECLS
