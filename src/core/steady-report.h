/* steady-report.h: what the summary for the next session says
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-calendar.h"
#include "steady-journal-stats.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* The longest range a summary covers, in days. */
#define STEADY_REPORT_MAX_DAYS 366

/**
 * SteadyReportSkillUse:
 * @name: the skill's name
 * @helped: how much it helped, 0–10, or %STEADY_JOURNAL_UNSET
 */
typedef struct
{
  char *name;
  int   helped;
} SteadyReportSkillUse;

/**
 * SteadyReportCheckin:
 * @at: when, at the UTC offset the person had then
 * @mood: 1–10, or %STEADY_JOURNAL_UNSET
 * @craving: 0–10, or %STEADY_JOURNAL_UNSET
 * @sleep_hours: or %STEADY_JOURNAL_UNSET_HOURS
 * @emotions: the emotions' labels, translated
 * @triggers: the triggers' labels, translated
 * @skills: (element-type SteadyReportSkillUse): the skills used
 * @lapse: whether the person logged a lapse
 * @notes: (nullable): the notes; always %NULL unless notes were asked for
 * @lapse_what: (nullable): ditto
 * @lapse_note: (nullable): ditto
 */
typedef struct
{
  GDateTime *at;
  int        mood;
  int        craving;
  double     sleep_hours;
  GStrv      emotions;
  GStrv      triggers;
  GPtrArray *skills;
  gboolean   lapse;
  char      *notes;
  char      *lapse_what;
  char      *lapse_note;
} SteadyReportCheckin;

/**
 * SteadyReportSession:
 * @start: when it starts, in the local time zone
 * @duration: its length in seconds
 * @kind: its kind
 * @title: its title
 * @attendance: what the person marked
 * @cancelled: whether it was cancelled
 * @note: (nullable): the person's note; %NULL unless notes were asked for
 * @homework: (nullable): ditto
 */
typedef struct
{
  GDateTime         *start;
  gint64             duration;
  SteadySessionKind  kind;
  char              *title;
  SteadyAttendance   attendance;
  gboolean           cancelled;
  char              *note;
  char              *homework;
} SteadyReportSession;

/**
 * SteadyReport:
 * @from: the first day
 * @to: the last day
 * @include_notes: whether the notes were read at all
 * @days: (element-type SteadyJournalDay): every day from @from to @to,
 *   with -1 for days without check-ins
 * @checkins: (element-type SteadyReportCheckin): oldest first
 * @n_days_checked_in: days with at least one check-in
 * @n_lapses: check-ins with a lapse
 * @mood: the mean of the daily average moods, or -1
 * @craving_peak: the strongest craving, or -1
 * @top_triggers: (element-type SteadyJournalCount): most frequent first,
 *   counted by label (so both @name and @label hold the label)
 * @top_emotions: (element-type SteadyJournalCount): ditto
 * @skills: (element-type SteadyJournalSkillStat): every skill used, the
 *   ones that helped most first
 * @sessions: (element-type SteadyReportSession): sessions that start in
 *   the range, by start, cancelled ones included
 * @weeks: (element-type SteadyWeekHours): every week that touches the
 *   range, Monday first
 * @attendance: the sessions of the range, counted
 * @attended_seconds: time in sessions of the range marked attended
 *
 * Everything the summary for the next session shows. Built by
 * steady_report_load(); plain data, safe to hand to another thread.
 */
typedef struct
{
  GDate                    from;
  GDate                    to;
  gboolean                 include_notes;
  GArray                  *days;
  GPtrArray               *checkins;
  guint                    n_days_checked_in;
  guint                    n_lapses;
  double                   mood;
  int                      craving_peak;
  GPtrArray               *top_triggers;
  GPtrArray               *top_emotions;
  GPtrArray               *skills;
  GPtrArray               *sessions;
  GArray                  *weeks;
  SteadyAttendanceSummary  attendance;
  gint64                   attended_seconds;
} SteadyReport;

gboolean steady_report_load  (SteadyStore   *store,
                              const GDate   *from,
                              const GDate   *to,
                              gboolean       include_notes,
                              SteadyReport **out_report,
                              GError       **error);
void     steady_report_free  (SteadyReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyReport, steady_report_free)

G_END_DECLS
