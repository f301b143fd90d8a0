"""Long conversations: older pages prepended in place, the top reported, a message scrolled to."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from desktop_app.core.models import Role
from desktop_app.gui.transcript import TranscriptView
from tests.gui.test_transcript_support import (
    SAMPLE_REPLY,
    anchors,
    click,
    hover_action,
    lines,
    reply,
    user,
)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView(repaint_interval_ms=5, top_debounce_ms=10)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def page(first: int, count: int, text: str = "") -> list:
    """Messages `first` .. `first + count - 1`, alternating question and answer."""
    messages = []
    for number in range(first, first + count):
        body = text or f"message {number}\n\nsome more words for message {number}"
        if number % 2 == 0:
            messages.append(user(f"m{number}", body))
        else:
            messages.append(reply(f"m{number}", body))
    return messages


def count_edits(document: QTextDocument, action) -> int:
    """How many edit blocks `action` finished in `document` (each one re-scans its frames)."""
    seen: list[int] = []
    document.contentsChanged.connect(lambda: seen.append(1))
    action()
    return len(seen)


def test_set_messages_builds_in_one_edit_whatever_the_length(view) -> None:
    # Qt walks the whole document at the end of every edit that adds frames: one per batch
    # keeps the cost per message flat (it was one per message part: quadratic in messages).
    for size in (10, 200):
        before = view.writer.edit_block_count
        view.set_messages(page(0, size))
        assert view.writer.edit_block_count == before + 1
        assert view.message_count() == size


def test_parsing_cost_per_message_does_not_grow(view) -> None:
    view.set_messages(page(0, 20))
    small = view.writer.parser.parse_count
    view.set_messages(page(1000, 200))
    large = view.writer.parser.parse_count - small
    assert large <= 10 * small  # at most as many parses per message as for 20 messages


def test_prepend_inserts_older_messages_without_rendering_the_shown_ones(view) -> None:
    view.set_messages(page(50, 50))
    shown_before = {f"m{n}": view.message_plain_text(f"m{n}") for n in range(50, 100)}
    frames_before = {f"m{n}": view._entries[f"m{n}"].frames.outer for n in range(50, 100)}
    view.writer.body_write_counts.clear()
    edits = count_edits(view.document(), lambda: view.prepend_messages(page(0, 50)))
    assert edits == 1
    assert set(view.writer.body_write_counts) == {f"m{n}" for n in range(50)}  # only the new ones
    assert set(view.writer.body_write_counts.values()) == {1}
    for message_id, text in shown_before.items():
        assert view.message_plain_text(message_id) == text
        assert view._entries[message_id].frames.outer is frames_before[message_id]
    markdown = view.conversation_markdown()
    positions = [markdown.index(f"message {n}\n") for n in range(100)]
    assert positions == sorted(positions)  # in conversation order, older ones first
    assert lines(view.document().toPlainText())[:2] == ["You", "message 0"]


def test_prepend_skips_messages_already_shown(view) -> None:
    view.set_messages(page(10, 10))
    view.prepend_messages(page(5, 10))  # overlaps 10..14
    assert view.message_count() == 15
    assert view.conversation_markdown().count("words for message 12\n") == 1


def test_prepend_keeps_the_readers_view_where_it_was(qtbot, view) -> None:
    view.set_messages(page(50, 50))
    bar = view.browser.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the reader scrolls up to the middle
    cursor_before = view.browser.cursorForPosition(view.browser.viewport().rect().center())
    position_before = cursor_before.position()
    text_before = view.message_plain_text("m60")
    old_maximum = bar.maximum()
    view.prepend_messages(page(0, 50))
    assert bar.maximum() > old_maximum
    cursor_after = view.browser.cursorForPosition(view.browser.viewport().rect().center())
    # The same text is under the middle of the view (positions moved by what was inserted).
    inserted = view._entries["m50"].frames.outer.firstPosition() - 1
    assert abs(cursor_after.position() - inserted - position_before) <= 3
    assert not view.following
    assert view.message_plain_text("m60") == text_before


def test_prepend_at_the_bottom_stays_at_the_bottom(view) -> None:
    view.set_messages(page(50, 30))
    bar = view.browser.verticalScrollBar()
    assert bar.value() == bar.maximum()
    view.prepend_messages(page(0, 50))
    assert bar.value() == bar.maximum()
    assert view.following


def test_prepend_into_an_empty_view_and_then_stream(qtbot, view) -> None:
    view.prepend_messages(page(0, 3))
    assert view.message_count() == 3
    live = view.start_reply("live")
    live.append_text("streamed **answer**")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    from desktop_app.core.models import MessageStatus

    live.finish(MessageStatus.COMPLETE)
    assert view.conversation_markdown().endswith("### Agent\n\nstreamed **answer**\n")


def test_actions_work_on_prepended_messages(qtbot, view) -> None:
    from PySide6.QtGui import QGuiApplication

    view.set_messages(page(2, 2))
    view.prepend_messages([user("q0", "first question"), reply("a0", SAMPLE_REPLY)])
    copy_code = [href for href in anchors(view) if "copy-code" in href]
    click(view, copy_code[0])
    assert QGuiApplication.clipboard().text().startswith("def add(a, b):")
    with qtbot.waitSignal(view.edit_requested) as edited:
        hover_action(view, "q0", "edit")
    assert edited.args == ["q0"]
    view.update_message(reply("a0", "changed"))
    assert lines(view.message_plain_text("a0")) == ["changed"]
    view.remove_messages_from("m3")
    assert view.message_count() == 3
    view.set_theme(True)
    assert lines(view.message_plain_text("a0")) == ["changed"]
    assert lines(view.message_plain_text("q0")) == ["first question"]
    text = view.document().toPlainText()
    assert text.index("first question") < text.index("changed") < text.index("message 2")


def test_scrolling_to_the_top_is_reported_once_per_stop(qtbot, view) -> None:
    view.set_messages(page(0, 60))
    bar = view.browser.verticalScrollBar()
    reports: list[int] = []
    view.scrolled_to_top.connect(lambda: reports.append(bar.value()))
    for value in range(bar.maximum() // 2, -1, -max(1, bar.maximum() // 20)):
        bar.setValue(value)  # a quick scroll up: many small steps
    bar.setValue(0)
    qtbot.waitUntil(lambda: bool(reports))
    qtbot.wait(50)
    assert reports == [0]
    bar.setValue(bar.maximum())  # down again: nothing more
    qtbot.wait(50)
    assert len(reports) == 1


def test_a_short_conversation_reports_the_top_at_once(qtbot, view) -> None:
    # Nothing to scroll: the window gets the chance to load older messages anyway.
    with qtbot.waitSignal(view.scrolled_to_top):
        view.set_messages(page(0, 2))


def test_an_empty_transcript_does_not_report_the_top(qtbot, view) -> None:
    reports: list[bool] = []
    view.scrolled_to_top.connect(lambda: reports.append(True))
    view.set_messages([])
    qtbot.wait(50)
    assert reports == []


def test_scroll_to_message_puts_it_at_the_top_and_flashes_it(qtbot, view) -> None:
    view.set_messages(page(0, 80))
    bar = view.browser.verticalScrollBar()
    assert view.scroll_to_message("m20")
    assert not view.following
    top = view.browser.cursorForPosition(view.browser.viewport().rect().topLeft())
    frame = view._entries["m20"].frames.outer
    assert frame.firstPosition() - 1 <= top.position() <= frame.firstPosition() + 12
    selections = view.browser.extraSelections()
    assert len(selections) == 1
    assert selections[0].cursor.selectionStart() == frame.firstPosition()
    qtbot.waitUntil(lambda: not view.browser.extraSelections(), timeout=3000)
    assert bar.value() > 0
    assert not view.scroll_to_message("absent")


def test_scroll_to_message_selects_the_matched_text(view) -> None:
    view.set_messages([*page(0, 40), reply("hit", "alpha **Needle** omega"), *page(41, 40)])
    assert view.scroll_to_message("hit", highlight_text="needle")
    cursor = view.browser.textCursor()
    assert cursor.selectedText() == "Needle"
    frame = view._entries["hit"].frames.outer
    assert frame.firstPosition() <= cursor.selectionStart() <= frame.lastPosition()
    assert view.browser.extraSelections() == []
    assert view.find("needle")  # Find goes on from the hit (and wraps to it: the only one)
    # Text that is not displayed as such (Markdown syntax) falls back to the flash.
    assert view.scroll_to_message("hit", highlight_text="**Needle**")
    assert len(view.browser.extraSelections()) == 1


def test_scroll_to_a_prepended_message(view) -> None:
    view.set_messages(page(50, 50))
    view.prepend_messages(page(0, 50))
    assert view.scroll_to_message("m3", highlight_text="message 3")
    assert view.browser.textCursor().selectedText() == "message 3"
    visible = view.browser.viewport().rect()
    assert visible.contains(view.browser.cursorRect())


def test_user_roles_survive_prepend(view) -> None:
    view.prepend_messages(page(0, 2))
    assert [entry.message.role for entry in view._entries.values()] == [Role.USER, Role.ASSISTANT]
