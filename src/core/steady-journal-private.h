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

/* Shared by the journal's own files (steady-journal*.c). */

static inline void
steady_journal_reset_stmt (sqlite3_stmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static inline gboolean
steady_journal_set_invalid (GError     **error,
                            const char  *message)
{
  g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID, message);

  return FALSE;
}

static inline void
steady_journal_bind_optional_text (sqlite3_stmt *stmt,
                                   int           column,
                                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
}

static inline char *
steady_journal_dup_column_text (sqlite3_stmt *stmt,
                                int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

gboolean                    steady_journal_check_label             (const char               *label,
                                                                    gboolean                  trigger,
                                                                    GError                  **error);
gboolean                    steady_journal_index_update            (SteadyStore              *store,
                                                                    sqlite3                  *db,
                                                                    SteadyJournalEntry       *entry,
                                                                    gint64                    id,
                                                                    gboolean                  existed,
                                                                    GPtrArray                *skill_names,
                                                                    gboolean                 *out_merged,
                                                                    GError                  **error);
gboolean                    steady_journal_index_remove            (SteadyStore              *store,
                                                                    sqlite3                  *db,
                                                                    gint64                    id,
                                                                    GError                  **error);
gboolean                    steady_journal_index_merge             (SteadyStore              *store,
                                                                    sqlite3                  *db,
                                                                    GError                  **error);

G_END_DECLS
