/* steady-program-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_PROGRAM_PAGE (steady_program_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyProgramPage, steady_program_page, STEADY, PROGRAM_PAGE, AdwPreferencesPage)

GtkWidget  *steady_program_page_new          (SteadyStore       *store);
const char *steady_program_page_get_summary  (SteadyProgramPage *self);

G_END_DECLS
