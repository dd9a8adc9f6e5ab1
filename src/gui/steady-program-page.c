/* steady-program-page.c: the Program page of Preferences
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-program-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar.h"
#include "steady-dialog-util.h"
#include "steady-program-dialog.h"
#include "steady-program-page.h"

/**
 * SteadyProgramPage:
 *
 * What the program asks for: its start date, hours a week and step-down
 * phases. They are the person's data (in the store, exported with it), so
 * the page shows them and edits them with the Calendar's program dialog.
 */
struct _SteadyProgramPage
{
  AdwPreferencesPage  parent_instance;

  /* Owned */
  SteadyStore        *store;

  /* Children */
  AdwActionRow       *start_row;
  AdwActionRow       *hours_row;
  AdwActionRow       *phases_row;
};

G_DEFINE_FINAL_TYPE (SteadyProgramPage, steady_program_page, ADW_TYPE_PREFERENCES_PAGE)

static char *
format_hours (guint minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour a week", "%u hours a week", minutes / 60),
                            minutes / 60);

  /* Translators: hours with one decimal, e.g. "7.5 hours a week" */
  return g_strdup_printf (_("%.1f hours a week"), minutes / 60.0);
}

static char *
describe_phases (SteadyProgram *program)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = steady_program_get_n_phases (program);

  if (n == 0)
    return g_strdup (_("None: the same hours every week"));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *hours = NULL;
      guint first, last, minutes;

      steady_program_get_phase (program, i, &first, &last, &minutes);
      hours = format_hours (minutes);
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: a step-down phase, e.g. "Weeks 5 to 8: 6 hours a week" */
      g_string_append_printf (text, _("Weeks %u to %u: %s"), first, last, hours);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
reload (SteadyProgramPage *self)
{
  g_autoptr(SteadyProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *phases = NULL;
  const GDate *start;

  if (self->store == NULL)
    return;

  program = steady_calendar_load_program (self->store, &error);
  if (program == NULL)
    {
      g_message ("Could not read the program: %s", error->message);
      adw_action_row_set_subtitle (self->start_row, _("Could not be read"));
      return;
    }

  start = steady_program_get_start_date (program);
  if (start != NULL && g_date_valid (start))
    {
      char buffer[128];

      /* Translators: the program's start date; see strftime() */
      g_date_strftime (buffer, sizeof buffer, _("%A, %B %-d, %Y"), start);
      adw_action_row_set_subtitle (self->start_row, buffer);
    }
  else
    adw_action_row_set_subtitle (self->start_row, _("Not set: week numbers start once it is"));

  hours = format_hours (steady_program_get_weekly_minutes (program));
  adw_action_row_set_subtitle (self->hours_row, hours);
  phases = describe_phases (program);
  adw_action_row_set_subtitle (self->phases_row, phases);
}

static void
edit_activated_cb (AdwActionRow      *row,
                   SteadyProgramPage *self)
{
  GtkWidget *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store == NULL)
    return;

  dialog = steady_program_dialog_new (self->store);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static AdwActionRow *
add_row (GtkWidget  *group,
         const char *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));

  return row;
}

static void
build (SteadyProgramPage *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (self);
  GtkWidget *group, *edit;

  adw_preferences_page_set_title (page, _("Program"));
  adw_preferences_page_set_icon_name (page, "x-office-calendar-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Program"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The Calendar counts the hours you attend against what your program asks, week by week."));
  self->start_row = add_row (group, _("Start Date"));
  self->hours_row = add_row (group, _("Hours a Week"));
  self->phases_row = add_row (group, _("Step-Down Phases"));

  edit = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (edit), _("_Change Program Hours…"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (edit), TRUE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (edit), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (edit), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect (edit, "activated", G_CALLBACK (edit_activated_cb), self);
  gtk_widget_set_sensitive (edit, self->store != NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), edit);

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
}

static void
store_changed_cb (SteadyStore       *store,
                  const char        *what,
                  SteadyProgramPage *self)
{
  reload (self);
}

static void
steady_program_page_finalize (GObject *object)
{
  SteadyProgramPage *self = (SteadyProgramPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_program_page_parent_class)->finalize (object);
}

static void
steady_program_page_class_init (SteadyProgramPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_program_page_finalize;
}

static void
steady_program_page_init (SteadyProgramPage *self)
{
}

/**
 * steady_program_page_new:
 * @store: (nullable): the store, or %NULL when it could not be opened
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *
steady_program_page_new (SteadyStore *store)
{
  SteadyProgramPage *self = g_object_new (STEADY_TYPE_PROGRAM_PAGE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  build (self);
  reload (self);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);

  return GTK_WIDGET (self);
}

/**
 * steady_program_page_get_summary:
 *
 * Returns: (transfer none): the hours a week as shown
 */
const char *
steady_program_page_get_summary (SteadyProgramPage *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM_PAGE (self), NULL);

  return adw_action_row_get_subtitle (self->hours_row);
}
