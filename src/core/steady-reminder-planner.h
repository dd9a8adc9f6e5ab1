/* steady-reminder-planner.h: what is due when
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-reminder.h"
#include "steady-session-series.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* Lead times per session kind; a slot of 0 is unused. */
#define STEADY_REMINDER_MAX_LEADS 3

/* The longest lead time: a session reminder stays useful until the
 * session starts, and the fired table must outlive that. */
#define STEADY_REMINDER_MAX_LEAD_MINUTES (14 * 24 * 60)

/* A reflection prompt comes this long after a session ends. */
#define STEADY_REMINDER_REFLECTION_DELAY_MINUTES 30

/**
 * SteadyReminderSettings:
 * @enabled: reminders at all
 * @discreet: discreet wording (the default): no diagnosis, substance or
 *   program words, no session titles or places
 * @session_leads: minutes before a session's start, per #SteadySessionKind;
 *   0 leaves a slot unused. A whole number of days (1440, 2880...) is
 *   counted in local days: the same wall-clock time on an earlier day,
 *   also across a DST change.
 * @checkin_enabled: the daily check-in reminder
 * @checkin_hour: its local time, 0–23; practice reminders and nudges use it
 *   too, even when the check-in reminder itself is off
 * @checkin_minute: 0–59
 * @reflection_enabled: "how did it go?" 30 minutes after a session ends
 * @practice_enabled: at most one reminder a day, an hour after the
 *   check-in time, of a lesson marked "practise later"
 * @nudge_days: a gentle nudge at the check-in time after this many days
 *   without a check-in (and every as many days after); 0 is off
 * @checkup_enabled: the weekly self-check, offered half an hour after the
 *   check-in time once a week has passed since the last one
 * @prompts_enabled: short craving prompts on evenings and weekends
 *   without a session, at most twice a day (steady_checkup_plan_prompts())
 * @quiet_enabled: quiet hours: only session reminders fire during them;
 *   others wait until they end
 * @quiet_start_hour: local start, 0–23
 * @quiet_start_minute: 0–59
 * @quiet_end_hour: local end, 0–23; before the start means the next day
 * @quiet_end_minute: 0–59
 * @zone: (nullable): the time zone of daily reminders, borrowed; %NULL
 *   for the process' local zone. GLib reads the local zone once per
 *   process: after a zone change (org.freedesktop.timedate1) pass the new
 *   one here.
 *
 * A plain struct the service fills from GSettings; see
 * steady_reminder_settings_init() for the defaults.
 */
typedef struct
{
  gboolean   enabled;
  gboolean   discreet;
  guint      session_leads[STEADY_SESSION_KIND_LAST + 1][STEADY_REMINDER_MAX_LEADS];
  gboolean   checkin_enabled;
  guint      checkin_hour;
  guint      checkin_minute;
  gboolean   reflection_enabled;
  gboolean   practice_enabled;
  guint      nudge_days;
  gboolean   checkup_enabled;
  gboolean   prompts_enabled;
  gboolean   quiet_enabled;
  guint      quiet_start_hour;
  guint      quiet_start_minute;
  guint      quiet_end_hour;
  guint      quiet_end_minute;
  GTimeZone *zone;
} SteadyReminderSettings;

void     steady_reminder_settings_init (SteadyReminderSettings        *settings);
void     steady_reminder_settings_set_leads (SteadyReminderSettings   *settings,
                                             SteadySessionKind         kind,
                                             guint                     lead1,
                                             guint                     lead2,
                                             guint                     lead3);

gboolean steady_reminder_plan          (SteadyStore                   *store,
                                        const SteadyReminderSettings  *settings,
                                        GDateTime                     *now,
                                        GDateTime                     *last_run,
                                        GPtrArray                    **due,
                                        GDateTime                    **next_wakeup,
                                        GError                       **error);

G_END_DECLS
