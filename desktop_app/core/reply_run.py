"""One reply's whole life, with no Qt: request, retries, decoding, saving while it streams, outcome.

The window and the command line both run a reply through `ReplyRun`; each front end only turns
the `ReplyObserver` calls into what it shows (signals and a transcript, or text on a terminal).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from desktop_app.core.chat_session import ChatSession, Turn, reply_status
from desktop_app.core.error_text import ErrorText, describe_error, describe_outcome, is_expected
from desktop_app.core.events import (
    ReasoningDelta,
    Source,
    StreamResult,
    TextDelta,
    ToolActivity,
    ToolPhase,
    Usage,
)
from desktop_app.core.models import MessageStatus, RetryWait
from desktop_app.core.storage.records import (
    PartRecord,
    SourceRecord,
    ToolRecord,
    parts_from_result,
    source_record,
    tool_record,
)

if TYPE_CHECKING:
    from desktop_app.core.chat_stream import ChatStream
    from desktop_app.core.client import AgentsGTClient

log = logging.getLogger(__name__)

#: How often the growing reply is handed to the saver. The history writer writes at most once a
#: second; handing it the whole text per token would copy O(n²) bytes.
SNAPSHOT_INTERVAL = 0.25
#: Longest run of stream events handled without giving the event loop a turn: a fast stream
#: always has bytes ready, so reading never waits and the window would get no repaint or input.
YIELD_INTERVAL = 0.005

#: Tool phases worth showing: the input streaming in is shown once it is complete.
_SHOWN_TOOL_PHASES = frozenset(ToolPhase) - {ToolPhase.INPUT_START, ToolPhase.INPUT_DELTA}


class ReplySaver(Protocol):
    """Where a reply is saved while it streams (the history's StreamingWriter)."""

    def begin(self, message_id: int) -> None:
        """Start tracking the reply (its row exists, status STREAMING)."""
        ...

    def update(
        self,
        message_id: int,
        text: str,
        reasoning: str | None = None,
        parts: Iterable[PartRecord] | None = None,
    ) -> None:
        """The reply as it stands."""
        ...

    def finish(
        self,
        message_id: int,
        status: MessageStatus,
        error_text: str | None = None,
        usage: Usage | None = None,
    ) -> None:
        """The reply ended with this status."""
        ...


class ReplyObserver:
    """What a front end hears of a running reply. Every method does nothing unless overridden.

    All calls come from the task running the reply, in order; `finished` comes last, after the
    reply was handed to the saver, so a front end may take its time to show it.
    """

    def text_received(self, delta: str) -> None:
        """A piece of the answer."""

    def reasoning_received(self, delta: str) -> None:
        """A piece of the model's reasoning."""

    def tool_changed(self, tool: ToolRecord) -> None:
        """A tool call appeared or changed state (the whole call so far, matched by its id)."""

    def source_received(self, source: SourceRecord) -> None:
        """A cited source."""

    def retry_scheduled(self, wait: RetryWait) -> None:
        """No reply yet: the request is sent again after `wait.delay` seconds (cancellable)."""

    def finished(self, end: ReplyEnd) -> None:
        """The reply ended, however it ended (saved already)."""


@dataclass(frozen=True, slots=True)
class ReplyEnd:
    """How a reply ended: what it holds, its status, and the problem to tell the person.

    `problem` is None for a completed or stopped reply. `failure` is the error that ended it
    early, if any; one that is not an expected AgentsGT error is re-raised by `run`.
    """

    reply_id: str
    status: MessageStatus
    text: str
    reasoning: str
    parts: tuple[PartRecord, ...]
    problem: ErrorText | None
    usage: Usage | None = None
    failure: BaseException | None = None
    result: StreamResult | None = None


class ReplyRun:
    """Runs the reply a `Turn` opened: streams it, keeps `session` and the saver up to date.

    `connect` makes the API client (it may fail: no key, an invalid profile; that failure is the
    reply's outcome like any other). Cancelling the task that awaits `run` stops the reply at
    once, a retry wait included; what arrived is kept and marked STOPPED.
    """

    def __init__(
        self,
        session: ChatSession,
        turn: Turn,
        connect: Callable[[], Awaitable[AgentsGTClient]],
        agent_id: str,
        *,
        observer: ReplyObserver | None = None,
        saver: ReplySaver | None = None,
    ) -> None:
        self.session = session
        self.turn = turn
        self._connect = connect
        self._agent_id = agent_id
        self._observer = observer or ReplyObserver()
        self._saver = saver
        reply_id = turn.reply.id
        # None when the reply could not be stored (a storage fault): it is then kept in memory.
        self._stored_id = int(reply_id) if reply_id.isdigit() else None
        self.end: ReplyEnd | None = None

    @property
    def reply_id(self) -> str:
        """The id of the reply message."""
        return self.turn.reply.id

    async def run(self) -> ReplyEnd:
        """Stream the reply to its end; return how it ended.

        An unexpected error is raised, and a cancelled run raises CancelledError, each after
        the reply was saved and the observer told (`end` holds how it ended).
        """
        saver, stored_id = self._saver, self._stored_id
        if saver is not None and stored_id is not None:
            saver.begin(stored_id)
        stream: ChatStream | None = None
        failure: BaseException | None = None
        stopped: asyncio.CancelledError | None = None
        try:
            client = await self._connect()
            chat = client.stream_chat(
                self._agent_id, self.turn.request, on_retry=self._observer.retry_scheduled
            )
            async with chat:
                stream = chat
                await self._pump(chat)
        except asyncio.CancelledError as cancelled:
            stopped = cancelled
        except Exception as error:  # sorted in _finish: expected ones are shown, others raised
            failure = error
        result = stream.result if stream is not None else None
        end = self._finish(result, failure, stopped is not None)
        if stopped is not None:
            raise stopped  # saved and told: the task still ends cancelled, as asked (Ctrl+C)
        if failure is not None and not is_expected(failure):
            raise failure
        return end

    async def _pump(self, stream: ChatStream) -> None:
        observer, saver, stored_id = self._observer, self._saver, self._stored_id
        next_snapshot = time.monotonic() + SNAPSHOT_INTERVAL
        next_yield = time.monotonic() + YIELD_INTERVAL
        async for event in stream:
            kind = type(event)
            if kind is TextDelta:
                observer.text_received(event.text)  # type: ignore[union-attr]
            elif kind is ReasoningDelta:
                observer.reasoning_received(event.text)  # type: ignore[union-attr]
            elif kind is ToolActivity:
                assert isinstance(event, ToolActivity)
                call = stream.tool_call(event.tool_call_id)
                if call is not None and event.phase in _SHOWN_TOOL_PHASES:
                    observer.tool_changed(tool_record(call))
            elif kind is Source:
                assert isinstance(event, Source)
                observer.source_received(source_record(event))
            now = time.monotonic()
            if now >= next_snapshot and saver is not None and stored_id is not None:
                next_snapshot = now + SNAPSHOT_INTERVAL
                result = stream.result
                saver.update(stored_id, result.text, result.reasoning, parts_from_result(result))
            if now >= next_yield:
                await asyncio.sleep(0.001)
                next_yield = time.monotonic() + YIELD_INTERVAL

    def _finish(
        self, result: StreamResult | None, failure: BaseException | None, stopped: bool
    ) -> ReplyEnd:
        """Save the reply first, then update the session, then tell the observer."""
        status = reply_status(result, stopped=stopped, failed=failure is not None)
        problem: ErrorText | None = None
        if failure is not None:
            problem = describe_error(failure)
        elif result is not None and not stopped:
            problem = describe_outcome(result)
        end = ReplyEnd(
            reply_id=self.reply_id,
            status=status,
            text=result.text if result is not None else "",
            reasoning=result.reasoning if result is not None else "",
            parts=parts_from_result(result) if result is not None else (),
            problem=problem,
            usage=result.usage if result is not None else None,
            failure=failure,
            result=result,
        )
        error_text = problem.sentence if problem is not None else None
        saver, stored_id = self._saver, self._stored_id
        if saver is not None and stored_id is not None:
            saver.update(stored_id, end.text, end.reasoning, end.parts)
            saver.finish(stored_id, status, error_text, end.usage)
        self.session.finish_reply(
            self.reply_id,
            status,
            text=end.text,
            reasoning=end.reasoning,
            parts=end.parts,
            error_text=error_text,
        )
        self.end = end
        log.debug("reply %s ended: %s", self.reply_id, status.value)
        self._observer.finished(end)
        return end
