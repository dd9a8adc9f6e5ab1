/* steady-summary-group.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_SUMMARY_GROUP (steady_summary_group_get_type ())

G_DECLARE_FINAL_TYPE (SteadySummaryGroup, steady_summary_group, STEADY, SUMMARY_GROUP, AdwPreferencesGroup)

GtkWidget *steady_summary_group_new            (SteadyStore        *store);
void       steady_summary_group_get_range      (SteadySummaryGroup *self,
                                                GDate              *from,
                                                GDate              *to);
void       steady_summary_group_set_from       (SteadySummaryGroup *self,
                                                const GDate        *from);
void       steady_summary_group_set_to         (SteadySummaryGroup *self,
                                                const GDate        *to);
gboolean   steady_summary_group_get_include_notes (SteadySummaryGroup *self);

G_END_DECLS
