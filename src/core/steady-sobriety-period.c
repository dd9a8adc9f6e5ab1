/* steady-sobriety-period.c: one attempt at staying sober
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-sobriety"

#include "config.h"

#include "steady-sobriety-period.h"
#include "steady-journal-private.h"

/**
 * SteadySobrietyPeriod:
 *
 * An attempt, from its start day to the day it ended (a lapse), or to
 * today for the current one. Its days are the whole days from the start
 * up to, not including, the end day or today.
 */
struct _SteadySobrietyPeriod
{
  GObject  parent_instance;

  GDate    start;
  GDate    end;       /* invalid for the current one */
  guint    days;
};

G_DEFINE_FINAL_TYPE (SteadySobrietyPeriod, steady_sobriety_period, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_CURRENT,
  PROP_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_sobriety_period_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SteadySobrietyPeriod *self = STEADY_SOBRIETY_PERIOD (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_boxed (value, &self->start);
      break;

    case PROP_END:
      g_value_set_boxed (value, steady_sobriety_period_get_end (self));
      break;

    case PROP_CURRENT:
      g_value_set_boolean (value, steady_sobriety_period_is_current (self));
      break;

    case PROP_DAYS:
      g_value_set_uint (value, self->days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_sobriety_period_class_init (SteadySobrietyPeriodClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = steady_sobriety_period_get_property;

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SteadySobrietyPeriod:end:
   *
   * The day the attempt ended, not counted; %NULL for the current one.
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DAYS] =
    g_param_spec_uint ("days", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_sobriety_period_init (SteadySobrietyPeriod *self)
{
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
}

SteadySobrietyPeriod *
steady_sobriety_period_new (const GDate *start,
                            const GDate *end,
                            guint        days)
{
  SteadySobrietyPeriod *self;

  g_assert (start != NULL && g_date_valid (start));

  self = g_object_new (STEADY_TYPE_SOBRIETY_PERIOD, NULL);
  self->start = *start;
  if (end != NULL)
    self->end = *end;
  self->days = days;

  return self;
}

/**
 * steady_sobriety_period_get_start:
 * @self: a #SteadySobrietyPeriod
 *
 * Returns: (transfer none): the first sober day
 */
const GDate *
steady_sobriety_period_get_start (SteadySobrietyPeriod *self)
{
  g_return_val_if_fail (STEADY_IS_SOBRIETY_PERIOD (self), NULL);

  return &self->start;
}

/**
 * steady_sobriety_period_get_end:
 * @self: a #SteadySobrietyPeriod
 *
 * Returns: (transfer none) (nullable): the day it ended, or %NULL for
 *   the current period
 */
const GDate *
steady_sobriety_period_get_end (SteadySobrietyPeriod *self)
{
  g_return_val_if_fail (STEADY_IS_SOBRIETY_PERIOD (self), NULL);

  return g_date_valid (&self->end) ? &self->end : NULL;
}

gboolean
steady_sobriety_period_is_current (SteadySobrietyPeriod *self)
{
  g_return_val_if_fail (STEADY_IS_SOBRIETY_PERIOD (self), FALSE);

  return !g_date_valid (&self->end);
}

guint
steady_sobriety_period_get_days (SteadySobrietyPeriod *self)
{
  g_return_val_if_fail (STEADY_IS_SOBRIETY_PERIOD (self), 0);

  return self->days;
}
