/* steady-application.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-application"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-application.h"
#include "steady-calendar.h"
#include "steady-dialog-util.h"
#include "steady-checkup-dialog.h"
#include "steady-halt-dialog.h"
#include "steady-help-dialog.h"
#include "steady-lesson-library.h"
#include "steady-urge-surf-dialog.h"
#include "steady-preferences-window.h"
#include "steady-reminder-service.h"
#include "steady-user-guide.h"
#include "steady-welcome-dialog.h"
#include "steady-window.h"

struct _SteadyApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  SteadyStore    *store;
  GError         *store_error;
  GSettings      *settings;
  SteadyReminderService *reminders;

  /* --background: the next activation opens no window */
  gboolean        background;
  /* A hold while reminders are on, so that closing the last window
   * keeps them coming */
  gboolean        reminders_held;
};

G_DEFINE_FINAL_TYPE (SteadyApplication, steady_application, ADW_TYPE_APPLICATION)

static gboolean
open_store (SteadyApplication *self)
{
  g_autofree char *path = steady_store_default_path ();

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  self->store = steady_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_message ("Could not open %s: %s", path, self->store_error->message);

  return self->store != NULL;
}

static gpointer
load_lessons_thread (gpointer data)
{
  steady_lesson_library_get_default ();

  return NULL;
}

static GtkWindow *
get_main_window (SteadyApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (STEADY_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

static void
steady_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  static const char *developers[] = { "The Steady authors", NULL };
  SteadyApplication *self = user_data;

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Steady"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Steady authors"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/steadyapp/steady",
                         "issue-url", "https://github.com/steadyapp/steady/issues",
                         "developers", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 The Steady authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("A calm companion between program sessions. Everything you write stays on this computer."),
                         NULL);
}

/* Quit closes Steady's windows. With reminders on, the background part
 * stays (that is what the person asked for when they turned them on);
 * "Quit and Pause Reminders" stops it too, until the next login. */
static void
close_windows (SteadyApplication *self)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
}

static void
steady_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  SteadyApplication *self = user_data;

  if (self->reminders_held)
    close_windows (self);
  else
    g_application_quit (G_APPLICATION (self));
}

static void
steady_application_quit_all_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
steady_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  SteadyApplication *self = user_data;
  GtkWindow *parent = get_main_window (self);
  SteadyPreferencesWindow *prefs;

  prefs = steady_preferences_window_new (self->store);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  steady_dialog_present (GTK_WINDOW (prefs), parent);
}

static void
steady_application_help_now_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  SteadyApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  /* Help now never waits on the store and never sits behind a lock. */
  dialog = steady_help_dialog_new (self->store);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  steady_dialog_present (GTK_WINDOW (dialog), parent);
}

static void
steady_application_help_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  steady_user_guide_show (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

static void
show_welcome (SteadyApplication *self,
              GtkWindow         *parent)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (STEADY_IS_WELCOME_DIALOG (l->data))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  steady_dialog_present (GTK_WINDOW (steady_welcome_dialog_new (self->store)), parent);
}

static void
steady_application_welcome_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  SteadyApplication *self = user_data;

  if (self->store != NULL)
    show_welcome (self, get_main_window (self));
}

/* The main window, created and presented as a plain start would. */
static GtkWindow *
present_main_window (SteadyApplication *self)
{
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (steady_window_new (self));

  gtk_window_present (window);

  /* The first start, or one that quit halfway through the welcome. */
  if (steady_welcome_dialog_should_show (self->store))
    show_welcome (self, window);

  return window;
}

static void
steady_application_new_checkin_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkWindow *window = present_main_window (user_data);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.new-checkin", NULL);
}

static void
steady_application_open_lesson_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkWindow *window = present_main_window (user_data);

  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-lesson", parameter);
}

static void
steady_application_open_session_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  GtkWindow *window = present_main_window (user_data);

  /* TODO: the session itself, (xs) series id and recurrence id */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
}

static void
steady_application_open_today_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkWindow *window = present_main_window (user_data);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "today");
}

static void
present_tool (SteadyApplication *self,
              GtkWidget         *(*create) (SteadyStore *store))
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;

  if (parent == NULL)
    parent = get_main_window (self);

  steady_dialog_present (GTK_WINDOW (create (self->store)), parent);
}

static void
steady_application_urge_surf_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  present_tool (user_data, steady_urge_surf_dialog_new);
}

static void
steady_application_halt_check_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  present_tool (user_data, steady_halt_dialog_new);
}

static void
steady_application_checkup_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  present_tool (user_data, steady_checkup_dialog_new);
}

static const GActionEntry app_actions[] = {
  { "urge-surf", steady_application_urge_surf_action },
  { "halt-check", steady_application_halt_check_action },
  { "checkup", steady_application_checkup_action },
  { "about", steady_application_about_action },
  { "preferences", steady_application_preferences_action },
  { "help-now", steady_application_help_now_action },
  { "help", steady_application_help_action },
  { "welcome", steady_application_welcome_action },
  { "quit", steady_application_quit_action },
  { "quit-all", steady_application_quit_all_action },
  { "new-checkin", steady_application_new_checkin_action },
  { "open-lesson", steady_application_open_lesson_action, "s" },
  { "open-session", steady_application_open_session_action, "(xs)" },
  { "open-today", steady_application_open_today_action },
};

/* Reminders run in the primary instance while they are on, window or
 * not; the hold keeps the process when the last window closes. */
static void
update_reminders (SteadyApplication *self)
{
  gboolean enabled = g_settings_get_boolean (self->settings, "reminders-enabled");

  if (enabled && self->store != NULL && self->reminders == NULL)
    {
      self->reminders = steady_reminder_service_new (G_APPLICATION (self), self->store,
                                                     self->settings, APPLICATION_ID);
      steady_reminder_service_start (self->reminders);
    }
  else if ((!enabled || self->store == NULL) && self->reminders != NULL)
    {
      steady_reminder_service_stop (self->reminders);
      g_clear_object (&self->reminders);
    }

  if (enabled && !self->reminders_held)
    {
      self->reminders_held = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
  else if (!enabled && self->reminders_held)
    {
      self->reminders_held = FALSE;
      g_application_release (G_APPLICATION (self));
    }

  /* "Quit and Pause Reminders" is offered only while there are any. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "quit-all")),
                               self->reminders_held);
}

/**
 * steady_application_get_reminders_running:
 *
 * Returns: whether reminders are running in this process (with or
 *   without a window)
 */
gboolean
steady_application_get_reminders_running (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), FALSE);

  return self->reminders != NULL && steady_reminder_service_is_running (self->reminders);
}

static void
reminders_enabled_changed_cb (GSettings         *settings,
                              const char        *key,
                              SteadyApplication *self)
{
  update_reminders (self);
}

static void
stop_reminders (SteadyApplication *self)
{
  if (self->reminders != NULL)
    steady_reminder_service_stop (self->reminders);
  g_clear_object (&self->reminders);
}

static int
steady_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Steady"), PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      /* Already running: it runs the reminders, nothing to open. */
      if (g_application_get_is_remote (app))
        return 0;

      STEADY_APPLICATION (app)->background = TRUE;
    }

  return G_APPLICATION_CLASS (steady_application_parent_class)->handle_local_options (app, options);
}

static void
steady_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "<Control><Shift>h", NULL };
  static const char *guide_accels[] = { "F1", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  SteadyApplication *self = STEADY_APPLICATION (app);

  /* Today suggests a lesson in its first frame. The library is parsed
   * once (the first caller waits for it), here on a thread of its own
   * while GTK starts, instead of on the main thread after. */
  g_thread_unref (g_thread_new ("steady-lessons", load_lessons_thread, NULL));

  G_APPLICATION_CLASS (steady_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help-now", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", guide_accels);
  /* What GtkApplication sets for gtk/help-overlay.ui; the window builds
   * its shortcuts window itself, on first use. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  /* Opening is cheap (no full check); the check runs on the store's
   * worker once the window is up. */
  if (open_store (self))
    {
      /* Today's next session needs its zone's changes of offset; they
       * are worked out while the window is built. */
      GThread *zones = steady_calendar_warm_zones (self->store);

      g_clear_pointer (&zones, g_thread_unref);
    }

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect (self->settings, "changed::reminders-enabled",
                    G_CALLBACK (reminders_enabled_changed_cb), self);
  update_reminders (self);
}

static void
steady_application_activate (GApplication *app)
{
  SteadyApplication *self = STEADY_APPLICATION (app);

  /* steady --background: the reminders run (if they are on), no window */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }

  present_main_window (self);
}

/* A calendar file opened from the file manager (the app registers for
 * text/calendar): the Calendar shows what it would add, to be confirmed.
 * Only the first file is read; a program hands out one schedule. */
static void
steady_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  SteadyApplication *self = STEADY_APPLICATION (app);
  GtkWindow *window = get_main_window (self);

  self->background = FALSE;
  if (window == NULL)
    window = GTK_WINDOW (steady_window_new (self));
  gtk_window_present (window);

  /* The error page is up when the store could not be opened; nothing can
   * be imported then, and the welcome waits for a plain start. */
  if (n_files < 1 || self->store == NULL || steady_window_is_showing_error (STEADY_WINDOW (window)))
    return;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
  steady_calendar_page_import_file (steady_window_get_calendar_page (STEADY_WINDOW (window)), files[0]);
}

static void
steady_application_shutdown (GApplication *app)
{
  SteadyApplication *self = STEADY_APPLICATION (app);
  GList *windows;

  /* Windows go first: closing them queues whatever was typed and not yet
   * saved, and closing the store then waits for those writes. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  stop_reminders (self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->reminders_held)
    {
      self->reminders_held = FALSE;
      g_application_release (app);
    }

  if (self->store != NULL)
    steady_store_close (self->store);

  G_APPLICATION_CLASS (steady_application_parent_class)->shutdown (app);
}

static void
steady_application_finalize (GObject *object)
{
  SteadyApplication *self = (SteadyApplication *)object;

  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (steady_application_parent_class)->finalize (object);
}

static void
steady_application_class_init (SteadyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = steady_application_finalize;

  app_class->handle_local_options = steady_application_handle_local_options;
  app_class->startup = steady_application_startup;
  app_class->activate = steady_application_activate;
  app_class->open = steady_application_open;
  app_class->shutdown = steady_application_shutdown;
}

static void
steady_application_init (SteadyApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Run in the background for reminders, without a window"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

/**
 * steady_application_new:
 * @application_id: the app id
 * @flags: #GApplicationFlags (tests pass %G_APPLICATION_NON_UNIQUE);
 *   %G_APPLICATION_HANDLES_OPEN is always added, for calendar files
 *
 * Returns: (transfer full): the application
 */
SteadyApplication *
steady_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (STEADY_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       /* The same resources for .Devel as for the stable id */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * steady_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, or %NULL when it
 *   could not be opened (see steady_application_get_store_error())
 */
SteadyStore *
steady_application_get_store (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), NULL);

  return self->store;
}

const GError *
steady_application_get_store_error (SteadyApplication *self)
{
  g_return_val_if_fail (STEADY_IS_APPLICATION (self), NULL);

  return self->store_error;
}

/**
 * steady_application_reopen_store:
 *
 * Tries again to open the store, after a restore or once the person has
 * freed space or fixed permissions.
 *
 * Returns: %TRUE if the store is open now
 */
gboolean
steady_application_reopen_store (SteadyApplication *self)
{
  gboolean opened;

  g_return_val_if_fail (STEADY_IS_APPLICATION (self), FALSE);

  /* The service holds the old store: it starts again on the new one. */
  stop_reminders (self);

  if (self->store != NULL)
    steady_store_close (self->store);

  opened = open_store (self);
  if (self->settings != NULL)
    update_reminders (self);

  return opened;
}
