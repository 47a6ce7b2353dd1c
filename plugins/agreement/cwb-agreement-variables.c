/* cwb-agreement-variables.c — the ${name} variables of the agreement's texts, and which items are complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement.h"
#include "cwb-agreement-private.h"

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

/* The term in words, from the rule set's "lifecycle.term_years" (三年 in
 * the shipped one: 有效期为三年) */
static char *
dup_term (CwbRuleSet *rules)
{
  g_autoptr(CwbRuleSet) shipped = rules == NULL ? cwb_rule_set_new_default (NULL) : NULL;
  guint years = cwb_rule_set_get_term_years (rules != NULL ? rules : shipped);

  if (years < G_N_ELEMENTS (chinese_numerals))
    /* TRANSLATORS: a term of validity such as 三年; %s is a numeral */
    return g_strdup_printf (_("%s years"), chinese_numerals[years]);
  return g_strdup_printf (_("%u years"), years);
}

GHashTable *
cwb_agreement_collect_variables (CwbContext    *context,
                                 CwbConsortium *consortium)
{
  GHashTable *values;
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

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (consortium, i);
      const char *name = cwb_member_get_name (member);

      if (list->len > 0)
        g_string_append (list, "、");
      g_string_append (list, !cwb_text_is_blank (name) ? name : cwb_member_get_uscc (member));
    }
  put_value (values, "member_list", list->str);
  if (cwb_consortium_get_n_members (consortium) > 0)
    {
      count = g_strdup_printf ("%u", cwb_consortium_get_n_members (consortium));
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
  for (guint i = 0; i < cwb_agreement_get_n_items (); i++)
    {
      CwbAgreementItem item = (CwbAgreementItem) i;
      gboolean incomplete = cwb_text_is_blank (cwb_agreement_get_text (self, item));

      if (!incomplete && values != NULL)
        {
          g_autoptr(GPtrArray) unfilled = g_ptr_array_new_with_free_func (g_free);

          scan_variables (cwb_agreement_get_text (self, item), values, NULL, unfilled, NULL);
          incomplete = unfilled->len > 0;
        }

      if (incomplete)
        g_array_append_val (list, item);
    }

  return list;
}
