/* steady-journal-choice.h: an emotion, trigger or skill to pick
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * SteadyJournalChoiceKind:
 * @STEADY_JOURNAL_CHOICE_EMOTION: an emotion
 * @STEADY_JOURNAL_CHOICE_PEOPLE: a trigger: people
 * @STEADY_JOURNAL_CHOICE_PLACES: a trigger: places
 * @STEADY_JOURNAL_CHOICE_THINGS: a trigger: things
 * @STEADY_JOURNAL_CHOICE_FEELINGS: a trigger: feelings
 * @STEADY_JOURNAL_CHOICE_HALT: a trigger: hungry, angry, lonely or tired
 *   (fixed; the person cannot add to these)
 * @STEADY_JOURNAL_CHOICE_SKILL: a coping skill from the skills list (comes
 *   from the lessons; the person cannot add to these)
 */
typedef enum
{
  STEADY_JOURNAL_CHOICE_EMOTION,
  STEADY_JOURNAL_CHOICE_PEOPLE,
  STEADY_JOURNAL_CHOICE_PLACES,
  STEADY_JOURNAL_CHOICE_THINGS,
  STEADY_JOURNAL_CHOICE_FEELINGS,
  STEADY_JOURNAL_CHOICE_HALT,
  STEADY_JOURNAL_CHOICE_SKILL,
} SteadyJournalChoiceKind;

/* The longest emotion or trigger, in characters. */
#define STEADY_JOURNAL_MAX_LABEL_CHARS 100

#define STEADY_TYPE_JOURNAL_CHOICE_KIND (steady_journal_choice_kind_get_type ())
#define STEADY_TYPE_JOURNAL_CHOICE (steady_journal_choice_get_type ())

GType steady_journal_choice_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadyJournalChoice, steady_journal_choice, STEADY, JOURNAL_CHOICE, GObject)

SteadyJournalChoiceKind  steady_journal_choice_get_kind          (SteadyJournalChoice      *self);
const char              *steady_journal_choice_get_key           (SteadyJournalChoice      *self);
const char              *steady_journal_choice_get_label         (SteadyJournalChoice      *self);
gboolean                 steady_journal_choice_get_custom        (SteadyJournalChoice      *self);

gboolean                 steady_journal_choice_kind_is_trigger   (SteadyJournalChoiceKind   kind);
const char              *steady_journal_choice_get_builtin_label (SteadyJournalChoiceKind   kind,
                                                                  const char               *key);
const char              *steady_journal_emotion_get_label        (const char               *name);
const char              *steady_journal_trigger_get_label        (const char               *name);
gboolean                 steady_journal_trigger_is_halt          (const char               *name);

G_END_DECLS
