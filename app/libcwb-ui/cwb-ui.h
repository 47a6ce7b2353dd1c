/* cwb-ui.h — the one header plugins include for libcwb-ui
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-area.h"
#include "cwb-page-area.h"
#include "cwb-save-chooser.h"
#include "cwb-text-tooltip.h"
