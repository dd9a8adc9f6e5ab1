/* steady-month-view.c: a month of day buttons, with a mark on busy days
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-month-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-calendar-util.h"
#include "steady-month-view.h"

/* Six weeks always: the grid keeps its height from month to month. */
#define N_WEEKS 6
#define N_CELLS (N_WEEKS * 7)

struct _SteadyMonthView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkLabel            *month_label;
  GtkGrid             *grid;

  /* Built in code */
  GtkWidget           *headers[7];
  GtkWidget           *cells[N_CELLS];
  GtkWidget           *numbers[N_CELLS];
  GtkWidget           *dots[N_CELLS];

  /* Owned */
  PangoAttrList       *regular;      /* day numbers: buttons make labels bold */
  PangoAttrList       *bold;         /* today's */
  GDate                selected;
  GDate                first;        /* the day in the first cell */
  SteadyMonthMarks     marks[3];     /* the month before, this one, the one after */
  SteadyMonthMark      shown[N_CELLS];
  gboolean             marks_valid;
  SteadyMonthMarkFunc  mark_func;
  gpointer             mark_data;
  GDestroyNotify       mark_destroy;
};

G_DEFINE_FINAL_TYPE (SteadyMonthView, steady_month_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
focus_is_inside (SteadyMonthView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid));
}

static void
clamp_date (GDate *date)
{
  GDate lowest, highest;

  g_date_clear (&lowest, 1);
  g_date_clear (&highest, 1);
  /* The grid shows a few days of the next and previous month too. */
  g_date_set_dmy (&lowest, 1, G_DATE_FEBRUARY, STEADY_CALENDAR_UTIL_MIN_YEAR);
  g_date_set_dmy (&highest, 30, G_DATE_NOVEMBER, STEADY_CALENDAR_UTIL_MAX_YEAR);
  g_date_clamp (date, &lowest, &highest);
}

static void
load_marks (SteadyMonthView *self)
{
  GDate month;

  memset (self->marks, 0, sizeof self->marks);
  self->marks_valid = TRUE;

  if (self->mark_func == NULL)
    return;

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&self->selected), g_date_get_year (&self->selected));
  g_date_subtract_months (&month, 1);

  for (guint i = 0; i < G_N_ELEMENTS (self->marks); i++)
    {
      self->mark_func (g_date_get_year (&month), g_date_get_month (&month), &self->marks[i], self->mark_data);
      g_date_add_months (&month, 1);
    }
}

static SteadyMonthMark
cell_mark (SteadyMonthView *self,
           const GDate     *day)
{
  int shown = g_date_get_year (&self->selected) * 12 + g_date_get_month (&self->selected);
  int which = g_date_get_year (day) * 12 + g_date_get_month (day) - shown + 1;
  guint32 bit = 1u << (g_date_get_day (day) - 1);

  if (which < 0 || which > 2 || (self->marks[which].sessions & bit) == 0)
    return STEADY_MONTH_MARK_NONE;
  if (self->marks[which].missed & bit)
    return STEADY_MONTH_MARK_MISSED;
  if (self->marks[which].attended & bit)
    return STEADY_MONTH_MARK_ATTENDED;

  return STEADY_MONTH_MARK_SESSIONS;
}

static char *
describe_cell (const GDate     *day,
               gboolean         today,
               SteadyMonthMark  mark)
{
  g_autoptr(GDateTime) time = steady_calendar_util_local_midnight (day);
  /* Translators: a day in the month grid, for screen readers; see
   * g_date_time_format() */
  g_autofree char *name = g_date_time_format (time, _("%A, %B %-d, %Y"));

  switch (mark)
    {
    case STEADY_MONTH_MARK_SESSIONS:
      return today
        /* Translators: %s is a day */
        ? g_strdup_printf (_("%s, today, with sessions"), name)
        /* Translators: %s is a day */
        : g_strdup_printf (_("%s, with sessions"), name);
    case STEADY_MONTH_MARK_ATTENDED:
      return today
        /* Translators: %s is a day */
        ? g_strdup_printf (_("%s, today, sessions attended"), name)
        /* Translators: %s is a day */
        : g_strdup_printf (_("%s, sessions attended"), name);
    case STEADY_MONTH_MARK_MISSED:
      return today
        /* Translators: %s is a day */
        ? g_strdup_printf (_("%s, today, a session missed"), name)
        /* Translators: %s is a day */
        : g_strdup_printf (_("%s, a session missed"), name);
    case STEADY_MONTH_MARK_NONE:
    default:
      break;
    }

  if (today)
    /* Translators: %s is a day */
    return g_strdup_printf (_("%s, today"), name);

  return g_steal_pointer (&name);
}

/* Attendance at a glance, not by colour alone: a dot for sessions, a tick
 * once they were attended, a ring when one was missed (calm, not red). */
static void
show_mark (SteadyMonthView *self,
           int              index,
           SteadyMonthMark  mark)
{
  GtkLabel *dot = GTK_LABEL (self->dots[index]);

  self->shown[index] = mark;
  gtk_widget_set_opacity (self->dots[index], mark == STEADY_MONTH_MARK_NONE ? 0.0 : 1.0);
  gtk_label_set_label (dot, mark == STEADY_MONTH_MARK_ATTENDED ? "✓"
                            : mark == STEADY_MONTH_MARK_MISSED ? "○"
                            : "•");
  if (mark == STEADY_MONTH_MARK_ATTENDED)
    {
      gtk_widget_remove_css_class (self->dots[index], "dim-label");
      gtk_widget_add_css_class (self->dots[index], "success");
    }
  else
    {
      gtk_widget_remove_css_class (self->dots[index], "success");
      gtk_widget_add_css_class (self->dots[index], "dim-label");
    }
}

static void
update_headers (SteadyMonthView *self)
{
  int week_start = steady_calendar_util_get_week_start ();

  for (int i = 0; i < 7; i++)
    {
      g_autofree char *short_name = steady_calendar_util_dup_weekday_name ((week_start + i) % 7, TRUE);
      g_autofree char *long_name = steady_calendar_util_dup_weekday_name ((week_start + i) % 7, FALSE);

      gtk_label_set_label (GTK_LABEL (self->headers[i]), short_name);
      gtk_widget_set_tooltip_text (self->headers[i], long_name);
    }
}

static void
update (SteadyMonthView *self,
        gboolean         refocus)
{
  int week_start = steady_calendar_util_get_week_start ();
  gboolean had_focus = refocus && focus_is_inside (self);
  g_autoptr(GDateTime) month_time = NULL;
  g_autofree char *title = NULL;
  GDate first_of_month, today, day;
  int selected_index;

  g_date_clear (&first_of_month, 1);
  g_date_set_dmy (&first_of_month, 1, g_date_get_month (&self->selected), g_date_get_year (&self->selected));
  self->first = first_of_month;
  g_date_subtract_days (&self->first, (steady_calendar_util_get_weekday (&first_of_month) - week_start + 7) % 7);
  selected_index = g_date_days_between (&self->first, &self->selected);
  g_assert (selected_index >= 0 && selected_index < N_CELLS);

  if (!self->marks_valid)
    load_marks (self);

  steady_calendar_util_get_today (&today);
  day = self->first;

  for (int i = 0; i < N_CELLS; i++)
    {
      gboolean in_month = g_date_get_month (&day) == g_date_get_month (&self->selected);
      gboolean is_today = g_date_compare (&day, &today) == 0;
      SteadyMonthMark mark = cell_mark (self, &day);
      gboolean selected = i == selected_index;
      g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (&day));
      g_autofree char *description = describe_cell (&day, is_today, mark);

      gtk_label_set_label (GTK_LABEL (self->numbers[i]), number);

      /* Other months' days are dimmed; today is bold in the accent
       * colour and says so to screen readers; the selected day is
       * filled. None of it rests on colour alone. */
      if (in_month)
        gtk_widget_remove_css_class (self->numbers[i], "dim-label");
      else
        gtk_widget_add_css_class (self->numbers[i], "dim-label");

      gtk_label_set_attributes (GTK_LABEL (self->numbers[i]), is_today ? self->bold : self->regular);
      if (is_today)
        {
          if (!selected)
            gtk_widget_add_css_class (self->numbers[i], "accent");
          else
            gtk_widget_remove_css_class (self->numbers[i], "accent");
        }
      else
        gtk_widget_remove_css_class (self->numbers[i], "accent");

      if (selected)
        {
          gtk_widget_remove_css_class (self->cells[i], "flat");
          gtk_widget_add_css_class (self->cells[i], "suggested-action");
        }
      else
        {
          gtk_widget_remove_css_class (self->cells[i], "suggested-action");
          gtk_widget_add_css_class (self->cells[i], "flat");
        }

      show_mark (self, i, mark);

      /* One day in the grid takes the focus; arrow keys move it. */
      gtk_widget_set_focusable (self->cells[i], selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->cells[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->cells[i]),
                                   GTK_ACCESSIBLE_STATE_PRESSED, selected ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                          : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);

      g_date_add_days (&day, 1);
    }

  month_time = steady_calendar_util_local_midnight (&first_of_month);
  /* Translators: the month shown in the grid, see g_date_time_format();
   * %OB is the month's name on its own */
  title = g_date_time_format (month_time, _("%OB %Y"));
  gtk_label_set_label (self->month_label, title);

  if (had_focus)
    gtk_widget_grab_focus (self->cells[selected_index]);
}

static void
select_date (SteadyMonthView *self,
             const GDate     *date,
             gboolean         refocus)
{
  GDate clamped = *date;

  clamp_date (&clamped);

  if (g_date_valid (&self->selected) && g_date_compare (&clamped, &self->selected) == 0)
    {
      if (refocus)
        update (self, TRUE);
      return;
    }

  if (!g_date_valid (&self->selected) ||
      g_date_get_month (&clamped) != g_date_get_month (&self->selected) ||
      g_date_get_year (&clamped) != g_date_get_year (&self->selected))
    self->marks_valid = FALSE;

  self->selected = clamped;
  update (self, refocus);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
cell_clicked_cb (GtkButton       *button,
                 SteadyMonthView *self)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "index"));
  GDate day = self->first;

  g_date_add_days (&day, index);
  select_date (self, &day, FALSE);

  /* The cell that was clicked may have been another month's: after the
   * update, the selected one is focusable. */
  steady_month_view_focus_day (self);
}

static void
move_days (SteadyMonthView *self,
           int              days)
{
  GDate day = self->selected;

  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);

  select_date (self, &day, TRUE);
}

static void
move_days_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_days (STEADY_MONTH_VIEW (widget), g_variant_get_int32 (parameter));
}

/* Left and right follow the reading direction. */
static void
move_horizontal_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  int days = g_variant_get_int32 (parameter);

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;

  move_days (STEADY_MONTH_VIEW (widget), days);
}

static void
move_months_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyMonthView *self = STEADY_MONTH_VIEW (widget);
  int months = g_variant_get_int32 (parameter);
  GDate day = self->selected;

  /* January 31 plus a month is the last day of February. */
  if (months >= 0)
    g_date_add_months (&day, months);
  else
    g_date_subtract_months (&day, -months);

  select_date (self, &day, TRUE);
}

static void
month_edge_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SteadyMonthView *self = STEADY_MONTH_VIEW (widget);
  GDate day = self->selected;

  if (g_str_equal (action_name, "month.first-day"))
    g_date_set_day (&day, 1);
  else
    g_date_set_day (&day, g_date_get_days_in_month (g_date_get_month (&day), g_date_get_year (&day)));

  select_date (self, &day, TRUE);
}

static void
build_grid (SteadyMonthView *self)
{
  for (int i = 0; i < 7; i++)
    {
      self->headers[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->headers[i], "caption-heading");
      gtk_widget_add_css_class (self->headers[i], "dim-label");
      gtk_widget_set_margin_bottom (self->headers[i], 4);
      gtk_grid_attach (self->grid, self->headers[i], i, 0, 1, 1);
    }

  for (int i = 0; i < N_CELLS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      self->cells[i] = gtk_button_new ();
      self->numbers[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->numbers[i], "numeric");

      /* The mark: a dot under the number; the button's name says
       * "with sessions" for screen readers. */
      self->dots[i] = gtk_label_new ("•");
      gtk_widget_add_css_class (self->dots[i], "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->dots[i]),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);

      gtk_box_append (GTK_BOX (box), self->numbers[i]);
      gtk_box_append (GTK_BOX (box), self->dots[i]);
      gtk_button_set_child (GTK_BUTTON (self->cells[i]), box);
      gtk_widget_add_css_class (self->cells[i], "flat");
      gtk_widget_set_hexpand (self->cells[i], TRUE);
      gtk_widget_set_focus_on_click (self->cells[i], FALSE);
      g_object_set_data (G_OBJECT (self->cells[i]), "index", GINT_TO_POINTER (i));
      g_signal_connect (self->cells[i], "clicked", G_CALLBACK (cell_clicked_cb), self);
      gtk_grid_attach (self->grid, self->cells[i], i % 7, 1 + i / 7, 1, 1);
    }

  update_headers (self);
}

static void
steady_month_view_dispose (GObject *object)
{
  SteadyMonthView *self = (SteadyMonthView *)object;

  if (self->mark_destroy != NULL)
    g_clear_pointer (&self->mark_data, self->mark_destroy);
  self->mark_func = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEADY_TYPE_MONTH_VIEW);

  G_OBJECT_CLASS (steady_month_view_parent_class)->dispose (object);
}

static void
steady_month_view_finalize (GObject *object)
{
  SteadyMonthView *self = (SteadyMonthView *)object;

  g_clear_pointer (&self->regular, pango_attr_list_unref);
  g_clear_pointer (&self->bold, pango_attr_list_unref);

  G_OBJECT_CLASS (steady_month_view_parent_class)->finalize (object);
}

static void
steady_month_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SteadyMonthView *self = STEADY_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_month_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SteadyMonthView *self = STEADY_MONTH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      if (g_value_get_boxed (value) != NULL)
        steady_month_view_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_month_view_class_init (SteadyMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; const char *action; int arg; } keys[] = {
    { GDK_KEY_Left, "month.move-horizontal", -1 },
    { GDK_KEY_KP_Left, "month.move-horizontal", -1 },
    { GDK_KEY_Right, "month.move-horizontal", 1 },
    { GDK_KEY_KP_Right, "month.move-horizontal", 1 },
    { GDK_KEY_Up, "month.move-days", -7 },
    { GDK_KEY_KP_Up, "month.move-days", -7 },
    { GDK_KEY_Down, "month.move-days", 7 },
    { GDK_KEY_KP_Down, "month.move-days", 7 },
    { GDK_KEY_Page_Up, "month.move-months", -1 },
    { GDK_KEY_KP_Page_Up, "month.move-months", -1 },
    { GDK_KEY_Page_Down, "month.move-months", 1 },
    { GDK_KEY_KP_Page_Down, "month.move-months", 1 },
  };

  object_class->dispose = steady_month_view_dispose;
  object_class->finalize = steady_month_view_finalize;
  object_class->get_property = steady_month_view_get_property;
  object_class->set_property = steady_month_view_set_property;

  /**
   * SteadyMonthView:date:
   *
   * The selected day; the grid shows its month.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-month-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyMonthView, box);
  gtk_widget_class_bind_template_child (widget_class, SteadyMonthView, month_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyMonthView, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "month.move-days", "i", move_days_action);
  gtk_widget_class_install_action (widget_class, "month.move-horizontal", "i", move_horizontal_action);
  gtk_widget_class_install_action (widget_class, "month.move-months", "i", move_months_action);
  gtk_widget_class_install_action (widget_class, "month.first-day", NULL, month_edge_action);
  gtk_widget_class_install_action (widget_class, "month.last-day", NULL, month_edge_action);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, 0, keys[i].action, "i", keys[i].arg);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "month.first-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "month.first-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "month.last-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "month.last-day", NULL);
}

static void
steady_month_view_init (SteadyMonthView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->regular = pango_attr_list_new ();
  pango_attr_list_insert (self->regular, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  self->bold = pango_attr_list_new ();
  pango_attr_list_insert (self->bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));

  g_date_clear (&self->selected, 1);
  g_date_clear (&self->first, 1);
  build_grid (self);

  steady_calendar_util_get_today (&today);
  select_date (self, &today, FALSE);
}

GtkWidget *
steady_month_view_new (void)
{
  return g_object_new (STEADY_TYPE_MONTH_VIEW, NULL);
}

/**
 * steady_month_view_get_date:
 * @out_date: (out caller-allocates): the selected day
 */
void
steady_month_view_get_date (SteadyMonthView *self,
                            GDate           *out_date)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));
  g_return_if_fail (out_date != NULL);

  *out_date = self->selected;
}

/**
 * steady_month_view_set_date:
 * @date: the day to select; the grid turns to its month
 */
void
steady_month_view_set_date (SteadyMonthView *self,
                            const GDate     *date)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  select_date (self, date, TRUE);
}

/**
 * steady_month_view_set_mark_func:
 * @func: (nullable): tells which days of a month to mark
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 */
void
steady_month_view_set_mark_func (SteadyMonthView     *self,
                                 SteadyMonthMarkFunc  func,
                                 gpointer             user_data,
                                 GDestroyNotify       destroy)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));

  if (self->mark_destroy != NULL)
    g_clear_pointer (&self->mark_data, self->mark_destroy);

  self->mark_func = func;
  self->mark_data = user_data;
  self->mark_destroy = destroy;

  steady_month_view_refresh (self);
}

/**
 * steady_month_view_refresh:
 *
 * Asks the mark function again, and moves "today" if the day changed.
 */
void
steady_month_view_refresh (SteadyMonthView *self)
{
  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));

  self->marks_valid = FALSE;
  update_headers (self);
  update (self, FALSE);
}

/**
 * steady_month_view_is_marked:
 * @date: a day in the grid
 *
 * Returns: whether the grid shows a mark on @date
 */
gboolean
steady_month_view_is_marked (SteadyMonthView *self,
                             const GDate     *date)
{
  int index;

  g_return_val_if_fail (STEADY_IS_MONTH_VIEW (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  index = g_date_days_between (&self->first, date);
  if (index < 0 || index >= N_CELLS)
    return FALSE;

  return gtk_widget_get_opacity (self->dots[index]) > 0.5;
}

/**
 * steady_month_view_get_mark:
 * @date: a day in the grid
 *
 * Returns: the mark the grid shows under @date
 */
SteadyMonthMark
steady_month_view_get_mark (SteadyMonthView *self,
                            const GDate     *date)
{
  int index;

  g_return_val_if_fail (STEADY_IS_MONTH_VIEW (self), STEADY_MONTH_MARK_NONE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), STEADY_MONTH_MARK_NONE);

  index = g_date_days_between (&self->first, date);
  if (index < 0 || index >= N_CELLS)
    return STEADY_MONTH_MARK_NONE;

  return self->shown[index];
}

/**
 * steady_month_view_focus_day:
 *
 * Puts the keyboard focus on the selected day.
 */
void
steady_month_view_focus_day (SteadyMonthView *self)
{
  int index;

  g_return_if_fail (STEADY_IS_MONTH_VIEW (self));

  index = g_date_days_between (&self->first, &self->selected);
  if (index >= 0 && index < N_CELLS)
    gtk_widget_grab_focus (self->cells[index]);
}
