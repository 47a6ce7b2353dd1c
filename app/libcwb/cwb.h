/* cwb.h — the one header plugins include for libcwb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#define CWB_INSIDE
#include "cwb-atomic-file.h"
#include "cwb-check-provider.h"
#include "cwb-check-report.h"
#include "cwb-check-result.h"
#include "cwb-command.h"
#include "cwb-consortium-file.h"
#include "cwb-consortium.h"
#include "cwb-context.h"
#include "cwb-document.h"
#include "cwb-engine.h"
#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-importer.h"
#include "cwb-json-reader.h"
#include "cwb-lifecycle.h"
#include "cwb-consortium-list.h"
#include "cwb-member-list.h"
#include "cwb-member.h"
#include "cwb-paged-list.h"
#include "cwb-plugin.h"
#include "cwb-records.h"
#include "cwb-rule-set.h"
#include "cwb-secrets.h"
#include "cwb-statement.h"
#include "cwb-store.h"
#include "cwb-types.h"
#include "cwb-uscc.h"
#undef CWB_INSIDE
