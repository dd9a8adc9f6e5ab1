/* steady-journal-page.c: history, search and trends of the journal
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-journal-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-checkin-dialog.h"
#include "steady-dialog-util.h"
#include "steady-journal.h"
#include "steady-journal-history.h"
#include "steady-journal-match.h"
#include "steady-journal-page.h"
#include "steady-journal-trends-view.h"
#include "steady-sobriety.h"

#define SEARCH_LIMIT 500

enum {
  RANGE_ANY,
  RANGE_7,
  RANGE_30,
  RANGE_90,
  RANGE_365,
};

struct _SteadyJournalPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkDropDown          *range_dropdown;
  GtkCheckButton       *lapse_check;
  GtkCheckButton       *craving_check;
  GtkStack             *view_stack;
  GtkStack             *list_stack;
  GtkListView          *history_view;
  GtkListView          *results_view;
  AdwBin               *trends_bin;
  SteadyJournalTrendsView *trends;

  /* Owned */
  SteadyStore          *store;
  SteadyJournalHistory *history;
  GListModel           *results;
  GCancellable         *search_cancellable;
  GHashTable           *deleted;   /* id → SteadyJournalEntry, for Undo */
  gulong                changed_id;
};

G_DEFINE_FINAL_TYPE (SteadyJournalPage, steady_journal_page, ADW_TYPE_BIN)

static void run_query (SteadyJournalPage *self);

static GtkWindow *
get_window (SteadyJournalPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (SteadyJournalPage *self,
       AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static gboolean
is_querying (SteadyJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return *text != '\0' ||
         gtk_drop_down_get_selected (self->range_dropdown) != RANGE_ANY ||
         gtk_check_button_get_active (self->lapse_check) ||
         gtk_check_button_get_active (self->craving_check);
}

static void
update_visible (SteadyJournalPage *self)
{
  const char *name;

  if (is_querying (self))
    name = self->results != NULL && g_list_model_get_n_items (self->results) == 0 ? "no-results" : "results";
  else
    name = self->history != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0 ? "history" : "empty";

  gtk_stack_set_visible_child_name (self->list_stack, name);
}

/* Rows */

static char *
describe_entry (SteadyJournalEntry *entry)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int mood = steady_journal_entry_get_mood (entry);
  int craving = steady_journal_entry_get_craving (entry);

  /* Numbers and words, never colour alone. */
  if (mood >= 0)
    /* Translators: mood on a 1–10 scale */
    g_string_append_printf (text, _("Mood %d/10"), mood);
  if (craving >= 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: craving on a 0–10 scale */
      g_string_append_printf (text, _("Craving %d/10"), craving);
    }
  if (steady_journal_entry_get_substance_use (entry) == STEADY_SUBSTANCE_USE_LAPSE)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("Lapse"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
note_preview (SteadyJournalEntry *entry)
{
  const char *notes = steady_journal_entry_get_notes (entry);
  g_autofree char *flat = NULL;

  if (notes == NULL || *notes == '\0')
    return NULL;

  /* Only the start is shown; 200 characters is plenty for one line. */
  flat = g_utf8_substring (notes, 0, MIN (g_utf8_strlen (notes, -1), 200));
  g_strdelimit (flat, "\n\r\t", ' ');

  return g_steal_pointer (&flat);
}

static char *
format_day (GDateTime *local)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int diff = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (local);

  if (g_date_time_get_year (now) == g_date_time_get_year (local))
    {
      if (diff == 0)
        return g_strdup (_("Today"));
      if (diff == 1)
        return g_strdup (_("Yesterday"));
      /* Translators: a day this year, see g_date_time_format() */
      return g_date_time_format (local, _("%A, %B %-d"));
    }

  /* Translators: a day in another year, see g_date_time_format() */
  return g_date_time_format (local, _("%A, %B %-d, %Y"));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SteadyJournalPage        *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *day = gtk_label_new (NULL);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_xalign (GTK_LABEL (day), 0);
  gtk_widget_add_css_class (day, "heading");
  gtk_widget_set_margin_top (day, 12);

  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_ellipsize (GTK_LABEL (note), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);

  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete, _("Delete This Check-In"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete this check-in"),
                                  -1);
  /* A target before the name: the action takes an id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "x", (gint64)0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "journal.delete");

  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (text), note);
  gtk_box_append (GTK_BOX (line), time);
  gtk_box_append (GTK_BOX (line), text);
  gtk_box_append (GTK_BOX (line), delete);
  gtk_widget_add_css_class (line, "journal-row");
  gtk_box_append (GTK_BOX (outer), day);
  gtk_box_append (GTK_BOX (outer), line);

  g_object_set_data (G_OBJECT (outer), "day", day);
  g_object_set_data (G_OBJECT (outer), "time", time);
  g_object_set_data (G_OBJECT (outer), "summary", summary);
  g_object_set_data (G_OBJECT (outer), "note", note);
  g_object_set_data (G_OBJECT (outer), "delete", delete);
  gtk_list_item_set_child (item, outer);
}

static void
bind_entry (GtkListItem        *item,
            SteadyJournalEntry *entry,
            gboolean            show_day,
            const char         *markup)
{
  GtkWidget *outer = gtk_list_item_get_child (item);
  /* As the clock read where the check-in was made: the list groups days
   * by that (the entry's local date), so a check-in from before a change
   * of time zone stays under its own day, with its own time. */
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (steady_journal_entry_get_utc_offset (entry));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (steady_journal_entry_get_at (entry), zone);
  g_autofree char *day = format_day (local);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  g_autofree char *summary = describe_entry (entry);
  g_autofree char *note = note_preview (entry);
  g_autofree char *a11y = NULL;
  GtkWidget *note_label = g_object_get_data (G_OBJECT (outer), "note");

  gtk_label_set_label (g_object_get_data (G_OBJECT (outer), "day"), day);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (outer), "day"), show_day);
  gtk_label_set_label (g_object_get_data (G_OBJECT (outer), "time"), time);
  gtk_label_set_label (g_object_get_data (G_OBJECT (outer), "summary"),
                       *summary != '\0' ? summary : _("Check-in"));

  if (markup != NULL)
    gtk_label_set_markup (GTK_LABEL (note_label), markup);
  else
    gtk_label_set_text (GTK_LABEL (note_label), note != NULL ? note : "");
  gtk_widget_set_visible (note_label, markup != NULL || note != NULL);

  gtk_actionable_set_action_target (g_object_get_data (G_OBJECT (outer), "delete"), "x",
                                    steady_journal_entry_get_id (entry));

  /* Translators: day, time, then mood and craving */
  a11y = g_strdup_printf (_("%s at %s. %s"), day, time, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (outer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
}

static void
bind_history_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SteadyJournalPage        *self)
{
  SteadyJournalEntry *entry = gtk_list_item_get_item (item);
  guint position = gtk_list_item_get_position (item);

  bind_entry (item, entry, steady_journal_history_starts_day (self->history, position), NULL);
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SteadyJournalPage        *self)
{
  SteadyJournalMatch *match = gtk_list_item_get_item (item);
  g_autofree char *markup = steady_journal_match_dup_markup (match);

  bind_entry (item, steady_journal_match_get_entry (match), TRUE,
              markup != NULL && *markup != '\0' ? markup : NULL);
}

static GtkListItemFactory *
create_factory (SteadyJournalPage *self,
                GCallback          bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", bind, self);

  return factory;
}

/* Editing */

static void
offer_new_count_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             SteadyJournalPage *self)
{
  GDate *lapse_day = g_object_get_data (G_OBJECT (dialog), "lapse-day");
  GDate new_start = *lapse_day;

  if (g_strcmp0 (response, "restart") != 0 || self->store == NULL)
    return;

  /* The lapse day ends the attempt; the new one starts the day after. */
  g_date_add_days (&new_start, 1);
  steady_sobriety_restart_async (self->store, lapse_day, &new_start, NULL, NULL, NULL);
}

/* After a lapse is logged, ask once, gently; never reset on our own. */
static void
offer_new_count (SteadyJournalPage  *self,
                 SteadyJournalEntry *entry)
{
  SteadySobrietySummary summary = { 0 };
  g_autoptr(GDateTime) local = g_date_time_to_local (steady_journal_entry_get_at (entry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate *lapse_day = g_date_new_dmy (g_date_time_get_day_of_month (local),
                                     g_date_time_get_month (local),
                                     g_date_time_get_year (local));
  GDate today;
  GtkWidget *dialog;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  if (!steady_sobriety_get_summary (self->store, &today, &summary, NULL) ||
      !summary.active || g_date_compare (lapse_day, &summary.start) < 0)
    {
      g_date_free (lapse_day);
      return;
    }

  dialog = adw_message_dialog_new (get_window (self), _("Thank You for Writing It Down"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "A lapse is something to learn from, not a failure. You can keep your sober-days date, or start a new count; your %u day stays in your history either way.",
                                               "A lapse is something to learn from, not a failure. You can keep your sober-days date, or start a new count; your %u days stay in your history either way.",
                                               summary.current_days),
                                  summary.current_days);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep My Date"),
                                    "restart", _("_Start a New Count"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "lapse-day", lapse_day, (GDestroyNotify)g_date_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (offer_new_count_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
saved_cb (SteadyCheckinDialog *dialog,
          SteadyJournalEntry  *entry,
          SteadyJournalPage   *self)
{
  gboolean was_lapse = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "was-lapse"));

  toast (self, adw_toast_new (_("Check-in saved")));

  if (steady_journal_entry_get_substance_use (entry) == STEADY_SUBSTANCE_USE_LAPSE && !was_lapse)
    offer_new_count (self, entry);
}

/**
 * steady_journal_page_open_editor:
 * @self: a #SteadyJournalPage
 * @entry: (nullable): a check-in to change, or %NULL for a new one
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL without a store
 */
GtkWidget *
steady_journal_page_open_editor (SteadyJournalPage  *self,
                                 SteadyJournalEntry *entry)
{
  GtkWidget *dialog;
  GtkWindow *window;

  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;

  window = get_window (self);
  dialog = steady_checkin_dialog_new (self->store, entry);
  g_object_set_data (G_OBJECT (dialog), "was-lapse",
                     GINT_TO_POINTER (entry != NULL &&
                                      steady_journal_entry_get_substance_use (entry) == STEADY_SUBSTANCE_USE_LAPSE));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (saved_cb), self, 0);
  steady_dialog_present (GTK_WINDOW (dialog), window);

  return dialog;
}

static void
history_activate_cb (SteadyJournalPage *self,
                     guint              position)
{
  g_autoptr(SteadyJournalEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->history), position);

  if (entry != NULL && steady_journal_entry_get_id (entry) != 0)
    steady_journal_page_open_editor (self, entry);
}

static void
results_activate_cb (SteadyJournalPage *self,
                     guint              position)
{
  g_autoptr(SteadyJournalMatch) match = NULL;

  if (self->results == NULL)
    return;

  match = g_list_model_get_item (self->results, position);
  if (match != NULL)
    steady_journal_page_open_editor (self, steady_journal_match_get_entry (match));
}

/* Deleting, with Undo */

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SteadyJournalPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steady_journal_save_finish (STEADY_STORE (object), result, &error))
    toast (self, adw_toast_new (error->message));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SteadyJournalPage *self = STEADY_JOURNAL_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  SteadyJournalEntry *entry = g_hash_table_lookup (self->deleted, &id);

  /* Saved again under its old id, exactly as it was. */
  if (entry != NULL && self->store != NULL)
    steady_journal_save_async (self->store, entry, NULL, restore_done_cb, g_object_ref (self));

  g_hash_table_remove (self->deleted, &id);
}

static void
toast_dismissed_cb (AdwToast          *undo,
                    SteadyJournalPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (undo), "entry-id"));

  /* The copy kept for Undo goes with the toast. */
  g_hash_table_remove (self->deleted, &id);
}

typedef struct
{
  SteadyJournalPage  *page;
  SteadyJournalEntry *entry;
} DeleteData;

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DeleteData *data = user_data;
  g_autoptr(SteadyJournalPage) self = data->page;
  g_autoptr(SteadyJournalEntry) entry = data->entry;
  g_autoptr(GError) error = NULL;
  gint64 id = steady_journal_entry_get_id (entry);
  AdwToast *undo;

  g_free (data);

  if (!steady_journal_delete_finish (STEADY_STORE (object), result, &error))
    {
      g_hash_table_remove (self->deleted, &id);
      toast (self, adw_toast_new (error->message));
      return;
    }

  undo = adw_toast_new (_("Check-in deleted"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (undo, "journal.undo-delete");
  adw_toast_set_action_target_value (undo, g_variant_new_int64 (id));
  g_object_set_data (G_OBJECT (undo), "entry-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (undo, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  toast (self, undo);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SteadyJournalPage *self = STEADY_JOURNAL_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  DeleteData *data;
  SteadyJournalEntry *entry;

  if (self->store == NULL || id == 0)
    return;

  /* A copy stays in memory for Undo; the row itself goes at once, with
   * secure_delete, so nothing lingers if the app is closed now. */
  entry = steady_journal_get (self->store, id, NULL);
  if (entry == NULL)
    return;

  /* Kept before the delete is queued, so Undo works from the moment the
   * row is gone. */
  g_hash_table_insert (self->deleted, g_memdup2 (&id, sizeof id), g_object_ref (entry));

  data = g_new0 (DeleteData, 1);
  data->page = g_object_ref (self);
  data->entry = entry;
  steady_journal_delete_async (self->store, id, NULL, delete_done_cb, data);
}

/* Searching */

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SteadyJournalPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  results = steady_journal_search_finish (STEADY_STORE (object), result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Search failed: %s", error->message);
      return;
    }

  g_set_object (&self->results, results);
  selection = gtk_no_selection_new (g_object_ref (results));
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
  update_visible (self);
}

static void
run_query (SteadyJournalPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  static const int range_days[] = { 0, 7, 30, 90, 365 };
  guint range = gtk_drop_down_get_selected (self->range_dropdown);
  SteadyJournalFilter filter = STEADY_JOURNAL_FILTER_NONE;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate from, to;
  gboolean use_range = range != RANGE_ANY && range < G_N_ELEMENTS (range_days);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (self->store == NULL || !is_querying (self))
    {
      update_visible (self);
      return;
    }

  if (gtk_check_button_get_active (self->lapse_check))
    filter |= STEADY_JOURNAL_FILTER_LAPSE;
  if (gtk_check_button_get_active (self->craving_check))
    filter |= STEADY_JOURNAL_FILTER_HIGH_CRAVING;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&to, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  from = to;
  if (use_range)
    g_date_subtract_days (&from, range_days[range] - 1);

  /* As you type: the search runs off the main thread, and a newer one
   * cancels the older. */
  self->search_cancellable = g_cancellable_new ();
  steady_journal_search_async (self->store, text,
                               use_range ? &from : NULL, use_range ? &to : NULL,
                               filter, SEARCH_LIMIT, self->search_cancellable,
                               search_done_cb, self);
}

static void
query_changed_cb (SteadyJournalPage *self)
{
  run_query (self);
}

static void
store_changed_cb (SteadyJournalPage *self,
                  const char        *what)
{
  if (g_strcmp0 (what, "journal") != 0 && g_strcmp0 (what, "all") != 0)
    return;

  if (is_querying (self))
    run_query (self);
  else
    update_visible (self);
}

static void
history_items_changed_cb (SteadyJournalPage *self)
{
  update_visible (self);
}

static void
attach_history (SteadyJournalPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->history == NULL || gtk_list_view_get_model (self->history_view) != NULL)
    return;

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->history)));
  gtk_list_view_set_model (self->history_view, GTK_SELECTION_MODEL (selection));
}

static void
steady_journal_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (steady_journal_page_parent_class)->map (widget);

  attach_history (STEADY_JOURNAL_PAGE (widget));
}

static void
steady_journal_page_dispose (GObject *object)
{
  SteadyJournalPage *self = (SteadyJournalPage *)object;

  g_cancellable_cancel (self->search_cancellable);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (steady_journal_page_parent_class)->dispose (object);
}

static void
steady_journal_page_finalize (GObject *object)
{
  SteadyJournalPage *self = (SteadyJournalPage *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->history);
  g_clear_object (&self->results);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->deleted, g_hash_table_unref);

  G_OBJECT_CLASS (steady_journal_page_parent_class)->finalize (object);
}

static void
steady_journal_page_class_init (SteadyJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steady_journal_page_dispose;
  object_class->finalize = steady_journal_page_finalize;

  widget_class->map = steady_journal_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/journal/steady-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, lapse_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, craving_check);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, history_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, SteadyJournalPage, trends_bin);
  gtk_widget_class_bind_template_callback (widget_class, query_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_activate_cb);

  gtk_widget_class_install_action (widget_class, "journal.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "journal.undo-delete", "x", undo_delete_action);
}

static void
steady_journal_page_init (SteadyJournalPage *self)
{
  g_autoptr(GtkListItemFactory) history_factory = NULL;
  g_autoptr(GtkListItemFactory) results_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  steady_drop_down_set_label (self->range_dropdown, _("Dates"));

  self->deleted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  history_factory = create_factory (self, G_CALLBACK (bind_history_cb));
  results_factory = create_factory (self, G_CALLBACK (bind_result_cb));
  gtk_list_view_set_factory (self->history_view, history_factory);
  gtk_list_view_set_factory (self->results_view, results_factory);

  self->trends = STEADY_JOURNAL_TRENDS_VIEW (steady_journal_trends_view_new ());
  adw_bin_set_child (self->trends_bin, GTK_WIDGET (self->trends));

  update_visible (self);
}

void
steady_journal_page_set_store (SteadyJournalPage *self,
                               SteadyStore       *store)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_cancellable_cancel (self->search_cancellable);

  g_set_object (&self->store, store);
  steady_journal_trends_view_set_store (self->trends, store);
  g_clear_object (&self->history);
  g_clear_object (&self->results);
  gtk_list_view_set_model (self->history_view, NULL);
  gtk_list_view_set_model (self->results_view, NULL);

  if (store != NULL)
    {
      /* Loads a page of rows at a time as they scroll into view. */
      self->history = steady_journal_history_new (store);
      g_signal_connect_object (self->history, "items-changed",
                               G_CALLBACK (history_items_changed_cb), self, G_CONNECT_SWAPPED);
      self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
    }

  /* The list view gets its model when the page is first shown: at
   * start-up it would build and bind rows nobody sees (the benchmark
   * measured most of the start-up cost there). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_history (self);

  run_query (self);
}

void
steady_journal_page_focus_search (SteadyJournalPage *self)
{
  g_return_if_fail (STEADY_IS_JOURNAL_PAGE (self));

  gtk_stack_set_visible_child_name (self->view_stack, "history");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * steady_journal_page_get_results:
 *
 * Returns: (transfer none) (nullable): the current search results
 */
GListModel *
steady_journal_page_get_results (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return self->results;
}

/**
 * steady_journal_page_get_history:
 *
 * Returns: (transfer none) (nullable): the history model
 */
GListModel *
steady_journal_page_get_history (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return self->history != NULL ? G_LIST_MODEL (self->history) : NULL;
}

/**
 * steady_journal_page_get_search_entry:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
steady_journal_page_get_search_entry (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

const char *
steady_journal_page_get_visible_list (SteadyJournalPage *self)
{
  g_return_val_if_fail (STEADY_IS_JOURNAL_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}
