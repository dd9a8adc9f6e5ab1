/* steady-reminder-service.c: reminders while the window is closed
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "steady-reminder-service.h"

/**
 * SteadyReminderService:
 *
 * Runs the planner and shows what is due: when started, every minute
 * (reading the wall clock afresh each time, so that a suspend, a resume
 * or a clock change is caught), whenever the store or the settings
 * change, and when the time zone changes (org.freedesktop.timedate1 on
 * the system bus, when there is one).
 *
 * A run plans, claims each due reminder in the fired table and records
 * the time of the run (%STEADY_REMINDER_SERVICE_LAST_RUN_KEY), all in one
 * job on the store's worker; back on the main context only the claimed
 * reminders are shown. Runs never overlap: a run asked for during
 * another follows it.
 *
 * The notifier's Open activates the reminder's action on the
 * application ("app.new-checkin" becomes "new-checkin"); Snooze puts the
 * reminder off by %STEADY_REMINDER_SNOOZE_MINUTES.
 *
 * No GTK here: the service needs only a #GApplication.
 */
struct _SteadyReminderService
{
  GObject              parent_instance;

  /* Owned */
  SteadyStore         *store;
  GSettings           *settings;
  SteadyNotifier      *notifier;
  GCancellable        *cancellable;
  GDateTime           *last_run;
  GDateTime           *wakeup;        /* when wakeup_id fires, by the clock */
  GTimeZone           *zone;
  SteadyReminderClock  clock;
  gpointer             clock_data;
  GDestroyNotify       clock_destroy;
  GDBusConnection     *system_bus;
  GWeakRef            *zone_watch;

  /* Not owned */
  GApplication        *application;   /* weak pointer */

  gulong               store_changed_id;
  gulong               settings_changed_id;
  gulong               action_id;
  guint                timeout_id;
  guint                wakeup_id;
  guint                timedate_id;
  guint                pending;
  gboolean             running;
  gboolean             rerun;
};

G_DEFINE_FINAL_TYPE (SteadyReminderService, steady_reminder_service, G_TYPE_OBJECT)

enum {
  SHOWN,
  RUN_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  SteadyReminderSettings  settings;
  GDateTime              *now;
  GDateTime              *last_run;
} PlanJob;

typedef struct
{
  GPtrArray *claimed;
  GDateTime *now;
  GDateTime *next_wakeup;
} PlanResult;

static void
plan_job_free (gpointer data)
{
  PlanJob *job = data;

  g_clear_pointer (&job->settings.zone, g_time_zone_unref);
  g_clear_pointer (&job->now, g_date_time_unref);
  g_clear_pointer (&job->last_run, g_date_time_unref);
  g_free (job);
}

static void
plan_result_free (gpointer data)
{
  PlanResult *result = data;

  g_clear_pointer (&result->claimed, g_ptr_array_unref);
  g_clear_pointer (&result->now, g_date_time_unref);
  g_clear_pointer (&result->next_wakeup, g_date_time_unref);
  g_free (result);
}

static gboolean
parse_time (const char *text,
            guint      *out_hour,
            guint      *out_minute)
{
  guint hour, minute;
  char end;

  if (text == NULL || sscanf (text, "%u:%u%c", &hour, &minute, &end) != 2 ||
      hour > 23 || minute > 59)
    return FALSE;

  *out_hour = hour;
  *out_minute = minute;
  return TRUE;
}

/**
 * steady_reminder_service_read_settings:
 * @settings: the application's #GSettings
 * @out_settings: (out caller-allocates): what the planner needs
 *
 * Fills @out_settings from the application's settings; unreadable times
 * keep the planner's defaults. The zone is left %NULL.
 */
void
steady_reminder_service_read_settings (GSettings              *settings,
                                       SteadyReminderSettings *out_settings)
{
  g_autoptr(GVariant) leads = NULL;
  g_autofree char *checkin = NULL;
  g_autofree char *quiet_start = NULL;
  g_autofree char *quiet_end = NULL;
  guint lead[STEADY_REMINDER_MAX_LEADS] = { 0, };
  gsize n_leads = 0;
  const gint32 *values;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (out_settings != NULL);

  steady_reminder_settings_init (out_settings);

  out_settings->enabled = g_settings_get_boolean (settings, "reminders-enabled");
  out_settings->discreet = g_settings_get_boolean (settings, "reminders-discreet");
  out_settings->checkin_enabled = g_settings_get_boolean (settings, "checkin-reminder");
  out_settings->reflection_enabled = g_settings_get_boolean (settings, "reflection-reminder");
  out_settings->practice_enabled = g_settings_get_boolean (settings, "practice-reminder");
  out_settings->nudge_days = g_settings_get_uint (settings, "nudge-days");
  out_settings->checkup_enabled = g_settings_get_boolean (settings, "checkup-reminder");
  out_settings->prompts_enabled = g_settings_get_boolean (settings, "craving-prompts");
  out_settings->quiet_enabled = g_settings_get_boolean (settings, "quiet-hours");

  checkin = g_settings_get_string (settings, "checkin-time");
  parse_time (checkin, &out_settings->checkin_hour, &out_settings->checkin_minute);
  quiet_start = g_settings_get_string (settings, "quiet-start");
  parse_time (quiet_start, &out_settings->quiet_start_hour, &out_settings->quiet_start_minute);
  quiet_end = g_settings_get_string (settings, "quiet-end");
  parse_time (quiet_end, &out_settings->quiet_end_hour, &out_settings->quiet_end_minute);

  /* The same lead times for every kind of session, for now. */
  leads = g_settings_get_value (settings, "session-leads");
  values = g_variant_get_fixed_array (leads, &n_leads, sizeof (gint32));
  for (gsize i = 0, j = 0; i < n_leads && j < STEADY_REMINDER_MAX_LEADS; i++)
    {
      if (values[i] > 0 && values[i] <= STEADY_REMINDER_MAX_LEAD_MINUTES)
        lead[j++] = (guint)values[i];
    }
  for (guint kind = 0; kind <= STEADY_SESSION_KIND_LAST; kind++)
    steady_reminder_settings_set_leads (out_settings, kind, lead[0], lead[1], lead[2]);
}

static GDateTime *
get_now (SteadyReminderService *self)
{
  if (self->clock != NULL)
    return self->clock (self->clock_data);

  return g_date_time_new_now_utc ();
}

static void run (SteadyReminderService *self);

static void
finish_pending (SteadyReminderService *self)
{
  g_assert (self->pending > 0);

  if (--self->pending > 0)
    return;

  g_signal_emit (self, signals[RUN_FINISHED], 0);

  if (self->rerun && self->running)
    {
      self->rerun = FALSE;
      run (self);
    }
}

typedef struct
{
  SteadyReminderService *self;
  SteadyReminder        *reminder;
} ShowData;

static void
show_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ShowData *data = user_data;
  g_autoptr(SteadyReminderService) self = data->self;
  g_autoptr(SteadyReminder) reminder = data->reminder;
  g_autoptr(GError) error = NULL;

  g_free (data);

  /* The notifier logs what went wrong. */
  if (steady_notifier_show_finish (STEADY_NOTIFIER (object), result, &error))
    g_signal_emit (self, signals[SHOWN], 0, reminder);

  finish_pending (self);
}

static void
show (SteadyReminderService *self,
      SteadyReminder        *reminder)
{
  ShowData *data;

  g_debug ("Showing reminder %s", steady_reminder_get_key (reminder));

  data = g_new0 (ShowData, 1);

  data->self = g_object_ref (self);
  data->reminder = g_object_ref (reminder);
  self->pending++;
  steady_notifier_show_async (self->notifier, reminder, self->cancellable, show_cb, data);
}

static gboolean
plan_work (SteadyStore  *store,
           gpointer      data,
           gpointer     *result,
           GError      **error)
{
  PlanJob *job = data;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) next_wakeup = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now_text = NULL;
  PlanResult *plan;

  if (!steady_reminder_plan (store, &job->settings, job->now, job->last_run,
                             &due, &next_wakeup, error))
    return FALSE;

  plan = g_new0 (PlanResult, 1);
  plan->claimed = g_ptr_array_new_with_free_func (g_object_unref);
  plan->now = g_date_time_ref (job->now);
  plan->next_wakeup = g_steal_pointer (&next_wakeup);

  /* Claim each one: a reminder another run (or process) already showed
   * stays unclaimed and is not shown again. */
  for (guint i = 0; i < due->len; i++)
    {
      SteadyReminder *reminder = g_ptr_array_index (due, i);
      gboolean claimed = FALSE;

      if (!steady_reminder_mark_fired (store, reminder, job->now, &claimed, &local_error))
        {
          g_message ("Could not mark reminder %s: %s",
                     steady_reminder_get_key (reminder), local_error->message);
          g_clear_error (&local_error);
          continue;
        }

      if (claimed)
        g_ptr_array_add (plan->claimed, g_object_ref (reminder));
    }

  now_text = g_date_time_format_iso8601 (job->now);
  if (!steady_store_set_state (store, STEADY_REMINDER_SERVICE_LAST_RUN_KEY, now_text, &local_error))
    g_message ("Could not record the reminders' last run: %s", local_error->message);

  *result = plan;
  return TRUE;
}

static gboolean wakeup_cb (gpointer user_data);

/* The minute's tick catches everything (also after a suspend or a clock
 * change); a reminder due before the next tick gets a timer of its own,
 * so that 20:00 means 20:00 and not up to a minute later. */
static void
schedule_wakeup (SteadyReminderService *self,
                 GDateTime             *now,
                 GDateTime             *next_wakeup)
{
  GTimeSpan delta;

  g_clear_handle_id (&self->wakeup_id, g_source_remove);
  g_clear_pointer (&self->wakeup, g_date_time_unref);
  if (!self->running || next_wakeup == NULL)
    return;

  delta = g_date_time_difference (next_wakeup, now);
  if (delta <= 0 || delta >= 60 * G_TIME_SPAN_SECOND)
    return;

  self->wakeup = g_date_time_ref (next_wakeup);
  self->wakeup_id = g_timeout_add ((guint)(delta / 1000) + 1, wakeup_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->wakeup_id),
                            "[steady] next reminder");
}

static void
plan_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SteadyReminderService) self = user_data;
  g_autoptr(GError) error = NULL;
  PlanResult *plan;

  plan = steady_store_run_finish (STEADY_STORE (object), result, &error);
  if (plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not plan reminders: %s", error->message);
      finish_pending (self);
      return;
    }

  g_clear_pointer (&self->last_run, g_date_time_unref);
  self->last_run = g_date_time_ref (plan->now);

  if (self->running)
    {
      for (guint i = 0; i < plan->claimed->len; i++)
        show (self, g_ptr_array_index (plan->claimed, i));
    }
  schedule_wakeup (self, plan->now, plan->next_wakeup);

  plan_result_free (plan);
  finish_pending (self);
}

static void
run (SteadyReminderService *self)
{
  PlanJob *job;

  if (!self->running)
    return;

  if (self->pending > 0)
    {
      self->rerun = TRUE;
      return;
    }

  job = g_new0 (PlanJob, 1);
  steady_reminder_service_read_settings (self->settings, &job->settings);
  job->settings.zone = self->zone != NULL ? g_time_zone_ref (self->zone) : NULL;
  job->now = get_now (self);
  job->last_run = self->last_run != NULL ? g_date_time_ref (self->last_run) : NULL;

  self->pending++;
  steady_store_run_async (self->store, plan_work, job, plan_job_free, plan_result_free,
                          self->cancellable, plan_cb, g_object_ref (self));
}

static gboolean
tick_cb (gpointer user_data)
{
  run (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
wakeup_cb (gpointer user_data)
{
  SteadyReminderService *self = user_data;

  self->wakeup_id = 0;
  g_clear_pointer (&self->wakeup, g_date_time_unref);
  run (self);

  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (SteadyStore           *store,
                  const char            *what,
                  SteadyReminderService *self)
{
  run (self);
}

static void
settings_changed_cb (GSettings             *settings,
                     const char            *key,
                     SteadyReminderService *self)
{
  run (self);
}

static void
snooze_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SteadyReminderService) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_reminder_snooze_finish (STEADY_STORE (object), result, &error))
    g_message ("Could not snooze a reminder: %s", error->message);
}

/**
 * steady_reminder_service_activate:
 * @self: a service
 * @reminder: a reminder
 *
 * Opens what @reminder is about: activates its action on the
 * application, or the Today page when the application lacks it.
 */
void
steady_reminder_service_activate (SteadyReminderService *self,
                                  SteadyReminder        *reminder)
{
  const char *name = steady_reminder_get_action_name (reminder);
  GVariant *target = steady_reminder_get_action_target (reminder);
  GActionGroup *group;

  g_return_if_fail (STEADY_IS_REMINDER_SERVICE (self));
  g_return_if_fail (STEADY_IS_REMINDER (reminder));

  if (self->application == NULL)
    return;

  group = G_ACTION_GROUP (self->application);

  if (name != NULL && g_str_has_prefix (name, "app."))
    name += strlen ("app.");

  if (name != NULL && g_action_group_has_action (group, name))
    {
      const GVariantType *type = g_action_group_get_action_parameter_type (group, name);

      if ((type == NULL && target == NULL) ||
          (type != NULL && target != NULL && g_variant_is_of_type (target, type)))
        {
          g_action_group_activate_action (group, name, target);
          return;
        }
    }

  g_message ("Reminder %s: no action %s, opening Today",
             steady_reminder_get_key (reminder), name ? name : "(none)");
  if (g_action_group_has_action (group, "open-today"))
    g_action_group_activate_action (group, "open-today", NULL);
}

static void
notifier_action_cb (SteadyNotifier        *notifier,
                    SteadyReminder        *reminder,
                    const char            *action,
                    SteadyReminderService *self)
{
  if (g_strcmp0 (action, STEADY_NOTIFIER_ACTION_OPEN) == 0)
    {
      steady_reminder_service_activate (self, reminder);
    }
  else if (g_strcmp0 (action, STEADY_NOTIFIER_ACTION_SNOOZE) == 0)
    {
      g_autoptr(GDateTime) now = get_now (self);

      steady_reminder_snooze_async (self->store, reminder, STEADY_REMINDER_SNOOZE_MINUTES,
                                    now, NULL, snooze_cb, g_object_ref (self));
    }
}

/* The time zone: org.freedesktop.timedate1 */

static void
timedate_changed_cb (GDBusConnection *bus,
                     const char      *sender_name,
                     const char      *object_path,
                     const char      *interface_name,
                     const char      *signal_name,
                     GVariant        *parameters,
                     gpointer         user_data)
{
  SteadyReminderService *self = user_data;
  g_autoptr(GVariant) changed = NULL;
  const char *interface = NULL;
  const char *tzid = NULL;

  g_variant_get (parameters, "(&s@a{sv}@as)", &interface, &changed, NULL);
  if (g_strcmp0 (interface, "org.freedesktop.timedate1") != 0 ||
      !g_variant_lookup (changed, "Timezone", "&s", &tzid))
    return;

  g_debug ("The time zone is now %s", tzid);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = g_time_zone_new_identifier (tzid);
  run (self);
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SteadyReminderService) self = g_weak_ref_get (weak);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_finish (result, &error);

  if (self == NULL || self->zone_watch != weak)
    {
      g_weak_ref_clear (weak);
      g_free (weak);
      return;
    }

  g_weak_ref_clear (weak);
  g_free (weak);
  self->zone_watch = NULL;

  if (bus == NULL)
    {
      /* No system bus (a container, a test): no zone changes then. */
      g_debug ("No system bus: %s", error->message);
      return;
    }

  if (!self->running)
    return;

  self->system_bus = g_steal_pointer (&bus);
  self->timedate_id =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.timedate1",
                                        "org.freedesktop.DBus.Properties", "PropertiesChanged",
                                        "/org/freedesktop/timedate1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        timedate_changed_cb, self, NULL);
}

static void
watch_zone (SteadyReminderService *self)
{
  if (g_getenv ("STEADY_NO_SYSTEM_BUS") != NULL)
    return;

  self->zone_watch = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self->zone_watch, self);
  g_bus_get (G_BUS_TYPE_SYSTEM, NULL, system_bus_cb, self->zone_watch);
}

static void
unwatch_zone (SteadyReminderService *self)
{
  /* A pending g_bus_get() finds zone_watch changed and lets go. */
  self->zone_watch = NULL;

  if (self->timedate_id != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->timedate_id);
  self->timedate_id = 0;
  g_clear_object (&self->system_bus);
}

/**
 * steady_reminder_service_start:
 * @self: a service
 *
 * Runs now, then every minute and on changes, until stopped.
 */
void
steady_reminder_service_start (SteadyReminderService *self)
{
  g_autofree char *last_run = NULL;

  g_return_if_fail (STEADY_IS_REMINDER_SERVICE (self));

  if (self->running)
    return;

  self->running = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  last_run = steady_store_get_state (self->store, STEADY_REMINDER_SERVICE_LAST_RUN_KEY);
  g_clear_pointer (&self->last_run, g_date_time_unref);
  if (last_run != NULL)
    self->last_run = g_date_time_new_from_iso8601 (last_run, NULL);

  self->store_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (store_changed_cb), self);
  self->settings_changed_id = g_signal_connect (self->settings, "changed",
                                                G_CALLBACK (settings_changed_cb), self);
  self->timeout_id = g_timeout_add_seconds (60, tick_cb, self);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->timeout_id),
                            "[steady] reminders");
  watch_zone (self);

  run (self);
}

/**
 * steady_reminder_service_stop:
 * @self: a service
 *
 * Stops planning; a run under way finishes without showing anything.
 */
void
steady_reminder_service_stop (SteadyReminderService *self)
{
  g_return_if_fail (STEADY_IS_REMINDER_SERVICE (self));

  if (!self->running)
    return;

  self->running = FALSE;
  self->rerun = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_signal_handler (&self->settings_changed_id, self->settings);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->wakeup_id, g_source_remove);
  g_clear_pointer (&self->wakeup, g_date_time_unref);
  unwatch_zone (self);
}

gboolean
steady_reminder_service_is_running (SteadyReminderService *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SERVICE (self), FALSE);

  return self->running;
}

/**
 * steady_reminder_service_run_now:
 * @self: a started service
 *
 * Plans now, as the minute's tick would (or right after the run under
 * way). SteadyReminderService::run-finished follows.
 */
void
steady_reminder_service_run_now (SteadyReminderService *self)
{
  g_return_if_fail (STEADY_IS_REMINDER_SERVICE (self));

  run (self);
}

/**
 * steady_reminder_service_get_wakeup:
 *
 * Returns: (transfer none) (nullable): when a timer of its own will run
 *   the planner again, for a reminder due before the next minute's tick;
 *   %NULL when there is none
 */
GDateTime *
steady_reminder_service_get_wakeup (SteadyReminderService *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SERVICE (self), NULL);

  return self->wakeup;
}

/**
 * steady_reminder_service_is_busy:
 *
 * Returns: %TRUE while a run or a show is under way
 */
gboolean
steady_reminder_service_is_busy (SteadyReminderService *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SERVICE (self), FALSE);

  return self->pending > 0;
}

/**
 * steady_reminder_service_set_clock:
 * @self: a service
 * @clock: (nullable): the clock, or %NULL for the wall clock
 * @user_data: data for @clock
 * @destroy: (nullable): frees @user_data
 *
 * For tests: a fixed or a moving clock.
 */
void
steady_reminder_service_set_clock (SteadyReminderService *self,
                                   SteadyReminderClock    clock,
                                   gpointer               user_data,
                                   GDestroyNotify         destroy)
{
  g_return_if_fail (STEADY_IS_REMINDER_SERVICE (self));

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);

  self->clock = clock;
  self->clock_data = user_data;
  self->clock_destroy = destroy;
}

/**
 * steady_reminder_service_get_notifier:
 *
 * Returns: (transfer none): the notifier
 */
SteadyNotifier *
steady_reminder_service_get_notifier (SteadyReminderService *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SERVICE (self), NULL);

  return self->notifier;
}

/**
 * steady_reminder_service_get_store:
 *
 * Returns: (transfer none): the store
 */
SteadyStore *
steady_reminder_service_get_store (SteadyReminderService *self)
{
  g_return_val_if_fail (STEADY_IS_REMINDER_SERVICE (self), NULL);

  return self->store;
}

static void
steady_reminder_service_dispose (GObject *object)
{
  SteadyReminderService *self = (SteadyReminderService *)object;

  steady_reminder_service_stop (self);

  if (self->notifier != NULL)
    g_clear_signal_handler (&self->action_id, self->notifier);
  g_clear_object (&self->notifier);

  if (self->application != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
  self->application = NULL;

  G_OBJECT_CLASS (steady_reminder_service_parent_class)->dispose (object);
}

static void
steady_reminder_service_finalize (GObject *object)
{
  SteadyReminderService *self = (SteadyReminderService *)object;

  steady_reminder_service_set_clock (self, NULL, NULL, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->last_run, g_date_time_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  G_OBJECT_CLASS (steady_reminder_service_parent_class)->finalize (object);
}

static void
steady_reminder_service_class_init (SteadyReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_reminder_service_dispose;
  object_class->finalize = steady_reminder_service_finalize;

  /**
   * SteadyReminderService::shown:
   * @self: the service
   * @reminder: the reminder the notification server took
   */
  signals[SHOWN] =
    g_signal_new ("shown",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEADY_TYPE_REMINDER);

  /**
   * SteadyReminderService::run-finished:
   * @self: the service
   *
   * A run and the shows it started are over.
   */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
steady_reminder_service_init (SteadyReminderService *self)
{
}

/**
 * steady_reminder_service_new:
 * @application: (nullable): where Open sends the reminders' actions
 * @store: the store
 * @settings: the application's settings
 * @app_id: the application id, for the notifications
 *
 * Returns: (transfer full): a stopped service
 */
SteadyReminderService *
steady_reminder_service_new (GApplication *application,
                             SteadyStore  *store,
                             GSettings    *settings,
                             const char   *app_id)
{
  SteadyReminderService *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (app_id != NULL, NULL);

  self = g_object_new (STEADY_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->notifier = steady_notifier_new (app_id);
  self->action_id = g_signal_connect (self->notifier, "action",
                                      G_CALLBACK (notifier_action_cb), self);

  if (application != NULL)
    {
      self->application = application;
      g_object_add_weak_pointer (G_OBJECT (application), (gpointer *)&self->application);
    }

  return self;
}
