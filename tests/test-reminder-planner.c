/* test-reminder-planner.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "steady-calendar.h"
#include "steady-checkup.h"
#include "steady-journal.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-reminder-planner.h"
#include "steady-store-private.h"
#include "steady-test-store.h"

/* This program runs in several time zones (TZ is set by meson). The
 * clock is fixed by each test; local times in expectations are worked
 * out with the C library's mktime()/localtime_r(), not with GLib, which
 * the planner uses. Series are created in the process' zone (TZ). */

typedef struct
{
  char        *path;
  SteadyStore *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->path = steady_test_store_path ("steady.db");
  fixture->store = steady_test_open_store (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  close_and_unref (g_steal_pointer (&fixture->store));
  g_free (fixture->path);
}

/* Time helpers, with the C library */

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new_from_unix_utc (local_unix (year, month, day, hour, minute));
}

static void
to_tm (gint64     t,
       struct tm *out)
{
  time_t tt = (time_t)t;

  localtime_r (&tt, out);
}

static char *
local_text (gint64 t)
{
  struct tm tm;
  char text[32];

  to_tm (t, &tm);
  strftime (text, sizeof text, "%Y-%m-%d %H:%M", &tm);

  return g_strdup (text);
}

static long
utc_offset_at_noon (int year,
                    int month,
                    int day)
{
  struct tm tm;

  to_tm (local_unix (year, month, day, 12, 0), &tm);

  return tm.tm_gmtoff;
}

/* The local day in @month of @year on which the UTC offset changes, or
 * 0 when it does not (a zone without DST). */
static int
dst_change_day (int year,
                int month)
{
  /* mktime() takes day 0 as the last day of the month before */
  for (int day = 1; day <= 31; day++)
    if (g_date_valid_dmy (day, month, year) &&
        utc_offset_at_noon (year, month, day) != utc_offset_at_noon (year, month, day - 1))
      return day;

  return 0;
}

static const char *
zone_id (void)
{
  return g_getenv ("TZ");
}

/* Settings with nothing on, quiet hours off, discreet */
static void
quiet_settings (SteadyReminderSettings *settings)
{
  steady_reminder_settings_init (settings);
  for (guint kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
    steady_reminder_settings_set_leads (settings, kind, 0, 0, 0);
  settings->checkin_enabled = FALSE;
  settings->reflection_enabled = FALSE;
  settings->practice_enabled = FALSE;
  settings->nudge_days = 0;
  settings->quiet_enabled = FALSE;
}

static GPtrArray *
plan (SteadyStore                  *store,
      const SteadyReminderSettings *settings,
      GDateTime                    *now,
      GDateTime                    *last_run,
      GDateTime                   **out_next)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) next = NULL;
  GPtrArray *due = NULL;

  g_assert_true (steady_reminder_plan (store, settings, now, last_run, &due, &next, &error));
  g_assert_no_error (error);
  g_assert_nonnull (due);
  g_assert_cmpuint (due->len, <=, 1);

  if (settings->enabled)
    {
      g_assert_nonnull (next);
      g_assert_cmpint (g_date_time_compare (next, now), >, 0);
    }

  if (out_next != NULL)
    *out_next = g_steal_pointer (&next);

  return due;
}

/* The one reminder due between @last_run and @now, or NULL */
static SteadyReminder *
plan_one (SteadyStore                  *store,
          const SteadyReminderSettings *settings,
          GDateTime                    *now,
          GDateTime                    *last_run)
{
  g_autoptr(GPtrArray) due = plan (store, settings, now, last_run, NULL);

  if (due->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (due, 0));
}

static void
mark_fired (SteadyStore    *store,
            SteadyReminder *reminder,
            GDateTime      *now)
{
  g_autoptr(GError) error = NULL;
  gboolean claimed = FALSE;

  g_assert_true (steady_reminder_mark_fired (store, reminder, now, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
}

static gint64
add_series (SteadyStore       *store,
            SteadySessionKind  kind,
            const char        *title,
            const char        *location,
            const char        *start_local,
            gint64             duration,
            const char        *rrule)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  steady_session_series_set_kind (series, kind);
  steady_session_series_set_title (series, title);
  steady_session_series_set_location (series, location);
  steady_session_series_set_tzid (series, zone_id ());
  steady_session_series_set_start_local (series, start_local);
  steady_session_series_set_duration (series, duration);
  steady_session_series_set_rrule (series, rrule);

  g_assert_true (steady_calendar_add_series (store, series, &id, &error));
  g_assert_no_error (error);

  return id;
}

static void
add_checkin (SteadyStore *store,
             GDateTime   *at)
{
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, 6);
  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
}

static gboolean
strv_has (GStrv       keys,
          const char *key)
{
  return g_strv_contains ((const char * const *)keys, key);
}

static gboolean
strv_has_prefix (GStrv       keys,
                 const char *prefix)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], prefix))
      return TRUE;

  return FALSE;
}

static void
assert_local_time (GDateTime *t,
                   int        hour,
                   int        minute)
{
  struct tm tm;

  to_tm (g_date_time_to_unix (t), &tm);
  g_assert_cmpint (tm.tm_hour, ==, hour);
  g_assert_cmpint (tm.tm_min, ==, minute);
}

/* The fired table */

static void
test_fired_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = local (2026, 4, 13, 12, 0);
  g_autoptr(SteadyReminder) reminder = steady_reminder_new (STEADY_REMINDER_KIND_CHECKIN,
                                                            "checkin:2026-04-13", now);
  g_autoptr(GError) error = NULL;
  SteadyStore *second;
  gboolean claimed = TRUE;

  g_assert_cmpint (steady_store_get_schema_version (fixture->store), >=, 6);
  g_assert_false (steady_reminder_is_fired (fixture->store, "checkin:2026-04-13"));

  /* A second instance on the same file loses the race. */
  second = steady_test_open_store (fixture->path);
  mark_fired (fixture->store, reminder, now);
  g_assert_true (steady_reminder_mark_fired (second, reminder, now, &claimed, &error));
  g_assert_no_error (error);
  g_assert_false (claimed);
  close_and_unref (second);

  /* And so does the same one, again. */
  g_assert_true (steady_reminder_mark_fired (fixture->store, reminder, now, &claimed, &error));
  g_assert_false (claimed);
  g_assert_true (steady_reminder_is_fired (fixture->store, "checkin:2026-04-13"));

  /* Covered keys are recorded with it. */
  {
    g_autoptr(SteadyReminder) summary = steady_reminder_new (STEADY_REMINDER_KIND_AWAY_SUMMARY, "away:1", now);

    steady_reminder_add_covered_key (summary, "nudge:2026-04-13");
    steady_reminder_add_covered_key (summary, "checkin:2026-04-13");
    mark_fired (fixture->store, summary, now);
    g_assert_true (steady_reminder_is_fired (fixture->store, "nudge:2026-04-13"));
  }
}

static void
test_fired_async_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  int *state = user_data;
  g_autoptr(GError) error = NULL;
  gboolean claimed = FALSE;

  if (*state == 0)
    {
      g_assert_true (steady_reminder_mark_fired_finish (STEADY_STORE (object), result, &claimed, &error));
      g_assert_no_error (error);
      g_assert_true (claimed);
    }
  else
    {
      g_assert_true (steady_reminder_snooze_finish (STEADY_STORE (object), result, &error));
      g_assert_no_error (error);
    }

  (*state)++;
}

static void
test_fired_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = local (2026, 4, 13, 12, 0);
  g_autoptr(SteadyReminder) reminder = steady_reminder_new (STEADY_REMINDER_KIND_CHECKIN,
                                                            "checkin:2026-04-13", now);
  int state = 0;

  steady_reminder_mark_fired_async (fixture->store, reminder, now, NULL, test_fired_async_cb, &state);
  while (state < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (steady_reminder_is_fired (fixture->store, "checkin:2026-04-13"));

  steady_reminder_snooze_async (fixture->store, reminder, 10, now, NULL, test_fired_async_cb, &state);
  while (state < 2)
    g_main_context_iteration (NULL, TRUE);
}

/* Sessions */

static void
test_lead_times (Fixture       *fixture,
                 gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *key = NULL;
  gint64 id;

  quiet_settings (&settings);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 1440, 120, 30);

  /* Mon, Wed, Fri 18:00–21:00 from Monday 13 April 2026 */
  id = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", "Room 4",
                   "2026-04-13T18:00:00", 3 * 3600, "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6");

  /* Sunday 18:00: a day before */
  {
    g_autoptr(GDateTime) now = local (2026, 4, 12, 18, 0);
    g_autoptr(GDateTime) before = local (2026, 4, 12, 17, 59);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_SESSION);
    key = g_strdup_printf ("session:%" G_GINT64_FORMAT ":2026-04-13T18:00:00:1440:%" G_GINT64_FORMAT,
                           id, local_unix (2026, 4, 13, 18, 0));
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, key);
    g_assert_cmpint (g_date_time_to_unix (steady_reminder_get_due (reminder)), ==, g_date_time_to_unix (now));
    g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "Session tomorrow at 18:00");
    g_assert_cmpstr (steady_reminder_get_action_name (reminder), ==, "app.open-session");
    g_assert_true (g_variant_is_of_type (steady_reminder_get_action_target (reminder), G_VARIANT_TYPE ("(xs)")));
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);

    /* Fired: not due again, even when the last run is unknown. */
    g_clear_pointer (&due, g_ptr_array_unref);
    due = plan (fixture->store, &settings, now, NULL, &next);
    g_assert_cmpuint (due->len, ==, 0);

    /* Next: two hours before Monday's session */
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 13, 16, 0));
    g_clear_pointer (&next, g_date_time_unref);
  }

  /* Monday 16:00 and 17:30 */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 15, 59);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 16, 0);

    g_assert_null (plan_one (fixture->store, &settings, before, NULL));
    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_free (key);
    key = g_strdup_printf (":120:%" G_GINT64_FORMAT, local_unix (2026, 4, 13, 18, 0));
    g_assert_true (g_str_has_suffix (steady_reminder_get_key (reminder), key));
    g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "Session at 18:00");
    g_assert_cmpstr (steady_reminder_get_body (reminder), ==, "Starts in 2 hours");
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);
  }
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 16, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 17, 30);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpstr (steady_reminder_get_body (reminder), ==, "Starts in 30 minutes");
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);

    /* Next: a day before Wednesday's (Tuesday 18:00) is further than a
     * day ahead, so a day ahead */
    g_clear_pointer (&due, g_ptr_array_unref);
    due = plan (fixture->store, &settings, now, NULL, &next);
    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 14, 17, 30));
    g_clear_pointer (&next, g_date_time_unref);
  }

  /* Once started, a session has no reminder left (a run during it) */
  {
    g_autoptr(GDateTime) now = local (2026, 4, 13, 18, 5);

    g_assert_null (plan_one (fixture->store, &settings, now, NULL));
  }

  /* Another kind has its own lead times: none here */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 20, 0, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 21, 12, 0);

    add_series (fixture->store, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, "With Sam", NULL,
                "2026-04-21T13:00:00", 3600, NULL);
    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_null (reminder);
  }
}

/* A lead of a day is a local day: 18:00 the day before, also across a
 * DST change. */
static void
test_lead_day_dst (Fixture       *fixture,
                   gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autofree char *start_local = NULL;
  int day = dst_change_day (2026, 3);

  if (day == 0)
    {
      g_test_skip ("No DST change in this zone");
      return;
    }

  quiet_settings (&settings);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 1440, 0, 0);

  /* The session the day after the change; its reminder on the day of
   * the change, at 18:00 local (24 hours before would be 17:00). */
  start_local = g_strdup_printf ("2026-03-%02dT18:00:00", day + 1);
  add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
              start_local, 3 * 3600, NULL);

  {
    g_autoptr(GDateTime) before = local (2026, 3, day, 12, 0);
    g_autoptr(GDateTime) now = local (2026, 3, day, 18, 0);
    g_autoptr(GDateTime) early = local (2026, 3, day, 17, 59);

    g_assert_null (plan_one (fixture->store, &settings, early, before));
    reminder = plan_one (fixture->store, &settings, now, early);
    g_assert_nonnull (reminder);
    assert_local_time (steady_reminder_get_due (reminder), 18, 0);
  }
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminder) reminder = NULL;
  gint64 id;

  quiet_settings (&settings);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 30, 0, 0);
  id = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
                   "2026-04-13T18:00:00", 3 * 3600, "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6");

  g_assert_true (steady_calendar_set_cancelled (fixture->store, id, "2026-04-15T18:00:00", TRUE, &error));
  g_assert_no_error (error);

  /* Wednesday's is cancelled: nothing at 17:30, nor anything before
   * Friday's (the next wake-up is a day ahead at most). */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 15, 17, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 15, 17, 30);
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GPtrArray) due = plan (fixture->store, &settings, now, before, &next);

    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 16, 17, 30));
  }

  /* Friday's the week after is as usual */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 20, 17, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 20, 17, 30);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
  }
}

static void
test_moved (Fixture       *fixture,
            gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(SteadyOccurrence) occurrence = NULL;
  g_autoptr(SteadySessionSeries) fields = NULL;
  gint64 id;

  quiet_settings (&settings);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 120, 30, 0);
  id = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
                   "2026-04-13T18:00:00", 3 * 3600, "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6");

  /* Wednesday's moves to Thursday 10:00 */
  occurrence = steady_calendar_get_occurrence (fixture->store, id, "2026-04-15T18:00:00", &error);
  g_assert_no_error (error);
  fields = steady_occurrence_dup_fields (occurrence);
  steady_session_series_set_start_local (fields, "2026-04-16T10:00:00");
  g_assert_true (steady_calendar_modify_occurrence (fixture->store, id, "2026-04-15T18:00:00", fields, &error));
  g_assert_no_error (error);

  /* Nothing at the old time */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 15, 12, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 15, 23, 0);

    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }

  /* At the new one: 08:00 and 09:30 on Thursday */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 16, 7, 59);
    g_autoptr(GDateTime) now = local (2026, 4, 16, 8, 0);
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GPtrArray) due = plan (fixture->store, &settings, before, NULL, &next);

    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 16, 8, 0));

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "Session at 10:00");
    g_assert_true (strstr (steady_reminder_get_key (reminder), ":2026-04-15T18:00:00:120:") != NULL);
  }
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(GDateTime) before = local (2026, 4, 13, 17, 0);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 17, 30);
  const char *kind = steady_session_kind_get_label (STEADY_SESSION_KIND_GROUP_THERAPY);
  const char *discreet[2], *full[2];

  quiet_settings (&settings);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 30, 0, 0);
  add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", "Hope Recovery Center",
              "2026-04-13T18:00:00", 3 * 3600, NULL);

  g_assert_true (settings.discreet);
  reminder = plan_one (fixture->store, &settings, now, before);
  g_assert_nonnull (reminder);
  g_assert_true (steady_reminder_get_discreet (reminder));

  discreet[0] = steady_reminder_get_title (reminder);
  discreet[1] = steady_reminder_get_body (reminder);
  g_assert_cmpstr (discreet[0], ==, "Session at 18:00");
  for (guint i = 0; i < 2; i++)
    {
      g_assert_nonnull (discreet[i]);
      g_assert_null (strstr (discreet[i], "Evening group"));
      g_assert_null (strstr (discreet[i], "Hope Recovery"));
      g_assert_null (strstr (discreet[i], kind));
      g_assert_null (strstr (discreet[i], "therapy"));
    }

  /* Full wording: the kind, the title and the place */
  full[0] = steady_reminder_get_full_title (reminder);
  full[1] = steady_reminder_get_full_body (reminder);
  g_assert_cmpstr (full[0], ==, "Group therapy at 18:00");
  g_assert_nonnull (strstr (full[1], "Evening group"));
  g_assert_nonnull (strstr (full[1], "Hope Recovery Center"));

  /* Chosen by the settings */
  settings.discreet = FALSE;
  g_clear_object (&reminder);
  reminder = plan_one (fixture->store, &settings, now, before);
  g_assert_false (steady_reminder_get_discreet (reminder));
  g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "Group therapy at 18:00");
  g_assert_nonnull (strstr (steady_reminder_get_body (reminder), "Evening group"));

  /* The discreet check-in says nothing of cravings */
  settings.discreet = TRUE;
  settings.checkin_enabled = TRUE;
  settings.checkin_hour = 17;
  settings.checkin_minute = 15;
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 0, 0, 0);
  g_clear_object (&reminder);
  reminder = plan_one (fixture->store, &settings, now, before);
  g_assert_nonnull (reminder);
  g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKIN);
  g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "Time for your check-in");
  g_assert_null (strstr (steady_reminder_get_body (reminder), "craving"));
  g_assert_nonnull (strstr (steady_reminder_get_full_body (reminder), "craving"));
  g_assert_cmpstr (steady_reminder_get_action_name (reminder), ==, "app.new-checkin");
}

/* Reflection: 30 minutes after the end, not once written */
static void
test_reflection (Fixture       *fixture,
                 gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminder) reminder = NULL;
  gint64 id;

  quiet_settings (&settings);
  settings.reflection_enabled = TRUE;
  id = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
                   "2026-04-13T18:00:00", 3 * 3600, "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6");

  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 21, 29);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 21, 30);
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GPtrArray) due = plan (fixture->store, &settings, before, NULL, &next);

    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, g_date_time_to_unix (now));

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_REFLECTION);
    g_assert_cmpstr (steady_reminder_get_title (reminder), ==, "How did it go?");
    g_assert_nonnull (strstr (steady_reminder_get_full_title (reminder), "Evening group"));
  }

  /* Marked missed: no prompt */
  {
    g_autoptr(GDateTime) marked = local (2026, 4, 17, 21, 10);
    g_autoptr(GDateTime) before = local (2026, 4, 17, 21, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 17, 22, 0);

    g_assert_true (steady_calendar_set_attendance (fixture->store, id, "2026-04-17T18:00:00",
                                                   STEADY_ATTENDANCE_MISSED, marked, &error));
    g_assert_no_error (error);
    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }

  /* Written already: no prompt */
  g_assert_true (steady_calendar_set_reflection (fixture->store, id, "2026-04-15T18:00:00",
                                                 "It went well", NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GDateTime) before = local (2026, 4, 15, 21, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 15, 22, 0);

    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }
}

/* Daily check-in */

typedef struct
{
  int year;
  int month;
  int day;
  int hour;
  int minute;
  guint fired;
} Fire;

/* Runs the planner every ten minutes, as the service would, from local
 * midnight of @first_day for @n_days days, marking what fires; returns
 * the check-in reminders that fired, one Fire each. */
static GArray *
simulate (SteadyStore                  *store,
          const SteadyReminderSettings *settings,
          int                           year,
          int                           month,
          int                           first_day,
          int                           n_days)
{
  GArray *fires = g_array_new (FALSE, TRUE, sizeof (Fire));
  gint64 start = local_unix (year, month, first_day, 0, 0);
  gint64 end = local_unix (year, month, first_day + n_days, 0, 0);
  g_autoptr(GDateTime) last_run = NULL;

  for (gint64 t = start; t < end; t += 600)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (t);
      g_autoptr(GPtrArray) due = plan (store, settings, now, last_run, NULL);

      for (guint i = 0; i < due->len; i++)
        {
          SteadyReminder *reminder = g_ptr_array_index (due, i);
          Fire fire = { 0, };
          struct tm tm;

          g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKIN);
          /* It fires when it falls due, not later */
          g_assert_cmpint (g_date_time_to_unix (steady_reminder_get_due (reminder)), ==, t);
          to_tm (t, &tm);
          fire.year = tm.tm_year + 1900;
          fire.month = tm.tm_mon + 1;
          fire.day = tm.tm_mday;
          fire.hour = tm.tm_hour;
          fire.minute = tm.tm_min;
          fire.fired = 1;
          g_array_append_val (fires, fire);
          mark_fired (store, reminder, now);
        }

      g_clear_pointer (&last_run, g_date_time_unref);
      last_run = g_steal_pointer (&now);
    }

  return fires;
}

static void
check_daily (Fixture *fixture,
             int      month,
             int      day,
             int      hour,
             int      minute,
             int      fire_hour,
             int      fire_minute)
{
  SteadyReminderSettings settings;
  g_autoptr(GArray) fires = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;
  settings.checkin_hour = hour;
  settings.checkin_minute = minute;

  /* Two days before the change to two days after: once a local day
   * (mktime() takes care of days before the 1st) */
  fires = simulate (fixture->store, &settings, 2026, month, day - 2, 5);
  g_assert_cmpuint (fires->len, ==, 5);

  for (guint i = 0; i < fires->len; i++)
    {
      Fire *fire = &g_array_index (fires, Fire, i);
      GDate expected;

      g_date_clear (&expected, 1);
      g_date_set_dmy (&expected, day, month, 2026);
      g_date_subtract_days (&expected, 2);
      g_date_add_days (&expected, i);
      g_assert_cmpint (fire->day, ==, g_date_get_day (&expected));
      g_assert_cmpint (fire->month, ==, g_date_get_month (&expected));

      /* On the day of the change, a time in the skipped hour comes when
       * the clocks jump past it (03:00); every other time stays put. */
      if (fire->day == day && fire->month == month)
        {
          g_assert_cmpint (fire->hour, ==, fire_hour);
          g_assert_cmpint (fire->minute, ==, fire_minute);
        }
      else
        {
          g_assert_cmpint (fire->hour, ==, hour);
          g_assert_cmpint (fire->minute, ==, minute);
        }
    }
}

/* The local time that comes twice on the day the clocks go back */
static gboolean
repeated_time (int  month,
               int  day,
               int *out_hour,
               int *out_minute)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 start = local_unix (2026, month, day, 0, 0);

  for (gint64 t = start; t < start + 26 * 3600; t += 1800)
    {
      g_autofree char *text = local_text (t);
      struct tm tm;

      if (g_hash_table_contains (seen, text))
        {
          to_tm (t, &tm);
          *out_hour = tm.tm_hour;
          *out_minute = tm.tm_min;
          return TRUE;
        }
      g_hash_table_add (seen, g_steal_pointer (&text));
    }

  return FALSE;
}

static void
test_checkin_dst_spring (Fixture       *fixture,
                         gconstpointer  data)
{
  int day = dst_change_day (2026, 3);

  if (day == 0)
    {
      g_test_skip ("No DST change in this zone");
      return;
    }

  check_daily (fixture, 3, day, 20, 0, 20, 0);
}

static void
test_checkin_dst_spring_gap (Fixture       *fixture,
                             gconstpointer  data)
{
  int day = dst_change_day (2026, 3);
  struct tm tm;

  if (day == 0)
    {
      g_test_skip ("No DST change in this zone");
      return;
    }

  /* 02:30 does not exist that night, in both zones tested: it fires
   * once, at 03:00 */
  to_tm (local_unix (2026, 3, day, 2, 30), &tm);
  if (tm.tm_hour == 2)
    {
      g_test_skip ("02:30 exists on the day of the change in this zone");
      return;
    }

  check_daily (fixture, 3, day, 2, 30, 3, 0);
}

static void
test_checkin_dst_autumn (Fixture       *fixture,
                         gconstpointer  data)
{
  int month = 10;
  int day = dst_change_day (2026, 10);

  if (day == 0)
    {
      month = 11;
      day = dst_change_day (2026, 11);
    }
  if (day == 0)
    {
      g_test_skip ("No DST change in this zone");
      return;
    }

  check_daily (fixture, month, day, 20, 0, 20, 0);
}

static void
test_checkin_dst_autumn_repeated (Fixture       *fixture,
                                  gconstpointer  data)
{
  int month = 10;
  int day = dst_change_day (2026, 10);
  int hour, minute;

  if (day == 0)
    {
      month = 11;
      day = dst_change_day (2026, 11);
    }
  if (day == 0 || !repeated_time (month, day, &hour, &minute))
    {
      g_test_skip ("No DST change in this zone");
      return;
    }

  /* The first half hour that comes twice (01:00 in New York, 02:00 in
   * Berlin): it fires once. */
  g_test_message ("Clocks go back on %d/%d; %02d:%02d comes twice", day, month, hour, minute);
  check_daily (fixture, month, day, hour, minute, hour, minute);
}

static void
test_checkin_done_today (Fixture       *fixture,
                         gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GDateTime) morning = local (2026, 4, 13, 9, 0);
  g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 0);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GPtrArray) due = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;

  add_checkin (fixture->store, morning);
  due = plan (fixture->store, &settings, now, before, &next);
  g_assert_cmpuint (due->len, ==, 0);

  /* Tomorrow's is still planned */
  g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 14, 20, 0));
}

/* Fired reminders stay fired, also in a store opened again */
static void
test_fired_reopen (Fixture       *fixture,
                   gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 55);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);
  g_autoptr(GDateTime) later = local (2026, 4, 13, 23, 0);
  g_autoptr(SteadyReminder) reminder = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;

  reminder = plan_one (fixture->store, &settings, now, before);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "checkin:2026-04-13");
  mark_fired (fixture->store, reminder, now);

  g_assert_null (plan_one (fixture->store, &settings, now, before));
  g_assert_null (plan_one (fixture->store, &settings, later, NULL));

  close_and_unref (g_steal_pointer (&fixture->store));
  fixture->store = steady_test_open_store (fixture->path);

  g_assert_null (plan_one (fixture->store, &settings, now, before));
  g_assert_null (plan_one (fixture->store, &settings, later, NULL));
}

/* Catching up */

static void
test_gap_hours (Fixture       *fixture,
                gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GDateTime) suspended = local (2026, 4, 13, 15, 30);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 18, 45);
  g_autoptr(SteadyReminder) summary = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *started_prefix = NULL;
  gint64 evening, early;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;
  settings.checkin_hour = 17;
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 120, 30, 0);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, 30, 0, 0);

  /* 19:00 today: its 2-hour (17:00) and 30-minute (18:30) reminders were
   * missed; one says it all. 17:30 has started: no reminder. */
  evening = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
                        "2026-04-13T19:00:00", 2 * 3600, NULL);
  early = add_series (fixture->store, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, "With Sam", NULL,
                      "2026-04-13T17:30:00", 3600, NULL);

  /* Asleep from 15:30 to 18:45: a 3-hour gap */
  summary = plan_one (fixture->store, &settings, now, suspended);
  g_assert_nonnull (summary);
  g_assert_cmpint (steady_reminder_get_kind (summary), ==, STEADY_REMINDER_KIND_AWAY_SUMMARY);
  g_assert_cmpuint (steady_reminder_get_n_items (summary), ==, 2);
  g_assert_cmpstr (steady_reminder_get_title (summary), ==, "While you were away");
  g_assert_nonnull (strstr (steady_reminder_get_body (summary), "2 reminders"));
  g_assert_nonnull (strstr (steady_reminder_get_body (summary), "Session at 19:00"));
  g_assert_nonnull (strstr (steady_reminder_get_body (summary), "Time for your check-in"));
  g_assert_null (strstr (steady_reminder_get_body (summary), "Evening group"));

  keys = steady_reminder_dup_keys (summary);
  prefix = g_strdup_printf ("session:%" G_GINT64_FORMAT ":2026-04-13T19:00:00:", evening);
  started_prefix = g_strdup_printf ("session:%" G_GINT64_FORMAT ":", early);
  g_assert_true (strv_has (keys, "checkin:2026-04-13"));
  g_assert_true (strv_has_prefix (keys, prefix));
  {
    g_autofree char *k120 = g_strdup_printf ("%s120:%" G_GINT64_FORMAT, prefix, local_unix (2026, 4, 13, 19, 0));
    g_autofree char *k30 = g_strdup_printf ("%s30:%" G_GINT64_FORMAT, prefix, local_unix (2026, 4, 13, 19, 0));

    g_assert_true (strv_has (keys, k120));
    g_assert_true (strv_has (keys, k30));
  }
  g_assert_false (strv_has_prefix (keys, started_prefix));

  /* Marked fired, nothing of it comes back */
  mark_fired (fixture->store, summary, now);
  g_assert_null (plan_one (fixture->store, &settings, now, suspended));
  g_assert_null (plan_one (fixture->store, &settings, now, NULL));
}

static void
test_gap_days (Fixture       *fixture,
               gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GDateTime) off = local (2026, 4, 10, 12, 0);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 12, 0);
  g_autoptr(SteadyReminder) summary = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *today = NULL;
  gint64 group, individual;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;
  settings.checkin_hour = 9;
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 1440, 120, 0);
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, 120, 0, 0);

  /* Every day at 10:00, and 13:00 today */
  group = add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Morning group", NULL,
                      "2026-04-09T10:00:00", 3 * 3600, "FREQ=DAILY;COUNT=10");
  individual = add_series (fixture->store, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, "With Sam", NULL,
                           "2026-04-13T13:00:00", 3600, NULL);

  /* Off for three days: of all that fell due, only what still helps:
   * tomorrow's 10:00 (a day ahead, due at 10:00 today), today's 13:00
   * (two hours ahead, due at 11:00) and today's check-in. */
  summary = plan_one (fixture->store, &settings, now, off);
  g_assert_nonnull (summary);
  g_assert_cmpint (steady_reminder_get_kind (summary), ==, STEADY_REMINDER_KIND_AWAY_SUMMARY);
  g_assert_cmpuint (steady_reminder_get_n_items (summary), ==, 3);
  g_assert_nonnull (strstr (steady_reminder_get_body (summary), "3 reminders"));

  keys = steady_reminder_dup_keys (summary);
  tomorrow = g_strdup_printf ("session:%" G_GINT64_FORMAT ":2026-04-14T10:00:00:1440:", group);
  today = g_strdup_printf ("session:%" G_GINT64_FORMAT ":2026-04-13T13:00:00:120:", individual);
  g_assert_true (strv_has_prefix (keys, tomorrow));
  g_assert_true (strv_has_prefix (keys, today));
  g_assert_true (strv_has (keys, "checkin:2026-04-13"));

  /* Not the check-ins of the days away, nor the sessions that began */
  g_assert_false (strv_has (keys, "checkin:2026-04-10"));
  g_assert_false (strv_has (keys, "checkin:2026-04-11"));
  g_assert_false (strv_has (keys, "checkin:2026-04-12"));
  for (guint d = 10; d <= 13; d++)
    {
      g_autofree char *started = g_strdup_printf ("session:%" G_GINT64_FORMAT ":2026-04-%02uT10:00:00:", group, d);

      g_assert_false (strv_has_prefix (keys, started));
    }
  g_assert_cmpuint (g_strv_length (keys), ==, 4);  /* its own key and three */
}

/* Quiet hours */

static void
test_quiet_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(SteadyReminder) reminder = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;
  settings.checkin_hour = 22;
  settings.quiet_enabled = TRUE;
  settings.quiet_start_hour = 21;
  settings.quiet_end_hour = 7;
  steady_reminder_settings_set_leads (&settings, STEADY_SESSION_KIND_GROUP_THERAPY, 30, 0, 0);
  add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Late group", NULL,
              "2026-04-13T23:00:00", 3600, NULL);

  /* 22:00: the check-in waits */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 21, 50);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 22, 0);
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GPtrArray) due = plan (fixture->store, &settings, now, before, &next);

    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 13, 22, 30));
  }

  /* 22:30: the session reminder fires all the same */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 22, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 22, 30);
    g_autoptr(GDateTime) next = NULL;
    g_autoptr(GPtrArray) due = plan (fixture->store, &settings, now, before, &next);

    g_assert_cmpuint (due->len, ==, 1);
    reminder = g_object_ref (g_ptr_array_index (due, 0));
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_SESSION);
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);

    /* and the check-in comes when the quiet hours end */
    g_clear_pointer (&next, g_date_time_unref);
    g_clear_pointer (&due, g_ptr_array_unref);
    due = plan (fixture->store, &settings, now, now, &next);
    g_assert_cmpuint (due->len, ==, 0);
    g_assert_cmpint (g_date_time_to_unix (next), ==, local_unix (2026, 4, 14, 7, 0));
  }

  {
    g_autoptr(GDateTime) before = local (2026, 4, 14, 6, 59);
    g_autoptr(GDateTime) now = local (2026, 4, 14, 7, 0);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKIN);
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "checkin:2026-04-13");
    assert_local_time (steady_reminder_get_due (reminder), 7, 0);
  }
}

/* Snooze */

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 55);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);
  g_autoptr(GDateTime) soon = local (2026, 4, 13, 20, 5);
  g_autoptr(GDateTime) then = local (2026, 4, 13, 20, 10);
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GPtrArray) due = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;

  reminder = plan_one (fixture->store, &settings, now, before);
  g_assert_nonnull (reminder);
  mark_fired (fixture->store, reminder, now);
  g_assert_true (steady_reminder_snooze (fixture->store, reminder, STEADY_REMINDER_SNOOZE_MINUTES, now, &error));
  g_assert_no_error (error);
  g_clear_object (&reminder);

  due = plan (fixture->store, &settings, soon, now, &next);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_cmpint (g_date_time_to_unix (next), ==, g_date_time_to_unix (then));

  reminder = plan_one (fixture->store, &settings, then, soon);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "checkin:2026-04-13");
  mark_fired (fixture->store, reminder, then);
  g_clear_object (&reminder);

  g_assert_null (plan_one (fixture->store, &settings, then, soon));
  g_assert_null (plan_one (fixture->store, &settings, then, NULL));
}

/* Practice and nudges */

static void
test_practice (Fixture       *fixture,
               gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyReminder) reminder = NULL;
  SteadyLesson *lesson = steady_lesson_library_lookup (steady_lesson_library_get_default (), "the-halt-check");

  g_assert_nonnull (lesson);

  quiet_settings (&settings);
  settings.practice_enabled = TRUE;
  settings.checkin_hour = 19;

  g_assert_true (steady_lessons_set_practise_later (fixture->store, "the-halt-check", TRUE, 1, &error));
  g_assert_no_error (error);

  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 59);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);
    g_autoptr(GDateTime) later = local (2026, 4, 13, 23, 59);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_PRACTICE);
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "practise:the-halt-check:2026-04-13");
    g_assert_cmpstr (steady_reminder_get_action_name (reminder), ==, "app.open-lesson");
    g_assert_cmpstr (g_variant_get_string (steady_reminder_get_action_target (reminder), NULL), ==, "the-halt-check");
    g_assert_null (strstr (steady_reminder_get_title (reminder), "HALT"));
    g_assert_nonnull (strstr (steady_reminder_get_full_title (reminder), steady_lesson_get_title (lesson)));
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);

    /* Once a day, also with another lesson marked */
    g_assert_true (steady_lessons_set_practise_later (fixture->store, "mindfulness-basics", TRUE, 2, &error));
    g_assert_no_error (error);
    g_assert_null (plan_one (fixture->store, &settings, later, NULL));
  }
}

static void
test_nudge (Fixture       *fixture,
            gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(GDateTime) last_checkin = local (2026, 4, 10, 9, 0);
  g_auto(GStrv) keys = NULL;

  quiet_settings (&settings);
  settings.checkin_enabled = TRUE;
  settings.nudge_days = 3;
  add_checkin (fixture->store, last_checkin);

  /* Two days without: the usual check-in reminder */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 12, 19, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 12, 20, 0);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKIN);
    g_clear_object (&reminder);
  }

  /* Three days: a nudge in its place */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_NUDGE);
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "nudge:2026-04-13");
    g_assert_nonnull (strstr (steady_reminder_get_body (reminder), "3 days"));
    keys = steady_reminder_dup_keys (reminder);
    g_assert_true (strv_has (keys, "checkin:2026-04-13"));
  }

  /* Off by default */
  settings.nudge_days = 0;
  g_clear_object (&reminder);
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKIN);
  }
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = local (2026, 4, 13, 19, 0);
  g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 0);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) next = NULL;

  steady_reminder_settings_init (&settings);
  g_assert_true (settings.discreet);
  g_assert_true (settings.checkin_enabled);
  g_assert_cmpuint (settings.nudge_days, ==, 0);
  settings.enabled = FALSE;

  g_assert_true (steady_reminder_plan (fixture->store, &settings, now, before, &due, &next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 0);
  g_assert_null (next);
}

/* The weekly self-check: offered half an hour after the check-in time
 * when a week has passed since the last one, at most once a week. */
static void
test_checkup (Fixture       *fixture,
              gconstpointer  data)
{
  SteadyReminderSettings settings;
  SteadyCheckupAnswers answers;
  g_autoptr(SteadyReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;

  quiet_settings (&settings);
  settings.checkup_enabled = TRUE;

  /* Never done: offered on Monday at 20:30 */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 13, 20, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 13, 20, 31);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpint (steady_reminder_get_kind (reminder), ==, STEADY_REMINDER_KIND_CHECKUP);
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "checkup:2026-W16");
    g_assert_cmpstr (steady_reminder_get_action_name (reminder), ==, "app.checkup");
    assert_local_time (steady_reminder_get_due (reminder), 20, 30);
    mark_fired (fixture->store, reminder, now);
    g_clear_object (&reminder);
  }

  /* Not again that week */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 14, 20, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 14, 20, 31);

    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }

  /* Done on Sunday: not on the Tuesday after... */
  steady_checkup_answers_init (&answers);
  for (guint i = 0; i < STEADY_CHECKUP_N_ITEMS; i++)
    answers.answers[i] = STEADY_CHECKUP_NOT_AT_ALL;
  {
    g_autoptr(GDateTime) at = local (2026, 4, 19, 10, 0);
    g_autoptr(SteadyCheckupResult) result = steady_checkup_result_new (&answers, at);

    g_assert_true (steady_checkup_save (fixture->store, result, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(GDateTime) before = local (2026, 4, 21, 20, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 21, 20, 31);

    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }

  /* ...but a week after it */
  {
    g_autoptr(GDateTime) before = local (2026, 4, 26, 20, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 26, 20, 31);

    reminder = plan_one (fixture->store, &settings, now, before);
    g_assert_nonnull (reminder);
    g_assert_cmpstr (steady_reminder_get_key (reminder), ==, "checkup:2026-W17");
    g_clear_object (&reminder);
  }

  /* Off: nothing */
  settings.checkup_enabled = FALSE;
  {
    g_autoptr(GDateTime) before = local (2026, 4, 26, 20, 0);
    g_autoptr(GDateTime) now = local (2026, 4, 26, 20, 31);

    g_assert_null (plan_one (fixture->store, &settings, now, before));
  }
}

/* Every reminder of a day, the planner run every ten minutes */
static GPtrArray *
day_of_reminders (SteadyStore                  *store,
                  const SteadyReminderSettings *settings,
                  int                           year,
                  int                           month,
                  int                           day)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) last = local (year, month, day, 0, 0);

  for (int minute = 10; minute < 24 * 60; minute += 10)
    {
      g_autoptr(GDateTime) now = local (year, month, day, minute / 60, minute % 60);
      g_autoptr(GPtrArray) due = plan (store, settings, now, last, NULL);

      for (guint i = 0; i < due->len; i++)
        {
          mark_fired (store, g_ptr_array_index (due, i), now);
          g_ptr_array_add (all, g_object_ref (g_ptr_array_index (due, i)));
        }
      g_clear_pointer (&last, g_date_time_unref);
      last = g_date_time_ref (now);
    }

  return all;
}

/* Craving prompts: only on evenings and weekends, never in or around a
 * session, at most twice a day; off unless asked for. */
static void
test_prompts (Fixture       *fixture,
              gconstpointer  data)
{
  SteadyReminderSettings settings;
  g_autoptr(GPtrArray) tuesday = NULL;
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) off = NULL;

  quiet_settings (&settings);
  off = day_of_reminders (fixture->store, &settings, 2026, 4, 15);
  g_assert_cmpuint (off->len, ==, 0);

  settings.prompts_enabled = TRUE;

  /* Group on Mondays 18:00–21:00 */
  add_series (fixture->store, STEADY_SESSION_KIND_GROUP_THERAPY, "Evening group", NULL,
              "2026-04-06T18:00:00", 3 * 3600, "FREQ=WEEKLY;BYDAY=MO");

  /* A Tuesday without a session: the first and last evening times. */
  tuesday = day_of_reminders (fixture->store, &settings, 2026, 4, 14);
  g_assert_cmpuint (tuesday->len, ==, 2);
  for (guint i = 0; i < tuesday->len; i++)
    g_assert_cmpint (steady_reminder_get_kind (g_ptr_array_index (tuesday, i)), ==, STEADY_REMINDER_KIND_PROMPT);
  assert_local_time (steady_reminder_get_due (g_ptr_array_index (tuesday, 0)), 18, 30);
  assert_local_time (steady_reminder_get_due (g_ptr_array_index (tuesday, 1)), 21, 30);

  /* The Monday with group: none within half an hour of it (18:00–21:00),
   * so at most 21:30, which is exactly half an hour after. */
  monday = day_of_reminders (fixture->store, &settings, 2026, 4, 20);
  g_assert_cmpuint (monday->len, <=, STEADY_CHECKUP_MAX_PROMPTS_PER_DAY);
  for (guint i = 0; i < monday->len; i++)
    {
      g_autoptr(GDateTime) t = g_date_time_to_local (steady_reminder_get_due (g_ptr_array_index (monday, i)));
      int minutes = g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);

      g_assert_false (minutes >= 17 * 60 + 30 && minutes < 21 * 60 + 30);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Run by hand without TZ: use a zone with DST. */
  if (g_getenv ("TZ") == NULL)
    g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/steady/reminder-planner/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("fired/table", test_fired_table);
  ADD ("fired/async", test_fired_async);
  ADD ("fired/reopen", test_fired_reopen);
  ADD ("session/lead-times", test_lead_times);
  ADD ("session/lead-day-dst", test_lead_day_dst);
  ADD ("session/cancelled", test_cancelled);
  ADD ("session/moved", test_moved);
  ADD ("session/reflection", test_reflection);
  ADD ("wording", test_wording);
  ADD ("checkin/dst-spring", test_checkin_dst_spring);
  ADD ("checkin/dst-spring-gap", test_checkin_dst_spring_gap);
  ADD ("checkin/dst-autumn", test_checkin_dst_autumn);
  ADD ("checkin/dst-autumn-repeated", test_checkin_dst_autumn_repeated);
  ADD ("checkin/done-today", test_checkin_done_today);
  ADD ("gap/hours", test_gap_hours);
  ADD ("gap/days", test_gap_days);
  ADD ("quiet-hours", test_quiet_hours);
  ADD ("snooze", test_snooze);
  ADD ("practice", test_practice);
  ADD ("nudge", test_nudge);
  ADD ("disabled", test_disabled);
  ADD ("checkup", test_checkup);
  ADD ("prompts", test_prompts);

#undef ADD

  return g_test_run ();
}
