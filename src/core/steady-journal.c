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
  SteadyJournalChoiceKind  kind;
  char                    *label;
} CustomData;

typedef struct
{
  SteadyJournalSyncFunc   func;
  SteadyJournalApplyFunc  apply;
  gpointer                data;
  GDestroyNotify          data_destroy;
  GCancellable           *cancellable;
} AsyncOp;

typedef struct
{
  SteadyJournalEntry *original;
  SteadyJournalEntry *copy;
} SaveOp;

static void
async_op_free (AsyncOp *op)
{
  if (op->data_destroy != NULL)
    g_clear_pointer (&op->data, op->data_destroy);
  g_clear_object (&op->cancellable);
  g_free (op);
}

static void
save_op_free (SaveOp *op)
{
  g_clear_object (&op->original);
  g_clear_object (&op->copy);
  g_free (op);
}

static void
custom_data_free (CustomData *data)
{
  g_free (data->label);
  g_free (data);
}

static void
reset_stmt (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID, message);

  return FALSE;
}

static gboolean
check_text (const char  *text,
            const char  *message,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    return set_invalid (error, message);

  return TRUE;
}

/* An emotion or trigger: one short line of valid text. */
static gboolean
check_label (const char  *label,
             gboolean     trigger,
             GError     **error)
{
  g_autofree char *stripped = NULL;
  glong n_chars;

  if (!g_utf8_validate (label, -1, NULL))
    return set_invalid (error,
                        trigger ? _("A trigger is not valid text (UTF-8), so the check-in was not saved.")
                                : _("An emotion is not valid text (UTF-8), so the check-in was not saved."));

  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0')
    return set_invalid (error,
                        trigger ? _("A trigger cannot be empty.")
                                : _("An emotion cannot be empty."));

  n_chars = g_utf8_strlen (label, -1);
  if (n_chars > STEADY_JOURNAL_MAX_LABEL_CHARS)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   trigger
                   ? g_dngettext (GETTEXT_PACKAGE,
                                  "A trigger can be at most %d character long.",
                                  "A trigger can be at most %d characters long.",
                                  STEADY_JOURNAL_MAX_LABEL_CHARS)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "An emotion can be at most %d character long.",
                                  "An emotion can be at most %d characters long.",
                                  STEADY_JOURNAL_MAX_LABEL_CHARS),
                   STEADY_JOURNAL_MAX_LABEL_CHARS);
      return FALSE;
    }

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return set_invalid (error,
                            trigger ? _("A trigger cannot contain line breaks or control characters.")
                                    : _("An emotion cannot contain line breaks or control characters."));
    }

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
    return set_invalid (error, _("The check-in has no date and time."));

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (at);

    if (local == NULL ||
        g_date_time_get_year (local) < 1900 ||
        g_date_time_get_year (local) > 9999)
      return set_invalid (error, _("The date must be between the years 1900 and 9999."));
  }

  if (mood != STEADY_JOURNAL_UNSET && (mood < 1 || mood > 10))
    return set_invalid (error, _("Mood must be between 1 and 10."));

  if (craving != STEADY_JOURNAL_UNSET && (craving < 0 || craving > 10))
    return set_invalid (error, _("Craving must be between 0 and 10."));

  if (sleep != STEADY_JOURNAL_UNSET_HOURS && !(sleep >= 0.0 && sleep <= 24.0))
    return set_invalid (error, _("Hours slept must be between 0 and 24."));

  if (use != STEADY_SUBSTANCE_USE_NOT_SAID &&
      use != STEADY_SUBSTANCE_USE_NONE &&
      use != STEADY_SUBSTANCE_USE_LAPSE)
    return set_invalid (error, _("Substance use must be “not said”, “none” or “a lapse”."));

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
      if (!check_label (emotions[i], FALSE, error))
        return FALSE;
    }

  for (guint i = 0; triggers[i] != NULL; i++)
    {
      if (!check_label (triggers[i], TRUE, error))
        return FALSE;
    }

  for (guint i = 0; skills[i] != NULL; i++)
    {
      int helped = steady_journal_entry_get_skill_helped (entry, skills[i]);

      if (!g_utf8_validate (skills[i], -1, NULL) || skills[i][0] == '\0')
        return set_invalid (error, _("A skill is not in Steady’s list of skills."));

      if (helped != STEADY_JOURNAL_UNSET && (helped < 0 || helped > 10))
        return set_invalid (error, _("How much a skill helped must be between 0 and 10."));
    }

  return TRUE;
}

/* The index's copy of some text: the snippet markers must never come
 * from the person's own text. */
static char *
index_text (const char *text)
{
  GString *copy;

  if (text == NULL || text[0] == '\0')
    return NULL;

  if (strstr (text, STEADY_JOURNAL_MATCH_START) == NULL &&
      strstr (text, STEADY_JOURNAL_MATCH_END) == NULL)
    return g_strdup (text);

  copy = g_string_new (text);
  g_string_replace (copy, STEADY_JOURNAL_MATCH_START, " ", 0);
  g_string_replace (copy, STEADY_JOURNAL_MATCH_END, " ", 0);

  return g_string_free (copy, FALSE);
}

static char *
join_lines (GPtrArray *lines)
{
  g_autofree char *joined = NULL;

  if (lines->len == 0)
    return NULL;

  g_ptr_array_add (lines, NULL);
  joined = g_strjoinv ("\n", (char **)lines->pdata);
  g_ptr_array_remove_index (lines, lines->len - 1);

  return index_text (joined);
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

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
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
        g_ptr_array_add (names, dup_column_text (stmt, 0));
      reset_stmt (stmt);

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

typedef struct
{
  char *columns[5];   /* notes, emotions, triggers, skills, lapse */
} IndexRow;

static void
index_row_clear (IndexRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
    g_clear_pointer (&row->columns[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IndexRow, index_row_clear)

static void
build_index_row (SteadyJournalEntry *entry,
                 GPtrArray          *skill_names,
                 IndexRow           *row)
{
  const char * const *emotions = steady_journal_entry_get_emotions (entry);
  const char * const *triggers = steady_journal_entry_get_triggers (entry);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  gboolean halt = FALSE;

  row->columns[0] = index_text (steady_journal_entry_get_notes (entry));

  /* Labels are indexed in the language of the day they were saved. */
  for (guint i = 0; emotions[i] != NULL; i++)
    g_ptr_array_add (lines, (gpointer)steady_journal_emotion_get_label (emotions[i]));
  row->columns[1] = join_lines (lines);

  g_ptr_array_set_size (lines, 0);
  for (guint i = 0; triggers[i] != NULL; i++)
    {
      g_ptr_array_add (lines, (gpointer)steady_journal_trigger_get_label (triggers[i]));
      halt |= steady_journal_trigger_is_halt (triggers[i]);
    }
  if (halt)
    g_ptr_array_add (lines, (gpointer)"HALT");
  row->columns[2] = join_lines (lines);

  row->columns[3] = join_lines (skill_names);

  g_ptr_array_set_size (lines, 0);
  if (steady_journal_entry_get_substance_use (entry) == STEADY_SUBSTANCE_USE_LAPSE)
    {
      if (steady_journal_entry_get_lapse_what (entry) != NULL)
        g_ptr_array_add (lines, (gpointer)steady_journal_entry_get_lapse_what (entry));
      if (steady_journal_entry_get_lapse_note (entry) != NULL)
        g_ptr_array_add (lines, (gpointer)steady_journal_entry_get_lapse_note (entry));
    }
  row->columns[4] = join_lines (lines);
}

/* Reads the indexed row of @id; FALSE with no error when there is none. */
static gboolean
read_index_row (SteadyStore  *store,
                sqlite3      *db,
                gint64        id,
                IndexRow     *row,
                GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = steady_store_prepare (store, db,
                               "SELECT notes, emotions, triggers, skills, lapse "
                               "FROM journal_fts WHERE rowid = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
        row->columns[i] = dup_column_text (stmt, (int)i);
    }
  reset_stmt (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "read index", error);

  return rc == SQLITE_ROW;
}

static gboolean
index_rows_equal (const IndexRow *a,
                  const IndexRow *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (a->columns); i++)
    {
      if (g_strcmp0 (a->columns[i], b->columns[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
unindex (SteadyStore  *store,
         sqlite3      *db,
         gint64        id,
         GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db, "DELETE FROM journal_fts WHERE rowid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  return steady_journal_step_done (db, stmt, "unindex entry", error);
}

/* Merges the whole index into one segment, which drops the words of
 * deleted and edited rows from the file. */
static gboolean
merge_index (SteadyStore  *store,
             sqlite3      *db,
             GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO journal_fts (journal_fts) VALUES ('optimize')",
                               error);
  if (stmt == NULL)
    return FALSE;

  return steady_journal_step_done (db, stmt, "merge index", error);
}

static gboolean
update_index (SteadyStore         *store,
              sqlite3             *db,
              SaveData            *data,
              gboolean             existed,
              GPtrArray           *skill_names,
              GError             **error)
{
  g_auto(IndexRow) old_row = { { NULL } };
  g_auto(IndexRow) new_row = { { NULL } };
  g_autoptr(GError) local_error = NULL;
  gboolean had_row = FALSE;
  sqlite3_stmt *stmt;

  build_index_row (data->entry, skill_names, &new_row);

  if (existed)
    {
      had_row = read_index_row (store, db, data->id, &old_row, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (had_row && index_rows_equal (&old_row, &new_row))
        return TRUE;

      if (had_row && !unindex (store, db, data->id, error))
        return FALSE;
    }

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO journal_fts (rowid, notes, emotions, triggers, skills, lapse) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, data->id);
  for (guint i = 0; i < G_N_ELEMENTS (new_row.columns); i++)
    bind_optional_text (stmt, (int)i + 2, new_row.columns[i]);

  if (!steady_journal_step_done (db, stmt, "index entry", error))
    return FALSE;

  if (had_row)
    {
      if (!merge_index (store, db, error))
        return FALSE;
      data->merged = TRUE;
    }

  return TRUE;
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
          old_local_date = dup_column_text (stmt, 1);
          old_offset = sqlite3_column_int (stmt, 2);
        }
      reset_stmt (stmt);

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
  bind_optional_text (stmt, 9, use == STEADY_SUBSTANCE_USE_LAPSE ? steady_journal_entry_get_lapse_what (entry) : NULL);
  bind_optional_text (stmt, 10, use == STEADY_SUBSTANCE_USE_LAPSE ? steady_journal_entry_get_lapse_note (entry) : NULL);
  bind_optional_text (stmt, 11, steady_journal_entry_get_notes (entry));

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
      !update_index (store, db, data, existed, skill_names, error))
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
  reset_stmt (stmt);

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
      !unindex (store, db, data->id, error) ||
      !merge_index (store, db, error))
    return FALSE;

  data->change_seq = steady_journal_changes_push (store, &before, NULL);

  return TRUE;
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

static gboolean
custom_exists (SteadyStore              *store,
               sqlite3                  *db,
               SteadyJournalChoiceKind   kind,
               const char               *label,
               gboolean                 *exists,
               GError                  **error)
{
  g_autofree char *folded = fold (label);
  gboolean emotion = kind == STEADY_JOURNAL_CHOICE_EMOTION;
  const SteadyJournalBuiltin *builtins;
  guint n_builtins;
  sqlite3_stmt *stmt;
  int rc;

  *exists = FALSE;

  builtins = steady_journal_choice_get_builtins (&n_builtins);
  for (guint i = 0; i < n_builtins && !*exists; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *english = NULL;
      g_autofree char *translated = NULL;

      if ((builtins[i].kind == STEADY_JOURNAL_CHOICE_EMOTION) != emotion)
        continue;

      key = fold (builtins[i].key);
      english = fold (builtins[i].label);
      translated = fold (g_dgettext (GETTEXT_PACKAGE, builtins[i].label));
      *exists = g_str_equal (folded, key) || g_str_equal (folded, english) || g_str_equal (folded, translated);
    }

  if (*exists)
    return TRUE;

  /* Triggers share one list of keys across people, places, things and
   * feelings, since a check-in stores only the words. */
  stmt = steady_store_prepare (store, db,
                               "SELECT label FROM journal_custom_choices WHERE (kind = 'emotion') = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, emotion);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && !*exists)
    {
      g_autofree char *other = fold ((const char *)sqlite3_column_text (stmt, 0));

      *exists = g_str_equal (folded, other);
    }
  reset_stmt (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return steady_store_set_error (db, rc, "list custom choices", error);

  return TRUE;
}

static gboolean
add_custom_txn (SteadyStore  *store,
                sqlite3      *db,
                gpointer      user_data,
                GError      **error)
{
  CustomData *data = user_data;
  sqlite3_stmt *stmt;
  gboolean exists;

  if (!custom_exists (store, db, data->kind, data->label, &exists, error))
    return FALSE;

  if (exists)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("“%s” is already in the list."), data->label);
      return FALSE;
    }

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO journal_custom_choices (kind, label) VALUES (?1, ?2)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->label, -1, SQLITE_STATIC);

  return steady_journal_step_done (db, stmt, "add custom choice", error);
}

static gboolean
remove_custom_txn (SteadyStore  *store,
                   sqlite3      *db,
                   gpointer      user_data,
                   GError      **error)
{
  CustomData *data = user_data;
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db,
                               "DELETE FROM journal_custom_choices WHERE kind = ?1 AND label = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, data->label, -1, SQLITE_STATIC);

  if (!steady_journal_step_done (db, stmt, "remove custom choice", error))
    return FALSE;

  if (sqlite3_changes (db) == 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in the list."), data->label);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_custom_kind (SteadyJournalChoiceKind kind)
{
  return kind == STEADY_JOURNAL_CHOICE_EMOTION ||
         kind == STEADY_JOURNAL_CHOICE_PEOPLE ||
         kind == STEADY_JOURNAL_CHOICE_PLACES ||
         kind == STEADY_JOURNAL_CHOICE_THINGS ||
         kind == STEADY_JOURNAL_CHOICE_FEELINGS;
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
  reset_stmt (stmt);

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
  reset_stmt (stmt);

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

static gboolean
add_custom_op_run (SteadyStore  *store,
                   gpointer      data,
                   GError      **error)
{
  CustomData *custom = data;

  return steady_journal_add_custom (store, custom->kind, custom->label, error);
}

static gboolean
remove_custom_op_run (SteadyStore  *store,
                      gpointer      data,
                      GError      **error)
{
  CustomData *custom = data;

  return steady_journal_remove_custom (store, custom->kind, custom->label, error);
}

/* Helpers shared by the journal's files */

gboolean
steady_journal_step_done (sqlite3       *db,
                          sqlite3_stmt  *stmt,
                          const char    *what,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  reset_stmt (stmt);
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
  reset_stmt (stmt);

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
  reset_stmt (stmt);

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

/**
 * steady_journal_list_choices:
 * @store: a #SteadyStore
 * @kind: what to list
 * @error: a location for an error
 *
 * The built-in choices of @kind, then the person's own in the order they
 * were added; for %STEADY_JOURNAL_CHOICE_SKILL the skills on offer.
 *
 * Returns: (transfer full) (nullable): a list of #SteadyJournalChoice
 */
GListModel *
steady_journal_list_choices (SteadyStore              *store,
                             SteadyJournalChoiceKind   kind,
                             GError                  **error)
{
  g_autoptr(GListStore) choices = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (kind <= STEADY_JOURNAL_CHOICE_SKILL, NULL);

  choices = g_list_store_new (STEADY_TYPE_JOURNAL_CHOICE);
  db = steady_store_get_reader (store);

  if (kind == STEADY_JOURNAL_CHOICE_SKILL)
    {
      stmt = steady_store_prepare (store, db,
                                   "SELECT id, name FROM skills WHERE offered = 1 ORDER BY position, name",
                                   error);
      if (stmt == NULL)
        return NULL;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(SteadyJournalChoice) choice = NULL;

          choice = steady_journal_choice_new (kind,
                                              (const char *)sqlite3_column_text (stmt, 0),
                                              (const char *)sqlite3_column_text (stmt, 1),
                                              FALSE);
          g_list_store_append (choices, choice);
        }
      reset_stmt (stmt);

      if (rc != SQLITE_DONE)
        {
          steady_store_set_error (db, rc, "list skills", error);
          return NULL;
        }

      return G_LIST_MODEL (g_steal_pointer (&choices));
    }

  {
    const SteadyJournalBuiltin *builtins;
    guint n_builtins;

    builtins = steady_journal_choice_get_builtins (&n_builtins);
    for (guint i = 0; i < n_builtins; i++)
      {
        g_autoptr(SteadyJournalChoice) choice = NULL;

        if (builtins[i].kind != kind)
          continue;

        choice = steady_journal_choice_new (kind, builtins[i].key,
                                            g_dgettext (GETTEXT_PACKAGE, builtins[i].label),
                                            FALSE);
        g_list_store_append (choices, choice);
      }
  }

  if (kind == STEADY_JOURNAL_CHOICE_HALT)
    return G_LIST_MODEL (g_steal_pointer (&choices));

  stmt = steady_store_prepare (store, db,
                               "SELECT label FROM journal_custom_choices WHERE kind = ?1 ORDER BY id",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, steady_journal_choice_kind_to_string (kind), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *label = (const char *)sqlite3_column_text (stmt, 0);
      g_autoptr(SteadyJournalChoice) choice = steady_journal_choice_new (kind, label, label, TRUE);

      g_list_store_append (choices, choice);
    }
  reset_stmt (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "list custom choices", error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&choices));
}

/**
 * steady_journal_dup_skill_name:
 * @store: a #SteadyStore
 * @skill_id: a skill id
 *
 * Returns: (transfer full) (nullable): the skill's name, or %NULL if
 *   there is no such skill
 */
char *
steady_journal_dup_skill_name (SteadyStore *store,
                               const char  *skill_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (skill_id != NULL, NULL);

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT name FROM skills WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, skill_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_column_text (stmt, 0);
  reset_stmt (stmt);

  return name;
}

static CustomData *
custom_data_new (SteadyJournalChoiceKind   kind,
                 const char               *label,
                 gboolean                  check,
                 GError                  **error)
{
  g_autofree char *stripped = NULL;
  CustomData *data;

  if (check)
    {
      if (!check_label (label, kind != STEADY_JOURNAL_CHOICE_EMOTION, error))
        return NULL;
      stripped = g_strstrip (g_strdup (label));
    }
  else
    {
      stripped = g_strdup (label);
    }

  data = g_new0 (CustomData, 1);
  data->kind = kind;
  data->label = g_steal_pointer (&stripped);

  return data;
}

/**
 * steady_journal_add_custom:
 * @store: a #SteadyStore
 * @kind: %STEADY_JOURNAL_CHOICE_EMOTION or a trigger kind other than
 *   %STEADY_JOURNAL_CHOICE_HALT
 * @label: the person's own words; spaces around them are dropped
 * @error: a location for an error
 *
 * Adds an emotion or trigger of the person's own to the lists offered.
 * One that is already offered (in any case) is refused with
 * %STEADY_STORE_ERROR_INVALID.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_journal_add_custom (SteadyStore              *store,
                           SteadyJournalChoiceKind   kind,
                           const char               *label,
                           GError                  **error)
{
  CustomData *data;
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_custom_kind (kind), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  data = custom_data_new (kind, label, TRUE, error);
  if (data == NULL)
    return FALSE;

  ok = steady_store_write (store, add_custom_txn, data, error);
  custom_data_free (data);

  if (ok)
    steady_store_emit_changed (store, "journal");

  return ok;
}

void
steady_journal_add_custom_async (SteadyStore              *store,
                                 SteadyJournalChoiceKind   kind,
                                 const char               *label,
                                 GCancellable             *cancellable,
                                 GAsyncReadyCallback       callback,
                                 gpointer                  user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (check_custom_kind (kind));
  g_return_if_fail (label != NULL);

  /* Checked by steady_journal_add_custom() on the worker. */
  steady_journal_run_async (store, add_custom_op_run, NULL,
                            custom_data_new (kind, label, FALSE, NULL),
                            (GDestroyNotify)custom_data_free,
                            steady_journal_add_custom_async, cancellable, callback, user_data);
}

gboolean
steady_journal_add_custom_finish (SteadyStore   *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_add_custom_async, error);
}

/**
 * steady_journal_remove_custom:
 * @store: a #SteadyStore
 * @kind: the kind it was added as
 * @label: the label, as listed
 * @error: a location for an error
 *
 * Stops offering one of the person's own emotions or triggers. Check-ins
 * that used it keep it.
 *
 * Returns: %TRUE once it is on disk
 */
gboolean
steady_journal_remove_custom (SteadyStore              *store,
                              SteadyJournalChoiceKind   kind,
                              const char               *label,
                              GError                  **error)
{
  CustomData data = { kind, (char *)label };
  gboolean ok;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (check_custom_kind (kind), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  ok = steady_store_write (store, remove_custom_txn, &data, error);
  if (ok)
    steady_store_emit_changed (store, "journal");

  return ok;
}

void
steady_journal_remove_custom_async (SteadyStore              *store,
                                    SteadyJournalChoiceKind   kind,
                                    const char               *label,
                                    GCancellable             *cancellable,
                                    GAsyncReadyCallback       callback,
                                    gpointer                  user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (check_custom_kind (kind));
  g_return_if_fail (label != NULL);

  steady_journal_run_async (store, remove_custom_op_run, NULL,
                            custom_data_new (kind, label, FALSE, NULL),
                            (GDestroyNotify)custom_data_free,
                            steady_journal_remove_custom_async, cancellable, callback, user_data);
}

gboolean
steady_journal_remove_custom_finish (SteadyStore   *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return steady_journal_run_finish (store, result, steady_journal_remove_custom_async, error);
}
