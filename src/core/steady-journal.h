/* steady-journal.h: the mood and craving journal on a store
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-journal-choice.h"
#include "steady-journal-entry.h"
#include "steady-journal-match.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* "Craving 7 or more": the filter and the skills statistics use it. */
#define STEADY_JOURNAL_HIGH_CRAVING 7

/**
 * SteadyJournalFilter:
 * @STEADY_JOURNAL_FILTER_NONE: every entry
 * @STEADY_JOURNAL_FILTER_LAPSE: only entries with a lapse
 * @STEADY_JOURNAL_FILTER_HIGH_CRAVING: only entries with craving
 *   %STEADY_JOURNAL_HIGH_CRAVING or more
 */
typedef enum
{
  STEADY_JOURNAL_FILTER_NONE         = 0,
  STEADY_JOURNAL_FILTER_LAPSE        = 1 << 0,
  STEADY_JOURNAL_FILTER_HIGH_CRAVING = 1 << 1,
} SteadyJournalFilter;

gboolean             steady_journal_save                (SteadyStore              *store,
                                                         SteadyJournalEntry       *entry,
                                                         GError                  **error);
void                 steady_journal_save_async          (SteadyStore              *store,
                                                         SteadyJournalEntry       *entry,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean             steady_journal_save_finish         (SteadyStore              *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

SteadyJournalEntry  *steady_journal_get                 (SteadyStore              *store,
                                                         gint64                    id,
                                                         GError                  **error);
guint                steady_journal_count               (SteadyStore              *store);

gboolean             steady_journal_delete              (SteadyStore              *store,
                                                         gint64                    id,
                                                         GError                  **error);
void                 steady_journal_delete_async        (SteadyStore              *store,
                                                         gint64                    id,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean             steady_journal_delete_finish       (SteadyStore              *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

GListModel          *steady_journal_search              (SteadyStore              *store,
                                                         const char               *text,
                                                         const GDate              *from,
                                                         const GDate              *to,
                                                         SteadyJournalFilter       filter,
                                                         guint                     limit,
                                                         GError                  **error);

void                 steady_journal_search_async        (SteadyStore              *store,
                                                         const char               *text,
                                                         const GDate              *from,
                                                         const GDate              *to,
                                                         SteadyJournalFilter       filter,
                                                         guint                     limit,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
GListModel          *steady_journal_search_finish       (SteadyStore              *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

GListModel          *steady_journal_list_choices        (SteadyStore              *store,
                                                         SteadyJournalChoiceKind   kind,
                                                         GError                  **error);
char                *steady_journal_dup_skill_name      (SteadyStore              *store,
                                                         const char               *skill_id);
gboolean             steady_journal_add_custom          (SteadyStore              *store,
                                                         SteadyJournalChoiceKind   kind,
                                                         const char               *label,
                                                         GError                  **error);
void                 steady_journal_add_custom_async    (SteadyStore              *store,
                                                         SteadyJournalChoiceKind   kind,
                                                         const char               *label,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean             steady_journal_add_custom_finish   (SteadyStore              *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);
gboolean             steady_journal_remove_custom       (SteadyStore              *store,
                                                         SteadyJournalChoiceKind   kind,
                                                         const char               *label,
                                                         GError                  **error);
void                 steady_journal_remove_custom_async (SteadyStore              *store,
                                                         SteadyJournalChoiceKind   kind,
                                                         const char               *label,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
gboolean             steady_journal_remove_custom_finish (SteadyStore             *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

G_END_DECLS
