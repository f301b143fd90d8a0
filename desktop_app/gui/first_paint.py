"""The window's first paint: waiting for it, reporting it, and what may load only after it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from types import ModuleType, TracebackType

    from PySide6.QtWidgets import QWidget

    from desktop_app.gui.crash_dialog import CrashHandler

ExceptHook = Callable[[type[BaseException], BaseException, "TracebackType | None"], Any]


def skip_pyside_source_scan(package: str = "desktop_app") -> None:
    """Spare PySide reading the source of every module imported after it, into linecache.

    PySide's `__feature__` support asks, for each newly imported module, whether it uses
    PySide, by reading its whole source (`inspect.getsource`), which also keeps every line of
    it in `linecache` for good: ~12 ms at start and 11 MB of memory for the modules a window
    imports. The answer is known without reading for the standard library (never) and taken
    as yes for `package` (the default feature set, the one it would get anyway). Any other
    module's file is searched for "PySide6" as PySide does, but read as bytes and let go.
    Does nothing when PySide works differently.
    """
    feature = sys.modules.get("shibokensupport.feature")
    reads_source = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or reads_source is None or getattr(reads_source, "skips_known", False):
        return
    standard = sys.stdlib_module_names

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == package or name.startswith(package + "."):
            return True
        if name.partition(".")[0] in standard:
            return False
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                return False  # as PySide answers for a module whose source cannot be read
        return bool(reads_source(module))

    uses_pyside.skips_known = True  # type: ignore[attr-defined]
    vars(feature)["_mod_uses_pyside"] = uses_pyside  # PySide's private hook, set by name


class DeferredCrashHandler:
    """The process's excepthook; the crash dialog's module loads after the first paint.

    Its Qt dialog classes cost ~3 ms to set up: `load()` after the first paint, or the first
    unexpected error before it, brings in crash_dialog.CrashHandler, which does the work.
    """

    def __init__(self, parent: Callable[[], QWidget | None]) -> None:
        self._parent = parent
        self._handler: CrashHandler | None = None
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

    def load(self) -> CrashHandler:
        """The CrashHandler that shows the dialog (made on the first call)."""
        if self._handler is None:
            from desktop_app.gui.crash_dialog import CrashHandler

            self._handler = CrashHandler(self._parent)
        return self._handler

    def __call__(self, exc_type, error, tb) -> None:
        self.load()(exc_type, error, tb)


def wait_for_first_paint(window, timeout_ms: int = 1000) -> float | None:
    """Run Qt's own event loop until `window` has painted once (or `timeout_ms` has passed).

    Returns the wall-clock time the paint began (None after a timeout). The asyncio + qasync
    imports and loop (~25 ms) come after this, so the window shows first.
    """
    import time

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    waiting = QEventLoop()
    painted_at: list[float] = []

    class _FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # Qt override
            if event.type() == QEvent.Type.Paint and not painted_at:
                painted_at.append(time.time())
                waiting.quit()  # after this paint is done: exec() returns between events
            return False

    painted = _FirstPaint()
    window.installEventFilter(painted)
    # A window that never paints (minimised, an odd platform) must not hold the loop back.
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(waiting.quit)
    timeout.start(timeout_ms)
    if window.isVisible():
        waiting.exec()
    timeout.stop()
    window.removeEventFilter(painted)
    return painted_at[0] if painted_at else None


def report_startup(window, painted_at: float | None) -> None:
    """For `--measure-startup`: print when the window first painted, then close it.

    Prints `startup: first paint <age> s after process start (painted at <epoch>)`; the epoch
    lets a benchmark measure from its own spawn time too. Called after the paint (self_test
    imports asyncio), with the time taken at the paint.
    """
    import time

    from PySide6.QtCore import QTimer

    if painted_at is None:
        line = "startup: no first paint within the time allowed"
    else:
        age = process_age()
        shown = "unknown" if age is None else f"{age - (time.time() - painted_at):.3f}"
        line = f"startup: first paint {shown} s after process start (painted at {painted_at:.6f})"
    if sys.stdout is not None:  # none in a windowed build on Windows
        print(line, flush=True)
    QTimer.singleShot(0, window.close)


def process_age() -> float | None:
    """Seconds since this process started, from the OS (None where it cannot be read)."""
    import os
    from pathlib import Path

    if sys.platform.startswith("linux"):
        try:
            # Both numbers count from boot: no wall clock (and no whole-second boot time) involved.
            fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
            started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
            uptime = float(Path("/proc/uptime").read_text().split()[0])
            return uptime - started
        except (OSError, ValueError, IndexError):
            return None
    import time

    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        return None
    return time.time() - psutil.Process().create_time()
