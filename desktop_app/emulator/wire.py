"""Encoders for the three AI SDK stream protocols, byte for byte as ai-sdk-wire-formats.md shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop_app.emulator.content import ReplyScript, json_compact
from desktop_app.emulator.faults import Fault


class WireProtocol(StrEnum):
    """The stream protocol of a reply."""

    UI = "ui"  # AI SDK 5+ UI message stream (SSE)
    DATA = "data"  # AI SDK 4 data stream (CODE:JSON lines)
    TEXT = "text"  # plain text


def parse_protocol(name: str) -> WireProtocol:
    """The protocol called `name`; ValueError naming the valid ones otherwise."""
    try:
        return WireProtocol(name.strip().lower())
    except ValueError:
        raise ValueError(f"Unknown emulator protocol {name!r} (valid: ui, data, text)") from None


# Header names are written exactly as the SDK writes them (h11 keeps the case we give it).
RESPONSE_HEADERS: dict[WireProtocol, tuple[tuple[bytes, bytes], ...]] = {
    WireProtocol.UI: (
        (b"content-type", b"text/event-stream"),
        (b"cache-control", b"no-cache"),
        (b"connection", b"keep-alive"),
        (b"x-vercel-ai-ui-message-stream", b"v1"),
        (b"x-accel-buffering", b"no"),
    ),
    WireProtocol.DATA: (
        (b"Content-Type", b"text/plain; charset=utf-8"),
        (b"X-Vercel-AI-Data-Stream", b"v1"),
    ),
    WireProtocol.TEXT: ((b"content-type", b"text/plain; charset=utf-8"),),
}

DEFAULT_ERROR_TEXT = "An error occurred."
ABORT_REASON = "The reply was stopped by the server."


@dataclass(frozen=True, slots=True)
class Piece:
    """Bytes to write. `text` is the answer text they carry; `paced` ones count as a token."""

    data: bytes
    text: str = ""
    paced: bool = False


@dataclass(frozen=True, slots=True)
class Stall:
    """Send nothing more for a long time (until the client leaves or the server stops)."""


@dataclass(frozen=True, slots=True)
class Drop:
    """Cut the connection here, leaving the chunked body incomplete."""


Step = Piece | Stall | Drop

# Faults that interrupt the answer part-way through its text.
_CUTTING = (Fault.ERROR_PART, Fault.ABORT, Fault.NO_FINISH, Fault.DROP, Fault.STALL)


def cut_point(delta_count: int) -> int:
    """How many text deltas go out before a cutting fault strikes (about a third, at least 1)."""
    return min(delta_count, max(1, delta_count // 3))


def ui_frame(chunk: Any) -> bytes:
    """One SSE event: `data: ` + JSON.stringify(chunk) + blank line."""
    return b"data: " + json_compact(chunk).encode("utf-8") + b"\n\n"


def data_line(code: str, value: Any) -> bytes:
    """One data-stream part: `CODE:` + JSON.stringify(value) + newline."""
    return code.encode("ascii") + b":" + json_compact(value).encode("utf-8") + b"\n"


UI_DONE = b"data: [DONE]\n\n"
UI_STREAM_OPEN = b": stream-open\n\n"
UI_KEEP_ALIVE = b": keep-alive\n\n"


def encode_reply(
    script: ReplyScript,
    protocol: WireProtocol,
    *,
    fault: Fault | None,
    message_id: str,
    prompt_tokens: int,
) -> Iterator[Step]:
    """The steps of one streamed reply in `protocol`, shaped by a stream fault (if any)."""
    if protocol is WireProtocol.UI:
        return _ui(script, fault, message_id)
    if protocol is WireProtocol.DATA:
        return _data(script, fault, message_id, prompt_tokens)
    return _text(script, fault)


def _delta_pieces(
    deltas: tuple[str, ...], prefix: bytes, suffix: bytes, separator: bytes = b""
) -> Iterator[Piece]:
    """Pieces for text deltas framed as prefix + JSON string + suffix.

    Replies made long with X-Emulator-Reply-Tokens repeat their deltas, so each distinct delta
    is encoded once: this keeps 200,000-delta replies fast enough for client benchmarks.
    """
    cache: dict[str, Piece] = {}
    first = True
    raw = not prefix and not suffix  # the text protocol: no framing, no JSON
    for delta in deltas:
        piece = cache.get(delta)
        if piece is None:
            encoded = delta if raw else json_compact(delta)
            data = prefix + encoded.encode("utf-8") + suffix
            piece = cache[delta] = Piece(data, text=delta, paced=True)
        if separator and not first:
            yield Piece(separator)
        first = False
        yield piece


def _answer_limit(script: ReplyScript, fault: Fault | None) -> int:
    return cut_point(len(script.deltas)) if fault in _CUTTING else len(script.deltas)


def _tool_input_pieces(arguments: str) -> list[str]:
    third = max(1, len(arguments) // 3)
    return [arguments[i : i + third] for i in range(0, len(arguments), third)]


def _ui(script: ReplyScript, fault: Fault | None, message_id: str) -> Iterator[Step]:
    keepalive = fault is Fault.KEEPALIVE
    if keepalive:
        yield Piece(UI_STREAM_OPEN)
    yield Piece(ui_frame({"type": "start", "messageId": message_id}))
    yield Piece(ui_frame({"type": "start-step"}))
    if script.reasoning:
        yield Piece(ui_frame({"type": "reasoning-start", "id": "reasoning-0"}))
        for delta in script.reasoning:
            chunk = {"type": "reasoning-delta", "id": "reasoning-0", "delta": delta}
            yield Piece(ui_frame(chunk), paced=True)
        yield Piece(ui_frame({"type": "reasoning-end", "id": "reasoning-0"}))
    if script.tool is not None:
        tool = script.tool
        call = {"toolCallId": tool.tool_call_id, "toolName": tool.tool_name}
        yield Piece(ui_frame({"type": "tool-input-start", **call}))
        for part in _tool_input_pieces(json_compact(tool.input)):
            chunk = {
                "type": "tool-input-delta",
                "toolCallId": tool.tool_call_id,
                "inputTextDelta": part,
            }
            yield Piece(ui_frame(chunk), paced=True)
        yield Piece(ui_frame({"type": "tool-input-available", **call, "input": tool.input}))
        output = {"type": "tool-output-available", "toolCallId": tool.tool_call_id}
        yield Piece(ui_frame({**output, "output": tool.output}))
    if script.source is not None:
        source = script.source
        chunk = {
            "type": "source-url",
            "sourceId": source.source_id,
            "url": source.url,
            "title": source.title,
        }
        yield Piece(ui_frame(chunk))
    if script.reasoning or script.tool is not None or script.source is not None:
        # The answer text comes in a second step, as after a real tool call.
        yield Piece(ui_frame({"type": "finish-step"}))
        yield Piece(ui_frame({"type": "start-step"}))
    yield Piece(ui_frame({"type": "text-start", "id": "txt-0"}))
    limit = _answer_limit(script, fault)
    yield from _delta_pieces(
        script.deltas[:limit],
        b'data: {"type":"text-delta","id":"txt-0","delta":',
        b"}\n\n",
        UI_KEEP_ALIVE if keepalive else b"",
    )
    if fault is Fault.ERROR_PART:
        yield Piece(ui_frame({"type": "error", "errorText": DEFAULT_ERROR_TEXT}))
        yield Piece(ui_frame({"type": "finish-step"}))
        yield Piece(ui_frame({"type": "finish", "finishReason": "error"}))
        yield Piece(UI_DONE)
        return
    if fault is Fault.ABORT:
        yield Piece(ui_frame({"type": "abort", "reason": ABORT_REASON}))
        yield Piece(UI_DONE)
        return
    yield from _interruption(fault)
    if fault in _CUTTING:
        return
    yield Piece(ui_frame({"type": "text-end", "id": "txt-0"}))
    yield Piece(ui_frame({"type": "finish-step"}))
    yield Piece(ui_frame({"type": "finish", "finishReason": "stop"}))
    yield Piece(UI_DONE)


def _interruption(fault: Fault | None) -> Iterator[Step]:
    if fault is Fault.DROP:
        yield Drop()
    elif fault is Fault.STALL:
        yield Stall()


def _data(
    script: ReplyScript, fault: Fault | None, message_id: str, prompt_tokens: int
) -> Iterator[Step]:
    yield Piece(data_line("f", {"messageId": message_id}))
    for delta in script.reasoning:
        yield Piece(data_line("g", delta), paced=True)
    if script.tool is not None:
        tool = script.tool
        call = {"toolCallId": tool.tool_call_id, "toolName": tool.tool_name}
        yield Piece(data_line("b", call))
        for part in _tool_input_pieces(json_compact(tool.input)):
            delta_part = {"toolCallId": tool.tool_call_id, "argsTextDelta": part}
            yield Piece(data_line("c", delta_part), paced=True)
        yield Piece(data_line("9", {**call, "args": tool.input}))
        yield Piece(data_line("a", {"toolCallId": tool.tool_call_id, "result": tool.output}))
    if script.reasoning or script.tool is not None:
        step_usage = {"promptTokens": prompt_tokens, "completionTokens": len(script.reasoning)}
        yield Piece(
            data_line(
                "e", {"finishReason": "tool-calls", "usage": step_usage, "isContinued": False}
            )
        )
        yield Piece(data_line("f", {"messageId": message_id}))
    if script.source is not None:
        source = script.source
        source_part = {"sourceType": "url", "id": source.source_id, "url": source.url}
        yield Piece(data_line("h", {**source_part, "title": source.title}))
    limit = _answer_limit(script, fault)
    yield from _delta_pieces(script.deltas[:limit], b"0:", b"\n")
    usage = {"promptTokens": prompt_tokens, "completionTokens": limit}
    if fault is Fault.ERROR_PART:
        yield Piece(data_line("3", DEFAULT_ERROR_TEXT))
        yield Piece(data_line("e", {"finishReason": "error", "usage": usage, "isContinued": False}))
        yield Piece(data_line("d", {"finishReason": "error", "usage": usage}))
        return
    yield from _interruption(fault)
    if fault in _CUTTING:
        return  # abort and no-finish: the lines just stop
    yield Piece(data_line("e", {"finishReason": "stop", "usage": usage, "isContinued": False}))
    yield Piece(data_line("d", {"finishReason": "stop", "usage": usage}))


def _text(script: ReplyScript, fault: Fault | None) -> Iterator[Step]:
    limit = _answer_limit(script, fault)
    yield from _delta_pieces(script.deltas[:limit], b"", b"")
    # error-part, abort and no-finish: a text stream has no error signal; it just ends early.
    yield from _interruption(fault)
