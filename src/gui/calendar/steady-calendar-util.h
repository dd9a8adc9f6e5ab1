/* steady-calendar-util.h: words and days for the calendar's widgets
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steady-occurrence.h"
#include "steady-session-series.h"

G_BEGIN_DECLS

/* The years the calendar core can store; the month grid stays inside. */
#define STEADY_CALENDAR_UTIL_MIN_YEAR 1900
#define STEADY_CALENDAR_UTIL_MAX_YEAR 2199

/**
 * SteadyRepeatEnd:
 * @STEADY_REPEAT_END_NEVER: the series goes on
 * @STEADY_REPEAT_END_UNTIL: the last session falls on or before a day
 * @STEADY_REPEAT_END_COUNT: after a number of sessions
 *
 * The order of the editor's "Ends" choices.
 */
typedef enum
{
  STEADY_REPEAT_END_NEVER,
  STEADY_REPEAT_END_UNTIL,
  STEADY_REPEAT_END_COUNT,
} SteadyRepeatEnd;

/**
 * SteadyWeeklyRule:
 * @days: the days of the week
 * @end: how the series ends
 * @until: the last day, in the series' zone, when @end is
 *   %STEADY_REPEAT_END_UNTIL
 * @count: the number of sessions when @end is %STEADY_REPEAT_END_COUNT
 *
 * A rule the editor can show: every week on some days.
 */
typedef struct
{
  SteadyWeekdays  days;
  SteadyRepeatEnd end;
  GDate           until;
  guint           count;
} SteadyWeeklyRule;

gboolean    steady_calendar_util_parse_weekly      (const char         *rrule,
                                                    const char         *tzid,
                                                    const char         *start_local,
                                                    SteadyWeeklyRule   *out_rule);
gboolean    steady_calendar_util_weekly_equal      (const SteadyWeeklyRule *a,
                                                    const SteadyWeeklyRule *b);
char       *steady_calendar_util_describe_rule     (const char         *rrule,
                                                    const char         *tzid,
                                                    const char         *start_local);

int         steady_calendar_util_get_week_start    (void);
int         steady_calendar_util_get_weekday       (const GDate        *date);
char       *steady_calendar_util_dup_weekday_name  (int                 weekday,
                                                    gboolean            abbreviated);

void        steady_calendar_util_get_today         (GDate              *out_date);
void        steady_calendar_util_date_from_local   (GDate              *out_date,
                                                    GDateTime          *time);
GDateTime  *steady_calendar_util_local_midnight    (const GDate        *date);
gboolean    steady_calendar_util_parse_start_local (const char         *start_local,
                                                    GDate              *out_date,
                                                    int                *out_hour,
                                                    int                *out_minute);

char       *steady_calendar_util_format_date       (const GDate        *date,
                                                    gboolean            abbreviated);
char       *steady_calendar_util_format_time       (GDateTime          *time);
char       *steady_calendar_util_format_time_range (SteadyOccurrence   *occurrence);
char       *steady_calendar_util_format_hours      (gint64              seconds);
char       *steady_calendar_util_format_duration   (gint64              seconds);
char       *steady_calendar_util_describe_start    (SteadySessionSeries *series);
gboolean    steady_calendar_util_is_local_zone     (const char         *tzid);
char       *steady_calendar_util_dup_local_tzid    (void);

const char *steady_calendar_util_attendance_label  (SteadyAttendance    attendance);
const char *steady_calendar_util_attendance_icon   (SteadyAttendance    attendance);

G_END_DECLS
