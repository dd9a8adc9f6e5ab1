/* steady-preferences-window.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-backup.h"
#include "steady-data-actions.h"
#include "steady-journal.h"
#include "steady-preferences-window.h"
#include "steady-program-page.h"
#include "steady-summary-group.h"
#include "steady-reminders-page.h"
#include "steady-sobriety.h"
#include "steady-sobriety-period.h"

struct _SteadyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *location_row;
  AdwPreferencesGroup  *backups_group;
  GtkListBox           *backups_list;

  /* Built in code */
  AdwActionRow         *sober_row;
  AdwExpanderRow       *attempts_row;
  AdwPreferencesGroup  *words_group;
  GPtrArray            *word_rows;
  GtkCalendar          *sober_calendar;
  GPtrArray            *attempt_rows;

  /* Owned */
  SteadyStore          *store;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (SteadyPreferencesWindow, steady_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_backup_time (GDateTime *created)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (created);

  /* Translators: date and time of a backup, see g_date_time_format() */
  return g_date_time_format (local, _("%A, %B %-d %Y at %H:%M"));
}

static GtkWidget *
create_backup_row (SteadyBackup *backup)
{
  g_autofree char *when = format_backup_time (steady_backup_get_created (backup));
  g_autofree char *size = g_format_size (steady_backup_get_size (backup));
  g_autofree char *a11y = NULL;
  GtkWidget *row;
  GtkWidget *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);

  button = gtk_button_new_with_mnemonic (_("_Restore…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", steady_backup_get_path (backup));
  /* Translators: %s is the date of a backup */
  a11y = g_strdup_printf (_("Restore the backup of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
reload_backups (SteadyPreferencesWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL)
    gtk_list_box_remove (self->backups_list, child);

  if (self->store == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->backups_group), FALSE);
      return;
    }

  backups = steady_store_list_backups (self->store, &error);
  if (backups == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  for (guint i = 0; i < backups->len; i++)
    gtk_list_box_append (self->backups_list, create_backup_row (g_ptr_array_index (backups, i)));

  if (backups->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No backups yet"));
      gtk_list_box_append (self->backups_list, row);
    }
}

static gboolean
backup_now_work (SteadyStore  *store,
                 gpointer      data,
                 gpointer     *result,
                 GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  *result = steady_store_backup (store, now, NULL, error);

  return *result != NULL;
}

static gboolean
restore_work (SteadyStore  *store,
              gpointer      data,
              gpointer     *result,
              GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return steady_store_restore_backup (store, data, now, error);
}

static void
work_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *message;

  path = steady_store_run_finish (STEADY_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  message = g_object_get_data (G_OBJECT (self), "done-message");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (error ? error->message : message));
  reload_backups (self);
}

static void
backup_now_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);

  g_return_if_fail (self->store != NULL);

  g_object_set_data (G_OBJECT (self), "done-message", (gpointer)_("Backup made"));
  steady_store_run_async (self->store, backup_now_work, NULL, NULL, g_free,
                          self->cancellable, work_done_cb, g_object_ref (self));
}

static void
restore_response_cb (AdwMessageDialog        *dialog,
                     const char              *response,
                     SteadyPreferencesWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "backup-path");

  if (g_strcmp0 (response, "restore") != 0 || self->store == NULL)
    return;

  g_object_set_data (G_OBJECT (self), "done-message", (gpointer)_("Backup restored"));
  steady_store_run_async (self->store, restore_work, g_strdup (path), g_free, NULL,
                          self->cancellable, work_done_cb, g_object_ref (self));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *when = NULL;
  GtkWidget *dialog;

  backups = steady_store_list_backups (self->store, NULL);
  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      SteadyBackup *backup = g_ptr_array_index (backups, i);

      if (g_strcmp0 (steady_backup_get_path (backup), path) == 0)
        when = format_backup_time (steady_backup_get_created (backup));
    }

  if (when == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the date of a backup */
                                  _("Your data will go back to how it was on %s. Anything written since then will be replaced. Your current data is kept as another backup first, so nothing is lost."),
                                  when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup-path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static char *
format_date (const GDate *date)
{
  char buffer[128];

  /* Translators: a date, see strftime(3) */
  if (g_date_strftime (buffer, sizeof buffer, _("%B %-d, %Y"), date) == 0)
    return g_strdup ("");

  return g_strdup (buffer);
}

static void
reload_sobriety (SteadyPreferencesWindow *self)
{
  SteadySobrietySummary summary = { 0 };
  g_autoptr(GListModel) periods = NULL;
  GDate now;

  if (self->store == NULL)
    return;

  today (&now);
  steady_sobriety_get_summary (self->store, &now, &summary, NULL);

  if (summary.active)
    {
      g_autofree char *start = format_date (&summary.start);
      g_autofree char *title = NULL;
      g_autofree char *sub = NULL;

      /* Translators: %s is a date */
      title = g_strdup_printf (_("Counting From %s"), start);
      sub = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day so far", "%u days so far", summary.current_days),
                             summary.current_days);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sober_row), title);
      adw_action_row_set_subtitle (self->sober_row, sub);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sober_row), _("No Start Date"));
      adw_action_row_set_subtitle (self->sober_row, _("Optional. Choose the day you want to count from."));
    }

  for (guint i = 0; i < self->attempt_rows->len; i++)
    adw_expander_row_remove (self->attempts_row, g_ptr_array_index (self->attempt_rows, i));
  g_ptr_array_set_size (self->attempt_rows, 0);

  periods = steady_sobriety_list_periods (self->store, &now, NULL);
  {
    g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sober day in all",
                                                          "%u sober days in all", summary.total_days),
                                             summary.total_days);
    g_autofree char *attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt",
                                                              "%u attempts", summary.n_periods),
                                                 summary.n_periods);
    /* Translators: "53 sober days in all · 2 attempts" */
    g_autofree char *total = g_strdup_printf (_("%s · %s"), days, attempts);

    adw_expander_row_set_subtitle (self->attempts_row, total);
  }

  for (guint i = 0; periods != NULL && i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(SteadySobrietyPeriod) period = g_list_model_get_item (periods, i);
      g_autofree char *from = format_date (steady_sobriety_period_get_start (period));
      g_autofree char *to = steady_sobriety_period_is_current (period)
                              ? g_strdup (_("now"))
                              : format_date (steady_sobriety_period_get_end (period));
      g_autofree char *title = g_strdup_printf ("%s – %s", from, to);
      g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days",
                                                            steady_sobriety_period_get_days (period)),
                                               steady_sobriety_period_get_days (period));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), days);
      adw_expander_row_add_row (self->attempts_row, row);
      g_ptr_array_add (self->attempt_rows, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->attempts_row), self->attempt_rows->len > 0);
}

static void
sobriety_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SteadyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_sobriety_set_start_finish (STEADY_STORE (object), result, &error))
    {
      /* Cancelled: the window is gone, and so are its rows. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }

  reload_sobriety (self);
}

static void
set_sober_start_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->sober_calendar);
  GDate start, now;

  if (self->store == NULL)
    return;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  today (&now);
  if (g_date_compare (&start, &now) > 0)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("The start date cannot be in the future")));
      return;
    }

  steady_sobriety_set_start_async (self->store, &start, self->cancellable,
                                   sobriety_done_cb, g_object_ref (self));
}

static const SteadyJournalChoiceKind custom_kinds[] = {
  STEADY_JOURNAL_CHOICE_EMOTION,
  STEADY_JOURNAL_CHOICE_PEOPLE,
  STEADY_JOURNAL_CHOICE_PLACES,
  STEADY_JOURNAL_CHOICE_THINGS,
  STEADY_JOURNAL_CHOICE_FEELINGS,
};

static void
reload_words (SteadyPreferencesWindow *self)
{
  guint n = 0;

  for (guint i = 0; i < self->word_rows->len; i++)
    adw_preferences_group_remove (self->words_group, g_ptr_array_index (self->word_rows, i));
  g_ptr_array_set_size (self->word_rows, 0);

  if (self->store == NULL)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (custom_kinds); k++)
    {
      g_autoptr(GListModel) choices = steady_journal_list_choices (self->store, custom_kinds[k], NULL);

      for (guint i = 0; choices != NULL && i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (choices, i);
          g_autofree char *a11y = NULL;
          GtkWidget *row, *remove;

          if (!steady_journal_choice_get_custom (choice))
            continue;

          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steady_journal_choice_get_label (choice));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       custom_kinds[k] == STEADY_JOURNAL_CHOICE_EMOTION ? _("Emotion") : _("Trigger"));
          remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          /* Translators: %s is a word the person added */
          a11y = g_strdup_printf (_("Stop offering “%s”"), steady_journal_choice_get_label (choice));
          gtk_widget_set_tooltip_text (remove, a11y);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "prefs.remove-word");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(us)", (guint32)custom_kinds[k],
                                            steady_journal_choice_get_label (choice));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
          adw_preferences_group_add (self->words_group, row);
          g_ptr_array_add (self->word_rows, row);
          n++;
        }
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Words you add in a check-in appear here, and are offered next time."));
      adw_preferences_group_add (self->words_group, row);
      g_ptr_array_add (self->word_rows, row);
    }
}

static void
word_removed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SteadyPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_journal_remove_custom_finish (STEADY_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
    }

  reload_words (self);
}

static void
remove_word_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);
  guint32 kind;
  const char *label;

  if (self->store == NULL)
    return;

  /* Past check-ins keep the word; it is only no longer offered. */
  g_variant_get (parameter, "(u&s)", &kind, &label);
  steady_journal_remove_custom_async (self->store, kind, label, self->cancellable,
                                      word_removed_cb, g_object_ref (self));
}

static void
build_journal_page (SteadyPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *set = gtk_button_new_with_mnemonic (_("_Count From This Day"));

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Journal"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "document-edit-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sober Days"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Today shows the days since this date. A lapse never resets it on its own: you choose, and every attempt stays in your history."));

  self->sober_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->sober_calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sober_calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("First sober day"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (set), "prefs.set-sober-start");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sober_calendar));
  gtk_box_append (GTK_BOX (box), set);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Choose the Start Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the start date"),
                                  -1);
  adw_action_row_add_suffix (self->sober_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->sober_row));

  self->attempts_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attempts_row), _("All Attempts"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attempts_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("All Attempts"),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->attempts_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->words_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->words_group, _("Your Own Words"));
  adw_preferences_group_set_description (self->words_group,
                                         _("Emotions and triggers you added. Removing one keeps it on the check-ins that used it."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->words_group);
  reload_words (self);

  gtk_widget_set_sensitive (page, self->store != NULL);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  reload_sobriety (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);

  if (self->store != NULL)
    steady_data_export (GTK_WINDOW (self), self->store, g_variant_get_uint32 (parameter));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);

  if (self->store != NULL)
    steady_data_import_everything (GTK_WINDOW (self), self->store);
}

static void
delete_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (widget);
  GtkWindow *main_window = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(SteadyStore) store = NULL;

  if (self->store == NULL || main_window == NULL)
    return;

  /* The question belongs to the main window, which starts afresh; this
   * window goes (and drops its store) first. */
  store = g_object_ref (self->store);
  gtk_window_close (GTK_WINDOW (self));
  steady_data_delete_everything (main_window, store);
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle,
            const char *action,
            GVariant   *target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
build_export_groups (SteadyPreferencesWindow *self,
                     AdwPreferencesPage      *page)
{
  GtkWidget *summary = steady_summary_group_new (self->store);
  GtkWidget *export = adw_preferences_group_new ();
  GtkWidget *danger = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (export), _("Export and Import"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (export),
                             action_row (_("Check-Ins as a Spreadsheet…"), _("CSV, for any spreadsheet program"),
                                         "prefs.export", g_variant_new_uint32 (STEADY_DATA_EXPORT_CHECKINS_CSV)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (export),
                             action_row (_("Attendance as a Spreadsheet…"), _("CSV of your sessions, marks and notes"),
                                         "prefs.export", g_variant_new_uint32 (STEADY_DATA_EXPORT_ATTENDANCE_CSV)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (export),
                             action_row (_("Export Everything…"), _("One file with all your data, to keep or to move to another computer"),
                                         "prefs.export", g_variant_new_uint32 (STEADY_DATA_EXPORT_EVERYTHING)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (export),
                             action_row (_("Import Everything…"), _("From a file made with Export Everything"),
                                         "prefs.import", NULL));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (danger), _("Delete"));
  {
    GtkWidget *row = action_row (_("Delete All My Data…"),
                                 _("Everything on this computer, including backups"),
                                 "prefs.delete-all", NULL);

    gtk_widget_add_css_class (row, "error");
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (danger), row);
  }

  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (summary));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (export));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (danger));
}

static void
build_help_page (SteadyPreferencesWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Help Now"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "steady-help-now-symbolic");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Crisis lines, the people you can call and your safety plan live in Help Now, one click from anywhere, and are changed there with Edit."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Open Help Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.help-now");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* The search entry libadwaita 1.2 builds in has no name of its own. */
static gboolean
name_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search preferences"),
                                      -1);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (name_search_entry (child))
        return TRUE;
    }

  return FALSE;
}

static void
steady_preferences_window_constructed (GObject *object)
{
  SteadyPreferencesWindow *self = (SteadyPreferencesWindow *)object;
  g_autoptr(GtkWidget) data_page = NULL;
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->constructed (object);

  path = self->store ? g_strdup (steady_store_get_path (self->store)) : steady_store_default_path ();
  adw_action_row_set_subtitle (self->location_row, path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup-now", self->store != NULL);

  reload_backups (self);
  build_export_groups (self, ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self->backups_group),
                                                                             ADW_TYPE_PREFERENCES_PAGE)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.export", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.import", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.delete-all", self->store != NULL);
  /* In the order a person sets things up: the program first, their data
   * last (the template's Data page moves to the end). */
  data_page = g_object_ref (gtk_widget_get_ancestor (GTK_WIDGET (self->backups_group), ADW_TYPE_PREFERENCES_PAGE));
  adw_preferences_window_remove (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (data_page));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (steady_program_page_new (self->store)));
  build_journal_page (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (steady_reminders_page_new (NULL)));
  build_help_page (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (data_page));

  name_search_entry (GTK_WIDGET (self));
}

static void
steady_preferences_window_dispose (GObject *object)
{
  SteadyPreferencesWindow *self = (SteadyPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->dispose (object);
}

static void
steady_preferences_window_finalize (GObject *object)
{
  SteadyPreferencesWindow *self = (SteadyPreferencesWindow *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->attempt_rows, g_ptr_array_unref);
  g_clear_pointer (&self->word_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->finalize (object);
}

static void
steady_preferences_window_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SteadyPreferencesWindow *self = STEADY_PREFERENCES_WINDOW (object);

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
steady_preferences_window_class_init (SteadyPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_preferences_window_constructed;
  object_class->dispose = steady_preferences_window_dispose;
  object_class->finalize = steady_preferences_window_finalize;
  object_class->set_property = steady_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/steady-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyPreferencesWindow, backups_list);

  gtk_widget_class_install_action (widget_class, "prefs.backup-now", NULL, backup_now_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "prefs.set-sober-start", NULL, set_sober_start_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-word", "(us)", remove_word_action);
  gtk_widget_class_install_action (widget_class, "prefs.export", "u", export_action);
  gtk_widget_class_install_action (widget_class, "prefs.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "prefs.delete-all", NULL, delete_all_action);
}

static void
steady_preferences_window_init (SteadyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->attempt_rows = g_ptr_array_new ();
  self->word_rows = g_ptr_array_new ();
}

/**
 * steady_preferences_window_new:
 * @store: (nullable): the open store, if any
 *
 * Returns: (transfer floating): the preferences window
 */
SteadyPreferencesWindow *
steady_preferences_window_new (SteadyStore *store)
{
  return g_object_new (STEADY_TYPE_PREFERENCES_WINDOW,
                       "store", store,
                       NULL);
}

/**
 * steady_preferences_window_get_sober_calendar:
 *
 * Returns: (transfer none): the calendar that picks the sober-days start
 */
GtkCalendar *
steady_preferences_window_get_sober_calendar (SteadyPreferencesWindow *self)
{
  g_return_val_if_fail (STEADY_IS_PREFERENCES_WINDOW (self), NULL);

  return self->sober_calendar;
}
