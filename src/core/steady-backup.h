/* steady-backup.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEADY_TYPE_BACKUP (steady_backup_get_type ())

G_DECLARE_FINAL_TYPE (SteadyBackup, steady_backup, STEADY, BACKUP, GObject)

SteadyBackup *steady_backup_new         (const char   *path,
                                         GDateTime    *created,
                                         goffset       size);
const char   *steady_backup_get_path    (SteadyBackup *self);
GDateTime    *steady_backup_get_created (SteadyBackup *self);
goffset       steady_backup_get_size    (SteadyBackup *self);

G_END_DECLS
