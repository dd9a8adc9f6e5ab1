/* steady-journal-stats.h: trends over the check-ins
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-store.h"

G_BEGIN_DECLS

/**
 * SteadyJournalDay:
 * @date: the local day
 * @n_entries: check-ins that day
 * @mood: the average mood, or -1 when none was logged
 * @craving_peak: the strongest craving, or -1 when none was logged
 */
typedef struct
{
  GDate  date;
  guint  n_entries;
  double mood;
  int    craving_peak;
} SteadyJournalDay;

/**
 * SteadyJournalSummary:
 * @n_days: the length of each period
 * @n_entries: check-ins in the period
 * @n_mood_days: days of the period with a mood logged
 * @mood: the mean of the daily average moods (each day counts once,
 *   however many check-ins it had), or -1
 * @craving_peak: the strongest craving of the period, or -1
 * @previous_n_entries: the same for the @n_days before
 * @previous_n_mood_days: ditto
 * @previous_mood: ditto
 * @previous_craving_peak: ditto
 */
typedef struct
{
  guint  n_days;
  guint  n_entries;
  guint  n_mood_days;
  double mood;
  int    craving_peak;
  guint  previous_n_entries;
  guint  previous_n_mood_days;
  double previous_mood;
  int    previous_craving_peak;
} SteadyJournalSummary;

/**
 * SteadyJournalCount:
 * @name: as check-ins store it: a built-in key or the person's words
 * @label: what to show, translated
 * @count: how many check-ins
 */
typedef struct
{
  char  *name;
  char  *label;
  guint  count;
} SteadyJournalCount;

/**
 * SteadyJournalSkillStat:
 * @skill_id: the skill
 * @name: its name
 * @n_used: check-ins that used it
 * @n_rated: of those, how many said how much it helped
 * @helped: the average of those ratings (0–10), or -1 when none
 */
typedef struct
{
  char   *skill_id;
  char   *name;
  guint   n_used;
  guint   n_rated;
  double  helped;
} SteadyJournalSkillStat;

/**
 * SteadyJournalTrends:
 * @days: (element-type SteadyJournalDay): the period's days, oldest first
 * @summary: the period against the one before
 * @top_triggers: (element-type SteadyJournalCount): the period's most
 *   frequent triggers
 * @helpful_skills: (element-type SteadyJournalSkillStat): the skills that
 *   helped most in the period when craving was high
 *
 * What steady_journal_stats_load_async() gives.
 */
typedef struct
{
  GArray               *days;
  SteadyJournalSummary  summary;
  GPtrArray            *top_triggers;
  GPtrArray            *helpful_skills;
} SteadyJournalTrends;

void       steady_journal_count_free            (SteadyJournalCount          *count);
void       steady_journal_skill_stat_free       (SteadyJournalSkillStat      *stat);
void       steady_journal_trends_free           (SteadyJournalTrends         *trends);

GArray    *steady_journal_stats_daily           (SteadyStore                 *store,
                                                 const GDate                 *last_day,
                                                 guint                        n_days,
                                                 GError                     **error);
gboolean   steady_journal_stats_summary         (SteadyStore                 *store,
                                                 const GDate                 *last_day,
                                                 guint                        n_days,
                                                 SteadyJournalSummary        *summary,
                                                 GError                     **error);
char      *steady_journal_summary_describe      (const SteadyJournalSummary  *summary);
GPtrArray *steady_journal_stats_top_triggers    (SteadyStore                 *store,
                                                 const GDate                 *from,
                                                 const GDate                 *to,
                                                 guint                        limit,
                                                 GError                     **error);
GPtrArray *steady_journal_stats_helpful_skills  (SteadyStore                 *store,
                                                 const GDate                 *from,
                                                 const GDate                 *to,
                                                 int                          min_craving,
                                                 guint                        limit,
                                                 GError                     **error);
void       steady_journal_stats_load_async      (SteadyStore                 *store,
                                                 const GDate                 *last_day,
                                                 guint                        n_days,
                                                 guint                        limit,
                                                 GCancellable                *cancellable,
                                                 GAsyncReadyCallback          callback,
                                                 gpointer                     user_data);
SteadyJournalTrends *
           steady_journal_stats_load_finish     (SteadyStore                 *store,
                                                 GAsyncResult                *result,
                                                 GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyJournalTrends, steady_journal_trends_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyJournalCount, steady_journal_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SteadyJournalSkillStat, steady_journal_skill_stat_free)

G_END_DECLS
