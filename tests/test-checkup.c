/* test-checkup.c: the weekly self-check, urge surfing and the prompts
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-checkup.h"
#include "steady-journal.h"
#include "steady-store-private.h"
#include "steady-urge-surf.h"

#define ZONE "America/New_York"

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
  g_autofree char *path = g_strdup (steady_store_get_path (store));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  steady_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);

  /* Each case starts from an empty file. */
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

static void
set_answers (SteadyCheckupAnswers *answers,
             const int             values[STEADY_CHECKUP_N_ITEMS])
{
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    answers->answers[i] = values[i];
}

/* The questionnaire */

static void
test_items (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    {
      const char *id = steady_checkup_item_get_id (i);

      g_assert_nonnull (id);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer)id);
      g_assert_cmpuint (strlen (steady_checkup_item_get_text (i)), >, 10);
      /* Only the confidence item is asked the good way round. */
      g_assert_cmpint (steady_checkup_item_is_reversed (i), ==, i == STEADY_CHECKUP_ITEM_CONFIDENCE);
    }

  g_assert_cmpstr (steady_checkup_item_get_id (STEADY_CHECKUP_ITEM_SELF_HARM), ==, "self-harm");
  g_assert_cmpstr (steady_checkup_answer_get_label (STEADY_CHECKUP_NOT_AT_ALL), ==, "Not at all");
  g_assert_cmpstr (steady_checkup_answer_get_label (STEADY_CHECKUP_SEVERAL_DAYS), ==, "Several days");
  g_assert_cmpstr (steady_checkup_answer_get_label (STEADY_CHECKUP_MORE_THAN_HALF), ==, "More than half the days");
  g_assert_cmpstr (steady_checkup_answer_get_label (STEADY_CHECKUP_NEARLY_EVERY_DAY), ==, "Nearly every day");

  /* Said wherever it shows: a self-check for the care team, no diagnosis. */
  g_assert_nonnull (strstr (steady_checkup_get_disclaimer (), "care team"));
  g_assert_nonnull (strstr (steady_checkup_get_disclaimer (), "not a diagnosis"));
  g_assert_cmpint (STEADY_CHECKUP_MAX_SCORE, ==, 24);
}

/* Scoring, against totals worked out by hand. */

static void
test_scoring (void)
{
  static const struct {
    int               answers[STEADY_CHECKUP_N_ITEMS];
    int               total;
    SteadyCheckupBand band;
    gboolean          routing;
  } cases[] = {
    /* All "Not at all": only the reversed confidence item counts, 3 − 0. */
    { { 0, 0, 0, 0, 0, 0, 0, 0 }, 3, STEADY_CHECKUP_BAND_LIGHTER, FALSE },
    /* Everything "Nearly every day": 7 × 3, and confidence 3 − 3 = 0; the
     * self-harm answer routes to help. */
    { { 3, 3, 3, 3, 3, 3, 3, 3 }, 21, STEADY_CHECKUP_BAND_HARD, TRUE },
    /* The lightest week there is: nothing hard, sure every day. */
    { { 0, 0, 0, 0, 0, 0, 3, 0 }, 0, STEADY_CHECKUP_BAND_LIGHTER, FALSE },
    /* The heaviest: everything hard, never sure. */
    { { 3, 3, 3, 3, 3, 3, 0, 3 }, 24, STEADY_CHECKUP_BAND_HARD, TRUE },
    /* 2 + 1 + 3 + 0 + 2 + 3 + (3 − 1) + 0 = 13 */
    { { 2, 1, 3, 0, 2, 3, 1, 0 }, 13, STEADY_CHECKUP_BAND_HEAVIER, FALSE },
    /* The edges of the bands: 7 | 8, 15 | 16. */
    { { 1, 1, 1, 1, 1, 2, 3, 0 }, 7, STEADY_CHECKUP_BAND_LIGHTER, FALSE },
    { { 1, 1, 1, 1, 2, 2, 3, 0 }, 8, STEADY_CHECKUP_BAND_HEAVIER, FALSE },
    /* 3 + 3 + 3 + 3 + 2 + 0 + (3 − 2) + 0 = 15 */
    { { 3, 3, 3, 3, 2, 0, 2, 0 }, 15, STEADY_CHECKUP_BAND_HEAVIER, FALSE },
    { { 3, 3, 3, 3, 3, 0, 2, 0 }, 16, STEADY_CHECKUP_BAND_HARD, FALSE },
    /* A light week with "Several days" to the self-harm item is a hard
     * week, whatever the total: 0 + … + (3 − 3) + 1 = 1 */
    { { 0, 0, 0, 0, 0, 0, 3, 1 }, 1, STEADY_CHECKUP_BAND_HARD, TRUE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      SteadyCheckupAnswers answers;
      int sum = 0;

      set_answers (&answers, cases[c].answers);
      g_test_message ("case %u", c);
      g_assert_true (steady_checkup_answers_is_complete (&answers));
      g_assert_cmpint (steady_checkup_get_total (&answers), ==, cases[c].total);
      g_assert_cmpint (steady_checkup_get_band (&answers), ==, cases[c].band);
      g_assert_cmpint (steady_checkup_needs_safety_routing (&answers), ==, cases[c].routing);

      /* Per item: the answer, but the confidence item reversed. */
      for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
        {
          int expected = i == STEADY_CHECKUP_ITEM_CONFIDENCE ? 3 - cases[c].answers[i] : cases[c].answers[i];

          g_assert_cmpint (steady_checkup_get_item_score (&answers, i), ==, expected);
          sum += expected;
        }
      g_assert_cmpint (sum, ==, cases[c].total);
    }
}

static void
test_bands_and_routing (void)
{
  SteadyCheckupAnswers answers;

  /* Nothing answered: no total, no band, no routing. */
  steady_checkup_answers_init (&answers);
  g_assert_false (steady_checkup_answers_is_complete (&answers));
  g_assert_cmpint (steady_checkup_get_total (&answers), ==, -1);
  g_assert_cmpint (steady_checkup_get_band (&answers), ==, STEADY_CHECKUP_BAND_INCOMPLETE);
  g_assert_false (steady_checkup_needs_safety_routing (&answers));
  g_assert_cmpint (steady_checkup_get_item_score (&answers, STEADY_CHECKUP_ITEM_WORRY), ==, -1);

  /* Routing does not wait for the other answers. */
  for (int a = STEADY_CHECKUP_NOT_AT_ALL; a <= STEADY_CHECKUP_NEARLY_EVERY_DAY; a++)
    {
      answers.answers[STEADY_CHECKUP_ITEM_SELF_HARM] = a;
      g_assert_cmpint (steady_checkup_needs_safety_routing (&answers), ==, a > 0);
      g_assert_cmpint (steady_checkup_get_total (&answers), ==, -1);
    }

  /* Every band has words, none of them clinical. */
  for (SteadyCheckupBand band = STEADY_CHECKUP_BAND_INCOMPLETE; band <= STEADY_CHECKUP_BAND_HARD; band++)
    {
      g_assert_nonnull (steady_checkup_band_get_title (band));
      g_assert_nonnull (steady_checkup_band_get_description (band));
      g_assert_null (strstr (steady_checkup_band_get_title (band), "depress"));
    }
  g_assert_cmpstr (steady_checkup_band_get_title (STEADY_CHECKUP_BAND_LIGHTER), ==, "A lighter week");
  g_assert_cmpstr (steady_checkup_band_get_title (STEADY_CHECKUP_BAND_HEAVIER), ==, "Some weeks are heavier");
  g_assert_cmpstr (steady_checkup_band_get_title (STEADY_CHECKUP_BAND_HARD), ==,
                   "A hard week: bring this to your care team");
}

/* Storage */

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (steady_checkup_save_finish (STEADY_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_storage (void)
{
  static const int first_answers[] = { 2, 1, 3, 0, 2, 3, 1, 0 };
  static const int second_answers[] = { 0, 0, 1, 0, 1, 1, 3, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) last_week = g_date_time_new (zone, 2026, 3, 1, 20, 15, 30);
  g_autoptr(GDateTime) this_week = g_date_time_new (zone, 2026, 3, 8, 19, 0, 0);
  g_autoptr(SteadyCheckupResult) first = NULL;
  g_autoptr(SteadyCheckupResult) second = NULL;
  g_autoptr(SteadyCheckupResult) incomplete = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SteadyCheckupResult) newest = NULL;
  g_autoptr(SteadyCheckupResult) oldest = NULL;
  SteadyCheckupAnswers answers;
  SteadyStore *store = open_store ();
  gboolean done = FALSE;

  g_assert_cmpint (steady_store_get_schema_version (store), ==, steady_store_get_latest_version ());

  list = steady_checkup_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  /* An unanswered item is refused, and nothing is written. */
  set_answers (&answers, first_answers);
  answers.answers[STEADY_CHECKUP_ITEM_SLEEP] = STEADY_CHECKUP_UNANSWERED;
  incomplete = steady_checkup_result_new (&answers, last_week);
  g_assert_cmpint (steady_checkup_result_get_total (incomplete), ==, -1);
  g_assert_false (steady_checkup_save (store, incomplete, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (steady_checkup_result_get_id (incomplete), ==, 0);

  /* A synchronous save... */
  set_answers (&answers, first_answers);
  first = steady_checkup_result_new (&answers, last_week);
  g_assert_cmpint (steady_checkup_result_get_total (first), ==, 13);
  g_assert_true (steady_checkup_save (store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steady_checkup_result_get_id (first), >, 0);

  /* ...and one on the worker, which learns its id on this thread. */
  set_answers (&answers, second_answers);
  second = steady_checkup_result_new (&answers, this_week);
  steady_checkup_save_async (store, second, NULL, save_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (steady_checkup_result_get_id (second), >, steady_checkup_result_get_id (first));
  g_assert_cmpint (steady_checkup_result_get_total (second), ==, 3);

  /* Listed newest first, with their answers, totals and days. */
  list = steady_checkup_list (store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  newest = g_list_model_get_item (list, 0);
  oldest = g_list_model_get_item (list, 1);
  g_assert_cmpint (steady_checkup_result_get_id (newest), ==, steady_checkup_result_get_id (second));
  g_assert_cmpint (steady_checkup_result_get_total (newest), ==, 3);
  g_assert_cmpint (steady_checkup_result_get_total (oldest), ==, 13);
  g_assert_cmpint (g_date_time_to_unix (steady_checkup_result_get_at (oldest)), ==, g_date_time_to_unix (last_week));
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    g_assert_cmpint (steady_checkup_result_get_answer (oldest, i), ==, first_answers[i]);
  g_clear_object (&list);

  /* A limit keeps the newest. */
  list = steady_checkup_list (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_clear_object (&newest);
  newest = g_list_model_get_item (list, 0);
  g_assert_cmpint (steady_checkup_result_get_id (newest), ==, steady_checkup_result_get_id (second));

  close_store (store);
}

static void
test_local_date (void)
{
  static const int values[] = { 0, 0, 0, 0, 0, 0, 3, 0 };
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 7, 4, 23, 30, 0);
  g_autoptr(SteadyCheckupResult) result = NULL;
  SteadyCheckupAnswers answers;
  SteadyStore *store = open_store ();

  /* Filed under the day the person lived, in their zone. */
  set_answers (&answers, values);
  result = steady_checkup_result_new (&answers, at);
  g_assert_cmpstr (steady_checkup_result_get_local_date (result), ==, "2026-07-04");
  g_assert_true (steady_checkup_save (store, result, NULL));
  g_assert_cmpstr (steady_checkup_result_get_local_date (result), ==, "2026-07-04");

  close_store (store);
}

/* Urge surfing */

static void
test_urge_surf_helped (void)
{
  static const struct {
    int before;
    int during[3];
    int after;
    int helped;
    int peak;
    int end;
  } cases[] = {
    /* (8 − 3) / 8 × 10 = 6.25 → 6 */
    { 8, { -1, -1, -1 }, 3, 6, 8, 3 },
    /* (4 − 1) / 4 × 10 = 7.5 → 8: halves round up */
    { 4, { 3, -1, -1 }, 1, 8, 4, 1 },
    /* All the way down helps 10, from anywhere. */
    { 10, { 9, 5, 2 }, 0, 10, 10, 0 },
    { 2, { -1, -1, -1 }, 0, 10, 2, 0 },
    /* A rise along the way is part of the wave: the peak, not the score.
     * (6 − 3) / 6 × 10 = 5 */
    { 6, { 9, 7, -1 }, 3, 5, 9, 3 },
    /* It stayed, or it grew: 0, never below. */
    { 5, { -1, -1, -1 }, 5, 0, 5, 5 },
    { 5, { 6, -1, -1 }, 7, 0, 7, 7 },
    /* Started at 0: nothing to fall. */
    { 0, { -1, -1, -1 }, 0, 0, 0, 0 },
    /* Stopped early: the last rating given is the end. (7 − 4) / 7 → 4.29 → 4 */
    { 7, { 6, 4, -1 }, -1, 4, 7, 4 },
    /* Stopped with nothing after the start: not rated. */
    { 7, { -1, -1, -1 }, -1, STEADY_JOURNAL_UNSET, 7, -1 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_test_message ("case %u", c);
      g_assert_cmpint (steady_urge_surf_compute_helped (cases[c].before, cases[c].during, 3, cases[c].after),
                       ==, cases[c].helped);
      g_assert_cmpint (steady_urge_surf_get_peak (cases[c].before, cases[c].during, 3, cases[c].after),
                       ==, cases[c].peak);
      g_assert_cmpint (steady_urge_surf_get_end (cases[c].during, 3, cases[c].after), ==, cases[c].end);
    }

  g_assert_cmpint (steady_urge_surf_compute_helped (-1, NULL, 0, 3), ==, STEADY_JOURNAL_UNSET);

  /* Rising: higher than the last rating, or 8 and up. */
  g_assert_true (steady_urge_surf_is_rising (5, 6));
  g_assert_true (steady_urge_surf_is_rising (9, 8));
  g_assert_true (steady_urge_surf_is_rising (-1, 8));
  g_assert_false (steady_urge_surf_is_rising (6, 6));
  g_assert_false (steady_urge_surf_is_rising (7, 3));
  g_assert_false (steady_urge_surf_is_rising (-1, 7));
  g_assert_false (steady_urge_surf_is_rising (3, -1));
}

static void
test_urge_surf_entry (void)
{
  static const int during[] = { 9, 6, 4, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = g_date_time_new_local (2026, 3, 6, 21, 5, 0);
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) stopped = NULL;
  g_autoptr(SteadyJournalEntry) saved = NULL;
  g_autofree char *note = NULL;
  SteadyStore *store = open_store ();

  note = steady_urge_surf_format_note (8, 3, 10);
  g_assert_cmpstr (note, ==, "Urge surf: 8 → 3 in 10 minutes");
  g_clear_pointer (&note, g_free);
  note = steady_urge_surf_format_note (8, 3, 1);
  g_assert_cmpstr (note, ==, "Urge surf: 8 → 3 in 1 minute");
  g_clear_pointer (&note, g_free);
  note = steady_urge_surf_format_note (6, -1, 2);
  g_assert_cmpstr (note, ==, "Urge surf: started at 6, stopped after 2 minutes");

  /* 8 at the start, up to 9, then down to 2 after ten minutes. */
  entry = steady_urge_surf_build_entry (started, 8, during, G_N_ELEMENTS (during), 2, 10);
  g_assert_cmpint (steady_journal_entry_get_craving (entry), ==, 9);
  g_assert_cmpint (steady_journal_entry_get_mood (entry), ==, STEADY_JOURNAL_UNSET);
  g_assert_true (steady_journal_entry_has_skill (entry, STEADY_URGE_SURF_SKILL));
  /* (8 − 2) / 8 × 10 = 7.5 → 8 */
  g_assert_cmpint (steady_journal_entry_get_skill_helped (entry, STEADY_URGE_SURF_SKILL), ==, 8);
  g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "Urge surf: 8 → 2 in 10 minutes");
  g_assert_true (g_date_time_equal (steady_journal_entry_get_at (entry), started));

  /* The journal takes it as it is. */
  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
  saved = steady_journal_get (store, steady_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_journal_entry_get_craving (saved), ==, 9);
  g_assert_cmpint (steady_journal_entry_get_skill_helped (saved, STEADY_URGE_SURF_SKILL), ==, 8);
  g_assert_cmpstr (steady_journal_entry_get_notes (saved), ==, "Urge surf: 8 → 2 in 10 minutes");

  /* Stopped after a minute with no rating after the start: the skill is
   * there, not rated. */
  stopped = steady_urge_surf_build_entry (started, 6, NULL, 0, -1, 1);
  g_assert_cmpint (steady_journal_entry_get_craving (stopped), ==, 6);
  g_assert_true (steady_journal_entry_has_skill (stopped, STEADY_URGE_SURF_SKILL));
  g_assert_cmpint (steady_journal_entry_get_skill_helped (stopped, STEADY_URGE_SURF_SKILL), ==, STEADY_JOURNAL_UNSET);
  g_assert_true (steady_journal_save (store, stopped, &error));
  g_assert_no_error (error);

  close_store (store);
}

/* The prompts planner, with a fixed clock */

typedef struct
{
  SteadyStore *store;
  GTimeZone   *zone;
  gint64       group_id;
} Calendar;

static gint64
add_weekly (Calendar          *calendar,
            const char        *title,
            SteadySessionKind  kind,
            int                day,
            int                hour,
            gint64             hours,
            SteadyWeekdays     days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GDateTime) start = g_date_time_new (calendar->zone, 2026, 3, day, hour, 0, 0);
  gint64 id = 0;

  steady_session_series_set_title (series, title);
  steady_session_series_set_kind (series, kind);
  steady_session_series_set_tzid (series, ZONE);
  steady_session_series_set_start (series, start);
  steady_session_series_set_duration (series, hours * 3600);
  if (days != 0)
    steady_session_series_set_weekly (series, days, 0, NULL);
  g_assert_true (steady_calendar_add_series (calendar->store, series, &id, &error));
  g_assert_no_error (error);

  return id;
}

static GPtrArray *
plan (Calendar *calendar,
      int       day,
      int       hour,
      int       minute)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new (calendar->zone, 2026, 3, day, hour, minute, 0);
  GPtrArray *prompts = steady_checkup_plan_prompts (calendar->store, now, calendar->zone, &error);

  g_assert_no_error (error);
  g_assert_nonnull (prompts);

  return prompts;
}

/* "HH:MM HH:MM", the prompts of March @day, read in the zone. */
static char *
plan_text (Calendar *calendar,
           int       day)
{
  g_autoptr(GPtrArray) prompts = plan (calendar, day, 9, 0);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < prompts->len; i++)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (g_ptr_array_index (prompts, i), calendar->zone);
      g_autofree char *hm = g_date_time_format (local, "%H:%M");

      g_assert_cmpint (g_date_time_get_day_of_month (local), ==, day);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, hm);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_plan(calendar, day, expected) \
  G_STMT_START { \
    g_autofree char *got_ = plan_text ((calendar), (day)); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
test_prompts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  Calendar calendar = { open_store (), zone, 0 };

  /* No program yet: weekday evenings and weekend days, far apart.
   * March 2, 2026 is a Monday. */
  assert_plan (&calendar, 2, "18:30 21:30");
  assert_plan (&calendar, 7, "12:30 21:30");

  /* Group Mon/Wed/Fri 18:00–21:00, individual Tuesday 17:00–18:00,
   * family on Sundays 13:00–14:00. */
  calendar.group_id = add_weekly (&calendar, "Group", STEADY_SESSION_KIND_GROUP_THERAPY, 2, 18, 3,
                                  STEADY_WEEKDAY_MONDAY | STEADY_WEEKDAY_WEDNESDAY | STEADY_WEEKDAY_FRIDAY);
  add_weekly (&calendar, "Individual", STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, 3, 17, 1, STEADY_WEEKDAY_TUESDAY);
  add_weekly (&calendar, "Family", STEADY_SESSION_KIND_FAMILY_THERAPY, 8, 13, 1, STEADY_WEEKDAY_SUNDAY);

  /* Group evenings: only once group is well over. */
  assert_plan (&calendar, 2, "21:30");
  assert_plan (&calendar, 4, "21:30");
  /* Tuesday: half an hour after the individual session ends, and later. */
  assert_plan (&calendar, 3, "18:30 21:30");
  /* Thursday and Saturday are free. */
  assert_plan (&calendar, 5, "18:30 21:30");
  assert_plan (&calendar, 7, "12:30 21:30");
  /* Sunday (the day clocks go forward): not around the family session. */
  assert_plan (&calendar, 8, "14:30 21:30");
  /* After the change, 21:30 is still 21:30. */
  assert_plan (&calendar, 9, "21:30");

  /* The time of day of "now" does not change the day's plan. */
  {
    g_autoptr(GPtrArray) morning = plan (&calendar, 3, 0, 5);
    g_autoptr(GPtrArray) late = plan (&calendar, 3, 23, 59);

    g_assert_cmpuint (morning->len, ==, late->len);
    for (guint i = 0; i < morning->len; i++)
      g_assert_true (g_date_time_equal (g_ptr_array_index (morning, i), g_ptr_array_index (late, i)));
  }

  /* A cancelled group frees the evening again. */
  {
    g_autoptr(GDateTime) from = g_date_time_new (zone, 2026, 3, 11, 0, 0, 0);
    g_autoptr(GDateTime) to = g_date_time_new (zone, 2026, 3, 12, 0, 0, 0);
    g_autoptr(GListModel) wednesday = steady_calendar_list_occurrences (calendar.store, from, to, &error);
    g_autoptr(SteadyOccurrence) group = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (wednesday), ==, 1);
    group = g_list_model_get_item (wednesday, 0);
    assert_plan (&calendar, 11, "21:30");
    g_assert_true (steady_calendar_set_cancelled (calendar.store, calendar.group_id,
                                                  steady_occurrence_get_recurrence_id (group), TRUE, &error));
    g_assert_no_error (error);
    assert_plan (&calendar, 11, "18:30 21:30");
  }

  /* A long evening session leaves no room at all. */
  add_weekly (&calendar, "Workshop", STEADY_SESSION_KIND_WORKSHOP, 12, 18, 4, 0);
  assert_plan (&calendar, 12, "");

  /* Over two weeks: never more than two a day, always in the day's window,
   * never within half an hour of a session. */
  for (int day = 2; day <= 15; day++)
    {
      g_autoptr(GPtrArray) prompts = plan (&calendar, day, 12, 0);
      g_autoptr(GDateTime) from = g_date_time_new (zone, 2026, 3, day, 0, 0, 0);
      g_autoptr(GDateTime) to = g_date_time_add_days (from, 1);
      g_autoptr(GListModel) sessions = steady_calendar_list_occurrences (calendar.store, from, to, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (prompts->len, <=, STEADY_CHECKUP_MAX_PROMPTS_PER_DAY);

      for (guint i = 0; i < prompts->len; i++)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (g_ptr_array_index (prompts, i), zone);
          gboolean weekend = g_date_time_get_day_of_week (local) >= 6;
          gint64 t = g_date_time_to_unix (local);

          g_assert_cmpint (g_date_time_get_hour (local), >=, weekend ? 12 : 18);
          g_assert_cmpint (g_date_time_get_hour (local), <, 22);
          if (i > 0)
            g_assert_cmpint (t, >, g_date_time_to_unix (g_ptr_array_index (prompts, i - 1)));

          for (guint s = 0; s < g_list_model_get_n_items (sessions); s++)
            {
              g_autoptr(SteadyOccurrence) session = g_list_model_get_item (sessions, s);
              gint64 start = steady_occurrence_get_start_unix (session);
              gint64 end = start + steady_occurrence_get_duration (session);

              if (steady_occurrence_get_cancelled (session))
                continue;
              g_assert_false (t >= start - STEADY_CHECKUP_PROMPT_GAP_MINUTES * 60 &&
                              t < end + STEADY_CHECKUP_PROMPT_GAP_MINUTES * 60);
            }
        }
    }

  close_store (calendar.store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/checkup/items", test_items);
  g_test_add_func ("/steady/checkup/scoring", test_scoring);
  g_test_add_func ("/steady/checkup/bands-and-routing", test_bands_and_routing);
  g_test_add_func ("/steady/checkup/storage", test_storage);
  g_test_add_func ("/steady/checkup/local-date", test_local_date);
  g_test_add_func ("/steady/checkup/urge-surf-helped", test_urge_surf_helped);
  g_test_add_func ("/steady/checkup/urge-surf-entry", test_urge_surf_entry);
  g_test_add_func ("/steady/checkup/prompts", test_prompts);

  return g_test_run ();
}
