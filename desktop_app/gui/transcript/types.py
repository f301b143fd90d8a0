"""The records the transcript view displays: a message, its tool calls and its cited sources."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.models import MessageStatus, Role


@dataclass(frozen=True, slots=True)
class ToolSummary:
    """One tool call as the transcript shows it (previews are short, already-truncated text).

    `call_id` (optional) lets a later summary of the same call replace the earlier one.
    """

    name: str
    state: str
    input_preview: str = ""
    output_preview: str = ""
    call_id: str = ""


@dataclass(frozen=True, slots=True)
class SourceLink:
    """A source the reply cited."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class MessageView:
    """One message of the conversation, as displayed."""

    message_id: str
    role: Role
    text: str  # Markdown for the assistant, plain text for the user
    status: MessageStatus
    error_text: str | None = None
    reasoning: str = ""
    tools: tuple[ToolSummary, ...] = ()
    sources: tuple[SourceLink, ...] = ()
