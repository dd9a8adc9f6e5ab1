/* steady-reminder-schema.c: the reminders that fired
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* One row per reminder that was shown, keyed by a stable text that names
 * what it reminds of (see steady-reminder.h), so that a reminder fires at
 * most once even across restarts and with a second instance running: the
 * instance whose INSERT OR IGNORE changes a row is the one that shows it.
 *
 * snoozed_until_utc is set while a shown reminder is snoozed; it is due
 * again at that instant and cleared when it fires again. Times are Unix
 * seconds, UTC. Old rows are pruned when reminders fire: a reminder due
 * more than a few weeks ago is never useful again, so forgetting it can
 * not bring it back. */
static const char reminders_sql[] =
  "CREATE TABLE reminders_fired ("
  "  key               TEXT NOT NULL UNIQUE CHECK (length (key) BETWEEN 1 AND 512),"
  "  fired_utc         INTEGER NOT NULL,"
  "  snoozed_until_utc INTEGER"
  ") STRICT;"
  "CREATE INDEX reminders_fired_snoozed ON reminders_fired (snoozed_until_utc)"
  "  WHERE snoozed_until_utc IS NOT NULL;";

/* Runs inside the migration's transaction. */
gboolean
steady_reminders_migrate (sqlite3  *db,
                          GError  **error)
{
  return steady_store_exec (db, reminders_sql, error);
}
