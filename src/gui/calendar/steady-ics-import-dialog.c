/* steady-ics-import-dialog.c: what an iCalendar file would add, to confirm
 *
 * Copyright 2026 The Steady authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steady-ics-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steady-calendar-util.h"
#include "steady-ics.h"
#include "steady-ics-import-dialog.h"

struct _SteadyIcsImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *import_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *new_group;
  AdwPreferencesGroup *duplicate_group;
  AdwPreferencesGroup *skipped_group;

  /* Owned */
  SteadyStore         *store;
  SteadyIcsPreview    *preview;
  char                *file_name;
  gboolean             importing;
};

G_DEFINE_FINAL_TYPE (SteadyIcsImportDialog, steady_ics_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PREVIEW,
  PROP_FILE_NAME,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
describe_series (SteadySessionSeries *series,
                 guint                n_changes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *start = steady_calendar_util_describe_start (series);
  g_autofree char *duration = steady_calendar_util_format_duration (steady_session_series_get_duration (series));
  g_autofree char *rule = steady_calendar_util_describe_rule (steady_session_series_get_rrule (series),
                                                             steady_session_series_get_tzid (series),
                                                             steady_session_series_get_start_local (series));

  /* Translators: a session's start, then how long it lasts */
  g_string_append_printf (text, _("%s, for %s"), start, duration);
  g_string_append_c (text, '\n');
  g_string_append (text, rule);

  if (n_changes > 0)
    {
      g_string_append_c (text, '\n');
      /* Translators: sessions of a series moved or cancelled in the file */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u session changed or cancelled",
                                                 "%u sessions changed or cancelled", n_changes),
                              n_changes);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
create_row (SteadyIcsImportDialog *self,
            guint                  index)
{
  SteadySessionSeries *series = steady_ics_preview_get_series (self->preview, index);
  SteadyIcsItemStatus status = steady_ics_preview_get_status (self->preview, index);
  const char *title = steady_session_series_get_title (series);
  const char *message = steady_ics_preview_get_message (self->preview, index);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && *title != '\0' ? title : _("Untitled event"));

  /* A skipped event says why; the others say when. */
  if (status == STEADY_ICS_ITEM_SKIPPED && message != NULL)
    subtitle = g_strdup (message);
  else
    subtitle = describe_series (series, steady_ics_preview_get_n_changes (self->preview, index));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  switch (status)
    {
    case STEADY_ICS_ITEM_NEW:
      icon = gtk_image_new_from_icon_name ("list-add-symbolic");
      break;
    case STEADY_ICS_ITEM_DUPLICATE:
      icon = gtk_image_new_from_icon_name ("edit-copy-symbolic");
      break;
    case STEADY_ICS_ITEM_SKIPPED:
    default:
      icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
      break;
    }
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
fill (SteadyIcsImportDialog *self)
{
  guint n_new = steady_ics_preview_count (self->preview, STEADY_ICS_ITEM_NEW);
  guint n_duplicate = steady_ics_preview_count (self->preview, STEADY_ICS_ITEM_DUPLICATE);
  guint n_skipped = steady_ics_preview_count (self->preview, STEADY_ICS_ITEM_SKIPPED);
  g_autoptr(GString) summary = g_string_new (NULL);

  adw_window_title_set_subtitle (self->window_title, self->file_name);

  for (guint i = 0; i < steady_ics_preview_get_n_items (self->preview); i++)
    {
      switch (steady_ics_preview_get_status (self->preview, i))
        {
        case STEADY_ICS_ITEM_NEW:
          adw_preferences_group_add (self->new_group, create_row (self, i));
          break;
        case STEADY_ICS_ITEM_DUPLICATE:
          adw_preferences_group_add (self->duplicate_group, create_row (self, i));
          break;
        case STEADY_ICS_ITEM_SKIPPED:
        default:
          adw_preferences_group_add (self->skipped_group, create_row (self, i));
          break;
        }
    }

  if (n_new > 0)
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u event will be added to your calendar.",
                                         "%u events will be added to your calendar.", n_new),
                            n_new);
  else
    g_string_append (summary, _("Nothing new to add from this file."));

  if (n_duplicate > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u is already in it.",
                                           "%u are already in it.", n_duplicate),
                              n_duplicate);
    }

  if (n_skipped > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u is skipped; it says why below.",
                                           "%u are skipped; each says why below.", n_skipped),
                              n_skipped);
    }

  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->new_group), n_new > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_group), n_duplicate > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), n_skipped > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.confirm", n_new > 0);

  /* Enter imports: the focus starts on the button, not on Cancel. */
  gtk_window_set_default_widget (GTK_WINDOW (self), n_new > 0 ? self->import_button : NULL);
  if (n_new > 0)
    gtk_window_set_focus (GTK_WINDOW (self), self->import_button);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SteadyIcsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  self->importing = FALSE;

  if (!steady_ics_import_finish (STEADY_STORE (object), result, &n_added, &error))
    {
      /* Never cancelled (no cancellable), and the window may be gone. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->error_label == NULL)
        return;

      g_message ("Import failed: %s", error->message);
      gtk_label_set_label (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      gtk_widget_set_sensitive (self->import_button, TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, n_added);

  /* Unless it was closed while the import ran. */
  if (self->error_label != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SteadyIcsImportDialog *self = STEADY_ICS_IMPORT_DIALOG (widget);

  if (self->importing)
    return;

  self->importing = TRUE;
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_sensitive (self->import_button, FALSE);

  /* One transaction: all of it or, on an error, nothing. */
  steady_ics_import_async (self->store, self->preview, NULL, import_done_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
steady_ics_import_dialog_constructed (GObject *object)
{
  SteadyIcsImportDialog *self = (SteadyIcsImportDialog *)object;

  G_OBJECT_CLASS (steady_ics_import_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL && self->preview != NULL);
  fill (self);
}

static void
steady_ics_import_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), STEADY_TYPE_ICS_IMPORT_DIALOG);

  G_OBJECT_CLASS (steady_ics_import_dialog_parent_class)->dispose (object);
}

static void
steady_ics_import_dialog_finalize (GObject *object)
{
  SteadyIcsImportDialog *self = (SteadyIcsImportDialog *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (steady_ics_import_dialog_parent_class)->finalize (object);
}

static void
steady_ics_import_dialog_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SteadyIcsImportDialog *self = STEADY_ICS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PREVIEW:
      self->preview = g_value_dup_object (value);
      break;

    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steady_ics_import_dialog_class_init (SteadyIcsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = steady_ics_import_dialog_constructed;
  object_class->dispose = steady_ics_import_dialog_dispose;
  object_class->finalize = steady_ics_import_dialog_finalize;
  object_class->set_property = steady_ics_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEADY_TYPE_STORE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL, STEADY_TYPE_ICS_PREVIEW,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SteadyIcsImportDialog::imported:
   * @n_added: how many series were added
   *
   * Emitted once the import is stored, just before the window closes.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/gui/calendar/steady-ics-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, new_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, duplicate_group);
  gtk_widget_class_bind_template_child (widget_class, SteadyIcsImportDialog, skipped_group);

  gtk_widget_class_install_action (widget_class, "import.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
steady_ics_import_dialog_init (SteadyIcsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steady_ics_import_dialog_new:
 * @store: where to import
 * @preview: what steady_ics_parse() made of the file
 * @file_name: the file's name, to show
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
steady_ics_import_dialog_new (SteadyStore      *store,
                              SteadyIcsPreview *preview,
                              const char       *file_name)
{
  g_return_val_if_fail (STEADY_IS_STORE (store), NULL);
  g_return_val_if_fail (STEADY_IS_ICS_PREVIEW (preview), NULL);

  return g_object_new (STEADY_TYPE_ICS_IMPORT_DIALOG,
                       "store", store,
                       "preview", preview,
                       "file-name", file_name,
                       NULL);
}

/**
 * steady_ics_import_dialog_get_preview:
 *
 * Returns: (transfer none): what the dialog shows
 */
SteadyIcsPreview *
steady_ics_import_dialog_get_preview (SteadyIcsImportDialog *self)
{
  g_return_val_if_fail (STEADY_IS_ICS_IMPORT_DIALOG (self), NULL);

  return self->preview;
}

const char *
steady_ics_import_dialog_get_summary (SteadyIcsImportDialog *self)
{
  g_return_val_if_fail (STEADY_IS_ICS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->summary_label);
}
