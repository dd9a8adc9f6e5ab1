/* test-crash.c: no saved check-in is lost when Steady is killed
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * steady-crash-writer saves check-ins in a loop and reports each one
 * after its save returned. This test kills it with SIGKILL at random
 * moments (while it starts, migrates, writes, commits) over and over on
 * the same, growing database, and after every kill checks the file with
 * SQLite's integrity_check, that every reported check-in is there whole,
 * that no half check-in is, and that Steady opens the file as usual.
 *
 * Reproduce a failure with the seed it printed:
 *   STEADY_TEST_SEED=1234 meson test -C build test-crash
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>

#include "steady-store-private.h"
#include "steady-test-checkins.h"

#define N_KILLS 120

/* Every row is read back after this many kills (and after the last);
 * between those, what this run reported and every newer row. */
#define FULL_CHECK_EVERY 20

static void
read_into (GInputStream *stream,
           GString      *out,
           gboolean      one_line)
{
  char buf[4096];
  gssize n;

  while ((n = g_input_stream_read (stream, buf, sizeof buf, NULL, NULL)) > 0)
    {
      g_string_append_len (out, buf, n);
      if (one_line && memchr (buf, '\n', n) != NULL)
        return;
    }

  g_assert_cmpint (n, ==, 0);
}

/* Whole lines only: a line without its newline was never reported. */
static guint
parse_saved (const char *out,
             GHashTable *saved,
             GHashTable *this_run)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      gint64 id;
      guint64 serial;

      g_assert_cmpint (sscanf (lines[i], "saved %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT, &id, &serial), ==, 2);
      g_assert_false (g_hash_table_contains (saved, &id));
      g_hash_table_insert (saved, g_memdup2 (&id, sizeof id), g_memdup2 (&serial, sizeof serial));
      g_hash_table_insert (this_run, g_memdup2 (&id, sizeof id), g_memdup2 (&serial, sizeof serial));
      n++;
    }

  return n;
}

/* The writer is always killed, so it never reports leaks: the full stacks
 * that CI asks of AddressSanitizer (for leak suppressions) would only
 * slow it down there. */
static GSubprocessLauncher *
writer_launcher_new (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  const char *asan = g_getenv ("ASAN_OPTIONS");

  if (asan != NULL)
    {
      g_autofree char *options = g_strconcat (asan, ":fast_unwind_on_malloc=1:detect_leaks=0", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", options, TRUE);
    }

  return launcher;
}

static gint64
max_id (SteadyStore *store)
{
  sqlite3_stmt *stmt = steady_store_prepare (store, steady_store_get_reader (store),
                                             "SELECT ifnull (max (id), 0) FROM journal_entries", NULL);
  gint64 id;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static guint
check_after_kill (const char *path,
                  GHashTable *saved,
                  GHashTable *this_run,
                  gboolean    full,
                  gint64     *checked_id)
{
  g_autoptr(GError) error = NULL;
  SteadyStore *store;
  guint n_rows;

  /* Killed before it made the file (in exec, under a slow sanitizer): then
   * nothing can have been reported saved. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpuint (g_hash_table_size (saved), ==, 0);
      return 0;
    }

  steady_test_assert_integrity (path);

  store = steady_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (steady_store_check (store, &error));
  g_assert_no_error (error);

  if (full)
    n_rows = steady_test_assert_all_checkins (store, saved);
  else
    n_rows = steady_test_assert_checkins (store, this_run, *checked_id);
  *checked_id = max_id (store);

  steady_store_close (store);
  g_assert_finalize_object (store);

  return n_rows;
}

static void
test_sigkill (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "steady", "steady.db", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "steady-crash-writer", NULL);
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const char *seed_env = g_getenv ("STEADY_TEST_SEED");
  guint32 seed = seed_env != NULL ? (guint32)g_ascii_strtoull (seed_env, NULL, 10) : g_random_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GSubprocessLauncher) launcher = writer_launcher_new ();
  guint n_early = 0;
  guint n_rows = 0;
  gint64 checked_id = 0;

  g_test_message ("seed %u (STEADY_TEST_SEED=%u reproduces this run)", seed, seed);
  g_printerr ("test-crash: seed %u\n", seed);

  for (guint kill = 0; kill < N_KILLS; kill++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GHashTable) this_run = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_autofree char *first = g_strdup_printf ("%u", kill * 1000000 + 1);
      GInputStream *stdout_pipe;
      guint before = g_hash_table_size (saved);

      child = g_subprocess_launcher_spawn (launcher, &error, writer, path, first, NULL);
      g_assert_no_error (error);
      stdout_pipe = g_subprocess_get_stdout_pipe (child);

      /* One kill in four from the start: in exec, open, migration or the
       * first save. The others once saves are under way, a few ms in. */
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_usleep (g_rand_int_range (rand, 0, 40000));
          n_early++;
        }
      else
        {
          read_into (stdout_pipe, out, TRUE);
          g_usleep (g_rand_int_range (rand, 0, 8000));
        }

      g_subprocess_send_signal (child, SIGKILL);
      read_into (stdout_pipe, out, FALSE);
      g_assert_true (g_subprocess_wait (child, NULL, &error));
      g_assert_no_error (error);

      /* Killed, not dead of its own accord (the writer never stops). */
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      parse_saved (out->str, saved, this_run);
      n_rows = check_after_kill (path, saved, this_run,
                                 (kill + 1) % FULL_CHECK_EVERY == 0 || kill + 1 == N_KILLS,
                                 &checked_id);

      /* Unreported rows are saves that committed just before the kill. */
      g_assert_cmpuint (n_rows, >=, g_hash_table_size (saved));
      g_debug ("kill %u: %u saved this time, %u rows", kill, g_hash_table_size (saved) - before, n_rows);
    }

  g_test_message ("%u kills (%u early), %u check-ins reported saved, %u rows, none lost",
                  N_KILLS, n_early, g_hash_table_size (saved), n_rows);
  g_printerr ("test-crash: %u kills (%u early), %u check-ins reported saved, %u rows, none lost\n",
              N_KILLS, n_early, g_hash_table_size (saved), n_rows);

  /* The kills did land among saves, not only before them. */
  g_assert_cmpuint (g_hash_table_size (saved), >=, N_KILLS / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/crash/sigkill", test_sigkill);

  return g_test_run ();
}
