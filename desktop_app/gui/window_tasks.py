"""Background coroutines of a window: kept (so they can be cancelled), failures made visible."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.core.error_text import describe_error, is_expected

if TYPE_CHECKING:
    # asyncio (~20 ms) loads after the window's first paint, with the qasync loop (app.py).
    import asyncio
    from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)


class WindowTasks(QObject):
    """Runs small coroutines on the qasync loop for a window.

    An expected error (AgentsGTError) becomes `failed(ErrorText)`; anything else goes to
    sys.excepthook, which shows the crash dialog. Made with `loop_ready=False` (app.py: the
    loop is created after the first paint), it keeps what `run` is given until
    `loop_started()`.
    """

    failed = Signal(object)  # ErrorText

    def __init__(self, parent: QObject | None = None, *, loop_ready: bool = True) -> None:
        super().__init__(parent)
        self.tasks: set[asyncio.Task[Any]] = set()
        #: Coroutines given to `run` before the loop exists (None once it does).
        self._waiting: list[Coroutine[Any, Any, Any]] | None = None if loop_ready else []
        # One worker: small file saves (settings, window state) happen off the GUI thread and
        # in the order they were asked for, whether or not the asyncio loop is running. Made
        # at the first save (concurrent.futures loads with asyncio, after the first paint).
        self._executor: ThreadPoolExecutor | None = None

    @property
    def _io(self) -> ThreadPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="window-io")
        return self._executor

    def save_in_background(self, save: Callable[..., object], *args: object) -> Future[object]:
        """Run a small blocking save on the window's I/O thread; failures are logged."""
        future = self._io.submit(save, *args)
        future.add_done_callback(self._on_save_done)
        return future

    def flush_io(self) -> None:
        """Wait for every pending save (on quit)."""
        if self._executor is not None:
            self._executor.submit(lambda: None).result()

    @staticmethod
    def _on_save_done(future: Future[object]) -> None:
        error = future.exception()
        if error is not None:
            log.warning("could not save: %s", error)

    def run(self, coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any] | None:
        """Start `coroutine` as a task and keep it until it ends.

        Before `loop_started()` (a window made with `loop_ready=False`) the coroutine waits
        and None is returned.
        """
        if self._waiting is not None:
            self._waiting.append(coroutine)
            return None
        import asyncio

        task = asyncio.ensure_future(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    @property
    def loop_ready(self) -> bool:
        """True once coroutines given to `run` start at once."""
        return self._waiting is None

    def loop_started(self) -> None:
        """The asyncio loop exists now: start, in order, what `run` was given before it."""
        waiting, self._waiting = self._waiting or [], None
        for coroutine in waiting:
            self.run(coroutine)

    async def wait(self) -> None:
        """Wait for every running task (quitting, tests)."""
        import asyncio

        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    def cancel_all(self) -> None:
        """Cancel every running task (and drop any still waiting for the loop)."""
        for coroutine in self._waiting or []:
            coroutine.close()  # never started: no "never awaited" warning
        if self._waiting:
            self._waiting.clear()
        for task in list(self.tasks):
            task.cancel()

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        if is_expected(error):
            self.failed.emit(describe_error(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)
