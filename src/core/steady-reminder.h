/* steady-reminder.h: one reminder, ready to be shown
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
 * SteadyReminderKind:
 * @STEADY_REMINDER_KIND_SESSION: a session starts soon
 * @STEADY_REMINDER_KIND_CHECKIN: the daily check-in
 * @STEADY_REMINDER_KIND_REFLECTION: a session ended: how did it go?
 * @STEADY_REMINDER_KIND_PRACTICE: a lesson marked "practise later"
 * @STEADY_REMINDER_KIND_NUDGE: no check-in for a few days
 * @STEADY_REMINDER_KIND_AWAY_SUMMARY: several reminders at once, shown as
 *   one ("while you were away")
 * @STEADY_REMINDER_KIND_CHECKUP: the weekly self-check
 * @STEADY_REMINDER_KIND_PROMPT: a short craving check between sessions
 */
typedef enum
{
  STEADY_REMINDER_KIND_SESSION,
  STEADY_REMINDER_KIND_CHECKIN,
  STEADY_REMINDER_KIND_REFLECTION,
  STEADY_REMINDER_KIND_PRACTICE,
  STEADY_REMINDER_KIND_NUDGE,
  STEADY_REMINDER_KIND_AWAY_SUMMARY,
  STEADY_REMINDER_KIND_CHECKUP,
  STEADY_REMINDER_KIND_PROMPT,
} SteadyReminderKind;

/* The places a reminder opens. The application implements these
 * actions; the core only names them. */
#define STEADY_REMINDER_ACTION_OPEN_SESSION "app.open-session" /* (xs) series id, recurrence id */
#define STEADY_REMINDER_ACTION_NEW_CHECKIN  "app.new-checkin"  /* no target */
#define STEADY_REMINDER_ACTION_OPEN_LESSON  "app.open-lesson"  /* s: lesson id */
#define STEADY_REMINDER_ACTION_OPEN_TODAY   "app.open-today"   /* no target */
#define STEADY_REMINDER_ACTION_OPEN_CHECKUP "app.checkup"      /* no target */

/* What a notification's "Snooze" button means. */
#define STEADY_REMINDER_SNOOZE_MINUTES 10

#define STEADY_TYPE_REMINDER_KIND (steady_reminder_kind_get_type ())
#define STEADY_TYPE_REMINDER      (steady_reminder_get_type ())

GType steady_reminder_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadyReminder, steady_reminder, STEADY, REMINDER, GObject)

SteadyReminder     *steady_reminder_new               (SteadyReminderKind    kind,
                                                       const char           *key,
                                                       GDateTime            *due);

SteadyReminderKind  steady_reminder_get_kind          (SteadyReminder       *self);
const char         *steady_reminder_get_key           (SteadyReminder       *self);
GDateTime          *steady_reminder_get_due           (SteadyReminder       *self);

void                steady_reminder_set_wording       (SteadyReminder       *self,
                                                       const char           *discreet_title,
                                                       const char           *discreet_body,
                                                       const char           *full_title,
                                                       const char           *full_body);
gboolean            steady_reminder_get_discreet      (SteadyReminder       *self);
void                steady_reminder_set_discreet      (SteadyReminder       *self,
                                                       gboolean              discreet);
const char         *steady_reminder_get_title         (SteadyReminder       *self);
const char         *steady_reminder_get_body          (SteadyReminder       *self);
const char         *steady_reminder_get_discreet_title (SteadyReminder      *self);
const char         *steady_reminder_get_discreet_body (SteadyReminder       *self);
const char         *steady_reminder_get_full_title    (SteadyReminder       *self);
const char         *steady_reminder_get_full_body     (SteadyReminder       *self);

void                steady_reminder_set_action        (SteadyReminder       *self,
                                                       const char           *action_name,
                                                       GVariant             *target);
const char         *steady_reminder_get_action_name   (SteadyReminder       *self);
GVariant           *steady_reminder_get_action_target (SteadyReminder       *self);

void                steady_reminder_add_covered_key   (SteadyReminder       *self,
                                                       const char           *key);
GStrv               steady_reminder_dup_keys          (SteadyReminder       *self);
guint               steady_reminder_get_n_items       (SteadyReminder       *self);
void                steady_reminder_set_n_items       (SteadyReminder       *self,
                                                       guint                 n_items);

/* The fired table */
gboolean            steady_reminder_mark_fired        (SteadyStore          *store,
                                                       SteadyReminder       *reminder,
                                                       GDateTime            *now,
                                                       gboolean             *out_claimed,
                                                       GError              **error);
void                steady_reminder_mark_fired_async  (SteadyStore          *store,
                                                       SteadyReminder       *reminder,
                                                       GDateTime            *now,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            steady_reminder_mark_fired_finish (SteadyStore          *store,
                                                       GAsyncResult         *result,
                                                       gboolean             *out_claimed,
                                                       GError              **error);
gboolean            steady_reminder_snooze            (SteadyStore          *store,
                                                       SteadyReminder       *reminder,
                                                       guint                 minutes,
                                                       GDateTime            *now,
                                                       GError              **error);
void                steady_reminder_snooze_async      (SteadyStore          *store,
                                                       SteadyReminder       *reminder,
                                                       guint                 minutes,
                                                       GDateTime            *now,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean            steady_reminder_snooze_finish     (SteadyStore          *store,
                                                       GAsyncResult         *result,
                                                       GError              **error);
gboolean            steady_reminder_is_fired          (SteadyStore          *store,
                                                       const char           *key);

G_END_DECLS
