/* steady-ics-event.c: the events of a parsed file, read as series and their changes
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

#if HAVE_VALGRIND_H
# include <valgrind/valgrind.h>
#else
# define RUNNING_ON_VALGRIND 0
#endif

#define MAX_FILE_ZONES  100
/* libical can spend a long time inside one step on a rule that never
 * matches; whatever the file holds, reading it stops after this long
 * (fifty times as long under Valgrind, which runs code that much
 * slower: the step budget below is what bounds the work). */
#define PARSE_SECONDS   120
#define VALGRIND_SLOWER 50
/* Recurrence iterator steps one import may spend checking COUNTs,
 * EXDATEs and RECURRENCE-IDs against their rules. */
#define IMPORT_BUDGET   2000000
/* How much of a hostile value an error message repeats. */
#define MAX_QUOTED      80

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

static void
master_free (Master *master)
{
  g_clear_pointer (&master->zone, steady_zone_unref);
  g_free (master);
}

static void
parser_clear (SteadyIcsParser *p)
{
  g_clear_object (&p->preview);
  g_clear_pointer (&p->vtimezones, g_hash_table_unref);
  g_clear_pointer (&p->zones, g_hash_table_unref);
  g_clear_pointer (&p->masters, g_hash_table_unref);
  g_clear_pointer (&p->local_tzid, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SteadyIcsParser, parser_clear)

/* Untrusted text, made safe and short enough to quote in a message. */
char *
steady_ics_quote (const char *text)
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

const char *
steady_ics_get_x (icalcomponent *comp,
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

/* The UID as it is stored and exported. libical's writer drops CR, BS
 * and FF from text, so a UID that held them would not be found again
 * when the export is imported: the duplicate would be added. */
static char *
dup_uid (icalcomponent *comp)
{
  const char *uid = get_text (comp, ICAL_UID_PROPERTY);
  GString *kept;

  if (uid == NULL)
    return NULL;

  kept = g_string_sized_new (strlen (uid));
  for (const char *c = uid; *c != '\0'; c++)
    {
      if (*c != '\r' && *c != '\b' && *c != '\f')
        g_string_append_c (kept, *c);
    }

  return g_string_free (kept, FALSE);
}

static void
prefix_event_error (GError        **error,
                    icalcomponent  *comp)
{
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  const char *s = get_text (comp, ICAL_SUMMARY_PROPERTY);
  const char *u = get_text (comp, ICAL_UID_PROPERTY);

  summary = s != NULL && s[0] != '\0' ? steady_ics_quote (s) : NULL;
  uid = u != NULL && u[0] != '\0' ? steady_ics_quote (u) : NULL;

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
              g_autofree char *detail = steady_ics_quote (value != NULL ? value + strlen ("property: ") : text);

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
explicit_kind (icalcomponent     *comp,
               SteadySessionKind *out)
{
  const char *token = steady_ics_get_x (comp, "X-STEADY-KIND");

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
spend (SteadyIcsParser  *p,
       guint             steps,
       GError          **error)
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
event_duration (SteadyIcsParser  *p,
                icalcomponent    *comp,
                gint64            start_utc,
                gint64            fallback,
                gint64           *out,
                GError          **error)
{
  icalproperty *prop;

  if ((prop = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY)) != NULL)
    {
      g_auto(SteadyIcsMoment) end = { 0, };

      if (!steady_ics_resolve_moment (p, prop, icalproperty_get_dtend (prop), "DTEND", &end, error))
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
         steady_calendar_check_text ("X-STEADY-FACILITATOR", steady_ics_get_x (comp, "X-STEADY-FACILITATOR"),
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
process_master (SteadyIcsParser  *p,
                icalcomponent    *comp,
                const char       *uid_override,
                const char       *orphan_of,
                GError          **error)
{
  g_autoptr(SteadySessionSeries) series = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *rrule = NULL;
  g_auto(SteadyIcsMoment) start = { 0, };
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
  else
    uid = dup_uid (comp);

  if (uid == NULL || uid[0] == '\0')
    {
      g_free (uid);
      uid = synthesize_uid (comp);
    }

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

  if (!steady_ics_resolve_moment (p, prop, icalproperty_get_dtstart (prop), "DTSTART", &start, error))
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
  steady_session_series_set_facilitator (series, steady_ics_get_x (comp, "X-STEADY-FACILITATOR"));
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
      g_auto(SteadyIcsMoment) exdate = { 0, };
      g_autofree char *rid = NULL;
      SteadyExceptionData *data;
      gint64 wall;

      if (!steady_ics_resolve_moment (p, prop, icalproperty_get_exdate (prop), "EXDATE", &exdate, error))
        return FALSE;

      wall = steady_ics_moment_to_series_wall (&exdate, start.zone, start.wall);
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
process_override (SteadyIcsParser  *p,
                  icalcomponent    *comp,
                  GError          **error)
{
  g_autoptr(SteadyExceptionData) data = NULL;
  g_auto(SteadyIcsMoment) rid_moment = { 0, };
  g_autofree char *rid = NULL;
  SteadySessionSeries *series;
  SteadySessionKind kind;
  icalproperty *rid_prop;
  icalparameter *range;
  g_autofree char *uid = dup_uid (comp);
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
      !steady_ics_resolve_moment (p, rid_prop, icalproperty_get_recurrenceid (rid_prop), "RECURRENCE-ID", &rid_moment, error))
    return FALSE;

  rid_wall = steady_ics_moment_to_series_wall (&rid_moment, master->zone, master->start_wall);
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
      g_auto(SteadyIcsMoment) start = { 0, };

      if (!steady_ics_resolve_moment (p, prop, icalproperty_get_dtstart (prop), "DTSTART", &start, error))
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
  data->facilitator = differing_text (steady_ics_get_x (comp, "X-STEADY-FACILITATOR"), steady_session_series_get_facilitator (series));

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

static gboolean
is_override (icalcomponent *comp)
{
  return icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY) != NULL;
}

SteadyIcsPreview *
steady_ics_parse_calendars (icalcomponent  *root,
                            GError        **error)
{
  g_auto(SteadyIcsParser) p = { 0, };
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
  p.deadline = g_get_monotonic_time ()
               + (gint64)PARSE_SECONDS * G_USEC_PER_SEC * (RUNNING_ON_VALGRIND ? VALGRIND_SLOWER : 1);

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

