/* steady-calendar-program.c: the program, its phases and the hours kept
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"

/* Program and hours */

static SteadyProgram *
load_program (SteadyStore  *store,
              sqlite3      *db,
              GError      **error)
{
  g_autoptr(SteadyProgram) program = steady_program_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT start_date, weekly_minutes FROM calendar_program WHERE id = 1",
                               error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *text = steady_calendar_column_text (stmt, 0);
      int y, m, d;

      if (text != NULL && sscanf (text, "%d-%d-%d", &y, &m, &d) == 3 && g_date_valid_dmy (d, m, y))
        {
          g_autoptr(GDate) date = g_date_new_dmy (d, m, y);

          steady_program_set_start_date (program, date);
        }

      steady_program_set_weekly_minutes (program, sqlite3_column_int (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load program", error);
      return NULL;
    }

  stmt = steady_store_prepare (store, db,
                               "SELECT first_week, last_week, weekly_minutes FROM calendar_phase "
                               "WHERE program_id = 1 ORDER BY first_week",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    steady_program_add_phase (program,
                              sqlite3_column_int (stmt, 0),
                              sqlite3_column_int (stmt, 1),
                              sqlite3_column_int (stmt, 2));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load phases", error);
      return NULL;
    }

  return g_steal_pointer (&program);
}

/**
 * steady_calendar_load_program:
 * @store: a #SteadyStore
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): a copy of the program to read or
 *   edit
 */
SteadyProgram *
steady_calendar_load_program (SteadyStore  *store,
                              GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return load_program (store, steady_store_get_reader (store), error);
}

static gboolean
save_program_txn (SteadyStore  *store,
                  sqlite3      *db,
                  gpointer      data,
                  GError      **error)
{
  SteadyProgram *program = data;
  const GDate *start = steady_program_get_start_date (program);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "UPDATE calendar_program SET start_date = ?1, weekly_minutes = ?2 WHERE id = 1",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (start != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%04u-%02u-%02u",
                                               g_date_get_year (start),
                                               g_date_get_month (start),
                                               g_date_get_day (start));

      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
    }
  else
    {
      sqlite3_bind_null (stmt, 1);
    }
  sqlite3_bind_int (stmt, 2, steady_program_get_weekly_minutes (program));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "save program", error);

  if (!steady_store_exec (db, "DELETE FROM calendar_phase", error))
    return FALSE;

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO calendar_phase (program_id, first_week, last_week, weekly_minutes) "
                               "VALUES (1, ?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < steady_program_get_n_phases (program); i++)
    {
      guint first, last, minutes;

      steady_program_get_phase (program, i, &first, &last, &minutes);
      sqlite3_bind_int (stmt, 1, first);
      sqlite3_bind_int (stmt, 2, last);
      sqlite3_bind_int (stmt, 3, minutes);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return steady_store_set_error (db, rc, "save phase", error);
    }

  return TRUE;
}

/**
 * steady_calendar_save_program:
 * @store: a #SteadyStore
 * @program: the edited program
 * @error: a location for an error
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_save_program (SteadyStore    *store,
                              SteadyProgram  *program,
                              GError        **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_PROGRAM (program), FALSE);

  if (!steady_program_validate (program, error))
    return FALSE;

  return steady_calendar_commit (store, save_program_txn, program, error);
}

/**
 * steady_calendar_get_week_hours:
 * @store: a #SteadyStore
 * @date: any day of the week
 * @zone: (nullable): the zone whose Monday-to-Sunday week is meant, or
 *   %NULL for local
 * @out_hours: (out caller-allocates): the week's hours
 * @error: a location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
steady_calendar_get_week_hours (SteadyStore      *store,
                                const GDate      *date,
                                GTimeZone        *zone,
                                SteadyWeekHours  *out_hours,
                                GError          **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(SteadyProgram) program = NULL;
  SteadyWeekHours hours = { 0, };
  GDate sunday;
  gint64 from, to;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (out_hours != NULL, FALSE);

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  hours.monday = *date;
  g_date_subtract_days (&hours.monday, g_date_get_weekday (date) - G_DATE_MONDAY);
  sunday = hours.monday;
  g_date_add_days (&sunday, 7);

  from = steady_calendar_local_midnight (zone, g_date_get_year (&hours.monday), g_date_get_month (&hours.monday),
                                         g_date_get_day (&hours.monday));
  to = steady_calendar_local_midnight (zone, g_date_get_year (&sunday), g_date_get_month (&sunday), g_date_get_day (&sunday));

  db = steady_store_get_reader (store);
  if (!steady_calendar_begin_read (db, error))
    return FALSE;
  program = load_program (store, db, error);
  ok = program != NULL && steady_calendar_collect_range (store, db, from, to, found, error);
  steady_calendar_end_read (db);

  if (!ok)
    return FALSE;

  hours.program_week = steady_program_get_week_number (program, &hours.monday);
  hours.required_minutes = steady_program_get_required_minutes (program, &hours.monday);

  for (guint i = 0; i < found->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (found, i);
      gint64 start = steady_occurrence_get_start_unix (occurrence);
      gint64 duration = steady_occurrence_get_duration (occurrence);

      if (start < from || start >= to)
        continue;

      if (steady_occurrence_get_cancelled (occurrence))
        {
          hours.n_cancelled++;
          continue;
        }

      hours.n_sessions++;
      hours.scheduled_seconds += duration;

      switch (steady_occurrence_get_attendance (occurrence))
        {
        case STEADY_ATTENDANCE_ATTENDED:
          hours.n_attended++;
          hours.attended_seconds += duration;
          break;

        case STEADY_ATTENDANCE_MISSED:
          hours.n_missed++;
          break;

        case STEADY_ATTENDANCE_EXCUSED:
          hours.n_excused++;
          break;

        case STEADY_ATTENDANCE_UNMARKED:
        default:
          break;
        }
    }

  *out_hours = hours;

  return TRUE;
}

/**
 * steady_calendar_get_attendance_summary:
 * @store: a #SteadyStore
 * @out_summary: (out caller-allocates): the counts and rate
 * @error: a location for an error
 *
 * Counts every session marked so far (only sessions that have started can
 * be marked).
 *
 * Returns: %TRUE on success
 */
gboolean
steady_calendar_get_attendance_summary (SteadyStore              *store,
                                        SteadyAttendanceSummary  *out_summary,
                                        GError                  **error)
{
  SteadyAttendanceSummary summary = { 0, 0, 0, -1.0 };
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  db = steady_store_get_reader (store);
  stmt = steady_store_prepare (store, db,
                               "SELECT status, count(*) FROM calendar_attendance "
                               "WHERE status <> 0 GROUP BY status",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint count = sqlite3_column_int (stmt, 1);

      switch (sqlite3_column_int (stmt, 0))
        {
        case STEADY_ATTENDANCE_ATTENDED:
          summary.n_attended = count;
          break;

        case STEADY_ATTENDANCE_MISSED:
          summary.n_missed = count;
          break;

        case STEADY_ATTENDANCE_EXCUSED:
          summary.n_excused = count;
          break;

        default:
          break;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "attendance summary", error);

  if (summary.n_attended + summary.n_missed > 0)
    summary.rate = (double)summary.n_attended / (summary.n_attended + summary.n_missed);

  *out_summary = summary;

  return TRUE;
}
