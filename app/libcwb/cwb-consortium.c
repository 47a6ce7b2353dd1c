/* cwb-consortium.c — one innovation consortium (创新联合体)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-consortium"

#include "config.h"

#include "cwb-consortium.h"
#include "cwb-consortium-private.h"
#include "cwb-member-list.h"
#include "cwb-store-private.h"
#include "cwb-enums.h"

struct _CwbConsortium
{
  GObject     parent_instance;

  gint64      id;                         /* store row id, 0 when not stored */
  char       *name;                       /* owned */
  char       *industry;                   /* owned */

  /* lists (C1, P1); owned, never NULL */
  char      **scientific_problems;
  char      **key_technologies;
  char      **transformation_results;
  char      **landmark_results;
  GPtrArray  *standards;                  /* owned, element-type CwbStandard */

  /* organization (O1) */
  char       *decision_body;              /* owned, nullable */
  char       *advisory_body;              /* owned, nullable */
  char       *executive_body;             /* owned, nullable */
  int         executive_fulltime_staff;   /* CWB_UNKNOWN when not given */

  GPtrArray  *members;                    /* owned refs, element-type CwbMember */
  /* a summary's members, read on demand instead (cwb-consortium-private.h) */
  GListModel *member_source;              /* owned, nullable */
  GHashTable *member_cache;               /* position → owned CwbMember, as asked for */
  gulong      member_source_handler;
  guint64     members_serial;             /* bumped on any change of the members */
  GPtrArray  *exceptions;                 /* owned, element-type CwbException */
  GPtrArray  *lifecycle;                  /* owned, element-type CwbStageEvent */
  JsonObject *sections;                   /* owned: plugin-owned top-level keys */

  guint       has_organization : 1;
  guint       executive_permanent : 1;
  guint       has_fund_management : 1;
  guint       fund_system : 1;
  guint       fund_internal_supervision : 1;
  guint       watching_members : 1;       /* the serial was asked for: members' notify counts */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INDUSTRY,
  PROP_SCIENTIFIC_PROBLEMS,
  PROP_KEY_TECHNOLOGIES,
  PROP_TRANSFORMATION_RESULTS,
  PROP_LANDMARK_RESULTS,
  PROP_HAS_ORGANIZATION,
  PROP_DECISION_BODY,
  PROP_ADVISORY_BODY,
  PROP_EXECUTIVE_BODY,
  PROP_EXECUTIVE_PERMANENT,
  PROP_EXECUTIVE_FULLTIME_STAFF,
  PROP_HAS_FUND_MANAGEMENT,
  PROP_FUND_SYSTEM,
  PROP_FUND_INTERNAL_SUPERVISION,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbConsortium, cwb_consortium, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* Top-level keys of the file that the host itself reads; never sections. */
static const char * const reserved_keys[] = {
  "format", "name", "industry", "lists", "organization", "fund_management",
  "members", "exceptions", "lifecycle", NULL
};

static void
set_string (CwbConsortium  *self,
            char          **field,
            const char     *value,
            guint           prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  return g_strv_equal (a, b);
}

static void
set_strv (CwbConsortium       *self,
          char              ***field,
          const char * const  *items,
          guint                prop)
{
  static const char * const empty[] = { NULL };

  if (items == NULL)
    items = empty;

  if (strv_equal0 ((const char * const *) *field, items))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **) items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
standard_equal (const CwbStandard *a,
                const CwbStandard *b)
{
  return a->kind == b->kind && g_strcmp0 (a->title, b->title) == 0;
}

static gboolean
exception_equal (const CwbException *a,
                 const CwbException *b)
{
  return g_strcmp0 (a->rule, b->rule) == 0 &&
         g_strcmp0 (a->document, b->document) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->reason, b->reason) == 0;
}

static gboolean
stage_event_equal (const CwbStageEvent *a,
                   const CwbStageEvent *b)
{
  return a->stage == b->stage &&
         g_strcmp0 (a->date, b->date) == 0 &&
         g_strcmp0 (a->document, b->document) == 0 &&
         g_strcmp0 (a->note, b->note) == 0;
}

static gboolean
sections_equal (JsonObject *a,
                JsonObject *b)
{
  g_autoptr(GList) keys = NULL;

  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;

  keys = json_object_get_members (a);
  for (const GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *other = json_object_get_member (b, l->data);

      if (other == NULL || !json_node_equal (json_object_get_member (a, l->data), other))
        return FALSE;
    }

  return TRUE;
}

static JsonNode *
deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(JsonObject) object_copy = json_object_new ();
        g_autoptr(GList) keys = json_object_get_members (object);

        for (const GList *l = keys; l != NULL; l = l->next)
          json_object_set_member (object_copy, l->data,
                                  deep_copy (json_object_get_member (object, l->data)));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_set_object (copy, object_copy);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        g_autoptr(JsonArray) array_copy = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (array_copy, deep_copy (json_array_get_element (array, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_set_array (copy, array_copy);
      }
      break;

    case JSON_NODE_VALUE:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        json_node_get_value (node, &value);
        copy = json_node_new (JSON_NODE_VALUE);
        json_node_set_value (copy, &value);
      }
      break;

    case JSON_NODE_NULL:
    default:
      copy = json_node_new (JSON_NODE_NULL);
      break;
    }

  return copy;
}

/* Sections are kept sealed: an immutable node is shared, a mutable one is
 * copied deeply first, so the caller's node stays its own. */
static JsonNode *
sealed_copy (JsonNode *node)
{
  JsonNode *copy;

  if (json_node_is_immutable (node))
    return json_node_ref (node);

  copy = deep_copy (node);
  json_node_seal (copy);

  return copy;
}

static void
cwb_consortium_dispose (GObject *object)
{
  CwbConsortium *self = (CwbConsortium *)object;

  if (self->members != NULL)
    g_ptr_array_set_size (self->members, 0);
  _cwb_consortium_set_member_source (self, NULL);

  G_OBJECT_CLASS (cwb_consortium_parent_class)->dispose (object);
}

static void
cwb_consortium_finalize (GObject *object)
{
  CwbConsortium *self = (CwbConsortium *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->industry, g_free);
  g_clear_pointer (&self->scientific_problems, g_strfreev);
  g_clear_pointer (&self->key_technologies, g_strfreev);
  g_clear_pointer (&self->transformation_results, g_strfreev);
  g_clear_pointer (&self->landmark_results, g_strfreev);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->decision_body, g_free);
  g_clear_pointer (&self->advisory_body, g_free);
  g_clear_pointer (&self->executive_body, g_free);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->lifecycle, g_ptr_array_unref);
  g_clear_pointer (&self->sections, json_object_unref);

  G_OBJECT_CLASS (cwb_consortium_parent_class)->finalize (object);
}

static void
cwb_consortium_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CwbConsortium *self = CWB_CONSORTIUM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;
    case PROP_SCIENTIFIC_PROBLEMS:
      g_value_set_boxed (value, self->scientific_problems);
      break;
    case PROP_KEY_TECHNOLOGIES:
      g_value_set_boxed (value, self->key_technologies);
      break;
    case PROP_TRANSFORMATION_RESULTS:
      g_value_set_boxed (value, self->transformation_results);
      break;
    case PROP_LANDMARK_RESULTS:
      g_value_set_boxed (value, self->landmark_results);
      break;
    case PROP_HAS_ORGANIZATION:
      g_value_set_boolean (value, self->has_organization);
      break;
    case PROP_DECISION_BODY:
      g_value_set_string (value, self->decision_body);
      break;
    case PROP_ADVISORY_BODY:
      g_value_set_string (value, self->advisory_body);
      break;
    case PROP_EXECUTIVE_BODY:
      g_value_set_string (value, self->executive_body);
      break;
    case PROP_EXECUTIVE_PERMANENT:
      g_value_set_boolean (value, self->executive_permanent);
      break;
    case PROP_EXECUTIVE_FULLTIME_STAFF:
      g_value_set_int (value, self->executive_fulltime_staff);
      break;
    case PROP_HAS_FUND_MANAGEMENT:
      g_value_set_boolean (value, self->has_fund_management);
      break;
    case PROP_FUND_SYSTEM:
      g_value_set_boolean (value, self->fund_system);
      break;
    case PROP_FUND_INTERNAL_SUPERVISION:
      g_value_set_boolean (value, self->fund_internal_supervision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_consortium_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CwbConsortium *self = CWB_CONSORTIUM (object);

  switch (prop_id)
    {
    case PROP_ID:
      cwb_consortium_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      cwb_consortium_set_name (self, g_value_get_string (value));
      break;
    case PROP_INDUSTRY:
      cwb_consortium_set_industry (self, g_value_get_string (value));
      break;
    case PROP_SCIENTIFIC_PROBLEMS:
      cwb_consortium_set_scientific_problems (self, g_value_get_boxed (value));
      break;
    case PROP_KEY_TECHNOLOGIES:
      cwb_consortium_set_key_technologies (self, g_value_get_boxed (value));
      break;
    case PROP_TRANSFORMATION_RESULTS:
      cwb_consortium_set_transformation_results (self, g_value_get_boxed (value));
      break;
    case PROP_LANDMARK_RESULTS:
      cwb_consortium_set_landmark_results (self, g_value_get_boxed (value));
      break;
    case PROP_HAS_ORGANIZATION:
      cwb_consortium_set_has_organization (self, g_value_get_boolean (value));
      break;
    case PROP_DECISION_BODY:
      cwb_consortium_set_decision_body (self, g_value_get_string (value));
      break;
    case PROP_ADVISORY_BODY:
      cwb_consortium_set_advisory_body (self, g_value_get_string (value));
      break;
    case PROP_EXECUTIVE_BODY:
      cwb_consortium_set_executive_body (self, g_value_get_string (value));
      break;
    case PROP_EXECUTIVE_PERMANENT:
      cwb_consortium_set_executive_permanent (self, g_value_get_boolean (value));
      break;
    case PROP_EXECUTIVE_FULLTIME_STAFF:
      cwb_consortium_set_executive_fulltime_staff (self, g_value_get_int (value));
      break;
    case PROP_HAS_FUND_MANAGEMENT:
      cwb_consortium_set_has_fund_management (self, g_value_get_boolean (value));
      break;
    case PROP_FUND_SYSTEM:
      cwb_consortium_set_fund_system (self, g_value_get_boolean (value));
      break;
    case PROP_FUND_INTERNAL_SUPERVISION:
      cwb_consortium_set_fund_internal_supervision (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_consortium_class_init (CwbConsortiumClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cwb_consortium_dispose;
  object_class->finalize = cwb_consortium_finalize;
  object_class->get_property = cwb_consortium_get_property;
  object_class->set_property = cwb_consortium_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL, NULL, flags);
  properties[PROP_SCIENTIFIC_PROBLEMS] =
    g_param_spec_boxed ("scientific-problems", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_KEY_TECHNOLOGIES] =
    g_param_spec_boxed ("key-technologies", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TRANSFORMATION_RESULTS] =
    g_param_spec_boxed ("transformation-results", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LANDMARK_RESULTS] =
    g_param_spec_boxed ("landmark-results", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_HAS_ORGANIZATION] =
    g_param_spec_boolean ("has-organization", NULL, NULL, FALSE, flags);
  properties[PROP_DECISION_BODY] =
    g_param_spec_string ("decision-body", NULL, NULL, NULL, flags);
  properties[PROP_ADVISORY_BODY] =
    g_param_spec_string ("advisory-body", NULL, NULL, NULL, flags);
  properties[PROP_EXECUTIVE_BODY] =
    g_param_spec_string ("executive-body", NULL, NULL, NULL, flags);
  properties[PROP_EXECUTIVE_PERMANENT] =
    g_param_spec_boolean ("executive-permanent", NULL, NULL, FALSE, flags);
  properties[PROP_EXECUTIVE_FULLTIME_STAFF] =
    g_param_spec_int ("executive-fulltime-staff", NULL, NULL,
                      CWB_UNKNOWN, G_MAXINT, CWB_UNKNOWN, flags);
  properties[PROP_HAS_FUND_MANAGEMENT] =
    g_param_spec_boolean ("has-fund-management", NULL, NULL, FALSE, flags);
  properties[PROP_FUND_SYSTEM] =
    g_param_spec_boolean ("fund-system", NULL, NULL, FALSE, flags);
  properties[PROP_FUND_INTERNAL_SUPERVISION] =
    g_param_spec_boolean ("fund-internal-supervision", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_consortium_init (CwbConsortium *self)
{
  self->scientific_problems = g_new0 (char *, 1);
  self->key_technologies = g_new0 (char *, 1);
  self->transformation_results = g_new0 (char *, 1);
  self->landmark_results = g_new0 (char *, 1);
  self->standards = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_standard_free);
  self->executive_fulltime_staff = CWB_UNKNOWN;
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_exception_free);
  self->lifecycle = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_stage_event_free);
  self->sections = json_object_new ();
}

/**
 * cwb_consortium_new:
 *
 * Returns: (transfer full): a new, empty consortium
 */
CwbConsortium *
cwb_consortium_new (void)
{
  return g_object_new (CWB_TYPE_CONSORTIUM, NULL);
}

/**
 * cwb_consortium_copy:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer full): a deep copy of @self (members are copied too)
 */
CwbConsortium *
cwb_consortium_copy (CwbConsortium *self)
{
  CwbConsortium *copy;
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  copy = cwb_consortium_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->industry = g_strdup (self->industry);

  g_strfreev (copy->scientific_problems);
  copy->scientific_problems = g_strdupv (self->scientific_problems);
  g_strfreev (copy->key_technologies);
  copy->key_technologies = g_strdupv (self->key_technologies);
  g_strfreev (copy->transformation_results);
  copy->transformation_results = g_strdupv (self->transformation_results);
  g_strfreev (copy->landmark_results);
  copy->landmark_results = g_strdupv (self->landmark_results);
  for (guint i = 0; i < self->standards->len; i++)
    g_ptr_array_add (copy->standards, cwb_standard_copy (g_ptr_array_index (self->standards, i)));

  copy->has_organization = self->has_organization;
  copy->decision_body = g_strdup (self->decision_body);
  copy->advisory_body = g_strdup (self->advisory_body);
  copy->executive_body = g_strdup (self->executive_body);
  copy->executive_permanent = self->executive_permanent;
  copy->executive_fulltime_staff = self->executive_fulltime_staff;

  copy->has_fund_management = self->has_fund_management;
  copy->fund_system = self->fund_system;
  copy->fund_internal_supervision = self->fund_internal_supervision;

  for (guint i = 0, n = cwb_consortium_get_n_members (self); i < n; i++)
    g_ptr_array_add (copy->members, cwb_member_copy (cwb_consortium_get_member (self, i)));
  for (guint i = 0; i < self->exceptions->len; i++)
    g_ptr_array_add (copy->exceptions,
                     cwb_exception_copy (g_ptr_array_index (self->exceptions, i)));
  for (guint i = 0; i < self->lifecycle->len; i++)
    g_ptr_array_add (copy->lifecycle,
                     cwb_stage_event_copy (g_ptr_array_index (self->lifecycle, i)));

  keys = json_object_get_members (self->sections);
  for (const GList *l = keys; l != NULL; l = l->next)
    json_object_set_member (copy->sections, l->data,
                            json_node_copy (json_object_get_member (self->sections, l->data)));

  return copy;
}

/**
 * cwb_consortium_equal:
 * @self: a #CwbConsortium
 * @other: another #CwbConsortium
 *
 * Compares everything, members, lists and sections included, but the store
 * ids of the consortium and its members.
 *
 * Returns: %TRUE if both describe the same consortium
 */
gboolean
cwb_consortium_equal (CwbConsortium *self,
                      CwbConsortium *other)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), FALSE);
  g_return_val_if_fail (CWB_IS_CONSORTIUM (other), FALSE);

  if (self == other)
    return TRUE;

  if (g_strcmp0 (self->name, other->name) != 0 ||
      g_strcmp0 (self->industry, other->industry) != 0 ||
      !strv_equal0 ((const char * const *) self->scientific_problems,
                    (const char * const *) other->scientific_problems) ||
      !strv_equal0 ((const char * const *) self->key_technologies,
                    (const char * const *) other->key_technologies) ||
      !strv_equal0 ((const char * const *) self->transformation_results,
                    (const char * const *) other->transformation_results) ||
      !strv_equal0 ((const char * const *) self->landmark_results,
                    (const char * const *) other->landmark_results) ||
      self->has_organization != other->has_organization ||
      g_strcmp0 (self->decision_body, other->decision_body) != 0 ||
      g_strcmp0 (self->advisory_body, other->advisory_body) != 0 ||
      g_strcmp0 (self->executive_body, other->executive_body) != 0 ||
      self->executive_permanent != other->executive_permanent ||
      self->executive_fulltime_staff != other->executive_fulltime_staff ||
      self->has_fund_management != other->has_fund_management ||
      self->fund_system != other->fund_system ||
      self->fund_internal_supervision != other->fund_internal_supervision ||
      self->standards->len != other->standards->len ||
      cwb_consortium_get_n_members (self) != cwb_consortium_get_n_members (other) ||
      self->exceptions->len != other->exceptions->len ||
      self->lifecycle->len != other->lifecycle->len)
    return FALSE;

  for (guint i = 0; i < self->standards->len; i++)
    if (!standard_equal (g_ptr_array_index (self->standards, i),
                         g_ptr_array_index (other->standards, i)))
      return FALSE;

  for (guint i = 0, n = cwb_consortium_get_n_members (self); i < n; i++)
    if (!cwb_member_equal (cwb_consortium_get_member (self, i),
                           cwb_consortium_get_member (other, i)))
      return FALSE;

  for (guint i = 0; i < self->exceptions->len; i++)
    if (!exception_equal (g_ptr_array_index (self->exceptions, i),
                          g_ptr_array_index (other->exceptions, i)))
      return FALSE;

  for (guint i = 0; i < self->lifecycle->len; i++)
    if (!stage_event_equal (g_ptr_array_index (self->lifecycle, i),
                            g_ptr_array_index (other->lifecycle, i)))
      return FALSE;

  return sections_equal (self->sections, other->sections);
}

gint64
cwb_consortium_get_id (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), 0);

  return self->id;
}

void
cwb_consortium_set_id (CwbConsortium *self,
                       gint64         id)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cwb_consortium_get_name (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->name;
}

void
cwb_consortium_set_name (CwbConsortium *self,
                         const char    *name)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  set_string (self, &self->name, name, PROP_NAME);
}

const char *
cwb_consortium_get_industry (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->industry;
}

void
cwb_consortium_set_industry (CwbConsortium *self,
                             const char    *industry)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  set_string (self, &self->industry, industry, PROP_INDUSTRY);
}

#define DEFINE_LIST(field, PROP)                                              \
const char * const *                                                          \
cwb_consortium_get_##field (CwbConsortium *self)                              \
{                                                                             \
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);                      \
  return (const char * const *) self->field;                                  \
}                                                                             \
                                                                              \
void                                                                          \
cwb_consortium_set_##field (CwbConsortium      *self,                         \
                            const char * const *items)                        \
{                                                                             \
  g_return_if_fail (CWB_IS_CONSORTIUM (self));                                \
  set_strv (self, &self->field, items, PROP);                                 \
}

/**
 * cwb_consortium_get_scientific_problems:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (array zero-terminated=1): the major scientific problems to solve (rule C1);
 *   never %NULL, empty when not given
 */
/**
 * cwb_consortium_set_scientific_problems:
 * @self: a #CwbConsortium
 * @items: (nullable) (array zero-terminated=1): the major scientific problems to solve (rule C1); %NULL
 *   for none
 */
DEFINE_LIST (scientific_problems, PROP_SCIENTIFIC_PROBLEMS)

/**
 * cwb_consortium_get_key_technologies:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (array zero-terminated=1): the key common technologies to tackle (rule C1);
 *   never %NULL, empty when not given
 */
/**
 * cwb_consortium_set_key_technologies:
 * @self: a #CwbConsortium
 * @items: (nullable) (array zero-terminated=1): the key common technologies to tackle (rule C1); %NULL
 *   for none
 */
DEFINE_LIST (key_technologies, PROP_KEY_TECHNOLOGIES)

/**
 * cwb_consortium_get_transformation_results:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (array zero-terminated=1): the results to transform (rule C1);
 *   never %NULL, empty when not given
 */
/**
 * cwb_consortium_set_transformation_results:
 * @self: a #CwbConsortium
 * @items: (nullable) (array zero-terminated=1): the results to transform (rule C1); %NULL
 *   for none
 */
DEFINE_LIST (transformation_results, PROP_TRANSFORMATION_RESULTS)

/**
 * cwb_consortium_get_landmark_results:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (array zero-terminated=1): the landmark results expected (plan item P1);
 *   never %NULL, empty when not given
 */
/**
 * cwb_consortium_set_landmark_results:
 * @self: a #CwbConsortium
 * @items: (nullable) (array zero-terminated=1): the landmark results expected (plan item P1); %NULL
 *   for none
 */
DEFINE_LIST (landmark_results, PROP_LANDMARK_RESULTS)

#undef DEFINE_LIST

/**
 * cwb_consortium_get_standards:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (element-type CwbStandard): the planned
 *   standards, not to be modified (cwb_consortium_add_standard() …)
 */
const GPtrArray *
cwb_consortium_get_standards (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->standards;
}

/**
 * cwb_consortium_add_standard:
 * @self: a #CwbConsortium
 * @standard: (transfer full): a planned standard, added at the end
 */
void
cwb_consortium_add_standard (CwbConsortium *self,
                             CwbStandard   *standard)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (standard != NULL);

  g_ptr_array_add (self->standards, standard);
}

/**
 * cwb_consortium_replace_standard:
 * @self: a #CwbConsortium
 * @position: the position of a standard
 * @standard: (transfer full): what takes its place
 */
void
cwb_consortium_replace_standard (CwbConsortium *self,
                                 guint          position,
                                 CwbStandard   *standard)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (standard != NULL);
  g_return_if_fail (position < self->standards->len);

  cwb_standard_free (g_ptr_array_index (self->standards, position));
  g_ptr_array_index (self->standards, position) = standard;
}

/**
 * cwb_consortium_remove_standard:
 * @self: a #CwbConsortium
 * @position: the position of a standard
 */
void
cwb_consortium_remove_standard (CwbConsortium *self,
                                guint          position)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (position < self->standards->len);

  g_ptr_array_remove_index (self->standards, position);
}

GPtrArray *
_cwb_consortium_get_standards_mut (CwbConsortium *self)
{
  return self->standards;
}

#define DEFINE_BOOLEAN(field, PROP)                                     \
gboolean                                                                \
cwb_consortium_get_##field (CwbConsortium *self)                        \
{                                                                       \
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), FALSE);               \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
cwb_consortium_set_##field (CwbConsortium *self,                        \
                            gboolean       value)                       \
{                                                                       \
  g_return_if_fail (CWB_IS_CONSORTIUM (self));                          \
  value = !!value;                                                      \
  if (self->field == (guint) value)                                     \
    return;                                                             \
  self->field = value;                                                  \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
}

DEFINE_BOOLEAN (has_organization, PROP_HAS_ORGANIZATION)
DEFINE_BOOLEAN (executive_permanent, PROP_EXECUTIVE_PERMANENT)
DEFINE_BOOLEAN (has_fund_management, PROP_HAS_FUND_MANAGEMENT)
DEFINE_BOOLEAN (fund_system, PROP_FUND_SYSTEM)
DEFINE_BOOLEAN (fund_internal_supervision, PROP_FUND_INTERNAL_SUPERVISION)

#undef DEFINE_BOOLEAN

const char *
cwb_consortium_get_decision_body (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->decision_body;
}

void
cwb_consortium_set_decision_body (CwbConsortium *self,
                                  const char    *value)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  set_string (self, &self->decision_body, value, PROP_DECISION_BODY);
}

const char *
cwb_consortium_get_advisory_body (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->advisory_body;
}

void
cwb_consortium_set_advisory_body (CwbConsortium *self,
                                  const char    *value)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  set_string (self, &self->advisory_body, value, PROP_ADVISORY_BODY);
}

const char *
cwb_consortium_get_executive_body (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->executive_body;
}

void
cwb_consortium_set_executive_body (CwbConsortium *self,
                                   const char    *name)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  set_string (self, &self->executive_body, name, PROP_EXECUTIVE_BODY);
}

int
cwb_consortium_get_executive_fulltime_staff (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), CWB_UNKNOWN);

  return self->executive_fulltime_staff;
}

void
cwb_consortium_set_executive_fulltime_staff (CwbConsortium *self,
                                             int            staff)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  if (staff < 0)
    staff = CWB_UNKNOWN;

  if (self->executive_fulltime_staff == staff)
    return;

  self->executive_fulltime_staff = staff;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTIVE_FULLTIME_STAFF]);
}

/**
 * cwb_consortium_get_n_members:
 * @self: a #CwbConsortium
 *
 * Returns: how many members it has (a summary counts them in the store)
 */
guint
cwb_consortium_get_n_members (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), 0);

  if (self->member_source != NULL)
    return g_list_model_get_n_items (self->member_source);

  return self->members->len;
}

/**
 * cwb_consortium_get_member:
 * @self: a #CwbConsortium
 * @position: 0 … cwb_consortium_get_n_members() - 1, in file order
 *
 * A summary (cwb_store_load_consortium_summary()) reads the member from
 * the store the first time it is asked for and keeps it until its members
 * change.
 *
 * Returns: (transfer none) (nullable): the member at @position, %NULL
 *   beyond the last; valid while @self lives and its members do not change
 */
CwbMember *
cwb_consortium_get_member (CwbConsortium *self,
                           guint          position)
{
  CwbMember *member;

  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  if (self->member_source == NULL)
    return position < self->members->len ? g_ptr_array_index (self->members, position) : NULL;

  member = g_hash_table_lookup (self->member_cache, GUINT_TO_POINTER (position));
  if (member == NULL)
    {
      member = g_list_model_get_item (self->member_source, position);
      if (member != NULL)
        g_hash_table_insert (self->member_cache, GUINT_TO_POINTER (position), member);
    }

  return member;
}

static void
member_source_changed_cb (CwbConsortium *self)
{
  /* positions moved: what was kept may now be elsewhere */
  g_hash_table_remove_all (self->member_cache);
  self->members_serial++;
}

static void
member_notify_cb (CwbConsortium *self)
{
  self->members_serial++;
}

static void
watch_member (CwbConsortium *self,
              CwbMember     *member)
{
  g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self, G_CONNECT_SWAPPED);
}

/**
 * cwb_consortium_get_members_serial:
 * @self: a #CwbConsortium
 *
 * A number that changes whenever the members do: one is added or removed,
 * a summary's members change in the store, or a property of a member
 * changes in place. What was worked out from the members (a plugin's
 * cache) is still right while the serial it was made at is the same.
 *
 * In-place changes of a member's properties count from the first call on
 * (only then does the consortium start watching its members, so that one
 * that nobody asks costs nothing).
 *
 * Returns: the serial of the members
 */
guint64
cwb_consortium_get_members_serial (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), 0);

  if (!self->watching_members)
    {
      self->watching_members = TRUE;
      for (guint i = 0; i < self->members->len; i++)
        watch_member (self, g_ptr_array_index (self->members, i));
    }

  return self->members_serial;
}

/* (private) @source: (nullable): a GListModel of CwbMember that serves the
 * members from now on (the summary's lazy list), NULL to stop */
void
_cwb_consortium_set_member_source (CwbConsortium *self,
                                   GListModel    *source)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (self->member_source != NULL)
    {
      g_clear_signal_handler (&self->member_source_handler, self->member_source);
      g_clear_object (&self->member_source);
      g_clear_pointer (&self->member_cache, g_hash_table_unref);
    }

  self->members_serial++;

  if (source != NULL)
    {
      self->member_source = g_object_ref (source);
      self->member_cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
      self->member_source_handler =
        g_signal_connect_object (source, "items-changed",
                                 G_CALLBACK (member_source_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/* (private) (transfer none) (nullable) */
GListModel *
_cwb_consortium_get_member_source (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->member_source;
}

/**
 * cwb_consortium_get_members:
 * @self: a #CwbConsortium
 *
 * Only for a consortium that holds its members (read from a file, or with
 * cwb_store_load_consortium()); a summary's are empty here, so prefer
 * cwb_consortium_get_n_members() and cwb_consortium_get_member().
 *
 * Returns: (transfer none) (element-type CwbMember): the members in file
 *   order, not to be modified (cwb_consortium_add_member() adds one)
 */
const GPtrArray *
cwb_consortium_get_members (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->members;
}

/**
 * cwb_consortium_add_member:
 * @self: a #CwbConsortium
 * @member: the member to append; a reference is taken
 */
void
cwb_consortium_add_member (CwbConsortium *self,
                           CwbMember     *member)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (CWB_IS_MEMBER (member));

  g_ptr_array_add (self->members, g_object_ref (member));
  if (self->watching_members)
    watch_member (self, member);
  self->members_serial++;
}

/**
 * cwb_consortium_remove_member:
 * @self: a #CwbConsortium that holds its members (not a summary)
 * @position: the member's position
 */
void
cwb_consortium_remove_member (CwbConsortium *self,
                              guint          position)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (self->member_source == NULL);
  g_return_if_fail (position < self->members->len);

  if (self->watching_members)
    {
      CwbMember *member = g_ptr_array_index (self->members, position);

      g_signal_handlers_disconnect_by_func (member, member_notify_cb, self);
      /* the same member may have been added twice */
      for (guint i = 0; i < self->members->len; i++)
        if (i != position && g_ptr_array_index (self->members, i) == member)
          {
            watch_member (self, member);
            break;
          }
    }
  g_ptr_array_remove_index (self->members, position);
  self->members_serial++;
}

/**
 * cwb_consortium_get_lead:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (nullable): the first member with lead set
 */
CwbMember *
cwb_consortium_get_lead (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  if (CWB_IS_MEMBER_LIST (self->member_source))
    {
      /* one query, not a walk over every member */
      guint position = _cwb_member_list_find_lead (CWB_MEMBER_LIST (self->member_source));

      return position == G_MAXUINT ? NULL : cwb_consortium_get_member (self, position);
    }

  for (guint i = 0, n = cwb_consortium_get_n_members (self); i < n; i++)
    {
      CwbMember *member = cwb_consortium_get_member (self, i);

      if (cwb_member_get_lead (member))
        return member;
    }

  return NULL;
}

/**
 * cwb_consortium_get_exceptions:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer none) (element-type CwbException): the 一事一议
 *   decisions, not to be modified (cwb_consortium_add_exception() …)
 */
const GPtrArray *
cwb_consortium_get_exceptions (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->exceptions;
}

/**
 * cwb_consortium_add_exception:
 * @self: a #CwbConsortium
 * @exception: (transfer full): a decision, added at the end
 */
void
cwb_consortium_add_exception (CwbConsortium *self,
                              CwbException  *exception)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (exception != NULL);

  g_ptr_array_add (self->exceptions, exception);
}

/**
 * cwb_consortium_remove_exception:
 * @self: a #CwbConsortium
 * @rule: a rule id such as "C3"
 *
 * Returns: whether it had an exception for @rule (now removed)
 */
gboolean
cwb_consortium_remove_exception (CwbConsortium *self,
                                 const char    *rule)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      const CwbException *exception = g_ptr_array_index (self->exceptions, i);

      if (g_strcmp0 (exception->rule, rule) == 0)
        {
          g_ptr_array_remove_index (self->exceptions, i);
          return TRUE;
        }
    }

  return FALSE;
}

GPtrArray *
_cwb_consortium_get_exceptions_mut (CwbConsortium *self)
{
  return self->exceptions;
}

/**
 * cwb_consortium_get_lifecycle:
 * @self: a #CwbConsortium
 *
 * The recorded steps of its review and term (cwb-lifecycle.h), oldest
 * first. The store records new steps with cwb_store_append_stage_event();
 * cwb_store_update_consortium() leaves them alone.
 *
 * Returns: (transfer none) (element-type CwbStageEvent): the steps, not
 *   to be modified (cwb_consortium_add_stage_event() …)
 */
const GPtrArray *
cwb_consortium_get_lifecycle (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return self->lifecycle;
}

/**
 * cwb_consortium_add_stage_event:
 * @self: a #CwbConsortium
 * @event: (transfer full): a step, after those it has
 */
void
cwb_consortium_add_stage_event (CwbConsortium *self,
                                CwbStageEvent *event)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (event != NULL);

  g_ptr_array_add (self->lifecycle, event);
}

/**
 * cwb_consortium_remove_stage_event:
 * @self: a #CwbConsortium
 * @position: the position of a step
 */
void
cwb_consortium_remove_stage_event (CwbConsortium *self,
                                   guint          position)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (position < self->lifecycle->len);

  g_ptr_array_remove_index (self->lifecycle, position);
}

/**
 * cwb_consortium_clear_lifecycle:
 * @self: a #CwbConsortium
 *
 * Forgets every step (a consortium not yet in any stage).
 */
void
cwb_consortium_clear_lifecycle (CwbConsortium *self)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));

  g_ptr_array_set_size (self->lifecycle, 0);
}

GPtrArray *
_cwb_consortium_get_lifecycle_mut (CwbConsortium *self)
{
  return self->lifecycle;
}

/**
 * cwb_consortium_find_exception:
 * @self: a #CwbConsortium
 * @rule: a rule id such as "C3"
 *
 * Returns: (transfer none) (nullable): the first exception accepting @rule
 */
const CwbException *
cwb_consortium_find_exception (CwbConsortium *self,
                               const char    *rule)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < self->exceptions->len; i++)
    {
      const CwbException *exception = g_ptr_array_index (self->exceptions, i);

      if (g_strcmp0 (exception->rule, rule) == 0)
        return exception;
    }

  return NULL;
}

/**
 * cwb_consortium_get_section:
 * @self: a #CwbConsortium
 * @key: a top-level key owned by a plugin, such as "agreement"
 *
 * Returns: (transfer none) (nullable): the section's JSON, sealed
 *   (immutable): to change it, build a new node and call
 *   cwb_consortium_set_section()
 */
JsonNode *
cwb_consortium_get_section (CwbConsortium *self,
                            const char    *key)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return json_object_get_member (self->sections, key);
}

/**
 * cwb_consortium_set_section:
 * @self: a #CwbConsortium
 * @key: a top-level key owned by a plugin; not one the host reads itself
 *   ("format", "name", "industry", "lists", "organization",
 *   "fund_management", "members", "exceptions", "lifecycle")
 * @node: (nullable): the section's JSON, copied; %NULL removes the section
 *
 * The consortium keeps a sealed (immutable) copy: an immutable @node is
 * shared, a mutable one is copied first.
 */
void
cwb_consortium_set_section (CwbConsortium *self,
                            const char    *key,
                            JsonNode      *node)
{
  g_return_if_fail (CWB_IS_CONSORTIUM (self));
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (!g_strv_contains (reserved_keys, key));

  if (node == NULL)
    json_object_remove_member (self->sections, key);
  else
    json_object_set_member (self->sections, key, sealed_copy (node));
}

/**
 * cwb_consortium_list_sections:
 * @self: a #CwbConsortium
 *
 * Returns: (transfer container) (element-type utf8): the section keys, sorted
 */
GList *
cwb_consortium_list_sections (CwbConsortium *self)
{
  g_return_val_if_fail (CWB_IS_CONSORTIUM (self), NULL);

  return g_list_sort (json_object_get_members (self->sections), (GCompareFunc) g_strcmp0);
}
