/* steady-urge-surf.h: the numbers of one urge surf, and its check-in
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steady-journal-entry.h"

G_BEGIN_DECLS

/* The journal skill an urge surf is saved under. */
#define STEADY_URGE_SURF_SKILL "urge-surfing"

/* How often the guide asks "Is it still there?". */
#define STEADY_URGE_SURF_CHECK_SECONDS (2 * 60)

/* A rating this high offers Help Now and the person's people. */
#define STEADY_URGE_SURF_STRONG 8

int                  steady_urge_surf_get_end          (const int   *during,
                                                        gsize        n_during,
                                                        int          after);
int                  steady_urge_surf_get_peak         (int          before,
                                                        const int   *during,
                                                        gsize        n_during,
                                                        int          after);
int                  steady_urge_surf_compute_helped   (int          before,
                                                        const int   *during,
                                                        gsize        n_during,
                                                        int          after);
gboolean             steady_urge_surf_is_rising        (int          previous,
                                                        int          rating);
char                *steady_urge_surf_format_note      (int          before,
                                                        int          end,
                                                        guint        minutes);
SteadyJournalEntry  *steady_urge_surf_build_entry      (GDateTime   *started,
                                                        int          before,
                                                        const int   *during,
                                                        gsize        n_during,
                                                        int          after,
                                                        guint        minutes);

G_END_DECLS
