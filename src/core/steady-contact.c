/* steady-contact.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steady-contact.h"

struct _SteadyContact
{
  GObject  parent_instance;

  /* Owned */
  char    *name;
  char    *role;
  char    *phone;
  char    *notes;
  gint64   id;
};

G_DEFINE_FINAL_TYPE (SteadyContact, steady_contact, G_TYPE_OBJECT)

static void
steady_contact_finalize (GObject *object)
{
  SteadyContact *self = (SteadyContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (steady_contact_parent_class)->finalize (object);
}

static void
steady_contact_class_init (SteadyContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steady_contact_finalize;
}

static void
steady_contact_init (SteadyContact *self)
{
}

SteadyContact *
steady_contact_new (void)
{
  SteadyContact *self = g_object_new (STEADY_TYPE_CONTACT, NULL);

  return self;
}

/* The row id in the store; 0 until saved. */
gint64
steady_contact_get_id (SteadyContact *self)
{
  g_return_val_if_fail (STEADY_IS_CONTACT (self), 0);

  return self->id;
}

void
steady_contact_set_id (SteadyContact *self,
                        gint64 id)
{
  g_return_if_fail (STEADY_IS_CONTACT (self));

  self->id = id;
}

const char *
steady_contact_get_name (SteadyContact *self)
{
  g_return_val_if_fail (STEADY_IS_CONTACT (self), NULL);

  return self->name != NULL ? self->name : "";
}

void
steady_contact_set_name (SteadyContact *self,
                        const char *name)
{
  g_return_if_fail (STEADY_IS_CONTACT (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

const char *
steady_contact_get_role (SteadyContact *self)
{
  g_return_val_if_fail (STEADY_IS_CONTACT (self), NULL);

  return self->role != NULL ? self->role : "";
}

void
steady_contact_set_role (SteadyContact *self,
                        const char *role)
{
  g_return_if_fail (STEADY_IS_CONTACT (self));

  g_free (self->role);
  self->role = g_strdup (role);
}

const char *
steady_contact_get_phone (SteadyContact *self)
{
  g_return_val_if_fail (STEADY_IS_CONTACT (self), NULL);

  return self->phone != NULL ? self->phone : "";
}

void
steady_contact_set_phone (SteadyContact *self,
                        const char *phone)
{
  g_return_if_fail (STEADY_IS_CONTACT (self));

  g_free (self->phone);
  self->phone = g_strdup (phone);
}

const char *
steady_contact_get_notes (SteadyContact *self)
{
  g_return_val_if_fail (STEADY_IS_CONTACT (self), NULL);

  return self->notes != NULL ? self->notes : "";
}

void
steady_contact_set_notes (SteadyContact *self,
                        const char *notes)
{
  g_return_if_fail (STEADY_IS_CONTACT (self));

  g_free (self->notes);
  self->notes = g_strdup (notes);
}
