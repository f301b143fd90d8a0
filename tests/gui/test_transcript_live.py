"""The live reply: coalesced, throttled repaints that touch only the unfinished tail."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtGui import QGuiApplication

from desktop_app.core.markdown_render import split_blocks
from desktop_app.core.models import MessageStatus
from desktop_app.core.storage.records import SourceRecord, ToolRecord
from desktop_app.gui.transcript import TranscriptView
from tests.gui.test_transcript_support import SAMPLE_REPLY, anchors, click, lines, reply, user

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def view(qtbot) -> TranscriptView:
    widget = TranscriptView(repaint_interval_ms=5)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    return widget


def deltas(text: str, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    pieces, index = [], 0
    while index < len(text):
        size = rnd.randint(1, 6)
        pieces.append(text[index : index + size])
        index += size
    return pieces


def stream(qtbot, live, text: str, repaint_every: int = 15) -> None:
    """Feed `text` in small deltas, letting a repaint happen every `repaint_every` deltas."""
    for index, delta in enumerate(deltas(text), start=1):
        live.append_text(delta)
        if index % repaint_every == 0:
            before = live.repaint_count
            qtbot.waitUntil(lambda before=before: live.repaint_count > before)


def test_many_deltas_make_several_repaints_not_one_each(qtbot, view) -> None:
    live = view.start_reply("a1")
    pieces = deltas(SAMPLE_REPLY)
    stream(qtbot, live, SAMPLE_REPLY)
    assert live.repaint_count >= 5
    assert live.repaint_count < len(pieces) / 5
    live.finish(MessageStatus.COMPLETE)
    assert live.finished


def test_a_burst_of_deltas_costs_one_repaint(qtbot, view) -> None:
    live = view.start_reply("a1")
    for delta in deltas("word " * 400):
        live.append_text(delta)
    assert live.repaint_count == 0  # nothing is painted per token
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    assert live.repaint_count == 1
    assert "word word" in view.message_plain_text("a1")


def test_the_partial_reply_is_visible_while_it_streams(qtbot, view) -> None:
    live = view.start_reply("a1")
    live.append_text("# Heading\n\nfirst paragraph, still goi")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    assert lines(view.message_plain_text("a1")) == ["Heading", "first paragraph, still goi"]
    assert view.message_markdown("a1") == "# Heading\n\nfirst paragraph, still goi"


def test_final_text_equals_the_rendered_markdown(qtbot, view) -> None:
    live = view.start_reply("a1")
    stream(qtbot, live, SAMPLE_REPLY)
    live.finish(MessageStatus.COMPLETE)
    reference = TranscriptView()
    qtbot.addWidget(reference)
    reference.set_messages([reply("a1", SAMPLE_REPLY)])
    streamed = lines(view.message_plain_text("a1"))
    assert streamed == lines(reference.message_plain_text("a1"))
    assert streamed[0] == "Plan"
    assert "Final paragraph with 日本語 and emoji 🎉." in streamed
    assert view.message_markdown("a1") == SAMPLE_REPLY


def test_completed_blocks_are_rendered_exactly_once(qtbot, view) -> None:
    live = view.start_reply("a1")
    stream(qtbot, live, SAMPLE_REPLY, repaint_every=3)
    live.finish(MessageStatus.COMPLETE)
    assert live.repaint_count > 20  # the tail was repainted many times...
    # ...but each completed block was converted to HTML once.
    assert live.block_render_counts == Counter(split_blocks(SAMPLE_REPLY))
    assert set(live.block_render_counts.values()) == {1}


def test_earlier_messages_are_not_touched_by_the_stream(qtbot, view) -> None:
    view.set_messages([user("u1", "question"), reply("a0", "old **answer**")])
    before = view.message_plain_text("a0")
    live = view.start_reply("a1")
    stream(qtbot, live, SAMPLE_REPLY)
    live.finish(MessageStatus.COMPLETE)
    assert view.message_plain_text("a0") == before
    assert view.message_plain_text("u1") == "question"


def test_reasoning_tools_and_sources_are_shown_quietly(qtbot, view) -> None:
    live = view.start_reply("a1")
    live.append_reasoning("secret musings")
    live.add_tool(ToolRecord("c1", "search", "input-available", input={"q": "cats"}))
    # The output part names only the call id: it updates the same call, name and input kept.
    live.add_tool(ToolRecord("c1", "search", "output-available", {"q": "cats"}, "3 hits"))
    live.add_source(SourceRecord("s1", "https://cats.example", "Cats"))
    live.append_text("Answer")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    text = view.document().toPlainText()
    assert "Thinking…" in text
    assert "secret musings" not in text  # collapsed
    assert "Tools: search (done)" in text and "running" not in text
    live.finish(MessageStatus.COMPLETE)
    text = view.document().toPlainText()
    assert "Thought for a while" in text
    assert "Sources: Cats" in text
    copied = view.message_markdown("a1")
    assert copied.startswith("Answer\n\n**Tools:**\n- `search` (done)")
    assert "output: `3 hits`" in copied and "- Cats <https://cats.example>" in copied


def test_finish_with_a_problem_shows_its_status_line(qtbot, view) -> None:
    live = view.start_reply("a1")
    live.append_text("partial")
    # The window's own sentence is shown as it is: an HTTP failure was not "reported by the agent".
    live.finish(MessageStatus.ERROR, "The AgentsGT service failed (HTTP 500).")
    text = view.document().toPlainText()
    assert "The AgentsGT service failed (HTTP 500)." in text
    assert "reported" not in text
    live.append_text("ignored after finish")
    assert view.message_markdown("a1") == "partial"


def test_start_reply_streams_into_an_existing_placeholder(qtbot, view) -> None:
    view.set_messages([user("u1", "hi"), reply("a1", "", status=MessageStatus.STREAMING)])
    live = view.start_reply("a1")
    live.append_text("hello there")
    live.finish(MessageStatus.COMPLETE)
    assert view.conversation_markdown().index("hi") < view.conversation_markdown().index("hello")
    assert lines(view.message_plain_text("a1")) == ["hello there"]


def test_a_theme_switch_mid_stream_keeps_the_reply(qtbot, view) -> None:
    live = view.start_reply("a1")
    stream(qtbot, live, SAMPLE_REPLY[:200])
    view.set_theme(True)
    stream(qtbot, live, SAMPLE_REPLY[200:])
    live.finish(MessageStatus.COMPLETE)
    reference = TranscriptView()
    qtbot.addWidget(reference)
    reference.set_messages([reply("a1", SAMPLE_REPLY)])
    assert lines(view.message_plain_text("a1")) == lines(reference.message_plain_text("a1"))
    copy_links = [href for href in anchors(view) if "copy-code" in href]
    assert len(copy_links) == 1
    click(view, copy_links[0])
    assert QGuiApplication.clipboard().text().startswith("def add(a, b):\n")


def test_a_long_open_code_block_streams_uncoloured_then_is_coloured(qtbot, view) -> None:
    code = "".join(f"value_{index} = {index}\n" for index in range(400))
    live = view.start_reply("a1")
    live.append_text("```python\n" + code)
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    assert "#" not in view.document().toHtml().split("value_0", 1)[1][:40]  # no colour yet
    live.append_text("```\n")
    live.finish(MessageStatus.COMPLETE)
    html = view.document().toHtml()
    assert "color:#" in html.split("value_0", 1)[1][:400]
    click(view, next(href for href in anchors(view) if "copy-code" in href))
    assert QGuiApplication.clipboard().text() == code.removesuffix("\n")


def test_removing_the_live_message_stops_it(qtbot, view) -> None:
    live = view.start_reply("a1")
    live.append_text("text")
    view.remove_messages_from("a1")
    assert live.finished
    qtbot.wait(20)  # a scheduled repaint must not touch the removed message
    assert view.conversation_markdown() == ""


def _tables(view) -> int:
    from PySide6.QtGui import QTextTable

    frames, found = [view.document().rootFrame()], 0
    while frames:
        frame = frames.pop()
        found += isinstance(frame, QTextTable)
        frames.extend(frame.childFrames())
    return found


def test_an_unfinished_table_is_shown_as_text_until_it_is_complete(qtbot, view) -> None:
    # Qt walks the whole document whenever a frame (a table) is added or removed: re-rendering
    # a growing table at every repaint made long replies stall.
    live = view.start_reply("a1")
    live.append_text("Intro.\n\n| Setting | Default |\n|---|---|\n| workers | 4 |")
    qtbot.waitUntil(lambda: live.repaint_count >= 1)
    assert _tables(view) == 0
    assert "| workers | 4 |" in view.message_plain_text("a1")
    live.append_text("\n\nAfter the table.")
    live.finish(MessageStatus.COMPLETE)
    qtbot.waitUntil(lambda: live.settled)
    assert _tables(view) == 1  # rendered once, when complete
    assert "| workers |" not in view.message_plain_text("a1")
