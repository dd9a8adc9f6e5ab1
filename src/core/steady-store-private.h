/* steady-store-private.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "steady-store.h"

G_BEGIN_DECLS

/* For the core's own modules (journal, calendar, lessons...) and for
 * tests; the GUI never sees SQL. */

typedef gboolean (*SteadyMigrationFunc) (sqlite3  *db,
                                         GError  **error);

typedef struct
{
  int                  version;
  const char          *sql;
  SteadyMigrationFunc  func;
} SteadyMigration;

typedef gboolean (*SteadyStoreTxnFunc) (SteadyStore  *store,
                                        sqlite3      *db,
                                        gpointer      data,
                                        GError      **error);

extern const SteadyMigration steady_store_migrations[];

/* The features' migrations, in steady-store-schema.c's order. */
gboolean steady_journal_migrate  (sqlite3  *db,
                                  GError  **error);
gboolean steady_calendar_migrate (sqlite3  *db,
                                  GError  **error);
gboolean steady_lessons_migrate  (sqlite3  *db,
                                  GError  **error);
gboolean steady_help_migrate     (sqlite3  *db,
                                  GError  **error);
gboolean steady_reminders_migrate (sqlite3  *db,
                                   GError  **error);
gboolean steady_checkup_migrate   (sqlite3  *db,
                                   GError  **error);
extern const guint steady_store_n_migrations;

SteadyStore  *steady_store_open_with_migrations (const char             *path,
                                                 const SteadyMigration  *migrations,
                                                 guint                   n_migrations,
                                                 GError                **error);

sqlite3      *steady_store_get_reader           (SteadyStore            *self);

sqlite3_stmt *steady_store_prepare              (SteadyStore            *self,
                                                 sqlite3                *db,
                                                 const char             *sql,
                                                 GError                **error);

gboolean      steady_store_write                (SteadyStore            *self,
                                                 SteadyStoreTxnFunc      func,
                                                 gpointer                data,
                                                 GError                **error);

gboolean      steady_store_set_error            (sqlite3                *db,
                                                 int                     rc,
                                                 const char             *what,
                                                 GError                **error);

gboolean      steady_store_exec                 (sqlite3                *db,
                                                 const char             *sql,
                                                 GError                **error);

/* Shared with steady-store-backup.c and steady-store-restore.c */
GMutex       *steady_store_get_write_lock       (SteadyStore            *self);
sqlite3      *steady_store_get_writer_locked    (SteadyStore            *self);
const SteadyMigration *
              steady_store_get_migrations       (SteadyStore            *self,
                                                 guint                  *n_migrations);
gboolean      steady_store_migrate_locked       (SteadyStore            *self,
                                                 GError                **error);

/* steady-store-sqlite.c, with steady_store_set_error() and
 * steady_store_exec() above */
gboolean      steady_store_query_int            (sqlite3                *db,
                                                 const char             *sql,
                                                 int                    *out,
                                                 GError                **error);
gboolean      steady_store_ensure_private_dir   (const char             *dir,
                                                 GError                **error);
gboolean      steady_store_ensure_private_file  (const char             *path,
                                                 GError                **error);
gboolean      steady_store_probe_file           (const char             *path,
                                                 int                     latest,
                                                 int                    *out_version,
                                                 GError                **error);
gboolean      steady_store_configure_connection (sqlite3                *db,
                                                 gboolean                query_only,
                                                 GError                **error);
gboolean      steady_store_set_wal_mode         (sqlite3                *db,
                                                 GError                **error);
gboolean      steady_store_open_connection      (const char             *path,
                                                 sqlite3               **out_db,
                                                 GError                **error);
gboolean      steady_store_run_check            (sqlite3                *db,
                                                 const char             *path,
                                                 GError                **error);
gboolean      steady_store_migrate              (sqlite3                *db,
                                                 const SteadyMigration  *migrations,
                                                 guint                   n_migrations,
                                                 int                    *inout_version,
                                                 GError                **error);
gboolean      steady_store_check_file           (const char             *path,
                                                 GError                **error);

/* steady-store-backup.c */
gboolean      steady_store_fsync_path           (const char             *path,
                                                 gboolean                directory,
                                                 GError                **error);

/* steady-store-restore.c */
gboolean      steady_store_prepare_restore      (SteadyStore            *self,
                                                 const char             *backup_path,
                                                 const char             *copy_path,
                                                 GError                **error);
char         *steady_store_keep_damaged         (const char             *db_path,
                                                 GDateTime              *now,
                                                 GError                **error);

/* steady-store-wal.c */
gboolean      steady_store_wal_loses_commits    (const guchar           *data,
                                                 gsize                   len);
gboolean      steady_store_wal_is_damaged       (const char             *db_path);

G_END_DECLS
