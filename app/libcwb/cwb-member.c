/* cwb-member.c — one member unit of a consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-member"

#include "config.h"

#include "cwb-enums.h"
#include "cwb-member.h"

struct _CwbMember
{
  GObject        parent_instance;

  gint64         id;                  /* store row id, 0 when not stored */
  char          *uscc;                /* owned */
  char          *name;                /* owned */
  CwbMemberKind  kind;

  /* the lead's figures */
  char          *established;         /* owned, nullable */
  gint64         revenue;             /* 元, CWB_UNKNOWN when not given */
  int            rd_staff_fulltime;   /* CWB_UNKNOWN when not given */
  GPtrArray     *platforms;           /* owned, element-type CwbPlatform */
  GPtrArray     *fiscal_years;        /* owned, element-type CwbFiscalYear */

  guint          lead : 1;
  guint          independent_legal_person : 1;
  guint          registered_in_hainan : 1;
  guint          stationed_in_hainan : 1;
  guint          above_designated_size : 1;
  guint          high_tech : 1;
  guint          cooperation_basis : 1;
  guint          capability : 1;
  guint          has_platforms : 1;
  guint          has_fiscal_years : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_USCC,
  PROP_NAME,
  PROP_KIND,
  PROP_LEAD,
  PROP_INDEPENDENT_LEGAL_PERSON,
  PROP_REGISTERED_IN_HAINAN,
  PROP_STATIONED_IN_HAINAN,
  PROP_ABOVE_DESIGNATED_SIZE,
  PROP_HIGH_TECH,
  PROP_COOPERATION_BASIS,
  PROP_CAPABILITY,
  PROP_ESTABLISHED,
  PROP_REVENUE,
  PROP_RD_STAFF_FULLTIME,
  PROP_HAS_PLATFORMS,
  PROP_HAS_FISCAL_YEARS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbMember, cwb_member, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
platform_equal (const CwbPlatform *a,
                const CwbPlatform *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && a->level == b->level && a->kind == b->kind;
}

static gboolean
fiscal_year_equal (const CwbFiscalYear *a,
                   const CwbFiscalYear *b)
{
  return a->year == b->year && a->rd_expense == b->rd_expense && a->sales == b->sales;
}

static gboolean
set_string (CwbMember   *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static void
cwb_member_finalize (GObject *object)
{
  CwbMember *self = (CwbMember *)object;

  g_clear_pointer (&self->uscc, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->established, g_free);
  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  g_clear_pointer (&self->fiscal_years, g_ptr_array_unref);

  G_OBJECT_CLASS (cwb_member_parent_class)->finalize (object);
}

static void
cwb_member_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CwbMember *self = CWB_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_USCC:
      g_value_set_string (value, self->uscc);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_LEAD:
      g_value_set_boolean (value, self->lead);
      break;
    case PROP_INDEPENDENT_LEGAL_PERSON:
      g_value_set_boolean (value, self->independent_legal_person);
      break;
    case PROP_REGISTERED_IN_HAINAN:
      g_value_set_boolean (value, self->registered_in_hainan);
      break;
    case PROP_STATIONED_IN_HAINAN:
      g_value_set_boolean (value, self->stationed_in_hainan);
      break;
    case PROP_ABOVE_DESIGNATED_SIZE:
      g_value_set_boolean (value, self->above_designated_size);
      break;
    case PROP_HIGH_TECH:
      g_value_set_boolean (value, self->high_tech);
      break;
    case PROP_COOPERATION_BASIS:
      g_value_set_boolean (value, self->cooperation_basis);
      break;
    case PROP_CAPABILITY:
      g_value_set_boolean (value, self->capability);
      break;
    case PROP_ESTABLISHED:
      g_value_set_string (value, self->established);
      break;
    case PROP_REVENUE:
      g_value_set_int64 (value, self->revenue);
      break;
    case PROP_RD_STAFF_FULLTIME:
      g_value_set_int (value, self->rd_staff_fulltime);
      break;
    case PROP_HAS_PLATFORMS:
      g_value_set_boolean (value, self->has_platforms);
      break;
    case PROP_HAS_FISCAL_YEARS:
      g_value_set_boolean (value, self->has_fiscal_years);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CwbMember *self = CWB_MEMBER (object);

  switch (prop_id)
    {
    case PROP_ID:
      cwb_member_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_USCC:
      cwb_member_set_uscc (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      cwb_member_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      cwb_member_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_LEAD:
      cwb_member_set_lead (self, g_value_get_boolean (value));
      break;
    case PROP_INDEPENDENT_LEGAL_PERSON:
      cwb_member_set_independent_legal_person (self, g_value_get_boolean (value));
      break;
    case PROP_REGISTERED_IN_HAINAN:
      cwb_member_set_registered_in_hainan (self, g_value_get_boolean (value));
      break;
    case PROP_STATIONED_IN_HAINAN:
      cwb_member_set_stationed_in_hainan (self, g_value_get_boolean (value));
      break;
    case PROP_ABOVE_DESIGNATED_SIZE:
      cwb_member_set_above_designated_size (self, g_value_get_boolean (value));
      break;
    case PROP_HIGH_TECH:
      cwb_member_set_high_tech (self, g_value_get_boolean (value));
      break;
    case PROP_COOPERATION_BASIS:
      cwb_member_set_cooperation_basis (self, g_value_get_boolean (value));
      break;
    case PROP_CAPABILITY:
      cwb_member_set_capability (self, g_value_get_boolean (value));
      break;
    case PROP_ESTABLISHED:
      cwb_member_set_established (self, g_value_get_string (value));
      break;
    case PROP_REVENUE:
      cwb_member_set_revenue (self, g_value_get_int64 (value));
      break;
    case PROP_RD_STAFF_FULLTIME:
      cwb_member_set_rd_staff_fulltime (self, g_value_get_int (value));
      break;
    case PROP_HAS_PLATFORMS:
      cwb_member_set_has_platforms (self, g_value_get_boolean (value));
      break;
    case PROP_HAS_FISCAL_YEARS:
      cwb_member_set_has_fiscal_years (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_class_init (CwbMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cwb_member_finalize;
  object_class->get_property = cwb_member_get_property;
  object_class->set_property = cwb_member_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_USCC] =
    g_param_spec_string ("uscc", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CWB_TYPE_MEMBER_KIND, CWB_MEMBER_KIND_ENTERPRISE, flags);
  properties[PROP_LEAD] =
    g_param_spec_boolean ("lead", NULL, NULL, FALSE, flags);
  properties[PROP_INDEPENDENT_LEGAL_PERSON] =
    g_param_spec_boolean ("independent-legal-person", NULL, NULL, FALSE, flags);
  properties[PROP_REGISTERED_IN_HAINAN] =
    g_param_spec_boolean ("registered-in-hainan", NULL, NULL, FALSE, flags);
  properties[PROP_STATIONED_IN_HAINAN] =
    g_param_spec_boolean ("stationed-in-hainan", NULL, NULL, FALSE, flags);
  properties[PROP_ABOVE_DESIGNATED_SIZE] =
    g_param_spec_boolean ("above-designated-size", NULL, NULL, FALSE, flags);
  properties[PROP_HIGH_TECH] =
    g_param_spec_boolean ("high-tech", NULL, NULL, FALSE, flags);
  properties[PROP_COOPERATION_BASIS] =
    g_param_spec_boolean ("cooperation-basis", NULL, NULL, FALSE, flags);
  properties[PROP_CAPABILITY] =
    g_param_spec_boolean ("capability", NULL, NULL, FALSE, flags);
  properties[PROP_ESTABLISHED] =
    g_param_spec_string ("established", NULL, NULL, NULL, flags);
  properties[PROP_REVENUE] =
    g_param_spec_int64 ("revenue", NULL, NULL, CWB_UNKNOWN, G_MAXINT64, CWB_UNKNOWN, flags);
  properties[PROP_RD_STAFF_FULLTIME] =
    g_param_spec_int ("rd-staff-fulltime", NULL, NULL, CWB_UNKNOWN, G_MAXINT, CWB_UNKNOWN, flags);
  properties[PROP_HAS_PLATFORMS] =
    g_param_spec_boolean ("has-platforms", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_FISCAL_YEARS] =
    g_param_spec_boolean ("has-fiscal-years", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_member_init (CwbMember *self)
{
  self->kind = CWB_MEMBER_KIND_ENTERPRISE;
  self->revenue = CWB_UNKNOWN;
  self->rd_staff_fulltime = CWB_UNKNOWN;
  self->platforms = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_platform_free);
  self->fiscal_years = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_fiscal_year_free);
}

/**
 * cwb_member_new:
 *
 * Returns: (transfer full): a new, empty member
 */
CwbMember *
cwb_member_new (void)
{
  return g_object_new (CWB_TYPE_MEMBER, NULL);
}

/**
 * cwb_member_copy:
 * @self: a #CwbMember
 *
 * Returns: (transfer full): a deep copy of @self, id included
 */
CwbMember *
cwb_member_copy (CwbMember *self)
{
  CwbMember *copy;

  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  copy = cwb_member_new ();
  copy->id = self->id;
  copy->uscc = g_strdup (self->uscc);
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->established = g_strdup (self->established);
  copy->revenue = self->revenue;
  copy->rd_staff_fulltime = self->rd_staff_fulltime;
  copy->lead = self->lead;
  copy->independent_legal_person = self->independent_legal_person;
  copy->registered_in_hainan = self->registered_in_hainan;
  copy->stationed_in_hainan = self->stationed_in_hainan;
  copy->above_designated_size = self->above_designated_size;
  copy->high_tech = self->high_tech;
  copy->cooperation_basis = self->cooperation_basis;
  copy->capability = self->capability;
  copy->has_platforms = self->has_platforms;
  copy->has_fiscal_years = self->has_fiscal_years;

  for (guint i = 0; i < self->platforms->len; i++)
    g_ptr_array_add (copy->platforms, cwb_platform_copy (g_ptr_array_index (self->platforms, i)));
  for (guint i = 0; i < self->fiscal_years->len; i++)
    g_ptr_array_add (copy->fiscal_years,
                     cwb_fiscal_year_copy (g_ptr_array_index (self->fiscal_years, i)));

  return copy;
}

/**
 * cwb_member_equal:
 * @self: a #CwbMember
 * @other: another #CwbMember
 *
 * Compares every field but the store id.
 *
 * Returns: %TRUE if @self and @other describe the same member
 */
gboolean
cwb_member_equal (CwbMember *self,
                  CwbMember *other)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), FALSE);
  g_return_val_if_fail (CWB_IS_MEMBER (other), FALSE);

  if (self == other)
    return TRUE;

  if (g_strcmp0 (self->uscc, other->uscc) != 0 ||
      g_strcmp0 (self->name, other->name) != 0 ||
      self->kind != other->kind ||
      g_strcmp0 (self->established, other->established) != 0 ||
      self->revenue != other->revenue ||
      self->rd_staff_fulltime != other->rd_staff_fulltime ||
      self->lead != other->lead ||
      self->independent_legal_person != other->independent_legal_person ||
      self->registered_in_hainan != other->registered_in_hainan ||
      self->stationed_in_hainan != other->stationed_in_hainan ||
      self->above_designated_size != other->above_designated_size ||
      self->high_tech != other->high_tech ||
      self->cooperation_basis != other->cooperation_basis ||
      self->capability != other->capability ||
      self->has_platforms != other->has_platforms ||
      self->has_fiscal_years != other->has_fiscal_years ||
      self->platforms->len != other->platforms->len ||
      self->fiscal_years->len != other->fiscal_years->len)
    return FALSE;

  for (guint i = 0; i < self->platforms->len; i++)
    if (!platform_equal (g_ptr_array_index (self->platforms, i),
                         g_ptr_array_index (other->platforms, i)))
      return FALSE;

  for (guint i = 0; i < self->fiscal_years->len; i++)
    if (!fiscal_year_equal (g_ptr_array_index (self->fiscal_years, i),
                            g_ptr_array_index (other->fiscal_years, i)))
      return FALSE;

  return TRUE;
}

gint64
cwb_member_get_id (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), 0);

  return self->id;
}

void
cwb_member_set_id (CwbMember *self,
                   gint64     id)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
cwb_member_get_uscc (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  return self->uscc;
}

void
cwb_member_set_uscc (CwbMember  *self,
                     const char *uscc)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  set_string (self, &self->uscc, uscc, PROP_USCC);
}

const char *
cwb_member_get_name (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  return self->name;
}

void
cwb_member_set_name (CwbMember  *self,
                     const char *name)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  set_string (self, &self->name, name, PROP_NAME);
}

CwbMemberKind
cwb_member_get_kind (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), CWB_MEMBER_KIND_OTHER);

  return self->kind;
}

void
cwb_member_set_kind (CwbMember     *self,
                     CwbMemberKind  kind)
{
  g_return_if_fail (CWB_IS_MEMBER (self));
  g_return_if_fail (kind >= CWB_MEMBER_KIND_ENTERPRISE && kind <= CWB_MEMBER_KIND_OTHER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

#define DEFINE_BOOLEAN(field, PROP)                                     \
gboolean                                                                \
cwb_member_get_##field (CwbMember *self)                                \
{                                                                       \
  g_return_val_if_fail (CWB_IS_MEMBER (self), FALSE);                   \
  return self->field;                                                   \
}                                                                       \
                                                                        \
void                                                                    \
cwb_member_set_##field (CwbMember *self,                                \
                        gboolean   value)                               \
{                                                                       \
  g_return_if_fail (CWB_IS_MEMBER (self));                              \
  value = !!value;                                                      \
  if (self->field == (guint) value)                                     \
    return;                                                             \
  self->field = value;                                                  \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
}

DEFINE_BOOLEAN (lead, PROP_LEAD)
DEFINE_BOOLEAN (independent_legal_person, PROP_INDEPENDENT_LEGAL_PERSON)
DEFINE_BOOLEAN (registered_in_hainan, PROP_REGISTERED_IN_HAINAN)
DEFINE_BOOLEAN (stationed_in_hainan, PROP_STATIONED_IN_HAINAN)
DEFINE_BOOLEAN (above_designated_size, PROP_ABOVE_DESIGNATED_SIZE)
DEFINE_BOOLEAN (high_tech, PROP_HIGH_TECH)
DEFINE_BOOLEAN (cooperation_basis, PROP_COOPERATION_BASIS)
DEFINE_BOOLEAN (capability, PROP_CAPABILITY)
DEFINE_BOOLEAN (has_platforms, PROP_HAS_PLATFORMS)
DEFINE_BOOLEAN (has_fiscal_years, PROP_HAS_FISCAL_YEARS)

#undef DEFINE_BOOLEAN

const char *
cwb_member_get_established (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  return self->established;
}

void
cwb_member_set_established (CwbMember  *self,
                            const char *date)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  set_string (self, &self->established, date, PROP_ESTABLISHED);
}

gint64
cwb_member_get_revenue (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), CWB_UNKNOWN);

  return self->revenue;
}

void
cwb_member_set_revenue (CwbMember *self,
                        gint64     yuan)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  if (yuan < 0)
    yuan = CWB_UNKNOWN;

  if (self->revenue == yuan)
    return;

  self->revenue = yuan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVENUE]);
}

int
cwb_member_get_rd_staff_fulltime (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), CWB_UNKNOWN);

  return self->rd_staff_fulltime;
}

void
cwb_member_set_rd_staff_fulltime (CwbMember *self,
                                  int        staff)
{
  g_return_if_fail (CWB_IS_MEMBER (self));

  if (staff < 0)
    staff = CWB_UNKNOWN;

  if (self->rd_staff_fulltime == staff)
    return;

  self->rd_staff_fulltime = staff;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RD_STAFF_FULLTIME]);
}

/**
 * cwb_member_get_platforms:
 * @self: a #CwbMember
 *
 * Returns: (transfer none) (element-type CwbPlatform): the lead's platforms
 */
GPtrArray *
cwb_member_get_platforms (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  return self->platforms;
}

/**
 * cwb_member_get_fiscal_years:
 * @self: a #CwbMember
 *
 * Returns: (transfer none) (element-type CwbFiscalYear): the lead's fiscal years
 */
GPtrArray *
cwb_member_get_fiscal_years (CwbMember *self)
{
  g_return_val_if_fail (CWB_IS_MEMBER (self), NULL);

  return self->fiscal_years;
}
