"""The find bar (Ctrl+F) over the transcript: the text, "3 of 12", previous, next and close."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextEdit, QWidget

#: Counting stops here: beyond it the number says "1000+" (a one-letter search in a long talk).
MAX_COUNTED = 1000


def find_all(document: QTextDocument, text: str, limit: int = MAX_COUNTED) -> list[QTextCursor]:
    """Every match of `text` in `document` (case-insensitive), in order, at most `limit`."""
    matches: list[QTextCursor] = []
    if not text:
        return matches
    cursor = document.find(text, 0)
    while not cursor.isNull() and len(matches) < limit:
        matches.append(cursor)
        cursor = document.find(text, cursor.selectionEnd())
    return matches


class FindBar(QWidget):
    """Finds text in a QTextEdit: Enter or Next goes on, Shift+Enter or Previous goes back.

    The count says which match is selected ("3 of 12"); Escape or × hides the bar and emits
    `closed` (the window puts focus back in the composer).
    """

    closed = Signal()

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor = editor
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in conversation"))
        self.edit.setAccessibleName(self.tr("Find in conversation"))
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Matches"))
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = QPushButton(self.tr("Previous"), self)
        self.previous_button.setAccessibleName(self.tr("Previous match"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.next_button = QPushButton(self.tr("Next"), self)
        self.next_button.setAccessibleName(self.tr("Next match"))
        self.next_button.setToolTip(self.tr("Next match (Enter)"))
        self.close_button = QPushButton("×", self)
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setFixedWidth(self.close_button.sizeHint().height() + 4)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.close_button)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self._show_count()
        self.hide()

    # -- public API ------------------------------------------------------------------------------

    @property
    def match_count(self) -> int:
        """How many matches there are (at most MAX_COUNTED)."""
        return len(self._matches)

    @property
    def current_index(self) -> int:
        """The selected match, from 0; -1 for none."""
        return self._current

    def open(self, text: str | None = None) -> None:
        """Show the bar with the cursor in it (with `text`, searching for it), counting again."""
        self.show()
        if text is not None:
            self.edit.setText(text)
        self.edit.setFocus()
        self.edit.selectAll()
        self.refresh()

    def refresh(self) -> None:
        """Count again (the conversation changed); the selection stays on the nearest match."""
        self._matches = find_all(self._editor.document(), self.edit.text())
        here = self._editor.textCursor().selectionStart()
        self._current = -1
        if self._matches:
            self._current = next(
                (i for i, m in enumerate(self._matches) if m.selectionStart() >= here), 0
            )
        self._show_count()

    def find_next(self) -> None:
        """Select the next match, wrapping round at the end."""
        self._step(1)

    def find_previous(self) -> None:
        """Select the previous match, wrapping round at the start."""
        self._step(-1)

    def close_bar(self) -> None:
        """Hide the bar and say so."""
        self.hide()
        self.closed.emit()

    # -- internals -------------------------------------------------------------------------------

    def _step(self, direction: int) -> None:
        if not self._matches:
            self.refresh()
        if not self._matches:
            return
        selected = self._editor.textCursor()
        current = self._matches[self._current] if self._current >= 0 else None
        if current is not None and (
            selected.selectionStart() != current.selectionStart()
            or selected.selectionEnd() != current.selectionEnd()
        ):
            # Not yet on a match (just typed, or the reader clicked elsewhere): select this one.
            self._select(self._current)
            return
        self._select((self._current + direction) % len(self._matches))

    def _select(self, index: int) -> None:
        self._current = index
        self._editor.setTextCursor(self._matches[index])
        self._editor.ensureCursorVisible()
        self._show_count()

    def _show_count(self) -> None:
        found = bool(self._matches)
        for button in (self.previous_button, self.next_button):
            button.setEnabled(found)
        if not self.edit.text():
            self.count_label.clear()
        elif not found:
            self.count_label.setText(self.tr("No matches"))
        else:
            total = str(len(self._matches))
            if len(self._matches) >= MAX_COUNTED:
                total += "+"
            self.count_label.setText(
                self.tr("{current} of {total}").format(current=self._current + 1, total=total)
            )

    def _on_edit_text_changed(self, text: str) -> None:
        self.refresh()
        if self._matches:
            self._select(self._current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                backward = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step(-1 if backward else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
