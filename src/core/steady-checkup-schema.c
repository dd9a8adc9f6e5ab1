/* steady-checkup-schema.c: the weekly self-check results
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* One row per self-check: when (UTC Unix seconds, with the local day and
 * UTC offset it was done in, as the journal keeps them), which edition of
 * the questions ("form"), the answer to each item as given (0 to 3, the
 * confidence item not yet reversed) and the total as scored when saved.
 * AUTOINCREMENT: an id is never reused. */
static const char checkup_sql[] =
  "CREATE TABLE checkup_results ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at              INTEGER NOT NULL,"
  "  local_date      TEXT NOT NULL"
  "                  CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  utc_offset      INTEGER NOT NULL CHECK (utc_offset BETWEEN -86400 AND 86400),"
  "  form            INTEGER NOT NULL CHECK (form >= 1),"
  "  low_mood        INTEGER NOT NULL CHECK (low_mood BETWEEN 0 AND 3),"
  "  little_interest INTEGER NOT NULL CHECK (little_interest BETWEEN 0 AND 3),"
  "  worry           INTEGER NOT NULL CHECK (worry BETWEEN 0 AND 3),"
  "  restless        INTEGER NOT NULL CHECK (restless BETWEEN 0 AND 3),"
  "  sleep           INTEGER NOT NULL CHECK (sleep BETWEEN 0 AND 3),"
  "  cravings        INTEGER NOT NULL CHECK (cravings BETWEEN 0 AND 3),"
  "  confidence      INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 3),"
  "  self_harm       INTEGER NOT NULL CHECK (self_harm BETWEEN 0 AND 3),"
  "  total           INTEGER NOT NULL CHECK (total BETWEEN 0 AND 24)"
  ") STRICT;"
  "CREATE INDEX checkup_results_at ON checkup_results (at);";

/* Runs inside the migration's transaction. */
gboolean
steady_checkup_migrate (sqlite3  *db,
                        GError  **error)
{
  return steady_store_exec (db, checkup_sql, error);
}
