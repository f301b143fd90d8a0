"""TranscriptView: the conversation in one read-only QTextBrowser, one frame per message."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from desktop_app.core.markdown_render import is_safe_link
from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.transcript.bodies import BodyRenderer
from desktop_app.gui.transcript.browser import SafeTextBrowser
from desktop_app.gui.transcript.document import (
    BodyWriter,
    MessageFrames,
    append_message_frames,
    replace_frame,
)
from desktop_app.gui.transcript.live import REPAINT_INTERVAL_MS, LiveReply
from desktop_app.gui.transcript.sections import (
    INTERNAL_SCHEME,
    ROLE_LABELS,
    footer_html,
    meta_html,
    parse_internal,
    status_sentence,
)
from desktop_app.gui.transcript.styles import palette_for
from desktop_app.gui.transcript.types import MessageView

#: The reader counts as "at the bottom" within this many pixels of it.
FOLLOW_SLACK_PX = 8


@dataclass(slots=True)
class _Entry:
    """What the view keeps per displayed message."""

    message: MessageView
    frames: MessageFrames
    code_blocks: list[str] = field(default_factory=list)
    piece_html: list[str] = field(default_factory=list)
    reasoning_open: bool = False
    tools_open: bool = False
    live: LiveReply | None = None


class TranscriptView(QWidget):
    """Shows a conversation and renders the reply being streamed, cheaply and safely."""

    retry_requested = Signal(str)
    edit_requested = Signal(str)
    link_activated = Signal(QUrl)  # only http, https and mailto; the window confirms first
    copied = Signal(str)  # what was put on the clipboard: "message" or "code"

    def __init__(
        self, parent: QWidget | None = None, repaint_interval_ms: int = REPAINT_INTERVAL_MS
    ):
        super().__init__(parent)
        self._repaint_interval_ms = repaint_interval_ms
        self._browser = SafeTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self._entries: dict[str, _Entry] = {}
        self._building: QTextDocument | None = None
        self._follow = True
        self._palette = palette_for(False)
        self._bodies = BodyRenderer(self._palette)
        self._browser.apply_palette(self._palette)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._browser.anchorClicked.connect(self.on_browser_anchor_clicked)
        bar = self._browser.verticalScrollBar()
        bar.valueChanged.connect(self.on_scroll_value_changed)
        bar.rangeChanged.connect(self.on_scroll_range_changed)

    # --- public API ------------------------------------------------------------------------

    @property
    def bodies(self) -> BodyRenderer:
        """The renderer of message bodies in the current theme (the live reply uses it too)."""
        return self._bodies

    @property
    def browser(self) -> SafeTextBrowser:
        """The text browser (for focus, key handling and tests)."""
        return self._browser

    def document(self) -> QTextDocument:
        """The transcript document (while `set_messages` builds, the one being built)."""
        return self._building if self._building is not None else self._browser.document()

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
            for message in messages:
                self._add_entry(message)
        finally:
            built, self._building = self._building, None
            ours = current.parent() is self._browser  # else Qt's own, deleted by setDocument
            self._browser.setDocument(built)
            if ours:
                current.deleteLater()
        self.scroll_to_end()

    def append_message(self, message: MessageView) -> None:
        """Add a finished (or failed) message at the end."""
        if message.message_id in self._entries:
            self.update_message(message)
            return
        self._add_entry(message)

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
        if text_changed or not entry.piece_html:
            self._render_body(entry)
        self._render_meta(entry)
        self._render_footer(entry)

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
            entry = self._add_entry(message, render_body=False)
        else:  # the window showed the placeholder first: stream into it, where it is
            if entry.live is not None:
                entry.live.cancel()
            entry.message = message
            entry.code_blocks.clear()
            entry.piece_html.clear()
            replace_frame(self.document(), entry.frames.body, "")
            self._render_meta(entry)
            self._render_footer(entry)
        entry.live = LiveReply(self, entry, self._repaint_interval_ms)
        return entry.live

    def clear(self) -> None:
        """Remove every message."""
        for entry in self._entries.values():
            if entry.live is not None:
                entry.live.cancel()
        self._entries.clear()
        self.document().clear()
        self._follow = True

    def set_theme(self, dark: bool) -> None:
        """Switch between the light and dark palettes (re-renders every message once)."""
        if dark == self._palette.dark:
            return
        self._palette = palette_for(dark)
        self._bodies = BodyRenderer(self._palette)
        self._browser.apply_palette(self._palette)
        self._rebuild()

    def set_font_point_size(self, size: int) -> None:
        """Change the text size; everything already shown is rescaled, not re-rendered."""
        font = self.document().defaultFont()
        font.setPointSize(max(6, size))
        self.document().setDefaultFont(font)

    def find(self, text: str, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around; False if there is none."""
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self._browser.find(text, flags):
            return True
        cursor = self._browser.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self._browser.setTextCursor(cursor)
        return self._browser.find(text, flags)

    def message_markdown(self, message_id: str) -> str:
        """A message's text as written (Markdown for replies); "" for an unknown id."""
        entry = self._entries.get(message_id)
        if entry is None:
            return ""
        return entry.live.text() if entry.live is not None else entry.message.text

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
        """The whole conversation as Markdown, one section per message."""
        sections = []
        for message_id, entry in self._entries.items():
            label = ROLE_LABELS.get(entry.message.role, str(entry.message.role))
            section = f"### {label}\n\n{self.message_markdown(message_id).rstrip()}"
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
        body = self._bodies.render_for_clipboard(entry.message.role, text)
        mime = QMimeData()
        mime.setHtml(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
        mime.setText(text)
        QApplication.clipboard().setMimeData(mime)
        self.copied.emit("message")

    def scroll_to_end(self) -> None:
        """Scroll to the bottom and follow new text from there."""
        self._follow = True
        bar = self._browser.verticalScrollBar()
        bar.setValue(bar.maximum())

    # --- slots -----------------------------------------------------------------------------

    def on_browser_anchor_clicked(self, url: QUrl) -> None:
        """Handle our own action links; pass on only safe external links; drop the rest."""
        if url.scheme() == INTERNAL_SCHEME:
            self._handle_internal(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        elif is_safe_link(url.toString(QUrl.ComponentFormattingOption.FullyEncoded)):
            self.link_activated.emit(url)

    def on_scroll_value_changed(self, value: int) -> None:
        """Follow the reply only while the reader is at the bottom."""
        self._follow = value >= self._browser.verticalScrollBar().maximum() - FOLLOW_SLACK_PX

    def on_scroll_range_changed(self, _minimum: int, maximum: int) -> None:
        """The document grew or shrank: stay at the bottom if the reader was there."""
        if self._follow:
            self._browser.verticalScrollBar().setValue(maximum)

    # --- rendering (also used by LiveReply) -------------------------------------------------

    def _rebuild(self) -> None:
        entries = list(self._entries.values())
        self.document().clear()
        for entry in entries:
            entry.frames = self._new_frames(entry.message.role)
            self._render_meta(entry)
            self._render_footer(entry)
            if entry.live is not None:
                entry.live.rebuild()
            else:
                self._render_body(entry)

    def _new_frames(self, role: Role) -> MessageFrames:
        background = self._palette.user_background if role is Role.USER else None
        return append_message_frames(self.document(), background)

    def _add_entry(self, message: MessageView, render_body: bool = True) -> _Entry:
        entry = _Entry(message=message, frames=self._new_frames(message.role))
        self._entries[message.message_id] = entry
        self._render_meta(entry)
        if render_body:
            self._render_body(entry)
        self._render_footer(entry)
        return entry

    def _render_body(self, entry: _Entry) -> None:
        """Render a finished message's body (cached: the same text is rendered once)."""
        body = self._bodies.render_body(entry.message)
        entry.piece_html[:] = body.piece_html
        entry.code_blocks[:] = body.code_blocks
        BodyWriter(self.document(), entry.frames.body).set_tail("".join(body.piece_html))

    def _render_meta(self, entry: _Entry) -> None:
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
        replace_frame(self.document(), entry.frames.meta, html)

    def _render_footer(self, entry: _Entry) -> None:
        message = entry.message
        html = footer_html(
            message.message_id, message.role, message.status, message.error_text, message.sources
        )
        replace_frame(self.document(), entry.frames.footer, html)

    def _handle_internal(self, encoded_url: str) -> None:
        link = parse_internal(encoded_url)
        entry = self._entries.get(link.message_id) if link else None
        if link is None or entry is None:
            return
        if link.action == "retry":
            self.retry_requested.emit(link.message_id)
        elif link.action == "edit":
            self.edit_requested.emit(link.message_id)
        elif link.action == "copy":
            self.copy_message(link.message_id)
        elif link.action == "copy-code" and link.argument.isdigit():
            index = int(link.argument)
            if index < len(entry.code_blocks):
                QApplication.clipboard().setText(entry.code_blocks[index])
                self.copied.emit("code")
        elif link.action in ("toggle-reasoning", "toggle-tools"):
            if link.action == "toggle-reasoning":
                entry.reasoning_open = not entry.reasoning_open
            else:
                entry.tools_open = not entry.tools_open
            self._render_meta(entry)
