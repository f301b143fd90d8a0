"""Markdown export: headings per conversation and message, replies kept as the Markdown they are."""

from __future__ import annotations

import re
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
from desktop_app.core.markdown_text import shift_headings
from desktop_app.core.message_parts import parts_markdown

# Characters that start Markdown syntax inside a line of our own (titles, names).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


def escape_inline(text: str) -> str:
    """Text of our own made literal in Markdown: syntax escaped, newlines folded to spaces."""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(text.splitlines()))


def _balanced(text: str) -> str:
    """Close a code fence a message left open, so it cannot swallow the messages after it."""
    opener: str | None = None
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        if opener is None:
            opener = fence
        elif fence[0] == opener[0] and len(fence) >= len(opener):
            opener = None
    if opener is None:
        return text
    return text.rstrip("\n") + "\n" + opener


def _facts(facts: Sequence[tuple[str, str]]) -> list[str]:
    return [f"- **{name}:** {escape_inline(value)}" for name, value in facts]


def _conversation(conversation: ConversationExport, level: str) -> list[str]:
    """The messages under `level` headings; a reply's own headings go below that level."""
    lines: list[str] = []
    for message in conversation.messages:
        notes = [note for note in (status_note(message), usage_note(message)) if note]
        note = f" *({escape_inline('; '.join(notes))})*" if notes else ""
        who = escape_inline(speaker(conversation, message))
        lines += [f"{level} {who} · {format_time(message.created_at)}{note}", ""]
        if message.reasoning:
            lines.append("> **Reasoning**")
            lines.append(">")
            lines += [f"> {line}".rstrip() for line in message.reasoning.splitlines()]
            lines.append("")
        lines += [_balanced(shift_headings(message.text, len(level))), ""]
        parts = parts_markdown(message.parts)
        if parts:
            lines += [parts, ""]
        if message.error_text:
            lines += [f"**Error:** {escape_inline(message.error_text)}", ""]
    return lines


def render_markdown(document: ExportDocument) -> str:
    """The export as one Markdown file: the header, then each conversation's messages."""
    heading = document_heading(document)
    lines = [f"# {escape_inline(heading.title)}", "", *_facts(heading.facts), ""]
    many = len(document.conversations) > 1
    for index, conversation in enumerate(document.conversations, start=1):
        if many:
            title = escape_inline(conversation.title or "Untitled conversation")
            lines += ["---", "", f"## {index}. {title}", ""]
            lines += [*_facts(conversation_facts(conversation)), ""]
        lines += _conversation(conversation, "###" if many else "##")
    return "\n".join(lines).rstrip("\n") + "\n"
