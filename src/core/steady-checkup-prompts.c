/* steady-checkup-prompts.c: when to offer a short craving check
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-checkup"

#include "config.h"

#include "steady-calendar.h"
#include "steady-checkup-private.h"

/* Between sessions the person is on their own with cravings, and that is
 * most often in the evening and at the weekend. The planner offers a
 * short, optional craving check then, and never during a session or just
 * around one (travel, arriving, settling after).
 *
 * The day's window, local wall-clock time:
 *   Monday to Friday   18:00–22:00
 *   Saturday, Sunday   12:00–22:00
 * The candidate times are on the half hour inside it (18:30, 19:30...
 * 21:30). A candidate is dropped when it falls within
 * STEADY_CHECKUP_PROMPT_GAP_MINUTES of a session that is not cancelled
 * (from that long before its start to that long after its end). Of what
 * is left, the first and the last are kept, as far apart as the day
 * allows: at most STEADY_CHECKUP_MAX_PROMPTS_PER_DAY a day.
 *
 * Times are built from the local date and a wall-clock time, never by
 * adding seconds, so 18:30 stays 18:30 across DST. The planner is a pure
 * function of the store, the zone and "now", so tests use a fixed clock. */

#define WINDOW_END_HOUR 22
#define WEEKDAY_START_HOUR 18
#define WEEKEND_START_HOUR 12
#define SLOT_MINUTE 30

/* "The first and the last free time" below is two prompts. */
G_STATIC_ASSERT (STEADY_CHECKUP_MAX_PROMPTS_PER_DAY == 2);

static gboolean
in_session (GListModel *sessions,
            gint64      t)
{
  const gint64 gap = STEADY_CHECKUP_PROMPT_GAP_MINUTES * 60;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (sessions, i);
      gint64 start, end;

      if (steady_occurrence_get_cancelled (occurrence))
        continue;

      start = steady_occurrence_get_start_unix (occurrence);
      end = start + steady_occurrence_get_duration (occurrence);
      if (t >= start - gap && t < end + gap)
        return TRUE;
    }

  return FALSE;
}

/**
 * steady_checkup_plan_prompts:
 * @store: a #SteadyStore
 * @now: the current time; only its local day matters
 * @zone: (nullable): the person's time zone, or %NULL for the process'
 *   local zone
 * @error: a location for an error
 *
 * Plans the optional craving prompts of @now's local day: on weekday
 * evenings and at weekends, outside session hours, at most
 * %STEADY_CHECKUP_MAX_PROMPTS_PER_DAY. The whole day's plan is returned,
 * also the times already past; the caller (the reminder service, with
 * its record of what fired) decides what is due.
 *
 * Returns: (transfer full) (element-type GDateTime) (nullable): the
 *   prompt times in @zone, in order; empty when the day has no free
 *   time; %NULL with @error set when the calendar cannot be read
 */
GPtrArray *
steady_checkup_plan_prompts (SteadyStore  *store,
                             GDateTime    *now,
                             GTimeZone    *zone,
                             GError      **error)
{
  g_autoptr(GPtrArray) prompts = NULL;
  g_autoptr(GPtrArray) free_slots = NULL;
  g_autoptr(GTimeZone) own_zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) day_start = NULL;
  g_autoptr(GDateTime) day_end = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GListModel) sessions = NULL;
  int year, month, day;
  guint first_hour;
  gboolean weekend;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  own_zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  local = g_date_time_to_timezone (now, own_zone);
  g_date_time_get_ymd (local, &year, &month, &day);
  weekend = g_date_time_get_day_of_week (local) >= 6;
  first_hour = weekend ? WEEKEND_START_HOUR : WEEKDAY_START_HOUR;

  /* The whole local day and a gap either side: a session just before
   * midnight or just after still counts. */
  day_start = g_date_time_new (own_zone, year, month, day, 0, 0, 0);
  day_end = g_date_time_add_days (day_start, 1);
  from = g_date_time_add_minutes (day_start, -STEADY_CHECKUP_PROMPT_GAP_MINUTES);
  to = g_date_time_add_minutes (day_end, STEADY_CHECKUP_PROMPT_GAP_MINUTES);
  sessions = steady_calendar_list_occurrences (store, from, to, error);
  if (sessions == NULL)
    return NULL;

  free_slots = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  for (guint hour = first_hour; hour < WINDOW_END_HOUR; hour++)
    {
      g_autoptr(GDateTime) slot = g_date_time_new (own_zone, year, month, day, hour, SLOT_MINUTE, 0);

      if (!in_session (sessions, g_date_time_to_unix (slot)))
        g_ptr_array_add (free_slots, g_steal_pointer (&slot));
    }

  prompts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  if (free_slots->len > 0)
    g_ptr_array_add (prompts, g_date_time_ref (g_ptr_array_index (free_slots, 0)));
  if (free_slots->len > 1)
    g_ptr_array_add (prompts, g_date_time_ref (g_ptr_array_index (free_slots, free_slots->len - 1)));

  return g_steal_pointer (&prompts);
}
