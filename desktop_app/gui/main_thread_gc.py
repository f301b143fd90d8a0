"""Run Python's garbage collector on the GUI thread only.

CPython collects on whichever thread happens to allocate when a threshold is crossed. If that
is a worker thread (the demo emulator, asyncio.to_thread jobs, the storage writer) and the
garbage holds Qt objects, they are destroyed off the GUI thread, which Qt forbids ("Timers
cannot be stopped from another thread") and which can crash. So automatic collection is turned
off and a timer on the GUI thread collects whenever the thresholds say it is due.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


def collect_if_due() -> None:
    """Collect the oldest generation whose allocation count passed its threshold, if any."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


class MainThreadCollector(QObject):
    """Disables automatic collection and collects on the GUI thread every `interval_ms`.

    A collection costs in proportion to the objects made since the last one: a reply streamed
    flat out makes ~200,000 in half a second, so collecting every 500 ms was a 22 ms stall;
    every 100 ms it is a few ms.
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 100) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_if_due)
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Give collection back to the interpreter (at shutdown)."""
        self._timer.stop()
        gc.enable()
