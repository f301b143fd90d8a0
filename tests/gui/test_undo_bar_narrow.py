"""The undo bar in a narrow sidebar: one line, the message shortened, Undo whole beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.gui.undo_bar import UndoBar

LONG_TITLE = (
    "Deleted “A very long conversation title about planning the quarterly budget review "
    "with the finance team and everyone else”."
)


def test_a_long_message_stays_on_one_line_at_220_px(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    bar = UndoBar(host)
    layout.addWidget(bar)
    layout.addStretch(1)
    host.resize(220, 400)
    host.show()
    qtbot.waitExposed(host)
    bar.show_message(LONG_TITLE)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.label.width() > 0)
    one_line = max(bar.undo_button.sizeHint().height(), bar.label.fontMetrics().height())
    margins = bar.layout().contentsMargins()
    assert bar.height() <= one_line + margins.top() + margins.bottom() + 2
    assert bar.width() <= 220
    assert bar.undo_button.geometry().right() <= bar.width()
    assert bar.undo_button.width() >= bar.undo_button.sizeHint().width()
    shown = bar.label.shown_text()
    assert shown.endswith("…") and shown.startswith("Deleted")
    assert bar.label.text() == LONG_TITLE and bar.label.toolTip() == LONG_TITLE
