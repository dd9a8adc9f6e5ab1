/* steady-session-series.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SteadySessionKind:
 * @STEADY_SESSION_KIND_GROUP_THERAPY: group therapy
 * @STEADY_SESSION_KIND_INDIVIDUAL_THERAPY: an individual session
 * @STEADY_SESSION_KIND_FAMILY_THERAPY: family therapy
 * @STEADY_SESSION_KIND_WORKSHOP: an educational workshop
 * @STEADY_SESSION_KIND_LIFE_SKILLS: life-skills training
 * @STEADY_SESSION_KIND_MEDICATION: medication management
 * @STEADY_SESSION_KIND_OTHER: anything else
 *
 * The values are stored in the database: never renumber them.
 */
typedef enum
{
  STEADY_SESSION_KIND_GROUP_THERAPY,
  STEADY_SESSION_KIND_INDIVIDUAL_THERAPY,
  STEADY_SESSION_KIND_FAMILY_THERAPY,
  STEADY_SESSION_KIND_WORKSHOP,
  STEADY_SESSION_KIND_LIFE_SKILLS,
  STEADY_SESSION_KIND_MEDICATION,
  STEADY_SESSION_KIND_OTHER,
} SteadySessionKind;

#define STEADY_SESSION_KIND_LAST STEADY_SESSION_KIND_OTHER

/**
 * SteadyWeekdays:
 *
 * Days of the week, for steady_session_series_set_weekly().
 */
typedef enum
{
  STEADY_WEEKDAY_MONDAY    = 1 << 0,
  STEADY_WEEKDAY_TUESDAY   = 1 << 1,
  STEADY_WEEKDAY_WEDNESDAY = 1 << 2,
  STEADY_WEEKDAY_THURSDAY  = 1 << 3,
  STEADY_WEEKDAY_FRIDAY    = 1 << 4,
  STEADY_WEEKDAY_SATURDAY  = 1 << 5,
  STEADY_WEEKDAY_SUNDAY    = 1 << 6,
} SteadyWeekdays;

#define STEADY_TYPE_SESSION_KIND   (steady_session_kind_get_type ())
#define STEADY_TYPE_WEEKDAYS       (steady_weekdays_get_type ())
#define STEADY_TYPE_SESSION_SERIES (steady_session_series_get_type ())

GType steady_session_kind_get_type (void) G_GNUC_CONST;
GType steady_weekdays_get_type     (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadySessionSeries, steady_session_series, STEADY, SESSION_SERIES, GObject)

const char          *steady_session_kind_to_token         (SteadySessionKind     kind);
gboolean             steady_session_kind_from_token       (const char           *token,
                                                           SteadySessionKind    *out_kind);
const char          *steady_session_kind_get_label        (SteadySessionKind     kind);

SteadySessionSeries *steady_session_series_new            (void);
SteadySessionSeries *steady_session_series_copy           (SteadySessionSeries  *self);

gint64               steady_session_series_get_id         (SteadySessionSeries  *self);
const char          *steady_session_series_get_uid        (SteadySessionSeries  *self);
void                 steady_session_series_set_uid        (SteadySessionSeries  *self,
                                                           const char           *uid);
SteadySessionKind    steady_session_series_get_kind       (SteadySessionSeries  *self);
void                 steady_session_series_set_kind       (SteadySessionSeries  *self,
                                                           SteadySessionKind     kind);
const char          *steady_session_series_get_title      (SteadySessionSeries  *self);
void                 steady_session_series_set_title      (SteadySessionSeries  *self,
                                                           const char           *title);
const char          *steady_session_series_get_location   (SteadySessionSeries  *self);
void                 steady_session_series_set_location   (SteadySessionSeries  *self,
                                                           const char           *location);
const char          *steady_session_series_get_facilitator (SteadySessionSeries *self);
void                 steady_session_series_set_facilitator (SteadySessionSeries *self,
                                                            const char          *facilitator);
const char          *steady_session_series_get_notes      (SteadySessionSeries  *self);
void                 steady_session_series_set_notes      (SteadySessionSeries  *self,
                                                           const char           *notes);
const char          *steady_session_series_get_tzid       (SteadySessionSeries  *self);
void                 steady_session_series_set_tzid       (SteadySessionSeries  *self,
                                                           const char           *tzid);
const char          *steady_session_series_get_start_local (SteadySessionSeries *self);
void                 steady_session_series_set_start_local (SteadySessionSeries *self,
                                                            const char          *start_local);
void                 steady_session_series_set_start      (SteadySessionSeries  *self,
                                                           GDateTime            *start);
gint64               steady_session_series_get_duration   (SteadySessionSeries  *self);
void                 steady_session_series_set_duration   (SteadySessionSeries  *self,
                                                           gint64                seconds);
const char          *steady_session_series_get_rrule      (SteadySessionSeries  *self);
void                 steady_session_series_set_rrule      (SteadySessionSeries  *self,
                                                           const char           *rrule);
void                 steady_session_series_set_weekly     (SteadySessionSeries  *self,
                                                           SteadyWeekdays        days,
                                                           guint                 count,
                                                           const GDate          *until);
gboolean             steady_session_series_is_recurring   (SteadySessionSeries  *self);

G_END_DECLS
