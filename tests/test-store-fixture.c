/* test-store-fixture.c — what the store's test programs share: a fresh
 * folder per test, a store on it, and consortia to import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cwb.h"
#include "cwb-store-private.h"
#include "cwb-test-utils.h"
#include "test-store-fixture.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cwb-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "data", "workbench.db", NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));

  cwb_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

void
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->store = cwb_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
close_store (Fixture *fixture)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

/* One integer from a query on a separate, raw connection. */
gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}



CwbMember *
make_member (const char *uscc,
             const char *name,
             gboolean    lead)
{
  CwbMember *member = cwb_member_new ();

  cwb_member_set_uscc (member, uscc);
  cwb_member_set_name (member, name);
  cwb_member_set_kind (member, lead ? CWB_MEMBER_KIND_ENTERPRISE : CWB_MEMBER_KIND_UNIVERSITY);
  cwb_member_set_lead (member, lead);
  cwb_member_set_independent_legal_person (member, TRUE);
  cwb_member_set_registered_in_hainan (member, TRUE);

  return member;
}

/* A consortium of @n_members members "<prefix>-0" …, the first the lead
 * with the code @lead_uscc. */
CwbConsortium *
make_consortium (const char *name,
                 const char *lead_uscc,
                 guint       n_members)
{
  CwbConsortium *consortium = cwb_consortium_new ();
  const char *problems[] = { "问题一", "问题二", NULL };

  cwb_consortium_set_name (consortium, name);
  cwb_consortium_set_industry (consortium, "现代种业");
  cwb_consortium_set_scientific_problems (consortium, problems);

  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *uscc = i == 0 ? g_strdup (lead_uscc) : g_strdup_printf ("91460000MB%08u", i);
      g_autofree char *member_name = g_strdup_printf ("%s-%u", name, i);
      g_autoptr(CwbMember) member = make_member (uscc, member_name, i == 0);

      cwb_consortium_add_member (consortium, member);
    }

  return consortium;
}

gint64
import (Fixture       *fixture,
        CwbConsortium *consortium)
{
  g_autoptr(GError) error = NULL;

  cwb_store_import_consortium (fixture->store, consortium, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (consortium), >, 0);

  return cwb_consortium_get_id (consortium);
}



void
changed_cb (CwbStore  *store,
            CwbChange  kind,
            gint64     consortium_id,
            GArray    *changes)
{
  Change change = { kind, consortium_id };

  g_array_append_val (changes, change);
}

void
assert_changes (GArray       *changes,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpint (g_array_index (changes, Change, i).kind, ==, expected[i].kind);
      g_assert_cmpint (g_array_index (changes, Change, i).consortium_id, ==, expected[i].consortium_id);
    }
  g_array_set_size (changes, 0);
}

void
store_test_add (const char  *path,
                void       (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}
