/* steady-reminder-private.h: shared by the reminder and its planner
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-reminder.h"
#include "steady-store-private.h"

G_BEGIN_DECLS

/* A row of the fired table is kept this long after it fired; longer than
 * any reminder can stay useful (a session reminder is useful until the
 * session starts, and lead times are capped well below this). */
#define STEADY_REMINDER_KEEP_FIRED_SECONDS (60 * 24 * 3600)

typedef enum
{
  STEADY_REMINDER_FIRED_NO,       /* never fired */
  STEADY_REMINDER_FIRED_YES,      /* fired; never due again */
  STEADY_REMINDER_FIRED_SNOOZED,  /* fired and snoozed; due again at the time given */
} SteadyReminderFired;

SteadyReminderFired steady_reminder_lookup_fired (SteadyStore  *store,
                                                  const char   *key,
                                                  gint64       *out_snoozed_until);

/* Whether any key matching the GLOB @pattern fired. */
gboolean            steady_reminder_any_fired    (SteadyStore  *store,
                                                  const char   *pattern);

/* Every snoozed key, with the instant it is due again. */
gboolean            steady_reminder_list_snoozed (SteadyStore  *store,
                                                  GPtrArray    *out_keys,
                                                  GArray       *out_until,
                                                  GError      **error);

G_END_DECLS
