/* steady-journal-page.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steady-journal-entry.h"
#include "steady-store.h"

G_BEGIN_DECLS

#define STEADY_TYPE_JOURNAL_PAGE (steady_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (SteadyJournalPage, steady_journal_page, STEADY, JOURNAL_PAGE, AdwBin)

void         steady_journal_page_set_store        (SteadyJournalPage  *self,
                                   SteadyStore   *store);
void steady_journal_page_focus_search (SteadyJournalPage *self);
GtkWidget   *steady_journal_page_open_editor      (SteadyJournalPage  *self,
                                                   SteadyJournalEntry *entry);
GListModel  *steady_journal_page_get_results      (SteadyJournalPage  *self);
GListModel  *steady_journal_page_get_history      (SteadyJournalPage  *self);
GtkEditable *steady_journal_page_get_search_entry (SteadyJournalPage  *self);
const char  *steady_journal_page_get_visible_list (SteadyJournalPage  *self);

G_END_DECLS
