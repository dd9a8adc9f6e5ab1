/* steady-calendar-page-summary.c: the week's hours and the attendance
 * rate, in words
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar.h"
#include "steady-calendar-page-private.h"
#include "steady-calendar-util.h"

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    /* Translators: between the parts of the week's summary */
    g_string_append (text, _(" · "));
  g_string_append (text, part);
}

static char *
describe_week (const SteadyWeekHours *hours,
               gboolean               this_week)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (hours->n_sessions == 0)
    append_part (text, this_week ? _("No sessions this week") : _("No sessions that week"));
  else
    {
      g_autofree char *attended =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u session attended", "%u of %u sessions attended",
                                      hours->n_sessions),
                         hours->n_attended, hours->n_sessions);

      append_part (text, attended);
    }

  if (hours->n_missed > 0)
    {
      /* Translators: how many sessions were missed */
      g_autofree char *missed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missed", "%u missed",
                                                              hours->n_missed),
                                                 hours->n_missed);

      append_part (text, missed);
    }

  if (hours->n_excused > 0)
    {
      /* Translators: how many sessions were missed with the program's agreement */
      g_autofree char *excused = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u excused", "%u excused",
                                                               hours->n_excused),
                                                  hours->n_excused);

      append_part (text, excused);
    }

  if (hours->n_cancelled > 0)
    {
      /* Translators: how many sessions were cancelled */
      g_autofree char *cancelled = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled",
                                                                 hours->n_cancelled),
                                                    hours->n_cancelled);

      append_part (text, cancelled);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_week_range (const GDate *monday)
{
  GDate sunday = *monday;
  g_autoptr(GDateTime) first = steady_calendar_util_local_midnight (monday);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_date_add_days (&sunday, 6);
  last = steady_calendar_util_local_midnight (&sunday);
  /* Translators: a short day in a range of days, see g_date_time_format() */
  from = g_date_time_format (first, _("%b %-d"));
  to = g_date_time_format (last, _("%b %-d"));

  /* Translators: the first and last day of a week, “Nov 16 – Nov 22” */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static char *
describe_rate (const SteadyAttendanceSummary *summary)
{
  guint counted = summary->n_attended + summary->n_missed;
  g_autofree char *rate = NULL;

  if (summary->rate < 0)
    return g_strdup (summary->n_excused > 0
                     ? _("Attendance so far: only excused sessions are marked, and those don’t count against you.")
                     : _("Attendance so far: no sessions marked yet."));

  /* Translators: a percentage, then how many sessions that is */
  rate = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Attendance so far: %d%% (%u of %u session)",
                                       "Attendance so far: %d%% (%u of %u sessions)",
                                       counted),
                          (int)(summary->rate * 100 + 0.5), summary->n_attended, counted);

  if (summary->n_excused == 0)
    return g_steal_pointer (&rate);

  /* Translators: the attendance rate, then how many sessions were excused */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s; %u excused session doesn’t count against you.",
                                       "%s; %u excused sessions don’t count against you.",
                                       summary->n_excused),
                          rate, summary->n_excused);
}

/* The card over the month: the selected day's week, its hours against
 * what the program asks, and the attendance rate so far. A week's
 * figures cost about a millisecond: read on the main thread. */
void
steady_calendar_page_load_summary (SteadyCalendarPage *self)
{
  SteadyWeekHours hours = { 0, };
  SteadyAttendanceSummary summary = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *attended = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *rate = NULL;
  GDate day, today;
  gboolean this_week;

  if (self->store == NULL)
    return;

  steady_month_view_get_date (self->month_view, &day);
  steady_calendar_util_get_today (&today);

  if (!steady_calendar_get_week_hours (self->store, &day, NULL, &hours, &error) ||
      !steady_calendar_get_attendance_summary (self->store, &summary, &error))
    {
      g_message ("Could not count the week’s hours: %s", error->message);
      gtk_label_set_label (self->hours_label, _("The hours could not be counted"));
      return;
    }

  this_week = g_date_days_between (&hours.monday, &today) >= 0 && g_date_days_between (&hours.monday, &today) < 7;
  if (this_week && hours.program_week > 0)
    /* Translators: %d counts the weeks since the program started */
    title = g_strdup_printf (_("Week %d of your program"), hours.program_week);
  else if (this_week)
    title = g_strdup (_("This week"));
  else
    {
      g_autofree char *range = describe_week_range (&hours.monday);

      if (hours.program_week > 0)
        /* Translators: %d counts the weeks since the program started; %s
         * is the week's first and last day */
        title = g_strdup_printf (_("Week %d of your program · %s"), hours.program_week, range);
      else
        title = g_steal_pointer (&range);
    }

  /* Hours in words, "4 of 9 hours this week"; the bar only repeats it. */
  attended = steady_calendar_util_format_hours (hours.attended_seconds);
  if (hours.required_minutes > 0)
    {
      g_autofree char *required = steady_calendar_util_format_hours ((gint64)hours.required_minutes * 60);
      guint n = (hours.required_minutes + 59) / 60;

      if (this_week)
        /* Translators: hours attended, then hours the program asks for */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s hour this week", "%s of %s hours this week", n),
                                attended, required);
      else
        /* Translators: hours attended, then hours the program asked for */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s hour that week", "%s of %s hours that week", n),
                                attended, required);

      gtk_progress_bar_set_fraction (self->hours_bar,
                                     CLAMP ((double)hours.attended_seconds / (hours.required_minutes * 60.0), 0.0, 1.0));
    }
  else
    {
      guint n = (hours.attended_seconds + 3599) / 3600;

      /* Translators: hours attended, when the program asks for none */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour attended", "%s hours attended", n), attended);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hours_bar), hours.required_minutes > 0);

  detail = describe_week (&hours, this_week);
  rate = describe_rate (&summary);

  gtk_label_set_label (self->week_title_label, title);
  gtk_label_set_label (self->hours_label, text);
  gtk_label_set_label (self->week_detail_label, detail);
  gtk_label_set_label (self->rate_label, rate);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hours_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}
