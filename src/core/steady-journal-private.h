/* steady-journal-private.h: shared by the journal's core files
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-journal.h"
#include "steady-sobriety-period.h"
#include "steady-store-private.h"

G_BEGIN_DECLS

/* The columns every entry query selects, in this order. */
#define STEADY_JOURNAL_ENTRY_COLUMNS \
  "id, at, local_date, utc_offset, mood, craving, sleep_hours, substance_use, " \
  "lapse_what, lapse_note, notes"

typedef struct
{
  SteadyJournalChoiceKind  kind;
  const char              *key;
  const char              *label;   /* untranslated */
} SteadyJournalBuiltin;

/* Where an entry sits in history order (at DESC, id DESC). */
typedef struct
{
  gint64 at;
  gint64 id;
} SteadyJournalKey;

typedef gboolean (*SteadyJournalSyncFunc)  (SteadyStore  *store,
                                            gpointer      data,
                                            GError      **error);
typedef void     (*SteadyJournalApplyFunc) (gpointer      data);

/* steady-journal-choice.c */
const SteadyJournalBuiltin *steady_journal_choice_get_builtins     (guint                    *n_builtins);
const char                 *steady_journal_choice_kind_to_string   (SteadyJournalChoiceKind   kind);
SteadyJournalChoice        *steady_journal_choice_new              (SteadyJournalChoiceKind   kind,
                                                                    const char               *key,
                                                                    const char               *label,
                                                                    gboolean                  custom);

/* steady-journal-entry.c */
void                        steady_journal_entry_set_stored        (SteadyJournalEntry       *self,
                                                                    gint64                    id,
                                                                    GDateTime                *at,
                                                                    const char               *local_date,
                                                                    int                       utc_offset);

/* steady-journal-match.c */
SteadyJournalMatch         *steady_journal_match_new               (SteadyJournalEntry       *entry,
                                                                    const char               *snippet);

/* steady-journal.c */
SteadyJournalEntry         *steady_journal_entry_from_row          (SteadyStore              *store,
                                                                    sqlite3                  *db,
                                                                    sqlite3_stmt             *stmt,
                                                                    GError                  **error);
SteadyJournalEntry         *steady_journal_load                    (SteadyStore              *store,
                                                                    sqlite3                  *db,
                                                                    gint64                    id,
                                                                    GError                  **error);
GDateTime                  *steady_journal_date_time_new           (gint64                    at,
                                                                    int                       utc_offset);
void                        steady_journal_checkpoint              (SteadyStore              *store);
void                        steady_journal_run_async               (SteadyStore              *store,
                                                                    SteadyJournalSyncFunc     func,
                                                                    SteadyJournalApplyFunc    apply,
                                                                    gpointer                  data,
                                                                    GDestroyNotify            data_destroy,
                                                                    gpointer                  source_tag,
                                                                    GCancellable             *cancellable,
                                                                    GAsyncReadyCallback       callback,
                                                                    gpointer                  user_data);
gboolean                    steady_journal_run_finish              (SteadyStore              *store,
                                                                    GAsyncResult             *result,
                                                                    gpointer                  source_tag,
                                                                    GError                  **error);
gboolean                    steady_journal_step_done               (sqlite3                  *db,
                                                                    sqlite3_stmt             *stmt,
                                                                    const char               *what,
                                                                    GError                  **error);
void                        steady_journal_format_date             (const GDate              *date,
                                                                    char                      out[11]);
gboolean                    steady_journal_parse_date              (const char               *text,
                                                                    GDate                    *out);
void                        steady_journal_get_today               (const GDate              *today,
                                                                    GDate                    *out);

/* steady-sobriety-period.c */
SteadySobrietyPeriod       *steady_sobriety_period_new             (const GDate              *start,
                                                                    const GDate              *end,
                                                                    guint                     days);

/* steady-journal-search.c */
char                       *steady_journal_build_match_query       (const char               *text);

/* steady-journal-changes.c: what each journal write moved in history
 * order, so that a history model can say exactly which rows changed. A
 * record is pushed inside the write's transaction, before its commit,
 * and marked done once the write returned (committed or not). */
guint64                     steady_journal_changes_push            (SteadyStore              *store,
                                                                    const SteadyJournalKey   *before,
                                                                    const SteadyJournalKey   *after);
void                        steady_journal_changes_done            (SteadyStore              *store,
                                                                    guint64                   seq);
guint64                     steady_journal_changes_get_done        (SteadyStore              *store);
gboolean                    steady_journal_changes_collect         (SteadyStore              *store,
                                                                    guint64                   after_seq,
                                                                    GArray                   *keys);

G_END_DECLS
