/* steady-crisis-line.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_CRISIS_LINE (steady_crisis_line_get_type ())

G_DECLARE_FINAL_TYPE (SteadyCrisisLine, steady_crisis_line, STEADY, CRISIS_LINE, GObject)

SteadyCrisisLine *steady_crisis_line_new (void);
gint64 steady_crisis_line_get_id (SteadyCrisisLine *self);
void steady_crisis_line_set_id (SteadyCrisisLine *self, gint64 id);
const char *steady_crisis_line_get_name (SteadyCrisisLine *self);
void steady_crisis_line_set_name (SteadyCrisisLine *self, const char *name);
const char *steady_crisis_line_get_number (SteadyCrisisLine *self);
void steady_crisis_line_set_number (SteadyCrisisLine *self, const char *number);
const char *steady_crisis_line_get_description (SteadyCrisisLine *self);
void steady_crisis_line_set_description (SteadyCrisisLine *self, const char *description);
gboolean steady_crisis_line_get_builtin (SteadyCrisisLine *self);
void steady_crisis_line_set_builtin (SteadyCrisisLine *self, gboolean builtin);

G_END_DECLS
