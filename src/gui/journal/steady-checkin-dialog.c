/* steady-checkin-dialog.c: write or change one check-in
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-checkin-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steady-checkin-dialog.h"
#include "steady-chip-group.h"
#include "steady-dialog-util.h"
#include "steady-journal.h"
#include "steady-lesson-library.h"
#include "steady-rating-bar.h"

struct _SteadyCheckinDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *save_button;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  AdwActionRow       *when_row;
  GtkCalendar        *calendar;
  GtkSpinButton      *hour_spin;
  GtkSpinButton      *minute_spin;
  AdwPreferencesGroup *mood_group;
  AdwPreferencesGroup *craving_group;
  GtkRevealer        *strong_craving_revealer;
  AdwPreferencesGroup *emotions_group;
  AdwPreferencesGroup *triggers_group;
  GtkListBox         *skills_list;
  GtkSpinButton      *sleep_spin;
  AdwComboRow        *use_row;
  GtkRevealer        *lapse_revealer;
  AdwEntryRow        *lapse_what_row;
  AdwEntryRow        *lapse_note_row;
  GtkTextView        *notes_view;

  /* Built in code */
  SteadyRatingBar    *mood_bar;
  SteadyRatingBar    *craving_bar;
  SteadyChipGroup    *emotions;
  SteadyChipGroup    *halt;
  SteadyChipGroup    *triggers;
  GHashTable         *skill_rows;   /* skill id → GtkWidget row (borrowed) */

  /* Owned */
  SteadyStore        *store;
  SteadyJournalEntry *original;
  SteadyJournalEntry *saved;
  GCancellable       *cancellable;
  gboolean            saving;
  gboolean            syncing_when;
};

G_DEFINE_FINAL_TYPE (SteadyCheckinDialog, steady_checkin_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ENTRY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const SteadyJournalChoiceKind trigger_kinds[] = {
  STEADY_JOURNAL_CHOICE_PEOPLE,
  STEADY_JOURNAL_CHOICE_PLACES,
  STEADY_JOURNAL_CHOICE_THINGS,
  STEADY_JOURNAL_CHOICE_FEELINGS,
};

static GDateTime *
read_when (SteadyCheckinDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_local (g_date_time_get_year (day),
                                g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour_spin),
                                gtk_spin_button_get_value_as_int (self->minute_spin),
                                0);
}

static void
show_when (SteadyCheckinDialog *self)
{
  g_autoptr(GDateTime) when = read_when (self);
  /* Translators: date and time of a check-in, see g_date_time_format() */
  g_autofree char *text = g_date_time_format (when, _("%A, %B %-d, %Y at %H:%M"));

  adw_action_row_set_subtitle (self->when_row, text);
  adw_window_title_set_subtitle (self->window_title, text);
}

static void
set_when (SteadyCheckinDialog *self,
          GDateTime           *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  self->syncing_when = TRUE;
  gtk_calendar_select_day (self->calendar, local);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (local));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (local));
  self->syncing_when = FALSE;

  show_when (self);
}

static void
when_changed_cb (SteadyCheckinDialog *self)
{
  if (!self->syncing_when)
    show_when (self);
}

static gboolean
sleep_output_cb (SteadyCheckinDialog *self,
                 GtkSpinButton       *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  if (value < 0)
    text = g_strdup (_("Not set"));
  else
    text = g_strdup_printf ("%.1f", value);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
use_changed_cb (SteadyCheckinDialog *self)
{
  gtk_revealer_set_reveal_child (self->lapse_revealer,
                                 adw_combo_row_get_selected (self->use_row) == STEADY_SUBSTANCE_USE_LAPSE);
}

static void
craving_changed_cb (SteadyCheckinDialog *self)
{
  gtk_revealer_set_reveal_child (self->strong_craving_revealer,
                                 steady_rating_bar_get_value (self->craving_bar) >= STEADY_JOURNAL_HIGH_CRAVING);
}

static const char *
skill_name (SteadyJournalChoice *choice)
{
  const SteadySkillInfo *info =
    steady_lesson_library_lookup_skill (steady_lesson_library_get_default (),
                                        steady_journal_choice_get_key (choice));

  /* The lesson library has the name in the person's language. */
  return info != NULL && info->name != NULL ? info->name : steady_journal_choice_get_label (choice);
}

static gboolean
helped_output_cb (GtkSpinButton *spin,
                  gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value < 0 ? g_strdup ("–") : g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
skill_check_toggled_cb (GtkCheckButton *check,
                        GtkWidget      *spin)
{
  gtk_widget_set_sensitive (spin, gtk_check_button_get_active (check));
}

static GtkWidget *
create_skill_row (SteadyCheckinDialog *self,
                  const char          *id,
                  const char          *name)
{
  SteadyLesson *lesson = steady_lesson_library_find_teacher (steady_lesson_library_get_default (), id);
  g_autofree char *helped_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-1, 10, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  /* -1 shows as "–": used, but not rated. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), -1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (spin, FALSE);
  /* Translators: %s is a skill's name */
  helped_label = g_strdup_printf (_("How much %s helped, 0 to 10"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, helped_label,
                                  -1);
  gtk_widget_set_tooltip_text (spin, _("How much it helped, 0 to 10"));
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  g_signal_connect (spin, "output", G_CALLBACK (helped_output_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  g_signal_connect (check, "toggled", G_CALLBACK (skill_check_toggled_cb), spin);

  if (lesson != NULL)
    {
      GtkWidget *link = gtk_button_new_from_icon_name ("steady-lessons-symbolic");
      g_autofree char *tip = NULL;

      /* Translators: %s is a lesson's title */
      tip = g_strdup_printf (_("Open the lesson “%s”"), steady_lesson_get_title (lesson));
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_set_tooltip_text (link, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (link), "app.open-lesson");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (link), "s", steady_lesson_get_id (lesson));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
    }

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "spin", spin);
  g_hash_table_insert (self->skill_rows, g_strdup (id), row);
  gtk_list_box_append (self->skills_list, row);

  return row;
}

static void
fill_chips (SteadyCheckinDialog     *self,
            SteadyChipGroup         *group,
            SteadyJournalChoiceKind  kind)
{
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  choices = steady_journal_list_choices (self->store, kind, &error);
  if (choices == NULL)
    {
      g_message ("Could not list choices: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (choices, i);

      steady_chip_group_add (group, steady_journal_choice_get_key (choice),
                             steady_journal_choice_get_label (choice));
    }
}

static void
add_own_activated_cb (GtkEntry            *entry,
                      SteadyCheckinDialog *self)
{
  SteadyChipGroup *group = g_object_get_data (G_OBJECT (entry), "group");
  SteadyJournalChoiceKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (entry), "kind"));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    return;

  /* Chosen for this check-in at once, and kept in the person's own list
   * for next time (written on the worker, like every write). */
  steady_chip_group_add (group, text, text);
  steady_chip_group_select (group, text, TRUE);
  if (self->store != NULL)
    steady_journal_add_custom_async (self->store, kind, text, NULL, NULL, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static GtkWidget *
add_own_entry (SteadyCheckinDialog     *self,
               SteadyChipGroup         *group,
               SteadyJournalChoiceKind  kind,
               const char              *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_max_length (GTK_ENTRY (entry), STEADY_JOURNAL_MAX_LABEL_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  g_object_set_data (G_OBJECT (entry), "group", group);
  g_object_set_data (G_OBJECT (entry), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (entry, "activate", G_CALLBACK (add_own_activated_cb), self);

  return entry;
}

static GtkWidget *
small_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_margin_top (label, 6);

  return label;
}

static void
build_choices (SteadyCheckinDialog *self)
{
  GtkWidget *box;

  /* Mood and craving */
  self->mood_bar = STEADY_RATING_BAR (steady_rating_bar_new (1, 10, _("Mood"), _("Very low"), _("Very good")));
  adw_preferences_group_add (self->mood_group, GTK_WIDGET (self->mood_bar));
  self->craving_bar = STEADY_RATING_BAR (steady_rating_bar_new (0, 10, _("Craving"), _("None"), _("Very strong")));
  adw_preferences_group_add (self->craving_group, GTK_WIDGET (self->craving_bar));
  g_signal_connect_swapped (self->craving_bar, "notify::value", G_CALLBACK (craving_changed_cb), self);

  /* Emotions */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->emotions = STEADY_CHIP_GROUP (steady_chip_group_new (_("Emotions")));
  fill_chips (self, self->emotions, STEADY_JOURNAL_CHOICE_EMOTION);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->emotions));
  gtk_box_append (GTK_BOX (box), add_own_entry (self, self->emotions, STEADY_JOURNAL_CHOICE_EMOTION,
                                                _("Another feeling, then Enter")));
  adw_preferences_group_add (self->emotions_group, box);

  /* Triggers: HALT first, it is the quickest check */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), small_heading (_("HALT")));
  self->halt = STEADY_CHIP_GROUP (steady_chip_group_new (_("Hungry, angry, lonely or tired")));
  fill_chips (self, self->halt, STEADY_JOURNAL_CHOICE_HALT);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->halt));
  gtk_box_append (GTK_BOX (box), small_heading (_("People, places, things and feelings")));
  self->triggers = STEADY_CHIP_GROUP (steady_chip_group_new (_("Triggers")));
  for (guint i = 0; i < G_N_ELEMENTS (trigger_kinds); i++)
    fill_chips (self, self->triggers, trigger_kinds[i]);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->triggers));
  gtk_box_append (GTK_BOX (box), add_own_entry (self, self->triggers, STEADY_JOURNAL_CHOICE_FEELINGS,
                                                _("Another trigger, then Enter")));
  adw_preferences_group_add (self->triggers_group, box);

  /* Skills */
  if (self->store != NULL)
    {
      g_autoptr(GListModel) skills = steady_journal_list_choices (self->store, STEADY_JOURNAL_CHOICE_SKILL, NULL);

      for (guint i = 0; skills != NULL && i < g_list_model_get_n_items (skills); i++)
        {
          g_autoptr(SteadyJournalChoice) choice = g_list_model_get_item (skills, i);

          create_skill_row (self, steady_journal_choice_get_key (choice), skill_name (choice));
        }
    }
}

static char *
notes_text (SteadyCheckinDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char **
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);

  return (char **)g_ptr_array_free (array, FALSE);
}

/* The editor works on a copy; this reads the widgets into a new one. */
static SteadyJournalEntry *
read_entry (SteadyCheckinDialog *self)
{
  SteadyJournalEntry *entry = steady_journal_entry_copy (self->original);
  g_autoptr(GDateTime) when = read_when (self);
  g_autofree char *notes = notes_text (self);
  g_auto(GStrv) emotions = NULL;
  g_auto(GStrv) triggers = NULL;
  GPtrArray *keys;
  GHashTableIter iter;
  gpointer key, value;
  double sleep = gtk_spin_button_get_value (self->sleep_spin);
  SteadySubstanceUse use = adw_combo_row_get_selected (self->use_row);

  /* Keep the exact stored instant unless the person changed the time:
   * the editor only shows minutes. */
  {
    g_autoptr(GDateTime) old_local = g_date_time_to_local (steady_journal_entry_get_at (self->original));

    if (g_date_time_get_year (old_local) != g_date_time_get_year (when) ||
        g_date_time_get_day_of_year (old_local) != g_date_time_get_day_of_year (when) ||
        g_date_time_get_hour (old_local) != g_date_time_get_hour (when) ||
        g_date_time_get_minute (old_local) != g_date_time_get_minute (when))
      steady_journal_entry_set_at (entry, when);
  }

  steady_journal_entry_set_mood (entry, steady_rating_bar_get_value (self->mood_bar));
  steady_journal_entry_set_craving (entry, steady_rating_bar_get_value (self->craving_bar));

  keys = g_ptr_array_new ();
  steady_chip_group_add_selected (self->emotions, keys);
  emotions = steal_strv (keys);
  steady_journal_entry_set_emotions (entry, (const char * const *)emotions);

  keys = g_ptr_array_new ();
  steady_chip_group_add_selected (self->halt, keys);
  steady_chip_group_add_selected (self->triggers, keys);
  triggers = steal_strv (keys);
  steady_journal_entry_set_triggers (entry, (const char * const *)triggers);

  g_hash_table_iter_init (&iter, self->skill_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkCheckButton *check = g_object_get_data (value, "check");
      GtkSpinButton *spin = g_object_get_data (value, "spin");

      if (gtk_check_button_get_active (check))
        steady_journal_entry_set_skill (entry, key, gtk_spin_button_get_value_as_int (spin));
      else
        steady_journal_entry_remove_skill (entry, key);
    }

  steady_journal_entry_set_sleep_hours (entry, sleep < 0 ? STEADY_JOURNAL_UNSET_HOURS : sleep);
  steady_journal_entry_set_substance_use (entry, use);
  if (use == STEADY_SUBSTANCE_USE_LAPSE)
    {
      steady_journal_entry_set_lapse_what (entry, gtk_editable_get_text (GTK_EDITABLE (self->lapse_what_row)));
      steady_journal_entry_set_lapse_note (entry, gtk_editable_get_text (GTK_EDITABLE (self->lapse_note_row)));
    }
  else
    {
      steady_journal_entry_set_lapse_what (entry, NULL);
      steady_journal_entry_set_lapse_note (entry, NULL);
    }
  steady_journal_entry_set_notes (entry, *notes != '\0' ? notes : NULL);

  return entry;
}

static void
load_entry (SteadyCheckinDialog *self)
{
  SteadyJournalEntry *entry = self->original;
  const char * const *skills = steady_journal_entry_get_skills (entry);
  const char * const *triggers = steady_journal_entry_get_triggers (entry);
  g_autoptr(GPtrArray) halt = g_ptr_array_new ();
  g_autoptr(GPtrArray) other = g_ptr_array_new ();
  double sleep = steady_journal_entry_get_sleep_hours (entry);

  set_when (self, steady_journal_entry_get_at (entry));
  steady_rating_bar_set_value (self->mood_bar, steady_journal_entry_get_mood (entry));
  steady_rating_bar_set_value (self->craving_bar, steady_journal_entry_get_craving (entry));
  steady_chip_group_set_selected (self->emotions, steady_journal_entry_get_emotions (entry));

  for (guint i = 0; triggers != NULL && triggers[i] != NULL; i++)
    g_ptr_array_add (steady_journal_trigger_is_halt (triggers[i]) ? halt : other, (gpointer)triggers[i]);
  g_ptr_array_add (halt, NULL);
  g_ptr_array_add (other, NULL);
  steady_chip_group_set_selected (self->halt, (const char * const *)halt->pdata);
  steady_chip_group_set_selected (self->triggers, (const char * const *)other->pdata);

  for (guint i = 0; skills != NULL && skills[i] != NULL; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->skill_rows, skills[i]);

      /* A skill no longer offered still shows on the entry that used it. */
      if (row == NULL)
        {
          g_autofree char *name = self->store ? steady_journal_dup_skill_name (self->store, skills[i]) : NULL;

          row = create_skill_row (self, skills[i], name != NULL ? name : skills[i]);
        }
      gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "check"), TRUE);
      gtk_spin_button_set_value (g_object_get_data (G_OBJECT (row), "spin"),
                                 steady_journal_entry_get_skill_helped (entry, skills[i]));
    }

  gtk_spin_button_set_value (self->sleep_spin, sleep < 0 ? -0.5 : sleep);
  adw_combo_row_set_selected (self->use_row, steady_journal_entry_get_substance_use (entry));
  gtk_editable_set_text (GTK_EDITABLE (self->lapse_what_row),
                         steady_journal_entry_get_lapse_what (entry) ? steady_journal_entry_get_lapse_what (entry) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->lapse_note_row),
                         steady_journal_entry_get_lapse_note (entry) ? steady_journal_entry_get_lapse_note (entry) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            steady_journal_entry_get_notes (entry) ? steady_journal_entry_get_notes (entry) : "", -1);

  adw_window_title_set_title (self->window_title,
                              steady_journal_entry_get_id (entry) != 0 ? _("Edit Check-In") : _("New Check-In"));
  use_changed_cb (self);
  craving_changed_cb (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyCheckinDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_set_sensitive (self->save_button, TRUE);

  if (!steady_journal_save_finish (STEADY_STORE (object), result, &error))
    {
      g_message ("Saving a check-in failed: %s", error->message);
      g_clear_object (&self->saved);
      steady_dialog_show_error (self->error_revealer, self->error_label,
                                /* Translators: %s says why */
                                _("Your check-in was not saved: %s Everything you wrote is still here; you can try again."),
                                error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->saved);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SteadyCheckinDialog *self = STEADY_CHECKIN_DIALOG (widget);

  if (self->saving || self->store == NULL)
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_object (&self->saved);
  self->saved = read_entry (self);
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->save_button, FALSE);

  /* No cancellable: once asked, a save finishes even if the window goes. */
  steady_journal_save_async (self->store, self->saved, NULL, save_done_cb, g_object_ref (self));
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_when (STEADY_CHECKIN_DIALOG (widget), now);
}

/* Closing asks first when something was written: a check-in may have
 * taken courage to write. */
static gboolean
maybe_discard (SteadyCheckinDialog *self)
{
  g_autoptr(SteadyJournalEntry) current = read_entry (self);

  if (self->saving || steady_journal_entry_equal (current, self->original))
    return FALSE;

  steady_dialog_ask_discard (GTK_WINDOW (self), _("Discard This Check-In?"),
                             _("What you wrote here has not been saved."),
                             _("_Keep Writing"), NULL, NULL);

  return TRUE;
}

static gboolean
steady_checkin_dialog_close_request (GtkWindow *window)
{
  if (maybe_discard (STEADY_CHECKIN_DIALOG (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (steady_checkin_dialog_parent_class)->close_request (window);
}

static void
steady_checkin_dialog_constructed (GObject *object)
{
  SteadyCheckinDialog *self = (SteadyCheckinDialog *)object;

  G_OBJECT_CLASS (steady_checkin_dialog_parent_class)->constructed (object);

  if (self->original == NULL)
    self->original = steady_journal_entry_new ();

  build_choices (self);
  load_entry (self);
}

static void
steady_checkin_dialog_finalize (GObject *object)
{
  SteadyCheckinDialog *self = (SteadyCheckinDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->saved);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->skill_rows, g_hash_table_unref);

  G_OBJECT_CLASS (steady_checkin_dialog_parent_class)->finalize (object);
}

static void
steady_checkin_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadyCheckinDialog *self = STEADY_CHECKIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ENTRY:
      {
        SteadyJournalEntry *entry = g_value_get_object (value);

        /* Edit a copy; the caller's entry stays as it is. */
        if (entry != NULL)
          self->original = steady_journal_entry_copy (entry);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_checkin_dialog_class_init (SteadyCheckinDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = steady_checkin_dialog_constructed;
  object_class->finalize = steady_checkin_dialog_finalize;
  object_class->set_property = steady_checkin_dialog_set_property;

  window_class->close_request = steady_checkin_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, STEADY_TYPE_JOURNAL_ENTRY,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyCheckinDialog::saved:
   * @entry: what was saved, with its id
   *
   * Emitted once the check-in is on disk, just before the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_JOURNAL_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/journal/steady-checkin-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, when_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, mood_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, craving_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, strong_craving_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, emotions_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, triggers_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, skills_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, sleep_spin);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, use_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, lapse_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, lapse_what_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, lapse_note_row);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckinDialog, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, when_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sleep_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_changed_cb);

  steady_dialog_class_install_save (widget_class, "checkin.save", save_action, TRUE);
  steady_dialog_class_install_close (widget_class, "checkin.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "checkin.now", NULL, now_action);
}

static void
steady_checkin_dialog_init (SteadyCheckinDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->skill_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * steady_checkin_dialog_new:
 * @store: where to save
 * @entry: (nullable): the check-in to change, or %NULL for a new one
 *
 * Returns: (transfer floating): the editor
 */
GtkWidget *
steady_checkin_dialog_new (SteadyStore        *store,
                           SteadyJournalEntry *entry)
{
  return g_object_new (STEADY_TYPE_CHECKIN_DIALOG,
                       "store", store,
                       "entry", entry,
                       NULL);
}

/**
 * steady_checkin_dialog_get_entry:
 *
 * Returns: (transfer full): what the widgets hold now, as a check-in
 */
SteadyJournalEntry *
steady_checkin_dialog_get_entry (SteadyCheckinDialog *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKIN_DIALOG (self), NULL);

  return read_entry (self);
}

/* For tests: the widgets, by what they hold. */

GtkWidget *
steady_checkin_dialog_get_widget (SteadyCheckinDialog *self,
                                  const char          *name)
{
  g_return_val_if_fail (STEADY_IS_CHECKIN_DIALOG (self), NULL);

  if (g_str_equal (name, "mood"))
    return GTK_WIDGET (self->mood_bar);
  if (g_str_equal (name, "craving"))
    return GTK_WIDGET (self->craving_bar);
  if (g_str_equal (name, "emotions"))
    return GTK_WIDGET (self->emotions);
  if (g_str_equal (name, "halt"))
    return GTK_WIDGET (self->halt);
  if (g_str_equal (name, "triggers"))
    return GTK_WIDGET (self->triggers);
  if (g_str_equal (name, "notes"))
    return GTK_WIDGET (self->notes_view);
  if (g_str_equal (name, "use"))
    return GTK_WIDGET (self->use_row);
  if (g_str_equal (name, "sleep"))
    return GTK_WIDGET (self->sleep_spin);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);
  if (g_str_has_prefix (name, "skill:"))
    return g_hash_table_lookup (self->skill_rows, name + strlen ("skill:"));

  return NULL;
}
