/* cwb-expert-registry.c — the expert registry: tables, experts, the search indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-expert-registry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cwb-expert-registry.h"
#include "cwb-expert-registry-private.h"

/*
 * Two full-text indexes over name, fields, affiliation name and résumé:
 * experts_fts (trigram, external content: the experts_expert table, kept in
 * sync from C by index_row, as schema 1 did by triggers) answers
 * substrings of three or more characters;
 * experts_chars (contentless, unicode61, kept in sync from C because its
 * text is computed here: _cwb_expert_registry_index_text) answers the queries with
 * a shorter part — SQLite 3.40 cannot LIKE on a trigram table for CJK text
 * (PLATFORM.md). Its text holds each character as a token, a break token
 * for each run of other characters, then each pair of adjacent letters or
 * digits as one token ("海南大学" → 海 南 大 学 海南 南大 大学): a
 * one-character part is one token, a two-character part one pair token
 * (not a phrase over two long doclists), and a longer part, or one with a
 * break, a phrase over the single characters, which the pairs after them
 * cannot join (a pair is no single character).
 *
 * Schema 2 added the pairs: its step recreates experts_chars empty and
 * records a pending refill in experts_reindex, which the first open after
 * it does and clears in one transaction (reindex_in_transaction), so an
 * open that stops in between only leaves the refill to the next one.
 */

/* a token that stands for any character that is no letter or digit, so a
 * phrase does not run across "；" or a space */
#define BREAK_TOKEN "qzbrk"

static const char * const migrations[] = {
  /* 1 */
  "CREATE TABLE experts_expert ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  level INTEGER NOT NULL DEFAULT 3,"
  "  honours TEXT NOT NULL DEFAULT '',"          /* items joined with "\n" */
  "  fields TEXT NOT NULL DEFAULT '',"           /* items joined with "\n" */
  "  affiliation_uscc TEXT NOT NULL DEFAULT '',"
  "  affiliation_name TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  resume TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX experts_expert_name ON experts_expert (name, affiliation_uscc);"
  "CREATE VIRTUAL TABLE experts_fts USING fts5 ("
  "  name, fields, affiliation_name, resume,"
  "  content='experts_expert', content_rowid='id', tokenize='trigram');"
  "CREATE VIRTUAL TABLE experts_chars USING fts5 ("
  "  name, fields, affiliation_name, resume, content='', tokenize='unicode61');"
  "CREATE TRIGGER experts_expert_ai AFTER INSERT ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (rowid, name, fields, affiliation_name, resume)"
  "    VALUES (new.id, new.name, new.fields, new.affiliation_name, new.resume);"
  "END;"
  "CREATE TRIGGER experts_expert_ad AFTER DELETE ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (experts_fts, rowid, name, fields, affiliation_name, resume)"
  "    VALUES ('delete', old.id, old.name, old.fields, old.affiliation_name, old.resume);"
  "END;"
  "CREATE TRIGGER experts_expert_au AFTER UPDATE ON experts_expert BEGIN"
  "  INSERT INTO experts_fts (experts_fts, rowid, name, fields, affiliation_name, resume)"
  "    VALUES ('delete', old.id, old.name, old.fields, old.affiliation_name, old.resume);"
  "  INSERT INTO experts_fts (rowid, name, fields, affiliation_name, resume)"
  "    VALUES (new.id, new.name, new.fields, new.affiliation_name, new.resume);"
  "END;"
  "CREATE TABLE experts_chief ("
  "  id INTEGER PRIMARY KEY,"
  "  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,"
  "  expert_id INTEGER NOT NULL REFERENCES experts_expert (id),"
  "  from_date TEXT NOT NULL,"
  "  to_date TEXT,"
  "  reason TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX experts_chief_consortium ON experts_chief (consortium_id, to_date);"
  "CREATE INDEX experts_chief_expert ON experts_chief (expert_id, to_date);"
  "CREATE TABLE experts_reviewer ("
  "  consortium_id INTEGER NOT NULL REFERENCES consortium (id) ON DELETE CASCADE,"
  "  expert_id INTEGER NOT NULL REFERENCES experts_expert (id),"
  "  position INTEGER NOT NULL,"
  "  opinion TEXT NOT NULL DEFAULT '',"
  "  date TEXT,"
  "  PRIMARY KEY (consortium_id, expert_id)"
  ");"
  "CREATE INDEX experts_reviewer_expert ON experts_reviewer (expert_id);",
  /* 2: the pairs of adjacent letters or digits in experts_chars; its text
   * is computed in C, so the table is refilled after the migration.
   * experts_fts is kept from C too (index_row), no longer by triggers. */
  "DROP TRIGGER experts_expert_ai;"
  "DROP TRIGGER experts_expert_ad;"
  "DROP TRIGGER experts_expert_au;"
  "DROP TABLE experts_chars;"
  "CREATE VIRTUAL TABLE experts_chars USING fts5 ("
  "  name, fields, affiliation_name, resume, content='', tokenize='unicode61');"
  "CREATE TABLE experts_reindex (pending INTEGER NOT NULL);"
  "INSERT INTO experts_reindex (pending) VALUES (1);",
  NULL
};

struct _CwbExpertRegistry
{
  GObject   parent_instance;

  CwbStore *store;  /* not owned: the store owns the registry */
  gulong    changed_handler;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CwbExpertRegistry, cwb_expert_registry, G_TYPE_OBJECT)

static int      reindex_pending        (CwbExpertRegistry  *self,
                                        GError            **error);
static gboolean reindex_in_transaction (CwbStore           *store,
                                        gpointer            user_data,
                                        GError            **error);
static void store_changed_cb (CwbExpertRegistry *self,
                              CwbChange          kind,
                              gint64             consortium_id,
                              CwbStore          *store);

static void
cwb_expert_registry_dispose (GObject *object)
{
  CwbExpertRegistry *self = (CwbExpertRegistry *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  self->store = NULL;

  G_OBJECT_CLASS (cwb_expert_registry_parent_class)->dispose (object);
}

static void
cwb_expert_registry_class_init (CwbExpertRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cwb_expert_registry_dispose;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cwb_expert_registry_init (CwbExpertRegistry *self)
{
}

static void
store_finalized_cb (gpointer data)
{
  CwbExpertRegistry *self = data;

  /* the store is going: it no longer emits */
  self->changed_handler = 0;
  self->store = NULL;
  g_object_unref (self);
}

CwbExpertRegistry *
cwb_expert_registry_get_for_store (CwbStore  *store,
                                   GError   **error)
{
  static GQuark quark;
  CwbExpertRegistry *self;
  int pending;

  g_return_val_if_fail (CWB_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (quark == 0)
    quark = g_quark_from_static_string ("cwb-experts-registry");

  self = g_object_get_qdata (G_OBJECT (store), quark);
  if (self != NULL)
    return self;

  if (!cwb_store_migrate_plugin (store, CWB_EXPERTS_PLUGIN_ID, migrations, error))
    return NULL;

  self = g_object_new (CWB_TYPE_EXPERT_REGISTRY, NULL);
  self->store = store;

  /* schema 2 recreated experts_chars: fill it from the rows (a read first:
   * an open with nothing to do takes no write lock). A store open only for
   * reading is not refilled: searches of one or two characters then miss
   * what the refill would add, everything else reads as it is. */
  pending = cwb_store_is_read_only (store) ? 0 : reindex_pending (self, error);
  if (pending < 0 ||
      (pending > 0 && !cwb_store_run_in_transaction (store, reindex_in_transaction, self, error)))
    {
      g_object_unref (self);
      return NULL;
    }

  self->changed_handler = g_signal_connect_object (store, "changed",
                                                   G_CALLBACK (store_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  g_object_set_qdata_full (G_OBJECT (store), quark, self, store_finalized_cb);

  return self;
}

CwbStore *
cwb_expert_registry_get_store (CwbExpertRegistry *self)
{
  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);

  return self->store;
}

CwbStatement *
_cwb_expert_registry_prepare (CwbExpertRegistry  *self,
                              const char         *sql,
                              GError            **error)
{
  g_assert (CWB_IS_EXPERT_REGISTRY (self));

  return cwb_store_prepare (self->store, CWB_EXPERTS_PLUGIN_ID, sql, error);
}

void
_cwb_expert_registry_emit_changed (CwbExpertRegistry *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A consortium was imported or changed: follow its "chief_expert" section. */
static void
store_changed_cb (CwbExpertRegistry *self,
                  CwbChange          kind,
                  gint64             consortium_id,
                  CwbStore          *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (kind != CWB_CHANGE_CONSORTIUM && kind != CWB_CHANGE_SECTION)
    return;

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");

  if (!cwb_expert_registry_sync_consortium (self, consortium_id, today, NULL, &error))
    g_message ("The chief expert of consortium %lld was not matched to the registry: %s",
               (long long) consortium_id, error->message);
}

/* ------------------------------------------------------------------ */
/* rows                                                                */

static char *
join_list (const char * const *items)
{
  return g_strjoinv ("\n", (char **) items);
}

CwbExpert *
_cwb_expert_registry_read_row (CwbStatement *stmt,
                               int           first)
{
  CwbExpert *expert = cwb_expert_new ();
  g_auto(GStrv) honours = g_strsplit (cwb_statement_get_text (stmt, first + 4) ?: "", "\n", -1);
  g_auto(GStrv) fields = g_strsplit (cwb_statement_get_text (stmt, first + 5) ?: "", "\n", -1);
  gint64 level = cwb_statement_get_int64 (stmt, first + 3);

  cwb_expert_set_id (expert, cwb_statement_get_int64 (stmt, first));
  cwb_expert_set_name (expert, cwb_statement_get_text (stmt, first + 1));
  cwb_expert_set_title (expert, cwb_statement_get_text (stmt, first + 2));
  cwb_expert_set_level (expert, level >= 0 && level < CWB_EXPERT_N_LEVELS ? level : CWB_EXPERT_LEVEL_OTHER);
  cwb_expert_set_honours (expert, (const char * const *) honours);
  cwb_expert_set_fields (expert, (const char * const *) fields);
  cwb_expert_set_affiliation_uscc (expert, cwb_statement_get_text (stmt, first + 6));
  cwb_expert_set_affiliation_name (expert, cwb_statement_get_text (stmt, first + 7));
  cwb_expert_set_phone (expert, cwb_statement_get_text (stmt, first + 8));
  cwb_expert_set_email (expert, cwb_statement_get_text (stmt, first + 9));
  cwb_expert_set_resume (expert, cwb_statement_get_text (stmt, first + 10));
  cwb_expert_set_note (expert, cwb_statement_get_text (stmt, first + 11));
  _cwb_expert_set_is_chief (expert, cwb_statement_get_int64 (stmt, first + 12) != 0);

  return expert;
}

/* the single characters: each letter, digit or mark a token, each run of
 * other characters after one a break token */
static void
append_singles (GString    *out,
                const char *text)
{
  gboolean after_break = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          after_break = FALSE;
        }
      else if (!after_break)
        {
          g_string_append (out, " " BREAK_TOKEN);
          after_break = TRUE;
        }
    }
}

/* the text as the phrases over single characters search it (transfer full) */
static char *
spaced_text (const char *text)
{
  GString *spaced = g_string_new (NULL);

  append_singles (spaced, text != NULL ? text : "");

  return g_string_free (spaced, FALSE);
}

char *
_cwb_expert_registry_index_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gunichar previous = 0;

  if (text == NULL)
    text = "";

  append_singles (out, text);

  /* then the pairs: unicode61 keeps a run of letters and digits as one
   * token, so "海南", "ai" or "a海" is one (case folded as the query's) */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          previous = 0;
          continue;
        }
      if (previous != 0)
        {
          g_string_append_c (out, ' ');
          g_string_append_unichar (out, previous);
          g_string_append_unichar (out, c);
        }
      previous = c;
    }

  return g_string_free (out, FALSE);
}

char *
_cwb_expert_registry_search_phrase (const char *part)
{
  const char *second;

  if (part == NULL)
    part = "";

  /* two letters or digits: their pair token, as _cwb_expert_registry_index_text
   * writes it */
  if (*part != '\0' && g_unichar_isalnum (g_utf8_get_char (part)))
    {
      second = g_utf8_next_char (part);
      if (*second != '\0' && g_unichar_isalnum (g_utf8_get_char (second)) &&
          *g_utf8_next_char (second) == '\0')
        return g_strdup (part);
    }

  return spaced_text (part);
}

gboolean
_cwb_expert_registry_check_date (const char  *date,
                                 GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *iso = NULL;

  if (date != NULL && strlen (date) == 10)
    {
      iso = g_strconcat (date, "T00:00:00Z", NULL);
      parsed = g_date_time_new_from_iso8601 (iso, NULL);
    }

  if (parsed == NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD."), date != NULL ? date : "");
      return FALSE;
    }

  return TRUE;
}

/* runs one INSERT of an index with @id and the four texts */
static gboolean
index_write (CwbExpertRegistry  *self,
             const char         *sql,
             gint64              id,
             const char         *name,
             const char         *fields,
             const char         *affiliation_name,
             const char         *resume,
             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  CwbStatement *stmt = _cwb_expert_registry_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":id", id);
  cwb_statement_bind_text (stmt, ":name", name);
  cwb_statement_bind_text (stmt, ":fields", fields);
  cwb_statement_bind_text (stmt, ":affiliation", affiliation_name);
  cwb_statement_bind_text (stmt, ":resume", resume);

  if (!cwb_statement_step (stmt, &local_error) && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Adds (@delete FALSE) or removes the experts_chars entry of a row. */
static gboolean
chars_index (CwbExpertRegistry  *self,
             gint64              id,
             const char         *name,
             const char         *fields,
             const char         *affiliation_name,
             const char         *resume,
             gboolean            delete,
             GError            **error)
{
  g_autofree char *s_name = _cwb_expert_registry_index_text (name);
  g_autofree char *s_fields = _cwb_expert_registry_index_text (fields);
  g_autofree char *s_affiliation = _cwb_expert_registry_index_text (affiliation_name);
  g_autofree char *s_resume = _cwb_expert_registry_index_text (resume);

  return index_write (self,
                      delete
                      ? "INSERT INTO experts_chars (experts_chars, rowid, name, fields, affiliation_name, resume) "
                        "VALUES ('delete', :id, :name, :fields, :affiliation, :resume)"
                      : "INSERT INTO experts_chars (rowid, name, fields, affiliation_name, resume) "
                        "VALUES (:id, :name, :fields, :affiliation, :resume)",
                      id, s_name, s_fields, s_affiliation, s_resume, error);
}

/* Adds (@delete FALSE) or removes both index entries of a row: the
 * trigram one (whose 'delete' needs the row's old text) and the
 * experts_chars one. Kept from C, not by triggers: an INSERT with a
 * trigger runs in a statement savepoint, and SQLite 3.40's FTS5 writes out
 * its pending terms at every savepoint, so an import of N rows wrote N
 * tiny segments to each index, to be merged again and again. */
static gboolean
index_row (CwbExpertRegistry  *self,
           gint64              id,
           const char         *name,
           const char         *fields,
           const char         *affiliation_name,
           const char         *resume,
           gboolean            delete,
           GError            **error)
{
  return index_write (self,
                      delete
                      ? "INSERT INTO experts_fts (experts_fts, rowid, name, fields, affiliation_name, resume) "
                        "VALUES ('delete', :id, :name, :fields, :affiliation, :resume)"
                      : "INSERT INTO experts_fts (rowid, name, fields, affiliation_name, resume) "
                        "VALUES (:id, :name, :fields, :affiliation, :resume)",
                      id, name, fields, affiliation_name, resume, error) &&
         chars_index (self, id, name, fields, affiliation_name, resume, delete, error);
}

static gboolean
step_done (CwbStatement  *stmt,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (cwb_statement_step (stmt, &local_error))
    {
      cwb_statement_reset (stmt);
      return TRUE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Whether a migration asked for experts_chars to be refilled (a row in
 * experts_reindex): 1 or 0, -1 with @error set. */
static int
reindex_pending (CwbExpertRegistry  *self,
                 GError            **error)
{
  CwbStatement *stmt;
  g_autoptr(GError) local_error = NULL;
  int pending;

  stmt = _cwb_expert_registry_prepare (self, "SELECT EXISTS (SELECT 1 FROM experts_reindex)", error);
  if (stmt == NULL)
    return -1;
  if (!cwb_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        return 0;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  pending = cwb_statement_get_int64 (stmt, 0) != 0;
  cwb_statement_reset (stmt);

  return pending;
}

/* Refills experts_chars from the rows when a migration asked for it, and
 * clears the request: one transaction. */
static gboolean
reindex_in_transaction (CwbStore  *store,
                        gpointer   user_data,
                        GError   **error)
{
  CwbExpertRegistry *self = user_data;
  CwbStatement *stmt;
  g_autoptr(GError) local_error = NULL;
  int pending;

  pending = reindex_pending (self, error);
  if (pending <= 0)
    return pending == 0;

  stmt = _cwb_expert_registry_prepare (self, "INSERT INTO experts_chars (experts_chars) VALUES ('delete-all')", error);
  if (stmt == NULL || !step_done (stmt, error))
    return FALSE;

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT id, name, fields, affiliation_name, resume FROM experts_expert",
                                       error);
  if (stmt == NULL)
    return FALSE;
  while (cwb_statement_step (stmt, &local_error))
    if (!chars_index (self, cwb_statement_get_int64 (stmt, 0),
                      cwb_statement_get_text (stmt, 1), cwb_statement_get_text (stmt, 2),
                      cwb_statement_get_text (stmt, 3), cwb_statement_get_text (stmt, 4),
                      FALSE, error))
      {
        cwb_statement_reset (stmt);
        return FALSE;
      }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stmt = _cwb_expert_registry_prepare (self, "DELETE FROM experts_reindex", error);

  return stmt != NULL && step_done (stmt, error);
}

static void
bind_expert (CwbStatement *stmt,
             CwbExpert    *expert)
{
  g_autofree char *honours = join_list (cwb_expert_get_honours (expert));
  g_autofree char *fields = join_list (cwb_expert_get_fields (expert));

  cwb_statement_bind_text (stmt, ":name", cwb_expert_get_name (expert));
  cwb_statement_bind_text (stmt, ":title", cwb_expert_get_title (expert));
  cwb_statement_bind_int64 (stmt, ":level", cwb_expert_get_level (expert));
  cwb_statement_bind_text (stmt, ":honours", honours);
  cwb_statement_bind_text (stmt, ":fields", fields);
  cwb_statement_bind_text (stmt, ":uscc", cwb_expert_get_affiliation_uscc (expert));
  cwb_statement_bind_text (stmt, ":affiliation", cwb_expert_get_affiliation_name (expert));
  cwb_statement_bind_text (stmt, ":phone", cwb_expert_get_phone (expert));
  cwb_statement_bind_text (stmt, ":email", cwb_expert_get_email (expert));
  cwb_statement_bind_text (stmt, ":resume", cwb_expert_get_resume (expert));
  cwb_statement_bind_text (stmt, ":note", cwb_expert_get_note (expert));
}

gboolean
_cwb_expert_registry_insert (CwbExpertRegistry  *self,
                             CwbExpert          *expert,
                             GError            **error)
{
  CwbStatement *stmt;
  g_autofree char *fields = join_list (cwb_expert_get_fields (expert));
  gint64 id;

  stmt = _cwb_expert_registry_prepare (self,
                                       "INSERT INTO experts_expert (name, title, level, honours, fields, "
                                       "affiliation_uscc, affiliation_name, phone, email, resume, note) "
                                       "VALUES (:name, :title, :level, :honours, :fields, :uscc, "
                                       ":affiliation, :phone, :email, :resume, :note)",
                                       error);
  if (stmt == NULL)
    return FALSE;

  bind_expert (stmt, expert);
  if (cwb_statement_step (stmt, error))
    cwb_statement_reset (stmt);
  else if (error != NULL && *error != NULL)
    return FALSE;

  id = cwb_statement_get_last_insert_id (stmt);

  if (!index_row (self, id, cwb_expert_get_name (expert), fields,
                    cwb_expert_get_affiliation_name (expert), cwb_expert_get_resume (expert),
                    FALSE, error))
    return FALSE;

  cwb_expert_set_id (expert, id);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* experts                                                             */

gint64
cwb_expert_registry_find_duplicate (CwbExpertRegistry *self,
                                    CwbExpert         *expert)
{
  g_autoptr(GError) error = NULL;
  const char *uscc;
  CwbStatement *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), 0);
  g_return_val_if_fail (CWB_IS_EXPERT (expert), 0);

  uscc = cwb_expert_get_affiliation_uscc (expert);

  /* the same name and the same unit: the same credit code when both have
   * one, else the same unit name */
  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT id FROM experts_expert "
                                       "WHERE name = :name AND id != :id AND "
                                       "  CASE WHEN :uscc != '' AND affiliation_uscc != '' "
                                       "       THEN affiliation_uscc = :uscc "
                                       "       ELSE affiliation_name = :affiliation END "
                                       "ORDER BY id LIMIT 1",
                                       &error);
  if (stmt == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  cwb_statement_bind_text (stmt, ":name", cwb_expert_get_name (expert));
  cwb_statement_bind_int64 (stmt, ":id", cwb_expert_get_id (expert));
  cwb_statement_bind_text (stmt, ":uscc", uscc);
  cwb_statement_bind_text (stmt, ":affiliation", cwb_expert_get_affiliation_name (expert));

  if (cwb_statement_step (stmt, &error))
    {
      id = cwb_statement_get_int64 (stmt, 0);
      cwb_statement_reset (stmt);
    }
  else if (error != NULL)
    g_warning ("%s", error->message);

  return id;
}

static gboolean
check_new_record (CwbExpertRegistry  *self,
                  CwbExpert          *expert,
                  GError            **error)
{
  gint64 duplicate;

  if (!cwb_expert_validate (expert, error))
    return FALSE;

  duplicate = cwb_expert_registry_find_duplicate (self, expert);
  if (duplicate != 0)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
                   _("The registry already has the expert %s of %s."),
                   cwb_expert_get_name (expert), cwb_expert_get_affiliation_name (expert));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_in_transaction (CwbStore  *store,
                    gpointer   user_data,
                    GError   **error)
{
  gpointer *args = user_data;

  return _cwb_expert_registry_insert (args[0], args[1], error);
}

gboolean
cwb_expert_registry_add (CwbExpertRegistry  *self,
                         CwbExpert          *expert,
                         GError            **error)
{
  gpointer args[2] = { self, expert };

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (CWB_IS_EXPERT (expert), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cwb_expert_set_id (expert, 0);
  if (!check_new_record (self, expert, error))
    return FALSE;

  if (!cwb_store_run_in_transaction (self->store, add_in_transaction, args, error))
    {
      cwb_expert_set_id (expert, 0);
      return FALSE;
    }

  _cwb_expert_registry_emit_changed (self);

  return TRUE;
}

CwbExpert *
cwb_expert_registry_get (CwbExpertRegistry  *self,
                         gint64              expert_id,
                         GError            **error)
{
  CwbStatement *stmt;
  g_autoptr(GError) local_error = NULL;
  CwbExpert *expert;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT " CWB_EXPERT_COLUMNS " FROM experts_expert e WHERE e.id = :id",
                                       error);
  if (stmt == NULL)
    return NULL;

  cwb_statement_bind_int64 (stmt, ":id", expert_id);
  if (!cwb_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CWB_ERROR, CWB_ERROR_NOT_FOUND,
                     _("The registry has no expert with the id %lld."), (long long) expert_id);
      return NULL;
    }

  expert = _cwb_expert_registry_read_row (stmt, 0);
  cwb_statement_reset (stmt);

  return expert;
}

typedef struct {
  CwbExpertRegistry *self;
  CwbExpert         *expert;
  CwbExpert         *old;
} UpdateArgs;

/* Rewrites the "chief_expert" section of every consortium the expert leads
 * as chief expert now. */
static gboolean
rewrite_sections (CwbExpertRegistry  *self,
                  CwbExpert          *expert,
                  GError            **error)
{
  g_autoptr(GArray) consortia = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) section = NULL;
  CwbStatement *stmt;

  stmt = _cwb_expert_registry_prepare (self,
                                       "SELECT consortium_id FROM experts_chief "
                                       "WHERE expert_id = :id AND to_date IS NULL",
                                       error);
  if (stmt == NULL)
    return FALSE;

  cwb_statement_bind_int64 (stmt, ":id", cwb_expert_get_id (expert));
  while (cwb_statement_step (stmt, error))
    {
      gint64 id = cwb_statement_get_int64 (stmt, 0);

      g_array_append_val (consortia, id);
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  section = cwb_expert_to_section (expert);
  for (guint i = 0; i < consortia->len; i++)
    if (!cwb_store_set_section (self->store, g_array_index (consortia, gint64, i),
                                "chief_expert", section, error))
      return FALSE;

  return TRUE;
}

static gboolean
update_in_transaction (CwbStore  *store,
                       gpointer   user_data,
                       GError   **error)
{
  UpdateArgs *args = user_data;
  CwbStatement *stmt;
  g_autofree char *old_fields = join_list (cwb_expert_get_fields (args->old));
  g_autofree char *new_fields = join_list (cwb_expert_get_fields (args->expert));
  gint64 id = cwb_expert_get_id (args->expert);

  stmt = _cwb_expert_registry_prepare (args->self,
                                       "UPDATE experts_expert SET name = :name, title = :title, level = :level, "
                                       "honours = :honours, fields = :fields, affiliation_uscc = :uscc, "
                                       "affiliation_name = :affiliation, phone = :phone, email = :email, "
                                       "resume = :resume, note = :note WHERE id = :id",
                                       error);
  if (stmt == NULL)
    return FALSE;

  bind_expert (stmt, args->expert);
  cwb_statement_bind_int64 (stmt, ":id", id);
  if (!step_done (stmt, error))
    return FALSE;

  return index_row (args->self, id, cwb_expert_get_name (args->old), old_fields,
                      cwb_expert_get_affiliation_name (args->old), cwb_expert_get_resume (args->old),
                      TRUE, error) &&
         index_row (args->self, id, cwb_expert_get_name (args->expert), new_fields,
                      cwb_expert_get_affiliation_name (args->expert), cwb_expert_get_resume (args->expert),
                      FALSE, error) &&
         rewrite_sections (args->self, args->expert, error);
}

gboolean
cwb_expert_registry_update (CwbExpertRegistry  *self,
                            CwbExpert          *expert,
                            GError            **error)
{
  g_autoptr(CwbExpert) old = NULL;
  UpdateArgs args;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (CWB_IS_EXPERT (expert), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = cwb_expert_registry_get (self, cwb_expert_get_id (expert), error);
  if (old == NULL)
    return FALSE;

  if (!check_new_record (self, expert, error))
    return FALSE;

  args = (UpdateArgs) { self, expert, old };
  if (!cwb_store_run_in_transaction (self->store, update_in_transaction, &args, error))
    return FALSE;

  _cwb_expert_registry_emit_changed (self);

  return TRUE;
}

char *
_cwb_expert_registry_dup_consortium_name (CwbExpertRegistry *self,
                                          gint64             consortium_id)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  /* one indexed query: not the whole list of consortia */
  found = cwb_store_read_consortium_summaries (self->store, &consortium_id, 1, &error);
  if (found == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  if (found->len == 0)
    return NULL;

  return g_strdup (cwb_consortium_get_name (g_ptr_array_index (found, 0)));
}

/* The names of the consortia of @sql's first column, quoted and joined. */
static char *
join_consortia (CwbExpertRegistry  *self,
                const char         *sql,
                gint64              expert_id,
                GError            **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  CwbStatement *stmt = _cwb_expert_registry_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  cwb_statement_bind_int64 (stmt, ":id", expert_id);
  while (cwb_statement_step (stmt, error))
    {
      g_autofree char *name = _cwb_expert_registry_dup_consortium_name (self, cwb_statement_get_int64 (stmt, 0));

      if (name != NULL)
        g_ptr_array_add (names, g_strdup_printf ("“%s”", name));
    }
  if (error != NULL && *error != NULL)
    return NULL;
  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: separates the items of a list of names; zh_CN "、" */
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

/* Where the expert is used, a sentence; NULL if nowhere. */
static char *
describe_uses (CwbExpertRegistry  *self,
               gint64              expert_id,
               GError            **error)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  static const struct {
    const char *sql;
    const char *format;
  } uses[] = {
    { "SELECT DISTINCT consortium_id FROM experts_chief WHERE expert_id = :id AND to_date IS NULL",
      N_("chief expert of %s") },
    { "SELECT DISTINCT consortium_id FROM experts_chief WHERE expert_id = :id AND to_date IS NOT NULL "
      "AND consortium_id NOT IN (SELECT consortium_id FROM experts_chief WHERE expert_id = :id AND to_date IS NULL)",
      N_("former chief expert of %s (kept in the history)") },
    { "SELECT consortium_id FROM experts_reviewer WHERE expert_id = :id",
      N_("reviewer of %s") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    {
      g_autofree char *names = join_consortia (self, uses[i].sql, expert_id, error);

      if (error != NULL && *error != NULL)
        return NULL;
      if (names != NULL)
        g_ptr_array_add (sentences, g_strdup_printf (_(uses[i].format), names));
    }

  if (sentences->len == 0)
    return NULL;

  g_ptr_array_add (sentences, NULL);
  /* TRANSLATORS: separates the places where an expert is used; zh_CN "；" */
  return g_strjoinv (C_("uses separator", "; "), (char **) sentences->pdata);
}

static gboolean
remove_in_transaction (CwbStore  *store,
                       gpointer   user_data,
                       GError   **error)
{
  UpdateArgs *args = user_data;
  CwbStatement *stmt;
  g_autofree char *fields = join_list (cwb_expert_get_fields (args->old));
  gint64 id = cwb_expert_get_id (args->old);

  stmt = _cwb_expert_registry_prepare (args->self, "DELETE FROM experts_expert WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  cwb_statement_bind_int64 (stmt, ":id", id);
  if (!step_done (stmt, error))
    return FALSE;

  return index_row (args->self, id, cwb_expert_get_name (args->old), fields,
                      cwb_expert_get_affiliation_name (args->old), cwb_expert_get_resume (args->old),
                      TRUE, error);
}

gboolean
cwb_expert_registry_remove (CwbExpertRegistry  *self,
                            gint64              expert_id,
                            GError            **error)
{
  g_autoptr(CwbExpert) old = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *uses = NULL;
  UpdateArgs args;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = cwb_expert_registry_get (self, expert_id, error);
  if (old == NULL)
    return FALSE;

  uses = describe_uses (self, expert_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (uses != NULL)
    {
      g_set_error (error, CWB_ERROR, CWB_ERROR_EXISTS,
                   _("The expert %s cannot be removed while in use: %s."),
                   cwb_expert_get_name (old), uses);
      return FALSE;
    }

  args = (UpdateArgs) { self, NULL, old };
  if (!cwb_store_run_in_transaction (self->store, remove_in_transaction, &args, error))
    return FALSE;

  _cwb_expert_registry_emit_changed (self);

  return TRUE;
}

guint
cwb_expert_registry_count (CwbExpertRegistry *self)
{
  g_autoptr(GError) error = NULL;
  CwbStatement *stmt;
  guint n = 0;

  g_return_val_if_fail (CWB_IS_EXPERT_REGISTRY (self), 0);

  stmt = _cwb_expert_registry_prepare (self, "SELECT count(*) FROM experts_expert", &error);
  if (stmt != NULL && cwb_statement_step (stmt, &error))
    {
      n = cwb_statement_get_int64 (stmt, 0);
      cwb_statement_reset (stmt);
    }
  if (error != NULL)
    g_warning ("%s", error->message);

  return n;
}
