/* test-journal.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include "steady-journal-history.h"
#include "steady-journal-private.h"
#include "steady-journal-stats.h"
#include "steady-sobriety.h"
#include "steady-test-store.h"

/* This program runs in several time zones (TZ is set by meson). Where an
 * expectation depends on the zone, it is computed with the C library's
 * own localtime_r()/mktime(), not with GLib, which the code under test
 * uses. */

typedef struct
{
  char        *path;
  SteadyStore *store;
} Fixture;

static void
open_store (Fixture *fixture)
{
  fixture->store = steady_test_open_store (fixture->path);
}

static void
close_store (Fixture *fixture)
{
  close_and_unref (g_steal_pointer (&fixture->store));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own XDG dirs. */
  fixture->path = steady_test_store_path ("steady.db");
  open_store (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->store != NULL)
    close_store (fixture);
  g_free (fixture->path);
}

static void
expected_local_date (gint64  t,
                     char    out[11],
                     long   *out_offset)
{
  time_t time = (time_t)t;
  struct tm tm;

  g_assert_nonnull (localtime_r (&time, &tm));
  g_assert_cmpuint (strftime (out, 11, "%Y-%m-%d", &tm), ==, 10);
  if (out_offset != NULL)
    *out_offset = tm.tm_gmtoff;
}

static GDate *
date_new (int year,
          int month,
          int day)
{
  return g_date_new_dmy (day, month, year);
}

static SteadyJournalEntry *
entry_at (gint64      t,
          int         mood,
          int         craving,
          const char *notes)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (t);
  SteadyJournalEntry *entry = steady_journal_entry_new ();

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, mood);
  steady_journal_entry_set_craving (entry, craving);
  steady_journal_entry_set_notes (entry, notes);

  return entry;
}

static gint64
save (SteadyStore        *store,
      SteadyJournalEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steady_journal_entry_get_id (entry), >, 0);

  return steady_journal_entry_get_id (entry);
}

static gint64
save_new (SteadyStore *store,
          gint64       t,
          int          mood,
          int          craving,
          const char  *notes)
{
  g_autoptr(SteadyJournalEntry) entry = entry_at (t, mood, craving, notes);

  return save (store, entry);
}

static GArray *
search_ids (SteadyStore         *store,
            const char          *text,
            const GDate         *from,
            const GDate         *to,
            SteadyJournalFilter  filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  results = steady_journal_search (store, text, from, to, filter, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(SteadyJournalMatch) match = g_list_model_get_item (results, i);
      gint64 id = steady_journal_entry_get_id (steady_journal_match_get_entry (match));

      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
finds (SteadyStore *store,
       const char  *text,
       gint64       id)
{
  g_autoptr(GArray) ids = search_ids (store, text, NULL, NULL, STEADY_JOURNAL_FILTER_NONE);

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

static guint
n_found (SteadyStore *store,
         const char  *text)
{
  g_autoptr(GArray) ids = search_ids (store, text, NULL, NULL, STEADY_JOURNAL_FILTER_NONE);

  return ids->len;
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize n = strlen (needle);
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  /* Binary data: no string functions. */
  for (gsize i = 0; i + n <= len; i++)
    {
      if (contents[i] == needle[0] && memcmp (contents + i, needle, n) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
store_files_contain (const char *path,
                     const char *needle)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  return file_contains (path, needle) || file_contains (wal, needle);
}

/* The ids in history order, straight from SQL. */
static GArray *
ids_in_order (SteadyStore *store)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = steady_store_prepare (store, steady_store_get_reader (store),
                               "SELECT id FROM journal_entries ORDER BY at DESC, id DESC", NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return ids;
}

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(SteadyJournalEntry) entry = g_list_model_get_item (model, position);

  g_assert_nonnull (entry);

  return steady_journal_entry_get_id (entry);
}

static void
async_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_create_read_update_delete (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) loaded = NULL;
  g_autoptr(SteadyJournalEntry) edited = NULL;
  g_autoptr(SteadyJournalEntry) plain = NULL;
  g_autoptr(GDateTime) at = NULL;
  const char *emotions[] = { "anxious", "hopeful", "Wistful", NULL };
  const char *triggers[] = { "hungry", "stress", "My old street", NULL };
  char expected_date[11];
  long expected_offset;
  gint64 t = local_unix (2024, 6, 15, 21, 30);
  gint64 id;

  entry = entry_at (t, 4, 8, "Hard evening.\nCalled my sponsor.");
  steady_journal_entry_set_emotions (entry, emotions);
  steady_journal_entry_set_triggers (entry, triggers);
  steady_journal_entry_set_skill (entry, "urge-surfing", 7);
  steady_journal_entry_set_skill (entry, "reach-out", STEADY_JOURNAL_UNSET);
  steady_journal_entry_set_sleep_hours (entry, 6.5);
  steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
  steady_journal_entry_set_lapse_what (entry, "Two beers");
  steady_journal_entry_set_lapse_note (entry, "At the game, with old friends.");

  g_assert_cmpint (steady_journal_entry_get_id (entry), ==, 0);
  g_assert_null (steady_journal_entry_get_local_date (entry));

  id = save (fixture->store, entry);
  expected_local_date (t, expected_date, &expected_offset);
  g_assert_cmpstr (steady_journal_entry_get_local_date (entry), ==, expected_date);
  g_assert_cmpint (steady_journal_entry_get_utc_offset (entry), ==, expected_offset);
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 1);

  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (steady_journal_entry_equal (loaded, entry));
  g_assert_cmpint (g_date_time_to_unix (steady_journal_entry_get_at (loaded)), ==, t);
  g_assert_cmpint (steady_journal_entry_get_mood (loaded), ==, 4);
  g_assert_cmpint (steady_journal_entry_get_craving (loaded), ==, 8);
  g_assert_cmpfloat (steady_journal_entry_get_sleep_hours (loaded), ==, 6.5);
  g_assert_cmpint (steady_journal_entry_get_substance_use (loaded), ==, STEADY_SUBSTANCE_USE_LAPSE);
  g_assert_cmpstr (steady_journal_entry_get_lapse_what (loaded), ==, "Two beers");
  g_assert_cmpstr (steady_journal_entry_get_lapse_note (loaded), ==, "At the game, with old friends.");
  g_assert_cmpstr (steady_journal_entry_get_notes (loaded), ==, "Hard evening.\nCalled my sponsor.");
  g_assert_true (g_strv_equal (steady_journal_entry_get_emotions (loaded), emotions));
  g_assert_true (g_strv_equal (steady_journal_entry_get_triggers (loaded), triggers));
  g_assert_cmpstr (steady_journal_entry_get_skills (loaded)[0], ==, "urge-surfing");
  g_assert_cmpstr (steady_journal_entry_get_skills (loaded)[1], ==, "reach-out");
  g_assert_null (steady_journal_entry_get_skills (loaded)[2]);
  g_assert_cmpint (steady_journal_entry_get_skill_helped (loaded, "urge-surfing"), ==, 7);
  g_assert_cmpint (steady_journal_entry_get_skill_helped (loaded, "reach-out"), ==, STEADY_JOURNAL_UNSET);
  /* The wall clock of the day it was written. */
  g_assert_cmpint (g_date_time_get_hour (steady_journal_entry_get_at (loaded)), ==, 21);
  g_assert_cmpint (g_date_time_get_minute (steady_journal_entry_get_at (loaded)), ==, 30);

  /* Edit a copy, as the editor does: the id stays. */
  edited = steady_journal_entry_copy (loaded);
  steady_journal_entry_set_mood (edited, 6);
  steady_journal_entry_set_notes (edited, "Better after the call.");
  steady_journal_entry_remove_skill (edited, "reach-out");
  steady_journal_entry_set_skill (edited, "urge-surfing", 9);
  steady_journal_entry_set_substance_use (edited, STEADY_SUBSTANCE_USE_NONE);
  g_assert_false (steady_journal_entry_equal (edited, loaded));
  g_assert_cmpint (save (fixture->store, edited), ==, id);
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 1);
  /* Lapse details go with the lapse. */
  g_assert_null (steady_journal_entry_get_lapse_what (edited));
  g_assert_null (steady_journal_entry_get_lapse_note (edited));

  g_clear_object (&loaded);
  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (steady_journal_entry_equal (loaded, edited));
  g_assert_cmpint (steady_journal_entry_get_mood (loaded), ==, 6);
  g_assert_cmpstr (steady_journal_entry_get_notes (loaded), ==, "Better after the call.");
  g_assert_cmpint (steady_journal_entry_get_skill_helped (loaded, "urge-surfing"), ==, 9);
  g_assert_false (steady_journal_entry_has_skill (loaded, "reach-out"));
  g_assert_null (steady_journal_entry_get_lapse_what (loaded));
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM journal_entry_skills"), ==, 1);

  /* Only the time is needed; everything else reads back unset. */
  plain = steady_journal_entry_new ();
  at = g_date_time_new_from_unix_local (t + 60);
  steady_journal_entry_set_at (plain, at);
  save (fixture->store, plain);
  g_clear_object (&loaded);
  loaded = steady_journal_get (fixture->store, steady_journal_entry_get_id (plain), &error);
  g_assert_no_error (error);
  g_assert_cmpint (steady_journal_entry_get_mood (loaded), ==, STEADY_JOURNAL_UNSET);
  g_assert_cmpint (steady_journal_entry_get_craving (loaded), ==, STEADY_JOURNAL_UNSET);
  g_assert_cmpfloat (steady_journal_entry_get_sleep_hours (loaded), ==, STEADY_JOURNAL_UNSET_HOURS);
  g_assert_cmpint (steady_journal_entry_get_substance_use (loaded), ==, STEADY_SUBSTANCE_USE_NOT_SAID);
  g_assert_null (steady_journal_entry_get_notes (loaded));
  g_assert_null (steady_journal_entry_get_emotions (loaded)[0]);
  g_assert_null (steady_journal_entry_get_skills (loaded)[0]);

  /* Delete really deletes, children included. */
  g_assert_true (steady_journal_delete (fixture->store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_null (loaded);
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 1);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM journal_entry_emotions"), ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM journal_entry_triggers"), ==, 0);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM journal_entry_skills"), ==, 0);

  g_assert_false (steady_journal_delete (fixture->store, id, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: saving the deleted copy brings it back under its own id. */
  g_assert_cmpint (save (fixture->store, edited), ==, id);
  g_clear_object (&loaded);
  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (steady_journal_entry_equal (loaded, edited));
  g_assert_true (finds (fixture->store, "better after", id));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SteadyJournalEntry) feelings = NULL;
  g_autoptr(SteadyJournalEntry) lapse = NULL;
  g_autoptr(SteadyJournalEntry) edited = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) may = date_new (2024, 5, 1);
  g_autoptr(GDate) may_end = date_new (2024, 5, 31);
  g_autofree char *markup = NULL;
  const char *emotions[] = { "anxious", "Wistful", NULL };
  const char *triggers[] = { "hungry", "Payday Friday", NULL };
  SteadyJournalMatch *match;
  gint64 zebra, cafe, with_feelings, with_lapse, quiet;

  zebra = save_new (fixture->store, local_unix (2024, 4, 2, 9, 0), 5, 2, "I saw a zebra at the zoo.");
  cafe = save_new (fixture->store, local_unix (2024, 5, 3, 9, 0), 6, 8, "Coffee at the Café du Monde.");
  quiet = save_new (fixture->store, local_unix (2024, 5, 4, 9, 0), 7, 1, NULL);

  feelings = entry_at (local_unix (2024, 5, 10, 20, 0), 3, 9, "A long day.");
  steady_journal_entry_set_emotions (feelings, emotions);
  steady_journal_entry_set_triggers (feelings, triggers);
  steady_journal_entry_set_skill (feelings, "urge-surfing", 8);
  with_feelings = save (fixture->store, feelings);

  lapse = entry_at (local_unix (2024, 6, 1, 23, 0), 2, 10, "Not proud, but learning.");
  steady_journal_entry_set_substance_use (lapse, STEADY_SUBSTANCE_USE_LAPSE);
  steady_journal_entry_set_lapse_what (lapse, "Wine");
  steady_journal_entry_set_lapse_note (lapse, "At my cousin's wedding");
  with_lapse = save (fixture->store, lapse);

  /* Notes, by word, by prefix as typed, regardless of case and accents. */
  g_assert_true (finds (fixture->store, "zebra", zebra));
  g_assert_true (finds (fixture->store, "ZEB", zebra));
  g_assert_true (finds (fixture->store, "saw zeb", zebra));
  g_assert_false (finds (fixture->store, "zoo saw zebras", zebra));
  g_assert_true (finds (fixture->store, "cafe", cafe));
  g_assert_true (finds (fixture->store, "café", cafe));
  g_assert_cmpuint (n_found (fixture->store, "zebra"), ==, 1);

  /* Emotions (built-in by label, and the person's own), triggers (HALT
   * too), skills by name, and the lapse. */
  g_assert_true (finds (fixture->store, "anxious", with_feelings));
  g_assert_true (finds (fixture->store, "wistful", with_feelings));
  g_assert_true (finds (fixture->store, "hungry", with_feelings));
  g_assert_true (finds (fixture->store, "halt", with_feelings));
  g_assert_true (finds (fixture->store, "payday", with_feelings));
  g_assert_true (finds (fixture->store, "urge surf", with_feelings));
  g_assert_true (finds (fixture->store, "wedding", with_lapse));
  g_assert_true (finds (fixture->store, "wine", with_lapse));
  g_assert_cmpuint (n_found (fixture->store, "anxious"), ==, 1);

  /* A snippet with the match marked, and as markup. */
  results = steady_journal_search (fixture->store, "zeb", NULL, NULL, STEADY_JOURNAL_FILTER_NONE, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  match = g_list_model_get_item (results, 0);
  g_assert_nonnull (strstr (steady_journal_match_get_snippet (match),
                            STEADY_JOURNAL_MATCH_START "zebra" STEADY_JOURNAL_MATCH_END));
  markup = steady_journal_match_dup_markup (match);
  g_assert_nonnull (strstr (markup, "<b>zebra</b>"));
  g_assert_cmpstr (steady_journal_entry_get_notes (steady_journal_match_get_entry (match)), ==,
                   "I saw a zebra at the zoo.");
  g_object_unref (match);

  /* Filters, alone and with words; newest first. */
  ids = search_ids (fixture->store, NULL, NULL, NULL, STEADY_JOURNAL_FILTER_LAPSE);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, with_lapse);
  g_clear_pointer (&ids, g_array_unref);

  ids = search_ids (fixture->store, "", NULL, NULL, STEADY_JOURNAL_FILTER_HIGH_CRAVING);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, with_lapse);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, with_feelings);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, cafe);
  g_clear_pointer (&ids, g_array_unref);

  ids = search_ids (fixture->store, NULL, may, may_end, STEADY_JOURNAL_FILTER_NONE);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, with_feelings);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, quiet);
  g_assert_cmpint (g_array_index (ids, gint64, 2), ==, cafe);
  g_clear_pointer (&ids, g_array_unref);

  ids = search_ids (fixture->store, "at", may, may_end, STEADY_JOURNAL_FILTER_HIGH_CRAVING);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cafe);
  g_clear_pointer (&ids, g_array_unref);

  ids = search_ids (fixture->store, "zebra", may, may_end, STEADY_JOURNAL_FILTER_NONE);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* As the GUI searches while typing: on the worker, stale ones
   * cancelled. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) stale_result = NULL;
    g_autoptr(GCancellable) stale = g_cancellable_new ();
    g_autoptr(GListModel) found = NULL;
    g_autoptr(GListModel) nothing = NULL;
    g_autoptr(SteadyJournalMatch) first_match = NULL;

    g_main_context_acquire (g_main_context_default ());
    steady_journal_search_async (fixture->store, "wed", NULL, NULL, STEADY_JOURNAL_FILTER_NONE, 0,
                                 stale, async_result_cb, &stale_result);
    g_cancellable_cancel (stale);
    steady_journal_search_async (fixture->store, "wedding", NULL, NULL, STEADY_JOURNAL_FILTER_LAPSE, 0,
                                 NULL, async_result_cb, &result);
    nothing = steady_journal_search_finish (fixture->store, wait_for (&stale_result), &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (nothing);
    g_clear_error (&error);
    found = steady_journal_search_finish (fixture->store, wait_for (&result), &error);
    g_main_context_release (g_main_context_default ());

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    first_match = g_list_model_get_item (found, 0);
    g_assert_cmpint (steady_journal_entry_get_id (steady_journal_match_get_entry (first_match)), ==, with_lapse);
    g_assert_nonnull (strstr (steady_journal_match_get_snippet (first_match),
                              STEADY_JOURNAL_MATCH_START "wedding" STEADY_JOURNAL_MATCH_END));
  }

  /* After an edit the old word is gone and the new one is found. */
  edited = steady_journal_get (fixture->store, zebra, &error);
  g_assert_no_error (error);
  steady_journal_entry_set_notes (edited, "I saw a giraffe at the zoo.");
  save (fixture->store, edited);
  g_assert_false (finds (fixture->store, "zebra", zebra));
  g_assert_true (finds (fixture->store, "giraffe", zebra));

  /* A skill or emotion taken off an entry is no longer found there. */
  steady_journal_entry_remove_skill (feelings, "urge-surfing");
  steady_journal_entry_set_emotions (feelings, NULL);
  save (fixture->store, feelings);
  g_assert_false (finds (fixture->store, "urge", with_feelings));
  g_assert_false (finds (fixture->store, "wistful", with_feelings));
  g_assert_true (finds (fixture->store, "payday", with_feelings));

  /* After a delete it is not found. */
  g_assert_true (steady_journal_delete (fixture->store, zebra, &error));
  g_assert_no_error (error);
  g_assert_false (finds (fixture->store, "giraffe", zebra));
  g_assert_cmpuint (n_found (fixture->store, "giraffe"), ==, 0);
}

/* A word in more check-ins than the limit is searched by walking the
 * index on time; in fewer, by reading the matching rows. Both give the
 * newest first, with the filters applied. Check-ins are saved out of
 * order (one filed for an earlier time), so ids are not times. */
static void
test_search_many (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const guint limits[] = { 5, 12, 100 };

  for (guint i = 0; i < 40; i++)
    {
      /* 0, 17, 34, 11, 28, … hours: a shuffle of 40 distinct times */
      gint64 t = local_unix (2024, 3, 1, 0, 0) + (gint64)((i * 17) % 40) * 3600;
      gint64 id = save_new (fixture->store, t, 5, i % 3 == 0 ? 9 : 2, "A long walk by the river.");

      g_array_append_val (saved, id);
      g_array_append_val (times, t);
    }
  save_new (fixture->store, local_unix (2024, 3, 5, 0, 0), 5, 9, "Stayed in.");

  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    for (guint high = 0; high < 2; high++)
      {
        g_autoptr(GListModel) results = NULL;
        g_autoptr(GError) error = NULL;
        guint expected = 0;
        gint64 previous = G_MAXINT64;

        results = steady_journal_search (fixture->store, "walk", NULL, NULL,
                                         high ? STEADY_JOURNAL_FILTER_HIGH_CRAVING : STEADY_JOURNAL_FILTER_NONE,
                                         limits[l], &error);
        g_assert_no_error (error);

        for (guint i = 0; i < saved->len; i++)
          if (!high || i % 3 == 0)
            expected++;
        expected = MIN (expected, limits[l]);
        g_assert_cmpuint (g_list_model_get_n_items (results), ==, expected);

        /* Newest first, and each the newest not yet listed: the results
         * are the first @expected of all matches by time. */
        for (guint r = 0; r < expected; r++)
          {
            g_autoptr(SteadyJournalMatch) match = g_list_model_get_item (results, r);
            SteadyJournalEntry *entry = steady_journal_match_get_entry (match);
            gint64 at = g_date_time_to_unix (steady_journal_entry_get_at (entry));
            guint newer = 0;

            g_assert_cmpint (at, <, previous);
            previous = at;
            g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, "A long walk by the river.");
            if (high)
              g_assert_cmpint (steady_journal_entry_get_craving (entry), >=, STEADY_JOURNAL_HIGH_CRAVING);
            g_assert_nonnull (strstr (steady_journal_match_get_snippet (match), "walk"));

            for (guint i = 0; i < saved->len; i++)
              if ((!high || i % 3 == 0) && g_array_index (times, gint64, i) > at)
                newer++;
            g_assert_cmpuint (newer, ==, r);
          }
      }
}

static void
test_search_hostile_text (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *texts[] = {
    "\"", "\"\"", "a OR b", "notes: x", "*", "(", ")", "a AND", "NEAR(a b)", "^x", "x:y",
    "'); DROP TABLE journal_entries; --", "-", "+", "{notes}", "a NOT b", "\\", "%", "_",
  };
  gint64 id;

  id = save_new (fixture->store, local_unix (2024, 3, 1, 12, 0), 5, 5,
                 "x y a b notes NEAR OR AND drop table journal_entries");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = NULL;

      results = steady_journal_search (fixture->store, texts[i], NULL, NULL,
                                       STEADY_JOURNAL_FILTER_NONE, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (results);
    }

  /* Operators are plain words. */
  g_assert_true (finds (fixture->store, "a OR b", id));
  g_assert_true (finds (fixture->store, "NEAR", id));
  g_assert_false (finds (fixture->store, "zzz OR x", id));
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 1);
}

static void
test_match_query (void)
{
  struct { const char *text; const char *query; } cases[] = {
    { NULL, NULL },
    { "", NULL },
    { "   \t\n ", NULL },
    { "!!! - *", NULL },
    { "hello", "\"hello\"*" },
    { "  hello   wor ", "\"hello\" \"wor\"*" },
    { "say \"hi\"", "\"say\" \"\"\"hi\"\"\"*" },
    { "NEAR(a b)", "\"NEAR(a\" \"b)\"*" },
    { "don't -", "\"don't\"*" },
    { "שלום עולם", "\"שלום\" \"עולם\"*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = steady_journal_build_match_query (cases[i].text);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static void
test_snippet_markup (void)
{
  struct { const char *snippet; const char *markup; } cases[] = {
    { "plain", "plain" },
    { "a <b> & " STEADY_JOURNAL_MATCH_START "word" STEADY_JOURNAL_MATCH_END " c",
      "a &lt;b&gt; &amp; <b>word</b> c" },
    { STEADY_JOURNAL_MATCH_END "x" STEADY_JOURNAL_MATCH_START "y", "x<b>y</b>" },
    { "…" STEADY_JOURNAL_MATCH_START "é" STEADY_JOURNAL_MATCH_END "…", "…<b>é</b>…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = steady_journal_snippet_to_markup (cases[i].snippet);

      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}

static void
test_delete_leaves_no_trace (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) edited = NULL;
  const char *secret = "Xylophonequartz marmalade zeppelin";
  const char *gone_word = "Quixoticvermilion";
  gint64 t = local_unix (2024, 2, 1, 8, 0);
  gint64 secret_id, edited_id;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *notes = g_strdup_printf ("Fillerword entry %u about the ordinary day", i);

      save_new (fixture->store, t + i * 3600, 5, 3, notes);
    }
  secret_id = save_new (fixture->store, t + 100 * 3600, 2, 9, secret);
  edited_id = save_new (fixture->store, t + 101 * 3600, 4, 4, "Edited away: Quixoticvermilion");

  /* The checks below can fail: before deleting, the text is in the file. */
  close_store (fixture);
  g_assert_true (store_files_contain (fixture->path, secret));
  g_assert_true (store_files_contain (fixture->path, gone_word));
  open_store (fixture);

  edited = steady_journal_get (fixture->store, edited_id, &error);
  g_assert_no_error (error);
  steady_journal_entry_set_notes (edited, "Nothing to see");
  save (fixture->store, edited);

  /* A word edited away goes too: its row and the index's copy. */
  g_assert_false (finds (fixture->store, "quixoticvermilion", edited_id));
  g_assert_false (store_files_contain (fixture->path, gone_word));
  g_assert_false (store_files_contain (fixture->path, "xoticvermilion"));
  g_assert_true (store_files_contain (fixture->path, secret));

  g_assert_true (steady_journal_delete (fixture->store, secret_id, &error));
  g_assert_no_error (error);
  g_assert_false (finds (fixture->store, "xylophonequartz", secret_id));

  /* Gone while the store is still open (the delete checkpointed)… */
  g_assert_false (store_files_contain (fixture->path, secret));
  g_assert_false (store_files_contain (fixture->path, "Xylophonequartz"));
  g_assert_false (store_files_contain (fixture->path, "xylophonequartz"));
  g_assert_false (store_files_contain (fixture->path, "lophonequartz"));
  g_assert_false (store_files_contain (fixture->path, gone_word));
  g_assert_false (store_files_contain (fixture->path, "xoticvermilion"));

  /* …and after closing; the rest is still there. */
  close_store (fixture);
  g_assert_false (store_files_contain (fixture->path, secret));
  g_assert_false (store_files_contain (fixture->path, "lophonequartz"));
  g_assert_false (store_files_contain (fixture->path, "marmalade"));
  g_assert_false (store_files_contain (fixture->path, "xoticvermilion"));
  g_assert_true (store_files_contain (fixture->path, "Fillerword entry 39"));
  g_assert_true (store_files_contain (fixture->path, "Nothing to see"));
  open_store (fixture);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GDate) last = date_new (2024, 5, 14);
  g_autoptr(GDate) first = date_new (2024, 5, 8);
  g_autofree char *sentence = NULL;
  SteadyJournalSummary summary;
  const SteadyJournalDay *day;
  const SteadyJournalCount *count;
  const SteadyJournalSkillStat *stat;
  struct {
    int day, hour, minute, mood, craving;
    const char *triggers[3];
    const char *skills[2];
    int helped[2];
  } rows[] = {
    /* The week before */
    { 2, 10, 0, 4, 8, { "stress", "hungry" }, { "urge-surfing", "slow-breathing" }, { 6, 2 } },
    { 2, 20, 0, 6, 3, { "stress" }, { NULL }, { 0 } },
    { 5, 9, 0, 5, -1, { "lonely" }, { NULL }, { 0 } },
    /* The week */
    { 8, 8, 0, 7, 9, { "stress", "payday" }, { "urge-surfing", "reach-out" }, { 8, -1 } },
    { 8, 22, 0, 5, 2, { "hungry" }, { "slow-breathing" }, { 9 } },
    { 10, 12, 0, -1, 7, { "stress", "hungry" }, { "slow-breathing", "urge-surfing" }, { 4, 10 } },
    { 14, 23, 59, 8, 0, { NULL }, { NULL }, { 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SteadyJournalEntry) entry = NULL;

      entry = entry_at (local_unix (2024, 5, rows[i].day, rows[i].hour, rows[i].minute),
                        rows[i].mood, rows[i].craving, NULL);
      steady_journal_entry_set_triggers (entry, rows[i].triggers);
      for (guint j = 0; j < 2 && rows[i].skills[j] != NULL; j++)
        steady_journal_entry_set_skill (entry, rows[i].skills[j], rows[i].helped[j]);
      save (fixture->store, entry);
    }

  /* Daily, by local day, oldest first, with the empty days. */
  days = steady_journal_stats_daily (fixture->store, last, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 7);

  day = &g_array_index (days, SteadyJournalDay, 0);
  g_assert_cmpint (g_date_compare (&day->date, first), ==, 0);
  g_assert_cmpuint (day->n_entries, ==, 2);
  g_assert_cmpfloat_with_epsilon (day->mood, 6.0, 1e-9);
  g_assert_cmpint (day->craving_peak, ==, 9);

  day = &g_array_index (days, SteadyJournalDay, 1);
  g_assert_cmpuint (day->n_entries, ==, 0);
  g_assert_cmpfloat (day->mood, ==, -1);
  g_assert_cmpint (day->craving_peak, ==, -1);

  day = &g_array_index (days, SteadyJournalDay, 2);
  g_assert_cmpuint (day->n_entries, ==, 1);
  g_assert_cmpfloat (day->mood, ==, -1);
  g_assert_cmpint (day->craving_peak, ==, 7);

  day = &g_array_index (days, SteadyJournalDay, 6);
  g_assert_cmpint (g_date_compare (&day->date, last), ==, 0);
  g_assert_cmpuint (day->n_entries, ==, 1);
  g_assert_cmpfloat_with_epsilon (day->mood, 8.0, 1e-9);
  g_assert_cmpint (day->craving_peak, ==, 0);

  /* This week against the week before: days count once each. */
  g_assert_true (steady_journal_stats_summary (fixture->store, last, 7, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_days, ==, 7);
  g_assert_cmpuint (summary.n_entries, ==, 4);
  g_assert_cmpuint (summary.n_mood_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary.mood, (6.0 + 8.0) / 2, 1e-9);
  g_assert_cmpint (summary.craving_peak, ==, 9);
  g_assert_cmpuint (summary.previous_n_entries, ==, 3);
  g_assert_cmpuint (summary.previous_n_mood_days, ==, 2);
  g_assert_cmpfloat_with_epsilon (summary.previous_mood, ((4.0 + 6.0) / 2 + 5.0) / 2, 1e-9);
  g_assert_cmpint (summary.previous_craving_peak, ==, 8);

  sentence = steady_journal_summary_describe (&summary);
  g_assert_cmpstr (sentence, ==,
                   "Your average mood in the last 7 days was 7.0 out of 10, up from 5.0 in the 7 days before.");

  /* Most frequent triggers, all time and this week (ties by name). */
  triggers = steady_journal_stats_top_triggers (fixture->store, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, 4);
  count = g_ptr_array_index (triggers, 0);
  g_assert_cmpstr (count->name, ==, "stress");
  g_assert_cmpstr (count->label, ==, "Stress");
  g_assert_cmpuint (count->count, ==, 4);
  count = g_ptr_array_index (triggers, 1);
  g_assert_cmpstr (count->name, ==, "hungry");
  g_assert_cmpstr (count->label, ==, "Hungry");
  g_assert_cmpuint (count->count, ==, 3);
  count = g_ptr_array_index (triggers, 2);
  g_assert_cmpstr (count->name, ==, "lonely");
  g_assert_cmpuint (count->count, ==, 1);
  count = g_ptr_array_index (triggers, 3);
  g_assert_cmpstr (count->name, ==, "payday");
  g_assert_cmpuint (count->count, ==, 1);
  g_clear_pointer (&triggers, g_ptr_array_unref);

  triggers = steady_journal_stats_top_triggers (fixture->store, first, last, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (triggers->len, ==, 2);
  count = g_ptr_array_index (triggers, 0);
  g_assert_cmpstr (count->name, ==, "hungry");
  g_assert_cmpuint (count->count, ==, 2);
  count = g_ptr_array_index (triggers, 1);
  g_assert_cmpstr (count->name, ==, "stress");
  g_assert_cmpuint (count->count, ==, 2);

  /* Skills when craving was 7 or more: the 05-08 22:00 rating of 9 had
   * a craving of 2 and does not count. */
  skills = steady_journal_stats_helpful_skills (fixture->store, NULL, NULL,
                                                STEADY_JOURNAL_HIGH_CRAVING, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skills->len, ==, 3);
  stat = g_ptr_array_index (skills, 0);
  g_assert_cmpstr (stat->skill_id, ==, "urge-surfing");
  g_assert_cmpstr (stat->name, ==, "Urge surfing");
  g_assert_cmpuint (stat->n_used, ==, 3);
  g_assert_cmpuint (stat->n_rated, ==, 3);
  g_assert_cmpfloat_with_epsilon (stat->helped, (6.0 + 8.0 + 10.0) / 3, 1e-9);
  stat = g_ptr_array_index (skills, 1);
  g_assert_cmpstr (stat->skill_id, ==, "slow-breathing");
  g_assert_cmpuint (stat->n_used, ==, 2);
  g_assert_cmpuint (stat->n_rated, ==, 2);
  g_assert_cmpfloat_with_epsilon (stat->helped, (2.0 + 4.0) / 2, 1e-9);
  stat = g_ptr_array_index (skills, 2);
  g_assert_cmpstr (stat->skill_id, ==, "reach-out");
  g_assert_cmpuint (stat->n_used, ==, 1);
  g_assert_cmpuint (stat->n_rated, ==, 0);
  g_assert_cmpfloat (stat->helped, ==, -1);

  /* A trends page's worth, on the worker, for the week. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(SteadyJournalTrends) trends = NULL;

    g_main_context_acquire (g_main_context_default ());
    steady_journal_stats_load_async (fixture->store, last, 7, 0, NULL, async_result_cb, &result);
    trends = steady_journal_stats_load_finish (fixture->store, wait_for (&result), &error);
    g_main_context_release (g_main_context_default ());
    g_assert_no_error (error);

    g_assert_cmpuint (trends->days->len, ==, 7);
    g_assert_cmpint (g_date_compare (&g_array_index (trends->days, SteadyJournalDay, 0).date, first), ==, 0);
    g_assert_cmpuint (g_array_index (trends->days, SteadyJournalDay, 0).n_entries, ==, 2);
    g_assert_cmpfloat_with_epsilon (trends->summary.mood, summary.mood, 1e-9);
    g_assert_cmpfloat_with_epsilon (trends->summary.previous_mood, summary.previous_mood, 1e-9);
    g_assert_cmpuint (trends->summary.n_entries, ==, summary.n_entries);

    g_assert_cmpuint (trends->top_triggers->len, ==, 3);
    count = g_ptr_array_index (trends->top_triggers, 2);
    g_assert_cmpstr (count->name, ==, "payday");
    g_assert_cmpuint (count->count, ==, 1);

    /* In the week: urge surfing 8 and 10, slow breathing 4. */
    g_assert_cmpuint (trends->helpful_skills->len, ==, 3);
    stat = g_ptr_array_index (trends->helpful_skills, 0);
    g_assert_cmpstr (stat->skill_id, ==, "urge-surfing");
    g_assert_cmpuint (stat->n_used, ==, 2);
    g_assert_cmpfloat_with_epsilon (stat->helped, 9.0, 1e-9);
    stat = g_ptr_array_index (trends->helpful_skills, 1);
    g_assert_cmpstr (stat->skill_id, ==, "slow-breathing");
    g_assert_cmpuint (stat->n_used, ==, 1);
    g_assert_cmpfloat_with_epsilon (stat->helped, 4.0, 1e-9);
  }
}

static void
test_summary_sentences (void)
{
  SteadyJournalSummary summary = { 0, };
  g_autofree char *none = NULL;
  g_autofree char *first = NULL;
  g_autofree char *same = NULL;
  g_autofree char *down = NULL;

  summary.n_days = 30;
  summary.mood = -1;
  summary.previous_mood = -1;
  none = steady_journal_summary_describe (&summary);
  g_assert_cmpstr (none, ==, "No mood was logged in the last 30 days.");

  summary.n_mood_days = 3;
  summary.mood = 6.25;
  first = steady_journal_summary_describe (&summary);
  g_assert_cmpstr (first, ==, "Your average mood in the last 30 days was 6.2 out of 10.");

  summary.previous_n_mood_days = 2;
  summary.previous_mood = 6.26;
  same = steady_journal_summary_describe (&summary);
  g_assert_cmpstr (same, ==,
                   "Your average mood in the last 30 days was 6.2 out of 10, about the same as in the 30 days before.");

  summary.previous_mood = 7.5;
  down = steady_journal_summary_describe (&summary);
  g_assert_cmpstr (down, ==,
                   "Your average mood in the last 30 days was 6.2 out of 10, down from 7.5 in the 30 days before.");
}

static void
assert_sobriety (SteadyStore *store,
                 const GDate *today,
                 gboolean     active,
                 guint        current_days,
                 guint        total_days,
                 guint        n_periods)
{
  g_autoptr(GError) error = NULL;
  SteadySobrietySummary summary;

  g_assert_true (steady_sobriety_get_summary (store, today, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpint (summary.active, ==, active);
  g_assert_cmpuint (summary.current_days, ==, current_days);
  g_assert_cmpuint (summary.total_days, ==, total_days);
  g_assert_cmpuint (summary.n_periods, ==, n_periods);
}

static void
sobriety_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_sobriety_set_start_finish (STEADY_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_sobriety (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) periods = NULL;
  g_autoptr(GDate) jan1 = date_new (2024, 1, 1);
  g_autoptr(GDate) jan2 = date_new (2024, 1, 2);
  g_autoptr(GDate) jan11 = date_new (2024, 1, 11);
  g_autoptr(GDate) jan12 = date_new (2024, 1, 12);
  g_autoptr(GDate) jan15 = date_new (2024, 1, 15);
  g_autoptr(GDate) jan20 = date_new (2024, 1, 20);
  g_autoptr(GDate) dec31 = date_new (2023, 12, 31);
  g_autoptr(GDate) feb1 = date_new (2024, 2, 1);
  g_autoptr(GDate) feb2 = date_new (2024, 2, 2);
  g_autoptr(GDate) feb11 = date_new (2024, 2, 11);
  SteadySobrietyPeriod *period;
  SteadySobrietySummary summary;
  gboolean done = FALSE;

  assert_sobriety (fixture->store, jan11, FALSE, 0, 0, 0);

  g_assert_true (steady_sobriety_set_start (fixture->store, jan1, &error));
  g_assert_no_error (error);
  assert_sobriety (fixture->store, jan1, TRUE, 0, 0, 1);
  assert_sobriety (fixture->store, jan11, TRUE, 10, 10, 1);

  /* A corrected start is not a new attempt. */
  g_assert_true (steady_sobriety_set_start (fixture->store, jan2, &error));
  g_assert_no_error (error);
  assert_sobriety (fixture->store, jan11, TRUE, 9, 9, 1);
  g_assert_true (steady_sobriety_get_summary (fixture->store, jan11, &summary, &error));
  g_assert_cmpint (g_date_compare (&summary.start, jan2), ==, 0);

  /* Refused, and nothing changed. */
  g_assert_false (steady_sobriety_restart (fixture->store, dec31, jan12, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_sobriety_restart (fixture->store, jan12, jan11, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_sobriety (fixture->store, jan11, TRUE, 9, 9, 1);

  /* A lapse on the 11th, a new start on the 12th: the 9 days stay. */
  g_assert_true (steady_sobriety_restart (fixture->store, jan11, jan12, &error));
  g_assert_no_error (error);
  assert_sobriety (fixture->store, jan20, TRUE, 8, 9 + 8, 2);

  /* Starting again the same day as a lapse. */
  g_assert_true (steady_sobriety_restart (fixture->store, NULL, feb1, &error));
  g_assert_no_error (error);
  assert_sobriety (fixture->store, feb11, TRUE, 10, 9 + 20 + 10, 3);

  periods = steady_sobriety_list_periods (fixture->store, feb11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (periods), ==, 3);

  period = g_list_model_get_item (periods, 0);
  g_assert_true (steady_sobriety_period_is_current (period));
  g_assert_null (steady_sobriety_period_get_end (period));
  g_assert_cmpint (g_date_compare (steady_sobriety_period_get_start (period), feb1), ==, 0);
  g_assert_cmpuint (steady_sobriety_period_get_days (period), ==, 10);
  g_object_unref (period);

  period = g_list_model_get_item (periods, 1);
  g_assert_false (steady_sobriety_period_is_current (period));
  g_assert_cmpint (g_date_compare (steady_sobriety_period_get_start (period), jan12), ==, 0);
  g_assert_cmpint (g_date_compare (steady_sobriety_period_get_end (period), feb1), ==, 0);
  g_assert_cmpuint (steady_sobriety_period_get_days (period), ==, 20);
  g_object_unref (period);

  period = g_list_model_get_item (periods, 2);
  g_assert_cmpint (g_date_compare (steady_sobriety_period_get_start (period), jan2), ==, 0);
  g_assert_cmpint (g_date_compare (steady_sobriety_period_get_end (period), jan11), ==, 0);
  g_assert_cmpuint (steady_sobriety_period_get_days (period), ==, 9);
  g_object_unref (period);

  /* The current start cannot move before the last attempt ended. */
  g_assert_false (steady_sobriety_set_start (fixture->store, jan15, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_sobriety (fixture->store, feb11, TRUE, 10, 39, 3);

  /* Off the main thread, as the GUI does it. */
  g_main_context_acquire (g_main_context_default ());
  steady_sobriety_set_start_async (fixture->store, feb2, NULL, sobriety_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_release (g_main_context_default ());
  assert_sobriety (fixture->store, feb11, TRUE, 9, 9 + 20 + 9, 3);
}

/* Around midnight and around this zone's DST changes in 2024, each
 * check-in must land on the local day the C library gives. */
static void
test_local_days (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) instants = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) transition_days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) per_day = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *tz = g_getenv ("TZ");
  gint64 start = local_unix (2024, 1, 1, 0, 0);
  gint64 before, after;
  long previous_offset;
  char date[11];

  /* 23:59 and 00:01 are on different days, whatever the zone. */
  before = local_unix (2024, 6, 15, 23, 59);
  after = local_unix (2024, 6, 16, 0, 1);
  {
    g_autoptr(SteadyJournalEntry) late = entry_at (before, 5, 0, NULL);
    g_autoptr(SteadyJournalEntry) early = entry_at (after, 5, 0, NULL);

    save (fixture->store, late);
    save (fixture->store, early);
    g_assert_cmpstr (steady_journal_entry_get_local_date (late), ==, "2024-06-15");
    g_assert_cmpstr (steady_journal_entry_get_local_date (early), ==, "2024-06-16");
  }

  /* Find this zone's offset changes in 2024, hour by hour. */
  expected_local_date (start, date, &previous_offset);
  for (gint64 t = start + 3600; t < start + 367 * 24 * 3600; t += 3600)
    {
      long offset;

      expected_local_date (t, date, &offset);
      if (offset == previous_offset)
        continue;

      previous_offset = offset;
      g_ptr_array_add (transition_days, g_strdup (date));

      {
        struct tm tm;
        time_t time = (time_t)t;
        gint64 around[] = { -3600, -1800, -60, -1, 0, 60, 1800, 3600 };

        localtime_r (&time, &tm);
        for (guint i = 0; i < G_N_ELEMENTS (around); i++)
          {
            gint64 instant = t + around[i];

            g_array_append_val (instants, instant);
          }

        /* The first and last minutes of the day before, the day of the
         * change, and the day after. */
        for (int d = -1; d <= 1; d++)
          {
            gint64 first = local_unix (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday + d, 0, 1);
            gint64 last = local_unix (tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday + d, 23, 59);

            g_array_append_val (instants, first);
            g_array_append_val (instants, last);
          }
      }
    }

  /* The zones meson runs this in, checked against what we know. */
  if (g_strcmp0 (tz, "America/New_York") == 0)
    {
      g_assert_cmpuint (transition_days->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (transition_days, 0), ==, "2024-03-10");
      g_assert_cmpstr (g_ptr_array_index (transition_days, 1), ==, "2024-11-03");
    }
  else if (g_strcmp0 (tz, "Europe/Berlin") == 0)
    {
      g_assert_cmpuint (transition_days->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (transition_days, 0), ==, "2024-03-31");
      g_assert_cmpstr (g_ptr_array_index (transition_days, 1), ==, "2024-10-27");
    }
  else if (g_strcmp0 (tz, "UTC") == 0)
    {
      g_assert_cmpuint (transition_days->len, ==, 0);
    }

  for (guint i = 0; i < instants->len; i++)
    {
      gint64 t = g_array_index (instants, gint64, i);
      g_autoptr(SteadyJournalEntry) entry = entry_at (t, 1 + i % 10, i % 11, NULL);
      g_autoptr(SteadyJournalEntry) loaded = NULL;
      long offset;
      guint n;

      save (fixture->store, entry);
      expected_local_date (t, date, &offset);
      g_assert_cmpstr (steady_journal_entry_get_local_date (entry), ==, date);
      g_assert_cmpint (steady_journal_entry_get_utc_offset (entry), ==, offset);

      loaded = steady_journal_get (fixture->store, steady_journal_entry_get_id (entry), NULL);
      g_assert_cmpstr (steady_journal_entry_get_local_date (loaded), ==, date);
      g_assert_cmpint (g_date_time_to_unix (steady_journal_entry_get_at (loaded)), ==, t);

      n = GPOINTER_TO_UINT (g_hash_table_lookup (per_day, date));
      g_hash_table_insert (per_day, g_strdup (date), GUINT_TO_POINTER (n + 1));
    }

  /* Daily statistics count them on the same days. */
  for (guint i = 0; i < transition_days->len; i++)
    {
      g_autoptr(GArray) days = NULL;
      g_autoptr(GError) error = NULL;
      GDate day;

      g_assert_true (steady_journal_parse_date (g_ptr_array_index (transition_days, i), &day));
      g_date_add_days (&day, 1);
      days = steady_journal_stats_daily (fixture->store, &day, 3, &error);
      g_assert_no_error (error);

      for (guint j = 0; j < days->len; j++)
        {
          const SteadyJournalDay *stat = &g_array_index (days, SteadyJournalDay, j);

          steady_journal_format_date (&stat->date, date);
          g_assert_cmpuint (stat->n_entries, ==, GPOINTER_TO_UINT (g_hash_table_lookup (per_day, date)));
          g_assert_cmpuint (stat->n_entries, >=, 2);
        }
    }
}

static void
test_big_note (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) loaded = NULL;
  GString *notes = g_string_sized_new (1024 * 1024 + 64);
  gint64 id;

  while (notes->len < 1024 * 1024)
    g_string_append_printf (notes, "Line %zu of a very long evening, wörds and more words.\n", notes->len);
  g_string_append (notes, "The end tailmarker");

  id = save_new (fixture->store, local_unix (2024, 7, 1, 12, 0), 5, 5, notes->str);

  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (steady_journal_entry_get_notes (loaded)), ==, notes->len);
  g_assert_cmpstr (steady_journal_entry_get_notes (loaded), ==, notes->str);
  g_assert_true (finds (fixture->store, "tailmarker", id));

  g_string_free (notes, TRUE);
}

static void
test_emoji_and_rtl (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) loaded = NULL;
  const char *notes = "Feeling 😊 better 👨‍👩‍👧 today.\n"
                      "مرحبا بالعالم — שלום עולם\u200f\n"
                      "e\u0301 \u202eesrever\u202c 🏳️‍🌈 \t end";
  const char *emotions[] = { "שמח 😊", "calm", NULL };
  const char *triggers[] = { "العمل", NULL };
  gint64 id;

  entry = entry_at (local_unix (2024, 8, 1, 12, 0), 7, 1, notes);
  steady_journal_entry_set_emotions (entry, emotions);
  steady_journal_entry_set_triggers (entry, triggers);
  steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
  steady_journal_entry_set_lapse_what (entry, "🍷 نبيذ");
  id = save (fixture->store, entry);

  loaded = steady_journal_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_journal_entry_get_notes (loaded), ==, notes);
  g_assert_true (g_strv_equal (steady_journal_entry_get_emotions (loaded), emotions));
  g_assert_true (g_strv_equal (steady_journal_entry_get_triggers (loaded), triggers));
  g_assert_cmpstr (steady_journal_entry_get_lapse_what (loaded), ==, "🍷 نبيذ");
  g_assert_true (steady_journal_entry_equal (loaded, entry));

  g_assert_true (finds (fixture->store, "שלום", id));
  g_assert_true (finds (fixture->store, "مرحبا", id));
  g_assert_true (finds (fixture->store, "שמח", id));
  g_assert_true (finds (fixture->store, "العمل", id));
  g_assert_true (finds (fixture->store, "نبيذ", id));
}

static void
assert_refused (SteadyStore        *store,
                SteadyJournalEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) before = steady_journal_entry_copy (entry);
  guint n = steady_journal_count (store);

  g_assert_false (steady_journal_save (store, entry, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  /* The editor's entry is untouched and nothing was stored. */
  g_assert_true (steady_journal_entry_equal (entry, before));
  g_assert_cmpstr (steady_journal_entry_get_local_date (entry), ==, steady_journal_entry_get_local_date (before));
  g_assert_cmpuint (steady_journal_count (store), ==, n);
}

static void
test_invalid_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) stored = NULL;
  g_autoptr(SteadyJournalEntry) loaded = NULL;
  gint64 t = local_unix (2024, 9, 1, 12, 0);
  const char *bad_utf8 = "caf\xc3\x28 \xff\xfe";
  const char *bad_emotions[] = { "calm", "\xe2\x82", NULL };
  const char *blank[] = { "   ", NULL };
  const char *with_newline[] = { "one\ntwo", NULL };
  g_autofree char *long_label = g_strnfill (STEADY_JOURNAL_MAX_LABEL_CHARS + 1, 'a');
  const char *too_long[] = { long_label, NULL };

  {
    g_autoptr(SteadyJournalEntry) entry = entry_at (t, 5, 5, bad_utf8);

    assert_refused (fixture->store, entry);
    g_assert_cmpint (steady_journal_entry_get_id (entry), ==, 0);
    g_assert_cmpstr (steady_journal_entry_get_notes (entry), ==, bad_utf8);
  }
  {
    g_autoptr(SteadyJournalEntry) entry = entry_at (t, 5, 5, NULL);

    steady_journal_entry_set_emotions (entry, bad_emotions);
    assert_refused (fixture->store, entry);
    steady_journal_entry_set_emotions (entry, blank);
    assert_refused (fixture->store, entry);
    steady_journal_entry_set_emotions (entry, with_newline);
    assert_refused (fixture->store, entry);
    steady_journal_entry_set_emotions (entry, NULL);
    steady_journal_entry_set_triggers (entry, too_long);
    assert_refused (fixture->store, entry);
  }
  {
    g_autoptr(SteadyJournalEntry) entry = entry_at (t, 5, 5, NULL);

    steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
    steady_journal_entry_set_lapse_note (entry, bad_utf8);
    assert_refused (fixture->store, entry);
  }

  {
    struct { int mood, craving; double sleep; int helped; const char *skill; } cases[] = {
      { 0, 5, 7, 5, "grounding" },
      { 11, 5, 7, 5, "grounding" },
      { -2, 5, 7, 5, "grounding" },
      { 5, 11, 7, 5, "grounding" },
      { 5, -5, 7, 5, "grounding" },
      { 5, 5, 24.5, 5, "grounding" },
      { 5, 5, -0.5, 5, "grounding" },
      { 5, 5, 7, 11, "grounding" },
      { 5, 5, 7, -3, "grounding" },
      { 5, 5, 7, 5, "no-such-skill" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(SteadyJournalEntry) entry = entry_at (t, cases[i].mood, cases[i].craving, NULL);

        steady_journal_entry_set_sleep_hours (entry, cases[i].sleep);
        steady_journal_entry_set_skill (entry, cases[i].skill, cases[i].helped);
        assert_refused (fixture->store, entry);
      }
  }

  /* The edges are fine. */
  {
    g_autoptr(SteadyJournalEntry) entry = entry_at (t, 1, 0, "");

    steady_journal_entry_set_sleep_hours (entry, 0);
    steady_journal_entry_set_skill (entry, "grounding", 0);
    save (fixture->store, entry);
    g_clear_object (&entry);

    entry = entry_at (t, 10, 10, NULL);
    steady_journal_entry_set_sleep_hours (entry, 24);
    steady_journal_entry_set_skill (entry, "grounding", 10);
    save (fixture->store, entry);
  }

  /* A refused edit leaves the stored entry as it was, and the editor's
   * copy as the person left it. */
  stored = entry_at (t, 5, 5, "Kept as it was");
  save (fixture->store, stored);
  steady_journal_entry_set_notes (stored, "Changed \xff");
  steady_journal_entry_set_mood (stored, 3);
  assert_refused (fixture->store, stored);
  g_assert_cmpint (steady_journal_entry_get_mood (stored), ==, 3);
  loaded = steady_journal_get (fixture->store, steady_journal_entry_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steady_journal_entry_get_notes (loaded), ==, "Kept as it was");
  g_assert_cmpint (steady_journal_entry_get_mood (loaded), ==, 5);
  g_assert_cmpuint (steady_journal_count (fixture->store), ==, 3);
}

static GListModel *
choices (SteadyStore             *store,
         SteadyJournalChoiceKind  kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = steady_journal_list_choices (store, kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);

  return list;
}

static gboolean
has_choice (GListModel *list,
            const char *key,
            gboolean    custom)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (list, i);

      if (g_str_equal (steady_journal_choice_get_key (choice), key))
        return steady_journal_choice_get_custom (choice) == custom;
    }

  return FALSE;
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) loaded = NULL;
  g_autoptr(SteadyJournalChoice) last = NULL;
  const char *emotions[] = { "Wistful", NULL };
  const char *seeded[] = { "slow-breathing", "grounding", "reach-out", "urge-surfing", "halt-check" };
  guint n_builtin;

  /* The seeded skills, with their names from skills.xml. */
  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_SKILL);
  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    g_assert_true (has_choice (list, seeded[i], FALSE));
  g_clear_object (&list);
  {
    g_autofree char *name = steady_journal_dup_skill_name (fixture->store, "grounding");

    g_assert_cmpstr (name, ==, "Grounding with the senses");
  }

  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_HALT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_true (has_choice (list, "hungry", FALSE));
  g_assert_true (steady_journal_trigger_is_halt ("tired"));
  g_assert_cmpstr (steady_journal_trigger_get_label ("lonely"), ==, "Lonely");
  g_clear_object (&list);

  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION);
  n_builtin = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_builtin, >, 0);
  g_assert_true (has_choice (list, "anxious", FALSE));
  g_assert_cmpstr (steady_journal_emotion_get_label ("anxious"), ==, "Anxious");
  g_assert_cmpstr (steady_journal_emotion_get_label ("Wistful"), ==, "Wistful");
  g_clear_object (&list);

  /* The person's own, trimmed, after the built-in ones. */
  g_assert_true (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "  Wistful ", &error));
  g_assert_no_error (error);
  g_assert_true (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_PEOPLE, "My ex", &error));
  g_assert_no_error (error);

  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_builtin + 1);
  last = g_list_model_get_item (list, n_builtin);
  g_assert_cmpstr (steady_journal_choice_get_key (last), ==, "Wistful");
  g_assert_cmpstr (steady_journal_choice_get_label (last), ==, "Wistful");
  g_assert_true (steady_journal_choice_get_custom (last));
  g_assert_cmpint (steady_journal_choice_get_kind (last), ==, STEADY_JOURNAL_CHOICE_EMOTION);
  g_clear_object (&list);

  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_PEOPLE);
  g_assert_true (has_choice (list, "My ex", TRUE));
  g_clear_object (&list);
  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_PLACES);
  g_assert_false (has_choice (list, "My ex", TRUE));
  g_clear_object (&list);

  /* Already offered, in any case, or not text: refused. */
  g_assert_false (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "WISTFUL", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "sad", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_PLACES, "my EX", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_THINGS, "\xff", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_THINGS, " ", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->store, "SELECT count(*) FROM journal_custom_choices"), ==, 2);

  /* Removing one leaves the check-ins that used it alone. */
  entry = entry_at (local_unix (2024, 10, 1, 12, 0), 5, 5, NULL);
  steady_journal_entry_set_emotions (entry, emotions);
  save (fixture->store, entry);

  g_assert_true (steady_journal_remove_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "Wistful", &error));
  g_assert_no_error (error);
  g_assert_false (steady_journal_remove_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "Wistful", &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = choices (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_builtin);
  g_clear_object (&list);

  loaded = steady_journal_get (fixture->store, steady_journal_entry_get_id (entry), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (steady_journal_entry_get_emotions (loaded), emotions));
}

typedef struct
{
  GListModel *model;
  GArray     *mirror;     /* ids, kept in step by items-changed alone */
  guint       n_signals;
  guint       position;
  guint       removed;
  guint       added;
} Mirror;

static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->mirror->len);

  mirror->n_signals++;
  mirror->position = position;
  mirror->removed = removed;
  mirror->added = added;

  g_array_remove_range (mirror->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (model, position + i);

      g_array_insert_val (mirror->mirror, position + i, id);
    }

  g_assert_cmpuint (mirror->mirror->len, ==, g_list_model_get_n_items (model));
}

static void
assert_ids_equal (GArray *a,
                  GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

static void
assert_mirror (Mirror      *mirror,
               SteadyStore *store)
{
  g_autoptr(GArray) expected = ids_in_order (store);

  assert_ids_equal (mirror->mirror, expected);
}

static void
assert_model_order (GListModel  *model,
                    GArray      *expected,
                    const guint *positions,
                    guint        n_positions)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);

  for (guint i = 0; i < n_positions; i++)
    g_assert_cmpint (item_id (model, positions[i]), ==, g_array_index (expected, gint64, positions[i]));

  g_assert_null (g_list_model_get_item (model, expected->len));
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_save_finish (STEADY_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
save_refused_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (steady_journal_save_finish (STEADY_STORE (object), result, &error));
  g_assert_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID);
  *done = TRUE;
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steady_journal_delete_finish (STEADY_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = NULL;
  g_autoptr(SteadyJournalEntry) refused = NULL;
  SteadyJournalHistory *history;
  Mirror mirror = { NULL, };
  gint64 base = local_unix (2023, 1, 1, 12, 0);
  guint n_signals;
  gboolean done;
  gint64 id;

  /* Like the app's main loop: "changed" is emitted at once for writes
   * made on this thread, and from this context for the worker's. */
  g_main_context_acquire (g_main_context_default ());

  /* 130 entries, two at each time, so the id breaks ties. */
  for (guint i = 0; i < 130; i++)
    save_new (fixture->store, base + (i / 2) * 3 * 3600, 1 + i % 10, i % 11, NULL);

  expected = ids_in_order (fixture->store);
  g_assert_cmpuint (expected->len, ==, 130);
  g_assert_cmpint (g_array_index (expected, gint64, 0), >, g_array_index (expected, gint64, 1));

  /* In order across page boundaries: forwards, backwards, and jumping
   * (each on a fresh model, so each way of finding a page is used). */
  {
    guint forwards[130], backwards[130];
    const guint jumps[] = { 75, 5, 125, 55, 49, 50, 99, 100, 129, 0 };

    for (guint i = 0; i < 130; i++)
      {
        forwards[i] = i;
        backwards[i] = 129 - i;
      }

    history = steady_journal_history_new (fixture->store);
    g_assert_cmpuint (steady_journal_history_get_page_size (history), ==, 50);
    assert_model_order (G_LIST_MODEL (history), expected, forwards, 130);
    g_assert_finalize_object (history);

    history = steady_journal_history_new (fixture->store);
    assert_model_order (G_LIST_MODEL (history), expected, backwards, 130);
    g_assert_finalize_object (history);

    history = steady_journal_history_new (fixture->store);
    assert_model_order (G_LIST_MODEL (history), expected, jumps, G_N_ELEMENTS (jumps));
    g_assert_finalize_object (history);
  }

  /* Day headers go where the local day changes. */
  history = steady_journal_history_new (fixture->store);
  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(SteadyJournalEntry) here = g_list_model_get_item (G_LIST_MODEL (history), i);
      g_autoptr(SteadyJournalEntry) above = i > 0 ? g_list_model_get_item (G_LIST_MODEL (history), i - 1) : NULL;
      gboolean starts = above == NULL ||
                        g_strcmp0 (steady_journal_entry_get_local_date (here),
                                   steady_journal_entry_get_local_date (above)) != 0;

      g_assert_cmpint (steady_journal_history_starts_day (history, i), ==, starts);
    }
  g_assert_true (steady_journal_history_starts_day (history, 0));
  g_assert_false (steady_journal_history_starts_day (history, 1));

  /* items-changed tells exactly what moved: a mirror kept only by the
   * signal stays equal to the table. */
  mirror.model = G_LIST_MODEL (history);
  mirror.mirror = g_array_copy (expected);
  g_signal_connect (history, "items-changed", G_CALLBACK (mirror_items_changed_cb), &mirror);

  /* A new check-in, the newest. */
  id = save_new (fixture->store, base + 1000 * 3600, 5, 5, NULL);
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  g_assert_cmpuint (mirror.position, ==, 0);
  g_assert_cmpuint (mirror.removed, ==, 0);
  g_assert_cmpuint (mirror.added, ==, 1);
  g_assert_cmpint (g_array_index (mirror.mirror, gint64, 0), ==, id);
  assert_mirror (&mirror, fixture->store);

  /* An edit that keeps the time: that one row. */
  entry = g_list_model_get_item (G_LIST_MODEL (history), 10);
  steady_journal_entry_set_mood (entry, 9);
  save (fixture->store, entry);
  g_assert_cmpuint (mirror.n_signals, ==, 2);
  g_assert_cmpuint (mirror.position, ==, 10);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 1);
  assert_mirror (&mirror, fixture->store);
  g_clear_object (&entry);

  /* A delete in the second page. */
  id = item_id (G_LIST_MODEL (history), 60);
  g_assert_true (steady_journal_delete (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, ==, 3);
  g_assert_cmpuint (mirror.position, ==, 60);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 0);
  assert_mirror (&mirror, fixture->store);

  /* A check-in moved back in time: the rows between shift. */
  entry = g_list_model_get_item (G_LIST_MODEL (history), 5);
  {
    g_autoptr(GDateTime) earlier = g_date_time_new_from_unix_local (base + 100 * 3600 + 1);

    steady_journal_entry_set_at (entry, earlier);
  }
  save (fixture->store, entry);
  g_assert_cmpuint (mirror.n_signals, ==, 4);
  g_assert_cmpuint (mirror.position, ==, 5);
  g_assert_cmpuint (mirror.removed, ==, mirror.added);
  assert_mirror (&mirror, fixture->store);
  g_clear_object (&entry);

  /* The same through the worker: the entry gets its id only when done. */
  entry = entry_at (base + 50 * 3600 + 7, 4, 4, "Async");
  done = FALSE;
  n_signals = mirror.n_signals;
  steady_journal_save_async (fixture->store, entry, NULL, save_done_cb, &done);
  g_assert_cmpint (steady_journal_entry_get_id (entry), ==, 0);
  while (!done || mirror.n_signals == n_signals)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (steady_journal_entry_get_id (entry), >, 0);
  g_assert_nonnull (steady_journal_entry_get_local_date (entry));
  g_assert_cmpuint (mirror.n_signals, ==, n_signals + 1);
  g_assert_cmpuint (mirror.added, ==, 1);
  g_assert_cmpuint (mirror.removed, ==, 0);
  assert_mirror (&mirror, fixture->store);

  refused = entry_at (base, 12, 4, "Refused");
  done = FALSE;
  steady_journal_save_async (fixture->store, refused, NULL, save_refused_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (steady_journal_entry_get_id (refused), ==, 0);

  done = FALSE;
  n_signals = mirror.n_signals;
  steady_journal_delete_async (fixture->store, steady_journal_entry_get_id (entry), NULL, delete_done_cb, &done);
  while (!done || mirror.n_signals == n_signals)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mirror.removed, ==, 1);
  g_assert_cmpuint (mirror.added, ==, 0);
  assert_mirror (&mirror, fixture->store);

  /* A restored backup: everything. */
  steady_store_emit_changed (fixture->store, "all");
  g_assert_cmpuint (mirror.position, ==, 0);
  g_assert_cmpuint (mirror.removed, ==, g_list_model_get_n_items (G_LIST_MODEL (history)));
  g_assert_cmpuint (mirror.added, ==, mirror.removed);
  assert_mirror (&mirror, fixture->store);

  /* Changes that are not check-ins do not disturb the list. */
  n_signals = mirror.n_signals;
  g_assert_true (steady_journal_add_custom (fixture->store, STEADY_JOURNAL_CHOICE_EMOTION, "Torn", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mirror.n_signals, ==, n_signals);

  g_array_unref (mirror.mirror);
  g_assert_finalize_object (history);

  g_main_context_release (g_main_context_default ());
}

int
main (int   argc,
      char *argv[])
{
  /* localtime_r() needs it; GLib reads TZ itself. */
  tzset ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add ("/steady/journal/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-read-update-delete", test_create_read_update_delete);
  ADD ("search", test_search);
  ADD ("search-many", test_search_many);
  ADD ("search-hostile-text", test_search_hostile_text);
  ADD ("delete-leaves-no-trace", test_delete_leaves_no_trace);
  ADD ("stats", test_stats);
  ADD ("sobriety", test_sobriety);
  ADD ("local-days", test_local_days);
  ADD ("big-note", test_big_note);
  ADD ("emoji-and-rtl", test_emoji_and_rtl);
  ADD ("invalid-refused", test_invalid_refused);
  ADD ("choices", test_choices);
  ADD ("history", test_history);
#undef ADD
  g_test_add_func ("/steady/journal/match-query", test_match_query);
  g_test_add_func ("/steady/journal/snippet-markup", test_snippet_markup);
  g_test_add_func ("/steady/journal/summary-sentences", test_summary_sentences);

  return g_test_run ();
}
