/* steady-backup.c
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-backup"

#include "config.h"

#include "steady-backup.h"

struct _SteadyBackup
{
  GObject    parent_instance;

  /* Owned */
  char      *path;
  GDateTime *created;
  goffset    size;
};

G_DEFINE_FINAL_TYPE (SteadyBackup, steady_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_CREATED,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steady_backup_finalize (GObject *object)
{
  SteadyBackup *self = (SteadyBackup *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (steady_backup_parent_class)->finalize (object);
}

static void
steady_backup_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SteadyBackup *self = STEADY_BACKUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_backup_class_init (SteadyBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_backup_finalize;
  object_class->get_property = steady_backup_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steady_backup_init (SteadyBackup *self)
{
}

/**
 * steady_backup_new:
 * @path: the backup file
 * @created: when it was made
 * @size: its size in bytes
 *
 * Returns: (transfer full): a description of one automatic backup
 */
SteadyBackup *
steady_backup_new (const char *path,
                   GDateTime  *created,
                   goffset     size)
{
  SteadyBackup *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (created != NULL, NULL);

  self = g_object_new (STEADY_TYPE_BACKUP, NULL);
  self->path = g_strdup (path);
  self->created = g_date_time_ref (created);
  self->size = size;

  return self;
}

const char *
steady_backup_get_path (SteadyBackup *self)
{
  g_return_val_if_fail (STEADY_IS_BACKUP (self), NULL);

  return self->path;
}

/**
 * steady_backup_get_created:
 *
 * Returns: (transfer none): when the backup was made, in UTC
 */
GDateTime *
steady_backup_get_created (SteadyBackup *self)
{
  g_return_val_if_fail (STEADY_IS_BACKUP (self), NULL);

  return self->created;
}

goffset
steady_backup_get_size (SteadyBackup *self)
{
  g_return_val_if_fail (STEADY_IS_BACKUP (self), 0);

  return self->size;
}
