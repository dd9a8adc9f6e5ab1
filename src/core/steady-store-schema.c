/* steady-store-schema.c: the ordered list of schema migrations
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* Each migration runs in its own transaction, in order, and stamps
 * PRAGMA user_version. Never edit a shipped migration: add a new one. */

static const char migration_1[] =
  "CREATE TABLE app_state ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;";

/* Each feature owns the SQL of its own migration, beside its code. */
const SteadyMigration steady_store_migrations[] = {
  { 1, migration_1, NULL },
  { 2, NULL, steady_journal_migrate },
  { 3, NULL, steady_calendar_migrate },
  { 4, NULL, steady_lessons_migrate },
  { 5, NULL, steady_help_migrate },
  { 6, NULL, steady_reminders_migrate },
  { 7, NULL, steady_checkup_migrate },
};

const guint steady_store_n_migrations = G_N_ELEMENTS (steady_store_migrations);
