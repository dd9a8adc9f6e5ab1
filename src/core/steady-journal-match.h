/* steady-journal-match.h: a check-in found by a search
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-journal-entry.h"

G_BEGIN_DECLS

/* Around each matched word in a snippet: U+E000 and U+E001, from
 * Unicode's private use area, so they cannot be confused with markup
 * and never appear in the indexed copy of the person's text. */
#define STEADY_JOURNAL_MATCH_START "\xee\x80\x80"
#define STEADY_JOURNAL_MATCH_END   "\xee\x80\x81"
#define STEADY_JOURNAL_MATCH_START_CHAR ((gunichar)0xE000)
#define STEADY_JOURNAL_MATCH_END_CHAR   ((gunichar)0xE001)

#define STEADY_TYPE_JOURNAL_MATCH (steady_journal_match_get_type ())

G_DECLARE_FINAL_TYPE (SteadyJournalMatch, steady_journal_match, STEADY, JOURNAL_MATCH, GObject)

SteadyJournalEntry *steady_journal_match_get_entry    (SteadyJournalMatch *self);
const char         *steady_journal_match_get_snippet  (SteadyJournalMatch *self);
char               *steady_journal_match_dup_markup   (SteadyJournalMatch *self);

char               *steady_journal_snippet_to_markup  (const char         *snippet);

G_END_DECLS
