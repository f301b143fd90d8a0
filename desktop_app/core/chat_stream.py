"""One streaming chat reply: the open response, its decoder and accumulator, and its end."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType

import httpx

from desktop_app.core.body_reader import body_chunks
from desktop_app.core.content_types import check_stream_type
from desktop_app.core.decoding import ReplyAccumulator, StreamDecoder, protocol_from_headers
from desktop_app.core.errors import (
    AgentsGTError,
    DeadlineError,
    IdleTimeoutError,
    ResponseTooLargeError,
    StreamProtocolError,
)
from desktop_app.core.events import Protocol, StreamEvent, StreamResult, ToolCall
from desktop_app.core.http import ClientSettings, transport_error
from desktop_app.core.limits import size_text
from desktop_app.core.messages import translate

log = logging.getLogger(__name__)


class ChatStream:
    """A reply as it streams. Use it as `async with ... as stream: async for event in stream`.

    - Entering sends the request (with retries before any reply starts) and raises the typed
      status error for a non-2xx answer, HeaderTimeoutError when the headers take longer than
      `header_deadline`, and NotTheAPIError for a 2xx answer that cannot be a stream (a page).
    - Iterating yields typed events. A dropped connection, `idle_timeout` seconds without reply
      data (bytes that decode to no event, such as keep-alive comments, do not count), the
      optional `reply_timeout`, a size limit (`settings.limits`) or an undecodable stream end the
      iteration normally: `result.outcome` is then INCOMPLETE and `result.error` says why; the
      text received so far is kept.
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
        self._received = 0  # decoded body bytes
        self._received_at_event = 0  # `_received` when the last event was decoded
        self._reply_deadline = math.inf  # loop time; inf when `reply_timeout` is off
        self._deadline = math.inf  # loop time: the next event must be decoded by then
        self._clock: Callable[[], float] = time.monotonic  # the running loop's, once entered

    # -- context manager -------------------------------------------------------------------------

    async def __aenter__(self) -> ChatStream:
        settings = self._settings
        self._clock = clock = asyncio.get_running_loop().time
        if settings.reply_timeout is not None:
            self._reply_deadline = clock() + settings.reply_timeout
            try:
                async with asyncio.timeout_at(self._reply_deadline):
                    response = await self._open_response()
            except TimeoutError:
                raise self._reply_deadline_error() from None
        else:
            response = await self._open_response()
        self._response = response
        try:
            check_stream_type(response.headers, self._host)
            self._chunks = body_chunks(response, self._host)
        except AgentsGTError:
            await response.aclose()
            raise
        hint = protocol_from_headers(response.headers)
        limits = settings.limits
        self._decoder = StreamDecoder(hint, max_line_bytes=limits.max_line_bytes)
        self._accumulator = ReplyAccumulator(
            hint, max_text_chars=limits.max_text_chars, max_parts=limits.max_parts
        )
        self._deadline = min(clock() + settings.idle_timeout, self._reply_deadline)
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
        try:
            self._accumulator.add(event)
        except ResponseTooLargeError as exc:
            # Over the text or parts limit: the reply ends here. Of a text delta, what still
            # fits is kept and handed out; any other event is dropped.
            pending.clear()
            await self._finish(exc)
            fitting = self._accumulator.fit(event)
            if fitting is None:
                raise StopAsyncIteration from None
            self._accumulator.add(fitting)
            return fitting
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
                async with asyncio.timeout_at(self._deadline):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                self._pending.extend(decoder.end())
                await self._finish(None)
                return
            self._received += len(chunk)
            if self._received > self._settings.limits.max_body_bytes:
                await self._finish(self._body_too_large())
                return
            events = decoder.feed(chunk)
            if events:
                self._pending.extend(events)
                self._received_at_event = self._received
                next_deadline = self._clock() + self._settings.idle_timeout
                self._deadline = min(next_deadline, self._reply_deadline)
        except StreamProtocolError as exc:
            await self._finish(exc)
        except TimeoutError:
            await self._finish(self._deadline_error())
        except httpx.HTTPError as exc:
            # The decoder is not asked to end(): a cut-off body must not look like a clean end
            # (for plain text, a clean end is the only success signal), and a half-received
            # part is not worth showing.
            await self._finish(transport_error(exc, self._host, self._settings, streaming=True))

    def _body_too_large(self) -> ResponseTooLargeError:
        limit = self._settings.limits.max_body_bytes
        return ResponseTooLargeError(
            translate(
                "ChatStream",
                "The reply from {host} is larger than the {limit} limit for one "
                "reply (after decompression), so the rest was not read.",
            ).format(host=self._host, limit=size_text(limit)),
            limit=limit,
        )

    def _deadline_error(self) -> AgentsGTError:
        """Which deadline passed, and what the server was doing meanwhile."""
        if self._clock() >= self._reply_deadline:
            return self._reply_deadline_error()
        seconds = self._settings.idle_timeout
        host = self._host
        assert self._decoder is not None
        if self._received == self._received_at_event:
            template = translate(
                "ChatStream",
                "{host} sent nothing for {seconds:g} s, so the reply was cut off. Try again later.",
            )
        elif self._decoder.has_partial_line:
            template = translate(
                "ChatStream",
                "{host} kept sending one line without ever finishing it for {seconds:g} s, so "
                "the reply was cut off. Try again later.",
            )
        else:
            template = translate(
                "ChatStream",
                "{host} sent nothing but keep-alives for {seconds:g} s, so the reply was cut "
                "off. Try again later.",
            )
        return IdleTimeoutError(template.format(host=host, seconds=seconds), seconds=seconds)

    def _reply_deadline_error(self) -> DeadlineError:
        seconds = self._settings.reply_timeout or 0.0
        return DeadlineError(
            translate(
                "ChatStream",
                "The reply from {host} took longer than the {seconds:g} s limit set for one "
                "reply, so it was cut off.",
            ).format(host=self._host, seconds=seconds),
            seconds=seconds,
        )

    async def _finish(self, error: AgentsGTError | None) -> None:
        if error is not None:
            log.debug("reply stream ended early: %s", type(error).__name__)
            self._error = error
        self._finished = True
        chunks, self._chunks = self._chunks, None
        response = self._response
        # Release the connection now rather than when the block is left.
        with contextlib.suppress(httpx.HTTPError):  # the body is done or unusable anyway
            if chunks is not None:
                await chunks.aclose()  # type: ignore[attr-defined]
            if response is not None:
                await response.aclose()
