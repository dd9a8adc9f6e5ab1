/* steady-data-actions.c: the person's data in their own hands
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-data"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "steady-calendar.h"
#include "steady-data-actions.h"
#include "steady-export.h"
#include "steady-report.h"
#include "steady-report-renderer.h"

/* Everything here runs its file work in a thread (GTask) or on the
 * store's worker, and tells the person the result in a toast. */

typedef struct
{
  SteadyStore      *store;
  GFile            *file;
  SteadyDataExport  kind;
  SteadyReport     *report;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_pointer (&job->report, steady_report_free);
  g_free (job);
}

static void
toast (GtkWindow  *window,
       const char *title)
{
  GtkWidget *overlay = NULL;

  if (ADW_IS_PREFERENCES_WINDOW (window))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (title));
      return;
    }

  /* The main window's overlay is its content's first child. */
  overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  else
    g_message ("%s", title);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case STEADY_DATA_EXPORT_CHECKINS_CSV:
    case STEADY_DATA_EXPORT_ATTENDANCE_CSV:
      out = g_file_replace (job->file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                            cancellable, &error);
      if (out != NULL)
        ok = (job->kind == STEADY_DATA_EXPORT_CHECKINS_CSV
                ? steady_export_checkins_csv (job->store, G_OUTPUT_STREAM (out), cancellable, &error)
                : steady_export_attendance_csv (job->store, G_OUTPUT_STREAM (out), now, cancellable, &error)) &&
             g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error);
      break;

    case STEADY_DATA_EXPORT_EVERYTHING:
      ok = steady_export_full (job->store, job->file, cancellable, &error);
      break;

    case STEADY_DATA_EXPORT_SUMMARY_PDF:
      {
        g_autofree char *path = g_file_get_path (job->file);

        ok = path != NULL && steady_report_write_pdf (job->report, path, &error);
        if (path == NULL)
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("This place cannot be written to."));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("Export failed: %s"), error->message);
      toast (window, message);
      return;
    }

  toast (window, _("Exported. Only share it with people you trust."));
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  ExportJob       *job)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (chooser), "parent");
  g_autoptr(GTask) task = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      export_job_free (job);
      g_object_unref (chooser);
      return;
    }

  job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  task = g_task_new (NULL, NULL, export_done_cb, g_object_ref (window));
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
  g_object_unref (chooser);
}

static const char *
suggested_name (SteadyDataExport kind)
{
  switch (kind)
    {
    /* Translators: file names; keep them short and without slashes */
    case STEADY_DATA_EXPORT_CHECKINS_CSV:
      return _("steady-check-ins.csv");
    case STEADY_DATA_EXPORT_ATTENDANCE_CSV:
      return _("steady-attendance.csv");
    case STEADY_DATA_EXPORT_EVERYTHING:
      return _("steady-everything.steady");
    case STEADY_DATA_EXPORT_SUMMARY_PDF:
      return _("summary-for-my-next-session.pdf");
    default:
      g_assert_not_reached ();
    }
}

/**
 * steady_data_summary_range:
 * @from: (out): the first day
 * @to: (out): the last day, today
 *
 * The summary's default days: since the day of the last session that
 * has passed, so it covers what happened in between; two weeks when
 * there is none.
 */
void
steady_data_summary_range (SteadyStore *store,
                           GDate       *from,
                           GDate       *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) back = g_date_time_add_days (now, -60);
  g_autoptr(GListModel) sessions = steady_calendar_list_occurrences (store, back, now, NULL);
  guint n = sessions != NULL ? g_list_model_get_n_items (sessions) : 0;

  g_date_clear (to, 1);
  g_date_set_dmy (to, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  *from = *to;
  g_date_subtract_days (from, 13);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (sessions, i - 1);
      g_autoptr(GDateTime) start = NULL;

      if (steady_occurrence_get_cancelled (occurrence) ||
          g_date_time_compare (steady_occurrence_get_end (occurrence), now) > 0)
        continue;

      start = g_date_time_to_local (steady_occurrence_get_start (occurrence));
      g_date_set_dmy (from, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                      g_date_time_get_year (start));
      break;
    }
}

static void
ask_where_to_save (GtkWindow *parent,
                   ExportJob *job)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (job->kind == STEADY_DATA_EXPORT_SUMMARY_PDF ? _("Save the Summary")
                                                                                     : _("Export"),
                                         parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name (job->kind));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "parent", parent);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static ExportJob *
export_job_new (SteadyStore      *store,
                SteadyDataExport  kind)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->store = g_object_ref (store);
  job->kind = kind;

  return job;
}

/**
 * steady_data_export:
 * @parent: the window to attach the file chooser to
 * @store: the store
 * @kind: what to export; not the summary (see steady_data_save_summary())
 *
 * Asks where to save (through the portal when sandboxed), then writes it
 * off the main thread.
 */
void
steady_data_export (GtkWindow        *parent,
                    SteadyStore      *store,
                    SteadyDataExport  kind)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (kind != STEADY_DATA_EXPORT_SUMMARY_PDF);

  ask_where_to_save (parent, export_job_new (store, kind));
}

/**
 * steady_data_save_summary:
 * @parent: the window to attach the file chooser to
 * @store: the store
 * @from: the first day
 * @to: the last day
 * @include_notes: include the person's own words
 *
 * Asks where to save the summary PDF of @from to @to, then writes it off
 * the main thread.
 */
void
steady_data_save_summary (GtkWindow   *parent,
                          SteadyStore *store,
                          const GDate *from,
                          const GDate *to,
                          gboolean     include_notes)
{
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (from != NULL && to != NULL);

  job = export_job_new (store, STEADY_DATA_EXPORT_SUMMARY_PDF);

  /* A month or two of indexed reads: cheap on the main thread. */
  if (!steady_report_load (store, from, to, include_notes, &job->report, &error))
    {
      toast (parent, error->message);
      export_job_free (job);
      return;
    }

  ask_where_to_save (parent, job);
}

/**
 * steady_data_print_summary:
 *
 * Prints the summary through the print dialog (which can also save a PDF).
 */
void
steady_data_print_summary (GtkWindow   *parent,
                           SteadyStore *store,
                           const GDate *from,
                           const GDate *to,
                           gboolean     include_notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  SteadyReport *report = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_STORE (store));
  g_return_if_fail (from != NULL && to != NULL);

  if (!steady_report_load (store, from, to, include_notes, &report, &error))
    {
      toast (parent, error->message);
      return;
    }

  operation = steady_report_print_operation_new (report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (parent, error->message);
}

/* Importing everything */

typedef struct
{
  GtkWindow *parent;
  char      *copy_path;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  if (job->copy_path != NULL)
    g_unlink (job->copy_path);
  g_free (job->copy_path);
  g_free (job);
}

static gboolean
restore_work (SteadyStore  *store,
              gpointer      data,
              gpointer     *result,
              GError      **error)
{
  ImportJob *job = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return steady_store_restore_backup (store, job->copy_path, now, error);
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (error != NULL)
    toast (window, error->message);
  else
    toast (window, _("Your data was imported. What you had before is kept as a backup."));
}

static void
confirm_import_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ImportJob        *job)
{
  SteadyStore *store = g_object_get_data (G_OBJECT (dialog), "store");

  if (g_strcmp0 (response, "import") != 0)
    {
      import_job_free (job);
      return;
    }

  steady_store_run_async (store, restore_work, job, (GDestroyNotify)import_job_free, NULL,
                          NULL, restore_done_cb, g_object_ref (job->parent));
}

typedef struct
{
  ImportJob *job;
  GFile     *file;
  /* The job borrows it: held while the check runs */
  GtkWindow *parent;
} CheckJob;

static void
check_job_free (CheckJob *check)
{
  if (check->job != NULL)
    import_job_free (check->job);
  g_clear_object (&check->file);
  g_clear_object (&check->parent);
  g_free (check);
}

/* SQLite cannot lock a file behind the document portal: the file is
 * copied into the app's own folder first. Then it goes through every
 * check and the preparation a restore does, so that a file that cannot
 * be restored is refused before the person is asked to confirm. Both
 * read and write whole files: on the store's worker. */
static gboolean
check_import_work (SteadyStore  *store,
                   gpointer      data,
                   gpointer     *result,
                   GError      **error)
{
  CheckJob *check = data;
  g_autoptr(GFile) copy = g_file_new_for_path (check->job->copy_path);

  return g_file_copy (check->file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) &&
         steady_export_check_full (copy, error) &&
         steady_store_check_restore (store, check->job->copy_path, error);
}

static void
check_import_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SteadyStore *store = STEADY_STORE (object);
  CheckJob *check = user_data;
  g_autoptr(GError) error = NULL;
  ImportJob *job;
  GtkWidget *dialog;

  steady_store_run_finish (store, result, &error);

  /* The window that asked was closed meanwhile: nothing to ask. */
  if (!gtk_widget_get_visible (GTK_WIDGET (check->parent)))
    {
      check_job_free (check);
      return;
    }

  /* Too long for a toast: the reason names the file and the check. */
  if (error != NULL)
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nNothing in Steady was changed."), error->message);

      dialog = adw_message_dialog_new (check->job->parent, _("This File Cannot Be Imported"), body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_present (GTK_WINDOW (dialog));
      check_job_free (check);
      return;
    }

  job = g_steal_pointer (&check->job);
  check_job_free (check);

  dialog = adw_message_dialog_new (job->parent, _("Replace Your Data?"),
                                   _("Everything in Steady now will be replaced by the imported file. What you have now is kept as a backup first, so it can be restored from Preferences."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_import_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SteadyStore     *store)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (chooser), "parent");
  g_autofree char *dir = NULL;
  CheckJob *check;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (store);
      g_object_unref (chooser);
      return;
    }

  dir = steady_store_get_backup_dir (store);
  g_mkdir_with_parents (dir, 0700);
  check = g_new0 (CheckJob, 1);
  check->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  check->job = g_new0 (ImportJob, 1);
  check->parent = g_object_ref (parent);
  check->job->parent = parent;
  check->job->copy_path = g_build_filename (dir, ".import.steady", NULL);

  steady_store_run_async (store, check_import_work, check, NULL, NULL,
                          NULL, check_import_done_cb, check);
  g_object_unref (store);
  g_object_unref (chooser);
}

/**
 * steady_data_import_everything:
 *
 * Asks for a file made by "Export Everything", checks it, asks to confirm,
 * and restores it (keeping the current data as a backup first).
 */
void
steady_data_import_everything (GtkWindow   *parent,
                               SteadyStore *store)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (STEADY_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Everything"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "parent", parent);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Deleting everything */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GtkWindow        *main_window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (main_window));
  SteadyStore *store = g_object_get_data (G_OBJECT (dialog), "store");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  path = g_strdup (steady_store_get_path (store));

  /* Close first (it waits for queued writes), then remove every file. */
  steady_store_close (store);
  if (!steady_export_delete_all (path, &error))
    {
      g_message ("Delete all: %s", error->message);
      toast (main_window, error->message);
    }

  /* Back to a first start: a fresh, empty store and the welcome. */
  gtk_widget_activate_action (GTK_WIDGET (main_window), "win.retry-open", NULL);
  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "welcome", NULL);
}

static void
confirm_text_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  /* Translators: the word the person types to confirm deleting everything */
  const char *word = _("delete");
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (entry), -1);
  g_autofree char *wanted = g_utf8_casefold (word, -1);

  adw_message_dialog_set_response_enabled (dialog, "delete", g_strcmp0 (g_strstrip (typed), wanted) == 0);
}

/**
 * steady_data_delete_everything:
 * @main_window: the main window (its store is reopened, empty)
 * @store: the store
 *
 * Asks for a deliberate confirmation (typing a word), then removes the
 * database, its write-ahead log and every backup, and starts afresh.
 */
void
steady_data_delete_everything (GtkWindow   *main_window,
                               SteadyStore *store)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (main_window));
  g_return_if_fail (STEADY_IS_STORE (store));

  /* Translators: %s is the word to type, as translated above */
  body = g_strdup_printf (_("Every check-in, note, answer, session, contact and backup on this computer will be deleted, and cannot be brought back. Files you exported elsewhere are not touched. To go ahead, type “%s”."),
                          _("delete"));
  dialog = adw_message_dialog_new (main_window, _("Delete All Your Data?"), body);
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type the word to confirm"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Everything"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (confirm_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), main_window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
