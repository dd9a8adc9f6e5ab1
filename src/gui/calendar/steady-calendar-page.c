/* steady-calendar-page.c: the month, the day's sessions, Upcoming and the
 * week's hours
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
#include "steady-dialog-util.h"
#include "steady-occurrence-dialog.h"
#include "steady-program-dialog.h"
#include "steady-session-editor.h"
#include "steady-session-row.h"

/* The month and the day's sessions side by side from this width on, one
 * under the other below it (the window can be 360 px wide). */
#define WIDE_WIDTH         720
#define MONTH_COLUMN_WIDTH 360
#define WIDE_CLAMP         1100
#define NARROW_CLAMP       560

#define N_UPCOMING         6

/* How often to look whether a session started or ended, or the day
 * changed, while the page shows. */
#define TICK_SECONDS       30

G_DEFINE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, ADW_TYPE_BIN)

static void reload (SteadyCalendarPage *self);

GtkWindow *
steady_calendar_page_get_window (SteadyCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
steady_calendar_page_toast (SteadyCalendarPage *self,
                            AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* For what needs more than a toast: the core's messages say which event
 * of a file, or which field, was the trouble. */
void
steady_calendar_page_show_problem (SteadyCalendarPage *self,
                                   const char         *heading,
                                   const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (steady_calendar_page_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  steady_dialog_present (GTK_WINDOW (dialog), steady_calendar_page_get_window (self));
}

static void
apply_layout (SteadyCalendarPage *self)
{
  int clamp = self->wide ? WIDE_CLAMP : NARROW_CLAMP;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layout_box),
                                  self->wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (self->month_column, self->wide ? MONTH_COLUMN_WIDTH : -1, -1);
  /* The toolbar lines up with the content: both take the whole width
   * up to the maximum. */
  adw_clamp_set_maximum_size (self->content_clamp, clamp);
  adw_clamp_set_tightening_threshold (self->content_clamp, clamp);
  adw_clamp_set_maximum_size (self->toolbar_clamp, clamp);
  adw_clamp_set_tightening_threshold (self->toolbar_clamp, clamp);
}

/* Keeping the keyboard focus where it was when the rows are rebuilt */

typedef struct
{
  GtkListBox *list;
  gint64      series_id;
  char       *recurrence_id;
  gboolean    on_attendance;
} FocusSpot;

static gboolean
find_focus (SteadyCalendarPage *self,
            FocusSpot          *spot)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  GtkWidget *button;
  SteadyOccurrence *occurrence;

  if (focus == NULL)
    return FALSE;

  row = STEADY_IS_SESSION_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, STEADY_TYPE_SESSION_ROW);
  if (row == NULL || !GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    return FALSE;

  occurrence = steady_session_row_get_occurrence (STEADY_SESSION_ROW (row));
  button = steady_session_row_get_attendance_button (STEADY_SESSION_ROW (row));
  spot->list = GTK_LIST_BOX (gtk_widget_get_parent (row));
  spot->series_id = steady_occurrence_get_series_id (occurrence);
  spot->recurrence_id = g_strdup (steady_occurrence_get_recurrence_id (occurrence));
  spot->on_attendance = focus == button || gtk_widget_is_ancestor (focus, button);

  return TRUE;
}

static void
restore_focus (FocusSpot *spot)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (spot->list, i)) != NULL; i++)
    {
      if (STEADY_IS_SESSION_ROW (row) &&
          steady_session_row_matches (STEADY_SESSION_ROW (row), spot->series_id, spot->recurrence_id))
        {
          steady_session_row_focus (STEADY_SESSION_ROW (row), spot->on_attendance);
          return;
        }
    }

  /* The session left the list (cancelled, or moved to another day). */
  row = gtk_list_box_get_row_at_index (spot->list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Loading what the page shows */

static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  return steady_session_row_new (item, FALSE);
}

static GtkWidget *
create_upcoming_row (gpointer item,
                     gpointer user_data)
{
  return steady_session_row_new (item, TRUE);
}

static GListModel *
empty_model (void)
{
  return G_LIST_MODEL (g_list_store_new (STEADY_TYPE_OCCURRENCE));
}

static void
load_day (SteadyCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  GListModel *agenda = NULL;
  GDate day, next, today;

  steady_month_view_get_date (self->month_view, &day);
  steady_calendar_util_get_today (&today);
  next = day;
  g_date_add_days (&next, 1);

  date = steady_calendar_util_format_date (&day, FALSE);
  if (g_date_compare (&day, &today) == 0)
    /* Translators: %s is today's date, “Wednesday, November 25” */
    title = g_strdup_printf (_("Today, %s"), date);
  gtk_label_set_label (self->day_label, title != NULL ? title : date);

  if (self->store != NULL)
    {
      g_autoptr(GDateTime) from = steady_calendar_util_local_midnight (&day);
      g_autoptr(GDateTime) to = steady_calendar_util_local_midnight (&next);

      agenda = steady_calendar_list_occurrences (self->store, from, to, &error);
      if (agenda == NULL)
        g_message ("Could not list the day’s sessions: %s", error->message);
    }

  g_clear_object (&self->agenda);
  self->agenda = agenda != NULL ? agenda : empty_model ();
  gtk_list_box_bind_model (self->agenda_list, self->agenda, create_agenda_row, self, NULL);
}

static void
load_upcoming (SteadyCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *upcoming = NULL;

  if (self->store != NULL)
    {
      upcoming = steady_calendar_list_upcoming (self->store, NULL, N_UPCOMING, &error);
      if (upcoming == NULL)
        g_message ("Could not list the coming sessions: %s", error->message);
    }

  g_clear_object (&self->upcoming);
  self->upcoming = upcoming != NULL ? upcoming : empty_model ();
  gtk_list_box_bind_model (self->upcoming_list, self->upcoming, create_upcoming_row, self, NULL);
}

static void
reload (SteadyCalendarPage *self)
{
  FocusSpot spot = { NULL, };
  gboolean had_focus = find_focus (self, &spot);

  steady_month_view_refresh (self->month_view);
  load_day (self);
  load_upcoming (self);
  steady_calendar_page_load_summary (self);

  if (had_focus)
    restore_focus (&spot);
  g_free (spot.recurrence_id);

  g_clear_pointer (&self->loaded_at, g_date_time_unref);
  self->loaded_at = g_date_time_new_now_utc ();
  steady_calendar_util_get_today (&self->loaded_today);
}

/* Whether a session shown began or ended since the rows were made: its
 * row then changes (attendance can be marked, "Coming up" goes). */
static gboolean
crossed_since (GListModel *model,
               GDateTime  *then,
               GDateTime  *now)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (model, i);
      GDateTime *start = steady_occurrence_get_start (occurrence);
      GDateTime *end = steady_occurrence_get_end (occurrence);

      if ((g_date_time_compare (start, then) > 0 && g_date_time_compare (start, now) <= 0) ||
          (g_date_time_compare (end, then) > 0 && g_date_time_compare (end, now) <= 0))
        return TRUE;
    }

  return FALSE;
}

static gboolean
tick_cb (gpointer user_data)
{
  SteadyCalendarPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate today;

  steady_calendar_util_get_today (&today);

  if (self->loaded_at == NULL ||
      !g_date_valid (&self->loaded_today) || g_date_compare (&today, &self->loaded_today) != 0 ||
      crossed_since (self->agenda, self->loaded_at, now) ||
      crossed_since (self->upcoming, self->loaded_at, now))
    reload (self);

  return G_SOURCE_CONTINUE;
}

/* Signal callbacks */

static void
store_changed_cb (SteadyCalendarPage *self,
                  const char         *what)
{
  reload (self);
}

static void
date_changed_cb (SteadyCalendarPage *self)
{
  load_day (self);
  steady_calendar_page_load_summary (self);
}

static void
row_activated_cb (SteadyCalendarPage *self,
                  GtkListBoxRow      *row)
{
  if (STEADY_IS_SESSION_ROW (row))
    steady_calendar_page_open_session (self, steady_session_row_get_occurrence (STEADY_SESSION_ROW (row)));
}

static void
editor_saved_cb (SteadySessionEditor *editor,
                 SteadyCalendarPage  *self)
{
  steady_calendar_page_toast (self, adw_toast_new (_("Session saved")));
}

static void
session_edit_cb (SteadyOccurrenceDialog *dialog,
                 SteadyOccurrence       *occurrence,
                 SteadyCalendarPage     *self)
{
  steady_calendar_page_open_editor (self, occurrence);
}

static void
session_saved_cb (SteadyOccurrenceDialog *dialog,
                  SteadyCalendarPage     *self)
{
  steady_calendar_page_toast (self, adw_toast_new (_("Attendance and notes saved")));
}

static void
session_cancelled_cb (SteadyOccurrenceDialog *dialog,
                      SteadyOccurrence       *occurrence,
                      gboolean                cancelled,
                      SteadyCalendarPage     *self)
{
  AdwToast *toast;

  if (!cancelled)
    {
      steady_calendar_page_toast (self, adw_toast_new (_("Session brought back")));
      return;
    }

  /* Destructive, so it can be undone. */
  toast = adw_toast_new (_("Session cancelled"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "calendar.restore-session");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xsi)",
                                                           steady_occurrence_get_series_id (occurrence),
                                                           steady_occurrence_get_recurrence_id (occurrence),
                                                           (gint32)steady_occurrence_get_attendance (occurrence)));
  steady_calendar_page_toast (self, toast);
}

static void
session_deleted_cb (SteadyOccurrenceDialog *dialog,
                    SteadyCalendarPage     *self)
{
  steady_calendar_page_toast (self, adw_toast_new (_("Series deleted")));
}

static void
program_saved_cb (SteadyProgramDialog *dialog,
                  SteadyCalendarPage  *self)
{
  steady_calendar_page_toast (self, adw_toast_new (_("Program saved")));
}

/* Actions */

static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  steady_calendar_page_open_editor (STEADY_CALENDAR_PAGE (widget), NULL);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  GDate today;

  steady_calendar_util_get_today (&today);
  steady_month_view_set_date (self->month_view, &today);
}

static void
program_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = steady_program_dialog_new (self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (program_saved_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), steady_calendar_page_get_window (self));
}

/* The row shows the result once the store says what changed; only a
 * failure needs words. */
static void
report_failure (SteadyCalendarPage *self,
                const GError       *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("A calendar change was not saved: %s", error->message);
  steady_calendar_page_toast (self, adw_toast_new (error->message));
}

static void
attendance_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SteadyCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_calendar_set_attendance_finish (STEADY_STORE (object), result, &error))
    report_failure (self, error);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SteadyCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_calendar_set_cancelled_finish (STEADY_STORE (object), result, &error))
    report_failure (self, error);
}

static void
set_attendance_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  const char *recurrence_id;
  gint64 series_id;
  gint32 attendance;

  g_variant_get (parameter, "(x&si)", &series_id, &recurrence_id, &attendance);

  if (self->store == NULL || attendance < STEADY_ATTENDANCE_UNMARKED || attendance > STEADY_ATTENDANCE_LAST)
    return;

  steady_calendar_set_attendance_async (self->store, series_id, recurrence_id, attendance, NULL,
                                        NULL, attendance_done_cb, g_object_ref (self));
}

static void
restore_session_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  const char *recurrence_id;
  gint64 series_id;
  gint32 attendance;

  g_variant_get (parameter, "(x&si)", &series_id, &recurrence_id, &attendance);

  if (self->store == NULL)
    return;

  /* Cancelling dropped the attendance mark; Undo puts both back, in
   * order on the store's worker. */
  steady_calendar_set_cancelled_async (self->store, series_id, recurrence_id, FALSE,
                                       NULL, restore_done_cb, g_object_ref (self));
  if (attendance > STEADY_ATTENDANCE_UNMARKED && attendance <= STEADY_ATTENDANCE_LAST)
    steady_calendar_set_attendance_async (self->store, series_id, recurrence_id, attendance, NULL,
                                          NULL, attendance_done_cb, g_object_ref (self));
}

/* GObject and GtkWidget */

static void
steady_calendar_page_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* AdwBreakpoint is newer than libadwaita 1.2: the page turns its two
 * columns into one itself when it is given less than WIDE_WIDTH. The
 * scrolled window's "external" horizontal policy keeps the two columns'
 * minimum from holding the window wide, so it can still be made narrow. */
static void
steady_calendar_page_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  gboolean wide = width >= WIDE_WIDTH;

  if (child == NULL || !gtk_widget_should_layout (child))
    return;

  if (wide != self->wide)
    {
      self->wide = wide;
      apply_layout (self);
      /* Measured again for the new layout before it is allocated. */
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, NULL, NULL, NULL);
    }

  gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
steady_calendar_page_map (GtkWidget *widget)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);

  GTK_WIDGET_CLASS (steady_calendar_page_parent_class)->map (widget);

  /* The day may have changed while the page was hidden. */
  tick_cb (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
steady_calendar_page_unmap (GtkWidget *widget)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (steady_calendar_page_parent_class)->unmap (widget);
}

static void
steady_calendar_page_dispose (GObject *object)
{
  SteadyCalendarPage *self = (SteadyCalendarPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  G_OBJECT_CLASS (steady_calendar_page_parent_class)->dispose (object);
}

static void
steady_calendar_page_finalize (GObject *object)
{
  SteadyCalendarPage *self = (SteadyCalendarPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->agenda);
  g_clear_object (&self->upcoming);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loaded_at, g_date_time_unref);

  G_OBJECT_CLASS (steady_calendar_page_parent_class)->finalize (object);
}

static void
steady_calendar_page_class_init (SteadyCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_calendar_page_dispose;
  object_class->finalize = steady_calendar_page_finalize;

  widget_class->measure = steady_calendar_page_measure;
  widget_class->size_allocate = steady_calendar_page_size_allocate;
  widget_class->map = steady_calendar_page_map;
  widget_class->unmap = steady_calendar_page_unmap;

  g_type_ensure (STEADY_TYPE_MONTH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, toolbar_clamp);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, content_clamp);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, layout_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, month_column);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, agenda_column);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, week_title_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, hours_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, hours_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, week_detail_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, rate_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCalendarPage, upcoming_list);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "calendar.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.import", NULL, steady_calendar_page_import_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, steady_calendar_page_export_action);
  gtk_widget_class_install_action (widget_class, "calendar.program", NULL, program_action);
  gtk_widget_class_install_action (widget_class, "calendar.set-attendance", "(xsi)", set_attendance_action);
  gtk_widget_class_install_action (widget_class, "calendar.restore-session", "(xsi)", restore_session_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.today", NULL);
}

static void
steady_calendar_page_init (SteadyCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Our own measure and allocate (see size_allocate) instead of
   * AdwBin's layout manager. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->loaded_today, 1);
  self->wide = TRUE;
  apply_layout (self);

  steady_month_view_set_mark_func (self->month_view, steady_calendar_page_mark_days, self, NULL);
  steady_calendar_page_set_store (self, NULL);
}

/**
 * steady_calendar_page_set_store:
 * @store: (nullable): where the calendar is, or %NULL while there is none
 */
void
steady_calendar_page_set_store (SteadyCalendarPage *self,
                                SteadyStore        *store)
{
  static const char * const store_actions[] = {
    "calendar.new-session", "calendar.import", "calendar.export", "calendar.program",
    "calendar.set-attendance", "calendar.restore-session",
  };

  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (store == NULL || STEADY_IS_STORE (store));

  if (self->store != NULL && self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  /* What was under way belongs to the old store. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::calendar", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed::all", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (store_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), store_actions[i], store != NULL);

  reload (self);
}

/**
 * steady_calendar_page_focus_search:
 *
 * The calendar has nothing to search: Ctrl+F puts the focus on the
 * selected day, where the arrow keys move between days.
 */
void
steady_calendar_page_focus_search (SteadyCalendarPage *self)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));

  steady_month_view_focus_day (self->month_view);
}

/**
 * steady_calendar_page_select_date:
 * @date: the day to show
 */
void
steady_calendar_page_select_date (SteadyCalendarPage *self,
                                  const GDate        *date)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  steady_month_view_set_date (self->month_view, date);
}

/**
 * steady_calendar_page_open_editor:
 * @occurrence: (nullable): a session to change, or %NULL for a new one on
 *   the selected day
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL without a store
 */
GtkWidget *
steady_calendar_page_open_editor (SteadyCalendarPage *self,
                                  SteadyOccurrence   *occurrence)
{
  GtkWidget *editor;
  GDate day;

  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (occurrence == NULL || STEADY_IS_OCCURRENCE (occurrence), NULL);

  if (self->store == NULL)
    return NULL;

  steady_month_view_get_date (self->month_view, &day);
  editor = steady_session_editor_new (self->store, occurrence, &day);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (editor), steady_calendar_page_get_window (self));

  return editor;
}

/**
 * steady_calendar_page_open_session:
 * @occurrence: a session
 *
 * Opens the session: its attendance, what to remember and practise, and
 * changing or cancelling it.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without a store
 */
GtkWidget *
steady_calendar_page_open_session (SteadyCalendarPage *self,
                                   SteadyOccurrence   *occurrence)
{
  GtkWidget *dialog;

  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (occurrence), NULL);

  if (self->store == NULL)
    return NULL;

  dialog = steady_occurrence_dialog_new (self->store, occurrence);
  g_signal_connect_object (dialog, "edit", G_CALLBACK (session_edit_cb), self, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (session_saved_cb), self, 0);
  g_signal_connect_object (dialog, "cancelled", G_CALLBACK (session_cancelled_cb), self, 0);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (session_deleted_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), steady_calendar_page_get_window (self));

  return dialog;
}

/**
 * steady_calendar_page_get_month_view:
 *
 * Returns: (transfer none): the month grid
 */
SteadyMonthView *
steady_calendar_page_get_month_view (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->month_view;
}

/**
 * steady_calendar_page_get_agenda:
 *
 * Returns: (transfer none): the selected day's sessions, as shown
 */
GListModel *
steady_calendar_page_get_agenda (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->agenda;
}

/**
 * steady_calendar_page_get_upcoming:
 *
 * Returns: (transfer none): the next sessions, as shown
 */
GListModel *
steady_calendar_page_get_upcoming (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return self->upcoming;
}

const char *
steady_calendar_page_get_hours_text (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return gtk_label_get_label (self->hours_label);
}

const char *
steady_calendar_page_get_rate_text (SteadyCalendarPage *self)
{
  g_return_val_if_fail (STEADY_IS_CALENDAR_PAGE (self), NULL);

  return gtk_label_get_label (self->rate_label);
}
