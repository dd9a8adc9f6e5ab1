/* steady-calendar-rows.c: the calendar's rows: series, their changes, zones
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

void
steady_loaded_series_free (SteadyLoadedSeries *loaded)
{
  g_clear_object (&loaded->series);
  g_clear_pointer (&loaded->zone, steady_zone_unref);
  g_free (loaded);
}

static SteadySessionSeries *
series_from_row (sqlite3_stmt *stmt)
{
  SteadySessionSeries *series = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);

  steady_session_series_set_id (series, sqlite3_column_int64 (stmt, 0));
  steady_session_series_set_uid (series, steady_calendar_column_text (stmt, 1));
  steady_session_series_set_kind (series, CLAMP (sqlite3_column_int (stmt, 2), 0, STEADY_SESSION_KIND_LAST));
  steady_session_series_set_title (series, steady_calendar_column_text (stmt, 3));
  steady_session_series_set_location (series, steady_calendar_column_text (stmt, 4));
  steady_session_series_set_facilitator (series, steady_calendar_column_text (stmt, 5));
  steady_session_series_set_notes (series, steady_calendar_column_text (stmt, 6));
  steady_session_series_set_tzid (series, steady_calendar_column_text (stmt, 7));
  steady_session_series_set_start_local (series, steady_calendar_column_text (stmt, 8));
  steady_session_series_set_duration (series, sqlite3_column_int64 (stmt, 9));
  steady_session_series_set_rrule (series, steady_calendar_column_text (stmt, 10));

  return series;
}

/* Every series has a zone; one that the system no longer knows (a
 * tzdata update that dropped a name) is read as UTC rather than making
 * the whole calendar unreadable. A start that is no date (the table's
 * CHECK lets "2026-02-30T18:00:00" through, and a restored file may
 * hold anything) leaves the series out: %NULL. */
static SteadyLoadedSeries *
loaded_new (SteadyStore         *store,
            sqlite3             *db,
            SteadySessionSeries *series)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyLoadedSeries) loaded = g_new0 (SteadyLoadedSeries, 1);

  loaded->series = series;

  if (!steady_wall_parse (steady_session_series_get_start_local (series), &loaded->start_wall))
    {
      g_warning ("Series %" G_GINT64_FORMAT ": its start “%s” is not a date; leaving it out",
                 steady_session_series_get_id (series), steady_session_series_get_start_local (series));
      return NULL;
    }

  loaded->zone = steady_zone_lookup (store, db, steady_session_series_get_tzid (series), &error);
  if (loaded->zone == NULL)
    {
      g_warning ("Series %" G_GINT64_FORMAT ": %s; reading it as UTC",
                 steady_session_series_get_id (series), error->message);
      loaded->zone = steady_zone_get ("UTC");
    }

  return g_steal_pointer (&loaded);
}

SteadyLoadedSeries *
steady_calendar_load_series (SteadyStore  *store,
                             sqlite3      *db,
                             gint64        series_id,
                             GError      **error)
{
  SteadySessionSeries *series = NULL;
  SteadyLoadedSeries *loaded;
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_CALENDAR_SERIES_COLUMNS " FROM calendar_series WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, series_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    series = series_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load series", error);
      return NULL;
    }

  if (series == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This session series no longer exists."));
      return NULL;
    }

  loaded = loaded_new (store, db, series);
  if (loaded == NULL)
    g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                         _("This session series cannot be read."));

  return loaded;
}

/* Exceptions */

SteadyExceptionData *
steady_exception_data_new (const char *recurrence_id)
{
  SteadyExceptionData *data = g_new0 (SteadyExceptionData, 1);

  data->recurrence_id = g_strdup (recurrence_id);
  data->kind = -1;

  return data;
}

SteadyExceptionData *
steady_exception_data_copy (const SteadyExceptionData *data)
{
  SteadyExceptionData *copy = g_memdup2 (data, sizeof *data);

  copy->recurrence_id = g_strdup (data->recurrence_id);
  copy->title = g_strdup (data->title);
  copy->location = g_strdup (data->location);
  copy->facilitator = g_strdup (data->facilitator);
  copy->notes = g_strdup (data->notes);

  return copy;
}

void
steady_exception_data_free (SteadyExceptionData *data)
{
  if (data == NULL)
    return;

  g_free (data->recurrence_id);
  g_free (data->title);
  g_free (data->location);
  g_free (data->facilitator);
  g_free (data->notes);
  g_free (data);
}

/* Whether @data changes nothing but, perhaps, the cancellation. */
gboolean
steady_exception_data_is_empty (const SteadyExceptionData *data)
{
  return !data->moved && !data->has_duration && data->kind < 0 &&
         data->title == NULL && data->location == NULL &&
         data->facilitator == NULL && data->notes == NULL;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;

  return g_strdup (steady_calendar_column_text (stmt, col));
}

SteadyExceptionData *
steady_calendar_exception_from_row (sqlite3_stmt *stmt,
                                    int           first)
{
  SteadyExceptionData *data = steady_exception_data_new (steady_calendar_column_text (stmt, first));

  data->cancelled = sqlite3_column_int (stmt, first + 1) != 0;
  data->moved = sqlite3_column_type (stmt, first + 2) != SQLITE_NULL;
  data->start_utc = sqlite3_column_int64 (stmt, first + 2);
  data->has_duration = sqlite3_column_type (stmt, first + 3) != SQLITE_NULL;
  data->duration = sqlite3_column_int64 (stmt, first + 3);
  data->kind = sqlite3_column_type (stmt, first + 4) != SQLITE_NULL ? sqlite3_column_int (stmt, first + 4) : -1;
  data->title = dup_column (stmt, first + 5);
  data->location = dup_column (stmt, first + 6);
  data->facilitator = dup_column (stmt, first + 7);
  data->notes = dup_column (stmt, first + 8);

  return data;
}

gboolean
steady_calendar_get_exception (SteadyStore          *store,
                               sqlite3              *db,
                               gint64                series_id,
                               const char           *recurrence_id,
                               SteadyExceptionData **out,
                               GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out = NULL;

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_CALENDAR_EXCEPTION_COLUMNS " FROM calendar_exception "
                               "WHERE series_id = ?1 AND recurrence_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = steady_calendar_exception_from_row (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "get exception", error);

  return TRUE;
}

/**
 * steady_calendar_commit:
 *
 * Runs @func in one write transaction and, once it is on disk, tells
 * the store's listeners that the calendar changed.
 */
gboolean
steady_calendar_commit (SteadyStore         *store,
                        SteadyStoreTxnFunc   func,
                        gpointer             data,
                        GError             **error)
{
  if (!steady_store_write (store, func, data, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/**
 * steady_calendar_run_keyed:
 *
 * Runs one statement that takes a series id as ?1 and a key (a
 * recurrence id) as ?2 and returns no rows.
 */
gboolean
steady_calendar_run_keyed (SteadyStore  *store,
                           sqlite3      *db,
                           const char   *sql,
                           gint64        series_id,
                           const char   *key,
                           const char   *what,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, what, error);

  return TRUE;
}

gboolean
steady_calendar_delete_exception (SteadyStore  *store,
                                  sqlite3      *db,
                                  gint64        series_id,
                                  const char   *recurrence_id,
                                  GError      **error)
{
  return steady_calendar_run_keyed (store, db,
                                    "DELETE FROM calendar_exception WHERE series_id = ?1 AND recurrence_id = ?2",
                                    series_id, recurrence_id, "delete exception", error);
}

/**
 * steady_calendar_insert_exception:
 *
 * Writes @data, replacing what the occurrence had; a row that would
 * change nothing is removed instead.
 */
gboolean
steady_calendar_insert_exception (SteadyStore                *store,
                                  sqlite3                    *db,
                                  gint64                      series_id,
                                  const SteadyExceptionData  *data,
                                  GError                    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!data->cancelled && steady_exception_data_is_empty (data))
    return steady_calendar_delete_exception (store, db, series_id, data->recurrence_id, error);

  stmt = steady_store_prepare (store, db,
                               "INSERT OR REPLACE INTO calendar_exception "
                               "(series_id, " STEADY_CALENDAR_EXCEPTION_COLUMNS ") "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, data->recurrence_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, data->cancelled ? 1 : 0);
  if (data->moved)
    sqlite3_bind_int64 (stmt, 4, data->start_utc);
  else
    sqlite3_bind_null (stmt, 4);
  if (data->has_duration)
    sqlite3_bind_int64 (stmt, 5, data->duration);
  else
    sqlite3_bind_null (stmt, 5);
  if (data->kind >= 0)
    sqlite3_bind_int (stmt, 6, data->kind);
  else
    sqlite3_bind_null (stmt, 6);
  steady_calendar_bind_text_or_null (stmt, 7, data->title);
  steady_calendar_bind_text_or_null (stmt, 8, data->location);
  steady_calendar_bind_text_or_null (stmt, 9, data->facilitator);
  steady_calendar_bind_text_or_null (stmt, 10, data->notes);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "write exception", error);

  return TRUE;
}

/**
 * steady_calendar_load_exceptions:
 *
 * Returns: (transfer full) (element-type SteadyExceptionData): every
 *   change of the series, by recurrence id
 */
GPtrArray *
steady_calendar_load_exceptions (SteadyStore  *store,
                                 sqlite3      *db,
                                 gint64        series_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_exception_data_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_CALENDAR_EXCEPTION_COLUMNS " FROM calendar_exception "
                               "WHERE series_id = ?1 ORDER BY recurrence_id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, steady_calendar_exception_from_row (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load exceptions", error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

GPtrArray *
steady_calendar_load_series_where (SteadyStore  *store,
                                   sqlite3      *db,
                                   const char   *sql,
                                   gint64        a,
                                   gint64        b,
                                   GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_loaded_series_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, series_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load series", error);
      return NULL;
    }

  /* Zones are looked up only once the statement is done with. */
  for (guint i = 0; i < rows->len; i++)
    {
      SteadyLoadedSeries *loaded = loaded_new (store, db, g_object_ref (g_ptr_array_index (rows, i)));

      if (loaded != NULL)
        g_ptr_array_add (result, loaded);
    }

  return g_steal_pointer (&result);
}

/* Series rows */

/**
 * steady_calendar_uid_exists:
 *
 * Whether a series with this UID is stored.
 */
gboolean
steady_calendar_uid_exists (SteadyStore  *store,
                            sqlite3      *db,
                            const char   *uid,
                            gboolean     *out_exists,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, "SELECT 1 FROM calendar_series WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "uid lookup", error);

  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

gboolean
steady_calendar_write_series_row (SteadyStore          *store,
                                  sqlite3              *db,
                                  gint64                series_id,
                                  SteadySessionSeries  *series,
                                  const char           *uid,
                                  SteadySeriesTimes    *times,
                                  GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (series_id == 0)
    stmt = steady_store_prepare (store, db,
                                 "INSERT INTO calendar_series (uid, kind, title, location, facilitator, notes, "
                                 "  tzid, start_local, duration, rrule, first_utc, last_end_utc, modified_utc) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                 error);
  else
    stmt = steady_store_prepare (store, db,
                                 "UPDATE calendar_series SET uid = ?1, kind = ?2, title = ?3, location = ?4, "
                                 "  facilitator = ?5, notes = ?6, tzid = ?7, start_local = ?8, duration = ?9, "
                                 "  rrule = ?10, first_utc = ?11, last_end_utc = ?12, modified_utc = ?13 "
                                 "WHERE id = ?14",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, steady_session_series_get_kind (series));
  sqlite3_bind_text (stmt, 3, steady_session_series_get_title (series), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, steady_session_series_get_location (series), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, steady_session_series_get_facilitator (series), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, steady_session_series_get_notes (series), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, steady_zone_get_tzid (times->zone), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, steady_session_series_get_start_local (series), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, steady_session_series_get_duration (series));
  steady_calendar_bind_text_or_null (stmt, 10, times->rrule);
  sqlite3_bind_int64 (stmt, 11, times->first_utc);
  if (times->endless)
    sqlite3_bind_null (stmt, 12);
  else
    sqlite3_bind_int64 (stmt, 12, times->last_end_utc);
  sqlite3_bind_int64 (stmt, 13, steady_calendar_now_utc ());
  if (series_id != 0)
    sqlite3_bind_int64 (stmt, 14, series_id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "write series", error);

  return TRUE;
}

static gboolean
check_uid_free (SteadyStore  *store,
                sqlite3      *db,
                const char   *uid,
                GError      **error)
{
  gboolean exists = FALSE;

  if (!steady_calendar_uid_exists (store, db, uid, &exists, error))
    return FALSE;

  if (exists)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("A session series with the UID “%s” is already in the calendar."), uid);
      return FALSE;
    }

  return TRUE;
}

SteadyZone *
steady_calendar_lookup_zone (SteadyStore          *store,
                             sqlite3              *db,
                             SteadySessionSeries  *series,
                             GError              **error)
{
  const char *tzid = steady_session_series_get_tzid (series);

  if (!steady_calendar_tzid_is_sane (tzid))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The session has no valid time zone."));
      return NULL;
    }

  return steady_zone_lookup (store, db, tzid, error);
}

/**
 * steady_calendar_insert_series:
 *
 * Checks and inserts @series under its UID, or a new one when it has
 * none; does not change @series.
 */
gboolean
steady_calendar_insert_series (SteadyStore          *store,
                               sqlite3              *db,
                               SteadySessionSeries  *series,
                               gint64               *out_id,
                               GError              **error)
{
  g_autoptr(SteadyZone) zone = NULL;
  g_auto(SteadySeriesTimes) times = { 0, };
  g_autofree char *uid = g_strdup (steady_session_series_get_uid (series));

  zone = steady_calendar_lookup_zone (store, db, series, error);
  if (zone == NULL || !steady_calendar_check_series (series, zone, &times, error))
    return FALSE;

  if (uid == NULL || uid[0] == '\0')
    {
      g_free (uid);
      uid = g_uuid_string_random ();
    }

  if (!check_uid_free (store, db, uid, error) ||
      !steady_calendar_write_series_row (store, db, 0, series, uid, &times, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (db);

  return TRUE;
}

/**
 * steady_calendar_insert_timezone:
 *
 * Keeps the definition of a zone that came with an import; a zone of that
 * name already kept wins.
 */
gboolean
steady_calendar_insert_timezone (SteadyStore  *store,
                                 sqlite3      *db,
                                 const char   *tzid,
                                 const char   *vtimezone,
                                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "INSERT OR IGNORE INTO calendar_timezone (tzid, vtimezone) VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tzid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vtimezone, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "write time zone", error);

  return TRUE;
}

/**
 * steady_calendar_load_series_all:
 *
 * Returns: (transfer full) (element-type SteadySessionSeries): every
 *   series, by id
 */
GPtrArray *
steady_calendar_load_series_all (SteadyStore  *store,
                                 sqlite3      *db,
                                 GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_CALENDAR_SERIES_COLUMNS " FROM calendar_series ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, series_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "list series", error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

