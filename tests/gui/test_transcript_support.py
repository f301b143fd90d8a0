"""Support for the transcript tests (no tests here): reading links and text out of the document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop_app.core.models import MessageStatus, Role
from desktop_app.gui.transcript import MessageView, TranscriptView


def anchors(view: TranscriptView) -> list[str]:
    """Every link target in the transcript document, in order."""
    found: list[str] = []
    block = view.document().begin()
    while block.isValid():
        for iterator in block:
            char_format = iterator.fragment().charFormat()
            if char_format.isAnchor() and (not found or found[-1] != char_format.anchorHref()):
                found.append(char_format.anchorHref())
        block = block.next()
    return found


def click(view: TranscriptView, href: str) -> None:
    """Act as if the reader clicked this link (what QTextBrowser emits)."""
    view.browser.anchorClicked.emit(QUrl(href))


def hover(view: TranscriptView, message_id: str) -> None:
    """Move the mouse over a message's first line (its actions bar shows over it)."""
    view.scroll_to_message(message_id)
    QApplication.processEvents()
    # The message's top left, in the viewport: a point just inside its text.
    frame = next(entry.frames.outer for key, entry in view._entries.items() if key == message_id)
    rect = view.document().documentLayout().frameBoundingRect(frame)
    scroll = view.browser.verticalScrollBar().value()
    point = QPointF(rect.left() + 12, rect.top() - scroll + 8)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        point,
        view.browser.viewport().mapToGlobal(point),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.browser.viewport(), move)


def hover_action(view: TranscriptView, message_id: str, action: str) -> None:
    """Hover over a message and press one of its actions ("copy", "edit", "retry")."""
    hover(view, message_id)
    assert view.hover_actions.message_id == message_id
    view.hover_actions.button(action).click()


def lines(text: str) -> list[str]:
    """Non-blank lines, stripped (Qt's empty spacing blocks are not content)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def reply(message_id: str, text: str, **changes: object) -> MessageView:
    """A finished assistant message."""
    fields: dict[str, object] = {"status": MessageStatus.COMPLETE} | changes
    return MessageView(message_id, Role.ASSISTANT, text, **fields)  # type: ignore[arg-type]


def user(message_id: str, text: str) -> MessageView:
    """A user message."""
    return MessageView(message_id, Role.USER, text, MessageStatus.COMPLETE)


SAMPLE_REPLY = """## Plan

Here is **the plan** with a [link](https://example.com/docs) and ~~old~~ text.

1. First step
2. Second step

- loose item

- another loose item

  continued paragraph

```python
def add(a, b):
    return a + b

print(add(1, 2))
```

| Name | Value |
|:-----|------:|
| x | 1 |
| y | 22 |

> A quote here.

---

Final paragraph with 日本語 and emoji 🎉.
"""
