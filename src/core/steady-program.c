/* steady-program.c: the program's start, weekly hours and step-down phases
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-program.h"
#include "steady-store.h"

/**
 * SteadyProgram:
 *
 * What the program asks of the person: how many hours of sessions a week,
 * from which date, and how that steps down. Week 1 is the Monday-to-Sunday
 * week that holds the start date. A phase ("weeks 5–8: 6 hours a week")
 * overrides the weekly requirement for its weeks; weeks outside every
 * phase ask for the weekly requirement.
 *
 * Load it with steady_calendar_load_program(), edit a copy, save it with
 * steady_calendar_save_program().
 */

typedef struct
{
  guint first_week;
  guint last_week;
  guint minutes;
} Phase;

struct _SteadyProgram
{
  GObject  parent_instance;

  /* Owned */
  GArray  *phases;

  GDate    start_date;
  guint    weekly_minutes;
};

G_DEFINE_FINAL_TYPE (SteadyProgram, steady_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START_DATE,
  PROP_WEEKLY_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_phases (gconstpointer a,
                gconstpointer b)
{
  const Phase *pa = a;
  const Phase *pb = b;

  return (pa->first_week > pb->first_week) - (pa->first_week < pb->first_week);
}

static guint32
monday_of (const GDate *date)
{
  return g_date_get_julian (date) - (g_date_get_weekday (date) - G_DATE_MONDAY);
}

static void
steady_program_finalize (GObject *object)
{
  SteadyProgram *self = (SteadyProgram *)object;

  g_clear_pointer (&self->phases, g_array_unref);

  G_OBJECT_CLASS (steady_program_parent_class)->finalize (object);
}

static void
steady_program_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SteadyProgram *self = STEADY_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_START_DATE:
      g_value_set_boxed (value, steady_program_get_start_date (self));
      break;

    case PROP_WEEKLY_MINUTES:
      g_value_set_uint (value, self->weekly_minutes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_program_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SteadyProgram *self = STEADY_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_START_DATE:
      steady_program_set_start_date (self, g_value_get_boxed (value));
      break;

    case PROP_WEEKLY_MINUTES:
      steady_program_set_weekly_minutes (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_program_class_init (SteadyProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_program_finalize;
  object_class->get_property = steady_program_get_property;
  object_class->set_property = steady_program_set_property;

  /**
   * SteadyProgram:start-date:
   *
   * The program's first day, or %NULL if not known.
   */
  properties[PROP_START_DATE] =
    g_param_spec_boxed ("start-date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * SteadyProgram:weekly-minutes:
   *
   * The weekly requirement outside any phase, in minutes.
   */
  properties[PROP_WEEKLY_MINUTES] =
    g_param_spec_uint ("weekly-minutes", NULL, NULL,
                       0, 7 * 24 * 60, STEADY_PROGRAM_DEFAULT_WEEKLY_MINUTES,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_program_init (SteadyProgram *self)
{
  self->phases = g_array_new (FALSE, FALSE, sizeof (Phase));
  self->weekly_minutes = STEADY_PROGRAM_DEFAULT_WEEKLY_MINUTES;
  g_date_clear (&self->start_date, 1);
}

/**
 * steady_program_new:
 *
 * Returns: (transfer full): a program of nine hours a week with no start
 *   date and no phases
 */
SteadyProgram *
steady_program_new (void)
{
  return g_object_new (STEADY_TYPE_PROGRAM, NULL);
}

/**
 * steady_program_copy:
 * @self: a #SteadyProgram
 *
 * Returns: (transfer full): a copy to edit
 */
SteadyProgram *
steady_program_copy (SteadyProgram *self)
{
  SteadyProgram *copy;

  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);

  copy = steady_program_new ();
  copy->start_date = self->start_date;
  copy->weekly_minutes = self->weekly_minutes;
  g_array_append_vals (copy->phases, self->phases->data, self->phases->len);

  return copy;
}

/**
 * steady_program_get_start_date:
 * @self: a #SteadyProgram
 *
 * Returns: (transfer none) (nullable): the first day of the program
 */
const GDate *
steady_program_get_start_date (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), NULL);

  return g_date_valid (&self->start_date) ? &self->start_date : NULL;
}

void
steady_program_set_start_date (SteadyProgram *self,
                               const GDate   *date)
{
  g_return_if_fail (STEADY_IS_PROGRAM (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (date == NULL && !g_date_valid (&self->start_date))
    return;
  if (date != NULL && g_date_valid (&self->start_date) &&
      g_date_compare (date, &self->start_date) == 0)
    return;

  if (date != NULL)
    self->start_date = *date;
  else
    g_date_clear (&self->start_date, 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

guint
steady_program_get_weekly_minutes (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), 0);

  return self->weekly_minutes;
}

void
steady_program_set_weekly_minutes (SteadyProgram *self,
                                   guint          minutes)
{
  g_return_if_fail (STEADY_IS_PROGRAM (self));

  if (self->weekly_minutes == minutes)
    return;

  self->weekly_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKLY_MINUTES]);
}

guint
steady_program_get_n_phases (SteadyProgram *self)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), 0);

  return self->phases->len;
}

/**
 * steady_program_get_phase:
 * @self: a #SteadyProgram
 * @index: which phase, in order of weeks
 * @first_week: (out) (optional): its first week, from 1
 * @last_week: (out) (optional): its last week
 * @weekly_minutes: (out) (optional): what it asks for a week
 */
void
steady_program_get_phase (SteadyProgram *self,
                          guint          index,
                          guint         *first_week,
                          guint         *last_week,
                          guint         *weekly_minutes)
{
  const Phase *phase;

  g_return_if_fail (STEADY_IS_PROGRAM (self));
  g_return_if_fail (index < self->phases->len);

  phase = &g_array_index (self->phases, Phase, index);

  if (first_week != NULL)
    *first_week = phase->first_week;
  if (last_week != NULL)
    *last_week = phase->last_week;
  if (weekly_minutes != NULL)
    *weekly_minutes = phase->minutes;
}

/**
 * steady_program_add_phase:
 * @self: a #SteadyProgram
 * @first_week: the phase's first week, from 1
 * @last_week: its last week
 * @weekly_minutes: what it asks for a week
 *
 * Phases are kept in order; steady_program_validate() refuses overlaps.
 */
void
steady_program_add_phase (SteadyProgram *self,
                          guint          first_week,
                          guint          last_week,
                          guint          weekly_minutes)
{
  Phase phase = { first_week, last_week, weekly_minutes };

  g_return_if_fail (STEADY_IS_PROGRAM (self));

  g_array_append_val (self->phases, phase);
  g_array_sort (self->phases, compare_phases);
}

void
steady_program_clear_phases (SteadyProgram *self)
{
  g_return_if_fail (STEADY_IS_PROGRAM (self));

  g_array_set_size (self->phases, 0);
}

/**
 * steady_program_validate:
 * @self: a #SteadyProgram
 * @error: a location for an error
 *
 * Returns: %TRUE if the program can be saved
 */
gboolean
steady_program_validate (SteadyProgram  *self,
                         GError        **error)
{
  g_return_val_if_fail (STEADY_IS_PROGRAM (self), FALSE);

  if (self->weekly_minutes > 7 * 24 * 60)
    {
      g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                           _("A week has only 168 hours."));
      return FALSE;
    }

  if (self->phases->len > STEADY_PROGRAM_MAX_PHASES)
    {
      g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                   _("A program can have at most %d phases."), STEADY_PROGRAM_MAX_PHASES);
      return FALSE;
    }

  for (guint i = 0; i < self->phases->len; i++)
    {
      const Phase *phase = &g_array_index (self->phases, Phase, i);

      if (phase->first_week < 1 || phase->last_week < phase->first_week ||
          phase->last_week > STEADY_PROGRAM_MAX_WEEKS)
        {
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                       _("The phase from week %u to week %u is not a range of weeks between 1 and %d."),
                       phase->first_week, phase->last_week, STEADY_PROGRAM_MAX_WEEKS);
          return FALSE;
        }

      if (phase->minutes > 7 * 24 * 60)
        {
          g_set_error_literal (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                               _("A week has only 168 hours."));
          return FALSE;
        }

      if (i > 0 && g_array_index (self->phases, Phase, i - 1).last_week >= phase->first_week)
        {
          g_set_error (error, STEADY_STORE_ERROR, STEADY_STORE_ERROR_INVALID,
                       _("Two phases both include week %u."), phase->first_week);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * steady_program_get_week_number:
 * @self: a #SteadyProgram
 * @date: a day
 *
 * Weeks run Monday to Sunday; week 1 holds the start date.
 *
 * Returns: the program week of @date, or 0 when there is no start date
 *   or @date is before the week it falls in
 */
int
steady_program_get_week_number (SteadyProgram *self,
                                const GDate   *date)
{
  guint32 monday, start_monday;

  g_return_val_if_fail (STEADY_IS_PROGRAM (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!g_date_valid (&self->start_date))
    return 0;

  monday = monday_of (date);
  start_monday = monday_of (&self->start_date);

  if (monday < start_monday)
    return 0;

  return (int)((monday - start_monday) / 7) + 1;
}

/**
 * steady_program_get_required_minutes:
 * @self: a #SteadyProgram
 * @date: a day
 *
 * Returns: the minutes of sessions the program asks for in the week of
 *   @date: the phase's if a phase covers that week, none before the
 *   program starts, else the weekly requirement
 */
guint
steady_program_get_required_minutes (SteadyProgram *self,
                                     const GDate   *date)
{
  int week;

  g_return_val_if_fail (STEADY_IS_PROGRAM (self), 0);
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (!g_date_valid (&self->start_date))
    return self->weekly_minutes;

  week = steady_program_get_week_number (self, date);
  if (week == 0)
    return 0;

  for (guint i = 0; i < self->phases->len; i++)
    {
      const Phase *phase = &g_array_index (self->phases, Phase, i);

      if ((guint)week >= phase->first_week && (guint)week <= phase->last_week)
        return phase->minutes;
    }

  return self->weekly_minutes;
}
