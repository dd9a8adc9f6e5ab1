/* steady-ics-export.c: the session calendar written as iCalendar
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
          g_warning ("Leaving series %" G_GINT64_FORMAT " out of the export: its time zone or start cannot be read",
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
