/* steady-calendar-recur.c: recurrence rules, checked and expanded
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

struct _SteadyRecurIter
{
  icalrecur_iterator *it;
  gint64              start_wall;
  gint64              from_wall;
  gint64              peek;
  int                 libical_left;
  guint               steps;
  guint               max_steps;
  guint               have_peek : 1;
  guint               start_pending : 1;
  guint               capped : 1;
  guint               done : 1;
};

static gboolean
has_by (const short *array)
{
  return array[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

static gboolean
day_is_listed (const short *by_day,
               int          day,
               int          weekday,
               int          length)
{
  for (guint i = 0; i < ICAL_BY_DAY_SIZE && by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      int position = icalrecurrencetype_day_position (by_day[i]);

      if ((int)icalrecurrencetype_day_day_of_week (by_day[i]) - 1 != weekday)
        continue;

      if (position == 0 ||
          (position > 0 && position == (day - 1) / 7 + 1) ||
          (position < 0 && -position == (length - day) / 7 + 1))
        return TRUE;
    }

  return FALSE;
}

static gboolean
month_day_is_listed (const short *by_month_day,
                     int          day,
                     int          length)
{
  for (guint i = 0; i < ICAL_BY_MONTHDAY_SIZE && by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (by_month_day[i] == day || length + 1 + by_month_day[i] == day)
        return TRUE;
    }

  return FALSE;
}

/* How many days of a month of @length days whose first day is
 * @first_weekday (0 for Sunday) a rule's BYMONTHDAY and BYDAY give,
 * before BYSETPOS picks among them. */
static int
month_count_days (const struct icalrecurrencetype *rule,
                  int                              length,
                  int                              first_weekday,
                  int                              start_day)
{
  int n = 0;

  for (int day = 1; day <= length; day++)
    {
      int weekday = (first_weekday + day - 1) % 7;
      gboolean by_month_day = has_by (rule->by_month_day)
                              ? month_day_is_listed (rule->by_month_day, day, length)
                              : has_by (rule->by_day) || day == start_day;
      gboolean by_day = !has_by (rule->by_day) || day_is_listed (rule->by_day, day, weekday, length);

      if (by_month_day && by_day)
        n++;
    }

  return n;
}

static gboolean
month_is_listed (const struct icalrecurrencetype *rule,
                 int                              month)
{
  for (guint i = 0; i < ICAL_BY_MONTH_SIZE && rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (icalrecurrencetype_month_month (rule->by_month[i]) == month)
        return TRUE;
    }

  return !has_by (rule->by_month);
}

/* Whether a MONTHLY rule gives a day in such a month */
static gboolean
month_has_session (const struct icalrecurrencetype *rule,
                   int                              length,
                   int                              first_weekday,
                   int                              start_day)
{
  int n = month_count_days (rule, length, first_weekday, start_day);

  if (!has_by (rule->by_set_pos))
    return n > 0;

  for (guint i = 0; i < ICAL_BY_SETPOS_SIZE && rule->by_set_pos[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (rule->by_set_pos[i] != 0 && ABS (rule->by_set_pos[i]) <= n)
        return TRUE;
    }

  return FALSE;
}

/* libical looks for seconds before it gives up on a MONTHLY rule that no
 * month satisfies (BYDAY=6MO, BYSETPOS=9, BYMONTHDAY=1,2;BYDAY=3FR…).
 * Each month, in leap years and not, starts on each weekday in some
 * year: trying every such month tells whether any ever does. */
static gboolean
monthly_can_match (const struct icalrecurrencetype *rule,
                   int                              start_day)
{
  static const int lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  for (int month = 1; month <= 12; month++)
    {
      for (int leap = 0; month_is_listed (rule, month) && leap <= (month == 2); leap++)
        {
          for (int first_weekday = 0; first_weekday < 7; first_weekday++)
            {
              if (month_has_session (rule, lengths[month - 1] + leap, first_weekday, start_day))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static guint
count_by (const short *array,
          guint        size)
{
  guint n = 0;

  while (n < size && array[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;

  return n;
}

static gboolean
has_numbered_day (const short *by_day)
{
  for (guint i = 0; i < ICAL_BY_DAY_SIZE && by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (icalrecurrencetype_day_position (by_day[i]) != 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * steady_rrule_changes_per_year:
 * @rule: a YEARLY rule
 * @start_day: the day of the month it starts on
 *
 * For a zone's observance: libical works out each change of offset from
 * the observance's start on.
 *
 * Returns: at most how many times a year @rule fires (0: never, as
 *   BYMONTH=3;BYDAY=6SU); more than it does for some rules
 */
guint
steady_rrule_changes_per_year (const struct icalrecurrencetype *rule,
                               int                              start_day)
{
  guint per_day = MAX (1, count_by (rule->by_hour, ICAL_BY_HOUR_SIZE)) *
                  MAX (1, count_by (rule->by_minute, ICAL_BY_MINUTE_SIZE)) *
                  MAX (1, count_by (rule->by_second, ICAL_BY_SECOND_SIZE));
  guint days = 0;

  if (has_by (rule->by_year_day) || has_by (rule->by_week_no))
    days = 366;
  else if (!has_by (rule->by_month) && !has_by (rule->by_month_day) && !has_by (rule->by_day))
    days = 1;
  else if (!has_by (rule->by_month) && has_numbered_day (rule->by_day))
    {
      /* "20SU" is then the 20th Sunday of the year, not of a month. */
      for (guint i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        days += icalrecurrencetype_day_position (rule->by_day[i]) != 0 ? 1 : 53;
    }
  else
    {
      static const int lengths[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

      for (int month = 1; month <= 12; month++)
        {
          int most = 0;

          if (!month_is_listed (rule, month))
            continue;

          for (int first_weekday = 0; first_weekday < 7; first_weekday++)
            most = MAX (most, month_count_days (rule, lengths[month - 1], first_weekday, start_day));
          days += most;
        }
    }

  if (has_by (rule->by_set_pos))
    return MIN (days * per_day, count_by (rule->by_set_pos, ICAL_BY_SETPOS_SIZE));

  return days * per_day;
}

/* libical takes some rules that can never match and then searches for
 * a match for a long time (half a second per step): refuse the known
 * kinds before it sees them. */
static gboolean
can_match (const struct icalrecurrencetype *rule,
           int                              start_day)
{
  static const int days_in_month[] = { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  /* RFC 5545: a numbered BYDAY ("1MO") only with MONTHLY or YEARLY. */
  for (guint i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
    {
      if (icalrecurrencetype_day_position (rule->by_day[i]) != 0 &&
          rule->freq != ICAL_MONTHLY_RECURRENCE && rule->freq != ICAL_YEARLY_RECURRENCE)
        return FALSE;
    }

  /* The 30th of February */
  if (has_by (rule->by_month) && has_by (rule->by_month_day))
    {
      gboolean fits = FALSE;

      for (guint i = 0; i < ICAL_BY_MONTH_SIZE && rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        {
          int month = icalrecurrencetype_month_month (rule->by_month[i]);

          if (month < 1 || month > 12)
            continue;

          for (guint j = 0; j < ICAL_BY_MONTHDAY_SIZE && rule->by_month_day[j] != ICAL_RECURRENCE_ARRAY_MAX; j++)
            {
              int day = ABS (rule->by_month_day[j]);

              fits = fits || (day >= 1 && day <= days_in_month[month]);
            }
        }

      if (!fits)
        return FALSE;
    }

  if (rule->freq == ICAL_MONTHLY_RECURRENCE)
    return monthly_can_match (rule, start_day);

  return TRUE;
}

static const char *
freq_name (icalrecurrencetype_frequency freq)
{
  switch (freq)
    {
    case ICAL_SECONDLY_RECURRENCE: return "SECONDLY";
    case ICAL_MINUTELY_RECURRENCE: return "MINUTELY";
    case ICAL_HOURLY_RECURRENCE: return "HOURLY";
    case ICAL_DAILY_RECURRENCE: return "DAILY";
    case ICAL_WEEKLY_RECURRENCE: return "WEEKLY";
    case ICAL_MONTHLY_RECURRENCE: return "MONTHLY";
    case ICAL_YEARLY_RECURRENCE: return "YEARLY";
    case ICAL_NO_RECURRENCE:
    default:
      return "";
    }
}

static const char *
skip_prefix (const char *rrule)
{
  if (g_ascii_strncasecmp (rrule, "RRULE:", 6) == 0)
    return rrule + 6;

  return rrule;
}

/* UNTIL as an instant: a date means the end of that local day, a
 * floating time is local to the series. */
static gint64
until_to_utc (struct icaltimetype  until,
              SteadyZone          *zone)
{
  if (until.is_date)
    return steady_zone_to_utc (zone, steady_wall_from_fields (until.year, until.month, until.day, 23, 59, 59));

  if (icaltime_is_utc (until))
    return steady_wall_from_icaltime (until);

  return steady_zone_to_utc (zone, steady_wall_from_icaltime (until));
}

/**
 * steady_rrule_normalize:
 * @rrule: an RRULE value, with or without "RRULE:"
 * @zone: the series' zone
 * @start_wall: the series' start
 * @out_repeats: (out): whether the rule gives any session besides the first
 * @error: a location for an error
 *
 * Checks a rule against what sessions can be (daily or slower, one time
 * of day, bounded COUNT) and returns it as libical writes it, with UNTIL
 * in UTC as RFC 5545 wants when the start has a zone.
 *
 * Returns: (transfer full) (nullable): the rule
 */
char *
steady_rrule_normalize (const char  *rrule,
                        SteadyZone  *zone,
                        gint64       start_wall,
                        gboolean    *out_repeats,
                        GError     **error)
{
  g_autoptr(SteadyRecurIter) iter = NULL;
  struct icalrecurrencetype rule;
  char *text;
  char *result;
  gint64 wall;
  guint n = 0;
  int start_day;

  g_return_val_if_fail (rrule != NULL, NULL);

  rrule = skip_prefix (rrule);

  if (strlen (rrule) > STEADY_CALENDAR_MAX_LINE || !g_utf8_validate (rrule, -1, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The repeat rule is too long."));
      return NULL;
    }

  rule = icalrecurrencetype_from_string (rrule);
  icalerror_clear_errno ();

  if (rule.freq == ICAL_NO_RECURRENCE)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” could not be read."), rrule);
      return NULL;
    }

  if (rule.freq < ICAL_DAILY_RECURRENCE)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("Sessions cannot repeat more often than daily (the rule says FREQ=%s)."),
                   freq_name (rule.freq));
      return NULL;
    }

  if (has_by (rule.by_hour) || has_by (rule.by_minute) || has_by (rule.by_second))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” sets times of day (BYHOUR, BYMINUTE or BYSECOND); Steady needs one series per time of day."),
                   rrule);
      return NULL;
    }

  if (rule.count < 0 || rule.count > STEADY_CALENDAR_MAX_COUNT)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule asks for %d sessions; at most %d are allowed."),
                   rule.count, STEADY_CALENDAR_MAX_COUNT);
      return NULL;
    }

  if (rule.interval < 1 || rule.interval > STEADY_CALENDAR_MAX_INTERVAL)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” has an interval Steady cannot use."), rrule);
      return NULL;
    }

  if (rule.rscale != NULL && g_ascii_strcasecmp (rule.rscale, "GREGORIAN") != 0)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” uses a calendar other than the Gregorian one."), rrule);
      return NULL;
    }

  steady_wall_to_fields (start_wall, NULL, NULL, &start_day, NULL, NULL, NULL);
  if (!can_match (&rule, start_day))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” can never give a session."), rrule);
      return NULL;
    }

  if (!icaltime_is_null_time (rule.until))
    {
      gint64 until = until_to_utc (rule.until, zone);

      if (!steady_wall_is_supported (until))
        {
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                       _("The repeat rule “%s” ends at an unsupported date."), rrule);
          return NULL;
        }

      rule.until = steady_utc_to_icaltime (until);
    }

  text = icalrecurrencetype_as_string_r (&rule);
  result = g_strdup (text);
  icalmemory_free_buffer (text);

  iter = steady_recur_iter_new (result, zone, start_wall, start_wall, STEADY_CALENDAR_MAX_STEPS);
  if (iter == NULL)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The repeat rule “%s” is not valid."), rrule);
      g_free (result);
      return NULL;
    }

  while (n < 2 && steady_recur_iter_next (iter, &wall))
    n++;

  if (out_repeats != NULL)
    *out_repeats = n >= 2;

  return result;
}

/**
 * steady_recur_iter_new:
 * @rrule: (nullable): a normalized rule, or %NULL for a single session
 * @zone: the series' zone
 * @start_wall: the series' start (DTSTART)
 * @from_wall: the first wall-clock time of interest
 * @max_steps: how many steps libical may take in all
 *
 * Walks the sessions of a series from @from_wall on, in wall-clock time,
 * by libical's iterator. As RFC 5545 says, the start always counts as the
 * first session, even when the rule would not give it.
 *
 * Returns: (transfer full) (nullable): the iterator, or %NULL when libical
 *   refuses the rule
 */
SteadyRecurIter *
steady_recur_iter_new (const char *rrule,
                       SteadyZone *zone,
                       gint64      start_wall,
                       gint64      from_wall,
                       guint       max_steps)
{
  g_autoptr(SteadyRecurIter) self = g_new0 (SteadyRecurIter, 1);
  struct icalrecurrencetype rule;
  struct icaltimetype dtstart;
  struct icaltimetype first;

  self->start_wall = start_wall;
  self->from_wall = from_wall;
  self->max_steps = max_steps;
  self->start_pending = TRUE;

  if (rrule == NULL)
    {
      self->libical_left = 0;
      return g_steal_pointer (&self);
    }

  rule = icalrecurrencetype_from_string (skip_prefix (rrule));
  if (rule.freq == ICAL_NO_RECURRENCE)
    {
      icalerror_clear_errno ();
      return NULL;
    }

  /* libical compares UNTIL with the floating times it makes, so give it
   * UNTIL as a local time too. */
  if (!icaltime_is_null_time (rule.until))
    rule.until = steady_wall_to_icaltime (steady_zone_to_wall (zone, until_to_utc (rule.until, zone)));

  dtstart = steady_wall_to_icaltime (start_wall);

  self->it = icalrecur_iterator_new (rule, dtstart);
  if (self->it == NULL)
    {
      icalerror_clear_errno ();
      return NULL;
    }

  if (rule.count == 0 && from_wall > start_wall)
    {
      /* Jump ahead rather than walk an endless series from its start. */
      self->start_pending = FALSE;
      self->libical_left = -1;

      if (!icalrecur_iterator_set_start (self->it, steady_wall_to_icaltime (from_wall)))
        {
          icalerror_clear_errno ();
          icalrecur_iterator_free (self->it);
          self->it = icalrecur_iterator_new (rule, dtstart);
          if (self->it == NULL)
            return NULL;
        }

      return g_steal_pointer (&self);
    }

  self->steps++;
  first = icalrecur_iterator_next (self->it);

  if (icaltime_is_null_time (first))
    {
      self->libical_left = 0;
    }
  else if (steady_wall_from_icaltime (first) == start_wall)
    {
      /* The usual case: the rule gives the start; libical keeps COUNT. */
      self->start_pending = FALSE;
      self->have_peek = TRUE;
      self->peek = start_wall;
      self->libical_left = -1;
    }
  else
    {
      /* The start is an extra first session, and counts towards COUNT. */
      self->have_peek = TRUE;
      self->peek = steady_wall_from_icaltime (first);
      self->libical_left = rule.count > 0 ? rule.count - 1 : -1;
    }

  return g_steal_pointer (&self);
}

/**
 * steady_recur_iter_next:
 * @self: an iterator
 * @out_wall: (out): the next session's start, as wall-clock time
 *
 * Returns: %FALSE once there are no more sessions, or the step budget is
 *   spent (see steady_recur_iter_is_capped())
 */
gboolean
steady_recur_iter_next (SteadyRecurIter *self,
                        gint64          *out_wall)
{
  if (self->start_pending)
    {
      self->start_pending = FALSE;
      if (self->start_wall >= self->from_wall)
        {
          *out_wall = self->start_wall;
          return TRUE;
        }
    }

  while (!self->done)
    {
      gint64 wall;

      if (self->libical_left == 0)
        break;

      if (self->have_peek)
        {
          wall = self->peek;
          self->have_peek = FALSE;
        }
      else
        {
          struct icaltimetype next;

          if (self->it == NULL)
            break;

          if (self->steps >= self->max_steps)
            {
              self->capped = TRUE;
              break;
            }

          self->steps++;
          next = icalrecur_iterator_next (self->it);
          if (icaltime_is_null_time (next))
            break;

          wall = steady_wall_from_icaltime (next);
        }

      if (self->libical_left > 0)
        self->libical_left--;

      if (!steady_wall_is_supported (wall))
        break;

      if (wall < self->from_wall || wall < self->start_wall)
        continue;

      *out_wall = wall;
      return TRUE;
    }

  self->done = TRUE;

  return FALSE;
}

guint
steady_recur_iter_get_steps (SteadyRecurIter *self)
{
  return self->steps;
}

gboolean
steady_recur_iter_is_capped (SteadyRecurIter *self)
{
  return self->capped;
}

void
steady_recur_iter_free (SteadyRecurIter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->it, icalrecur_iterator_free);
  g_free (self);
}

/**
 * steady_recur_has_instance:
 * @rrule: (nullable): a normalized rule
 * @zone: the series' zone
 * @start_wall: the series' start
 * @wall: a wall-clock time
 * @inout_budget: (nullable): iterator steps left to spend; reduced
 *
 * Returns: whether the series has a session that starts at @wall
 */
gboolean
steady_recur_has_instance (const char *rrule,
                           SteadyZone *zone,
                           gint64      start_wall,
                           gint64      wall,
                           guint      *inout_budget)
{
  g_autoptr(SteadyRecurIter) iter = NULL;
  guint budget = inout_budget ? *inout_budget : STEADY_CALENDAR_MAX_STEPS;
  gint64 found;
  gboolean ret;

  if (wall < start_wall)
    return FALSE;
  if (rrule == NULL)
    return wall == start_wall;

  iter = steady_recur_iter_new (rrule, zone, start_wall, wall, MIN (budget, STEADY_CALENDAR_MAX_STEPS));
  if (iter == NULL)
    return FALSE;

  ret = steady_recur_iter_next (iter, &found) && found == wall;

  if (inout_budget != NULL)
    *inout_budget -= MIN (*inout_budget, steady_recur_iter_get_steps (iter));

  return ret;
}
