/* steady-tools.h: shared by the "in the moment" tools
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-journal-entry.h"
#include "steady-store.h"

G_BEGIN_DECLS

void     steady_tools_route_to_help       (GtkWidget           *any_widget_in_app);
void     steady_tools_fill_contacts       (GtkListBox          *list,
                                           SteadyStore         *store,
                                           const char          *copy_action);
void     steady_tools_copy_number         (GtkWidget           *widget,
                                           AdwToastOverlay     *overlay,
                                           GVariant            *parameter);
void     steady_tools_save_checkin        (SteadyStore         *store,
                                           SteadyJournalEntry  *entry,
                                           GAsyncReadyCallback  callback,
                                           gpointer             owner);
gboolean steady_tools_save_checkin_finish (GObject             *store,
                                           GAsyncResult        *result,
                                           const char          *what,
                                           GError             **error);

G_END_DECLS
