/* fuzz-common.h: what the fuzz targets share
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-store-private.h"

G_BEGIN_DECLS

SteadyStore *fuzz_open_store         (void);
void         fuzz_flush_main_context (void);

G_END_DECLS
