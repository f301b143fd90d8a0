"""The find bar: "n of N", next and previous wrapping round, Enter/Shift+Enter, Escape closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.gui.find_bar import FindBar
from desktop_app.gui.transcript import TranscriptView
from tests.gui.test_transcript_support import reply, user

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def parts(qtbot) -> tuple[TranscriptView, FindBar, QWidget]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    view = TranscriptView(host, repaint_interval_ms=5)
    bar = FindBar(view.browser, host)
    layout.addWidget(view)
    layout.addWidget(bar)
    host.resize(600, 400)
    host.show()
    qtbot.waitExposed(host)
    view.set_messages(
        [
            user("u1", "Where is the cat?"),
            reply("a1", "The **cat** sleeps. Another cat\n\n- a cat\n- a dog"),
            user("u2", "CAT again"),
        ]
    )
    return view, bar, host  # the host too: pytest-qt holds widgets only weakly


def _selected(view: TranscriptView) -> int:
    return view.browser.textCursor().selectionStart()


def test_typing_counts_and_selects_the_first_match(parts) -> None:
    view, bar, _ = parts
    bar.open()
    assert bar.isVisible() and bar.edit.hasFocus()
    QTest.keyClicks(bar.edit, "cat")
    assert bar.match_count == 5
    assert bar.count_label.text() == "1 of 5"
    assert view.browser.textCursor().selectedText().lower() == "cat"


def test_next_and_previous_wrap_round(parts) -> None:
    view, bar, _ = parts
    bar.open("cat")
    starts = []
    for _ in range(5):
        starts.append(_selected(view))
        bar.next_button.click()
    assert starts == sorted(starts) and len(set(starts)) == 5
    assert bar.count_label.text() == "1 of 5" and _selected(view) == starts[0]
    bar.previous_button.click()
    assert bar.count_label.text() == "5 of 5" and _selected(view) == starts[-1]


def test_enter_goes_on_shift_enter_back_and_escape_closes(qtbot, parts) -> None:
    _, bar, _ = parts
    bar.open("cat")
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == "2 of 5"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == "1 of 5"
    with qtbot.waitSignal(bar.closed):
        QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_no_match_says_so_and_disables_the_buttons(parts) -> None:
    _, bar, _ = parts
    bar.open("zebra")
    assert bar.count_label.text() == "No matches"
    assert not bar.next_button.isEnabled() and not bar.previous_button.isEnabled()
    bar.edit.clear()
    assert bar.count_label.text() == ""
