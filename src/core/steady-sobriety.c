/* steady-sobriety.c: sober days, and the history of attempts
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-sobriety"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-journal-private.h"
#include "steady-sobriety.h"

/* A count runs from a start day. A lapse is not a reset to zero: when
 * the person chooses to start again (the GUI offers it gently after a
 * lapse, never by itself), the current attempt is closed on the day of
 * the lapse and kept, and a new one begins; the total counts the sober
 * days of every attempt. Days are local calendar days, counted whole:
 * an attempt that started today has 0 days so far. */

typedef struct
{
  GDate start;
  GDate lapse_day;   /* restart only; else invalid */
} SobrietyWrite;

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID, message);

  return FALSE;
}

static guint
days_between (const GDate *from,
              const GDate *to)
{
  int days = g_date_days_between (from, to);

  return days > 0 ? (guint)days : 0;
}

static gboolean
read_state (SteadyStore  *store,
            sqlite3      *db,
            GDate        *current_start,
            GDate        *last_end,
            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_date_clear (current_start, 1);
  g_date_clear (last_end, 1);

  stmt = steady_store_prepare (store, db,
                               "SELECT start_date FROM sobriety_periods WHERE end_date IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    steady_journal_parse_date ((const char *)sqlite3_column_text (stmt, 0), current_start);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "read current period", error);

  stmt = steady_store_prepare (store, db,
                               "SELECT max (end_date) FROM sobriety_periods",
                               error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    steady_journal_parse_date ((const char *)sqlite3_column_text (stmt, 0), last_end);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return steady_store_set_error (db, rc, "read last period", error);

  return TRUE;
}

static gboolean
run_date (SteadyStore  *store,
          sqlite3      *db,
          const char   *sql,
          const GDate  *date,
          GError      **error)
{
  sqlite3_stmt *stmt;
  char text[11];

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  steady_journal_format_date (date, text);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);

  return steady_journal_step_done (db, stmt, sql, error);
}

static gboolean
check_after_last (const GDate  *start,
                  const GDate  *last_end,
                  GError      **error)
{
  if (g_date_valid (last_end) && g_date_compare (start, last_end) < 0)
    return set_invalid (error, _("A new count cannot start before the previous one ended."));

  return TRUE;
}

static gboolean
set_start_txn (SteadyStore  *store,
               sqlite3      *db,
               gpointer      data,
               GError      **error)
{
  SobrietyWrite *write = data;
  GDate current_start, last_end;

  if (!read_state (store, db, &current_start, &last_end, error) ||
      !check_after_last (&write->start, &last_end, error))
    return FALSE;

  if (g_date_valid (&current_start))
    return run_date (store, db,
                     "UPDATE sobriety_periods SET start_date = ?1 WHERE end_date IS NULL",
                     &write->start, error);

  return run_date (store, db,
                   "INSERT INTO sobriety_periods (start_date) VALUES (?1)",
                   &write->start, error);
}

static gboolean
restart_txn (SteadyStore  *store,
             sqlite3      *db,
             gpointer      data,
             GError      **error)
{
  SobrietyWrite *write = data;
  GDate current_start, last_end;

  if (!read_state (store, db, &current_start, &last_end, error))
    return FALSE;

  if (g_date_valid (&current_start))
    {
      if (g_date_compare (&write->lapse_day, &current_start) < 0)
        return set_invalid (error, _("The day of the lapse cannot be before the current count started."));

      /* The attempt is kept, ending on the day of the lapse. */
      if (!run_date (store, db,
                     "UPDATE sobriety_periods SET end_date = ?1 WHERE end_date IS NULL",
                     &write->lapse_day, error))
        return FALSE;
    }
  else if (!check_after_last (&write->start, &last_end, error))
    {
      return FALSE;
    }

  return run_date (store, db,
                   "INSERT INTO sobriety_periods (start_date) VALUES (?1)",
                   &write->start, error);
}

static gboolean
set_start_op_run (SteadyStore  *store,
                  gpointer      data,
                  GError      **error)
{
  SobrietyWrite *write = data;

  return steady_sobriety_set_start (store, &write->start, error);
}

static gboolean
restart_op_run (SteadyStore  *store,
                gpointer      data,
                GError      **error)
{
  SobrietyWrite *write = data;

  return steady_sobriety_restart (store, &write->lapse_day, &write->start, error);
}

static GPtrArray *
load_periods (SteadyStore  *store,
              const GDate  *today,
              GError      **error)
{
  g_autoptr(GPtrArray) periods = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = steady_store_get_reader (store);
  sqlite3_stmt *stmt;
  GDate now;
  int rc;

  steady_journal_get_today (today, &now);

  stmt = steady_store_prepare (store, db,
                               "SELECT start_date, end_date FROM sobriety_periods "
                               "ORDER BY start_date DESC, id DESC",
                               error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate start, end;
      gboolean ended;

      if (!steady_journal_parse_date ((const char *)sqlite3_column_text (stmt, 0), &start))
        continue;

      ended = steady_journal_parse_date ((const char *)sqlite3_column_text (stmt, 1), &end);
      g_ptr_array_add (periods,
                       steady_sobriety_period_new (&start,
                                                   ended ? &end : NULL,
                                                   days_between (&start, ended ? &end : &now)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "list periods", error);
      return NULL;
    }

  return g_steal_pointer (&periods);
}

/**
 * steady_sobriety_get_summary:
 * @store: a #SteadyStore
 * @today: (nullable): the local day to count to, or %NULL for today
 * @summary: (out caller-allocates): the summary
 * @error: a location for an error
 *
 * Returns: %TRUE on success
 */
gboolean
steady_sobriety_get_summary (SteadyStore            *store,
                             const GDate            *today,
                             SteadySobrietySummary  *summary,
                             GError                **error)
{
  g_autoptr(GPtrArray) periods = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  periods = load_periods (store, today, error);
  if (periods == NULL)
    return FALSE;

  memset (summary, 0, sizeof *summary);
  g_date_clear (&summary->start, 1);
  summary->n_periods = periods->len;

  for (guint i = 0; i < periods->len; i++)
    {
      SteadySobrietyPeriod *period = g_ptr_array_index (periods, i);

      summary->total_days += steady_sobriety_period_get_days (period);

      if (steady_sobriety_period_is_current (period))
        {
          summary->active = TRUE;
          summary->start = *steady_sobriety_period_get_start (period);
          summary->current_days = steady_sobriety_period_get_days (period);
        }
    }

  return TRUE;
}

/**
 * steady_sobriety_list_periods:
 * @store: a #SteadyStore
 * @today: (nullable): the local day to count the current attempt to, or
 *   %NULL for today
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the attempts as
 *   #SteadySobrietyPeriod, newest first
 */
GListModel *
steady_sobriety_list_periods (SteadyStore  *store,
                              const GDate  *today,
                              GError      **error)
{
  g_autoptr(GPtrArray) periods = NULL;
  GListStore *list;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  periods = load_periods (store, today, error);
  if (periods == NULL)
    return NULL;

  list = g_list_store_new (STEADY_TYPE_SOBRIETY_PERIOD);
  g_list_store_splice (list, 0, 0, periods->pdata, periods->len);

  return G_LIST_MODEL (list);
}

/**
 * steady_sobriety_set_start:
 * @store: a #SteadyStore
 * @start: the first sober day
 * @error: a location for an error
 *
 * Starts the count, or corrects the start of the current one. It cannot
 * start before the previous attempt ended.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_sobriety_set_start (SteadyStore  *store,
                           const GDate  *start,
                           GError      **error)
{
  SobrietyWrite write;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);

  write.start = *start;
  g_date_clear (&write.lapse_day, 1);

  ok = steady_store_write (store, set_start_txn, &write, error);
  if (ok)
    steady_store_emit_changed (store, "journal");

  return ok;
}

void
steady_sobriety_set_start_async (SteadyStore         *store,
                                 const GDate         *start,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  SobrietyWrite *write;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (start != NULL && g_date_valid (start));

  write = g_new0 (SobrietyWrite, 1);
  write->start = *start;
  g_date_clear (&write->lapse_day, 1);

  steady_journal_run_async (store, set_start_op_run, NULL, write, g_free,
                            steady_sobriety_set_start_async, cancellable, callback, user_data);
}

gboolean
steady_sobriety_set_start_finish (SteadyStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steady_journal_run_finish (store, result, steady_sobriety_set_start_async, error);
}

/**
 * steady_sobriety_restart:
 * @store: a #SteadyStore
 * @lapse_day: (nullable): the day of the lapse, which ends the current
 *   attempt and is not counted as sober; %NULL for @new_start
 * @new_start: the first day of the new count
 * @error: a location for an error
 *
 * Begins a new count and keeps the current attempt in the history, with
 * its sober days still in the total. Only on the person's own choice.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_sobriety_restart (SteadyStore  *store,
                         const GDate  *lapse_day,
                         const GDate  *new_start,
                         GError      **error)
{
  SobrietyWrite write;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (new_start != NULL && g_date_valid (new_start), FALSE);

  write.start = *new_start;
  write.lapse_day = lapse_day != NULL && g_date_valid (lapse_day) ? *lapse_day : *new_start;

  if (g_date_compare (&write.start, &write.lapse_day) < 0)
    return set_invalid (error, _("The new count cannot start before the day of the lapse."));

  ok = steady_store_write (store, restart_txn, &write, error);
  if (ok)
    steady_store_emit_changed (store, "journal");

  return ok;
}

void
steady_sobriety_restart_async (SteadyStore         *store,
                               const GDate         *lapse_day,
                               const GDate         *new_start,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  SobrietyWrite *write;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (new_start != NULL && g_date_valid (new_start));

  write = g_new0 (SobrietyWrite, 1);
  write->start = *new_start;
  write->lapse_day = lapse_day != NULL && g_date_valid (lapse_day) ? *lapse_day : *new_start;

  steady_journal_run_async (store, restart_op_run, NULL, write, g_free,
                            steady_sobriety_restart_async, cancellable, callback, user_data);
}

gboolean
steady_sobriety_restart_finish (SteadyStore   *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return steady_journal_run_finish (store, result, steady_sobriety_restart_async, error);
}
