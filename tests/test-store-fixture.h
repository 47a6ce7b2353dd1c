/* test-store-fixture.h — what the store's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/meson.build compiles test-store-fixture.c into test-store,
 * test-store-consortia and test-store-plugins. Every helper fails the test
 * instead of returning an error.
 */
#pragma once

#include <cwb.h>

G_BEGIN_DECLS

typedef struct
{
  char     *dir;    /* a fresh temporary folder */
  char     *path;   /* dir/data/workbench.db, not created yet */
  CwbStore *store;  /* NULL until a test opens it */
} Fixture;

typedef struct
{
  CwbChange kind;
  gint64    consortium_id;
} Change;

/* g_test_add() of @func at @path with the fixture below */
void           store_test_add    (const char    *path,
                                  void         (*func) (Fixture *, gconstpointer));

/* g_test_add()'s set-up and tear-down: a fresh temporary folder (removed
 * afterwards) and the path of a database in it, not created yet */
void           fixture_set_up    (Fixture       *fixture,
                                  gconstpointer  user_data);
void           fixture_tear_down (Fixture       *fixture,
                                  gconstpointer  user_data);
/* Opens fixture->store on fixture->path; closes it (it must be the last
 * reference) */
void           open_store        (Fixture       *fixture);
void           close_store       (Fixture       *fixture);

/* One integer from a query on a separate, raw connection. */
gint64         query_int         (const char    *path,
                                  const char    *sql);

/* (transfer full): a member of the university kind, or the enterprise
 * kind when it is the @lead */
CwbMember     *make_member       (const char    *uscc,
                                  const char    *name,
                                  gboolean       lead);
/* (transfer full): a consortium of @n_members members "<name>-0" …, the
 * first the lead with the code @lead_uscc. */
CwbConsortium *make_consortium   (const char    *name,
                                  const char    *lead_uscc,
                                  guint          n_members);
/* Imports @consortium (not replacing one) into fixture->store; its id */
gint64         import            (Fixture       *fixture,
                                  CwbConsortium *consortium);

/* A "changed" handler that appends a Change to the GArray @changes */
void           changed_cb        (CwbStore      *store,
                                  CwbChange      kind,
                                  gint64         consortium_id,
                                  GArray        *changes);
/* Asserts that @changes holds @expected, then empties it */
void           assert_changes    (GArray        *changes,
                                  const Change  *expected,
                                  guint          n_expected);

G_END_DECLS
