/* cwb-expert.c — one expert of the registry (专家库)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-expert.h"
#include "cwb-expert-registry-private.h"

struct _CwbExpert
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  char           *title;
  CwbExpertLevel  level;
  char          **honours;
  char          **fields;
  char           *affiliation_uscc;
  char           *affiliation_name;
  char           *phone;
  char           *email;
  char           *resume;
  char           *note;
  gboolean        is_chief;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_LEVEL,
  PROP_HONOURS,
  PROP_FIELDS,
  PROP_AFFILIATION_USCC,
  PROP_AFFILIATION_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_RESUME,
  PROP_NOTE,
  PROP_IS_CHIEF,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbExpert, cwb_expert, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* the separator of the lists in text form */
#define LIST_SEPARATOR "；"

const char *
cwb_expert_level_to_label (CwbExpertLevel level)
{
  switch (level)
    {
    case CWB_EXPERT_LEVEL_SENIOR:
      /* TRANSLATORS: a title level (职称级别) */
      return _("Senior");
    case CWB_EXPERT_LEVEL_ASSOCIATE:
      /* TRANSLATORS: a title level (职称级别) */
      return _("Associate senior");
    case CWB_EXPERT_LEVEL_INTERMEDIATE:
      /* TRANSLATORS: a title level (职称级别) */
      return _("Intermediate");
    case CWB_EXPERT_LEVEL_OTHER:
    default:
      /* TRANSLATORS: a title level (职称级别) */
      return _("Other");
    }
}

gboolean
cwb_expert_level_from_label (const char     *text,
                             CwbExpertLevel *level)
{
  static const struct {
    const char     *zh;
    const char     *en;
    const char     *nick;
    CwbExpertLevel  level;
  } labels[] = {
    { "正高级", "Senior", "senior", CWB_EXPERT_LEVEL_SENIOR },
    { "副高级", "Associate senior", "associate", CWB_EXPERT_LEVEL_ASSOCIATE },
    { "中级", "Intermediate", "intermediate", CWB_EXPERT_LEVEL_INTERMEDIATE },
    { "其他", "Other", "other", CWB_EXPERT_LEVEL_OTHER },
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (level != NULL, FALSE);

  if (*trimmed == '\0')
    {
      *level = CWB_EXPERT_LEVEL_OTHER;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (trimmed, labels[i].zh) == 0 ||
          g_ascii_strcasecmp (trimmed, labels[i].en) == 0 ||
          g_ascii_strcasecmp (trimmed, labels[i].nick) == 0 ||
          strcmp (trimmed, cwb_expert_level_to_label (labels[i].level)) == 0)
        {
          *level = labels[i].level;
          return TRUE;
        }
    }

  return FALSE;
}

/* A copy of @items without blank items, each trimmed. */
static char **
clean_list (const char * const *items)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (*field, trimmed) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&trimmed);

  return TRUE;
}

static gboolean
set_list (char               ***field,
          const char * const   *value)
{
  g_auto(GStrv) cleaned = clean_list (value);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) cleaned))
    return FALSE;

  g_strfreev (*field);
  *field = g_steal_pointer (&cleaned);

  return TRUE;
}

static void
cwb_expert_finalize (GObject *object)
{
  CwbExpert *self = (CwbExpert *) object;

  g_free (self->name);
  g_free (self->title);
  g_strfreev (self->honours);
  g_strfreev (self->fields);
  g_free (self->affiliation_uscc);
  g_free (self->affiliation_name);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->resume);
  g_free (self->note);

  G_OBJECT_CLASS (cwb_expert_parent_class)->finalize (object);
}

static void
cwb_expert_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CwbExpert *self = CWB_EXPERT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LEVEL:
      g_value_set_enum (value, self->level);
      break;
    case PROP_HONOURS:
      g_value_set_boxed (value, self->honours);
      break;
    case PROP_FIELDS:
      g_value_set_boxed (value, self->fields);
      break;
    case PROP_AFFILIATION_USCC:
      g_value_set_string (value, self->affiliation_uscc);
      break;
    case PROP_AFFILIATION_NAME:
      g_value_set_string (value, self->affiliation_name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_RESUME:
      g_value_set_string (value, self->resume);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_IS_CHIEF:
      g_value_set_boolean (value, self->is_chief);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CwbExpert *self = CWB_EXPERT (object);

  switch (prop_id)
    {
    case PROP_ID:
      cwb_expert_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      cwb_expert_set_name (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      cwb_expert_set_title (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      cwb_expert_set_level (self, g_value_get_enum (value));
      break;
    case PROP_HONOURS:
      cwb_expert_set_honours (self, g_value_get_boxed (value));
      break;
    case PROP_FIELDS:
      cwb_expert_set_fields (self, g_value_get_boxed (value));
      break;
    case PROP_AFFILIATION_USCC:
      cwb_expert_set_affiliation_uscc (self, g_value_get_string (value));
      break;
    case PROP_AFFILIATION_NAME:
      cwb_expert_set_affiliation_name (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      cwb_expert_set_phone (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      cwb_expert_set_email (self, g_value_get_string (value));
      break;
    case PROP_RESUME:
      cwb_expert_set_resume (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      cwb_expert_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_class_init (CwbExpertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cwb_expert_finalize;
  object_class->get_property = cwb_expert_get_property;
  object_class->set_property = cwb_expert_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_LEVEL] = g_param_spec_enum ("level", NULL, NULL, CWB_TYPE_EXPERT_LEVEL,
                                              CWB_EXPERT_LEVEL_OTHER, flags);
  properties[PROP_HONOURS] = g_param_spec_boxed ("honours", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_FIELDS] = g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AFFILIATION_USCC] = g_param_spec_string ("affiliation-uscc", NULL, NULL, "", flags);
  properties[PROP_AFFILIATION_NAME] = g_param_spec_string ("affiliation-name", NULL, NULL, "", flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", flags);
  properties[PROP_RESUME] = g_param_spec_string ("resume", NULL, NULL, "", flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_IS_CHIEF] = g_param_spec_boolean ("is-chief", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_expert_init (CwbExpert *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->level = CWB_EXPERT_LEVEL_OTHER;
  self->honours = g_new0 (char *, 1);
  self->fields = g_new0 (char *, 1);
  self->affiliation_uscc = g_strdup ("");
  self->affiliation_name = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->resume = g_strdup ("");
  self->note = g_strdup ("");
}

CwbExpert *
cwb_expert_new (void)
{
  return g_object_new (CWB_TYPE_EXPERT, NULL);
}

CwbExpert *
cwb_expert_copy (CwbExpert *self)
{
  CwbExpert *copy;

  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  copy = cwb_expert_new ();
  copy->id = self->id;
  set_string (&copy->name, self->name);
  set_string (&copy->title, self->title);
  copy->level = self->level;
  set_list (&copy->honours, (const char * const *) self->honours);
  set_list (&copy->fields, (const char * const *) self->fields);
  set_string (&copy->affiliation_uscc, self->affiliation_uscc);
  set_string (&copy->affiliation_name, self->affiliation_name);
  set_string (&copy->phone, self->phone);
  set_string (&copy->email, self->email);
  set_string (&copy->resume, self->resume);
  set_string (&copy->note, self->note);
  copy->is_chief = self->is_chief;

  return copy;
}

gboolean
cwb_expert_equal (CwbExpert *self,
                  CwbExpert *other)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), FALSE);
  g_return_val_if_fail (CWB_IS_EXPERT (other), FALSE);

  return self->id == other->id &&
         g_str_equal (self->name, other->name) &&
         g_str_equal (self->title, other->title) &&
         self->level == other->level &&
         g_strv_equal ((const char * const *) self->honours, (const char * const *) other->honours) &&
         g_strv_equal ((const char * const *) self->fields, (const char * const *) other->fields) &&
         g_str_equal (self->affiliation_uscc, other->affiliation_uscc) &&
         g_str_equal (self->affiliation_name, other->affiliation_name) &&
         g_str_equal (self->phone, other->phone) &&
         g_str_equal (self->email, other->email) &&
         g_str_equal (self->resume, other->resume) &&
         g_str_equal (self->note, other->note);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                                   \
const char *                                                                   \
cwb_expert_get_##field (CwbExpert *self)                                       \
{                                                                              \
  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);                           \
  return self->field;                                                          \
}                                                                              \
void                                                                           \
cwb_expert_set_##field (CwbExpert  *self,                                      \
                        const char *value)                                     \
{                                                                              \
  g_return_if_fail (CWB_IS_EXPERT (self));                                     \
  if (set_string (&self->field, value))                                        \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);              \
}

DEFINE_STRING_ACCESSORS (name, PROP_NAME)
DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (affiliation_uscc, PROP_AFFILIATION_USCC)
DEFINE_STRING_ACCESSORS (affiliation_name, PROP_AFFILIATION_NAME)
DEFINE_STRING_ACCESSORS (phone, PROP_PHONE)
DEFINE_STRING_ACCESSORS (email, PROP_EMAIL)
DEFINE_STRING_ACCESSORS (resume, PROP_RESUME)
DEFINE_STRING_ACCESSORS (note, PROP_NOTE)

gint64
cwb_expert_get_id (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), 0);

  return self->id;
}

void
cwb_expert_set_id (CwbExpert *self,
                   gint64     id)
{
  g_return_if_fail (CWB_IS_EXPERT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

CwbExpertLevel
cwb_expert_get_level (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), CWB_EXPERT_LEVEL_OTHER);

  return self->level;
}

void
cwb_expert_set_level (CwbExpert      *self,
                      CwbExpertLevel  level)
{
  g_return_if_fail (CWB_IS_EXPERT (self));
  g_return_if_fail ((guint) level < CWB_EXPERT_N_LEVELS);

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char * const *
cwb_expert_get_honours (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  return (const char * const *) self->honours;
}

void
cwb_expert_set_honours (CwbExpert          *self,
                        const char * const *honours)
{
  g_return_if_fail (CWB_IS_EXPERT (self));

  if (set_list (&self->honours, honours))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HONOURS]);
}

const char * const *
cwb_expert_get_fields (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  return (const char * const *) self->fields;
}

void
cwb_expert_set_fields (CwbExpert          *self,
                       const char * const *fields)
{
  g_return_if_fail (CWB_IS_EXPERT (self));

  if (set_list (&self->fields, fields))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS]);
}

gboolean
cwb_expert_get_is_chief (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), FALSE);

  return self->is_chief;
}

void
_cwb_expert_set_is_chief (CwbExpert *self,
                          gboolean   is_chief)
{
  g_return_if_fail (CWB_IS_EXPERT (self));

  if (self->is_chief == !!is_chief)
    return;

  self->is_chief = !!is_chief;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_CHIEF]);
}

gboolean
cwb_expert_names_industry (CwbExpert  *self,
                           const char *industry)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), FALSE);

  return _cwb_expert_fields_name_industry ((const char * const *) self->fields, industry);
}

gboolean
_cwb_expert_fields_name_industry (const char * const *fields,
                                  const char         *industry)
{
  g_autofree char *wanted = g_strstrip (g_strdup (industry != NULL ? industry : ""));

  if (*wanted == '\0')
    return FALSE;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    if (strstr (fields[i], wanted) != NULL)
      return TRUE;

  return FALSE;
}

char *
cwb_expert_dup_fields_text (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  return g_strjoinv (LIST_SEPARATOR, self->fields);
}

char *
cwb_expert_dup_honours_text (CwbExpert *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  return g_strjoinv (LIST_SEPARATOR, self->honours);
}

char **
cwb_expert_split_list (const char *text)
{
  static const char * const separators[] = { "；", "、", "，", ";", ",", "\r", "\n" };
  g_autofree char *normal = g_strdup (text != NULL ? text : "");
  g_auto(GStrv) parts = NULL;

  /* every separator becomes "\n" */
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) split = g_strsplit (normal, separators[i], -1);

      g_free (normal);
      normal = g_strjoinv ("\n", split);
    }

  parts = g_strsplit (normal, "\n", -1);

  return clean_list ((const char * const *) parts);
}

/* ------------------------------------------------------------------ */
/* validation                                                          */

/* @text without spaces and hyphens, and without a leading +86 / 86 of an
 * 13-digit mobile number. */
static char *
normalize_phone (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' && *p != '-')
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}

static gboolean
all_digits (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
is_mobile (const char *digits)
{
  const char *p = digits;

  if (g_str_has_prefix (p, "+86"))
    p += 3;
  else if (g_str_has_prefix (p, "86") && strlen (p) == 13)
    p += 2;

  return strlen (p) == 11 && all_digits (p, 11) && p[0] == '1' && p[1] >= '3' && p[1] <= '9';
}

static gboolean
is_landline (const char *text)
{
  g_autofree char *number = NULL;
  const char *ext;
  gsize length;

  /* an extension: "转1234" or a hyphen after the full number */
  ext = strstr (text, "转");
  number = ext != NULL ? g_strndup (text, ext - text) : g_strdup (text);
  if (ext != NULL)
    {
      const char *digits = ext + strlen ("转");
      gsize n = strlen (digits);

      if (n == 0 || n > 6 || !all_digits (digits, n))
        return FALSE;
    }
  else
    {
      /* 0898-12345678-123: a second hyphen starts an extension */
      char *first = strchr (number, '-');
      char *second = first != NULL ? strchr (first + 1, '-') : NULL;

      if (second != NULL)
        {
          gsize n = strlen (second + 1);

          if (n == 0 || n > 6 || !all_digits (second + 1, n))
            return FALSE;
          *second = '\0';
        }
    }

  g_strdelimit (number, " ", '-');
  {
    g_autofree char *digits = normalize_phone (number);
    char *hyphen = strchr (number, '-');

    length = strlen (digits);
    if (digits[0] != '0' || !all_digits (digits, length))
      return FALSE;

    if (hyphen != NULL)
      {
        gsize area = hyphen - number;
        gsize local = length - area;

        return area >= 3 && area <= 4 && local >= 7 && local <= 8 && number[1] != '0';
      }

    /* without a hyphen: 0 + 2–3 digits of area code + 7–8 digits */
    return length >= 10 && length <= 12 && digits[1] != '0';
  }
}

gboolean
cwb_expert_validate_phone (const char  *phone,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (phone != NULL ? phone : ""));
  g_autofree char *digits = normalize_phone (trimmed);

  if (*trimmed == '\0' || is_mobile (digits) || is_landline (trimmed))
    return TRUE;

  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("The phone number “%s” is neither a mainland mobile number (11 digits starting with 13–19) nor a landline with its area code (e.g. 0898-65123456)."),
               trimmed);
  return FALSE;
}

static gboolean
is_domain_label (const char *label)
{
  gsize n = strlen (label);

  if (n == 0 || n > 63 || label[0] == '-' || label[n - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (label[i]) && label[i] != '-')
      return FALSE;

  return TRUE;
}

gboolean
cwb_expert_validate_email (const char  *email,
                           GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email != NULL ? email : ""));
  const char *at;
  gboolean ok = TRUE;

  if (*trimmed == '\0')
    return TRUE;

  at = strchr (trimmed, '@');
  if (at == NULL || at == trimmed || strchr (at + 1, '@') != NULL || strchr (trimmed, ' ') != NULL)
    ok = FALSE;

  if (ok)
    {
      g_autofree char *local = g_strndup (trimmed, at - trimmed);
      g_auto(GStrv) labels = g_strsplit (at + 1, ".", -1);

      if (local[0] == '.' || g_str_has_suffix (local, ".") || strstr (local, "..") != NULL)
        ok = FALSE;
      for (const char *p = local; ok && *p != '\0'; p++)
        if ((guchar) *p < 0x21 || (guchar) *p > 0x7e || strchr ("()<>[]:;,\\\"", *p) != NULL)
          ok = FALSE;

      if (g_strv_length (labels) < 2)
        ok = FALSE;
      for (guint i = 0; ok && labels[i] != NULL; i++)
        ok = is_domain_label (labels[i]);
    }

  if (!ok)
    g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                 _("The email address “%s” is not valid; it should look like name@example.com."),
                 trimmed);

  return ok;
}

gboolean
cwb_expert_validate_uscc (const char  *uscc,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (uscc == NULL || *uscc == '\0')
    return TRUE;

  if (cwb_uscc_validate (uscc, &local_error))
    return TRUE;

  g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
               _("The affiliation’s unified social credit code “%s” is not valid: %s"),
               uscc, local_error->message);
  return FALSE;
}

char **
cwb_expert_list_problems (CwbExpert *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  if (*self->name == '\0')
    g_strv_builder_add (builder, _("The expert’s name is missing."));
  if (*self->affiliation_name == '\0')
    g_strv_builder_add (builder, _("The expert’s affiliation (工作单位) is missing."));
  if (!cwb_expert_validate_uscc (self->affiliation_uscc, &error))
    g_strv_builder_add (builder, error->message);
  g_clear_error (&error);
  if (!cwb_expert_validate_phone (self->phone, &error))
    g_strv_builder_add (builder, error->message);
  g_clear_error (&error);
  if (!cwb_expert_validate_email (self->email, &error))
    g_strv_builder_add (builder, error->message);

  return g_strv_builder_end (builder);
}

gboolean
cwb_expert_validate (CwbExpert  *self,
                     GError    **error)
{
  g_auto(GStrv) problems = NULL;

  g_return_val_if_fail (CWB_IS_EXPERT (self), FALSE);

  problems = cwb_expert_list_problems (self);
  if (problems[0] == NULL)
    return TRUE;

  g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, problems[0]);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* the consortium file's "chief_expert" section                       */

JsonNode *
cwb_expert_to_section (CwbExpert *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *fields = NULL;

  g_return_val_if_fail (CWB_IS_EXPERT (self), NULL);

  fields = cwb_expert_dup_fields_text (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, self->title);
  json_builder_set_member_name (builder, "affiliation_uscc");
  json_builder_add_string_value (builder, self->affiliation_uscc);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, fields);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
_cwb_expert_section_string (JsonNode   *section,
                            const char *key)
{
  JsonNode *member;

  if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section))
    return NULL;

  member = json_object_get_member (json_node_get_object (section), key);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

CwbExpert *
cwb_expert_new_from_section (JsonNode *section)
{
  g_autoptr(CwbExpert) expert = NULL;
  g_auto(GStrv) fields = NULL;

  if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section))
    return NULL;

  expert = cwb_expert_new ();
  cwb_expert_set_name (expert, _cwb_expert_section_string (section, "name"));
  cwb_expert_set_title (expert, _cwb_expert_section_string (section, "title"));
  cwb_expert_set_affiliation_uscc (expert, _cwb_expert_section_string (section, "affiliation_uscc"));
  fields = cwb_expert_split_list (_cwb_expert_section_string (section, "field"));
  cwb_expert_set_fields (expert, (const char * const *) fields);

  return g_steal_pointer (&expert);
}
