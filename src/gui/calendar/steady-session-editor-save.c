/* steady-session-editor-save.c: storing what the editor holds, asking
 * which sessions a change is for
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar.h"
#include "steady-dialog-util.h"
#include "steady-session-editor-private.h"

static void
begin_write (SteadySessionEditor *self)
{
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
finish_write (SteadySessionEditor *self,
              const GError        *error)
{
  self->saving = FALSE;

  /* The window may have been closed meanwhile; the write still ran. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->save_button == NULL)
    return;

  gtk_widget_set_sensitive (self->save_button, TRUE);

  if (error != NULL)
    {
      g_message ("Saving a session failed: %s", error->message);
      steady_session_editor_show_error (self, error->message);
      return;
    }

  steady_session_editor_saved (self);
}

static void
add_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SteadySessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  steady_calendar_add_series_finish (STEADY_STORE (object), result, NULL, &error);
  finish_write (self, error);
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadySessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  steady_calendar_update_series_finish (STEADY_STORE (object), result, &error);
  finish_write (self, error);
}

static void
modify_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadySessionEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  steady_calendar_modify_occurrence_finish (STEADY_STORE (object), result, &error);
  finish_write (self, error);
}

static void
split_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SteadySessionEditor) self = user_data;
  g_autoptr(SteadySessionSeries) following = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_id = 0;

  if (!steady_calendar_split_series_finish (STEADY_STORE (object), result, &new_id, &error) ||
      !self->unrepeat_after_split)
    {
      finish_write (self, error);
      return;
    }

  /* "No rule" in a split means the old rule goes on: to stop repeating
   * from here, the new series is updated without one, as the core says. */
  following = steady_calendar_get_series (STEADY_STORE (object), new_id, &error);
  if (following == NULL)
    {
      finish_write (self, error);
      return;
    }

  steady_session_series_set_rrule (following, NULL);
  steady_calendar_update_series_async (STEADY_STORE (object), following, NULL, update_done_cb,
                                       g_object_ref (self));
}

static void
scope_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   SteadySessionEditor *self)
{
  g_autoptr(SteadySessionSeries) fields = g_steal_pointer (&self->pending);
  g_autofree char *rrule = g_steal_pointer (&self->pending_rrule);
  gint64 series_id = steady_occurrence_get_series_id (self->occurrence);
  const char *recurrence_id = steady_occurrence_get_recurrence_id (self->occurrence);

  if (fields == NULL || self->saving)
    return;

  if (g_strcmp0 (response, "this") == 0)
    {
      begin_write (self);
      steady_calendar_modify_occurrence_async (self->store, series_id, recurrence_id, fields,
                                               NULL, modify_done_cb, g_object_ref (self));
    }
  else if (g_strcmp0 (response, "following") == 0)
    {
      /* No rule keeps the series' own (a COUNT goes on where it was). */
      self->unrepeat_after_split = FALSE;
      if (steady_session_editor_repeat_is_changed (self))
        {
          steady_session_series_set_rrule (fields, rrule);
          self->unrepeat_after_split = rrule == NULL;
        }

      begin_write (self);
      steady_calendar_split_series_async (self->store, series_id, recurrence_id, fields,
                                          NULL, split_done_cb, g_object_ref (self));
    }
}

/* A session of a series: this one, or this one and those after it? */
static void
ask_scope (SteadySessionEditor *self)
{
  gboolean rule_changed = steady_session_editor_repeat_is_changed (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change Which Sessions?"),
                                   rule_changed
                                   ? _("The way it repeats changed, so the change is for this session and the ones after it. Earlier sessions stay as they were.")
                                   : _("This session is one of a series. Change only this one, or this one and all the ones after it? Earlier sessions stay as they were."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "this", _("_This Session Only"),
                                    "following", _("This and _Following Sessions"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "this", !rule_changed);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), rule_changed ? "following" : "this",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), rule_changed ? "following" : "this");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (scope_response_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), GTK_WINDOW (self));
}

void
steady_session_editor_save_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  SteadySessionEditor *self = STEADY_SESSION_EDITOR (widget);
  g_autoptr(SteadySessionSeries) fields = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *problem = NULL;

  if (self->saving || self->store == NULL)
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);

  problem = steady_session_editor_check_repeat (self, &rrule);
  if (problem != NULL)
    {
      steady_session_editor_show_error (self, problem);
      return;
    }

  fields = steady_session_editor_read_fields (self);

  /* No cancellable: once asked, a save finishes even if the window goes. */
  if (self->occurrence == NULL)
    {
      steady_session_series_set_rrule (fields, rrule);
      begin_write (self);
      steady_calendar_add_series_async (self->store, fields, NULL, add_done_cb, g_object_ref (self));
      return;
    }

  if (!steady_session_editor_has_changes (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* A single session is its own series. */
  if (!steady_occurrence_get_recurring (self->occurrence))
    {
      steady_session_series_set_rrule (fields, rrule);
      begin_write (self);
      steady_calendar_update_series_async (self->store, fields, NULL, update_done_cb, g_object_ref (self));
      return;
    }

  g_set_object (&self->pending, fields);
  g_free (self->pending_rrule);
  self->pending_rrule = g_steal_pointer (&rrule);
  ask_scope (self);
}

/* Closing asks first when something was entered. */
gboolean
steady_session_editor_maybe_discard (SteadySessionEditor *self)
{
  if (self->saving || !steady_session_editor_has_changes (self))
    return FALSE;

  steady_dialog_ask_discard (GTK_WINDOW (self), _("Discard This Session?"),
                             _("What you entered here has not been saved."),
                             _("_Keep Editing"), NULL, NULL);

  return TRUE;
}
