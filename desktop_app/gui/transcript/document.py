"""Editing the transcript QTextDocument: a frame per message, pieces of HTML replaced in place."""

from __future__ import annotations

from dataclasses import dataclass

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


def replace_to_frame_end(
    document: QTextDocument, frame: QTextFrame, start: int, html: str
) -> QTextCursor:
    """Replace the text from `start` (a block start inside `frame`) to the frame's end by `html`.

    `insertHtml` merges the first inserted paragraph into the current block and drops its
    block format (a heading would lose its size), so the HTML is parsed once into a scratch
    document and its first block's format is put back after the insertion. Returns a cursor
    at the end of the inserted text.
    """
    scratch = QTextDocument()
    scratch.setDefaultStyleSheet(document.defaultStyleSheet())
    scratch.setDefaultFont(document.defaultFont())
    scratch.setHtml(html)
    first = scratch.begin()
    fragment = QTextDocumentFragment(scratch)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.setPosition(start)
    cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    cursor.setBlockFormat(QTextBlockFormat())  # also takes the block out of any old list
    cursor.setBlockCharFormat(QTextCharFormat())
    cursor.insertFragment(fragment)
    fix = QTextCursor(document)
    fix.setPosition(start)
    if first.textList() is None and _is_blank_before_frame(first):
        make_gap(fix)  # Qt starts a table with an empty line: keep it thin
    elif first.textList() is None:
        fix.setBlockFormat(first.blockFormat())
        fix.setBlockCharFormat(first.charFormat())
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


def replace_frame(document: QTextDocument, frame: QTextFrame, html: str) -> None:
    """Replace the whole content of `frame` by `html`."""
    replace_to_frame_end(document, frame, frame.firstPosition(), html)


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


def append_message_frames(
    document: QTextDocument, background: str | None, bottom_margin: int = 10
) -> MessageFrames:
    """Add an empty message at the end of the document."""
    outer_format = QTextFrameFormat()
    outer_format.setPadding(8 if background else 2)
    outer_format.setBottomMargin(bottom_margin)
    if background:
        outer_format.setBackground(QBrush(QColor(background)))
    inner_format = QTextFrameFormat()
    inner_format.setMargin(0)
    inner_format.setPadding(0)

    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
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

    def __init__(self, document: QTextDocument, frame: QTextFrame) -> None:
        self._document = document
        self._frame = frame
        self._anchor = QTextCursor(document)
        self._anchor.setPosition(frame.firstPosition() - 1)

    def _tail_start(self) -> int:
        return self._anchor.position() + 1

    def set_tail(self, html: str) -> None:
        """Replace the unfinished tail by `html`."""
        replace_to_frame_end(self._document, self._frame, self._tail_start(), html)

    def commit(self, html: str) -> None:
        """Replace the tail by a finished piece and start a new, empty tail after it."""
        cursor = replace_to_frame_end(self._document, self._frame, self._tail_start(), html)
        cursor.setPosition(self._frame.lastPosition())
        block = cursor.block()
        if block.text() or block.textList() is not None or _is_rule(block):
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        else:
            cursor.setBlockFormat(QTextBlockFormat())
            cursor.setBlockCharFormat(QTextCharFormat())
        self._anchor.setPosition(cursor.position() - 1)
