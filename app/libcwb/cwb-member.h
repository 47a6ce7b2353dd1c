/* cwb-member.h — one member unit of a consortium
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cwb-records.h"
#include "cwb-types.h"

G_BEGIN_DECLS

/**
 * CWB_UNKNOWN:
 *
 * The value of a figure (revenue, staff count) that was not given.
 */
#define CWB_UNKNOWN (-1)

#define CWB_TYPE_MEMBER (cwb_member_get_type ())

G_DECLARE_FINAL_TYPE (CwbMember, cwb_member, CWB, MEMBER, GObject)

/*
 * Every scalar below is also a GObject property of the same name with '-'
 * for '_' ("uscc", "name", "kind", "lead", "independent-legal-person",
 * "registered-in-hainan", "stationed-in-hainan", "above-designated-size",
 * "high-tech", "cooperation-basis", "capability", "established", "revenue",
 * "rd-staff-fulltime", "has-platforms", "has-fiscal-years", "id"), notified when it changes.
 */

CwbMember     *cwb_member_new                        (void);
CwbMember     *cwb_member_copy                       (CwbMember     *self);
gboolean       cwb_member_equal                      (CwbMember     *self,
                                                      CwbMember     *other);

gint64         cwb_member_get_id                     (CwbMember     *self);
void           cwb_member_set_id                     (CwbMember     *self,
                                                      gint64         id);
const char    *cwb_member_get_uscc                   (CwbMember     *self);
void           cwb_member_set_uscc                   (CwbMember     *self,
                                                      const char    *uscc);
const char    *cwb_member_get_name                   (CwbMember     *self);
void           cwb_member_set_name                   (CwbMember     *self,
                                                      const char    *name);
CwbMemberKind  cwb_member_get_kind                   (CwbMember     *self);
void           cwb_member_set_kind                   (CwbMember     *self,
                                                      CwbMemberKind  kind);
gboolean       cwb_member_get_lead                   (CwbMember     *self);
void           cwb_member_set_lead                   (CwbMember     *self,
                                                      gboolean       lead);
gboolean       cwb_member_get_independent_legal_person (CwbMember   *self);
void           cwb_member_set_independent_legal_person (CwbMember   *self,
                                                      gboolean       value);
gboolean       cwb_member_get_registered_in_hainan   (CwbMember     *self);
void           cwb_member_set_registered_in_hainan   (CwbMember     *self,
                                                      gboolean       value);
gboolean       cwb_member_get_stationed_in_hainan    (CwbMember     *self);
void           cwb_member_set_stationed_in_hainan    (CwbMember     *self,
                                                      gboolean       value);
gboolean       cwb_member_get_above_designated_size  (CwbMember     *self);
void           cwb_member_set_above_designated_size  (CwbMember     *self,
                                                      gboolean       value);
gboolean       cwb_member_get_high_tech              (CwbMember     *self);
void           cwb_member_set_high_tech              (CwbMember     *self,
                                                      gboolean       value);
/* declarations.cooperation_basis (M1) and declarations.capability (M2, L7) */
gboolean       cwb_member_get_cooperation_basis      (CwbMember     *self);
void           cwb_member_set_cooperation_basis      (CwbMember     *self,
                                                      gboolean       value);
gboolean       cwb_member_get_capability             (CwbMember     *self);
void           cwb_member_set_capability             (CwbMember     *self,
                                                      gboolean       value);

/* The lead's figures; CWB_UNKNOWN (or NULL) when not given. */
const char    *cwb_member_get_established            (CwbMember     *self);
void           cwb_member_set_established            (CwbMember     *self,
                                                      const char    *date);
gint64         cwb_member_get_revenue                (CwbMember     *self);
void           cwb_member_set_revenue                (CwbMember     *self,
                                                      gint64         yuan);
int            cwb_member_get_rd_staff_fulltime      (CwbMember     *self);
void           cwb_member_set_rd_staff_fulltime      (CwbMember     *self,
                                                      int            staff);

/* (element-type CwbPlatform) (transfer none): the array may be modified.
 * has_platforms is FALSE when the figure was not given (rule L5 "unknown"),
 * TRUE when given, even as an empty list; the file writes the key only then. */
GPtrArray     *cwb_member_get_platforms              (CwbMember     *self);
gboolean       cwb_member_get_has_platforms          (CwbMember     *self);
void           cwb_member_set_has_platforms          (CwbMember     *self,
                                                      gboolean       value);
/* (element-type CwbFiscalYear) (transfer none): the array may be modified;
 * has_fiscal_years as for platforms (rule L6) */
GPtrArray     *cwb_member_get_fiscal_years           (CwbMember     *self);
gboolean       cwb_member_get_has_fiscal_years       (CwbMember     *self);
void           cwb_member_set_has_fiscal_years       (CwbMember     *self,
                                                      gboolean       value);

G_END_DECLS
