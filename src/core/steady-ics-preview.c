/* steady-ics-preview.c: what an import will add, before it is committed
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-calendar"

#include "config.h"

#include <string.h>

#include "steady-ics-preview.h"
#include "steady-ics-private.h"

/**
 * SteadyIcsPreview:
 *
 * An iCalendar file read and checked by steady_ics_parse(), but not yet
 * stored: one item per series (a VEVENT and its RECURRENCE-ID changes),
 * each new, a duplicate of a UID already in the calendar, or skipped.
 * Show it, then hand it to steady_ics_import(), which adds the new ones
 * in one transaction.
 */
struct _SteadyIcsPreview
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *items;
  GHashTable *zones;
};

G_DEFINE_FINAL_TYPE (SteadyIcsPreview, steady_ics_preview, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SteadyIcsItemStatus, steady_ics_item_status,
                    G_DEFINE_ENUM_VALUE (STEADY_ICS_ITEM_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (STEADY_ICS_ITEM_DUPLICATE, "duplicate"),
                    G_DEFINE_ENUM_VALUE (STEADY_ICS_ITEM_SKIPPED, "skipped"))

static void
item_free (SteadyIcsItem *item)
{
  g_clear_object (&item->series);
  g_clear_pointer (&item->exceptions, g_ptr_array_unref);
  g_clear_pointer (&item->message, g_free);
  g_clear_pointer (&item->orphan_of, g_free);
  g_free (item);
}

static void
steady_ics_preview_finalize (GObject *object)
{
  SteadyIcsPreview *self = (SteadyIcsPreview *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->zones, g_hash_table_unref);

  G_OBJECT_CLASS (steady_ics_preview_parent_class)->finalize (object);
}

static void
steady_ics_preview_class_init (SteadyIcsPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_ics_preview_finalize;
}

static void
steady_ics_preview_init (SteadyIcsPreview *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  self->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

SteadyIcsPreview *
steady_ics_preview_new (void)
{
  return g_object_new (STEADY_TYPE_ICS_PREVIEW, NULL);
}

/* Takes @series. */
SteadyIcsItem *
steady_ics_preview_add (SteadyIcsPreview    *self,
                        SteadySessionSeries *series)
{
  SteadyIcsItem *item = g_new0 (SteadyIcsItem, 1);

  item->series = series;
  item->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_exception_data_free);
  item->status = STEADY_ICS_ITEM_NEW;
  g_ptr_array_add (self->items, item);

  return item;
}

SteadyIcsItem *
steady_ics_preview_get_item (SteadyIcsPreview *self,
                             guint             index)
{
  g_assert (index < self->items->len);

  return g_ptr_array_index (self->items, index);
}

void
steady_ics_preview_add_zone (SteadyIcsPreview *self,
                             const char       *tzid,
                             const char       *vtimezone)
{
  g_hash_table_replace (self->zones, g_strdup (tzid), g_strdup (vtimezone));
}

/* tzid → VTIMEZONE text of the zones the file defined itself */
GHashTable *
steady_ics_preview_get_zones (SteadyIcsPreview *self)
{
  return self->zones;
}

void
steady_ics_item_add_message (SteadyIcsItem *item,
                             const char    *message)
{
  char *joined;

  if (item->message == NULL)
    {
      item->message = g_strdup (message);
      return;
    }

  if (strstr (item->message, message) != NULL)
    return;

  joined = g_strconcat (item->message, "\n", message, NULL);
  g_free (item->message);
  item->message = joined;
}

SteadyExceptionData *
steady_ics_item_get_exception (SteadyIcsItem *item,
                               const char    *recurrence_id)
{
  for (guint i = 0; i < item->exceptions->len; i++)
    {
      SteadyExceptionData *data = g_ptr_array_index (item->exceptions, i);

      if (g_str_equal (data->recurrence_id, recurrence_id))
        return data;
    }

  return NULL;
}

/* Takes @data, replacing what the item had for its recurrence id. */
void
steady_ics_item_set_exception (SteadyIcsItem       *item,
                               SteadyExceptionData *data)
{
  for (guint i = 0; i < item->exceptions->len; i++)
    {
      SteadyExceptionData *old = g_ptr_array_index (item->exceptions, i);

      if (g_str_equal (old->recurrence_id, data->recurrence_id))
        {
          g_ptr_array_remove_index (item->exceptions, i);
          break;
        }
    }

  g_ptr_array_add (item->exceptions, data);
}

guint
steady_ics_preview_get_n_items (SteadyIcsPreview *self)
{
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), 0);

  return self->items->len;
}

/**
 * steady_ics_preview_get_series:
 * @self: a #SteadyIcsPreview
 * @index: which item
 *
 * Returns: (transfer none): the series the item would add
 */
SteadySessionSeries *
steady_ics_preview_get_series (SteadyIcsPreview *self,
                               guint             index)
{
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return steady_ics_preview_get_item (self, index)->series;
}

SteadyIcsItemStatus
steady_ics_preview_get_status (SteadyIcsPreview *self,
                               guint             index)
{
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), STEADY_ICS_ITEM_SKIPPED);
  g_return_val_if_fail (index < self->items->len, STEADY_ICS_ITEM_SKIPPED);

  return steady_ics_preview_get_item (self, index)->status;
}

/**
 * steady_ics_preview_get_message:
 * @self: a #SteadyIcsPreview
 * @index: which item
 *
 * Returns: (nullable): why the item is skipped, or what of it was left
 *   out, in plain words
 */
const char *
steady_ics_preview_get_message (SteadyIcsPreview *self,
                                guint             index)
{
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return steady_ics_preview_get_item (self, index)->message;
}

/**
 * steady_ics_preview_get_n_changes:
 * @self: a #SteadyIcsPreview
 * @index: which item
 *
 * Returns: how many of the series' sessions are cancelled or changed
 */
guint
steady_ics_preview_get_n_changes (SteadyIcsPreview *self,
                                  guint             index)
{
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), 0);
  g_return_val_if_fail (index < self->items->len, 0);

  return steady_ics_preview_get_item (self, index)->exceptions->len;
}

guint
steady_ics_preview_count (SteadyIcsPreview    *self,
                          SteadyIcsItemStatus  status)
{
  guint n = 0;

  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (steady_ics_preview_get_item (self, i)->status == status)
        n++;
    }

  return n;
}
