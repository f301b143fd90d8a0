"""Editing the transcript QTextDocument: a frame per message, pieces of HTML replaced in place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
)


def _gap_formats() -> tuple[QTextBlockFormat, QTextCharFormat]:
    # Qt needs a block after every frame; these make those blocks 1-2 px high.
    block = QTextBlockFormat()
    block.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    block.setTopMargin(0)
    block.setBottomMargin(0)
    char = QTextCharFormat()
    char.setFontPointSize(1)
    return block, char


def make_gap(cursor: QTextCursor) -> None:
    """Make the cursor's (empty) block as thin as Qt allows."""
    block, char = _gap_formats()
    cursor.setBlockFormat(block)
    cursor.setBlockCharFormat(char)


@dataclass(frozen=True, slots=True)
class ParsedHtml:
    """A piece of HTML parsed once: the fragment to insert and how to fix its first block.

    `insertHtml` merges the first inserted paragraph into the current block and drops its
    block format (a heading would lose its size), so the first block's formats are kept here
    and put back after the insertion.
    """

    fragment: QTextDocumentFragment
    first_kind: str  # "plain", "gap" (blank line Qt puts before a table) or "list"
    block_format: QTextBlockFormat
    char_format: QTextCharFormat


class HtmlParser:
    """Parses HTML in a target document's style, reusing one scratch document.

    A fresh scratch document per piece parsed the style sheet again each time, which cost
    more than the piece itself; the small, repeated pieces (the header of every message is
    the same few lines) are kept parsed.
    """

    _REPEATS_KEPT = 16

    def __init__(self, parent: QObject | None = None) -> None:
        self._scratch = QTextDocument(parent)
        self._scratch.setUndoRedoEnabled(False)
        self._css: str | None = None
        self._repeats: dict[str, ParsedHtml] = {}
        #: How many pieces were actually parsed (for tests and benchmarks).
        self.parse_count = 0

    def parse(self, document: QTextDocument, html: str) -> ParsedHtml:
        """`html` as it would look in `document` (same style sheet and font)."""
        css, font = document.defaultStyleSheet(), document.defaultFont()
        if css != self._css or font != self._scratch.defaultFont():
            self._scratch.setDefaultStyleSheet(css)
            self._scratch.setDefaultFont(font)
            self._css = css
            self._repeats.clear()
        if len(html) < 200:
            parsed = self._repeats.get(html)
            if parsed is not None:
                return parsed
        self._scratch.setHtml(html)
        self.parse_count += 1
        first = self._scratch.begin()
        if first.textList() is not None:
            kind = "list"
        elif _is_blank_before_frame(first):
            kind = "gap"
        else:
            kind = "plain"
        parsed = ParsedHtml(
            QTextDocumentFragment(self._scratch), kind, first.blockFormat(), first.charFormat()
        )
        if len(html) < 200:
            if len(self._repeats) >= self._REPEATS_KEPT:
                del self._repeats[next(iter(self._repeats))]
            self._repeats[html] = parsed
        return parsed


def replace_to_frame_end(
    document: QTextDocument, frame: QTextFrame, start: int, html: str, parser: HtmlParser
) -> QTextCursor:
    """Replace the text from `start` (a block start inside `frame`) to the frame's end by `html`.

    Returns a cursor at the end of the inserted text.
    """
    parsed = parser.parse(document, html)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    cursor.setBlockFormat(QTextBlockFormat())  # also takes the block out of any old list
    cursor.setBlockCharFormat(QTextCharFormat())
    if not parsed.fragment.isEmpty():
        cursor.insertFragment(parsed.fragment)
    fix = QTextCursor(document)
    fix.setPosition(start)
    if parsed.first_kind == "gap":
        make_gap(fix)  # Qt starts a table with an empty line: keep it thin
    elif parsed.first_kind == "plain":
        fix.setBlockFormat(parsed.block_format)
        fix.setBlockCharFormat(parsed.char_format)
    elif not fix.block().text() and fix.block().next().textList() is not None:
        fix.deleteChar()  # Qt put the list after an empty line; the list item keeps its list
    cursor.endEditBlock()
    return cursor


def _is_blank_before_frame(block: QTextBlock) -> bool:
    following = block.next()
    if block.text() or not following.isValid() or _is_rule(block):
        return False
    return QTextCursor(following).currentFrame() is not block.document().rootFrame()


def _is_rule(block: QTextBlock) -> bool:
    return block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def replace_frame(
    document: QTextDocument, frame: QTextFrame, html: str, parser: HtmlParser
) -> None:
    """Replace the whole content of `frame` by `html`."""
    replace_to_frame_end(document, frame, frame.firstPosition(), html, parser)


@dataclass(slots=True)
class MessageFrames:
    """The frames of one message: the outer one, and header, body and footer inside it."""

    outer: QTextFrame
    meta: QTextFrame
    body: QTextFrame
    footer: QTextFrame

    def remove(self, document: QTextDocument) -> None:
        """Remove this message and everything after it from the document."""
        cursor = QTextCursor(document)
        cursor.setPosition(self.outer.firstPosition() - 1)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        make_gap(cursor)


def insert_message_frames(
    document: QTextDocument, position: int, background: str | None, bottom_margin: int = 10
) -> MessageFrames:
    """Add an empty message at `position`: the start of an empty block of the root frame.

    The block after the new message is again an empty root block, at the returned
    `outer.lastPosition() + 1`: the place for the message that follows it.
    """
    outer_format = QTextFrameFormat()
    outer_format.setPadding(8 if background else 2)
    outer_format.setBottomMargin(bottom_margin)
    if background:
        outer_format.setBackground(QBrush(QColor(background)))
    inner_format = QTextFrameFormat()
    inner_format.setMargin(0)
    inner_format.setPadding(0)

    cursor = QTextCursor(document)
    cursor.setPosition(position)
    make_gap(cursor)
    outer = cursor.insertFrame(outer_format)
    inner: list[QTextFrame] = []
    for _ in range(3):
        frame = cursor.insertFrame(inner_format)
        inner.append(frame)
        cursor.setPosition(frame.lastPosition() + 1)
        make_gap(cursor)
    cursor.setPosition(outer.firstPosition())
    make_gap(cursor)
    cursor.setPosition(outer.lastPosition() + 1)
    make_gap(cursor)
    return MessageFrames(outer=outer, meta=inner[0], body=inner[1], footer=inner[2])


class BodyWriter:
    """Writes a message body as a sequence of pieces: finished ones, then one replaceable tail.

    A finished piece is inserted once and never touched again; each repaint replaces only
    the tail. The tail's start is tracked by a cursor one position before it, so edits to
    earlier messages move it along and edits at the tail itself do not.
    """

    def __init__(self, document: QTextDocument, frame: QTextFrame, parser: HtmlParser) -> None:
        self._document = document
        self._frame = frame
        self._parser = parser
        self._anchor = QTextCursor(document)
        self._anchor.setPosition(frame.firstPosition() - 1)

    def _tail_start(self) -> int:
        return self._anchor.position() + 1

    def set_tail(self, html: str) -> None:
        """Replace the unfinished tail by `html`."""
        replace_to_frame_end(self._document, self._frame, self._tail_start(), html, self._parser)

    def commit(self, html: str) -> None:
        """Replace the tail by a finished piece and start a new, empty tail after it."""
        cursor = replace_to_frame_end(
            self._document, self._frame, self._tail_start(), html, self._parser
        )
        cursor.setPosition(self._frame.lastPosition())
        block = cursor.block()
        if block.text() or block.textList() is not None or _is_rule(block):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        else:
            cursor.setBlockFormat(QTextBlockFormat())
            cursor.setBlockCharFormat(QTextCharFormat())
        self._anchor.setPosition(cursor.position() - 1)
