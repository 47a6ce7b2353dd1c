/* cwb-rule-set.c — the policy's rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-rule-set"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-json-private.h"
#include "cwb-json-reader.h"
#include "cwb-rule-set.h"

#define DEFAULT_RESOURCE "/io/github/cwb/libcwb/rules/hainan-2022.json"
#define RULE_SET_FORMAT  "cwb-rule-set/1"
/* the rule whose params name the fields that may lower other rules' figures */
#define RELAXATION_RULE  "R1"

typedef struct
{
  char        *id;
  char        *clause;
  char        *clause_text;
  CwbStrength  strength;
  GHashTable  *title;     /* owned: language → text */
  GHashTable  *reading;   /* owned, nullable: language → text */
  JsonObject  *params;    /* owned reference */
  GHashTable  *strvs;     /* owned: param → GStrv, for string-array params */
} Rule;

struct _CwbRuleSet
{
  GObject      parent_instance;

  /* owned */
  JsonNode    *root;
  char        *id;
  GHashTable  *title;       /* language → text */
  GStrv        industries;
  GPtrArray   *rules;       /* Rule *, in report order */
  GStrv        rule_ids;
  GHashTable  *by_id;       /* id → Rule * (borrowed from rules) */
  GHashTable  *index;       /* id → position + 1 */
};

G_DEFINE_FINAL_TYPE (CwbRuleSet, cwb_rule_set, G_TYPE_OBJECT)

static GMutex default_lock;
static GWeakRef default_rule_set;

static void
rule_free (Rule *rule)
{
  g_free (rule->id);
  g_free (rule->clause);
  g_free (rule->clause_text);
  g_clear_pointer (&rule->title, g_hash_table_unref);
  g_clear_pointer (&rule->reading, g_hash_table_unref);
  g_clear_pointer (&rule->params, json_object_unref);
  g_clear_pointer (&rule->strvs, g_hash_table_unref);
  g_free (rule);
}

static const char *
pick_language (GHashTable *texts)
{
  const char * const *names = g_get_language_names ();
  const char *text;

  g_assert (texts != NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      text = g_hash_table_lookup (texts, names[i]);
      if (text != NULL)
        return text;
    }

  return g_hash_table_lookup (texts, "en");
}

static Rule *
find_rule (CwbRuleSet *self,
           const char *rule)
{
  if (rule == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, rule);
}

static JsonNode *
find_param (CwbRuleSet *self,
            const char *rule,
            const char *param)
{
  Rule *r = find_rule (self, rule);

  if (r == NULL || param == NULL || !json_object_has_member (r->params, param))
    return NULL;

  return json_object_get_member (r->params, param);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Parsing and validation, with a CwbJsonReader: every error names the key
 * path. One function per top-level key; a new key of the format is a new
 * parse_*() function called from cwb_rule_set_parse(). */

/* A text in several languages: {"en": "…", "zh_CN": "…"}; English is
 * required. @key is required unless @out may stay NULL. */
static gboolean
parse_localized (CwbJsonReader  *reader,
                 JsonObject     *parent,
                 const char     *key,
                 CwbJsonFlags    flags,
                 GHashTable    **out,
                 GError        **error)
{
  g_autoptr(GHashTable) texts = NULL;
  JsonObject *object = NULL;
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;

  if (!cwb_json_reader_read_object (reader, parent, key, flags, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;

  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cwb_json_reader_push_key (reader, key);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &lang, &node))
    {
      const char *text = NULL;

      cwb_json_reader_push_key (reader, lang);
      if (!cwb_json_reader_get_string (reader, node, CWB_JSON_NOT_BLANK, &text, error))
        return FALSE;
      cwb_json_reader_pop (reader);
      g_hash_table_insert (texts, g_strdup (lang), g_strdup (text));
    }

  if (!g_hash_table_contains (texts, "en"))
    return cwb_json_reader_fail (reader, "en", error, _("an English text is required"));

  cwb_json_reader_pop (reader);
  *out = g_steal_pointer (&texts);
  return TRUE;
}

/* An array of strings at the reader's path, none blank, none twice */
static GStrv
parse_strv (CwbJsonReader  *reader,
            JsonNode       *node,
            CwbJsonFlags    flags,
            GError        **error)
{
  g_autofree const char **items = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (!cwb_json_reader_get_string_list (reader, node, flags | CWB_JSON_NOT_BLANK, &items, error))
    return NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      if (!g_hash_table_add (seen, (char *) items[i]))
        {
          cwb_json_reader_push_index (reader, i);
          cwb_json_reader_fail (reader, NULL, error, _("“%s” appears twice"), items[i]);
          return NULL;
        }
    }

  return g_strdupv ((char **) items);
}

/* A param is a number, a boolean, a string, an array of strings, or an
 * object of such values (R1's lowered figures). */
static gboolean
validate_param (CwbJsonReader  *reader,
                JsonNode       *node,
                GError        **error)
{
  if (node_is_number (node) || node_is_boolean (node))
    return TRUE;

  if (node_is_string (node))
    {
      const char *s;

      return cwb_json_reader_get_string (reader, node, CWB_JSON_NOT_BLANK, &s, error);
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_auto(GStrv) strv = parse_strv (reader, node, 0, error);

      return strv != NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &key, &value))
        {
          cwb_json_reader_push_key (reader, key);
          if (!validate_param (reader, value, error))
            return FALSE;
          cwb_json_reader_pop (reader);
        }

      return TRUE;
    }

  return cwb_json_reader_fail (reader, NULL, error,
                               _("expected a number, true or false, a string, an array of strings or an object"));
}

static gboolean
parse_params (CwbJsonReader  *reader,
              JsonObject     *object,
              Rule           *rule,
              GError        **error)
{
  JsonObject *params = NULL;
  JsonObjectIter iter;
  const char *param;
  JsonNode *value;

  if (!cwb_json_reader_read_object (reader, object, "params", CWB_JSON_OPTIONAL, &params, error))
    return FALSE;

  rule->params = params != NULL ? json_object_ref (params) : json_object_new ();

  cwb_json_reader_push_key (reader, "params");
  json_object_iter_init_ordered (&iter, rule->params);
  while (json_object_iter_next_ordered (&iter, &param, &value))
    {
      cwb_json_reader_push_key (reader, param);
      if (!validate_param (reader, value, error))
        return FALSE;
      if (JSON_NODE_HOLDS_ARRAY (value))
        g_hash_table_insert (rule->strvs, g_strdup (param), parse_strv (reader, value, 0, NULL));
      cwb_json_reader_pop (reader);
    }
  cwb_json_reader_pop (reader);

  return TRUE;
}

static gboolean
parse_rule_fields (CwbJsonReader  *reader,
                   JsonObject     *object,
                   Rule           *rule,
                   GError        **error)
{
  const CwbJsonFlags text = CWB_JSON_REQUIRED | CWB_JSON_NOT_BLANK;
  const char *id = NULL, *clause = NULL, *clause_text = NULL;
  int strength = CWB_STRENGTH_HARD;

  if (!cwb_json_reader_read_string (reader, object, "id", text, &id, error) ||
      !cwb_json_reader_read_string (reader, object, "clause", text, &clause, error) ||
      !cwb_json_reader_read_enum (reader, object, "strength", CWB_JSON_REQUIRED,
                                  CWB_TYPE_STRENGTH, &strength, error) ||
      !cwb_json_reader_read_string (reader, object, "clause_text", text, &clause_text, error))
    return FALSE;

  rule->id = g_strdup (id);
  rule->clause = g_strdup (clause);
  rule->clause_text = g_strdup (clause_text);
  rule->strength = strength;

  return parse_localized (reader, object, "title", CWB_JSON_REQUIRED, &rule->title, error) &&
         parse_localized (reader, object, "reading", CWB_JSON_OPTIONAL, &rule->reading, error) &&
         parse_params (reader, object, rule, error);
}

/* The rule at the reader's path */
static Rule *
parse_rule (CwbJsonReader  *reader,
            JsonNode       *node,
            GError        **error)
{
  JsonObject *object;
  Rule *rule;

  if (!cwb_json_reader_get_object (reader, node, &object, error))
    return NULL;

  rule = g_new0 (Rule, 1);
  rule->strvs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  if (!parse_rule_fields (reader, object, rule, error))
    {
      rule_free (rule);
      return NULL;
    }

  return rule;
}

/* R1's lowered figures: each names a rule of the rule set and gives
 * numbers. The reader is at R1's params.lowered. */
static gboolean
validate_lowered (CwbRuleSet     *self,
                  CwbJsonReader  *reader,
                  JsonObject     *lowered,
                  GError        **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *figures;

  json_object_iter_init_ordered (&iter, lowered);
  while (json_object_iter_next_ordered (&iter, &id, &figures))
    {
      JsonObjectIter params;
      const char *param;
      JsonNode *value;

      if (find_rule (self, id) == NULL)
        return cwb_json_reader_fail (reader, id, error, _("names no rule of this rule set"));

      cwb_json_reader_push_key (reader, id);
      if (!cwb_json_reader_expect (reader, figures, CWB_JSON_OBJECT, error))
        return FALSE;

      json_object_iter_init_ordered (&params, json_node_get_object (figures));
      while (json_object_iter_next_ordered (&params, &param, &value))
        {
          cwb_json_reader_push_key (reader, param);
          if (!cwb_json_reader_expect (reader, value, CWB_JSON_NUMBER, error))
            return FALSE;
          cwb_json_reader_pop (reader);
        }
      cwb_json_reader_pop (reader);
    }

  return TRUE;
}

/* R1: its industries must be the rule set's, its lowered figures must name
 * rules of the rule set and give numbers. */
static gboolean
validate_relaxation (CwbRuleSet     *self,
                     CwbJsonReader  *reader,
                     GError        **error)
{
  int r1 = cwb_rule_set_get_rule_index (self, RELAXATION_RULE);
  const char * const *industries;
  JsonObject *lowered = NULL;
  Rule *rule;

  if (r1 == G_MAXINT)
    return TRUE;

  rule = find_rule (self, RELAXATION_RULE);
  cwb_json_reader_push_key (reader, "rules");
  cwb_json_reader_push_index (reader, (guint) r1);
  cwb_json_reader_push_key (reader, "params");

  industries = g_hash_table_lookup (rule->strvs, "industries");
  for (guint i = 0; industries != NULL && industries[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) self->industries, industries[i]))
        {
          cwb_json_reader_push_key (reader, "industries");
          cwb_json_reader_push_index (reader, i);
          return cwb_json_reader_fail (reader, NULL, error,
                                       _("“%s” is not one of the rule set's industries"),
                                       industries[i]);
        }
    }

  if (!cwb_json_reader_read_object (reader, rule->params, "lowered", CWB_JSON_OPTIONAL, &lowered, error))
    return FALSE;
  if (lowered == NULL)
    return TRUE;

  cwb_json_reader_push_key (reader, "lowered");
  return validate_lowered (self, reader, lowered, error);
}

/* format, id, title, source */
static gboolean
parse_header (CwbRuleSet     *self,
              CwbJsonReader  *reader,
              JsonObject     *object,
              GError        **error)
{
  const CwbJsonFlags text = CWB_JSON_REQUIRED | CWB_JSON_NOT_BLANK;
  const char *format = NULL, *id = NULL, *name = NULL, *date = NULL;
  JsonObject *source = NULL;

  if (!cwb_json_reader_read_string (reader, object, "format", text, &format, error))
    return FALSE;
  if (g_strcmp0 (format, RULE_SET_FORMAT) != 0)
    return cwb_json_reader_fail (reader, "format", error, _("unknown format “%s”, expected “%s”"),
                                 format, RULE_SET_FORMAT);

  if (!cwb_json_reader_read_string (reader, object, "id", text, &id, error))
    return FALSE;
  self->id = g_strdup (id);

  if (!parse_localized (reader, object, "title", CWB_JSON_REQUIRED, &self->title, error) ||
      !cwb_json_reader_read_object (reader, object, "source", CWB_JSON_REQUIRED, &source, error))
    return FALSE;

  cwb_json_reader_push_key (reader, "source");
  if (!cwb_json_reader_read_string (reader, source, "name", text, &name, error) ||
      !cwb_json_reader_read_date (reader, source, "date", CWB_JSON_REQUIRED, &date, error))
    return FALSE;
  cwb_json_reader_pop (reader);

  return TRUE;
}

static gboolean
parse_industries (CwbRuleSet     *self,
                  CwbJsonReader  *reader,
                  JsonObject     *object,
                  GError        **error)
{
  JsonNode *node;

  if (!cwb_json_reader_lookup (reader, object, "industries", CWB_JSON_ARRAY, CWB_JSON_REQUIRED, &node, error))
    return FALSE;

  cwb_json_reader_push_key (reader, "industries");
  if (!(self->industries = parse_strv (reader, node, CWB_JSON_NOT_EMPTY, error)))
    return FALSE;
  cwb_json_reader_pop (reader);

  return TRUE;
}

static gboolean
parse_rules (CwbRuleSet     *self,
             CwbJsonReader  *reader,
             JsonObject     *object,
             GError        **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  JsonArray *rules = NULL;

  if (!cwb_json_reader_read_array (reader, object, "rules", CWB_JSON_REQUIRED | CWB_JSON_NOT_EMPTY,
                                   &rules, error))
    return FALSE;

  cwb_json_reader_push_key (reader, "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      Rule *rule;

      cwb_json_reader_push_index (reader, i);
      if (!(rule = parse_rule (reader, json_array_get_element (rules, i), error)))
        return FALSE;

      if (g_hash_table_contains (self->by_id, rule->id))
        {
          cwb_json_reader_fail (reader, "id", error, _("the rule “%s” appears twice"), rule->id);
          rule_free (rule);
          return FALSE;
        }

      g_ptr_array_add (self->rules, rule);
      g_hash_table_insert (self->by_id, rule->id, rule);
      g_hash_table_insert (self->index, rule->id, GUINT_TO_POINTER (i + 1));
      g_strv_builder_add (ids, rule->id);
      cwb_json_reader_pop (reader);
    }
  cwb_json_reader_pop (reader);

  self->rule_ids = g_strv_builder_end (ids);

  return TRUE;
}

static gboolean
cwb_rule_set_parse (CwbRuleSet  *self,
                    JsonNode    *root,
                    GError     **error)
{
  CwbJsonReader reader;
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The rule set must be a JSON object."));
      return FALSE;
    }

  self->root = json_node_ref (root);
  object = json_node_get_object (root);
  cwb_json_reader_init (&reader, NULL);

  return parse_header (self, &reader, object, error) &&
         parse_industries (self, &reader, object, error) &&
         parse_rules (self, &reader, object, error) &&
         validate_relaxation (self, &reader, error);
}

static void
cwb_rule_set_finalize (GObject *object)
{
  CwbRuleSet *self = (CwbRuleSet *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rule_ids, g_strfreev);
  g_clear_pointer (&self->industries, g_strfreev);
  g_clear_pointer (&self->title, g_hash_table_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->root, json_node_unref);

  G_OBJECT_CLASS (cwb_rule_set_parent_class)->finalize (object);
}

static void
cwb_rule_set_class_init (CwbRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_rule_set_finalize;
}

static void
cwb_rule_set_init (CwbRuleSet *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * cwb_rule_set_new_from_data:
 * @data: the JSON text of a rule set
 * @length: its length, or -1 if nul-terminated
 * @error: return location for a #CWB_ERROR_INVALID naming the key path
 *
 * Returns: (transfer full) (nullable): the rule set
 */
CwbRuleSet *
cwb_rule_set_new_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(CwbRuleSet) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_cwb_json_check_depth (data, length, CWB_JSON_MAX_DEPTH, &local_error))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The rule set is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The rule set is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) != NULL &&
      !_cwb_json_check_values (json_parser_get_root (parser), error))
    return NULL;

  self = g_object_new (CWB_TYPE_RULE_SET, NULL);
  if (!cwb_rule_set_parse (self, json_parser_get_root (parser), error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cwb_rule_set_new_from_file:
 * @file: a rule-set JSON file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the rule set
 */
CwbRuleSet *
cwb_rule_set_new_from_file (GFile   *file,
                            GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  return cwb_rule_set_new_from_data (contents, length, error);
}

/**
 * cwb_rule_set_new_default:
 * @error: return location for an error
 *
 * The rule set shipped in libcwb's resources. It is parsed once and shared
 * while anyone holds it; keep the returned object rather than asking again.
 *
 * Returns: (transfer full) (nullable): the rule set
 */
CwbRuleSet *
cwb_rule_set_new_default (GError **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&default_lock);
  g_autoptr(GBytes) bytes = NULL;
  CwbRuleSet *self;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_weak_ref_get (&default_rule_set);
  if (self != NULL)
    return self;

  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  self = cwb_rule_set_new_from_data (data, length, error);
  if (self != NULL)
    g_weak_ref_set (&default_rule_set, self);

  return self;
}

const char *
cwb_rule_set_get_id (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  return self->id;
}

/* The rule set's title in the UI language (English if there is none). */
const char *
cwb_rule_set_get_title (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  return pick_language (self->title);
}

/**
 * cwb_rule_set_get_industries:
 * @self: a rule set
 *
 * Returns: (transfer none) (array zero-terminated=1): the sixteen industry
 *   clusters, in the policy's order
 */
const char * const *
cwb_rule_set_get_industries (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  return (const char * const *) self->industries;
}

gboolean
cwb_rule_set_has_industry (CwbRuleSet *self,
                           const char *industry)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  return industry != NULL
         && g_strv_contains ((const char * const *) self->industries, industry);
}

const char * const *
cwb_rule_set_get_rule_ids (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  return (const char * const *) self->rule_ids;
}

gboolean
cwb_rule_set_has_rule (CwbRuleSet *self,
                       const char *rule)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  return find_rule (self, rule) != NULL;
}

int
cwb_rule_set_get_rule_index (CwbRuleSet *self,
                             const char *rule)
{
  guint position;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), G_MAXINT);

  if (rule == NULL)
    return G_MAXINT;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, rule));
  return position == 0 ? G_MAXINT : (int) position - 1;
}

const char *
cwb_rule_set_get_clause (CwbRuleSet *self,
                         const char *rule)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  r = find_rule (self, rule);
  return r != NULL ? r->clause : NULL;
}

const char *
cwb_rule_set_get_clause_text (CwbRuleSet *self,
                              const char *rule)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  r = find_rule (self, rule);
  return r != NULL ? r->clause_text : NULL;
}

const char *
cwb_rule_set_get_rule_title (CwbRuleSet *self,
                             const char *rule)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  r = find_rule (self, rule);
  return r != NULL ? pick_language (r->title) : NULL;
}

/* An unknown rule is treated as hard. */
CwbStrength
cwb_rule_set_get_strength (CwbRuleSet *self,
                           const char *rule)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), CWB_STRENGTH_HARD);

  r = find_rule (self, rule);
  return r != NULL ? r->strength : CWB_STRENGTH_HARD;
}

const char *
cwb_rule_set_get_reading (CwbRuleSet *self,
                          const char *rule)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  r = find_rule (self, rule);
  return r != NULL && r->reading != NULL ? pick_language (r->reading) : NULL;
}

/**
 * cwb_rule_set_lookup_number:
 * @self: a rule set
 * @rule: a rule id, e.g. "C4"
 * @param: the name of a parameter of @rule, e.g. "min_ratio"
 * @value: (out) (optional): where to store the number
 *
 * Returns: %TRUE if @rule has a number parameter @param
 */
gboolean
cwb_rule_set_lookup_number (CwbRuleSet *self,
                            const char *rule,
                            const char *param,
                            double     *value)
{
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  node = find_param (self, rule, param);
  if (!node_is_number (node))
    return FALSE;

  if (value != NULL)
    *value = json_node_get_value_type (node) == G_TYPE_INT64
             ? (double) json_node_get_int (node)
             : json_node_get_double (node);
  return TRUE;
}

/**
 * cwb_rule_set_lookup_boolean:
 * @self: a rule set
 * @rule: a rule id
 * @param: the name of a parameter of @rule
 * @value: (out) (optional): where to store the boolean
 *
 * Returns: %TRUE if @rule has a boolean parameter @param
 */
gboolean
cwb_rule_set_lookup_boolean (CwbRuleSet *self,
                             const char *rule,
                             const char *param,
                             gboolean   *value)
{
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  node = find_param (self, rule, param);
  if (!node_is_boolean (node))
    return FALSE;

  if (value != NULL)
    *value = json_node_get_boolean (node);
  return TRUE;
}

/**
 * cwb_rule_set_lookup_string:
 * @self: a rule set
 * @rule: a rule id
 * @param: the name of a parameter of @rule
 * @value: (out) (optional) (transfer none): where to store the string,
 *   owned by @self
 *
 * Returns: %TRUE if @rule has a string parameter @param
 */
gboolean
cwb_rule_set_lookup_string (CwbRuleSet  *self,
                            const char  *rule,
                            const char  *param,
                            const char **value)
{
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  node = find_param (self, rule, param);
  if (!node_is_string (node))
    return FALSE;

  if (value != NULL)
    *value = json_node_get_string (node);
  return TRUE;
}

/**
 * cwb_rule_set_lookup_strv:
 * @self: a rule set
 * @rule: a rule id
 * @param: the name of a parameter of @rule
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the
 *   string-array parameter @param of @rule, %NULL if it has none
 */
const char * const *
cwb_rule_set_lookup_strv (CwbRuleSet *self,
                          const char *rule,
                          const char *param)
{
  Rule *r;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  r = find_rule (self, rule);
  if (r == NULL || param == NULL)
    return NULL;

  return g_hash_table_lookup (r->strvs, param);
}

/**
 * cwb_rule_set_lookup_relaxed_number:
 * @self: a rule set
 * @rule: a rule id
 * @param: the name of a number parameter of @rule
 * @industry: the consortium's industry cluster
 * @value: (out) (optional): where to store the lowered figure
 *
 * Rule R1: whether @industry may lower @rule's conditions and the rule set
 * gives a lowered figure for @param.
 *
 * Returns: %TRUE if it does, with the figure in @value
 */
gboolean
cwb_rule_set_lookup_relaxed_number (CwbRuleSet *self,
                                    const char *rule,
                                    const char *param,
                                    const char *industry,
                                    double     *value)
{
  const char * const *industries;
  JsonNode *lowered;
  JsonObject *figures;
  JsonNode *node;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  if (rule == NULL || param == NULL || industry == NULL)
    return FALSE;

  industries = cwb_rule_set_lookup_strv (self, RELAXATION_RULE, "industries");
  if (industries == NULL || !g_strv_contains (industries, industry))
    return FALSE;

  lowered = find_param (self, RELAXATION_RULE, "lowered");
  if (lowered == NULL || !JSON_NODE_HOLDS_OBJECT (lowered)
      || !json_object_has_member (json_node_get_object (lowered), rule))
    return FALSE;

  node = json_object_get_member (json_node_get_object (lowered), rule);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  figures = json_node_get_object (node);
  if (!json_object_has_member (figures, param))
    return FALSE;

  node = json_object_get_member (figures, param);
  if (!node_is_number (node))
    return FALSE;

  if (value != NULL)
    *value = json_node_get_value_type (node) == G_TYPE_INT64
             ? (double) json_node_get_int (node)
             : json_node_get_double (node);
  return TRUE;
}
