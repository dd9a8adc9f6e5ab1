/* steady-journal-util.c: what the journal's files share: reading an entry, the worker, dates
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "steady-journal-private.h"

typedef struct
{
  SteadyJournalSyncFunc   func;
  SteadyJournalApplyFunc  apply;
  gpointer                data;
  GDestroyNotify          data_destroy;
  GCancellable           *cancellable;
} AsyncOp;

static void
async_op_free (AsyncOp *op)
{
  if (op->data_destroy != NULL)
    g_clear_pointer (&op->data, op->data_destroy);
  g_clear_object (&op->cancellable);
  g_free (op);
}

static gboolean
load_names (SteadyStore  *store,
            sqlite3      *db,
            const char   *sql,
            gint64        id,
            GStrv        *out,
            GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  steady_journal_reset_stmt (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "load entry details", error);

  *out = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
load_skills (SteadyStore         *store,
             sqlite3             *db,
             SteadyJournalEntry  *entry,
             GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT skill_id, helped FROM journal_entry_skills "
                               "WHERE entry_id = ?1 ORDER BY position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, steady_journal_entry_get_id (entry));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int helped = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                   ? STEADY_JOURNAL_UNSET
                   : sqlite3_column_int (stmt, 1);

      steady_journal_entry_set_skill (entry, (const char *)sqlite3_column_text (stmt, 0), helped);
    }
  steady_journal_reset_stmt (stmt);

  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "load entry skills", error);

  return TRUE;
}

static gboolean
async_op_work (SteadyStore  *store,
               gpointer      data,
               gpointer     *result,
               GError      **error)
{
  AsyncOp *op = data;

  /* Checked here rather than by GTask, so that a write that did
   * commit is never reported as cancelled. */
  if (g_cancellable_set_error_if_cancelled (op->cancellable, error))
    return FALSE;

  if (!op->func (store, op->data, error))
    return FALSE;

  *result = GINT_TO_POINTER (TRUE);

  return TRUE;
}

static void
async_op_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AsyncOp *op = g_task_get_task_data (task);
  GError *error = NULL;

  steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (op->apply != NULL)
    op->apply (op->data);

  g_task_return_boolean (task, TRUE);
}

/* Helpers shared by the journal's files */

gboolean
steady_journal_step_done (sqlite3       *db,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  steady_journal_reset_stmt (stmt);
  if (rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, what, error);

  return TRUE;
}

GDateTime *
steady_journal_date_time_new (gint64 at,
                              int    utc_offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (utc_offset);

  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, zone);
}

void
steady_journal_format_date (const GDate *date,
                            char         out[11])
{
  g_assert (g_date_valid (date));

  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (date),
              (guint)g_date_get_month (date),
              (guint)g_date_get_day (date));
}

gboolean
steady_journal_parse_date (const char *text,
                           GDate      *out)
{
  guint year, month, day;
  char tail;

  g_date_clear (out, 1);

  if (text == NULL ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

/* @today, or the local date now. */
void
steady_journal_get_today (const GDate *today,
                          GDate       *out)
{
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;

  if (today != NULL)
    {
      *out = *today;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

/* After deletions: the write-ahead log keeps old page images until a
 * checkpoint; TRUNCATE leaves it empty. */
void
steady_journal_checkpoint (SteadyStore *store)
{
  GMutex *lock = steady_store_get_write_lock (store);
  sqlite3 *db;

  g_mutex_lock (lock);

  db = steady_store_get_writer_locked (store);
  if (db != NULL)
    {
      int rc = sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        g_debug ("Checkpoint after a deletion failed: %s", sqlite3_errmsg (db));
    }

  g_mutex_unlock (lock);
}

SteadyJournalEntry *
steady_journal_entry_from_row (SteadyStore   *store,
                               sqlite3       *db,
                               sqlite3_stmt  *stmt,
                               GError       **error)
{
  g_autoptr(SteadyJournalEntry) entry = g_object_new (STEADY_TYPE_JOURNAL_ENTRY, NULL);
  g_autoptr(GDateTime) at = NULL;
  g_auto(GStrv) emotions = NULL;
  g_auto(GStrv) triggers = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);

  at = steady_journal_date_time_new (sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 3));
  if (at == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                           _("A check-in has a time that cannot be read."));
      return NULL;
    }

  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    steady_journal_entry_set_mood (entry, sqlite3_column_int (stmt, 4));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    steady_journal_entry_set_craving (entry, sqlite3_column_int (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    steady_journal_entry_set_sleep_hours (entry, sqlite3_column_double (stmt, 6));
  steady_journal_entry_set_substance_use (entry, (SteadySubstanceUse)sqlite3_column_int (stmt, 7));
  steady_journal_entry_set_lapse_what (entry, (const char *)sqlite3_column_text (stmt, 8));
  steady_journal_entry_set_lapse_note (entry, (const char *)sqlite3_column_text (stmt, 9));
  steady_journal_entry_set_notes (entry, (const char *)sqlite3_column_text (stmt, 10));
  steady_journal_entry_set_stored (entry, id, at,
                                   (const char *)sqlite3_column_text (stmt, 2),
                                   sqlite3_column_int (stmt, 3));

  if (!load_names (store, db,
                   "SELECT name FROM journal_entry_emotions WHERE entry_id = ?1 ORDER BY position",
                   id, &emotions, error) ||
      !load_names (store, db,
                   "SELECT name FROM journal_entry_triggers WHERE entry_id = ?1 ORDER BY position",
                   id, &triggers, error) ||
      !load_skills (store, db, entry, error))
    return NULL;

  steady_journal_entry_set_emotions (entry, (const char * const *)emotions);
  steady_journal_entry_set_triggers (entry, (const char * const *)triggers);

  return g_steal_pointer (&entry);
}

SteadyJournalEntry *
steady_journal_load (SteadyStore  *store,
                     sqlite3      *db,
                     gint64        id,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  SteadyJournalEntry *entry = NULL;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT " STEADY_JOURNAL_ENTRY_COLUMNS " FROM journal_entries WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entry = steady_journal_entry_from_row (store, db, stmt, error);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                         _("This check-in does not exist any more."));
  else
    steady_store_set_error (db, rc, "load entry", error);
  steady_journal_reset_stmt (stmt);

  return entry;
}

void
steady_journal_run_async (SteadyStore            *store,
                          SteadyJournalSyncFunc   func,
                          SteadyJournalApplyFunc  apply,
                          gpointer                data,
                          GDestroyNotify          data_destroy,
                          gpointer                source_tag,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncOp *op;

  op = g_new0 (AsyncOp, 1);
  op->func = func;
  op->apply = apply;
  op->data = data;
  op->data_destroy = data_destroy;
  op->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify)async_op_free);
  /* The result says what happened to the data, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  steady_store_run_async (store, async_op_work, op, NULL, NULL, NULL,
                          async_op_done_cb, g_steal_pointer (&task));
}

gboolean
steady_journal_run_finish (SteadyStore   *store,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
