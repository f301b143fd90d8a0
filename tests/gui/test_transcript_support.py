"""Support for the transcript tests (no tests here): reading links and text out of the document."""

from __future__ import annotations

from PySide6.QtCore import QUrl

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
