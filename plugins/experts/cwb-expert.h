/* cwb-expert.h — one expert of the registry (专家库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-experts-enums.h"

G_BEGIN_DECLS

/**
 * CwbExpertLevel:
 * @CWB_EXPERT_LEVEL_SENIOR: 正高级
 * @CWB_EXPERT_LEVEL_ASSOCIATE: 副高级
 * @CWB_EXPERT_LEVEL_INTERMEDIATE: 中级
 * @CWB_EXPERT_LEVEL_OTHER: 其他 (also: not given)
 *
 * The level of an expert's professional title (职称级别). The values are
 * stored in the database; do not renumber.
 */
typedef enum {
  CWB_EXPERT_LEVEL_SENIOR,        /*< nick=senior >*/
  CWB_EXPERT_LEVEL_ASSOCIATE,     /*< nick=associate >*/
  CWB_EXPERT_LEVEL_INTERMEDIATE,  /*< nick=intermediate >*/
  CWB_EXPERT_LEVEL_OTHER,         /*< nick=other >*/
} CwbExpertLevel;

#define CWB_EXPERT_N_LEVELS 4

/* The translated label ("正高级" under zh_CN). */
const char     *cwb_expert_level_to_label   (CwbExpertLevel  level);
/* Parses a label as a file or a user writes it: the Chinese label ("正高级",
 * "副高级", "中级", "其他"), the English one or the nick; blank text is
 * CWB_EXPERT_LEVEL_OTHER. FALSE for anything else. */
gboolean        cwb_expert_level_from_label (const char     *text,
                                             CwbExpertLevel *level);

#define CWB_TYPE_EXPERT (cwb_expert_get_type ())

G_DECLARE_FINAL_TYPE (CwbExpert, cwb_expert, CWB, EXPERT, GObject)

/*
 * An expert. Properties (all notified when they change, for bindings):
 *   "id" (gint64, 0 until stored), "name", "title" (职称, e.g. "研究员"),
 *   "level" (CwbExpertLevel), "honours" (GStrv: 院士, 国家级人才计划,
 *   省级人才计划 … free strings), "fields" (GStrv: the industry clusters of
 *   the rule set and free keywords), "affiliation-uscc" (统一社会信用代码 of
 *   the unit), "affiliation-name", "phone", "email", "resume" (a short
 *   résumé), "note", and, read-only, "is-chief" (TRUE when it came from
 *   the registry and is the chief expert of a consortium now).
 * Strings are never NULL (empty when not given); lists never NULL.
 * There is deliberately no identity-card number.
 */

CwbExpert          *cwb_expert_new                  (void);
/* a copy with every property, id included */
CwbExpert          *cwb_expert_copy                 (CwbExpert          *self);
/* TRUE if every property but "is-chief" is equal */
gboolean            cwb_expert_equal                (CwbExpert          *self,
                                                     CwbExpert          *other);

gint64              cwb_expert_get_id               (CwbExpert          *self);
void                cwb_expert_set_id               (CwbExpert          *self,
                                                     gint64              id);
const char         *cwb_expert_get_name             (CwbExpert          *self);
void                cwb_expert_set_name             (CwbExpert          *self,
                                                     const char         *name);
const char         *cwb_expert_get_title            (CwbExpert          *self);
void                cwb_expert_set_title            (CwbExpert          *self,
                                                     const char         *title);
CwbExpertLevel      cwb_expert_get_level            (CwbExpert          *self);
void                cwb_expert_set_level            (CwbExpert          *self,
                                                     CwbExpertLevel      level);
const char * const *cwb_expert_get_honours          (CwbExpert          *self);
/* @honours: (nullable): blank items are dropped, the others trimmed */
void                cwb_expert_set_honours          (CwbExpert          *self,
                                                     const char * const *honours);
const char * const *cwb_expert_get_fields           (CwbExpert          *self);
/* @fields: (nullable): blank items are dropped, the others trimmed */
void                cwb_expert_set_fields           (CwbExpert          *self,
                                                     const char * const *fields);
const char         *cwb_expert_get_affiliation_uscc (CwbExpert          *self);
void                cwb_expert_set_affiliation_uscc (CwbExpert          *self,
                                                     const char         *uscc);
const char         *cwb_expert_get_affiliation_name (CwbExpert          *self);
void                cwb_expert_set_affiliation_name (CwbExpert          *self,
                                                     const char         *name);
const char         *cwb_expert_get_phone            (CwbExpert          *self);
void                cwb_expert_set_phone            (CwbExpert          *self,
                                                     const char         *phone);
const char         *cwb_expert_get_email            (CwbExpert          *self);
void                cwb_expert_set_email            (CwbExpert          *self,
                                                     const char         *email);
const char         *cwb_expert_get_resume           (CwbExpert          *self);
void                cwb_expert_set_resume           (CwbExpert          *self,
                                                     const char         *resume);
const char         *cwb_expert_get_note             (CwbExpert          *self);
void                cwb_expert_set_note             (CwbExpert          *self,
                                                     const char         *note);
gboolean            cwb_expert_get_is_chief         (CwbExpert          *self);

/* TRUE if one of the expert's fields names @industry: a field that contains
 * the industry's name ("深海科技（深海装备与海洋工程）" names 深海科技). This
 * is the reading of rule E2 and of reviewer suggestions. */
gboolean            cwb_expert_names_industry       (CwbExpert          *self,
                                                     const char         *industry);

/* The fields' and honours' text as one line, joined with "；"; (transfer full) */
char               *cwb_expert_dup_fields_text      (CwbExpert          *self);
char               *cwb_expert_dup_honours_text     (CwbExpert          *self);
/* Splits text a user or a file gives ("深海科技；海洋工程", also with "、",
 * ",", "，", ";" or new lines) into trimmed, non-blank items. (transfer full) */
char              **cwb_expert_split_list           (const char         *text);

/*
 * Validation, each with a Chinese message (CWB_ERROR_INVALID) that names the
 * field and what is wrong, fit to show beside the entry:
 *   phone: a mainland mobile number, 11 digits 1[3-9]xxxxxxxxx (an optional
 *     +86 / 86 prefix, spaces and hyphens ignored), or a landline with its
 *     area code: 0 + 2–3 digits, then 7–8 digits (hyphen optional), with an
 *     optional extension "-1234" or "转1234";
 *   email: local@domain, one "@", no spaces, a domain of at least two labels
 *     of letters, digits and hyphens, not starting or ending with "." or "-";
 *   affiliation USCC: cwb_uscc_validate().
 * Empty text is valid for each of these (the field is optional); an expert
 * needs a name and an affiliation name (cwb_expert_validate()).
 */
gboolean            cwb_expert_validate_phone       (const char         *phone,
                                                     GError            **error);
gboolean            cwb_expert_validate_email       (const char         *email,
                                                     GError            **error);
gboolean            cwb_expert_validate_uscc        (const char         *uscc,
                                                     GError            **error);
/* The whole record: a name, an affiliation name, and every field above;
 * the first problem found. */
gboolean            cwb_expert_validate             (CwbExpert          *self,
                                                     GError            **error);
/* Every problem, each a whole translated sentence; (transfer full), empty
 * when the record is valid. */
char              **cwb_expert_list_problems        (CwbExpert          *self);

/* The "chief_expert" section of the consortium file:
 * {"name", "title", "affiliation_uscc", "field"}; "field" is the fields'
 * text (cwb_expert_dup_fields_text()). A section node from an expert
 * (transfer full), and an expert (id 0) from a section, NULL if @section
 * is not an object. */
JsonNode           *cwb_expert_to_section           (CwbExpert          *self);
CwbExpert          *cwb_expert_new_from_section     (JsonNode           *section);

G_END_DECLS
