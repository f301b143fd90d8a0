"""TranscriptView: the conversation in one read-only QTextBrowser, one frame per message."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import QShowEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop_app.core.markdown_render import is_safe_link
from desktop_app.core.message_parts import parts_markdown
from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.transcript.bodies import BodyRenderer
from desktop_app.gui.transcript.browser import SafeTextBrowser
from desktop_app.gui.transcript.hover_actions import HoverActions, MessageActions, actions_for
from desktop_app.gui.transcript.live import REPAINT_INTERVAL_MS, LiveReply
from desktop_app.gui.transcript.locate import (
    Flash,
    find_in_frame,
    find_wrapping,
    frame_cursor,
    frame_top,
)
from desktop_app.gui.transcript.scrolling import TOP_DEBOUNCE_MS, ScrollTracker
from desktop_app.gui.transcript.sections import (
    INTERNAL_SCHEME,
    parse_internal,
    role_label,
    status_sentence,
)
from desktop_app.gui.transcript.styles import palette_for
from desktop_app.gui.transcript.types import MessageView
from desktop_app.gui.transcript.writer import Entry, MessageWriter


class TranscriptView(QWidget):
    """Shows a conversation and renders the reply being streamed, cheaply and safely.

    A long conversation is shown a page at a time: the newest messages first
    (`set_messages`), older ones added above as the reader reaches the top
    (`scrolled_to_top` -> `prepend_messages`), each message rendered once.
    """

    retry_requested = Signal(str)
    edit_requested = Signal(str)
    link_activated = Signal(QUrl)  # only http, https and mailto; the window confirms first
    copied = Signal(str)  # what was put on the clipboard: "message", "code" or "conversation"
    scrolled_to_top = Signal()  # the reader reached (near) the top: time for older messages
    scrolled_to_bottom = Signal()  # the reader scrolled to (near) the end: newer ones, if any

    def __init__(
        self,
        parent: QWidget | None = None,
        repaint_interval_ms: int = REPAINT_INTERVAL_MS,
        top_debounce_ms: int = TOP_DEBOUNCE_MS,
    ):
        super().__init__(parent)
        self._repaint_interval_ms = repaint_interval_ms
        self._browser = SafeTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self._entries: dict[str, Entry] = {}
        self._building: QTextDocument | None = None
        self._writer = MessageWriter(self.document, palette_for(False), self)
        self._scroll = ScrollTracker(self._browser.verticalScrollBar(), top_debounce_ms, self)
        self._flash = Flash(self._browser)
        self._browser.apply_palette(self._writer.palette)
        # Made when the transcript is first shown: its first use of the viewport costs ~16 ms
        # (PySide builds the Python enums of the widget types then), spared at a start that
        # shows the welcome or empty page, and nobody can hover a hidden transcript.
        self._hover: HoverActions | None = None
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._browser.anchorClicked.connect(self.on_browser_anchor_clicked)
        self._scroll.top_reached.connect(self.on_scroll_top_reached)
        self._scroll.bottom_reached.connect(self.on_scroll_bottom_reached)

    # --- public API ------------------------------------------------------------------------

    @property
    def bodies(self) -> BodyRenderer:
        """The renderer of message bodies in the current theme (the live reply uses it too)."""
        return self._writer.bodies

    @property
    def writer(self) -> MessageWriter:
        """What writes messages into the document (the live reply uses it too; tests count)."""
        return self._writer

    @property
    def browser(self) -> SafeTextBrowser:
        """The text browser (for focus, key handling and tests)."""
        return self._browser

    @property
    def hover_actions(self) -> HoverActions:
        """The Copy / Edit / Retry bar over the message under the mouse."""
        if self._hover is None:
            self._hover = HoverActions(self._browser, self._actions_at)
            self._hover.triggered.connect(self.on_hover_triggered)
        return self._hover

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        _ = self.hover_actions  # ready before the mouse can reach a message

    @property
    def following(self) -> bool:
        """True while new text scrolls the view (the reader is at the bottom)."""
        return self._scroll.follow

    def document(self) -> QTextDocument:
        """The transcript document (while `set_messages` builds, the one being built)."""
        return self._building if self._building is not None else self._browser.document()

    def has_message(self, message_id: str) -> bool:
        """True if the message is shown."""
        return message_id in self._entries

    def message_count(self) -> int:
        """How many messages are shown."""
        return len(self._entries)

    def set_messages(self, messages: Sequence[MessageView]) -> None:
        """Show these messages instead of the current ones, and scroll to the end."""
        self.clear()
        # Build off-screen, then show: the browser lays the document out once, not per message.
        current = self._browser.document()
        self._building = QTextDocument(self._browser)
        self._building.setDefaultFont(current.defaultFont())
        self._building.setDefaultStyleSheet(current.defaultStyleSheet())
        self._building.setDocumentMargin(current.documentMargin())
        self._building.setUndoRedoEnabled(False)
        try:
            for entry in self._writer.add_at_top(messages):
                self._entries[entry.message.message_id] = entry
        finally:
            built, self._building = self._building, None
            ours = current.parent() is self._browser  # else Qt's own, deleted by setDocument
            self._browser.setDocument(built)
            if ours:
                current.deleteLater()
        self.scroll_to_end()
        self._scroll.check_top()

    def prepend_messages(self, messages: Sequence[MessageView]) -> None:
        """Insert older messages above the shown ones; the reader's view does not move.

        Nothing already shown is rendered again; the cost is that of the new messages. Ids
        already shown are skipped.
        """
        fresh = [message for message in messages if message.message_id not in self._entries]
        if not fresh:
            return
        bar = self._browser.verticalScrollBar()
        old_first = next(iter(self._entries.values()), None)
        document = self.document()
        top_before = frame_top(document, old_first.frames.outer) if old_first else 0.0
        value_before = bar.value()
        added = {entry.message.message_id: entry for entry in self._writer.add_at_top(fresh)}
        self._entries = added | self._entries
        if old_first is not None and not self._scroll.follow:
            grown = frame_top(document, old_first.frames.outer) - top_before
            self._scroll.hold(value_before + round(grown))
        self._scroll.check_top()

    def append_message(self, message: MessageView) -> None:
        """Add a finished (or failed) message at the end."""
        if message.message_id in self._entries:
            self.update_message(message)
            return
        with self._writer.edit_block():
            self._entries[message.message_id] = self._writer.add(message)

    def append_messages(self, messages: Sequence[MessageView]) -> None:
        """Add newer messages at the end in one edit block; the reader's view does not move."""
        fresh = [message for message in messages if message.message_id not in self._entries]
        if not fresh:
            return
        # A reader at the very end counts as following: keep their place instead, so the new
        # page is below them to read on into, not jumped over.
        self._scroll.hold(self._browser.verticalScrollBar().value())
        with self._writer.edit_block():
            for message in fresh:
                self._entries[message.message_id] = self._writer.add(message)

    def update_message(self, message: MessageView) -> None:
        """Show a message's new state (status, text, sources...); unknown ids are ignored."""
        entry = self._entries.get(message.message_id)
        if entry is None:
            return
        if entry.live is not None:
            entry.live.cancel()
            entry.live = None
        text_changed = message.text != entry.message.text or message.role != entry.message.role
        entry.message = message
        with self._writer.edit_block():
            if text_changed or not entry.piece_html:
                self._writer.render_body(entry)
            self._writer.render_meta(entry)
            self._writer.render_footer(entry)

    def remove_messages_from(self, message_id: str) -> None:
        """Remove this message and every message after it (edit & resend, regenerate)."""
        ids = list(self._entries)
        if message_id not in self._entries:
            return
        doomed = ids[ids.index(message_id) :]
        first = self._entries[doomed[0]]
        for doomed_id in doomed:
            entry = self._entries.pop(doomed_id)
            if entry.live is not None:
                entry.live.cancel()
        first.frames.remove(self.document())

    def start_reply(self, message_id: str) -> LiveReply:
        """Start showing a streaming assistant reply; feed it through the returned LiveReply."""
        message = MessageView(message_id, Role.ASSISTANT, "", MessageStatus.STREAMING)
        entry = self._entries.get(message_id)
        if entry is None or entry.message.role is not Role.ASSISTANT:
            if entry is not None:
                self.remove_messages_from(message_id)
            with self._writer.edit_block():
                entry = self._writer.add(message, render_body=False)
            self._entries[message_id] = entry
        else:  # the window showed the placeholder first: stream into it, where it is
            if entry.live is not None:
                entry.live.cancel()
            entry.message = message
            with self._writer.edit_block():
                self._writer.clear_body(entry)
                self._writer.render_meta(entry)
                self._writer.render_footer(entry)
        entry.live = LiveReply(self._writer, entry, self._repaint_interval_ms, self)
        return entry.live

    def clear(self) -> None:
        """Remove every message."""
        for entry in self._entries.values():
            if entry.live is not None:
                entry.live.cancel()
        self._entries.clear()
        self._flash.clear()
        self.document().clear()
        self._scroll.release()
        self._scroll.follow = True

    def set_theme(self, dark: bool) -> None:
        """Switch between the light and dark palettes (re-renders every message once)."""
        if dark == self._writer.palette.dark:
            return
        self._writer.set_palette(palette_for(dark))
        self._browser.apply_palette(self._writer.palette)
        self._flash.clear()
        self.document().clear()
        self._writer.rebuild(self._entries.values())

    def set_font_point_size(self, size: int) -> None:
        """Change the text size; everything already shown is rescaled, not re-rendered."""
        font = self.document().defaultFont()
        font.setPointSize(max(6, size))
        self.document().setDefaultFont(font)

    # QWidget.find (a static lookup by window id) is never used on this widget.
    def find(self, text: str, backward: bool = False) -> bool:  # type: ignore[override]
        """Select the next (or previous) match, wrapping around; False if there is none."""
        return find_wrapping(self._browser, text, backward)

    def scroll_to_message(self, message_id: str, highlight_text: str | None = None) -> bool:
        """Scroll so the message's top is at the top of the view, and point it out.

        With `highlight_text`, its first match in the message is selected (so Find goes on
        from there); otherwise, or if it does not appear as displayed, the whole message is
        highlighted for a moment. False if the message is not shown.
        """
        entry = self._entries.get(message_id)
        if entry is None:
            return False
        document = self.document()
        outer = entry.frames.outer
        match = find_in_frame(document, outer, highlight_text or "")
        if match is not None:
            self._browser.setTextCursor(match)
        self._scroll.hold(max(0, int(frame_top(document, outer))))
        if match is None:
            self._flash.show(frame_cursor(document, outer), self._writer.palette.flash)
        elif not self._browser.viewport().rect().contains(self._browser.cursorRect(match)):
            self._browser.ensureCursorVisible()  # a long message: the match is further down
        return True

    def message_markdown(self, message_id: str) -> str:
        """A message as Markdown: its text as written, then its tool calls and sources, if any.

        "" for an unknown id.
        """
        entry = self._entries.get(message_id)
        if entry is None:
            return ""
        text = entry.live.text() if entry.live is not None else entry.message.text
        parts = parts_markdown(entry.message.parts)
        return f"{text.rstrip()}\n\n{parts}" if parts else text

    def message_plain_text(self, message_id: str) -> str:
        """The text of a message's body as displayed (rendered, without formatting)."""
        entry = self._entries.get(message_id)
        if entry is None:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(entry.frames.body.firstPosition())
        cursor.setPosition(entry.frames.body.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        return cursor.selection().toPlainText()

    def conversation_markdown(self) -> str:
        """The whole conversation as Markdown, one section per message.

        A reply's own headings are moved below the role headings, so the roles stay on top.
        """
        # Loaded on first use, not before the first paint (its patterns compile at import).
        from desktop_app.core.markdown_text import shift_headings

        sections = []
        for message_id, entry in self._entries.items():
            label = role_label(entry.message.role)
            text = shift_headings(self.message_markdown(message_id).rstrip(), 3)
            section = f"### {label}\n\n{text}"
            sentence = status_sentence(entry.message.status, entry.message.error_text)
            if sentence:
                section += f"\n\n*({sentence})*"
            sections.append(section)
        return "\n\n".join(sections) + "\n" if sections else ""

    def copy_message(self, message_id: str) -> None:
        """Put a message on the clipboard as HTML and as plain text (its Markdown), together."""
        entry = self._entries.get(message_id)
        if entry is None:
            return
        text = self.message_markdown(message_id)
        body = self._writer.bodies.render_for_clipboard(entry.message.role, text)
        _put_on_clipboard(body, text)
        self.copied.emit("message")

    def copy_conversation(self) -> None:
        """Put the whole conversation on the clipboard as HTML and as Markdown, together."""
        if not self._entries:
            return
        text = self.conversation_markdown()
        body = self._writer.bodies.render_for_clipboard(Role.ASSISTANT, text)
        _put_on_clipboard(body, text)
        self.copied.emit("conversation")

    def scroll_to_end(self) -> None:
        """Scroll to the bottom and follow new text from there."""
        self._scroll.to_end()

    # --- slots -----------------------------------------------------------------------------

    def on_browser_anchor_clicked(self, url: QUrl) -> None:
        """Handle our own action links; pass on only safe external links; drop the rest."""
        if url.scheme() == INTERNAL_SCHEME:
            self._handle_internal(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        elif is_safe_link(url.toString(QUrl.ComponentFormattingOption.FullyEncoded)):
            self.link_activated.emit(url)

    def on_hover_triggered(self, action: str, message_id: str) -> None:
        """Copy, Edit or Retry from the bar over a message."""
        if message_id not in self._entries:
            return
        if action == "retry":
            self.retry_requested.emit(message_id)
        elif action == "edit":
            self.edit_requested.emit(message_id)
        elif action == "copy":
            self.copy_message(message_id)

    def on_scroll_top_reached(self) -> None:
        """Tell the window the reader is at the top (only when there is something shown)."""
        if self._entries and self._building is None:
            self.scrolled_to_top.emit()

    def on_scroll_bottom_reached(self) -> None:
        """Tell the window the reader scrolled to the end (only when there is something shown)."""
        if self._entries and self._building is None:
            self.scrolled_to_bottom.emit()

    # --- internals -----------------------------------------------------------------------

    def _actions_at(self, frame_start: int) -> MessageActions | None:
        # The message whose frame starts there (a page of messages: a short linear search).
        if self._building is not None:
            return None
        for message_id, entry in self._entries.items():
            if entry.frames.outer.firstPosition() == frame_start:
                message = entry.message
                return MessageActions(message_id, actions_for(message.role, message.status))
        return None

    def _handle_internal(self, encoded_url: str) -> None:
        link = parse_internal(encoded_url)
        entry = self._entries.get(link.message_id) if link else None
        if link is None or entry is None:
            return
        if link.action == "copy-code" and link.argument.isdigit():
            index = int(link.argument)
            if index < len(entry.code_blocks):
                code = entry.code_blocks[index]
                _put_on_clipboard(f"<pre>{html.escape(code, quote=False)}</pre>", code)
                self.copied.emit("code")
        elif link.action in ("toggle-reasoning", "toggle-tools"):
            if link.action == "toggle-reasoning":
                entry.reasoning_open = not entry.reasoning_open
            else:
                entry.tools_open = not entry.tools_open
            with self._writer.edit_block():
                self._writer.render_meta(entry)


def _put_on_clipboard(body_html: str, text: str) -> None:
    """HTML for rich editors and the Markdown (or code) as text for the rest, together."""
    mime = QMimeData()
    mime.setHtml(f'<html><head><meta charset="utf-8"></head><body>{body_html}</body></html>')
    mime.setText(text)
    QApplication.clipboard().setMimeData(mime)
