/* test-window.c: the real application and window, under Xvfb
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "steady-application.h"
#include "steady-backup.h"
#include "steady-help-dialog.h"
#include "steady-reminders-switch.h"
#include "steady-welcome-dialog.h"
#include "steady-preferences-window.h"
#include "steady-sobriety.h"
#include "steady-lesson-reader.h"
#include "steady-lessons.h"
#include "steady-store.h"
#include "steady-window.h"

#include "steady-test-app.h"

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_bytes_new_take (contents, len);
}

static void
test_smoke (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *places[] = { "calendar", "journal", "lessons", "today" };
  struct stat st;

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  start_app (fixture);

  g_assert_nonnull (steady_application_get_store (fixture->app));
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "today");

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-page", "s", places[i]));
      drain ();
      g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, places[i]);
    }

  /* The data file exists and is private. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The background check finds nothing wrong. */
  drain ();
  g_assert_false (steady_window_is_showing_error (fixture->window));

  /* Help now opens even so, and from the app, not the store. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help-now", NULL);
  drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  drain ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->app))), ==, 3);
}

static void
test_window_size_persists (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  int width, height;

  start_app (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 560);
  gtk_window_close (GTK_WINDOW (fixture->window));
  drain ();
  fixture->window = NULL;

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 560);

  /* A second start in the same process would clash on the bus name, so
   * the second start is the next test's business; here the settings are
   * read back as a new window reads them. */
  g_clear_object (&settings);
  settings = g_settings_new (BASE_APPLICATION_ID);
  fixture->window = steady_window_new (fixture->app);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 560);
}

static void
test_garbage_file_shows_error (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GBytes) before = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path,
                                      "This is not a database. It must stay exactly as it is.\n",
                                      -1, NULL));
  before = read_bytes (fixture->path);

  start_app (fixture);

  g_assert_null (steady_application_get_store (fixture->app));
  g_assert_true (steady_window_is_showing_error (fixture->window));
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "error");

  /* No backup exists, so there is nothing to restore. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                              "win.restore-newest-backup", NULL) &&
                  !steady_window_is_showing_error (fixture->window));

  stop_app (fixture);

  {
    g_autoptr(GBytes) after = read_bytes (fixture->path);

    g_assert_true (g_bytes_equal (before, after));
  }
}

static void
test_damaged_file_offers_backup (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *backup = NULL;
  g_autofree char *value = NULL;
  SteadyStore *store;

  /* A good store with a backup, then the file goes bad. */
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "kept", "yes", NULL));
  backup = steady_store_backup (store, yesterday, NULL, &error);
  g_assert_no_error (error);
  steady_store_close (store);
  g_object_unref (store);
  g_assert_true (g_file_set_contents (fixture->path, "damaged beyond reading", -1, NULL));

  start_app (fixture);
  wait_for (fixture, showing_error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.restore-newest-backup", NULL));
  wait_for (fixture, showing_places);

  store = steady_application_get_store (fixture->app);
  g_assert_nonnull (store);
  value = steady_store_get_state (store, "kept");
  g_assert_cmpstr (value, ==, "yes");

  /* A place first shown after the restore shows the restored data. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.show-page", "s", "journal"));
  drain ();
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "journal");
  g_assert_nonnull (steady_journal_page_get_history (steady_window_get_journal_page (fixture->window)));
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  GtkApplicationWindow *window;
  GtkWindow *shortcuts;
  g_auto(GStrv) accels = NULL;

  start_app (fixture);
  window = GTK_APPLICATION_WINDOW (fixture->window);

  /* The accelerator GTK would give it, and the menu item's action. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.show-help-overlay");
  g_assert_cmpstr (accels[0], ==, "<Control>question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  drain ();
  shortcuts = GTK_WINDOW (gtk_application_window_get_help_overlay (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  /* Closed and asked for again: the same window comes back. */
  gtk_window_close (shortcuts);
  drain ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  drain ();
  g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (window)) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
}

static gboolean
done_pressed (Fixture *fixture)
{
  return gtk_toggle_button_get_active (steady_lesson_reader_get_done_button (fixture->reader));
}

#define LESSON_ANSWER "Tight chest, then it faded after a walk 🌿 — مرحبا"

static void
test_lesson_write (Fixture       *fixture,
                   gconstpointer  data)
{
  SteadyLessonsPage *page;
  SteadyLessonReader *reader;
  GtkTextView *view;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a half of lesson-answer-survives-restart");
      return;
    }

  start_app (fixture);

  /* Through the window's own action, as a skill link or the list does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.open-lesson", "s", "riding-out-cravings"));
  drain ();
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "lessons");

  page = steady_window_get_lessons_page (fixture->window);
  g_assert_cmpstr (steady_lessons_page_get_view (page), ==, "reader");
  reader = STEADY_LESSON_READER (steady_lessons_page_get_reader (page));
  view = steady_lesson_reader_get_answer_view (reader, "craving-body");
  g_assert_nonnull (view);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), LESSON_ANSWER, -1);
  /* A button's keyboard activation clicks after a short press feedback. */
  gtk_widget_activate (GTK_WIDGET (steady_lesson_reader_get_done_button (reader)));
  fixture->reader = reader;
  wait_for (fixture, done_pressed);

  /* Closed before the autosave delay: the close itself must save. */
  stop_app (fixture);
}

static void
test_lesson_check (Fixture       *fixture,
                   gconstpointer  data)
{
  SteadyLessonsPage *page;
  SteadyLessonReader *reader;
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a half of lesson-answer-survives-restart");
      return;
    }

  start_app (fixture);

  g_assert_cmpint (steady_lessons_get_state (steady_application_get_store (fixture->app),
                                             "riding-out-cravings"), ==, STEADY_LESSON_STATE_DONE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.open-lesson", "s", "riding-out-cravings"));
  drain ();
  page = steady_window_get_lessons_page (fixture->window);
  reader = STEADY_LESSON_READER (steady_lessons_page_get_reader (page));
  view = steady_lesson_reader_get_answer_view (reader, "craving-body");
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  g_assert_cmpstr (text, ==, LESSON_ANSWER);
  g_assert_true (gtk_toggle_button_get_active (steady_lesson_reader_get_done_button (reader)));
}

/* Two starts of the app on one data folder, as a person closes and
 * opens it again. */
static void
test_lesson_answer_survives_restart (void)
{
  g_autofree char *home = g_dir_make_tmp ("steady-test-restart-XXXXXX", NULL);

  g_setenv ("STEADY_TEST_HOME", home, TRUE);
  g_test_trap_subprocess ("/steady/window/lesson-write", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_subprocess ("/steady/window/lesson-check", 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("STEADY_TEST_HOME");
}

static SteadyHelpDialog *
find_help_dialog (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (STEADY_IS_HELP_DIALOG (l->data))
        return l->data;
    }

  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static SteadyStore *pending_store;
static guint pending_contacts;

static gboolean
contact_saved (Fixture *fixture)
{
  g_autoptr(GPtrArray) contacts = steady_contacts_list (pending_store);

  return contacts->len == pending_contacts;
}

static gboolean
plan_saved (Fixture *fixture)
{
  return !steady_safety_plan_is_empty (pending_store);
}

static void
test_help_now_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  SteadyHelpDialog *dialog;
  AdwMessageDialog *editor;
  g_auto(GStrv) signs = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  start_app (fixture);
  pending_store = steady_application_get_store (fixture->app);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help-now", NULL);
  drain ();
  dialog = find_help_dialog (fixture);
  g_assert_nonnull (dialog);

  /* The safety plan: type in a section, press Done. */
  steady_help_dialog_set_editing (dialog, TRUE);
  drain ();
  g_assert_nonnull (steady_help_dialog_get_section_view (dialog, STEADY_SAFETY_WARNING_SIGNS));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (steady_help_dialog_get_section_view (dialog, STEADY_SAFETY_WARNING_SIGNS)),
                            "Not sleeping\n\nAvoiding my sponsor\n", -1);
  steady_help_dialog_set_editing (dialog, FALSE);
  wait_for (fixture, plan_saved);
  signs = steady_safety_plan_get_section (pending_store, STEADY_SAFETY_WARNING_SIGNS);
  g_assert_cmpuint (g_strv_length (signs), ==, 2);
  g_assert_cmpstr (signs[1], ==, "Avoiding my sponsor");

  /* A contact, through its editor. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "help.add-contact", NULL));
  drain ();
  editor = find_message_dialog ();
  g_assert_nonnull (editor);
  g_assert_false (adw_message_dialog_get_response_enabled (editor, "save"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (editor), "entry-0"), "Sam");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (editor), "entry-1"), "Sponsor");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (editor), "entry-2"), "555 0100");
  g_assert_true (adw_message_dialog_get_response_enabled (editor, "save"));
  adw_message_dialog_response (editor, "save");
  pending_contacts = 1;
  wait_for (fixture, contact_saved);

  contacts = steady_contacts_list (pending_store);
  g_assert_cmpstr (steady_contact_get_phone (g_ptr_array_index (contacts, 0)), ==, "555 0100");
  g_assert_cmpstr (steady_contact_get_role (g_ptr_array_index (contacts, 0)), ==, "Sponsor");
}

/* Help Now by keyboard alone: Tab reaches Edit; in edit mode it reaches
 * every section of the safety plan (Tab leaves a section rather than
 * typing a tab), adding a contact and adding a crisis line, then Done. */
static void
test_help_now_keyboard (Fixture       *fixture,
                        gconstpointer  data)
{
  SteadyHelpDialog *dialog;
  g_autoptr(GPtrArray) walk = NULL;
  g_auto(GStrv) signs = NULL;
  GtkWidget *edit, *add_contact, *add_line;
  GtkTextView *view;

  start_app (fixture);
  pending_store = steady_application_get_store (fixture->app);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "help-now", NULL);
  drain ();
  dialog = find_help_dialog (fixture);
  g_assert_nonnull (dialog);

  walk = tab_walk (GTK_WINDOW (dialog));
  edit = find_focusable_with_action (walk, "help.edit");
  g_assert_nonnull (edit);
  /* Enter on the focused button */
  g_assert_true (gtk_widget_activate (edit));
  drain ();

  g_clear_pointer (&walk, g_ptr_array_unref);
  walk = tab_walk (GTK_WINDOW (dialog));
  for (int section = 0; section < STEADY_SAFETY_N_SECTIONS; section++)
    {
      view = steady_help_dialog_get_section_view (dialog, section);
      g_assert_nonnull (view);
      g_assert_true (g_ptr_array_find (walk, view, NULL));
      g_assert_false (gtk_text_view_get_accepts_tab (view));
    }
  add_contact = find_focusable_with_action (walk, "help.add-contact");
  add_line = find_focusable_with_action (walk, "help.add-line");
  g_assert_nonnull (add_contact);
  g_assert_nonnull (add_line);

  /* Typed into the first section where the focus is, then Done. */
  view = steady_help_dialog_get_section_view (dialog, STEADY_SAFETY_WARNING_SIGNS);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (view), "Skipping meals\n", -1);
  edit = NULL;
  for (guint i = 0; i < walk->len && edit == NULL; i++)
    {
      GtkWidget *w = g_ptr_array_index (walk, i);

      if (GTK_IS_TOGGLE_BUTTON (w) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (w)))
        edit = w;
    }
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_activate (edit));
  wait_for (fixture, plan_saved);
  signs = steady_safety_plan_get_section (pending_store, STEADY_SAFETY_WARNING_SIGNS);
  g_assert_cmpuint (g_strv_length (signs), ==, 1);
  g_assert_cmpstr (signs[0], ==, "Skipping meals");
}

static gboolean
sober_date_set (Fixture *fixture)
{
  SteadySobrietySummary summary = { 0 };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  steady_sobriety_get_summary (steady_application_get_store (fixture->app), &today, &summary, NULL);

  return summary.active;
}

static void
test_sober_date_in_preferences (Fixture       *fixture,
                                gconstpointer  data)
{
  SteadyPreferencesWindow *prefs = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -10);
  SteadySobrietySummary summary = { 0 };
  GDate today;

  start_app (fixture);
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  drain ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (STEADY_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);

  gtk_calendar_select_day (steady_preferences_window_get_sober_calendar (prefs), start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.set-sober-start", NULL));
  wait_for (fixture, sober_date_set);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_assert_true (steady_sobriety_get_summary (steady_application_get_store (fixture->app), &today, &summary, NULL));
  g_assert_cmpuint (summary.current_days, ==, 10);
}

static SteadyWelcomeDialog *
find_welcome (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (STEADY_IS_WELCOME_DIALOG (l->data))
        return l->data;
    }

  return NULL;
}

static const char *wanted_page;

static GtkSwitch *
find_reminders_switch (SteadyWelcomeDialog *welcome)
{
  GtkWidget *row = find_descendant (GTK_WIDGET (welcome), STEADY_TYPE_REMINDERS_SWITCH);

  g_assert_nonnull (row);
  return steady_reminders_switch_get_switch (STEADY_REMINDERS_SWITCH (row));
}

static gboolean
welcome_on_page (Fixture *fixture)
{
  return find_welcome (fixture) != NULL &&
         g_strcmp0 (steady_welcome_dialog_get_page (find_welcome (fixture)), wanted_page) == 0;
}

static gboolean
welcome_state_saved (Fixture *fixture)
{
  g_autofree char *page = steady_store_get_state (steady_application_get_store (fixture->app), STEADY_WELCOME_PAGE_KEY);

  return g_strcmp0 (page, wanted_page) == 0;
}

static gboolean
welcome_done (Fixture *fixture)
{
  return find_welcome (fixture) == NULL &&
         !steady_welcome_dialog_should_show (steady_application_get_store (fixture->app));
}

/* First start: the welcome shows; quit on its third page. */
static void
test_welcome_part_one (Fixture       *fixture,
                       gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("a part of welcome-first-run");
      return;
    }

  fixture->want_welcome = TRUE;
  start_app (fixture);
  g_assert_nonnull (find_welcome (fixture));
  g_assert_cmpstr (steady_welcome_dialog_get_page (find_welcome (fixture)), ==, "hello");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.next", NULL));
  wanted_page = "privacy";
  wait_for (fixture, welcome_on_page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.next", NULL));
  wanted_page = "schedule";
  wait_for (fixture, welcome_on_page);
  wait_for (fixture, welcome_state_saved);
}

/* Second start: it resumes there; a sober-days date chosen in it is kept;
 * Start lands on Today. */
static void
test_welcome_part_two (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -5);
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autofree char *checkin_time = NULL;
  SteadySobrietySummary summary = { 0 };
  GDate today;

  if (!g_test_subprocess ())
    {
      g_test_skip ("a part of welcome-first-run");
      return;
    }

  fixture->want_welcome = TRUE;
  start_app (fixture);
  wanted_page = "schedule";
  wait_for (fixture, welcome_on_page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.next", NULL));
  wanted_page = "sober";
  wait_for (fixture, welcome_on_page);
  gtk_calendar_select_day (steady_welcome_dialog_get_calendar (find_welcome (fixture)), start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.set-sober-start", NULL));
  wanted_page = "reminders";
  wait_for (fixture, welcome_on_page);

  /* Reminders are off until asked for; the check-in time is kept. */
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (steady_welcome_dialog_get_time_row (find_welcome (fixture)))));
  g_settings_set_boolean (settings, "background-asked", TRUE);
  gtk_switch_set_active (find_reminders_switch (find_welcome (fixture)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (steady_welcome_dialog_get_time_row (find_welcome (fixture)))));
  steady_time_row_set (steady_welcome_dialog_get_time_row (find_welcome (fixture)), 19, 30);
  g_assert_cmpstr (checkin_time = g_settings_get_string (settings, "checkin-time"), ==, "19:30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.next", NULL));
  wanted_page = "done";
  wait_for (fixture, welcome_on_page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.next", NULL));
  wait_for (fixture, welcome_done);
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "today");

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_assert_true (steady_sobriety_get_summary (steady_application_get_store (fixture->app), &today, &summary, NULL));
  g_assert_true (summary.active);
  g_assert_cmpuint (summary.current_days, ==, 5);
}

/* Third start: no welcome. */
static void
test_welcome_part_three (Fixture       *fixture,
                         gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("a part of welcome-first-run");
      return;
    }

  fixture->want_welcome = TRUE;
  start_app (fixture);
  drain ();
  g_assert_null (find_welcome (fixture));
}

static void
test_welcome_first_run (void)
{
  g_autofree char *home = g_dir_make_tmp ("steady-test-welcome-XXXXXX", NULL);
  const char *parts[] = { "/steady/window/welcome-1", "/steady/window/welcome-2", "/steady/window/welcome-3" };

  g_setenv ("STEADY_TEST_HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_test_trap_subprocess (parts[i], 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
  g_unsetenv ("STEADY_TEST_HOME");
}

static gboolean
store_reopened_empty (Fixture *fixture)
{
  SteadyStore *store = steady_application_get_store (fixture->app);
  g_autofree char *kept = NULL;

  if (store == NULL)
    return FALSE;
  kept = steady_store_get_state (store, "test.kept");

  return kept == NULL && find_welcome (fixture) != NULL;
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  SteadyPreferencesWindow *prefs = NULL;
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *backup = NULL;

  start_app (fixture);
  g_assert_true (steady_store_set_state (steady_application_get_store (fixture->app), "test.kept", "yes", NULL));
  backup = steady_store_backup (steady_application_get_store (fixture->app), now, "test", NULL);
  g_assert_nonnull (backup);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  drain ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    if (STEADY_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.delete-all", NULL));
  drain ();

  /* It takes a deliberate word, not a click. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "delete"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "entry"), "Delete ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "delete"));
  adw_message_dialog_response (dialog, "delete");

  /* A fresh store, the welcome again, and the old backup gone (the new,
   * empty store may already have made its own daily one). */
  fixture->want_welcome = TRUE;
  wait_for (fixture, store_reopened_empty);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  backups = steady_store_list_backups (steady_application_get_store (fixture->app), NULL);
  for (guint i = 0; i < backups->len; i++)
    g_assert_false (g_str_has_suffix (steady_backup_get_path (g_ptr_array_index (backups, i)), "-test.db"));
}

static void
test_welcome_skip (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);

  fixture->want_welcome = TRUE;
  start_app (fixture);
  g_assert_nonnull (find_welcome (fixture));

  /* Enter means Next, not Skip. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (find_welcome (fixture))) ==
                 gtk_window_get_default_widget (GTK_WINDOW (find_welcome (fixture))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_window_get_focus (GTK_WINDOW (find_welcome (fixture))))), ==, "_Next");

  /* Skipping lands on Today with nothing set up: calm defaults, reminders
   * off and discreet. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_welcome (fixture)), "welcome.skip", NULL));
  wait_for (fixture, welcome_done);
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "today");
  g_assert_false (g_settings_get_boolean (settings, "reminders-enabled"));
  g_assert_true (g_settings_get_boolean (settings, "reminders-discreet"));
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

#define ADD(name, func) ADD_APP_TEST ("/steady/window/" name, func)
  ADD ("smoke", test_smoke);
  ADD ("size-persists", test_window_size_persists);
  ADD ("garbage-file-shows-error", test_garbage_file_shows_error);
  ADD ("damaged-file-offers-backup", test_damaged_file_offers_backup);
  ADD ("shortcuts", test_shortcuts);
  ADD ("help-now-edit", test_help_now_edit);
  ADD ("help-now-keyboard", test_help_now_keyboard);
  ADD ("sober-date-in-preferences", test_sober_date_in_preferences);
  ADD ("welcome-skip", test_welcome_skip);
  ADD ("delete-all", test_delete_all);
#undef ADD

  g_test_add ("/steady/window/welcome-1", Fixture, NULL, fixture_setup, test_welcome_part_one, fixture_keep_data);
  g_test_add ("/steady/window/welcome-2", Fixture, NULL, fixture_setup, test_welcome_part_two, fixture_keep_data);
  g_test_add ("/steady/window/welcome-3", Fixture, NULL, fixture_setup, test_welcome_part_three, fixture_teardown);
  if (!g_test_subprocess ())
    g_test_add_func ("/steady/window/welcome-first-run", test_welcome_first_run);

  /* The two halves run only as subprocesses of the restart test. */
  g_test_add ("/steady/window/lesson-write", Fixture, NULL, fixture_setup, test_lesson_write, fixture_keep_data);
  g_test_add ("/steady/window/lesson-check", Fixture, NULL, fixture_setup, test_lesson_check, fixture_teardown);
  if (!g_test_subprocess ())
    g_test_add_func ("/steady/window/lesson-answer-survives-restart", test_lesson_answer_survives_restart);

  return g_test_run ();
}
