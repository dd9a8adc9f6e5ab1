/* test-notifier.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-notifier.h"
#include "steady-test-notify.h"

/* The notifier against a mocked org.freedesktop.Notifications
 * (steady-test-notify.c). libnotify's calls block on the notifier's
 * worker while this thread answers them. */

typedef struct
{
  SteadyTestNotify  mock;
  SteadyNotifier   *notifier;

  /* What came back */
  GAsyncResult   *result;
  SteadyReminder *acted_on;
  char           *action;
  guint           n_actions;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  steady_test_notify_setup (&fixture->mock, GPOINTER_TO_INT (data));
  fixture->notifier = steady_notifier_new (APP_ID);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Let queued callbacks give back their references, then drop the
   * notifier: that calls notify_uninit(), which must come before the
   * disconnect, or the disconnect waits forever for the bus connection
   * libnotify holds. */
  g_clear_object (&fixture->result);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&fixture->notifier));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  steady_test_notify_teardown (&fixture->mock);
  g_clear_object (&fixture->acted_on);
  g_clear_pointer (&fixture->action, g_free);
}

static SteadyReminder *
make_reminder (void)
{
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 4, 13, 21, 30, 0);
  SteadyReminder *reminder = steady_reminder_new (STEADY_REMINDER_KIND_SESSION,
                                                  "session:1:2026-04-13T18:00:00:30:1776117600",
                                                  due);

  steady_reminder_set_wording (reminder,
                               "Session at 18:00", "Starts in 30 minutes",
                               "Group therapy at 18:00", "Evening group\nStarts in 30 minutes");
  steady_reminder_set_action (reminder, "app.open-session",
                              g_variant_new ("(xs)", (gint64)1, "2026-04-13T18:00:00"));

  return reminder;
}

static void
show_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_null (fixture->result);
  fixture->result = g_object_ref (result);
}

static void
action_cb (SteadyNotifier *notifier,
           SteadyReminder *reminder,
           const char     *action,
           gpointer        user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->acted_on, reminder);
  g_free (fixture->action);
  fixture->action = g_strdup (action);
  fixture->n_actions++;
}

static const char *
action_label (const char * const *actions,
              const char         *id)
{
  for (guint i = 0; actions[i] != NULL && actions[i + 1] != NULL; i += 2)
    if (g_str_equal (actions[i], id))
      return actions[i + 1];

  return NULL;
}

static void
wait_for_result (Fixture *fixture)
{
  while (fixture->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
invoke_action (GDBusConnection *server,
               guint32          id,
               const char      *action)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_dbus_connection_emit_signal (server, NULL, NOTIFICATIONS_PATH,
                                                NOTIFICATIONS_NAME, "ActionInvoked",
                                                g_variant_new ("(us)", id, action),
                                                &error));
  g_assert_no_error (error);
}

static void
test_notify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SteadyReminder) reminder = make_reminder ();
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autoptr(GDBusConnection) server = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree const char **actions = NULL;
  const char *app_name, *app_icon, *summary, *body, *desktop_entry, *image_path = NULL;
  guint32 replaces_id;
  gint32 timeout;
  guint n_info = 0;

  g_signal_connect (fixture->notifier, "action", G_CALLBACK (action_cb), fixture);

  steady_notifier_show_async (fixture->notifier, reminder, NULL, show_cb, fixture);

  invocation = steady_test_notify_pop_notify (&fixture->mock, &n_info);
  g_assert_cmpuint (n_info, >=, 1);

  g_variant_get (g_dbus_method_invocation_get_parameters (invocation),
                 "(&su&s&s&s^a&s@a{sv}i)",
                 &app_name, &replaces_id, &app_icon, &summary, &body,
                 &actions, &hints, &timeout);

  /* Discreet wording by default */
  g_assert_cmpstr (app_name, ==, APP_ID);
  g_assert_cmpuint (replaces_id, ==, 0);
  g_assert_cmpstr (summary, ==, "Session at 18:00");
  g_assert_cmpstr (body, ==, "Starts in 30 minutes");

  /* Open, Snooze, Dismiss, with their labels */
  g_assert_cmpstr (action_label (actions, "open"), ==, "Open");
  g_assert_cmpstr (action_label (actions, "snooze"), ==, "Snooze 10 minutes");
  g_assert_cmpstr (action_label (actions, "dismiss"), ==, "Dismiss");

  /* The app's desktop entry, and its icon */
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, APP_ID);
  g_variant_lookup (hints, "image-path", "&s", &image_path);
  g_assert_true (g_strcmp0 (app_icon, APP_ID) == 0 || g_strcmp0 (image_path, APP_ID) == 0);

  server = g_object_ref (g_dbus_method_invocation_get_connection (invocation));
  g_dbus_method_invocation_return_value (g_steal_pointer (&invocation), g_variant_new ("(u)", 42));

  wait_for_result (fixture);
  g_assert_true (steady_notifier_show_finish (fixture->notifier, fixture->result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_actions, ==, 0);

  /* Another notification's action is not ours */
  invoke_action (server, 41, "open");

  /* The person chooses Open */
  invoke_action (server, 42, "open");
  while (fixture->n_actions == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (fixture->n_actions, ==, 1);
  g_assert_true (fixture->acted_on == reminder);
  g_assert_cmpstr (fixture->action, ==, "open");
}

static void
test_full_wording (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SteadyReminder) reminder = make_reminder ();
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autoptr(GDBusConnection) server = NULL;
  g_autoptr(GError) error = NULL;
  const char *summary, *body;
  guint n_info = 0;

  steady_reminder_set_discreet (reminder, FALSE);
  g_signal_connect (fixture->notifier, "action::snooze", G_CALLBACK (action_cb), fixture);

  steady_notifier_show_async (fixture->notifier, reminder, NULL, show_cb, fixture);

  invocation = steady_test_notify_pop_notify (&fixture->mock, &n_info);
  g_variant_get (g_dbus_method_invocation_get_parameters (invocation),
                 "(&su&s&s&s@as@a{sv}i)",
                 NULL, NULL, NULL, &summary, &body, NULL, NULL, NULL);
  g_assert_cmpstr (summary, ==, "Group therapy at 18:00");
  g_assert_cmpstr (body, ==, "Evening group\nStarts in 30 minutes");

  server = g_object_ref (g_dbus_method_invocation_get_connection (invocation));
  g_dbus_method_invocation_return_value (g_steal_pointer (&invocation), g_variant_new ("(u)", 7));

  wait_for_result (fixture);
  g_assert_true (steady_notifier_show_finish (fixture->notifier, fixture->result, &error));
  g_assert_no_error (error);

  /* Snooze, heard through the detailed signal */
  invoke_action (server, 7, "snooze");
  while (fixture->n_actions == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fixture->acted_on == reminder);
  g_assert_cmpstr (fixture->action, ==, "snooze");
}

/* No notification server: an error, no crash */
static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SteadyReminder) reminder = make_reminder ();
  g_autoptr(GError) error = NULL;

  steady_notifier_show_async (fixture->notifier, reminder, NULL, show_cb, fixture);
  wait_for_result (fixture);

  g_assert_false (steady_notifier_show_finish (fixture->notifier, fixture->result, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (error->domain, ==, G_DBUS_ERROR);
  gt_dbus_queue_assert_no_messages (fixture->mock.queue);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SteadyReminder) reminder = make_reminder ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  steady_notifier_show_async (fixture->notifier, reminder, cancellable, show_cb, fixture);
  wait_for_result (fixture);

  g_assert_false (steady_notifier_show_finish (fixture->notifier, fixture->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  /* Talk to the mock server, never to a portal. */
  g_setenv ("NOTIFY_IGNORE_PORTAL", "1", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, server, func) \
  g_test_add ("/steady/notifier/" path, Fixture, GINT_TO_POINTER (server), fixture_setup, func, fixture_teardown)

  ADD ("notify", TRUE, test_notify);
  ADD ("full-wording", TRUE, test_full_wording);
  ADD ("no-server", FALSE, test_no_server);
  ADD ("cancelled", TRUE, test_cancelled);

#undef ADD

  return g_test_run ();
}
