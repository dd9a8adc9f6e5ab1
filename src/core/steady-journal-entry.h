/* steady-journal-entry.h: one check-in
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SteadySubstanceUse:
 * @STEADY_SUBSTANCE_USE_NOT_SAID: the person did not say (the default)
 * @STEADY_SUBSTANCE_USE_NONE: no use today
 * @STEADY_SUBSTANCE_USE_LAPSE: a lapse; see the lapse-what and lapse-note
 *   properties
 *
 * What the person chose to say about substance use that day.
 */
typedef enum
{
  STEADY_SUBSTANCE_USE_NOT_SAID,
  STEADY_SUBSTANCE_USE_NONE,
  STEADY_SUBSTANCE_USE_LAPSE,
} SteadySubstanceUse;

/* Unset values: every field but the time is optional. */
#define STEADY_JOURNAL_UNSET (-1)
#define STEADY_JOURNAL_UNSET_HOURS (-1.0)

#define STEADY_TYPE_SUBSTANCE_USE (steady_substance_use_get_type ())
#define STEADY_TYPE_JOURNAL_ENTRY (steady_journal_entry_get_type ())

GType steady_substance_use_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadyJournalEntry, steady_journal_entry, STEADY, JOURNAL_ENTRY, GObject)

SteadyJournalEntry  *steady_journal_entry_new               (void);
SteadyJournalEntry  *steady_journal_entry_copy              (SteadyJournalEntry  *self);
gboolean             steady_journal_entry_equal             (SteadyJournalEntry  *self,
                                                             SteadyJournalEntry  *other);

gint64               steady_journal_entry_get_id            (SteadyJournalEntry  *self);
GDateTime           *steady_journal_entry_get_at            (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_at            (SteadyJournalEntry  *self,
                                                             GDateTime           *at);
const char          *steady_journal_entry_get_local_date    (SteadyJournalEntry  *self);
int                  steady_journal_entry_get_utc_offset    (SteadyJournalEntry  *self);

int                  steady_journal_entry_get_mood          (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_mood          (SteadyJournalEntry  *self,
                                                             int                  mood);
int                  steady_journal_entry_get_craving       (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_craving       (SteadyJournalEntry  *self,
                                                             int                  craving);
double               steady_journal_entry_get_sleep_hours   (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_sleep_hours   (SteadyJournalEntry  *self,
                                                             double               hours);

SteadySubstanceUse   steady_journal_entry_get_substance_use (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_substance_use (SteadyJournalEntry  *self,
                                                             SteadySubstanceUse   use);
const char          *steady_journal_entry_get_lapse_what    (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_lapse_what    (SteadyJournalEntry  *self,
                                                             const char          *what);
const char          *steady_journal_entry_get_lapse_note    (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_lapse_note    (SteadyJournalEntry  *self,
                                                             const char          *note);

const char          *steady_journal_entry_get_notes         (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_notes         (SteadyJournalEntry  *self,
                                                             const char          *notes);

const char * const  *steady_journal_entry_get_emotions      (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_emotions      (SteadyJournalEntry  *self,
                                                             const char * const  *emotions);
const char * const  *steady_journal_entry_get_triggers      (SteadyJournalEntry  *self);
void                 steady_journal_entry_set_triggers      (SteadyJournalEntry  *self,
                                                             const char * const  *triggers);

const char * const  *steady_journal_entry_get_skills        (SteadyJournalEntry  *self);
int                  steady_journal_entry_get_skill_helped  (SteadyJournalEntry  *self,
                                                             const char          *skill_id);
gboolean             steady_journal_entry_has_skill         (SteadyJournalEntry  *self,
                                                             const char          *skill_id);
void                 steady_journal_entry_set_skill         (SteadyJournalEntry  *self,
                                                             const char          *skill_id,
                                                             int                  helped);
void                 steady_journal_entry_remove_skill      (SteadyJournalEntry  *self,
                                                             const char          *skill_id);

G_END_DECLS
