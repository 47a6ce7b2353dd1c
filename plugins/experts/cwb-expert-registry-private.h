/* cwb-expert-registry-private.h — what the registry's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cwb-expert.h"
#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define CWB_EXPERTS_PLUGIN_ID "experts"

/* the columns of an expert row, for _cwb_expert_registry_read_row() */
#define CWB_EXPERT_COLUMNS \
  "e.id, e.name, e.title, e.level, e.honours, e.fields, e.affiliation_uscc, " \
  "e.affiliation_name, e.phone, e.email, e.resume, e.note, " \
  "EXISTS (SELECT 1 FROM experts_chief c WHERE c.expert_id = e.id AND c.to_date IS NULL)"

void          _cwb_expert_set_is_chief           (CwbExpert          *self,
                                                  gboolean            is_chief);
gboolean      _cwb_expert_fields_name_industry   (const char * const *fields,
                                                  const char         *industry);
const char   *_cwb_expert_section_string         (JsonNode           *section,
                                                  const char         *key);

/* (transfer none) */
CwbStatement *_cwb_expert_registry_prepare             (CwbExpertRegistry  *self,
                                                        const char         *sql,
                                                        GError            **error);
/* a row of CWB_EXPERT_COLUMNS from column @first on (transfer full) */
CwbExpert    *_cwb_expert_registry_read_row            (CwbStatement       *stmt,
                                                        int                 first);
/* inserts @expert (validated, no duplicate check) with its index entries */
gboolean      _cwb_expert_registry_insert              (CwbExpertRegistry  *self,
                                                        CwbExpert          *expert,
                                                        GError            **error);
/* (transfer full) (nullable) */
char         *_cwb_expert_registry_dup_consortium_name (CwbExpertRegistry  *self,
                                                        gint64              consortium_id);
/* emits "changed" (after a committed write) */
void          _cwb_expert_registry_emit_changed        (CwbExpertRegistry  *self);
/* the text as experts_chars indexes it: each letter, digit or mark a
 * token, each run of other characters a break token, then each pair of
 * adjacent letters or digits a token (transfer full) */
char         *_cwb_expert_registry_index_text          (const char         *text);
/* a part of a query (no white space) as an experts_chars phrase, the same
 * tokens: two letters or digits their pair, else the single characters
 * and breaks; "" when it has none (transfer full) */
char         *_cwb_expert_registry_search_phrase       (const char         *part);
/* "YYYY-MM-DD" that is a real date */
gboolean      _cwb_expert_registry_check_date          (const char         *date,
                                                        GError            **error);

G_END_DECLS
