/* steady-program-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-program.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PROGRAM_DIALOG (steady_program_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyProgramDialog, steady_program_dialog, STEADY, PROGRAM_DIALOG, AdwWindow)

GtkWidget     *steady_program_dialog_new         (SteadyStore         *store);
SteadyProgram *steady_program_dialog_get_program (SteadyProgramDialog *self);
GtkWidget     *steady_program_dialog_get_widget  (SteadyProgramDialog *self,
                                                  const char          *name);

G_END_DECLS
