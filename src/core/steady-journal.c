/* steady-journal.c: saving, reading and deleting check-ins
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

/* The journal is a set of plain functions on a SteadyStore. Writes go
 * through steady_store_write() (one BEGIN IMMEDIATE transaction each) and
 * end with steady_store_emit_changed (store, "journal"); the _async
 * variants run the same functions on the store's worker. Reads use the
 * store's reader connection and are meant for the main thread. */

typedef struct
{
  SteadyJournalEntry *entry;   /* borrowed */

  /* Filled in by the transaction */
  gint64              id;
  gint64              at;
  char               *local_date;
  int                 utc_offset;
  guint64             change_seq;
  gboolean            merged;
} SaveData;

typedef struct
{
  gint64   id;
  guint64  change_seq;
} DeleteData;

typedef struct
{
  SteadyJournalEntry *original;
  SteadyJournalEntry *copy;
} SaveOp;

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->original);
  g_clear_object (&op->copy);
  g_free (op);
}

static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return steady_journal_set_invalid (error, message);

  return TRUE;
}

/* Everything that can be checked without the database, before any
 * write starts. */
static gboolean
validate_entry (SteadyJournalEntry  *entry,
                GError             **error)
{
  GDateTime *at = steady_journal_entry_get_at (entry);
  const char * const *emotions = steady_journal_entry_get_emotions (entry);
  const char * const *triggers = steady_journal_entry_get_triggers (entry);
  const char * const *skills = steady_journal_entry_get_skills (entry);
  int mood = steady_journal_entry_get_mood (entry);
  int craving = steady_journal_entry_get_craving (entry);
  double sleep = steady_journal_entry_get_sleep_hours (entry);
  SteadySubstanceUse use = steady_journal_entry_get_substance_use (entry);

  if (at == NULL)
    return steady_journal_set_invalid (error, _("The check-in has no date and time."));

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (at);

    if (local == NULL ||
        g_date_time_get_year (local) < 1900 ||
        g_date_time_get_year (local) > 9999)
      return steady_journal_set_invalid (error, _("The date must be between the years 1900 and 9999."));
  }

  if (mood != STEADY_JOURNAL_UNSET && (mood < 1 || mood > 10))
    return steady_journal_set_invalid (error, _("Mood must be between 1 and 10."));

  if (craving != STEADY_JOURNAL_UNSET && (craving < 0 || craving > 10))
    return steady_journal_set_invalid (error, _("Craving must be between 0 and 10."));

  if (sleep != STEADY_JOURNAL_UNSET_HOURS && !(sleep >= 0.0 && sleep <= 24.0))
    return steady_journal_set_invalid (error, _("Hours slept must be between 0 and 24."));

  if (use != STEADY_SUBSTANCE_USE_NOT_SAID &&
      use != STEADY_SUBSTANCE_USE_NONE &&
      use != STEADY_SUBSTANCE_USE_LAPSE)
    return steady_journal_set_invalid (error, _("Substance use must be “not said”, “none” or “a lapse”."));

  if (!check_text (steady_journal_entry_get_notes (entry),
                   _("The notes contain something that is not valid text (UTF-8), so the check-in was not saved."),
                   error) ||
      !check_text (steady_journal_entry_get_lapse_what (entry),
                   _("What was used is not valid text (UTF-8), so the check-in was not saved."),
                   error) ||
      !check_text (steady_journal_entry_get_lapse_note (entry),
                   _("The note about the lapse is not valid text (UTF-8), so the check-in was not saved."),
                   error))
    return FALSE;

  for (guint i = 0; emotions[i] != NULL; i++)
    {
      if (!steady_journal_check_label (emotions[i], FALSE, error))
        return FALSE;
    }

  for (guint i = 0; triggers[i] != NULL; i++)
    {
      if (!steady_journal_check_label (triggers[i], TRUE, error))
        return FALSE;
    }

  for (guint i = 0; skills[i] != NULL; i++)
    {
      int helped = steady_journal_entry_get_skill_helped (entry, skills[i]);

      if (!g_utf8_validate (skills[i], -1, NULL) || skills[i][0] == '\0')
        return steady_journal_set_invalid (error, _("A skill is not in Steady’s list of skills."));

      if (helped != STEADY_JOURNAL_UNSET && (helped < 0 || helped > 10))
        return steady_journal_set_invalid (error, _("How much a skill helped must be between 0 and 10."));
    }

  return TRUE;
}

static void
bind_optional_int (sqlite3_stmt *stmt,
                   int           column,
                   int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, value);
}

static gboolean
delete_children (SteadyStore  *store,
                 sqlite3      *db,
                 gint64        id,
                 GError      **error)
{
  static const char * const sql[] = {
    "DELETE FROM journal_entry_emotions WHERE entry_id = ?1",
    "DELETE FROM journal_entry_triggers WHERE entry_id = ?1",
    "DELETE FROM journal_entry_skills WHERE entry_id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = steady_store_prepare (store, db, sql[i], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      if (!steady_journal_step_done (db, stmt, "delete entry details", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_names (SteadyStore         *store,
              sqlite3             *db,
              const char          *sql,
              gint64               id,
              const char * const  *names,
              GError             **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = steady_store_prepare (store, db, sql, error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, names[i], -1, SQLITE_STATIC);
      if (!steady_journal_step_done (db, stmt, "insert entry detail", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_skills (SteadyStore         *store,
               sqlite3             *db,
               SteadyJournalEntry  *entry,
               gint64               id,
               GError             **error)
{
  const char * const *skills = steady_journal_entry_get_skills (entry);

  for (guint i = 0; skills[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;

      stmt = steady_store_prepare (store, db,
                                   "INSERT INTO journal_entry_skills (entry_id, position, skill_id, helped) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, skills[i], -1, SQLITE_STATIC);
      bind_optional_int (stmt, 4, steady_journal_entry_get_skill_helped (entry, skills[i]));
      if (!steady_journal_step_done (db, stmt, "insert entry skill", error))
        return FALSE;
    }

  return TRUE;
}

/* The names of the entry's skills, refusing an unknown one. */
static GPtrArray *
lookup_skill_names (SteadyStore         *store,
                    sqlite3             *db,
                    SteadyJournalEntry  *entry,
                    GError             **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char * const *skills = steady_journal_entry_get_skills (entry);

  for (guint i = 0; skills[i] != NULL; i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      stmt = steady_store_prepare (store, db, "SELECT name FROM skills WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, skills[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (names, steady_journal_dup_column_text (stmt, 0));
      steady_journal_reset_stmt (stmt);

      if (rc == SQLITE_DONE)
        {
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                       _("The skill “%s” is not in Steady’s list of skills."), skills[i]);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          steady_store_set_error (db, rc, "look up skill", error);
          return NULL;
        }
    }

  return g_steal_pointer (&names);
}

static gboolean
save_txn (SteadyStore  *store,
          sqlite3      *db,
          gpointer      user_data,
          GError      **error)
{
  SaveData *data = user_data;
  SteadyJournalEntry *entry = data->entry;
  g_autoptr(GPtrArray) skill_names = NULL;
  g_autofree char *old_local_date = NULL;
  SteadyJournalKey before = { 0, 0 };
  SteadyJournalKey after;
  SteadySubstanceUse use = steady_journal_entry_get_substance_use (entry);
  gboolean existed = FALSE;
  int old_offset = 0;
  sqlite3_stmt *stmt;
  int rc;

  data->id = steady_journal_entry_get_id (entry);
  data->at = g_date_time_to_unix (steady_journal_entry_get_at (entry));

  if (data->id > 0)
    {
      stmt = steady_store_prepare (store, db,
                                   "SELECT at, local_date, utc_offset FROM journal_entries WHERE id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, data->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          existed = TRUE;
          before.at = sqlite3_column_int64 (stmt, 0);
          before.id = data->id;
          old_local_date = steady_journal_dup_column_text (stmt, 1);
          old_offset = sqlite3_column_int (stmt, 2);
        }
      steady_journal_reset_stmt (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return steady_store_set_error (db, rc, "read entry", error);
    }

  /* An edit that keeps the time keeps the day it was filed under, even
   * if the person has since moved to another time zone. */
  if (existed && before.at == data->at)
    {
      data->local_date = g_steal_pointer (&old_local_date);
      data->utc_offset = old_offset;
    }
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (steady_journal_entry_get_at (entry));

      data->local_date = g_date_time_format (local, "%Y-%m-%d");
      data->utc_offset = (int)(g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
    }

  skill_names = lookup_skill_names (store, db, entry, error);
  if (skill_names == NULL)
    return FALSE;

  if (existed)
    stmt = steady_store_prepare (store, db,
                                 "UPDATE journal_entries SET at = ?2, local_date = ?3, utc_offset = ?4, "
                                 "mood = ?5, craving = ?6, sleep_hours = ?7, substance_use = ?8, "
                                 "lapse_what = ?9, lapse_note = ?10, notes = ?11 "
                                 "WHERE id = ?1",
                                 error);
  else
    /* A deleted entry's id comes back only through Undo. */
    stmt = steady_store_prepare (store, db,
                                 "INSERT INTO journal_entries (id, at, local_date, utc_offset, mood, "
                                 "craving, sleep_hours, substance_use, lapse_what, lapse_note, notes) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (data->id > 0)
    sqlite3_bind_int64 (stmt, 1, data->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, data->at);
  sqlite3_bind_text (stmt, 3, data->local_date, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, data->utc_offset);
  bind_optional_int (stmt, 5, steady_journal_entry_get_mood (entry));
  bind_optional_int (stmt, 6, steady_journal_entry_get_craving (entry));
  if (steady_journal_entry_get_sleep_hours (entry) < 0)
    sqlite3_bind_null (stmt, 7);
  else
    sqlite3_bind_double (stmt, 7, steady_journal_entry_get_sleep_hours (entry));
  sqlite3_bind_int (stmt, 8, (int)use);
  /* Lapse details are kept only with a lapse. */
  steady_journal_bind_optional_text (stmt, 9, use == STEADY_SUBSTANCE_USE_LAPSE ? steady_journal_entry_get_lapse_what (entry) : NULL);
  steady_journal_bind_optional_text (stmt, 10, use == STEADY_SUBSTANCE_USE_LAPSE ? steady_journal_entry_get_lapse_note (entry) : NULL);
  steady_journal_bind_optional_text (stmt, 11, steady_journal_entry_get_notes (entry));

  if (!steady_journal_step_done (db, stmt, "save entry", error))
    return FALSE;

  if (!existed)
    data->id = sqlite3_last_insert_rowid (db);
  else if (!delete_children (store, db, data->id, error))
    return FALSE;

  if (!insert_names (store, db,
                     "INSERT INTO journal_entry_emotions (entry_id, position, name) VALUES (?1, ?2, ?3)",
                     data->id, steady_journal_entry_get_emotions (entry), error) ||
      !insert_names (store, db,
                     "INSERT INTO journal_entry_triggers (entry_id, position, name) VALUES (?1, ?2, ?3)",
                     data->id, steady_journal_entry_get_triggers (entry), error) ||
      !insert_skills (store, db, entry, data->id, error) ||
      !steady_journal_index_update (store, db, data->entry, data->id, existed, skill_names,
                                    &data->merged, error))
    return FALSE;

  after.at = data->at;
  after.id = data->id;
  data->change_seq = steady_journal_changes_push (store, existed ? &before : NULL, &after);

  return TRUE;
}

static gboolean
delete_txn (SteadyStore  *store,
            sqlite3      *db,
            gpointer      user_data,
            GError      **error)
{
  DeleteData *data = user_data;
  SteadyJournalKey before;
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db, "SELECT at FROM journal_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->id);
  rc = sqlite3_step (stmt);
  before.at = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  before.id = data->id;
  steady_journal_reset_stmt (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This check-in was already deleted."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return steady_store_set_error (db, rc, "find entry", error);

  /* Emotions, triggers and skills go with it (ON DELETE CASCADE). */
  stmt = steady_store_prepare (store, db, "DELETE FROM journal_entries WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!steady_journal_step_done (db, stmt, "delete entry", error) ||
      !steady_journal_index_remove (store, db, data->id, error) ||
      !steady_journal_index_merge (store, db, error))
    return FALSE;

  data->change_seq = steady_journal_changes_push (store, &before, NULL);

  return TRUE;
}

static gboolean
save_op_run (SteadyStore  *store,
             gpointer      data,
             GError      **error)
{
  SaveOp *op = data;

  return steady_journal_save (store, op->copy, error);
}

static void
save_op_apply (gpointer data)
{
  SaveOp *op = data;

  steady_journal_entry_set_stored (op->original,
                                   steady_journal_entry_get_id (op->copy),
                                   steady_journal_entry_get_at (op->copy),
                                   steady_journal_entry_get_local_date (op->copy),
                                   steady_journal_entry_get_utc_offset (op->copy));
}

static gboolean
delete_op_run (SteadyStore  *store,
               gpointer      data,
               GError      **error)
{
  return steady_journal_delete (store, *(gint64 *)data, error);
}

/* Public API */

/**
 * steady_journal_save:
 * @store: a #SteadyStore
 * @entry: the entry; a new one when its id is 0
 * @error: a location for an error
 *
 * Saves @entry in one transaction: the entry, its emotions, triggers and
 * skills, and its full-text index. A new entry gets its id; an edit keeps
 * it. Saving a copy of a deleted entry brings it back under its old id
 * (Undo). The entry is filed under the local day of its time; an edit
 * that keeps the time keeps the day.
 *
 * On success @entry is updated to what was stored (id, whole seconds,
 * local date and UTC offset; lapse details cleared without a lapse). On
 * failure @entry is untouched and @error says why, in plain words;
 * %STEADY_STORE_ERROR_INVALID when something in it was refused.
 *
 * Returns: %TRUE once the entry is on disk
 */
gboolean
steady_journal_save (SteadyStore         *store,
                     SteadyJournalEntry  *entry,
                     GError             **error)
{
  SaveData data = { 0, };
  g_autoptr(GDateTime) at = NULL;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (entry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_entry (entry, error))
    return FALSE;

  data.entry = entry;
  ok = steady_store_write (store, save_txn, &data, error);

  if (data.change_seq != 0)
    steady_journal_changes_done (store, data.change_seq);

  if (ok)
    {
      if (data.merged)
        steady_journal_checkpoint (store);

      at = steady_journal_date_time_new (data.at, data.utc_offset);
      steady_journal_entry_set_stored (entry, data.id, at, data.local_date, data.utc_offset);
      steady_store_emit_changed (store, "journal");
    }

  g_free (data.local_date);

  return ok;
}

/**
 * steady_journal_save_async:
 * @store: a #SteadyStore
 * @entry: the entry
 * @cancellable: (nullable): cancels the save if it has not started yet
 * @callback: called on this thread when done
 * @user_data: for @callback
 *
 * Saves a snapshot of @entry, taken now, on the store's worker; @entry is
 * updated (id and so on) on this thread before @callback runs, and only
 * if the save succeeded.
 */
void
steady_journal_save_async (SteadyStore         *store,
                           SteadyJournalEntry  *entry,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SaveOp *op;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (entry));

  op = g_new0 (SaveOp, 1);
  op->original = g_object_ref (entry);
  op->copy = steady_journal_entry_copy (entry);

  steady_journal_run_async (store, save_op_run, save_op_apply, op, (GDestroyNotify)save_op_free,
                            steady_journal_save_async, cancellable, callback, user_data);
}

gboolean
steady_journal_save_finish (SteadyStore   *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_save_async, error);
}

/**
 * steady_journal_get:
 * @store: a #SteadyStore
 * @id: an entry id
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %STEADY_STORE_ERROR_NOT_FOUND
 */
SteadyJournalEntry *
steady_journal_get (SteadyStore  *store,
                    gint64        id,
                    GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return steady_journal_load (store, steady_store_get_reader (store), id, error);
}

/**
 * steady_journal_count:
 * @store: a #SteadyStore
 *
 * Returns: how many check-ins there are
 */
guint
steady_journal_count (SteadyStore *store)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (STEADY_IS_STORE (store), 0);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT count(*) FROM journal_entries", NULL);
  if (stmt == NULL)
    return 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint)sqlite3_column_int64 (stmt, 0);
  steady_journal_reset_stmt (stmt);

  return n;
}

/**
 * steady_journal_delete:
 * @store: a #SteadyStore
 * @id: the entry's id
 * @error: a location for an error
 *
 * Deletes the entry for good: its row and details, its words in the
 * full-text index (merged so that no segment keeps them), and then the
 * write-ahead log is checkpointed so that no old page holds them either.
 * For Undo, keep a copy of the entry and save it again.
 *
 * Returns: %TRUE once it is gone from the disk
 */
gboolean
steady_journal_delete (SteadyStore  *store,
                       gint64        id,
                       GError      **error)
{
  DeleteData data = { id, 0 };
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = steady_store_write (store, delete_txn, &data, error);

  if (data.change_seq != 0)
    steady_journal_changes_done (store, data.change_seq);

  if (ok)
    {
      steady_journal_checkpoint (store);
      steady_store_emit_changed (store, "journal");
    }

  return ok;
}

void
steady_journal_delete_async (SteadyStore         *store,
                             gint64               id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));

  steady_journal_run_async (store, delete_op_run, NULL, g_memdup2 (&id, sizeof id), g_free,
                            steady_journal_delete_async, cancellable, callback, user_data);
}

gboolean
steady_journal_delete_finish (SteadyStore   *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_delete_async, error);
}
