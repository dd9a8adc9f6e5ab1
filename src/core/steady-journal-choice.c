/* steady-journal-choice.c: an emotion, trigger or skill to pick
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-journal-choice.h"
#include "steady-journal-private.h"

/**
 * SteadyJournalChoice:
 *
 * One thing the check-in editor offers to pick. An entry stores the
 * choice's key: a stable English key for a built-in choice, the person's
 * own words for a custom one, a skill id for a skill. The label is what
 * to show, translated.
 */
struct _SteadyJournalChoice
{
  GObject                  parent_instance;

  /* Owned */
  char                    *key;
  char                    *label;

  SteadyJournalChoiceKind  kind;
  gboolean                 custom;
};

G_DEFINE_FINAL_TYPE (SteadyJournalChoice, steady_journal_choice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_LABEL,
  PROP_CUSTOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keys are stored in check-ins: never change one once shipped. Keys are
 * unique within emotions and within triggers (all trigger kinds). */
static const SteadyJournalBuiltin builtins[] = {
  { STEADY_JOURNAL_CHOICE_EMOTION, "happy", N_("Happy") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "calm", N_("Calm") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "hopeful", N_("Hopeful") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "grateful", N_("Grateful") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "proud", N_("Proud") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "loved", N_("Loved") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "sad", N_("Sad") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "anxious", N_("Anxious") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "angry", N_("Angry") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "scared", N_("Scared") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "lonely", N_("Lonely") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "ashamed", N_("Ashamed") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "guilty", N_("Guilty") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "bored", N_("Bored") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "frustrated", N_("Frustrated") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "overwhelmed", N_("Overwhelmed") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "restless", N_("Restless") },
  { STEADY_JOURNAL_CHOICE_EMOTION, "numb", N_("Numb") },

  { STEADY_JOURNAL_CHOICE_PEOPLE, "people-i-used-with", N_("People I used with") },
  { STEADY_JOURNAL_CHOICE_PEOPLE, "conflict", N_("Conflict with someone") },
  { STEADY_JOURNAL_CHOICE_PEOPLE, "criticism", N_("Being criticized") },
  { STEADY_JOURNAL_CHOICE_PLACES, "bars-or-parties", N_("Bars or parties") },
  { STEADY_JOURNAL_CHOICE_PLACES, "places-i-used", N_("Places I used to use") },
  { STEADY_JOURNAL_CHOICE_PLACES, "home-alone", N_("Home alone") },
  { STEADY_JOURNAL_CHOICE_PLACES, "work", N_("Work") },
  { STEADY_JOURNAL_CHOICE_THINGS, "payday", N_("Payday or cash") },
  { STEADY_JOURNAL_CHOICE_THINGS, "seeing-substances", N_("Seeing alcohol or drugs") },
  { STEADY_JOURNAL_CHOICE_THINGS, "media", N_("Ads, films or social media") },
  { STEADY_JOURNAL_CHOICE_THINGS, "pain", N_("Pain or illness") },
  { STEADY_JOURNAL_CHOICE_FEELINGS, "stress", N_("Stress") },
  { STEADY_JOURNAL_CHOICE_FEELINGS, "boredom", N_("Boredom") },
  { STEADY_JOURNAL_CHOICE_FEELINGS, "celebrating", N_("Celebrating") },
  { STEADY_JOURNAL_CHOICE_FEELINGS, "rejection", N_("Feeling rejected") },
  /* Translators: the four HALT checks: hungry, angry, lonely, tired. */
  { STEADY_JOURNAL_CHOICE_HALT, "hungry", N_("Hungry") },
  { STEADY_JOURNAL_CHOICE_HALT, "angry", N_("Angry") },
  { STEADY_JOURNAL_CHOICE_HALT, "lonely", N_("Lonely") },
  { STEADY_JOURNAL_CHOICE_HALT, "tired", N_("Tired") },
};

GType
steady_journal_choice_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { STEADY_JOURNAL_CHOICE_EMOTION, "STEADY_JOURNAL_CHOICE_EMOTION", "emotion" },
        { STEADY_JOURNAL_CHOICE_PEOPLE, "STEADY_JOURNAL_CHOICE_PEOPLE", "people" },
        { STEADY_JOURNAL_CHOICE_PLACES, "STEADY_JOURNAL_CHOICE_PLACES", "places" },
        { STEADY_JOURNAL_CHOICE_THINGS, "STEADY_JOURNAL_CHOICE_THINGS", "things" },
        { STEADY_JOURNAL_CHOICE_FEELINGS, "STEADY_JOURNAL_CHOICE_FEELINGS", "feelings" },
        { STEADY_JOURNAL_CHOICE_HALT, "STEADY_JOURNAL_CHOICE_HALT", "halt" },
        { STEADY_JOURNAL_CHOICE_SKILL, "STEADY_JOURNAL_CHOICE_SKILL", "skill" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("SteadyJournalChoiceKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static const char *
translate (const SteadyJournalBuiltin *builtin)
{
  return g_dgettext (GETTEXT_PACKAGE, builtin->label);
}

static const SteadyJournalBuiltin *
find_builtin (gboolean    triggers,
              const char *key)
{
  if (key == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      gboolean is_trigger = steady_journal_choice_kind_is_trigger (builtins[i].kind);

      if (is_trigger == triggers && g_str_equal (builtins[i].key, key))
        return &builtins[i];
    }

  return NULL;
}

static void
steady_journal_choice_finalize (GObject *object)
{
  SteadyJournalChoice *self = (SteadyJournalChoice *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (steady_journal_choice_parent_class)->finalize (object);
}

static void
steady_journal_choice_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SteadyJournalChoice *self = STEADY_JOURNAL_CHOICE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_choice_class_init (SteadyJournalChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_journal_choice_finalize;
  object_class->get_property = steady_journal_choice_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       STEADY_TYPE_JOURNAL_CHOICE_KIND,
                       STEADY_JOURNAL_CHOICE_EMOTION,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalChoice:key:
   *
   * What a check-in stores when this is picked.
   */
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalChoice:label:
   *
   * What to show, translated.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalChoice:custom:
   *
   * Whether the person added it (and so can remove it).
   */
  properties[PROP_CUSTOM] =
    g_param_spec_boolean ("custom", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_journal_choice_init (SteadyJournalChoice *self)
{
}

SteadyJournalChoice *
steady_journal_choice_new (SteadyJournalChoiceKind  kind,
                           const char              *key,
                           const char              *label,
                           gboolean                 custom)
{
  SteadyJournalChoice *self;

  g_assert (key != NULL);
  g_assert (label != NULL);

  self = g_object_new (STEADY_TYPE_JOURNAL_CHOICE, NULL);
  self->kind = kind;
  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->custom = custom;

  return self;
}

SteadyJournalChoiceKind
steady_journal_choice_get_kind (SteadyJournalChoice *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_CHOICE (self), STEADY_JOURNAL_CHOICE_EMOTION);

  return self->kind;
}

const char *
steady_journal_choice_get_key (SteadyJournalChoice *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_CHOICE (self), NULL);

  return self->key;
}

const char *
steady_journal_choice_get_label (SteadyJournalChoice *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_CHOICE (self), NULL);

  return self->label;
}

gboolean
steady_journal_choice_get_custom (SteadyJournalChoice *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_CHOICE (self), FALSE);

  return self->custom;
}

gboolean
steady_journal_choice_kind_is_trigger (SteadyJournalChoiceKind kind)
{
  return kind >= STEADY_JOURNAL_CHOICE_PEOPLE && kind <= STEADY_JOURNAL_CHOICE_HALT;
}

/**
 * steady_journal_choice_get_builtin_label:
 * @kind: the kind
 * @key: a key
 *
 * Returns: (nullable): the translated label of the built-in choice @key
 *   of @kind, or %NULL when there is none
 */
const char *
steady_journal_choice_get_builtin_label (SteadyJournalChoiceKind  kind,
                                         const char              *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      if (builtins[i].kind == kind && g_str_equal (builtins[i].key, key))
        return translate (&builtins[i]);
    }

  return NULL;
}

/**
 * steady_journal_emotion_get_label:
 * @name: an emotion as a check-in stores it
 *
 * Returns: the translated label of a built-in emotion, else @name
 */
const char *
steady_journal_emotion_get_label (const char *name)
{
  const SteadyJournalBuiltin *builtin;

  g_return_val_if_fail (name != NULL, NULL);

  builtin = find_builtin (FALSE, name);

  return builtin != NULL ? translate (builtin) : name;
}

/**
 * steady_journal_trigger_get_label:
 * @name: a trigger as a check-in stores it
 *
 * Returns: the translated label of a built-in trigger, else @name
 */
const char *
steady_journal_trigger_get_label (const char *name)
{
  const SteadyJournalBuiltin *builtin;

  g_return_val_if_fail (name != NULL, NULL);

  builtin = find_builtin (TRUE, name);

  return builtin != NULL ? translate (builtin) : name;
}

gboolean
steady_journal_trigger_is_halt (const char *name)
{
  const SteadyJournalBuiltin *builtin;

  g_return_val_if_fail (name != NULL, FALSE);

  builtin = find_builtin (TRUE, name);

  return builtin != NULL && builtin->kind == STEADY_JOURNAL_CHOICE_HALT;
}

/* For the store. */
const SteadyJournalBuiltin *
steady_journal_choice_get_builtins (guint *n_builtins)
{
  *n_builtins = G_N_ELEMENTS (builtins);

  return builtins;
}

const char *
steady_journal_choice_kind_to_string (SteadyJournalChoiceKind kind)
{
  switch (kind)
    {
    case STEADY_JOURNAL_CHOICE_EMOTION:
      return "emotion";
    case STEADY_JOURNAL_CHOICE_PEOPLE:
      return "people";
    case STEADY_JOURNAL_CHOICE_PLACES:
      return "places";
    case STEADY_JOURNAL_CHOICE_THINGS:
      return "things";
    case STEADY_JOURNAL_CHOICE_FEELINGS:
      return "feelings";
    case STEADY_JOURNAL_CHOICE_HALT:
      return "halt";
    case STEADY_JOURNAL_CHOICE_SKILL:
      return "skill";
    default:
      g_assert_not_reached ();
    }
}
