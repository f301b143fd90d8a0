"""Coalesce frequent requests into at most one call per interval (after qutebrowser's Throttle)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

#: The pause `hurry()` leaves. An asyncio callback (qasync runs them on Qt timers) takes two
#: passes of the event loop to run after its wait ends; with no pause, a slice ran in each of
#: them and a network read waited for two slices.
HURRY_GAP_MS = 2


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
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # a hurry's 2 ms, not 5% of 40
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
        """Ask for a call as soon as the event loop has had its turns (paints, input, network).

        For work done in slices: the next slice follows almost at once, not an interval later.
        """
        self._timer.start(HURRY_GAP_MS)

    def cancel(self) -> None:
        """Drop a scheduled call."""
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self._timer.setInterval(self._interval_ms)  # after a hurry(), back to the interval
        self._callback()
