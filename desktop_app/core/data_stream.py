"""Decoder for the AI SDK data stream (ai 4): one `CODE:JSON` line per part, to events."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from desktop_app.core.errors import ResponseTooLargeError, StreamProtocolError
from desktop_app.core.events import (
    DataPart,
    FilePart,
    Finish,
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
from desktop_app.core.limits import MAX_LINE_BYTES, size_text
from desktop_app.core.messages import translate
from desktop_app.core.stream_parts import (
    DATA_PART,
    DeltaRun,
    optional_str,
    parse_json,
    required_str,
    scan_json,
    usage_from,
)

_Handler = Callable[[Any, list[StreamEvent]], None]
_BOM = "\ufeff"


class DataStreamDecoder:
    """Turns the bytes of a data stream into typed events.

    Lines are split on LF (a CR before it is dropped), then at the first colon. `d:` ends the
    stream; anything after it is ignored. Unknown codes, `i:` (redacted reasoning) and `j:`
    (reasoning signature) are ignored: they carry nothing a person reads. Consecutive `0:` (or
    `g:`) deltas decoded from one chunk are joined into one event. A line longer than
    `max_line_bytes` raises ResponseTooLargeError once the bytes held pass the limit.
    """

    __slots__ = ("_done", "_max_line", "_pending", "_pending_size", "_started")

    def __init__(self, max_line_bytes: int = MAX_LINE_BYTES) -> None:
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._max_line = max_line_bytes
        self._done = False
        self._started = False

    @property
    def has_partial_line(self) -> bool:
        """Bytes of a line whose LF has not arrived yet are held."""
        return self._pending_size > 0

    @property
    def finished(self) -> bool:
        """A `d:` finish part was seen."""
        return self._done

    def feed(self, chunk: bytes, out: list[StreamEvent]) -> None:
        """Decode a chunk, appending its events to `out` (kept even if a later line is bad)."""
        if self._done or not chunk:
            return
        last_end = chunk.rfind(b"\n")
        if last_end < 0:
            self._pending.append(chunk)  # joined once the line ends: long lines stay linear
            self._pending_size += len(chunk)
            if self._pending_size > self._max_line:
                self._too_long()
            return
        if self._pending_size and self._pending_size + chunk.find(b"\n") > self._max_line:
            self._too_long()  # the held line ends in this chunk, but too late
        head = chunk[: last_end + 1]
        if self._pending:
            self._pending.append(head)
            head = b"".join(self._pending)
            self._pending.clear()
        rest = chunk[last_end + 1 :]
        self._pending_size = len(rest)
        if rest:
            self._pending.append(rest)
        lines = head.decode("utf-8", "replace").split("\n")
        lines.pop()  # the empty piece after the final LF
        # Only a chunk longer than the limit can hold a whole line that is too long.
        self._lines(lines, out, self._max_line if len(head) > self._max_line else None)
        if self._pending_size > self._max_line:
            self._too_long()

    def end(self, out: list[StreamEvent]) -> None:
        """The body ended. A last line without its LF is used if it is whole, else dropped."""
        if self._done or not self._pending:
            return
        tail = b"".join(self._pending).decode("utf-8", "replace")
        self._pending.clear()
        self._pending_size = 0
        # A tail that does not parse means the body stopped mid-line: an incomplete reply, not
        # an undecodable one, so it is dropped rather than reported.
        with contextlib.suppress(StreamProtocolError):
            self._lines([tail], out)

    def _too_long(self) -> None:
        self._pending.clear()
        self._pending_size = 0
        raise ResponseTooLargeError(
            translate(
                "StreamParts",
                "The reply stream sent a line longer than the {limit} limit, "
                "so the reply was stopped there.",
            ).format(limit=size_text(self._max_line)),
            limit=self._max_line,
        )

    def _lines(self, lines: list[str], out: list[StreamEvent], limit: int | None = None) -> None:
        run = DeltaRun()
        try:
            for line in lines:
                if limit is not None and len(line.encode()) > limit:
                    self._too_long()
                if not self._started:
                    self._started = True
                    if line.startswith(_BOM):
                        line = line[1:]
                if line[-1:] == "\r":
                    line = line[:-1]
                if not line:
                    continue
                code, colon, text = line.partition(":")
                if not colon:
                    raise StreamProtocolError(
                        translate(
                            "StreamParts",
                            "The reply stream sent a data stream line with no 'CODE:' prefix: "
                            "{line!r}",
                        ).format(line=line[:40])
                    )
                try:
                    value, end = scan_json(text, 0)
                    if end != len(text):
                        value = parse_json(text, DATA_PART)
                except (StopIteration, ValueError, RecursionError):
                    value = parse_json(text, DATA_PART)
                if code == "0":
                    run.add(TextDelta, _text(value, code), None, out)
                    continue
                if code == "g":
                    run.add(ReasoningDelta, _text(value, code), None, out)
                    continue
                run.flush(out)
                handler = _HANDLERS.get(code)
                if handler is not None:
                    handler(value, out)
                    if code == "d":
                        self._done = True
                        return
        finally:
            run.flush(out)


def _text(value: Any, code: str) -> str:
    if type(value) is not str:
        raise StreamProtocolError(
            translate(
                "StreamParts", "The reply stream sent a '{code}:' part that is not text."
            ).format(code=code)
        )
    return value


def _object(value: Any, code: str) -> dict[str, Any]:
    if type(value) is not dict:
        raise StreamProtocolError(
            translate(
                "StreamParts", "The reply stream sent a '{code}:' part that is not an object."
            ).format(code=code)
        )
    return value


def _data(value: Any, out: list[StreamEvent]) -> None:
    out.append(DataPart("data", value))


def _error(value: Any, out: list[StreamEvent]) -> None:
    # Without the server's words, ours (in the user's language) say there was an error.
    text = value if type(value) is str and value else translate("StreamParts", "An error occurred.")
    out.append(ModelError(text))


def _annotations(value: Any, out: list[StreamEvent]) -> None:
    out.append(DataPart("annotations", value))


def _tool(
    code: str,
    phase: ToolPhase,
    *,
    name_key: str | None = "toolName",
    input_key: str | None = None,
    output_key: str | None = None,
    delta_key: str | None = None,
) -> _Handler:
    """A handler for an ai 4 tool part: its call id, phase and whichever of the keys it carries."""

    def handle(value: Any, out: list[StreamEvent]) -> None:
        obj = _object(value, code)
        out.append(
            ToolActivity(
                tool_call_id=required_str(obj, "toolCallId", f"{code}:"),
                phase=phase,
                tool_name=optional_str(obj, name_key) if name_key else None,
                input_text_delta=optional_str(obj, delta_key) if delta_key else None,
                input=obj.get(input_key) if input_key else None,
                output=obj.get(output_key) if output_key else None,
            )
        )

    return handle


def _finish(code: str, event: type[Finish] | type[StepFinish]) -> _Handler:
    """A handler for `d:` (the message) or `e:` (a step): finish reason and token usage."""

    def handle(value: Any, out: list[StreamEvent]) -> None:
        obj = _object(value, code)
        usage = usage_from(obj.get("usage"), "promptTokens", "completionTokens")
        out.append(event(optional_str(obj, "finishReason"), usage))

    return handle


def _start_step(value: Any, out: list[StreamEvent]) -> None:
    obj = _object(value, "f")
    out.append(MessageStart(optional_str(obj, "messageId")))


def _source(value: Any, out: list[StreamEvent]) -> None:
    obj = _object(value, "h")
    out.append(
        Source(
            source_id=required_str(obj, "id", "h:"),
            url=optional_str(obj, "url"),
            title=optional_str(obj, "title"),
        )
    )


def _file(value: Any, out: list[StreamEvent]) -> None:
    obj = _object(value, "k")
    media_type = optional_str(obj, "mimeType") or "application/octet-stream"
    out.append(FilePart(media_type=media_type, data_base64=optional_str(obj, "data")))


_HANDLERS: dict[str, _Handler] = {
    "2": _data,
    "3": _error,
    "8": _annotations,
    "9": _tool("9", ToolPhase.INPUT_AVAILABLE, input_key="args"),
    "a": _tool("a", ToolPhase.OUTPUT_AVAILABLE, output_key="result"),
    "b": _tool("b", ToolPhase.INPUT_START),
    "c": _tool("c", ToolPhase.INPUT_DELTA, name_key=None, delta_key="argsTextDelta"),
    "d": _finish("d", Finish),
    "e": _finish("e", StepFinish),
    "f": _start_step,
    "h": _source,
    "k": _file,
}
