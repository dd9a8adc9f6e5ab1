/* steady-today.c: what the Today page says, worked out from the store
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-today"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-lessons.h"
#include "steady-today.h"

/* A check-in with craving at or above this counts as a hard moment when
 * looking for the skills that helped. */
#define HIGH_CRAVING 7

SteadyTodayPart
steady_today_part_of_day (GDateTime *now)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  int hour = g_date_time_get_hour (local);

  if (hour >= 5 && hour < 12)
    return STEADY_TODAY_MORNING;
  if (hour >= 12 && hour < 17)
    return STEADY_TODAY_AFTERNOON;
  if (hour >= 17 && hour < 22)
    return STEADY_TODAY_EVENING;

  return STEADY_TODAY_NIGHT;
}

static void
local_date (GDateTime *now,
            GDate     *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/* First a lesson begun and not finished; then, when craving has been high
 * lately, the lesson of a skill that helped in those moments; else the
 * next lesson not done, in the library's order. */
static void
suggest_lesson (SteadyStore         *store,
                SteadyLessonLibrary *library,
                const GDate         *today,
                SteadyToday         *out)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));
  GDate from = *today;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (steady_lessons_get_state (store, steady_lesson_get_id (lesson)) == STEADY_LESSON_STATE_IN_PROGRESS)
        {
          out->suggested_lesson = g_strdup (steady_lesson_get_id (lesson));
          out->suggestion_reason = STEADY_SUGGESTION_CONTINUE;
          return;
        }
    }

  if (out->week_summary.craving_peak >= HIGH_CRAVING)
    {
      g_autoptr(GPtrArray) helped = NULL;

      g_date_subtract_days (&from, 89);
      helped = steady_journal_stats_helpful_skills (store, &from, today, HIGH_CRAVING, 3, NULL);
      for (guint i = 0; helped != NULL && i < helped->len; i++)
        {
          SteadyJournalSkillStat *stat = g_ptr_array_index (helped, i);
          SteadyLesson *lesson = steady_lesson_library_find_teacher (library, stat->skill_id);

          if (lesson != NULL && stat->helped >= 5)
            {
              out->suggested_lesson = g_strdup (steady_lesson_get_id (lesson));
              out->suggestion_reason = STEADY_SUGGESTION_HELPED_BEFORE;
              out->helped_skill = g_strdup (stat->skill_id);
              return;
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (steady_lessons_get_state (store, steady_lesson_get_id (lesson)) != STEADY_LESSON_STATE_DONE)
        {
          out->suggested_lesson = g_strdup (steady_lesson_get_id (lesson));
          out->suggestion_reason = STEADY_SUGGESTION_NEXT_UNFINISHED;
          return;
        }
    }
}

/**
 * steady_today_load:
 * @store: a #SteadyStore
 * @library: the lessons
 * @now: the current time
 * @today: (out caller-allocates): filled in; free with steady_today_clear()
 * @error: a location for an error
 *
 * Reads on the store's own thread; each query is an indexed lookup.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_today_load (SteadyStore          *store,
                   SteadyLessonLibrary  *library,
                   GDateTime            *now,
                   SteadyToday          *today,
                   GError              **error)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GListModel) upcoming = NULL;
  GDate date;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (library), FALSE);
  g_return_val_if_fail (now != NULL && today != NULL, FALSE);

  memset (today, 0, sizeof *today);
  today->part = steady_today_part_of_day (now);
  local_date (now, &date);

  days = steady_journal_stats_daily (store, &date, 1, error);
  if (days == NULL)
    return FALSE;
  if (days->len > 0)
    today->n_checkins_today = g_array_index (days, SteadyJournalDay, 0).n_entries;

  if (!steady_sobriety_get_summary (store, &date, &today->sobriety, error))
    return FALSE;

  upcoming = steady_calendar_list_upcoming (store, now, 1, error);
  if (upcoming == NULL)
    return FALSE;
  if (g_list_model_get_n_items (upcoming) > 0)
    today->next_session = g_list_model_get_item (upcoming, 0);

  if (!steady_calendar_get_week_hours (store, &date, NULL, &today->week, error))
    return FALSE;

  if (!steady_journal_stats_summary (store, &date, 7, &today->week_summary, error))
    return FALSE;

  suggest_lesson (store, library, &date, today);

  return TRUE;
}

void
steady_today_clear (SteadyToday *today)
{
  g_return_if_fail (today != NULL);

  g_clear_object (&today->next_session);
  g_clear_pointer (&today->suggested_lesson, g_free);
  g_clear_pointer (&today->helped_skill, g_free);
}

/**
 * steady_today_describe_week:
 *
 * Returns: (transfer full) (nullable): one plain sentence comparing the
 *   last seven days with the seven before, or %NULL when there is too
 *   little to compare
 */
char *
steady_today_describe_week (const SteadyJournalSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->n_entries == 0 || summary->previous_n_entries == 0)
    return NULL;

  /* Craving first: its fall is the clearest sign that things are easing. */
  if (summary->craving_peak >= 0 && summary->previous_craving_peak >= 0 &&
      summary->craving_peak != summary->previous_craving_peak)
    return g_strdup (summary->craving_peak < summary->previous_craving_peak
                       ? _("Your strongest craving this week was lower than the week before.")
                       : _("Cravings were stronger this week than the week before. That happens; your skills and your people can help."));

  if (summary->mood >= 0 && summary->previous_mood >= 0)
    {
      double diff = summary->mood - summary->previous_mood;

      if (diff >= 0.5)
        return g_strdup (_("Your mood this week was better than the week before."));
      if (diff <= -0.5)
        return g_strdup (_("Your mood this week was lower than the week before. Be kind to yourself, and bring it to your next session."));

      return g_strdup (_("Your mood this week was about the same as the week before."));
    }

  return NULL;
}
