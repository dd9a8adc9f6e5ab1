/* steady-calendar-schema.c: the calendar tables
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* Local wall-clock text, "YYYY-MM-DDTHH:MM:SS": series starts and
 * recurrence ids are local times in the series' zone, never instants. */
#define LOCAL_TIME_GLOB \
  "'[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'"

/* Instants (*_utc) are Unix seconds. Each series keeps its start as a
 * local time and a zone; first_utc and last_end_utc are derived from
 * them (and the rule) when the row is written, so that a range query
 * reads only the series that can reach the range. last_end_utc is NULL
 * for a series that repeats without end. */
static const char calendar_schema[] =
  "CREATE TABLE calendar_timezone ("
  "  tzid      TEXT PRIMARY KEY NOT NULL CHECK (length (tzid) BETWEEN 1 AND 255),"
  "  vtimezone TEXT NOT NULL CHECK (vtimezone LIKE 'BEGIN:VTIMEZONE%' AND length (vtimezone) <= 1048576)"
  ") STRICT;"

  "CREATE TABLE calendar_series ("
  "  id           INTEGER PRIMARY KEY,"
  "  uid          TEXT NOT NULL UNIQUE CHECK (length (uid) BETWEEN 1 AND 1024),"
  "  kind         INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 6),"
  "  title        TEXT NOT NULL CHECK (length (trim (title)) > 0 AND length (CAST (title AS BLOB)) <= 1024),"
  "  location     TEXT NOT NULL DEFAULT '' CHECK (length (CAST (location AS BLOB)) <= 1024),"
  "  facilitator  TEXT NOT NULL DEFAULT '' CHECK (length (CAST (facilitator AS BLOB)) <= 1024),"
  "  notes        TEXT NOT NULL DEFAULT '' CHECK (length (CAST (notes AS BLOB)) <= 65536),"
  "  tzid         TEXT NOT NULL CHECK (length (tzid) BETWEEN 1 AND 255),"
  "  start_local  TEXT NOT NULL CHECK (start_local GLOB " LOCAL_TIME_GLOB "),"
  "  duration     INTEGER NOT NULL CHECK (duration BETWEEN 0 AND 86400),"
  "  rrule        TEXT CHECK (rrule IS NULL OR length (rrule) BETWEEN 6 AND 1024),"
  "  first_utc    INTEGER NOT NULL,"
  "  last_end_utc INTEGER CHECK (last_end_utc IS NULL OR last_end_utc >= first_utc),"
  "  modified_utc INTEGER NOT NULL,"
  "  CHECK (rrule IS NOT NULL OR last_end_utc IS NOT NULL)"
  ") STRICT;"
  "CREATE INDEX calendar_series_by_end ON calendar_series (last_end_utc, first_utc);"

  /* One row per occurrence that differs from its series. NULL columns
   * follow the series; start_utc is set only when the session was moved
   * away from its original start. */
  "CREATE TABLE calendar_exception ("
  "  series_id     INTEGER NOT NULL REFERENCES calendar_series (id) ON DELETE CASCADE,"
  "  recurrence_id TEXT NOT NULL CHECK (recurrence_id GLOB " LOCAL_TIME_GLOB "),"
  "  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),"
  "  start_utc     INTEGER,"
  "  duration      INTEGER CHECK (duration IS NULL OR duration BETWEEN 0 AND 86400),"
  "  kind          INTEGER CHECK (kind IS NULL OR kind BETWEEN 0 AND 6),"
  "  title         TEXT CHECK (title IS NULL OR (length (trim (title)) > 0 AND length (CAST (title AS BLOB)) <= 1024)),"
  "  location      TEXT CHECK (location IS NULL OR length (CAST (location AS BLOB)) <= 1024),"
  "  facilitator   TEXT CHECK (facilitator IS NULL OR length (CAST (facilitator AS BLOB)) <= 1024),"
  "  notes         TEXT CHECK (notes IS NULL OR length (CAST (notes AS BLOB)) <= 65536),"
  "  PRIMARY KEY (series_id, recurrence_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX calendar_exception_moved ON calendar_exception (start_utc)"
  "  WHERE start_utc IS NOT NULL;"

  /* What the person recorded about one occurrence. */
  "CREATE TABLE calendar_attendance ("
  "  series_id     INTEGER NOT NULL REFERENCES calendar_series (id) ON DELETE CASCADE,"
  "  recurrence_id TEXT NOT NULL CHECK (recurrence_id GLOB " LOCAL_TIME_GLOB "),"
  "  status        INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 3),"
  "  note          TEXT NOT NULL DEFAULT '' CHECK (length (CAST (note AS BLOB)) <= 65536),"
  "  homework      TEXT NOT NULL DEFAULT '' CHECK (length (CAST (homework AS BLOB)) <= 65536),"
  "  modified_utc  INTEGER NOT NULL,"
  "  PRIMARY KEY (series_id, recurrence_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX calendar_attendance_marked ON calendar_attendance (status)"
  "  WHERE status <> 0;"

  /* The program: one row, and its step-down phases. */
  "CREATE TABLE calendar_program ("
  "  id             INTEGER PRIMARY KEY CHECK (id = 1),"
  "  start_date     TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),"
  "  weekly_minutes INTEGER NOT NULL DEFAULT 540 CHECK (weekly_minutes BETWEEN 0 AND 10080)"
  ") STRICT;"
  "INSERT INTO calendar_program (id) VALUES (1);"

  "CREATE TABLE calendar_phase ("
  "  program_id     INTEGER NOT NULL DEFAULT 1 REFERENCES calendar_program (id) ON DELETE CASCADE,"
  "  first_week     INTEGER NOT NULL CHECK (first_week BETWEEN 1 AND 520),"
  "  last_week      INTEGER NOT NULL CHECK (last_week BETWEEN first_week AND 520),"
  "  weekly_minutes INTEGER NOT NULL CHECK (weekly_minutes BETWEEN 0 AND 10080),"
  "  PRIMARY KEY (program_id, first_week)"
  ") STRICT, WITHOUT ROWID;";

/* Runs inside the migration's transaction. */
gboolean
steady_calendar_migrate (sqlite3  *db,
                         GError  **error)
{
  return steady_store_exec (db, calendar_schema, error);
}
