"""Plain-text export: readable anywhere, each reply's Markdown rendered as plain text."""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.core.export.labels import (
    conversation_facts,
    document_heading,
    format_time,
    speaker,
    status_note,
    usage_note,
)
from desktop_app.core.export.schema import ConversationExport, ExportDocument
from desktop_app.core.markdown_text import markdown_to_text
from desktop_app.core.message_parts import parts_text
from desktop_app.core.models import Role

_RULE = "=" * 72
_THIN_RULE = "-" * 72


def _facts(facts: Sequence[tuple[str, str]]) -> list[str]:
    width = max((len(name) for name, _ in facts), default=0)
    return [f"{(name + ':').ljust(width + 1)} {value}" for name, value in facts]


def _conversation(conversation: ConversationExport) -> list[str]:
    lines: list[str] = []
    for message in conversation.messages:
        notes = [note for note in (status_note(message), usage_note(message)) if note]
        suffix = f" ({'; '.join(notes)})" if notes else ""
        who = speaker(conversation, message)
        lines.append(f"[{format_time(message.created_at)}] {who}{suffix}:")
        if message.reasoning:
            lines.append("  Reasoning:")
            lines.extend("  | " + line for line in message.reasoning.splitlines() or [""])
        # Replies are Markdown; what a person typed is shown (and kept) as typed.
        reply = message.role is Role.ASSISTANT
        lines.append(markdown_to_text(message.text) if reply else message.text)
        parts = parts_text(message.parts)
        if parts:
            lines.extend("  " + line for line in parts.splitlines())
        if message.error_text:
            lines.append(f"  Error: {message.error_text}")
        lines.append("")
    return lines


def render_text(document: ExportDocument) -> str:
    """The export as plain UTF-8 text: a header, then each conversation's messages in order."""
    heading = document_heading(document)
    lines = [heading.title, _RULE, *_facts(heading.facts), ""]
    many = len(document.conversations) > 1
    for index, conversation in enumerate(document.conversations, start=1):
        if many:
            title = conversation.title or "Untitled conversation"
            lines += [_RULE, f"{index}. {title}", _THIN_RULE]
            lines += [*_facts(conversation_facts(conversation)), ""]
        lines += _conversation(conversation)
    return "\n".join(lines).rstrip("\n") + "\n"
