/* test-export.c: CSV, the full export, deleting everything, the report
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-csv.h"
#include "steady-export.h"
#include "steady-help.h"
#include "steady-journal.h"
#include "steady-lessons.h"
#include "steady-report.h"
#include "steady-sobriety.h"
#include "steady-store-private.h"

typedef struct
{
  char        *dir;
  char        *path;
  SteadyStore *store;
} Fixture;

/* One check-in of the fixture; times are local (TZ is New York, set in
 * main), and the DST change of 8 March 2026 falls between them. */
typedef struct
{
  int         day;
  int         hour;
  int         minute;
  int         mood;
  int         craving;
  const char *emotions[3];
  const char *triggers[3];
  const char *skill;
  int         helped;
  double      sleep;
  gboolean    lapse;
  const char *notes;
} CheckIn;

#define HUNDRED_KB (100 * 1024)

static const CheckIn check_ins[] = {
  { 2, 8, 15, 6, 3, { "calm" }, { "work" }, "slow-breathing", 7, 7.5, FALSE,
    "Commas, everywhere, really" },
  { 3, 21, 40, 4, 8, { "anxious", "lonely" }, { "stress", "home-alone" }, "urge-surfing", 8, -1, FALSE,
    "She said \"no\" and I said \"\"fine\"\"" },
  { 4, 7, 5, STEADY_JOURNAL_UNSET, 2, { NULL }, { NULL }, NULL, 0, 6.25, FALSE,
    "Line one\nLine two\n\nLine four\n" },
  { 5, 12, 0, 5, STEADY_JOURNAL_UNSET, { "sad" }, { "Rent, due \"Friday\"" }, "reach-out", STEADY_JOURNAL_UNSET, -1, FALSE,
    "Windows line\r\nends, and a lone\rCR" },
  { 7, 23, 59, 3, 9, { "ashamed" }, { "payday", "bars-or-parties" }, "halt-check", 2, 4, TRUE,
    "Emoji 🌧️ then ☀️ and 👩🏽‍🤝‍👩🏻 holding hands" },
  { 9, 6, 30, 7, 1, { "hopeful" }, { NULL }, NULL, 0, 8, FALSE,
    "RTL: שלום, עולם — مرحبا بالعالم\u200f, mixed with English" },
  { 10, 19, 45, 8, 0, { "proud", "grateful" }, { "celebrating" }, "grounding", 10, 7, FALSE,
    NULL },
  { 11, 20, 10, 6, 4, { NULL }, { "work" }, "urge-surfing", 6, -1, FALSE,
    "" /* the 100 KB note goes here */ },
};

static GDateTime *
local_time (int month,
            int day,
            int hour,
            int minute)
{
  return g_date_time_new_local (2026, month, day, hour, minute, 0);
}

static char *
make_big_note (void)
{
  GString *note = g_string_new (NULL);

  /* Every awkward thing at once, over and over, past 100 KB. */
  while (note->len < HUNDRED_KB)
    g_string_append_printf (note, "%u: a line with, a comma, a \"quote\", an emoji 🌱 and עברית\r\n",
                            (guint)note->len);

  return g_string_free (note, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own XDG dirs. */
  fixture->path = steady_store_default_path ();
  fixture->dir = g_path_get_dirname (fixture->path);
  fixture->store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
close_store (SteadyStore **store)
{
  if (*store == NULL)
    return;

  steady_store_close (*store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (g_steal_pointer (store));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_store (&fixture->store);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  close_store (&fixture->store);
  fixture->store = steady_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static SteadyJournalEntry *
save_check_in (SteadyStore   *store,
               const CheckIn *check_in,
               const char    *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = local_time (3, check_in->day, check_in->hour, check_in->minute);
  SteadyJournalEntry *entry = steady_journal_entry_new ();

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, check_in->mood);
  steady_journal_entry_set_craving (entry, check_in->craving);
  steady_journal_entry_set_emotions (entry, check_in->emotions);
  steady_journal_entry_set_triggers (entry, check_in->triggers);
  if (check_in->skill != NULL)
    steady_journal_entry_set_skill (entry, check_in->skill, check_in->helped);
  if (check_in->sleep >= 0)
    steady_journal_entry_set_sleep_hours (entry, check_in->sleep);
  if (check_in->lapse)
    {
      steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
      steady_journal_entry_set_lapse_what (entry, "Two beers, at Jo's");
      steady_journal_entry_set_lapse_note (entry, "Payday \"celebration\".\nCalled my sponsor after.");
    }
  else
    {
      steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_NONE);
    }
  steady_journal_entry_set_notes (entry, notes);

  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);

  return entry;
}

/* The fixture's check-ins, saved; returned in time order. */
static GPtrArray *
save_check_ins (SteadyStore *store)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *big = make_big_note ();

  for (guint i = 0; i < G_N_ELEMENTS (check_ins); i++)
    {
      const char *notes = check_ins[i].notes;

      if (notes != NULL && notes[0] == '\0')
        notes = big;
      g_ptr_array_add (entries, save_check_in (store, &check_ins[i], notes));
    }

  return entries;
}

static char *
export_checkins (SteadyStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_export_checkins_csv (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_attendance (SteadyStore *store,
                   GDateTime   *now)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_export_attendance_csv (store, out, now, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static GPtrArray *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = steady_csv_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static const char *
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  GStrv fields;

  g_assert_cmpuint (row, <, rows->len);
  fields = g_ptr_array_index (rows, row);
  g_assert_cmpuint (column, <, g_strv_length (fields));

  return fields[column];
}

/* Every record ends in CRLF, and no LF outside quotes stands alone. */
static void
assert_crlf_only (const char *text)
{
  gboolean quoted = FALSE;

  g_assert_true (g_str_has_suffix (text, "\r\n"));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '\n')
        g_assert_true (p > text && p[-1] == '\r');
      else if (!quoted && *p == '\r')
        g_assert_true (p[1] == '\n');
    }

  g_assert_false (quoted);
}

static void
test_csv_quoting (void)
{
  const char *fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, "cr\r", "  spaced  ", "🌱 עברית" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GStrv row;

  steady_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  steady_csv_append_row (out, fields, 1);
  g_assert_cmpstr (out->str, ==,
                   "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,\"cr\r\",  spaced  ,🌱 עברית\r\n"
                   "plain\r\n");

  rows = parse (out->str);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (g_strv_length (row), ==, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (row[i], ==, fields[i] != NULL ? fields[i] : "");
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 1);

  /* Line ends: LF alone, no final line end, an empty last field */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse ("a,b\nc,");
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (field (rows, 1, 0), ==, "c");
  g_assert_cmpstr (field (rows, 1, 1), ==, "");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = parse ("");
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_csv_parse_errors (void)
{
  const char *bad[] = {
    "a\"b,c\r\n",          /* a quote inside an unquoted field */
    "\"never closed\r\n",
    "\"closed\"then text\r\n",
    "ok\r\n\xff\xfe\r\n",  /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = steady_csv_parse (bad[i], -1, &error);

      g_assert_null (rows);
      g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
    }
}

static void
test_checkins_round_trip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = save_check_ins (fixture->store);
  g_autofree char *text = export_checkins (fixture->store);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *big = make_big_note ();

  assert_crlf_only (text);
  g_assert_cmpuint (strlen (text), >, HUNDRED_KB);

  rows = parse (text);
  g_assert_cmpuint (rows->len, ==, entries->len + 1);

  /* The header */
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, STEADY_EXPORT_CHECKIN_N_COLUMNS);
  g_assert_cmpstr (field (rows, 0, STEADY_EXPORT_CHECKIN_AT), ==, "Date and time");
  g_assert_cmpstr (field (rows, 0, STEADY_EXPORT_CHECKIN_NOTES), ==, "Notes");

  /* Each check-in, field by field, against what was saved */
  for (guint i = 0; i < entries->len; i++)
    {
      const CheckIn *check_in = &check_ins[i];
      SteadyJournalEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) at = local_time (3, check_in->day, check_in->hour, check_in->minute);
      g_autofree char *expected_at = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *expected_mood = check_in->mood < 0 ? g_strdup ("") : g_strdup_printf ("%d", check_in->mood);
      g_autofree char *expected_craving = check_in->craving < 0 ? g_strdup ("") : g_strdup_printf ("%d", check_in->craving);
      const char *expected_notes = check_in->notes == NULL ? "" : check_in->notes[0] == '\0' ? big : check_in->notes;
      guint row = i + 1;

      g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, row)), ==, STEADY_EXPORT_CHECKIN_N_COLUMNS);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_AT), ==, expected_at);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_MOOD), ==, expected_mood);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_CRAVING), ==, expected_craving);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_NOTES), ==, expected_notes);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_SUBSTANCE_USE), ==,
                       check_in->lapse ? "Lapse" : "None");
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_LAPSE_WHAT), ==,
                       check_in->lapse ? "Two beers, at Jo's" : "");
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_CHECKIN_LAPSE_NOTE), ==,
                       check_in->lapse ? "Payday \"celebration\".\nCalled my sponsor after." : "");
      g_assert_cmpint (steady_journal_entry_get_id (entry), >, 0);
    }

  /* Times keep the offset they were lived at, across the DST change. */
  g_assert_cmpstr (field (rows, 1, STEADY_EXPORT_CHECKIN_AT), ==, "2026-03-02T08:15:00-05:00");
  g_assert_cmpstr (field (rows, 7, STEADY_EXPORT_CHECKIN_AT), ==, "2026-03-10T19:45:00-04:00");

  /* Labels, joined; custom words as typed; skills with how they helped */
  g_assert_cmpstr (field (rows, 2, STEADY_EXPORT_CHECKIN_EMOTIONS), ==, "Anxious; Lonely");
  g_assert_cmpstr (field (rows, 2, STEADY_EXPORT_CHECKIN_TRIGGERS), ==, "Stress; Home alone");
  g_assert_cmpstr (field (rows, 2, STEADY_EXPORT_CHECKIN_SKILLS), ==, "Urge surfing (8)");
  g_assert_cmpstr (field (rows, 3, STEADY_EXPORT_CHECKIN_EMOTIONS), ==, "");
  g_assert_cmpstr (field (rows, 3, STEADY_EXPORT_CHECKIN_SKILLS), ==, "");
  g_assert_cmpstr (field (rows, 4, STEADY_EXPORT_CHECKIN_TRIGGERS), ==, "Rent, due \"Friday\"");
  g_assert_cmpstr (field (rows, 4, STEADY_EXPORT_CHECKIN_SKILLS), ==, "Reaching out");
  g_assert_cmpstr (field (rows, 5, STEADY_EXPORT_CHECKIN_TRIGGERS), ==, "Payday or cash; Bars or parties");
  g_assert_cmpstr (field (rows, 7, STEADY_EXPORT_CHECKIN_SKILLS), ==, "Grounding with the senses (10)");

  /* Hours slept: the shortest text that reads back the same */
  g_assert_cmpstr (field (rows, 1, STEADY_EXPORT_CHECKIN_SLEEP), ==, "7.5");
  g_assert_cmpstr (field (rows, 2, STEADY_EXPORT_CHECKIN_SLEEP), ==, "");
  g_assert_cmpstr (field (rows, 3, STEADY_EXPORT_CHECKIN_SLEEP), ==, "6.25");
  g_assert_cmpstr (field (rows, 5, STEADY_EXPORT_CHECKIN_SLEEP), ==, "4");
}

static void
test_checkins_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *text = export_checkins (fixture->store);
  g_autoptr(GPtrArray) rows = parse (text);

  /* Only the header */
  g_assert_cmpuint (rows->len, ==, 1);
  assert_crlf_only (text);
}

static gint64
add_group (SteadyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GDate) until = g_date_new_dmy (27, G_DATE_MARCH, 2026);
  gint64 id = 0;

  steady_session_series_set_kind (series, STEADY_SESSION_KIND_GROUP_THERAPY);
  steady_session_series_set_title (series, "Evening group, room 2");
  steady_session_series_set_tzid (series, "America/New_York");
  steady_session_series_set_start_local (series, "2026-03-02T18:00:00");
  steady_session_series_set_duration (series, 3 * 3600);
  steady_session_series_set_weekly (series,
                                    STEADY_WEEKDAY_MONDAY | STEADY_WEEKDAY_WEDNESDAY | STEADY_WEEKDAY_FRIDAY,
                                    0, until);
  g_assert_true (steady_calendar_add_series (store, series, &id, &error));
  g_assert_no_error (error);

  return id;
}

static gint64
add_individual (SteadyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  gint64 id = 0;

  steady_session_series_set_kind (series, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY);
  steady_session_series_set_title (series, "With Dr. Okafor");
  steady_session_series_set_tzid (series, "America/New_York");
  steady_session_series_set_start_local (series, "2026-03-03T17:00:00");
  steady_session_series_set_duration (series, 3600);
  steady_session_series_set_rrule (series, "FREQ=WEEKLY;COUNT=4");
  g_assert_true (steady_calendar_add_series (store, series, &id, &error));
  g_assert_no_error (error);

  return id;
}

/* The sessions of the fixture's first two weeks, as a person marks them. */
static void
mark_sessions (SteadyStore *store,
               gint64       group,
               gint64       individual,
               GDateTime   *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyOccurrence) friday = NULL;
  g_autoptr(SteadySessionSeries) moved = NULL;

  g_assert_true (steady_calendar_set_attendance (store, group, "2026-03-02T18:00:00", STEADY_ATTENDANCE_ATTENDED, now, &error));
  g_assert_true (steady_calendar_set_reflection (store, group, "2026-03-02T18:00:00",
                                                 "Talked about \"payday\", felt heard,\nand stayed after.",
                                                 "Write three triggers, one per line:\n1.\n2.\n3.", &error));
  g_assert_true (steady_calendar_set_attendance (store, group, "2026-03-04T18:00:00", STEADY_ATTENDANCE_MISSED, now, &error));
  g_assert_true (steady_calendar_set_attendance (store, individual, "2026-03-03T17:00:00", STEADY_ATTENDANCE_ATTENDED, now, &error));
  g_assert_true (steady_calendar_set_attendance (store, individual, "2026-03-10T17:00:00", STEADY_ATTENDANCE_EXCUSED, now, &error));

  /* Friday's group moved to Saturday morning, then attended */
  friday = steady_calendar_get_occurrence (store, group, "2026-03-06T18:00:00", &error);
  g_assert_no_error (error);
  moved = steady_occurrence_dup_fields (friday);
  steady_session_series_set_start_local (moved, "2026-03-07T10:00:00");
  steady_session_series_set_duration (moved, 2 * 3600);
  steady_session_series_set_title (moved, "Saturday make-up group");
  g_assert_true (steady_calendar_modify_occurrence (store, group, "2026-03-06T18:00:00", moved, &error));
  g_assert_true (steady_calendar_set_attendance (store, group, "2026-03-06T18:00:00", STEADY_ATTENDANCE_ATTENDED, now, &error));

  /* After the DST change; a cancelled one with a note; a future note */
  g_assert_true (steady_calendar_set_attendance (store, group, "2026-03-09T18:00:00", STEADY_ATTENDANCE_ATTENDED, now, &error));
  g_assert_true (steady_calendar_set_cancelled (store, group, "2026-03-11T18:00:00", TRUE, &error));
  g_assert_true (steady_calendar_set_reflection (store, group, "2026-03-11T18:00:00", "Snow day ❄️", NULL, &error));
  g_assert_true (steady_calendar_set_reflection (store, group, "2026-03-20T18:00:00", "Ask about the step-down", NULL, &error));
  g_assert_no_error (error);
}

static void
test_attendance_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GDateTime) now = local_time (3, 12, 9, 0);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 group = add_group (fixture->store);
  gint64 individual = add_individual (fixture->store);
  static const struct
  {
    const char *start;
    const char *minutes;
    const char *kind;
    const char *title;
    const char *status;
    const char *note;
    const char *homework;
  } expected[] = {
    { "2026-03-02T18:00:00-05:00", "180", "Group therapy", "Evening group, room 2", "Attended",
      "Talked about \"payday\", felt heard,\nand stayed after.", "Write three triggers, one per line:\n1.\n2.\n3." },
    { "2026-03-03T17:00:00-05:00", "60", "Individual therapy", "With Dr. Okafor", "Attended", "", "" },
    { "2026-03-04T18:00:00-05:00", "180", "Group therapy", "Evening group, room 2", "Missed", "", "" },
    { "2026-03-07T10:00:00-05:00", "120", "Group therapy", "Saturday make-up group", "Attended", "", "" },
    { "2026-03-09T18:00:00-04:00", "180", "Group therapy", "Evening group, room 2", "Attended", "", "" },
    { "2026-03-10T17:00:00-04:00", "60", "Individual therapy", "With Dr. Okafor", "Excused", "", "" },
    { "2026-03-11T18:00:00-04:00", "180", "Group therapy", "Evening group, room 2", "Cancelled", "Snow day ❄️", "" },
  };

  mark_sessions (fixture->store, group, individual, now);

  text = export_attendance (fixture->store, now);
  assert_crlf_only (text);
  rows = parse (text);

  /* The header, then only past sessions with something recorded: not
   * the unmarked ones, not the note for a session still to come. */
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected) + 1);
  g_assert_cmpstr (field (rows, 0, STEADY_EXPORT_SESSION_STATUS), ==, "Attendance");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint row = i + 1;

      g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, row)), ==, STEADY_EXPORT_SESSION_N_COLUMNS);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_START), ==, expected[i].start);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_MINUTES), ==, expected[i].minutes);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_KIND), ==, expected[i].kind);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_TITLE), ==, expected[i].title);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_STATUS), ==, expected[i].status);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_NOTE), ==, expected[i].note);
      g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_HOMEWORK), ==, expected[i].homework);
    }

  /* The same sessions as the calendar itself shows */
  {
    g_autoptr(GDateTime) from = local_time (3, 1, 0, 0);
    g_autoptr(GListModel) occurrences = steady_calendar_list_occurrences (fixture->store, from, now, NULL);
    guint row = 1;

    g_assert_nonnull (occurrences);
    for (guint i = 0; i < g_list_model_get_n_items (occurrences); i++)
      {
        g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (occurrences, i);
        g_autoptr(GDateTime) start = NULL;

        if (steady_occurrence_get_attendance (occurrence) == STEADY_ATTENDANCE_UNMARKED &&
            steady_occurrence_get_note (occurrence)[0] == '\0' &&
            steady_occurrence_get_homework (occurrence)[0] == '\0')
          continue;

        start = g_date_time_new_from_iso8601 (field (rows, row, STEADY_EXPORT_SESSION_START), NULL);
        g_assert_nonnull (start);
        g_assert_cmpint (g_date_time_to_unix (start), ==, steady_occurrence_get_start_unix (occurrence));
        g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_TITLE), ==, steady_occurrence_get_title (occurrence));
        g_assert_cmpstr (field (rows, row, STEADY_EXPORT_SESSION_KIND), ==,
                         steady_session_kind_get_label (steady_occurrence_get_kind (occurrence)));
        row++;
      }
    g_assert_cmpuint (row, ==, rows->len);
  }

  /* Later, the future note's session has started: it is in. */
  {
    g_autoptr(GDateTime) later = local_time (3, 21, 9, 0);
    g_autofree char *later_text = export_attendance (fixture->store, later);
    g_autoptr(GPtrArray) later_rows = parse (later_text);

    g_assert_cmpuint (later_rows->len, ==, G_N_ELEMENTS (expected) + 2);
    g_assert_cmpstr (field (later_rows, later_rows->len - 1, STEADY_EXPORT_SESSION_NOTE), ==,
                     "Ask about the step-down");
    g_assert_cmpstr (field (later_rows, later_rows->len - 1, STEADY_EXPORT_SESSION_STATUS), ==,
                     "Not marked");
  }
}

static char *
export_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_home_dir (), "Documents", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return g_build_filename (dir, "My Steady data.db", NULL);
}

static void
assert_dir_has (const char *path,
                guint       n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_files);
}

/* The private copy a full export is made from must not stay behind. */
static void
assert_no_export_copy (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "steady-export-"));
}

static int
read_pragma (const char *path,
             const char *pragma)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strconcat ("PRAGMA ", pragma, NULL);
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
exec_on (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Everything the person keeps, as text, to compare before and after. */
static char *
snapshot (SteadyStore *store)
{
  g_autoptr(GDateTime) now = local_time (3, 31, 12, 0);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GListModel) series = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checkins = export_checkins (store);
  g_autofree char *attendance = export_attendance (store, now);
  g_autofree char *answer = NULL;
  g_auto(GStrv) coping = NULL;

  g_string_append_printf (out, "check-ins: %u\n%s\nattendance:\n%s\n",
                          steady_journal_count (store), checkins, attendance);

  answer = steady_lessons_get_answer (store, "money-basics", "where");
  g_string_append_printf (out, "answer: %s; state %d\n", answer ? answer : "(none)",
                          steady_lessons_get_state (store, "money-basics"));

  contacts = steady_contacts_list (store);
  for (guint i = 0; i < contacts->len; i++)
    {
      SteadyContact *contact = g_ptr_array_index (contacts, i);

      g_string_append_printf (out, "contact: %s | %s | %s | %s\n",
                              steady_contact_get_name (contact),
                              steady_contact_get_role (contact),
                              steady_contact_get_phone (contact),
                              steady_contact_get_notes (contact));
    }

  coping = steady_safety_plan_get_section (store, STEADY_SAFETY_COPING);
  for (guint i = 0; coping != NULL && coping[i] != NULL; i++)
    g_string_append_printf (out, "coping: %s\n", coping[i]);

  series = steady_calendar_list_series (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (series); i++)
    {
      g_autoptr(SteadySessionSeries) item = g_list_model_get_item (series, i);

      g_string_append_printf (out, "series: %s | %s | %s | %s | %" G_GINT64_FORMAT " | %s\n",
                              steady_session_series_get_uid (item),
                              steady_session_series_get_title (item),
                              steady_session_series_get_tzid (item),
                              steady_session_series_get_start_local (item),
                              steady_session_series_get_duration (item),
                              steady_session_series_get_rrule (item));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fill_store (SteadyStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = save_check_ins (store);
  g_autoptr(SteadyContact) sponsor = steady_contact_new ();
  g_autoptr(GDateTime) now = local_time (3, 12, 9, 0);
  const char * const coping[] = { "Walk round the block", "Call Sam, even at 2 a.m.", NULL };
  GDate sober;

  mark_sessions (store, add_group (store), add_individual (store), now);

  g_assert_true (steady_lessons_save_answer (store, "money-basics", "where", "Rent, then \"the rest\"\nand 🌱", 1, &error));
  g_assert_true (steady_lessons_set_done (store, "money-basics", TRUE, 2, &error));

  steady_contact_set_name (sponsor, "Sam, my sponsor");
  steady_contact_set_role (sponsor, "Sponsor");
  steady_contact_set_phone (sponsor, "+1 555 0100");
  steady_contact_set_notes (sponsor, "Any time.\nReally.");
  g_assert_true (steady_contacts_save (store, sponsor, &error));

  g_assert_true (steady_safety_plan_set_section (store, STEADY_SAFETY_COPING, coping, &error));

  g_date_clear (&sober, 1);
  g_date_set_dmy (&sober, 8, G_DATE_MARCH, 2026);
  g_assert_true (steady_sobriety_set_start (store, &sober, &error));
  g_assert_no_error (error);
}

static void
test_full_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = export_path ();
  g_autofree char *dest_dir = g_path_get_dirname (dest_path);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_store (fixture->store);
  before = snapshot (fixture->store);

  /* An old file there is replaced. */
  g_assert_true (g_file_set_contents (dest_path, "old", -1, NULL));

  g_assert_true (steady_export_full (fixture->store, dest, NULL, &error));
  g_assert_no_error (error);

  /* One self-contained file, the person's only, nothing left beside it,
   * in Steady's own format */
  assert_dir_has (dest_dir, 1);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (dest_path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  g_assert_true (steady_export_check_full (dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read_pragma (dest_path, "application_id"), ==, STEADY_STORE_APPLICATION_ID);
  g_assert_cmpint (read_pragma (dest_path, "user_version"), ==, steady_store_get_latest_version ());
  /* No temporary copy left in Steady's folder either */
  assert_no_export_copy (fixture->dir);

  /* Everything goes... */
  close_store (&fixture->store);
  g_assert_true (steady_export_delete_all (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));

  /* ...and comes back from the export, the same. The folder went too;
   * opening a store would make it again, as the GUI does. */
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  g_assert_true (steady_store_replace_with_backup (fixture->path, dest_path, now, &error));
  g_assert_no_error (error);
  reopen (fixture);
  after = snapshot (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "Rent, then \"the rest\"\nand 🌱"));
  g_assert_nonnull (strstr (after, "Sam, my sponsor"));
  g_assert_nonnull (strstr (after, "Evening group, room 2"));

  /* The export is untouched by the restore. */
  g_assert_true (steady_export_check_full (dest, &error));
  g_assert_no_error (error);
}

static void
test_full_restore_into_open_store (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest_path = export_path ();
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GFile) copy_file = NULL;

  fill_store (fixture->store);
  before = snapshot (fixture->store);
  g_assert_true (steady_export_full (fixture->store, dest, NULL, &error));
  g_assert_no_error (error);

  /* The person deletes a check-in, then takes the export back the way
   * the GUI does: copied into Steady's folder, checked, restored. */
  g_assert_true (steady_journal_delete (fixture->store, 1, &error));
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, G_N_ELEMENTS (check_ins) - 1);

  copy = g_build_filename (fixture->dir, "import.db", NULL);
  copy_file = g_file_new_for_path (copy);
  g_assert_true (g_file_copy (dest, copy_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_true (steady_export_check_full (copy_file, &error));
  g_assert_true (steady_store_restore_backup (fixture->store, copy, now, &error));
  g_assert_no_error (error);

  after = snapshot (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = save_check_ins (fixture->store);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *dest_path = export_path ();
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autofree char *sync_text = export_checkins (fixture->store);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  /* The same bytes as the synchronous export, made on the worker */
  steady_export_checkins_csv_async (fixture->store, out, NULL, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (steady_export_checkins_csv_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), ==, sync_text);
  g_clear_object (&result);

  steady_export_full_async (fixture->store, dest, NULL, export_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (steady_export_full_finish (fixture->store, result, &error));
  g_assert_no_error (error);
  g_assert_true (steady_export_check_full (dest, &error));
  g_clear_object (&result);

  /* Cancelled before it starts: nothing is written, it says so. */
  g_assert_true (g_file_delete (dest, NULL, NULL));
  g_cancellable_cancel (cancelled);
  g_assert_false (steady_export_full (fixture->store, dest, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (dest, NULL));

  g_clear_object (&out);
  out = g_memory_output_stream_new_resizable ();
  g_assert_false (steady_export_checkins_csv (fixture->store, out, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_no_export_copy (fixture->dir);
}

static void
test_full_refuses_own_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) own = g_file_new_for_path (fixture->path);

  g_assert_false (steady_export_full (fixture->store, own, NULL, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2026, 3, 2, 12, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_utc (2026, 3, 3, 12, 0, 0);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  const char *leftovers[] = { "-wal", "-shm", "-journal", ".restoring", ".damaged-20260301-120000",
                              ".damaged-20260301-120000-wal" };
  g_autoptr(GPtrArray) entries = save_check_ins (fixture->store);

  first = steady_store_backup (fixture->store, monday, NULL, &error);
  second = steady_store_backup (fixture->store, tuesday, "before-restore", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  close_store (&fixture->store);

  /* What a crash or a restore can leave beside the database */
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_strconcat (fixture->path, leftovers[i], NULL);

      g_assert_true (g_file_set_contents (path, "Payday \"celebration\"", -1, NULL));
    }
  {
    g_autofree char *tmp = g_build_filename (backups, "steady-20260304-120000.db.tmp", NULL);
    g_autofree char *export_tmp = g_build_filename (fixture->dir, "steady-export-AbC123.db", NULL);

    g_assert_true (g_file_set_contents (tmp, "half a backup", -1, NULL));
    g_assert_true (g_file_set_contents (export_tmp, "half an export", -1, NULL));
  }

  g_assert_true (steady_export_delete_all (fixture->path, &error));
  g_assert_no_error (error);

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *path = g_strconcat (fixture->path, leftovers[i], NULL);

      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));

  /* Nothing there: nothing to do, no error. */
  g_assert_true (steady_export_delete_all (fixture->path, &error));
  g_assert_no_error (error);

  /* A fresh start afterwards is empty. */
  reopen (fixture);
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 0);
}

static void
test_delete_all_keeps_others (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "not-steady.txt", NULL);

  g_assert_true (g_file_set_contents (other, "someone else's", -1, NULL));
  close_store (&fixture->store);

  g_assert_true (steady_export_delete_all (fixture->path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* Not ours: it stays, and so does its folder. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  assert_dir_has (fixture->dir, 1);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (steady_export_check_full (file, &error));
  g_assert_error (error, STEADY_STORE_ERROR, code);
}

static void
test_check_full_refuses (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "check", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *other_app = g_build_filename (dir, "other-app.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.db", NULL);
  g_autofree char *newer_sql = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/steady.db");
  g_autoptr(GPtrArray) entries = save_check_ins (fixture->store);
  gsize len;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (steady_export_full (fixture->store, good_file, NULL, &error));
  g_assert_true (steady_export_check_full (good_file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (garbage, "Date and time,Mood\r\n2026-03-02,6\r\n", -1, NULL));
  assert_refused (garbage, STEADY_STORE_ERROR_CORRUPT);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, STEADY_STORE_ERROR_NOT_STEADY);

  exec_on (foreign, "CREATE TABLE t (x); PRAGMA user_version = 1;");
  assert_refused (foreign, STEADY_STORE_ERROR_NOT_STEADY);

  exec_on (other_app, "PRAGMA application_id = 1234; CREATE TABLE t (x); PRAGMA user_version = 1;");
  assert_refused (other_app, STEADY_STORE_ERROR_NOT_STEADY);

  /* From a newer Steady: refused, and left as it was */
  g_assert_true (g_file_get_contents (good, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (newer, contents, len, NULL));
  newer_sql = g_strdup_printf ("PRAGMA user_version = %d;", steady_store_get_latest_version () + 1);
  exec_on (newer, newer_sql);
  assert_refused (newer, STEADY_STORE_ERROR_NEWER_VERSION);

  /* Cut short in a copy */
  g_assert_true (g_file_set_contents (truncated, contents, len * 2 / 3, NULL));
  assert_refused (truncated, STEADY_STORE_ERROR_CORRUPT);

  assert_refused ("/nonexistent/steady.db", STEADY_STORE_ERROR_NOT_FOUND);
  g_assert_false (steady_export_check_full (missing, NULL));
}

static const SteadyReportCheckin *
report_checkin (SteadyReport *report,
                guint         i)
{
  g_assert_cmpuint (i, <, report->checkins->len);

  return g_ptr_array_index (report->checkins, i);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(SteadyReport) with_notes = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  g_autoptr(GDate) to = g_date_new_dmy (15, G_DATE_MARCH, 2026);
  g_autoptr(GDate) year_on = g_date_new_dmy (3, G_DATE_MARCH, 2027);
  const SteadyJournalCount *top;
  const SteadyJournalSkillStat *skill;
  const SteadyReportSession *session;

  fill_store (fixture->store);

  /* By default: no free text of the person's at all */
  g_assert_true (steady_report_load (fixture->store, from, to, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_false (report->include_notes);
  g_assert_cmpuint (report->checkins->len, ==, G_N_ELEMENTS (check_ins));
  for (guint i = 0; i < report->checkins->len; i++)
    {
      const SteadyReportCheckin *checkin = report_checkin (report, i);

      g_assert_null (checkin->notes);
      g_assert_null (checkin->lapse_what);
      g_assert_null (checkin->lapse_note);
    }
  for (guint i = 0; i < report->sessions->len; i++)
    {
      session = g_ptr_array_index (report->sessions, i);
      g_assert_null (session->note);
      g_assert_null (session->homework);
    }

  /* What it does hold */
  g_assert_cmpuint (report->days->len, ==, 14);
  g_assert_cmpuint (report->n_days_checked_in, ==, G_N_ELEMENTS (check_ins));
  g_assert_cmpuint (report->n_lapses, ==, 1);
  g_assert_cmpint (report->craving_peak, ==, 9);
  g_assert_cmpfloat_with_epsilon (report->mood, (6 + 4 + 5 + 3 + 7 + 8 + 6) / 7.0, 1e-9);
  g_assert_true (report_checkin (report, 4)->lapse);
  g_assert_cmpstr (report_checkin (report, 1)->triggers[0], ==, "Stress");
  g_assert_cmpstr (report_checkin (report, 1)->emotions[1], ==, "Lonely");

  top = g_ptr_array_index (report->top_triggers, 0);
  g_assert_cmpstr (top->label, ==, "Work");
  g_assert_cmpuint (top->count, ==, 2);

  /* Urge surfing twice (8 and 6): 7 on average; grounding once, 10 */
  skill = g_ptr_array_index (report->skills, 0);
  g_assert_cmpstr (skill->name, ==, "Grounding with the senses");
  skill = g_ptr_array_index (report->skills, 1);
  g_assert_cmpstr (skill->name, ==, "Urge surfing");
  g_assert_cmpuint (skill->n_used, ==, 2);
  g_assert_cmpfloat_with_epsilon (skill->helped, 7.0, 1e-9);
  skill = g_ptr_array_index (report->skills, report->skills->len - 1);
  g_assert_cmpstr (skill->name, ==, "Reaching out");
  g_assert_cmpfloat (skill->helped, ==, -1);

  /* Two weeks of sessions: group M/W/F and one individual a week */
  g_assert_cmpuint (report->sessions->len, ==, 8);
  session = g_ptr_array_index (report->sessions, 0);
  g_assert_cmpstr (session->title, ==, "Evening group, room 2");
  g_assert_cmpint (session->attendance, ==, STEADY_ATTENDANCE_ATTENDED);
  g_assert_cmpuint (report->attendance.n_attended, ==, 4);
  g_assert_cmpuint (report->attendance.n_missed, ==, 1);
  g_assert_cmpuint (report->attendance.n_excused, ==, 1);
  g_assert_cmpint (report->attended_seconds, ==, (3 + 1 + 2 + 3) * 3600);
  g_assert_cmpuint (report->weeks->len, ==, 2);
  g_assert_cmpint (g_array_index (report->weeks, SteadyWeekHours, 0).attended_seconds, ==, (3 + 1 + 2) * 3600);
  g_assert_cmpuint (g_array_index (report->weeks, SteadyWeekHours, 0).required_minutes, ==, 9 * 60);

  /* Asked for: the notes are there, all of them */
  g_assert_true (steady_report_load (fixture->store, from, to, TRUE, &with_notes, &error));
  g_assert_no_error (error);
  g_assert_true (with_notes->include_notes);
  g_assert_cmpstr (report_checkin (with_notes, 0)->notes, ==, check_ins[0].notes);
  g_assert_cmpstr (report_checkin (with_notes, 4)->lapse_what, ==, "Two beers, at Jo's");
  g_assert_cmpuint (strlen (report_checkin (with_notes, 7)->notes), >=, HUNDRED_KB);
  session = g_ptr_array_index (with_notes->sessions, 0);
  g_assert_cmpstr (session->homework, ==, "Write three triggers, one per line:\n1.\n2.\n3.");

  /* Backwards or longer than a year: refused */
  g_assert_false (steady_report_load (fixture->store, to, from, FALSE, &report, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_report_load (fixture->store, from, year_on, FALSE, &report, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_report_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);

  g_assert_true (steady_report_load (fixture->store, day, day, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->days->len, ==, 1);
  g_assert_cmpuint (report->checkins->len, ==, 0);
  g_assert_cmpfloat (report->mood, ==, -1);
  g_assert_cmpint (report->craving_peak, ==, -1);
  g_assert_cmpfloat (report->attendance.rate, ==, -1);
  g_assert_cmpuint (report->weeks->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* A zone with DST, so that offsets in the export are worth checking */
  g_setenv ("TZ", "America/New_York", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/steady/export/csv-quoting", test_csv_quoting);
  g_test_add_func ("/steady/export/csv-parse-errors", test_csv_parse_errors);

#define ADD(name, func) g_test_add ("/steady/export/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("checkins-round-trip", test_checkins_round_trip);
  ADD ("checkins-empty", test_checkins_empty);
  ADD ("attendance", test_attendance_csv);
  ADD ("full-round-trip", test_full_round_trip);
  ADD ("full-restore-into-open-store", test_full_restore_into_open_store);
  ADD ("full-refuses-own-file", test_full_refuses_own_file);
  ADD ("async", test_async);
  ADD ("delete-all", test_delete_all);
  ADD ("delete-all-keeps-others", test_delete_all_keeps_others);
  ADD ("check-full-refuses", test_check_full_refuses);
  ADD ("report", test_report);
  ADD ("report-empty", test_report_empty);
#undef ADD

  return g_test_run ();
}
