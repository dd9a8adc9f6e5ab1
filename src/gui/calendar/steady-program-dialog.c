/* steady-program-dialog.c: the program's start, weekly hours and phases
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-program-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar.h"
#include "steady-calendar-util.h"
#include "steady-dialog-util.h"
#include "steady-program-dialog.h"

struct _SteadyProgramDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwActionRow        *start_row;
  GtkCalendar         *start_calendar;
  GtkSpinButton       *hours_spin;
  AdwPreferencesGroup *phases_group;

  /* Owned */
  SteadyStore         *store;
  SteadyProgram       *original;
  GPtrArray           *phase_rows;   /* AdwExpanderRow, borrowed */
  GDate                start;
  gboolean             saving;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (SteadyProgramDialog, steady_program_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_start (SteadyProgramDialog *self)
{
  g_autofree char *text = NULL;

  if (g_date_valid (&self->start))
    text = steady_calendar_util_format_date (&self->start, FALSE);

  adw_action_row_set_subtitle (self->start_row,
                               text != NULL ? text : _("Not set: week numbers start once it is"));
}

static void
start_selected_cb (SteadyProgramDialog *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->start_calendar);
  g_date_clear (&self->start, 1);
  g_date_set_dmy (&self->start, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  show_start (self);
}

static GtkSpinButton *
row_spin (GtkWidget  *row,
          const char *name)
{
  return g_object_get_data (G_OBJECT (row), name);
}

static void
phase_changed_cb (GtkWidget *row)
{
  int first = gtk_spin_button_get_value_as_int (row_spin (row, "first"));
  int last = gtk_spin_button_get_value_as_int (row_spin (row, "last"));
  double hours = gtk_spin_button_get_value (row_spin (row, "hours"));
  g_autofree char *hours_text = steady_calendar_util_format_hours ((gint64)(hours * 3600 + 0.5));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a step-down phase of the program */
  title = g_strdup_printf (_("Weeks %d to %d"), first, last);
  /* Translators: %s is a number of hours, “6” or “4.5” */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour a week", "%s hours a week",
                                           (gulong)(hours + 0.99)),
                              hours_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
}

static GtkWidget *
add_spin_row (GtkWidget  *expander,
              const char *name,
              const char *title,
              double      lower,
              double      upper,
              double      step,
              guint       digits,
              double      value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  g_object_set_data (G_OBJECT (expander), name, spin);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (phase_changed_cb), expander);

  return spin;
}

static void
remove_phase_clicked_cb (GtkButton *button,
                         GtkWidget *row)
{
  SteadyProgramDialog *self = STEADY_PROGRAM_DIALOG (gtk_widget_get_root (row));

  g_ptr_array_remove (self->phase_rows, row);
  adw_preferences_group_remove (self->phases_group, row);
}

static GtkWidget *
add_phase_row (SteadyProgramDialog *self,
               guint                first,
               guint                last,
               guint                minutes)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  add_spin_row (row, "first", _("From Week"), 1, STEADY_PROGRAM_MAX_WEEKS, 1, 0, first);
  add_spin_row (row, "last", _("To Week"), 1, STEADY_PROGRAM_MAX_WEEKS, 1, 0, last);
  add_spin_row (row, "hours", _("Hours a Week"), 0, 168, 0.5, 1, minutes / 60.0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Phase"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this phase"),
                                  -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_phase_clicked_cb), row);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  phase_changed_cb (row);
  g_ptr_array_add (self->phase_rows, row);
  adw_preferences_group_add (self->phases_group, row);

  return row;
}

static void
load_program (SteadyProgramDialog *self)
{
  SteadyProgram *program = self->original;
  const GDate *start = steady_program_get_start_date (program);

  self->syncing = TRUE;
  g_date_clear (&self->start, 1);
  if (start != NULL)
    {
      g_autoptr(GDateTime) day = steady_calendar_util_local_midnight (start);

      self->start = *start;
      gtk_calendar_select_day (self->start_calendar, day);
    }
  gtk_spin_button_set_value (self->hours_spin, steady_program_get_weekly_minutes (program) / 60.0);
  self->syncing = FALSE;
  show_start (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->hours_spin));

  for (guint i = 0; i < steady_program_get_n_phases (program); i++)
    {
      guint first, last, minutes;

      steady_program_get_phase (program, i, &first, &last, &minutes);
      add_phase_row (self, first, last, minutes);
    }
}

/* The editor works on a copy; this reads the widgets into a new one. */
static SteadyProgram *
read_program (SteadyProgramDialog *self)
{
  SteadyProgram *program = steady_program_new ();

  steady_program_set_start_date (program, g_date_valid (&self->start) ? &self->start : NULL);
  steady_program_set_weekly_minutes (program, (guint)(gtk_spin_button_get_value (self->hours_spin) * 60 + 0.5));

  for (guint i = 0; i < self->phase_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->phase_rows, i);

      steady_program_add_phase (program,
                                gtk_spin_button_get_value_as_int (row_spin (row, "first")),
                                gtk_spin_button_get_value_as_int (row_spin (row, "last")),
                                (guint)(gtk_spin_button_get_value (row_spin (row, "hours")) * 60 + 0.5));
    }

  return program;
}

static void
show_error (SteadyProgramDialog *self,
            const char          *message)
{
  steady_dialog_show_error (self->error_revealer, self->error_label,
                            /* Translators: %s says why */
                            _("The program was not saved: %s Everything you entered is still here."),
                            message);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyProgramDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = steady_calendar_save_program_finish (STEADY_STORE (object), result, &error);

  self->saving = FALSE;

  /* The window may have been closed meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->save_button == NULL)
    return;

  gtk_widget_set_sensitive (self->save_button, TRUE);

  if (!saved)
    {
      g_message ("Saving the program failed: %s", error->message);
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyProgramDialog *self = STEADY_PROGRAM_DIALOG (widget);
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saving || self->store == NULL)
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  program = read_program (self);

  /* Overlapping phases and the like are said at once, in the core's
   * words. */
  if (!steady_program_validate (program, &error))
    {
      show_error (self, error->message);
      return;
    }

  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  steady_calendar_save_program_async (self->store, program, NULL, save_done_cb, g_object_ref (self));
}

static void
clear_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyProgramDialog *self = STEADY_PROGRAM_DIALOG (widget);

  g_date_clear (&self->start, 1);
  show_start (self);
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SteadyProgramDialog *self = STEADY_PROGRAM_DIALOG (widget);
  double hours = gtk_spin_button_get_value (self->hours_spin);
  guint first = 5;
  GtkWidget *row;

  /* A step-down usually follows the first month; a new phase starts
   * after the last one. */
  if (self->phase_rows->len > 0)
    {
      GtkWidget *last_row = g_ptr_array_index (self->phase_rows, self->phase_rows->len - 1);

      first = gtk_spin_button_get_value_as_int (row_spin (last_row, "last")) + 1;
      hours = gtk_spin_button_get_value (row_spin (last_row, "hours"));
    }

  first = MIN (first, STEADY_PROGRAM_MAX_WEEKS);
  row = add_phase_row (self, first, MIN (first + 3, STEADY_PROGRAM_MAX_WEEKS), (guint)(hours * 60 + 0.5));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row_spin (row, "first")));
}

static void
steady_program_dialog_constructed (GObject *object)
{
  SteadyProgramDialog *self = (SteadyProgramDialog *)object;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (steady_program_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    self->original = steady_calendar_load_program (self->store, &error);
  if (self->original == NULL)
    {
      if (error != NULL)
        g_message ("Could not read the program: %s", error->message);
      self->original = steady_program_new ();
    }

  load_program (self);
}

static void
steady_program_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_PROGRAM_DIALOG);

  G_OBJECT_CLASS (steady_program_dialog_parent_class)->dispose (object);
}

static void
steady_program_dialog_finalize (GObject *object)
{
  SteadyProgramDialog *self = (SteadyProgramDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_pointer (&self->phase_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_program_dialog_parent_class)->finalize (object);
}

static void
steady_program_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadyProgramDialog *self = STEADY_PROGRAM_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_program_dialog_class_init (SteadyProgramDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_program_dialog_constructed;
  object_class->dispose = steady_program_dialog_dispose;
  object_class->finalize = steady_program_dialog_finalize;
  object_class->set_property = steady_program_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyProgramDialog::saved:
   *
   * Emitted once the program is stored, just before the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-program-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyProgramDialog, phases_group);
  gtk_widget_class_bind_template_callback (widget_class, start_selected_cb);

  steady_dialog_class_install_save (widget_class, "program.save", save_action, FALSE);
  steady_dialog_class_install_close (widget_class, "program.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "program.clear-start", NULL, clear_start_action);
  gtk_widget_class_install_action (widget_class, "program.add-phase", NULL, add_phase_action);
}

static void
steady_program_dialog_init (SteadyProgramDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->phase_rows = g_ptr_array_new ();
  g_date_clear (&self->start, 1);
}

/**
 * steady_program_dialog_new:
 * @store: where the program is
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_program_dialog_new (SteadyStore *store)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_PROGRAM_DIALOG,
                       "store", store,
                       NULL);
}

/**
 * steady_program_dialog_get_program:
 *
 * Returns: (transfer full): what the widgets hold now, as a program
 */
SteadyProgram *
steady_program_dialog_get_program (SteadyProgramDialog *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM_DIALOG (self), NULL);

  return read_program (self);
}

/* For tests: the widgets, by what they hold. "phase:N:first", ":last"
 * and ":hours" are the spin buttons of the Nth phase. */
GtkWidget *
steady_program_dialog_get_widget (SteadyProgramDialog *self,
                                  const char          *name)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM_DIALOG (self), NULL);

  if (g_str_equal (name, "hours"))
    return GTK_WIDGET (self->hours_spin);
  if (g_str_equal (name, "start"))
    return GTK_WIDGET (self->start_calendar);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);
  if (g_str_has_prefix (name, "phase:"))
    {
      g_auto(GStrv) parts = g_strsplit (name, ":", 3);
      guint64 index;

      if (g_strv_length (parts) == 3 &&
          g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT, &index, NULL) &&
          index < self->phase_rows->len)
        return GTK_WIDGET (row_spin (g_ptr_array_index (self->phase_rows, index), parts[2]));
    }

  return NULL;
}
