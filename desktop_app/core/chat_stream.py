"""One streaming chat reply: the open response, its decoder and accumulator, and its end."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType

import httpx

from desktop_app.core.decoding import ReplyAccumulator, StreamDecoder, protocol_from_headers
from desktop_app.core.errors import AgentsGTError, StreamProtocolError
from desktop_app.core.events import Protocol, StreamEvent, StreamResult, ToolCall
from desktop_app.core.http import ClientSettings, transport_error

log = logging.getLogger(__name__)


class ChatStream:
    """A reply as it streams. Use it as `async with ... as stream: async for event in stream`.

    - Entering sends the request (with retries before any reply starts) and raises the typed
      status error for a non-2xx answer.
    - Iterating yields typed events. A dropped connection, `idle_timeout` seconds without a byte,
      or an undecodable stream end the iteration normally: `result.outcome` is then INCOMPLETE and
      `result.error` says why; the text received so far is kept.
    - Leaving the block (early, or because the task was cancelled) closes the connection at once.
    """

    def __init__(
        self,
        open_response: Callable[[], Awaitable[httpx.Response]],
        settings: ClientSettings,
        host: str,
    ) -> None:
        self._open_response = open_response
        self._settings = settings
        self._host = host
        self._response: httpx.Response | None = None
        self._chunks: AsyncIterator[bytes] | None = None
        self._decoder: StreamDecoder | None = None
        self._accumulator: ReplyAccumulator | None = None
        self._pending: deque[StreamEvent] = deque()
        self._finished = False
        self._error: AgentsGTError | None = None
        self._result: StreamResult | None = None

    # -- context manager -------------------------------------------------------------------------

    async def __aenter__(self) -> ChatStream:
        response = await self._open_response()
        self._response = response
        hint = protocol_from_headers(response.headers)
        self._decoder = StreamDecoder(hint)
        self._accumulator = ReplyAccumulator(hint)
        self._chunks = response.aiter_bytes()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection now (unread body and all); safe to call more than once."""
        self._finished = True
        chunks, self._chunks = self._chunks, None
        response = self._response
        if response is None or response.is_closed:
            return
        try:
            # Finalize the suspended body iterator here rather than leaving it to the garbage
            # collector, then drop the connection (an unfinished body is never drained).
            if chunks is not None:
                await chunks.aclose()  # type: ignore[attr-defined]
            await response.aclose()
        except (httpx.HTTPError, RuntimeError) as exc:
            # The connection is being thrown away; failing to close it politely changes nothing.
            log.debug("closing the reply stream failed: %s", type(exc).__name__)

    # -- state -----------------------------------------------------------------------------------

    @property
    def status_code(self) -> int | None:
        """The HTTP status of the reply, once the request was answered."""
        return self._response.status_code if self._response is not None else None

    @property
    def protocol(self) -> Protocol | None:
        """The wire format: from the headers, else sniffed from the first bytes."""
        if self._decoder is None:
            return None
        return self._decoder.protocol

    @property
    def error(self) -> AgentsGTError | None:
        """The transport or decoding failure that ended the stream early, if any."""
        return self._error

    @property
    def result(self) -> StreamResult:
        """Everything received so far, accumulated (final once iteration has ended)."""
        if self._accumulator is None:
            raise RuntimeError("the chat stream was not entered (use `async with`)")
        if self._result is not None:
            return self._result
        result = self._accumulator.result(self._error)
        if result.protocol is None:
            result.protocol = self.protocol
        if self._finished and not self._pending:
            self._result = result
        return result

    def tool_call(self, call_id: str) -> ToolCall | None:
        """A tool call as assembled from the events handed out so far (None if not seen)."""
        return self._accumulator.tool_call(call_id) if self._accumulator is not None else None

    # -- iteration -------------------------------------------------------------------------------

    def __aiter__(self) -> ChatStream:
        return self

    async def __anext__(self) -> StreamEvent:
        pending = self._pending
        while not pending:
            if self._finished:
                raise StopAsyncIteration
            await self._pull()
        event = pending.popleft()
        assert self._accumulator is not None
        # Accumulate only what was handed out, so a reader that stops early gets a result that
        # matches what it showed.
        self._accumulator.add(event)
        return event

    async def _pull(self) -> None:
        """Read one chunk (or the end) and decode it into pending events."""
        decoder, chunks = self._decoder, self._chunks
        if decoder is None or chunks is None:
            if self._accumulator is None:
                raise RuntimeError("the chat stream was not entered (use `async with`)")
            self._finished = True
            return
        try:
            try:
                async with asyncio.timeout(self._settings.idle_timeout):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                self._pending.extend(decoder.end())
                await self._finish(None)
                return
            self._pending.extend(decoder.feed(chunk))
        except StreamProtocolError as exc:
            await self._finish(exc)
        except (httpx.HTTPError, TimeoutError) as exc:
            # The decoder is not asked to end(): a cut-off body must not look like a clean end
            # (for plain text, a clean end is the only success signal), and a half-received
            # part is not worth showing.
            await self._finish(transport_error(exc, self._host, self._settings, streaming=True))

    async def _finish(self, error: AgentsGTError | None) -> None:
        if error is not None:
            log.debug("reply stream ended early: %s", type(error).__name__)
            self._error = error
        self._finished = True
        self._chunks = None
        response = self._response
        if response is not None:
            # Release the connection now rather than when the block is left.
            with contextlib.suppress(httpx.HTTPError):  # the body is done or unusable anyway
                await response.aclose()
