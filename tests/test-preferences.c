/* test-preferences.c: one Preferences window for every setting
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-calendar.h"
#include "steady-preferences-window.h"
#include "steady-program-page.h"
#include "steady-reminders-page.h"
#include "steady-summary-group.h"
#include "steady-test-app.h"
#include "steady-time-row.h"

static SteadyPreferencesWindow *
open_preferences (Fixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  drain ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (STEADY_IS_PREFERENCES_WINDOW (l->data))
        return l->data;
    }

  g_assert_not_reached ();
  return NULL;
}

static GPtrArray *
list_pages (SteadyPreferencesWindow *prefs)
{
  GPtrArray *pages = g_ptr_array_new ();
  GtkWidget *page = find_descendant (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE);

  /* The pages are siblings in the window's stack. */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (page)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      if (ADW_IS_PREFERENCES_PAGE (w))
        g_ptr_array_add (pages, w);
    }

  return pages;
}

static const char *expected_summary;

static gboolean
program_summary_is (Fixture *fixture)
{
  SteadyProgramPage *page = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l && page == NULL; l = l->next)
    {
      if (STEADY_IS_PREFERENCES_WINDOW (l->data))
        page = STEADY_PROGRAM_PAGE (find_descendant (l->data, STEADY_TYPE_PROGRAM_PAGE));
    }

  return page != NULL && g_strcmp0 (steady_program_page_get_summary (page), expected_summary) == 0;
}

/* Every page opens, in the order a person sets things up; a program and
 * a check-in time set there are kept for the next start. */
static void
test_pages_and_change (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *titles[] = { "Program", "Journal", "Reminders", "Help Now", "Data" };
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(SteadyProgram) program = steady_program_new ();
  SteadyPreferencesWindow *prefs;
  GtkWidget *reminders;
  GDate start;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a part of preferences-survive-restart");
      return;
    }

  start_app (fixture);
  prefs = open_preferences (fixture);
  pages = list_pages (prefs);
  g_assert_cmpuint (pages->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);

      g_assert_cmpstr (adw_preferences_page_get_title (page), ==, titles[i]);
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), page);
      drain ();
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
    }

  /* The program page shows what the store holds, and follows it. */
  expected_summary = "9 hours a week";
  wait_for (fixture, program_summary_is);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 2, G_DATE_NOVEMBER, 2026);
  steady_program_set_start_date (program, &start);
  steady_program_set_weekly_minutes (program, 12 * 60);
  steady_program_add_phase (program, 5, 8, 6 * 60);
  g_assert_true (steady_calendar_save_program (steady_application_get_store (fixture->app), program, NULL));
  expected_summary = "12 hours a week";
  wait_for (fixture, program_summary_is);

  /* A check-in time changed on the Reminders page. */
  reminders = find_descendant (GTK_WIDGET (prefs), STEADY_TYPE_REMINDERS_PAGE);
  steady_time_row_set (STEADY_TIME_ROW (find_descendant (reminders, STEADY_TYPE_TIME_ROW)), 7, 45);
  {
    g_autofree char *time = g_settings_get_string (settings, "checkin-time");

    g_assert_cmpstr (time, ==, "07:45");
  }
  g_settings_sync ();
}

static void
test_kept (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autofree char *time = NULL;
  SteadyPreferencesWindow *prefs;
  GtkWidget *row;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a part of preferences-survive-restart");
      return;
    }

  start_app (fixture);
  time = g_settings_get_string (settings, "checkin-time");
  g_assert_cmpstr (time, ==, "07:45");

  prefs = open_preferences (fixture);
  expected_summary = "12 hours a week";
  wait_for (fixture, program_summary_is);
  row = find_descendant (find_descendant (GTK_WIDGET (prefs), STEADY_TYPE_REMINDERS_PAGE), STEADY_TYPE_TIME_ROW);
  g_assert_nonnull (row);
}

/* The summary's days: two weeks up to today when there has been no
 * session; the first day never comes after the last. */
static void
test_summary_range (Fixture       *fixture,
                    gconstpointer  data)
{
  SteadySummaryGroup *group;
  GDate today, from, to, day;

  start_app (fixture);
  group = STEADY_SUMMARY_GROUP (find_descendant (GTK_WIDGET (open_preferences (fixture)), STEADY_TYPE_SUMMARY_GROUP));
  g_assert_nonnull (group);
  g_assert_false (steady_summary_group_get_include_notes (group));

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  steady_summary_group_get_range (group, &from, &to);
  g_assert_cmpint (g_date_compare (&to, &today), ==, 0);
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 13);

  /* A first day after the last takes the last along... */
  day = today;
  g_date_add_days (&day, 3);
  steady_summary_group_set_from (group, &day);
  steady_summary_group_get_range (group, &from, &to);
  g_assert_cmpint (g_date_compare (&from, &day), ==, 0);
  g_assert_cmpint (g_date_compare (&to, &day), ==, 0);

  /* ...and a last day before the first, the first. */
  day = today;
  g_date_subtract_days (&day, 40);
  steady_summary_group_set_to (group, &day);
  steady_summary_group_get_range (group, &from, &to);
  g_assert_cmpint (g_date_compare (&from, &day), ==, 0);
  g_assert_cmpint (g_date_compare (&to, &day), ==, 0);

  /* A range of the person's choosing. */
  g_date_subtract_days (&day, 30);
  steady_summary_group_set_from (group, &day);
  steady_summary_group_get_range (group, &from, &to);
  g_assert_cmpint (g_date_days_between (&from, &to), ==, 30);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (group)));
}

/* Ctrl+Q with reminders on closes the windows and keeps the reminders;
 * "Quit and Pause Reminders" is there only then. */
static void
test_quit_keeps_reminders (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  GActionGroup *actions;

  start_app (fixture);
  actions = G_ACTION_GROUP (fixture->app);
  g_assert_false (g_action_group_get_action_enabled (actions, "quit-all"));
  g_assert_false (steady_application_get_reminders_running (fixture->app));

  g_settings_set_boolean (settings, "reminders-enabled", TRUE);
  drain ();
  g_assert_true (steady_application_get_reminders_running (fixture->app));
  g_assert_true (g_action_group_get_action_enabled (actions, "quit-all"));

  g_action_group_activate_action (actions, "quit", NULL);
  drain ();
  fixture->window = NULL;
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  g_assert_true (steady_application_get_reminders_running (fixture->app));

  /* Turned off, the choice goes away again. */
  g_settings_set_boolean (settings, "reminders-enabled", FALSE);
  drain ();
  g_assert_false (steady_application_get_reminders_running (fixture->app));
  g_assert_false (g_action_group_get_action_enabled (actions, "quit-all"));
}

/* Two starts of the app sharing a home: settings in a key file there (as
 * on a desktop), the program in the store. */
static void
test_survive_restart (void)
{
  g_autofree char *home = g_dir_make_tmp ("steady-test-prefs-XXXXXX", NULL);

  g_setenv ("STEADY_TEST_HOME", home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_test_trap_subprocess ("/steady/preferences/change", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/steady/preferences/kept", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("STEADY_TEST_HOME");
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  g_test_add ("/steady/preferences/change", Fixture, NULL, fixture_setup, test_pages_and_change, fixture_keep_data);
  g_test_add ("/steady/preferences/kept", Fixture, NULL, fixture_setup, test_kept, fixture_teardown);
  if (!g_test_subprocess ())
    g_test_add_func ("/steady/preferences/survive-restart", test_survive_restart);
  ADD_APP_TEST ("/steady/preferences/summary-range", test_summary_range);
  ADD_APP_TEST ("/steady/preferences/quit-keeps-reminders", test_quit_keeps_reminders);

  return g_test_run ();
}
