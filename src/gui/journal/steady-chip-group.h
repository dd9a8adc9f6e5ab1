/* steady-chip-group.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEADY_TYPE_CHIP_GROUP (steady_chip_group_get_type ())

G_DECLARE_FINAL_TYPE (SteadyChipGroup, steady_chip_group, STEADY, CHIP_GROUP, GtkWidget)

GtkWidget *steady_chip_group_new          (const char         *accessible_name);
void       steady_chip_group_add          (SteadyChipGroup    *self,
                                           const char         *key,
                                           const char         *label);
void       steady_chip_group_set_selected (SteadyChipGroup    *self,
                                           const char * const *keys);
void       steady_chip_group_add_selected (SteadyChipGroup    *self,
                                           GPtrArray          *keys);
gboolean   steady_chip_group_is_selected  (SteadyChipGroup    *self,
                                           const char         *key);
void       steady_chip_group_select       (SteadyChipGroup    *self,
                                           const char         *key,
                                           gboolean            selected);
gboolean   steady_chip_group_has          (SteadyChipGroup    *self,
                                           const char         *key);

G_END_DECLS
