/* cwb-check-result.c — the outcome of one rule for one consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-check-result"

#include "config.h"

#include "cwb-check-result.h"
#include "cwb-enums.h"
#include "cwb-rule-set.h"

struct _CwbCheckResult
{
  GObject      parent_instance;

  /* owned */
  char        *rule;
  char        *clause;
  char        *plugin;
  char        *message;
  char        *remedy;

  CwbStrength  strength;
  CwbStatus    status;
  CwbUnit      unit;
  double       value;
  double       threshold;
  guint        has_value : 1;
  guint        has_threshold : 1;
};

enum {
  PROP_0,
  PROP_RULE,
  PROP_CLAUSE,
  PROP_STRENGTH,
  PROP_STATUS,
  PROP_VALUE,
  PROP_THRESHOLD,
  PROP_HAS_VALUE,
  PROP_HAS_THRESHOLD,
  PROP_UNIT,
  PROP_MESSAGE,
  PROP_REMEDY,
  PROP_PLUGIN,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbCheckResult, cwb_check_result, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *
enum_nick (GType type,
           int   value)
{
  /* the class is kept for the life of the process, so the nick stays valid */
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *enum_value;

  if (klass == NULL)
    klass = g_type_class_ref (type);

  enum_value = g_enum_get_value (klass, value);
  return enum_value != NULL ? enum_value->value_nick : NULL;
}

/* g_set_str() is GLib 2.76 */
static gboolean
replace_string (char       **str,
                const char  *value)
{
  if (g_strcmp0 (*str, value) == 0)
    return FALSE;

  g_free (*str);
  *str = g_strdup (value);
  return TRUE;
}

static void
cwb_check_result_finalize (GObject *object)
{
  CwbCheckResult *self = (CwbCheckResult *)object;

  g_clear_pointer (&self->rule, g_free);
  g_clear_pointer (&self->clause, g_free);
  g_clear_pointer (&self->plugin, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->remedy, g_free);

  G_OBJECT_CLASS (cwb_check_result_parent_class)->finalize (object);
}

static void
cwb_check_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CwbCheckResult *self = CWB_CHECK_RESULT (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;

    case PROP_CLAUSE:
      g_value_set_string (value, self->clause);
      break;

    case PROP_STRENGTH:
      g_value_set_enum (value, self->strength);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_HAS_THRESHOLD:
      g_value_set_boolean (value, self->has_threshold);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_REMEDY:
      g_value_set_string (value, self->remedy);
      break;

    case PROP_PLUGIN:
      g_value_set_string (value, self->plugin);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_check_result_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CwbCheckResult *self = CWB_CHECK_RESULT (object);

  switch (prop_id)
    {
    case PROP_RULE:
      self->rule = g_value_dup_string (value);
      break;

    case PROP_CLAUSE:
      self->clause = g_value_dup_string (value);
      break;

    case PROP_STRENGTH:
      self->strength = g_value_get_enum (value);
      break;

    case PROP_STATUS:
      cwb_check_result_set_status (self, g_value_get_enum (value));
      break;

    case PROP_VALUE:
      cwb_check_result_set_value (self, g_value_get_double (value));
      break;

    case PROP_THRESHOLD:
      cwb_check_result_set_threshold (self, g_value_get_double (value));
      break;

    case PROP_UNIT:
      cwb_check_result_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_MESSAGE:
      cwb_check_result_set_message (self, g_value_get_string (value));
      break;

    case PROP_REMEDY:
      cwb_check_result_set_remedy (self, g_value_get_string (value));
      break;

    case PROP_PLUGIN:
      self->plugin = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_check_result_class_init (CwbCheckResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cwb_check_result_finalize;
  object_class->get_property = cwb_check_result_get_property;
  object_class->set_property = cwb_check_result_set_property;

  /* the rule id, e.g. "C4" */
  properties[PROP_RULE] =
    g_param_spec_string ("rule", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* the clause id of the policy, e.g. "四(二)" */
  properties[PROP_CLAUSE] =
    g_param_spec_string ("clause", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STRENGTH] =
    g_param_spec_enum ("strength", NULL, NULL,
                       CWB_TYPE_STRENGTH, CWB_STRENGTH_HARD,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CWB_TYPE_STATUS, CWB_STATUS_PASS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the figure found; meaningful only when has-value is set */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the figure required; meaningful only when has-threshold is set */
  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_THRESHOLD] =
    g_param_spec_boolean ("has-threshold", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       CWB_TYPE_UNIT, CWB_UNIT_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REMEDY] =
    g_param_spec_string ("remedy", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the module name of the plugin whose check failed, for an error result */
  properties[PROP_PLUGIN] =
    g_param_spec_string ("plugin", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_check_result_init (CwbCheckResult *self)
{
  self->strength = CWB_STRENGTH_HARD;
  self->status = CWB_STATUS_PASS;
}

/**
 * cwb_check_result_new:
 * @rule: the rule id
 * @clause: (nullable): the clause id of the policy
 * @strength: the rule's strength
 * @status: the outcome
 *
 * Returns: (transfer full): a new result
 */
CwbCheckResult *
cwb_check_result_new (const char  *rule,
                      const char  *clause,
                      CwbStrength  strength,
                      CwbStatus    status)
{
  CwbCheckResult *self;

  g_return_val_if_fail (rule != NULL, NULL);

  /* the fields directly rather than through construct properties: a check
   * makes thousands of results, and GObject's property machinery cost more
   * than the rest of making one; no handler can be connected yet, so no
   * notification is missed */
  self = g_object_new (CWB_TYPE_CHECK_RESULT, NULL);
  self->rule = g_strdup (rule);
  self->clause = g_strdup (clause);
  self->strength = strength;
  self->status = status;

  return self;
}

/**
 * cwb_check_result_new_for_rule:
 * @rules: the rule set that holds @rule
 * @rule: the rule id
 * @status: the outcome
 *
 * Returns: (transfer full): a new result with the rule's clause and strength
 */
CwbCheckResult *
cwb_check_result_new_for_rule (CwbRuleSet  *rules,
                               const char  *rule,
                               CwbStatus    status)
{
  g_return_val_if_fail (CWB_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  return cwb_check_result_new (rule,
                               cwb_rule_set_get_clause (rules, rule),
                               cwb_rule_set_get_strength (rules, rule),
                               status);
}

/**
 * cwb_check_result_new_error:
 * @plugin: the module name of the plugin whose check failed
 * @message: what went wrong, a whole translated sentence
 *
 * The result a check provider that failed leaves in its place: status
 * %CWB_STATUS_ERROR, the plugin's module name as its rule and
 * #CwbCheckResult:plugin, no clause. It makes the report's verdict
 * %CWB_VERDICT_ERROR.
 *
 * Returns: (transfer full): a new result
 */
CwbCheckResult *
cwb_check_result_new_error (const char *plugin,
                            const char *message)
{
  g_return_val_if_fail (plugin != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (CWB_TYPE_CHECK_RESULT,
                       "rule", plugin,
                       "plugin", plugin,
                       "strength", CWB_STRENGTH_HARD,
                       "status", CWB_STATUS_ERROR,
                       "message", message,
                       NULL);
}

/**
 * cwb_check_result_get_plugin:
 * @self: a result
 *
 * Returns: (nullable): the module name of the plugin whose check failed,
 *   for a result made by cwb_check_result_new_error(); %NULL otherwise
 */
const char *
cwb_check_result_get_plugin (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), NULL);

  return self->plugin;
}

const char *
cwb_check_result_get_rule (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), NULL);

  return self->rule;
}

const char *
cwb_check_result_get_clause (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), NULL);

  return self->clause;
}

CwbStrength
cwb_check_result_get_strength (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), CWB_STRENGTH_HARD);

  return self->strength;
}

CwbStatus
cwb_check_result_get_status (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), CWB_STATUS_FAIL);

  return self->status;
}

void
cwb_check_result_set_status (CwbCheckResult *self,
                             CwbStatus       status)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
cwb_check_result_get_has_value (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), FALSE);

  return self->has_value;
}

double
cwb_check_result_get_value (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), 0.0);

  return self->value;
}

/* Sets the figure found; has-value becomes TRUE. */
void
cwb_check_result_set_value (CwbCheckResult *self,
                            double          value)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (self->has_value && self->value == value)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->value = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  if (!self->has_value)
    {
      self->has_value = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VALUE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
cwb_check_result_get_has_threshold (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), FALSE);

  return self->has_threshold;
}

double
cwb_check_result_get_threshold (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), 0.0);

  return self->threshold;
}

/* Sets the figure required; has-threshold becomes TRUE. */
void
cwb_check_result_set_threshold (CwbCheckResult *self,
                                double          threshold)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (self->has_threshold && self->threshold == threshold)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
  if (!self->has_threshold)
    {
      self->has_threshold = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_THRESHOLD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * cwb_check_result_get_unit:
 * @self: a result
 *
 * Returns: what the value and the threshold measure
 */
CwbUnit
cwb_check_result_get_unit (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), CWB_UNIT_NONE);

  return self->unit;
}

/**
 * cwb_check_result_set_unit:
 * @self: a result
 * @unit: what the value and the threshold measure
 */
void
cwb_check_result_set_unit (CwbCheckResult *self,
                           CwbUnit         unit)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const char *
cwb_check_result_get_message (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), NULL);

  return self->message;
}

void
cwb_check_result_set_message (CwbCheckResult *self,
                              const char     *message)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (replace_string (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

const char *
cwb_check_result_get_remedy (CwbCheckResult *self)
{
  g_return_val_if_fail (CWB_IS_CHECK_RESULT (self), NULL);

  return self->remedy;
}

void
cwb_check_result_set_remedy (CwbCheckResult *self,
                             const char     *remedy)
{
  g_return_if_fail (CWB_IS_CHECK_RESULT (self));

  if (replace_string (&self->remedy, remedy))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMEDY]);
}

gboolean
cwb_status_is_passing (CwbStatus status)
{
  switch (status)
    {
    case CWB_STATUS_PASS:
    case CWB_STATUS_RELAXED:
    case CWB_STATUS_EXCEPTED:
    case CWB_STATUS_DECLARED:
    case CWB_STATUS_INFO:
      return TRUE;

    case CWB_STATUS_FAIL:
    case CWB_STATUS_WARN:
    case CWB_STATUS_UNKNOWN:
    case CWB_STATUS_MISSING_DECLARATION:
    default:
      return FALSE;
    }
}

/* The word used in the --json output, e.g. "missing_declaration". */
const char *
cwb_status_to_nick (CwbStatus status)
{
  return enum_nick (CWB_TYPE_STATUS, status);
}

const char *
cwb_strength_to_nick (CwbStrength strength)
{
  return enum_nick (CWB_TYPE_STRENGTH, strength);
}

const char *
cwb_verdict_to_nick (CwbVerdict verdict)
{
  return enum_nick (CWB_TYPE_VERDICT, verdict);
}
