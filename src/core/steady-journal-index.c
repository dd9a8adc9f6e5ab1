/* steady-journal-index.c: the journal's full-text search index, kept with the check-ins
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-journal-private.h"

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
        row->columns[i] = steady_journal_dup_column_text (stmt, (int)i);
    }
  steady_journal_reset_stmt (stmt);

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

gboolean
steady_journal_index_remove (SteadyStore  *store,
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
gboolean
steady_journal_index_merge (SteadyStore  *store,
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

/**
 * steady_journal_index_update:
 *
 * Indexes the saved @entry under @id; when an older row was replaced,
 * merges the index and sets @out_merged.
 */
gboolean
steady_journal_index_update (SteadyStore         *store,
                             sqlite3             *db,
                             SteadyJournalEntry  *entry,
                             gint64               id,
                             gboolean             existed,
                             GPtrArray           *skill_names,
                             gboolean            *out_merged,
                             GError             **error)
{
  g_auto(IndexRow) old_row = { { NULL } };
  g_auto(IndexRow) new_row = { { NULL } };
  g_autoptr(GError) local_error = NULL;
  gboolean had_row = FALSE;
  sqlite3_stmt *stmt;

  build_index_row (entry, skill_names, &new_row);

  if (existed)
    {
      had_row = read_index_row (store, db, id, &old_row, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (had_row && index_rows_equal (&old_row, &new_row))
        return TRUE;

      if (had_row && !steady_journal_index_remove (store, db, id, error))
        return FALSE;
    }

  stmt = steady_store_prepare (store, db,
                               "INSERT INTO journal_fts (rowid, notes, emotions, triggers, skills, lapse) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < G_N_ELEMENTS (new_row.columns); i++)
    steady_journal_bind_optional_text (stmt, (int)i + 2, new_row.columns[i]);

  if (!steady_journal_step_done (db, stmt, "index entry", error))
    return FALSE;

  if (had_row)
    {
      if (!steady_journal_index_merge (store, db, error))
        return FALSE;
      *out_merged = TRUE;
    }

  return TRUE;
}
