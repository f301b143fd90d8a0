"""Where the reader is in the transcript: following the end, reaching the top, keeping a place."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QScrollBar

#: The reader counts as "at the bottom" within this many pixels of it.
FOLLOW_SLACK_PX = 8
#: The reader counts as "at the top" within this many pixels of it (at least): older messages
#: are asked for a little before the very top, so they are usually there when it is reached.
TOP_SLACK_PX = 48
#: The top is reported once the scroll bar has been still (near the top) this long.
TOP_DEBOUNCE_MS = 120


class ScrollTracker(QObject):
    """Watches the transcript's vertical scroll bar.

    - follows the end while the reader is at the bottom (and only then);
    - reports, debounced, that the reader is near the top (`top_reached`) or, having scrolled
      there, the bottom (`bottom_reached`: a page around a search hit has newer ones after it);
    - keeps a place chosen by the view (`hold`) until the bar's range allows it: Qt may grow
      the range after the edit that grew the document, and a value set before is clamped.
    """

    top_reached = Signal()
    bottom_reached = Signal()

    def __init__(self, bar: QScrollBar, debounce_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._bar = bar
        self.follow = True
        self._held: int | None = None
        self._moving = False  # True while we move the bar ourselves
        self._top_timer = QTimer(self)
        self._top_timer.setSingleShot(True)
        self._top_timer.setInterval(debounce_ms)
        self._top_timer.timeout.connect(self.on_top_timer_timeout)
        self._bottom_timer = QTimer(self)
        self._bottom_timer.setSingleShot(True)
        self._bottom_timer.setInterval(debounce_ms)
        self._bottom_timer.timeout.connect(self.on_bottom_timer_timeout)
        bar.valueChanged.connect(self.on_bar_value_changed)
        bar.rangeChanged.connect(self.on_bar_range_changed)

    def near_top(self) -> bool:
        """True when the reader sees the top of the transcript or is about to."""
        return self._bar.value() <= max(TOP_SLACK_PX, self._bar.pageStep() // 4)

    def near_bottom(self) -> bool:
        """True when the reader sees the end of the transcript or is about to."""
        slack = max(TOP_SLACK_PX, self._bar.pageStep() // 4)
        return self._bar.value() >= self._bar.maximum() - slack

    def check_top(self) -> None:
        """Report the top (debounced) if the reader is near it: the document was replaced or
        grew, and a short one may not have moved the bar at all."""
        if self.near_top():
            self._top_timer.start()

    def to_end(self) -> None:
        """Scroll to the bottom and follow new text from there."""
        self._held = None
        self.follow = True
        self._move(self._bar.maximum())

    def hold(self, value: int) -> None:
        """Scroll to `value` and stay there, even if the range only grows to allow it later."""
        self.follow = False
        self._held = value
        self._move(value)

    def release(self) -> None:
        """Forget a held place (the transcript was replaced)."""
        self._held = None
        self._top_timer.stop()
        self._bottom_timer.stop()

    def _move(self, value: int) -> None:
        self._moving = True
        try:
            self._bar.setValue(value)
        finally:
            self._moving = False
        if self._held is not None and self._bar.value() == self._held:
            self._held = None  # reached: from here the bar keeps it by itself

    def on_bar_value_changed(self, value: int) -> None:
        """The reader (or we) scrolled: follow only at the bottom; notice the top."""
        if not self._moving:
            self._held = None  # the reader moved on: their place is theirs again
            self.follow = value >= self._bar.maximum() - FOLLOW_SLACK_PX
            if self.near_bottom():
                # Only the reader's own scrolling counts: the end coming into view because
                # the transcript was replaced or grew is no request for more.
                self._bottom_timer.start()
        self.check_top()

    def on_bar_range_changed(self, _minimum: int, maximum: int) -> None:
        """The document grew or shrank: stay at the held place, or at the bottom if following."""
        if self._held is not None:
            self._move(self._held)
        elif self.follow:
            self._move(maximum)
        self.check_top()

    def on_top_timer_timeout(self) -> None:
        """Report the top if the reader is still there."""
        if self.near_top():
            self.top_reached.emit()

    def on_bottom_timer_timeout(self) -> None:
        """Report the bottom if the reader is still there."""
        if self.near_bottom():
            self.bottom_reached.emit()
