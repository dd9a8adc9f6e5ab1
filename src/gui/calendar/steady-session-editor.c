/* steady-session-editor.c: add a session or a weekly series, or change one
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-session-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "steady-calendar.h"
#include "steady-calendar-util.h"
#include "steady-dialog-util.h"
#include "steady-session-editor-private.h"

G_DEFINE_FINAL_TYPE (SteadySessionEditor, steady_session_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OCCURRENCE,
  PROP_DAY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Reading the widgets */

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
read_weekly (SteadySessionEditor *self,
             SteadyWeeklyRule    *out_rule)
{
  SteadyWeeklyRule rule = { 0, };

  for (int i = 0; i < 7; i++)
    {
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->day_buttons[i])))
        rule.days |= 1 << i;
    }

  rule.end = adw_combo_row_get_selected (self->ends_row);
  rule.until = self->until;
  rule.count = gtk_spin_button_get_value_as_int (self->count_spin);

  *out_rule = rule;
}

gboolean
steady_session_editor_repeat_is_changed (SteadySessionEditor *self)
{
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  SteadyWeeklyRule rule;

  if (repeat != self->original_repeat)
    return TRUE;
  if (repeat != REPEAT_WEEKLY)
    return FALSE;

  read_weekly (self, &rule);

  return !steady_calendar_util_weekly_equal (&rule, &self->original_rule);
}

/* The editor works on a copy; this reads the widgets into a new one,
 * without its rule. */
SteadySessionSeries *
steady_session_editor_read_fields (SteadySessionEditor *self)
{
  SteadySessionSeries *fields = steady_session_series_copy (self->original);
  g_autofree char *notes = text_of (self->notes_view);
  g_autofree char *start = NULL;

  start = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00",
                           g_date_get_year (&self->date), g_date_get_month (&self->date),
                           g_date_get_day (&self->date),
                           gtk_spin_button_get_value_as_int (self->hour_spin),
                           gtk_spin_button_get_value_as_int (self->minute_spin));

  steady_session_series_set_kind (fields, adw_combo_row_get_selected (self->kind_row));
  steady_session_series_set_title (fields, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  steady_session_series_set_location (fields, gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  steady_session_series_set_facilitator (fields, gtk_editable_get_text (GTK_EDITABLE (self->facilitator_row)));
  steady_session_series_set_notes (fields, notes);
  steady_session_series_set_start_local (fields, start);
  steady_session_series_set_duration (fields, (gint64)gtk_spin_button_get_value_as_int (self->duration_spin) * 60);
  steady_session_series_set_tzid (fields, self->tzid);
  steady_session_series_set_rrule (fields, NULL);

  return fields;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

gboolean
steady_session_editor_has_changes (SteadySessionEditor *self)
{
  g_autoptr(SteadySessionSeries) now = steady_session_editor_read_fields (self);
  SteadySessionSeries *was = self->original;

  return steady_session_series_get_kind (now) != steady_session_series_get_kind (was) ||
         steady_session_series_get_duration (now) != steady_session_series_get_duration (was) ||
         !same_text (steady_session_series_get_title (now), steady_session_series_get_title (was)) ||
         !same_text (steady_session_series_get_location (now), steady_session_series_get_location (was)) ||
         !same_text (steady_session_series_get_facilitator (now), steady_session_series_get_facilitator (was)) ||
         !same_text (steady_session_series_get_notes (now), steady_session_series_get_notes (was)) ||
         !same_text (steady_session_series_get_start_local (now), steady_session_series_get_start_local (was)) ||
         !same_text (steady_session_series_get_tzid (now), steady_session_series_get_tzid (was)) ||
         steady_session_editor_repeat_is_changed (self);
}

/* The rule the widgets ask for, or a message saying what is missing. */
char *
steady_session_editor_check_repeat (SteadySessionEditor  *self,
                                    char                **out_rrule)
{
  g_autoptr(SteadySessionSeries) scratch = NULL;
  SteadyWeeklyRule rule;
  int weekday = steady_calendar_util_get_weekday (&self->date);

  *out_rrule = NULL;

  switch (adw_combo_row_get_selected (self->repeat_row))
    {
    case REPEAT_NONE:
      return NULL;

    case REPEAT_CUSTOM:
      *out_rrule = g_strdup (self->original_rrule);
      return NULL;

    case REPEAT_WEEKLY:
    default:
      break;
    }

  /* Unchanged, the rule stays exactly as stored. */
  if (!steady_session_editor_repeat_is_changed (self) && self->original_rrule != NULL)
    {
      *out_rrule = g_strdup (self->original_rrule);
      return NULL;
    }

  read_weekly (self, &rule);

  if (rule.days == 0)
    return g_strdup (_("Choose at least one day of the week for the sessions."));

  /* iCalendar counts the start as the first session: it has to be on one
   * of the days. */
  if ((rule.days & (1 << weekday)) == 0)
    {
      g_autofree char *name = steady_calendar_util_dup_weekday_name (weekday, FALSE);

      /* Translators: %s is a day of the week, twice */
      return g_strdup_printf (_("The first session is on a %s, which is not one of the days chosen. Choose %s too, or change the date."),
                              name, name);
    }

  if (rule.end == STEADY_REPEAT_END_UNTIL &&
      (!g_date_valid (&rule.until) || g_date_compare (&rule.until, &self->date) <= 0))
    return g_strdup (_("The last day has to be after the first session."));

  scratch = steady_session_series_new ();
  steady_session_series_set_weekly (scratch, rule.days,
                                    rule.end == STEADY_REPEAT_END_COUNT ? rule.count : 0,
                                    rule.end == STEADY_REPEAT_END_UNTIL ? &rule.until : NULL);
  *out_rrule = g_strdup (steady_session_series_get_rrule (scratch));

  return NULL;
}

/* Showing */

static void
show_date (SteadySessionEditor *self)
{
  g_autofree char *text = steady_calendar_util_format_date (&self->date, FALSE);

  adw_action_row_set_subtitle (self->date_row, text);
  adw_window_title_set_subtitle (self->window_title, text);
}

static void
set_calendar (GtkCalendar *calendar,
              const GDate *date)
{
  g_autoptr(GDateTime) day = steady_calendar_util_local_midnight (date);

  gtk_calendar_select_day (calendar, day);
}

static void
show_until (SteadySessionEditor *self)
{
  g_autofree char *text = steady_calendar_util_format_date (&self->until, FALSE);

  adw_action_row_set_subtitle (self->until_row, text);
}

static void
show_zone (SteadySessionEditor *self)
{
  gboolean local = steady_calendar_util_is_local_zone (self->tzid);
  g_autofree char *text = NULL;

  if (local)
    /* Translators: %s is a time zone, “Europe/Berlin” */
    text = g_strdup_printf (_("%s, this computer’s"), self->tzid);
  else
    /* Translators: %s is a time zone, “Europe/Berlin” */
    text = g_strdup_printf (_("%s: the times above are in this zone"), self->tzid);

  adw_action_row_set_subtitle (self->zone_row, text);
  gtk_widget_set_visible (self->local_zone_button, !local);
}

static void
update_repeat_visibility (SteadySessionEditor *self)
{
  gboolean weekly = adw_combo_row_get_selected (self->repeat_row) == REPEAT_WEEKLY;
  guint ends = adw_combo_row_get_selected (self->ends_row);

  gtk_widget_set_visible (self->days_group, weekly);
  gtk_widget_set_visible (self->ends_group, weekly);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), ends == STEADY_REPEAT_END_UNTIL);
  gtk_widget_set_visible (self->count_row, ends == STEADY_REPEAT_END_COUNT);
}

void
steady_session_editor_show_error (SteadySessionEditor *self,
                                  const char          *message)
{
  steady_dialog_show_error (self->error_revealer, self->error_label,
                            /* Translators: %s says why */
                            _("Not saved: %s Everything you entered is still here; you can try again."),
                            message);
}

/* Signal callbacks */

static void
kind_changed_cb (SteadySessionEditor *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));

  if (self->syncing)
    return;

  /* A title the person has not written follows the kind. */
  if (self->title_is_auto || *title == '\0')
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             steady_session_kind_get_label (adw_combo_row_get_selected (self->kind_row)));
      self->syncing = FALSE;
      self->title_is_auto = TRUE;
    }
}

static void
title_changed_cb (SteadySessionEditor *self)
{
  if (!self->syncing)
    self->title_is_auto = FALSE;
}

static void
date_changed_cb (SteadySessionEditor *self)
{
  g_autoptr(GDateTime) day = NULL;
  int old_weekday, new_weekday;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->date_calendar);
  old_weekday = steady_calendar_util_get_weekday (&self->date);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  new_weekday = steady_calendar_util_get_weekday (&self->date);
  show_date (self);

  /* One day chosen, the start's: it moves with the start. */
  if (old_weekday != new_weekday)
    {
      SteadyWeeklyRule rule;

      read_weekly (self, &rule);
      if (rule.days == (guint)(1 << old_weekday))
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[old_weekday]), FALSE);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[new_weekday]), TRUE);
        }
    }
}

static void
until_changed_cb (SteadySessionEditor *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->until_calendar);
  g_date_set_dmy (&self->until, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  show_until (self);
}

static void
repeat_changed_cb (SteadySessionEditor *self)
{
  if (self->syncing)
    return;

  /* Weekly starts on the start's own day. */
  if (adw_combo_row_get_selected (self->repeat_row) == REPEAT_WEEKLY)
    {
      SteadyWeeklyRule rule;

      read_weekly (self, &rule);
      if (rule.days == 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[steady_calendar_util_get_weekday (&self->date)]),
                                      TRUE);
    }

  update_repeat_visibility (self);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static gboolean
duration_output_cb (GtkSpinButton *spin,
                    gpointer       user_data)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* "3:30" is hours and minutes; a lone number is hours up to 24, else
 * minutes ("2" is two hours, "90" is an hour and a half). */
static int
duration_input_cb (GtkSpinButton *spin,
                   double        *new_value,
                   gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  int hours = 0, minutes = 0;

  if (sscanf (text, "%d:%d", &hours, &minutes) == 2 && hours >= 0 && minutes >= 0 && minutes < 60)
    *new_value = hours * 60 + minutes;
  else if (sscanf (text, "%d", &hours) == 1 && hours >= 0)
    *new_value = hours <= 24 ? hours * 60 : hours;
  else
    return GTK_INPUT_ERROR;

  return TRUE;
}

/* Filling the widgets */

/* Seven day buttons side by side must fit a 360 px window whatever the
 * language's abbreviations: they give up their side padding. A chosen
 * day is bold and filled, not only a shade darker. */
static void
ensure_style (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider,
                                       ".steady-weekdays > button { padding-left: 2px; padding-right: 2px; min-width: 0; font-weight: normal; }\n"
                                       ".steady-weekdays > button:checked { font-weight: bold; background-color: @accent_bg_color; color: @accent_fg_color; }",
                                       -1);
      if (gdk_display_get_default () != NULL)
        gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
build_day_buttons (SteadySessionEditor *self)
{
  int week_start = steady_calendar_util_get_week_start ();

  for (int i = 0; i < 7; i++)
    {
      int weekday = (week_start + i) % 7;
      g_autofree char *short_name = steady_calendar_util_dup_weekday_name (weekday, TRUE);
      g_autofree char *long_name = steady_calendar_util_dup_weekday_name (weekday, FALSE);
      GtkWidget *button = gtk_toggle_button_new_with_label (short_name);

      gtk_widget_set_tooltip_text (button, long_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name,
                                      -1);
      self->day_buttons[weekday] = button;
      gtk_box_append (self->days_box, button);
    }
}

static void
build_kinds (SteadySessionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
    gtk_string_list_append (kinds, steady_session_kind_get_label (kind));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

static void
load (SteadySessionEditor *self)
{
  SteadySessionSeries *fields = self->original;
  SteadyWeeklyRule rule;
  guint repeat;
  GDate day;
  int hour, minute;

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->kind_row, steady_session_series_get_kind (fields));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         steady_session_series_get_title (fields) ? steady_session_series_get_title (fields) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->location_row),
                         steady_session_series_get_location (fields) ? steady_session_series_get_location (fields) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->facilitator_row),
                         steady_session_series_get_facilitator (fields) ? steady_session_series_get_facilitator (fields) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            steady_session_series_get_notes (fields) ? steady_session_series_get_notes (fields) : "", -1);

  if (!steady_calendar_util_parse_start_local (steady_session_series_get_start_local (fields), &day, &hour, &minute))
    {
      day = self->initial_day;
      hour = 18;
      minute = 0;
    }
  self->date = day;
  set_calendar (self->date_calendar, &day);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  gtk_spin_button_set_value (self->duration_spin, MAX (steady_session_series_get_duration (fields) / 60, 5));

  g_free (self->tzid);
  self->tzid = g_strdup (steady_session_series_get_tzid (fields));
  if (self->tzid == NULL)
    self->tzid = steady_calendar_util_dup_local_tzid ();

  /* The rule: one the editor can show, or one it keeps as it is. */
  if (self->original_rrule == NULL)
    {
      repeat = REPEAT_NONE;
      memset (&rule, 0, sizeof rule);
      g_date_clear (&rule.until, 1);
    }
  else if (steady_calendar_util_parse_weekly (self->original_rrule, self->tzid,
                                              self->rule_start != NULL ? self->rule_start
                                                                       : steady_session_series_get_start_local (fields),
                                              &rule))
    repeat = REPEAT_WEEKLY;
  else
    {
      repeat = REPEAT_CUSTOM;
      gtk_string_list_append (self->repeat_model, _("By a custom rule, kept as it is"));
    }

  for (int i = 0; i < 7; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[i]), (rule.days & (1 << i)) != 0);
  adw_combo_row_set_selected (self->ends_row, repeat == REPEAT_WEEKLY ? rule.end : STEADY_REPEAT_END_NEVER);

  /* Sensible values behind the choices not taken: eight weeks on, or
   * twelve sessions. */
  if (repeat == REPEAT_WEEKLY && rule.end == STEADY_REPEAT_END_UNTIL)
    self->until = rule.until;
  else
    {
      self->until = self->date;
      g_date_add_days (&self->until, 8 * 7 - 1);
    }
  set_calendar (self->until_calendar, &self->until);
  if (repeat == REPEAT_WEEKLY && rule.end == STEADY_REPEAT_END_COUNT)
    gtk_spin_button_set_value (self->count_spin, rule.count);

  adw_combo_row_set_selected (self->repeat_row, repeat);

  /* What "unchanged" means, as the widgets read it. */
  self->original_repeat = repeat;
  read_weekly (self, &self->original_rule);

  self->syncing = FALSE;

  show_date (self);
  show_until (self);
  show_zone (self);
  update_repeat_visibility (self);

  /* Typing starts in the title, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  adw_window_title_set_title (self->window_title,
                              self->occurrence != NULL ? _("Edit Session") : _("New Session"));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));
}

/* Once the session is stored: tell, then close. */
void
steady_session_editor_saved (SteadySessionEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
use_local_zone_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadySessionEditor *self = STEADY_SESSION_EDITOR (widget);

  /* The clock time stays: 18:00 there becomes 18:00 here. */
  g_free (self->tzid);
  self->tzid = steady_calendar_util_dup_local_tzid ();
  show_zone (self);
}

/* GObject and GtkWindow */

static gboolean
steady_session_editor_close_request (GtkWindow *window)
{
  if (steady_session_editor_maybe_discard (STEADY_SESSION_EDITOR (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (steady_session_editor_parent_class)->close_request (window);
}

static void
steady_session_editor_constructed (GObject *object)
{
  SteadySessionEditor *self = (SteadySessionEditor *)object;

  G_OBJECT_CLASS (steady_session_editor_parent_class)->constructed (object);

  if (!g_date_valid (&self->initial_day))
    steady_calendar_util_get_today (&self->initial_day);

  if (self->occurrence != NULL)
    {
      g_autoptr(SteadySessionSeries) series = NULL;
      g_autoptr(GError) error = NULL;

      /* The session as it stands, and its series' rule. */
      self->original = steady_occurrence_dup_fields (self->occurrence);
      series = self->store != NULL
               ? steady_calendar_get_series (self->store, steady_occurrence_get_series_id (self->occurrence), &error)
               : NULL;
      if (series != NULL)
        {
          self->original_rrule = g_strdup (steady_session_series_get_rrule (series));
          self->rule_start = g_strdup (steady_session_series_get_start_local (series));
        }
      else if (error != NULL)
        g_message ("Could not read the session’s series: %s", error->message);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *start = NULL;
      int hour = MIN (g_date_time_get_hour (now) + 1, 23);

      /* A new session: group therapy, the most common, on the day shown,
       * at the next full hour. */
      self->original = steady_session_series_new ();
      steady_session_series_set_kind (self->original, STEADY_SESSION_KIND_GROUP_THERAPY);
      steady_session_series_set_title (self->original,
                                       steady_session_kind_get_label (STEADY_SESSION_KIND_GROUP_THERAPY));
      start = g_strdup_printf ("%04d-%02d-%02dT%02d:00:00",
                               g_date_get_year (&self->initial_day), g_date_get_month (&self->initial_day),
                               g_date_get_day (&self->initial_day), hour);
      steady_session_series_set_start_local (self->original, start);
      steady_session_series_set_duration (self->original, 60 * 60);
      self->title_is_auto = TRUE;
    }

  load (self);
}

static void
steady_session_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_SESSION_EDITOR);

  G_OBJECT_CLASS (steady_session_editor_parent_class)->dispose (object);
}

static void
steady_session_editor_finalize (GObject *object)
{
  SteadySessionEditor *self = (SteadySessionEditor *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->original);
  g_clear_object (&self->pending);
  g_clear_pointer (&self->original_rrule, g_free);
  g_clear_pointer (&self->rule_start, g_free);
  g_clear_pointer (&self->pending_rrule, g_free);
  g_clear_pointer (&self->tzid, g_free);

  G_OBJECT_CLASS (steady_session_editor_parent_class)->finalize (object);
}

static void
steady_session_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadySessionEditor *self = STEADY_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OCCURRENCE:
      self->occurrence = g_value_dup_object (value);
      break;

    case PROP_DAY:
      if (g_value_get_boxed (value) != NULL && g_date_valid (g_value_get_boxed (value)))
        self->initial_day = *(GDate *)g_value_get_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_editor_class_init (SteadySessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_session_editor_constructed;
  object_class->dispose = steady_session_editor_dispose;
  object_class->finalize = steady_session_editor_finalize;
  object_class->set_property = steady_session_editor_set_property;

  window_class->close_request = steady_session_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, STEADY_TYPE_OCCURRENCE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_boxed ("day", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadySessionEditor::saved:
   *
   * Emitted once the session is stored, just before the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, zone_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, local_zone_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, repeat_model);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, days_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, days_box);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, ends_group);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, ends_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, until_calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, count_row);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, until_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, repeat_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, duration_input_cb);

  steady_dialog_class_install_save (widget_class, "editor.save", steady_session_editor_save_action, TRUE);
  steady_dialog_class_install_close (widget_class, "editor.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "editor.use-local-zone", NULL, use_local_zone_action);
}

static void
steady_session_editor_init (SteadySessionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();

  g_date_clear (&self->initial_day, 1);
  g_date_clear (&self->date, 1);
  g_date_clear (&self->until, 1);

  build_kinds (self);
  build_day_buttons (self);
}

/**
 * steady_session_editor_new:
 * @store: where to save
 * @occurrence: (nullable): the session to change, or %NULL for a new one
 * @day: (nullable): the day a new session starts on, or %NULL for today
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
steady_session_editor_new (SteadyStore      *store,
                           SteadyOccurrence *occurrence,
                           const GDate      *day)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (occurrence == NULL || STEADY_IS_OCCURRENCE (occurrence), NULL);

  return g_object_new (STEADY_TYPE_SESSION_EDITOR,
                       "store", store,
                       "occurrence", occurrence,
                       "day", day,
                       NULL);
}

/**
 * steady_session_editor_get_series:
 *
 * Returns: (transfer full): what the widgets hold now, with the rule they
 *   ask for (or none if they ask for something that cannot be saved)
 */
SteadySessionSeries *
steady_session_editor_get_series (SteadySessionEditor *self)
{
  SteadySessionSeries *series;
  g_autofree char *rrule = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (STEADY_IS_SESSION_EDITOR (self), NULL);

  series = steady_session_editor_read_fields (self);
  problem = steady_session_editor_check_repeat (self, &rrule);
  if (problem == NULL)
    steady_session_series_set_rrule (series, rrule);

  return series;
}

/* For tests: the widgets, by what they hold. "day:0" is Monday's
 * toggle, "day:6" Sunday's. */
GtkWidget *
steady_session_editor_get_widget (SteadySessionEditor *self,
                                  const char          *name)
{
  static const struct { const char *name; gsize offset; } widgets[] = {
    { "kind", G_STRUCT_OFFSET (SteadySessionEditor, kind_row) },
    { "title", G_STRUCT_OFFSET (SteadySessionEditor, title_row) },
    { "location", G_STRUCT_OFFSET (SteadySessionEditor, location_row) },
    { "facilitator", G_STRUCT_OFFSET (SteadySessionEditor, facilitator_row) },
    { "date", G_STRUCT_OFFSET (SteadySessionEditor, date_calendar) },
    { "hour", G_STRUCT_OFFSET (SteadySessionEditor, hour_spin) },
    { "minute", G_STRUCT_OFFSET (SteadySessionEditor, minute_spin) },
    { "duration", G_STRUCT_OFFSET (SteadySessionEditor, duration_spin) },
    { "repeat", G_STRUCT_OFFSET (SteadySessionEditor, repeat_row) },
    { "ends", G_STRUCT_OFFSET (SteadySessionEditor, ends_row) },
    { "until", G_STRUCT_OFFSET (SteadySessionEditor, until_calendar) },
    { "count", G_STRUCT_OFFSET (SteadySessionEditor, count_spin) },
    { "notes", G_STRUCT_OFFSET (SteadySessionEditor, notes_view) },
    { "error", G_STRUCT_OFFSET (SteadySessionEditor, error_revealer) },
  };

  g_return_val_if_fail (STEADY_IS_SESSION_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (g_str_equal (name, widgets[i].name))
        return G_STRUCT_MEMBER (GtkWidget *, self, widgets[i].offset);
    }

  if (g_str_has_prefix (name, "day:") && name[4] >= '0' && name[4] <= '6' && name[5] == '\0')
    return self->day_buttons[name[4] - '0'];

  return NULL;
}
