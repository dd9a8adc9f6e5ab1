/* steady-bench.c: timings of the core on a ten-year data set
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Not a test: nothing here asserts a time. It builds what ten years of
 * use look like (check-ins with notes, a calendar of sessions with
 * changes and attendance, lesson answers) in a temporary folder, then
 * prints one "name: value unit" line per figure, each the median of
 * several runs after warm-ups, so that DESIGN.md's "reads that the
 * benchmark shows under a millisecond or two may stay on the main
 * thread" can be checked against numbers.
 *
 * How the data is made: through the core's own public API, so that the
 * rows, the full-text index and every derived column are exactly what
 * the app writes. Each public write is its own transaction ending in an
 * fsync, which would make ten years take many minutes; during the
 * generation only, the store's writer runs with PRAGMA synchronous=OFF.
 * The store is then closed and opened again, so every measurement runs
 * with the store's own settings (WAL, synchronous=FULL).
 *
 * The figures: opening the store (without and with quick_check, warm
 * and with the file dropped from the page cache); what each page asks
 * for (Today, a month of the calendar, a page of history at both ends
 * on a fresh model, a search for a common and a rare word, 30 and 365
 * days of trends); a check-in's save against two floors on the same
 * disk with the same pragmas: one bare INSERT + COMMIT, and the same
 * rows the save writes (entry, details, index) in bare SQL on a copy of
 * the ten-year file; an edit and a delete (each merges the full-text
 * index); importing a 10,000-event .ics into a fresh store; exporting
 * every check-in and session as CSV; the summary PDF of one month; the
 * data set's size and the peak resident set.
 *
 * Options: --years N, --runs N, --keep DIR (build the data in DIR and
 * keep DIR/steady.db, for build-aux/bench-startup.sh), -v (spread). */

#define G_LOG_DOMAIN "steady-bench"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "steady-calendar.h"
#include "steady-ics.h"
#include "steady-journal.h"
#include "steady-journal-history.h"
#include "steady-journal-stats.h"
#include "steady-lesson-library.h"
#include "steady-lessons.h"
#include "steady-session-series.h"
#include "steady-sobriety.h"
#include "steady-store-private.h"
#include "steady-store.h"
#include "steady-today.h"

#include "steady-export.h"
#include "steady-report.h"
#include "steady-report-renderer.h"

#define SEED               20260101
#define CHECKINS_PER_YEAR  2000
#define DEFAULT_YEARS      10
#define DEFAULT_RUNS       21
#define WARMUPS            2
#define ICS_EVENTS         10000
#define SERIES_TZID        "America/New_York"
/* The welcome dialog's key (src/gui/welcome): a ten-year data set has
 * long finished it, and the start-up benchmark must not show it. */
#define WELCOME_DONE_KEY   "welcome.done"
/* A word that only a few check-ins use, for the rare search. */
#define RARE_WORD          "kayaking"
#define RARE_PER_MILLE     1
#define COMMON_WORD        "craving"

typedef struct
{
  GRand        *rand;
  GDateTime    *now;
  GTimeZone    *series_zone;
  GPtrArray    *emotions;   /* keys, owned */
  GPtrArray    *triggers;   /* keys, owned */
  GPtrArray    *skills;     /* ids, owned */
  double       *word_cdf;
  guint         n_series;
  guint         n_edits;
  guint         n_deletes;
  guint64       n_words;
} Generator;

typedef struct
{
  SteadyStore         *store;
  SteadyLessonLibrary *library;
  GRand               *rand;
  GDateTime           *now;
  GDate                today;
  char                *dir;
  char                *path;
  double              *word_cdf;
  guint                runs;
  gboolean             verbose;

  /* For the figures that need them */
  sqlite3             *floor_db;
  sqlite3_stmt        *floor_insert;
  sqlite3             *rows_db;
  sqlite3_stmt        *rows_insert[5];
  GArray              *edit_ids;
  guint                next_edit;
  guint                save_counter;
  guint64              csv_bytes;
  int                  pdf_pages;
  guint                n_matches;
  gint64               pages_written;
  guint                n_page_samples;
} Bench;

typedef void (*BenchFunc) (Bench *bench);

/* Words of a recovery journal, most frequent first: the notes draw from
 * them with Zipf's law, so the index has very common and rare terms. */
static const char * const words[] = {
  "i", "the", "and", "to", "a", "was", "it", "my", "today", "of", "that",
  "in", "felt", "me", "about", "but", "with", "for", "craving", "so",
  "not", "had", "group", "at", "work", "after", "really", "when", "then",
  "just", "feel", "tired", "better", "day", "night", "sleep", "again",
  "call", "called", "sponsor", "meeting", "home", "tomorrow", "session",
  "talked", "walk", "anxious", "stress", "angry", "lonely", "hungry",
  "family", "mom", "dad", "sister", "brother", "kids", "partner", "friend",
  "therapist", "counselor", "breathing", "grounding", "urge", "surfing",
  "wanted", "drink", "use", "didn't", "did", "could", "would", "should",
  "thought", "thinking", "thoughts", "morning", "evening",
  "afternoon", "coffee", "lunch", "dinner", "ate", "skipped", "gym", "run",
  "ran", "park", "bus", "car", "drive", "boss", "shift", "paycheck", "rent",
  "bills", "money", "phone", "text", "texted", "message", "argument",
  "fight", "sorry", "apologized", "proud", "grateful", "hopeful", "calm",
  "sad", "numb", "restless", "bored", "overwhelmed", "ashamed", "guilty",
  "scared", "happy", "loved", "safe", "plan", "safety", "trigger",
  "triggers", "bar", "party", "friends", "old", "people", "places", "music",
  "song", "movie", "show", "read", "book", "journal", "wrote", "writing",
  "homework", "worksheet", "lesson", "skill", "skills", "helped", "help",
  "hard", "easy", "small", "big", "win", "step", "steps", "goal", "goals",
  "week", "month", "weekend", "monday", "tuesday", "wednesday", "thursday",
  "friday", "saturday", "sunday", "rain", "sun", "cold", "hot", "weather",
  "doctor", "appointment", "medication", "pharmacy", "headache", "pain",
  "body", "chest", "tight", "shaky", "heart", "racing", "slow", "deep",
  "breath", "breaths", "counted", "five", "four", "three", "things", "saw",
  "heard", "noticed", "named", "feeling", "feelings", "waves", "passed",
  "peaked", "minutes", "hour", "hours", "long", "short", "honest", "trust",
  "boundaries", "said", "no", "yes", "asked", "support", "network",
  "list", "budget", "saved", "spent", "cooked", "cleaned", "laundry",
  "dishes", "dog", "cat", "neighbor", "church", "volunteer", "class",
  "school", "exam", "interview", "job", "application", "resume", "future",
  "past", "memory", "memories", "anniversary", "birthday", "holiday",
  "christmas", "thanksgiving", "summer", "winter", "spring", "fall",
};

/* Labels people add to the built-in triggers. */
static const char * const custom_triggers[] = {
  "My ex", "Long commute", "Family dinners",
};

static const char * const lapse_what[] = {
  "Alcohol", "Beer at a party", "Pills", "Cannabis",
};

static const char * const locations[] = {
  "Room 2, Harbor Clinic", "Room 5, Harbor Clinic", "Online (video)",
};

static const char * const facilitators[] = {
  "Dana", "Sam", "Dr. Okafor", "Lee",
};

static char *tmp_dir_to_remove;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

static void
remove_db (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

static void die (const char *what,
                 GError     *error) G_GNUC_NORETURN;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("steady-bench: %s: %s\n", what, error != NULL ? error->message : "failed");
  if (tmp_dir_to_remove != NULL)
    remove_tree (tmp_dir_to_remove);
  exit (1);
}

/* Takes the location, not the error: the call that sets it may be
 * evaluated after the arguments. */
static void
check (gboolean     ok,
       GError     **error,
       const char  *what)
{
  if (!ok || *error != NULL)
    die (what, *error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

static guint
rand_int (GRand *rand,
          guint  n)
{
  return (guint)g_rand_int_range (rand, 0, (gint32)n);
}

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static double
rand_normal (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand);
  double v = g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * v);
}

/* @value plus a normal step of @sigma, kept in [@lo, @hi]. (Not CLAMP:
 * it evaluates its argument more than once.) */
static double
drift (GRand  *rand,
       double  value,
       double  sigma,
       double  lo,
       double  hi)
{
  double next = value + rand_normal (rand) * sigma;

  return CLAMP (next, lo, hi);
}

static double *
make_word_cdf (void)
{
  double *cdf = g_new (double, G_N_ELEMENTS (words));
  double sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      sum += 1.0 / (i + 1);
      cdf[i] = sum;
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    cdf[i] /= sum;

  return cdf;
}

static const char *
pick_word (GRand        *rand,
           const double *cdf)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = G_N_ELEMENTS (words) - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cdf[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return words[lo];
}

/* Sentences of 5 to 16 words from the list. */
static char *
make_text (GRand        *rand,
           const double *cdf,
           guint         n_words,
           gboolean      allow_rare)
{
  GString *text = g_string_new (NULL);
  guint rare_at = G_MAXUINT;
  guint left_in_sentence = 0;

  if (allow_rare && n_words > 0 && rand_int (rand, 1000) < RARE_PER_MILLE)
    rare_at = rand_int (rand, n_words);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = i == rare_at ? RARE_WORD : pick_word (rand, cdf);

      if (left_in_sentence == 0)
        {
          if (text->len > 0)
            g_string_append (text, ". ");
          left_in_sentence = 5 + rand_int (rand, 12);
          g_string_append_c (text, g_ascii_toupper (word[0]));
          g_string_append (text, word + 1);
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, word);
        }
      left_in_sentence--;
    }

  if (text->len > 0)
    g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* Notes of 0 to 600 words: a sixth left empty, most a paragraph, a few
 * long. */
static guint
notes_length (GRand *rand)
{
  double n;

  if (chance (rand, 0.16))
    return 0;

  n = exp (4.1 + 0.85 * rand_normal (rand));

  return (guint)CLAMP (n, 1.0, 600.0);
}

static GPtrArray *
list_choice_keys (SteadyStore             *store,
                  SteadyJournalChoiceKind  kind,
                  GPtrArray               *into)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) choices = steady_journal_list_choices (store, kind, &error);

  check (choices != NULL, &error, "list choices");

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (choices, i);

      g_ptr_array_add (into, g_strdup (steady_journal_choice_get_key (choice)));
    }

  return into;
}

/* Up to @max distinct picks from @from. */
static char **
pick_some (GRand     *rand,
           GPtrArray *from,
           guint      max)
{
  guint n = rand_int (rand, max + 1);
  GPtrArray *picked = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      const char *key = g_ptr_array_index (from, rand_int (rand, from->len));
      gboolean seen = FALSE;

      for (guint j = 0; j < picked->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (picked, j), key);
      if (!seen)
        g_ptr_array_add (picked, (gpointer)key);
    }
  g_ptr_array_add (picked, NULL);

  return (char **)g_ptr_array_free (picked, FALSE);
}

static void
set_synchronous (SteadyStore *store,
                 const char  *sql)
{
  GMutex *lock = steady_store_get_write_lock (store);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_mutex_lock (lock);
  ok = steady_store_exec (steady_store_get_writer_locked (store), sql, &error);
  g_mutex_unlock (lock);

  check (ok, &error, sql);
}

static SteadyJournalEntry *
make_entry (Generator *gen,
            GDateTime *at,
            int        mood,
            int        craving,
            gboolean   first_of_day,
            gboolean   lapse)
{
  SteadyJournalEntry *entry = steady_journal_entry_new ();
  g_autofree char *notes = NULL;
  /* pick_some () borrows the keys: only the arrays are freed. */
  g_autofree char **emotions = NULL;
  g_autofree char **triggers = NULL;
  g_autofree char **skills = NULL;
  guint n_words = notes_length (gen->rand);

  steady_journal_entry_set_at (entry, at);
  if (!chance (gen->rand, 0.08))
    steady_journal_entry_set_mood (entry, mood);
  if (!chance (gen->rand, 0.08))
    steady_journal_entry_set_craving (entry, craving);
  if (first_of_day && chance (gen->rand, 0.7))
    steady_journal_entry_set_sleep_hours (entry, 4.0 + rand_int (gen->rand, 13) / 2.0);

  if (lapse)
    {
      g_autofree char *note = make_text (gen->rand, gen->word_cdf, 20 + rand_int (gen->rand, 60), FALSE);

      steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_LAPSE);
      steady_journal_entry_set_lapse_what (entry, lapse_what[rand_int (gen->rand, G_N_ELEMENTS (lapse_what))]);
      steady_journal_entry_set_lapse_note (entry, note);
    }
  else if (chance (gen->rand, 0.6))
    {
      steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_NONE);
    }

  if (n_words > 0)
    {
      notes = make_text (gen->rand, gen->word_cdf, n_words, TRUE);
      steady_journal_entry_set_notes (entry, notes);
      gen->n_words += n_words;
    }

  emotions = pick_some (gen->rand, gen->emotions, 3);
  steady_journal_entry_set_emotions (entry, (const char * const *)emotions);

  triggers = pick_some (gen->rand, gen->triggers, craving >= 5 ? 3 : 1);
  steady_journal_entry_set_triggers (entry, (const char * const *)triggers);

  skills = pick_some (gen->rand, gen->skills, craving >= 5 ? 3 : 1);
  for (guint i = 0; skills[i] != NULL; i++)
    steady_journal_entry_set_skill (entry, skills[i],
                                    chance (gen->rand, 0.2) ? STEADY_JOURNAL_UNSET
                                                            : (int)rand_int (gen->rand, 11));

  return entry;
}

static GDateTime *
local_at (const GDate *date,
          int          minute_of_day)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date),
                                minute_of_day / 60, minute_of_day % 60, 0);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Check-ins: ~5.5 a day, moods and cravings drifting slowly, a couple of
 * lapses a year (each restarting the sober-days count), some entries
 * edited and a few deleted later, as people do. */
static void
generate_journal (SteadyStore *store,
                  Generator   *gen,
                  const GDate *first_day,
                  const GDate *today,
                  guint        target)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint n_days = (guint)(g_date_get_julian (today) - g_date_get_julian (first_day)) + 1;
  double per_day = (double)target / n_days;
  double mood = 6.0, craving = 4.0;
  int now_minute = g_date_time_get_hour (gen->now) * 60 + g_date_time_get_minute (gen->now);
  GDate day = *first_day;

  check (steady_sobriety_set_start (store, first_day, &error), &error, "set sober start");

  for (guint i = 0; i < G_N_ELEMENTS (custom_triggers); i++)
    {
      check (steady_journal_add_custom (store, STEADY_JOURNAL_CHOICE_PEOPLE, custom_triggers[i], &error),
             &error, "add custom trigger");
      g_ptr_array_add (gen->triggers, g_strdup (custom_triggers[i]));
    }

  for (guint d = 0; d < n_days; d++, g_date_add_days (&day, 1))
    {
      gboolean is_today = g_date_compare (&day, today) == 0;
      gboolean lapse_day = d > 30 && !is_today && rand_int (gen->rand, 365) < 2;
      guint n = (guint)floor (per_day - 2.5 + g_rand_double (gen->rand) * 5.0 + 0.5);
      int minutes[16];

      mood = drift (gen->rand, mood, 0.6, 1.0, 10.0);
      craving = drift (gen->rand, craving + (lapse_day ? 3 : 0), 0.7, 0.0, 10.0);
      n = CLAMP (n, 1, G_N_ELEMENTS (minutes));

      for (guint i = 0; i < n; i++)
        minutes[i] = 7 * 60 + (int)rand_int (gen->rand, 16 * 60 + 30);
      qsort (minutes, n, sizeof (int), compare_ints);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GDateTime) at = NULL;
          g_autoptr(SteadyJournalEntry) entry = NULL;
          int entry_mood = (int)drift (gen->rand, mood, 1.0, 1.0, 10.0);
          int entry_craving = (int)drift (gen->rand, craving, 1.0, 0.0, 10.0);
          gint64 id;

          if (is_today && minutes[i] >= now_minute)
            break;

          at = local_at (&day, minutes[i]);
          if (at == NULL)
            continue;

          entry = make_entry (gen, at, entry_mood, entry_craving, i == 0, lapse_day && i == n / 2);
          check (steady_journal_save (store, entry, &error), &error, "save check-in");
          id = steady_journal_entry_get_id (entry);
          g_array_append_val (ids, id);

          /* Now and then an earlier entry gets an afterthought. */
          if (rand_int (gen->rand, 400) == 0 && ids->len > 10)
            {
              gint64 edit_id = g_array_index (ids, gint64, rand_int (gen->rand, ids->len - 1));
              g_autoptr(SteadyJournalEntry) old = steady_journal_get (store, edit_id, NULL);

              if (old != NULL)
                {
                  g_autofree char *more = make_text (gen->rand, gen->word_cdf, 12, FALSE);
                  g_autofree char *notes = g_strconcat (steady_journal_entry_get_notes (old) ? steady_journal_entry_get_notes (old) : "",
                                                        " ", more, NULL);

                  steady_journal_entry_set_notes (old, notes);
                  check (steady_journal_save (store, old, &error), &error, "edit check-in");
                  gen->n_edits++;
                }
            }

          if (rand_int (gen->rand, 2000) == 0 && ids->len > 10)
            {
              guint index = rand_int (gen->rand, ids->len - 1);

              if (steady_journal_delete (store, g_array_index (ids, gint64, index), NULL))
                {
                  g_array_remove_index_fast (ids, index);
                  gen->n_deletes++;
                }
            }
        }

      if (lapse_day)
        {
          GDate next = day;

          g_date_add_days (&next, 1);
          check (steady_sobriety_restart (store, &day, &next, &error), &error, "restart sober count");
        }
    }
}

static gint64
add_series (SteadyStore       *store,
            Generator         *gen,
            SteadySessionKind  kind,
            const char        *title,
            const GDate       *first,
            int                hour,
            int                minute,
            gint64             duration,
            const char        *rrule)
{
  g_autoptr(SteadySessionSeries) series = steady_session_series_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *uid = NULL;
  gint64 id = 0;

  start = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00",
                           g_date_get_year (first), g_date_get_month (first),
                           g_date_get_day (first), hour, minute);
  uid = g_strdup_printf ("bench-series-%u@steady.invalid", gen->n_series++);

  steady_session_series_set_uid (series, uid);
  steady_session_series_set_kind (series, kind);
  steady_session_series_set_title (series, title);
  steady_session_series_set_location (series, locations[rand_int (gen->rand, G_N_ELEMENTS (locations))]);
  steady_session_series_set_facilitator (series, facilitators[rand_int (gen->rand, G_N_ELEMENTS (facilitators))]);
  steady_session_series_set_tzid (series, SERIES_TZID);
  steady_session_series_set_start_local (series, start);
  steady_session_series_set_duration (series, duration);
  steady_session_series_set_rrule (series, rrule);

  check (steady_calendar_add_series (store, series, &id, &error), &error, title);

  return id;
}

/* The first day on or after @date that falls on @weekday. */
static GDate
next_weekday (const GDate  *date,
              GDateWeekday  weekday)
{
  GDate result = *date;

  while (g_date_get_weekday (&result) != weekday)
    g_date_add_days (&result, 1);

  return result;
}

static char *
until_rule (const char  *rule,
            const GDate *until)
{
  return g_strdup_printf ("%s;UNTIL=%04d%02d%02dT235959Z", rule,
                          g_date_get_year (until), g_date_get_month (until), g_date_get_day (until));
}

/* ~250 sessions a year: weekly individual therapy, a monthly medication
 * check, a weekly aftercare group and a weekly peer meeting for all the
 * years, and each year a 16-week IOP episode that steps down from three
 * groups a week to two, with a workshop, life-skills training and family
 * therapy every other week. Then what happens to sessions: some are
 * cancelled or moved, past ones are marked, some get a note. */
static void
generate_calendar (SteadyStore *store,
                   Generator   *gen,
                   const GDate *first_day,
                   const GDate *today,
                   guint        years)
{
  g_autoptr(SteadyProgram) program = steady_program_new ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now_unix = g_date_time_to_unix (gen->now);
  GDate d, episode_start = *first_day;

  d = next_weekday (first_day, G_DATE_TUESDAY);
  add_series (store, gen, STEADY_SESSION_KIND_INDIVIDUAL_THERAPY, "Individual session", &d, 17, 0, 50 * 60,
              "FREQ=WEEKLY;BYDAY=TU");
  d = next_weekday (first_day, G_DATE_THURSDAY);
  while (g_date_get_day (&d) > 7)
    {
      g_date_add_days (&d, 1);
      d = next_weekday (&d, G_DATE_THURSDAY);
    }
  add_series (store, gen, STEADY_SESSION_KIND_MEDICATION, "Medication check", &d, 10, 0, 30 * 60,
              "FREQ=MONTHLY;BYDAY=1TH");
  d = next_weekday (first_day, G_DATE_THURSDAY);
  add_series (store, gen, STEADY_SESSION_KIND_GROUP_THERAPY, "Aftercare group", &d, 19, 0, 90 * 60,
              "FREQ=WEEKLY;BYDAY=TH");
  d = next_weekday (first_day, G_DATE_MONDAY);
  add_series (store, gen, STEADY_SESSION_KIND_OTHER, "Peer support meeting", &d, 12, 0, 60 * 60,
              "FREQ=WEEKLY;BYDAY=MO");

  for (guint y = 0; y < years; y++)
    {
      GDate start = *first_day, end1, end2;
      g_autofree char *rule = NULL;

      g_date_add_days (&start, y * 365 + 20 + rand_int (gen->rand, 120));
      start = next_weekday (&start, G_DATE_MONDAY);
      if (g_date_compare (&start, today) > 0)
        break;
      episode_start = start;
      end1 = start;
      g_date_add_days (&end1, 8 * 7 - 1);
      end2 = start;
      g_date_add_days (&end2, 16 * 7 - 1);

      rule = until_rule ("FREQ=WEEKLY;BYDAY=MO,WE,FR", &end1);
      add_series (store, gen, STEADY_SESSION_KIND_GROUP_THERAPY, "IOP group", &start, 18, 0, 3 * 3600, rule);
      g_clear_pointer (&rule, g_free);

      d = end1;
      g_date_add_days (&d, 1);
      d = next_weekday (&d, G_DATE_MONDAY);
      rule = until_rule ("FREQ=WEEKLY;BYDAY=MO,WE", &end2);
      add_series (store, gen, STEADY_SESSION_KIND_GROUP_THERAPY, "IOP group (step-down)", &d, 18, 0, 3 * 3600, rule);
      g_clear_pointer (&rule, g_free);

      d = next_weekday (&start, G_DATE_SATURDAY);
      rule = until_rule ("FREQ=WEEKLY;BYDAY=SA", &end2);
      add_series (store, gen, STEADY_SESSION_KIND_WORKSHOP, "Relapse prevention workshop", &d, 10, 0, 2 * 3600, rule);
      g_clear_pointer (&rule, g_free);

      d = next_weekday (&start, G_DATE_WEDNESDAY);
      rule = until_rule ("FREQ=WEEKLY;BYDAY=WE", &end2);
      add_series (store, gen, STEADY_SESSION_KIND_LIFE_SKILLS, "Life skills", &d, 14, 0, 90 * 60, rule);
      g_clear_pointer (&rule, g_free);

      d = next_weekday (&start, G_DATE_SUNDAY);
      rule = until_rule ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU", &end2);
      add_series (store, gen, STEADY_SESSION_KIND_FAMILY_THERAPY, "Family session", &d, 15, 0, 60 * 60, rule);
    }

  /* The program is the latest episode, stepping down. */
  steady_program_set_start_date (program, &episode_start);
  steady_program_set_weekly_minutes (program, 9 * 60);
  steady_program_add_phase (program, 1, 8, 12 * 60);
  steady_program_add_phase (program, 9, 16, 9 * 60);
  check (steady_calendar_save_program (store, program, &error), &error, "save program");

  from = g_date_time_new (gen->series_zone, g_date_get_year (first_day), g_date_get_month (first_day),
                          g_date_get_day (first_day), 0, 0, 0);
  to = g_date_time_add_days (gen->now, 60);
  all = steady_calendar_list_occurrences (store, from, to, &error);
  check (all != NULL, &error, "list occurrences");

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (all, i);
      gint64 series_id = steady_occurrence_get_series_id (occurrence);
      const char *rid = steady_occurrence_get_recurrence_id (occurrence);
      gboolean past = steady_occurrence_get_start_unix (occurrence) + 3 * 3600 < now_unix;
      double roll = g_rand_double (gen->rand);
      SteadyAttendance attendance;

      if (roll < 0.03)
        {
          check (steady_calendar_set_cancelled (store, series_id, rid, TRUE, &error), &error, "cancel session");
          continue;
        }

      if (roll < 0.045)
        {
          g_autoptr(SteadySessionSeries) fields = steady_occurrence_dup_fields (occurrence);
          g_autoptr(GDateTime) local = g_date_time_to_timezone (steady_occurrence_get_start (occurrence),
                                                                gen->series_zone);
          g_autoptr(GDateTime) later = g_date_time_add_hours (local, 1 + (int)rand_int (gen->rand, 24));

          steady_session_series_set_start (fields, later);
          steady_session_series_set_location (fields, "Room 9, Harbor Clinic");
          check (steady_calendar_modify_occurrence (store, series_id, rid, fields, &error), &error, "move session");
          if (g_date_time_to_unix (later) + 3 * 3600 >= now_unix)
            continue;
          past = TRUE;
        }

      if (!past)
        continue;

      roll = g_rand_double (gen->rand);
      attendance = roll < 0.85 ? STEADY_ATTENDANCE_ATTENDED
                 : roll < 0.95 ? STEADY_ATTENDANCE_MISSED
                 : STEADY_ATTENDANCE_EXCUSED;
      check (steady_calendar_set_attendance (store, series_id, rid, attendance, gen->now, &error),
             &error, "mark attendance");

      if (attendance == STEADY_ATTENDANCE_ATTENDED && chance (gen->rand, 0.25))
        {
          g_autofree char *note = make_text (gen->rand, gen->word_cdf, 10 + rand_int (gen->rand, 120), FALSE);
          g_autofree char *homework = chance (gen->rand, 0.5)
                                      ? make_text (gen->rand, gen->word_cdf, 5 + rand_int (gen->rand, 30), FALSE)
                                      : g_strdup ("");

          check (steady_calendar_set_reflection (store, series_id, rid, note, homework, &error),
                 &error, "write reflection");
        }
    }
}

/* Most lessons done over the years, most practice prompts answered. */
static void
generate_lessons (SteadyStore         *store,
                  SteadyLessonLibrary *library,
                  Generator           *gen,
                  gint64               first_unix,
                  gint64               now_unix)
{
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (G_LIST_MODEL (library), i);
      const char *id = steady_lesson_get_id (lesson);
      gint64 when = first_unix + (gint64)(g_rand_double (gen->rand) * (double)(now_unix - first_unix - 86400));

      for (guint p = 0; p < steady_lesson_get_n_prompts (lesson); p++)
        {
          const SteadyLessonPrompt *prompt = steady_lesson_get_prompt (lesson, p);
          g_autofree char *answer = NULL;

          if (!chance (gen->rand, 0.8))
            continue;

          answer = make_text (gen->rand, gen->word_cdf, 15 + rand_int (gen->rand, 140), FALSE);
          check (steady_lessons_save_answer (store, id, prompt->id, answer, when + p * 600, &error),
                 &error, "save lesson answer");
        }

      if (chance (gen->rand, 0.75))
        check (steady_lessons_set_done (store, id, TRUE, when + 3600, &error), &error, "finish lesson");
    }
}

static void
generate (const char          *path,
          SteadyLessonLibrary *library,
          GDateTime           *now,
          guint                years,
          double              *word_cdf)
{
  g_autoptr(SteadyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Generator gen = { 0, };
  GPtrArray *skills = steady_lesson_library_get_skills (library);
  gint64 started = g_get_monotonic_time ();
  gint64 t_journal, t_calendar;
  GDate today, first_day;

  gen.rand = g_rand_new_with_seed (SEED);
  gen.now = now;
  gen.series_zone = g_time_zone_new_identifier (SERIES_TZID);
  gen.word_cdf = word_cdf;
  gen.emotions = g_ptr_array_new_with_free_func (g_free);
  gen.triggers = g_ptr_array_new_with_free_func (g_free);
  gen.skills = g_ptr_array_new_with_free_func (g_free);
  if (gen.series_zone == NULL)
    die ("time zone " SERIES_TZID, NULL);

  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  first_day = today;
  g_date_subtract_years (&first_day, years);
  g_date_add_days (&first_day, 1);

  store = steady_store_open (path, &error);
  check (store != NULL, &error, "create store");
  set_synchronous (store, "PRAGMA synchronous = OFF");

  /* What the app does on its first start: the journal offers the skills
   * the lessons teach, and the welcome has been seen. */
  if (steady_lessons_skills_need_sync (store, skills))
    check (steady_lessons_sync_skills (store, skills, &error), &error, "sync skills");
  check (steady_store_set_state (store, WELCOME_DONE_KEY, "yes", &error), &error, "set welcome state");

  list_choice_keys (store, STEADY_JOURNAL_CHOICE_EMOTION, gen.emotions);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_PEOPLE, gen.triggers);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_PLACES, gen.triggers);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_THINGS, gen.triggers);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_FEELINGS, gen.triggers);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_HALT, gen.triggers);
  list_choice_keys (store, STEADY_JOURNAL_CHOICE_SKILL, gen.skills);

  generate_journal (store, &gen, &first_day, &today, years * CHECKINS_PER_YEAR);
  t_journal = g_get_monotonic_time ();
  generate_calendar (store, &gen, &first_day, &today, years);
  t_calendar = g_get_monotonic_time ();
  {
    g_autoptr(GDateTime) first = g_date_time_new_local (g_date_get_year (&first_day), g_date_get_month (&first_day),
                                                        g_date_get_day (&first_day), 12, 0, 0);

    generate_lessons (store, library, &gen, g_date_time_to_unix (first), g_date_time_to_unix (now));
  }

  set_synchronous (store, "PRAGMA synchronous = FULL");
  steady_store_close (store);

  g_print ("generate: %.1f s (journal %.1f s, calendar %.1f s, lessons %.1f s; synchronous=OFF)\n",
           (g_get_monotonic_time () - started) / 1e6,
           (t_journal - started) / 1e6,
           (t_calendar - t_journal) / 1e6,
           (g_get_monotonic_time () - t_calendar) / 1e6);
  g_print ("data-edits-during-generation: %u edits, %u deletes\n", gen.n_edits, gen.n_deletes);
  g_print ("data-notes-words: %" G_GUINT64_FORMAT " words\n", gen.n_words);

  g_rand_free (gen.rand);
  g_time_zone_unref (gen.series_zone);
  g_ptr_array_unref (gen.emotions);
  g_ptr_array_unref (gen.triggers);
  g_ptr_array_unref (gen.skills);
}

static gint64
count_rows (SteadyStore *store,
            const char  *sql)
{
  sqlite3 *db = steady_store_get_reader (store);
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / (1024.0 * 1024.0) : 0.0;
}

static void
print_data_set (Bench *bench)
{
  static const struct
  {
    const char *name;
    const char *sql;
  } tables[] = {
    { "data-checkins", "SELECT count(*) FROM journal_entries" },
    { "data-checkin-emotions", "SELECT count(*) FROM journal_entry_emotions" },
    { "data-checkin-triggers", "SELECT count(*) FROM journal_entry_triggers" },
    { "data-checkin-skills", "SELECT count(*) FROM journal_entry_skills" },
    { "data-checkin-lapses", "SELECT count(*) FROM journal_entries WHERE substance_use = 2" },
    { "data-sobriety-periods", "SELECT count(*) FROM sobriety_periods" },
    { "data-series", "SELECT count(*) FROM calendar_series" },
    { "data-session-exceptions", "SELECT count(*) FROM calendar_exception" },
    { "data-session-attendance", "SELECT count(*) FROM calendar_attendance" },
    { "data-lesson-answers", "SELECT count(*) FROM lesson_answers" },
    { "data-fts-index-blocks", "SELECT count(*) FROM journal_fts_data" },
  };
  g_autoptr(GDateTime) from = g_date_time_add_years (bench->now, -50);
  g_autoptr(GDateTime) to = g_date_time_add_days (bench->now, 60);
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (bench->path, "-wal", NULL);
  guint n_past = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_print ("%s: %" G_GINT64_FORMAT " rows\n", tables[i].name, count_rows (bench->store, tables[i].sql));

  all = steady_calendar_list_occurrences (bench->store, from, to, &error);
  check (all != NULL, &error, "list occurrences");
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SteadyOccurrence) occurrence = g_list_model_get_item (all, i);

      if (steady_occurrence_get_start_unix (occurrence) < g_date_time_to_unix (bench->now))
        n_past++;
    }
  g_print ("data-session-occurrences: %u sessions (%u past, %u in the next 60 days)\n",
           g_list_model_get_n_items (all), n_past, g_list_model_get_n_items (all) - n_past);
  g_print ("data-file: %.1f MB (+ %.1f MB WAL)\n", file_mb (bench->path), file_mb (wal));
}

/* Runs @func WARMUPS + @runs times and prints the median of the timed
 * runs. Returns the median, in ms. */
static double
measure (Bench       *bench,
         const char  *name,
         guint        runs,
         guint        warmups,
         BenchFunc    func)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < warmups; i++)
    func (bench);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (bench);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  if (bench->verbose)
    {
      double lo = times[0], hi = times[0];

      for (guint i = 1; i < runs; i++)
        {
          lo = MIN (lo, times[i]);
          hi = MAX (hi, times[i]);
        }
      g_printerr ("  %s: min %.3f, max %.3f ms over %u runs\n", name, lo, hi, runs);
    }

  {
    double m = median (times, runs);

    g_print ("%s: %.3f ms\n", name, m);
    return m;
  }
}

/* Open, as the app does before its first frame. */
static void
bench_open (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyStore) store = steady_store_open (bench->path, &error);

  check (store != NULL, &error, "open store");
  steady_store_close (store);
}

static void
bench_open_check (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyStore) store = steady_store_open (bench->path, &error);

  check (store != NULL, &error, "open store");
  check (steady_store_check (store, &error), &error, "check store");
  steady_store_close (store);
}

/* Drops the file's pages from the kernel's cache (clean pages only,
 * hence the sync), so the next open reads from the disk. */
static void
evict (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    return;
  fdatasync (fd);
  posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
  close (fd);
}

static void
measure_open_check_cold (Bench *bench)
{
  guint runs = MIN (bench->runs, 7);
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 start;

      evict (bench->path);
      start = g_get_monotonic_time ();
      bench_open_check (bench);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  g_print ("open-store-and-quick-check-cold: %.3f ms (file dropped from the page cache, median of %u)\n",
           median (times, runs), runs);
}

static void
bench_today (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  SteadyToday today;

  check (steady_today_load (bench->store, bench->library, bench->now, &today, &error), &error, "today");
  steady_today_clear (&today);
}

static void
bench_month (Bench *bench)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  int year = g_date_time_get_year (bench->now);
  int month = g_date_time_get_month (bench->now);
  g_autoptr(GDateTime) from = g_date_time_new (zone, year, month, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_months (from, 1);
  g_autoptr(GListModel) occurrences = NULL;
  g_autoptr(GError) error = NULL;
  guint32 days = 0;

  occurrences = steady_calendar_list_occurrences (bench->store, from, to, &error);
  check (occurrences != NULL, &error, "month occurrences");
  check (steady_calendar_get_month_days (bench->store, year, month, zone, &days, &error), &error, "month days");
}

static void
read_history (Bench *bench,
              gboolean newest)
{
  g_autoptr(SteadyJournalHistory) history = steady_journal_history_new (bench->store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (history));
  guint first = newest || n < 50 ? 0 : n - 50;

  for (guint i = first; i < first + 50 && i < n; i++)
    {
      g_autoptr(SteadyJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (history), i);

      if (entry == NULL)
        die ("history item", NULL);
    }
}

static void
bench_history_newest (Bench *bench)
{
  read_history (bench, TRUE);
}

static void
bench_history_oldest (Bench *bench)
{
  read_history (bench, FALSE);
}

static void
search (Bench      *bench,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = steady_journal_search (bench->store, text, NULL, NULL,
                                                         STEADY_JOURNAL_FILTER_NONE, 500, &error);

  check (results != NULL, &error, "search");
  bench->n_matches = g_list_model_get_n_items (results);
}

static void
bench_search_common (Bench *bench)
{
  search (bench, COMMON_WORD);
}

static void
bench_search_rare (Bench *bench)
{
  search (bench, RARE_WORD);
}

static void
trends (Bench *bench,
        guint  n_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) triggers = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  SteadyJournalSummary summary;
  GDate first = bench->today;

  g_date_subtract_days (&first, n_days - 1);

  days = steady_journal_stats_daily (bench->store, &bench->today, n_days, &error);
  check (days != NULL, &error, "daily stats");
  check (steady_journal_stats_summary (bench->store, &bench->today, n_days, &summary, &error), &error, "summary");
  triggers = steady_journal_stats_top_triggers (bench->store, &first, &bench->today, 5, &error);
  check (triggers != NULL, &error, "top triggers");
  skills = steady_journal_stats_helpful_skills (bench->store, &first, &bench->today,
                                                STEADY_JOURNAL_HIGH_CRAVING, 5, &error);
  check (skills != NULL, &error, "helpful skills");
}

static void
bench_trends_30 (Bench *bench)
{
  trends (bench, 30);
}

static void
bench_trends_365 (Bench *bench)
{
  trends (bench, 365);
}

static gint64
writer_pages_written (SteadyStore *store)
{
  GMutex *lock = steady_store_get_write_lock (store);
  int current = 0, highest = 0;

  g_mutex_lock (lock);
  sqlite3_db_status (steady_store_get_writer_locked (store), SQLITE_DBSTATUS_CACHE_WRITE,
                     &current, &highest, TRUE);
  g_mutex_unlock (lock);

  return current;
}

/* A typical check-in: a paragraph, two emotions, a trigger, a skill. */
static char *
typical_notes (Bench *bench)
{
  return make_text (bench->rand, bench->word_cdf, 90, FALSE);
}

static void
bench_save (Bench *bench)
{
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(GDateTime) at = g_date_time_add_seconds (bench->now, -3600.0 + bench->save_counter++);
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = typical_notes (bench);
  static const char * const emotions[] = { "anxious", "hopeful", NULL };
  static const char * const triggers[] = { "stress", NULL };

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, 6);
  steady_journal_entry_set_craving (entry, 4);
  steady_journal_entry_set_notes (entry, notes);
  steady_journal_entry_set_emotions (entry, emotions);
  steady_journal_entry_set_triggers (entry, triggers);
  steady_journal_entry_set_skill (entry, "slow-breathing", 7);
  steady_journal_entry_set_substance_use (entry, STEADY_SUBSTANCE_USE_NONE);

  writer_pages_written (bench->store);
  check (steady_journal_save (bench->store, entry, &error), &error, "save check-in");
  bench->pages_written += writer_pages_written (bench->store);
  bench->n_page_samples++;
}

/* journal_entries as steady-journal-schema.c creates it (version 2). */
static const char floor_schema[] =
  "CREATE TABLE IF NOT EXISTS journal_entries ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at            INTEGER NOT NULL,"
  "  local_date    TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  utc_offset    INTEGER NOT NULL CHECK (utc_offset BETWEEN -86400 AND 86400),"
  "  mood          INTEGER CHECK (mood BETWEEN 1 AND 10),"
  "  craving       INTEGER CHECK (craving BETWEEN 0 AND 10),"
  "  sleep_hours   REAL CHECK (sleep_hours BETWEEN 0 AND 24),"
  "  substance_use INTEGER NOT NULL DEFAULT 0 CHECK (substance_use IN (0, 1, 2)),"
  "  lapse_what    TEXT,"
  "  lapse_note    TEXT,"
  "  notes         TEXT,"
  "  CHECK (substance_use = 2 OR (lapse_what IS NULL AND lapse_note IS NULL))"
  ") STRICT;"
  "CREATE INDEX IF NOT EXISTS journal_entries_at ON journal_entries (at);"
  "CREATE INDEX IF NOT EXISTS journal_entries_local_date ON journal_entries (local_date);";

static void
floor_exec (sqlite3    *db,
            const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_autoptr(GError) error = g_error_new (STEADY_STORE_ERROR, STEADY_STORE_ERROR_FAILED, "%s", message);

      sqlite3_free (message);
      die (sql, error);
    }
}

static void
open_floor (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "floor.db", NULL);

  if (sqlite3_open_v2 (path, &bench->floor_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    die ("open floor database", NULL);

  /* The store's pragmas (steady-store.c). */
  floor_exec (bench->floor_db,
              "PRAGMA journal_mode = WAL;"
              "PRAGMA trusted_schema = OFF;"
              "PRAGMA foreign_keys = ON;"
              "PRAGMA secure_delete = ON;"
              "PRAGMA synchronous = FULL;"
              "PRAGMA temp_store = MEMORY;");
  floor_exec (bench->floor_db, floor_schema);

  if (sqlite3_prepare_v2 (bench->floor_db,
                          "INSERT INTO journal_entries (at, local_date, utc_offset, mood, craving, "
                          "substance_use, notes) VALUES (?1, ?2, 0, 6, 4, 1, ?3)",
                          -1, &bench->floor_insert, NULL) != SQLITE_OK)
    die ("prepare floor insert", NULL);
}

static void
close_floor (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "floor.db", NULL);

  sqlite3_finalize (bench->floor_insert);
  sqlite3_close (bench->floor_db);
  remove_db (path);
}

static void
bench_floor (Bench *bench)
{
  g_autofree char *notes = typical_notes (bench);
  int current = 0, highest = 0;

  sqlite3_db_status (bench->floor_db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, TRUE);

  floor_exec (bench->floor_db, "BEGIN IMMEDIATE");
  sqlite3_bind_int64 (bench->floor_insert, 1, g_date_time_to_unix (bench->now));
  sqlite3_bind_text (bench->floor_insert, 2, "2026-01-01", -1, SQLITE_STATIC);
  sqlite3_bind_text (bench->floor_insert, 3, notes, -1, SQLITE_STATIC);
  if (sqlite3_step (bench->floor_insert) != SQLITE_DONE)
    die ("floor insert", NULL);
  sqlite3_reset (bench->floor_insert);
  floor_exec (bench->floor_db, "COMMIT");

  sqlite3_db_status (bench->floor_db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, TRUE);
  bench->pages_written += current;
  bench->n_page_samples++;
}

/* The same rows as steady_journal_save () writes for bench_save ()'s
 * check-in (the entry, its emotions, trigger and skill, and its index
 * row), with bare SQLite on a copy of the ten-year file: what is left
 * between this and the save is the store's own work. */
static const char * const rows_sql[] = {
  "INSERT INTO journal_entries (at, local_date, utc_offset, mood, craving, substance_use, notes) "
  "VALUES (?1, ?2, 0, 6, 4, 1, ?3)",
  "INSERT INTO journal_entry_emotions (entry_id, position, name) VALUES (?1, 0, 'anxious'), (?1, 1, 'hopeful')",
  "INSERT INTO journal_entry_triggers (entry_id, position, name) VALUES (?1, 0, 'stress')",
  "INSERT INTO journal_entry_skills (entry_id, position, skill_id, helped) VALUES (?1, 0, 'slow-breathing', 7)",
  "INSERT INTO journal_fts (rowid, notes, emotions, triggers, skills) "
  "VALUES (?1, ?2, 'Anxious\nHopeful', 'Stress', 'Slow breathing')",
};

static void
open_rows_floor (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "floor-rows.db", NULL);
  sqlite3_backup *backup;

  if (sqlite3_open_v2 (path, &bench->rows_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    die ("open same-rows floor database", NULL);

  backup = sqlite3_backup_init (bench->rows_db, "main", steady_store_get_reader (bench->store), "main");
  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    die ("copy the data set", NULL);
  sqlite3_backup_finish (backup);

  floor_exec (bench->rows_db,
              "PRAGMA journal_mode = WAL;"
              "PRAGMA trusted_schema = OFF;"
              "PRAGMA foreign_keys = ON;"
              "PRAGMA secure_delete = ON;"
              "PRAGMA synchronous = FULL;"
              "PRAGMA temp_store = MEMORY;");

  for (guint i = 0; i < G_N_ELEMENTS (rows_sql); i++)
    if (sqlite3_prepare_v2 (bench->rows_db, rows_sql[i], -1, &bench->rows_insert[i], NULL) != SQLITE_OK)
      die (rows_sql[i], NULL);
}

static void
close_rows_floor (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "floor-rows.db", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bench->rows_insert); i++)
    sqlite3_finalize (bench->rows_insert[i]);
  sqlite3_close (bench->rows_db);
  remove_db (path);
}

static void
bench_rows_floor (Bench *bench)
{
  g_autofree char *notes = typical_notes (bench);
  int current = 0, highest = 0;
  sqlite3_int64 id;

  sqlite3_db_status (bench->rows_db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, TRUE);

  floor_exec (bench->rows_db, "BEGIN IMMEDIATE");
  sqlite3_bind_int64 (bench->rows_insert[0], 1, g_date_time_to_unix (bench->now));
  sqlite3_bind_text (bench->rows_insert[0], 2, "2026-01-01", -1, SQLITE_STATIC);
  sqlite3_bind_text (bench->rows_insert[0], 3, notes, -1, SQLITE_STATIC);
  if (sqlite3_step (bench->rows_insert[0]) != SQLITE_DONE)
    die ("same-rows insert", NULL);
  sqlite3_reset (bench->rows_insert[0]);
  id = sqlite3_last_insert_rowid (bench->rows_db);

  for (guint i = 1; i < G_N_ELEMENTS (bench->rows_insert); i++)
    {
      sqlite3_bind_int64 (bench->rows_insert[i], 1, id);
      if (i == 4)
        sqlite3_bind_text (bench->rows_insert[i], 2, notes, -1, SQLITE_STATIC);
      if (sqlite3_step (bench->rows_insert[i]) != SQLITE_DONE)
        die (rows_sql[i], NULL);
      sqlite3_reset (bench->rows_insert[i]);
    }
  floor_exec (bench->rows_db, "COMMIT");

  sqlite3_db_status (bench->rows_db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, TRUE);
  bench->pages_written += current;
  bench->n_page_samples++;
}

/* Edits one older check-in's notes (a different one each run). */
static void
bench_edit (Bench *bench)
{
  gint64 id = g_array_index (bench->edit_ids, gint64, bench->next_edit++ % bench->edit_ids->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(SteadyJournalEntry) entry = steady_journal_get (bench->store, id, &error);
  g_autofree char *notes = NULL;

  check (entry != NULL, &error, "get check-in");
  notes = g_strconcat (steady_journal_entry_get_notes (entry) ? steady_journal_entry_get_notes (entry) : "",
                       " Later: it helped.", NULL);
  steady_journal_entry_set_notes (entry, notes);

  writer_pages_written (bench->store);
  check (steady_journal_save (bench->store, entry, &error), &error, "edit check-in");
  bench->pages_written += writer_pages_written (bench->store);
  bench->n_page_samples++;
}

static void
bench_delete (Bench *bench)
{
  gint64 id = g_array_index (bench->edit_ids, gint64, bench->next_edit++ % bench->edit_ids->len);
  g_autoptr(GError) error = NULL;

  writer_pages_written (bench->store);
  check (steady_journal_delete (bench->store, id, &error), &error, "delete check-in");
  bench->pages_written += writer_pages_written (bench->store);
  bench->n_page_samples++;
}

static void
pick_edit_ids (Bench *bench,
               guint  n)
{
  sqlite3 *db = steady_store_get_reader (bench->store);
  sqlite3_stmt *stmt = NULL;

  g_clear_pointer (&bench->edit_ids, g_array_unref);
  bench->edit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->next_edit = 0;

  /* Spread over the years, with notes. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT id FROM journal_entries WHERE notes IS NOT NULL "
                          "ORDER BY (id * 7919) % 10007 LIMIT ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    die ("pick check-ins", NULL);
  sqlite3_bind_int (stmt, 1, (int)n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (bench->edit_ids, id);
    }
  sqlite3_finalize (stmt);
}

static GString *
make_ics (GRand *rand)
{
  GString *text = g_string_new ("BEGIN:VCALENDAR\r\n"
                                "VERSION:2.0\r\n"
                                "PRODID:-//Steady//steady-bench//EN\r\n"
                                "BEGIN:VTIMEZONE\r\n"
                                "TZID:America/New_York\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:-0500\r\n"
                                "TZOFFSETTO:-0400\r\n"
                                "TZNAME:EDT\r\n"
                                "DTSTART:19700308T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:-0400\r\n"
                                "TZOFFSETTO:-0500\r\n"
                                "TZNAME:EST\r\n"
                                "DTSTART:19701101T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n");
  g_autoptr(GDateTime) base = g_date_time_new_utc (2016, 1, 4, 0, 0, 0);

  /* A program's export: nine in ten single sessions, one in ten weekly
   * with a count and a skipped date. */
  for (guint i = 0; i < ICS_EVENTS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (base, (int)(i * 3652 / ICS_EVENTS));
      g_autofree char *date = g_date_time_format (day, "%Y%m%d");
      int hour = 9 + (int)rand_int (rand, 10);

      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\n"
                              "UID:import-%u@program.example.org\r\n"
                              "DTSTAMP:20260101T000000Z\r\n"
                              "SUMMARY:%s\r\n"
                              "LOCATION:%s\r\n"
                              "DESCRIPTION:Bring your workbook. Session %u of the program.\r\n"
                              "DTSTART;TZID=America/New_York:%sT%02d0000\r\n"
                              "DTEND;TZID=America/New_York:%sT%02d3000\r\n",
                              i, i % 3 == 0 ? "Group therapy" : i % 3 == 1 ? "Skills workshop" : "Individual session",
                              locations[i % G_N_ELEMENTS (locations)], i, date, hour, date, hour + 1);
      if (i % 10 == 0)
        {
          g_autoptr(GDateTime) skipped = g_date_time_add_weeks (day, 2);
          g_autofree char *skipped_date = g_date_time_format (skipped, "%Y%m%d");

          g_string_append_printf (text,
                                  "RRULE:FREQ=WEEKLY;COUNT=12\r\n"
                                  "EXDATE;TZID=America/New_York:%sT%02d0000\r\n",
                                  skipped_date, hour);
        }
      g_string_append (text, "END:VEVENT\r\n");
    }

  g_string_append (text, "END:VCALENDAR\r\n");

  return text;
}

static void
bench_ics (Bench *bench)
{
  g_autoptr(GString) ics = make_ics (bench->rand);
  g_autofree double *parse_times = g_new (double, bench->runs);
  g_autofree double *import_times = g_new (double, bench->runs);
  g_autofree double *total_times = g_new (double, bench->runs);
  g_autofree char *path = g_build_filename (bench->dir, "import.db", NULL);
  guint runs = MIN (bench->runs, 5);

  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(SteadyStore) store = NULL;
      g_autoptr(SteadyIcsPreview) preview = NULL;
      g_autoptr(GError) error = NULL;
      guint n_added = 0;
      gint64 t0, t1, t2;

      remove_db (path);
      store = steady_store_open (path, &error);
      check (store != NULL, &error, "open import store");

      t0 = g_get_monotonic_time ();
      preview = steady_ics_parse (store, ics->str, ics->len, &error);
      check (preview != NULL, &error, "parse .ics");
      t1 = g_get_monotonic_time ();
      check (steady_ics_import (store, preview, &n_added, &error), &error, "import .ics");
      t2 = g_get_monotonic_time ();

      if (n_added != ICS_EVENTS)
        g_printerr ("steady-bench: imported %u of %u events\n", n_added, ICS_EVENTS);

      steady_store_close (store);

      /* The first run warms up. */
      if (i > 0)
        {
          parse_times[i - 1] = (t1 - t0) / 1000.0;
          import_times[i - 1] = (t2 - t1) / 1000.0;
          total_times[i - 1] = (t2 - t0) / 1000.0;
        }
    }
  remove_db (path);

  g_print ("ics-parse-%u-events: %.1f ms\n", ICS_EVENTS, median (parse_times, runs));
  g_print ("ics-import-%u-events: %.1f ms\n", ICS_EVENTS, median (import_times, runs));
  g_print ("ics-parse-and-import-%u-events: %.1f ms (%.1f KiB of text, median of %u)\n", ICS_EVENTS,
           median (total_times, runs), ics->len / 1024.0, runs);
}

/* Everything the person can export as CSV (every check-in, and every
 * session with its attendance), written to a file on the same disk, as
 * Preferences → Data does. */
static void
bench_csv (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInfo) info = NULL;
  guint64 bytes = 0;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  check (out != NULL, &error, "create export.csv");
  check (steady_export_checkins_csv (bench->store, G_OUTPUT_STREAM (out), NULL, &error), &error, "export check-ins");
  check (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error), &error, "close export.csv");
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  check (info != NULL, &error, "size of export.csv");
  bytes += g_file_info_get_size (info);
  g_clear_object (&out);
  g_clear_object (&info);

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  check (out != NULL, &error, "create export.csv");
  check (steady_export_attendance_csv (bench->store, G_OUTPUT_STREAM (out), bench->now, NULL, &error),
         &error, "export sessions");
  check (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error), &error, "close export.csv");
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  check (info != NULL, &error, "size of export.csv");
  bytes += g_file_info_get_size (info);

  bench->csv_bytes = bytes;
  g_unlink (path);
}

/* The summary for the next session over the last month, notes left
 * out (the default): reading it from the store and writing the PDF. */
static void
bench_pdf (Bench *bench)
{
  g_autofree char *path = g_build_filename (bench->dir, "summary.pdf", NULL);
  g_autoptr(SteadyReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  double width, height;

  g_date_clear (&to, 1);
  g_date_set_dmy (&to, g_date_time_get_day_of_month (bench->now),
                  g_date_time_get_month (bench->now), g_date_time_get_year (bench->now));
  from = to;
  g_date_subtract_months (&from, 1);

  check (steady_report_load (bench->store, &from, &to, FALSE, &report, &error), &error, "load summary");
  check (steady_report_write_pdf (report, path, &error), &error, "write summary PDF");
  steady_report_get_default_page_size (&width, &height);
  bench->pdf_pages = steady_report_count_pages (report, width, height);
  g_unlink (path);
}

static const char *
fs_name (const char *dir)
{
  struct statfs st;

  if (statfs (dir, &st) != 0)
    return "unknown";

  switch (st.f_type)
    {
    case 0xEF53: return "ext4";
    case 0x01021994: return "tmpfs (fsync costs nothing: commit figures mean little)";
    case 0x9123683E: return "btrfs";
    case 0x58465342: return "xfs";
    case 0x794c7630: return "overlayfs";
    default: return "other";
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep = NULL;
  int years = DEFAULT_YEARS;
  int runs = DEFAULT_RUNS;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of data (default 10)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure (default 21)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Build the data in DIR and keep DIR/steady.db", "DIR" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print each figure's spread on stderr", NULL },
    { NULL }
  };
  Bench bench = { 0, };
  struct rusage usage;
  double save_ms, floor_ms, rows_ms;

  setlocale (LC_ALL, "");
  /* One line at a time, also into a pipe, in step with the --verbose lines. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  /* Writes emit SteadyStore::changed at once when called on the thread
   * that owns the store's main context; own it, so that nothing queues. */
  g_main_context_acquire (NULL);

  context = g_option_context_new ("- time the Steady core on a ten-year data set");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (years < 1 || years > 50 || runs < 1 || runs > 10000)
    {
      g_printerr ("steady-bench: --years must be 1–50 and --runs 1–10000\n");
      return 2;
    }

  if (keep != NULL)
    {
      if (g_mkdir_with_parents (keep, 0700) != 0)
        {
          g_printerr ("steady-bench: cannot create %s\n", keep);
          return 1;
        }
      bench.dir = g_canonicalize_filename (keep, NULL);
      bench.path = g_build_filename (bench.dir, "steady.db", NULL);
      if (g_file_test (bench.path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("steady-bench: %s exists; remove it or give another folder\n", bench.path);
          return 1;
        }
    }
  else
    {
      bench.dir = g_dir_make_tmp ("steady-bench-XXXXXX", &error);
      if (bench.dir == NULL)
        die ("temporary folder", error);
      tmp_dir_to_remove = bench.dir;
      bench.path = g_build_filename (bench.dir, "steady.db", NULL);
    }

  bench.runs = (guint)runs;
  bench.verbose = verbose;
  bench.now = g_date_time_new_now_local ();
  bench.rand = g_rand_new_with_seed (SEED + 1);
  bench.word_cdf = make_word_cdf ();
  bench.library = steady_lesson_library_get_default ();
  g_date_set_dmy (&bench.today, g_date_time_get_day_of_month (bench.now), g_date_time_get_month (bench.now),
                  g_date_time_get_year (bench.now));

  g_print ("# steady-bench: %d years, medians of %u runs after %u warm-ups, SQLite %s, %s on %s\n",
           years, bench.runs, WARMUPS, sqlite3_libversion (), bench.dir, fs_name (bench.dir));

  generate (bench.path, bench.library, bench.now, (guint)years, bench.word_cdf);

  bench.store = steady_store_open (bench.path, &error);
  check (bench.store != NULL, &error, "open store");
  print_data_set (&bench);
  steady_store_close (bench.store);
  g_clear_object (&bench.store);

  /* Opening */
  measure (&bench, "open-store", bench.runs, WARMUPS, bench_open);
  measure (&bench, "open-store-and-quick-check", bench.runs, WARMUPS, bench_open_check);
  measure_open_check_cold (&bench);

  bench.store = steady_store_open (bench.path, &error);
  check (bench.store != NULL, &error, "open store");

  /* Page queries, on the main thread in the app */
  measure (&bench, "today-page", bench.runs, WARMUPS, bench_today);
  measure (&bench, "month-view", bench.runs, WARMUPS, bench_month);
  measure (&bench, "history-page-newest-50", bench.runs, WARMUPS, bench_history_newest);
  measure (&bench, "history-page-oldest-50", bench.runs, WARMUPS, bench_history_oldest);
  measure (&bench, "search-common-word", bench.runs, WARMUPS, bench_search_common);
  g_print ("search-common-word-matches: %u rows (\"%s\", limit 500)\n", bench.n_matches, COMMON_WORD);
  measure (&bench, "search-rare-word", bench.runs, WARMUPS, bench_search_rare);
  g_print ("search-rare-word-matches: %u rows (\"%s\")\n", bench.n_matches, RARE_WORD);
  measure (&bench, "trends-30-days", bench.runs, WARMUPS, bench_trends_30);
  measure (&bench, "trends-365-days", bench.runs, WARMUPS, bench_trends_365);

  /* Writes, with the store's own settings */
  bench.save_counter = 0;
  bench.pages_written = 0;
  bench.n_page_samples = 0;
  save_ms = measure (&bench, "checkin-save", bench.runs, WARMUPS, bench_save);
  g_print ("checkin-save-pages: %.1f pages written per commit\n",
           (double)bench.pages_written / bench.n_page_samples);

  open_floor (&bench);
  bench.pages_written = 0;
  bench.n_page_samples = 0;
  floor_ms = measure (&bench, "sqlite-insert-commit-floor", bench.runs, WARMUPS, bench_floor);
  g_print ("sqlite-insert-commit-floor-pages: %.1f pages written per commit\n",
           (double)bench.pages_written / bench.n_page_samples);
  close_floor (&bench);
  g_print ("checkin-save-over-floor: %.2f x\n", save_ms / floor_ms);

  open_rows_floor (&bench);
  bench.pages_written = 0;
  bench.n_page_samples = 0;
  rows_ms = measure (&bench, "sqlite-same-rows-commit-floor", bench.runs, WARMUPS, bench_rows_floor);
  g_print ("sqlite-same-rows-commit-floor-pages: %.1f pages written per commit\n",
           (double)bench.pages_written / bench.n_page_samples);
  close_rows_floor (&bench);
  g_print ("checkin-save-over-same-rows-floor: %.2f x\n", save_ms / rows_ms);

  pick_edit_ids (&bench, 2 * (bench.runs + WARMUPS));
  bench.pages_written = 0;
  bench.n_page_samples = 0;
  measure (&bench, "checkin-edit", bench.runs, WARMUPS, bench_edit);
  g_print ("checkin-edit-pages: %.1f pages written per edit\n",
           (double)bench.pages_written / bench.n_page_samples);
  bench.pages_written = 0;
  bench.n_page_samples = 0;
  measure (&bench, "checkin-delete", bench.runs, WARMUPS, bench_delete);
  g_print ("checkin-delete-pages: %.1f pages written per delete\n",
           (double)bench.pages_written / bench.n_page_samples);

  bench_ics (&bench);

  measure (&bench, "csv-export-everything", MIN (bench.runs, 5), 1, bench_csv);
  g_print ("csv-export-everything-size: %.1f MB\n", bench.csv_bytes / 1e6);
  measure (&bench, "pdf-summary-month", MIN (bench.runs, 5), 1, bench_pdf);
  g_print ("pdf-summary-month-pages: %d pages\n", bench.pdf_pages);

  steady_store_close (bench.store);
  g_clear_object (&bench.store);

  if (getrusage (RUSAGE_SELF, &usage) == 0)
    g_print ("peak-rss: %.1f MB\n", usage.ru_maxrss / 1024.0);

  if (keep != NULL)
    g_print ("# kept %s\n", bench.path);
  else
    remove_tree (bench.dir);

  g_clear_pointer (&bench.edit_ids, g_array_unref);
  g_rand_free (bench.rand);
  g_free (bench.word_cdf);
  g_date_time_unref (bench.now);
  g_free (bench.path);
  g_free (bench.dir);

  return 0;
}
