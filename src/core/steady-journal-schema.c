/* steady-journal-schema.c: the journal tables
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

#define DATE_CHECK(col) \
  "(" col " GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')"

/* Instants are UTC Unix seconds; local_date and utc_offset are the local
 * day and offset when the entry was written, so that history and trends
 * group by the day the person lived, also across DST and travel.
 *
 * The full-text index is an FTS5 table with its own copy of the text
 * (notes, emotion and trigger labels, skill names, lapse details), kept
 * in step by steady-journal.c in the same transaction as each write;
 * its rowid is the entry's id. After a delete or an edit the index is
 * merged ('optimize') so that old words leave its segments: FTS5's own
 * secure-delete needs SQLite 3.42. */
static const char journal_sql[] =
  /* Filled by the lessons from data/lessons/skills.xml; the journal's
   * "skills used" point here. Never delete a row that check-ins use
   * (the foreign key refuses it): clear "offered" instead. */
  "CREATE TABLE skills ("
  "  id          TEXT PRIMARY KEY NOT NULL"
  "              CHECK (length (id) BETWEEN 1 AND 64 AND id NOT GLOB '*[^a-z0-9-]*'),"
  "  name        TEXT NOT NULL CHECK (length (name) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  offered     INTEGER NOT NULL DEFAULT 1 CHECK (offered IN (0, 1))"
  ") STRICT;"

  "INSERT INTO skills (id, name, description, position) VALUES"
  "  ('slow-breathing', 'Slow breathing',"
  "   'Breathing out longer than you breathe in to calm the body.', 1),"
  "  ('grounding', 'Grounding with the senses',"
  "   'Naming what you see, hear and feel to come back to the present.', 2),"
  "  ('reach-out', 'Reaching out',"
  "   'Calling or texting someone from your support network.', 3),"
  "  ('urge-surfing', 'Urge surfing',"
  "   'Watching a craving rise, peak and fall without acting on it.', 4),"
  "  ('halt-check', 'HALT check',"
  "   'Asking: am I hungry, angry, lonely or tired?', 5);"

  /* AUTOINCREMENT: an id is never reused, so saving a deleted entry's
   * copy again (Undo) can safely bring it back under its own id. */
  "CREATE TABLE journal_entries ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at            INTEGER NOT NULL,"
  "  local_date    TEXT NOT NULL CHECK " DATE_CHECK ("local_date") ","
  "  utc_offset    INTEGER NOT NULL CHECK (utc_offset BETWEEN -86400 AND 86400),"
  "  mood          INTEGER CHECK (mood BETWEEN 1 AND 10),"
  "  craving       INTEGER CHECK (craving BETWEEN 0 AND 10),"
  "  sleep_hours   REAL CHECK (sleep_hours BETWEEN 0 AND 24),"
  "  substance_use INTEGER NOT NULL DEFAULT 0 CHECK (substance_use IN (0, 1, 2)),"
  "  lapse_what    TEXT,"
  "  lapse_note    TEXT,"
  "  notes         TEXT,"
  "  CHECK (substance_use = 2 OR (lapse_what IS NULL AND lapse_note IS NULL))"
  ") STRICT;"

  /* (at, rowid): history pages by keyset on (at DESC, id DESC). */
  "CREATE INDEX journal_entries_at ON journal_entries (at);"
  "CREATE INDEX journal_entries_local_date ON journal_entries (local_date);"

  /* In WITHOUT ROWID tables the key columns come first: SQLite 3.40's
   * quick_check wrongly reports "NULL value" in a NOT NULL column that is
   * declared before a key column (seen here; 3.42 is fine). */
  "CREATE TABLE journal_entry_emotions ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,"
  "  name     TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (entry_id, name)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE journal_entry_triggers ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,"
  "  name     TEXT NOT NULL CHECK (length (name) BETWEEN 1 AND 100),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (entry_id, name)"
  ") STRICT, WITHOUT ROWID;"

  "CREATE TABLE journal_entry_skills ("
  "  entry_id INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,"
  "  skill_id TEXT NOT NULL REFERENCES skills (id) ON UPDATE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  helped   INTEGER CHECK (helped BETWEEN 0 AND 10),"
  "  PRIMARY KEY (entry_id, skill_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX journal_entry_skills_skill ON journal_entry_skills (skill_id);"

  /* The person's own emotions and triggers, offered after the built-in
   * ones. Removing one does not touch the check-ins that used it. */
  "CREATE TABLE journal_custom_choices ("
  "  id    INTEGER PRIMARY KEY,"
  "  kind  TEXT NOT NULL CHECK (kind IN ('emotion', 'people', 'places', 'things', 'feelings')),"
  "  label TEXT NOT NULL CHECK (length (label) BETWEEN 1 AND 100),"
  "  UNIQUE (kind, label)"
  ") STRICT;"

  "CREATE VIRTUAL TABLE journal_fts USING fts5 ("
  "  notes, emotions, triggers, skills, lapse,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '2 3'"
  ");"

  /* Attempts at staying sober. end_date is the day the attempt ended (the
   * day of the lapse), not counted as sober; NULL for the current one. */
  "CREATE TABLE sobriety_periods ("
  "  id         INTEGER PRIMARY KEY,"
  "  start_date TEXT NOT NULL CHECK " DATE_CHECK ("start_date") ","
  "  end_date   TEXT CHECK (end_date IS NULL OR (" DATE_CHECK ("end_date") " AND end_date >= start_date))"
  ") STRICT;"
  "CREATE UNIQUE INDEX sobriety_periods_one_current ON sobriety_periods ((end_date IS NULL))"
  "  WHERE end_date IS NULL;"
  "CREATE INDEX sobriety_periods_start ON sobriety_periods (start_date);";

/* Runs inside the migration's transaction. */
gboolean
steady_journal_migrate (sqlite3  *db,
                        GError  **error)
{
  return steady_store_exec (db, journal_sql, error);
}
