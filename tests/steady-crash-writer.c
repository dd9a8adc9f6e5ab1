/* steady-crash-writer.c: saves check-ins in a loop through the real
 * journal API, for test-crash and test-faults
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: steady-crash-writer DB FIRST-SERIAL [COUNT]
 *
 * Saves steady_test_checkin_new (FIRST-SERIAL), the next serial and so on,
 * COUNT of them (0 or none: until killed). After each save has returned
 * success, and only then, writes "saved ID SERIAL" on stdout in one
 * write(), so a line is either whole or absent. A save that fails because
 * another program holds the file writes "busy SERIAL" and is tried again
 * with the same entry. Any other failure ends the program with status 2.
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "steady-test-checkins.h"

static void
report (const char *line)
{
  gsize len = strlen (line);

  /* One write() of a short line to a pipe is atomic. */
  if (write (STDOUT_FILENO, line, len) != (gssize)len)
    g_error ("Could not report: %s", g_strerror (errno));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyStore) store = NULL;
  guint64 first;
  guint64 count = 0;

  if (argc < 3)
    {
      g_printerr ("Usage: %s DB FIRST-SERIAL [COUNT]\n", argv[0]);
      return 1;
    }

  first = g_ascii_strtoull (argv[2], NULL, 10);
  if (argc > 3)
    count = g_ascii_strtoull (argv[3], NULL, 10);

  store = steady_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("steady-crash-writer: %s\n", error->message);
      return 2;
    }

  for (guint64 serial = first; count == 0 || serial < first + count; serial++)
    {
      g_autoptr(SteadyJournalEntry) entry = steady_test_checkin_new (serial);
      g_autofree char *line = NULL;

      while (!steady_journal_save (store, entry, &error))
        {
          if (!g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_BUSY))
            {
              g_printerr ("steady-crash-writer: saving %" G_GUINT64_FORMAT ": %s\n",
                          serial, error->message);
              return 2;
            }

          /* The entry is untouched by a failed save: the same one again. */
          g_assert_cmpint (steady_journal_entry_get_id (entry), ==, 0);
          line = g_strdup_printf ("busy %" G_GUINT64_FORMAT " %s\n", serial, error->message);
          report (line);
          g_clear_pointer (&line, g_free);
          g_clear_error (&error);
        }

      line = g_strdup_printf ("saved %" G_GINT64_FORMAT " %" G_GUINT64_FORMAT "\n",
                              steady_journal_entry_get_id (entry), serial);
      report (line);
    }

  steady_store_close (store);

  return 0;
}
