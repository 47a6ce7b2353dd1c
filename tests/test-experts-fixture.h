/* test-experts-fixture.h — what the expert registry's test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fresh workspace database with its registry per test, the default rule
 * set and an engine with only the experts plugin; tests/test-experts.c
 * (registry, search), test-experts-chief.c (chief experts, reviewers,
 * E1–E3) and test-experts-io.c (import, export) use it.
 */
#pragma once

#include <cwb.h>

#include "cwb-expert-registry.h"

G_BEGIN_DECLS

#define DEEP_SEA "deep-sea.consortium.json"
#define NEV "new-energy-vehicle-fails.consortium.json"
#define GOOD_USCC "91460100000000119Y"

typedef struct {
  char              *dir;
  CwbStore          *store;
  CwbExpertRegistry *experts;
  CwbRuleSet        *rules;
  CwbEngine         *engine;
} Fixture;

void       fixture_set_up    (Fixture       *f,
                              gconstpointer  data);
void       fixture_tear_down (Fixture       *f,
                              gconstpointer  data);

/* (transfer full): an expert not yet stored */
CwbExpert *make_expert       (const char    *name,
                              const char    *field,
                              const char    *affiliation,
                              const char    *resume);
/* make_expert() stored in the registry; its id */
gint64     add               (Fixture       *f,
                              const char    *name,
                              const char    *field,
                              const char    *affiliation,
                              const char    *resume);
/* four experts of different fields */
void       add_sample        (Fixture       *f);
/* (transfer full): the names a search finds, in order, joined with "," */
char      *search_names      (Fixture       *f,
                              const char    *query);
/* imports the example @name into the store, renamed to @rename (nullable);
 * its id */
gint64     import_example    (Fixture       *f,
                              const char    *name,
                              const char    *rename);

#define assert_search(f, query, expected) \
  G_STMT_START { g_autofree char *got_ = search_names (f, query); \
                 g_assert_cmpstr (got_, ==, expected); } G_STMT_END

#define EXPERTS_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
