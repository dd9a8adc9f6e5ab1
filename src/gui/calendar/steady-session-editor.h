/* steady-session-editor.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-occurrence.h"
#include "steady-session-series.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SESSION_EDITOR (steady_session_editor_get_type ())

G_DECLARE_FINAL_TYPE (SteadySessionEditor, steady_session_editor, STEADY, SESSION_EDITOR, AdwWindow)

GtkWidget           *steady_session_editor_new        (SteadyStore         *store,
                                                       SteadyOccurrence    *occurrence,
                                                       const GDate         *day);
SteadySessionSeries *steady_session_editor_get_series (SteadySessionEditor *self);
GtkWidget           *steady_session_editor_get_widget (SteadySessionEditor *self,
                                                       const char          *name);

G_END_DECLS
