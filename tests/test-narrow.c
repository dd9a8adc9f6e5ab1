/* test-narrow.c: Steady on a small screen (360 × 640)
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-test-app.h"

#define NARROW_WIDTH  360
#define NARROW_HEIGHT 640

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  /* A window's own measure counts its shadow; its content is what has
   * to fit the screen. */
  if (GTK_IS_WINDOW (widget))
    widget = gtk_widget_get_first_child (widget);

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* Where the width goes: the widest child, down the tree. */
static void
explain (GtkWidget *widget,
         int        depth)
{
  GtkWidget *widest = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (gtk_widget_get_visible (c) && (widest == NULL || min_width (c) > min_width (widest)))
        widest = c;
    }
  g_printerr ("%*s%s %d\n", depth, "", G_OBJECT_TYPE_NAME (widget), min_width (widget));
  if (widest != NULL && depth < 60)
    explain (widest, depth + 1);
}

/* Each page (and each window the app opens from it) fits 360 pixels:
 * nothing runs off the side, and GTK has nothing to warn about (the
 * tests run with fatal criticals). */
static void
test_pages_fit (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *places[] = { "today", "calendar", "journal", "lessons" };
  static const char *actions[] = { "new-checkin", "help-now", "urge-surf", "halt-check", "checkup", "preferences" };

  /* GNOME's own title-bar buttons (only Close), as on a phone or a
   * small laptop running GNOME; GTK's fallback adds two more. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  /* The window opens at the size it had last time. */
  {
    g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);

    g_settings_set_int (settings, "window-width", NARROW_WIDTH);
    g_settings_set_int (settings, "window-height", NARROW_HEIGHT);
  }
  start_app (fixture);
  drain ();

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", places[i]);
      drain ();
      g_test_message ("%s needs %d px", places[i], min_width (GTK_WIDGET (fixture->window)));
      if (min_width (GTK_WIDGET (fixture->window)) > NARROW_WIDTH)
        explain (GTK_WIDGET (fixture->window), 0);
      g_assert_cmpint (min_width (GTK_WIDGET (fixture->window)), <=, NARROW_WIDTH);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, NARROW_WIDTH);
    }

  /* Narrow, the page switcher moves to the bottom. */
  g_assert_true (gtk_widget_get_mapped (find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_SWITCHER_BAR)));

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (fixture->app), actions[i], NULL);
      drain ();
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
        {
          if (l->data == (gpointer)fixture->window)
            continue;
          g_test_message ("%s: %s needs %d px", actions[i], G_OBJECT_TYPE_NAME (l->data), min_width (l->data));
          if (min_width (l->data) > NARROW_WIDTH)
            explain (l->data, 0);
          g_assert_cmpint (min_width (l->data), <=, NARROW_WIDTH);
        }
      /* One at a time */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; )
        {
          GList *next = l->next;

          if (l->data != (gpointer)fixture->window)
            gtk_window_destroy (l->data);
          l = next;
        }
      drain ();
    }
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/narrow/pages-fit", test_pages_fit);

  return g_test_run ();
}
