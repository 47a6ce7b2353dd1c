/* cwb-agreement-page-private.h — what the files of the agreement page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>

#include "cwb-agreement-page.h"

G_BEGIN_DECLS

/*
 * The page is one class split by job, the way GNOME Text Editor splits its
 * window:
 *   cwb-agreement-page.c             the object, the banner, the parties,
 *                                    loading, writing a change
 *   cwb-agreement-page-editors.c     the nine item editors, their preview,
 *                                    typing written through, model clauses
 *   cwb-agreement-page-signatures.c  the signature matrix, a member's
 *                                    signature, scans
 *   cwb-agreement-page-versions.c    freezing, reopening, versions and
 *                                    their comparison
 *   cwb-agreement-page-export.c      the matrix, PDF and DOCX exports, print
 * Each installs its own actions from the class_init.
 */

/* The widgets of one of the nine items. */
typedef struct
{
  CwbAgreementItem  item;
  GtkWidget        *box;
  GtkWidget        *text_view;
  GtkTextBuffer    *buffer;
  GtkWidget        *clauses_button;
  GtkWidget        *clauses_list;
  GtkWidget        *save_clause_button;
  GtkWidget        *preview_label;
  GtkWidget        *state_label;
  gboolean          dirty;       /* typed since the last write */
} ItemEditor;

struct _CwbAgreementPage
{
  AdwBin             parent_instance;

  /* owned */
  CwbContext        *context;
  CwbConsortium     *consortium;
  CwbAgreement      *agreement;
  GHashTable        *variables;       /* name → value */
  char              *state_text;
  CwbAgreementState  state;
  gint64             consortium_id;
  guint              save_source;
  gboolean           unsaved;         /* the last write failed: retry */
  guint              refresh_source;
  guint              updating;
  const char        *state_class;
  ItemEditor         items[CWB_AGREEMENT_N_ITEMS];
  GListStore        *matrix_rows;     /* CwbAgreementSignatory */
  GtkColumnViewColumn *edit_column;
  GtkTextTag        *added_tag;
  GtkTextTag        *removed_tag;
  GtkTextTag        *heading_tag;

  /* template children */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkImage          *state_icon;
  GtkLabel          *consortium_label;
  GtkLabel          *state_label;
  GtkLabel          *detail_label;
  GtkWidget         *actions_box;
  GtkWidget         *freeze_button;
  GtkWidget         *edit_button;
  GtkBox            *documents_box;
  GtkStack          *sections;
  GtkBox            *items_box;
  GtkLabel          *parties_label;
  GtkLabel          *signatories_label;
  GtkColumnView     *matrix_view;
  GtkListBox        *versions_list;
  GtkDropDown       *from_dropdown;
  GtkDropDown       *to_dropdown;
  GtkStringList     *from_model;
  GtkStringList     *to_model;
  GtkTextView       *diff_view;
};

/* Applies @change to a copy of the agreement; when it succeeds the copy is
 * written and shown, else the message is shown and nothing changes. */
typedef gboolean (*CwbAgreementPageChange) (CwbAgreement *agreement,
                                            gpointer      data,
                                            GError      **error);

/* cwb-agreement-page.c */
void        _cwb_agreement_page_show_message      (CwbAgreementPage       *self,
                                                   const char             *message);
CwbStore   *_cwb_agreement_page_get_store         (CwbAgreementPage       *self);
gboolean    _cwb_agreement_page_can_write         (CwbAgreementPage       *self);
gboolean    _cwb_agreement_page_can_edit          (CwbAgreementPage       *self);
char       *_cwb_agreement_page_dup_today         (CwbAgreementPage       *self);
char       *_cwb_agreement_page_dup_buffer_text   (GtkTextBuffer          *buffer);
const char *_cwb_agreement_page_member_name       (CwbAgreementPage       *self,
                                                   const char             *uscc);
char       *_cwb_agreement_page_join_member_names (CwbAgreementPage       *self,
                                                   const char * const     *usccs);
gboolean    _cwb_agreement_page_save_agreement    (CwbAgreement           *agreement,
                                                   CwbAgreementPage       *self);
gboolean    _cwb_agreement_page_apply_change      (CwbAgreementPage       *self,
                                                   CwbAgreementPageChange  change,
                                                   gpointer                data);
void        _cwb_agreement_page_update_view       (CwbAgreementPage       *self);
GtkWidget  *_cwb_agreement_page_load_dialog       (CwbAgreementPage       *self,
                                                   const char             *name);

/* cwb-agreement-page-editors.c */
void        _cwb_agreement_page_class_init_editors    (GtkWidgetClass     *widget_class);
void        _cwb_agreement_page_build_editors         (CwbAgreementPage   *self);
void        _cwb_agreement_page_update_editors        (CwbAgreementPage   *self,
                                                       gboolean            editable,
                                                       gboolean            drafting);
void        _cwb_agreement_page_flush_edits           (CwbAgreementPage   *self);

/* cwb-agreement-page-signatures.c */
void        _cwb_agreement_page_class_init_signatures (GtkWidgetClass     *widget_class);
void        _cwb_agreement_page_build_matrix          (CwbAgreementPage   *self);
void        _cwb_agreement_page_update_matrix         (CwbAgreementPage   *self);
void        _cwb_agreement_signatory_register_type    (GTypeModule        *module);

/* cwb-agreement-page-versions.c */
void        _cwb_agreement_page_class_init_versions   (GtkWidgetClass     *widget_class);
void        _cwb_agreement_page_init_versions         (CwbAgreementPage   *self);
void        _cwb_agreement_page_update_versions       (CwbAgreementPage   *self);

/* cwb-agreement-page-export.c */
void        _cwb_agreement_page_class_init_export     (GtkWidgetClass     *widget_class);
void        _cwb_agreement_page_add_document_buttons  (CwbAgreementPage   *self);

G_END_DECLS
