/* steady-reminder-planner-checkup.c: the weekly self-check and the
 * between-session craving prompts, as reminders
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-checkup.h"
#include "steady-reminder-planner-private.h"

/* The self-check is offered on the day a week has passed since the last
 * one (or at once when there has been none), half an hour after the
 * check-in time, at most once a calendar week. */
#define CHECKUP_AFTER_CHECKIN_SECONDS (30 * 60)
#define CHECKUP_EVERY_DAYS            7

static SteadyReminder *
build_checkup (const char *key,
               gint64      due)
{
  return steady_planner_build_simple (STEADY_REMINDER_KIND_CHECKUP, key, due,
                                      _("Your weekly self-check"),
                                      _("A few questions about your week, if you have a moment."),
                                      _("Your weekly self-check"),
                                      _("Eight questions about the past week, to talk over with your care team."),
                                      STEADY_REMINDER_ACTION_OPEN_CHECKUP);
}

static SteadyReminder *
build_prompt (const char *key,
              gint64      due)
{
  return steady_planner_build_simple (STEADY_REMINDER_KIND_PROMPT, key, due,
                                      _("A quick check"),
                                      _("How are you doing right now?"),
                                      _("A quick craving check"),
                                      _("No session tonight. How strong are cravings right now? It takes a minute."),
                                      STEADY_REMINDER_ACTION_NEW_CHECKIN);
}

/* Whether a self-check was made in the last week before @t. */
static gboolean
recent_checkup (SteadyReminderPlan  *plan,
                gint64               t,
                gboolean            *out_recent,
                GError             **error)
{
  g_autoptr(GListModel) latest = steady_checkup_list (plan->store, 1, error);
  g_autoptr(SteadyCheckupResult) result = NULL;

  if (latest == NULL)
    return FALSE;

  *out_recent = FALSE;
  if (g_list_model_get_n_items (latest) == 0)
    return TRUE;

  result = g_list_model_get_item (latest, 0);
  *out_recent = t - g_date_time_to_unix (steady_checkup_result_get_at (result)) <
                (CHECKUP_EVERY_DAYS - 1) * 24 * 3600;

  return TRUE;
}

static char *
checkup_key (SteadyReminderPlan *plan,
             gint64              due)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (due);
  g_autoptr(GDateTime) in_zone = g_date_time_to_timezone (local, plan->zone);

  /* Once an ISO week: "checkup:2026-W48". */
  return g_date_time_format (in_zone, "checkup:%G-W%V");
}

static gboolean
plan_checkup (SteadyReminderPlan  *plan,
              GError             **error)
{
  const SteadyReminderSettings *s = plan->settings;
  g_autofree char *key = NULL;
  gint64 due;
  gboolean recent = FALSE;

  due = steady_planner_after_quiet_hours (plan, steady_planner_local_at (plan, &plan->today, s->checkin_hour,
                                                                        s->checkin_minute)
                                                + CHECKUP_AFTER_CHECKIN_SECONDS);
  if (!steady_planner_is_today (plan, due))
    return TRUE;

  if (!recent_checkup (plan, due, &recent, error))
    return FALSE;
  if (recent)
    return TRUE;

  key = checkup_key (plan, due);
  if (steady_planner_is_due (plan, key, due))
    steady_planner_take_reminder (plan, build_checkup (key, due));

  return TRUE;
}

static gboolean
plan_prompts (SteadyReminderPlan  *plan,
              GError             **error)
{
  g_autoptr(GPtrArray) times = steady_checkup_plan_prompts (plan->store, plan->now, plan->zone, error);

  if (times == NULL)
    return FALSE;

  for (guint i = 0; i < times->len; i++)
    {
      GDateTime *time = g_ptr_array_index (times, i);
      g_autofree char *key = g_date_time_format (time, "prompt:%Y-%m-%dT%H:%M");
      gint64 due = g_date_time_to_unix (time);

      /* Never in quiet hours: a prompt that would have to wait is
       * dropped, not moved to the morning. */
      if (steady_planner_after_quiet_hours (plan, due) != due)
        continue;

      if (steady_planner_is_due (plan, key, due) && steady_planner_is_today (plan, due))
        steady_planner_take_reminder (plan, build_prompt (key, due));
    }

  return TRUE;
}

/**
 * steady_planner_plan_checkup:
 *
 * The weekly self-check and the craving prompts of today, when the
 * person asked for them.
 *
 * Returns: %TRUE on success
 */
gboolean
steady_planner_plan_checkup (SteadyReminderPlan  *plan,
                             GError             **error)
{
  const SteadyReminderSettings *s = plan->settings;

  if (s->checkup_enabled && !plan_checkup (plan, error))
    return FALSE;

  if (s->prompts_enabled && !plan_prompts (plan, error))
    return FALSE;

  return TRUE;
}

/**
 * steady_planner_rebuild_checkup:
 * @key: a snoozed reminder's key
 * @due: when it comes back
 *
 * Returns: (transfer full) (nullable): the reminder @key stands for, if
 *   it is one of this file's and still wanted
 */
SteadyReminder *
steady_planner_rebuild_checkup (SteadyReminderPlan *plan,
                                const char         *key,
                                gint64              due)
{
  const SteadyReminderSettings *s = plan->settings;
  gboolean recent = FALSE;

  if (g_str_has_prefix (key, "checkup:") && s->checkup_enabled &&
      recent_checkup (plan, due, &recent, NULL) && !recent)
    return build_checkup (key, due);

  if (g_str_has_prefix (key, "prompt:") && s->prompts_enabled)
    return build_prompt (key, due);

  return NULL;
}
