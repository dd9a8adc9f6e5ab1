/* steady-occurrence-dialog.c: one session: attendance, what to remember
 * and practise, and changing or cancelling it
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-occurrence-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar.h"
#include "steady-calendar-util.h"
#include "steady-dialog-util.h"
#include "steady-occurrence-dialog.h"

typedef enum
{
  AFTER_NOTHING,
  AFTER_CLOSE,
  AFTER_EDIT,
  AFTER_TOGGLE_CANCELLED,
} AfterDiscard;

struct _SteadyOccurrenceDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwActionRow        *when_row;
  AdwActionRow        *kind_row;
  AdwActionRow        *location_row;
  AdwActionRow        *facilitator_row;
  AdwActionRow        *repeat_row;
  AdwActionRow        *status_row;
  AdwActionRow        *notes_row;
  AdwPreferencesGroup *attendance_group;
  GtkCheckButton      *attended_check;
  GtkCheckButton      *missed_check;
  GtkCheckButton      *excused_check;
  GtkCheckButton      *unmarked_check;
  GtkTextView         *note_view;
  GtkTextView         *homework_view;
  AdwActionRow        *cancel_row;
  AdwActionRow        *delete_row;

  /* Owned */
  SteadyStore         *store;
  SteadyOccurrence    *occurrence;
  SteadySessionSeries *series;
  SteadyAttendance     saved_attendance;
  char                *saved_note;
  char                *saved_homework;
  GError              *write_error;
  guint                n_writes;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (SteadyOccurrenceDialog, steady_occurrence_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OCCURRENCE,
  N_PROPS
};

enum {
  SAVED,
  EDIT,
  CANCELLED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static SteadyAttendance
read_attendance (SteadyOccurrenceDialog *self)
{
  if (gtk_check_button_get_active (self->attended_check))
    return STEADY_ATTENDANCE_ATTENDED;
  if (gtk_check_button_get_active (self->missed_check))
    return STEADY_ATTENDANCE_MISSED;
  if (gtk_check_button_get_active (self->excused_check))
    return STEADY_ATTENDANCE_EXCUSED;

  return STEADY_ATTENDANCE_UNMARKED;
}

static gboolean
has_changes (SteadyOccurrenceDialog *self)
{
  g_autofree char *note = text_of (self->note_view);
  g_autofree char *homework = text_of (self->homework_view);

  return read_attendance (self) != self->saved_attendance ||
         g_strcmp0 (note, self->saved_note) != 0 ||
         g_strcmp0 (homework, self->saved_homework) != 0;
}

static void
show_row (AdwActionRow *row,
          const char   *text)
{
  gboolean has_text = text != NULL && *text != '\0';

  adw_action_row_set_subtitle (row, has_text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (row), has_text);
}

static char *
describe_when (SteadyOccurrence *occurrence)
{
  GDate day;
  g_autofree char *date = NULL;
  g_autofree char *range = steady_calendar_util_format_time_range (occurrence);
  g_autofree char *duration = steady_calendar_util_format_duration (steady_occurrence_get_duration (occurrence));

  steady_calendar_util_date_from_local (&day, steady_occurrence_get_start (occurrence));
  date = steady_calendar_util_format_date (&day, FALSE);

  /* Translators: a day, the start and end times, then how long */
  return g_strdup_printf (_("%s, %s (%s)"), date, range, duration);
}

static char *
describe_status (SteadyOccurrence *occurrence)
{
  if (steady_occurrence_get_cancelled (occurrence))
    return g_strdup (_("Cancelled"));

  if (steady_occurrence_get_moved (occurrence))
    {
      GDate day;
      int hour, minute;

      /* The recurrence id is the original start, in the series' zone. */
      if (steady_calendar_util_parse_start_local (steady_occurrence_get_recurrence_id (occurrence),
                                                  &day, &hour, &minute))
        {
          g_autoptr(GDateTime) wall = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day),
                                                           g_date_get_day (&day), hour, minute, 0);
          g_autofree char *date = steady_calendar_util_format_date (&day, TRUE);
          /* Translators: a time of day, see g_date_time_format(); “%l:%M %p”
           * for a 12-hour clock */
          g_autofree char *time = g_date_time_format (wall, _("%H:%M"));

          /* Translators: the day and time a moved session was first set for */
          return g_strdup_printf (_("Moved from %s, %s"), date, time);
        }

      return g_strdup (_("Moved"));
    }

  if (steady_occurrence_get_changed (occurrence))
    return g_strdup (_("Changed for this session only"));

  return NULL;
}

static void
load (SteadyOccurrenceDialog *self)
{
  SteadyOccurrence *occurrence = self->occurrence;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *when = describe_when (occurrence);
  g_autofree char *status = describe_status (occurrence);
  g_autofree char *repeat = NULL;
  gboolean cancelled = steady_occurrence_get_cancelled (occurrence);
  gboolean started = g_date_time_compare (steady_occurrence_get_start (occurrence), now) <= 0;
  gboolean recurring = steady_occurrence_get_recurring (occurrence);
  GtkCheckButton *check;
  GDate day;

  self->series = steady_calendar_get_series (self->store, steady_occurrence_get_series_id (occurrence), &error);
  if (self->series == NULL)
    g_message ("Could not read the session’s series: %s", error->message);

  if (self->series != NULL)
    repeat = steady_calendar_util_describe_rule (steady_session_series_get_rrule (self->series),
                                                 steady_session_series_get_tzid (self->series),
                                                 steady_session_series_get_start_local (self->series));

  steady_calendar_util_date_from_local (&day, steady_occurrence_get_start (occurrence));
  {
    g_autofree char *date = steady_calendar_util_format_date (&day, FALSE);

    adw_window_title_set_title (self->window_title, steady_occurrence_get_title (occurrence));
    adw_window_title_set_subtitle (self->window_title, date);
    gtk_window_set_title (GTK_WINDOW (self), steady_occurrence_get_title (occurrence));
  }

  show_row (self->when_row, when);
  show_row (self->kind_row, steady_session_kind_get_label (steady_occurrence_get_kind (occurrence)));
  show_row (self->location_row, steady_occurrence_get_location (occurrence));
  show_row (self->facilitator_row, steady_occurrence_get_facilitator (occurrence));
  show_row (self->repeat_row, repeat);
  show_row (self->status_row, status);
  show_row (self->notes_row, steady_occurrence_get_notes (occurrence));

  /* Attendance: only once the session has started, and not if it was
   * cancelled; the reason is said, not just greyed out. */
  self->saved_attendance = steady_occurrence_get_attendance (occurrence);
  switch (self->saved_attendance)
    {
    case STEADY_ATTENDANCE_ATTENDED:
      check = self->attended_check;
      break;
    case STEADY_ATTENDANCE_MISSED:
      check = self->missed_check;
      break;
    case STEADY_ATTENDANCE_EXCUSED:
      check = self->excused_check;
      break;
    case STEADY_ATTENDANCE_UNMARKED:
    default:
      check = self->unmarked_check;
      break;
    }
  gtk_check_button_set_active (check, TRUE);

  if (cancelled)
    adw_preferences_group_set_description (self->attendance_group,
                                           _("This session was cancelled, so there is nothing to mark."));
  else if (!started)
    adw_preferences_group_set_description (self->attendance_group,
                                           _("You can mark it once the session has started."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->attended_check), started && !cancelled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->missed_check), started && !cancelled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->excused_check), started && !cancelled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unmarked_check), started && !cancelled);

  /* The focus starts where the person most likely acts, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), started && !cancelled ? GTK_WIDGET (check) : GTK_WIDGET (self->note_view));

  self->saved_note = g_strdup (steady_occurrence_get_note (occurrence) ? steady_occurrence_get_note (occurrence) : "");
  self->saved_homework = g_strdup (steady_occurrence_get_homework (occurrence) ? steady_occurrence_get_homework (occurrence) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), self->saved_note, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->homework_view), self->saved_homework, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cancel_row),
                                 cancelled ? _("Bring This Session Back") : _("Cancel This Session"));
  adw_action_row_set_subtitle (self->cancel_row,
                               cancelled ? _("It counts toward your hours again")
                                         : _("The others in the series stay as they are"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delete_row),
                                 recurring ? _("Delete the Whole Series…") : _("Delete This Session…"));
}

static void
attendance_toggled_cb (SteadyOccurrenceDialog *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_error (SteadyOccurrenceDialog *self,
            const char             *message)
{
  steady_dialog_show_error (self->error_revealer, self->error_label,
                            /* Translators: %s says why */
                            _("Not saved: %s Everything you entered is still here; you can try again."),
                            message);
}

static void
set_busy (SteadyOccurrenceDialog *self,
          gboolean                busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.toggle-cancelled", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.delete-series", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit", !busy);
}

/* Saving: attendance, then the reflection, in order on the worker */

static void
write_finished (SteadyOccurrenceDialog *self)
{
  g_assert (self->n_writes > 0);

  if (--self->n_writes > 0)
    return;

  /* The window may have been closed meanwhile; the writes still ran. */
  if (self->save_button == NULL ||
      g_error_matches (self->write_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (self->write_error != NULL)
    {
      g_message ("Saving a session failed: %s", self->write_error->message);
      show_error (self, self->write_error->message);
      g_clear_error (&self->write_error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

typedef struct
{
  SteadyOccurrenceDialog *dialog;
  SteadyAttendance        attendance;
  char                   *note;
  char                   *homework;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->dialog);
  g_free (data->note);
  g_free (data->homework);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
attendance_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  SteadyOccurrenceDialog *self = data->dialog;
  g_autoptr(GError) error = NULL;

  if (steady_calendar_set_attendance_finish (STEADY_STORE (object), result, &error))
    self->saved_attendance = data->attendance;
  else if (self->write_error == NULL)
    self->write_error = g_steal_pointer (&error);

  write_finished (self);
}

static void
reflection_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  SteadyOccurrenceDialog *self = data->dialog;
  g_autoptr(GError) error = NULL;

  if (steady_calendar_set_reflection_finish (STEADY_STORE (object), result, &error))
    {
      g_free (self->saved_note);
      g_free (self->saved_homework);
      self->saved_note = g_steal_pointer (&data->note);
      self->saved_homework = g_steal_pointer (&data->homework);
    }
  else if (self->write_error == NULL)
    self->write_error = g_steal_pointer (&error);

  write_finished (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyOccurrenceDialog *self = STEADY_OCCURRENCE_DIALOG (widget);
  SteadyAttendance attendance = read_attendance (self);
  g_autofree char *note = text_of (self->note_view);
  g_autofree char *homework = text_of (self->homework_view);
  gint64 series_id = steady_occurrence_get_series_id (self->occurrence);
  const char *recurrence_id = steady_occurrence_get_recurrence_id (self->occurrence);

  if (self->busy)
    return;

  if (!has_changes (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  set_busy (self, TRUE);

  /* No cancellable: once asked, a save finishes even if the window goes. */
  if (attendance != self->saved_attendance)
    {
      SaveData *data = g_new0 (SaveData, 1);

      data->dialog = g_object_ref (self);
      data->attendance = attendance;
      self->n_writes++;
      steady_calendar_set_attendance_async (self->store, series_id, recurrence_id, attendance, NULL,
                                            NULL, attendance_done_cb, data);
    }

  if (g_strcmp0 (note, self->saved_note) != 0 || g_strcmp0 (homework, self->saved_homework) != 0)
    {
      SaveData *data = g_new0 (SaveData, 1);

      data->dialog = g_object_ref (self);
      data->note = g_strdup (note);
      data->homework = g_strdup (homework);
      self->n_writes++;
      steady_calendar_set_reflection_async (self->store, series_id, recurrence_id, note, homework,
                                            NULL, reflection_done_cb, data);
    }
}

/* Cancelling or bringing back the session */

static void
cancelled_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SteadyOccurrenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = steady_calendar_set_cancelled_finish (STEADY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->save_button == NULL)
    return;

  set_busy (self, FALSE);

  if (!done)
    {
      g_message ("Cancelling a session failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CANCELLED], 0, self->occurrence,
                 !steady_occurrence_get_cancelled (self->occurrence));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
toggle_cancelled (SteadyOccurrenceDialog *self)
{
  set_busy (self, TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  steady_calendar_set_cancelled_async (self->store,
                                       steady_occurrence_get_series_id (self->occurrence),
                                       steady_occurrence_get_recurrence_id (self->occurrence),
                                       !steady_occurrence_get_cancelled (self->occurrence),
                                       NULL, cancelled_done_cb, g_object_ref (self));
}

static void
run_after_discard (SteadyOccurrenceDialog *self,
                   AfterDiscard            after)
{
  switch (after)
    {
    case AFTER_CLOSE:
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case AFTER_EDIT:
      g_signal_emit (self, signals[EDIT], 0, self->occurrence);
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case AFTER_TOGGLE_CANCELLED:
      toggle_cancelled (self);
      break;

    case AFTER_NOTHING:
    default:
      break;
    }
}

static void
discarded_cb (GtkWindow *window,
              gpointer   user_data)
{
  run_after_discard (STEADY_OCCURRENCE_DIALOG (window), GPOINTER_TO_INT (user_data));
}

/* What was typed is never dropped without asking. */
static void
maybe_discard (SteadyOccurrenceDialog *self,
               AfterDiscard            after)
{
  if (self->busy)
    return;

  if (!has_changes (self))
    {
      run_after_discard (self, after);
      return;
    }

  steady_dialog_ask_discard (GTK_WINDOW (self), _("Discard Your Changes?"),
                             _("The attendance or notes you changed here have not been saved."),
                             _("_Keep Editing"), discarded_cb, GINT_TO_POINTER (after));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  maybe_discard (STEADY_OCCURRENCE_DIALOG (widget), AFTER_CLOSE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  maybe_discard (STEADY_OCCURRENCE_DIALOG (widget), AFTER_EDIT);
}

static void
toggle_cancelled_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  maybe_discard (STEADY_OCCURRENCE_DIALOG (widget), AFTER_TOGGLE_CANCELLED);
}

/* Deleting the series, after asking */

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadyOccurrenceDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done = steady_calendar_delete_series_finish (STEADY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    g_signal_emit (self, signals[DELETED], 0);

  if (self->save_button == NULL)
    return;

  set_busy (self, FALSE);

  if (!done)
    {
      g_message ("Deleting a series failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    SteadyOccurrenceDialog *self)
{
  if (g_strcmp0 (response, "delete") != 0 || self->busy)
    return;

  set_busy (self, TRUE);
  steady_calendar_delete_series_async (self->store, steady_occurrence_get_series_id (self->occurrence),
                                       NULL, delete_done_cb, g_object_ref (self));
}

static void
delete_series_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SteadyOccurrenceDialog *self = STEADY_OCCURRENCE_DIALOG (widget);
  gboolean recurring = steady_occurrence_get_recurring (self->occurrence);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->busy)
    return;

  heading = recurring
    /* Translators: %s is a session's title */
    ? g_strdup_printf (_("Delete “%s” and All Its Sessions?"), steady_occurrence_get_title (self->occurrence))
    /* Translators: %s is a session's title */
    : g_strdup_printf (_("Delete “%s”?"), steady_occurrence_get_title (self->occurrence));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   recurring
                                   ? _("Every session of the series goes, with the attendance, notes and homework recorded for them. This cannot be undone. To skip one session, cancel it instead.")
                                   : _("The session goes, with the attendance, notes and homework recorded for it. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep It"),
                                    "delete", recurring ? _("_Delete Series") : _("_Delete Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_WINDOW (self));
}

/* GObject and GtkWindow */

static gboolean
steady_occurrence_dialog_close_request (GtkWindow *window)
{
  SteadyOccurrenceDialog *self = STEADY_OCCURRENCE_DIALOG (window);

  if (!self->busy && has_changes (self))
    {
      maybe_discard (self, AFTER_CLOSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (steady_occurrence_dialog_parent_class)->close_request (window);
}

static void
steady_occurrence_dialog_constructed (GObject *object)
{
  SteadyOccurrenceDialog *self = (SteadyOccurrenceDialog *)object;

  G_OBJECT_CLASS (steady_occurrence_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->occurrence != NULL);
  load (self);
}

static void
steady_occurrence_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_OCCURRENCE_DIALOG);

  G_OBJECT_CLASS (steady_occurrence_dialog_parent_class)->dispose (object);
}

static void
steady_occurrence_dialog_finalize (GObject *object)
{
  SteadyOccurrenceDialog *self = (SteadyOccurrenceDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->occurrence);
  g_clear_object (&self->series);
  g_clear_pointer (&self->saved_note, g_free);
  g_clear_pointer (&self->saved_homework, g_free);
  g_clear_error (&self->write_error);

  G_OBJECT_CLASS (steady_occurrence_dialog_parent_class)->finalize (object);
}

static void
steady_occurrence_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SteadyOccurrenceDialog *self = STEADY_OCCURRENCE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OCCURRENCE:
      self->occurrence = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_occurrence_dialog_class_init (SteadyOccurrenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_occurrence_dialog_constructed;
  object_class->dispose = steady_occurrence_dialog_dispose;
  object_class->finalize = steady_occurrence_dialog_finalize;
  object_class->set_property = steady_occurrence_dialog_set_property;

  window_class->close_request = steady_occurrence_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, STEADY_TYPE_OCCURRENCE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyOccurrenceDialog::saved:
   *
   * Emitted once the attendance and notes are stored, before the window
   * closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SteadyOccurrenceDialog::edit:
   * @occurrence: the session to open in the editor
   *
   * The person asked to change the session; the window closes.
   */
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_OCCURRENCE);

  /**
   * SteadyOccurrenceDialog::cancelled:
   * @occurrence: the session as it was before
   * @cancelled: whether it is cancelled now
   *
   * Emitted once the session is cancelled or brought back.
   */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     STEADY_TYPE_OCCURRENCE, G_TYPE_BOOLEAN);

  /**
   * SteadyOccurrenceDialog::deleted:
   *
   * Emitted once the series is deleted.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-occurrence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, location_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, attended_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, missed_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, excused_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, unmarked_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, homework_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, cancel_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyOccurrenceDialog, delete_row);
  gtk_widget_class_bind_template_callback (widget_class, attendance_toggled_cb);

  steady_dialog_class_install_save (widget_class, "session.save", save_action, TRUE);
  steady_dialog_class_install_close (widget_class, "session.close", close_action);
  gtk_widget_class_install_action (widget_class, "session.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "session.toggle-cancelled", NULL, toggle_cancelled_action);
  gtk_widget_class_install_action (widget_class, "session.delete-series", NULL, delete_series_action);
}

static void
steady_occurrence_dialog_init (SteadyOccurrenceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steady_occurrence_dialog_new:
 * @store: where the session is
 * @occurrence: the session
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_occurrence_dialog_new (SteadyStore      *store,
                              SteadyOccurrence *occurrence)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (occurrence), NULL);

  return g_object_new (STEADY_TYPE_OCCURRENCE_DIALOG,
                       "store", store,
                       "occurrence", occurrence,
                       NULL);
}

/**
 * steady_occurrence_dialog_get_occurrence:
 *
 * Returns: (transfer none): the session, as it was when the dialog opened
 */
SteadyOccurrence *
steady_occurrence_dialog_get_occurrence (SteadyOccurrenceDialog *self)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE_DIALOG (self), NULL);

  return self->occurrence;
}

/* For tests: the widgets, by what they hold. */
GtkWidget *
steady_occurrence_dialog_get_widget (SteadyOccurrenceDialog *self,
                                     const char             *name)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE_DIALOG (self), NULL);

  if (g_str_equal (name, "attended"))
    return GTK_WIDGET (self->attended_check);
  if (g_str_equal (name, "missed"))
    return GTK_WIDGET (self->missed_check);
  if (g_str_equal (name, "excused"))
    return GTK_WIDGET (self->excused_check);
  if (g_str_equal (name, "unmarked"))
    return GTK_WIDGET (self->unmarked_check);
  if (g_str_equal (name, "note"))
    return GTK_WIDGET (self->note_view);
  if (g_str_equal (name, "homework"))
    return GTK_WIDGET (self->homework_view);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);

  return NULL;
}
