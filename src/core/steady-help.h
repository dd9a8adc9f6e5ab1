/* steady-help.h: the person's safety plan, support contacts and crisis lines
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-contact.h"
#include "steady-crisis-line.h"
#include "steady-store.h"

G_BEGIN_DECLS

/* The sections of a Stanley–Brown style safety plan, in its order. */
typedef enum
{
  STEADY_SAFETY_WARNING_SIGNS,
  STEADY_SAFETY_COPING,
  STEADY_SAFETY_DISTRACTIONS,
  STEADY_SAFETY_PEOPLE,
  STEADY_SAFETY_PROFESSIONALS,
  STEADY_SAFETY_ENVIRONMENT,
  STEADY_SAFETY_REASONS,
  STEADY_SAFETY_N_SECTIONS,
} SteadySafetySection;

const char *steady_safety_section_get_id      (SteadySafetySection   section);
const char *steady_safety_section_get_title   (SteadySafetySection   section);
const char *steady_safety_section_get_hint    (SteadySafetySection   section);

GStrv       steady_safety_plan_get_section    (SteadyStore          *store,
                                               SteadySafetySection   section);
gboolean    steady_safety_plan_set_section    (SteadyStore          *store,
                                               SteadySafetySection   section,
                                               const char * const   *items,
                                               GError              **error);
gboolean    steady_safety_plan_is_empty       (SteadyStore          *store);

GPtrArray  *steady_contacts_list              (SteadyStore          *store);
gboolean    steady_contacts_save              (SteadyStore          *store,
                                               SteadyContact        *contact,
                                               GError              **error);
gboolean    steady_contacts_delete            (SteadyStore          *store,
                                               gint64                id,
                                               GError              **error);

char       *steady_locale_territory           (void);
char       *steady_locale_parse_territory     (const char           *locale);
GPtrArray  *steady_crisis_lines_builtin       (const char           *territory);
GPtrArray  *steady_crisis_lines_list          (SteadyStore          *store,
                                               const char           *territory);
gboolean    steady_crisis_lines_save          (SteadyStore          *store,
                                               SteadyCrisisLine     *line,
                                               GError              **error);
gboolean    steady_crisis_lines_delete        (SteadyStore          *store,
                                               gint64                id,
                                               GError              **error);
gboolean    steady_crisis_lines_get_show_builtin (SteadyStore       *store);
gboolean    steady_crisis_lines_set_show_builtin (SteadyStore       *store,
                                                  gboolean           show,
                                                  GError           **error);

G_END_DECLS
