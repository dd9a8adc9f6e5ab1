/* steady-occurrence-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-occurrence.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_OCCURRENCE_DIALOG (steady_occurrence_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyOccurrenceDialog, steady_occurrence_dialog, STEADY, OCCURRENCE_DIALOG, AdwWindow)

GtkWidget        *steady_occurrence_dialog_new            (SteadyStore            *store,
                                                           SteadyOccurrence       *occurrence);
SteadyOccurrence *steady_occurrence_dialog_get_occurrence (SteadyOccurrenceDialog *self);
GtkWidget        *steady_occurrence_dialog_get_widget     (SteadyOccurrenceDialog *self,
                                                           const char             *name);

G_END_DECLS
