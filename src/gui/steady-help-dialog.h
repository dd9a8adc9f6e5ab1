/* steady-help-dialog.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-help.h"

G_BEGIN_DECLS

#define STEADY_TYPE_HELP_DIALOG (steady_help_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SteadyHelpDialog, steady_help_dialog, STEADY, HELP_DIALOG, AdwWindow)

GtkWidget   *steady_help_dialog_new              (SteadyStore         *store);
void         steady_help_dialog_set_editing      (SteadyHelpDialog    *self,
                                                  gboolean             editing);
GtkTextView *steady_help_dialog_get_section_view (SteadyHelpDialog    *self,
                                                  SteadySafetySection  section);

G_END_DECLS
