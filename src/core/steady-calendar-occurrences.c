/* steady-calendar-occurrences.c: changes to single sessions, attendance and notes
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"

/* Single occurrences */

typedef struct
{
  gint64               series_id;
  const char          *recurrence_id;
  SteadySessionSeries *fields;
  SteadyAttendance     attendance;
  gint64               now;
  gboolean             cancelled;
  const char          *note;
  const char          *homework;
} OccurrenceArgs;

static char *
differing (const char *value,
           const char *series_value)
{
  return g_strcmp0 (value, series_value) != 0 ? g_strdup (value) : NULL;
}

/* The series, checked to have a session at the args' recurrence id;
 * with @out_exception, that session's stored change too. */
static SteadyLoadedSeries *
load_occurrence (SteadyStore           *store,
                 sqlite3               *db,
                 OccurrenceArgs        *args,
                 gint64                *out_rid_wall,
                 SteadyExceptionData  **out_exception,
                 GError               **error)
{
  g_autoptr(SteadyLoadedSeries) loaded = NULL;

  loaded = steady_calendar_load_series (store, db, args->series_id, error);
  if (loaded == NULL ||
      !steady_calendar_check_instance (loaded, args->recurrence_id, out_rid_wall, error))
    return NULL;

  if (out_exception != NULL &&
      !steady_calendar_get_exception (store, db, args->series_id, args->recurrence_id,
                                      out_exception, error))
    return NULL;

  return g_steal_pointer (&loaded);
}

/* Writes what the person recorded about one session: @status, or the
 * args' note and homework; a negative status or a %NULL text keeps what
 * was stored. */
static gboolean
upsert_attendance (SteadyStore     *store,
                   sqlite3         *db,
                   OccurrenceArgs  *args,
                   int              status,
                   const char      *what,
                   GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO calendar_attendance "
                               "(series_id, recurrence_id, status, note, homework, modified_utc) "
                               "VALUES (?1, ?2, coalesce (?3, 0), coalesce (?4, ''), coalesce (?5, ''), ?6) "
                               "ON CONFLICT (series_id, recurrence_id) DO UPDATE "
                               "SET status = coalesce (?3, status), note = coalesce (?4, note), "
                               "    homework = coalesce (?5, homework), modified_utc = ?6",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, args->series_id);
  sqlite3_bind_text (stmt, 2, args->recurrence_id, -1, SQLITE_STATIC);
  if (status >= 0)
    sqlite3_bind_int (stmt, 3, status);
  else
    sqlite3_bind_null (stmt, 3);
  steady_calendar_bind_text_or_null (stmt, 4, args->note);
  steady_calendar_bind_text_or_null (stmt, 5, args->homework);
  sqlite3_bind_int64 (stmt, 6, steady_calendar_now_utc ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, what, error);

  return TRUE;
}

static gboolean
modify_occurrence_txn (SteadyStore  *store,
                       sqlite3      *db,
                       gpointer      data,
                       GError      **error)
{
  OccurrenceArgs *args = data;
  SteadySessionSeries *fields = args->fields;
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  g_autoptr(SteadyZone) zone = NULL;
  SteadySessionSeries *series;
  gint64 rid_wall, start_wall, new_start, duration;

  loaded = load_occurrence (store, db, args, &rid_wall, NULL, error);
  if (loaded == NULL)
    return FALSE;
  series = loaded->series;

  if (!steady_calendar_check_text (C_("field", "Title"), steady_session_series_get_title (fields),
                                   STEADY_CALENDAR_MAX_LINE, TRUE, error) ||
      !steady_calendar_check_text (C_("field", "Location"), steady_session_series_get_location (fields),
                                   STEADY_CALENDAR_MAX_LINE, FALSE, error) ||
      !steady_calendar_check_text (C_("field", "Facilitator"), steady_session_series_get_facilitator (fields),
                                   STEADY_CALENDAR_MAX_LINE, FALSE, error) ||
      !steady_calendar_check_text (C_("field", "Notes"), steady_session_series_get_notes (fields),
                                   STEADY_CALENDAR_MAX_TEXT, FALSE, error))
    return FALSE;

  if (!steady_wall_parse (steady_session_series_get_start_local (fields), &start_wall))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The start “%s” is not a date and time between the years %d and %d."),
                   steady_session_series_get_start_local (fields) ? steady_session_series_get_start_local (fields) : "",
                   STEADY_CALENDAR_MIN_YEAR, STEADY_CALENDAR_MAX_YEAR);
      return FALSE;
    }

  duration = steady_session_series_get_duration (fields);
  if (duration < 0 || duration > STEADY_CALENDAR_MAX_DURATION)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A session cannot last longer than a day."));
      return FALSE;
    }

  /* The start may be given in another zone (the person travelling). */
  if (steady_session_series_get_tzid (fields) == NULL ||
      g_strcmp0 (steady_session_series_get_tzid (fields), steady_session_series_get_tzid (series)) == 0)
    zone = steady_zone_ref (loaded->zone);
  else
    zone = steady_calendar_lookup_zone (store, db, fields, error);
  if (zone == NULL)
    return FALSE;

  if (!steady_calendar_get_exception (store, db, args->series_id, args->recurrence_id, &exception, error))
    return FALSE;
  if (exception == NULL)
    exception = steady_exception_data_new (args->recurrence_id);

  new_start = steady_zone_to_utc (zone, start_wall);
  exception->moved = new_start != steady_zone_to_utc (loaded->zone, rid_wall);
  exception->start_utc = exception->moved ? new_start : 0;
  exception->has_duration = duration != steady_session_series_get_duration (series);
  exception->duration = exception->has_duration ? duration : 0;
  exception->kind = steady_session_series_get_kind (fields) != steady_session_series_get_kind (series)
                    ? (int)steady_session_series_get_kind (fields) : -1;

  g_free (exception->title);
  g_free (exception->location);
  g_free (exception->facilitator);
  g_free (exception->notes);
  exception->title = differing (steady_session_series_get_title (fields), steady_session_series_get_title (series));
  exception->location = differing (steady_session_series_get_location (fields), steady_session_series_get_location (series));
  exception->facilitator = differing (steady_session_series_get_facilitator (fields), steady_session_series_get_facilitator (series));
  exception->notes = differing (steady_session_series_get_notes (fields), steady_session_series_get_notes (series));

  return steady_calendar_insert_exception (store, db, args->series_id, exception, error);
}

/**
 * steady_calendar_modify_occurrence:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @fields: the session as it should be (from steady_occurrence_dup_fields());
 *   its rule is ignored
 * @error: a location for an error
 *
 * "This session only": stores how one session differs from its series,
 * without touching the series. Fields equal to the series' follow the
 * series' later edits.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_modify_occurrence (SteadyStore          *store,
                                   gint64                series_id,
                                   const char           *recurrence_id,
                                   SteadySessionSeries  *fields,
                                   GError              **error)
{
  OccurrenceArgs args = { .series_id = series_id, .recurrence_id = recurrence_id, .fields = fields };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (fields), FALSE);

  return steady_calendar_commit (store, modify_occurrence_txn, &args, error);
}

static gboolean
reset_occurrence_txn (SteadyStore  *store,
                      sqlite3      *db,
                      gpointer      data,
                      GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  gint64 rid_wall;

  loaded = load_occurrence (store, db, args, &rid_wall, NULL, error);
  if (loaded == NULL)
    return FALSE;

  return steady_calendar_delete_exception (store, db, args->series_id, args->recurrence_id, error);
}

/**
 * steady_calendar_reset_occurrence:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @error: a location for an error
 *
 * Undoes every change of one session, cancellation included, so that it
 * is as its series says again. Attendance and notes stay.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_reset_occurrence (SteadyStore  *store,
                                  gint64        series_id,
                                  const char   *recurrence_id,
                                  GError      **error)
{
  OccurrenceArgs args = { .series_id = series_id, .recurrence_id = recurrence_id };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  return steady_calendar_commit (store, reset_occurrence_txn, &args, error);
}

static gboolean
set_cancelled_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      data,
                   GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  gint64 rid_wall;

  loaded = load_occurrence (store, db, args, &rid_wall, &exception, error);
  if (loaded == NULL)
    return FALSE;

  if (exception == NULL)
    exception = steady_exception_data_new (args->recurrence_id);
  exception->cancelled = args->cancelled;

  if (!steady_calendar_insert_exception (store, db, args->series_id, exception, error))
    return FALSE;

  if (!args->cancelled)
    return TRUE;

  /* A session that did not take place was neither attended nor missed;
   * what the person wrote about it stays. */
  return steady_calendar_run_keyed (store, db,
                                    "UPDATE calendar_attendance SET status = 0 "
                                    "WHERE series_id = ?1 AND recurrence_id = ?2",
                                    args->series_id, args->recurrence_id, "clear attendance", error);
}

/**
 * steady_calendar_set_cancelled:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @cancelled: whether the session is cancelled
 * @error: a location for an error
 *
 * Cancels one session (an EXDATE in iCalendar terms) or brings it back.
 * A cancelled session loses its attendance mark.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_set_cancelled (SteadyStore  *store,
                               gint64        series_id,
                               const char   *recurrence_id,
                               gboolean      cancelled,
                               GError      **error)
{
  OccurrenceArgs args = { .series_id = series_id, .recurrence_id = recurrence_id, .cancelled = cancelled };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  return steady_calendar_commit (store, set_cancelled_txn, &args, error);
}

static gboolean
set_attendance_txn (SteadyStore  *store,
                    sqlite3      *db,
                    gpointer      data,
                    GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  gint64 rid_wall, start;

  loaded = load_occurrence (store, db, args, &rid_wall, &exception, error);
  if (loaded == NULL)
    return FALSE;

  start = exception != NULL && exception->moved ? exception->start_utc
                                                : steady_zone_to_utc (loaded->zone, rid_wall);

  if (args->attendance != STEADY_ATTENDANCE_UNMARKED)
    {
      if (exception != NULL && exception->cancelled)
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("This session was cancelled, so it cannot be marked as attended or missed."));
          return FALSE;
        }

      if (start > args->now)
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("This session has not started yet."));
          return FALSE;
        }
    }

  return upsert_attendance (store, db, args, args->attendance, "set attendance", error);
}

/**
 * steady_calendar_set_attendance:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @attendance: attended, missed, excused, or unmarked again
 * @now: (nullable): the current time, or %NULL for the clock's
 * @error: a location for an error
 *
 * Marks a session that has started and was not cancelled.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_set_attendance (SteadyStore       *store,
                                gint64             series_id,
                                const char        *recurrence_id,
                                SteadyAttendance   attendance,
                                GDateTime         *now,
                                GError           **error)
{
  OccurrenceArgs args = { .series_id = series_id, .recurrence_id = recurrence_id, .attendance = attendance };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);
  g_return_val_if_fail (attendance <= STEADY_ATTENDANCE_LAST, FALSE);

  args.now = now != NULL ? g_date_time_to_unix (now) : steady_calendar_now_utc ();

  return steady_calendar_commit (store, set_attendance_txn, &args, error);
}

static gboolean
set_reflection_txn (SteadyStore  *store,
                    sqlite3      *db,
                    gpointer      data,
                    GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  gint64 rid_wall;

  loaded = load_occurrence (store, db, args, &rid_wall, NULL, error);
  if (loaded == NULL)
    return FALSE;

  return upsert_attendance (store, db, args, -1, "set note", error);
}

/**
 * steady_calendar_set_reflection:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @note: (nullable): what the person wants to remember, or %NULL to
 *   keep it
 * @homework: (nullable): what to practise, or %NULL to keep it
 * @error: a location for an error
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_set_reflection (SteadyStore  *store,
                                gint64        series_id,
                                const char   *recurrence_id,
                                const char   *note,
                                const char   *homework,
                                GError      **error)
{
  OccurrenceArgs args = {
    .series_id = series_id,
    .recurrence_id = recurrence_id,
    .note = note,
    .homework = homework,
  };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);

  if (!steady_calendar_check_text (C_("field", "Note"), note, STEADY_CALENDAR_MAX_TEXT, FALSE, error) ||
      !steady_calendar_check_text (C_("field", "Homework"), homework, STEADY_CALENDAR_MAX_TEXT, FALSE, error))
    return FALSE;

  return steady_calendar_commit (store, set_reflection_txn, &args, error);
}

