/* cwb-agreement-provider.c — rules A1 and A2 (policy 五(一)2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-agreement-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-agreement.h"
#include "cwb-agreement-private.h"
#include "cwb-agreement-provider.h"

/*
 * A1: the agreement states every item the rule set lists in A1's "clauses"
 * param (the nine items (a)–(i)); an item that is absent, blank or holds a
 * variable without a value is not stated.
 * A2: the agreement is in effect — its text frozen, every current member's
 * legal representative signed and every member's seal on.
 * A rule the rule set does not hold is not checked.
 */

/* At most this many names in one message; the rest are counted. */
#define MAX_NAMES 10

struct _CwbAgreementProvider
{
  GObject parent_instance;
};

static void check_provider_iface_init (CwbCheckProviderInterface *iface);

/* G_DEFINE_DYNAMIC_TYPE_EXTENDED defines a *static* register function; the
 * public one below wraps it, for peas_register_types() in agreement-plugin.c. */
#define cwb_agreement_provider_register_type agreement_provider_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbAgreementProvider, cwb_agreement_provider, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_CHECK_PROVIDER,
                                                               check_provider_iface_init))
#undef cwb_agreement_provider_register_type

static const char *
list_separator (void)
{
  /* TRANSLATORS: separates the items of a list, e.g. of member names; zh_CN "、" */
  return C_("list separator", ", ");
}

/* The members' names for @usccs (a USCC that is no member stays a code),
 * at most MAX_NAMES, then "and N more". (transfer full) */
static char *
join_members (CwbConsortium      *consortium,
              const char * const *usccs)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_strv_length ((char **) usccs);
  const char *separator = n > 1 ? list_separator () : NULL;

  for (guint i = 0; i < cwb_consortium_get_n_members (consortium); i++)
    {
      CwbMember *member = cwb_consortium_get_member (consortium, i);
      const char *name = cwb_member_get_name (member);

      if (!cwb_text_is_blank (name))
        g_hash_table_insert (names, (gpointer) cwb_member_get_uscc (member), (gpointer) name);
    }

  for (guint i = 0; i < n && i < MAX_NAMES; i++)
    {
      const char *name = g_hash_table_lookup (names, usccs[i]);

      if (i > 0)
        g_string_append (text, separator);
      g_string_append (text, name != NULL ? name : usccs[i]);
    }

  if (n > MAX_NAMES)
    /* TRANSLATORS: after a shortened list of names; zh_CN "等 %u 家" */
    g_string_append_printf (text, g_dngettext (NULL, " and %u more", " and %u more", n - MAX_NAMES),
                            n - MAX_NAMES);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_result (CwbCheckReport *report,
            CwbRuleSet     *rules,
            const char     *rule,
            CwbStatus       status,
            const char     *message,
            const char     *remedy,
            double          value,
            double          threshold)
{
  g_autoptr(CwbCheckResult) result = cwb_check_result_new_for_rule (rules, rule, status);

  cwb_check_result_set_message (result, message);
  if (remedy != NULL)
    cwb_check_result_set_remedy (result, remedy);
  if (value >= 0)
    {
      cwb_check_result_set_value (result, value);
      cwb_check_result_set_threshold (result, threshold);
      cwb_check_result_set_unit (result, CWB_UNIT_COUNT);
    }

  cwb_check_report_add (report, result);
}

/* The text of the item @key: the model's for the nine items, else the raw
 * "clauses" member of the section (a rule set may list a key this plugin
 * does not know). */
static const char *
lookup_text (CwbAgreement  *agreement,
             CwbConsortium *consortium,
             const char    *key)
{
  CwbAgreementItem item;
  JsonNode *section;
  JsonNode *clauses;
  JsonNode *text;

  if (cwb_agreement_item_from_key (key, &item))
    return cwb_agreement_get_text (agreement, item);

  section = cwb_consortium_get_section (consortium, "agreement");
  if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section))
    return NULL;
  clauses = json_object_get_member (json_node_get_object (section), "clauses");
  if (clauses == NULL || !JSON_NODE_HOLDS_OBJECT (clauses))
    return NULL;
  text = json_object_get_member (json_node_get_object (clauses), key);
  if (text == NULL || !JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (text);
}

static void
check_a1 (CwbContext     *context,
          CwbRuleSet     *rules,
          CwbConsortium  *consortium,
          CwbAgreement   *agreement,
          CwbCheckReport *report)
{
  const char * const *keys = cwb_rule_set_lookup_strv (rules, "A1", "clauses");
  /* the variables' values, made when a text first holds "${" */
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) remedy = g_string_new (NULL);
  guint n_keys = keys != NULL ? g_strv_length ((char **) keys) : 0;
  guint n_missing = 0;
  g_autofree char *message = NULL;

  for (guint i = 0; i < n_keys; i++)
    {
      const char *text = lookup_text (agreement, consortium, keys[i]);
      CwbAgreementItem item;
      const char *heading;
      g_autofree char *filled = NULL;
      g_auto(GStrv) unfilled = NULL;
      g_autofree char *part = NULL;

      /* a stated item without variables needs no words at all */
      if (!cwb_text_is_blank (text) && strstr (text, "${") == NULL)
        continue;

      heading = cwb_agreement_item_from_key (keys[i], &item) ? cwb_agreement_item_get_heading (item)
                                                            : keys[i];

      if (cwb_text_is_blank (text))
        {
          part = g_strdup_printf (text == NULL ? _("“%s” (not stated)") : _("“%s” (blank)"), heading);
        }
      else
        {
          if (values == NULL)
            values = cwb_agreement_collect_variables (context, consortium);
          filled = cwb_agreement_fill (text, values, &unfilled);
          if (unfilled[0] != NULL)
            {
              g_autoptr(GString) vars = g_string_new (NULL);

              for (guint j = 0; unfilled[j] != NULL; j++)
                {
                  if (j > 0)
                    g_string_append (vars, list_separator ());
                  g_string_append_printf (vars, "${%s}", unfilled[j]);
                }
              /* TRANSLATORS: an agreement item's heading, then the variables without a value */
              part = g_strdup_printf (_("“%s” (%s without a value)"), heading, vars->str);
            }
        }

      if (part == NULL)
        continue;

      if (n_missing > 0)
        g_string_append (missing, list_separator ());
      g_string_append (missing, part);
      if (n_missing > 0)
        g_string_append (remedy, list_separator ());
      g_string_append_printf (remedy, "“%s”", heading);
      n_missing++;
    }

  if (n_missing == 0)
    {
      message = g_strdup_printf (g_dngettext (NULL,
                                              "The agreement states the %u required item.",
                                              "The agreement states all %u required items.",
                                              n_keys),
                                 n_keys);
      add_result (report, rules, "A1", CWB_STATUS_PASS, message, NULL, n_keys, n_keys);
    }
  else
    {
      g_autofree char *fix = NULL;

      message = g_strdup_printf (g_dngettext (NULL,
                                              "%u of the %u required items is not stated: %s.",
                                              "%u of the %u required items are not stated: %s.",
                                              n_missing),
                                 n_missing, n_keys, missing->str);
      fix = g_strdup_printf (_("Write the text of %s in the agreement, with every variable given a value."),
                             remedy->str);
      add_result (report, rules, "A1", CWB_STATUS_FAIL, message, fix, n_keys - n_missing, n_keys);
    }
}

/* Whole sentences in a row. (transfer full) */
static char *
join_sentences (GPtrArray *sentences)
{
  char *text = g_strdup (sentences->len > 0 ? g_ptr_array_index (sentences, 0) : "");

  for (guint i = 1; i < sentences->len; i++)
    {
      char *joined;

      /* TRANSLATORS: two sentences in a row; zh_CN "%s%s" (no space) */
      joined = g_strdup_printf (_("%s %s"), text, (const char *) g_ptr_array_index (sentences, i));
      g_free (text);
      text = joined;
    }

  return text;
}

/* @list without the USCCs of @except. (transfer full) */
static char **
strv_without (char **list,
              char **except)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; list[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) except, list[i]))
      g_strv_builder_add (builder, list[i]);

  return g_strv_builder_end (builder);
}

static void
check_a2 (CwbRuleSet     *rules,
          CwbConsortium  *consortium,
          CwbAgreement   *agreement,
          CwbCheckReport *report)
{
  guint n_members = cwb_consortium_get_n_members (consortium);
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) all_unsigned = NULL;
  g_auto(GStrv) all_unsealed = NULL;
  g_auto(GStrv) extra = NULL;
  g_auto(GStrv) unsigned_ = NULL;
  g_auto(GStrv) unsealed = NULL;
  g_autoptr(GHashTable) incomplete = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *extra_note = NULL;
  g_autofree char *message = NULL;
  g_autofree char *remedy = NULL;
  CwbAgreementState state;
  guint n_complete;

  /* the four lists in one pass over the signatures; the state follows */
  _cwb_agreement_list_signatories (agreement, consortium, &missing, &all_unsigned, &all_unsealed, &extra);
  unsigned_ = strv_without (all_unsigned, missing);
  unsealed = strv_without (all_unsealed, missing);
  if (!cwb_agreement_get_frozen (agreement))
    state = CWB_AGREEMENT_STATE_DRAFT;
  else if (n_members > 0 && all_unsigned[0] == NULL && all_unsealed[0] == NULL)
    state = CWB_AGREEMENT_STATE_EFFECTIVE;
  else
    state = CWB_AGREEMENT_STATE_PENDING;

  /* members both signed and sealed */
  for (guint i = 0; all_unsigned[i] != NULL; i++)
    g_hash_table_add (incomplete, all_unsigned[i]);
  for (guint i = 0; all_unsealed[i] != NULL; i++)
    g_hash_table_add (incomplete, all_unsealed[i]);
  n_complete = n_members - g_hash_table_size (incomplete);

  if (extra[0] != NULL)
    {
      g_autofree char *names = join_members (consortium, (const char * const *) extra);

      extra_note = g_strdup_printf (g_dngettext (NULL,
                                                 "The signatory %s is no longer a member unit; its signature does not count.",
                                                 "The signatories %s are no longer member units; their signatures do not count.",
                                                 g_strv_length (extra)),
                                    names);
    }

  if (state == CWB_AGREEMENT_STATE_EFFECTIVE)
    {
      g_autofree char *date = cwb_agreement_dup_effective_date (agreement, consortium);
      g_autofree char *shown = date != NULL ? cwb_format_date (date) : NULL;

      if (shown != NULL)
        g_ptr_array_add (sentences,
                         g_strdup_printf (g_dngettext (NULL,
                                                       "The legal representative of the %u member unit signed and its seal is on; the agreement is in effect since %s.",
                                                       "The legal representatives of all %u member units signed and their seals are on; the agreement is in effect since %s.",
                                                       n_members),
                                          n_members, shown));
      else
        g_ptr_array_add (sentences,
                         g_strdup_printf (g_dngettext (NULL,
                                                       "The legal representative of the %u member unit signed and its seal is on; the agreement is in effect.",
                                                       "The legal representatives of all %u member units signed and their seals are on; the agreement is in effect.",
                                                       n_members),
                                          n_members));
      if (extra_note != NULL)
        g_ptr_array_add (sentences, g_strdup (extra_note));

      message = join_sentences (sentences);
      add_result (report, rules, "A2", CWB_STATUS_PASS, message, NULL, n_complete, n_members);
      return;
    }

  if (state == CWB_AGREEMENT_STATE_DRAFT)
    {
      g_ptr_array_add (sentences,
                       g_strdup (cwb_consortium_get_section (consortium, "agreement") == NULL
                                 ? _("There is no formation agreement yet; it is not in effect.")
                                 : _("The formation agreement is still a draft; it is not in effect.")));
      if (extra_note != NULL)
        g_ptr_array_add (sentences, g_strdup (extra_note));

      message = join_sentences (sentences);
      add_result (report, rules, "A2", CWB_STATUS_FAIL, message,
                  _("Freeze the agreement’s text, then have the legal representative of every member unit sign it and every member unit put its official seal on it."),
                  n_complete, n_members);
      return;
    }

  /* pending */
  g_ptr_array_add (sentences, g_strdup (_("The formation agreement is not in effect yet.")));

  if (missing[0] != NULL)
    {
      g_autofree char *names = join_members (consortium, (const char * const *) missing);

      g_ptr_array_add (sentences,
                       g_strdup_printf (_("Not among the signatories (joined after the text was frozen): %s."), names));
      g_ptr_array_add (fixes,
                       g_strdup_printf (_("The legal representatives of %s sign the agreement and the units put their official seals on it."),
                                        names));
    }

  if (unsigned_[0] != NULL)
    {
      g_autofree char *names = join_members (consortium, (const char * const *) unsigned_);

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (NULL,
                                                     "Not signed by the legal representative: %s.",
                                                     "Not signed by the legal representatives: %s.",
                                                     g_strv_length (unsigned_)),
                                        names));
      g_ptr_array_add (fixes, g_strdup_printf (_("The legal representatives of %s sign the agreement."), names));
    }

  if (unsealed[0] != NULL)
    {
      g_autofree char *names = join_members (consortium, (const char * const *) unsealed);

      g_ptr_array_add (sentences, g_strdup_printf (_("Official seal missing: %s."), names));
      g_ptr_array_add (fixes, g_strdup_printf (_("%s put their official seals on the agreement."), names));
    }

  if (n_members == 0)
    g_ptr_array_add (sentences, g_strdup (_("The consortium has no member units.")));

  if (extra_note != NULL)
    g_ptr_array_add (sentences, g_strdup (extra_note));

  message = join_sentences (sentences);
  remedy = fixes->len > 0 ? join_sentences (fixes) : NULL;
  add_result (report, rules, "A2", CWB_STATUS_FAIL, message, remedy, n_complete, n_members);
}

/* The agreement the consortium's section holds, read once while the
 * section and the members stay the same: sections are sealed (never
 * changed in place), and the members (whose credit codes the reading takes
 * as checked) count through cwb_consortium_get_members_serial(). The cache
 * keeps a reference to the node, so its address cannot be reused.
 *
 * A consortium checked once (the command line checks each file once) would
 * gain nothing but the cost of watching its members: the agreement is
 * kept from the second check on. */
typedef struct
{
  JsonNode     *section;    /* owned, nullable */
  guint64       serial;     /* the members' when the agreement was read */
  CwbAgreement *agreement;  /* owned, nullable: NULL after the first check */
} CachedAgreement;

#define CACHE_KEY "cwb-agreement-provider-agreement"

static void
cached_agreement_free (CachedAgreement *cached)
{
  g_clear_pointer (&cached->section, json_node_unref);
  g_clear_object (&cached->agreement);
  g_free (cached);
}

static CwbAgreement *
dup_agreement (CwbConsortium  *consortium,
               GError        **error)
{
  JsonNode *section = cwb_consortium_get_section (consortium, "agreement");
  CachedAgreement *cached = g_object_get_data (G_OBJECT (consortium), CACHE_KEY);
  CwbAgreement *agreement;
  guint64 serial;

  if (cached == NULL)
    {
      /* the first check: only noted */
      g_object_set_data_full (G_OBJECT (consortium), CACHE_KEY, g_new0 (CachedAgreement, 1),
                              (GDestroyNotify) cached_agreement_free);
      return cwb_agreement_new_for_consortium (consortium, error);
    }

  serial = cwb_consortium_get_members_serial (consortium);
  if (cached->agreement != NULL && cached->section == section && cached->serial == serial)
    return g_object_ref (cached->agreement);

  agreement = cwb_agreement_new_for_consortium (consortium, error);
  if (agreement == NULL)
    return NULL;

  g_clear_pointer (&cached->section, json_node_unref);
  g_clear_object (&cached->agreement);
  cached->section = section != NULL ? json_node_ref (section) : NULL;
  cached->serial = serial;
  cached->agreement = g_object_ref (agreement);

  return agreement;
}

static gboolean
cwb_agreement_provider_check (CwbCheckProvider  *provider,
                              CwbContext        *context,
                              CwbConsortium     *consortium,
                              CwbCheckReport    *report,
                              GError           **check_error)
{
  CwbRuleSet *rules = cwb_context_get_rules (context);
  g_autoptr(CwbAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;

  cwb_agreement_use_rules (rules);
  agreement = dup_agreement (consortium, &error);
  if (agreement == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The formation agreement cannot be read: %s"),
                                                  error->message);

      if (cwb_rule_set_has_rule (rules, "A1"))
        add_result (report, rules, "A1", CWB_STATUS_FAIL, message,
                    _("Correct the agreement in the consortium file."), -1, -1);
      if (cwb_rule_set_has_rule (rules, "A2"))
        add_result (report, rules, "A2", CWB_STATUS_FAIL, message,
                    _("Correct the agreement in the consortium file."), -1, -1);
      return TRUE;
    }

  if (cwb_rule_set_has_rule (rules, "A1"))
    check_a1 (context, rules, consortium, agreement, report);
  if (cwb_rule_set_has_rule (rules, "A2"))
    check_a2 (rules, consortium, agreement, report);

  return TRUE;
}

static void
check_provider_iface_init (CwbCheckProviderInterface *iface)
{
  iface->check = cwb_agreement_provider_check;
}

static void
cwb_agreement_provider_class_init (CwbAgreementProviderClass *klass)
{
}

static void
cwb_agreement_provider_class_finalize (CwbAgreementProviderClass *klass)
{
}

static void
cwb_agreement_provider_init (CwbAgreementProvider *self)
{
}

/**
 * cwb_agreement_provider_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbAgreementProvider with @module.
 */
void
cwb_agreement_provider_register_type (GTypeModule *module)
{
  agreement_provider_register_type_generated (module);
}
