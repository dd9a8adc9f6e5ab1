/* steady-store-sqlite.c: the store's SQLite connections: errors in
 * plain words, private files, looking at a file before opening it,
 * opening, checking and migrating
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steady-store-private.h"

/* How long a write waits for another process holding the file (a second
 * instance, a backup tool) before it gives up with a clear error. */
#define BUSY_TIMEOUT_MS 5000

static gboolean
is_no_space_errno (int saved_errno)
{
  return saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG;
}

/* SQLite says SQLITE_FULL only when write() stops short; a write, sync or
 * resize that fails outright for want of space, quota or a file size
 * limit is an I/O error. Its errno is kept by the file that failed, the
 * main file or the write-ahead log (sqlite3_system_errno() reads errno
 * too late, after the rollback). */
static gboolean
out_of_space (sqlite3 *db)
{
  sqlite3_file *wal = NULL;
  int saved_errno = 0;

  if (db == NULL)
    return FALSE;

  if (is_no_space_errno (sqlite3_system_errno (db)))
    return TRUE;

  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_LAST_ERRNO, &saved_errno) == SQLITE_OK &&
      is_no_space_errno (saved_errno))
    return TRUE;

  saved_errno = 0;
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK &&
      wal != NULL && wal->pMethods != NULL &&
      wal->pMethods->xFileControl (wal, SQLITE_FCNTL_LAST_ERRNO, &saved_errno) == SQLITE_OK &&
      is_no_space_errno (saved_errno))
    return TRUE;

  return FALSE;
}

static SteadyStoreError
error_code_from_sqlite (sqlite3 *db,
                        int      rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_IOERR:
      return out_of_space (db) ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return STEADY_STORE_ERROR_CORRUPT;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      return STEADY_STORE_ERROR_READ_ONLY;

    case SQLITE_FULL:
      return STEADY_STORE_ERROR_NO_SPACE;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return STEADY_STORE_ERROR_BUSY;

    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return STEADY_STORE_ERROR_INVALID;

    default:
      return STEADY_STORE_ERROR_FAILED;
    }
}

static const char *
message_for_code (SteadyStoreError code)
{
  switch (code)
    {
    case STEADY_STORE_ERROR_CORRUPT:
      return _("The data file is damaged.");
    case STEADY_STORE_ERROR_READ_ONLY:
      return _("The data file cannot be written. Check that its folder is yours and not read-only.");
    case STEADY_STORE_ERROR_NO_SPACE:
      return _("The disk is full. Free some space and try again; nothing you wrote was lost.");
    case STEADY_STORE_ERROR_BUSY:
      return _("The data file is in use by another program. Try again in a moment.");
    case STEADY_STORE_ERROR_INVALID:
      return _("Steady could not save this because some of it was not valid.");
    case STEADY_STORE_ERROR_FAILED:
    case STEADY_STORE_ERROR_NEWER_VERSION:
    case STEADY_STORE_ERROR_NOT_STEADY:
    case STEADY_STORE_ERROR_NOT_FOUND:
    default:
      return _("Steady could not read or write its data file.");
    }
}

/* Sets @error from an SQLite result code, with a plain message for the
 * person and the details for the log. Always returns FALSE. */
gboolean
steady_store_set_error (sqlite3     *db,
                        int          rc,
                        const char  *what,
                        GError     **error)
{
  SteadyStoreError code = error_code_from_sqlite (db, rc);

  g_debug ("%s failed: %s (%d)", what,
           db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc), rc);
  g_set_error_literal (error, STEADY_STORE_ERROR, code, message_for_code (code));

  return FALSE;
}

gboolean
steady_store_exec (sqlite3     *db,
                   const char  *sql,
                   GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return steady_store_set_error (db, rc, sql, error);

  return TRUE;
}

gboolean
steady_store_query_int (sqlite3     *db,
                        const char  *sql,
                        int         *out,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  steady_store_set_error (db, rc, sql, error);
  sqlite3_finalize (stmt);

  return FALSE;
}

gboolean
steady_store_ensure_private_dir (const char  *dir,
                                 GError     **error)
{
  struct stat st;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_debug ("mkdir %s: %s", dir, g_strerror (saved_errno));
      g_set_error (error, STEADY_STORE_ERROR,
                   saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_READ_ONLY,
                   _("Steady could not create its data folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* Tighten a folder that already existed with looser modes (journal
   * entries are nobody else's business), only ever removing bits. */
  if (g_stat (dir, &st) == 0 && (st.st_mode & 0077) != 0)
    {
      if (g_chmod (dir, st.st_mode & 0700) != 0)
        g_warning ("Could not make %s private: %s", dir, g_strerror (errno));
    }

  return TRUE;
}

gboolean
steady_store_ensure_private_file (const char  *path,
                                  GError     **error)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    {
      int fd;

      /* Create it ourselves so that it is 0600 from its first byte;
       * SQLite would honour the umask instead. An empty file is an
       * empty database. */
      fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, STEADY_STORE_ERROR,
                       saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_READ_ONLY,
                       _("Steady could not create its data file “%s”: %s"),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
      return TRUE;
    }

  /* Only ever remove permission bits: a file the person made read-only
   * stays read-only, and we then say so. */
  if ((st.st_mode & 0777) != (st.st_mode & 0600))
    {
      if (g_chmod (path, st.st_mode & 0600) != 0)
        g_warning ("Could not make %s private: %s", path, g_strerror (errno));
    }

  return TRUE;
}

/* Looks at an existing file without writing to it: a read-only
 * connection never checkpoints, never changes the journal mode and never
 * touches the main file. */
gboolean
steady_store_probe_file (const char  *path,
                         int          latest,
                         int         *out_version,
                         GError     **error)
{
  sqlite3 *db = NULL;
  int application_id = 0;
  int version = 0;
  int n_tables = 0;
  int rc;
  gboolean ret = FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      steady_store_set_error (db, rc, "open (probe)", error);
      goto out;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  /* One snapshot for the three reads: another instance may be creating
   * the file meanwhile (tables and stamp commit together). Closing ends
   * the read. */
  if (!steady_store_exec (db, "BEGIN", error) ||
      !steady_store_query_int (db, "PRAGMA application_id", &application_id, error) ||
      !steady_store_query_int (db, "PRAGMA user_version", &version, error) ||
      !steady_store_query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    {
      if (error != NULL && g_error_matches (*error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT))
        {
          g_clear_error (error);
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged or is not a database."), path);
        }
      goto out;
    }

  if ((application_id != 0 && application_id != STEADY_STORE_APPLICATION_ID) ||
      (application_id == 0 && n_tables > 0))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_STEADY,
                   _("“%s” belongs to another program, so Steady will not change it."),
                   path);
      goto out;
    }

  if (version > latest)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NEWER_VERSION,
                   _("Your data was saved by a newer version of Steady (data version %d; this version reads up to %d). Update Steady to open it. The file has not been changed."),
                   version, latest);
      goto out;
    }

  *out_version = version;
  ret = TRUE;

out:
  sqlite3_close (db);
  return ret;
}

gboolean
steady_store_configure_connection (sqlite3     *db,
                                   gboolean     query_only,
                                   GError     **error)
{
  /* Every pragma is set explicitly: the Flatpak runtime's SQLite may be
   * built with other defaults than Debian's. */
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, TRUE);

  if (!steady_store_exec (db,
                          "PRAGMA trusted_schema = OFF;"
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA secure_delete = ON;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA temp_store = MEMORY;",
                          error))
    return FALSE;

  if (query_only && !steady_store_exec (db, "PRAGMA query_only = ON;", error))
    return FALSE;

  return TRUE;
}

gboolean
steady_store_set_wal_mode (sqlite3     *db,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      const char *mode = (const char *)sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (mode, "wal") == 0;
      if (!ok)
        g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                     _("Steady could not prepare its data file (journal mode “%s”)."),
                     mode ? mode : "");
    }
  else
    {
      steady_store_set_error (db, rc, "journal_mode", error);
    }

  sqlite3_finalize (stmt);

  return ok;
}

gboolean
steady_store_open_connection (const char  *path,
                              sqlite3    **out_db,
                              GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      steady_store_set_error (db, rc, "open", error);
      sqlite3_close (db);
      return FALSE;
    }

  /* SQLite quietly falls back to read-only when it cannot write. */
  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_READ_ONLY,
                   _("Steady can read “%s” but cannot save to it. Check that the file and its folder are yours and not read-only."),
                   path);
      sqlite3_close (db);
      return FALSE;
    }

  *out_db = db;

  return TRUE;
}

gboolean
steady_store_run_check (sqlite3     *db,
                        const char  *path,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      const char *result = (const char *)sqlite3_column_text (stmt, 0);

      ok = g_strcmp0 (result, "ok") == 0;
      if (!ok)
        {
          g_debug ("quick_check of %s: %s", path, result);
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                       _("“%s” is damaged. Steady has not changed it."), path);
        }
    }
  else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_debug ("quick_check of %s: %s", path, sqlite3_errmsg (db));
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged. Steady has not changed it."), path);
    }
  else
    {
      steady_store_set_error (db, rc, "quick_check", error);
    }

  sqlite3_finalize (stmt);

  return ok;
}

gboolean
steady_store_migrate (sqlite3                *db,
                      const SteadyMigration  *migrations,
                      guint                   n_migrations,
                      int                    *inout_version,
                      GError                **error)
{
  for (guint i = 0; i < n_migrations; i++)
    {
      const SteadyMigration *m = &migrations[i];
      g_autofree char *stamp = NULL;
      int current = 0;

      g_assert (i == 0 || m->version > migrations[i - 1].version);

      if (m->version <= *inout_version)
        continue;

      g_debug ("Migrating data to version %d", m->version);

      if (!steady_store_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      /* Another instance may have migrated while this one waited. */
      if (!steady_store_query_int (db, "PRAGMA user_version", &current, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (current >= m->version)
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          *inout_version = current;
          continue;
        }

      stamp = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                               m->version, STEADY_STORE_APPLICATION_ID);

      if ((m->sql != NULL && !steady_store_exec (db, m->sql, error)) ||
          (m->func != NULL && !m->func (db, error)) ||
          !steady_store_exec (db, stamp, error) ||
          !steady_store_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, _("Steady could not update your data to version %d: "), m->version);
          return FALSE;
        }

      *inout_version = m->version;
    }

  return TRUE;
}

gboolean
steady_store_check_file (const char  *path,
                         GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      steady_store_set_error (db, rc, "open (check)", error);
      sqlite3_close (db);
      return FALSE;
    }

  ok = steady_store_run_check (db, path, error);
  sqlite3_close (db);

  return ok;
}
