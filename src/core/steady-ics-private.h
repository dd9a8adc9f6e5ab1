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

/* Reading a parsed file: steady-ics-event.c, steady-ics-zone.c. */
typedef struct
{
  SteadyIcsPreview *preview;
  /* tzid → VTIMEZONE icalcomponent, borrowed from the parsed file */
  GHashTable       *vtimezones;
  /* tzid as written in the file → SteadyZone */
  GHashTable       *zones;
  /* UID → the series read for it */
  GHashTable       *masters;
  char             *local_tzid;
  guint             budget;
  gint64            deadline;
} SteadyIcsParser;

/* A DTSTART, EXDATE or RECURRENCE-ID as the file gives it. */
typedef struct
{
  SteadyZone *zone;
  gint64      wall;
  gboolean    is_date;
} SteadyIcsMoment;

void              steady_ics_moment_clear          (SteadyIcsMoment           *moment);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SteadyIcsMoment, steady_ics_moment_clear)

char             *steady_ics_quote                 (const char                *text);
const char       *steady_ics_get_x                 (icalcomponent             *comp,
                                                    const char                *name);
gboolean          steady_ics_resolve_moment        (SteadyIcsParser           *p,
                                                    icalproperty              *prop,
                                                    struct icaltimetype        tt,
                                                    const char                *property,
                                                    SteadyIcsMoment           *out,
                                                    GError                   **error);
gint64            steady_ics_moment_to_series_wall (const SteadyIcsMoment     *moment,
                                                    SteadyZone                *zone,
                                                    gint64                     start_wall);
SteadyIcsPreview *steady_ics_parse_calendars       (icalcomponent             *root,
                                                    GError                   **error);

G_END_DECLS
