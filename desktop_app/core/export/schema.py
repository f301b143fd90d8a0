"""The canonical, versioned export schema: typed records and their JSON form.

Version 1 of `agentsgt-desktop.conversations` looks like this (every key is required, no other
key is allowed, `null` only where shown)::

    {"format": "agentsgt-desktop.conversations", "version": 1,
     "exported_at": "2026-01-02T03:04:05.000006+00:00", "app_version": "0.1.0",
     "conversations": [{
        "id": "...", "title": "...",
        "profile": {"display_name", "agent_id", "agent_name", "base_url"},
        "created_at", "updated_at", "server_thread_id"|null,
        "messages": [{"id": 12, "role", "text", "reasoning", "parts": [part...], "status",
                      "error_text"|null, "created_at", "finished_at"|null,
                      "usage": {"input_tokens"|null, "output_tokens"|null}|null}]}]}

A part is `{"type": "tool", "tool_call_id", "tool_name"|null, "state", "input", "output",
"error_text"|null}` (input and output any JSON) or `{"type": "source", "source_id", "url"|null,
"title"|null, "media_type"|null, "filename"|null}`. Message ids are the local row numbers.
A profile never carries a key or a keyring reference: only what identifies the agent.
validate.py reads this form back, strictly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop_app.core.errors import AgentsGTError
from desktop_app.core.limits import MAX_REPLY_TEXT_CHARS
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage.records import PartRecord, ToolRecord

FORMAT_NAME = "agentsgt-desktop.conversations"
FORMAT_VERSION = 1

# Sane limits: far above any real conversation, low enough that a hostile file cannot make the
# importer swallow gigabytes into SQLite.
# Text + reasoning + parts + error text of one message: room for the longest reply the client
# keeps (core/limits.MAX_REPLY_TEXT_CHARS characters, up to 4 UTF-8 bytes each), so any saved
# conversation can be exported and imported again.
MAX_MESSAGE_BYTES = 4 * MAX_REPLY_TEXT_CHARS + 8 * 1024 * 1024
MAX_SHORT_TEXT = 10_000  # ids, titles, names, URLs
MAX_TOKENS = 10**12

JsonValue = Any  # None | bool | int | float | str | list[JsonValue] | dict[str, JsonValue]


class ConversationImportError(AgentsGTError):
    """An export file was refused: the message names the problem and where it is."""


@dataclass(frozen=True, slots=True)
class ExportedProfile:
    """What identifies the agent a conversation was held with. Never any key."""

    display_name: str
    agent_id: str
    agent_name: str  # "" when the agent's name was never fetched
    base_url: str


@dataclass(frozen=True, slots=True)
class ExportedUsage:
    """Token counts of one reply, as the server reported them."""

    input_tokens: int | None = None
    output_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class ExportedMessage:
    """One message of a conversation, with everything the local history keeps about it."""

    id: int
    role: Role
    text: str
    reasoning: str
    parts: tuple[PartRecord, ...]
    status: MessageStatus
    error_text: str | None
    created_at: datetime
    finished_at: datetime | None
    usage: ExportedUsage | None


@dataclass(frozen=True, slots=True)
class ConversationExport:
    """One conversation ready to be written: its metadata, its agent's profile, its messages."""

    id: str
    title: str
    profile: ExportedProfile
    created_at: datetime
    updated_at: datetime
    server_thread_id: str | None
    messages: tuple[ExportedMessage, ...]


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """A whole export: one conversation, a selection, or everything."""

    conversations: tuple[ConversationExport, ...]
    exported_at: datetime
    app_version: str


# ---------------------------------------------------------------------------------------- to dict


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def part_to_dict(part: PartRecord) -> dict[str, JsonValue]:
    """The JSON object of one tool call or cited source."""
    if isinstance(part, ToolRecord):
        return {
            "type": "tool",
            "tool_call_id": part.tool_call_id,
            "tool_name": part.tool_name,
            "state": part.state,
            "input": part.input,
            "output": part.output,
            "error_text": part.error_text,
        }
    return {
        "type": "source",
        "source_id": part.source_id,
        "url": part.url,
        "title": part.title,
        "media_type": part.media_type,
        "filename": part.filename,
    }


def message_to_dict(message: ExportedMessage) -> dict[str, JsonValue]:
    """The JSON object of one message."""
    usage = message.usage
    return {
        "id": message.id,
        "role": str(message.role),
        "text": message.text,
        "reasoning": message.reasoning,
        "parts": [part_to_dict(part) for part in message.parts],
        "status": str(message.status),
        "error_text": message.error_text,
        "created_at": _time(message.created_at),
        "finished_at": _time(message.finished_at),
        "usage": None
        if usage is None
        else {"input_tokens": usage.input_tokens, "output_tokens": usage.output_tokens},
    }


def conversation_to_dict(conversation: ConversationExport) -> dict[str, JsonValue]:
    """The JSON object of one conversation, messages included."""
    profile = conversation.profile
    return {
        "id": conversation.id,
        "title": conversation.title,
        "profile": {
            "display_name": profile.display_name,
            "agent_id": profile.agent_id,
            "agent_name": profile.agent_name,
            "base_url": profile.base_url,
        },
        "created_at": _time(conversation.created_at),
        "updated_at": _time(conversation.updated_at),
        "server_thread_id": conversation.server_thread_id,
        "messages": [message_to_dict(m) for m in conversation.messages],
    }


def document_to_dict(document: ExportDocument) -> dict[str, JsonValue]:
    """The whole export as a JSON-ready dict (the canonical format, version 1)."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": _time(document.exported_at),
        "app_version": document.app_version,
        "conversations": [conversation_to_dict(c) for c in document.conversations],
    }
