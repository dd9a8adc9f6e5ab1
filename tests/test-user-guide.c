/* test-user-guide.c: Help in the menu and F1 open the guide, or say why not
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steady-application.h"
#include "steady-window.h"

#include "steady-test-app.h"

static char *recorded_uri_path;

static void
write_mimeapps (const char *contents)
{
  g_autofree char *path = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "mimeapps.list", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A handler for help: URIs in the test's own folders. The person's
 * choice (mimeapps.list) comes before any handler the system has, so the
 * case does not depend on whether Yelp is installed. */
static void
install_help_handler (const char *exec)
{
  g_autofree char *apps = g_build_filename (g_getenv ("XDG_DATA_HOME"), "applications", NULL);
  g_autofree char *desktop = g_build_filename (apps, "steady-test-help.desktop", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=Test Help\n"
                              "NoDisplay=true\n"
                              "MimeType=x-scheme-handler/help;\n"
                              "Exec=%s %%u\n", exec);
  g_file_set_contents (desktop, contents, -1, &error);
  g_assert_no_error (error);

  write_mimeapps ("[Default Applications]\n"
                  "x-scheme-handler/help=steady-test-help.desktop\n");
}

static gboolean
uri_recorded (Fixture *fixture)
{
  return g_file_test (recorded_uri_path, G_FILE_TEST_EXISTS);
}

static gboolean
launch_done (Fixture *fixture)
{
  return !g_application_get_is_busy (G_APPLICATION (fixture->app));
}

static gboolean
poll_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
test_help_opens_guide (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *recorder = g_build_filename (g_get_home_dir (), "record-help", NULL);
  g_autofree char *uri = NULL;
  g_auto(GStrv) accels = NULL;
  GtkMenuButton *menu_button;
  GMenuModel *menu;
  gboolean in_menu = FALSE;
  guint poll;

  /* The handler writes down the address it was asked to open. */
  recorded_uri_path = g_build_filename (g_get_home_dir (), "record-help.uri", NULL);
  g_assert_true (g_file_set_contents (recorder, "#!/bin/sh\nprintf '%s' \"$1\" > \"$0.uri\"\n", -1, NULL));
  g_assert_cmpint (g_chmod (recorder, 0700), ==, 0);
  install_help_handler (recorder);

  start_app (fixture);

  /* F1, and Help in the main menu. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.help");
  g_assert_cmpstr (accels[0], ==, "F1");

  menu_button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (fixture->window), GTK_TYPE_MENU_BUTTON));
  g_assert_true (gtk_menu_button_get_primary (menu_button));
  menu = gtk_menu_button_get_menu_model (menu_button);
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            in_menu |= g_strcmp0 (action, "app.help") == 0;
        }
    }
  g_assert_true (in_menu);

  /* The handler runs in a process of its own: look for its note now and
   * then (the wait itself has a guard against hanging). */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help", NULL);
  poll = g_timeout_add (50, poll_cb, NULL);
  wait_for (fixture, uri_recorded);
  g_source_remove (poll);
  /* Until the launch is over the window is held, also past the store. */
  wait_for (fixture, launch_done);

  g_assert_true (g_file_get_contents (recorded_uri_path, &uri, NULL, NULL));
  g_assert_cmpstr (uri, ==, HELP_URI);
  g_assert_cmpstr (HELP_URI, ==, "help:steady");

  g_clear_pointer (&recorded_uri_path, g_free);
}

static AdwMessageDialog *
find_guide_message (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) &&
          g_strcmp0 (adw_message_dialog_get_heading (l->data), "The Guide Could Not Be Opened") == 0)
        return l->data;
    }

  return NULL;
}

static gboolean
guide_message_shown (Fixture *fixture)
{
  return find_guide_message (fixture) != NULL;
}

static void
test_help_unavailable (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* No Help app: as on a system without Yelp, also where it is
   * installed, hidden by the person's own list. */
  write_mimeapps ("[Removed Associations]\n"
                  "x-scheme-handler/help=yelp.desktop;org.gnome.Yelp.desktop;\n");

  start_app (fixture);
  g_test_expect_message ("steady-user-guide", G_LOG_LEVEL_MESSAGE, "Could not open help:steady*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "app.help", NULL));
  wait_for (fixture, guide_message_shown);
  g_test_assert_expected_messages ();

  /* It says where the pages are, over the window F1 was pressed in. */
  dialog = find_guide_message (fixture);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), HELP_DIR));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/user-guide/opens-guide", test_help_opens_guide);
  ADD_APP_TEST ("/steady/user-guide/unavailable", test_help_unavailable);

  return g_test_run ();
}
