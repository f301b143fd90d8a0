"""Notices when another process changed the history (a CLI import, another window)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.core.errors import AgentsGTError
from desktop_app.core.storage import Database

log = logging.getLogger(__name__)

#: How often the history is asked; the question is one cheap PRAGMA on an open connection.
POLL_MS = 1000


class HistoryWatcher(QObject):
    """Polls the window's own connection for outside commits and emits `changed` after one.

    The window reloads its profiles and conversations on `changed`. Writes on the window's
    own connection never trigger it (SQLite counts only other connections' commits); the
    streaming writer's own connection does, so `wait_while` (a reply is streaming) holds the
    check back: what changed meanwhile is reported once it returns False.
    """

    changed = Signal()

    def __init__(
        self,
        database: Database,
        parent: QObject | None = None,
        *,
        interval_ms: int = POLL_MS,
        wait_while: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._wait_while = wait_while
        self._version: int | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Remember the history's state now and start polling."""
        self._version = self._read()
        self.timer.start()

    def stop(self) -> None:
        """Stop polling (before the database closes)."""
        self.timer.stop()

    def check(self) -> bool:
        """Ask once; emit `changed` (and return True) if another connection committed since."""
        if self._wait_while():
            return False
        version = self._read()
        if version is None or version == self._version:
            return False
        first, self._version = self._version is None, version
        if not first:
            self.changed.emit()
        return not first

    def _read(self) -> int | None:
        try:
            return self.database.outside_changes()
        except AgentsGTError as error:  # closed, or the disk failed: the window says so elsewhere
            log.debug("cannot poll the history: %s", error)
            return None
