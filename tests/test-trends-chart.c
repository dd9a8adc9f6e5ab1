/* test-trends-chart.c: the trends chart and the journal's Trends view,
 * under Xvfb
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-journal.h"
#include "steady-journal-stats.h"
#include "steady-journal-trends-view.h"
#include "steady-trends-chart-private.h"

#include "steady-test-app.h"

typedef struct
{
  char                    *dir;
  SteadyStore             *store;
  GtkWindow               *window;
  SteadyJournalTrendsView *view;
} TrendsFixture;

typedef struct
{
  int         days_ago;
  int         mood;
  int         craving;
  const char *triggers[3];
  const char *skill;
  int         helped;
} CheckIn;

/* Today is the last day of every period: this week has two days with a
 * mood (6 and 8), the week before two more (4 and 4). */
static const CheckIn check_ins[] = {
  { 1, 6, 8, { "stress", "hungry" }, "urge-surfing", 8 },
  { 2, 8, 2, { "stress" }, NULL, 0 },
  { 3, STEADY_JOURNAL_UNSET, 0, { NULL }, NULL, 0 },
  { 9, 4, 6, { "lonely" }, NULL, 0 },
  { 10, 4, STEADY_JOURNAL_UNSET, { NULL }, NULL, 0 },
};

#define WEEK_SENTENCE "Your average mood in the last 7 days was 7.0 out of 10, up from 4.0 in the 7 days before."
#define MONTH_SENTENCE "Your average mood in the last 30 days was 5.5 out of 10."

static gboolean
give_up_cb (gpointer data)
{
  g_error ("Timed out waiting for the trends");
  return G_SOURCE_REMOVE;
}

static gboolean
is_loaded (SteadyJournalTrendsView *view)
{
  return !steady_journal_trends_view_get_loading (view) &&
         g_strcmp0 (steady_journal_trends_view_get_view (view), "loading") != 0;
}

/* Not a timing assert: the guard only keeps a broken build from hanging CI. */
static void
wait_loaded (SteadyJournalTrendsView *view)
{
  guint guard = g_timeout_add_seconds (20, give_up_cb, NULL);

  while (!is_loaded (view))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
}

static void
wait_mapped (GtkWidget *widget)
{
  guint guard = g_timeout_add_seconds (20, give_up_cb, NULL);

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      delete_tree (child);
    }

  g_file_delete (file, NULL, NULL);
}

static GDateTime *
days_ago_at_noon (int days_ago)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) noon = NULL;

  noon = g_date_time_new_local (g_date_time_get_year (now),
                                g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now),
                                12, 0, 0);

  return g_date_time_add_days (noon, -days_ago);
}

static void
save_check_in (SteadyStore   *store,
               GDateTime     *at,
               const CheckIn *check_in)
{
  g_autoptr(SteadyJournalEntry) entry = steady_journal_entry_new ();
  g_autoptr(GError) error = NULL;

  steady_journal_entry_set_at (entry, at);
  steady_journal_entry_set_mood (entry, check_in->mood);
  steady_journal_entry_set_craving (entry, check_in->craving);
  steady_journal_entry_set_triggers (entry, check_in->triggers);
  if (check_in->skill != NULL)
    steady_journal_entry_set_skill (entry, check_in->skill, check_in->helped);

  g_assert_true (steady_journal_save (store, entry, &error));
  g_assert_no_error (error);
}

static void
fixture_setup_trends (TrendsFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* A private folder: the person's data is never touched. */
  fixture->dir = g_dir_make_tmp ("steady-test-trends-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "steady.db", NULL);
  fixture->store = steady_store_open (path, &error);
  g_assert_no_error (error);

  if (data != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (check_ins); i++)
        {
          g_autoptr(GDateTime) at = days_ago_at_noon (check_ins[i].days_ago);

          save_check_in (fixture->store, at, &check_ins[i]);
        }
    }
  drain ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 640);
  fixture->view = STEADY_JOURNAL_TRENDS_VIEW (steady_journal_trends_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
}

static void
fixture_teardown_trends (TrendsFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  g_clear_pointer (&fixture->window, gtk_window_destroy);
  fixture->view = NULL;
  drain ();

  /* Nothing the view started keeps the store alive. */
  steady_store_close (fixture->store);
  drain ();
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  delete_tree (dir);
  g_free (fixture->dir);
}

static const char *
get_first_title (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_PREFERENCES_ROW (row));

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static GArray *
make_days (guint n_days)
{
  GArray *days = g_array_new (FALSE, TRUE, sizeof (SteadyJournalDay));
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2024);

  for (guint i = 0; i < n_days; i++)
    {
      SteadyJournalDay day = { .n_entries = 0, .mood = -1, .craving_peak = -1 };

      day.date = first;
      g_date_add_days (&day.date, i);

      /* Every third day is a gap; a craving of 0 and a day without a
       * mood are there too. */
      if (i % 3 != 2)
        {
          day.n_entries = 1 + i % 2;
          day.mood = i % 5 == 4 ? -1 : 1 + (i * 7) % 10;
          day.craving_peak = (i * 3) % 11;
        }
      g_array_append_val (days, day);
    }

  return days;
}

static void
draw (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
}

static void
test_chart_accessible (void)
{
  static const char *summary = "Your average mood in the last 7 days was 5.2 out of 10.";
  g_autoptr(GArray) week = make_days (7);
  g_autoptr(GArray) year = make_days (365);
  GtkWindow *window;
  GtkWidget *chart;
  int minimum, natural;

  chart = steady_trends_chart_new ();
  g_object_ref_sink (chart);

  /* An image with a name; what it shows is its description. */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  steady_trends_chart_set_days (STEADY_TRENDS_CHART (chart), week);
  g_assert_true (steady_trends_chart_get_days (STEADY_TRENDS_CHART (chart)) == week);
  steady_trends_chart_set_summary_text (STEADY_TRENDS_CHART (chart), summary);
  g_assert_cmpstr (steady_trends_chart_get_summary_text (STEADY_TRENDS_CHART (chart)), ==, summary);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);

  /* Room for a readable chart, and all the width it is given. */
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 200);
  g_assert_true (gtk_widget_get_hexpand (chart));

  /* Drawn at a week and at a year, gaps and all. */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 600, 300);
  gtk_window_set_child (window, chart);
  gtk_window_present (window);
  wait_mapped (chart);
  drain ();
  draw (chart);
  steady_trends_chart_set_days (STEADY_TRENDS_CHART (chart), year);
  draw (chart);
  steady_trends_chart_set_days (STEADY_TRENDS_CHART (chart), NULL);
  draw (chart);

  steady_trends_chart_set_summary_text (STEADY_TRENDS_CHART (chart), NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  gtk_window_destroy (window);
  drain ();
  g_assert_finalize_object (chart);
}

/* A year is drawn by weeks that end on its last day; gaps stay gaps. */
static void
test_chart_buckets (void)
{
  g_autoptr(GArray) week = make_days (7);
  g_autoptr(GArray) year = make_days (365);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) weeks = NULL;
  const SteadyTrendsChartBucket *bucket;
  const SteadyJournalDay *day;
  g_autofree char *text = NULL;

  g_assert_cmpuint (steady_trends_chart_get_bucket_size (7, 600), ==, 1);
  g_assert_cmpuint (steady_trends_chart_get_bucket_size (365, 2000), ==, 1);
  g_assert_cmpuint (steady_trends_chart_get_bucket_size (365, 700), ==, 7);

  /* By day, a bucket is its day. */
  days = steady_trends_chart_make_buckets (week, 1);
  g_assert_cmpuint (days->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      bucket = &g_array_index (days, SteadyTrendsChartBucket, i);
      day = &g_array_index (week, SteadyJournalDay, i);
      g_assert_cmpint (g_date_compare (&bucket->first, &day->date), ==, 0);
      g_assert_cmpint (g_date_compare (&bucket->last, &day->date), ==, 0);
      g_assert_cmpuint (bucket->n_entries, ==, day->n_entries);
      g_assert_cmpfloat (bucket->mood, ==, day->mood);
      g_assert_cmpint (bucket->craving_peak, ==, day->craving_peak);
    }

  /* Day 2 is a gap: no check-ins, in words too. */
  bucket = &g_array_index (days, SteadyTrendsChartBucket, 2);
  g_assert_cmpuint (bucket->n_entries, ==, 0);
  text = steady_trends_chart_describe_bucket (bucket);
  g_assert_true (g_str_has_suffix (text, "\nNo check-ins"));

  /* By week: 52 whole weeks and one day, the newest week whole. */
  weeks = steady_trends_chart_make_buckets (year, 7);
  g_assert_cmpuint (weeks->len, ==, 53);
  bucket = &g_array_index (weeks, SteadyTrendsChartBucket, 0);
  g_assert_cmpint (g_date_compare (&bucket->first, &bucket->last), ==, 0);
  bucket = &g_array_index (weeks, SteadyTrendsChartBucket, 52);
  g_assert_cmpint (g_date_compare (&bucket->last, &g_array_index (year, SteadyJournalDay, 364).date), ==, 0);
  g_assert_cmpint (g_date_days_between (&bucket->first, &bucket->last), ==, 6);

  /* Days 358–364: moods of the days with one (each counts once), the
   * strongest craving. */
  {
    double sum = 0;
    guint n_entries = 0, n_moods = 0;
    int peak = -1;

    for (guint i = 358; i < 365; i++)
      {
        day = &g_array_index (year, SteadyJournalDay, i);
        n_entries += day->n_entries;
        peak = MAX (peak, day->craving_peak);
        if (day->mood >= 0)
          {
            sum += day->mood;
            n_moods++;
          }
      }
    g_assert_cmpuint (n_moods, >, 0);
    g_assert_cmpuint (bucket->n_entries, ==, n_entries);
    g_assert_cmpfloat_with_epsilon (bucket->mood, sum / n_moods, 1e-9);
    g_assert_cmpint (bucket->craving_peak, ==, peak);
  }
}

static void
test_view_loads (TrendsFixture *fixture,
                 gconstpointer  data)
{
  SteadyTrendsChart *chart = steady_journal_trends_view_get_chart (fixture->view);

  steady_journal_trends_view_set_range (fixture->view, 7);
  steady_journal_trends_view_set_store (fixture->view, fixture->store);
  g_assert_true (steady_journal_trends_view_get_store (fixture->view) == fixture->store);

  gtk_window_present (fixture->window);
  wait_loaded (fixture->view);

  g_assert_cmpstr (steady_journal_trends_view_get_view (fixture->view), ==, "trends");
  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==, WEEK_SENTENCE);
  g_assert_cmpstr (steady_trends_chart_get_summary_text (chart), ==, WEEK_SENTENCE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, WEEK_SENTENCE);
  g_assert_cmpuint (steady_trends_chart_get_days (chart)->len, ==, 7);

  /* Stress twice, hungry once; the week before does not count. */
  g_assert_cmpstr (get_first_title (steady_journal_trends_view_get_trigger_list (fixture->view)), ==, "Stress");
  g_assert_null (gtk_list_box_get_row_at_index (steady_journal_trends_view_get_trigger_list (fixture->view), 2));
  g_assert_cmpstr (get_first_title (steady_journal_trends_view_get_skill_list (fixture->view)), ==, "Urge surfing");
}

static void
test_view_range_reloads (TrendsFixture *fixture,
                         gconstpointer  data)
{
  steady_journal_trends_view_set_range (fixture->view, 7);
  steady_journal_trends_view_set_store (fixture->view, fixture->store);
  gtk_window_present (fixture->window);
  wait_loaded (fixture->view);
  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==, WEEK_SENTENCE);

  /* As the "30 Days" button does it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "trends.range", "u", 30));
  g_assert_cmpuint (steady_journal_trends_view_get_range (fixture->view), ==, 30);
  g_assert_true (steady_journal_trends_view_get_loading (fixture->view));
  wait_loaded (fixture->view);

  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==, MONTH_SENTENCE);
  g_assert_cmpuint (steady_trends_chart_get_days (steady_journal_trends_view_get_chart (fixture->view))->len, ==, 30);
  g_assert_cmpstr (get_first_title (steady_journal_trends_view_get_trigger_list (fixture->view)), ==, "Stress");
  g_assert_nonnull (gtk_list_box_get_row_at_index (steady_journal_trends_view_get_trigger_list (fixture->view), 2));

  /* A second change while the first is loading: the last one wins. */
  steady_journal_trends_view_set_range (fixture->view, 90);
  steady_journal_trends_view_set_range (fixture->view, 7);
  wait_loaded (fixture->view);
  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==, WEEK_SENTENCE);
}

static void
test_view_follows_store (TrendsFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) at = g_date_time_add_minutes (now, -1);
  const CheckIn today = { 0, 10, 1, { "tired" }, NULL, 0 };

  steady_journal_trends_view_set_range (fixture->view, 7);
  steady_journal_trends_view_set_store (fixture->view, fixture->store);
  gtk_window_present (fixture->window);
  wait_loaded (fixture->view);

  /* A new check-in: the journal says it changed, the view reloads. The
   * week's mood is 8.0 whether a minute ago was today or yesterday. */
  save_check_in (fixture->store, at, &today);
  drain ();
  wait_loaded (fixture->view);
  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==,
                   "Your average mood in the last 7 days was 8.0 out of 10, up from 4.0 in the 7 days before.");
}

static void
test_view_empty (TrendsFixture *fixture,
                 gconstpointer  data)
{
  /* No store yet: nothing to show, calmly. */
  gtk_window_present (fixture->window);
  wait_mapped (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (steady_journal_trends_view_get_view (fixture->view), ==, "empty");

  /* A store without check-ins */
  steady_journal_trends_view_set_store (fixture->view, fixture->store);
  wait_loaded (fixture->view);
  g_assert_cmpstr (steady_journal_trends_view_get_view (fixture->view), ==, "empty");
  g_assert_cmpstr (steady_journal_trends_view_get_summary_label_text (fixture->view), ==,
                   "No mood was logged in the last 30 days.");
  g_assert_null (gtk_list_box_get_row_at_index (steady_journal_trends_view_get_trigger_list (fixture->view), 0));

  /* And back to none */
  steady_journal_trends_view_set_store (fixture->view, NULL);
  g_assert_cmpstr (steady_journal_trends_view_get_view (fixture->view), ==, "empty");
  g_assert_false (steady_journal_trends_view_get_loading (fixture->view));
}

int
main (int   argc,
      char *argv[])
{
  /* The in-process test context keeps accessible properties where
   * gtk_test_accessible_*() can read them; "none", which the other UI
   * tests use, drops them. Neither talks to an AT-SPI bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_app_init (&argc, &argv);

  g_test_add_func ("/steady/trends-chart/accessible", test_chart_accessible);
  g_test_add_func ("/steady/trends-chart/buckets", test_chart_buckets);

#define ADD(name, func, data) \
  g_test_add ("/steady/trends-chart/" name, TrendsFixture, data, \
              fixture_setup_trends, func, fixture_teardown_trends)
  ADD ("view-loads", test_view_loads, check_ins);
  ADD ("view-range-reloads", test_view_range_reloads, check_ins);
  ADD ("view-follows-store", test_view_follows_store, check_ins);
  ADD ("view-empty", test_view_empty, NULL);
#undef ADD

  return g_test_run ();
}
