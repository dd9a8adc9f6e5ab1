/* test-keyboard.c: Tab reaches every control on every page
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-test-app.h"

/* Controls a person acts on: buttons of every kind, switches, text. A
 * control that is not focusable on purpose (a day of the month other than
 * the selected one: arrow keys move between days) is not counted; so are
 * controls inside a focusable row, which the row stands for. */
static void
collect_controls (GtkWidget *widget,
                  GPtrArray *controls)
{
  /* The title bar's minimize, maximize and close are the window
   * manager's (Alt+F4, Super+Up...), outside the Tab chain in every app. */
  if (!gtk_widget_get_mapped (widget) || !gtk_widget_is_sensitive (widget) ||
      GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if ((GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_TEXT (widget) ||
       GTK_IS_TEXT_VIEW (widget) || GTK_IS_LIST_BOX_ROW (widget)) &&
      gtk_widget_get_focusable (widget))
    {
      if (!GTK_IS_LIST_BOX_ROW (widget) ||
          gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)))
        g_ptr_array_add (controls, widget);
      if (GTK_IS_LIST_BOX_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_controls (child, controls);
}

static gboolean
reached (GPtrArray *walk,
         GtkWidget *control)
{
  for (guint i = 0; i < walk->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (walk, i);

      if (focus == control || gtk_widget_is_ancestor (focus, control))
        return TRUE;
    }

  return FALSE;
}

static void
test_tab_reaches_everything (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *places[] = { "today", "calendar", "journal", "lessons" };
  g_autoptr(GPtrArray) missed = g_ptr_array_new_with_free_func (g_free);

  start_app (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GPtrArray) controls = g_ptr_array_new ();
      g_autoptr(GPtrArray) walk = NULL;

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", places[i]);
      drain ();
      walk = tab_walk (GTK_WINDOW (fixture->window));
      collect_controls (GTK_WIDGET (fixture->window), controls);
      g_test_message ("%s: %u controls, Tab stops at %u", places[i], controls->len, walk->len);
      g_assert_cmpuint (controls->len, >, 3);

      for (guint c = 0; c < controls->len; c++)
        {
          GtkWidget *control = g_ptr_array_index (controls, c);

          if (!reached (walk, control))
            g_ptr_array_add (missed, g_strdup_printf ("%s: %s “%s”", places[i], G_OBJECT_TYPE_NAME (control),
                                                      GTK_IS_BUTTON (control) && gtk_button_get_label (GTK_BUTTON (control))
                                                        ? gtk_button_get_label (GTK_BUTTON (control))
                                                        : gtk_widget_get_tooltip_text (control) ? gtk_widget_get_tooltip_text (control) : ""));
        }
    }

  for (guint i = 0; i < missed->len; i++)
    g_printerr ("Not reached by Tab: %s\n", (char *)g_ptr_array_index (missed, i));
  g_assert_cmpuint (missed->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/keyboard/tab-reaches-everything", test_tab_reaches_everything);

  return g_test_run ();
}
