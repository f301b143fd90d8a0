"""HTML of the quiet parts of a message: its role label, reasoning, tools, sources, status."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication

from desktop_app.core.markdown_render import is_safe_link
from desktop_app.core.message_parts import (
    source_title,
    tool_details,
    tool_label,
    tool_name,
    tool_state,
)
from desktop_app.core.models import MessageStatus, Role
from desktop_app.core.storage.records import SourceRecord, ToolRecord
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

#: The scheme of the view's own links (actions); they are handled inside, never opened.
INTERNAL_SCHEME = "agentsgt"

#: Marked for lupdate here; translated when a message is written (role_label).
ROLE_LABELS = {
    Role.USER: QT_TRANSLATE_NOOP("Transcript", "You"),
    Role.ASSISTANT: QT_TRANSLATE_NOOP("Transcript", "Agent"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("Transcript", "System"),
}


def role_label(role: Role) -> str:
    """Who wrote a message, in the window's language."""
    english = ROLE_LABELS.get(role)
    return QCoreApplication.translate("Transcript", english) if english else str(role)


@dataclass(frozen=True, slots=True)
class InternalLink:
    """A parsed `agentsgt:<action>/<message id>[/<argument>]` link."""

    action: str
    message_id: str
    argument: str = ""


def internal_href(action: str, message_id: str, argument: str = "") -> str:
    """The href of one of the view's own action links (ids are percent-encoded)."""
    href = f"{INTERNAL_SCHEME}:{action}/{quote(message_id, safe='')}"
    return f"{href}/{quote(argument, safe='')}" if argument else href


def parse_internal(encoded_url: str) -> InternalLink | None:
    """Parse a fully encoded internal link; None if it is not one of ours."""
    prefix = f"{INTERNAL_SCHEME}:"
    if not encoded_url.startswith(prefix):
        return None
    parts = encoded_url[len(prefix) :].split("/")
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        return None
    argument = unquote(parts[2]) if len(parts) == 3 else ""
    return InternalLink(action=parts[0], message_id=unquote(parts[1]), argument=argument)


def status_sentence(status: MessageStatus, error_text: str | None) -> str | None:
    """The line shown on a message that did not complete normally (None when it did).

    For a failed reply `error_text` is the window's own sentence (core/error_text.py): it says
    itself whether the agent reported the error or the request failed (HTTP, network), so it is
    shown as it is.
    """
    if status is MessageStatus.STOPPED:
        return QCoreApplication.translate("Transcript", "Stopped")
    if status is MessageStatus.ERROR:
        return error_text or QCoreApplication.translate("Transcript", "The reply failed")
    if status is MessageStatus.ABORTED:
        return QCoreApplication.translate("Transcript", "The agent aborted the reply")
    if status is MessageStatus.INCOMPLETE:
        return QCoreApplication.translate("Transcript", "The reply was cut off")
    if status is MessageStatus.INTERRUPTED:
        return QCoreApplication.translate("Transcript", "Interrupted")
    return None


def _small(inner: str, css_class: str = "meta") -> str:
    return f'<p class="{css_class}"><small>{inner}</small></p>'


def _multiline(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def meta_html(
    message_id: str,
    role: Role,
    reasoning: str,
    tools: Sequence[ToolRecord],
    *,
    streaming: bool,
    reasoning_open: bool,
    tools_open: bool,
) -> str:
    """The header of a message: who wrote it, then reasoning and tool activity, collapsed."""
    parts = [f'<p class="role">{html.escape(role_label(role))}</p>']
    if reasoning.strip():
        label = (
            QCoreApplication.translate("Transcript", "Thinking…")
            if streaming
            else QCoreApplication.translate("Transcript", "Thought for a while")
        )
        arrow = "▾" if reasoning_open else "▸"
        toggle = html.escape(internal_href("toggle-reasoning", message_id))
        parts.append(_small(f'<a href="{toggle}">{label} {arrow}</a>'))
        if reasoning_open:
            parts.append(_small(f"<i>{_multiline(reasoning.strip())}</i>"))
    if tools:
        names = ", ".join(html.escape(tool_label(tool)) for tool in tools)
        arrow = "▾" if tools_open else "▸"
        toggle = html.escape(internal_href("toggle-tools", message_id))
        tools_text = html.escape(QCoreApplication.translate("Transcript", "Tools: {names}")).format(
            names=names
        )
        parts.append(_small(f'{tools_text} <a href="{toggle}">{arrow}</a>'))
        if tools_open:
            for tool in tools:
                detail = f"<b>{html.escape(tool_name(tool))}</b> {html.escape(tool_state(tool))}"
                for label, text in tool_details(tool):
                    detail += f"<br/>{label}: {_multiline(text)}"
                parts.append(_small(detail))
    return "".join(parts)


def sources_html(sources: Sequence[SourceRecord]) -> str:
    """The cited sources as a small list of links (unsafe URLs as text)."""
    if not sources:
        return ""
    items = []
    for source in sources:
        title = html.escape(source_title(source))
        if source.url and is_safe_link(source.url):
            items.append(f'<a href="{html.escape(source.url)}">{title}</a>')
        else:
            items.append(title)
    return _small(
        html.escape(QCoreApplication.translate("Transcript", "Sources: {sources}")).format(
            sources=" &#183; ".join(items)
        )
    )


def footer_html(
    status: MessageStatus,
    error_text: str | None,
    sources: Sequence[SourceRecord],
) -> str:
    """Sources and the status line of a message (its actions are on hover: hover_actions.py)."""
    parts = [sources_html(sources)]
    if status is MessageStatus.STREAMING:
        parts.append(_small("…"))
        return "".join(parts)
    sentence = status_sentence(status, error_text)
    if sentence is not None:
        parts.append(_small(_multiline(sentence), "error"))
    return "".join(parts)


def plain_text_html(text: str) -> str:
    """A user's message: plain text, escaped, line breaks kept."""
    return f"<p>{_multiline(text)}</p>"
