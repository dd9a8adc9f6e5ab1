/* steady-reminder-planner-private.h: what the planner's files share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-occurrence.h"
#include "steady-reminder-planner.h"
#include "steady-reminder.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* The next wake-up is never further than this: the service plans again
 * then (and whenever the store changes), so nothing needs a longer view. */
#define MAX_SLEEP_SECONDS (24 * 3600)

/* One run of the planner. */
typedef struct
{
  SteadyStore                  *store;
  const SteadyReminderSettings *settings;

  /* Owned */
  GTimeZone                    *zone;
  GDateTime                    *now;
  GPtrArray                    *due;
  GStrv                         lessons;

  gint64                        now_unix;
  gint64                        since_unix;
  gint64                        next;
  GDate                         today;
  gboolean                      checked_in_today;
  int                           days_since_checkin;
} SteadyReminderPlan;

void     steady_planner_clear             (SteadyReminderPlan *plan);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SteadyReminderPlan, steady_planner_clear)

/* Time (steady-reminder-planner.c). Every daily time is built from a
 * local date and a wall-clock time with GLib, never by adding 86,400
 * seconds, so that 20:00 stays 20:00 across DST. */
void     steady_planner_local_date        (SteadyReminderPlan *plan,
                                           gint64              t,
                                           GDate              *out);
gboolean steady_planner_is_today          (SteadyReminderPlan *plan,
                                           gint64              t);
gint64   steady_planner_local_at          (SteadyReminderPlan *plan,
                                           const GDate        *date,
                                           guint               hour,
                                           guint               minute);
void     steady_planner_format_date       (const GDate        *date,
                                           char                out[11]);
gint64   steady_planner_after_quiet_hours (SteadyReminderPlan *plan,
                                           gint64              t);
gint64   steady_planner_lead_due          (SteadyReminderPlan *plan,
                                           GDateTime          *start,
                                           guint               lead);
gboolean steady_planner_is_due            (SteadyReminderPlan *plan,
                                           const char         *key,
                                           gint64              when);

/* The reminders, in words (steady-reminder-planner-build.c). */
gboolean         steady_planner_wants_reminders  (SteadyOccurrence   *occurrence);
void             steady_planner_take_reminder    (SteadyReminderPlan *plan,
                                                  SteadyReminder     *reminder);
SteadyReminder  *steady_planner_build_session    (SteadyReminderPlan *plan,
                                                  SteadyOccurrence   *occurrence,
                                                  const char         *key,
                                                  gint64              due);
SteadyReminder  *steady_planner_build_reflection (SteadyReminderPlan *plan,
                                                  SteadyOccurrence   *occurrence,
                                                  const char         *key,
                                                  gint64              due);
SteadyReminder  *steady_planner_build_simple     (SteadyReminderKind  kind,
                                                  const char         *key,
                                                  gint64              due,
                                                  const char         *discreet_title,
                                                  const char         *discreet_body,
                                                  const char         *full_title,
                                                  const char         *full_body,
                                                  const char         *action);
SteadyReminder  *steady_planner_build_checkin    (const char         *key,
                                                  gint64              due);
SteadyReminder  *steady_planner_build_nudge      (const char         *key,
                                                  gint64              due,
                                                  guint               days);
SteadyReminder  *steady_planner_build_practice   (const char         *key,
                                                  gint64              due,
                                                  const char         *lesson_id);

/* What is due (steady-reminder-planner-due.c). */
gboolean steady_planner_wants_reflection (SteadyReminderPlan  *plan,
                                          SteadyOccurrence    *occurrence);
gboolean steady_planner_plan_sessions    (SteadyReminderPlan  *plan,
                                          GError             **error);
gboolean steady_planner_plan_checkup     (SteadyReminderPlan  *plan,
                                          GError             **error);
SteadyReminder *steady_planner_rebuild_checkup (SteadyReminderPlan *plan,
                                                const char         *key,
                                                gint64              due);
gboolean steady_planner_plan_daily       (SteadyReminderPlan  *plan,
                                          GError             **error);


G_END_DECLS
