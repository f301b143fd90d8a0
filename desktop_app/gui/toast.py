"""A short notice ("Copied") over the bottom centre of a widget that fades away by itself."""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

DEFAULT_DURATION_MS = 1500
FADE_MS = 250
BOTTOM_MARGIN = 24


class Toast(QLabel):
    """A rounded label floating over its parent; `show_message` shows it, then it fades out.

    It never takes focus or clicks: the reader keeps typing or scrolling underneath.
    """

    def __init__(self, parent: QWidget, *, duration_ms: int = DEFAULT_DURATION_MS) -> None:
        super().__init__(parent)
        self._host = parent
        self.setObjectName("toast")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Fixed colours: it floats over both themes and must read on either.
        self.setStyleSheet(
            "QLabel#toast { background: rgba(32, 33, 36, 230); color: white;"
            " border-radius: 12px; padding: 6px 14px; }"
        )
        self._opacity = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(duration_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._fade.finished.connect(self._on_fade_finished)
        parent.installEventFilter(self)
        self.hide()

    def show_message(self, text: str) -> None:
        """Show `text` now (replacing any notice still up) and start the countdown again."""
        self._fade.stop()
        self._opacity.setOpacity(1.0)
        self.setText(text)
        self.setAccessibleName(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        x = (self._host.width() - self.width()) // 2
        y = self._host.height() - self.height() - BOTTOM_MARGIN
        self.move(max(0, x), max(0, y))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)

    def _on_timer_timeout(self) -> None:
        self._fade.start()

    def _on_fade_finished(self) -> None:
        self.hide()
