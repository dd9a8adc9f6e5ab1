/* steady-today-page.c: what matters now
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-today-page"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "steady-today.h"
#include "steady-today-page.h"

struct _SteadyTodayPage
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkLabel     *greeting_label;
  GtkLabel     *week_line_label;
  AdwActionRow *checkin_row;
  GtkButton    *checkin_button;
  AdwActionRow *session_row;
  AdwActionRow *homework_row;
  AdwActionRow *sober_row;
  AdwActionRow *hours_row;
  GtkLevelBar  *hours_bar;
  AdwActionRow *lesson_row;

  /* Owned */
  SteadyStore  *store;
  char         *lesson_id;
  guint         tick_id;

  /* Read since the page was last shown: showing it need not read again */
  guint         fresh : 1;
};

G_DEFINE_FINAL_TYPE (SteadyTodayPage, steady_today_page, ADW_TYPE_BIN)

static const char *
greeting (SteadyTodayPart part)
{
  switch (part)
    {
    case STEADY_TODAY_MORNING:
      return _("Good morning");
    case STEADY_TODAY_AFTERNOON:
      return _("Good afternoon");
    case STEADY_TODAY_EVENING:
      return _("Good evening");
    case STEADY_TODAY_NIGHT:
    default:
      /* Late at night: no cheerfulness, just company. */
      return _("Hello");
    }
}

static char *
format_countdown (GDateTime *now,
                  GDateTime *start)
{
  GTimeSpan span = g_date_time_difference (start, now);
  gint64 minutes = span / G_TIME_SPAN_MINUTE;

  if (span <= 0)
    return g_strdup (_("happening now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u minute", "in %u minutes", (guint)minutes),
                            (guint)MAX (minutes, 1));
  if (minutes < 48 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u hour", "in %u hours", (guint)(minutes / 60)),
                            (guint)(minutes / 60));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u day", "in %u days", (guint)(minutes / (24 * 60))),
                          (guint)(minutes / (24 * 60)));
}

static char *
format_when (GDateTime *now,
             GDateTime *start)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (start);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (local_now, 1);
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    /* Translators: %s is a time */
    return g_strdup_printf (_("Today at %s"), time);

  if (g_date_time_get_year (local) == g_date_time_get_year (tomorrow) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (tomorrow))
    /* Translators: %s is a time */
    return g_strdup_printf (_("Tomorrow at %s"), time);

  /* Translators: a day and time, see g_date_time_format() */
  return g_date_time_format (local, _("%A, %B %-d at %H:%M"));
}

static void
show_session (SteadyTodayPage *self,
              SteadyToday     *today,
              GDateTime       *now)
{
  SteadyOccurrence *next = today->next_session;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *countdown = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *homework;

  if (next == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->session_row), _("No Sessions Planned"));
      adw_action_row_set_subtitle (self->session_row,
                                   _("Add your program’s schedule in the Calendar to see your next session here."));
      gtk_widget_set_visible (GTK_WIDGET (self->homework_row), FALSE);
      return;
    }

  /* Translators: session kind and title, e.g. "Group therapy: Evening group" */
  title = g_strdup_printf (_("%s: %s"), steady_session_kind_get_label (steady_occurrence_get_kind (next)),
                           steady_occurrence_get_title (next));
  when = format_when (now, steady_occurrence_get_start (next));
  countdown = format_countdown (now, steady_occurrence_get_start (next));

  g_string_append_printf (subtitle, "%s (%s)", when, countdown);
  if (steady_occurrence_get_location (next) != NULL && *steady_occurrence_get_location (next) != '\0')
    g_string_append_printf (subtitle, "\n%s", steady_occurrence_get_location (next));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->session_row), title);
  adw_action_row_set_subtitle (self->session_row, subtitle->str);

  homework = steady_occurrence_get_homework (next);
  if (homework == NULL || *homework == '\0')
    homework = steady_occurrence_get_note (next);
  gtk_widget_set_visible (GTK_WIDGET (self->homework_row), homework != NULL && *homework != '\0');
  if (homework != NULL)
    adw_action_row_set_subtitle (self->homework_row, homework);
}

static char *
format_hours (gint64 minutes)
{
  /* Whole hours without a decimal; otherwise one, rounded down. */
  if (minutes % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, minutes / 60);

  return g_strdup_printf ("%" G_GINT64_FORMAT "%s%" G_GINT64_FORMAT,
                          minutes / 60, localeconv ()->decimal_point, (minutes % 60) * 10 / 60);
}

static void
show_progress (SteadyTodayPage *self,
               SteadyToday     *today)
{
  double attended_hours = today->week.attended_seconds / 3600.0;
  double required_hours = today->week.required_minutes / 60.0;
  g_autofree char *attended = format_hours (today->week.attended_seconds / 60);
  g_autofree char *required = format_hours (today->week.required_minutes);
  g_autofree char *hours = NULL;

  if (today->sobriety.active)
    {
      g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sober day", "%u sober days",
                                                            today->sobriety.current_days),
                                               today->sobriety.current_days);
      g_autofree char *total = NULL;

      if (today->sobriety.n_periods > 1)
        total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day in all, and every one counts",
                                              "%u days in all, and every one counts", today->sobriety.total_days),
                                 today->sobriety.total_days);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sober_row), days);
      adw_action_row_set_subtitle (self->sober_row, total);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sober_row), today->sobriety.active);

  /* Translators: program hours, e.g. "4.5 of 9 hours this week" */
  hours = g_strdup_printf (_("%s of %s hours this week"), attended, required);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hours_row), hours);
  adw_action_row_set_subtitle (self->hours_row,
                               required_hours > 0 && attended_hours >= required_hours
                                 ? _("You have met this week’s program hours.")
                                 : _("Hours you attended, against what your program asks."));
  gtk_level_bar_set_value (self->hours_bar,
                           required_hours > 0 ? MIN (attended_hours / required_hours, 1.0) : 0);
}

static void
show_lesson (SteadyTodayPage *self,
             SteadyToday     *today)
{
  SteadyLessonLibrary *library = steady_lesson_library_get_default ();
  SteadyLesson *lesson = today->suggested_lesson != NULL
                           ? steady_lesson_library_lookup (library, today->suggested_lesson) : NULL;
  g_autofree char *reason = NULL;

  g_free (self->lesson_id);
  self->lesson_id = g_strdup (today->suggested_lesson);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.open-lesson", lesson != NULL);

  if (lesson == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lesson_row), _("Every Lesson Done"));
      adw_action_row_set_subtitle (self->lesson_row, _("You can go back to any of them in Lessons."));
      return;
    }

  switch (today->suggestion_reason)
    {
    case STEADY_SUGGESTION_CONTINUE:
      reason = g_strdup (_("You started this one. Pick up where you left off."));
      break;
    case STEADY_SUGGESTION_HELPED_BEFORE:
      {
        const SteadySkillInfo *skill = steady_lesson_library_lookup_skill (library, today->helped_skill);

        /* Translators: %s is a skill, e.g. "Urge surfing" */
        reason = g_strdup_printf (_("%s helped you when cravings were strong. This lesson goes deeper."),
                                  skill != NULL ? skill->name : today->helped_skill);
      }
      break;
    case STEADY_SUGGESTION_NEXT_UNFINISHED:
    case STEADY_SUGGESTION_NONE:
    default:
      reason = g_strdup (steady_lesson_get_summary (lesson));
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lesson_row), steady_lesson_get_title (lesson));
  adw_action_row_set_subtitle (self->lesson_row, reason);
}

/**
 * steady_today_page_reload:
 *
 * Reads again what Today shows. A handful of indexed queries, cheap
 * enough for the main thread (see the benchmark).
 */
void
steady_today_page_reload (SteadyTodayPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *week_line = NULL;
  SteadyToday today;

  g_return_if_fail (STEADY_IS_TODAY_PAGE (self));

  gtk_label_set_label (self->greeting_label, greeting (steady_today_part_of_day (now)));

  if (self->store == NULL)
    return;

  if (!steady_today_load (self->store, steady_lesson_library_get_default (), now, &today, &error))
    {
      g_message ("Today could not be read: %s", error->message);
      return;
    }

  if (today.n_checkins_today == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checkin_row), _("How Are You Doing Today?"));
      adw_action_row_set_subtitle (self->checkin_row, _("A check-in takes under a minute."));
      gtk_button_set_label (self->checkin_button, _("_Check In"));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->checkin_row), _("You Checked In Today"));
      adw_action_row_set_subtitle (self->checkin_row, _("Thank you. You can check in again at any time."));
      gtk_button_set_label (self->checkin_button, _("_Check In Again"));
    }

  show_session (self, &today, now);
  show_progress (self, &today);
  show_lesson (self, &today);

  week_line = steady_today_describe_week (&today.week_summary);
  gtk_label_set_label (self->week_line_label, week_line);
  gtk_widget_set_visible (GTK_WIDGET (self->week_line_label), week_line != NULL);

  steady_today_clear (&today);
  self->fresh = TRUE;
}

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (widget);

  if (self->lesson_id != NULL)
    gtk_widget_activate_action (widget, "win.open-lesson", "s", self->lesson_id);
}

static void
store_changed_cb (SteadyTodayPage *self,
                  const char      *what)
{
  /* Everything on Today can change with any write. */
  steady_today_page_reload (self);
}

static gboolean
tick_cb (gpointer data)
{
  /* The countdown and the greeting move with the clock. */
  steady_today_page_reload (data);

  return G_SOURCE_CONTINUE;
}

static void
steady_today_page_map (GtkWidget *widget)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (steady_today_page_parent_class)->map (widget);

  /* At start-up the store was just read: not again before the first
   * frame. Shown again later, the clock may have moved. */
  if (!self->fresh)
    steady_today_page_reload (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
}

static void
steady_today_page_unmap (GtkWidget *widget)
{
  SteadyTodayPage *self = STEADY_TODAY_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->fresh = FALSE;

  GTK_WIDGET_CLASS (steady_today_page_parent_class)->unmap (widget);
}

static void
steady_today_page_dispose (GObject *object)
{
  SteadyTodayPage *self = (SteadyTodayPage *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_today_page_parent_class)->dispose (object);
}

static void
steady_today_page_finalize (GObject *object)
{
  SteadyTodayPage *self = (SteadyTodayPage *)object;

  g_clear_pointer (&self->lesson_id, g_free);

  G_OBJECT_CLASS (steady_today_page_parent_class)->finalize (object);
}

static void
steady_today_page_class_init (SteadyTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_today_page_dispose;
  object_class->finalize = steady_today_page_finalize;

  widget_class->map = steady_today_page_map;
  widget_class->unmap = steady_today_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/today/steady-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, week_line_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, checkin_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, checkin_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, session_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, homework_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, sober_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, hours_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, hours_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyTodayPage, lesson_row);

  gtk_widget_class_install_action (widget_class, "today.open-lesson", NULL, open_lesson_action);
}

/* Today is the one page built before the first frame, so its layout is
 * on the start-up path. To find a wrapping label's minimum width, GTK
 * 4.8 lays its text out at zero width, and libadwaita's rows wrap at
 * any character: every character on a line of its own, shaped one by
 * one. That was most of the time Steady spent measuring its first
 * window. A minimum of a few characters breaks lines far less often
 * and still lets every label wrap on the narrowest screen. */
#define MIN_WRAP_CHARS 12

static void
limit_wrap_search (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget))
      && gtk_label_get_width_chars (GTK_LABEL (widget)) < 0)
    gtk_label_set_width_chars (GTK_LABEL (widget), MIN_WRAP_CHARS);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    limit_wrap_search (child);
}

static void
steady_today_page_init (SteadyTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  limit_wrap_search (GTK_WIDGET (self));

  steady_today_page_reload (self);
}

void
steady_today_page_set_store (SteadyTodayPage *self,
                             SteadyStore     *store)
{
  g_return_if_fail (STEADY_IS_TODAY_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  steady_today_page_reload (self);
}

/**
 * steady_today_page_get_text:
 * @part: "greeting", "checkin", "session", "sober", "hours", "lesson" or
 *   "week"
 *
 * Returns: (transfer none) (nullable): what that part says, for tests and
 *   accessibility checks
 */
const char *
steady_today_page_get_text (SteadyTodayPage *self,
                            const char      *part)
{
  g_return_val_if_fail (STEADY_IS_TODAY_PAGE (self), NULL);

  if (g_str_equal (part, "greeting"))
    return gtk_label_get_label (self->greeting_label);
  if (g_str_equal (part, "week"))
    return gtk_widget_get_visible (GTK_WIDGET (self->week_line_label)) ? gtk_label_get_label (self->week_line_label) : NULL;
  if (g_str_equal (part, "checkin"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->checkin_row));
  if (g_str_equal (part, "session"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->session_row));
  if (g_str_equal (part, "sober"))
    return gtk_widget_get_visible (GTK_WIDGET (self->sober_row)) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->sober_row)) : NULL;
  if (g_str_equal (part, "hours"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->hours_row));
  if (g_str_equal (part, "lesson"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->lesson_row));

  return NULL;
}
