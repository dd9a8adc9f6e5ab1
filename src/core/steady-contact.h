/* steady-contact.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_CONTACT (steady_contact_get_type ())

G_DECLARE_FINAL_TYPE (SteadyContact, steady_contact, STEADY, CONTACT, GObject)

SteadyContact *steady_contact_new (void);
gint64 steady_contact_get_id (SteadyContact *self);
void steady_contact_set_id (SteadyContact *self, gint64 id);
const char *steady_contact_get_name (SteadyContact *self);
void steady_contact_set_name (SteadyContact *self, const char *name);
const char *steady_contact_get_role (SteadyContact *self);
void steady_contact_set_role (SteadyContact *self, const char *role);
const char *steady_contact_get_phone (SteadyContact *self);
void steady_contact_set_phone (SteadyContact *self, const char *phone);
const char *steady_contact_get_notes (SteadyContact *self);
void steady_contact_set_notes (SteadyContact *self, const char *notes);

G_END_DECLS
