/* steady-reminder-planner.c: what is due when
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-planner-private.h"
#include "steady-reminder-private.h"

/* How far back a run looks when it does not know when the last one was:
 * far enough for a restart to catch today's reminders, never so far that
 * the fired table could have forgotten one. */
#define DEFAULT_LOOKBACK_SECONDS (24 * 3600)


/* A summary says "while you were away" when the oldest reminder in it
 * fell due longer ago than this; else it is a plain "2 reminders". */
#define AWAY_SECONDS (5 * 60)


void
steady_planner_clear (SteadyReminderPlan *plan)
{
  g_clear_pointer (&plan->zone, g_time_zone_unref);
  g_clear_pointer (&plan->now, g_date_time_unref);
  g_clear_pointer (&plan->due, g_ptr_array_unref);
  g_clear_pointer (&plan->lessons, g_strfreev);
}


/* Time helpers: see steady-reminder-planner-private.h. */

static GDateTime *
local_from_unix (SteadyReminderPlan *plan,
                 gint64              t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);

  return g_date_time_to_timezone (utc, plan->zone);
}

void
steady_planner_local_date (SteadyReminderPlan *plan,
                           gint64              t,
                           GDate              *out)
{
  g_autoptr(GDateTime) local = local_from_unix (plan, t);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

gboolean
steady_planner_is_today (SteadyReminderPlan *plan,
                         gint64              t)
{
  GDate date;

  steady_planner_local_date (plan, t, &date);

  return g_date_compare (&date, &plan->today) == 0;
}

/* A wall-clock time on a local day. In a DST gap GLib moves it to the
 * end of the gap (02:30 on the spring-forward night is 03:00); in the
 * repeated hour it takes one of the two. Either way, once a day. */
gint64
steady_planner_local_at (SteadyReminderPlan *plan,
                         const GDate        *date,
                         guint               hour,
                         guint               minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new (plan->zone,
                                             g_date_get_year (date),
                                             g_date_get_month (date),
                                             g_date_get_day (date),
                                             hour, minute, 0);

  g_assert (dt != NULL);

  return g_date_time_to_unix (dt);
}

void
steady_planner_format_date (const GDate *date,
                            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (date),
              (guint)g_date_get_month (date),
              (guint)g_date_get_day (date));
}

static gboolean
parse_date (const char *text,
            GDate      *out)
{
  guint year, month, day;

  /* YYYY-MM-DD, as format_date() writes it */
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint)g_ascii_strtoull (text, NULL, 10);
  month = (guint)g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (text + 8, NULL, 10);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);

  return TRUE;
}

/* Quiet hours: from start to end, local; an end before the start is on
 * the next day. Returns when @t may fire: @t itself, or the end of the
 * quiet hours it falls in. */
gint64
steady_planner_after_quiet_hours (SteadyReminderPlan *plan,
                                  gint64              t)
{
  const SteadyReminderSettings *s = plan->settings;
  g_autoptr(GDateTime) local = NULL;
  guint start, end, minute;
  GDate date;

  if (!s->quiet_enabled)
    return t;

  start = s->quiet_start_hour * 60 + s->quiet_start_minute;
  end = s->quiet_end_hour * 60 + s->quiet_end_minute;
  if (start == end)
    return t;

  local = local_from_unix (plan, t);
  minute = (guint)(g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  steady_planner_local_date (plan, t, &date);

  if (start < end)
    {
      if (minute >= start && minute < end)
        return steady_planner_local_at (plan, &date, s->quiet_end_hour, s->quiet_end_minute);
      return t;
    }

  if (minute >= start)
    {
      g_date_add_days (&date, 1);
      return steady_planner_local_at (plan, &date, s->quiet_end_hour, s->quiet_end_minute);
    }
  if (minute < end)
    return steady_planner_local_at (plan, &date, s->quiet_end_hour, s->quiet_end_minute);

  return t;
}

/* A lead time before @start: whole days as local days (the same
 * wall-clock time), the rest in minutes. */
gint64
steady_planner_lead_due (SteadyReminderPlan *plan,
                         GDateTime          *start,
                         guint               lead)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, plan->zone);
  g_autoptr(GDateTime) days_before = g_date_time_add_days (local, -(int)(lead / (24 * 60)));
  g_autoptr(GDateTime) due = g_date_time_add_minutes (days_before, -(int)(lead % (24 * 60)));

  return g_date_time_to_unix (due);
}

/* Whether the reminder @key, firing at @when, is due in this run: not
 * fired yet and due in (since, now]. A later one only moves the next
 * wake-up. Whether it is still useful is for the caller to say. */
gboolean
steady_planner_is_due (SteadyReminderPlan *plan,
                       const char         *key,
                       gint64              when)
{
  if (when <= plan->since_unix)
    return FALSE;

  if (steady_reminder_lookup_fired (plan->store, key, NULL) != STEADY_REMINDER_FIRED_NO)
    return FALSE;

  if (when > plan->now_unix)
    {
      plan->next = MIN (plan->next, when);
      return FALSE;
    }

  return TRUE;
}

/* Snoozed reminders come back rebuilt from the store as it stands now:
 * a session cancelled or moved meanwhile is not reminded of by its old
 * key. */

static gboolean
split_series_key (const char  *rest,
                  gint64      *out_series,
                  char       **out_tail)
{
  const char *colon = strchr (rest, ':');
  g_autofree char *number = NULL;
  char *end = NULL;

  if (colon == NULL || colon == rest)
    return FALSE;

  number = g_strndup (rest, colon - rest);
  *out_series = g_ascii_strtoll (number, &end, 10);
  if (end == NULL || *end != '\0')
    return FALSE;

  *out_tail = g_strdup (colon + 1);

  return TRUE;
}

static SteadyReminder *
rebuild_session (SteadyReminderPlan *plan,
                 const char         *key,
                 gint64              due)
{
  g_autofree char *tail = NULL;
  g_autoptr(SteadyOccurrence) occurrence = NULL;
  char *start_text, *lead_text;
  gint64 series, start;

  /* session:<series>:<recurrence id, with colons>:<lead>:<start> */
  if (!split_series_key (key + strlen ("session:"), &series, &tail))
    return NULL;

  start_text = strrchr (tail, ':');
  if (start_text == NULL)
    return NULL;
  *start_text++ = '\0';
  lead_text = strrchr (tail, ':');
  if (lead_text == NULL)
    return NULL;
  *lead_text = '\0';

  start = g_ascii_strtoll (start_text, NULL, 10);
  occurrence = steady_calendar_get_occurrence (plan->store, series, tail, NULL);

  if (occurrence == NULL || !steady_planner_wants_reminders (occurrence) ||
      steady_occurrence_get_start_unix (occurrence) != start ||
      plan->now_unix >= start)
    return NULL;

  return steady_planner_build_session (plan, occurrence, key, due);
}

static SteadyReminder *
rebuild_reflection (SteadyReminderPlan *plan,
                    const char         *key,
                    gint64              due)
{
  g_autofree char *recurrence_id = NULL;
  g_autoptr(SteadyOccurrence) occurrence = NULL;
  gint64 series;

  if (!split_series_key (key + strlen ("reflect:"), &series, &recurrence_id))
    return NULL;

  occurrence = steady_calendar_get_occurrence (plan->store, series, recurrence_id, NULL);
  if (occurrence == NULL || !steady_planner_wants_reflection (plan, occurrence))
    return NULL;

  return steady_planner_build_reflection (plan, occurrence, key, due);
}

static SteadyReminder *
rebuild_practice (SteadyReminderPlan *plan,
                  const char         *key,
                  gint64              due)
{
  const char *rest = key + strlen ("practise:");
  const char *colon = strrchr (rest, ':');
  g_autofree char *lesson = NULL;

  if (!plan->settings->practice_enabled || colon == NULL || colon == rest)
    return NULL;

  lesson = g_strndup (rest, colon - rest);
  if (!steady_lessons_get_practise_later (plan->store, lesson) ||
      steady_lesson_library_lookup (steady_lesson_library_get_default (), lesson) == NULL)
    return NULL;

  return steady_planner_build_practice (key, due, lesson);
}

static SteadyReminder *
rebuild (SteadyReminderPlan *plan,
         const char         *key,
         gint64              due)
{
  const SteadyReminderSettings *s = plan->settings;
  GDate date;

  if (g_str_has_prefix (key, "session:"))
    return rebuild_session (plan, key, due);

  /* Everything else is only useful on the day it falls due. */
  if (!steady_planner_is_today (plan, due))
    return NULL;

  if (g_str_has_prefix (key, "reflect:"))
    return rebuild_reflection (plan, key, due);

  if (g_str_has_prefix (key, "practise:"))
    return rebuild_practice (plan, key, due);

  if (g_str_has_prefix (key, "checkin:") &&
      s->checkin_enabled && !plan->checked_in_today &&
      parse_date (key + strlen ("checkin:"), &date))
    return steady_planner_build_checkin (key, due);

  if (g_str_has_prefix (key, "nudge:") &&
      s->nudge_days > 0 && plan->days_since_checkin > 0 &&
      parse_date (key + strlen ("nudge:"), &date))
    return steady_planner_build_nudge (key, due, (guint)plan->days_since_checkin);

  return steady_planner_rebuild_checkup (plan, key, due);
}

static gboolean
plan_snoozed (SteadyReminderPlan  *plan,
              GError             **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) until = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!steady_reminder_list_snoozed (plan->store, keys, until, error))
    return FALSE;

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      gint64 due = g_array_index (until, gint64, i);
      SteadyReminder *reminder;

      /* Quiet hours hold back all but session reminders. */
      if (!g_str_has_prefix (key, "session:"))
        due = steady_planner_after_quiet_hours (plan, due);

      if (due > plan->now_unix)
        {
          plan->next = MIN (plan->next, due);
          continue;
        }

      reminder = rebuild (plan, key, due);
      if (reminder != NULL)
        steady_planner_take_reminder (plan, reminder);
    }

  return TRUE;
}

/* Several due at once: one summary, never a burst. */

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  SteadyReminder *ra = *(SteadyReminder * const *)a;
  SteadyReminder *rb = *(SteadyReminder * const *)b;
  int cmp = g_date_time_compare (steady_reminder_get_due (ra), steady_reminder_get_due (rb));

  return cmp != 0 ? cmp : g_strcmp0 (steady_reminder_get_key (ra), steady_reminder_get_key (rb));
}

static SteadyReminder *
summarize (SteadyReminderPlan *plan)
{
  g_autofree char *key = g_strdup_printf ("away:%" G_GINT64_FORMAT, plan->now_unix);
  g_autofree char *count = NULL;
  g_autoptr(GString) discreet_body = g_string_new (NULL);
  g_autoptr(GString) full_body = g_string_new (NULL);
  g_autoptr(GDateTime) now_utc = g_date_time_to_utc (plan->now);
  SteadyReminder *first = g_ptr_array_index (plan->due, 0);
  SteadyReminder *summary;
  guint n = plan->due->len;
  gboolean away;

  away = plan->now_unix - g_date_time_to_unix (steady_reminder_get_due (first)) > AWAY_SECONDS;
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder", "%u reminders", n), n);

  summary = steady_reminder_new (STEADY_REMINDER_KIND_AWAY_SUMMARY, key, now_utc);
  steady_reminder_set_n_items (summary, n);

  for (guint i = 0; i < n; i++)
    {
      SteadyReminder *reminder = g_ptr_array_index (plan->due, i);
      g_auto(GStrv) keys = steady_reminder_dup_keys (reminder);

      for (guint k = 0; keys[k] != NULL; k++)
        steady_reminder_add_covered_key (summary, keys[k]);

      g_string_append_printf (discreet_body, "%s%s", i > 0 ? "\n" : "",
                              steady_reminder_get_discreet_title (reminder));
      g_string_append_printf (full_body, "%s%s", i > 0 ? "\n" : "",
                              steady_reminder_get_full_title (reminder));
    }

  if (away)
    {
      g_string_prepend_c (discreet_body, '\n');
      g_string_prepend (discreet_body, count);
      g_string_prepend_c (full_body, '\n');
      g_string_prepend (full_body, count);
      steady_reminder_set_wording (summary, _("While you were away"), discreet_body->str,
                                   NULL, full_body->str);
    }
  else
    {
      steady_reminder_set_wording (summary, count, discreet_body->str, NULL, full_body->str);
    }

  steady_reminder_set_action (summary, STEADY_REMINDER_ACTION_OPEN_TODAY, NULL);
  steady_reminder_set_discreet (summary, plan->settings->discreet);

  return summary;
}

static gboolean
settings_valid (const SteadyReminderSettings *s)
{
  return s->checkin_hour < 24 && s->checkin_minute < 60 &&
         s->quiet_start_hour < 24 && s->quiet_start_minute < 60 &&
         s->quiet_end_hour < 24 && s->quiet_end_minute < 60;
}

/**
 * steady_reminder_settings_init:
 * @settings: (out caller-allocates): settings to fill
 *
 * The defaults: reminders on and discreet; 1 day, 2 hours and 30 minutes
 * before every session; a check-in at 20:00; reflections and practice on;
 * no nudge; quiet hours from 22:00 to 07:00; the local time zone. The
 * weekly self-check and the craving prompts are off here (the app turns
 * the self-check on through its settings).
 */
void
steady_reminder_settings_init (SteadyReminderSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);

  settings->enabled = TRUE;
  settings->discreet = TRUE;
  for (guint kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
    steady_reminder_settings_set_leads (settings, kind, 24 * 60, 120, 30);
  settings->checkin_enabled = TRUE;
  settings->checkin_hour = 20;
  settings->checkin_minute = 0;
  settings->reflection_enabled = TRUE;
  settings->practice_enabled = TRUE;
  settings->nudge_days = 0;
  settings->quiet_enabled = TRUE;
  settings->quiet_start_hour = 22;
  settings->quiet_start_minute = 0;
  settings->quiet_end_hour = 7;
  settings->quiet_end_minute = 0;
  settings->zone = NULL;
}

/**
 * steady_reminder_settings_set_leads:
 * @settings: settings
 * @kind: a session kind
 * @lead1: minutes before the start, or 0
 * @lead2: another, or 0
 * @lead3: another, or 0
 */
void
steady_reminder_settings_set_leads (SteadyReminderSettings *settings,
                                    SteadySessionKind       kind,
                                    guint                   lead1,
                                    guint                   lead2,
                                    guint                   lead3)
{
  g_return_if_fail (settings != NULL);
  g_return_if_fail (kind <= STEADY_SESSION_KIND_LAST);

  settings->session_leads[kind][0] = lead1;
  settings->session_leads[kind][1] = lead2;
  settings->session_leads[kind][2] = lead3;
}

/**
 * steady_reminder_plan:
 * @store: a #SteadyStore
 * @settings: what the person asked for
 * @now: the current time (any zone)
 * @last_run: (nullable): @now of the previous run, or %NULL when unknown
 *   (then the last 24 hours are looked at)
 * @due: (out) (transfer full) (element-type SteadyReminder): what to show
 *   now: empty, one reminder, or one %STEADY_REMINDER_KIND_AWAY_SUMMARY
 *   standing for several
 * @next_wakeup: (out) (transfer full) (nullable): when to plan again at
 *   the latest, in UTC: the next reminder's time, or 24 hours ahead when
 *   that is later; %NULL when reminders are off
 * @error: a location for an error
 *
 * Decides what is due, as a pure function of the store, @settings and
 * @now: it writes nothing. A reminder is due when it fell due in
 * (@last_run, @now], is not in the fired table (a snoozed one comes back
 * when its time comes) and is still useful:
 *
 * - a session reminder until the session starts; none for a cancelled
 *   session (or one marked missed or excused); a moved session is
 *   reminded of at its new time;
 * - a check-in, reflection, practice reminder or nudge only on the local
 *   day it falls due, and a check-in reminder only if there was no
 *   check-in that day yet;
 * - during quiet hours only session reminders fire; the others wait for
 *   the end of the quiet hours.
 *
 * Show what it returns after steady_reminder_mark_fired() claimed it.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_reminder_plan (SteadyStore                   *store,
                      const SteadyReminderSettings  *settings,
                      GDateTime                     *now,
                      GDateTime                     *last_run,
                      GPtrArray                    **due,
                      GDateTime                    **next_wakeup,
                      GError                       **error)
{
  g_auto(SteadyReminderPlan) plan = { 0, };
  int year, month, day;
  gint64 earliest;

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (settings_valid (settings), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (due != NULL, FALSE);
  g_return_val_if_fail (next_wakeup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *due = NULL;
  *next_wakeup = NULL;

  plan.store = store;
  plan.settings = settings;
  plan.zone = settings->zone != NULL ? g_time_zone_ref (settings->zone) : g_time_zone_new_local ();
  plan.now = g_date_time_to_timezone (now, plan.zone);
  plan.now_unix = g_date_time_to_unix (now);
  plan.next = G_MAXINT64;
  plan.due = g_ptr_array_new_with_free_func (g_object_unref);
  plan.days_since_checkin = -1;

  g_date_time_get_ymd (plan.now, &year, &month, &day);
  g_date_clear (&plan.today, 1);
  g_date_set_dmy (&plan.today, day, month, year);

  if (!settings->enabled)
    {
      *due = g_steal_pointer (&plan.due);
      return TRUE;
    }

  /* A clock set back runs from now; a long gap is cut to what can still
   * be useful (nothing before the longest lead time). */
  plan.since_unix = last_run != NULL ? MIN (g_date_time_to_unix (last_run), plan.now_unix)
                                     : plan.now_unix - DEFAULT_LOOKBACK_SECONDS;
  earliest = plan.now_unix - (gint64)STEADY_REMINDER_MAX_LEAD_MINUTES * 60 - 2 * 24 * 3600;
  plan.since_unix = MAX (plan.since_unix, earliest);

  if (!steady_planner_plan_sessions (&plan, error) ||
      !steady_planner_plan_daily (&plan, error) ||
      !steady_planner_plan_checkup (&plan, error) ||
      !plan_snoozed (&plan, error))
    return FALSE;

  g_ptr_array_sort (plan.due, compare_due);

  if (plan.due->len > 1)
    {
      SteadyReminder *summary = summarize (&plan);

      g_ptr_array_set_size (plan.due, 0);
      g_ptr_array_add (plan.due, summary);
    }

  plan.next = MIN (plan.next, plan.now_unix + MAX_SLEEP_SECONDS);

  *due = g_steal_pointer (&plan.due);
  *next_wakeup = g_date_time_new_from_unix_utc (plan.next);

  return TRUE;
}
