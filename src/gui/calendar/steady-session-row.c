/* steady-session-row.c: one session in the agenda or the Upcoming list
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar-util.h"
#include "steady-session-row.h"

struct _SteadySessionRow
{
  AdwActionRow      parent_instance;

  /* Template widgets */
  GtkMenuButton    *attendance_button;
  GtkImage         *attendance_icon;
  GtkLabel         *attendance_label;
  GtkWidget        *state_box;
  GtkImage         *state_icon;
  GtkLabel         *state_label;

  /* Owned */
  SteadyOccurrence *occurrence;
  gboolean          show_date;
};

G_DEFINE_FINAL_TYPE (SteadySessionRow, steady_session_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_OCCURRENCE,
  PROP_SHOW_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
describe (SteadySessionRow *self)
{
  SteadyOccurrence *occurrence = self->occurrence;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *range = steady_calendar_util_format_time_range (occurrence);
  const char *location = steady_occurrence_get_location (occurrence);
  /* Translators: between the parts of a session's description */
  const char *separator = _(" · ");

  if (self->show_date)
    {
      GDate day, today, tomorrow;

      steady_calendar_util_date_from_local (&day, steady_occurrence_get_start (occurrence));
      steady_calendar_util_get_today (&today);
      tomorrow = today;
      g_date_add_days (&tomorrow, 1);

      if (g_date_compare (&day, &today) == 0)
        g_string_append (text, _("Today"));
      else if (g_date_compare (&day, &tomorrow) == 0)
        g_string_append (text, _("Tomorrow"));
      else
        {
          g_autofree char *date = steady_calendar_util_format_date (&day, TRUE);

          g_string_append (text, date);
        }
      g_string_append (text, separator);
    }

  g_string_append (text, range);
  g_string_append (text, separator);
  g_string_append (text, steady_session_kind_get_label (steady_occurrence_get_kind (occurrence)));

  if (location != NULL && *location != '\0')
    {
      g_string_append (text, separator);
      g_string_append (text, location);
    }

  if (steady_occurrence_get_moved (occurrence) && !steady_occurrence_get_cancelled (occurrence))
    {
      g_string_append (text, separator);
      /* Translators: this one session was moved to another time */
      g_string_append (text, _("Moved"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
attendance_change_state_cb (GSimpleAction    *action,
                            GVariant         *state,
                            SteadySessionRow *self)
{
  /* The page writes; it rebuilds the rows once the store says so. */
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.set-attendance", "(xsi)",
                              steady_occurrence_get_series_id (self->occurrence),
                              steady_occurrence_get_recurrence_id (self->occurrence),
                              g_variant_get_int32 (state));
}

/* A radio menu: the current mark shows as chosen. */
static GMenuModel *
create_attendance_menu (SteadySessionRow *self)
{
  static const SteadyAttendance order[] = {
    STEADY_ATTENDANCE_ATTENDED,
    STEADY_ATTENDANCE_MISSED,
    STEADY_ATTENDANCE_EXCUSED,
    STEADY_ATTENDANCE_UNMARKED,
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = NULL;
  GMenu *menu = g_menu_new ();

  action = g_simple_action_new_stateful ("attendance", G_VARIANT_TYPE_INT32,
                                         g_variant_new_int32 (steady_occurrence_get_attendance (self->occurrence)));
  g_signal_connect_object (action, "change-state", G_CALLBACK (attendance_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "row", G_ACTION_GROUP (group));

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (steady_calendar_util_attendance_label (order[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "row.attendance", g_variant_new_int32 (order[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
show_state (SteadySessionRow *self,
            const char       *icon_name,
            const char       *label)
{
  gtk_image_set_from_icon_name (self->state_icon, icon_name);
  gtk_label_set_label (self->state_label, label);
  gtk_widget_set_visible (self->state_box, TRUE);
}

static void
fill (SteadySessionRow *self)
{
  SteadyOccurrence *occurrence = self->occurrence;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *subtitle = describe (self);
  gboolean started = g_date_time_compare (steady_occurrence_get_start (occurrence), now) <= 0;
  gboolean ended = g_date_time_compare (steady_occurrence_get_end (occurrence), now) <= 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), steady_occurrence_get_title (occurrence));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (steady_occurrence_get_cancelled (occurrence))
    show_state (self, "action-unavailable-symbolic", C_("session", "Cancelled"));
  else if (started)
    {
      SteadyAttendance attendance = steady_occurrence_get_attendance (occurrence);
      const char *word = steady_calendar_util_attendance_label (attendance);
      g_autoptr(GMenuModel) menu = create_attendance_menu (self);
      g_autofree char *a11y = NULL;

      /* A session that has started can be marked, straight from here. */
      gtk_image_set_from_icon_name (self->attendance_icon, steady_calendar_util_attendance_icon (attendance));
      gtk_label_set_label (self->attendance_label, word);
      gtk_menu_button_set_menu_model (self->attendance_button, menu);
      /* Translators: %s is “Attended”, “Missed”, “Excused” or “Not marked” */
      a11y = g_strdup_printf (_("Attendance: %s. Change it"), word);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->attendance_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      gtk_widget_set_visible (GTK_WIDGET (self->attendance_button), TRUE);

      if (!ended && attendance == STEADY_ATTENDANCE_UNMARKED)
        gtk_label_set_label (self->attendance_label, C_("session", "Under way"));
    }
  else if (!self->show_date)
    show_state (self, "alarm-symbolic", C_("session", "Coming up"));
}

static void
steady_session_row_constructed (GObject *object)
{
  SteadySessionRow *self = (SteadySessionRow *)object;

  G_OBJECT_CLASS (steady_session_row_parent_class)->constructed (object);

  g_assert (self->occurrence != NULL);
  fill (self);
}

static void
steady_session_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_SESSION_ROW);

  G_OBJECT_CLASS (steady_session_row_parent_class)->dispose (object);
}

static void
steady_session_row_finalize (GObject *object)
{
  SteadySessionRow *self = (SteadySessionRow *)object;

  g_clear_object (&self->occurrence);

  G_OBJECT_CLASS (steady_session_row_parent_class)->finalize (object);
}

static void
steady_session_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SteadySessionRow *self = STEADY_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE:
      g_value_set_object (value, self->occurrence);
      break;

    case PROP_SHOW_DATE:
      g_value_set_boolean (value, self->show_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SteadySessionRow *self = STEADY_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE:
      self->occurrence = g_value_dup_object (value);
      break;

    case PROP_SHOW_DATE:
      self->show_date = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_session_row_class_init (SteadySessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_session_row_constructed;
  object_class->dispose = steady_session_row_dispose;
  object_class->finalize = steady_session_row_finalize;
  object_class->get_property = steady_session_row_get_property;
  object_class->set_property = steady_session_row_set_property;

  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL, STEADY_TYPE_OCCURRENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DATE] =
    g_param_spec_boolean ("show-date", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, attendance_button);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, attendance_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, attendance_label);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, state_box);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, SteadySessionRow, state_label);
}

static void
steady_session_row_init (SteadySessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steady_session_row_new:
 * @occurrence: the session
 * @show_date: whether the subtitle starts with the day (for Upcoming)
 *
 * Returns: (transfer floating): a row that opens the session when
 *   activated
 */
GtkWidget *
steady_session_row_new (SteadyOccurrence *occurrence,
                        gboolean          show_date)
{
  g_return_val_if_fail (STEADY_IS_OCCURRENCE (occurrence), NULL);

  return g_object_new (STEADY_TYPE_SESSION_ROW,
                       "occurrence", occurrence,
                       "show-date", show_date,
                       NULL);
}

/**
 * steady_session_row_get_occurrence:
 *
 * Returns: (transfer none): the session shown
 */
SteadyOccurrence *
steady_session_row_get_occurrence (SteadySessionRow *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_ROW (self), NULL);

  return self->occurrence;
}

/**
 * steady_session_row_get_attendance_button:
 *
 * Returns: (transfer none): the button that changes the attendance
 */
GtkWidget *
steady_session_row_get_attendance_button (SteadySessionRow *self)
{
  g_return_val_if_fail (STEADY_IS_SESSION_ROW (self), NULL);

  return GTK_WIDGET (self->attendance_button);
}

gboolean
steady_session_row_matches (SteadySessionRow *self,
                            gint64            series_id,
                            const char       *recurrence_id)
{
  g_return_val_if_fail (STEADY_IS_SESSION_ROW (self), FALSE);

  return steady_occurrence_get_series_id (self->occurrence) == series_id &&
         g_strcmp0 (steady_occurrence_get_recurrence_id (self->occurrence), recurrence_id) == 0;
}

/**
 * steady_session_row_focus:
 * @attendance: whether to focus the attendance button, if there is one
 *
 * Puts the focus back where it was before the rows were rebuilt.
 */
void
steady_session_row_focus (SteadySessionRow *self,
                          gboolean          attendance)
{
  g_return_if_fail (STEADY_IS_SESSION_ROW (self));

  if (attendance && gtk_widget_get_visible (GTK_WIDGET (self->attendance_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->attendance_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}
