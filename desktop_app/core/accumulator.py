"""Folds a reply's typed stream events into one StreamResult, whatever way the reply ended."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from desktop_app.core.errors import ResponseTooLargeError
from desktop_app.core.events import (
    Abort,
    DataPart,
    FilePart,
    Finish,
    MessageMetadata,
    MessageStart,
    ModelError,
    Outcome,
    Protocol,
    ReasoningDelta,
    Source,
    StepFinish,
    StreamEvent,
    StreamResult,
    TextDelta,
    ToolActivity,
    ToolCall,
    Usage,
)
from desktop_app.core.limits import MAX_REPLY_PARTS, MAX_REPLY_TEXT_CHARS
from desktop_app.core.messages import translate


class ReplyAccumulator:
    """Collects the events of one reply; `result()` says what arrived and how it ended.

    Text is kept as a list of pieces joined once, so a long reply costs linear time. Outcome
    precedence: a model error, then an abort, then a finish; with none of them the reply is
    INCOMPLETE. Transient data parts are live-only and left out of `data`.

    Limits: `add()` refuses, with ResponseTooLargeError and before keeping any of it, an event
    that would take the reply past `max_text_chars` characters of text (answer, reasoning and
    streamed tool input together) or past `max_parts` parts (tool calls, sources, files, data,
    metadata, step usages, error parts). What was kept before stays; `fit()` gives the part of
    a refused delta that still fits.
    """

    def __init__(
        self,
        protocol: Protocol | None = None,
        *,
        max_text_chars: int = MAX_REPLY_TEXT_CHARS,
        max_parts: int = MAX_REPLY_PARTS,
    ) -> None:
        self.protocol = protocol  # settable: a sniffed protocol is known only after some bytes
        self._max_text = max_text_chars
        self._max_parts = max_parts
        self._text_chars = 0
        self._parts = 0
        self._text: list[str] = []
        self._reasoning: list[str] = []
        self._errors: list[str] = []
        self._aborted = False
        self._abort_reason: str | None = None
        self._finished = False
        self._finish_reason: str | None = None
        self._finish_usage: Usage | None = None
        self._step_usages: list[Usage] = []
        self._message_id: str | None = None
        self._metadata: Any = None
        self._tools: dict[str, ToolCall] = {}
        self._tool_input: dict[str, list[str]] = {}
        self._sources: list[Source] = []
        self._files: list[FilePart] = []
        self._data: list[DataPart] = []

    @property
    def text(self) -> str:
        """The answer text so far."""
        return "".join(self._text)

    def tool_call(self, call_id: str) -> ToolCall | None:
        """The tool call with this id as assembled so far (a copy), if one was seen."""
        call = self._tools.get(call_id)
        if call is None:
            return None
        return replace(call, input_text="".join(self._tool_input.get(call_id, ())))

    def add(self, event: StreamEvent) -> None:
        """Take one event into account."""
        kind = type(event)
        if kind is TextDelta:
            text = event.text  # type: ignore[union-attr]
            self._take_text(text)
            self._text.append(text)
            return
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, event)

    def fit(self, event: StreamEvent) -> TextDelta | ReasoningDelta | None:
        """The start of a text or reasoning delta that `add()` refused, as much as still fits.

        None when nothing fits or the event is of another kind.
        """
        room = self._max_text - self._text_chars
        if room > 0 and isinstance(event, TextDelta | ReasoningDelta):
            return replace(event, text=event.text[:room])
        return None

    def add_all(self, events: Iterable[StreamEvent]) -> None:
        """Take several events into account, in order."""
        for event in events:
            self.add(event)

    def result(self, transport_error: Exception | None = None) -> StreamResult:
        """The reply as it stands; `transport_error` is what ended it early, if anything did."""
        if self._errors:
            outcome = Outcome.ERROR
        elif self._aborted:
            outcome = Outcome.ABORTED
        elif self._finished:
            outcome = Outcome.COMPLETED
        else:
            outcome = Outcome.INCOMPLETE
        tools = {
            call_id: replace(call, input_text="".join(self._tool_input.get(call_id, ())))
            for call_id, call in self._tools.items()
        }
        return StreamResult(
            protocol=self.protocol,
            text="".join(self._text),
            reasoning="".join(self._reasoning),
            outcome=outcome,
            finish_reason=self._finish_reason,
            error_text="\n".join(self._errors) if self._errors else None,
            abort_reason=self._abort_reason,
            usage=self._finish_usage or _sum_usage(self._step_usages),
            message_id=self._message_id,
            metadata=self._metadata,
            tools=tools,
            sources=list(self._sources),
            files=list(self._files),
            data=list(self._data),
            error=transport_error if outcome is Outcome.INCOMPLETE else None,
        )

    # -- limits ----------------------------------------------------------------------------

    def _take_text(self, text: str) -> None:
        chars = self._text_chars + len(text)
        if chars > self._max_text:
            raise self._text_too_long()
        self._text_chars = chars

    def _text_too_long(self) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            translate(
                "StreamParts",
                "The reply is longer than the {limit:,}-character limit for one reply, "
                "so it was stopped there.",
            ).format(limit=self._max_text),
            limit=self._max_text,
        )

    def _take_part(self) -> None:
        if self._parts >= self._max_parts:
            raise ResponseTooLargeError(
                translate(
                    "StreamParts",
                    "The reply has more than {limit:,} parts (tool calls, sources, files "
                    "and data), the limit for one reply, so it was stopped there.",
                ).format(limit=self._max_parts),
                limit=self._max_parts,
            )
        self._parts += 1

    # -- one method per event type ----------------------------------------------------------

    def _on_reasoning(self, event: ReasoningDelta) -> None:
        self._take_text(event.text)
        self._reasoning.append(event.text)

    def _on_start(self, event: MessageStart) -> None:
        if event.metadata is not None:
            self._take_part()
        if self._message_id is None:
            self._message_id = event.message_id
        if event.metadata is not None:
            self._merge_metadata(event.metadata)

    def _on_metadata(self, event: MessageMetadata) -> None:
        if event.metadata is not None:
            self._take_part()
            self._merge_metadata(event.metadata)

    def _merge_metadata(self, metadata: Any) -> None:
        # The SDK merges metadata objects key by key; anything else replaces what was there.
        if isinstance(self._metadata, dict) and isinstance(metadata, dict):
            self._metadata = {**self._metadata, **metadata}
        else:
            self._metadata = metadata

    def _on_tool(self, event: ToolActivity) -> None:
        call = self._tools.get(event.tool_call_id)
        if event.input_text_delta is not None:
            self._take_text(event.input_text_delta)
        if call is None:
            self._take_part()
            call = self._tools[event.tool_call_id] = ToolCall(event.tool_call_id)
        if event.tool_name is not None:
            call.tool_name = event.tool_name
        if event.input_text_delta is not None:
            self._tool_input.setdefault(event.tool_call_id, []).append(event.input_text_delta)
        if event.input is not None:
            call.input = event.input
        if event.output is not None:
            call.output = event.output
        if event.error_text is not None:
            call.error_text = event.error_text
        call.state = event.phase

    def _on_source(self, event: Source) -> None:
        self._take_part()
        self._sources.append(event)

    def _on_file(self, event: FilePart) -> None:
        self._take_part()
        self._files.append(event)

    def _on_data(self, event: DataPart) -> None:
        if not event.transient:
            self._take_part()
            self._data.append(event)

    def _on_step_finish(self, event: StepFinish) -> None:
        if event.usage is not None:
            self._take_part()
            self._step_usages.append(event.usage)

    def _on_finish(self, event: Finish) -> None:
        self._finished = True
        if event.reason is not None:
            self._finish_reason = event.reason
        if event.usage is not None:
            self._finish_usage = event.usage

    def _on_error(self, event: ModelError) -> None:
        self._take_part()
        self._errors.append(event.text)

    def _on_abort(self, event: Abort) -> None:
        self._aborted = True
        if event.reason is not None:
            self._abort_reason = event.reason


def _sum_usage(usages: list[Usage]) -> Usage | None:
    """The total of per-step usages, for a stream whose finish carried none."""
    if not usages:
        return None

    def total(values: list[int | None]) -> int | None:
        known = [value for value in values if value is not None]
        return sum(known) if known else None

    return Usage(
        total([usage.input_tokens for usage in usages]),
        total([usage.output_tokens for usage in usages]),
    )


_HANDLERS: dict[type, Any] = {
    ReasoningDelta: ReplyAccumulator._on_reasoning,
    MessageStart: ReplyAccumulator._on_start,
    MessageMetadata: ReplyAccumulator._on_metadata,
    ToolActivity: ReplyAccumulator._on_tool,
    Source: ReplyAccumulator._on_source,
    FilePart: ReplyAccumulator._on_file,
    DataPart: ReplyAccumulator._on_data,
    StepFinish: ReplyAccumulator._on_step_finish,
    Finish: ReplyAccumulator._on_finish,
    ModelError: ReplyAccumulator._on_error,
    Abort: ReplyAccumulator._on_abort,
}

__all__ = ["ReplyAccumulator"]
