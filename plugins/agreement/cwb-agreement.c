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

/* Items */

typedef struct
{
  const char *key;
  const char *letter;
  const char *heading;  /* NC_("agreement item", …) */
} ItemInfo;

/* In the policy's order; the zh_CN headings are the policy's own words. */
static const ItemInfo items[CWB_AGREEMENT_N_ITEMS] = {
  { "goals", "a", NC_("agreement item", "Technological innovation goals") },
  { "task_division", "b", NC_("agreement item", "Division of tasks") },
  { "rights_obligations", "c", NC_("agreement item", "Each member’s responsibilities, rights and obligations") },
  { "ip_ownership", "d", NC_("agreement item", "Ownership of scientific and technological results and intellectual property") },
  { "cost_sharing", "e", NC_("agreement item", "Bearing of technology development costs") },
  { "income_distribution", "f", NC_("agreement item", "Distribution of the income from technology transfer, licensing, consulting and services") },
  { "breach_liability", "g", NC_("agreement item", "How liability for breach is pursued") },
  { "dispute_resolution", "h", NC_("agreement item", "How disputes are resolved") },
  { "dissolution", "i", NC_("agreement item", "Each member’s rights and duties when the consortium is dissolved") },
};

const char *
cwb_agreement_item_to_key (CwbAgreementItem item)
{
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, NULL);

  return items[item].key;
}

gboolean
cwb_agreement_item_from_key (const char       *key,
                             CwbAgreementItem *item)
{
  for (guint i = 0; key != NULL && i < CWB_AGREEMENT_N_ITEMS; i++)
    if (g_str_equal (key, items[i].key))
      {
        if (item != NULL)
          *item = (CwbAgreementItem) i;
        return TRUE;
      }

  return FALSE;
}

const char *
cwb_agreement_item_get_heading (CwbAgreementItem item)
{
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, NULL);

  return g_dpgettext2 (NULL, "agreement item", items[item].heading);
}

const char *
cwb_agreement_item_get_letter (CwbAgreementItem item)
{
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, NULL);

  return items[item].letter;
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

static CwbAgreementSignature *
signature_new (const char *uscc)
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

  copy = signature_new (signature->uscc);
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
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
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
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    g_free (version->texts[i]);
  g_clear_pointer (&version->extra, json_object_unref);
  g_clear_pointer (&version->clauses_extra, json_object_unref);
  g_free (version);
}

G_DEFINE_BOXED_TYPE (CwbAgreementVersion, cwb_agreement_version,
                     cwb_agreement_version_copy, cwb_agreement_version_free)

/* The object */

struct _CwbAgreement
{
  GObject     parent_instance;

  char       *texts[CWB_AGREEMENT_N_ITEMS];
  gboolean    has_clauses;     /* the section had "clauses" */
  JsonObject *clauses_extra;   /* keys of "clauses" this plugin does not know */

  GPtrArray  *signatures;      /* CwbAgreementSignature */
  gboolean    has_signatures;

  int         frozen;          /* -1: no "frozen" key, else 0 or 1 */

  GPtrArray  *versions;        /* CwbAgreementVersion, oldest first */
  gboolean    has_versions;

  JsonObject *extra;           /* top-level keys this plugin does not know */
};

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

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
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

/* Reading the section, with a CwbJsonReader: every error names the key
 * path (agreement.signatures[2].date), in the host's words. Keys this
 * plugin does not know are kept as they were. */

#define ROOT_PATH "agreement"

static gboolean
is_known (const char         *key,
          const char * const *known)
{
  return known != NULL && g_strv_contains (known, key);
}

/* The members of @object that are not in @known, copied; NULL if none. */
static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  JsonObject *extra = NULL;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, &value))
    {
      if (is_known (key, known))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, key, json_node_copy (value));
    }

  return extra;
}

static void
put_extra (JsonObject *object,
           JsonObject *extra)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (extra == NULL)
    return;

  json_object_iter_init (&iter, extra);
  while (json_object_iter_next (&iter, &key, &value))
    if (!json_object_has_member (object, key))
      json_object_set_member (object, key, json_node_copy (value));
}

/* Reads the optional date @key of @object into @out (a copy). */
static gboolean
read_date (CwbJsonReader  *reader,
           JsonObject     *object,
           const char     *key,
           CwbJsonFlags    flags,
           char          **out,
           GError        **error)
{
  const char *date = NULL;

  if (!cwb_json_reader_read_date (reader, object, key, flags, &date, error))
    return FALSE;

  *out = g_strdup (date);
  return TRUE;
}

/* "clauses", the member of @parent: the nine texts, and what else it holds */
static gboolean
read_clauses (CwbJsonReader  *reader,
              JsonObject     *parent,
              CwbJsonFlags    flags,
              char          **texts,
              JsonObject    **extra,
              gboolean       *present,
              GError        **error)
{
  const char *known[CWB_AGREEMENT_N_ITEMS + 1];
  JsonObject *object = NULL;

  if (!cwb_json_reader_read_object (reader, parent, "clauses", flags, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "clauses");
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      const char *text = NULL;

      if (!cwb_json_reader_read_string (reader, object, items[i].key, CWB_JSON_OPTIONAL, &text, error))
        return FALSE;
      texts[i] = g_strdup (text);
      known[i] = items[i].key;
    }
  known[CWB_AGREEMENT_N_ITEMS] = NULL;
  cwb_json_reader_pop (reader);

  *extra = collect_extra (object, known);
  if (present != NULL)
    *present = TRUE;

  return TRUE;
}

static const char * const media_types[] = {
  "application/pdf", "image/png", "image/jpeg", NULL
};

static gboolean
is_sha256_hex (const char *s)
{
  if (strlen (s) != 64)
    return FALSE;

  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;

  return TRUE;
}

/* "scan", the member of @parent */
static gboolean
read_scan (CwbJsonReader      *reader,
           JsonObject         *parent,
           CwbAgreementScan  **out,
           GError            **error)
{
  static const char * const known[] = { "name", "media_type", "size", "sha256", NULL };
  g_autoptr(CwbAgreementScan) scan = NULL;
  JsonObject *object = NULL;
  const char *name = NULL;
  const char *sha256 = NULL;
  guint media_type = 0;

  if (!cwb_json_reader_read_object (reader, parent, "scan", CWB_JSON_OPTIONAL, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  scan = g_new0 (CwbAgreementScan, 1);
  cwb_json_reader_push_key (reader, "scan");
  if (!cwb_json_reader_read_string (reader, object, "name", CWB_JSON_REQUIRED | CWB_JSON_NOT_BLANK, &name, error) ||
      !cwb_json_reader_read_choice (reader, object, "media_type", CWB_JSON_REQUIRED, media_types, &media_type, error) ||
      !cwb_json_reader_read_integer (reader, object, "size", CWB_JSON_REQUIRED,
                                     1, CWB_AGREEMENT_SCAN_MAX_SIZE, &scan->size, error) ||
      !cwb_json_reader_read_string (reader, object, "sha256", CWB_JSON_REQUIRED, &sha256, error))
    return FALSE;

  if (!is_sha256_hex (sha256))
    return cwb_json_reader_fail (reader, "sha256", error,
                                 _("“%s” is not a SHA-256 digest (64 lower-case hexadecimal digits)"),
                                 sha256);
  cwb_json_reader_pop (reader);

  scan->name = g_strdup (name);
  scan->media_type = g_strdup (media_types[media_type]);
  scan->sha256 = g_strdup (sha256);
  scan->extra = collect_extra (object, known);
  *out = g_steal_pointer (&scan);

  return TRUE;
}

typedef struct {
  CwbAgreement *self;
  GHashTable   *seen;       /* credit code → index */
  int           previous;   /* the last version's number */
} SectionRead;

static gboolean
signature_value (CwbJsonReader  *reader,
                 JsonObject     *object,
                 guint           index,
                 gpointer        user_data,
                 GError        **error)
{
  static const char * const known[] = {
    "uscc", "legal_rep", "legal_rep_signed", "date", "sealed", "sealed_date", "scan", NULL
  };
  SectionRead *read = user_data;
  g_autoptr(CwbAgreementSignature) signature = NULL;
  g_autoptr(GError) uscc_error = NULL;
  const char *uscc = NULL;
  const char *legal_rep = NULL;
  gpointer first;

  if (!cwb_json_reader_read_string (reader, object, "uscc", CWB_JSON_REQUIRED, &uscc, error))
    return FALSE;
  if (!cwb_uscc_validate (uscc, &uscc_error))
    return cwb_json_reader_fail (reader, "uscc", error, "%s", uscc_error->message);

  signature = signature_new (uscc);
  if (!cwb_json_reader_read_string (reader, object, "legal_rep", CWB_JSON_OPTIONAL, &legal_rep, error) ||
      !cwb_json_reader_read_boolean (reader, object, "legal_rep_signed", CWB_JSON_REQUIRED,
                                     &signature->legal_rep_signed, error) ||
      !cwb_json_reader_read_boolean (reader, object, "sealed", CWB_JSON_REQUIRED, &signature->sealed, error) ||
      !read_date (reader, object, "date", CWB_JSON_OPTIONAL, &signature->date, error) ||
      !read_date (reader, object, "sealed_date", CWB_JSON_OPTIONAL, &signature->sealed_date, error) ||
      !read_scan (reader, object, &signature->scan, error))
    return FALSE;
  signature->legal_rep = g_strdup (legal_rep);
  signature->extra = collect_extra (object, known);

  if (g_hash_table_lookup_extended (read->seen, signature->uscc, NULL, &first))
    return cwb_json_reader_fail (reader, "uscc", error, _("credit code %s is already used by signatures[%u]"),
                                 signature->uscc, GPOINTER_TO_UINT (first));

  g_hash_table_insert (read->seen, signature->uscc, GUINT_TO_POINTER (index));
  g_ptr_array_add (read->self->signatures, g_steal_pointer (&signature));

  return TRUE;
}

static gboolean
version_value (CwbJsonReader  *reader,
               JsonObject     *object,
               guint           index,
               gpointer        user_data,
               GError        **error)
{
  static const char * const known[] = { "number", "date", "clauses", NULL };
  SectionRead *read = user_data;
  g_autoptr(CwbAgreementVersion) version = g_new0 (CwbAgreementVersion, 1);
  gint64 number = 0;

  if (!cwb_json_reader_read_integer (reader, object, "number", CWB_JSON_REQUIRED,
                                     G_MININT64, G_MAXINT64, &number, error))
    return FALSE;
  if (number <= read->previous || number > G_MAXINT)
    return cwb_json_reader_fail (reader, "number", error, _("version numbers must increase: %lld follows %d"),
                                 (long long) number, read->previous);
  version->number = (int) number;

  if (!read_date (reader, object, "date", CWB_JSON_REQUIRED, &version->date, error) ||
      !read_clauses (reader, object, CWB_JSON_REQUIRED, version->texts, &version->clauses_extra, NULL, error))
    return FALSE;

  version->extra = collect_extra (object, known);
  read->previous = version->number;
  g_ptr_array_add (read->self->versions, g_steal_pointer (&version));

  return TRUE;
}

/* The member @key of @object, an optional array of objects, each read by
 * @func; *@present says whether it was there */
static gboolean
read_objects (CwbJsonReader      *reader,
              JsonObject         *object,
              const char         *key,
              CwbJsonReadObject   func,
              SectionRead        *read,
              gboolean           *present,
              GError            **error)
{
  JsonArray *array = NULL;

  if (!cwb_json_reader_read_array (reader, object, key, CWB_JSON_OPTIONAL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, key);
  if (!cwb_json_reader_foreach_object (reader, array, func, read, error))
    return FALSE;
  cwb_json_reader_pop (reader);
  *present = TRUE;

  return TRUE;
}

CwbAgreement *
cwb_agreement_new_from_section (JsonNode  *node,
                                GError   **error)
{
  static const char * const known[] = { "clauses", "signatures", "frozen", "versions", NULL };
  g_autoptr(CwbAgreement) self = cwb_agreement_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SectionRead read = { self, seen, 0 };
  CwbJsonReader reader;
  JsonObject *object;
  JsonNode *frozen = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL)
    return g_steal_pointer (&self);

  cwb_json_reader_init (&reader, ROOT_PATH);
  if (!cwb_json_reader_get_object (&reader, node, &object, error) ||
      !read_clauses (&reader, object, CWB_JSON_OPTIONAL, self->texts, &self->clauses_extra,
                     &self->has_clauses, error) ||
      !read_objects (&reader, object, "signatures", signature_value, &read, &self->has_signatures, error) ||
      !cwb_json_reader_lookup (&reader, object, "frozen", CWB_JSON_BOOLEAN, CWB_JSON_OPTIONAL, &frozen, error) ||
      !read_objects (&reader, object, "versions", version_value, &read, &self->has_versions, error))
    return NULL;

  if (frozen != NULL)
    self->frozen = json_node_get_boolean (frozen) ? 1 : 0;
  self->extra = collect_extra (object, known);

  return g_steal_pointer (&self);
}

/* Writing the section */

static JsonNode *
clauses_to_node (char * const *texts,
                 JsonObject   *extra)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    if (texts[i] != NULL)
      json_object_set_string_member (object, items[i].key, texts[i]);
  put_extra (object, extra);

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static JsonNode *
scan_to_node (const CwbAgreementScan *scan)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (object, "name", scan->name);
  json_object_set_string_member (object, "media_type", scan->media_type);
  json_object_set_int_member (object, "size", scan->size);
  json_object_set_string_member (object, "sha256", scan->sha256);
  put_extra (object, scan->extra);

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static JsonNode *
signature_to_node (const CwbAgreementSignature *signature)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (object, "uscc", signature->uscc);
  if (signature->legal_rep != NULL)
    json_object_set_string_member (object, "legal_rep", signature->legal_rep);
  json_object_set_boolean_member (object, "legal_rep_signed", signature->legal_rep_signed);
  json_object_set_boolean_member (object, "sealed", signature->sealed);
  if (signature->date != NULL)
    json_object_set_string_member (object, "date", signature->date);
  if (signature->sealed_date != NULL)
    json_object_set_string_member (object, "sealed_date", signature->sealed_date);
  if (signature->scan != NULL)
    json_object_set_member (object, "scan", scan_to_node (signature->scan));
  put_extra (object, signature->extra);

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static JsonNode *
version_to_node (const CwbAgreementVersion *version)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_int_member (object, "number", version->number);
  json_object_set_string_member (object, "date", version->date);
  json_object_set_member (object, "clauses",
                          clauses_to_node (version->texts, version->clauses_extra));
  put_extra (object, version->extra);

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static gboolean
has_any_text (CwbAgreement *self)
{
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    if (self->texts[i] != NULL)
      return TRUE;

  return self->clauses_extra != NULL;
}

JsonNode *
cwb_agreement_to_section (CwbAgreement *self)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  object = json_object_new ();

  if (self->has_clauses || has_any_text (self))
    json_object_set_member (object, "clauses", clauses_to_node (self->texts, self->clauses_extra));

  if (self->has_signatures || self->signatures->len > 0)
    {
      JsonArray *array = json_array_sized_new (self->signatures->len);

      for (guint i = 0; i < self->signatures->len; i++)
        json_array_add_element (array, signature_to_node (g_ptr_array_index (self->signatures, i)));
      json_object_set_array_member (object, "signatures", array);
    }

  if (self->frozen >= 0)
    json_object_set_boolean_member (object, "frozen", self->frozen == 1);

  if (self->has_versions || self->versions->len > 0)
    {
      JsonArray *array = json_array_sized_new (self->versions->len);

      for (guint i = 0; i < self->versions->len; i++)
        json_array_add_element (array, version_to_node (g_ptr_array_index (self->versions, i)));
      json_object_set_array_member (object, "versions", array);
    }

  put_extra (object, self->extra);

  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

CwbAgreement *
cwb_agreement_new_for_consortium (CwbConsortium  *consortium,
                                  GError        **error)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  return cwb_agreement_new_from_section (cwb_consortium_get_section (consortium, "agreement"),
                                         error);
}

void
cwb_agreement_apply_to_consortium (CwbAgreement  *self,
                                   CwbConsortium *consortium)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (CWB_IS_AGREEMENT (self));
  g_return_if_fail (CWB_IS_CONSORTIUM (consortium));

  node = cwb_agreement_to_section (self);
  cwb_consortium_set_section (consortium, "agreement", node);
}

CwbAgreement *
cwb_agreement_copy (CwbAgreement *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  CwbAgreement *copy;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  node = cwb_agreement_to_section (self);
  copy = cwb_agreement_new_from_section (node, &error);
  g_assert_no_error (error);

  return copy;
}

gboolean
cwb_agreement_equal (CwbAgreement *self,
                     CwbAgreement *other)
{
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (CWB_IS_AGREEMENT (other), FALSE);

  a = cwb_agreement_to_section (self);
  b = cwb_agreement_to_section (other);

  return json_node_equal (a, b);
}

CwbAgreement *
cwb_agreement_load (CwbStore  *store,
                    gint64     consortium_id,
                    GError   **error)
{
  g_autoptr(JsonNode) node = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = cwb_store_get_section (store, consortium_id, "agreement", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return cwb_agreement_new_from_section (node, error);
}

gboolean
cwb_agreement_save (CwbAgreement  *self,
                    CwbStore      *store,
                    gint64         consortium_id,
                    GError       **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (CWB_IS_STORE (store), FALSE);

  node = cwb_agreement_to_section (self);

  return cwb_store_set_section (store, consortium_id, "agreement", node, error);
}

/* Texts */

const char *
cwb_agreement_get_text (CwbAgreement     *self,
                        CwbAgreementItem  item)
{
  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, NULL);

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
  g_return_val_if_fail ((guint) item < CWB_AGREEMENT_N_ITEMS, FALSE);
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
  GPtrArray *members = cwb_consortium_get_members (consortium);

  if (members->len == 0)
    return FALSE;

  for (guint i = 0; i < members->len; i++)
    {
      CwbAgreementSignature *signature =
        g_hash_table_lookup (index, cwb_member_get_uscc (g_ptr_array_index (members, i)));

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
  GPtrArray *members;
  const char *latest = NULL;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  if (cwb_agreement_get_state (self, consortium) != CWB_AGREEMENT_STATE_EFFECTIVE)
    return NULL;

  index = index_signatures (self);
  members = cwb_consortium_get_members (consortium);
  for (guint i = 0; i < members->len; i++)
    {
      CwbAgreementSignature *signature =
        g_hash_table_lookup (index, cwb_member_get_uscc (g_ptr_array_index (members, i)));

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
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
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
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
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

  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
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

  signature = signature_new (uscc);
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
  GPtrArray *members = cwb_consortium_get_members (consortium);

  for (guint i = 0; i < members->len; i++)
    {
      const char *uscc = cwb_member_get_uscc (g_ptr_array_index (members, i));
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

char **
cwb_agreement_list_extra_signatories (CwbAgreement  *self,
                                      CwbConsortium *consortium)
{
  g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *list;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  list = cwb_consortium_get_members (consortium);
  for (guint i = 0; i < list->len; i++)
    g_hash_table_add (members, (gpointer) cwb_member_get_uscc (g_ptr_array_index (list, i)));

  for (guint i = 0; i < self->signatures->len; i++)
    {
      CwbAgreementSignature *signature = g_ptr_array_index (self->signatures, i);

      if (!g_hash_table_contains (members, signature->uscc))
        g_strv_builder_add (builder, signature->uscc);
    }

  return g_strv_builder_end (builder);
}

/* Variables */

static const char * const variable_names[] = {
  "consortium_name",
  "lead_name",
  "member_list",
  "member_count",
  "term",
  "chief_expert",
  "today",
  NULL
};

const char * const *
cwb_agreement_get_variable_names (void)
{
  return variable_names;
}

const char *
cwb_agreement_variable_get_label (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  if (g_str_equal (name, "consortium_name"))
    return _("The consortium’s name");
  if (g_str_equal (name, "lead_name"))
    return _("The lead unit’s name");
  if (g_str_equal (name, "member_list"))
    return _("The names of all member units");
  if (g_str_equal (name, "member_count"))
    return _("The number of member units");
  if (g_str_equal (name, "term"))
    return _("The consortium’s term of validity");
  if (g_str_equal (name, "chief_expert"))
    return _("The chief expert’s name");
  if (g_str_equal (name, "today"))
    return _("Today’s date");

  return NULL;
}

static void
put_value (GHashTable *values,
           const char *name,
           const char *value)
{
  if (!cwb_text_is_blank (value))
    g_hash_table_insert (values, g_strdup (name), g_strdup (value));
}

static const char * const chinese_numerals[] = {
  NULL, "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"
};

/* The term: a rule's "term_years" figure if the rule set gives one,
 * else the policy's words (有效期为三年). */
static char *
dup_term (CwbRuleSet *rules)
{
  const char * const *ids = rules != NULL ? cwb_rule_set_get_rule_ids (rules) : NULL;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      double years;

      if (cwb_rule_set_lookup_number (rules, ids[i], "term_years", &years) &&
          years >= 1 && years == (double) (int) years)
        {
          if (years < G_N_ELEMENTS (chinese_numerals))
            /* TRANSLATORS: a term of validity such as 三年; %s is a numeral */
            return g_strdup_printf (_("%s years"), chinese_numerals[(int) years]);
          return g_strdup_printf (_("%d years"), (int) years);
        }
    }

  /* TRANSLATORS: the consortium's term of validity in the policy's words (三年) */
  return g_strdup (_("three years"));
}

GHashTable *
cwb_agreement_collect_variables (CwbContext    *context,
                                 CwbConsortium *consortium)
{
  GHashTable *values;
  GPtrArray *members;
  CwbMember *lead;
  JsonNode *expert;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *count = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *today = NULL;
  g_autofree char *term = NULL;

  g_return_val_if_fail (context == NULL || CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (consortium), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  put_value (values, "consortium_name", cwb_consortium_get_name (consortium));

  lead = cwb_consortium_get_lead (consortium);
  if (lead != NULL)
    put_value (values, "lead_name", cwb_member_get_name (lead));

  members = cwb_consortium_get_members (consortium);
  for (guint i = 0; i < members->len; i++)
    {
      CwbMember *member = g_ptr_array_index (members, i);
      const char *name = cwb_member_get_name (member);

      if (list->len > 0)
        g_string_append (list, "、");
      g_string_append (list, !cwb_text_is_blank (name) ? name : cwb_member_get_uscc (member));
    }
  put_value (values, "member_list", list->str);
  if (members->len > 0)
    {
      count = g_strdup_printf ("%u", members->len);
      put_value (values, "member_count", count);
    }

  term = dup_term (context != NULL ? cwb_context_get_rules (context) : NULL);
  put_value (values, "term", term);

  expert = cwb_consortium_get_section (consortium, "chief_expert");
  if (expert != NULL && JSON_NODE_HOLDS_OBJECT (expert))
    {
      JsonNode *name = json_object_get_member (json_node_get_object (expert), "name");

      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) &&
          json_node_get_value_type (name) == G_TYPE_STRING)
        put_value (values, "chief_expert", json_node_get_string (name));
    }

  now = context != NULL ? cwb_context_dup_now (context) : g_date_time_new_now_local ();
  iso = g_date_time_format (now, "%Y-%m-%d");
  today = cwb_format_date (iso);
  put_value (values, "today", today);

  return values;
}

static gboolean
is_variable_name (const char *start,
                  gsize       length)
{
  if (length == 0 || !(g_ascii_islower (start[0]) || start[0] == '_'))
    return FALSE;

  for (gsize i = 1; i < length; i++)
    if (!(g_ascii_islower (start[i]) || g_ascii_isdigit (start[i]) || start[i] == '_'))
      return FALSE;

  return TRUE;
}

/* Calls @each for every ${name} of @text; copies the rest into @out if given */
static void
scan_variables (const char  *text,
                GHashTable  *values,
                GString     *out,
                GPtrArray   *unfilled,
                GPtrArray   *found)
{
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *start = strstr (p, "${");
      const char *end;
      g_autofree char *name = NULL;
      const char *value;

      if (start == NULL)
        {
          if (out != NULL)
            g_string_append (out, p);
          break;
        }

      end = strchr (start + 2, '}');
      if (end == NULL || !is_variable_name (start + 2, end - start - 2))
        {
          if (out != NULL)
            g_string_append_len (out, p, start + 2 - p);
          p = start + 2;
          continue;
        }

      if (out != NULL)
        g_string_append_len (out, p, start - p);

      name = g_strndup (start + 2, end - start - 2);
      if (found != NULL && !g_ptr_array_find_with_equal_func (found, name, g_str_equal, NULL))
        g_ptr_array_add (found, g_strdup (name));

      value = values != NULL ? g_hash_table_lookup (values, name) : NULL;
      if (value != NULL)
        {
          if (out != NULL)
            g_string_append (out, value);
        }
      else
        {
          if (out != NULL)
            g_string_append_len (out, start, end + 1 - start);
          if (unfilled != NULL && !g_ptr_array_find_with_equal_func (unfilled, name, g_str_equal, NULL))
            g_ptr_array_add (unfilled, g_strdup (name));
        }

      p = end + 1;
    }
}

static char **
strv_from_array (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);

  return (char **) g_ptr_array_free (array, FALSE);
}

char *
cwb_agreement_fill (const char   *text,
                    GHashTable   *values,
                    char       ***unfilled)
{
  GString *out;
  GPtrArray *missing;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  missing = g_ptr_array_new_with_free_func (g_free);
  scan_variables (text, values, out, missing, NULL);

  if (unfilled != NULL)
    *unfilled = strv_from_array (missing);
  else
    g_ptr_array_unref (missing);

  return g_string_free (out, FALSE);
}

char **
cwb_agreement_find_variables (const char *text)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  scan_variables (text, NULL, NULL, NULL, found);

  return strv_from_array (found);
}

/* Completeness */

GArray *
cwb_agreement_list_incomplete_items (CwbAgreement *self,
                                     GHashTable   *values)
{
  GArray *list;

  g_return_val_if_fail (CWB_IS_AGREEMENT (self), NULL);

  list = g_array_new (FALSE, FALSE, sizeof (CwbAgreementItem));
  for (guint i = 0; i < CWB_AGREEMENT_N_ITEMS; i++)
    {
      CwbAgreementItem item = (CwbAgreementItem) i;
      gboolean incomplete = cwb_text_is_blank (self->texts[i]);

      if (!incomplete && values != NULL)
        {
          g_autoptr(GPtrArray) unfilled = g_ptr_array_new_with_free_func (g_free);

          scan_variables (self->texts[i], values, NULL, unfilled, NULL);
          incomplete = unfilled->len > 0;
        }

      if (incomplete)
        g_array_append_val (list, item);
    }

  return list;
}

/* Scans */

static const struct
{
  const char *media_type;
  const guint8 magic[8];
  gsize length;
} scan_kinds[] = {
  { "application/pdf", { '%', 'P', 'D', 'F', '-' }, 5 },
  { "image/png", { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 8 },
  { "image/jpeg", { 0xff, 0xd8, 0xff }, 3 },
};

gboolean
cwb_agreement_validate_scan (GBytes      *bytes,
                             const char **media_type,
                             GError     **error)
{
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);

  if (size > CWB_AGREEMENT_SCAN_MAX_SIZE)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The scan is too large (%.1f MB); a scan may have at most %d MB."),
                   size / (1024.0 * 1024.0), CWB_AGREEMENT_SCAN_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scan_kinds); i++)
    if (size > scan_kinds[i].length && memcmp (data, scan_kinds[i].magic, scan_kinds[i].length) == 0)
      {
        if (media_type != NULL)
          *media_type = scan_kinds[i].media_type;
        return TRUE;
      }

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID,
                       size == 0 ? _("The scan is empty.")
                                 : _("The scan is neither a PDF nor a PNG or JPEG image; "
                                     "scan the signed and sealed page to one of these."));

  return FALSE;
}

char *
cwb_agreement_compute_sha256 (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

CwbAgreementScan *
cwb_agreement_store_scan (CwbStore    *store,
                          gint64       consortium_id,
                          const char  *uscc,
                          const char  *name,
                          GBytes      *bytes,
                          GError     **error)
{
  g_autoptr(CwbAgreementScan) scan = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *base = NULL;
  const char *media_type = NULL;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cwb_agreement_validate_scan (bytes, &media_type, error))
    return NULL;

  base = g_path_get_basename (name);
  if (cwb_text_is_blank (base) || g_str_equal (base, ".") || g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("The scan needs a file name."));
      return NULL;
    }

  scan = g_new0 (CwbAgreementScan, 1);
  scan->name = g_steal_pointer (&base);
  scan->media_type = g_strdup (media_type);
  scan->size = (gint64) g_bytes_get_size (bytes);
  scan->sha256 = cwb_agreement_compute_sha256 (bytes);

  if (!_cwb_agreement_store_put_scan (store, consortium_id, uscc, scan->name, scan->media_type,
                                      scan->sha256, bytes, &local_error))
    {
      if (g_error_matches (local_error, CWB_ERROR, CWB_ERROR_NOT_FOUND))
        g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                     _("There is no consortium %lld in the workspace database."),
                     (long long) consortium_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&scan);
}

GBytes *
cwb_agreement_load_scan (CwbStore    *store,
                         gint64       consortium_id,
                         const char  *uscc,
                         const char  *expected_sha256,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stored_sha256 = NULL;
  g_autofree char *actual = NULL;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (uscc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cwb_agreement_store_get_scan (store, consortium_id, uscc, &bytes, &stored_sha256, error))
    return NULL;

  if (bytes == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                   _("No scan is stored for the member %s."), uscc);
      return NULL;
    }

  actual = cwb_agreement_compute_sha256 (bytes);
  if (g_strcmp0 (actual, stored_sha256) != 0 ||
      (expected_sha256 != NULL && g_ascii_strcasecmp (actual, expected_sha256) != 0))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The scan of the member %s was replaced or is damaged: its SHA-256 is %s, "
                     "the record says %s."),
                   uscc, actual,
                   expected_sha256 != NULL && g_strcmp0 (actual, stored_sha256) == 0 ? expected_sha256
                                                                                     : stored_sha256);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

gboolean
cwb_agreement_delete_scan (CwbStore    *store,
                           gint64       consortium_id,
                           const char  *uscc,
                           GError     **error)
{
  gboolean deleted = FALSE;

  g_return_val_if_fail (CWB_IS_STORE (store), FALSE);
  g_return_val_if_fail (uscc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_cwb_agreement_store_delete_scan (store, consortium_id, uscc, &deleted, error))
    return FALSE;

  return deleted;
}
