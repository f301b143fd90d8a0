"""Settings: every field edited, saved atomically, applied; bad values refused with a sentence."""

from __future__ import annotations

import json

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.core.settings import Language, ProxyMode, SendShortcut, Settings, Theme
from desktop_app.gui.settings_dialog import SettingsDialog
from tests.fixtures.qt import run_until
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def test_dialog_shows_and_returns_settings(qtbot) -> None:
    settings = Settings(theme=Theme.DARK, font_size=14, send_shortcut=SendShortcut.CTRL_ENTER)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.theme.currentData() == "dark"
    assert dialog.font_size.value() == 14
    assert not dialog.proxy_url.isEnabled()
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("custom"))
    assert dialog.proxy_url.isEnabled()
    dialog.proxy_url.setText("http://proxy.example.com:8080")
    dialog.idle_timeout.setValue(90)
    edited = dialog.edited_settings()
    assert edited.proxy_mode is ProxyMode.CUSTOM
    assert edited.proxy_url == "http://proxy.example.com:8080"
    assert edited.idle_timeout == 90
    for widget in (dialog.theme, dialog.font_size, dialog.proxy_url, dialog.idle_timeout):
        assert widget.accessibleName()


def test_language_is_chosen_by_its_own_name_for_the_next_start(qtbot) -> None:
    dialog = SettingsDialog(Settings(language=Language.SPANISH))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "es"
    names = [dialog.language.itemText(index) for index in range(dialog.language.count())]
    assert names == ["Same as the system", "English", "Español"]
    assert "next time" in dialog.language_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("system"))
    assert dialog.edited_settings().language is Language.SYSTEM


def test_bad_values_are_refused_with_a_message(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    accepted = []
    dialog.settings_accepted.connect(accepted.append)
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("custom"))
    dialog.proxy_url.setText("ftp://nope")
    dialog.buttons.accepted.emit()
    assert accepted == []
    assert "Proxy URL" in dialog.problem.text()
    assert not dialog.problem.isHidden()
    dialog.proxy_url.setText("")
    dialog.buttons.accepted.emit()
    assert "required" in dialog.problem.text()


def test_window_saves_and_applies_settings(make_window, qloop) -> None:
    window = make_window()
    dialog = window.open_settings()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_size.setValue(15)
    dialog.send_shortcut.setCurrentIndex(dialog.send_shortcut.findData("ctrl_enter"))
    dialog.buttons.accepted.emit()
    run_until(qloop, lambda: not window.tasks.tasks, message="the new settings")
    window.tasks.flush_io()
    saved = json.loads(window.services.paths.settings_path.read_text())
    assert saved["theme"] == "dark" and saved["font_size"] == 15
    assert window.services.settings.send_shortcut is SendShortcut.CTRL_ENTER
    window_colour = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 80, "the dark palette is applied"
    assert "Ctrl+Enter" in window.composer.editor.placeholderText()
    # Back to light so later tests start from the default look.
    dialog = window.open_settings()
    dialog.theme.setCurrentIndex(dialog.theme.findData("light"))
    dialog.buttons.accepted.emit()
    run_until(qloop, lambda: not window.tasks.tasks, message="the save")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
