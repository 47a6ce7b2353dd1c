/* cwb-consortium.h — one innovation consortium (创新联合体)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cwb-member.h"
#include "cwb-records.h"
#include "cwb-types.h"

G_BEGIN_DECLS

#define CWB_TYPE_CONSORTIUM (cwb_consortium_get_type ())

G_DECLARE_FINAL_TYPE (CwbConsortium, cwb_consortium, CWB, CONSORTIUM, GObject)

/*
 * Scalars are GObject properties too: "id", "name", "industry"; also (notified
 * when they change) the lists "scientific-problems", "key-technologies",
 * "transformation-results", "landmark-results" (GStrv) and "has-organization",
 * "decision-body", "advisory-body", "executive-body", "executive-permanent",
 * "executive-fulltime-staff", "has-fund-management", "fund-system",
 * "fund-internal-supervision".
 *
 * Sections: top-level objects of the consortium file that belong to a plugin
 * ("chief_expert", "agreement", and any later key) are kept as JSON, stored
 * and exported untouched by the host; the plugin that owns one reads it with
 * cwb_consortium_get_section().
 */

CwbConsortium *cwb_consortium_new            (void);
CwbConsortium *cwb_consortium_copy           (CwbConsortium *self);
gboolean       cwb_consortium_equal          (CwbConsortium *self,
                                              CwbConsortium *other);

gint64         cwb_consortium_get_id         (CwbConsortium *self);
void           cwb_consortium_set_id         (CwbConsortium *self,
                                              gint64         id);
const char    *cwb_consortium_get_name       (CwbConsortium *self);
void           cwb_consortium_set_name       (CwbConsortium *self,
                                              const char    *name);
const char    *cwb_consortium_get_industry   (CwbConsortium *self);
void           cwb_consortium_set_industry   (CwbConsortium *self,
                                              const char    *industry);

/* The lists of rule C1 and plan item P1; never NULL (empty when not given). */
const char * const *cwb_consortium_get_scientific_problems    (CwbConsortium *self);
void                cwb_consortium_set_scientific_problems    (CwbConsortium *self,
                                                               const char * const *items);
const char * const *cwb_consortium_get_key_technologies       (CwbConsortium *self);
void                cwb_consortium_set_key_technologies       (CwbConsortium *self,
                                                               const char * const *items);
const char * const *cwb_consortium_get_transformation_results (CwbConsortium *self);
void                cwb_consortium_set_transformation_results (CwbConsortium *self,
                                                               const char * const *items);
const char * const *cwb_consortium_get_landmark_results       (CwbConsortium *self);
void                cwb_consortium_set_landmark_results       (CwbConsortium *self,
                                                               const char * const *items);
/* (element-type CwbStandard) (transfer none): not to be modified */
const GPtrArray    *cwb_consortium_get_standards              (CwbConsortium *self);
/* @standard: (transfer full) */
void                cwb_consortium_add_standard               (CwbConsortium *self,
                                                               CwbStandard   *standard);
void                cwb_consortium_replace_standard           (CwbConsortium *self,
                                                               guint          position,
                                                               CwbStandard   *standard);
void                cwb_consortium_remove_standard            (CwbConsortium *self,
                                                               guint          position);

/* organization (O1); has_organization is FALSE when the file has no such object */
gboolean       cwb_consortium_get_has_organization       (CwbConsortium *self);
void           cwb_consortium_set_has_organization       (CwbConsortium *self,
                                                          gboolean       value);
const char    *cwb_consortium_get_decision_body          (CwbConsortium *self);
void           cwb_consortium_set_decision_body          (CwbConsortium *self,
                                                          const char    *value);
const char    *cwb_consortium_get_advisory_body          (CwbConsortium *self);
void           cwb_consortium_set_advisory_body          (CwbConsortium *self,
                                                          const char    *value);
/* executive body: NULL name when the file has no executive_body */
const char    *cwb_consortium_get_executive_body         (CwbConsortium *self);
void           cwb_consortium_set_executive_body         (CwbConsortium *self,
                                                          const char    *name);
gboolean       cwb_consortium_get_executive_permanent    (CwbConsortium *self);
void           cwb_consortium_set_executive_permanent    (CwbConsortium *self,
                                                          gboolean       value);
int            cwb_consortium_get_executive_fulltime_staff (CwbConsortium *self);
void           cwb_consortium_set_executive_fulltime_staff (CwbConsortium *self,
                                                          int            staff);

/* fund_management (F1) */
gboolean       cwb_consortium_get_has_fund_management    (CwbConsortium *self);
void           cwb_consortium_set_has_fund_management    (CwbConsortium *self,
                                                          gboolean       value);
gboolean       cwb_consortium_get_fund_system            (CwbConsortium *self);
void           cwb_consortium_set_fund_system            (CwbConsortium *self,
                                                          gboolean       value);
gboolean       cwb_consortium_get_fund_internal_supervision (CwbConsortium *self);
void           cwb_consortium_set_fund_internal_supervision (CwbConsortium *self,
                                                          gboolean       value);

/* The members in file order. A summary (cwb_store_load_consortium_summary())
 * reads them from the store as they are asked for. */
guint          cwb_consortium_get_n_members  (CwbConsortium *self);
/* (transfer none) (nullable): valid while @self lives and its members stay */
CwbMember     *cwb_consortium_get_member     (CwbConsortium *self,
                                              guint          position);
/* (element-type CwbMember) (transfer none): not to be modified; empty for a
 * summary: prefer the two above */
const GPtrArray *cwb_consortium_get_members  (CwbConsortium *self);
void           cwb_consortium_add_member     (CwbConsortium *self,
                                              CwbMember     *member);
void           cwb_consortium_remove_member  (CwbConsortium *self,
                                              guint          position);
/* changes whenever the members do (see its documentation) */
guint64        cwb_consortium_get_members_serial (CwbConsortium *self);
/* (transfer none) (nullable): the first member with lead set */
CwbMember     *cwb_consortium_get_lead       (CwbConsortium *self);

/* (element-type CwbException) (transfer none): not to be modified */
const GPtrArray *cwb_consortium_get_exceptions (CwbConsortium *self);
/* @exception: (transfer full) */
void           cwb_consortium_add_exception  (CwbConsortium *self,
                                              CwbException  *exception);
/* whether it had one for @rule */
gboolean       cwb_consortium_remove_exception (CwbConsortium *self,
                                                const char    *rule);
/* (transfer none) (nullable): the exception that accepts @rule */
const CwbException *cwb_consortium_find_exception (CwbConsortium *self,
                                                   const char    *rule);

/* (element-type CwbStageEvent) (transfer none): the steps of its review and
 * term, oldest first (cwb-lifecycle.h); not to be modified */
const GPtrArray *cwb_consortium_get_lifecycle (CwbConsortium *self);
/* @event: (transfer full) */
void           cwb_consortium_add_stage_event    (CwbConsortium *self,
                                                  CwbStageEvent *event);
void           cwb_consortium_remove_stage_event (CwbConsortium *self,
                                                  guint          position);
void           cwb_consortium_clear_lifecycle    (CwbConsortium *self);

/* (transfer none) (nullable): sealed (immutable, json_node_seal()); to change
 * a section build a new node and set it */
JsonNode      *cwb_consortium_get_section    (CwbConsortium *self,
                                              const char    *key);
/* @node: (nullable): NULL removes the section; the node is copied (a sealed
 * node is shared, a mutable one copied deeply) and the copy sealed. @key must
 * not be one the host reads itself ("format", "name", "industry", "lists",
 * "organization", "fund_management", "members", "exceptions", "lifecycle"). */
void           cwb_consortium_set_section    (CwbConsortium *self,
                                              const char    *key,
                                              JsonNode      *node);
/* (transfer container): the section keys, sorted */
GList         *cwb_consortium_list_sections  (CwbConsortium *self);

G_END_DECLS
