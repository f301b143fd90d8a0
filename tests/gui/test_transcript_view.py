"""The transcript view: messages, actions, copying, finding, scrolling, themes and fonts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QPalette

from desktop_app.core.models import MessageStatus
from desktop_app.gui.transcript import TranscriptView
from desktop_app.gui.transcript.styles import DARK, LIGHT
from tests.gui.test_transcript_support import (
    SAMPLE_REPLY,
    anchors,
    click,
    hover,
    hover_action,
    lines,
    reply,
    user,
)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_messages_are_shown_in_order_with_their_roles(view) -> None:
    view.set_messages([user("u1", "Hello <b>there</b>\nsecond line"), reply("a1", "**Hi!**")])
    text = lines(view.document().toPlainText())
    assert text.index("You") < text.index("Hello <b>there</b>") < text.index("Agent")
    assert lines(view.message_plain_text("u1")) == ["Hello <b>there</b>", "second line"]
    assert lines(view.message_plain_text("a1")) == ["Hi!"]


def test_emoji_and_cjk_text_appear(view) -> None:
    view.set_messages([user("u1", "你好 🌍"), reply("a1", "こんにちは 👋🏽 **粗体**")])
    text = view.document().toPlainText()
    assert "你好 🌍" in text
    assert "こんにちは 👋🏽 粗体" in text


def test_code_block_copy_puts_exactly_the_code_on_the_clipboard(view) -> None:
    view.set_messages([reply("a1", SAMPLE_REPLY + "\n```\nsecond <block>\n```\n")])
    copy_links = [href for href in anchors(view) if "copy-code" in href]
    assert len(copy_links) == 2
    click(view, copy_links[0])
    assert (
        QGuiApplication.clipboard().text() == "def add(a, b):\n    return a + b\n\nprint(add(1, 2))"
    )
    click(view, copy_links[1])
    assert QGuiApplication.clipboard().text() == "second <block>"


def test_copy_message_puts_html_and_markdown_together(view) -> None:
    view.set_messages([reply("a1", "# Title\n\nSome **bold** text")])
    view.copy_message("a1")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert mime.text() == "# Title\n\nSome **bold** text"
    assert "<strong>bold</strong>" in mime.html() and "<h1>" in mime.html()


def test_hover_actions_emit_retry_and_edit_and_copy(qtbot, view) -> None:
    view.set_messages([user("u/1", "question"), reply("a 1", "answer")])
    # No action links in the text any more: the bar over the hovered message has them.
    assert not [href for href in anchors(view) if href.split(":")[-1].startswith(("edit", "retry"))]
    assert not view.hover_actions.isVisible()
    hover(view, "u/1")
    bar = view.hover_actions
    assert bar.isVisible() and bar.message_id == "u/1"
    assert bar.button("edit").isVisibleTo(bar) and not bar.button("retry").isVisibleTo(bar)
    with qtbot.waitSignal(view.edit_requested) as edited:
        bar.button("edit").click()
    assert edited.args == ["u/1"]
    hover(view, "a 1")
    assert bar.message_id == "a 1"
    assert bar.button("retry").isVisibleTo(bar) and not bar.button("edit").isVisibleTo(bar)
    with qtbot.waitSignal(view.retry_requested) as retried:
        bar.button("retry").click()
    assert retried.args == ["a 1"]
    hover_action(view, "u/1", "copy")
    assert QGuiApplication.clipboard().text() == "question"


def test_status_lines_for_unfinished_replies(view) -> None:
    view.set_messages(
        [
            reply("a1", "x", status=MessageStatus.STOPPED),
            reply(
                "a2",
                "y",
                status=MessageStatus.ERROR,
                error_text="The agent reported an error: boom",
            ),
            reply("a3", "z", status=MessageStatus.INCOMPLETE),
            reply("a4", "w", status=MessageStatus.INTERRUPTED),
        ]
    )
    text = view.document().toPlainText()
    for sentence in (
        "Stopped",
        "The agent reported an error: boom",
        "The reply was cut off",
        "Interrupted",
    ):
        assert sentence in text


def test_update_message_changes_status_and_text(view) -> None:
    view.set_messages([reply("a1", "first", status=MessageStatus.STREAMING), user("u2", "next")])
    view.update_message(reply("a1", "first, edited", status=MessageStatus.STOPPED))
    assert lines(view.message_plain_text("a1")) == ["first, edited"]
    assert "Stopped" in view.document().toPlainText()
    assert lines(view.message_plain_text("u2")) == ["next"]


def test_remove_messages_from_drops_that_message_and_later_ones(view) -> None:
    view.set_messages([user("u1", "one"), reply("a1", "two"), user("u2", "three")])
    view.remove_messages_from("a1")
    assert view.conversation_markdown() == "### You\n\none\n"
    view.append_message(reply("a9", "again"))
    assert view.conversation_markdown() == "### You\n\none\n\n### Agent\n\nagain\n"
    assert "two" not in view.document().toPlainText()


def test_reasoning_expands_on_click(view) -> None:
    view.set_messages([reply("a1", "answer", reasoning="step one\nstep two")])
    assert "step one" not in view.document().toPlainText()
    toggle = next(href for href in anchors(view) if "toggle-reasoning" in href)
    click(view, toggle)
    assert "step one" in view.document().toPlainText()
    click(view, toggle)
    assert "step one" not in view.document().toPlainText()


def test_find_selects_matches_and_wraps(view) -> None:
    view.set_messages([user("u1", "alpha needle"), reply("a1", "beta *needle* gamma")])
    assert view.find("needle")
    first = view.browser.textCursor().selectionStart()
    assert view.browser.textCursor().selectedText() == "needle"
    assert view.find("needle")
    assert view.browser.textCursor().selectionStart() > first
    assert view.find("needle")  # wraps to the first one
    assert view.browser.textCursor().selectionStart() == first
    assert view.find("needle", backward=True)
    assert not view.find("absent")
    assert not view.find("")


def test_auto_scroll_follows_only_at_the_bottom(qtbot, view) -> None:
    view.set_messages([reply(f"a{index}", f"message {index}\n\n" * 3) for index in range(30)])
    bar = view.browser.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    live = view.start_reply("live")
    for index in range(40):
        live.append_text(f"line {index}\n\n")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    bar.setValue(bar.maximum() // 3)  # the reader scrolls up
    kept, old_maximum = bar.value(), bar.maximum()
    before = live.repaint_count
    for index in range(40):
        live.append_text(f"more {index}\n\n")
    qtbot.waitUntil(lambda: live.repaint_count > before)
    qtbot.waitUntil(lambda: bar.maximum() > old_maximum)
    assert bar.value() == kept
    bar.setValue(bar.maximum())  # back at the bottom: following again
    before = live.repaint_count
    live.append_text("the end\n\n" * 20)
    qtbot.waitUntil(lambda: live.repaint_count > before)
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())


def test_dark_theme_applies(view) -> None:
    view.set_messages([reply("a1", "```python\ndef f():\n    return 1\n```\n")])
    light_html = view.document().toHtml()
    view.set_theme(True)
    palette = view.browser.palette()
    assert palette.color(QPalette.ColorRole.Base).name() == DARK.background
    assert palette.color(QPalette.ColorRole.Text).name() == DARK.text
    dark_html = view.document().toHtml()
    assert DARK.code_background in dark_html and LIGHT.code_background not in dark_html
    assert dark_html != light_html
    assert lines(view.message_plain_text("a1")) == ["python · Copy", "def f():", "return 1"]
    view.set_theme(False)
    assert view.browser.palette().color(QPalette.ColorRole.Base).name() == LIGHT.background


def test_font_size_rescales_without_rerender(view) -> None:
    view.set_messages([reply("a1", "text")])
    view.set_font_point_size(19)
    assert view.document().defaultFont().pointSize() == 19


def test_conversation_markdown_and_clear(view) -> None:
    view.set_messages([user("u1", "q"), reply("a1", "**a**", status=MessageStatus.STOPPED)])
    assert view.conversation_markdown() == "### You\n\nq\n\n### Agent\n\n**a**\n\n*(Stopped)*\n"
    assert view.message_markdown("a1") == "**a**"
    view.clear()
    assert view.conversation_markdown() == ""
    assert view.message_markdown("a1") == ""


def test_reopening_a_conversation_reuses_the_rendered_bodies(view) -> None:
    messages = [user("u1", "q"), reply("a1", SAMPLE_REPLY)]
    view.set_messages(messages)
    first = view.document().toHtml()
    cached = view.bodies.cached_count
    view.set_messages([user("u9", "another chat")])
    view.set_messages(messages)
    assert view.bodies.cached_count == cached + 1  # only the other chat's message was new
    assert view.document().toHtml() == first
    click(view, next(href for href in anchors(view) if "copy-code" in href))
    assert QGuiApplication.clipboard().text().startswith("def add(a, b):")
