/* steady-journal-entry.c: one check-in
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

/**
 * SteadyJournalEntry:
 *
 * A check-in as the person wrote it. Editors work on a copy
 * (steady_journal_entry_copy()) and hand it to steady_journal_save().
 *
 * Setters take any value; the store checks ranges and text when saving
 * and refuses what is not valid, so an editor never loses what was typed.
 * Every field but the time is optional: %STEADY_JOURNAL_UNSET (-1) for
 * numbers, %STEADY_JOURNAL_UNSET_HOURS for hours slept, %NULL for text.
 */

G_DEFINE_FINAL_TYPE (SteadyJournalEntry, steady_journal_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

GType
steady_substance_use_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { STEADY_SUBSTANCE_USE_NOT_SAID, "STEADY_SUBSTANCE_USE_NOT_SAID", "not-said" },
        { STEADY_SUBSTANCE_USE_NONE, "STEADY_SUBSTANCE_USE_NONE", "none" },
        { STEADY_SUBSTANCE_USE_LAPSE, "STEADY_SUBSTANCE_USE_LAPSE", "lapse" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("SteadySubstanceUse"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static gboolean
date_time_same (GDateTime *a,
                GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static guint
n_skills (SteadyJournalEntry *self)
{
  /* The terminating NULL is not counted in len. */
  return self->skills->len;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
steady_journal_entry_finalize (GObject *object)
{
  SteadyJournalEntry *self = (SteadyJournalEntry *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->local_date, g_free);
  g_clear_pointer (&self->lapse_what, g_free);
  g_clear_pointer (&self->lapse_note, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->emotions, g_strfreev);
  g_clear_pointer (&self->triggers, g_strfreev);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_pointer (&self->skill_helped, g_array_unref);

  G_OBJECT_CLASS (steady_journal_entry_parent_class)->finalize (object);
}

static void
steady_journal_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SteadyJournalEntry *self = STEADY_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_LOCAL_DATE:
      g_value_set_string (value, self->local_date);
      break;

    case PROP_UTC_OFFSET:
      g_value_set_int (value, self->utc_offset);
      break;

    case PROP_MOOD:
      g_value_set_int (value, self->mood);
      break;

    case PROP_CRAVING:
      g_value_set_int (value, self->craving);
      break;

    case PROP_SLEEP_HOURS:
      g_value_set_double (value, self->sleep_hours);
      break;

    case PROP_SUBSTANCE_USE:
      g_value_set_enum (value, self->substance_use);
      break;

    case PROP_LAPSE_WHAT:
      g_value_set_string (value, self->lapse_what);
      break;

    case PROP_LAPSE_NOTE:
      g_value_set_string (value, self->lapse_note);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_EMOTIONS:
      g_value_set_boxed (value, steady_journal_entry_get_emotions (self));
      break;

    case PROP_TRIGGERS:
      g_value_set_boxed (value, steady_journal_entry_get_triggers (self));
      break;

    case PROP_SKILLS:
      g_value_set_boxed (value, steady_journal_entry_get_skills (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_entry_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SteadyJournalEntry *self = STEADY_JOURNAL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_AT:
      if (g_value_get_boxed (value) != NULL)
        steady_journal_entry_set_at (self, g_value_get_boxed (value));
      break;

    case PROP_MOOD:
      steady_journal_entry_set_mood (self, g_value_get_int (value));
      break;

    case PROP_CRAVING:
      steady_journal_entry_set_craving (self, g_value_get_int (value));
      break;

    case PROP_SLEEP_HOURS:
      steady_journal_entry_set_sleep_hours (self, g_value_get_double (value));
      break;

    case PROP_SUBSTANCE_USE:
      steady_journal_entry_set_substance_use (self, g_value_get_enum (value));
      break;

    case PROP_LAPSE_WHAT:
      steady_journal_entry_set_lapse_what (self, g_value_get_string (value));
      break;

    case PROP_LAPSE_NOTE:
      steady_journal_entry_set_lapse_note (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      steady_journal_entry_set_notes (self, g_value_get_string (value));
      break;

    case PROP_EMOTIONS:
      steady_journal_entry_set_emotions (self, g_value_get_boxed (value));
      break;

    case PROP_TRIGGERS:
      steady_journal_entry_set_triggers (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_entry_class_init (SteadyJournalEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_journal_entry_finalize;
  object_class->get_property = steady_journal_entry_get_property;
  object_class->set_property = steady_journal_entry_set_property;

  /**
   * SteadyJournalEntry:id:
   *
   * The row id, 0 until the entry is first saved. Editing keeps it.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:at:
   *
   * When the check-in happened. A loaded entry carries the UTC offset it
   * was written in, so its wall-clock time reads as it did then.
   */
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:local-date:
   *
   * The local calendar day (YYYY-MM-DD) the store filed the entry under,
   * %NULL until saved. History and trends group by it.
   */
  properties[PROP_LOCAL_DATE] =
    g_param_spec_string ("local-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:utc-offset:
   *
   * Seconds east of UTC of the local time when the entry was written.
   */
  properties[PROP_UTC_OFFSET] =
    g_param_spec_int ("utc-offset", NULL, NULL,
                      -86400, 86400, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MOOD] =
    g_param_spec_int ("mood", NULL, NULL,
                      -1, 10, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CRAVING] =
    g_param_spec_int ("craving", NULL, NULL,
                      -1, 10, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SLEEP_HOURS] =
    g_param_spec_double ("sleep-hours", NULL, NULL,
                         -1.0, 24.0, -1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBSTANCE_USE] =
    g_param_spec_enum ("substance-use", NULL, NULL,
                       STEADY_TYPE_SUBSTANCE_USE,
                       STEADY_SUBSTANCE_USE_NOT_SAID,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:lapse-what:
   *
   * What was used, in the person's words. Only kept when
   * #SteadyJournalEntry:substance-use is %STEADY_SUBSTANCE_USE_LAPSE.
   */
  properties[PROP_LAPSE_WHAT] =
    g_param_spec_string ("lapse-what", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAPSE_NOTE] =
    g_param_spec_string ("lapse-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:emotions:
   *
   * Built-in emotion keys (see steady_journal_choice_get_builtin_label())
   * and the person's own words.
   */
  properties[PROP_EMOTIONS] =
    g_param_spec_boxed ("emotions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRIGGERS] =
    g_param_spec_boxed ("triggers", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalEntry:skills:
   *
   * The ids of the skills used; change them with
   * steady_journal_entry_set_skill() and steady_journal_entry_remove_skill().
   */
  properties[PROP_SKILLS] =
    g_param_spec_boxed ("skills", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_journal_entry_init (SteadyJournalEntry *self)
{
  self->mood = STEADY_JOURNAL_UNSET;
  self->craving = STEADY_JOURNAL_UNSET;
  self->sleep_hours = STEADY_JOURNAL_UNSET_HOURS;
  self->substance_use = STEADY_SUBSTANCE_USE_NOT_SAID;
  self->skills = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->skill_helped = g_array_new (FALSE, FALSE, sizeof (int));
}

void
steady_journal_entry_notify (SteadyJournalEntry *self,
                             guint               prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/**
 * steady_journal_entry_new:
 *
 * Returns: (transfer full): an unsaved entry at the current local time
 */
SteadyJournalEntry *
steady_journal_entry_new (void)
{
  SteadyJournalEntry *self = g_object_new (STEADY_TYPE_JOURNAL_ENTRY, NULL);

  self->at = g_date_time_new_now_local ();

  return self;
}

/**
 * steady_journal_entry_copy:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (transfer full): an independent copy, id included
 */
SteadyJournalEntry *
steady_journal_entry_copy (SteadyJournalEntry *self)
{
  SteadyJournalEntry *copy;

  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  copy = g_object_new (STEADY_TYPE_JOURNAL_ENTRY, NULL);
  copy->id = self->id;
  copy->at = self->at != NULL ? g_date_time_ref (self->at) : NULL;
  copy->local_date = g_strdup (self->local_date);
  copy->utc_offset = self->utc_offset;
  copy->mood = self->mood;
  copy->craving = self->craving;
  copy->sleep_hours = self->sleep_hours;
  copy->substance_use = self->substance_use;
  copy->lapse_what = g_strdup (self->lapse_what);
  copy->lapse_note = g_strdup (self->lapse_note);
  copy->notes = g_strdup (self->notes);
  copy->emotions = g_strdupv (self->emotions);
  copy->triggers = g_strdupv (self->triggers);

  for (guint i = 0; i < n_skills (self); i++)
    steady_journal_entry_set_skill (copy,
                                    g_ptr_array_index (self->skills, i),
                                    g_array_index (self->skill_helped, int, i));

  return copy;
}

/**
 * steady_journal_entry_equal:
 * @self: a #SteadyJournalEntry
 * @other: another
 *
 * Compares everything the person can edit, and the id. Editors use it
 * to know whether there is anything to save.
 *
 * Returns: %TRUE if both say the same
 */
gboolean
steady_journal_entry_equal (SteadyJournalEntry *self,
                            SteadyJournalEntry *other)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), FALSE);
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (other), FALSE);

  if (self->id != other->id ||
      !date_time_same (self->at, other->at) ||
      self->mood != other->mood ||
      self->craving != other->craving ||
      self->sleep_hours != other->sleep_hours ||
      self->substance_use != other->substance_use ||
      g_strcmp0 (self->lapse_what, other->lapse_what) != 0 ||
      g_strcmp0 (self->lapse_note, other->lapse_note) != 0 ||
      g_strcmp0 (self->notes, other->notes) != 0 ||
      !steady_strv_equal0 ((const char * const *)self->emotions, (const char * const *)other->emotions) ||
      !steady_strv_equal0 ((const char * const *)self->triggers, (const char * const *)other->triggers) ||
      n_skills (self) != n_skills (other))
    return FALSE;

  for (guint i = 0; i < n_skills (self); i++)
    {
      if (!g_str_equal (g_ptr_array_index (self->skills, i), g_ptr_array_index (other->skills, i)) ||
          g_array_index (self->skill_helped, int, i) != g_array_index (other->skill_helped, int, i))
        return FALSE;
    }

  return TRUE;
}

gint64
steady_journal_entry_get_id (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), 0);

  return self->id;
}

/**
 * steady_journal_entry_get_at:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (transfer none): when the check-in happened
 */
GDateTime *
steady_journal_entry_get_at (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->at;
}

/**
 * steady_journal_entry_set_at:
 * @self: a #SteadyJournalEntry
 * @at: when the check-in happened; the store keeps whole seconds
 *
 * When saved with a changed time, the entry is filed under the local day
 * of @at in the local time zone.
 */
void
steady_journal_entry_set_at (SteadyJournalEntry *self,
                             GDateTime          *at)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));
  g_return_if_fail (at != NULL);

  if (date_time_same (self->at, at))
    return;

  g_clear_pointer (&self->at, g_date_time_unref);
  self->at = g_date_time_ref (at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
}

/**
 * steady_journal_entry_get_local_date:
 * @self: a #SteadyJournalEntry
 *
 * Returns: (nullable): the local day (YYYY-MM-DD) the entry is filed
 *   under, %NULL until saved
 */
const char *
steady_journal_entry_get_local_date (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->local_date;
}

int
steady_journal_entry_get_utc_offset (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), 0);

  return self->utc_offset;
}

int
steady_journal_entry_get_mood (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), STEADY_JOURNAL_UNSET);

  return self->mood;
}

/**
 * steady_journal_entry_set_mood:
 * @self: a #SteadyJournalEntry
 * @mood: 1 (very low) to 10 (very good), or %STEADY_JOURNAL_UNSET
 */
void
steady_journal_entry_set_mood (SteadyJournalEntry *self,
                               int                 mood)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (self->mood == mood)
    return;

  self->mood = mood;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOOD]);
}

int
steady_journal_entry_get_craving (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), STEADY_JOURNAL_UNSET);

  return self->craving;
}

/**
 * steady_journal_entry_set_craving:
 * @self: a #SteadyJournalEntry
 * @craving: 0 (none) to 10 (strongest), or %STEADY_JOURNAL_UNSET
 */
void
steady_journal_entry_set_craving (SteadyJournalEntry *self,
                                  int                 craving)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (self->craving == craving)
    return;

  self->craving = craving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRAVING]);
}

double
steady_journal_entry_get_sleep_hours (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), STEADY_JOURNAL_UNSET_HOURS);

  return self->sleep_hours;
}

/**
 * steady_journal_entry_set_sleep_hours:
 * @self: a #SteadyJournalEntry
 * @hours: 0 to 24, or %STEADY_JOURNAL_UNSET_HOURS
 */
void
steady_journal_entry_set_sleep_hours (SteadyJournalEntry *self,
                                      double              hours)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (self->sleep_hours == hours)
    return;

  self->sleep_hours = hours;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLEEP_HOURS]);
}

SteadySubstanceUse
steady_journal_entry_get_substance_use (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), STEADY_SUBSTANCE_USE_NOT_SAID);

  return self->substance_use;
}

void
steady_journal_entry_set_substance_use (SteadyJournalEntry *self,
                                        SteadySubstanceUse  use)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (self->substance_use == use)
    return;

  self->substance_use = use;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSTANCE_USE]);
}

const char *
steady_journal_entry_get_lapse_what (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->lapse_what;
}

void
steady_journal_entry_set_lapse_what (SteadyJournalEntry *self,
                                     const char         *what)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (set_string (&self->lapse_what, what))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAPSE_WHAT]);
}

const char *
steady_journal_entry_get_lapse_note (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->lapse_note;
}

void
steady_journal_entry_set_lapse_note (SteadyJournalEntry *self,
                                     const char         *note)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (set_string (&self->lapse_note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAPSE_NOTE]);
}

const char *
steady_journal_entry_get_notes (SteadyJournalEntry *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_ENTRY (self), NULL);

  return self->notes;
}

/**
 * steady_journal_entry_set_notes:
 * @self: a #SteadyJournalEntry
 * @notes: (nullable): free text of any length
 */
void
steady_journal_entry_set_notes (SteadyJournalEntry *self,
                                const char         *notes)
{
  g_return_if_fail (STEADY_IS_JOURNAL_ENTRY (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/* For the store: what it filed the entry as, after a commit. */
void
steady_journal_entry_set_stored (SteadyJournalEntry *self,
                                 gint64              id,
                                 GDateTime          *at,
                                 const char         *local_date,
                                 int                 utc_offset)
{
  g_assert (STEADY_IS_JOURNAL_ENTRY (self));
  g_assert (at != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  steady_journal_entry_set_at (self, at);

  if (set_string (&self->local_date, local_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_DATE]);

  if (self->utc_offset != utc_offset)
    {
      self->utc_offset = utc_offset;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UTC_OFFSET]);
    }

  /* Lapse details are only kept with a lapse. */
  if (self->substance_use != STEADY_SUBSTANCE_USE_LAPSE)
    {
      steady_journal_entry_set_lapse_what (self, NULL);
      steady_journal_entry_set_lapse_note (self, NULL);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
