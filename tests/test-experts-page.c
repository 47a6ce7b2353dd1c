/* test-experts-page.c — the experts plugin's pages, with real plugins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-experts-page"

#include "config.h"

#include <adwaita.h>
#include <cwb.h>
#include <cwb-ui.h>

#include "cwb-expert-registry.h"
#include "cwb-test-utils.h"

#define DEEP_SEA_HAINAN_U "91460100000000119Y"   /* 海南大学, a member of deep-sea */
#define OUTSIDE_USCC      "91440100000000999C"   /* no member of deep-sea */

typedef struct
{
  CwbTestPage    t;
  CwbExpertRegistry *experts; /* owned by the store */
} Fixture;

static void
show_page (Fixture    *fixture,
           const char *id)
{
  cwb_test_page_show (&fixture->t, id, 1000, 700);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 4, 2, 10, 0, 0);

  cwb_test_page_set_up (&fixture->t, now);
  fixture->experts = cwb_expert_registry_get_for_store (fixture->t.store, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cwb_test_page_tear_down (&fixture->t);
}

static gint64
add_expert (Fixture    *fixture,
            const char *name,
            const char *affiliation,
            const char *uscc,
            const char *fields)
{
  g_autoptr(CwbExpert) expert = cwb_expert_new ();
  g_auto(GStrv) list = cwb_expert_split_list (fields);
  g_autoptr(GError) error = NULL;

  cwb_expert_set_name (expert, name);
  cwb_expert_set_title (expert, "研究员");
  cwb_expert_set_level (expert, CWB_EXPERT_LEVEL_SENIOR);
  cwb_expert_set_affiliation_name (expert, affiliation);
  cwb_expert_set_affiliation_uscc (expert, uscc);
  cwb_expert_set_fields (expert, (const char * const *) list);
  g_assert_true (cwb_expert_registry_add (fixture->experts, expert, &error));
  g_assert_no_error (error);

  return cwb_expert_get_id (expert);
}

static CwbExpertList *
page_list (Fixture *fixture)
{
  CwbExpertList *list = NULL;

  g_object_get (fixture->t.page, "list", &list, NULL);
  g_assert_nonnull (list);
  g_object_unref (list);   /* the page keeps it */
  return list;
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (page_list (fixture)));
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_field (GtkWidget  *dialog,
           const char *name,
           const char *text)
{
  GtkWidget *row = find_named (dialog, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* ------------------------------------------------------------ registry */

static void
test_registry_area (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CwbArea) area = cwb_test_find_area (fixture->t.engine, "experts");
  GtkIconTheme *theme;

  show_page (fixture, "experts");
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_assert_cmpstr (cwb_area_get_title (area), ==, "Experts");
  g_assert_cmpint (cwb_area_get_priority (area), ==, 30);
  g_assert_cmpint (cwb_area_get_scope (area), ==, CWB_AREA_SCOPE_WORKSPACE);
  g_assert_true (gtk_icon_theme_has_icon (theme, cwb_area_get_icon_name (area)));

  /* empty: the status page says how to add or import */
  cwb_test_drain ();
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  {
    GtkWidget *stack = find_named (fixture->t.page, "search");

    g_assert_nonnull (stack);
  }
}

static void
test_registry_lists_and_searches (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *search;

  add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技；海洋工程");
  add_expert (fixture, "李椰林", "中国热带农业科学院", "", "现代种业");
  add_expert (fixture, "张深蓝", "广州某研究所", OUTSIDE_USCC, "深海科技（深海装备与海洋工程）");

  show_page (fixture, "experts");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 3);

  /* an expert added while the page is open appears */
  add_expert (fixture, "陈南繁", "三亚南繁研究院", "", "现代种业；育种");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 4);

  search = find_named (fixture->t.page, "search");
  g_assert_nonnull (search);

  /* one character, as typed */
  gtk_editable_set_text (GTK_EDITABLE (search), "深");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 2);

  /* three characters and more narrow further */
  gtk_editable_set_text (GTK_EDITABLE (search), "深海装备");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 1);
  {
    g_autoptr(CwbExpert) first = g_list_model_get_item (G_LIST_MODEL (page_list (fixture)), 0);

    g_assert_cmpstr (cwb_expert_get_name (first), ==, "张深蓝");
  }

  /* nothing matches */
  gtk_editable_set_text (GTK_EDITABLE (search), "不存在的词");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 0);

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 4);
}

static void
test_add_dialog_refuses_bad_uscc (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *message;
  g_autoptr(GError) expected = NULL;

  show_page (fixture, "experts");
  cwb_test_drain ();

  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.add", NULL));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertDialog") != NULL);
  dialog = cwb_test_find_toplevel_by_name ("CwbExpertDialog");

  set_field (dialog, "name", "赵工程");
  set_field (dialog, "affiliation", "海南某公司");
  set_field (dialog, "uscc", "91460100000000119A");   /* wrong check character */
  set_field (dialog, "email", "zhao@example");       /* no second label */

  g_assert_true (gtk_widget_activate_action (dialog, "expert.save", NULL));
  cwb_test_drain ();

  /* refused, with the registry's messages beside the fields; nothing written */
  g_assert_false (cwb_expert_validate_uscc ("91460100000000119A", &expected));
  message = find_named (dialog, "uscc-message");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_is_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected->message);
  g_clear_error (&expected);
  g_assert_false (cwb_expert_validate_email ("zhao@example", &expected));
  message = find_named (dialog, "email-message");
  g_assert_true (gtk_widget_is_visible (message));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (message)), ==, expected->message);
  g_assert_false (gtk_widget_is_visible (find_named (dialog, "phone-message")));
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 0);
  g_assert_true (cwb_test_find_toplevel_by_name ("CwbExpertDialog") == dialog);

  /* corrected: stored, the dialog closes and the list shows it */
  set_field (dialog, "uscc", DEEP_SEA_HAINAN_U);
  set_field (dialog, "email", "zhao@example.com");
  g_assert_true (gtk_widget_activate_action (dialog, "expert.save", NULL));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertDialog") == NULL);
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 1);
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 1);

  /* the same name and affiliation again: the duplicate is refused above the form */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.add", NULL));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertDialog") != NULL);
  dialog = cwb_test_find_toplevel_by_name ("CwbExpertDialog");
  set_field (dialog, "name", "赵工程");
  set_field (dialog, "affiliation", "海南某公司");
  set_field (dialog, "uscc", DEEP_SEA_HAINAN_U);
  g_assert_true (gtk_widget_activate_action (dialog, "expert.save", NULL));
  cwb_test_drain ();
  message = find_named (dialog, "store-message");
  g_assert_true (gtk_widget_is_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "赵工程"));
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 1);
}

static void
test_remove_asks_first (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 id = add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");

  show_page (fixture, "experts");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 1);

  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.remove", "x", id));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("remove") != NULL);
  cwb_test_respond (cwb_test_find_dialog ("remove"), "cancel");
  cwb_test_drain ();
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 1);

  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.remove", "x", id));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("remove") != NULL);
  cwb_test_respond (cwb_test_find_dialog ("remove"), "remove");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 0);
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 0);
}

static void
test_remove_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id = add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  g_autoptr(CwbConsortium) file = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  AdwMessageDialog *refused;

  cwb_consortium_set_section (file, "chief_expert", NULL);
  g_assert_true (cwb_store_import_consortium (fixture->t.store, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cwb_expert_registry_set_chief (fixture->experts, cwb_consortium_get_id (file), id,
                                                "2026-03-01", "", &error));
  g_assert_no_error (error);

  show_page (fixture, "experts");
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 1);
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.remove", "x", id));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("remove") != NULL);
  cwb_test_respond (cwb_test_find_dialog ("remove"), "remove");

  /* the registry's refusal, shown as it is */
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("remove-refused") != NULL);
  refused = cwb_test_find_dialog ("remove-refused");
  g_assert_false (cwb_expert_registry_remove (fixture->experts, id, &expected));
  g_assert_cmpstr (adw_message_dialog_get_body (refused), ==, expected->message);
  g_assert_nonnull (strstr (expected->message, "海南省深海装备创新联合体"));
  cwb_test_respond (refused, "close");
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 1);
}

static char *
write_csv (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), "experts.csv", NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static GListModel *
dialog_rows (GtkWidget *dialog)
{
  GListModel *rows = NULL;

  g_object_get (dialog, "rows", &rows, NULL);
  if (rows != NULL)
    g_object_unref (rows);   /* the dialog keeps it */
  return rows;
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

static void
test_import_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_csv ("姓名,职称,职称级别,研究领域,工作单位,统一社会信用代码,电子邮箱\n"
                                     "王海洋,研究员,正高级,深海科技,海南大学," DEEP_SEA_HAINAN_U ",wang@hainanu.edu.cn\n"
                                     "坏代码,教授,正高级,深海科技,某大学,91460100000000119A,\n"
                                     "坏邮箱,教授,副高级,现代种业,某研究院,,bad-at-example\n"
                                     "李椰林,研究员,正高级,现代种业,中国热带农业科学院,,\n");
  GtkWidget *dialog;
  GListModel *rows;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  guint n_checked = 0;

  show_page (fixture, "experts");
  cwb_test_drain ();

  /* cancelled: nothing written */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.import-file", "s", path));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertImportDialog") != NULL);
  dialog = cwb_test_find_toplevel_by_name ("CwbExpertImportDialog");
  CWB_TEST_WAIT_FOR (dialog_rows (dialog) != NULL);
  g_assert_true (gtk_widget_activate_action (dialog, "import.cancel", NULL));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertImportDialog") == NULL);
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 0);

  /* the preview: each row with its problems, bad rows unchecked */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.import-file", "s", path));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertImportDialog") != NULL);
  dialog = cwb_test_find_toplevel_by_name ("CwbExpertImportDialog");
  CWB_TEST_WAIT_FOR (dialog_rows (dialog) != NULL);
  rows = dialog_rows (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, i);
      const char * const *problems = cwb_expert_import_row_get_problems (row);
      gboolean bad = (i == 1 || i == 2);

      g_assert_cmpuint (cwb_expert_import_row_get_line (row), ==, i + 2);
      g_assert_cmpint (problems != NULL && problems[0] != NULL, ==, bad);
      g_assert_cmpint (cwb_expert_import_row_get_accepted (row), ==, !bad);
    }

  /* the check boxes show it */
  cwb_test_spin_for (100);
  collect_checks (dialog, checks);
  g_assert_cmpuint (checks->len, ==, 4);
  for (guint i = 0; i < checks->len; i++)
    n_checked += gtk_check_button_get_active (g_ptr_array_index (checks, i));
  g_assert_cmpuint (n_checked, ==, 2);

  /* the user unchecks 李椰林: only 王海洋 is imported */
  {
    g_autoptr(CwbExpertImportRow) row = g_list_model_get_item (rows, 3);

    cwb_expert_import_row_set_accepted (row, FALSE);
  }
  g_assert_true (gtk_widget_activate_action (dialog, "import.apply", NULL));
  CWB_TEST_WAIT_FOR (cwb_test_find_toplevel_by_name ("CwbExpertImportDialog") == NULL);
  g_assert_cmpuint (cwb_expert_registry_count (fixture->experts), ==, 1);
  CWB_TEST_WAIT_FOR (n_listed (fixture) == 1);
  {
    g_autoptr(CwbExpert) first = g_list_model_get_item (G_LIST_MODEL (page_list (fixture)), 0);

    g_assert_cmpstr (cwb_expert_get_name (first), ==, "王海洋");
  }
}

static GtkWidget *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_progress_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The reading thread hands its progress to the main loop: the dialog does
 * not change until the main loop runs, however long the main thread stays
 * away from it. (It used to be shown from the reading thread itself whenever
 * the main thread was not iterating, which raced the main thread's style
 * validation and aborted in gtk_counting_bloom_filter_remove().) */
static void
test_import_progress_on_main_thread (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *path = write_csv ("姓名,职称,职称级别,研究领域,工作单位,统一社会信用代码,电子邮箱\n"
                                     "王海洋,研究员,正高级,深海科技,海南大学," DEEP_SEA_HAINAN_U ",wang@hainanu.edu.cn\n");
  GtkWidget *dialog;
  GtkProgressBar *bar;

  show_page (fixture, "experts");
  cwb_test_drain ();

  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.import-file", "s", path));
  dialog = cwb_test_find_toplevel_by_name ("CwbExpertImportDialog");
  g_assert_nonnull (dialog);
  bar = GTK_PROGRESS_BAR (find_progress_bar (dialog));
  g_assert_nonnull (bar);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.0);

  /* nothing to import yet: the button is off */
  g_assert_false (gtk_widget_is_sensitive (find_named (dialog, "apply")));

  /* the file is read meanwhile, and the main loop does not run */
  g_usleep (G_USEC_PER_SEC / 2);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0.0);

  /* the progress arrives through the main loop, before the rows */
  CWB_TEST_WAIT_FOR (dialog_rows (dialog) != NULL);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1.0);
  cwb_test_drain ();
  g_assert_true (gtk_widget_is_sensitive (find_named (dialog, "apply")));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  show_page (fixture, "experts");
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "experts.export-to", "s", path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "姓名"));
  g_assert_nonnull (strstr (contents, "王海洋"));
}

/* ------------------------------------------------------- chief expert */

static gint64
import_deep_sea (Fixture *fixture)
{
  g_autoptr(CwbConsortium) file = cwb_test_load_example ("deep-sea.consortium.json");
  g_autoptr(CwbConsortium) loaded = NULL;
  g_autoptr(GError) error = NULL;

  cwb_consortium_set_section (file, "chief_expert", NULL);
  g_assert_true (cwb_store_import_consortium (fixture->t.store, file, FALSE, &error));
  g_assert_no_error (error);
  loaded = cwb_store_load_consortium (fixture->t.store, cwb_consortium_get_id (file), &error);
  g_assert_no_error (error);
  cwb_context_set_consortium (fixture->t.context, loaded);

  return cwb_consortium_get_id (file);
}

static GtkListBox *
history_list (Fixture *fixture)
{
  GtkWidget *list = find_named (fixture->t.page, "history");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

/* The title of each AdwActionRow in the history, newest first, joined with "|". */
static char *
history_text (Fixture *fixture)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (history_list (fixture)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s%s / %s", text->len ? "|" : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (text, FALSE);
}

static gboolean
history_is (Fixture    *fixture,
            const char *expected)
{
  g_autofree char *text = history_text (fixture);

  return g_strcmp0 (text, expected) == 0;
}

static char *
stored_chief_name (Fixture *fixture,
                   gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) section = cwb_store_get_section (fixture->t.store, id, "chief_expert", &error);

  g_assert_no_error (error);
  if (section == NULL || !JSON_NODE_HOLDS_OBJECT (section))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (section), "name", NULL));
}

static void
test_chief_area (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CwbArea) area = cwb_test_find_area (fixture->t.engine, "chief-expert");
  GtkIconTheme *theme;

  show_page (fixture, "chief-expert");
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_assert_cmpstr (cwb_area_get_title (area), ==, "Chief Expert");
  g_assert_cmpint (cwb_area_get_priority (area), ==, 25);
  g_assert_cmpint (cwb_area_get_scope (area), ==, CWB_AREA_SCOPE_CONSORTIUM);
  g_assert_true (gtk_icon_theme_has_icon (theme, cwb_area_get_icon_name (area)));
}

static void
test_choose_chief (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 wang = add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  gint64 zhang = add_expert (fixture, "张深蓝", "广州某研究所", OUTSIDE_USCC, "深海科技（深海装备与海洋工程）");
  gint64 id;
  g_autofree char *name = NULL;
  g_autofree char *first = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  show_page (fixture, "chief-expert");
  id = import_deep_sea (fixture);
  CWB_TEST_WAIT_FOR (history_is (fixture, "No chief expert has been recorded. / "));

  /* the first choice needs no reason */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.choose", "x", wang));
  cwb_test_drain ();
  g_assert_cmpint (cwb_expert_registry_get_chief (fixture->experts, id), ==, wang);
  name = stored_chief_name (fixture, id);
  g_assert_cmpstr (name, ==, "王海洋");
  first = cwb_format_date ("2026-04-02");
  expected = g_strdup_printf ("王海洋 / since %s (current)", first);
  CWB_TEST_WAIT_FOR (history_is (fixture, expected));

  /* a change asks for the reason; cancelling changes nothing */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.choose", "x", zhang));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("chief-reason") != NULL);
  dialog = cwb_test_find_dialog ("chief-reason");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "change"));
  cwb_test_respond (dialog, "cancel");
  cwb_test_drain ();
  g_assert_cmpint (cwb_expert_registry_get_chief (fixture->experts, id), ==, wang);

  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.choose", "x", zhang));
  CWB_TEST_WAIT_FOR (cwb_test_find_dialog ("chief-reason") != NULL);
  dialog = cwb_test_find_dialog ("chief-reason");
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "原首席专家调任");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "change"));
  cwb_test_respond (dialog, "change");
  cwb_test_drain ();

  g_assert_cmpint (cwb_expert_registry_get_chief (fixture->experts, id), ==, zhang);
  g_clear_pointer (&name, g_free);
  name = stored_chief_name (fixture, id);
  g_assert_cmpstr (name, ==, "张深蓝");
  history = cwb_expert_registry_list_chief_history (fixture->experts, id, NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((CwbChiefAssignment *) g_ptr_array_index (history, 1))->reason, ==, "原首席专家调任");

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("张深蓝 / since %s (current) — reason: 原首席专家调任|王海洋 / %s to %s",
                              first, first, first);
  CWB_TEST_WAIT_FOR (history_is (fixture, expected));

  /* a change without a reason is refused */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.set", "(xs)", wang, "  "));
  cwb_test_drain ();
  g_assert_cmpint (cwb_expert_registry_get_chief (fixture->experts, id), ==, zhang);

  /* no consortium: the empty state */
  cwb_context_set_consortium (fixture->t.context, NULL);
  cwb_test_drain ();
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.choose", "x", wang));
  cwb_test_drain ();
  g_assert_cmpint (cwb_expert_registry_get_chief (fixture->experts, id), ==, zhang);
}

static gboolean
is_shown (Fixture    *fixture,
          const char *name)
{
  GtkWidget *widget = find_named (fixture->t.page, name);

  return widget != NULL && gtk_widget_is_visible (widget);
}

/* 六(三)(1): for staff, a change of chief expert after the consortium's
 * approval is counted above the history and marked on its row */
static void
test_chief_after_approval (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 wang = add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  gint64 zhang = add_expert (fixture, "张深蓝", "广州某研究所", OUTSIDE_USCC, "深海科技（深海装备与海洋工程）");
  g_autoptr(CwbStageEvent) approval = cwb_stage_event_new (CWB_STAGE_APPROVED, "2026-02-01",
                                                           "琼科〔2026〕8号", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  cwb_context_set_role (fixture->t.context, CWB_ROLE_AUTHORITY);
  show_page (fixture, "chief-expert");
  id = import_deep_sea (fixture);
  g_assert_true (cwb_expert_registry_set_chief (fixture->experts, id, wang, "2026-01-10", "", &error));
  g_assert_no_error (error);
  g_assert_true (cwb_store_append_stage_event (fixture->t.store, id, approval, NULL, &error));
  g_assert_no_error (error);
  cwb_test_spin_for (50);

  /* chosen before approval: nothing to flag */
  g_assert_false (is_shown (fixture, "approval-notice"));
  g_assert_false (is_shown (fixture, "after-approval"));

  /* changed today, after approval */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "chief.set", "(xs)", zhang, "原首席专家调任"));
  CWB_TEST_WAIT_FOR (is_shown (fixture, "approval-notice"));
  g_assert_true (is_shown (fixture, "after-approval"));

  /* a lead unit is not shown staff's flag */
  cwb_context_set_role (fixture->t.context, CWB_ROLE_LEAD);
  CWB_TEST_WAIT_FOR (!is_shown (fixture, "approval-notice"));
  g_assert_false (is_shown (fixture, "after-approval"));
  cwb_context_set_role (fixture->t.context, CWB_ROLE_AUTHORITY);
  CWB_TEST_WAIT_FOR (is_shown (fixture, "approval-notice"));

  /* the approval taken back: the flag goes with it */
  g_assert_true (cwb_store_remove_last_stage_event (fixture->t.store, id, NULL, &error));
  g_assert_no_error (error);
  CWB_TEST_WAIT_FOR (!is_shown (fixture, "approval-notice"));
  g_assert_false (is_shown (fixture, "after-approval"));
}

static void
test_chooser_search (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *search;
  GtkListView *view = NULL;

  add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  add_expert (fixture, "李椰林", "中国热带农业科学院", "", "现代种业");
  show_page (fixture, "chief-expert");
  import_deep_sea (fixture);
  cwb_test_drain ();

  search = find_named (fixture->t.page, "chooser-search");
  g_assert_nonnull (search);
  for (GtkWidget *w = gtk_widget_get_parent (search); w != NULL && view == NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *found = NULL;
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      g_ptr_array_add (stack, w);
      while (stack->len > 0 && found == NULL)
        {
          GtkWidget *top = g_ptr_array_steal_index (stack, stack->len - 1);

          if (GTK_IS_LIST_VIEW (top))
            found = top;
          for (GtkWidget *c = gtk_widget_get_first_child (top); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      view = found ? GTK_LIST_VIEW (found) : NULL;
    }
  g_assert_nonnull (view);
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) == 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "椰");
  CWB_TEST_WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) == 1);
}

static GtkWidget *
find_row (GtkWidget *list,
          gint64     expert_id)
{
  g_autofree char *name = g_strdup_printf ("expert-%" G_GINT64_FORMAT, expert_id);

  return find_named (list, name);
}

static void
test_reviewers (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 member = add_expert (fixture, "王海洋", "海南大学", DEEP_SEA_HAINAN_U, "深海科技");
  gint64 outside = add_expert (fixture, "张深蓝", "广州某研究所", OUTSIDE_USCC, "深海科技（深海装备与海洋工程）");
  gint64 seeds = add_expert (fixture, "李椰林", "中国热带农业科学院", "", "现代种业");
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "reviewers.xlsx", NULL);
  g_autoptr(CwbExpert) member_expert = cwb_expert_registry_get (fixture->experts, member, NULL);
  g_autofree char *reason = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  GtkWidget *group, *suggestions, *row;
  gint64 id;

  show_page (fixture, "chief-expert");
  id = import_deep_sea (fixture);
  cwb_test_drain ();

  /* not in the 牵头单位 role */
  group = find_named (fixture->t.page, "reviewers");
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));

  cwb_context_set_role (fixture->t.context, CWB_ROLE_AUTHORITY);
  CWB_TEST_WAIT_FOR (gtk_widget_get_visible (group));
  suggestions = find_named (fixture->t.page, "suggestions");
  CWB_TEST_WAIT_FOR (find_row (suggestions, outside) != NULL);

  /* the member-affiliated expert is excluded, with the reason shown */
  g_assert_cmpint (cwb_expert_registry_get_conflict (fixture->experts, cwb_context_get_consortium (fixture->t.context),
                                                     member_expert, &reason), ==, CWB_REVIEWER_CONFLICT_MEMBER);
  row = find_row (suggestions, member);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "cwb-reason"), ==, reason);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), reason));
  /* an expert of another industry is not suggested */
  g_assert_null (find_row (suggestions, seeds));

  /* choosing the excluded one is refused; the other is recorded with an opinion */
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "reviewers.add", "x", member));
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "reviewers.add", "x", outside));
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "reviewers.set-opinion", "(xs)", outside, "同意立项"));
  chosen = cwb_expert_registry_list_reviewers (fixture->experts, id, NULL);
  g_assert_cmpuint (chosen->len, ==, 1);
  g_assert_cmpint (cwb_expert_get_id (((CwbReviewer *) g_ptr_array_index (chosen, 0))->expert), ==, outside);
  g_assert_cmpstr (((CwbReviewer *) g_ptr_array_index (chosen, 0))->opinion, ==, "同意立项");
  CWB_TEST_WAIT_FOR (find_row (find_named (fixture->t.page, "chosen"), outside) != NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (gtk_widget_activate_action (fixture->t.page, "reviewers.export-to", "s", path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  cwb_test_init_gui (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/experts-page/registry/area", test_registry_area);
  ADD ("/experts-page/registry/list-and-search", test_registry_lists_and_searches);
  ADD ("/experts-page/registry/add-refuses-bad-uscc", test_add_dialog_refuses_bad_uscc);
  ADD ("/experts-page/registry/remove-asks-first", test_remove_asks_first);
  ADD ("/experts-page/registry/remove-refused", test_remove_refused);
  ADD ("/experts-page/registry/import-preview", test_import_preview);
  ADD ("/experts-page/registry/import-progress-on-main-thread", test_import_progress_on_main_thread);
  ADD ("/experts-page/registry/export", test_export);
  ADD ("/experts-page/chief/area", test_chief_area);
  ADD ("/experts-page/chief/choose-and-change", test_choose_chief);
  ADD ("/experts-page/chief/after-approval", test_chief_after_approval);
  ADD ("/experts-page/chief/search", test_chooser_search);
  ADD ("/experts-page/chief/reviewers", test_reviewers);

#undef ADD

  return g_test_run ();
}
