/* steady-checkin-dialog.h
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

#define STEADY_TYPE_CHECKIN_DIALOG (steady_checkin_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCheckinDialog, steady_checkin_dialog, STEADY, CHECKIN_DIALOG, AdwWindow)

GtkWidget          *steady_checkin_dialog_new        (SteadyStore         *store,
                                                      SteadyJournalEntry  *entry);
SteadyJournalEntry *steady_checkin_dialog_get_entry  (SteadyCheckinDialog *self);
GtkWidget          *steady_checkin_dialog_get_widget (SteadyCheckinDialog *self,
                                                      const char          *name);

G_END_DECLS
