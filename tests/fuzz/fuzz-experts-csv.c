/* fuzz-experts-csv.c — the experts plugin's CSV reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cwb_expert_registry_read_file() on a .csv file of any bytes must return the rows
 * or an error, never crash (fuzz-experts-io.h).
 */
#include "config.h"

#define FUZZ_EXPERTS_FILE "experts.csv"
#include "fuzz-experts-io.h"
