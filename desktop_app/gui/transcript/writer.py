"""Writing messages into the transcript document: a frame each, one edit block per change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument

from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.transcript.bodies import BodyRenderer
from desktop_app.gui.transcript.document import (
    BodyWriter,
    HtmlParser,
    MessageFrames,
    insert_message_frames,
    make_gap,
    replace_frame,
)
from desktop_app.gui.transcript.sections import footer_html, meta_html
from desktop_app.gui.transcript.styles import TranscriptPalette
from desktop_app.gui.transcript.types import MessageView


class LiveTail(Protocol):
    """What an entry needs of the reply streaming into it (live.LiveReply): typed here so
    this module does not import live, which imports it."""

    def text(self) -> str:
        """The answer text received so far."""

    def rebuild(self) -> None:
        """Paint the reply again (the document was rebuilt)."""

    def cancel(self) -> None:
        """Stop painting (the message left the document)."""


@dataclass(slots=True)
class Entry:
    """What the view keeps per displayed message."""

    message: MessageView
    frames: MessageFrames
    code_blocks: list[str] = field(default_factory=list)
    piece_html: list[str] = field(default_factory=list)
    reasoning_open: bool = False
    tools_open: bool = False
    live: LiveTail | None = None


class MessageWriter:
    """Puts messages into the document the view currently shows (or builds).

    Callers group their changes with `edit_block()`: Qt rebuilds its frame tree by walking
    the whole document at the end of every edit block that added or removed a frame (each
    message is four frames, each code block or table one more). One block per message part
    made opening a conversation cost O(messages squared); one per call keeps it linear.
    """

    def __init__(
        self, document: Callable[[], QTextDocument], palette: TranscriptPalette, owner: QObject
    ) -> None:
        self.document = document
        self.palette = palette
        self.bodies = BodyRenderer(palette)
        self.parser = HtmlParser(owner)
        #: How many edit blocks changed the document (for tests: each walks all of it).
        self.edit_block_count = 0
        #: How many times each message's body was written into the document (for tests).
        self.body_write_counts: Counter[str] = Counter()

    def set_palette(self, palette: TranscriptPalette) -> None:
        """Render from now on in this palette (bodies rendered in the old one are dropped)."""
        self.palette = palette
        self.bodies = BodyRenderer(palette)

    @contextmanager
    def edit_block(self) -> Iterator[None]:
        """Group changes: Qt re-scans the frames and lays out once, at the end."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self.edit_block_count += 1
        try:
            yield
        finally:
            cursor.endEditBlock()

    def add(
        self, message: MessageView, *, render_body: bool = True, position: int | None = None
    ) -> Entry:
        """A new message at `position` (the start of an empty root block; default: the end)."""
        entry = Entry(message=message, frames=self.new_frames(message.role, position))
        self.render_meta(entry)
        if render_body:
            self.render_body(entry)
        self.render_footer(entry)
        return entry

    def add_at_top(self, messages: Sequence[MessageView]) -> list[Entry]:
        """Insert these messages, in order, above everything shown (one edit block).

        They go in last first, each at the very top: Qt finds a new frame's place among its
        siblings by a linear search from the first one, so putting each message after the
        previous one would make a batch of n messages cost O(n squared) again.
        """
        entries: list[Entry] = []
        with self.edit_block():
            for message in reversed(messages):
                entries.append(self.add(message, position=0))
        entries.reverse()
        return entries

    def new_frames(self, role: Role, position: int | None = None) -> MessageFrames:
        """Empty frames for one message."""
        background = self.palette.user_background if role is Role.USER else None
        document = self.document()
        if position is None:
            position = document.characterCount() - 1  # the end
        return insert_message_frames(document, position, background)

    def rebuild(self, entries: Iterable[Entry]) -> None:
        """Write every message again, in order, into the (cleared) document."""
        with self.edit_block():
            for entry in reversed(list(entries)):  # at the top, last first: see add_at_top
                entry.frames = self.new_frames(entry.message.role, position=0)
                self.render_meta(entry)
                self.render_footer(entry)
                if entry.live is not None:
                    entry.live.rebuild()
                else:
                    self.render_body(entry)

    def clear_body(self, entry: Entry) -> None:
        """Empty a message's body (a reply about to stream into it)."""
        entry.code_blocks.clear()
        entry.piece_html.clear()
        replace_frame(self.document(), entry.frames.body, "", self.parser)

    def body_writer(self, entry: Entry) -> BodyWriter:
        """A writer of pieces into the message's body (for a streaming reply)."""
        return BodyWriter(self.document(), entry.frames.body, self.parser)

    def render_body(self, entry: Entry) -> None:
        """Render a finished message's body (cached: the same text is rendered once)."""
        body = self.bodies.render_body(entry.message)
        entry.piece_html[:] = body.piece_html
        entry.code_blocks[:] = body.code_blocks
        self.body_write_counts[entry.message.message_id] += 1
        self.body_writer(entry).set_tail("".join(body.piece_html))

    def render_meta(self, entry: Entry) -> None:
        """The message's header: role, reasoning and tools."""
        message = entry.message
        html = meta_html(
            message.message_id,
            message.role,
            message.reasoning,
            message.tools,
            streaming=message.status is MessageStatus.STREAMING,
            reasoning_open=entry.reasoning_open,
            tools_open=entry.tools_open,
        )
        replace_frame(self.document(), entry.frames.meta, html, self.parser)

    def render_footer(self, entry: Entry) -> None:
        """The message's sources and status line."""
        message = entry.message
        html = footer_html(message.status, message.error_text, message.sources)
        replace_frame(self.document(), entry.frames.footer, html, self.parser)
        if not html:  # nothing under the message (its actions are on hover): no blank line
            make_gap(entry.frames.footer.firstCursorPosition())
