/* steady-calendar.c: the session calendar, on a SteadyStore
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"

/* Offsets from UTC stay within a day, so a margin of two days either
 * side of a range catches every wall-clock time that can reach it. */
#define WALL_MARGIN (2 * 86400)

#define SERIES_COLUMNS \
  "id, uid, kind, title, location, facilitator, notes, tzid, start_local, duration, rrule"

#define EXCEPTION_COLUMNS \
  "recurrence_id, cancelled, start_utc, duration, kind, title, location, facilitator, notes"

/* A series read from the table, with its zone resolved. */
typedef struct
{
  SteadySessionSeries *series;
  SteadyZone          *zone;
  gint64               start_wall;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->series);
  g_clear_pointer (&loaded->zone, steady_zone_unref);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *)sqlite3_column_text (stmt, col);
}

static gint64
now_utc (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static SteadySessionSeries *
series_from_row (sqlite3_stmt *stmt)
{
  SteadySessionSeries *series = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);

  steady_session_series_set_id (series, sqlite3_column_int64 (stmt, 0));
  steady_session_series_set_uid (series, column_text (stmt, 1));
  steady_session_series_set_kind (series, CLAMP (sqlite3_column_int (stmt, 2), 0, STEADY_SESSION_KIND_LAST));
  steady_session_series_set_title (series, column_text (stmt, 3));
  steady_session_series_set_location (series, column_text (stmt, 4));
  steady_session_series_set_facilitator (series, column_text (stmt, 5));
  steady_session_series_set_notes (series, column_text (stmt, 6));
  steady_session_series_set_tzid (series, column_text (stmt, 7));
  steady_session_series_set_start_local (series, column_text (stmt, 8));
  steady_session_series_set_duration (series, sqlite3_column_int64 (stmt, 9));
  steady_session_series_set_rrule (series, column_text (stmt, 10));

  return series;
}

/* Every series has a zone; one that the system no longer knows (a
 * tzdata update that dropped a name) is read as UTC rather than making
 * the whole calendar unreadable. */
static Loaded *
loaded_new (SteadyStore         *store,
            sqlite3             *db,
            SteadySessionSeries *series)
{
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->series = series;
  loaded->zone = steady_zone_lookup (store, db, steady_session_series_get_tzid (series), &error);
  if (loaded->zone == NULL)
    {
      g_warning ("Series %" G_GINT64_FORMAT ": %s; reading it as UTC",
                 steady_session_series_get_id (series), error->message);
      loaded->zone = steady_zone_get ("UTC");
    }

  if (!steady_wall_parse (steady_session_series_get_start_local (series), &loaded->start_wall))
    g_assert_not_reached ();  /* the table's CHECK and our own checks */

  return loaded;
}

static Loaded *
load_series (SteadyStore  *store,
             sqlite3      *db,
             gint64        series_id,
             GError      **error)
{
  SteadySessionSeries *series = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT " SERIES_COLUMNS " FROM calendar_series WHERE id = ?1",
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

  return loaded_new (store, db, series);
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

  return g_strdup (column_text (stmt, col));
}

static SteadyExceptionData *
exception_from_row (sqlite3_stmt *stmt,
                    int           first)
{
  SteadyExceptionData *data = steady_exception_data_new (column_text (stmt, first));

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

static gboolean
get_exception (SteadyStore          *store,
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
                               "SELECT " EXCEPTION_COLUMNS " FROM calendar_exception "
                               "WHERE series_id = ?1 AND recurrence_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = exception_from_row (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "get exception", error);

  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           col,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, col);
}

static gboolean
delete_exception (SteadyStore  *store,
                  sqlite3      *db,
                  gint64        series_id,
                  const char   *recurrence_id,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "DELETE FROM calendar_exception WHERE series_id = ?1 AND recurrence_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "delete exception", error);

  return TRUE;
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
    return delete_exception (store, db, series_id, data->recurrence_id, error);

  stmt = steady_store_prepare (store, db,
                               "INSERT OR REPLACE INTO calendar_exception "
                               "(series_id, " EXCEPTION_COLUMNS ") "
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
  bind_text_or_null (stmt, 7, data->title);
  bind_text_or_null (stmt, 8, data->location);
  bind_text_or_null (stmt, 9, data->facilitator);
  bind_text_or_null (stmt, 10, data->notes);

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
                               "SELECT " EXCEPTION_COLUMNS " FROM calendar_exception "
                               "WHERE series_id = ?1 ORDER BY recurrence_id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, exception_from_row (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load exceptions", error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* Attendance, note and homework */

static gboolean
get_reflection (SteadyStore       *store,
                sqlite3           *db,
                gint64             series_id,
                const char        *recurrence_id,
                SteadyOccurrence  *occurrence,
                GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT status, note, homework FROM calendar_attendance "
                               "WHERE series_id = ?1 AND recurrence_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, series_id);
  sqlite3_bind_text (stmt, 2, recurrence_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    steady_occurrence_set_reflection (occurrence,
                                      CLAMP (sqlite3_column_int (stmt, 0), 0, STEADY_ATTENDANCE_LAST),
                                      column_text (stmt, 1),
                                      column_text (stmt, 2));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "get attendance", error);

  return TRUE;
}

/* Occurrences */

static SteadyOccurrence *
build_occurrence (SteadyStore                *store,
                  sqlite3                    *db,
                  Loaded                     *loaded,
                  gint64                      rid_wall,
                  const SteadyExceptionData  *exception,
                  GError                    **error)
{
  g_autoptr(SteadyOccurrence) occurrence = NULL;
  g_autofree char *rid = steady_wall_format (rid_wall);
  g_autofree char *start_local = NULL;
  gint64 start = steady_zone_to_utc (loaded->zone, rid_wall);

  /* In a spring-forward gap the session starts an hour later than its
   * recurrence id says: show the time it really starts. */
  start_local = steady_wall_format (steady_zone_to_wall (loaded->zone, start));
  occurrence = steady_occurrence_new (loaded->series, rid, start_local, start);

  if (exception != NULL)
    {
      g_autofree char *moved_local = NULL;

      if (exception->moved)
        moved_local = steady_wall_format (steady_zone_to_wall (loaded->zone, exception->start_utc));

      steady_occurrence_apply_exception (occurrence, exception, moved_local);
    }

  if (!get_reflection (store, db, steady_session_series_get_id (loaded->series), rid, occurrence, error))
    return NULL;

  return g_steal_pointer (&occurrence);
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  SteadyOccurrence *oa = *(SteadyOccurrence **)a;
  SteadyOccurrence *ob = *(SteadyOccurrence **)b;
  gint64 sa = steady_occurrence_get_start_unix (oa);
  gint64 sb = steady_occurrence_get_start_unix (ob);
  gint64 ia = steady_occurrence_get_series_id (oa);
  gint64 ib = steady_occurrence_get_series_id (ob);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (ia != ib)
    return ia < ib ? -1 : 1;

  return strcmp (steady_occurrence_get_recurrence_id (oa),
                 steady_occurrence_get_recurrence_id (ob));
}

static GPtrArray *
load_series_where (SteadyStore  *store,
                   sqlite3      *db,
                   const char   *sql,
                   gint64        a,
                   gint64        b,
                   GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)loaded_free);
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
    g_ptr_array_add (result, loaded_new (store, db, g_object_ref (g_ptr_array_index (rows, i))));

  return g_steal_pointer (&result);
}

typedef struct
{
  gint64               series_id;
  SteadyExceptionData *data;
} MovedRow;

static void
moved_row_free (MovedRow *row)
{
  steady_exception_data_free (row->data);
  g_free (row);
}

/* Moved occurrences whose new start is in [from, to), oldest first. */
static GPtrArray *
load_moved (SteadyStore  *store,
            sqlite3      *db,
            gint64        from,
            gint64        to,
            GError      **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify)moved_row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT series_id, " EXCEPTION_COLUMNS " FROM calendar_exception "
                               "WHERE start_utc IS NOT NULL AND start_utc >= ?1 AND start_utc < ?2 "
                               "ORDER BY start_utc",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MovedRow *row = g_new0 (MovedRow, 1);

      row->series_id = sqlite3_column_int64 (stmt, 0);
      row->data = exception_from_row (stmt, 1);
      g_ptr_array_add (result, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "load moved", error);
      return NULL;
    }

  return g_steal_pointer (&result);
}

static Loaded *
find_loaded (SteadyStore  *store,
             sqlite3      *db,
             GHashTable   *cache,
             gint64        series_id,
             GError      **error)
{
  Loaded *loaded = g_hash_table_lookup (cache, &series_id);

  if (loaded == NULL)
    {
      loaded = load_series (store, db, series_id, error);
      if (loaded == NULL)
        return NULL;

      g_hash_table_insert (cache, g_memdup2 (&series_id, sizeof series_id), loaded);
    }

  return loaded;
}

/* Every occurrence that overlaps [from, to), cancelled ones included. */
static gboolean
collect_range (SteadyStore  *store,
               sqlite3      *db,
               gint64        from,
               gint64        to,
               GPtrArray    *out,
               GError      **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GHashTable) cache = NULL;

  if (to <= from)
    return TRUE;

  /* No ORDER BY: it would turn the index search (a multi-index OR on
   * calendar_series_by_end) into a scan; the occurrences are sorted. */
  candidates = load_series_where (store, db,
                                  "SELECT " SERIES_COLUMNS " FROM calendar_series "
                                  "WHERE first_utc < ?2 AND (last_end_utc IS NULL OR last_end_utc > ?1)",
                                  from, to, error);
  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (candidates, i);
      gint64 series_id = steady_session_series_get_id (loaded->series);
      gint64 duration = steady_session_series_get_duration (loaded->series);
      g_autoptr(SteadyRecurIter) iter = NULL;
      gint64 wall;

      iter = steady_recur_iter_new (steady_session_series_get_rrule (loaded->series),
                                    loaded->zone, loaded->start_wall,
                                    from - duration - WALL_MARGIN,
                                    STEADY_CALENDAR_MAX_STEPS);
      if (iter == NULL)
        {
          g_warning ("Series %" G_GINT64_FORMAT " has a rule libical refuses", series_id);
          continue;
        }

      while (steady_recur_iter_next (iter, &wall) && wall < to + WALL_MARGIN)
        {
          g_autoptr(SteadyExceptionData) exception = NULL;
          g_autofree char *rid = steady_wall_format (wall);
          gint64 start = steady_zone_to_utc (loaded->zone, wall);
          gint64 length = duration;
          SteadyOccurrence *occurrence;

          if (!get_exception (store, db, series_id, rid, &exception, error))
            return FALSE;

          /* A moved occurrence shows at its new time, found below. */
          if (exception != NULL && exception->moved)
            continue;
          if (exception != NULL && exception->has_duration)
            length = exception->duration;

          if (start >= to || start + length <= from)
            continue;

          occurrence = build_occurrence (store, db, loaded, wall, exception, error);
          if (occurrence == NULL)
            return FALSE;

          g_ptr_array_add (out, occurrence);
        }

      if (steady_recur_iter_is_capped (iter))
        g_debug ("Series %" G_GINT64_FORMAT ": expansion stopped after %u steps",
                 series_id, steady_recur_iter_get_steps (iter));
    }

  moved = load_moved (store, db, from - STEADY_CALENDAR_MAX_DURATION, to, error);
  if (moved == NULL)
    return FALSE;

  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)loaded_free);

  for (guint i = 0; i < moved->len; i++)
    {
      MovedRow *row = g_ptr_array_index (moved, i);
      SteadyOccurrence *occurrence;
      Loaded *loaded;
      gint64 rid_wall;
      gint64 length;

      loaded = find_loaded (store, db, cache, row->series_id, error);
      if (loaded == NULL)
        return FALSE;

      length = row->data->has_duration ? row->data->duration
                                       : steady_session_series_get_duration (loaded->series);
      if (row->data->start_utc + length <= from ||
          !steady_wall_parse (row->data->recurrence_id, &rid_wall))
        continue;

      occurrence = build_occurrence (store, db, loaded, rid_wall, row->data, error);
      if (occurrence == NULL)
        return FALSE;

      g_ptr_array_add (out, occurrence);
    }

  g_ptr_array_sort (out, compare_occurrences);

  return TRUE;
}

/* The next @n sessions not cancelled that end after @now. */
static gboolean
collect_upcoming (SteadyStore  *store,
                  sqlite3      *db,
                  gint64        now,
                  guint         n,
                  GPtrArray    *out,
                  GError      **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GHashTable) cache = NULL;
  guint n_moved = 0;

  if (n == 0)
    return TRUE;

  candidates = load_series_where (store, db,
                                  "SELECT " SERIES_COLUMNS " FROM calendar_series "
                                  "WHERE last_end_utc IS NULL OR last_end_utc > ?1",
                                  now, 0, error);
  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (candidates, i);
      gint64 series_id = steady_session_series_get_id (loaded->series);
      gint64 duration = steady_session_series_get_duration (loaded->series);
      g_autoptr(SteadyRecurIter) iter = NULL;
      guint found = 0;
      gint64 wall;

      iter = steady_recur_iter_new (steady_session_series_get_rrule (loaded->series),
                                    loaded->zone, loaded->start_wall,
                                    now - duration - WALL_MARGIN,
                                    STEADY_CALENDAR_MAX_STEPS);
      if (iter == NULL)
        continue;

      while (found < n && steady_recur_iter_next (iter, &wall))
        {
          g_autoptr(SteadyExceptionData) exception = NULL;
          g_autofree char *rid = steady_wall_format (wall);
          gint64 start = steady_zone_to_utc (loaded->zone, wall);
          gint64 length = duration;
          SteadyOccurrence *occurrence;

          if (!get_exception (store, db, series_id, rid, &exception, error))
            return FALSE;

          if (exception != NULL && (exception->moved || exception->cancelled))
            continue;
          if (exception != NULL && exception->has_duration)
            length = exception->duration;
          if (start + length <= now)
            continue;

          occurrence = build_occurrence (store, db, loaded, wall, exception, error);
          if (occurrence == NULL)
            return FALSE;

          g_ptr_array_add (out, occurrence);
          found++;
        }
    }

  moved = load_moved (store, db, now - STEADY_CALENDAR_MAX_DURATION, G_MAXINT64, error);
  if (moved == NULL)
    return FALSE;

  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)loaded_free);

  for (guint i = 0; i < moved->len && n_moved < n; i++)
    {
      MovedRow *row = g_ptr_array_index (moved, i);
      SteadyOccurrence *occurrence;
      Loaded *loaded;
      gint64 rid_wall;
      gint64 length;

      if (row->data->cancelled)
        continue;

      loaded = find_loaded (store, db, cache, row->series_id, error);
      if (loaded == NULL)
        return FALSE;

      length = row->data->has_duration ? row->data->duration
                                       : steady_session_series_get_duration (loaded->series);
      if (row->data->start_utc + length <= now ||
          !steady_wall_parse (row->data->recurrence_id, &rid_wall))
        continue;

      occurrence = build_occurrence (store, db, loaded, rid_wall, row->data, error);
      if (occurrence == NULL)
        return FALSE;

      g_ptr_array_add (out, occurrence);
      n_moved++;
    }

  g_ptr_array_sort (out, compare_occurrences);
  if (out->len > n)
    g_ptr_array_set_size (out, n);

  return TRUE;
}

/* Runs one read of the calendar in one read transaction on the reader:
 * one snapshot for all its queries, and one shared lock instead of one
 * per statement (hundreds for a month). A savepoint nests if a caller
 * already holds a transaction. */
static gboolean
begin_read (sqlite3  *db,
            GError  **error)
{
  return steady_store_exec (db, "SAVEPOINT steady_calendar_read", error);
}

static void
end_read (sqlite3 *db)
{
  sqlite3_exec (db, "RELEASE steady_calendar_read", NULL, NULL, NULL);
}

static GListModel *
to_list_model (GPtrArray *array)
{
  GListStore *list = g_list_store_new (STEADY_TYPE_OCCURRENCE);

  g_list_store_splice (list, 0, 0, array->pdata, array->len);

  return G_LIST_MODEL (list);
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

static gboolean
write_series_row (SteadyStore          *store,
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
  bind_text_or_null (stmt, 10, times->rrule);
  sqlite3_bind_int64 (stmt, 11, times->first_utc);
  if (times->endless)
    sqlite3_bind_null (stmt, 12);
  else
    sqlite3_bind_int64 (stmt, 12, times->last_end_utc);
  sqlite3_bind_int64 (stmt, 13, now_utc ());
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

static SteadyZone *
lookup_series_zone (SteadyStore          *store,
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

  zone = lookup_series_zone (store, db, series, error);
  if (zone == NULL || !steady_calendar_check_series (series, zone, &times, error))
    return FALSE;

  if (uid == NULL || uid[0] == '\0')
    {
      g_free (uid);
      uid = g_uuid_string_random ();
    }

  if (!check_uid_free (store, db, uid, error) ||
      !write_series_row (store, db, 0, series, uid, &times, error))
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
                               "SELECT " SERIES_COLUMNS " FROM calendar_series ORDER BY id",
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

/* Moves what was recorded per occurrence (changes, attendance) from
 * recurrence ids at or after @min_rid of @from_id to @to_id, shifted by
 * @delta seconds of wall-clock time, when the target series has a session
 * there. Rows with no session to go to are dropped: the person changed
 * the days of the whole series. */
typedef struct
{
  char   *recurrence_id;
  int     status;
  char   *note;
  char   *homework;
  gint64  modified;
} ReflectionRow;

static void
reflection_row_free (ReflectionRow *row)
{
  g_free (row->recurrence_id);
  g_free (row->note);
  g_free (row->homework);
  g_free (row);
}

static gboolean
shift_rid (const char *rid,
           gint64      delta,
           gint64     *out_wall)
{
  gint64 wall;

  if (!steady_wall_parse (rid, &wall))
    return FALSE;

  *out_wall = wall + delta;

  return steady_wall_is_supported (*out_wall);
}

static gboolean
rekey_rows (SteadyStore        *store,
            sqlite3            *db,
            gint64              from_id,
            gint64              to_id,
            const char         *min_rid,
            gint64              delta,
            SteadySeriesTimes  *target,
            GError            **error)
{
  g_autoptr(GPtrArray) exceptions = NULL;
  g_autoptr(GPtrArray) reflections = g_ptr_array_new_with_free_func ((GDestroyNotify)reflection_row_free);
  sqlite3_stmt *stmt;
  int rc;

  exceptions = steady_calendar_load_exceptions (store, db, from_id, error);
  if (exceptions == NULL)
    return FALSE;

  stmt = steady_store_prepare (store, db,
                               "SELECT recurrence_id, status, note, homework, modified_utc "
                               "FROM calendar_attendance WHERE series_id = ?1 AND recurrence_id >= ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_text (stmt, 2, min_rid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ReflectionRow *row = g_new0 (ReflectionRow, 1);

      row->recurrence_id = g_strdup (column_text (stmt, 0));
      row->status = sqlite3_column_int (stmt, 1);
      row->note = g_strdup (column_text (stmt, 2));
      row->homework = g_strdup (column_text (stmt, 3));
      row->modified = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (reflections, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "load attendance", error);

  /* Out first, then back in: shifted keys may land on each other. */
  stmt = steady_store_prepare (store, db,
                               "DELETE FROM calendar_exception WHERE series_id = ?1 AND recurrence_id >= ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_text (stmt, 2, min_rid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "move exceptions", error);

  stmt = steady_store_prepare (store, db,
                               "DELETE FROM calendar_attendance WHERE series_id = ?1 AND recurrence_id >= ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_id);
  sqlite3_bind_text (stmt, 2, min_rid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "move attendance", error);

  for (guint i = 0; i < exceptions->len; i++)
    {
      SteadyExceptionData *data = g_ptr_array_index (exceptions, i);
      gint64 wall;

      if (strcmp (data->recurrence_id, min_rid) < 0)
        continue;

      if (!shift_rid (data->recurrence_id, delta, &wall) ||
          !steady_recur_has_instance (target->rrule, target->zone, target->start_wall, wall, NULL))
        {
          g_debug ("Dropping the change of %s: no session there any more", data->recurrence_id);
          continue;
        }

      g_free (data->recurrence_id);
      data->recurrence_id = steady_wall_format (wall);

      if (!steady_calendar_insert_exception (store, db, to_id, data, error))
        return FALSE;
    }

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO calendar_attendance "
                               "(series_id, recurrence_id, status, note, homework, modified_utc) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < reflections->len; i++)
    {
      ReflectionRow *row = g_ptr_array_index (reflections, i);
      g_autofree char *rid = NULL;
      gint64 wall;

      if (!shift_rid (row->recurrence_id, delta, &wall) ||
          !steady_recur_has_instance (target->rrule, target->zone, target->start_wall, wall, NULL))
        {
          g_debug ("Dropping the attendance of %s: no session there any more", row->recurrence_id);
          continue;
        }

      rid = steady_wall_format (wall);
      sqlite3_bind_int64 (stmt, 1, to_id);
      sqlite3_bind_text (stmt, 2, rid, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->status);
      sqlite3_bind_text (stmt, 4, row->note, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, row->homework, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, row->modified);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);

      if (rc != SQLITE_DONE)
        return steady_store_set_error (db, rc, "move attendance", error);
    }

  return TRUE;
}

/* Write transactions */

static gboolean
add_series_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      data,
                GError      **error)
{
  gpointer *args = data;

  return steady_calendar_insert_series (store, db, args[0], args[1], error);
}

/**
 * steady_calendar_add_series:
 * @store: a #SteadyStore
 * @series: the session or series to add
 * @out_id: (out) (optional): the new series' id
 * @error: a location for an error
 *
 * Checks and stores @series (a UID is made up if it has none).
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_add_series (SteadyStore          *store,
                            SteadySessionSeries  *series,
                            gint64               *out_id,
                            GError              **error)
{
  gint64 id = 0;
  gpointer args[] = { series, &id };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (series), FALSE);

  if (!steady_store_write (store, add_series_txn, args, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
update_series_locked (SteadyStore          *store,
                      sqlite3              *db,
                      gint64                series_id,
                      SteadySessionSeries  *series,
                      GError              **error)
{
  g_autoptr(Loaded) old = NULL;
  g_autoptr(SteadyZone) zone = NULL;
  g_auto(SteadySeriesTimes) times = { 0, };
  const char *old_rrule;

  old = load_series (store, db, series_id, error);
  if (old == NULL)
    return FALSE;

  zone = lookup_series_zone (store, db, series, error);
  if (zone == NULL || !steady_calendar_check_series (series, zone, &times, error))
    return FALSE;

  /* UIDs never change: other calendars know the series by it. */
  if (!write_series_row (store, db, series_id, series,
                         steady_session_series_get_uid (old->series), &times, error))
    return FALSE;

  old_rrule = steady_session_series_get_rrule (old->series);
  if (times.start_wall != old->start_wall ||
      g_strcmp0 (times.rrule, old_rrule) != 0 ||
      g_strcmp0 (steady_zone_get_tzid (zone), steady_zone_get_tzid (old->zone)) != 0)
    return rekey_rows (store, db, series_id, series_id, "", times.start_wall - old->start_wall,
                       &times, error);

  return TRUE;
}

static gboolean
update_series_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      data,
                   GError      **error)
{
  SteadySessionSeries *series = data;

  return update_series_locked (store, db, steady_session_series_get_id (series), series, error);
}

/**
 * steady_calendar_update_series:
 * @store: a #SteadyStore
 * @series: the edited series; its id says which
 * @error: a location for an error
 *
 * Changes every session of the series ("all sessions"). When the start
 * or rule changes, the sessions' own changes and attendance follow them
 * (shifted by the same wall-clock amount); those of sessions that no
 * longer exist are dropped.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_update_series (SteadyStore          *store,
                               SteadySessionSeries  *series,
                               GError              **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (series), FALSE);

  if (!steady_store_write (store, update_series_txn, series, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
delete_series_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      data,
                   GError      **error)
{
  gint64 *id = data;
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, "DELETE FROM calendar_series WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, *id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "delete series", error);

  if (sqlite3_changes (db) == 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This session series no longer exists."));
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_calendar_delete_series:
 * @store: a #SteadyStore
 * @series_id: which series
 * @error: a location for an error
 *
 * Deletes the series with everything recorded about its sessions.
 *
 * Returns: %TRUE once deleted
 */
gboolean
steady_calendar_delete_series (SteadyStore  *store,
                               gint64        series_id,
                               GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);

  if (!steady_store_write (store, delete_series_txn, &series_id, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/* Checks that the series has a session at @recurrence_id. */
static gboolean
check_instance (Loaded      *loaded,
                const char  *recurrence_id,
                gint64      *out_wall,
                GError     **error)
{
  if (!steady_wall_parse (recurrence_id, out_wall) ||
      !steady_recur_has_instance (steady_session_series_get_rrule (loaded->series),
                                  loaded->zone, loaded->start_wall, *out_wall, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This session is not part of its series any more."));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gint64               series_id;
  const char          *recurrence_id;
  SteadySessionSeries *following;
  gint64               new_id;
} SplitArgs;

/* The old rule cut to end just before the split; NULL when only the
 * first session is left. */
static char *
truncate_rule (Loaded  *old,
               gint64   split_wall,
               guint   *out_n_before)
{
  g_autoptr(SteadyRecurIter) iter = NULL;
  struct icalrecurrencetype rule;
  char *text;
  char *result;
  gint64 wall;
  guint n = 0;

  iter = steady_recur_iter_new (steady_session_series_get_rrule (old->series), old->zone,
                                old->start_wall, old->start_wall, STEADY_CALENDAR_MAX_STEPS);
  while (iter != NULL && steady_recur_iter_next (iter, &wall) && wall < split_wall)
    n++;

  *out_n_before = n;
  if (n < 2)
    return NULL;

  rule = icalrecurrencetype_from_string (steady_session_series_get_rrule (old->series));
  rule.count = 0;
  rule.until = steady_utc_to_icaltime (steady_zone_to_utc (old->zone, split_wall) - 1);

  text = icalrecurrencetype_as_string_r (&rule);
  result = g_strdup (text);
  icalmemory_free_buffer (text);

  return result;
}

/* The rest of the old rule's COUNT, when the new part keeps the rule. */
static char *
continue_count (const char *rrule,
                guint       n_before)
{
  struct icalrecurrencetype rule = icalrecurrencetype_from_string (rrule);
  char *text;
  char *result;

  if (rule.count <= 0 || (guint)rule.count <= n_before)
    return g_strdup (rrule);

  rule.count -= n_before;
  text = icalrecurrencetype_as_string_r (&rule);
  result = g_strdup (text);
  icalmemory_free_buffer (text);

  return result;
}

static gboolean
split_series_txn (SteadyStore  *store,
                  sqlite3      *db,
                  gpointer      data,
                  GError      **error)
{
  SplitArgs *args = data;
  g_autoptr(Loaded) old = NULL;
  g_autoptr(SteadySessionSeries) following = NULL;
  g_autoptr(SteadySessionSeries) earlier = NULL;
  g_autoptr(SteadyZone) zone = NULL;
  g_autoptr(SteadyZone) old_zone = NULL;
  g_auto(SteadySeriesTimes) times = { 0, };
  g_auto(SteadySeriesTimes) old_times = { 0, };
  g_autofree char *truncated = NULL;
  g_autofree char *uid = NULL;
  guint n_before = 0;
  gint64 split_wall;

  old = load_series (store, db, args->series_id, error);
  if (old == NULL || !check_instance (old, args->recurrence_id, &split_wall, error))
    return FALSE;

  /* No rule given: the sessions go on as before (what an editor built
   * on steady_occurrence_dup_fields() means). */
  following = steady_session_series_copy (args->following);
  if (steady_session_series_get_rrule (following) == NULL)
    steady_session_series_set_rrule (following, steady_session_series_get_rrule (old->series));

  /* From the first session on, "this and following" is "all". */
  if (split_wall == old->start_wall)
    {
      args->new_id = args->series_id;
      return update_series_locked (store, db, args->series_id, following, error);
    }

  truncated = truncate_rule (old, split_wall, &n_before);

  if (steady_session_series_get_rrule (following) != NULL &&
      g_strcmp0 (steady_session_series_get_rrule (following),
                 steady_session_series_get_rrule (old->series)) == 0)
    {
      g_autofree char *rest = continue_count (steady_session_series_get_rrule (old->series), n_before);

      steady_session_series_set_rrule (following, rest);
    }

  zone = lookup_series_zone (store, db, following, error);
  if (zone == NULL || !steady_calendar_check_series (following, zone, &times, error))
    return FALSE;

  earlier = steady_session_series_copy (old->series);
  steady_session_series_set_rrule (earlier, truncated);
  old_zone = steady_zone_ref (old->zone);
  if (!steady_calendar_check_series (earlier, old_zone, &old_times, error) ||
      !write_series_row (store, db, args->series_id, earlier,
                         steady_session_series_get_uid (old->series), &old_times, error))
    return FALSE;

  uid = g_uuid_string_random ();
  if (!write_series_row (store, db, 0, following, uid, &times, error))
    return FALSE;
  args->new_id = sqlite3_last_insert_rowid (db);

  return rekey_rows (store, db, args->series_id, args->new_id, args->recurrence_id,
                     times.start_wall - split_wall, &times, error);
}

/**
 * steady_calendar_split_series:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session from which on the change applies
 * @following: the series from that session on: fields, start (usually
 *   the session's, perhaps moved) and rule; no rule means the series' own
 * @out_new_id: (out) (optional): the id of the series that now holds the
 *   session and those after it
 * @error: a location for an error
 *
 * "This and following": the series ends just before @recurrence_id (its
 * rule gets an UNTIL), and a new series starts with @following. If
 * @following keeps the old rule and that had a COUNT, the new series
 * gets the sessions left. Changes and attendance of sessions from the
 * split on move to the new series, shifted like its start. Splitting at
 * the first session changes the whole series.
 *
 * Returns: %TRUE once stored
 */
gboolean
steady_calendar_split_series (SteadyStore          *store,
                              gint64                series_id,
                              const char           *recurrence_id,
                              SteadySessionSeries  *following,
                              gint64               *out_new_id,
                              GError              **error)
{
  SplitArgs args = { series_id, recurrence_id, following, 0 };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (recurrence_id != NULL, FALSE);
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (following), FALSE);

  if (!steady_store_write (store, split_series_txn, &args, error))
    return FALSE;

  if (out_new_id != NULL)
    *out_new_id = args.new_id;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/**
 * steady_calendar_get_series:
 * @store: a #SteadyStore
 * @series_id: which series
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): a copy of the series to edit
 */
SteadySessionSeries *
steady_calendar_get_series (SteadyStore  *store,
                            gint64        series_id,
                            GError      **error)
{
  g_autoptr(Loaded) loaded = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  loaded = load_series (store, steady_store_get_reader (store), series_id, error);
  if (loaded == NULL)
    return NULL;

  return g_object_ref (loaded->series);
}

/**
 * steady_calendar_list_series:
 * @store: a #SteadyStore
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): a #GListModel of
 *   #SteadySessionSeries, in the order they were added
 */
GListModel *
steady_calendar_list_series (SteadyStore  *store,
                             GError      **error)
{
  g_autoptr(GPtrArray) all = NULL;
  GListStore *list;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  all = steady_calendar_load_series_all (store, steady_store_get_reader (store), error);
  if (all == NULL)
    return NULL;

  list = g_list_store_new (STEADY_TYPE_SESSION_SERIES);
  g_list_store_splice (list, 0, 0, all->pdata, all->len);

  return G_LIST_MODEL (list);
}

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

static gboolean
modify_occurrence_txn (SteadyStore  *store,
                       sqlite3      *db,
                       gpointer      data,
                       GError      **error)
{
  OccurrenceArgs *args = data;
  SteadySessionSeries *fields = args->fields;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  g_autoptr(SteadyZone) zone = NULL;
  SteadySessionSeries *series;
  gint64 rid_wall, start_wall, new_start, duration;

  loaded = load_series (store, db, args->series_id, error);
  if (loaded == NULL || !check_instance (loaded, args->recurrence_id, &rid_wall, error))
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
    zone = lookup_series_zone (store, db, fields, error);
  if (zone == NULL)
    return FALSE;

  if (!get_exception (store, db, args->series_id, args->recurrence_id, &exception, error))
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

  if (!steady_store_write (store, modify_occurrence_txn, &args, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
reset_occurrence_txn (SteadyStore  *store,
                      sqlite3      *db,
                      gpointer      data,
                      GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(Loaded) loaded = NULL;
  gint64 rid_wall;

  loaded = load_series (store, db, args->series_id, error);
  if (loaded == NULL || !check_instance (loaded, args->recurrence_id, &rid_wall, error))
    return FALSE;

  return delete_exception (store, db, args->series_id, args->recurrence_id, error);
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

  if (!steady_store_write (store, reset_occurrence_txn, &args, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
set_cancelled_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      data,
                   GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  sqlite3_stmt *stmt;
  gint64 rid_wall;
  int rc;

  loaded = load_series (store, db, args->series_id, error);
  if (loaded == NULL || !check_instance (loaded, args->recurrence_id, &rid_wall, error) ||
      !get_exception (store, db, args->series_id, args->recurrence_id, &exception, error))
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
  stmt = steady_store_prepare (store, db,
                               "UPDATE calendar_attendance SET status = 0 "
                               "WHERE series_id = ?1 AND recurrence_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, args->series_id);
  sqlite3_bind_text (stmt, 2, args->recurrence_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "clear attendance", error);

  return TRUE;
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

  if (!steady_store_write (store, set_cancelled_txn, &args, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
set_attendance_txn (SteadyStore  *store,
                    sqlite3      *db,
                    gpointer      data,
                    GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  sqlite3_stmt *stmt;
  gint64 rid_wall, start;
  int rc;

  loaded = load_series (store, db, args->series_id, error);
  if (loaded == NULL || !check_instance (loaded, args->recurrence_id, &rid_wall, error) ||
      !get_exception (store, db, args->series_id, args->recurrence_id, &exception, error))
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

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO calendar_attendance (series_id, recurrence_id, status, modified_utc) "
                               "VALUES (?1, ?2, ?3, ?4) "
                               "ON CONFLICT (series_id, recurrence_id) DO UPDATE "
                               "SET status = excluded.status, modified_utc = excluded.modified_utc",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, args->series_id);
  sqlite3_bind_text (stmt, 2, args->recurrence_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, args->attendance);
  sqlite3_bind_int64 (stmt, 4, now_utc ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "set attendance", error);

  return TRUE;
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

  args.now = now != NULL ? g_date_time_to_unix (now) : now_utc ();

  if (!steady_store_write (store, set_attendance_txn, &args, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

static gboolean
set_reflection_txn (SteadyStore  *store,
                    sqlite3      *db,
                    gpointer      data,
                    GError      **error)
{
  OccurrenceArgs *args = data;
  g_autoptr(Loaded) loaded = NULL;
  sqlite3_stmt *stmt;
  gint64 rid_wall;
  int rc;

  loaded = load_series (store, db, args->series_id, error);
  if (loaded == NULL || !check_instance (loaded, args->recurrence_id, &rid_wall, error))
    return FALSE;

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO calendar_attendance "
                               "(series_id, recurrence_id, note, homework, modified_utc) "
                               "VALUES (?1, ?2, coalesce (?3, ''), coalesce (?4, ''), ?5) "
                               "ON CONFLICT (series_id, recurrence_id) DO UPDATE "
                               "SET note = coalesce (?3, note), homework = coalesce (?4, homework), "
                               "    modified_utc = ?5",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, args->series_id);
  sqlite3_bind_text (stmt, 2, args->recurrence_id, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 3, args->note);
  bind_text_or_null (stmt, 4, args->homework);
  sqlite3_bind_int64 (stmt, 5, now_utc ());
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "set note", error);

  return TRUE;
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

  if (!steady_store_write (store, set_reflection_txn, &args, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/**
 * steady_calendar_get_occurrence:
 * @store: a #SteadyStore
 * @series_id: the series
 * @recurrence_id: the session's recurrence id
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the session as it stands
 */
SteadyOccurrence *
steady_calendar_get_occurrence (SteadyStore  *store,
                                gint64        series_id,
                                const char   *recurrence_id,
                                GError      **error)
{
  sqlite3 *db;
  g_autoptr(Loaded) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  SteadyOccurrence *occurrence = NULL;
  gint64 rid_wall;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  db = steady_store_get_reader (store);
  if (!begin_read (db, error))
    return NULL;

  loaded = load_series (store, db, series_id, error);
  if (loaded != NULL && check_instance (loaded, recurrence_id, &rid_wall, error) &&
      get_exception (store, db, series_id, recurrence_id, &exception, error))
    occurrence = build_occurrence (store, db, loaded, rid_wall, exception, error);

  end_read (db);

  return occurrence;
}

/* Reading */

/**
 * steady_calendar_list_occurrences:
 * @store: a #SteadyStore
 * @from: the start of the range
 * @to: the end of the range (not included)
 * @error: a location for an error
 *
 * Expands only what the range needs, however long the series run.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #SteadyOccurrence
 *   that overlap the range, by start; cancelled ones are included and
 *   flagged
 */
GListModel *
steady_calendar_list_occurrences (SteadyStore  *store,
                                  GDateTime    *from,
                                  GDateTime    *to,
                                  GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  db = steady_store_get_reader (store);
  if (!begin_read (db, error))
    return NULL;
  ok = collect_range (store, db, g_date_time_to_unix (from), g_date_time_to_unix (to), found, error);
  end_read (db);

  if (!ok)
    return NULL;

  return to_list_model (found);
}

/**
 * steady_calendar_list_upcoming:
 * @store: a #SteadyStore
 * @now: (nullable): the current time, or %NULL for the clock's
 * @n: how many
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): a #GListModel of the next @n
 *   sessions that are not cancelled and have not ended (one under way
 *   included), by start
 */
GListModel *
steady_calendar_list_upcoming (SteadyStore  *store,
                               GDateTime    *now,
                               guint         n,
                               GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  db = steady_store_get_reader (store);
  if (!begin_read (db, error))
    return NULL;
  ok = collect_upcoming (store, db, now != NULL ? g_date_time_to_unix (now) : now_utc (),
                         n, found, error);
  end_read (db);

  if (!ok)
    return NULL;

  return to_list_model (found);
}

static gint64
local_midnight (GTimeZone *zone,
                int        year,
                int        month,
                int        day)
{
  g_autoptr(GDateTime) dt = g_date_time_new (zone, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/**
 * steady_calendar_get_month_days:
 * @store: a #SteadyStore
 * @year: the year
 * @month: the month, 1 to 12
 * @zone: (nullable): the zone the grid is shown in, or %NULL for local
 * @out_days: (out): bit `d - 1` is set when day `d` has a session that is
 *   not cancelled
 * @error: a location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
steady_calendar_get_month_days (SteadyStore  *store,
                                int           year,
                                int           month,
                                GTimeZone    *zone,
                                guint32      *out_days,
                                GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) local = NULL;
  gint64 from, to;
  guint32 days = 0;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);
  g_return_val_if_fail (year >= STEADY_CALENDAR_MIN_YEAR && year <= STEADY_CALENDAR_MAX_YEAR, FALSE);
  g_return_val_if_fail (out_days != NULL, FALSE);

  if (zone == NULL)
    zone = local = g_time_zone_new_local ();

  from = local_midnight (zone, year, month, 1);
  to = local_midnight (zone, month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1);

  db = steady_store_get_reader (store);
  if (!begin_read (db, error))
    return FALSE;
  ok = collect_range (store, db, from, to, found, error);
  end_read (db);

  if (!ok)
    return FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      SteadyOccurrence *occurrence = g_ptr_array_index (found, i);
      gint64 start = steady_occurrence_get_start_unix (occurrence);
      g_autoptr(GDateTime) local_start = NULL;

      if (steady_occurrence_get_cancelled (occurrence) || start < from || start >= to)
        continue;

      local_start = g_date_time_to_timezone (steady_occurrence_get_start (occurrence), zone);
      days |= 1u << (g_date_time_get_day_of_month (local_start) - 1);
    }

  *out_days = days;

  return TRUE;
}

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
      const char *text = column_text (stmt, 0);
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

  if (!steady_program_validate (program, error) ||
      !steady_store_write (store, save_program_txn, program, error))
    return FALSE;

  steady_store_emit_changed (store, "calendar");

  return TRUE;
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

  from = local_midnight (zone, g_date_get_year (&hours.monday), g_date_get_month (&hours.monday),
                         g_date_get_day (&hours.monday));
  to = local_midnight (zone, g_date_get_year (&sunday), g_date_get_month (&sunday), g_date_get_day (&sunday));

  db = steady_store_get_reader (store);
  if (!begin_read (db, error))
    return FALSE;
  program = load_program (store, db, error);
  ok = program != NULL && collect_range (store, db, from, to, found, error);
  end_read (db);

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

/**
 * steady_calendar_read_locked:
 *
 * Runs @func on the writer under the write lock: for reads made off the
 * main thread (the worker), which must not share the reader's cached
 * statements with the main thread.
 */
gboolean
steady_calendar_read_locked (SteadyStore         *store,
                             SteadyStoreTxnFunc   func,
                             gpointer             data,
                             GError             **error)
{
  return steady_store_write (store, func, data, error);
}
