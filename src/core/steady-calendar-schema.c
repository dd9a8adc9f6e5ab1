/* steady-calendar-schema.c: the calendar tables
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

/* Runs inside the migration's transaction. */
gboolean
steady_calendar_migrate (sqlite3  *db,
                     GError  **error)
{
  return TRUE;
}
