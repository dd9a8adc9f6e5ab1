/* test-today.c: what the Today page says
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steady-calendar.h"
#include "steady-journal.h"
#include "steady-lessons.h"
#include "steady-store-private.h"
#include "steady-today.h"

static SteadyLessonLibrary *
library (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "lessons", NULL);

  return steady_lesson_library_new_from_directory (dir, NULL);
}

static SteadyStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_store_default_path ();
  SteadyStore *store = steady_store_open (path, &error);

  g_assert_no_error (error);

  return store;
}

static void
close_store (SteadyStore *store)
{
  steady_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
}

static void
save_checkin (SteadyStore *store,
              GDateTime   *at,
              int          mood,
              int          craving,
              const char  *skill,
              int          helped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, mood);
  steady_journal_entry_set_craving (entry, craving);
  if (skill != NULL)
    steady_journal_entry_set_skill (entry, skill, helped);
  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
}

static void
test_part_of_day (void)
{
  static const struct { int hour; SteadyTodayPart part; } cases[] = {
    { 4, STEADY_TODAY_NIGHT }, { 5, STEADY_TODAY_MORNING }, { 11, STEADY_TODAY_MORNING },
    { 12, STEADY_TODAY_AFTERNOON }, { 16, STEADY_TODAY_AFTERNOON }, { 17, STEADY_TODAY_EVENING },
    { 21, STEADY_TODAY_EVENING }, { 22, STEADY_TODAY_NIGHT }, { 0, STEADY_TODAY_NIGHT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = g_date_time_new_local (2026, 11, 23, cases[i].hour, 30, 0);

      g_assert_cmpint (steady_today_part_of_day (at), ==, cases[i].part);
    }
}

static void
test_fresh_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyLessonLibrary) lessons = library ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 0, 0);
  SteadyStore *store = open_store ();
  SteadyToday today;

  g_assert_true (steady_today_load (store, lessons, now, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (today.part, ==, STEADY_TODAY_MORNING);
  g_assert_cmpuint (today.n_checkins_today, ==, 0);
  g_assert_false (today.sobriety.active);
  g_assert_null (today.next_session);
  g_assert_cmpuint (today.week.required_minutes, ==, 9 * 60);
  g_assert_cmpint (today.week.attended_seconds, ==, 0);
  /* Nothing begun: the first lesson. */
  g_assert_cmpint (today.suggestion_reason, ==, STEADY_SUGGESTION_NEXT_UNFINISHED);
  g_assert_cmpstr (today.suggested_lesson, ==, "knowing-your-triggers");
  g_assert_null (steady_today_describe_week (&today.week_summary));
  steady_today_clear (&today);

  close_store (store);
}

static void
test_with_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyLessonLibrary) lessons = library ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 23, 19, 0, 0);
  g_autoptr(GDateTime) this_morning = g_date_time_new_local (2026, 11, 23, 8, 0, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 11, 22, 20, 0, 0);
  g_autoptr(GDateTime) last_week = g_date_time_new_local (2026, 11, 14, 20, 0, 0);
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 24, 18, 0, 0);
  g_autofree char *line = NULL;
  SteadyStore *store = open_store ();
  SteadyToday today;
  GDate sober;

  g_assert_true (steady_lessons_sync_skills (store, steady_lesson_library_get_skills (lessons), &error));

  /* A hard week: craving 8, and urge surfing helped a lot. */
  save_checkin (store, last_week, 5, 3, NULL, -1);
  save_checkin (store, yesterday, 4, 8, "urge-surfing", 9);
  save_checkin (store, this_morning, 6, 2, NULL, -1);

  steady_session_series_set_title (series, "Evening group");
  steady_session_series_set_kind (series, STEADY_SESSION_KIND_GROUP_THERAPY);
  steady_session_series_set_start (series, start);
  steady_session_series_set_duration (series, 3 * 3600);
  g_assert_true (steady_calendar_add_series (store, series, NULL, &error));
  g_assert_no_error (error);

  g_date_clear (&sober, 1);
  g_date_set_dmy (&sober, 1, 11, 2026);
  g_assert_true (steady_sobriety_set_start (store, &sober, &error));

  g_assert_true (steady_today_load (store, lessons, now, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (today.part, ==, STEADY_TODAY_EVENING);
  g_assert_cmpuint (today.n_checkins_today, ==, 1);
  g_assert_true (today.sobriety.active);
  g_assert_cmpuint (today.sobriety.current_days, ==, 22);
  g_assert_nonnull (today.next_session);
  g_assert_cmpstr (steady_occurrence_get_title (today.next_session), ==, "Evening group");

  /* The skill that helped at high craving points to its lesson. */
  g_assert_cmpint (today.suggestion_reason, ==, STEADY_SUGGESTION_HELPED_BEFORE);
  g_assert_cmpstr (today.helped_skill, ==, "urge-surfing");
  g_assert_cmpstr (today.suggested_lesson, ==, "riding-out-cravings");

  line = steady_today_describe_week (&today.week_summary);
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "stronger"));
  steady_today_clear (&today);

  /* A lesson begun comes first. */
  g_assert_true (steady_lessons_save_answer (store, "money-basics", "where", "rent", 1, &error));
  g_assert_true (steady_today_load (store, lessons, now, &today, &error));
  g_assert_cmpint (today.suggestion_reason, ==, STEADY_SUGGESTION_CONTINUE);
  g_assert_cmpstr (today.suggested_lesson, ==, "money-basics");
  steady_today_clear (&today);

  close_store (store);
}

static void
test_describe_week (void)
{
  SteadyJournalSummary s = { 7, 5, 5, 6.0, 4, 6, 6, 6.1, 7 };
  g_autofree char *lower = NULL;
  g_autofree char *same = NULL;
  g_autofree char *better = NULL;

  lower = steady_today_describe_week (&s);
  g_assert_nonnull (strstr (lower, "lower than the week before"));

  s.craving_peak = 7;
  same = steady_today_describe_week (&s);
  g_assert_nonnull (strstr (same, "about the same"));

  s.mood = 7.0;
  better = steady_today_describe_week (&s);
  g_assert_nonnull (strstr (better, "better"));

  s.previous_n_entries = 0;
  g_assert_null (steady_today_describe_week (&s));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/today/part-of-day", test_part_of_day);
  g_test_add_func ("/steady/today/fresh-start", test_fresh_start);
  g_test_add_func ("/steady/today/with-data", test_with_data);
  g_test_add_func ("/steady/today/describe-week", test_describe_week);

  return g_test_run ();
}
