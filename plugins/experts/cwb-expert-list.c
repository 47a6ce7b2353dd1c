/* cwb-expert-list.c — a lazy GListModel of the experts a search finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-list"

#include "config.h"

#include <string.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"

#define PAGE_SIZE 100
#define MAX_PAGES 4
#define N_TIERS 4

/* the indexed columns, in the order of the ranking's tiers */
static const char * const tier_columns[N_TIERS] = {
  "name", "fields", "affiliation_name", "resume",
};

#define FILTERS \
  "(:level < 0 OR e.level = :level) AND " \
  "(:field IS NULL OR instr (char (10) || e.fields || char (10), char (10) || :field || char (10)) > 0) AND " \
  "(:chief = 0 OR EXISTS (SELECT 1 FROM experts_chief c WHERE c.expert_id = e.id AND c.to_date IS NULL))"

typedef struct
{
  guint      index;
  GPtrArray *experts;
} Page;

struct _CwbExpertList
{
  GObject     parent_instance;

  CwbExpertRegistry *experts; /* owned */
  gulong             changed_handler;

  char       *query;
  char       *field;
  int         level;
  gboolean    chief_only;

  /* the search: NULL expressions for an empty query */
  const char *table;          /* "experts_fts" or "experts_chars" */
  char       *all_match;      /* every term anywhere */
  char       *tier_match[N_TIERS];
  /* the size of each tier, learnt as its rows are read (a read that
   * returns fewer rows than asked for ends the tier) or, when a read must
   * skip a tier it has not seen the end of, counted */
  guint       tier_count[N_TIERS];
  guint       tier_known;     /* bit k: tier_count[k] is known */
  guint       n_items;
  guint       counted : 1;

  GQueue      pages;
};

enum {
  PROP_0,
  PROP_QUERY,
  PROP_FIELD,
  PROP_LEVEL,
  PROP_CHIEF_ONLY,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwbExpertList, cwb_expert_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->experts);
  g_free (page);
}

/* "text" as an FTS5 string, quotes doubled */
static void
append_quoted (GString    *expr,
               const char *text)
{
  g_string_append_c (expr, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append_c (expr, '"');
}

/* The parts of @query separated by white space (also U+3000, the
 * ideographic space), none empty; text that is not UTF-8 is made valid.
 * (A byte-wise split on the UTF-8 of U+3000 would cut the many characters
 * whose encoding holds the byte 0x80 or 0xE3, such as 技.) */
static GStrv
split_terms (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *valid = g_utf8_make_valid (query != NULL ? query : "", -1);
  const char *start = NULL;

  for (const char *p = valid; ; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_autofree char *term = g_strndup (start, p - start);

          g_strv_builder_add (builder, term);
          start = NULL;
        }
      else if (!end && start == NULL)
        start = p;

      if (*p == '\0')
        break;
    }

  return g_strv_builder_end (builder);
}

/* Builds the MATCH expression of each tier from the query. */
static void
build_search (CwbExpertList *self)
{
  g_auto(GStrv) terms = NULL;
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);
  gboolean trigram = TRUE;

  for (guint i = 0; i < N_TIERS; i++)
    g_clear_pointer (&self->tier_match[i], g_free);
  g_clear_pointer (&self->all_match, g_free);
  self->table = NULL;

  terms = split_terms (self->query);
  for (guint i = 0; terms[i] != NULL; i++)
    if (g_utf8_strlen (terms[i], -1) < 3)
      trigram = FALSE;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      g_autofree char *spaced = NULL;

      if (trigram)
        append_quoted (phrase, terms[i]);
      else
        {
          spaced = _cwb_expert_registry_search_phrase (terms[i]);
          if (*spaced == '\0')
            continue;
          append_quoted (phrase, spaced);
        }

      g_ptr_array_add (phrases, g_string_free (g_steal_pointer (&phrase), FALSE));
    }

  if (phrases->len == 0)
    return;

  for (guint i = 0; i < phrases->len; i++)
    g_string_append_printf (all, "%s%s", i > 0 ? " AND " : "", (char *) g_ptr_array_index (phrases, i));

  self->table = trigram ? "experts_fts" : "experts_chars";
  self->all_match = g_string_free (g_steal_pointer (&all), FALSE);

  /* tier k: the first term in column k and in no column before it, the
   * other terms anywhere (each tier reads only the doclists it needs: no
   * "every term" clause repeating the first) */
  for (guint k = 0; k < N_TIERS; k++)
    {
      GString *expr = g_string_new (NULL);
      const char *first = g_ptr_array_index (phrases, 0);

      g_string_append_printf (expr, "({%s} : %s", tier_columns[k], first);
      for (guint i = 1; i < phrases->len; i++)
        g_string_append_printf (expr, " AND %s", (char *) g_ptr_array_index (phrases, i));
      g_string_append_c (expr, ')');
      if (k > 0)
        {
          g_string_append (expr, " NOT {");
          for (guint j = 0; j < k; j++)
            g_string_append_printf (expr, "%s%s", j > 0 ? " " : "", tier_columns[j]);
          g_string_append_printf (expr, "} : %s", first);
        }
      self->tier_match[k] = g_string_free (expr, FALSE);
    }
}

static gboolean
has_filters (CwbExpertList *self)
{
  return self->level >= 0 || self->field != NULL || self->chief_only;
}

static void
bind_filters (CwbExpertList *self,
              CwbStatement  *stmt)
{
  cwb_statement_bind_int64 (stmt, ":level", self->level);
  if (self->field != NULL)
    cwb_statement_bind_text (stmt, ":field", self->field);
  else
    cwb_statement_bind_null (stmt, ":field");
  cwb_statement_bind_int64 (stmt, ":chief", self->chief_only);
}

static guint
count_sql (CwbExpertList *self,
           const char    *sql,
           const char    *match,
           gboolean       filters)
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt = _cwb_expert_registry_prepare (self->experts, sql, &error);
  guint n = 0;

  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  if (match != NULL)
    cwb_statement_bind_text (stmt, ":match", match);
  if (filters)
    bind_filters (self, stmt);

  if (cwb_statement_step (stmt, &error))
    {
      n = cwb_statement_get_int64 (stmt, 0);
      cwb_statement_reset (stmt);
    }
  else if (error != NULL)
    g_warning ("The search of the expert registry failed: %s", error->message);

  return n;
}

/* the count of a MATCH expression on the search's table, with the filters */
static guint
count_match (CwbExpertList *self,
             const char    *match)
{
  g_autofree char *sql = NULL;

  if (has_filters (self))
    sql = g_strdup_printf ("SELECT count(*) FROM %s JOIN experts_expert e ON e.id = %s.rowid "
                           "WHERE %s MATCH :match AND " FILTERS,
                           self->table, self->table, self->table);
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s MATCH :match",
                           self->table, self->table);

  return count_sql (self, sql, match, has_filters (self));
}

static void
ensure_counted (CwbExpertList *self)
{
  if (self->counted)
    return;

  self->counted = TRUE;
  self->n_items = 0;
  self->tier_known = 0;

  if (self->table == NULL)
    {
      self->n_items = has_filters (self)
                      ? count_sql (self, "SELECT count(*) FROM experts_expert e WHERE " FILTERS, NULL, TRUE)
                      : count_sql (self, "SELECT count(*) FROM experts_expert", NULL, FALSE);
      return;
    }

  /* one count of the whole list; the tiers are sized as they are read */
  self->n_items = count_match (self, self->all_match);
}

static gboolean
tier_is_known (CwbExpertList *self,
               guint          k)
{
  return (self->tier_known & (1u << k)) != 0;
}

static void
set_tier_count (CwbExpertList *self,
                guint          k,
                guint          count)
{
  self->tier_count[k] = count;
  self->tier_known |= 1u << k;
}

/* Reads @limit rows from @offset of one tier (or of the whole list when
 * the query is empty) into @experts. */
static gboolean
read_rows (CwbExpertList  *self,
           int             tier,
           guint           offset,
           guint           limit,
           GPtrArray      *experts,
           GError        **error)
{
  g_autofree char *sql = NULL;
  CwbStatement *stmt;

  if (tier < 0)
    sql = g_strdup ("SELECT " CWB_EXPERT_COLUMNS " FROM experts_expert e WHERE " FILTERS
                    " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset");
  else
    sql = g_strdup_printf ("SELECT " CWB_EXPERT_COLUMNS " FROM %s JOIN experts_expert e ON e.id = %s.rowid "
                           "WHERE %s MATCH :match AND " FILTERS
                           " ORDER BY %s.rowid LIMIT :limit OFFSET :offset",
                           self->table, self->table, self->table, self->table);

  stmt = _cwb_expert_registry_prepare (self->experts, sql, error);
  if (stmt == NULL)
    return FALSE;

  if (tier >= 0)
    cwb_statement_bind_text (stmt, ":match", self->tier_match[tier]);
  bind_filters (self, stmt);
  cwb_statement_bind_int64 (stmt, ":limit", limit);
  cwb_statement_bind_int64 (stmt, ":offset", offset);

  while (cwb_statement_step (stmt, error))
    g_ptr_array_add (experts, _cwb_expert_registry_read_row (stmt, 0));

  return error == NULL || *error == NULL;
}

/* The experts of positions @start … @start + @count across the tiers. The
 * tiers before the one @start falls in must be sized: a tier whose end no
 * read has seen yet is read from the offset @start would have in it, and
 * counted only if that read finds nothing there. The last tier needs no
 * size. */
static GPtrArray *
read_range (CwbExpertList  *self,
            guint           start,
            guint           count,
            GError        **error)
{
  g_autoptr(GPtrArray) experts = g_ptr_array_new_with_free_func (g_object_unref);
  guint tier_start = 0;

  if (self->table == NULL)
    return read_rows (self, -1, start, count, experts, error) ? g_steal_pointer (&experts) : NULL;

  for (guint k = 0; k < N_TIERS && count > 0; k++)
    {
      gboolean last = k + 1 == N_TIERS;
      guint offset, before, n;

      if (!last && !tier_is_known (self, k) && start > tier_start)
        {
          /* is @start in this tier? read there first: most reads are */
          offset = start - tier_start;
          before = experts->len;
          if (!read_rows (self, k, offset, count, experts, error))
            return NULL;
          n = experts->len - before;
          if (n == count)
            return g_steal_pointer (&experts);
          if (n > 0)
            set_tier_count (self, k, offset + n);
          else
            {
              set_tier_count (self, k, count_match (self, self->tier_match[k]));
              if (self->tier_count[k] > offset)
                break;  /* the index changed under us: stop here */
            }
          start += n;
          count -= n;
          tier_start += self->tier_count[k];
          continue;
        }

      if (!last && tier_is_known (self, k) && start >= tier_start + self->tier_count[k])
        {
          tier_start += self->tier_count[k];
          continue;
        }

      offset = start - tier_start;
      before = experts->len;
      if (!read_rows (self, k, offset, count, experts, error))
        return NULL;
      n = experts->len - before;

      if (n < count && !last)
        {
          /* the tier ended here */
          if (!tier_is_known (self, k))
            set_tier_count (self, k, offset + n);
          else if (offset + n < self->tier_count[k])
            break;  /* the index changed under us: stop here */
          tier_start += self->tier_count[k];
        }

      start += n;
      count -= n;
    }

  return g_steal_pointer (&experts);
}

static Page *
lookup_page (CwbExpertList *self,
             guint          index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *experts;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }

  experts = read_range (self, index * PAGE_SIZE, PAGE_SIZE, &error);
  if (experts == NULL)
    {
      g_warning ("The search of the expert registry failed: %s", error->message);
      return NULL;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->experts = experts;
  g_queue_push_head (&self->pages, page);

  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

/* The search changed: count again and say so. */
static void
refresh (CwbExpertList *self)
{
  guint old_n = self->counted ? self->n_items : 0;
  gboolean was_counted = self->counted;

  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
  self->counted = FALSE;

  /* nobody has seen any item yet: nothing to announce */
  if (!was_counted)
    return;

  ensure_counted (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
experts_changed_cb (CwbExpertList     *self,
                    CwbExpertRegistry *experts)
{
  refresh (self);
}

static GType
cwb_expert_list_get_item_type (GListModel *model)
{
  return CWB_TYPE_EXPERT;
}

static guint
cwb_expert_list_get_n_items (GListModel *model)
{
  CwbExpertList *self = CWB_EXPERT_LIST (model);

  ensure_counted (self);

  return self->n_items;
}

static gpointer
cwb_expert_list_get_item (GListModel *model,
                          guint       position)
{
  CwbExpertList *self = CWB_EXPERT_LIST (model);
  Page *page;
  guint offset;

  ensure_counted (self);

  if (position >= self->n_items)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);
  if (page == NULL)
    return NULL;

  offset = position % PAGE_SIZE;
  if (offset >= page->experts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->experts, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cwb_expert_list_get_item_type;
  iface->get_n_items = cwb_expert_list_get_n_items;
  iface->get_item = cwb_expert_list_get_item;
}

static void
cwb_expert_list_dispose (GObject *object)
{
  CwbExpertList *self = (CwbExpertList *) object;

  if (self->experts != NULL)
    g_clear_signal_handler (&self->changed_handler, self->experts);
  g_clear_object (&self->experts);
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);

  G_OBJECT_CLASS (cwb_expert_list_parent_class)->dispose (object);
}

static void
cwb_expert_list_finalize (GObject *object)
{
  CwbExpertList *self = (CwbExpertList *) object;

  g_free (self->query);
  g_free (self->field);
  g_free (self->all_match);
  for (guint i = 0; i < N_TIERS; i++)
    g_free (self->tier_match[i]);

  G_OBJECT_CLASS (cwb_expert_list_parent_class)->finalize (object);
}

static void
cwb_expert_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CwbExpertList *self = CWB_EXPERT_LIST (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_CHIEF_ONLY:
      g_value_set_boolean (value, self->chief_only);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CwbExpertList *self = CWB_EXPERT_LIST (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      cwb_expert_list_set_query (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      cwb_expert_list_set_field (self, g_value_get_string (value));
      break;
    case PROP_LEVEL:
      cwb_expert_list_set_level (self, g_value_get_int (value));
      break;
    case PROP_CHIEF_ONLY:
      cwb_expert_list_set_chief_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_expert_list_class_init (CwbExpertListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cwb_expert_list_dispose;
  object_class->finalize = cwb_expert_list_finalize;
  object_class->get_property = cwb_expert_list_get_property;
  object_class->set_property = cwb_expert_list_set_property;

  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, "", flags);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);
  properties[PROP_LEVEL] = g_param_spec_int ("level", NULL, NULL, -1, CWB_EXPERT_N_LEVELS - 1, -1, flags);
  properties[PROP_CHIEF_ONLY] = g_param_spec_boolean ("chief-only", NULL, NULL, FALSE, flags);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cwb_expert_list_init (CwbExpertList *self)
{
  self->query = g_strdup ("");
  self->level = -1;
  g_queue_init (&self->pages);
}

CwbExpertList *
cwb_expert_registry_search (CwbExpertRegistry *experts,
                            const char        *query)
{
  CwbExpertList *self;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (experts), NULL);

  self = g_object_new (CWB_TYPE_EXPERT_LIST, NULL);
  self->experts = g_object_ref (experts);
  self->changed_handler = g_signal_connect_object (experts, "changed",
                                                   G_CALLBACK (experts_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  g_free (self->query);
  self->query = g_strdup (query != NULL ? query : "");
  build_search (self);

  return self;
}

const char *
cwb_expert_list_get_query (CwbExpertList *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_LIST (self), NULL);

  return self->query;
}

void
cwb_expert_list_set_query (CwbExpertList *self,
                           const char    *query)
{
  g_return_if_fail (CWB_IS_EXPERT_LIST (self));

  if (query == NULL)
    query = "";
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  build_search (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
cwb_expert_list_get_field (CwbExpertList *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_LIST (self), NULL);

  return self->field;
}

void
cwb_expert_list_set_field (CwbExpertList *self,
                           const char    *field)
{
  g_return_if_fail (CWB_IS_EXPERT_LIST (self));

  if (field != NULL && *field == '\0')
    field = NULL;
  if (g_strcmp0 (self->field, field) == 0)
    return;

  g_free (self->field);
  self->field = g_strdup (field);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

int
cwb_expert_list_get_level (CwbExpertList *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_LIST (self), -1);

  return self->level;
}

void
cwb_expert_list_set_level (CwbExpertList *self,
                           int            level)
{
  g_return_if_fail (CWB_IS_EXPERT_LIST (self));
  g_return_if_fail (level >= -1 && level < CWB_EXPERT_N_LEVELS);

  if (self->level == level)
    return;

  self->level = level;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

gboolean
cwb_expert_list_get_chief_only (CwbExpertList *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_LIST (self), FALSE);

  return self->chief_only;
}

void
cwb_expert_list_set_chief_only (CwbExpertList *self,
                                gboolean       chief_only)
{
  g_return_if_fail (CWB_IS_EXPERT_LIST (self));

  chief_only = !!chief_only;
  if (self->chief_only == chief_only)
    return;

  self->chief_only = chief_only;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHIEF_ONLY]);
}
