/* steady-notifier.h: reminders as desktop notifications
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-reminder.h"

G_BEGIN_DECLS

/* The action ids SteadyNotifier::action reports. */
#define STEADY_NOTIFIER_ACTION_OPEN    "open"
#define STEADY_NOTIFIER_ACTION_SNOOZE  "snooze"
#define STEADY_NOTIFIER_ACTION_DISMISS "dismiss"

#define STEADY_TYPE_NOTIFIER (steady_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SteadyNotifier, steady_notifier, STEADY, NOTIFIER, GObject)

SteadyNotifier *steady_notifier_new         (const char           *app_id);
const char     *steady_notifier_get_app_id  (SteadyNotifier       *self);
void            steady_notifier_show_async  (SteadyNotifier       *self,
                                             SteadyReminder       *reminder,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean        steady_notifier_show_finish (SteadyNotifier       *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
