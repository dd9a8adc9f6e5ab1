/* steady-session-series.c: a session, or a series of sessions that repeats
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-calendar-private.h"
#include "steady-session-series.h"

/**
 * SteadySessionSeries:
 *
 * What a session is and when it repeats: an editable value that the
 * calendar API stores. The start is a local wall-clock time
 * ("2026-03-02T18:00:00") in the time zone #SteadySessionSeries:tzid, so
 * an 18:00 group stays at 18:00 across daylight-saving changes. The rule
 * is an iCalendar RRULE without the "RRULE:" prefix, or %NULL for a
 * single session.
 *
 * Editors work on a copy (steady_session_series_copy()) and hand it to
 * steady_calendar_add_series() or steady_calendar_update_series().
 */
struct _SteadySessionSeries
{
  GObject            parent_instance;

  /* Owned */
  char              *uid;
  char              *title;
  char              *location;
  char              *facilitator;
  char              *notes;
  char              *tzid;
  char              *start_local;
  char              *rrule;

  gint64             id;
  gint64             duration;
  SteadySessionKind  kind;
};

G_DEFINE_FINAL_TYPE (SteadySessionSeries, steady_session_series, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadySessionKind, steady_session_kind,
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_GROUP_THERAPY, "group-therapy"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, "individual-therapy"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_FAMILY_THERAPY, "family-therapy"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_WORKSHOP, "workshop"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_LIFE_SKILLS, "life-skills"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_MEDICATION, "medication"),
                    G_DEFINE_ENUM_VALUE (STEADY_SESSION_KIND_OTHER, "other"))

G_DEFINE_FLAGS_TYPE (SteadyWeekdays, steady_weekdays,
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_MONDAY, "monday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_TUESDAY, "tuesday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_WEDNESDAY, "wednesday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_THURSDAY, "thursday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_FRIDAY, "friday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_SATURDAY, "saturday"),
                     G_DEFINE_ENUM_VALUE (STEADY_WEEKDAY_SUNDAY, "sunday"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_KIND,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_FACILITATOR,
  PROP_NOTES,
  PROP_TZID,
  PROP_START_LOCAL,
  PROP_DURATION,
  PROP_RRULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable tokens: written to .ics files (X-STEADY-KIND) and read back. */
static const char * const kind_tokens[] = {
  "group-therapy",
  "individual-therapy",
  "family-therapy",
  "workshop",
  "life-skills",
  "medication",
  "other",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_tokens) == STEADY_SESSION_KIND_LAST + 1);

/* g_set_str() is GLib 2.76. */
static void
replace_string (char       **field,
                const char  *value)
{
  char *old = *field;

  *field = g_strdup (value);
  g_free (old);
}

static gboolean
set_string (SteadySessionSeries  *self,
            char                **field,
            const char           *value,
            int                   prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);

  return TRUE;
}

static void
steady_session_series_finalize (GObject *object)
{
  SteadySessionSeries *self = (SteadySessionSeries *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->start_local, g_free);
  g_clear_pointer (&self->rrule, g_free);

  G_OBJECT_CLASS (steady_session_series_parent_class)->finalize (object);
}

static void
steady_session_series_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SteadySessionSeries *self = STEADY_SESSION_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_FACILITATOR:
      g_value_set_string (value, self->facilitator);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_START_LOCAL:
      g_value_set_string (value, self->start_local);
      break;

    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
      break;

    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_series_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadySessionSeries *self = STEADY_SESSION_SERIES (object);

  switch (prop_id)
    {
    case PROP_UID:
      steady_session_series_set_uid (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      steady_session_series_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      steady_session_series_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      steady_session_series_set_location (self, g_value_get_string (value));
      break;

    case PROP_FACILITATOR:
      steady_session_series_set_facilitator (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      steady_session_series_set_notes (self, g_value_get_string (value));
      break;

    case PROP_TZID:
      steady_session_series_set_tzid (self, g_value_get_string (value));
      break;

    case PROP_START_LOCAL:
      steady_session_series_set_start_local (self, g_value_get_string (value));
      break;

    case PROP_DURATION:
      steady_session_series_set_duration (self, g_value_get_int64 (value));
      break;

    case PROP_RRULE:
      steady_session_series_set_rrule (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_series_class_init (SteadySessionSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_session_series_finalize;
  object_class->get_property = steady_session_series_get_property;
  object_class->set_property = steady_session_series_set_property;

  /**
   * SteadySessionSeries:id:
   *
   * The row id once stored, else 0.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadySessionSeries:uid:
   *
   * The iCalendar UID; made up when the series is first stored if unset.
   */
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STEADY_TYPE_SESSION_KIND, STEADY_SESSION_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadySessionSeries:tzid:
   *
   * The time zone of the start: an IANA name such as "America/New_York",
   * "UTC", or the TZID of a time zone that came with an imported file.
   */
  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadySessionSeries:start-local:
   *
   * The first session's local wall-clock start, "YYYY-MM-DDTHH:MM:SS".
   */
  properties[PROP_START_LOCAL] =
    g_param_spec_string ("start-local", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadySessionSeries:duration:
   *
   * How long each session lasts, in seconds (at most a day).
   */
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL,
                        0, G_MAXINT64, 3600,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadySessionSeries:rrule:
   *
   * The iCalendar recurrence rule, e.g. "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=24",
   * or %NULL for a single session.
   */
  properties[PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_session_series_init (SteadySessionSeries *self)
{
  self->kind = STEADY_SESSION_KIND_OTHER;
  self->duration = 3600;
  self->title = g_strdup ("");
  self->location = g_strdup ("");
  self->facilitator = g_strdup ("");
  self->notes = g_strdup ("");
}

/**
 * steady_session_kind_to_token:
 * @kind: a #SteadySessionKind
 *
 * Returns: (transfer none): a stable, untranslated name for @kind
 */
const char *
steady_session_kind_to_token (SteadySessionKind kind)
{
  g_return_val_if_fail (kind <= STEADY_SESSION_KIND_LAST, "other");

  return kind_tokens[kind];
}

/**
 * steady_session_kind_from_token:
 * @token: a name from steady_session_kind_to_token(), any case
 * @out_kind: (out): where to put the kind
 *
 * Returns: %TRUE if @token names a kind
 */
gboolean
steady_session_kind_from_token (const char        *token,
                                SteadySessionKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (token == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_tokens); i++)
    {
      if (g_ascii_strcasecmp (token, kind_tokens[i]) == 0)
        {
          *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * steady_session_kind_get_label:
 * @kind: a #SteadySessionKind
 *
 * Returns: (transfer none): the translated name of @kind, for people
 */
const char *
steady_session_kind_get_label (SteadySessionKind kind)
{
  switch (kind)
    {
    case STEADY_SESSION_KIND_GROUP_THERAPY:
      return C_("session kind", "Group therapy");
    case STEADY_SESSION_KIND_INDIVIDUAL_THERAPY:
      return C_("session kind", "Individual therapy");
    case STEADY_SESSION_KIND_FAMILY_THERAPY:
      return C_("session kind", "Family therapy");
    case STEADY_SESSION_KIND_WORKSHOP:
      return C_("session kind", "Educational workshop");
    case STEADY_SESSION_KIND_LIFE_SKILLS:
      return C_("session kind", "Life-skills training");
    case STEADY_SESSION_KIND_MEDICATION:
      return C_("session kind", "Medication management");
    case STEADY_SESSION_KIND_OTHER:
    default:
      return C_("session kind", "Other");
    }
}

/**
 * steady_session_series_new:
 *
 * A one-hour session of kind "other", in the local time zone, with no
 * start yet.
 *
 * Returns: (transfer full): a new #SteadySessionSeries
 */
SteadySessionSeries *
steady_session_series_new (void)
{
  SteadySessionSeries *self = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);

  self->tzid = steady_calendar_dup_local_tzid ();

  return self;
}

/**
 * steady_session_series_copy:
 * @self: a #SteadySessionSeries
 *
 * Returns: (transfer full): a copy, id included, for an editor to change
 */
SteadySessionSeries *
steady_session_series_copy (SteadySessionSeries *self)
{
  SteadySessionSeries *copy;

  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  copy = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);
  copy->id = self->id;
  copy->kind = self->kind;
  copy->duration = self->duration;
  replace_string (&copy->uid, self->uid);
  replace_string (&copy->title, self->title);
  replace_string (&copy->location, self->location);
  replace_string (&copy->facilitator, self->facilitator);
  replace_string (&copy->notes, self->notes);
  replace_string (&copy->tzid, self->tzid);
  replace_string (&copy->start_local, self->start_local);
  replace_string (&copy->rrule, self->rrule);

  return copy;
}

gint64
steady_session_series_get_id (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), 0);

  return self->id;
}

/* Only the calendar sets the id, once a row exists. */
void
steady_session_series_set_id (SteadySessionSeries *self,
                              gint64               id)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
steady_session_series_get_uid (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->uid;
}

void
steady_session_series_set_uid (SteadySessionSeries *self,
                               const char          *uid)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->uid, uid, PROP_UID);
}

SteadySessionKind
steady_session_series_get_kind (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), STEADY_SESSION_KIND_OTHER);

  return self->kind;
}

void
steady_session_series_set_kind (SteadySessionSeries *self,
                                SteadySessionKind    kind)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));
  g_return_if_fail (kind <= STEADY_SESSION_KIND_LAST);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
steady_session_series_get_title (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->title;
}

void
steady_session_series_set_title (SteadySessionSeries *self,
                                 const char          *title)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->title, title ? title : "", PROP_TITLE);
}

const char *
steady_session_series_get_location (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->location;
}

void
steady_session_series_set_location (SteadySessionSeries *self,
                                    const char          *location)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->location, location ? location : "", PROP_LOCATION);
}

const char *
steady_session_series_get_facilitator (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->facilitator;
}

void
steady_session_series_set_facilitator (SteadySessionSeries *self,
                                       const char          *facilitator)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->facilitator, facilitator ? facilitator : "", PROP_FACILITATOR);
}

const char *
steady_session_series_get_notes (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->notes;
}

void
steady_session_series_set_notes (SteadySessionSeries *self,
                                 const char          *notes)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->notes, notes ? notes : "", PROP_NOTES);
}

const char *
steady_session_series_get_tzid (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->tzid;
}

void
steady_session_series_set_tzid (SteadySessionSeries *self,
                                const char          *tzid)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->tzid, tzid, PROP_TZID);
}

const char *
steady_session_series_get_start_local (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->start_local;
}

void
steady_session_series_set_start_local (SteadySessionSeries *self,
                                       const char          *start_local)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  set_string (self, &self->start_local, start_local, PROP_START_LOCAL);
}

/**
 * steady_session_series_set_start:
 * @self: a #SteadySessionSeries
 * @start: a date and time whose wall-clock fields are taken
 *
 * Sets #SteadySessionSeries:start-local from the year, month, day, hour,
 * minute and second of @start as they read in @start's own time zone;
 * the series keeps its #SteadySessionSeries:tzid.
 */
void
steady_session_series_set_start (SteadySessionSeries *self,
                                 GDateTime           *start)
{
  g_autofree char *text = NULL;

  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));
  g_return_if_fail (start != NULL);

  text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S");
  steady_session_series_set_start_local (self, text);
}

gint64
steady_session_series_get_duration (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), 0);

  return self->duration;
}

void
steady_session_series_set_duration (SteadySessionSeries *self,
                                    gint64               seconds)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));
  g_return_if_fail (seconds >= 0);

  if (self->duration == seconds)
    return;

  self->duration = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

const char *
steady_session_series_get_rrule (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), NULL);

  return self->rrule;
}

/**
 * steady_session_series_set_rrule:
 * @self: a #SteadySessionSeries
 * @rrule: (nullable): an iCalendar RRULE value, or %NULL for one session
 *
 * The rule is checked when the series is stored.
 */
void
steady_session_series_set_rrule (SteadySessionSeries *self,
                                 const char          *rrule)
{
  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));

  if (rrule != NULL && rrule[0] == '\0')
    rrule = NULL;

  set_string (self, &self->rrule, rrule, PROP_RRULE);
}

/**
 * steady_session_series_set_weekly:
 * @self: a #SteadySessionSeries
 * @days: the days of the week the session is on
 * @count: how many sessions in all, or 0
 * @until: (nullable): the last day sessions may fall on (in the series'
 *   time zone), or %NULL
 *
 * Sets the rule to "every week on @days", ending after @count sessions
 * or on @until, or never if both are unset. The start itself always
 * counts as the first session (RFC 5545), so start on one of @days.
 */
void
steady_session_series_set_weekly (SteadySessionSeries *self,
                                  SteadyWeekdays       days,
                                  guint                count,
                                  const GDate         *until)
{
  static const char * const names[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_autoptr(GString) rule = NULL;
  gboolean first = TRUE;

  g_return_if_fail (STEADY_IS_SESSION_SERIES (self));
  g_return_if_fail ((days & 0x7f) != 0);
  g_return_if_fail (count == 0 || until == NULL);
  g_return_if_fail (until == NULL || g_date_valid (until));

  rule = g_string_new ("FREQ=WEEKLY;BYDAY=");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if ((days & (1 << i)) == 0)
        continue;
      if (!first)
        g_string_append_c (rule, ',');
      g_string_append (rule, names[i]);
      first = FALSE;
    }

  if (count > 0)
    g_string_append_printf (rule, ";COUNT=%u", count);
  else if (until != NULL)
    g_string_append_printf (rule, ";UNTIL=%04u%02u%02u",
                            g_date_get_year (until),
                            g_date_get_month (until),
                            g_date_get_day (until));

  steady_session_series_set_rrule (self, rule->str);
}

gboolean
steady_session_series_is_recurring (SteadySessionSeries *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_SERIES (self), FALSE);

  return self->rrule != NULL;
}
