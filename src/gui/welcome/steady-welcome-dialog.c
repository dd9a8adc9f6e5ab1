/* steady-welcome-dialog.c: a calm first start
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-reminders-switch.h"
#include "steady-sobriety.h"
#include "steady-time-row.h"
#include "steady-welcome-dialog.h"

struct _SteadyWelcomeDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwCarousel  *carousel;
  GtkWidget    *back_button;
  GtkWidget    *skip_button;
  GtkWidget    *next_button;
  GtkCalendar  *calendar;
  GtkListBox   *reminders_list;
  GtkLabel     *reminders_status;

  /* Built in code */
  GtkWidget    *time_row;

  /* Owned */
  SteadyStore  *store;
  GSettings    *settings;
  GCancellable *cancellable;
  guint         index;
  gboolean      restoring;
};

G_DEFINE_FINAL_TYPE (SteadyWelcomeDialog, steady_welcome_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Kept here, not read from the carousel: its position only settles once
 * it has been laid out again. */
static guint
current_index (SteadyWelcomeDialog *self)
{
  return self->index;
}

static guint
n_pages (SteadyWelcomeDialog *self)
{
  return adw_carousel_get_n_pages (self->carousel);
}

static void
state_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (error != NULL)
    g_message ("Could not remember the welcome's place: %s", error->message);
}

typedef struct
{
  char *key;
  char *value;
} StateWrite;

static void
state_write_free (StateWrite *write)
{
  g_free (write->key);
  g_free (write->value);
  g_free (write);
}

static gboolean
state_work (SteadyStore  *store,
            gpointer      data,
            gpointer     *result,
            GError      **error)
{
  StateWrite *write = data;

  return steady_store_set_state (store, write->key, write->value, error);
}

static void
remember (SteadyWelcomeDialog *self,
          const char          *key,
          const char          *value)
{
  StateWrite *write;

  if (self->store == NULL)
    return;

  write = g_new0 (StateWrite, 1);
  write->key = g_strdup (key);
  write->value = g_strdup (value);
  steady_store_run_async (self->store, state_work, write, (GDestroyNotify)state_write_free, NULL,
                          NULL, state_done_cb, NULL);
}

static void
update_buttons (SteadyWelcomeDialog *self)
{
  guint index = current_index (self);
  gboolean last = index + 1 >= n_pages (self);

  gtk_widget_set_sensitive (self->back_button, index > 0);
  gtk_widget_set_visible (self->skip_button, !last);
  gtk_button_set_label (GTK_BUTTON (self->next_button), last ? _("_Start") : _("_Next"));
}

static void
set_index (SteadyWelcomeDialog *self,
           guint                index)
{
  GtkWidget *page = adw_carousel_get_nth_page (self->carousel, index);

  if (self->index == index)
    return;

  self->index = index;
  update_buttons (self);

  /* Quitting halfway comes back to this page next time. */
  if (!self->restoring)
    remember (self, STEADY_WELCOME_PAGE_KEY, gtk_widget_get_name (page));
}

static void
page_changed_cb (SteadyWelcomeDialog *self,
                 guint                index)
{
  /* A swipe or a key press in the carousel itself. */
  set_index (self, index);
}

static void
finish (SteadyWelcomeDialog *self)
{
  remember (self, STEADY_WELCOME_DONE_KEY, "yes");
  remember (self, STEADY_WELCOME_PAGE_KEY, NULL);

  /* Land on Today, where the first check-in is one click away. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "today");
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
go_to (SteadyWelcomeDialog *self,
       guint                index)
{
  /* No slide: the next page simply appears, calmly and at once. */
  adw_carousel_scroll_to (self->carousel, adw_carousel_get_nth_page (self->carousel, index), FALSE);
  set_index (self, index);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWelcomeDialog *self = STEADY_WELCOME_DIALOG (widget);
  guint index = current_index (self);

  if (index + 1 >= n_pages (self))
    finish (self);
  else
    go_to (self, index + 1);
}

static void
skip_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  /* Everything in the welcome can be done later; the defaults are calm
   * (no reminders, nothing counted). */
  finish (STEADY_WELCOME_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyWelcomeDialog *self = STEADY_WELCOME_DIALOG (widget);
  guint index = current_index (self);

  if (index > 0)
    go_to (self, index - 1);
}

static void
sober_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SteadyWelcomeDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_sobriety_set_start_finish (STEADY_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not set the sober-days date: %s", error->message);
      return;
    }

  next_action (GTK_WIDGET (self), NULL, NULL);
}

static void
set_sober_start_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SteadyWelcomeDialog *self = STEADY_WELCOME_DIALOG (widget);
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate start;

  if (self->store == NULL || g_date_time_compare (day, now) > 0)
    return;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  steady_sobriety_set_start_async (self->store, &start, self->cancellable,
                                   sober_done_cb, g_object_ref (self));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  /* The Calendar does the import; the welcome carries on behind it. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "calendar");
  gtk_widget_activate_action (widget, "win.calendar-import", NULL);
  next_action (widget, NULL, NULL);
}

static void
add_sessions_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SteadyWelcomeDialog *self = STEADY_WELCOME_DIALOG (widget);

  remember (self, STEADY_WELCOME_DONE_KEY, "yes");
  remember (self, STEADY_WELCOME_PAGE_KEY, NULL);
  gtk_widget_activate_action (widget, "win.show-page", "s", "calendar");
  gtk_widget_activate_action (widget, "win.calendar-new-session", NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
reminders_status_cb (SteadyRemindersSwitch *row,
                     const char            *title,
                     const char            *subtitle,
                     SteadyWelcomeDialog   *self)
{
  g_autofree char *text = NULL;

  if (title != NULL)
    text = subtitle != NULL ? g_strdup_printf ("%s. %s", title, subtitle) : g_strdup (title);
  gtk_label_set_label (self->reminders_status, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reminders_status), text != NULL);
}

/* The same rows as in Preferences: turning reminders on asks then, and
 * only then, whether Steady may run in the background. */
static void
build_reminders (SteadyWelcomeDialog *self)
{
  GtkWidget *row = steady_reminders_switch_new (self->settings);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Sessions, and a daily check-in"));
  g_signal_connect_object (row, "status", G_CALLBACK (reminders_status_cb), self, 0);
  gtk_list_box_append (self->reminders_list, row);

  self->time_row = steady_time_row_new (self->settings, "checkin-time", _("Check-In Time"),
                                        _("Check-in time, hour"), _("Check-in time, minutes"));
  g_settings_bind (self->settings, "reminders-enabled", self->time_row, "sensitive", G_SETTINGS_BIND_GET);
  gtk_list_box_append (self->reminders_list, self->time_row);
}

static void
restore_page (SteadyWelcomeDialog *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  name = steady_store_get_state (self->store, STEADY_WELCOME_PAGE_KEY);
  if (name == NULL)
    return;

  for (guint i = 0; i < n_pages (self); i++)
    {
      GtkWidget *page = adw_carousel_get_nth_page (self->carousel, i);

      if (g_strcmp0 (gtk_widget_get_name (page), name) == 0)
        {
          self->restoring = TRUE;
          go_to (self, i);
          self->restoring = FALSE;
          break;
        }
    }
}

static void
steady_welcome_dialog_constructed (GObject *object)
{
  SteadyWelcomeDialog *self = (SteadyWelcomeDialog *)object;

  G_OBJECT_CLASS (steady_welcome_dialog_parent_class)->constructed (object);

  restore_page (self);
  update_buttons (self);

  /* Enter goes on to the next page; Skip is one Tab away. */
  gtk_window_set_focus (GTK_WINDOW (self), self->next_button);
}

static void
steady_welcome_dialog_dispose (GObject *object)
{
  SteadyWelcomeDialog *self = (SteadyWelcomeDialog *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (steady_welcome_dialog_parent_class)->dispose (object);
}

static void
steady_welcome_dialog_finalize (GObject *object)
{
  SteadyWelcomeDialog *self = (SteadyWelcomeDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (steady_welcome_dialog_parent_class)->finalize (object);
}

static void
steady_welcome_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadyWelcomeDialog *self = STEADY_WELCOME_DIALOG (object);

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
steady_welcome_dialog_class_init (SteadyWelcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_welcome_dialog_constructed;
  object_class->dispose = steady_welcome_dialog_dispose;
  object_class->finalize = steady_welcome_dialog_finalize;
  object_class->set_property = steady_welcome_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/welcome/steady-welcome-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, carousel);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyWelcomeDialog, reminders_status);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "welcome.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "welcome.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "welcome.skip", NULL, skip_all_action);
  gtk_widget_class_install_action (widget_class, "welcome.set-sober-start", NULL, set_sober_start_action);
  gtk_widget_class_install_action (widget_class, "welcome.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "welcome.add-sessions", NULL, add_sessions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "welcome.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "welcome.back", NULL);
}

static void
steady_welcome_dialog_init (SteadyWelcomeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  build_reminders (self);
}

/**
 * steady_welcome_dialog_new:
 * @store: (nullable): where its progress and choices are kept
 *
 * Returns: (transfer floating): the welcome
 */
GtkWidget *
steady_welcome_dialog_new (SteadyStore *store)
{
  return g_object_new (STEADY_TYPE_WELCOME_DIALOG, "store", store, NULL);
}

/**
 * steady_welcome_dialog_should_show:
 *
 * Returns: whether this is a first start (no welcome finished yet)
 */
gboolean
steady_welcome_dialog_should_show (SteadyStore *store)
{
  g_autofree char *done = NULL;

  if (store == NULL)
    return FALSE;

  done = steady_store_get_state (store, STEADY_WELCOME_DONE_KEY);

  return done == NULL;
}

/**
 * steady_welcome_dialog_get_page:
 *
 * Returns: (transfer none): the name of the page shown
 */
const char *
steady_welcome_dialog_get_page (SteadyWelcomeDialog *self)
{
  g_return_val_if_fail (STEADY_IS_WELCOME_DIALOG (self), NULL);

  return gtk_widget_get_name (adw_carousel_get_nth_page (self->carousel, current_index (self)));
}

/**
 * steady_welcome_dialog_get_time_row:
 *
 * Returns: (transfer none): the check-in time's row
 */
SteadyTimeRow *
steady_welcome_dialog_get_time_row (SteadyWelcomeDialog *self)
{
  g_return_val_if_fail (STEADY_IS_WELCOME_DIALOG (self), NULL);

  return STEADY_TIME_ROW (self->time_row);
}

/**
 * steady_welcome_dialog_get_calendar:
 *
 * Returns: (transfer none): the sober-days calendar
 */
GtkCalendar *
steady_welcome_dialog_get_calendar (SteadyWelcomeDialog *self)
{
  g_return_val_if_fail (STEADY_IS_WELCOME_DIALOG (self), NULL);

  return self->calendar;
}
