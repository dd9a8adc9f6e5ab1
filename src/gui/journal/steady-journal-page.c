/* steady-journal-page.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-journal-page.h"

struct _SteadyJournalPage
{
  AdwBin       parent_instance;

  /* Owned */
  SteadyStore *store;
};

G_DEFINE_FINAL_TYPE (SteadyJournalPage, steady_journal_page, ADW_TYPE_BIN)

static void
steady_journal_page_finalize (GObject *object)
{
  SteadyJournalPage *self = (SteadyJournalPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_journal_page_parent_class)->finalize (object);
}

static void
steady_journal_page_class_init (SteadyJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_journal_page_finalize;
}

static void
steady_journal_page_init (SteadyJournalPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Journal"));
  adw_bin_set_child (ADW_BIN (self), status);
}

void
steady_journal_page_set_store (SteadyJournalPage *self,
                           SteadyStore   *store)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  g_set_object (&self->store, store);
}

void
steady_journal_page_focus_search (SteadyJournalPage *self)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));
}
