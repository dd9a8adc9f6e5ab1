/* steady-journal-trends-view.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-store.h"
#include "steady-trends-chart.h"

G_BEGIN_DECLS

#define STEADY_TYPE_JOURNAL_TRENDS_VIEW (steady_journal_trends_view_get_type ())

G_DECLARE_FINAL_TYPE (SteadyJournalTrendsView, steady_journal_trends_view, STEADY, JOURNAL_TRENDS_VIEW, AdwBin)

GtkWidget         *steady_journal_trends_view_new                    (void);
void               steady_journal_trends_view_set_store              (SteadyJournalTrendsView *self,
                                                                      SteadyStore             *store);
SteadyStore       *steady_journal_trends_view_get_store              (SteadyJournalTrendsView *self);
guint              steady_journal_trends_view_get_range              (SteadyJournalTrendsView *self);
void               steady_journal_trends_view_set_range              (SteadyJournalTrendsView *self,
                                                                      guint                    n_days);
gboolean           steady_journal_trends_view_get_loading            (SteadyJournalTrendsView *self);
const char        *steady_journal_trends_view_get_view               (SteadyJournalTrendsView *self);
const char        *steady_journal_trends_view_get_summary_label_text (SteadyJournalTrendsView *self);
SteadyTrendsChart *steady_journal_trends_view_get_chart              (SteadyJournalTrendsView *self);
GtkListBox        *steady_journal_trends_view_get_trigger_list       (SteadyJournalTrendsView *self);
GtkListBox        *steady_journal_trends_view_get_skill_list         (SteadyJournalTrendsView *self);

G_END_DECLS
