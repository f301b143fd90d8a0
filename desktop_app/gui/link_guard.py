"""Links from replies: show the full URL, ask, and open only http, https and mailto."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_openable(url: QUrl) -> bool:
    """True only for a valid http, https or mailto URL (never javascript:, file:, data:...)."""
    return url.isValid() and url.scheme().lower() in OPENABLE_SCHEMES


class LinkGuard(QObject):
    """Asks before a reply's link opens in the system browser or mail program.

    The question is a window-modal QMessageBox opened with `open()` (never `exec()`), so the
    event loop, and any streaming reply, keeps running while it is shown.
    """

    link_opened = Signal(QUrl)
    link_refused = Signal(QUrl)

    def __init__(
        self,
        parent: QWidget,
        opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._opener = opener
        self.dialog: QMessageBox | None = None

    def request_open(self, url: QUrl) -> None:
        """Ask about `url`; a URL with another scheme is refused without asking."""
        if not is_openable(url):
            self.link_refused.emit(url)
            return
        if self.dialog is not None:
            self.dialog.close()
        full = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        dialog = QMessageBox(self._parent)
        dialog.setIcon(QMessageBox.Icon.Question)
        dialog.setWindowTitle("Open link?")
        dialog.setText("The reply links to:")
        # Plain text: the URL is shown exactly, never interpreted as rich text.
        dialog.setInformativeText(full)
        dialog.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setStandardButtons(
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel
        )
        dialog.setDefaultButton(QMessageBox.StandardButton.Cancel)
        dialog.setAccessibleName("Open link confirmation")
        dialog.finished.connect(lambda result: self._on_dialog_finished(url, result))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, url: QUrl, result: int) -> None:
        self.dialog = None
        if result == QMessageBox.StandardButton.Open.value:
            self._opener(url)
            self.link_opened.emit(url)
        else:
            self.link_refused.emit(url)
