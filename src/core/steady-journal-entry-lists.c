/* steady-journal-entry-lists.c: a check-in's emotions, triggers and skills
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include "steady-journal-entry.h"
#include "steady-journal-entry-private.h"
#include "steady-journal-private.h"

static const char * const empty_strv[] = { NULL };

/* A copy without duplicates, in the order given; an empty list is NULL. */
static GStrv
dup_unique_strv (const char * const *strv)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = NULL;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (g_hash_table_add (seen, (gpointer)strv[i]))
        g_strv_builder_add (builder, strv[i]);
    }

  return g_strv_builder_end (builder);
}

static int
find_skill (SteadyJournalEntry *self,
            const char         *skill_id)
{
  for (guint i = 0; i < self->skills->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->skills, i), skill_id))
        return (int)i;
    }

  return -1;
}

/**
 * steady_journal_entry_get_emotions:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (transfer none) (array zero-terminated=1): never %NULL
 */
const char * const *
steady_journal_entry_get_emotions (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->emotions != NULL ? (const char * const *)self->emotions : empty_strv;
}

/**
 * steady_journal_entry_set_emotions:
 * @self: a #SteadyJournalEntry
 * @emotions: (nullable) (array zero-terminated=1): built-in keys or the
 *   person's own words; repeats are dropped
 */
void
steady_journal_entry_set_emotions (SteadyJournalEntry *self,
                                   const char * const *emotions)
{
  g_auto(GStrv) copy = NULL;

  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  copy = dup_unique_strv (emotions);
  if (steady_strv_equal0 ((const char * const *)copy, (const char * const *)self->emotions))
    return;

  g_strfreev (self->emotions);
  self->emotions = g_steal_pointer (&copy);
  steady_journal_entry_notify (self, PROP_EMOTIONS);
}

/**
 * steady_journal_entry_get_triggers:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (transfer none) (array zero-terminated=1): never %NULL
 */
const char * const *
steady_journal_entry_get_triggers (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->triggers != NULL ? (const char * const *)self->triggers : empty_strv;
}

/**
 * steady_journal_entry_set_triggers:
 * @self: a #SteadyJournalEntry
 * @triggers: (nullable) (array zero-terminated=1): built-in keys
 *   (HALT included) or the person's own words; repeats are dropped
 */
void
steady_journal_entry_set_triggers (SteadyJournalEntry *self,
                                   const char * const *triggers)
{
  g_auto(GStrv) copy = NULL;

  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  copy = dup_unique_strv (triggers);
  if (steady_strv_equal0 ((const char * const *)copy, (const char * const *)self->triggers))
    return;

  g_strfreev (self->triggers);
  self->triggers = g_steal_pointer (&copy);
  steady_journal_entry_notify (self, PROP_TRIGGERS);
}

/**
 * steady_journal_entry_get_skills:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   skills used, in the order they were added
 */
const char * const *
steady_journal_entry_get_skills (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return (const char * const *)self->skills->pdata;
}

gboolean
steady_journal_entry_has_skill (SteadyJournalEntry *self,
                                const char         *skill_id)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), FALSE);
  g_return_val_if_fail (skill_id != NULL, FALSE);

  return find_skill (self, skill_id) >= 0;
}

/**
 * steady_journal_entry_get_skill_helped:
 * @self: a #SteadyJournalEntry
 * @skill_id: a skill id
 *
 * Returns: how much the skill helped, 0 to 10, or %STEADY_JOURNAL_UNSET
 *   when not rated or not used
 */
int
steady_journal_entry_get_skill_helped (SteadyJournalEntry *self,
                                       const char         *skill_id)
{
  int i;

  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), STEADY_JOURNAL_UNSET);
  g_return_val_if_fail (skill_id != NULL, STEADY_JOURNAL_UNSET);

  i = find_skill (self, skill_id);

  return i >= 0 ? g_array_index (self->skill_helped, int, i) : STEADY_JOURNAL_UNSET;
}

/**
 * steady_journal_entry_set_skill:
 * @self: a #SteadyJournalEntry
 * @skill_id: an id from the skills list
 * @helped: 0 (not at all) to 10 (a lot), or %STEADY_JOURNAL_UNSET
 *
 * Marks the skill as used, or changes how much it helped. Either
 * notifies #SteadyJournalEntry:skills.
 */
void
steady_journal_entry_set_skill (SteadyJournalEntry *self,
                                const char         *skill_id,
                                int                 helped)
{
  int i;

  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));
  g_return_if_fail (skill_id != NULL);

  i = find_skill (self, skill_id);
  if (i >= 0)
    {
      if (g_array_index (self->skill_helped, int, i) != helped)
        {
          g_array_index (self->skill_helped, int, i) = helped;
          steady_journal_entry_notify (self, PROP_SKILLS);
        }
      return;
    }

  g_ptr_array_add (self->skills, g_strdup (skill_id));
  g_array_append_val (self->skill_helped, helped);
  steady_journal_entry_notify (self, PROP_SKILLS);
}

void
steady_journal_entry_remove_skill (SteadyJournalEntry *self,
                                   const char         *skill_id)
{
  int i;

  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));
  g_return_if_fail (skill_id != NULL);

  i = find_skill (self, skill_id);
  if (i < 0)
    return;

  g_ptr_array_remove_index (self->skills, i);
  g_array_remove_index (self->skill_helped, i);
  steady_journal_entry_notify (self, PROP_SKILLS);
}
