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
#include "steady-preferences-window.h"

struct _SteadyPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwActionRow         *location_row;
  AdwPreferencesGroup  *backups_group;
  GtkListBox           *backups_list;

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
steady_preferences_window_constructed (GObject *object)
{
  SteadyPreferencesWindow *self = (SteadyPreferencesWindow *)object;
  g_autofree char *path = NULL;

  G_OBJECT_CLASS (steady_preferences_window_parent_class)->constructed (object);

  path = self->store ? g_strdup (steady_store_get_path (self->store)) : steady_store_default_path ();
  adw_action_row_set_subtitle (self->location_row, path);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup-now", self->store != NULL);

  reload_backups (self);
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
}

static void
steady_preferences_window_init (SteadyPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
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
