/* test-reminder-service.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-autostart.h"
#include "steady-calendar.h"
#include "steady-reminder-service.h"
#include "steady-session-series.h"
#include "steady-test-notify.h"

/* The service with a fixed clock against a mocked
 * org.freedesktop.Notifications (steady-test-notify.c), as in
 * test-notifier.c: a session in 30 minutes is notified once, not again
 * on the next tick, nor after a restart on the same store. And the XDG
 * autostart entry, checked with desktop-file-validate. */

typedef struct
{
  SteadyTestNotify       mock;
  SteadyStore           *store;
  GSettings             *settings;
  SteadyReminderService *service;
  GDateTime             *now;
  guint                  n_runs;
  guint                  n_shown;
} Fixture;

/* The memory backend lives as long as the process: each case starts
 * from the defaults. */
static void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static GDateTime *
fixed_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_date_time_ref (fixture->now);
}

static void
run_finished_cb (SteadyReminderService *service,
                 Fixture               *fixture)
{
  fixture->n_runs++;
}

static void
shown_cb (SteadyReminderService *service,
          SteadyReminder        *reminder,
          Fixture               *fixture)
{
  g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_SESSION);
  fixture->n_shown++;
}

static void
start_service (Fixture *fixture)
{
  fixture->service = steady_reminder_service_new (NULL, fixture->store, fixture->settings, APP_ID);
  steady_reminder_service_set_clock (fixture->service, fixed_clock, fixture, NULL);
  g_signal_connect (fixture->service, "run-finished", G_CALLBACK (run_finished_cb), fixture);
  g_signal_connect (fixture->service, "shown", G_CALLBACK (shown_cb), fixture);
  fixture->n_runs = 0;
  steady_reminder_service_start (fixture->service);
}

static void
wait_for_runs (Fixture *fixture,
               guint    n_runs)
{
  while (fixture->n_runs < n_runs || steady_reminder_service_is_busy (fixture->service))
    g_main_context_iteration (NULL, TRUE);
}

static void
stop_service (Fixture *fixture)
{
  while (steady_reminder_service_is_busy (fixture->service))
    g_main_context_iteration (NULL, TRUE);
  steady_reminder_service_stop (fixture->service);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Drops the notifier: notify_uninit() before the bus goes. */
  g_assert_finalize_object (g_steal_pointer (&fixture->service));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  steady_test_notify_setup (&fixture->mock, TRUE);

  path = g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
  fixture->store = steady_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  /* Session reminders only, 30 minutes ahead */
  fixture->settings = g_settings_new (BASE_APPLICATION_ID);
  reset_settings (fixture->settings);
  g_settings_set_boolean (fixture->settings, "reminders-enabled", TRUE);
  g_settings_set_value (fixture->settings, "session-leads", g_variant_new_parsed ("[30]"));
  g_settings_set_boolean (fixture->settings, "checkin-reminder", FALSE);
  g_settings_set_boolean (fixture->settings, "reflection-reminder", FALSE);
  g_settings_set_boolean (fixture->settings, "practice-reminder", FALSE);
  g_settings_set_boolean (fixture->settings, "quiet-hours", FALSE);

  fixture->now = g_date_time_new_local (2026, 4, 13, 17, 30, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->service != NULL)
    stop_service (fixture);

  steady_store_close (fixture->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->now, g_date_time_unref);

  steady_test_notify_teardown (&fixture->mock);
}

static void
add_session (Fixture *fixture)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  steady_session_series_set_kind (series, STEADY_SESSION_KIND_GROUP_THERAPY);
  steady_session_series_set_title (series, "Evening group");
  steady_session_series_set_location (series, "Room 4");
  steady_session_series_set_tzid (series, g_getenv ("TZ"));
  steady_session_series_set_start_local (series, "2026-04-13T18:00:00");
  steady_session_series_set_duration (series, 3 * 3600);
  steady_session_series_set_rrule (series, NULL);
  g_assert_true (steady_calendar_add_series (fixture->store, series, &id, &error));
  g_assert_no_error (error);
}

static void
test_fires_once (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autofree char *last_run = NULL;
  g_autofree char *now_text = NULL;
  const char *summary, *body;

  add_session (fixture);
  start_service (fixture);

  /* The first run: one Notify, discreet */
  invocation = steady_test_notify_pop_notify (&fixture->mock, NULL);
  g_variant_get (g_dbus_method_invocation_get_parameters (invocation),
                 "(&su&s&s&s@as@a{sv}i)",
                 NULL, NULL, NULL, &summary, &body, NULL, NULL, NULL);
  g_assert_null (strstr (summary, "Evening group"));
  g_assert_null (strstr (body, "Evening group"));
  g_assert_null (strstr (body, "Room 4"));
  g_dbus_method_invocation_return_value (g_steal_pointer (&invocation), g_variant_new ("(u)", 1));
  wait_for_runs (fixture, 1);
  g_assert_cmpuint (fixture->n_shown, ==, 1);

  /* The run was recorded */
  last_run = steady_store_get_state (fixture->store, STEADY_REMINDER_SERVICE_LAST_RUN_KEY);
  now_text = g_date_time_format_iso8601 (fixture->now);
  g_assert_cmpstr (last_run, ==, now_text);

  /* The next tick, a minute later: nothing */
  {
    GDateTime *later = g_date_time_add_minutes (fixture->now, 1);

    g_date_time_unref (fixture->now);
    fixture->now = later;
  }
  steady_reminder_service_run_now (fixture->service);
  wait_for_runs (fixture, 2);
  gt_dbus_queue_assert_no_messages (fixture->mock.queue);
  g_assert_cmpuint (fixture->n_shown, ==, 1);

  /* A restart on the same store, at the same time as the first run
   * (a clock set back): still nothing */
  stop_service (fixture);
  {
    GDateTime *earlier = g_date_time_add_minutes (fixture->now, -1);

    g_date_time_unref (fixture->now);
    fixture->now = earlier;
  }
  start_service (fixture);
  wait_for_runs (fixture, 1);
  gt_dbus_queue_assert_no_messages (fixture->mock.queue);
  g_assert_cmpuint (fixture->n_shown, ==, 1);

  /* And with no memory of the last run at all: the fired table */
  stop_service (fixture);
  g_assert_true (steady_store_set_state (fixture->store, STEADY_REMINDER_SERVICE_LAST_RUN_KEY, "", NULL));
  start_service (fixture);
  wait_for_runs (fixture, 1);
  gt_dbus_queue_assert_no_messages (fixture->mock.queue);
  g_assert_cmpuint (fixture->n_shown, ==, 1);
}

/* Due before the next minute's tick: a timer of its own wakes the
 * planner at the due time, and the reminder comes then. */
static void
test_wakes_on_time (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autoptr(GDateTime) due = g_date_time_new_local (2026, 4, 13, 17, 30, 0);
  GDateTime *wakeup;

  /* 1.5 s before the 30-minute reminder of the 18:00 session */
  g_date_time_unref (fixture->now);
  fixture->now = g_date_time_add_seconds (due, -1.5);
  add_session (fixture);
  start_service (fixture);
  wait_for_runs (fixture, 1);
  g_assert_cmpuint (fixture->n_shown, ==, 0);
  wakeup = steady_reminder_service_get_wakeup (fixture->service);
  g_assert_nonnull (wakeup);
  g_assert_true (g_date_time_equal (wakeup, due));

  /* The clock reaches it; nobody calls run_now: the timer does. */
  g_date_time_unref (fixture->now);
  fixture->now = g_date_time_add_seconds (due, 0.5);
  invocation = steady_test_notify_pop_notify (&fixture->mock, NULL);
  g_dbus_method_invocation_return_value (g_steal_pointer (&invocation), g_variant_new ("(u)", 1));
  wait_for_runs (fixture, 2);
  g_assert_cmpuint (fixture->n_shown, ==, 1);
  g_assert_null (steady_reminder_service_get_wakeup (fixture->service));
}

/* Off: nothing at all */
static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  g_settings_set_boolean (fixture->settings, "reminders-enabled", FALSE);
  add_session (fixture);
  start_service (fixture);
  wait_for_runs (fixture, 1);
  gt_dbus_queue_assert_no_messages (fixture->mock.queue);
  g_assert_cmpuint (fixture->n_shown, ==, 0);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  SteadyReminderSettings s;

  reset_settings (settings);
  steady_reminder_service_read_settings (settings, &s);
  g_assert_false (s.enabled);
  g_assert_true (s.discreet);
  g_assert_cmpuint (s.checkin_hour, ==, 20);
  g_assert_cmpuint (s.checkin_minute, ==, 0);
  g_assert_cmpuint (s.session_leads[STEADY_SESSION_KIND_WORKSHOP][0], ==, 1440);
  g_assert_cmpuint (s.session_leads[STEADY_SESSION_KIND_WORKSHOP][1], ==, 120);
  g_assert_cmpuint (s.session_leads[STEADY_SESSION_KIND_WORKSHOP][2], ==, 30);
  g_assert_cmpuint (s.quiet_start_hour, ==, 22);
  g_assert_cmpuint (s.quiet_end_hour, ==, 7);

  g_settings_set_string (settings, "checkin-time", "07:45");
  g_settings_set_string (settings, "quiet-start", "nonsense");
  g_settings_set_value (settings, "session-leads", g_variant_new_parsed ("[120, -5, 0]"));
  g_settings_set_uint (settings, "nudge-days", 3);
  steady_reminder_service_read_settings (settings, &s);
  g_assert_cmpuint (s.checkin_hour, ==, 7);
  g_assert_cmpuint (s.checkin_minute, ==, 45);
  g_assert_cmpuint (s.quiet_start_hour, ==, 22);
  g_assert_cmpuint (s.session_leads[STEADY_SESSION_KIND_GROUP_THERAPY][0], ==, 120);
  g_assert_cmpuint (s.session_leads[STEADY_SESSION_KIND_GROUP_THERAPY][1], ==, 0);
  g_assert_cmpuint (s.nudge_days, ==, 3);

  reset_settings (settings);
}

static void
autostart_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_autostart (void)
{
  g_autofree char *path = steady_autostart_get_path (APP_ID);
  g_autofree char *validate = g_find_program_in_path ("desktop-file-validate");
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  if (steady_autostart_is_sandboxed ())
    {
      g_test_skip ("In a Flatpak: the portal, not a file");
      return;
    }

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* On */
  {
    g_autoptr(GAsyncResult) result = NULL;

    steady_autostart_request_async (APP_ID, TRUE, NULL, NULL, autostart_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (steady_autostart_request_finish (result, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "steady --background");
  g_assert_true (g_key_file_get_boolean (keyfile, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_get_boolean (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, NULL));

  if (validate != NULL)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { validate, path, NULL };
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("desktop-file-validate: %s%s", out, err);
      g_assert_cmpstr (out, ==, "");
    }
  else
    {
      g_test_message ("desktop-file-validate not found: not validated");
    }

  /* Again: still fine */
  g_assert_true (steady_autostart_write_file (APP_ID, &error));
  g_assert_no_error (error);

  /* Off */
  {
    g_autoptr(GAsyncResult) result = NULL;

    steady_autostart_request_async (APP_ID, FALSE, NULL, NULL, autostart_done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (steady_autostart_request_finish (result, &error));
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Off again: not an error */
  g_assert_true (steady_autostart_remove_file (APP_ID, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* A fixed zone for the session and the clock; no portal, no system bus. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("NOTIFY_IGNORE_PORTAL", "1", TRUE);
  g_setenv ("STEADY_NO_SYSTEM_BUS", "1", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/steady/reminder-service/fires-once", Fixture, NULL,
              fixture_setup, test_fires_once, fixture_teardown);
  g_test_add ("/steady/reminder-service/wakes-on-time", Fixture, NULL,
              fixture_setup, test_wakes_on_time, fixture_teardown);
  g_test_add ("/steady/reminder-service/disabled", Fixture, NULL,
              fixture_setup, test_disabled, fixture_teardown);
  g_test_add_func ("/steady/reminder-service/settings", test_settings);
  g_test_add_func ("/steady/reminder-service/autostart", test_autostart);

  return g_test_run ();
}
