/* steady-test-store.h: a store for the core tests, and what they ask of it
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-store-private.h"

G_BEGIN_DECLS

/* Shared by test-calendar.c, test-journal.c, test-reminder-planner.c and
 * test-store.c; the short names are the ones their cases were written
 * with. Every test runs with G_TEST_OPTION_ISOLATE_DIRS. */

char        *steady_test_store_path (const char  *name);
SteadyStore *steady_test_open_store (const char  *path);
void         close_and_unref        (SteadyStore *store);
int          count_rows             (SteadyStore *store,
                                     const char  *sql);
gint64       local_unix             (int          year,
                                     int          month,
                                     int          day,
                                     int          hour,
                                     int          minute);

G_END_DECLS
