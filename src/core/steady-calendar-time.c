/* steady-calendar-time.c: wall-clock times, time zones and recurrence
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

/* Custom zones (from imported VTIMEZONEs) kept for the life of the
 * process; more than this and they are made and freed per use. */
#define MAX_CACHED_CUSTOM_ZONES 64
/* Bounds on a VTIMEZONE from a file, so that libical's expansion of it
 * stays small. */
#define MAX_ZONE_OBSERVANCES 200
#define MIN_ZONE_YEAR        1600
#define MAX_ZONE_OFFSET      (18 * 3600)

struct _SteadyZone
{
  gatomicrefcount  ref_count;
  gboolean         permanent;
  gboolean         utc;
  char            *tzid;
  char            *vtimezone;
  /* Borrowed from libical for built-in zones, owned for custom ones. */
  icaltimezone    *zone;
};

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

/* libical's time zone code expands transitions lazily into shared
 * tables and loads built-in zones on demand: every call into it from any
 * thread holds this lock. */
static GMutex zone_lock;
static GHashTable *builtin_zones;
static GHashTable *custom_zones;

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

/* Time zones */

/**
 * steady_calendar_tzid_is_sane:
 *
 * Whether @tzid is short printable text; says nothing about whether the
 * zone exists.
 */
gboolean
steady_calendar_tzid_is_sane (const char *tzid)
{
  gsize len;

  if (tzid == NULL)
    return FALSE;

  len = strlen (tzid);
  if (len == 0 || len > STEADY_CALENDAR_MAX_TZID || !g_utf8_validate (tzid, len, NULL))
    return FALSE;

  for (const char *p = tzid; *p != '\0'; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f)
        return FALSE;
    }

  return TRUE;
}

/* An IANA name is looked up as a file under the system's zoneinfo: allow
 * only names that cannot leave that folder. */
static gboolean
looks_like_iana_name (const char *tzid)
{
  if (tzid[0] == '/' || strstr (tzid, "//") != NULL || strlen (tzid) > 64)
    return FALSE;

  for (const char *p = tzid; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '/' && *p != '_' && *p != '-' && *p != '+')
        return FALSE;
    }

  return TRUE;
}

static SteadyZone *
zone_new (const char   *tzid,
          icaltimezone *zone,
          const char   *vtimezone,
          gboolean      permanent,
          gboolean      utc)
{
  SteadyZone *self = g_new0 (SteadyZone, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->permanent = permanent;
  self->utc = utc;
  self->tzid = g_strdup (tzid);
  self->vtimezone = g_strdup (vtimezone);
  self->zone = zone;

  return self;
}

static gboolean
is_utc_name (const char *tzid)
{
  return g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC") ||
         g_str_equal (tzid, "GMT") || g_str_equal (tzid, "Etc/GMT") ||
         g_str_equal (tzid, "Z");
}

/**
 * steady_zone_get:
 * @tzid: an IANA name or "UTC"
 *
 * Returns: (transfer full) (nullable): the system's zone, or %NULL if
 *   there is no such zone
 */
SteadyZone *
steady_zone_get (const char *tzid)
{
  SteadyZone *zone;

  if (!steady_calendar_tzid_is_sane (tzid))
    return NULL;

  g_mutex_lock (&zone_lock);

  if (builtin_zones == NULL)
    builtin_zones = g_hash_table_new (g_str_hash, g_str_equal);

  zone = g_hash_table_lookup (builtin_zones, tzid);
  if (zone == NULL)
    {
      if (is_utc_name (tzid))
        {
          zone = zone_new (tzid, icaltimezone_get_utc_timezone (), NULL, TRUE, TRUE);
        }
      else if (looks_like_iana_name (tzid))
        {
          icaltimezone *builtin = icaltimezone_get_builtin_timezone (tzid);

          /* A zone that loaded without any rules is not one. */
          if (builtin != NULL && icaltimezone_get_component (builtin) != NULL)
            zone = zone_new (tzid, builtin, NULL, TRUE, FALSE);
        }

      if (zone != NULL)
        g_hash_table_insert (builtin_zones, zone->tzid, zone);
    }

  g_mutex_unlock (&zone_lock);

  return zone;
}

static gboolean
check_observance (icalcomponent  *observance,
                  guint          *inout_n_rdates,
                  GError        **error)
{
  icalproperty *prop;

  /* libical expands every observance from its start to the year asked
   * about: keep that span within reason. */
  prop = icalcomponent_get_first_property (observance, ICAL_DTSTART_PROPERTY);
  if (prop == NULL || icalproperty_get_dtstart (prop).year < MIN_ZONE_YEAR)
    return FALSE;

  prop = icalcomponent_get_first_property (observance, ICAL_TZOFFSETTO_PROPERTY);
  if (prop == NULL || ABS (icalproperty_get_tzoffsetto (prop)) > MAX_ZONE_OFFSET)
    return FALSE;

  prop = icalcomponent_get_first_property (observance, ICAL_TZOFFSETFROM_PROPERTY);
  if (prop == NULL || ABS (icalproperty_get_tzoffsetfrom (prop)) > MAX_ZONE_OFFSET)
    return FALSE;

  /* Real zones change at most a few times a year: a rule that fires more
   * often would make libical expand it without end. */
  for (prop = icalcomponent_get_first_property (observance, ICAL_RRULE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (observance, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (prop);

      if (rule.freq != ICAL_YEARLY_RECURRENCE)
        return FALSE;
    }

  for (prop = icalcomponent_get_first_property (observance, ICAL_RDATE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (observance, ICAL_RDATE_PROPERTY))
    {
      if (++*inout_n_rdates > MAX_ZONE_OBSERVANCES)
        return FALSE;
    }

  return TRUE;
}

static void
zone_free (SteadyZone *self)
{
  if (self->zone != NULL && !self->utc && self->vtimezone != NULL)
    {
      g_mutex_lock (&zone_lock);
      icaltimezone_free (self->zone, TRUE);
      g_mutex_unlock (&zone_lock);
    }

  g_free (self->tzid);
  g_free (self->vtimezone);
  g_free (self);
}

/**
 * steady_zone_new_from_vtimezone:
 * @tzid: the name the zone goes by
 * @vtimezone: a VTIMEZONE component as text
 * @error: a location for an error
 *
 * Returns: (transfer full) (nullable): the zone @vtimezone defines
 */
SteadyZone *
steady_zone_new_from_vtimezone (const char  *tzid,
                                const char  *vtimezone,
                                GError     **error)
{
  g_autofree char *key = NULL;
  icalcomponent *comp = NULL;
  icalcomponent *sub;
  icaltimezone *zone;
  SteadyZone *self;
  guint n_observances = 0;
  guint n_rdates = 0;
  gboolean usable = TRUE;

  g_return_val_if_fail (tzid != NULL, NULL);
  g_return_val_if_fail (vtimezone != NULL, NULL);

  key = g_strconcat (tzid, "\n", vtimezone, NULL);

  g_mutex_lock (&zone_lock);
  if (custom_zones != NULL && (self = g_hash_table_lookup (custom_zones, key)) != NULL)
    {
      g_mutex_unlock (&zone_lock);
      return self;
    }
  g_mutex_unlock (&zone_lock);

  if (steady_calendar_tzid_is_sane (tzid))
    comp = icalparser_parse_string (vtimezone);

  if (comp == NULL || icalcomponent_isa (comp) != ICAL_VTIMEZONE_COMPONENT)
    usable = FALSE;

  for (sub = usable ? icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT) : NULL;
       sub != NULL && usable;
       sub = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (sub);

      if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
        continue;

      usable = ++n_observances <= MAX_ZONE_OBSERVANCES && check_observance (sub, &n_rdates, error);
    }

  if (!usable || n_observances == 0)
    {
      g_clear_pointer (&comp, icalcomponent_free);
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The time zone “%s” is not defined in a way Steady can use."), tzid);
      return NULL;
    }

  /* The zone answers to the name the events use. */
  {
    icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);

    if (prop != NULL)
      icalproperty_set_tzid (prop, tzid);
    else
      icalcomponent_add_property (comp, icalproperty_new_tzid (tzid));
  }

  g_mutex_lock (&zone_lock);

  zone = icaltimezone_new ();
  if (!icaltimezone_set_component (zone, comp))
    {
      icaltimezone_free (zone, TRUE);
      icalcomponent_free (comp);
      g_mutex_unlock (&zone_lock);
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The time zone “%s” is not defined in a way Steady can use."), tzid);
      return NULL;
    }

  if (custom_zones == NULL)
    custom_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_size (custom_zones) < MAX_CACHED_CUSTOM_ZONES)
    {
      self = zone_new (tzid, zone, vtimezone, TRUE, FALSE);
      g_hash_table_insert (custom_zones, g_steal_pointer (&key), self);
    }
  else
    {
      self = zone_new (tzid, zone, vtimezone, FALSE, FALSE);
    }

  g_mutex_unlock (&zone_lock);

  return self;
}

/**
 * steady_zone_lookup:
 * @store: a #SteadyStore
 * @db: the connection to read from
 * @tzid: a zone name
 * @error: a location for an error
 *
 * Finds a system zone, or one stored with an import.
 *
 * Returns: (transfer full) (nullable): the zone
 */
SteadyZone *
steady_zone_lookup (SteadyStore  *store,
                    sqlite3      *db,
                    const char   *tzid,
                    GError      **error)
{
  SteadyZone *zone;
  sqlite3_stmt *stmt;
  g_autofree char *text = NULL;
  int rc;

  zone = steady_zone_get (tzid);
  if (zone != NULL)
    return zone;

  if (steady_calendar_tzid_is_sane (tzid))
    {
      stmt = steady_store_prepare (store, db,
                                   "SELECT vtimezone FROM calendar_timezone WHERE tzid = ?1",
                                   error);
      if (stmt == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, tzid, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          steady_store_set_error (db, rc, "zone lookup", error);
          return NULL;
        }

      if (text != NULL)
        return steady_zone_new_from_vtimezone (tzid, text, error);
    }

  g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
               _("The time zone “%s” is not known."), tzid ? tzid : "");

  return NULL;
}

SteadyZone *
steady_zone_ref (SteadyZone *zone)
{
  g_return_val_if_fail (zone != NULL, NULL);

  if (!zone->permanent)
    g_atomic_ref_count_inc (&zone->ref_count);

  return zone;
}

void
steady_zone_unref (SteadyZone *zone)
{
  g_return_if_fail (zone != NULL);

  if (!zone->permanent && g_atomic_ref_count_dec (&zone->ref_count))
    zone_free (zone);
}

const char *
steady_zone_get_tzid (SteadyZone *zone)
{
  return zone->tzid;
}

/* The definition a custom zone came with, %NULL for system zones. */
const char *
steady_zone_get_vtimezone (SteadyZone *zone)
{
  return zone->vtimezone;
}

gboolean
steady_zone_is_utc (SteadyZone *zone)
{
  return zone->utc;
}

static int
offset_at_locked (SteadyZone *zone,
                  gint64      utc)
{
  struct icaltimetype tt;

  if (zone->utc)
    return 0;

  tt = steady_utc_to_icaltime (utc);

  return icaltimezone_get_utc_offset_of_utc_time (zone->zone, &tt, NULL);
}

/**
 * steady_zone_to_utc:
 * @zone: a zone
 * @wall: a local wall-clock time in @zone
 *
 * Resolves @wall as RFC 5545 (3.3.5) says: a time that falls in a gap
 * (spring forward) is read with the offset from before the gap, so 02:30
 * becomes 03:30 daylight time; a time that happens twice (fall back) is
 * the first of the two.
 *
 * Returns: the instant, in Unix seconds
 */
gint64
steady_zone_to_utc (SteadyZone *zone,
                    gint64      wall)
{
  int before, after;
  gint64 result;

  if (zone->utc)
    return wall;

  g_mutex_lock (&zone_lock);

  /* Offsets a day either side: no zone changes twice within two days. */
  before = offset_at_locked (zone, wall - 86400);
  after = offset_at_locked (zone, wall + 86400);

  if (before == after)
    {
      result = wall - before;
    }
  else
    {
      gboolean before_fits = offset_at_locked (zone, wall - before) == before;
      gboolean after_fits = offset_at_locked (zone, wall - after) == after;

      if (before_fits && after_fits)
        result = MIN (wall - before, wall - after);
      else if (after_fits)
        result = wall - after;
      else
        result = wall - before;
    }

  g_mutex_unlock (&zone_lock);

  return result;
}

gint64
steady_zone_to_wall (SteadyZone *zone,
                     gint64      utc)
{
  int offset;

  if (zone->utc)
    return utc;

  g_mutex_lock (&zone_lock);
  offset = offset_at_locked (zone, utc);
  g_mutex_unlock (&zone_lock);

  return utc + offset;
}

/**
 * steady_zone_dup_vtimezone:
 * @zone: a zone
 *
 * Returns: (transfer full) (nullable): a VTIMEZONE whose TZID is the
 *   zone's name, or %NULL for UTC
 */
icalcomponent *
steady_zone_dup_vtimezone (SteadyZone *zone)
{
  icalcomponent *comp = NULL;
  icalcomponent *source;
  icalproperty *prop;

  if (zone->utc)
    return NULL;

  g_mutex_lock (&zone_lock);
  source = icaltimezone_get_component (zone->zone);
  if (source != NULL)
    comp = icalcomponent_new_clone (source);
  g_mutex_unlock (&zone_lock);

  if (comp == NULL)
    return NULL;

  /* System zones are named "/freeassociation.sourceforge.net/…" inside
   * libical; other programs expect the plain IANA name. */
  prop = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);
  if (prop != NULL)
    icalproperty_set_tzid (prop, zone->tzid);
  else
    icalcomponent_add_property (comp, icalproperty_new_tzid (zone->tzid));

  return comp;
}

/**
 * steady_calendar_dup_local_tzid:
 *
 * Returns: (transfer full): the IANA name of the process' time zone, or
 *   "UTC" when it has none that the system knows
 */
char *
steady_calendar_dup_local_tzid (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *id = g_time_zone_get_identifier (local);
  SteadyZone *zone;

  if (id != NULL && id[0] == ':')
    id++;

  zone = steady_zone_get (id);
  if (zone == NULL)
    return g_strdup ("UTC");

  steady_zone_unref (zone);

  return g_strdup (id);
}

/* Recurrence */

static gboolean
has_by (const short *array)
{
  return array[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

/* libical takes some rules that can never match and then searches for
 * a match for a long time (half a second per step): refuse the known
 * kinds before it sees them. */
static gboolean
can_match (const struct icalrecurrencetype *rule)
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
      for (guint i = 0; i < ICAL_BY_MONTH_SIZE && rule->by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; i++)
        {
          int month = icalrecurrencetype_month_month (rule->by_month[i]);

          if (month < 1 || month > 12)
            continue;

          for (guint j = 0; j < ICAL_BY_MONTHDAY_SIZE && rule->by_month_day[j] != ICAL_RECURRENCE_ARRAY_MAX; j++)
            {
              int day = ABS (rule->by_month_day[j]);

              if (day >= 1 && day <= days_in_month[month])
                return TRUE;
            }
        }

      return FALSE;
    }

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

  if (!can_match (&rule))
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
                   _("“%s” is too long (%" G_GSIZE_FORMAT " bytes; at most %" G_GSIZE_FORMAT ")."),
                   what, len, max_bytes);
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
