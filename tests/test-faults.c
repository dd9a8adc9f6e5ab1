/* test-faults.c: a full disk, a second writer and damaged files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "steady-backup.h"
#include "steady-store-private.h"
#include "steady-test-checkins.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* A subprocess works on its parent's file. Not in the isolated XDG
   * dirs: a subprocess removes those as it exits. */
  if (g_test_subprocess ())
    {
      fixture->path = g_strdup (g_getenv ("STEADY_TEST_DB"));
      return;
    }

  fixture->dir = g_dir_make_tmp ("steady-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "steady.db", NULL);
  g_setenv ("STEADY_TEST_DB", fixture->path, TRUE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);

  g_file_delete (file, NULL, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

      remove_tree (dir);
    }

  g_free (fixture->dir);
  g_free (fixture->path);
}

static GHashTable *
saved_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
saved_table_add (GHashTable *saved,
                 gint64      id,
                 guint64     serial)
{
  g_assert_false (g_hash_table_contains (saved, &id));
  g_hash_table_insert (saved, g_memdup2 (&id, sizeof id), g_memdup2 (&serial, sizeof serial));
}

static gint64
save_checkin (SteadyStore *store,
              GHashTable  *saved,
              guint64      serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_test_checkin_new (serial);

  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
  saved_table_add (saved, steady_journal_entry_get_id (entry), serial);

  return steady_journal_entry_get_id (entry);
}

static goffset
file_size (const char *path)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size;
}

static void
set_file_size_limit (rlim_t limit)
{
  struct rlimit rl;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static void
save_async_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!steady_journal_save_finish (STEADY_STORE (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

/* As the check-in editor saves: on the worker, through the async API. */
static GError *
save_async (SteadyStore        *store,
            SteadyJournalEntry *entry)
{
  GError *error = NULL;

  steady_journal_save_async (store, entry, NULL, save_async_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

static void
disk_full_child (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) saved = saved_table_new ();
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) before = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  SteadyStore *store;
  guint64 serial = 1;
  goffset limit;

  /* Past the limit write() fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (; serial <= 30; serial++)
    save_checkin (store, saved, serial);

  /* A little room left, then none: the next writes hit the limit in the
   * write-ahead log, or in the main file when SQLite checkpoints. */
  limit = MAX (file_size (fixture->path), file_size (wal)) + 256 * 1024;
  set_file_size_limit (limit);

  for (;; serial++)
    {
      entry = steady_test_checkin_new (serial);
      if (!steady_journal_save (store, entry, &error))
        break;
      saved_table_add (saved, steady_journal_entry_get_id (entry), serial);
      g_clear_object (&entry);
      g_assert_cmpuint (serial, <, 1000);
    }

  /* Some fitted in the room that was left. */
  g_assert_cmpuint (serial, >, 31);

  /* The person is told plainly, in the app's own words. */
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_test_message ("save %" G_GUINT64_FORMAT " failed: %s", serial, error->message);
  g_clear_error (&error);

  /* The check-in that failed is still whole in the caller's hands. */
  before = steady_test_checkin_new (serial);
  g_assert_true (steady_journal_entry_equal (entry, before));

  /* The editor's way fails the same, and leaves its entry alone too. */
  error = save_async (store, entry);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_true (steady_journal_entry_equal (entry, before));

  /* Nothing that was saved is harmed, even before space comes back. */
  steady_test_assert_integrity (fixture->path);
  steady_test_assert_all_checkins (store, saved);

  /* Space is back: the very same entry saves, on the open store. */
  set_file_size_limit (RLIM_INFINITY);
  error = save_async (store, entry);
  g_assert_no_error (error);
  g_assert_cmpint (steady_journal_entry_get_id (entry), >, 0);
  saved_table_add (saved, steady_journal_entry_get_id (entry), serial);
  save_checkin (store, saved, serial + 1);

  g_assert_cmpuint (steady_test_assert_all_checkins (store, saved), ==, g_hash_table_size (saved));
  steady_test_close_store (store);

  /* For the parent: how many check-ins there must be. */
  g_print ("rows %u\n", g_hash_table_size (saved));
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) none = saved_table_new ();
  SteadyStore *store;

  if (g_test_subprocess ())
    {
      disk_full_child (fixture);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*rows *");

  /* And the next start is a normal one. */
  steady_test_assert_integrity (fixture->path);
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_check (store, &error));
  g_assert_cmpuint (steady_test_assert_all_checkins (store, none), >, 31);
  steady_test_close_store (store);
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) saved = saved_table_new ();
  g_autoptr(SteadyJournalEntry) entry = steady_test_checkin_new (2);
  g_autoptr(SteadyJournalEntry) before = steady_test_checkin_new (2);
  SteadyStore *store;
  sqlite3 *other = NULL;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  save_checkin (store, saved, 1);

  /* Another program holds the write lock for longer than Steady waits. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  error = save_async (store, entry);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_clear_error (&error);
  g_assert_true (steady_journal_entry_equal (entry, before));

  /* Reading goes on meanwhile. */
  steady_test_assert_all_checkins (store, saved);

  /* Once it lets go, the same entry saves. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  error = save_async (store, entry);
  g_assert_no_error (error);
  saved_table_add (saved, steady_journal_entry_get_id (entry), 2);

  g_assert_cmpuint (steady_test_assert_all_checkins (store, saved), ==, 2);
  steady_test_close_store (store);
}

static GSubprocess *
spawn_writer (const char *path,
              const char *first,
              const char *count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "steady-crash-writer", NULL);
  GSubprocess *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            writer, path, first, count, NULL);
  g_assert_no_error (error);

  return child;
}

/* Reads what a writer reported, checks how it ended, and notes each
 * check-in it said was saved. */
static guint
collect_writer (GSubprocess *child,
                GHashTable  *saved,
                guint       *n_busy)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_saved = 0;

  g_assert_true (g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      gint64 id;
      guint64 serial;

      if (g_str_has_prefix (lines[i], "busy "))
        {
          /* Waited busy_timeout and said so plainly; tried again. */
          g_assert_nonnull (strstr (lines[i], "in use by another program"));
          (*n_busy)++;
          continue;
        }

      g_assert_cmpint (sscanf (lines[i], "saved %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT, &id, &serial), ==, 2);
      saved_table_add (saved, id, serial);
      n_saved++;
    }

  return n_saved;
}

static void
test_two_writers (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) saved = saved_table_new ();
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  SteadyStore *store;
  guint n_busy = 0;

  /* Both start on a file that does not exist yet, so both create and
   * migrate it at once, then write side by side. */
  first = spawn_writer (fixture->path, "1", "150");
  second = spawn_writer (fixture->path, "1000001", "150");

  g_assert_cmpuint (collect_writer (first, saved, &n_busy), ==, 150);
  g_assert_cmpuint (collect_writer (second, saved, &n_busy), ==, 150);
  g_test_message ("%u busy errors", n_busy);

  steady_test_assert_integrity (fixture->path);
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_check (store, &error));
  /* Every reported check-in, and nothing else. */
  g_assert_cmpuint (steady_test_assert_all_checkins (store, saved), ==, 300);
  steady_test_close_store (store);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

/* The one file in the database's folder whose name starts so. */
static char *
find_beside (const char *path,
             const char *prefix,
             const char *suffix)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *found = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, suffix))
        {
          g_assert_null (found);
          found = g_build_filename (dir_path, name, NULL);
        }
    }

  return g_steal_pointer (&found);
}

/* What a crash leaves: 40 check-ins committed to the write-ahead log and
 * not yet copied into the main file, and a backup made after the first 10. */
static void
make_crashed_wal (Fixture *fixture,
                  GBytes **out_db,
                  GBytes **out_wal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) saved = saved_table_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *backup = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint64 serial = 1; serial <= 10; serial++)
    save_checkin (store, saved, serial);
  backup = steady_store_backup (store, now, NULL, &error);
  g_assert_no_error (error);
  for (guint64 serial = 11; serial <= 40; serial++)
    save_checkin (store, saved, serial);

  /* The files as they are while Steady runs (it writes nothing between
   * saves), as a SIGKILL would leave them. */
  *out_db = steady_test_read_bytes (fixture->path);
  *out_wal = steady_test_read_bytes (wal);
  g_assert_cmpuint (g_bytes_get_size (*out_wal), >, 40 * 4096);
  steady_test_close_store (store);

  write_bytes (fixture->path, *out_db);
  write_bytes (wal, *out_wal);
  g_unlink (shm);
}

static void
test_damaged_wal (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) none = saved_table_new ();
  g_autoptr(GBytes) db = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GBytes) damaged_wal = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *wal_path = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree guchar *bytes = NULL;
  const GError *damage;
  SteadyStore *store;
  guint32 page_size;
  gsize len, n_frames, at;

  make_crashed_wal (fixture, &db, &wal);

  /* A few flipped bytes in a frame half-way: SQLite's recovery stops
   * there and would drop every check-in committed after it. */
  len = g_bytes_get_size (wal);
  bytes = g_memdup2 (g_bytes_get_data (wal, NULL), len);
  page_size = GUINT32_FROM_BE (*(guint32 *)(bytes + 8));
  n_frames = (len - 32) / (24 + page_size);
  at = 32 + (n_frames / 2) * (24 + page_size) + 24 + page_size / 2;
  for (guint i = 0; i < 3; i++)
    bytes[at + i * 7] ^= 0x5a;
  damaged_wal = g_bytes_new (bytes, len);
  write_bytes (wal_path, damaged_wal);
  g_assert_true (steady_store_wal_loses_commits (bytes, len));

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);

  /* The person is told, in words... */
  damage = steady_store_get_damage (store);
  g_assert_nonnull (damage);
  g_assert_error ((GError *)damage, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (damage->message, "most recent changes"));

  /* ...the files were kept, byte for byte, before SQLite touched them... */
  kept_wal = find_beside (fixture->path, "steady.db.damaged-", "-wal");
  g_assert_nonnull (kept_wal);
  kept = g_strndup (kept_wal, strlen (kept_wal) - strlen ("-wal"));
  kept_name = g_path_get_basename (kept);
  g_assert_nonnull (strstr (damage->message, kept_name));
  steady_test_assert_same_bytes (db, kept);
  steady_test_assert_same_bytes (damaged_wal, kept_wal);

  /* ...what could be read is there, whole, and the store works. Some
   * check-ins are missing: that loss is what the person was told of. */
  g_assert_true (steady_store_check (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (steady_test_assert_all_checkins (store, none), <, 40);
  save_checkin (store, none, 41);

  /* The newest backup, from before the damage, is there to go back to. */
  backups = steady_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  steady_test_close_store (store);

  /* Told once: the next start is a normal one. */
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (steady_store_get_damage (store));
  steady_test_close_store (store);
}

static void
test_torn_wal (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) none = saved_table_new ();
  g_autoptr(GBytes) db = NULL;
  g_autoptr(GBytes) wal = NULL;
  g_autoptr(GBytes) torn = NULL;
  g_autofree char *wal_path = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *kept = NULL;
  g_autofree guchar *bytes = NULL;
  SteadyStore *store;
  gsize len;

  make_crashed_wal (fixture, &db, &wal);

  /* A write that was under way when the process died: the start of a
   * frame, cut short. That was never committed: no damage. */
  len = g_bytes_get_size (wal);
  bytes = g_malloc0 (len + 3000);
  memcpy (bytes, g_bytes_get_data (wal, NULL), len);
  memcpy (bytes + len, bytes + 32, 3000);
  torn = g_bytes_new (bytes, len + 3000);
  write_bytes (wal_path, torn);
  g_assert_false (steady_store_wal_loses_commits (bytes, len + 3000));
  g_assert_false (steady_store_wal_loses_commits (g_bytes_get_data (wal, NULL), len));

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (steady_store_get_damage (store));
  kept = find_beside (fixture->path, "steady.db.damaged-", "");
  g_assert_null (kept);
  g_assert_cmpuint (steady_test_assert_all_checkins (store, none), ==, 40);
  steady_test_close_store (store);
}

/* Flips the type byte of @n b-tree pages from the middle of the file. */
static void
flip_page_types (const char *path,
                 guint       n)
{
  g_autoptr(GBytes) bytes = steady_test_read_bytes (path);
  g_autoptr(GBytes) bytes_written = NULL;
  g_autofree guchar *data = NULL;
  gsize len;
  guint32 page_size;
  gsize n_pages;
  guint flipped = 0;

  len = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  page_size = (data[16] << 8) | data[17];
  n_pages = len / page_size;
  g_assert_cmpuint (n_pages, >, 20);

  for (gsize page = n_pages / 2; page < n_pages && flipped < n; page += 3)
    {
      guchar *type = data + page * page_size;

      if (*type == 2 || *type == 5 || *type == 10 || *type == 13)
        {
          *type ^= 0x55;
          flipped++;
        }
    }
  g_assert_cmpuint (flipped, ==, n);

  bytes_written = g_bytes_new_take (g_steal_pointer (&data), len);
  write_bytes (path, bytes_written);
}

static void
test_flipped_bytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) saved = saved_table_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 1);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  for (guint64 serial = 1; serial <= 60; serial++)
    save_checkin (store, saved, serial);
  backup = steady_store_backup (store, now, NULL, &error);
  g_assert_no_error (error);
  steady_test_close_store (store);

  flip_page_types (fixture->path, 3);
  steady_test_assert_damaged (fixture->path);

  /* The newest backup is offered, and going back to it works. */
  backups = steady_store_list_backups_at (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (steady_backup_get_path (g_ptr_array_index (backups, 0)), ==, backup);
  g_assert_true (steady_store_replace_with_backup (fixture->path, backup, later, &error));
  g_assert_no_error (error);

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_check (store, &error));
  g_assert_cmpuint (steady_test_assert_all_checkins (store, saved), ==, 60);
  steady_test_close_store (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add ("/steady/faults/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("disk-full", test_disk_full);
  ADD ("busy", test_busy);
  ADD ("two-writers", test_two_writers);
  ADD ("damaged-wal", test_damaged_wal);
  ADD ("torn-wal", test_torn_wal);
  ADD ("flipped-bytes", test_flipped_bytes);
#undef ADD

  return g_test_run ();
}
