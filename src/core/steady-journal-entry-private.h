/* steady-journal-entry-private.h: what a check-in's files share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-journal-entry.h"

G_BEGIN_DECLS

struct _SteadyJournalEntry
{
  GObject             parent_instance;

  /* Owned */
  GDateTime          *at;
  char               *local_date;
  char               *lapse_what;
  char               *lapse_note;
  char               *notes;
  GStrv               emotions;
  GStrv               triggers;
  GPtrArray          *skills;        /* skill ids, NULL-terminated */
  GArray             *skill_helped;  /* int, parallel to skills */

  gint64              id;
  int                 utc_offset;
  int                 mood;
  int                 craving;
  double              sleep_hours;
  SteadySubstanceUse  substance_use;
};

typedef enum
{
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_LOCAL_DATE,
  PROP_UTC_OFFSET,
  PROP_MOOD,
  PROP_CRAVING,
  PROP_SLEEP_HOURS,
  PROP_SUBSTANCE_USE,
  PROP_LAPSE_WHAT,
  PROP_LAPSE_NOTE,
  PROP_NOTES,
  PROP_EMOTIONS,
  PROP_TRIGGERS,
  PROP_SKILLS,
  N_PROPS
} SteadyJournalEntryProp;

void steady_journal_entry_notify (SteadyJournalEntry *self,
                                  guint               prop_id);

/* Whether two lists hold the same text, %NULL being the empty list. */
static inline gboolean
steady_strv_equal0 (const char * const *a,
                    const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a != NULL ? a : empty, b != NULL ? b : empty);
}

G_END_DECLS
