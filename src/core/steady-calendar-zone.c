/* steady-calendar-zone.c: time zones, system and imported
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

#include "steady-calendar.h"
#include "steady-calendar-private.h"

/* Custom zones (from imported VTIMEZONEs) kept for the life of the
 * process; more than this and they are made and freed per use. */
#define MAX_CACHED_CUSTOM_ZONES 64
/* Bounds on a VTIMEZONE from a file, so that libical's expansion of it
 * stays small. */
#define MAX_ZONE_OBSERVANCES 200
/* Changes of offset libical may work out for a zone defined in a file,
 * from its observances' starts to the last year a session can be in.
 * Real zones make one or two a year: some 1,200 from 1601, where
 * Outlook starts them. */
#define MAX_ZONE_CHANGES     5000
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

/* libical's time zone code expands transitions lazily into shared
 * tables and loads built-in zones on demand: every call into it from any
 * thread holds this lock. */
static GMutex zone_lock;
static GHashTable *builtin_zones;
static GHashTable *custom_zones;

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
                  guint64        *inout_n_changes,
                  GError        **error)
{
  struct icaltimetype start;
  icalproperty *prop;

  /* libical expands every observance from its start to the year asked
   * about: keep that span within reason. */
  prop = icalcomponent_get_first_property (observance, ICAL_DTSTART_PROPERTY);
  if (prop == NULL || (start = icalproperty_get_dtstart (prop)).year < MIN_ZONE_YEAR)
    return FALSE;

  prop = icalcomponent_get_first_property (observance, ICAL_TZOFFSETTO_PROPERTY);
  if (prop == NULL || ABS (icalproperty_get_tzoffsetto (prop)) > MAX_ZONE_OFFSET)
    return FALSE;

  prop = icalcomponent_get_first_property (observance, ICAL_TZOFFSETFROM_PROPERTY);
  if (prop == NULL || ABS (icalproperty_get_tzoffsetfrom (prop)) > MAX_ZONE_OFFSET)
    return FALSE;

  /* Real zones change at most a few times a year: a rule that fires more
   * often would make libical expand it without end, and one that fires
   * every day of the year from 1601 takes it seconds. */
  for (prop = icalcomponent_get_first_property (observance, ICAL_RRULE_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (observance, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (prop);
      int last_year = STEADY_CALENDAR_MAX_YEAR;
      guint per_year;
      guint64 changes;

      if (rule.freq != ICAL_YEARLY_RECURRENCE)
        return FALSE;

      /* libical looks for seconds for a change a rule never makes. */
      per_year = steady_rrule_changes_per_year (&rule, start.day);
      if (per_year == 0)
        return FALSE;

      if (!icaltime_is_null_time (rule.until))
        last_year = MIN (rule.until.year, last_year);

      changes = (guint64)per_year * MAX (0, last_year - start.year + 1);
      if (rule.count > 0)
        changes = MIN (changes, (guint64)rule.count);

      *inout_n_changes += changes;
      if (*inout_n_changes > MAX_ZONE_CHANGES)
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
  guint64 n_changes = 0;
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
    comp = steady_ics_reader_parse (vtimezone, strlen (vtimezone));

  if (comp == NULL || icalcomponent_isa (comp) != ICAL_VTIMEZONE_COMPONENT)
    usable = FALSE;

  for (sub = usable ? icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT) : NULL;
       sub != NULL && usable;
       sub = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (sub);

      if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT)
        continue;

      usable = ++n_observances <= MAX_ZONE_OBSERVANCES && check_observance (sub, &n_rdates, &n_changes, error);
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

typedef struct
{
  char *tzid;
  char *vtimezone;
} ZoneToWarm;

static void
zone_to_warm_free (ZoneToWarm *warm)
{
  g_free (warm->tzid);
  g_free (warm->vtimezone);
  g_free (warm);
}

static gpointer
warm_zones_thread (gpointer data)
{
  g_autoptr(GPtrArray) zones = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < zones->len; i++)
    {
      ZoneToWarm *warm = g_ptr_array_index (zones, i);
      SteadyZone *zone = steady_zone_get (warm->tzid);

      if (zone == NULL && warm->vtimezone != NULL)
        zone = steady_zone_new_from_vtimezone (warm->tzid, warm->vtimezone, NULL);
      if (zone == NULL)
        continue;

      /* libical expands the zone's changes up to the year asked for,
       * and a few beyond, and keeps them. */
      steady_zone_to_utc (zone, g_date_time_to_unix (now));
      steady_zone_unref (zone);
    }

  return NULL;
}

/**
 * steady_calendar_warm_zones:
 * @store: a store
 *
 * Reads which time zones the stored sessions are in (on the calling
 * thread, with the store's reader) and starts a thread that has libical
 * work out their changes of offset. The first read of the calendar
 * otherwise does that itself: on years of sessions in a zone with
 * daylight saving time, several milliseconds of the first frame. Every
 * call into libical's zones holds one lock, so a read that comes first
 * waits for the thread instead of doing the work twice.
 *
 * Returns: (transfer full) (nullable): the thread, to join or unref;
 *   %NULL when there is nothing to work out
 */
GThread *
steady_calendar_warm_zones (SteadyStore *store)
{
  sqlite3 *db = steady_store_get_reader (store);
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func ((GDestroyNotify)zone_to_warm_free);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, db,
                               "SELECT DISTINCT s.tzid, z.vtimezone FROM calendar_series AS s "
                               "LEFT JOIN calendar_timezone AS z ON z.tzid = s.tzid "
                               "LIMIT 16",
                               &error);
  if (stmt == NULL)
    {
      g_debug ("Zones to work out: %s", error->message);
      return NULL;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      ZoneToWarm *warm = g_new0 (ZoneToWarm, 1);

      warm->tzid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      warm->vtimezone = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      g_ptr_array_add (zones, warm);
    }
  sqlite3_reset (stmt);

  if (zones->len == 0)
    return NULL;

  return g_thread_new ("steady-zones", warm_zones_thread, g_steal_pointer (&zones));
}
