/* steady-reminder-planner-due.c: which session, check-in and practice reminders are due
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-planner-private.h"
#include "steady-reminder-private.h"

/* How far back the nudge looks for the last check-in. */
#define NUDGE_LOOKBACK_DAYS 366

/* Sessions: lead-time reminders and reflection prompts. */

static guint
max_lead (const SteadyReminderSettings *settings)
{
  guint max = 0;

  for (guint kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
    for (guint i = 0; i < STEADY_REMINDER_MAX_LEADS; i++)
      max = MAX (max, MIN (settings->session_leads[kind][i], STEADY_REMINDER_MAX_LEAD_MINUTES));

  return max;
}

static char *
session_key (SteadyOccurrence *occurrence,
             guint             lead)
{
  return g_strdup_printf ("session:%" G_GINT64_FORMAT ":%s:%u:%" G_GINT64_FORMAT,
                          steady_occurrence_get_series_id (occurrence),
                          steady_occurrence_get_recurrence_id (occurrence),
                          lead,
                          steady_occurrence_get_start_unix (occurrence));
}

static char *
reflection_key (SteadyOccurrence *occurrence)
{
  return g_strdup_printf ("reflect:%" G_GINT64_FORMAT ":%s",
                          steady_occurrence_get_series_id (occurrence),
                          steady_occurrence_get_recurrence_id (occurrence));
}

gboolean
steady_planner_wants_reflection (SteadyReminderPlan *plan,
                                 SteadyOccurrence   *occurrence)
{
  const char *note = steady_occurrence_get_note (occurrence);

  /* Written already: nothing to prompt for. */
  return plan->settings->reflection_enabled &&
         steady_planner_wants_reminders (occurrence) &&
         (note == NULL || *note == '\0');
}

static gint64
reflection_time (SteadyReminderPlan *plan,
                 SteadyOccurrence   *occurrence)
{
  gint64 ended = g_date_time_to_unix (steady_occurrence_get_end (occurrence));

  return steady_planner_after_quiet_hours (plan, ended + STEADY_REMINDER_REFLECTION_DELAY_MINUTES * 60);
}

static void
plan_occurrence (SteadyReminderPlan *plan,
                 SteadyOccurrence   *occurrence)
{
  const SteadyReminderSettings *s = plan->settings;
  SteadySessionKind kind = steady_occurrence_get_kind (occurrence);
  gint64 start = steady_occurrence_get_start_unix (occurrence);
  g_autoptr(SteadyReminder) best = NULL;
  g_autoptr(GPtrArray) superseded = g_ptr_array_new_with_free_func (g_free);

  if (!steady_planner_wants_reminders (occurrence))
    return;

  for (guint i = 0; kind <= STEADY_SESSION_KIND_LAST && i < STEADY_REMINDER_MAX_LEADS; i++)
    {
      guint lead = MIN (s->session_leads[kind][i], STEADY_REMINDER_MAX_LEAD_MINUTES);
      g_autofree char *key = NULL;
      gint64 due;

      if (lead == 0)
        continue;

      key = session_key (occurrence, lead);
      due = steady_planner_lead_due (plan, steady_occurrence_get_start (occurrence), lead);

      /* Useful only until the session starts. Quiet hours do not hold
       * session reminders back. */
      if (!steady_planner_is_due (plan, key, due) || plan->now_unix >= start)
        continue;

      /* Several lead times due at once (after a gap): the nearest says
       * it all; the others are covered by it. */
      if (best == NULL || due > g_date_time_to_unix (steady_reminder_get_due (best)))
        {
          if (best != NULL)
            g_ptr_array_add (superseded, g_strdup (steady_reminder_get_key (best)));
          g_clear_object (&best);
          best = steady_planner_build_session (plan, occurrence, key, due);
        }
      else
        {
          g_ptr_array_add (superseded, g_steal_pointer (&key));
        }
    }

  if (best != NULL)
    {
      for (guint i = 0; i < superseded->len; i++)
        steady_reminder_add_covered_key (best, g_ptr_array_index (superseded, i));
      steady_planner_take_reminder (plan, g_steal_pointer (&best));
    }

  if (steady_planner_wants_reflection (plan, occurrence))
    {
      g_autofree char *key = reflection_key (occurrence);
      gint64 due = reflection_time (plan, occurrence);

      if (steady_planner_is_due (plan, key, due) && steady_planner_is_today (plan, due))
        steady_planner_take_reminder (plan, steady_planner_build_reflection (plan, occurrence, key, due));
    }
}

gboolean
steady_planner_plan_sessions (SteadyReminderPlan  *plan,
                              GError             **error)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GListModel) occurrences = NULL;
  gint64 lead = (gint64)max_lead (plan->settings) * 60;

  if (lead == 0 && !plan->settings->reflection_enabled)
    return TRUE;

  /* Back a day for reflections on sessions that began before the
   * window; ahead for the longest lead (plus an hour a DST change may
   * add to a lead counted in local days). */
  from = g_date_time_new_from_unix_utc (plan->since_unix - 24 * 3600);
  to = g_date_time_new_from_unix_utc (plan->now_unix + MAX_SLEEP_SECONDS + lead + 3600);

  occurrences = steady_calendar_list_occurrences (plan->store, from, to, error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (occurrences, i);

      plan_occurrence (plan, occurrence);
    }

  return TRUE;
}

/* Daily: check-in, nudge, practice. */

static gboolean
load_journal (SteadyReminderPlan  *plan,
              GError             **error)
{
  g_autoptr(GArray) days = NULL;

  plan->days_since_checkin = -1;
  plan->checked_in_today = FALSE;

  days = steady_journal_stats_daily (plan->store, &plan->today, NUDGE_LOOKBACK_DAYS, error);
  if (days == NULL)
    return FALSE;

  for (guint i = days->len; i > 0; i--)
    {
      const SteadyJournalDay *day = &g_array_index (days, SteadyJournalDay, i - 1);

      if (day->n_entries > 0)
        {
          plan->days_since_checkin = (int)(days->len - i);
          break;
        }
    }

  plan->checked_in_today = plan->days_since_checkin == 0;

  return TRUE;
}

static void
load_lessons (SteadyReminderPlan *plan)
{
  g_auto(GStrv) marked = steady_lessons_list_practise_later (plan->store);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  SteadyLessonLibrary *library = steady_lesson_library_get_default ();

  /* A lesson no longer shipped cannot be opened. */
  for (guint i = 0; marked != NULL && marked[i] != NULL; i++)
    if (steady_lesson_library_lookup (library, marked[i]) != NULL)
      g_strv_builder_add (builder, marked[i]);

  plan->lessons = g_strv_builder_end (builder);
}

/* Days without a check-in on @date, counting @date; 0 when there was one
 * that day, -1 when unknown. Days after today are foreseen as empty. */
static int
gap_on (SteadyReminderPlan *plan,
        const GDate        *date)
{
  int ahead = g_date_days_between (&plan->today, date);

  if (plan->days_since_checkin < 0 || ahead < 0)
    return -1;

  return plan->days_since_checkin + ahead;
}

static gboolean
nudge_on (SteadyReminderPlan *plan,
          const GDate        *date,
          guint              *out_gap)
{
  guint n = plan->settings->nudge_days;
  int gap;

  if (n == 0)
    return FALSE;

  gap = gap_on (plan, date);
  if (gap <= 0 || (guint)gap < n || (guint)gap % n != 0)
    return FALSE;

  *out_gap = (guint)gap;

  return TRUE;
}

static void
plan_day (SteadyReminderPlan *plan,
          const GDate        *date)
{
  const SteadyReminderSettings *s = plan->settings;
  gint64 checkin_time = steady_planner_local_at (plan, date, s->checkin_hour, s->checkin_minute);
  char date_text[11];
  guint gap = 0;
  gboolean nudged;

  steady_planner_format_date (date, date_text);

  /* A nudge stands in for that day's check-in reminder. */
  nudged = nudge_on (plan, date, &gap);
  if (nudged)
    {
      g_autofree char *key = g_strdup_printf ("nudge:%s", date_text);
      g_autofree char *checkin_key = g_strdup_printf ("checkin:%s", date_text);
      gint64 due = steady_planner_after_quiet_hours (plan, checkin_time);

      if (steady_planner_is_due (plan, key, due) && steady_planner_is_today (plan, due))
        {
          SteadyReminder *reminder = steady_planner_build_nudge (key, due, gap);

          steady_reminder_add_covered_key (reminder, checkin_key);
          steady_planner_take_reminder (plan, reminder);
        }
    }

  if (s->checkin_enabled && !nudged)
    {
      g_autofree char *key = g_strdup_printf ("checkin:%s", date_text);
      gint64 due = steady_planner_after_quiet_hours (plan, checkin_time);

      /* Only today's, and not once today's check-in is made. */
      if (!(plan->checked_in_today && steady_planner_is_today (plan, due)) &&
          steady_planner_is_due (plan, key, due) && steady_planner_is_today (plan, due))
        steady_planner_take_reminder (plan, steady_planner_build_checkin (key, due));
    }

  if (s->practice_enabled && plan->lessons != NULL && plan->lessons[0] != NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("practise:*:%s", date_text);
      guint n = g_strv_length (plan->lessons);
      const char *lesson = plan->lessons[g_date_get_julian (date) % n];
      g_autofree char *key = g_strdup_printf ("practise:%s:%s", lesson, date_text);
      gint64 due = steady_planner_after_quiet_hours (plan, checkin_time + 3600);

      /* At most one a day, whichever lesson it was. */
      if (!steady_reminder_any_fired (plan->store, pattern) &&
          steady_planner_is_due (plan, key, due) && steady_planner_is_today (plan, due))
        steady_planner_take_reminder (plan, steady_planner_build_practice (key, due, lesson));
    }
}

gboolean
steady_planner_plan_daily (SteadyReminderPlan  *plan,
                           GError             **error)
{
  const SteadyReminderSettings *s = plan->settings;
  GDate date, last;

  if (!s->checkin_enabled && s->nudge_days == 0 && !s->practice_enabled)
    return TRUE;

  if ((s->checkin_enabled || s->nudge_days > 0) && !load_journal (plan, error))
    return FALSE;
  if (s->practice_enabled)
    load_lessons (plan);

  /* One local day at a time, from the day before the window's first
   * (its reminders may have waited for quiet hours to end) to a day after
   * the next wake-up at most. */
  steady_planner_local_date (plan, plan->since_unix, &date);
  g_date_subtract_days (&date, 1);
  steady_planner_local_date (plan, plan->now_unix + MAX_SLEEP_SECONDS, &last);
  g_date_add_days (&last, 1);

  for (; g_date_compare (&date, &last) <= 0; g_date_add_days (&date, 1))
    plan_day (plan, &date);

  return TRUE;
}
