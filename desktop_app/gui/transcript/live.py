"""The reply being streamed: cheap appends, a throttled repaint of only its unfinished tail."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.core.markdown_render import BlockSplitter, RenderedMarkdown
from desktop_app.core.models import MessageStatus
from desktop_app.gui.transcript.throttle import Throttle
from desktop_app.gui.transcript.types import MessageView, SourceLink, ToolSummary

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop_app.gui.transcript.writer import Entry, MessageWriter

#: The live message is repainted at most this often, however fast tokens arrive.
REPAINT_INTERVAL_MS = 40

#: An unfinished tail longer than this is shown without syntax colours until it completes.
TAIL_HIGHLIGHT_LIMIT = 4000


class LiveReply:
    """Feeds a streaming reply into the transcript.

    `append_*` only buffer and schedule a repaint. A repaint inserts each newly completed
    Markdown block once, then replaces the unfinished tail: its cost depends on the size of
    the tail, not of the reply, so a token costs the same at 100,000 tokens as at 100.
    """

    def __init__(
        self, writer: MessageWriter, entry: Entry, interval_ms: int, owner: QObject
    ) -> None:
        self._message_writer = writer
        self._entry = entry
        self._splitter = BlockSplitter()
        self._parts: list[str] = []
        self._reasoning: list[str] = []
        self._tools: list[ToolSummary] = []
        self._sources: list[SourceLink] = []
        self._new_blocks: list[str] = []
        self._committed_blocks: list[str] = []
        self._committed_codes = 0
        self._shown_tail: str | None = None
        self._meta_dirty = self._footer_dirty = False
        self._body_writer = writer.body_writer(entry)
        self._throttle = Throttle(self._repaint, interval_ms, owner)
        self._done = False
        #: How many times the live message was re-rendered.
        self.repaint_count = 0
        #: How many times each completed block was converted to HTML (1 each, by design).
        self.block_render_counts: Counter[str] = Counter()

    @property
    def message_id(self) -> str:
        """The id of the message being written."""
        return self._entry.message.message_id

    @property
    def finished(self) -> bool:
        """True once `finish` was called (or the message was removed)."""
        return self._done

    def text(self) -> str:
        """The answer text received so far."""
        return "".join(self._parts)

    def append_text(self, delta: str) -> None:
        """Add answer text; the screen catches up at the next repaint."""
        if self._done or not delta:
            return
        self._parts.append(delta)
        self._new_blocks.extend(self._splitter.feed(delta))
        self._throttle.trigger()

    def append_reasoning(self, delta: str) -> None:
        """Add reasoning text (shown collapsed)."""
        if self._done or not delta:
            return
        self._reasoning.append(delta)
        self._meta_dirty = True
        self._throttle.trigger()

    def add_tool(self, summary: ToolSummary) -> None:
        """Show a tool call, or a new state of one already shown.

        A summary replaces the earlier one with the same `call_id`; without ids, the latest one
        with the same name whose input matches (or is not known yet on either side).
        """
        if self._done:
            return
        for index in range(len(self._tools) - 1, -1, -1):
            tool = self._tools[index]
            if _same_call(tool, summary):
                if not summary.input_preview:
                    summary = replace(summary, input_preview=tool.input_preview)
                self._tools[index] = summary
                break
        else:
            self._tools.append(summary)
        self._meta_dirty = True
        self._throttle.trigger()

    def add_source(self, link: SourceLink) -> None:
        """Show a cited source."""
        if self._done or link in self._sources:
            return
        self._sources.append(link)
        self._footer_dirty = True
        self._throttle.trigger()

    def finish(self, status: MessageStatus, error_text: str | None = None) -> None:
        """The reply ended: render what is left, show its status line and actions."""
        if self._done:
            return
        self._throttle.cancel()
        self._new_blocks.extend(self._splitter.finish())
        self._shown_tail = None
        with self._message_writer.edit_block():
            self._commit_new_blocks(keep_last_as_tail=True)
            self._done = True
            self._entry.message = self._snapshot(status, error_text)
            self._entry.live = None
            self._message_writer.render_meta(self._entry)
            self._message_writer.render_footer(self._entry)
        self.repaint_count += 1

    def cancel(self) -> None:
        """Stop painting (the message was removed or the transcript cleared)."""
        self._throttle.cancel()
        self._done = True

    def rebuild(self) -> None:
        """Paint everything again into freshly made frames (after a theme change)."""
        self._body_writer = self._message_writer.body_writer(self._entry)
        self._entry.code_blocks.clear()
        self._entry.piece_html.clear()
        self._committed_codes = 0
        for block in self._committed_blocks:
            self._record(self._render_block(block))
        if self._entry.piece_html:
            self._body_writer.commit("".join(self._entry.piece_html))
        self._shown_tail = None
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
            tools=tuple(self._tools),
            sources=tuple(self._sources),
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

    def _commit_new_blocks(self, keep_last_as_tail: bool = False) -> None:
        blocks, self._new_blocks = self._new_blocks, []
        for position, block in enumerate(blocks):
            rendered = self._render_block(block)
            self.block_render_counts[block] += 1
            self._committed_blocks.append(block)
            self._record(rendered)
            if keep_last_as_tail and position == len(blocks) - 1:
                self._body_writer.set_tail(rendered.html)  # no empty line after the last piece
            else:
                self._body_writer.commit(rendered.html)
        if keep_last_as_tail and not blocks:
            self._body_writer.set_tail("")

    def _repaint(self) -> None:
        if self._done:
            return
        # One edit block: Qt re-scans the document's frames once per repaint, not per piece.
        with self._message_writer.edit_block():
            self._paint_changes()
        self.repaint_count += 1

    def _paint_changes(self) -> None:
        committed = bool(self._new_blocks)
        self._commit_new_blocks()
        tail = self._splitter.tail
        if committed or tail != self._shown_tail:
            # A long unfinished block (an open code fence) is coloured once, when complete.
            highlight = len(tail) <= TAIL_HIGHLIGHT_LIMIT
            rendered = self._render_block(tail, highlight) if tail.strip() else None
            del self._entry.code_blocks[self._committed_codes :]
            if rendered is not None:
                self._entry.code_blocks.extend(code.code for code in rendered.code_blocks)
            self._body_writer.set_tail(rendered.html if rendered is not None else "")
            self._shown_tail = tail
        if self._meta_dirty or self._footer_dirty:
            self._entry.message = self._snapshot(MessageStatus.STREAMING)
        if self._meta_dirty:
            self._message_writer.render_meta(self._entry)
        if self._footer_dirty:
            self._message_writer.render_footer(self._entry)
        self._meta_dirty = self._footer_dirty = False


def _same_call(shown: ToolSummary, update: ToolSummary) -> bool:
    if shown.call_id or update.call_id:
        return shown.call_id == update.call_id
    if shown.name != update.name:
        return False
    return (
        not shown.input_preview
        or not update.input_preview
        or (shown.input_preview == update.input_preview)
    )
