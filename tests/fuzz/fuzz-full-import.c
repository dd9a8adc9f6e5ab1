/* fuzz-full-import.c: libFuzzer target for taking back a full export
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steady-calendar.h"
#include "steady-calendar-util.h"
#include "steady-checkup.h"
#include "steady-export.h"
#include "steady-help.h"
#include "steady-ics.h"
#include "steady-journal.h"
#include "steady-journal-match.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-reminder-planner.h"
#include "steady-report.h"
#include "steady-sobriety.h"
#include "steady-today.h"
#include "fuzz-common.h"

/* The input is a file the person picked in "Import Everything": checked,
 * then restored over the data as the app does it
 * (steady-data-actions.c), then read the way the app's pages, reminders
 * and exports read it. Errors are fine anywhere; crashes, criticals and
 * sanitizer reports are not. */

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const guint8  *data,
                            size_t         size);

static SteadyStore *store;
static char *copy_path;

static void
assert_markup (const char *markup)
{
  static const GMarkupParser no_callbacks = { 0, };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

  context = g_markup_parse_context_new (&no_callbacks, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("Not well-formed: %s: %s", error->message, markup);
}

static void
walk_matches (GListModel *matches)
{
  for (guint i = 0; matches != NULL && i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(SteadyJournalMatch) match = g_list_model_get_item (matches, i);
      g_autofree char *markup = steady_journal_match_dup_markup (match);

      /* A label shows it: it must stay well-formed whatever the notes say. */
      if (markup != NULL)
        assert_markup (markup);
      steady_journal_entry_get_notes (steady_journal_match_get_entry (match));
    }
}

static void
read_journal (GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GListModel) periods = NULL;
  SteadyJournalSummary summary;
  SteadySobrietySummary sobriety;
  GDate today, from;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  from = today;
  g_date_subtract_days (&from, 365);

  steady_journal_count (store);
  entries = steady_journal_search (store, "", NULL, NULL, STEADY_JOURNAL_FILTER_NONE, 100, NULL);
  walk_matches (entries);
  g_clear_object (&entries);
  entries = steady_journal_search (store, "payday", &from, &today,
                                   STEADY_JOURNAL_FILTER_LAPSE | STEADY_JOURNAL_FILTER_HIGH_CRAVING, 100, NULL);
  walk_matches (entries);

  for (SteadyJournalChoiceKind kind = STEADY_JOURNAL_CHOICE_EMOTION; kind <= STEADY_JOURNAL_CHOICE_SKILL; kind++)
    {
      g_autoptr(GListModel) choices = steady_journal_list_choices (store, kind, NULL);

      if (choices != NULL)
        g_list_model_get_n_items (choices);
    }

  days = steady_journal_stats_daily (store, &today, 90, NULL);
  if (steady_journal_stats_summary (store, &today, 7, &summary, NULL))
    g_free (steady_journal_summary_describe (&summary));
  triggers = steady_journal_stats_top_triggers (store, &from, &today, 5, NULL);
  skills = steady_journal_stats_helpful_skills (store, &from, &today, 5, 5, NULL);

  steady_sobriety_get_summary (store, &today, &sobriety, NULL);
  periods = steady_sobriety_list_periods (store, &today, NULL);
}

static void
read_calendar (GDateTime *now)
{
  g_autoptr(GDateTime) from = g_date_time_add_days (now, -45);
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 45);
  g_autoptr(GListModel) sessions = steady_calendar_list_occurrences (store, from, to, NULL);
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GListModel) series = NULL;
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *ics = NULL;
  SteadyAttendanceSummary attendance;
  SteadyWeekHours hours;
  guint32 days;
  GDate date;

  series = steady_calendar_list_series (store, NULL);
  for (guint i = 0; series != NULL && i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(SteadySessionSeries) one = g_list_model_get_item (series, i);
      g_autofree char *rule = NULL;
      g_autofree char *start = NULL;

      /* What the session editor and dialog show of it */
      rule = steady_calendar_util_describe_rule (steady_session_series_get_rrule (one),
                                                 steady_session_series_get_tzid (one),
                                                 steady_session_series_get_start_local (one));
      start = steady_calendar_util_describe_start (one);
    }
  upcoming = steady_calendar_list_upcoming (store, now, 10, NULL);
  program = steady_calendar_load_program (store, NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  steady_calendar_get_week_hours (store, &date, zone, &hours, NULL);
  steady_calendar_get_month_days (store, g_date_time_get_year (now), g_date_time_get_month (now),
                                  zone, &days, NULL);
  steady_calendar_get_attendance_summary (store, &attendance, NULL);

  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (sessions, i);

      g_assert_true (g_utf8_validate (steady_occurrence_get_title (occurrence), -1, NULL));
    }

  ics = steady_ics_export (store, NULL, NULL, NULL);
}

static void
read_the_rest (GDateTime *now)
{
  g_autoptr(GListModel) checkups = NULL;
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_auto(GStrv) later = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) next_wakeup = NULL;
  g_autoptr(GDateTime) last_run = g_date_time_add_days (now, -3);
  SteadyReminderSettings settings;
  SteadyLessonsSummary lessons;
  SteadyToday today = { 0, };

  checkups = steady_checkup_list (store, 10, NULL);
  prompts = steady_checkup_plan_prompts (store, now, zone, NULL);
  contacts = steady_contacts_list (store);
  lines = steady_crisis_lines_list (store, "US");
  later = steady_lessons_list_practise_later (store);

  for (SteadySafetySection section = 0; section < STEADY_SAFETY_N_SECTIONS; section++)
    g_strfreev (steady_safety_plan_get_section (store, section));
  steady_lessons_get_summary (store, &lessons);

  steady_reminder_settings_init (&settings);
  steady_reminder_plan (store, &settings, now, last_run, &due, &next_wakeup, NULL);

  if (steady_today_load (store, steady_lesson_library_get_default (), now, &today, NULL))
    steady_today_clear (&today);
}

static void
write_exports (GDateTime *now)
{
  g_autoptr(GOutputStream) checkins = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) attendance = g_memory_output_stream_new_resizable ();
  g_autoptr(SteadyReport) report = NULL;
  GDate from, to;

  steady_export_checkins_csv (store, checkins, NULL, NULL);
  steady_export_attendance_csv (store, attendance, now, NULL, NULL);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2026);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2026);
  steady_report_load (store, &from, &to, TRUE, &report, NULL);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *backups = NULL;

  g_setenv ("TZ", "America/New_York", TRUE);
  /* Stored data may be anything: a warning about it is no bug, a
   * critical is. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  store = fuzz_open_store ();

  /* Where the app copies the chosen file before it checks it. */
  backups = steady_store_get_backup_dir (store);
  g_mkdir_with_parents (backups, 0700);
  copy_path = g_build_filename (backups, ".import.steady", NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 9, 17, 0, 0);
  gboolean ok;

  g_assert_true (g_file_set_contents (copy_path, (const char *)data, size, NULL));

  ok = steady_export_check_full (copy, &error);
  g_assert_true (ok == (error == NULL));
  g_clear_error (&error);

  /* A file that passes the check is restored; it may still be refused
   * there (a migration that fails), and then the data is unchanged. */
  if (ok && steady_store_restore_backup (store, copy_path, now, &error))
    {
      read_journal (now);
      read_calendar (now);
      read_the_rest (now);
      write_exports (now);
    }

  g_unlink (copy_path);
  fuzz_flush_main_context ();

  return 0;
}
