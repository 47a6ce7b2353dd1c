/* cwb-agreement-command.h — `consortium-workbench agreement FILE -o OUT`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

/*
 * The `agreement` verb (a CwbCommand): renders the formation agreement of a
 * consortium file to PDF or DOCX (by the output's extension) without a
 * window. Exit status: 0 written; 2 written, but the agreement is
 * incomplete (rule A1: an item absent, blank or with a variable that has no
 * value) — the gaps are marked in the document and named on stderr; 64 usage
 * (no FILE, no -o, an extension other than .pdf/.docx); 65 the file is not a
 * valid consortium file or its agreement is invalid (the message names the
 * key path); 66 the file cannot be read; 73 the output cannot be written.
 */

#define CWB_TYPE_AGREEMENT_COMMAND (cwb_agreement_command_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreementCommand, cwb_agreement_command, CWB, AGREEMENT_COMMAND, GObject)

G_END_DECLS
