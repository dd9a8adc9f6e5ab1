/* steady-urge-surf-dialog.c: ride out an urge with a calm timed guide
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-urge-surf-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-dialog-util.h"
#include "steady-journal.h"
#include "steady-rating-bar.h"
#include "steady-tools.h"
#include "steady-urge-surf.h"
#include "steady-urge-surf-dialog.h"

/* The guide changes its line this often. */
#define GUIDE_SECONDS 20

/* The last line shows for this long before the end. */
#define ENDING_SECONDS 30

typedef enum
{
  STATE_START,
  STATE_SURFING,
  STATE_AFTER,
  STATE_DONE,
} State;

struct _SteadyUrgeSurfDialog
{
  AdwWindow                parent_instance;

  /* Template widgets */
  AdwToastOverlay         *toast_overlay;
  GtkWidget               *stop_button;
  GtkRevealer             *error_revealer;
  GtkLabel                *error_label;
  GtkStack                *stack;
  AdwPreferencesGroup     *before_group;
  GtkToggleButton         *five_button;
  GtkToggleButton         *ten_button;
  GtkToggleButton         *fifteen_button;
  GtkWidget               *start_hint;
  GtkStack                *guide_stack;
  GtkLabel                *guide_a;
  GtkLabel                *guide_b;
  GtkProgressBar          *progress;
  GtkLabel                *time_label;
  GtkRevealer             *check_revealer;
  AdwPreferencesGroup     *check_group;
  AdwPreferencesGroup     *after_group;
  GtkLabel                *done_label;
  GtkRevealer             *support_revealer;
  GtkListBox              *people_list;

  /* Built in code */
  SteadyRatingBar         *before_bar;
  SteadyRatingBar         *check_bar;
  SteadyRatingBar         *after_bar;

  /* Owned */
  SteadyStore             *store;
  GDateTime               *started_at;
  GArray                  *during;         /* int: the answers to "Is it still there?" */
  guint                    timer_id;

  /* Borrowed */
  SteadyUrgeSurfClockFunc  clock;
  gpointer                 clock_data;

  State                    state;
  gint64                   started_us;
  gint64                   elapsed;        /* seconds; frozen when the surf ends */
  guint                    minutes;
  int                      guide_index;
  guint                    checks_asked;
  int                      check_slot;     /* this check's answer in @during, or -1 */
  guint                    saving : 1;
  guint                    saved : 1;
  guint                    save_failed : 1;
  guint                    close_after_save : 1;
  guint                    syncing : 1;
  guint                    disposed : 1;
};

G_DEFINE_FINAL_TYPE (SteadyUrgeSurfDialog, steady_urge_surf_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Short and calm: breathe, find the urge in the body, watch it rise, peak
 * and fall. Written for Steady. */
static const char * const guide_lines[] = {
  N_("Breathe in slowly… and let the breath out a little longer."),
  N_("Let your shoulders drop. Nothing needs doing right now."),
  N_("Notice where the urge sits in your body. Your chest? Your throat? Your hands?"),
  N_("Give it a shape, a size, a temperature. Just notice it."),
  N_("You are watching the urge. You are not the urge."),
  N_("Breathe toward the place where you feel it, and let it be there."),
  N_("Like a wave, it may rise. Let it. You don’t have to act on it."),
  N_("If it grows, stay with your breath. Waves peak, and then they fall."),
  N_("Has it changed at all? Bigger, smaller, somewhere else?"),
  N_("Each slow breath out makes a little room between you and the urge."),
  N_("Urges pass, even the ones that feel like they won’t."),
  N_("It may be past its peak now. Watch it ease, a little at a time."),
  N_("Feel your feet on the floor. You are here, and you are doing this."),
};

/* After the first pass, the guide goes round from here: the body and the
 * wave, not the opening. */
#define GUIDE_LOOP_FROM 2

static gint64
now_us (SteadyUrgeSurfDialog *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static guint
total_seconds (SteadyUrgeSurfDialog *self)
{
  return self->minutes * 60;
}

static int
last_rating (SteadyUrgeSurfDialog *self)
{
  if (self->during->len > 0)
    return g_array_index (self->during, int, self->during->len - 1);

  return steady_rating_bar_get_value (self->before_bar);
}

static void
update_actions (SteadyUrgeSurfDialog *self)
{
  gboolean rated = steady_rating_bar_get_value (self->before_bar) >= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surf.start", self->state == STATE_START && rated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surf.stop", self->state == STATE_SURFING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surf.save",
                                 self->state == STATE_AFTER && !self->saving && !self->saved);
  gtk_widget_set_visible (self->start_hint, !rated);
  gtk_widget_set_visible (self->stop_button, self->state == STATE_SURFING);
}

static void
stop_timer (SteadyUrgeSurfDialog *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

static const char *
guide_line_for (guint elapsed,
                guint total,
                int  *out_index)
{
  guint n = G_N_ELEMENTS (guide_lines);
  guint index = elapsed / GUIDE_SECONDS;

  if (total > ENDING_SECONDS && elapsed + ENDING_SECONDS >= total)
    {
      *out_index = -2;
      return _("Nearly done. Notice how the urge feels now.");
    }

  if (index >= n)
    index = GUIDE_LOOP_FROM + (index - n) % (n - GUIDE_LOOP_FROM);

  *out_index = (int)index;

  return _(guide_lines[index]);
}

static void
show_guide (SteadyUrgeSurfDialog *self,
            guint                 elapsed)
{
  GtkLabel *next;
  const char *text;
  int index;

  text = guide_line_for (elapsed, total_seconds (self), &index);
  if (index == self->guide_index)
    return;

  /* Two labels that crossfade: the new line comes in as the old one goes. */
  self->guide_index = index;
  next = gtk_stack_get_visible_child (self->guide_stack) == GTK_WIDGET (self->guide_a) ? self->guide_b : self->guide_a;
  gtk_label_set_label (next, text);
  gtk_stack_set_visible_child (self->guide_stack, GTK_WIDGET (next));
}

static void
show_time (SteadyUrgeSurfDialog *self)
{
  guint total = total_seconds (self);
  guint left = total > self->elapsed ? total - (guint)self->elapsed : 0;
  guint minutes_left = (left + 59) / 60;
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (self->progress, total > 0 ? (double)self->elapsed / total : 1.0);

  if (minutes_left <= 1)
    text = g_strdup (_("Less than a minute to go"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "About %u minute to go",
                                         "About %u minutes to go",
                                         minutes_left),
                            minutes_left);
  gtk_label_set_label (self->time_label, text);
}

static void
show_support (SteadyUrgeSurfDialog *self)
{
  if (gtk_revealer_get_reveal_child (self->support_revealer))
    return;

  steady_tools_fill_contacts (self->people_list, self->store, "surf.copy");
  gtk_revealer_set_reveal_child (self->support_revealer, TRUE);
}

static void
ask_check (SteadyUrgeSurfDialog *self)
{
  /* A new question each time; an unanswered one simply stays. */
  self->check_slot = -1;
  self->syncing = TRUE;
  steady_rating_bar_set_value (self->check_bar, -1);
  self->syncing = FALSE;
  adw_preferences_group_set_title (self->check_group, _("Is It Still There?"));
  gtk_revealer_set_reveal_child (self->check_revealer, TRUE);
}

static void
end_surf (SteadyUrgeSurfDialog *self)
{
  stop_timer (self);
  self->state = STATE_AFTER;
  gtk_revealer_set_reveal_child (self->check_revealer, FALSE);
  update_actions (self);
}

static void
update (SteadyUrgeSurfDialog *self)
{
  guint due;

  if (self->state != STATE_SURFING)
    return;

  self->elapsed = MAX (0, (now_us (self) - self->started_us) / G_USEC_PER_SEC);

  if (self->elapsed >= total_seconds (self))
    {
      self->elapsed = total_seconds (self);
      end_surf (self);
      gtk_stack_set_visible_child_name (self->stack, "after");
      gtk_widget_grab_focus (GTK_WIDGET (self->after_bar));
      return;
    }

  show_guide (self, (guint)self->elapsed);
  show_time (self);

  due = (guint)(self->elapsed / STEADY_URGE_SURF_CHECK_SECONDS);
  if (due > self->checks_asked)
    {
      self->checks_asked = due;
      ask_check (self);
    }
}

static gboolean
tick_cb (gpointer data)
{
  update (data);

  return G_SOURCE_CONTINUE;
}

static guint
surfed_minutes (SteadyUrgeSurfDialog *self)
{
  if (self->elapsed >= total_seconds (self))
    return self->minutes;

  return MAX (1, (guint)((self->elapsed + 30) / 60));
}

static SteadyJournalEntry *
build_entry (SteadyUrgeSurfDialog *self)
{
  return steady_urge_surf_build_entry (self->started_at,
                                       steady_rating_bar_get_value (self->before_bar),
                                       (const int *)(gpointer)self->during->data, self->during->len,
                                       steady_rating_bar_get_value (self->after_bar),
                                       surfed_minutes (self));
}

static void
show_done (SteadyUrgeSurfDialog *self)
{
  int before = steady_rating_bar_get_value (self->before_bar);
  int after = steady_rating_bar_get_value (self->after_bar);
  int end = steady_urge_surf_get_end ((const int *)(gpointer)self->during->data, self->during->len, after);
  int helped = steady_urge_surf_compute_helped (before, (const int *)(gpointer)self->during->data,
                                                self->during->len, after);
  g_autofree char *text = NULL;

  if (end < 0)
    text = g_strdup (_("Your rating and the time you stayed with the urge are in your journal."));
  else if (helped > 0)
    /* Translators: the urge's strength at the start → at the end, then
     * how much surfing helped, out of 10 */
    text = g_strdup_printf (_("%d → %d. Urge surfing helped %d out of 10."), before, end, helped);
  else
    /* Translators: the urge's strength at the start → at the end */
    text = g_strdup_printf (_("%d → %d. Some waves take longer to pass; staying with it still counts."),
                            before, end);

  gtk_label_set_label (self->done_label, text);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyUrgeSurfDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = steady_tools_save_checkin_finish (object, result, "an urge surf", &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving = FALSE;

  /* The window went while the save ran (the application quitting). */
  if (self->disposed)
    return;

  if (!ok)
    {
      self->save_failed = TRUE;
      self->close_after_save = FALSE;
      steady_dialog_show_error (self->error_revealer, self->error_label,
                                /* Translators: %s says why */
                                _("Your urge surf was not saved: %s Your ratings are still here; you can try again."),
                                error->message);
      gtk_stack_set_visible_child_name (self->stack, "after");
      update_actions (self);
      return;
    }

  self->saved = TRUE;
  self->state = STATE_DONE;
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0);

  if (self->close_after_save)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  show_done (self);
}

static void
save (SteadyUrgeSurfDialog *self)
{
  g_autoptr(SteadyJournalEntry) entry = NULL;

  if (self->saving || self->saved || self->started_at == NULL)
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  entry = build_entry (self);
  self->saving = TRUE;
  update_actions (self);

  steady_tools_save_checkin (self->store, entry, save_done_cb, self);
}

/* Signal callbacks */

static void
store_changed_cb (SteadyUrgeSurfDialog *self,
                  const char           *what)
{
  /* Someone added in Help Now shows up here at once. */
  if (gtk_revealer_get_reveal_child (self->support_revealer) &&
      (g_strcmp0 (what, "help") == 0 || g_strcmp0 (what, "all") == 0))
    steady_tools_fill_contacts (self->people_list, self->store, "surf.copy");
}

static void
before_changed_cb (SteadyUrgeSurfDialog *self)
{
  update_actions (self);
}

static void
minutes_toggled_cb (SteadyUrgeSurfDialog *self)
{
  if (gtk_toggle_button_get_active (self->five_button))
    self->minutes = 5;
  else if (gtk_toggle_button_get_active (self->fifteen_button))
    self->minutes = 15;
  else
    self->minutes = 10;
}

static void
check_changed_cb (SteadyUrgeSurfDialog *self)
{
  int value = steady_rating_bar_get_value (self->check_bar);
  int previous;

  if (self->syncing || self->state != STATE_SURFING)
    return;

  /* One answer a check: a change of mind replaces it, a cleared rating
   * takes it back. */
  if (self->check_slot >= 0)
    g_array_remove_index (self->during, self->check_slot);
  self->check_slot = -1;

  if (value < 0)
    {
      adw_preferences_group_set_title (self->check_group, _("Is It Still There?"));
      return;
    }

  previous = last_rating (self);
  g_array_append_val (self->during, value);
  self->check_slot = self->during->len - 1;
  adw_preferences_group_set_title (self->check_group, _("Noted. Keep breathing and watching."));

  if (steady_urge_surf_is_rising (previous, value))
    show_support (self);
}

static void
after_changed_cb (SteadyUrgeSurfDialog *self)
{
  int value = steady_rating_bar_get_value (self->after_bar);

  if (self->state == STATE_AFTER && steady_urge_surf_is_rising (last_rating (self), value))
    show_support (self);
}

/* Actions */

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (widget);
  int before = steady_rating_bar_get_value (self->before_bar);

  if (self->state != STATE_START || before < 0)
    return;

  self->state = STATE_SURFING;
  self->started_at = g_date_time_new_now_local ();
  self->started_us = now_us (self);
  self->elapsed = 0;
  self->guide_index = -1;
  self->checks_asked = 0;

  /* Starting strong is reason enough to have people in reach. */
  if (steady_urge_surf_is_rising (-1, before))
    show_support (self);

  gtk_stack_set_visible_child_name (self->stack, "surf");
  update_actions (self);
  update (self);

  self->timer_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (widget);

  if (self->state != STATE_SURFING)
    return;

  /* Everything rated so far is kept and saved; the last rating given is
   * the end. */
  self->elapsed = MAX (0, (now_us (self) - self->started_us) / G_USEC_PER_SEC);
  end_surf (self);
  save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (widget);

  if (self->state == STATE_AFTER)
    save (self);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (widget);

  /* Escape never ends a surf by accident: Stop does. */
  if (self->state != STATE_SURFING)
    gtk_window_close (GTK_WINDOW (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (widget);

  steady_tools_copy_number (widget, self->toast_overlay, parameter);
}

/* GObject */

static gboolean
has_unsaved_surf (SteadyUrgeSurfDialog *self)
{
  return (self->state == STATE_SURFING || self->state == STATE_AFTER) && !self->saved;
}

static gboolean
steady_urge_surf_dialog_close_request (GtkWindow *window)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (window);

  /* Closing keeps what was rated: it is saved first, then the window
   * goes. After a failed save the person may still close. */
  if (has_unsaved_surf (self) && !self->save_failed)
    {
      if (self->state == STATE_SURFING)
        {
          self->elapsed = MAX (0, (now_us (self) - self->started_us) / G_USEC_PER_SEC);
          end_surf (self);
        }
      self->close_after_save = TRUE;
      save (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (steady_urge_surf_dialog_parent_class)->close_request (window);
}

static void
steady_urge_surf_dialog_constructed (GObject *object)
{
  SteadyUrgeSurfDialog *self = (SteadyUrgeSurfDialog *)object;

  G_OBJECT_CLASS (steady_urge_surf_dialog_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
steady_urge_surf_dialog_dispose (GObject *object)
{
  SteadyUrgeSurfDialog *self = (SteadyUrgeSurfDialog *)object;

  stop_timer (self);
  self->disposed = TRUE;

  /* Destroyed without a close (the application quitting): queue what was
   * rated; the store finishes its writes before it closes. */
  if (has_unsaved_surf (self) && !self->saving && self->store != NULL && self->started_at != NULL)
    {
      g_autoptr(SteadyJournalEntry) entry = build_entry (self);

      self->saved = TRUE;
      steady_journal_save_async (self->store, entry, NULL, NULL, NULL);
    }

  G_OBJECT_CLASS (steady_urge_surf_dialog_parent_class)->dispose (object);
}

static void
steady_urge_surf_dialog_finalize (GObject *object)
{
  SteadyUrgeSurfDialog *self = (SteadyUrgeSurfDialog *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->during, g_array_unref);

  G_OBJECT_CLASS (steady_urge_surf_dialog_parent_class)->finalize (object);
}

static void
steady_urge_surf_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SteadyUrgeSurfDialog *self = STEADY_URGE_SURF_DIALOG (object);

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
steady_urge_surf_dialog_class_init (SteadyUrgeSurfDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_urge_surf_dialog_constructed;
  object_class->dispose = steady_urge_surf_dialog_dispose;
  object_class->finalize = steady_urge_surf_dialog_finalize;
  object_class->set_property = steady_urge_surf_dialog_set_property;

  window_class->close_request = steady_urge_surf_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyUrgeSurfDialog::saved:
   *
   * Emitted once the surf's check-in is on disk.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/tools/steady-urge-surf-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, before_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, five_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, ten_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, fifteen_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, start_hint);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, guide_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, guide_a);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, guide_b);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, time_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, check_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, check_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, after_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, done_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, support_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyUrgeSurfDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, minutes_toggled_cb);

  gtk_widget_class_install_action (widget_class, "surf.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "surf.stop", NULL, stop_action);
  steady_dialog_class_install_save (widget_class, "surf.save", save_action, FALSE);
  steady_dialog_class_install_close (widget_class, "surf.close", close_action);
  gtk_widget_class_install_action (widget_class, "surf.copy", "s", copy_action);
}

static void
steady_urge_surf_dialog_init (SteadyUrgeSurfDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->during = g_array_new (FALSE, FALSE, sizeof (int));
  self->minutes = 10;
  self->guide_index = -1;
  self->check_slot = -1;

  self->before_bar = STEADY_RATING_BAR (steady_rating_bar_new (0, 10, _("Urge"), _("None"), _("Very strong")));
  adw_preferences_group_add (self->before_group, GTK_WIDGET (self->before_bar));
  g_signal_connect_swapped (self->before_bar, "notify::value", G_CALLBACK (before_changed_cb), self);

  self->check_bar = STEADY_RATING_BAR (steady_rating_bar_new (0, 10, _("Urge now"), _("None"), _("Very strong")));
  adw_preferences_group_add (self->check_group, GTK_WIDGET (self->check_bar));
  g_signal_connect_swapped (self->check_bar, "notify::value", G_CALLBACK (check_changed_cb), self);

  self->after_bar = STEADY_RATING_BAR (steady_rating_bar_new (0, 10, _("Urge at the end"), _("None"), _("Very strong")));
  adw_preferences_group_add (self->after_group, GTK_WIDGET (self->after_bar));
  g_signal_connect_swapped (self->after_bar, "notify::value", G_CALLBACK (after_changed_cb), self);

  update_actions (self);
}

/**
 * steady_urge_surf_dialog_new:
 * @store: where the surf's check-in is saved
 *
 * Rate the urge, choose 5, 10 or 15 minutes, and ride it out with a calm
 * guide that asks every two minutes whether it is still there. At the end
 * (or on Stop, or on close) a before/after check-in is saved with the
 * skill "urge-surfing". Show it with steady_dialog_present().
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_urge_surf_dialog_new (SteadyStore *store)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_URGE_SURF_DIALOG,
                       "store", store,
                       NULL);
}

/**
 * steady_urge_surf_dialog_set_clock:
 * @self: a #SteadyUrgeSurfDialog
 * @clock: (nullable): the clock, or %NULL for g_get_monotonic_time()
 * @user_data: for @clock
 *
 * For tests: a clock they move on by hand, followed by
 * steady_urge_surf_dialog_tick(). Set it before the surf starts.
 */
void
steady_urge_surf_dialog_set_clock (SteadyUrgeSurfDialog    *self,
                                   SteadyUrgeSurfClockFunc  clock,
                                   gpointer                 user_data)
{
  g_return_if_fail (STEADY_IS_URGE_SURF_DIALOG (self));
  g_return_if_fail (self->state == STATE_START);

  self->clock = clock;
  self->clock_data = user_data;
}

/**
 * steady_urge_surf_dialog_tick:
 *
 * Reads the clock now, as the once-a-second timer does.
 */
void
steady_urge_surf_dialog_tick (SteadyUrgeSurfDialog *self)
{
  g_return_if_fail (STEADY_IS_URGE_SURF_DIALOG (self));

  update (self);
}

/**
 * steady_urge_surf_dialog_get_page:
 *
 * Returns: "start", "surf", "after" or "done"
 */
const char *
steady_urge_surf_dialog_get_page (SteadyUrgeSurfDialog *self)
{
  g_return_val_if_fail (STEADY_IS_URGE_SURF_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* For tests: the widgets, by what they hold. */

GtkWidget *
steady_urge_surf_dialog_get_widget (SteadyUrgeSurfDialog *self,
                                    const char           *name)
{
  g_return_val_if_fail (STEADY_IS_URGE_SURF_DIALOG (self), NULL);

  if (g_str_equal (name, "before"))
    return GTK_WIDGET (self->before_bar);
  if (g_str_equal (name, "check"))
    return GTK_WIDGET (self->check_bar);
  if (g_str_equal (name, "after"))
    return GTK_WIDGET (self->after_bar);
  if (g_str_equal (name, "check-revealer"))
    return GTK_WIDGET (self->check_revealer);
  if (g_str_equal (name, "support"))
    return GTK_WIDGET (self->support_revealer);
  if (g_str_equal (name, "people"))
    return GTK_WIDGET (self->people_list);
  if (g_str_equal (name, "guide"))
    return gtk_stack_get_visible_child (self->guide_stack);
  if (g_str_equal (name, "time"))
    return GTK_WIDGET (self->time_label);
  if (g_str_equal (name, "done"))
    return GTK_WIDGET (self->done_label);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);
  if (g_str_equal (name, "5"))
    return GTK_WIDGET (self->five_button);
  if (g_str_equal (name, "10"))
    return GTK_WIDGET (self->ten_button);
  if (g_str_equal (name, "15"))
    return GTK_WIDGET (self->fifteen_button);

  return NULL;
}
