/* steady-notifier.c: reminders as desktop notifications
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libnotify/notify.h>

#include "steady-notifier.h"

/**
 * SteadyNotifier:
 *
 * Shows a #SteadyReminder as a desktop notification with three actions,
 * Open, Snooze and Dismiss, and reports the one chosen through
 * #SteadyNotifier::action. This is the only place that knows libnotify.
 *
 * libnotify's calls block on D-Bus and its state is global and not
 * thread-safe, so every libnotify call here runs on one worker thread of
 * the notifier's own, in order: steady_notifier_show_async() never blocks
 * the caller. The notification server's replies (an action chosen, a
 * notification closed) arrive on the global default main context, where
 * libnotify's D-Bus proxy lives; the notifier hands them to the main
 * context it was created in.
 *
 * libnotify is process-wide: have one notifier per process. Dropping it
 * forgets its notifications (they stay on screen, their buttons then do
 * nothing) and calls notify_uninit(), so that the D-Bus connection
 * libnotify holds is let go. Dropping it waits for a show under way.
 *
 * Without a notification server, showing fails with a #GError (logged)
 * and nothing else happens.
 */
struct _SteadyNotifier
{
  GObject       parent_instance;

  /* Owned */
  char         *app_id;
  GMainContext *main_context;
  GThreadPool  *worker;

  /* Only touched on the worker, and in dispose once it has stopped:
   * reminder key → NotifyNotification, kept alive so that its actions
   * still reach us. */
  GHashTable   *shown;

  /* Set on the worker; read by dispose after it has stopped. */
  GThread      *worker_thread;
  guint         last_serial;
  gboolean      initted;
};

G_DEFINE_FINAL_TYPE (SteadyNotifier, steady_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APP_ID,
  N_PROPS
};

enum {
  ACTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  JOB_SHOW,
  JOB_RELEASE,
} JobKind;

typedef struct
{
  JobKind             kind;
  GTask              *task;          /* show */
  SteadyReminder     *reminder;      /* show */
  GError             *error;         /* show: how it went */
  char               *key;           /* release */
  guint               serial;        /* release: which notification of @key */
} Job;

/* What a notification's callbacks need; freed by libnotify. */
typedef struct
{
  GWeakRef        notifier;
  SteadyReminder *reminder;
  char           *action_id;
  guint           serial;
} ActionData;

/* An action chosen or a notification closed, on its way to the main
 * context of the notifier or to its worker. */
typedef struct
{
  SteadyNotifier *notifier;
  SteadyReminder *reminder;
  char           *action_id;
  guint           serial;
} Event;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->task);
  g_clear_object (&job->reminder);
  g_clear_error (&job->error);
  g_clear_pointer (&job->key, g_free);
  g_free (job);
}

static ActionData *
action_data_new (SteadyNotifier *self,
                 SteadyReminder *reminder,
                 const char     *action_id,
                 guint           serial)
{
  ActionData *data = g_new0 (ActionData, 1);

  g_weak_ref_init (&data->notifier, self);
  data->reminder = g_object_ref (reminder);
  data->action_id = g_strdup (action_id);
  data->serial = serial;

  return data;
}

static void
action_data_free (gpointer user_data)
{
  ActionData *data = user_data;

  g_weak_ref_clear (&data->notifier);
  g_clear_object (&data->reminder);
  g_clear_pointer (&data->action_id, g_free);
  g_free (data);
}

static void
closed_data_free (gpointer  user_data,
                  GClosure *closure)
{
  action_data_free (user_data);
}

static void
event_free (gpointer user_data)
{
  Event *event = user_data;

  g_clear_object (&event->notifier);
  g_clear_object (&event->reminder);
  g_clear_pointer (&event->action_id, g_free);
  g_free (event);
}

static void
push_job (SteadyNotifier *self,
          Job            *job)
{
  if (self->worker == NULL)
    {
      if (job->task != NULL)
        g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                                 "The notifier is shutting down");
      job_free (job);
      return;
    }

  g_thread_pool_push (self->worker, job, NULL);
}

static gboolean
release_cb (gpointer user_data)
{
  Event *event = user_data;
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_RELEASE;
  job->key = g_strdup (steady_reminder_get_key (event->reminder));
  job->serial = event->serial;
  push_job (event->notifier, job);

  return G_SOURCE_REMOVE;
}

/* Called from libnotify's signal handlers: the notification is still in
 * use there, so it is let go later, from an idle, and on the worker. */
static void
queue_release (SteadyNotifier *self,
               ActionData     *data)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) source = g_idle_source_new ();
  Event *event = g_new0 (Event, 1);

  event->notifier = g_object_ref (self);
  event->reminder = g_object_ref (data->reminder);
  event->serial = data->serial;

  g_source_set_static_name (source, "[steady] release notification");
  g_source_set_callback (source, release_cb, event, event_free);
  g_source_attach (source, context);
}

static gboolean
emit_action_cb (gpointer user_data)
{
  Event *event = user_data;

  g_signal_emit (event->notifier, signals[ACTION],
                 g_quark_from_string (event->action_id),
                 event->reminder, event->action_id);

  return G_SOURCE_REMOVE;
}

static void
emit_action (SteadyNotifier *self,
             SteadyReminder *reminder,
             const char     *action_id)
{
  g_autoptr(GSource) source = NULL;
  Event *event = g_new0 (Event, 1);

  event->notifier = g_object_ref (self);
  event->reminder = g_object_ref (reminder);
  event->action_id = g_strdup (action_id);

  if (g_main_context_is_owner (self->main_context))
    {
      emit_action_cb (event);
      event_free (event);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_static_name (source, "[steady] notification action");
  g_source_set_callback (source, emit_action_cb, event, event_free);
  g_source_attach (source, self->main_context);
}

static void
notification_action_cb (NotifyNotification *notification,
                        char               *action,
                        gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(SteadyNotifier) self = g_weak_ref_get (&data->notifier);

  if (self == NULL)
    return;

  g_debug ("Reminder %s: %s", steady_reminder_get_key (data->reminder), data->action_id);

  emit_action (self, data->reminder, data->action_id);
  queue_release (self, data);
}

static void
notification_closed_cb (NotifyNotification *notification,
                        gpointer            user_data)
{
  ActionData *data = user_data;
  g_autoptr(SteadyNotifier) self = g_weak_ref_get (&data->notifier);

  if (self != NULL)
    queue_release (self, data);
}

static void
add_action (SteadyNotifier     *self,
            NotifyNotification *notification,
            SteadyReminder     *reminder,
            guint               serial,
            const char         *action,
            const char         *label,
            const char         *action_id)
{
  /* libnotify drops an action without a callback. */
  notify_notification_add_action (notification, action, label,
                                  notification_action_cb,
                                  action_data_new (self, reminder, action_id, serial),
                                  action_data_free);
}

/* On the worker; the outcome goes to job->error. */
static void
show (SteadyNotifier *self,
      Job            *job)
{
  g_autofree char *snooze = NULL;
  NotifyNotification *notification;
  NotifyNotification *previous;
  SteadyReminder *reminder = job->reminder;
  const char *key = steady_reminder_get_key (reminder);
  guint serial = ++self->last_serial;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &job->error))
    return;

  if (!notify_is_initted ())
    {
      if (!notify_init (self->app_id))
        {
          g_message ("Could not set up desktop notifications");
          g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Desktop notifications are not available."));
          return;
        }
      self->initted = TRUE;
    }

  notification = notify_notification_new (steady_reminder_get_title (reminder),
                                          steady_reminder_get_body (reminder),
                                          self->app_id);
  notify_notification_set_app_name (notification, self->app_id);
#if NOTIFY_CHECK_VERSION (0, 8, 4)
  notify_notification_set_app_icon (notification, self->app_id);
#endif
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (self->app_id));
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_DEFAULT);

  /* Shown again (after a snooze, say): replace the old one on screen. */
  previous = g_hash_table_lookup (self->shown, key);
  if (previous != NULL)
    {
      int id = 0;

      g_object_get (previous, "id", &id, NULL);
      g_object_set (notification, "id", id, NULL);
    }

  snooze = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Snooze %u minute",
                                         "Snooze %u minutes",
                                         STEADY_REMINDER_SNOOZE_MINUTES),
                            STEADY_REMINDER_SNOOZE_MINUTES);

  /* "default" is a click on the notification itself. */
  add_action (self, notification, reminder, serial,
              "default", _("Open"), STEADY_NOTIFIER_ACTION_OPEN);
  add_action (self, notification, reminder, serial,
              STEADY_NOTIFIER_ACTION_OPEN, _("Open"), STEADY_NOTIFIER_ACTION_OPEN);
  add_action (self, notification, reminder, serial,
              STEADY_NOTIFIER_ACTION_SNOOZE, snooze, STEADY_NOTIFIER_ACTION_SNOOZE);
  add_action (self, notification, reminder, serial,
              STEADY_NOTIFIER_ACTION_DISMISS, _("Dismiss"), STEADY_NOTIFIER_ACTION_DISMISS);

  g_signal_connect_data (notification, "closed",
                         G_CALLBACK (notification_closed_cb),
                         action_data_new (self, reminder, NULL, serial),
                         closed_data_free, 0);

  /* Blocks until the server answers (or the D-Bus timeout). */
  if (!notify_notification_show (notification, &job->error))
    {
      /* No notification server, most likely: nothing to crash over. */
      g_message ("Could not show reminder %s: %s", key, job->error->message);
      g_object_unref (notification);
      return;
    }

  g_object_set_data (G_OBJECT (notification), "steady-serial", GUINT_TO_POINTER (serial));
  g_hash_table_replace (self->shown, g_strdup (key), notification);
}

/* On the caller's context: the task is returned and let go there, so
 * that its reference on the notifier never ends on the worker. */
static gboolean
show_done_cb (gpointer user_data)
{
  Job *job = user_data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    g_task_return_boolean (job->task, TRUE);

  return G_SOURCE_REMOVE;
}

/* On the worker: forget a notification that was acted on or closed,
 * unless a newer one took its key. */
static void
release (SteadyNotifier *self,
         Job            *job)
{
  NotifyNotification *notification = g_hash_table_lookup (self->shown, job->key);

  if (notification != NULL &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (notification), "steady-serial")) == job->serial)
    g_hash_table_remove (self->shown, job->key);
}

static void
worker_func (gpointer data,
             gpointer user_data)
{
  SteadyNotifier *self = user_data;
  Job *job = data;

  g_atomic_pointer_set (&self->worker_thread, g_thread_self ());

  switch (job->kind)
    {
    case JOB_SHOW:
      {
        g_autoptr(GSource) source = g_idle_source_new ();

        show (self, job);
        g_source_set_static_name (source, "[steady] notification shown");
        g_source_set_callback (source, show_done_cb, job, job_free);
        g_source_attach (source, g_task_get_context (job->task));
      }
      break;

    case JOB_RELEASE:
      release (self, job);
      job_free (job);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
steady_notifier_dispose (GObject *object)
{
  SteadyNotifier *self = (SteadyNotifier *)object;

  if (self->worker != NULL)
    {
      /* Should the last reference go on the worker itself, it must not
       * wait for itself; what is queued is dropped. */
      gboolean on_worker = g_atomic_pointer_get (&self->worker_thread) == (gpointer)g_thread_self ();

      g_thread_pool_free (g_steal_pointer (&self->worker), on_worker, !on_worker);
    }

  /* The worker has stopped (or this is it): libnotify is ours alone. The
   * notifications are let go before notify_uninit(), which would
   * otherwise close each one with a blocking call. */
  if (self->shown != NULL)
    g_hash_table_remove_all (self->shown);

  if (self->initted)
    {
      notify_uninit ();
      self->initted = FALSE;
    }

  G_OBJECT_CLASS (steady_notifier_parent_class)->dispose (object);
}

static void
steady_notifier_finalize (GObject *object)
{
  SteadyNotifier *self = (SteadyNotifier *)object;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->app_id, g_free);

  G_OBJECT_CLASS (steady_notifier_parent_class)->finalize (object);
}

static void
steady_notifier_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SteadyNotifier *self = STEADY_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_notifier_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SteadyNotifier *self = STEADY_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_APP_ID:
      g_free (self->app_id);
      self->app_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_notifier_class_init (SteadyNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_notifier_dispose;
  object_class->finalize = steady_notifier_finalize;
  object_class->get_property = steady_notifier_get_property;
  object_class->set_property = steady_notifier_set_property;

  /**
   * SteadyNotifier:app-id:
   *
   * The application id: the notifications' application name, icon and
   * desktop entry.
   */
  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyNotifier::action:
   * @self: the notifier
   * @reminder: the reminder acted on
   * @action_id: %STEADY_NOTIFIER_ACTION_OPEN (also for a click on the
   *   notification), %STEADY_NOTIFIER_ACTION_SNOOZE or
   *   %STEADY_NOTIFIER_ACTION_DISMISS; also the detail
   *
   * Emitted on the main context the notifier was created in when the
   * person chose an action. Open: activate the reminder's action; Snooze:
   * steady_reminder_snooze(); Dismiss: nothing more.
   */
  signals[ACTION] =
    g_signal_new ("action",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  STEADY_TYPE_REMINDER,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
steady_notifier_init (SteadyNotifier *self)
{
  self->main_context = g_main_context_ref_thread_default ();
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* One thread: libnotify's global state is not thread-safe, and
   * notifications are shown in the order asked for. */
  self->worker = g_thread_pool_new_full (worker_func, self, job_free, 1, FALSE, NULL);
}

/**
 * steady_notifier_new:
 * @app_id: the application id, such as "io.github.steadyapp.Steady"
 *
 * Returns: (transfer full): a new #SteadyNotifier
 */
SteadyNotifier *
steady_notifier_new (const char *app_id)
{
  g_return_val_if_fail (app_id != NULL && g_application_id_is_valid (app_id), NULL);

  return g_object_new (STEADY_TYPE_NOTIFIER, "app-id", app_id, NULL);
}

const char *
steady_notifier_get_app_id (SteadyNotifier *self)
{
  g_return_val_if_fail (STEADY_IS_NOTIFIER (self), NULL);

  return self->app_id;
}

/**
 * steady_notifier_show_async:
 * @self: a #SteadyNotifier
 * @reminder: what to show, in its chosen wording; not changed after this
 * @cancellable: (nullable): a #GCancellable, checked before showing
 * @callback: called on the caller's main context once the notification
 *   server answered
 * @user_data: for @callback
 *
 * Shows @reminder on the notifier's worker thread. Mark it fired first
 * (steady_reminder_mark_fired()), so that it is never shown twice.
 */
void
steady_notifier_show_async (SteadyNotifier      *self,
                            SteadyReminder      *reminder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Job *job;

  g_return_if_fail (STEADY_IS_NOTIFIER (self));
  g_return_if_fail (STEADY_IS_REMINDER (reminder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (Job, 1);
  job->kind = JOB_SHOW;
  job->reminder = g_object_ref (reminder);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, steady_notifier_show_async);

  push_job (self, job);
}

/**
 * steady_notifier_show_finish:
 * @self: a #SteadyNotifier
 * @result: the result
 * @error: a location for an error; set, for instance, when there is no
 *   notification server
 *
 * Returns: %TRUE if the notification is on screen
 */
gboolean
steady_notifier_show_finish (SteadyNotifier  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (STEADY_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
