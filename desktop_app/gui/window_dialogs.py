"""The window's dialogs (profiles, settings, search, server history, export) and settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.error_text import describe_error
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.settings import Settings
from desktop_app.gui.theme import apply_theme, style_sheet

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    # Dialogs and the API client load when first used, so the window paints sooner.
    from desktop_app.gui.profile_dialog import ProfileDialog
    from desktop_app.gui.search_dialog import SearchDialog
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog
    from desktop_app.gui.settings_dialog import SettingsDialog


class WindowDialogs:
    """Opens the window's dialogs and applies what they change; mixed into MainWindow."""

    def show_storage_problem(self, problem: AgentsGTError) -> QMessageBox:
        """Say why the history could not be opened and that this session's is temporary.

        Window-modal and non-blocking; "Quit" closes the window, the other button keeps
        working on the temporary history (the banner keeps saying so).
        """
        from PySide6.QtWidgets import QMessageBox  # only when needed: its enums cost ~1 ms

        dialog = QMessageBox(self)
        dialog.setIcon(QMessageBox.Icon.Warning)
        dialog.setWindowTitle("History can't be opened")
        dialog.setText(describe_error(problem).sentence)
        dialog.setInformativeText(
            "You can keep working with a temporary history for this session: conversations "
            "will be lost when you quit unless you export them. Your history file is not "
            "changed."
        )
        keep = dialog.addButton("Use temporary history", QMessageBox.ButtonRole.AcceptRole)
        quit_ = dialog.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        dialog.setDefaultButton(keep)
        dialog.setEscapeButton(keep)  # Esc only dismisses: quitting takes the Quit button
        dialog.buttonClicked.connect(lambda button: button is quit_ and self.close())
        self.storage_dialog = dialog
        dialog.open()
        return dialog

    def _on_export_triggered(self) -> None:
        # With no conversation open the dialog still exports the others (or everything).
        from desktop_app.gui.export_dialog import start_export

        start_export(self, self.services, self.chat.conversation_id)

    def open_profiles(self, *, new: bool = False, focus_keys: bool = False) -> ProfileDialog:
        """Open the Profiles & keys dialog (window-modal, non-blocking)."""
        from desktop_app.gui.profile_dialog import ProfileDialog

        if self.profile_dialog is not None:
            self.profile_dialog.close()
        current = "" if new else (self.chat.profile.id if self.chat.profile else None)
        dialog = ProfileDialog(self.services, self, select_id=current, focus_keys=focus_keys)
        dialog.profiles_changed.connect(self._on_profile_dialog_profiles_changed)
        self.profile_dialog = dialog
        dialog.open()
        return dialog

    def _on_profile_dialog_profiles_changed(self, profile_id: str) -> None:
        self.chat.profile = None if profile_id else self.chat.profile
        self._reload_profiles(select_id=profile_id or None)
        self.tasks.run(self._refresh_key_status())

    def open_search(self) -> SearchDialog:
        """Open the search over every saved conversation (non-modal)."""
        from desktop_app.gui.search_dialog import SearchDialog

        names = {profile.id: profile.display_name for profile in self.profiles}
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.services.database, self, profile_names=names)
            self.search_dialog.result_chosen.connect(self._on_search_dialog_result_chosen)
        self.search_dialog.set_profile_names(names)
        self.search_dialog.start()
        return self.search_dialog

    def _on_search_dialog_result_chosen(
        self, conversation_id: str, message_id: str, query: str
    ) -> None:
        if self._open_conversation_anywhere(conversation_id):
            self.chat.show_message(message_id, highlight_text=query or None)

    def open_server_history(self) -> ServerHistoryDialog | None:
        """Open the server history and usage of the current profile (non-modal)."""
        profile = self.chat.profile
        if profile is None:
            self.status_label.setText("Choose or add an agent first.")
            return None
        from desktop_app.gui.server_history_dialog import ServerHistoryDialog

        if self.server_history_dialog is not None:
            self.server_history_dialog.close()
            self.server_history_dialog.deleteLater()
        dialog = ServerHistoryDialog(
            self.services.database, profile, lambda: self.chat.client_for(profile), self
        )
        dialog.thread_imported.connect(self._on_server_history_dialog_thread_imported)
        self.server_history_dialog = dialog
        dialog.show()
        return dialog

    def _on_server_history_dialog_thread_imported(self, conversation_id: str) -> None:
        self._reload_conversations()
        self._open_conversation_anywhere(conversation_id)

    def open_settings(self) -> SettingsDialog:
        """Open the Settings dialog (window-modal, non-blocking)."""
        from desktop_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self)
        dialog.settings_accepted.connect(self._on_settings_dialog_settings_accepted)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _on_settings_dialog_settings_accepted(self, settings: Settings) -> None:
        self._save_settings(settings)
        self._apply_settings(settings)

    @staticmethod
    def _apply_theme(settings: Settings) -> bool:
        app = QApplication.instance()
        return apply_theme(app, settings.theme.value) if isinstance(app, QApplication) else False

    def _apply_settings(self, settings: Settings, *, dark: bool | None = None) -> None:
        if dark is None:
            dark = self._apply_theme(settings)
        sheet = style_sheet(dark, QApplication.font().pointSizeF())
        for widget in self._styled_widgets():
            widget.setStyleSheet(sheet)
        self.transcript.set_theme(dark)
        self.transcript.set_font_point_size(settings.font_size)
        self.composer.editor.set_send_shortcut(settings.send_shortcut.value)

    def _styled_widgets(self) -> tuple[QWidget, ...]:
        """Widgets that take the window's style sheet (never an ancestor of the transcript)."""
        return (
            self.sidebar,
            self.welcome,
            self.banner,
            self.storage_banner,
            self.keyring_banner,
            self.composer,
            self.edit_row,
            self.header,
            self.status_label,
        )

    def _save_settings(self, settings: Settings) -> None:
        previous = self.services.settings
        self.tasks.run(self.services.apply_settings(settings))
        if previous == settings:
            return
        self.tasks.save_in_background(self.services.settings_store.save, settings)
