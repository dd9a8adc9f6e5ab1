/* steady-store-restore.c: restoring a backup, and keeping a damaged
 * file before anything changes it
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "steady-store-private.h"

static gboolean
copy_synced (const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, STEADY_STORE_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE)
                     ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
                   _("Steady could not copy “%s”: %s"), from, local_error->message);
      return FALSE;
    }

  g_chmod (to, 0600);

  return steady_store_fsync_path (to, FALSE, error);
}

static void
is_utf8_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  if (sqlite3_value_type (argv[0]) != SQLITE_TEXT)
    {
      sqlite3_result_int (context, TRUE);
      return;
    }

  sqlite3_result_int (context, g_utf8_validate_len ((const char *)sqlite3_value_text (argv[0]),
                                                    sqlite3_value_bytes (argv[0]), NULL));
}

/* Counts the rows of @table with a text that is not UTF-8, in any
 * column: a restored file may have any columns. */
static gboolean
count_bad_text (sqlite3     *db,
                const char  *table,
                int         *out_n,
                GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM ");
  sqlite3_stmt *stmt = NULL;
  char *quoted;
  int rc;

  quoted = sqlite3_mprintf ("\"%w\" WHERE 0", table);
  g_string_append (sql, quoted);
  sqlite3_free (quoted);

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          quoted = sqlite3_mprintf (" OR NOT steady_is_utf8 (\"%w\")", (const char *)sqlite3_column_text (stmt, 0));
          g_string_append (sql, quoted);
          sqlite3_free (quoted);
        }
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (rc == SQLITE_DONE)
    rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return rc == SQLITE_ROW || steady_store_set_error (db, rc, "text check", error);
}

/* SQLite stores text as it is given: a file that was not written by
 * Steady may hold bytes that are not UTF-8, which the widgets cannot
 * show safely. Such a file is refused as damaged. */
static gboolean
check_text (const char  *copy_path,
            const char  *backup_path,
            GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  int n_bad = 0;
  int rc;

  rc = sqlite3_open_v2 (copy_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (db, "steady_is_utf8", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                                     NULL, is_utf8_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
                             -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      steady_store_set_error (db, rc, "text check", error);
      sqlite3_close (db);
      return FALSE;
    }

  for (guint i = 0; i < tables->len && n_bad == 0; i++)
    {
      if (!count_bad_text (db, g_ptr_array_index (tables, i), &n_bad, error))
        {
          sqlite3_close (db);
          return FALSE;
        }
    }

  sqlite3_close (db);

  if (n_bad > 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged. Steady has not changed it."), backup_path);
      return FALSE;
    }

  return TRUE;
}

/* Where a damaged file (or its @companion, "-wal") is kept. */
static char *
damaged_path (const char *db_path,
              GDateTime  *now,
              const char *companion)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("%s.damaged-%s%s", db_path, stamp, companion);
}

/* Makes a private copy of @backup_path ready to replace the store's
 * data: in rollback-journal mode, with the store's page size
 * (sqlite3_backup cannot copy between page sizes into a WAL database),
 * brought up to the store's schema, and checked again read-write:
 * quick_check skips the tables' CHECK constraints on a read-only
 * connection, as steady_store_check_file() opens one. Anything that can
 * fail on the file's content fails here, before the store's data is
 * touched. */
gboolean
steady_store_prepare_restore (SteadyStore  *self,
                              const char   *backup_path,
                              const char   *copy_path,
                              GError      **error)
{
  const SteadyMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;
  int store_page_size = 0;
  int page_size = 0;
  int version = 0;
  gboolean ok;

  g_mutex_lock (steady_store_get_write_lock (self));
  ok = steady_store_query_int (steady_store_get_writer_locked (self), "PRAGMA page_size",
                               &store_page_size, error);
  g_mutex_unlock (steady_store_get_write_lock (self));

  ok = ok &&
       steady_store_open_connection (copy_path, &db, error) &&
       steady_store_configure_connection (db, FALSE, error) &&
       steady_store_exec (db, "PRAGMA journal_mode = DELETE", error) &&
       steady_store_query_int (db, "PRAGMA page_size", &page_size, error);

  if (ok && page_size != store_page_size)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA page_size = %d; VACUUM;", store_page_size);

      ok = steady_store_exec (db, sql, error);
    }

  migrations = steady_store_get_migrations (self, &n_migrations);
  ok = ok &&
       steady_store_query_int (db, "PRAGMA user_version", &version, error) &&
       steady_store_migrate (db, migrations, n_migrations, &version, error) &&
       steady_store_run_check (db, backup_path, error);

  sqlite3_close (db);

  return ok;
}

/* Everything about @backup_path that can fail on its content: it is
 * checked as it is, then copied to @copy_path and brought up to the
 * store's schema there (steady_store_prepare_restore()). On success
 * @copy_path is ready to replace the store's data; on failure it is
 * gone and @error says why. */
static gboolean
prepare_copy (SteadyStore  *self,
              const char   *backup_path,
              const char   *copy_path,
              GError      **error)
{
  int version = 0;

  if (!steady_store_probe_file (backup_path, steady_store_get_latest_version (), &version, error) ||
      !steady_store_check_file (backup_path, error))
    {
      g_prefix_error (error, _("This backup cannot be restored: "));
      return FALSE;
    }

  if (version == 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("This backup is empty, so it was not restored."));
      return FALSE;
    }

  if (!copy_synced (backup_path, copy_path, error) ||
      !steady_store_prepare_restore (self, backup_path, copy_path, error) ||
      !check_text (copy_path, backup_path, error))
    {
      g_unlink (copy_path);
      g_prefix_error (error, _("This backup cannot be restored: "));
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_store_check_restore:
 * @self: a #SteadyStore
 * @backup_path: a file in the app's own folder
 * @error: a location for an error
 *
 * Whether steady_store_restore_backup() would take @backup_path: runs
 * the same checks and preparation on a copy beside the database
 * (`steady.db.restore-check`, removed after), so that a file that cannot
 * be restored is refused before the person is asked to replace their
 * data with it. Changes nothing. Call on the store's worker: it copies
 * and checks the whole file.
 *
 * Returns: %TRUE if the file can be restored
 */
gboolean
steady_store_check_restore (SteadyStore  *self,
                            const char   *backup_path,
                            GError      **error)
{
  g_autofree char *copy_path = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  copy_path = g_strconcat (steady_store_get_path (self), ".restore-check", NULL);
  if (!prepare_copy (self, backup_path, copy_path, error))
    return FALSE;

  g_unlink (copy_path);

  return TRUE;
}

/**
 * steady_store_restore_backup:
 * @self: a #SteadyStore
 * @backup_path: a backup in the app's own folder (copy a file that came
 *   through the document portal there first: SQLite cannot lock it there)
 * @now: names the safety backup of the current data
 * @error: a location for an error
 *
 * Checks the backup, brings a copy of it up to the current schema
 * (beside the database, as `steady.db.restore`, removed after), keeps
 * the current data as another backup, then replaces the current data
 * with the copy's in one step. On any error the current data is
 * unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_store_restore_backup (SteadyStore  *self,
                             const char   *backup_path,
                             GDateTime    *now,
                             GError      **error)
{
  g_autofree char *safety = NULL;
  g_autofree char *copy_path = NULL;
  sqlite3 *src = NULL;
  sqlite3 *db;
  sqlite3_backup *backup;
  int rc;
  gboolean ok = FALSE;

  g_return_val_if_fail (STEADY_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  /* The data is replaced by a copy that is ready: one that cannot be
   * brought up to date changes nothing. */
  copy_path = g_strconcat (steady_store_get_path (self), ".restore", NULL);
  if (!prepare_copy (self, backup_path, copy_path, error))
    return FALSE;

  safety = steady_store_backup (self, now, "before-restore", error);
  if (safety == NULL)
    {
      g_unlink (copy_path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (copy_path, &src, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      steady_store_set_error (src, rc, "open backup", error);
      sqlite3_close (src);
      g_unlink (copy_path);
      return FALSE;
    }

  g_mutex_lock (steady_store_get_write_lock (self));

  db = steady_store_get_writer_locked (self);
  backup = sqlite3_backup_init (db, "main", src, "main");
  if (backup == NULL)
    {
      steady_store_set_error (db, sqlite3_errcode (db), "backup_init", error);
    }
  else
    {
      rc = sqlite3_backup_step (backup, -1);
      sqlite3_backup_finish (backup);

      if (rc == SQLITE_DONE)
        ok = steady_store_migrate_locked (self, error) &&
             steady_store_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", error);
      else
        steady_store_set_error (db, rc, "backup_step", error);
    }

  g_mutex_unlock (steady_store_get_write_lock (self));

  sqlite3_close (src);
  g_unlink (copy_path);

  if (ok)
    steady_store_emit_changed (self, "all");

  return ok;
}

/**
 * steady_store_keep_damaged:
 * @db_path: the database
 * @now: names the copies
 * @error: a location for an error
 *
 * Copies the database and its write-ahead log, as they are, to
 * `steady.db.damaged-YYYYMMDD-HHMMSS` and `…-wal` beside it, synced,
 * before SQLite's recovery changes anything.
 *
 * Returns: (transfer full) (nullable): the kept copy of the database
 */
char *
steady_store_keep_damaged (const char  *db_path,
                           GDateTime   *now,
                           GError     **error)
{
  static const char *companions[] = { "", "-wal" };
  g_autofree char *dir = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = damaged_path (db_path, now, companions[i]);

      if (!copy_synced (from, to, error))
        return NULL;
    }

  dir = g_path_get_dirname (db_path);
  if (!steady_store_fsync_path (dir, TRUE, error))
    return NULL;

  return damaged_path (db_path, now, "");
}

/**
 * steady_store_replace_with_backup:
 * @db_path: the database that cannot be opened (it may be missing)
 * @backup_path: the backup to put in its place
 * @now: names the kept copy of the damaged file
 * @error: a location for an error
 *
 * For when the store cannot be opened at all. Nothing is deleted: the
 * damaged file (and its write-ahead log) are renamed to
 * `steady.db.damaged-YYYYMMDD-HHMMSS` beside it, then a checked copy of
 * the backup takes its place. Call with the store closed.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_store_replace_with_backup (const char  *db_path,
                                  const char  *backup_path,
                                  GDateTime   *now,
                                  GError     **error)
{
  static const char *companions[] = { "", "-wal", "-shm" };
  g_autofree char *tmp_path = NULL;
  g_autofree char *dir = NULL;
  int version = 0;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!steady_store_probe_file (backup_path, steady_store_get_latest_version (), &version, error) ||
      !steady_store_check_file (backup_path, error))
    {
      g_prefix_error (error, _("This backup cannot be restored: "));
      return FALSE;
    }

  /* Copy first, so a failure here leaves everything as it was. */
  tmp_path = g_strconcat (db_path, ".restoring", NULL);
  if (!copy_synced (backup_path, tmp_path, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = damaged_path (db_path, now, companions[i]);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                       _("Steady could not move the damaged file aside: %s"),
                       g_strerror (saved_errno));
          g_unlink (tmp_path);
          return FALSE;
        }
    }

  if (g_rename (tmp_path, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                   _("Steady could not put the backup in place: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  dir = g_path_get_dirname (db_path);

  return steady_store_fsync_path (dir, TRUE, error);
}
