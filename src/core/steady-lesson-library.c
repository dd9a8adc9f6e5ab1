/* steady-lesson-library.c: every shipped lesson, as a GListModel
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lesson"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "steady-lesson-library.h"
#include "steady-lessons-resources.h"

struct _SteadyLessonLibrary
{
  GObject    parent_instance;

  /* Owned */
  GPtrArray *lessons;
  GPtrArray *skills;
  GPtrArray *errors;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SteadyLessonLibrary, steady_lesson_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef GBytes *(*LoadFunc) (gpointer     source,
                             const char  *name,
                             GError     **error);

static GType
get_item_type (GListModel *model)
{
  return STEADY_TYPE_LESSON;
}

static guint
get_n_items (GListModel *model)
{
  return STEADY_LESSON_LIBRARY (model)->lessons->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  SteadyLessonLibrary *self = STEADY_LESSON_LIBRARY (model);

  if (position >= self->lessons->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->lessons, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
add_error (SteadyLessonLibrary *self,
           const GError        *error)
{
  /* A bad lesson is left out, never fatal: the rest still load. */
  g_message ("Lesson left out: %s", error->message);
  g_ptr_array_add (self->errors, g_strdup (error->message));
}

static gboolean
check_skills (SteadyLessonLibrary  *self,
              SteadyLesson         *lesson,
              const char           *filename,
              GError              **error)
{
  const char * const *skills = steady_lesson_get_skills (lesson);

  for (guint i = 0; skills[i] != NULL; i++)
    {
      if (steady_lesson_library_lookup_skill (self, skills[i]) == NULL)
        {
          g_set_error (error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                       _("%s: it teaches “%s”, which is not in skills.xml"), filename, skills[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
load (SteadyLessonLibrary *self,
      LoadFunc             load_func,
      gpointer             source,
      const char          *domain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) list = NULL;
  g_autoptr(GBytes) skills = NULL;
  g_auto(GStrv) lines = NULL;

  skills = load_func (source, "skills.xml", &error);
  if (skills != NULL)
    self->skills = steady_skills_parse (g_bytes_get_data (skills, NULL), g_bytes_get_size (skills),
                                        "skills.xml", domain, &error);
  if (self->skills == NULL)
    {
      add_error (self, error);
      g_clear_error (&error);
      self->skills = g_ptr_array_new_with_free_func ((GDestroyNotify)steady_skill_info_free);
    }

  list = load_func (source, "lessons.list", &error);
  if (list == NULL)
    {
      add_error (self, error);
      return;
    }

  lines = g_strsplit (g_bytes_get_data (list, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *id = g_strstrip (g_strdup (lines[i]));
      g_autofree char *filename = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SteadyLesson) lesson = NULL;

      if (*id == '\0' || *id == '#')
        continue;

      filename = g_strconcat (id, ".lesson.xml", NULL);
      bytes = load_func (source, filename, &error);
      if (bytes != NULL)
        lesson = steady_lesson_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      filename, domain, &error);

      if (lesson != NULL && g_strcmp0 (steady_lesson_get_id (lesson), id) != 0)
        {
          g_set_error (&error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                       _("%s: its id is “%s”, not the file’s name"), filename,
                       steady_lesson_get_id (lesson));
          g_clear_object (&lesson);
        }

      if (lesson != NULL && steady_lesson_library_lookup (self, id) != NULL)
        {
          g_set_error (&error, STEADY_LESSON_ERROR, STEADY_LESSON_ERROR_INVALID,
                       _("%s: the id “%s” is used twice"), filename, id);
          g_clear_object (&lesson);
        }

      if (lesson != NULL && !check_skills (self, lesson, filename, &error))
        g_clear_object (&lesson);

      if (lesson == NULL)
        {
          add_error (self, error);
          g_clear_error (&error);
          continue;
        }

      g_ptr_array_add (self->lessons, g_steal_pointer (&lesson));
    }
}

static GBytes *
load_from_resource (gpointer     source,
                    const char  *name,
                    GError     **error)
{
  const char * const *parts = source;
  g_autofree char *path = g_build_path ("/", parts[1], name, NULL);

  return g_resource_lookup_data ((GResource *)parts[0], path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
load_from_directory (gpointer     source,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (source, name, NULL);
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;

  return g_bytes_new_take (contents, len);
}

static void
steady_lesson_library_finalize (GObject *object)
{
  SteadyLessonLibrary *self = (SteadyLessonLibrary *)object;

  g_clear_pointer (&self->lessons, g_ptr_array_unref);
  g_clear_pointer (&self->skills, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (steady_lesson_library_parent_class)->finalize (object);
}

static void
steady_lesson_library_class_init (SteadyLessonLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steady_lesson_library_finalize;
}

static void
steady_lesson_library_init (SteadyLessonLibrary *self)
{
  self->lessons = g_ptr_array_new_with_free_func (g_object_unref);
  self->errors = g_ptr_array_new_with_free_func (g_free);
}

/**
 * steady_lesson_library_new_from_resource:
 * @resource: the resource holding the lessons
 * @path: the folder in it, e.g. "/io/github/steadyapp/Steady/lessons"
 * @domain: (nullable): the gettext domain for translated lessons
 *
 * Returns: (transfer full): the library; lessons that failed to load are
 *   left out and listed by steady_lesson_library_get_errors()
 */
SteadyLessonLibrary *
steady_lesson_library_new_from_resource (GResource  *resource,
                                         const char *path,
                                         const char *domain)
{
  SteadyLessonLibrary *self = g_object_new (STEADY_TYPE_LESSON_LIBRARY, NULL);
  const char *source[] = { (const char *)resource, path };

  g_return_val_if_fail (resource != NULL, NULL);

  load (self, load_from_resource, source, domain);

  return self;
}

/**
 * steady_lesson_library_new_from_directory:
 * @directory: a folder with lessons.list, skills.xml and the lessons
 * @domain: (nullable): the gettext domain for translated lessons
 *
 * Returns: (transfer full): the library
 */
SteadyLessonLibrary *
steady_lesson_library_new_from_directory (const char *directory,
                                          const char *domain)
{
  SteadyLessonLibrary *self = g_object_new (STEADY_TYPE_LESSON_LIBRARY, NULL);

  g_return_val_if_fail (directory != NULL, NULL);

  load (self, load_from_directory, (gpointer)directory, domain);

  return self;
}

/**
 * steady_lesson_library_get_default:
 *
 * Returns: (transfer none): the shipped lessons, translated into the
 *   person's language where a translation exists; loaded once
 */
SteadyLessonLibrary *
steady_lesson_library_get_default (void)
{
  static gsize library = 0;

  if (g_once_init_enter (&library))
    {
      SteadyLessonLibrary *loaded =
        steady_lesson_library_new_from_resource (steady_lessons_get_resource (),
                                                 "/io/github/steadyapp/Steady/lessons",
                                                 GETTEXT_PACKAGE);

      g_once_init_leave (&library, (gsize)loaded);
    }

  return (SteadyLessonLibrary *)library;
}

/**
 * steady_lesson_library_get_errors:
 *
 * Returns: (transfer none) (element-type utf8): why lessons were left out
 */
GPtrArray *
steady_lesson_library_get_errors (SteadyLessonLibrary *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (self), NULL);

  return self->errors;
}

/**
 * steady_lesson_library_lookup:
 *
 * Returns: (transfer none) (nullable): the lesson with @lesson_id
 */
SteadyLesson *
steady_lesson_library_lookup (SteadyLessonLibrary *self,
                              const char          *lesson_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (self), NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      SteadyLesson *lesson = g_ptr_array_index (self->lessons, i);

      if (g_strcmp0 (steady_lesson_get_id (lesson), lesson_id) == 0)
        return lesson;
    }

  return NULL;
}

/**
 * steady_lesson_library_get_skills:
 *
 * Returns: (transfer none) (element-type SteadySkillInfo): every skill
 */
GPtrArray *
steady_lesson_library_get_skills (SteadyLessonLibrary *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (self), NULL);

  return self->skills;
}

const SteadySkillInfo *
steady_lesson_library_lookup_skill (SteadyLessonLibrary *self,
                                    const char          *skill_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (self), NULL);

  for (guint i = 0; i < self->skills->len; i++)
    {
      const SteadySkillInfo *info = g_ptr_array_index (self->skills, i);

      if (g_strcmp0 (info->id, skill_id) == 0)
        return info;
    }

  return NULL;
}

/**
 * steady_lesson_library_find_teacher:
 *
 * Returns: (transfer none) (nullable): the first lesson that teaches
 *   @skill_id
 */
SteadyLesson *
steady_lesson_library_find_teacher (SteadyLessonLibrary *self,
                                    const char          *skill_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON_LIBRARY (self), NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      SteadyLesson *lesson = g_ptr_array_index (self->lessons, i);

      if (steady_lesson_teaches (lesson, skill_id))
        return lesson;
    }

  return NULL;
}
