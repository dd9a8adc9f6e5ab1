/* steady-store-backup.c: automatic and manual backups
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

#include "steady-backup.h"
#include "steady-store-private.h"

/* Backup files are named steady-YYYYMMDD-HHMMSS[-note].db, in UTC, so
 * that sorting names sorts by age and the time survives a copy that
 * loses the file's mtime. */
#define BACKUP_PREFIX "steady-"
#define BACKUP_SUFFIX ".db"

static GDateTime *
parse_backup_name (const char *name)
{
  int y, mo, d, h, mi, s;
  char tail[2];

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;

  /* %1c only matches when something other than a plain ".db" follows,
   * which is the note; either form is accepted. */
  if (sscanf (name, BACKUP_PREFIX "%4d%2d%2d-%2d%2d%2d%1c", &y, &mo, &d, &h, &mi, &s, tail) != 7)
    return NULL;

  if (tail[0] != '.' && tail[0] != '-')
    return NULL;

  return g_date_time_new_utc (y, mo, d, h, mi, s);
}

gboolean
steady_store_fsync_path (const char  *path,
                         gboolean     directory,
                         GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);

  g_set_error (error, STEADY_STORE_ERROR,
               saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
               _("Steady could not finish writing “%s”: %s"), path, g_strerror (saved_errno));

  return FALSE;
}

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  SteadyBackup *ba = *(SteadyBackup **)a;
  SteadyBackup *bb = *(SteadyBackup **)b;
  int cmp = g_date_time_compare (steady_backup_get_created (bb),
                                 steady_backup_get_created (ba));

  if (cmp == 0)
    cmp = g_strcmp0 (steady_backup_get_path (bb), steady_backup_get_path (ba));

  return cmp;
}

/**
 * steady_store_get_backup_dir:
 *
 * Returns: (transfer full): the `backups` folder beside the database
 */
char *
steady_store_get_backup_dir (SteadyStore *self)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);

  return backup_dir_for (steady_store_get_path (self));
}

/**
 * steady_store_list_backups_at:
 * @db_path: where the database is (or would be)
 * @error: a location for an error
 *
 * Works without an open store, so that a damaged file can still be
 * replaced by its newest backup.
 *
 * Returns: (transfer full) (element-type SteadyBackup): the backups, newest
 *   first; empty when there are none yet
 */
GPtrArray *
steady_store_list_backups_at (const char  *db_path,
                              GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *backup_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  backup_dir = backup_dir_for (db_path);
  dir = g_dir_open (backup_dir, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                   _("Steady could not read its backups folder: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) created = parse_backup_name (name);
      g_autofree char *path = NULL;
      struct stat st;

      if (created == NULL)
        continue;

      path = g_build_filename (backup_dir, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      g_ptr_array_add (backups, steady_backup_new (path, created, st.st_size));
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

/**
 * steady_store_list_backups:
 * @self: a #SteadyStore
 * @error: a location for an error
 *
 * Returns: (transfer full) (element-type SteadyBackup): the backups, newest
 *   first
 */
GPtrArray *
steady_store_list_backups (SteadyStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);

  return steady_store_list_backups_at (steady_store_get_path (self), error);
}

static void
rotate (SteadyStore *self)
{
  g_autoptr(GPtrArray) backups = steady_store_list_backups (self, NULL);

  if (backups == NULL)
    return;

  for (guint i = STEADY_STORE_MAX_BACKUPS; i < backups->len; i++)
    {
      const char *path = steady_backup_get_path (g_ptr_array_index (backups, i));

      if (g_unlink (path) != 0)
        g_warning ("Could not remove old backup %s: %s", path, g_strerror (errno));
    }
}

/**
 * steady_store_backup:
 * @self: a #SteadyStore
 * @now: the time to name the backup by
 * @suffix: (nullable): a short note for the file name, such as
 *   "before-restore"
 * @error: a location for an error
 *
 * Writes a compact copy of the database into the backups folder (under a
 * temporary name, synced, then renamed, so a crash never leaves half a
 * backup under a real name) and keeps only the newest
 * %STEADY_STORE_MAX_BACKUPS.
 *
 * Returns: (transfer full) (nullable): the path of the new backup
 */
char *
steady_store_backup (SteadyStore  *self,
                     GDateTime    *now,
                     const char   *suffix,
                     GError      **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  backup_dir = steady_store_get_backup_dir (self);
  if (g_mkdir_with_parents (backup_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_STORE_ERROR,
                   saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_READ_ONLY,
                   _("Steady could not create its backups folder: %s"), g_strerror (saved_errno));
      return NULL;
    }
  g_chmod (backup_dir, 0700);

  utc = g_date_time_to_utc (now);
  stamp = g_date_time_format (utc, "%Y%m%d-%H%M%S");
  name = g_strdup_printf (BACKUP_PREFIX "%s%s%s" BACKUP_SUFFIX, stamp,
                          suffix ? "-" : "", suffix ? suffix : "");
  path = g_build_filename (backup_dir, name, NULL);
  tmp_path = g_strconcat (path, ".tmp", NULL);

  /* VACUUM INTO refuses to overwrite; a leftover from a crash goes. */
  g_unlink (tmp_path);

  g_mutex_lock (steady_store_get_write_lock (self));

  db = steady_store_get_writer_locked (self);
  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, tmp_path, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    ok = TRUE;
  else
    steady_store_set_error (db, rc, "VACUUM INTO", error);
  sqlite3_finalize (stmt);

  g_mutex_unlock (steady_store_get_write_lock (self));

  /* VACUUM INTO does not sync what it wrote. */
  if (ok)
    {
      if (g_chmod (tmp_path, 0600) != 0)
        g_warning ("Could not make %s private: %s", tmp_path, g_strerror (errno));
      ok = steady_store_fsync_path (tmp_path, FALSE, error);
    }
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                   _("Steady could not save the backup “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (ok)
    ok = steady_store_fsync_path (backup_dir, TRUE, error);

  if (!ok)
    {
      g_unlink (tmp_path);
      return NULL;
    }

  rotate (self);

  return g_steal_pointer (&path);
}

/**
 * steady_store_backup_if_due:
 * @self: a #SteadyStore
 * @now: the current time
 * @error: a location for an error
 *
 * Makes the day's automatic backup unless one was already made on the
 * local calendar day of @now.
 *
 * Returns: (transfer full) (nullable): the new backup's path; %NULL with
 *   no error when none was due
 */
char *
steady_store_backup_if_due (SteadyStore  *self,
                            GDateTime    *now,
                            GError      **error)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  g_return_val_if_fail (STEADY_IS_STORE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  backups = steady_store_list_backups (self, error);
  if (backups == NULL)
    return NULL;

  local_now = g_date_time_to_local (now);

  for (guint i = 0; i < backups->len; i++)
    {
      g_autoptr(GDateTime) created = g_date_time_to_local (steady_backup_get_created (g_ptr_array_index (backups, i)));

      if (g_date_time_get_year (created) == g_date_time_get_year (local_now) &&
          g_date_time_get_day_of_year (created) == g_date_time_get_day_of_year (local_now))
        return NULL;
    }

  return steady_store_backup (self, now, NULL, error);
}
