/* steady-ics-zone.c: the time zones an imported file names
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-private.h"
#include "steady-ics.h"
#include "steady-ics-private.h"

/* Windows zone names (from CLDR's windowsZones, territory 001) as
 * Outlook and Exchange write them, and the display names some of their
 * exports use instead. */
static const struct
{
  const char *name;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time", "America/Denver" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time", "America/New_York" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "UTC", "UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "China Standard Time", "Asia/Shanghai" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
}, display_zones[] = {
  { "Eastern Time (US & Canada)", "America/New_York" },
  { "Central Time (US & Canada)", "America/Chicago" },
  { "Mountain Time (US & Canada)", "America/Denver" },
  { "Pacific Time (US & Canada)", "America/Los_Angeles" },
  { "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin" },
  { "Brussels, Copenhagen, Madrid, Paris", "Europe/Paris" },
  { "Dublin, Edinburgh, Lisbon, London", "Europe/London" },
};

void
steady_ics_moment_clear (SteadyIcsMoment *moment)
{
  g_clear_pointer (&moment->zone, steady_zone_unref);
}

static gboolean
icaltime_is_sane (struct icaltimetype tt)
{
  if (icaltime_is_null_time (tt) ||
      tt.year < STEADY_CALENDAR_MIN_YEAR || tt.year > STEADY_CALENDAR_MAX_YEAR ||
      tt.month < 1 || tt.month > 12 || tt.day < 1 ||
      !g_date_valid_dmy (tt.day, tt.month, tt.year))
    return FALSE;

  return tt.is_date ||
         (tt.hour >= 0 && tt.hour <= 23 && tt.minute >= 0 && tt.minute <= 59 &&
          tt.second >= 0 && tt.second <= 60);
}

static SteadyZone *
map_tzid (const char *tzid)
{
  SteadyZone *zone;

  zone = steady_zone_get (tzid);
  if (zone != NULL)
    return zone;

  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    {
      if (g_ascii_strcasecmp (tzid, windows_zones[i].name) == 0)
        return steady_zone_get (windows_zones[i].iana);
    }

  for (guint i = 0; i < G_N_ELEMENTS (display_zones); i++)
    {
      if (strstr (tzid, display_zones[i].name) != NULL)
        return steady_zone_get (display_zones[i].iana);
    }

  /* "/mozilla.org/20050126_1/America/New_York",
   * "/freeassociation.sourceforge.net/Tzfile/Europe/Berlin", …: an IANA
   * name behind a vendor's prefix. */
  for (const char *slash = strchr (tzid, '/'); slash != NULL; slash = strchr (slash + 1, '/'))
    {
      zone = steady_zone_get (slash + 1);
      if (zone != NULL)
        return zone;
    }

  return NULL;
}

static SteadyZone *
resolve_tzid (SteadyIcsParser  *p,
              const char       *tzid,
              const char       *property,
              GError          **error)
{
  icalcomponent *vtimezone;
  SteadyZone *zone;

  zone = g_hash_table_lookup (p->zones, tzid);
  if (zone != NULL)
    return steady_zone_ref (zone);

  zone = steady_calendar_tzid_is_sane (tzid) ? map_tzid (tzid) : NULL;
  vtimezone = g_hash_table_lookup (p->vtimezones, tzid);

  if (zone == NULL && vtimezone != NULL)
    {
      const char *location = steady_ics_get_x (vtimezone, "X-LIC-LOCATION");

      if (location != NULL)
        zone = steady_zone_get (location);
    }

  if (zone == NULL && vtimezone != NULL)
    {
      char *text = icalcomponent_as_ical_string_r (vtimezone);
      g_autofree char *copy = g_strdup (text);

      icalmemory_free_buffer (text);

      zone = steady_zone_new_from_vtimezone (tzid, copy, error);
      if (zone == NULL)
        return NULL;

      steady_ics_preview_add_zone (p->preview, tzid, copy);
    }

  if (zone == NULL)
    {
      g_autofree char *quoted = steady_ics_quote (tzid);

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("Its time zone “%s” (in %s) is not known, and the file does not define it."),
                   quoted, property);
      return NULL;
    }

  g_hash_table_insert (p->zones, g_strdup (tzid), steady_zone_ref (zone));

  return zone;
}

gboolean
steady_ics_resolve_moment (SteadyIcsParser      *p,
                           icalproperty         *prop,
                           struct icaltimetype   tt,
                           const char           *property,
                           SteadyIcsMoment      *out,
                           GError              **error)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  if (!icaltime_is_sane (tt))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("Its %s is not a date between the years %d and %d."),
                   property, STEADY_CALENDAR_MIN_YEAR, STEADY_CALENDAR_MAX_YEAR);
      return FALSE;
    }

  out->is_date = tt.is_date;
  out->wall = steady_wall_from_icaltime (tt);

  if (icaltime_is_utc (tt))
    out->zone = steady_zone_get ("UTC");
  else if (param != NULL && icalparameter_get_tzid (param) != NULL)
    out->zone = resolve_tzid (p, icalparameter_get_tzid (param), property, error);
  else
    out->zone = steady_zone_get (p->local_tzid);  /* floating: the person's own time */

  return out->zone != NULL;
}

/* The wall-clock time in @zone of the series' session that @moment
 * names; a date names the session on that day. */
gint64
steady_ics_moment_to_series_wall (const SteadyIcsMoment *moment,
                                  SteadyZone            *zone,
                                  gint64                 start_wall)
{
  if (moment->is_date)
    return moment->wall + ((start_wall % 86400) + 86400) % 86400;

  return steady_zone_to_wall (zone, steady_zone_to_utc (moment->zone, moment->wall));
}

