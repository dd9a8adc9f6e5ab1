/* steady-ics.c: iCalendar import and export of the session calendar
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

#define MAX_FILE_ZONES  100
/* VCALENDAR > VEVENT > VALARM is three deep; libical frees recursively. */
#define MAX_DEPTH       16
/* libical can spend a long time inside one step on a rule that never
 * matches; whatever the file holds, reading it stops after this long. */
#define PARSE_SECONDS   120
/* Recurrence iterator steps one import may spend checking COUNTs,
 * EXDATEs and RECURRENCE-IDs against their rules. */
#define IMPORT_BUDGET   2000000
/* How much of a hostile value an error message repeats. */
#define MAX_QUOTED      80

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

/* Properties whose loss changes when sessions are: libical drops a
 * property it cannot parse and leaves an X-LIC-ERROR naming it. */
static const char * const time_properties[] = {
  "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "RECURRENCE-ID",
};

typedef struct
{
  SteadyIcsItem *item;
  SteadyZone    *zone;
  gint64         start_wall;
  gint64         duration;
} Master;

typedef struct
{
  SteadyIcsPreview *preview;
  /* tzid → VTIMEZONE icalcomponent, borrowed from the parsed file */
  GHashTable       *vtimezones;
  /* tzid as written in the file → SteadyZone */
  GHashTable       *zones;
  /* UID → Master */
  GHashTable       *masters;
  char             *local_tzid;
  guint             budget;
  gint64            deadline;
} Parser;

typedef struct
{
  SteadyZone *zone;
  gint64      wall;
  gboolean    is_date;
} Moment;

static void
master_free (Master *master)
{
  g_clear_pointer (&master->zone, steady_zone_unref);
  g_free (master);
}

static void
moment_clear (Moment *moment)
{
  g_clear_pointer (&moment->zone, steady_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Moment, moment_clear)

static void
parser_clear (Parser *p)
{
  g_clear_object (&p->preview);
  g_clear_pointer (&p->vtimezones, g_hash_table_unref);
  g_clear_pointer (&p->zones, g_hash_table_unref);
  g_clear_pointer (&p->masters, g_hash_table_unref);
  g_clear_pointer (&p->local_tzid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

/* Untrusted text, made safe and short enough to quote in a message. */
static char *
quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);

  g_autofree char *head = NULL;

  if (g_utf8_strlen (valid, -1) <= MAX_QUOTED)
    return g_steal_pointer (&valid);

  head = g_utf8_substring (valid, 0, MAX_QUOTED);

  return g_strconcat (head, "…", NULL);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static const char *
get_text (icalcomponent    *comp,
          icalproperty_kind kind)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, kind);
  icalvalue *value;

  if (prop == NULL || (value = icalproperty_get_value (prop)) == NULL)
    return NULL;

  return icalvalue_get_text (value);
}

static const char *
get_x (icalcomponent *comp,
       const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (prop);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        return icalproperty_get_x (prop);
    }

  return NULL;
}

static void
prefix_event_error (GError        **error,
                    icalcomponent  *comp)
{
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  const char *s = get_text (comp, ICAL_SUMMARY_PROPERTY);
  const char *u = get_text (comp, ICAL_UID_PROPERTY);

  summary = s != NULL && s[0] != '\0' ? quote (s) : NULL;
  uid = u != NULL && u[0] != '\0' ? quote (u) : NULL;

  if (summary != NULL && uid != NULL)
    /* Translators: the start of an error message about one event of a file */
    g_prefix_error (error, _("Event “%s” (UID %s): "), summary, uid);
  else if (summary != NULL)
    g_prefix_error (error, _("Event “%s”: "), summary);
  else if (uid != NULL)
    g_prefix_error (error, _("Event with UID %s: "), uid);
  else
    g_prefix_error (error, "%s", _("An event with neither SUMMARY nor UID: "));
}

static gboolean
check_parse_errors (icalcomponent  *comp,
                    GError        **error)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY))
    {
      const char *text = icalproperty_get_xlicerror (prop);

      for (guint i = 0; text != NULL && i < G_N_ELEMENTS (time_properties); i++)
        {
          g_autofree char *needle = g_strdup_printf (" %s property", time_properties[i]);

          if (strstr (text, needle) != NULL)
            {
              /* libical ends its message with the value it dropped. */
              const char *value = strstr (text, "property: ");
              g_autofree char *detail = quote (value != NULL ? value + strlen ("property: ") : text);

              g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("Its %s property cannot be read: “%s”."), time_properties[i], detail);
              return FALSE;
            }
        }

      g_debug ("Ignoring a property libical could not read: %s", text);
    }

  return TRUE;
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
resolve_tzid (Parser      *p,
              const char  *tzid,
              const char  *property,
              GError     **error)
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
      const char *location = get_x (vtimezone, "X-LIC-LOCATION");

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
      g_autofree char *quoted = quote (tzid);

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("Its time zone “%s” (in %s) is not known, and the file does not define it."),
                   quoted, property);
      return NULL;
    }

  g_hash_table_insert (p->zones, g_strdup (tzid), steady_zone_ref (zone));

  return zone;
}

static gboolean
resolve_moment (Parser               *p,
                icalproperty         *prop,
                struct icaltimetype   tt,
                const char           *property,
                Moment               *out,
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
static gint64
moment_to_series_wall (const Moment *moment,
                       SteadyZone   *zone,
                       gint64        start_wall)
{
  if (moment->is_date)
    return moment->wall + ((start_wall % 86400) + 86400) % 86400;

  return steady_zone_to_wall (zone, steady_zone_to_utc (moment->zone, moment->wall));
}

static gboolean
explicit_kind (icalcomponent     *comp,
               SteadySessionKind *out)
{
  const char *token = get_x (comp, "X-STEADY-KIND");

  if (token != NULL && steady_session_kind_from_token (token, out))
    return TRUE;

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_CATEGORIES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_CATEGORIES_PROPERTY))
    {
      const char *value = icalproperty_get_categories (prop);
      g_auto(GStrv) names = g_strsplit (value != NULL ? value : "", ",", 16);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *name = g_strstrip (names[i]);

          if (steady_session_kind_from_token (name, out))
            return TRUE;

          for (SteadySessionKind kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
            {
              if (g_utf8_collate (name, steady_session_kind_get_label (kind)) == 0)
                {
                  *out = kind;
                  return TRUE;
                }
            }
        }
    }

  return FALSE;
}

/* Programs' own calendars rarely say what a session is; the title often
 * does. */
static SteadySessionKind
guess_kind (const char *summary)
{
  static const struct
  {
    const char        *word;
    SteadySessionKind  kind;
  } words[] = {
    { "family", STEADY_SESSION_KIND_FAMILY_THERAPY },
    { "group", STEADY_SESSION_KIND_GROUP_THERAPY },
    { "individual", STEADY_SESSION_KIND_INDIVIDUAL_THERAPY },
    { "one-on-one", STEADY_SESSION_KIND_INDIVIDUAL_THERAPY },
    { "medication", STEADY_SESSION_KIND_MEDICATION },
    { "psychiatr", STEADY_SESSION_KIND_MEDICATION },
    { "life skill", STEADY_SESSION_KIND_LIFE_SKILLS },
    { "life-skill", STEADY_SESSION_KIND_LIFE_SKILLS },
    { "workshop", STEADY_SESSION_KIND_WORKSHOP },
    { "education", STEADY_SESSION_KIND_WORKSHOP },
  };
  g_autofree char *lower = g_utf8_strdown (summary, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (lower, words[i].word) != NULL)
        return words[i].kind;
    }

  return STEADY_SESSION_KIND_OTHER;
}

static gboolean
spend (Parser  *p,
       guint    steps,
       GError **error)
{
  if (p->budget < steps || p->budget == 0 || g_get_monotonic_time () > p->deadline)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file’s repeat rules are too many or too complex to import at once."));
      return FALSE;
    }

  p->budget -= steps;

  return TRUE;
}

/* The length of an event (or a changed session) from DTEND or DURATION,
 * or @fallback when it has neither. */
static gboolean
event_duration (Parser         *p,
                icalcomponent  *comp,
                gint64          start_utc,
                gint64          fallback,
                gint64         *out,
                GError        **error)
{
  icalproperty *prop;

  if ((prop = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY)) != NULL)
    {
      g_auto(Moment) end = { 0, };

      if (!resolve_moment (p, prop, icalproperty_get_dtend (prop), "DTEND", &end, error))
        return FALSE;

      if (end.is_date)
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("Its end (DTEND) is a date, but its start is a time."));
          return FALSE;
        }

      *out = steady_zone_to_utc (end.zone, end.wall) - start_utc;
    }
  else if ((prop = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY)) != NULL)
    {
      struct icaldurationtype duration = icalproperty_get_duration (prop);

      if (icaldurationtype_is_bad_duration (duration))
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("Its DURATION cannot be read."));
          return FALSE;
        }

      *out = icaldurationtype_as_int (duration);
    }
  else
    {
      *out = fallback;
    }

  if (*out < 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("It ends before it starts."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_event_texts (icalcomponent  *comp,
                   GError        **error)
{
  return steady_calendar_check_text ("SUMMARY", get_text (comp, ICAL_SUMMARY_PROPERTY),
                                     STEADY_CALENDAR_MAX_LINE, FALSE, error) &&
         steady_calendar_check_text ("LOCATION", get_text (comp, ICAL_LOCATION_PROPERTY),
                                     STEADY_CALENDAR_MAX_LINE, FALSE, error) &&
         steady_calendar_check_text ("DESCRIPTION", get_text (comp, ICAL_DESCRIPTION_PROPERTY),
                                     STEADY_CALENDAR_MAX_TEXT, FALSE, error) &&
         steady_calendar_check_text ("X-STEADY-FACILITATOR", get_x (comp, "X-STEADY-FACILITATOR"),
                                     STEADY_CALENDAR_MAX_LINE, FALSE, error);
}

static gboolean
is_cancelled (icalcomponent *comp)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_STATUS_PROPERTY);

  return prop != NULL && icalproperty_get_status (prop) == ICAL_STATUS_CANCELLED;
}

static char *
synthesize_uid (icalcomponent *comp)
{
  char *text = icalcomponent_as_ical_string_r (comp);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  icalmemory_free_buffer (text);

  /* The same event in the same file gets the same UID, so importing
   * that file again still finds the duplicates. */
  return g_strdup_printf ("steady-import-%.32s", sum);
}

static gboolean
process_master (Parser         *p,
                icalcomponent  *comp,
                const char     *uid_override,
                const char     *orphan_of,
                GError        **error)
{
  g_autoptr(SteadySessionSeries) series = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *rrule = NULL;
  g_auto(Moment) start = { 0, };
  icalproperty *prop;
  SteadySessionKind kind;
  const char *summary;
  SteadyIcsItem *item;
  Master *master;
  gint64 start_utc, duration;
  const char *skipped = NULL;
  const char *note = NULL;
  guint n_rrules;

  if (uid_override != NULL)
    uid = g_strdup (uid_override);
  else if (get_text (comp, ICAL_UID_PROPERTY) != NULL && get_text (comp, ICAL_UID_PROPERTY)[0] != '\0')
    uid = g_strdup (get_text (comp, ICAL_UID_PROPERTY));
  else
    uid = synthesize_uid (comp);

  if (!check_parse_errors (comp, error) ||
      !steady_calendar_check_text ("UID", uid, STEADY_CALENDAR_MAX_LINE, TRUE, error) ||
      !check_event_texts (comp, error))
    return FALSE;

  prop = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  if (prop == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("It has no start (DTSTART)."));
      return FALSE;
    }

  if (!resolve_moment (p, prop, icalproperty_get_dtstart (prop), "DTSTART", &start, error))
    return FALSE;

  summary = get_text (comp, ICAL_SUMMARY_PROPERTY);
  if (is_blank (summary))
    summary = _("Untitled session");

  if (!explicit_kind (comp, &kind))
    kind = guess_kind (summary);

  series = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);
  steady_session_series_set_uid (series, uid);
  steady_session_series_set_kind (series, kind);
  steady_session_series_set_title (series, summary);
  steady_session_series_set_location (series, get_text (comp, ICAL_LOCATION_PROPERTY));
  steady_session_series_set_notes (series, get_text (comp, ICAL_DESCRIPTION_PROPERTY));
  steady_session_series_set_facilitator (series, get_x (comp, "X-STEADY-FACILITATOR"));
  steady_session_series_set_tzid (series, steady_zone_get_tzid (start.zone));
  {
    g_autofree char *start_local = steady_wall_format (start.wall);

    steady_session_series_set_start_local (series, start_local);
  }

  start_utc = steady_zone_to_utc (start.zone, start.wall);

  if (start.is_date)
    {
      skipped = _("An all-day event is not a session.");
      duration = 0;
    }
  else if (!event_duration (p, comp, start_utc, 0, &duration, error))
    {
      return FALSE;
    }

  steady_session_series_set_duration (series, duration);

  if (skipped == NULL && duration > STEADY_CALENDAR_MAX_DURATION)
    skipped = _("It lasts longer than a day, so it is not a session.");

  n_rrules = icalcomponent_count_properties (comp, ICAL_RRULE_PROPERTY);
  if (n_rrules > 1)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("It has more than one repeat rule (RRULE)."));
      return FALSE;
    }

  if (n_rrules == 1 && skipped == NULL)
    {
      char *text = icalproperty_get_value_as_string_r (icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY));
      g_autofree char *raw = g_strdup (text);
      struct icalrecurrencetype rule;
      gboolean repeats = FALSE;

      icalmemory_free_buffer (text);

      rrule = steady_rrule_normalize (raw, start.zone, start.wall, &repeats, error);
      if (rrule == NULL)
        return FALSE;

      rule = icalrecurrencetype_from_string (rrule);
      if (!spend (p, 1 + MAX (rule.count, 0), error))
        return FALSE;

      if (!repeats)
        {
          g_clear_pointer (&rrule, g_free);
          note = _("Its repeat rule gives no session after the first, so it was added as a single session.");
        }
    }

  steady_session_series_set_rrule (series, rrule);

  if (skipped == NULL && rrule != NULL && is_cancelled (comp))
    skipped = _("The whole series is cancelled.");

  if (skipped == NULL)
    {
      g_auto(SteadySeriesTimes) times = { 0, };

      if (!steady_calendar_check_series (series, start.zone, &times, error))
        return FALSE;
    }

  if (g_hash_table_contains (p->masters, uid))
    {
      item = steady_ics_preview_add (p->preview, g_steal_pointer (&series));
      item->status = STEADY_ICS_ITEM_SKIPPED;
      steady_ics_item_add_message (item, _("Another event in the file has the same UID; only the first one is imported."));
      return TRUE;
    }

  item = steady_ics_preview_add (p->preview, g_steal_pointer (&series));
  if (skipped != NULL)
    {
      item->status = STEADY_ICS_ITEM_SKIPPED;
      steady_ics_item_add_message (item, skipped);
    }
  if (note != NULL)
    steady_ics_item_add_message (item, note);
  item->orphan_of = g_strdup (orphan_of);

  master = g_new0 (Master, 1);
  master->item = item;
  master->zone = steady_zone_ref (start.zone);
  master->start_wall = start.wall;
  master->duration = duration;
  g_hash_table_insert (p->masters, g_strdup (uid), master);

  if (item->status != STEADY_ICS_ITEM_NEW)
    return TRUE;

  if (icalcomponent_get_first_property (comp, ICAL_RDATE_PROPERTY) != NULL)
    steady_ics_item_add_message (item, _("Extra dates (RDATE) are not supported and were left out."));

  /* A single event that is cancelled is kept, as a cancelled session. */
  if (rrule == NULL && is_cancelled (comp))
    {
      SteadyExceptionData *data = steady_exception_data_new (steady_session_series_get_start_local (item->series));

      data->cancelled = TRUE;
      steady_ics_item_set_exception (item, data);
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_EXDATE_PROPERTY);
       prop != NULL && rrule != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_EXDATE_PROPERTY))
    {
      g_auto(Moment) exdate = { 0, };
      g_autofree char *rid = NULL;
      SteadyExceptionData *data;
      gint64 wall;

      if (!resolve_moment (p, prop, icalproperty_get_exdate (prop), "EXDATE", &exdate, error))
        return FALSE;

      wall = moment_to_series_wall (&exdate, start.zone, start.wall);
      if (!steady_recur_has_instance (rrule, start.zone, start.wall, wall, &p->budget))
        {
          if (!spend (p, 0, error))
            return FALSE;
          continue;  /* RFC 5545: an EXDATE that names no session is ignored */
        }
      if (!spend (p, 0, error))
        return FALSE;

      rid = steady_wall_format (wall);
      data = steady_ics_item_get_exception (item, rid);
      if (data == NULL)
        {
          data = steady_exception_data_new (rid);
          steady_ics_item_set_exception (item, data);
        }
      data->cancelled = TRUE;
    }

  return TRUE;
}

static char *
differing_text (const char *value,
                const char *series_value)
{
  return value != NULL && g_strcmp0 (value, series_value) != 0 ? g_strdup (value) : NULL;
}

static gboolean
process_override (Parser         *p,
                  icalcomponent  *comp,
                  GError        **error)
{
  g_autoptr(SteadyExceptionData) data = NULL;
  g_auto(Moment) rid_moment = { 0, };
  g_autofree char *rid = NULL;
  SteadySessionSeries *series;
  SteadySessionKind kind;
  icalproperty *rid_prop;
  icalparameter *range;
  const char *uid = get_text (comp, ICAL_UID_PROPERTY);
  Master *master = uid != NULL ? g_hash_table_lookup (p->masters, uid) : NULL;
  gint64 rid_wall, original_utc, new_utc, duration;
  icalproperty *prop;

  if (!check_parse_errors (comp, error))
    return FALSE;

  rid_prop = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY);

  /* A change to one session of a series the file does not hold, as an
   * invitation to a single session sends: import it as a session of its
   * own. */
  if (master == NULL)
    {
      char *text = icalproperty_get_value_as_string_r (rid_prop);
      g_autofree char *own_uid = g_strdup_printf ("%s-%s", uid ? uid : "", text);

      icalmemory_free_buffer (text);

      return process_master (p, comp, own_uid, uid, error);
    }

  if (master->item->status != STEADY_ICS_ITEM_NEW)
    return TRUE;

  series = master->item->series;

  if (!check_event_texts (comp, error) ||
      !resolve_moment (p, rid_prop, icalproperty_get_recurrenceid (rid_prop), "RECURRENCE-ID", &rid_moment, error))
    return FALSE;

  rid_wall = moment_to_series_wall (&rid_moment, master->zone, master->start_wall);
  rid = steady_wall_format (rid_wall);

  if (!steady_recur_has_instance (steady_session_series_get_rrule (series), master->zone,
                                  master->start_wall, rid_wall, &p->budget))
    {
      g_autofree char *message = g_strdup_printf (_("A change to the session of %s was left out: the series has no session then."),
                                                  rid);

      steady_ics_item_add_message (master->item, message);
      return spend (p, 0, error);
    }

  if (!spend (p, 0, error))
    return FALSE;

  range = icalproperty_get_first_parameter (rid_prop, ICAL_RANGE_PARAMETER);
  if (range != NULL && icalparameter_get_range (range) == ICAL_RANGE_THISANDFUTURE)
    steady_ics_item_add_message (master->item,
                                 _("A change meant for a session and the ones after it was applied to that session only."));

  /* An EXDATE wins over a change to the same session. */
  if (steady_ics_item_get_exception (master->item, rid) != NULL &&
      steady_ics_item_get_exception (master->item, rid)->cancelled)
    return TRUE;

  data = steady_exception_data_new (rid);
  data->cancelled = is_cancelled (comp);

  original_utc = steady_zone_to_utc (master->zone, rid_wall);
  new_utc = original_utc;

  if ((prop = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY)) != NULL)
    {
      g_auto(Moment) start = { 0, };

      if (!resolve_moment (p, prop, icalproperty_get_dtstart (prop), "DTSTART", &start, error))
        return FALSE;

      if (start.is_date)
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("A changed session starts on a date without a time (DTSTART)."));
          return FALSE;
        }

      new_utc = steady_zone_to_utc (start.zone, start.wall);
    }

  if (!event_duration (p, comp, new_utc, master->duration, &duration, error))
    return FALSE;

  if (duration > STEADY_CALENDAR_MAX_DURATION)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A changed session lasts longer than a day."));
      return FALSE;
    }

  data->moved = new_utc != original_utc;
  data->start_utc = data->moved ? new_utc : 0;
  data->has_duration = duration != master->duration;
  data->duration = data->has_duration ? duration : 0;
  data->kind = explicit_kind (comp, &kind) && kind != steady_session_series_get_kind (series) ? (int)kind : -1;
  data->title = differing_text (get_text (comp, ICAL_SUMMARY_PROPERTY), steady_session_series_get_title (series));
  data->location = differing_text (get_text (comp, ICAL_LOCATION_PROPERTY), steady_session_series_get_location (series));
  data->notes = differing_text (get_text (comp, ICAL_DESCRIPTION_PROPERTY), steady_session_series_get_notes (series));
  data->facilitator = differing_text (get_x (comp, "X-STEADY-FACILITATOR"), steady_session_series_get_facilitator (series));

  if (data->title != NULL && !steady_calendar_check_text ("SUMMARY", data->title, STEADY_CALENDAR_MAX_LINE, TRUE, error))
    return FALSE;

  if (data->moved && !steady_wall_is_supported (data->start_utc))
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("Its DTSTART is not a date between the years %d and %d."),
                   STEADY_CALENDAR_MIN_YEAR, STEADY_CALENDAR_MAX_YEAR);
      return FALSE;
    }

  steady_ics_item_set_exception (master->item, g_steal_pointer (&data));

  return TRUE;
}

/* Checks the text before libical sees it: libical's memory grows with
 * the number of lines, not bytes, so both are bounded. */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  const char *end = data + length;
  const char *first = NULL, *last = NULL;
  gsize first_len = 0, last_len = 0;
  guint n_lines = 0, n_events = 0;
  int depth = 0, max_depth = 0;

  if (length == 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is empty."));
      return FALSE;
    }

  if (length > STEADY_ICS_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (STEADY_ICS_MAX_BYTES);

      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file is too large to import (%s; at most %s)."), size, limit);
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("This is not an iCalendar file: it holds binary data."));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is not UTF-8 text, as iCalendar files must be."));
      return FALSE;
    }

  for (const char *p = data; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;
      gsize len = line_end - p;

      while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;

      if (len > 0 && p[0] != ' ' && p[0] != '\t')
        {
          n_lines++;
          if (first == NULL)
            {
              first = p;
              first_len = len;
            }
          last = p;
          last_len = len;

          if (len == 12 && g_ascii_strncasecmp (p, "BEGIN:VEVENT", 12) == 0)
            n_events++;

          if (len > 6 && g_ascii_strncasecmp (p, "BEGIN:", 6) == 0)
            {
              depth++;
              max_depth = MAX (max_depth, depth);
            }
          else if (len > 4 && g_ascii_strncasecmp (p, "END:", 4) == 0)
            depth--;
        }

      p = line_end + 1;
    }

  if (first == NULL || first_len != 15 || g_ascii_strncasecmp (first, "BEGIN:VCALENDAR", 15) != 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("This is not an iCalendar file: it does not start with BEGIN:VCALENDAR."));
      return FALSE;
    }

  if (last_len != 13 || g_ascii_strncasecmp (last, "END:VCALENDAR", 13) != 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file is incomplete: it does not end with END:VCALENDAR."));
      return FALSE;
    }

  if (max_depth > MAX_DEPTH)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file nests its parts too deeply to be a calendar."));
      return FALSE;
    }

  if (n_lines > STEADY_ICS_MAX_LINES)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file has too many lines to import (more than %d)."), STEADY_ICS_MAX_LINES);
      return FALSE;
    }

  if (n_events > STEADY_ICS_MAX_EVENTS)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("The file has %u events; Steady imports at most %d at once."),
                   n_events, STEADY_ICS_MAX_EVENTS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_override (icalcomponent *comp)
{
  return icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY) != NULL;
}

static SteadyIcsPreview *
parse_calendars (icalcomponent  *root,
                 GError        **error)
{
  g_auto(Parser) p = { 0, };
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    {
      g_ptr_array_add (calendars, root);
    }
  else if (icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    {
      for (icalcomponent *cal = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
           cal != NULL;
           cal = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
        g_ptr_array_add (calendars, cal);
    }

  if (calendars->len == 0)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("This is not an iCalendar file: it holds no calendar."));
      return NULL;
    }

  p.preview = steady_ics_preview_new ();
  p.vtimezones = g_hash_table_new (g_str_hash, g_str_equal);
  p.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)steady_zone_unref);
  p.masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)master_free);
  p.local_tzid = steady_calendar_dup_local_tzid ();
  p.budget = IMPORT_BUDGET;
  p.deadline = g_get_monotonic_time () + PARSE_SECONDS * G_USEC_PER_SEC;

  for (guint i = 0; i < calendars->len; i++)
    {
      icalcomponent *cal = g_ptr_array_index (calendars, i);

      for (icalcomponent *vtz = icalcomponent_get_first_component (cal, ICAL_VTIMEZONE_COMPONENT);
           vtz != NULL;
           vtz = icalcomponent_get_next_component (cal, ICAL_VTIMEZONE_COMPONENT))
        {
          icalproperty *prop = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
          const char *tzid = prop != NULL ? icalproperty_get_tzid (prop) : NULL;

          if (g_hash_table_size (p.vtimezones) >= MAX_FILE_ZONES)
            {
              g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file defines more than %d time zones."), MAX_FILE_ZONES);
              return NULL;
            }

          if (tzid != NULL && !g_hash_table_contains (p.vtimezones, tzid))
            g_hash_table_insert (p.vtimezones, (gpointer)tzid, vtz);
        }
    }

  /* Series first, then the changes to their sessions. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < calendars->len; i++)
        {
          icalcomponent *cal = g_ptr_array_index (calendars, i);

          for (icalcomponent *event = icalcomponent_get_first_component (cal, ICAL_VEVENT_COMPONENT);
               event != NULL;
               event = icalcomponent_get_next_component (cal, ICAL_VEVENT_COMPONENT))
            {
              gboolean ok;

              if (is_override (event) != (pass == 1))
                continue;

              ok = spend (&p, 0, error) &&
                   (pass == 0 ? process_master (&p, event, NULL, NULL, error)
                             : process_override (&p, event, error));
              if (!ok)
                {
                  prefix_event_error (error, event);
                  return NULL;
                }
            }
        }
    }

  return g_steal_pointer (&p.preview);
}

static gboolean
mark_duplicates_txn (SteadyStore  *store,
                     sqlite3      *db,
                     gpointer      data,
                     GError      **error)
{
  SteadyIcsPreview *preview = data;

  for (guint i = 0; i < steady_ics_preview_get_n_items (preview); i++)
    {
      SteadyIcsItem *item = steady_ics_preview_get_item (preview, i);
      const char *orphan_of = item->orphan_of;
      gboolean exists = FALSE;

      if (item->status != STEADY_ICS_ITEM_NEW)
        continue;

      if (!steady_calendar_uid_exists (store, db, steady_session_series_get_uid (item->series), &exists, error))
        return FALSE;

      /* A change to a session of a series already imported. */
      if (!exists && orphan_of != NULL &&
          !steady_calendar_uid_exists (store, db, orphan_of, &exists, error))
        return FALSE;

      if (exists)
        item->status = STEADY_ICS_ITEM_DUPLICATE;
    }

  return TRUE;
}

/**
 * steady_ics_parse:
 * @store: a #SteadyStore
 * @data: (array length=length): the file's bytes
 * @length: how many
 * @error: a location for an error
 *
 * Reads an iCalendar file into a preview of what importing it would add;
 * stores nothing. Events whose UID is in the calendar already are marked
 * as duplicates. Anything wrong with the file (too large, not iCalendar,
 * cut short, an event without start, an unreadable rule, a time zone
 * neither known nor defined in the file…) gives a
 * %STEADY_STORE_ERROR_INVALID error that says which event and which
 * property. The work is bounded in time and memory whatever the input.
 *
 * Slow for large files: use steady_ics_parse_async() from the GUI.
 *
 * Returns: (transfer full) (nullable): the preview
 */
SteadyIcsPreview *
steady_ics_parse (SteadyStore  *store,
                  const char   *data,
                  gsize         length,
                  GError      **error)
{
  g_autoptr(SteadyIcsPreview) preview = NULL;
  g_autofree char *text = NULL;
  icalcomponent *root;

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* A UTF-8 byte order mark, as some Windows programs write. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!prescan (data, length, error))
    return NULL;

  text = g_strndup (data, length);
  root = icalparser_parse_string (text);
  icalerror_clear_errno ();

  if (root == NULL)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("The file could not be read as iCalendar data."));
      return NULL;
    }

  preview = parse_calendars (root, error);
  icalcomponent_free (root);

  if (preview == NULL ||
      !steady_calendar_read_locked (store, mark_duplicates_txn, preview, error))
    return NULL;

  return g_steal_pointer (&preview);
}

typedef struct
{
  SteadyIcsPreview *preview;
  guint             n_added;
} ImportArgs;

static gboolean
import_txn (SteadyStore  *store,
            sqlite3      *db,
            gpointer      data,
            GError      **error)
{
  ImportArgs *args = data;
  GHashTable *zones = steady_ics_preview_get_zones (args->preview);

  args->n_added = 0;

  for (guint i = 0; i < steady_ics_preview_get_n_items (args->preview); i++)
    {
      SteadyIcsItem *item = steady_ics_preview_get_item (args->preview, i);
      const char *tzid = steady_session_series_get_tzid (item->series);
      const char *vtimezone;
      gboolean exists = FALSE;
      gint64 id = 0;

      if (item->status != STEADY_ICS_ITEM_NEW)
        continue;

      /* Checked again: another import may have come in between. */
      if (!steady_calendar_uid_exists (store, db, steady_session_series_get_uid (item->series), &exists, error))
        return FALSE;
      if (exists)
        continue;

      vtimezone = g_hash_table_lookup (zones, tzid);
      if (vtimezone != NULL &&
          !steady_calendar_insert_timezone (store, db, tzid, vtimezone, error))
        return FALSE;

      if (!steady_calendar_insert_series (store, db, item->series, &id, error))
        return FALSE;

      for (guint j = 0; j < item->exceptions->len; j++)
        {
          if (!steady_calendar_insert_exception (store, db, id, g_ptr_array_index (item->exceptions, j), error))
            return FALSE;
        }

      args->n_added++;
    }

  return TRUE;
}

/**
 * steady_ics_import:
 * @store: a #SteadyStore
 * @preview: what steady_ics_parse() made of a file
 * @out_n_added: (out) (optional): how many series were added
 * @error: a location for an error
 *
 * Adds the new series of @preview, with their sessions' changes, in one
 * transaction: on any error nothing is added. Series whose UID is in the
 * calendar by now are skipped, so importing a file twice adds it once.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_ics_import (SteadyStore       *store,
                   SteadyIcsPreview  *preview,
                   guint             *out_n_added,
                   GError           **error)
{
  ImportArgs args = { preview, 0 };

  g_return_val_if_fail (STEADY_IS_STORE (store), FALSE);
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (preview), FALSE);

  if (!steady_store_write (store, import_txn, &args, error))
    {
      g_prefix_error (error, "%s", _("Nothing was imported: "));
      return FALSE;
    }

  if (out_n_added != NULL)
    *out_n_added = args.n_added;

  if (args.n_added > 0)
    steady_store_emit_changed (store, "calendar");

  return TRUE;
}

/* Export */

static void
add_time (icalcomponent    *comp,
          icalproperty_kind kind,
          SteadyZone       *zone,
          gint64            wall)
{
  struct icaltimetype tt;
  icalproperty *prop;

  if (steady_zone_is_utc (zone))
    tt = steady_utc_to_icaltime (wall);
  else
    tt = steady_wall_to_icaltime (wall);

  switch (kind)
    {
    case ICAL_DTSTART_PROPERTY:
      prop = icalproperty_new_dtstart (tt);
      break;

    case ICAL_DTEND_PROPERTY:
      prop = icalproperty_new_dtend (tt);
      break;

    case ICAL_EXDATE_PROPERTY:
      prop = icalproperty_new_exdate (tt);
      break;

    case ICAL_RECURRENCEID_PROPERTY:
      prop = icalproperty_new_recurrenceid (tt);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!steady_zone_is_utc (zone))
    icalproperty_add_parameter (prop, icalparameter_new_tzid (steady_zone_get_tzid (zone)));

  icalcomponent_add_property (comp, prop);
}

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || value[0] == '\0')
    return;

  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

/* A VEVENT with the given fields; @start_utc and @duration say when. */
static icalcomponent *
build_event (SteadySessionSeries       *series,
             const SteadyExceptionData *exception,
             SteadyZone                *zone,
             gint64                     start_utc,
             const char                *rrule,
             struct icaltimetype        dtstamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  SteadySessionKind kind = steady_session_series_get_kind (series);
  const char *title = steady_session_series_get_title (series);
  const char *location = steady_session_series_get_location (series);
  const char *notes = steady_session_series_get_notes (series);
  const char *facilitator = steady_session_series_get_facilitator (series);
  gint64 duration = steady_session_series_get_duration (series);

  if (exception != NULL)
    {
      if (exception->kind >= 0)
        kind = exception->kind;
      if (exception->title != NULL)
        title = exception->title;
      if (exception->location != NULL)
        location = exception->location;
      if (exception->notes != NULL)
        notes = exception->notes;
      if (exception->facilitator != NULL)
        facilitator = exception->facilitator;
      if (exception->has_duration)
        duration = exception->duration;
    }

  icalcomponent_add_property (event, icalproperty_new_uid (steady_session_series_get_uid (series)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
  add_time (event, ICAL_DTSTART_PROPERTY, zone, steady_zone_to_wall (zone, start_utc));
  add_time (event, ICAL_DTEND_PROPERTY, zone, steady_zone_to_wall (zone, start_utc + duration));

  if (rrule != NULL)
    icalcomponent_add_property (event, icalproperty_new_rrule (icalrecurrencetype_from_string (rrule)));

  icalcomponent_add_property (event, icalproperty_new_summary (title));
  if (location[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (location));
  if (notes[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (notes));
  icalcomponent_add_property (event, icalproperty_new_categories (steady_session_kind_get_label (kind)));
  add_x (event, "X-STEADY-KIND", steady_session_kind_to_token (kind));
  add_x (event, "X-STEADY-FACILITATOR", facilitator);

  return event;
}

typedef struct
{
  gboolean  ranged;
  gint64    from;
  gint64    to;
  char     *text;
} ExportArgs;

/* The series' sessions whose original start is in the range: the first
 * and last, and how many. */
static guint
clip_to_range (SteadySessionSeries *series,
               SteadyZone          *zone,
               gint64               start_wall,
               gint64               from,
               gint64               to,
               gint64              *out_first,
               gint64              *out_last)
{
  g_autoptr(SteadyRecurIter) iter = NULL;
  gint64 wall;
  guint n = 0;

  iter = steady_recur_iter_new (steady_session_series_get_rrule (series), zone, start_wall,
                                from - 2 * 86400, STEADY_CALENDAR_MAX_STEPS);
  while (iter != NULL && steady_recur_iter_next (iter, &wall) && wall < to + 2 * 86400)
    {
      gint64 utc = steady_zone_to_utc (zone, wall);

      if (utc < from || utc >= to)
        continue;

      if (n == 0)
        *out_first = wall;
      *out_last = wall;
      n++;
    }

  return n;
}

static char *
clipped_rule (const char *rrule,
              SteadyZone *zone,
              gint64      last_wall)
{
  struct icalrecurrencetype rule = icalrecurrencetype_from_string (rrule);
  char *text;
  char *result;

  rule.count = 0;
  rule.until = steady_utc_to_icaltime (steady_zone_to_utc (zone, last_wall));
  text = icalrecurrencetype_as_string_r (&rule);
  result = g_strdup (text);
  icalmemory_free_buffer (text);

  return result;
}

static int
compare_zone_names (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static gboolean
export_txn (SteadyStore  *store,
            sqlite3      *db,
            gpointer      data,
            GError      **error)
{
  ExportArgs *args = data;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GHashTable) zones = NULL;
  g_autofree const char **names = NULL;
  g_autofree char *prodid = NULL;
  struct icaltimetype dtstamp = steady_utc_to_icaltime (g_get_real_time () / G_USEC_PER_SEC);
  icalcomponent *calendar;
  char *text;
  guint n_names;

  all = steady_calendar_load_series_all (store, db, error);
  if (all == NULL)
    return FALSE;

  zones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)steady_zone_unref);

  for (guint i = 0; i < all->len; i++)
    {
      SteadySessionSeries *series = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) exceptions = NULL;
      g_autoptr(SteadyZone) zone = NULL;
      g_autofree char *rule = NULL;
      const char *rrule = steady_session_series_get_rrule (series);
      gint64 start_wall, first_wall, last_wall;
      icalcomponent *master;

      zone = steady_zone_lookup (store, db, steady_session_series_get_tzid (series), NULL);
      if (zone == NULL || !steady_wall_parse (steady_session_series_get_start_local (series), &start_wall))
        {
          g_warning ("Leaving series %" G_GINT64_FORMAT " out of the export: its time zone is unknown",
                     steady_session_series_get_id (series));
          continue;
        }

      first_wall = start_wall;
      last_wall = G_MAXINT64;

      if (args->ranged)
        {
          guint n = clip_to_range (series, zone, start_wall, args->from, args->to, &first_wall, &last_wall);

          if (n == 0)
            continue;
          if (n > 1)
            rule = clipped_rule (rrule, zone, last_wall);
        }
      else if (rrule != NULL)
        {
          rule = g_strdup (rrule);
        }

      exceptions = steady_calendar_load_exceptions (store, db, steady_session_series_get_id (series), error);
      if (exceptions == NULL)
        return FALSE;

      if (!g_hash_table_contains (zones, steady_zone_get_tzid (zone)))
        g_hash_table_insert (zones, (gpointer)steady_zone_get_tzid (zone), steady_zone_ref (zone));

      if (rule == NULL)
        {
          /* One session: its own changes are simply how it is. */
          g_autofree char *rid = steady_wall_format (first_wall);
          const SteadyExceptionData *exception = NULL;
          gint64 start = steady_zone_to_utc (zone, first_wall);

          for (guint j = 0; j < exceptions->len; j++)
            {
              const SteadyExceptionData *candidate = g_ptr_array_index (exceptions, j);

              if (g_str_equal (candidate->recurrence_id, rid))
                exception = candidate;
            }

          if (exception != NULL && exception->moved)
            start = exception->start_utc;

          master = build_event (series, exception, zone, start, NULL, dtstamp);
          if (exception != NULL && exception->cancelled)
            icalcomponent_add_property (master, icalproperty_new_status (ICAL_STATUS_CANCELLED));
          g_ptr_array_add (events, master);
          continue;
        }

      master = build_event (series, NULL, zone, steady_zone_to_utc (zone, first_wall), rule, dtstamp);
      g_ptr_array_add (events, master);

      for (guint j = 0; j < exceptions->len; j++)
        {
          const SteadyExceptionData *exception = g_ptr_array_index (exceptions, j);
          icalcomponent *override;
          gint64 rid_wall, start;

          if (!steady_wall_parse (exception->recurrence_id, &rid_wall) ||
              rid_wall < first_wall || rid_wall > last_wall)
            continue;

          if (exception->cancelled)
            {
              add_time (master, ICAL_EXDATE_PROPERTY, zone, rid_wall);
              continue;
            }

          start = exception->moved ? exception->start_utc : steady_zone_to_utc (zone, rid_wall);
          override = build_event (series, exception, zone, start, NULL, dtstamp);
          add_time (override, ICAL_RECURRENCEID_PROPERTY, zone, rid_wall);
          g_ptr_array_add (events, override);
        }
    }

  calendar = icalcomponent_new_vcalendar ();
  prodid = g_strdup_printf ("-//Steady//Steady %s//EN", PACKAGE_VERSION);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  /* One VTIMEZONE per zone used, in a stable order. */
  names = (const char **)g_hash_table_get_keys_as_array (zones, &n_names);
  qsort (names, n_names, sizeof (char *), compare_zone_names);
  for (guint i = 0; i < n_names; i++)
    {
      icalcomponent *vtimezone = steady_zone_dup_vtimezone (g_hash_table_lookup (zones, names[i]));

      if (vtimezone != NULL)
        icalcomponent_add_component (calendar, vtimezone);
    }

  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (events, i));

  text = icalcomponent_as_ical_string_r (calendar);
  args->text = g_strdup (text);
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return TRUE;
}

/**
 * steady_ics_export:
 * @store: a #SteadyStore
 * @from: (nullable): the start of the range, or %NULL for everything
 * @to: (nullable): the end of the range (not included)
 * @error: a location for an error
 *
 * Writes the schedule as an iCalendar file that GNOME Calendar and other
 * calendars read: one VEVENT per series (with RRULE, and EXDATE for
 * cancelled sessions), one per changed session (RECURRENCE-ID), and a
 * VTIMEZONE for each zone used. With a range, only the sessions whose
 * original start is in it are written (the rule is cut to them).
 * Attendance, notes and homework stay private and are not written.
 *
 * Returns: (transfer full) (nullable): the file's text
 */
char *
steady_ics_export (SteadyStore  *store,
                   GDateTime    *from,
                   GDateTime    *to,
                   GError      **error)
{
  ExportArgs args = { 0, };

  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail ((from == NULL) == (to == NULL), NULL);

  if (from != NULL)
    {
      args.ranged = TRUE;
      args.from = g_date_time_to_unix (from);
      args.to = g_date_time_to_unix (to);
    }

  if (!steady_calendar_read_locked (store, export_txn, &args, error))
    {
      g_free (args.text);
      return NULL;
    }

  return args.text;
}

/* Async */

static gboolean
parse_work (SteadyStore  *store,
            gpointer      data,
            gpointer     *result,
            GError      **error)
{
  GBytes *bytes = data;
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);

  *result = steady_ics_parse (store, text ? text : "", length, error);

  return *result != NULL;
}

/**
 * steady_ics_parse_async:
 * @store: a #SteadyStore
 * @data: the file's bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the caller's main context
 * @user_data: for @callback
 *
 * Runs steady_ics_parse() on the store's worker.
 */
void
steady_ics_parse_async (SteadyStore         *store,
                        GBytes              *data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (data != NULL);

  steady_store_run_async (store, parse_work, g_bytes_ref (data), (GDestroyNotify)g_bytes_unref,
                          g_object_unref, cancellable, callback, user_data);
}

/**
 * steady_ics_parse_finish:
 *
 * Returns: (transfer full) (nullable): the preview
 */
SteadyIcsPreview *
steady_ics_parse_finish (SteadyStore   *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  return steady_store_run_finish (store, result, error);
}

static gboolean
import_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  guint n_added = 0;

  if (!steady_ics_import (store, data, &n_added, error))
    return FALSE;

  *result = g_memdup2 (&n_added, sizeof n_added);

  return TRUE;
}

void
steady_ics_import_async (SteadyStore         *store,
                         SteadyIcsPreview    *preview,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (STEADY_IS_ICS_PREVIEW (preview));

  steady_store_run_async (store, import_work, g_object_ref (preview), g_object_unref,
                          g_free, cancellable, callback, user_data);
}

gboolean
steady_ics_import_finish (SteadyStore   *store,
                          GAsyncResult  *result,
                          guint         *out_n_added,
                          GError       **error)
{
  g_autofree guint *n_added = steady_store_run_finish (store, result, error);

  if (n_added == NULL)
    return FALSE;

  if (out_n_added != NULL)
    *out_n_added = *n_added;

  return TRUE;
}

typedef struct
{
  GDateTime *from;
  GDateTime *to;
} ExportRange;

static void
export_range_free (ExportRange *range)
{
  g_clear_pointer (&range->from, g_date_time_unref);
  g_clear_pointer (&range->to, g_date_time_unref);
  g_free (range);
}

static gboolean
export_work (SteadyStore  *store,
             gpointer      data,
             gpointer     *result,
             GError      **error)
{
  ExportRange *range = data;

  *result = steady_ics_export (store, range->from, range->to, error);

  return *result != NULL;
}

void
steady_ics_export_async (SteadyStore         *store,
                         GDateTime           *from,
                         GDateTime           *to,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  ExportRange *range;

  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail ((from == NULL) == (to == NULL));

  range = g_new0 (ExportRange, 1);
  range->from = from ? g_date_time_ref (from) : NULL;
  range->to = to ? g_date_time_ref (to) : NULL;

  steady_store_run_async (store, export_work, range, (GDestroyNotify)export_range_free,
                          g_free, cancellable, callback, user_data);
}

/**
 * steady_ics_export_finish:
 *
 * Returns: (transfer full) (nullable): the file's text
 */
char *
steady_ics_export_finish (SteadyStore   *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  return steady_store_run_finish (store, result, error);
}
