/* steady-calendar.h: the session calendar, on a SteadyStore
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-occurrence.h"
#include "steady-program.h"
#include "steady-session-series.h"
#include "steady-store.h"

G_BEGIN_DECLS

/**
 * SteadyWeekHours:
 * @monday: the week's first day
 * @program_week: the program week (from 1), or 0 before the start date
 *   or when there is none
 * @required_minutes: what the program asks for this week
 * @attended_seconds: time in sessions marked attended
 * @scheduled_seconds: time in sessions not cancelled
 * @n_sessions: sessions not cancelled
 * @n_attended: of those, marked attended
 * @n_missed: marked missed
 * @n_excused: marked excused
 * @n_cancelled: cancelled sessions
 *
 * One week's hours. A session belongs to the week its start falls in.
 */
typedef struct
{
  GDate  monday;
  int    program_week;
  guint  required_minutes;
  gint64 attended_seconds;
  gint64 scheduled_seconds;
  guint  n_sessions;
  guint  n_attended;
  guint  n_missed;
  guint  n_excused;
  guint  n_cancelled;
} SteadyWeekHours;

/**
 * SteadyAttendanceSummary:
 * @n_attended: sessions marked attended
 * @n_missed: sessions marked missed
 * @n_excused: sessions marked excused
 * @rate: @n_attended / (@n_attended + @n_missed), from 0 to 1; excused
 *   sessions do not count against it. -1 when nothing counts yet.
 */
typedef struct
{
  guint  n_attended;
  guint  n_missed;
  guint  n_excused;
  double rate;
} SteadyAttendanceSummary;

/* Series */
gboolean          steady_calendar_add_series              (SteadyStore          *store,
                                                           SteadySessionSeries  *series,
                                                           gint64               *out_id,
                                                           GError              **error);
gboolean          steady_calendar_update_series           (SteadyStore          *store,
                                                           SteadySessionSeries  *series,
                                                           GError              **error);
gboolean          steady_calendar_delete_series           (SteadyStore          *store,
                                                           gint64                series_id,
                                                           GError              **error);
gboolean          steady_calendar_split_series            (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadySessionSeries  *following,
                                                           gint64               *out_new_id,
                                                           GError              **error);
SteadySessionSeries *steady_calendar_get_series           (SteadyStore          *store,
                                                           gint64                series_id,
                                                           GError              **error);
GListModel       *steady_calendar_list_series             (SteadyStore          *store,
                                                           GError              **error);

/* One occurrence */
gboolean          steady_calendar_modify_occurrence       (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadySessionSeries  *fields,
                                                           GError              **error);
gboolean          steady_calendar_reset_occurrence        (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           GError              **error);
gboolean          steady_calendar_set_cancelled           (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           gboolean              cancelled,
                                                           GError              **error);
gboolean          steady_calendar_set_attendance          (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadyAttendance      attendance,
                                                           GDateTime            *now,
                                                           GError              **error);
gboolean          steady_calendar_set_reflection          (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           const char           *note,
                                                           const char           *homework,
                                                           GError              **error);
SteadyOccurrence *steady_calendar_get_occurrence          (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           GError              **error);

/* Reading the calendar */
GListModel       *steady_calendar_list_occurrences        (SteadyStore          *store,
                                                           GDateTime            *from,
                                                           GDateTime            *to,
                                                           GError              **error);
GListModel       *steady_calendar_list_upcoming           (SteadyStore          *store,
                                                           GDateTime            *now,
                                                           guint                 n,
                                                           GError              **error);
gboolean          steady_calendar_get_month_days          (SteadyStore          *store,
                                                           int                   year,
                                                           int                   month,
                                                           GTimeZone            *zone,
                                                           guint32              *out_days,
                                                           GError              **error);

/* Program and hours */
SteadyProgram    *steady_calendar_load_program            (SteadyStore          *store,
                                                           GError              **error);
gboolean          steady_calendar_save_program            (SteadyStore          *store,
                                                           SteadyProgram        *program,
                                                           GError              **error);
gboolean          steady_calendar_get_week_hours          (SteadyStore          *store,
                                                           const GDate          *date,
                                                           GTimeZone            *zone,
                                                           SteadyWeekHours      *out_hours,
                                                           GError              **error);
gboolean          steady_calendar_get_attendance_summary  (SteadyStore          *store,
                                                           SteadyAttendanceSummary *out_summary,
                                                           GError              **error);

/* The same writes, on the store's worker; each emits
 * SteadyStore::changed ("calendar") once committed. */
void              steady_calendar_add_series_async        (SteadyStore          *store,
                                                           SteadySessionSeries  *series,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_add_series_finish       (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           gint64               *out_id,
                                                           GError              **error);
void              steady_calendar_update_series_async     (SteadyStore          *store,
                                                           SteadySessionSeries  *series,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_update_series_finish    (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_delete_series_async     (SteadyStore          *store,
                                                           gint64                series_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_delete_series_finish    (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_split_series_async      (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadySessionSeries  *following,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_split_series_finish     (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           gint64               *out_new_id,
                                                           GError              **error);
void              steady_calendar_modify_occurrence_async (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadySessionSeries  *fields,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_modify_occurrence_finish (SteadyStore         *store,
                                                            GAsyncResult        *result,
                                                            GError             **error);
void              steady_calendar_reset_occurrence_async  (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_reset_occurrence_finish (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_set_cancelled_async     (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           gboolean              cancelled,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_set_cancelled_finish    (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_set_attendance_async    (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           SteadyAttendance      attendance,
                                                           GDateTime            *now,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_set_attendance_finish   (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_set_reflection_async    (SteadyStore          *store,
                                                           gint64                series_id,
                                                           const char           *recurrence_id,
                                                           const char           *note,
                                                           const char           *homework,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_set_reflection_finish   (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void              steady_calendar_save_program_async      (SteadyStore          *store,
                                                           SteadyProgram        *program,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean          steady_calendar_save_program_finish     (SteadyStore          *store,
                                                           GAsyncResult         *result,
                                                           GError              **error);

GThread          *steady_calendar_warm_zones              (SteadyStore          *store);

G_END_DECLS
