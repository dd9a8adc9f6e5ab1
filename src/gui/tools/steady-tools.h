/* steady-tools.h: shared by the "in the moment" tools
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

void       steady_tools_route_to_help     (GtkWidget   *any_widget_in_app);
void       steady_tools_fill_contacts     (GtkListBox  *list,
                                           SteadyStore *store,
                                           const char  *copy_action);

G_END_DECLS
