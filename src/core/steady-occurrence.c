/* steady-occurrence.c: one session on the calendar
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include "steady-calendar-private.h"
#include "steady-occurrence.h"

/**
 * SteadyOccurrence:
 *
 * One session of a series as it stands, with this session's own changes
 * (moved, cancelled, another title...) and what the person recorded
 * (attendance, a note, homework). It is a snapshot: the calendar hands out
 * new ones after every change (#SteadyStore::changed, detail "calendar").
 *
 * An occurrence is named by its series id and its recurrence id: its
 * original start as local wall-clock text in the series' time zone, which
 * stays the same when the session is moved.
 */
struct _SteadyOccurrence
{
  GObject            parent_instance;

  /* Owned */
  char              *uid;
  char              *recurrence_id;
  char              *tzid;
  char              *start_local;
  char              *title;
  char              *location;
  char              *facilitator;
  char              *notes;
  char              *note;
  char              *homework;
  GDateTime         *start;
  GDateTime         *end;

  gint64             series_id;
  gint64             start_utc;
  gint64             duration;
  SteadySessionKind  kind;
  SteadyAttendance   attendance;
  guint              recurring : 1;
  guint              cancelled : 1;
  guint              moved : 1;
  guint              changed : 1;
};

G_DEFINE_FINAL_TYPE (SteadyOccurrence, steady_occurrence, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyAttendance, steady_attendance,
                    G_DEFINE_ENUM_VALUE (STEADY_ATTENDANCE_UNMARKED, "unmarked"),
                    G_DEFINE_ENUM_VALUE (STEADY_ATTENDANCE_ATTENDED, "attended"),
                    G_DEFINE_ENUM_VALUE (STEADY_ATTENDANCE_MISSED, "missed"),
                    G_DEFINE_ENUM_VALUE (STEADY_ATTENDANCE_EXCUSED, "excused"))

enum {
  PROP_0,
  PROP_SERIES_ID,
  PROP_UID,
  PROP_RECURRENCE_ID,
  PROP_TZID,
  PROP_START_LOCAL,
  PROP_START,
  PROP_END,
  PROP_DURATION,
  PROP_KIND,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_FACILITATOR,
  PROP_NOTES,
  PROP_RECURRING,
  PROP_CANCELLED,
  PROP_MOVED,
  PROP_CHANGED,
  PROP_ATTENDANCE,
  PROP_NOTE,
  PROP_HOMEWORK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_times (SteadyOccurrence *self)
{
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  self->start = g_date_time_new_from_unix_utc (self->start_utc);
  self->end = g_date_time_new_from_unix_utc (self->start_utc + self->duration);
}

static void
steady_occurrence_finalize (GObject *object)
{
  SteadyOccurrence *self = (SteadyOccurrence *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->recurrence_id, g_free);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->start_local, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->homework, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);

  G_OBJECT_CLASS (steady_occurrence_parent_class)->finalize (object);
}

static void
steady_occurrence_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyOccurrence *self = STEADY_OCCURRENCE (object);

  switch (prop_id)
    {
    case PROP_SERIES_ID:
      g_value_set_int64 (value, self->series_id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_RECURRENCE_ID:
      g_value_set_string (value, self->recurrence_id);
      break;

    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;

    case PROP_START_LOCAL:
      g_value_set_string (value, self->start_local);
      break;

    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;

    case PROP_DURATION:
      g_value_set_int64 (value, self->duration);
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

    case PROP_RECURRING:
      g_value_set_boolean (value, self->recurring);
      break;

    case PROP_CANCELLED:
      g_value_set_boolean (value, self->cancelled);
      break;

    case PROP_MOVED:
      g_value_set_boolean (value, self->moved);
      break;

    case PROP_CHANGED:
      g_value_set_boolean (value, self->changed);
      break;

    case PROP_ATTENDANCE:
      g_value_set_enum (value, self->attendance);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_HOMEWORK:
      g_value_set_string (value, self->homework);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_occurrence_class_init (SteadyOccurrenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = steady_occurrence_finalize;
  object_class->get_property = steady_occurrence_get_property;

  properties[PROP_SERIES_ID] =
    g_param_spec_int64 ("series-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);

  /**
   * SteadyOccurrence:recurrence-id:
   *
   * The original start, "YYYY-MM-DDTHH:MM:SS" local time in the series'
   * zone; with #SteadyOccurrence:series-id it names this occurrence.
   */
  properties[PROP_RECURRENCE_ID] =
    g_param_spec_string ("recurrence-id", NULL, NULL, NULL, flags);
  properties[PROP_TZID] =
    g_param_spec_string ("tzid", NULL, NULL, NULL, flags);

  /**
   * SteadyOccurrence:start-local:
   *
   * The actual start as local wall-clock text in the series' zone.
   */
  properties[PROP_START_LOCAL] =
    g_param_spec_string ("start-local", NULL, NULL, NULL, flags);

  /**
   * SteadyOccurrence:start:
   *
   * The actual start, in UTC; convert with g_date_time_to_local().
   */
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DURATION] =
    g_param_spec_int64 ("duration", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STEADY_TYPE_SESSION_KIND, STEADY_SESSION_KIND_OTHER, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);
  properties[PROP_RECURRING] =
    g_param_spec_boolean ("recurring", NULL, NULL, FALSE, flags);
  properties[PROP_CANCELLED] =
    g_param_spec_boolean ("cancelled", NULL, NULL, FALSE, flags);

  /**
   * SteadyOccurrence:moved:
   *
   * Whether this session was moved away from its original start.
   */
  properties[PROP_MOVED] =
    g_param_spec_boolean ("moved", NULL, NULL, FALSE, flags);

  /**
   * SteadyOccurrence:changed:
   *
   * Whether this session differs from its series in any way.
   */
  properties[PROP_CHANGED] =
    g_param_spec_boolean ("changed", NULL, NULL, FALSE, flags);
  properties[PROP_ATTENDANCE] =
    g_param_spec_enum ("attendance", NULL, NULL,
                       STEADY_TYPE_ATTENDANCE, STEADY_ATTENDANCE_UNMARKED, flags);

  /**
   * SteadyOccurrence:note:
   *
   * What the person wants to remember from this session.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);

  /**
   * SteadyOccurrence:homework:
   *
   * What the person is to practise after this session.
   */
  properties[PROP_HOMEWORK] =
    g_param_spec_string ("homework", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_occurrence_init (SteadyOccurrence *self)
{
  self->note = g_strdup ("");
  self->homework = g_strdup ("");
}

/* Internal: an occurrence of @series as the series says it is. */
SteadyOccurrence *
steady_occurrence_new (SteadySessionSeries *series,
                       const char          *recurrence_id,
                       const char          *start_local,
                       gint64               start_utc)
{
  SteadyOccurrence *self;

  g_assert (STEADY_IS_SESSION_SERIES (series));
  g_assert (recurrence_id != NULL);

  self = g_object_new (STEADY_TYPE_OCCURRENCE, NULL);
  self->series_id = steady_session_series_get_id (series);
  self->uid = g_strdup (steady_session_series_get_uid (series));
  self->recurrence_id = g_strdup (recurrence_id);
  self->tzid = g_strdup (steady_session_series_get_tzid (series));
  self->start_local = g_strdup (start_local);
  self->kind = steady_session_series_get_kind (series);
  self->title = g_strdup (steady_session_series_get_title (series));
  self->location = g_strdup (steady_session_series_get_location (series));
  self->facilitator = g_strdup (steady_session_series_get_facilitator (series));
  self->notes = g_strdup (steady_session_series_get_notes (series));
  self->recurring = steady_session_series_is_recurring (series);
  self->start_utc = start_utc;
  self->duration = steady_session_series_get_duration (series);
  update_times (self);

  return self;
}

static void
override_string (char       **field,
                 const char  *value)
{
  if (value == NULL)
    return;

  g_free (*field);
  *field = g_strdup (value);
}

/* Internal: applies this occurrence's own changes; @start_local is the
 * moved start as wall-clock text, used only when @data is moved. */
void
steady_occurrence_apply_exception (SteadyOccurrence          *self,
                                   const SteadyExceptionData *data,
                                   const char                *start_local)
{
  g_assert (STEADY_IS_OCCURRENCE (self));
  g_assert (data != NULL);

  self->cancelled = data->cancelled;
  self->moved = data->moved;
  self->changed = !steady_exception_data_is_empty (data) || data->cancelled;

  if (data->moved)
    {
      self->start_utc = data->start_utc;
      override_string (&self->start_local, start_local);
    }
  if (data->has_duration)
    self->duration = data->duration;
  if (data->kind >= 0)
    self->kind = data->kind;

  override_string (&self->title, data->title);
  override_string (&self->location, data->location);
  override_string (&self->facilitator, data->facilitator);
  override_string (&self->notes, data->notes);

  update_times (self);
}

void
steady_occurrence_set_reflection (SteadyOccurrence *self,
                                  SteadyAttendance  attendance,
                                  const char       *note,
                                  const char       *homework)
{
  g_assert (STEADY_IS_OCCURRENCE (self));

  self->attendance = attendance;
  override_string (&self->note, note);
  override_string (&self->homework, homework);
}

gint64
steady_occurrence_get_series_id (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), 0);

  return self->series_id;
}

const char *
steady_occurrence_get_uid (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->uid;
}

const char *
steady_occurrence_get_recurrence_id (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->recurrence_id;
}

const char *
steady_occurrence_get_tzid (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->tzid;
}

const char *
steady_occurrence_get_start_local (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->start_local;
}

/**
 * steady_occurrence_get_start:
 * @self: a #SteadyOccurrence
 *
 * Returns: (transfer none): the actual start, in UTC
 */
GDateTime *
steady_occurrence_get_start (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->start;
}

/**
 * steady_occurrence_get_end:
 * @self: a #SteadyOccurrence
 *
 * Returns: (transfer none): the actual end, in UTC
 */
GDateTime *
steady_occurrence_get_end (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->end;
}

gint64
steady_occurrence_get_start_unix (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), 0);

  return self->start_utc;
}

gint64
steady_occurrence_get_duration (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), 0);

  return self->duration;
}

SteadySessionKind
steady_occurrence_get_kind (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), STEADY_SESSION_KIND_OTHER);

  return self->kind;
}

const char *
steady_occurrence_get_title (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->title;
}

const char *
steady_occurrence_get_location (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->location;
}

const char *
steady_occurrence_get_facilitator (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->facilitator;
}

const char *
steady_occurrence_get_notes (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->notes;
}

gboolean
steady_occurrence_get_recurring (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), FALSE);

  return self->recurring;
}

gboolean
steady_occurrence_get_cancelled (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), FALSE);

  return self->cancelled;
}

gboolean
steady_occurrence_get_moved (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), FALSE);

  return self->moved;
}

gboolean
steady_occurrence_get_changed (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), FALSE);

  return self->changed;
}

SteadyAttendance
steady_occurrence_get_attendance (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), STEADY_ATTENDANCE_UNMARKED);

  return self->attendance;
}

const char *
steady_occurrence_get_note (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->note;
}

const char *
steady_occurrence_get_homework (SteadyOccurrence *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  return self->homework;
}

/**
 * steady_occurrence_dup_fields:
 * @self: a #SteadyOccurrence
 *
 * The session as it stands, for an editor: title, kind, place, notes,
 * the actual start (local, in the series' zone) and duration, with no
 * rule. Hand the edited copy to steady_calendar_modify_occurrence() ("this
 * session only") or, after setting a rule, to
 * steady_calendar_split_series() ("this and following").
 *
 * Returns: (transfer full): a new #SteadySessionSeries
 */
SteadySessionSeries *
steady_occurrence_dup_fields (SteadyOccurrence *self)
{
  SteadySessionSeries *fields;

  g_return_val_if_fail (STEADY_IS_OCCURRENCE (self), NULL);

  fields = g_object_new (STEADY_TYPE_SESSION_SERIES, NULL);
  steady_session_series_set_id (fields, self->series_id);
  steady_session_series_set_uid (fields, self->uid);
  steady_session_series_set_kind (fields, self->kind);
  steady_session_series_set_title (fields, self->title);
  steady_session_series_set_location (fields, self->location);
  steady_session_series_set_facilitator (fields, self->facilitator);
  steady_session_series_set_notes (fields, self->notes);
  steady_session_series_set_tzid (fields, self->tzid);
  steady_session_series_set_start_local (fields, self->start_local);
  steady_session_series_set_duration (fields, self->duration);

  return fields;
}
