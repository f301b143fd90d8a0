"""Decoder for the AI SDK UI message stream (ai 5/6/7): SSE `data: {json}` frames to events."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import StreamProtocolError
from desktop_app.core.events import (
    Abort,
    DataPart,
    FilePart,
    Finish,
    MessageMetadata,
    MessageStart,
    ModelError,
    ReasoningDelta,
    Source,
    StepFinish,
    StreamEvent,
    TextDelta,
    ToolActivity,
    ToolPhase,
)
from desktop_app.core.limits import MAX_LINE_BYTES
from desktop_app.core.messages import translate
from desktop_app.core.sse import SSEDecoder
from desktop_app.core.stream_parts import (
    UI_PART,
    optional_str,
    parse_json,
    required_str,
    scan_json,
)

_DONE = "[DONE]"


class UIStreamDecoder:
    """Turns the bytes of a UI message stream into typed events.

    `[DONE]` ends the stream: it yields Finish(None) when no `finish` part came first, and any
    byte after it is ignored. Unknown part types are ignored (the vocabulary grows between SDK
    releases). Consecutive text (or reasoning) deltas of one part decoded from one chunk are
    joined into a single TextDelta (or ReasoningDelta).
    """

    __slots__ = ("_done", "_finish_seen", "_sse")

    def __init__(self, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self._sse = SSEDecoder(max_line_bytes)
        self._finish_seen = False
        self._done = False

    @property
    def has_partial_line(self) -> bool:
        """Bytes of an unfinished line or event are held."""
        return self._sse.has_partial_event()

    @property
    def finished(self) -> bool:
        """A `finish` part or `[DONE]` was seen."""
        return self._finish_seen or self._done

    def feed(self, chunk: bytes, out: list[StreamEvent]) -> None:
        """Decode a chunk, appending its events to `out` (kept even if a later frame is bad)."""
        if self._done:
            return
        payloads = self._sse.feed_data(chunk)
        if not payloads:
            return
        # This loop runs once per frame of the reply, so the text-delta case is inlined, and
        # the run of deltas being joined is kept in locals rather than in a helper object.
        run_kind: type[TextDelta] | type[ReasoningDelta] | None = None
        run_id: str | None = None
        run: list[str] = []
        try:
            for payload in payloads:
                try:
                    obj, end = scan_json(payload, 0)
                    if end != len(payload):
                        obj = _slow_parse(payload)
                except (StopIteration, ValueError, RecursionError):
                    obj = _slow_parse(payload)
                if type(obj) is dict:
                    part_type = obj.get("type")
                    if part_type == "text-delta":
                        delta = obj.get("delta")
                        if type(delta) is not str:
                            raise StreamProtocolError(
                                translate(
                                    "StreamParts",
                                    "The reply stream sent a 'text-delta' part without a text "
                                    "'delta'.",
                                )
                            )
                        part_id = obj.get("id")
                        if type(part_id) is not str:
                            part_id = None
                        if run_kind is TextDelta and part_id == run_id:
                            run.append(delta)
                            continue
                        if run_kind is not None:
                            out.append(run_kind("".join(run), run_id))
                        run_kind, run_id, run = TextDelta, part_id, [delta]
                        continue
                    if part_type == "reasoning-delta":
                        delta = required_str(obj, "delta", part_type)
                        part_id = optional_str(obj, "id")
                        if run_kind is ReasoningDelta and part_id == run_id:
                            run.append(delta)
                            continue
                        if run_kind is not None:
                            out.append(run_kind("".join(run), run_id))
                        run_kind, run_id, run = ReasoningDelta, part_id, [delta]
                        continue
                if run_kind is not None:
                    out.append(run_kind("".join(run), run_id))
                    run_kind = None
                if obj is None:  # [DONE]
                    if not self._finish_seen:
                        out.append(Finish(None))
                    self._done = True
                    return
                self._part(obj, out)
        finally:
            if run_kind is not None:
                out.append(run_kind("".join(run), run_id))

    def end(self, out: list[StreamEvent]) -> None:
        """The body ended; an unterminated last frame is discarded (SSE rules)."""
        self._sse.end()

    def _part(self, obj: Any, out: list[StreamEvent]) -> None:
        """Any part other than a text or reasoning delta."""
        if type(obj) is not dict:
            raise StreamProtocolError(
                translate(
                    "StreamParts",
                    "The reply stream sent a UI message stream part that is not an object.",
                )
            )
        part_type = obj.get("type")
        if type(part_type) is not str:
            raise StreamProtocolError(
                translate(
                    "StreamParts",
                    "The reply stream sent a UI message stream part without a 'type'.",
                )
            )
        handler = _HANDLERS.get(part_type)
        if handler is not None:
            handler(obj, out)
            if part_type == "finish":
                self._finish_seen = True
        elif part_type.startswith("data-"):
            part_id = optional_str(obj, "id")
            transient = obj.get("transient") is True
            out.append(DataPart(part_type[5:], obj.get("data"), part_id, transient))
        # Any other type is new vocabulary: ignored on purpose.


def _slow_parse(payload: str) -> Any:
    """Parse a frame the fast path could not; None means `[DONE]`."""
    if payload.strip() == _DONE:
        return None
    return parse_json(payload, UI_PART)


def _start(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(MessageStart(optional_str(obj, "messageId"), obj.get("messageMetadata")))


def _finish_step(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(StepFinish(optional_str(obj, "finishReason")))


def _reasoning_legacy(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    # ai@5.0.0's `reasoning` part carries the whole delta in `text`.
    out.append(ReasoningDelta(required_str(obj, "text", "reasoning"), optional_str(obj, "id")))


def _tool(phase: ToolPhase, part: str) -> Callable[[dict[str, Any], list[StreamEvent]], None]:
    def handle(obj: dict[str, Any], out: list[StreamEvent]) -> None:
        out.append(
            ToolActivity(
                tool_call_id=required_str(obj, "toolCallId", part),
                phase=phase,
                tool_name=optional_str(obj, "toolName"),
                input_text_delta=optional_str(obj, "inputTextDelta"),
                input=obj.get("input"),
                output=obj.get("output"),
                error_text=optional_str(obj, "errorText"),
            )
        )

    return handle


def _source_url(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(
        Source(
            source_id=required_str(obj, "sourceId", "source-url"),
            url=optional_str(obj, "url"),
            title=optional_str(obj, "title"),
        )
    )


def _source_document(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(
        Source(
            source_id=required_str(obj, "sourceId", "source-document"),
            title=optional_str(obj, "title"),
            media_type=optional_str(obj, "mediaType"),
            filename=optional_str(obj, "filename"),
        )
    )


def _file(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    media_type = optional_str(obj, "mediaType") or "application/octet-stream"
    out.append(FilePart(media_type=media_type, url=optional_str(obj, "url")))


def _message_metadata(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(MessageMetadata(obj.get("messageMetadata")))


def _error(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    # An error part is kept even without its text: the outcome matters more than the wording.
    # Without the server's words, ours (in the user's language) say there was an error.
    text = optional_str(obj, "errorText") or translate("StreamParts", "An error occurred.")
    out.append(ModelError(text))


def _abort(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    out.append(Abort(optional_str(obj, "reason")))


def _finish(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    if "messageMetadata" in obj:
        out.append(MessageMetadata(obj["messageMetadata"]))
    out.append(Finish(optional_str(obj, "finishReason")))


def _ignore(obj: dict[str, Any], out: list[StreamEvent]) -> None:
    """Parts that only bracket other parts (text-start, reasoning-end, ...): nothing to show."""


_HANDLERS: dict[str, Callable[[dict[str, Any], list[StreamEvent]], None]] = {
    "start": _start,
    "start-step": _ignore,
    "finish-step": _finish_step,
    "text-start": _ignore,
    "text-end": _ignore,
    "reasoning-start": _ignore,
    "reasoning-end": _ignore,
    "reasoning": _reasoning_legacy,
    "reasoning-part-finish": _ignore,
    "tool-input-start": _tool(ToolPhase.INPUT_START, "tool-input-start"),
    "tool-input-delta": _tool(ToolPhase.INPUT_DELTA, "tool-input-delta"),
    "tool-input-available": _tool(ToolPhase.INPUT_AVAILABLE, "tool-input-available"),
    "tool-input-error": _tool(ToolPhase.INPUT_ERROR, "tool-input-error"),
    "tool-output-available": _tool(ToolPhase.OUTPUT_AVAILABLE, "tool-output-available"),
    "tool-output-error": _tool(ToolPhase.OUTPUT_ERROR, "tool-output-error"),
    "tool-approval-request": _tool(ToolPhase.APPROVAL_REQUEST, "tool-approval-request"),
    "tool-output-denied": _tool(ToolPhase.OUTPUT_DENIED, "tool-output-denied"),
    "source-url": _source_url,
    "source-document": _source_document,
    "file": _file,
    "message-metadata": _message_metadata,
    "error": _error,
    "abort": _abort,
    "finish": _finish,
}
