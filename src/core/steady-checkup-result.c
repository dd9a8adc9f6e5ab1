/* steady-checkup-result.c: one weekly self-check and its answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-checkup"

#include "config.h"

#include "steady-checkup-private.h"

/**
 * SteadyCheckupResult:
 *
 * The answers of one self-check, when it was done, and its total. A new
 * result has id 0 and its total is worked out from the answers (-1 while
 * they are incomplete); a stored one keeps the total it was saved with.
 */
struct _SteadyCheckupResult
{
  GObject               parent_instance;

  /* Owned */
  GDateTime            *at;
  char                 *local_date;

  SteadyCheckupAnswers  answers;
  gint64                id;
  int                   total;
};

G_DEFINE_FINAL_TYPE (SteadyCheckupResult, steady_checkup_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_local_date (GDateTime *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
steady_checkup_result_finalize (GObject *object)
{
  SteadyCheckupResult *self = (SteadyCheckupResult *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->local_date, g_free);

  G_OBJECT_CLASS (steady_checkup_result_parent_class)->finalize (object);
}

static void
steady_checkup_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SteadyCheckupResult *self = STEADY_CHECKUP_RESULT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_boxed (value, self->at);
      break;

    case PROP_TOTAL:
      g_value_set_int (value, self->total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_checkup_result_class_init (SteadyCheckupResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_checkup_result_finalize;
  object_class->get_property = steady_checkup_result_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int ("total", NULL, NULL, -1, STEADY_CHECKUP_MAX_SCORE, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_checkup_result_init (SteadyCheckupResult *self)
{
  steady_checkup_answers_init (&self->answers);
  self->total = -1;
}

/**
 * steady_checkup_result_new:
 * @answers: the answers, copied
 * @at: (nullable): when the self-check was done, or %NULL for now
 *
 * Returns: (transfer full): a new, unsaved result
 */
SteadyCheckupResult *
steady_checkup_result_new (const SteadyCheckupAnswers *answers,
                           GDateTime                  *at)
{
  SteadyCheckupResult *self;

  g_return_val_if_fail (answers != NULL, NULL);

  self = g_object_new (STEADY_TYPE_CHECKUP_RESULT, NULL);
  self->answers = *answers;
  self->total = steady_checkup_get_total (answers);
  self->at = at != NULL ? g_date_time_ref (at) : g_date_time_new_now_local ();
  self->local_date = format_local_date (self->at);

  return self;
}

gint64
steady_checkup_result_get_id (SteadyCheckupResult *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (self), 0);

  return self->id;
}

/**
 * steady_checkup_result_get_at:
 *
 * Returns: (transfer none): when the self-check was done; a stored
 *   result reads in the UTC offset it was saved with
 */
GDateTime *
steady_checkup_result_get_at (SteadyCheckupResult *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (self), NULL);

  return self->at;
}

/**
 * steady_checkup_result_get_local_date:
 *
 * Returns: the day the person lived it, as "YYYY-MM-DD"
 */
const char *
steady_checkup_result_get_local_date (SteadyCheckupResult *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (self), NULL);

  return self->local_date;
}

void
steady_checkup_result_get_answers (SteadyCheckupResult  *self,
                                   SteadyCheckupAnswers *out_answers)
{
  g_return_if_fail (STEADY_IS_CHECKUP_RESULT (self));
  g_return_if_fail (out_answers != NULL);

  *out_answers = self->answers;
}

SteadyCheckupAnswer
steady_checkup_result_get_answer (SteadyCheckupResult *self,
                                  SteadyCheckupItem    item)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (self), STEADY_CHECKUP_UNANSWERED);
  g_return_val_if_fail (item < STEADY_CHECKUP_N_ITEMS, STEADY_CHECKUP_UNANSWERED);

  return self->answers.answers[item];
}

/**
 * steady_checkup_result_get_total:
 *
 * Returns: the total, 0 to %STEADY_CHECKUP_MAX_SCORE, or -1 while the
 *   answers are incomplete
 */
int
steady_checkup_result_get_total (SteadyCheckupResult *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_RESULT (self), -1);

  return self->total;
}

/* Called on the main thread once the row is on disk, or when loading. */
void
steady_checkup_result_set_stored (SteadyCheckupResult *self,
                                  gint64               id,
                                  GDateTime           *at,
                                  const char          *local_date,
                                  int                  total)
{
  g_return_if_fail (STEADY_IS_CHECKUP_RESULT (self));
  g_return_if_fail (at != NULL && local_date != NULL);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  if (self->at == NULL || !g_date_time_equal (self->at, at) ||
      g_date_time_get_utc_offset (self->at) != g_date_time_get_utc_offset (at))
    {
      g_clear_pointer (&self->at, g_date_time_unref);
      self->at = g_date_time_ref (at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT]);
    }

  g_free (self->local_date);
  self->local_date = g_strdup (local_date);

  if (self->total != total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
