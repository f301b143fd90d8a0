"""The ASGI response that writes a scripted reply: pacing, flushing, faults, disconnects."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.emulator.state import StreamOutcome
from desktop_app.emulator.wire import Drop, Piece, Stall, Step

Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]


class DropConnection(Exception):
    """Raised inside a response on purpose: uvicorn then closes the socket mid-body."""


class _QuietDrops(logging.Filter):
    """Hide uvicorn's traceback for the drop fault; it is wanted, not a bug."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, DropConnection)


_quiet = _QuietDrops()


def install_log_filter() -> None:
    """Attach the drop filter to uvicorn's error logger (idempotent)."""
    logger = logging.getLogger("uvicorn.error")
    if _quiet not in logger.filters:
        logger.addFilter(_quiet)


@dataclass(frozen=True, slots=True)
class StreamSummary:
    """What a stream did, passed to the `on_close` callback."""

    outcome: StreamOutcome
    text: str
    text_deltas: int
    bytes_sent: int


class ScriptedStream:
    """Writes `steps` as a chunked 200 response, honouring pacing and stream faults."""

    def __init__(
        self,
        steps: Iterator[Step],
        *,
        headers: tuple[tuple[bytes, bytes], ...],
        tokens_per_second: float,
        byte_chunks: bool,
        start_delay: float,
        stall_seconds: float,
        flush_bytes: int,
        stopping: asyncio.Event,
        on_close: Callable[[StreamSummary], None],
    ) -> None:
        self._steps = steps
        self._headers = list(headers)
        self._tps = tokens_per_second
        self._byte_chunks = byte_chunks
        self._start_delay = start_delay
        self._stall_seconds = stall_seconds
        self._flush_bytes = flush_bytes
        self._stopping = stopping
        self._on_close = on_close
        self._texts: list[str] = []
        self._bytes_sent = 0
        self._finished = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        disconnected = asyncio.Event()
        watcher = asyncio.create_task(self._watch(receive, disconnected))
        outcome = StreamOutcome.SERVER_STOPPED  # kept only if _run is cancelled or fails
        try:
            outcome = await self._run(send, disconnected)
        except DropConnection:
            outcome = StreamOutcome.DROPPED
            raise
        finally:
            watcher.cancel()
            self._finish(outcome)

    def _finish(self, outcome: StreamOutcome) -> None:
        """Report the stream once.

        This runs before the last byte goes out, so a client that has seen the end of the body
        finds the exchange already recorded.
        """
        if not self._finished:
            self._finished = True
            summary = StreamSummary(
                outcome, "".join(self._texts), len(self._texts), self._bytes_sent
            )
            self._on_close(summary)

    @staticmethod
    async def _watch(receive: Receive, disconnected: asyncio.Event) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                disconnected.set()
                return

    async def _wait(self, seconds: float, disconnected: asyncio.Event) -> StreamOutcome | None:
        """Sleep, waking early if the client leaves or the server stops (returns why)."""
        if seconds <= 0.05:
            await asyncio.sleep(seconds)
        else:
            waiters = [
                asyncio.ensure_future(disconnected.wait()),
                asyncio.ensure_future(self._stopping.wait()),
            ]
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
            for waiter in waiters:
                waiter.cancel()
        if disconnected.is_set():
            return StreamOutcome.DISCONNECTED
        if self._stopping.is_set():
            return StreamOutcome.SERVER_STOPPED
        return None

    async def _write(self, send: Send, buffer: bytearray) -> None:
        if not buffer:
            return
        data = bytes(buffer)
        buffer.clear()
        if self._byte_chunks:
            for index in range(len(data)):
                await send(
                    {
                        "type": "http.response.body",
                        "body": data[index : index + 1],
                        "more_body": True,
                    }
                )
                # Yield so each one-byte chunk leaves as its own write before the next.
                await asyncio.sleep(0)
        else:
            await send({"type": "http.response.body", "body": data, "more_body": True})
            await asyncio.sleep(0)  # let disconnect notices in, even when flat out
        self._bytes_sent += len(data)

    async def _run(self, send: Send, disconnected: asyncio.Event) -> StreamOutcome:
        if self._start_delay > 0:
            interrupted = await self._wait(self._start_delay, disconnected)
            if interrupted is StreamOutcome.DISCONNECTED:
                return interrupted
        await send({"type": "http.response.start", "status": 200, "headers": self._headers})
        loop = asyncio.get_running_loop()
        started = loop.time()
        paced = 0
        buffer = bytearray()
        for step in self._steps:
            if disconnected.is_set():
                return StreamOutcome.DISCONNECTED
            if isinstance(step, Piece):
                if step.paced and self._tps > 0:
                    wait = started + paced / self._tps - loop.time()
                    if wait > 0:
                        await self._write(send, buffer)
                        interrupted = await self._wait(wait, disconnected)
                        if interrupted is not None:
                            return await self._end(send, interrupted)
                    paced += 1
                buffer += step.data
                if step.text:
                    self._texts.append(step.text)
                if len(buffer) >= self._flush_bytes:
                    await self._write(send, buffer)
            elif isinstance(step, Stall):
                await self._write(send, buffer)
                interrupted = await self._wait(self._stall_seconds, disconnected)
                return await self._end(send, interrupted or StreamOutcome.COMPLETED)
            elif isinstance(step, Drop):
                await self._write(send, buffer)
                self._finish(StreamOutcome.DROPPED)
                raise DropConnection("emulator drop fault")
        await self._write(send, buffer)
        return await self._end(send, StreamOutcome.COMPLETED)

    async def _end(self, send: Send, outcome: StreamOutcome) -> StreamOutcome:
        self._finish(outcome)
        if outcome is not StreamOutcome.DISCONNECTED:
            await send({"type": "http.response.body", "body": b"", "more_body": False})
        return outcome
