/* steady-today.h: what the Today page says, worked out from the store
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-calendar.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-occurrence.h"
#include "steady-sobriety.h"
#include "steady-store.h"

G_BEGIN_DECLS

typedef enum
{
  STEADY_TODAY_MORNING,
  STEADY_TODAY_AFTERNOON,
  STEADY_TODAY_EVENING,
  STEADY_TODAY_NIGHT,
} SteadyTodayPart;

typedef enum
{
  STEADY_SUGGESTION_NONE,
  STEADY_SUGGESTION_NEXT_UNFINISHED,   /* the next lesson not done yet */
  STEADY_SUGGESTION_HELPED_BEFORE,     /* teaches a skill that helped at high craving */
  STEADY_SUGGESTION_CONTINUE,          /* a lesson already begun */
} SteadySuggestionReason;

/**
 * SteadyToday:
 * @part: the part of the day, for the greeting
 * @n_checkins_today: check-ins on today's local date
 * @sobriety: the sober-days count, if one is set (@sobriety.active)
 * @next_session: (nullable): the next session that has not ended
 * @week: program hours of this week
 * @suggested_lesson: (nullable): a lesson id
 * @suggestion_reason: why that lesson
 * @helped_skill: (nullable): for %STEADY_SUGGESTION_HELPED_BEFORE, the skill
 * @week_summary: the last seven days against the seven before
 */
typedef struct
{
  SteadyTodayPart         part;
  guint                   n_checkins_today;
  SteadySobrietySummary   sobriety;
  SteadyOccurrence       *next_session;
  SteadyWeekHours         week;
  char                   *suggested_lesson;
  SteadySuggestionReason  suggestion_reason;
  char                   *helped_skill;
  SteadyJournalSummary    week_summary;
} SteadyToday;

SteadyTodayPart steady_today_part_of_day   (GDateTime             *now);
gboolean        steady_today_load          (SteadyStore           *store,
                                            SteadyLessonLibrary   *library,
                                            GDateTime             *now,
                                            SteadyToday           *today,
                                            GError               **error);
void            steady_today_clear         (SteadyToday           *today);
char           *steady_today_describe_week (const SteadyJournalSummary *summary);

G_END_DECLS
