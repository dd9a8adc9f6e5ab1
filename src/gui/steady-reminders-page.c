/* steady-reminders-page.c: the Reminders page of Preferences
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "steady-autostart.h"
#include "steady-reminders-page.h"

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
  GCancellable       *cancellable;

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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), title != NULL);
}

static void
autostart_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyRemindersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (steady_autostart_request_finish (result, &error))
    {
      if (enabled)
        show_status (self, _("Steady starts in the background when you log in"),
                     _("Reminders come while the Steady window is closed. Quit from the menu to stop them until the next login."));
      else
        show_status (self, NULL, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !enabled)
    return;

  show_status (self, _("Steady cannot start by itself at login"),
               _("Reminders come while Steady is running, also with its window closed. "
                 "To get them after you log in, add the command “steady --background” "
                 "to the programs your desktop starts at login (in GNOME, with the Tweaks app, "
                 "under Startup Applications), or open Steady after you log in."));
}

static void
request_autostart (SteadyRemindersPage *self,
                   gboolean             enabled)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  steady_autostart_request_async (APPLICATION_ID, enabled, NULL, self->cancellable,
                                  autostart_cb, g_object_ref (self));
}

static void
set_enabled (SteadyRemindersPage *self,
             gboolean             enabled)
{
  g_settings_set_boolean (self->settings, "reminders-enabled", enabled);
  request_autostart (self, enabled);
}

static void
sync_switch (SteadyRemindersPage *self)
{
  self->syncing = TRUE;
  gtk_switch_set_active (self->enabled_switch,
                         g_settings_get_boolean (self->settings, "reminders-enabled"));
  self->syncing = FALSE;
}

static void
background_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        SteadyRemindersPage *self)
{
  if (g_strcmp0 (response, "allow") == 0)
    {
      g_settings_set_boolean (self->settings, "background-asked", TRUE);
      set_enabled (self, TRUE);
    }

  sync_switch (self);
}

static gboolean
switch_state_set_cb (GtkSwitch           *sw,
                     gboolean             state,
                     SteadyRemindersPage *self)
{
  GtkWidget *dialog;
  GtkRoot *root;

  if (self->syncing)
    return FALSE;

  if (!state)
    {
      set_enabled (self, FALSE);
      return FALSE;
    }

  if (g_settings_get_boolean (self->settings, "background-asked"))
    {
      set_enabled (self, TRUE);
      return FALSE;
    }

  /* Asked once: may Steady run in the background and start at login? */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Run in the Background?"),
                                   _("For reminders to come while its window is closed, Steady keeps running in the background and starts by itself when you log in. You can turn reminders off here at any time."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Not Now"),
                                    "allow", _("_Allow"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "allow",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "allow");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (background_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The switch stays off until the answer. */
  return TRUE;
}

static void
enabled_changed_cb (GSettings           *settings,
                    const char          *key,
                    SteadyRemindersPage *self)
{
  sync_switch (self);
}

/* Times as "HH:MM" keys: two spin buttons */

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
time_changed_cb (GtkSpinButton *spin,
                 GtkWidget     *row)
{
  GSettings *settings = g_object_get_data (G_OBJECT (row), "settings");
  const char *key = g_object_get_data (G_OBJECT (row), "key");
  GtkSpinButton *hour = g_object_get_data (G_OBJECT (row), "hour");
  GtkSpinButton *minute = g_object_get_data (G_OBJECT (row), "minute");
  g_autofree char *value = g_strdup_printf ("%02d:%02d",
                                            gtk_spin_button_get_value_as_int (hour),
                                            gtk_spin_button_get_value_as_int (minute));
  g_autofree char *old = g_settings_get_string (settings, key);

  if (g_strcmp0 (old, value) != 0)
    g_settings_set_string (settings, key, value);
}

static GtkSpinButton *
make_spin (int         max,
           const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_HORIZONTAL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  set_label (spin, label);

  return spin;
}

static GtkWidget *
make_time_row (SteadyRemindersPage *self,
               const char          *key,
               const char          *title,
               const char          *hour_label,
               const char          *minute_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *value = g_settings_get_string (self->settings, key);
  GtkSpinButton *hour = make_spin (23, hour_label);
  GtkSpinButton *minute = make_spin (59, minute_label);
  unsigned int h = 0, m = 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (hour));
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (minute));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  if (sscanf (value, "%u:%u", &h, &m) == 2 && h < 24 && m < 60)
    {
      gtk_spin_button_set_value (hour, h);
      gtk_spin_button_set_value (minute, m);
    }

  g_object_set_data (G_OBJECT (row), "settings", self->settings);
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
  g_object_set_data (G_OBJECT (row), "hour", hour);
  g_object_set_data (G_OBJECT (row), "minute", minute);
  g_signal_connect (hour, "value-changed", G_CALLBACK (time_changed_cb), row);
  g_signal_connect (minute, "value-changed", G_CALLBACK (time_changed_cb), row);

  return row;
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
  if (key != NULL)
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
  row = make_switch_row (self, NULL, _("Reminders"), NULL, 0);
  self->enabled_switch = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  sync_switch (self);
  g_signal_connect (self->enabled_switch, "state-set", G_CALLBACK (switch_state_set_cb), self);
  g_signal_connect_object (self->settings, "changed::reminders-enabled",
                           G_CALLBACK (enabled_changed_cb), self, 0);
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
  row = make_time_row (self, "checkin-time", _("Check-In Time"),
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

  /* Quiet hours */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Quiet Hours"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Only session reminders come during quiet hours; the others wait until they end."));
  g_settings_bind (self->settings, "reminders-enabled", group, "sensitive", G_SETTINGS_BIND_GET);
  row = make_switch_row (self, "quiet-hours", _("Quiet Hours"), NULL, G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = make_time_row (self, "quiet-start", _("From"),
                       _("Quiet hours start, hour"), _("Quiet hours start, minutes"));
  g_settings_bind (self->settings, "quiet-hours", row, "sensitive", G_SETTINGS_BIND_GET);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = make_time_row (self, "quiet-end", _("Until"),
                       _("Quiet hours end, hour"), _("Quiet hours end, minutes"));
  g_settings_bind (self->settings, "quiet-hours", row, "sensitive", G_SETTINGS_BIND_GET);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

static void
steady_reminders_page_dispose (GObject *object)
{
  SteadyRemindersPage *self = (SteadyRemindersPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steady_reminders_page_parent_class)->dispose (object);
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

  object_class->dispose = steady_reminders_page_dispose;
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
