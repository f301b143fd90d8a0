"""Profile dialog polish: real mnemonic labels, Enter saves after a test, the agent's name shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout, QLabel

from desktop_app.emulator.agents import DEMO_AGENTS
from tests.gui.test_profiles_dialog import _fill, _idle
from tests.gui.window_helpers import OFFSCREEN_NOISE

pytestmark = OFFSCREEN_NOISE


def _form_labels(dialog) -> list[QLabel]:
    labels = []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                labels.append(item.widget())
    return labels


def test_every_mnemonic_label_has_a_buddy(make_window) -> None:
    dialog = make_window().open_profiles(new=True)
    labels = [label for label in _form_labels(dialog) if "&" in label.text()]
    assert any(label.text() == "&Agent:" for label in labels)
    for label in labels:
        assert label.buddy() is not None, label.text()  # else "&" shows as text
    agent_label = next(label for label in labels if label.text() == "&Agent:")
    assert agent_label.buddy() is dialog.agent


def test_enter_after_test_connection_saves_instead_of_closing(
    make_window, qloop, qtbot, emulator
) -> None:
    window = make_window()
    dialog = window.open_profiles(new=True)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    _fill(dialog, emulator)
    dialog.agent.setEditText(DEMO_AGENTS[0].agent_id)
    dialog.test_button.setFocus()
    QTest.keyClick(dialog.test_button, Qt.Key.Key_Space)  # as a person presses it
    _idle(qloop, dialog)
    assert "Agent:" in dialog.status.text()
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    _idle(qloop, dialog)
    assert dialog.isVisible()
    assert "Saved" in dialog.status.text()
    assert len(window.services.database.list_profiles()) == 1


def test_agent_picker_shows_the_start_of_a_long_name(make_window, qloop, emulator) -> None:
    dialog = make_window().open_profiles(new=True)
    dialog.resize(560, 420)
    _fill(dialog, emulator)
    dialog.load_agents_button.click()
    _idle(qloop, dialog)
    assert dialog.agent.count() == len(DEMO_AGENTS)
    assert dialog.agent_line.cursorPosition() == 0
    dialog.agent.setCurrentIndex(1)
    assert dialog.agent_line.cursorPosition() == 0
