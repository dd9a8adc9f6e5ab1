/* seed-full-export.c: writes the seeds of fuzz-full-import
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: seed-full-export ICS-FILE OUT-DIR
 *
 * Fills a new store through the app's own API (the sessions of ICS-FILE,
 * check-ins, a sober-days start, a lesson answer, a contact, a safety
 * plan, a check-up, a program), exports it in full and writes
 * OUT-DIR/export-512.steady, the export with 512-byte pages instead of
 * 4096 (41 KiB instead of 204: more of each mutation lands in the
 * data), and OUT-DIR/truncated.steady, the export's first 6 KiB. The
 * committed seeds were made with tests/ics/rfc5545.ics.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steady-calendar.h"
#include "steady-checkup.h"
#include "steady-contact.h"
#include "steady-export.h"
#include "steady-help.h"
#include "steady-ics.h"
#include "steady-journal.h"
#include "steady-lessons.h"
#include "steady-sobriety.h"
#include "fuzz-common.h"

#define CHECK(call) G_STMT_START { if (!(call)) g_error ("%s: %s", #call, error->message); } G_STMT_END

static void
fill (SteadyStore *store,
      const char  *ics_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(SteadyIcsPreview) preview = NULL;
  g_autoptr(SteadyJournalEntry) calm = steady_journal_entry_new ();
  g_autoptr(SteadyJournalEntry) lapse = steady_journal_entry_new ();
  g_autoptr(SteadyContact) sponsor = steady_contact_new ();
  g_autoptr(SteadyProgram) program = steady_program_new ();
  g_autoptr(SteadyCheckupResult) result = NULL;
  g_autoptr(GDateTime) morning = g_date_time_new (zone, 2026, 3, 2, 8, 15, 0);
  g_autoptr(GDateTime) night = g_date_time_new (zone, 2026, 3, 7, 23, 59, 0);
  g_autofree char *ics = NULL;
  const char *calm_emotions[] = { "calm", "hopeful", NULL };
  const char *work[] = { "work", NULL };
  const char *lapse_emotions[] = { "ashamed", NULL };
  const char *payday[] = { "payday", "Rent, due \"Friday\"", NULL };
  const char *signs[] = { "Not sleeping", "Skipping group 😔", NULL };
  SteadyCheckupAnswers answers;
  GDate start;
  gsize length;
  guint n_added;

  CHECK (g_file_get_contents (ics_path, &ics, &length, &error));
  CHECK ((preview = steady_ics_parse (store, ics, length, &error)) != NULL);
  CHECK (steady_ics_import (store, preview, &n_added, &error));
  CHECK (steady_calendar_set_attendance (store, 1, "2026-03-02T18:00:00", STEADY_ATTENDANCE_ATTENDED,
                                         night, &error));
  CHECK (steady_calendar_set_reflection (store, 1, "2026-03-02T18:00:00", "Felt heard.",
                                         "Three triggers,\none per line", &error));

  steady_journal_entry_set_at (calm, morning);
  steady_journal_entry_set_mood (calm, 6);
  steady_journal_entry_set_craving (calm, 3);
  steady_journal_entry_set_emotions (calm, calm_emotions);
  steady_journal_entry_set_triggers (calm, work);
  steady_journal_entry_set_skill (calm, "slow-breathing", 7);
  steady_journal_entry_set_sleep_hours (calm, 7.5);
  steady_journal_entry_set_substance_use (calm, STEADY_SUBSTANCE_USE_NONE);
  steady_journal_entry_set_notes (calm, "A good start, \"really\".");
  CHECK (steady_journal_save (store, calm, &error));

  steady_journal_entry_set_at (lapse, night);
  steady_journal_entry_set_mood (lapse, 3);
  steady_journal_entry_set_craving (lapse, 9);
  steady_journal_entry_set_emotions (lapse, lapse_emotions);
  steady_journal_entry_set_triggers (lapse, payday);
  steady_journal_entry_set_skill (lapse, "halt-check", 2);
  steady_journal_entry_set_substance_use (lapse, STEADY_SUBSTANCE_USE_LAPSE);
  steady_journal_entry_set_lapse_what (lapse, "Two beers");
  steady_journal_entry_set_lapse_note (lapse, "Called my sponsor after.");
  CHECK (steady_journal_save (store, lapse, &error));

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_MARCH, 2026);
  CHECK (steady_sobriety_set_start (store, &start, &error));

  steady_program_set_start_date (program, &start);
  steady_program_set_weekly_minutes (program, 9 * 60);
  CHECK (steady_calendar_save_program (store, program, &error));

  CHECK (steady_lessons_save_answer (store, "the-halt-check", "hungry", "Skipped lunch", 1000, &error));
  CHECK (steady_lessons_set_done (store, "the-halt-check", TRUE, 1001, &error));

  steady_contact_set_name (sponsor, "Sam");
  steady_contact_set_role (sponsor, "Sponsor");
  steady_contact_set_phone (sponsor, "+1 555 0100");
  CHECK (steady_contacts_save (store, sponsor, &error));
  CHECK (steady_safety_plan_set_section (store, STEADY_SAFETY_WARNING_SIGNS, signs, &error));

  steady_checkup_answers_init (&answers);
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    answers.answers[i] = i % 4;
  result = steady_checkup_result_new (&answers, night);
  CHECK (steady_checkup_save (store, result, &error));

}

/* The export again, with smaller pages: PRAGMA page_size only takes
 * effect with a VACUUM, outside WAL mode, as an export is. */
static void
repage (const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  sqlite3 *db = NULL;
  gsize length;

  CHECK (g_file_get_contents (from, &data, &length, &error));
  CHECK (g_file_set_contents (to, data, length, &error));

  if (sqlite3_open (to, &db) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA page_size = 512; VACUUM;", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("repage: %s", sqlite3_errmsg (db));
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) export = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *small_path = NULL;
  g_autofree char *cut_path = NULL;
  g_autofree char *data = NULL;
  SteadyStore *store;
  gsize length;

  if (argc != 3)
    g_error ("Usage: %s ICS-FILE OUT-DIR", argv[0]);

  g_setenv ("TZ", "America/New_York", TRUE);
  store = fuzz_open_store ();
  fill (store, argv[1]);

  {
    g_autofree char *dir = g_path_get_dirname (steady_store_get_path (store));

    export_path = g_build_filename (dir, "export.steady", NULL);
  }
  small_path = g_build_filename (argv[2], "export-512.steady", NULL);
  cut_path = g_build_filename (argv[2], "truncated.steady", NULL);
  export = g_file_new_for_path (export_path);
  CHECK (steady_export_full (store, export, NULL, &error));
  repage (export_path, small_path);
  CHECK (steady_export_check_full (export, &error));
  {
    g_autoptr(GFile) small = g_file_new_for_path (small_path);

    CHECK (steady_export_check_full (small, &error));
  }

  CHECK (g_file_get_contents (export_path, &data, &length, &error));
  CHECK (g_file_set_contents (cut_path, data, MIN (length, 6 * 1024), &error));
  g_unlink (export_path);

  return 0;
}
