/* steady-calendar-page-marks.c: what the month view marks on each day:
 * sessions, and attendance
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar-page"

#include "config.h"

#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-page-private.h"
#include "steady-calendar-util.h"

/* Which days were attended or missed; only months that have begun can
 * have any. */
static void
mark_attendance (SteadyCalendarPage *self,
                 int                 year,
                 int                 month,
                 SteadyMonthMarks   *marks)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListModel) occurrences = NULL;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  from = steady_calendar_util_local_midnight (&first);
  if (g_date_time_compare (from, now) > 0)
    return;

  g_date_add_months (&first, 1);
  to = steady_calendar_util_local_midnight (&first);
  occurrences = steady_calendar_list_occurrences (self->store, from, to, &error);
  if (occurrences == NULL)
    {
      g_message ("Could not read the month’s attendance: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (occurrences, i);
      g_autoptr(GDateTime) start = g_date_time_to_local (steady_occurrence_get_start (occurrence));
      guint32 bit;

      if (steady_occurrence_get_cancelled (occurrence) ||
          g_date_time_get_year (start) != year || g_date_time_get_month (start) != month)
        continue;

      bit = 1u << (g_date_time_get_day_of_month (start) - 1);
      switch (steady_occurrence_get_attendance (occurrence))
        {
        case STEADY_ATTENDANCE_ATTENDED:
          marks->attended |= bit;
          break;
        case STEADY_ATTENDANCE_MISSED:
          marks->missed |= bit;
          break;
        case STEADY_ATTENDANCE_UNMARKED:
        case STEADY_ATTENDANCE_EXCUSED:
        default:
          break;
        }
    }
}

/* The month view's SteadyMonthMarkFunc: the days with sessions, and
 * those attended or missed. */
void
steady_calendar_page_mark_days (int               year,
                                int               month,
                                SteadyMonthMarks *marks,
                                gpointer          user_data)
{
  SteadyCalendarPage *self = user_data;
  g_autoptr(GError) error = NULL;

  memset (marks, 0, sizeof *marks);
  if (self->store == NULL || year < STEADY_CALENDAR_UTIL_MIN_YEAR || year > STEADY_CALENDAR_UTIL_MAX_YEAR)
    return;

  /* A month costs about a millisecond: fine on the main thread. */
  if (!steady_calendar_get_month_days (self->store, year, month, NULL, &marks->sessions, &error))
    {
      g_message ("Could not read the days with sessions: %s", error->message);
      return;
    }

  mark_attendance (self, year, month, marks);
}
