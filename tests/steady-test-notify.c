/* steady-test-notify.c: a mocked org.freedesktop.Notifications for tests
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-test-notify.h"

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

/**
 * steady_test_notify_setup:
 * @with_server: whether the mock owns the notifications name; without
 *   it, nothing does
 */
void
steady_test_notify_setup (SteadyTestNotify *mock,
                          gboolean          with_server)
{
  g_autoptr(GError) error = NULL;

  mock->node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);

  mock->queue = gt_dbus_queue_new ();
  g_assert_true (gt_dbus_queue_connect (mock->queue, &error));
  g_assert_no_error (error);

  gt_dbus_queue_own_name (mock->queue, MOCK_NAME);
  if (with_server)
    gt_dbus_queue_own_name (mock->queue, NOTIFICATIONS_NAME);
  gt_dbus_queue_export_object (mock->queue, NOTIFICATIONS_PATH,
                               mock->node->interfaces[0], &error);
  g_assert_no_error (error);
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

/**
 * steady_test_notify_get_server_connection:
 *
 * Returns: (transfer full): the mock's own connection, from a call to it
 */
GDBusConnection *
steady_test_notify_get_server_connection (SteadyTestNotify *mock)
{
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  GDBusConnection *server;
  gboolean done = FALSE;

  g_dbus_connection_call (gt_dbus_queue_get_client_connection (mock->queue),
                          MOCK_NAME, NOTIFICATIONS_PATH, NOTIFICATIONS_NAME,
                          "GetCapabilities", NULL, G_VARIANT_TYPE ("(as)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_done_cb, &done);

  g_assert_true (gt_dbus_queue_pop_message (mock->queue, &invocation));
  g_assert_true (gt_dbus_queue_match_client_message (mock->queue, invocation,
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
close_server (SteadyTestNotify *mock)
{
  g_autoptr(GDBusConnection) server = steady_test_notify_get_server_connection (mock);
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

/**
 * steady_test_notify_teardown:
 *
 * Stops the mock. Whoever uses libnotify (the notifier) must be gone
 * first: notify_uninit() must come before the disconnect, or the
 * disconnect waits forever for the bus connection libnotify holds.
 */
void
steady_test_notify_teardown (SteadyTestNotify *mock)
{
  close_server (mock);
  gt_dbus_queue_disconnect (mock->queue, TRUE);
  g_clear_pointer (&mock->queue, gt_dbus_queue_free);
  g_clear_pointer (&mock->node, g_dbus_node_info_unref);
}

/**
 * steady_test_notify_pop_notify:
 * @out_n_info: (out) (optional): how many times libnotify asked for the
 *   server information first
 *
 * Answers what libnotify asks before it notifies (it asks for the server
 * information, and may ask for the capabilities), and returns the Notify
 * call, unanswered.
 *
 * Returns: (transfer full): the Notify call
 */
GDBusMethodInvocation *
steady_test_notify_pop_notify (SteadyTestNotify *mock,
                               guint            *out_n_info)
{
  guint n_info = 0;

  while (TRUE)
    {
      g_autoptr(GDBusMethodInvocation) invocation = NULL;
      const char *method;

      g_assert_true (gt_dbus_queue_pop_message (mock->queue, &invocation));
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
          if (out_n_info != NULL)
            *out_n_info = n_info;
          return g_steal_pointer (&invocation);
        }
      else
        {
          g_error ("Unexpected call %s", method);
        }
    }
}
