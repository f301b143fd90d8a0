"""Message bodies as HTML for one theme: Markdown pieces for replies, escaped text for the user."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QCoreApplication

from desktop_app.core.markdown_render import MarkdownRenderer, RenderedMarkdown, split_blocks
from desktop_app.core.models import Role
from desktop_app.gui.transcript.highlight import make_highlighter
from desktop_app.gui.transcript.sections import internal_href, plain_text_html
from desktop_app.gui.transcript.styles import TranscriptPalette
from desktop_app.gui.transcript.types import MessageView

#: How many finished message bodies are kept rendered (LRU), across conversations.
BODY_CACHE_SIZE = 2000


@dataclass(frozen=True, slots=True)
class RenderedBody:
    """A finished message's body: its HTML pieces and the code of its code blocks, in order."""

    piece_html: tuple[str, ...]
    code_blocks: tuple[str, ...]


class BodyRenderer:
    """Renders bodies in one palette, and keeps finished ones so a reopened chat is not redone."""

    def __init__(self, palette: TranscriptPalette) -> None:
        self._coloured = MarkdownRenderer(
            make_highlighter(palette.pygments_style), palette.code_style, code_as_lines=True
        )
        self._plain = MarkdownRenderer(None, palette.code_style, code_as_lines=True)
        self._cache: dict[tuple[str, Role, str], RenderedBody] = {}

    def render_piece(
        self, message_id: str, source: str, first_code_index: int, highlight: bool = True
    ) -> RenderedMarkdown:
        """One block (or the unfinished tail) of a reply, with copy links for its code."""
        renderer = self._coloured if highlight else self._plain
        href = partial(_copy_code_href, message_id)
        return renderer.render(
            source,
            first_code_index=first_code_index,
            copy_href=href,
            copy_label=QCoreApplication.translate("Transcript", "Copy"),
            code_label=QCoreApplication.translate("Transcript", "code"),
        )

    def render_body(self, message: MessageView) -> RenderedBody:
        """A finished message, in the same pieces a streamed reply is shown in (cached)."""
        key = (message.message_id, message.role, message.text)
        body = self._cache.pop(key, None)
        if body is None:
            body = self._render(message)
        self._cache[key] = body  # most recently used last
        while len(self._cache) > BODY_CACHE_SIZE:
            del self._cache[next(iter(self._cache))]
        return body

    def render_for_clipboard(self, role: Role, text: str) -> str:
        """A message as one HTML fragment (no copy links), for the clipboard."""
        if role is Role.ASSISTANT:
            return self._coloured.render(text).html
        return plain_text_html(text)

    @property
    def cached_count(self) -> int:
        """How many finished bodies are kept."""
        return len(self._cache)

    def _render(self, message: MessageView) -> RenderedBody:
        if message.role is not Role.ASSISTANT:
            return RenderedBody((plain_text_html(message.text),), ())
        pieces: list[str] = []
        codes: list[str] = []
        for block in split_blocks(message.text):
            rendered = self.render_piece(message.message_id, block, len(codes))
            codes.extend(code.code for code in rendered.code_blocks)
            pieces.append(rendered.html)
        return RenderedBody(tuple(pieces), tuple(codes))


def _copy_code_href(message_id: str, index: int) -> str:
    return internal_href("copy-code", message_id, str(index))
