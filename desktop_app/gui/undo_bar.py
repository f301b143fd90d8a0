"""A slim bar that says what was just done, offers Undo, and hides by itself after a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

DEFAULT_TIMEOUT_MS = 10_000


class ElidedLabel(QLabel):
    """A one-line label that shows "…" at the end when narrow; `text()` stays the whole text.

    It asks for no width of its own, so a narrow sidebar shortens it instead of widening.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def shown_text(self) -> str:
        """What fits: the text, shortened with "…" if the label is too narrow for it."""
        one_line = " ".join(self.text().split())
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.shown_text(),
        )


class UndoBar(QFrame):
    """ "<message> [Undo] [×]": Undo emits `undo_requested`; × or the timeout emit `dismissed`.

    The countdown pauses while the pointer is over the bar or a button of it has the keyboard
    focus, so nobody loses the chance to undo while reaching for the button.
    """

    undo_requested = Signal()
    dismissed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, timeout_ms: int = DEFAULT_TIMEOUT_MS
    ) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setAccessibleName(self.tr("Undo"))
        self.label = ElidedLabel(self)  # the sidebar is narrow: one shortened line, Undo beside
        self.label.setObjectName("undoBarText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("What was done"))
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.close_button = QPushButton("×", self)
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.setToolTip(self.tr("Dismiss"))
        # "×" needs a square, not a default button's 80 px: the message gets the room.
        self.close_button.setFixedWidth(self.close_button.sizeHint().height() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._connect_signals()
        self.hide()

    def _connect_signals(self) -> None:
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.close_button.clicked.connect(self._on_close_button_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)
        for button in (self.undo_button, self.close_button):
            button.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        """How long the bar stays up with nobody touching it."""
        return self._timer.interval()

    @property
    def counting_down(self) -> bool:
        """True while the bar will hide by itself."""
        return self._timer.isActive()

    def show_message(self, text: str, *, tooltip: str = "") -> None:
        """Show `text` (plain) and start the countdown again from the full timeout."""
        self.label.setText(text)
        self.label.setToolTip(tooltip or text)
        self.setAccessibleDescription(text)
        self.show()
        # A screen reader announces the change: the deletion happened out of sight of focus.
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # only when something is said

        QAccessible.updateAccessibility(QAccessibleEvent(self.label, QAccessible.Event.NameChanged))
        if not self._held():
            self._timer.start()

    def dismiss(self) -> None:
        """Hide the bar now, as × does (emits `dismissed` when it was showing)."""
        self._timer.stop()
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def _held(self) -> bool:
        return self.underMouse() or self.undo_button.hasFocus() or self.close_button.hasFocus()

    def _resume(self) -> None:
        if self.isVisible() and not self._held():
            self._timer.start()

    # -- events ------------------------------------------------------------------------------------

    def enterEvent(self, event: QEnterEvent) -> None:
        self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        # underMouse() is still true during leaveEvent: restart unless a button holds focus.
        if self.isVisible() and not (self.undo_button.hasFocus() or self.close_button.hasFocus()):
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._timer.stop()
        elif event.type() == QEvent.Type.FocusOut:
            # Focus may be moving between our own two buttons: decide once it has landed.
            QTimer.singleShot(0, self, self._resume)
        return super().eventFilter(watched, event)

    # -- slots -------------------------------------------------------------------------------------

    def _on_undo_button_clicked(self) -> None:
        self._timer.stop()
        self.hide()
        self.undo_requested.emit()

    def _on_close_button_clicked(self) -> None:
        self.dismiss()

    def _on_timer_timeout(self) -> None:
        self.dismiss()
