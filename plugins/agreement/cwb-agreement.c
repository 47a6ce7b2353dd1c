/* cwb-agreement.c — the formation agreement (组建协议) of policy 五(一)2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement.h"
#include "cwb-agreement-private.h"

/* Items: the rule set's A1 "clauses", with their "headings" */

#define ITEMS_RULE "A1"

typedef struct
{
  CwbRuleSet *rules;                              /* owned */
  guint       n;
  const char *keys[CWB_AGREEMENT_MAX_ITEMS];      /* borrowed from rules */
  char        letters[CWB_AGREEMENT_MAX_ITEMS][2];
} ItemTable;

static GMutex items_lock;
/* A table is never freed once made: a reader on another thread may still
 * hold it. There is one per rule set a process runs under (one, or a few
 * in the tests). */
static ItemTable *items_table;

static ItemTable *
item_table_new (CwbRuleSet *rules)
{
  ItemTable *table = g_new0 (ItemTable, 1);
  const char * const *keys;

  table->rules = g_object_ref (rules);
  keys = cwb_rule_set_lookup_strv (rules, ITEMS_RULE, "clauses");
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      if (i == CWB_AGREEMENT_MAX_ITEMS)
        {
          g_warning ("The rule set lists more than %d agreement items; the others are left out",
                     CWB_AGREEMENT_MAX_ITEMS);
          break;
        }
      table->keys[i] = keys[i];
      table->letters[i][0] = (char) ('a' + i);
      table->n = i + 1;
    }

  return table;
}

void
cwb_agreement_use_rules (CwbRuleSet *rules)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(CwbRuleSet) shipped = NULL;
  ItemTable *table;

  g_return_if_fail (rules == NULL || CWB_IS_RULE_SET (rules));

  if (rules == NULL)
    {
      table = g_atomic_pointer_get (&items_table);

      if (table != NULL)
        return;
      rules = shipped = cwb_rule_set_new_default (NULL);
      g_return_if_fail (rules != NULL);
    }

  /* every check asks: the same rule set again costs no lock */
  table = g_atomic_pointer_get (&items_table);
  if (table != NULL && table->rules == rules)
    return;

  locker = g_mutex_locker_new (&items_lock);
  if (items_table == NULL || items_table->rules != rules)
    g_atomic_pointer_set (&items_table, item_table_new (rules));
}

static const ItemTable *
get_items (void)
{
  ItemTable *table = g_atomic_pointer_get (&items_table);

  if (table == NULL)
    {
      cwb_agreement_use_rules (NULL);
      table = g_atomic_pointer_get (&items_table);
    }

  return table;
}

guint
cwb_agreement_get_n_items (void)
{
  return get_items ()->n;
}

const char *
cwb_agreement_item_to_key (CwbAgreementItem item)
{
  const ItemTable *table = get_items ();

  g_return_val_if_fail (item < table->n, NULL);

  return table->keys[item];
}

gboolean
cwb_agreement_item_from_key (const char       *key,
                             CwbAgreementItem *item)
{
  const ItemTable *table = get_items ();

  for (guint i = 0; key != NULL && i < table->n; i++)
    if (g_str_equal (key, table->keys[i]))
      {
        if (item != NULL)
          *item = i;
        return TRUE;
      }

  return FALSE;
}

const char *
cwb_agreement_item_get_heading (CwbAgreementItem item)
{
  const ItemTable *table = get_items ();
  const char *heading;

  g_return_val_if_fail (item < table->n, NULL);

  heading = cwb_rule_set_lookup_text (table->rules, ITEMS_RULE, "headings", table->keys[item]);
  return heading != NULL ? heading : table->keys[item];
}

const char *
cwb_agreement_item_get_letter (CwbAgreementItem item)
{
  const ItemTable *table = get_items ();

  g_return_val_if_fail (item < table->n, NULL);

  return table->letters[item];
}

const char *
cwb_agreement_state_get_label (CwbAgreementState state)
{
  switch (state)
    {
    case CWB_AGREEMENT_STATE_DRAFT:
      return C_("agreement state", "Draft");
    case CWB_AGREEMENT_STATE_PENDING:
      return C_("agreement state", "Awaiting signatures");
    case CWB_AGREEMENT_STATE_EFFECTIVE:
      return C_("agreement state", "In effect");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Boxed records */

/* Extra members are never changed once read, so copies share them. */
static JsonObject *
object_copy_or_null (JsonObject *object)
{
  return object != NULL ? json_object_ref (object) : NULL;
}

CwbAgreementScan *
cwb_agreement_scan_copy (const CwbAgreementScan *scan)
{
  CwbAgreementScan *copy;

  g_return_val_if_fail (scan != NULL, NULL);

  copy = g_new0 (CwbAgreementScan, 1);
  copy->name = g_strdup (scan->name);
  copy->media_type = g_strdup (scan->media_type);
  copy->size = scan->size;
  copy->sha256 = g_strdup (scan->sha256);
  copy->extra = object_copy_or_null (scan->extra);

  return copy;
}

void
cwb_agreement_scan_free (CwbAgreementScan *scan)
{
  if (scan == NULL)
    return;

  g_free (scan->name);
  g_free (scan->media_type);
  g_free (scan->sha256);
  g_clear_pointer (&scan->extra, json_object_unref);
  g_free (scan);
}

G_DEFINE_BOXED_TYPE (CwbAgreementScan, cwb_agreement_scan,
                     cwb_agreement_scan_copy, cwb_agreement_scan_free)

CwbAgreementSignature *
_cwb_agreement_signature_new (const char *uscc)
{
  CwbAgreementSignature *signature = g_new0 (CwbAgreementSignature, 1);

  signature->uscc = g_strdup (uscc);

  return signature;
}

CwbAgreementSignature *
cwb_agreement_signature_copy (const CwbAgreementSignature *signature)
{
  CwbAgreementSignature *copy;

  g_return_val_if_fail (signature != NULL, NULL);

  copy = _cwb_agreement_signature_new (signature->uscc);
  copy->legal_rep = g_strdup (signature->legal_rep);
  copy->legal_rep_signed = signature->legal_rep_signed;
  copy->date = g_strdup (signature->date);
  copy->sealed = signature->sealed;
  copy->sealed_date = g_strdup (signature->sealed_date);
  copy->scan = signature->scan != NULL ? cwb_agreement_scan_copy (signature->scan) : NULL;
  copy->extra = object_copy_or_null (signature->extra);

  return copy;
}

void
cwb_agreement_signature_free (CwbAgreementSignature *signature)
{
  if (signature == NULL)
    return;

  g_free (signature->uscc);
  g_free (signature->legal_rep);
  g_free (signature->date);
  g_free (signature->sealed_date);
  g_clear_pointer (&signature->scan, cwb_agreement_scan_free);
  g_clear_pointer (&signature->extra, json_object_unref);
  g_free (signature);
}

G_DEFINE_BOXED_TYPE (CwbAgreementSignature, cwb_agreement_signature,
                     cwb_agreement_signature_copy, cwb_agreement_signature_free)

const char *
cwb_agreement_signature_get_seal_date (const CwbAgreementSignature *signature)
{
  g_return_val_if_fail (signature != NULL, NULL);

  if (!signature->sealed)
    return NULL;

  return signature->sealed_date != NULL ? signature->sealed_date : signature->date;
}

CwbAgreementVersion *
cwb_agreement_version_copy (const CwbAgreementVersion *version)
{
  CwbAgreementVersion *copy;

  g_return_val_if_fail (version != NULL, NULL);

  copy = g_new0 (CwbAgreementVersion, 1);
  copy->number = version->number;
  copy->date = g_strdup (version->date);
  for (guint i = 0; i < CWB_AGREEMENT_MAX_ITEMS; i++)
    copy->texts[i] = g_strdup (version->texts[i]);
  copy->extra = object_copy_or_null (version->extra);
  copy->clauses_extra = object_copy_or_null (version->clauses_extra);

  return copy;
}

void
cwb_agreement_version_free (CwbAgreementVersion *version)
{
  if (version == NULL)
    return;

  g_free (version->date);
  for (guint i = 0; i < CWB_AGREEMENT_MAX_ITEMS; i++)
    g_free (version->texts[i]);
  g_clear_pointer (&version->extra, json_object_unref);
  g_clear_pointer (&version->clauses_extra, json_object_unref);
  g_free (version);
}

G_DEFINE_BOXED_TYPE (CwbAgreementVersion, cwb_agreement_version,
                     cwb_agreement_version_copy, cwb_agreement_version_free)

/* The object */

G_DEFINE_FINAL_TYPE (CwbAgreement, cwb_agreement, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cwb_agreement_finalize (GObject *object)
{
  CwbAgreement *self = CWB_AGREEMENT (object);

  for (guint i = 0; i < CWB_AGREEMENT_MAX_ITEMS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->clauses_extra, json_object_unref);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cwb_agreement_parent_class)->finalize (object);
}

static void
cwb_agreement_class_init (CwbAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_agreement_finalize;

  /**
   * CwbAgreement::changed:
   *
   * Emitted after a mutator changed the agreement.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cwb_agreement_init (CwbAgreement *self)
{
  self->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_agreement_signature_free);
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_agreement_version_free);
  self->frozen = -1;
}

static void
emit_changed (CwbAgreement *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

CwbAgreement *
cwb_agreement_new (void)
{
  return g_object_new (CWB_TYPE_AGREEMENT, NULL);
}

/* Texts */

const char *
cwb_agreement_get_text (CwbAgreement     *self,
                        CwbAgreementItem  item)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), NULL);

  return self->texts[item];
}

static gboolean
refuse_if_frozen (CwbAgreement  *self,
                  GError       **error)
{
  if (!cwb_agreement_get_frozen (self))
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("The agreement’s text is frozen for signing; make a new draft "
                         "version before changing it."));

  return FALSE;
}

gboolean
cwb_agreement_set_text (CwbAgreement      *self,
                        CwbAgreementItem   item,
                        const char        *text,
                        GError           **error)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail ((guint) item < cwb_agreement_get_n_items (), FALSE);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), FALSE);

  if (!refuse_if_frozen (self, error))
    return FALSE;

  if (g_strcmp0 (self->texts[item], text) == 0)
    return TRUE;

  g_free (self->texts[item]);
  self->texts[item] = g_strdup (text);
  emit_changed (self);

  return TRUE;
}

/* State, freezing and versions */

gboolean
cwb_agreement_get_frozen (CwbAgreement *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);

  if (self->frozen >= 0)
    return self->frozen == 1;

  return self->signatures->len > 0;
}

/* USCC → signature */
static GHashTable *
index_signatures (CwbAgreement *self)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

      g_hash_table_insert (index, signature->uscc, signature);
    }

  return index;
}

static gboolean
all_signed_and_sealed (CwbAgreement  *self,
                       CwbConsortium *consortium)
{
  g_autoptr(GHashTable) index = index_signatures (self);

  if (cwb_consortium_get_n_members (consortium) == 0)
    return FALSE;

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbAgreementSignature *signature =
        g_hash_table_lookup (index, cwb_member_get_uscc (cwb_consortium_get_member (consortium, i)));

      if (signature == NULL || !signature->legal_rep_signed || !signature->sealed)
        return FALSE;
    }

  return TRUE;
}

CwbAgreementState
cwb_agreement_get_state (CwbAgreement  *self,
                         CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), CWB_AGREEMENT_STATE_DRAFT);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), CWB_AGREEMENT_STATE_DRAFT);

  if (!cwb_agreement_get_frozen (self))
    return CWB_AGREEMENT_STATE_DRAFT;

  return all_signed_and_sealed (self, consortium) ? CWB_AGREEMENT_STATE_EFFECTIVE
                                                  : CWB_AGREEMENT_STATE_PENDING;
}

static void
keep_latest (const char **latest,
             const char  *date)
{
  /* YYYY-MM-DD compares as text */
  if (date != NULL && (*latest == NULL || strcmp (date, *latest) > 0))
    *latest = date;
}

char *
cwb_agreement_dup_effective_date (CwbAgreement  *self,
                                  CwbConsortium *consortium)
{
  g_autoptr(GHashTable) index = NULL;
  const char *latest = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  if (cwb_agreement_get_state (self, consortium) != CWB_AGREEMENT_STATE_EFFECTIVE)
    return NULL;

  index = index_signatures (self);
  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbAgreementSignature *signature =
        g_hash_table_lookup (index, cwb_member_get_uscc (cwb_consortium_get_member (consortium, i)));

      keep_latest (&latest, signature->date);
      keep_latest (&latest, cwb_agreement_signature_get_seal_date (signature));
    }

  return g_strdup (latest);
}

/* The headings of @list (CwbAgreementItem), joined for a message */
char *
_cwb_agreement_join_headings (GArray *list)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the items of a list, e.g. of member names; zh_CN "、" */
        g_string_append (text, C_("list separator", ", "));
      g_string_append_printf (text, "“%s”",
                              cwb_agreement_item_get_heading (g_array_index (list, CwbAgreementItem, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
record_version (CwbAgreement *self,
                const char   *date)
{
  CwbAgreementVersion *version = g_new0 (CwbAgreementVersion, 1);
  CwbAgreementVersion *last = self->versions->len > 0
    ? g_ptr_array_index (self->versions, self->versions->len - 1) : NULL;

  version->number = last != NULL ? last->number + 1 : 1;
  version->date = g_strdup (date);
  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    version->texts[i] = g_strdup (self->texts[i]);
  version->clauses_extra = object_copy_or_null (self->clauses_extra);

  g_ptr_array_add (self->versions, version);
}

gboolean
cwb_agreement_freeze (CwbAgreement  *self,
                      const char    *date,
                      GError       **error)
{
  g_autoptr(GArray) blank = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || !cwb_date_is_valid (date))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01"),
                   date != NULL ? date : "");
      return FALSE;
    }

  if (cwb_agreement_get_frozen (self))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("The agreement’s text is frozen already."));
      return FALSE;
    }

  blank = cwb_agreement_list_incomplete_items (self, NULL);
  if (blank->len > 0)
    {
      g_autofree char *headings = _cwb_agreement_join_headings (blank);

      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   g_dngettext (NULL,
                                "The text cannot be frozen for signing: the item %s is empty.",
                                "The text cannot be frozen for signing: the items %s are empty.",
                                blank->len),
                   headings);
      return FALSE;
    }

  record_version (self, date);
  self->frozen = 1;
  emit_changed (self);

  return TRUE;
}

char **
cwb_agreement_list_signatures_to_clear (CwbAgreement *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  if (cwb_agreement_get_frozen (self))
    for (guint i = 0; i < self->signatures->len; i++)
      {
        CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

        if (signature->legal_rep_signed || signature->sealed ||
            signature->date != NULL || signature->sealed_date != NULL || signature->scan != NULL)
          g_strv_builder_add (builder, signature->uscc);
      }

  return g_strv_builder_end (builder);
}

static gboolean
texts_equal_version (CwbAgreement              *self,
                     const CwbAgreementVersion *version)
{
  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    if (g_strcmp0 (self->texts[i], version->texts[i]) != 0)
      return FALSE;

  return TRUE;
}

/* The earliest signing or sealing date of any record, or NULL */
static const char *
earliest_signature_date (CwbAgreement *self)
{
  const char *earliest = NULL;

  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);
      const char *dates[] = { signature->date, signature->sealed_date };

      for (guint j = 0; j < G_N_ELEMENTS (dates); j++)
        if (dates[j] != NULL && (earliest == NULL || strcmp (dates[j], earliest) < 0))
          earliest = dates[j];
    }

  return earliest;
}

/* Reopens without emitting "changed"; returns the cleared USCCs */
static char **
reopen (CwbAgreement *self,
        const char   *date)
{
  char **cleared;
  CwbAgreementVersion *last;

  cleared = cwb_agreement_list_signatures_to_clear (self);
  if (!cwb_agreement_get_frozen (self))
    return cleared;

  last = self->versions->len > 0 ? g_ptr_array_index (self->versions, self->versions->len - 1) : NULL;
  if (last == NULL || !texts_equal_version (self, last))
    {
      const char *earliest = earliest_signature_date (self);

      record_version (self, earliest != NULL ? earliest : date);
    }

  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

      signature->legal_rep_signed = FALSE;
      signature->sealed = FALSE;
      g_clear_pointer (&signature->date, g_free);
      g_clear_pointer (&signature->sealed_date, g_free);
      g_clear_pointer (&signature->scan, cwb_agreement_scan_free);
    }

  self->frozen = 0;

  return cleared;
}

char **
cwb_agreement_reopen (CwbAgreement *self,
                      const char   *date)
{
  char **cleared;
  gboolean was_frozen;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (date != NULL && cwb_date_is_valid (date), NULL);

  was_frozen = cwb_agreement_get_frozen (self);
  cleared = reopen (self, date);
  if (was_frozen)
    emit_changed (self);

  return cleared;
}

GPtrArray *
cwb_agreement_get_versions (CwbAgreement *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  return self->versions;
}

const CwbAgreementVersion *
cwb_agreement_find_version (CwbAgreement *self,
                            int           number)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  for (guint i = 0; i < self->versions->len; i++)
    {
      CwbAgreementVersion *version = g_ptr_array_index (self->versions, i);

      if (version->number == number)
        return version;
    }

  return NULL;
}

gboolean
cwb_agreement_restore_version (CwbAgreement   *self,
                               int             number,
                               const char     *date,
                               char         ***cleared,
                               GError        **error)
{
  g_autoptr(CwbAgreementVersion) version = NULL;
  g_auto(GStrv) cleared_here = NULL;
  const CwbAgreementVersion *found;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || !cwb_date_is_valid (date))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01"),
                   date != NULL ? date : "");
      return FALSE;
    }

  found = cwb_agreement_find_version (self, number);
  if (found == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("The agreement has no version %d."), number);
      return FALSE;
    }

  /* reopening may add a version and move the array */
  version = cwb_agreement_version_copy (found);
  cleared_here = reopen (self, date);

  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    {
      g_free (self->texts[i]);
      self->texts[i] = g_strdup (version->texts[i]);
    }
  g_clear_pointer (&self->clauses_extra, json_object_unref);
  self->clauses_extra = object_copy_or_null (version->clauses_extra);

  emit_changed (self);

  if (cleared != NULL)
    *cleared = g_steal_pointer (&cleared_here);

  return TRUE;
}

/* Signatures */

GPtrArray *
cwb_agreement_get_signatures (CwbAgreement *self)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  return self->signatures;
}

static CwbAgreementSignature *
find_signature (CwbAgreement *self,
                const char   *uscc,
                guint        *position)
{
  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

      if (g_str_equal (signature->uscc, uscc))
        {
          if (position != NULL)
            *position = i;
          return signature;
        }
    }

  return NULL;
}

const CwbAgreementSignature *
cwb_agreement_lookup_signature (CwbAgreement *self,
                                const char   *uscc)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);

  return find_signature (self, uscc, NULL);
}

static CwbAgreementSignature *
ensure_signature (CwbAgreement  *self,
                  const char    *uscc,
                  GError       **error)
{
  CwbAgreementSignature *signature = find_signature (self, uscc, NULL);
  g_autoptr(GError) uscc_error = NULL;

  if (signature != NULL)
    return signature;

  if (!cwb_uscc_validate (uscc, &uscc_error))
    {
      g_propagate_error (error, g_steal_pointer (&uscc_error));
      return NULL;
    }

  /* a record made in a draft must not turn it implicitly frozen */
  if (self->frozen < 0 && self->signatures->len == 0)
    self->frozen = 0;

  signature = _cwb_agreement_signature_new (uscc);
  g_ptr_array_add (self->signatures, signature);

  return signature;
}

gboolean
cwb_agreement_set_legal_rep (CwbAgreement  *self,
                             const char    *uscc,
                             const char    *name,
                             GError       **error)
{
  CwbAgreementSignature *signature;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);

  if (name != NULL && !cwb_text_is_blank (name))
    stripped = g_strstrip (g_strdup (name));

  signature = find_signature (self, uscc, NULL);
  if (signature != NULL && g_strcmp0 (signature->legal_rep, stripped) == 0)
    return TRUE;

  signature = ensure_signature (self, uscc, error);
  if (signature == NULL)
    return FALSE;

  g_free (signature->legal_rep);
  signature->legal_rep = g_steal_pointer (&stripped);
  emit_changed (self);

  return TRUE;
}

static gboolean
check_mark (CwbAgreement  *self,
            gboolean       value,
            const char    *date,
            GError       **error)
{
  if (!value)
    return TRUE;

  if (!cwb_agreement_get_frozen (self))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("The agreement is still a draft: freeze its text for signing "
                             "before recording signatures and seals."));
      return FALSE;
    }

  if (date == NULL || !cwb_date_is_valid (date))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a valid date; write it as YYYY-MM-DD, such as 2024-03-01"),
                   date != NULL ? date : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
cwb_agreement_set_signed (CwbAgreement  *self,
                          const char    *uscc,
                          gboolean       value,
                          const char    *date,
                          GError       **error)
{
  CwbAgreementSignature *signature;
  const char *new_date;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);

  if (!check_mark (self, value, date, error))
    return FALSE;

  new_date = value ? date : NULL;
  signature = find_signature (self, uscc, NULL);
  if (signature == NULL && !value)
    return TRUE;
  if (signature != NULL && signature->legal_rep_signed == value &&
      g_strcmp0 (signature->date, new_date) == 0)
    return TRUE;

  signature = ensure_signature (self, uscc, error);
  if (signature == NULL)
    return FALSE;

  signature->legal_rep_signed = value;
  g_free (signature->date);
  signature->date = g_strdup (new_date);
  emit_changed (self);

  return TRUE;
}

gboolean
cwb_agreement_set_sealed (CwbAgreement  *self,
                          const char    *uscc,
                          gboolean       value,
                          const char    *date,
                          GError       **error)
{
  CwbAgreementSignature *signature;
  const char *new_date;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);

  if (!check_mark (self, value, date, error))
    return FALSE;

  new_date = value ? date : NULL;
  signature = find_signature (self, uscc, NULL);
  if (signature == NULL && !value)
    return TRUE;
  if (signature != NULL && signature->sealed == value &&
      g_strcmp0 (cwb_agreement_signature_get_seal_date (signature), new_date) == 0)
    return TRUE;

  signature = ensure_signature (self, uscc, error);
  if (signature == NULL)
    return FALSE;

  signature->sealed = value;
  g_clear_pointer (&signature->sealed_date, g_free);
  /* a seal of the signing day needs no date of its own (as in consortium/1) */
  if (new_date != NULL && g_strcmp0 (new_date, signature->date) != 0)
    signature->sealed_date = g_strdup (new_date);
  emit_changed (self);

  return TRUE;
}

void
cwb_agreement_set_scan (CwbAgreement           *self,
                        const char             *uscc,
                        const CwbAgreementScan *scan)
{
  CwbAgreementSignature *signature;

  g_return_if_fail (CWB_IS_AGREEMENT (self));
  g_return_if_fail (uscc != NULL);

  signature = find_signature (self, uscc, NULL);
  if (signature == NULL && scan == NULL)
    return;

  signature = ensure_signature (self, uscc, NULL);
  g_return_if_fail (signature != NULL);

  g_clear_pointer (&signature->scan, cwb_agreement_scan_free);
  if (scan != NULL)
    signature->scan = cwb_agreement_scan_copy (scan);
  emit_changed (self);
}

gboolean
cwb_agreement_remove_signature (CwbAgreement *self,
                                const char   *uscc)
{
  guint position;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);

  if (find_signature (self, uscc, &position) == NULL)
    return FALSE;

  /* removing the last record must not thaw an implicitly frozen text */
  if (self->frozen < 0)
    self->frozen = cwb_agreement_get_frozen (self) ? 1 : 0;

  g_ptr_array_remove_index (self->signatures, position);
  emit_changed (self);

  return TRUE;
}

typedef enum {
  LIST_MISSING,
  LIST_UNSIGNED,
  LIST_UNSEALED,
} ListKind;

static char **
list_members (CwbAgreement  *self,
              CwbConsortium *consortium,
              ListKind       kind)
{
  g_autoptr(GHashTable) index = index_signatures (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      const char *uscc = cwb_member_get_uscc (cwb_consortium_get_member (consortium, i));
      CwbAgreementSignature *signature = g_hash_table_lookup (index, uscc);
      gboolean listed;

      switch (kind)
        {
        case LIST_MISSING:
          listed = signature == NULL;
          break;
        case LIST_UNSIGNED:
          listed = signature == NULL || !signature->legal_rep_signed;
          break;
        case LIST_UNSEALED:
        default:
          listed = signature == NULL || !signature->sealed;
          break;
        }

      if (listed)
        g_strv_builder_add (builder, uscc);
    }

  return g_strv_builder_end (builder);
}

char **
cwb_agreement_list_missing_signatories (CwbAgreement  *self,
                                        CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  return list_members (self, consortium, LIST_MISSING);
}

char **
cwb_agreement_list_unsigned (CwbAgreement  *self,
                             CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  return list_members (self, consortium, LIST_UNSIGNED);
}

char **
cwb_agreement_list_unsealed (CwbAgreement  *self,
                             CwbConsortium *consortium)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  return list_members (self, consortium, LIST_UNSEALED);
}

void
_cwb_agreement_list_signatories (CwbAgreement    *self,
                                 CwbConsortium   *consortium,
                                 char          ***missing,
                                 char          ***unsigned_,
                                 char          ***unsealed,
                                 char          ***extra)
{
  g_autoptr(GHashTable) index = index_signatures (self);
  g_autoptr(GStrvBuilder) missing_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) unsigned_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) unsealed_builder = g_strv_builder_new ();
  guint n_signatories = 0;

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      const char *uscc = cwb_member_get_uscc (cwb_consortium_get_member (consortium, i));
      CwbAgreementSignature *signature = g_hash_table_lookup (index, uscc);

      if (signature == NULL)
        g_strv_builder_add (missing_builder, uscc);
      else
        n_signatories++;
      if (signature == NULL || !signature->legal_rep_signed)
        g_strv_builder_add (unsigned_builder, uscc);
      if (signature == NULL || !signature->sealed)
        g_strv_builder_add (unsealed_builder, uscc);
    }

  *missing = g_strv_builder_end (missing_builder);
  *unsigned_ = g_strv_builder_end (unsigned_builder);
  *unsealed = g_strv_builder_end (unsealed_builder);
  /* every record is a member's (the usual case): no record is extra */
  *extra = n_signatories == self->signatures->len ? g_new0 (char *, 1)
                                                 : cwb_agreement_list_extra_signatories (self, consortium);
}

char **
cwb_agreement_list_extra_signatories (CwbAgreement  *self,
                                      CwbConsortium *consortium)
{
  g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    g_hash_table_add (members, (gpointer) cwb_member_get_uscc (cwb_consortium_get_member (consortium, i)));

  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

      if (!g_hash_table_contains (members, signature->uscc))
        g_strv_builder_add (builder, signature->uscc);
    }

  return g_strv_builder_end (builder);
}
