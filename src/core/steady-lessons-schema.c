/* steady-lessons-schema.c: lesson progress and practice answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* Lessons themselves ship with the app; only what the person did with
 * them is stored, keyed by the lesson's and the prompt's ids. Times are
 * Unix seconds, UTC. */
static const char lessons_sql[] =
  "CREATE TABLE lesson_progress ("
  "  lesson_id      TEXT PRIMARY KEY NOT NULL,"
  "  started        INTEGER NOT NULL,"
  "  done           INTEGER,"
  "  practise_later INTEGER,"
  "  updated        INTEGER NOT NULL"
  ") STRICT;"
  "CREATE TABLE lesson_answers ("
  "  lesson_id TEXT NOT NULL,"
  "  prompt_id TEXT NOT NULL,"
  "  answer    TEXT NOT NULL CHECK (length (answer) > 0),"
  "  created   INTEGER NOT NULL,"
  "  updated   INTEGER NOT NULL,"
  "  PRIMARY KEY (lesson_id, prompt_id)"
  ") STRICT;";

/* Runs inside the migration's transaction. */
gboolean
steady_lessons_migrate (sqlite3  *db,
                        GError  **error)
{
  return steady_store_exec (db, lessons_sql, error);
}
