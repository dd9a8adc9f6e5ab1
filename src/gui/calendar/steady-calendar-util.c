/* steady-calendar-util.c: words and days for the calendar's widgets
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar-util"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
# include <langinfo.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "steady-calendar-util.h"

static const char * const weekday_tokens[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/* UNTIL as the last day a session may fall on: a date as it is; an
 * instant as its day in the series' zone, or the day before when it is
 * earlier in the day than the sessions start (a series cut short by
 * "this and following" ends a second before the next session). */
static gboolean
parse_until (const char *value,
             const char *tzid,
             int         start_minutes,
             GDate      *out_date)
{
  int year, month, day, hour = 0, minute = 0, second = 0;
  gsize len = strlen (value);

  if (len < 8 || sscanf (value, "%4d%2d%2d", &year, &month, &day) != 3)
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  /* A date-time in UTC names the instant of the last session: its day is
   * the one in the series' own zone. */
  if (len >= 15 && value[8] == 'T' && sscanf (value + 9, "%2d%2d%2d", &hour, &minute, &second) == 3 &&
      value[len - 1] == 'Z')
    {
      g_autoptr(GTimeZone) zone = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;
      g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, hour, minute, second);
      g_autoptr(GDateTime) there = NULL;

      if (utc == NULL)
        return FALSE;

      /* A rule from a restored file may say anything: the first day of
       * year 1 in UTC is in year 0, which neither type holds, west of it. */
      there = zone != NULL ? g_date_time_to_timezone (utc, zone) : g_date_time_to_local (utc);
      if (there == NULL ||
          !g_date_valid_dmy (g_date_time_get_day_of_month (there), g_date_time_get_month (there),
                             g_date_time_get_year (there)))
        return FALSE;

      g_date_clear (out_date, 1);
      g_date_set_dmy (out_date, g_date_time_get_day_of_month (there), g_date_time_get_month (there),
                      g_date_time_get_year (there));
      if (g_date_time_get_hour (there) * 60 + g_date_time_get_minute (there) < start_minutes)
        {
          if (g_date_get_julian (out_date) <= 1)
            return FALSE;
          g_date_subtract_days (out_date, 1);
        }
      return TRUE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);

  return TRUE;
}

/**
 * steady_calendar_util_parse_weekly:
 * @rrule: (nullable): an RRULE value
 * @tzid: (nullable): the series' zone, to read an UNTIL in
 * @start_local: (nullable): the series' start; a weekly rule without
 *   BYDAY repeats on its weekday
 * @out_rule: (out caller-allocates): the rule as the editor shows it
 *
 * Returns: %TRUE if @rrule is "every week on some days", ending never,
 *   on a day or after a number of sessions: what the editor can change
 */
gboolean
steady_calendar_util_parse_weekly (const char       *rrule,
                                   const char       *tzid,
                                   const char       *start_local,
                                   SteadyWeeklyRule *out_rule)
{
  g_auto(GStrv) parts = NULL;
  gboolean weekly = FALSE;
  SteadyWeeklyRule rule = { 0, };
  int start_weekday = -1, start_minutes = 0;
  GDate start_day;
  int hour, minute;

  g_return_val_if_fail (out_rule != NULL, FALSE);

  if (steady_calendar_util_parse_start_local (start_local, &start_day, &hour, &minute))
    {
      start_weekday = steady_calendar_util_get_weekday (&start_day);
      start_minutes = hour * 60 + minute;
    }

  g_date_clear (&rule.until, 1);
  *out_rule = rule;

  if (rrule == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    rrule += 6;

  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = strchr (parts[i], '=');
      const char *key = parts[i];

      if (value == NULL)
        return FALSE;
      *value++ = '\0';

      if (g_ascii_strcasecmp (key, "FREQ") == 0)
        weekly = g_ascii_strcasecmp (value, "WEEKLY") == 0;
      else if (g_ascii_strcasecmp (key, "INTERVAL") == 0)
        {
          if (strcmp (value, "1") != 0)
            return FALSE;
        }
      else if (g_ascii_strcasecmp (key, "WKST") == 0)
        continue;
      else if (g_ascii_strcasecmp (key, "BYDAY") == 0)
        {
          g_auto(GStrv) days = g_strsplit (value, ",", -1);

          for (guint j = 0; days[j] != NULL; j++)
            {
              gboolean found = FALSE;

              /* "1MO" (the first Monday) is not a weekly day. */
              for (guint k = 0; k < G_N_ELEMENTS (weekday_tokens) && !found; k++)
                {
                  if (g_ascii_strcasecmp (days[j], weekday_tokens[k]) == 0)
                    {
                      rule.days |= 1 << k;
                      found = TRUE;
                    }
                }
              if (!found)
                return FALSE;
            }
        }
      else if (g_ascii_strcasecmp (key, "COUNT") == 0)
        {
          guint64 count;

          if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &count, NULL))
            return FALSE;
          rule.end = STEADY_REPEAT_END_COUNT;
          rule.count = count;
        }
      else if (g_ascii_strcasecmp (key, "UNTIL") == 0)
        {
          if (!parse_until (value, tzid, start_minutes, &rule.until))
            return FALSE;
          rule.end = STEADY_REPEAT_END_UNTIL;
        }
      else
        return FALSE;
    }

  if (!weekly)
    return FALSE;

  if (rule.days == 0)
    {
      if (start_weekday < 0 || start_weekday > 6)
        return FALSE;
      rule.days = 1 << start_weekday;
    }

  *out_rule = rule;

  return TRUE;
}

gboolean
steady_calendar_util_weekly_equal (const SteadyWeeklyRule *a,
                                   const SteadyWeeklyRule *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->days != b->days || a->end != b->end)
    return FALSE;

  switch (a->end)
    {
    case STEADY_REPEAT_END_UNTIL:
      return g_date_valid (&a->until) && g_date_valid (&b->until) &&
             g_date_compare (&a->until, &b->until) == 0;

    case STEADY_REPEAT_END_COUNT:
      return a->count == b->count;

    case STEADY_REPEAT_END_NEVER:
    default:
      return TRUE;
    }
}

/**
 * steady_calendar_util_describe_rule:
 * @rrule: (nullable): an RRULE value, or %NULL for one session
 * @tzid: (nullable): the series' zone
 * @start_local: (nullable): the series' start
 *
 * Returns: (transfer full): how often the sessions are, in words
 */
char *
steady_calendar_util_describe_rule (const char *rrule,
                                    const char *tzid,
                                    const char *start_local)
{
  SteadyWeeklyRule rule;
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *every = NULL;
  int week_start = steady_calendar_util_get_week_start ();

  if (rrule == NULL)
    return g_strdup (_("Does not repeat"));

  if (!steady_calendar_util_parse_weekly (rrule, tzid, start_local, &rule))
    return g_strdup (_("Repeats by a custom rule"));

  for (int i = 0; i < 7; i++)
    {
      int weekday = (week_start + i) % 7;
      g_autofree char *name = NULL;

      if ((rule.days & (1 << weekday)) == 0)
        continue;

      name = steady_calendar_util_dup_weekday_name (weekday, TRUE);
      if (days->len > 0)
        /* Translators: between the days in “Every week on Mon, Wed, Fri” */
        g_string_append (days, _(", "));
      g_string_append (days, name);
    }

  /* Translators: %s lists days of the week, “Mon, Wed, Fri” */
  every = g_strdup_printf (_("Every week on %s"), days->str);

  switch (rule.end)
    {
    case STEADY_REPEAT_END_UNTIL:
      {
        g_autofree char *until = steady_calendar_util_format_date (&rule.until, TRUE);

        /* Translators: “Every week on Mon, Wed, Fri”, then the last day */
        return g_strdup_printf (_("%s, until %s"), every, until);
      }

    case STEADY_REPEAT_END_COUNT:
      /* Translators: “Every week on Mon, Wed, Fri”, then how many sessions */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u session in all", "%s, %u sessions in all",
                                           rule.count),
                              every, rule.count);

    case STEADY_REPEAT_END_NEVER:
    default:
      return g_steal_pointer (&every);
    }
}

/**
 * steady_calendar_util_get_week_start:
 *
 * Returns: the first day of the week where the person lives, 0 for
 *   Monday to 6 for Sunday (the bit order of #SteadyWeekdays)
 */
int
steady_calendar_util_get_week_start (void)
{
#ifdef __GLIBC__
  /* As GtkCalendar reads it: glibc knows the locale's first weekday. */
  union { unsigned int word; char *string; } langinfo;
  int first_weekday, week_1stday = 0;
  guint week_origin;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971130)
    week_1stday = 0;
  else if (week_origin == 19971201)
    week_1stday = 1;
  else
    return 0;

  /* 0 is Sunday there; here 0 is Monday. */
  return ((week_1stday + first_weekday - 1) % 7 + 6) % 7;
#else
  return 0;
#endif
}

/**
 * steady_calendar_util_get_weekday:
 *
 * Returns: the weekday of @date, 0 for Monday to 6 for Sunday
 */
int
steady_calendar_util_get_weekday (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  return g_date_get_weekday (date) - G_DATE_MONDAY;
}

/**
 * steady_calendar_util_dup_weekday_name:
 * @weekday: 0 for Monday to 6 for Sunday
 * @abbreviated: “Mon” rather than “Monday”
 *
 * Returns: (transfer full): the day's name in the person's language
 */
char *
steady_calendar_util_dup_weekday_name (int      weekday,
                                       gboolean abbreviated)
{
  /* 2024-01-01 was a Monday. */
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 1, 1 + CLAMP (weekday, 0, 6), 12, 0, 0);

  return g_date_time_format (day, abbreviated ? "%a" : "%A");
}

void
steady_calendar_util_get_today (GDate *out_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  steady_calendar_util_date_from_local (out_date, now);
}

/**
 * steady_calendar_util_date_from_local:
 * @out_date: (out caller-allocates): the day
 * @time: a date and time
 *
 * Sets @out_date to the day @time falls on in the local zone.
 */
void
steady_calendar_util_date_from_local (GDate     *out_date,
                                      GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
}

/**
 * steady_calendar_util_local_midnight:
 *
 * Returns: (transfer full): the start of @date in the local zone
 */
GDateTime *
steady_calendar_util_local_midnight (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                0, 0, 0);
}

/**
 * steady_calendar_util_parse_start_local:
 * @start_local: (nullable): wall-clock text, "2026-03-02T18:00:00"
 *
 * Returns: %TRUE if @start_local is a date and time
 */
gboolean
steady_calendar_util_parse_start_local (const char *start_local,
                                        GDate      *out_date,
                                        int        *out_hour,
                                        int        *out_minute)
{
  int year, month, day, hour, minute;

  if (start_local == NULL ||
      sscanf (start_local, "%4d-%2d-%2dT%2d:%2d", &year, &month, &day, &hour, &minute) != 5 ||
      !g_date_valid_dmy (day, month, year) || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);
  *out_hour = hour;
  *out_minute = minute;

  return TRUE;
}

/**
 * steady_calendar_util_format_date:
 * @abbreviated: “Wed, Nov 25” rather than “Wednesday, November 25”
 *
 * The year is added when it is not this one.
 *
 * Returns: (transfer full): @date in words
 */
char *
steady_calendar_util_format_date (const GDate *date,
                                  gboolean     abbreviated)
{
  g_autoptr(GDateTime) day = steady_calendar_util_local_midnight (date);
  GDate today;
  const char *format;

  steady_calendar_util_get_today (&today);

  if (g_date_get_year (&today) == g_date_get_year (date))
    /* Translators: a day this year, see g_date_time_format() */
    format = abbreviated ? _("%a, %b %-d") : _("%A, %B %-d");
  else
    /* Translators: a day in another year, see g_date_time_format() */
    format = abbreviated ? _("%a, %b %-d, %Y") : _("%A, %B %-d, %Y");

  return g_date_time_format (day, format);
}

/**
 * steady_calendar_util_format_time:
 *
 * Returns: (transfer full): the local time of day of @time
 */
char *
steady_calendar_util_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  /* Translators: a time of day, see g_date_time_format(); “%l:%M %p”
   * for a 12-hour clock */
  return g_date_time_format (local, _("%H:%M"));
}

/**
 * steady_calendar_util_format_time_range:
 *
 * Returns: (transfer full): when @occurrence starts and ends, local time
 */
char *
steady_calendar_util_format_time_range (SteadyOccurrence *occurrence)
{
  g_autofree char *start = steady_calendar_util_format_time (steady_occurrence_get_start (occurrence));
  g_autofree char *end = steady_calendar_util_format_time (steady_occurrence_get_end (occurrence));

  /* Translators: a session's start and end times, “18:00–21:00” */
  return g_strdup_printf (_("%s–%s"), start, end);
}

/**
 * steady_calendar_util_format_hours:
 *
 * Returns: (transfer full): @seconds as hours, “3” or “4.5”
 */
char *
steady_calendar_util_format_hours (gint64 seconds)
{
  gint64 tenths = (MAX (seconds, 0) * 10 + 1800) / 3600;

  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, tenths / 10);

  /* printf's %f writes the locale's decimal separator. */
  return g_strdup_printf ("%.1f", tenths / 10.0);
}

/**
 * steady_calendar_util_format_duration:
 *
 * Returns: (transfer full): @seconds as “3 hours”, “1 hour 30 minutes”
 */
char *
steady_calendar_util_format_duration (gint64 seconds)
{
  guint hours = seconds / 3600;
  guint minutes = (seconds % 3600) / 60;

  if (hours > 0 && minutes > 0)
    {
      g_autofree char *h = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);
      g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                                            minutes);

      /* Translators: “1 hour” and “30 minutes” */
      return g_strdup_printf (_("%s %s"), h, m);
    }

  if (hours > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
}

/**
 * steady_calendar_util_is_local_zone:
 * @tzid: (nullable): a zone's name
 *
 * Returns: whether @tzid is the zone this computer is in (or unset)
 */
gboolean
steady_calendar_util_is_local_zone (const char *tzid)
{
  g_autofree char *local = steady_calendar_util_dup_local_tzid ();

  return tzid == NULL || g_strcmp0 (tzid, local) == 0;
}

/**
 * steady_calendar_util_dup_local_tzid:
 *
 * Returns: (transfer full): this computer's zone, named as the calendar
 *   names it (a new series starts in it)
 */
char *
steady_calendar_util_dup_local_tzid (void)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();

  return g_strdup (steady_session_series_get_tzid (series));
}

/**
 * steady_calendar_util_describe_start:
 * @series: a series
 *
 * Returns: (transfer full): its first session's day and time, as the
 *   clock reads in its zone, naming the zone if it is not the local one
 */
char *
steady_calendar_util_describe_start (SteadySessionSeries *series)
{
  const char *tzid = steady_session_series_get_tzid (series);
  g_autoptr(GDateTime) wall = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;
  GDate day;
  int hour, minute;

  if (!steady_calendar_util_parse_start_local (steady_session_series_get_start_local (series),
                                               &day, &hour, &minute))
    return g_strdup (_("No start time"));

  /* The wall-clock fields as they are, whatever the zone. */
  wall = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
                              hour, minute, 0);
  date = steady_calendar_util_format_date (&day, FALSE);
  /* Translators: a time of day, see g_date_time_format(); “%l:%M %p”
   * for a 12-hour clock */
  time = g_date_time_format (wall, _("%H:%M"));
  /* Translators: a day, then a time of day */
  text = g_strdup_printf (_("%s at %s"), date, time);

  if (steady_calendar_util_is_local_zone (tzid))
    return g_steal_pointer (&text);

  /* Translators: a day and time, then the time zone it is in */
  return g_strdup_printf (_("%s, %s time"), text, tzid);
}

/**
 * steady_calendar_util_attendance_label:
 *
 * Returns: (transfer none): the word for @attendance; with the icon from
 *   steady_calendar_util_attendance_icon(), never colour alone
 */
const char *
steady_calendar_util_attendance_label (SteadyAttendance attendance)
{
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return C_("attendance", "Attended");
    case STEADY_ATTENDANCE_MISSED:
      return C_("attendance", "Missed");
    case STEADY_ATTENDANCE_EXCUSED:
      return C_("attendance", "Excused");
    case STEADY_ATTENDANCE_UNMARKED:
    default:
      return C_("attendance", "Not marked");
    }
}

const char *
steady_calendar_util_attendance_icon (SteadyAttendance attendance)
{
  switch (attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      return "object-select-symbolic";
    case STEADY_ATTENDANCE_MISSED:
      return "appointment-missed-symbolic";
    case STEADY_ATTENDANCE_EXCUSED:
      return "mail-read-symbolic";
    case STEADY_ATTENDANCE_UNMARKED:
    default:
      return "radio-symbolic";
    }
}
