"""Self-contained HTML export: one file, inline styles, no scripts, no external resources.

Every piece of text that came from a person, an agent or a file is escaped before it is put
in the page; replies may be rendered from Markdown only through a renderer that escapes raw
HTML. A Content-Security-Policy meta tag forbids scripts and remote loads as a second guard.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import TextLexer, get_lexer_by_name
from pygments.util import ClassNotFound

from desktop_app import APP_NAME
from desktop_app.core.export.labels import (
    conversation_facts,
    document_heading,
    format_time,
    speaker,
    status_note,
    usage_note,
)
from desktop_app.core.export.schema import ConversationExport, ExportDocument, ExportedMessage
from desktop_app.core.message_parts import source_title, tool_details, tool_label
from desktop_app.core.models import Role
from desktop_app.core.storage.records import SourceRecord, ToolRecord

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_STYLE = """
body { font-family: sans-serif; font-size: 11pt; color: #1f2328; background: #ffffff;
       max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 18pt; margin-bottom: 0.3em; }
h2 { font-size: 14pt; margin-top: 2em; border-top: 1px solid #d0d7de; padding-top: 0.8em; }
table.facts { border-collapse: collapse; margin-bottom: 1em; color: #57606a; }
table.facts th { text-align: left; padding: 0 1em 0 0; font-weight: bold; }
table.facts td { padding: 0; }
div.message { margin: 0.9em 0; padding: 0.6em 0.9em; border-radius: 6px;
              border: 1px solid #d0d7de; }
div.role-user { background: #eef6ff; }
div.role-assistant { background: #ffffff; }
div.role-system { background: #f6f8fa; }
p.meta { margin: 0 0 0.4em 0; color: #57606a; font-size: 9pt; }
p.meta b { color: #1f2328; }
div.text { white-space: pre-wrap; }
div.reasoning { white-space: pre-wrap; color: #57606a; border-left: 3px solid #d0d7de;
                padding-left: 0.6em; margin-bottom: 0.5em; font-size: 10pt; }
p.error { color: #b42318; }
ul.parts { color: #57606a; font-size: 9pt; }
pre, code { font-family: monospace; font-size: 10pt; }
div.highlight { padding: 0.4em 0.6em; border-radius: 4px; margin: 0.4em 0; }
div.highlight pre { margin: 0; white-space: pre-wrap; }
p.codebar { margin: 0.6em 0 0 0; font-size: 9pt; }
table.code { margin: 0 0 0.6em 0; }
table.code pre { margin: 0; white-space: pre-wrap; }
table.md { border-collapse: collapse; margin: 0.4em 0; }
div.body p { margin: 0.3em 0; }
"""

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*([^\n`]*)$", re.MULTILINE)
# Highlighting is a convenience: a huge block is shown plainly rather than risk a slow lexer.
_MAX_HIGHLIGHT_CHARS = 200_000
_FORMATTER = HtmlFormatter(noclasses=True, style="default")
_SPAN_FORMATTER = HtmlFormatter(noclasses=True, nowrap=True, style="default")

BodyRenderer = Callable[[str], str]


def _code_block(code: str, language: str) -> str:
    """A code block highlighted with pygments inline styles (pygments escapes the code)."""
    lexer = TextLexer()
    name = language.strip().split(maxsplit=1)[0] if language.strip() else ""
    if name and len(code) <= _MAX_HIGHLIGHT_CHARS:
        try:
            lexer = get_lexer_by_name(name)
        except ClassNotFound:
            lexer = TextLexer()
    return str(highlight(code, lexer, _FORMATTER))


def render_plain_body(text: str) -> str:
    """Escaped text with its fenced code blocks highlighted; used when no Markdown renderer is."""
    pieces: list[str] = []
    position = code_start = 0
    opener: str | None = None
    language = ""
    for match in _FENCE.finditer(text):
        fence, info = match.group(1), match.group(2)
        if opener is None:
            prose = text[position : match.start()]
            if prose.strip("\n"):
                pieces.append(f'<div class="text">{escape(prose.strip(chr(10)))}</div>')
            opener, language, code_start = fence, info, match.end() + 1
        elif fence[0] == opener[0] and len(fence) >= len(opener) and not info.strip():
            pieces.append(_code_block(text[code_start : match.start()], language))
            opener, position = None, match.end() + 1
    if opener is not None:  # an unclosed fence runs to the end, as in CommonMark
        pieces.append(_code_block(text[code_start:], language))
    else:
        prose = text[position:]
        if prose.strip("\n"):
            pieces.append(f'<div class="text">{escape(prose.strip(chr(10)))}</div>')
    return "\n".join(pieces)


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer:
    try:
        return get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return TextLexer(stripnl=False, ensurenl=False)


def highlight_code(code: str, language: str) -> str:
    """Code as inline-styled, escaped HTML spans (no wrapper), for the Markdown renderer."""
    if not language or len(code) > _MAX_HIGHLIGHT_CHARS:
        lexer: Lexer = TextLexer(stripnl=False, ensurenl=False)
    else:
        lexer = _lexer(language)
    return str(highlight(code, lexer, _SPAN_FORMATTER)).removesuffix("\n")


def default_body_renderer() -> BodyRenderer:
    """The transcript's own safe Markdown renderer, with pygments colours; else escaped text."""
    try:
        from desktop_app.core.markdown_render import MarkdownRenderer
    except ImportError:  # the renderer is optional for exports: escaped text is always safe
        return render_plain_body
    renderer = MarkdownRenderer(highlight_code)  # built once per export: parsers are not free
    return lambda text: renderer.render(text).html


def _facts(facts: Sequence[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><th>{escape(name)}</th><td>{escape(value)}</td></tr>" for name, value in facts
    )
    return f'<table class="facts">{rows}</table>'


def _parts(message: ExportedMessage) -> str:
    items: list[str] = []
    for part in message.parts:
        if isinstance(part, ToolRecord):
            details = "".join(f"; {label}: {text}" for label, text in tool_details(part))
            items.append(f"<li>Tool: {escape(tool_label(part) + details)}</li>")
        elif isinstance(part, SourceRecord):
            # Shown as text, never as a link: an export must not send the reader anywhere.
            label = source_title(part)
            where = f" <{part.url}>" if part.url and part.url != label else ""
            items.append(f"<li>Source: {escape(label + where)}</li>")
    return f'<ul class="parts">{"".join(items)}</ul>' if items else ""


def _message(conversation: ConversationExport, message: ExportedMessage, body: BodyRenderer) -> str:
    notes = [note for note in (status_note(message), usage_note(message)) if note]
    note = f" · {escape('; '.join(notes))}" if notes else ""
    meta = (
        f'<p class="meta"><b>{escape(speaker(conversation, message))}</b> · '
        f"{escape(format_time(message.created_at))}{note}</p>"
    )
    reasoning = (
        f'<div class="reasoning">{escape(message.reasoning)}</div>' if message.reasoning else ""
    )
    # Only the agent writes Markdown; what a person typed is shown exactly as typed.
    if message.role is Role.ASSISTANT:
        content = f'<div class="body">{body(message.text)}</div>'
    else:
        content = f'<div class="text">{escape(message.text)}</div>'
    error = ""
    if message.error_text:
        error = f'<p class="error">Error: {escape(message.error_text)}</p>'
    role = escape(str(message.role))
    status = escape(str(message.status))
    return (
        f'<div class="message role-{role} status-{status}">'
        f"{meta}{reasoning}{content}{error}{_parts(message)}</div>"
    )


def render_html(document: ExportDocument, body: BodyRenderer | None = None) -> str:
    """The export as one self-contained HTML page (UTF-8)."""
    body = body or default_body_renderer()
    heading = document_heading(document)
    sections: list[str] = []
    many = len(document.conversations) > 1
    for index, conversation in enumerate(document.conversations, start=1):
        parts: list[str] = []
        if many:
            title = conversation.title or "Untitled conversation"
            parts.append(f"<h2>{index}. {escape(title)}</h2>")
            parts.append(_facts(conversation_facts(conversation)))
        parts += [_message(conversation, message, body) for message in conversation.messages]
        sections.append(f'<div class="conversation">{"".join(parts)}</div>')
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f'<meta name="generator" content="{escape(APP_NAME)}">\n'
        f"<title>{escape(heading.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(heading.title)}</h1>\n{_facts(heading.facts)}\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )
