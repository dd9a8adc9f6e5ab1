/* steady-help-schema.c: safety plan, support contacts, own crisis lines
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-store-private.h"

static const char help_sql[] =
  "CREATE TABLE safety_plan_items ("
  "  id       INTEGER PRIMARY KEY,"
  "  section  TEXT NOT NULL CHECK (section IN ('warning-signs', 'coping', 'distractions',"
  "                                            'people', 'professionals', 'environment', 'reasons')),"
  "  position INTEGER NOT NULL,"
  "  text     TEXT NOT NULL CHECK (length (text) > 0)"
  ") STRICT;"
  "CREATE INDEX safety_plan_items_section ON safety_plan_items (section, position);"
  "CREATE TABLE contacts ("
  "  id    INTEGER PRIMARY KEY,"
  "  name  TEXT NOT NULL CHECK (length (name) > 0),"
  "  role  TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE TABLE crisis_lines ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (name) > 0),"
  "  number      TEXT NOT NULL DEFAULT '',"
  "  description TEXT NOT NULL DEFAULT ''"
  ") STRICT;";

/* Runs inside the migration's transaction. */
gboolean
steady_help_migrate (sqlite3  *db,
                     GError  **error)
{
  return steady_store_exec (db, help_sql, error);
}
