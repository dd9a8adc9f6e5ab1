/* steady-export-full.c: all of the data in one file, and none of it
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "steady-export-private.h"

/* A full export is a copy of the database itself: nothing is lost in a
 * translation to another format, and taking it back is a restore. Its
 * opposite, steady_export_delete_all(), leaves no file of the person's
 * behind. */

/* The private copy a full export is made from, in the store's folder. */
#define EXPORT_TMP_PREFIX "steady-export-"

static gboolean
fsync_fd (int          fd,
          const char  *what,
          GError     **error)
{
  int saved_errno;

  if (fsync (fd) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, STEADY_STORE_ERROR,
               saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
               _("Steady could not finish writing “%s”: %s"), what, g_strerror (saved_errno));

  return FALSE;
}

/* Best effort: a rename is durable once its folder is synced, but some
 * file systems (the document portal's among them) cannot sync one. */
static void
fsync_dir (GFile *dir)
{
  const char *path = dir != NULL ? g_file_peek_path (dir) : NULL;
  int fd;

  if (path == NULL)
    return;

  fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("fsync %s: %s", path, g_strerror (errno));
  close (fd);
}

/* A consistent, compact copy of the whole database. The write lock
 * keeps the store's own writes out while SQLite reads its snapshot. */
static gboolean
vacuum_into (SteadyStore  *store,
             const char   *path,
             GError      **error)
{
  GMutex *lock = steady_store_get_write_lock (store);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  sqlite3 *db;
  int rc;

  g_mutex_lock (lock);

  db = steady_store_get_writer_locked (store);
  if (db == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                           _("Steady’s data file is closed."));
    }
  else
    {
      rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?1", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      if (rc == SQLITE_DONE || rc == SQLITE_OK)
        ok = TRUE;
      else
        steady_store_set_error (db, rc, "VACUUM INTO", error);
      sqlite3_finalize (stmt);
    }

  g_mutex_unlock (lock);

  return ok;
}

/* A name beside @dest that nothing else uses, created empty and private.
 * The document portal lets an app create such a file beside the one it
 * was given, and rename it over that one. */
static GFileOutputStream *
create_sibling (GFile         *dest,
                GFile        **out_file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  g_autofree char *basename = g_file_get_basename (dest);

  if (parent == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("Choose a file in a folder to export to."));
      return NULL;
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", basename, g_random_int ());
      g_autoptr(GFile) file = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (file, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
      if (stream != NULL)
        {
          *out_file = g_steal_pointer (&file);
          return stream;
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || attempt >= 8)
        {
          steady_export_propagate_io_error (error, g_steal_pointer (&local_error), "create export");
          return NULL;
        }
    }
}

/* Copies @from into @dest through a synced sibling that is then renamed
 * over @dest: whoever reads @dest sees the old file or the whole new one. */
static gboolean
install_copy (const char    *from,
              GFile         *dest,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) part = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *dest_name = g_file_get_parse_name (dest);
  GError *local_error = NULL;
  gboolean ok = FALSE;

  out = create_sibling (dest, &part, cancellable, error);
  if (out == NULL)
    return FALSE;

  in = g_file_read (source, cancellable, &local_error);
  if (in == NULL ||
      g_output_stream_splice (G_OUTPUT_STREAM (out), G_INPUT_STREAM (in),
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                              cancellable, &local_error) < 0)
    {
      steady_export_propagate_io_error (error, local_error, "copy export");
      goto out;
    }

  if (G_IS_FILE_DESCRIPTOR_BASED (out) &&
      !fsync_fd (g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (out)), dest_name, error))
    goto out;

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      steady_export_propagate_io_error (error, local_error, "close export");
      goto out;
    }

  /* A rename where the file system has one, so the move is atomic. */
  if (!g_file_move (part, dest, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          steady_export_propagate_io_error (error, local_error, "rename export");
          goto out;
        }

      g_clear_error (&local_error);
      if (!g_file_move (part, dest, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
        {
          steady_export_propagate_io_error (error, local_error, "move export");
          goto out;
        }
    }

  parent = g_file_get_parent (dest);
  fsync_dir (parent);
  ok = TRUE;

out:
  if (!ok)
    g_file_delete (part, NULL, NULL);

  return ok;
}

static gboolean
export_full (SteadyStore   *store,
             GFile         *dest,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  const char *dest_path = g_file_peek_path (dest);
  gboolean ok;
  int fd;

  if (dest_path != NULL && g_str_equal (dest_path, steady_store_get_path (store)))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("Choose another file: this one is where Steady keeps your data."));
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* SQLite writes the copy in Steady's own folder, where it can lock
   * files (it cannot through the document portal), into a file that is
   * private from its first byte; VACUUM INTO accepts an empty one. */
  dir = g_path_get_dirname (steady_store_get_path (store));
  tmp_path = g_build_filename (dir, EXPORT_TMP_PREFIX "XXXXXX.db", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, STEADY_STORE_ERROR,
                   saved_errno == ENOSPC ? STEADY_STORE_ERROR_NO_SPACE : STEADY_STORE_ERROR_FAILED,
                   _("Steady could not prepare the export: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  tmp_file = g_file_new_for_path (tmp_path);

  /* Never hand out a copy that would not restore. */
  ok = vacuum_into (store, tmp_path, error) &&
       steady_export_check_full (tmp_file, error) &&
       install_copy (tmp_path, dest, cancellable, error);

  if (g_unlink (tmp_path) != 0)
    g_warning ("Could not remove %s: %s", tmp_path, g_strerror (errno));

  return ok;
}

static gboolean
full_work (SteadyStore  *store,
           gpointer      user_data,
           gpointer     *result,
           GError      **error)
{
  SteadyExportData *data = user_data;

  return export_full (store, data->dest, data->cancellable, error);
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  int saved_errno;

  if (g_unlink (path) == 0)
    return TRUE;

  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;

  g_debug ("unlink %s: %s", path, g_strerror (saved_errno));
  if (error != NULL && *error == NULL)
    g_set_error (error, STEADY_STORE_ERROR,
                 saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS
                   ? STEADY_STORE_ERROR_READ_ONLY : STEADY_STORE_ERROR_FAILED,
                 _("Steady could not delete “%s”: %s"), path, g_strerror (saved_errno));

  return FALSE;
}

/* Everything inside @path, then @path. Keeps going past a failure, so
 * that as much as possible goes; the first failure is reported. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  gboolean ok = TRUE;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return remove_file (path, error);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ok = remove_tree (child, error) && ok;
    }

  if (g_rmdir (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      if (error != NULL && *error == NULL)
        g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED,
                     _("Steady could not delete “%s”: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }

  return ok;
}

/**
 * steady_export_full:
 * @store: a #SteadyStore
 * @dest: the file to write; replaced if it exists
 * @cancellable: (nullable): a #GCancellable
 * @error: a location for an error
 *
 * Writes everything Steady knows into @dest, in one consistent copy.
 *
 * The format: @dest IS a Steady database, the same SQLite 3 file the
 * app keeps, compacted by `VACUUM INTO`. `PRAGMA application_id` is
 * 0x53544459 ('STDY', %STEADY_STORE_APPLICATION_ID) and `PRAGMA
 * user_version` is the schema version that wrote it; it is in
 * rollback-journal mode, so it is one file with no `-wal` beside it.
 * The automatic backups are not included. Any SQLite tool can read it;
 * Steady takes it back with steady_export_check_full() and then
 * steady_store_restore_backup() or steady_store_replace_with_backup(),
 * after copying it into its own folder.
 *
 * The copy is made in the store's folder (SQLite cannot lock files
 * through the document portal), checked, then copied to a hidden file
 * beside @dest, synced, and renamed over @dest, so @dest is never half
 * written. Call from any thread; the GUI uses steady_export_full_async().
 *
 * Returns: %TRUE on success
 */
gboolean
steady_export_full (SteadyStore   *store,
                    GFile         *dest,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  return export_full (store, dest, cancellable, error);
}

/**
 * steady_export_full_async:
 * @store: a #SteadyStore
 * @dest: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread when done
 * @user_data: for @callback
 *
 * steady_export_full() on the store's worker, in order with its writes.
 */
void
steady_export_full_async (SteadyStore         *store,
                          GFile               *dest,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (dest));

  steady_store_run_async (store, full_work,
                          steady_export_data_new (NULL, NULL, dest, cancellable),
                          (GDestroyNotify)steady_export_data_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
steady_export_full_finish (SteadyStore   *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return steady_export_run_finish (store, result, error);
}

/**
 * steady_export_check_full:
 * @file: a file on this computer, such as a full export copied into
 *   Steady's folder
 * @error: a location for an error
 *
 * Checks that @file is a Steady database that this version can take
 * back: Steady's application id, a schema version that is not newer
 * than this version's, some data, and a clean `quick_check`. The file is
 * opened read-only and never changed.
 *
 * Returns: %TRUE if @file can be restored
 */
gboolean
steady_export_check_full (GFile   *file,
                          GError **error)
{
  const char *path;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int application_id = 0;
  int version = 0;
  int rc;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_peek_path (file);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND,
                           _("This file cannot be opened. Choose a file on this computer."));
      return FALSE;
    }

  /* Damaged, foreign or newer: refused here with the store's words. */
  if (!steady_store_probe_file (path, steady_store_get_latest_version (), &version, error))
    return FALSE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    application_id = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* An empty file passes the probe (it is what a new store starts
   * from), but it is no export. */
  if (application_id != STEADY_STORE_APPLICATION_ID || version == 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_STEADY,
                   _("“%s” is not a copy of Steady’s data."), path);
      return FALSE;
    }

  return steady_store_check_file (path, error);
}

/**
 * steady_export_delete_all:
 * @db_path: the database, usually steady_store_default_path()
 * @error: a location for an error
 *
 * Deletes the person's data: the database with its `-wal`, `-shm` and
 * `-journal` files, every file the store left beside it (damaged copies
 * kept by steady_store_replace_with_backup(), an unfinished restore or
 * export), the `backups` folder, and the folder itself once empty. Call
 * with the store closed. Keeps going past a file it cannot delete and
 * reports the first one.
 *
 * The files are unlinked, not overwritten: on SSDs and copy-on-write
 * file systems no program can promise to overwrite the blocks a file
 * used; disk encryption is what protects them.
 *
 * Returns: %TRUE when nothing is left
 */
gboolean
steady_export_delete_all (const char  *db_path,
                          GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *dir_path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *backups = NULL;
  g_autoptr(GDir) dir = NULL;
  gboolean ok = TRUE;
  const char *name;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir_path = g_path_get_dirname (db_path);
  base = g_path_get_basename (db_path);

  /* The database first: the rest are copies of it. */
  ok = remove_file (db_path, error) && ok;
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *path = g_strconcat (db_path, companions[i], NULL);

      ok = remove_file (path, error) && ok;
    }

  backups = g_build_filename (dir_path, "backups", NULL);
  if (g_file_test (backups, G_FILE_TEST_EXISTS))
    ok = remove_tree (backups, error) && ok;

  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, base) && !g_str_has_prefix (name, EXPORT_TMP_PREFIX))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      ok = remove_tree (path, error) && ok;
    }
  g_clear_pointer (&dir, g_dir_close);

  /* Only an empty folder goes: anything else in it is not ours. */
  if (g_rmdir (dir_path) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST)
    g_debug ("rmdir %s: %s", dir_path, g_strerror (errno));

  return ok;
}
