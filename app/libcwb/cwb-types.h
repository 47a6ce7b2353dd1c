/* cwb-types.h — forward declarations and enumerations shared by libcwb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CwbCheckProvider CwbCheckProvider;
typedef struct _CwbCheckReport   CwbCheckReport;
typedef struct _CwbCheckResult   CwbCheckResult;
typedef struct _CwbConsortium    CwbConsortium;
typedef struct _CwbContext       CwbContext;
typedef struct _CwbEngine        CwbEngine;
typedef struct _CwbMember        CwbMember;
typedef struct _CwbMemberList    CwbMemberList;
typedef struct _CwbRuleSet       CwbRuleSet;
typedef struct _CwbSecrets       CwbSecrets;
typedef struct _CwbStore         CwbStore;

/**
 * CwbMemberKind:
 * @CWB_MEMBER_KIND_ENTERPRISE: an enterprise (企业)
 * @CWB_MEMBER_KIND_UNIVERSITY: a university (高等学校)
 * @CWB_MEMBER_KIND_RESEARCH_INSTITUTE: a research institute (科研院所)
 * @CWB_MEMBER_KIND_SERVICE_AGENCY: a technical service agency (服务机构)
 * @CWB_MEMBER_KIND_OTHER: any other organisation
 *
 * The kind of a member unit; the nick is the word used in consortium files.
 */
typedef enum {
  CWB_MEMBER_KIND_ENTERPRISE,          /*< nick=enterprise >*/
  CWB_MEMBER_KIND_UNIVERSITY,          /*< nick=university >*/
  CWB_MEMBER_KIND_RESEARCH_INSTITUTE,  /*< nick=research_institute >*/
  CWB_MEMBER_KIND_SERVICE_AGENCY,      /*< nick=service_agency >*/
  CWB_MEMBER_KIND_OTHER,               /*< nick=other >*/
} CwbMemberKind;

/**
 * CwbPlatformLevel:
 *
 * The level of an innovation platform; the nick is the file's word.
 */
typedef enum {
  CWB_PLATFORM_LEVEL_NATIONAL,     /*< nick=national >*/
  CWB_PLATFORM_LEVEL_MINISTERIAL,  /*< nick=ministerial >*/
  CWB_PLATFORM_LEVEL_PROVINCIAL,   /*< nick=provincial >*/
  CWB_PLATFORM_LEVEL_MUNICIPAL,    /*< nick=municipal >*/
  CWB_PLATFORM_LEVEL_OTHER,        /*< nick=other >*/
} CwbPlatformLevel;

/**
 * CwbPlatformKind:
 *
 * The kind of an innovation platform; the nick is the file's word.
 */
typedef enum {
  CWB_PLATFORM_KIND_KEY_LAB,                /*< nick=key_lab >*/
  CWB_PLATFORM_KIND_INNOVATION_CENTER,      /*< nick=innovation_center >*/
  CWB_PLATFORM_KIND_ENGINEERING_CENTER,     /*< nick=engineering_center >*/
  CWB_PLATFORM_KIND_ENTERPRISE_TECH_CENTER, /*< nick=enterprise_tech_center >*/
  CWB_PLATFORM_KIND_PILOT_BASE,             /*< nick=pilot_base >*/
  CWB_PLATFORM_KIND_OTHER,                  /*< nick=other >*/
} CwbPlatformKind;

/**
 * CwbStandardKind:
 *
 * The kind of a planned standard (rule P1); the nick is the file's word.
 */
typedef enum {
  CWB_STANDARD_KIND_TECHNICAL,  /*< nick=technical >*/
  CWB_STANDARD_KIND_PRODUCT,    /*< nick=product >*/
  CWB_STANDARD_KIND_INDUSTRY,   /*< nick=industry >*/
} CwbStandardKind;

/**
 * CwbStrength:
 * @CWB_STRENGTH_HARD: 应/需/必须 — failing blocks submission
 * @CWB_STRENGTH_SOFT: 原则上 — failing is a warning
 * @CWB_STRENGTH_PREFERENCE: 优先 — information only
 * @CWB_STRENGTH_DECLARATION: affirmed by the applicant, not computable
 *
 * How strongly the policy states a rule.
 */
typedef enum {
  CWB_STRENGTH_HARD,         /*< nick=hard >*/
  CWB_STRENGTH_SOFT,         /*< nick=soft >*/
  CWB_STRENGTH_PREFERENCE,   /*< nick=preference >*/
  CWB_STRENGTH_DECLARATION,  /*< nick=declaration >*/
} CwbStrength;

/**
 * CwbStatus:
 *
 * The status of one check result, as formats/consortium-v1 names them.
 * %CWB_STATUS_ERROR is the result a check provider that failed leaves in
 * its place (see #CwbCheckResult:plugin): its rules were not checked.
 */
typedef enum {
  CWB_STATUS_PASS,                 /*< nick=pass >*/
  CWB_STATUS_FAIL,                 /*< nick=fail >*/
  CWB_STATUS_WARN,                 /*< nick=warn >*/
  CWB_STATUS_UNKNOWN,              /*< nick=unknown >*/
  CWB_STATUS_RELAXED,              /*< nick=relaxed >*/
  CWB_STATUS_EXCEPTED,             /*< nick=excepted >*/
  CWB_STATUS_DECLARED,             /*< nick=declared >*/
  CWB_STATUS_MISSING_DECLARATION,  /*< nick=missing_declaration >*/
  CWB_STATUS_INFO,                 /*< nick=info >*/
  CWB_STATUS_ERROR,                /*< nick=error >*/
} CwbStatus;

/**
 * CwbUnit:
 * @CWB_UNIT_NONE: a bare number
 * @CWB_UNIT_COUNT: a number of units, people or items
 * @CWB_UNIT_RATIO: a fraction (0.6 is 60%)
 * @CWB_UNIT_YUAN: money in 元
 *
 * What the value and threshold of a check result measure, so that a page
 * can show them as a count, a percentage or 万元/亿元.
 */
typedef enum {
  CWB_UNIT_NONE,   /*< nick=none >*/
  CWB_UNIT_COUNT,  /*< nick=count >*/
  CWB_UNIT_RATIO,  /*< nick=ratio >*/
  CWB_UNIT_YUAN,   /*< nick=yuan >*/
} CwbUnit;

/**
 * CwbVerdict:
 *
 * The verdict of a whole report, ordered from best to worst:
 * %CWB_VERDICT_ERROR when a check provider failed, so that the check is
 * incomplete whatever the other results say.
 */
typedef enum {
  CWB_VERDICT_PASS,   /*< nick=pass >*/
  CWB_VERDICT_WARN,   /*< nick=warn >*/
  CWB_VERDICT_FAIL,   /*< nick=fail >*/
  CWB_VERDICT_ERROR,  /*< nick=error >*/
} CwbVerdict;

/**
 * CwbPluginActivity:
 * @CWB_PLUGIN_ACTIVITY_CALL: something else
 * @CWB_PLUGIN_ACTIVITY_LOAD: loading the plugin
 * @CWB_PLUGIN_ACTIVITY_CHECK: checking a consortium
 * @CWB_PLUGIN_ACTIVITY_COMMAND: running a command-line verb
 * @CWB_PLUGIN_ACTIVITY_PAGE: making a page
 *
 * What the host asked of a plugin, for cwb_engine_enter_plugin().
 */
typedef enum {
  CWB_PLUGIN_ACTIVITY_CALL,     /*< nick=call >*/
  CWB_PLUGIN_ACTIVITY_LOAD,     /*< nick=load >*/
  CWB_PLUGIN_ACTIVITY_CHECK,    /*< nick=check >*/
  CWB_PLUGIN_ACTIVITY_COMMAND,  /*< nick=command >*/
  CWB_PLUGIN_ACTIVITY_PAGE,     /*< nick=page >*/
} CwbPluginActivity;

/**
 * CwbRole:
 * @CWB_ROLE_LEAD: 牵头单位, drafting its own consortium
 * @CWB_ROLE_AUTHORITY: 主管部门, keeping many consortia
 *
 * Who is using the application.
 */
typedef enum {
  CWB_ROLE_LEAD,       /*< nick=lead >*/
  CWB_ROLE_AUTHORITY,  /*< nick=authority >*/
} CwbRole;

/**
 * CwbAreaScope:
 * @CWB_AREA_SCOPE_CONSORTIUM: the page shows the current consortium
 * @CWB_AREA_SCOPE_WORKSPACE: the page shows the whole workspace
 */
typedef enum {
  CWB_AREA_SCOPE_CONSORTIUM,  /*< nick=consortium >*/
  CWB_AREA_SCOPE_WORKSPACE,   /*< nick=workspace >*/
} CwbAreaScope;

/**
 * CwbChange:
 * @CWB_CHANGE_CONSORTIUM: a consortium was added, renamed, replaced or removed
 * @CWB_CHANGE_MEMBERS: the members of one consortium changed
 * @CWB_CHANGE_SECTION: a plugin-owned section or an exception changed
 * @CWB_CHANGE_LIFECYCLE: a step of one consortium's review and term was
 *   recorded or taken back
 *
 * What kind of record #CwbStore::changed is about.
 */
typedef enum {
  CWB_CHANGE_CONSORTIUM,  /*< nick=consortium >*/
  CWB_CHANGE_MEMBERS,     /*< nick=members >*/
  CWB_CHANGE_SECTION,     /*< nick=section >*/
  CWB_CHANGE_LIFECYCLE,   /*< nick=lifecycle >*/
} CwbChange;

/**
 * CwbStage:
 * @CWB_STAGE_DRAFT: not yet submitted (no step recorded)
 * @CWB_STAGE_SUBMITTED: submitted through the provincial system (五(一)5)
 * @CWB_STAGE_VERIFYING: the city/county office is verifying (五(二))
 * @CWB_STAGE_RECOMMENDED: the city/county office recommended it (五(二))
 * @CWB_STAGE_RETURNED: the city/county office returned it (五(二))
 * @CWB_STAGE_APPROVING: the provincial office is reviewing it (五(三))
 * @CWB_STAGE_APPROVED: approved; a term starts (五(三): three years in the shipped rule set)
 * @CWB_STAGE_REJECTED: not approved (五(三))
 * @CWB_STAGE_CONTINUED: the final evaluation continued it for a new term (六(二))
 * @CWB_STAGE_NOT_CONTINUED: the final evaluation did not continue it (六(二))
 * @CWB_STAGE_DELISTED: delisted after a yearly assessment's rectification
 *   was not done (六(二), 摘牌)
 * @CWB_STAGE_CANCELLED: cancelled on a negative-list ground (六(三))
 * @CWB_STAGE_DISSOLVED: dissolved by its members
 *
 * A consortium's place in the review and term of policy 五 and 六
 * (policy/RULES.md, "Lifecycle"); the nick is the consortium file's word.
 */
typedef enum {
  CWB_STAGE_DRAFT,          /*< nick=draft >*/
  CWB_STAGE_SUBMITTED,      /*< nick=submitted >*/
  CWB_STAGE_VERIFYING,      /*< nick=verifying >*/
  CWB_STAGE_RECOMMENDED,    /*< nick=recommended >*/
  CWB_STAGE_RETURNED,       /*< nick=returned >*/
  CWB_STAGE_APPROVING,      /*< nick=approving >*/
  CWB_STAGE_APPROVED,       /*< nick=approved >*/
  CWB_STAGE_REJECTED,       /*< nick=rejected >*/
  CWB_STAGE_CONTINUED,      /*< nick=continued >*/
  CWB_STAGE_NOT_CONTINUED,  /*< nick=not_continued >*/
  CWB_STAGE_DELISTED,       /*< nick=delisted >*/
  CWB_STAGE_CANCELLED,      /*< nick=cancelled >*/
  CWB_STAGE_DISSOLVED,      /*< nick=dissolved >*/
} CwbStage;

G_END_DECLS
