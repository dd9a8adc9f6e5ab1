/* steady-test-store.c: a store for the core tests, and what they ask of it
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "steady-test-store.h"

/**
 * steady_test_store_path:
 * @name: (nullable): a file in the app's data folder, or %NULL for the
 *   folder itself
 *
 * Returns: (transfer full): the path, under the test's own XDG dirs
 */
char *
steady_test_store_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "steady", name, NULL);
}

/**
 * steady_test_open_store:
 *
 * Returns: (transfer full): the store at @path, opened (and created or
 *   migrated) without error
 */
SteadyStore *
steady_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store = steady_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/* Closes @store and checks that nothing keeps it alive. */
void
close_and_unref (SteadyStore *store)
{
  steady_store_close (store);
  /* Let finished tasks and queued signals give back their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
}

/* The single number @sql gives, read on the reader. */
int
count_rows (SteadyStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = steady_store_prepare (store, steady_store_get_reader (store), sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* A local wall-clock time as the C library sees it (mktime()), not as
 * GLib, which the code under test uses, does. */
gint64
local_unix (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  struct tm tm = { 0, };

  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_isdst = -1;

  return (gint64)mktime (&tm);
}
