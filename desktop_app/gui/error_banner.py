"""The inline banner above the composer: one sentence, an action button, Retry, a countdown."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core.error_text import ErrorAction, ErrorText
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

#: The label of the banner's action button for each ErrorAction ("" when there is none).
ACTION_LABELS = {
    ErrorAction.NONE: "",
    ErrorAction.RETRY: QT_TRANSLATE_NOOP("ErrorBanner", "Retry"),
    ErrorAction.EDIT_KEYS: QT_TRANSLATE_NOOP("ErrorBanner", "Edit keys"),
    ErrorAction.CHECK_BALANCE: QT_TRANSLATE_NOOP("ErrorBanner", "Check balance"),
    ErrorAction.EDIT_PROFILE: QT_TRANSLATE_NOOP("ErrorBanner", "Edit profile"),
    ErrorAction.OPEN_SETTINGS: QT_TRANSLATE_NOOP("ErrorBanner", "Settings"),
}


class ErrorBanner(QFrame):
    """Shows an ErrorText; one with a countdown counts its wait down in the sentence.

    Nothing is retried from here: Retry is the person's click (`retry_requested`). Automatic
    retries happen inside the reply's task, bounded, so Stop ends them.
    """

    action_requested = Signal(str)  # an ErrorAction value
    retry_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAccessibleName(self.tr("Problem"))
        self.label = QLabel(self)
        self.label.setObjectName("errorBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Problem description"))
        self.action_button = QPushButton(self)
        self.action_button.setAccessibleName(self.tr("Fix the problem"))
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.retry_button.setAccessibleName(self.tr("Retry"))
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss the problem"))
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
        """True while a wait is being counted down."""
        return self._countdown.isActive()

    def _connect_signals(self) -> None:
        self.action_button.clicked.connect(self._on_action_button_clicked)
        self.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.close_button.clicked.connect(self.clear)
        self._countdown.timeout.connect(self._on_countdown_timeout)

    def show_error(self, error: ErrorText) -> None:
        """Show `error`; one with a countdown and a `retry_after` counts the wait down."""
        self._countdown.stop()
        self._error = error
        action = error.action
        self.action_button.setVisible(action not in (ErrorAction.NONE, ErrorAction.RETRY))
        label = ACTION_LABELS[action]
        self.action_button.setText(self.tr(label) if label else "")
        self.retry_button.setVisible(error.retryable)
        self._remaining = 0
        if error.countdown and error.retry_after is not None and error.retry_after >= 1:
            self._remaining = math.ceil(error.retry_after)
            self._countdown.start()
        self.label.setText(error.sentence_at(self._remaining))
        self.show()

    def clear(self) -> None:
        """Hide the banner and cancel any countdown."""
        was_visible = self.isVisible()
        self._countdown.stop()
        self._error = None
        self.hide()
        if was_visible:
            self.dismissed.emit()

    def _on_countdown_timeout(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._countdown.stop()
        if self._error is not None:
            self.label.setText(self._error.sentence_at(self._remaining))

    def _on_retry_button_clicked(self) -> None:
        self.clear()
        self.retry_requested.emit()

    def _on_action_button_clicked(self) -> None:
        if self._error is not None:
            self.action_requested.emit(self._error.action.value)
