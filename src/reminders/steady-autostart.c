/* steady-autostart.c: starting Steady at login, in the background
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "steady-autostart.h"

/**
 * SECTION:steady-autostart
 *
 * Outside a sandbox, an XDG autostart entry in
 * `$XDG_CONFIG_HOME/autostart/<app-id>.desktop` starts `steady
 * --background` at login. Inside the Flatpak the Background portal is
 * asked instead (RequestBackground with autostart). Where neither works,
 * the request fails with %G_IO_ERROR_NOT_SUPPORTED (or the portal's
 * refusal, %G_IO_ERROR_PERMISSION_DENIED) and the caller explains how to
 * start Steady at login by hand.
 */

#define PORTAL_BUS_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT     "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND "org.freedesktop.portal.Background"
#define PORTAL_REQUEST    "org.freedesktop.portal.Request"

/**
 * steady_autostart_is_sandboxed:
 *
 * Returns: %TRUE inside a Flatpak
 */
gboolean
steady_autostart_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * steady_autostart_get_path:
 * @app_id: the application id
 *
 * Returns: (transfer full): where the autostart entry goes
 */
char *
steady_autostart_get_path (const char *app_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (app_id != NULL, NULL);

  name = g_strconcat (app_id, ".desktop", NULL);
  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/**
 * steady_autostart_write_file:
 * @app_id: the application id
 * @error: a location for an error
 *
 * Writes the XDG autostart entry that starts `steady --background`.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_autostart_write_file (const char  *app_id,
                             GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *group = G_KEY_FILE_DESKTOP_GROUP;

  g_return_val_if_fail (app_id != NULL, FALSE);

  path = steady_autostart_get_path (app_id);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  g_key_file_set_string (keyfile, group, G_KEY_FILE_DESKTOP_KEY_TYPE, "Application");
  g_key_file_set_string (keyfile, group, G_KEY_FILE_DESKTOP_KEY_NAME, "Steady");
  /* Not translated here: the session reads the entry, not a person. */
  g_key_file_set_string (keyfile, group, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         "Reminders while the Steady window is closed");
  g_key_file_set_string (keyfile, group, G_KEY_FILE_DESKTOP_KEY_EXEC, "steady --background");
  g_key_file_set_string (keyfile, group, G_KEY_FILE_DESKTOP_KEY_ICON, app_id);
  g_key_file_set_boolean (keyfile, group, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (keyfile, group, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (keyfile, group, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_save_to_file (keyfile, path, error);
}

/**
 * steady_autostart_remove_file:
 * @app_id: the application id
 * @error: a location for an error
 *
 * Removes the autostart entry; one that is not there is no error.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_autostart_remove_file (const char  *app_id,
                              GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (app_id != NULL, FALSE);

  path = steady_autostart_get_path (app_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not remove %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* The Background portal */

typedef struct
{
  GDBusConnection *bus;
  char            *handle;
  guint            response_id;
  gulong           cancelled_id;
  gboolean         enabled;
} PortalRequest;

static void
portal_request_free (gpointer data)
{
  PortalRequest *request = data;

  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
  g_clear_object (&request->bus);
  g_clear_pointer (&request->handle, g_free);
  g_free (request);
}

static void
portal_response_cb (GDBusConnection *bus,
                    const char      *sender_name,
                    const char      *object_path,
                    const char      *interface_name,
                    const char      *signal_name,
                    GVariant        *parameters,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = g_object_ref (G_TASK (user_data));
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE;
  gboolean autostart = FALSE;
  guint32 response = 2;

  if (g_task_get_completed (task) || request->response_id == 0)
    return;

  g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
  request->response_id = 0;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  g_variant_lookup (results, "autostart", "b", &autostart);
  g_debug ("Background portal: response %u, background %d, autostart %d",
           response, background, autostart);

  if (response != 0 || !background || (request->enabled && !autostart))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("Running in the background was not allowed."));
  else
    g_task_return_boolean (task, TRUE);
}

static void
subscribe_response (GTask      *task,
                    const char *handle)
{
  PortalRequest *request = g_task_get_task_data (task);

  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);

  g_free (request->handle);
  request->handle = g_strdup (handle);
  request->response_id =
    g_dbus_connection_signal_subscribe (request->bus, PORTAL_BUS_NAME, PORTAL_REQUEST,
                                        "Response", handle, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                        portal_response_cb,
                                        g_object_ref (task), g_object_unref);
}

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *handle = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_dbus_error_strip_remote_error (error);
      g_message ("The Background portal is not available: %s", error->message);
      if (request->response_id != 0)
        {
          g_dbus_connection_signal_unsubscribe (request->bus, request->response_id);
          request->response_id = 0;
        }
      if (!g_task_get_completed (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("Starting at login is not available here."));
      return;
    }

  /* An older portal picks its own handle. */
  g_variant_get (reply, "(&o)", &handle);
  if (g_strcmp0 (handle, request->handle) != 0)
    subscribe_response (task, handle);
}

static void
portal_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PortalRequest *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  const char *parent_window = g_object_get_data (G_OBJECT (task), "parent-window");
  const char *commandline[] = { "steady", "--background", NULL };
  GVariantBuilder options;

  request->bus = g_bus_get_finish (result, &error);
  if (request->bus == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Starting at login is not available here."));
      return;
    }

  token = g_strdup_printf ("steady%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (request->bus) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_OBJECT "/request/%s/%s", sender, token);
  subscribe_response (task, handle);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Steady reminds you of sessions and check-ins while its window is closed.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (request->enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (request->bus, PORTAL_BUS_NAME, PORTAL_OBJECT, PORTAL_BACKGROUND,
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", parent_window ? parent_window : "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task),
                          request_background_cb, g_object_ref (task));
}

/* Takes @task */
static void
portal_request (GTask      *task,
                gboolean    enabled,
                const char *parent_window)
{
  PortalRequest *request = g_new0 (PortalRequest, 1);

  request->enabled = enabled;
  g_task_set_task_data (task, request, portal_request_free);
  g_object_set_data_full (G_OBJECT (task), "parent-window", g_strdup (parent_window), g_free);

  g_bus_get (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), portal_bus_cb, task);
}

/**
 * steady_autostart_request_async:
 * @app_id: the application id
 * @enabled: whether Steady should start at login
 * @parent_window: (nullable): an XDG parent window handle for the portal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Outside a sandbox writes or removes the autostart entry; inside the
 * Flatpak asks the Background portal (which may ask the person).
 */
void
steady_autostart_request_async (const char          *app_id,
                                gboolean             enabled,
                                const char          *parent_window,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (app_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steady_autostart_request_async);

  if (!steady_autostart_is_sandboxed ())
    {
      GError *error = NULL;
      gboolean ok;

      ok = enabled ? steady_autostart_write_file (app_id, &error)
                   : steady_autostart_remove_file (app_id, &error);
      if (ok)
        {
          g_task_return_boolean (task, TRUE);
        }
      else
        {
          g_message ("Autostart: %s", error->message);
          g_clear_error (&error);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                   _("Starting at login could not be set up."));
        }
      return;
    }

  portal_request (g_steal_pointer (&task), enabled, parent_window);
}

/**
 * steady_autostart_request_portal_async:
 * @enabled: whether Steady should start at login
 * @parent_window: (nullable): an XDG parent window handle for the portal
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * What steady_autostart_request_async() does inside the Flatpak: asks the
 * Background portal on the session bus. Finish with
 * steady_autostart_request_finish().
 */
void
steady_autostart_request_portal_async (gboolean             enabled,
                                       const char          *parent_window,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, steady_autostart_request_async);
  portal_request (task, enabled, parent_window);
}

/**
 * steady_autostart_request_finish:
 * @result: the result
 * @error: a location for an error
 *
 * Returns: %TRUE if Steady will (or, when disabling, will no longer)
 *   start at login
 */
gboolean
steady_autostart_request_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
