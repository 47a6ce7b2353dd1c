/* fuzz-experts-xlsx.c — the experts plugin's XLSX reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_experts_read_file() on a .xlsx file of any bytes must return the rows
 * or an error, never crash (fuzz-experts-io.h).
 */
#include "config.h"

#define FUZZ_EXPERTS_FILE "experts.xlsx"
#include "fuzz-experts-io.h"
