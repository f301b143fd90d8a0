"""Long code lines wrap inside their block: the conversation never scrolls sideways."""

from __future__ import annotations

import pytest

from desktop_app.core.markdown_render import render_markdown_html
from desktop_app.gui.transcript import TranscriptView
from tests.gui.test_transcript_support import reply, user

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LONG_LINE = "x = [" + ", ".join(f"{n:03d}" for n in range(60)) + "]"
NO_SPACES = "a" * 320


@pytest.mark.parametrize("line", [LONG_LINE, NO_SPACES], ids=["words", "one-token"])
def test_a_300_character_code_line_needs_no_horizontal_scrollbar(qtbot, line: str) -> None:
    assert len(line) >= 300
    view = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_messages([user("u1", "code please"), reply("a1", f"```python\n{line}\n```\n")])
    qtbot.waitUntil(lambda: view.document().size().width() > 0)
    bar = view.browser.horizontalScrollBar()
    assert bar.maximum() == 0
    assert not bar.isVisible()
    assert view.document().size().width() <= view.browser.viewport().width() + 1
    # The whole line is still there, character for character.
    assert line in view.document().toPlainText().replace("\u2028", "").replace("\n", "")


def test_code_blocks_are_marked_pre_wrap() -> None:
    assert "white-space: pre-wrap" in render_markdown_html("```\ncode\n```\n")
