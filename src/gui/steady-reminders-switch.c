/* steady-reminders-switch.c: reminders on or off, asking once about the
 * background
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders-switch"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-autostart.h"
#include "steady-reminders-switch.h"

/**
 * SteadyRemindersSwitch:
 *
 * The "Reminders" row of Preferences and of the welcome. Turning it on
 * the first time asks whether Steady may run in the background and start
 * at login; only then is the autostart entry (or the Background portal)
 * requested. Turning it off removes it. The outcome is told through the
 * ::status signal, for the place that shows the row to word it.
 */
struct _SteadyRemindersSwitch
{
  AdwActionRow  parent_instance;

  /* Owned */
  GSettings    *settings;
  GCancellable *cancellable;

  /* Children */
  GtkSwitch    *sw;

  gboolean      syncing;
};

G_DEFINE_FINAL_TYPE (SteadyRemindersSwitch, steady_reminders_switch, ADW_TYPE_ACTION_ROW)

enum {
  STATUS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
autostart_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyRemindersSwitch) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (steady_autostart_request_finish (result, &error))
    {
      if (enabled)
        g_signal_emit (self, signals[STATUS], 0,
                       _("Steady starts in the background when you log in"),
                       _("Reminders come while the Steady window is closed. To stop them until the next login, choose Quit and Pause Reminders in the menu."));
      else
        g_signal_emit (self, signals[STATUS], 0, NULL, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !enabled)
    return;

  g_signal_emit (self, signals[STATUS], 0,
                 _("Steady cannot start by itself at login"),
                 _("Reminders come while Steady is running, also with its window closed. "
                   "To get them after you log in, add the command “steady --background” "
                   "to the programs your desktop starts at login (in GNOME, with the Tweaks app, "
                   "under Startup Applications), or open Steady after you log in."));
}

static void
set_enabled (SteadyRemindersSwitch *self,
             gboolean               enabled)
{
  g_settings_set_boolean (self->settings, "reminders-enabled", enabled);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  steady_autostart_request_async (APPLICATION_ID, enabled, NULL, self->cancellable,
                                  autostart_cb, g_object_ref (self));
}

static void
sync_switch (SteadyRemindersSwitch *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  /* Both: while the question was open the switch was moved (active) but
   * not turned on (state). */
  self->syncing = TRUE;
  gtk_switch_set_active (self->sw, enabled);
  gtk_switch_set_state (self->sw, enabled);
  self->syncing = FALSE;
}

static void
background_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        SteadyRemindersSwitch *self)
{
  if (g_strcmp0 (response, "allow") == 0)
    {
      g_settings_set_boolean (self->settings, "background-asked", TRUE);
      set_enabled (self, TRUE);
    }

  sync_switch (self);
}

static gboolean
switch_state_set_cb (GtkSwitch             *sw,
                     gboolean               state,
                     SteadyRemindersSwitch *self)
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
                                   _("For reminders to come while its window is closed, Steady keeps running in the background and starts by itself when you log in. You can turn reminders off in Preferences at any time."));
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
enabled_changed_cb (GSettings             *settings,
                    const char            *key,
                    SteadyRemindersSwitch *self)
{
  sync_switch (self);
}

static void
steady_reminders_switch_dispose (GObject *object)
{
  SteadyRemindersSwitch *self = (SteadyRemindersSwitch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steady_reminders_switch_parent_class)->dispose (object);
}

static void
steady_reminders_switch_finalize (GObject *object)
{
  SteadyRemindersSwitch *self = (SteadyRemindersSwitch *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steady_reminders_switch_parent_class)->finalize (object);
}

static void
steady_reminders_switch_class_init (SteadyRemindersSwitchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_reminders_switch_dispose;
  object_class->finalize = steady_reminders_switch_finalize;

  /**
   * SteadyRemindersSwitch::status:
   * @title: (nullable): what happened, or %NULL when there is nothing to say
   * @subtitle: (nullable): more about it
   *
   * Whether Steady could arrange to start at login.
   */
  signals[STATUS] =
    g_signal_new ("status", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
steady_reminders_switch_init (SteadyRemindersSwitch *self)
{
  self->sw = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->sw), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->sw));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->sw));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Reminders"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sw),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reminders"),
                                  -1);
}

/**
 * steady_reminders_switch_new:
 * @settings: the application's settings
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
steady_reminders_switch_new (GSettings *settings)
{
  SteadyRemindersSwitch *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (STEADY_TYPE_REMINDERS_SWITCH, NULL);
  self->settings = g_object_ref (settings);
  sync_switch (self);
  g_signal_connect (self->sw, "state-set", G_CALLBACK (switch_state_set_cb), self);
  g_signal_connect_object (settings, "changed::reminders-enabled",
                           G_CALLBACK (enabled_changed_cb), self, 0);

  return GTK_WIDGET (self);
}

/**
 * steady_reminders_switch_get_switch:
 *
 * Returns: (transfer none): the switch itself
 */
GtkSwitch *
steady_reminders_switch_get_switch (SteadyRemindersSwitch *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDERS_SWITCH (self), NULL);

  return self->sw;
}
