/* cwb-rule-set.c — the policy's rules as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-rule-set"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cwb-enums.h"
#include "cwb-error.h"
#include "cwb-format.h"
#include "cwb-json-private.h"
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

/* Parsing and validation. Every error names the key path. */

static gboolean
set_invalid (GError     **error,
             const char  *path,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
set_invalid (GError     **error,
             const char  *path,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: a key path in the rule-set file, then what is wrong with it */
  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID, _("%s: %s"), path, what);
  return FALSE;
}

static JsonNode *
require_member (JsonObject  *object,
                const char  *path,
                const char  *key,
                GError     **error)
{
  g_autofree char *child = g_strdup_printf ("%s%s%s", path, *path ? "." : "", key);

  if (!json_object_has_member (object, key))
    {
      set_invalid (error, child, _("this key is required"));
      return NULL;
    }

  return json_object_get_member (object, key);
}

static char *
dup_nonempty_string (JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  const char *s;

  if (!node_is_string (node))
    {
      set_invalid (error, path, _("expected a string"));
      return NULL;
    }

  s = json_node_get_string (node);
  if (cwb_text_is_blank (s))
    {
      set_invalid (error, path, _("must not be empty"));
      return NULL;
    }

  return g_strdup (s);
}

static char *
dup_required_string (JsonObject  *object,
                     const char  *path,
                     const char  *key,
                     GError     **error)
{
  g_autofree char *child = g_strdup_printf ("%s%s%s", path, *path ? "." : "", key);
  JsonNode *node = require_member (object, path, key, error);

  if (node == NULL)
    return NULL;

  return dup_nonempty_string (node, child, error);
}

/* A text in several languages: {"en": "…", "zh_CN": "…"}; English is required. */
static GHashTable *
parse_localized (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GHashTable) texts = NULL;
  g_autoptr(GList) keys = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, _("expected an object of texts by language, such as {\"en\": …, \"zh_CN\": …}"));
      return NULL;
    }

  object = json_node_get_object (node);
  texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keys = json_object_get_members (object);

  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *lang = l->data;
      g_autofree char *child = g_strdup_printf ("%s.%s", path, lang);
      char *text = dup_nonempty_string (json_object_get_member (object, lang), child, error);

      if (text == NULL)
        return NULL;

      g_hash_table_insert (texts, g_strdup (lang), text);
    }

  if (!g_hash_table_contains (texts, "en"))
    {
      g_autofree char *child = g_strdup_printf ("%s.en", path);

      set_invalid (error, child, _("an English text is required"));
      return NULL;
    }

  return g_steal_pointer (&texts);
}

static GStrv
parse_strv (JsonNode    *node,
            const char  *path,
            gboolean     allow_empty,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_invalid (error, path, _("expected an array of strings"));
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n == 0 && !allow_empty)
    {
      set_invalid (error, path, _("must not be empty"));
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *s = dup_nonempty_string (json_array_get_element (array, i), child, error);

      if (s == NULL)
        return NULL;

      if (g_hash_table_contains (seen, s))
        {
          set_invalid (error, child, _("“%s” appears twice"), s);
          return NULL;
        }

      g_hash_table_add (seen, (char *) json_node_get_string (json_array_get_element (array, i)));
      g_strv_builder_add (builder, s);
    }

  return g_strv_builder_end (builder);
}

static gboolean
parse_strength (JsonObject   *object,
                const char   *path,
                CwbStrength  *strength,
                GError      **error)
{
  g_autofree char *child = g_strdup_printf ("%s.strength", path);
  g_autofree char *nick = dup_required_string (object, path, "strength", error);
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (CWB_TYPE_STRENGTH);
  value = g_enum_get_value_by_nick (klass, nick);

  if (value == NULL)
    return set_invalid (error, child,
                        _("must be one of hard, soft, preference or declaration, not “%s”"),
                        nick);

  *strength = value->value;
  return TRUE;
}

/* A param is a number, a boolean, a string, an array of strings, or an
 * object of such values (R1's lowered figures). */
static gboolean
validate_param (JsonNode    *node,
                const char  *path,
                GError     **error)
{
  if (node_is_number (node) || node_is_boolean (node))
    return TRUE;

  if (node_is_string (node))
    {
      g_autofree char *s = dup_nonempty_string (node, path, error);
      return s != NULL;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_auto(GStrv) strv = parse_strv (node, path, TRUE, error);
      return strv != NULL;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) keys = json_object_get_members (object);

      for (const GList *l = keys; l != NULL; l = l->next)
        {
          g_autofree char *child = g_strdup_printf ("%s.%s", path, (const char *) l->data);

          if (!validate_param (json_object_get_member (object, l->data), child, error))
            return FALSE;
        }

      return TRUE;
    }

  return set_invalid (error, path,
                      _("expected a number, true or false, a string, an array of strings or an object"));
}

static Rule *
parse_rule (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  g_autoptr(GList) keys = NULL;
  JsonObject *object;
  JsonNode *member;
  Rule *rule;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_invalid (error, path, _("expected an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  rule = g_new0 (Rule, 1);
  rule->strvs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);

  if (!(rule->id = dup_required_string (object, path, "id", error))
      || !(rule->clause = dup_required_string (object, path, "clause", error))
      || !parse_strength (object, path, &rule->strength, error)
      || !(rule->clause_text = dup_required_string (object, path, "clause_text", error)))
    goto fail;

  if (!(member = require_member (object, path, "title", error)))
    goto fail;
  {
    g_autofree char *child = g_strdup_printf ("%s.title", path);
    if (!(rule->title = parse_localized (member, child, error)))
      goto fail;
  }

  if (json_object_has_member (object, "reading"))
    {
      g_autofree char *child = g_strdup_printf ("%s.reading", path);
      if (!(rule->reading = parse_localized (json_object_get_member (object, "reading"), child, error)))
        goto fail;
    }

  if (json_object_has_member (object, "params"))
    {
      g_autofree char *child = g_strdup_printf ("%s.params", path);

      member = json_object_get_member (object, "params");
      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          set_invalid (error, child, _("expected an object"));
          goto fail;
        }
      rule->params = json_object_ref (json_node_get_object (member));
    }
  else
    {
      rule->params = json_object_new ();
    }

  keys = json_object_get_members (rule->params);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      const char *param = l->data;
      g_autofree char *child = g_strdup_printf ("%s.params.%s", path, param);
      JsonNode *value = json_object_get_member (rule->params, param);

      if (!validate_param (value, child, error))
        goto fail;

      if (JSON_NODE_HOLDS_ARRAY (value))
        g_hash_table_insert (rule->strvs, g_strdup (param), parse_strv (value, child, TRUE, NULL));
    }

  return rule;

fail:
  rule_free (rule);
  return NULL;
}

/* R1: its industries must be the rule set's, its lowered figures must name
 * rules of the rule set and give numbers. */
static gboolean
validate_relaxation (CwbRuleSet  *self,
                     const char  *path,
                     GError     **error)
{
  Rule *rule = find_rule (self, RELAXATION_RULE);
  const char * const *industries;
  JsonNode *lowered;

  if (rule == NULL)
    return TRUE;

  industries = g_hash_table_lookup (rule->strvs, "industries");
  for (guint i = 0; industries != NULL && industries[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) self->industries, industries[i]))
        {
          g_autofree char *child = g_strdup_printf ("%s.params.industries[%u]", path, i);
          return set_invalid (error, child, _("“%s” is not one of the rule set's industries"),
                              industries[i]);
        }
    }

  if (!json_object_has_member (rule->params, "lowered"))
    return TRUE;

  lowered = json_object_get_member (rule->params, "lowered");
  if (!JSON_NODE_HOLDS_OBJECT (lowered))
    {
      g_autofree char *child = g_strdup_printf ("%s.params.lowered", path);
      return set_invalid (error, child, _("expected an object"));
    }

  {
    JsonObject *object = json_node_get_object (lowered);
    g_autoptr(GList) rules = json_object_get_members (object);

    for (const GList *l = rules; l != NULL; l = l->next)
      {
        const char *id = l->data;
        g_autofree char *child = g_strdup_printf ("%s.params.lowered.%s", path, id);
        JsonNode *figures = json_object_get_member (object, id);
        g_autoptr(GList) params = NULL;

        if (find_rule (self, id) == NULL)
          return set_invalid (error, child, _("names no rule of this rule set"));

        if (!JSON_NODE_HOLDS_OBJECT (figures))
          return set_invalid (error, child, _("expected an object"));

        params = json_object_get_members (json_node_get_object (figures));
        for (const GList *p = params; p != NULL; p = p->next)
          {
            g_autofree char *grandchild = g_strdup_printf ("%s.%s", child, (const char *) p->data);

            if (!node_is_number (json_object_get_member (json_node_get_object (figures), p->data)))
              return set_invalid (error, grandchild, _("expected a number"));
          }
      }
  }

  return TRUE;
}

static gboolean
validate_date (const char  *date,
               const char  *path,
               GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;
  char rest;

  if (strlen (date) == 10
      && sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3
      && date[4] == '-' && date[7] == '-')
    dt = g_date_time_new_utc (y, m, d, 0, 0, 0);

  if (dt == NULL)
    return set_invalid (error, path, _("expected a date as YYYY-MM-DD, not “%s”"), date);

  return TRUE;
}

static gboolean
cwb_rule_set_parse (CwbRuleSet  *self,
                    JsonNode    *root,
                    GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autofree char *format = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *rules;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("The rule set must be a JSON object."));
      return FALSE;
    }

  self->root = json_node_ref (root);
  object = json_node_get_object (root);

  if (!(format = dup_required_string (object, "", "format", error)))
    return FALSE;
  if (g_strcmp0 (format, RULE_SET_FORMAT) != 0)
    return set_invalid (error, "format", _("unknown format “%s”, expected “%s”"),
                        format, RULE_SET_FORMAT);

  if (!(self->id = dup_required_string (object, "", "id", error)))
    return FALSE;

  if (!(member = require_member (object, "", "title", error)))
    return FALSE;
  if (!(self->title = parse_localized (member, "title", error)))
    return FALSE;

  if (!(member = require_member (object, "", "source", error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (member))
    return set_invalid (error, "source", _("expected an object"));
  {
    JsonObject *source = json_node_get_object (member);
    g_autofree char *name = dup_required_string (source, "source", "name", error);
    g_autofree char *date = NULL;

    if (name == NULL)
      return FALSE;
    if (!(date = dup_required_string (source, "source", "date", error)))
      return FALSE;
    if (!validate_date (date, "source.date", error))
      return FALSE;
  }

  if (!(member = require_member (object, "", "industries", error)))
    return FALSE;
  if (!(self->industries = parse_strv (member, "industries", FALSE, error)))
    return FALSE;

  if (!(member = require_member (object, "", "rules", error)))
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return set_invalid (error, "rules", _("expected an array"));

  rules = json_node_get_array (member);
  if (json_array_get_length (rules) == 0)
    return set_invalid (error, "rules", _("must not be empty"));

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("rules[%u]", i);
      Rule *rule = parse_rule (json_array_get_element (rules, i), path, error);

      if (rule == NULL)
        return FALSE;

      if (g_hash_table_contains (self->by_id, rule->id))
        {
          g_autofree char *child = g_strdup_printf ("%s.id", path);

          set_invalid (error, child, _("the rule “%s” appears twice"), rule->id);
          rule_free (rule);
          return FALSE;
        }

      g_ptr_array_add (self->rules, rule);
      g_hash_table_insert (self->by_id, rule->id, rule);
      g_hash_table_insert (self->index, rule->id, GUINT_TO_POINTER (i + 1));
      g_strv_builder_add (ids, rule->id);
    }

  self->rule_ids = g_strv_builder_end (ids);

  {
    int r1 = cwb_rule_set_get_rule_index (self, RELAXATION_RULE);
    g_autofree char *path = g_strdup_printf ("rules[%d]", r1);

    if (r1 != G_MAXINT && !validate_relaxation (self, path, error))
      return FALSE;
  }

  return TRUE;
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
