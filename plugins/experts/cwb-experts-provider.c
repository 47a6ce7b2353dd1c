/* cwb-experts-provider.c — rules E1, E2 and E3 (policy 五(一)3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-experts-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"
#include "cwb-experts-provider.h"

struct _CwbExpertsProvider
{
  GObject parent_instance;
};

static void check_provider_iface_init (CwbCheckProviderInterface *iface);

#define cwb_experts_provider_register_type experts_provider_register_type_generated
G_DEFINE_DYNAMIC_TYPE_EXTENDED (CwbExpertsProvider, cwb_experts_provider, G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (CWB_TYPE_CHECK_PROVIDER,
                                                               check_provider_iface_init))
#undef cwb_experts_provider_register_type

static void
add_result (CwbCheckReport *report,
            CwbRuleSet     *rules,
            const char     *rule,
            CwbStatus       status,
            const char     *message,
            const char     *remedy)
{
  g_autoptr(CwbCheckResult) result = cwb_check_result_new_for_rule (rules, rule, status);

  cwb_check_result_set_message (result, message);
  if (remedy != NULL)
    cwb_check_result_set_remedy (result, remedy);

  cwb_check_report_add (report, result);
}

/* E1: name, title, field and affiliation. TRUE if the section names a
 * chief expert at all (E2 and E3 need one). */
static gboolean
check_e1 (CwbRuleSet     *rules,
          JsonNode       *section,
          CwbCheckReport *report)
{
  static const struct {
    const char *key;
    const char *label;
  } parts[] = {
    { "name", N_("name") },
    { "title", N_("title") },
    { "field", N_("field") },
    { "affiliation_uscc", N_("affiliation (unified social credit code)") },
  };
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *message = NULL;
  g_autofree char *remedy = NULL;
  guint n_missing = 0;

  if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section))
    {
      if (cwb_rule_set_has_rule (rules, "E1"))
        add_result (report, rules, "E1", CWB_STATUS_FAIL,
                    _("No chief expert is chosen."),
                    _("Choose a chief expert of high academic standing who knows the industry, and give the name, title, field and affiliation."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (!cwb_text_is_blank (_cwb_expert_section_string (section, parts[i].key)))
        continue;
      if (n_missing > 0)
        /* TRANSLATORS: separates the items of a list; zh_CN "、" */
        g_string_append (missing, C_("list separator", ", "));
      g_string_append (missing, _(parts[i].label));
      n_missing++;
    }

  if (!cwb_rule_set_has_rule (rules, "E1"))
    return !cwb_text_is_blank (_cwb_expert_section_string (section, "name"));

  if (n_missing == 0)
    {
      message = g_strdup_printf (_("The chief expert is %s (%s)."),
                                 _cwb_expert_section_string (section, "name"),
                                 _cwb_expert_section_string (section, "title"));
      add_result (report, rules, "E1", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      message = g_strdup_printf (_("The chief expert’s %s is not given."), missing->str);
      remedy = g_strdup_printf (_("Give the chief expert’s %s."), missing->str);
      add_result (report, rules, "E1", CWB_STATUS_FAIL, message, remedy);
    }

  return !cwb_text_is_blank (_cwb_expert_section_string (section, "name"));
}

static void
check_e2 (CwbRuleSet     *rules,
          CwbConsortium  *consortium,
          JsonNode       *section,
          CwbCheckReport *report)
{
  const char *industry = cwb_consortium_get_industry (consortium);
  const char *field = _cwb_expert_section_string (section, "field");
  g_auto(GStrv) fields = cwb_expert_split_list (field);
  g_autofree char *message = NULL;
  g_autofree char *remedy = NULL;

  if (!cwb_rule_set_has_rule (rules, "E2"))
    return;

  if (_cwb_expert_fields_name_industry ((const char * const *) fields, industry))
    {
      message = g_strdup_printf (_("The chief expert’s field “%s” names the consortium’s industry %s."),
                                 field, industry);
      add_result (report, rules, "E2", CWB_STATUS_PASS, message, NULL);
      return;
    }

  if (cwb_text_is_blank (field))
    message = g_strdup_printf (_("The chief expert’s field is not given, so it does not show familiarity with the industry %s."),
                               industry != NULL ? industry : "");
  else
    message = g_strdup_printf (_("The chief expert’s field “%s” does not name the consortium’s industry %s."),
                               field, industry != NULL ? industry : "");
  remedy = g_strdup_printf (_("Choose a chief expert who knows the industry %s, or state it in the expert’s fields."),
                            industry != NULL ? industry : "");
  add_result (report, rules, "E2", CWB_STATUS_INFO, message, remedy);
}

/* FALSE with @check_error when the registry cannot be read: E3 is then
 * not checked, and the host says so */
static gboolean
check_e3 (CwbContext      *context,
          CwbRuleSet      *rules,
          CwbConsortium   *consortium,
          JsonNode        *section,
          CwbCheckReport  *report,
          GError         **check_error)
{
  CwbStore *store = cwb_context_get_store (context);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) elsewhere = NULL;
  g_autofree char *message = NULL;
  const char *name = _cwb_expert_section_string (section, "name");
  CwbExpertRegistry *experts;
  gint64 expert_id;

  /* without the workspace, other consortia are unknown: no result */
  if (!cwb_rule_set_has_rule (rules, "E3") || store == NULL)
    return TRUE;

  experts = cwb_expert_registry_get_for_store (store, &error);
  if (experts == NULL && !g_error_matches (error, CWB_ERROR, CWB_ERROR_READ_ONLY))
    {
      g_set_error (check_error, CWB_ERROR, CWB_ERROR_PLUGIN,
                   _("The expert registry cannot be read: %s"), error->message);
      return FALSE;
    }

  /* a workspace open read-only without the registry's tables has no experts */
  expert_id = experts != NULL ? cwb_expert_registry_match_section (experts, section) : 0;
  if (expert_id != 0)
    elsewhere = cwb_expert_registry_list_chief_elsewhere (experts, expert_id, cwb_consortium_get_id (consortium));

  if (elsewhere == NULL || elsewhere[0] == NULL)
    {
      message = g_strdup_printf (_("%s is not the chief expert of another consortium in the workspace."), name);
      add_result (report, rules, "E3", CWB_STATUS_PASS, message, NULL);
    }
  else
    {
      g_autofree char *names = g_strjoinv (C_("list separator", ", "), elsewhere);

      message = g_strdup_printf (g_dngettext (NULL,
                                              "%s is also the chief expert of the consortium %s.",
                                              "%s is also the chief expert of the consortia %s.",
                                              g_strv_length (elsewhere)),
                                 name, names);
      add_result (report, rules, "E3", CWB_STATUS_INFO, message,
                  _("A chief expert who leads one consortium can give it full attention; consider another chief expert."));
    }

  return TRUE;
}

static gboolean
cwb_experts_provider_check (CwbCheckProvider  *provider,
                            CwbContext        *context,
                            CwbConsortium     *consortium,
                            CwbCheckReport    *report,
                            GError           **error)
{
  CwbRuleSet *rules = cwb_context_get_rules (context);
  JsonNode *section = cwb_consortium_get_section (consortium, "chief_expert");

  if (!check_e1 (rules, section, report))
    return TRUE;

  check_e2 (rules, consortium, section, report);

  return check_e3 (context, rules, consortium, section, report, error);
}

static void
check_provider_iface_init (CwbCheckProviderInterface *iface)
{
  iface->check = cwb_experts_provider_check;
}

static void
cwb_experts_provider_class_init (CwbExpertsProviderClass *klass)
{
}

static void
cwb_experts_provider_class_finalize (CwbExpertsProviderClass *klass)
{
}

static void
cwb_experts_provider_init (CwbExpertsProvider *self)
{
}

/**
 * cwb_experts_provider_register_type:
 * @module: the plugin's type module
 *
 * Registers #CwbExpertsProvider with @module.
 */
void
cwb_experts_provider_register_type (GTypeModule *module)
{
  experts_provider_register_type_generated (module);
}
