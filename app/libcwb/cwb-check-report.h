/* cwb-check-report.h — every check result for one consortium, and the verdict
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cwb-check-result.h"
#include "cwb-consortium.h"
#include "cwb-rule-set.h"

G_BEGIN_DECLS

#define CWB_TYPE_CHECK_REPORT (cwb_check_report_get_type ())

/* A GListModel of CwbCheckResult, sorted in the rule set's order. */
G_DECLARE_FINAL_TYPE (CwbCheckReport, cwb_check_report, CWB, CHECK_REPORT, GObject)

CwbCheckReport *cwb_check_report_new          (CwbRuleSet     *rules,
                                               CwbConsortium  *consortium);
CwbRuleSet     *cwb_check_report_get_rules    (CwbCheckReport *self);
CwbConsortium  *cwb_check_report_get_consortium (CwbCheckReport *self);

/* Adds @result in rule order. A fail or warn that a 一事一议 exception of the
 * consortium accepts (rule X1) becomes "excepted", naming the document. */
void            cwb_check_report_add          (CwbCheckReport *self,
                                               CwbCheckResult *result);
/* (transfer none) (nullable) */
CwbCheckResult *cwb_check_report_lookup       (CwbCheckReport *self,
                                               const char     *rule);
/* fail if any fail; else warn if any warn, unknown or missing_declaration; else pass */
CwbVerdict      cwb_check_report_get_verdict  (CwbCheckReport *self);
/* (transfer full): the --json object of formats/consortium-v1.md. "file" is
 * null when @file is NULL; a result without a value or threshold (has-value,
 * has-threshold FALSE) leaves that key out; whole figures (元, counts) are
 * JSON integers, ratios fractions; "remedy" only when set. */
JsonNode       *cwb_check_report_to_json      (CwbCheckReport *self,
                                               const char     *file);
/* (transfer full): the same object as cwb_check_report_to_json() as
 * compact JSON text on one line, without a newline and without building a
 * JsonNode: members in the same order, UTF-8 kept as is, whole figures as
 * integers, every other number in the fewest digits that read back as the
 * same double (0.6, not 0.59999999999999998), a non-finite number null. */
char           *cwb_check_report_to_json_string (CwbCheckReport *self,
                                                 const char     *file);
/* the same text appended to @out, for a writer of many reports that keeps
 * one buffer */
void            cwb_check_report_append_json   (CwbCheckReport *self,
                                                const char     *file,
                                                GString        *out);

G_END_DECLS
