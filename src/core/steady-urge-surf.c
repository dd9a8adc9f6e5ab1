/* steady-urge-surf.c: the numbers of one urge surf, and its check-in
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-urge-surf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-urge-surf.h"

/* An urge surf is rated 0–10 before it starts ("before"), every two
 * minutes while it runs ("during", whichever the person answered) and
 * at the end ("after"). A surf stopped early may have no after rating:
 * then the last rating given is its end. Ratings outside 0–10 are
 * treated as not given. */

static gboolean
valid (int rating)
{
  return rating >= 0 && rating <= 10;
}

/**
 * steady_urge_surf_get_end:
 * @during: (array length=n_during) (nullable): the ratings while surfing
 * @n_during: how many
 * @after: the rating at the end, or -1 when none was given
 *
 * Returns: the last rating given after the start: @after, or else the
 *   last of @during, or -1 when there is none
 */
int
steady_urge_surf_get_end (const int *during,
                          gsize      n_during,
                          int        after)
{
  if (valid (after))
    return after;

  for (gsize i = n_during; during != NULL && i > 0; i--)
    {
      if (valid (during[i - 1]))
        return during[i - 1];
    }

  return -1;
}

/**
 * steady_urge_surf_get_peak:
 *
 * Returns: the strongest rating of the surf, before, during or after; -1
 *   when none was given. It is what the check-in keeps as its craving,
 *   as the journal's charts show the day's peak craving.
 */
int
steady_urge_surf_get_peak (int        before,
                           const int *during,
                           gsize      n_during,
                           int        after)
{
  int peak = valid (before) ? before : -1;

  for (gsize i = 0; during != NULL && i < n_during; i++)
    {
      if (valid (during[i]))
        peak = MAX (peak, during[i]);
    }

  if (valid (after))
    peak = MAX (peak, after);

  return peak;
}

/**
 * steady_urge_surf_compute_helped:
 * @before: the rating at the start, 0–10
 * @during: (array length=n_during) (nullable): the ratings while surfing
 * @n_during: how many
 * @after: the rating at the end, or -1 (see steady_urge_surf_get_end())
 *
 * How much the surf helped, 0–10, from how far the urge fell between the
 * start and the end, as a share of where it started:
 *
 *   helped = clamp (round ((before − end) / max (before, 1) × 10), 0, 10)
 *
 * rounding halves up. An urge that fell from 8 to 3 helped 6 (6.25); one
 * that fell to 0 helped 10, from wherever it started; one that stayed or
 * rose helped 0. The ratings in between do not change it (a rise along
 * the way is part of the wave); they count for the peak.
 *
 * Returns: 0–10, or -1 (%STEADY_JOURNAL_UNSET) when there is no before
 *   rating or no rating after it
 */
int
steady_urge_surf_compute_helped (int        before,
                                 const int *during,
                                 gsize      n_during,
                                 int        after)
{
  int end = steady_urge_surf_get_end (during, n_during, after);
  int base = MAX (before, 1);
  int drop;

  if (!valid (before) || end < 0)
    return STEADY_JOURNAL_UNSET;

  drop = before - end;
  if (drop <= 0)
    return 0;

  /* round (drop × 10 / base), halves up, in integers */
  return CLAMP ((drop * 20 + base) / (2 * base), 0, 10);
}

/**
 * steady_urge_surf_is_rising:
 * @previous: the rating before this one, or -1
 * @rating: the new rating
 *
 * Returns: %TRUE when the person should be offered Help Now and their
 *   people: the urge grew since @previous, or is
 *   %STEADY_URGE_SURF_STRONG or more
 */
gboolean
steady_urge_surf_is_rising (int previous,
                            int rating)
{
  if (!valid (rating))
    return FALSE;

  return rating >= STEADY_URGE_SURF_STRONG || (valid (previous) && rating > previous);
}

/**
 * steady_urge_surf_format_note:
 * @before: the rating at the start
 * @end: the rating at the end, or -1 when none was given
 * @minutes: how long the surf went on, in whole minutes
 *
 * Returns: (transfer full): the check-in's note, e.g.
 *   "Urge surf: 8 → 3 in 10 minutes"
 */
char *
steady_urge_surf_format_note (int   before,
                              int   end,
                              guint minutes)
{
  if (valid (end))
    /* Translators: a note on a check-in: an urge's strength (0–10) at the
     * start → at the end, and how long the person rode it out */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Urge surf: %d → %d in %u minute",
                                         "Urge surf: %d → %d in %u minutes", minutes),
                            before, end, minutes);

  /* Translators: a note on a check-in: an urge's strength (0–10) at the
   * start, and how long the person stayed with it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Urge surf: started at %d, stopped after %u minute",
                                       "Urge surf: started at %d, stopped after %u minutes", minutes),
                          before, minutes);
}

/**
 * steady_urge_surf_build_entry:
 * @started: when the surf started: the check-in's time
 * @before: the rating at the start, 0–10
 * @during: (array length=n_during) (nullable): the ratings while surfing
 * @n_during: how many
 * @after: the rating at the end, or -1
 * @minutes: how long the surf went on, in whole minutes
 *
 * The before/after check-in of a surf: its craving is the surf's peak,
 * its skill "urge-surfing" with steady_urge_surf_compute_helped() (unset
 * when there was no rating after the start), and its note says
 * "Urge surf: 8 → 3 in 10 minutes". Mood and the rest stay unset.
 *
 * Returns: (transfer full): a new, unsaved check-in
 */
SteadyJournalEntry *
steady_urge_surf_build_entry (GDateTime *started,
                              int        before,
                              const int *during,
                              gsize      n_during,
                              int        after,
                              guint      minutes)
{
  SteadyJournalEntry *entry;
  g_autofree char *note = NULL;

  g_return_val_if_fail (started != NULL, NULL);
  g_return_val_if_fail (valid (before), NULL);

  entry = steady_journal_entry_new ();
  steady_journal_entry_set_at (entry, started);
  steady_journal_entry_set_craving (entry, steady_urge_surf_get_peak (before, during, n_during, after));
  steady_journal_entry_set_skill (entry, STEADY_URGE_SURF_SKILL,
                                  steady_urge_surf_compute_helped (before, during, n_during, after));
  note = steady_urge_surf_format_note (before, steady_urge_surf_get_end (during, n_during, after), minutes);
  steady_journal_entry_set_notes (entry, note);

  return entry;
}
