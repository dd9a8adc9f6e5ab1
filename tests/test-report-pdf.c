/* test-report-pdf.c: the summary for the next session, as a PDF
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-journal.h"
#include "steady-report.h"
#include "steady-report-renderer.h"

/* Drawn on cairo's PDF surface: no display is needed but for the print
 * operation case, which is skipped without one. Set
 * STEADY_TEST_REPORT_DIR to keep the PDFs and look at them. */

#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0
#define A4_WIDTH      595.2756
#define A4_HEIGHT     841.8898

/* Words that appear only in the person's notes */
#define CHECKIN_NOTE_WORDS "pomegranate stand"
#define LAPSE_NOTE_WORDS   "kumquat festival"
#define SESSION_NOTE_WORDS "tangerine metaphor"
#define HOMEWORK_WORDS     "quokka worksheet"

typedef struct
{
  char        *dir;
  SteadyStore *store;
  GDate        from;
  GDate        to;
} Fixture;

static const char * const triggers[] = {
  "stress", "work", "home-alone", "payday", "conflict", "Argument with my landlord, again",
  "ضغط العمل", "Phone 📱 late at night", "hungry", "tired",
};
static const char * const emotions[] = {
  "anxious", "calm", "hopeful", "sad", "frustrated", "grateful", "lonely", "proud",
};
static const char * const skills[] = {
  "urge-surfing", "slow-breathing", "reach-out", "grounding", "halt-check",
};

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = steady_store_default_path ();

  fixture->dir = g_build_filename (g_get_user_cache_dir (), "reports", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->store = steady_store_open (path, &error);
  g_assert_no_error (error);

  g_date_clear (&fixture->from, 1);
  g_date_set_dmy (&fixture->from, 1, G_DATE_MARCH, 2026);
  g_date_clear (&fixture->to, 1);
  g_date_set_dmy (&fixture->to, 31, G_DATE_MARCH, 2026);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  steady_store_close (fixture->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  g_free (fixture->dir);
}

/* The time of check-in @i: unique, so that each row of the table can be
 * found in the text exactly once. */
static void
checkin_time (guint  i,
              int   *hour,
              int   *minute)
{
  static const int hours[] = { 7, 13, 21 };

  *hour = hours[i % G_N_ELEMENTS (hours)];
  *minute = (10 + (int)i) % 60;
}

/* @n check-ins over March, about one a day, some days twice and some
 * days none; one lapse; notes on some. */
static void
add_checkins (SteadyStore *store,
              guint        n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
      g_autoptr(GDateTime) at = NULL;
      guint position = i * 31 / MAX (n, 1);
      /* Every eighth day a second check-in the day before, and a gap */
      int day = 1 + (int)position - (position % 8 == 5 ? 1 : 0);
      const char *entry_triggers[3] = { NULL, };
      const char *entry_emotions[3] = { NULL, };
      int hour, minute;

      checkin_time (i, &hour, &minute);
      at = g_date_time_new_local (2026, 3, day, hour, minute, 0);
      steady_journal_entry_set_at (entry, at);
      steady_journal_entry_set_mood (entry, g_rand_int_range (rand, 3, 9));
      steady_journal_entry_set_craving (entry, i % 9 == 4 ? STEADY_JOURNAL_UNSET : g_rand_int_range (rand, 0, 10));
      steady_journal_entry_set_sleep_hours (entry, 5.5 + g_rand_int_range (rand, 0, 6) * 0.5);

      entry_triggers[0] = triggers[g_rand_int_range (rand, 0, G_N_ELEMENTS (triggers))];
      if (i % 2 == 0)
        entry_triggers[1] = triggers[(i * 7 + 3) % G_N_ELEMENTS (triggers)];
      if (g_strcmp0 (entry_triggers[0], entry_triggers[1]) == 0)
        entry_triggers[1] = NULL;
      steady_journal_entry_set_triggers (entry, entry_triggers);

      entry_emotions[0] = emotions[g_rand_int_range (rand, 0, G_N_ELEMENTS (emotions))];
      steady_journal_entry_set_emotions (entry, entry_emotions);

      if (i % 3 != 2)
        steady_journal_entry_set_skill (entry, skills[i % G_N_ELEMENTS (skills)],
                                        i % 5 == 1 ? STEADY_JOURNAL_UNSET : g_rand_int_range (rand, 3, 11));
      if (i % 4 == 0)
        steady_journal_entry_set_skill (entry, skills[(i + 2) % G_N_ELEMENTS (skills)], g_rand_int_range (rand, 2, 11));

      if (i == n * 13 / 30)
        {
          steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
          steady_journal_entry_set_lapse_what (entry, "Three drinks");
          steady_journal_entry_set_lapse_note (entry, "After the " LAPSE_NOTE_WORDS ". Called Sam the next morning.");
        }
      else
        {
          steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_NONE);
        }

      if (i == 3)
        steady_journal_entry_set_notes (entry, "Walked to the " CHECKIN_NOTE_WORDS " instead of the bar. "
                                               "It helped to have somewhere to go.");
      else if (i % 6 == 1)
        steady_journal_entry_set_notes (entry, "Long day, but I kept to the plan. "
                                               "Emoji 🌱 and עברית and العربية in one note.");

      g_assert_true (steady_journal_save (store, entry, &error));
      g_assert_no_error (error);
    }
}

static void
add_sessions (SteadyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySessionSeries) group = steady_session_series_new ();
  g_autoptr(SteadySessionSeries) individual = steady_session_series_new ();
  g_autoptr(GDate) until = g_date_new_dmy (31, G_DATE_MARCH, 2026);
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 31, 23, 0, 0);
  static const char * const group_days[] = {
    "2026-03-02", "2026-03-04", "2026-03-06", "2026-03-09", "2026-03-11", "2026-03-13",
    "2026-03-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-25", "2026-03-27", "2026-03-30",
  };
  gint64 group_id, individual_id;

  steady_session_series_set_kind (group, STEADY_SESSION_KIND_GROUP_THERAPY);
  steady_session_series_set_title (group, "Evening group");
  steady_session_series_set_tzid (group, "America/New_York");
  steady_session_series_set_start_local (group, "2026-03-02T18:00:00");
  steady_session_series_set_duration (group, 3 * 3600);
  steady_session_series_set_weekly (group, STEADY_WEEKDAY_MONDAY | STEADY_WEEKDAY_WEDNESDAY | STEADY_WEEKDAY_FRIDAY,
                                    0, until);
  g_assert_true (steady_calendar_add_series (store, group, &group_id, &error));

  steady_session_series_set_kind (individual, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY);
  steady_session_series_set_title (individual, "Individual with Dr. Okafor");
  steady_session_series_set_tzid (individual, "America/New_York");
  steady_session_series_set_start_local (individual, "2026-03-03T17:00:00");
  steady_session_series_set_duration (individual, 3600);
  steady_session_series_set_weekly (individual, STEADY_WEEKDAY_TUESDAY, 0, until);
  g_assert_true (steady_calendar_add_series (store, individual, &individual_id, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (group_days); i++)
    {
      g_autofree char *rid = g_strconcat (group_days[i], "T18:00:00", NULL);
      SteadyAttendance attendance = i == 4 ? STEADY_ATTENDANCE_MISSED
                                  : i == 8 ? STEADY_ATTENDANCE_EXCUSED
                                  : STEADY_ATTENDANCE_ATTENDED;

      if (i == 10)
        {
          g_assert_true (steady_calendar_set_cancelled (store, group_id, rid, TRUE, &error));
          continue;
        }
      g_assert_true (steady_calendar_set_attendance (store, group_id, rid, attendance, now, &error));
      g_assert_no_error (error);
    }

  for (int day = 3; day <= 31; day += 7)
    {
      g_autofree char *rid = g_strdup_printf ("2026-03-%02dT17:00:00", day);

      g_assert_true (steady_calendar_set_attendance (store, individual_id, rid, STEADY_ATTENDANCE_ATTENDED, now, &error));
      g_assert_no_error (error);
    }

  g_assert_true (steady_calendar_set_reflection (store, group_id, "2026-03-09T18:00:00",
                                                 "The " SESSION_NOTE_WORDS " about cravings made sense.",
                                                 "Fill in the " HOMEWORK_WORDS " before Wednesday.", &error));
  g_assert_no_error (error);
}

static SteadyReport *
load_report (Fixture  *fixture,
             gboolean  include_notes)
{
  g_autoptr(GError) error = NULL;
  SteadyReport *report = NULL;

  g_assert_true (steady_report_load (fixture->store, &fixture->from, &fixture->to, include_notes, &report, &error));
  g_assert_no_error (error);

  return report;
}

static void
keep_for_looking (const char *path)
{
  const char *dir = g_getenv ("STEADY_TEST_REPORT_DIR");
  g_autofree char *basename = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (dir == NULL)
    return;

  basename = g_path_get_basename (path);
  dest = g_build_filename (dir, basename, NULL);
  from = g_file_new_for_path (path);
  to = g_file_new_for_path (dest);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
}

static char *
write_pdf (Fixture      *fixture,
           SteadyReport *report,
           const char   *name,
           double        width,
           double        height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (width > 0)
    g_assert_true (steady_report_write_pdf_with_size (report, path, width, height, &error));
  else
    g_assert_true (steady_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  /* A PDF, and the person's own: readable by them only */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 5);
  g_assert_true (memcmp (contents, "%PDF-", 5) == 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  keep_for_looking (path);

  return g_steal_pointer (&path);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  g_autofree char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  {
    const char *argv[] = { program, path, "-", NULL };

    /* pdfinfo takes one argument; pdftotext writes to "-" */
    if (g_str_equal (tool, "pdfinfo"))
      argv[2] = NULL;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&out);
}

/* pdfinfo's count, or the page objects cairo wrote */
static int
count_pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *contents = NULL;
  const char *p;
  int n = 0;

  if (info != NULL)
    {
      const char *line = strstr (info, "\nPages:");

      g_assert_nonnull (line);
      return atoi (line + strlen ("\nPages:"));
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (p = strstr (contents, "/Type /Page"); p != NULL; p = strstr (p + 1, "/Type /Page"))
    {
      if (p[strlen ("/Type /Page")] != 's')
        n++;
    }

  return n;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
test_month (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SteadyReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;
  int pages;

  add_checkins (fixture->store, 30);
  add_sessions (fixture->store);
  report = load_report (fixture, FALSE);
  g_assert_cmpuint (report->checkins->len, ==, 30);

  steady_report_get_default_page_size (&width, &height);
  path = write_pdf (fixture, report, "month.pdf", -1, -1);

  /* A month of check-ins does not fit one page, and the file has
   * exactly the pages the layout counts. */
  pages = steady_report_count_pages (report, width, height);
  g_assert_cmpint (pages, >=, 2);
  g_assert_cmpint (count_pdf_pages (path), ==, pages);

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* Every page has the footer and its number */
  g_assert_cmpuint (count_occurrences (text, "Made with Steady."), ==, (guint)pages);
  for (int i = 1; i <= pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("Page %d of %d", i, pages);

      g_assert_nonnull (strstr (text, number));
    }
  g_assert_nonnull (strstr (text, "Summary for My Next Session"));
  g_assert_nonnull (strstr (text, "March 1, 2026 – March 31, 2026"));
  g_assert_nonnull (strstr (text, "Urge surfing"));
  g_assert_nonnull (strstr (text, "Evening group"));
  g_assert_nonnull (strstr (text, "Lapse logged"));

  /* Each check-in is in the table once: none lost or doubled where the
   * table breaks across pages. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *time = NULL;
      int hour, minute;

      checkin_time (i, &hour, &minute);
      time = g_strdup_printf ("%02d:%02d", hour, minute);
      g_assert_cmpuint (count_occurrences (text, time), ==, 1);
    }

  /* No notes unless asked for */
  g_assert_null (strstr (text, CHECKIN_NOTE_WORDS));
  g_assert_null (strstr (text, LAPSE_NOTE_WORDS));
  g_assert_null (strstr (text, "Three drinks"));
  g_assert_null (strstr (text, SESSION_NOTE_WORDS));
  g_assert_null (strstr (text, HOMEWORK_WORDS));
  g_assert_null (strstr (text, "Your notes"));
}

static void
test_month_with_notes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(SteadyReport) without = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;

  add_checkins (fixture->store, 30);
  add_sessions (fixture->store);
  report = load_report (fixture, TRUE);
  without = load_report (fixture, FALSE);

  steady_report_get_default_page_size (&width, &height);
  path = write_pdf (fixture, report, "month-with-notes.pdf", -1, -1);
  g_assert_cmpint (count_pdf_pages (path), ==, steady_report_count_pages (report, width, height));
  g_assert_cmpint (steady_report_count_pages (report, width, height), >=,
                   steady_report_count_pages (without, width, height));

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_assert_nonnull (strstr (text, "Your notes"));
  g_assert_nonnull (strstr (text, CHECKIN_NOTE_WORDS));
  g_assert_nonnull (strstr (text, LAPSE_NOTE_WORDS));
  g_assert_nonnull (strstr (text, "Three drinks"));
  g_assert_nonnull (strstr (text, SESSION_NOTE_WORDS));
  g_assert_nonnull (strstr (text, HOMEWORK_WORDS));
}

static void
test_page_sizes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(SteadyReport) longer = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *a4 = NULL;
  int letter_pages, a4_pages;

  add_checkins (fixture->store, 30);
  add_sessions (fixture->store);
  report = load_report (fixture, FALSE);

  letter = write_pdf (fixture, report, "letter.pdf", LETTER_WIDTH, LETTER_HEIGHT);
  a4 = write_pdf (fixture, report, "a4.pdf", A4_WIDTH, A4_HEIGHT);
  letter_pages = steady_report_count_pages (report, LETTER_WIDTH, LETTER_HEIGHT);
  a4_pages = steady_report_count_pages (report, A4_WIDTH, A4_HEIGHT);
  g_assert_cmpint (count_pdf_pages (letter), ==, letter_pages);
  g_assert_cmpint (count_pdf_pages (a4), ==, a4_pages);

  /* Four times the check-ins: more rows, more pages */
  add_checkins (fixture->store, 90);
  longer = load_report (fixture, FALSE);
  g_assert_cmpuint (longer->checkins->len, ==, 120);
  g_assert_cmpint (steady_report_count_pages (longer, LETTER_WIDTH, LETTER_HEIGHT), >, letter_pages);

  /* Pages exist from 0 to the count, and no further */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);

    g_assert_true (steady_report_render (report, cr, LETTER_WIDTH, LETTER_HEIGHT, 0));
    g_assert_true (steady_report_render (report, cr, LETTER_WIDTH, LETTER_HEIGHT, letter_pages - 1));
    g_assert_false (steady_report_render (report, cr, LETTER_WIDTH, LETTER_HEIGHT, letter_pages));
    g_assert_false (steady_report_render (report, cr, LETTER_WIDTH, LETTER_HEIGHT, -1));
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
test_small (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(SteadyReport) empty = NULL;
  g_autofree char *path = NULL;
  g_autofree char *empty_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);

  /* One check-in, no sessions: one page */
  add_checkins (fixture->store, 3);
  g_date_set_dmy (&fixture->to, 7, G_DATE_MARCH, 2026);
  report = load_report (fixture, FALSE);
  g_assert_cmpuint (report->checkins->len, ==, 1);
  path = write_pdf (fixture, report, "one.pdf", LETTER_WIDTH, LETTER_HEIGHT);
  g_assert_cmpint (steady_report_count_pages (report, LETTER_WIDTH, LETTER_HEIGHT), ==, 1);
  g_assert_cmpint (steady_report_count_pages (report, A4_WIDTH, A4_HEIGHT), ==, 1);
  g_assert_cmpint (count_pdf_pages (path), ==, 1);

  /* Nothing at all: still a calm page that says so */
  g_assert_true (steady_report_load (fixture->store, day, day, FALSE, &empty, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (empty->checkins->len, ==, 0);
  empty_path = write_pdf (fixture, empty, "empty.pdf", A4_WIDTH, A4_HEIGHT);
  g_assert_cmpint (count_pdf_pages (empty_path), ==, 1);
}

static void
test_long_note (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 3, 5, 20, 0, 0);
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(SteadyReport) report = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  int pages;

  /* A 100 KB note breaks across pages, between its lines, in order */
  for (guint i = 0; note->len < 100 * 1024; i++)
    g_string_append_printf (note, "Line %05u of a long note, with a comma and a \"quote\".\n", i);

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, 5);
  steady_journal_entry_set_notes (entry, note->str);
  g_assert_true (steady_journal_save (fixture->store, entry, &error));
  g_assert_no_error (error);

  report = load_report (fixture, TRUE);
  pages = steady_report_count_pages (report, LETTER_WIDTH, LETTER_HEIGHT);
  g_assert_cmpint (pages, >, 20);
  path = write_pdf (fixture, report, "long-note.pdf", LETTER_WIDTH, LETTER_HEIGHT);
  g_assert_cmpint (count_pdf_pages (path), ==, pages);

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  /* Every line once, none cut in two at a page break */
  {
    const char *last = text;

    for (guint i = 0; i < 1800; i += 97)
      {
        g_autofree char *line = g_strdup_printf ("Line %05u of a long note", i);
        const char *found = strstr (text, line);

        g_assert_nonnull (found);
        g_assert_cmpuint (count_occurrences (text, line), ==, 1);
        g_assert_true (found >= last);
        last = found;
      }
  }
}

static void
test_print_operation (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(SteadyReport) counted = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  GtkPrintOperationResult result;
  double width, height;

  if (!gtk_is_initialized ())
    {
      g_test_skip ("No display");
      return;
    }

  add_checkins (fixture->store, 30);
  add_sessions (fixture->store);
  counted = load_report (fixture, FALSE);

  /* GTK's own path to a PDF: begin-print lays out, draw-page draws */
  operation = steady_report_print_operation_new (load_report (fixture, FALSE));
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  steady_report_get_default_page_size (&width, &height);
  g_assert_cmpint (count_pdf_pages (path), ==, steady_report_count_pages (counted, width, height));
  keep_for_looking (path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "America/New_York", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Only the print operation needs a display. */
  gtk_init_check ();

#define ADD(name, func) g_test_add ("/steady/report-pdf/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("month", test_month);
  ADD ("month-with-notes", test_month_with_notes);
  ADD ("page-sizes", test_page_sizes);
  ADD ("small", test_small);
  ADD ("long-note", test_long_note);
  ADD ("print-operation", test_print_operation);
#undef ADD

  return g_test_run ();
}
