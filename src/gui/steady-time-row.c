/* steady-time-row.c: a local time of day kept in a GSettings key
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-time-row"

#include "config.h"

#include <stdio.h>

#include "steady-time-row.h"

/**
 * SteadyTimeRow:
 *
 * A row with an hour and a minute spin button for a "HH:MM" string key;
 * every change is written straight away, and changes made elsewhere (the
 * welcome, Preferences) show here too.
 */
struct _SteadyTimeRow
{
  AdwActionRow   parent_instance;

  /* Owned */
  GSettings     *settings;
  char          *key;

  /* Children */
  GtkSpinButton *hour;
  GtkSpinButton *minute;

  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (SteadyTimeRow, steady_time_row, ADW_TYPE_ACTION_ROW)

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
make_spin (int         max,
           const char *label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_HORIZONTAL);
  g_signal_connect (spin, "output", G_CALLBACK (spin_output_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  return spin;
}

static void
sync_from_settings (SteadyTimeRow *self)
{
  g_autofree char *value = g_settings_get_string (self->settings, self->key);
  unsigned int h = 0, m = 0;

  if (sscanf (value, "%u:%u", &h, &m) != 2 || h > 23 || m > 59)
    return;

  self->syncing = TRUE;
  gtk_spin_button_set_value (self->hour, h);
  gtk_spin_button_set_value (self->minute, m);
  self->syncing = FALSE;
}

static void
time_changed_cb (GtkSpinButton *spin,
                 SteadyTimeRow *self)
{
  g_autofree char *value = NULL;
  g_autofree char *old = NULL;

  if (self->syncing)
    return;

  value = g_strdup_printf ("%02d:%02d",
                           gtk_spin_button_get_value_as_int (self->hour),
                           gtk_spin_button_get_value_as_int (self->minute));
  old = g_settings_get_string (self->settings, self->key);
  if (g_strcmp0 (old, value) != 0)
    g_settings_set_string (self->settings, self->key, value);
}

static void
key_changed_cb (GSettings     *settings,
                const char    *key,
                SteadyTimeRow *self)
{
  sync_from_settings (self);
}

static void
steady_time_row_finalize (GObject *object)
{
  SteadyTimeRow *self = (SteadyTimeRow *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (steady_time_row_parent_class)->finalize (object);
}

static void
steady_time_row_class_init (SteadyTimeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_time_row_finalize;
}

static void
steady_time_row_init (SteadyTimeRow *self)
{
}

/**
 * steady_time_row_new:
 * @settings: where @key is
 * @key: a string key holding "HH:MM"
 * @title: the row's title
 * @hour_label: the hour's name for screen readers
 * @minute_label: the minutes' name for screen readers
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
steady_time_row_new (GSettings  *settings,
                     const char *key,
                     const char *title,
                     const char *hour_label,
                     const char *minute_label)
{
  SteadyTimeRow *self;
  GtkWidget *box;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (STEADY_TYPE_TIME_ROW, "title", title, NULL);
  self->settings = g_object_ref (settings);
  self->key = g_strdup (key);
  self->hour = make_spin (23, hour_label);
  self->minute = make_spin (59, minute_label);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->minute));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);

  sync_from_settings (self);
  g_signal_connect (self->hour, "value-changed", G_CALLBACK (time_changed_cb), self);
  g_signal_connect (self->minute, "value-changed", G_CALLBACK (time_changed_cb), self);
  signal = g_strconcat ("changed::", key, NULL);
  g_signal_connect_object (settings, signal, G_CALLBACK (key_changed_cb), self, 0);

  return GTK_WIDGET (self);
}

/**
 * steady_time_row_set:
 * @hour: 0–23
 * @minute: 0–59
 *
 * Sets the time as a person would with the spin buttons.
 */
void
steady_time_row_set (SteadyTimeRow *self,
                     guint          hour,
                     guint          minute)
{
  g_return_if_fail (STEADY_IS_TIME_ROW (self));
  g_return_if_fail (hour < 24 && minute < 60);

  gtk_spin_button_set_value (self->hour, hour);
  gtk_spin_button_set_value (self->minute, minute);
}
