/* steady-ics-private.h: the parsed content of an import
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-calendar-private.h"
#include "steady-ics-preview.h"

G_BEGIN_DECLS

/* One series to import, with its sessions' changes. */
typedef struct
{
  SteadySessionSeries *series;
  /* SteadyExceptionData, one per recurrence id */
  GPtrArray           *exceptions;
  SteadyIcsItemStatus  status;
  char                *message;
  /* For a lone RECURRENCE-ID: the UID of the series it changes */
  char                *orphan_of;
} SteadyIcsItem;

SteadyIcsPreview *steady_ics_preview_new        (void);
SteadyIcsItem    *steady_ics_preview_add        (SteadyIcsPreview          *self,
                                                 SteadySessionSeries       *series);
SteadyIcsItem    *steady_ics_preview_get_item   (SteadyIcsPreview          *self,
                                                 guint                      index);
void              steady_ics_preview_add_zone   (SteadyIcsPreview          *self,
                                                 const char                *tzid,
                                                 const char                *vtimezone);
GHashTable       *steady_ics_preview_get_zones  (SteadyIcsPreview          *self);

void              steady_ics_item_add_message   (SteadyIcsItem             *item,
                                                 const char                *message);
void              steady_ics_item_set_exception (SteadyIcsItem             *item,
                                                 SteadyExceptionData       *data);
SteadyExceptionData *steady_ics_item_get_exception (SteadyIcsItem          *item,
                                                    const char             *recurrence_id);

G_END_DECLS
