/* steady-test-checkins.h: helpers for tests of the store: check-ins whose
 * every field follows from a serial number, and the files' bytes
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steady-journal.h"

G_BEGIN_DECLS

SteadyJournalEntry *steady_test_checkin_new             (guint64              serial);
guint64             steady_test_checkin_serial          (SteadyJournalEntry  *entry);
void                steady_test_checkin_assert          (SteadyJournalEntry  *entry,
                                                         guint64              serial);
void                steady_test_assert_integrity        (const char          *path);
guint               steady_test_assert_checkins         (SteadyStore         *store,
                                                         GHashTable          *saved,
                                                         gint64               after_id);
guint               steady_test_assert_all_checkins     (SteadyStore         *store,
                                                         GHashTable          *saved);

GBytes             *steady_test_read_bytes              (const char          *path);
void                steady_test_assert_same_bytes       (GBytes              *before,
                                                         const char          *path);
void                steady_test_close_store             (SteadyStore         *store);
void                steady_test_assert_damaged          (const char          *path);

G_END_DECLS
