"""The inline banner above the composer: one sentence, an action button, Retry, a countdown."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.error_text import ErrorAction, ErrorText


class ErrorBanner(QFrame):
    """Shows an ErrorText. A rate limit counts down and emits `retry_requested` when it ends."""

    action_requested = Signal(str)  # an ErrorAction value
    retry_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAccessibleName("Problem")
        self.label = QLabel(self)
        self.label.setObjectName("errorBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Problem description")
        self.action_button = QPushButton(self)
        self.action_button.setAccessibleName("Fix the problem")
        self.retry_button = QPushButton("Retry", self)
        self.retry_button.setAccessibleName("Retry")
        self.close_button = QPushButton("Dismiss", self)
        self.close_button.setAccessibleName("Dismiss the problem")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.close_button)
        self._error: ErrorText | None = None
        self._remaining = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._connect_signals()
        self.hide()

    @property
    def error(self) -> ErrorText | None:
        """The error shown, or None when hidden."""
        return self._error

    @property
    def counting_down(self) -> bool:
        """True while an automatic retry is pending."""
        return self._countdown.isActive()

    def _connect_signals(self) -> None:
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.close_button.clicked.connect(self.clear)
        self._countdown.timeout.connect(self._on_countdown_timeout)

    def show_error(self, error: ErrorText) -> None:
        """Show `error`; a `retry_after` starts the countdown to an automatic retry."""
        self._countdown.stop()
        self._error = error
        action = error.action
        self.action_button.setVisible(action not in (ErrorAction.NONE, ErrorAction.RETRY))
        self.action_button.setText(error.action_label)
        self.retry_button.setVisible(error.retryable)
        if error.retry_after is not None:
            self._remaining = max(1, math.ceil(error.retry_after))
            self._render_countdown()
            self._countdown.start()
        else:
            self.label.setText(error.sentence)
        self.show()

    def clear(self) -> None:
        """Hide the banner and cancel any countdown."""
        was_visible = self.isVisible()
        self._countdown.stop()
        self._error = None
        self.hide()
        if was_visible:
            self.dismissed.emit()

    def _render_countdown(self) -> None:
        unit = "second" if self._remaining == 1 else "seconds"
        self.label.setText(f"Too many requests: trying again in {self._remaining} {unit}.")
        self.retry_button.setText("Retry now")

    def _on_countdown_timeout(self) -> None:
        self._remaining -= 1
        if self._remaining > 0:
            self._render_countdown()
            return
        self._countdown.stop()
        self._finish_with_retry()

    def _on_retry_button_clicked(self) -> None:
        self._countdown.stop()
        self._finish_with_retry()

    def _finish_with_retry(self) -> None:
        self.retry_button.setText("Retry")
        self._error = None
        self.hide()
        self.retry_requested.emit()

    def _on_action_button_clicked(self) -> None:
        if self._error is not None:
            self.action_requested.emit(self._error.action.value)
