/* test-store.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "steady-backup.h"
#include "steady-help.h"
#include "steady-journal.h"
#include "steady-lessons.h"
#include "steady-store-private.h"
#include "steady-test-checkins.h"
#include "steady-test-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own XDG dirs. */
  fixture->dir = g_build_filename (g_get_user_data_dir (), "steady", NULL);
  fixture->path = g_build_filename (fixture->dir, "steady.db", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_free (fixture->dir);
  g_free (fixture->path);
}

static int
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = steady_store_default_path ();
  g_autofree char *value = NULL;
  SteadyStore *store;

  g_assert_cmpstr (default_path, ==, fixture->path);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (file_mode (fixture->dir), ==, 0700);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  g_assert_cmpint (steady_store_get_schema_version (store), ==, steady_store_get_latest_version ());
  g_assert_cmpint (steady_store_get_schema_version (store), >=, 1);

  g_assert_null (steady_store_get_state (store, "greeting"));
  g_assert_true (steady_store_set_state (store, "greeting", "héllo ✓ مرحبا", &error));
  g_assert_no_error (error);
  value = steady_store_get_state (store, "greeting");
  g_assert_cmpstr (value, ==, "héllo ✓ مرحبا");

  /* Invalid UTF-8 is refused, not stored. */
  g_assert_false (steady_store_set_state (store, "bad", "\xff\xfe", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_assert_null (steady_store_get_state (store, "bad"));

  g_assert_true (steady_store_check (store, NULL));

  steady_test_close_store (store);
}

static void
test_pragmas (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store;
  sqlite3 *db;
  struct { const char *sql; int expected; } checks[] = {
    { "PRAGMA foreign_keys", 1 },
    { "PRAGMA secure_delete", 1 },
    { "PRAGMA synchronous", 2 },
    { "PRAGMA trusted_schema", 0 },
    { "PRAGMA application_id", STEADY_STORE_APPLICATION_ID },
  };

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  db = steady_store_get_reader (store);

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    g_assert_cmpint (count_rows (store, checks[i].sql), ==, checks[i].expected);

  {
    sqlite3_stmt *stmt = steady_store_prepare (store, db, "PRAGMA journal_mode", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_reset (stmt);
  }

  steady_test_close_store (store);
}

static void
test_tightens_modes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  steady_test_close_store (store);

  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (fixture->dir), ==, 0700);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  steady_test_close_store (store);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "k", "kept", &error));
  steady_test_close_store (store);

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  value = steady_store_get_state (store, "k");
  g_assert_cmpstr (value, ==, "kept");
  g_assert_cmpint (steady_store_get_schema_version (store), ==, steady_store_get_latest_version ());
  steady_test_close_store (store);
}

/* Migrations of our own: the multiplication only gives 21 when 2 runs
 * before 3 and each runs exactly once. */
static const SteadyMigration first_only[] = {
  { 1, "CREATE TABLE t (x INTEGER NOT NULL);", NULL },
};

static gboolean
migration_3_func (sqlite3  *db,
                  GError  **error)
{
  return steady_store_exec (db, "UPDATE t SET x = x * 10 + 1;", error);
}

static const SteadyMigration three[] = {
  { 1, "CREATE TABLE t (x INTEGER NOT NULL);", NULL },
  { 2, "INSERT INTO t (x) VALUES (2);", NULL },
  { 3, NULL, migration_3_func },
};

static const SteadyMigration broken[] = {
  { 1, "CREATE TABLE t (x INTEGER NOT NULL);", NULL },
  { 2, "INSERT INTO t (x) VALUES (2); CREATE TABLE t (y);", NULL },
};

/* @store is at version 3 of `three`, with its one row, and so is its
 * file when opened again; closes @store. */
static void
assert_at_three (Fixture     *fixture,
                 SteadyStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (steady_store_get_schema_version (store), ==, 3);
  g_assert_cmpint (count_rows (store, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT x FROM t"), ==, 21);
  steady_test_close_store (store);

  store = steady_store_open_with_migrations (fixture->path, three, G_N_ELEMENTS (three), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT x FROM t"), ==, 21);
  steady_test_close_store (store);
}

static void
test_migrations_in_order (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store;

  store = steady_store_open_with_migrations (fixture->path, first_only, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_store_get_schema_version (store), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM t"), ==, 0);
  steady_test_close_store (store);

  store = steady_store_open_with_migrations (fixture->path, three, G_N_ELEMENTS (three), &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM t"), ==, 1);
  /* Nothing runs twice. */
  assert_at_three (fixture, store);
}

static void
test_failed_migration (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  SteadyStore *store;

  store = steady_store_open_with_migrations (fixture->path, first_only, 1, &error);
  g_assert_no_error (error);
  steady_test_close_store (store);

  before = steady_test_read_bytes (fixture->path);

  store = steady_store_open_with_migrations (fixture->path, broken, G_N_ELEMENTS (broken), &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "version 2"));
  steady_test_assert_same_bytes (before, fixture->path);
  g_clear_error (&error);

  /* The file still opens at version 1, with no half-done insert. */
  store = steady_store_open_with_migrations (fixture->path, first_only, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_store_get_schema_version (store), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM t"), ==, 0);
  steady_test_close_store (store);
}

static void
test_newer_version (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  SteadyStore *store;

  store = steady_store_open_with_migrations (fixture->path, three, G_N_ELEMENTS (three), &error);
  g_assert_no_error (error);
  steady_test_close_store (store);

  before = steady_test_read_bytes (fixture->path);

  store = steady_store_open_with_migrations (fixture->path, first_only, 1, &error);
  g_assert_null (store);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_nonnull (strstr (error->message, "1"));
  steady_test_assert_same_bytes (before, fixture->path);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *garbage = g_malloc (8192);
  SteadyStore *store;

  for (guint i = 0; i < 8192; i++)
    garbage[i] = (char)g_test_rand_int_range (0, 256);

  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, garbage, 8192, NULL));
  before = steady_test_read_bytes (fixture->path);

  store = steady_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
  steady_test_assert_same_bytes (before, fixture->path);
}

static void
test_foreign_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  SteadyStore *store;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE other (a); INSERT INTO other VALUES (1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = steady_test_read_bytes (fixture->path);

  store = steady_store_open (fixture->path, &error);
  g_assert_null (store);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_STEADY);
  steady_test_assert_same_bytes (before, fixture->path);
}

static void
fill_rows (SteadyStore *store,
           guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%05u", i);
      g_autofree char *value = g_strnfill (200 + i % 50, 'a' + i % 26);

      g_assert_true (steady_store_set_state (store, key, value, NULL));
    }
}

static void
test_damaged_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fill_rows (store, 400);
  steady_test_close_store (store);

  /* Scribble over the middle of the file, past the header and schema. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8 * 4096);
  for (gsize i = 4 * 4096; i < 6 * 4096; i += 7)
    contents[i] = (char)(contents[i] ^ 0x5a);
  g_assert_true (g_file_set_contents (fixture->path, contents, len, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);

  steady_test_assert_damaged (fixture->path);
}

static void
open_read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store;

  store = steady_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_READ_ONLY);
  g_print ("%s\n", error->message);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  SteadyStore *store;

  if (g_test_subprocess ())
    {
      path = g_strdup (g_getenv ("STEADY_TEST_RO_PATH"));

      /* Root ignores file modes, so the check runs as nobody. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      open_read_only_child (path);
      return;
    }

  /* A folder outside the isolated (root-only) test dirs, so nobody can
   * reach it. */
  dir = g_dir_make_tmp ("steady-ro-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "steady.db", NULL);

  store = steady_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "k", "v", NULL));
  steady_test_close_store (store);

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
    }
  before = steady_test_read_bytes (path);

  g_setenv ("STEADY_TEST_RO_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*cannot*");

  steady_test_assert_same_bytes (before, path);

  g_chmod (dir, 0700);
  g_chmod (path, 0600);
  g_unlink (path);
  g_rmdir (dir);
}

static GDateTime *
utc_at (int day,
        int hour)
{
  return g_date_time_new_utc (2026, 3, day, hour, 0, 0);
}

static void
test_backups_daily_and_rotated (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (int day = 1; day <= 10; day++)
    {
      g_autoptr(GDateTime) morning = utc_at (day, 9);
      g_autoptr(GDateTime) evening = utc_at (day, 20);
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      g_autofree char *value = g_strdup_printf ("%d", day);

      g_assert_true (steady_store_set_state (store, "day", value, NULL));

      first = steady_store_backup_if_due (store, morning, &error);
      g_assert_no_error (error);
      g_assert_nonnull (first);
      g_assert_cmpint (file_mode (first), ==, 0600);

      second = steady_store_backup_if_due (store, evening, &error);
      g_assert_no_error (error);
      g_assert_null (second);
    }

  backups = steady_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, STEADY_STORE_MAX_BACKUPS);

  /* Newest first: days 10 down to 4. */
  for (guint i = 0; i < backups->len; i++)
    {
      GDateTime *created = steady_backup_get_created (g_ptr_array_index (backups, i));

      g_assert_cmpint (g_date_time_get_day_of_month (created), ==, 10 - (int)i);
      g_assert_cmpint (steady_backup_get_size (g_ptr_array_index (backups, i)), >, 0);
    }

  /* Each backup is a sound database of its day. */
  {
    const char *oldest = steady_backup_get_path (g_ptr_array_index (backups, backups->len - 1));
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_true (steady_store_check_file (oldest, NULL));
    g_assert_cmpint (sqlite3_open_v2 (oldest, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM app_state WHERE key = 'day'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "4");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  steady_test_close_store (store);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t1 = utc_at (1, 9);
  g_autoptr(GDateTime) t2 = utc_at (2, 9);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *value = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "mood", "then", NULL));
  backup = steady_store_backup (store, t1, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (steady_store_set_state (store, "mood", "now", NULL));
  g_assert_true (steady_store_set_state (store, "extra", "later", NULL));

  g_assert_true (steady_store_restore_backup (store, backup, t2, &error));
  g_assert_no_error (error);

  value = steady_store_get_state (store, "mood");
  g_assert_cmpstr (value, ==, "then");
  g_assert_null (steady_store_get_state (store, "extra"));

  /* What was current is kept as another backup. */
  backups = steady_store_list_backups (store, &error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (steady_backup_get_path (g_ptr_array_index (backups, 0)),
                                   "-before-restore.db"));
  steady_test_close_store (store);

  /* The restore is durable. */
  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&value, g_free);
  value = steady_store_get_state (store, "mood");
  g_assert_cmpstr (value, ==, "then");

  /* A bad backup is refused and changes nothing. */
  g_assert_true (g_file_set_contents (backup, "not a database at all, sorry", -1, NULL));
  g_assert_false (steady_store_restore_backup (store, backup, t2, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
  g_clear_pointer (&value, g_free);
  value = steady_store_get_state (store, "mood");
  g_assert_cmpstr (value, ==, "then");
  steady_test_close_store (store);
}

/* A store whose mood is "now", and a backup of it from when it was
 * "then", changed by @sql (run on the backup file) */
static SteadyStore *
open_with_backup (Fixture     *fixture,
                  const char  *sql,
                  char       **out_backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t1 = utc_at (1, 9);
  SteadyStore *store;
  sqlite3 *db = NULL;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "mood", "then", NULL));
  *out_backup = steady_store_backup (store, t1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "mood", "now", NULL));

  g_assert_cmpint (sqlite3_open (*out_backup, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return store;
}

/* steady_store_check_restore() leaves no copy behind. */
static void
assert_no_check_copy (Fixture *fixture)
{
  g_autofree char *copy = g_strconcat (fixture->path, ".restore-check", NULL);

  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
}

/* Restores @backup into @store and returns the mood then. */
static char *
restore_mood (SteadyStore  *store,
              const char   *backup,
              GError      **error)
{
  g_autoptr(GDateTime) t2 = utc_at (2, 9);

  steady_store_restore_backup (store, backup, t2, error);

  return steady_store_get_state (store, "mood");
}

/* Found by fuzz-full-import: sqlite3_backup cannot copy between page
 * sizes into a WAL database, and the restore failed as if the data file
 * were read-only. */
static void
test_restore_page_size (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *value = NULL;
  SteadyStore *store;
  int page_size;

  /* The backup, as a tool that prefers small pages leaves it */
  store = open_with_backup (fixture, "PRAGMA page_size = 512; VACUUM;", &backup);
  page_size = count_rows (store, "PRAGMA page_size");
  g_assert_cmpint (page_size, !=, 512);

  /* It can be restored; asking changes nothing. */
  g_assert_true (steady_store_check_restore (store, backup, &error));
  g_assert_no_error (error);
  assert_no_check_copy (fixture);
  value = steady_store_get_state (store, "mood");
  g_assert_cmpstr (value, ==, "now");
  g_clear_pointer (&value, g_free);

  value = restore_mood (store, backup, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "then");
  g_assert_cmpint (count_rows (store, "PRAGMA page_size"), ==, page_size);
  steady_test_close_store (store);
}

/* Found by fuzz-full-import: a backup whose data could not be brought
 * up to date replaced the data all the same, left it at the backup's
 * version, and the store would not open again. */
static void
test_restore_failed_migration (Fixture       *fixture,
                               gconstpointer  data)
{
  static const SteadyMigration other[] = {
    { 1, "CREATE TABLE u (y INTEGER);", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t1 = utc_at (1, 9);
  g_autofree char *backup_path = g_build_filename (fixture->dir, "version-1.db", NULL);
  SteadyStore *store;

  /* Version 1, but without the table that migration 2 inserts into */
  store = steady_store_open_with_migrations (backup_path, other, G_N_ELEMENTS (other), &error);
  g_assert_no_error (error);
  steady_test_close_store (store);

  store = steady_store_open_with_migrations (fixture->path, three, G_N_ELEMENTS (three), &error);
  g_assert_no_error (error);

  g_assert_false (steady_store_restore_backup (store, backup_path, t1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "version 2"));

  assert_at_three (fixture, store);
}

/* Found by fuzz-full-import: rows that Steady would never write passed
 * the checks and reached code that counts on them. quick_check leaves
 * the CHECK constraints out on a read-only connection, and SQLite keeps
 * text as it is given, UTF-8 or not. */
static void
test_restore_refused_rows (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const changes[] = {
    /* A session of a kind that does not exist */
    "PRAGMA ignore_check_constraints = ON;"
    "INSERT INTO calendar_series (uid, kind, title, tzid, start_local, duration,"
    "  first_utc, last_end_utc, modified_utc)"
    "  VALUES ('u', 99, 'Group', 'UTC', '2026-03-02T18:00:00', 3600, 0, 3600, 0);",
    /* Text that is not UTF-8 */
    "UPDATE app_state SET value = CAST (X'74C3FF' AS TEXT) WHERE key = 'mood';",
  };

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *backup = NULL;
      g_autofree char *value = NULL;
      SteadyStore *store;

      g_test_message ("Case %u", i);
      store = open_with_backup (fixture, changes[i], &backup);

      /* Refused already when asked whether it could be restored, before
       * anyone is asked to confirm */
      g_assert_false (steady_store_check_restore (store, backup, &error));
      g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
      g_clear_error (&error);
      assert_no_check_copy (fixture);

      value = restore_mood (store, backup, &error);
      g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
      g_assert_cmpstr (value, ==, "now");
      g_assert_cmpint (count_rows (store, "SELECT count(*) FROM calendar_series"), ==, 0);
      steady_test_close_store (store);
    }
}

static void
test_replace_damaged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t1 = utc_at (1, 9);
  g_autoptr(GDateTime) t2 = utc_at (2, 10);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *value = NULL;
  g_autofree char *kept = NULL;
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_set_state (store, "mood", "saved", NULL));
  backup = steady_store_backup (store, t1, NULL, &error);
  steady_test_close_store (store);

  g_assert_true (g_file_set_contents (fixture->path, "garbage garbage garbage", -1, NULL));
  damaged = steady_test_read_bytes (fixture->path);

  backups = steady_store_list_backups_at (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);

  g_assert_true (steady_store_replace_with_backup (fixture->path, backup, t2, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, byte for byte, beside the database. */
  kept = g_strconcat (fixture->path, ".damaged-20260302-100000", NULL);
  steady_test_assert_same_bytes (damaged, kept);

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (fixture->path), ==, 0600);
  value = steady_store_get_state (store, "mood");
  g_assert_cmpstr (value, ==, "saved");
  steady_test_close_store (store);
}

typedef struct
{
  GString *order;
  guint    pending;
  guint    changed;
} AsyncState;

static void
changed_cb (SteadyStore *store,
            const char  *what,
            AsyncState  *state)
{
  /* Delivered on the thread that opened the store. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpstr (what, ==, "order");
  state->changed++;
}

static gboolean
append_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  g_autofree char *previous = steady_store_get_state (store, "order");
  g_autofree char *next = g_strconcat (previous ? previous : "", data, NULL);

  /* The worker is not the main thread. */
  g_assert_false (g_main_context_is_owner (g_main_context_default ()));

  if (!steady_store_set_state (store, "order", next, error))
    return FALSE;

  steady_store_emit_changed (store, "order");

  *result = g_strdup (data);
  return TRUE;
}

static void
append_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *which = steady_store_run_finish (STEADY_STORE (object), result, &error);

  g_assert_no_error (error);
  g_string_append (state->order, which);
  state->pending--;
}

static void
test_async_in_order (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  AsyncState state = { g_string_new (NULL), 0, 0 };
  SteadyStore *store;
  const char *parts[] = { "a", "b", "c", "d", "e" };

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);

  g_main_context_acquire (g_main_context_default ());
  g_signal_connect (store, "changed::order", G_CALLBACK (changed_cb), &state);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      state.pending++;
      steady_store_run_async (store, append_work, g_strdup (parts[i]), g_free, g_free,
                              NULL, append_done_cb, &state);
    }

  /* Fire and forget is allowed too. */
  steady_store_check_async (store, NULL, NULL, NULL);

  while (state.pending > 0 || state.changed < G_N_ELEMENTS (parts))
    g_main_context_iteration (NULL, TRUE);

  g_main_context_release (g_main_context_default ());

  g_assert_cmpstr (state.order->str, ==, "abcde");
  g_assert_cmpuint (state.changed, ==, G_N_ELEMENTS (parts));
  stored = steady_store_get_state (store, "order");
  g_assert_cmpstr (stored, ==, "abcde");

  g_string_free (state.order, TRUE);
  steady_test_close_store (store);
}

/* Every feature's rows, then SQLite's own check: a schema that trips
 * quick_check (as one did, on SQLite 3.40) would show every person a
 * "damaged" page. */
static void
test_sound_with_every_feature (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(SteadyContact) contact = steady_contact_new ();
  const char *emotions[] = { "anxious", "hopeful", NULL };
  const char *triggers[] = { "tired", "lonely", NULL };
  const char *plan[] = { "Call Sam", NULL };
  SteadyStore *store;

  store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);

  steady_journal_entry_set_mood (entry, 6);
  steady_journal_entry_set_craving (entry, 3);
  steady_journal_entry_set_emotions (entry, emotions);
  steady_journal_entry_set_triggers (entry, triggers);
  steady_journal_entry_set_skill (entry, "slow-breathing", 7);
  steady_journal_entry_set_notes (entry, "A note");
  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_true (steady_lessons_save_answer (store, "the-halt-check", "hungry", "Lunch", 10, &error));
  g_assert_true (steady_lessons_set_done (store, "the-halt-check", TRUE, 11, &error));
  steady_contact_set_name (contact, "Sam");
  g_assert_true (steady_contacts_save (store, contact, &error));
  g_assert_true (steady_safety_plan_set_section (store, STEADY_SAFETY_COPING, plan, &error));
  g_assert_no_error (error);

  g_assert_true (steady_store_check (store, &error));
  g_assert_no_error (error);

  steady_test_close_store (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add ("/steady/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create", test_create);
  ADD ("pragmas", test_pragmas);
  ADD ("tightens-modes", test_tightens_modes);
  ADD ("reopen", test_reopen);
  ADD ("migrations-in-order", test_migrations_in_order);
  ADD ("failed-migration", test_failed_migration);
  ADD ("newer-version", test_newer_version);
  ADD ("garbage", test_garbage);
  ADD ("foreign-database", test_foreign_database);
  ADD ("damaged-pages", test_damaged_pages);
  ADD ("read-only", test_read_only);
  ADD ("backups-daily-and-rotated", test_backups_daily_and_rotated);
  ADD ("restore", test_restore);
  ADD ("restore-page-size", test_restore_page_size);
  ADD ("restore-failed-migration", test_restore_failed_migration);
  ADD ("restore-refused-rows", test_restore_refused_rows);
  ADD ("replace-damaged", test_replace_damaged);
  ADD ("async-in-order", test_async_in_order);
  ADD ("sound-with-every-feature", test_sound_with_every_feature);
#undef ADD

  return g_test_run ();
}
