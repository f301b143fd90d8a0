"""Typed rows read from and written to the history database, and their JSON parts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.events import Source, StreamResult, ToolCall
from desktop_app.core.models import MessageStatus, Role

UNTITLED = "New conversation"


@dataclass(frozen=True, slots=True)
class ToolRecord:
    """A tool call the assistant made while answering, as kept with the message."""

    tool_call_id: str
    tool_name: str | None = None
    state: str = "input-available"  # an events.ToolPhase value; a str so old rows still load
    input: Any = None
    output: Any = None
    error_text: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A source the assistant cited."""

    source_id: str
    url: str | None = None
    title: str | None = None
    media_type: str | None = None
    filename: str | None = None


PartRecord = ToolRecord | SourceRecord


@dataclass(frozen=True, slots=True)
class Conversation:
    """One conversation with an agent profile. `deleted_at` is set while it sits in the bin."""

    id: str
    profile_id: str
    title: str
    created_at: datetime
    updated_at: datetime
    message_count: int = 0
    server_thread_id: str | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """One message of a conversation, in `position` order (0 first)."""

    id: int
    conversation_id: str
    position: int
    role: Role
    text: str
    reasoning: str
    parts: tuple[PartRecord, ...]
    status: MessageStatus
    error_text: str | None
    created_at: datetime
    finished_at: datetime | None
    input_tokens: int | None
    output_tokens: int | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A message that matched a search. `snippet` marks matches with HIGHLIGHT_START/END."""

    message_id: int
    conversation_id: str
    conversation_title: str
    profile_id: str
    position: int
    role: Role
    snippet: str
    created_at: datetime
    rank: float


# Control characters that never occur in chat text, so the GUI can escape the snippet and then
# turn exactly these into bold tags.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


def to_db_time(value: datetime) -> int:
    """Microseconds since the Unix epoch (UTC): sortable and exact. Naive values mean UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    delta = value - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def from_db_time(value: int | None) -> datetime | None:
    """The aware UTC datetime stored by `to_db_time`, or None."""
    if value is None:
        return None
    seconds, micros = divmod(int(value), 1_000_000)
    return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=micros)


def utc_now() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


def parts_to_json(parts: Iterable[PartRecord]) -> str:
    """Serialise part records for the `parts` column."""
    rows: list[dict[str, Any]] = []
    for part in parts:
        if isinstance(part, ToolRecord):
            rows.append(
                {
                    "type": "tool",
                    "tool_call_id": part.tool_call_id,
                    "tool_name": part.tool_name,
                    "state": part.state,
                    "input": part.input,
                    "output": part.output,
                    "error_text": part.error_text,
                }
            )
        elif isinstance(part, SourceRecord):
            rows.append(
                {
                    "type": "source",
                    "source_id": part.source_id,
                    "url": part.url,
                    "title": part.title,
                    "media_type": part.media_type,
                    "filename": part.filename,
                }
            )
        else:
            raise TypeError(f"not a part record: {type(part).__name__}")
    # default=str keeps a tool's odd non-JSON output storable instead of failing the whole save.
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"), default=str)


def parts_from_json(text: str | None) -> tuple[PartRecord, ...]:
    """Read the `parts` column; unknown or damaged entries are skipped, never fatal."""
    if not text:
        return ()
    try:
        rows = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(rows, list):
        return ()
    parts: list[PartRecord] = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        kind = row.get("type")
        if kind == "tool" and isinstance(row.get("tool_call_id"), str):
            parts.append(
                ToolRecord(
                    tool_call_id=row["tool_call_id"],
                    tool_name=row.get("tool_name"),
                    state=str(row.get("state") or "input-available"),
                    input=row.get("input"),
                    output=row.get("output"),
                    error_text=row.get("error_text"),
                )
            )
        elif kind == "source" and isinstance(row.get("source_id"), str):
            parts.append(
                SourceRecord(
                    source_id=row["source_id"],
                    url=row.get("url"),
                    title=row.get("title"),
                    media_type=row.get("media_type"),
                    filename=row.get("filename"),
                )
            )
    return tuple(parts)


def tool_record(call: ToolCall) -> ToolRecord:
    """A tool call as kept with its message (the streamed input text when no parsed input came)."""
    return ToolRecord(
        tool_call_id=call.tool_call_id,
        tool_name=call.tool_name,
        state=str(call.state),
        input=call.input if call.input is not None else (call.input_text or None),
        output=call.output,
        error_text=call.error_text,
    )


def source_record(source: Source) -> SourceRecord:
    """A cited source as kept with its message."""
    return SourceRecord(
        source_id=source.source_id,
        url=source.url,
        title=source.title,
        media_type=source.media_type,
        filename=source.filename,
    )


def parts_from_result(result: StreamResult) -> tuple[PartRecord, ...]:
    """The tool calls and sources a (possibly partial) reply stream delivered, as records."""
    tools = tuple(tool_record(call) for call in result.tools.values())
    return tools + tuple(source_record(source) for source in result.sources)
