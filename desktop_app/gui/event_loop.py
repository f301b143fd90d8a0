"""The app's asyncio loop: qasync's Qt-driven loop, plus the async-generator hooks it lacks.

asyncio's own loops install `sys.set_asyncgen_hooks` while they run, so an async generator
abandoned half-way (httpx's body iterators when Stop cancels a reply) is closed by a task on
the loop. qasync's `run_forever` does not, and such generators are then finalised by the
garbage collector with no loop running ("async generator ignored GeneratorExit"), leaving the
connection to be torn down by accident. This loop installs the hooks while it runs.
"""

from __future__ import annotations

import sys

import qasync


class AppEventLoop(qasync.QEventLoop):
    """qasync.QEventLoop that finalises abandoned async generators on the loop."""

    def run_forever(self):  # type: ignore[override]
        previous = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(
            firstiter=self._asyncgen_firstiter_hook, finalizer=self._asyncgen_finalizer_hook
        )
        try:
            return super().run_forever()
        finally:
            sys.set_asyncgen_hooks(*previous)
