"""How a reply's tool calls and cited sources read, the same in the window, copies and exports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from desktop_app.core.storage.records import PartRecord, SourceRecord, ToolRecord

#: What each step of a tool call (an events.ToolPhase value) is called.
TOOL_STATE_LABELS = {
    "input-start": "preparing",
    "input-delta": "preparing",
    "input-available": "running",
    "input-error": "failed",
    "output-available": "done",
    "output-error": "failed",
    "approval-request": "waiting for approval",
    "output-denied": "denied",
}

#: Longest preview of a tool's input or output, in characters.
PREVIEW_CHARS = 200


def tools_of(parts: Iterable[PartRecord]) -> tuple[ToolRecord, ...]:
    """The tool calls among `parts`, in order."""
    return tuple(part for part in parts if isinstance(part, ToolRecord))


def sources_of(parts: Iterable[PartRecord]) -> tuple[SourceRecord, ...]:
    """The cited sources among `parts`, in order."""
    return tuple(part for part in parts if isinstance(part, SourceRecord))


def tool_name(tool: ToolRecord) -> str:
    """The tool's name ("tool" when the server never said)."""
    return tool.tool_name or "tool"


def tool_state(tool: ToolRecord) -> str:
    """The step the call reached, in words ("running", "done", "failed"...)."""
    return TOOL_STATE_LABELS.get(tool.state, tool.state)


def tool_label(tool: ToolRecord) -> str:
    """`search_docs (done)`."""
    return f"{tool_name(tool)} ({tool_state(tool)})"


def preview(value: Any, limit: int = PREVIEW_CHARS) -> str:
    """A value on one short line: text as it is, anything else as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
        except (TypeError, ValueError):
            text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def tool_details(tool: ToolRecord) -> tuple[tuple[str, str], ...]:
    """The (label, preview) lines shown under an opened tool call: input, output, error."""
    details = []
    for label, value in (
        ("input", tool.input),
        ("output", tool.output),
        ("error", tool.error_text),
    ):
        shown = preview(value)
        if shown:
            details.append((label, shown))
    return tuple(details)


def source_title(source: SourceRecord) -> str:
    """What a source is called: its title, else its file name, URL or id."""
    return source.title or source.filename or source.url or source.source_id


def parts_markdown(parts: Sequence[PartRecord]) -> str:
    """The tool calls and sources as Markdown lines ("" when there are none)."""
    lines: list[str] = []
    tools = tools_of(parts)
    if tools:
        lines.append("**Tools:**")
        for tool in tools:
            details = "".join(f"; {label}: `{_code(text)}`" for label, text in tool_details(tool))
            lines.append(f"- `{_code(tool_name(tool))}` ({tool_state(tool)}){details}")
    sources = sources_of(parts)
    if sources:
        if lines:
            lines.append("")
        lines.append("**Sources:**")
        for source in sources:
            title = _markdown_text(source_title(source))
            lines.append(f"- {title} <{source.url}>" if source.url else f"- {title}")
    return "\n".join(lines)


def parts_text(parts: Sequence[PartRecord]) -> str:
    """The tool calls and sources as plain text lines ("" when there are none)."""
    lines: list[str] = []
    for tool in tools_of(parts):
        details = "".join(f"; {label}: {text}" for label, text in tool_details(tool))
        lines.append(f"Tool: {tool_label(tool)}{details}")
    for source in sources_of(parts):
        where = f" <{source.url}>" if source.url and source.url != source_title(source) else ""
        lines.append(f"Source: {source_title(source)}{where}")
    return "\n".join(lines)


def _code(text: str) -> str:
    # Inline code cannot hold a backtick run safely; a preview loses nothing by swapping it.
    return text.replace("`", "'")


def _markdown_text(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>#" else ch for ch in text)
