/* steady-rating-bar.c: a 0–10 (or 1–10) rating that can also be left unset
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-rating-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-rating-bar.h"

/* One toggle button a value, in a linked row, with the meaning of the two
 * ends in words beneath: quicker than a slider with the mouse, every
 * value one key press away, and "not set" is simply no button pressed. */
struct _SteadyRatingBar
{
  GtkWidget   parent_instance;

  /* Owned */
  GtkWidget  *box;
  GPtrArray  *buttons;
  char       *name;

  int         min;
  int         max;
  int         value;
  gboolean    syncing;
};

G_DEFINE_FINAL_TYPE (SteadyRatingBar, steady_rating_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_buttons (SteadyRatingBar *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->buttons->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, i),
                                  self->min + (int)i == self->value);
  self->syncing = FALSE;
}

static void
toggled_cb (GtkToggleButton *button,
            SteadyRatingBar *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (self->syncing)
    return;

  /* Pressing the chosen value again clears it: every field is optional. */
  if (gtk_toggle_button_get_active (button))
    steady_rating_bar_set_value (self, value);
  else if (self->value == value)
    steady_rating_bar_set_value (self, -1);
}

static void
steady_rating_bar_dispose (GObject *object)
{
  SteadyRatingBar *self = (SteadyRatingBar *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (steady_rating_bar_parent_class)->dispose (object);
}

static void
steady_rating_bar_finalize (GObject *object)
{
  SteadyRatingBar *self = (SteadyRatingBar *)object;

  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (steady_rating_bar_parent_class)->finalize (object);
}

static void
steady_rating_bar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyRatingBar *self = STEADY_RATING_BAR (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_rating_bar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SteadyRatingBar *self = STEADY_RATING_BAR (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      steady_rating_bar_set_value (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_rating_bar_class_init (SteadyRatingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_rating_bar_dispose;
  object_class->finalize = steady_rating_bar_finalize;
  object_class->get_property = steady_rating_bar_get_property;
  object_class->set_property = steady_rating_bar_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, -1, 100, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ratingbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steady_rating_bar_init (SteadyRatingBar *self)
{
  self->buttons = g_ptr_array_new ();
  self->value = -1;
}

/**
 * steady_rating_bar_new:
 * @min: the lowest value (0 or 1)
 * @max: the highest value
 * @name: what is rated, e.g. "Mood", for accessible names
 * @low_word: what @min means, e.g. "Very low"
 * @high_word: what @max means
 *
 * Returns: (transfer floating): the rating bar, unset
 */
GtkWidget *
steady_rating_bar_new (int         min,
                       int         max,
                       const char *name,
                       const char *low_word,
                       const char *high_word)
{
  SteadyRatingBar *self;
  GtkWidget *vbox, *words, *low, *high;

  g_return_val_if_fail (min >= 0 && max > min && max - min <= 20, NULL);

  self = g_object_new (STEADY_TYPE_RATING_BAR, NULL);
  self->min = min;
  self->max = max;
  self->name = g_strdup (name);

  vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->box = vbox;
  gtk_widget_set_parent (vbox, GTK_WIDGET (self));

  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_add_css_class (row, "linked");
    gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
    for (int v = min; v <= max; v++)
      {
        g_autofree char *text = g_strdup_printf ("%d", v);
        g_autofree char *a11y = NULL;
        GtkWidget *button = gtk_toggle_button_new_with_label (text);

        if (v == min)
          /* Translators: e.g. "Mood 1 of 10, Very low" */
          a11y = g_strdup_printf (_("%s %d of %d, %s"), name, v, max, low_word);
        else if (v == max)
          a11y = g_strdup_printf (_("%s %d of %d, %s"), name, v, max, high_word);
        else
          /* Translators: e.g. "Mood 4 of 10" */
          a11y = g_strdup_printf (_("%s %d of %d"), name, v, max);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                        -1);
        gtk_widget_add_css_class (button, "numeric");
        g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (v));
        /* Not a radio group: a group would not let the chosen value be
         * cleared again. */
        g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
        gtk_box_append (GTK_BOX (row), button);
        g_ptr_array_add (self->buttons, button);
      }
    gtk_box_append (GTK_BOX (vbox), row);
  }

  words = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  low = gtk_label_new (low_word);
  high = gtk_label_new (high_word);
  gtk_label_set_xalign (GTK_LABEL (low), 0);
  gtk_label_set_xalign (GTK_LABEL (high), 1);
  gtk_widget_set_hexpand (low, TRUE);
  gtk_widget_set_hexpand (high, TRUE);
  gtk_widget_add_css_class (low, "caption");
  gtk_widget_add_css_class (low, "dim-label");
  gtk_widget_add_css_class (high, "caption");
  gtk_widget_add_css_class (high, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (words), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (words), low);
  gtk_box_append (GTK_BOX (words), high);
  gtk_box_append (GTK_BOX (vbox), words);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return GTK_WIDGET (self);
}

/**
 * steady_rating_bar_get_value:
 *
 * Returns: the value, or -1 when none is chosen
 */
int
steady_rating_bar_get_value (SteadyRatingBar *self)
{
  g_return_val_if_fail (STEADY_IS_RATING_BAR (self), -1);

  return self->value;
}

void
steady_rating_bar_set_value (SteadyRatingBar *self,
                             int              value)
{
  g_return_if_fail (STEADY_IS_RATING_BAR (self));

  if (value < self->min || value > self->max)
    value = -1;

  if (self->value == value)
    {
      sync_buttons (self);
      return;
    }

  self->value = value;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
