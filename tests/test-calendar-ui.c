/* test-calendar-ui.c: the calendar as a person uses it, under Xvfb
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "steady-calendar.h"
#include "steady-calendar-page.h"
#include "steady-ics-import-dialog.h"
#include "steady-month-view.h"
#include "steady-occurrence-dialog.h"
#include "steady-program-dialog.h"
#include "steady-session-editor.h"
#include "steady-test-app.h"

/* What the conditions below wait for. */
static GType       waited_type;
static const char *expected_text;
static guint       expected_count;

static gpointer
find_window (Fixture *fixture,
             GType    type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }

  return NULL;
}

static gboolean
window_open (Fixture *fixture)
{
  return find_window (fixture, waited_type) != NULL;
}

static gboolean
window_closed (Fixture *fixture)
{
  return find_window (fixture, waited_type) == NULL;
}

static gpointer
wait_for_window (Fixture *fixture,
                 GType    type)
{
  waited_type = type;
  wait_for (fixture, window_open);

  return find_window (fixture, type);
}

static void
wait_for_close (Fixture *fixture,
                GType    type)
{
  waited_type = type;
  wait_for (fixture, window_closed);
}

static SteadyCalendarPage *
show_calendar (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "calendar"));
  drain ();
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "calendar");

  return steady_window_get_calendar_page (fixture->window);
}

static SteadyStore *
get_store (Fixture *fixture)
{
  return steady_application_get_store (fixture->app);
}

static gboolean
hours_text_is (Fixture *fixture)
{
  return g_strcmp0 (steady_calendar_page_get_hours_text (steady_window_get_calendar_page (fixture->window)),
                    expected_text) == 0;
}

static gboolean
upcoming_has_items (Fixture *fixture)
{
  GListModel *upcoming = steady_calendar_page_get_upcoming (steady_window_get_calendar_page (fixture->window));

  return upcoming != NULL && g_list_model_get_n_items (upcoming) >= expected_count;
}

static const char *expected_file;

/* A new file is written in place: wait for its end. */
static gboolean
file_written (Fixture *fixture)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (expected_file, &contents, NULL, NULL) &&
         strstr (contents, "END:VCALENDAR") != NULL;
}

static gboolean
series_counted (Fixture *fixture)
{
  g_autoptr(GListModel) series = steady_calendar_list_series (get_store (fixture), NULL);

  return series != NULL && g_list_model_get_n_items (series) == expected_count;
}

/* Today, and the Monday two weeks before this week's: a series that
 * starts there has sessions in the past, whatever day the test runs. */
static void
get_days (GDate *today,
          GDate *monday)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  *monday = *today;
  g_date_subtract_days (monday, g_date_get_weekday (today) - G_DATE_MONDAY + 14);
}

static char *
start_local_of (const GDate *day,
                int          hour)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:00:00",
                          g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), hour);
}

static void
select_in_calendar (GtkCalendar *calendar,
                    const GDate *day)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  gtk_calendar_select_day (calendar, noon);
}

/* Group therapy, Monday, Wednesday and Friday at 18:00 for three hours,
 * from @monday on: through the editor's own widgets. */
static void
fill_weekly_series (SteadySessionEditor *editor,
                    const GDate         *monday)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (steady_session_editor_get_widget (editor, "kind")),
                              STEADY_SESSION_KIND_GROUP_THERAPY);
  gtk_editable_set_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "title")), "Evening group");
  gtk_editable_set_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "location")), "Room 2");
  gtk_editable_set_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "facilitator")), "Dana");
  select_in_calendar (GTK_CALENDAR (steady_session_editor_get_widget (editor, "date")), monday);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_session_editor_get_widget (editor, "hour")), 18);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_session_editor_get_widget (editor, "minute")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_session_editor_get_widget (editor, "duration")), 180);

  /* Every week: Monday comes on by itself, the start's day. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (steady_session_editor_get_widget (editor, "repeat")), 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (steady_session_editor_get_widget (editor, "day:0"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (steady_session_editor_get_widget (editor, "day:2")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (steady_session_editor_get_widget (editor, "day:4")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (steady_session_editor_get_widget (editor, "ends")), 0);
}

static gint64
add_weekly_series (SteadyStore *store,
                   const GDate *monday,
                   const char  *title)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autofree char *start = start_local_of (monday, 18);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  steady_session_series_set_kind (series, STEADY_SESSION_KIND_GROUP_THERAPY);
  steady_session_series_set_title (series, title);
  steady_session_series_set_start_local (series, start);
  steady_session_series_set_duration (series, 3 * 60 * 60);
  steady_session_series_set_weekly (series, STEADY_WEEKDAY_MONDAY | STEADY_WEEKDAY_WEDNESDAY | STEADY_WEEKDAY_FRIDAY,
                                    0, NULL);
  g_assert_true (steady_calendar_add_series (store, series, &id, &error));
  g_assert_no_error (error);

  return id;
}

static void
test_weekly_series_and_attendance (Fixture       *fixture,
                                   gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadySessionEditor *editor;
  SteadyMonthView *month;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SteadySessionSeries) series = NULL;
  g_autoptr(SteadyOccurrence) first = NULL;
  g_autoptr(SteadyOccurrence) next = NULL;
  g_autofree char *start = NULL;
  GListModel *agenda;
  GDate today, monday;

  get_days (&today, &monday);
  start_app (fixture);
  page = show_calendar (fixture);
  month = steady_calendar_page_get_month_view (page);

  /* New session: the page's action opens the editor; fill it in
   * through its widgets and save with its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new-session", NULL));
  editor = wait_for_window (fixture, STEADY_TYPE_SESSION_EDITOR);
  fill_weekly_series (editor, &monday);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  wait_for_close (fixture, STEADY_TYPE_SESSION_EDITOR);

  /* Stored as entered. */
  all = steady_calendar_list_series (get_store (fixture), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  series = g_list_model_get_item (all, 0);
  start = start_local_of (&monday, 18);
  g_assert_cmpstr (steady_session_series_get_title (series), ==, "Evening group");
  g_assert_cmpstr (steady_session_series_get_location (series), ==, "Room 2");
  g_assert_cmpstr (steady_session_series_get_start_local (series), ==, start);
  g_assert_cmpint (steady_session_series_get_duration (series), ==, 3 * 60 * 60);
  g_assert_nonnull (strstr (steady_session_series_get_rrule (series), "BYDAY=MO,WE,FR"));

  /* The month marks the session days of the first week, and only them. */
  for (int i = 0; i < 7; i++)
    {
      GDate day = monday;

      g_date_add_days (&day, i);
      steady_calendar_page_select_date (page, &day);
      drain ();
      g_assert_cmpint (steady_month_view_is_marked (month, &day), ==, i == 0 || i == 2 || i == 4);
    }

  /* Upcoming lists the next ones, at 18:00 on one of the days. */
  expected_count = 2;
  wait_for (fixture, upcoming_has_items);
  next = g_list_model_get_item (steady_calendar_page_get_upcoming (page), 0);
  g_assert_cmpstr (steady_occurrence_get_title (next), ==, "Evening group");
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (steady_occurrence_get_start (next));
    int weekday = g_date_time_get_day_of_week (local);

    g_assert_cmpint (g_date_time_get_hour (local), ==, 18);
    g_assert_true (weekday == 1 || weekday == 3 || weekday == 5);
  }

  /* The first session, two weeks back: the agenda shows it, unmarked. */
  steady_calendar_page_select_date (page, &monday);
  drain ();
  agenda = steady_calendar_page_get_agenda (page);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  first = g_list_model_get_item (agenda, 0);
  g_assert_cmpint (steady_occurrence_get_attendance (first), ==, STEADY_ATTENDANCE_UNMARKED);
  g_assert_cmpstr (steady_calendar_page_get_hours_text (page), ==, "0 of 9 hours that week");
  g_assert_cmpint (steady_month_view_get_mark (month, &monday), ==, STEADY_MONTH_MARK_SESSIONS);

  /* Marked attended from the agenda's menu action: that week's hours
   * and the attendance rate follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.set-attendance", "(xsi)",
                                             steady_occurrence_get_series_id (first),
                                             steady_occurrence_get_recurrence_id (first),
                                             (gint32)STEADY_ATTENDANCE_ATTENDED));
  expected_text = "3 of 9 hours that week";
  wait_for (fixture, hours_text_is);
  g_assert_nonnull (strstr (steady_calendar_page_get_rate_text (page), "100%"));
  g_clear_object (&first);
  first = g_list_model_get_item (steady_calendar_page_get_agenda (page), 0);
  g_assert_cmpint (steady_occurrence_get_attendance (first), ==, STEADY_ATTENDANCE_ATTENDED);

  /* The grid shows it at a glance: a tick on that day. */
  g_assert_cmpint (steady_month_view_get_mark (month, &monday), ==, STEADY_MONTH_MARK_ATTENDED);
  {
    GDate wednesday = monday;

    g_date_add_days (&wednesday, 2);
    g_assert_cmpint (steady_month_view_get_mark (month, &wednesday), ==, STEADY_MONTH_MARK_SESSIONS);
  }
}

static void
test_session_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadyOccurrenceDialog *dialog;
  g_autoptr(SteadyOccurrence) wednesday = NULL;
  g_autoptr(SteadyOccurrence) stored = NULL;
  g_autofree char *rid = NULL;
  gint64 id;
  GDate today, monday, day;

  get_days (&today, &monday);
  start_app (fixture);
  page = show_calendar (fixture);
  id = add_weekly_series (get_store (fixture), &monday, "Evening group");

  /* Wednesday two weeks back: missed, with what to remember and practise. */
  day = monday;
  g_date_add_days (&day, 2);
  steady_calendar_page_select_date (page, &day);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (steady_calendar_page_get_agenda (page)), ==, 1);
  wednesday = g_list_model_get_item (steady_calendar_page_get_agenda (page), 0);

  dialog = STEADY_OCCURRENCE_DIALOG (steady_calendar_page_open_session (page, wednesday));
  g_assert_true (gtk_widget_get_sensitive (steady_occurrence_dialog_get_widget (dialog, "missed")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (steady_occurrence_dialog_get_widget (dialog, "missed")), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (steady_occurrence_dialog_get_widget (dialog, "note"))),
                            "Was sick; called the program. 🌧", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (steady_occurrence_dialog_get_widget (dialog, "homework"))),
                            "Urge surfing twice this week", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "session.save", NULL));
  wait_for_close (fixture, STEADY_TYPE_OCCURRENCE_DIALOG);

  rid = g_strdup (steady_occurrence_get_recurrence_id (wednesday));
  stored = steady_calendar_get_occurrence (get_store (fixture), id, rid, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpint (steady_occurrence_get_attendance (stored), ==, STEADY_ATTENDANCE_MISSED);
  g_assert_cmpstr (steady_occurrence_get_note (stored), ==, "Was sick; called the program. 🌧");
  g_assert_cmpstr (steady_occurrence_get_homework (stored), ==, "Urge surfing twice this week");

  /* A missed session counts no hours; the rate says none attended. */
  expected_text = "0 of 9 hours that week";
  wait_for (fixture, hours_text_is);
  g_assert_nonnull (strstr (steady_calendar_page_get_rate_text (page), ": 0%"));

  /* Exported, the schedule goes; what the person wrote stays private. */
  {
    g_autofree char *path = g_build_filename (g_get_user_data_dir (), "steady", "sessions.ics", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    steady_calendar_page_export_file (page, file);
    expected_file = path;
    wait_for (fixture, file_written);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "BEGIN:VCALENDAR"));
    g_assert_nonnull (strstr (contents, "SUMMARY:Evening group"));
    g_assert_null (strstr (contents, "Was sick"));
    g_assert_null (strstr (contents, "Urge surfing"));
  }

  /* A session in the future cannot be marked yet. */
  {
    g_autoptr(SteadyOccurrence) later = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    expected_count = 2;
    wait_for (fixture, upcoming_has_items);
    later = g_list_model_get_item (steady_calendar_page_get_upcoming (page), 1);
    if (g_date_time_compare (steady_occurrence_get_start (later), now) > 0)
      {
        dialog = STEADY_OCCURRENCE_DIALOG (steady_calendar_page_open_session (page, later));
        g_assert_false (gtk_widget_get_sensitive (steady_occurrence_dialog_get_widget (dialog, "attended")));
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "session.close", NULL));
        wait_for_close (fixture, STEADY_TYPE_OCCURRENCE_DIALOG);
      }
  }
}

static void
answer_scope (Fixture    *fixture,
              const char *response)
{
  AdwMessageDialog *question = wait_for_window (fixture, ADW_TYPE_MESSAGE_DIALOG);

  g_assert_true (adw_message_dialog_get_response_enabled (question, response));
  adw_message_dialog_response (question, response);
  gtk_window_destroy (GTK_WINDOW (question));
}

static void
test_edit_this_and_following (Fixture       *fixture,
                              gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadySessionEditor *editor;
  g_autoptr(SteadyOccurrence) one = NULL;
  g_autoptr(SteadyOccurrence) later = NULL;
  g_autoptr(SteadyOccurrence) changed = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(SteadySessionSeries) newer = NULL;
  gint64 id;
  GDate today, monday;

  get_days (&today, &monday);
  start_app (fixture);
  page = show_calendar (fixture);
  id = add_weekly_series (get_store (fixture), &monday, "Evening group");
  expected_count = 3;
  wait_for (fixture, upcoming_has_items);
  one = g_list_model_get_item (steady_calendar_page_get_upcoming (page), 0);
  later = g_list_model_get_item (steady_calendar_page_get_upcoming (page), 2);

  /* This session only: an hour later, another title. */
  editor = STEADY_SESSION_EDITOR (steady_calendar_page_open_editor (page, one));
  gtk_editable_set_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "title")), "Group, moved");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_session_editor_get_widget (editor, "hour")), 19);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  answer_scope (fixture, "this");
  wait_for_close (fixture, STEADY_TYPE_SESSION_EDITOR);

  changed = steady_calendar_get_occurrence (get_store (fixture), id, steady_occurrence_get_recurrence_id (one), NULL);
  g_assert_cmpstr (steady_occurrence_get_title (changed), ==, "Group, moved");
  g_assert_true (steady_occurrence_get_moved (changed));
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (steady_occurrence_get_start (changed));

    g_assert_cmpint (g_date_time_get_hour (local), ==, 19);
  }

  /* This and following: a new series from the third session on. */
  editor = STEADY_SESSION_EDITOR (steady_calendar_page_open_editor (page, later));
  gtk_editable_set_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "title")), "Step-down group");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  answer_scope (fixture, "following");
  wait_for_close (fixture, STEADY_TYPE_SESSION_EDITOR);

  all = steady_calendar_list_series (get_store (fixture), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  newer = g_list_model_get_item (all, 1);
  g_assert_cmpstr (steady_session_series_get_title (newer), ==, "Step-down group");
  g_assert_cmpstr (steady_session_series_get_start_local (newer), ==, steady_occurrence_get_recurrence_id (later));
}

static char *
find_ics (void)
{
  char *path = g_test_build_filename (G_TEST_DIST, "ics", "rfc5545.ics", NULL);

  /* Run by hand from the build folder, without meson's environment. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (__FILE__);

      g_free (path);
      path = g_build_filename (dir, "ics", "rfc5545.ics", NULL);
    }

  return path;
}

static void
test_import_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadyIcsImportDialog *dialog;
  SteadyIcsPreview *preview;
  SteadyMonthView *month;
  g_autofree char *path = find_ics ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint32 days = 0;
  guint n_marked = 0;
  GDate shown, day;

  start_app (fixture);
  page = show_calendar (fixture);
  month = steady_calendar_page_get_month_view (page);

  /* As the file manager hands it over (the app registers for
   * text/calendar): read, parsed, previewed. */
  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  g_assert_cmpstr (steady_window_get_visible_page (fixture->window), ==, "calendar");
  dialog = wait_for_window (fixture, STEADY_TYPE_ICS_IMPORT_DIALOG);
  preview = steady_ics_import_dialog_get_preview (dialog);
  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_NEW), ==, 4);
  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_SKIPPED), ==, 1);
  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_DUPLICATE), ==, 0);
  g_assert_nonnull (strstr (steady_ics_import_dialog_get_summary (dialog), "4 events will be added"));

  /* Confirmed: stored, and the page turns to the first new session. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL));
  wait_for_close (fixture, STEADY_TYPE_ICS_IMPORT_DIALOG);
  expected_count = 4;
  wait_for (fixture, series_counted);
  drain ();

  steady_month_view_get_date (month, &shown);
  g_assert_cmpint (g_date_get_year (&shown), ==, 2026);
  g_assert_cmpint (g_date_get_month (&shown), ==, G_DATE_MARCH);

  /* The marks are the core's days with sessions, whatever the zone the
   * test runs in. */
  g_assert_true (steady_calendar_get_month_days (get_store (fixture), 2026, 3, NULL, &days, NULL));
  g_date_clear (&day, 1);
  for (int d = 1; d <= 31; d++)
    {
      gboolean marked = (days & (1u << (d - 1))) != 0;

      g_date_set_dmy (&day, d, G_DATE_MARCH, 2026);
      g_assert_cmpint (steady_month_view_is_marked (month, &day), ==, marked);
      n_marked += marked;
    }
  g_assert_cmpuint (n_marked, >=, 8);

  /* Twice the same file: nothing new, nothing to confirm. */
  steady_calendar_page_import_file (page, file);
  dialog = wait_for_window (fixture, STEADY_TYPE_ICS_IMPORT_DIALOG);
  preview = steady_ics_import_dialog_get_preview (dialog);
  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_NEW), ==, 0);
  g_assert_cmpuint (steady_ics_preview_count (preview, STEADY_ICS_ITEM_DUPLICATE), ==, 4);
  g_assert_nonnull (strstr (steady_ics_import_dialog_get_summary (dialog), "Nothing new"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.confirm", NULL);
  drain ();
  g_assert_true (find_window (fixture, STEADY_TYPE_ICS_IMPORT_DIALOG) == dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  wait_for_close (fixture, STEADY_TYPE_ICS_IMPORT_DIALOG);
  g_assert_true (series_counted (fixture));
}

static void
test_program_and_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadyProgramDialog *dialog;
  SteadyMonthView *month;
  g_autoptr(SteadyProgram) program = NULL;
  guint first, last, minutes;
  GDate day, today, monday;

  get_days (&today, &monday);
  start_app (fixture);
  page = show_calendar (fixture);
  month = steady_calendar_page_get_month_view (page);

  /* Program hours: 12 a week, stepping down to 6 in weeks 5 to 8. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.program", NULL));
  dialog = wait_for_window (fixture, STEADY_TYPE_PROGRAM_DIALOG);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_program_dialog_get_widget (dialog, "hours")), 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "program.add-phase", NULL));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_program_dialog_get_widget (dialog, "phase:0:first")), 5);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_program_dialog_get_widget (dialog, "phase:0:last")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (steady_program_dialog_get_widget (dialog, "phase:0:hours")), 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "program.save", NULL));
  wait_for_close (fixture, STEADY_TYPE_PROGRAM_DIALOG);

  program = steady_calendar_load_program (get_store (fixture), NULL);
  g_assert_cmpuint (steady_program_get_weekly_minutes (program), ==, 12 * 60);
  g_assert_cmpuint (steady_program_get_n_phases (program), ==, 1);
  steady_program_get_phase (program, 0, &first, &last, &minutes);
  g_assert_cmpuint (first, ==, 5);
  g_assert_cmpuint (last, ==, 8);
  g_assert_cmpuint (minutes, ==, 6 * 60);
  expected_text = "0 of 12 hours this week";
  steady_calendar_page_select_date (page, &today);
  wait_for (fixture, hours_text_is);

  /* Keyboard: the bindings' actions, from January 31. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 31, G_DATE_JANUARY, 2026);
  steady_calendar_page_select_date (page, &day);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (month), "month.move-months", "i", 1));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&day), ==, 28);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (month), "month.move-horizontal", "i", 1));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&day), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (month), "month.move-days", "i", -7));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_get_month (&day), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&day), ==, 22);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (month), "month.last-day", NULL));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 28);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (month), "month.first-day", NULL));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_get_day (&day), ==, 1);

  /* And back to today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.today", NULL));
  steady_month_view_get_date (month, &day);
  g_assert_cmpint (g_date_compare (&day, &today), ==, 0);
}

static void
test_failed_save_keeps_editor (Fixture       *fixture,
                               gconstpointer  data)
{
  SteadyCalendarPage *page;
  SteadySessionEditor *editor;
  GDate today, monday;

  get_days (&today, &monday);
  start_app (fixture);
  page = show_calendar (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new-session", NULL));
  editor = wait_for_window (fixture, STEADY_TYPE_SESSION_EDITOR);
  fill_weekly_series (editor, &monday);

  /* The disk is full: no file of this process may grow. The editor
   * stays open with everything entered. */
  {
    struct rlimit limit = { 1, 1 };

    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  while (!gtk_revealer_get_reveal_child (GTK_REVEALER (steady_session_editor_get_widget (editor, "error"))))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (find_window (fixture, STEADY_TYPE_SESSION_EDITOR) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "title"))), ==,
                   "Evening group");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (steady_session_editor_get_widget (editor, "location"))), ==,
                   "Room 2");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (steady_session_editor_get_widget (editor, "day:4"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (steady_session_editor_get_widget (editor, "duration"))),
                   ==, 180);

  /* The window can still be closed without a crash. */
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  test_app_init (&argc, &argv);

  ADD_APP_TEST ("/steady/calendar-ui/weekly-series-and-attendance", test_weekly_series_and_attendance);
  ADD_APP_TEST ("/steady/calendar-ui/session-dialog", test_session_dialog);
  ADD_APP_TEST ("/steady/calendar-ui/edit-this-and-following", test_edit_this_and_following);
  ADD_APP_TEST ("/steady/calendar-ui/import-ics", test_import_ics);
  ADD_APP_TEST ("/steady/calendar-ui/program-and-keyboard", test_program_and_keyboard);
  ADD_APP_TEST ("/steady/calendar-ui/failed-save-keeps-editor", test_failed_save_keeps_editor);

  return g_test_run ();
}
