/* steady-window.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-backup.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-calendar-page.h"
#include "steady-journal-page.h"
#include "steady-lessons-page.h"
#include "steady-today-page.h"
#include "steady-window.h"

struct _SteadyWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  GtkLabel             *error_path_label;
  GtkWidget            *restore_button;
  GtkWidget            *retry_button;
  SteadyTodayPage      *today_page;
  AdwBin               *calendar_bin;
  AdwBin               *journal_bin;
  AdwBin               *lessons_bin;

  /* Owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  char                 *newest_backup;
  /* The store the places show; NULL while the error page shows */
  SteadyStore          *store;

  /* Borrowed: built on first show (see build_page()), owned by their bins */
  SteadyCalendarPage   *calendar_page;
  SteadyJournalPage    *journal_page;
  SteadyLessonsPage    *lessons_page;

  guint                 checks_pending : 1;
};

G_DEFINE_FINAL_TYPE (SteadyWindow, steady_window, ADW_TYPE_APPLICATION_WINDOW)

static SteadyApplication *
get_app (SteadyWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? STEADY_APPLICATION (app) : NULL;
}

static char *
find_newest_backup (const char *db_path)
{
  g_autoptr(GPtrArray) backups = steady_store_list_backups_at (db_path, NULL);

  if (backups == NULL || backups->len == 0)
    return NULL;

  return g_strdup (steady_backup_get_path (g_ptr_array_index (backups, 0)));
}

/* Hands the current store (or none) to every page built so far. */
static void
apply_store (SteadyWindow *self)
{
  steady_today_page_set_store (self->today_page, self->store);
  if (self->calendar_page != NULL)
    steady_calendar_page_set_store (self->calendar_page, self->store);
  if (self->journal_page != NULL)
    steady_journal_page_set_store (self->journal_page, self->store);
  if (self->lessons_page != NULL)
    steady_lessons_page_set_store (self->lessons_page, self->store);
}

/* Only Today is built with the window: building every place before the
 * first frame was a large part of Steady's start-up time and memory (see
 * README, Performance). The others are built when first shown or first
 * asked for. */
static void
build_page (SteadyWindow *self,
            const char   *name)
{
  AdwBin *bin;
  GtkWidget *page;

  if (g_strcmp0 (name, "calendar") == 0 && self->calendar_page == NULL)
    {
      bin = self->calendar_bin;
      page = g_object_new (STEADY_TYPE_CALENDAR_PAGE, NULL);
      self->calendar_page = STEADY_CALENDAR_PAGE (page);
    }
  else if (g_strcmp0 (name, "journal") == 0 && self->journal_page == NULL)
    {
      bin = self->journal_bin;
      page = g_object_new (STEADY_TYPE_JOURNAL_PAGE, NULL);
      self->journal_page = STEADY_JOURNAL_PAGE (page);
    }
  else if (g_strcmp0 (name, "lessons") == 0 && self->lessons_page == NULL)
    {
      bin = self->lessons_bin;
      page = g_object_new (STEADY_TYPE_LESSONS_PAGE, NULL);
      self->lessons_page = STEADY_LESSONS_PAGE (page);
    }
  else
    return;

  /* The store first, so that the page is shown with its data. */
  apply_store (self);
  adw_bin_set_child (bin, page);
}

static void
show_error (SteadyWindow *self,
            const GError *error)
{
  g_autofree char *path = steady_store_default_path ();
  g_autofree char *where = NULL;
  gboolean damaged;
  gboolean can_retry;

  g_assert (error != NULL);

  damaged = g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_CORRUPT);
  can_retry = g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_READ_ONLY) ||
              g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NO_SPACE) ||
              g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_BUSY) ||
              g_error_matches (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED);

  g_clear_pointer (&self->newest_backup, g_free);
  if (damaged)
    self->newest_backup = find_newest_backup (path);

  /* Set here, not in the template: the 128 px icon is an SVG, and the
   * usual start-up should not load the SVG renderer for a hidden page. */
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");

  if (damaged)
    adw_status_page_set_description (self->error_page,
                                     self->newest_backup != NULL
                                       ? _("Steady’s data file is damaged. It has not been changed or deleted. You can go back to the newest automatic backup; the damaged file is kept beside it.")
                                       : _("Steady’s data file is damaged. It has not been changed or deleted, and there is no backup yet. Your care team can still help you in the meantime."));
  else
    adw_status_page_set_description (self->error_page, error->message);

  /* Translators: %s is a file path */
  where = g_strdup_printf (_("Data file: %s"), path);
  gtk_label_set_label (self->error_path_label, where);

  gtk_widget_set_visible (self->restore_button, self->newest_backup != NULL);
  gtk_widget_set_visible (self->retry_button, can_retry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-newest-backup",
                                 self->newest_backup != NULL);

  g_clear_object (&self->store);
  apply_store (self);

  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
store_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SteadyWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_store_check_finish (STEADY_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_message ("Data check failed: %s", error->message);
      show_error (self, error);
    }
}

static gboolean
daily_backup_work (SteadyStore  *store,
                   gpointer      data,
                   gpointer     *result,
                   GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = steady_store_backup_if_due (store, now, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (path != NULL)
    g_debug ("Made the daily backup %s", path);

  return TRUE;
}

static void
background_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Background upkeep (the daily backup, the skills list) must not
   * interrupt; a failure is logged and tried again on the next start. */
  steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Background upkeep failed: %s", error->message);
}

static gboolean
sync_skills_work (SteadyStore  *store,
                  gpointer      data,
                  gpointer     *result,
                  GError      **error)
{
  return steady_lessons_sync_skills (store, data, error);
}

static void
damage_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SteadyWindow     *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore-newest-backup", NULL);
}

/* The store opened, but only after leaving out damaged recent changes
 * (kept beside the data): say so once, and offer the newest backup. */
static void
show_damage (SteadyWindow *self,
             const GError *damage)
{
  g_autofree char *path = steady_store_default_path ();
  GtkWidget *dialog;

  g_clear_pointer (&self->newest_backup, g_free);
  self->newest_backup = find_newest_backup (path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-newest-backup",
                                 self->newest_backup != NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Recent Changes Could Not Be Read"),
                                   damage->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Keep Going"));
  if (self->newest_backup != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore Newest Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (damage_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
start_background_checks (SteadyWindow *self)
{
  SteadyApplication *app = get_app (self);
  SteadyStore *store;

  self->checks_pending = FALSE;

  /* The window may have been closed before the idle ran. */
  if (app == NULL || (store = steady_application_get_store (app)) == NULL)
    return;

  if (steady_store_get_damage (store) != NULL)
    show_damage (self, steady_store_get_damage (store));

  /* Both queue on the store's worker, in this order: the check runs before
   * any write (the backup first of all). */
  steady_store_check_async (store, self->cancellable, store_checked_cb, g_object_ref (self));
  steady_store_run_async (store, daily_backup_work, NULL, NULL, NULL,
                          self->cancellable, background_done_cb, NULL);

  /* The journal offers the skills the lessons teach. */
  {
    GPtrArray *skills = steady_lesson_library_get_skills (steady_lesson_library_get_default ());

    if (steady_lessons_skills_need_sync (store, skills))
      steady_store_run_async (store, sync_skills_work, g_ptr_array_ref (skills),
                              (GDestroyNotify)g_ptr_array_unref, NULL,
                              self->cancellable, background_done_cb, NULL);
  }
}

static gboolean
start_background_checks_cb (gpointer data)
{
  SteadyWindow *self = data;

  if (self->checks_pending)
    start_background_checks (self);

  return G_SOURCE_REMOVE;
}

static void
show_places (SteadyWindow *self)
{
  SteadyStore *store = steady_application_get_store (get_app (self));

  g_assert (store != NULL);

  g_set_object (&self->store, store);
  apply_store (self);

  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "places");

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_background_checks (self);
  else
    self->checks_pending = TRUE;
}

static void
show_store_state (SteadyWindow *self)
{
  SteadyApplication *app = get_app (self);

  if (steady_application_get_store (app) != NULL)
    show_places (self);
  else
    show_error (self, steady_application_get_store_error (app));
}

static void
retry_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  steady_application_reopen_store (get_app (self));
  show_store_state (self);
}

static void
restore_newest_backup_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  g_autofree char *path = steady_store_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  if (self->newest_backup == NULL)
    return;

  /* The store is not open here, so there is no worker to wait on: the
   * copy is one backup file and quick. */
  if (steady_application_get_store (get_app (self)) != NULL)
    steady_store_close (steady_application_get_store (get_app (self)));
  if (!steady_store_replace_with_backup (path, self->newest_backup, now, &error))
    {
      g_message ("Restore failed: %s", error->message);
      steady_window_add_toast (self, error->message);
      return;
    }

  if (steady_application_reopen_store (get_app (self)))
    steady_window_add_toast (self, _("Your newest backup was restored"));
  show_store_state (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
open_lesson_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  build_page (self, "lessons");
  if (steady_lessons_page_open_lesson (self->lessons_page, g_variant_get_string (parameter, NULL)))
    adw_view_stack_set_visible_child_name (self->view_stack, "lessons");
}

static void
new_checkin_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  build_page (self, "journal");
  steady_journal_page_open_editor (self->journal_page, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  /* Each page that can search takes Ctrl+F while it shows. */
  if (g_strcmp0 (page, "lessons") == 0)
    steady_lessons_page_focus_search (self->lessons_page);
  else if (g_strcmp0 (page, "journal") == 0)
    steady_journal_page_focus_search (self->journal_page);
  else if (g_strcmp0 (page, "calendar") == 0)
    steady_calendar_page_focus_search (self->calendar_page);
}

static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SteadyWindow *self = STEADY_WINDOW (widget);
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  /* Built on first use: GtkApplication would build it with the window,
   * before the first frame. Once set, the window has its own
   * "show-help-overlay" action, which this one hands over to. */
  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_PATH "/gui/steady-shortcuts-window.ui");
      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }

  g_action_group_activate_action (G_ACTION_GROUP (self), "show-help-overlay", NULL);
}

static void
visible_page_changed_cb (SteadyWindow *self)
{
  build_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
save_window_state (SteadyWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static gboolean
steady_window_close_request (GtkWindow *window)
{
  save_window_state (STEADY_WINDOW (window));

  return GTK_WINDOW_CLASS (steady_window_parent_class)->close_request (window);
}

static void
steady_window_map (GtkWidget *widget)
{
  SteadyWindow *self = STEADY_WINDOW (widget);

  GTK_WIDGET_CLASS (steady_window_parent_class)->map (widget);

  /* The full check reads the whole file: start it once the first frame
   * is on its way, not before the window appears. */
  if (self->checks_pending)
    g_idle_add_full (G_PRIORITY_LOW, start_background_checks_cb,
                     g_object_ref (self), g_object_unref);
}

static void
steady_window_dispose (GObject *object)
{
  SteadyWindow *self = (SteadyWindow *)object;

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_WINDOW);
  self->calendar_page = NULL;
  self->journal_page = NULL;
  self->lessons_page = NULL;

  G_OBJECT_CLASS (steady_window_parent_class)->dispose (object);
}

static void
steady_window_finalize (GObject *object)
{
  SteadyWindow *self = (SteadyWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->newest_backup, g_free);

  G_OBJECT_CLASS (steady_window_parent_class)->finalize (object);
}

static void
steady_window_class_init (SteadyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  static const char *pages[] = { "today", "calendar", "journal", "lessons" };

  object_class->dispose = steady_window_dispose;

  g_type_ensure (STEADY_TYPE_TODAY_PAGE);
  object_class->finalize = steady_window_finalize;

  widget_class->map = steady_window_map;
  window_class->close_request = steady_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/steady-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, error_path_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, today_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, calendar_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, SteadyWindow, lessons_bin);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.retry-open", NULL, retry_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-lesson", "s", open_lesson_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-checkin", NULL, new_checkin_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-checkin", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.restore-newest-backup", NULL,
                                   restore_newest_backup_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", pages[i]);
}

/* The bottom switcher is only shown on narrow windows: its buttons are
 * made the first time it is, not for every window's first frame. */
static void
title_visible_cb (SteadyWindow *self)
{
  if (!adw_view_switcher_title_get_title_visible (self->switcher_title))
    return;

  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  g_signal_handlers_disconnect_by_func (self->switcher_title, title_visible_cb, self);
}

static void
steady_window_init (SteadyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  title_visible_cb (self);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

SteadyWindow *
steady_window_new (SteadyApplication *application)
{
  SteadyWindow *self;

  g_return_val_if_fail (STEADY_IS_APPLICATION (application), NULL);

  self = g_object_new (STEADY_TYPE_WINDOW,
                       "application", application,
                       NULL);
  show_store_state (self);

  return self;
}

/**
 * steady_window_get_visible_page:
 *
 * Returns: (transfer none): "error" when the error page shows, else the
 *   name of the visible place
 */
const char *
steady_window_get_visible_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  if (steady_window_is_showing_error (self))
    return "error";

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

gboolean
steady_window_is_showing_error (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") == 0;
}

void
steady_window_add_toast (SteadyWindow *self,
                         const char   *title)
{
  AdwToast *toast;

  g_return_if_fail (STEADY_IS_WINDOW (self));

  toast = adw_toast_new (title);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * steady_window_get_lessons_page:
 *
 * Builds the page if it was not shown yet.
 *
 * Returns: (transfer none): the Lessons page
 */
SteadyLessonsPage *
steady_window_get_lessons_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  build_page (self, "lessons");

  return self->lessons_page;
}

/**
 * steady_window_get_journal_page:
 *
 * Builds the page if it was not shown yet.
 *
 * Returns: (transfer none): the Journal page
 */
SteadyJournalPage *
steady_window_get_journal_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  build_page (self, "journal");

  return self->journal_page;
}

/**
 * steady_window_get_calendar_page:
 *
 * Builds the page if it was not shown yet.
 *
 * Returns: (transfer none): the Calendar page
 */
SteadyCalendarPage *
steady_window_get_calendar_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  build_page (self, "calendar");

  return self->calendar_page;
}

/**
 * steady_window_get_today_page:
 *
 * Returns: (transfer none): the Today page
 */
SteadyTodayPage *
steady_window_get_today_page (SteadyWindow *self)
{
  g_return_val_if_fail (STEADY_IS_WINDOW (self), NULL);

  return self->today_page;
}
