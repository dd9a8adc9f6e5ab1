/* steady-occurrence.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steady-session-series.h"

G_BEGIN_DECLS

/**
 * SteadyAttendance:
 * @STEADY_ATTENDANCE_UNMARKED: not marked yet
 * @STEADY_ATTENDANCE_ATTENDED: the person was there
 * @STEADY_ATTENDANCE_MISSED: the person was not there
 * @STEADY_ATTENDANCE_EXCUSED: missed with the program's agreement; not
 *   counted against the attendance rate
 *
 * The values are stored in the database: never renumber them.
 */
typedef enum
{
  STEADY_ATTENDANCE_UNMARKED,
  STEADY_ATTENDANCE_ATTENDED,
  STEADY_ATTENDANCE_MISSED,
  STEADY_ATTENDANCE_EXCUSED,
} SteadyAttendance;

#define STEADY_ATTENDANCE_LAST STEADY_ATTENDANCE_EXCUSED

#define STEADY_TYPE_ATTENDANCE (steady_attendance_get_type ())
#define STEADY_TYPE_OCCURRENCE (steady_occurrence_get_type ())

GType steady_attendance_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadyOccurrence, steady_occurrence, STEADY, OCCURRENCE, GObject)

gint64               steady_occurrence_get_series_id     (SteadyOccurrence *self);
const char          *steady_occurrence_get_uid           (SteadyOccurrence *self);
const char          *steady_occurrence_get_recurrence_id (SteadyOccurrence *self);
const char          *steady_occurrence_get_tzid          (SteadyOccurrence *self);
const char          *steady_occurrence_get_start_local   (SteadyOccurrence *self);
GDateTime           *steady_occurrence_get_start         (SteadyOccurrence *self);
GDateTime           *steady_occurrence_get_end           (SteadyOccurrence *self);
gint64               steady_occurrence_get_start_unix    (SteadyOccurrence *self);
gint64               steady_occurrence_get_duration      (SteadyOccurrence *self);
SteadySessionKind    steady_occurrence_get_kind          (SteadyOccurrence *self);
const char          *steady_occurrence_get_title         (SteadyOccurrence *self);
const char          *steady_occurrence_get_location      (SteadyOccurrence *self);
const char          *steady_occurrence_get_facilitator   (SteadyOccurrence *self);
const char          *steady_occurrence_get_notes         (SteadyOccurrence *self);
gboolean             steady_occurrence_get_recurring     (SteadyOccurrence *self);
gboolean             steady_occurrence_get_cancelled     (SteadyOccurrence *self);
gboolean             steady_occurrence_get_moved         (SteadyOccurrence *self);
gboolean             steady_occurrence_get_changed       (SteadyOccurrence *self);
SteadyAttendance     steady_occurrence_get_attendance    (SteadyOccurrence *self);
const char          *steady_occurrence_get_note          (SteadyOccurrence *self);
const char          *steady_occurrence_get_homework      (SteadyOccurrence *self);
SteadySessionSeries *steady_occurrence_dup_fields        (SteadyOccurrence *self);

G_END_DECLS
