/* steady-journal-trends-view.c: the journal's trends over a period
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal-trends-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal.h"
#include "steady-journal-stats.h"
#include "steady-journal-trends-view.h"
#include "steady-lesson-library.h"

/* Top triggers and helpful skills shown. */
#define LIMIT         5
#define DEFAULT_RANGE 30
#define MAX_RANGE     365

struct _SteadyJournalTrendsView
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  SteadyTrendsChart   *chart;
  GtkLabel            *summary_label;
  GtkListBox          *trigger_list;
  GtkListBox          *skill_list;
  GtkLabel            *skill_placeholder;
  AdwPreferencesGroup *skills_group;
  AdwStatusPage       *empty_page;

  /* Owned */
  SteadyStore         *store;
  GCancellable        *cancellable;
  gulong               journal_changed_id;
  gulong               all_changed_id;

  guint                range;
  GDate                loaded_day;
  guint                loading : 1;
  guint                needs_reload : 1;
};

G_DEFINE_FINAL_TYPE (SteadyJournalTrendsView, steady_journal_trends_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RANGE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (SteadyJournalTrendsView *self);

static void
set_loading (SteadyJournalTrendsView *self,
             gboolean                 loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day;

  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_clear (today, 1);
  g_date_set_dmy (today, day, month, year);
}

/* What is shown was loaded on another day, or before a change. */
static gboolean
is_stale (SteadyJournalTrendsView *self)
{
  GDate today;

  if (self->needs_reload)
    return TRUE;

  if (self->store == NULL || self->loading)
    return FALSE;

  get_today (&today);

  return !g_date_valid (&self->loaded_day) || g_date_compare (&today, &self->loaded_day) != 0;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The average of "how much did it help", 0 to 10, in words as well as
 * in a number. */
static char *
describe_helped (const SteadyJournalSkillStat *stat)
{
  if (stat->n_rated == 0 || stat->helped < 0)
    return g_strdup (_("How much it helped was not noted"));

  if (stat->helped >= 8.5)
    /* Translators: the average of how much a skill helped, 0 to 10 */
    return g_strdup_printf (_("Helped very much: %.1f out of 10"), stat->helped);
  if (stat->helped >= 6.5)
    /* Translators: the average of how much a skill helped, 0 to 10 */
    return g_strdup_printf (_("Helped a lot: %.1f out of 10"), stat->helped);
  if (stat->helped >= 4.5)
    /* Translators: the average of how much a skill helped, 0 to 10 */
    return g_strdup_printf (_("Helped somewhat: %.1f out of 10"), stat->helped);
  if (stat->helped >= 2.5)
    /* Translators: the average of how much a skill helped, 0 to 10 */
    return g_strdup_printf (_("Helped a little: %.1f out of 10"), stat->helped);

  /* Translators: the average of how much a skill helped, 0 to 10 */
  return g_strdup_printf (_("Hardly helped: %.1f out of 10"), stat->helped);
}

static GtkWidget *
create_trigger_row (const SteadyJournalCount *count)
{
  g_autofree char *times = NULL;
  GtkWidget *row;
  GtkWidget *label;

  row = adw_action_row_new ();
  /* The person's own words: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), count->label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Translators: how many check-ins named a trigger */
  times = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", count->count),
                           count->count);
  label = gtk_label_new (times);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static GtkWidget *
create_skill_row (const SteadyJournalSkillStat *stat)
{
  SteadyLesson *lesson;
  g_autofree char *helped = NULL;
  g_autofree char *used = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  helped = describe_helped (stat);
  /* Translators: how many check-ins with a strong craving used a skill */
  used = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "used %u time", "used %u times", stat->n_used),
                          stat->n_used);
  /* Translators: "Helped a lot: 7.5 out of 10 · used 4 times" */
  subtitle = g_strdup_printf (_("%s · %s"), helped, used);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stat->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  lesson = steady_lesson_library_find_teacher (steady_lesson_library_get_default (), stat->skill_id);
  if (lesson != NULL)
    {
      g_autofree char *a11y = NULL;
      GtkWidget *button;

      /* Translators: a button beside a skill that opens the lesson teaching it */
      button = gtk_button_new_with_label (_("Lesson"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-lesson");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", steady_lesson_get_id (lesson));

      /* Translators: the tooltip and screen reader name of the Lesson
       * button; %s is the lesson's title */
      a11y = g_strdup_printf (_("Open the lesson “%s”"), steady_lesson_get_title (lesson));
      gtk_widget_set_tooltip_text (button, a11y);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
update_empty_page (SteadyJournalTrendsView *self)
{
  g_autofree char *description = NULL;

  if (self->range < MAX_RANGE)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Check-ins from the last %u day will show here as a chart of mood and craving. A longer period may show earlier ones.",
                                                "Check-ins from the last %u days will show here as a chart of mood and craving. A longer period may show earlier ones.",
                                                self->range),
                                   self->range);
  else
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Check-ins from the last %u day will show here as a chart of mood and craving.",
                                                "Check-ins from the last %u days will show here as a chart of mood and craving.",
                                                self->range),
                                   self->range);

  adw_status_page_set_description (self->empty_page, description);
}

static void
show_trends (SteadyJournalTrendsView *self,
             SteadyJournalTrends     *trends)
{
  g_autofree char *summary = steady_journal_summary_describe (&trends->summary);

  g_assert (trends->days != NULL);

  steady_trends_chart_set_days (self->chart, trends->days);
  steady_trends_chart_set_summary_text (self->chart, summary);
  gtk_label_set_label (self->summary_label, summary);

  clear_list (self->trigger_list);
  for (guint i = 0; i < trends->top_triggers->len; i++)
    gtk_list_box_append (self->trigger_list,
                         create_trigger_row (g_ptr_array_index (trends->top_triggers, i)));

  clear_list (self->skill_list);
  for (guint i = 0; i < trends->helpful_skills->len; i++)
    gtk_list_box_append (self->skill_list,
                         create_skill_row (g_ptr_array_index (trends->helpful_skills, i)));

  if (trends->summary.n_entries == 0)
    {
      update_empty_page (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "trends");
    }
}

static void
show_nothing (SteadyJournalTrendsView *self)
{
  steady_trends_chart_set_days (self->chart, NULL);
  steady_trends_chart_set_summary_text (self->chart, NULL);
  gtk_label_set_label (self->summary_label, "");
  clear_list (self->trigger_list);
  clear_list (self->skill_list);
  update_empty_page (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SteadyJournalTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  SteadyJournalTrendsView *self;

  trends = steady_journal_stats_load_finish (STEADY_STORE (object), result, &error);

  /* A newer load, or dispose, cancelled this one: the view may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = STEADY_JOURNAL_TRENDS_VIEW (user_data);
  g_clear_object (&self->cancellable);

  if (trends == NULL)
    {
      g_warning ("Could not load the journal trends: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      get_today (&self->loaded_day);
      show_trends (self, trends);
    }

  set_loading (self, FALSE);
}

static void
reload (SteadyJournalTrendsView *self)
{
  g_assert (STEADY_IS_JOURNAL_TRENDS_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store == NULL)
    {
      self->needs_reload = FALSE;
      g_date_clear (&self->loaded_day, 1);
      show_nothing (self);
      set_loading (self, FALSE);
      return;
    }

  /* A new period or a change keeps the old trends up for the moment the
   * load takes; before the first load there is nothing to show, rather
   * than "no check-ins". */
  if (!g_date_valid (&self->loaded_day) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  /* Out of sight, a change only marks the view; it loads when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_reload = TRUE;
      set_loading (self, FALSE);
      return;
    }

  self->needs_reload = FALSE;
  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  /* NULL: today, as the person's clock has it. */
  steady_journal_stats_load_async (self->store, NULL, self->range, LIMIT,
                                   self->cancellable, load_cb, self);
}

static void
store_changed_cb (SteadyJournalTrendsView *self,
                  const char              *what,
                  SteadyStore             *store)
{
  g_assert (STEADY_IS_JOURNAL_TRENDS_VIEW (self));
  g_assert (store == self->store);

  reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (STEADY_JOURNAL_TRENDS_VIEW (widget));
}

static void
steady_journal_trends_view_map (GtkWidget *widget)
{
  SteadyJournalTrendsView *self = STEADY_JOURNAL_TRENDS_VIEW (widget);

  GTK_WIDGET_CLASS (steady_journal_trends_view_parent_class)->map (widget);

  if (is_stale (self))
    reload (self);
}

static void
steady_journal_trends_view_dispose (GObject *object)
{
  SteadyJournalTrendsView *self = (SteadyJournalTrendsView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->journal_changed_id, self->store);
      g_clear_signal_handler (&self->all_changed_id, self->store);
    }
  g_clear_object (&self->store);

  /* AdwBin unparents its child itself; the template's pointers are not
   * references, so there is no gtk_widget_dispose_template() here. */

  G_OBJECT_CLASS (steady_journal_trends_view_parent_class)->dispose (object);
}

static void
steady_journal_trends_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SteadyJournalTrendsView *self = STEADY_JOURNAL_TRENDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RANGE:
      g_value_set_uint (value, self->range);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_trends_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SteadyJournalTrendsView *self = STEADY_JOURNAL_TRENDS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      steady_journal_trends_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_RANGE:
      steady_journal_trends_view_set_range (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_journal_trends_view_class_init (SteadyJournalTrendsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_journal_trends_view_dispose;
  object_class->get_property = steady_journal_trends_view_get_property;
  object_class->set_property = steady_journal_trends_view_set_property;

  widget_class->map = steady_journal_trends_view_map;

  /**
   * SteadyJournalTrendsView:store:
   *
   * Where the check-ins are; %NULL shows nothing.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEADY_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalTrendsView:range:
   *
   * How many days, up to today, the view shows: 7, 30, 90 or 365 from
   * the buttons.
   */
  properties[PROP_RANGE] =
    g_param_spec_uint ("range", NULL, NULL,
                       1, MAX_RANGE, DEFAULT_RANGE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SteadyJournalTrendsView:loading:
   *
   * Whether a load is under way.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEADY_TYPE_TRENDS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/journal/steady-journal-trends-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, chart);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, trigger_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, skill_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, skill_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, skills_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalTrendsView, empty_page);

  /* The period buttons show the property's value and set it. */
  gtk_widget_class_install_property_action (widget_class, "trends.range", "range");
  gtk_widget_class_install_action (widget_class, "trends.reload", NULL, reload_action);
}

static void
steady_journal_trends_view_init (SteadyJournalTrendsView *self)
{
  g_autofree char *description = NULL;
  g_autofree char *placeholder = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->range = DEFAULT_RANGE;
  g_date_clear (&self->loaded_day, 1);

  /* Translators: %d is the craving level, such as 7, that counts as high */
  description = g_strdup_printf (_("Skills used in check-ins with a craving of %d or more, and how much they helped."),
                                 STEADY_JOURNAL_HIGH_CRAVING);
  adw_preferences_group_set_description (self->skills_group, description);

  placeholder = g_strdup_printf (_("No skills were noted in check-ins with a craving of %d or more in these days."),
                                 STEADY_JOURNAL_HIGH_CRAVING);
  gtk_label_set_label (self->skill_placeholder, placeholder);

  show_nothing (self);
}

/**
 * steady_journal_trends_view_new:
 *
 * Returns: (transfer floating): a new view, without a store
 */
GtkWidget *
steady_journal_trends_view_new (void)
{
  return g_object_new (STEADY_TYPE_JOURNAL_TRENDS_VIEW, NULL);
}

/**
 * steady_journal_trends_view_set_store:
 * @self: a #SteadyJournalTrendsView
 * @store: (nullable): where the check-ins are
 *
 * Shows the trends of @store, and follows its changes to the journal.
 */
void
steady_journal_trends_view_set_store (SteadyJournalTrendsView *self,
                                      SteadyStore             *store)
{
  g_return_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self));
  g_return_if_fail (store == NULL || STEADY_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->journal_changed_id, self->store);
      g_clear_signal_handler (&self->all_changed_id, self->store);
    }

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->journal_changed_id = g_signal_connect_object (store, "changed::journal",
                                                          G_CALLBACK (store_changed_cb),
                                                          self, G_CONNECT_SWAPPED);
      self->all_changed_id = g_signal_connect_object (store, "changed::all",
                                                      G_CALLBACK (store_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
    }

  g_date_clear (&self->loaded_day, 1);
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * steady_journal_trends_view_get_store:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: (transfer none) (nullable): the store
 */
SteadyStore *
steady_journal_trends_view_get_store (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return self->store;
}

/**
 * steady_journal_trends_view_get_range:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: how many days, up to today, are shown
 */
guint
steady_journal_trends_view_get_range (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), 0);

  return self->range;
}

/**
 * steady_journal_trends_view_set_range:
 * @self: a #SteadyJournalTrendsView
 * @n_days: how many days, up to today, to show: 1 to 365
 *
 * Loads the trends of the new period; the "trends.range" action does
 * the same from the period buttons.
 */
void
steady_journal_trends_view_set_range (SteadyJournalTrendsView *self,
                                      guint                    n_days)
{
  g_return_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self));
  g_return_if_fail (n_days >= 1 && n_days <= MAX_RANGE);

  if (self->range == n_days)
    return;

  self->range = n_days;
  reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

/**
 * steady_journal_trends_view_get_loading:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: %TRUE while a load is under way
 */
gboolean
steady_journal_trends_view_get_loading (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * steady_journal_trends_view_get_view:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: "trends", "empty" (no check-ins in the period, or no store),
 *   "loading" (before the first load is done) or "error"
 */
const char *
steady_journal_trends_view_get_view (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * steady_journal_trends_view_get_summary_label_text:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: the sentence under the chart
 */
const char *
steady_journal_trends_view_get_summary_label_text (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

/**
 * steady_journal_trends_view_get_chart:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: (transfer none): the chart
 */
SteadyTrendsChart *
steady_journal_trends_view_get_chart (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return self->chart;
}

/**
 * steady_journal_trends_view_get_trigger_list:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: (transfer none): the list of the most frequent triggers, one
 *   #AdwActionRow each, most frequent first
 */
GtkListBox *
steady_journal_trends_view_get_trigger_list (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return self->trigger_list;
}

/**
 * steady_journal_trends_view_get_skill_list:
 * @self: a #SteadyJournalTrendsView
 *
 * Returns: (transfer none): the list of skills that helped when craving
 *   was high, one #AdwActionRow each
 */
GtkListBox *
steady_journal_trends_view_get_skill_list (SteadyJournalTrendsView *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_TRENDS_VIEW (self), NULL);

  return self->skill_list;
}
