/* steady-csv.h: comma-separated values as RFC 4180 writes them
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void       steady_csv_append_field (GString             *out,
                                    const char          *field);
void       steady_csv_append_row   (GString             *out,
                                    const char * const  *fields,
                                    gsize                n_fields);
GPtrArray *steady_csv_parse        (const char          *text,
                                    gssize               length,
                                    GError             **error);

G_END_DECLS
