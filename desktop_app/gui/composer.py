"""The message box: Enter sends (or Ctrl+Enter), Shift+Enter breaks the line, IME-safe."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

SEND_ON_ENTER = "enter"
SEND_ON_CTRL_ENTER = "ctrl_enter"

_RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Composer(QPlainTextEdit):
    """A plain-text editor that emits `submitted` on the send shortcut.

    While an input method is composing (a non-empty pre-edit string, e.g. Japanese or Chinese
    input), Enter belongs to the input method and never sends.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._send_shortcut = SEND_ON_ENTER
        self._preedit = ""
        self.setObjectName("composer")
        self.setTabChangesFocus(True)
        self.setAccessibleName("Message")
        self.setAccessibleDescription("Type a message to the agent")
        self.set_send_shortcut(SEND_ON_ENTER)

    @property
    def composing(self) -> bool:
        """True while an input method has uncommitted (pre-edit) text."""
        return bool(self._preedit)

    def set_send_shortcut(self, shortcut: str) -> None:
        """Choose "enter" (Enter sends) or "ctrl_enter" (Ctrl+Enter sends, Enter breaks lines)."""
        self._send_shortcut = shortcut
        if shortcut == SEND_ON_CTRL_ENTER:
            hint = "Message the agent (Ctrl+Enter to send)"
        else:
            hint = "Message the agent (Enter to send, Shift+Enter for a new line)"
        self.setPlaceholderText(hint)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # Qt override
        # Remember the pre-edit state: Qt has no direct "is composing" query on the widget.
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        if event.key() in _RETURN_KEYS:
            if self.composing:
                # The input method owns this Enter (it confirms the composition): neither a
                # send nor a new line.
                event.accept()
                return
            if self._is_send(event):
                event.accept()
                self.submitted.emit()
                return
        super().keyPressEvent(event)

    def _is_send(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = Qt.KeyboardModifier.ControlModifier
        if self._send_shortcut == SEND_ON_CTRL_ENTER:
            return modifiers == control
        # Plain Enter sends; Shift+Enter falls through to a new line. Ctrl+Enter also sends,
        # which people used to other chat apps expect.
        return modifiers in (Qt.KeyboardModifier.NoModifier, control)


class ComposerPanel(QWidget):
    """The composer with its Send and Stop buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = Composer(self)
        self.editor.setMinimumHeight(64)
        self.editor.setMaximumHeight(120)
        # The transcript gets the spare height, not the message box.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.send_button = QPushButton("Send", self)
        self.send_button.setAccessibleName("Send message")
        self.send_button.setDefault(False)
        self.stop_button = QPushButton("Stop", self)
        self.stop_button.setAccessibleName("Stop the reply")
        self.stop_button.setToolTip("Stop the reply (Esc)")
        self.stop_button.setEnabled(False)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    def set_streaming(self, streaming: bool) -> None:
        """Swap the enabled buttons while a reply streams (typing stays possible)."""
        self.stop_button.setEnabled(streaming)
        self.send_button.setEnabled(not streaming)
