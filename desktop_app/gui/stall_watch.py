"""Notices when a streaming reply has sent nothing for a while (the agent is still thinking)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

#: How long without a token before the window says it is waiting for the agent.
STALL_AFTER_MS = 5000


class StallWatch(QObject):
    """`stalled_changed(True)` after `interval_ms` with no progress while watching; `False`
    at the next progress or when the watch stops."""

    stalled_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, interval_ms: int = STALL_AFTER_MS) -> None:
        super().__init__(parent)
        self.stalled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def set_interval(self, interval_ms: int) -> None:
        """Wait this long for progress from now on."""
        self._timer.setInterval(interval_ms)

    def watch(self, active: bool) -> None:
        """Start watching (a reply began) or stop (it ended)."""
        if active:
            self._timer.start()
        else:
            self._timer.stop()
        self._set_stalled(False)

    def progress(self) -> None:
        """Something arrived: the wait starts again."""
        if self._timer.isActive() or self.stalled:
            self._timer.start()
        self._set_stalled(False)

    def _on_timer_timeout(self) -> None:
        self._set_stalled(True)

    def _set_stalled(self, stalled: bool) -> None:
        if stalled != self.stalled:
            self.stalled = stalled
            self.stalled_changed.emit(stalled)
