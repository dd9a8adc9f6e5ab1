/* test-notifier.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libglib-testing/dbus-queue.h>

#include "steady-notifier.h"

/* The notifier against a mocked org.freedesktop.Notifications on a
 * private bus (GtDbusQueue starts one). libnotify talks to the session
 * bus singleton, not to the queue's client connection, so messages are
 * popped with gt_dbus_queue_pop_message() and checked here rather than
 * with gt_dbus_queue_assert_pop_message(), which wants that connection.
 * libnotify's calls block on the notifier's worker while this thread
 * answers them. */

#define APP_ID "io.github.steadyapp.Steady"
#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"

/* The mock also answers to a name of its own, for the teardown. */
#define MOCK_NAME "io.github.steadyapp.Steady.Tests.Mock"

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

typedef struct
{
  GtDBusQueue    *queue;
  GDBusNodeInfo  *node;
  SteadyNotifier *notifier;

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
  gboolean with_server = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;

  fixture->node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);

  fixture->queue = gt_dbus_queue_new ();
  g_assert_true (gt_dbus_queue_connect (fixture->queue, &error));
  g_assert_no_error (error);

  /* Without a server, nothing owns the notifications name. */
  gt_dbus_queue_own_name (fixture->queue, MOCK_NAME);
  if (with_server)
    gt_dbus_queue_own_name (fixture->queue, NOTIFICATIONS_NAME);
  gt_dbus_queue_export_object (fixture->queue, NOTIFICATIONS_PATH,
                               fixture->node->interfaces[0], &error);
  g_assert_no_error (error);

  fixture->notifier = steady_notifier_new (APP_ID);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
server_closed_cb (GDBusConnection *connection,
                  gboolean         remote_peer_vanished,
                  GError          *error,
                  gpointer         user_data)
{
  g_atomic_int_set ((int *)user_data, TRUE);
}

/* The mock's own connection, from a call to it. */
static GDBusConnection *
get_server_connection (Fixture *fixture)
{
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  GDBusConnection *server;
  gboolean done = FALSE;

  g_dbus_connection_call (gt_dbus_queue_get_client_connection (fixture->queue),
                          MOCK_NAME, NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                          "GetCapabilities", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_done_cb, &done);

  g_assert_true (gt_dbus_queue_pop_message (fixture->queue, &invocation));
  g_assert_true (gt_dbus_queue_match_client_message (fixture->queue, invocation,
                                                     NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                                                     "GetCapabilities", "()"));
  server = g_object_ref (g_dbus_method_invocation_get_connection (invocation));
  g_dbus_method_invocation_return_value (g_steal_pointer (&invocation),
                                         g_variant_new_parsed ("(@as [],)"));

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return server;
}

/* gt_dbus_queue_disconnect() closes the mock's connection and then stops
 * its thread, but GDBus may queue the connection's "closed" emission on
 * that thread's context after it stopped, which gt_dbus_queue_free()
 * then finds (about one run in ten). Closing it first, and waiting for
 * the emission, keeps the teardown deterministic. */
static void
close_server (Fixture *fixture)
{
  g_autoptr(GDBusConnection) server = get_server_connection (fixture);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int closed = FALSE;
  gulong handler;

  handler = g_signal_connect (server, "closed", G_CALLBACK (server_closed_cb), &closed);
  g_assert_true (g_dbus_connection_close_sync (server, NULL, NULL));

  while (!g_atomic_int_get (&closed))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (1000);
    }

  g_signal_handler_disconnect (server, handler);
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

  close_server (fixture);
  gt_dbus_queue_disconnect (fixture->queue, TRUE);
  g_clear_pointer (&fixture->queue, gt_dbus_queue_free);
  g_clear_pointer (&fixture->node, g_dbus_node_info_unref);
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

/* Answers what libnotify asks before it notifies (it asks for the server
 * information, and may ask for the capabilities), and returns the Notify
 * call, unanswered. */
static GDBusMethodInvocation *
pop_notify (Fixture *fixture,
            guint   *out_n_info)
{
  guint n_info = 0;

  while (TRUE)
    {
      g_autoptr(GDBusMethodInvocation) invocation = NULL;
      const char *method;

      g_assert_true (gt_dbus_queue_pop_message (fixture->queue, &invocation));
      g_assert_cmpstr (g_dbus_method_invocation_get_object_path (invocation), ==, NOTIFICATIONS_PATH);
      g_assert_cmpstr (g_dbus_method_invocation_get_interface_name (invocation), ==, NOTIFICATIONS_NAME);

      method = g_dbus_method_invocation_get_method_name (invocation);
      if (g_str_equal (method, "GetServerInformation"))
        {
          n_info++;
          g_dbus_method_invocation_return_value (g_steal_pointer (&invocation),
                                                 g_variant_new ("(ssss)", "Mock", "Steady tests", "1.0", "1.2"));
        }
      else if (g_str_equal (method, "GetCapabilities"))
        {
          const char *caps[] = { "actions", "body", NULL };

          g_dbus_method_invocation_return_value (g_steal_pointer (&invocation),
                                                 g_variant_new ("(^as)", caps));
        }
      else if (g_str_equal (method, "Notify"))
        {
          *out_n_info = n_info;
          return g_steal_pointer (&invocation);
        }
      else
        {
          g_error ("Unexpected call %s", method);
        }
    }
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

  invocation = pop_notify (fixture, &n_info);
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

  invocation = pop_notify (fixture, &n_info);
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
  gt_dbus_queue_assert_no_messages (fixture->queue);
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
