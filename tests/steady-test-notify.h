/* steady-test-notify.h: a mocked org.freedesktop.Notifications for tests
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libglib-testing/dbus-queue.h>

G_BEGIN_DECLS

#define APP_ID "io.github.steadyapp.Steady"
#define NOTIFICATIONS_NAME "org.freedesktop.Notifications"
#define NOTIFICATIONS_PATH "/org/freedesktop/Notifications"

/* The mock also answers to a name of its own, for the teardown. */
#define MOCK_NAME "io.github.steadyapp.Steady.Tests.Mock"

/* The notification server on a private bus of its own (GtDbusQueue
 * starts one). libnotify talks to the session bus singleton, not to the
 * queue's client connection, so messages are popped with
 * gt_dbus_queue_pop_message() and checked by the tests rather than with
 * gt_dbus_queue_assert_pop_message(), which wants that connection. */
typedef struct
{
  GtDBusQueue   *queue;
  GDBusNodeInfo *node;
} SteadyTestNotify;

void                   steady_test_notify_setup                 (SteadyTestNotify *mock,
                                                                 gboolean          with_server);
void                   steady_test_notify_teardown              (SteadyTestNotify *mock);
GDBusConnection       *steady_test_notify_get_server_connection (SteadyTestNotify *mock);
GDBusMethodInvocation *steady_test_notify_pop_notify            (SteadyTestNotify *mock,
                                                                 guint            *out_n_info);

G_END_DECLS
