/* steady-reminder-planner-build.c: the reminders the planner makes, in words
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-reminder-planner.h"
#include "steady-reminder-planner-private.h"
#include "steady-reminder-private.h"

static char *
format_time (GDateTime *local)
{
  /* Translators: a time of day in a reminder, in the format of
   * g_date_time_format(); "%l:%M %p" gives "6:00 PM" */
  return g_date_time_format (local, _("%H:%M"));
}

static const char *
occurrence_name (SteadyOccurrence *occurrence)
{
  const char *title = steady_occurrence_get_title (occurrence);

  if (title != NULL && *title != '\0')
    return title;

  return steady_session_kind_get_label (steady_occurrence_get_kind (occurrence));
}

gboolean
steady_planner_wants_reminders (SteadyOccurrence *occurrence)
{
  SteadyAttendance attendance = steady_occurrence_get_attendance (occurrence);

  /* Missed or excused ahead of time: the person is not going. */
  return !steady_occurrence_get_cancelled (occurrence) &&
         attendance != STEADY_ATTENDANCE_MISSED &&
         attendance != STEADY_ATTENDANCE_EXCUSED;
}

static char *
starts_in (gint64 seconds)
{
  guint minutes = (guint)((seconds + 59) / 60);
  guint hours;

  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Starts in %u minute",
                                         "Starts in %u minutes", minutes),
                            minutes);

  if (minutes >= 24 * 60)
    return NULL;

  hours = (minutes + 30) / 60;
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Starts in %u hour",
                                         "Starts in %u hours", hours),
                            hours);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Starts in about %u hour",
                                       "Starts in about %u hours", hours),
                          hours);
}

void
steady_planner_take_reminder (SteadyReminderPlan *plan,
                              SteadyReminder     *reminder)
{
  steady_reminder_set_discreet (reminder, plan->settings->discreet);
  g_ptr_array_add (plan->due, reminder);
}

/* Building reminders. The discreet wording never names the session, its
 * kind or its place: it may show on a lock screen. */

SteadyReminder *
steady_planner_build_session (SteadyReminderPlan *plan,
                              SteadyOccurrence   *occurrence,
                              const char         *key,
                              gint64              due)
{
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (due);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (steady_occurrence_get_start (occurrence), plan->zone);
  g_autofree char *time = format_time (start);
  g_autofree char *weekday = g_date_time_format (start, "%A");
  g_autofree char *discreet_title = NULL;
  g_autofree char *full_title = NULL;
  g_autofree char *relative = NULL;
  g_autoptr(GString) full_body = g_string_new (NULL);
  const char *kind = steady_session_kind_get_label (steady_occurrence_get_kind (occurrence));
  const char *title = steady_occurrence_get_title (occurrence);
  const char *location = steady_occurrence_get_location (occurrence);
  SteadyReminder *reminder;
  GDate start_date;
  int days;

  steady_planner_local_date (plan, steady_occurrence_get_start_unix (occurrence), &start_date);
  days = g_date_days_between (&plan->today, &start_date);

  if (days <= 0)
    {
      discreet_title = g_strdup_printf (_("Session at %s"), time);
      /* Translators: a session kind, such as "Group therapy", and a time */
      full_title = g_strdup_printf (C_("session reminder", "%s at %s"), kind, time);
    }
  else if (days == 1)
    {
      discreet_title = g_strdup_printf (_("Session tomorrow at %s"), time);
      /* Translators: a session kind, such as "Group therapy", and a time */
      full_title = g_strdup_printf (C_("session reminder", "%s tomorrow at %s"), kind, time);
    }
  else
    {
      /* Translators: a weekday and a time */
      discreet_title = g_strdup_printf (_("Session on %s at %s"), weekday, time);
      /* Translators: a session kind, such as "Group therapy", a weekday and a time */
      full_title = g_strdup_printf (C_("session reminder", "%s on %s at %s"), kind, weekday, time);
    }

  relative = starts_in (steady_occurrence_get_start_unix (occurrence) - plan->now_unix);

  if (title != NULL && *title != '\0' && g_strcmp0 (title, kind) != 0)
    g_string_append (full_body, title);
  if (location != NULL && *location != '\0')
    g_string_append_printf (full_body, "%s%s", full_body->len > 0 ? "\n" : "", location);
  if (relative != NULL)
    g_string_append_printf (full_body, "%s%s", full_body->len > 0 ? "\n" : "", relative);

  reminder = steady_reminder_new (STEADY_REMINDER_KIND_SESSION, key, due_time);
  steady_reminder_set_wording (reminder, discreet_title, relative,
                               full_title, full_body->len > 0 ? full_body->str : NULL);
  steady_reminder_set_action (reminder, STEADY_REMINDER_ACTION_OPEN_SESSION,
                              g_variant_new ("(xs)",
                                             steady_occurrence_get_series_id (occurrence),
                                             steady_occurrence_get_recurrence_id (occurrence)));

  return reminder;
}

SteadyReminder *
steady_planner_build_reflection (SteadyReminderPlan *plan,
                                 SteadyOccurrence   *occurrence,
                                 const char         *key,
                                 gint64              due)
{
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (due);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (steady_occurrence_get_end (occurrence), plan->zone);
  g_autofree char *time = format_time (end);
  g_autofree char *full_title = NULL;
  g_autofree char *full_body = NULL;
  SteadyReminder *reminder;

  /* Translators: the name of a session, such as "Evening group" */
  full_title = g_strdup_printf (_("How did “%s” go?"), occurrence_name (occurrence));
  /* Translators: a session kind, such as "Group therapy", and the time it ended */
  full_body = g_strdup_printf (_("%s, ended at %s. A few words while it is fresh can help."),
                               steady_session_kind_get_label (steady_occurrence_get_kind (occurrence)),
                               time);

  reminder = steady_reminder_new (STEADY_REMINDER_KIND_REFLECTION, key, due_time);
  steady_reminder_set_wording (reminder,
                               _("How did it go?"),
                               _("A few words while it is fresh can help."),
                               full_title, full_body);
  steady_reminder_set_action (reminder, STEADY_REMINDER_ACTION_OPEN_SESSION,
                              g_variant_new ("(xs)",
                                             steady_occurrence_get_series_id (occurrence),
                                             steady_occurrence_get_recurrence_id (occurrence)));

  return reminder;
}

/* A reminder that opens @action and says the same whatever it is about */
SteadyReminder *
steady_planner_build_simple (SteadyReminderKind  kind,
                             const char         *key,
                             gint64              due,
                             const char         *discreet_title,
                             const char         *discreet_body,
                             const char         *full_title,
                             const char         *full_body,
                             const char         *action)
{
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (due);
  SteadyReminder *reminder = steady_reminder_new (kind, key, due_time);

  steady_reminder_set_wording (reminder, discreet_title, discreet_body, full_title, full_body);
  steady_reminder_set_action (reminder, action, NULL);

  return reminder;
}

SteadyReminder *
steady_planner_build_checkin (const char *key,
                              gint64      due)
{
  return steady_planner_build_simple (STEADY_REMINDER_KIND_CHECKIN, key, due,
                                      _("Time for your check-in"),
                                      _("How are you doing today?"),
                                      _("Time for your check-in"),
                                      _("How are your mood and cravings today? It takes a minute."),
                                      STEADY_REMINDER_ACTION_NEW_CHECKIN);
}

SteadyReminder *
steady_planner_build_nudge (const char *key,
                            gint64      due,
                            guint       days)
{
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (due);
  g_autofree char *body = NULL;
  SteadyReminder *reminder = steady_reminder_new (STEADY_REMINDER_KIND_NUDGE, key, due_time);

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "No check-in for %u day. A quick one can help, whenever you are ready.",
                                       "No check-in for %u days. A quick one can help, whenever you are ready.",
                                       days),
                          days);
  steady_reminder_set_wording (reminder, _("Checking in?"), body, NULL, NULL);
  steady_reminder_set_action (reminder, STEADY_REMINDER_ACTION_NEW_CHECKIN, NULL);

  return reminder;
}

SteadyReminder *
steady_planner_build_practice (const char *key,
                               gint64      due,
                               const char *lesson_id)
{
  g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (due);
  g_autofree char *full_title = NULL;
  SteadyLesson *lesson = steady_lesson_library_lookup (steady_lesson_library_get_default (), lesson_id);
  SteadyReminder *reminder = steady_reminder_new (STEADY_REMINDER_KIND_PRACTICE, key, due_time);

  if (lesson != NULL)
    /* Translators: the title of a lesson */
    full_title = g_strdup_printf (_("Practise: %s"), steady_lesson_get_title (lesson));

  steady_reminder_set_wording (reminder,
                               _("A moment to practise"),
                               _("You saved something to try."),
                               full_title,
                               _("You marked this lesson to practise later."));
  steady_reminder_set_action (reminder, STEADY_REMINDER_ACTION_OPEN_LESSON,
                              g_variant_new_string (lesson_id));

  return reminder;
}
