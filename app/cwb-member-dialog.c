/* cwb-member-dialog.c — adds or edits one member unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cwb-member-dialog"

#include "config.h"

#include <errno.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "cwb-member-dialog.h"
#include "cwb-member-dialog-private.h"

typedef struct
{
  GtkEntry *year;
  GtkEntry *rd_expense;
  GtkEntry *sales;
} FiscalRow;

struct _CwbMemberDialog
{
  CwbFormDialog       parent_instance;

  /* owned */
  CwbMember      *member;          /* a copy of the member being edited, or NULL */
  CwbMember      *other_lead;      /* a copy of the consortium's lead if it is another member */
  GPtrArray      *platforms;       /* CwbPlatform*, as shown */
  GArray         *fiscal;          /* FiscalRow, one per fiscal year L6 counts */
  guint           name_touched : 1;

  /* template children */
  GtkButton      *save_button;
  GtkLabel       *store_message;
  AdwEntryRow    *name_row;
  GtkWidget      *name_message_row;
  GtkLabel       *name_message;
  AdwEntryRow    *uscc_row;
  GtkWidget      *uscc_message_row;
  GtkLabel       *uscc_message;
  AdwComboRow    *kind_row;
  AdwActionRow   *lead_row;
  GtkSwitch      *lead_switch;
  GtkSwitch      *independent_switch;
  GtkSwitch      *registered_switch;
  GtkSwitch      *stationed_switch;
  GtkWidget      *above_size_row;
  GtkSwitch      *above_size_switch;
  GtkWidget      *high_tech_row;
  GtkSwitch      *high_tech_switch;
  GtkSwitch      *cooperation_switch;
  GtkSwitch      *capability_switch;
  GtkWidget      *lead_group;
  AdwEntryRow    *established_row;
  GtkWidget      *established_message_row;
  GtkLabel       *established_message;
  AdwEntryRow    *revenue_row;
  GtkWidget      *revenue_message_row;
  GtkLabel       *revenue_message;
  AdwEntryRow    *rd_staff_row;
  GtkWidget      *rd_staff_message_row;
  GtkLabel       *rd_staff_message;
  GtkSwitch      *has_platforms_switch;
  GtkListBox     *platforms_list;
  AdwEntryRow    *platform_add_row;
  GtkDropDown    *platform_level_dropdown;
  GtkDropDown    *platform_kind_dropdown;
  GtkLabel       *platform_message;
  GtkSwitch      *has_fiscal_years_switch;
  AdwPreferencesGroup *fiscal_group;
  GtkListBox     *fiscal_list;
  GtkLabel       *fiscal_message;
};

enum {
  PROP_0,
  PROP_MEMBER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (CwbMemberDialog, cwb_member_dialog, CWB_TYPE_FORM_DIALOG)

static CwbContext *
get_context (CwbMemberDialog *self)
{
  return cwb_form_dialog_get_context (CWB_FORM_DIALOG (self));
}

static gint64
get_consortium_id (CwbMemberDialog *self)
{
  return cwb_form_dialog_get_consortium_id (CWB_FORM_DIALOG (self));
}

static GParamSpec *properties[N_PROPS];

static const char *
platform_level_label (CwbPlatformLevel level)
{
  switch (level)
    {
    case CWB_PLATFORM_LEVEL_NATIONAL:    return _("National");
    case CWB_PLATFORM_LEVEL_MINISTERIAL: return _("Ministerial");
    case CWB_PLATFORM_LEVEL_PROVINCIAL:  return _("Provincial");
    case CWB_PLATFORM_LEVEL_MUNICIPAL:   return _("Municipal");
    case CWB_PLATFORM_LEVEL_OTHER:
    default:                             return _("Other");
    }
}

static const char *
platform_kind_label (CwbPlatformKind kind)
{
  switch (kind)
    {
    case CWB_PLATFORM_KIND_KEY_LAB:                return _("Key laboratory");
    case CWB_PLATFORM_KIND_INNOVATION_CENTER:      return _("Technology innovation center");
    case CWB_PLATFORM_KIND_ENGINEERING_CENTER:     return _("Engineering research center");
    case CWB_PLATFORM_KIND_ENTERPRISE_TECH_CENTER: return _("Enterprise technology center");
    case CWB_PLATFORM_KIND_PILOT_BASE:             return _("Pilot test base");
    case CWB_PLATFORM_KIND_OTHER:
    default:                                       return _("Other");
    }
}

/* The field's text without white space at either end (U+3000 too) */
static char *
dup_trimmed_text (gpointer editable)
{
  return cwb_text_dup_stripped (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

/* The code as typed, without surrounding spaces, letters in upper case. */
static char *
dup_uscc (CwbMemberDialog *self)
{
  g_autofree char *text = dup_trimmed_text (self->uscc_row);

  return g_ascii_strup (text, -1);
}

static void
set_message (GtkWidget  *row,
             GtkLabel   *label,
             const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (row, text != NULL && *text != '\0');
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* An optional non-negative integer: empty gives CWB_UNKNOWN. */
static gboolean
parse_count (const char *text,
             int        *value)
{
  char *end = NULL;
  gint64 n;

  if (*text == '\0')
    {
      *value = CWB_UNKNOWN;
      return TRUE;
    }

  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  errno = 0;
  n = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || *end != '\0' || n > G_MAXINT / 2)
    return FALSE;

  *value = (int) n;
  return TRUE;
}

/* An optional amount in 万元: empty gives CWB_UNKNOWN. */
static gboolean
parse_optional_wan (const char  *text,
                    gint64      *yuan,
                    GError     **error)
{
  if (*text == '\0')
    {
      *yuan = CWB_UNKNOWN;
      return TRUE;
    }

  return cwb_parse_wan (text, yuan, error);
}

static gboolean
is_enterprise (CwbMemberDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == CWB_MEMBER_KIND_ENTERPRISE;
}

/* Reads the fiscal-year rows. On failure @error says which row and why. */
static gboolean
read_fiscal_years (CwbMemberDialog  *self,
                   GPtrArray        *years,
                   GError          **error)
{
  for (guint i = 0; i < self->fiscal->len; i++)
    {
      const FiscalRow *fiscal = &g_array_index (self->fiscal, FiscalRow, i);
      g_autofree char *year_text = dup_trimmed_text (fiscal->year);
      g_autofree char *rd_text = dup_trimmed_text (fiscal->rd_expense);
      g_autofree char *sales_text = dup_trimmed_text (fiscal->sales);
      g_autoptr(GError) local_error = NULL;
      gint64 rd = CWB_UNKNOWN, sales = CWB_UNKNOWN;
      int year;

      if (*year_text == '\0')
        {
          if (*rd_text != '\0' || *sales_text != '\0')
            {
              g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Row %u of the fiscal years: enter the year."), i + 1);
              return FALSE;
            }
          continue;
        }

      if (!parse_count (year_text, &year) || year < 1900 || year > 2999)
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("Row %u of the fiscal years: “%s” is not a year; write four digits, e.g. 2024."),
                       i + 1, year_text);
          return FALSE;
        }

      for (guint j = 0; j < years->len; j++)
        {
          CwbFiscalYear *other = g_ptr_array_index (years, j);

          if (other->year == year)
            {
              g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                           _("Row %u of the fiscal years: the year %d is given twice."),
                           i + 1, year);
              return FALSE;
            }
        }

      if (!parse_optional_wan (rd_text, &rd, &local_error))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("Row %u of the fiscal years, R&D expense: %s"),
                       i + 1, local_error->message);
          return FALSE;
        }

      if (!parse_optional_wan (sales_text, &sales, &local_error))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("Row %u of the fiscal years, sales revenue: %s"),
                       i + 1, local_error->message);
          return FALSE;
        }

      g_ptr_array_add (years, cwb_fiscal_year_new (year, rd, sales));
    }

  return TRUE;
}

/* Checks every field, shows each message beside its field and sets Save's
 * sensitivity. Returns TRUE when the form can be saved. */
static gboolean
update_validity (CwbMemberDialog *self)
{
  g_autofree char *name = dup_trimmed_text (self->name_row);
  g_autofree char *uscc = dup_uscc (self);
  gboolean valid = TRUE;
  gboolean lead = gtk_switch_get_active (self->lead_switch);

  /* name */
  if (*name == '\0')
    {
      valid = FALSE;
      set_message (self->name_message_row, self->name_message,
                   self->name_touched ? _("Enter the unit’s name.") : NULL);
      set_row_error (self->name_row, self->name_touched);
    }
  else
    {
      set_message (self->name_message_row, self->name_message, NULL);
      set_row_error (self->name_row, FALSE);
    }

  /* USCC, checked as it is typed */
  if (*uscc == '\0')
    {
      valid = FALSE;
      set_message (self->uscc_message_row, self->uscc_message, NULL);
      set_row_error (self->uscc_row, FALSE);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      if (!cwb_uscc_validate (uscc, &error))
        {
          valid = FALSE;
          set_message (self->uscc_message_row, self->uscc_message, error->message);
          set_row_error (self->uscc_row, TRUE);
        }
      else
        {
          set_message (self->uscc_message_row, self->uscc_message, NULL);
          set_row_error (self->uscc_row, FALSE);
        }
    }

  /* the lead's figures count only for the lead */
  if (lead)
    {
      g_autofree char *established = dup_trimmed_text (self->established_row);
      g_autofree char *revenue = dup_trimmed_text (self->revenue_row);
      g_autofree char *rd_staff = dup_trimmed_text (self->rd_staff_row);
      g_autoptr(GError) error = NULL;
      gint64 yuan;
      int staff;

      if (*established != '\0' && !cwb_date_is_valid (established))
        {
          g_autofree char *text =
            g_strdup_printf (_("“%s” is not a valid date: write the date of establishment as YYYY-MM-DD, e.g. 2008-05-12."),
                             established);
          valid = FALSE;
          set_message (self->established_message_row, self->established_message, text);
          set_row_error (self->established_row, TRUE);
        }
      else
        {
          set_message (self->established_message_row, self->established_message, NULL);
          set_row_error (self->established_row, FALSE);
        }

      if (!parse_optional_wan (revenue, &yuan, &error))
        {
          valid = FALSE;
          gtk_widget_add_css_class (GTK_WIDGET (self->revenue_message), "error");
          gtk_widget_remove_css_class (GTK_WIDGET (self->revenue_message), "dim-label");
          set_message (self->revenue_message_row, self->revenue_message, error->message);
          set_row_error (self->revenue_row, TRUE);
        }
      else
        {
          g_autofree char *money = yuan != CWB_UNKNOWN ? cwb_format_money (yuan) : NULL;
          g_autofree char *text = money ? g_strdup_printf (_("That is %s."), money) : NULL;

          gtk_widget_remove_css_class (GTK_WIDGET (self->revenue_message), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->revenue_message), "dim-label");
          set_message (self->revenue_message_row, self->revenue_message, text);
          set_row_error (self->revenue_row, FALSE);
        }

      if (!parse_count (rd_staff, &staff))
        {
          g_autofree char *text =
            g_strdup_printf (_("“%s” is not a number of persons: write a whole number such as 35, or leave it empty if not known."),
                             rd_staff);
          valid = FALSE;
          set_message (self->rd_staff_message_row, self->rd_staff_message, text);
          set_row_error (self->rd_staff_row, TRUE);
        }
      else
        {
          set_message (self->rd_staff_message_row, self->rd_staff_message, NULL);
          set_row_error (self->rd_staff_row, FALSE);
        }

      if (gtk_switch_get_active (self->has_fiscal_years_switch))
        {
          g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_fiscal_year_free);
          g_autoptr(GError) fiscal_error = NULL;

          if (!read_fiscal_years (self, years, &fiscal_error))
            {
              valid = FALSE;
              gtk_label_set_text (self->fiscal_message, fiscal_error->message);
              gtk_widget_set_visible (GTK_WIDGET (self->fiscal_message), TRUE);
            }
          else
            gtk_widget_set_visible (GTK_WIDGET (self->fiscal_message), FALSE);
        }
      else
        gtk_widget_set_visible (GTK_WIDGET (self->fiscal_message), FALSE);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), valid);

  return valid;
}

static void
update_lead_note (CwbMemberDialog *self)
{
  if (gtk_switch_get_active (self->lead_switch) && self->other_lead != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("“%s” is the lead unit now; saving makes it an ordinary member unit."),
                         cwb_member_get_name (self->other_lead));
      adw_action_row_set_subtitle (self->lead_row, text);
    }
  else
    adw_action_row_set_subtitle (self->lead_row, "");
}

static void
field_changed_cb (CwbMemberDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->store_message), FALSE);
  update_validity (self);
}

static void
name_changed_cb (CwbMemberDialog *self)
{
  self->name_touched = TRUE;
}

static void
kind_changed_cb (CwbMemberDialog *self)
{
  gboolean enterprise = is_enterprise (self);

  gtk_widget_set_sensitive (self->above_size_row, enterprise);
  gtk_widget_set_sensitive (self->high_tech_row, enterprise);
}

static void
lead_changed_cb (CwbMemberDialog *self)
{
  update_lead_note (self);
  update_validity (self);
}

static void
fiscal_entry_changed_cb (CwbMemberDialog *self)
{
  update_validity (self);
}

static void remove_platform_cb (CwbMemberDialog *self,
                                GtkButton       *button);

static void
rebuild_platform_rows (CwbMemberDialog *self)
{
  GtkWidget *child;

  /* every row but the last one, the add row */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->platforms_list))) != NULL &&
         child != GTK_WIDGET (self->platform_add_row))
    gtk_list_box_remove (self->platforms_list, child);

  for (guint i = 0; i < self->platforms->len; i++)
    {
      CwbPlatform *platform = g_ptr_array_index (self->platforms, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;

      /* TRANSLATORS: a platform's level and kind, e.g. "省级 · 工程研究中心" */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  platform_level_label (platform->level),
                                  platform_kind_label (platform->kind));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), platform->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Remove Platform"));
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "platform-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_platform_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_insert (self->platforms_list, row, (int) i);
    }
}

static void
remove_platform_cb (CwbMemberDialog *self,
                    GtkButton       *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "platform-index"));

  if (index < self->platforms->len)
    {
      g_ptr_array_remove_index (self->platforms, index);
      rebuild_platform_rows (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->platform_add_row));
    }
}

static void
platform_add_cb (CwbMemberDialog *self)
{
  g_autofree char *name = dup_trimmed_text (self->platform_add_row);
  guint level = gtk_drop_down_get_selected (self->platform_level_dropdown);
  guint kind = gtk_drop_down_get_selected (self->platform_kind_dropdown);

  if (*name == '\0')
    {
      gtk_label_set_text (self->platform_message, _("Enter the platform’s name before adding it."));
      gtk_widget_set_visible (GTK_WIDGET (self->platform_message), TRUE);
      return;
    }

  if (level > CWB_PLATFORM_LEVEL_OTHER)
    level = CWB_PLATFORM_LEVEL_OTHER;
  if (kind > CWB_PLATFORM_KIND_OTHER)
    kind = CWB_PLATFORM_KIND_OTHER;

  gtk_widget_set_visible (GTK_WIDGET (self->platform_message), FALSE);
  g_ptr_array_add (self->platforms, cwb_platform_new (name, level, kind));
  gtk_editable_set_text (GTK_EDITABLE (self->platform_add_row), "");
  rebuild_platform_rows (self);
}

/* One row per fiscal year the rule set's L6 counts */
static void
build_fiscal_rows (CwbMemberDialog *self)
{
  guint n = cwb_rule_set_get_fiscal_years (cwb_context_get_rules (get_context (self)));
  g_autofree char *title = NULL;

  /* TRANSLATORS: %u is how many fiscal years rule L6 counts (three) */
  title = g_strdup_printf (_("Last %u Fiscal Years"), n);
  adw_preferences_group_set_title (self->fiscal_group, title);

  g_array_set_size (self->fiscal, n);
  for (guint i = 0; i < n; i++)
    {
      FiscalRow *fiscal = &g_array_index (self->fiscal, FiscalRow, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      struct {
        GtkEntry  **entry;
        const char *caption;
        int         width;
      } fields[] = {
        { &fiscal->year,       _("Year"),                       6 },
        { &fiscal->rd_expense, _("R&D expense, 10,000 yuan"),   10 },
        { &fiscal->sales,      _("Sales revenue, 10,000 yuan"), 10 },
      };

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_box_set_homogeneous (GTK_BOX (box), TRUE);

      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
          GtkWidget *caption = gtk_label_new (fields[j].caption);
          GtkWidget *entry = gtk_entry_new ();

          gtk_label_set_xalign (GTK_LABEL (caption), 0);
          gtk_widget_add_css_class (caption, "caption");
          gtk_widget_add_css_class (caption, "dim-label");
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), fields[j].width);
          gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, fields[j].caption,
                                          -1);
          g_signal_connect_object (entry, "changed", G_CALLBACK (fiscal_entry_changed_cb),
                                   self, G_CONNECT_SWAPPED);

          gtk_box_append (GTK_BOX (column), caption);
          gtk_box_append (GTK_BOX (column), entry);
          gtk_box_append (GTK_BOX (box), column);
          *fields[j].entry = GTK_ENTRY (entry);
        }

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->fiscal_list, row);
    }
}

/* Fills the form from the member being edited (or the defaults for a new one). */
static void
load_member (CwbMemberDialog *self)
{
  CwbMember *member = self->member;
  g_autoptr(CwbMember) blank = NULL;
  GPtrArray *years;
  gint64 revenue;
  int staff;

  if (member == NULL)
    {
      blank = cwb_member_new ();
      cwb_member_set_independent_legal_person (blank, TRUE);
      member = blank;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), cwb_member_get_name (member) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->uscc_row), cwb_member_get_uscc (member) ?: "");
  adw_combo_row_set_selected (self->kind_row, cwb_member_get_kind (member));
  gtk_switch_set_active (self->lead_switch, cwb_member_get_lead (member));
  gtk_switch_set_active (self->independent_switch, cwb_member_get_independent_legal_person (member));
  gtk_switch_set_active (self->registered_switch, cwb_member_get_registered_in_hainan (member));
  gtk_switch_set_active (self->stationed_switch, cwb_member_get_stationed_in_hainan (member));
  gtk_switch_set_active (self->above_size_switch, cwb_member_get_above_designated_size (member));
  gtk_switch_set_active (self->high_tech_switch, cwb_member_get_high_tech (member));
  gtk_switch_set_active (self->cooperation_switch, cwb_member_get_cooperation_basis (member));
  gtk_switch_set_active (self->capability_switch, cwb_member_get_capability (member));

  gtk_editable_set_text (GTK_EDITABLE (self->established_row), cwb_member_get_established (member) ?: "");

  revenue = cwb_member_get_revenue (member);
  if (revenue != CWB_UNKNOWN)
    {
      g_autofree char *wan = cwb_format_wan (revenue);
      gtk_editable_set_text (GTK_EDITABLE (self->revenue_row), wan);
    }

  staff = cwb_member_get_rd_staff_fulltime (member);
  if (staff != CWB_UNKNOWN)
    {
      g_autofree char *text = g_strdup_printf ("%d", staff);
      gtk_editable_set_text (GTK_EDITABLE (self->rd_staff_row), text);
    }

  gtk_switch_set_active (self->has_platforms_switch, cwb_member_get_has_platforms (member));
  for (guint i = 0; i < cwb_member_get_platforms (member)->len; i++)
    g_ptr_array_add (self->platforms,
                     cwb_platform_copy (g_ptr_array_index (cwb_member_get_platforms (member), i)));
  rebuild_platform_rows (self);

  gtk_switch_set_active (self->has_fiscal_years_switch, cwb_member_get_has_fiscal_years (member));
  years = cwb_member_get_fiscal_years (member);
  for (guint i = 0; i < years->len && i < self->fiscal->len; i++)
    {
      const FiscalRow *fiscal = &g_array_index (self->fiscal, FiscalRow, i);
      CwbFiscalYear *fy = g_ptr_array_index (years, i);
      g_autofree char *year = g_strdup_printf ("%d", fy->year);

      gtk_editable_set_text (GTK_EDITABLE (fiscal->year), year);
      if (fy->rd_expense >= 0)
        {
          g_autofree char *wan = cwb_format_wan (fy->rd_expense);
          gtk_editable_set_text (GTK_EDITABLE (fiscal->rd_expense), wan);
        }
      if (fy->sales >= 0)
        {
          g_autofree char *wan = cwb_format_wan (fy->sales);
          gtk_editable_set_text (GTK_EDITABLE (fiscal->sales), wan);
        }
    }

  if (self->member != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Edit Member Unit"));

  kind_changed_cb (self);
}

/* The consortium's lead, if it is another member than the one edited. */
static void
find_other_lead (CwbMemberDialog *self)
{
  CwbConsortium *current = cwb_context_get_consortium (get_context (self));
  g_autoptr(CwbConsortium) loaded = NULL;
  CwbMember *lead;

  if (current == NULL || cwb_consortium_get_id (current) != get_consortium_id (self))
    {
      CwbStore *store = cwb_context_get_store (get_context (self));
      g_autoptr(GError) error = NULL;

      if (store == NULL)
        return;

      loaded = cwb_store_load_consortium (store, get_consortium_id (self), &error);
      if (loaded == NULL)
        {
          g_debug ("Cannot load consortium %" G_GINT64_FORMAT ": %s",
                   get_consortium_id (self), error->message);
          return;
        }
      current = loaded;
    }

  lead = cwb_consortium_get_lead (current);
  if (lead == NULL)
    return;

  if (self->member != NULL &&
      (cwb_member_get_id (lead) == cwb_member_get_id (self->member) ||
       g_strcmp0 (cwb_member_get_uscc (lead), cwb_member_get_uscc (self->member)) == 0))
    return;

  self->other_lead = cwb_member_copy (lead);
}

static void
save_clicked_cb (CwbMemberDialog *self)
{
  g_autoptr(GError) error = NULL;

  cwb_member_dialog_save (self, &error);
}

static void
cwb_member_dialog_constructed (GObject *object)
{
  CwbMemberDialog *self = CWB_MEMBER_DIALOG (object);

  G_OBJECT_CLASS (cwb_member_dialog_parent_class)->constructed (object);

  build_fiscal_rows (self);
  find_other_lead (self);
  load_member (self);

  /* what load_member() typed is not the user's doing */
  self->name_touched = FALSE;
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (name_changed_cb),
                           self, G_CONNECT_SWAPPED);

  update_lead_note (self);
  update_validity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
cwb_member_dialog_dispose (GObject *object)
{
  CwbMemberDialog *self = CWB_MEMBER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CWB_TYPE_MEMBER_DIALOG);
  g_clear_object (&self->member);
  g_clear_object (&self->other_lead);

  G_OBJECT_CLASS (cwb_member_dialog_parent_class)->dispose (object);
}

static void
cwb_member_dialog_finalize (GObject *object)
{
  CwbMemberDialog *self = CWB_MEMBER_DIALOG (object);

  g_clear_pointer (&self->platforms, g_ptr_array_unref);
  g_clear_pointer (&self->fiscal, g_array_unref);

  G_OBJECT_CLASS (cwb_member_dialog_parent_class)->finalize (object);
}

static void
cwb_member_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CwbMemberDialog *self = CWB_MEMBER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, self->member);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CwbMemberDialog *self = CWB_MEMBER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MEMBER:
      {
        CwbMember *member = g_value_get_object (value);
        self->member = member ? cwb_member_copy (member) : NULL;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cwb_member_dialog_class_init (CwbMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cwb_member_dialog_constructed;
  object_class->dispose = cwb_member_dialog_dispose;
  object_class->finalize = cwb_member_dialog_finalize;
  object_class->get_property = cwb_member_dialog_get_property;
  object_class->set_property = cwb_member_dialog_set_property;

  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, CWB_TYPE_MEMBER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cwb/ConsortiumWorkbench/cwb-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, store_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, name_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, uscc_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, uscc_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, uscc_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, lead_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, independent_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, registered_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, stationed_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, above_size_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, above_size_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, high_tech_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, high_tech_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, cooperation_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, capability_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, lead_group);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, established_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, established_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, established_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, revenue_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, revenue_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, revenue_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, rd_staff_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, rd_staff_message_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, rd_staff_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, has_platforms_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, platforms_list);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, platform_add_row);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, platform_level_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, platform_kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, platform_message);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, has_fiscal_years_switch);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, fiscal_group);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, fiscal_list);
  gtk_widget_class_bind_template_child (widget_class, CwbMemberDialog, fiscal_message);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lead_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, platform_add_cb);

}

static void
cwb_member_dialog_init (CwbMemberDialog *self)
{
  self->platforms = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_platform_free);
  self->fiscal = g_array_new (FALSE, TRUE, sizeof (FiscalRow));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cwb_member_dialog_new:
 * @context: the host's context
 * @consortium_id: the consortium the member belongs to
 * @member: (nullable): the member to edit, or %NULL to add one
 *
 * Returns: (transfer floating): a new dialog, not yet shown
 */
CwbMemberDialog *
cwb_member_dialog_new (CwbContext *context,
                       gint64      consortium_id,
                       CwbMember  *member)
{
  g_return_val_if_fail (CWB_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (consortium_id > 0, NULL);
  g_return_val_if_fail (member == NULL || CWB_IS_MEMBER (member), NULL);

  return g_object_new (CWB_TYPE_MEMBER_DIALOG,
                       "context", context,
                       "consortium-id", consortium_id,
                       "member", member,
                       NULL);
}

/* Builds the member the form describes. (transfer full) */
static CwbMember *
build_member (CwbMemberDialog  *self,
              GError          **error)
{
  g_autoptr(CwbMember) member = NULL;
  g_autofree char *name = dup_trimmed_text (self->name_row);
  g_autofree char *uscc = dup_uscc (self);
  gboolean enterprise = is_enterprise (self);
  gboolean lead = gtk_switch_get_active (self->lead_switch);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (*name == '\0')
    {
      g_set_error_literal (error, CWB_ERROR, CWB_ERROR_INVALID, _("Enter the unit’s name."));
      return NULL;
    }

  if (!cwb_uscc_validate (uscc, error))
    return NULL;

  member = self->member ? cwb_member_copy (self->member) : cwb_member_new ();
  cwb_member_set_name (member, name);
  cwb_member_set_uscc (member, uscc);
  cwb_member_set_kind (member, kind <= CWB_MEMBER_KIND_OTHER ? kind : CWB_MEMBER_KIND_OTHER);
  cwb_member_set_lead (member, lead);
  cwb_member_set_independent_legal_person (member, gtk_switch_get_active (self->independent_switch));
  cwb_member_set_registered_in_hainan (member, gtk_switch_get_active (self->registered_switch));
  cwb_member_set_stationed_in_hainan (member, gtk_switch_get_active (self->stationed_switch));
  cwb_member_set_above_designated_size (member, enterprise && gtk_switch_get_active (self->above_size_switch));
  cwb_member_set_high_tech (member, enterprise && gtk_switch_get_active (self->high_tech_switch));
  cwb_member_set_cooperation_basis (member, gtk_switch_get_active (self->cooperation_switch));
  cwb_member_set_capability (member, gtk_switch_get_active (self->capability_switch));

  /* the figures of a member that is not the lead are kept as they were */
  if (lead)
    {
      g_autofree char *established = dup_trimmed_text (self->established_row);
      g_autofree char *revenue_text = dup_trimmed_text (self->revenue_row);
      g_autofree char *staff_text = dup_trimmed_text (self->rd_staff_row);
      g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) cwb_fiscal_year_free);
      gboolean has_years = gtk_switch_get_active (self->has_fiscal_years_switch);
      gboolean has_platforms = gtk_switch_get_active (self->has_platforms_switch);
      GPtrArray *array;
      gint64 revenue;
      int staff;

      if (*established != '\0' && !cwb_date_is_valid (established))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("“%s” is not a valid date: write the date of establishment as YYYY-MM-DD, e.g. 2008-05-12."),
                       established);
          return NULL;
        }

      if (!parse_optional_wan (revenue_text, &revenue, error))
        return NULL;

      if (!parse_count (staff_text, &staff))
        {
          g_set_error (error, CWB_ERROR, CWB_ERROR_INVALID,
                       _("“%s” is not a number of persons: write a whole number such as 35, or leave it empty if not known."),
                       staff_text);
          return NULL;
        }

      if (has_years && !read_fiscal_years (self, years, error))
        return NULL;

      cwb_member_set_established (member, *established ? established : NULL);
      cwb_member_set_revenue (member, revenue);
      cwb_member_set_rd_staff_fulltime (member, staff);

      cwb_member_set_has_platforms (member, has_platforms);
      array = cwb_member_get_platforms (member);
      g_ptr_array_set_size (array, 0);
      if (has_platforms)
        for (guint i = 0; i < self->platforms->len; i++)
          g_ptr_array_add (array, cwb_platform_copy (g_ptr_array_index (self->platforms, i)));

      cwb_member_set_has_fiscal_years (member, has_years);
      array = cwb_member_get_fiscal_years (member);
      g_ptr_array_set_size (array, 0);
      if (has_years)
        for (guint i = 0; i < years->len; i++)
          g_ptr_array_add (array, cwb_fiscal_year_copy (g_ptr_array_index (years, i)));
    }

  return g_steal_pointer (&member);
}

typedef struct
{
  CwbMemberDialog *self;
  CwbMember       *member;
} SaveArgs;

/* One transaction: the old lead demoted, then the member written */
static gboolean
save_in_transaction (CwbStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  SaveArgs *args = user_data;
  CwbMemberDialog *self = args->self;

  if (cwb_member_get_lead (args->member) && self->other_lead != NULL)
    {
      g_autoptr(CwbMember) demoted_lead = cwb_member_copy (self->other_lead);

      cwb_member_set_lead (demoted_lead, FALSE);
      if (!cwb_store_update_member (store, demoted_lead, error))
        return FALSE;
    }

  if (self->member == NULL)
    return cwb_store_insert_member (store, get_consortium_id (self), G_MAXUINT, args->member, error);

  return cwb_store_update_member (store, args->member, error);
}

/**
 * cwb_member_dialog_save:
 * @self: a #CwbMemberDialog
 * @error: return location for a #GError
 *
 * Validates the form and writes the member through the store: inserted at
 * the end when adding, updated when editing. If the member becomes the lead,
 * the previous lead is made an ordinary member in the same transaction, so
 * both land or neither does. Closes the dialog on success; on failure the
 * message is shown in the dialog and nothing changed.
 *
 * Returns: %TRUE if the member was stored
 */
gboolean
cwb_member_dialog_save (CwbMemberDialog  *self,
                        GError          **error)
{
  g_autoptr(CwbMember) member = NULL;
  g_autoptr(GError) local_error = NULL;
  CwbStore *store;

  g_return_val_if_fail (CWB_IS_MEMBER_DIALOG (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = cwb_context_get_store (get_context (self));

  if (!update_validity (self))
    {
      /* the fields say what is wrong; the error names the first problem */
      member = build_member (self, &local_error);
      if (member != NULL)
        {
          g_clear_object (&member);
          g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_INVALID,
                               _("Correct the fields marked in red first."));
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  member = build_member (self, &local_error);
  if (member == NULL)
    goto failed;

  if (store == NULL)
    {
      g_set_error_literal (&local_error, CWB_ERROR, CWB_ERROR_STORE,
                           _("There is no workspace database to write to."));
      goto failed;
    }

  if (!cwb_store_run_in_transaction (store, save_in_transaction,
                                     &(SaveArgs) { self, member }, &local_error))
    goto failed;

  gtk_widget_set_visible (GTK_WIDGET (self->store_message), FALSE);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;

failed:
  gtk_label_set_text (self->store_message, local_error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->store_message), TRUE);
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

/* (transfer none) */
gpointer
_cwb_member_dialog_get_child (CwbMemberDialog *self,
                              const char      *id)
{
  g_return_val_if_fail (CWB_IS_MEMBER_DIALOG (self), NULL);

  return gtk_widget_get_template_child (GTK_WIDGET (self), CWB_TYPE_MEMBER_DIALOG, id);
}
