/* cwb-agreement.h — the formation agreement (组建协议) of policy 五(一)2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cwb.h>

#include "cwb-agreement-enums.h"

G_BEGIN_DECLS

/*
 * CwbAgreement is the model of a consortium's formation agreement, the
 * consortium file's "agreement" object (a plugin-owned section). It has no
 * GTK; the page, the documents, the command and the check provider all read
 * it.
 *
 * The section, as this plugin writes it (keys of consortium/1 keep their
 * meaning; the others are this plugin's and optional):
 *
 *   "agreement": {
 *     "clauses": {"goals": "…", …nine keys…},
 *     "signatures": [ {"uscc": "…", "legal_rep": "张三",
 *                      "legal_rep_signed": true, "date": "2024-03-01",
 *                      "sealed": true, "sealed_date": "2024-03-02",
 *                      "scan": {"name": "…", "media_type": "application/pdf",
 *                               "size": 12345, "sha256": "…64 hex…"}} ],
 *     "frozen": true,
 *     "versions": [ {"number": 1, "date": "2024-02-20", "clauses": {…}} ]
 *   }
 *
 * "date" is the signing date of the legal representative; "sealed_date"
 * the date of the seal, when it differs (absent: the seal was put on at
 * "date"). Any key this plugin does not know is kept and written back, so
 * cwb_agreement_to_section (cwb_agreement_new_from_section (node)) equals
 * node.
 *
 * State (derived, never stored):
 *   草稿 DRAFT      — the text is not frozen;
 *   待签署 PENDING  — frozen, signatures and seals being collected;
 *   已生效 EFFECTIVE — frozen and every current member's legal
 *                    representative signed and its seal on; the effective
 *                    date is the latest signing or sealing date among the
 *                    current members.
 * A section without a "frozen" key counts as frozen when it has at least
 * one signature (files of consortium/1 look like that).
 *
 * Every mutator emits "changed" (no arguments) after it changed something.
 */

/**
 * CwbAgreementItem:
 *
 * The position of one of the items the agreement must state, as the rule
 * set's A1 lists them in its "clauses" param (五(一)2: nine, (a)–(i), in
 * the policy's order, in the shipped rule set). The key is the item's key
 * in the file's "clauses" object; the heading comes from A1's "headings".
 */
typedef guint CwbAgreementItem;

/* A bound of this software (letters a–t, the document's article numbers),
 * not a figure of the policy: a rule set listing more items uses the first
 * twenty. */
#define CWB_AGREEMENT_MAX_ITEMS 20

/* The items come from @rules. The host runs under one rule set; the
 * plugin's provider, page and command call this with their context's
 * before they read items. Cheap when @rules is the one in use already.
 * NULL keeps the one in use, or takes the shipped rule set when none was
 * given yet (as the item functions do when called first). */
void        cwb_agreement_use_rules         (CwbRuleSet       *rules);
/* how many items the rule set in use lists */
guint       cwb_agreement_get_n_items       (void);
/* "goals" … "dissolution" in the shipped rule set */
const char *cwb_agreement_item_to_key       (CwbAgreementItem  item);
/* FALSE for a key the rule set does not list */
gboolean    cwb_agreement_item_from_key     (const char       *key,
                                             CwbAgreementItem *item);
/* The item's heading from the rule set, in the UI language (in zh_CN, the
 * policy's own words: "技术创新目标", "任务分工", …); the key if the rule
 * set gives none. */
const char *cwb_agreement_item_get_heading  (CwbAgreementItem  item);
/* "a", "b", … by position, as policy/RULES.md letters them */
const char *cwb_agreement_item_get_letter   (CwbAgreementItem  item);

/**
 * CwbAgreementState:
 * @CWB_AGREEMENT_STATE_DRAFT: 草稿 — the text is being drafted
 * @CWB_AGREEMENT_STATE_PENDING: 待签署 — text frozen, signatures being collected
 * @CWB_AGREEMENT_STATE_EFFECTIVE: 已生效 — all signed and sealed
 */
typedef enum {
  CWB_AGREEMENT_STATE_DRAFT,      /*< nick=draft >*/
  CWB_AGREEMENT_STATE_PENDING,    /*< nick=pending >*/
  CWB_AGREEMENT_STATE_EFFECTIVE,  /*< nick=effective >*/
} CwbAgreementState;

/* "草稿", "待签署", "已生效" (translated) */
const char *cwb_agreement_state_get_label   (CwbAgreementState state);

/**
 * CwbAgreementScan:
 * @name: the file name the user chose (base name)
 * @media_type: "application/pdf", "image/png" or "image/jpeg"
 * @size: bytes
 * @sha256: lower-case hex SHA-256 of the bytes (64 characters)
 *
 * The description of a signed-and-sealed page's scan kept with a signature;
 * the bytes are in the plugin's table of the store (cwb_agreement_store_scan()).
 */
typedef struct {
  char       *name;
  char       *media_type;
  gint64      size;
  char       *sha256;
  /*< private >*/
  JsonObject *extra;
} CwbAgreementScan;

#define CWB_TYPE_AGREEMENT_SCAN (cwb_agreement_scan_get_type ())
GType             cwb_agreement_scan_get_type (void) G_GNUC_CONST;
CwbAgreementScan *cwb_agreement_scan_copy     (const CwbAgreementScan *scan);
void              cwb_agreement_scan_free     (CwbAgreementScan       *scan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAgreementScan, cwb_agreement_scan_free)

/**
 * CwbAgreementSignature:
 * @uscc: the member's unified social credit code
 * @legal_rep: (nullable): the legal representative's name
 * @legal_rep_signed: the legal representative signed
 * @date: (nullable): the signing date, YYYY-MM-DD
 * @sealed: the member's official seal (公章) is on
 * @sealed_date: (nullable): the sealing date when given apart from @date
 * @scan: (nullable): the scan of the signed and sealed page
 *
 * One member's signature record. Read the fields; change them only through
 * the cwb_agreement_set_…() functions, which validate and notify.
 */
typedef struct {
  char             *uscc;
  char             *legal_rep;
  gboolean          legal_rep_signed;
  char             *date;
  gboolean          sealed;
  char             *sealed_date;
  CwbAgreementScan *scan;
  /*< private >*/
  JsonObject       *extra;
} CwbAgreementSignature;

#define CWB_TYPE_AGREEMENT_SIGNATURE (cwb_agreement_signature_get_type ())
GType                  cwb_agreement_signature_get_type (void) G_GNUC_CONST;
CwbAgreementSignature *cwb_agreement_signature_copy     (const CwbAgreementSignature *signature);
void                   cwb_agreement_signature_free     (CwbAgreementSignature       *signature);
/* (nullable): @sealed_date if given, else @date when sealed */
const char            *cwb_agreement_signature_get_seal_date (const CwbAgreementSignature *signature);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAgreementSignature, cwb_agreement_signature_free)

/**
 * CwbAgreementVersion:
 * @number: 1, 2, … in the order the text was frozen
 * @date: the date it was frozen, YYYY-MM-DD
 * @texts: (array fixed-size=20): the texts, indexed by #CwbAgreementItem
 *   (NULL where the item was absent)
 *
 * A frozen text.
 */
typedef struct {
  int    number;
  char  *date;
  char  *texts[CWB_AGREEMENT_MAX_ITEMS];
  /*< private >*/
  JsonObject *extra;
  JsonObject *clauses_extra;
} CwbAgreementVersion;

#define CWB_TYPE_AGREEMENT_VERSION (cwb_agreement_version_get_type ())
GType                cwb_agreement_version_get_type (void) G_GNUC_CONST;
CwbAgreementVersion *cwb_agreement_version_copy     (const CwbAgreementVersion *version);
void                 cwb_agreement_version_free     (CwbAgreementVersion       *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwbAgreementVersion, cwb_agreement_version_free)

#define CWB_TYPE_AGREEMENT (cwb_agreement_get_type ())

G_DECLARE_FINAL_TYPE (CwbAgreement, cwb_agreement, CWB, AGREEMENT, GObject)

/* The type is registered statically (it lives in the plugin module, which
 * libpeas never unloads). */

/* An empty draft: no texts, no signatures, no versions. */
CwbAgreement  *cwb_agreement_new                  (void);
/* @node: (nullable): the "agreement" section; NULL gives an empty draft.
 * Errors are CWB_ERROR_INVALID and name the key path, e.g.
 * "agreement.signatures[2].date: …". */
CwbAgreement  *cwb_agreement_new_from_section     (JsonNode       *node,
                                                   GError        **error);
/* (transfer full): the section, an object (even for an empty draft) */
JsonNode      *cwb_agreement_to_section           (CwbAgreement   *self);
/* The agreement of @consortium (its "agreement" section; empty if none). */
CwbAgreement  *cwb_agreement_new_for_consortium   (CwbConsortium  *consortium,
                                                   GError        **error);
/* Sets @consortium's "agreement" section to this agreement. */
void           cwb_agreement_apply_to_consortium  (CwbAgreement   *self,
                                                   CwbConsortium  *consortium);
CwbAgreement  *cwb_agreement_copy                 (CwbAgreement   *self);
/* the same sections */
gboolean       cwb_agreement_equal                (CwbAgreement   *self,
                                                   CwbAgreement   *other);

/* The stored consortium's agreement (an empty draft when it has none). */
CwbAgreement  *cwb_agreement_load                 (CwbStore       *store,
                                                   gint64          consortium_id,
                                                   GError        **error);
/* Writes the section (cwb_store_set_section(); the store emits "changed"). */
gboolean       cwb_agreement_save                 (CwbAgreement   *self,
                                                   CwbStore       *store,
                                                   gint64          consortium_id,
                                                   GError        **error);

/* ── Texts ─────────────────────────────────────────────────────────────── */

/* (nullable): the item's current text as written, variables unfilled; NULL
 * when the section does not have the item */
const char    *cwb_agreement_get_text             (CwbAgreement     *self,
                                                   CwbAgreementItem  item);
/* Sets the text of a draft. A frozen agreement refuses (CWB_ERROR_INVALID,
 * "协议已定稿…"): call cwb_agreement_reopen() first. @text: (nullable) */
gboolean       cwb_agreement_set_text             (CwbAgreement     *self,
                                                   CwbAgreementItem  item,
                                                   const char       *text,
                                                   GError          **error);

/* ── State, freezing and versions ──────────────────────────────────────── */

/* The explicit "frozen" flag, or (without one) whether there are signatures */
gboolean       cwb_agreement_get_frozen           (CwbAgreement   *self);
/* State against @consortium's current members. */
CwbAgreementState cwb_agreement_get_state         (CwbAgreement   *self,
                                                   CwbConsortium  *consortium);
/* (nullable) (transfer full): YYYY-MM-DD when EFFECTIVE, else NULL */
char          *cwb_agreement_dup_effective_date   (CwbAgreement   *self,
                                                   CwbConsortium  *consortium);

/* Freezes the draft's text on @date (YYYY-MM-DD): records it as the next
 * version and the state becomes 待签署. Refuses (CWB_ERROR_INVALID, naming
 * the items by heading) when an item is blank, and when already frozen. */
gboolean       cwb_agreement_freeze               (CwbAgreement   *self,
                                                   const char     *date,
                                                   GError        **error);
/* (transfer full) (array zero-terminated=1): the USCCs whose signature or
 * seal reopening would clear (those signed or sealed), in signature order;
 * empty for a draft. For the confirmation before cwb_agreement_reopen(). */
char         **cwb_agreement_list_signatures_to_clear (CwbAgreement *self);
/* Makes a frozen or effective agreement a new draft with the same text, so
 * it can be edited: every signature's signed/sealed flags, dates and scan
 * are cleared (the legal representatives' names stay). If the frozen text
 * was never recorded as a version (a file without "versions") it is
 * recorded first, dated with the earliest signing or sealing date, or
 * @date (YYYY-MM-DD) when there is none. Returns the cleared USCCs, as
 * cwb_agreement_list_signatures_to_clear() said; a draft is left alone and
 * gives an empty list. (transfer full) */
char         **cwb_agreement_reopen               (CwbAgreement   *self,
                                                   const char     *date);
/* (element-type CwbAgreementVersion) (transfer none): oldest first */
GPtrArray     *cwb_agreement_get_versions         (CwbAgreement   *self);
/* (nullable) (transfer none) */
const CwbAgreementVersion *cwb_agreement_find_version (CwbAgreement *self,
                                                   int             number);
/* Makes version @number's texts the current draft (reopening a frozen
 * agreement as cwb_agreement_reopen() does). @cleared: (out) (optional)
 * (transfer full): the USCCs cleared. CWB_ERROR_NOT_FOUND for no such version. */
gboolean       cwb_agreement_restore_version      (CwbAgreement   *self,
                                                   int             number,
                                                   const char     *date,
                                                   char         ***cleared,
                                                   GError        **error);

/* ── Signatures ────────────────────────────────────────────────────────── */

/* (element-type CwbAgreementSignature) (transfer none): in file order */
GPtrArray     *cwb_agreement_get_signatures       (CwbAgreement   *self);
/* (nullable) (transfer none) */
const CwbAgreementSignature *cwb_agreement_lookup_signature (CwbAgreement *self,
                                                   const char     *uscc);
/* The setters add a record for @uscc if there is none. Signing or sealing
 * (TRUE) is refused while the agreement is a draft (CWB_ERROR_INVALID);
 * @date must be a real YYYY-MM-DD date when @value is TRUE and may be NULL
 * when FALSE (FALSE also clears the date). @name: (nullable) */
gboolean       cwb_agreement_set_legal_rep        (CwbAgreement   *self,
                                                   const char     *uscc,
                                                   const char     *name,
                                                   GError        **error);
gboolean       cwb_agreement_set_signed           (CwbAgreement   *self,
                                                   const char     *uscc,
                                                   gboolean        value,
                                                   const char     *date,
                                                   GError        **error);
gboolean       cwb_agreement_set_sealed           (CwbAgreement   *self,
                                                   const char     *uscc,
                                                   gboolean        value,
                                                   const char     *date,
                                                   GError        **error);
/* @scan: (nullable): NULL removes the scan's description (the bytes stay
 * in the store until cwb_agreement_delete_scan()) */
void           cwb_agreement_set_scan             (CwbAgreement   *self,
                                                   const char     *uscc,
                                                   const CwbAgreementScan *scan);
/* Removes @uscc's record; FALSE if there was none. */
gboolean       cwb_agreement_remove_signature     (CwbAgreement   *self,
                                                   const char     *uscc);

/* Against @consortium's current members; (transfer full), NULL-terminated
 * USCCs, in member order (extra: in signature order):
 * missing  — members with no signature record (e.g. added after freezing);
 * extra    — signature records whose USCC is no longer a member;
 * unsigned — members whose legal representative has not signed (missing
 *            ones included);
 * unsealed — members whose seal is not on (missing ones included). */
char         **cwb_agreement_list_missing_signatories (CwbAgreement  *self,
                                                   CwbConsortium  *consortium);
char         **cwb_agreement_list_extra_signatories   (CwbAgreement  *self,
                                                   CwbConsortium  *consortium);
char         **cwb_agreement_list_unsigned        (CwbAgreement   *self,
                                                   CwbConsortium  *consortium);
char         **cwb_agreement_list_unsealed        (CwbAgreement   *self,
                                                   CwbConsortium  *consortium);

/* ── Variables ─────────────────────────────────────────────────────────── */

/* The variables clause text may use, as ${name}: "consortium_name",
 * "lead_name", "member_list" (member names joined with "、"),
 * "member_count", "term" (the consortium's term, "三年"), "chief_expert"
 * (the "chief_expert" section's name), "today" (the context clock's date,
 * cwb_format_date()). (array zero-terminated=1) */
const char * const *cwb_agreement_get_variable_names (void);
/* (nullable): a translated description of the variable, for menus */
const char    *cwb_agreement_variable_get_label   (const char     *name);
/* (transfer full) (element-type utf8 utf8): name → value for every variable
 * that has a value for @consortium; @context: (nullable) gives the rule set
 * and the clock (the real clock without one). */
GHashTable    *cwb_agreement_collect_variables    (CwbContext     *context,
                                                   CwbConsortium  *consortium);
/* Replaces each ${name} of @text that @values has; unknown or valueless
 * variables stay as written (${name}) so that pages and documents can mark
 * them. @unfilled: (out) (optional) (transfer full): their names, in order
 * of first appearance, without repeats (an empty array when all filled). */
char          *cwb_agreement_fill                 (const char     *text,
                                                   GHashTable     *values,
                                                   char         ***unfilled);
/* (transfer full) (array zero-terminated=1): every ${name} in @text, in
 * order, without repeats */
char         **cwb_agreement_find_variables       (const char     *text);

/* ── Completeness (rule A1) ────────────────────────────────────────────── */

/* The items that are absent, blank, or (with @values) contain a variable
 * @values cannot fill; in the policy's order. @values: (nullable): NULL
 * skips the variable test. (transfer full) (element-type CwbAgreementItem) */
GArray        *cwb_agreement_list_incomplete_items (CwbAgreement  *self,
                                                   GHashTable     *values);

/* ── Scans (in the plugin's table of the store) ────────────────────────── */

/* The largest scan accepted: 20 MB (20 × 1024 × 1024 bytes). */
#define CWB_AGREEMENT_SCAN_MAX_SIZE (20 * 1024 * 1024)

/* Checks @bytes by their magic bytes: a PDF, PNG or JPEG of at most
 * CWB_AGREEMENT_SCAN_MAX_SIZE. @media_type: (out) (optional). Errors are
 * CWB_ERROR_INVALID with a Chinese message. */
gboolean       cwb_agreement_validate_scan        (GBytes         *bytes,
                                                   const char    **media_type,
                                                   GError        **error);
/* Lower-case hex SHA-256 (GChecksum). (transfer full) */
char          *cwb_agreement_compute_sha256       (GBytes         *bytes);
/* Validates @bytes and stores them for (@consortium_id, @uscc), replacing
 * an earlier scan, with their SHA-256. @name: the file's base name.
 * Returns the description to pass to cwb_agreement_set_scan(). (transfer full) */
CwbAgreementScan *cwb_agreement_store_scan        (CwbStore       *store,
                                                   gint64          consortium_id,
                                                   const char     *uscc,
                                                   const char     *name,
                                                   GBytes         *bytes,
                                                   GError        **error);
/* Reads the scan back and verifies it: the bytes' SHA-256 must equal the
 * one stored with them and, if @expected_sha256 is given (the record's
 * scan->sha256), that one too; otherwise CWB_ERROR_INVALID ("扫描件已被
 * 替换或损坏…"). CWB_ERROR_NOT_FOUND when there is none. (transfer full) */
GBytes        *cwb_agreement_load_scan            (CwbStore       *store,
                                                   gint64          consortium_id,
                                                   const char     *uscc,
                                                   const char     *expected_sha256,
                                                   GError        **error);
/* FALSE (no error) if there was none */
gboolean       cwb_agreement_delete_scan          (CwbStore       *store,
                                                   gint64          consortium_id,
                                                   const char     *uscc,
                                                   GError        **error);

G_END_DECLS
