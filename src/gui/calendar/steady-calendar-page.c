/* steady-calendar-page.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar-page.h"

struct _SteadyCalendarPage
{
  AdwBin       parent_instance;

  /* Owned */
  SteadyStore *store;
};

G_DEFINE_FINAL_TYPE (SteadyCalendarPage, steady_calendar_page, ADW_TYPE_BIN)

static void
steady_calendar_page_finalize (GObject *object)
{
  SteadyCalendarPage *self = (SteadyCalendarPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_calendar_page_parent_class)->finalize (object);
}

static void
steady_calendar_page_class_init (SteadyCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_calendar_page_finalize;
}

static void
steady_calendar_page_init (SteadyCalendarPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Calendar"));
  adw_bin_set_child (ADW_BIN (self), status);
}

void
steady_calendar_page_set_store (SteadyCalendarPage *self,
                           SteadyStore   *store)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));

  g_set_object (&self->store, store);
}

void
steady_calendar_page_focus_search (SteadyCalendarPage *self)
{
  g_return_if_fail (STEADY_IS_CALENDAR_PAGE (self));
}
