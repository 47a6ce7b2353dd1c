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
#include "cwb-rule-set-private.h"

#define DEFAULT_RESOURCE "/io/github/cwb/libcwb/rules/hainan-2022.json"
#define RULE_SET_FORMAT  "cwb-rule-set/1"
/* the rule whose params name the fields that may lower other rules' figures */
#define RELAXATION_RULE  "R1"
/* the rule whose "years" param says how many fiscal years are counted */
#define FISCAL_YEARS_RULE "L6"
/* sanity bounds of the figures the rule set sets (not policy figures) */
#define MAX_TERM_YEARS    100
#define MAX_FISCAL_YEARS  50
#define N_STAGES          (CWB_STAGE_DISSOLVED + 1)

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

  /* "lifecycle" */
  guint        term_years;
  guint        fiscal_years;            /* L6's "years", 0 without L6 */
  gboolean     stage_listed[N_STAGES];
  gboolean     stage_document[N_STAGES];
  GArray      *stage_next[N_STAGES];    /* CwbStage, in the order a form offers them */
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

/* L6's "years": how many fiscal years the lead's figures cover, which also
 * bounds the fiscal years a file may give and the member form's rows */
static gboolean
parse_fiscal_years (CwbRuleSet     *self,
                    CwbJsonReader  *reader,
                    GError        **error)
{
  Rule *rule = find_rule (self, FISCAL_YEARS_RULE);
  gint64 years = 0;
  int position;

  if (rule == NULL)
    return TRUE;

  position = cwb_rule_set_get_rule_index (self, FISCAL_YEARS_RULE);
  cwb_json_reader_push_key (reader, "rules");
  cwb_json_reader_push_index (reader, (guint) position);
  cwb_json_reader_push_key (reader, "params");
  if (!cwb_json_reader_read_integer (reader, rule->params, "years", CWB_JSON_REQUIRED,
                                     1, MAX_FISCAL_YEARS, &years, error))
    return FALSE;
  cwb_json_reader_pop (reader);
  cwb_json_reader_pop (reader);
  cwb_json_reader_pop (reader);

  self->fiscal_years = (guint) years;

  return TRUE;
}

/* The stage named @nick; the error names @key at the reader's path */
static gboolean
stage_from_nick (CwbJsonReader  *reader,
                 const char     *key,
                 const char     *nick,
                 CwbStage       *stage,
                 GError        **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CWB_TYPE_STAGE);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    return cwb_json_reader_fail (reader, key, error, _("unknown stage “%s”"), nick);

  *stage = value->value;
  return TRUE;
}

/* One of "lifecycle.stages": {"stage": "approved", "document": true,
 * "next": ["continued", …]}; the "next" are checked once all are read */
static gboolean
parse_stage (CwbRuleSet     *self,
             CwbJsonReader  *reader,
             JsonNode       *node,
             GError        **error)
{
  JsonObject *object;
  const char *nick = NULL;
  gboolean document = FALSE;
  CwbStage stage;

  if (!cwb_json_reader_get_object (reader, node, &object, error) ||
      !cwb_json_reader_read_string (reader, object, "stage", CWB_JSON_REQUIRED, &nick, error) ||
      !stage_from_nick (reader, "stage", nick, &stage, error) ||
      !cwb_json_reader_read_boolean (reader, object, "document", CWB_JSON_OPTIONAL, &document, error))
    return FALSE;

  if (self->stage_listed[stage])
    return cwb_json_reader_fail (reader, "stage", error, _("the stage “%s” appears twice"), nick);

  self->stage_listed[stage] = TRUE;
  self->stage_document[stage] = document;

  return TRUE;
}

static gboolean
parse_stage_next (CwbRuleSet     *self,
                  CwbJsonReader  *reader,
                  JsonNode       *node,
                  GError        **error)
{
  JsonObject *object = json_node_get_object (node);
  g_autofree const char **next = NULL;
  const char *nick = NULL;
  CwbStage stage;
  GArray *array;

  cwb_json_reader_read_string (reader, object, "stage", CWB_JSON_REQUIRED, &nick, NULL);
  stage_from_nick (reader, "stage", nick, &stage, NULL);

  if (!cwb_json_reader_read_string_list (reader, object, "next", CWB_JSON_OPTIONAL, &next, error))
    return FALSE;

  array = self->stage_next[stage] = g_array_new (FALSE, FALSE, sizeof (CwbStage));
  cwb_json_reader_push_key (reader, "next");
  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    {
      CwbStage to;

      cwb_json_reader_push_index (reader, i);
      if (!stage_from_nick (reader, NULL, next[i], &to, error))
        return FALSE;
      if (!self->stage_listed[to] || to == CWB_STAGE_DRAFT)
        return cwb_json_reader_fail (reader, NULL, error,
                                     _("“%s” is not a stage that may be recorded: it is not in lifecycle.stages or it is draft"),
                                     next[i]);
      for (guint j = 0; j < array->len; j++)
        if (g_array_index (array, CwbStage, j) == to)
          return cwb_json_reader_fail (reader, NULL, error, _("“%s” appears twice"), next[i]);
      g_array_append_val (array, to);
      cwb_json_reader_pop (reader);
    }
  cwb_json_reader_pop (reader);

  return TRUE;
}

/* "lifecycle": {"term_years": 3, "stages": [ … ]}; the stages must start
 * with "draft" (the stage of a consortium with no step recorded) */
static gboolean
parse_lifecycle (CwbRuleSet     *self,
                 CwbJsonReader  *reader,
                 JsonObject     *object,
                 GError        **error)
{
  JsonObject *lifecycle = NULL;
  JsonArray *stages = NULL;
  gint64 term_years = 0;

  if (!cwb_json_reader_read_object (reader, object, "lifecycle", CWB_JSON_REQUIRED, &lifecycle, error))
    return FALSE;

  cwb_json_reader_push_key (reader, "lifecycle");
  if (!cwb_json_reader_read_integer (reader, lifecycle, "term_years", CWB_JSON_REQUIRED,
                                     1, MAX_TERM_YEARS, &term_years, error) ||
      !cwb_json_reader_read_array (reader, lifecycle, "stages", CWB_JSON_REQUIRED | CWB_JSON_NOT_EMPTY,
                                   &stages, error))
    return FALSE;
  self->term_years = (guint) term_years;

  cwb_json_reader_push_key (reader, "stages");
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < json_array_get_length (stages); i++)
      {
        JsonNode *node = json_array_get_element (stages, i);

        cwb_json_reader_push_index (reader, i);
        if (pass == 0 ? !parse_stage (self, reader, node, error)
                      : !parse_stage_next (self, reader, node, error))
          return FALSE;
        cwb_json_reader_pop (reader);
      }

  if (!self->stage_listed[CWB_STAGE_DRAFT])
    return cwb_json_reader_fail (reader, NULL, error, _("the stage “draft” is required"));
  cwb_json_reader_pop (reader);
  cwb_json_reader_pop (reader);

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

  if (!parse_header (self, &reader, object, error) ||
      !parse_industries (self, &reader, object, error) ||
      !parse_rules (self, &reader, object, error) ||
      !validate_relaxation (self, &reader, error))
    return FALSE;

  /* validate_relaxation() leaves its path on the reader */
  cwb_json_reader_init (&reader, NULL);
  return parse_fiscal_years (self, &reader, error) &&
         parse_lifecycle (self, &reader, object, error);
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
  for (guint i = 0; i < N_STAGES; i++)
    g_clear_pointer (&self->stage_next[i], g_array_unref);

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

CwbRuleSet *
_cwb_rule_set_or_shipped (CwbRuleSet *rules)
{
  static CwbRuleSet *shipped;

  if (rules != NULL)
    return rules;

  if (g_once_init_enter (&shipped))
    {
      g_autoptr(GError) error = NULL;
      CwbRuleSet *loaded = cwb_rule_set_new_default (&error);

      /* the resource is compiled in: it cannot be missing or invalid */
      if (loaded == NULL)
        g_error ("The shipped rule set does not load: %s", error->message);
      g_once_init_leave (&shipped, loaded);
    }

  return shipped;
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

/**
 * cwb_rule_set_get_term_years:
 * @self: a rule set
 *
 * "lifecycle.term_years": how long a term lasts from an approval or a
 * continuation (五(三): three years in the shipped rule set).
 *
 * Returns: the term's length in years, at least 1
 */
guint
cwb_rule_set_get_term_years (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), 0);

  return self->term_years;
}

/**
 * cwb_rule_set_get_fiscal_years:
 * @self: a rule set
 *
 * L6's "years": how many of the lead's most recent fiscal years L6 counts,
 * which is also how many a consortium file may give and how many rows the
 * member form offers (three in the shipped rule set).
 *
 * Returns: the number of fiscal years, 0 if the rule set has no L6
 */
guint
cwb_rule_set_get_fiscal_years (CwbRuleSet *self)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), 0);

  return self->fiscal_years;
}

/**
 * cwb_rule_set_has_stage:
 * @self: a rule set
 * @stage: a #CwbStage
 *
 * Returns: %TRUE if "lifecycle.stages" lists @stage (%CWB_STAGE_DRAFT
 *   always is)
 */
gboolean
cwb_rule_set_has_stage (CwbRuleSet *self,
                        CwbStage    stage)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  return (guint) stage < N_STAGES && self->stage_listed[stage];
}

/**
 * cwb_rule_set_stage_needs_document:
 * @self: a rule set
 * @stage: a #CwbStage
 *
 * Returns: %TRUE if recording @stage requires a document number (文号):
 *   the stage's "document" in "lifecycle.stages"
 */
gboolean
cwb_rule_set_stage_needs_document (CwbRuleSet *self,
                                   CwbStage    stage)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (self), FALSE);

  return (guint) stage < N_STAGES && self->stage_document[stage];
}

/**
 * cwb_rule_set_get_next_stages:
 * @self: a rule set
 * @stage: the current stage
 * @n_stages: (out): how many
 *
 * Returns: (array length=n_stages) (transfer none) (nullable): the stages
 *   that may follow @stage, in the order a form offers them: the stage's
 *   "next" in "lifecycle.stages"; %NULL and 0 for a final stage
 */
const CwbStage *
cwb_rule_set_get_next_stages (CwbRuleSet *self,
                              CwbStage    stage,
                              guint      *n_stages)
{
  GArray *next;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (n_stages != NULL, NULL);

  next = (guint) stage < N_STAGES ? self->stage_next[stage] : NULL;
  if (next == NULL || next->len == 0)
    {
      *n_stages = 0;
      return NULL;
    }

  *n_stages = next->len;
  return (const CwbStage *) (gpointer) next->data;
}

/**
 * cwb_rule_set_lookup_text:
 * @self: a rule set
 * @rule: a rule id, e.g. "A1"
 * @param: an object param of @rule whose members are texts in several
 *   languages, e.g. "headings"
 * @key: the member, e.g. "goals"
 *
 * For params such as A1's "headings": {"goals": {"en": "…", "zh_CN": "…"}}.
 *
 * Returns: (transfer none) (nullable): the text in the UI language (English
 *   if there is none), %NULL if the rule set has none
 */
const char *
cwb_rule_set_lookup_text (CwbRuleSet *self,
                          const char *rule,
                          const char *param,
                          const char *key)
{
  const char * const *names = g_get_language_names ();
  JsonNode *node;
  JsonObject *texts;

  g_return_val_if_fail (CWB_IS_RULE_SET (self), NULL);

  node = find_param (self, rule, param);
  if (node == NULL || key == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), key))
    return NULL;

  node = json_object_get_member (json_node_get_object (node), key);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  texts = json_node_get_object (node);
  for (guint i = 0; names[i] != NULL; i++)
    {
      node = json_object_get_member (texts, names[i]);
      if (node_is_string (node))
        return json_node_get_string (node);
    }

  node = json_object_get_member (texts, "en");
  return node_is_string (node) ? json_node_get_string (node) : NULL;
}
