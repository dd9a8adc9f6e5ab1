/* steady-store.h
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEADY_STORE_ERROR (steady_store_error_quark ())

/**
 * SteadyStoreError:
 * @STEADY_STORE_ERROR_FAILED: something else went wrong; the message says what
 * @STEADY_STORE_ERROR_CORRUPT: the file is not a database or fails its check
 * @STEADY_STORE_ERROR_NEWER_VERSION: the file was written by a newer Steady
 * @STEADY_STORE_ERROR_NOT_STEADY: the file is a database of another program
 * @STEADY_STORE_ERROR_READ_ONLY: the file or its folder cannot be written
 * @STEADY_STORE_ERROR_NO_SPACE: the disk is full
 * @STEADY_STORE_ERROR_BUSY: another program held the file for too long
 * @STEADY_STORE_ERROR_INVALID: the data handed to the store was refused
 * @STEADY_STORE_ERROR_NOT_FOUND: the row asked for does not exist
 */
typedef enum
{
  STEADY_STORE_ERROR_FAILED,
  STEADY_STORE_ERROR_CORRUPT,
  STEADY_STORE_ERROR_NEWER_VERSION,
  STEADY_STORE_ERROR_NOT_STEADY,
  STEADY_STORE_ERROR_READ_ONLY,
  STEADY_STORE_ERROR_NO_SPACE,
  STEADY_STORE_ERROR_BUSY,
  STEADY_STORE_ERROR_INVALID,
  STEADY_STORE_ERROR_NOT_FOUND,
} SteadyStoreError;

/* 'STDY': written into PRAGMA application_id so that a foreign SQLite
 * file is never mistaken for ours. */
#define STEADY_STORE_APPLICATION_ID 0x53544459

#define STEADY_STORE_MAX_BACKUPS 7

#define STEADY_TYPE_STORE (steady_store_get_type ())

G_DECLARE_FINAL_TYPE (SteadyStore, steady_store, STEADY, STORE, GObject)

typedef gboolean (*SteadyStoreWorkFunc) (SteadyStore  *store,
                                         gpointer      data,
                                         gpointer     *result,
                                         GError      **error);

GQuark       steady_store_error_quark            (void);

char        *steady_store_default_path           (void);
SteadyStore *steady_store_open                   (const char           *path,
                                                  GError              **error);
const char  *steady_store_get_path               (SteadyStore          *self);
int          steady_store_get_schema_version     (SteadyStore          *self);
const GError *steady_store_get_damage            (SteadyStore          *self);
int          steady_store_get_latest_version     (void);
void         steady_store_close                  (SteadyStore          *self);

gboolean     steady_store_check                  (SteadyStore          *self,
                                                  GError              **error);

char        *steady_store_get_state              (SteadyStore          *self,
                                                  const char           *key);
gboolean     steady_store_set_state              (SteadyStore          *self,
                                                  const char           *key,
                                                  const char           *value,
                                                  GError              **error);

char        *steady_store_get_backup_dir         (SteadyStore          *self);
GPtrArray   *steady_store_list_backups           (SteadyStore          *self,
                                                  GError              **error);
GPtrArray   *steady_store_list_backups_at        (const char           *db_path,
                                                  GError              **error);
gboolean     steady_store_replace_with_backup    (const char           *db_path,
                                                  const char           *backup_path,
                                                  GDateTime            *now,
                                                  GError              **error);
char        *steady_store_backup                 (SteadyStore          *self,
                                                  GDateTime            *now,
                                                  const char           *suffix,
                                                  GError              **error);
char        *steady_store_backup_if_due          (SteadyStore          *self,
                                                  GDateTime            *now,
                                                  GError              **error);
gboolean     steady_store_check_restore          (SteadyStore          *self,
                                                  const char           *backup_path,
                                                  GError              **error);
gboolean     steady_store_restore_backup         (SteadyStore          *self,
                                                  const char           *backup_path,
                                                  GDateTime            *now,
                                                  GError              **error);

void         steady_store_emit_changed           (SteadyStore          *self,
                                                  const char           *what);

void         steady_store_run_async              (SteadyStore          *self,
                                                  SteadyStoreWorkFunc   func,
                                                  gpointer              data,
                                                  GDestroyNotify        data_destroy,
                                                  GDestroyNotify        result_destroy,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gpointer     steady_store_run_finish             (SteadyStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void         steady_store_check_async            (SteadyStore          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean     steady_store_check_finish           (SteadyStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
