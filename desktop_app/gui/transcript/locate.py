"""Finding things on screen: a message's frame, a text (wrapping), a brief highlight."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
)
from PySide6.QtWidgets import QTextEdit

#: How long a message scrolled to from a search result stays highlighted.
FLASH_MS = 1500


def frame_top(document: QTextDocument, frame: QTextFrame) -> float:
    """The y of a frame's top edge in document coordinates.

    Only the document up to the frame is laid out for this (`frameBoundingRect` would lay
    out the whole document first).
    """
    block = document.findBlock(frame.firstPosition())
    top = document.documentLayout().blockBoundingRect(block).top()
    frame_format = frame.frameFormat()
    return top - frame_format.padding() - frame_format.border() - frame_format.topMargin()


def find_in_frame(document: QTextDocument, frame: QTextFrame, text: str) -> QTextCursor | None:
    """The first match of `text` (ignoring case) inside `frame`, selected; None if none."""
    if not text:
        return None
    cursor = document.find(text, frame.firstPosition())
    if cursor.isNull() or cursor.selectionEnd() > frame.lastPosition():
        return None
    return cursor


def frame_cursor(document: QTextDocument, frame: QTextFrame) -> QTextCursor:
    """A cursor selecting all of `frame`."""
    cursor = QTextCursor(document)
    cursor.setPosition(frame.firstPosition())
    cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def find_wrapping(browser: QTextEdit, text: str, backward: bool = False) -> bool:
    """Select the next (or previous) match in `browser`, wrapping around; False if none."""
    if not text:
        return False
    flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
    if browser.find(text, flags):
        return True
    cursor = browser.textCursor()
    cursor.movePosition(
        QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
    )
    browser.setTextCursor(cursor)
    return browser.find(text, flags)


class Flash(QObject):
    """Highlights a range of the browser's text for a moment (as an extra selection)."""

    def __init__(self, browser: QTextEdit, duration_ms: int = FLASH_MS) -> None:
        super().__init__(browser)
        self._browser = browser
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self.clear)

    @property
    def active(self) -> bool:
        """True while a highlight is shown."""
        return self._timer.isActive()

    def show(self, cursor: QTextCursor, colour: str) -> None:
        """Highlight the cursor's selection, full width, until the time is up."""
        selection = QTextEdit.ExtraSelection()
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(colour))
        char_format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = char_format  # type: ignore[attr-defined]
        selection.cursor = cursor  # type: ignore[attr-defined]
        self._browser.setExtraSelections([selection])
        self._timer.start()

    def clear(self) -> None:
        """Remove the highlight now."""
        self._timer.stop()
        self._browser.setExtraSelections([])
