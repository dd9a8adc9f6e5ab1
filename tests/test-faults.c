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
#include "steady-test-checkin.h"

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

static void
close_and_unref (SteadyStore *store)
{
  steady_store_close (store);
  /* Let finished tasks give back their reference. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (store);
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
  close_and_unref (store);

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
  close_and_unref (store);
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
  close_and_unref (store);
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
  close_and_unref (store);
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
#undef ADD

  return g_test_run ();
}
