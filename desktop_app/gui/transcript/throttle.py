"""Coalesce frequent requests into at most one call per interval (after qutebrowser's Throttle)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    """Calls `callback` at most once per `interval_ms`.

    The first `trigger()` after a call starts a single-shot timer; later triggers while it runs
    are absorbed. So a burst of N deltas costs one repaint per interval, never N.
    """

    def __init__(self, callback: Callable[[], None], interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def pending(self) -> bool:
        """True while a call is scheduled."""
        return self._timer.isActive()

    def trigger(self) -> None:
        """Ask for a call; it happens when the current interval ends."""
        if not self._timer.isActive():
            self._timer.start()

    def hurry(self) -> None:
        """Ask for a call as soon as the event loop has had a turn (paints, input, network).

        For work done in slices: the next slice follows at once, not an interval later.
        """
        self._timer.start(0)

    def cancel(self) -> None:
        """Drop a scheduled call."""
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self._timer.setInterval(self._interval_ms)  # after a hurry(), back to the interval
        self._callback()
