/* steady-lesson-reader.c: one lesson, and the person's practice answers
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-lesson-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-lesson-library.h"
#include "steady-lesson-reader.h"
#include "steady-lessons.h"

/* Long enough not to write on every key, short enough that a crash loses
 * at most a word or two. */
#define AUTOSAVE_DELAY_MS 600

struct _SteadyLessonReader
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkLabel          *summary_label;
  GtkBox            *body_box;
  GtkLabel          *skills_label;
  GtkLabel          *save_status_label;
  GtkBox            *prompts_box;
  GtkToggleButton   *done_button;
  GtkToggleButton   *later_button;

  /* Owned */
  SteadyStore       *store;
  SteadyLesson      *lesson;
  GHashTable        *views;      /* prompt id → GtkTextView (borrowed) */
  GHashTable        *dirty;      /* prompt ids with unsaved text */
  GCancellable      *cancellable;
  guint              autosave_id;
  guint              in_flight;
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (SteadyLessonReader, steady_lesson_reader, ADW_TYPE_BIN)

static void
clear_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
text_label_with_role (const char        *text,
                      const char        *css_class,
                      GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", role,
                                   NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  return text_label_with_role (text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
build_body (SteadyLessonReader *self)
{
  GtkWidget *list = NULL;

  clear_children (self->body_box);

  for (guint i = 0; i < steady_lesson_get_n_blocks (self->lesson); i++)
    {
      const SteadyLessonBlock *block = steady_lesson_get_block (self->lesson, i);

      if (block->kind != STEADY_LESSON_BLOCK_ITEM)
        list = NULL;

      switch (block->kind)
        {
        case STEADY_LESSON_BLOCK_HEADING:
          {
            GtkWidget *heading = text_label_with_role (block->text, "title-3",
                                                       GTK_ACCESSIBLE_ROLE_HEADING);

            gtk_widget_set_margin_top (heading, 12);
            gtk_box_append (self->body_box, heading);
          }
          break;

        case STEADY_LESSON_BLOCK_PARAGRAPH:
          gtk_box_append (self->body_box, text_label (block->text, "lesson-text"));
          break;

        case STEADY_LESSON_BLOCK_ITEM:
          {
            GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
            GtkWidget *bullet = gtk_label_new ("•");

            if (list == NULL)
              {
                list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
                gtk_widget_set_margin_start (list, 12);
                gtk_box_append (self->body_box, list);
              }

            gtk_widget_set_valign (bullet, GTK_ALIGN_START);
            gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
            gtk_box_append (GTK_BOX (row), bullet);
            gtk_box_append (GTK_BOX (row), text_label (block->text, "lesson-text"));
            gtk_box_append (GTK_BOX (list), row);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
build_skills (SteadyLessonReader *self)
{
  SteadyLessonLibrary *library = steady_lesson_library_get_default ();
  const char * const *skills = steady_lesson_get_skills (self->lesson);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; skills[i] != NULL; i++)
    {
      const SteadySkillInfo *info = steady_lesson_library_lookup_skill (library, skills[i]);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, info != NULL ? info->name : skills[i]);
    }

  if (names->len > 0)
    /* Translators: %s is a list of skill names */
    text = g_strdup_printf (_("Skills in this lesson, which you can log in the journal: %s"), names->str);

  gtk_label_set_label (self->skills_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->skills_label), text != NULL);
}

static void
set_status (SteadyLessonReader *self,
            const char         *status)
{
  gtk_label_set_label (self->save_status_label, status);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyLessonReader) self = user_data;
  g_autoptr(GError) error = NULL;

  self->in_flight--;

  if (!steady_lessons_write_finish (STEADY_STORE (object), result, &error))
    {
      g_autofree char *status = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The text stays in the box; the next change tries again. */
      g_message ("Could not save an answer: %s", error->message);
      /* Translators: %s says why */
      status = g_strdup_printf (_("Your answer could not be saved yet: %s It is still here, and Steady will try again as you type."),
                                error->message);
      set_status (self, status);
      return;
    }

  if (self->in_flight == 0 && g_hash_table_size (self->dirty) == 0)
    set_status (self, _("All your answers are saved. Only you can see them."));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * steady_lesson_reader_flush:
 * @self: a #SteadyLessonReader
 *
 * Queues every unsaved answer now. The store's worker writes them in
 * order, and closing the store waits for them, so nothing typed is lost
 * when the window closes.
 */
void
steady_lesson_reader_flush (SteadyLessonReader *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (STEADY_IS_LESSON_READER (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (self->store == NULL || self->lesson == NULL)
    return;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      GtkTextView *view = g_hash_table_lookup (self->views, key);
      g_autofree char *text = NULL;

      if (view == NULL)
        continue;

      text = view_text (view);
      self->in_flight++;
      /* No cancellable: a save that was started must finish. */
      steady_lessons_save_answer_async (self->store, steady_lesson_get_id (self->lesson),
                                        key, text, NULL, save_done_cb, g_object_ref (self));
      g_hash_table_iter_remove (&iter);
    }
}

static gboolean
autosave_cb (gpointer data)
{
  SteadyLessonReader *self = data;

  self->autosave_id = 0;
  steady_lesson_reader_flush (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer      *buffer,
                   SteadyLessonReader *self)
{
  const char *prompt_id = g_object_get_data (G_OBJECT (buffer), "prompt-id");

  if (self->loading)
    return;

  g_hash_table_add (self->dirty, g_strdup (prompt_id));
  set_status (self, _("Saving…"));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_cb, self);
}

static void
build_prompts (SteadyLessonReader *self)
{
  clear_children (self->prompts_box);
  g_hash_table_remove_all (self->views);

  for (guint i = 0; i < steady_lesson_get_n_prompts (self->lesson); i++)
    {
      const SteadyLessonPrompt *prompt = steady_lesson_get_prompt (self->lesson, i);
      g_autofree char *answer = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = text_label (prompt->text, "heading");
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_widget_set_size_request (view, -1, 96);
      gtk_widget_add_css_class (view, "lesson-answer");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, prompt->text,
                                      -1);

      if (self->store != NULL)
        answer = steady_lessons_get_answer (self->store, steady_lesson_get_id (self->lesson), prompt->id);
      if (answer != NULL)
        gtk_text_buffer_set_text (buffer, answer, -1);

      g_object_set_data_full (G_OBJECT (buffer), "prompt-id", g_strdup (prompt->id), g_free);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);

      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), frame);
      gtk_box_append (self->prompts_box, box);

      g_hash_table_insert (self->views, g_strdup (prompt->id), view);
    }
}

static void
sync_buttons (SteadyLessonReader *self)
{
  const char *id = steady_lesson_get_id (self->lesson);
  gboolean done = FALSE;
  gboolean later = FALSE;

  if (self->store != NULL)
    {
      done = steady_lessons_get_state (self->store, id) == STEADY_LESSON_STATE_DONE;
      later = steady_lessons_get_practise_later (self->store, id);
    }

  self->loading = TRUE;
  gtk_toggle_button_set_active (self->done_button, done);
  gtk_toggle_button_set_active (self->later_button, later);
  gtk_button_set_label (GTK_BUTTON (self->done_button), done ? _("_Done") : _("Mark as _Done"));
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->done_button), self->store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->later_button), self->store != NULL);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SteadyLessonReader) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_lessons_write_finish (STEADY_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_status (self, error->message);
    }

  if (self->lesson != NULL)
    sync_buttons (self);
}

static void
done_toggled_cb (SteadyLessonReader *self)
{
  gboolean done = gtk_toggle_button_get_active (self->done_button);

  if (self->loading || self->store == NULL || self->lesson == NULL)
    return;

  gtk_button_set_label (GTK_BUTTON (self->done_button), done ? _("_Done") : _("Mark as _Done"));
  steady_lessons_set_done_async (self->store, steady_lesson_get_id (self->lesson), done,
                                 NULL, write_done_cb, g_object_ref (self));
}

static void
later_toggled_cb (SteadyLessonReader *self)
{
  if (self->loading || self->store == NULL || self->lesson == NULL)
    return;

  steady_lessons_set_practise_later_async (self->store, steady_lesson_get_id (self->lesson),
                                           gtk_toggle_button_get_active (self->later_button),
                                           NULL, write_done_cb, g_object_ref (self));
}

static void
steady_lesson_reader_unmap (GtkWidget *widget)
{
  steady_lesson_reader_flush (STEADY_LESSON_READER (widget));

  GTK_WIDGET_CLASS (steady_lesson_reader_parent_class)->unmap (widget);
}

static void
steady_lesson_reader_dispose (GObject *object)
{
  SteadyLessonReader *self = (SteadyLessonReader *)object;

  /* Whatever was typed last is queued before the widgets go. */
  steady_lesson_reader_flush (self);
  g_cancellable_cancel (self->cancellable);

  /* AdwBin unparents its child itself; the template's pointers are not
   * references, so there is no gtk_widget_dispose_template() here. */

  G_OBJECT_CLASS (steady_lesson_reader_parent_class)->dispose (object);
}

static void
steady_lesson_reader_finalize (GObject *object)
{
  SteadyLessonReader *self = (SteadyLessonReader *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->lesson);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->views, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);

  G_OBJECT_CLASS (steady_lesson_reader_parent_class)->finalize (object);
}

static void
steady_lesson_reader_class_init (SteadyLessonReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_lesson_reader_dispose;
  object_class->finalize = steady_lesson_reader_finalize;

  widget_class->unmap = steady_lesson_reader_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/lessons/steady-lesson-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, body_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, skills_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, save_status_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, prompts_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, done_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyLessonReader, later_button);
  gtk_widget_class_bind_template_callback (widget_class, done_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, later_toggled_cb);
}

static void
steady_lesson_reader_init (SteadyLessonReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

void
steady_lesson_reader_set_store (SteadyLessonReader *self,
                                SteadyStore        *store)
{
  g_return_if_fail (STEADY_IS_LESSON_READER (self));

  steady_lesson_reader_flush (self);
  g_set_object (&self->store, store);
}

/**
 * steady_lesson_reader_set_lesson:
 * @self: a #SteadyLessonReader
 * @lesson: the lesson to show
 *
 * Saves what was typed in the lesson shown before, then shows @lesson
 * with the person's answers.
 */
void
steady_lesson_reader_set_lesson (SteadyLessonReader *self,
                                 SteadyLesson       *lesson)
{
  g_autofree char *meta = NULL;
  g_autofree char *duration = NULL;
  guint minutes;

  g_return_if_fail (STEADY_IS_LESSON_READER (self));
  g_return_if_fail (STEADY_IS_LESSON (lesson));

  steady_lesson_reader_flush (self);
  g_set_object (&self->lesson, lesson);

  minutes = steady_lesson_get_minutes (lesson);
  /* Translators: how long a lesson takes */
  duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute", "About %u minutes", minutes),
                              minutes);
  meta = g_strdup_printf ("%s · %s",
                          steady_lesson_get_category (lesson) == STEADY_LESSON_CATEGORY_COPING
                            ? _("Coping skill") : _("Life skill"),
                          duration);

  self->loading = TRUE;
  gtk_label_set_label (self->title_label, steady_lesson_get_title (lesson));
  gtk_label_set_label (self->meta_label, meta);
  gtk_label_set_label (self->summary_label, steady_lesson_get_summary (lesson));
  build_body (self);
  build_skills (self);
  build_prompts (self);
  set_status (self, _("Your answers are saved as you type. Only you can see them."));
  self->loading = FALSE;

  sync_buttons (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * steady_lesson_reader_get_lesson:
 *
 * Returns: (transfer none) (nullable): the lesson shown
 */
SteadyLesson *
steady_lesson_reader_get_lesson (SteadyLessonReader *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON_READER (self), NULL);

  return self->lesson;
}

/**
 * steady_lesson_reader_get_answer_view:
 *
 * Returns: (transfer none) (nullable): the text view for @prompt_id
 */
GtkTextView *
steady_lesson_reader_get_answer_view (SteadyLessonReader *self,
                                      const char         *prompt_id)
{
  g_return_val_if_fail (STEADY_IS_LESSON_READER (self), NULL);

  return g_hash_table_lookup (self->views, prompt_id);
}

/**
 * steady_lesson_reader_get_done_button:
 *
 * Returns: (transfer none): the "Mark as Done" toggle
 */
GtkToggleButton *
steady_lesson_reader_get_done_button (SteadyLessonReader *self)
{
  g_return_val_if_fail (STEADY_IS_LESSON_READER (self), NULL);

  return self->done_button;
}
