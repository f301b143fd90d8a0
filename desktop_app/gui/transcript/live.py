"""The reply being streamed: cheap appends, a throttled repaint of only its unfinished tail."""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFrame, QTextFrameFormat

from desktop_app.core.markdown_render import BlockSplitter, RenderedMarkdown
from desktop_app.core.models import MessageStatus
from desktop_app.core.storage.records import SourceRecord, ToolRecord
from desktop_app.gui.transcript.document import BodyWriter, make_gap
from desktop_app.gui.transcript.sections import plain_text_html
from desktop_app.gui.transcript.throttle import Throttle
from desktop_app.gui.transcript.types import MessageView

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop_app.gui.transcript.writer import Entry, MessageWriter

#: The live message is repainted at most this often, however fast tokens arrive.
REPAINT_INTERVAL_MS = 40

#: An unfinished tail longer than this is shown without syntax colours until it completes.
TAIL_HIGHLIGHT_LIMIT = 4000

#: Completed blocks inserted per repaint, in Markdown characters (always at least one block).
#: A backlog (a stream faster than the screen, a burst) is shown in slices of this size, the
#: event loop running between them: no stall, however much arrived at once.
COMMIT_BUDGET_CHARS = 3000
#: ...and of at most about this many seconds for the whole repaint: rendering and inserting the
#: blocks, and Qt's work when the edit ends, as the last repaint took (laying out, and a walk
#: over the whole document when a frame such as a table was added: 7 ms at 900,000 characters).
COMMIT_BUDGET_SECONDS = 0.010
#: ...but rendering gets at least this long, however costly the end of an edit has become.
MIN_COMMIT_SECONDS = 0.002

#: The body is written in chunk frames of about this many Markdown characters. Qt lays out
#: and paints the blocks of a frame one by one but skips a whole frame that did not change,
#: so with chunks a repaint costs the same at 100,000 tokens as at 1,000.
CHUNK_CHARS = 8000

#: Chunk frames are grouped in frames of this many: Qt still visits every child frame of the
#: frame that changed, so a flat list of chunks made a repaint grow with the reply (11 ms at
#: 200,000 characters, 46 ms at 800,000); in groups it visits at most this many plus the groups.
CHUNKS_PER_GROUP = 16


class LiveReply:
    """Feeds a streaming reply into the transcript.

    `append_*` only buffer and schedule a repaint. A repaint inserts newly completed Markdown
    blocks once each (at most `COMMIT_BUDGET_CHARS` of them), then replaces the unfinished
    tail. Pieces go into chunk frames inside the body that are sealed once full. So the cost
    of a repaint depends on the tail and the current chunk, not on the reply: a token costs
    the same at 100,000 tokens as at 100.
    """

    def __init__(
        self, writer: MessageWriter, entry: Entry, interval_ms: int, owner: QObject
    ) -> None:
        self._message_writer = writer
        self._entry = entry
        self._splitter = BlockSplitter()
        self._parts: list[str] = []
        self._reasoning: list[str] = []
        self._tools: dict[str, ToolRecord] = {}  # by call id, in the order calls began
        self._sources: list[SourceRecord] = []
        self._new_blocks: list[str] = []
        self._committed_blocks: list[str] = []
        self._committed_codes = 0
        self._shown_tail = ""
        self._meta_dirty = self._footer_dirty = False
        self._chunk: BodyWriter | None = None  # made at the first paint, in its edit block
        self._chunk_frame: QTextFrame | None = None
        self._group_frame: QTextFrame | None = None  # the group new chunks go into
        self._group_chunks = 0
        self._chunk_chars = 0
        self._edit_end_seconds = 0.0  # what Qt took to finish the last repaint's edit
        self._throttle = Throttle(self._repaint, interval_ms, owner)
        self._closed = False  # finish() was called: no more input
        self._settled = False  # ...and everything is shown, status line included
        self._cancelled = False
        self._final: tuple[MessageStatus, str | None] = (MessageStatus.COMPLETE, None)
        #: How many times the live message was re-rendered.
        self.repaint_count = 0
        #: How many times each completed block was converted to HTML (1 each, by design).
        self.block_render_counts: Counter[str] = Counter()
        #: Repaints that left completed blocks for the next one (a backlog shown in slices).
        self.backlog_slices = 0
        #: How many chunk frames the body was written in.
        self.chunk_count = 0

    @property
    def message_id(self) -> str:
        """The id of the message being written."""
        return self._entry.message.message_id

    @property
    def finished(self) -> bool:
        """True once `finish` was called (or the message was removed)."""
        return self._closed or self._cancelled

    @property
    def settled(self) -> bool:
        """True once the finished reply is all shown, status line included (or was removed)."""
        return self._settled or self._cancelled

    def text(self) -> str:
        """The answer text received so far."""
        return "".join(self._parts)

    def append_text(self, delta: str) -> None:
        """Add answer text; the screen catches up at the next repaint."""
        if self.finished or not delta:
            return
        self._parts.append(delta)
        self._new_blocks.extend(self._splitter.feed(delta))
        self._throttle.trigger()

    def append_reasoning(self, delta: str) -> None:
        """Add reasoning text (shown collapsed)."""
        if self.finished or not delta:
            return
        self._reasoning.append(delta)
        self._meta_dirty = True
        self._throttle.trigger()

    def add_tool(self, tool: ToolRecord) -> None:
        """Show a tool call, or the new state of one already shown (matched by its call id)."""
        if self.finished:
            return
        self._tools[tool.tool_call_id] = tool
        self._meta_dirty = True
        self._throttle.trigger()

    def add_source(self, source: SourceRecord) -> None:
        """Show a cited source."""
        if self.finished or source in self._sources:
            return
        self._sources.append(source)
        self._footer_dirty = True
        self._throttle.trigger()

    def finish(self, status: MessageStatus, error_text: str | None = None) -> None:
        """The reply ended: render what is left, then show its status line and actions.

        What is left is normally one block and is shown at once. A large backlog (a reply that
        arrived faster than it could be shown) is shown in slices like any other, the event loop
        running between them; the status line follows the last slice (`settled`).
        """
        if self._closed or self._cancelled:
            return
        self._closed = True
        self._final = (status, error_text)
        self._throttle.cancel()
        self._new_blocks.extend(self._splitter.finish())
        if _chars(self._new_blocks) > COMMIT_BUDGET_CHARS:
            self._throttle.hurry()  # a backlog: slices, from the event loop like the others
        else:
            self._repaint()

    def cancel(self) -> None:
        """Stop painting (the message was removed, replaced or the transcript cleared)."""
        self._throttle.cancel()
        if not self._settled:
            # The body is not all shown: whoever takes the message over must render it whole.
            self._entry.piece_html.clear()
        self._cancelled = True

    def rebuild(self) -> None:
        """Paint everything again into freshly made frames (after a theme change)."""
        self._chunk = None
        self._group_frame = None
        self._entry.code_blocks.clear()
        self._entry.piece_html.clear()
        self._committed_codes = 0
        for block in self._committed_blocks:
            self._record(self._render_block(block))
        if self._entry.piece_html:
            self._writer_for_chunk().commit("".join(self._entry.piece_html))
            self._seal_chunk()
        self._shown_tail = ""
        self._meta_dirty = self._footer_dirty = True
        self._repaint()

    def _snapshot(self, status: MessageStatus, error_text: str | None = None) -> MessageView:
        message = self._entry.message
        return MessageView(
            message_id=message.message_id,
            role=message.role,
            text=self.text(),
            status=status,
            error_text=error_text,
            reasoning="".join(self._reasoning),
            parts=(*self._tools.values(), *self._sources),
        )

    def _render_block(self, source: str, highlight: bool = True) -> RenderedMarkdown:
        return self._message_writer.bodies.render_piece(
            self.message_id, source, self._committed_codes, highlight
        )

    def _record(self, rendered: RenderedMarkdown) -> None:
        """Keep a finished piece's HTML and code blocks (dropping the old tail's code blocks)."""
        del self._entry.code_blocks[self._committed_codes :]
        self._entry.code_blocks.extend(code.code for code in rendered.code_blocks)
        self._committed_codes += len(rendered.code_blocks)
        self._entry.piece_html.append(rendered.html)

    # --- painting ---------------------------------------------------------------------------

    def _repaint(self) -> None:
        if self._cancelled or self._settled:
            return
        if self._closed and _chars(self._new_blocks) <= COMMIT_BUDGET_CHARS:
            self._settle()
            return
        writer = self._message_writer
        # One edit block for the body and the footer below it: Qt re-scans the document's
        # frames at most once per repaint, and lays out only what lies between the changes.
        with writer.edit_block():
            self._commit_slice()
            if not self._new_blocks and not self._closed:
                self._paint_tail()
            if self._meta_dirty or self._footer_dirty:
                self._entry.message = self._snapshot(MessageStatus.STREAMING)
            if self._footer_dirty:
                writer.render_footer(self._entry)
            edited = time.perf_counter()
        self._edit_end_seconds = time.perf_counter() - edited
        if self._meta_dirty:
            # Its own edit block: one spanning header to tail would lay the whole body out.
            with writer.edit_block():
                writer.render_meta(self._entry)
        self._meta_dirty = self._footer_dirty = False
        self.repaint_count += 1
        if self._new_blocks:
            self.backlog_slices += 1
            self._throttle.hurry()  # the rest of a backlog, as soon as the event loop had a turn
        elif self._closed:
            self._throttle.hurry()  # the backlog is all in: the status line comes next

    def _settle(self) -> None:
        """Show the last blocks (the final one without a line after it) and the status line."""
        status, error_text = self._final
        writer = self._message_writer
        with writer.edit_block():
            blocks, self._new_blocks = self._new_blocks, []
            for position, block in enumerate(blocks):
                rendered = self._commit_render(block)
                if position == len(blocks) - 1:
                    self._writer_for_chunk().set_tail(rendered.html)  # no empty line after it
                else:
                    self._commit_piece(block, rendered.html)
            if not blocks:
                self._writer_for_chunk().set_tail("")
            self._entry.message = self._snapshot(status, error_text)
            self._entry.live = None
            writer.render_footer(self._entry)
        with writer.edit_block():
            writer.render_meta(self._entry)
        self._settled = True
        self.repaint_count += 1

    def _commit_slice(self) -> None:
        """Insert completed blocks, oldest first, up to the budget (always at least one)."""
        spent = 0
        budget = max(MIN_COMMIT_SECONDS, COMMIT_BUDGET_SECONDS - self._edit_end_seconds)
        ends = time.perf_counter() + budget
        while self._new_blocks and (
            spent == 0 or (spent < COMMIT_BUDGET_CHARS and time.perf_counter() < ends)
        ):
            block = self._new_blocks.pop(0)
            spent += len(block)
            self._commit_piece(block, self._commit_render(block).html)
            self._shown_tail = ""  # committing a piece replaced the tail shown before

    def _commit_render(self, block: str) -> RenderedMarkdown:
        rendered = self._render_block(block)
        self.block_render_counts[block] += 1
        self._committed_blocks.append(block)
        self._record(rendered)
        return rendered

    def _commit_piece(self, block: str, html: str) -> None:
        self._writer_for_chunk().commit(html)
        self._chunk_chars += len(block)
        if self._chunk_chars >= CHUNK_CHARS:
            self._seal_chunk()

    def _paint_tail(self) -> None:
        tail = self._splitter.tail
        if tail == self._shown_tail:
            return
        del self._entry.code_blocks[self._committed_codes :]
        if _is_table(tail):
            # A table is a frame in Qt's document, and adding or removing a frame walks the
            # whole document: an unfinished table is shown as its text until it is complete.
            self._writer_for_chunk().set_tail(plain_text_html(tail.strip("\n")))
            self._shown_tail = tail
            return
        # A long unfinished block (an open code fence) is coloured once, when complete.
        highlight = len(tail) <= TAIL_HIGHLIGHT_LIMIT
        rendered = self._render_block(tail, highlight) if tail.strip() else None
        if rendered is not None:
            self._entry.code_blocks.extend(code.code for code in rendered.code_blocks)
        self._writer_for_chunk().set_tail(rendered.html if rendered is not None else "")
        self._shown_tail = tail

    # --- chunks of the body -----------------------------------------------------------------

    def _writer_for_chunk(self) -> BodyWriter:
        """The writer of the chunk frame new pieces go into (made at the body's end if none)."""
        if self._chunk is None:
            document = self._message_writer.document()
            if self._group_frame is None or self._group_chunks >= CHUNKS_PER_GROUP:
                if self._group_frame is not None:
                    seal_chunk(document, self._group_frame)
                self._group_frame = open_chunk(document, self._entry.frames.body)
                self._group_chunks = 0
            frame = open_chunk(document, self._group_frame)
            self._group_chunks += 1
            self._chunk = BodyWriter(document, frame, self._message_writer.parser)
            self._chunk_frame = frame
            self._chunk_chars = 0
            self.chunk_count += 1
        return self._chunk

    def _seal_chunk(self) -> None:
        """Leave the current chunk as it is for good; the next piece starts a new one."""
        if self._chunk_frame is not None:
            seal_chunk(self._message_writer.document(), self._chunk_frame)
        self._chunk = None
        self._chunk_frame = None


def _chars(blocks: list[str]) -> int:
    return sum(len(block) for block in blocks)


def open_chunk(document: QTextDocument, body: QTextFrame) -> QTextFrame:
    """A new, empty frame at the end of `body`, with only thin spacing blocks around it."""
    cursor = QTextCursor(document)
    cursor.setPosition(body.lastPosition())
    if cursor.block().text() or cursor.block().textList() is not None:
        cursor.insertBlock()
    make_gap(cursor)
    chunk_format = QTextFrameFormat()
    chunk_format.setMargin(0)
    chunk_format.setPadding(0)
    chunk_format.setBorder(0)
    frame = cursor.insertFrame(chunk_format)
    after = QTextCursor(document)
    after.setPosition(frame.lastPosition() + 1)
    make_gap(after)
    return frame


def seal_chunk(document: QTextDocument, chunk: QTextFrame) -> None:
    """Make the empty block a sealed chunk ends with (where the tail was) as thin as can be."""
    cursor = QTextCursor(document)
    cursor.setPosition(chunk.lastPosition())
    if not cursor.block().text() and cursor.block().textList() is None:
        make_gap(cursor)


def _is_table(block: str) -> bool:
    """True when a Markdown block is (or starts as) a table: its first line begins with |."""
    first = block.lstrip("\n").split("\n", 1)[0].strip()
    return first.startswith("|")
