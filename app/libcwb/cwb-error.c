/* cwb-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-error"

#include "config.h"

#include "cwb-error.h"

G_DEFINE_QUARK (cwb-error-quark, cwb_error)
