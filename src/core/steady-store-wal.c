/* steady-store-wal.c: finds committed changes that SQLite would drop
 * from a damaged write-ahead log
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When SQLite opens a file after a crash it rebuilds its index of the
 * write-ahead log and stops at the first frame whose checksum fails:
 * that frame and every one after it are left out without a word, and
 * the next checkpoint makes the loss permanent. At the tail of the log
 * that is right (a write that never finished was never committed), but a
 * flipped byte further up silently takes committed check-ins with it.
 * Before the store opens, this reads the log the way SQLite's recovery
 * does (https://www.sqlite.org/fileformat2.html#walformat) and tells the
 * two apart: damage is a bad frame at or after which a commit frame of
 * the same log generation (matching salts) still follows.
 */

#define G_LOG_DOMAIN "steady-store"

#include "config.h"

#include <string.h>

#include "steady-store-private.h"

#define WAL_HEADER_SIZE   32
#define FRAME_HEADER_SIZE 24
#define WAL_MAGIC         0x377f0682
#define WAL_VERSION       3007000

static guint32
get_be32 (const guchar *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint32
get_le32 (const guchar *p)
{
  return ((guint32)p[3] << 24) | ((guint32)p[2] << 16) | ((guint32)p[1] << 8) | p[0];
}

/* SQLite's WAL checksum: 32-bit words in the order the magic number
 * says, added in pairs (@len is a multiple of 8). */
static void
add_checksum (gboolean      big_endian,
              const guchar *data,
              gsize         len,
              guint32       sum[2])
{
  g_assert (len % 8 == 0);

  for (gsize i = 0; i < len; i += 8)
    {
      guint32 x0 = big_endian ? get_be32 (data + i) : get_le32 (data + i);
      guint32 x1 = big_endian ? get_be32 (data + i + 4) : get_le32 (data + i + 4);

      sum[0] += x0 + sum[1];
      sum[1] += x1 + sum[0];
    }
}

/**
 * steady_store_wal_loses_commits:
 * @data: (array length=len): the whole write-ahead log
 * @len: its size
 *
 * Returns: %TRUE when SQLite's recovery would leave out a committed
 *   transaction of this log
 */
gboolean
steady_store_wal_loses_commits (const guchar *data,
                                gsize         len)
{
  guint32 magic, page_size;
  guint32 sum[2] = { 0, 0 };
  gboolean big_endian;
  gboolean broken = FALSE;
  gsize frame_size;

  /* Nothing is committed before the header (written and synced first)
   * is whole. */
  if (len <= WAL_HEADER_SIZE)
    return FALSE;

  magic = get_be32 (data);
  page_size = get_be32 (data + 8);
  big_endian = (magic & 1) != 0;

  /* SQLite ignores a log with a bad header, frames and all. */
  if ((magic & ~1u) != WAL_MAGIC ||
      get_be32 (data + 4) != WAL_VERSION ||
      page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return TRUE;

  add_checksum (big_endian, data, 24, sum);
  if (sum[0] != get_be32 (data + 24) || sum[1] != get_be32 (data + 28))
    return TRUE;

  frame_size = FRAME_HEADER_SIZE + page_size;

  /* A frame cut short at the end is a write that never finished. */
  for (gsize off = WAL_HEADER_SIZE; off + frame_size <= len; off += frame_size)
    {
      const guchar *frame = data + off;
      gboolean this_log = memcmp (frame + 8, data + 16, 8) == 0;
      gboolean commit = get_be32 (frame + 4) != 0;

      if (!broken)
        {
          if (this_log && get_be32 (frame) != 0)
            {
              add_checksum (big_endian, frame, 8, sum);
              add_checksum (big_endian, frame + FRAME_HEADER_SIZE, page_size, sum);
              if (sum[0] == get_be32 (frame + 16) && sum[1] == get_be32 (frame + 20))
                continue;
            }

          /* Recovery stops here. Frames of an earlier generation (other
           * salts) after this point are leftovers, and fine to lose. */
          broken = TRUE;
        }

      if (this_log && commit)
        return TRUE;
    }

  return FALSE;
}

static gboolean
wal_file_loses_commits (const char *wal_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (wal_path, &contents, &len, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Could not read %s: %s", wal_path, error->message);
      return FALSE;
    }

  return steady_store_wal_loses_commits ((const guchar *)contents, len);
}

/**
 * steady_store_wal_is_damaged:
 * @db_path: the database
 *
 * Returns: %TRUE when the database's write-ahead log holds committed
 *   changes that SQLite would drop on opening it
 */
gboolean
steady_store_wal_is_damaged (const char *db_path)
{
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);

  /* A second instance writing (or restarting the log) while this reads
   * could look like damage once; real damage is there both times. */
  return wal_file_loses_commits (wal_path) && wal_file_loses_commits (wal_path);
}
