/* steady-crisis-line.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-crisis-line.h"

struct _SteadyCrisisLine
{
  GObject  parent_instance;

  /* Owned */
  char    *name;
  char    *number;
  char    *description;
  gint64   id;
  gboolean builtin;
};

G_DEFINE_FINAL_TYPE (SteadyCrisisLine, steady_crisis_line, G_TYPE_OBJECT)

static void
steady_crisis_line_finalize (GObject *object)
{
  SteadyCrisisLine *self = (SteadyCrisisLine *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (steady_crisis_line_parent_class)->finalize (object);
}

static void
steady_crisis_line_class_init (SteadyCrisisLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_crisis_line_finalize;
}

static void
steady_crisis_line_init (SteadyCrisisLine *self)
{
}

SteadyCrisisLine *
steady_crisis_line_new (void)
{
  SteadyCrisisLine *self = g_object_new (STEADY_TYPE_CRISIS_LINE, NULL);

  return self;
}

/* The row id in the store; 0 until saved. */
gint64
steady_crisis_line_get_id (SteadyCrisisLine *self)
{
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (self), 0);

  return self->id;
}

void
steady_crisis_line_set_id (SteadyCrisisLine *self,
                            gint64 id)
{
  g_return_if_fail (STEADY_IS_CRISIS_LINE (self));

  self->id = id;
}

const char *
steady_crisis_line_get_name (SteadyCrisisLine *self)
{
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (self), NULL);

  return self->name != NULL ? self->name : "";
}

void
steady_crisis_line_set_name (SteadyCrisisLine *self,
                            const char *name)
{
  g_return_if_fail (STEADY_IS_CRISIS_LINE (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
steady_crisis_line_get_number (SteadyCrisisLine *self)
{
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (self), NULL);

  return self->number != NULL ? self->number : "";
}

void
steady_crisis_line_set_number (SteadyCrisisLine *self,
                            const char *number)
{
  g_return_if_fail (STEADY_IS_CRISIS_LINE (self));

  g_free (self->number);
  self->number = g_strdup (number);
}

const char *
steady_crisis_line_get_description (SteadyCrisisLine *self)
{
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (self), NULL);

  return self->description != NULL ? self->description : "";
}

void
steady_crisis_line_set_description (SteadyCrisisLine *self,
                            const char *description)
{
  g_return_if_fail (STEADY_IS_CRISIS_LINE (self));

  g_free (self->description);
  self->description = g_strdup (description);
}

/* Built-in lines come with the app, in its translations; they are not
 * rows in the store and cannot be edited, only hidden. */
gboolean
steady_crisis_line_get_builtin (SteadyCrisisLine *self)
{
  g_return_val_if_fail (STEADY_IS_CRISIS_LINE (self), FALSE);

  return self->builtin;
}

void
steady_crisis_line_set_builtin (SteadyCrisisLine *self,
                                gboolean          builtin)
{
  g_return_if_fail (STEADY_IS_CRISIS_LINE (self));

  self->builtin = !!builtin;
}
