"""Ctrl+K switcher: type to filter (case and accents ignored), Up/Down, Enter picks, Esc closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.core.profiles import new_profile
from desktop_app.gui.switcher import Switcher, SwitcherEntry, open_switcher

AGENT = "11111111-2222-4333-8444-555555555555"

ENTRIES = [
    SwitcherEntry("p-support", "Support", "Customer Care", "GPT-4o"),
    SwitcherEntry("p-mexico", "Ventas México", "Asistente de ventas", ""),
    SwitcherEntry("p-code", "Work", "Python Code Helper", "Claude"),
]


@pytest.fixture
def make(qtbot):
    parents: list[QWidget] = []  # kept alive: a deleted parent deletes its switcher

    def build(entries=ENTRIES) -> Switcher:
        parent = QWidget()
        qtbot.addWidget(parent)
        parents.append(parent)
        switcher = Switcher(entries, parent)
        switcher.popup(parent)
        return switcher

    return build


def test_lists_every_profile_with_agent_and_model(qtbot, make) -> None:
    switcher = make()
    assert switcher.shown_ids() == ["p-support", "p-mexico", "p-code"]
    assert switcher.list.item(0).text() == "Support\nCustomer Care · GPT-4o"
    assert switcher.filter.hasFocus() or switcher.focusWidget() is switcher.filter


def test_typing_filters_by_name_and_agent_ignoring_case_and_accents(qtbot, make) -> None:
    switcher = make()
    qtbot.keyClicks(switcher.filter, "MEXI")
    assert switcher.shown_ids() == ["p-mexico"]
    switcher.filter.clear()
    qtbot.keyClicks(switcher.filter, "code help")  # the agent's name, not the display name
    assert switcher.shown_ids() == ["p-code"]
    switcher.filter.clear()
    qtbot.keyClicks(switcher.filter, "zzz")
    assert switcher.shown_ids() == [] and switcher.empty.isVisible()


def test_arrows_move_and_enter_picks(qtbot, make) -> None:
    switcher = make()
    assert switcher.current_id() == "p-support"
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Down)
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Down)
    assert switcher.current_id() == "p-code"
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Up)
    assert switcher.current_id() == "p-mexico"
    with qtbot.waitSignal(switcher.picked) as signal:
        qtbot.keyClick(switcher.filter, Qt.Key.Key_Return)
    assert signal.args == ["p-mexico"]
    assert not switcher.isVisible()


def test_enter_after_filtering_picks_the_first_match(qtbot, make) -> None:
    switcher = make()
    qtbot.keyClicks(switcher.filter, "work")
    with qtbot.waitSignal(switcher.picked) as signal:
        qtbot.keyClick(switcher.filter, Qt.Key.Key_Enter)
    assert signal.args == ["p-code"]


def test_escape_closes_without_picking(qtbot, make) -> None:
    switcher = make()
    picked: list[str] = []
    switcher.picked.connect(picked.append)
    qtbot.keyClick(switcher.filter, Qt.Key.Key_Escape)
    assert not switcher.isVisible() and picked == []


def test_open_switcher_highlights_the_current_profile(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    profiles = [new_profile(name, AGENT, agent_name="Agent") for name in ("One", "Two")]
    switcher = open_switcher(parent, profiles, profiles[1].id)
    assert switcher.isVisible() and switcher.current_id() == profiles[1].id
    switcher.close()
