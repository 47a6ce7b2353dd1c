/* cwb-agreement-section.c — the agreement read from and written to its section of the consortium file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement.h"
#include "cwb-agreement-private.h"

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

/* "clauses", the member of @parent: the rule set's items' texts, and what
 * else it holds */
static gboolean
read_clauses (CwbJsonReader  *reader,
              JsonObject     *parent,
              CwbJsonFlags    flags,
              char          **texts,
              JsonObject    **extra,
              gboolean       *present,
              GError        **error)
{
  const char *known[CWB_AGREEMENT_MAX_ITEMS + 1];
  guint n = cwb_agreement_get_n_items ();
  JsonObject *object = NULL;

  if (!cwb_json_reader_read_object (reader, parent, "clauses", flags, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "clauses");
  for (guint i = 0; i < n; i++)
    {
      const char *text = NULL;

      if (!cwb_json_reader_read_string (reader, object, cwb_agreement_item_to_key ((CwbAgreementItem) i), CWB_JSON_OPTIONAL, &text, error))
        return FALSE;
      texts[i] = g_strdup (text);
      known[i] = cwb_agreement_item_to_key ((CwbAgreementItem) i);
    }
  known[n] = NULL;
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
  const GPtrArray *members; /* nullable: the consortium's, whose credit
                             * codes its loader has validated */
} SectionRead;

/* Whether @uscc, signature @index's, is the code of the member at the
 * same place: records are kept in member order, and the loader has
 * checked the members' codes already */
static gboolean
is_members_code (SectionRead *read,
                 guint        index,
                 const char  *uscc)
{
  return read->members != NULL && index < read->members->len &&
         g_str_equal (uscc, cwb_member_get_uscc (g_ptr_array_index (read->members, index)));
}

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
  if (!is_members_code (read, index, uscc) && !cwb_uscc_validate (uscc, &uscc_error))
    return cwb_json_reader_fail (reader, "uscc", error, "%s", uscc_error->message);

  signature = _cwb_agreement_signature_new (uscc);
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

static CwbAgreement *
new_from_section (JsonNode        *node,
                  const GPtrArray *members,
                  GError         **error)
{
  static const char * const known[] = { "clauses", "signatures", "frozen", "versions", NULL };
  g_autoptr(CwbAgreement) self = cwb_agreement_new ();
  g_autoptr(GHashTable) seen = NULL;
  SectionRead read = { self, NULL, 0, members };
  CwbJsonReader reader;
  JsonObject *object;
  JsonNode *frozen = NULL;

  if (node == NULL)
    return g_steal_pointer (&self);

  read.seen = seen = g_hash_table_new (g_str_hash, g_str_equal);

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

CwbAgreement *
cwb_agreement_new_from_section (JsonNode  *node,
                                GError   **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_section (node, NULL, error);
}

/* Writing the section */

static JsonNode *
clauses_to_node (char * const *texts,
                 JsonObject   *extra)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    if (texts[i] != NULL)
      json_object_set_string_member (object, cwb_agreement_item_to_key ((CwbAgreementItem) i), texts[i]);
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
  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
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
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_section (cwb_consortium_get_section (consortium, "agreement"),
                           cwb_consortium_get_members (consortium), error);
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
