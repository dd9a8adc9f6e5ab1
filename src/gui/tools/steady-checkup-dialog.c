/* steady-checkup-dialog.c: the weekly self-check
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-checkup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-checkup-dialog.h"
#include "steady-dialog-util.h"
#include "steady-tools.h"

/* How many past self-checks the trend shows. */
#define TREND_LENGTH 8

struct _SteadyCheckupDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkRevealer          *safety_revealer;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkScrolledWindow    *scroller;
  GtkStack             *stack;
  GtkBox               *items_box;
  GtkLabel             *intro_label;
  GtkLabel             *question_label;
  GtkLabel             *band_title;
  GtkLabel             *band_description;
  GtkLabel             *total_label;
  GtkListBox           *trend_list;
  GtkListBox           *answers_list;
  GtkLabel             *result_disclaimer;

  /* Built in code */
  GtkCheckButton       *checks[STEADY_CHECKUP_N_ITEMS][STEADY_CHECKUP_N_ANSWERS];

  /* Owned */
  SteadyStore          *store;
  SteadyCheckupResult  *result;

  SteadyCheckupAnswers  answers;
  guint                 routed : 1;
  guint                 saving : 1;
};

G_DEFINE_FINAL_TYPE (SteadyCheckupDialog, steady_checkup_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_actions (SteadyCheckupDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkup.finish",
                                 self->result == NULL && steady_checkup_answers_is_complete (&self->answers));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkup.save",
                                 self->result != NULL && steady_checkup_result_get_id (self->result) == 0 &&
                                 !self->saving);
}

/* Help is shown the moment the self-harm item is answered above 0, on
 * every such answer after a 0, whatever else is or is not answered. No
 * setting turns it off. */
static void
route_to_help (SteadyCheckupDialog *self)
{
  gtk_revealer_set_reveal_child (self->safety_revealer, TRUE);
  steady_tools_route_to_help (GTK_WIDGET (self));
}

static void
set_answer (SteadyCheckupDialog *self,
            SteadyCheckupItem    item,
            SteadyCheckupAnswer  answer)
{
  self->answers.answers[item] = answer;

  if (item == STEADY_CHECKUP_ITEM_SELF_HARM)
    {
      gboolean needs_help = steady_checkup_needs_safety_routing (&self->answers);

      if (needs_help && !self->routed)
        route_to_help (self);
      self->routed = needs_help;
    }

  update_actions (self);
}

static void
check_toggled_cb (GtkCheckButton      *check,
                  SteadyCheckupDialog *self)
{
  SteadyCheckupItem item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "item"));
  SteadyCheckupAnswer answer = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "answer"));

  /* Only the one switched on speaks: the group switches the old one off
   * first, and that must not look like "unanswered" in between (it would
   * route to help twice on a change from 1 to 2). */
  if (gtk_check_button_get_active (check))
    set_answer (self, item, answer);
}

static GtkWidget *
item_group (SteadyCheckupDialog *self,
            SteadyCheckupItem    item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = NULL;
  GtkWidget *label;

  /* Translators: a question's number and its text, e.g. "3. Worries kept going round in my head" */
  title = g_strdup_printf (_("%u. %s"), item + 1, steady_checkup_item_get_text (item));
  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, steady_checkup_item_get_text (item),
                                  -1);

  for (SteadyCheckupAnswer a = STEADY_CHECKUP_NOT_AT_ALL; a <= STEADY_CHECKUP_NEARLY_EVERY_DAY; a++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *check = gtk_check_button_new_with_label (steady_checkup_answer_get_label (a));

      /* The radio button is the row: one focus stop, Space chooses, and
       * its accessible name is the answer, described by the question. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_hexpand (check, TRUE);
      gtk_widget_set_margin_top (check, 8);
      gtk_widget_set_margin_bottom (check, 8);
      gtk_widget_set_margin_start (check, 8);
      gtk_widget_set_margin_end (check, 8);
      if (a > STEADY_CHECKUP_NOT_AT_ALL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->checks[item][0]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, steady_checkup_item_get_text (item),
                                      -1);
      g_object_set_data (G_OBJECT (check), "item", GUINT_TO_POINTER (item));
      g_object_set_data (G_OBJECT (check), "answer", GINT_TO_POINTER (a));
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->checks[item][a] = GTK_CHECK_BUTTON (check);
    }

  gtk_box_append (GTK_BOX (box), list);

  return box;
}

static void
build_questions (SteadyCheckupDialog *self)
{
  GtkWidget *button;

  for (SteadyCheckupItem item = 0; item < STEADY_CHECKUP_N_ITEMS; item++)
    gtk_box_append (self->items_box, item_group (self, item));

  button = gtk_button_new_with_mnemonic (_("_See How the Week Looks"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checkup.finish");
  gtk_widget_set_tooltip_text (button, _("Answer every question first"));
  gtk_box_append (self->items_box, button);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
trend_row (SteadyCheckupResult *result,
           gboolean             current)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (steady_checkup_result_get_at (result));
  SteadyCheckupAnswers answers;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, STEADY_CHECKUP_MAX_SCORE);
  g_autofree char *date = NULL;
  g_autofree char *total = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *number;

  steady_checkup_result_get_answers (result, &answers);

  /* Translators: the day of a self-check, see g_date_time_format() */
  date = g_date_time_format (local, _("%A, %B %-d"));
  if (current)
    {
      g_autofree char *today = g_strdup (date);

      g_free (date);
      /* Translators: %s is a date */
      date = g_strdup_printf (_("This self-check, %s"), today);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), steady_checkup_band_get_title (steady_checkup_get_band (&answers)));

  /* A bar of one colour: the height of the week, not a traffic light. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), steady_checkup_result_get_total (result));
  gtk_widget_set_size_request (bar, 96, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* Translators: e.g. "Total 13 of 24" */
  a11y = g_strdup_printf (_("Total %d of %d"), steady_checkup_result_get_total (result), STEADY_CHECKUP_MAX_SCORE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  total = g_strdup_printf ("%d", steady_checkup_result_get_total (result));
  number = gtk_label_new (total);
  gtk_label_set_width_chars (GTK_LABEL (number), 2);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_add_css_class (number, "numeric");
  gtk_accessible_update_state (GTK_ACCESSIBLE (number), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), number);

  return row;
}

static void
fill_trend (SteadyCheckupDialog *self)
{
  g_autoptr(GListModel) stored = NULL;
  g_autoptr(GError) error = NULL;
  guint shown = 0;

  clear_list (self->trend_list);

  /* Until it is on disk, this self-check leads the list on its own. */
  if (self->result != NULL && steady_checkup_result_get_id (self->result) == 0)
    {
      gtk_list_box_append (self->trend_list, trend_row (self->result, TRUE));
      shown++;
    }

  stored = steady_checkup_list (self->store, TREND_LENGTH - shown, &error);
  if (stored == NULL)
    {
      g_message ("Could not list self-checks: %s", error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stored); i++)
    {
      g_autoptr(SteadyCheckupResult) result = g_list_model_get_item (stored, i);
      gboolean current = self->result != NULL &&
                         steady_checkup_result_get_id (result) == steady_checkup_result_get_id (self->result);

      gtk_list_box_append (self->trend_list, trend_row (result, current));
    }
}

static void
fill_answers (SteadyCheckupDialog *self)
{
  clear_list (self->answers_list);

  for (SteadyCheckupItem item = 0; item < STEADY_CHECKUP_N_ITEMS; item++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steady_checkup_item_get_text (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   steady_checkup_answer_get_label (self->answers.answers[item]));
      gtk_list_box_append (self->answers_list, row);
    }
}

static void
show_result (SteadyCheckupDialog *self)
{
  SteadyCheckupBand band = steady_checkup_get_band (&self->answers);
  g_autofree char *total = NULL;

  gtk_label_set_label (self->band_title, steady_checkup_band_get_title (band));
  gtk_label_set_label (self->band_description, steady_checkup_band_get_description (band));
  /* Translators: e.g. "Total: 13 of 24" */
  total = g_strdup_printf (_("Total: %d of %d"), steady_checkup_get_total (&self->answers), STEADY_CHECKUP_MAX_SCORE);
  gtk_label_set_label (self->total_label, total);

  fill_answers (self);
  fill_trend (self);

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SteadyCheckupDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_checkup_save_finish (STEADY_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_message ("Saving a self-check failed: %s", error->message);
      self->saving = FALSE;
      if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
        {
          steady_dialog_show_error (self->error_revealer, self->error_label,
                                    /* Translators: %s says why */
                                    _("This self-check was not saved: %s Your answers are still here."),
                                    error->message);
          update_actions (self);
        }
      return;
    }

  self->saving = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  update_actions (self);
  fill_trend (self);
  g_signal_emit (self, signals[SAVED], 0, self->result);
}

static void
save (SteadyCheckupDialog *self)
{
  if (self->result == NULL || steady_checkup_result_get_id (self->result) != 0 || self->saving)
    return;

  self->saving = TRUE;
  update_actions (self);

  /* No cancellable: once asked, a save finishes even if the window goes. */
  steady_checkup_save_async (self->store, self->result, NULL, save_done_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (STEADY_CHECKUP_DIALOG (widget));
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyCheckupDialog *self = STEADY_CHECKUP_DIALOG (widget);

  if (self->result != NULL || !steady_checkup_answers_is_complete (&self->answers))
    return;

  /* The result shows at once; the save runs behind it. */
  self->result = steady_checkup_result_new (&self->answers, NULL);
  show_result (self);
  save (self);
}

static void
steady_checkup_dialog_constructed (GObject *object)
{
  SteadyCheckupDialog *self = (SteadyCheckupDialog *)object;

  G_OBJECT_CLASS (steady_checkup_dialog_parent_class)->constructed (object);

  build_questions (self);
  update_actions (self);
}

static void
steady_checkup_dialog_finalize (GObject *object)
{
  SteadyCheckupDialog *self = (SteadyCheckupDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (steady_checkup_dialog_parent_class)->finalize (object);
}

static void
steady_checkup_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SteadyCheckupDialog *self = STEADY_CHECKUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_checkup_dialog_class_init (SteadyCheckupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_checkup_dialog_constructed;
  object_class->finalize = steady_checkup_dialog_finalize;
  object_class->set_property = steady_checkup_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyCheckupDialog::saved:
   * @result: what was saved, with its id
   *
   * Emitted once the self-check is on disk.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, STEADY_TYPE_CHECKUP_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/tools/steady-checkup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, safety_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, items_box);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, question_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, band_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, band_description);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, trend_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, answers_list);
  gtk_widget_class_bind_template_child (widget_class, SteadyCheckupDialog, result_disclaimer);

  gtk_widget_class_install_action (widget_class, "checkup.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "checkup.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "checkup.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steady_checkup_dialog_init (SteadyCheckupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steady_checkup_answers_init (&self->answers);

  gtk_window_set_title (GTK_WINDOW (self), steady_checkup_get_title ());
  adw_window_title_set_title (self->window_title, steady_checkup_get_title ());
  adw_window_title_set_subtitle (self->window_title, _("To talk about with your care team"));
  gtk_label_set_label (self->intro_label, steady_checkup_get_disclaimer ());
  gtk_label_set_label (self->question_label, steady_checkup_get_question ());
  gtk_label_set_label (self->result_disclaimer, steady_checkup_get_disclaimer ());
}

/**
 * steady_checkup_dialog_new:
 * @store: where results are saved and the trend is read
 *
 * The weekly self-check, all eight questions on one page as radio
 * buttons, then the week's band, the answers and the trend of totals.
 * Answering the self-harm question above "Not at all" shows Help Now at
 * once. Show it with steady_dialog_present().
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_checkup_dialog_new (SteadyStore *store)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);

  return g_object_new (STEADY_TYPE_CHECKUP_DIALOG,
                       "store", store,
                       NULL);
}

/**
 * steady_checkup_dialog_set_answer:
 *
 * Chooses @answer for @item through its radio button, as a click does.
 */
void
steady_checkup_dialog_set_answer (SteadyCheckupDialog *self,
                                  SteadyCheckupItem    item,
                                  SteadyCheckupAnswer  answer)
{
  g_return_if_fail (STEADY_IS_CHECKUP_DIALOG (self));
  g_return_if_fail (item < STEADY_CHECKUP_N_ITEMS);
  g_return_if_fail (answer >= STEADY_CHECKUP_NOT_AT_ALL && answer <= STEADY_CHECKUP_NEARLY_EVERY_DAY);

  gtk_check_button_set_active (self->checks[item][answer], TRUE);
}

/**
 * steady_checkup_dialog_get_page:
 *
 * Returns: "questions" or "result"
 */
const char *
steady_checkup_dialog_get_page (SteadyCheckupDialog *self)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* For tests: the widgets, by what they hold. */

GtkWidget *
steady_checkup_dialog_get_widget (SteadyCheckupDialog *self,
                                  const char          *name)
{
  g_return_val_if_fail (STEADY_IS_CHECKUP_DIALOG (self), NULL);

  if (g_str_equal (name, "safety"))
    return GTK_WIDGET (self->safety_revealer);
  if (g_str_equal (name, "band"))
    return GTK_WIDGET (self->band_title);
  if (g_str_equal (name, "total"))
    return GTK_WIDGET (self->total_label);
  if (g_str_equal (name, "trend"))
    return GTK_WIDGET (self->trend_list);
  if (g_str_equal (name, "error"))
    return GTK_WIDGET (self->error_revealer);

  return NULL;
}
