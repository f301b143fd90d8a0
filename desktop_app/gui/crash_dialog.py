"""Unexpected errors: a dialog with a copyable report (secrets redacted), never a silent crash."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app.core.errors import redact

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def crash_report(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """A plain-text report for a bug: versions and the traceback, with every secret removed."""
    lines = [
        # Read now, not at import: the version lookup is slow and only a crash needs it.
        f"AgentsGT Desktop {desktop_app.__version__}",
        f"Python {platform.python_version()} on {platform.platform()}",
        f"Qt {qVersion()}",
        "",
        *traceback.format_exception(exc_type, error, tb),
    ]
    return redact("\n".join(line.rstrip("\n") for line in lines))


class CrashDialog(QDialog):
    """Says that something unexpected happened and shows the report with a Copy button."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAccessibleName(self.tr("Unexpected error"))
        self.report = report
        intro = QLabel(
            self.tr(
                "AgentsGT Desktop hit an unexpected problem. Your conversations are saved. "
                "You can keep working; if it happens again, copy this report into a bug report "
                "(it contains no keys)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(report, self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Error report"))
        self.text.setMinimumSize(560, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setAccessibleName(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.report)


class CrashHandler:
    """The excepthook: logs the redacted report and shows one CrashDialog (non-blocking)."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self._parent = parent
        self.dialog: CrashDialog | None = None
        self.reports: list[str] = []
        self._previous: ExceptHook | None = None

    def install(self) -> None:
        """Make this the process's sys.excepthook (qasync's slot errors land here too)."""
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Put the previous hook back."""
        if self._previous is not None:
            sys.excepthook = self._previous
            self._previous = None

    def __call__(
        self, exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QGuiApplication.quit()
            return
        report = crash_report(exc_type, error, tb)
        self.reports.append(report)
        log.error("unexpected error\n%s", report)
        try:
            if self.dialog is not None and self.dialog.isVisible():
                # One dialog at a time: later reports are appended to it.
                self.dialog.report += "\n\n" + report
                self.dialog.text.setPlainText(self.dialog.report)
                return
            self.dialog = CrashDialog(report, self._parent())
            self.dialog.open()
        except Exception:  # the report is already logged; never recurse into the hook
            log.exception("could not show the crash dialog")
