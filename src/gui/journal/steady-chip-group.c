/* steady-chip-group.c: a wrapping row of on/off choices
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-chip-group"

#include "config.h"

#include "steady-chip-group.h"

struct _SteadyChipGroup
{
  GtkWidget   parent_instance;

  /* Owned */
  GtkWidget  *flow;
  GHashTable *chips;   /* key → GtkToggleButton (borrowed) */
  GPtrArray  *order;   /* keys, in the order shown */
};

G_DEFINE_FINAL_TYPE (SteadyChipGroup, steady_chip_group, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toggled_cb (GtkToggleButton *button,
            SteadyChipGroup *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
steady_chip_group_dispose (GObject *object)
{
  SteadyChipGroup *self = (SteadyChipGroup *)object;

  g_clear_pointer (&self->flow, gtk_widget_unparent);

  G_OBJECT_CLASS (steady_chip_group_parent_class)->dispose (object);
}

static void
steady_chip_group_finalize (GObject *object)
{
  SteadyChipGroup *self = (SteadyChipGroup *)object;

  g_clear_pointer (&self->chips, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_chip_group_parent_class)->finalize (object);
}

static void
steady_chip_group_class_init (SteadyChipGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_chip_group_dispose;
  object_class->finalize = steady_chip_group_finalize;

  /**
   * SteadyChipGroup::changed:
   *
   * A chip was turned on or off.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chipgroup");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steady_chip_group_init (SteadyChipGroup *self)
{
  self->chips = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);

  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 6);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
}

GtkWidget *
steady_chip_group_new (const char *accessible_name)
{
  GtkWidget *self = g_object_new (STEADY_TYPE_CHIP_GROUP, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);

  return self;
}

/**
 * steady_chip_group_add:
 * @self: a #SteadyChipGroup
 * @key: what is stored
 * @label: what is shown
 *
 * Adds a chip, off, unless one with @key exists.
 */
void
steady_chip_group_add (SteadyChipGroup *self,
                       const char      *key,
                       const char      *label)
{
  GtkWidget *button;
  GtkWidget *child;

  g_return_if_fail (STEADY_IS_CHIP_GROUP (self));
  g_return_if_fail (key != NULL);

  if (g_hash_table_contains (self->chips, key))
    return;

  button = gtk_toggle_button_new_with_label (label != NULL ? label : key);
  gtk_widget_add_css_class (button, "chip");
  g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);

  /* The flow box child itself is not a stop for the keyboard; the
   * button is. */
  child = gtk_flow_box_child_new ();
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  gtk_flow_box_append (GTK_FLOW_BOX (self->flow), child);

  g_hash_table_insert (self->chips, g_strdup (key), button);
  g_ptr_array_add (self->order, g_strdup (key));
}

gboolean
steady_chip_group_has (SteadyChipGroup *self,
                       const char      *key)
{
  g_return_val_if_fail (STEADY_IS_CHIP_GROUP (self), FALSE);

  return g_hash_table_contains (self->chips, key);
}

/**
 * steady_chip_group_set_selected:
 * @keys: (nullable): the keys to turn on; every other chip goes off. A
 *   key without a chip gets one, labelled with the key, so nothing an
 *   entry holds is ever silently dropped.
 */
void
steady_chip_group_set_selected (SteadyChipGroup    *self,
                                const char * const *keys)
{
  g_return_if_fail (STEADY_IS_CHIP_GROUP (self));

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    steady_chip_group_add (self, keys[i], keys[i]);

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);

      gtk_toggle_button_set_active (g_hash_table_lookup (self->chips, key),
                                    keys != NULL && g_strv_contains (keys, key));
    }
}

/**
 * steady_chip_group_add_selected:
 * @keys: (element-type utf8): where the keys of the chips that are on
 *   are added, in the order shown
 */
void
steady_chip_group_add_selected (SteadyChipGroup *self,
                                GPtrArray       *keys)
{
  g_return_if_fail (STEADY_IS_CHIP_GROUP (self));

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *key = g_ptr_array_index (self->order, i);

      if (gtk_toggle_button_get_active (g_hash_table_lookup (self->chips, key)))
        g_ptr_array_add (keys, g_strdup (key));
    }
}

gboolean
steady_chip_group_is_selected (SteadyChipGroup *self,
                               const char      *key)
{
  GtkToggleButton *button;

  g_return_val_if_fail (STEADY_IS_CHIP_GROUP (self), FALSE);

  button = g_hash_table_lookup (self->chips, key);

  return button != NULL && gtk_toggle_button_get_active (button);
}

void
steady_chip_group_select (SteadyChipGroup *self,
                          const char      *key,
                          gboolean         selected)
{
  GtkToggleButton *button;

  g_return_if_fail (STEADY_IS_CHIP_GROUP (self));

  button = g_hash_table_lookup (self->chips, key);
  if (button != NULL)
    gtk_toggle_button_set_active (button, selected);
}
