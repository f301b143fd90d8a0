"""Functions that open the window's dialogs; each dialog module loads when first opened."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop_app.core.error_text import describe_error
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.profiles import Profile
from desktop_app.core.settings import Settings
from desktop_app.gui.services import Services

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.client import AgentsGTClient
    from desktop_app.core.storage.database import Database
    from desktop_app.gui.profile_dialog import ProfileDialog
    from desktop_app.gui.search_dialog import SearchDialog
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog
    from desktop_app.gui.settings_dialog import SettingsDialog


def show_storage_problem(
    parent: QWidget, problem: AgentsGTError, on_quit: Callable[[], object]
) -> QMessageBox:
    """Say why the history could not be opened and that this session's is temporary.

    Window-modal and non-blocking; "Quit" calls `on_quit`, the other button keeps working on
    the temporary history (the banner keeps saying so).
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox  # only when needed: its enums cost ~1 ms

    dialog = QMessageBox(parent)
    dialog.setIcon(QMessageBox.Icon.Warning)
    dialog.setWindowTitle(QCoreApplication.translate("StorageProblem", "History can't be opened"))
    dialog.setText(describe_error(problem).sentence)
    dialog.setInformativeText(
        QCoreApplication.translate(
            "StorageProblem",
            "You can keep working with a temporary history for this session: conversations "
            "will be lost when you quit unless you export them. Your history file is not "
            "changed.",
        )
    )
    keep = dialog.addButton(
        QCoreApplication.translate("StorageProblem", "Use temporary history"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    quit_ = dialog.addButton(
        QCoreApplication.translate("StorageProblem", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    dialog.setDefaultButton(keep)
    dialog.setEscapeButton(keep)  # Esc only dismisses: quitting takes the Quit button
    dialog.buttonClicked.connect(lambda button: button is quit_ and on_quit())
    dialog.open()
    return dialog


def open_profile_dialog(
    parent: QWidget, services: Services, *, select_id: str | None, focus_keys: bool = False
) -> ProfileDialog:
    """Open Profiles & keys (window-modal, non-blocking); `select_id=""` starts a new one."""
    from desktop_app.gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(services, parent, select_id=select_id, focus_keys=focus_keys)
    dialog.open()
    return dialog


def open_settings_dialog(parent: QWidget, settings: Settings) -> SettingsDialog:
    """Open Settings (window-modal, non-blocking)."""
    from desktop_app.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, parent)
    dialog.open()
    return dialog


def open_search_dialog(
    parent: QWidget,
    database: Database,
    profile_names: Mapping[str, str],
    existing: SearchDialog | None = None,
) -> SearchDialog:
    """Open the search over every saved conversation (non-modal), reusing `existing`."""
    from desktop_app.gui.search_dialog import SearchDialog

    dialog = existing or SearchDialog(database, parent, profile_names=profile_names)
    dialog.set_profile_names(profile_names)
    dialog.start()
    return dialog


def open_server_history_dialog(
    parent: QWidget,
    database: Database,
    profile: Profile,
    client_for: Callable[[Profile], Awaitable[AgentsGTClient]],
) -> ServerHistoryDialog:
    """Open the server history and usage of `profile` (non-modal)."""
    from desktop_app.gui.server_history_dialog import ServerHistoryDialog

    dialog = ServerHistoryDialog(database, profile, lambda: client_for(profile), parent)
    dialog.show()
    return dialog
