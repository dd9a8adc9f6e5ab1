/* steady-journal-history.h: every check-in, newest first, loaded lazily
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steady-journal-entry.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_JOURNAL_HISTORY_PAGE_SIZE 50

#define STEADY_TYPE_JOURNAL_HISTORY (steady_journal_history_get_type ())

G_DECLARE_FINAL_TYPE (SteadyJournalHistory, steady_journal_history, STEADY, JOURNAL_HISTORY, GObject)

SteadyJournalHistory *steady_journal_history_new           (SteadyStore          *store);
SteadyStore          *steady_journal_history_get_store     (SteadyJournalHistory *self);
guint                 steady_journal_history_get_page_size (SteadyJournalHistory *self);
gboolean              steady_journal_history_starts_day    (SteadyJournalHistory *self,
                                                            guint                 position);

G_END_DECLS
