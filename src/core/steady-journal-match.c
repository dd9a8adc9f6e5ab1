/* steady-journal-match.c: a check-in found by a search
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal"

#include "config.h"

#include "steady-journal-match.h"
#include "steady-journal-private.h"

/**
 * SteadyJournalMatch:
 *
 * A search result: the whole entry, and a short snippet of the text that
 * matched with each matched word between %STEADY_JOURNAL_MATCH_START and
 * %STEADY_JOURNAL_MATCH_END. steady_journal_match_dup_markup() turns it
 * into Pango markup with the words in bold.
 */
struct _SteadyJournalMatch
{
  GObject             parent_instance;

  /* Owned */
  SteadyJournalEntry *entry;
  char               *snippet;
};

G_DEFINE_FINAL_TYPE (SteadyJournalMatch, steady_journal_match, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_journal_match_dispose (GObject *object)
{
  SteadyJournalMatch *self = (SteadyJournalMatch *)object;

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (steady_journal_match_parent_class)->dispose (object);
}

static void
steady_journal_match_finalize (GObject *object)
{
  SteadyJournalMatch *self = (SteadyJournalMatch *)object;

  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (steady_journal_match_parent_class)->finalize (object);
}

static void
steady_journal_match_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SteadyJournalMatch *self = STEADY_JOURNAL_MATCH (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_match_class_init (SteadyJournalMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steady_journal_match_dispose;
  object_class->finalize = steady_journal_match_finalize;
  object_class->get_property = steady_journal_match_get_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         STEADY_TYPE_JOURNAL_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalMatch:snippet:
   *
   * The matching text with the matched words marked, or %NULL when the
   * search had no words (filters only).
   */
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_journal_match_init (SteadyJournalMatch *self)
{
}

SteadyJournalMatch *
steady_journal_match_new (SteadyJournalEntry *entry,
                          const char         *snippet)
{
  SteadyJournalMatch *self;

  g_assert (STEADY_IS_JOURNAL_ENTRY (entry));

  self = g_object_new (STEADY_TYPE_JOURNAL_MATCH, NULL);
  self->entry = g_object_ref (entry);
  self->snippet = g_strdup (snippet);

  return self;
}

/**
 * steady_journal_match_get_entry:
 * @self: a #SteadyJournalMatch
 *
 * Returns: (transfer none): the entry found
 */
SteadyJournalEntry *
steady_journal_match_get_entry (SteadyJournalMatch *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_MATCH (self), NULL);

  return self->entry;
}

/**
 * steady_journal_match_get_snippet:
 * @self: a #SteadyJournalMatch
 *
 * Returns: (nullable): the snippet with marked words
 */
const char *
steady_journal_match_get_snippet (SteadyJournalMatch *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_MATCH (self), NULL);

  return self->snippet;
}

/**
 * steady_journal_match_dup_markup:
 * @self: a #SteadyJournalMatch
 *
 * Returns: (transfer full) (nullable): the snippet as Pango markup
 */
char *
steady_journal_match_dup_markup (SteadyJournalMatch *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_MATCH (self), NULL);

  if (self->snippet == NULL)
    return NULL;

  return steady_journal_snippet_to_markup (self->snippet);
}

/**
 * steady_journal_snippet_to_markup:
 * @snippet: a snippet with %STEADY_JOURNAL_MATCH_START and
 *   %STEADY_JOURNAL_MATCH_END around matched words
 *
 * Escapes the text and puts each matched word in `<b>`…`</b>`. Markers
 * that do not pair up are dropped, so the result is always well formed.
 *
 * Returns: (transfer full): Pango markup
 */
char *
steady_journal_snippet_to_markup (const char *snippet)
{
  GString *markup;
  const char *run;
  const char *p;
  gboolean open = FALSE;

  g_return_val_if_fail (snippet != NULL, NULL);

  markup = g_string_new (NULL);
  run = snippet;

  for (p = snippet; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *escaped = NULL;

      if (c != STEADY_JOURNAL_MATCH_START_CHAR && c != STEADY_JOURNAL_MATCH_END_CHAR)
        continue;

      escaped = g_markup_escape_text (run, p - run);
      g_string_append (markup, escaped);
      run = g_utf8_next_char (p);

      if (c == STEADY_JOURNAL_MATCH_START_CHAR && !open)
        {
          g_string_append (markup, "<b>");
          open = TRUE;
        }
      else if (c == STEADY_JOURNAL_MATCH_END_CHAR && open)
        {
          g_string_append (markup, "</b>");
          open = FALSE;
        }
    }

  {
    g_autofree char *escaped = g_markup_escape_text (run, p - run);

    g_string_append (markup, escaped);
  }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (markup, FALSE);
}
