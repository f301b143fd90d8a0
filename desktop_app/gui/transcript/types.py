"""The record the transcript view displays: one message with its tool calls and cited sources."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.message_parts import sources_of, tools_of
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage.records import PartRecord, SourceRecord, ToolRecord


@dataclass(frozen=True, slots=True)
class MessageView:
    """One message of the conversation, as displayed."""

    message_id: str
    role: Role
    text: str  # Markdown for the assistant, plain text for the user
    status: MessageStatus
    error_text: str | None = None
    reasoning: str = ""
    parts: tuple[PartRecord, ...] = ()  # tool calls and cited sources, in the order they came

    @property
    def tools(self) -> tuple[ToolRecord, ...]:
        """The tool calls the reply made."""
        return tools_of(self.parts)

    @property
    def sources(self) -> tuple[SourceRecord, ...]:
        """The sources the reply cited."""
        return sources_of(self.parts)
