"""Words and dates shared by the human-readable exports (text, Markdown, HTML, PDF)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop_app import APP_NAME
from desktop_app.core.export.schema import ConversationExport, ExportDocument, ExportedMessage
from desktop_app.core.models import MessageStatus, Role

_STATUS_NOTES = {
    MessageStatus.COMPLETE: "",
    MessageStatus.STREAMING: "still being written when exported",
    MessageStatus.STOPPED: "stopped",
    MessageStatus.ERROR: "failed",
    MessageStatus.ABORTED: "aborted by the server",
    MessageStatus.INCOMPLETE: "incomplete",
    MessageStatus.INTERRUPTED: "interrupted",
}


def format_time(value: datetime | None) -> str:
    """A date and time for people: UTC, to the minute, e.g. `2026-01-02 03:04 UTC`."""
    if value is None:
        return "-"
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def agent_label(conversation: ConversationExport) -> str:
    """The agent as a person knows it: its name when known, with its id."""
    profile = conversation.profile
    if profile.agent_name:
        return f"{profile.agent_name} ({profile.agent_id})"
    return profile.agent_id


def speaker(conversation: ConversationExport, message: ExportedMessage) -> str:
    """Who said a message: "You", the agent's name, or "System"."""
    if message.role is Role.USER:
        return "You"
    if message.role is Role.SYSTEM:
        return "System"
    return conversation.profile.agent_name or "Agent"


def status_note(message: ExportedMessage) -> str:
    """A few words on how a message ended, empty for a complete one."""
    return _STATUS_NOTES.get(message.status, str(message.status))


def usage_note(message: ExportedMessage) -> str:
    """Token counts in words, empty when the server reported none."""
    usage = message.usage
    if usage is None or (usage.input_tokens is None and usage.output_tokens is None):
        return ""
    parts = []
    if usage.input_tokens is not None:
        parts.append(f"{usage.input_tokens} input tokens")
    if usage.output_tokens is not None:
        parts.append(f"{usage.output_tokens} output tokens")
    return ", ".join(parts)


def conversation_facts(conversation: ConversationExport) -> list[tuple[str, str]]:
    """The header lines of one conversation: agent, profile and dates (never a key)."""
    return [
        ("Agent", agent_label(conversation)),
        ("Profile", conversation.profile.display_name),
        ("Started", format_time(conversation.created_at)),
        ("Last updated", format_time(conversation.updated_at)),
        ("Messages", str(len(conversation.messages))),
    ]


@dataclass(frozen=True, slots=True)
class DocumentHeading:
    """The title and header lines a whole export file starts with."""

    title: str
    facts: tuple[tuple[str, str], ...]


def document_heading(document: ExportDocument) -> DocumentHeading:
    """The file's own header: for one conversation its facts; for many, a summary of them."""
    exported = ("Exported", f"{format_time(document.exported_at)} by {APP_NAME}")
    conversations = document.conversations
    if len(conversations) == 1:
        only = conversations[0]
        return DocumentHeading(
            only.title or "Untitled conversation", (*conversation_facts(only), exported)
        )
    agents = _unique(agent_label(c) for c in conversations)
    profiles = _unique(c.profile.display_name for c in conversations)
    facts = [
        ("Agents" if len(agents) != 1 else "Agent", ", ".join(agents) or "-"),
        ("Profiles" if len(profiles) != 1 else "Profile", ", ".join(profiles) or "-"),
    ]
    if conversations:
        facts.append(("From", format_time(min(c.created_at for c in conversations))))
        facts.append(("To", format_time(max(c.updated_at for c in conversations))))
    facts.append(("Conversations", str(len(conversations))))
    facts.append(exported)
    return DocumentHeading(f"{APP_NAME}: {len(conversations)} conversations", tuple(facts))


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen
