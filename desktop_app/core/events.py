"""Typed events decoded from an AI SDK reply stream, and the outcome of a whole reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Protocol(StrEnum):
    """The three ways the Vercel AI SDK puts a reply on the wire."""

    UI = "ui"  # UI message stream: SSE `data: {json}` frames (ai 5/6/7)
    DATA = "data"  # data stream: `CODE:JSON` lines (ai 4)
    TEXT = "text"  # plain UTF-8 text, no framing


class Outcome(StrEnum):
    """How a reply ended. The text received so far is kept whatever the outcome."""

    COMPLETED = "completed"  # a finish / [DONE] / d: arrived (or a text stream ended cleanly)
    ERROR = "error"  # the stream carried an error part (the model failed)
    ABORTED = "aborted"  # the stream carried an abort part
    INCOMPLETE = "incomplete"  # the body ended or the connection dropped before any end marker


class ToolPhase(StrEnum):
    """The step of a tool call that a ToolActivity event reports."""

    INPUT_START = "input-start"
    INPUT_DELTA = "input-delta"
    INPUT_AVAILABLE = "input-available"
    INPUT_ERROR = "input-error"
    OUTPUT_AVAILABLE = "output-available"
    OUTPUT_ERROR = "output-error"
    APPROVAL_REQUEST = "approval-request"
    OUTPUT_DENIED = "output-denied"


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts the server reported for the reply, when it reported any."""

    input_tokens: int | None = None
    output_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class MessageStart:
    """The server opened a message (UI `start`, data `f:` start_step)."""

    message_id: str | None = None
    metadata: Any = None


@dataclass(frozen=True, slots=True)
class TextDelta:
    """A piece of the answer text. `part_id` is the UI stream's text part id, if any."""

    text: str
    part_id: str | None = None


@dataclass(frozen=True, slots=True)
class ReasoningDelta:
    """A piece of the model's reasoning (shown collapsed, never part of the answer)."""

    text: str
    part_id: str | None = None


@dataclass(frozen=True, slots=True)
class ToolActivity:
    """One step of a tool call: its input streaming in, its input, its output or its failure."""

    tool_call_id: str
    phase: ToolPhase
    tool_name: str | None = None
    input_text_delta: str | None = None
    input: Any = None
    output: Any = None
    error_text: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source: a URL (UI `source-url`, data `h:`) or a document (`source-document`)."""

    source_id: str
    url: str | None = None
    title: str | None = None
    media_type: str | None = None
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class FilePart:
    """A file the model produced: a URL (often a data: URL) or base64 data, with its media type."""

    media_type: str
    url: str | None = None
    data_base64: str | None = None


@dataclass(frozen=True, slots=True)
class DataPart:
    """Application data (UI `data-<name>`, data stream `2:` and `8:` annotations)."""

    name: str
    data: Any
    part_id: str | None = None
    transient: bool = False


@dataclass(frozen=True, slots=True)
class MessageMetadata:
    """Message metadata sent by the server (`message-metadata`, or on start/finish)."""

    metadata: Any


@dataclass(frozen=True, slots=True)
class StepFinish:
    """A step of a multi-step reply ended (UI `finish-step`, data `e:`)."""

    reason: str | None = None
    usage: Usage | None = None


@dataclass(frozen=True, slots=True)
class Finish:
    """The reply finished normally from the server's point of view (`finish`, `d:`, `[DONE]`)."""

    reason: str | None = None
    usage: Usage | None = None


@dataclass(frozen=True, slots=True)
class ModelError:
    """The stream reported that the model failed (UI `error`, data `3:`); status is still 200."""

    text: str


@dataclass(frozen=True, slots=True)
class Abort:
    """The server aborted the reply (UI `abort`)."""

    reason: str | None = None


StreamEvent = (
    MessageStart
    | TextDelta
    | ReasoningDelta
    | ToolActivity
    | Source
    | FilePart
    | DataPart
    | MessageMetadata
    | StepFinish
    | Finish
    | ModelError
    | Abort
)


@dataclass(slots=True)
class ToolCall:
    """A tool call as assembled from its ToolActivity events."""

    tool_call_id: str
    tool_name: str | None = None
    input_text: str = ""
    input: Any = None
    output: Any = None
    error_text: str | None = None
    state: ToolPhase = ToolPhase.INPUT_START


@dataclass(slots=True)
class StreamResult:
    """Everything a reply stream delivered, accumulated; filled in even when the reply failed.

    `error` holds the transport failure (a dropped connection, an idle timeout, an undecodable
    stream) that ended an INCOMPLETE reply, if one did; model errors are in `error_text`.
    """

    protocol: Protocol | None = None
    text: str = ""
    reasoning: str = ""
    outcome: Outcome = Outcome.INCOMPLETE
    finish_reason: str | None = None
    error_text: str | None = None
    abort_reason: str | None = None
    usage: Usage | None = None
    message_id: str | None = None
    metadata: Any = None
    tools: dict[str, ToolCall] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    files: list[FilePart] = field(default_factory=list)
    data: list[DataPart] = field(default_factory=list)
    error: Exception | None = None
