/* steady-halt-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_HALT_DIALOG (steady_halt_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyHaltDialog, steady_halt_dialog, STEADY, HALT_DIALOG, AdwWindow)

GtkWidget *steady_halt_dialog_new        (SteadyStore      *store);
GStrv      steady_halt_dialog_dup_chosen (SteadyHaltDialog *self);
GtkWidget *steady_halt_dialog_get_widget (SteadyHaltDialog *self,
                                          const char       *name);

G_END_DECLS
