/* steady-summary-group.c: the "Summary for My Next Session" settings
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-summary-group"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-data-actions.h"
#include "steady-summary-group.h"

/**
 * SteadySummaryGroup:
 *
 * Which days the summary covers (by default since the last session, as
 * steady_data_summary_range() says), whether the person's own words go in
 * (off by default), and Save or Print. The days are chosen with two date
 * rows; the first can never come after the last.
 */
struct _SteadySummaryGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  SteadyStore         *store;
  GDate                from;
  GDate                to;

  /* Children */
  AdwActionRow        *from_row;
  AdwActionRow        *to_row;
  GtkCalendar         *from_calendar;
  GtkCalendar         *to_calendar;
  GtkSwitch           *notes_switch;

  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (SteadySummaryGroup, steady_summary_group, ADW_TYPE_PREFERENCES_GROUP)

static GDateTime *
to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                0, 0, 0);
}

static void
sync_row (AdwActionRow *row,
          GtkCalendar  *calendar,
          const GDate  *date)
{
  g_autoptr(GDateTime) time = to_date_time (date);
  /* Translators: a day the summary starts or ends; see g_date_time_format() */
  g_autofree char *text = g_date_time_format (time, _("%A, %B %-d, %Y"));

  adw_action_row_set_subtitle (row, text);
  gtk_calendar_select_day (calendar, time);
}

static void
show_range (SteadySummaryGroup *self)
{
  self->syncing = TRUE;
  sync_row (self->from_row, self->from_calendar, &self->from);
  sync_row (self->to_row, self->to_calendar, &self->to);
  self->syncing = FALSE;
}

static void
day_selected_cb (GtkCalendar        *calendar,
                 SteadySummaryGroup *self)
{
  g_autoptr(GDateTime) picked = NULL;
  GDate day;

  if (self->syncing)
    return;

  picked = gtk_calendar_get_date (calendar);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));

  if (calendar == self->from_calendar)
    steady_summary_group_set_from (self, &day);
  else
    steady_summary_group_set_to (self, &day);

  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static AdwActionRow *
add_date_row (SteadySummaryGroup  *self,
              const char          *title,
              const char          *button_label,
              GtkCalendar        **out_calendar)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, button_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  adw_action_row_add_suffix (row, button);
  adw_action_row_set_activatable_widget (row, button);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));

  *out_calendar = GTK_CALENDAR (calendar);
  return row;
}

static GtkWidget *
add_action_row (SteadySummaryGroup *self,
                const char         *title,
                const char         *action)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  return row;
}

static GtkWindow *
get_window (SteadySummaryGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadySummaryGroup *self = STEADY_SUMMARY_GROUP (widget);

  if (self->store != NULL && get_window (self) != NULL)
    steady_data_save_summary (get_window (self), self->store, &self->from, &self->to,
                              gtk_switch_get_active (self->notes_switch));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadySummaryGroup *self = STEADY_SUMMARY_GROUP (widget);

  if (self->store != NULL && get_window (self) != NULL)
    steady_data_print_summary (get_window (self), self->store, &self->from, &self->to,
                               gtk_switch_get_active (self->notes_switch));
}

static void
build (SteadySummaryGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  GtkWidget *notes_row = adw_action_row_new ();

  adw_preferences_group_set_title (group, _("Summary for My Next Session"));
  adw_preferences_group_set_description (group,
                                         _("A PDF of your check-ins, with mood and craving, triggers, skills and attendance, to bring to your care team. It covers the days since your last session unless you choose others."));

  self->from_row = add_date_row (self, _("From"), _("Choose the first day"), &self->from_calendar);
  self->to_row = add_date_row (self, _("Until"), _("Choose the last day"), &self->to_calendar);

  self->notes_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->notes_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (notes_row), _("Include My Notes"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (notes_row), _("Off by default: your notes stay private unless you choose"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (notes_row), GTK_WIDGET (self->notes_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (notes_row), GTK_WIDGET (self->notes_switch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Include My Notes"),
                                  -1);
  adw_preferences_group_add (group, notes_row);

  add_action_row (self, _("Save the Summary as PDF…"), "summary.save");
  add_action_row (self, _("Print the Summary…"), "summary.print");
}

static void
steady_summary_group_finalize (GObject *object)
{
  SteadySummaryGroup *self = (SteadySummaryGroup *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_summary_group_parent_class)->finalize (object);
}

static void
steady_summary_group_class_init (SteadySummaryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = steady_summary_group_finalize;

  gtk_widget_class_install_action (widget_class, "summary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
}

static void
steady_summary_group_init (SteadySummaryGroup *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
}

/**
 * steady_summary_group_new:
 * @store: (nullable): the store, or %NULL when it could not be opened
 *
 * Returns: (transfer floating): the group
 */
GtkWidget *
steady_summary_group_new (SteadyStore *store)
{
  SteadySummaryGroup *self = g_object_new (STEADY_TYPE_SUMMARY_GROUP, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  build (self);

  if (store != NULL)
    steady_data_summary_range (store, &self->from, &self->to);
  else
    {
      g_date_set_time_t (&self->to, time (NULL));
      self->from = self->to;
    }
  show_range (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.save", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);

  return GTK_WIDGET (self);
}

/**
 * steady_summary_group_get_range:
 * @from: (out): the first day
 * @to: (out): the last day
 */
void
steady_summary_group_get_range (SteadySummaryGroup *self,
                                GDate              *from,
                                GDate              *to)
{
  g_return_if_fail (STEADY_IS_SUMMARY_GROUP (self));

  *from = self->from;
  *to = self->to;
}

/**
 * steady_summary_group_set_from:
 * @from: the first day; the last day moves with it if it was earlier
 */
void
steady_summary_group_set_from (SteadySummaryGroup *self,
                               const GDate        *from)
{
  g_return_if_fail (STEADY_IS_SUMMARY_GROUP (self));
  g_return_if_fail (from != NULL && g_date_valid (from));

  self->from = *from;
  if (g_date_compare (&self->to, &self->from) < 0)
    self->to = self->from;
  show_range (self);
}

/**
 * steady_summary_group_set_to:
 * @to: the last day; the first day moves with it if it was later
 */
void
steady_summary_group_set_to (SteadySummaryGroup *self,
                             const GDate        *to)
{
  g_return_if_fail (STEADY_IS_SUMMARY_GROUP (self));
  g_return_if_fail (to != NULL && g_date_valid (to));

  self->to = *to;
  if (g_date_compare (&self->from, &self->to) > 0)
    self->from = self->to;
  show_range (self);
}

/**
 * steady_summary_group_get_include_notes:
 *
 * Returns: whether the person chose to include their notes
 */
gboolean
steady_summary_group_get_include_notes (SteadySummaryGroup *self)
{
  g_return_val_if_fail (STEADY_IS_SUMMARY_GROUP (self), FALSE);

  return gtk_switch_get_active (self->notes_switch);
}
