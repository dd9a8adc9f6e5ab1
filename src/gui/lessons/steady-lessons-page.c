/* steady-lessons-page.c: the lesson list and the reader
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lessons-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-lesson-library.h"
#include "steady-lesson-reader.h"
#include "steady-lessons.h"
#include "steady-dialog-util.h"
#include "steady-lessons-page.h"

enum {
  FILTER_ALL,
  FILTER_COPING,
  FILTER_LIFE,
};

struct _SteadyLessonsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *category_dropdown;
  GtkWidget           *coping_group;
  GtkWidget           *life_group;
  GtkListBox          *coping_list;
  GtkListBox          *life_list;
  GtkWidget           *empty_page;
  SteadyLessonReader  *reader;

  /* Owned */
  SteadyStore         *store;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (SteadyLessonsPage, steady_lessons_page, ADW_TYPE_BIN)

static const char *
state_text (SteadyLessonState state)
{
  switch (state)
    {
    case STEADY_LESSON_STATE_DONE:
      return _("Done");
    case STEADY_LESSON_STATE_IN_PROGRESS:
      return _("In progress");
    case STEADY_LESSON_STATE_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static GtkWidget *
create_row (SteadyLessonsPage *self,
            SteadyLesson      *lesson)
{
  SteadyLessonState state = STEADY_LESSON_STATE_NOT_STARTED;
  guint minutes = steady_lesson_get_minutes (lesson);
  g_autofree char *duration = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *state_label;
  GtkWidget *minutes_label;
  GtkWidget *arrow;

  if (self->store != NULL)
    state = steady_lessons_get_state (self->store, steady_lesson_get_id (lesson));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steady_lesson_get_title (lesson));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steady_lesson_get_summary (lesson));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "lesson-id", g_strdup (steady_lesson_get_id (lesson)), g_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  /* The state is a word, not a colour, so it reads the same for everyone. */
  state_label = gtk_label_new (state_text (state));
  gtk_label_set_xalign (GTK_LABEL (state_label), 1);
  gtk_widget_add_css_class (state_label, "caption-heading");
  if (state == STEADY_LESSON_STATE_DONE)
    gtk_widget_add_css_class (state_label, "success");
  else if (state == STEADY_LESSON_STATE_NOT_STARTED)
    gtk_widget_add_css_class (state_label, "dim-label");

  /* Translators: a short duration, e.g. "12 min" */
  duration = g_strdup_printf (_("%u min"), minutes);
  minutes_label = gtk_label_new (duration);
  gtk_label_set_xalign (GTK_LABEL (minutes_label), 1);
  gtk_widget_add_css_class (minutes_label, "caption");
  gtk_widget_add_css_class (minutes_label, "dim-label");

  gtk_box_append (GTK_BOX (box), state_label);
  gtk_box_append (GTK_BOX (box), minutes_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  /* Translators: lesson title, its state, and how long it takes */
  a11y = g_strdup_printf (_("%s. %s. %u minutes."), steady_lesson_get_title (lesson),
                          state_text (state), minutes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y,
                                  -1);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_progress (SteadyLessonsPage *self,
                 guint              n_lessons)
{
  SteadyLessonsSummary summary = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *done = NULL;
  g_autofree char *answers = NULL;

  if (self->store != NULL)
    steady_lessons_get_summary (self->store, &summary);

  /* Translators: e.g. "3 of 18 lessons done" */
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u lesson done", "%u of %u lessons done", n_lessons),
                          summary.n_done, n_lessons);
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer written", "%u answers written", summary.n_answers),
                             summary.n_answers);
  text = g_strdup_printf ("%s · %s", done, answers);

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_lessons > 0 ? (double)MIN (summary.n_done, n_lessons) / n_lessons : 0);
}

static void
rebuild (SteadyLessonsPage *self)
{
  GListModel *library = G_LIST_MODEL (steady_lesson_library_get_default ());
  guint filter = gtk_drop_down_get_selected (self->category_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  guint n_coping = 0, n_life = 0;
  guint n = g_list_model_get_n_items (library);

  g_strstrip (needle);

  clear_list (self->coping_list);
  clear_list (self->life_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SteadyLesson) lesson = g_list_model_get_item (library, i);
      gboolean coping = steady_lesson_get_category (lesson) == STEADY_LESSON_CATEGORY_COPING;

      if ((filter == FILTER_COPING && !coping) || (filter == FILTER_LIFE && coping))
        continue;
      if (!steady_lesson_matches (lesson, needle))
        continue;

      if (coping)
        {
          gtk_list_box_append (self->coping_list, create_row (self, lesson));
          n_coping++;
        }
      else
        {
          gtk_list_box_append (self->life_list, create_row (self, lesson));
          n_life++;
        }
    }

  gtk_widget_set_visible (self->coping_group, n_coping > 0);
  gtk_widget_set_visible (self->life_group, n_life > 0);
  gtk_widget_set_visible (self->empty_page, n_coping + n_life == 0);

  update_progress (self, n);
}

static void
search_changed_cb (SteadyLessonsPage *self)
{
  rebuild (self);
}

static void
category_changed_cb (SteadyLessonsPage *self)
{
  rebuild (self);
}

static void
row_activated_cb (SteadyLessonsPage *self,
                  GtkListBoxRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lesson-id");

  steady_lessons_page_open_lesson (self, id);
}

static void
store_changed_cb (SteadyLessonsPage *self,
                  const char        *what)
{
  if (g_strcmp0 (what, "lessons") == 0 || g_strcmp0 (what, "all") == 0)
    rebuild (self);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  steady_lessons_page_show_list (STEADY_LESSONS_PAGE (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  steady_lessons_page_open_lesson (STEADY_LESSONS_PAGE (widget),
                                   g_variant_get_string (parameter, NULL));
}

static void
steady_lessons_page_dispose (GObject *object)
{
  SteadyLessonsPage *self = (SteadyLessonsPage *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  /* AdwBin unparents its child itself; the template's pointers are not
   * references, so there is no gtk_widget_dispose_template() here. */

  G_OBJECT_CLASS (steady_lessons_page_parent_class)->dispose (object);
}

static void
steady_lessons_page_finalize (GObject *object)
{
  SteadyLessonsPage *self = (SteadyLessonsPage *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steady_lessons_page_parent_class)->finalize (object);
}

static void
steady_lessons_page_class_init (SteadyLessonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_lessons_page_dispose;
  object_class->finalize = steady_lessons_page_finalize;

  g_type_ensure (STEADY_TYPE_LESSON_READER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/lessons/steady-lessons-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, coping_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, life_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, coping_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, life_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonsPage, reader);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "lessons.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "lessons.open", "s", open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lessons.show-list", NULL);
}

static void
steady_lessons_page_init (SteadyLessonsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  steady_drop_down_set_label (self->category_dropdown, _("Show lessons of"));

  rebuild (self);
}

/**
 * steady_lessons_page_set_store:
 * @self: a #SteadyLessonsPage
 * @store: (nullable): where progress and answers are kept
 */
void
steady_lessons_page_set_store (SteadyLessonsPage *self,
                               SteadyStore       *store)
{
  g_return_if_fail (STEADY_IS_LESSONS_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  g_set_object (&self->store, store);
  steady_lesson_reader_set_store (self->reader, store);

  if (store != NULL)
    self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                self, G_CONNECT_SWAPPED);

  rebuild (self);
}

/**
 * steady_lessons_page_open_lesson:
 *
 * Returns: %TRUE if a lesson with @lesson_id exists and is shown
 */
gboolean
steady_lessons_page_open_lesson (SteadyLessonsPage *self,
                                 const char        *lesson_id)
{
  SteadyLesson *lesson;

  g_return_val_if_fail (STEADY_IS_LESSONS_PAGE (self), FALSE);

  lesson = steady_lesson_library_lookup (steady_lesson_library_get_default (), lesson_id);
  if (lesson == NULL)
    return FALSE;

  steady_lesson_reader_set_lesson (self->reader, lesson);
  gtk_stack_set_visible_child_name (self->stack, "reader");

  return TRUE;
}

void
steady_lessons_page_show_list (SteadyLessonsPage *self)
{
  g_return_if_fail (STEADY_IS_LESSONS_PAGE (self));

  steady_lesson_reader_flush (self->reader);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * steady_lessons_page_get_reader:
 *
 * Returns: (transfer none): the #SteadyLessonReader
 */
GtkWidget *
steady_lessons_page_get_reader (SteadyLessonsPage *self)
{
  g_return_val_if_fail (STEADY_IS_LESSONS_PAGE (self), NULL);

  return GTK_WIDGET (self->reader);
}

/**
 * steady_lessons_page_get_view:
 *
 * Returns: "list" or "reader"
 */
const char *
steady_lessons_page_get_view (SteadyLessonsPage *self)
{
  g_return_val_if_fail (STEADY_IS_LESSONS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
steady_lessons_page_focus_search (SteadyLessonsPage *self)
{
  g_return_if_fail (STEADY_IS_LESSONS_PAGE (self));

  steady_lessons_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
