/* cwb-agreement-diff.h — what changed between two texts, character by character
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CWB_AGREEMENT_DIFF_SAME,
  CWB_AGREEMENT_DIFF_REMOVED,
  CWB_AGREEMENT_DIFF_ADDED,
} CwbAgreementDiffOp;

/* @text is not NUL-terminated: @length bytes of UTF-8 */
typedef void (*CwbAgreementDiffFunc) (CwbAgreementDiffOp  op,
                                      const char         *text,
                                      gsize               length,
                                      gpointer            user_data);

/* Calls @func for the runs of @old_text and @new_text in order: the text
 * both share, what @old_text had and @new_text does not (removed), and what
 * @new_text adds. Characters (Chinese has no spaces between words) of a
 * longest common subsequence after the common start and end are trimmed;
 * when the changed middle is too long for that (over 4 000 000 character
 * pairs) it is given as removed and added whole. @old_text, @new_text:
 * (nullable): NULL is the empty text. */
void cwb_agreement_diff (const char           *old_text,
                         const char           *new_text,
                         CwbAgreementDiffFunc  func,
                         gpointer              user_data);

G_END_DECLS
