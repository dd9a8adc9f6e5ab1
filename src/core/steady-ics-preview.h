/* steady-ics-preview.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steady-session-series.h"

G_BEGIN_DECLS

/**
 * SteadyIcsItemStatus:
 * @STEADY_ICS_ITEM_NEW: will be added
 * @STEADY_ICS_ITEM_DUPLICATE: its UID is already in the calendar; skipped
 * @STEADY_ICS_ITEM_SKIPPED: not a session (all-day, longer than a day,
 *   cancelled as a whole, or a repeated UID); skipped, the message says why
 */
typedef enum
{
  STEADY_ICS_ITEM_NEW,
  STEADY_ICS_ITEM_DUPLICATE,
  STEADY_ICS_ITEM_SKIPPED,
} SteadyIcsItemStatus;

#define STEADY_TYPE_ICS_ITEM_STATUS (steady_ics_item_status_get_type ())
#define STEADY_TYPE_ICS_PREVIEW     (steady_ics_preview_get_type ())

GType steady_ics_item_status_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (SteadyIcsPreview, steady_ics_preview, STEADY, ICS_PREVIEW, GObject)

guint                steady_ics_preview_get_n_items    (SteadyIcsPreview    *self);
SteadySessionSeries *steady_ics_preview_get_series     (SteadyIcsPreview    *self,
                                                        guint                index);
SteadyIcsItemStatus  steady_ics_preview_get_status     (SteadyIcsPreview    *self,
                                                        guint                index);
const char          *steady_ics_preview_get_message    (SteadyIcsPreview    *self,
                                                        guint                index);
guint                steady_ics_preview_get_n_changes  (SteadyIcsPreview    *self,
                                                        guint                index);
guint                steady_ics_preview_count          (SteadyIcsPreview    *self,
                                                        SteadyIcsItemStatus  status);

G_END_DECLS
