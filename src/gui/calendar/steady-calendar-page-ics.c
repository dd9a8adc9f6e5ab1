/* steady-calendar-page-ics.c: importing and exporting iCalendar files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-calendar-page-private.h"
#include "steady-calendar-util.h"
#include "steady-dialog-util.h"
#include "steady-ics.h"
#include "steady-ics-import-dialog.h"

typedef struct
{
  SteadyCalendarPage *page;
  GFile              *file;
} FileTask;

static FileTask *
file_task_new (SteadyCalendarPage *page,
               GFile              *file)
{
  FileTask *task = g_new0 (FileTask, 1);

  task->page = g_object_ref (page);
  task->file = g_object_ref (file);

  return task;
}

static void
file_task_free (FileTask *task)
{
  g_clear_object (&task->page);
  g_clear_object (&task->file);
  g_free (task);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileTask, file_task_free)

static char *
dup_file_name (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL ? g_filename_display_name (name) : g_strdup (_("the file"));
}

typedef enum
{
  PROBLEM_READ,
  PROBLEM_IMPORT,
  PROBLEM_EXPORT,
} Problem;

/* Says why @file could not be read, imported or written, unless the
 * page cancelled it; @what is for the log. */
static void
show_file_problem (SteadyCalendarPage *self,
                   Problem             problem,
                   GFile              *file,
                   const char         *what,
                   const GError       *error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("%s: %s", what, error->message);
  name = dup_file_name (file);

  switch (problem)
    {
    case PROBLEM_READ:
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Read “%s”"), name);
      break;

    case PROBLEM_IMPORT:
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      break;

    case PROBLEM_EXPORT:
    default:
      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Export to “%s”"), name);
      break;
    }

  steady_calendar_page_show_problem (self, heading, error->message);
}

static GtkFileFilter *
create_calendar_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");

  return filter;
}

static void
chooser_response_cb (GtkNativeDialog    *chooser,
                     int                 response,
                     SteadyCalendarPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    steady_calendar_page_export_file (self, file);
  else
    steady_calendar_page_import_file (self, file);
}

/* A chosen file is imported, or exported to with a save chooser. */
static GtkFileChooser *
create_chooser (SteadyCalendarPage   *self,
                const char           *title,
                GtkFileChooserAction  action,
                const char           *accept)
{
  g_autoptr(GtkFileFilter) filter = create_calendar_filter ();
  GtkFileChooserNative *chooser;

  /* Portal-aware: in the Flatpak, files come and go only through it. */
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (title, steady_calendar_page_get_window (self), action, accept, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);

  return GTK_FILE_CHOOSER (chooser);
}

/* Importing: read, parse on the worker, preview, then import */

static void
select_first_new (SteadyCalendarPage *self,
                  SteadyIcsPreview   *preview)
{
  GDate first;

  g_date_clear (&first, 1);

  for (guint i = 0; i < steady_ics_preview_get_n_items (preview); i++)
    {
      SteadySessionSeries *series = steady_ics_preview_get_series (preview, i);
      const char *tzid = steady_session_series_get_tzid (series);
      g_autoptr(GTimeZone) zone = NULL;
      GDate day;
      int hour, minute;

      if (steady_ics_preview_get_status (preview, i) != STEADY_ICS_ITEM_NEW ||
          !steady_calendar_util_parse_start_local (steady_session_series_get_start_local (series),
                                                   &day, &hour, &minute))
        continue;

      /* The day here, when the zone is one GLib knows. */
      zone = tzid != NULL ? g_time_zone_new_identifier (tzid) : NULL;
      if (zone != NULL)
        {
          g_autoptr(GDateTime) there = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                                                        g_date_get_day (&day), hour, minute, 0);

          if (there != NULL)
            steady_calendar_util_date_from_local (&day, there);
        }

      if (!g_date_valid (&first) || g_date_compare (&day, &first) < 0)
        first = day;
    }

  /* Shows what came in. */
  if (g_date_valid (&first))
    steady_calendar_page_select_date (self, &first);
}

static void
imported_cb (SteadyIcsImportDialog *dialog,
             guint                  n_added,
             SteadyCalendarPage    *self)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event imported", "%u events imported", n_added),
                          n_added);
  steady_calendar_page_toast (self, adw_toast_new (text));
  select_first_new (self, steady_ics_import_dialog_get_preview (dialog));
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileTask) task = user_data;
  SteadyCalendarPage *self = task->page;
  g_autoptr(SteadyIcsPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  preview = steady_ics_parse_finish (STEADY_STORE (object), result, &error);
  if (preview == NULL)
    {
      show_file_problem (self, PROBLEM_IMPORT, task->file, "Could not read a calendar file", error);
      return;
    }

  if (self->store == NULL)
    return;

  name = dup_file_name (task->file);
  dialog = steady_ics_import_dialog_new (self->store, preview, name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), steady_calendar_page_get_window (self));
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FileTask) task = user_data;
  SteadyCalendarPage *self = task->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      show_file_problem (self, PROBLEM_READ, task->file, "Could not load a calendar file", error);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  if (self->store == NULL)
    return;

  /* Parsing is bounded but can take a while on a big file: it runs on
   * the store's worker. */
  steady_ics_parse_async (self->store, bytes, self->cancellable, parse_done_cb,
                          file_task_new (self, task->file));
}

void
steady_calendar_page_import_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);

  if (self->store == NULL)
    return;

  create_chooser (self, _("Import Sessions"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_native_dialog_show (self->chooser);
}

/**
 * steady_calendar_page_import_file:
 * @file: an iCalendar file
 *
 * Reads @file and shows what importing it would add, to be confirmed;
 * says so plainly if it cannot be read.
 */
void
steady_calendar_page_import_file (SteadyCalendarPage *self,
                                  GFile              *file)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  g_file_load_contents_async (file, self->cancellable, load_done_cb, file_task_new (self, file));
}

/* Exporting: everything, written where the person chose */

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FileTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      show_file_problem (task->page, PROBLEM_EXPORT, task->file, "Could not write a calendar file", error);
      return;
    }

  name = dup_file_name (task->file);
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Sessions exported to “%s”"), name);
  steady_calendar_page_toast (task->page, adw_toast_new (text));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FileTask) task = user_data;
  SteadyCalendarPage *self = task->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  text = steady_ics_export_finish (STEADY_STORE (object), result, &error);
  if (text == NULL)
    {
      show_file_problem (self, PROBLEM_EXPORT, task->file, "Could not export the calendar", error);
      return;
    }

  /* The bytes live until the write is done. */
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (task->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       self->cancellable, write_done_cb,
                                       file_task_new (self, task->file));
}

/**
 * steady_calendar_page_export_file:
 * @file: where to write
 *
 * Writes the whole schedule to @file as iCalendar, off the main thread,
 * and says when it is done or why it failed.
 */
void
steady_calendar_page_export_file (SteadyCalendarPage *self,
                                  GFile              *file)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL)
    return;

  /* Attendance, notes and homework stay private: the core leaves them
   * out of the file. */
  steady_ics_export_async (self->store, NULL, NULL, self->cancellable, export_done_cb,
                           file_task_new (self, file));
}

void
steady_calendar_page_export_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  SteadyCalendarPage *self = STEADY_CALENDAR_PAGE (widget);
  GtkFileChooser *chooser;

  if (self->store == NULL)
    return;

  chooser = create_chooser (self, _("Export Sessions"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Translators: the suggested name of an exported calendar file */
  gtk_file_chooser_set_current_name (chooser, _("sessions.ics"));
  gtk_native_dialog_show (self->chooser);
}
