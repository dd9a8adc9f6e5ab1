/* steady-reminders-page.c: the Reminders page of Preferences
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-reminders-page.h"
#include "steady-reminders-switch.h"
#include "steady-time-row.h"

/**
 * SteadyRemindersPage:
 *
 * Reminders on or off (asking once whether Steady may run in the
 * background and start at login), and what to be reminded of, when.
 * Built in code; every control writes its GSettings key straight away.
 */
struct _SteadyRemindersPage
{
  AdwPreferencesPage  parent_instance;

  /* Owned */
  GSettings          *settings;

  /* Children */
  GtkSwitch          *enabled_switch;
  AdwActionRow       *status_row;
  GtkCheckButton     *lead_checks[3];

  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (SteadyRemindersPage, steady_reminders_page, ADW_TYPE_PREFERENCES_PAGE)

static const int lead_minutes[] = { 24 * 60, 120, 30 };

static void
set_label (gpointer    widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
show_status (SteadyRemindersPage *self,
             const char          *title,
             const char          *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title != NULL ? title : "");
  adw_action_row_set_subtitle (self->status_row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), title != NULL);
}

static void
status_cb (SteadyRemindersSwitch *row,
           const char            *title,
           const char            *subtitle,
           SteadyRemindersPage   *self)
{
  show_status (self, title, subtitle);
}

static GtkWidget *
make_switch_row (SteadyRemindersPage *self,
                 const char          *key,
                 const char          *title,
                 const char          *subtitle,
                 GSettingsBindFlags   flags)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  set_label (sw, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_settings_bind (self->settings, key, sw, "active", flags);

  return row;
}

/* Lead times: a check row each */

static void
sync_leads (SteadyRemindersPage *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "session-leads");
  gsize n = 0;
  const gint32 *leads = g_variant_get_fixed_array (value, &n, sizeof (gint32));

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    {
      gboolean on = FALSE;

      for (gsize j = 0; j < n; j++)
        on = on || leads[j] == lead_minutes[i];
      gtk_check_button_set_active (self->lead_checks[i], on);
    }
  self->syncing = FALSE;
}

static void
lead_toggled_cb (GtkCheckButton      *check,
                 SteadyRemindersPage *self)
{
  GVariantBuilder builder;

  if (self->syncing)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("ai"));
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    {
      if (gtk_check_button_get_active (self->lead_checks[i]))
        g_variant_builder_add (&builder, "i", lead_minutes[i]);
    }
  g_settings_set_value (self->settings, "session-leads", g_variant_builder_end (&builder));
}

static void
leads_changed_cb (GSettings           *settings,
                  const char          *key,
                  SteadyRemindersPage *self)
{
  sync_leads (self);
}

static void
build (SteadyRemindersPage *self)
{
  static const char *lead_titles[] = { N_("1 day before"), N_("2 hours before"), N_("30 minutes before") };
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *group, *row, *spin;

  adw_preferences_page_set_title (page, _("Reminders"));
  adw_preferences_page_set_icon_name (page, "alarm-symbolic");

  /* On or off */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Notifications before sessions, for the daily check-in and for practice, also while the Steady window is closed."));
  row = steady_reminders_switch_new (self->settings);
  self->enabled_switch = steady_reminders_switch_get_switch (STEADY_REMINDERS_SWITCH (row));
  g_signal_connect_object (row, "status", G_CALLBACK (status_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "property");
  adw_action_row_set_subtitle_lines (self->status_row, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->status_row));

  row = make_switch_row (self, "reminders-discreet", _("Show Session Names in Notifications"),
                         _("Off, notifications say only “Session at 18:00”, so that nothing private shows on a lock screen"),
                         G_SETTINGS_BIND_INVERT_BOOLEAN);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  /* Sessions */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sessions"));
  g_settings_bind (self->settings, "reminders-enabled", group, "sensitive", G_SETTINGS_BIND_GET);
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(lead_titles[i]));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      set_label (check, _(lead_titles[i]));
      self->lead_checks[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  sync_leads (self);
  for (guint i = 0; i < G_N_ELEMENTS (lead_minutes); i++)
    g_signal_connect (self->lead_checks[i], "toggled", G_CALLBACK (lead_toggled_cb), self);
  g_signal_connect_object (self->settings, "changed::session-leads",
                           G_CALLBACK (leads_changed_cb), self, 0);
  row = make_switch_row (self, "reflection-reminder", _("Evening Reflection"),
                         _("Ask how a session went, half an hour after it ends"),
                         G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  /* Every day */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Every Day"));
  g_settings_bind (self->settings, "reminders-enabled", group, "sensitive", G_SETTINGS_BIND_GET);
  row = make_switch_row (self, "checkin-reminder", _("Check-In Reminder"),
                         _("Once a day, unless you have already checked in"),
                         G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = steady_time_row_new (self->settings, "checkin-time", _("Check-In Time"),
                       _("Check-in time, hour"), _("Check-in time, minutes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = make_switch_row (self, "practice-reminder", _("Practice Reminders"),
                         _("Lessons you marked to practise later, an hour after the check-in time"),
                         G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nudge After Days Without a Check-In"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("0 is off"));
  spin = gtk_spin_button_new_with_range (0, 30, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  set_label (spin, _("Nudge after days without a check-in, 0 is off"));
  g_settings_bind (self->settings, "nudge-days",
                   gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  /* Between sessions */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Between Sessions"));
  g_settings_bind (self->settings, "reminders-enabled", group, "sensitive", G_SETTINGS_BIND_GET);
  row = make_switch_row (self, "checkup-reminder", _("Weekly Self-Check"),
                         _("Once a week, half an hour after the check-in time"),
                         G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = make_switch_row (self, "craving-prompts", _("Craving Check-Ins"),
                         _("On evenings and weekends without a session, at most twice a day"),
                         G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  /* Quiet hours */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Quiet Hours"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Only session reminders come during quiet hours; the others wait until they end."));
  g_settings_bind (self->settings, "reminders-enabled", group, "sensitive", G_SETTINGS_BIND_GET);
  row = make_switch_row (self, "quiet-hours", _("Quiet Hours"), NULL, G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = steady_time_row_new (self->settings, "quiet-start", _("From"),
                       _("Quiet hours start, hour"), _("Quiet hours start, minutes"));
  g_settings_bind (self->settings, "quiet-hours", row, "sensitive", G_SETTINGS_BIND_GET);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = steady_time_row_new (self->settings, "quiet-end", _("Until"),
                       _("Quiet hours end, hour"), _("Quiet hours end, minutes"));
  g_settings_bind (self->settings, "quiet-hours", row, "sensitive", G_SETTINGS_BIND_GET);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

static void
steady_reminders_page_finalize (GObject *object)
{
  SteadyRemindersPage *self = (SteadyRemindersPage *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_reminders_page_parent_class)->finalize (object);
}

static void
steady_reminders_page_class_init (SteadyRemindersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_reminders_page_finalize;
}

static void
steady_reminders_page_init (SteadyRemindersPage *self)
{
}

/**
 * steady_reminders_page_new:
 * @settings: (nullable): the application's settings, or %NULL for the
 *   default ones
 *
 * Returns: (transfer floating): the page
 */
SteadyRemindersPage *
steady_reminders_page_new (GSettings *settings)
{
  SteadyRemindersPage *self = g_object_new (STEADY_TYPE_REMINDERS_PAGE, NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : g_settings_new (BASE_APPLICATION_ID);
  build (self);

  return self;
}

GSettings *
steady_reminders_page_get_settings (SteadyRemindersPage *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDERS_PAGE (self), NULL);

  return self->settings;
}
