/* steady-reminder-service.h: reminders while the window is closed
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-notifier.h"
#include "steady-reminder-planner.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* Where the time of the last run is kept, as ISO 8601 */
#define STEADY_REMINDER_SERVICE_LAST_RUN_KEY "reminders.last-run"

/**
 * SteadyReminderClock:
 * @user_data: the data given with the clock
 *
 * Returns: (transfer full): the current time
 */
typedef GDateTime *(*SteadyReminderClock) (gpointer user_data);

#define STEADY_TYPE_REMINDER_SERVICE (steady_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (SteadyReminderService, steady_reminder_service, STEADY, REMINDER_SERVICE, GObject)

SteadyReminderService *steady_reminder_service_new           (GApplication          *application,
                                                              SteadyStore           *store,
                                                              GSettings             *settings,
                                                              const char            *app_id);
void                   steady_reminder_service_set_clock     (SteadyReminderService *self,
                                                              SteadyReminderClock    clock,
                                                              gpointer               user_data,
                                                              GDestroyNotify         destroy);
void                   steady_reminder_service_start         (SteadyReminderService *self);
void                   steady_reminder_service_stop          (SteadyReminderService *self);
gboolean               steady_reminder_service_is_running    (SteadyReminderService *self);
void                   steady_reminder_service_run_now       (SteadyReminderService *self);
gboolean               steady_reminder_service_is_busy       (SteadyReminderService *self);
GDateTime             *steady_reminder_service_get_wakeup    (SteadyReminderService *self);
SteadyNotifier        *steady_reminder_service_get_notifier  (SteadyReminderService *self);
SteadyStore           *steady_reminder_service_get_store     (SteadyReminderService *self);
void                   steady_reminder_service_read_settings (GSettings             *settings,
                                                              SteadyReminderSettings *out_settings);
void                   steady_reminder_service_activate      (SteadyReminderService *self,
                                                              SteadyReminder        *reminder);

G_END_DECLS
