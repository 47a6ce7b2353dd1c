/* test-editor.c — the consortium editor page and its member and exception dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-editor"

#include "config.h"

#include <adwaita.h>
#include <cwb.h>
#include <sqlite3.h>

#include "cwb-consortium-editor.h"
#include "cwb-consortium-editor-private.h"
#include "cwb-exception-dialog.h"
#include "cwb-exception-dialog-private.h"
#include "cwb-lifecycle-group.h"
#include "cwb-lifecycle-group-private.h"
#include "cwb-member-dialog.h"
#include "cwb-member-dialog-private.h"
#include "cwb-stage-dialog.h"
#include "cwb-stage-dialog-private.h"
#include "cwb-test-utils.h"

typedef struct
{
  char                *dir;
  CwbStore            *store;
  CwbRuleSet          *rules;
  CwbContext          *context;
  gint64               id;
  GtkWindow           *window;
  CwbConsortiumEditor *editor;
} Fixture;

/* Does what the window does: after every store write, reload the current
 * consortium and set it on the context again (a new object). */
static void
store_changed_cb (CwbStore  *store,
                  CwbChange  change,
                  gint64     consortium_id,
                  Fixture   *f)
{
  CwbConsortium *current = cwb_context_get_consortium (f->context);
  g_autoptr(CwbConsortium) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  if (current == NULL || cwb_consortium_get_id (current) != consortium_id)
    return;

  reloaded = cwb_store_load_consortium (store, consortium_id, &error);
  g_assert_no_error (error);
  cwb_context_set_consortium (f->context, reloaded);
}

static gint64
import_example (Fixture    *f,
                const char *basename)
{
  g_autoptr(CwbConsortium) consortium = cwb_test_load_example (basename);
  g_autoptr(GError) error = NULL;

  cwb_store_import_consortium (f->store, consortium, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cwb_consortium_get_id (consortium), >, 0);

  return cwb_consortium_get_id (consortium);
}

static CwbConsortium *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CwbConsortium *consortium = cwb_store_load_consortium (f->store, f->id, &error);

  g_assert_no_error (error);
  return consortium;
}

static guint
n_stored_members (Fixture *f)
{
  g_autoptr(CwbConsortium) consortium = load (f);

  return cwb_consortium_get_members (consortium)->len;
}

static CwbMember *
stored_member (Fixture *f,
               guint    position)
{
  g_autoptr(CwbConsortium) consortium = load (f);
  const GPtrArray *members = cwb_consortium_get_members (consortium);

  g_assert_cmpuint (position, <, members->len);
  return g_object_ref (g_ptr_array_index (members, position));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CwbConsortium) consortium = NULL;

  f->dir = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "workbench.db", NULL);

  f->store = cwb_store_open (path, &error);
  g_assert_no_error (error);
  f->rules = cwb_rule_set_new_default (&error);
  g_assert_no_error (error);
  f->context = cwb_context_new (f->rules, f->store, NULL, NULL);
  g_signal_connect (f->store, "changed", G_CALLBACK (store_changed_cb), f);

  f->id = import_example (f, "deep-sea.consortium.json");
  consortium = load (f);
  cwb_context_set_consortium (f->context, consortium);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  f->editor = CWB_CONSORTIUM_EDITOR (cwb_consortium_editor_new (f->context));
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  cwb_test_drain ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer editor = f->editor;

  /* close the dialogs a test left open */
  cwb_test_close_windows_except (f->window);

  g_object_add_weak_pointer (G_OBJECT (editor), &editor);
  gtk_window_destroy (f->window);
  cwb_test_drain ();
  g_assert_null (editor);

  g_signal_handlers_disconnect_by_data (f->store, f);
  g_assert_finalize_object (f->context);
  g_clear_object (&f->rules);
  g_assert_finalize_object (f->store);

  cwb_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
set_text (gpointer    editable,
          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* A valid code in Hainan with @serial in the middle. (transfer full) */
static char *
make_uscc (const char *serial)
{
  g_autofree char *prefix = g_strdup_printf ("91460100%s", serial);
  char check;

  g_assert_cmpuint (strlen (prefix), ==, 17);
  check = cwb_uscc_compute_check_char (prefix);
  g_assert_cmpint (check, !=, '\0');

  return g_strdup_printf ("%s%c", prefix, check);
}

/* The view's model once it shows every member: it gets them a few rows
 * per frame */
static GListModel *
members_model (Fixture *f)
{
  GtkColumnView *view = _cwb_consortium_editor_get_child (f->editor, "members_view");
  GListModel *model;
  GtkSliceListModel *shown;

  g_assert_true (GTK_IS_COLUMN_VIEW (view));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  /* the current consortium's list (the previous one's rows go first), whole */
  CWB_TEST_WAIT_FOR ((shown = GTK_SLICE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model)))) &&
                     cwb_member_list_get_consortium_id (CWB_MEMBER_LIST (gtk_slice_list_model_get_model (shown))) ==
                     cwb_consortium_get_id (cwb_context_get_consortium (f->context)) &&
                     g_list_model_get_n_items (model) ==
                     g_list_model_get_n_items (gtk_slice_list_model_get_model (shown)));

  return model;
}

static void
select_member (Fixture *f,
               guint    position)
{
  GtkSingleSelection *selection = _cwb_consortium_editor_get_child (f->editor, "members_selection");

  members_model (f);
  gtk_single_selection_set_selected (selection, position);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
}

static void
test_members_view (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *model = members_model (f);
  AdwPreferencesGroup *group = _cwb_consortium_editor_get_child (f->editor, "members_group");
  g_autoptr(CwbMember) first = NULL;
  GListModel *shown;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 11);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cwb_member_get_name (first), ==, "海南椰岛动力科技有限公司");
  g_assert_true (cwb_member_get_lead (first));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "11"));

  /* the model is the store's lazy list, not a copy: the view sees it
   * through a slice that grows frame by frame on a large consortium */
  shown = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  g_assert_true (GTK_IS_SLICE_LIST_MODEL (shown));
  g_assert_cmpuint (gtk_slice_list_model_get_offset (GTK_SLICE_LIST_MODEL (shown)), ==, 0);
  g_assert_true (CWB_IS_MEMBER_LIST (gtk_slice_list_model_get_model (GTK_SLICE_LIST_MODEL (shown))));
}

/* A consortium of more members than GTK 4.8's column view builds rows for
 * (200): the view gets its first rows at once and the rest over the next
 * frames, never the whole list in one go; the count says all of them from
 * the start. */
static void
test_members_view_fills (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwbConsortium) large = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) summary = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = _cwb_consortium_editor_get_child (f->editor, "members_group");
  GtkColumnView *view = _cwb_consortium_editor_get_child (f->editor, "members_view");
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  guint n, first;

  cwb_consortium_set_name (large, "海南省大型测试创新联合体");
  for (guint i = cwb_consortium_get_n_members (large); i < 300; i++)
    {
      g_autoptr(CwbMember) member = cwb_member_new ();
      g_autofree char *serial = g_strdup_printf ("MA%07u", i);
      g_autofree char *uscc = make_uscc (serial);
      g_autofree char *name = g_strdup_printf ("海南测试成员%03u有限公司", i);

      cwb_member_set_name (member, name);
      cwb_member_set_uscc (member, uscc);
      cwb_member_set_kind (member, CWB_MEMBER_KIND_ENTERPRISE);
      cwb_consortium_add_member (large, member);
    }
  g_assert_true (cwb_store_import_consortium (f->store, large, FALSE, &error));
  g_assert_no_error (error);
  summary = cwb_store_load_consortium_summary (f->store, cwb_consortium_get_id (large), &error);
  g_assert_no_error (error);

  cwb_context_set_consortium (f->context, summary);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 200);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "300"));

  /* a few more on every frame, then the whole list */
  first = n;
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (model) > first);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, 300);
  g_assert_cmpuint (g_list_model_get_n_items (members_model (f)), ==, 300);

  /* back to the small one: the 200 rows built go over a few frames, out
   * of sight and out of reach of the pointer, then its 11 members come */
  {
    g_autoptr(CwbConsortium) small = load (f);

    cwb_context_set_consortium (f->context, small);
  }
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (view)), ==, 0);
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (view)));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "11"));
  g_assert_cmpuint (g_list_model_get_n_items (members_model (f)), ==, 11);
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (view)), ==, 1);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (view)));
}

static void
test_member_add (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *uscc = make_uscc ("000000900");
  g_autoptr(CwbMember) added = NULL;
  CwbMemberDialog *dialog;
  AdwComboRow *kind_row;

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-member", NULL);
  cwb_test_drain ();
  dialog = cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == f->window);

  /* nothing typed yet: Save is off */
  g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

  set_text (_cwb_member_dialog_get_child (dialog, "name_row"), "海南新成员科技有限公司");
  set_text (_cwb_member_dialog_get_child (dialog, "uscc_row"), uscc);
  kind_row = _cwb_member_dialog_get_child (dialog, "kind_row");
  adw_combo_row_set_selected (kind_row, CWB_MEMBER_KIND_ENTERPRISE);
  gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "registered_switch"), TRUE);
  gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "high_tech_switch"), TRUE);
  gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "cooperation_switch"), TRUE);

  g_assert_true (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));
  g_signal_emit_by_name (_cwb_member_dialog_get_child (dialog, "save_button"), "clicked");
  cwb_test_drain ();

  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE));
  g_assert_cmpuint (n_stored_members (f), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (members_model (f)), ==, 12);

  added = stored_member (f, 11);
  g_assert_cmpstr (cwb_member_get_name (added), ==, "海南新成员科技有限公司");
  g_assert_cmpstr (cwb_member_get_uscc (added), ==, uscc);
  g_assert_cmpint (cwb_member_get_kind (added), ==, CWB_MEMBER_KIND_ENTERPRISE);
  g_assert_true (cwb_member_get_registered_in_hainan (added));
  g_assert_true (cwb_member_get_high_tech (added));
  g_assert_true (cwb_member_get_cooperation_basis (added));
  g_assert_true (cwb_member_get_independent_legal_person (added));
  g_assert_false (cwb_member_get_lead (added));
  g_assert_false (cwb_member_get_stationed_in_hainan (added));
}

static void
test_member_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CwbMember) before = stored_member (f, 1);
  g_autoptr(CwbMember) after = NULL;
  CwbMemberDialog *dialog;

  select_member (f, 1);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.edit-member", NULL);
  cwb_test_drain ();
  dialog = cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE);
  g_assert_nonnull (dialog);

  /* the form shows the member */
  g_assert_cmpstr (gtk_editable_get_text (_cwb_member_dialog_get_child (dialog, "name_row")), ==, "海南大学");
  g_assert_cmpstr (gtk_editable_get_text (_cwb_member_dialog_get_child (dialog, "uscc_row")), ==,
                   cwb_member_get_uscc (before));
  g_assert_cmpuint (adw_combo_row_get_selected (_cwb_member_dialog_get_child (dialog, "kind_row")), ==,
                    CWB_MEMBER_KIND_UNIVERSITY);
  /* high-tech and above-size apply to enterprises only */
  g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "high_tech_row")));

  set_text (_cwb_member_dialog_get_child (dialog, "name_row"), "海南大学（海口校区）");
  g_assert_true (cwb_member_dialog_save (dialog, NULL));
  cwb_test_drain ();

  after = stored_member (f, 1);
  g_assert_cmpint (cwb_member_get_id (after), ==, cwb_member_get_id (before));
  g_assert_cmpstr (cwb_member_get_name (after), ==, "海南大学（海口校区）");
  g_assert_cmpstr (cwb_member_get_uscc (after), ==, cwb_member_get_uscc (before));
  g_assert_cmpuint (n_stored_members (f), ==, 11);
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE));
}

static void
test_member_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwbMember) before = stored_member (f, 2);
  g_autoptr(CwbMember) after = NULL;
  g_autoptr(CwbConsortium) consortium = load (f);
  CwbMemberDialog *dialog;

  dialog = cwb_member_dialog_new (f->context, f->id, before);
  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();
  set_text (_cwb_member_dialog_get_child (dialog, "name_row"), "不应保存的名称");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  cwb_test_drain ();

  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE));
  after = stored_member (f, 2);
  g_assert_true (cwb_member_equal (before, after));
  {
    g_autoptr(CwbConsortium) now = load (f);
    g_assert_true (cwb_consortium_equal (consortium, now));
  }
}

static void
test_member_invalid_uscc (Fixture       *f,
                          gconstpointer  data)
{
  CwbMemberDialog *dialog = cwb_member_dialog_new (f->context, f->id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected = NULL;
  GtkLabel *message;
  char check = '\0';

  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();

  /* a prefix whose check character is a letter found nowhere else in the code */
  for (guint serial = 100; serial < 1000; serial++)
    {
      g_free (prefix);
      prefix = g_strdup_printf ("91460100000000%03u", serial);
      check = cwb_uscc_compute_check_char (prefix);
      if (g_ascii_isalpha (check) && strchr (prefix, check) == NULL)
        break;
    }
  g_assert_true (g_ascii_isalpha (check));
  code = g_strdup_printf ("%s%c", prefix, check == 'A' ? 'B' : 'A');
  expected = g_strdup_printf ("%c", check);

  set_text (_cwb_member_dialog_get_child (dialog, "name_row"), "海南测试有限公司");
  set_text (_cwb_member_dialog_get_child (dialog, "uscc_row"), code);

  message = _cwb_member_dialog_get_child (dialog, "uscc_message");
  g_assert_true (gtk_widget_get_visible (_cwb_member_dialog_get_child (dialog, "uscc_message_row")));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (message), expected));
  g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

  g_assert_false (cwb_member_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_cmpuint (n_stored_members (f), ==, 11);

  /* corrected as it is typed: the message goes, Save comes back */
  g_free (code);
  code = g_strdup_printf ("%s%c", prefix, check);
  set_text (_cwb_member_dialog_get_child (dialog, "uscc_row"), code);
  g_assert_false (gtk_widget_get_visible (_cwb_member_dialog_get_child (dialog, "uscc_message_row")));
  g_assert_true (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
count_change_cb (guint *n_changes)
{
  (*n_changes)++;
}

static void
test_member_duplicate_uscc (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(CwbConsortium) before = load (f);
  g_autoptr(CwbConsortium) after = NULL;
  g_autoptr(CwbMember) university = stored_member (f, 1);
  g_autoptr(GError) error = NULL;
  CwbMemberDialog *dialog = cwb_member_dialog_new (f->context, f->id, NULL);
  GtkLabel *message;

  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();

  set_text (_cwb_member_dialog_get_child (dialog, "name_row"), "重复代码的单位");
  set_text (_cwb_member_dialog_get_child (dialog, "uscc_row"), cwb_member_get_uscc (university));
  g_assert_true (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

  g_assert_false (cwb_member_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);

  /* shown in the dialog, which stays open; nothing changed */
  message = _cwb_member_dialog_get_child (dialog, "store_message");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), ==, error->message);
  g_assert_true (cwb_test_find_toplevel (CWB_TYPE_MEMBER_DIALOG, FALSE) == dialog);

  after = load (f);
  g_assert_true (cwb_consortium_equal (before, after));
  g_clear_object (&after);

  /* as the new lead: the old lead is not demoted either, not even for a
   * moment (one transaction: no change is announced) */
  {
    guint n_changes = 0;
    gulong handler;

    handler = g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count_change_cb), &n_changes);
    gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "lead_switch"), TRUE);
    g_clear_error (&error);
    g_assert_false (cwb_member_dialog_save (dialog, &error));
    g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
    g_signal_handler_disconnect (f->store, handler);
    g_assert_cmpuint (n_changes, ==, 0);
  }
  after = load (f);
  g_assert_true (cwb_consortium_equal (before, after));
  g_assert_true (cwb_member_get_lead (g_ptr_array_index (cwb_consortium_get_members (after), 0)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (entries, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

static void
test_member_lead_figures (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CwbMember) old_lead = stored_member (f, 0);
  g_autoptr(CwbMember) member = stored_member (f, 3);
  g_autoptr(CwbMember) now_lead = NULL;
  g_autoptr(CwbMember) demoted = NULL;
  g_autoptr(GError) error = NULL;
  CwbMemberDialog *dialog;
  GtkWidget *lead_group;

  g_assert_true (cwb_member_get_lead (old_lead));
  g_assert_false (cwb_member_get_lead (member));

  dialog = cwb_member_dialog_new (f->context, f->id, member);
  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();

  lead_group = _cwb_member_dialog_get_child (dialog, "lead_group");
  g_assert_false (gtk_widget_get_visible (lead_group));
  gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "lead_switch"), TRUE);
  g_assert_true (gtk_widget_get_visible (lead_group));
  /* the dialog says the current lead will be turned off */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (_cwb_member_dialog_get_child (dialog, "lead_row")),
                            cwb_member_get_name (old_lead)));

  /* bad figures are refused with cwb_parse_wan's and the date's messages */
  set_text (_cwb_member_dialog_get_child (dialog, "established_row"), "2010-13-40");
  g_assert_true (gtk_widget_get_visible (_cwb_member_dialog_get_child (dialog, "established_message_row")));
  g_assert_nonnull (strstr (gtk_label_get_text (_cwb_member_dialog_get_child (dialog, "established_message")),
                            "2010-13-40"));
  g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));
  set_text (_cwb_member_dialog_get_child (dialog, "established_row"), "2010-06-01");

  set_text (_cwb_member_dialog_get_child (dialog, "revenue_row"), "五万");
  {
    gint64 yuan;
    g_autoptr(GError) parse_error = NULL;

    g_assert_false (cwb_parse_wan ("五万", &yuan, &parse_error));
    g_assert_cmpstr (gtk_label_get_text (_cwb_member_dialog_get_child (dialog, "revenue_message")), ==,
                     parse_error->message);
  }
  g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));
  set_text (_cwb_member_dialog_get_child (dialog, "revenue_row"), "52000");
  set_text (_cwb_member_dialog_get_child (dialog, "rd_staff_row"), "");

  gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "has_platforms_switch"), TRUE);
  set_text (_cwb_member_dialog_get_child (dialog, "platform_add_row"), "海南省新材料重点实验室");
  gtk_drop_down_set_selected (_cwb_member_dialog_get_child (dialog, "platform_level_dropdown"),
                              CWB_PLATFORM_LEVEL_PROVINCIAL);
  gtk_drop_down_set_selected (_cwb_member_dialog_get_child (dialog, "platform_kind_dropdown"),
                              CWB_PLATFORM_KIND_KEY_LAB);
  g_signal_emit_by_name (_cwb_member_dialog_get_child (dialog, "platform_add_row"), "entry-activated");

  g_assert_true (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

  /* fiscal years: year, R&D expense, sales (万元) per row; the lead had three */
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    GtkLabel *fiscal_message = _cwb_member_dialog_get_child (dialog, "fiscal_message");

    gtk_switch_set_active (_cwb_member_dialog_get_child (dialog, "has_fiscal_years_switch"), TRUE);
    collect_entries (_cwb_member_dialog_get_child (dialog, "fiscal_list"), entries);
    g_assert_cmpuint (entries->len, ==, 9);

    set_text (entries->pdata[0], "2024");
    set_text (entries->pdata[1], "1,500");
    set_text (entries->pdata[2], "很多");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fiscal_message)));
    g_assert_false (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));

    set_text (entries->pdata[2], "60000");
    set_text (entries->pdata[3], "2024");
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fiscal_message)));
    g_assert_nonnull (strstr (gtk_label_get_text (fiscal_message), "2024"));
    set_text (entries->pdata[3], "");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fiscal_message)));
    g_assert_true (gtk_widget_get_sensitive (_cwb_member_dialog_get_child (dialog, "save_button")));
  }

  g_assert_true (cwb_member_dialog_save (dialog, &error));
  g_assert_no_error (error);
  cwb_test_drain ();

  now_lead = stored_member (f, 3);
  demoted = stored_member (f, 0);
  g_assert_true (cwb_member_get_lead (now_lead));
  g_assert_false (cwb_member_get_lead (demoted));
  g_assert_cmpstr (cwb_member_get_established (now_lead), ==, "2010-06-01");
  g_assert_cmpint (cwb_member_get_revenue (now_lead), ==, G_GINT64_CONSTANT (520000000));
  g_assert_cmpint (cwb_member_get_rd_staff_fulltime (now_lead), ==, CWB_UNKNOWN);
  g_assert_true (cwb_member_get_has_platforms (now_lead));
  g_assert_cmpuint (cwb_member_get_platforms (now_lead)->len, ==, 1);
  {
    CwbPlatform *platform = g_ptr_array_index (cwb_member_get_platforms (now_lead), 0);

    g_assert_cmpstr (platform->name, ==, "海南省新材料重点实验室");
    g_assert_cmpint (platform->level, ==, CWB_PLATFORM_LEVEL_PROVINCIAL);
    g_assert_cmpint (platform->kind, ==, CWB_PLATFORM_KIND_KEY_LAB);
  }
  g_assert_true (cwb_member_get_has_fiscal_years (now_lead));
  g_assert_cmpuint (cwb_member_get_fiscal_years (now_lead)->len, ==, 1);
  {
    CwbFiscalYear *year = g_ptr_array_index (cwb_member_get_fiscal_years (now_lead), 0);

    g_assert_cmpint (year->year, ==, 2024);
    g_assert_cmpint (year->rd_expense, ==, G_GINT64_CONSTANT (15000000));
    g_assert_cmpint (year->sales, ==, G_GINT64_CONSTANT (600000000));
  }

  /* only the lead flag of the old lead changed */
  cwb_member_set_lead (demoted, TRUE);
  g_assert_true (cwb_member_equal (demoted, old_lead));
}

static void
test_member_remove_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CwbMember) removed = stored_member (f, 3);
  g_autoptr(CwbMember) restored = NULL;
  g_autoptr(CwbConsortium) before = load (f);
  g_autoptr(CwbConsortium) after = NULL;
  const char *action_name;
  GVariant *target;
  AdwToast *toast;

  select_member (f, 3);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.remove-member", NULL);
  cwb_test_drain ();

  g_assert_cmpuint (n_stored_members (f), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (members_model (f)), ==, 10);

  toast = _cwb_consortium_editor_get_last_toast (f->editor);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), cwb_member_get_name (removed)));
  g_assert_nonnull (adw_toast_get_button_label (toast));

  /* what the toast's button does */
  action_name = adw_toast_get_action_name (toast);
  target = adw_toast_get_action_target_value (toast);
  g_assert_nonnull (action_name);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->editor), action_name, target));
  cwb_test_drain ();

  g_assert_cmpuint (n_stored_members (f), ==, 11);
  restored = stored_member (f, 3);
  g_assert_cmpstr (cwb_member_get_uscc (restored), ==, cwb_member_get_uscc (removed));
  g_assert_true (cwb_member_equal (restored, removed));
  after = load (f);
  g_assert_true (cwb_consortium_equal (before, after));

  /* a second undo does nothing */
  gtk_widget_activate_action_variant (GTK_WIDGET (f->editor), action_name, target);
  cwb_test_drain ();
  g_assert_cmpuint (n_stored_members (f), ==, 11);
}

static void
test_exceptions_role (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *group = _cwb_consortium_editor_get_child (f->editor, "exceptions_group");

  cwb_context_set_role (f->context, CWB_ROLE_LEAD);
  cwb_test_drain ();
  g_assert_false (gtk_widget_get_visible (group));

  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  cwb_test_drain ();
  g_assert_true (gtk_widget_get_visible (group));

  cwb_context_set_role (f->context, CWB_ROLE_LEAD);
  cwb_test_drain ();
  g_assert_false (gtk_widget_get_visible (group));
}

static void
test_exception_add (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CwbConsortium) before = NULL;
  g_autoptr(CwbConsortium) after = NULL;
  g_autoptr(GError) error = NULL;
  CwbExceptionDialog *dialog;
  AdwComboRow *rule_row;
  GtkStringList *rule_model;
  GtkLabel *message;
  guint c3 = GTK_INVALID_LIST_POSITION;
  const CwbException *exception;

  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-exception", NULL);
  cwb_test_drain ();
  dialog = cwb_test_find_toplevel (CWB_TYPE_EXCEPTION_DIALOG, FALSE);
  g_assert_nonnull (dialog);

  rule_row = _cwb_exception_dialog_get_child (dialog, "rule_row");
  rule_model = _cwb_exception_dialog_get_child (dialog, "rule_model");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rule_model)); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (rule_model, i), "C3 "))
      c3 = i;
  g_assert_cmpuint (c3, !=, GTK_INVALID_LIST_POSITION);
  /* the rule's title is shown beside its id */
  g_assert_nonnull (strstr (gtk_string_list_get_string (rule_model, c3),
                            cwb_rule_set_get_rule_title (f->rules, "C3")));
  adw_combo_row_set_selected (rule_row, c3);

  message = _cwb_exception_dialog_get_child (dialog, "message");
  before = load (f);

  /* every field is required, each with its own message */
  set_text (_cwb_exception_dialog_get_child (dialog, "document_row"), "");
  set_text (_cwb_exception_dialog_get_child (dialog, "date_row"), "2024-04-02");
  set_text (_cwb_exception_dialog_get_child (dialog, "reason_row"), "深海装备领域单位较少");
  g_assert_false (cwb_exception_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_clear_error (&error);

  /* a bad date */
  set_text (_cwb_exception_dialog_get_child (dialog, "document_row"), "琼科〔2024〕12号");
  set_text (_cwb_exception_dialog_get_child (dialog, "date_row"), "2024-02-30");
  g_assert_false (cwb_exception_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "2024-02-30"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_clear_error (&error);

  after = load (f);
  g_assert_true (cwb_consortium_equal (before, after));
  g_assert_cmpuint (cwb_consortium_get_exceptions (after)->len, ==, 0);
  g_clear_object (&after);

  /* corrected, it is stored */
  set_text (_cwb_exception_dialog_get_child (dialog, "date_row"), "2024-04-02");
  g_assert_true (cwb_exception_dialog_save (dialog, &error));
  g_assert_no_error (error);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_EXCEPTION_DIALOG, FALSE));

  after = load (f);
  g_assert_cmpuint (cwb_consortium_get_exceptions (after)->len, ==, 1);
  exception = cwb_consortium_find_exception (after, "C3");
  g_assert_nonnull (exception);
  g_assert_cmpstr (exception->document, ==, "琼科〔2024〕12号");
  g_assert_cmpstr (exception->date, ==, "2024-04-02");
  g_assert_cmpstr (exception->reason, ==, "深海装备领域单位较少");

  /* the editor lists it */
  g_assert_cmpuint (cwb_test_count_list_rows (_cwb_consortium_editor_get_child (f->editor, "exceptions_list")), ==, 1);

  /* a second exception for the same rule is refused */
  dialog = cwb_exception_dialog_new (f->context, f->id);
  gtk_window_present (GTK_WINDOW (dialog));
  cwb_test_drain ();
  rule_row = _cwb_exception_dialog_get_child (dialog, "rule_row");
  adw_combo_row_set_selected (rule_row, c3);
  set_text (_cwb_exception_dialog_get_child (dialog, "document_row"), "琼科〔2024〕13号");
  set_text (_cwb_exception_dialog_get_child (dialog, "date_row"), "2024-05-02");
  set_text (_cwb_exception_dialog_get_child (dialog, "reason_row"), "重复");
  g_assert_false (cwb_exception_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_EXISTS);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&after);
  after = load (f);
  g_assert_cmpuint (cwb_consortium_get_exceptions (after)->len, ==, 1);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  const char * const *problems;
  GtkListBox *list = _cwb_consortium_editor_get_child (f->editor, "scientific_problems_list");
  AdwEntryRow *add_row = _cwb_consortium_editor_get_child (f->editor, "scientific_problems_add_row");
  const GPtrArray *standards;

  g_assert_cmpuint (cwb_test_count_list_rows (list), ==, 2);  /* one item and the add row */

  set_text (add_row, "深海高压环境材料失效机理");
  g_signal_emit_by_name (add_row, "entry-activated");
  cwb_test_drain ();

  consortium = load (f);
  problems = cwb_consortium_get_scientific_problems (consortium);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_cmpstr (problems[0], ==, "高温高湿环境下动力电池衰减机理");
  g_assert_cmpstr (problems[1], ==, "深海高压环境材料失效机理");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  g_assert_cmpuint (cwb_test_count_list_rows (list), ==, 3);
  g_clear_object (&consortium);

  /* an empty item is not added */
  set_text (add_row, "   ");
  g_signal_emit_by_name (add_row, "entry-activated");
  cwb_test_drain ();
  consortium = load (f);
  g_assert_cmpuint (g_strv_length ((char **) cwb_consortium_get_scientific_problems (consortium)), ==, 2);
  g_clear_object (&consortium);

  /* an item is edited in place; emptied, it is kept as it was */
  {
    AdwEntryRow *first = ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (list, 0));

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "高温高湿环境下动力电池衰减机理");
    set_text (first, "高温高湿环境下动力电池衰减与失效机理 ");
    g_signal_emit_by_name (first, "apply");
    cwb_test_drain ();
    consortium = load (f);
    problems = cwb_consortium_get_scientific_problems (consortium);
    g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
    g_assert_cmpstr (problems[0], ==, "高温高湿环境下动力电池衰减与失效机理");
    g_assert_cmpstr (problems[1], ==, "深海高压环境材料失效机理");
    g_clear_object (&consortium);

    first = ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (list, 0));
    set_text (first, "\u3000");
    g_signal_emit_by_name (first, "apply");
    cwb_test_drain ();
    consortium = load (f);
    g_assert_cmpstr (cwb_consortium_get_scientific_problems (consortium)[0], ==, "高温高湿环境下动力电池衰减与失效机理");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "高温高湿环境下动力电池衰减与失效机理");
    g_clear_object (&consortium);
  }

  /* remove the first item */
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.remove-list-item", "(uu)", 0, 0);
  cwb_test_drain ();
  consortium = load (f);
  problems = cwb_consortium_get_scientific_problems (consortium);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, "深海高压环境材料失效机理");
  g_assert_cmpuint (cwb_test_count_list_rows (list), ==, 2);
  g_clear_object (&consortium);

  /* a planned standard with its kind */
  gtk_drop_down_set_selected (_cwb_consortium_editor_get_child (f->editor, "standards_kind_dropdown"),
                              CWB_STANDARD_KIND_PRODUCT);
  set_text (_cwb_consortium_editor_get_child (f->editor, "standards_add_row"), "深海作业机器人产品规范");
  g_signal_emit_by_name (_cwb_consortium_editor_get_child (f->editor, "standards_add_button"), "clicked");
  cwb_test_drain ();
  consortium = load (f);
  standards = cwb_consortium_get_standards (consortium);
  g_assert_cmpuint (standards->len, ==, 2);
  g_assert_cmpint (((CwbStandard *) g_ptr_array_index (standards, 1))->kind, ==, CWB_STANDARD_KIND_PRODUCT);
  g_assert_cmpstr (((CwbStandard *) g_ptr_array_index (standards, 1))->title, ==, "深海作业机器人产品规范");
  g_clear_object (&consortium);

  /* a standard's title is edited in place too; its kind stays */
  {
    GtkListBox *standards_list = _cwb_consortium_editor_get_child (f->editor, "standards_list");
    AdwEntryRow *second = ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (standards_list, 1));

    set_text (second, "深海作业机器人通用产品规范");
    g_signal_emit_by_name (second, "apply");
    cwb_test_drain ();
    consortium = load (f);
    standards = cwb_consortium_get_standards (consortium);
    g_assert_cmpint (((CwbStandard *) g_ptr_array_index (standards, 1))->kind, ==, CWB_STANDARD_KIND_PRODUCT);
    g_assert_cmpstr (((CwbStandard *) g_ptr_array_index (standards, 1))->title, ==, "深海作业机器人通用产品规范");
  }
  /* the rest of the consortium is untouched, members included */
  g_assert_cmpuint (cwb_consortium_get_members (consortium)->len, ==, 11);
  g_assert_cmpstr (cwb_consortium_get_industry (consortium), ==, "深海科技");
}

static void
test_organization (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  AdwEntryRow *row = _cwb_consortium_editor_get_child (f->editor, "decision_body_row");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "理事会");
  set_text (row, "联合体理事会");
  g_signal_emit_by_name (row, "apply");
  gtk_switch_set_active (_cwb_consortium_editor_get_child (f->editor, "fund_supervision_switch"), FALSE);
  gtk_spin_button_set_value (_cwb_consortium_editor_get_child (f->editor, "staff_spin"), 5);
  cwb_test_drain ();

  consortium = load (f);
  g_assert_cmpstr (cwb_consortium_get_decision_body (consortium), ==, "联合体理事会");
  g_assert_cmpstr (cwb_consortium_get_advisory_body (consortium), ==, "专家咨询委员会");
  g_assert_cmpint (cwb_consortium_get_executive_fulltime_staff (consortium), ==, 5);
  g_assert_true (cwb_consortium_get_fund_system (consortium));
  g_assert_false (cwb_consortium_get_fund_internal_supervision (consortium));
}

static void
test_name (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = NULL;
  AdwEntryRow *row = _cwb_consortium_editor_get_child (f->editor, "name_row");
  GtkWidget *message_row = _cwb_consortium_editor_get_child (f->editor, "name_message_row");
  GtkLabel *message = _cwb_consortium_editor_get_child (f->editor, "name_message");

  import_example (f, "seed-industry-small.consortium.json");

  /* empty */
  set_text (row, "  ");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (message_row));

  /* another consortium's name */
  set_text (row, "海南省热带种业创新联合体");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (message_row));
  g_assert_nonnull (strstr (gtk_label_get_text (message), "海南省热带种业创新联合体"));
  consortium = load (f);
  g_assert_cmpstr (cwb_consortium_get_name (consortium), ==, "海南省深海装备创新联合体");
  g_clear_object (&consortium);

  /* a new name */
  set_text (row, "海南省深海科技创新联合体");
  g_assert_false (gtk_widget_get_visible (message_row));
  g_signal_emit_by_name (row, "apply");
  cwb_test_drain ();
  consortium = load (f);
  g_assert_cmpstr (cwb_consortium_get_name (consortium), ==, "海南省深海科技创新联合体");
}

static void
test_industry (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CwbConsortium) consortium = load (f);
  g_autoptr(GError) error = NULL;
  AdwComboRow *row = _cwb_consortium_editor_get_child (f->editor, "industry_row");
  GtkWidget *warning = _cwb_consortium_editor_get_child (f->editor, "industry_warning_row");
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GtkStringObject) selected = NULL;
  guint n = g_strv_length ((char **) cwb_rule_set_get_industries (f->rules));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "深海科技");
  g_assert_false (gtk_widget_get_visible (warning));

  /* an imported value outside the list is kept and warned about */
  cwb_consortium_set_industry (consortium, "海洋旅游");
  cwb_store_update_consortium (f->store, consortium, &error);
  g_assert_no_error (error);
  cwb_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "海洋旅游");
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (warning)), "海洋旅游"));
  g_clear_object (&consortium);
  consortium = load (f);
  g_assert_cmpstr (cwb_consortium_get_industry (consortium), ==, "海洋旅游");
  g_clear_object (&consortium);

  /* choosing one of the clusters writes it and drops the warning */
  adw_combo_row_set_selected (row, 0);
  cwb_test_drain ();
  consortium = load (f);
  g_assert_cmpstr (cwb_consortium_get_industry (consortium), ==, cwb_rule_set_get_industries (f->rules)[0]);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

static void
test_refresh_keeps_typing (Fixture       *f,
                           gconstpointer  data)
{
  AdwEntryRow *advisory = _cwb_consortium_editor_get_child (f->editor, "advisory_body_row");
  AdwEntryRow *executive = _cwb_consortium_editor_get_child (f->editor, "executive_body_row");
  GtkScrolledWindow *scrolled = _cwb_consortium_editor_get_child (f->editor, "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_autoptr(CwbConsortium) consortium = load (f);
  g_autoptr(GError) error = NULL;
  CwbConsortium *shown;
  double value;

  /* scroll down a little, once the page is laid out */
  for (guint i = 0; i < 200 && gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) < 300; i++)
    {
      g_usleep (10000);
      cwb_test_drain ();
    }
  gtk_adjustment_set_value (adjustment, 300);
  cwb_test_drain ();
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, ==, 300);

  /* the user types in one entry while another write reloads the consortium */
  gtk_widget_grab_focus (GTK_WIDGET (advisory));
  set_text (advisory, "正在输入的文字");
  gtk_adjustment_set_value (adjustment, 300);

  cwb_consortium_set_advisory_body (consortium, "咨询委员会（新）");
  cwb_consortium_set_executive_body (consortium, "联合体秘书处");
  {
    /* rows above the view are rebuilt too */
    const char *problems[] = { "深海高压环境材料失效机理", "深海声学通信机理", NULL };
    cwb_consortium_set_scientific_problems (consortium, problems);
  }
  shown = cwb_context_get_consortium (f->context);
  cwb_store_update_consortium (f->store, consortium, &error);
  g_assert_no_error (error);
  g_assert_true (cwb_context_get_consortium (f->context) != shown);
  cwb_test_drain ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (advisory)), ==, "正在输入的文字");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (executive)), ==, "联合体秘书处");
  g_assert_cmpuint (cwb_test_count_list_rows (_cwb_consortium_editor_get_child (f->editor, "scientific_problems_list")), ==, 3);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 300);
}

/* ------------------------------------------------------------ lifecycle */

static void
set_today (Fixture    *f,
           const char *iso)
{
  g_autofree char *text = g_strdup_printf ("%sT10:00:00Z", iso);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (now);
  cwb_context_set_now (f->context, now);
}

static guint
n_stored_steps (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = cwb_store_get_lifecycle (f->store, f->id, &error);

  g_assert_no_error (error);
  return events->len;
}

static CwbLifecycleGroup *
lifecycle_group (Fixture *f)
{
  CwbLifecycleGroup *group = _cwb_consortium_editor_get_child (f->editor, "lifecycle_group");

  g_assert_true (CWB_IS_LIFECYCLE_GROUP (group));
  return group;
}

static const char *
status_title (Fixture *f)
{
  return adw_preferences_row_get_title (_cwb_lifecycle_group_get_child (lifecycle_group (f), "status_row"));
}

static const char *
status_subtitle (Fixture *f)
{
  return adw_action_row_get_subtitle (_cwb_lifecycle_group_get_child (lifecycle_group (f), "status_row"));
}

static void
append_step (Fixture    *f,
             CwbStage    stage,
             const char *date,
             const char *document)
{
  g_autoptr(CwbStageEvent) event = cwb_stage_event_new (stage, date, document, NULL);
  g_autoptr(GError) error = NULL;

  cwb_store_append_stage_event (f->store, f->id, event, NULL, &error);
  g_assert_no_error (error);
  cwb_test_drain ();
}

static void
test_lifecycle_role (Fixture       *f,
                     gconstpointer  data)
{
  CwbLifecycleGroup *group = lifecycle_group (f);
  GtkWidget *record_button = _cwb_lifecycle_group_get_child (group, "record_button");

  /* a lead unit sees where its application stands, and cannot record */
  cwb_context_set_role (f->context, CWB_ROLE_LEAD);
  cwb_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_DRAFT));
  g_assert_false (gtk_widget_get_visible (_cwb_lifecycle_group_get_child (group, "events_list")));
  g_assert_false (gtk_widget_get_visible (record_button));
  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.record", NULL);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_STAGE_DIALOG, FALSE));

  append_step (f, CWB_STAGE_SUBMITTED, "2026-01-05", NULL);
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_SUBMITTED));
  g_assert_true (gtk_widget_get_visible (_cwb_lifecycle_group_get_child (group, "events_list")));
  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.take-back", NULL);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, FALSE));
  g_assert_cmpuint (n_stored_steps (f), ==, 1);

  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  cwb_test_drain ();
  g_assert_true (gtk_widget_get_visible (record_button));

  /* a consortium that has ended offers no next step */
  append_step (f, CWB_STAGE_DISSOLVED, "2026-02-01", NULL);
  g_assert_false (gtk_widget_get_visible (record_button));
}

static void
test_lifecycle_record (Fixture       *f,
                       gconstpointer  data)
{
  CwbLifecycleGroup *group = lifecycle_group (f);
  g_autoptr(GError) error = NULL;
  CwbStageDialog *dialog;
  GtkStringList *stage_model;
  GtkLabel *message;
  AdwToast *toast;

  set_today (f, "2026-05-10");
  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  cwb_test_drain ();

  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.record", NULL);
  cwb_test_drain ();
  dialog = cwb_test_find_toplevel (CWB_TYPE_STAGE_DIALOG, FALSE);
  g_assert_nonnull (dialog);

  /* from a draft: submitted, or approved (a consortium approved earlier) */
  stage_model = _cwb_stage_dialog_get_child (dialog, "stage_model");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (stage_model)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (stage_model, 0), ==, cwb_stage_get_label (CWB_STAGE_SUBMITTED));
  g_assert_false (_cwb_stage_dialog_set_stage (dialog, CWB_STAGE_RECOMMENDED));
  g_assert_true (_cwb_stage_dialog_set_stage (dialog, CWB_STAGE_APPROVED));
  /* the date starts at today */
  g_assert_cmpstr (gtk_editable_get_text (_cwb_stage_dialog_get_child (dialog, "date_row")), ==, "2026-05-10");
  message = _cwb_stage_dialog_get_child (dialog, "message");

  /* an approval without its document number is refused */
  set_text (_cwb_stage_dialog_get_child (dialog, "date_row"), "2026-04-01");
  g_assert_false (cwb_stage_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_clear_error (&error);

  /* so is a date after today */
  set_text (_cwb_stage_dialog_get_child (dialog, "document_row"), "琼科〔2026〕35号");
  set_text (_cwb_stage_dialog_get_child (dialog, "date_row"), "2026-06-01");
  g_assert_false (cwb_stage_dialog_save (dialog, &error));
  g_assert_error (error, CWB_ERROR, CWB_ERROR_INVALID);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "2026"));
  g_clear_error (&error);
  g_assert_cmpuint (n_stored_steps (f), ==, 0);

  set_text (_cwb_stage_dialog_get_child (dialog, "date_row"), "2026-04-01");
  /* typed with the ideographic spaces of a Chinese input method */
  set_text (_cwb_stage_dialog_get_child (dialog, "document_row"), "\u3000琼科〔2026〕35号\u3000");
  g_assert_true (cwb_stage_dialog_save (dialog, &error));
  g_assert_no_error (error);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_STAGE_DIALOG, FALSE));
  g_assert_cmpuint (n_stored_steps (f), ==, 1);
  {
    g_autoptr(GPtrArray) events = cwb_store_get_lifecycle (f->store, f->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((CwbStageEvent *) g_ptr_array_index (events, 0))->document, ==, "琼科〔2026〕35号");
  }

  /* the group shows the stage and the three-year term */
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_APPROVED));
  g_assert_nonnull (strstr (status_subtitle (f), "2026"));
  g_assert_nonnull (strstr (status_subtitle (f), "2029"));
  g_assert_cmpuint (cwb_test_count_list_rows (_cwb_lifecycle_group_get_child (group, "events_list")), ==, 1);

  /* the toast's Undo takes the step back */
  toast = _cwb_lifecycle_group_get_last_toast (group);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), cwb_stage_get_label (CWB_STAGE_APPROVED)));
  g_signal_emit_by_name (toast, "button-clicked");
  cwb_test_drain ();
  g_assert_cmpuint (n_stored_steps (f), ==, 0);
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_DRAFT));
}

static void
test_lifecycle_take_back (Fixture       *f,
                          gconstpointer  data)
{
  CwbLifecycleGroup *group = lifecycle_group (f);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *confirm;
  AdwToast *toast;

  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  append_step (f, CWB_STAGE_SUBMITTED, "2026-01-05", NULL);
  append_step (f, CWB_STAGE_VERIFYING, "2026-01-12", NULL);

  /* asked first; cancelling keeps the step */
  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.take-back", NULL);
  cwb_test_drain ();
  confirm = cwb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, FALSE);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  cwb_test_drain ();
  g_assert_cmpuint (n_stored_steps (f), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.take-back", NULL);
  cwb_test_drain ();
  confirm = cwb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, FALSE);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "take-back");
  cwb_test_drain ();
  g_assert_cmpuint (n_stored_steps (f), ==, 1);
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_SUBMITTED));

  /* Undo puts back the same step */
  toast = _cwb_lifecycle_group_get_last_toast (group);
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  cwb_test_drain ();
  events = cwb_store_get_lifecycle (f->store, f->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (((CwbStageEvent *) g_ptr_array_index (events, 1))->stage, ==, CWB_STAGE_VERIFYING);
  g_assert_cmpstr (((CwbStageEvent *) g_ptr_array_index (events, 1))->date, ==, "2026-01-12");
}

static void
test_lifecycle_expired (Fixture       *f,
                        gconstpointer  data)
{
  CwbLifecycleGroup *group = lifecycle_group (f);
  GtkWidget *expired = _cwb_lifecycle_group_get_child (group, "expired_label");

  /* the term from 2026-04-01 ends on 2029-04-01 */
  set_today (f, "2029-04-01");
  append_step (f, CWB_STAGE_APPROVED, "2026-04-01", "琼科〔2026〕35号");
  g_assert_false (gtk_widget_get_visible (expired));

  set_today (f, "2029-04-02");
  append_step (f, CWB_STAGE_CANCELLED, "2029-04-02", "琼科〔2029〕1号");
  g_assert_false (gtk_widget_get_visible (expired));
  g_assert_cmpstr (status_title (f), ==, cwb_stage_get_label (CWB_STAGE_CANCELLED));

  cwb_store_remove_last_stage_event (f->store, f->id, NULL, NULL);
  cwb_test_drain ();
  g_assert_true (gtk_widget_get_visible (expired));

  append_step (f, CWB_STAGE_CONTINUED, "2029-04-02", "琼科〔2029〕2号");
  g_assert_false (gtk_widget_get_visible (expired));
  g_assert_nonnull (strstr (status_subtitle (f), "2032"));
}

/* A damaged step in the database: said where the steps would be, and
 * nothing offered to record over them */
static void
test_lifecycle_damaged (Fixture       *f,
                        gconstpointer  data)
{
  CwbLifecycleGroup *group = lifecycle_group (f);
  g_autofree char *path = g_build_filename (f->dir, "workbench.db", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  cwb_context_set_role (f->context, CWB_ROLE_AUTHORITY);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("INSERT INTO lifecycle_event (consortium_id, position, stage, date) "
                         "VALUES (%" G_GINT64_FORMAT ", 0, 'accepted', '2026-01-05')", f->id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  cwb_lifecycle_group_set_consortium_id (group, 0);
  cwb_lifecycle_group_set_consortium_id (group, f->id);
  cwb_test_drain ();

  g_assert_cmpstr (status_title (f), ==, "The review steps cannot be read");
  g_assert_nonnull (strstr (status_subtitle (f), "accepted"));
  g_assert_false (gtk_widget_get_visible (_cwb_lifecycle_group_get_child (group, "record_button")));
  gtk_widget_activate_action (GTK_WIDGET (group), "lifecycle.record", NULL);
  cwb_test_drain ();
  g_assert_null (cwb_test_find_toplevel (CWB_TYPE_STAGE_DIALOG, FALSE));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack = _cwb_consortium_editor_get_child (f->editor, "stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "form");
  cwb_context_set_consortium (f->context, NULL);
  cwb_test_drain ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (_cwb_consortium_editor_get_child (f->editor, "add_member_button")));
}

/* whether the group of the editor's child @id is shown */
static gboolean
group_shown (CwbConsortiumEditor *editor,
             const char          *id)
{
  GtkWidget *child = _cwb_consortium_editor_get_child (editor, id);

  g_assert_nonnull (child);

  return gtk_widget_get_visible (gtk_widget_get_ancestor (child, ADW_TYPE_PREFERENCES_GROUP));
}

/* The form's first showing brings its groups after the first two one a
 * frame (laying them all out at once held the window for ~100 ms); they
 * all come, and a second consortium finds them all shown. */
static void
test_form_unveils (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CwbConsortiumEditor *editor = CWB_CONSORTIUM_EDITOR (cwb_consortium_editor_new (f->context));
  /* a child of each group the editor binds */
  const char * const held[] = { "scientific_problems_add_row", "standards_kind_dropdown", "decision_body_row",
                                "fund_system_switch", "members_view" };
  g_autoptr(CwbConsortium) again = NULL;

  gtk_window_set_default_size (window, 1100, 800);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  g_assert_true (group_shown (editor, "name_row"));
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    g_assert_false (group_shown (editor, held[i]));

  gtk_window_present (window);
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    CWB_TEST_WAIT_FOR (group_shown (editor, held[i]));

  again = load (f);
  cwb_context_set_consortium (f->context, again);
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    g_assert_true (group_shown (editor, held[i]));

  gtk_window_destroy (window);
  cwb_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/editor/form/unveils", test_form_unveils);
  ADD ("/editor/members/view", test_members_view);
  ADD ("/editor/members/view-fills", test_members_view_fills);
  ADD ("/editor/members/add", test_member_add);
  ADD ("/editor/members/edit", test_member_edit);
  ADD ("/editor/members/cancel", test_member_cancel);
  ADD ("/editor/members/invalid-uscc", test_member_invalid_uscc);
  ADD ("/editor/members/duplicate-uscc", test_member_duplicate_uscc);
  ADD ("/editor/members/lead-figures", test_member_lead_figures);
  ADD ("/editor/members/remove-undo", test_member_remove_undo);
  ADD ("/editor/exceptions/role", test_exceptions_role);
  ADD ("/editor/exceptions/add", test_exception_add);
  ADD ("/editor/lifecycle/role", test_lifecycle_role);
  ADD ("/editor/lifecycle/record", test_lifecycle_record);
  ADD ("/editor/lifecycle/take-back", test_lifecycle_take_back);
  ADD ("/editor/lifecycle/expired", test_lifecycle_expired);
  ADD ("/editor/lifecycle/damaged", test_lifecycle_damaged);
  ADD ("/editor/lists/write", test_lists);
  ADD ("/editor/organization/write", test_organization);
  ADD ("/editor/name/refused", test_name);
  ADD ("/editor/industry/outside-list", test_industry);
  ADD ("/editor/refresh/keeps-typing", test_refresh_keeps_typing);
  ADD ("/editor/empty-state", test_empty_state);

#undef ADD

  return g_test_run ();
}
