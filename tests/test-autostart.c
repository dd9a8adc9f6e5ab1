/* test-autostart.c: inside the Flatpak, the Background portal is asked
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libglib-testing/dbus-queue.h>

#include "steady-autostart.h"

/* org.freedesktop.portal.Background as xdg-desktop-portal has it, on a
 * private bus of the test's own. */
#define PORTAL_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_PATH   "/org/freedesktop/portal/desktop"
#define PORTAL_IFACE  "org.freedesktop.portal.Background"
#define REQUEST_IFACE "org.freedesktop.portal.Request"

static const char portal_xml[] =
  "<node>"
  "  <interface name='" PORTAL_IFACE "'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

typedef struct
{
  GtDBusQueue   *queue;
  GDBusNodeInfo *node;
  guint          name_id;
  char          *server_name;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->node = g_dbus_node_info_new_for_xml (portal_xml, &error);
  g_assert_no_error (error);
  fixture->queue = gt_dbus_queue_new ();
  g_assert_true (gt_dbus_queue_connect (fixture->queue, &error));
  g_assert_no_error (error);
  fixture->name_id = gt_dbus_queue_own_name (fixture->queue, PORTAL_NAME);
  gt_dbus_queue_export_object (fixture->queue, PORTAL_PATH, fixture->node->interfaces[0], &error);
  g_assert_no_error (error);

  /* The queue's private bus is the session bus now (GTestDBus). */
}

/* gt_dbus_queue_disconnect() releases the portal's name, and the bus
 * answers with NameLost on the mock service's thread. If that arrives
 * after the thread's last pass, gt_dbus_queue_free() aborts (seen once in
 * CI). So the name is released here first, and once the bus says it has
 * no owner, one more call goes through the service's thread: by the time
 * it is popped, NameLost (sent to the service before it) has been
 * handled. */
static void
release_portal_name (Fixture *fixture)
{
  GDBusConnection *client = gt_dbus_queue_get_client_connection (fixture->queue);
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  gboolean has_owner = TRUE;

  gt_dbus_queue_unown_name (fixture->queue, fixture->name_id);

  while (has_owner)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;

      reply = g_dbus_connection_call_sync (client, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", PORTAL_NAME), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &has_owner);
    }

  g_dbus_connection_call (client, fixture->server_name, PORTAL_PATH, PORTAL_IFACE, "RequestBackground",
                          g_variant_new ("(sa{sv})", "", NULL), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
  g_assert_true (gt_dbus_queue_pop_message (fixture->queue, &invocation));
  g_dbus_method_invocation_return_dbus_error (g_object_ref (invocation),
                                              "org.freedesktop.DBus.Error.Failed", "Test over");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->server_name != NULL)
    release_portal_name (fixture);
  g_clear_pointer (&fixture->server_name, g_free);
  gt_dbus_queue_disconnect (fixture->queue, TRUE);
  g_clear_pointer (&fixture->queue, gt_dbus_queue_free);
  g_clear_pointer (&fixture->node, g_dbus_node_info_unref);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Takes the RequestBackground call, checks it, answers with the handle
 * the caller asked for, then sends the person's answer on it. */
static void
answer (Fixture  *fixture,
        gboolean  want_autostart,
        guint32   response,
        gboolean  allowed)
{
  g_autoptr(GDBusMethodInvocation) invocation = NULL;
  g_autoptr(GVariant) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  g_autofree const char **commandline = NULL;
  const char *token = NULL;
  const char *parent = NULL;
  gboolean autostart = !want_autostart;
  GVariantBuilder results;

  g_assert_true (gt_dbus_queue_pop_message (fixture->queue, &invocation));
  g_assert_cmpstr (g_dbus_method_invocation_get_method_name (invocation), ==, "RequestBackground");
  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(&s@a{sv})", &parent, &options);
  g_assert_cmpstr (parent, ==, "");
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_cmpint (autostart, ==, want_autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_true (g_strv_contains (commandline, "--background"));

  g_free (fixture->server_name);
  fixture->server_name = g_strdup (g_dbus_connection_get_unique_name (g_dbus_method_invocation_get_connection (invocation)));

  /* The handle is /org/freedesktop/portal/desktop/request/SENDER/TOKEN */
  sender = g_strdup (g_dbus_method_invocation_get_sender (invocation) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  g_dbus_method_invocation_return_value (g_object_ref (invocation), g_variant_new ("(o)", handle));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (allowed));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (allowed && want_autostart));
  g_assert_true (g_dbus_connection_emit_signal (g_dbus_method_invocation_get_connection (invocation),
                                                g_dbus_method_invocation_get_sender (invocation),
                                                handle, REQUEST_IFACE, "Response",
                                                g_variant_new ("(ua{sv})", response, &results), &error));
  g_assert_no_error (error);
}

/* Asks the portal as Steady does, has the mock answer, and waits for
 * the result. */
static GAsyncResult *
request (Fixture  *fixture,
         gboolean  want_autostart,
         guint32   response,
         gboolean  allowed)
{
  GAsyncResult *result = NULL;

  steady_autostart_request_portal_async (want_autostart, NULL, NULL, done_cb, &result);
  answer (fixture, want_autostart, response, allowed);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return result;
}

static void
test_allowed (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = request (fixture, TRUE, 0, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_autostart_request_finish (result, &error));
  g_assert_no_error (error);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  /* The person said no in the portal's dialog. */
  g_autoptr(GAsyncResult) result = request (fixture, TRUE, 1, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (steady_autostart_request_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

static void
test_turned_off (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Turning reminders off asks for no autostart. */
  g_autoptr(GAsyncResult) result = request (fixture, FALSE, 0, TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_autostart_request_finish (result, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/steady/autostart/portal-allowed", Fixture, NULL, fixture_setup, test_allowed, fixture_teardown);
  g_test_add ("/steady/autostart/portal-refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/steady/autostart/portal-turned-off", Fixture, NULL, fixture_setup, test_turned_off, fixture_teardown);

  return g_test_run ();
}
