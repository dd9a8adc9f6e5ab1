/* steady-calendar.c: the session calendar, on a SteadyStore
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

      row->recurrence_id = g_strdup (steady_calendar_column_text (stmt, 0));
      row->status = sqlite3_column_int (stmt, 1);
      row->note = g_strdup (steady_calendar_column_text (stmt, 2));
      row->homework = g_strdup (steady_calendar_column_text (stmt, 3));
      row->modified = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (reflections, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "load attendance", error);

  /* Out first, then back in: shifted keys may land on each other. */
  if (!steady_calendar_run_keyed (store, db,
                                  "DELETE FROM calendar_exception WHERE series_id = ?1 AND recurrence_id >= ?2",
                                  from_id, min_rid, "move exceptions", error) ||
      !steady_calendar_run_keyed (store, db,
                                  "DELETE FROM calendar_attendance WHERE series_id = ?1 AND recurrence_id >= ?2",
                                  from_id, min_rid, "move attendance", error))
    return FALSE;

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
  g_autoptr(SteadyLoadedSeries) old = NULL;
  g_autoptr(SteadyZone) zone = NULL;
  g_auto(SteadySeriesTimes) times = { 0, };
  const char *old_rrule;

  old = steady_calendar_load_series (store, db, series_id, error);
  if (old == NULL)
    return FALSE;

  zone = steady_calendar_lookup_zone (store, db, series, error);
  if (zone == NULL || !steady_calendar_check_series (series, zone, &times, error))
    return FALSE;

  /* UIDs never change: other calendars know the series by it. */
  if (!steady_calendar_write_series_row (store, db, series_id, series,
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

  return steady_calendar_commit (store, update_series_txn, series, error);
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

  return steady_calendar_commit (store, delete_series_txn, &series_id, error);
}

/* Checks that the series has a session at @recurrence_id. */
gboolean
steady_calendar_check_instance (SteadyLoadedSeries  *loaded,
                                const char          *recurrence_id,
                                gint64              *out_wall,
                                GError             **error)
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
truncate_rule (SteadyLoadedSeries *old,
               gint64              split_wall,
               guint              *out_n_before)
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
  g_autoptr(SteadyLoadedSeries) old = NULL;
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

  old = steady_calendar_load_series (store, db, args->series_id, error);
  if (old == NULL || !steady_calendar_check_instance (old, args->recurrence_id, &split_wall, error))
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

  zone = steady_calendar_lookup_zone (store, db, following, error);
  if (zone == NULL || !steady_calendar_check_series (following, zone, &times, error))
    return FALSE;

  earlier = steady_session_series_copy (old->series);
  steady_session_series_set_rrule (earlier, truncated);
  old_zone = steady_zone_ref (old->zone);
  if (!steady_calendar_check_series (earlier, old_zone, &old_times, error) ||
      !steady_calendar_write_series_row (store, db, args->series_id, earlier,
                                         steady_session_series_get_uid (old->series), &old_times, error))
    return FALSE;

  uid = g_uuid_string_random ();
  if (!steady_calendar_write_series_row (store, db, 0, following, uid, &times, error))
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
  g_autoptr(SteadyLoadedSeries) loaded = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  loaded = steady_calendar_load_series (store, steady_store_get_reader (store), series_id, error);
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
