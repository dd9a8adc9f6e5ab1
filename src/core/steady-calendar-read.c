/* steady-calendar-read.c: the calendar's occurrences, expanded for a range
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

/* Offsets from UTC stay within a day, so a margin of two days either
 * side of a range catches every wall-clock time that can reach it. */
#define WALL_MARGIN (2 * 86400)

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
                                      steady_calendar_column_text (stmt, 1),
                                      steady_calendar_column_text (stmt, 2));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "get attendance", error);

  return TRUE;
}

/* Occurrences */

static SteadyOccurrence *
build_occurrence (SteadyStore                *store,
                  sqlite3                    *db,
                  SteadyLoadedSeries         *loaded,
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
                               "SELECT series_id, " STEADY_CALENDAR_EXCEPTION_COLUMNS " FROM calendar_exception "
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
      row->data = steady_calendar_exception_from_row (stmt, 1);
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

static SteadyLoadedSeries *
find_loaded (SteadyStore  *store,
             sqlite3      *db,
             GHashTable   *cache,
             gint64        series_id,
             GError      **error)
{
  SteadyLoadedSeries *loaded = g_hash_table_lookup (cache, &series_id);

  if (loaded == NULL)
    {
      loaded = steady_calendar_load_series (store, db, series_id, error);
      if (loaded == NULL)
        return NULL;

      g_hash_table_insert (cache, g_memdup2 (&series_id, sizeof series_id), loaded);
    }

  return loaded;
}

/* What a read asks for: the occurrences that overlap [from, to), the
 * first @limit of them by start. The upcoming read leaves cancelled
 * sessions out and does not warn again about a rule that the range
 * reads already reported. */
typedef struct
{
  gint64   from;
  gint64   to;
  guint    limit;
  gboolean upcoming;
} Window;

/* The sessions of one series in @window, but for the moved ones: those
 * show at their new time, found by collect(). */
static gboolean
expand_series (SteadyStore         *store,
               sqlite3             *db,
               SteadyLoadedSeries  *loaded,
               const Window        *window,
               GPtrArray           *out,
               GError             **error)
{
  gint64 series_id = steady_session_series_get_id (loaded->series);
  gint64 duration = steady_session_series_get_duration (loaded->series);
  gint64 wall_end = window->to > G_MAXINT64 - WALL_MARGIN ? G_MAXINT64 : window->to + WALL_MARGIN;
  g_autoptr(SteadyRecurIter) iter = NULL;
  guint found = 0;
  gint64 wall;

  iter = steady_recur_iter_new (steady_session_series_get_rrule (loaded->series),
                                loaded->zone, loaded->start_wall,
                                window->from - duration - WALL_MARGIN,
                                STEADY_CALENDAR_MAX_STEPS);
  if (iter == NULL)
    {
      if (!window->upcoming)
        g_warning ("Series %" G_GINT64_FORMAT " has a rule libical refuses", series_id);
      return TRUE;
    }

  while (found < window->limit && steady_recur_iter_next (iter, &wall) && wall < wall_end)
    {
      g_autoptr(SteadyExceptionData) exception = NULL;
      g_autofree char *rid = steady_wall_format (wall);
      gint64 start = steady_zone_to_utc (loaded->zone, wall);
      gint64 length = duration;
      SteadyOccurrence *occurrence;

      if (!steady_calendar_get_exception (store, db, series_id, rid, &exception, error))
        return FALSE;

      if (exception != NULL && (exception->moved || (window->upcoming && exception->cancelled)))
        continue;
      if (exception != NULL && exception->has_duration)
        length = exception->duration;
      if (start >= window->to || start + length <= window->from)
        continue;

      occurrence = build_occurrence (store, db, loaded, wall, exception, error);
      if (occurrence == NULL)
        return FALSE;

      g_ptr_array_add (out, occurrence);
      found++;
    }

  if (steady_recur_iter_is_capped (iter))
    g_debug ("Series %" G_GINT64_FORMAT ": expansion stopped after %u steps",
             series_id, steady_recur_iter_get_steps (iter));

  return TRUE;
}

static gboolean
collect (SteadyStore   *store,
         sqlite3       *db,
         const Window  *window,
         GPtrArray     *out,
         GError       **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GHashTable) cache = NULL;
  guint n_moved = 0;

  if (window->limit == 0 || window->to <= window->from)
    return TRUE;

  /* No ORDER BY: it would turn the index search (a multi-index OR on
   * calendar_series_by_end) into a scan; the occurrences are sorted. */
  if (window->upcoming)
    candidates = steady_calendar_load_series_where (store, db,
                                                    "SELECT " STEADY_CALENDAR_SERIES_COLUMNS " FROM calendar_series "
                                                    "WHERE last_end_utc IS NULL OR last_end_utc > ?1",
                                                    window->from, 0, error);
  else
    candidates = steady_calendar_load_series_where (store, db,
                                                    "SELECT " STEADY_CALENDAR_SERIES_COLUMNS " FROM calendar_series "
                                                    "WHERE first_utc < ?2 AND (last_end_utc IS NULL OR last_end_utc > ?1)",
                                                    window->from, window->to, error);
  if (candidates == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->len; i++)
    if (!expand_series (store, db, g_ptr_array_index (candidates, i), window, out, error))
      return FALSE;

  moved = load_moved (store, db, window->from - STEADY_CALENDAR_MAX_DURATION, window->to, error);
  if (moved == NULL)
    return FALSE;

  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify)steady_loaded_series_free);

  for (guint i = 0; i < moved->len && n_moved < window->limit; i++)
    {
      MovedRow *row = g_ptr_array_index (moved, i);
      SteadyOccurrence *occurrence;
      SteadyLoadedSeries *loaded;
      gint64 rid_wall;
      gint64 length;

      if (window->upcoming && row->data->cancelled)
        continue;

      loaded = find_loaded (store, db, cache, row->series_id, error);
      if (loaded == NULL)
        return FALSE;

      length = row->data->has_duration ? row->data->duration
                                       : steady_session_series_get_duration (loaded->series);
      if (row->data->start_utc + length <= window->from ||
          !steady_wall_parse (row->data->recurrence_id, &rid_wall))
        continue;

      occurrence = build_occurrence (store, db, loaded, rid_wall, row->data, error);
      if (occurrence == NULL)
        return FALSE;

      g_ptr_array_add (out, occurrence);
      n_moved++;
    }

  g_ptr_array_sort (out, compare_occurrences);
  if (out->len > window->limit)
    g_ptr_array_set_size (out, window->limit);

  return TRUE;
}

/* Every occurrence that overlaps [from, to), cancelled ones included. */
gboolean
steady_calendar_collect_range (SteadyStore  *store,
                               sqlite3      *db,
                               gint64        from,
                               gint64        to,
                               GPtrArray    *out,
                               GError      **error)
{
  Window window = { from, to, G_MAXUINT, FALSE };

  return collect (store, db, &window, out, error);
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
  Window window = { now, G_MAXINT64, n, TRUE };

  return collect (store, db, &window, out, error);
}

/* Runs one read of the calendar in one read transaction on the reader:
 * one snapshot for all its queries, and one shared lock instead of one
 * per statement (hundreds for a month). A savepoint nests if a caller
 * already holds a transaction. */
gboolean
steady_calendar_begin_read (sqlite3  *db,
                            GError  **error)
{
  return steady_store_exec (db, "SAVEPOINT steady_calendar_read", error);
}

void
steady_calendar_end_read (sqlite3 *db)
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
  g_autoptr(SteadyLoadedSeries) loaded = NULL;
  g_autoptr(SteadyExceptionData) exception = NULL;
  SteadyOccurrence *occurrence = NULL;
  gint64 rid_wall;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (recurrence_id != NULL, NULL);

  db = steady_store_get_reader (store);
  if (!steady_calendar_begin_read (db, error))
    return NULL;

  loaded = steady_calendar_load_series (store, db, series_id, error);
  if (loaded != NULL && steady_calendar_check_instance (loaded, recurrence_id, &rid_wall, error) &&
      steady_calendar_get_exception (store, db, series_id, recurrence_id, &exception, error))
    occurrence = build_occurrence (store, db, loaded, rid_wall, exception, error);

  steady_calendar_end_read (db);

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
  if (!steady_calendar_begin_read (db, error))
    return NULL;
  ok = steady_calendar_collect_range (store, db, g_date_time_to_unix (from), g_date_time_to_unix (to), found, error);
  steady_calendar_end_read (db);

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
  if (!steady_calendar_begin_read (db, error))
    return NULL;
  ok = collect_upcoming (store, db, now != NULL ? g_date_time_to_unix (now) : steady_calendar_now_utc (),
                         n, found, error);
  steady_calendar_end_read (db);

  if (!ok)
    return NULL;

  return to_list_model (found);
}

gint64
steady_calendar_local_midnight (GTimeZone *zone,
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

  from = steady_calendar_local_midnight (zone, year, month, 1);
  to = steady_calendar_local_midnight (zone, month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1);

  db = steady_store_get_reader (store);
  if (!steady_calendar_begin_read (db, error))
    return FALSE;
  ok = steady_calendar_collect_range (store, db, from, to, found, error);
  steady_calendar_end_read (db);

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
