/* steady-calendar-time.c: wall-clock times and the checks of a series
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "steady-calendar-private.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * algorithm), exact for any year. */
static gint64
days_from_civil (gint64 y,
                 int    m,
                 int    d)
{
  gint64 era;
  gint64 yoe;
  gint64 doy;
  gint64 doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

static void
civil_from_days (gint64  z,
                 int    *out_y,
                 int    *out_m,
                 int    *out_d)
{
  gint64 era;
  gint64 doe;
  gint64 yoe;
  gint64 y;
  gint64 doy;
  gint64 mp;
  int d;
  int m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = (int)(doy - (153 * mp + 2) / 5 + 1);
  m = (int)(mp < 10 ? mp + 3 : mp - 9);

  *out_y = (int)(y + (m <= 2));
  *out_m = m;
  *out_d = d;
}

gint64
steady_wall_from_fields (int year,
                         int month,
                         int day,
                         int hour,
                         int minute,
                         int second)
{
  return days_from_civil (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

void
steady_wall_to_fields (gint64  wall,
                       int    *year,
                       int    *month,
                       int    *day,
                       int    *hour,
                       int    *minute,
                       int    *second)
{
  gint64 days = wall >= 0 ? wall / 86400 : -((-wall + 86399) / 86400);
  gint64 secs = wall - days * 86400;
  int y, m, d;

  civil_from_days (days, &y, &m, &d);

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  if (hour != NULL)
    *hour = (int)(secs / 3600);
  if (minute != NULL)
    *minute = (int)(secs / 60 % 60);
  if (second != NULL)
    *second = (int)(secs % 60);
}

static int
digits (const char *p,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return -1;
      value = value * 10 + (p[i] - '0');
    }

  return value;
}

/* Strictly "YYYY-MM-DDTHH:MM:SS": this text is a database key. */
gboolean
steady_wall_parse (const char *text,
                   gint64     *out_wall)
{
  int y, mo, d, h, mi, s;

  if (text == NULL || strlen (text) != 19 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':')
    return FALSE;

  y = digits (text, 4);
  mo = digits (text + 5, 2);
  d = digits (text + 8, 2);
  h = digits (text + 11, 2);
  mi = digits (text + 14, 2);
  s = digits (text + 17, 2);

  if (y < STEADY_CALENDAR_MIN_YEAR || y > STEADY_CALENDAR_MAX_YEAR ||
      mo < 1 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 ||
      !g_date_valid_dmy (d, mo, y))
    return FALSE;

  *out_wall = steady_wall_from_fields (y, mo, d, h, mi, s);

  return TRUE;
}

char *
steady_wall_format (gint64 wall)
{
  int y, mo, d, h, mi, s;

  steady_wall_to_fields (wall, &y, &mo, &d, &h, &mi, &s);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
}

gboolean
steady_wall_is_supported (gint64 wall)
{
  return wall >= steady_wall_from_fields (STEADY_CALENDAR_MIN_YEAR, 1, 1, 0, 0, 0) &&
         wall < steady_wall_from_fields (STEADY_CALENDAR_MAX_YEAR + 1, 1, 1, 0, 0, 0);
}

/* A floating (zone-less) libical time. */
struct icaltimetype
steady_wall_to_icaltime (gint64 wall)
{
  struct icaltimetype tt = icaltime_null_time ();

  steady_wall_to_fields (wall, &tt.year, &tt.month, &tt.day, &tt.hour, &tt.minute, &tt.second);

  return tt;
}

gint64
steady_wall_from_icaltime (struct icaltimetype tt)
{
  if (tt.is_date)
    return steady_wall_from_fields (tt.year, tt.month, tt.day, 0, 0, 0);

  return steady_wall_from_fields (tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
}

struct icaltimetype
steady_utc_to_icaltime (gint64 utc)
{
  struct icaltimetype tt = steady_wall_to_icaltime (utc);

  tt.zone = icaltimezone_get_utc_timezone ();

  return tt;
}

/* Series */

void
steady_series_times_clear (SteadySeriesTimes *times)
{
  g_clear_pointer (&times->zone, steady_zone_unref);
  g_clear_pointer (&times->rrule, g_free);
}

/**
 * steady_calendar_check_text:
 * @what: the field's name, for the message
 * @text: (nullable): the text
 * @max_bytes: the longest allowed
 * @required: whether it may be empty
 * @error: a location for an error
 */
gboolean
steady_calendar_check_text (const char  *what,
                            const char  *text,
                            gsize        max_bytes,
                            gboolean     required,
                            GError     **error)
{
  gsize len = text ? strlen (text) : 0;
  gboolean blank = TRUE;

  for (gsize i = 0; i < len && blank; i++)
    blank = g_ascii_isspace (text[i]);

  if (required && blank)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("“%s” must not be empty."), what);
      return FALSE;
    }

  if (text != NULL && !g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("“%s” is not valid UTF-8 text."), what);
      return FALSE;
    }

  if (len > max_bytes)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   /* Translators: a field's name, its size and the most it may hold */
                   _("“%s” is too long (%lu bytes; at most %lu)."),
                   what, (unsigned long)len, (unsigned long)max_bytes);
      return FALSE;
    }

  return TRUE;
}

/**
 * steady_calendar_check_series:
 * @series: what is to be stored
 * @zone: @series' zone
 * @out: (out caller-allocates): the checked times; clear with
 *   steady_series_times_clear()
 * @error: a location for an error
 *
 * Checks every field and works out what the table keeps besides them: the
 * normalized rule, the first start and the end of the last session (for
 * range queries; none for an endless series).
 */
gboolean
steady_calendar_check_series (SteadySessionSeries  *series,
                              SteadyZone           *zone,
                              SteadySeriesTimes    *out,
                              GError              **error)
{
  const char *start_local = steady_session_series_get_start_local (series);
  const char *rrule = steady_session_series_get_rrule (series);
  gint64 duration = steady_session_series_get_duration (series);

  memset (out, 0, sizeof *out);

  if (!steady_calendar_check_text (C_("field", "Title"), steady_session_series_get_title (series),
                                   STEADY_CALENDAR_MAX_LINE, TRUE, error) ||
      !steady_calendar_check_text (C_("field", "Location"), steady_session_series_get_location (series),
                                   STEADY_CALENDAR_MAX_LINE, FALSE, error) ||
      !steady_calendar_check_text (C_("field", "Facilitator"), steady_session_series_get_facilitator (series),
                                   STEADY_CALENDAR_MAX_LINE, FALSE, error) ||
      !steady_calendar_check_text (C_("field", "Notes"), steady_session_series_get_notes (series),
                                   STEADY_CALENDAR_MAX_TEXT, FALSE, error) ||
      !steady_calendar_check_text ("UID", steady_session_series_get_uid (series),
                                   STEADY_CALENDAR_MAX_LINE, FALSE, error))
    return FALSE;

  if (!steady_wall_parse (start_local, &out->start_wall))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The start “%s” is not a date and time between the years %d and %d."),
                   start_local ? start_local : "", STEADY_CALENDAR_MIN_YEAR, STEADY_CALENDAR_MAX_YEAR);
      return FALSE;
    }

  if (duration < 0 || duration > STEADY_CALENDAR_MAX_DURATION)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A session cannot last longer than a day."));
      return FALSE;
    }

  out->zone = steady_zone_ref (zone);
  out->first_utc = steady_zone_to_utc (zone, out->start_wall);
  out->last_end_utc = out->first_utc + duration;

  if (rrule != NULL)
    {
      struct icalrecurrencetype rule;
      gboolean repeats = FALSE;

      out->rrule = steady_rrule_normalize (rrule, zone, out->start_wall, &repeats, error);
      if (out->rrule == NULL)
        {
          steady_series_times_clear (out);
          return FALSE;
        }

      if (!repeats)
        {
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                       _("The repeat rule “%s” gives no session after the first."), rrule);
          steady_series_times_clear (out);
          return FALSE;
        }

      rule = icalrecurrencetype_from_string (out->rrule);

      if (rule.count > 0)
        {
          g_autoptr(SteadyRecurIter) iter = NULL;
          gint64 wall, last = out->start_wall;

          iter = steady_recur_iter_new (out->rrule, zone, out->start_wall, out->start_wall,
                                        STEADY_CALENDAR_MAX_STEPS);
          while (iter != NULL && steady_recur_iter_next (iter, &wall))
            last = wall;

          out->last_end_utc = MAX (out->first_utc, steady_zone_to_utc (zone, last)) + duration;
        }
      else if (!icaltime_is_null_time (rule.until))
        {
          out->last_end_utc = MAX (out->first_utc, steady_wall_from_icaltime (rule.until)) + duration;
        }
      else
        {
          out->endless = TRUE;
        }
    }

  return TRUE;
}
